//! What a job can fail with, each with the stable [`ErrorCode`] the window and the command
//! line's exit codes are built on.

use minutes_core::{ApiError, DomainError, ErrorCode};
use minutes_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("The agenda pack was not printed: {0}")]
    Pack(#[from] minutes_pdf::PackError),
    #[error("The document was not printed: {0}")]
    Pdf(#[from] minutes_pdf::PdfError),
    #[error("{context}: {source}")]
    Io {
        context: String,
        source: std::io::Error,
    },
    #[error("{what} could not be written as JSON: {source}")]
    Json {
        what: &'static str,
        source: serde_json::Error,
    },
    /// `verify` found breaks in the record: how many, and the first.
    #[error("The record does not verify: {count} problem{plural} found, the first: {first}", plural = if *.count == 1 { "" } else { "s" })]
    Tampered { count: usize, first: String },
    /// A bug caught before it reached the window: the transaction it was in rolled back.
    #[error("Cofnod hit an internal error and did not save that change. Everything saved before it is safe.")]
    Internal,
}

impl AppError {
    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::Store(e) => e.code(),
            AppError::Pack(_) | AppError::Pdf(_) | AppError::Io { .. } => ErrorCode::Io,
            AppError::Json { .. } | AppError::Internal => ErrorCode::Storage,
            AppError::Tampered { .. } => ErrorCode::Tampered,
        }
    }

    /// What the window shows: the code it acts on and the message.
    pub fn to_api(&self) -> ApiError {
        ApiError {
            code: self.code(),
            message: self.to_string(),
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        AppError::Io {
            context: context.into(),
            source,
        }
    }
}

impl From<DomainError> for AppError {
    fn from(e: DomainError) -> Self {
        AppError::Store(e.into())
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        e.to_api()
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;
