//! Dates and moments written the way each language writes them, from the content's patterns.

use super::checklist::UiText;
use super::date::{Date, Timestamp};

/// A calendar date in the language's words: "24 November 2026", "24 de noviembre de 2026".
pub fn date(text: &UiText, date: Date) -> String {
    let month = text
        .month_names()
        .split(',')
        .nth(usize::from(date.month).saturating_sub(1))
        .unwrap_or_default()
        .trim();
    text.date_format(&date.day.to_string(), month, &date.year.to_string())
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
            let sign = if offset < 0 { '-' } else { '+' };
            let offset = offset.unsigned_abs();
            format!("UTC{sign}{:02}:{:02}", offset / 60, offset % 60)
        }
    };
    text.moment_format(
        &date(text, local.date()),
        &format!("{hours:02}:{minutes:02}"),
        &zone,
    )
}
