//! The content's fixed identifiers as types: every text a content file may use for them
//! parses, an unknown one is refused with its place named, and the answers conflicts and
//! check rules name are resolved to typed references when the content is checked.
#![cfg(not(target_arch = "wasm32"))]

use email_troubleshooter::model::checklist::{ChecklistFile, StrictIds};
use email_troubleshooter::model::Config;
use email_troubleshooter::model::{
    AnswerRef, Checklist, Choice, OptionRef, Signal, StepCheck, StepKind, UiText,
};
use serde::Deserialize;

fn english() -> String {
    language("en")
}

fn language(lang: &str) -> String {
    let path = format!("{}/content/{lang}.toml", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("readable")
}

/// A content file with one line replaced, which must be there.
fn doctored(text: &str, line_start: &str, line: &str) -> String {
    let old = text
        .lines()
        .find(|l| l.starts_with(line_start))
        .unwrap_or_else(|| panic!("a line starting {line_start}"));
    text.replacen(old, line, 1)
}

/// A content file's text, read and checked as build.rs checks a built-in language.
fn read(text: &str) -> Result<Checklist, String> {
    toml::from_str::<StrictIds>(text).map_err(|e| e.to_string())?;
    let file = toml::from_str::<ChecklistFile>(text).map_err(|e| e.to_string())?;
    let content = file.complete(None)?;
    content.checked_builtin().map_err(|problems| {
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

#[test]
fn every_interface_text_has_exactly_the_placeholders_its_call_fills() {
    for lang in ["en", "es", "de"] {
        let content = read(&language(lang)).expect("sound");
        for ((key, declared), text) in UiText::KEYS
            .iter()
            .zip(UiText::PLACEHOLDERS)
            .zip(content.text.values())
        {
            for name in declared.iter() {
                assert!(text.contains(&format!("{{{name}}}")), "{lang}: text.{key}");
            }
        }
    }
    // A declared text is filled through its method, by name.
    let content = read(&english()).expect("sound");
    assert_eq!(
        content.text.step_of("2", "7"),
        content
            .text
            .raw("step_of")
            .expect("a text")
            .replace("{n}", "2")
            .replace("{total}", "7")
    );
}

#[test]
fn a_text_with_an_undeclared_or_missing_placeholder_is_refused_naming_its_key() {
    for lang in ["en", "es", "de"] {
        let text = language(lang);
        // A name the call doesn't fill would be shown as it is.
        let undeclared = doctored(&text, "portal_intro = ", "portal_intro = \"{hots} {host}\"");
        assert_eq!(
            read(&undeclared).expect_err("an undeclared placeholder"),
            "text.portal_intro: has the placeholders {hots}, {host}, but the interface fills {host}",
            "{lang}"
        );
        // A value the call gives would be lost.
        let missing = doctored(&text, "step_of = ", "step_of = \"{n}\"");
        assert_eq!(
            read(&missing).expect_err("a missing placeholder"),
            "text.step_of: has the placeholders {n}, but the interface fills {n}, {total}",
            "{lang}"
        );
        let none = doctored(
            &text,
            "intro = ",
            "intro = \"Work through these questions.\"",
        );
        assert_eq!(
            read(&none).expect_err("a missing placeholder"),
            "text.intro: has the placeholders none, but the interface fills {total}",
            "{lang}"
        );
        // `{provider}` is filled in every text, so any text may have it.
        let provider = doctored(&text, "title = ", "title = \"{provider}\"");
        assert!(read(&provider).is_ok(), "{lang}");
    }
    // Content beyond the interface's texts is filled with the provider's name only.
    let text = english();
    let line = text
        .lines()
        .find(|l| l.starts_with("explanation = "))
        .expect("a conflict");
    let doctored = text.replacen(line, "explanation = \"Check {n} again.\"", 1);
    assert_eq!(
        read(&doctored).expect_err("a placeholder in content"),
        "the text \"Check {n} again.\": has the placeholders {n}, but only {provider} is filled in content"
    );
}

/// A checklist file given by a host, as `Config` takes it: its problems, one a line.
fn as_hosts_checklist(text: &str) -> Result<(), String> {
    let file = toml::from_str::<ChecklistFile>(text).expect("parses");
    let content = file.complete(None).expect("complete");
    Config::default()
        .set_checklist(content)
        .map_err(|problems| {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            list.join("\n")
        })
}

#[test]
fn a_hosts_text_may_leave_a_value_out_but_never_name_one_the_interface_does_not_fill() {
    let host = |line: &str| as_hosts_checklist(&doctored(&english(), "intro = ", line));
    assert_eq!(host("intro = \"Two quick checks.\""), Ok(()));
    assert_eq!(
        host("intro = \"{count} quick checks.\""),
        Err("text.intro: has the placeholders {count}, but the interface fills {total}".into())
    );
}

#[test]
fn a_hosts_braces_that_name_no_placeholder_are_plain_text() {
    let host = |text: String| as_hosts_checklist(&text);
    // Only lowercase names are placeholders: a menu path or a stray brace is kept as written.
    let action = "action = \"Open {Accounts} > Mail, then { } and {Server-Name}.\"";
    assert_eq!(host(doctored(&english(), "action = ", action)), Ok(()));
    let intro = "intro = \"{total} checks: open {Accounts} or { }.\"";
    assert_eq!(host(doctored(&english(), "intro = ", intro)), Ok(()));
    // A lowercase name the interface doesn't fill is still refused.
    let portal = "portal_intro = \"{hots} {host}\"";
    assert_eq!(
        host(doctored(&english(), "portal_intro = ", portal)),
        Err(
            "text.portal_intro: has the placeholders {hots}, {host}, but the interface fills {host}"
                .into()
        )
    );
}

#[test]
fn a_hosts_unknown_check_or_signal_is_refused_naming_every_place() {
    let text = english()
        .replacen("check = \"records\"", "check = \"recrods\"", 1)
        .replacen("signal = \"mx_none\"", "signal = \"mx_nothing\"", 1)
        .replacen("signal = \"mx_null\"", "signal = \"mx_nul\"", 1);
    let english = read(&english()).expect("sound");
    let records = english
        .steps
        .iter()
        .position(|s| s.check == Some(StepCheck::Records))
        .expect("a records step");
    let mx_null = english
        .check_rules
        .iter()
        .position(|r| r.signal == Signal::MxNull)
        .expect("an mx_null rule");
    let file = toml::from_str::<ChecklistFile>(&text).expect("read, unknown ids and all");
    let content = file.complete(None).expect("complete");
    assert_eq!(content.steps[records].check, Some(StepCheck::Unknown));
    let problems: Vec<String> = Config::default()
        .set_checklist(content)
        .expect_err("refused")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            format!(
                "steps[{records}] ({}): names a check this widget doesn't run",
                english.steps[records].id
            ),
            "check_rules[0]: names a signal checks don't give".to_owned(),
            format!("check_rules[{mx_null}]: names a signal checks don't give"),
        ]
    );
}

#[test]
fn a_check_rule_whose_answer_condition_is_unresolved_never_holds() {
    use email_troubleshooter::model::diagnosis::rule_holds;
    use email_troubleshooter::model::{Date, Progress};
    let content = read(&english()).expect("sound");
    let rule = content
        .check_rules
        .iter()
        .find(|r| r.if_answer.as_deref() == Some("migrated=yes"))
        .expect("a conditioned rule")
        .clone();
    // No answers yet: the condition isn't met, resolved or not.
    let progress = Progress::new(&content, Date::new(2026, 11, 24).expect("a date"));
    assert!(!rule_holds(&content, &progress, &rule));
    let unresolved = email_troubleshooter::model::checklist::CheckRule {
        if_answer_ref: None,
        ..rule
    };
    assert!(
        !rule_holds(&content, &progress, &unresolved),
        "a condition not resolved is not met"
    );
}

#[test]
fn a_checklist_read_but_not_checked_has_its_answers_resolved() {
    let text = english();
    let file = toml::from_str::<ChecklistFile>(&text).expect("parses");
    let read_only = file.complete(None).expect("complete");
    let checked = read(&text).expect("sound");
    assert_eq!(read_only.conflicts, checked.conflicts);
    assert_eq!(read_only.check_rules, checked.check_rules);
    assert!(read_only
        .conflicts
        .iter()
        .all(|c| !c.answer_refs.is_empty()));
}
