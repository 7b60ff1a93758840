//! The link that carries progress to another computer: the saved line's position and answers,
//! in the URL's fragment.
//!
//! ```text
//! https://help.example.com/mail#troubleshooter:help:v=1&at=computer&webmail=yes@1795497060…&sum=1a2b3c4d
//! ```
//!
//! The fragment is never sent to a server. It names the storage key, so a page with several
//! troubleshooters knows which one it is for, and ends with a checksum, so a link cut short or
//! mistyped is refused rather than read as fewer answers.
//!
//! A link carries answers only, never check results: anyone can make a link with a valid
//! checksum, so nothing in one may be text shown to the user (a registrar's name, say). Check
//! results describe the domain, not this computer; the user can run the check again there.

use super::checklist::Checklist;
use super::date::Date;
use super::progress::Progress;
use super::saved::{self, RestoreError};

/// What a troubleshooter link's fragment starts with.
pub const LINK_MARK: &str = "troubleshooter:";

/// Longer fragments are refused unread; a real one is a few hundred characters.
pub const MAX_FRAGMENT_LEN: usize = 2000;

const CHECKSUM_KEY: &str = "&sum=";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    /// Not the shape of a link, cut short, or its checksum doesn't match.
    Damaged,
    TooLong,
    /// Made by another version of the troubleshooter.
    OtherVersion,
}

/// The fragment (without `#`) that carries this progress.
pub fn fragment(storage_key: &str, progress: &Progress, checklist: &Checklist) -> String {
    let body = format!(
        "{LINK_MARK}{}:{}",
        key_name(storage_key),
        saved::encode_answers(progress, checklist)
    );
    format!("{body}{CHECKSUM_KEY}{:08x}", checksum(&body))
}

/// Reads a fragment. `None` when it isn't a troubleshooter link for this storage key (the
/// page's own fragment, say); otherwise the progress it carries, or why it can't be used.
pub fn read(
    fragment: &str,
    storage_key: &str,
    checklist: &Checklist,
    today: Date,
) -> Option<Result<Progress, LinkError>> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let decoded = percent_decode(fragment);
    let text = decoded.as_deref().unwrap_or(fragment);
    if !text.starts_with(LINK_MARK) {
        return None;
    }
    if fragment.len() > MAX_FRAGMENT_LEN {
        return Some(Err(LinkError::TooLong));
    }
    let Some(text) = decoded.as_deref() else {
        return Some(Err(LinkError::Damaged));
    };
    let rest = &text[LINK_MARK.len()..];
    let Some((key, _)) = rest.split_once(':') else {
        return Some(Err(LinkError::Damaged));
    };
    if key != key_name(storage_key) {
        return None;
    }
    Some(read_body(text, checklist, today))
}

fn read_body(text: &str, checklist: &Checklist, today: Date) -> Result<Progress, LinkError> {
    let (body, sum) = text.rsplit_once(CHECKSUM_KEY).ok_or(LinkError::Damaged)?;
    let line = body[LINK_MARK.len()..]
        .split_once(':')
        .map(|(_, line)| line)
        .ok_or(LinkError::Damaged)?;
    // Another version may write links differently: say so rather than call it damaged.
    if saved::is_newer(line) {
        return Err(LinkError::OtherVersion);
    }
    if sum.len() != 8
        || !sum.bytes().all(|b| b.is_ascii_hexdigit())
        || u32::from_str_radix(sum, 16).ok() != Some(checksum(body))
    {
        return Err(LinkError::Damaged);
    }
    saved::decode_answers(line, checklist, today).map_err(|error| match error {
        RestoreError::Newer(_) => LinkError::OtherVersion,
        RestoreError::Unreadable(_) => LinkError::Damaged,
    })
}

fn key_name(storage_key: &str) -> &str {
    match storage_key.trim() {
        "" => "default",
        key => key,
    }
}

/// FNV-1a, 32 bits: enough to notice a link cut short or mistyped, not a security measure.
fn checksum(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// Undoes `%XX` escapes that mail and chat programs sometimes add to links. `None` if an
/// escape is broken or the result isn't UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = text
                .get(index + 1..index + 3)
                .filter(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(out).ok()
}
