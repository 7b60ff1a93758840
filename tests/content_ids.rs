//! The content's fixed identifiers as types: every text a content file may use for them
//! parses, an unknown one is refused with its place named, and the answers conflicts and
//! check rules name are resolved to typed references when the content is checked.
#![cfg(not(target_arch = "wasm32"))]

use email_troubleshooter::model::checklist::ChecklistFile;
use email_troubleshooter::model::{
    AnswerRef, Checklist, Choice, OptionRef, Signal, StepCheck, StepKind,
};
use serde::Deserialize;

fn english() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/en.toml"))
        .expect("readable")
}

/// A content file's text, read and checked as build.rs and a host's checklist are.
fn read(text: &str) -> Result<Checklist, String> {
    let file = toml::from_str::<ChecklistFile>(text).map_err(|e| e.to_string())?;
    let content = file.complete(None)?;
    content.checked().map_err(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        list.join("\n")
    })
}

#[derive(Deserialize)]
struct One<T> {
    value: T,
}

fn parse<T: for<'de> Deserialize<'de>>(id: &str) -> Result<T, String> {
    toml::from_str::<One<T>>(&format!("value = {id:?}"))
        .map(|one| one.value)
        .map_err(|e| e.to_string())
}

#[test]
fn every_identifier_text_reads_as_its_own_variant_and_back() {
    assert_eq!(Choice::IDS, ["yes", "no", "unsure"]);
    assert_eq!(StepCheck::IDS, ["records", "portal"]);
    assert_eq!(Signal::IDS.len(), 13);
    for (&choice, &id) in Choice::ALL.iter().zip(Choice::IDS) {
        assert_eq!(parse::<Choice>(id), Ok(choice));
        assert_eq!((choice.id(), Choice::from_id(id)), (id, Some(choice)));
    }
    for (&check, &id) in StepCheck::ALL.iter().zip(StepCheck::IDS) {
        assert_eq!(parse::<StepCheck>(id), Ok(check));
        assert_eq!((check.id(), StepCheck::from_id(id)), (id, Some(check)));
    }
    for (&signal, &id) in Signal::ALL.iter().zip(Signal::IDS) {
        assert_eq!(parse::<Signal>(id), Ok(signal));
        assert_eq!((signal.id(), Signal::from_id(id)), (id, Some(signal)));
    }
    for unknown in ["", "Yes", "maybe", "mx-none", "record"] {
        assert!(parse::<Choice>(unknown).is_err(), "{unknown:?}");
        assert!(parse::<StepCheck>(unknown).is_err(), "{unknown:?}");
        assert!(parse::<Signal>(unknown).is_err(), "{unknown:?}");
    }
}

#[test]
fn the_built_in_content_uses_every_check_and_its_signals_in_the_checks_words() {
    let content = read(&english()).expect("content/en.toml is sound");
    let checks: Vec<StepCheck> = content.steps.iter().filter_map(|s| s.check).collect();
    assert_eq!(
        checks,
        [StepCheck::Portal, StepCheck::Records, StepCheck::Portal]
    );
    assert_eq!(content.check_rules[0].signal, Signal::MxNone);
}

#[test]
fn an_unknown_check_or_signal_in_a_content_file_is_refused_with_its_place_named() {
    let text = english();
    let bad_check = text.replacen("check = \"records\"", "check = \"recrods\"", 1);
    assert_ne!(bad_check, text);
    let error = read(&bad_check).expect_err("an unknown check is refused");
    assert!(error.contains("recrods"), "{error}");
    assert!(error.contains("check = \"recrods\""), "{error}");
    let line = text
        .lines()
        .position(|l| l == "check = \"records\"")
        .expect("a records step")
        + 1;
    assert!(error.contains(&format!("line {line}")), "{error}");

    let bad_signal = text.replacen("signal = \"mx_none\"", "signal = \"mx_nothing\"", 1);
    assert_ne!(bad_signal, text);
    let error = read(&bad_signal).expect_err("an unknown signal is refused");
    assert!(error.contains("mx_nothing"), "{error}");
    let line = text
        .lines()
        .position(|l| l == "signal = \"mx_none\"")
        .expect("a rule")
        + 1;
    assert!(error.contains(&format!("line {line}")), "{error}");
}

#[test]
fn conflicts_and_check_rule_conditions_are_resolved_to_steps_and_answers() {
    let content = read(&english()).expect("content/en.toml is sound");
    let step = |id: &str| content.step_index(id).expect("a step");
    assert_eq!(
        *content.conflicts[0].answer_refs,
        [
            AnswerRef {
                step: step("webmail"),
                option: OptionRef::Choice(Choice::No)
            },
            AnswerRef {
                step: step("computer"),
                option: OptionRef::Choice(Choice::Yes)
            }
        ]
    );
    let conditioned = content
        .check_rules
        .iter()
        .find(|r| r.if_answer.as_deref() == Some("migrated=yes"))
        .expect("a rule with an answer condition");
    assert_eq!(
        conditioned.if_answer_ref,
        Some(AnswerRef {
            step: step("migrated"),
            option: OptionRef::Choice(Choice::Yes)
        })
    );
    // A `when` step's change resolves to the change's id.
    let when = content
        .steps
        .iter()
        .position(|s| s.kind == StepKind::When)
        .expect("a when step");
    let change = &content.steps[when].options[0].id;
    let written = format!("{}={change}", content.steps[when].id);
    assert_eq!(
        content.answer_of(&written),
        Some(AnswerRef {
            step: when,
            option: OptionRef::Change(change.clone())
        })
    );
    // The compiled-in content carries them already resolved.
    assert_eq!(content, email_troubleshooter::content::builtin());
}

#[test]
fn a_conflict_naming_a_missing_step_or_option_is_refused() {
    let text = english();
    for (written, broken) in [
        (
            "\"webmail=no\", \"computer=yes\"",
            "\"webmail=no\", \"laptop=yes\"",
        ),
        (
            "\"webmail=no\", \"computer=yes\"",
            "\"webmail=perhaps\", \"computer=yes\"",
        ),
        (
            "\"webmail=no\", \"computer=yes\"",
            "\"webmail\", \"computer=yes\"",
        ),
        ("\"webmail=no\", \"computer=yes\"", "\"webmail=no\""),
    ] {
        let doctored = text.replacen(written, broken, 1);
        assert_ne!(doctored, text);
        assert_eq!(
            read(&doctored).expect_err(broken),
            "conflicts[0]: needs two or more answers, each step=option of this checklist",
            "{broken}"
        );
    }
    let doctored = text.replacen(
        "if_answer = \"migrated=yes\"",
        "if_answer = \"moved=yes\"",
        1,
    );
    assert_ne!(doctored, text);
    let error = read(&doctored).expect_err("an unknown step in if_answer is refused");
    assert!(
        error.ends_with(
            "(autodiscover_elsewhere): needs if_answer as step=option of this checklist"
        ),
        "{error}"
    );
}
