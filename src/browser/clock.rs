//! The browser's clock: today's date on the user's own calendar, and the moment now.

use crate::model::{Date, Timestamp};

/// The local date now. Falls back to the Unix epoch only if the browser's clock is unusable.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).unwrap_or(1970);
    let month = u8::try_from(now.get_month() + 1).unwrap_or(1);
    let day = u8::try_from(now.get_date()).unwrap_or(1);
    Date::new(year, month, day).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

/// The moment now, in seconds since 1970 (UTC).
pub fn now() -> Timestamp {
    Timestamp((js_sys::Date::now() / 1000.0).max(0.0) as u64)
}

/// The user's time zone now, in minutes east of UTC.
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}
