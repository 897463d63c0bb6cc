//! The bilingual record (migration 15): a meeting's printed texts with their other language.
//!
//! The original words stay where they always were; `text_translation` holds the other
//! language, the original language and the translation's status (see
//! `minutes_core::translation`). The Welsh of an agenda title is also written to
//! `agenda_item.title_cy`, which the agenda pack and the search read.

use minutes_core::translation;
use minutes_core::*;
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use crate::read::{meeting_record, translation_row};
use crate::rows::s;
use crate::{Result, Store};

/// The longest translation of a title or heading (the columns' own limit).
const TITLE_MAX: usize = 300;
/// The longest translation of any other text.
const TEXT_MAX: usize = 20_000;

/// "Minute 476's heading" from "Minute 476 – heading"; "Amendment 1" as it is.
fn possessive(context: &str) -> String {
    match context.split_once(" – ") {
        Some((place, what)) => format!("{place}'s {what}"),
        None => context.to_string(),
    }
}

/// The text as the meeting's list has it, or a refusal naming what is missing.
fn listed(
    conn: &Connection,
    meeting_id: Uuid,
    source: TextSource,
    source_id: &str,
) -> Result<(MeetingRecord, TranslatableText)> {
    let rec = meeting_record(conn, meeting_id)?;
    let found = translation::meeting_texts(&rec, Language::En)
        .into_iter()
        .find(|t| t.source == source && t.source_id == source_id);
    match found {
        Some(t) => Ok((rec, t)),
        None => {
            // A heading that follows its item's title is translated with the title.
            if source == TextSource::MinuteHeading {
                let follows = rec
                    .minutes
                    .iter()
                    .find(|m| m.minute.id.to_string() == source_id)
                    .and_then(|m| rec.heading_follows_title(&m.minute).map(|i| (m, i)));
                if let Some((m, item)) = follows {
                    let position = rec
                        .agenda
                        .iter()
                        .find(|i| i.id == item)
                        .map_or(0, |i| i.position);
                    return Err(DomainError::Conflict(format!(
                        "minute {}'s heading is its agenda item's title: translate the title of item {position} instead",
                        m.minute.label
                    ))
                    .into());
                }
            }
            Err(DomainError::not_found(
                format!("A text to translate ({source}) in this meeting"),
                source_id,
            )
            .into())
        }
    }
}

fn row(conn: &Connection, source: TextSource, source_id: &str) -> Result<Option<Translation>> {
    Ok(conn
        .query_row(
            "SELECT * FROM text_translation WHERE source = ?1 AND source_id = ?2",
            params![source.as_str(), source_id],
            translation_row,
        )
        .optional()?)
}

/// Keeps `agenda_item.title_cy` the Welsh of the title: the translation once done when the
/// title was written in English, the title itself when it was written in Welsh.
fn sync_title_cy(
    conn: &Connection,
    item_id: &str,
    t: &Translation,
    original_text: &str,
) -> Result<()> {
    let welsh = match (t.original, t.status) {
        (Language::Cy, _) => original_text,
        (Language::En, TranslationStatus::Done) => t.text.as_str(),
        (Language::En, _) => "",
    };
    conn.execute(
        "UPDATE agenda_item SET title_cy = ?2 WHERE id = ?1 AND title_cy IS NOT ?2",
        params![item_id, welsh],
    )?;
    Ok(())
}

fn write_row(conn: &Connection, meeting_id: Uuid, t: &Translation, exists: bool) -> Result<()> {
    if exists {
        conn.execute(
            "UPDATE text_translation SET original = ?3, status = ?4, text = ?5, translated_from = ?6
             WHERE source = ?1 AND source_id = ?2",
            params![
                t.source.as_str(),
                t.source_id,
                t.original.as_str(),
                t.status.as_str(),
                t.text,
                t.translated_from
            ],
        )?;
    } else {
        insert_translation(conn, meeting_id, t)?;
    }
    Ok(())
}

/// Inserts one translation row as given (the import's writer; the triggers check it).
pub(crate) fn insert_translation(
    conn: &Connection,
    meeting_id: Uuid,
    t: &Translation,
) -> Result<()> {
    conn.execute(
        "INSERT INTO text_translation (meeting_id, source, source_id, original, status, text, translated_from)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            s(meeting_id),
            t.source.as_str(),
            t.source_id,
            t.original.as_str(),
            t.status.as_str(),
            t.text,
            t.translated_from
        ],
    )?;
    Ok(())
}

