//! The lists that grow with the archive, a page at a time: meetings, people, the audit logs and
//! the open referrals. Each is one query with its filters, its order and `LIMIT`/`OFFSET` (or,
//! for the audit log, the sequence number to continue before) in SQL, and a count of every row
//! the filters let through, so the window never holds more than the page it shows.

use chrono::NaiveDate;
use minutes_core::notice::notice_due;
use minutes_core::*;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use uuid::Uuid;

use crate::read::{audit_row, body, meeting, meeting_summary_row, person_row, referral_row};
use crate::register::{chain, DUE_SOON_DAYS};
use crate::rows::s;
use crate::{Result, Store};

/// The longest search a list takes, in characters.
pub const MAX_LIST_SEARCH: usize = 200;
/// The most words a list's search takes.
const MAX_WORDS: usize = 12;

/// The words of a list's search, each as a `LIKE` pattern (`%word%`, its `%`, `_` and `\`
/// escaped with `\`). A search too long to be a search is refused.
fn like_words(text: &str) -> Result<Vec<String>> {
    if text.chars().count() > MAX_LIST_SEARCH {
        return Err(DomainError::invalid(
            "Search",
            format!("is longer than {MAX_LIST_SEARCH} characters"),
        )
        .into());
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > MAX_WORDS {
        return Err(
            DomainError::invalid("Search", format!("has more than {MAX_WORDS} words")).into(),
        );
    }
    Ok(words
        .into_iter()
        .map(|w| {
            let mut p = String::from("%");
            for c in w.chars() {
                if matches!(c, '%' | '_' | '\\') {
                    p.push('\\');
                }
                p.push(c);
            }
            p.push('%');
            p
        })
        .collect())
}

/// A word of a meetings search that is a date as a clerk writes it ("5/1/2015", "05-01-2015")
/// in the stored form (2015-01-05); any other word is looked for as it is.
fn date_word(word: &str) -> Option<String> {
    let w = word.trim();
    ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(w, f).ok())
        .map(|d| d.to_string())
}

/// `WHERE` clauses and their values, numbered as they are added.
#[derive(Default)]
struct Filter {
    clauses: Vec<String>,
    values: Vec<Value>,
}

impl Filter {
    /// The next parameter's placeholder, for `value`.
    fn param(&mut self, value: Value) -> String {
        self.values.push(value);
        format!("?{}", self.values.len())
    }
    fn and(&mut self, clause: String) {
        self.clauses.push(clause);
    }
    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }
}

