//! Reading domain types out of rows: ids are stored as hyphenated text, enumerations as
//! their words, dates as ISO-8601.

use minutes_core::DomainError;
use rusqlite::{Row, RowIndex};
use uuid::Uuid;

/// A new time-ordered id.
pub(crate) fn new_id() -> Uuid {
    Uuid::now_v7()
}

fn bad(e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
}

pub(crate) fn id(r: &Row, col: impl RowIndex) -> rusqlite::Result<Uuid> {
    let s: String = r.get(col)?;
    Uuid::parse_str(&s).map_err(bad)
}

pub(crate) fn opt_id(r: &Row, col: &str) -> rusqlite::Result<Option<Uuid>> {
    let s: Option<String> = r.get(col)?;
    s.map(|s| Uuid::parse_str(&s).map_err(bad)).transpose()
}

pub(crate) fn word<T>(
    r: &Row,
    col: impl RowIndex,
    parse: fn(&str) -> Result<T, DomainError>,
) -> rusqlite::Result<T> {
    let s: String = r.get(col)?;
    parse(&s).map_err(bad)
}

pub(crate) fn opt_word<T>(
    r: &Row,
    col: &str,
    parse: fn(&str) -> Result<T, DomainError>,
) -> rusqlite::Result<Option<T>> {
    let s: Option<String> = r.get(col)?;
    s.map(|s| parse(&s).map_err(bad)).transpose()
}

pub(crate) fn flag(r: &Row, col: &str) -> rusqlite::Result<bool> {
    Ok(r.get::<_, i64>(col)? != 0)
}

pub(crate) fn count(r: &Row, col: &str) -> rusqlite::Result<u32> {
    let n: i64 = r.get(col)?;
    u32::try_from(n).map_err(bad)
}

/// An optional id for binding.
pub(crate) fn opt(id: Option<Uuid>) -> Option<String> {
    id.map(|u| u.hyphenated().to_string())
}

pub(crate) fn s(id: Uuid) -> String {
    id.hyphenated().to_string()
}

/// A text column that may hold a list separated by commas.
pub(crate) fn list(r: &Row, col: &str) -> rusqlite::Result<Vec<String>> {
    let v: String = r.get(col)?;
    Ok(v.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect())
}

/// The rows kept in a 1-based order within their parent: agenda items in a meeting, minutes
/// in a meeting, blocks in a minute, documents under an agenda item.
#[derive(Clone, Copy)]
pub(crate) enum Ordered {
    AgendaItem,
    Minute,
    Block,
    Document,
}

impl Ordered {
    /// (table, parent column, what the clerk calls it). Fixed names, never user input.
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Ordered::AgendaItem => ("agenda_item", "meeting_id", "Agenda item"),
            Ordered::Minute => ("minute", "meeting_id", "Minute"),
            Ordered::Block => ("minute_block", "minute_id", "Block"),
            Ordered::Document => ("document", "agenda_item_id", "Document"),
        }
    }
}

/// The position after the last of a parent's rows: where a new one goes (1 for the first).
pub(crate) fn next_position(
    tx: &rusqlite::Connection,
    what: Ordered,
    parent: Uuid,
) -> crate::Result<u32> {
    let (table, parent_col, _) = what.names();
    Ok(tx.query_row(
        &format!("SELECT coalesce(max(position), 0) + 1 FROM {table} WHERE {parent_col} = ?1"),
        [s(parent)],
        |r| r.get(0),
    )?)
}

/// Moves a row to a new 1-based position among its siblings; the others close up around it.
pub(crate) fn reorder(
    tx: &rusqlite::Connection,
    what: Ordered,
    row_id: Uuid,
    to_position: u32,
) -> crate::Result<()> {
    use rusqlite::OptionalExtension;
    let (table, parent_col, name) = what.names();
    let parent: String = tx
        .query_row(
            &format!("SELECT {parent_col} FROM {table} WHERE id = ?1"),
            [s(row_id)],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| DomainError::not_found(name, row_id))?;
    let mut ids: Vec<String> = tx
        .prepare(&format!(
            "SELECT id FROM {table} WHERE {parent_col} = ?1 ORDER BY position"
        ))?
        .query_map([&parent], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if to_position == 0 || to_position as usize > ids.len() {
        return Err(DomainError::invalid(
            "Position",
            format!("must be between 1 and {}", ids.len()),
        )
        .into());
    }
    let me = s(row_id);
    ids.retain(|i| *i != me);
    ids.insert(to_position as usize - 1, me);
    // Two passes keep (parent, position) unique at every step.
    tx.execute(
        &format!("UPDATE {table} SET position = position + 100000 WHERE {parent_col} = ?1"),
        [&parent],
    )?;
    for (i, id) in ids.iter().enumerate() {
        tx.execute(
            &format!("UPDATE {table} SET position = ?2 WHERE id = ?1"),
            rusqlite::params![id, i as u32 + 1],
        )?;
    }
    Ok(())
}

/// Deletes a row kept in order among its siblings; the later ones close up.
pub(crate) fn remove_ordered(
    tx: &rusqlite::Connection,
    what: Ordered,
    row_id: Uuid,
) -> crate::Result<()> {
    use rusqlite::OptionalExtension;
    let (table, parent_col, name) = what.names();
    let (parent, position): (String, u32) = tx
        .query_row(
            &format!("SELECT {parent_col}, position FROM {table} WHERE id = ?1"),
            [s(row_id)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| DomainError::not_found(name, row_id))?;
    tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [s(row_id)])?;
    // Two passes keep (parent, position) unique at every step.
    tx.execute(
        &format!(
            "UPDATE {table} SET position = position + 100000 WHERE {parent_col} = ?1 AND position > ?2"
        ),
        rusqlite::params![parent, position],
    )?;
    tx.execute(
        &format!(
            "UPDATE {table} SET position = position - 100001 WHERE {parent_col} = ?1 AND position > 100000"
        ),
        [&parent],
    )?;
    Ok(())
}
