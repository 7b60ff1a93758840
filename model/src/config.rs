//! A host's settings for one widget, checked one setting at a time.
//!
//! Settings come from attributes, from JSON (a child `<script type="application/json">` or a
//! `config` attribute) and from `mount(element, config)`. A value that is not acceptable is
//! reported with the setting's name and what was expected, and the default stays in force: one
//! bad setting never stops the troubleshooter.

use super::checklist::{has_login, is_safe_url, Checklist, ContentError, Text, UiText};
use super::names;
use super::servers::{self, Servers, ServersFault};
use std::borrow::Cow;

/// Every setting a host can give, one row each: its JSON key (in JSON settings and in
/// `mount()`'s object), its element attribute (for the settings simple enough to be one), what a
/// value must be, and how a text value is taken into [`Config`]. The embed script's list of
/// attributes and the README's settings table are checked against this one (tests/config.rs).
macro_rules! settings {
    ($($(#[$doc:meta])* $name:ident: $json:literal, $attribute:expr, $expected:expr, $take:expr;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Setting {
            $($(#[$doc])* $name,)*
        }

        impl Setting {
            pub const ALL: [Setting; [$($json),*].len()] = [$(Setting::$name),*];

            /// The key in JSON settings and in `mount()`'s object.
            pub fn json_key(self) -> &'static str {
                match self {
                    $(Setting::$name => $json,)*
                }
            }

            /// The element attribute, for the settings simple enough to be one.
            pub fn attribute(self) -> Option<&'static str> {
                match self {
                    $(Setting::$name => $attribute,)*
                }
            }

            /// What a value of this setting must be.
            pub fn expected(self) -> Expected {
                match self {
                    $(Setting::$name => $expected,)*
                }
            }

            /// Takes a trimmed text value into `config`; `Err` says why it was refused.
            fn take(self, config: &mut Config, value: &str) -> Result<(), Expected> {
                match self {
                    $(Setting::$name => {
                        let take: fn(&mut Config, &str) -> _ = $take;
                        Refusal::or_expected(take(config, value), $expected)
                    })*
                }
            }
        }
    };
}

settings! {
    WebmailUrl: "webmailUrl", Some("webmail-url"), Expected::Url,
        |config, value| url(value).map(|url| config.webmail_url = Some(url));
    HelpToolUrl: "helpToolUrl", Some("help-tool-url"), Expected::Url,
        |config, value| url(value).map(|url| config.help_tool_url = Some(url));
    DnsRecordsUrl: "dnsRecordsUrl", Some("dns-records-url"), Expected::Url,
        |config, value| url(value).map(|url| config.dns_records_url = Some(url));
    AdminContact: "adminContact", Some("admin-contact"), Expected::Contact,
        |config, value| contact_href(value).map(|href| config.admin_contact = Some(href));
    ProviderName: "providerName", Some("provider-name"), Expected::Text,
        |config, value| provider_name(value).map(|name| config.provider_name = Some(name));
    StorageKey: "storageKey", Some("storage-key"), Expected::StorageKey,
        |config, value| storage_key(value).map(|key| config.storage_key = Some(key));
    Lang: "lang", Some("lang"), Expected::Lang,
        |config, value| non_empty(value)
            .filter(|tag| is_language_tag(tag))
            .map(|tag| config.lang = Some(tag));
    Theme: "theme", Some("theme"), Expected::Theme,
        |config, value| theme(value).map(|theme| config.theme = theme);
    /// A whole checklist: never a text value, so never an attribute.
    Checklist: "checklist", None, Expected::Checklist, |_, _| None;
    Domain: "domain", Some("domain"), Expected::DomainOrAddress,
        |config, value| super::checks::domain::domain_from_input(value)
            .map(|_| config.domain = Some(value.to_owned()));
    DohUrl: "dohUrl", Some("doh-url"), Expected::WebUrl,
        |config, value| web_url(value).map(|url| config.doh_url = Some(url));
    RdapUrl: "rdapUrl", Some("rdap-url"), Expected::WebUrl,
        |config, value| web_url(value).map(|url| config.rdap_url = Some(url));
    ExpectedMx: "expectedMx", Some("expected-mx"), Expected::Hosts,
        |config, value| hosts(value).map(|hosts| config.expected_mx = Some(hosts));
    CheckTimeout: "checkTimeout", Some("check-timeout"), Expected::Seconds,
        |config, value| value
            .parse::<u32>()
            .ok()
            .filter(|seconds| (1..=60).contains(seconds))
            .map(|seconds| config.check_timeout = Some(seconds));
    Heading: "heading", Some("heading"), Expected::ShowOrHide,
        |config, value| match value {
            "show" => Some(false),
            "hide" => Some(true),
            _ => None,
        }
        .map(|hide| config.hide_heading = hide);
    SpfInclude: "spfInclude", Some("spf-include"), Expected::Host,
        |config, value| host(value).map(|name| config.spf_include = Some(name));
    AutodiscoverTarget: "autodiscoverTarget", Some("autodiscover-target"), Expected::Host,
        |config, value| host(value).map(|name| config.autodiscover_target = Some(name));
    Servers: "servers", Some("servers"), Expected::Servers(ServersFault::Parts),
        |config, value| servers::parse(value)
            .map(|servers| config.servers = Some(servers))
            .map_err(Expected::Servers);
}

/// What a row's taker gives back: `None`, or an `Err` naming something more precise than
/// what the setting expects.
trait Refusal {
    fn or_expected(self, expected: Expected) -> Result<(), Expected>;
}

impl Refusal for Option<()> {
    fn or_expected(self, expected: Expected) -> Result<(), Expected> {
        self.ok_or(expected)
    }
}

impl Refusal for Result<(), Expected> {
    fn or_expected(self, _: Expected) -> Result<(), Expected> {
        self
    }
}

impl Setting {
    pub fn from_json_key(key: &str) -> Option<Setting> {
        Setting::ALL.into_iter().find(|s| s.json_key() == key)
    }

    /// The content link a URL setting replaces.
    fn link_id(self) -> Option<&'static str> {
        match self {
            Setting::WebmailUrl => Some("webmail"),
            Setting::HelpToolUrl => Some("email_help_tool"),
            Setting::DnsRecordsUrl => Some("dns_records"),
            _ => None,
        }
    }
}

