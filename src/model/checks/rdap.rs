//! A domain's registration, from an RDAP answer: when it expires, and who the registrar is.

use super::json::Json;
use crate::model::date::Date;

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

/// Reads an RDAP domain object (RFC 9083). `None` when it isn't one.
pub fn parse(answer: &Json) -> Option<Registration> {
    if answer.get("objectClassName")?.as_str()? != "domain" {
        return None;
    }
    let events = answer.get("events").map(Json::as_array).unwrap_or_default();
    let expires = events
        .iter()
        .find(|event| event.get("eventAction").and_then(Json::as_str) == Some("expiration"))
        .and_then(|event| event.get("eventDate")?.as_str()?.get(..10))
        .and_then(Date::parse_iso);
    let registrar = answer
        .get("entities")
        .map(Json::as_array)
        .unwrap_or_default()
        .iter()
        .find(|entity| {
            entity
                .get("roles")
                .map(Json::as_array)
                .unwrap_or_default()
                .iter()
                .any(|role| role.as_str() == Some("registrar"))
        })
        .and_then(registrar_name);
    Some(Registration { expires, registrar })
}

/// The `fn` (full name) property of an entity's jCard (RFC 7095).
fn registrar_name(entity: &Json) -> Option<String> {
    let card = entity.get("vcardArray")?.as_array().get(1)?.as_array();
    card.iter()
        .find(|property| property.as_array().first().and_then(Json::as_str) == Some("fn"))
        .and_then(|property| property.as_array().get(3)?.as_str())
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
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
