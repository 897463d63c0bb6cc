//! Working days: the days a council's offices are open, for the deadlines the law counts in
//! working days (the decisions notice within seven, s.100C(1C) LGA 1972 as added by LGEWA 2021)
//! and those a constitution does (the call-in window).
//!
//! A working day is a weekday that is not a bank holiday in England and Wales, nor a day the
//! authority has said its offices are closed; the authority can also say it works a bank
//! holiday. Bank holidays are computed for any year (Easter by the Gregorian computus, the
//! substitute days of the Banking and Financial Dealings Act 1971, and the one-off days
//! proclaimed since 1995), so a twenty-year archive needs no table kept up to date by hand.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::collections::BTreeSet;

/// The calendar an authority counts working days by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    /// Weekdays the offices are closed though they are not bank holidays (a council's own
    /// closure days, such as the days between Christmas and New Year).
    pub closed: BTreeSet<NaiveDate>,
    /// Bank holidays the offices are open all the same.
    pub open: BTreeSet<NaiveDate>,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    // Every date built here is a real one (checked by the tests below for every year).
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, month as u32, day as u32)
}

fn first_monday(year: i32, month: u32) -> NaiveDate {
    let first = date(year, month, 1);
    let ahead = (7 - first.weekday().num_days_from_monday()) % 7;
    first + Duration::days(ahead as i64)
}

fn last_monday(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        date(year + 1, 1, 1)
    } else {
        date(year, month + 1, 1)
    };
    let last = next - Duration::days(1);
    last - Duration::days(last.weekday().num_days_from_monday() as i64)
}

/// The bank holidays of England and Wales in `year`, with their names, in date order.
pub fn bank_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let mut days = Vec::new();
    let new_year = date(year, 1, 1);
    days.push((
        match new_year.weekday() {
            Weekday::Sat => date(year, 1, 3),
            Weekday::Sun => date(year, 1, 2),
            _ => new_year,
        },
        "New Year's Day",
    ));
    let easter = easter_sunday(year);
    days.push((easter - Duration::days(2), "Good Friday"));
    days.push((easter + Duration::days(1), "Easter Monday"));
    days.push((
        match year {
            1995 | 2020 => date(year, 5, 8),
            _ => first_monday(year, 5),
        },
        "Early May bank holiday",
    ));
    days.push((
        match year {
            2002 => date(2002, 6, 4),
            2012 => date(2012, 6, 4),
            2022 => date(2022, 6, 2),
            _ => last_monday(year, 5),
        },
        "Spring bank holiday",
    ));
    days.push((last_monday(year, 8), "Summer bank holiday"));
    let (christmas, boxing) = match date(year, 12, 25).weekday() {
        Weekday::Fri => (date(year, 12, 25), date(year, 12, 28)),
        Weekday::Sat => (date(year, 12, 27), date(year, 12, 28)),
        Weekday::Sun => (date(year, 12, 27), date(year, 12, 26)),
        _ => (date(year, 12, 25), date(year, 12, 26)),
    };
    days.push((christmas, "Christmas Day"));
    days.push((boxing, "Boxing Day"));
    let one_off: &[(i32, u32, u32, &'static str)] = &[
        (1999, 12, 31, "Millennium Eve"),
        (2002, 6, 3, "Golden Jubilee"),
        (2011, 4, 29, "Royal Wedding"),
        (2012, 6, 5, "Diamond Jubilee"),
        (2022, 6, 3, "Platinum Jubilee"),
        (2022, 9, 19, "State Funeral of Queen Elizabeth II"),
        (2023, 5, 8, "Coronation of King Charles III"),
    ];
    for &(y, m, d, name) in one_off {
        if y == year {
            days.push((date(y, m, d), name));
        }
    }
    days.sort();
    days
}

