//! The checklist's content: its schema, and where each concern about it lives.
//!
//! `build.rs` uses this crate too, so that a broken content file fails the build instead of
//! reaching a user. The schema's types are here; the rest, by concern:
//! `ui_text` (the interface's texts), `rules` (what content must follow), `translation`
//! (comparing languages, the positional translation format and its fingerprint), `provider`
//! (putting the provider's name in) and `url` (which addresses a link may have).

mod ids;
mod provider;
mod rules;
mod translation;
mod ui_text;
mod url;

pub use ids::{AnswerRef, Choice, OptionRef, Signal, StepCheck, StrictIds};
pub use rules::{is_plain_id, ContentError};
pub use ui_text::UiText;
pub use url::{has_login, is_safe_url, MAX_URL_LEN};

use serde::Deserialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Content text: borrowed for the built-in checklist (compiled in), owned for a host's own.
pub type Text = Cow<'static, str>;
/// A list in the content, borrowed or owned like [`Text`].
pub type List<T> = Cow<'static, [T]>;

/// The schema version of content files this code understands.
pub const CONTENT_SCHEMA: u32 = 1;

/// Words the saved-progress format uses itself, so no step may be called by them.
pub const RESERVED_STEP_IDS: [&str; 7] = ["v", "at", "started", "summary", "fixed", "tried", "app"];

/// A whole checklist in one language: the built-in one, or a host's replacement.
#[derive(Debug, Clone, PartialEq)]
pub struct Checklist {
    pub schema: u32,
    pub lang: Text,
    /// The mail provider's name, put in place of `{provider}` in every text.
    pub provider: Text,
    pub text: UiText,
    pub prerequisites: Prerequisites,
    pub links: List<Link>,
    pub findings: List<Finding>,
    pub steps: List<Step>,
    /// Answers that can't all be true at once.
    pub conflicts: List<Conflict>,
    /// What the browser's checks finding something points to.
    pub check_rules: List<CheckRule>,
    /// The mail apps the user can say they use, each with its own set-up lines.
    pub mail_apps: List<MailApp>,
}

// One generic map instead of a derived visitor for each of these keeps the wasm much smaller.
/// A checklist as a content file (or a host's JSON) gives it. Its `[text]` is a plain map,
/// completed from another language's texts where keys are missing: the built-in files give
/// every key; a host's own checklist may give only the texts it changes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistFile {
    pub schema: u32,
    pub lang: Text,
    pub provider: Text,
    #[serde(default)]
    pub text: BTreeMap<String, Text>,
    pub prerequisites: Prerequisites,
    pub links: List<Link>,
    pub findings: List<Finding>,
    pub steps: List<Step>,
    #[serde(default)]
    pub conflicts: List<Conflict>,
    #[serde(default)]
    pub check_rules: List<CheckRule>,
    #[serde(default)]
    pub mail_apps: List<MailApp>,
}

impl ChecklistFile {
    /// The checklist, with any text the file leaves out taken from `defaults`.
    pub fn complete(self, defaults: Option<&UiText>) -> Result<Checklist, String> {
        let mut checklist = Checklist {
            schema: self.schema,
            lang: self.lang,
            provider: self.provider,
            text: UiText::from_map(self.text, defaults)?,
            prerequisites: self.prerequisites,
            links: self.links,
            findings: self.findings,
            steps: self.steps,
            conflicts: self.conflicts,
            check_rules: self.check_rules,
            mail_apps: self.mail_apps,
        };
        checklist.resolve();
        Ok(checklist)
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prerequisites {
    pub applies_to: Text,
    pub difficulty: Text,
    pub time_needed: Text,
    pub tools: List<Text>,
    #[serde(default)]
    pub link: Option<Text>,
    /// One line shown before the first question: how long it takes and what is needed when.
    #[serde(default)]
    pub in_short: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub id: Text,
    pub label: Text,
    pub url: Text,
}

/// A cause that answers can point to, and what to do about it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: Text,
    pub title: Text,
    pub action: Text,
    #[serde(default)]
    pub link: Option<Text>,
    /// Only the administrator can fix this cause, so the user should contact them now.
    #[serde(default)]
    pub contact_admin: bool,
    /// The fix is to set the mail app up again: the mail app's settings are shown with it.
    #[serde(default)]
    pub sets_up: bool,
}

/// A mail app the user can say they use, and how to set it up again in it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailApp {
    pub id: Text,
    pub label: Text,
    /// The set-up step in this app, a line each.
    pub lines: List<Text>,
    /// Apple Mail: offer a set-up profile (`.mobileconfig`) to download.
    #[serde(default)]
    pub profile: bool,
}

/// How strongly an answer points to its cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Possible,
    Likely,
    Strong,
}

