//! Minutes: numbering from the sequence, blocks, resolution limbs, and the legal lifecycle
//! drafting -> draft published -> approved -> signed.

use chrono::NaiveDate;
use minutes_core::input::*;
use minutes_core::validate::{self, MAX_TITLE};
use minutes_core::*;
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use crate::read::{
    agenda, authority, blocks, body, exists, meeting, meeting_record, minute, minutes, next_number,
    person_row, resolution, resolutions, sequence_year,
};
use crate::rows::{new_id, next_position, opt, remove_ordered, reorder, s, Ordered};
use crate::{Result, Store};

fn require_drafting(m: &Meeting, doing: &str) -> Result<()> {
    match m.minutes_status {
        MinutesStatus::Drafting => Ok(()),
        MinutesStatus::Signed => Err(DomainError::Locked(format!(
            "signed minutes cannot be changed; {doing} is not possible. Record a correction at a later meeting"
        ))
        .into()),
        other => Err(DomainError::Conflict(format!(
            "{doing} is only possible while the minutes are drafts (they are {})",
            other.as_str().replace('_', " ")
        ))
        .into()),
    }
}

fn minute_meeting(conn: &Connection, minute_id: Uuid) -> Result<Meeting> {
    let meeting_id: String = conn
        .query_row(
            "SELECT meeting_id FROM minute WHERE id = ?1",
            [s(minute_id)],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| DomainError::not_found("Minute", minute_id))?;
    let uuid =
        Uuid::parse_str(&meeting_id).map_err(|_| DomainError::not_found("Meeting", &meeting_id))?;
    meeting(conn, uuid)
}

impl Store {
    /// Adds a minute to a meeting, taking the next number of its body's sequence for the
    /// municipal year. With an agenda item, the heading, tag and part 2 flag come from it.
    pub fn add_minute(
        &mut self,
        meeting_id: Uuid,
        agenda_item_id: Option<Uuid>,
        heading: &str,
    ) -> Result<Minute> {
        self.add_minute_at(meeting_id, agenda_item_id, heading, None)
    }

    /// Adds a minute at a place among the meeting's minutes (1-based; `None` at the end): a
    /// minute of an agenda item, or one not on the agenda with the heading the clerk typed
    /// ("TRIBUTE – THE LATE COUNCILLOR X"). It takes its number in order with the others.
    pub fn add_minute_at(
        &mut self,
        meeting_id: Uuid,
        agenda_item_id: Option<Uuid>,
        heading: &str,
        position: Option<u32>,
    ) -> Result<Minute> {
        self.write(|tx| {
            let minute = insert_minute(tx, meeting_id, agenda_item_id, heading)?;
            match position {
                Some(p) if p != minute.position => {
                    place_minute(tx, meeting_id, minute.id, p)?;
                    crate::read::minute(tx, minute.id)
                }
                _ => Ok(minute),
            }
        })
    }

    /// Changes a minute's heading. An edited heading no longer follows its agenda item's
    /// title; typing the title back makes it follow again. Audited once the draft is
    /// published; refused once the minutes are signed.
    pub fn set_minute_heading(&mut self, minute_id: Uuid, heading: &str) -> Result<Minute> {
        let heading = validate::required_line("Minute heading", heading, MAX_TITLE)?;
        self.write(|tx| {
            let m = minute_meeting(tx, minute_id)?;
            if m.minutes_status == MinutesStatus::Signed {
                return Err(DomainError::Locked(
                    "signed minutes cannot be changed; the heading stays as signed. Record a correction at a later meeting".into(),
                )
                .into());
            }
            let me = minute(tx, minute_id)?;
            let title: Option<String> = match me.agenda_item_id {
                Some(item) => tx
                    .query_row("SELECT title_en FROM agenda_item WHERE id = ?1", [s(item)], |r| r.get(0))
                    .optional()?,
                None => None,
            };
            let edited = title.as_deref() != Some(heading.as_str());
            tx.execute(
                "UPDATE minute SET heading = ?2, heading_edited = ?3 WHERE id = ?1",
                params![s(minute_id), heading, edited],
            )?;
            minute(tx, minute_id)
        })
    }

