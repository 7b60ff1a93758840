//! The provider's name, put in place of `{provider}` in every content text.

use super::{Checklist, Text};
use std::borrow::Cow;

impl Checklist {
    /// Puts the provider's name into every text that mentions `{provider}`.
    /// Texts without it stay borrowed, so the built-in checklist is barely copied.
    /// The name goes in as it is: `Config` has already cleaned and isolated a host's name
    /// (the setting, or its own checklist's) with `names`.
    pub fn with_provider_name(mut self) -> Self {
        let name = self.provider.clone();
        let fill = |text: &mut Text| {
            if text.contains("{provider}") {
                *text = Cow::Owned(text.replace("{provider}", &name));
            }
        };
        for text in self.text.values_mut() {
            fill(text);
        }
        for link in self.links.to_mut() {
            fill(&mut link.label);
        }
        for finding in self.findings.to_mut() {
            fill(&mut finding.title);
            fill(&mut finding.action);
        }
        for conflict in self.conflicts.to_mut() {
            fill(&mut conflict.explanation);
        }
        for app in self.mail_apps.to_mut() {
            fill(&mut app.label);
            app.lines.to_mut().iter_mut().for_each(fill);
        }
        for step in self.steps.to_mut() {
            fill(&mut step.question);
            fill(&mut step.why);
            for option in step.options.to_mut() {
                fill(&mut option.means);
                fill(&mut option.next);
                if let Some(todo) = option.todo.as_mut() {
                    fill(todo);
                }
            }
        }
        self
    }
}
