//! The interface, one component a file. Components only render and dispatch model actions.

mod change_button;
mod check_controls;
mod check_results;
mod choice_question;
mod config_problems;
mod continue_elsewhere;
mod continue_later;
mod error_summary;
mod external_link;
mod findings;
mod fix_outcome;
mod guidance;
mod link_offer;
mod mail_app_choice;
mod notice_line;
mod portal_check;
mod prerequisites;
mod profile_download;
mod progress_meter;
mod qr_code;
mod question_form;
mod records_check;
mod report_panel;
mod settings_card;
mod start_again;
mod step_actions;
mod step_item;
mod summary;
mod todo_list;
mod troubleshooter;
mod when_question;

pub use troubleshooter::{Commands, Troubleshooter, TroubleshooterProps};

use crate::content::SharedChecklist;
pub(crate) use crate::model::progress::answer_text;
use crate::model::{Action, Checklist, Progress, StepStatus};
use yew::prelude::*;

/// What every view of one step needs: which step, the content, the progress, where to send actions.
#[derive(Properties, PartialEq, Clone)]
pub struct StepProps {
    pub index: usize,
    pub checklist: SharedChecklist,
    pub progress: Progress,
    /// Counts the user's moves between steps; focus follows a move.
    pub moves: u32,
    pub on_action: Callback<Action>,
}

/// The storage key of this widget, for the parts that make a continue-link deep in a step.
#[derive(Clone, PartialEq, Default)]
pub struct StorageKey(pub AttrValue);

/// The words for a step's status: shown as text, never as colour alone.
pub(crate) fn status_label(checklist: &Checklist, status: StepStatus) -> &str {
    match status {
        StepStatus::NotStarted => checklist.text.status_not_started(),
        StepStatus::Answered => checklist.text.status_answered(),
        StepStatus::PointsToCause => checklist.text.status_points_to_cause(),
        StepStatus::ToCheck => checklist.text.status_to_check(),
    }
}
