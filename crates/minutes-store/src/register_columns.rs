//! What the register's filters test, held in memory beside the writer: for every search
//! document (a resolution's `register_doc` number) its meeting's date, its committee, its
//! decision keyword and whether its minute is exempt; and every referral's document, target,
//! status and due date. A filtered search then tests each match of the index in memory
//! instead of reading its register row (a read of a wide table per match: tens of
//! milliseconds when a filter keeps few of a common word's matches), and knows the first and
//! last documents that can pass, so the index is read only between them.
//!
//! The columns are read once (one pass over `register_row`'s narrow index of them, migration
//! 18, and over `referral`) and kept while the database is unchanged: any change
//! on this connection (`total_changes`, which counts the triggers' rows too) or a commit by
//! another (`PRAGMA data_version`) makes the next filtered search read them again. Inside a
//! transaction, whose changes may yet be undone, they are read for that search only.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use chrono::{Datelike, NaiveDate};
use minutes_core::{ReferralFilter, RegisterQuery};
use rusqlite::Connection;

use crate::rows::s;
use crate::Result;

/// No committee (a referral to an outside body), or a committee unknown to the columns.
const NONE: u16 = u16::MAX;
/// A date that passes no date filter (never read: every register row has a date).
const NO_DATE: i32 = i32::MIN;

/// The register's filter columns, by document number.
#[derive(Debug)]
pub(crate) struct Columns {
    /// (data_version, total_changes) when read.
    key: (i64, u64),
    /// Per document number (index = doc), the meeting's date as days from the common era,
    /// [`NO_DATE`] for numbers with no register row.
    date: Vec<i32>,
    body: Vec<u16>,
    keyword: Vec<u8>,
    exempt: Vec<bool>,
    bodies: HashMap<String, u16>,
    referrals: Vec<Ref>,
}

#[derive(Debug)]
struct Ref {
    doc: usize,
    to: u16,
    status: u8,
    due: i32,
}

const KEYWORDS: [&str; 3] = ["resolved", "recommended", "agreed"];
const STATUSES: [&str; 5] = [
    "issued",
    "scheduled",
    "considered",
    "reported_back",
    "closed",
];

fn code(list: &[&str], word: &str) -> u8 {
    list.iter()
        .position(|w| *w == word)
        .map_or(u8::MAX, |i| i as u8)
}

fn days(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

/// The columns kept beside a connection (see the module's notes).
#[derive(Debug, Default)]
pub(crate) struct ColumnsCache(Mutex<Option<Arc<Columns>>>);

fn key(conn: &Connection) -> Result<(i64, u64)> {
    let version: i64 = conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
    Ok((version, conn.total_changes()))
}

impl ColumnsCache {
    /// The columns as the database stands. `in_transaction`: read for this search only.
    pub(crate) fn get(&self, conn: &Connection, in_transaction: bool) -> Result<Arc<Columns>> {
        if in_transaction {
            return Ok(Arc::new(Columns::read(conn)?));
        }
        let now = key(conn)?;
        let mut slot = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(c) = slot.as_ref().filter(|c| c.key == now) {
            return Ok(Arc::clone(c));
        }
        let c = Arc::new(Columns::read(conn)?);
        *slot = Some(Arc::clone(&c));
        Ok(c)
    }
}

impl Columns {
    pub(crate) fn read(conn: &Connection) -> Result<Columns> {
        let key = key(conn)?;
        let mut bodies: HashMap<String, u16> = HashMap::new();
        let mut body_code = |id: &str| -> u16 {
            if let Some(code) = bodies.get(id) {
                return *code;
            }
            let next = bodies.len().min(NONE as usize - 1) as u16;
            bodies.insert(id.to_string(), next);
            next
        };
        let top: i64 =
            conn.query_row("SELECT coalesce(max(doc), 0) FROM register_row", [], |r| {
                r.get(0)
            })?;
        let n = usize::try_from(top).unwrap_or(0) + 1;
        let (mut date, mut body, mut keyword, mut exempt) = (
            vec![NO_DATE; n],
            vec![NONE; n],
            vec![u8::MAX; n],
            vec![true; n],
        );
        let mut st = conn.prepare(
            "SELECT doc, date, body_id, keyword, exempt FROM register_row INDEXED BY register_row_filters",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let Ok(doc) = usize::try_from(r.get::<_, i64>(0)?) else {
                continue;
            };
            if doc >= n {
                continue;
            }
            date[doc] = r
                .get_ref(1)?
                .as_str()
                .ok()
                .and_then(|d| d.parse::<NaiveDate>().ok())
                .map_or(NO_DATE, days);
            body[doc] = body_code(r.get_ref(2)?.as_str().unwrap_or(""));
            keyword[doc] = code(&KEYWORDS, r.get_ref(3)?.as_str().unwrap_or(""));
            exempt[doc] = r.get::<_, i64>(4)? != 0;
        }
        let mut st = conn.prepare(
            "SELECT d.rowid, f.to_body_id, f.status, f.response_due FROM referral f
             JOIN register_doc d ON d.resolution_id = f.resolution_id",
        )?;
        let mut rows = st.query([])?;
        let mut referrals = Vec::new();
        while let Some(r) = rows.next()? {
            let Ok(doc) = usize::try_from(r.get::<_, i64>(0)?) else {
                continue;
            };
            let to = match r.get::<_, Option<String>>(1)? {
                Some(id) => body_code(&id),
                None => NONE,
            };
            let due: String = r.get(3)?;
            referrals.push(Ref {
                doc,
                to,
                status: code(&STATUSES, &r.get::<_, String>(2)?),
                due: due.parse::<NaiveDate>().map_or(NO_DATE, days),
            });
        }
        Ok(Columns {
            key,
            date,
            body,
            keyword,
            exempt,
            bodies,
            referrals,
        })
    }

    /// The test of the query's filters on a document, with what it knows of them.
    pub(crate) fn filter(&self, q: &RegisterQuery, today: NaiveDate) -> Filter<'_> {
        let body = q.body_id.map(|b| *self.bodies.get(&s(b)).unwrap_or(&NONE));
        let referred = q.referral.is_some() || q.referred_to.is_some();
        let negate = q.referral == Some(ReferralFilter::NotReferred);
        let referrals = referred.then(|| {
            let to = q
                .referred_to
                .map(|b| *self.bodies.get(&s(b)).unwrap_or(&NONE));
            let today = days(today);
            let code = |w: &str| code(&STATUSES, w);
            let (closed, issued, scheduled) = (code("closed"), code("issued"), code("scheduled"));
            self.referrals
                .iter()
                .filter(|f| match to {
                    // A referral to this body (never one to an outside body, whose target is NONE).
                    Some(t) => t != NONE && f.to == t,
                    None => true,
                })
                .filter(|f| match q.referral {
                    None | Some(ReferralFilter::Referred) | Some(ReferralFilter::NotReferred) => {
                        true
                    }
                    Some(ReferralFilter::Open) => f.status != closed,
                    Some(ReferralFilter::Overdue) => {
                        (f.status == issued || f.status == scheduled) && f.due < today
                    }
                    Some(other) => f.status == code(other.as_str()),
                })
                .map(|f| f.doc)
                .collect::<HashSet<usize>>()
        });
        Filter {
            cols: self,
            exempt_too: q.confidential,
            body: body.filter(|_| q.body_id.is_some()),
            from: q.from.map(days),
            to: q.to.map(days),
            keyword: q.keyword.map(|k| code(&KEYWORDS, k.as_str())),
            referrals,
            negate,
        }
    }
}

