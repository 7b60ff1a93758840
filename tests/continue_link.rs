//! The continue-link: progress carried in a URL fragment to another computer.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, choice, today};
use email_troubleshooter::model::link::{
    fragment, read, read_restored, LinkError, MAX_FRAGMENT_LEN,
};
use email_troubleshooter::model::{
    saved, Action, Checklist, Position, Progress, StepKind, Timestamp,
};
use proptest::prelude::*;

/// Progress built by a user's own actions, so every value is one the widget can really hold.
fn progress_from(content: &Checklist, actions: &[(u8, u8, bool)]) -> Progress {
    let mut progress = Progress::new(content, today());
    for (i, &(kind, pick, on)) in actions.iter().enumerate() {
        let now = Timestamp(1_795_000_000 + i as u64 * 61);
        let step = match progress.at() {
            Position::Step(step) => step,
            Position::Summary => 0,
        };
        let options = &content.steps[step].options;
        let option = options[usize::from(pick) % options.len()].id.to_string();
        let finding = content.findings[usize::from(pick) % content.findings.len()]
            .id
            .to_string();
        let app = content.mail_apps[usize::from(pick) % content.mail_apps.len()]
            .id
            .to_string();
        let action = match (kind % 10, content.steps[step].kind) {
            (9, _) => Action::ChooseMailApp(app),
            (6, _) => Action::Fixed(finding),
            (7, _) => Action::NotFixed(finding),
            (8, _) => Action::TakeBack(finding),
            (0 | 1, StepKind::Choice) => Action::Choose {
                step,
                option: choice(&option),
            },
            (0 | 1, StepKind::When) => Action::ToggleChange { step, option, on },
            (2, _) => Action::SetDate {
                step,
                date: format!("2026-{:02}-{:02}", 1 + pick % 12, 1 + pick % 28)
                    .as_str()
                    .into(),
            },
            (3, _) => Action::Back,
            (4, _) => Action::Change(usize::from(pick) % content.steps.len()),
            _ => Action::Continue,
        };
        progress.apply(content, action, now);
    }
    progress
}

fn link_for(progress: &Progress) -> String {
    fragment("help", progress, &checklist())
}

/// Walks every step as `common::walk` does, one answer a minute and a few seconds, starting
/// at a realistic moment.
fn timed_walk(content: &Checklist, choices: &[&str], seconds: u64) -> Progress {
    let mut progress = Progress::new(content, today());
    let mut choices = choices.iter();
    for (index, step) in content.steps.iter().enumerate() {
        let now = Timestamp(1_795_497_000 + index as u64 * seconds);
        let action = match step.kind {
            StepKind::When => Action::ToggleChange {
                step: index,
                option: "password".into(),
                on: true,
            },
            StepKind::Choice => Action::Choose {
                step: index,
                option: choice(choices.next().expect("a choice for every choice step")),
            },
        };
        progress.apply(content, action, now);
        if step.kind == StepKind::When {
            progress.apply(
                content,
                Action::SetDate {
                    step: index,
                    date: "2026-11-20".into(),
                },
                now,
            );
        }
        progress.apply(content, Action::Continue, now);
    }
    progress
}

/// A link as the first version wrote it: the saved line of version 1 (today's, less the
/// outcome's keys), with full timestamps.
fn version_1_link(progress: &Progress) -> String {
    let line = saved::encode_answers(progress, &checklist());
    let body = format!("troubleshooter:help:{}", line.replacen("v=2&", "v=1&", 1));
    format!("{body}&sum={:08x}", fnv1a(&body))
}

#[test]
fn a_link_carries_every_answer_and_when_it_was_given() {
    let content = checklist();
    // Whole minutes, so that nothing is lost in the link's minutes.
    let progress = timed_walk(&content, &["yes", "no", "unsure", "yes", "no", "yes"], 120);
    let link = link_for(&progress);
    assert!(link.starts_with("troubleshooter:help:v=3&"), "{link}");
    assert_eq!(
        read(&format!("#{link}"), "help", &content, today()),
        Some(Ok(progress))
    );
}

