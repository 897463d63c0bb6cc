//! Importing a meeting: the [`MeetingRecord`] that `cofnod export MEETING` writes, read back
//! into this database (`docs/import.md`).
//!
//! Everything goes through the store's own writers (`add_body`, `add_meeting`, `add_minute`,
//! `add_resolution`...) inside one transaction ([`Store::atomically`]), so every rule the app
//! applies to a clerk's entry is applied to the file, and the database's triggers apply
//! anyway. Any refusal rolls the whole import back; its error names the JSON path of the
//! element being written ([`StoreError::Import`]).
//!
//! Ids are new: the file's ids only link its parts together.
//!
//! When the model gains a field, the lead adds it where the element is written below (each
//! writer call is marked with the JSON path it writes).

use std::collections::HashMap;

use chrono::Datelike;
use minutes_core::input::*;
use minutes_core::*;
use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use crate::read::{person_row, sequences};
use crate::rows::{opt, s};
use crate::{Result, Store, StoreError};

/// Reads a meeting's record from JSON; a value that cannot be read is refused naming its path.
pub fn parse_meeting(bytes: &[u8]) -> Result<MeetingRecord> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let (at, problem) = if inner.is_syntax() || inner.is_eof() {
            (
                "the file".to_string(),
                format!("is not valid JSON ({inner})"),
            )
        } else if path == "." {
            (
                "the file".to_string(),
                format!("is not a meeting's record ({inner})"),
            )
        } else {
            (path, format!("cannot be read ({inner})"))
        };
        StoreError::Import {
            at,
            source: Box::new(DomainError::invalid("JSON", problem).into()),
        }
    })
}

/// A JSON path in a named file: "FILE: minutes[3].text"; a fault of the whole file is the file's.
pub fn in_file(name: &str, at: &str) -> String {
    if at == "the file" {
        name.to_string()
    } else {
        format!("{name}: {at}")
    }
}

/// Wraps an error with the JSON path of the element it arose at.
fn at(path: impl Into<String>) -> impl FnOnce(StoreError) -> StoreError {
    let path = path.into();
    move |e| match e {
        already @ StoreError::Import { .. } => already,
        e => StoreError::Import {
            at: path,
            source: Box::new(e),
        },
    }
}

fn refuse(path: impl Into<String>, e: DomainError) -> StoreError {
    at(path)(e.into())
}

/// The file's ids and the ones they became here.
#[derive(Default)]
struct Ids {
    people: HashMap<Uuid, Uuid>,
    items: HashMap<Uuid, Uuid>,
    resolutions: HashMap<Uuid, Uuid>,
    declarations: HashMap<Uuid, Uuid>,
    minutes: HashMap<Uuid, Uuid>,
    referrals: HashMap<Uuid, Uuid>,
    blocks: HashMap<Uuid, Uuid>,
}

fn mapped(map: &HashMap<Uuid, Uuid>, id: Uuid, path: &str, what: &str) -> Result<Uuid> {
    map.get(&id).copied().ok_or_else(|| {
        refuse(
            path,
            DomainError::not_found(format!("{what} (it is not in the file)"), id),
        )
    })
}

fn mapped_opt(
    map: &HashMap<Uuid, Uuid>,
    id: Option<Uuid>,
    path: &str,
    what: &str,
) -> Result<Option<Uuid>> {
    id.map(|id| mapped(map, id, path, what)).transpose()
}

fn time(t: Option<chrono::NaiveTime>) -> Option<String> {
    t.map(|t| t.format("%H:%M:%S").to_string())
}