    /// Removes a draft minute. Its number is released and the later numbers of the sequence
    /// close up, so no gap is left; that is refused if any later number belongs to minutes
    /// that are no longer drafts.
    pub fn remove_minute(&mut self, minute_id: Uuid) -> Result<()> {
        self.write(|tx| {
            let m = minute_meeting(tx, minute_id)?;
            require_drafting(&m, "removing a minute")?;
            let me = minute(tx, minute_id)?;
            let later_fixed: i64 = tx.query_row(
                "SELECT count(*) FROM minute n JOIN meeting g ON g.id = n.meeting_id
                 WHERE n.sequence_id = ?1 AND n.year_start = ?2 AND n.number > ?3 AND g.minutes_status <> 'drafting'",
                params![s(me.sequence_id), me.year_start, me.number],
                |r| r.get(0),
            )?;
            if later_fixed > 0 {
                return Err(DomainError::Conflict(format!(
                    "minute {} cannot be removed: later numbers in the sequence belong to published minutes, and numbers may not have gaps",
                    me.label
                ))
                .into());
            }
            tx.execute("DELETE FROM minute WHERE id = ?1", [s(minute_id)])?;
            let later: Vec<String> = tx
                .prepare("SELECT id FROM minute WHERE sequence_id = ?1 AND year_start = ?2 AND number > ?3 ORDER BY number")?
                .query_map(params![s(me.sequence_id), me.year_start, me.number], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in later {
                tx.execute("UPDATE minute SET number = number - 1 WHERE id = ?1", [id])?;
            }
            tx.execute(
                "UPDATE minute SET position = position - 1 WHERE meeting_id = ?1 AND position > ?2",
                params![s(m.id), me.position],
            )?;
            Ok(())
        })
    }

    /// Moves a draft minute to another place in its meeting. The meeting's numbers stay the
    /// same set and follow the new order.
    pub fn move_minute(&mut self, minute_id: Uuid, to_position: u32) -> Result<()> {
        self.write(|tx| {
            let m = minute_meeting(tx, minute_id)?;
            require_drafting(&m, "reordering minutes")?;
            place_minute(tx, m.id, minute_id, to_position)
        })
    }

    pub fn minute(&self, minute_id: Uuid) -> Result<Minute> {
        minute(self.conn(), minute_id)
    }

    pub fn minutes(&self, meeting_id: Uuid) -> Result<Vec<Minute>> {
        minutes(self.conn(), meeting_id)
    }

    /// Sets the summary printed in the public minutes in place of an exempt minute.
    pub fn set_public_summary(&mut self, minute_id: Uuid, summary: &str) -> Result<()> {
        let summary = validate::text("Public summary", summary, false)?;
        self.write(|tx| {
            tx.execute(
                "UPDATE minute SET public_summary = ?2 WHERE id = ?1",
                params![s(minute_id), summary],
            )?;
            Ok(())
        })
    }

    /// Adds a block (narrative, presentation, question and answer) at the end of a minute.
    pub fn add_block(&mut self, minute_id: Uuid, content: &BlockContent) -> Result<Block> {
        let content = checked_block(content)?;
        self.write(|tx| {
            let m = minute_meeting(tx, minute_id)?;
            let position = next_position(tx, Ordered::Block, minute_id)?;
            let block = Block {
                id: new_id(),
                minute_id,
                position,
                content,
            };
            write_block(tx, &block, m.id, true)?;
            Ok(block)
        })
    }

    /// Replaces a block's content.
    pub fn update_block(&mut self, block_id: Uuid, content: &BlockContent) -> Result<()> {
        let content = checked_block(content)?;
        self.write(|tx| {
            let (minute_id, position, meeting_id): (String, u32, String) = tx
                .query_row(
                    "SELECT minute_id, position, meeting_id FROM minute_block WHERE id = ?1",
                    [s(block_id)],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?
                .ok_or_else(|| DomainError::not_found("Block", block_id))?;
            let minute_id = Uuid::parse_str(&minute_id)
                .map_err(|_| DomainError::not_found("Minute", &minute_id))?;
            let meeting_id = Uuid::parse_str(&meeting_id)
                .map_err(|_| DomainError::not_found("Meeting", &meeting_id))?;
            write_block(
                tx,
                &Block {
                    id: block_id,
                    minute_id,
                    position,
                    content,
                },
                meeting_id,
                false,
            )
        })
    }

    pub fn remove_block(&mut self, block_id: Uuid) -> Result<()> {
        self.write(|tx| remove_ordered(tx, Ordered::Block, block_id))
    }

    /// Moves a block to a new 1-based position within its minute; the others close up.
    pub fn move_block(&mut self, block_id: Uuid, to_position: u32) -> Result<()> {
        self.write(|tx| reorder(tx, Ordered::Block, block_id, to_position))
    }

    pub fn blocks(&self, minute_id: Uuid) -> Result<Vec<Block>> {
        blocks(self.conn(), minute_id)
    }

    /// Adds the next limb, (n+1), of a minute's decision with its paired reason.
    pub fn add_resolution(&mut self, minute_id: Uuid, n: &NewResolution) -> Result<Resolution> {
        let text = validate::text("Resolution", &n.text, true)?;
        let reason = validate::text("Reason", &n.reason, false)?;
        let vote = validate::optional_line("Vote", &n.vote, MAX_TITLE)?;
        self.write(|tx| {
            let m = minute_meeting(tx, minute_id)?;
            let b = body(tx, m.body_id)?;
            let limb: u32 = tx.query_row(
                "SELECT coalesce(max(limb), 0) + 1 FROM resolution WHERE minute_id = ?1",
                [s(minute_id)],
                |r| r.get(0),
            )?;
            if let Some(c) = n.conditional_on {
                if c == 0 || c >= limb {
                    return Err(DomainError::invalid(
                        "Conditional on",
                        format!("a limb can only depend on an earlier limb, (1) to ({})", limb - 1),
                    )
                    .into());
                }
            }
            let r = Resolution {
                id: new_id(),
                minute_id,
                limb,
                keyword: n.keyword.unwrap_or(b.default_keyword),
                text,
                reason,
                conditional_on: n.conditional_on,
                vote,
                reason_not_needed: n.reason_not_needed,
                approves_meeting_id: None,
            };
            crate::votes::check_quorum(tx, minute_id, m.id)?;
            tx.execute(
                "INSERT INTO resolution (id, minute_id, meeting_id, limb, keyword, text, reason, conditional_on, vote, reason_not_needed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    s(r.id), s(minute_id), s(m.id), limb, r.keyword.as_str(), r.text, r.reason, r.conditional_on, r.vote,
                    r.reason_not_needed
                ],
            )?;
            Ok(r)
        })
    }

    /// Changes a limb's keyword, text or reason (its number stays).
    pub fn update_resolution(&mut self, resolution_id: Uuid, n: &NewResolution) -> Result<()> {
        let text = validate::text("Resolution", &n.text, true)?;
        let reason = validate::text("Reason", &n.reason, false)?;
        self.write(|tx| {
            let r = resolution(tx, resolution_id)?;
            if r.approves_meeting_id.is_some() && text != r.text {
                return Err(DomainError::Conflict(format!(
                    "limb ({}) records the approval of the minutes of an earlier meeting; its words are written from the approval and its amendments",
                    r.limb
                ))
                .into());
            }
            if n.conditional_on.is_some_and(|c| c == 0 || c >= r.limb) {
                return Err(DomainError::invalid("Conditional on", "a limb can only depend on an earlier limb").into());
            }
            tx.execute(
                "UPDATE resolution SET keyword = ?2, text = ?3, reason = ?4, conditional_on = ?5, vote = ?6,
                   reason_not_needed = ?7 WHERE id = ?1",
                params![
                    s(resolution_id), n.keyword.unwrap_or(r.keyword).as_str(), text, reason, n.conditional_on, n.vote.trim(),
                    n.reason_not_needed
                ],
            )?;
            Ok(())
        })
    }

    /// Removes a limb with its reason; the later limbs close up so they stay (1)..(n).
    /// Refused while another limb is conditional on it or a referral follows it.
    pub fn remove_resolution(&mut self, resolution_id: Uuid) -> Result<()> {
        self.write(|tx| {
            let r = resolution(tx, resolution_id)?;
            if exists(
                tx,
                "SELECT 1 FROM referral WHERE resolution_id = ?1",
                &s(resolution_id),
            )? {
                return Err(DomainError::Conflict(format!(
                    "limb ({}) has a referral; withdraw the referral first",
                    r.limb
                ))
                .into());
            }
            let dependent: Option<u32> = tx
                .query_row(
                    "SELECT limb FROM resolution WHERE minute_id = ?1 AND conditional_on = ?2",
                    params![s(r.minute_id), r.limb],
                    |row| row.get(0),
                )
                .optional()?;
            if let Some(d) = dependent {
                return Err(DomainError::Conflict(format!(
                    "limb ({d}) is conditional on limb ({})",
                    r.limb
                ))
                .into());
            }
            // The limb moves to the end, the later ones closing up, and goes as the last: the
            // database refuses a gap in the limbs of published minutes, even for a moment.
            let last: u32 = tx.query_row(
                "SELECT max(limb) FROM resolution WHERE minute_id = ?1",
                [s(r.minute_id)],
                |row| row.get(0),
            )?;
            renumber_limbs(tx, r.minute_id, |limb| {
                if limb == r.limb {
                    last
                } else if limb > r.limb {
                    limb - 1
                } else {
                    limb
                }
            })?;
            tx.execute("DELETE FROM resolution WHERE id = ?1", [s(resolution_id)])?;
            Ok(())
        })
    }

    /// Moves a limb to another number; limbs in between shift by one, reasons travel with them.
    pub fn move_resolution(&mut self, resolution_id: Uuid, to_limb: u32) -> Result<()> {
        self.write(|tx| {
            let r = resolution(tx, resolution_id)?;
            let n: u32 = tx.query_row(
                "SELECT count(*) FROM resolution WHERE minute_id = ?1",
                [s(r.minute_id)],
                |row| row.get(0),
            )?;
            if to_limb == 0 || to_limb > n {
                return Err(DomainError::invalid("Limb", format!("must be between 1 and {n}")).into());
            }
            let from = r.limb;
            let map = move |limb: u32| {
                if limb == from {
                    to_limb
                } else if from < to_limb && limb > from && limb <= to_limb {
                    limb - 1
                } else if to_limb < from && limb >= to_limb && limb < from {
                    limb + 1
                } else {
                    limb
                }
            };
            let conditional: i64 = tx.query_row(
                "SELECT count(*) FROM resolution WHERE minute_id = ?1 AND conditional_on IS NOT NULL",
                [s(r.minute_id)],
                |row| row.get(0),
            )?;
            if conditional > 0 {
                return Err(DomainError::Conflict(
                    "limbs that are conditional on other limbs cannot be reordered; edit the condition first".into(),
                )
                .into());
            }
            renumber_limbs(tx, r.minute_id, map)
        })
    }

    pub fn resolutions(&self, minute_id: Uuid) -> Result<Vec<Resolution>> {
        resolutions(self.conn(), minute_id)
    }

    /// Publishes the draft minutes. From now on every change is audited. Where the body's
    /// reasons rule is "required", every limb must have a reason, except a limb marked as
    /// needing none and the decision approving previous minutes; "warned" and "not asked"
    /// publish without them.
    pub fn publish_draft(&mut self, meeting_id: Uuid) -> Result<()> {
        self.write(|tx| {
            let m = meeting(tx, meeting_id)?;
            if m.minutes_status != MinutesStatus::Drafting {
                return Err(transition(m.minutes_status, MinutesStatus::DraftPublished));
            }
            let b = body(tx, m.body_id)?;
            if b.reasons == ReasonsRule::Required {
                let missing: Option<(u32, String, u32)> = tx
                    .query_row(
                        "SELECT n.number, q.prefix, r.limb FROM resolution r JOIN minute n ON n.id = r.minute_id
                         JOIN minute_sequence q ON q.id = n.sequence_id
                         LEFT JOIN agenda_item i ON i.id = n.agenda_item_id
                         WHERE r.meeting_id = ?1 AND trim(r.reason) = '' AND r.reason_not_needed = 0
                           AND r.approves_meeting_id IS NULL
                           AND coalesce(i.standing, '') <> 'previous_minutes'
                         ORDER BY n.number, r.limb LIMIT 1",
                        [s(meeting_id)],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .optional()?;
                if let Some((number, prefix, limb)) = missing {
                    return Err(DomainError::invalid(
                        "Reasons",
                        format!(
                            "limb ({limb}) of minute {} has no reason; {} requires a reason for every limb (give one, or tick \"No reason needed\" on the limb)",
                            numbering::label(&prefix, number),
                            b.name_en
                        ),
                    )
                    .into());
                }
            }
            // R18: each executive decision states its reason, options and consultation.
            let incomplete: Option<(u32, String, u32, String, String, String)> = tx
                .query_row(
                    "SELECT n.number, q.prefix, r.limb, r.reason, e.options_rejected, e.consultation
                     FROM executive_decision e JOIN resolution r ON r.id = e.resolution_id
                     JOIN minute n ON n.id = r.minute_id JOIN minute_sequence q ON q.id = n.sequence_id
                     WHERE e.meeting_id = ?1 AND (trim(r.reason) = '' OR trim(e.options_rejected) = '' OR trim(e.consultation) = '')
                     ORDER BY n.number, r.limb LIMIT 1",
                    [s(meeting_id)],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
                )
                .optional()?;
            if let Some((number, prefix, limb, reason, options, consultation)) = incomplete {
                let missing: Vec<&str> = [
                    (reason.trim().is_empty(), "its reason"),
                    (options.trim().is_empty(), "the options considered and rejected"),
                    (consultation.trim().is_empty(), "the consultation undertaken"),
                ]
                .into_iter()
                .filter_map(|(gap, what)| gap.then_some(what))
                .collect();
                return Err(DomainError::invalid(
                    "Executive decision",
                    format!(
                        "limb ({limb}) of minute {} is an executive decision without {}; write \"None\" where there was none",
                        numbering::label(&prefix, number),
                        missing.join(" or ")
                    ),
                )
                .into());
            }
            tx.execute("UPDATE meeting SET minutes_status = 'draft_published' WHERE id = ?1", [s(meeting_id)])?;
            Ok(())
        })
    }

    /// Records that the minutes were approved as a correct record at a later meeting of the
    /// same body, with any amendments agreed there. The approval is a decision of the
    /// approving meeting: a limb of its minute on the previous minutes (the limb the clerk
    /// typed naming this meeting's date, or a new one), which prints the amendments; that
    /// minute is made if the approving meeting has none and its minutes are drafts.
    pub fn approve_minutes(&mut self, meeting_id: Uuid, a: &Approval) -> Result<()> {
        let amendments = a
            .amendments
            .iter()
            .map(|t| validate::text("Amendment", t, true))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        self.write(|tx| {
            let m = meeting(tx, meeting_id)?;
            let at = meeting(tx, a.at_meeting_id)?;
            if m.minutes_status != MinutesStatus::DraftPublished {
                return Err(transition(m.minutes_status, MinutesStatus::Approved));
            }
            if at.body_id != m.body_id {
                return Err(DomainError::Conflict(
                    "minutes can only be approved at a meeting of the same body".into(),
                )
                .into());
            }
            if at.date <= m.date {
                return Err(DomainError::Conflict(format!(
                    "minutes of the meeting of {} cannot be approved at a meeting held on {}: it must be a later meeting",
                    house_style::long_date(m.date, Language::En),
                    house_style::long_date(at.date, Language::En)
                ))
                .into());
            }
            for (i, text) in amendments.iter().enumerate() {
                tx.execute(
                    "INSERT INTO amendment (id, meeting_id, approving_meeting_id, position, text) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![s(new_id()), s(meeting_id), s(a.at_meeting_id), i as u32 + 1, text],
                )?;
            }
            let minute_id = approving_minute(tx, &m, &at)?;
            let text = render::approval_text(m.date, &amendments);
            let date = house_style::long_date(m.date, Language::En);
            let typed: Option<String> = tx
                .query_row(
                    "SELECT id FROM resolution WHERE minute_id = ?1 AND approves_meeting_id IS NULL
                       AND instr(text, ?2) > 0 ORDER BY limb LIMIT 1",
                    params![s(minute_id), date],
                    |r| r.get(0),
                )
                .optional()?;
            match typed {
                Some(id) => {
                    tx.execute(
                        "UPDATE resolution SET approves_meeting_id = ?2, text = ?3 WHERE id = ?1",
                        params![id, s(meeting_id), text],
                    )?;
                }
                None => {
                    let b = body(tx, m.body_id)?;
                    let limb: u32 = tx.query_row(
                        "SELECT coalesce(max(limb), 0) + 1 FROM resolution WHERE minute_id = ?1",
                        [s(minute_id)],
                        |r| r.get(0),
                    )?;
                    tx.execute(
                        "INSERT INTO resolution (id, minute_id, meeting_id, limb, keyword, text, reason, approves_meeting_id)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', ?7)",
                        params![
                            s(new_id()), s(minute_id), s(at.id), limb,
                            render::approval_keyword(b.kind).as_str(), text, s(meeting_id)
                        ],
                    )?;
                }
            }
            tx.execute(
                "UPDATE meeting SET approved_at_meeting_id = ?2, minutes_status = 'approved' WHERE id = ?1",
                params![s(meeting_id), s(a.at_meeting_id)],
            )?;
            Ok(())
        })
    }

    /// What a clerk should check before approving minutes at a meeting, without refusing:
    /// approval at a special meeting, or at a meeting other than the next ordinary meeting of
    /// the body after the one whose minutes they are.
    pub fn approval_warnings(&self, meeting_id: Uuid, at_meeting_id: Uuid) -> Result<Vec<String>> {
        let conn = self.conn();
        let m = meeting(conn, meeting_id)?;
        let at = meeting(conn, at_meeting_id)?;
        let mut warnings = Vec::new();
        if at.kind == MeetingKind::Special {
            warnings.push(format!(
                "the meeting held on {} is a special meeting; minutes are usually approved at the next ordinary meeting",
                house_style::long_date(at.date, Language::En)
            ));
        }
        let next: Option<(String, NaiveDate)> = conn
            .query_row(
                "SELECT id, date FROM meeting WHERE body_id = ?1 AND kind = 'ordinary' AND date > ?2
                 ORDER BY date, start_time LIMIT 1",
                params![s(m.body_id), m.date],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((next_id, next_date)) = next {
            if next_id != s(at_meeting_id) {
                warnings.push(format!(
                    "the next ordinary meeting after the meeting held on {} is the one held on {}, not the one held on {}",
                    house_style::long_date(m.date, Language::En),
                    house_style::long_date(next_date, Language::En),
                    house_style::long_date(at.date, Language::En)
                ));
            }
        }
        Ok(warnings)
    }

    /// Signs approved minutes. The signer must have presided at the meeting that approved
    /// them. After this nothing in the minutes can change, by any path.
    ///
    /// Where the authority keeps a loose-leaf minute book, signing also gives the minutes their
    /// minute-book pages, following on from the last page of the minutes signed before them
    /// (within the meeting's municipal year, or across the whole book, as the authority
    /// numbers it). `count_pages` is handed the record as signed and answers how many pages the
    /// book's copy takes: the caller prints it (`minutes_pdf::minute_book_page_count`), so the
    /// store needs no printer. It is not called when no loose-leaf book is kept. If it fails,
    /// nothing is signed.
    pub fn sign_minutes<E: std::fmt::Display>(
        &mut self,
        meeting_id: Uuid,
        signer_id: Uuid,
        on: NaiveDate,
        count_pages: impl FnOnce(&MeetingRecord) -> std::result::Result<u32, E>,
    ) -> Result<()> {
        self.write(|tx| {
            let m = meeting(tx, meeting_id)?;
            if m.minutes_status != MinutesStatus::Approved {
                return Err(transition(m.minutes_status, MinutesStatus::Signed));
            }
            let at = match m.approved_at_meeting_id {
                Some(at) => meeting(tx, at)?,
                None => return Err(transition(m.minutes_status, MinutesStatus::Signed)),
            };
            if on < at.date {
                return Err(DomainError::invalid("Signing date", "is before the meeting that approved the minutes").into());
            }
            let presided: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = ?1 AND a.person_id = ?2
                    AND a.status = 'present' AND (a.capacity IN ('chair', 'in_the_chair')
                      OR (a.capacity IS NULL AND NOT EXISTS (SELECT 1 FROM attendance c WHERE c.meeting_id = ?1 AND c.capacity IN ('chair', 'in_the_chair'))
                          AND EXISTS (SELECT 1 FROM membership s WHERE s.person_id = ?2 AND s.body_id = ?3 AND s.role = 'chair'
                                      AND s.from_date <= ?4 AND coalesce(s.to_date, '9999-12-31') >= ?4))))",
                params![s(at.id), s(signer_id), s(at.body_id), at.date],
                |r| r.get(0),
            )?;
            if !presided {
                return Err(DomainError::Conflict(format!(
                    "minutes can only be signed by the person who presided at the meeting of {} that approved them",
                    house_style::long_date(at.date, Language::En)
                ))
                .into());
            }
            let book = match authority(tx)?.minute_book {
                None => None,
                Some(numbering) => Some(book_pages(tx, &m, signer_id, on, numbering, count_pages)?),
            };
            let (year, pages) = book.unzip();
            tx.execute(
                "UPDATE meeting SET minutes_status = 'signed', signed_by_person_id = ?2, signed_on = ?3,
                   book_year = ?4, book_first_page = ?5, book_last_page = ?6 WHERE id = ?1",
                params![
                    s(meeting_id), s(signer_id), on, year.flatten(),
                    pages.map(|p| p.first), pages.map(|p| p.last)
                ],
            )?;
            crate::verify::write_signed_copy(tx, &s(meeting_id))?;
            Ok(())
        })
    }
}

/// The minute-book pages of minutes being signed: the next free pages of the book (the
/// municipal year's, for `Year` numbering), as many as the book's copy of the signed minutes
/// takes. Returns the book's year (`None` for a continuous book) and the pages.
fn book_pages<E: std::fmt::Display>(
    tx: &Connection,
    m: &Meeting,
    signer_id: Uuid,
    on: NaiveDate,
    numbering: MinuteBookNumbering,
    count_pages: impl FnOnce(&MeetingRecord) -> std::result::Result<u32, E>,
) -> Result<(Option<NaiveDate>, BookPages)> {
    let mut rec = meeting_record(tx, m.id)?;
    rec.meeting.minutes_status = MinutesStatus::Signed;
    rec.meeting.signed_by_person_id = Some(signer_id);
    rec.meeting.signed_on = Some(on);
    if rec.person(signer_id).is_none() {
        rec.people.push(tx.query_row(
            "SELECT * FROM person WHERE id = ?1",
            [s(signer_id)],
            person_row,
        )?);
    }
    let count = count_pages(&rec).map_err(|e| {
        DomainError::Conflict(format!(
            "the minutes were not signed: the pages they take in the minute book could not be counted ({e})"
        ))
    })?;
    if count == 0 {
        return Err(DomainError::Conflict(
            "the minutes were not signed: the minute book's copy of them has no pages".into(),
        )
        .into());
    }
    let year = match numbering {
        MinuteBookNumbering::Year => Some(sequence_year(tx, m)?.2),
        MinuteBookNumbering::Continuous => None,
    };
    let last: u32 = tx.query_row(
        "SELECT coalesce(max(book_last_page), 0) FROM meeting WHERE book_year IS ?1 AND book_last_page IS NOT NULL",
        params![year],
        |r| r.get(0),
    )?;
    let first = last
        .checked_add(1)
        .ok_or_else(|| DomainError::Conflict("the minute book has no page numbers left".into()))?;
    let last = last
        .checked_add(count)
        .ok_or_else(|| DomainError::Conflict("the minute book has no page numbers left".into()))?;
    Ok((year, BookPages { first, last }))
}

/// Inserts a minute at the end of a draft meeting's minutes with the next number of its
/// sequence. With an agenda item and no heading typed, the heading follows the item's title.
fn insert_minute(
    tx: &Connection,
    meeting_id: Uuid,
    agenda_item_id: Option<Uuid>,
    heading: &str,
) -> Result<Minute> {
    let m = meeting(tx, meeting_id)?;
    require_drafting(&m, "adding a minute")?;
    let item = match agenda_item_id {
        Some(item_id) => Some(
            agenda(tx, meeting_id)?
                .into_iter()
                .find(|i| i.id == item_id)
                .ok_or_else(|| DomainError::not_found("Agenda item of this meeting", item_id))?,
        ),
        None => None,
    };
    let heading = match (&item, heading.trim()) {
        (Some(i), "") => i.title_en.clone(),
        (_, h) => validate::required_line("Minute heading", h, MAX_TITLE)?,
    };
    let heading_edited = item.as_ref().is_none_or(|i| i.title_en != heading);
    let (sequence_id, prefix, year_start) = sequence_year(tx, &m)?;
    let number = next_number(tx, sequence_id, year_start)?;
    let position = next_position(tx, Ordered::Minute, meeting_id)?;
    let minute = Minute {
        id: new_id(),
        meeting_id,
        agenda_item_id,
        sequence_id,
        year_start,
        number,
        label: numbering::label(&prefix, number),
        heading,
        tag: item.as_ref().map(|i| i.tag.clone()).unwrap_or_default(),
        exempt: item.as_ref().is_some_and(|i| i.part == ItemPart::Exempt),
        public_summary: String::new(),
        position,
        heading_edited,
    };
    tx.execute(
        "INSERT INTO minute (id, meeting_id, agenda_item_id, sequence_id, year_start, number, heading, tag, exempt, position, heading_edited)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            s(minute.id), s(meeting_id), opt(agenda_item_id), s(sequence_id), year_start, number,
            minute.heading, minute.tag, minute.exempt, position, heading_edited
        ],
    )?;
    Ok(minute)
}

