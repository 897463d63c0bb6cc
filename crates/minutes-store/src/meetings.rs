//! Meetings and what happens at them before the minutes: attendance, declarations, the
//! agenda and its reports.

use chrono::{NaiveDate, NaiveTime, Utc};
use minutes_core::input::*;
use minutes_core::validate::{self, optional_line, MAX_TITLE};
use minutes_core::*;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::read::{agenda, authority, body, exists, meeting, meeting_summary_row, sequence_year};
use crate::rows::{id, new_id, next_position, opt, remove_ordered, reorder, s, Ordered};
use crate::{Result, Store};

/// Largest report accepted, in bytes.
pub const MAX_PDF_BYTES: usize = 512 * 1024 * 1024;

fn parse_time(field: &str, t: &Option<String>) -> Result<Option<NaiveTime>> {
    match t.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => NaiveTime::parse_from_str(t, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
            .map(Some)
            .map_err(|_| {
                DomainError::invalid(field, format!("'{t}' is not a time like 10:00 or 14:30"))
                    .into()
            }),
    }
}

/// A meeting's details from what the clerk entered, checked.
fn meeting_details(id: Uuid, n: &NewMeeting) -> Result<Meeting> {
    let start_time = parse_time("Start time", &n.start_time)?;
    let end_time = parse_time("End time", &n.end_time)?;
    if let (Some(a), Some(b)) = (start_time, end_time) {
        if b < a {
            return Err(DomainError::invalid("End time", "is before the start time").into());
        }
    }
    let m = Meeting {
        id,
        body_id: n.body_id,
        kind: n.kind,
        date: n.date,
        start_time,
        end_time,
        venue: optional_line("Venue", &n.venue, MAX_TITLE)?,
        mode: n.mode,
        joining_details: validate::text("Joining details", &n.joining_details, false)?,
        status: MeetingStatus::Scheduled,
        minutes_status: MinutesStatus::Drafting,
        approved_at_meeting_id: None,
        signed_by_person_id: None,
        signed_on: None,
        book_pages: None,
    };
    if m.mode != MeetingMode::InPerson && m.joining_details.is_empty() {
        return Err(DomainError::invalid(
            "Joining details",
            "a hybrid or remote meeting must say how to join it",
        )
        .into());
    }
    Ok(m)
}

