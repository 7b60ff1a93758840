//! The saved form of progress: what is written, and which saved values are trusted.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, choose, today, toggle, walk};
use email_troubleshooter::model::saved::{decode, encode, MAX_SAVED_LEN};
use email_troubleshooter::model::{Action, DateEntry, Position, Progress, RestoreError, Timestamp};

fn restore(line: &str) -> Result<Progress, RestoreError> {
    decode(line, &checklist(), today()).map(|restored| restored.progress)
}

#[test]
fn progress_is_saved_as_one_short_versioned_line() {
    let content = checklist();
    assert_eq!(
        encode(&Progress::new(&content, today()), &content),
        "v=2&at=webmail"
    );
    let mut progress =
        common::yes_then_password(&content, Timestamp(1_795_497_000), Timestamp(1_795_497_120));
    progress.apply(
        &content,
        common::toggle(1, "new_setup", true),
        Timestamp(1_795_497_120),
    );
    assert_eq!(
        encode(&progress, &content),
        "v=2&at=when&started=1795497000&webmail=yes@1795497000&when=2026-11-20/password,new_setup@1795497120"
    );
}

#[test]
fn answers_remember_when_they_were_given_and_changed() {
    let content = checklist();
    let mut progress = Progress::new(&content, today());
    let now = Timestamp(100);
    progress.apply(&content, choose(0, "yes"), now);
    let now = Timestamp(200);
    progress.apply(&content, choose(0, "yes"), now);
    assert_eq!(
        progress.answered_at(0),
        Some(Timestamp(100)),
        "choosing the same answer again changes nothing"
    );
    progress.apply(&content, choose(0, "no"), now);
    assert_eq!(progress.answered_at(0), Some(Timestamp(200)));
    assert_eq!(progress.started(), Some(Timestamp(100)));
    let restored = restore(&encode(&progress, &content)).expect("trusted");
    assert_eq!(
        (restored.answered_at(0), restored.started()),
        (Some(Timestamp(200)), Some(Timestamp(100)))
    );
    progress.apply(&content, Action::StartAgain, now);
    assert_eq!((progress.answered_at(0), progress.started()), (None, None));
}

#[test]
fn a_half_typed_date_is_not_saved() {
    let content = checklist();
    let mut progress = walk(&content, &["yes", "no", "no", "no", "no", "no"]);
    progress.apply(&content, Action::Change(1), Timestamp(0));
    progress.apply(
        &content,
        Action::SetDate {
            step: 1,
            date: DateEntry::Unreadable,
        },
        Timestamp(0),
    );
    let line = encode(&progress, &content);
    assert!(line.contains("&when=/nothing@"), "{line}");
    assert!(restore(&line).is_ok());
}

#[test]
fn every_saved_progress_restores_to_the_same_progress() {
    let content = checklist();
    let finished = walk(&content, &["no", "yes", "unsure", "yes", "no", "unsure"]);
    let mut changing = finished.clone();
    changing.apply(&content, Action::Change(1), Timestamp(0));
    changing.apply(&content, toggle(1, "network", true), Timestamp(0));
    changing.apply(
        &content,
        Action::SetDate {
            step: 1,
            date: "2024-02-29".into(),
        },
        Timestamp(0),
    );
    let mut half_done = Progress::new(&content, today());
    half_done.apply(&content, choose(0, "unsure"), Timestamp(0));
    for progress in [
        Progress::new(&content, today()),
        finished,
        changing,
        half_done,
    ] {
        let line = encode(&progress, &content);
        assert_eq!(restore(&line), Ok(progress), "{line}");
    }
}

#[test]
fn a_value_from_a_newer_version_is_recognised_as_newer() {
    assert_eq!(
        restore("v=3&whatever=else").err(),
        Some(RestoreError::Newer(3))
    );
    assert_eq!(restore("v=17").err(), Some(RestoreError::Newer(17)));
}

