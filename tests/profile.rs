//! The set-up profile for Apple Mail: a well-formed property list, the expected keys, never a
//! password, and no way for an address to add elements.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::checklist;
use email_troubleshooter::model::profile::{
    address, fault_text, mobileconfig, offered, AddressFault,
};
use email_troubleshooter::model::servers::{parse, Servers};
use proptest::prelude::*;
use std::collections::BTreeMap;

/// A property-list value, as the small reader below gives it.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    String(String),
    Integer(i64),
    Bool(bool),
    Array(Vec<Value>),
    Dict(BTreeMap<String, Value>),
}

impl Value {
    fn dict(&self) -> &BTreeMap<String, Value> {
        match self {
            Value::Dict(dict) => dict,
            other => panic!("not a dict: {other:?}"),
        }
    }

    fn text(&self) -> &str {
        match self {
            Value::String(text) => text,
            other => panic!("not a string: {other:?}"),
        }
    }
}

/// Reads the XML property lists the writer makes: the declaration, the DOCTYPE, `<plist
/// version="1.0">` and the elements `dict`, `key`, `string`, `integer`, `true`, `false`,
/// `array`. Anything else, an unknown entity or a bare `<` or `&` is an error: a strict check
/// of well-formedness for this subset of XML.
struct Reader<'a> {
    rest: &'a str,
}

impl<'a> Reader<'a> {
    fn document(xml: &'a str) -> Result<Value, String> {
        let mut reader = Reader { rest: xml };
        reader.expect("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        reader.expect("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">")?;
        reader.expect("<plist version=\"1.0\">")?;
        let value = reader.value()?;
        reader.expect("</plist>")?;
        if !reader.rest.trim().is_empty() {
            return Err(format!("text after the plist: {:?}", reader.rest));
        }
        Ok(value)
    }

    fn expect(&mut self, token: &str) -> Result<(), String> {
        self.rest = self.rest.trim_start();
        self.rest = self.rest.strip_prefix(token).ok_or_else(|| {
            format!(
                "expected {token:?} at {:?}",
                &self.rest[..self.rest.len().min(60)]
            )
        })?;
        Ok(())
    }

    fn text_until(&mut self, end: &str) -> Result<String, String> {
        let stop = self.rest.find('<').ok_or("unclosed element")?;
        let raw = &self.rest[..stop];
        self.rest = &self.rest[stop..];
        self.expect(end)?;
        let mut out = String::new();
        let mut parts = raw.split('&');
        out.push_str(parts.next().unwrap_or_default());
        for part in parts {
            let (entity, after) = part.split_once(';').ok_or("a bare &")?;
            out.push(match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                other => return Err(format!("unknown entity &{other};")),
            });
            out.push_str(after);
        }
        if out
            .chars()
            .any(|c| (c < ' ' && !"\t\n\r".contains(c)) || c == '\u{fffe}' || c == '\u{ffff}')
        {
            return Err("a character XML doesn't allow".into());
        }
        Ok(out)
    }

    fn value(&mut self) -> Result<Value, String> {
        self.rest = self.rest.trim_start();
        if self.rest.starts_with("<dict>") {
            self.expect("<dict>")?;
            let mut dict = BTreeMap::new();
            loop {
                self.rest = self.rest.trim_start();
                if self.rest.starts_with("</dict>") {
                    self.expect("</dict>")?;
                    return Ok(Value::Dict(dict));
                }
                self.expect("<key>")?;
                let key = self.text_until("</key>")?;
                let value = self.value()?;
                if dict.insert(key.clone(), value).is_some() {
                    return Err(format!("key {key} twice in one dict"));
                }
            }
        } else if self.rest.starts_with("<array>") {
            self.expect("<array>")?;
            let mut items = Vec::new();
            loop {
                self.rest = self.rest.trim_start();
                if self.rest.starts_with("</array>") {
                    self.expect("</array>")?;
                    return Ok(Value::Array(items));
                }
                items.push(self.value()?);
            }
        } else if self.rest.starts_with("<string>") {
            self.expect("<string>")?;
            Ok(Value::String(self.text_until("</string>")?))
        } else if self.rest.starts_with("<integer>") {
            self.expect("<integer>")?;
            let digits = self.text_until("</integer>")?;
            digits
                .parse()
                .map(Value::Integer)
                .map_err(|_| format!("integer {digits:?}"))
        } else if self.rest.starts_with("<true/>") {
            self.expect("<true/>")?;
            Ok(Value::Bool(true))
        } else if self.rest.starts_with("<false/>") {
            self.expect("<false/>")?;
            Ok(Value::Bool(false))
        } else {
            Err(format!(
                "unexpected {:?}",
                &self.rest[..self.rest.len().min(60)]
            ))
        }
    }
}

