//! Minute numbering: which municipal year a date falls in, and how a number is printed.
//!
//! A sequence (council-wide or one body's) hands out 1, 2, 3... within each municipal year
//! (or, in the year a council adopts Cofnod, runs on from the number it had reached);
//! the store keeps numbers unique and gapless. The year starts on the date of the Annual
//! Meeting where the council has recorded one, and otherwise on the authority's configured
//! month and day (1 May unless set).

use chrono::{Datelike, NaiveDate};

use crate::error::DomainError;

/// How far a recorded Annual Meeting may lie from the configured start and still replace it.
const NEAR: chrono::Days = chrono::Days::new(75);

/// The first day of the municipal year that `date` falls in.
///
/// `explicit_starts` are the recorded starts (Annual Meeting dates). A recorded start near
/// a configured start (within ten weeks) replaces it: before the Annual Meeting the old year
/// runs on, from it the new year begins. Years with no recorded start begin on the
/// configured month and day.
pub fn year_start(
    date: NaiveDate,
    explicit_starts: &[NaiveDate],
    default_month: u32,
    default_day: u32,
) -> Result<NaiveDate, DomainError> {
    let near = |boundary: NaiveDate| {
        explicit_starts
            .iter()
            .copied()
            .find(|e| *e >= boundary - NEAR && *e <= boundary + NEAR)
    };
    let boundary = configured_year_start(date, default_month, default_day)?;
    // An Annual Meeting held shortly before the next configured start already begins the next year.
    if let Some(next) = boundary.checked_add_months(chrono::Months::new(12)) {
        if let Some(e) = near(next).filter(|e| *e <= date) {
            return Ok(e);
        }
    }
    match near(boundary) {
        Some(e) if e <= date => Ok(e),
        // The Annual Meeting is still to come: the previous year runs on.
        Some(_) => match boundary.pred_opt() {
            Some(day_before) => {
                let previous = configured_year_start(day_before, default_month, default_day)?;
                Ok(near(previous)
                    .filter(|e| *e <= day_before)
                    .unwrap_or(previous))
            }
            None => Ok(boundary),
        },
        None => Ok(boundary),
    }
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
    is_gapless_from(numbers, 1)
}

/// Checks that a sequence-year's numbers are exactly first..first+n-1: a year that began at
/// a set number (Cofnod adopted mid-year, the council's sequence standing at 476) runs on
/// from it without gaps.
pub fn is_gapless_from(numbers: &[u32], first: u32) -> bool {
    let mut sorted = numbers.to_vec();
    sorted.sort_unstable();
    sorted
        .iter()
        .enumerate()
        .all(|(i, n)| u64::from(*n) == u64::from(first) + i as u64)
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
            d(2016, 5, 1)
        );
        let both = [d(2016, 5, 18), d(2017, 5, 24)];
        assert_eq!(
            year_start(d(2017, 5, 10), &both, 5, 1).unwrap(),
            d(2016, 5, 18)
        );
        // An Annual Meeting in late April begins the new year before 1 May.
        assert_eq!(
            year_start(d(2018, 4, 28), &[d(2018, 4, 26)], 5, 1).unwrap(),
            d(2018, 4, 26)
        );
        assert_eq!(
            year_start(d(2018, 4, 25), &[d(2018, 4, 26)], 5, 1).unwrap(),
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
        assert!(is_gapless_from(&[477, 476, 478], 476));
        assert!(!is_gapless_from(&[1, 2], 476));
        assert!(!is_gapless_from(&[476, 478], 476));
    }
}
