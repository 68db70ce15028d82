//! Calendar months as whole numbers, and their `YYYY-MM` text form.
//!
//! A [`Month`] counts months since January of year 0 (`year * 12 + month - 1`),
//! so differences between months are plain integer subtraction.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar month; the inner value is `year * 12 + (month - 1)`.
/// Serialized as its `YYYY-MM` text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(pub i32);

impl Month {
    /// The month `year`-`month` (month 1 to 12).
    pub const fn new(year: i32, month: u32) -> Month {
        Month(year * 12 + month as i32 - 1)
    }

    /// Calendar year.
    pub const fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// Month of the year, 1 to 12.
    pub const fn month(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }

    /// This month moved by `months` (negative moves back).
    pub const fn plus(self, months: i32) -> Month {
        Month(self.0 + months)
    }

    /// Months from `earlier` to `self` (negative when `self` is before it).
    pub const fn since(self, earlier: Month) -> i32 {
        self.0 - earlier.0
    }

    /// Parses `YYYY-MM` (four-digit year, two-digit month). Nothing else is accepted.
    pub fn parse(text: &str) -> Option<Month> {
        let bytes = text.as_bytes();
        if bytes.len() != 7 || bytes[4] != b'-' {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            bytes[range].iter().try_fold(0u32, |acc, &b| b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0')))
        };
        let year = digits(0..4)?;
        let month = digits(5..7)?;
        (1..=12).contains(&month).then(|| Month::new(year as i32, month))
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Month, D::Error> {
        let text = String::deserialize(deserializer)?;
        Month::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("not a YYYY-MM month: {text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_text() {
        let m = Month::parse("2024-01").unwrap();
        assert_eq!(m, Month::new(2024, 1));
        assert_eq!(m.to_string(), "2024-01");
        assert_eq!(m.plus(83).to_string(), "2030-12");
        assert_eq!(Month::new(2030, 12).since(m), 83);
    }

    #[test]
    fn rejects_malformed_text() {
        for bad in ["2024-13", "2024-00", "2024-1", "24-01", "2024/01", "２０２４-01", "", "2024-01x"] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }
}