#[test]
fn a_link_is_well_under_half_as_long_as_the_first_version_s() {
    let content = checklist();
    let progress = timed_walk(&content, &["no", "no", "no", "no", "no", "no"], 317);
    let (before, after) = (version_1_link(&progress), link_for(&progress));
    println!(
        "a 7-answer walk's fragment: {} characters before, {} now\n{before}\n{after}",
        before.len(),
        after.len()
    );
    assert!(after.len() * 5 <= before.len() * 2, "{after}");
    assert!(after.len() <= 90, "{} characters: {after}", after.len());
}

#[test]
fn times_are_kept_to_the_minute() {
    let content = checklist();
    let progress = timed_walk(&content, &["yes", "no", "no", "no", "no", "no"], 95);
    let Some(Ok(back)) = read(&link_for(&progress), "help", &content, today()) else {
        panic!("the link is refused");
    };
    let minute = |at: Option<Timestamp>| at.map(|Timestamp(at)| Timestamp(at / 60 * 60));
    assert_eq!(back.answers(), progress.answers());
    assert_eq!(back.started(), minute(progress.started()));
    for step in 0..content.steps.len() {
        assert_eq!(
            back.answered_at(step),
            minute(progress.answered_at(step)),
            "step {step}"
        );
    }
}

#[test]
fn a_link_the_first_version_made_still_opens() {
    let content = checklist();
    let progress = timed_walk(&content, &["yes", "no", "unsure", "yes", "no", "yes"], 61);
    let link = version_1_link(&progress);
    assert!(link.contains("&started=1795497000&webmail=yes@"), "{link}");
    assert_eq!(
        read(&link, "help", &content, today()),
        Some(Ok(progress.clone()))
    );
    // One answer given before answers had times: it comes back without one.
    let mut half_way = Progress::new(&content, today());
    half_way.apply(
        &content,
        Action::Choose {
            step: 0,
            option: choice("no"),
        },
        Timestamp(0),
    );
    assert_eq!(
        read(&version_1_link(&half_way), "help", &content, today()),
        Some(Ok(half_way))
    );
}

#[test]
fn a_link_escaped_by_a_mail_program_still_works() {
    let content = checklist();
    let progress = common::walk(&content, &["yes", "no", "no", "no", "no", "no"]);
    for link in [link_for(&progress), version_1_link(&progress)] {
        let escaped = link
            .replace('&', "%26")
            .replace('=', "%3D")
            .replace(':', "%3A")
            .replace('.', "%2E");
        assert_eq!(
            read(&escaped, "help", &content, today()),
            Some(Ok(progress.clone())),
            "{escaped}"
        );
    }
}

#[test]
fn fragments_that_are_not_troubleshooter_links_are_left_alone() {
    let content = checklist();
    for fragment in [
        "",
        "#",
        "#section-2",
        "#/inbox/42",
        "#%E2%9C%93",
        "#%zz",
        "troubleshooter",
    ] {
        assert_eq!(
            read(fragment, "help", &content, today()),
            None,
            "{fragment:?}"
        );
    }
    let other_instance = link_for(&Progress::new(&content, today()));
    assert_eq!(
        read(&other_instance, "sales", &content, today()),
        None,
        "another storage key's link"
    );
}

