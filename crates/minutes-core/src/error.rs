//! Errors of the domain rules, and the `{code, message}` shape every error takes at a boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A broken rule, worded for the clerk who broke it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// A field's value is not acceptable (empty, too long, malformed, out of range).
    #[error("{field}: {problem}")]
    Invalid { field: String, problem: String },
    /// Something named by id or name does not exist.
    #[error("{what} not found: {id}")]
    NotFound { what: String, id: String },
    /// The change would break a rule about the record as a whole (duplicate, wrong order...).
    #[error("{0}")]
    Conflict(String),
    /// The record is signed (or otherwise closed) and cannot change.
    #[error("{0}")]
    Locked(String),
    /// A status may not move this way.
    #[error("{what} cannot move from {from} to {to}")]
    Transition {
        what: String,
        from: String,
        to: String,
    },
}

impl DomainError {
    pub fn invalid(field: impl Into<String>, problem: impl Into<String>) -> Self {
        DomainError::Invalid {
            field: field.into(),
            problem: problem.into(),
        }
    }
    pub fn not_found(what: impl Into<String>, id: impl ToString) -> Self {
        DomainError::NotFound {
            what: what.into(),
            id: id.to_string(),
        }
    }
    pub fn code(&self) -> ErrorCode {
        match self {
            DomainError::Invalid { .. } => ErrorCode::Invalid,
            DomainError::NotFound { .. } => ErrorCode::NotFound,
            DomainError::Conflict(_) => ErrorCode::Conflict,
            DomainError::Locked(_) => ErrorCode::Locked,
            DomainError::Transition { .. } => ErrorCode::Transition,
        }
    }
}

/// Stable error codes: the UI and scripts act on these, never on the wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    Invalid,
    NotFound,
    Conflict,
    Locked,
    Transition,
    /// The file given as the database is not a SQLite database, or not Cofnod's.
    NotADatabase,
    /// The database was written by a newer version of Cofnod.
    TooNew,
    /// A backup failed its checks and was not restored.
    BadBackup,
    /// The database is in a place Cofnod cannot write to (a read-only file, folder or
    /// medium): it can be read, not changed.
    ReadOnlyPlace,
    /// `cofnod verify` found the record changed outside Cofnod.
    Tampered,
    /// The disk or SQLite failed underneath us.
    Storage,
    Io,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Invalid => "invalid",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Conflict => "conflict",
            ErrorCode::Locked => "locked",
            ErrorCode::Transition => "transition",
            ErrorCode::NotADatabase => "not_a_database",
            ErrorCode::TooNew => "too_new",
            ErrorCode::BadBackup => "bad_backup",
            ErrorCode::ReadOnlyPlace => "read_only_place",
            ErrorCode::Tampered => "tampered",
            ErrorCode::Storage => "storage",
            ErrorCode::Io => "io",
        }
    }
}

/// What an error looks like once it leaves Rust: a stable code and a sentence for a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}
