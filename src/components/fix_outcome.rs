//! "Did this fix it?": the two buttons on each finding, the mark once answered (with Undo),
//! the "Fixed" panel at the top of the summary, and where focus goes after each.

use super::start_again::StartAgain;
use crate::browser::view;
use crate::content::Content;
use crate::model::outcome::{all_tried, lead_order, Mark};
use crate::model::{diagnose, fill, Action, Progress};
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

/// Focus requests, numbered so that the same place asked for twice still moves focus.
pub type FocusRequest = (u32, Option<OutcomeFocus>);

/// The summary's side of "did this fix it?": a callback for the buttons that also says where
/// focus goes once the change is drawn, and the request itself. Focus moves only on a click
/// here, never when another tab changes the marks.
#[hook]
pub fn use_outcome(
    checklist: Content,
    progress: Progress,
    on_action: Callback<Action>,
) -> (Callback<Action>, FocusRequest) {
    let focus = use_state_eq(|| (0u32, None));
    let callback = {
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
    (callback, (*focus).clone())
}

/// Brings `target` to the top, focused, when `request` asks for `wanted`.
#[hook]
pub fn use_focus_request(target: NodeRef, request: FocusRequest, wanted: OutcomeFocus) {
    use_effect_with(request, move |(count, to)| {
        if *count > 0 && to.as_ref() == Some(&wanted) {
            if let Some(element) = target.cast::<HtmlElement>() {
                view::bring_to_top(&element);
            }
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct FixOutcomeProps {
    pub checklist: Content,
    /// The finding's id in the content.
    pub finding: AttrValue,
    pub mark: Option<Mark>,
    pub on_outcome: Callback<Action>,
}

/// "This fixed it" and "Still not working" under a finding; once answered, what was said and
/// "Undo". A group named by the finding, since every finding has the same buttons.
#[component]
pub fn FixOutcome(props: &FixOutcomeProps) -> Html {
    let checklist = &props.checklist;
    let text = &checklist.text;
    let Some(finding) = checklist.finding(&props.finding) else {
        return html! {};
    };
    let send = |action: fn(String) -> Action| {
        let on_outcome = props.on_outcome.clone();
        let id = props.finding.to_string();
        Callback::from(move |_| on_outcome.emit(action(id.clone())))
    };
    let about = |template: &str| fill(template, &[("finding", &finding.title)]);
    html! {
        <div class="et-outcome" role="group" aria-label={about(text.outcome_about())}>
            if let Some(mark) = props.mark {
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

#[derive(Properties, PartialEq)]
pub struct ResolvedProps {
    pub checklist: Content,
    pub progress: Progress,
    pub focus: FocusRequest,
    pub on_action: Callback<Action>,
}

/// "Fixed: …" at the top of the summary, with Start again for another device.
#[component]
pub fn Resolved(props: &ResolvedProps) -> Html {
    let heading = use_node_ref();
    use_focus_request(heading.clone(), props.focus.clone(), OutcomeFocus::Resolved);
    let checklist = &props.checklist;
    let text = &checklist.text;
    let Some(finding) = props
        .progress
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
                on_action={props.on_action.clone()} />
        </div>
    }
}
