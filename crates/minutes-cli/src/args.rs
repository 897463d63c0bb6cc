//! Arguments several commands share, defined once, and where their output goes.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use minutes_app::core::DomainError;
use minutes_app::{AppError, Council, Edition, Output};
use uuid::Uuid;

use crate::error::Result;

/// Which meeting: `MEETING [--body NAME]`.
#[derive(Args, Debug)]
pub struct MeetingArgs {
    /// Meeting id, the start of it, or its date (YYYY-MM-DD)
    pub meeting: String,
    /// Only meetings of this body (English or Welsh name)
    #[arg(long)]
    pub body: Option<String>,
}

impl MeetingArgs {
    pub fn find(&self, council: &Council) -> Result<Uuid> {
        Ok(council.write(|s| s.find_meeting(&self.meeting, self.body.as_deref()))?)
    }
}

/// Which copy: `[--welsh | --bilingual] [--confidential]`.
#[derive(Args, Debug)]
pub struct EditionArgs {
    /// Welsh labels (Cofnodion, Yn bresennol, PENDERFYNWYD...)
    #[arg(long)]
    pub welsh: bool,
    /// Both languages in one document, Welsh first: each section in Welsh, then in English
    #[arg(long, conflicts_with = "welsh")]
    pub bilingual: bool,
    /// Include exempt (part 2) matter: the confidential version
    #[arg(long)]
    pub confidential: bool,
}

impl EditionArgs {
    pub fn edition(&self) -> Edition {
        Edition::from_choice(self.welsh, self.bilingual, self.confidential)
    }
}

/// A body named on the command line (English or Welsh name).
pub fn body_id(council: &Council, name: Option<&str>) -> Result<Option<Uuid>> {
    Ok(name
        .map(|b| council.write(|s| s.body_by_name(b).map(|b| b.id)))
        .transpose()?)
}

pub fn uuid_arg(what: &str, text: &str) -> Result<Uuid> {
    Uuid::parse_str(text.trim())
        .map_err(|_| DomainError::invalid(what, format!("'{text}' is not an id")).into())
}

/// Writes `bytes` to standard output.
fn to_stdout(bytes: &[u8]) -> minutes_app::Result<()> {
    std::io::stdout()
        .lock()
        .write_all(bytes)
        .map_err(|e| AppError::io("writing to standard output", e))
}

/// Writes `text` to standard output.
pub fn print(text: &str) -> Result {
    Ok(to_stdout(text.as_bytes())?)
}

/// `value` as JSON on standard output.
pub fn print_json<T: serde::Serialize>(what: &'static str, value: &T) -> Result {
    print(&(minutes_app::exports::to_json(what, value)? + "\n"))
}

/// The save of a job's file: to `out`, or to standard output when there is none.
pub fn save_to(
    out: Option<&Path>,
) -> impl FnMut(&Output) -> minutes_app::Result<Option<PathBuf>> + '_ {
    move |o: &Output| match out {
        Some(path) => minutes_app::write_file(path, &o.bytes).map(Some),
        None => to_stdout(&o.bytes).map(|()| None),
    }
}

/// "Wrote FILE" when a file was written.
pub fn wrote(path: Option<PathBuf>) -> Result {
    match path {
        Some(p) => print(&format!("Wrote {}\n", p.display())),
        None => Ok(()),
    }
}