const RANDOM: [u8; 32] = [7; 32];

fn random() -> [u8; 32] {
    let mut bytes = RANDOM;
    bytes[20] = 99;
    bytes
}

/// The profile and its one payload.
fn read(xml: &str) -> (BTreeMap<String, Value>, BTreeMap<String, Value>) {
    let profile = Reader::document(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let outer = profile.dict().clone();
    let Some(Value::Array(content)) = outer.get("PayloadContent") else {
        panic!("no PayloadContent array");
    };
    assert_eq!(content.len(), 1, "one payload");
    let inner = content[0].dict().clone();
    (outer, inner)
}

fn is_uuid_v4(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|g| g.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && text
            .bytes()
            .all(|b| b == b'-' || b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
        && groups[2].starts_with('4')
        && "89AB".contains(&groups[3][..1])
}

#[test]
fn the_profile_adds_an_imap_account_with_the_settings_and_no_password() {
    let content = checklist();
    let xml = mobileconfig(&content, &Servers::default(), "jo@example.com", &random());
    let (outer, inner) = read(&xml);
    let s = |dict: &BTreeMap<String, Value>, key: &str| dict[key].text().to_owned();
    assert_eq!(s(&outer, "PayloadType"), "Configuration");
    assert_eq!(outer["PayloadVersion"], Value::Integer(1));
    assert_eq!(
        s(&outer, "PayloadDisplayName"),
        "Mail settings for jo@example.com"
    );
    assert_eq!(s(&inner, "PayloadType"), "com.apple.mail.managed");
    assert_eq!(inner["PayloadVersion"], Value::Integer(1));
    assert_eq!(
        s(&inner, "PayloadDisplayName"),
        "Rackspace Cloud Office mail: jo@example.com"
    );
    assert_eq!(s(&inner, "EmailAccountType"), "EmailTypeIMAP");
    assert_eq!(s(&inner, "EmailAddress"), "jo@example.com");
    assert_eq!(
        s(&inner, "EmailAccountDescription"),
        "Rackspace Cloud Office mail: jo@example.com"
    );
    // The sender's name: left out, so the device asks rather than showing the address twice.
    assert!(!inner.contains_key("EmailAccountName"));
    for direction in ["Incoming", "Outgoing"] {
        let key = |name: &str| format!("{direction}Mail{name}");
        assert_eq!(s(&inner, &key("ServerHostName")), "secure.emailsrvr.com");
        assert_eq!(inner[&key("ServerUseSSL")], Value::Bool(true));
        assert_eq!(s(&inner, &key("ServerUsername")), "jo@example.com");
        assert_eq!(s(&inner, &key("ServerAuthentication")), "EmailAuthPassword");
    }
    assert_eq!(inner["IncomingMailServerPortNumber"], Value::Integer(993));
    assert_eq!(inner["OutgoingMailServerPortNumber"], Value::Integer(465));
    assert_eq!(
        inner["OutgoingPasswordSameAsIncomingPassword"],
        Value::Bool(true)
    );

    let keys: Vec<&String> = outer.keys().chain(inner.keys()).collect();
    assert!(
        !keys
            .iter()
            .any(|k| k.contains("Password") && *k != "OutgoingPasswordSameAsIncomingPassword"),
        "no password key: {keys:?}"
    );
    let (a, b) = (s(&outer, "PayloadUUID"), s(&inner, "PayloadUUID"));
    assert!(is_uuid_v4(&a) && is_uuid_v4(&b), "{a} {b}");
    assert_ne!(a, b);
    assert_ne!(
        s(&outer, "PayloadIdentifier"),
        s(&inner, "PayloadIdentifier")
    );
}

#[test]
fn a_second_download_for_the_same_address_replaces_the_account_rather_than_adding_one() {
    let ids = |address: &str, random: &[u8; 32]| {
        let (outer, inner) = read(&mobileconfig(
            &checklist(),
            &Servers::default(),
            address,
            random,
        ));
        let id = |dict: &BTreeMap<String, Value>| dict["PayloadIdentifier"].text().to_owned();
        (
            id(&outer),
            id(&inner),
            outer["PayloadUUID"].text().to_owned(),
        )
    };
    let first = ids("jo@example.com", &random());
    let again = ids("jo@example.com", &[3; 32]);
    assert_eq!(
        (&first.0, &first.1),
        (&again.0, &again.1),
        "same identifiers"
    );
    assert_ne!(first.2, again.2, "a fresh UUID each time");
    let other = ids("sam@example.com", &random());
    assert_ne!(first.0, other.0, "another address, another profile");
    for id in [&first.0, &first.1] {
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-'),
            "plain reverse-DNS style: {id}"
        );
        assert!(!id.contains("jo"), "the address itself isn't in it: {id}");
    }
}

#[test]
fn the_profile_is_offered_only_when_both_servers_use_tls_from_the_start() {
    assert!(offered(&Servers::default()));
    for setting in [
        "imap=imap.example.com:143:starttls",
        "smtp=smtp.example.com:587:starttls",
    ] {
        assert!(!offered(&parse(setting).expect("good")), "{setting}");
    }
    // POP isn't in the profile, so its security doesn't matter.
    assert!(offered(
        &parse("pop=pop.example.com:110:starttls").expect("good")
    ));
}

#[test]
fn the_profile_follows_the_hosts_servers_and_user_name_rule() {
    let servers =
        parse("imap=imap.example.com:1993:ssl; smtp=smtp.example.com:2465:ssl; user=local-part")
            .expect("good settings");
    let xml = mobileconfig(&checklist(), &servers, "jo@example.com", &random());
    let (_, inner) = read(&xml);
    assert_eq!(
        inner["IncomingMailServerHostName"].text(),
        "imap.example.com"
    );
    assert_eq!(inner["IncomingMailServerPortNumber"], Value::Integer(1993));
    assert_eq!(inner["IncomingMailServerUseSSL"], Value::Bool(true));
    assert_eq!(inner["OutgoingMailServerPortNumber"], Value::Integer(2465));
    assert_eq!(inner["IncomingMailServerUsername"].text(), "jo");
    assert_eq!(inner["EmailAddress"].text(), "jo@example.com");
}

#[test]
fn the_same_random_bytes_twice_still_give_two_uuids() {
    let xml = mobileconfig(&checklist(), &Servers::default(), "jo@example.com", &RANDOM);
    let (outer, inner) = read(&xml);
    assert_ne!(outer["PayloadUUID"], inner["PayloadUUID"]);
    // Bytes that differ only in the bits the version and variant overwrite.
    let mut random = RANDOM;
    random[16 + 6] ^= 0xf0;
    random[16 + 8] ^= 0xc0;
    let xml = mobileconfig(&checklist(), &Servers::default(), "jo@example.com", &random);
    let (outer, inner) = read(&xml);
    assert_ne!(outer["PayloadUUID"], inner["PayloadUUID"]);
}

#[test]
fn an_international_domain_goes_in_its_ascii_form_and_a_hostile_address_adds_nothing() {
    // The user name is sent byte for byte in IMAP LOGIN and SMTP AUTH: the `xn--` form.
    let checked = address("jo@bücher.de").expect("an address");
    assert_eq!(checked, "jo@xn--bcher-kva.de");
    let xml = mobileconfig(&checklist(), &Servers::default(), &checked, &random());
    let (_, inner) = read(&xml);
    assert_eq!(inner["EmailAddress"].text(), "jo@xn--bcher-kva.de");
    assert_eq!(
        inner["IncomingMailServerUsername"].text(),
        "jo@xn--bcher-kva.de"
    );
    assert_eq!(
        inner["OutgoingMailServerUsername"].text(),
        "jo@xn--bcher-kva.de"
    );

    let hostile = "a@b.example</string><key>IncomingPassword</key><string>x&amp;\"'\u{0}";
    let xml = mobileconfig(&checklist(), &Servers::default(), hostile, &random());
    let (_, inner) = read(&xml);
    assert_eq!(
        inner["EmailAddress"].text(),
        "a@b.example</string><key>IncomingPassword</key><string>x&amp;\"'",
        "kept as text (less the NUL, which XML can't hold)"
    );
    assert!(!inner.contains_key("IncomingPassword"));
}

#[test]
fn only_an_email_address_is_taken_for_the_profile() {
    assert_eq!(address("  jo@example.com "), Ok("jo@example.com".into()));
    // A trailing dot is dropped, not written into the profile.
    assert_eq!(address("jo@example.com."), Ok("jo@example.com".into()));
    assert!(address("first.last+tag@mail.example.co.uk").is_ok());
    for (bad, fault) in [
        ("", AddressFault::Incomplete),
        ("example.com", AddressFault::Incomplete),
        ("@example.com", AddressFault::Incomplete),
        ("jo@", AddressFault::Incomplete),
        ("jo@localhost", AddressFault::NoEnding("localhost".into())),
        ("sam@moved", AddressFault::NoEnding("moved".into())),
        ("jo @example.com", AddressFault::LocalPart),
        ("jörg@example.com", AddressFault::LocalPart),
        ("<jo>@example.com", AddressFault::LocalPart),
        ("a@b@example.com", AddressFault::LocalPart),
        (".jo@example.com", AddressFault::LocalPart),
        ("jo@exa mple.com", AddressFault::Domain),
        ("jo@example.com<script>", AddressFault::Domain),
        ("jo@example.com?cc=x@example.com", AddressFault::LocalPart),
        ("jo@example..com", AddressFault::Domain),
        ("jo@\u{202e}moc.elpmaxe", AddressFault::Hidden),
        ("jo\u{200b}@example.com", AddressFault::Hidden),
        ("jo@example.com\u{feff}", AddressFault::Hidden),
    ] {
        assert_eq!(address(bad), Err(fault), "{bad:?}");
    }
}

#[test]
fn each_fault_says_what_is_wrong() {
    let content = checklist();
    let text = fault_text(&content.text, &AddressFault::NoEnding("moved".into()));
    assert!(
        text.contains("\u{201c}moved\u{201d} has no domain ending"),
        "{text}"
    );
    let faults = [
        AddressFault::Incomplete,
        AddressFault::Hidden,
        AddressFault::LocalPart,
        AddressFault::Domain,
    ];
    let texts: Vec<String> = faults
        .iter()
        .map(|f| fault_text(&content.text, f))
        .collect();
    for (index, text) in texts.iter().enumerate() {
        assert!(!text.is_empty() && !texts[..index].contains(text), "{text}");
    }
}

proptest! {
    #[test]
    fn any_address_makes_a_well_formed_profile_holding_it_as_text(
        text in any::<String>(),
        random in prop::array::uniform32(any::<u8>()),
    ) {
        let xml = mobileconfig(&checklist(), &Servers::default(), &text, &random);
        let (outer, inner) = read(&xml);
        let kept: String = text
            .chars()
            .filter(|&c| c >= ' ' || "\t\n\r".contains(c))
            .filter(|&c| c != '\u{fffe}' && c != '\u{ffff}')
            .collect();
        prop_assert_eq!(inner["EmailAddress"].text(), kept.as_str());
        prop_assert_ne!(&outer["PayloadUUID"], &inner["PayloadUUID"]);
        prop_assert!(!inner.keys().any(|k| k.contains("Password") && k != "OutgoingPasswordSameAsIncomingPassword"));
    }

    #[test]
    fn checking_an_address_never_panics(text in any::<String>()) {
        if let Ok(checked) = address(&text) {
            prop_assert!(checked.contains('@'));
            prop_assert!(checked.is_ascii(), "{}", checked);
            prop_assert!(!checked.contains(['<', '>', '&', '"']));
        }
    }
}
