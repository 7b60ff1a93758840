//! The report for the administrator, as text, as Markdown and as an email.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, choose, today, toggle};
use email_troubleshooter::content::{BUILTIN_DE, BUILTIN_EN, BUILTIN_ES};
use email_troubleshooter::model::checks::mx::{MxFound, MxRecord, MxVerdict};
use email_troubleshooter::model::checks::rdap::Registration;
use email_troubleshooter::model::checks::{
    CheckResult, Failure, MxCheck, PortalCheck, RegistrationCheck,
};
use email_troubleshooter::model::config::CheckSettings;
use email_troubleshooter::model::report::{build, Detail, Fit, Report, MAX_MAILTO_LEN};
use email_troubleshooter::model::{
    diagnose, next_steps, user_agent, Action, Checklist, Choice, Date, Progress, StepKind,
    Timestamp, VERSION,
};

fn finished() -> Progress {
    let content = checklist();
    let mut progress =
        common::yes_then_password(&content, Timestamp(1_795_490_000), Timestamp(1_795_490_600));
    progress.apply(&content, Action::Continue, Timestamp(0));
    for step in 2..7 {
        progress.apply(
            &content,
            common::choose(step, if step == 6 { "yes" } else { "no" }),
            Timestamp(0),
        );
        progress.apply(&content, Action::Continue, Timestamp(0));
    }
    progress
}

fn report_of(content: &Checklist, progress: &Progress) -> Report {
    build(
        content,
        progress,
        &CheckSettings::default(),
        Timestamp(1_795_497_360),
        0,
        "Firefox 133 on Linux",
    )
}

#[test]
fn the_text_report_puts_the_cause_first_then_what_to_do_then_the_evidence() {
    let content = checklist();
    let report = report_of(&content, &finished()).text();
    let expected_lines = [
        "Email connection troubleshooting report",
        "What your answers point to",
        "- Likely: Your mailbox password changed (from question 2)",
        "  Type the new password into the account settings of your mail app, on every device that collects this mailbox.",
        "- Likely: Your usual internet connection (from question 7)",
        "  Contact your network administrator or your internet service provider, and tell them your mail app can't reach the mail server from that network.",
        "Your to-do list",
        "- Type the new password into your mail app on every device. (from question 2)",
        "If you have followed the steps above and your mail app still can't connect, contact your administrator. Tell them which questions you worked through and what each answer was.",
        "Answers",
        "1. Can you sign in to webmail and see new mail arriving?",
        "   Yes (given 24 November 2026, 03:13 (UTC))",
        "2. When did the problem start?",
        "   20 November 2026: I changed my mailbox password (given 24 November 2026, 03:23 (UTC))",
        "7. Can you connect to your mailbox using a different internet connection?",
        "Troubleshooting started: 24 November 2026, 03:13 (UTC)",
        "Report made: 24 November 2026, 05:16 (UTC)",
        "Browser and system: Firefox 133 on Linux",
        "Mail provider: Rackspace Cloud Office",
        // The version the workspace declares, read here from Cargo.toml itself.
        &format!("Troubleshooter version: {}", workspace_version()),
    ];
    let mut after = 0;
    for line in expected_lines {
        let line: &str = line;
        let at = report
            .lines()
            .skip(after)
            .position(|l| l == line)
            .unwrap_or_else(|| panic!("missing {line:?} after line {after} in:\n{report}"));
        after += at + 1;
    }
    assert!(
        report
            .starts_with("Email connection troubleshooting report\n\nWhat your answers point to\n"),
        "the findings come right after the title:\n{report}"
    );
    assert!(
        report.lines().all(|line| !line.starts_with("===")),
        "no underline rule to wrap on a phone:\n{report}"
    );
}

#[test]
fn the_markdown_report_has_the_same_content_with_headings() {
    let content = checklist();
    let built = report_of(&content, &finished());
    let markdown = built.markdown();
    assert!(markdown.starts_with(
        "# Email connection troubleshooting report\n\n## What your answers point to\n\n"
    ));
    assert!(markdown.contains("\n## Answers\n"));
    assert!(markdown.contains("- **Browser and system:** Firefox 133 on Linux\n"));
    assert!(markdown.contains(
        "- **Likely: Your mailbox password changed** (from question 2)  \n  Type the new password"
    ));
    assert!(markdown.contains("1. **Can you sign in to webmail and see new mail arriving?**  \n   Yes _(given 24 November 2026, 03:13 (UTC))_\n"));
    assert!(
        markdown.find("## What your answers point to") < markdown.find("## Answers"),
        "{markdown}"
    );
}

