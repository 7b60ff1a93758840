//! A check's result in the interface's words: the same sentences on screen and in the report.

use super::autodiscover::AutodiscoverVerdict;
use super::contradiction::Contradiction;
use super::mx::MxVerdict;
use super::rdap::{self, RegistrationStatus};
use super::spf::SpfVerdict;
use super::{AutodiscoverCheck, Failure, MxCheck, PortalCheck, RegistrationCheck, SpfCheck};
use crate::checklist::Checklist;
use crate::digits::{decimal, signed_decimal};
use crate::{format, names, Date};

/// The host part of a service's address, to name it: `cloudflare-dns.com`.
pub fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// Why a check has no result, naming the service asked.
pub fn failure(checklist: &Checklist, failure: Failure, service: &str, seconds: u32) -> String {
    let text = &checklist.text;
    match failure {
        Failure::Offline => text.failure_offline().to_owned(),
        Failure::Timeout => text.failure_timeout(service, &decimal(u64::from(seconds))),
        Failure::Refused => text.failure_refused(service),
        Failure::Cors => text.failure_cors(service),
        Failure::Malformed => text.failure_malformed(service),
    }
}

/// What the mail records say, in one sentence.
pub fn mx_verdict(checklist: &Checklist, check: &MxCheck, service: &str, seconds: u32) -> String {
    let text = &checklist.text;
    let verdict = match &check.outcome {
        Err(problem) => return failure(checklist, *problem, service, seconds),
        Ok(found) => &found.verdict,
    };
    let domain = &check.domain;
    match verdict {
        MxVerdict::AllMatch => text.mx_all().to_owned(),
        MxVerdict::Extra(extra) => {
            let mut others = extra.named.clone();
            if extra.others > 0 {
                others.push(text.mx_more(&decimal(u64::from(extra.others))));
            }
            match extra.preferred {
                true => text.mx_extra_preferred(&others.join(", ")),
                false => text.mx_extra(&others.join(", ")),
            }
        }
        MxVerdict::SomeMissing(missing) => text.mx_some(&missing.join(", ")),
        MxVerdict::NoneMatch => text.mx_none().to_owned(),
        MxVerdict::NxDomain => text.mx_nxdomain(domain),
        MxVerdict::DnsFailure => text.mx_dns_failure(domain),
        MxVerdict::NoRecords => text.mx_no_records().to_owned(),
        MxVerdict::NoMail => text.mx_null(domain),
    }
}

/// The hosts the records name, most preferred first (or "none"), then how many more there
/// were beyond those kept. Without their priorities: [`mx_found_label`] says if order matters.
pub fn mx_hosts(checklist: &Checklist, check: &MxCheck) -> Vec<String> {
    match &check.outcome {
        Ok(found) if !found.records.is_empty() => {
            let mut hosts: Vec<String> = found.records.iter().map(|r| r.host.clone()).collect();
            if found.more > 0 {
                hosts.push(checklist.text.mx_more(&decimal(u64::from(found.more))));
            }
            hosts
        }
        _ => vec![checklist.text.mx_nothing().to_string()],
    }
}

/// The hosts found on one line, as the report gives them.
pub fn mx_found(checklist: &Checklist, check: &MxCheck) -> String {
    mx_hosts(checklist, check).join(", ")
}

/// "Found", or "Found, most preferred first" when the records differ in preference, so the
/// order of [`mx_hosts`] is said in words rather than with raw priorities.
pub fn mx_found_label<'t>(checklist: &'t Checklist, check: &MxCheck) -> &'t str {
    let text = &checklist.text;
    match &check.outcome {
        // Kept records are sorted, so the first and last differ when any do.
        Ok(found)
            if found.records.first().map(|r| r.priority)
                != found.records.last().map(|r| r.priority) =>
        {
            text.mx_found_ordered()
        }
        _ => text.mx_found(),
    }
}

