//! A set-up profile for Apple Mail (`.mobileconfig`): an XML property list with one
//! `com.apple.mail.managed` payload that adds the account with the mail app's settings.
//!
//! Pure: the random bytes for the payloads' UUIDs come from the caller. The profile never
//! holds a password (the device asks for it), and every text in it is XML-escaped, so an
//! address can't add elements.

use super::checklist::{Checklist, UiText};
use super::checks::domain::domain_from_input;
use super::servers::{user_name, Security, Server, Servers};
use crate::digits::decimal;

/// The file's MIME type, which makes Apple devices offer to install it.
pub const MIME_TYPE: &str = "application/x-apple-aspen-config";
/// The downloaded file's name.
pub const FILE_NAME: &str = "mail-settings.mobileconfig";

/// Why a typed address can't go into the profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddressFault {
    /// Nothing before or after an `@`, or no `@` at all.
    Incomplete,
    /// An invisible formatting character (a bidi override, a zero-width space…), often pasted.
    Hidden,
    /// The part before the `@` holds a space, a letter beyond ASCII or a sign mail refuses.
    LocalPart,
    /// The domain has no ending such as `.com`: the domain typed, to name it.
    NoEnding(String),
    /// The part after the `@` isn't a domain name.
    Domain,
}

/// An email address fit for the profile: trimmed, a trailing dot dropped, the domain in its
/// ASCII (`xn--`) form, because mail servers compare the user name byte for byte and an
/// international domain is sent that way. The local part stays plain ASCII.
pub fn address(input: &str) -> Result<String, AddressFault> {
    let input = input.trim();
    if input.chars().any(is_format_char) {
        return Err(AddressFault::Hidden);
    }
    let (local, domain) = input
        .rsplit_once('@')
        .filter(|(local, domain)| !local.is_empty() && !domain.is_empty())
        .ok_or(AddressFault::Incomplete)?;
    let plain_local = local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"<>()[]\\,;:\"@&'".contains(&b));
    if !plain_local {
        return Err(AddressFault::LocalPart);
    }
    let domain = domain.strip_suffix('.').unwrap_or(domain);
    if domain.contains(['@', '/', '?', '#', '&', '<', '>', '"', '\'']) {
        return Err(AddressFault::Domain);
    }
    if !domain.contains('.') && !domain.is_empty() && !domain.chars().any(char::is_whitespace) {
        return Err(AddressFault::NoEnding(domain.to_owned()));
    }
    let ascii = domain_from_input(domain).ok_or(AddressFault::Domain)?;
    Ok([local, "@", &ascii].concat())
}

/// Unicode's format characters (general category Cf): invisible, and able to reorder or hide
/// what is shown. Listed by range so the wasm carries no Unicode tables.
fn is_format_char(c: char) -> bool {
    matches!(u32::from(c),
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x890..=0x891 | 0x8E2 | 0x180E
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF
        | 0xFFF9..=0xFFFB | 0x110BD | 0x110CD | 0x13430..=0x1343F | 0x1BCA0..=0x1BCA3
        | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F)
}

/// What is wrong with an address, in the interface's words.
pub fn fault_text(text: &UiText, fault: &AddressFault) -> String {
    match fault {
        AddressFault::Incomplete => text.profile_bad_address().to_owned(),
        AddressFault::Hidden => text.profile_hidden_char().to_owned(),
        AddressFault::LocalPart => text.profile_bad_local().to_owned(),
        AddressFault::NoEnding(domain) => text.profile_no_ending(domain),
        AddressFault::Domain => text.profile_bad_domain().to_owned(),
    }
}

/// Whether the profile can carry these settings: only when IMAP and SMTP use TLS from the
/// start. The profile's one switch (`UseSSL`) can't ask for STARTTLS, and off it would let
/// the device send the password unprotected; such settings are entered by hand.
pub fn offered(servers: &Servers) -> bool {
    servers.imap.security == Security::Ssl && servers.smtp.security == Security::Ssl
}