#[test]
fn outside_text_cannot_become_markdown_structure() {
    let content = checklist();
    let mut progress = finished();
    progress.apply(
        &content,
        Action::Checked(CheckResult::Registration(RegistrationCheck {
            domain: "example.com".into(),
            outcome: Ok(Some(Registration {
                expires: Date::new(2027, 1, 15),
                registrar: Some("[Renew now](https://evil.example/) <img src=x> *Reg*_".into()),
            })),
            at: Timestamp(1_795_497_000),
        })),
        Timestamp(0),
    );
    let markdown = build(
        &content,
        &progress,
        &CheckSettings::default(),
        Timestamp(1_795_497_360),
        0,
        "# Browser",
    )
    .markdown();
    assert!(
        markdown
            .contains(r"Registrar: \[Renew now\](https://evil.example/) \<img src=x\> \*Reg\*\_"),
        "{markdown}"
    );
    assert!(markdown.contains(r"- **Browser and system:** \# Browser"));
}

#[test]
fn a_report_of_contradicting_answers_names_the_contradiction() {
    let content = checklist();
    let mut progress = common::walk(&content, &["yes", "no", "no", "yes", "yes", "no"]);
    progress.apply(&content, Action::Change(0), Timestamp(0));
    let report = report_of(&content, &progress).text();
    assert!(
        report.contains("Some of your answers don't fit together"),
        "{report}"
    );
    assert!(
        report.contains("- You answered Yes to question 5, Yes to question 6. If everyone at your domain has this problem"),
        "the answers that clash are named: {report}"
    );
    let findings = &report[..report.find("\nAnswers\n").expect("answers")];
    for cause in diagnose(&content, &progress).causes() {
        let title = &content.finding(&cause.finding).expect("a finding").title;
        assert!(findings.contains(&**title), "{title} in {report}");
    }
}

#[test]
fn unanswered_questions_are_said_to_be_unanswered() {
    let content = checklist();
    let report = report_of(&content, &Progress::new(&content, today())).text();
    assert_eq!(report.matches("   Not answered").count(), 7, "{report}");
    assert!(
        report.contains("With questions still open or not sure, there isn't enough yet to say what the cause is.\n- 1. Can you sign in"),
        "{report}"
    );
    assert!(
        !report.contains("Troubleshooting started"),
        "nothing started yet"
    );
}

/// The body of a `mailto:` link, checking that every escape in the link is whole and that
/// the bytes are UTF-8.
fn body_of(href: &str) -> String {
    let encoded = &href[href.find("&body=").expect("a body") + 6..];
    let bytes = encoded.as_bytes();
    let mut decoded = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        assert!(
            byte.is_ascii_alphanumeric() || b"-._~%".contains(&byte),
            "{:?} left unescaped in {href}",
            char::from(byte)
        );
        if byte == b'%' {
            let hex = encoded.get(i + 1..i + 3).expect("two hex digits");
            decoded.push(u8::from_str_radix(hex, 16).expect("hex digits"));
            i += 3;
        } else {
            decoded.push(byte);
            i += 1;
        }
    }
    String::from_utf8(decoded)
        .expect("whole UTF-8 characters")
        .replace("\r\n", "\n")
}

#[test]
fn a_short_report_goes_into_the_email_whole() {
    let content = checklist();
    let mut progress = common::walk(&content, &["yes", "no", "no", "no", "no", "no"]);
    progress.apply(&content, Action::Change(0), Timestamp(0));
    let mut report = report_of(&content, &progress);
    report.answers.truncate(1);
    let (href, fit) = report.mailto(Some("it@example.com"), "Mail & me");
    assert!(href.starts_with("mailto:it@example.com?subject=Mail%20%26%20me&body=Email%20connection%20troubleshooting%20report%0D%0A%0D%0AWhat"));
    assert_eq!(fit, Fit::Whole);
    assert_eq!(body_of(&href), report.text());
}