#[test]
fn broken_links_are_refused_with_the_reason() {
    let content = checklist();
    let link = link_for(&timed_walk(
        &content,
        &["yes", "no", "no", "no", "no", "no"],
        75,
    ));
    // Cut short anywhere after the mark and the key: damaged, never fewer answers.
    for end in "troubleshooter:help:".len()..link.len() {
        assert_eq!(
            read(&link[..end], "help", &content, today()),
            Some(Err(LinkError::Damaged)),
            "cut at {end}"
        );
    }
    // Any one character changed, as a mistyped link would have it.
    let fields = "troubleshooter:help:v=3&".len()..link.len() - "&sum=12345678".len();
    for at in fields {
        for other in ['0', '1', '2', 'z', '.', '-'] {
            if link.as_bytes()[at] == other as u8 {
                continue;
            }
            let mut typo = link.clone();
            typo.replace_range(at..=at, &other.to_string());
            assert_eq!(
                read(&typo, "help", &content, today()),
                Some(Err(LinkError::Damaged)),
                "{typo}"
            );
        }
    }
    let too_long = format!("{link}{}", "x".repeat(MAX_FRAGMENT_LEN));
    assert_eq!(
        read(&too_long, "help", &content, today()),
        Some(Err(LinkError::TooLong))
    );
    for newer in [
        "troubleshooter:help:v=9&at=webmail&sum=00000000",
        "troubleshooter:help:v=4&00.0..........&sum=00000000",
    ] {
        assert_eq!(
            read(newer, "help", &content, today()),
            Some(Err(LinkError::OtherVersion)),
            "{newer}"
        );
    }
}

#[test]
fn a_link_made_for_another_checklist_says_so() {
    let content = checklist();
    let link = link_for(&common::walk(
        &content,
        &["yes", "no", "no", "no", "no", "no"],
    ));
    let mut other = content.clone();
    other.steps.to_mut()[6].id = "another_network".into();
    assert_eq!(
        read(&link, "help", &other, today()),
        Some(Err(LinkError::OtherVersion))
    );
    let mut fewer = content.clone();
    fewer.steps.to_mut().pop();
    assert_eq!(
        read(&link, "help", &fewer, today()),
        Some(Err(LinkError::OtherVersion))
    );
}

/// A version 2 link with these fields after `v=2&`, and a valid checksum.
fn crafted(fields: &str) -> String {
    let body = format!("troubleshooter:help:v=2&{fields}");
    format!("{body}&sum={:08x}", fnv1a(&body))
}

/// The fingerprint a link for the built-in checklist starts with.
fn fingerprint() -> String {
    let link = link_for(&Progress::new(&checklist(), today()));
    link["troubleshooter:help:v=3&".len()..][..2].to_owned()
}

#[test]
fn a_crafted_link_with_a_valid_checksum_is_still_checked_field_by_field() {
    let content = checklist();
    let fp = fingerprint();
    let good = crafted(&format!("{fp}.7.hsx1a.1-0.2-1-g15.2.2.2.2.2-zz"));
    let Some(Ok(progress)) = read(&good, "help", &content, today()) else {
        panic!("{good} is refused");
    };
    assert_eq!(progress.answered_count(&content), 7);
    assert_eq!(progress.at(), Position::Summary);
    for fields in [
        // Two answers to a Yes / No question, an answer it doesn't offer, none at all.
        format!("{fp}.7.hsx1a.3.2.2.2.2.2.2"),
        format!("{fp}.7.hsx1a.8.2.2.2.2.2.2"),
        format!("{fp}.7.hsx1a.0.2.2.2.2.2.2"),
        // Digits too many or in the wrong place, a date on a Yes / No question.
        format!("{fp}.7.hsx1a.11.2.2.2.2.2.2"),
        format!("{fp}.7.hsx1a.1-0-g15.2.2.2.2.2.2"),
        format!("{fp}.7.hsx1a.1-0.2-1-g15-1.2.2.2.2.2"),
        format!("{fp}.7.hsx1a.1-0.2-1-zzzzzz.2.2.2.2.2"),
        format!("{fp}.7.hsx1a.1-zzzzzzz.2.2.2.2.2.2"),
        format!("{fp}.7.HSX1A.1.2.2.2.2.2.2"),
        format!("{fp}.7.+1.1.2.2.2.2.2.2"),
        // A time without a start, a position past the summary, a field too many or too few.
        format!("{fp}.7..1-0.2.2.2.2.2.2"),
        format!("{fp}.8.hsx1a.1.2.2.2.2.2.2"),
        format!("{fp}.7.hsx1a.1.2.2.2.2.2.2."),
        format!("{fp}.7.hsx1a.1.2.2.2.2.2"),
        fp.clone(),
    ] {
        assert_eq!(
            read(&crafted(&fields), "help", &content, today()),
            Some(Err(LinkError::Damaged)),
            "{fields}"
        );
    }
}

