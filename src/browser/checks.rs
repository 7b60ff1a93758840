//! Runs the checks the user asks for, and turns the answers into the model's results.

use super::clock;
use super::network::{get_json, reach, Cancel, Problem};
use crate::model::checks::mx;
use crate::model::checks::{rdap, CheckResult, Failure, MxCheck, PortalCheck, RegistrationCheck};
use crate::model::config::CheckSettings;

/// The domain's mail records and its registration, asked at the same time. `None` if the user
/// cancelled: nothing is kept then.
pub async fn records(
    settings: &CheckSettings,
    domain: &str,
    cancel: &Cancel,
) -> Option<Vec<CheckResult>> {
    let seconds = settings.timeout_seconds;
    let (dns, registry) = futures::future::join(
        get_json(
            &settings.mx_request(domain),
            "application/dns-json",
            seconds,
            cancel,
        ),
        get_json(
            &settings.registration_request(domain),
            "application/rdap+json",
            seconds,
            cancel,
        ),
    )
    .await;
    let at = clock::now();
    let mx_outcome = match dns {
        Ok(answer) => mx::parse(&answer)
            .map(|answer| mx::found(&answer, &settings.expected_mx))
            .ok_or(Failure::Malformed),
        Err(Problem::Cancelled) => return None,
        // A DNS service has an answer for any name; a 404 means it isn't one.
        Err(Problem::NotFound) => Err(Failure::Refused),
        Err(Problem::Failed(failure)) => Err(failure),
    };
    let registration_outcome = match registry {
        Ok(answer) => rdap::parse(&answer, at.date())
            .map(Some)
            .ok_or(Failure::Malformed),
        Err(Problem::Cancelled) => return None,
        Err(Problem::NotFound) => Ok(None),
        Err(Problem::Failed(failure)) => Err(failure),
    };
    Some(vec![
        CheckResult::Mx(MxCheck {
            domain: domain.to_owned(),
            outcome: mx_outcome,
            at,
        }),
        CheckResult::Registration(RegistrationCheck {
            domain: domain.to_owned(),
            outcome: registration_outcome,
            at,
        }),
    ])
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
