//! Publishing the public website of the record: what the window and the command line ask
//! for, and what they hear back. The pages are worded by `minutes-site`; the job is composed in
//! the application layer.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// "Publish": the folder the site is written into, and the web address it will be served at
/// (the OParl data names every object by its full address).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PublishRequest {
    pub folder: String,
    /// "https://democracy.example.gov.uk/": where the folder will be served from.
    pub web_address: String,
    /// The window's own number for this job, which "Cancel" names (0: never cancelled).
    #[serde(default)]
    pub job: u32,
}

/// How far publishing has gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PublishProgress {
    /// Meetings read and written so far (those unchanged since the last publishing are
    /// counted without being read again).
    pub done: u32,
    pub total: u32,
    /// What it is doing: "meetings", "search", "open-data", "pages", "done".
    pub step: String,
}

/// What publishing did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PublishReport {
    /// The folder, as written.
    pub folder: String,
    /// Files the site holds.
    pub files: u32,
    /// Files written this time (new or changed).
    pub written: u32,
    /// Files left as they were.
    pub unchanged: u32,
    /// Files of the last publishing that the site no longer holds, removed.
    pub removed: u32,
    /// The site's size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    pub meetings: u32,
    /// Meetings whose record changed since the last publishing (all, the first time).
    pub meetings_changed: u32,
    /// Resolutions the public can read and search.
    pub resolutions: u32,
    /// Stopped by "Cancel": what was written is a consistent site of the meetings done so
    /// far; publishing again finishes it.
    pub cancelled: bool,
}
