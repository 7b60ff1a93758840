//! The browser and operating system, named from the user-agent string and nothing else.

/// "Chrome 156 on Windows", "Safari 17 on iOS 17", or "an unknown browser" when unsure.
pub fn describe(user_agent: &str) -> String {
    let browser = browser(user_agent);
    match (browser, system(user_agent)) {
        (Some(browser), Some(system)) => format!("{browser} on {system}"),
        (Some(browser), None) => browser,
        (None, Some(system)) => format!("a browser on {system}"),
        (None, None) => "an unknown browser".to_owned(),
    }
}

/// The major version after `marker` (such as `Chrome/`), if there is one.
fn version_after(user_agent: &str, marker: &str) -> Option<String> {
    let rest = &user_agent[user_agent.find(marker)? + marker.len()..];
    let major: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (!major.is_empty()).then_some(major)
}

fn browser(ua: &str) -> Option<String> {
    // Order matters: Edge, Opera and Samsung also say "Chrome"; Chrome also says "Safari".
    let named = [
        ("Edg/", "Edge"),
        ("EdgiOS/", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"),
    ];
    for (marker, name) in named {
        if let Some(version) = version_after(ua, marker) {
            let name = if name == "Chrome" && ua.contains("Chromium/") {
                "Chromium"
            } else {
                name
            };
            return Some(format!("{name} {version}"));
        }
    }
    if ua.contains("Safari/") {
        return Some(match version_after(ua, "Version/") {
            Some(version) => format!("Safari {version}"),
            None => "Safari".to_owned(),
        });
    }
    None
}

fn system(ua: &str) -> Option<String> {
    if let Some(version) = version_after(ua, "iPhone OS ").or_else(|| version_after(ua, "CPU OS "))
    {
        return Some(format!("iOS {version}"));
    }
    if let Some(version) = version_after(ua, "Android ") {
        return Some(format!("Android {version}"));
    }
    let named = [
        ("Windows NT 10.0", "Windows 10 or 11"),
        ("Windows NT 6.3", "Windows 8.1"),
        ("Windows NT 6.1", "Windows 7"),
        ("Windows", "Windows"),
        ("CrOS", "ChromeOS"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ];
    named
        .iter()
        .find(|(marker, _)| ua.contains(marker))
        .map(|(_, name)| (*name).to_owned())
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn names_common_browsers_and_systems() {
        let cases = [
            ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome 131 on Windows 10 or 11"),
            ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86", "Edge 131 on Windows 10 or 11"),
            ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari 18 on macOS"),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1", "Safari 17 on iOS 17"),
            ("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox 133 on Linux"),
            ("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", "Samsung Internet 26 on Android 14"),
            ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36", "Chrome 156 on Linux"),
        ];
        for (ua, expected) in cases {
            assert_eq!(describe(ua), expected, "{ua}");
        }
    }

    #[test]
    fn says_so_when_it_cannot_tell() {
        assert_eq!(describe(""), "an unknown browser");
        assert_eq!(describe("curl/8.5.0"), "an unknown browser");
        assert_eq!(describe("SomeBot (Linux)"), "a browser on Linux");
        assert_eq!(describe("Chrome/"), "an unknown browser");
    }
}
