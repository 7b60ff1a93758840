//! "Did this fix it?": the two buttons on each finding, the mark once answered (with Undo),
//! and the "Fixed" panel at the top of the summary. Where focus goes after each is
//! the session's to say (`model::session`).

use super::start_again::StartAgain;
use crate::content::SharedChecklist;
use crate::model::outcome::{Mark, Outcome};
use crate::model::{Action, Checklist};
use yew::prelude::*;

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
    let title = &finding.title;
    html! {
        <div class="et-outcome" role="group" aria-label={text.outcome_about(title)}>
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
                        aria-label={text.outcome_undo_about(title)}
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

/// "Fixed: …" at the top of the summary, with Undo (a "Fixed" clicked by mistake) and Start
/// again for another device; nothing until the user says a finding fixed it. `marks` are those
/// on current causes, `saved` all the user gave: a fix whose answers were changed away is said
/// to be set aside, with its Undo, rather than vanishing.
pub fn resolved(
    checklist: &SharedChecklist,
    marks: &Outcome,
    saved: &Outcome,
    on_outcome: &Callback<Action>,
) -> Html {
    let text = &checklist.text;
    // A fix on a finding the answers no longer point to is set aside, not silently dropped.
    let set_aside = saved.fixed.as_deref().filter(|_| marks.fixed.is_none());
    let Some((id, finding, current)) = marks
        .fixed
        .as_deref()
        .map(|id| (id, true))
        .or(set_aside.map(|id| (id, false)))
        .and_then(|(id, current)| Some((id, checklist.finding(id)?, current)))
    else {
        return html! {};
    };
    let undo = {
        let on_outcome = on_outcome.clone();
        let id = id.to_owned();
        Callback::from(move |_| on_outcome.emit(Action::TakeBack(id.clone())))
    };
    let title = &finding.title;
    if !current {
        return html! {
            <p class="et-hint et-set-aside">
                { text.outcome_set_aside(title) }{ " " }
                <button type="button" class="et-link-button et-outcome-undo"
                    aria-label={text.outcome_undo_about(title)} onclick={undo}>
                    { text.outcome_undo() }
                </button>
            </p>
        };
    }
    html! {
        <div class="et-resolved">
            <h4 class="et-resolved-title" tabindex="-1">
                { text.resolved_heading(title) }
            </h4>
            <p>{ text.resolved_intro() }</p>
            <p>
                <button type="button" class="et-link-button et-outcome-undo"
                    aria-label={text.outcome_undo_about(title)} onclick={undo}>
                    { text.outcome_undo() }
                </button>
            </p>
            <StartAgain has_answers=true
                label={AttrValue::from(text.resolved_start_again().to_owned())} />
        </div>
    }
}