/// What a setting's value should have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// An `https:`, `http:` or `mailto:` address.
    Url,
    /// An email address, or an `https:`, `http:` or `mailto:` address.
    Contact,
    /// Some text.
    Text,
    /// Up to 64 letters, digits, `-`, `_` or `.`.
    StorageKey,
    /// A language tag such as `en` or `en-GB`.
    Lang,
    /// `light`, `dark` or `auto`.
    Theme,
    /// A checklist in the built-in content's schema.
    Checklist,
    /// One of the known setting names (the name given is not one).
    KnownSetting,
    /// A JSON object of settings.
    JsonObject,
    /// An `https:` (or `http:`) address.
    WebUrl,
    /// A domain such as `example.com`, or an email address.
    DomainOrAddress,
    /// Host names separated by commas.
    Hosts,
    /// A whole number of seconds from 1 to 60.
    Seconds,
    /// A name of at most [`names::MAX_NAME_CHARS`] characters.
    Name,
    /// An address without a user name or password (`https://user:pass@…`).
    NoLogin,
    /// `show` or `hide`.
    ShowOrHide,
    /// One host name, such as `emailsrvr.com`.
    Host,
    /// One plain email address: a `mailto:` contact with `?cc=`, `?bcc=` or a second
    /// address would add recipients to every report sent with it.
    OneAddress,
    /// The mail app's servers as `imap=host:port:ssl; smtp=…; user=address`; the fault
    /// names the first part that is wrong.
    Servers(ServersFault),
}

/// A setting that could not be used, named as the host wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    /// The attribute or JSON key, such as `webmail-url` or `checklist`.
    pub field: String,
    pub expected: Expected,
    /// What was wrong in more detail, where there is more to say (a checklist's first problem).
    pub detail: Option<String>,
}

