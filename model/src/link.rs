//! The link that carries progress to another computer: the open step and the answers, in the
//! URL's fragment.
//!
//! ```text
//! https://help.example.com/mail#troubleshooter:help:v=3&k3.7.hsx1a.2-0.8-1-g15.2-2.2-3.2-5.2-8.1-c.fixed~3dpassword&sum=1a2b3c4d
//! ```
//!
//! The fragment is never sent to a server. It names the storage key, so a page with several
//! troubleshooters knows which one it is for, and ends with a checksum, so a link cut short or
//! mistyped is refused rather than read as fewer answers.
//!
//! After `v=3&` come fields separated by dots: a fingerprint of the checklist's steps and
//! answers (two base-36 digits), the open step's index (the number of steps for the summary),
//! when the first answer was given in minutes since 1970 (empty if none was), then one field per
//! step, empty while it is unanswered. A step's field is the options chosen as hex digits, four
//! options a digit, lowest bit first; then `-` and the minutes from the start to the answer; for a
//! `when` step then `-` and the date in days since 1970. Numbers are in base 36. Times are kept to
//! the minute, as they are shown. Last, only if there are any, every other key the saved line's
//! answers part has (`fixed`, `tried`, and any added later), as they are saved, joined by `&`
//! and escaped: any byte but `a-z`, `0-9`, `_`, `,` and `-` as `~` and two hex digits, so that
//! nothing in them can make a field or a link key. Reading rewrites these fields as the saved
//! line, so that one reader checks links and saved progress alike; the extra keys may not be a
//! step, the position or a check result. Version 2 links (the same without the extra keys) and
//! version 1 links (the saved line itself, with full timestamps) still open.
//!
//! A link carries answers only, never check results: anyone can make a link with a valid
//! checksum, so nothing in one may be text shown to the user (a registrar's name, say). Check
//! results describe the domain, not this computer; the user can run the check again there.

use super::checklist::{Checklist, StepKind};
use super::date::{Date, Timestamp};
use super::progress::{Answer, Position, Progress};
use super::saved::{self, RestoreError, Restored};
use crate::digits::{push_decimal, push_hex};

/// What a troubleshooter link's fragment starts with.
pub const LINK_MARK: &str = "troubleshooter:";

/// Longer fragments are refused unread; a real one is under a hundred characters.
pub const MAX_FRAGMENT_LEN: usize = 2000;

const CHECKSUM_KEY: &str = "&sum=";

/// The compact form's version. Written as the saved line's is, so a version that reads only
/// `v=1` says this link is from another version rather than damaged; kept above the saved
/// line's version, so that one never reads as the other.
const COMPACT: &str = "v=3&";

/// The compact form before it carried the saved line's extra keys.
const COMPACT_V2: &str = "v=2&";

/// The latest date a link may carry (9999-12-31), in days since 1970.
const LAST_DAY: u64 = 2_932_896;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    /// Not the shape of a link, cut short, or its checksum doesn't match.
    Damaged,
    TooLong,
    /// Made by another version of the troubleshooter, or for another checklist.
    OtherVersion,
}

/// The fragment (without `#`) that carries this progress.
pub fn fragment(storage_key: &str, progress: &Progress, checklist: &Checklist) -> String {
    let mut body = [
        LINK_MARK,
        key_name(storage_key),
        ":",
        COMPACT,
        &compact(progress, checklist),
    ]
    .concat();
    let sum = checksum(&body);
    body.push_str(CHECKSUM_KEY);
    push_hex(&mut body, u64::from(sum), 8);
    body
}

/// Reads a fragment. `None` when it isn't a troubleshooter link for this storage key (the
/// page's own fragment, say); otherwise the progress it carries, or why it can't be used.
pub fn read(
    fragment: &str,
    storage_key: &str,
    checklist: &Checklist,
    today: Date,
) -> Option<Result<Progress, LinkError>> {
    read_restored(fragment, storage_key, checklist, today)
        .map(|read| read.map(|restored| restored.progress))
}