fn order(s: MinutesStatus) -> usize {
    MinutesStatus::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

impl Store {
    /// Imports one meeting's record in one transaction (see [`Store::import_meetings`]).
    pub fn import_meeting(&mut self, rec: &MeetingRecord) -> Result<ImportSummary> {
        let mut out = self.import_meetings(std::slice::from_ref(rec))?;
        out.pop()
            .ok_or_else(|| DomainError::invalid("Import", "the file holds no meeting").into())
    }

    /// Imports meetings' records, all in one transaction: all of them, or none. They are
    /// taken in date order, so a later meeting's minutes follow an earlier one's in the
    /// sequence; approvals and signatures are recorded once every meeting is in, so minutes
    /// approved at a meeting imported alongside them keep their status.
    pub fn import_meetings(&mut self, records: &[MeetingRecord]) -> Result<Vec<ImportSummary>> {
        let named: Vec<(&str, &MeetingRecord)> = records.iter().map(|r| ("", r)).collect();
        self.import_named(&named)
    }

    /// [`Store::import_meetings`] with a name for each record (its file), which an error
    /// puts before the JSON path.
    pub fn import_named(
        &mut self,
        records: &[(&str, &MeetingRecord)],
    ) -> Result<Vec<ImportSummary>> {
        let mut order_by_date: Vec<usize> = (0..records.len()).collect();
        order_by_date
            .sort_by_key(|&i| (records[i].1.meeting.date, records[i].1.meeting.start_time));
        let named = |i: usize| {
            let name = records[i].0;
            move |e: StoreError| match e {
                StoreError::Import { at, source } if !name.is_empty() => StoreError::Import {
                    at: in_file(name, &at),
                    source,
                },
                other => other,
            }
        };
        self.atomically(|store| {
            let mut done: Vec<(usize, Uuid, Ids, ImportSummary)> = Vec::new();
            for &i in &order_by_date {
                let (id, ids, summary) = store.import_one(records[i].1).map_err(named(i))?;
                done.push((i, id, ids, summary));
            }
            // Call-ins and implementations, once every meeting they link is in and
            // before any is signed (a signed scrutiny minute fixes the outcome it records).
            let meetings: HashMap<Uuid, (Uuid, usize)> = done
                .iter()
                .enumerate()
                .map(|(k, (i, id, _, _))| (records[*i].1.meeting.id, (*id, k)))
                .collect();
            for k in 0..done.len() {
                let i = done[k].0;
                let (calls, left_out) = store
                    .import_call_ins(records[i].1, k, &done, &meetings)
                    .map_err(named(i))?;
                done[k].3.call_ins = calls;
                done[k].3.call_ins_left_out = left_out;
            }
            for (i, meeting_id, ids, _) in &done {
                store
                    .import_approval(records[*i].1, *meeting_id, ids)
                    .map_err(named(*i))?;
            }
            done.sort_by_key(|d| d.0);
            Ok(done.into_iter().map(|d| d.3).collect())
        })
    }

    fn import_one(&mut self, rec: &MeetingRecord) -> Result<(Uuid, Ids, ImportSummary)> {
        let mut ids = Ids::default();
        let mut summary = ImportSummary {
            meeting_id: Uuid::nil(),
            body_name: rec.body.name_en.clone(),
            date: rec.meeting.date,
            minutes_status: rec.meeting.minutes_status,
            minutes: 0,
            resolutions: 0,
            people_created: 0,
            people_matched: 0,
            bodies_created: 0,
            referrals: 0,
            documents_left_out: rec.documents.len() as u32,
            executive_decisions: 0,
            call_ins: 0,
            call_ins_left_out: 0,
        };

        // authority
        self.import_authority(rec)?;

        // body
        if rec.meeting.body_id != rec.body.id {
            return Err(refuse(
                "meeting.body_id",
                DomainError::invalid("Committee", "is not the file's body"),
            ));
        }
        let body_id = self.import_body(rec, &rec.body, "body", &mut summary)?;

        // people[i]
        for (i, p) in rec.people.iter().enumerate() {
            let path = format!("people[{i}]");
            let found = self
                .conn()
                .query_row(
                    "SELECT * FROM person WHERE honorific = ?1 AND name = ?2 AND kind = ?3 ORDER BY rowid LIMIT 1",
                    params![p.honorific.trim(), p.name.trim(), p.kind.as_str()],
                    person_row,
                )
                .optional()?;
            let id = match found {
                Some(here) => {
                    if here.title != p.title.trim() {
                        return Err(refuse(
                            format!("{path}.title"),
                            DomainError::Conflict(format!(
                                "{} is described here as '{}', in the file as '{}'; correct one of them first",
                                here.display_name(),
                                here.title,
                                p.title
                            )),
                        ));
                    }
                    summary.people_matched += 1;
                    here.id
                }
                None => {
                    let new = self
                        .add_person(&NewPerson {
                            honorific: p.honorific.clone(),
                            name: p.name.clone(),
                            kind: p.kind,
                            title: p.title.clone(),
                        })
                        .map_err(at(&path))?;
                    if p.retired {
                        self.retire_person(new.id).map_err(at(&path))?;
                    }
                    summary.people_created += 1;
                    new.id
                }
            };
            if ids.people.insert(p.id, id).is_some() {
                return Err(refuse(
                    format!("{path}.id"),
                    DomainError::Conflict("two people in the file have the same id".into()),
                ));
            }
        }

        // memberships[i]
        for (i, m) in rec.memberships.iter().enumerate() {
            let path = format!("memberships[{i}]");
            if m.body_id != rec.body.id {
                return Err(refuse(
                    format!("{path}.body_id"),
                    DomainError::invalid("Membership", "is not of the file's body"),
                ));
            }
            let person_id = mapped(
                &ids.people,
                m.person_id,
                &format!("{path}.person_id"),
                "Person",
            )?;
            let same: bool = self
                .conn()
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM membership WHERE person_id = ?1 AND body_id = ?2 AND role = ?3
                       AND from_date = ?4 AND to_date IS ?5)",
                    params![s(person_id), s(body_id), m.role.as_str(), m.from, m.to],
                    |r| r.get(0),
                )?;
            if !same {
                self.add_membership(&NewMembership {
                    person_id,
                    body_id,
                    role: m.role,
                    from: m.from,
                    to: m.to,
                })
                .map_err(at(&path))?;
            }
        }

        // meeting
        let m = &rec.meeting;
        let existing: Option<String> = self
            .conn()
            .query_row(
                "SELECT id FROM meeting WHERE body_id = ?1 AND date = ?2 AND start_time IS ?3",
                params![s(body_id), m.date, m.start_time],
                |r| r.get(0),
            )
            .optional()?;
        if existing.is_some() {
            return Err(refuse(
                "meeting",
                DomainError::Conflict(format!(
                    "the meeting of {} on {}{} is already in this database",
                    rec.body.name_en,
                    house_style::long_date(m.date, Language::En),
                    m.start_time
                        .map(|t| format!(" at {}", t.format("%H:%M")))
                        .unwrap_or_default()
                )),
            ));
        }
        let meeting = self
            .add_meeting(&NewMeeting {
                body_id,
                kind: m.kind,
                date: m.date,
                start_time: time(m.start_time),
                end_time: time(m.end_time),
                venue: m.venue.clone(),
                mode: m.mode,
                joining_details: m.joining_details.clone(),
            })
            .map_err(at("meeting"))?;
        summary.meeting_id = meeting.id;

        // agenda[i]
        let mut agenda: Vec<(usize, &AgendaItem)> = rec.agenda.iter().enumerate().collect();
        agenda.sort_by_key(|(_, a)| a.position);
        for (n, (i, a)) in agenda.into_iter().enumerate() {
            let path = format!("agenda[{i}]");
            if a.position as usize != n + 1 {
                return Err(refuse(
                    format!("{path}.position"),
                    DomainError::invalid(
                        "Agenda item",
                        format!(
                            "item {} follows item {n}: items are numbered 1, 2, 3... without gaps",
                            a.position
                        ),
                    ),
                ));
            }
            let presenting_officer_id = mapped_opt(
                &ids.people,
                a.presenting_officer_id,
                &format!("{path}.presenting_officer_id"),
                "Presenting officer",
            )?;
            let item = self
                .add_agenda_item(
                    meeting.id,
                    &NewAgendaItem {
                        title_en: a.title_en.clone(),
                        title_cy: a.title_cy.clone(),
                        part: a.part,
                        exempt_paragraphs: a.exempt_paragraphs.clone(),
                        public_interest: a.public_interest.clone(),
                        origin: a.origin,
                        standing: a.standing,
                        tag: a.tag.clone(),
                        urgent_reason: a.urgent_reason.clone(),
                        presenting_officer_id,
                    },
                )
                .map_err(at(&path))?;
            if ids.items.insert(a.id, item.id).is_some() {
                return Err(refuse(
                    format!("{path}.id"),
                    DomainError::Conflict("two agenda items in the file have the same id".into()),
                ));
            }
        }

        // attendance[i]
        let mut seen = std::collections::HashSet::new();
        for (i, a) in rec.attendance.iter().enumerate() {
            let path = format!("attendance[{i}]");
            let person_id = mapped(
                &ids.people,
                a.person_id,
                &format!("{path}.person_id"),
                "Person",
            )?;
            if !seen.insert(person_id) {
                return Err(refuse(
                    format!("{path}.person_id"),
                    DomainError::Conflict(
                        "the person is already on the attendance record of this meeting".into(),
                    ),
                ));
            }
            let n = NewAttendance {
                person_id,
                status: a.status,
                substitute_for: mapped_opt(
                    &ids.people,
                    a.substitute_for,
                    &format!("{path}.substitute_for"),
                    "Member substituted for",
                )?,
                mode: a.mode,
                capacity: a.capacity,
                arrived_at_item: mapped_opt(
                    &ids.items,
                    a.arrived_at_item,
                    &format!("{path}.arrived_at_item"),
                    "Agenda item",
                )?,
                left_at_item: mapped_opt(
                    &ids.items,
                    a.left_at_item,
                    &format!("{path}.left_at_item"),
                    "Agenda item",
                )?,
                for_items: a
                    .for_items
                    .iter()
                    .enumerate()
                    .map(|(k, item)| {
                        mapped(
                            &ids.items,
                            *item,
                            &format!("{path}.for_items[{k}]"),
                            "Agenda item",
                        )
                    })
                    .collect::<Result<Vec<_>>>()?,
            };
            self.record_attendance(meeting.id, &n).map_err(at(&path))?;
        }

        // declarations[i]
        for (i, d) in rec.declarations.iter().enumerate() {
            let path = format!("declarations[{i}]");
            let n = NewDeclaration {
                person_id: mapped(
                    &ids.people,
                    d.person_id,
                    &format!("{path}.person_id"),
                    "Person",
                )?,
                agenda_item_id: mapped_opt(
                    &ids.items,
                    d.agenda_item_id,
                    &format!("{path}.agenda_item_id"),
                    "Agenda item",
                )?,
                kind: d.kind,
                nature: d.nature.clone(),
                action: d.action,
                dispensation: d.dispensation.clone(),
            };
            let new = self.add_declaration(meeting.id, &n).map_err(at(&path))?;
            ids.declarations.insert(d.id, new.id);
        }

        // dispensations[i]
        for (i, g) in rec.dispensations.iter().enumerate() {
            let path = format!("dispensations[{i}]");
            let declaration_id = mapped(
                &ids.declarations,
                g.declaration_id,
                &format!("{path}.declaration_id"),
                "Declaration",
            )?;
            self.set_dispensation(
                declaration_id,
                Some(&minutes_core::input::NewDispensation {
                    reference: g.reference.clone(),
                    scope: g.scope,
                    granted_by: g.granted_by.clone(),
                    granted_on: g.granted_on,
                    expires_on: g.expires_on,
                }),
            )
            .map_err(at(&path))?;
        }

        // documents[i]: the export carries no PDFs, so none are attached (docs/import.md).
        for (i, d) in rec.documents.iter().enumerate() {
            mapped(
                &ids.items,
                d.agenda_item_id,
                &format!("documents[{i}].agenda_item_id"),
                "Agenda item",
            )?;
        }

        // minutes[i]
        let (sequence, year_default) = {
            let a = self.authority().map_err(at("authority"))?;
            (
                self.body(body_id)?.sequence_id,
                (a.year_start_month, a.year_start_day),
            )
        };
        let mut minutes: Vec<(usize, &MinuteRecord)> = rec.minutes.iter().enumerate().collect();
        minutes.sort_by_key(|(_, m)| m.minute.position);
        for (n, (i, mr)) in minutes.into_iter().enumerate() {
            let path = format!("minutes[{i}]");
            let src = &mr.minute;
            if src.position as usize != n + 1 {
                return Err(refuse(
                    format!("{path}.minute.position"),
                    DomainError::invalid(
                        "Minute",
                        format!(
                            "position {} follows {n}: minutes are in order 1, 2, 3... without gaps",
                            src.position
                        ),
                    ),
                ));
            }
            // A municipal year that began on another day than the authority's usual one (the
            // date of its Annual Meeting) is recorded, as it was where the minutes were taken.
            if (src.year_start.month(), src.year_start.day()) != year_default {
                self.add_municipal_year(src.year_start)
                    .map_err(at(format!("{path}.minute.year_start")))?;
            }
            let item = mapped_opt(
                &ids.items,
                src.agenda_item_id,
                &format!("{path}.minute.agenda_item_id"),
                "Agenda item",
            )?;
            // A council that adopted Cofnod part way through a year: the year's first minute
            // here takes the file's running number (476, say), set as a clerk would set it.
            let standing = self
                .sequence_year(sequence, src.year_start)
                .map_err(at(format!("{path}.minute.number")))?;
            if standing.numbered == 0 && standing.next_number != src.number {
                self.set_sequence_start(sequence, src.year_start, src.number)
                    .map_err(at(format!("{path}.minute.number")))?;
            }
            let minute = self
                .add_minute(meeting.id, item, &src.heading)
                .map_err(at(format!("{path}.minute")))?;
            ids.minutes.insert(src.id, minute.id);
            if minute.number != src.number || minute.year_start != src.year_start {
                let next = if minute.year_start == src.year_start {
                    format!("the next number of its sequence here is {}", minute.label)
                } else {
                    format!(
                        "here the meeting falls in the municipal year that began on {}, in the file {}",
                        minute.year_start, src.year_start
                    )
                };
                let seq_name = sequences(self.conn())?
                    .into_iter()
                    .find(|q| q.id == sequence)
                    .map(|q| q.name)
                    .unwrap_or_default();
                return Err(refuse(
                    format!("{path}.minute.number"),
                    DomainError::Conflict(format!(
                        "minute {} cannot keep its number in the {seq_name} sequence: {next}. Minute numbers have no gaps and are never reused; import the meetings before it first",
                        src.label
                    )),
                ));
            }
            if minute.label != src.label {
                return Err(refuse(
                    format!("{path}.minute.label"),
                    DomainError::Conflict(format!(
                        "minute {} would be printed here as {}: the sequences' prefixes differ",
                        src.label, minute.label
                    )),
                ));
            }
            if minute.tag != src.tag || minute.exempt != src.exempt {
                return Err(refuse(
                    format!("{path}.minute"),
                    DomainError::Conflict(format!(
                        "minute {}'s tag and exempt flag must be its agenda item's",
                        src.label
                    )),
                ));
            }
            if !src.public_summary.is_empty() {
                self.set_public_summary(minute.id, &src.public_summary)
                    .map_err(at(format!("{path}.minute.public_summary")))?;
            }
            summary.minutes += 1;

            // minutes[i].blocks[j]
            let mut blocks: Vec<(usize, &Block)> = mr.blocks.iter().enumerate().collect();
            blocks.sort_by_key(|(_, b)| b.position);
            for (n, (j, b)) in blocks.into_iter().enumerate() {
                let path = format!("{path}.blocks[{j}]");
                if b.position as usize != n + 1 {
                    return Err(refuse(
                        format!("{path}.position"),
                        DomainError::invalid(
                            "Block",
                            "blocks are in order 1, 2, 3... without gaps",
                        ),
                    ));
                }
                let person = |id: Option<Uuid>, field: &str| {
                    mapped_opt(
                        &ids.people,
                        id,
                        &format!("{path}.content.{field}"),
                        "Person",
                    )
                };
                let content = match &b.content {
                    BlockContent::Narrative { text } => {
                        BlockContent::Narrative { text: text.clone() }
                    }
                    BlockContent::Presentation {
                        presenter_id,
                        presenter,
                        capacity,
                        summary,
                    } => BlockContent::Presentation {
                        presenter_id: person(*presenter_id, "presenter_id")?,
                        presenter: presenter.clone(),
                        capacity: capacity.clone(),
                        summary: summary.clone(),
                    },
                    BlockContent::Question {
                        asked_by,
                        asked_by_id,
                        question,
                        answered_by,
                        answered_by_id,
                        answer,
                    } => BlockContent::Question {
                        asked_by: asked_by.clone(),
                        asked_by_id: person(*asked_by_id, "asked_by_id")?,
                        question: question.clone(),
                        answered_by: answered_by.clone(),
                        answered_by_id: person(*answered_by_id, "answered_by_id")?,
                        answer: answer.clone(),
                    },
                };
                let new = self.add_block(minute.id, &content).map_err(at(&path))?;
                ids.blocks.insert(b.id, new.id);
            }

            // quorum_notes[k] of this minute: before its limbs, which it lets in.
            for (k, q) in rec
                .quorum_notes
                .iter()
                .enumerate()
                .filter(|(_, q)| q.minute_id == mr.minute.id)
            {
                self.set_quorum_note(minute.id, &q.note)
                    .map_err(at(format!("quorum_notes[{k}]")))?;
            }

            // minutes[i].resolutions[j]
            let mut limbs: Vec<(usize, &Resolution)> = mr.resolutions.iter().enumerate().collect();
            limbs.sort_by_key(|(_, r)| r.limb);
            for (n, (j, r)) in limbs.into_iter().enumerate() {
                let path = format!("{path}.resolutions[{j}]");
                if r.limb as usize != n + 1 {
                    return Err(refuse(
                        format!("{path}.limb"),
                        DomainError::invalid(
                            "Limb",
                            format!(
                                "({}) follows ({n}): limbs are numbered (1), (2), (3)... without gaps",
                                r.limb
                            ),
                        ),
                    ));
                }
                let new = self
                    .add_resolution(
                        minute.id,
                        &NewResolution {
                            keyword: Some(r.keyword),
                            text: r.text.clone(),
                            reason: r.reason.clone(),
                            conditional_on: r.conditional_on,
                            vote: r.vote.clone(),
                            reason_not_needed: r.reason_not_needed,
                        },
                    )
                    .map_err(|e| match e {
                        // Name the field the clerk would correct.
                        StoreError::Domain(DomainError::Invalid { ref field, .. })
                            if field == "Resolution" =>
                        {
                            at(format!("{path}.text"))(e)
                        }
                        StoreError::Domain(DomainError::Invalid { ref field, .. })
                            if field == "Reason" =>
                        {
                            at(format!("{path}.reason"))(e)
                        }
                        e => at(&path)(e),
                    })?;
                ids.resolutions.insert(r.id, new.id);
                summary.resolutions += 1;
                // votes[k] of this limb.
                for (k, v) in rec
                    .votes
                    .iter()
                    .enumerate()
                    .filter(|(_, v)| v.resolution_id == r.id)
                {
                    let vpath = format!("votes[{k}]");
                    let person = |id: Option<Uuid>, field: &str| {
                        mapped_opt(&ids.people, id, &format!("{vpath}.{field}"), "Person")
                    };
                    let members = v
                        .members
                        .iter()
                        .enumerate()
                        .map(|(m, vm)| {
                            Ok(VoteMember {
                                person_id: mapped(
                                    &ids.people,
                                    vm.person_id,
                                    &format!("{vpath}.members[{m}].person_id"),
                                    "Person",
                                )?,
                                choice: vm.choice,
                            })
                        })
                        .collect::<Result<Vec<_>>>()?;
                    let n = minutes_core::input::NewVote {
                        method: v.method,
                        votes_for: v.votes_for,
                        votes_against: v.votes_against,
                        abstentions: v.abstentions,
                        casting: v.casting,
                        casting_by: person(v.casting_by, "casting_by")?,
                        requested_by: person(v.requested_by, "requested_by")?,
                        members,
                    };
                    self.set_vote(new.id, Some(&n)).map_err(at(&vpath))?;
                }
            }
        }

        // votes[k] and quorum_notes[k] were taken with their limbs and minutes: one naming a
        // limb or minute the file does not hold is refused, not dropped.
        for (k, v) in rec.votes.iter().enumerate() {
            mapped(
                &ids.resolutions,
                v.resolution_id,
                &format!("votes[{k}].resolution_id"),
                "Resolution",
            )?;
        }
        for (k, q) in rec.quorum_notes.iter().enumerate() {
            if !rec.minutes.iter().any(|m| m.minute.id == q.minute_id) {
                return Err(refuse(
                    format!("quorum_notes[{k}].minute_id"),
                    DomainError::not_found("Minute (it is not in the file)", q.minute_id),
                ));
            }
        }

        // referrals[i]: taken as issued; what the target body did is its own meeting's record.
        for (i, f) in rec.referrals.iter().enumerate() {
            let path = format!("referrals[{i}]");
            let Some(from) = f.resolution_id else {
                continue;
            };
            let resolution_id = mapped(
                &ids.resolutions,
                from,
                &format!("{path}.resolution_id"),
                "Resolution",
            )?;
            let to_body_id = match f.to_body_id {
                None => None,
                Some(to) => {
                    let target = rec.body_named(to).ok_or_else(|| {
                        refuse(
                            format!("{path}.to_body_id"),
                            DomainError::not_found("Body (it is not in the file's bodies)", to),
                        )
                    })?;
                    Some(self.import_body(
                        rec,
                        target,
                        &format!("{path}.to_body_id"),
                        &mut summary,
                    )?)
                }
            };
            let new = self
                .add_referral(&NewReferral {
                    resolution_id: Some(resolution_id),
                    from_body_id: None,
                    to_body_id,
                    to_external: f.to_external.clone(),
                    purpose: f.purpose,
                    sent_on: f.sent_on,
                    response_due: Some(f.response_due),
                })
                .map_err(at(&path))?;
            ids.referrals.insert(f.id, new.id);
            summary.referrals += 1;
        }

        // executive_decisions[i]: as the file has them (its call-in window was computed then).
        for (i, e) in rec.executive_decisions.iter().enumerate() {
            let path = format!("executive_decisions[{i}]");
            let resolution_id = mapped(
                &ids.resolutions,
                e.resolution_id,
                &format!("{path}.resolution_id"),
                "Resolution",
            )?;
            crate::executive::insert_executive(
                self.conn(),
                &ExecutiveDecision {
                    resolution_id,
                    meeting_id: meeting.id,
                    ..e.clone()
                },
            )
            .map_err(at(&path))?;
            summary.executive_decisions += 1;
        }

        // decisions_notice: the day the notice of decisions was published.
        if let Some(n) = &rec.decisions_notice {
            self.mark_notice_published(meeting.id, n.published_on)
                .map_err(at("decisions_notice.published_on"))?;
        }

        // meeting.status, then meeting.minutes_status as far as draft published; approval and
        // signing follow once every meeting of the import is in (`import_approval`).
        let reached = MeetingStatus::ALL
            .iter()
            .position(|x| *x == m.status)
            .unwrap_or(0);
        for step in MeetingStatus::ALL.iter().take(reached + 1).skip(1) {
            self.set_meeting_status(meeting.id, *step)
                .map_err(at("meeting.status"))?;
        }
        if order(m.minutes_status) >= order(MinutesStatus::DraftPublished) {
            self.publish_draft(meeting.id)
                .map_err(at("meeting.minutes_status"))?;
        }
        Ok((meeting.id, ids, summary))
    }

    /// The authority: taken from the file into an empty database; otherwise it must be the
    /// same council.
    fn import_authority(&mut self, rec: &MeetingRecord) -> Result<()> {
        let a = &rec.authority;
        match self.authority() {
            Err(_) => {
                self.set_authority(a).map_err(at("authority"))?;
                self.set_document_languages(&a.documents)
                    .map(|_| ())
                    .map_err(at("authority.documents"))
            }
            Ok(here) => {
                let council = here.name_en.clone();
                let differs = |field: &str, here: String, file: String| -> Result<()> {
                    if here == file {
                        return Ok(());
                    }
                    Err(refuse(
                        format!("authority.{field}"),
                        DomainError::Conflict(format!(
                            "this database holds the record of {council} ({field} '{here}'), the file '{file}': a meeting is imported only into its own council's database"
                        )),
                    ))
                };
                differs(
                    "name_en",
                    here.name_en.clone(),
                    a.name_en.trim().to_string(),
                )?;
                differs(
                    "name_cy",
                    here.name_cy.clone(),
                    a.name_cy.trim().to_string(),
                )?;
                differs(
                    "jurisdiction",
                    here.jurisdiction.to_string(),
                    a.jurisdiction.to_string(),
                )?;
                differs(
                    "minute_book",
                    format!("{:?}", here.minute_book),
                    format!("{:?}", a.minute_book),
                )
            }
        }
    }

    /// A body of the file: the one of the same name here, which must agree with the file on
    /// what prints and how it numbers; or a new one, with its minute sequence.
    fn import_body(
        &mut self,
        rec: &MeetingRecord,
        b: &Body,
        path: &str,
        summary: &mut ImportSummary,
    ) -> Result<Uuid> {
        let file_seq = rec.sequences.iter().find(|q| q.id == b.sequence_id);
        let here: Option<Body> = self
            .bodies()?
            .into_iter()
            .find(|h| h.name_en.eq_ignore_ascii_case(b.name_en.trim()));
        if let Some(h) = here {
            let seq = sequences(self.conn())?
                .into_iter()
                .find(|q| q.id == h.sequence_id);
            let mut checks: Vec<(&str, String, String)> = vec![
                ("name_cy", h.name_cy.clone(), b.name_cy.trim().to_string()),
                ("kind", h.kind.to_string(), b.kind.to_string()),
                (
                    "chair_title",
                    h.chair_title.to_string(),
                    b.chair_title.to_string(),
                ),
                ("reasons", h.reasons.to_string(), b.reasons.to_string()),
            ];
            if let (Some(here_seq), Some(file_seq)) = (&seq, file_seq) {
                checks.push((
                    "sequence prefix",
                    here_seq.prefix.clone(),
                    file_seq.prefix.clone(),
                ));
                checks.push((
                    "sequence scope",
                    here_seq.scope.to_string(),
                    file_seq.scope.to_string(),
                ));
            }
            for (field, here_v, file_v) in checks {
                if here_v != file_v {
                    return Err(refuse(
                        path,
                        DomainError::Conflict(format!(
                            "{} here has {field} '{here_v}', the file '{file_v}'; make them agree before importing",
                            h.name_en
                        )),
                    ));
                }
            }
            return Ok(h.id);
        }
        // The sequence: the file's, found here by name or created; without it (an older
        // export) one of the body's own, with the prefix its minutes print.
        let wanted = match file_seq {
            Some(q) => NewSequence {
                name: q.name.clone(),
                prefix: q.prefix.clone(),
                scope: q.scope,
            },
            None => NewSequence {
                name: b.name_en.clone(),
                prefix: if b.id == rec.body.id {
                    rec.minutes
                        .first()
                        .map(|m| {
                            m.minute
                                .label
                                .trim_end_matches(|c: char| c.is_ascii_digit())
                                .to_string()
                        })
                        .unwrap_or_default()
                } else {
                    String::new()
                },
                scope: SequenceScope::Body,
            },
        };
        let sequence_id = match sequences(self.conn())?
            .into_iter()
            .find(|q| q.name == wanted.name)
        {
            Some(q) if q.prefix == wanted.prefix && q.scope == wanted.scope => q.id,
            Some(q) => {
                return Err(refuse(
                    format!("{path}.sequence_id"),
                    DomainError::Conflict(format!(
                        "the minute sequence '{}' here has prefix '{}' and scope {}, the file's prefix '{}' and scope {}",
                        q.name, q.prefix, q.scope, wanted.prefix, wanted.scope
                    )),
                ))
            }
            None => self.add_sequence(&wanted).map_err(at(format!("{path}.sequence_id")))?.id,
        };
        let new = self
            .add_body(&NewBody {
                name_en: b.name_en.clone(),
                name_cy: b.name_cy.clone(),
                kind: b.kind,
                default_keyword: Some(b.default_keyword),
                chair_title: b.chair_title,
                quorum: b.quorum,
                whip_declarations_required: Some(b.whip_declarations_required),
                reasons: b.reasons,
                sequence_id,
            })
            .map_err(at(path))?;
        summary.bodies_created += 1;
        Ok(new.id)
    }

    /// Approval (with its amendments) and signing, as the file records them. Minutes are
    /// approved at a later meeting of their body: that meeting must be in this database (or
    /// in the same import). Signing applies every rule a clerk's signing does: the signer
    /// presided where the minutes were approved; a loose-leaf book's pages must be the ones
    /// the file gives.
    fn import_approval(&mut self, rec: &MeetingRecord, meeting_id: Uuid, ids: &Ids) -> Result<()> {
        let m = &rec.meeting;
        if order(m.minutes_status) < order(MinutesStatus::Approved) {
            if !rec.amendments.is_empty() {
                return Err(refuse(
                    "amendments",
                    DomainError::invalid(
                        "Amendments",
                        "minutes not yet approved have no amendments",
                    ),
                ));
            }
            return self.import_translations(rec, meeting_id, ids, &HashMap::new());
        }
        let Some(at_ref) = &rec.approved_at else {
            return Err(refuse(
                "approved_at",
                DomainError::invalid(
                    "Approval",
                    "approved minutes must say the meeting that approved them",
                ),
            ));
        };
        let body_id = self.meeting(meeting_id)?.body_id;
        let found: Vec<String> = self
            .conn()
            .prepare("SELECT id FROM meeting WHERE body_id = ?1 AND date = ?2")?
            .query_map(params![s(body_id), at_ref.date], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let at_id = match found.as_slice() {
            [one] => Uuid::parse_str(one).map_err(|_| DomainError::not_found("Meeting", one))?,
            [] => {
                return Err(refuse(
                    "approved_at",
                    DomainError::Conflict(format!(
                        "the minutes were approved at the meeting of {} on {}, which is not in this database; import that meeting with this one (cofnod import FILE FILE)",
                        at_ref.body_name,
                        house_style::long_date(at_ref.date, Language::En)
                    )),
                ))
            }
            _ => {
                return Err(refuse(
                    "approved_at",
                    DomainError::Conflict(format!(
                        "{} has several meetings on {}; the approving one cannot be told apart",
                        at_ref.body_name,
                        house_style::long_date(at_ref.date, Language::En)
                    )),
                ))
            }
        };
        let mut amendments: Vec<&Amendment> = rec.amendments.iter().collect();
        amendments.sort_by_key(|a| a.position);
        self.approve_minutes(
            meeting_id,
            &Approval {
                at_meeting_id: at_id,
                amendments: amendments.iter().map(|a| a.text.clone()).collect(),
            },
        )
        .map_err(at("meeting.approved_at_meeting_id"))?;
        // The amendments were written in the file's order: their new ids, for translations[i].
        let written: Vec<String> = self
            .conn()
            .prepare("SELECT id FROM amendment WHERE meeting_id = ?1 ORDER BY position")?
            .query_map([s(meeting_id)], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut amendment_ids = HashMap::new();
        for (a, new) in amendments.iter().zip(written) {
            if let Ok(new) = Uuid::parse_str(&new) {
                amendment_ids.insert(a.id, new);
            }
        }
        // Translations before signing, which freezes them with the rest.
        self.import_translations(rec, meeting_id, ids, &amendment_ids)?;
        if m.minutes_status != MinutesStatus::Signed {
            return Ok(());
        }
        let (Some(signer), Some(on)) = (m.signed_by_person_id, m.signed_on) else {
            return Err(refuse(
                "meeting.signed_by_person_id",
                DomainError::invalid(
                    "Signature",
                    "signed minutes must say who signed them and when",
                ),
            ));
        };
        let signer = mapped(&ids.people, signer, "meeting.signed_by_person_id", "Signer")?;
        let pages = m.book_pages;
        self.sign_minutes(meeting_id, signer, on, |_| match pages {
            Some(p) if p.last >= p.first => Ok(p.last - p.first + 1),
            _ => Err("the file gives no minute-book pages for them"),
        })
        .map_err(at("meeting.signed_by_person_id"))?;
        let here = self.meeting(meeting_id)?.book_pages;
        if here != pages {
            let show = |p: Option<BookPages>| {
                p.map(|p| format!("{}–{}", p.first, p.last))
                    .unwrap_or_else(|| "none".into())
            };
            return Err(refuse(
                "meeting.book_pages",
                DomainError::Conflict(format!(
                    "the minutes take minute-book pages {} in the file but would take {} here",
                    show(pages),
                    show(here)
                )),
            ));
        }
        Ok(())
    }
}

type Done = (usize, Uuid, Ids, ImportSummary);

impl Store {
    /// translations[i]: each the other language of one of the file's texts, named by its new
    /// id. A translation of a text the file does not hold is refused; one of an amendment
    /// this meeting agreed to earlier minutes belongs to those minutes' record and is left
    /// to their import.
    fn import_translations(
        &mut self,
        rec: &MeetingRecord,
        meeting_id: Uuid,
        ids: &Ids,
        amendments: &HashMap<Uuid, Uuid>,
    ) -> Result<()> {
        for (i, t) in rec.translations.iter().enumerate() {
            let path = format!("translations[{i}]");
            let file_id = Uuid::parse_str(&t.source_id).map_err(|_| {
                refuse(
                    format!("{path}.source_id"),
                    DomainError::invalid("Translation", format!("'{}' is not an id", t.source_id)),
                )
            })?;
            let map = match t.source {
                TextSource::AgendaTitle => &ids.items,
                TextSource::MinuteHeading | TextSource::PublicSummary => &ids.minutes,
                TextSource::Narrative
                | TextSource::Presentation
                | TextSource::Question
                | TextSource::Answer => &ids.blocks,
                TextSource::Limb | TextSource::Reason => &ids.resolutions,
                TextSource::Amendment => amendments,
            };
            let new_id = match map.get(&file_id) {
                Some(id) => *id,
                None if t.source == TextSource::Amendment
                    && rec
                        .approvals
                        .iter()
                        .any(|a| a.amendments.iter().any(|x| x.id == file_id)) =>
                {
                    continue
                }
                None => {
                    return Err(refuse(
                        format!("{path}.source_id"),
                        DomainError::not_found(
                            format!("The {} translated (it is not in the file)", t.source),
                            file_id,
                        ),
                    ))
                }
            };
            crate::translate::insert_translation(
                self.conn(),
                meeting_id,
                &Translation {
                    source_id: s(new_id),
                    ..t.clone()
                },
            )
            .map_err(at(&path))?;
        }
        Ok(())
    }
}

impl Store {
    /// call_ins[i] and implementations[i] of one imported Cabinet meeting. A call-in is
    /// restored with its members and its chair's decision; an accepted one only when the
    /// scrutiny meeting that took it up was imported alongside (its item, minute, outcome and
    /// referral are that meeting's), otherwise it is left out and counted.
    fn import_call_ins(
        &mut self,
        rec: &MeetingRecord,
        k: usize,
        done: &[Done],
        meetings: &HashMap<Uuid, (Uuid, usize)>,
    ) -> Result<(u32, u32)> {
        let ids = &done[k].2;
        let (mut restored, mut left_out) = (0, 0);
        for (i, c) in rec.call_ins.iter().enumerate() {
            let path = format!("call_ins[{i}]");
            let resolution_id = mapped(
                &ids.resolutions,
                c.resolution_id,
                &format!("{path}.resolution_id"),
                "Resolution",
            )?;
            let scrutiny = match c.scrutiny_meeting_id {
                Some(s) => match meetings.get(&s) {
                    Some(found) => Some(*found),
                    None => {
                        left_out += 1;
                        continue;
                    }
                },
                None => None,
            };
            let mut members = Vec::new();
            for (j, p) in c.members.iter().enumerate() {
                members.push(mapped(
                    &ids.people,
                    *p,
                    &format!("{path}.members[{j}]"),
                    "Member",
                )?);
            }
            // The request is written as it was made (the window was open then).
            let cid = crate::rows::new_id();
            self.write(|tx| {
                tx.execute(
                    "INSERT INTO call_in (id, resolution_id, meeting_id, requested_on, grounds) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![s(cid), s(resolution_id), s(done[k].1), c.requested_on, c.grounds],
                )?;
                for p in &members {
                    tx.execute(
                        "INSERT INTO call_in_member (call_in_id, person_id) VALUES (?1, ?2)",
                        params![s(cid), s(*p)],
                    )?;
                }
                Ok(())
            })
            .map_err(at(&path))?;
            let (sid, sk) = match (c.status, scrutiny) {
                (CallInStatus::Requested, _) => {
                    restored += 1;
                    continue;
                }
                (CallInStatus::Rejected, _) | (_, None) => {
                    self.write(|tx| {
                        tx.execute(
                            "UPDATE call_in SET status = 'rejected', decided_by = ?2, decided_on = ?3, rejection_reason = ?4 WHERE id = ?1",
                            params![s(cid), c.decided_by, c.decided_on, c.rejection_reason],
                        )?;
                        Ok(())
                    })
                    .map_err(at(&path))?;
                    restored += 1;
                    continue;
                }
                (_, Some(found)) => found,
            };
            let theirs = &done[sk].2;
            let item = mapped_opt(
                &theirs.items,
                c.agenda_item_id,
                &format!("{path}.agenda_item_id"),
                "Agenda item",
            )?;
            let minute = mapped_opt(
                &theirs.minutes,
                c.scrutiny_minute_id,
                &format!("{path}.scrutiny_minute_id"),
                "Minute",
            )?;
            let referral = c
                .referral_id
                .and_then(|r| theirs.referrals.get(&r).copied());
            // The reconsidering minute, when its meeting came in too.
            let reconsidered = c
                .reconsidered_minute_id
                .and_then(|m| done.iter().find_map(|d| d.2.minutes.get(&m).copied()));
            self.write(|tx| {
                tx.execute(
                    "UPDATE call_in SET status = 'accepted', decided_by = ?2, decided_on = ?3,
                       scrutiny_meeting_id = ?4, agenda_item_id = ?5 WHERE id = ?1",
                    params![s(cid), c.decided_by, c.decided_on, s(sid), opt(item)],
                )?;
                if c.status == CallInStatus::Considered {
                    tx.execute(
                        "UPDATE call_in SET status = 'considered', outcome = ?2, concerns = ?3,
                           scrutiny_minute_id = ?4, referral_id = ?5, reconsidered_minute_id = ?6 WHERE id = ?1",
                        params![
                            s(cid), c.outcome.map(|o| o.as_str()), c.concerns, opt(minute), opt(referral),
                            opt(reconsidered)
                        ],
                    )?;
                }
                Ok(())
            })
            .map_err(at(&path))?;
            restored += 1;
        }
        for (i, m) in rec.implementations.iter().enumerate() {
            let path = format!("implementations[{i}]");
            let resolution_id = mapped(
                &ids.resolutions,
                m.resolution_id,
                &format!("{path}.resolution_id"),
                "Resolution",
            )?;
            self.implement_decision(resolution_id, m.implemented_on)
                .map_err(at(&path))?;
        }
        Ok((restored, left_out))
    }
}
