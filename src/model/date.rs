//! Calendar dates as a date input gives them (`YYYY-MM-DD`), without a date library.

use std::fmt;

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

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
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
    fn orders_by_calendar() {
        let earlier = Date::parse_iso("2025-12-31");
        let later = Date::parse_iso("2026-01-01");
        assert!(earlier < later);
    }
}
