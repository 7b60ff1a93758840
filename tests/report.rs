//! The report for the administrator, as text, as Markdown and as an email.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, today};
use email_troubleshooter::model::config::CheckSettings;
use email_troubleshooter::model::report::{build, mailto, MAX_MAILTO_LEN};
use email_troubleshooter::model::{Action, Progress, Timestamp};

fn finished() -> Progress {
    let content = checklist();
    let mut progress =
        common::yes_then_password(&content, Timestamp(1_795_490_000), Timestamp(1_795_490_600));
    progress.apply(&content, Action::Continue);
    for step in 2..7 {
        progress.apply(
            &content,
            common::choose(step, if step == 6 { "yes" } else { "no" }),
        );
        progress.apply(&content, Action::Continue);
    }
    progress
}

#[test]
fn the_text_report_says_what_was_tried_what_it_showed_and_when() {
    let content = checklist();
    let report = build(
        &content,
        &finished(),
        &CheckSettings::default(),
        Timestamp(1_795_497_360),
        0,
        "Firefox 133 on Linux",
    )
    .text();
    let expected_lines = [
        "Email connection troubleshooting report",
        "Troubleshooting started: 24 November 2026, 03:13 (UTC)",
        "Report made: 24 November 2026, 05:16 (UTC)",
        "Browser and system: Firefox 133 on Linux",
        "Mail provider: Rackspace Cloud Office",
        "1. Can you sign in to webmail and see new mail arriving?",
        "   Yes (given 24 November 2026, 03:13 (UTC))",
        "2. When did the problem start?",
        "   20 November 2026: I changed my mailbox password (given 24 November 2026, 03:23 (UTC))",
        "7. Can you connect to your mailbox using a different internet connection?",
        "- Likely: Your mailbox password changed. Type the new password into the account settings of your mail app, on every device that collects this mailbox.",
        "- Likely: Your usual internet connection. Contact your network administrator or your internet service provider, and tell them your mail app can't reach the mail server from that network.",
    ];
    for line in expected_lines {
        assert!(
            report.lines().any(|l| l == line),
            "missing {line:?} in:\n{report}"
        );
    }
    let password = report
        .find("Your mailbox password changed")
        .expect("listed");
    let network = report
        .find("Your usual internet connection")
        .expect("listed");
    assert!(
        password < network,
        "equally likely causes keep the questions' order"
    );
}

#[test]
fn the_markdown_report_has_the_same_content_with_headings() {
    let content = checklist();
    let built = build(
        &content,
        &finished(),
        &CheckSettings::default(),
        Timestamp(1_795_497_360),
        0,
        "Chrome 156 on Linux",
    );
    let markdown = built.markdown();
    assert!(markdown.starts_with("# Email connection troubleshooting report\n"));
    assert!(markdown.contains("\n## Answers\n"));
    assert!(markdown.contains("- **Browser and system:** Chrome 156 on Linux\n"));
    assert!(markdown.contains("1. **Can you sign in to webmail and see new mail arriving?**  \n   Yes _(given 24 November 2026, 03:13 (UTC))_\n"));
    for point in &built.points {
        assert!(markdown.contains(&format!("- {point}\n")));
    }
}

#[test]
fn a_report_of_contradicting_answers_says_there_is_not_enough_to_say() {
    let content = checklist();
    let mut progress = common::walk(&content, &["yes", "no", "no", "yes", "yes", "no"]);
    progress.apply(&content, Action::Change(0));
    let report = build(
        &content,
        &progress,
        &CheckSettings::default(),
        Timestamp(0),
        0,
        "a browser",
    )
    .text();
    assert!(
        report.contains("Some of your answers don't fit together"),
        "{report}"
    );
    assert!(
        report.contains("- If everyone at your domain has this problem"),
        "{report}"
    );
    assert!(
        !report.contains("- Strong sign:"),
        "no cause is claimed: {report}"
    );
}

#[test]
fn unanswered_questions_are_said_to_be_unanswered() {
    let content = checklist();
    let report = build(
        &content,
        &Progress::new(&content, today()),
        &CheckSettings::default(),
        Timestamp(0),
        0,
        "a browser",
    )
    .text();
    assert_eq!(report.matches("   Not answered").count(), 7, "{report}");
    assert!(
        !report.contains("Troubleshooting started"),
        "nothing started yet"
    );
}

#[test]
fn the_email_carries_subject_and_body_and_fits_what_mail_programs_accept() {
    let (href, shortened) = mailto(
        Some("it@example.com"),
        "Mail & me",
        "Line one\nLine two",
        "(cut)",
    );
    assert_eq!(
        href,
        "mailto:it@example.com?subject=Mail%20%26%20me&body=Line%20one%0D%0ALine%20two"
    );
    assert!(!shortened);

    let content = checklist();
    let long = build(
        &content,
        &finished(),
        &CheckSettings::default(),
        Timestamp(1_795_497_360),
        0,
        "Chrome 156 on Linux",
    )
    .text();
    let (href, shortened) = mailto(None, "Report", &long, "(Shortened.)");
    assert!(
        shortened && href.len() <= MAX_MAILTO_LEN,
        "{} characters",
        href.len()
    );
    assert!(href.starts_with("mailto:?subject=Report&body=Email%20connection"));
    assert!(href.ends_with("%0D%0A%0D%0A%28Shortened.%29"));
    let escapes_whole = href.match_indices('%').all(|(i, _)| {
        href.get(i + 1..i + 3)
            .is_some_and(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
    });
    assert!(escapes_whole, "never cut inside an escape");
}
