use super::change_button::ChangeButton;
use super::external_link::ExternalLink;
use super::fix_outcome::fix_outcome;
use super::settings_card::settings_for_cause;
use crate::model::diagnosis::conflict_answers;
use crate::model::outcome::{Mark, Outcome};
use crate::model::report::{self, confidence_label};
use crate::model::shared::Shared;
use crate::model::{Action, Checklist, Diagnosis, RankedCause};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub diagnosis: Shared<Diagnosis>,
    /// Which finding fixed it and which were tried: they order the causes and mark them.
    #[prop_or_default]
    pub outcome: Outcome,
    /// The mail app the user chose, for the settings shown with a cause that needs them.
    #[prop_or_default]
    pub mail_app: Option<AttrValue>,
}

/// What the answers point to, leading with the most likely cause and what to do first; then the
/// other causes; answers that contradict each other, named; and what is still to check.
#[component]
pub fn Findings(props: &FindingsProps) -> Html {
    let shared = super::use_shared();
    let checklist = &shared.checklist;
    let text = &checklist.text;
    let diagnosis = &props.diagnosis;
    let outcome = &props.outcome;
    // Tried causes go last, so the next one leads; the one that fixed it comes first.
    let causes = diagnosis.lead_order(outcome);
    let outcome_of = |id: &str| fix_outcome(checklist, id, outcome.mark(id), &shared.on_action);
    // Why the first leads holds only while the marks haven't reordered the causes.
    let in_rank_order = causes
        .iter()
        .map(|c| &c.finding)
        .eq(diagnosis.causes().iter().map(|c| &c.finding));
    // After "Still not working": which cause was tried, so the new lead doesn't come unexplained.
    let next_lead = causes
        .first()
        .filter(|lead| outcome.mark(&lead.finding).is_none())
        .and(outcome.tried.last())
        .and_then(|id| checklist.finding(id))
        .map(|tried| text.outcome_next_lead(&tried.title));
    let first = causes.first().and_then(|cause| {
        let finding = checklist.finding(&cause.finding)?;
        let label = match outcome.mark(&cause.finding) {
            Some(Mark::Fixed) => text.outcome_fixed_label(),
            _ => text.most_likely_heading(),
        };
        Some(html! {
            <div class="et-first-cause">
                // Always there, so the line is announced when a click fills it.
                <p class="et-next-lead" role="status">{ next_lead.clone() }</p>
                <p class="et-first-cause-label">{ label }</p>
                <h4 class="et-finding-title" tabindex="-1" data-finding={cause.finding.clone()}>{ &*finding.title }</h4>
                <p class="et-confidence">{ sources(checklist, cause) }</p>
                <p>{ &*finding.action }</p>
                if let Some(link) = checklist.link(finding.link.as_ref()) {
                    <p><ExternalLink link={link.clone()} opens_new_tab={text.opens_new_tab().to_owned()} /></p>
                }
                { settings_for_cause(checklist, &causes, cause, outcome, &props.mail_app) }
                if finding.contact_admin {
                    <p class="et-contact-now">{ text.contact_who() }</p>
                }
                if let Some(reason) = tie_reason(checklist, diagnosis.causes()).filter(|_| in_rank_order) {
                    <p class="et-hint">{ reason }</p>
                }
                { outcome_of(&cause.finding) }
            </div>
        })
    });
    let others = causes.iter().skip(1).filter_map(|cause| {
        let finding = checklist.finding(&cause.finding)?;
        Some(html! {
            <li class="et-finding" key={cause.finding.as_str()}>
                <h5 class="et-finding-title" tabindex="-1" data-finding={cause.finding.clone()}>{ &*finding.title }</h5>
                // Seen with the title, not only at the end of the block.
                if outcome.mark(&cause.finding) == Some(Mark::Tried) {
                    <p><span class="et-tag">{ text.outcome_tried() }</span></p>
                }
                <p class="et-confidence">{ sources(checklist, cause) }</p>
                <p>{ &*finding.action }</p>
                if let Some(link) = checklist.link(finding.link.as_ref()) {
                    <p><ExternalLink link={link.clone()} opens_new_tab={text.opens_new_tab().to_owned()} /></p>
                }
                { settings_for_cause(checklist, &causes, cause, outcome, &props.mail_app) }
                { outcome_of(&cause.finding) }
            </li>
        })
    });
    let conflicts = diagnosis
        .conflicts()
        .iter()
        .filter_map(|&index| checklist.conflicts.get(index))
        .map(|conflict| {
            html! {
                <li>
                    <p>{ report::clashing_answers(checklist, conflict) }</p>
                    <p>{ &*conflict.explanation }</p>
                </li>
            }
        });
    // The questions to check again, each once (two conflicts may share one) with its Change.
    let mut clashing: Vec<usize> = Vec::new();
    for &index in diagnosis.conflicts() {
        for (step, _) in conflict_answers(&checklist.conflicts[index]) {
            if !clashing.contains(&step) {
                clashing.push(step);
            }
        }
    }
    let recheck = clashing.iter().map(|&step| {
        html! {
            <li>
                { step + 1 }{ ". " }{ &*checklist.steps[step].question }{ " " }
                <ChangeButton {step} />
            </li>
        }
    });
    let unanswered = diagnosis.unanswered();
    let answer_rest = {
        let on_action = shared.on_action.clone();
        let first = unanswered.first().copied().unwrap_or_default();
        Callback::from(move |_| on_action.emit(Action::Change(first)))
    };
    html! {
        <>
            { for first }
            if causes.len() > 1 {
                <h4>{ text.other_causes_heading() }</h4>
                <ol class="et-findings">{ for others }</ol>
            }
            if !diagnosis.conflicts().is_empty() {
                <div class="et-conflicts">
                    <p class="et-not-enough">{ text.conflicting() }</p>
                    <ul class="et-conflict-list">{ for conflicts }</ul>
                    <ul class="et-conflict-questions">{ for recheck }</ul>
                </div>
            }
            if causes.is_empty() && !diagnosis.open().is_empty() {
                <p class="et-not-enough">{ text.not_enough() }</p>
            }
            if diagnosis.is_no_cause() {
                <p>{ text.no_findings() }</p>
            }
            if !unanswered.is_empty() {
                <h4>{ text.unanswered_heading() }</h4>
                <ul class="et-open-questions">
                    { for unanswered.iter().filter_map(|&s| checklist.steps.get(s)).map(|s| html! { <li>{ &*s.question }</li> }) }
                </ul>
                <p class="et-answer-rest"><button type="button" class="et-button et-button--secondary" onclick={answer_rest}>{ text.answer_rest() }</button></p>
            }
        </>
    }
}

/// Why the most likely cause leads another as likely: the tie rule's first step that decided.
fn tie_reason<'c>(checklist: &'c Checklist, causes: &[RankedCause]) -> Option<&'c str> {
    let [first, second, ..] = causes else {
        return None;
    };
    let text = &checklist.text;
    let count = |cause: &RankedCause| cause.steps.len() + cause.checks.len();
    first.tie_broken.then(|| {
        if first.named && !second.named {
            text.tie_named()
        } else if count(first) > count(second) {
            text.tie_more()
        } else {
            text.tie_order()
        }
    })
}

/// "Likely · from question 3 · from the mail records check".
fn sources(checklist: &Checklist, cause: &RankedCause) -> String {
    let mut sources = vec![confidence_label(checklist, cause.confidence).to_string()];
    sources.extend(report::sources(checklist, cause));
    sources.join(" · ")
}
