use crate::model::checks::contradiction::contradictions;
use crate::model::checks::describe::{self, host_of, Standing};
use crate::model::checks::CheckKind;
use crate::model::config::CheckSettings;
use crate::model::session::SharedProgress;
use crate::model::{format, UiText};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckResultsProps {
    pub progress: SharedProgress,
    pub settings: Rc<CheckSettings>,
    /// Which results to show: the mail records and registration, the portal, or all.
    #[prop_or(true)]
    pub records: bool,
    #[prop_or(true)]
    pub portal: bool,
}

/// The latest results of the checks, each led by its outcome in a word, with the next step
/// for a problem, any answer that says otherwise, and when it was taken.
#[component]
pub fn CheckResults(props: &CheckResultsProps) -> Html {
    let shared = super::use_shared();
    let checklist = &shared.checklist;
    let text = &checklist.text;
    let progress = &props.progress;
    let checks = progress.checks();
    let settings = &props.settings;
    let seconds = settings.timeout_seconds;
    let contradictions = contradictions(checklist, progress);
    let checked = |at| text.checked_at(&format::moment(text, at, shared.utc_offset));
    // Results made together (the records check) say when once, after them all.
    let times: Vec<_> = [
        checks.mx.as_ref().filter(|_| props.records).map(|c| c.at),
        checks.spf.as_ref().filter(|_| props.records).map(|c| c.at),
        checks
            .autodiscover
            .as_ref()
            .filter(|_| props.records)
            .map(|c| c.at),
        checks
            .registration
            .as_ref()
            .filter(|_| props.records)
            .map(|c| c.at),
        checks
            .portal
            .as_ref()
            .filter(|_| props.portal)
            .map(|c| c.at),
    ]
    .into_iter()
    .flatten()
    .collect();
    let shared_time =
        (times.len() > 1 && times.iter().all(|t| *t == times[0])).then(|| checked(times[0]));
    let result = |kind: CheckKind, standing, heading, lines: Vec<String>, facts, at| {
        let clashes = contradictions
            .iter()
            .filter(|c| c.check == kind)
            .map(|c| describe::contradiction(checklist, c))
            .collect();
        let when = shared_time.is_none().then(|| checked(at));
        result_block(text, standing, heading, lines, clashes, facts, when)
    };
    let mx = checks.mx.as_ref().filter(|_| props.records).map(|check| {
        let facts = check.outcome.as_ref().ok().map(|found| {
            // Said in words, not colour alone: which hosts found aren't the provider's.
            let not_provider = text.mx_not_provider().to_owned();
            let found_hosts = describe::mx_hosts(checklist, check)
                .into_iter()
                .enumerate()
                .map(|(i, host)| {
                    let foreign = i < found.records.len()
                        && !settings
                            .expected_mx
                            .iter()
                            .any(|e| e.eq_ignore_ascii_case(&host));
                    (host, foreign.then(|| not_provider.clone()))
                })
                .collect();
            let expected = settings
                .expected_mx
                .iter()
                .map(|h| (h.clone(), None))
                .collect();
            html! {
                <dl class="et-facts et-facts--hosts">
                    <div><dt>{ describe::mx_found_label(checklist, check) }</dt>
                        <dd>{ host_list(found_hosts) }</dd></div>
                    <div><dt>{ text.mx_expected() }</dt><dd>{ host_list(expected) }</dd></div>
                </dl>
            }
        });
        result(
            CheckKind::Mx,
            describe::mx_standing(checklist, check),
            Some(text.mx_heading(&check.domain)),
            vec![describe::mx_verdict(
                checklist,
                check,
                host_of(&settings.doh_url),
                seconds,
            )],
            facts,
            check.at,
        )
    });
    let dns_service = host_of(&settings.doh_url);
    let spf = checks.spf.as_ref().filter(|_| props.records).map(|check| {
        let facts = describe::spf_found(checklist, check, &settings.spf_include)
            .map(|found| facts_block(text, found, &settings.spf_include));
        result(
            CheckKind::Spf,
            describe::spf_standing(checklist, check),
            Some(text.spf_heading(&check.domain)),
            vec![describe::spf(
                checklist,
                check,
                &settings.spf_include,
                dns_service,
                seconds,
            )],
            facts,
            check.at,
        )
    });
    let autodiscover = checks
        .autodiscover
        .as_ref()
        .filter(|_| props.records)
        .map(|check| {
            let chain = describe::autodiscover_chain(check);
            let facts = (!chain.is_empty())
                .then(|| facts_block(text, chain, &settings.autodiscover_target));
            result(
                CheckKind::Autodiscover,
                describe::autodiscover_standing(checklist, check),
                Some(text.autodiscover_heading(&check.domain)),
                vec![describe::autodiscover(
                    checklist,
                    check,
                    &settings.autodiscover_target,
                    dns_service,
                    seconds,
                )],
                facts,
                check.at,
            )
        });
    let registration = checks
        .registration
        .as_ref()
        .filter(|_| props.records)
        .map(|check| {
            let today = progress.today();
            let lines = describe::registration(
                checklist,
                check,
                today,
                host_of(&settings.rdap_url),
                seconds,
            );
            result(
                CheckKind::Registration,
                describe::registration_standing(checklist, check, today),
                Some(text.reg_heading(&check.domain)),
                lines,
                None,
                check.at,
            )
        });
    let portal = checks
        .portal
        .as_ref()
        .filter(|_| props.portal)
        .map(|check| {
            result(
                CheckKind::Portal,
                describe::portal_standing(checklist, check),
                None,
                vec![describe::portal(checklist, check, seconds)],
                None,
                check.at,
            )
        });
    html! {
        <>
            { for mx }{ for spf }{ for autodiscover }{ for registration }{ for portal }
            if let Some(when) = shared_time {
                <p class="et-hint">{ when }</p>
            }
        </>
    }
}

