use crate::content::Content;
use crate::model::checks::describe::{self, host_of};
use crate::model::config::CheckSettings;
use crate::model::{fill, format, Progress};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckResultsProps {
    pub checklist: Content,
    pub progress: Progress,
    pub settings: Rc<CheckSettings>,
    /// Which results to show: the mail records and registration, the portal, or all.
    #[prop_or(true)]
    pub records: bool,
    #[prop_or(true)]
    pub portal: bool,
}

/// The latest results of the checks, each with when it was taken.
#[component]
pub fn CheckResults(props: &CheckResultsProps) -> Html {
    let checklist = &props.checklist;
    let text = &checklist.text;
    let checks = props.progress.checks();
    let settings = &props.settings;
    let seconds = settings.timeout_seconds;
    let when = |at| {
        fill(
            text.checked_at(),
            &[(
                "when",
                &format::moment(text, at, crate::browser::clock::utc_offset_minutes()),
            )],
        )
    };
    let mx = checks.mx.as_ref().filter(|_| props.records).map(|check| {
        let expected = settings.expected_mx.join(", ");
        html! {
            <div class="et-check-result">
                <h5>{ fill(text.mx_heading(), &[("domain", &check.domain)]) }</h5>
                <p>{ describe::mx_verdict(checklist, check, host_of(&settings.doh_url), seconds) }</p>
                if check.outcome.is_ok() {
                    <dl class="et-facts">
                        <div><dt>{ text.mx_found() }</dt><dd>{ describe::mx_found(checklist, check) }</dd></div>
                        <div><dt>{ text.mx_expected() }</dt><dd>{ expected }</dd></div>
                    </dl>
                }
                <p class="et-hint">{ when(check.at) }</p>
            </div>
        }
    });
    let registration = checks
        .registration
        .as_ref()
        .filter(|_| props.records)
        .map(|check| {
            let lines = describe::registration(
                checklist,
                check,
                props.progress.today(),
                host_of(&settings.rdap_url),
                seconds,
            );
            html! {
                <div class="et-check-result">
                    <h5>{ fill(text.reg_heading(), &[("domain", &check.domain)]) }</h5>
                    { for lines.into_iter().map(|line| html! { <p>{ line }</p> }) }
                    <p class="et-hint">{ when(check.at) }</p>
                </div>
            }
        });
    let portal = checks
        .portal
        .as_ref()
        .filter(|_| props.portal)
        .map(|check| {
            html! {
                <div class="et-check-result">
                    <p>{ describe::portal(checklist, check, seconds) }</p>
                    <p class="et-hint">{ when(check.at) }</p>
                </div>
            }
        });
    html! { <>{ for mx }{ for registration }{ for portal }</> }
}