/// The link's checksum (FNV-1a, 32 bits, as documented in `model::link`): anyone can compute
/// it, which is why a link may carry nothing that is shown as free text.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

#[test]
fn a_crafted_link_with_valid_checksum_brings_answers_but_no_text_of_its_own() {
    let content = checklist();
    let body = "troubleshooter:help:v=1&at=summary&webmail=yes&when=/nothing&migrated=no\
        &upgraded=no&domain=no&computer=no&network=no\
        &check.reg=example.com/found:2020-01-01:Your~20mailbox~20is~20locked.~20Call~20~2B1~20555~200100@1\
        &check.mx=evil.example/none/10:call-now.example@1";
    let link = format!("{body}&sum={:08x}", fnv1a(body));
    let progress = read(&link, "help", &content, today())
        .expect("a link for this key")
        .expect("its answers are readable");
    assert_eq!(progress.answered_count(&content), 7);
    assert!(
        progress.checks().is_empty(),
        "check results in a link are passed over: {:?}",
        progress.checks()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn reading_any_fragment_never_panics(text in ".{0,300}") {
        let content = checklist();
        let _ = read(&text, "help", &content, today());
        let _ = read(&format!("troubleshooter:help:{text}"), "help", &content, today());
        let _ = read(&format!("troubleshooter:help:v=1&{text}"), "help", &content, today());
        let _ = read(&format!("troubleshooter:help:v=2&{text}"), "help", &content, today());
        let _ = read(&format!("troubleshooter:help:v=3&{text}"), "help", &content, today());
    }

    /// Any last field after real answers, with a valid checksum: refused, or marks of
    /// findings this checklist has that make the same link again.
    #[test]
    fn any_extra_field_is_refused_or_fits(extra in "[0-9a-z~,_=&.-]{0,60}") {
        let content = checklist();
        let link = crafted_v3(&format!("{}.7.hsx1a.1-0.2-1-g15.2.2.2.2.2.{extra}", fingerprint()));
        if let Some(Ok(progress)) = read(&link, "help", &content, today()) {
            prop_assert_eq!(progress.answered_count(&content), 7);
            let outcome = progress.outcome();
            prop_assert!(outcome.fixed.iter().chain(&outcome.tried).all(|id| content.finding(id).is_some()));
            let again = read(&link_for(&progress), "help", &content, today());
            prop_assert_eq!(again, Some(Ok(progress)), "{}", extra);
        }
    }

    /// Past the checksum, as a crafted link gets: refused, or answers that fit the checklist
    /// and make the same link again.
    #[test]
    fn any_fields_with_a_valid_checksum_are_refused_or_fit(tail in "[0-9a-z.-]{0,60}", at in 0u8..9) {
        let content = checklist();
        for fields in [format!("{}.{at}.{tail}", fingerprint()), tail.clone()] {
            if let Some(Ok(progress)) = read(&crafted(&fields), "help", &content, today()) {
                let again = read(&link_for(&progress), "help", &content, today());
                prop_assert_eq!(again, Some(Ok(progress)), "{}", fields);
            }
        }
    }

    #[test]
    fn every_reachable_progress_survives_the_trip(actions in prop::collection::vec((0u8..9, 0u8..12, any::<bool>()), 0..40)) {
        let content = checklist();
        let progress = progress_from(&content, &actions);
        let link = fragment("help", &progress, &content);
        let back = read(&link, "help", &content, today());
        let Some(Ok(back)) = back else {
            return Err(TestCaseError::fail(format!("{link} was refused: {back:?}")));
        };
        let minute = |at: Option<Timestamp>| at.map(|Timestamp(at)| Timestamp(at / 60 * 60));
        prop_assert_eq!(back.answers(), progress.answers());
        prop_assert_eq!(back.outcome(), progress.outcome());
        prop_assert_eq!(back.at(), progress.at());
        prop_assert_eq!(back.started(), minute(progress.started()));
        for step in 0..content.steps.len() {
            prop_assert_eq!(back.answered_at(step), minute(progress.answered_at(step)));
        }
    }
}

/// A version 3 link with these fields after `v=3&`, and a valid checksum.
fn crafted_v3(fields: &str) -> String {
    let body = format!("troubleshooter:help:v=3&{fields}");
    format!("{body}&sum={:08x}", fnv1a(&body))
}

#[test]
fn a_link_made_after_this_fixed_it_carries_what_fixed_it_and_what_was_tried() {
    let content = checklist();
    let mut progress = timed_walk(&content, &["yes", "yes", "no", "no", "no", "no"], 120);
    progress.apply(&content, Action::NotFixed("password".into()), Timestamp(0));
    progress.apply(&content, Action::Fixed("migration".into()), Timestamp(0));
    let link = link_for(&progress);
    // The saved line's keys beyond the answers, escaped: `=` and `&` can't make link keys.
    assert!(
        link.contains(".fixed~3dmigration~26tried~3dpassword&sum="),
        "{link}"
    );
    let back = read(&link, "help", &content, today());
    assert_eq!(back, Some(Ok(progress.clone())));
    // Escaped again by a mail program, it still reads the same.
    let escaped = link.replace('~', "%7E").replace('.', "%2E");
    assert_eq!(
        read(&escaped, "help", &content, today()),
        Some(Ok(progress))
    );
}

#[test]
fn a_link_carries_the_mail_app_chosen_beside_what_fixed_it() {
    let content = checklist();
    let mut progress = timed_walk(&content, &["yes", "yes", "no", "no", "no", "no"], 120);
    progress.apply(
        &content,
        Action::ChooseMailApp("apple_mail".into()),
        Timestamp(0),
    );
    progress.apply(&content, Action::Fixed("migration".into()), Timestamp(0));
    let link = link_for(&progress);
    let back = read(&link, "help", &content, today());
    assert_eq!(
        back.as_ref()
            .and_then(|b| b.as_ref().ok())
            .and_then(|p| p.mail_app()),
        Some("apple_mail"),
        "{link}"
    );
    assert_eq!(back, Some(Ok(progress)));
}

#[test]
fn a_version_2_link_still_opens() {
    let content = checklist();
    let progress = timed_walk(&content, &["yes", "no", "unsure", "yes", "no", "yes"], 120);
    let link = link_for(&progress);
    let fields = link
        .strip_prefix("troubleshooter:help:v=3&")
        .and_then(|rest| rest.rsplit_once("&sum="))
        .map(|(fields, _)| fields)
        .expect("a version 3 link");
    assert_eq!(
        read(&crafted(fields), "help", &content, today()),
        Some(Ok(progress))
    );
    // Version 2 had no field for the extra keys.
    assert_eq!(
        read(
            &crafted(&format!("{fields}.fixed~3dpassword")),
            "help",
            &content,
            today()
        ),
        Some(Err(LinkError::Damaged))
    );
}

#[test]
fn the_extra_field_cannot_make_an_answer_a_position_or_a_check_result() {
    let content = checklist();
    let fp = fingerprint();
    // Step 1 unanswered, so an extra `webmail=` would be read as its answer if it were let in.
    let answers = "7.hsx1a..2-1-g15.2.2.2.2.2";
    let good = crafted_v3(&format!("{fp}.{answers}.fixed~3dpassword"));
    let Some(Ok(progress)) = read(&good, "help", &content, today()) else {
        panic!("{good} is refused");
    };
    assert_eq!(progress.outcome().fixed.as_deref(), Some("password"));
    for extra in [
        "webmail~3dyes",
        "fixed~3dpassword~26webmail~3dyes",
        "at~3dwebmail",
        "v~3d1",
        "started~3d1",
        "check~2emx~3devil~2eexample~2fnone~2f10~3acall-now~2eexample~401",
        // Not escaped as the writer escapes, or broken escapes.
        "fixed=password",
        "fixed~3dPassword",
        "fixed~3",
        "fixed~zzpassword",
        "fixed~3dpassword~ff",
        "~3dpassword",
        "fixed",
        "",
    ] {
        let link = crafted_v3(&format!("{fp}.{answers}.{extra}"));
        assert_eq!(
            read(&link, "help", &content, today()),
            Some(Err(LinkError::Damaged)),
            "{extra}"
        );
    }
    // The extra field comes last: another field after it is one too many.
    assert_eq!(
        read(
            &crafted_v3(&format!("{fp}.{answers}.fixed~3dpassword.")),
            "help",
            &content,
            today()
        ),
        Some(Err(LinkError::Damaged))
    );
}

#[test]
fn unknown_or_repeated_marks_in_a_link_are_left_out_and_the_answers_kept() {
    let content = checklist();
    let fp = fingerprint();
    let answers = "7.hsx1a..2-1-g15.2.2.2.2.2";
    let Some(Ok(plain)) = read(
        &crafted_v3(&format!("{fp}.{answers}")),
        "help",
        &content,
        today(),
    ) else {
        panic!("the answers alone are refused");
    };
    for (extra, fixed, tried) in [
        ("fixed~3d~3cscript~3e", None, vec![]),
        ("fixed~3dgremlins", None, vec![]),
        ("fixed~3dpass~00word", None, vec![]),
        ("tried~3dpassword,password", None, vec!["password"]),
        (
            "fixed~3dpassword~26fixed~3dmigration",
            Some("password"),
            vec![],
        ),
        ("fixed~3dpassword~26app~3dmutt", Some("password"), vec![]),
    ] {
        let link = crafted_v3(&format!("{fp}.{answers}.{extra}"));
        let Some(Ok(restored)) = read_restored(&link, "help", &content, today()) else {
            panic!("{extra}: the answers are refused");
        };
        assert_eq!(restored.marks_left_out, 1, "{extra}");
        assert_eq!(restored.progress.answers(), plain.answers(), "{extra}");
        assert_eq!(restored.progress.at(), plain.at(), "{extra}");
        assert_eq!(
            restored.progress.outcome().fixed.as_deref(),
            fixed,
            "{extra}"
        );
        assert_eq!(restored.progress.outcome().tried, tried, "{extra}");
        assert_eq!(restored.progress.mail_app(), None, "{extra}");
    }
}

#[test]
fn a_link_naming_a_finding_another_checklist_lacks_opens_without_that_mark() {
    let content = checklist();
    let mut progress = common::walk(&content, &["yes", "yes", "no", "no", "no", "no"]);
    progress.apply(&content, Action::NotFixed("new_setup".into()), Timestamp(0));
    progress.apply(&content, Action::Fixed("migration".into()), Timestamp(0));
    let link = link_for(&progress);
    let mut other = content.clone();
    other.findings.to_mut().retain(|f| f.id != "migration");
    let Some(Ok(restored)) = read_restored(&link, "help", &other, today()) else {
        panic!("the answers are refused");
    };
    assert_eq!(restored.marks_left_out, 1);
    assert_eq!(restored.progress.answers(), progress.answers());
    assert_eq!(restored.progress.outcome().fixed, None);
    assert_eq!(restored.progress.outcome().tried, ["new_setup"]);
}
