//! Every reader of the store: the functions that read a row, or rows, into core types.
//! The modules that write import these (and the column helpers in [`crate::rows`]), never
//! each other, so no module imports one that imports it back.

use chrono::NaiveDate;
use minutes_core::pack::{PackIssue, PackedDocument};
use minutes_core::*;
use rusqlite::{Connection, OptionalExtension, Row};
use uuid::Uuid;

use crate::rows::{count, flag, id, list, opt_id, opt_word, s, word};
use crate::{Result, StoreError};

// The council: authority, bodies, people, memberships.

/// Whether `sql`, a query taking one value, `key`, finds a row.
pub(crate) fn exists(conn: &Connection, sql: &str, key: &str) -> Result<bool> {
    Ok(conn.query_row(sql, [key], |_| Ok(())).optional()?.is_some())
}

pub(crate) fn authority(conn: &Connection) -> Result<Authority> {
    conn.query_row("SELECT * FROM authority WHERE singleton = 1", [], |r| {
        Ok(Authority {
            name_en: r.get("name_en")?,
            name_cy: r.get("name_cy")?,
            jurisdiction: word(r, "jurisdiction", Jurisdiction::parse)?,
            languages: word(r, "languages", LanguagePolicy::parse)?,
            year_start_month: r.get("year_start_month")?,
            year_start_day: r.get("year_start_day")?,
            minute_book: opt_word(r, "minute_book", MinuteBookNumbering::parse)?,
            presenter_form_en: r.get("presenter_form_en")?,
            presenter_form_cy: r.get("presenter_form_cy")?,
            call_in_days: Some(r.get("call_in_days")?),
            call_in_members: Some(r.get("call_in_members")?),
            documents: DocumentLanguages {
                legal_language: word(r, "legal_language", Language::parse)?,
                translation_notice_en: r.get("translation_notice_en")?,
                translation_notice_cy: r.get("translation_notice_cy")?,
                layout: word(r, "bilingual_layout", BilingualLayout::parse)?,
            },
        })
    })
    .optional()?
    .ok_or_else(|| {
        StoreError::Domain(DomainError::not_found(
            "Authority",
            "(not set up: run `cofnod demo` or set up the council first)",
        ))
    })
}

pub(crate) fn body_row(r: &Row) -> rusqlite::Result<Body> {
    Ok(Body {
        id: id(r, "id")?,
        name_en: r.get("name_en")?,
        name_cy: r.get("name_cy")?,
        kind: word(r, "kind", BodyKind::parse)?,
        default_keyword: word(r, "default_keyword", Keyword::parse)?,
        chair_title: word(r, "chair_title", ChairTitle::parse)?,
        quorum: r.get("quorum")?,
        whip_declarations_required: flag(r, "whip_declarations_required")?,
        reasons: word(r, "reasons_rule", ReasonsRule::parse)?,
        sequence_id: id(r, "sequence_id")?,
        retired: flag(r, "retired")?,
    })
}

pub(crate) fn body(conn: &Connection, body_id: Uuid) -> Result<Body> {
    conn.query_row("SELECT * FROM body WHERE id = ?1", [s(body_id)], body_row)
        .optional()?
        .ok_or_else(|| DomainError::not_found("Body", body_id).into())
}

pub(crate) fn person_row(r: &Row) -> rusqlite::Result<Person> {
    Ok(Person {
        id: id(r, "id")?,
        honorific: r.get("honorific")?,
        name: r.get("name")?,
        kind: word(r, "kind", PersonKind::parse)?,
        title: r.get("title")?,
        retired: flag(r, "retired")?,
    })
}

