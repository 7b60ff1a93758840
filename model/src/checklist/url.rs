//! Which addresses a link or setting may have.

/// The longest address a link or setting may have.
pub const MAX_URL_LEN: usize = 2048;

/// Links may only lead to web pages or open a mail program: never `javascript:` or `data:`,
/// and never a web address with a user name or password in it.
pub fn is_safe_url(url: &str) -> bool {
    // Longer than any real address; bounds what a check result saves of the webmail address.
    if url.len() > MAX_URL_LEN {
        return false;
    }
    let lower = url.trim_start().to_ascii_lowercase();
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme));
    match rest {
        Some(host_and_path) => {
            !host_and_path.is_empty()
                && !url.chars().any(char::is_whitespace)
                && !has_login_in(host_and_path)
        }
        None => lower
            .strip_prefix("mailto:")
            .is_some_and(|to| !to.is_empty()),
    }
}

/// Whether an `https:` or `http:` address carries a user name or password
/// (`https://user:pass@host/`): the browser would send them, and they can disguise the real
/// host (`https://bank.example@evil.example/` leads to evil.example).
pub fn has_login(url: &str) -> bool {
    url.trim_start()
        .split_once("//")
        .is_some_and(|(scheme, rest)| {
            (scheme.eq_ignore_ascii_case("https:") || scheme.eq_ignore_ascii_case("http:"))
                && has_login_in(rest)
        })
}

/// Whether what follows `https://` has an `@` before the host ends.
fn has_login_in(rest: &str) -> bool {
    // Browsers skip any further slashes (and read `\` as `/`) before the host.
    let mut before_host = true;
    for byte in rest.bytes() {
        match byte {
            b'/' | b'\\' if before_host => {}
            b'@' => return true,
            b'/' | b'\\' | b'?' | b'#' => return false,
            _ => before_host = false,
        }
    }
    false
}
