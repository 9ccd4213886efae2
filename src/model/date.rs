//! Dates at the precision their sources give: a year stays a year.

use super::{clip, Str};
use serde::{Deserialize, Deserializer};

/// How precisely a source dates something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// Only the year is known.
    Year,
    /// Year and month.
    Month,
    /// Year, month and day.
    Day,
}

/// A date at the precision its source gives: a year stays a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDate {
    /// The year.
    pub year: i32,
    /// The month, 1–12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u8>,
}

impl EventDate {
    /// The precision of this date.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the calendar.
    pub fn parse(s: &str) -> Result<EventDate, String> {
        let bad = || format!("\"{}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", clip(s));
        let mut parts = s.split('-');
        let year_part = parts.next().ok_or_else(bad)?;
        if year_part.len() != 4 || !year_part.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year_part.parse().map_err(|_| bad())?;
        let mut number = |len: usize| -> Result<Option<u8>, String> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => p.parse::<u8>().map(Some).map_err(|_| bad()),
                Some(_) => Err(bad()),
            }
        };
        let month = number(2)?;
        let day = if month.is_some() { number(2)? } else { None };
        if parts.next().is_some() {
            return Err(bad());
        }
        let date = EventDate { year, month, day };
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(format!("\"{s}\": month {m} is not between 1 and 12"));
            }
            if let Some(d) = day {
                let last = days_in_month(year, m);
                if d == 0 || d > last {
                    return Err(format!("\"{s}\": day {d} is not between 1 and {last}"));
                }
            }
        }
        Ok(date)
    }

    /// The start and end, as fractional years, of the period the date names.
    pub fn bounds(&self) -> (f64, f64) {
        let y = f64::from(self.year);
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                let days = f64::from(days_in_month(self.year, m));
                let start = y + (f64::from(m) - 1.0) / 12.0 + (f64::from(d) - 1.0) / (12.0 * days);
                (start, start + 1.0 / (12.0 * days))
            }
            (Some(m), None) => {
                let start = y + (f64::from(m) - 1.0) / 12.0;
                (start, start + 1.0 / 12.0)
            }
            _ => (y, y + 1.0),
        }
    }
}

impl<'de> Deserialize<'de> for EventDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Str::deserialize(d)?;
        EventDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}
