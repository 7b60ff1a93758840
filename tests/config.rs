//! A host's settings, one at a time: what is accepted, what is refused and why.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use email_troubleshooter::content::BUILTIN_EN;
use email_troubleshooter::model::checklist::is_safe_url;
use email_troubleshooter::model::config::CheckSettings;
use email_troubleshooter::model::config::{contact_href, describe, is_language_tag};
use email_troubleshooter::model::names::MAX_NAME_CHARS;
use email_troubleshooter::model::report;
use email_troubleshooter::model::{
    Config, ConfigProblem, Expected, Progress, Setting, Theme, Timestamp,
};

#[test]
fn every_setting_has_a_json_key_and_the_simple_ones_an_attribute() {
    for setting in Setting::ALL {
        assert_eq!(Setting::from_json_key(setting.json_key()), Some(setting));
    }
    assert_eq!(Setting::WebmailUrl.attribute(), Some("webmail-url"));
    assert_eq!(
        Setting::Checklist.attribute(),
        None,
        "a checklist is too big for an attribute"
    );
    assert_eq!(
        Setting::from_json_key("webmail-url"),
        None,
        "JSON keys are camelCase"
    );
}

/// The setting names a host can meet elsewhere: the embed script's observed attributes and the
/// README's table. Each is checked against the code's own list, so adding a setting in one
/// place only fails here.
#[test]
fn the_embed_script_and_the_readme_name_every_setting_as_the_code_does() {
    let mut keys: Vec<&str> = Setting::ALL.iter().map(|s| s.json_key()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), Setting::ALL.len(), "no setting listed twice");

    let script = include_str!("../embed/email-troubleshooter.js");
    let list = script
        .split("const SETTINGS = [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("the embed script lists the attributes it observes");
    let mut observed: Vec<&str> = list
        .split(',')
        .map(|name| name.trim().trim_matches('"'))
        .collect();
    let mut attributes: Vec<&str> = std::iter::once("config")
        .chain(Setting::ALL.iter().filter_map(|s| s.attribute()))
        .collect();
    observed.sort_unstable();
    attributes.sort_unstable();
    assert_eq!(
        observed, attributes,
        "the embed script observes every attribute"
    );

    let readme = include_str!("../README.md");
    let table = readme
        .split("| attribute | JSON key | value | default |")
        .nth(1)
        .expect("the README has the settings table");
    let mut rows: Vec<(String, String)> = table
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            (cells[1].to_owned(), cells[2].to_owned())
        })
        .collect();
    let mut documented: Vec<(String, String)> = Setting::ALL
        .iter()
        .map(|s| {
            let attribute = s
                .attribute()
                .map_or_else(|| "(none)".to_owned(), |a| format!("`{a}`"));
            (attribute, format!("`{}`", s.json_key()))
        })
        .collect();
    rows.sort();
    documented.sort();
    assert_eq!(
        rows, documented,
        "the README's table has a row for each setting"
    );
}

#[test]
fn links_accept_only_web_and_mail_addresses() {
    let mut config = Config::default();
    assert_eq!(
        config.set(Setting::WebmailUrl, " https://mail.example.com/ "),
        Ok(())
    );
    assert_eq!(
        config.webmail_url.as_deref(),
        Some("https://mail.example.com/")
    );
    for bad in [
        "javascript:alert(1)",
        "data:text/html,hi",
        "//evil.example",
        "",
        "mail.example.com",
    ] {
        assert_eq!(
            config.set(Setting::HelpToolUrl, bad),
            Err(Expected::Url),
            "{bad:?}"
        );
    }
    assert_eq!(
        config.help_tool_url, None,
        "a refused value leaves the default"
    );
}

#[test]
fn the_administrator_can_be_an_address_or_a_link() {
    assert_eq!(
        contact_href("help@example.com").as_deref(),
        Ok("mailto:help@example.com")
    );
    assert_eq!(
        contact_href("mailto:help@example.com").as_deref(),
        Ok("mailto:help@example.com")
    );
    assert_eq!(
        contact_href("MAILTO:help@example.com").as_deref(),
        Ok("mailto:help@example.com")
    );
    assert_eq!(
        contact_href("https://example.com/help").as_deref(),
        Ok("https://example.com/help")
    );
    for bad in [
        "help",
        "help@",
        "@example.com",
        "help@example",
        "a b@example.com",
        "help@example.com?subject=x",
        "javascript:x@y.z",
    ] {
        assert_eq!(contact_href(bad), Err(Expected::Contact), "{bad:?}");
    }
}

