//! The interface, one component a file. Components only render and dispatch model actions.

mod choice_question;
mod config_problems;
mod error_summary;
mod external_link;
mod guidance;
mod notice_line;
mod prerequisites;
mod progress_meter;
mod question_form;
mod start_again;
mod step_actions;
mod step_item;
mod summary;
mod troubleshooter;
mod when_question;

pub use troubleshooter::{Commands, Troubleshooter, TroubleshooterProps};

use crate::content::Content;
use crate::model::{Action, Checklist, Progress, StepStatus};
use yew::prelude::*;

/// What every view of one step needs: which step, the content, the progress, where to send actions.
#[derive(Properties, PartialEq, Clone)]
pub struct StepProps {
    pub index: usize,
    pub checklist: Content,
    pub progress: Progress,
    /// Counts the user's moves between steps; focus follows a move.
    pub moves: u32,
    pub on_action: Callback<Action>,
}

/// The words for a step's status: shown as text, never as colour alone.
pub(crate) fn status_label(checklist: &Checklist, status: StepStatus) -> &str {
    match status {
        StepStatus::NotStarted => &checklist.text.status_not_started,
        StepStatus::Answered => &checklist.text.status_answered,
        StepStatus::PointsToCause => &checklist.text.status_points_to_cause,
    }
}

/// An answer as the user reads it back: the date (if any) and the options chosen.
pub(crate) fn answer_text(checklist: &Checklist, progress: &Progress, step: usize) -> String {
    let labels: Vec<&str> = progress
        .chosen(checklist, step)
        .into_iter()
        .map(|option| checklist.option_label(option))
        .collect();
    let is_when = checklist
        .steps
        .get(step)
        .is_some_and(|s| s.kind == crate::model::StepKind::When);
    if !is_when {
        return labels.join("; ");
    }
    let date = progress.date(step).map_or_else(
        || checklist.text.no_date.to_string(),
        |date| date.to_string(),
    );
    format!("{date}: {}", labels.join("; "))
}
