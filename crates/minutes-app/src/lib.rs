//! Cofnod's application layer: one function per job a clerk does, composed once, so that the
//! desktop shell (`src-tauri`) and the command line (`minutes-cli`) each make one call and
//! nothing more.
//!
//! A [`Council`] is an open database: the one writer connection (every change is one
//! transaction, behind a lock), a read-only connection for each long job (printing a pack,
//! exporting the register), so a clerk's autosave never waits behind a 500-page print, and the
//! one [`Clock`] that says what "today" is. The jobs:
//! - printing: the minutes ([`Council::print_minutes`], as text [`Council::minutes_text`]),
//!   the agenda pack or a supplement with progress and cancel ([`Council::print_pack`],
//!   [`Council::cancel_pack`]), the recommendation tracker ([`Council::tracker`]);
//! - the record: signing with minute-book pages ([`Council::sign_minutes`]), attaching a
//!   report ([`Council::attach_report`]), the referrals and register read on today's date;
//! - the notice of decisions ([`Council::print_decisions_notice`], marking it published, the
//!   notices due and overdue) and the authority's working days ([`Council::calendar_year`]);
//! - exports: the register as CSV, a body's calendar, OParl, a meeting as JSON ([`exports`]);
//! - the first start: a new council set up in one go ([`Council::set_up_council`]) or the demo
//!   council ([`Council::load_demo`]), chosen through the desktop app's [`CouncilSlot`]; backup
//!   and restore.
//!
//! A file a job makes is handed to a [`Save`] the caller gives: the shell's save dialog, the
//! command line's `--out` file or standard output.
//!
//! Arrows: shell -> app, cli -> app; app -> (store, pdf) -> core.

mod call_in;
mod clock;
mod council;
mod demo;
mod error;
pub mod exports;
mod lists;
pub mod notice;
mod output;
pub mod preferences;
pub mod print;
pub mod publish;
mod start;
pub mod translate;

pub use clock::Clock;
pub use council::{guarded, Council};
pub use error::{AppError, Result};
pub use notice::NoticeFormat;
pub use output::{write_file, Edition, FileKind, Output, Save};
pub use preferences::Preferences;
pub use print::{PackJob, PackSaved, PrintedPack, TrackerFormat};
pub use start::CouncilSlot;

// What the callers name in their calls, so they need no other crate of ours.
pub use minutes_core as core;
pub use minutes_store::archive::{generate_archive, generate_archive_with_progress, ArchiveSpec};
pub use minutes_store::{
    default_database_path, BackupInfo, MeetingName, Problem, Store, StoreError, VerifyReport,
};
