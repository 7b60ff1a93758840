//! The `servers` setting: the mail app's settings, read from what a web team writes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::checklist;
use email_troubleshooter::model::checks::domain::domain_from_input;
use email_troubleshooter::model::config::describe;
use email_troubleshooter::model::servers::{
    host_name, parse, Part, Reader, Security, Server, Servers, ServersFault, UserName,
};
use email_troubleshooter::model::{Config, ConfigProblem, Expected, Setting};
use proptest::prelude::*;

fn server(host: &str, port: u16, security: Security) -> Server {
    Server {
        host: host.into(),
        port,
        security,
    }
}

#[test]
fn the_defaults_are_the_providers_published_settings() {
    let servers = Servers::default();
    assert_eq!(
        servers.imap,
        server("secure.emailsrvr.com", 993, Security::Ssl)
    );
    assert_eq!(
        servers.pop,
        server("secure.emailsrvr.com", 995, Security::Ssl)
    );
    assert_eq!(
        servers.smtp,
        server("secure.emailsrvr.com", 465, Security::Ssl)
    );
    assert_eq!(servers.user, UserName::Address);
    assert_eq!(
        Config::default().check_settings(&checklist()).servers,
        servers,
        "without the setting, the checks' settings carry the defaults"
    );
}

#[test]
fn the_compact_form_sets_each_part_and_keeps_the_defaults_for_the_rest() {
    let servers = parse(
        " imap = Mail.Example.com.:143:STARTTLS ; smtp=smtp.example.com:587:starttls;user=Local-Part; ",
    )
    .expect("a good setting");
    assert_eq!(
        servers.imap,
        server("mail.example.com", 143, Security::StartTls)
    );
    assert_eq!(
        servers.smtp,
        server("smtp.example.com", 587, Security::StartTls)
    );
    assert_eq!(servers.pop, Servers::default().pop, "left out: the default");
    assert_eq!(servers.user, UserName::LocalPart);
    assert_eq!(
        parse("pop=pop.example.com:995:tls").map(|s| s.pop.security),
        Ok(Security::Ssl),
        "tls is another name for ssl"
    );
}

#[test]
fn each_bad_part_is_named() {
    let cases = [
        ("", ServersFault::Parts),
        ("imap", ServersFault::Parts),
        ("exchange=mail.example.com:443:ssl", ServersFault::Parts),
        ("password=hunter2", ServersFault::Parts),
        (
            "imap=a.example.com:993:ssl; imap=b.example.com:993:ssl",
            ServersFault::Parts,
        ),
        ("user=address; user=address", ServersFault::Parts),
        (
            "imap=https://mail.example.com:993:ssl",
            ServersFault::Host(Part::Imap),
        ),
        (
            "imap=mail example.com:993:ssl",
            ServersFault::Host(Part::Imap),
        ),
        (
            "smtp=mail.example.com/path:465:ssl",
            ServersFault::Host(Part::Smtp),
        ),
        ("pop=localhost:995:ssl", ServersFault::Host(Part::Pop)),
        ("pop=192.168.0.1:995:ssl", ServersFault::Host(Part::Pop)),
        (
            "pop=-bad.example.com:995:ssl",
            ServersFault::Host(Part::Pop),
        ),
        (
            "pop=under_score.example.com:995:ssl",
            ServersFault::Host(Part::Pop),
        ),
        (
            "pop=mail_box.example:995:ssl",
            ServersFault::Host(Part::Pop),
        ),
        ("pop=jo@mail.example:995:ssl", ServersFault::Host(Part::Pop)),
        (
            "smtp=mail.example.com:70000:ssl",
            ServersFault::Port(Part::Smtp),
        ),
        (
            "smtp=mail.example.com:0:ssl",
            ServersFault::Port(Part::Smtp),
        ),
        (
            "smtp=mail.example.com:+465:ssl",
            ServersFault::Port(Part::Smtp),
        ),
        ("smtp=mail.example.com", ServersFault::Port(Part::Smtp)),
        (
            "imap=mail.example.com:993:none",
            ServersFault::Security(Part::Imap),
        ),
        (
            "imap=mail.example.com:993",
            ServersFault::Security(Part::Imap),
        ),
        (
            "imap=mail.example.com:993:",
            ServersFault::Security(Part::Imap),
        ),
        ("user=name", ServersFault::User),
        ("user=address-ish", ServersFault::User),
    ];
    for (value, fault) in cases {
        assert_eq!(parse(value), Err(fault), "{value:?}");
    }
}

