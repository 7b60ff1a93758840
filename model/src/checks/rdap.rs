//! A domain's registration, from an RDAP answer: when it expires, and who the registrar is.

use super::json::Json;
use crate::date::Date;
use crate::names;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub expires: Option<Date>,
    pub registrar: Option<String>,
}

/// How the registration stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationStatus {
    Expired,
    /// Expires within 30 days (the number of days left).
    ExpiringSoon(i64),
    Fine,
    /// The registry gives no expiry date.
    NoExpiry,
}

/// How soon an expiry date counts as close.
pub const SOON_DAYS: i64 = 30;

/// The longest registrar name kept, in characters: enough for any real one, and a bound on
/// what an answer can put on screen or in storage.
pub const MAX_REGISTRAR_CHARS: usize = 64;

/// The earliest expiry date believed: before this, no domain in use today was registered.
const EARLIEST_YEAR: u16 = 1985;
/// How far ahead an expiry date may lie, in years; registries sell ten at most.
const LATEST_YEARS_AHEAD: u16 = 100;

/// Reads an RDAP domain object (RFC 9083). `None` when it isn't one, or when a part the check
/// reads isn't of the documented shape or holds an expiry date no registry would give.
pub fn parse(answer: &Json, today: Date) -> Option<Registration> {
    if answer.get("objectClassName")?.as_str()? != "domain" {
        return None;
    }
    let mut expires = None;
    for event in list(answer.get("events"))? {
        if event.get("eventAction")?.as_str()? != "expiration" || expires.is_some() {
            continue;
        }
        let date = Date::parse_iso(event.get("eventDate")?.as_str()?.get(..10)?)?;
        if !believable(date, today) {
            return None;
        }
        expires = Some(date);
    }
    let mut registrar = None;
    for entity in list(answer.get("entities"))? {
        let roles = list(entity.get("roles"))?;
        if registrar.is_none() && roles.iter().any(|role| role.as_str() == Some("registrar")) {
            registrar = registrar_name(entity);
        }
    }
    Some(Registration { expires, registrar })
}

/// Whether a registry could really give this expiry date, seen on `today`.
pub fn believable(expires: Date, today: Date) -> bool {
    (EARLIEST_YEAR..=today.year.saturating_add(LATEST_YEARS_AHEAD)).contains(&expires.year)
}

/// An optional array member: absent is empty, anything but an array is not the shape.
fn list(value: Option<&Json>) -> Option<&[Json]> {
    match value {
        None => Some(&[]),
        Some(Json::Array(items)) => Some(items),
        Some(_) => None,
    }
}

/// The `fn` (full name) property of an entity's jCard (RFC 7095), cleaned and cut to length.
fn registrar_name(entity: &Json) -> Option<String> {
    let card = entity.get("vcardArray")?.as_array().get(1)?.as_array();
    card.iter()
        .find(|property| property.as_array().first().and_then(Json::as_str) == Some("fn"))
        .and_then(|property| property.as_array().get(3)?.as_str())
        .and_then(|name| names::clean(name, MAX_REGISTRAR_CHARS))
}

pub fn status(registration: &Registration, today: Date) -> RegistrationStatus {
    let Some(expires) = registration.expires else {
        return RegistrationStatus::NoExpiry;
    };
    let days = expires.days_since_epoch() - today.days_since_epoch();
    if days < 0 {
        RegistrationStatus::Expired
    } else if days <= SOON_DAYS {
        RegistrationStatus::ExpiringSoon(days)
    } else {
        RegistrationStatus::Fine
    }
}
