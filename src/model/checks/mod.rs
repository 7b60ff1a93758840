//! Checks the browser runs for the user, when asked: the domain's mail records (DNS over
//! HTTPS), its registration (RDAP) and the webmail portal's reachability. This module holds
//! their results, what those results mean, and how they are saved; the requests themselves
//! are made at the edge, in `browser/network.rs`.

pub mod describe;
pub mod domain;
pub mod json;
pub mod mx;
pub mod rdap;

use super::date::{Date, Timestamp};
use mx::{MxRecord, MxVerdict};
use rdap::{Registration, RegistrationStatus};

/// Why a check has no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The browser says it is offline, so nothing was sent.
    Offline,
    /// No answer within the time allowed.
    Timeout,
    /// The service couldn't be reached, or answered with an error.
    Refused,
    /// The service answered, but not to a web page (no CORS headers).
    Cors,
    /// The answer wasn't what such a service sends.
    Malformed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MxCheck {
    pub domain: String,
    pub outcome: Result<(Vec<MxRecord>, MxVerdict), Failure>,
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationCheck {
    pub domain: String,
    /// `Ok(None)` when the registry has no RDAP data for the domain.
    pub outcome: Result<Option<Registration>, Failure>,
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortalCheck {
    /// The address asked, so the result says what it is about.
    pub url: String,
    /// How long the portal took to answer, in milliseconds.
    pub outcome: Result<u32, Failure>,
    pub at: Timestamp,
}

/// The latest result of each check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checks {
    pub mx: Option<MxCheck>,
    pub registration: Option<RegistrationCheck>,
    pub portal: Option<PortalCheck>,
}

/// A check's result as an action on progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckResult {
    Mx(MxCheck),
    Registration(RegistrationCheck),
    Portal(PortalCheck),
}

/// Which check a signal comes from, for saying where a finding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CheckKind {
    Mx,
    Registration,
    Portal,
}

impl Checks {
    pub fn record(&mut self, result: CheckResult) {
        match result {
            CheckResult::Mx(check) => self.mx = Some(check),
            CheckResult::Registration(check) => self.registration = Some(check),
            CheckResult::Portal(check) => self.portal = Some(check),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.mx.is_none() && self.registration.is_none() && self.portal.is_none()
    }

    /// What the results found that can point to a cause, with the check each came from.
    pub fn signals(&self, today: Date) -> Vec<(&'static str, CheckKind)> {
        let mut signals = Vec::new();
        if let Some(Ok((_, verdict))) = self.mx.as_ref().map(|c| &c.outcome) {
            let signal = match verdict {
                MxVerdict::NoneMatch => Some("mx_none"),
                MxVerdict::SomeMissing(_) => Some("mx_some_missing"),
                MxVerdict::NxDomain => Some("mx_nxdomain"),
                MxVerdict::NoRecords => Some("mx_no_records"),
                MxVerdict::AllMatch | MxVerdict::DnsFailure => None,
            };
            signals.extend(signal.map(|s| (s, CheckKind::Mx)));
        }
        if let Some(Ok(Some(registration))) = self.registration.as_ref().map(|c| &c.outcome) {
            let signal = match rdap::status(registration, today) {
                RegistrationStatus::Expired => Some("registration_expired"),
                RegistrationStatus::ExpiringSoon(_) => Some("registration_expiring"),
                RegistrationStatus::Fine | RegistrationStatus::NoExpiry => None,
            };
            signals.extend(signal.map(|s| (s, CheckKind::Registration)));
        }
        signals
    }
}

// ---- Saved form: `check.mx=…`, `check.reg=…`, `check.portal=…` pairs in the saved line. ----

impl Failure {
    fn code(self) -> &'static str {
        match self {
            Failure::Offline => "offline",
            Failure::Timeout => "timeout",
            Failure::Refused => "refused",
            Failure::Cors => "cors",
            Failure::Malformed => "malformed",
        }
    }

    fn from_code(code: &str) -> Option<Failure> {
        [
            Failure::Offline,
            Failure::Timeout,
            Failure::Refused,
            Failure::Cors,
            Failure::Malformed,
        ]
        .into_iter()
        .find(|f| f.code() == code)
    }
}

/// `example.com/none/10:mx.other.net,20:mx2.other.net` or `example.com/timeout`
pub fn encode_mx(check: &MxCheck) -> String {
    let rest = match &check.outcome {
        Err(failure) => failure.code().to_owned(),
        Ok((records, verdict)) => {
            let verdict = match verdict {
                MxVerdict::AllMatch => "all".to_owned(),
                MxVerdict::SomeMissing(missing) => format!("some:{}", missing.join("+")),
                MxVerdict::NoneMatch => "none".to_owned(),
                MxVerdict::NxDomain => "nxdomain".to_owned(),
                MxVerdict::DnsFailure => "dnsfail".to_owned(),
                MxVerdict::NoRecords => "norecords".to_owned(),
            };
            let records: Vec<String> = records
                .iter()
                .map(|r| format!("{}:{}", r.priority, r.host))
                .collect();
            format!("{verdict}/{}", records.join(","))
        }
    };
    format!("{}/{rest}", check.domain)
}

