//! Dates and moments written the way each language writes them, from the content's patterns.

use super::checklist::UiText;
use super::date::{Date, Timestamp};
use super::digits::{decimal, push_padded};

/// A calendar date in the language's words: "24 November 2026", "24 de noviembre de 2026".
pub fn date(text: &UiText, date: Date) -> String {
    let month = text
        .month_names()
        .split(',')
        .nth(usize::from(date.month).saturating_sub(1))
        .unwrap_or_default()
        .trim();
    text.date_format(
        &decimal(u64::from(date.day)),
        month,
        &decimal(u64::from(date.year)),
    )
}

/// A moment in the user's own time zone (`offset_minutes` east of UTC), with the zone named
/// so an administrator elsewhere reads it right: "24 November 2026, 06:16 (UTC+01:00)".
pub fn moment(text: &UiText, moment: Timestamp, offset_minutes: i32) -> String {
    let local = Timestamp(
        moment
            .0
            .saturating_add_signed(i64::from(offset_minutes) * 60),
    );
    let (hours, minutes) = local.time_of_day();
    let zone = match offset_minutes {
        0 => "UTC".to_owned(),
        offset => {
            let mut zone = String::from(if offset < 0 { "UTC-" } else { "UTC+" });
            let offset = offset.unsigned_abs();
            push_padded(&mut zone, u64::from(offset / 60), 2);
            zone.push(':');
            push_padded(&mut zone, u64::from(offset % 60), 2);
            zone
        }
    };
    text.moment_format(&date(text, local.date()), &clock(hours, minutes), &zone)
}

/// `06:16`
fn clock(hours: u8, minutes: u8) -> String {
    let mut out = String::with_capacity(5);
    push_padded(&mut out, u64::from(hours), 2);
    out.push(':');
    push_padded(&mut out, u64::from(minutes), 2);
    out
}
