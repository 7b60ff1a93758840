use super::{
    answer_text, check_results::CheckResults, continue_elsewhere::ContinueElsewhere,
    external_link::ExternalLink, findings::Findings, report_panel::ReportPanel,
};
use crate::browser::clock;
use crate::content::Content;
use crate::hooks::use_focus_on_move;
use crate::model::config::CheckSettings;
use crate::model::{diagnose, fill, format, Action, Link, Progress, StepKind};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub checklist: Content,
    pub progress: Progress,
    pub moves: u32,
    pub storage_key: AttrValue,
    #[prop_or_default]
    pub admin_contact: Option<AttrValue>,
    pub on_action: Callback<Action>,
}

/// Check your answers: each answer with Change, when this started, what the answers point to,
/// when to call the administrator, and the report to hand them.
#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let heading = use_node_ref();
    use_focus_on_move(heading.clone(), props.moves);
    let settings = use_context::<Rc<CheckSettings>>().unwrap_or_default();
    let checklist = &props.checklist;
    let text = &checklist.text;
    let progress = &props.progress;
    let rows = checklist.steps.iter().enumerate().map(|(index, step)| {
        let on_action = props.on_action.clone();
        let onclick = Callback::from(move |_| on_action.emit(Action::Change(index)));
        html! {
            <div class="et-summary-row">
                <dt>{ &*step.question }</dt>
                <dd>{ answer_text(checklist, progress, index) }</dd>
                <dd class="et-summary-change">
                    <button type="button" class="et-link-button" {onclick}
                        aria-label={fill(text.change_step(), &[("n", &(index + 1).to_string())])}>
                        { text.change() }
                    </button>
                </dd>
            </div>
        }
    });
    let diagnosis = diagnose(checklist, progress);
    let contact_now = diagnosis
        .causes()
        .iter()
        .filter_map(|cause| checklist.finding(&cause.finding))
        .any(|finding| finding.contact_admin);
    html! {
        <section class="et-summary" aria-labelledby="et-summary-title">
            <h3 class="et-summary-title" id="et-summary-title" tabindex="-1" ref={heading}>{ text.summary_heading() }</h3>
            <dl class="et-summary-list">{ for rows }</dl>
            <Timeline checklist={checklist.clone()} progress={progress.clone()} />
            if !progress.checks().is_empty() {
                <h3>{ text.checks_heading() }</h3>
                <CheckResults checklist={checklist.clone()} progress={progress.clone()}
                    settings={settings} />
            }
            <Findings checklist={checklist.clone()} {diagnosis} />
            <h3>{ text.contact_heading() }</h3>
            if contact_now {
                <p class="et-contact-now">{ text.contact_now() }</p>
            }
            <p>{ text.contact_if_still() }</p>
            if let Some(href) = &props.admin_contact {
                <p>
                    <ExternalLink
                        link={Link { id: "admin".into(), label: text.contact_admin_link().to_owned().into(), url: href.to_string().into() }}
                        opens_new_tab={text.opens_new_tab().to_owned()} />
                </p>
            }
            <ReportPanel checklist={checklist.clone()} progress={progress.clone()} admin_contact={props.admin_contact.clone()} />
            <ContinueElsewhere checklist={checklist.clone()} progress={progress.clone()} storage_key={props.storage_key.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TimelineProps {
    checklist: Content,
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
