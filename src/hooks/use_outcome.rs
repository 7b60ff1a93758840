//! Where focus goes after "This fixed it", "Still not working" or Undo.

use crate::browser::view;
use crate::content::SharedChecklist;
use crate::model::outcome::{all_tried, lead_order};
use crate::model::{diagnose, Action, Progress};
use web_sys::HtmlElement;
use yew::prelude::*;

/// Where focus goes after a click on one of these controls.
#[derive(Debug, Clone, PartialEq)]
pub enum OutcomeFocus {
    /// The "Fixed" panel at the top of the summary.
    Resolved,
    /// A finding's title: the one that now leads, or one whose mark was taken back.
    Finding(AttrValue),
    /// Contacting the administrator: everything was tried.
    Contact,
}

/// What the summary needs for "did this fix it?": the buttons' callback, which also says where
/// focus goes once the change is drawn, and the places focus can go to.
pub struct OutcomeUi {
    pub on_outcome: Callback<Action>,
    /// The finding whose title is to take focus, if one is.
    pub focus_finding: Option<AttrValue>,
    /// For that finding's title.
    pub finding: NodeRef,
    /// The "Fixed: …" heading.
    pub resolved: NodeRef,
    /// The heading of contacting the administrator.
    pub contact: NodeRef,
}

/// Focus moves only on a click here, never when another tab changes the marks.
#[hook]
pub fn use_outcome(
    checklist: SharedChecklist,
    progress: Progress,
    on_action: Callback<Action>,
) -> OutcomeUi {
    // Numbered, so that the same place asked for twice still moves focus.
    let focus = use_state_eq(|| (0u32, None::<OutcomeFocus>));
    let finding = use_node_ref();
    let resolved = use_node_ref();
    let contact = use_node_ref();
    {
        let refs = (finding.clone(), resolved.clone(), contact.clone());
        use_effect_with((*focus).clone(), move |(count, to)| {
            let target = match to {
                Some(OutcomeFocus::Finding(_)) => refs.0,
                Some(OutcomeFocus::Resolved) => refs.1,
                Some(OutcomeFocus::Contact) => refs.2,
                None => return,
            };
            if let Some(element) = target.cast::<HtmlElement>().filter(|_| *count > 0) {
                // The box around it: the lead's label and the line saying why it leads, or
                // the Fixed panel's border, stay in view with the heading.
                let around = element
                    .closest(".et-first-cause, .et-resolved")
                    .ok()
                    .flatten();
                view::bring_to_top_within(&element, around.as_ref().unwrap_or(&element));
            }
        });
    }
    let on_outcome = {
        let focus = focus.clone();
        Callback::from(move |action: Action| {
            let mut after = progress.clone();
            after.apply(&checklist, action.clone());
            let diagnosis = diagnose(&checklist, &after);
            let outcome = after.outcome();
            let to = match &action {
                Action::Fixed(_) => OutcomeFocus::Resolved,
                Action::NotFixed(_) if all_tried(diagnosis.causes(), outcome) => {
                    OutcomeFocus::Contact
                }
                Action::TakeBack(id) => OutcomeFocus::Finding(id.clone().into()),
                _ => match lead_order(diagnosis.causes(), outcome).first() {
                    Some(lead) => OutcomeFocus::Finding(lead.finding.clone().into()),
                    None => OutcomeFocus::Contact,
                },
            };
            focus.set((focus.0.wrapping_add(1), Some(to)));
            on_action.emit(action);
        })
    };
    let focus_finding = match &focus.1 {
        Some(OutcomeFocus::Finding(id)) => Some(id.clone()),
        _ => None,
    };
    OutcomeUi {
        on_outcome,
        focus_finding,
        finding,
        resolved,
        contact,
    }
}