fn total(conn: &Connection, sql: &str, values: &[Value]) -> Result<u32> {
    let n: i64 = conn.query_row(sql, params_from_iter(values), |r| r.get(0))?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

impl Store {
    /// A page of the meetings `q` finds, with how many it finds in all. Upcoming meetings
    /// (today's and later) come soonest first; past ones, and all of them together, most
    /// recent first. An unknown committee is an error; a page past the end is empty.
    pub fn meetings_page(&self, q: &MeetingQuery, today: NaiveDate) -> Result<MeetingPage> {
        let conn = self.conn();
        if let Some(b) = q.body_id {
            body(conn, b)?;
        }
        if let (Some(from), Some(to)) = (q.from, q.to) {
            if to < from {
                return Err(DomainError::invalid("Dates", "the end is before the start").into());
            }
        }
        let mut f = Filter::default();
        if let Some(b) = q.body_id {
            let p = f.param(Value::Text(s(b)));
            f.and(format!("m.body_id = {p}"));
        }
        if let Some(from) = q.from {
            let p = f.param(Value::Text(from.to_string()));
            f.and(format!("m.date >= {p}"));
        }
        if let Some(to) = q.to {
            let p = f.param(Value::Text(to.to_string()));
            f.and(format!("m.date <= {p}"));
        }
        if let Some(st) = q.minutes_status {
            let p = f.param(Value::Text(st.as_str().into()));
            f.and(format!("m.minutes_status = {p}"));
        }
        let today = q.today.unwrap_or(today);
        match q.time {
            MeetingTime::All => {}
            MeetingTime::Upcoming => {
                let p = f.param(Value::Text(today.to_string()));
                f.and(format!("m.date >= {p}"));
            }
            MeetingTime::Past => {
                let p = f.param(Value::Text(today.to_string()));
                f.and(format!("m.date < {p}"));
            }
        }
        for (word, pattern) in q.text.split_whitespace().zip(like_words(&q.text)?) {
            let p = f.param(Value::Text(pattern));
            let date = match date_word(word) {
                Some(d) => format!("m.date = {}", f.param(Value::Text(d))),
                None => format!("m.date LIKE {p} ESCAPE '\\'"),
            };
            f.and(format!(
                "(b.name_en LIKE {p} ESCAPE '\\' OR b.name_cy LIKE {p} ESCAPE '\\'
                  OR m.venue LIKE {p} ESCAPE '\\' OR {date}
                  OR EXISTS (SELECT 1 FROM agenda_item a WHERE a.meeting_id = m.id
                             AND (a.title_en LIKE {p} ESCAPE '\\' OR a.title_cy LIKE {p} ESCAPE '\\')))"
            ));
        }
        let from = "FROM meeting m JOIN body b ON b.id = m.body_id";
        let total = total(
            conn,
            &format!("SELECT count(*) {from} {}", f.sql()),
            &f.values,
        )?;
        let order = match q.time {
            MeetingTime::Upcoming => "m.date, m.start_time, b.name_en, m.id",
            _ => "m.date DESC, m.start_time DESC, b.name_en, m.id",
        };
        let limit = f.param(Value::Integer(page_size(q.limit).into()));
        let offset = f.param(Value::Integer(q.offset.into()));
        // The page's meetings are chosen first, and only they count their agenda items.
        let sql = format!(
            "SELECT m.*, b.name_en AS body_name, n.published_on,
                    (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id) AS item_count
             FROM (SELECT m.id {from} {where_} ORDER BY {order} LIMIT {limit} OFFSET {offset}) page
             JOIN meeting m ON m.id = page.id JOIN body b ON b.id = m.body_id
             LEFT JOIN decisions_notice n ON n.meeting_id = m.id
             ORDER BY {order}",
            where_ = f.sql()
        );
        let mut st = conn.prepare(&sql)?;
        let rows: Vec<(MeetingSummary, Option<NaiveDate>)> = st
            .query_map(params_from_iter(&f.values), |r| {
                Ok((meeting_summary_row(r)?, r.get("published_on")?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let calendar = self.calendar()?;
        let notices = rows
            .iter()
            .map(|(m, published_on)| {
                let (state, due, left) =
                    notice_due(&calendar, m.date, m.status, *published_on, today);
                NoticeDue {
                    meeting_id: m.id,
                    body_name: m.body_name.clone(),
                    date: m.date,
                    due,
                    published_on: *published_on,
                    state,
                    working_days_left: left,
                }
            })
            .collect();
        Ok(MeetingPage {
            items: rows.into_iter().map(|(m, _)| m).collect(),
            total,
            offset: q.offset,
            notices,
        })
    }

    /// A page of the people `q` finds, by surname then the whole name (as [`Person::sort_key`]
    /// orders a pick list), with how many it finds in all.
    pub fn people_page(&self, q: &PersonQuery) -> Result<PersonPage> {
        let conn = self.conn();
        let mut f = Filter::default();
        if !q.retired {
            f.and("retired = 0".into());
        }
        for pattern in like_words(&q.text)? {
            let p = f.param(Value::Text(pattern));
            f.and(format!(
                "(name LIKE {p} ESCAPE '\\' OR honorific LIKE {p} ESCAPE '\\' OR title LIKE {p} ESCAPE '\\')"
            ));
        }
        let total = total(
            conn,
            &format!("SELECT count(*) FROM person {}", f.sql()),
            &f.values,
        )?;
        let limit = f.param(Value::Integer(page_size(q.limit).into()));
        let offset = f.param(Value::Integer(q.offset.into()));
        // The surname is the name's last word: what is left once the trailing run of
        // characters other than spaces is cut from the name.
        let sql = format!(
            "SELECT * FROM person {}
             ORDER BY lower(substr(trim(name), length(rtrim(trim(name), replace(trim(name), ' ', ''))) + 1)),
                      lower(name), id
             LIMIT {limit} OFFSET {offset}",
            f.sql()
        );
        let mut st = conn.prepare(&sql)?;
        let items = st
            .query_map(params_from_iter(&f.values), person_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(PersonPage {
            items,
            total,
            offset: q.offset,
        })
    }

    /// A page of one meeting's audit log, newest first.
    pub fn audit_page(&self, meeting_id: Uuid, q: &AuditQuery) -> Result<AuditPage> {
        meeting(self.conn(), meeting_id)?;
        self.audit_entries("meeting_id = ?1", vec![Value::Text(s(meeting_id))], q)
    }

    /// A page of the changes to the standing data (bodies, memberships, sequences' starting
    /// numbers), newest first.
    pub fn setup_audit_page(&self, q: &AuditQuery) -> Result<AuditPage> {
        self.audit_entries(
            "meeting_id = '' AND table_name IN ('body', 'membership', 'sequence_start')",
            vec![],
            q,
        )
    }

    fn audit_entries(
        &self,
        which: &str,
        mut values: Vec<Value>,
        q: &AuditQuery,
    ) -> Result<AuditPage> {
        let conn = self.conn();
        let total = total(
            conn,
            &format!("SELECT count(*) FROM audit_log WHERE {which}"),
            &values,
        )?;
        let n = page_size(q.limit);
        let before = match q.before {
            Some(seq) => {
                values.push(Value::Integer(seq));
                format!("AND seq < ?{}", values.len())
            }
            None => String::new(),
        };
        // One more than the page, to know whether older entries remain.
        values.push(Value::Integer(i64::from(n) + 1));
        let sql = format!(
            "SELECT * FROM audit_log WHERE {which} {before} ORDER BY seq DESC LIMIT ?{}",
            values.len()
        );
        let mut st = conn.prepare(&sql)?;
        let mut entries: Vec<AuditEntry> = st
            .query_map(params_from_iter(&values), audit_row)?
            .collect::<rusqlite::Result<_>>()?;
        let more = entries.len() > n as usize;
        entries.truncate(n as usize);
        Ok(AuditPage {
            entries,
            total,
            more,
        })
    }

    /// A page of the open referrals (made or received by the query's body, or all): overdue
    /// first, then due soon, then the rest, each by due date; with how many are open in all.
    pub fn referrals_page(&self, q: &ReferralQuery, today: NaiveDate) -> Result<ReferralPage> {
        let conn = self.conn();
        if let Some(b) = q.body_id {
            body(conn, b)?;
        }
        let today = q.today.unwrap_or(today);
        let mut f = Filter::default();
        f.and("status <> 'closed'".into());
        if let Some(b) = q.body_id {
            let p = f.param(Value::Text(s(b)));
            f.and(format!("(from_body_id = {p} OR to_body_id = {p})"));
        }
        let waiting = "status IN ('issued', 'scheduled')";
        if q.overdue_only {
            let day = f.param(Value::Text(today.to_string()));
            f.and(format!("{waiting} AND response_due < {day}"));
        }
        let total = total(
            conn,
            &format!("SELECT count(*) FROM referral {}", f.sql()),
            &f.values,
        )?;
        // The SQL of urgency(): overdue, due within DUE_SOON_DAYS, the rest.
        let day = f.param(Value::Text(today.to_string()));
        let soon = f.param(Value::Text(
            (today + chrono::Duration::days(DUE_SOON_DAYS)).to_string(),
        ));
        let rank = format!(
            "CASE WHEN {waiting} AND response_due < {day} THEN 0
                  WHEN {waiting} AND response_due <= {soon} THEN 1 ELSE 2 END"
        );
        let (overdue, due_soon): (i64, i64) = conn.query_row(
            &format!(
                "SELECT coalesce(sum({rank} = 0), 0), coalesce(sum({rank} = 1), 0) FROM referral {}",
                f.sql()
            ),
            params_from_iter(&f.values),
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let limit = f.param(Value::Integer(page_size(q.limit).into()));
        let offset = f.param(Value::Integer(q.offset.into()));
        let sql = format!(
            "SELECT * FROM referral {}
             ORDER BY {rank}, response_due, sent_on, id
             LIMIT {limit} OFFSET {offset}",
            f.sql()
        );
        let list: Vec<Referral> = conn
            .prepare(&sql)?
            .query_map(params_from_iter(&f.values), referral_row)?
            .collect::<rusqlite::Result<_>>()?;
        let items = list
            .into_iter()
            .map(|r| chain(conn, r, today))
            .collect::<Result<Vec<_>>>()?;
        Ok(ReferralPage {
            items,
            total,
            offset: q.offset,
            overdue: u32::try_from(overdue).unwrap_or(0),
            due_soon: u32::try_from(due_soon).unwrap_or(0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_word_is_a_pattern_with_its_wildcards_escaped() {
        assert_eq!(
            like_words("  care  100%_ ").unwrap(),
            vec!["%care%", "%100\\%\\_%"]
        );
        assert!(like_words(&"a".repeat(201)).is_err());
        assert!(like_words(&"a ".repeat(13)).is_err());
    }

    #[test]
    fn a_date_as_a_clerk_writes_it_is_looked_for_as_stored() {
        assert_eq!(date_word("5/1/2015").as_deref(), Some("2015-01-05"));
        assert_eq!(date_word("05-01-2015").as_deref(), Some("2015-01-05"));
        assert_eq!(date_word("2015"), None);
    }
}
