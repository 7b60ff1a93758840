use super::fix_outcome::resolved;
use super::{
    answer_text, change_button::ChangeButton, check_results::CheckResults,
    continue_elsewhere::ContinueElsewhere, external_link::ExternalLink, findings::Findings,
    report_panel::ReportPanel, todo_list::TodoList, use_shared,
};
use crate::hooks::use_media_query;
use crate::model::digits::signed_decimal;
use crate::model::session::SharedProgress;
use crate::model::shared::Shared;
use crate::model::{format, next_steps, Diagnosis, Link, StepKind, StepStatus, Timestamp};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub progress: SharedProgress,
    /// What the answers point to, worked out once per change by the session.
    pub diagnosis: Shared<Diagnosis>,
    /// When the progress last changed: the report's time.
    pub changed_at: Timestamp,
}

/// The answer first: the most likely cause and what to do, the other causes, what is still to
/// check, the to-do list, what the checks found, who to contact and the report; then, folded on
/// narrow screens, the answers with Change.
#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let shared = use_shared();
    let checklist = &shared.checklist;
    let on_action = &shared.on_action;
    let text = &checklist.text;
    let progress = &props.progress;
    // Open where there is room; on a phone the answers would push everything else down.
    let wide = use_media_query("(min-width: 40em)");
    // Change reopens an answered question, or the first one still open: never past it.
    let first_open = progress.first_unanswered(checklist);
    let rows = checklist.steps.iter().enumerate().map(|(index, step)| {
        let reachable = progress.is_answered(checklist, index) || first_open == Some(index);
        let answer = match progress.status(checklist, index) {
            StepStatus::NotStarted => text.report_not_answered().to_string(),
            _ => answer_text(checklist, progress, index),
        };
        html! {
            <div class="et-summary-row">
                <dt>{ &*step.question }</dt>
                <dd>{ answer }</dd>
                <dd class="et-summary-change">
                    if reachable {
                        <ChangeButton step={index} />
                    }
                </dd>
            </div>
        }
    });
    let diagnosis = &props.diagnosis;
    let contact_now = diagnosis
        .causes()
        .iter()
        .filter_map(|cause| checklist.finding(&cause.finding))
        .any(|finding| finding.contact_admin);
    // Only marks on what are causes now: answers changed since may have taken one away.
    let marks = diagnosis.marks_among(progress.outcome());
    let all_tried = diagnosis.all_tried(&marks);
    html! {
        <section class="et-summary" aria-labelledby="et-summary-title">
            <h3 class="et-summary-title" id="et-summary-title" tabindex="-1">{ text.findings_heading() }</h3>
            { resolved(checklist, &marks, progress.outcome(), on_action) }
            <Findings diagnosis={diagnosis.clone()}
                outcome={marks.clone()}
                mail_app={progress.mail_app().map(|app| AttrValue::from(app.to_owned()))} />
            <TodoList steps={next_steps::from_diagnosis(checklist, progress, diagnosis)} />
            if !progress.checks().is_empty() {
                <h4>{ text.checks_heading() }</h4>
                <CheckResults progress={progress.clone()}
                    settings={Rc::clone(&shared.check_settings)} />
            }
            <h4 class="et-contact-title" tabindex="-1">{ text.contact_heading() }</h4>
            // A live line, there (hidden and empty) from the start, so the last "Still not
            // working", whose focus lands on the heading above, reads it out.
            <p class={classes!("et-contact-now", (!all_tried).then_some("et-visually-hidden"))} role="status">
                if all_tried { { text.nothing_fixed() } }
            </p>
            // Now, when some cause can only be fixed on their side; otherwise if nothing helps.
            if contact_now {
                <p class="et-contact-now">{ text.contact_now() }</p>
            } else {
                <p>{ text.contact_if_still() }</p>
            }
            if let Some(href) = &shared.admin_contact {
                <p>
                    <ExternalLink
                        link={Link { id: "admin".into(), label: text.contact_admin_link().to_owned().into(), url: href.as_str().to_owned().into() }}
                        opens_new_tab={text.opens_new_tab().to_owned()} />
                </p>
            }
            <ReportPanel progress={progress.clone()} diagnosis={diagnosis.clone()} changed_at={props.changed_at} />
            <ContinueElsewhere progress={progress.clone()} />
            <details class="et-check-answers" open={wide}>
                <summary>{ text.summary_heading() }</summary>
                <dl class="et-summary-list">{ for rows }</dl>
                <Timeline progress={progress.clone()} />
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TimelineProps {
    progress: SharedProgress,
}

/// When troubleshooting started, and how long ago the problem began.
#[component]
fn Timeline(props: &TimelineProps) -> Html {
    let shared = use_shared();
    let text = &shared.checklist.text;
    let progress = &props.progress;
    let started = progress
        .started()
        .map(|when| text.started_at(&format::moment(text, when, shared.utc_offset)));
    let when_step = shared
        .checklist
        .steps
        .iter()
        .position(|s| s.kind == StepKind::When);
    let began = when_step.and_then(|step| progress.date(step)).map(|date| {
        let days = progress.today().days_since_epoch() - date.days_since_epoch();
        let date = format::date(text, date);
        match days {
            0 => text.began_today().to_string(),
            1 => text.began_yesterday(&date),
            n => text.began_days_ago(&signed_decimal(n), &date),
        }
    });
    html! {
        <>
            if let Some(started) = started {
                <p class="et-timeline">{ started }</p>
            }
            if let Some(began) = began {
                <p class="et-timeline">{ began }</p>
            }
        </>
    }
}
