//! The domain's mail (MX) records, from a DNS-over-HTTPS JSON answer, compared with the hosts
//! the provider expects.

use super::json::Json;

/// DNS's own answer codes (RFC 1035): the ones the verdict needs.
const NOERROR: f64 = 0.0;
const NXDOMAIN: f64 = 3.0;
/// The DNS record type of MX records.
const MX: f64 = 15.0;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MxRecord {
    pub priority: u16,
    /// Lower case, without the trailing dot.
    pub host: String,
}

/// What a DNS-over-HTTPS service answered about a domain's MX records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnsAnswer {
    Records(Vec<MxRecord>),
    /// The name doesn't exist in DNS.
    NxDomain,
    /// The resolver failed (SERVFAIL, REFUSED and the like), with DNS's answer code.
    Failed(u8),
}

/// What the records mean for mail to the provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MxVerdict {
    /// Every expected host is there.
    AllMatch,
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
}

/// Reads the JSON form of a DNS answer (`application/dns-json`, as Cloudflare and Google give
/// it). `None` when it isn't that shape.
pub fn parse(answer: &Json) -> Option<DnsAnswer> {
    let status = answer.get("Status")?.as_f64()?;
    if status == NXDOMAIN {
        return Some(DnsAnswer::NxDomain);
    }
    if status != NOERROR {
        return Some(DnsAnswer::Failed(status.clamp(0.0, 255.0) as u8));
    }
    let mut records = Vec::new();
    for record in answer.get("Answer").map(Json::as_array).unwrap_or_default() {
        if record.get("type").and_then(Json::as_f64) != Some(MX) {
            continue; // a CNAME on the way, say
        }
        let data = record.get("data")?.as_str()?;
        let mut parts = data.split_whitespace();
        let priority = parts.next()?.parse().ok()?;
        let host = parts.next()?.trim_end_matches('.').to_ascii_lowercase();
        if host.is_empty() || parts.next().is_some() {
            return None;
        }
        // Inserted in place, so the list stays ordered by preference without a sort routine.
        let at = records.partition_point(|r: &MxRecord| (r.priority, &r.host) <= (priority, &host));
        records.insert(at, MxRecord { priority, host });
    }
    Some(DnsAnswer::Records(records))
}

pub fn verdict(answer: &DnsAnswer, expected: &[String]) -> MxVerdict {
    let records = match answer {
        DnsAnswer::NxDomain => return MxVerdict::NxDomain,
        DnsAnswer::Failed(_) => return MxVerdict::DnsFailure,
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
        MxVerdict::AllMatch
    } else if missing.len() == expected.len() {
        MxVerdict::NoneMatch
    } else {
        MxVerdict::SomeMissing(missing)
    }
}
