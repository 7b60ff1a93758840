//! Names that come from outside (a host's provider name, a registrar from an RDAP answer),
//! made safe to show inside one of the widget's sentences: no control or direction-changing
//! characters, a bounded length, and isolated so a right-to-left name can't reorder the words
//! around it.

use std::borrow::Cow;

/// Unicode's FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: the plain-text form of `<bdi>`.
const ISOLATE_START: char = '\u{2068}';
const ISOLATE_END: char = '\u{2069}';

/// The longest name shown in a sentence: room for any real company's name, while a step's
/// title stays a few lines long even on a phone.
pub const MAX_NAME_CHARS: usize = 80;

/// The name without control characters or explicit direction marks, its runs of white space
/// made one space, cut to `max_chars` characters (with `…` where it was cut). `None` when
/// nothing is left.
pub fn clean(text: &str, max_chars: usize) -> Option<String> {
    let mut out = String::new();
    let mut kept = 0;
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if c.is_control() || is_direction_mark(c) {
            continue;
        }
        if kept + usize::from(space) >= max_chars {
            out.push('…');
            return Some(out);
        }
        if space {
            out.push(' ');
            kept += 1;
            space = false;
        }
        out.push(c);
        kept += 1;
    }
    (!out.is_empty()).then_some(out)
}

/// The name ready to stand inside a sentence: as it is when it is plain ASCII (which has no
/// right-to-left letters), otherwise between isolate marks.
pub fn isolated(name: &str) -> Cow<'_, str> {
    if name.is_ascii() {
        Cow::Borrowed(name)
    } else {
        let mut isolated = String::with_capacity(name.len() + 6);
        isolated.push(ISOLATE_START);
        isolated.push_str(name);
        isolated.push(ISOLATE_END);
        Cow::Owned(isolated)
    }
}

/// Characters that change the direction of the text around them (embeddings, overrides,
/// isolates and the directional marks).
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::{clean, isolated};

    #[test]
    fn controls_and_direction_marks_are_dropped_and_space_folded() {
        assert_eq!(
            clean("  Example\u{202E} \n\t Registrar\u{0007} ", 80).as_deref(),
            Some("Example Registrar")
        );
        assert_eq!(clean("\u{202E}\u{2066}\n", 80), None);
    }

    #[test]
    fn long_names_are_cut_with_an_ellipsis() {
        let cut = clean(&"a".repeat(500), 64).unwrap_or_default();
        assert_eq!(cut.chars().count(), 65);
        assert!(cut.ends_with('…'));
        assert_eq!(clean("ab cd", 5).as_deref(), Some("ab cd"));
        assert_eq!(clean("ab cde", 5).as_deref(), Some("ab cd…"));
    }

    #[test]
    fn only_names_beyond_ascii_are_isolated() {
        assert_eq!(isolated("Example Mail"), "Example Mail");
        assert_eq!(isolated("דואר"), "\u{2068}דואר\u{2069}");
    }
}
