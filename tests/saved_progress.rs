//! The saved form of progress: what is written, and which saved values are trusted.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{checklist, today, walk};
use email_troubleshooter::model::saved::{check_version, SavedVersion};
use email_troubleshooter::model::{Action, Position, Progress, RestoreError, SavedProgress};
use serde_json::json;

fn restore(value: serde_json::Value) -> Result<Progress, RestoreError> {
    let version: SavedVersion =
        serde_json::from_value(value.clone()).map_err(RestoreError::unreadable)?;
    check_version(&version)?;
    let saved: SavedProgress = serde_json::from_value(value).map_err(RestoreError::unreadable)?;
    saved.restore(&checklist(), today())
}

fn unreadable(result: Result<Progress, RestoreError>) -> bool {
    matches!(result, Err(RestoreError::Unreadable(_)))
}

#[test]
fn progress_is_saved_as_small_versioned_json() {
    let content = checklist();
    let mut progress = Progress::new(&content, today());
    progress.apply(
        &content,
        Action::Choose {
            step: 0,
            option: "yes".into(),
        },
    );
    progress.apply(&content, Action::Continue);
    progress.apply(
        &content,
        Action::SetDate {
            step: 1,
            date: "2026-11-20".into(),
        },
    );
    progress.apply(
        &content,
        Action::ToggleChange {
            step: 1,
            option: "password".into(),
            on: true,
        },
    );
    let saved = serde_json::to_value(SavedProgress::from_progress(&progress, &content))
        .expect("serialises");
    assert_eq!(
        saved,
        json!({"v": 1, "at": "when", "answers": {"webmail": "yes", "when": {"date": "2026-11-20", "changes": ["password"]}}})
    );
}

#[test]
fn every_saved_progress_restores_to_the_same_progress() {
    let content = checklist();
    let finished = walk(&content, &["no", "yes", "unsure", "yes", "no", "unsure"]);
    let mut changing = finished.clone();
    changing.apply(&content, Action::Change(1));
    for progress in [Progress::new(&content, today()), finished, changing] {
        let text = serde_json::to_string(&SavedProgress::from_progress(&progress, &content))
            .expect("serialises");
        let value: serde_json::Value = serde_json::from_str(&text).expect("parses");
        assert_eq!(restore(value), Ok(progress));
    }
}

#[test]
fn a_value_from_a_newer_version_is_recognised_as_newer() {
    let newer = json!({"v": 2, "answers": [1, 2, 3], "something": "else"});
    assert_eq!(restore(newer).err(), Some(RestoreError::Newer(2)));
}

#[test]
fn values_of_another_shape_are_not_trusted() {
    let cases = [
        json!(null),
        json!("v1"),
        json!([1]),
        json!({}),
        json!({"v": 0, "at": null, "answers": {}}),
        json!({"v": "1", "at": null, "answers": {}}),
        json!({"v": 1, "at": null}),
        json!({"v": 1, "at": null, "answers": {}, "extra": true}),
        json!({"v": 1, "at": null, "answers": {"webmail": 3}}),
        json!({"v": 1, "at": null, "answers": {"webmail": {"date": "", "changes": []}}}),
        json!({"v": 1, "at": null, "answers": {"webmail": "maybe"}}),
        json!({"v": 1, "at": null, "answers": {"gremlins": "yes"}}),
        json!({"v": 1, "at": "gremlins", "answers": {}}),
        json!({"v": 1, "at": null, "answers": {"when": "yes"}}),
        json!({"v": 1, "at": null, "answers": {"when": {"date": "yesterday", "changes": []}}}),
        json!({"v": 1, "at": null, "answers": {"when": {"date": "", "changes": ["nothing", "nothing"]}}}),
        json!({"v": 1, "at": null, "answers": {"when": {"date": "", "changes": ["aliens"]}}}),
        json!({"v": 1, "at": null, "answers": {"when": {"date": "", "changes": [], "mood": "bad"}}}),
    ];
    for value in cases {
        assert!(unreadable(restore(value.clone())), "{value}");
    }
}

#[test]
fn a_saved_position_past_the_answers_is_brought_back_to_the_first_gap() {
    let progress =
        restore(json!({"v": 1, "at": "network", "answers": {"webmail": "yes"}})).expect("trusted");
    assert_eq!(progress.at(), Position::Step(1));
    let progress = restore(json!({"v": 1, "at": null, "answers": {}})).expect("trusted");
    assert_eq!(
        progress.at(),
        Position::Step(0),
        "the summary needs every answer"
    );
}