impl Store {
    pub fn add_meeting(&mut self, n: &NewMeeting) -> Result<Meeting> {
        let m = meeting_details(new_id(), n)?;
        self.write(|tx| {
            body(tx, m.body_id)?;
            tx.execute(
                "INSERT INTO meeting (id, body_id, kind, date, start_time, end_time, venue, mode, joining_details)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    s(m.id), s(m.body_id), m.kind.as_str(), m.date, m.start_time, m.end_time,
                    m.venue, m.mode.as_str(), m.joining_details
                ],
            )?;
            Ok(())
        })?;
        Ok(m)
    }

    /// Changes a meeting's details: kind, date, times, venue, mode and joining details. The
    /// body cannot change, and once the draft minutes are published the details are part of
    /// the record and stay as they are.
    pub fn update_meeting(&mut self, meeting_id: Uuid, n: &NewMeeting) -> Result<Meeting> {
        let new = meeting_details(meeting_id, n)?;
        self.write(|tx| {
            let old = meeting(tx, meeting_id)?;
            if old.minutes_status == MinutesStatus::Signed {
                return Err(DomainError::Locked(
                    "signed minutes cannot be changed, and neither can the meeting's details".into(),
                )
                .into());
            }
            if old.minutes_status != MinutesStatus::Drafting {
                return Err(DomainError::Conflict(
                    "the draft minutes have been published: the meeting's details are now part of the record".into(),
                )
                .into());
            }
            if new.body_id != old.body_id {
                return Err(DomainError::invalid(
                    "Committee",
                    "a meeting cannot move to another committee; create a new meeting instead",
                )
                .into());
            }
            let has_minutes = exists(tx, "SELECT 1 FROM minute WHERE meeting_id = ?1", &s(meeting_id))?;
            if has_minutes && new.date != old.date {
                let year = |d: NaiveDate| -> Result<NaiveDate> {
                    Ok(sequence_year(tx, &Meeting { date: d, ..old.clone() })?.2)
                };
                if year(new.date)? != year(old.date)? {
                    return Err(DomainError::invalid(
                        "Date",
                        "moves the meeting into another municipal year, but its minutes already have numbers from this year",
                    )
                    .into());
                }
            }
            tx.execute(
                "UPDATE meeting SET kind = ?2, date = ?3, start_time = ?4, end_time = ?5, venue = ?6, mode = ?7,
                   joining_details = ?8 WHERE id = ?1",
                params![
                    s(meeting_id), new.kind.as_str(), new.date, new.start_time, new.end_time, new.venue,
                    new.mode.as_str(), new.joining_details
                ],
            )?;
            Ok(Meeting {
                status: old.status,
                minutes_status: old.minutes_status,
                approved_at_meeting_id: old.approved_at_meeting_id,
                signed_by_person_id: old.signed_by_person_id,
                signed_on: old.signed_on,
                book_pages: old.book_pages,
                ..new
            })
        })
    }

    pub fn meeting(&self, meeting_id: Uuid) -> Result<Meeting> {
        meeting(self.conn(), meeting_id)
    }

    /// Every meeting, newest first, with its body's name and number of agenda items.
    pub fn list_meetings(&self) -> Result<Vec<MeetingSummary>> {
        let mut st = self.conn().prepare(
            "SELECT m.*, b.name_en AS body_name,
                    (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id) AS item_count
             FROM meeting m JOIN body b ON b.id = m.body_id
             ORDER BY m.date DESC, m.start_time DESC, b.name_en",
        )?;
        let rows = st.query_map([], meeting_summary_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Moves the meeting itself along: scheduled -> agenda published -> in progress -> closed.
    pub fn set_meeting_status(&mut self, meeting_id: Uuid, to: MeetingStatus) -> Result<()> {
        self.write(|tx| {
            let m = meeting(tx, meeting_id)?;
            let order =
                |s: MeetingStatus| MeetingStatus::ALL.iter().position(|x| *x == s).unwrap_or(0);
            if order(to) != order(m.status) + 1 {
                return Err(DomainError::Transition {
                    what: "A meeting".into(),
                    from: m.status.as_str().replace('_', " "),
                    to: to.as_str().replace('_', " "),
                }
                .into());
            }
            if to == MeetingStatus::Closed {
                let present: i64 = tx.query_row(
                    "SELECT count(*) FROM attendance a JOIN person p ON p.id = a.person_id
                     WHERE a.meeting_id = ?1 AND a.status IN ('present', 'substitute')
                       AND p.kind IN ('member', 'co_opted_voting', 'co_opted_non_voting')",
                    [s(meeting_id)],
                    |r| r.get(0),
                )?;
                if present == 0 {
                    return Err(DomainError::Conflict(
                        "a meeting cannot be closed with no members recorded as present".into(),
                    )
                    .into());
                }
            }
            tx.execute(
                "UPDATE meeting SET status = ?2 WHERE id = ?1",
                params![s(meeting_id), to.as_str()],
            )?;
            Ok(())
        })
    }

    pub fn add_agenda_item(&mut self, meeting_id: Uuid, n: &NewAgendaItem) -> Result<AgendaItem> {
        let mut item = agenda_item_from(self.conn(), new_id(), meeting_id, n)?;
        self.write(|tx| {
            let m = meeting(tx, meeting_id)?;
            if m.status != MeetingStatus::Scheduled && item.origin != ItemOrigin::Urgent {
                return Err(DomainError::Conflict(
                    "the agenda has been published: an item added now must be marked urgent, with its special circumstances"
                        .into(),
                )
                .into());
            }
            item.position = next_position(tx, Ordered::AgendaItem, meeting_id)?;
            insert_agenda_item(tx, &item)?;
            Ok(())
        })?;
        Ok(item)
    }

    /// Changes an agenda item's title, part, exempt paragraphs, origin and the rest; it keeps
    /// its place. A minute already taken under the item keeps its own heading.
    pub fn update_agenda_item(&mut self, item_id: Uuid, n: &NewAgendaItem) -> Result<AgendaItem> {
        self.write(|tx| {
            let (meeting_id, position) = agenda_item_place(tx, item_id)?;
            let item = AgendaItem {
                position,
                ..agenda_item_from(tx, item_id, meeting_id, n)?
            };
            tx.execute(
                "UPDATE agenda_item SET title_en = ?2, title_cy = ?3, part = ?4, exempt_paragraphs = ?5,
                   public_interest = ?6, origin = ?7, standing = ?8, tag = ?9, urgent_reason = ?10,
                   presenting_officer_id = ?11 WHERE id = ?1",
                params![
                    s(item_id), item.title_en, item.title_cy, item.part.as_str(), item.exempt_paragraphs.join(","),
                    item.public_interest, item.origin.as_str(), item.standing.map(|x| x.as_str()), item.tag,
                    item.urgent_reason, opt(item.presenting_officer_id)
                ],
            )?;
            Ok(item)
        })
    }

    /// Removes an agenda item that has not been dealt with, with its attached reports; the
    /// items after it close up. Refused once the agenda is published, or while a minute,
    /// declaration or arrival/departure refers to the item.
    pub fn remove_agenda_item(&mut self, item_id: Uuid) -> Result<()> {
        self.write(|tx| {
            let (meeting_id, _) = agenda_item_place(tx, item_id)?;
            if meeting(tx, meeting_id)?.status != MeetingStatus::Scheduled {
                return Err(DomainError::Conflict(
                    "the agenda has been published, so its items stay; record in the minutes that the item was withdrawn".into(),
                )
                .into());
            }
            let id = s(item_id);
            for (sql, what) in [
                ("SELECT 1 FROM minute WHERE agenda_item_id = ?1", "it has a minute; delete the minute first"),
                ("SELECT 1 FROM declaration WHERE agenda_item_id = ?1", "a declaration of interest names it; remove the declaration first"),
                (
                    "SELECT 1 FROM attendance WHERE arrived_at_item = ?1 OR left_at_item = ?1",
                    "someone's arrival or departure is recorded at it; change the attendance first",
                ),
                (
                    "SELECT 1 FROM attendance_item WHERE agenda_item_id = ?1",
                    "someone is recorded as present for it; change the attendance first",
                ),
            ] {
                if exists(tx, sql, &id)? {
                    return Err(DomainError::Conflict(format!("the agenda item cannot be removed: {what}")).into());
                }
            }
            tx.execute("DELETE FROM document WHERE agenda_item_id = ?1", [&id])?;
            remove_ordered(tx, Ordered::AgendaItem, item_id)
        })
    }

    /// Adds the standing items a clerk starts every agenda with: apologies, the minutes of
    /// the last meeting and declarations of interest (with whipping declarations where the
    /// body requires them, as Welsh scrutiny committees do). Items already there are skipped.
    pub fn add_standing_items(&mut self, meeting_id: Uuid) -> Result<Vec<AgendaItem>> {
        self.atomically(|store| {
            let m = meeting(store.conn(), meeting_id)?;
            let whip = body(store.conn(), m.body_id)?.whip_declarations_required;
            let declarations = if whip {
                (
                    "Declarations of interest (including whipping declarations)",
                    "Datganiadau o fuddiant (gan gynnwys datganiadau chwipio)",
                )
            } else {
                ("Declarations of interest", "Datganiadau o fuddiant")
            };
            let present: Vec<StandingItem> = agenda(store.conn(), meeting_id)?
                .iter()
                .filter_map(|i| i.standing)
                .collect();
            let mut added = Vec::new();
            for (kind, en, cy) in [
                (
                    StandingItem::Apologies,
                    "Apologies for absence",
                    "Ymddiheuriadau am absenoldeb",
                ),
                (StandingItem::PreviousMinutes, "Minutes", "Cofnodion"),
                (StandingItem::Declarations, declarations.0, declarations.1),
            ] {
                if present.contains(&kind) {
                    continue;
                }
                let item =
                    store.add_agenda_item(meeting_id, &NewAgendaItem::standing(kind, en, cy))?;
                // Standing items open the agenda, in this order, before any report.
                let position = added.len() as u32 + 1;
                store.move_agenda_item(item.id, position)?;
                added.push(AgendaItem { position, ..item });
            }
            Ok(added)
        })
    }

    pub fn agenda(&self, meeting_id: Uuid) -> Result<Vec<AgendaItem>> {
        agenda(self.conn(), meeting_id)
    }

    /// Moves an agenda item to a new 1-based position; the others close up around it.
    pub fn move_agenda_item(&mut self, item_id: Uuid, to_position: u32) -> Result<()> {
        self.write(|tx| reorder(tx, Ordered::AgendaItem, item_id, to_position))
    }

    pub fn record_attendance(&mut self, meeting_id: Uuid, n: &NewAttendance) -> Result<Attendance> {
        if n.status == AttendanceStatus::Substitute && n.substitute_for.is_none() {
            return Err(DomainError::invalid(
                "Substitute",
                "say whom the member is substituting for",
            )
            .into());
        }
        if n.substitute_for == Some(n.person_id) {
            return Err(DomainError::invalid(
                "Substitute",
                "a member cannot substitute for themselves",
            )
            .into());
        }
        let a = Attendance {
            id: new_id(),
            meeting_id,
            person_id: n.person_id,
            status: n.status,
            substitute_for: n
                .substitute_for
                .filter(|_| n.status == AttendanceStatus::Substitute),
            mode: n.mode,
            capacity: n.capacity,
            arrived_at_item: n.arrived_at_item,
            left_at_item: n.left_at_item,
            for_items: n.for_items.iter().fold(Vec::new(), |mut items, i| {
                if !items.contains(i) {
                    items.push(*i);
                }
                items
            }),
        };
        if !a.for_items.is_empty()
            && matches!(
                a.status,
                AttendanceStatus::Apologies | AttendanceStatus::Absent
            )
        {
            return Err(DomainError::invalid(
                "Present for items",
                "someone who sent apologies or was absent is not present for any item",
            )
            .into());
        }
        self.write(|tx| {
            meeting(tx, meeting_id)?;
            if !exists(tx, "SELECT 1 FROM person WHERE id = ?1", &s(a.person_id))? {
                return Err(DomainError::not_found("Person", a.person_id).into());
            }
            for item in &a.for_items {
                let (item_meeting, _) = agenda_item_place(tx, *item)?;
                if item_meeting != meeting_id {
                    return Err(DomainError::invalid(
                        "Present for items",
                        "an agenda item chosen is not on this meeting's agenda",
                    )
                    .into());
                }
            }
            tx.execute(
                "INSERT INTO attendance (id, meeting_id, person_id, status, substitute_for, mode, capacity, arrived_at_item, left_at_item)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = excluded.status,
                   substitute_for = excluded.substitute_for, mode = excluded.mode, capacity = excluded.capacity,
                   arrived_at_item = excluded.arrived_at_item, left_at_item = excluded.left_at_item",
                params![
                    s(a.id), s(meeting_id), s(a.person_id), a.status.as_str(), opt(a.substitute_for), a.mode.as_str(),
                    a.capacity.map(|c| c.as_str()), opt(a.arrived_at_item), opt(a.left_at_item)
                ],
            )?;
            // The row kept its id if the person was already on the record.
            let row_id = tx.query_row(
                "SELECT id FROM attendance WHERE meeting_id = ?1 AND person_id = ?2",
                params![s(meeting_id), s(a.person_id)],
                |r| id(r, 0),
            )?;
            let key = s(row_id);
            let old: Vec<String> = {
                let mut st = tx.prepare(
                    "SELECT agenda_item_id FROM attendance_item WHERE attendance_id = ?1",
                )?;
                let rows = st.query_map([&key], |r| r.get(0))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            let new: Vec<String> = a.for_items.iter().map(|i| s(*i)).collect();
            for item in old.iter().filter(|o| !new.contains(o)) {
                tx.execute(
                    "DELETE FROM attendance_item WHERE attendance_id = ?1 AND agenda_item_id = ?2",
                    params![key, item],
                )?;
            }
            for item in new.iter().filter(|n| !old.contains(n)) {
                tx.execute(
                    "INSERT INTO attendance_item (attendance_id, agenda_item_id) VALUES (?1, ?2)",
                    params![key, item],
                )?;
            }
            Ok(Attendance { id: row_id, ..a })
        })
    }

    pub fn add_declaration(&mut self, meeting_id: Uuid, n: &NewDeclaration) -> Result<Declaration> {
        validate::declaration(n.kind, n.action)?;
        let d = Declaration {
            id: new_id(),
            meeting_id,
            person_id: n.person_id,
            agenda_item_id: n.agenda_item_id,
            kind: n.kind,
            nature: validate::text(
                "Nature of interest",
                &n.nature,
                n.kind != DeclarationKind::PartyWhip,
            )?,
            action: n.action,
            dispensation: optional_line("Dispensation", &n.dispensation, MAX_TITLE)?,
        };
        self.write(|tx| {
            meeting(tx, meeting_id)?;
            if let Some(item) = d.agenda_item_id {
                if !exists(tx, "SELECT 1 FROM agenda_item WHERE id = ?1", &s(item))? {
                    return Err(DomainError::not_found("Agenda item", item).into());
                }
            }
            tx.execute(
                "INSERT INTO declaration (id, meeting_id, person_id, agenda_item_id, kind, nature, action, dispensation)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    s(d.id), s(meeting_id), s(d.person_id), opt(d.agenda_item_id), d.kind.as_str(), d.nature,
                    d.action.map(|a| a.as_str()), d.dispensation
                ],
            )?;
            Ok(())
        })?;
        Ok(d)
    }

    /// Takes a person off the meeting's attendance record (a row entered by mistake).
    pub fn remove_attendance(&mut self, attendance_id: Uuid) -> Result<()> {
        self.write(|tx| {
            if tx.execute("DELETE FROM attendance WHERE id = ?1", [s(attendance_id)])? == 0 {
                return Err(DomainError::not_found("Attendance entry", attendance_id).into());
            }
            Ok(())
        })
    }

    /// Removes a declaration of interest entered by mistake.
    pub fn remove_declaration(&mut self, declaration_id: Uuid) -> Result<()> {
        self.write(|tx| {
            if tx.execute("DELETE FROM declaration WHERE id = ?1", [s(declaration_id)])? == 0 {
                return Err(DomainError::not_found("Declaration", declaration_id).into());
            }
            Ok(())
        })
    }

    /// Attaches a report or appendix (PDF bytes) to an agenda item, with its page count.
    /// The store does not read PDFs: the caller counts the pages and refuses what is not a
    /// readable, unencrypted PDF first (`minutes_pdf::report_pages`).
    pub fn attach_document(
        &mut self,
        item_id: Uuid,
        title: &str,
        kind: DocumentKind,
        pdf: &[u8],
        page_count: u32,
    ) -> Result<DocumentInfo> {
        let title = validate::required_line("Document title", title, MAX_TITLE)?;
        if pdf.len() > MAX_PDF_BYTES {
            return Err(DomainError::invalid("Document", "is larger than 512 MB").into());
        }
        if page_count == 0 {
            return Err(DomainError::invalid("Document", "has no pages").into());
        }
        let sha256 = Sha256::digest(pdf)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>();
        self.write(|tx| {
            let meeting_id: String = tx
                .query_row("SELECT meeting_id FROM agenda_item WHERE id = ?1", [s(item_id)], |r| r.get(0))
                .optional()?
                .ok_or_else(|| DomainError::not_found("Agenda item", item_id))?;
            let position = next_position(tx, Ordered::Document, item_id)?;
            let doc = DocumentInfo {
                id: new_id(),
                agenda_item_id: item_id,
                title,
                kind,
                position,
                page_count,
                sha256,
                size_bytes: pdf.len() as u64,
            };
            tx.execute(
                "INSERT INTO document (id, agenda_item_id, meeting_id, title, kind, position, page_count, sha256, size_bytes, pdf, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    s(doc.id), s(item_id), meeting_id, doc.title, doc.kind.as_str(), doc.position, doc.page_count,
                    doc.sha256, doc.size_bytes as i64, pdf, Utc::now().to_rfc3339()
                ],
            )?;
            Ok(doc)
        })
    }

    /// The stored bytes of a document.
    pub fn document_pdf(&self, document_id: Uuid) -> Result<Vec<u8>> {
        self.conn()
            .query_row(
                "SELECT pdf FROM document WHERE id = ?1",
                [s(document_id)],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| DomainError::not_found("Document", document_id).into())
    }
}