/// The profile for `address` (see [`address`]) with `servers`' IMAP and SMTP settings. The
/// first 16 random bytes make the profile's UUID, the next 16 the mail payload's. The
/// identifiers come from the address, so a second download replaces the first account on
/// the device rather than adding another. The sender's name is left out: the device asks.
pub fn mobileconfig(
    checklist: &Checklist,
    servers: &Servers,
    address: &str,
    random: &[u8; 32],
) -> String {
    let text = &checklist.text;
    let (outer, inner) = uuids(random);
    let id = identifier(address);
    let user = user_name(servers.user, address);
    let account = text.profile_account(address);
    let mut plist = Plist(String::with_capacity(2048));
    plist.raw(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" ",
        "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n",
        "<plist version=\"1.0\">\n<dict>\n<key>PayloadContent</key>\n<array>\n<dict>\n"
    ));
    plist.string("EmailAccountType", "EmailTypeIMAP");
    plist.string("EmailAddress", address);
    plist.string("EmailAccountDescription", &account);
    server(&mut plist, "Incoming", &servers.imap, user);
    server(&mut plist, "Outgoing", &servers.smtp, user);
    plist.raw("<key>OutgoingPasswordSameAsIncomingPassword</key>\n<true/>\n");
    plist.string("PayloadType", "com.apple.mail.managed");
    plist.string(
        "PayloadIdentifier",
        &["mail-settings.", &id, ".account"].concat(),
    );
    plist.string("PayloadUUID", &inner);
    plist.string("PayloadDisplayName", &account);
    plist.raw("<key>PayloadVersion</key>\n<integer>1</integer>\n</dict>\n</array>\n");
    plist.string("PayloadDisplayName", &text.profile_name(address));
    plist.string("PayloadOrganization", &checklist.provider);
    plist.string("PayloadIdentifier", &["mail-settings.", &id].concat());
    plist.string("PayloadUUID", &outer);
    plist.string("PayloadType", "Configuration");
    plist.raw("<key>PayloadVersion</key>\n<integer>1</integer>\n</dict>\n</plist>\n");
    plist.0
}

/// One server's keys: `Incoming…` or `Outgoing…`.
fn server(plist: &mut Plist, direction: &str, server: &Server, user: &str) {
    let key = |name: &str| [direction, "Mail", name].concat();
    plist.string(&key("ServerHostName"), &server.host);
    plist.raw(
        &[
            "<key>",
            &key("ServerPortNumber"),
            "</key>\n<integer>",
            &decimal(u64::from(server.port)),
            "</integer>\n<key>",
            &key("ServerUseSSL"),
            "</key>\n<",
            // `UseSSL` means TLS at once; the profile is only offered then (see `offered`).
            if server.security == Security::Ssl {
                "true"
            } else {
                "false"
            },
            "/>\n",
        ]
        .concat(),
    );
    plist.string(&key("ServerUsername"), user);
    plist.string(&key("ServerAuthentication"), "EmailAuthPassword");
}

/// A stable, plain-ASCII name for the address: its 64-bit FNV-1a hash in hex.
fn identifier(address: &str) -> String {
    let mut hash = super::fnv::Fnv64::new();
    hash.add(address.as_bytes());
    hex(&hash.finish().to_be_bytes(), &[])
}

/// Two version 4 UUIDs from the random bytes, always different from each other: compared
/// after the version and variant bits are set, which could make two inputs equal.
fn uuids(random: &[u8; 32]) -> (String, String) {
    let mut first = [0; 16];
    let mut second = [0; 16];
    first.copy_from_slice(&random[..16]);
    second.copy_from_slice(&random[16..]);
    for bytes in [&mut first, &mut second] {
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
    }
    if first == second {
        second[15] ^= 1;
    }
    (hex(&first, &[4, 6, 8, 10]), hex(&second, &[4, 6, 8, 10]))
}

/// Upper-case hex, with a `-` before each byte index in `dashes`.
fn hex(bytes: &[u8], dashes: &[usize]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(36);
    for (index, byte) in bytes.iter().enumerate() {
        if dashes.contains(&index) {
            out.push('-');
        }
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 15)]));
    }
    out
}

/// The property list being written.
struct Plist(String);

impl Plist {
    fn raw(&mut self, xml: &str) {
        self.0.push_str(xml);
    }

    /// `<key>…</key><string>…</string>`, the value escaped.
    fn string(&mut self, key: &str, value: &str) {
        self.raw("<key>");
        self.raw(key);
        self.raw("</key>\n<string>");
        for c in value.chars() {
            match c {
                '&' => self.raw("&amp;"),
                '<' => self.raw("&lt;"),
                '>' => self.raw("&gt;"),
                '"' => self.raw("&quot;"),
                '\'' => self.raw("&apos;"),
                // Characters XML 1.0 doesn't allow at all, even escaped.
                '\t' | '\n' | '\r' => self.0.push(c),
                c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {}
                c => self.0.push(c),
            }
        }
        self.raw("</string>\n");
    }
}
