//! Minute numbering: which municipal year a date falls in, and how a number is printed.
//!
//! A sequence (council-wide or one body's) hands out 1, 2, 3... within each municipal year;
//! the store keeps numbers unique and gapless. The year starts on the date of the Annual
//! Meeting where the council has recorded one, and otherwise on the authority's configured
//! month and day (1 May unless set).

use chrono::{Datelike, NaiveDate};

use crate::error::DomainError;

/// The first day of the municipal year that `date` falls in.
///
/// `explicit_starts` are the recorded starts (Annual Meeting dates); the latest one on or
/// before `date` wins if it is less than a year before `date`. Otherwise the configured
/// month and day decide.
pub fn year_start(
    date: NaiveDate,
    explicit_starts: &[NaiveDate],
    default_month: u32,
    default_day: u32,
) -> Result<NaiveDate, DomainError> {
    let configured = configured_year_start(date, default_month, default_day)?;
    let explicit = explicit_starts.iter().copied().filter(|s| *s <= date).max();
    Ok(match explicit {
        // A recorded Annual Meeting later than the configured start moves the start to it;
        // an older one belongs to an earlier year and does not count.
        Some(s) if s >= configured - chrono::Days::new(60) => s,
        _ => configured,
    })
}

fn configured_year_start(date: NaiveDate, month: u32, day: u32) -> Result<NaiveDate, DomainError> {
    let this_year = NaiveDate::from_ymd_opt(date.year(), month, day).ok_or_else(|| {
        DomainError::invalid(
            "municipal year start",
            format!("{day}/{month} is not a day of the year"),
        )
    })?;
    if this_year <= date {
        Ok(this_year)
    } else {
        NaiveDate::from_ymd_opt(date.year() - 1, month, day).ok_or_else(|| {
            DomainError::invalid(
                "municipal year start",
                format!("{day}/{month} is not a day of {}", date.year() - 1),
            )
        })
    }
}

/// The number as printed: the sequence's prefix then the number, "C116" or "474".
pub fn label(prefix: &str, number: u32) -> String {
    format!("{prefix}{number}")
}

/// Checks that a sequence-year's numbers are exactly 1..=n.
pub fn is_gapless(numbers: &[u32]) -> bool {
    let mut sorted = numbers.to_vec();
    sorted.sort_unstable();
    sorted.iter().enumerate().all(|(i, n)| *n as usize == i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn configured_start_splits_the_calendar_year() {
        assert_eq!(year_start(d(2015, 1, 5), &[], 5, 1).unwrap(), d(2014, 5, 1));
        assert_eq!(year_start(d(2015, 5, 1), &[], 5, 1).unwrap(), d(2015, 5, 1));
        assert_eq!(
            year_start(d(2015, 4, 30), &[], 5, 1).unwrap(),
            d(2014, 5, 1)
        );
    }

    #[test]
    fn annual_meeting_date_restarts_the_year() {
        let annual = [d(2017, 5, 24)];
        // Before the Annual Meeting the old year runs on, even after 1 May.
        assert_eq!(
            year_start(d(2017, 5, 10), &annual, 5, 1).unwrap(),
            d(2017, 5, 1)
        );
        assert_eq!(
            year_start(d(2017, 5, 24), &annual, 5, 1).unwrap(),
            d(2017, 5, 24)
        );
        assert_eq!(
            year_start(d(2017, 11, 16), &annual, 5, 1).unwrap(),
            d(2017, 5, 24)
        );
        // A year later with no Annual Meeting recorded, the configured date applies again.
        assert_eq!(
            year_start(d(2018, 6, 1), &annual, 5, 1).unwrap(),
            d(2018, 5, 1)
        );
    }

    #[test]
    fn impossible_start_is_refused() {
        assert!(year_start(d(2015, 1, 5), &[], 2, 30).is_err());
    }

    #[test]
    fn labels_and_gaps() {
        assert_eq!(label("C", 116), "C116");
        assert_eq!(label("", 474), "474");
        assert!(is_gapless(&[2, 1, 3]));
        assert!(!is_gapless(&[1, 3]));
        assert!(!is_gapless(&[1, 1]));
        assert!(is_gapless(&[]));
    }
}
