//! Full-text search over agenda titles, minute headings and text, resolutions and reasons.
//! What the user types is taken as words, never as FTS5 syntax: quotes, stars, NEAR( and
//! minus signs are searched for as the words around them.

use minutes_core::*;
use rusqlite::params;

use crate::rows::id;
use crate::{Result, Store};

/// The longest search text taken (1,000 characters): longer than any sentence a clerk would
/// look for, and short enough that a search stays a fraction of a second.
pub const MAX_SEARCH_CHARS: usize = 1_000;

/// Refuses search text longer than [`MAX_SEARCH_CHARS`], naming the limit (before any of it
/// is read as words).
pub(crate) fn check_search_text(input: &str) -> Result<()> {
    // Counting stops just past the limit: a huge paste is refused as fast as a short one.
    if input.chars().nth(MAX_SEARCH_CHARS).is_some() {
        return Err(DomainError::invalid(
            "Search",
            format!(
                "the text is longer than {MAX_SEARCH_CHARS} characters, the most a search takes; search for a few of its words"
            ),
        )
        .into());
    }
    Ok(())
}

/// The words of typed text: everything that is not a letter or digit separates words, so
/// FTS5 syntax characters (`"`, `*`, `-`, `:`, `^`, brackets) are never syntax.
pub(crate) fn fts_words(input: &str) -> Vec<String> {
    input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// Turns typed text into an FTS5 query: each word quoted, all required; the last word also
/// matches as a prefix so results can follow the typing. A word typed twice is asked for once
/// (FTS5's work grows with the square of repeated terms).
pub fn fts_query(input: &str) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    let words: Vec<String> = fts_words(input)
        .into_iter()
        .rev()
        .filter(|w| seen.insert(w.to_lowercase()))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .map(|w| format!("\"{w}\""))
        .collect();
    let (last, init) = words.split_last()?;
    let mut q = init.join(" ");
    if !q.is_empty() {
        q.push(' ');
    }
    q.push_str(last);
    q.push('*');
    Some(q)
}

impl Store {
    /// Searches the whole record; best matches first.
    pub fn search(&self, input: &str, limit: u32) -> Result<Vec<SearchHit>> {
        check_search_text(input)?;
        let Some(q) = fts_query(input) else {
            return Ok(Vec::new());
        };
        // A translation's document (migration 16) is of kind 'tr:' and its source: it is shown
        // as the kind of text it translates, in the language it is written in.
        let mut st = self.conn().prepare_cached(
            "SELECT d.base AS kind, d.meeting_id, b.name_en AS body_name, m.date,
                    snippet(search_fts, 0, '[', ']', '\u{2026}', 20) AS snip,
                    mn.number, q.prefix, coalesce(mn.heading, ai.title_en, '') AS heading,
                    CASE WHEN d.translated
                         THEN (SELECT CASE t.original WHEN 'cy' THEN 'en' ELSE 'cy' END FROM text_translation t
                               WHERE t.source = substr(d.kind, 4) AND t.source_id = d.ref_id)
                         ELSE (SELECT t.original FROM text_translation t
                               WHERE t.source_id = d.ref_id
                                 AND t.source = CASE d.base WHEN 'heading' THEN 'minute_heading' WHEN 'resolution' THEN 'limb'
                                                            WHEN 'reason' THEN 'reason' WHEN 'block' THEN bl.kind END)
                    END AS language
             FROM search_fts
             JOIN (SELECT rowid AS doc, kind, ref_id, meeting_id, kind GLOB 'tr:*' AS translated,
                          CASE WHEN kind GLOB 'tr:*' THEN
                              CASE substr(kind, 4) WHEN 'minute_heading' THEN 'heading' WHEN 'limb' THEN 'resolution'
                                                   WHEN 'reason' THEN 'reason' WHEN 'public_summary' THEN 'public_summary'
                                                   WHEN 'amendment' THEN 'amendment' ELSE 'block' END
                          ELSE kind END AS base
                   FROM search_doc) d ON d.doc = search_fts.rowid
             JOIN meeting m ON m.id = d.meeting_id
             JOIN body b ON b.id = m.body_id
             LEFT JOIN minute_block bl ON d.base = 'block' AND bl.id = d.ref_id
             LEFT JOIN resolution r ON d.base IN ('resolution', 'reason') AND r.id = d.ref_id
             LEFT JOIN minute mn ON mn.id = CASE d.base WHEN 'heading' THEN d.ref_id WHEN 'public_summary' THEN d.ref_id
                                                      WHEN 'block' THEN bl.minute_id
                                                      WHEN 'resolution' THEN r.minute_id WHEN 'reason' THEN r.minute_id END
             LEFT JOIN minute_sequence q ON q.id = mn.sequence_id
             LEFT JOIN agenda_item ai ON d.base = 'item' AND ai.id = d.ref_id
             WHERE search_fts MATCH ?1
             ORDER BY rank
             LIMIT ?2",
        )?;
        let rows = st.query_map(params![q, limit], |r| {
            let number: Option<u32> = r.get("number")?;
            let prefix: Option<String> = r.get("prefix")?;
            let language: Option<String> = r.get("language")?;
            Ok(SearchHit {
                kind: r.get("kind")?,
                meeting_id: id(r, "meeting_id")?,
                body_name: r.get("body_name")?,
                date: r.get("date")?,
                minute_label: number.map(|n| numbering::label(prefix.as_deref().unwrap_or(""), n)),
                heading: r.get("heading")?,
                snippet: r.get("snip")?,
                language: if language.as_deref() == Some("cy") {
                    Language::Cy
                } else {
                    Language::En
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn typed_syntax_is_words() {
        assert_eq!(fts_query("Cabinet").as_deref(), Some("\"Cabinet\"*"));
        assert_eq!(
            fts_query("\"mental -health NEAR(").as_deref(),
            Some("\"mental\" \"health\" \"NEAR\"*")
        );
        assert_eq!(fts_query(" * - \" ").as_deref(), None);
    }
}
