//! The troubleshooter's pure core: content, progress and what answers mean.
//!
//! Nothing here touches the browser, so all of it is tested natively with `cargo test`.
//!
//! It serves the widget's own crates, and its API changes with the widget: semantic versioning
//! covers only what the `email_troubleshooter` crate re-exports from it (`Theme`, `VERSION`).

pub mod checklist;
pub mod checks;
pub mod config;
pub mod date;
pub mod diagnosis;
pub mod digits;
pub mod events;
pub mod fnv;
pub mod format;
pub mod language;
pub mod link;
pub mod names;
pub mod next_steps;
pub mod outcome;
pub mod profile;
pub mod progress;
pub mod report;
pub mod saved;
pub mod servers;
pub mod session;
pub mod shared;
pub mod user_agent;

pub use checklist::{
    AnswerOption, AnswerRef, Checklist, Choice, Confidence, Conflict, ContentError, Finding, Link,
    OptionRef, Signal, Step, StepCheck, StepKind, UiText,
};
pub use config::{Config, ConfigProblem, Expected, Setting, Theme};
pub use date::{Date, DateEntry, Timestamp};
pub use diagnosis::{diagnose, Diagnosis, RankedCause};
pub use events::{Event, Reporter};
pub use next_steps::{next_steps, NextStep};
pub use progress::{Action, Answer, InputError, Position, Progress, StepStatus, WhenAnswer};
pub use saved::{RestoreError, SAVED_VERSION};

/// The widget's version (every crate of the workspace and the npm package share it), for the
/// report: the help desk asks which troubleshooter the user ran.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Fills `{name}` placeholders in a text from the content.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&["{", name, "}"].concat(), value)
        })
}
