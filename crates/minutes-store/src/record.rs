//! A whole meeting read back as one [`MeetingRecord`]: what the minutes are printed from and
//! what `cofnod export` writes.

use minutes_core::render::{self, Visibility};
use minutes_core::*;
use rusqlite::Connection;
use uuid::Uuid;

use crate::meetings::{agenda, meeting};
use crate::minutes::{blocks, minutes, resolutions};
use crate::referrals::referrals_of_meeting;
use crate::rows::{id, opt_id, opt_word, s, word};
use crate::setup::{authority, body, memberships, person_row};
use crate::{Result, Store};

impl Store {
    pub fn meeting_record(&self, meeting_id: Uuid) -> Result<MeetingRecord> {
        meeting_record(self.conn(), meeting_id)
    }

    /// The minutes as text in the house style (English, public version).
    pub fn minutes_text(&self, meeting_id: Uuid) -> Result<String> {
        let rec = self.meeting_record(meeting_id)?;
        Ok(render::to_text(&render::minutes_document(
            &rec,
            Language::En,
            Visibility::Public,
        )))
    }

    /// Audit entries of one meeting, oldest first.
    pub fn audit_log(&self, meeting_id: Uuid) -> Result<Vec<AuditEntry>> {
        let mut st = self
            .conn()
            .prepare("SELECT * FROM audit_log WHERE meeting_id = ?1 ORDER BY seq")?;
        let rows = st.query_map([s(meeting_id)], |r| {
            let at: String = r.get("at")?;
            Ok(AuditEntry {
                seq: r.get("seq")?,
                at: chrono::DateTime::parse_from_rfc3339(&at)
                    .map(|d| d.with_timezone(&chrono::Utc))
                    .unwrap_or_default(),
                actor: r.get("actor")?,
                table: r.get("table_name")?,
                row_id: r.get("row_id")?,
                action: word(r, "action", AuditAction::parse)?,
                before: r.get("before")?,
                after: r.get("after")?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

pub(crate) fn meeting_record(conn: &Connection, meeting_id: Uuid) -> Result<MeetingRecord> {
    let meeting = meeting(conn, meeting_id)?;
    let body = body(conn, meeting.body_id)?;
    let key = s(meeting_id);

    let mut st = conn.prepare("SELECT * FROM attendance WHERE meeting_id = ?1 ORDER BY rowid")?;
    let attendance = st
        .query_map([&key], |r| {
            Ok(Attendance {
                id: id(r, "id")?,
                meeting_id: id(r, "meeting_id")?,
                person_id: id(r, "person_id")?,
                status: word(r, "status", AttendanceStatus::parse)?,
                substitute_for: opt_id(r, "substitute_for")?,
                mode: word(r, "mode", AttendanceMode::parse)?,
                capacity: opt_word(r, "capacity", Capacity::parse)?,
                arrived_at_item: opt_id(r, "arrived_at_item")?,
                left_at_item: opt_id(r, "left_at_item")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let mut st = conn.prepare("SELECT * FROM declaration WHERE meeting_id = ?1 ORDER BY rowid")?;
    let declarations = st
        .query_map([&key], |r| {
            Ok(Declaration {
                id: id(r, "id")?,
                meeting_id: id(r, "meeting_id")?,
                person_id: id(r, "person_id")?,
                agenda_item_id: opt_id(r, "agenda_item_id")?,
                kind: word(r, "kind", DeclarationKind::parse)?,
                nature: r.get("nature")?,
                action: opt_word(r, "action", DeclarationAction::parse)?,
                dispensation: r.get("dispensation")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let mut st = conn.prepare(
        "SELECT id, agenda_item_id, title, kind, position, page_count, sha256, size_bytes FROM document
         WHERE meeting_id = ?1 ORDER BY agenda_item_id, position",
    )?;
    let documents = st
        .query_map([&key], |r| {
            Ok(DocumentInfo {
                id: id(r, "id")?,
                agenda_item_id: id(r, "agenda_item_id")?,
                title: r.get("title")?,
                kind: word(r, "kind", DocumentKind::parse)?,
                position: r.get("position")?,
                page_count: r.get("page_count")?,
                sha256: r.get("sha256")?,
                size_bytes: r.get::<_, i64>("size_bytes")?.max(0) as u64,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let mut records = Vec::new();
    for m in minutes(conn, meeting_id)? {
        records.push(MinuteRecord {
            blocks: blocks(conn, m.id)?,
            resolutions: resolutions(conn, m.id)?,
            minute: m,
        });
    }

    // Everyone the record names: attendance, declarations, blocks, signer.
    let mut st = conn.prepare(
        "SELECT * FROM person WHERE id IN (
            SELECT person_id FROM attendance WHERE meeting_id = ?1
            UNION SELECT substitute_for FROM attendance WHERE meeting_id = ?1
            UNION SELECT person_id FROM declaration WHERE meeting_id = ?1
            UNION SELECT person_id FROM minute_block WHERE meeting_id = ?1
            UNION SELECT answer_by_id FROM minute_block WHERE meeting_id = ?1
            UNION SELECT signed_by_person_id FROM meeting WHERE id = ?1
            UNION SELECT person_id FROM membership WHERE body_id = ?2)
         ORDER BY name",
    )?;
    let people = st
        .query_map([&key, &s(body.id)], person_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let referrals = referrals_of_meeting(conn, meeting_id)?;
    let mut st = conn.prepare("SELECT * FROM body ORDER BY name_en")?;
    let bodies = st
        .query_map([], crate::setup::body_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let mut st = conn.prepare("SELECT * FROM amendment WHERE meeting_id = ?1 ORDER BY position")?;
    let amendments = st
        .query_map([&key], |r| {
            Ok(Amendment {
                id: id(r, "id")?,
                meeting_id: id(r, "meeting_id")?,
                approving_meeting_id: id(r, "approving_meeting_id")?,
                position: r.get("position")?,
                text: r.get("text")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let approved_at = match meeting.approved_at_meeting_id {
        Some(at) => crate::register::meeting_ref(conn, at)?,
        None => None,
    };

    Ok(MeetingRecord {
        authority: authority(conn)?,
        memberships: memberships(conn, body.id)?,
        agenda: agenda(conn, meeting_id)?,
        body,
        meeting,
        people,
        attendance,
        declarations,
        documents,
        minutes: records,
        referrals,
        bodies,
        amendments,
        approved_at,
        pack_issues: crate::pack::issues(conn, meeting_id)?,
    })
}
