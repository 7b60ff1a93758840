//! The domain's `autodiscover` record: a CNAME that lets Outlook find the mailbox's settings
//! by itself. Left pointing at an old provider after a move, it sends Outlook's set-up there.
//!
//! Only the CNAME is asked for. Outlook would also try an `_autodiscover._tcp` SRV record, but
//! only when `autodiscover.<domain>` gives nothing, and the provider publishes no SRV record
//! to compare it with: a fifth request would name nothing more the user could act on.

use super::json::Json;
use super::mx::{data_of, host_name, listed, Listed};

/// The DNS record type of CNAME records.
const CNAME: f64 = 5.0;

/// How many names of a CNAME chain a result follows and keeps.
pub const MAX_CHAIN: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutodiscoverVerdict {
    /// The chain reaches the expected target.
    Matches,
    /// It points somewhere else.
    Elsewhere,
    /// No CNAME record (or no such name): Outlook looks elsewhere, or is set up by hand.
    NotSet,
    /// The DNS service couldn't answer (SERVFAIL and the like).
    DnsFailure,
    /// The chain goes on past [`MAX_CHAIN`] names without reaching the expected target: where
    /// it ends isn't known, so it is no sign of pointing elsewhere.
    TooLong,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutodiscoverFound {
    /// Where `autodiscover.<domain>` leads, name after name, as the answer gives it.
    pub chain: Vec<String>,
    pub verdict: AutodiscoverVerdict,
}

/// Follows the CNAME records of an answer from `name`, at most [`MAX_CHAIN`] names and never
/// round a loop, and compares where it leads with `expected`. `None` if the answer isn't of
/// the documented shape or a CNAME in it names no DNS name.
pub fn found(answer: &Json, name: &str, expected: &str) -> Option<AutodiscoverFound> {
    let records = match listed(answer)? {
        Listed::Records(records) => records,
        Listed::NxDomain => &[],
        Listed::Failed(_) => {
            return Some(AutodiscoverFound {
                chain: Vec::new(),
                verdict: AutodiscoverVerdict::DnsFailure,
            })
        }
    };
    let mut links = Vec::new();
    for record in records {
        let Some(data) = data_of(record, CNAME)? else {
            continue;
        };
        links.push((
            host_name(record.get("name")?.as_str()?)?,
            host_name(data.as_str()?)?,
        ));
    }
    let mut chain: Vec<String> = Vec::new();
    let mut at = name;
    while chain.len() < MAX_CHAIN {
        let Some((_, target)) = links.iter().find(|(owner, _)| owner == at) else {
            break;
        };
        if target == name || chain.contains(target) {
            break;
        }
        chain.push(target.clone());
        at = target;
    }
    // A link still to follow from the last name kept (not back round a loop).
    let goes_on = links
        .iter()
        .any(|(owner, target)| owner == at && target != name && !chain.contains(target));
    let verdict = if chain.is_empty() {
        AutodiscoverVerdict::NotSet
    } else if chain.iter().any(|t| t.eq_ignore_ascii_case(expected)) {
        AutodiscoverVerdict::Matches
    } else if goes_on {
        AutodiscoverVerdict::TooLong
    } else {
        AutodiscoverVerdict::Elsewhere
    };
    Some(AutodiscoverFound { chain, verdict })
}
