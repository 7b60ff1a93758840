//! Runs the checks the user asks for, and turns the answers into the model's results.

use super::clock;
use super::network::{get_json, reach, Cancel, Problem};
use crate::model::checks::json::Json;
use crate::model::checks::{autodiscover, mx, rdap, spf};
use crate::model::checks::{
    AutodiscoverCheck, CheckResult, Failure, MxCheck, PortalCheck, RegistrationCheck, SpfCheck,
};
use crate::model::config::CheckSettings;

/// The domain's mail (MX), SPF (TXT) and `autodiscover` (CNAME) records and its
/// registration, all asked at the same time; each fails on its own, so one that fails never
/// hides the others. `None` if the user cancelled: nothing is kept then.
pub async fn records(
    settings: &CheckSettings,
    domain: &str,
    cancel: &Cancel,
) -> Option<Vec<CheckResult>> {
    let seconds = settings.timeout_seconds;
    let autodiscover_name = ["autodiscover.", domain].concat();
    let dns = |name: &str, kind: &str| {
        let url = settings.dns_request(name, kind);
        async move { get_json(&url, "application/dns-json", seconds, cancel).await }
    };
    let (mx_answer, txt_answer, cname_answer, registry) = futures::future::join4(
        dns(domain, "MX"),
        dns(domain, "TXT"),
        dns(&autodiscover_name, "CNAME"),
        get_json(
            &settings.registration_request(domain),
            "application/rdap+json",
            seconds,
            cancel,
        ),
    )
    .await;
    let at = clock::now();
    let mx_outcome = dns_outcome(mx_answer, |answer| {
        mx::parse(answer).map(|answer| mx::found(&answer, &settings.expected_mx))
    })?;
    let spf_outcome = dns_outcome(txt_answer, |answer| {
        spf::verdict(answer, &settings.spf_include)
    })?;
    let autodiscover_outcome = dns_outcome(cname_answer, |answer| {
        autodiscover::found(answer, &autodiscover_name, &settings.autodiscover_target)
    })?;
    let registration_outcome = match registry {
        Ok(answer) => rdap::parse(&answer, at.date())
            .map(Some)
            .ok_or(Failure::Malformed),
        Err(Problem::Cancelled) => return None,
        Err(Problem::NotFound) => Ok(None),
        Err(Problem::Failed(failure)) => Err(failure),
    };
    let domain = domain.to_owned();
    Some(vec![
        CheckResult::Mx(MxCheck {
            domain: domain.clone(),
            outcome: mx_outcome,
            at,
        }),
        CheckResult::Spf(SpfCheck {
            domain: domain.clone(),
            outcome: spf_outcome,
            at,
        }),
        CheckResult::Autodiscover(AutodiscoverCheck {
            domain: domain.clone(),
            outcome: autodiscover_outcome,
            at,
        }),
        CheckResult::Registration(RegistrationCheck {
            domain,
            outcome: registration_outcome,
            at,
        }),
    ])
}

/// One DNS answer read by `read`, or why there is none; `None` if the user cancelled.
fn dns_outcome<T>(
    answer: Result<Json, Problem>,
    read: impl FnOnce(&Json) -> Option<T>,
) -> Option<Result<T, Failure>> {
    Some(match answer {
        Ok(answer) => read(&answer).ok_or(Failure::Malformed),
        Err(Problem::Cancelled) => return None,
        // A DNS service has an answer for any name; a 404 means it isn't one.
        Err(Problem::NotFound) => Err(Failure::Refused),
        Err(Problem::Failed(failure)) => Err(failure),
    })
}

/// A timed visit to the webmail portal. `None` if the user cancelled.
pub async fn portal(settings: &CheckSettings, cancel: &Cancel) -> Option<CheckResult> {
    let outcome = match reach(&settings.webmail_url, settings.timeout_seconds, cancel).await {
        Ok(ms) => Ok(ms),
        Err(Problem::Cancelled) => return None,
        Err(Problem::NotFound) => Err(Failure::Refused),
        Err(Problem::Failed(failure)) => Err(failure),
    };
    Some(CheckResult::Portal(PortalCheck {
        url: settings.webmail_url.clone(),
        outcome,
        at: clock::now(),
    }))
}
