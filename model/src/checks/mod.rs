//! Checks the browser runs for the user, when asked: the domain's mail, SPF and autodiscover
//! records (DNS over HTTPS), its registration (RDAP) and the webmail portal's reachability. This module holds
//! their results, what those results mean, and how they are saved; the requests themselves
//! are made at the edge, in `browser/network.rs`.

pub mod autodiscover;
pub mod contradiction;
pub mod describe;
pub mod domain;
pub mod json;
pub mod mx;
pub mod rdap;
pub mod spf;

use super::checklist::{is_safe_url, Signal};
use super::date::{Date, Timestamp};
use crate::digits::{decimal, push_decimal, push_upper_hex};
use autodiscover::{AutodiscoverFound, AutodiscoverVerdict};
use domain::is_dns_name;
use mx::{Extra, MxFound, MxRecord, MxVerdict};
use rdap::{Registration, RegistrationStatus};
use spf::SpfVerdict;

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
    pub outcome: Result<MxFound, Failure>,
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpfCheck {
    pub domain: String,
    pub outcome: Result<SpfVerdict, Failure>,
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutodiscoverCheck {
    /// The user's domain: the name asked is `autodiscover.<domain>`.
    pub domain: String,
    pub outcome: Result<AutodiscoverFound, Failure>,
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
    pub spf: Option<SpfCheck>,
    pub autodiscover: Option<AutodiscoverCheck>,
}

/// A check's result as an action on progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckResult {
    Mx(MxCheck),
    Registration(RegistrationCheck),
    Portal(PortalCheck),
    Spf(SpfCheck),
    Autodiscover(AutodiscoverCheck),
}

/// Which check a signal comes from, for saying where a finding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CheckKind {
    Mx,
    Registration,
    Portal,
    Spf,
    Autodiscover,
}

