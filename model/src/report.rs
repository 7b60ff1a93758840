//! The report a user hands their administrator: what the answers point to and what to do,
//! then what the checks found, then the answers, then when and on what. Built once as a small
//! document, then written as plain text, as Markdown, or as short as an email link needs.

use super::checklist::{Checklist, Confidence, Conflict};
use super::checks::describe::{self, host_of};
use super::checks::CheckKind;
use super::config::CheckSettings;
use super::date::Timestamp;
use super::diagnosis::{conflict_answers, diagnose, Diagnosis, RankedCause};
use super::format;
use super::next_steps::next_steps;
use super::outcome::Mark;
use super::progress::{answer_text, Progress};
use super::VERSION;
use crate::digits::decimal;

/// A cause the answers point to, as the report names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cause {
    pub confidence: String,
    pub title: String,
    /// Which answers and checks point here: "from question 5 · from the mail records check".
    pub sources: String,
    pub action: String,
    /// The finding's link: its label and address.
    pub link: Option<(String, String)>,
    /// Tried, and it didn't fix the problem.
    pub tried: bool,
}

/// One question and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerLine {
    pub number: usize,
    pub question: String,
    pub answer: String,
    /// When the answer was given, in the content's words ("given …").
    pub given: Option<String>,
}

/// What one check found: the verdict, then the details an email can do without.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckLine {
    pub verdict: String,
    pub details: String,
}

/// What a report says, before it is written in one form or another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub title: String,
    /// "Fixed by: …", when the user said which finding fixed it.
    pub fixed_by: Option<String>,
    /// Follows a cause tried without luck.
    pub tried_label: String,
    pub findings_heading: String,
    /// Most likely first.
    pub causes: Vec<Cause>,
    pub conflicts_intro: String,
    /// Each conflict the answers fall into: the answers that clash, and what it means.
    pub conflicts: Vec<(String, String)>,
    pub open_intro: String,
    /// With no cause found, the questions still open (number and question).
    pub open: Vec<(usize, String)>,
    /// Said when the answers point nowhere and nothing is open.
    pub no_cause: Option<String>,
    pub to_do_heading: String,
    /// The next step of each answer, "Not sure" ones (how to find out) included.
    pub to_do: Vec<String>,
    pub closing: String,
    /// The mail app's settings, when a cause says to set it up again: heading and lines.
    pub settings: Option<(String, Vec<String>)>,
    pub checks_heading: String,
    pub checks: Vec<CheckLine>,
    pub answers_heading: String,
    pub answers: Vec<AnswerLine>,
    /// Label and value: when, which browser, which provider.
    pub facts: Vec<(String, String)>,
    /// Label and value: which troubleshooter made the report. Last, and kept in an email
    /// however short: the help desk asks for it first.
    pub version: (String, String),
    /// Ends an email that had to leave details out.
    pub cut_note: String,
    /// Ends an email that couldn't hold even the findings.
    pub findings_cut_note: String,
}

/// Everything a report says, from the answers, the time now (and the user's time zone, in
/// minutes east of UTC) and the user's browser (see [`super::user_agent::describe`]).
pub fn build(
    checklist: &Checklist,
    progress: &Progress,
    settings: &CheckSettings,
    now: Timestamp,
    offset_minutes: i32,
    browser: &str,
) -> Report {
    let diagnosis = diagnose(checklist, progress);
    build_from(
        checklist,
        progress,
        &diagnosis,
        settings,
        now,
        offset_minutes,
        browser,
    )
}

