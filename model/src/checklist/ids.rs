//! The content's fixed identifiers as types: the answers of a choice step, the checks a step
//! can offer and the signals checks give. Each is read from the same text the content files
//! and saved progress use, and written back as it, so no format changes.

use super::Text;
use serde::de::{Deserialize, Deserializer, Error};

/// Declares an enum of identifiers with the text of each, so the enum, its text in content
/// files and the list of what is allowed can't drift apart.
macro_rules! ids {
    ($(#[$meta:meta])* $name:ident { $($(#[$variant_meta:meta])* $variant:ident = $id:literal,)* }
     $(unknown $unknown:ident)?) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$variant_meta])* $variant,)*
            $(
                /// One a host's checklist names that this widget doesn't know: read so that
                /// `problems()` can name its place, where serde would refuse the whole file
                /// without one. Never in `ALL`, never given, never matched.
                $unknown,
            )?
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            /// The texts, in the order of `ALL`.
            pub const IDS: &'static [&'static str] = &[$($id),*];

            /// The text that names it in content files, saved progress and links.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)*
                    $($name::$unknown => "",)?
                }
            }

            pub fn from_id(id: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|value| value.id() == id)
            }

            $(
                /// Reads a content file's text as this, an unknown one as `Unknown`.
                pub fn leniently<'de, D: Deserializer<'de>>(deserializer: D) -> Result<$name, D::Error> {
                    let id = Text::deserialize(deserializer)?;
                    Ok($name::from_id(&id).unwrap_or($name::$unknown))
                }
            )?
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let id = Text::deserialize(deserializer)?;
                $name::from_id(&id).ok_or_else(|| D::Error::unknown_variant(&id, Self::IDS))
            }
        }
    };
}

ids! {
    /// An answer on a `choice` step; its label comes from [`super::UiText`].
    Choice {
        Yes = "yes",
        No = "no",
        /// "Not sure": the user can still find out.
        Unsure = "unsure",
    }
}

ids! {
    /// A check the browser can run for a step.
    StepCheck {
        /// The domain's mail records and its registration.
        Records = "records",
        /// Whether the webmail portal answers.
        Portal = "portal",
    }
    unknown Unknown
}

ids! {
    /// What the browser's checks can find (see `checks`); `[[check_rules]]` say what each means.
    Signal {
        MxNone = "mx_none",
        MxSomeMissing = "mx_some_missing",
        MxNxdomain = "mx_nxdomain",
        MxNoRecords = "mx_no_records",
        MxNull = "mx_null",
        RegistrationExpired = "registration_expired",
        RegistrationExpiring = "registration_expiring",
        MxExtra = "mx_extra",
        MxExtraPreferred = "mx_extra_preferred",
        SpfMissing = "spf_missing",
        SpfNone = "spf_none",
        SpfSeveral = "spf_several",
        AutodiscoverElsewhere = "autodiscover_elsewhere",
    }
    unknown Unknown
}

/// A step's check as a host names it, read leniently (see [`StepCheck::Unknown`]).
pub fn check_leniently<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<StepCheck>, D::Error> {
    StepCheck::leniently(deserializer).map(Some)
}

/// One answer a conflict or a check rule names, resolved against the steps when the content
/// is checked, so the diagnosis compares types instead of splitting `step=option` again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRef {
    /// The step's index in the checklist.
    pub step: usize,
    pub option: OptionRef,
}

/// What a named answer is on its step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionRef {
    /// An answer of a `choice` step.
    Choice(Choice),
    /// A change ticked on a `when` step, by its option id.
    Change(Text),
}

impl OptionRef {
    /// The option's id in the content.
    pub fn id(&self) -> &str {
        match self {
            OptionRef::Choice(choice) => choice.id(),
            OptionRef::Change(id) => id,
        }
    }
}

/// A content file's checks and signals read strictly, each by its type. A host's checklist
/// reads an unknown one as `Unknown` and `problems()` names its place; the build reads its
/// own files with this first, so the parser's message gives the line and the text too.
#[derive(serde::Deserialize)]
pub struct StrictIds {
    #[serde(default)]
    pub steps: Vec<StrictStep>,
    #[serde(default)]
    pub check_rules: Vec<StrictRule>,
}

#[derive(serde::Deserialize)]
pub struct StrictStep {
    #[serde(default)]
    pub check: Option<StepCheck>,
}

#[derive(serde::Deserialize)]
pub struct StrictRule {
    pub signal: Signal,
}
