use super::external_link::ExternalLink;
use crate::content::Content;
use crate::model::checks::CheckKind;
use crate::model::report::confidence_label;
use crate::model::Diagnosis;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub checklist: Content,
    pub diagnosis: Diagnosis,
}

/// What the answers point to, most likely first; or, honestly, that there isn't enough to say.
#[component]
pub fn Findings(props: &FindingsProps) -> Html {
    let checklist = &props.checklist;
    let text = &checklist.text;
    let question = |step: &usize| {
        checklist
            .steps
            .get(*step)
            .map(|s| s.question.to_string())
            .unwrap_or_default()
    };
    let body = match &props.diagnosis {
        Diagnosis::Causes { causes, open } => html! {
            <>
                <ol class="et-findings">
                    { for causes.iter().filter_map(|cause| {
                        let finding = checklist.finding(&cause.finding)?;
                        let mut sources = Vec::new();
                        if !cause.steps.is_empty() {
                            let numbers: Vec<String> = cause.steps.iter().map(|s| (s + 1).to_string()).collect();
                            sources.push(crate::model::fill(text.answered_from(), &[("n", &numbers.join(", "))]));
                        }
                        for kind in &cause.checks {
                            sources.push(match kind {
                                CheckKind::Mx => text.from_mx_check().to_string(),
                                CheckKind::Registration => text.from_registration_check().to_string(),
                                CheckKind::Portal => String::new(),
                            });
                        }
                        Some(html! {
                            <li class="et-finding">
                                <p class="et-confidence">
                                    <strong>{ confidence_label(checklist, cause.confidence) }</strong>
                                    { " · " }{ sources.join(", ") }
                                </p>
                                <h4 class="et-finding-title">{ &*finding.title }</h4>
                                <p>{ &*finding.action }</p>
                                if let Some(link) = checklist.link(finding.link.as_ref()) {
                                    <p><ExternalLink link={link.clone()} opens_new_tab={text.opens_new_tab().to_owned()} /></p>
                                }
                            </li>
                        })
                    }) }
                </ol>
                if !open.is_empty() {
                    <p>{ text.some_open() }</p>
                    <ul class="et-open-questions">{ for open.iter().map(|s| html! { <li>{ question(s) }</li> }) }</ul>
                }
            </>
        },
        Diagnosis::Conflicting(conflicts) => html! {
            <>
                <p class="et-not-enough">{ text.conflicting() }</p>
                <ul class="et-open-questions">
                    { for conflicts.iter().filter_map(|i| checklist.conflicts.get(*i)).map(|c| html! { <li>{ &*c.explanation }</li> }) }
                </ul>
            </>
        },
        Diagnosis::NotEnough { open } => html! {
            <>
                <p class="et-not-enough">{ text.not_enough() }</p>
                <ul class="et-open-questions">{ for open.iter().map(|s| html! { <li>{ question(s) }</li> }) }</ul>
            </>
        },
        Diagnosis::NoCause => html! { <p>{ text.no_findings() }</p> },
    };
    html! {
        <>
            <h3>{ text.findings_heading() }</h3>
            { body }
        </>
    }
}