#[test]
fn each_shorter_form_leaves_out_the_next_least_useful_part_and_keeps_every_finding() {
    let content = checklist();
    let progress = longest_walk(&content, ["yes", "yes", "yes", "no", "no", "no"]);
    let report = report_of(&content, &progress);
    let forms: Vec<String> = [
        Detail::All,
        Detail::NoAnswerTimes,
        Detail::ShortAnswers,
        Detail::ShortChecks,
        Detail::NoToDo,
        Detail::FindingTitles,
        Detail::FindingsOnly,
    ]
    .iter()
    .map(|&detail| report.text_with(detail))
    .collect();
    assert!(forms[0].contains("(given 24 November 2026"));
    assert!(!forms[1].contains("(given ") && forms[1].contains("5. Is everyone who uses"));
    assert!(!forms[2].contains("Is everyone who uses") && forms[2].contains("\n5. No\n"));
    assert!(forms[2].contains("Checked 24 November") && !forms[3].contains("Checked "));
    assert!(
        forms[3].contains("If you have followed") && !forms[4].contains("If you have followed")
    );
    assert!(forms[4].contains("Type the new password") && !forms[5].contains("Type the new"));
    assert!(forms[5].contains("\nAnswers\n") && !forms[6].contains("\nAnswers\n"));
    for pair in forms.windows(2) {
        assert!(pair[1].len() < pair[0].len(), "each form is shorter");
    }
    for form in &forms {
        for cause in &report.causes {
            assert!(form.contains(&cause.title), "{} in:\n{form}", cause.title);
        }
    }
}

/// Every step answered on a realistic day with a bad domain: `choices` for the six choice
/// steps, every change ticked at step 2 with a date, and the records check (mail going
/// elsewhere), the registration check (expired) and the webmail check (down) all run.
fn longest_walk(content: &Checklist, choices: [&str; 6]) -> Progress {
    let mut progress = Progress::new(content, today());
    let mut choices = choices.iter();
    for (index, step) in content.steps.iter().enumerate() {
        let now = Timestamp(1_795_490_000 + 600 * index as u64);
        if step.kind == StepKind::When {
            progress.apply(
                content,
                Action::SetDate {
                    step: index,
                    date: "2026-11-20".into(),
                },
                now,
            );
            for option in step.options.iter().filter(|o| !o.exclusive) {
                progress.apply(content, toggle(index, &option.id, true), now);
            }
        } else {
            progress.apply(
                content,
                choose(index, choices.next().expect("a choice")),
                now,
            );
        }
        progress.apply(content, Action::Continue, now);
    }
    let at = Timestamp(1_795_494_000);
    let domain = "northwind-traders.example";
    let records = [
        "aspmx.l.google.com",
        "alt1.aspmx.l.google.com",
        "alt2.aspmx.l.google.com",
        "alt3.aspmx.l.google.com",
        "alt4.aspmx.l.google.com",
    ];
    for result in [
        CheckResult::Mx(MxCheck {
            domain: domain.into(),
            outcome: Ok(MxFound {
                records: records
                    .iter()
                    .zip([1, 5, 5, 10, 10])
                    .map(|(host, priority)| MxRecord {
                        priority,
                        host: (*host).into(),
                    })
                    .collect(),
                more: 0,
                verdict: MxVerdict::NoneMatch,
            }),
            at,
        }),
        CheckResult::Registration(RegistrationCheck {
            domain: domain.into(),
            outcome: Ok(Some(Registration {
                expires: Date::new(2026, 11, 12),
                registrar: Some("Tucows Domains Inc.".into()),
            })),
            at,
        }),
        CheckResult::Portal(PortalCheck {
            url: "https://webmail.northwind-traders.example/owa/".into(),
            outcome: Err(Failure::Refused),
            at,
        }),
    ] {
        progress.apply(content, Action::Checked(result), Timestamp(0));
    }
    progress
}

/// Every combination of answers to the six choice steps: 729 walks.
fn every_choice() -> impl Iterator<Item = [&'static str; 6]> {
    (0..729).map(|mut n| {
        let mut choices = ["yes"; 6];
        for choice in &mut choices {
            *choice = ["yes", "no", "unsure"][n % 3];
            n /= 3;
        }
        choices
    })
}

