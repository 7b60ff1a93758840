use super::{answer_text, external_link::ExternalLink};
use crate::content::Content;
use crate::hooks::use_focus_on_move;
use crate::model::{fill, Action, Link, Progress};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub checklist: Content,
    pub progress: Progress,
    pub moves: u32,
    #[prop_or_default]
    pub admin_contact: Option<AttrValue>,
    pub on_action: Callback<Action>,
}

/// Check your answers: each answer with Change, what they point to, and when to call the administrator.
#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let heading = use_node_ref();
    use_focus_on_move(heading.clone(), props.moves);
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
                    <button type="button" class="et-link-button" {onclick}>
                        { &*text.change }
                        <span class="et-visually-hidden">
                            { " " }{ fill(&text.change_step, &[("n", &(index + 1).to_string())]) }
                        </span>
                    </button>
                </dd>
            </div>
        }
    });
    let causes = progress.causes(checklist);
    let findings: Vec<_> = causes
        .iter()
        .filter_map(|cause| checklist.finding(&cause.finding))
        .collect();
    let contact_now = findings.iter().any(|finding| finding.contact_admin);
    html! {
        <section class="et-summary" aria-labelledby="et-summary-title">
            <h3 class="et-summary-title" id="et-summary-title" tabindex="-1" ref={heading}>{ &*text.summary_heading }</h3>
            <dl class="et-summary-list">{ for rows }</dl>
            <h3>{ &*text.findings_heading }</h3>
            if findings.is_empty() {
                <p>{ &*text.no_findings }</p>
            } else {
                <ul class="et-findings">
                    { for findings.iter().map(|finding| html! {
                        <li class="et-finding">
                            <h4 class="et-finding-title">{ &*finding.title }</h4>
                            <p>{ &*finding.action }</p>
                            if let Some(link) = checklist.link(finding.link.as_ref()) {
                                <p><ExternalLink link={link.clone()} opens_new_tab={text.opens_new_tab.clone()} /></p>
                            }
                        </li>
                    }) }
                </ul>
            }
            <h3>{ &*text.contact_heading }</h3>
            if contact_now {
                <p class="et-contact-now">{ &*text.contact_now }</p>
            }
            <p>{ &*text.contact_if_still }</p>
            if let Some(href) = &props.admin_contact {
                <p>
                    <ExternalLink
                        link={Link { id: "admin".into(), label: text.contact_admin_link.clone(), url: href.to_string().into() }}
                        opens_new_tab={text.opens_new_tab.clone()} />
                </p>
            }
        </section>
    }
}
