//! The saved form of progress, and the checks a saved value must pass before it is trusted.
//!
//! Progress is saved as one short line of `key=value` pairs, version first:
//!
//! ```text
//! v=1&at=when&started=1795497000&webmail=yes@1795497060&when=2026-11-20/password,new_setup@1795497120
//! ```
//!
//! `at` names the open step (`summary` when the summary shows); `started` is when the first
//! answer was given, in seconds since 1970 (UTC); every other key is a step id with its answer:
//! an option id, or for a `when` step the date (possibly empty), a slash and the changes ticked,
//! then `@` and when it was given. Ids are limited to `a-z`, `0-9`, `_` and `-` (the content checks that),
//! so nothing needs escaping, and the same line can travel in a URL. Reading it takes a few
//! string splits: no JSON parser ships in the wasm for it.

use super::checklist::{Checklist, StepKind};
use super::checks::{self, CheckResult, Checks};
use super::date::{Date, Timestamp};
use super::progress::{Answer, Position, Progress, WhenAnswer};

/// The version written into every saved value. Raise it when the format changes.
pub const SAVED_VERSION: u32 = 1;

/// Longer than any real progress; anything longer is not read at all.
pub const MAX_SAVED_LEN: usize = 4096;

/// The position key's value while the summary shows.
const SUMMARY: &str = "summary";

/// Why a saved value was not trusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreError {
    /// Not the format this version writes, or not consistent with the checklist.
    Unreadable(&'static str),
    /// Written by a newer version of the widget.
    Newer(u32),
}

pub fn encode(progress: &Progress, checklist: &Checklist) -> String {
    let at = match progress.at() {
        Position::Step(step) => checklist.steps.get(step).map_or(SUMMARY, |s| &*s.id),
        Position::Summary => SUMMARY,
    };
    let mut line = format!("v={SAVED_VERSION}&at={at}");
    if let Some(Timestamp(started)) = progress.started() {
        line.push_str(&format!("&started={started}"));
    }
    for (index, (step, answer)) in checklist.steps.iter().zip(progress.answers()).enumerate() {
        let Some(answer) = answer else { continue };
        line.push('&');
        line.push_str(&step.id);
        line.push('=');
        match answer {
            Answer::Choice(option) => line.push_str(option),
            Answer::When(when) => {
                // A half-typed date is not worth keeping, and would not pass `decode`.
                if Date::parse_iso(&when.date).is_some() {
                    line.push_str(&when.date);
                }
                line.push('/');
                line.push_str(&when.changes.join(","));
            }
        }
        if let Some(Timestamp(when)) = progress.answered_at(index) {
            line.push_str(&format!("@{when}"));
        }
    }
    let checks = progress.checks();
    let saved_checks = [
        checks
            .mx
            .as_ref()
            .map(|c| ("mx", checks::encode_mx(c), c.at)),
        checks
            .registration
            .as_ref()
            .map(|c| ("reg", checks::encode_registration(c), c.at)),
        checks
            .portal
            .as_ref()
            .map(|c| ("portal", checks::encode_portal(c), c.at)),
    ];
    for (name, value, Timestamp(at)) in saved_checks.into_iter().flatten() {
        line.push_str(&format!("&check.{name}={value}@{at}"));
    }
    line
}