#[test]
fn the_email_keeps_every_finding_for_every_walk_in_every_language() {
    for builtin in [&BUILTIN_EN, &BUILTIN_ES, &BUILTIN_DE] {
        let content = builtin.clone().with_provider_name();
        let browser = user_agent::describe(
            &content.text,
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
        );
        let (mut most_findings, mut shortened) = (0, 0);
        for choices in every_choice() {
            let progress = longest_walk(&content, choices);
            let report = build(
                &content,
                &progress,
                &CheckSettings::default(),
                Timestamp(1_795_497_360),
                -300,
                &browser,
            );
            let (href, fit) = report.mailto(
                Some("it-helpdesk@northwind-traders.example"),
                content.text.report_subject(),
            );
            assert!(
                href.len() <= MAX_MAILTO_LEN,
                "{}: {choices:?}: {} characters",
                content.lang,
                href.len()
            );
            assert_ne!(fit, Fit::FindingsCut, "{}: {choices:?}", content.lang);
            let body = body_of(&href);
            let causes = diagnose(&content, &progress);
            for cause in causes.causes() {
                let title = &content.finding(&cause.finding).expect("a finding").title;
                assert!(
                    body.contains(&**title),
                    "{}: {choices:?}: {title:?} missing from:\n{body}",
                    content.lang
                );
            }
            // Which troubleshooter made it, however short the email: the help desk asks first.
            let version = [content.text.report_version(), ": ", VERSION].concat();
            assert!(
                body.contains(&version),
                "{}: {choices:?}: {version:?} missing from:\n{body}",
                content.lang
            );
            assert_eq!(report.conflicts.len(), causes.conflicts().len());
            for (answers, _) in &report.conflicts {
                assert!(body.contains(answers), "{}: {choices:?}", content.lang);
            }
            if fit == Fit::Shortened {
                shortened += 1;
                assert!(body.ends_with(content.text.report_cut()), "{body}");
            }
            most_findings = most_findings.max(causes.causes().len());
        }
        assert!(
            most_findings >= 6,
            "{}: the walks reach {most_findings} findings at most",
            content.lang
        );
        assert!(shortened > 0, "{}: some emails are shortened", content.lang);
    }
}

#[test]
fn when_even_the_findings_cannot_fit_the_email_says_so_and_points_to_copy_and_download() {
    let mut content = checklist();
    // A host's own checklist whose findings are far longer than any built-in one.
    for finding in content.findings.to_mut() {
        finding.title = format!("{} {}", finding.title, "and more words ".repeat(12)).into();
    }
    let progress = longest_walk(&content, ["no", "yes", "yes", "no", "no", "yes"]);
    let report = report_of(&content, &progress);
    let (href, fit) = report.mailto(Some("it@example.com"), "Report");
    assert_eq!(fit, Fit::FindingsCut);
    assert!(href.len() <= MAX_MAILTO_LEN, "{} characters", href.len());
    let body = body_of(&href);
    assert!(
        body.ends_with(
            "\nNot everything your answers point to fits in an email. Before you send it, use “Copy the report” or “Download it” in the troubleshooter, and paste or attach the whole report."
        ),
        "{body}"
    );
    assert!(
        body.contains(&report.causes[0].title),
        "the most likely first"
    );
    let before_note = &body[..body.rfind('\n').expect("a note")];
    assert!(
        report
            .text_with(Detail::FindingsOnly)
            .starts_with(before_note),
        "whole lines of the findings, in order"
    );
}

#[test]
fn the_browser_and_system_are_named_in_the_reports_language() {
    let chrome_on_linux = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36";
    let cases = [
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome 131 on Windows 10/11"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86", "Edge 131 on Windows 10/11"),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari 18 on macOS"),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1", "Safari 17 on iOS 17"),
        ("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox 133 on Linux"),
        ("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", "Samsung Internet 26 on Android 14"),
        (chrome_on_linux, "Chrome 156 on Linux"),
        ("", "Unknown browser"),
        ("curl/8.5.0", "Unknown browser"),
        ("Chrome/", "Unknown browser"),
        ("SomeBot (Linux)", "Unknown browser on Linux"),
    ];
    for (ua, expected) in cases {
        assert_eq!(user_agent::describe(&BUILTIN_EN.text, ua), expected, "{ua}");
    }
    assert_eq!(
        user_agent::describe(&BUILTIN_ES.text, chrome_on_linux),
        "Chrome 156 en Linux"
    );
    assert_eq!(
        user_agent::describe(&BUILTIN_DE.text, chrome_on_linux),
        "Chrome 156 unter Linux"
    );
    assert_eq!(
        user_agent::describe(&BUILTIN_ES.text, "SomeBot (Linux)"),
        "Navegador desconocido en Linux"
    );
    assert_eq!(
        user_agent::describe(&BUILTIN_DE.text, "curl/8.5.0"),
        "Unbekannter Browser"
    );
}

