//! Lists that grow with the archive (meetings, people, the audit log, referrals) asked for a
//! page at a time: what to show (a query) and one page of it with the total it is a page of.
//! The store does the paging in SQL, so a twenty-year record never crosses into the window whole.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::DomainError;
use crate::model::{word_enum, AuditEntry, MeetingSummary, MinutesStatus, NoticeDue, Person};
use crate::register::ReferralChain;

/// The rows a page holds when the query does not say.
pub const PAGE: u32 = 50;
/// The most rows a page may hold.
pub const MAX_PAGE: u32 = 500;

/// How many rows a query's page takes: its own limit, kept within 1..=[`MAX_PAGE`].
pub fn page_size(limit: Option<u32>) -> u32 {
    limit.unwrap_or(PAGE).clamp(1, MAX_PAGE)
}

word_enum! {
    /// Which side of today a list of meetings is on.
    pub enum MeetingTime {
        /// Every meeting, newest first.
        All => "all",
        /// Today's and later meetings, soonest first.
        Upcoming => "upcoming",
        /// Meetings before today, most recent first.
        Past => "past",
    }
}

/// A search of the meetings: words and filters, all of which must hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeetingQuery {
    /// Words each found in the committee's name (English or Welsh), the venue, an agenda
    /// item's title or the date (2014-06 finds June 2014's meetings); empty finds every meeting.
    pub text: String,
    pub body_id: Option<Uuid>,
    /// Meetings on or after this date.
    pub from: Option<NaiveDate>,
    /// Meetings on or before this date.
    pub to: Option<NaiveDate>,
    pub minutes_status: Option<MinutesStatus>,
    pub time: MeetingTime,
    /// The day "upcoming" starts on; today when absent.
    pub today: Option<NaiveDate>,
    /// Rows skipped before the page starts.
    pub offset: u32,
    /// Rows on the page (default 50, at most 500).
    pub limit: Option<u32>,
}

impl Default for MeetingQuery {
    fn default() -> Self {
        MeetingQuery {
            text: String::new(),
            body_id: None,
            from: None,
            to: None,
            minutes_status: None,
            time: MeetingTime::All,
            today: None,
            offset: 0,
            limit: None,
        }
    }
}

/// One page of meetings and how many the query found in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeetingPage {
    pub items: Vec<MeetingSummary>,
    /// Every meeting the query found, on this page or another.
    pub total: u32,
    /// Where this page starts among them (0 for the first).
    pub offset: u32,
    /// Each meeting's notice of decisions as it stands today, in the order of `items`.
    pub notices: Vec<NoticeDue>,
}

/// The first few of a longer list of notices of decisions, and how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NoticeList {
    pub items: Vec<NoticeDue>,
    pub total: u32,
}

/// A search of the people, by name, a page at a time (by surname, as pick lists show them).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonQuery {
    /// Words each found in the name, honorific or title; empty finds everyone.
    pub text: String,
    /// Include people retired from the pick lists.
    pub retired: bool,
    pub offset: u32,
    /// Rows on the page (default 50, at most 500).
    pub limit: Option<u32>,
}

/// One page of people and how many the query found in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonPage {
    pub items: Vec<Person>,
    pub total: u32,
    pub offset: u32,
}

/// A page of an audit log, newest first: the entries before `before` (the newest when absent).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditQuery {
    /// Only entries older than this sequence number: the last one of the page already shown.
    #[ts(type = "number | null")]
    pub before: Option<i64>,
    /// Rows on the page (default 50, at most 500).
    pub limit: Option<u32>,
}

/// Entries of an audit log, newest first, and how many the log holds in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub total: u32,
    /// Whether older entries remain after this page.
    pub more: bool,
}

/// The open referrals (made or received by a body, or all), a page at a time.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReferralQuery {
    pub body_id: Option<Uuid>,
    /// Only those waiting for the target body after the response was due.
    pub overdue_only: bool,
    /// The day "overdue" is judged on; today when absent.
    pub today: Option<NaiveDate>,
    pub offset: u32,
    /// Rows on the page (default 50, at most 500).
    pub limit: Option<u32>,
}

/// One page of open referrals, overdue first, and how many are open in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReferralPage {
    pub items: Vec<ReferralChain>,
    pub total: u32,
    pub offset: u32,
    /// How many of the `total` are overdue, and how many due soon (whatever the page).
    pub overdue: u32,
    pub due_soon: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_fifty_rows_unless_asked_and_never_more_than_five_hundred() {
        assert_eq!(page_size(None), 50);
        assert_eq!(page_size(Some(10)), 10);
        assert_eq!(page_size(Some(0)), 1);
        assert_eq!(page_size(Some(100_000)), 500);
    }
}