/// The minute of the approving meeting that records the approval of `m`'s minutes: its
/// minute on the previous minutes, else a new one (of its "previous minutes" agenda item if
/// it has one) while its minutes are drafts.
fn approving_minute(tx: &Connection, m: &Meeting, at: &Meeting) -> Result<Uuid> {
    let existing: Option<String> = tx
        .query_row(
            "SELECT n.id FROM minute n JOIN agenda_item i ON i.id = n.agenda_item_id
             WHERE n.meeting_id = ?1 AND i.standing = 'previous_minutes' ORDER BY n.position LIMIT 1",
            [s(at.id)],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        return Uuid::parse_str(&id).map_err(|_| DomainError::not_found("Minute", &id).into());
    }
    if at.minutes_status != MinutesStatus::Drafting {
        return Err(DomainError::Conflict(format!(
            "the minutes of the meeting held on {} have no minute on the previous minutes and are no longer drafts, so the approval of the minutes of {} cannot be minuted there",
            house_style::long_date(at.date, Language::En),
            house_style::long_date(m.date, Language::En)
        ))
        .into());
    }
    let item: Option<String> = tx
        .query_row(
            "SELECT id FROM agenda_item WHERE meeting_id = ?1 AND standing = 'previous_minutes' ORDER BY position LIMIT 1",
            [s(at.id)],
            |r| r.get(0),
        )
        .optional()?;
    let item = item.and_then(|i| Uuid::parse_str(&i).ok());
    let heading = if item.is_some() { "" } else { "Minutes" };
    Ok(insert_minute(tx, at.id, item, heading)?.id)
}

