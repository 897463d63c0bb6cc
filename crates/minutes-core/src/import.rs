//! What an import of a meeting's record reports back.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::model::MinutesStatus;

/// One meeting imported: where it went and what was made of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportSummary {
    /// The meeting's id in this database (ids are new; the file's are not kept).
    pub meeting_id: Uuid,
    pub body_name: String,
    pub date: NaiveDate,
    pub minutes_status: MinutesStatus,
    pub minutes: u32,
    pub resolutions: u32,
    pub people_created: u32,
    pub people_matched: u32,
    pub bodies_created: u32,
    pub referrals: u32,
    /// Reports and appendices the file lists but does not carry (an export holds no PDFs):
    /// their agenda items are imported without them.
    pub documents_left_out: u32,
    /// Executive decisions restored (Cabinet meetings).
    #[serde(default)]
    pub executive_decisions: u32,
    /// Call-ins restored, and those left out because the scrutiny meeting that considered
    /// them is not in this database's import (import its file with this one to keep them).
    #[serde(default)]
    pub call_ins: u32,
    #[serde(default)]
    pub call_ins_left_out: u32,
}
