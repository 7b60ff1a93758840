//! Which language to show: the first wanted one that is available, English otherwise.

/// Picks from `available` (language codes such as `en`, `es`, `de`; the first is the fallback)
/// the best match for `wanted`, most wanted first: an exact tag (`de`) or its primary subtag
/// (`de-AT` is German). Returns an index into `available`.
pub fn choose<'a>(wanted: impl IntoIterator<Item = &'a str>, available: &[&str]) -> usize {
    for tag in wanted {
        let tag = tag.trim();
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        let found = available
            .iter()
            .position(|lang| lang.eq_ignore_ascii_case(tag))
            .or_else(|| {
                available
                    .iter()
                    .position(|lang| lang.eq_ignore_ascii_case(primary))
            });
        if let Some(index) = found {
            return index;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::choose;

    const AVAILABLE: [&str; 3] = ["en", "es", "de"];

    #[test]
    fn the_first_wanted_language_that_exists_wins() {
        assert_eq!(choose(["de"], &AVAILABLE), 2);
        assert_eq!(
            choose(["fr", "es-MX", "de"], &AVAILABLE),
            1,
            "French isn't there; Mexican Spanish is Spanish"
        );
        assert_eq!(
            choose(["DE-at"], &AVAILABLE),
            2,
            "tags are case-insensitive"
        );
        assert_eq!(choose(["pt_BR", "de"], &AVAILABLE), 2);
    }

    #[test]
    fn english_when_nothing_wanted_is_there() {
        assert_eq!(choose(["fr", "ja"], &AVAILABLE), 0);
        assert_eq!(choose([""], &AVAILABLE), 0);
        assert_eq!(choose([], &AVAILABLE), 0);
    }
}