/// Moves a minute of a draft meeting to another place. The meeting's numbers stay the same
/// set and follow the new order.
fn place_minute(
    tx: &Connection,
    meeting_id: Uuid,
    minute_id: Uuid,
    to_position: u32,
) -> Result<()> {
    let mut mins = minutes(tx, meeting_id)?;
    if to_position == 0 || to_position as usize > mins.len() {
        return Err(DomainError::invalid(
            "Position",
            format!("must be between 1 and {}", mins.len()),
        )
        .into());
    }
    let mut numbers: Vec<u32> = mins.iter().map(|x| x.number).collect();
    numbers.sort_unstable();
    let from = mins
        .iter()
        .position(|x| x.id == minute_id)
        .ok_or_else(|| DomainError::not_found("Minute of this meeting", minute_id))?;
    let moving = mins.remove(from);
    mins.insert(to_position as usize - 1, moving);
    tx.execute(
        "UPDATE minute SET number = number + 1000000, position = position + 1000000 WHERE meeting_id = ?1",
        [s(meeting_id)],
    )?;
    for (i, (x, n)) in mins.iter().zip(numbers).enumerate() {
        tx.execute(
            "UPDATE minute SET number = ?2, position = ?3 WHERE id = ?1",
            params![s(x.id), n, i as u32 + 1],
        )?;
    }
    Ok(())
}