pub fn decode_mx(value: &str, at: Timestamp) -> Option<MxCheck> {
    let (domain, rest) = value.split_once('/')?;
    let domain = plain_domain(domain)?;
    let outcome = match rest.split_once('/') {
        None => Err(Failure::from_code(rest)?),
        Some((verdict, records)) => {
            let verdict = match verdict.split_once(':') {
                Some(("some", missing)) => MxVerdict::SomeMissing(
                    missing
                        .split('+')
                        .map(|h| plain_domain(h).map(str::to_owned))
                        .collect::<Option<_>>()?,
                ),
                Some(_) => return None,
                None => match verdict {
                    "all" => MxVerdict::AllMatch,
                    "none" => MxVerdict::NoneMatch,
                    "nxdomain" => MxVerdict::NxDomain,
                    "dnsfail" => MxVerdict::DnsFailure,
                    "norecords" => MxVerdict::NoRecords,
                    _ => return None,
                },
            };
            let records = match records {
                "" => Vec::new(),
                list => list
                    .split(',')
                    .map(|record| {
                        let (priority, host) = record.split_once(':')?;
                        Some(MxRecord {
                            priority: digits(priority)?,
                            host: plain_domain(host)?.to_owned(),
                        })
                    })
                    .collect::<Option<_>>()?,
            };
            Ok((records, verdict))
        }
    };
    Some(MxCheck {
        domain: domain.to_owned(),
        outcome,
        at,
    })
}

/// `example.com/found:2027-01-15:Example~20Registrar~2C~20Inc.`, `example.com/none`, or a failure.
pub fn encode_registration(check: &RegistrationCheck) -> String {
    let rest = match &check.outcome {
        Err(failure) => failure.code().to_owned(),
        Ok(None) => "none".to_owned(),
        Ok(Some(registration)) => format!(
            "found:{}:{}",
            registration
                .expires
                .map_or_else(|| "-".to_owned(), |d| d.to_string()),
            registration
                .registrar
                .as_deref()
                .map(escape)
                .unwrap_or_default()
        ),
    };
    format!("{}/{rest}", check.domain)
}

pub fn decode_registration(value: &str, at: Timestamp) -> Option<RegistrationCheck> {
    let (domain, rest) = value.split_once('/')?;
    let domain = plain_domain(domain)?;
    let outcome = match rest {
        "none" => Ok(None),
        found if found.starts_with("found:") => {
            let (expires, registrar) = found["found:".len()..].split_once(':')?;
            let expires = match expires {
                "-" => None,
                date => Some(Date::parse_iso(date)?),
            };
            let registrar = match registrar {
                "" => None,
                name => Some(unescape(name)?),
            };
            Ok(Some(Registration { expires, registrar }))
        }
        failure => Err(Failure::from_code(failure)?),
    };
    Some(RegistrationCheck {
        domain: domain.to_owned(),
        outcome,
        at,
    })
}

/// `230:https~3A~2F~2Fmail.example.com~2F` (milliseconds and the address), or `timeout:…`.
pub fn encode_portal(check: &PortalCheck) -> String {
    let outcome = match check.outcome {
        Ok(ms) => ms.to_string(),
        Err(failure) => failure.code().to_owned(),
    };
    format!("{outcome}:{}", escape(&check.url))
}

pub fn decode_portal(value: &str, at: Timestamp) -> Option<PortalCheck> {
    let (outcome, url) = value.split_once(':')?;
    let outcome = match digits::<u32>(outcome) {
        Some(ms) => Ok(ms),
        None => Err(Failure::from_code(outcome)?),
    };
    Some(PortalCheck {
        url: unescape(url)?,
        outcome,
        at,
    })
}

fn digits<T: std::str::FromStr>(text: &str) -> Option<T> {
    (!text.is_empty() && text.len() <= 9 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// A host name as checks store it: ASCII letters, digits, dots and hyphens only.
fn plain_domain(text: &str) -> Option<&str> {
    let plain = !text.is_empty()
        && text.len() <= 253
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    plain.then_some(text)
}

/// Free text (a registrar's name, an address) in a saved line: every byte but letters, digits,
/// `.` and `-` as `~XX`. Not `%XX`, which a continue-link's own decoding would undo.
fn escape(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' {
                char::from(b).to_string()
            } else {
                format!("~{b:02X}")
            }
        })
        .collect()
}

fn unescape(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'~' => {
                let hex = text
                    .get(i + 1..i + 3)
                    .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' => {
                out.push(b);
                i += 1;
            }
            _ => return None,
        }
    }
    String::from_utf8(out).ok()
}
