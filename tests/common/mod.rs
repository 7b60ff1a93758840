//! Helpers shared by the native test files.
#![allow(dead_code)]

use email_troubleshooter::content::builtin;
use email_troubleshooter::model::{Action, Checklist, Date, Progress};

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
                option: (*choices.next().expect("a choice for every choice step")).into(),
            },
        };
        assert!(
            progress.apply(checklist, action),
            "answering step {index} changes progress"
        );
        assert!(
            progress.apply(checklist, Action::Continue),
            "continue from step {index}"
        );
    }
    progress
}
