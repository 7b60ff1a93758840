//! Helpers shared by the native test files.
#![allow(dead_code)]

use email_troubleshooter::content::builtin;
use email_troubleshooter::model::{Action, Checklist, Choice, Date, Progress, Timestamp};

pub fn checklist() -> Checklist {
    builtin().with_provider_name()
}

pub fn today() -> Date {
    Date::new(2026, 11, 24).expect("a real date")
}

pub fn step(checklist: &Checklist, id: &str) -> usize {
    checklist
        .step_index(id)
        .unwrap_or_else(|| panic!("no step {id}"))
}

/// Answers every step with the given choice ids (the `when` step with "nothing"), pressing Continue each time.
pub fn walk(checklist: &Checklist, choices: &[&str]) -> Progress {
    let mut progress = Progress::new(checklist, today());
    let mut choices = choices.iter();
    for (index, step) in checklist.steps.iter().enumerate() {
        let action = match step.kind {
            email_troubleshooter::model::StepKind::When => Action::ToggleChange {
                step: index,
                option: "nothing".into(),
                on: true,
            },
            email_troubleshooter::model::StepKind::Choice => Action::Choose {
                step: index,
                option: choice(choices.next().expect("a choice for every choice step")),
            },
        };
        assert!(
            progress.apply(checklist, action, Timestamp(0)),
            "answering step {index} changes progress"
        );
        assert!(
            progress.apply(checklist, Action::Continue, Timestamp(0)),
            "continue from step {index}"
        );
    }
    progress
}

pub fn choose(step: usize, option: &str) -> Action {
    Action::Choose {
        step,
        option: choice(option),
    }
}

/// A choice step's answer by the id content files and saved progress use.
pub fn choice(id: &str) -> Choice {
    Choice::from_id(id).expect("yes, no or unsure")
}

pub fn toggle(step: usize, option: &str, on: bool) -> Action {
    Action::ToggleChange {
        step,
        option: option.into(),
        on,
    }
}

/// Step 1 answered "Yes" at `first`; at `second`, step 2 given 2026-11-20 and "I changed my
/// mailbox password", still open.
pub fn yes_then_password(checklist: &Checklist, first: Timestamp, second: Timestamp) -> Progress {
    let mut progress = Progress::new(checklist, today());
    let now = first;
    progress.apply(checklist, choose(0, "yes"), now);
    progress.apply(checklist, Action::Continue, now);
    let now = second;
    progress.apply(
        checklist,
        Action::SetDate {
            step: 1,
            date: "2026-11-20".into(),
        },
        now,
    );
    progress.apply(checklist, toggle(1, "password", true), now);
    progress
}

/// Any JSON a service might send, nested up to `depth`, with strings drawn from `strings`
/// (regular expressions) and object keys from `keys` or anything short: the DNS and RDAP
/// readers' property tests share it, each with the strings and keys its reader looks for.
pub fn json_like(
    strings: &[&str],
    keys: &[&'static str],
    depth: u32,
) -> impl proptest::strategy::Strategy<Value = email_troubleshooter::model::checks::json::Json> {
    use email_troubleshooter::model::checks::json::Json;
    use proptest::prelude::*;
    use proptest::strategy::Union;
    let text = Union::new(
        std::iter::once(".{0,20}")
            .chain(strings.iter().copied())
            .map(|pattern| {
                proptest::string::string_regex(pattern)
                    .expect("a valid pattern")
                    .boxed()
            }),
    );
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        // DNS's answer codes and record types, and any number at all.
        prop_oneof![
            Just(0.0),
            Just(3.0),
            Just(5.0),
            Just(15.0),
            Just(16.0),
            any::<f64>()
        ]
        .prop_map(Json::Number),
        text.prop_map(Json::String),
    ];
    let key = prop_oneof![
        proptest::sample::select(keys.to_vec()).prop_map(str::to_owned),
        ".{0,8}",
    ];
    leaf.prop_recursive(depth, 96, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Json::Array),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(Json::Object),
        ]
    })
}