#[test]
fn a_mailto_contact_is_one_plain_address_so_the_report_gets_no_hidden_recipient() {
    for bad in [
        "mailto:a@b.c?bcc=evil@x.y",
        "mailto:a@b.c?subject=x",
        "mailto:a@b.c#part",
        "mailto:a@b.c,evil@x.y",
        "mailto:a@b.c;evil@x.y",
        "mailto:a@b.c%3Fbcc=evil@x.y",
        "mailto:a@b.c@x.y",
        "mailto:a b@c.d",
        "mailto:",
        "mailto:?bcc=evil@x.y",
    ] {
        assert_eq!(contact_href(bad), Err(Expected::OneAddress), "{bad:?}");
        let mut config = Config::default();
        assert_eq!(
            config.set(Setting::AdminContact, bad),
            Err(Expected::OneAddress),
            "{bad:?}"
        );
        assert_eq!(config.admin_contact, None, "{bad:?}: no contact is kept");
    }
    // The report's link puts its own query after the address: exactly one `?`.
    let mut config = Config::default();
    config
        .set(Setting::AdminContact, "mailto:it@example.com")
        .expect("a plain address");
    let to = config
        .admin_contact
        .as_deref()
        .and_then(|href| href.strip_prefix("mailto:"));
    let content = common::checklist();
    let progress = Progress::new(&content, common::today());
    let built = report::build(
        &content,
        &progress,
        &CheckSettings::default(),
        Timestamp(0),
        0,
        "a browser",
    );
    let (href, _) = built.mailto(to, "Subject");
    assert!(href.starts_with("mailto:it@example.com?subject="), "{href}");
    assert_eq!(href.matches('?').count(), 1, "{href}");
}

#[test]
fn no_address_setting_takes_a_user_name_or_password() {
    let logins = [
        "https://user:pass@mail.example.com/",
        "https://user@mail.example.com/",
        "http://user:pass@mail.example.com",
        "HTTPS://User:Pass@Mail.Example.com/",
        "https://mail.example.com@evil.example/",
        "https:///user@evil.example/",
        "https://user:pass@mail.example.com?x",
    ];
    for setting in [
        Setting::WebmailUrl,
        Setting::HelpToolUrl,
        Setting::DnsRecordsUrl,
        Setting::DohUrl,
        Setting::RdapUrl,
        Setting::AdminContact,
    ] {
        for bad in logins {
            let mut config = Config::default();
            assert_eq!(
                config.set(setting, bad),
                Err(Expected::NoLogin),
                "{setting:?} {bad:?}"
            );
            assert_eq!(
                config,
                Config::default(),
                "{setting:?} {bad:?}: nothing kept"
            );
        }
        // An `@` after the host is part of the path, not a login.
        let mut config = Config::default();
        assert_eq!(
            config.set(setting, "https://mail.example.com/@team?to=a@b.c#x@y"),
            Ok(()),
            "{setting:?}"
        );
    }
    for bad in logins {
        assert!(!is_safe_url(bad), "{bad:?} is not a safe link anywhere");
    }
    let text = &common::checklist().text;
    let problem = ConfigProblem {
        field: "doh-url".into(),
        expected: Expected::NoLogin,
        detail: None,
    };
    assert_eq!(
        describe(text, &problem),
        "doh-url: expected an address without a user name or password in it"
    );
}

