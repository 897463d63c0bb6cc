//! Full-text search over agenda titles, minute headings and text, resolutions and reasons.
//! What the user types is taken as words, never as FTS5 syntax: quotes, stars, NEAR( and
//! minus signs are searched for as the words around them.

use minutes_core::*;
use rusqlite::params;

use crate::rows::id;
use crate::{Result, Store};

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
/// matches as a prefix so results can follow the typing.
pub fn fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = fts_words(input)
        .into_iter()
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
        let Some(q) = fts_query(input) else {
            return Ok(Vec::new());
        };
        let mut st = self.conn().prepare(
            "SELECT d.kind, d.meeting_id, b.name_en AS body_name, m.date,
                    snippet(search_fts, 0, '[', ']', '\u{2026}', 20) AS snip,
                    mn.number, q.prefix, coalesce(mn.heading, ai.title_en, '') AS heading
             FROM search_fts
             JOIN search_doc d ON d.rowid = search_fts.rowid
             JOIN meeting m ON m.id = d.meeting_id
             JOIN body b ON b.id = m.body_id
             LEFT JOIN minute_block bl ON d.kind = 'block' AND bl.id = d.ref_id
             LEFT JOIN resolution r ON d.kind IN ('resolution', 'reason') AND r.id = d.ref_id
             LEFT JOIN minute mn ON mn.id = CASE d.kind WHEN 'heading' THEN d.ref_id WHEN 'block' THEN bl.minute_id
                                                      WHEN 'resolution' THEN r.minute_id WHEN 'reason' THEN r.minute_id END
             LEFT JOIN minute_sequence q ON q.id = mn.sequence_id
             LEFT JOIN agenda_item ai ON d.kind = 'item' AND ai.id = d.ref_id
             WHERE search_fts MATCH ?1
             ORDER BY rank
             LIMIT ?2",
        )?;
        let rows = st.query_map(params![q, limit], |r| {
            let number: Option<u32> = r.get("number")?;
            let prefix: Option<String> = r.get("prefix")?;
            Ok(SearchHit {
                kind: r.get("kind")?,
                meeting_id: id(r, "meeting_id")?,
                body_name: r.get("body_name")?,
                date: r.get("date")?,
                minute_label: number.map(|n| numbering::label(prefix.as_deref().unwrap_or(""), n)),
                heading: r.get("heading")?,
                snippet: r.get("snip")?,
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