/// Reads a saved line back; any part that does not fit the checklist rejects the whole.
pub fn decode(line: &str, checklist: &Checklist, today: Date) -> Result<Progress, RestoreError> {
    use RestoreError::Unreadable;
    if line.len() > MAX_SAVED_LEN {
        return Err(Unreadable("too long"));
    }
    let mut pairs = line
        .split('&')
        .map(|pair| pair.split_once('=').ok_or(Unreadable("not key=value")));
    match pairs.next().transpose()? {
        Some(("v", version)) => check_version(version)?,
        _ => return Err(Unreadable("no version first")),
    }
    let mut at = None;
    let mut started = None;
    let mut answers: Vec<Option<Answer>> = vec![None; checklist.steps.len()];
    let mut answered_at: Vec<Option<Timestamp>> = vec![None; checklist.steps.len()];
    let mut saved_checks = Checks::default();
    for pair in pairs {
        let (key, value) = pair?;
        if let Some(name) = key.strip_prefix("check.") {
            let (value, at) = value
                .rsplit_once('@')
                .ok_or(Unreadable("a check without its time"))?;
            let at = parse_time(at)?;
            let unreadable = Unreadable("a check's result doesn't fit");
            let result = match name {
                "mx" => CheckResult::Mx(checks::decode_mx(value, at).ok_or(unreadable)?),
                "reg" => CheckResult::Registration(
                    checks::decode_registration(value, at).ok_or(unreadable)?,
                ),
                "portal" => {
                    CheckResult::Portal(checks::decode_portal(value, at).ok_or(unreadable)?)
                }
                _ => return Err(Unreadable("unknown check")),
            };
            saved_checks.record(result);
            continue;
        }
        if key == "started" {
            if started.is_some() {
                return Err(Unreadable("start given twice"));
            }
            started = Some(parse_time(value)?);
            continue;
        }
        if key == "at" {
            if at.is_some() {
                return Err(Unreadable("position given twice"));
            }
            at = Some(match value {
                SUMMARY => Position::Summary,
                id => Position::Step(checklist.step_index(id).ok_or(Unreadable("unknown step"))?),
            });
            continue;
        }
        let index = checklist
            .step_index(key)
            .ok_or(Unreadable("unknown step"))?;
        if answers[index].is_some() {
            return Err(Unreadable("step answered twice"));
        }
        let (value, time) = match value.split_once('@') {
            Some((value, time)) => (value, Some(parse_time(time)?)),
            None => (value, None),
        };
        answers[index] = Some(decode_answer(checklist, index, value)?);
        answered_at[index] = time;
    }
    let at = at.ok_or(Unreadable("no position"))?;
    Ok(Progress::from_parts(
        checklist,
        answers,
        answered_at,
        started,
        saved_checks,
        at,
        today,
    ))
}

/// Seconds since 1970: digits only, and not so many that they overflow or lie centuries ahead.
fn parse_time(text: &str) -> Result<Timestamp, RestoreError> {
    let plain = !text.is_empty() && text.len() <= 11 && text.bytes().all(|b| b.is_ascii_digit());
    text.parse()
        .ok()
        .filter(|_| plain)
        .map(Timestamp)
        .ok_or(RestoreError::Unreadable("not a time"))
}

/// Whether a saved line says it was written by a newer version than this one.
pub fn is_newer(line: &str) -> bool {
    let first = line.split('&').next().unwrap_or_default();
    matches!(
        first.strip_prefix("v=").map(check_version),
        Some(Err(RestoreError::Newer(_)))
    )
}

fn check_version(version: &str) -> Result<(), RestoreError> {
    let digits =
        !version.is_empty() && version.len() <= 9 && version.bytes().all(|b| b.is_ascii_digit());
    match version.parse::<u32>() {
        Ok(SAVED_VERSION) if digits => Ok(()),
        Ok(newer) if digits && newer > SAVED_VERSION => Err(RestoreError::Newer(newer)),
        _ => Err(RestoreError::Unreadable("unknown version")),
    }
}

fn decode_answer(checklist: &Checklist, index: usize, value: &str) -> Result<Answer, RestoreError> {
    let step = &checklist.steps[index];
    let offered = |option: &str| step.option(option).is_some();
    let wrong = RestoreError::Unreadable("answer does not fit its question");
    match step.kind {
        StepKind::Choice if offered(value) => Ok(Answer::Choice(value.to_owned())),
        StepKind::Choice => Err(wrong),
        StepKind::When => {
            let (date, changes) = value.split_once('/').ok_or(wrong.clone())?;
            if !date.is_empty() && Date::parse_iso(date).is_none() {
                return Err(wrong);
            }
            let changes: Vec<String> = match changes {
                "" => Vec::new(),
                list => list.split(',').map(str::to_owned).collect(),
            };
            let repeats = changes
                .iter()
                .enumerate()
                .any(|(i, c)| changes[..i].contains(c));
            if repeats || !changes.iter().all(|c| offered(c)) {
                return Err(wrong);
            }
            Ok(Answer::When(WhenAnswer {
                date: date.to_owned(),
                changes,
            }))
        }
    }
}