/// An agenda item from what the clerk entered, checked against the authority's rules.
fn agenda_item_from(
    conn: &Connection,
    id: Uuid,
    meeting_id: Uuid,
    n: &NewAgendaItem,
) -> Result<AgendaItem> {
    let jurisdiction = authority(conn)
        .map(|a| a.jurisdiction)
        .unwrap_or(Jurisdiction::Wales);
    let item = AgendaItem {
        id,
        meeting_id,
        position: 0,
        title_en: n.title_en.trim().to_string(),
        title_cy: n.title_cy.trim().to_string(),
        part: n.part,
        exempt_paragraphs: n
            .exempt_paragraphs
            .iter()
            .map(|p| p.trim().to_uppercase())
            .collect(),
        public_interest: n.public_interest.trim().to_string(),
        origin: n.origin,
        standing: n.standing,
        tag: n.tag.trim().to_string(),
        urgent_reason: n.urgent_reason.trim().to_string(),
        presenting_officer_id: n.presenting_officer_id,
    };
    validate::agenda_item(jurisdiction, &item)?;
    Ok(item)
}

/// The meeting and position of an agenda item.
fn agenda_item_place(conn: &Connection, item_id: Uuid) -> Result<(Uuid, u32)> {
    conn.query_row(
        "SELECT meeting_id, position FROM agenda_item WHERE id = ?1",
        [s(item_id)],
        |r| Ok((id(r, "meeting_id")?, r.get(1)?)),
    )
    .optional()?
    .ok_or_else(|| DomainError::not_found("Agenda item", item_id).into())
}

