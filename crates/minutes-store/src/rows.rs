//! Reading domain types out of rows: ids are stored as hyphenated text, enumerations as
//! their words, dates as ISO-8601.

use minutes_core::DomainError;
use rusqlite::Row;
use uuid::Uuid;

/// A new time-ordered id.
pub(crate) fn new_id() -> Uuid {
    Uuid::now_v7()
}

fn bad(e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
}

pub(crate) fn id(r: &Row, col: &str) -> rusqlite::Result<Uuid> {
    let s: String = r.get(col)?;
    Uuid::parse_str(&s).map_err(bad)
}

pub(crate) fn opt_id(r: &Row, col: &str) -> rusqlite::Result<Option<Uuid>> {
    let s: Option<String> = r.get(col)?;
    s.map(|s| Uuid::parse_str(&s).map_err(bad)).transpose()
}

pub(crate) fn word<T>(
    r: &Row,
    col: &str,
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