/// [`read`], also saying how many of the link's marks or mail app this checklist doesn't
/// have and were left out (`marks_left_out`; a link never carries check results).
pub fn read_restored(
    fragment: &str,
    storage_key: &str,
    checklist: &Checklist,
    today: Date,
) -> Option<Result<Restored, LinkError>> {
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

fn read_body(text: &str, checklist: &Checklist, today: Date) -> Result<Restored, LinkError> {
    let (body, sum) = text.rsplit_once(CHECKSUM_KEY).ok_or(LinkError::Damaged)?;
    let line = body[LINK_MARK.len()..]
        .split_once(':')
        .map(|(_, line)| line)
        .ok_or(LinkError::Damaged)?;
    let compact = match (line.strip_prefix(COMPACT), line.strip_prefix(COMPACT_V2)) {
        (Some(fields), _) => Some((fields, true)),
        (_, Some(fields)) => Some((fields, false)),
        _ => None,
    };
    // Another version may write links differently: say so rather than call it damaged.
    if compact.is_none() && saved::is_newer(line) {
        return Err(LinkError::OtherVersion);
    }
    if sum.len() != 8
        || !sum.bytes().all(|b| b.is_ascii_hexdigit())
        || u32::from_str_radix(sum, 16).ok() != Some(checksum(body))
    {
        return Err(LinkError::Damaged);
    }
    let line = match compact {
        Some((fields, extra)) => &saved_line(fields, checklist, extra)?,
        None => line,
    };
    saved::decode_answers(line, checklist, today).map_err(|error| match error {
        RestoreError::Newer(_) => LinkError::OtherVersion,
        RestoreError::Unreadable(_) => LinkError::Damaged,
    })
}

/// The fields after `v=3&`, as described at the top.
fn compact(progress: &Progress, checklist: &Checklist) -> String {
    let steps = &checklist.steps;
    let at = match progress.at() {
        Position::Step(step) => step.min(steps.len()),
        Position::Summary => steps.len(),
    };
    let started = progress.started().map(|Timestamp(at)| at / 60);
    let mut line = fingerprint(checklist);
    for number in [Some(at as u64), started] {
        line.push('.');
        if let Some(number) = number {
            push_base36(&mut line, number);
        }
    }
    for (index, (step, answer)) in steps.iter().zip(progress.answers()).enumerate() {
        line.push('.');
        let Some(answer) = answer else { continue };
        for options in step.options.chunks(4) {
            let bits = options.iter().enumerate().fold(0, |bits, (bit, option)| {
                let chosen = match answer {
                    Answer::Choice(choice) => choice.id() == &*option.id,
                    Answer::When(when) => when.changes.iter().any(|c| *c == *option.id),
                };
                bits | u32::from(chosen) << bit
            });
            line.push(char::from_digit(bits, 16).unwrap_or('0'));
        }
        let minutes = started
            .zip(progress.answered_at(index))
            .map(|(start, Timestamp(at))| (at / 60).saturating_sub(start));
        // A half-typed date, or one before 1970, is not worth keeping.
        let day = match answer {
            Answer::When(when) => when
                .date
                .date()
                .and_then(|date| u64::try_from(date.days_since_epoch()).ok()),
            Answer::Choice(_) => None,
        };
        for (number, needed) in [(minutes, day.is_some()), (day, false)] {
            if number.is_some() || needed {
                line.push('-');
            }
            if let Some(number) = number {
                push_base36(&mut line, number);
            }
        }
    }
    let saved = saved::encode_answers(progress, checklist);
    let extra: Vec<&str> = saved
        .split('&')
        .filter(|pair| {
            pair.split_once('=')
                .is_some_and(|(key, _)| is_extra(key, checklist))
        })
        .collect();
    if !extra.is_empty() {
        line.push('.');
        for byte in extra.join("&").bytes() {
            if is_kept(byte) {
                line.push(char::from(byte));
            } else {
                line.push('~');
                line.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
                line.push(char::from_digit(u32::from(byte & 15), 16).unwrap_or('0'));
            }
        }
    }
    line
}

/// A byte an extra key's field keeps as it is.
fn is_kept(byte: u8) -> bool {
    byte.is_ascii_lowercase() || byte.is_ascii_digit() || b"_,-".contains(&byte)
}

/// Whether a saved line's key is one the link carries as an extra: not the version, the
/// position, the start, a step's answer or a check result.
fn is_extra(key: &str, checklist: &Checklist) -> bool {
    !["v", "at", "started"].contains(&key)
        && !key.starts_with("check.")
        && checklist.step_index(key).is_none()
}

/// Rewrites the compact fields as the saved line says them, so that links are checked by the
/// same reader as saved progress. Only the shape is checked here; `extra` allows the last
/// field of extra keys (version 3).
fn saved_line(fields: &str, checklist: &Checklist, extra: bool) -> Result<String, LinkError> {
    use LinkError::Damaged;
    let steps = &checklist.steps;
    let mut fields = fields.split('.');
    if fields.next() != Some(&*fingerprint(checklist)) {
        return Err(LinkError::OtherVersion);
    }
    let at = fields.next().and_then(base36).ok_or(Damaged)? as usize;
    let at = match steps.get(at) {
        Some(step) => &*step.id,
        None if at == steps.len() => "summary",
        None => return Err(Damaged),
    };
    let mut line = "v=".to_owned();
    push_decimal(&mut line, u64::from(saved::SAVED_VERSION));
    line.push_str("&at=");
    line.push_str(at);
    let started = match fields.next().ok_or(Damaged)? {
        "" => None,
        minutes => Some(base36(minutes).ok_or(Damaged)?),
    };
    if let Some(start) = started {
        line.push_str("&started=");
        push_decimal(&mut line, start * 60);
    }
    for step in steps.iter() {
        let field = fields.next().ok_or(Damaged)?;
        if field.is_empty() {
            continue;
        }
        let mut parts = field.split('-');
        let bits = parts.next().unwrap_or_default();
        if bits.len() != step.options.len().div_ceil(4) {
            return Err(Damaged);
        }
        let mut chosen = Vec::new();
        for (chunk, digit) in bits.bytes().enumerate() {
            let digit = char::from(digit).to_digit(16).ok_or(Damaged)?;
            for bit in 0..4 {
                if digit >> bit & 1 == 1 {
                    chosen.push(&*step.options.get(chunk * 4 + bit).ok_or(Damaged)?.id);
                }
            }
        }
        let mut number = || parts.next().filter(|n| !n.is_empty()).map(base36);
        let (minutes, day) = (number(), number());
        if parts.next().is_some() || minutes == Some(None) || day == Some(None) {
            return Err(Damaged);
        }
        line.push('&');
        line.push_str(&step.id);
        line.push('=');
        if step.kind == StepKind::When {
            if let Some(day) = day.flatten() {
                if day > LAST_DAY {
                    return Err(Damaged);
                }
                line.push_str(&Timestamp(day * 86_400).date().iso());
            }
            line.push('/');
        } else if day.is_some() {
            return Err(Damaged);
        }
        line.push_str(&chosen.join(","));
        if let Some(minutes) = minutes.flatten() {
            line.push('@');
            push_decimal(&mut line, (started.ok_or(Damaged)? + minutes) * 60);
        }
    }
    match (fields.next(), extra) {
        (None, _) => {}
        (Some(field), true) => {
            for pair in unescape(field).ok_or(Damaged)?.split('&') {
                match pair.split_once('=') {
                    Some((key, _)) if !key.is_empty() && is_extra(key, checklist) => {}
                    _ => return Err(Damaged),
                }
                line.push('&');
                line.push_str(pair);
            }
        }
        (Some(_), false) => return Err(Damaged),
    }
    match fields.next() {
        Some(_) => Err(Damaged),
        None => Ok(line),
    }
}

/// Undoes the extra keys' `~XX` escapes; `None` for a byte that should have been escaped, a
/// broken escape, or text that isn't UTF-8.
fn unescape(field: &str) -> Option<String> {
    let mut out = Vec::with_capacity(field.len());
    let mut bytes = field.bytes();
    while let Some(byte) = bytes.next() {
        out.push(match byte {
            b'~' => {
                let digit = |b: Option<u8>| char::from(b?).to_digit(16);
                let high = digit(bytes.next())?;
                let low = digit(bytes.next())?;
                u8::try_from(high << 4 | low).ok()?
            }
            byte if is_kept(byte) => byte,
            _ => return None,
        });
    }
    String::from_utf8(out).ok()
}

/// Two base-36 digits from the checklist's step and option ids, so a link made for another
/// checklist is refused rather than read as other answers.
fn fingerprint(checklist: &Checklist) -> String {
    let hash = checklist.steps.iter().fold(FNV_START, |hash, step| {
        let hash = fnv1a(fnv1a(hash, step.id.as_bytes()), b":");
        step.options.iter().fold(hash, |hash, option| {
            fnv1a(fnv1a(hash, option.id.as_bytes()), b",")
        })
    });
    let digit = |number: u32| char::from_digit(number % 36, 36).unwrap_or('0');
    [digit(hash / 36), digit(hash)].iter().collect()
}

fn push_base36(line: &mut String, mut number: u64) {
    let start = line.len();
    loop {
        line.insert(
            start,
            char::from_digit((number % 36) as u32, 36).unwrap_or('0'),
        );
        number /= 36;
        if number == 0 {
            break;
        }
    }
}

/// A base-36 number of at most six digits (lower case), so that it can't overflow what it
/// is added to or multiplied by.
fn base36(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 6 {
        return None;
    }
    text.bytes().try_fold(0, |number, digit| {
        let digit = match digit {
            b'0'..=b'9' => digit - b'0',
            b'a'..=b'z' => digit - b'a' + 10,
            _ => return None,
        };
        Some(number * 36 + u64::from(digit))
    })
}

fn key_name(storage_key: &str) -> &str {
    match storage_key.trim() {
        "" => "default",
        key => key,
    }
}

const FNV_START: u32 = 0x811c_9dc5;

fn fnv1a(hash: u32, bytes: &[u8]) -> u32 {
    bytes.iter().fold(hash, |hash, byte| {
        (hash ^ u32::from(*byte)).wrapping_mul(0x0100_0193)
    })
}

/// FNV-1a, 32 bits: enough to notice a link cut short or mistyped, not a security measure.
fn checksum(text: &str) -> u32 {
    fnv1a(FNV_START, text.as_bytes())
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
