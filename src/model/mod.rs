//! The troubleshooter's pure core: content, progress and what answers mean.
//!
//! Nothing here touches the browser, so all of it is tested natively with `cargo test`.

pub mod checklist;
pub mod config;
pub mod date;
pub mod events;
pub mod progress;
pub mod saved;

pub use checklist::{AnswerOption, Checklist, ContentError, Finding, Link, Step, StepKind, UiText};
pub use config::{Config, ConfigProblem, Expected, Setting, Theme};
pub use date::Date;
pub use events::{Event, Reporter};
pub use progress::{Action, Answer, Cause, InputError, Position, Progress, StepStatus, WhenAnswer};
pub use saved::{RestoreError, SAVED_VERSION};

/// Fills `{name}` placeholders in a text from the content.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}
