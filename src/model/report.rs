//! The report a user hands their administrator: what they tried, what it showed, and when.
//! Built once as a small document, then written as plain text or as Markdown.

use super::checklist::{Checklist, Confidence};
use super::checks::describe::{self, host_of};
use super::config::CheckSettings;
use super::date::Timestamp;
use super::diagnosis::diagnose;
use super::progress::{answer_text, Progress};
use super::{fill, format};
use std::fmt::Write;

/// What a report says, before it is written in one format or another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub title: String,
    /// Label and value: when, which browser, which provider.
    pub facts: Vec<(String, String)>,
    pub answers_heading: String,
    /// Number, question, answer, and when the answer was given.
    pub answers: Vec<(usize, String, String, Option<String>)>,
    pub checks_heading: String,
    /// What each check the user ran found, with when it was taken.
    pub checks: Vec<String>,
    pub findings_heading: String,
    /// A sentence introducing the points below (or saying there are none).
    pub findings_intro: Option<String>,
    pub points: Vec<String>,
    pub closing: String,
}

/// Everything a report says, from the answers, the time now (and the user's time zone, in
/// minutes east of UTC) and the user's browser.
pub fn build(
    checklist: &Checklist,
    progress: &Progress,
    settings: &CheckSettings,
    now: Timestamp,
    offset_minutes: i32,
    browser: &str,
) -> Report {
    let text = &checklist.text;
    let when = |moment: Timestamp| format::moment(text, moment, offset_minutes);
    let mut facts = Vec::new();
    if let Some(started) = progress.started() {
        facts.push((text.report_started().to_string(), when(started)));
    }
    facts.push((text.report_made().to_string(), when(now)));
    facts.push((text.report_browser().to_string(), browser.to_owned()));
    facts.push((
        text.report_provider().to_string(),
        checklist.provider.to_string(),
    ));

    let answers = checklist
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let answer = if progress.is_answered(checklist, index) {
                answer_text(checklist, progress, index)
            } else {
                text.report_not_answered().to_string()
            };
            let given = progress
                .answered_at(index)
                .map(|moment| fill(text.report_given(), &[("when", &when(moment))]));
            (index + 1, step.question.to_string(), answer, given)
        })
        .collect();

    let checks = check_lines(checklist, progress, settings, &when);
    let diagnosis = diagnose(checklist, progress);
    let mut points: Vec<String> = diagnosis
        .causes()
        .iter()
        .filter_map(|cause| {
            let finding = checklist.finding(&cause.finding)?;
            let mut line = format!(
                "{}: {}. {}",
                confidence_label(checklist, cause.confidence),
                finding.title,
                finding.action
            );
            if let Some(link) = checklist.link(finding.link.as_ref()) {
                line.push_str(&format!(" {}: {}", link.label, link.url));
            }
            Some(line)
        })
        .collect();
    points.extend(
        diagnosis
            .conflicts()
            .iter()
            .filter_map(|&i| checklist.conflicts.get(i))
            .map(|c| c.explanation.to_string()),
    );
    let findings_intro = if !diagnosis.conflicts().is_empty() {
        Some(text.conflicting().to_string())
    } else if diagnosis.is_no_cause() {
        Some(text.no_findings().to_string())
    } else if points.is_empty() {
        points = diagnosis
            .open()
            .iter()
            .filter_map(|&i| checklist.steps.get(i))
            .map(|s| s.question.to_string())
            .collect();
        Some(text.not_enough().to_string())
    } else {
        None
    };

    Report {
        title: text.report_title().to_string(),
        facts,
        answers_heading: text.report_answers().to_string(),
        answers,
        checks_heading: text.checks_heading().to_string(),
        checks,
        findings_heading: text.findings_heading().to_string(),
        findings_intro,
        points,
        closing: text.contact_if_still().to_string(),
    }
}