/// The Welsh of a text written in English, once its translation is done; empty otherwise.
pub(crate) fn welsh_of(conn: &Connection, source: TextSource, source_id: Uuid) -> Result<String> {
    Ok(conn
        .query_row(
            "SELECT text FROM text_translation WHERE source = ?1 AND source_id = ?2
             AND status = 'done' AND original = 'en'",
            params![source.as_str(), s(source_id)],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_default())
}

impl Store {
    /// Every text of the meeting that prints, in document order, with its translation and
    /// status ([`translation::meeting_texts`]).
    pub fn meeting_texts(&self, meeting_id: Uuid) -> Result<Vec<TranslatableText>> {
        let rec = self.meeting_record(meeting_id)?;
        Ok(translation::meeting_texts(&rec, Language::En))
    }

    /// What to check before issuing the Welsh minutes or pack, or publishing the draft, of an
    /// authority that prints in Welsh: the texts still awaiting translation (or translated
    /// from words since changed), named. Warnings, not refusals; none for an English-only
    /// authority.
    pub fn translation_warnings(&self, meeting_id: Uuid) -> Result<Vec<String>> {
        let rec = self.meeting_record(meeting_id)?;
        Ok(translation::awaiting_warning(&translation::awaiting(&rec))
            .into_iter()
            .collect())
    }

    /// Records a text's translation and its status. A translation marked done must have
    /// words; it remembers the original it was made from, so a later change to the original
    /// shows it outdated. The Welsh of an agenda title is written to its Welsh title too.
    pub fn set_translation(
        &mut self,
        meeting_id: Uuid,
        source: TextSource,
        source_id: &str,
        text: &str,
        status: TranslationStatus,
    ) -> Result<TranslatableText> {
        let text = text.trim();
        self.write(|tx| {
            let (_, cur) = listed(tx, meeting_id, source, source_id)?;
            let other = cur.original.pick("Welsh", "English");
            if status == TranslationStatus::Done && text.is_empty() {
                return Err(DomainError::invalid(
                    "Translation",
                    format!("the {other} of {} is empty", possessive(&cur.context)),
                )
                .into());
            }
            let max = match source {
                TextSource::AgendaTitle | TextSource::MinuteHeading => TITLE_MAX,
                _ => TEXT_MAX,
            };
            if text.chars().count() > max {
                return Err(DomainError::invalid(
                    "Translation",
                    format!(
                        "the {other} of {} is longer than {max} characters",
                        possessive(&cur.context)
                    ),
                )
                .into());
            }
            let existing = row(tx, source, source_id)?;
            let t = Translation {
                source,
                source_id: source_id.to_string(),
                original: cur.original,
                status,
                text: text.to_string(),
                translated_from: if status == TranslationStatus::Done {
                    cur.original_text.clone()
                } else {
                    existing
                        .as_ref()
                        .map(|e| e.translated_from.clone())
                        .unwrap_or_default()
                },
            };
            write_row(tx, meeting_id, &t, existing.is_some())?;
            if source == TextSource::AgendaTitle {
                sync_title_cy(tx, source_id, &t, &cur.original_text)?;
            }
            let (_, now) = listed(tx, meeting_id, source, source_id)?;
            Ok(now)
        })
    }

    /// Records the language a text was written in. A done translation was made into the
    /// other language, so it awaits again when the original language changes (its words
    /// are kept for the clerk to rework).
    pub fn set_original_language(
        &mut self,
        meeting_id: Uuid,
        source: TextSource,
        source_id: &str,
        original: Language,
    ) -> Result<TranslatableText> {
        self.write(|tx| {
            let (_, cur) = listed(tx, meeting_id, source, source_id)?;
            let existing = row(tx, source, source_id)?;
            if existing.as_ref().map(|e| e.original) == Some(original)
                || (existing.is_none() && original == Language::En)
            {
                return Ok(cur);
            }
            let default_status = cur.status;
            let t = match existing.clone() {
                Some(e) => Translation {
                    original,
                    status: if e.status == TranslationStatus::Done {
                        TranslationStatus::Awaiting
                    } else {
                        e.status
                    },
                    ..e
                },
                None => Translation {
                    source,
                    source_id: source_id.to_string(),
                    original,
                    status: if default_status == TranslationStatus::Done {
                        TranslationStatus::Awaiting
                    } else {
                        default_status
                    },
                    text: String::new(),
                    translated_from: String::new(),
                },
            };
            write_row(tx, meeting_id, &t, existing.is_some())?;
            if source == TextSource::AgendaTitle {
                sync_title_cy(tx, source_id, &t, &cur.original_text)?;
            }
            let (_, now) = listed(tx, meeting_id, source, source_id)?;
            Ok(now)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::possessive;

    #[test]
    fn possessive_names_the_text() {
        assert_eq!(possessive("Minute 476 – heading"), "Minute 476's heading");
        assert_eq!(possessive("Amendment 2"), "Amendment 2");
    }
}