/// The widget's colour scheme (the `theme` setting). More may be added in a minor release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Theme {
    /// Light or dark as the user's system prefers.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// The settings in force for one widget.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    pub webmail_url: Option<String>,
    pub help_tool_url: Option<String>,
    pub dns_records_url: Option<String>,
    /// Where "contact your administrator" leads: a `mailto:` or web address.
    pub admin_contact: Option<String>,
    /// The name as it goes into sentences: cleaned, and isolated if it isn't plain ASCII.
    pub provider_name: Option<String>,
    pub storage_key: Option<String>,
    pub lang: Option<String>,
    pub theme: Theme,
    pub checklist: Option<Checklist>,
    /// The user's domain, as an address or a domain, to fill in the mail records check.
    pub domain: Option<String>,
    pub doh_url: Option<String>,
    pub rdap_url: Option<String>,
    pub expected_mx: Option<Vec<String>>,
    pub check_timeout: Option<u32>,
    pub spf_include: Option<String>,
    pub autodiscover_target: Option<String>,
    /// Leave out the widget's own heading and intro: the host page already says them.
    pub hide_heading: bool,
    /// The mail app's settings, shown where a finding says to set it up again.
    pub servers: Option<Servers>,
}

/// The DNS-over-HTTPS JSON service asked for MX records (Google's `https://dns.google/resolve`
/// takes the same requests).
pub const DEFAULT_DOH_URL: &str = "https://cloudflare-dns.com/dns-query";
/// The RDAP service asked about registrations; the domain goes on the end.
pub const DEFAULT_RDAP_URL: &str = "https://rdap.org/domain/";
/// The provider's documented mail hosts.
pub const DEFAULT_EXPECTED_MX: [&str; 2] = ["mx1.emailsrvr.com", "mx2.emailsrvr.com"];
/// The most mail hosts a host may expect: a provider names two or three. The limit keeps a
/// check result, which lists the missing ones, short enough to save.
pub const MAX_EXPECTED_MX: usize = 10;
/// How long a check waits for an answer.
pub const DEFAULT_CHECK_TIMEOUT: u32 = 8;
/// The name the provider's SPF record tells domains to include.
pub const DEFAULT_SPF_INCLUDE: &str = "emailsrvr.com";
/// Where the provider tells domains to point `autodiscover.<domain>`.
pub const DEFAULT_AUTODISCOVER_TARGET: &str = "autodiscover.emailsrvr.com";

/// Everything the checks need: where to ask, what to expect, how long to wait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckSettings {
    pub domain: Option<String>,
    pub doh_url: String,
    pub rdap_url: String,
    pub expected_mx: Vec<String>,
    pub spf_include: String,
    pub autodiscover_target: String,
    pub timeout_seconds: u32,
    pub webmail_url: String,
    /// The mail app's settings: the host's, or the provider's published ones.
    pub servers: Servers,
}

impl Default for CheckSettings {
    /// The defaults, with no webmail portal to visit.
    fn default() -> Self {
        Config::default().check_settings_with(String::new())
    }
}

impl CheckSettings {
    /// The address that asks the DNS-over-HTTPS service for a domain's MX records.
    pub fn mx_request(&self, domain: &str) -> String {
        self.dns_request(domain, "MX")
    }

    /// The address that asks the DNS-over-HTTPS service for records of one type.
    pub fn dns_request(&self, name: &str, kind: &str) -> String {
        let separator = if self.doh_url.contains('?') {
            "&name="
        } else {
            "?name="
        };
        [&*self.doh_url, separator, name, "&type=", kind].concat()
    }

    /// The address that asks the RDAP service about a domain: `{domain}` in the setting is
    /// replaced, or the domain goes on the end.
    pub fn registration_request(&self, domain: &str) -> String {
        if self.rdap_url.contains("{domain}") {
            self.rdap_url.replace("{domain}", domain)
        } else {
            self.rdap_url.clone() + domain
        }
    }
}

impl Config {
    /// Takes one text setting. An unacceptable value leaves the setting as it was and says
    /// what was expected instead.
    pub fn set(&mut self, setting: Setting, value: &str) -> Result<(), Expected> {
        let value = value.trim();
        setting
            .take(self, value)
            .map_err(|expected| match expected {
                // A login in an address is named as such, whichever address setting it is in.
                Expected::Url | Expected::WebUrl if has_login(value) => Expected::NoLogin,
                _ => expected,
            })
    }