/// Every minute sequence, by name.
pub(crate) fn sequences(conn: &Connection) -> Result<Vec<MinuteSequence>> {
    let mut st = conn.prepare("SELECT * FROM minute_sequence ORDER BY name")?;
    let rows = st.query_map([], |r| {
        Ok(MinuteSequence {
            id: id(r, "id")?,
            name: r.get("name")?,
            prefix: r.get("prefix")?,
            scope: word(r, "scope", SequenceScope::parse)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn memberships(conn: &Connection, body_id: Uuid) -> Result<Vec<Membership>> {
    let mut st = conn.prepare("SELECT * FROM membership WHERE body_id = ?1 ORDER BY from_date")?;
    let rows = st.query_map([s(body_id)], |r| {
        Ok(Membership {
            id: id(r, "id")?,
            person_id: id(r, "person_id")?,
            body_id: id(r, "body_id")?,
            role: word(r, "role", Role::parse)?,
            from: r.get("from_date")?,
            to: r.get("to_date")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Refuses a chair's membership whose dates overlap another chair's of the same body,
/// naming that chair (`except`: the membership being corrected). The schema refuses it too.
pub(crate) fn check_one_chair(
    conn: &Connection,
    body_id: Uuid,
    from: NaiveDate,
    to: Option<NaiveDate>,
    except: Option<Uuid>,
) -> Result<()> {
    let other: Option<(String, String, NaiveDate, Option<NaiveDate>)> = conn
        .query_row(
            "SELECT p.honorific, p.name, m.from_date, m.to_date FROM membership m JOIN person p ON p.id = m.person_id
             WHERE m.body_id = ?1 AND m.role = 'chair' AND m.id <> ?4
               AND m.from_date <= coalesce(?3, '9999-12-31') AND coalesce(m.to_date, '9999-12-31') >= ?2
             ORDER BY m.from_date LIMIT 1",
            rusqlite::params![s(body_id), from, to, except.map(s).unwrap_or_default()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    if let Some((honorific, name, f, t)) = other {
        let until = t.map_or("with no end date".to_string(), |t| format!("to {t}"));
        return Err(DomainError::Conflict(format!(
            "two chairs: {} is chair of this body from {f} {until}; end or correct that membership first",
            format!("{honorific} {name}").trim()
        ))
        .into());
    }
    Ok(())
}

// Meetings and their agendas.

pub(crate) fn meeting_row(r: &Row) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: id(r, "id")?,
        body_id: id(r, "body_id")?,
        kind: word(r, "kind", MeetingKind::parse)?,
        date: r.get("date")?,
        start_time: r.get("start_time")?,
        end_time: r.get("end_time")?,
        venue: r.get("venue")?,
        mode: word(r, "mode", MeetingMode::parse)?,
        joining_details: r.get("joining_details")?,
        status: word(r, "status", MeetingStatus::parse)?,
        minutes_status: word(r, "minutes_status", MinutesStatus::parse)?,
        approved_at_meeting_id: opt_id(r, "approved_at_meeting_id")?,
        signed_by_person_id: opt_id(r, "signed_by_person_id")?,
        signed_on: r.get("signed_on")?,
        book_pages: match (r.get("book_first_page")?, r.get("book_last_page")?) {
            (Some(first), Some(last)) => Some(BookPages { first, last }),
            _ => None,
        },
    })
}

/// One line of a meetings list: a meeting's row with its body's name (`body_name`) and
/// number of agenda items (`item_count`).
pub(crate) fn meeting_summary_row(r: &Row) -> rusqlite::Result<MeetingSummary> {
    Ok(MeetingSummary {
        id: id(r, "id")?,
        body_id: id(r, "body_id")?,
        body_name: r.get("body_name")?,
        date: r.get("date")?,
        start_time: r.get("start_time")?,
        venue: r.get("venue")?,
        status: word(r, "status", MeetingStatus::parse)?,
        minutes_status: word(r, "minutes_status", MinutesStatus::parse)?,
        item_count: count(r, "item_count")?,
    })
}

pub(crate) fn meeting(conn: &Connection, meeting_id: Uuid) -> Result<Meeting> {
    conn.query_row(
        "SELECT * FROM meeting WHERE id = ?1",
        [s(meeting_id)],
        meeting_row,
    )
    .optional()?
    .ok_or_else(|| DomainError::not_found("Meeting", meeting_id).into())
}

pub(crate) fn agenda(conn: &Connection, meeting_id: Uuid) -> Result<Vec<AgendaItem>> {
    let mut st =
        conn.prepare("SELECT * FROM agenda_item WHERE meeting_id = ?1 ORDER BY position")?;
    let rows = st.query_map([s(meeting_id)], |r| {
        Ok(AgendaItem {
            id: id(r, "id")?,
            meeting_id: id(r, "meeting_id")?,
            position: r.get("position")?,
            title_en: r.get("title_en")?,
            title_cy: r.get("title_cy")?,
            part: word(r, "part", ItemPart::parse)?,
            exempt_paragraphs: list(r, "exempt_paragraphs")?,
            public_interest: r.get("public_interest")?,
            origin: word(r, "origin", ItemOrigin::parse)?,
            standing: opt_word(r, "standing", StandingItem::parse)?,
            tag: r.get("tag")?,
            urgent_reason: r.get("urgent_reason")?,
            presenting_officer_id: opt_id(r, "presenting_officer_id")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// Minutes, their blocks and resolution limbs.
/// Where a minute's number comes from: its sequence and municipal year.
pub(crate) fn sequence_year(conn: &Connection, m: &Meeting) -> Result<(Uuid, String, NaiveDate)> {
    let b = body(conn, m.body_id)?;
    let prefix: String = conn.query_row(
        "SELECT prefix FROM minute_sequence WHERE id = ?1",
        [s(b.sequence_id)],
        |r| r.get(0),
    )?;
    Ok((b.sequence_id, prefix, year_of(conn, m.date)?))
}

/// The first day of the municipal year `date` falls in, by the recorded Annual Meetings and
/// the authority's configured start.
pub(crate) fn year_of(conn: &Connection, date: NaiveDate) -> Result<NaiveDate> {
    let a = authority(conn)?;
    let starts: Vec<NaiveDate> = conn
        .prepare("SELECT start_date FROM municipal_year ORDER BY start_date")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(numbering::year_start(
        date,
        &starts,
        a.year_start_month,
        a.year_start_day,
    )?)
}

/// The number the next minute of a sequence and municipal year takes: one more than the
/// last, or the year's set first number (1 unless set) when it has none yet.
pub(crate) fn next_number(
    conn: &Connection,
    sequence_id: Uuid,
    year_start: NaiveDate,
) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT coalesce(
           (SELECT max(number) + 1 FROM minute WHERE sequence_id = ?1 AND year_start = ?2),
           (SELECT next_number FROM sequence_start WHERE sequence_id = ?1 AND year_start = ?2),
           1)",
        rusqlite::params![s(sequence_id), year_start],
        |r| r.get(0),
    )?)
}

pub(crate) fn minute_row(r: &Row) -> rusqlite::Result<Minute> {
    let prefix: String = r.get("prefix")?;
    let number: u32 = r.get("number")?;
    Ok(Minute {
        id: id(r, "id")?,
        meeting_id: id(r, "meeting_id")?,
        agenda_item_id: opt_id(r, "agenda_item_id")?,
        sequence_id: id(r, "sequence_id")?,
        year_start: r.get("year_start")?,
        number,
        label: numbering::label(&prefix, number),
        heading: r.get("heading")?,
        tag: r.get("tag")?,
        exempt: flag(r, "exempt")?,
        public_summary: r.get("public_summary")?,
        position: r.get("position")?,
        // Minutes written before headings were tracked count as edited when they no longer
        // read as their item's title.
        heading_edited: flag(r, "edited")?,
    })
}

pub(crate) fn minute(conn: &Connection, minute_id: Uuid) -> Result<Minute> {
    conn.query_row(
        "SELECT n.*, q.prefix, coalesce(n.heading_edited, n.agenda_item_id IS NULL OR n.heading IS NOT (SELECT title_en FROM agenda_item WHERE id = n.agenda_item_id)) AS edited FROM minute n JOIN minute_sequence q ON q.id = n.sequence_id WHERE n.id = ?1",
        [s(minute_id)],
        minute_row,
    )
    .optional()?
    .ok_or_else(|| DomainError::not_found("Minute", minute_id).into())
}

pub(crate) fn minutes(conn: &Connection, meeting_id: Uuid) -> Result<Vec<Minute>> {
    let mut st = conn.prepare(
        "SELECT n.*, q.prefix, coalesce(n.heading_edited, n.agenda_item_id IS NULL OR n.heading IS NOT (SELECT title_en FROM agenda_item WHERE id = n.agenda_item_id)) AS edited
         FROM minute n JOIN minute_sequence q ON q.id = n.sequence_id
         WHERE n.meeting_id = ?1 ORDER BY n.position",
    )?;
    let rows = st.query_map([s(meeting_id)], minute_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn blocks(conn: &Connection, minute_id: Uuid) -> Result<Vec<Block>> {
    let mut st =
        conn.prepare("SELECT * FROM minute_block WHERE minute_id = ?1 ORDER BY position")?;
    let rows = st.query_map([s(minute_id)], |r| {
        let kind = word(r, "kind", BlockKind::parse)?;
        let content = match kind {
            BlockKind::Narrative => BlockContent::Narrative {
                text: r.get("text")?,
            },
            BlockKind::Presentation => BlockContent::Presentation {
                presenter_id: opt_id(r, "person_id")?,
                presenter: r.get("person_label")?,
                capacity: r.get("capacity")?,
                summary: r.get("text")?,
            },
            BlockKind::Question => BlockContent::Question {
                asked_by: r.get("person_label")?,
                asked_by_id: opt_id(r, "person_id")?,
                question: r.get("text")?,
                answered_by: r.get("answer_by")?,
                answered_by_id: opt_id(r, "answer_by_id")?,
                answer: r.get("answer")?,
            },
        };
        Ok(Block {
            id: id(r, "id")?,
            minute_id: id(r, "minute_id")?,
            position: r.get("position")?,
            content,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn resolution_row(r: &Row) -> rusqlite::Result<Resolution> {
    Ok(Resolution {
        id: id(r, "id")?,
        minute_id: id(r, "minute_id")?,
        limb: r.get("limb")?,
        keyword: word(r, "keyword", Keyword::parse)?,
        text: r.get("text")?,
        reason: r.get("reason")?,
        conditional_on: r.get("conditional_on")?,
        vote: r.get("vote")?,
        reason_not_needed: flag(r, "reason_not_needed")?,
        approves_meeting_id: opt_id(r, "approves_meeting_id")?,
    })
}

pub(crate) fn resolution(conn: &Connection, resolution_id: Uuid) -> Result<Resolution> {
    conn.query_row(
        "SELECT * FROM resolution WHERE id = ?1",
        [s(resolution_id)],
        resolution_row,
    )
    .optional()?
    .ok_or_else(|| DomainError::not_found("Resolution", resolution_id).into())
}

pub(crate) fn resolutions(conn: &Connection, minute_id: Uuid) -> Result<Vec<Resolution>> {
    let mut st = conn.prepare("SELECT * FROM resolution WHERE minute_id = ?1 ORDER BY limb")?;
    let rows = st.query_map([s(minute_id)], resolution_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// Referrals.

pub(crate) fn referral_row(r: &Row) -> rusqlite::Result<Referral> {
    Ok(Referral {
        id: id(r, "id")?,
        resolution_id: opt_id(r, "resolution_id")?,
        from_body_id: id(r, "from_body_id")?,
        to_body_id: opt_id(r, "to_body_id")?,
        to_external: r.get("to_external")?,
        purpose: word(r, "purpose", ReferralPurpose::parse)?,
        sent_on: r.get("sent_on")?,
        response_due: r.get("response_due")?,
        status: word(r, "status", ReferralStatus::parse)?,
        target_meeting_id: opt_id(r, "target_meeting_id")?,
        target_minute_id: opt_id(r, "target_minute_id")?,
        outcome: opt_word(r, "outcome", ReferralOutcome::parse)?,
        response_text: r.get("response_text")?,
        reported_back_meeting_id: opt_id(r, "reported_back_meeting_id")?,
        closed_on: r.get("closed_on")?,
    })
}

pub(crate) fn referral(conn: &Connection, referral_id: Uuid) -> Result<Referral> {
    conn.query_row(
        "SELECT * FROM referral WHERE id = ?1",
        [s(referral_id)],
        referral_row,
    )
    .optional()?
    .ok_or_else(|| DomainError::not_found("Referral", referral_id).into())
}

/// Referrals made from the resolutions of one meeting.
pub(crate) fn referrals_of_meeting(conn: &Connection, meeting_id: Uuid) -> Result<Vec<Referral>> {
    let mut st = conn.prepare(
        "SELECT f.* FROM referral f JOIN resolution r ON r.id = f.resolution_id
         WHERE r.meeting_id = ?1 ORDER BY f.sent_on, f.id",
    )?;
    let rows = st.query_map([s(meeting_id)], referral_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// Agenda packs issued.

/// The packs issued for a meeting, each with the pages its documents took.
pub(crate) fn pack_issues(conn: &Connection, meeting_id: Uuid) -> Result<Vec<PackIssue>> {
    let mut st = conn.prepare(
        "SELECT id, meeting_id, number, issued_on, first_page, last_page FROM pack_issue
         WHERE meeting_id = ?1 ORDER BY number",
    )?;
    let mut out: Vec<PackIssue> = st
        .query_map([s(meeting_id)], |r| {
            Ok(PackIssue {
                id: id(r, "id")?,
                meeting_id: id(r, "meeting_id")?,
                number: count(r, "number")?,
                issued_on: r.get("issued_on")?,
                first_page: count(r, "first_page")?,
                last_page: count(r, "last_page")?,
                documents: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut docs = conn.prepare(
        "SELECT document_id, first_page, last_page FROM pack_issue_document
         WHERE issue_id = ?1 ORDER BY first_page",
    )?;
    for issue in &mut out {
        issue.documents = docs
            .query_map([s(issue.id)], |r| {
                Ok(PackedDocument {
                    document_id: id(r, "document_id")?,
                    first_page: count(r, "first_page")?,
                    last_page: count(r, "last_page")?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(out)
}

// Links between meetings.

/// A meeting as a link, with its body's names; None when there is no such meeting.
pub(crate) fn meeting_ref(conn: &Connection, meeting_id: Uuid) -> Result<Option<MeetingRef>> {
    Ok(conn
        .query_row(
            "SELECT m.id, m.date, b.name_en, b.name_cy FROM meeting m
             JOIN body b ON b.id = m.body_id WHERE m.id = ?1",
            [s(meeting_id)],
            |r| {
                Ok(MeetingRef {
                    id: id(r, "id")?,
                    date: r.get("date")?,
                    body_name: r.get("name_en")?,
                    body_name_cy: r.get("name_cy")?,
                })
            },
        )
        .optional()?)
}

/// The amendments agreed when a meeting's minutes were approved, in order.
pub(crate) fn amendments(conn: &Connection, meeting_id: Uuid) -> Result<Vec<Amendment>> {
    let mut st = conn.prepare("SELECT * FROM amendment WHERE meeting_id = ?1 ORDER BY position")?;
    let rows = st.query_map([s(meeting_id)], |r| {
        Ok(Amendment {
            id: id(r, "id")?,
            meeting_id: id(r, "meeting_id")?,
            approving_meeting_id: id(r, "approving_meeting_id")?,
            position: r.get("position")?,
            text: r.get("text")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// A whole meeting as one record.

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
                for_items: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<Attendance>>>()?;
    // The items each was present for only, in agenda order.
    let mut st = conn.prepare(
        "SELECT ai.attendance_id, ai.agenda_item_id FROM attendance_item ai
         JOIN attendance a ON a.id = ai.attendance_id
         JOIN agenda_item i ON i.id = ai.agenda_item_id
         WHERE a.meeting_id = ?1 ORDER BY i.position",
    )?;
    let for_items = st
        .query_map([&key], |r| Ok((id(r, 0)?, id(r, 1)?)))?
        .collect::<rusqlite::Result<Vec<(Uuid, Uuid)>>>()?;
    let mut attendance = attendance;
    for (attendance_id, item) in for_items {
        if let Some(a) = attendance.iter_mut().find(|a| a.id == attendance_id) {
            a.for_items.push(item);
        }
    }

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
            UNION SELECT m.person_id FROM call_in_member m JOIN call_in c ON c.id = m.call_in_id WHERE c.meeting_id = ?1
            UNION SELECT person_id FROM membership WHERE body_id = ?2)
         ORDER BY name",
    )?;
    let people = st
        .query_map([&key, &s(body.id)], person_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let referrals = referrals_of_meeting(conn, meeting_id)?;
    let mut st = conn.prepare("SELECT * FROM body ORDER BY name_en")?;
    let bodies = st
        .query_map([], body_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let sequences = sequences(conn)?;
    let amendments = self::amendments(conn, meeting_id)?;

    let approved_at = match meeting.approved_at_meeting_id {
        Some(at) => meeting_ref(conn, at)?,
        None => None,
    };
    // The minute of the approving meeting whose limb approved these minutes.
    let approved_at_minute: Option<(u32, String)> = conn
        .query_row(
            "SELECT n.number, q.prefix FROM resolution r JOIN minute n ON n.id = r.minute_id
             JOIN minute_sequence q ON q.id = n.sequence_id WHERE r.approves_meeting_id = ?1",
            [&key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let approved_at_minute = approved_at_minute.map(|(n, prefix)| numbering::label(&prefix, n));

    // The minutes of earlier meetings this meeting approved, each by one limb.
    let mut st = conn.prepare(
        "SELECT r.id, r.approves_meeting_id FROM resolution r JOIN minute n ON n.id = r.minute_id
         WHERE r.meeting_id = ?1 AND r.approves_meeting_id IS NOT NULL ORDER BY n.position, r.limb",
    )?;
    let approving = st
        .query_map([&key], |r| {
            Ok((id(r, "id")?, id(r, "approves_meeting_id")?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut approvals = Vec::new();
    for (resolution_id, approved) in approving {
        if let Some(m) = meeting_ref(conn, approved)? {
            approvals.push(MinutesApproval {
                resolution_id,
                meeting: m,
                amendments: self::amendments(conn, approved)?
                    .into_iter()
                    .filter(|a| a.approving_meeting_id == meeting_id)
                    .collect(),
            });
        }
    }

    let (votes, dispensations, quorum_notes) = votes_of_meeting(conn, meeting_id)?;

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
        sequences,
        amendments,
        approved_at,
        pack_issues: pack_issues(conn, meeting_id)?,
        approvals,
        approved_at_minute,
        votes,
        dispensations,
        quorum_notes,
        executive_decisions: executive_decisions(conn, meeting_id)?,
        implementations: implementations(conn, meeting_id)?,
        call_ins: call_ins_where(conn, "c.meeting_id = ?1", &key)?,
        called_in: called_in(conn, meeting_id)?,
        decisions_notice: decisions_notice(conn, meeting_id)?,
        translations: translations(conn, meeting_id)?,
    })
}

/// A meeting's translations, and those of the amendments to earlier minutes it agreed (which
/// its minutes print in the approving limb).
pub(crate) fn translations(conn: &Connection, meeting_id: Uuid) -> Result<Vec<Translation>> {
    let mut st = conn.prepare(
        "SELECT t.* FROM text_translation t WHERE t.meeting_id = ?1
            OR (t.source = 'amendment' AND t.source_id IN
                (SELECT id FROM amendment WHERE approving_meeting_id = ?1))
         ORDER BY t.source, t.source_id",
    )?;
    let rows = st
        .query_map([s(meeting_id)], translation_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(crate) fn translation_row(r: &Row) -> rusqlite::Result<Translation> {
    Ok(Translation {
        source: word(r, "source", TextSource::parse)?,
        source_id: r.get("source_id")?,
        original: word(r, "original", Language::parse)?,
        status: word(r, "status", TranslationStatus::parse)?,
        text: r.get("text")?,
        translated_from: r.get("translated_from")?,
    })
}

/// A meeting's votes (with the names of recorded votes, in the order given), dispensations and
/// notes on the quorum.
pub(crate) fn votes_of_meeting(
    conn: &Connection,
    meeting_id: Uuid,
) -> Result<(Vec<Vote>, Vec<Dispensation>, Vec<QuorumNote>)> {
    let key = s(meeting_id);
    let mut st = conn.prepare(
        "SELECT v.* FROM vote v JOIN resolution r ON r.id = v.resolution_id
         JOIN minute n ON n.id = r.minute_id WHERE v.meeting_id = ?1 ORDER BY n.position, r.limb",
    )?;
    let mut votes = st
        .query_map([&key], |r| {
            Ok(Vote {
                resolution_id: id(r, "resolution_id")?,
                method: word(r, "method", VoteMethod::parse)?,
                votes_for: r.get("votes_for")?,
                votes_against: r.get("votes_against")?,
                abstentions: r.get("abstentions")?,
                casting: opt_word(r, "casting", VoteChoice::parse)?,
                casting_by: opt_id(r, "casting_by")?,
                requested_by: opt_id(r, "requested_by")?,
                members: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut st = conn.prepare(
        "SELECT m.resolution_id, m.person_id, m.choice FROM vote_member m
         JOIN person p ON p.id = m.person_id WHERE m.meeting_id = ?1 ORDER BY p.name, p.id",
    )?;
    let members = st
        .query_map([&key], |r| {
            Ok((
                id(r, "resolution_id")?,
                VoteMember {
                    person_id: id(r, "person_id")?,
                    choice: word(r, "choice", VoteChoice::parse)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (resolution_id, m) in members {
        if let Some(v) = votes.iter_mut().find(|v| v.resolution_id == resolution_id) {
            v.members.push(m);
        }
    }
    let mut st = conn.prepare(
        "SELECT s.* FROM dispensation s JOIN declaration d ON d.id = s.declaration_id
         WHERE s.meeting_id = ?1 ORDER BY d.rowid",
    )?;
    let dispensations = st
        .query_map([&key], |r| {
            Ok(Dispensation {
                id: id(r, "id")?,
                declaration_id: id(r, "declaration_id")?,
                reference: r.get("reference")?,
                scope: word(r, "scope", DispensationScope::parse)?,
                granted_by: r.get("granted_by")?,
                granted_on: r.get("granted_on")?,
                expires_on: r.get("expires_on")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut st = conn.prepare(
        "SELECT q.minute_id, q.note FROM quorum_note q JOIN minute n ON n.id = q.minute_id
         WHERE q.meeting_id = ?1 ORDER BY n.position",
    )?;
    let notes = st
        .query_map([&key], |r| {
            Ok(QuorumNote {
                minute_id: id(r, "minute_id")?,
                note: r.get("note")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((votes, dispensations, notes))
}

/// That a meeting's notice of decisions was published, and when.
pub(crate) fn decisions_notice(
    conn: &Connection,
    meeting_id: Uuid,
) -> Result<Option<DecisionsNoticeInfo>> {
    Ok(conn
        .query_row(
            "SELECT published_on FROM decisions_notice WHERE meeting_id = ?1",
            [s(meeting_id)],
            |r| {
                Ok(DecisionsNoticeInfo {
                    published_on: r.get(0)?,
                })
            },
        )
        .optional()?)
}

/// One audit entry.
pub(crate) fn audit_row(r: &Row) -> rusqlite::Result<AuditEntry> {
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
}

// Executive decisions and call-ins (migration 13).

pub(crate) fn executive_row(r: &Row) -> rusqlite::Result<ExecutiveDecision> {
    Ok(ExecutiveDecision {
        resolution_id: id(r, "resolution_id")?,
        meeting_id: id(r, "meeting_id")?,
        key_decision: flag(r, "key_decision")?,
        options_rejected: r.get("options_rejected")?,
        consultation: r.get("consultation")?,
        interests: r.get("interests")?,
        published_on: r.get("published_on")?,
        call_in_ends: r.get("call_in_ends")?,
        urgent: flag(r, "urgent")?,
        urgent_agreed_by: r.get("urgent_agreed_by")?,
        urgent_agreed_on: r.get("urgent_agreed_on")?,
    })
}

pub(crate) fn executive_decision(
    conn: &Connection,
    resolution_id: Uuid,
) -> Result<Option<ExecutiveDecision>> {
    Ok(conn
        .query_row(
            "SELECT * FROM executive_decision WHERE resolution_id = ?1",
            [s(resolution_id)],
            executive_row,
        )
        .optional()?)
}

pub(crate) fn executive_decisions(
    conn: &Connection,
    meeting_id: Uuid,
) -> Result<Vec<ExecutiveDecision>> {
    let mut st = conn.prepare(
        "SELECT e.* FROM executive_decision e JOIN resolution r ON r.id = e.resolution_id
         JOIN minute n ON n.id = r.minute_id WHERE e.meeting_id = ?1 ORDER BY n.position, r.limb",
    )?;
    let rows = st.query_map([s(meeting_id)], executive_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn implementations(conn: &Connection, meeting_id: Uuid) -> Result<Vec<Implementation>> {
    let mut st = conn.prepare(
        "SELECT resolution_id, implemented_on FROM decision_implementation WHERE meeting_id = ?1
         ORDER BY implemented_on, resolution_id",
    )?;
    let rows = st.query_map([s(meeting_id)], |r| {
        Ok(Implementation {
            resolution_id: id(r, 0)?,
            implemented_on: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn implementation(
    conn: &Connection,
    resolution_id: Uuid,
) -> Result<Option<Implementation>> {
    Ok(conn
        .query_row(
            "SELECT resolution_id, implemented_on FROM decision_implementation WHERE resolution_id = ?1",
            [s(resolution_id)],
            |r| {
                Ok(Implementation {
                    resolution_id: id(r, 0)?,
                    implemented_on: r.get(1)?,
                })
            },
        )
        .optional()?)
}

pub(crate) fn call_in_row(r: &Row) -> rusqlite::Result<CallIn> {
    Ok(CallIn {
        id: id(r, "id")?,
        resolution_id: id(r, "resolution_id")?,
        meeting_id: id(r, "meeting_id")?,
        requested_on: r.get("requested_on")?,
        grounds: r.get("grounds")?,
        status: word(r, "status", CallInStatus::parse)?,
        decided_by: r.get("decided_by")?,
        decided_on: r.get("decided_on")?,
        rejection_reason: r.get("rejection_reason")?,
        scrutiny_meeting_id: opt_id(r, "scrutiny_meeting_id")?,
        agenda_item_id: opt_id(r, "agenda_item_id")?,
        scrutiny_minute_id: opt_id(r, "scrutiny_minute_id")?,
        outcome: opt_word(r, "outcome", CallInOutcome::parse)?,
        concerns: r.get("concerns")?,
        referral_id: opt_id(r, "referral_id")?,
        reconsidered_minute_id: opt_id(r, "reconsidered_minute_id")?,
        members: Vec::new(),
    })
}

pub(crate) fn with_members(conn: &Connection, mut c: CallIn) -> Result<CallIn> {
    let mut st = conn.prepare_cached(
        "SELECT m.person_id FROM call_in_member m JOIN person p ON p.id = m.person_id
         WHERE m.call_in_id = ?1 ORDER BY p.name",
    )?;
    c.members = st
        .query_map([s(c.id)], |r| id(r, 0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(c)
}

/// Call-ins chosen by a WHERE clause on `call_in c` with one parameter.
pub(crate) fn call_ins_where(conn: &Connection, clause: &str, key: &str) -> Result<Vec<CallIn>> {
    let mut st = conn.prepare(&format!(
        "SELECT c.* FROM call_in c WHERE {clause} ORDER BY c.requested_on, c.id"
    ))?;
    let rows: Vec<CallIn> = st
        .query_map([key], call_in_row)?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(|c| with_members(conn, c)).collect()
}

pub(crate) fn call_in(conn: &Connection, call_in_id: Uuid) -> Result<CallIn> {
    call_ins_where(conn, "c.id = ?1", &s(call_in_id))?
        .into_iter()
        .next()
        .ok_or_else(|| DomainError::not_found("Call-in", call_in_id).into())
}

/// The people who requested a call-in, as (honorific, name), in surname order as the
/// minutes list members.
pub(crate) fn member_names(conn: &Connection, c: &CallIn) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for p in &c.members {
        let named: (String, String) = conn.query_row(
            "SELECT honorific, name FROM person WHERE id = ?1",
            [s(*p)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        out.push(named);
    }
    let key = |(honorific, name): &(String, String)| {
        Person {
            id: Uuid::nil(),
            honorific: honorific.clone(),
            name: name.clone(),
            kind: PersonKind::Member,
            title: String::new(),
            retired: false,
        }
        .sort_key()
    };
    out.sort_by_cached_key(key);
    Ok(out)
}

/// The call-ins a (scrutiny) meeting considers, with what their minute quotes.
pub(crate) fn called_in(conn: &Connection, meeting_id: Uuid) -> Result<Vec<CalledIn>> {
    let mut out = Vec::new();
    for c in call_ins_where(conn, "c.scrutiny_meeting_id = ?1", &s(meeting_id))? {
        let res = resolution(conn, c.resolution_id)?;
        let min = minute(conn, res.minute_id)?;
        let cabinet = meeting(conn, min.meeting_id)?;
        out.push(CalledIn {
            members: member_names(conn, &c)?,
            minute_label: min.label,
            heading: min.heading,
            limb: res.limb,
            keyword: res.keyword,
            text: res.text,
            reason: res.reason,
            cabinet_date: cabinet.date,
            call_in: c,
        });
    }
    Ok(out)
}