/// [`build`] from a diagnosis of `progress` already made.
pub fn build_from(
    checklist: &Checklist,
    progress: &Progress,
    diagnosis: &Diagnosis,
    settings: &CheckSettings,
    now: Timestamp,
    offset_minutes: i32,
    browser: &str,
) -> Report {
    let text = &checklist.text;
    let when = |moment: Timestamp| format::moment(text, moment, offset_minutes);
    // Marks on findings that are no longer causes are left out (see `Outcome::among`).
    let outcome = &diagnosis.marks_among(progress.outcome());
    let causes: Vec<Cause> = diagnosis
        .lead_order(outcome)
        .into_iter()
        .filter_map(|cause| {
            let finding = checklist.finding(&cause.finding)?;
            Some(Cause {
                confidence: confidence_label(checklist, cause.confidence).to_owned(),
                title: finding.title.to_string(),
                sources: sources(checklist, cause).join(" · "),
                action: finding.action.to_string(),
                link: checklist
                    .link(finding.link.as_ref())
                    .map(|link| (link.label.to_string(), link.url.to_string())),
                tried: outcome.mark(&cause.finding) == Some(Mark::Tried),
            })
        })
        .collect();
    let conflicts = diagnosis
        .conflicts()
        .iter()
        .filter_map(|&index| checklist.conflicts.get(index))
        .map(|conflict| {
            (
                clashing_answers(checklist, conflict),
                conflict.explanation.to_string(),
            )
        })
        .collect();
    // The to-do list and the answers show the "Not sure" and unanswered steps; only with no
    // cause at all are they listed here, as what would settle it.
    let open: Vec<(usize, String)> = if causes.is_empty() {
        diagnosis
            .open()
            .iter()
            .filter_map(|&index| {
                Some((index + 1, checklist.steps.get(index)?.question.to_string()))
            })
            .collect()
    } else {
        Vec::new()
    };
    let no_cause = diagnosis
        .is_no_cause()
        .then(|| text.no_findings().to_string());
    let to_check = text.todo_to_check();
    let to_do = next_steps(checklist, progress)
        .into_iter()
        .map(|next| {
            let mut line = next.text;
            line.push_str(" (");
            line.push_str(&text.answered_from(&(next.step + 1).to_string()));
            if next.unsure {
                line.push_str(", ");
                line.push_str(to_check);
            }
            line.push(')');
            line
        })
        .collect();

    let answers = checklist
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| AnswerLine {
            number: index + 1,
            question: step.question.to_string(),
            answer: if progress.is_answered(checklist, index) {
                answer_text(checklist, progress, index)
            } else {
                text.report_not_answered().to_string()
            },
            // A half-given answer has a time, but nothing was given yet.
            given: progress
                .answered_at(index)
                .filter(|_| progress.is_answered(checklist, index))
                .map(|moment| text.report_given(&when(moment))),
        })
        .collect();

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

    Report {
        title: text.report_title().to_string(),
        fixed_by: outcome
            .fixed
            .as_deref()
            .and_then(|id| checklist.finding(id))
            .map(|finding| text.report_fixed_by(&finding.title)),
        tried_label: text.outcome_tried().to_string(),
        findings_heading: text.findings_heading().to_string(),
        causes,
        conflicts_intro: text.conflicting().to_string(),
        conflicts,
        open_intro: text.not_enough().to_string(),
        open,
        no_cause,
        to_do_heading: text.todo_heading().to_string(),
        to_do,
        closing: text.contact_if_still().to_string(),
        settings: super::servers::report_lines(
            checklist,
            diagnosis,
            &settings.servers,
            progress.mail_app(),
        ),
        checks_heading: text.checks_heading().to_string(),
        checks: check_lines(checklist, progress, settings, &when),
        answers_heading: text.report_answers().to_string(),
        answers,
        facts,
        version: (text.report_version().to_string(), VERSION.to_owned()),
        cut_note: text.report_cut().to_string(),
        findings_cut_note: text.report_findings_cut(text.report_copy(), text.report_download()),
    }
}

/// What each check the user ran found, and when.
fn check_lines(
    checklist: &Checklist,
    progress: &Progress,
    settings: &CheckSettings,
    when: &dyn Fn(Timestamp) -> String,
) -> Vec<CheckLine> {
    let text = &checklist.text;
    let checks = progress.checks();
    let seconds = settings.timeout_seconds;
    let checked = |at| text.checked_at(&when(at));
    let mut lines = Vec::new();
    if let Some(check) = &checks.mx {
        let verdict = describe::mx_verdict(checklist, check, host_of(&settings.doh_url), seconds);
        let mut details = String::new();
        if check.outcome.is_ok() {
            details = [
                text.mx_found(),
                ": ",
                &describe::mx_found(checklist, check),
                ". ",
                text.mx_expected(),
                ": ",
                &settings.expected_mx.join(", "),
                ". ",
            ]
            .concat();
        }
        details.push_str(&checked(check.at));
        lines.push(CheckLine {
            verdict: text.mx_heading(&check.domain) + ": " + &verdict,
            details,
        });
    }
    lines.extend(record_lines(checklist, progress, settings, &checked));
    if let Some(check) = &checks.registration {
        let mut found = describe::registration(
            checklist,
            check,
            progress.today(),
            host_of(&settings.rdap_url),
            seconds,
        );
        // The state, then the registrar if known.
        let state = if found.is_empty() {
            String::new()
        } else {
            found.remove(0)
        };
        found.push(checked(check.at));
        lines.push(CheckLine {
            verdict: text.reg_heading(&check.domain) + ": " + &state,
            details: found.join(" "),
        });
    }
    if let Some(check) = &checks.portal {
        lines.push(CheckLine {
            verdict: [
                text.portal_heading(),
                ": ",
                &describe::portal(checklist, check, seconds),
            ]
            .concat(),
            details: checked(check.at),
        });
    }
    lines
}