/// What a record holds beside what was expected, one value each.
fn facts_block(text: &UiText, found: String, expected: &str) -> Html {
    html! {
        <dl class="et-facts">
            <div><dt>{ text.mx_found() }</dt><dd>{ at_dots(&found) }</dd></div>
            <div><dt>{ text.mx_expected() }</dt><dd>{ at_dots(expected) }</dd></div>
        </dl>
    }
}

/// One result. Its first line starts with the outcome's word (a problem's with an icon too,
/// hidden from screen readers, which read the word); a problem adds its next step.
fn result_block(
    text: &UiText,
    standing: Standing,
    heading: Option<String>,
    lines: Vec<String>,
    clashes: Vec<String>,
    facts: Option<Html>,
    when: Option<String>,
) -> Html {
    let (class, label, next) = match standing {
        Standing::Problem(next) => ("et-tag et-tag--cause", text.check_problem(), Some(next)),
        // About sending mail, not connecting: a plain tag, no warning icon or tint.
        Standing::Sending(next) => ("et-tag", text.check_sending(), Some(next)),
        Standing::Fine => ("et-tag et-tag--answered", text.check_fine(), None),
        Standing::Unknown => ("et-tag", text.check_unknown(), None),
    };
    let icon = matches!(standing, Standing::Problem(_));
    let mut lines = lines.into_iter();
    html! {
        <div class={if icon { "et-check-result et-check-result--problem" } else { "et-check-result" }}>
            if let Some(heading) = heading {
                <h5>{ heading }</h5>
            }
            <p>
                <strong class={class}>
                    if icon {
                        <span class="et-result-icon" aria-hidden="true">{ "!" }</span>
                    }
                    { label }
                </strong>
                <span class="et-visually-hidden">{ ":" }</span>
                { " " }<span>{ at_dots(&lines.next().unwrap_or_default()) }</span>
            </p>
            { for lines.map(|line| html! { <p>{ at_dots(&line) }</p> }) }
            if let Some(next) = next {
                <p><strong>{ text.what_to_do() }{ ": " }</strong>{ next }</p>
            }
            { for clashes.into_iter().map(|clash| html! { <p class="et-clash">{ clash }</p> }) }
            { facts.unwrap_or_default() }
            if let Some(when) = when {
                <p class="et-hint">{ when }</p>
            }
        </div>
    }
}

/// Host names one to a line, so a phone never breaks a list between the wrong words, each
/// with its mark if it has one.
fn host_list(hosts: Vec<(String, Option<String>)>) -> Html {
    html! {
        <ul>{ for hosts.into_iter().map(|(host, mark)| html! {
            <li>{ at_dots(&host) }if let Some(mark) = mark { { " " }<em>{ mark }</em> }</li>
        }) }</ul>
    }
}

/// Text with a line-break chance after each dot, so a long host name wraps between its
/// labels rather than mid-label on a narrow screen (`<wbr>`, unlike a zero-width space, is
/// never copied with the name).
fn at_dots(text: &str) -> Html {
    text.split_inclusive('.')
        .map(|part| html! { <>{ part.to_owned() }<wbr /></> })
        .collect()
}
