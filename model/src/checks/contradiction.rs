//! A check's result that one of the user's answers says otherwise about: the mail records
//! point to the domain, yet the user answered that only they are affected. Read from the
//! content alone: a check rule's finding, and the steps with an option pointing to it.

use super::CheckKind;
use crate::checklist::{AnswerOption, Checklist, Choice, Confidence};
use crate::diagnosis::rule_holds;
use crate::progress::{Answer, Progress};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contradiction {
    /// The check whose result points to a finding.
    pub check: CheckKind,
    /// The step that offers an option pointing to the same finding.
    pub step: usize,
    /// The answer the user chose there instead (never "Not sure").
    pub option: Choice,
}

/// Every answer that contradicts a check's result, in the order of the checks' signals, then
/// of the steps. A step counts when one of its options points where a rule for the result's
/// signal points, and the user chose, for sure, another of its options.
pub fn contradictions(checklist: &Checklist, progress: &Progress) -> Vec<Contradiction> {
    let mut found = Vec::new();
    for (signal, check) in progress.checks().signals(progress.today()) {
        for (step, content) in checklist.steps.iter().enumerate() {
            let Some(Answer::Choice(chosen)) = progress.answer(step) else {
                continue;
            };
            let says_otherwise = *chosen != Choice::Unsure
                && checklist
                    .check_rules
                    .iter()
                    // A "possible" cause is too weak to say an answer doesn't fit it, and a
                    // rule whose answer condition isn't met says nothing at all.
                    .filter(|rule| {
                        rule.signal == signal
                            && rule.confidence > Confidence::Possible
                            && rule_holds(checklist, progress, rule)
                    })
                    .any(|rule| {
                        let points_there = |option: &AnswerOption| {
                            option.points_to.as_deref() == Some(&*rule.points_to)
                        };
                        content.options.iter().any(points_there)
                            && content.choice(*chosen).is_some_and(|o| !points_there(o))
                    });
            if says_otherwise {
                found.push(Contradiction {
                    check,
                    step,
                    option: *chosen,
                });
            }
        }
    }
    found
}
