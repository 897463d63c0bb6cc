//! The notice of decisions of each meeting (s.100C(1C) LGA 1972): that it was published, and
//! when each is due, counted in the authority's working days.

use chrono::NaiveDate;
use minutes_core::notice::notice_due;
use minutes_core::*;
use rusqlite::params;
use uuid::Uuid;

use crate::read::{decisions_notice, meeting};
use crate::rows::{id, s, word};
use crate::{Result, Store};

impl Store {
    /// Records that a meeting's notice of decisions was published on `on`. Once only: a
    /// publication is never changed, removed or replaced, and it is audited.
    pub fn mark_notice_published(
        &mut self,
        meeting_id: Uuid,
        on: NaiveDate,
    ) -> Result<DecisionsNoticeInfo> {
        self.write(|tx| {
            let m = meeting(tx, meeting_id)?;
            if on < m.date {
                return Err(DomainError::invalid(
                    "Published on",
                    format!(
                        "{on} is before the meeting of {}: a notice of decisions is published after the meeting",
                        m.date
                    ),
                )
                .into());
            }
            if let Some(n) = decisions_notice(tx, meeting_id)? {
                return Err(DomainError::Conflict(format!(
                    "the notice of decisions of this meeting was already marked published on {}; a publication is never changed",
                    n.published_on
                ))
                .into());
            }
            tx.execute(
                "INSERT INTO decisions_notice (meeting_id, published_on) VALUES (?1, ?2)",
                params![s(meeting_id), on],
            )?;
            Ok(DecisionsNoticeInfo { published_on: on })
        })
    }

    /// Every meeting's notice of decisions as it stands on `today`, newest meeting first: due,
    /// due soon, overdue, published, or not yet (the meeting is still to come).
    pub fn notices_due(&self, today: NaiveDate) -> Result<Vec<NoticeDue>> {
        let calendar = self.calendar()?;
        let mut st = self.conn().prepare(
            "SELECT m.id, m.date, m.status, b.name_en AS body_name, n.published_on
             FROM meeting m JOIN body b ON b.id = m.body_id
             LEFT JOIN decisions_notice n ON n.meeting_id = m.id
             ORDER BY m.date DESC, m.start_time DESC, b.name_en",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                id(r, "id")?,
                r.get::<_, NaiveDate>("date")?,
                word(r, "status", MeetingStatus::parse)?,
                r.get::<_, String>("body_name")?,
                r.get::<_, Option<NaiveDate>>("published_on")?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (meeting_id, date, status, body_name, published_on) = row?;
            let (state, due, left) = notice_due(&calendar, date, status, published_on, today);
            out.push(NoticeDue {
                meeting_id,
                body_name,
                date,
                due,
                published_on,
                state,
                working_days_left: left,
            });
        }
        Ok(out)
    }
}
