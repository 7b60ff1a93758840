//! The continue-link: progress carried in a URL fragment to another computer.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, today};
use email_troubleshooter::model::link::{fragment, read, LinkError, MAX_FRAGMENT_LEN};
use email_troubleshooter::model::{Action, Checklist, Progress, StepKind, Timestamp};
use proptest::prelude::*;

/// Progress built by a user's own actions, so every value is one the widget can really hold.
fn progress_from(content: &Checklist, actions: &[(u8, u8, bool)]) -> Progress {
    let mut progress = Progress::new(content, today());
    for (i, &(kind, pick, on)) in actions.iter().enumerate() {
        progress.set_time(Timestamp(1_795_000_000 + i as u64 * 61));
        let step = match progress.at() {
            email_troubleshooter::model::Position::Step(step) => step,
            email_troubleshooter::model::Position::Summary => 0,
        };
        let options = &content.steps[step].options;
        let option = options[usize::from(pick) % options.len()].id.to_string();
        let action = match (kind % 6, content.steps[step].kind) {
            (0 | 1, StepKind::Choice) => Action::Choose { step, option },
            (0 | 1, StepKind::When) => Action::ToggleChange { step, option, on },
            (2, _) => Action::SetDate {
                step,
                date: format!("2026-{:02}-{:02}", 1 + pick % 12, 1 + pick % 28),
            },
            (3, _) => Action::Back,
            (4, _) => Action::Change(usize::from(pick) % content.steps.len()),
            _ => Action::Continue,
        };
        progress.apply(content, action);
    }
    progress
}

fn link_for(progress: &Progress) -> String {
    fragment("help", progress, &checklist())
}

#[test]
fn a_link_carries_every_answer_and_when_it_was_given() {
    let content = checklist();
    let progress = common::walk(&content, &["yes", "no", "unsure", "yes", "no", "yes"]);
    let link = link_for(&progress);
    assert!(
        link.starts_with("troubleshooter:help:v=1&at=summary&"),
        "{link}"
    );
    assert!(link.len() < 400, "compact: {} characters", link.len());
    assert_eq!(
        read(&format!("#{link}"), "help", &content, today()),
        Some(Ok(progress))
    );
}

#[test]
fn a_link_escaped_by_a_mail_program_still_works() {
    let content = checklist();
    let progress = common::walk(&content, &["yes", "no", "no", "no", "no", "no"]);
    let escaped = link_for(&progress)
        .replace('&', "%26")
        .replace('=', "%3D")
        .replace(':', "%3A");
    assert_eq!(
        read(&escaped, "help", &content, today()),
        Some(Ok(progress))
    );
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
    let link = link_for(&common::walk(
        &content,
        &["yes", "no", "no", "no", "no", "no"],
    ));
    // Cut short anywhere after the mark and the key: damaged, never fewer answers.
    for end in "troubleshooter:help:".len()..link.len() {
        assert_eq!(
            read(&link[..end], "help", &content, today()),
            Some(Err(LinkError::Damaged)),
            "cut at {end}"
        );
    }
    let tampered = link.replace("webmail=yes", "webmail=no");
    assert_eq!(
        read(&tampered, "help", &content, today()),
        Some(Err(LinkError::Damaged))
    );
    let too_long = format!("{link}{}", "x".repeat(MAX_FRAGMENT_LEN));
    assert_eq!(
        read(&too_long, "help", &content, today()),
        Some(Err(LinkError::TooLong))
    );
    let newer = "troubleshooter:help:v=9&at=webmail&sum=00000000";
    assert_eq!(
        read(newer, "help", &content, today()),
        Some(Err(LinkError::OtherVersion))
    );
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
    }

    #[test]
    fn every_reachable_progress_survives_the_trip(actions in prop::collection::vec((0u8..6, 0u8..12, any::<bool>()), 0..40)) {
        let content = checklist();
        let progress = progress_from(&content, &actions);
        let link = fragment("help", &progress, &content);
        let back = read(&link, "help", &content, today());
        let Some(Ok(back)) = back else {
            return Err(TestCaseError::fail(format!("{link} was refused: {back:?}")));
        };
        prop_assert_eq!(back.answers(), progress.answers());
        prop_assert_eq!(back.at(), progress.at());
        prop_assert_eq!(back.started(), progress.started());
        for step in 0..content.steps.len() {
            prop_assert_eq!(back.answered_at(step), progress.answered_at(step));
        }
    }
}