/// A signal from a check and the finding it points to.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRule {
    /// A host's unknown one is read as [`Signal::Unknown`], for `problems()` to name.
    #[serde(deserialize_with = "Signal::leniently")]
    pub signal: Signal,
    pub points_to: Text,
    pub confidence: Confidence,
    /// The rule holds only with this answer, written `step=option`: an autodiscover record
    /// pointing elsewhere means a move only for someone whose mail moved.
    #[serde(default)]
    pub if_answer: Option<Text>,
    /// `if_answer` resolved when the content is read ([`Checklist::resolve`]).
    #[serde(skip)]
    pub if_answer_ref: Option<AnswerRef>,
}

/// Answers that contradict each other, each written `step=option`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub answers: List<Text>,
    pub explanation: Text,
    /// `answers` resolved when the content is read ([`Checklist::resolve`]).
    #[serde(skip)]
    pub answer_refs: List<AnswerRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// One of Yes / No / Not sure.
    Choice,
    /// A date and the changes made around then.
    When,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: Text,
    pub kind: StepKind,
    pub question: Text,
    pub why: Text,
    #[serde(default)]
    pub link: Option<Text>,
    /// A check the browser can run for this question. A host's unknown one is read as
    /// [`StepCheck::Unknown`], for `problems()` to name.
    #[serde(default, deserialize_with = "ids::check_leniently")]
    pub check: Option<StepCheck>,
    /// This step sends the user to another computer or network, so its guidance offers the
    /// link that carries their answers there.
    #[serde(default)]
    pub offers_continue: bool,
    pub options: List<AnswerOption>,
}

/// One answer a step offers, with the guidance shown as soon as it is chosen.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub id: Text,
    /// Needed by `when` steps; `choice` steps take "Yes" / "No" / "Not sure" from [`UiText`].
    #[serde(default)]
    pub label: Option<Text>,
    /// On a `when` step: chosen alone, never together with another option.
    #[serde(default)]
    pub exclusive: bool,
    pub means: Text,
    pub next: Text,
    /// `next` in a few words, for the answered step and the to-do list; none when the only
    /// next step is the next question.
    #[serde(default)]
    pub todo: Option<Text>,
    #[serde(default)]
    pub points_to: Option<Text>,
    /// How strongly `points_to` follows from this answer.
    #[serde(default)]
    pub confidence: Option<Confidence>,
    /// The answer states the cause itself ("I changed my password") rather than pointing to
    /// it: among equally sure causes, these come first.
    #[serde(default)]
    pub names_cause: bool,
    /// The rest of the questions won't help after this answer: get help now is offered first.
    #[serde(default)]
    pub offers_help: bool,
    #[serde(default)]
    pub link: Option<Text>,
}

impl Checklist {
    /// Resolves the `step=option` answers conflicts and check rules name to the typed
    /// references the diagnosis reads. One that names nothing stays out (or `None`), which
    /// `problems()` reports by place.
    pub fn resolve(&mut self) {
        let mut conflicts = self.conflicts.to_vec();
        for conflict in &mut conflicts {
            let refs = conflict.answers.iter().filter_map(|a| self.answer_of(a));
            conflict.answer_refs = refs.collect::<Vec<_>>().into();
        }
        let mut rules = self.check_rules.to_vec();
        for rule in &mut rules {
            rule.if_answer_ref = rule.if_answer.as_deref().and_then(|a| self.answer_of(a));
        }
        self.conflicts = conflicts.into();
        self.check_rules = rules.into();
    }

    /// The step (its index) and option a `step=option` names, if this checklist has them.
    pub fn answer_of(&self, answer: &str) -> Option<AnswerRef> {
        let (step, option) = answer.split_once('=')?;
        let index = self.step_index(step)?;
        let found = self.steps[index].option(option)?;
        let option = match self.steps[index].kind {
            StepKind::Choice => OptionRef::Choice(Choice::from_id(option)?),
            StepKind::When => OptionRef::Change(found.id.clone()),
        };
        Some(AnswerRef {
            step: index,
            option,
        })
    }

    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    pub fn link_by_id(&self, id: &str) -> Option<&Link> {
        self.links.iter().find(|l| l.id == id)
    }

    /// The link an optional id names, if any.
    pub fn link(&self, id: Option<&Text>) -> Option<&Link> {
        id.and_then(|id| self.link_by_id(id))
    }

    pub fn finding(&self, id: &str) -> Option<&Finding> {
        self.findings.iter().find(|f| f.id == id)
    }

    pub fn mail_app(&self, id: &str) -> Option<&MailApp> {
        self.mail_apps.iter().find(|a| a.id == id)
    }

    /// The label a user sees for an answer option.
    pub fn option_label<'a>(&'a self, option: &'a AnswerOption) -> &'a str {
        match (option.label.as_deref(), Choice::from_id(&option.id)) {
            (Some(label), _) => label,
            (None, Some(Choice::Yes)) => self.text.yes(),
            (None, Some(Choice::No)) => self.text.no(),
            (None, _) => self.text.unsure(),
        }
    }
}

impl Step {
    pub fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// The option a choice step offers for this answer, if it offers it.
    pub fn choice(&self, choice: Choice) -> Option<&AnswerOption> {
        self.option(choice.id())
    }
}
