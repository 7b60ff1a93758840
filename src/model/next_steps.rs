//! The to-do list: each answer's next step in a few words, gathered in question order.

use super::checklist::Checklist;
use super::progress::Progress;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep {
    /// The step whose answer asks for this.
    pub step: usize,
    /// What to do, from the chosen option's `todo`.
    pub text: String,
    /// The answer was "Not sure": this is how to find out.
    pub unsure: bool,
}

/// The next step of every answer given, "Not sure" included; answers whose only next step is
/// the next question have none.
pub fn next_steps(checklist: &Checklist, progress: &Progress) -> Vec<NextStep> {
    (0..checklist.steps.len())
        .filter(|&step| progress.is_answered(checklist, step))
        .flat_map(|step| {
            progress
                .chosen(checklist, step)
                .into_iter()
                .filter_map(move |option| {
                    Some(NextStep {
                        step,
                        text: option.todo.as_deref()?.to_owned(),
                        unsure: progress.is_unsure(step),
                    })
                })
        })
        .collect()
}