/// The SPF and autodiscover records' lines: the same sentence as on screen, then what was
/// found and expected.
fn record_lines(
    checklist: &Checklist,
    progress: &Progress,
    settings: &CheckSettings,
    checked: &dyn Fn(Timestamp) -> String,
) -> Vec<CheckLine> {
    let text = &checklist.text;
    let checks = progress.checks();
    let (service, seconds) = (host_of(&settings.doh_url), settings.timeout_seconds);
    let found_expected = |found: String, expected: &str| {
        [
            text.mx_found(),
            ": ",
            &found,
            ". ",
            text.mx_expected(),
            ": ",
            expected,
            ". ",
        ]
        .concat()
    };
    let mut lines = Vec::new();
    if let Some(check) = &checks.spf {
        let include = &settings.spf_include;
        let mut details = describe::spf_found(checklist, check, include)
            .map(|found| found_expected(found, include))
            .unwrap_or_default();
        details.push_str(&checked(check.at));
        lines.push(CheckLine {
            verdict: text.spf_heading(&check.domain)
                + ": "
                + &describe::spf(checklist, check, include, service, seconds),
            details,
        });
    }
    if let Some(check) = &checks.autodiscover {
        let target = &settings.autodiscover_target;
        let chain = describe::autodiscover_chain(check);
        let mut details = match chain.is_empty() {
            false => found_expected(chain, target),
            true => String::new(),
        };
        details.push_str(&checked(check.at));
        lines.push(CheckLine {
            verdict: text.autodiscover_heading(&check.domain)
                + ": "
                + &describe::autodiscover(checklist, check, target, service, seconds),
            details,
        });
    }
    lines
}

/// Which answers and checks point to a cause: "from question 3", "from the mail records check".
pub fn sources(checklist: &Checklist, cause: &RankedCause) -> Vec<String> {
    let text = &checklist.text;
    let mut sources = Vec::new();
    if !cause.steps.is_empty() {
        let numbers: Vec<String> = cause.steps.iter().map(|s| decimal(*s as u64 + 1)).collect();
        sources.push(text.answered_from(&numbers.join(", ")));
    }
    for kind in &cause.checks {
        match kind {
            CheckKind::Mx => sources.push(text.from_mx_check().to_string()),
            CheckKind::Registration => sources.push(text.from_registration_check().to_string()),
            CheckKind::Spf => sources.push(text.from_spf_check().to_string()),
            CheckKind::Autodiscover => sources.push(text.from_autodiscover_check().to_string()),
            CheckKind::Portal => {}
        }
    }
    sources
}

/// "You answered Yes to question 5, Yes to question 6.": the answers a conflict names.
pub fn clashing_answers(checklist: &Checklist, conflict: &Conflict) -> String {
    let text = &checklist.text;
    let answers: Vec<String> = conflict_answers(conflict)
        .map(|(step, option)| {
            let answer = checklist.steps[step]
                .option(option)
                .map(|o| checklist.option_label(o))
                .unwrap_or_default();
            text.conflict_answer(answer, &decimal(step as u64 + 1))
        })
        .collect();
    text.conflict_between(&answers.join(", "))
}

pub fn confidence_label(checklist: &Checklist, confidence: Confidence) -> &str {
    match confidence {
        Confidence::Strong => checklist.text.confidence_strong(),
        Confidence::Likely => checklist.text.confidence_likely(),
        Confidence::Possible => checklist.text.confidence_possible(),
    }
}

/// How much a written report keeps. An email link takes the first that fits: each leaves
/// out more of what matters least to the administrator, and none a finding's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Detail {
    All,
    /// Without when each answer was given.
    NoAnswerTimes,
    /// Answers by number ("5. Yes"), without the questions' wording.
    ShortAnswers,
    /// Checks by verdict, without the records found, the registrar and when.
    ShortChecks,
    /// Without the list of what to do (the findings say it again).
    NoToDo,
    /// Findings by title, without where they come from, their action and link (and
    /// conflicts by the answers that clash, without what that means).
    FindingTitles,
    /// Without when and on what (the browser, the provider); the version stays.
    NoFacts,
    /// Without the answers (what the checks found stays: it is the surer evidence).
    NoAnswers,
    /// Nothing but the findings (and the version).
    FindingsOnly,
}