fn transition(from: MinutesStatus, to: MinutesStatus) -> crate::StoreError {
    DomainError::Transition {
        what: "The minutes".into(),
        from: from.as_str().replace('_', " "),
        to: to.as_str().replace('_', " "),
    }
    .into()
}

fn renumber_limbs(tx: &Connection, minute_id: Uuid, map: impl Fn(u32) -> u32) -> Result<()> {
    let rows = resolutions(tx, minute_id)?;
    tx.execute(
        "UPDATE resolution SET limb = limb + 1000000 WHERE minute_id = ?1",
        [s(minute_id)],
    )?;
    for r in rows {
        let conditional = r.conditional_on.map(&map);
        tx.execute(
            "UPDATE resolution SET limb = ?2, conditional_on = ?3 WHERE id = ?1",
            params![s(r.id), map(r.limb), conditional],
        )?;
    }
    Ok(())
}

fn checked_block(c: &BlockContent) -> Result<BlockContent> {
    use validate::{optional_line, text};
    Ok(match c {
        BlockContent::Narrative { text: t } => BlockContent::Narrative {
            text: text("Paragraph", t, true)?,
        },
        BlockContent::Presentation {
            presenter_id,
            presenter,
            capacity,
            summary,
        } => BlockContent::Presentation {
            presenter_id: *presenter_id,
            presenter: validate::required_line("Presenter", presenter, validate::MAX_NAME)?,
            capacity: optional_line("Capacity", capacity, MAX_TITLE)?,
            summary: text("Presentation summary", summary, false)?,
        },
        BlockContent::Question {
            asked_by,
            asked_by_id,
            question,
            answered_by,
            answered_by_id,
            answer,
        } => BlockContent::Question {
            asked_by: validate::required_line("Asked by", asked_by, validate::MAX_NAME)?,
            asked_by_id: *asked_by_id,
            question: text("Question", question, true)?,
            answered_by: optional_line("Answered by", answered_by, validate::MAX_NAME)?,
            answered_by_id: *answered_by_id,
            answer: text("Answer", answer, false)?,
        },
    })
}

