//! The checklist's content: its schema and the rules every content file must follow.
//!
//! Only `serde` and `std` may be used here: `build.rs` compiles this file too, so that a broken
//! content file fails the build instead of reaching a user.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The schema version of content files this code understands.
pub const CONTENT_SCHEMA: u32 = 1;

/// Answer ids a `choice` step may offer; their labels come from [`UiText`].
pub const CHOICE_IDS: [&str; 3] = ["yes", "no", "unsure"];

/// A whole checklist in one language: the built-in one, or a host's replacement.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub schema: u32,
    pub lang: String,
    /// The mail provider's name, put in place of `{provider}` in every text.
    pub provider: String,
    pub text: UiText,
    pub prerequisites: Prerequisites,
    pub links: BTreeMap<String, Link>,
    pub findings: BTreeMap<String, Finding>,
    pub steps: Vec<Step>,
}

/// Every sentence of the interface that is not part of a step.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UiText {
    pub title: String,
    pub intro: String,
    pub before_you_start: String,
    pub applies_to: String,
    pub difficulty: String,
    pub time_needed: String,
    pub tools_needed: String,
    pub step_of: String,
    pub answered_of: String,
    pub all_answered: String,
    pub steps_heading: String,
    pub status_not_started: String,
    pub status_answered: String,
    pub status_points_to_cause: String,
    pub yes: String,
    pub no: String,
    pub unsure: String,
    pub your_answer: String,
    pub no_date: String,
    pub change: String,
    pub change_step: String,
    pub back: String,
    #[serde(rename = "continue")]
    pub continue_: String,
    pub what_it_means: String,
    pub what_to_do: String,
    pub date_label: String,
    pub date_hint: String,
    pub changes_legend: String,
    pub changes_hint: String,
    pub error_title: String,
    pub error_no_answer: String,
    pub error_no_change: String,
    pub error_nothing_and_change: String,
    pub error_bad_date: String,
    pub error_future_date: String,
    pub summary_heading: String,
    pub summary_question: String,
    pub summary_answer: String,
    pub findings_heading: String,
    pub no_findings: String,
    pub contact_heading: String,
    pub contact_now: String,
    pub contact_if_still: String,
    pub start_again: String,
    pub start_again_question: String,
    pub start_again_confirm: String,
    pub cancel: String,
    pub notice_unavailable: String,
    pub notice_unreadable: String,
    pub notice_newer: String,
    pub notice_save_failed: String,
    pub opens_new_tab: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Prerequisites {
    pub applies_to: String,
    pub difficulty: String,
    pub time_needed: String,
    pub tools: Vec<String>,
    #[serde(default)]
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// A cause that answers can point to, and what to do about it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub title: String,
    pub action: String,
    #[serde(default)]
    pub link: Option<String>,
    /// Only the administrator can fix this cause, so the user should contact them now.
    #[serde(default)]
    pub contact_admin: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// One of Yes / No / Not sure.
    Choice,
    /// A date and the changes made around then.
    When,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub kind: StepKind,
    pub question: String,
    pub why: String,
    #[serde(default)]
    pub link: Option<String>,
    pub options: Vec<AnswerOption>,
}

/// One answer a step offers, with the guidance shown as soon as it is chosen.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub id: String,
    /// Needed by `when` steps; `choice` steps take "Yes" / "No" / "Not sure" from [`UiText`].
    #[serde(default)]
    pub label: Option<String>,
    /// On a `when` step: chosen alone, never together with another option.
    #[serde(default)]
    pub exclusive: bool,
    pub means: String,
    pub next: String,
    #[serde(default)]
    pub points_to: Option<String>,
    #[serde(default)]
    pub link: Option<String>,
}

/// Something wrong in a content file, named by where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub place: String,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.problem)
    }
}