fn insert_agenda_item(conn: &Connection, item: &AgendaItem) -> Result<()> {
    conn.execute(
        "INSERT INTO agenda_item (id, meeting_id, position, title_en, title_cy, part, exempt_paragraphs, public_interest,
           origin, standing, tag, urgent_reason, presenting_officer_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            s(item.id), s(item.meeting_id), item.position, item.title_en, item.title_cy, item.part.as_str(),
            item.exempt_paragraphs.join(","), item.public_interest, item.origin.as_str(),
            item.standing.map(|x| x.as_str()), item.tag, item.urgent_reason, opt(item.presenting_officer_id)
        ],
    )?;
    Ok(())
}

impl Store {
    /// Finds a meeting from what a person would type: its id, the start of its id, or its
    /// date (YYYY-MM-DD), optionally narrowed to a body.
    pub fn find_meeting(&self, reference: &str, body_name: Option<&str>) -> Result<Uuid> {
        let r = reference.trim().to_lowercase();
        if r.is_empty() {
            return Err(DomainError::invalid("Meeting", "give a meeting id or date").into());
        }
        let body_id = body_name
            .map(|b| self.body_by_name(b))
            .transpose()?
            .map(|b| s(b.id));
        let mut st = self.conn().prepare(
            "SELECT m.id, m.date, b.name_en FROM meeting m JOIN body b ON b.id = m.body_id
             WHERE (m.id = ?1 OR m.id LIKE ?3 || '%' ESCAPE '\\' OR m.date = ?1)
               AND (?2 IS NULL OR m.body_id = ?2)
             ORDER BY m.date",
        )?;
        // The typed start of an id is matched as typed: `%` and `_` are not wildcards.
        let prefix = r
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        let found: Vec<(String, String, String)> = st
            .query_map(params![r, body_id, prefix], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        match found.as_slice() {
            [] => Err(DomainError::not_found("Meeting", reference).into()),
            [(one, _, _)] => {
                Uuid::parse_str(one).map_err(|_| DomainError::not_found("Meeting", one).into())
            }
            many => Err(DomainError::Conflict(format!(
                "'{reference}' matches {} meetings ({}); give more of the id or name the body",
                many.len(),
                many.iter()
                    .map(|(_, d, b)| format!("{b} {d}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .into()),
        }
    }
}
