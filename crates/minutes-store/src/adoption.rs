//! Adopting Cofnod part way through a council's record: the number a sequence's year starts
//! at, editing a body after it is added, and memberships with any dates (corrected, ended on
//! any day, and never two chairs of a body at once). The schema enforces each rule too
//! (`migrations/07-adoption`) and audits each change.

use chrono::NaiveDate;
use minutes_core::input::*;
use minutes_core::*;
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use crate::read::{audit_row, body, check_one_chair, exists, next_number, year_of};
use crate::rows::{id, s, word};
use crate::{Result, Store};

/// Where `sequence_id` stands in the municipal year that `on` falls in.
fn standing(conn: &Connection, sequence_id: Uuid, on: NaiveDate) -> Result<SequenceYear> {
    let prefix: String = conn
        .query_row(
            "SELECT prefix FROM minute_sequence WHERE id = ?1",
            [s(sequence_id)],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| DomainError::not_found("Minute sequence", sequence_id))?;
    let year_start = year_of(conn, on)?;
    let (numbered, first_numbered): (u32, Option<u32>) = conn.query_row(
        "SELECT count(*), min(number) FROM minute WHERE sequence_id = ?1 AND year_start = ?2",
        params![s(sequence_id), year_start],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let set: Option<u32> = conn
        .query_row(
            "SELECT next_number FROM sequence_start WHERE sequence_id = ?1 AND year_start = ?2",
            params![s(sequence_id), year_start],
            |r| r.get(0),
        )
        .optional()?;
    let next = next_number(conn, sequence_id, year_start)?;
    Ok(SequenceYear {
        sequence_id,
        year_start,
        first_number: first_numbered.or(set).unwrap_or(1),
        next_number: next,
        numbered,
        next_label: numbering::label(&prefix, next),
    })
}

impl Store {
    /// Where a minute sequence stands in the municipal year that `on` falls in: the number its
    /// next minute takes, and whether the year's first number can still be set.
    pub fn sequence_year(&self, sequence_id: Uuid, on: NaiveDate) -> Result<SequenceYear> {
        standing(self.conn(), sequence_id, on)
    }

    /// Sets the number the first minute of a sequence's municipal year takes (the year that
    /// `in_year` falls in): for a council adopting Cofnod part way through a year, its running
    /// sequence's next number, 476 say. Later minutes follow without gaps. Refused once a
    /// minute of that sequence and year is numbered. Audited.
    pub fn set_sequence_start(
        &mut self,
        sequence_id: Uuid,
        in_year: NaiveDate,
        next: u32,
    ) -> Result<SequenceYear> {
        if next == 0 {
            return Err(DomainError::invalid("Next minute number", "must be at least 1").into());
        }
        self.write(|tx| {
            let now = standing(tx, sequence_id, in_year)?;
            if now.numbered > 0 {
                return Err(DomainError::Conflict(format!(
                    "the next minute number cannot be set: {} minute(s) are already numbered in this sequence's municipal year starting {}, and the numbers run on from them (the next is {})",
                    now.numbered, now.year_start, now.next_label
                ))
                .into());
            }
            tx.execute(
                "INSERT INTO sequence_start (sequence_id, year_start, next_number) VALUES (?1, ?2, ?3)
                 ON CONFLICT (sequence_id, year_start) DO UPDATE SET next_number = excluded.next_number
                 WHERE next_number <> excluded.next_number",
                params![s(sequence_id), now.year_start, next],
            )?;
            standing(tx, sequence_id, in_year)
        })
    }

    /// Changes a body after it is added: names, kind, keyword, chair's title, quorum, whip
    /// declarations, reasons rule; its minute sequence only until one of its minutes is
    /// numbered. Audited. Minutes already signed print as they were signed.
    pub fn update_body(&mut self, body_id: Uuid, n: &NewBody) -> Result<Body> {
        let new = self.checked_body(body_id, n)?;
        self.write(|tx| {
            let old = body(tx, body_id)?;
            if !exists(tx, "SELECT 1 FROM minute_sequence WHERE id = ?1", &s(n.sequence_id))? {
                return Err(DomainError::not_found("Minute sequence", n.sequence_id).into());
            }
            let clash: Option<String> = tx
                .query_row(
                    "SELECT name_en FROM body WHERE lower(name_en) = lower(?1) AND id <> ?2",
                    params![new.name_en, s(body_id)],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(other) = clash {
                return Err(DomainError::Conflict(format!("a body called '{other}' already exists")).into());
            }
            if n.sequence_id != old.sequence_id {
                let first: Option<(u32, String)> = tx
                    .query_row(
                        "SELECT n.number, q.prefix FROM minute n JOIN meeting g ON g.id = n.meeting_id
                         JOIN minute_sequence q ON q.id = n.sequence_id
                         WHERE g.body_id = ?1 ORDER BY g.date, n.position LIMIT 1",
                        [s(body_id)],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                if let Some((number, prefix)) = first {
                    return Err(DomainError::Conflict(format!(
                        "the minute sequence of {} cannot change: its minutes are numbered in it (minute {} onwards)",
                        old.name_en,
                        numbering::label(&prefix, number)
                    ))
                    .into());
                }
            }
            tx.execute(
                "UPDATE body SET name_en = ?2, name_cy = ?3, kind = ?4, default_keyword = ?5, chair_title = ?6,
                   quorum = ?7, whip_declarations_required = ?8, reasons_required = ?9, reasons_rule = ?10,
                   sequence_id = ?11
                 WHERE id = ?1",
                params![
                    s(body_id), new.name_en, new.name_cy, new.kind.as_str(), new.default_keyword.as_str(),
                    new.chair_title.as_str(), new.quorum, new.whip_declarations_required,
                    new.reasons == ReasonsRule::Required, new.reasons.as_str(), s(new.sequence_id)
                ],
            )?;
            body(tx, body_id)
        })
    }

    /// Corrects a membership's role and dates (a re-keyed past term, a chair's year). The
    /// person's memberships of the body may not overlap, nor two chairs' of one body.
    pub fn update_membership(
        &mut self,
        membership_id: Uuid,
        role: Role,
        from: NaiveDate,
        to: Option<NaiveDate>,
    ) -> Result<Membership> {
        if to.is_some_and(|to| to < from) {
            return Err(DomainError::invalid(
                "Membership",
                format!(
                    "cannot end on {}, before it starts on {from}",
                    to.unwrap_or(from)
                ),
            )
            .into());
        }
        self.write(|tx| {
            let m = membership(tx, membership_id)?;
            if role == Role::Chair {
                check_one_chair(tx, m.body_id, from, to, Some(membership_id))?;
            }
            tx.execute(
                "UPDATE membership SET role = ?2, from_date = ?3, to_date = ?4 WHERE id = ?1",
                params![s(membership_id), role.as_str(), from, to],
            )?;
            membership(tx, membership_id)
        })
    }

    /// Changes to the standing data (bodies, memberships, sequences' starting numbers),
    /// oldest first: what the audit log holds outside any one meeting.
    pub fn setup_audit_log(&self) -> Result<Vec<AuditEntry>> {
        let mut st = self.conn().prepare(
            "SELECT * FROM audit_log WHERE table_name IN ('body', 'membership', 'sequence_start') ORDER BY seq",
        )?;
        let rows = st.query_map([], audit_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn membership(conn: &Connection, membership_id: Uuid) -> Result<Membership> {
    conn.query_row(
        "SELECT * FROM membership WHERE id = ?1",
        [s(membership_id)],
        |r| {
            Ok(Membership {
                id: id(r, "id")?,
                person_id: id(r, "person_id")?,
                body_id: id(r, "body_id")?,
                role: word(r, "role", Role::parse)?,
                from: r.get("from_date")?,
                to: r.get("to_date")?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| DomainError::not_found("Membership", membership_id).into())
}
