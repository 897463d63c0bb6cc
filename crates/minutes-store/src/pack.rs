//! Agenda packs: the authority's front-sheet wording, each meeting's front-sheet details, the
//! packs issued for a meeting (the agenda, then supplements continuing its page numbers), and
//! the [`PackInput`] a pack is printed from.

use chrono::NaiveDate;
use minutes_core::pack::*;
use minutes_core::validate::{optional_line, required_line, text};
use minutes_core::DomainError;
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use crate::read::{meeting, pack_issues};
use crate::rows::{new_id, s};
use crate::{Result, Store};

const MAX_LINE: usize = 300;

fn settings_row(conn: &Connection) -> Result<PackSettings> {
    Ok(conn
        .query_row(
            "SELECT pack_title_en, pack_title_cy, accessibility_en, accessibility_cy,
                    welsh_language_en, welsh_language_cy FROM pack_settings",
            [],
            |r| {
                Ok(PackSettings {
                    pack_title_en: r.get(0)?,
                    pack_title_cy: r.get(1)?,
                    accessibility_en: r.get(2)?,
                    accessibility_cy: r.get(3)?,
                    welsh_language_en: r.get(4)?,
                    welsh_language_cy: r.get(5)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

impl Store {
    /// The authority's agenda-pack wording ("Public Document Pack" until it is set).
    pub fn pack_settings(&self) -> Result<PackSettings> {
        settings_row(self.conn())
    }

    pub fn set_pack_settings(&mut self, p: &PackSettings) -> Result<()> {
        let p = PackSettings {
            pack_title_en: required_line("Pack title", &p.pack_title_en, 200)?,
            pack_title_cy: optional_line("Welsh pack title", &p.pack_title_cy, 200)?,
            accessibility_en: text("Accessibility line", &p.accessibility_en, false)?,
            accessibility_cy: text("Welsh accessibility line", &p.accessibility_cy, false)?,
            welsh_language_en: text("Welsh-language line", &p.welsh_language_en, false)?,
            welsh_language_cy: text("Welsh Welsh-language line", &p.welsh_language_cy, false)?,
        };
        for (field, v) in [
            ("Accessibility line", &p.accessibility_en),
            ("Welsh accessibility line", &p.accessibility_cy),
            ("Welsh-language line", &p.welsh_language_en),
            ("Welsh Welsh-language line", &p.welsh_language_cy),
        ] {
            let n = v.chars().count();
            if n > 2000 {
                return Err(DomainError::invalid(
                    field,
                    format!("is {n} characters long; the most allowed is 2000"),
                )
                .into());
            }
        }
        self.write(|tx| {
            tx.execute(
                "INSERT INTO pack_settings (singleton, pack_title_en, pack_title_cy, accessibility_en,
                     accessibility_cy, welsh_language_en, welsh_language_cy)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (singleton) DO UPDATE SET pack_title_en = excluded.pack_title_en,
                     pack_title_cy = excluded.pack_title_cy, accessibility_en = excluded.accessibility_en,
                     accessibility_cy = excluded.accessibility_cy, welsh_language_en = excluded.welsh_language_en,
                     welsh_language_cy = excluded.welsh_language_cy",
                params![
                    p.pack_title_en,
                    p.pack_title_cy,
                    p.accessibility_en,
                    p.accessibility_cy,
                    p.welsh_language_en,
                    p.welsh_language_cy
                ],
            )?;
            Ok(())
        })
    }

    /// A meeting's front-sheet details (empty until set).
    pub fn meeting_pack_info(&self, meeting_id: Uuid) -> Result<MeetingPackInfo> {
        meeting(self.conn(), meeting_id)?;
        Ok(self
            .conn()
            .query_row(
                "SELECT contact_officer, contact_details, agenda_published_on FROM meeting_pack
                 WHERE meeting_id = ?1",
                [s(meeting_id)],
                |r| {
                    Ok(MeetingPackInfo {
                        meeting_id,
                        contact_officer: r.get(0)?,
                        contact_details: r.get(1)?,
                        agenda_published_on: r.get(2)?,
                    })
                },
            )
            .optional()?
            .unwrap_or_else(|| MeetingPackInfo::empty(meeting_id)))
    }

    pub fn set_meeting_pack_info(&mut self, info: &MeetingPackInfo) -> Result<()> {
        let officer = optional_line("Contact officer", &info.contact_officer, MAX_LINE)?;
        let details = optional_line("Contact details", &info.contact_details, MAX_LINE)?;
        self.write(|tx| {
            meeting(tx, info.meeting_id)?;
            tx.execute(
                "INSERT INTO meeting_pack (meeting_id, contact_officer, contact_details, agenda_published_on)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (meeting_id) DO UPDATE SET contact_officer = excluded.contact_officer,
                     contact_details = excluded.contact_details,
                     agenda_published_on = excluded.agenda_published_on",
                params![s(info.meeting_id), officer, details, info.agenda_published_on],
            )?;
            Ok(())
        })
    }

    /// The packs issued for a meeting: the agenda (number 0), then its supplements.
    pub fn pack_issues(&self, meeting_id: Uuid) -> Result<Vec<PackIssue>> {
        pack_issues(self.conn(), meeting_id)
    }

    /// What a pack is printed from. For a supplement: the documents attached since the
    /// packs already issued, numbered on from the last page issued. A supplement needs the
    /// agenda issued first and at least one new document.
    pub fn pack_input(&self, meeting_id: Uuid, supplement: bool) -> Result<PackInput> {
        let record = self.meeting_record(meeting_id)?;
        let settings = self.pack_settings()?;
        let info = self.meeting_pack_info(meeting_id)?;
        let supplement = if supplement {
            let issued = self.pack_issues(meeting_id)?;
            let Some(last) = issued.last() else {
                return Err(DomainError::Conflict(
                    "the agenda pack has not been issued yet, so there is nothing to supplement; \
                     issue the agenda pack first"
                        .into(),
                )
                .into());
            };
            let mut items = record.agenda.clone();
            items.sort_by_key(|i| i.position);
            let mut docs = record.documents.clone();
            docs.sort_by_key(|d| {
                (
                    items
                        .iter()
                        .position(|i| i.id == d.agenda_item_id)
                        .unwrap_or(usize::MAX),
                    d.position,
                )
            });
            let new: Vec<Uuid> = docs
                .iter()
                .filter(|d| {
                    !issued
                        .iter()
                        .any(|i| i.documents.iter().any(|p| p.document_id == d.id))
                })
                .map(|d| d.id)
                .collect();
            if new.is_empty() {
                return Err(DomainError::Conflict(
                    "no report or appendix has been attached since the last pack was issued".into(),
                )
                .into());
            }
            Some(SupplementInput {
                number: last.number + 1,
                first_page: issued.iter().map(|i| i.last_page).max().unwrap_or(0) + 1,
                documents: new,
            })
        } else {
            None
        };
        Ok(PackInput {
            record,
            settings,
            info,
            supplement,
        })
    }

    /// Records a pack as issued: the agenda (number 0, which also sets the date the agenda was
    /// published, if unset) or a supplement, with the pages each document took. Issued packs
    /// are never changed.
    pub fn record_pack_issue(
        &mut self,
        meeting_id: Uuid,
        number: u32,
        issued_on: NaiveDate,
        pages: (u32, u32),
        documents: &[PackedDocument],
    ) -> Result<PackIssue> {
        let (first_page, last_page) = pages;
        if first_page == 0 || last_page < first_page {
            return Err(DomainError::invalid(
                "Pack pages",
                format!("{first_page} to {last_page} is not a range of pages"),
            )
            .into());
        }
        for d in documents {
            if d.first_page < first_page || d.last_page > last_page || d.last_page < d.first_page {
                return Err(DomainError::invalid(
                    "Pack pages",
                    format!(
                        "a document on pages {} to {} lies outside the pack's pages {first_page} to {last_page}",
                        d.first_page, d.last_page
                    ),
                )
                .into());
            }
        }
        self.write(|tx| {
            meeting(tx, meeting_id)?;
            let existing = pack_issues(tx, meeting_id)?;
            let expected = existing.last().map_or(0, |i| i.number + 1);
            if number != expected {
                return Err(DomainError::Conflict(format!(
                    "the next pack issued for this meeting is number {expected}, not {number}"
                ))
                .into());
            }
            if let Some(last) = existing.iter().map(|i| i.last_page).max() {
                if first_page <= last {
                    return Err(DomainError::Conflict(format!(
                        "a supplement continues the pack's page numbers from page {}",
                        last + 1
                    ))
                    .into());
                }
            }
            let issue = PackIssue {
                id: new_id(),
                meeting_id,
                number,
                issued_on,
                first_page,
                last_page,
                documents: documents.to_vec(),
            };
            tx.execute(
                "INSERT INTO pack_issue (id, meeting_id, number, issued_on, first_page, last_page)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![s(issue.id), s(meeting_id), number, issued_on, first_page, last_page],
            )?;
            for d in documents {
                let here: Option<String> = tx
                    .query_row(
                        "SELECT meeting_id FROM document WHERE id = ?1",
                        [s(d.document_id)],
                        |r| r.get(0),
                    )
                    .optional()?;
                if here.as_deref() != Some(s(meeting_id).as_str()) {
                    return Err(DomainError::not_found("Document of this meeting", d.document_id).into());
                }
                tx.execute(
                    "INSERT INTO pack_issue_document (issue_id, document_id, first_page, last_page)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![s(issue.id), s(d.document_id), d.first_page, d.last_page],
                )?;
            }
            if number == 0 {
                tx.execute(
                    "INSERT INTO meeting_pack (meeting_id, agenda_published_on) VALUES (?1, ?2)
                     ON CONFLICT (meeting_id) DO UPDATE
                     SET agenda_published_on = coalesce(agenda_published_on, excluded.agenda_published_on)",
                    params![s(meeting_id), issued_on],
                )?;
            }
            Ok(issue)
        })
    }
}