const DETAILS: [Detail; 9] = [
    Detail::All,
    Detail::NoAnswerTimes,
    Detail::ShortAnswers,
    Detail::ShortChecks,
    Detail::NoToDo,
    Detail::FindingTitles,
    Detail::NoFacts,
    Detail::NoAnswers,
    Detail::FindingsOnly,
];

/// How an email link holds the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    Whole,
    /// Details left out; every finding is there.
    Shortened,
    /// Not even every finding fits: the body says so and where the whole report is.
    FindingsCut,
}

/// The longest `mailto:` link made: mail programs and browsers start refusing past about 2,000.
pub const MAX_MAILTO_LEN: usize = 1900;

impl Report {
    /// The report as plain text, for a text file.
    pub fn text(&self) -> String {
        self.write(false, Detail::All)
    }

    /// The same report as Markdown.
    pub fn markdown(&self) -> String {
        self.write(true, Detail::All)
    }

    /// The report as plain text with only as much detail as `detail` keeps.
    pub fn text_with(&self, detail: Detail) -> String {
        self.write(false, detail)
    }

    /// One layout for both forms; only the marks differ.
    fn write(&self, markdown: bool, detail: Detail) -> String {
        let mut out = Out {
            text: String::new(),
            markdown,
        };
        out.raw(if markdown { "# " } else { "" });
        out.put(&self.title);
        out.raw("\n");
        // What fixed it comes first: kept however short an email must be.
        if let Some(fixed_by) = &self.fixed_by {
            out.raw("\n");
            out.raw(if markdown { "**" } else { "" });
            out.put(fixed_by);
            out.raw(if markdown { "**\n" } else { "\n" });
        }

        out.heading(&self.findings_heading);
        for cause in &self.causes {
            out.raw(if markdown { "- **" } else { "- " });
            out.put(&cause.confidence);
            out.raw(": ");
            out.put(&cause.title);
            out.raw(if markdown { "**" } else { "" });
            if cause.tried {
                out.raw(" · ");
                out.put(&self.tried_label);
            }
            if detail < Detail::FindingTitles {
                if !cause.sources.is_empty() {
                    out.raw(" (");
                    out.put(&cause.sources);
                    out.raw(")");
                }
                out.line_break("  ");
                out.put(&cause.action);
                if let Some((label, url)) = &cause.link {
                    out.line_break("  ");
                    out.put(label);
                    out.raw(": ");
                    out.url(url);
                }
            }
            out.raw("\n");
        }
        if !self.conflicts.is_empty() {
            out.paragraph(&self.conflicts_intro);
            for (answers, explanation) in &self.conflicts {
                out.raw("- ");
                out.put(answers);
                if detail < Detail::FindingTitles {
                    out.raw(" ");
                    out.put(explanation);
                }
                out.raw("\n");
            }
        }
        if !self.open.is_empty() {
            out.paragraph(&self.open_intro);
            if detail < Detail::ShortAnswers {
                for (number, question) in &self.open {
                    out.raw("- ");
                    out.number(*number);
                    out.put(question);
                    out.raw("\n");
                }
            } else {
                let numbers: Vec<String> =
                    self.open.iter().map(|(n, _)| decimal(*n as u64)).collect();
                out.raw(&numbers.join(", "));
                out.raw("\n");
            }
        }
        if let Some(no_cause) = &self.no_cause {
            out.put(no_cause);
            out.raw("\n");
        }

        if detail < Detail::NoToDo {
            if !self.to_do.is_empty() {
                out.heading(&self.to_do_heading);
                for step in &self.to_do {
                    out.raw("- ");
                    out.put(step);
                    out.raw("\n");
                }
            }
            out.paragraph(&self.closing);
        }
        // The administrator knows the settings: the first thing an email leaves out.
        if let (Some((heading, lines)), Detail::All) = (&self.settings, detail) {
            out.heading(heading);
            for line in lines {
                out.raw("- ");
                out.put(line);
                out.raw("\n");
            }
        }
        if detail == Detail::FindingsOnly {
            out.raw("\n");
            out.fact(&self.version);
            return out.text;
        }

        if !self.checks.is_empty() {
            out.heading(&self.checks_heading);
            for check in &self.checks {
                out.raw("- ");
                out.put(&check.verdict);
                if detail < Detail::ShortChecks && !check.details.is_empty() {
                    out.raw(" ");
                    out.put(&check.details);
                }
                out.raw("\n");
            }
        }

        if detail < Detail::NoAnswers {
            out.heading(&self.answers_heading);
            for answer in &self.answers {
                out.raw(&decimal(answer.number as u64));
                out.raw(". ");
                if detail < Detail::ShortAnswers {
                    out.raw(if markdown { "**" } else { "" });
                    out.put(&answer.question);
                    out.raw(if markdown { "**" } else { "" });
                    out.line_break("   ");
                }
                out.put(&answer.answer);
                if let (Some(given), true) = (&answer.given, detail < Detail::NoAnswerTimes) {
                    out.raw(if markdown { " _(" } else { " (" });
                    out.put(given);
                    out.raw(if markdown { ")_" } else { ")" });
                }
                out.raw("\n");
            }
        }
        out.raw("\n");
        let facts = if detail >= Detail::NoFacts {
            &[][..]
        } else {
            &self.facts[..]
        };
        for fact in facts.iter().chain([&self.version]) {
            out.fact(fact);
        }
        out.text
    }