/// What the SPF record says, and that it is about sending, not connecting.
pub fn spf(
    checklist: &Checklist,
    check: &SpfCheck,
    include: &str,
    service: &str,
    seconds: u32,
) -> String {
    let text = &checklist.text;
    let verdict = match &check.outcome {
        Err(problem) => return failure(checklist, *problem, service, seconds),
        Ok(verdict) => verdict,
    };
    match verdict {
        SpfVerdict::Included => text.spf_included(include),
        SpfVerdict::Missing { .. } if verdict.covers_nothing() => text.spf_missing(include),
        SpfVerdict::Missing { .. } => text.spf_indirect(
            include,
            &spf_found(checklist, check, include).unwrap_or_default(),
        ),
        SpfVerdict::NoRecord => text.spf_none().to_owned(),
        SpfVerdict::Several(count) => text.spf_several(&decimal(u64::from(*count))),
        SpfVerdict::DnsFailure => text.mx_dns_failure(&check.domain),
    }
}

/// The names the SPF record includes (the expected one when it is there), or "none"; nothing
/// to show when there is no one record to read (several, a DNS failure, no answer).
pub fn spf_found(checklist: &Checklist, check: &SpfCheck, include: &str) -> Option<String> {
    let text = &checklist.text;
    Some(match check.outcome.as_ref().ok()? {
        SpfVerdict::Included => include.to_owned(),
        SpfVerdict::Missing { named, others } if !named.is_empty() || *others > 0 => {
            let mut names = named.clone();
            if *others > 0 {
                names.push(text.spf_more(&decimal(u64::from(*others))));
            }
            names.join(", ")
        }
        SpfVerdict::Missing { .. } | SpfVerdict::NoRecord => text.mx_nothing().to_owned(),
        SpfVerdict::Several(_) | SpfVerdict::DnsFailure => return None,
    })
}

/// A record that may cover the provider through other terms can't be judged here; one that
/// can't, or none or several, affects sending: tagged so, milder than a problem connecting.
pub fn spf_standing<'t>(checklist: &'t Checklist, check: &SpfCheck) -> Standing<'t> {
    match &check.outcome {
        Ok(SpfVerdict::Included) => Standing::Fine,
        Ok(verdict @ SpfVerdict::Missing { .. }) if !verdict.covers_nothing() => Standing::Unknown,
        Ok(SpfVerdict::Missing { .. } | SpfVerdict::NoRecord | SpfVerdict::Several(_)) => {
            Standing::Sending(checklist.text.next_spf())
        }
        Ok(SpfVerdict::DnsFailure) | Err(_) => Standing::Unknown,
    }
}

/// `autodiscover.<domain>`, the name the autodiscover check asks about.
pub fn autodiscover_name(check: &AutodiscoverCheck) -> String {
    ["autodiscover.", &*check.domain].concat()
}

/// Where the record leads, name after name.
pub fn autodiscover_chain(check: &AutodiscoverCheck) -> String {
    match &check.outcome {
        Ok(found) => found.chain.join(" → "),
        Err(_) => String::new(),
    }
}

/// What the autodiscover record says, and what it means for setting Outlook up.
pub fn autodiscover(
    checklist: &Checklist,
    check: &AutodiscoverCheck,
    expected: &str,
    service: &str,
    seconds: u32,
) -> String {
    let text = &checklist.text;
    let verdict = match &check.outcome {
        Err(problem) => return failure(checklist, *problem, service, seconds),
        Ok(found) => found.verdict,
    };
    let name = autodiscover_name(check);
    let target = autodiscover_chain(check);
    match verdict {
        AutodiscoverVerdict::Matches => text.autodiscover_matches(&target, &name),
        AutodiscoverVerdict::Elsewhere => text.autodiscover_elsewhere(&target, expected, &name),
        AutodiscoverVerdict::NotSet => text.autodiscover_not_set(&name),
        AutodiscoverVerdict::DnsFailure => text.mx_dns_failure(&name),
        AutodiscoverVerdict::TooLong => {
            let most = decimal(super::autodiscover::MAX_CHAIN as u64);
            text.autodiscover_too_long(&target, &name, &most)
        }
    }
}

