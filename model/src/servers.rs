//! The mail app's settings: the incoming (IMAP, POP) and outgoing (SMTP) servers and the
//! user-name rule, from the host's `servers` setting or the provider's published values.
//!
//! The setting is written `imap=host:port:security; pop=…; smtp=…; user=address` (an attribute
//! or a JSON string), or in JSON as an object of the same keys. A part left out keeps the
//! default; a part that can't be used refuses the whole setting, so the card never mixes a
//! host's servers with the provider's.

use super::checklist::{Checklist, UiText};
use super::checks::domain::domain_from_input;
use super::diagnosis::Diagnosis;
use crate::digits::decimal;

/// How a connection is protected. Plain connections are not offered: a card telling users to
/// send their password unprotected would do harm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// TLS from the first byte (ports 993, 995, 465).
    Ssl,
    /// A plain start upgraded with STARTTLS (ports 143, 110, 587).
    StartTls,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    /// A DNS name in lower-case ASCII.
    pub host: String,
    pub port: u16,
    pub security: Security,
}

/// What the mail app's user name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserName {
    /// The full email address (the provider's rule).
    Address,
    /// The part of the address before the `@`.
    LocalPart,
}

/// The settings a mail app needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Servers {
    pub imap: Server,
    pub pop: Server,
    pub smtp: Server,
    pub user: UserName,
}

/// The host the provider publishes for all three.
pub const DEFAULT_HOST: &str = "secure.emailsrvr.com";

impl Default for Servers {
    /// The provider's published values: SSL on 993, 995 and 465, the full address as user name.
    fn default() -> Self {
        let server = |port| Server {
            host: DEFAULT_HOST.to_owned(),
            port,
            security: Security::Ssl,
        };
        Servers {
            imap: server(993),
            pop: server(995),
            smtp: server(465),
            user: UserName::Address,
        }
    }
}

/// Which part of the setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Imap,
    Pop,
    Smtp,
}

impl Part {
    /// The key in the setting, the same in every language.
    pub fn key(self) -> &'static str {
        match self {
            Part::Imap => "imap",
            Part::Pop => "pop",
            Part::Smtp => "smtp",
        }
    }
}

/// What is wrong with a `servers` setting: the first bad part, named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServersFault {
    /// Not `key=value` parts, a key other than imap, pop, smtp and user, or one given twice.
    Parts,
    /// Not a host name (a scheme, a path, spaces, a port of its own…).
    Host(Part),
    /// Not a whole number from 1 to 65535.
    Port(Part),
    /// Neither `ssl` nor `starttls`.
    Security(Part),
    /// Neither `address` nor `local-part`.
    User,
}

/// Reads the compact form: `imap=host:port:security; smtp=…; user=address`.
pub fn parse(text: &str) -> Result<Servers, ServersFault> {
    let mut reader = Reader::default();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').ok_or(ServersFault::Parts)?;
        reader.part(key.trim(), value.trim())?;
    }
    reader.finish()
}

/// Builds [`Servers`] one part at a time, refusing a part given twice.
#[derive(Debug, Default)]
pub struct Reader {
    servers: Servers,
    seen: Vec<&'static str>,
    any: bool,
}

impl Reader {
    /// One `key=value` part: a server as `host:port:security`, or the user-name rule.
    pub fn part(&mut self, key: &str, value: &str) -> Result<(), ServersFault> {
        if key == "user" {
            return self.user(value);
        }
        let part = part_named(key)?;
        let fields: Vec<&str> = value.split(':').collect();
        match fields[..] {
            [host, port, security] => self.server(key, host, port, security),
            [_] => Err(ServersFault::Port(part)),
            [_, _] => Err(ServersFault::Security(part)),
            // A scheme (`https://…`) or an address with a port of its own.
            _ => Err(ServersFault::Host(part)),
        }
    }

