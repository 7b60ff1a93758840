//! The interface, one component a file. Components only render and dispatch model actions.

mod change_button;
mod check_controls;
mod check_results;
mod choice_question;
mod config_problems;
mod continue_elsewhere;
mod continue_later;
mod email_troubleshooter;
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

pub use email_troubleshooter::{EmailTroubleshooter, EmailTroubleshooterProps, Heading};
#[cfg(debug_assertions)]
pub use step_item::step_renders;
pub use troubleshooter::{
    Commands, Replay, Troubleshooter, TroubleshooterProps, TroubleshooterView, ViewProps,
    WidgetContext,
};

pub(crate) use crate::model::progress::answer_text;
use crate::model::session::SharedProgress;
use crate::model::{Checklist, DateEntry, InputError, StepStatus};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the open step's views need: which step, the progress, and why it can't be left yet
/// (the content and where actions go are in context).
#[derive(Properties, PartialEq, Clone)]
pub struct StepProps {
    pub index: usize,
    pub progress: SharedProgress,
    /// Why the step can't be left yet, once the user has tried to.
    pub error: Option<InputError>,
}

/// What every part of one widget shares, given once through context instead of as props.
/// Only [`TroubleshooterView`] renders components, and it provides the context, so a missing
/// one is a bug here, never something a page can cause: say so rather than draw stand-in content.
#[hook]
pub fn use_shared() -> WidgetContext {
    use_context::<WidgetContext>().expect("a component rendered outside TroubleshooterView")
}

/// The words for a step's status: shown as text, never as colour alone.
pub(crate) fn status_label(checklist: &Checklist, status: StepStatus) -> &str {
    match status {
        StepStatus::NotStarted => checklist.text.status_not_started(),
        StepStatus::Answered => checklist.text.status_answered(),
        StepStatus::PointsToCause => checklist.text.status_points_to_cause(),
        StepStatus::ToCheck => checklist.text.status_to_check(),
    }
}

/// What a date field holds, as the model takes it. A half-typed date reads as "" with
/// `badInput` set: it is kept distinct from "no date", so it is refused as a bad date.
pub(crate) fn date_entered(input: &HtmlInputElement) -> DateEntry {
    if input.validity().bad_input() {
        DateEntry::Unreadable
    } else {
        DateEntry::Typed(input.value())
    }
}