impl Checklist {
    /// Every rule the content must follow beyond its shape. Empty when the content is sound.
    pub fn problems(&self) -> Vec<ContentError> {
        let mut found = Vec::new();
        let mut report = |place: String, problem: &str| {
            found.push(ContentError {
                place,
                problem: problem.to_owned(),
            })
        };
        if self.schema != CONTENT_SCHEMA {
            report("schema".into(), "is not a schema version this widget reads");
        }
        if self.steps.is_empty() {
            report("steps".into(), "must list at least one step");
        }
        if self.text.step_of.is_empty() || self.text.title.is_empty() {
            report("text".into(), "must have a title and a step counter");
        }
        for (id, link) in &self.links {
            if !is_safe_url(&link.url) {
                report(
                    format!("links.{id}.url"),
                    "must be an https:, http: or mailto: address",
                );
            }
        }
        let known_link =
            |link: &Option<String>| link.as_ref().is_none_or(|l| self.links.contains_key(l));
        if !known_link(&self.prerequisites.link) {
            report(
                "prerequisites.link".into(),
                "names a link that is not defined",
            );
        }
        for (id, finding) in &self.findings {
            if !known_link(&finding.link) {
                report(
                    format!("findings.{id}.link"),
                    "names a link that is not defined",
                );
            }
        }
        for (index, step) in self.steps.iter().enumerate() {
            let place = format!("steps[{index}] ({})", step.id);
            if self.steps[..index].iter().any(|s| s.id == step.id) {
                report(place.clone(), "repeats the id of an earlier step");
            }
            if step.question.trim().is_empty() || step.why.trim().is_empty() {
                report(place.clone(), "needs a question and why it matters");
            }
            if !known_link(&step.link) {
                report(place.clone(), "names a link that is not defined");
            }
            if step.kind == StepKind::Choice
                && !(step.options.iter().any(|o| o.id == "yes")
                    && step.options.iter().any(|o| o.id == "no"))
            {
                report(place.clone(), "must offer at least Yes and No");
            }
            if step.options.len() < 2 {
                report(place.clone(), "must offer at least two answers");
            }
            for (n, option) in step.options.iter().enumerate() {
                let place = format!("{place}.options[{n}] ({})", option.id);
                if step.options[..n].iter().any(|o| o.id == option.id) {
                    report(place.clone(), "repeats an answer id");
                }
                match step.kind {
                    StepKind::Choice if !CHOICE_IDS.contains(&option.id.as_str()) => {
                        report(place.clone(), "must be one of yes, no, unsure")
                    }
                    StepKind::When
                        if option.label.as_deref().is_none_or(|l| l.trim().is_empty()) =>
                    {
                        report(place.clone(), "needs a label")
                    }
                    _ => {}
                }
                if option.means.trim().is_empty() || option.next.trim().is_empty() {
                    report(
                        place.clone(),
                        "needs guidance: what it means and what to do next",
                    );
                }
                if option
                    .points_to
                    .as_ref()
                    .is_some_and(|f| !self.findings.contains_key(f))
                {
                    report(place.clone(), "points to a finding that is not defined");
                }
                if !known_link(&option.link) {
                    report(place.clone(), "names a link that is not defined");
                }
            }
        }
        found
    }

    /// Puts the provider's name into every text that mentions `{provider}`.
    pub fn with_provider_name(mut self) -> Self {
        let name = self.provider.clone();
        let fill = |s: &mut String| {
            if s.contains("{provider}") {
                *s = s.replace("{provider}", &name);
            }
        };
        for link in self.links.values_mut() {
            fill(&mut link.label);
        }
        for finding in self.findings.values_mut() {
            fill(&mut finding.title);
            fill(&mut finding.action);
        }
        for step in &mut self.steps {
            fill(&mut step.question);
            fill(&mut step.why);
            for option in &mut step.options {
                fill(&mut option.means);
                fill(&mut option.next);
            }
        }
        self
    }

    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    pub fn link(&self, id: Option<&String>) -> Option<&Link> {
        id.and_then(|id| self.links.get(id))
    }

    /// The label a user sees for an answer option.
    pub fn option_label<'a>(&'a self, option: &'a AnswerOption) -> &'a str {
        match (option.label.as_deref(), option.id.as_str()) {
            (Some(label), _) => label,
            (None, "yes") => &self.text.yes,
            (None, "no") => &self.text.no,
            (None, _) => &self.text.unsure,
        }
    }
}

impl Step {
    pub fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.id == id)
    }
}

/// Links may only lead to web pages or open a mail program: never `javascript:` or `data:`.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme));
    match rest {
        Some(host_and_path) => !host_and_path.is_empty() && !url.chars().any(char::is_whitespace),
        None => lower
            .strip_prefix("mailto:")
            .is_some_and(|to| !to.is_empty()),
    }
}
