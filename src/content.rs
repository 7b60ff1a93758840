//! The built-in checklists, one per language, checked and compiled in by `build.rs` from
//! `content/<lang>.toml`.
//!
//! It is a `static` of borrowed text, so starting the widget copies none of it.

use crate::model::checklist::{
    AnswerOption, AnswerRef, CheckRule, Checklist, Choice, Confidence, Conflict, Finding, Link,
    MailApp, OptionRef, Prerequisites, Signal, Step, StepCheck, StepKind, UiText,
};
use std::borrow::Cow;

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// The English checklist exactly as written in `content/en.toml` (`{provider}` not yet filled in).
pub fn builtin() -> Checklist {
    BUILTIN_EN.clone()
}

/// The code of the built-in language to show: the first of `wanted` that is built in, English
/// if none is.
pub fn language_for<'a>(wanted: impl IntoIterator<Item = &'a str>) -> &'static str {
    LANGUAGES[crate::model::language::choose(wanted, &LANGUAGES)]
}

/// The built-in checklist in `lang`. Only the bundle that reads a host's own checklist calls
/// this, as it keeps every language compiled in; the usual bundle has English only and is
/// given the others' texts (see `browser::translations`).
pub fn builtin_in(lang: &str) -> &'static Checklist {
    BUILTINS
        .iter()
        .find(|checklist| checklist.lang == lang)
        .unwrap_or(&&BUILTIN_EN)
}

/// The checklist every component of one widget shares, compared by identity.
pub type SharedChecklist = crate::model::shared::Shared<Checklist>;
