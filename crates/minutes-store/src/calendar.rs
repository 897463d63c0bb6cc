//! The authority's working-day calendar: the bank holidays of England and Wales (computed by
//! `minutes_core::working_days`, never stored) and the authority's own days kept in
//! `authority_day` (a weekday its offices are closed, a bank holiday they are open). Deadlines
//! counted in working days (the notice of decisions, a call-in window) read it through
//! [`Store::calendar`].

use chrono::{Datelike, NaiveDate};
use minutes_core::validate::{optional_line, MAX_NAME};
use minutes_core::working_days::{bank_holidays, Calendar};
use minutes_core::*;
use rusqlite::params;

use crate::rows::word;
use crate::{Result, Store};

fn bank_holiday_name(day: NaiveDate) -> Option<&'static str> {
    bank_holidays(day.year())
        .into_iter()
        .find(|(d, _)| *d == day)
        .map(|(_, n)| n)
}

impl Store {
    /// The calendar the authority counts working days by: weekends and bank holidays, less
    /// the bank holidays it works, plus the days it closes.
    pub fn calendar(&self) -> Result<Calendar> {
        let mut cal = Calendar::default();
        for d in self.authority_days()? {
            match d.kind {
                DayKind::Closed => cal.closed.insert(d.day),
                DayKind::Open => cal.open.insert(d.day),
            };
        }
        Ok(cal)
    }

    /// The authority's own days, in date order.
    pub fn authority_days(&self) -> Result<Vec<AuthorityDay>> {
        let mut st = self
            .conn()
            .prepare("SELECT day, kind, name FROM authority_day ORDER BY day")?;
        let rows = st.query_map([], |r| {
            Ok(AuthorityDay {
                day: r.get("day")?,
                kind: word(r, "kind", DayKind::parse)?,
                name: r.get("name")?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One year's calendar as Set-up shows it: its bank holidays (with whether the authority
    /// works them) and the authority's own days in it.
    pub fn calendar_year(&self, year: i32) -> Result<CalendarYear> {
        if !(1900..=2200).contains(&year) {
            return Err(DomainError::invalid(
                "Year",
                format!("{year} is not a year between 1900 and 2200"),
            )
            .into());
        }
        let days: Vec<AuthorityDay> = self
            .authority_days()?
            .into_iter()
            .filter(|d| d.day.year() == year)
            .collect();
        let bank_holidays = bank_holidays(year)
            .into_iter()
            .map(|(day, name)| BankHoliday {
                day,
                name: name.to_string(),
                worked: days.iter().any(|d| d.day == day && d.kind == DayKind::Open),
            })
            .collect();
        Ok(CalendarYear {
            year,
            bank_holidays,
            days,
        })
    }

    /// Records one of the authority's own days: a weekday it closes (not a bank holiday, which
    /// is closed already), or a bank holiday it works. A day already recorded is refused:
    /// clear it first.
    pub fn set_authority_day(
        &mut self,
        day: NaiveDate,
        kind: DayKind,
        name: &str,
    ) -> Result<AuthorityDay> {
        let name = optional_line("Name", name, MAX_NAME)?;
        let shown = day.format("%A %-d %B %Y");
        if matches!(day.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun) {
            return Err(DomainError::invalid(
                "Day",
                format!("{shown} is a Saturday or Sunday, never a working day: only a weekday can be closed or opened"),
            )
            .into());
        }
        match (kind, bank_holiday_name(day)) {
            (DayKind::Closed, Some(holiday)) => {
                return Err(DomainError::invalid(
                    "Day",
                    format!("{shown} is a bank holiday ({holiday}), when the offices are closed already"),
                )
                .into())
            }
            (DayKind::Open, None) => {
                return Err(DomainError::invalid(
                    "Day",
                    format!("{shown} is not a bank holiday, so it is a working day already: only a bank holiday can be opened"),
                )
                .into())
            }
            _ => {}
        }
        let d = AuthorityDay { day, kind, name };
        self.write(|tx| {
            tx.execute(
                "INSERT INTO authority_day (day, kind, name) VALUES (?1, ?2, ?3)",
                params![d.day, d.kind.as_str(), d.name],
            )?;
            Ok(())
        })?;
        Ok(d)
    }

    /// Clears one of the authority's own days: it counts as the weekday or bank holiday it is.
    pub fn clear_authority_day(&mut self, day: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute("DELETE FROM authority_day WHERE day = ?1", [day])?;
            if n == 0 {
                return Err(DomainError::not_found("The authority's own day", day).into());
            }
            Ok(())
        })
    }
}
