//! Calendar dates as a date input gives them (`YYYY-MM-DD`), and moments in time as seconds
//! since 1970 (UTC), without a date library.

use std::fmt;

use crate::digits::push_padded;

/// What a `when` step's date field holds: the text typed (`YYYY-MM-DD`, or empty for "no
/// date"), or a date the browser couldn't read (typed without its year), which is kept apart
/// from "no date" so it is refused as a bad date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateEntry {
    Typed(String),
    Unreadable,
}

impl Default for DateEntry {
    fn default() -> Self {
        DateEntry::Typed(String::new())
    }
}

impl From<&str> for DateEntry {
    fn from(text: &str) -> Self {
        DateEntry::Typed(text.to_owned())
    }
}

impl DateEntry {
    /// The date, if the entry is a whole one.
    pub fn date(&self) -> Option<Date> {
        match self {
            DateEntry::Typed(text) => Date::parse_iso(text),
            DateEntry::Unreadable => None,
        }
    }

    /// The text typed: empty for "no date", and for a date the browser couldn't read.
    pub fn text(&self) -> &str {
        match self {
            DateEntry::Typed(text) => text,
            DateEntry::Unreadable => "",
        }
    }

    /// No date given: the user doesn't know it.
    pub fn is_empty(&self) -> bool {
        matches!(self, DateEntry::Typed(text) if text.is_empty())
    }

    /// The entry without the spaces around a typed date.
    pub fn trimmed(self) -> Self {
        match self {
            DateEntry::Typed(text) => DateEntry::Typed(text.trim().to_owned()),
            DateEntry::Unreadable => DateEntry::Unreadable,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Reads the `YYYY-MM-DD` form of HTML date inputs; anything else is `None`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = text.get(range)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let month = u8::try_from(number(5..7)?).ok()?;
        let day = u8::try_from(number(8..10)?).ok()?;
        Date::new(number(0..4)?, month, day)
    }
}

/// A moment, in whole seconds since 1970-01-01 00:00 UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub u64);

impl Timestamp {
    /// The UTC calendar date of this moment.
    pub fn date(self) -> Date {
        // Howard Hinnant's days-to-civil algorithm, for days since 1970-01-01.
        let days = (self.0 / 86_400) as i64 + 719_468;
        let era = days.div_euclid(146_097);
        let day_of_era = days.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u8;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        } as u8;
        let year = (year_of_era + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }

    /// Hours and minutes of the day, UTC.
    pub fn time_of_day(self) -> (u8, u8) {
        let seconds = self.0 % 86_400;
        ((seconds / 3600) as u8, (seconds % 3600 / 60) as u8)
    }
}

impl Timestamp {
    /// `2026-11-24 05:16 UTC`, written by hand (see `digits`).
    pub fn utc_text(self) -> String {
        let (hours, minutes) = self.time_of_day();
        let mut out = self.date().iso();
        out.push(' ');
        push_padded(&mut out, u64::from(hours), 2);
        out.push(':');
        push_padded(&mut out, u64::from(minutes), 2);
        out.push_str(" UTC");
        out
    }
}

impl fmt::Display for Timestamp {
    /// `2026-11-24 05:16 UTC`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.utc_text())
    }
}

impl Date {
    /// Days from 1970-01-01 to this date (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's civil-to-days algorithm.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let month = i64::from(self.month);
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5
            + i64::from(self.day)
            - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl Date {
    /// `2026-11-24`, written by hand (see `digits`).
    pub fn iso(self) -> String {
        let mut out = String::with_capacity(10);
        push_padded(&mut out, u64::from(self.year), 4);
        out.push('-');
        push_padded(&mut out, u64::from(self.month), 2);
        out.push('-');
        push_padded(&mut out, u64::from(self.day), 2);
        out
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_date_input_format_and_writes_it_back() {
        let date = Date::parse_iso("2026-02-28").expect("a real date");
        assert_eq!(
            date,
            Date {
                year: 2026,
                month: 2,
                day: 28
            }
        );
        assert_eq!(date.to_string(), "2026-02-28");
    }

    #[test]
    fn knows_leap_years() {
        assert!(Date::parse_iso("2024-02-29").is_some());
        assert!(Date::parse_iso("2000-02-29").is_some());
        assert!(Date::parse_iso("1900-02-29").is_none());
        assert!(Date::parse_iso("2026-02-29").is_none());
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for text in [
            "",
            "2026-13-01",
            "2026-04-31",
            "2026-00-10",
            "2026-1-01",
            "26-01-01x",
            "2026/01/01",
            "+026-01-01",
            "2026-01-0 ",
            "２０２６-01-01",
        ] {
            assert_eq!(Date::parse_iso(text), None, "{text:?}");
        }
    }

    #[test]
    fn moments_read_as_utc_dates_and_times() {
        assert_eq!(Timestamp(0).to_string(), "1970-01-01 00:00 UTC");
        assert_eq!(
            Timestamp(951_782_400).date(),
            Date {
                year: 2000,
                month: 2,
                day: 29
            }
        );
        assert_eq!(Timestamp(1_795_497_360).to_string(), "2026-11-24 05:16 UTC");
    }

    #[test]
    fn dates_count_days_from_1970_both_ways() {
        for days in [-1, 0, 59, 10_956, 20_781] {
            let moment = Timestamp((days.max(0) * 86_400) as u64);
            if days >= 0 {
                assert_eq!(moment.date().days_since_epoch(), days);
            }
        }
        assert_eq!(
            Date {
                year: 1969,
                month: 12,
                day: 31
            }
            .days_since_epoch(),
            -1
        );
        assert_eq!(
            Date {
                year: 2026,
                month: 11,
                day: 24
            }
            .days_since_epoch(),
            20_781
        );
    }

    #[test]
    fn orders_by_calendar() {
        let earlier = Date::parse_iso("2025-12-31");
        let later = Date::parse_iso("2026-01-01");
        assert!(earlier < later);
    }
}