    /// What the checks use: the host's settings, or the defaults; the portal is the
    /// checklist's webmail link.
    pub fn check_settings(&self, checklist: &Checklist) -> CheckSettings {
        self.check_settings_with(
            checklist
                .link_by_id("webmail")
                .map(|l| l.url.to_string())
                .unwrap_or_default(),
        )
    }

    fn check_settings_with(&self, webmail_url: String) -> CheckSettings {
        CheckSettings {
            domain: self.domain.clone(),
            doh_url: self
                .doh_url
                .clone()
                .unwrap_or_else(|| DEFAULT_DOH_URL.to_owned()),
            rdap_url: self
                .rdap_url
                .clone()
                .unwrap_or_else(|| DEFAULT_RDAP_URL.to_owned()),
            expected_mx: self.expected_mx.clone().unwrap_or_else(|| {
                DEFAULT_EXPECTED_MX
                    .iter()
                    .map(|h| (*h).to_owned())
                    .collect()
            }),
            spf_include: self
                .spf_include
                .clone()
                .unwrap_or_else(|| DEFAULT_SPF_INCLUDE.to_owned()),
            autodiscover_target: self
                .autodiscover_target
                .clone()
                .unwrap_or_else(|| DEFAULT_AUTODISCOVER_TARGET.to_owned()),
            timeout_seconds: self.check_timeout.unwrap_or(DEFAULT_CHECK_TIMEOUT),
            webmail_url,
            servers: self.servers.clone().unwrap_or_default(),
        }
    }

    /// Takes a host's own checklist, if it follows every rule the built-in one does.
    pub fn set_checklist(&mut self, checklist: Checklist) -> Result<(), Vec<ContentError>> {
        let mut checklist = checklist.checked()?;
        // Its own provider name goes into sentences like the setting's: cleaned, isolated,
        // and cut (not refused: the checklist is otherwise good) past the longest name.
        let name = names::clean(&checklist.provider, names::MAX_NAME_CHARS).unwrap_or_default();
        checklist.provider = Cow::Owned(names::isolated(&name).into_owned());
        self.checklist = Some(checklist);
        Ok(())
    }

    /// The checklist to show: the host's own or the built-in one, with the host's links and
    /// provider name in place.
    pub fn checklist(&self, builtin: &Checklist) -> Checklist {
        let mut checklist = self.checklist.clone().unwrap_or_else(|| builtin.clone());
        if let Some(name) = &self.provider_name {
            checklist.provider = Cow::Owned(name.clone());
        }
        for (setting, url) in [
            (Setting::WebmailUrl, &self.webmail_url),
            (Setting::HelpToolUrl, &self.help_tool_url),
            (Setting::DnsRecordsUrl, &self.dns_records_url),
        ] {
            let (Some(url), Some(id)) = (url, setting.link_id()) else {
                continue;
            };
            if let Some(link) = checklist.links.to_mut().iter_mut().find(|l| l.id == id) {
                link.url = Text::Owned(url.clone());
            }
        }
        checklist.with_provider_name()
    }
}

/// A problem in the words of the interface: "webmail-url: expected an https:, … address".
pub fn describe(text: &UiText, problem: &ConfigProblem) -> String {
    let expected = match problem.expected {
        Expected::Url => &text.expected_url(),
        Expected::Contact => &text.expected_contact(),
        Expected::Text => &text.expected_text(),
        Expected::StorageKey => &text.expected_storage_key(),
        Expected::Lang => &text.expected_lang(),
        Expected::Theme => &text.expected_theme(),
        Expected::ShowOrHide => &text.expected_heading(),
        Expected::Checklist => &text.expected_checklist(),
        Expected::KnownSetting => &text.expected_known_setting(),
        Expected::JsonObject => &text.expected_json_object(),
        Expected::WebUrl => &text.expected_web_url(),
        Expected::DomainOrAddress => &text.expected_domain(),
        Expected::Hosts => &text.expected_hosts(),
        Expected::Seconds => &text.expected_seconds(),
        Expected::Name => &text.expected_name(),
        Expected::NoLogin => &text.expected_no_login(),
        Expected::OneAddress => &text.expected_one_address(),
        Expected::Host => &text.expected_host(),
        Expected::Servers(_) => &text.expected_servers(),
    };
    let line = text.config_problem(&problem.field, expected);
    let detail = match problem.expected {
        Expected::Servers(fault) => Some(servers::fault_text(text, fault)),
        _ => problem.detail.clone(),
    };
    match detail {
        Some(detail) => [&*line, " (", &detail, ")"].concat(),
        None => line,
    }
}