/// One line a check: what it found, and when.
fn check_lines(
    checklist: &Checklist,
    progress: &Progress,
    settings: &CheckSettings,
    when: &dyn Fn(Timestamp) -> String,
) -> Vec<String> {
    let text = &checklist.text;
    let checks = progress.checks();
    let seconds = settings.timeout_seconds;
    let checked = |at| fill(text.checked_at(), &[("when", &when(at))]);
    let mut lines = Vec::new();
    if let Some(check) = &checks.mx {
        let verdict = describe::mx_verdict(checklist, check, host_of(&settings.doh_url), seconds);
        let mut line = format!(
            "{}: {verdict}",
            fill(text.mx_heading(), &[("domain", &check.domain)])
        );
        if check.outcome.is_ok() {
            line.push_str(&format!(
                " {}: {}. {}: {}.",
                text.mx_found(),
                describe::mx_found(checklist, check),
                text.mx_expected(),
                settings.expected_mx.join(", ")
            ));
        }
        lines.push(format!("{line} {}", checked(check.at)));
    }
    if let Some(check) = &checks.registration {
        let found = describe::registration(
            checklist,
            check,
            progress.today(),
            host_of(&settings.rdap_url),
            seconds,
        );
        lines.push(format!(
            "{}: {} {}",
            fill(text.reg_heading(), &[("domain", &check.domain)]),
            found.join(" "),
            checked(check.at)
        ));
    }
    if let Some(check) = &checks.portal {
        lines.push(format!(
            "{}: {} {}",
            text.portal_heading(),
            describe::portal(checklist, check, seconds),
            checked(check.at)
        ));
    }
    lines
}

pub fn confidence_label(checklist: &Checklist, confidence: Confidence) -> &str {
    match confidence {
        Confidence::Strong => checklist.text.confidence_strong(),
        Confidence::Likely => checklist.text.confidence_likely(),
        Confidence::Possible => checklist.text.confidence_possible(),
    }
}

impl Report {
    /// The report as plain text, for a text file or the body of an email.
    pub fn text(&self) -> String {
        self.write(false)
    }

    /// The same report as Markdown.
    pub fn markdown(&self) -> String {
        self.write(true)
    }

    /// One layout for both forms; only the marks differ.
    fn write(&self, markdown: bool) -> String {
        let mut out = String::new();
        let heading = |out: &mut String, text: &str| {
            let _ = if markdown {
                write!(out, "\n## {text}\n\n")
            } else {
                write!(out, "\n{text}\n\n")
            };
        };
        let _ = if markdown {
            writeln!(out, "# {}", self.title)
        } else {
            writeln!(
                out,
                "{}\n{}",
                self.title,
                "=".repeat(self.title.chars().count())
            )
        };
        out.push('\n');
        for (label, value) in &self.facts {
            let _ = if markdown {
                writeln!(out, "- **{label}:** {value}")
            } else {
                writeln!(out, "{label}: {value}")
            };
        }
        heading(&mut out, &self.answers_heading);
        for (number, question, answer, given) in &self.answers {
            let _ = if markdown {
                write!(out, "{number}. **{question}**  \n   {answer}")
            } else {
                write!(out, "{number}. {question}\n   {answer}")
            };
            if let Some(given) = given {
                let _ = if markdown {
                    write!(out, " _({given})_")
                } else {
                    write!(out, " ({given})")
                };
            }
            out.push('\n');
        }
        if !self.checks.is_empty() {
            heading(&mut out, &self.checks_heading);
            for line in &self.checks {
                let _ = writeln!(out, "- {line}");
            }
        }
        heading(&mut out, &self.findings_heading);
        if let Some(intro) = &self.findings_intro {
            let _ = writeln!(out, "{intro}{}", if markdown { "\n" } else { "" });
        }
        for point in &self.points {
            let _ = writeln!(out, "- {point}");
        }
        let _ = write!(out, "\n{}\n", self.closing);
        out
    }
}

/// The longest `mailto:` link made: mail programs and browsers start refusing past about 2,000.
pub const MAX_MAILTO_LEN: usize = 1900;

/// A `mailto:` link with subject and body, shortened to fit [`MAX_MAILTO_LEN`]; the flag says
/// whether the body had to be cut (and `cut_note` was added).
pub fn mailto(to: Option<&str>, subject: &str, body: &str, cut_note: &str) -> (String, bool) {
    // The address was checked to be plain when it was set, so it goes in as it is.
    let head = format!(
        "mailto:{}?subject={}&body=",
        to.unwrap_or(""),
        encode(subject)
    );
    let whole = format!("{head}{}", encode(body));
    if whole.len() <= MAX_MAILTO_LEN {
        return (whole, false);
    }
    let note = encode(&format!("\n\n{cut_note}"));
    let room = MAX_MAILTO_LEN.saturating_sub(head.len() + note.len());
    let mut kept = String::new();
    let mut length = 0;
    for c in body.chars() {
        let encoded = encode(c.encode_utf8(&mut [0; 4]));
        if length + encoded.len() > room {
            break;
        }
        length += encoded.len();
        kept.push_str(&encoded);
    }
    (format!("{head}{kept}{note}"), true)
}

/// Percent-encodes all but unreserved characters (RFC 3986), newlines as CR LF (RFC 6068).
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.replace("\r\n", "\n").replace('\n', "\r\n").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
