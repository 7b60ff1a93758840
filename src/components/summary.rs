use super::fix_outcome::resolved;
use super::{
    answer_text, change_button::ChangeButton, check_results::CheckResults,
    continue_elsewhere::ContinueElsewhere, external_link::ExternalLink, findings::Findings,
    report_panel::ReportPanel, todo_list::TodoList,
};
use crate::browser::{clock, view};
use crate::content::SharedChecklist;
use crate::hooks::{use_focus_on_move, use_outcome};
use crate::model::config::CheckSettings;
use crate::model::outcome::all_tried;
use crate::model::{
    diagnose, fill, format, next_steps, Action, Link, Progress, StepKind, StepStatus,
};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub checklist: SharedChecklist,
    pub progress: Progress,
    pub moves: u32,
    pub storage_key: AttrValue,
    #[prop_or_default]
    pub admin_contact: Option<AttrValue>,
    pub on_action: Callback<Action>,
}

/// The answer first: the most likely cause and what to do, the other causes, what is still to
/// check, the to-do list, what the checks found, who to contact and the report; then, folded on
/// narrow screens, the answers with Change.
#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let heading = use_node_ref();
    use_focus_on_move(heading.clone(), props.moves);
    let outcome = use_outcome(
        props.checklist.clone(),
        props.progress.clone(),
        props.on_action.clone(),
    );
    let settings = use_context::<Rc<CheckSettings>>().unwrap_or_default();
    let checklist = &props.checklist;
    let text = &checklist.text;
    let progress = &props.progress;
    // Open where there is room; on a phone the answers would push everything else down.
    let wide = use_memo((), |_| view::matches("(min-width: 40em)"));
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
                        <ChangeButton checklist={checklist.clone()} step={index} on_action={props.on_action.clone()} />
                    }
                </dd>
            </div>
        }
    });
    let diagnosis = use_memo(
        (checklist.clone(), progress.clone()),
        |(checklist, progress)| diagnose(checklist, progress),
    );
    let contact_now = diagnosis
        .causes()
        .iter()
        .filter_map(|cause| checklist.finding(&cause.finding))
        .any(|finding| finding.contact_admin);
    // Only marks on what are causes now: answers changed since may have taken one away.
    let marks = progress.outcome().among(diagnosis.causes());
    html! {
        <section class="et-summary" aria-labelledby="et-summary-title">
            <h3 class="et-summary-title" id="et-summary-title" tabindex="-1" ref={heading}>{ text.findings_heading() }</h3>
            { resolved(checklist, &marks, progress.outcome(), outcome.resolved.clone(), &outcome.on_outcome, &props.on_action) }
            <Findings checklist={checklist.clone()} diagnosis={(*diagnosis).clone()} on_action={props.on_action.clone()}
                outcome={marks.clone()} on_outcome={outcome.on_outcome.clone()}
                focus_finding={outcome.focus_finding.clone()} title_ref={outcome.finding.clone()}
                mail_app={progress.mail_app().map(|app| AttrValue::from(app.to_owned()))} />
            <TodoList checklist={checklist.clone()} steps={next_steps(checklist, progress)} on_action={props.on_action.clone()} />
            if !progress.checks().is_empty() {
                <h4>{ text.checks_heading() }</h4>
                <CheckResults checklist={checklist.clone()} progress={progress.clone()}
                    settings={settings} />
            }
            <h4 tabindex="-1" ref={outcome.contact.clone()}>{ text.contact_heading() }</h4>
            if all_tried(diagnosis.causes(), &marks) {
                <p class="et-contact-now">{ text.nothing_fixed() }</p>
            }
            // Now, when some cause can only be fixed on their side; otherwise if nothing helps.
            if contact_now {
                <p class="et-contact-now">{ text.contact_now() }</p>
            } else {
                <p>{ text.contact_if_still() }</p>
            }
            if let Some(href) = &props.admin_contact {
                <p>
                    <ExternalLink
                        link={Link { id: "admin".into(), label: text.contact_admin_link().to_owned().into(), url: href.to_string().into() }}
                        opens_new_tab={text.opens_new_tab().to_owned()} />
                </p>
            }
            <ReportPanel checklist={checklist.clone()} progress={progress.clone()} admin_contact={props.admin_contact.clone()} />
            <ContinueElsewhere checklist={checklist.clone()} progress={progress.clone()} storage_key={props.storage_key.clone()} />
            <details class="et-check-answers" open={*wide}>
                <summary>{ text.summary_heading() }</summary>
                <dl class="et-summary-list">{ for rows }</dl>
                <Timeline checklist={checklist.clone()} progress={progress.clone()} />
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TimelineProps {
    checklist: SharedChecklist,
    progress: Progress,
}

/// When troubleshooting started, and how long ago the problem began.
#[component]
fn Timeline(props: &TimelineProps) -> Html {
    let text = &props.checklist.text;
    let progress = &props.progress;
    let started = progress.started().map(|when| {
        fill(
            text.started_at(),
            &[(
                "when",
                &format::moment(text, when, clock::utc_offset_minutes()),
            )],
        )
    });
    let when_step = props
        .checklist
        .steps
        .iter()
        .position(|s| s.kind == StepKind::When);
    let began = when_step.and_then(|step| progress.date(step)).map(|date| {
        let days = progress.today().days_since_epoch() - date.days_since_epoch();
        let date = format::date(text, date);
        match days {
            0 => text.began_today().to_string(),
            1 => fill(text.began_yesterday(), &[("date", &date)]),
            n => fill(
                text.began_days_ago(),
                &[("n", &n.to_string()), ("date", &date)],
            ),
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
