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
                        s.check_id,
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
                        r.signal_id, r.points_to, r.confidence, r.if_answer
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
        for (key, slot) in self.clone().slots_mut(|parts| parts.join(".")) {
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
        // No keys: the wasm never names the slots, only the build's fingerprint does.
        let slots = self.slots_mut(|_| ());
        slots.into_iter().map(|((), text)| text).collect()
    }

    /// The translatable texts in their order, each with the key `key` makes of its place
    /// (`["steps", "webmail", "question"]`), so the order and the names can't drift apart.
    fn slots_mut<K>(&mut self, key: impl Fn(&[&str]) -> K) -> Vec<(K, &mut Text)> {
        let mut texts = vec![(key(&["lang"]), &mut self.lang)];
        texts.push((key(&["provider"]), &mut self.provider));
        let keys = UiText::KEYS.iter().map(|k| key(&["text", k]));
        texts.extend(keys.zip(self.text.values_mut()));
        let prerequisites = &mut self.prerequisites;
        let pre = |field| key(&["prerequisites", field]);
        texts.push((pre("applies_to"), &mut prerequisites.applies_to));
        texts.push((pre("difficulty"), &mut prerequisites.difficulty));
        texts.push((pre("time_needed"), &mut prerequisites.time_needed));
        for tool in prerequisites.tools.to_mut().iter_mut() {
            texts.push((pre("tools"), tool));
        }
        if let Some(in_short) = prerequisites.in_short.as_mut() {
            texts.push((pre("in_short"), in_short));
        }
        for link in self.links.to_mut().iter_mut() {
            texts.push((key(&["links", &link.id, "label"]), &mut link.label));
        }
        for finding in self.findings.to_mut() {
            texts.push((key(&["findings", &finding.id, "title"]), &mut finding.title));
            texts.push((
                key(&["findings", &finding.id, "action"]),
                &mut finding.action,
            ));
        }
        for conflict in self.conflicts.to_mut().iter_mut() {
            // By the answers it joins; the first and last, so the wasm builds no string.
            let answers = &conflict.answers;
            let first = answers.first().map_or("", |a| &**a);
            let last = answers.last().map_or("", |a| &**a);
            let place = key(&["conflicts", first, last]);
            texts.push((place, &mut conflict.explanation));
        }
        for step in self.steps.to_mut() {
            texts.push((key(&["steps", &step.id, "question"]), &mut step.question));
            texts.push((key(&["steps", &step.id, "why"]), &mut step.why));
            for option in step.options.to_mut() {
                let at = |field| key(&["steps", &step.id, &option.id, field]);
                let label = at("label");
                let means = at("means");
                let next = at("next");
                let todo = at("todo");
                if let Some(text) = option.label.as_mut() {
                    texts.push((label, text));
                }
                texts.push((means, &mut option.means));
                texts.push((next, &mut option.next));
                if let Some(text) = option.todo.as_mut() {
                    texts.push((todo, text));
                }
            }
        }
        for app in self.mail_apps.to_mut() {
            texts.push((key(&["mail_apps", &app.id, "label"]), &mut app.label));
            for line in app.lines.to_mut().iter_mut() {
                texts.push((key(&["mail_apps", &app.id, "lines"]), line));
            }
        }
        texts
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