#[test]
fn values_of_another_shape_are_not_trusted() {
    let cases = [
        "",
        "null",
        "{\"v\":1,\"answers\":{}}",
        "at=webmail&v=1",
        "v=0&at=webmail",
        "v=one&at=webmail",
        "v=-1&at=webmail",
        "v=99999999999&at=webmail",
        "v=1",
        "v=1&at=webmail&at=when",
        "v=1&at=gremlins",
        "v=1&at=webmail&gremlins=yes",
        "v=1&at=webmail&webmail=maybe",
        "v=1&at=webmail&webmail=yes&webmail=no",
        "v=1&at=webmail&webmail",
        "v=1&at=webmail&webmail=/nothing",
        "v=1&at=webmail&when=yes",
        "v=1&at=webmail&when=yesterday/nothing",
        "v=1&at=webmail&when=2026-02-30/nothing",
        "v=1&at=webmail&when=/nothing,nothing",
        "v=1&at=webmail&when=/aliens",
        "v=1&at=webmail&when=/password,",
        // "Nothing that I know of" stands alone: the form never lets it join a change.
        "v=1&at=webmail&when=/password,nothing",
        "v=1&at=webmail&when=/nothing,network",
        "v=1&at=webmail&",
        "v=1&at=webmail&webmail=yes@",
        "v=1&at=webmail&webmail=yes@12a",
        "v=1&at=webmail&webmail=yes@999999999999",
        "v=1&at=webmail&started=1&started=2",
        "v=1&at=webmail&started=",
    ];
    for line in cases {
        assert!(
            matches!(restore(line), Err(RestoreError::Unreadable(_))),
            "{line:?}"
        );
    }
}

#[test]
fn an_overlong_value_is_not_even_read() {
    let line = format!("v=1&at=webmail&{}", "x".repeat(MAX_SAVED_LEN));
    assert_eq!(
        restore(&line).err(),
        Some(RestoreError::Unreadable("too long"))
    );
}

#[test]
fn a_saved_position_past_the_answers_is_brought_back_to_the_first_gap() {
    let progress = restore("v=1&at=network&webmail=yes").expect("trusted");
    assert_eq!(progress.at(), Position::Step(1));
    let progress = restore("v=1&at=summary").expect("trusted");
    assert_eq!(
        progress.at(),
        Position::Step(0),
        "the summary needs an answer to say anything"
    );
    // Help asked for after one answer: the summary comes back, the gaps wait.
    let progress = restore("v=1&at=summary&webmail=no").expect("trusted");
    assert_eq!(progress.at(), Position::Summary);
}

#[test]
fn decoding_never_panics_on_mangled_lines() {
    // Every prefix, and every single-character change, of a real saved line.
    let content = checklist();
    let line = encode(
        &walk(&content, &["no", "yes", "unsure", "yes", "no", "unsure"]),
        &content,
    );
    let replacements = ['&', '=', '/', ',', 'v', '1', '-', '\u{e9}', '\0'];
    for end in 0..=line.len() {
        let _ = restore(&line[..end]);
    }
    for (i, _) in line.char_indices() {
        for r in replacements {
            let mut mangled = line.clone();
            mangled.replace_range(i..i + 1, &r.to_string());
            let _ = restore(&mangled);
        }
    }
}

/// A finished walk where the password was tried without luck and the migration fixed it.
fn fixed_after_trying(content: &email_troubleshooter::model::Checklist) -> Progress {
    let mut progress = walk(content, &["yes", "yes", "no", "no", "no", "no"]);
    progress.apply(content, Action::NotFixed("new_setup".into()), Timestamp(0));
    progress.apply(content, Action::NotFixed("password".into()), Timestamp(0));
    progress.apply(content, Action::Fixed("migration".into()), Timestamp(0));
    progress
}

#[test]
fn which_finding_fixed_it_and_which_were_tried_are_saved_and_read_back() {
    let content = checklist();
    let progress = fixed_after_trying(&content);
    let line = encode(&progress, &content);
    assert!(
        line.ends_with("&fixed=migration&tried=new_setup,password"),
        "{line}"
    );
    let back = restore(&line).expect("trusted");
    assert_eq!(back.outcome(), progress.outcome());
    assert_eq!(back, progress);
}