#[test]
fn the_to_do_list_gathers_every_answers_next_step_with_not_sure_ones_marked() {
    let content = checklist();
    let progress = common::walk(&content, &["unsure", "no", "no", "unsure", "no", "yes"]);
    let report = report_of(&content, &progress).text();
    let to_do = report.find("\nYour to-do list\n").expect("a to-do list");
    assert!(
        report.find("\nWhat your answers point to\n") < Some(to_do)
            && Some(to_do) < report.find("\nAnswers\n"),
        "after the findings, before the answers:\n{report}"
    );
    let steps = next_steps(&content, &progress);
    assert!(steps.iter().any(|step| step.unsure));
    for step in &steps {
        assert!(report[to_do..].contains(&step.text), "{}", step.text);
    }
    assert!(
        report.contains(
            "\n- Sign in to webmail and check that new mail arrives. (from question 1, still to check)\n"
        ),
        "{report}"
    );
}

#[test]
fn a_half_given_answer_is_not_answered_and_has_no_time() {
    let content = checklist();
    let mut progress = Progress::new(&content, today());
    let now = Timestamp(1_795_490_000);
    progress.apply(
        &content,
        Action::Choose {
            step: 0,
            option: Choice::Yes,
        },
        now,
    );
    progress.apply(&content, Action::Continue, now);
    // A date typed at question 2, nothing ticked, and help asked for.
    progress.apply(
        &content,
        Action::SetDate {
            step: 1,
            date: "2026-11-20".into(),
        },
        now,
    );
    assert!(progress.apply(&content, Action::GetHelp, now));
    let report = report_of(&content, &progress).text();
    let second = &report[report.find("\n2. When").expect("question 2")..];
    let second = &second[..second.find("\n3. ").expect("question 3")];
    assert!(second.contains("Not answered"), "{second}");
    assert!(!second.contains("given"), "{second}");
}

#[test]
fn the_report_says_what_fixed_it_first_and_marks_what_was_tried() {
    let content = checklist();
    let mut progress = finished();
    progress.apply(&content, Action::NotFixed("password".into()), Timestamp(0));
    progress.apply(&content, Action::Fixed("network".into()), Timestamp(0));
    let report = report_of(&content, &progress);
    let text = report.text();
    assert!(
        text.starts_with(
            "Email connection troubleshooting report\n\nFixed by: Your usual internet connection\n\nWhat your answers point to\n\n\
             - Likely: Your usual internet connection (from question 7)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "\n- Likely: Your mailbox password changed · Tried: didn't fix it (from question 2)\n"
        ),
        "{text}"
    );
    let markdown = report.markdown();
    assert!(
        markdown.starts_with(
            "# Email connection troubleshooting report\n\n**Fixed by: Your usual internet connection**\n\n## What your answers point to\n"
        ),
        "{markdown}"
    );
    assert!(markdown.contains("- **Likely: Your mailbox password changed** · Tried: didn't fix it"));
    // Taken back, it is gone from the report.
    progress.apply(&content, Action::TakeBack("network".into()), Timestamp(0));
    assert!(!report_of(&content, &progress).text().contains("Fixed by"));
}

#[test]
fn the_email_keeps_what_fixed_it_however_short_it_must_be() {
    let mut shortened = 0;
    for builtin in [&BUILTIN_EN, &BUILTIN_ES, &BUILTIN_DE] {
        let content = builtin.clone().with_provider_name();
        for choices in every_choice().step_by(7) {
            let mut progress = longest_walk(&content, choices);
            let causes: Vec<String> = diagnose(&content, &progress)
                .causes()
                .iter()
                .map(|c| c.finding.clone())
                .collect();
            let Some((last, tried)) = causes.split_last() else {
                continue;
            };
            for finding in tried {
                progress.apply(&content, Action::NotFixed(finding.clone()), Timestamp(0));
            }
            progress.apply(&content, Action::Fixed(last.clone()), Timestamp(0));
            let report = report_of(&content, &progress);
            let fixed_by = report.fixed_by.clone().expect("a Fixed by line");
            let (href, fit) = report.mailto(Some("it@example.com"), "Report");
            assert!(href.len() <= MAX_MAILTO_LEN);
            let body = body_of(&href);
            assert!(
                body.contains(&fixed_by),
                "{}: {choices:?}:\n{body}",
                content.lang
            );
            shortened += usize::from(fit != Fit::Whole);
        }
    }
    assert!(shortened > 0, "some emails are shortened");
}

/// `[workspace.package] version` in Cargo.toml, the version every crate and the npm package take.
fn workspace_version() -> String {
    let manifest: toml::Value = toml::from_str(include_str!("../Cargo.toml")).expect("Cargo.toml");
    manifest["workspace"]["package"]["version"]
        .as_str()
        .expect("a workspace version")
        .to_owned()
}
