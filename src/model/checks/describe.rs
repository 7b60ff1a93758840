//! A check's result in the interface's words: the same sentences on screen and in the report.

use super::mx::MxVerdict;
use super::rdap::{self, RegistrationStatus};
use super::{Failure, MxCheck, PortalCheck, RegistrationCheck};
use crate::model::checklist::Checklist;
use crate::model::{fill, format, names, Date};

/// The host part of a service's address, to name it: `cloudflare-dns.com`.
pub fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// Why a check has no result, naming the service asked.
pub fn failure(checklist: &Checklist, failure: Failure, service: &str, seconds: u32) -> String {
    let text = &checklist.text;
    let template = match failure {
        Failure::Offline => &text.failure_offline(),
        Failure::Timeout => &text.failure_timeout(),
        Failure::Refused => &text.failure_refused(),
        Failure::Cors => &text.failure_cors(),
        Failure::Malformed => &text.failure_malformed(),
    };
    fill(
        template,
        &[("service", service), ("seconds", &seconds.to_string())],
    )
}

/// What the mail records say, in one sentence.
pub fn mx_verdict(checklist: &Checklist, check: &MxCheck, service: &str, seconds: u32) -> String {
    let text = &checklist.text;
    let verdict = match &check.outcome {
        Err(problem) => return failure(checklist, *problem, service, seconds),
        Ok(found) => &found.verdict,
    };
    let (template, missing) = match verdict {
        MxVerdict::AllMatch => (&text.mx_all(), String::new()),
        MxVerdict::SomeMissing(missing) => (&text.mx_some(), missing.join(", ")),
        MxVerdict::NoneMatch => (&text.mx_none(), String::new()),
        MxVerdict::NxDomain => (&text.mx_nxdomain(), String::new()),
        MxVerdict::DnsFailure => (&text.mx_dns_failure(), String::new()),
        MxVerdict::NoRecords => (&text.mx_no_records(), String::new()),
        MxVerdict::NoMail => (&text.mx_null(), String::new()),
    };
    fill(
        template,
        &[
            ("provider", &checklist.provider),
            ("missing", &missing),
            ("domain", &check.domain),
        ],
    )
}

/// The hosts found, as "10 mx1.example.com, 20 mx2.example.com" (or "none"), and how many
/// more there were beyond those kept.
pub fn mx_found(checklist: &Checklist, check: &MxCheck) -> String {
    match &check.outcome {
        Ok(found) if !found.records.is_empty() => {
            let mut hosts: Vec<String> = found
                .records
                .iter()
                .map(|r| format!("{} {}", r.priority, r.host))
                .collect();
            if found.more > 0 {
                hosts.push(fill(
                    checklist.text.mx_more(),
                    &[("n", &found.more.to_string())],
                ));
            }
            hosts.join(", ")
        }
        _ => checklist.text.mx_nothing().to_string(),
    }
}

/// What the registration says: its state, then the registrar if known.
pub fn registration(
    checklist: &Checklist,
    check: &RegistrationCheck,
    today: Date,
    service: &str,
    seconds: u32,
) -> Vec<String> {
    let text = &checklist.text;
    let registration = match &check.outcome {
        Err(problem) => return vec![failure(checklist, *problem, service, seconds)],
        Ok(None) => return vec![text.reg_not_listed().to_string()],
        Ok(Some(registration)) => registration,
    };
    let date = registration
        .expires
        .map(|d| format::date(text, d))
        .unwrap_or_default();
    let state = match rdap::status(registration, today) {
        RegistrationStatus::Expired => fill(text.reg_expired(), &[("date", &date)]),
        RegistrationStatus::ExpiringSoon(days) => fill(
            text.reg_expiring(),
            &[("date", &date), ("n", &days.to_string())],
        ),
        RegistrationStatus::Fine => fill(text.reg_fine(), &[("date", &date)]),
        RegistrationStatus::NoExpiry => text.reg_no_expiry().to_string(),
    };
    let mut lines = vec![state];
    if let Some(name) = &registration.registrar {
        lines.push(fill(
            text.reg_registrar(),
            &[("name", &names::isolated(name))],
        ));
    }
    lines
}

/// What the visit to the portal showed, and no more than a browser can know.
pub fn portal(checklist: &Checklist, check: &PortalCheck, seconds: u32) -> String {
    let text = &checklist.text;
    let host = host_of(&check.url);
    match check.outcome {
        Ok(ms) => fill(text.portal_up(), &[("host", host), ("ms", &ms.to_string())]),
        Err(Failure::Offline) => text.failure_offline().to_string(),
        Err(Failure::Timeout) => failure(checklist, Failure::Timeout, host, seconds),
        Err(_) => fill(text.portal_down(), &[("host", host)]),
    }
}