    /// One server from its three fields (a JSON object's `host`, `port`, `security`).
    pub fn server(
        &mut self,
        key: &str,
        host: &str,
        port: &str,
        security: &str,
    ) -> Result<(), ServersFault> {
        let part = part_named(key)?;
        self.mark(part.key())?;
        let host = host_name(host.trim()).ok_or(ServersFault::Host(part))?;
        let port = port
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|&p| p != 0 && port.trim().bytes().all(|b| b.is_ascii_digit()))
            .ok_or(ServersFault::Port(part))?;
        let security = match security.trim() {
            s if s.eq_ignore_ascii_case("ssl") || s.eq_ignore_ascii_case("tls") => Security::Ssl,
            s if s.eq_ignore_ascii_case("starttls") => Security::StartTls,
            _ => return Err(ServersFault::Security(part)),
        };
        let server = Server {
            host,
            port,
            security,
        };
        match part {
            Part::Imap => self.servers.imap = server,
            Part::Pop => self.servers.pop = server,
            Part::Smtp => self.servers.smtp = server,
        }
        Ok(())
    }

    /// The user-name rule: `address` or `local-part`.
    pub fn user(&mut self, value: &str) -> Result<(), ServersFault> {
        self.mark("user")?;
        // ASCII case-insensitive, as the security names are.
        let value = value.trim();
        self.servers.user = if value.eq_ignore_ascii_case("address") {
            UserName::Address
        } else if value.eq_ignore_ascii_case("local-part") {
            UserName::LocalPart
        } else {
            return Err(ServersFault::User);
        };
        Ok(())
    }

    fn mark(&mut self, key: &'static str) -> Result<(), ServersFault> {
        if self.seen.contains(&key) {
            return Err(ServersFault::Parts);
        }
        self.seen.push(key);
        self.any = true;
        Ok(())
    }

    /// The settings read; a setting that names nothing at all is refused.
    pub fn finish(self) -> Result<Servers, ServersFault> {
        if self.any {
            Ok(self.servers)
        } else {
            Err(ServersFault::Parts)
        }
    }
}

fn part_named(key: &str) -> Result<Part, ServersFault> {
    [Part::Imap, Part::Pop, Part::Smtp]
        .into_iter()
        .find(|p| p.key() == key)
        .ok_or(ServersFault::Parts)
}

/// A host name as a mail app takes it: the checks' domain rule (at least two labels, an
/// international name in its `xn--` form, lower-cased, a trailing dot dropped). Anything that
/// isn't only a name (an `@`, a scheme, a path, spaces) is refused.
pub fn host_name(value: &str) -> Option<String> {
    if value.contains(['@', '/', ':', '?', '#']) {
        return None;
    }
    domain_from_input(value)
}

/// What a fault means, in the interface's words: "smtp: the port must be …".
pub fn fault_text(text: &UiText, fault: ServersFault) -> String {
    match fault {
        ServersFault::Parts => text.servers_bad_parts().to_owned(),
        ServersFault::Host(part) => text.servers_bad_host(part.key()),
        ServersFault::Port(part) => text.servers_bad_port(part.key()),
        ServersFault::Security(part) => text.servers_bad_security(part.key()),
        ServersFault::User => text.servers_bad_user("user"),
    }
}

/// A security mode as mail apps name it, the same in every language.
pub fn security_label(security: Security) -> &'static str {
    match security {
        Security::Ssl => "SSL/TLS",
        Security::StartTls => "STARTTLS",
    }
}

/// The user name for an address under the rule; the address itself if it has no `@`.
pub fn user_name(rule: UserName, address: &str) -> &str {
    match (rule, address.rsplit_once('@')) {
        (UserName::LocalPart, Some((local, _))) => local,
        _ => address,
    }
}

/// The user-name rule in words: "your full email address".
pub fn user_rule(checklist: &Checklist, rule: UserName) -> &str {
    match rule {
        UserName::Address => checklist.text.settings_user_address(),
        UserName::LocalPart => checklist.text.settings_user_local(),
    }
}

/// Whether any cause found says to set the mail app up again: then the settings are shown.
pub fn needed(checklist: &Checklist, diagnosis: &Diagnosis) -> bool {
    diagnosis
        .causes()
        .iter()
        .any(|cause| checklist.finding(&cause.finding).is_some_and(|f| f.sets_up))
}

/// The report's section on the mail app's settings: its heading and lines, or nothing when no
/// cause says to set the mail app up again. The chosen mail app comes first, if any.
pub fn report_lines(
    checklist: &Checklist,
    diagnosis: &Diagnosis,
    servers: &Servers,
    mail_app: Option<&str>,
) -> Option<(String, Vec<String>)> {
    if !needed(checklist, diagnosis) {
        return None;
    }
    let text = &checklist.text;
    let mut lines = Vec::new();
    if let Some(app) = mail_app.and_then(|id| checklist.mail_app(id)) {
        lines.push([text.mail_app_legend(), ": ", &app.label].concat());
    }
    for (label, server) in [
        (text.settings_imap(), &servers.imap),
        (text.settings_pop(), &servers.pop),
        (text.settings_smtp(), &servers.smtp),
    ] {
        lines.push(
            [
                label,
                ": ",
                &server.host,
                ", ",
                text.settings_port(),
                " ",
                &decimal(u64::from(server.port)),
                ", ",
                security_label(server.security),
            ]
            .concat(),
        );
    }
    lines.push(
        [
            text.settings_user(),
            ": ",
            user_rule(checklist, servers.user),
        ]
        .concat(),
    );
    Some((text.settings_heading().to_owned(), lines))
}