#[test]
fn a_provider_name_is_cleaned_and_an_overlong_one_is_refused() {
    let mut config = Config::default();
    assert_eq!(
        config.set(Setting::ProviderName, &"W".repeat(10_000)),
        Err(Expected::Name)
    );
    assert_eq!(
        config.set(Setting::ProviderName, &"W".repeat(MAX_NAME_CHARS + 1)),
        Err(Expected::Name)
    );
    assert_eq!(
        config.set(
            Setting::ProviderName,
            &format!("{} X", "W".repeat(MAX_NAME_CHARS - 1))
        ),
        Err(Expected::Name),
        "one word past the limit after a space is refused, not cut"
    );
    assert_eq!(config.provider_name, None, "the default name stays");
    assert_eq!(
        config.set(Setting::ProviderName, "\u{202E}\u{2066}\n"),
        Err(Expected::Text),
        "nothing is left once controls and direction marks go"
    );
    let longest = "W".repeat(MAX_NAME_CHARS);
    assert_eq!(config.set(Setting::ProviderName, &longest), Ok(()));
    assert_eq!(config.provider_name.as_deref(), Some(longest.as_str()));
    assert_eq!(
        config.set(Setting::ProviderName, "Acme\u{202E} Mail\u{0007}"),
        Ok(())
    );
    assert_eq!(config.provider_name.as_deref(), Some("Acme Mail"));
    let text = &common::checklist().text;
    let problem = ConfigProblem {
        field: "provider-name".into(),
        expected: Expected::Name,
        detail: None,
    };
    assert_eq!(
        describe(text, &problem),
        format!("provider-name: expected a name of at most {MAX_NAME_CHARS} characters")
    );
}

#[test]
fn a_right_to_left_name_is_isolated_in_every_sentence_it_fills() {
    let mut config = Config::default();
    config
        .set(Setting::ProviderName, "דואר ישראל")
        .expect("a name");
    let checklist = config.checklist(&BUILTIN_EN);
    assert_eq!(
        &*checklist.steps[2].question,
        "Have you recently moved your mail to \u{2068}דואר ישראל\u{2069} from another provider?"
    );
    assert_eq!(&*checklist.provider, "\u{2068}דואר ישראל\u{2069}");
    let with_name = BUILTIN_EN
        .steps
        .iter()
        .zip(checklist.steps.iter())
        .filter(|(builtin, _)| builtin.question.contains("{provider}"));
    assert_eq!(
        with_name.clone().count(),
        2,
        "steps 3 and 4 name the provider"
    );
    for (_, filled) in with_name {
        assert!(
            filled.question.contains("\u{2068}דואר ישראל\u{2069}"),
            "{}",
            filled.question
        );
    }
    // A host's own checklist brings its own name, which is cleaned and isolated the same way.
    let mut own = common::checklist();
    own.provider = "\u{202E}Acme".into();
    let mut config = Config::default();
    config.set_checklist(own).expect("the built-in rules hold");
    assert_eq!(&*config.checklist(&BUILTIN_EN).provider, "Acme");
    // The built-in name is plain ASCII and goes in unmarked.
    let defaults = Config::default().checklist(&BUILTIN_EN);
    assert_eq!(&*defaults.provider, "Rackspace Cloud Office");
}

#[test]
fn text_settings_must_not_be_empty_and_keys_and_languages_keep_their_shape() {
    let mut config = Config::default();
    assert_eq!(config.set(Setting::ProviderName, "  "), Err(Expected::Text));
    assert_eq!(config.set(Setting::StorageKey, "help-page_2.en"), Ok(()));
    assert_eq!(
        config.set(Setting::StorageKey, "has space"),
        Err(Expected::StorageKey)
    );
    assert_eq!(
        config.set(Setting::StorageKey, &"k".repeat(65)),
        Err(Expected::StorageKey)
    );
    assert_eq!(config.storage_key.as_deref(), Some("help-page_2.en"));
    for tag in ["en", "de", "pt-BR", "zh-Hant-TW", "es-419"] {
        assert!(is_language_tag(tag), "{tag}");
    }
    for tag in [
        "",
        "e",
        "english",
        "en_GB",
        "en-",
        "-en",
        "en-toolongsubtag",
    ] {
        assert!(!is_language_tag(tag), "{tag}");
    }
}

