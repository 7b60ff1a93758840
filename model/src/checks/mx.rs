//! The domain's mail (MX) records, from a DNS-over-HTTPS JSON answer, compared with the hosts
//! the provider expects.

use super::domain::is_dns_name;
use super::json::Json;

/// DNS's own answer codes (RFC 1035): the ones the verdict needs.
const NOERROR: f64 = 0.0;
const NXDOMAIN: f64 = 3.0;
/// The DNS record type of MX records.
const MX: f64 = 15.0;

/// How many records a result keeps (the most preferred); the rest are only counted. Real
/// domains have a handful; this keeps a hostile answer from filling the user's storage.
pub const MAX_KEPT: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MxRecord {
    pub priority: u16,
    /// A DNS name (see [`is_dns_name`]): lower case, without the trailing dot.
    pub host: String,
}

/// What a DNS-over-HTTPS service answered about a domain's MX records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnsAnswer {
    /// The records, in the order the service gave them.
    Records(Vec<MxRecord>),
    /// A "null MX" (RFC 7505): the domain says it accepts no mail.
    NullMx,
    /// The name doesn't exist in DNS.
    NxDomain,
    /// The resolver failed (SERVFAIL, REFUSED and the like), with DNS's answer code.
    Failed(u16),
}

/// What the records mean for mail to the provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MxVerdict {
    /// Every expected host is there, and no other.
    AllMatch,
    /// Every expected host is there, and others too (see [`Extra`]).
    Extra(Extra),
    /// Some expected hosts are missing (listed).
    SomeMissing(Vec<String>),
    /// None of the expected hosts: mail is going elsewhere.
    NoneMatch,
    /// The domain doesn't exist in DNS.
    NxDomain,
    /// The DNS service couldn't answer for the domain.
    DnsFailure,
    /// The domain exists but has no MX records.
    NoRecords,
    /// The domain publishes a null MX: it accepts no mail at all.
    NoMail,
}

/// The records beside the expected ones: the most preferred few by name, how many more, and
/// whether one of them is preferred over every expected host (mail goes there first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extra {
    pub named: Vec<String>,
    pub others: u32,
    pub preferred: bool,
}

/// How many other hosts a verdict names; the rest are counted.
pub const MAX_EXTRA_NAMED: usize = 3;

/// What a check keeps of an answer: the verdict, the most preferred records in order, and how
/// many more there were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MxFound {
    pub records: Vec<MxRecord>,
    pub more: u32,
    pub verdict: MxVerdict,
}

/// Reads the JSON form of a DNS answer (`application/dns-json`, as Cloudflare and Google give
/// it). `None` when anything in it isn't of that documented shape, so a garbled answer is
/// "couldn't be read", never "no records".
pub fn parse(answer: &Json) -> Option<DnsAnswer> {
    let listed = match listed(answer)? {
        Listed::Records(records) => records,
        Listed::NxDomain => return Some(DnsAnswer::NxDomain),
        Listed::Failed(code) => return Some(DnsAnswer::Failed(code)),
    };
    let mut records = Vec::new();
    let mut null_mx = false;
    for record in listed {
        let Some(data) = data_of(record, MX)? else {
            continue; // a CNAME on the way, say
        };
        match parse_data(data.as_str()?)? {
            Some(record) => records.push(record),
            None => null_mx = true,
        }
    }
    Some(if null_mx {
        DnsAnswer::NullMx
    } else {
        DnsAnswer::Records(records)
    })
}

/// A DNS-over-HTTPS JSON answer's code, with its records when it has some.
pub enum Listed<'a> {
    Records(&'a [Json]),
    NxDomain,
    Failed(u16),
}

/// The answer code and the listed records of any DNS-over-HTTPS JSON answer (every query the
/// checks make reads it the same way). `None` if it isn't of that documented shape.
pub fn listed(answer: &Json) -> Option<Listed<'_>> {
    let status = whole_number(answer.get("Status")?)?;
    if status == NXDOMAIN {
        return Some(Listed::NxDomain);
    }
    if status != NOERROR {
        return Some(Listed::Failed(status as u16));
    }
    match answer.get("Answer") {
        None | Some(Json::Null) => Some(Listed::Records(&[])),
        Some(Json::Array(records)) => Some(Listed::Records(records)),
        Some(_) => None,
    }
}

