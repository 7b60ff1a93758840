//! What the user typed, checked and turned into a domain name fit to send: an address or a
//! domain, with international names converted to their ASCII (punycode) form.

/// The domain in an email address or a domain name, lower-cased, in ASCII. `None` if it isn't
/// a domain at all, so nothing is sent. Letters beyond ASCII must arrive lower-cased already:
/// the browser folds them (`toLowerCase`), which spares the wasm Unicode's case tables.
pub fn domain_from_input(input: &str) -> Option<String> {
    let input = input.trim();
    let domain = match input.rsplit_once('@') {
        Some((user, domain)) if !user.is_empty() => domain,
        Some(_) => return None,
        None => input,
    };
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    if domain.is_empty() || domain.len() > 253 || domain.chars().any(char::is_whitespace) {
        return None;
    }
    let labels: Vec<String> = domain
        .split('.')
        .map(|label| {
            if label.is_ascii() {
                Some(label.to_owned())
            } else {
                punycode(label).map(|p| "xn--".to_owned() + &p)
            }
        })
        .collect::<Option<_>>()?;
    let ascii = labels.join(".");
    let valid = labels.len() >= 2
        && ascii.len() <= 253
        && labels.iter().all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| !tld.bytes().all(|b| b.is_ascii_digit()));
    valid.then_some(ascii)
}

/// A name as DNS gives it and as the checks keep and show it: lower-case ASCII letters, digits,
/// `-` and `_`, in dot-separated labels of 1 to 63, at most 253 in all. The one shape written
/// to storage, read back and shown, so no other text can arrive where a host name goes.
pub fn is_dns_name(name: &str) -> bool {
    (1..=253).contains(&name.len())
        && name.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        })
}

/// RFC 3492 punycode of one label (without the `xn--` prefix). `None` on overflow.
pub fn punycode(label: &str) -> Option<String> {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    const SKEW: u32 = 38;
    const DAMP: u32 = 700;
    const INITIAL_BIAS: u32 = 72;
    const INITIAL_N: u32 = 128;

    let digit = |d: u32| -> char {
        // 0..25 are a..z, 26..35 are 0..9.
        if d < 26 {
            char::from(b'a' + d as u8)
        } else {
            char::from(b'0' + (d - 26) as u8)
        }
    };
    let adapt = |mut delta: u32, points: u32, first: bool| -> u32 {
        delta /= if first { DAMP } else { 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        k + (((BASE - T_MIN + 1) * delta) / (delta + SKEW))
    };

    let input: Vec<u32> = label.chars().map(u32::from).collect();
    let mut output: String = label.chars().filter(char::is_ascii).collect();
    let basic = output.len() as u32;
    if basic > 0 {
        output.push('-');
    }
    let (mut n, mut delta, mut bias, mut handled) = (INITIAL_N, 0u32, INITIAL_BIAS, basic);
    while (handled as usize) < input.len() {
        let next = *input.iter().filter(|&&c| c >= n).min()?;
        delta = delta.checked_add((next - n).checked_mul(handled + 1)?)?;
        n = next;
        for &c in &input {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    output.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                output.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n = n.checked_add(1)?;
    }
    Some(output)
}

#[cfg(test)]
mod tests {
    use super::{domain_from_input, punycode};

    #[test]
    fn punycode_matches_the_rfc_and_known_domains() {
        assert_eq!(punycode("bücher").as_deref(), Some("bcher-kva"));
        assert_eq!(punycode("münchen").as_deref(), Some("mnchen-3ya"));
        assert_eq!(punycode("例え").as_deref(), Some("r8jz45g"));
        assert_eq!(punycode("пример").as_deref(), Some("e1afmkfd"));
        // RFC 3492, section 7.1, sample (A): Arabic (Egyptian).
        assert_eq!(
            punycode("\u{0644}\u{064A}\u{0647}\u{0645}\u{0627}\u{0628}\u{062A}\u{0643}\u{0644}\u{0645}\u{0648}\u{0634}\u{0639}\u{0631}\u{0628}\u{064A}\u{061F}").as_deref(),
            Some("egbpdaj6bu4bxfgehfvwxn")
        );
    }

    #[test]
    fn addresses_and_domains_become_a_plain_domain() {
        assert_eq!(
            domain_from_input("Jane.Doe@Example.COM").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            domain_from_input("  example.co.uk. ").as_deref(),
            Some("example.co.uk")
        );
        assert_eq!(
            domain_from_input("info@bücher.de").as_deref(),
            Some("xn--bcher-kva.de")
        );
        assert_eq!(
            domain_from_input("münchen.example").as_deref(),
            Some("xn--mnchen-3ya.example")
        );
    }

    #[test]
    fn what_is_not_a_domain_is_never_sent() {
        for input in [
            "",
            "@",
            "jane@",
            "@example.com",
            "localhost",
            "example",
            "exa mple.com",
            "-bad.com",
            "bad-.com",
            "1.2.3.4",
            "a..b.com",
            "http://example.com",
            "example.com/path",
            &format!("{}.com", "a".repeat(64)),
        ] {
            assert_eq!(domain_from_input(input), None, "{input:?}");
        }
    }
}
