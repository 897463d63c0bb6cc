//! The command line's errors and the exit codes a script can rely on (README: "Exit codes").

use minutes_app::core::{DomainError, ErrorCode};
use minutes_app::AppError;

/// Why a command failed. Every failure is a job's ([`AppError`]); the exit code comes from its
/// stable [`ErrorCode`]. (A wrong command line exits 2 through clap before any job runs.)
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct CliError(#[from] pub AppError);

impl From<DomainError> for CliError {
    fn from(e: DomainError) -> Self {
        CliError(e.into())
    }
}

impl From<minutes_app::StoreError> for CliError {
    fn from(e: minutes_app::StoreError) -> Self {
        CliError(e.into())
    }
}

impl CliError {
    pub fn code(&self) -> ErrorCode {
        self.0.code()
    }

    /// 1 the disk or SQLite failed, or the database's place is read-only and the command
    /// writes; 3 not found (a meeting, a body, the database file itself); 4 a value refused;
    /// 5 a rule of the record, or the database in use by another program past the wait
    /// (`locked`); 6 not a Cofnod database, too new, or a bad backup; 7 the record does not verify
    /// (`tampered`).
    pub fn exit_code(&self) -> u8 {
        match self.code() {
            ErrorCode::NotFound => 3,
            ErrorCode::Invalid => 4,
            ErrorCode::Conflict | ErrorCode::Locked | ErrorCode::Transition => 5,
            ErrorCode::NotADatabase | ErrorCode::TooNew | ErrorCode::BadBackup => 6,
            ErrorCode::Tampered => 7,
            ErrorCode::Storage | ErrorCode::Io | ErrorCode::ReadOnlyPlace => 1,
        }
    }
}

pub type Result<T = ()> = std::result::Result<T, CliError>;
