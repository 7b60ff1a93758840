//! The shape progress is saved in, and the checks a saved value must pass before it is trusted.
//!
//! The JSON text itself is written and read by the browser (`JSON.stringify` / `JSON.parse`),
//! so no JSON parser ships in the wasm; serde maps between that value and these types.

use super::checklist::{Checklist, StepKind};
use super::date::Date;
use super::progress::{Answer, Position, Progress, WhenAnswer};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version written into every saved value. Raise it when the shape changes.
pub const SAVED_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SavedProgress {
    pub v: u32,
    /// The id of the open step; `None` when the summary is showing.
    pub at: Option<String>,
    /// Answers by step id.
    pub answers: BTreeMap<String, SavedAnswer>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum SavedAnswer {
    Choice(String),
    When(SavedWhen),
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SavedWhen {
    pub date: String,
    pub changes: Vec<String>,
}

/// Only the version, read first so that a newer shape is recognised as newer, not as damage.
#[derive(Debug, Deserialize)]
pub struct SavedVersion {
    pub v: u32,
}

/// Why a saved value was not trusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreError {
    /// Not the shape this version writes, or not consistent with the checklist.
    Unreadable(String),
    /// Written by a newer version of the widget.
    Newer(u32),
}

impl RestoreError {
    pub fn unreadable(why: impl std::fmt::Display) -> RestoreError {
        RestoreError::Unreadable(why.to_string())
    }
}

/// Decides from the version alone whether the rest is worth reading.
pub fn check_version(version: &SavedVersion) -> Result<(), RestoreError> {
    match version.v {
        SAVED_VERSION => Ok(()),
        newer if newer > SAVED_VERSION => Err(RestoreError::Newer(newer)),
        older => Err(RestoreError::Unreadable(format!(
            "version {older} is not supported"
        ))),
    }
}

impl SavedProgress {
    pub fn from_progress(progress: &Progress, checklist: &Checklist) -> SavedProgress {
        let at = match progress.at() {
            Position::Step(step) => checklist.steps.get(step).map(|s| s.id.clone()),
            Position::Summary => None,
        };
        let answers = checklist
            .steps
            .iter()
            .zip(progress.answers())
            .filter_map(|(step, answer)| {
                let saved = match answer.as_ref()? {
                    Answer::Choice(id) => SavedAnswer::Choice(id.clone()),
                    Answer::When(when) => SavedAnswer::When(SavedWhen {
                        // A half-typed date is not worth keeping, and would not pass `restore`.
                        date: match Date::parse_iso(&when.date) {
                            Some(_) => when.date.clone(),
                            None => String::new(),
                        },
                        changes: when.changes.clone(),
                    }),
                };
                Some((step.id.clone(), saved))
            })
            .collect();
        SavedProgress {
            v: SAVED_VERSION,
            at,
            answers,
        }
    }

    /// Checks every part against the checklist; any part that does not fit rejects the whole.
    pub fn restore(self, checklist: &Checklist, today: Date) -> Result<Progress, RestoreError> {
        check_version(&SavedVersion { v: self.v })?;
        let mut answers: Vec<Option<Answer>> = vec![None; checklist.steps.len()];
        for (id, saved) in self.answers {
            let index = checklist
                .step_index(&id)
                .ok_or_else(|| RestoreError::unreadable(format!("no step called {id:?}")))?;
            let step = &checklist.steps[index];
            let offered = |option: &String| step.option(option).is_some();
            let answer = match (step.kind, saved) {
                (StepKind::Choice, SavedAnswer::Choice(option)) if offered(&option) => {
                    Answer::Choice(option)
                }
                (StepKind::When, SavedAnswer::When(when))
                    if when.changes.iter().all(offered)
                        && !has_repeats(&when.changes)
                        && (when.date.is_empty() || Date::parse_iso(&when.date).is_some()) =>
                {
                    Answer::When(WhenAnswer {
                        date: when.date,
                        changes: when.changes,
                    })
                }
                _ => {
                    return Err(RestoreError::unreadable(format!(
                        "the answer to {id:?} does not fit the question"
                    )))
                }
            };
            answers[index] = Some(answer);
        }
        let at = match self.at {
            None => Position::Summary,
            Some(id) => Position::Step(
                checklist
                    .step_index(&id)
                    .ok_or_else(|| RestoreError::unreadable(format!("no step called {id:?}")))?,
            ),
        };
        Ok(Progress::from_parts(checklist, answers, at, today))
    }
}

fn has_repeats(items: &[String]) -> bool {
    items
        .iter()
        .enumerate()
        .any(|(i, item)| items[..i].contains(item))
}
