//! A set-up profile for Apple Mail (`.mobileconfig`): an XML property list with one
//! `com.apple.mail.managed` payload that adds the account with the mail app's settings.
//!
//! Pure: the random bytes for the payloads' UUIDs come from the caller. The profile never
//! holds a password (the device asks for it), and every text in it is XML-escaped, so an
//! address can't add elements.

use super::checklist::Checklist;
use super::checks::domain::domain_from_input;
use super::fill;
use super::servers::{user_name, Security, Server, Servers};

/// The file's MIME type, which makes Apple devices offer to install it.
pub const MIME_TYPE: &str = "application/x-apple-aspen-config";
/// The downloaded file's name.
pub const FILE_NAME: &str = "mail-settings.mobileconfig";

/// An email address fit for the profile, trimmed; `None` if it isn't one. The domain may be
/// international (it stays as typed: the device converts it), the local part plain.
pub fn address(input: &str) -> Option<String> {
    let input = input.trim();
    let (local, domain) = input.rsplit_once('@')?;
    let plain_local = (1..=64).contains(&local.len())
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>()[]\\,;:\"@&'".contains(c));
    let plain_domain = !domain.contains(['@', '/', '?', '#', '&', '<', '>', '"', '\''])
        && domain_from_input(domain).is_some();
    (plain_local && plain_domain).then(|| input.to_owned())
}

/// The profile for `address` (see [`address`]) with `servers`' IMAP and SMTP settings. The
/// first 16 random bytes make the profile's UUID, the next 16 the mail payload's.
pub fn mobileconfig(
    checklist: &Checklist,
    servers: &Servers,
    address: &str,
    random: &[u8; 32],
) -> String {
    let text = &checklist.text;
    let (outer, inner) = uuids(random);
    let user = user_name(servers.user, address);
    let account = fill(text.profile_account(), &[("address", address)]);
    let mut plist = Plist(String::with_capacity(2048));
    plist.raw(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" ",
        "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n",
        "<plist version=\"1.0\">\n<dict>\n<key>PayloadContent</key>\n<array>\n<dict>\n"
    ));
    plist.string("EmailAccountType", "EmailTypeIMAP");
    plist.string("EmailAddress", address);
    plist.string("EmailAccountName", address);
    plist.string("EmailAccountDescription", &account);
    server(&mut plist, "Incoming", &servers.imap, user);
    server(&mut plist, "Outgoing", &servers.smtp, user);
    plist.raw("<key>OutgoingPasswordSameAsIncomingPassword</key>\n<true/>\n");
    plist.string("PayloadType", "com.apple.mail.managed");
    plist.string(
        "PayloadIdentifier",
        &format!("mail-settings.account.{inner}"),
    );
    plist.string("PayloadUUID", &inner);
    plist.string("PayloadDisplayName", &account);
    plist.raw("<key>PayloadVersion</key>\n<integer>1</integer>\n</dict>\n</array>\n");
    plist.string(
        "PayloadDisplayName",
        &fill(text.profile_name(), &[("address", address)]),
    );
    plist.string("PayloadOrganization", &checklist.provider);
    plist.string("PayloadIdentifier", &format!("mail-settings.{outer}"));
    plist.string("PayloadUUID", &outer);
    plist.string("PayloadType", "Configuration");
    plist.raw("<key>PayloadVersion</key>\n<integer>1</integer>\n</dict>\n</plist>\n");
    plist.0
}

/// One server's keys: `Incoming…` or `Outgoing…`.
fn server(plist: &mut Plist, direction: &str, server: &Server, user: &str) {
    let key = |name: &str| format!("{direction}Mail{name}");
    plist.string(&key("ServerHostName"), &server.host);
    plist.raw(&format!(
        "<key>{}</key>\n<integer>{}</integer>\n<key>{}</key>\n<{}/>\n",
        key("ServerPortNumber"),
        server.port,
        key("ServerUseSSL"),
        // STARTTLS is negotiated by the device on a plain start; `UseSSL` means TLS at once.
        if server.security == Security::Ssl {
            "true"
        } else {
            "false"
        }
    ));
    plist.string(&key("ServerUsername"), user);
    plist.string(&key("ServerAuthentication"), "EmailAuthPassword");
}

/// Two version 4 UUIDs from the random bytes, always different from each other.
fn uuids(random: &[u8; 32]) -> (String, String) {
    let mut first = [0; 16];
    let mut second = [0; 16];
    first.copy_from_slice(&random[..16]);
    second.copy_from_slice(&random[16..]);
    if first == second {
        second[15] ^= 1;
    }
    (uuid(first), uuid(second))
}

fn uuid(mut bytes: [u8; 16]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (index, byte) in bytes.iter().enumerate() {
        if matches!(index, 4 | 6 | 8 | 10) {
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
