//! The to-do list: each answer's next step in a few words, gathered in question order.

use super::checklist::Checklist;
use super::diagnosis::{conflict_answers, diagnose, Diagnosis};
use super::progress::Progress;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep {
    /// The step whose answer asks for this.
    pub step: usize,
    /// What to do, from the chosen option's `todo` (for "Not sure" without one, its `next`).
    pub text: String,
    /// The answer was "Not sure": this is how to find out.
    pub unsure: bool,
}

/// The next step of every answer given, "Not sure" included; answers whose only next step is
/// the next question have none, and neither have answers that contradict each other: the
/// summary asks the user to check those first.
pub fn next_steps(checklist: &Checklist, progress: &Progress) -> Vec<NextStep> {
    from_diagnosis(checklist, progress, &diagnose(checklist, progress))
}

/// [`next_steps`] from a diagnosis of `progress` already made.
pub fn from_diagnosis(
    checklist: &Checklist,
    progress: &Progress,
    diagnosis: &Diagnosis,
) -> Vec<NextStep> {
    let clashing: Vec<(usize, &str)> = diagnosis
        .conflicts()
        .iter()
        .flat_map(|&index| conflict_answers(&checklist.conflicts[index]))
        .collect();
    let clashing = &clashing;
    (0..checklist.steps.len())
        .filter(|&step| progress.is_answered(checklist, step))
        .flat_map(|step| {
            let unsure = progress.is_unsure(step);
            progress
                .chosen(checklist, step)
                .into_iter()
                .filter(move |option| !clashing.contains(&(step, &*option.id)))
                .filter_map(move |option| {
                    let text = match (&option.todo, unsure) {
                        (Some(todo), _) => todo,
                        (None, true) => &option.next,
                        (None, false) => return None,
                    };
                    Some(NextStep {
                        step,
                        text: text.to_string(),
                        unsure,
                    })
                })
        })
        .collect()
}