#[test]
fn addresses_and_expected_hosts_are_bounded_so_a_check_result_stays_short() {
    let mut config = Config::default();
    let address = |len: usize| format!("https://mail.example.com/{}", "a".repeat(len - 25));
    assert_eq!(config.set(Setting::WebmailUrl, &address(2048)), Ok(()));
    assert_eq!(
        config.set(Setting::WebmailUrl, &address(2049)),
        Err(Expected::Url)
    );
    let hosts = |n: usize| {
        (0..n)
            .map(|i| format!("mx{i}.example.com"))
            .collect::<Vec<_>>()
            .join(",")
    };
    assert_eq!(config.set(Setting::ExpectedMx, &hosts(10)), Ok(()));
    assert_eq!(
        config.set(Setting::ExpectedMx, &hosts(11)),
        Err(Expected::Hosts)
    );
    assert_eq!(config.expected_mx.map(|h| h.len()), Some(10));
}

#[test]
fn theme_is_light_dark_or_auto() {
    let mut config = Config::default();
    assert_eq!(config.theme, Theme::Auto);
    assert_eq!(config.set(Setting::Theme, "dark"), Ok(()));
    assert_eq!(config.set(Setting::Theme, "purple"), Err(Expected::Theme));
    assert_eq!(config.theme, Theme::Dark);
}

#[test]
fn the_heading_is_shown_unless_the_host_says_hide() {
    let mut config = Config::default();
    assert!(!config.hide_heading);
    assert_eq!(config.set(Setting::Heading, " hide "), Ok(()));
    assert!(config.hide_heading);
    assert_eq!(
        config.set(Setting::Heading, "none"),
        Err(Expected::ShowOrHide)
    );
    assert!(
        config.hide_heading,
        "a bad value leaves the setting as it was"
    );
    assert_eq!(config.set(Setting::Heading, "show"), Ok(()));
    assert!(!config.hide_heading);
    assert_eq!(Setting::from_json_key("heading"), Some(Setting::Heading));
}

#[test]
fn the_checklist_shown_carries_the_hosts_links_and_name() {
    let mut config = Config::default();
    config
        .set(Setting::WebmailUrl, "https://mail.example.com/")
        .expect("a web address");
    config
        .set(Setting::DnsRecordsUrl, "https://example.com/dns")
        .expect("a web address");
    config
        .set(Setting::ProviderName, "Example Mail")
        .expect("a name");
    let checklist = config.checklist(&BUILTIN_EN);
    let url = |id: &str| checklist.link_by_id(id).map(|l| l.url.to_string());
    assert_eq!(url("webmail").as_deref(), Some("https://mail.example.com/"));
    assert_eq!(
        url("dns_records").as_deref(),
        Some("https://example.com/dns")
    );
    assert_eq!(
        url("email_help_tool").as_deref(),
        Some("https://emailhelp.rackspace.com"),
        "the default stays"
    );
    assert_eq!(
        &*checklist.steps[2].question,
        "Have you recently moved your mail to Example Mail from another provider?"
    );
    let defaults = Config::default().checklist(&BUILTIN_EN);
    assert!(defaults.steps[2]
        .question
        .contains("Rackspace Cloud Office"));
}

#[test]
fn a_host_checklist_must_follow_the_rules_of_the_built_in_one() {
    let mut config = Config::default();
    let mut broken = common::checklist();
    broken.steps.to_mut().truncate(0);
    let problems = config.set_checklist(broken).expect_err("no steps");
    assert_eq!(
        problems[0].to_string(),
        "steps: must list at least one step"
    );
    assert_eq!(config.checklist, None);
}

#[test]
fn a_problem_reads_as_the_setting_and_what_it_should_have_been() {
    let text = &common::checklist().text;
    let problem = ConfigProblem {
        field: "webmail-url".into(),
        expected: Expected::Url,
        detail: None,
    };
    assert_eq!(
        describe(text, &problem),
        "webmail-url: expected an https:, http: or mailto: address"
    );
    let problem = ConfigProblem {
        field: "checklist".into(),
        expected: Expected::Checklist,
        detail: Some("missing field `steps`".into()),
    };
    assert_eq!(
        describe(text, &problem),
        "checklist: expected a checklist in the schema of the built-in content (missing field `steps`)"
    );
}
