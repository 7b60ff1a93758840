//! The saved form of progress, and the checks a saved value must pass before it is trusted.
//!
//! Progress is saved as one short line of `key=value` pairs, version first:
//!
//! ```text
//! v=2&at=when&started=1795497000&webmail=yes@1795497060&when=2026-11-20/password,new_setup@1795497120&fixed=password&tried=migrated
//! ```
//!
//! `at` names the open step (`summary` when the summary shows); `started` is when the first
//! answer was given, in seconds since 1970 (UTC); `app` is the mail app the user chose (an id
//! of the content's `mail_apps`); every other key is a step id with its answer:
//! an option id, or for a `when` step the date (possibly empty), a slash and the changes ticked,
//! then `@` and when it was given. `fixed` names the finding that fixed the problem and `tried`
//! those tried without luck, in order (version 2; version 1 lines still read). An `app`,
//! `fixed` or `tried` id the checklist doesn't have is no answer: it is left out on its own and
//! counted, and everything else is kept. Ids are limited to `a-z`, `0-9`, `_` and `-` (the content checks that),
//! so they need no escaping, and the same line can travel in a URL. Check results (`check.mx=…`)
//! carry text from outside, escaped (see `checks`), so nothing in them can make a key; a check
//! result that can't be read is left out on its own, and never costs an answer. Reading it
//! takes a few string splits: no JSON parser ships in the wasm for it.

use super::checklist::{Checklist, Choice, StepKind};
use super::checks::{self, CheckResult, Checks};
use super::date::{Date, Timestamp};
use super::outcome::Outcome;
use super::progress::{Answer, Position, Progress, WhenAnswer};
use crate::digits::push_decimal;

/// The version written into every saved value. Raise it when the format changes.
pub const SAVED_VERSION: u32 = 2;

/// Far longer than any progress the widget writes (answers are a few hundred characters, and
/// check results are bounded when they are made); anything longer is not read at all.
pub const MAX_SAVED_LEN: usize = 32_768;

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

/// Progress read back, and how many saved check results had to be left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub progress: Progress,
    pub checks_left_out: usize,
    /// How many saved ids that are not answers (the mail app, a finding marked fixed or
    /// tried) name something this checklist doesn't have, or repeat one, and were left out.
    pub marks_left_out: usize,
}

/// The whole progress, check results included, as saved in this browser.
pub fn encode(progress: &Progress, checklist: &Checklist) -> String {
    let mut line = encode_answers(progress, checklist);
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
        checks
            .spf
            .as_ref()
            .map(|c| ("spf", checks::encode_spf(c), c.at)),
        checks
            .autodiscover
            .as_ref()
            .map(|c| ("autodiscover", checks::encode_autodiscover(c), c.at)),
    ];
    for (name, value, Timestamp(at)) in saved_checks.into_iter().flatten() {
        line.push_str("&check.");
        line.push_str(name);
        line.push('=');
        line.push_str(&value);
        line.push('@');
        push_decimal(&mut line, at);
    }
    line
}

/// The position and the answers, with when each was given: what a continue-link carries.
pub fn encode_answers(progress: &Progress, checklist: &Checklist) -> String {
    let at = match progress.at() {
        Position::Step(step) => checklist.steps.get(step).map_or(SUMMARY, |s| &*s.id),
        Position::Summary => SUMMARY,
    };
    let mut line = "v=".to_owned();
    push_decimal(&mut line, u64::from(SAVED_VERSION));
    line.push_str("&at=");
    line.push_str(at);
    if let Some(Timestamp(started)) = progress.started() {
        line.push_str("&started=");
        push_decimal(&mut line, started);
    }
    for (index, (step, answer)) in checklist.steps.iter().zip(progress.answers()).enumerate() {
        let Some(answer) = answer else { continue };
        line.push('&');
        line.push_str(&step.id);
        line.push('=');
        match answer {
            Answer::Choice(choice) => line.push_str(choice.id()),
            Answer::When(when) => {
                // A half-typed date is not worth keeping, and would not pass `decode`.
                if when.date.date().is_some() {
                    line.push_str(when.date.text());
                }
                line.push('/');
                line.push_str(&when.changes.join(","));
            }
        }
        if let Some(Timestamp(when)) = progress.answered_at(index) {
            line.push('@');
            push_decimal(&mut line, when);
        }
    }
    let outcome = progress.outcome();
    if let Some(fixed) = &outcome.fixed {
        line.push_str("&fixed=");
        line.push_str(fixed);
    }
    if !outcome.tried.is_empty() {
        line.push_str("&tried=");
        line.push_str(&outcome.tried.join(","));
    }
    if let Some(app) = progress.mail_app() {
        line.push_str("&app=");
        line.push_str(app);
    }
    line
}

/// Reads a saved line back. Any answer or position that does not fit the checklist rejects
/// the whole; a check result that can't be read is left out and counted.
pub fn decode(line: &str, checklist: &Checklist, today: Date) -> Result<Restored, RestoreError> {
    read(line, checklist, today, true)
}

