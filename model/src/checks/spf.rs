//! The domain's SPF record (RFC 7208), from the TXT records of a DNS-over-HTTPS JSON answer,
//! and whether it includes the provider's servers. SPF decides whether other servers trust
//! mail the domain SENDS; it has no say in whether a mail app can connect.

use super::json::Json;
use super::mx::{data_of, host_name, listed, Listed};

/// The DNS record type of TXT records.
const TXT: f64 = 16.0;

/// How many of the names an SPF record includes a result keeps; the rest are counted.
pub const MAX_NAMED: usize = 3;

/// What the domain's TXT records say about SPF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpfVerdict {
    /// One SPF record, and it includes the expected name.
    Included,
    /// One SPF record that doesn't name the expected name directly: the names it does
    /// include (at most [`MAX_NAMED`], DNS names only) and how many more terms could let
    /// servers send (more includes, `a`, `mx`, `ip4`, `ip6`, `exists`, `ptr`). With any of
    /// those, one may cover the provider's servers: the check doesn't follow them.
    Missing { named: Vec<String>, others: u32 },
    /// No SPF record (or no such domain).
    NoRecord,
    /// More than one SPF record: RFC 7208 makes that an error in itself.
    Several(u32),
    /// The DNS service couldn't answer (SERVFAIL and the like).
    DnsFailure,
}

impl SpfVerdict {
    /// Whether the record is there but nothing in it could let the provider's servers send.
    pub fn covers_nothing(&self) -> bool {
        matches!(self, SpfVerdict::Missing { named, others } if named.is_empty() && *others == 0)
    }
}

/// The verdict on a TXT answer for `include` (a DNS name). `None` if the answer isn't of the
/// documented shape, so a garbled answer is "couldn't be read", never "no record".
pub fn verdict(answer: &Json, include: &str) -> Option<SpfVerdict> {
    let records = match listed(answer)? {
        Listed::Records(records) => records,
        Listed::NxDomain => return Some(SpfVerdict::NoRecord),
        Listed::Failed(_) => return Some(SpfVerdict::DnsFailure),
    };
    let mut count = 0u32;
    let mut first = None;
    for record in records {
        let Some(data) = data_of(record, TXT)? else {
            continue;
        };
        let text = txt_text(data.as_str()?)?;
        if is_spf(&text) {
            count = count.saturating_add(1);
            first.get_or_insert(text);
        }
    }
    Some(match (count, first) {
        (1, Some(record)) => included(&record, include),
        (0, _) | (_, None) => SpfVerdict::NoRecord,
        (several, _) => SpfVerdict::Several(several),
    })
}

/// A TXT record's text from DoH's `data`: quoted strings (`"v=spf1 include:a" "nclude:b"`)
/// joined without spaces, with `\"`, `\\` and `\DDD` escapes; data without quotes (as some
/// services give it) as it is. `None` for a quote left open or an escape cut short.
pub fn txt_text(data: &str) -> Option<String> {
    let data = data.trim();
    if !data.starts_with('"') {
        return Some(data.to_owned());
    }
    let mut out = Vec::new();
    let mut bytes = data.bytes();
    while let Some(byte) = bytes.next() {
        match byte {
            b'"' => loop {
                match bytes.next()? {
                    b'"' => break,
                    b'\\' => match bytes.next()? {
                        digit @ b'0'..=b'9' => {
                            let mut value = u32::from(digit - b'0');
                            for _ in 0..2 {
                                let next = bytes.next().filter(u8::is_ascii_digit)?;
                                value = value * 10 + u32::from(next - b'0');
                            }
                            out.push(u8::try_from(value).ok()?);
                        }
                        other => out.push(other),
                    },
                    other => out.push(other),
                }
            },
            space if space.is_ascii_whitespace() => {}
            _ => return None,
        }
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

/// `v=spf1` alone or followed by a space, in any case (RFC 7208, 4.5): `v=spf10` is not SPF.
fn is_spf(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .get(..6)
        .is_some_and(|start| start.eq_ignore_ascii_case(b"v=spf1"))
        && bytes.get(6).is_none_or(|&b| b == b' ')
}

/// Whether one SPF record includes `include` (an `include:` mechanism, any qualifier, or a
/// `redirect=`), and if not, the names it does include.
fn included(record: &str, include: &str) -> SpfVerdict {
    let mut named = Vec::new();
    let mut others = 0u32;
    for term in record.split_ascii_whitespace().skip(1) {
        let term = term.trim_start_matches(['+', '-', '~', '?']);
        let name = ["include:", "redirect="].iter().find_map(|prefix| {
            term.get(..prefix.len())
                .filter(|start| start.eq_ignore_ascii_case(prefix))
                .map(|_| &term[prefix.len()..])
        });
        let Some(name) = name else {
            if allows_servers(term) {
                others = others.saturating_add(1);
            }
            continue;
        };
        match host_name(name) {
            Some(name) if name.eq_ignore_ascii_case(include) => return SpfVerdict::Included,
            Some(name) if named.contains(&name) => {}
            Some(name) if named.len() < MAX_NAMED => named.push(name),
            _ => others = others.saturating_add(1),
        }
    }
    SpfVerdict::Missing { named, others }
}

/// Whether a term is a mechanism that lets some servers send (RFC 7208, 5), any of which may
/// be the provider's: `a`, `mx`, `ip4`, `ip6`, `exists` or `ptr`, alone or with its value.
fn allows_servers(term: &str) -> bool {
    let mechanism = term.split([':', '/']).next().unwrap_or(term);
    ["a", "mx", "ip4", "ip6", "exists", "ptr"]
        .iter()
        .any(|m| mechanism.eq_ignore_ascii_case(m))
}