/// A query's filters, tested on document numbers.
pub(crate) struct Filter<'a> {
    cols: &'a Columns,
    exempt_too: bool,
    body: Option<u16>,
    from: Option<i32>,
    to: Option<i32>,
    keyword: Option<u8>,
    /// The documents with a referral as the query asks (or, negated, without one).
    referrals: Option<HashSet<usize>>,
    negate: bool,
}

impl Filter<'_> {
    /// Whether the document passes every filter.
    pub(crate) fn passes(&self, doc: i64) -> bool {
        let Ok(i) = usize::try_from(doc) else {
            return false;
        };
        let c = self.cols;
        if i >= c.date.len() || c.date[i] == NO_DATE {
            return false;
        }
        (self.exempt_too || !c.exempt[i])
            && self.body.is_none_or(|b| c.body[i] == b)
            && self.from.is_none_or(|f| c.date[i] >= f)
            && self.to.is_none_or(|t| c.date[i] <= t)
            && self.keyword.is_none_or(|k| c.keyword[i] == k)
            && self
                .referrals
                .as_ref()
                .is_none_or(|r| r.contains(&i) != self.negate)
    }

    /// Every document that passes, in order, when they are few to find: those of a positive
    /// referral filter. None otherwise.
    pub(crate) fn few(&self) -> Option<Vec<i64>> {
        if self.negate {
            return None;
        }
        let r = self.referrals.as_ref()?;
        let mut docs: Vec<i64> = r
            .iter()
            .map(|d| *d as i64)
            .filter(|d| self.passes(*d))
            .collect();
        docs.sort_unstable();
        Some(docs)
    }

    /// The first and last documents that pass (None when none does).
    pub(crate) fn bounds(&self) -> Option<(i64, i64)> {
        if let Some(docs) = self.few() {
            return Some((*docs.first()?, *docs.last()?));
        }
        let n = self.cols.date.len() as i64;
        let lo = (0..n).find(|d| self.passes(*d))?;
        let hi = (lo..n).rev().find(|d| self.passes(*d))?;
        Some((lo, hi))
    }

    /// The meeting date of a document (days from the common era).
    pub(crate) fn date(&self, doc: i64) -> i32 {
        usize::try_from(doc)
            .ok()
            .and_then(|i| self.cols.date.get(i).copied())
            .unwrap_or(NO_DATE)
    }
}