/// Reads only the position and answers of a line (and the marks and mail app, with how many
/// of those were left out); check results in it are passed over.
pub fn decode_answers(
    line: &str,
    checklist: &Checklist,
    today: Date,
) -> Result<Restored, RestoreError> {
    read(line, checklist, today, false)
}

fn read(
    line: &str,
    checklist: &Checklist,
    today: Date,
    with_checks: bool,
) -> Result<Restored, RestoreError> {
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
    let mut checks_left_out = 0;
    let mut outcome = Outcome::default();
    let mut marks_left_out = 0;
    let mut mail_app = None;
    for pair in pairs {
        let (key, value) = pair?;
        if key == "fixed" || key == "tried" {
            marks_left_out += read_outcome(checklist, &mut outcome, key, value);
            continue;
        }
        if let Some(name) = key.strip_prefix("check.") {
            if with_checks {
                match read_check(name, value) {
                    Some(result) => saved_checks.record(result),
                    None => checks_left_out += 1,
                }
            }
            continue;
        }
        if key == "started" {
            if started.is_some() {
                return Err(Unreadable("start given twice"));
            }
            started = Some(parse_time(value)?);
            continue;
        }
        if key == "app" {
            // A mail app the content no longer lists (or a host's checklist with none).
            if mail_app.is_some() || checklist.mail_app(value).is_none() {
                marks_left_out += 1;
            } else {
                mail_app = Some(value.to_owned());
            }
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
    let mut progress = Progress::from_parts(
        checklist,
        answers,
        answered_at,
        started,
        saved_checks,
        at,
        today,
    )
    .with_outcome(outcome);
    if let Some(app) = mail_app {
        // Choosing a mail app records no time: it answers no step.
        let action = super::progress::Action::ChooseMailApp(app);
        progress.apply(checklist, action, super::date::Timestamp(0));
    }
    Ok(Restored {
        progress,
        checks_left_out,
        marks_left_out,
    })
}

/// A `fixed` or `tried` value: finding ids the content has, each once, none both fixed and
/// tried. Any other id is left out; returns how many were.
fn read_outcome(checklist: &Checklist, outcome: &mut Outcome, key: &str, value: &str) -> usize {
    let mut left_out = 0;
    for (index, id) in value.split(',').enumerate() {
        let taken = outcome.fixed.as_deref() == Some(id) || outcome.tried.iter().any(|t| t == id);
        if checklist.finding(id).is_none() || taken {
            left_out += 1;
        } else if key == "tried" {
            outcome.tried.push(id.to_owned());
        } else if outcome.fixed.is_none() && index == 0 {
            outcome.fixed = Some(id.to_owned());
        } else {
            left_out += 1;
        }
    }
    left_out
}

/// One saved check result, `mx`, `reg`, `portal`, `spf` or `autodiscover` with its value and time; `None` if any part
/// of it isn't what a check writes.
fn read_check(name: &str, value: &str) -> Option<CheckResult> {
    let (value, at) = value.rsplit_once('@')?;
    let at = parse_time(at).ok()?;
    Some(match name {
        "mx" => CheckResult::Mx(checks::decode_mx(value, at)?),
        "reg" => CheckResult::Registration(checks::decode_registration(value, at)?),
        "portal" => CheckResult::Portal(checks::decode_portal(value, at)?),
        "spf" => CheckResult::Spf(checks::decode_spf(value, at)?),
        "autodiscover" => CheckResult::Autodiscover(checks::decode_autodiscover(value, at)?),
        _ => return None,
    })
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
        // Version 1 wrote the same keys, less the outcome's.
        Ok(1 | SAVED_VERSION) if digits => Ok(()),
        Ok(newer) if digits && newer > SAVED_VERSION => Err(RestoreError::Newer(newer)),
        _ => Err(RestoreError::Unreadable("unknown version")),
    }
}

fn decode_answer(checklist: &Checklist, index: usize, value: &str) -> Result<Answer, RestoreError> {
    let step = &checklist.steps[index];
    let offered = |option: &str| step.option(option).is_some();
    let wrong = RestoreError::Unreadable("answer does not fit its question");
    match step.kind {
        StepKind::Choice => Choice::from_id(value)
            .filter(|choice| step.choice(*choice).is_some())
            .map(Answer::Choice)
            .ok_or(wrong),
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
            // "Nothing that I know of" stands alone, as the form allows.
            let exclusive = |c: &String| step.option(c).is_some_and(|o| o.exclusive);
            let lone_exclusive = changes.len() < 2 || !changes.iter().any(exclusive);
            if repeats || !lone_exclusive || !changes.iter().all(|c| offered(c)) {
                return Err(wrong);
            }
            Ok(Answer::When(WhenAnswer {
                date: date.into(),
                changes,
            }))
        }
    }
}
