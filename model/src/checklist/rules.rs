//! The rules every content file must follow beyond its shape, each broken one named by place.

use super::translation;
use super::*;
use std::fmt;

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
    /// A host's own checklist, if it breaks no rule (see [`Checklist::problems`]), with the
    /// answers its conflicts and check rules name resolved to typed references, which the
    /// diagnosis reads.
    pub fn checked(self) -> Result<Checklist, Vec<ContentError>> {
        self.checked_as(false)
    }

    /// A built-in language, checked by build.rs: as [`Checklist::checked`], and every text
    /// also uses every value its call fills, so no language leaves one out.
    pub fn checked_builtin(self) -> Result<Checklist, Vec<ContentError>> {
        self.checked_as(true)
    }

    fn checked_as(mut self, builtin: bool) -> Result<Checklist, Vec<ContentError>> {
        let problems = self.problems_as(builtin);
        if !problems.is_empty() {
            return Err(problems);
        }
        // Resolved again: the content may have changed since it was read.
        self.resolve();
        Ok(self)
    }

    /// Every rule the content must follow beyond its shape. Empty when the content is sound.
    /// A host's texts may leave out a value the interface fills, never name one it doesn't.
    pub fn problems(&self) -> Vec<ContentError> {
        self.problems_as(false)
    }

    fn problems_as(&self, builtin: bool) -> Vec<ContentError> {
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
        if self.text.raw("step_of").is_none_or(str::is_empty) || self.text.title().is_empty() {
            report("text".into(), "must have a title and a step counter");
        }
        // `{provider}` may be anywhere; every other placeholder only where its call fills it.
        let placeholders = |text| {
            let mut names = translation::placeholders(text);
            names.retain(|name| *name != "{provider}");
            names.dedup();
            names
        };
        let declared = UiText::KEYS.iter().zip(UiText::PLACEHOLDERS);
        for ((key, declared), text) in declared.zip(self.text.values()) {
            let wanted: Vec<String> = declared.iter().map(|n| format!("{{{n}}}")).collect();
            let found = placeholders(text);
            // Compared as sets, not sorted: sorting would bring a sort routine into the
            // bundle that reads a host's checklist, for lists of two or three names.
            let undeclared = found.iter().any(|name| !wanted.iter().any(|w| w == name));
            let missing = wanted.iter().any(|name| !found.contains(&name.as_str()));
            if undeclared || (builtin && missing) {
                report(
                    format!("text.{key}"),
                    &format!(
                        "has the placeholders {}, but the interface fills {}",
                        listed(&found),
                        listed(&wanted)
                    ),
                );
            }
        }
        // The rest of the content is never filled but for the provider's name.
        let mut content = self.clone();
        let slots = content.translatable_mut();
        // Past the language, the provider's name and the interface's texts.
        for text in slots.into_iter().skip(2 + UiText::KEYS.len()) {
            let found = placeholders(text);
            if !found.is_empty() {
                let start: String = text.chars().take(40).collect();
                report(
                    format!("the text \"{start}\""),
                    &format!(
                        "has the placeholders {}, but only {{provider}} is filled in content",
                        listed(&found)
                    ),
                );
            }
        }
        for (index, link) in self.links.iter().enumerate() {
            let place = format!("links[{index}] ({})", link.id);
            if self.links[..index].iter().any(|l| l.id == link.id) {
                report(place.clone(), "repeats the id of an earlier link");
            }
            if !is_safe_url(&link.url) {
                report(place, "must be an https:, http: or mailto: address");
            }
        }
        let known_link =
            |link: &Option<Text>| link.as_deref().is_none_or(|l| self.link_by_id(l).is_some());
        if !known_link(&self.prerequisites.link) {
            report(
                "prerequisites.link".into(),
                "names a link that is not defined",
            );
        }
        for (index, finding) in self.findings.iter().enumerate() {
            let place = format!("findings[{index}] ({})", finding.id);
            if self.findings[..index].iter().any(|f| f.id == finding.id) {
                report(place.clone(), "repeats the id of an earlier finding");
            }
            // Saved progress and links name the finding that fixed it.
            if !is_plain_id(&finding.id) {
                report(place.clone(), "needs an id of a-z, 0-9, _ and -");
            }
            if !known_link(&finding.link) {
                report(place.clone(), "names a link that is not defined");
            }
            if finding.sets_up && finding.contact_admin {
                report(place, "can't both send the user to set up their mail app and say only the administrator can fix it");
            }
        }
        for (index, app) in self.mail_apps.iter().enumerate() {
            let place = format!("mail_apps[{index}] ({})", app.id);
            if self.mail_apps[..index].iter().any(|a| a.id == app.id) {
                report(place.clone(), "repeats the id of an earlier mail app");
            }
            if !is_plain_id(&app.id) {
                report(place.clone(), "needs an id of a-z, 0-9, _ and -");
            }
            if app.label.trim().is_empty()
                || app.lines.is_empty()
                || app.lines.iter().any(|l| l.trim().is_empty())
            {
                report(place, "needs a label and at least one line, none empty");
            }
        }
        for (index, step) in self.steps.iter().enumerate() {
            let place = format!("steps[{index}] ({})", step.id);
            if self.steps[..index].iter().any(|s| s.id == step.id) {
                report(place.clone(), "repeats the id of an earlier step");
            }
            if !is_plain_id(&step.id) || RESERVED_STEP_IDS.contains(&&*step.id) {
                report(
                    place.clone(),
                    "needs an id of a-z, 0-9, _ and - that is not v, at, started, summary, fixed, tried or app",
                );
            }
            if step.question.trim().is_empty() || step.why.trim().is_empty() {
                report(place.clone(), "needs a question and why it matters");
            }
            if !known_link(&step.link) {
                report(place.clone(), "names a link that is not defined");
            }
            if step.check == Some(StepCheck::Unknown) {
                report(place.clone(), "names a check this widget doesn't run");
            }
            if step.kind == StepKind::Choice
                && !(step.choice(Choice::Yes).is_some() && step.choice(Choice::No).is_some())
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
                if !is_plain_id(&option.id) {
                    report(place.clone(), "needs an id of a-z, 0-9, _ and -");
                }
                match step.kind {
                    StepKind::Choice if Choice::from_id(&option.id).is_none() => {
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
                    .as_deref()
                    .is_some_and(|f| self.finding(f).is_none())
                {
                    report(place.clone(), "points to a finding that is not defined");
                }
                if option.names_cause && option.points_to.is_none() {
                    report(place.clone(), "names a cause but points to no finding");
                }
                if !known_link(&option.link) {
                    report(place.clone(), "names a link that is not defined");
                }
            }
        }
        for (index, rule) in self.check_rules.iter().enumerate() {
            let place = match rule.signal {
                Signal::Unknown => format!("check_rules[{index}]"),
                signal => format!("check_rules[{index}] ({})", signal.id()),
            };
            if rule.signal == Signal::Unknown {
                report(place.clone(), "names a signal checks don't give");
            }
            if self.finding(&rule.points_to).is_none() {
                report(place.clone(), "points to a finding that is not defined");
            }
            if rule
                .if_answer
                .as_deref()
                .is_some_and(|answer| self.answer_of(answer).is_none())
            {
                report(place, "needs if_answer as step=option of this checklist");
            }
        }
        for (index, conflict) in self.conflicts.iter().enumerate() {
            let place = format!("conflicts[{index}]");
            let known = |answer: &Text| self.answer_of(answer).is_some();
            if conflict.answers.len() < 2 || !conflict.answers.iter().all(known) {
                report(
                    place.clone(),
                    "needs two or more answers, each step=option of this checklist",
                );
            }
            if conflict.explanation.trim().is_empty() {
                report(place, "needs an explanation");
            }
        }
        found
    }
}

/// Placeholders as a problem names them: `{n}, {total}`, or `none`.
fn listed<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => "none".to_owned(),
        names => names
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// Ids travel in saved progress and links unescaped, so they keep to a few safe characters.
pub fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}