    /// A `mailto:` link with subject and body, no longer than [`MAX_MAILTO_LEN`]. The body
    /// keeps every finding: details go first, least useful first (see [`Detail`]); only if
    /// the findings alone can't fit does it end early, saying so and where the rest is.
    pub fn mailto(&self, to: Option<&str>, subject: &str) -> (String, Fit) {
        // The address was checked to be plain when it was set, so it goes in as it is.
        let mut head = String::from("mailto:");
        head.push_str(to.unwrap_or(""));
        head.push_str("?subject=");
        head.push_str(&encode(subject));
        head.push_str("&body=");
        for detail in DETAILS {
            let mut body = self.write(false, detail);
            if detail != Detail::All {
                body.push('\n');
                body.push_str(&self.cut_note);
            }
            let href = head.clone() + &encode(&body);
            if href.len() <= MAX_MAILTO_LEN {
                let fit = if detail == Detail::All {
                    Fit::Whole
                } else {
                    Fit::Shortened
                };
                return (href, fit);
            }
        }
        // Whole lines, as many as fit, so no title is left half-written.
        let note = encode(&(String::from("\n") + &self.findings_cut_note));
        let room = MAX_MAILTO_LEN.saturating_sub(note.len());
        let mut href = head;
        for line in self
            .write(false, Detail::FindingsOnly)
            .split_inclusive('\n')
        {
            let line = encode(line);
            if href.len() + line.len() > room {
                break;
            }
            href.push_str(&line);
        }
        href.push_str(&note);
        (href, Fit::FindingsCut)
    }
}

/// The report being written, in one form.
struct Out {
    text: String,
    markdown: bool,
}

impl Out {
    fn raw(&mut self, marks: &str) {
        self.text.push_str(marks);
    }

    /// A text from the content or from outside. In Markdown its marks are escaped, so no
    /// name, answer or check result can become a link, a heading or emphasis.
    fn put(&mut self, text: &str) {
        for c in text.chars() {
            if self.markdown && "\\`*_[]<>#|~".contains(c) {
                self.text.push('\\');
            }
            self.text.push(c);
        }
    }

    /// A line of when and on what: `Label: value`.
    fn fact(&mut self, (label, value): &(String, String)) {
        self.raw(if self.markdown { "- **" } else { "" });
        self.put(label);
        self.raw(if self.markdown { ":** " } else { ": " });
        self.put(value);
        self.raw("\n");
    }

    /// An address: in Markdown between `<>` (a link to itself), unless it holds those marks.
    fn url(&mut self, url: &str) {
        if self.markdown && !url.contains(['<', '>']) {
            self.raw("<");
            self.raw(url);
            self.raw(">");
        } else {
            self.put(url);
        }
    }

    /// "5. " starting a line's text: escaped in Markdown inside a list item, where it would
    /// start a list of its own.
    fn number(&mut self, number: usize) {
        self.raw(&decimal(number as u64));
        self.raw(if self.markdown { "\\. " } else { ". " });
    }

    fn heading(&mut self, heading: &str) {
        self.raw(if self.markdown { "\n## " } else { "\n" });
        self.put(heading);
        self.raw("\n\n");
    }

    /// A paragraph of its own: after a blank line (a heading leaves one already).
    fn paragraph(&mut self, text: &str) {
        if !self.text.ends_with("\n\n") {
            self.raw("\n");
        }
        self.put(text);
        self.raw("\n");
    }

    /// A new line inside a list item: Markdown needs two spaces before it to keep it.
    fn line_break(&mut self, indent: &str) {
        self.raw(if self.markdown { "  \n" } else { "\n" });
        self.raw(indent);
    }
}

/// Percent-encodes all but unreserved characters (RFC 3986), newlines as CR LF (RFC 6068).
fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.replace("\r\n", "\n").replace('\n', "\r\n").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}