#[test]
fn a_bad_setting_is_a_named_problem_and_the_defaults_apply() {
    let mut config = Config::default();
    assert_eq!(
        config.set(
            Setting::Servers,
            "imap=mail.example.com:993:ssl; smtp=mail.example.com:99999:ssl"
        ),
        Err(Expected::Servers(ServersFault::Port(Part::Smtp)))
    );
    assert_eq!(config.servers, None, "nothing of a refused setting is kept");
    assert_eq!(
        config.check_settings(&checklist()).servers,
        Servers::default()
    );
    let text = describe(
        &checklist().text,
        &ConfigProblem {
            field: "servers".into(),
            expected: Expected::Servers(ServersFault::Port(Part::Smtp)),
            detail: None,
        },
    );
    assert!(
        text.starts_with("servers: expected the mail app's servers as imap="),
        "{text}"
    );
    assert!(
        text.ends_with("(smtp: the port must be a whole number from 1 to 65535)"),
        "{text}"
    );
    assert_eq!(Setting::Servers.attribute(), Some("servers"));
    assert_eq!(Setting::from_json_key("servers"), Some(Setting::Servers));

    config
        .set(Setting::Servers, "smtp=smtp.example.com:587:starttls")
        .expect("a good setting");
    assert_eq!(
        config.check_settings(&checklist()).servers.smtp,
        server("smtp.example.com", 587, Security::StartTls)
    );
}

#[test]
fn the_object_form_is_read_field_by_field() {
    let mut reader = Reader::default();
    reader
        .server("imap", "mail.example.com", "993", "ssl")
        .expect("a good server");
    reader
        .part("smtp", "mail.example.com:465:ssl")
        .expect("a good part");
    reader.user("address").expect("a good rule");
    let servers = reader.finish().expect("good settings");
    assert_eq!(servers.imap, server("mail.example.com", 993, Security::Ssl));

    // A host that tries to add a part of its own is only a bad host.
    let mut reader = Reader::default();
    assert_eq!(
        reader.server(
            "imap",
            "a.example.com:993:ssl; smtp=evil.example",
            "993",
            "ssl"
        ),
        Err(ServersFault::Host(Part::Imap))
    );
    assert_eq!(
        Reader::default().finish(),
        Err(ServersFault::Parts),
        "an empty object"
    );
}

#[test]
fn host_names_follow_the_checks_domain_rule_international_ones_in_ascii() {
    // The same answer as the checks give for a domain typed there.
    assert_eq!(
        host_name("mail.bücher.example"),
        Some("mail.xn--bcher-kva.example".into())
    );
    assert_eq!(
        host_name("mail.bücher.example"),
        domain_from_input("mail.bücher.example")
    );
    assert_eq!(
        host_name("Secure.EmailSrvr.com."),
        Some("secure.emailsrvr.com".into())
    );
    assert!(host_name(&format!("{}.com", "a".repeat(63))).is_some());
    assert_eq!(host_name(&format!("{}.com", "a".repeat(64))), None);
    assert!(
        host_name(&format!("{}com", "a.".repeat(125))).is_some(),
        "253 in all"
    );
    assert_eq!(
        host_name(&format!("{}com", "a.".repeat(126))),
        None,
        "too long in all"
    );
    for bad in [
        "",
        ".",
        "com",
        "a..com",
        "a.com:993",
        "xn--bcher-kva.123",
        "jo@a.com",
        "https://a.com",
        "a.com/x",
    ] {
        assert_eq!(host_name(bad), None, "{bad:?}");
    }
}

proptest! {
    #[test]
    fn no_setting_makes_the_reader_panic(text in any::<String>()) {
        let _ = parse(&text);
        let mut config = Config::default();
        let accepted = config.set(Setting::Servers, &text).is_ok();
        prop_assert_eq!(accepted, config.servers.is_some());
    }

    #[test]
    fn settings_built_of_its_parts_are_read_or_named(
        parts in prop::collection::vec(
            (
                prop::sample::select(vec!["imap", "pop", "smtp", "user", "exchange"]),
                "[a-zA-Z0-9.:/ _-]{0,30}",
            ),
            0..6,
        )
    ) {
        let text: Vec<String> = parts.iter().map(|(k, v)| format!("{k}={v}")).collect();
        match parse(&text.join(";")) {
            Ok(servers) => {
                for server in [&servers.imap, &servers.pop, &servers.smtp] {
                    prop_assert!(host_name(&server.host).as_deref() == Some(server.host.as_str()));
                    prop_assert!(server.port > 0);
                }
            }
            // A fault names a part the setting gave.
            Err(ServersFault::Host(part) | ServersFault::Port(part) | ServersFault::Security(part)) => {
                prop_assert!(parts.iter().any(|(key, _)| *key == part.key()));
            }
            Err(ServersFault::User) => prop_assert!(parts.iter().any(|(key, _)| *key == "user")),
            Err(ServersFault::Parts) => {}
        }
    }

    #[test]
    fn every_good_server_is_read_back_exactly(
        host in "[a-z][a-z0-9-]{0,20}[a-z0-9]\\.[a-z]{2,6}",
        port in 1u16..,
        ssl in any::<bool>(),
    ) {
        let security = if ssl { "ssl" } else { "starttls" };
        let servers = parse(&format!("smtp={host}:{port}:{security}")).expect("a good server");
        prop_assert_eq!(servers.smtp.host, host);
        prop_assert_eq!(servers.smtp.port, port);
        prop_assert_eq!(servers.smtp.security == Security::Ssl, ssl);
    }
}
