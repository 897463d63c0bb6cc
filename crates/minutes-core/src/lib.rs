//! Cofnod's domain core: the types of a council's committee record, the rules that make
//! minutes legally sound, and the house-style wording of the printed minutes.
//!
//! Nothing here does I/O: the store (`minutes-store`) persists these types in SQLite, the
//! PDF crate prints them, and the desktop shell and command line call both.
//!
//! Types that cross into the UI derive [`ts_rs::TS`]; `cargo test -p minutes-core` writes
//! their TypeScript twins to `ui/src/lib/ipc/bindings/` (see `tests/bindings.rs`).

pub mod call_in;
pub mod error;
pub mod front_sheet;
pub mod house_style;
pub mod import;
pub mod input;
pub mod labels;
pub mod lists;
pub mod model;
pub mod notice;
pub mod numbering;
pub mod pack;
pub mod quorum;
pub mod referral;
pub mod register;
pub mod render;
pub mod site;
pub mod tracker;
pub mod translation;
pub mod validate;
pub mod welsh;
pub mod welsh_search;
pub mod working_days;

pub use error::{ApiError, DomainError, ErrorCode};
pub use import::ImportSummary;
pub use lists::*;
pub use model::*;
pub use register::*;
