//! The one clock. "Today" is the council's local date (the machine's time zone, as the clerk's
//! own calendar reads), never UTC: a pack issued at 00:30 on 24th December is issued on the
//! 24th. Every job that needs a date asks the [`Clock`] it was given, so tests can set it.

use chrono::{DateTime, Local, NaiveDate, Utc};

/// Where "today" and "now" come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The machine's clock, in its local time zone.
    System,
    /// A fixed day (tests, and the command line's `--today`): "now" is that day's noon UTC.
    Fixed(NaiveDate),
}

impl Clock {
    /// The council's local date.
    pub fn today(&self) -> NaiveDate {
        match self {
            Clock::System => Local::now().date_naive(),
            Clock::Fixed(d) => *d,
        }
    }

    /// This instant, for timestamps written into files (an iCalendar's DTSTAMP).
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(d) => d
                .and_hms_opt(12, 0, 0)
                .map(|t| t.and_utc())
                .unwrap_or_else(Utc::now),
        }
    }
}