/// A service address: `https:` or `http:` only, never `mailto:` or anything else.
fn web_url(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    (is_safe_url(value) && (lower.starts_with("https://") || lower.starts_with("http://")))
        .then(|| value.to_owned())
}

/// An `https:`, `http:` or `mailto:` address.
fn url(value: &str) -> Option<String> {
    is_safe_url(value).then(|| value.to_owned())
}

/// Up to 64 letters, digits, `-`, `_` or `.`: it goes into storage keys and links.
fn storage_key(value: &str) -> Option<String> {
    non_empty(value).filter(|key| {
        key.len() <= 64
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    })
}

fn theme(value: &str) -> Option<Theme> {
    match value {
        "auto" => Some(Theme::Auto),
        "light" => Some(Theme::Light),
        "dark" => Some(Theme::Dark),
        _ => None,
    }
}

/// A comma-separated list of 1 to [`MAX_EXPECTED_MX`] host names.
fn hosts(value: &str) -> Option<Vec<String>> {
    let hosts: Option<Vec<String>> = value
        .split(',')
        .map(super::checks::domain::domain_from_input)
        .collect();
    hosts.filter(|hosts| (1..=MAX_EXPECTED_MX).contains(&hosts.len()))
}

/// One DNS name, as `expectedMx` takes each of its names (no address, no list).
fn host(value: &str) -> Option<String> {
    super::checks::domain::domain_from_input(value).filter(|_| !value.contains('@'))
}

fn non_empty(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_owned())
}

/// An administrator's contact as a link: an address becomes `mailto:`, a web address must be
/// safe. A `mailto:` contact is one plain address, because the report's "Email" link adds
/// `?subject=…&body=…` to it: anything after the address (`?bcc=`) would ride along.
pub fn contact_href(value: &str) -> Result<String, Expected> {
    if has_login(value) {
        return Err(Expected::NoLogin);
    }
    let address = match value.split_once(':') {
        Some((scheme, address)) if scheme.eq_ignore_ascii_case("mailto") => address,
        _ if is_safe_url(value) => return Ok(value.to_owned()),
        _ => value,
    };
    if plain_address(address) {
        Ok("mailto:".to_owned() + address)
    } else if address.len() < value.len() {
        Err(Expected::OneAddress)
    } else {
        Err(Expected::Contact)
    }
}

/// One email address and nothing else: no second address, query, fragment or escapes.
fn plain_address(value: &str) -> bool {
    let Some((user, domain)) = value.split_once('@') else {
        return false;
    };
    let plain = |part: &str| {
        !part.is_empty()
            && !part
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"/?#&=%@".contains(c))
    };
    plain(user)
        && plain(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

/// A provider's name as it goes into sentences: cleaned of controls and direction marks, and
/// isolated so a right-to-left name can't reorder the words around it. A name too long to
/// stand in a sentence is refused rather than cut: the host sees it named among the settings
/// problems and fixes it in one place, where a cut name would go out unnoticed.
fn provider_name(value: &str) -> Result<String, Expected> {
    let name = names::clean(value, usize::MAX).ok_or(Expected::Text)?;
    if name.chars().count() > names::MAX_NAME_CHARS {
        return Err(Expected::Name);
    }
    Ok(names::isolated(&name).into_owned())
}

/// A BCP 47 language tag in its usual shape: `en`, `de`, `pt-BR`, `zh-Hant-TW`.
pub fn is_language_tag(value: &str) -> bool {
    let mut parts = value.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
