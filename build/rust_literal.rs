//! Writes content as Rust source, so the built-in checklist is compiled in: no parser at run time.

use email_troubleshooter_model::checklist::{
    AnswerOption, AnswerRef, CheckRule, Checklist, Choice, Confidence, Conflict, Finding, Link,
    List, MailApp, OptionRef, Prerequisites, Signal, Step, StepCheck, StepKind, Text, UiText,
};

/// A value that can write the Rust expression that rebuilds it.
pub trait RustLiteral {
    fn literal(&self) -> String;
}

impl RustLiteral for Text {
    fn literal(&self) -> String {
        // Debug output of a str is a valid Rust string literal, escapes included.
        format!("Cow::Borrowed({:?})", &**self)
    }
}

impl RustLiteral for bool {
    fn literal(&self) -> String {
        self.to_string()
    }
}

impl RustLiteral for usize {
    fn literal(&self) -> String {
        self.to_string()
    }
}

impl RustLiteral for u32 {
    fn literal(&self) -> String {
        self.to_string()
    }
}

impl<T: RustLiteral> RustLiteral for Option<T> {
    fn literal(&self) -> String {
        match self {
            Some(value) => format!("Some({})", value.literal()),
            None => "None".to_owned(),
        }
    }
}

impl<T: RustLiteral + Clone> RustLiteral for List<T> {
    fn literal(&self) -> String {
        let items: Vec<String> = self.iter().map(RustLiteral::literal).collect();
        format!("Cow::Borrowed(&[{}])", items.join(", "))
    }
}

/// Enums without data, written as `Type::Variant` from their Debug form.
macro_rules! variant_literal {
    ($($name:ident),*) => {$(
        impl RustLiteral for $name {
            fn literal(&self) -> String {
                format!("{}::{self:?}", stringify!($name))
            }
        }
    )*};
}

variant_literal!(StepKind, Confidence, Choice, StepCheck, Signal);

impl RustLiteral for OptionRef {
    fn literal(&self) -> String {
        match self {
            OptionRef::Choice(choice) => format!("OptionRef::Choice({})", choice.literal()),
            OptionRef::Change(id) => format!("OptionRef::Change({})", id.literal()),
        }
    }
}

/// `struct_literal!(value, Type { field, ... })` writes `Type { field: <literal>, ... }`.
/// Naming every field means a field added to the schema but not here fails to compile.
macro_rules! struct_literal {
    ($value:expr, $name:ident { $($field:ident),* $(,)? }) => {{
        let $name { $($field),* } = $value;
        let fields: Vec<String> = vec![$(format!("{}: {}", stringify!($field), $field.literal())),*];
        format!("{} {{ {} }}", stringify!($name), fields.join(", "))
    }};
}

impl RustLiteral for Checklist {
    fn literal(&self) -> String {
        struct_literal!(
            self,
            Checklist {
                schema,
                lang,
                provider,
                text,
                prerequisites,
                links,
                findings,
                steps,
                conflicts,
                check_rules,
                mail_apps
            }
        )
    }
}

impl RustLiteral for Prerequisites {
    fn literal(&self) -> String {
        struct_literal!(
            self,
            Prerequisites {
                applies_to,
                difficulty,
                time_needed,
                tools,
                link,
                in_short
            }
        )
    }
}

impl RustLiteral for Conflict {
    fn literal(&self) -> String {
        struct_literal!(
            self,
            Conflict {
                answers,
                explanation,
                answer_refs
            }
        )
    }
}

impl RustLiteral for CheckRule {
    fn literal(&self) -> String {
        struct_literal!(
            self,
            CheckRule {
                signal,
                points_to,
                confidence,
                if_answer,
                if_answer_ref
            }
        )
    }
}

impl RustLiteral for AnswerRef {
    fn literal(&self) -> String {
        struct_literal!(self, AnswerRef { step, option })
    }
}

impl RustLiteral for Link {
    fn literal(&self) -> String {
        struct_literal!(self, Link { id, label, url })
    }
}

impl RustLiteral for Finding {
    fn literal(&self) -> String {
        struct_literal!(
            self,
            Finding {
                id,
                title,
                action,
                link,
                contact_admin,
                sets_up
            }
        )
    }
}

impl RustLiteral for MailApp {
    fn literal(&self) -> String {
        struct_literal!(
            self,
            MailApp {
                id,
                label,
                lines,
                profile
            }
        )
    }
}

impl RustLiteral for Step {
    fn literal(&self) -> String {
        struct_literal!(
            self,
            Step {
                id,
                kind,
                question,
                why,
                link,
                check,
                offers_continue,
                options
            }
        )
    }
}

impl RustLiteral for AnswerOption {
    fn literal(&self) -> String {
        struct_literal!(
            self,
            AnswerOption {
                id,
                label,
                exclusive,
                means,
                next,
                todo,
                points_to,
                confidence,
                names_cause,
                offers_help,
                link
            }
        )
    }
}

impl RustLiteral for UiText {
    fn literal(&self) -> String {
        let texts: Vec<String> = self
            .values()
            .into_iter()
            .map(RustLiteral::literal)
            .collect();
        format!("UiText::from_array([{}])", texts.join(", "))
    }
}
