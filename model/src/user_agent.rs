//! The browser and operating system, named from the user-agent string and nothing else.

use super::checklist::UiText;

/// "Chrome 156 on Windows 10/11", "Safari 17 on iOS 17", in the content's words (only the
/// products' names are the same in every language).
pub fn describe(text: &UiText, user_agent: &str) -> String {
    let browser = browser(user_agent);
    let browser = browser.as_deref().unwrap_or(text.report_browser_unknown());
    match system(user_agent) {
        Some(system) => text.report_browser_on(browser, &system),
        None => browser.to_owned(),
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
            return Some([name, " ", &version].concat());
        }
    }
    if ua.contains("Safari/") {
        return Some(match version_after(ua, "Version/") {
            Some(version) => "Safari ".to_owned() + &version,
            None => "Safari".to_owned(),
        });
    }
    None
}

fn system(ua: &str) -> Option<String> {
    if let Some(version) = version_after(ua, "iPhone OS ").or_else(|| version_after(ua, "CPU OS "))
    {
        return Some("iOS ".to_owned() + &version);
    }
    if let Some(version) = version_after(ua, "Android ") {
        return Some("Android ".to_owned() + &version);
    }
    let named = [
        ("Windows NT 10.0", "Windows 10/11"),
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
