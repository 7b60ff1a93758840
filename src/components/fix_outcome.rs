//! "Did this fix it?": the two buttons on each finding, the mark once answered (with Undo),
//! the "Fixed" panel at the top of the summary, and where focus goes after each.

use super::start_again::StartAgain;
use crate::browser::view;
use crate::content::Content;
use crate::model::outcome::{all_tried, lead_order, Mark};
use crate::model::{diagnose, fill, Action, Checklist, Progress};
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
    checklist: Content,
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
                view::bring_to_top(&element);
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

/// "This fixed it" and "Still not working" under a finding; once answered, what was said and
/// "Undo". A group named by the finding, since every finding has the same buttons. A plain
/// function, not a component: one fewer component's code in the wasm.
pub fn fix_outcome(
    checklist: &Checklist,
    id: &str,
    mark: Option<Mark>,
    on_outcome: &Callback<Action>,
) -> Html {
    let text = &checklist.text;
    let Some(finding) = checklist.finding(id) else {
        return html! {};
    };
    let send = |action: fn(String) -> Action| {
        let on_outcome = on_outcome.clone();
        let id = id.to_owned();
        Callback::from(move |_| on_outcome.emit(action(id.clone())))
    };
    let about = |template: &str| fill(template, &[("finding", &finding.title)]);
    html! {
        <div class="et-outcome" role="group" aria-label={about(text.outcome_about())}>
            if let Some(mark) = mark {
                <p class="et-outcome-mark">
                    // Green only for the fix: a tried cause is no success.
                    if mark == Mark::Fixed {
                        <span class="et-tag et-tag--answered">{ text.outcome_fixed() }</span>
                    } else {
                        <span class="et-tag">{ text.outcome_tried() }</span>
                    }
                    { " " }
                    <button type="button" class="et-link-button et-outcome-undo"
                        aria-label={about(text.outcome_undo_about())}
                        onclick={send(Action::TakeBack)}>
                        { text.outcome_undo() }
                    </button>
                </p>
            } else {
                <p class="et-outcome-question">{ text.outcome_question() }</p>
                <div class="et-actions">
                    <button type="button" class="et-button" onclick={send(Action::Fixed)}>
                        { text.outcome_fixed() }
                    </button>
                    <button type="button" class="et-button et-button--secondary" onclick={send(Action::NotFixed)}>
                        { text.outcome_not_fixed() }
                    </button>
                </div>
            }
        </div>
    }
}

/// "Fixed: …" at the top of the summary, with Start again for another device; nothing until
/// the user says a finding fixed it.
pub fn resolved(
    checklist: &Content,
    progress: &Progress,
    heading: NodeRef,
    on_action: &Callback<Action>,
) -> Html {
    let text = &checklist.text;
    let Some(finding) = progress
        .outcome()
        .fixed
        .as_deref()
        .and_then(|id| checklist.finding(id))
    else {
        return html! {};
    };
    html! {
        <div class="et-resolved">
            <h4 class="et-resolved-title" tabindex="-1" ref={heading}>
                { fill(text.resolved_heading(), &[("finding", &finding.title)]) }
            </h4>
            <p>{ text.resolved_intro() }</p>
            <StartAgain checklist={checklist.clone()} has_answers=true
                label={AttrValue::from(text.resolved_start_again().to_owned())}
                on_action={on_action.clone()} />
        </div>
    }
}