/// A listed record's `data` if it is of DNS type `kind`; `Some(None)` for another type. `None`
/// if the record isn't an object with a numeric type, or lacks data where it matters.
pub fn data_of(record: &Json, kind: f64) -> Option<Option<&Json>> {
    if !matches!(record, Json::Object(_)) {
        return None;
    }
    if whole_number(record.get("type")?)? != kind {
        return Some(None);
    }
    record.get("data").map(Some)
}

/// A name as an answer gives it (`Example.COM.`), as the checks keep it, or `None`.
pub fn host_name(name: &str) -> Option<String> {
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    is_dns_name(&name).then_some(name)
}

/// A number DNS would send: whole, and within 16 bits.
fn whole_number(value: &Json) -> Option<f64> {
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (0.0..=65_535.0).contains(n))
}

/// `10 mx1.example.com.` as a record; `Some(None)` for the null MX's `0 .`.
fn parse_data(data: &str) -> Option<Option<MxRecord>> {
    let mut parts = data.split_ascii_whitespace();
    let priority = parts.next()?;
    let priority = (priority.len() <= 5 && priority.bytes().all(|b| b.is_ascii_digit()))
        .then(|| priority.parse::<u16>().ok())??;
    let host = parts.next()?;
    if parts.next().is_some() {
        return None;
    }
    if host == "." {
        return Some(None);
    }
    Some(Some(MxRecord {
        priority,
        host: host_name(host)?,
    }))
}

pub fn verdict(answer: &DnsAnswer, expected: &[String]) -> MxVerdict {
    let records = match answer {
        DnsAnswer::NxDomain => return MxVerdict::NxDomain,
        DnsAnswer::Failed(_) => return MxVerdict::DnsFailure,
        DnsAnswer::NullMx => return MxVerdict::NoMail,
        DnsAnswer::Records(records) if records.is_empty() => return MxVerdict::NoRecords,
        DnsAnswer::Records(records) => records,
    };
    let found = |host: &String| records.iter().any(|r| r.host.eq_ignore_ascii_case(host));
    let missing: Vec<String> = expected
        .iter()
        .filter(|host| !found(host))
        .cloned()
        .collect();
    if missing.is_empty() {
        extra(records, expected).map_or(MxVerdict::AllMatch, MxVerdict::Extra)
    } else if missing.len() == expected.len() {
        MxVerdict::NoneMatch
    } else {
        MxVerdict::SomeMissing(missing)
    }
}

/// The records that aren't among the expected hosts, most preferred first, if any.
fn extra(records: &[MxRecord], expected: &[String]) -> Option<Extra> {
    let foreign = |r: &&MxRecord| !expected.iter().any(|h| r.host.eq_ignore_ascii_case(h));
    let best = |all: &mut dyn Iterator<Item = &MxRecord>| all.map(|r| r.priority).min();
    let best_expected = best(&mut records.iter().filter(|r| !foreign(r)));
    let mut named: Vec<&MxRecord> = Vec::new();
    let mut count = 0u32;
    for record in records.iter().filter(foreign) {
        count = count.saturating_add(1);
        let at =
            named.partition_point(|r| (r.priority, &r.host) <= (record.priority, &record.host));
        if at < MAX_EXTRA_NAMED {
            named.insert(at, record);
            named.truncate(MAX_EXTRA_NAMED);
        }
    }
    let first = named.first()?;
    Some(Extra {
        preferred: best_expected.is_some_and(|best| first.priority < best),
        others: count - named.len() as u32,
        named: named.iter().map(|r| r.host.clone()).collect(),
    })
}

/// The verdict on a whole answer, with at most [`MAX_KEPT`] of its records kept, most
/// preferred first.
pub fn found(answer: &DnsAnswer, expected: &[String]) -> MxFound {
    let verdict = verdict(answer, expected);
    let all = match answer {
        DnsAnswer::Records(records) => records.as_slice(),
        _ => &[],
    };
    let mut records: Vec<MxRecord> = Vec::new();
    for record in all {
        // Kept in order as they are inserted: no sort routine in the wasm for this.
        let at =
            records.partition_point(|r| (r.priority, &r.host) <= (record.priority, &record.host));
        if at < MAX_KEPT {
            records.insert(at, record.clone());
            records.truncate(MAX_KEPT);
        }
    }
    MxFound {
        more: u32::try_from(all.len() - records.len()).unwrap_or(u32::MAX),
        records,
        verdict,
    }
}