/// Pointing elsewhere is a problem; not set is plain (Outlook looks elsewhere), not alarming.
pub fn autodiscover_standing<'t>(
    checklist: &'t Checklist,
    check: &AutodiscoverCheck,
) -> Standing<'t> {
    match &check.outcome {
        Ok(found) => match found.verdict {
            AutodiscoverVerdict::Matches | AutodiscoverVerdict::NotSet => Standing::Fine,
            AutodiscoverVerdict::Elsewhere => Standing::Problem(checklist.text.next_autodiscover()),
            AutodiscoverVerdict::DnsFailure | AutodiscoverVerdict::TooLong => Standing::Unknown,
        },
        Err(_) => Standing::Unknown,
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
        RegistrationStatus::Expired => text.reg_expired(&date),
        RegistrationStatus::ExpiringSoon(days) => text.reg_expiring(&date, &signed_decimal(days)),
        RegistrationStatus::Fine => text.reg_fine(&date),
        RegistrationStatus::NoExpiry => text.reg_no_expiry().to_string(),
    };
    let mut lines = vec![state];
    if let Some(name) = &registration.registrar {
        lines.push(text.reg_registrar(&names::isolated(name)));
    }
    lines
}

/// What the visit to the portal showed, and no more than a browser can know.
pub fn portal(checklist: &Checklist, check: &PortalCheck, seconds: u32) -> String {
    let text = &checklist.text;
    let host = host_of(&check.url);
    match check.outcome {
        Ok(ms) => text.portal_up(host, &decimal(u64::from(ms))),
        Err(Failure::Offline) => text.failure_offline().to_string(),
        Err(Failure::Timeout) => failure(checklist, Failure::Timeout, host, seconds),
        Err(_) => text.portal_down(host),
    }
}

/// How a check's result stands, which the interface shows in words (and never by colour
/// alone): nothing wrong, a problem with the one thing to do next, or no way to tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing<'t> {
    Fine,
    /// Something is wrong; the text is the next step.
    Problem(&'t str),
    /// Something is wrong with sending mail, not connecting (SPF); the text is the next step.
    Sending(&'t str),
    /// The check couldn't tell: it failed, or the service doesn't say.
    Unknown,
}

pub fn mx_standing<'t>(checklist: &'t Checklist, check: &MxCheck) -> Standing<'t> {
    let text = &checklist.text;
    match &check.outcome {
        Err(_) => Standing::Unknown,
        Ok(found) => match found.verdict {
            MxVerdict::AllMatch => Standing::Fine,
            MxVerdict::Extra(_) => Standing::Problem(text.next_mx_extra()),
            MxVerdict::NxDomain => Standing::Problem(text.next_mx_nxdomain()),
            MxVerdict::DnsFailure => Standing::Problem(text.next_mx_dns()),
            MxVerdict::SomeMissing(_)
            | MxVerdict::NoneMatch
            | MxVerdict::NoRecords
            | MxVerdict::NoMail => Standing::Problem(text.next_mx_records()),
        },
    }
}

pub fn registration_standing<'t>(
    checklist: &'t Checklist,
    check: &RegistrationCheck,
    today: Date,
) -> Standing<'t> {
    let text = &checklist.text;
    match &check.outcome {
        Ok(Some(registration)) => match rdap::status(registration, today) {
            RegistrationStatus::Expired => Standing::Problem(text.next_renew_now()),
            RegistrationStatus::ExpiringSoon(_) => Standing::Problem(text.next_renew_soon()),
            RegistrationStatus::Fine => Standing::Fine,
            RegistrationStatus::NoExpiry => Standing::Unknown,
        },
        Ok(None) | Err(_) => Standing::Unknown,
    }
}

/// Reached is fine; refused is a problem; offline or too slow to say is unknown.
pub fn portal_standing<'t>(checklist: &'t Checklist, check: &PortalCheck) -> Standing<'t> {
    match check.outcome {
        Ok(_) => Standing::Fine,
        Err(Failure::Offline | Failure::Timeout) => Standing::Unknown,
        Err(_) => Standing::Problem(checklist.text.next_portal()),
    }
}

/// An answer that says otherwise than a check, naming the question and the answer.
pub fn contradiction(checklist: &Checklist, contradiction: &Contradiction) -> String {
    let Some(step) = checklist.steps.get(contradiction.step) else {
        return String::new();
    };
    let answer = step
        .choice(contradiction.option)
        .map_or("", |option| checklist.option_label(option));
    // The question last, so that a placeholder-like word in it is never filled.
    let number = decimal(contradiction.step as u64 + 1);
    checklist
        .text
        .check_contradicts(&number, answer, &step.question)
}
