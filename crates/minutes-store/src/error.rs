use std::path::PathBuf;

use minutes_core::{ApiError, DomainError, ErrorCode};

/// Everything that can go wrong in the store, each with a stable [`ErrorCode`].
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("{path} is not a Cofnod database: {detail}. Nothing was changed; choose another file, or restore a backup")]
    NotADatabase { path: PathBuf, detail: String },
    #[error("{path} was written by a newer version of Cofnod (schema version {found}; this version understands up to {supported}). Nothing was changed; install the newer version to open it")]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error(
        "the backup {path} cannot be restored: {detail}. The current database was not changed"
    )]
    BadBackup { path: PathBuf, detail: String },
    #[error("there is no database at {path}: {detail}. Nothing was created; check the name (a new database is made only by `cofnod init`, `cofnod demo`, an import or the app)")]
    Missing { path: PathBuf, detail: String },
    #[error("{path} is in a place Cofnod cannot write to (the file, its folder or the disk is read-only), so {doing} is not possible. Nothing was changed; it can still be read, or copied somewhere you can write to")]
    ReadOnlyPlace { path: PathBuf, doing: String },
    #[error("the database is in use: another Cofnod window or program is changing it and did not finish within {seconds} seconds, so {doing} was not done. Nothing was changed; try again when it has finished")]
    Busy { doing: String, seconds: u64 },
    #[error("{path} is open for reading only here, so {doing} is not possible through this connection. Nothing was changed")]
    ReadOnly { path: PathBuf, doing: String },
    /// An import refused: `at` is the JSON path of the element that could not be taken
    /// (`minutes[3].resolutions[0].text`), `source` the rule it broke.
    #[error("{at}: {source}. Nothing was imported")]
    Import { at: String, source: Box<StoreError> },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("migration failed: {0}")]
    Migration(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        source: std::io::Error,
    },
}

impl StoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::Domain(d) => d.code(),
            StoreError::Import { source, .. } => source.code(),
            StoreError::NotADatabase { .. } => ErrorCode::NotADatabase,
            StoreError::TooNew { .. } => ErrorCode::TooNew,
            StoreError::BadBackup { .. } => ErrorCode::BadBackup,
            StoreError::ReadOnly { .. } => ErrorCode::Conflict,
            StoreError::Missing { .. } => ErrorCode::NotFound,
            StoreError::ReadOnlyPlace { .. } => ErrorCode::ReadOnlyPlace,
            StoreError::Busy { .. } => ErrorCode::Locked,
            StoreError::Sqlite(_) | StoreError::Migration(_) => ErrorCode::Storage,
            StoreError::Io { .. } => ErrorCode::Io,
        }
    }
    pub fn to_api(&self) -> ApiError {
        ApiError {
            code: self.code(),
            message: self.to_string(),
        }
    }
    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        StoreError::Io {
            context: context.into(),
            source,
        }
    }
}

/// SQLite's refusals (constraints and our triggers' RAISE messages) become domain errors that
/// name the rule; anything else stays a storage error.
impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        if let rusqlite::Error::SqliteFailure(f, Some(msg)) = &e {
            if f.code == rusqlite::ErrorCode::ConstraintViolation {
                return StoreError::Domain(constraint_to_domain(msg));
            }
        }
        if let rusqlite::Error::SqliteFailure(f, _) = &e {
            if matches!(
                f.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            ) {
                return StoreError::Busy {
                    doing: "the change".into(),
                    seconds: crate::BUSY_TIMEOUT.as_secs(),
                };
            }
            if f.code == rusqlite::ErrorCode::NotADatabase {
                return StoreError::NotADatabase {
                    path: PathBuf::new(),
                    detail: "the file is not a SQLite database".into(),
                };
            }
        }
        StoreError::Sqlite(e)
    }
}

/// A refusal worded by the store itself, as the database's refusal with the same words would be.
pub(crate) fn refusal(msg: &str) -> StoreError {
    StoreError::Domain(constraint_to_domain(msg))
}

fn constraint_to_domain(msg: &str) -> DomainError {
    if msg.starts_with("signed minutes") {
        DomainError::Locked(msg.to_string())
    } else if msg.starts_with("UNIQUE constraint failed") {
        DomainError::Conflict(format!("that would duplicate an existing record ({msg})"))
    } else if msg.starts_with("FOREIGN KEY constraint failed") {
        DomainError::NotFound {
            what: "A record it refers to".into(),
            id: "(unknown id)".into(),
        }
    } else if msg.starts_with("CHECK constraint failed") {
        DomainError::invalid("Record", format!("breaks a rule of the record ({msg})"))
    } else {
        DomainError::Conflict(msg.to_string())
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