#[test]
fn progress_saved_by_version_1_still_opens() {
    // Written by the widget before "did this fix it?" (version 1), byte for byte.
    let line = "v=1&at=summary&started=1795497000&webmail=yes@1795497000\
        &when=2026-11-20/password,new_setup@1795497120&migrated=no@1795497180\
        &upgraded=no@1795497240&domain=no@1795497300&computer=unsure@1795497360\
        &network=no@1795497420";
    let content = checklist();
    let progress = restore(line).expect("a version 1 line is trusted");
    assert_eq!(progress.answered_count(&content), 7);
    assert_eq!(progress.at(), Position::Summary);
    assert_eq!(progress.outcome().fixed, None);
    assert!(progress.outcome().tried.is_empty());
    // Saved again, it is a version 2 line with the same answers.
    let again = encode(&progress, &content);
    assert!(
        again.starts_with("v=2&at=summary&started=1795497000&webmail=yes@"),
        "{again}"
    );
    assert_eq!(restore(&again).expect("trusted"), progress);
}

/// What replaces the marks; then the fixed, tried and mail app read; how many are left out.
type Case = (
    &'static str,
    Option<&'static str>,
    &'static [&'static str],
    Option<&'static str>,
    usize,
);

#[test]
fn unknown_or_repeated_marks_are_left_out_one_by_one_and_every_answer_is_kept() {
    let content = checklist();
    // A real line, saved after the migration fixed it with the mail app chosen.
    let mut progress = fixed_after_trying(&content);
    progress.apply(
        &content,
        Action::ChooseMailApp("thunderbird".into()),
        Timestamp(0),
    );
    let line = encode(&progress, &content);
    assert!(
        line.ends_with("&fixed=migration&tried=new_setup,password&app=thunderbird"),
        "{line}"
    );
    let answers_only = line
        .split("&fixed=")
        .next()
        .expect("split gives a first part")
        .to_owned();
    let cases: [Case; 16] = [
        (
            "&fixed=gremlins&tried=new_setup,password&app=thunderbird",
            None,
            &["new_setup", "password"],
            Some("thunderbird"),
            1,
        ),
        (
            "&fixed=migration&tried=new_setup,gremlins,password&app=thunderbird",
            Some("migration"),
            &["new_setup", "password"],
            Some("thunderbird"),
            1,
        ),
        (
            "&fixed=migration&tried=new_setup,password&app=mutt",
            Some("migration"),
            &["new_setup", "password"],
            None,
            1,
        ),
        ("&fixed=<script>alert(1)</script>", None, &[], None, 1),
        ("&fixed=", None, &[], None, 1),
        ("&fixed=Password", None, &[], None, 1),
        ("&fixed=password@1795497000", None, &[], None, 1),
        ("&fixed=password,migration", Some("password"), &[], None, 1),
        (
            "&fixed=password&fixed=migration",
            Some("password"),
            &[],
            None,
            1,
        ),
        ("&tried=", None, &[], None, 1),
        ("&tried=password,password", None, &["password"], None, 1),
        (
            "&tried=password&tried=migration",
            None,
            &["password", "migration"],
            None,
            0,
        ),
        (
            "&fixed=password&tried=password",
            Some("password"),
            &[],
            None,
            1,
        ),
        (
            "&tried=migration,password&fixed=password",
            None,
            &["migration", "password"],
            None,
            1,
        ),
        (
            "&app=thunderbird&app=outlook_windows",
            None,
            &[],
            Some("thunderbird"),
            1,
        ),
        ("&app=", None, &[], None, 1),
    ];
    for (marks, fixed, tried, app, left_out) in cases {
        let saved = format!("{answers_only}{marks}");
        let restored = decode(&saved, &content, today()).expect("the answers are trusted");
        let back = &restored.progress;
        assert_eq!(back.answers(), progress.answers(), "{saved}");
        assert_eq!(back.at(), progress.at(), "{saved}");
        assert_eq!(back.outcome().fixed.as_deref(), fixed, "{saved}");
        assert_eq!(back.outcome().tried, tried, "{saved}");
        assert_eq!(back.mail_app(), app, "{saved}");
        assert_eq!(restored.marks_left_out, left_out, "{saved}");
        assert_eq!(restored.checks_left_out, 0, "{saved}");
    }
    let whole = decode(&line, &content, today()).expect("trusted");
    assert_eq!(whole.marks_left_out, 0);
}
