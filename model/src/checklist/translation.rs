//! Translations: where a language's structure differs from English, and the positional
//! format a translation travels in, with the fingerprint that ties it to its English content.

use super::{Checklist, Text, UiText};
use std::borrow::Cow;

impl Checklist {
    /// Where this translation's structure differs from `original`'s: every language must have
    /// the same steps, answers, findings, links and conflicts, and use the same placeholders in
    /// each text, so that saved progress and links work whatever the language.
    pub fn differences_from(&self, original: &Checklist) -> Vec<String> {
        let mut found = Vec::new();
        let mut same = |place: &str, a: String, b: String| {
            if a != b {
                found.push(format!("{place}: {a} here, {b} in the original"));
            }
        };
        let steps = |c: &Checklist| {
            c.steps
                .iter()
                .map(|s| {
                    let options: Vec<String> = s
                        .options
                        .iter()
                        .map(|o| {
                            format!(
                                "{}{}{}{}{}{}>{:?}/{:?}/{:?}",
                                o.id,
                                if o.exclusive { "!" } else { "" },
                                // A label of its own or the usual yes/no/unsure one.
                                if o.label.is_some() { "*" } else { "" },
                                if o.todo.is_some() { "+todo" } else { "" },
                                if o.names_cause { "+names" } else { "" },
                                if o.offers_help { "+help" } else { "" },
                                o.points_to,
                                o.confidence,
                                o.link
                            )
                        })
                        .collect();
                    format!(
                        "{}:{:?}:{:?}:{:?}:{}[{}]",
                        s.id,
                        s.kind,
                        s.link,
                        s.check,
                        s.offers_continue,
                        options.join(" ")
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        same("steps", steps(self), steps(original));
        let links = |c: &Checklist| {
            c.links
                .iter()
                .map(|l| format!("{}={}", l.id, l.url))
                .collect::<Vec<_>>()
                .join(" ")
        };
        same("links", links(self), links(original));
        let findings = |c: &Checklist| {
            c.findings
                .iter()
                .map(|f| format!("{}:{:?}:{}:{}", f.id, f.link, f.contact_admin, f.sets_up))
                .collect::<Vec<_>>()
                .join(" ")
        };
        same("findings", findings(self), findings(original));
        let conflicts = |c: &Checklist| {
            c.conflicts
                .iter()
                .map(|x| x.answers.join("+"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        same("conflicts", conflicts(self), conflicts(original));
        let rules = |c: &Checklist| {
            c.check_rules
                .iter()
                .map(|r| {
                    format!(
                        "{}>{}:{:?}:{:?}",
                        r.signal.id(),
                        r.points_to,
                        r.confidence,
                        r.if_answer
                    )
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        same("check_rules", rules(self), rules(original));
        let apps = |c: &Checklist| {
            c.mail_apps
                .iter()
                .map(|a| format!("{}:{}:{}", a.id, a.lines.len(), a.profile))
                .collect::<Vec<_>>()
                .join(" ")
        };
        same("mail_apps", apps(self), apps(original));
        same(
            "prerequisites",
            format!(
                "{:?} {} tools {}",
                self.prerequisites.link,
                self.prerequisites.tools.len(),
                self.prerequisites.in_short.is_some()
            ),
            format!(
                "{:?} {} tools {}",
                original.prerequisites.link,
                original.prerequisites.tools.len(),
                original.prerequisites.in_short.is_some()
            ),
        );
        for ((key, text), original_text) in UiText::KEYS
            .iter()
            .zip(self.text.values())
            .zip(original.text.values())
        {
            same(
                &format!("text.{key} placeholders"),
                sorted(placeholders(text)).join(""),
                sorted(placeholders(original_text)).join(""),
            );
        }
        found
    }

    /// Names this content for translation files, which carry the name they were made for: the
    /// English file's bytes and, in their order, its translatable slots, each by its key and
    /// text. A file made while the slots were in another order is refused even when the
    /// English file is unchanged (and even where two swapped slots hold the same English), since
    /// its texts would land in the wrong places.
    pub fn fingerprint(&self, source: &[u8]) -> String {
        let mut hash = crate::fnv::Fnv64::new();
        hash.add(source);
        let mut copy = self.clone();
        let mut slots: Vec<(String, &mut Text)> = Vec::new();
        copy.visit_slots(&mut slots);
        for (key, slot) in slots {
            // A separator no key or text holds, so moving text between slots changes the name.
            hash.add(&[0]);
            hash.add(key.as_bytes());
            hash.add(&[0]);
            hash.add(slot.as_bytes());
        }
        format!("{:016x}", hash.finish())
    }

    /// Every text that differs between languages, always in the same order. Translations
    /// share everything else with English (`differences_from` makes sure), so a translation
    /// travels as this list of texts alone and is put back with [`Checklist::translated`].
    pub fn translatable_mut(&mut self) -> Vec<&mut Text> {
        let mut texts = Vec::new();
        self.visit_slots(&mut texts);
        texts
    }

    /// Gives `out` the translatable texts in their order, each with its key
    /// (`steps.webmail.question`), so the order and the names can't drift apart. A key is
    /// made only when asked for: the wasm never names the slots, only the build does.
    fn visit_slots<'a>(&'a mut self, out: &mut impl Slots<'a>) {
        out.slot(|| "lang".into(), &mut self.lang);
        out.slot(|| "provider".into(), &mut self.provider);
        for (index, text) in self.text.values_mut().into_iter().enumerate() {
            // Looked up only when asked for, so the wasm doesn't keep the list of keys.
            let key = || {
                format!(
                    "text.{}",
                    UiText::KEYS.get(index).copied().unwrap_or_default()
                )
            };
            out.slot(key, text);
        }
        let pre = &mut self.prerequisites;
        out.slot(|| "prerequisites.applies_to".into(), &mut pre.applies_to);
        out.slot(|| "prerequisites.difficulty".into(), &mut pre.difficulty);
        out.slot(|| "prerequisites.time_needed".into(), &mut pre.time_needed);
        for tool in pre.tools.to_mut().iter_mut() {
            out.slot(|| "prerequisites.tools".into(), tool);
        }
        if let Some(in_short) = pre.in_short.as_mut() {
            out.slot(|| "prerequisites.in_short".into(), in_short);
        }
        for link in self.links.to_mut().iter_mut() {
            out.slot(|| format!("links.{}.label", link.id), &mut link.label);
        }
        for finding in self.findings.to_mut() {
            let id = &finding.id;
            out.slot(|| format!("findings.{id}.title"), &mut finding.title);
            out.slot(|| format!("findings.{id}.action"), &mut finding.action);
        }
        for conflict in self.conflicts.to_mut().iter_mut() {
            let answers = &conflict.answers;
            let key = || format!("conflicts.{}", answers.join("+"));
            out.slot(key, &mut conflict.explanation);
        }
        for step in self.steps.to_mut() {
            let id = &step.id;
            out.slot(|| format!("steps.{id}.question"), &mut step.question);
            out.slot(|| format!("steps.{id}.why"), &mut step.why);
            for option in step.options.to_mut() {
                let option_id = &option.id;
                let at = |field| move || format!("steps.{id}.{option_id}.{field}");
                if let Some(text) = option.label.as_mut() {
                    out.slot(at("label"), text);
                }
                out.slot(at("means"), &mut option.means);
                out.slot(at("next"), &mut option.next);
                if let Some(text) = option.todo.as_mut() {
                    out.slot(at("todo"), text);
                }
            }
        }
        for app in self.mail_apps.to_mut() {
            let id = &app.id;
            out.slot(|| format!("mail_apps.{id}.label"), &mut app.label);
            for line in app.lines.to_mut().iter_mut() {
                out.slot(|| format!("mail_apps.{id}.lines"), line);
            }
        }
    }

    /// This checklist in another language, from that language's texts in the order of
    /// [`Checklist::translatable_mut`]. `None` if they don't fit: too many, too few, or a
    /// language code that isn't one.
    pub fn translated(&self, texts: Vec<String>) -> Option<Checklist> {
        let mut copy = self.clone();
        let mut slots = copy.translatable_mut();
        if slots.len() != texts.len() {
            return None;
        }
        for (slot, text) in slots.iter_mut().zip(texts) {
            **slot = Cow::Owned(text);
        }
        let plausible_lang = (2..=8).contains(&copy.lang.len())
            && copy
                .lang
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        plausible_lang.then_some(copy)
    }
}

/// Where [`Checklist::visit_slots`] puts the texts: with their keys, or (in the wasm) alone.
trait Slots<'a> {
    fn slot(&mut self, key: impl FnOnce() -> String, text: &'a mut Text);
}

impl<'a> Slots<'a> for Vec<&'a mut Text> {
    fn slot(&mut self, _: impl FnOnce() -> String, text: &'a mut Text) {
        self.push(text);
    }
}

impl<'a> Slots<'a> for Vec<(String, &'a mut Text)> {
    fn slot(&mut self, key: impl FnOnce() -> String, text: &'a mut Text) {
        self.push((key(), text));
    }
}

/// The `{name}` placeholders in a text, braces and all, in the order they stand. Only a
/// lowercase name (`a-z` and `_`) is one: a host's `{Accounts}` or `{ }` is plain text.
pub(super) fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let length = after
            .bytes()
            .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
            .count();
        if length > 0 && after.as_bytes().get(length) == Some(&b'}') {
            names.push(&rest[start..start + length + 2]);
            rest = &after[length + 1..];
        } else {
            rest = after;
        }
    }
    names
}

/// A translation may put the placeholders in another order; only the build compares them.
fn sorted(mut names: Vec<&str>) -> Vec<&str> {
    names.sort_unstable();
    names
}