fn write_block(tx: &Connection, b: &Block, meeting_id: Uuid, insert: bool) -> Result<()> {
    // Columns: text = narrative / summary / question; person = presenter / asker.
    let (text, person_id, person_label, capacity, answer, answer_by_id, answer_by) =
        match &b.content {
            BlockContent::Narrative { text } => (
                text.clone(),
                None,
                String::new(),
                String::new(),
                String::new(),
                None,
                String::new(),
            ),
            BlockContent::Presentation {
                presenter_id,
                presenter,
                capacity,
                summary,
            } => (
                summary.clone(),
                *presenter_id,
                presenter.clone(),
                capacity.clone(),
                String::new(),
                None,
                String::new(),
            ),
            BlockContent::Question {
                asked_by,
                asked_by_id,
                question,
                answered_by,
                answered_by_id,
                answer,
            } => (
                question.clone(),
                *asked_by_id,
                asked_by.clone(),
                String::new(),
                answer.clone(),
                *answered_by_id,
                answered_by.clone(),
            ),
        };
    let sql = if insert {
        "INSERT INTO minute_block (id, minute_id, meeting_id, position, kind, text, person_id, person_label, capacity, answer, answer_by_id, answer_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    } else {
        "UPDATE minute_block SET kind = ?5, text = ?6, person_id = ?7, person_label = ?8, capacity = ?9, answer = ?10,
           answer_by_id = ?11, answer_by = ?12 WHERE id = ?1 AND minute_id = ?2 AND meeting_id = ?3 AND position = ?4"
    };
    tx.execute(
        sql,
        params![
            s(b.id),
            s(b.minute_id),
            s(meeting_id),
            b.position,
            b.content.kind().as_str(),
            text,
            opt(person_id),
            person_label,
            capacity,
            answer,
            opt(answer_by_id),
            answer_by
        ],
    )?;
    Ok(())
}