impl Calendar {
    /// Whether the offices are open on `day`.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            return false;
        }
        if self.closed.contains(&day) {
            return false;
        }
        if self.open.contains(&day) {
            return true;
        }
        !bank_holidays(day.year()).iter().any(|(d, _)| *d == day)
    }

    /// The `n`th working day of a period that begins with `start` (counting `start` itself if
    /// it is a working day): the last day of "n working days beginning with" `start`. The
    /// decisions notice of a meeting on Tuesday 2nd is due by Wednesday 10th (n = 7).
    pub fn nth_working_day_from(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut day = start;
        let mut counted = 0;
        loop {
            if self.is_working_day(day) {
                counted += 1;
                if counted >= n.max(1) {
                    return day;
                }
            }
            day += Duration::days(1);
        }
    }

    /// The last day of `n` working days after `start` (not counting `start`): a call-in window
    /// of three working days after a decision published on Monday ends on Thursday.
    pub fn working_days_after(&self, start: NaiveDate, n: u32) -> NaiveDate {
        if n == 0 {
            return start;
        }
        self.nth_working_day_from(start + Duration::days(1), n)
    }

    /// How many working days lie strictly after `from` up to and including `to` (0 when `to`
    /// is not after `from`).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let mut n = 0;
        let mut day = from + Duration::days(1);
        while day <= to {
            if self.is_working_day(day) {
                n += 1;
            }
            day += Duration::days(1);
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_matches_the_published_dates() {
        assert_eq!(easter_sunday(2015), d(2015, 4, 5));
        assert_eq!(easter_sunday(2019), d(2019, 4, 21));
        assert_eq!(easter_sunday(2024), d(2024, 3, 31));
        assert_eq!(easter_sunday(2025), d(2025, 4, 20));
        assert_eq!(easter_sunday(2026), d(2026, 4, 5));
        assert_eq!(easter_sunday(2027), d(2027, 3, 28));
    }

    #[test]
    fn bank_holidays_of_2026_and_2027_are_the_governments() {
        let days: Vec<NaiveDate> = bank_holidays(2026).into_iter().map(|(d, _)| d).collect();
        assert_eq!(
            days,
            vec![
                d(2026, 1, 1),
                d(2026, 4, 3),
                d(2026, 4, 6),
                d(2026, 5, 4),
                d(2026, 5, 25),
                d(2026, 8, 31),
                d(2026, 12, 25),
                d(2026, 12, 28),
            ]
        );
        let days: Vec<NaiveDate> = bank_holidays(2027).into_iter().map(|(d, _)| d).collect();
        assert_eq!(
            days,
            vec![
                d(2027, 1, 1),
                d(2027, 3, 26),
                d(2027, 3, 29),
                d(2027, 5, 3),
                d(2027, 5, 31),
                d(2027, 8, 30),
                d(2027, 12, 27),
                d(2027, 12, 28),
            ]
        );
        // 2022: the spring holiday moved for the Platinum Jubilee, and the State Funeral.
        let days: Vec<NaiveDate> = bank_holidays(2022).into_iter().map(|(d, _)| d).collect();
        assert!(days.contains(&d(2022, 6, 2)) && days.contains(&d(2022, 6, 3)));
        assert!(!days.contains(&d(2022, 5, 30)));
        assert!(days.contains(&d(2022, 9, 19)));
        // New Year's Day on a Saturday (2022) moves to Monday 3rd.
        assert_eq!(days[0], d(2022, 1, 3));
    }

    #[test]
    fn every_year_has_eight_holidays_on_weekdays() {
        for year in 1990..2100 {
            let days = bank_holidays(year);
            assert!(days.len() >= 8, "{year}");
            for (day, name) in days {
                assert_eq!(day.year(), year, "{name} {year}");
                assert!(
                    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
                    "{name} {day}"
                );
            }
        }
    }

    #[test]
    fn seven_working_days_begin_with_the_meeting_day() {
        let cal = Calendar::default();
        // Check 21: a meeting on Tuesday 2nd (June 2026 has no bank holiday after the 1st).
        assert_eq!(cal.nth_working_day_from(d(2026, 6, 2), 7), d(2026, 6, 10));
        // A meeting on a Saturday: the count begins on Monday.
        assert_eq!(cal.nth_working_day_from(d(2026, 6, 6), 1), d(2026, 6, 8));
    }

    #[test]
    fn the_count_skips_bank_holidays_and_crosses_the_year() {
        let cal = Calendar::default();
        // Meeting Thursday 17 December 2026: 17, 18, 21, 22, 23, 24, (25, 28 holidays), 29.
        assert_eq!(
            cal.nth_working_day_from(d(2026, 12, 17), 7),
            d(2026, 12, 29)
        );
        // Meeting Tuesday 29 December 2026: 29, 30, 31, (1 Jan holiday), 4, 5, 6, 7.
        assert_eq!(cal.nth_working_day_from(d(2026, 12, 29), 7), d(2027, 1, 7));
        // Easter 2026: a meeting on Wednesday 1 April counts 1, 2, (Good Friday 3rd and
        // Easter Monday 6th not), 7, 8, 9, 10, 13.
        assert_eq!(cal.nth_working_day_from(d(2026, 4, 1), 7), d(2026, 4, 13));
    }

    #[test]
    fn a_call_in_window_counts_the_working_days_after_publication() {
        let cal = Calendar::default();
        // Check 11: published Monday, three working days: Tuesday, Wednesday, Thursday.
        assert_eq!(cal.working_days_after(d(2026, 6, 8), 3), d(2026, 6, 11));
        // Published Thursday 2 April 2026: Good Friday 3rd and Easter Monday 6th are not
        // counted, so Tuesday 7th, Wednesday 8th, Thursday 9th.
        assert_eq!(cal.working_days_after(d(2026, 4, 2), 3), d(2026, 4, 9));
        assert_eq!(cal.working_days_between(d(2026, 4, 2), d(2026, 4, 9)), 3);
        assert_eq!(cal.working_days_between(d(2026, 4, 9), d(2026, 4, 2)), 0);
    }

    #[test]
    fn the_authority_can_close_and_open_days() {
        let mut cal = Calendar::default();
        cal.closed.insert(d(2026, 12, 29));
        cal.closed.insert(d(2026, 12, 30));
        cal.closed.insert(d(2026, 12, 31));
        assert!(!cal.is_working_day(d(2026, 12, 30)));
        // Meeting Tuesday 22 December 2026: 22, 23, 24, then 4, 5, 6, 7 January.
        assert_eq!(cal.nth_working_day_from(d(2026, 12, 22), 7), d(2027, 1, 7));
        cal.open.insert(d(2026, 8, 31));
        assert!(cal.is_working_day(d(2026, 8, 31)));
        assert!(!Calendar::default().is_working_day(d(2026, 8, 31)));
    }
}