impl Checks {
    pub fn record(&mut self, result: CheckResult) {
        match result {
            CheckResult::Mx(check) => self.mx = Some(check),
            CheckResult::Registration(check) => self.registration = Some(check),
            CheckResult::Portal(check) => self.portal = Some(check),
            CheckResult::Spf(check) => self.spf = Some(check),
            CheckResult::Autodiscover(check) => self.autodiscover = Some(check),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.mx.is_none()
            && self.registration.is_none()
            && self.portal.is_none()
            && self.spf.is_none()
            && self.autodiscover.is_none()
    }

    /// What the results found that can point to a cause, with the check each came from.
    pub fn signals(&self, today: Date) -> Vec<(Signal, CheckKind)> {
        let mut signals = Vec::new();
        if let Some(Ok(found)) = self.mx.as_ref().map(|c| &c.outcome) {
            let signal = match &found.verdict {
                MxVerdict::NoneMatch => Some(Signal::MxNone),
                MxVerdict::SomeMissing(_) => Some(Signal::MxSomeMissing),
                MxVerdict::NxDomain => Some(Signal::MxNxdomain),
                MxVerdict::NoRecords => Some(Signal::MxNoRecords),
                MxVerdict::NoMail => Some(Signal::MxNull),
                MxVerdict::Extra(extra) if extra.preferred => Some(Signal::MxExtraPreferred),
                MxVerdict::Extra(_) => Some(Signal::MxExtra),
                MxVerdict::AllMatch | MxVerdict::DnsFailure => None,
            };
            signals.extend(signal.map(|s| (s, CheckKind::Mx)));
        }
        if let Some(Ok(Some(registration))) = self.registration.as_ref().map(|c| &c.outcome) {
            let signal = match rdap::status(registration, today) {
                RegistrationStatus::Expired => Some(Signal::RegistrationExpired),
                RegistrationStatus::ExpiringSoon(_) => Some(Signal::RegistrationExpiring),
                RegistrationStatus::Fine | RegistrationStatus::NoExpiry => None,
            };
            signals.extend(signal.map(|s| (s, CheckKind::Registration)));
        }
        // About sending, not connecting: the built-in content has no rule for these.
        if let Some(Ok(verdict)) = self.spf.as_ref().map(|c| &c.outcome) {
            let signal = match verdict {
                // A record with other terms may cover the provider: no sign either way.
                verdict @ SpfVerdict::Missing { .. } => {
                    verdict.covers_nothing().then_some(Signal::SpfMissing)
                }
                SpfVerdict::NoRecord => Some(Signal::SpfNone),
                SpfVerdict::Several(_) => Some(Signal::SpfSeveral),
                SpfVerdict::Included | SpfVerdict::DnsFailure => None,
            };
            signals.extend(signal.map(|s| (s, CheckKind::Spf)));
        }
        if let Some(Ok(found)) = self.autodiscover.as_ref().map(|c| &c.outcome) {
            if found.verdict == AutodiscoverVerdict::Elsewhere {
                signals.push((Signal::AutodiscoverElsewhere, CheckKind::Autodiscover));
            }
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

/// `example.com/none/10:mx.other.net,20:mx2.other.net` or `example.com/timeout`, with a last
/// `/+N` when N more records were only counted. Host names are escaped like free text, so even
/// a name that somehow isn't a DNS name could not add a key to the saved line.
pub fn encode_mx(check: &MxCheck) -> String {
    let rest = match &check.outcome {
        Err(failure) => failure.code().to_owned(),
        Ok(found) => {
            let verdict = match &found.verdict {
                MxVerdict::AllMatch => "all".to_owned(),
                MxVerdict::Extra(extra) => {
                    let mut verdict = "extra:".to_owned() + &names(&extra.named);
                    verdict.push(':');
                    push_decimal(&mut verdict, u64::from(extra.others));
                    verdict.push_str(if extra.preferred { ":1" } else { ":0" });
                    verdict
                }
                MxVerdict::SomeMissing(missing) => {
                    let missing: Vec<String> = missing.iter().map(|h| escape(h)).collect();
                    "some:".to_owned() + &missing.join("+")
                }
                MxVerdict::NoneMatch => "none".to_owned(),
                MxVerdict::NxDomain => "nxdomain".to_owned(),
                MxVerdict::DnsFailure => "dnsfail".to_owned(),
                MxVerdict::NoRecords => "norecords".to_owned(),
                MxVerdict::NoMail => "nullmx".to_owned(),
            };
            let records: Vec<String> = found
                .records
                .iter()
                .map(|r| {
                    let mut record = decimal(u64::from(r.priority));
                    record.push(':');
                    record.push_str(&escape(&r.host));
                    record
                })
                .collect();
            let mut rest = [&*verdict, "/", &records.join(",")].concat();
            if found.more > 0 {
                rest.push_str("/+");
                push_decimal(&mut rest, u64::from(found.more));
            }
            rest
        }
    };
    escape(&check.domain) + "/" + &rest
}

/// Reads what [`encode_mx`] wrote; `None` unless every part has the shape a check makes.
pub fn decode_mx(value: &str, at: Timestamp) -> Option<MxCheck> {
    let mut parts = value.split('/');
    let domain = dns_name(parts.next()?)?;
    let outcome = match (parts.next()?, parts.next(), parts.next(), parts.next()) {
        (failure, None, None, None) => Err(Failure::from_code(failure)?),
        (verdict, Some(records), more, None) => {
            let verdict = match verdict.split_once(':') {
                Some(("some", missing)) => {
                    MxVerdict::SomeMissing(missing.split('+').map(dns_name).collect::<Option<_>>()?)
                }
                Some(("extra", extra)) => {
                    let (named, rest) = extra.split_once(':')?;
                    let (others, preferred) = rest.split_once(':')?;
                    let named = read_names(named, mx::MAX_EXTRA_NAMED)?;
                    MxVerdict::Extra(Extra {
                        named: (!named.is_empty()).then_some(named)?,
                        others: digits(others)?,
                        preferred: match preferred {
                            "0" => false,
                            "1" => true,
                            _ => return None,
                        },
                    })
                }
                Some(_) => return None,
                None => match verdict {
                    "all" => MxVerdict::AllMatch,
                    "none" => MxVerdict::NoneMatch,
                    "nxdomain" => MxVerdict::NxDomain,
                    "dnsfail" => MxVerdict::DnsFailure,
                    "norecords" => MxVerdict::NoRecords,
                    "nullmx" => MxVerdict::NoMail,
                    _ => return None,
                },
            };
            let records: Vec<MxRecord> = match records {
                "" => Vec::new(),
                list => list
                    .split(',')
                    .map(|record| {
                        let (priority, host) = record.split_once(':')?;
                        Some(MxRecord {
                            priority: digits(priority)?,
                            host: dns_name(host)?,
                        })
                    })
                    .collect::<Option<_>>()?,
            };
            let more = match more {
                None => 0,
                Some(more) => digits(more.strip_prefix('+')?)?,
            };
            if records.len() > mx::MAX_KEPT {
                return None;
            }
            Ok(MxFound {
                records,
                more,
                verdict,
            })
        }
        _ => return None,
    };
    Some(MxCheck {
        domain,
        outcome,
        at,
    })
}

/// `example.com/missing:spf.other.net+mail.other.net:0`, `example.com/several:2`,
/// `example.com/included` or a failure.
pub fn encode_spf(check: &SpfCheck) -> String {
    let rest = match &check.outcome {
        Err(failure) => failure.code().to_owned(),
        Ok(SpfVerdict::Included) => "included".to_owned(),
        Ok(SpfVerdict::Missing { named, others }) => {
            let mut rest = "missing:".to_owned() + &names(named);
            rest.push(':');
            push_decimal(&mut rest, u64::from(*others));
            rest
        }
        Ok(SpfVerdict::NoRecord) => "norecord".to_owned(),
        Ok(SpfVerdict::Several(count)) => "several:".to_owned() + &decimal(u64::from(*count)),
        Ok(SpfVerdict::DnsFailure) => "dnsfail".to_owned(),
    };
    escape(&check.domain) + "/" + &rest
}

pub fn decode_spf(value: &str, at: Timestamp) -> Option<SpfCheck> {
    let (domain, rest) = value.split_once('/')?;
    let outcome = match rest.split_once(':') {
        Some(("missing", list)) => {
            let (named, others) = list.split_once(':')?;
            Ok(SpfVerdict::Missing {
                named: read_names(named, spf::MAX_NAMED)?,
                others: digits(others)?,
            })
        }
        Some(("several", count)) => Ok(SpfVerdict::Several(
            digits(count).filter(|count| *count > 1)?,
        )),
        Some(_) => return None,
        None => match rest {
            "included" => Ok(SpfVerdict::Included),
            "norecord" => Ok(SpfVerdict::NoRecord),
            "dnsfail" => Ok(SpfVerdict::DnsFailure),
            failure => Err(Failure::from_code(failure)?),
        },
    };
    Some(SpfCheck {
        domain: dns_name(domain)?,
        outcome,
        at,
    })
}

/// `example.com/elsewhere/autodiscover.old.net`, `example.com/notset/` or a failure.
pub fn encode_autodiscover(check: &AutodiscoverCheck) -> String {
    let rest = match &check.outcome {
        Err(failure) => failure.code().to_owned(),
        Ok(found) => {
            let verdict = match found.verdict {
                AutodiscoverVerdict::Matches => "match",
                AutodiscoverVerdict::Elsewhere => "elsewhere",
                AutodiscoverVerdict::NotSet => "notset",
                AutodiscoverVerdict::DnsFailure => "dnsfail",
                AutodiscoverVerdict::TooLong => "toolong",
            };
            [verdict, "/", &names(&found.chain)].concat()
        }
    };
    escape(&check.domain) + "/" + &rest
}

pub fn decode_autodiscover(value: &str, at: Timestamp) -> Option<AutodiscoverCheck> {
    let mut parts = value.split('/');
    let domain = dns_name(parts.next()?)?;
    let outcome = match (parts.next()?, parts.next(), parts.next()) {
        (failure, None, None) => Err(Failure::from_code(failure)?),
        (verdict, Some(chain), None) => {
            let chain = read_names(chain, autodiscover::MAX_CHAIN)?;
            let verdict = match verdict {
                "match" => AutodiscoverVerdict::Matches,
                "elsewhere" => AutodiscoverVerdict::Elsewhere,
                "notset" => AutodiscoverVerdict::NotSet,
                "dnsfail" => AutodiscoverVerdict::DnsFailure,
                "toolong" => AutodiscoverVerdict::TooLong,
                _ => return None,
            };
            // A chain exactly when the record leads somewhere, as a check makes it; a whole
            // one when it goes on further.
            let leads = matches!(
                verdict,
                AutodiscoverVerdict::Matches
                    | AutodiscoverVerdict::Elsewhere
                    | AutodiscoverVerdict::TooLong
            );
            if leads == chain.is_empty()
                || (verdict == AutodiscoverVerdict::TooLong
                    && chain.len() != autodiscover::MAX_CHAIN)
            {
                return None;
            }
            Ok(AutodiscoverFound { chain, verdict })
        }
        _ => return None,
    };
    Some(AutodiscoverCheck {
        domain,
        outcome,
        at,
    })
}

/// Host names joined by `+`, each escaped.
fn names(hosts: &[String]) -> String {
    let escaped: Vec<String> = hosts.iter().map(|h| escape(h)).collect();
    escaped.join("+")
}

/// Reads what [`names`] wrote: at most `max` host names (none for an empty text).
fn read_names(text: &str, max: usize) -> Option<Vec<String>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    let hosts: Vec<String> = text.split('+').map(dns_name).collect::<Option<_>>()?;
    (hosts.len() <= max).then_some(hosts)
}

/// `example.com/found:2027-01-15:Example~20Registrar~2C~20Inc.`, `example.com/none`, or a failure.
pub fn encode_registration(check: &RegistrationCheck) -> String {
    let rest = match &check.outcome {
        Err(failure) => failure.code().to_owned(),
        Ok(None) => "none".to_owned(),
        Ok(Some(registration)) => [
            "found:",
            &registration
                .expires
                .map_or_else(|| "-".to_owned(), |d| d.iso()),
            ":",
            &registration
                .registrar
                .as_deref()
                .map(escape)
                .unwrap_or_default(),
        ]
        .concat(),
    };
    escape(&check.domain) + "/" + &rest
}

pub fn decode_registration(value: &str, at: Timestamp) -> Option<RegistrationCheck> {
    let (domain, rest) = value.split_once('/')?;
    let domain = dns_name(domain)?;
    let outcome = match rest {
        "none" => Ok(None),
        found if found.starts_with("found:") => {
            let (expires, registrar) = found["found:".len()..].split_once(':')?;
            let expires = match expires {
                "-" => None,
                date => Some(Date::parse_iso(date).filter(|d| rdap::believable(*d, at.date()))?),
            };
            let registrar = match registrar {
                "" => None,
                // Only what a check keeps: a cleaned name of bounded length.
                name => Some(unescape(name).filter(|name| {
                    crate::names::clean(name, rdap::MAX_REGISTRAR_CHARS).as_ref() == Some(name)
                })?),
            };
            Ok(Some(Registration { expires, registrar }))
        }
        failure => Err(Failure::from_code(failure)?),
    };
    Some(RegistrationCheck {
        domain,
        outcome,
        at,
    })
}

/// `230:https~3A~2F~2Fmail.example.com~2F` (milliseconds and the address), or `timeout:…`.
pub fn encode_portal(check: &PortalCheck) -> String {
    let outcome = match check.outcome {
        Ok(ms) => decimal(u64::from(ms)),
        Err(failure) => failure.code().to_owned(),
    };
    outcome + ":" + &escape(&check.url)
}

pub fn decode_portal(value: &str, at: Timestamp) -> Option<PortalCheck> {
    let (outcome, url) = value.split_once(':')?;
    let outcome = match digits::<u32>(outcome) {
        Some(ms) => Ok(ms),
        None => Err(Failure::from_code(outcome)?),
    };
    Some(PortalCheck {
        // Only an address a host could have set (the reader re-checks what the writer bounds).
        url: unescape(url).filter(|url| is_safe_url(url))?,
        outcome,
        at,
    })
}

fn digits<T: std::str::FromStr>(text: &str) -> Option<T> {
    (!text.is_empty() && text.len() <= 10 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// A host name as checks store it, escaped: a DNS name once unescaped, or nothing.
fn dns_name(text: &str) -> Option<String> {
    unescape(text).filter(|name| is_dns_name(name))
}

/// Free text (a registrar's name, an address) in a saved line: every byte but letters, digits,
/// `.` and `-` as `~XX`. Not `%XX`, which a continue-link's own decoding would undo.
fn escape(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' {
                char::from(b).to_string()
            } else {
                let mut escaped = String::from("~");
                push_upper_hex(&mut escaped, u64::from(b), 2);
                escaped
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
