//! A whole meeting read back as one [`MeetingRecord`]: what the minutes are printed from and
//! what `cofnod export` writes.

use minutes_core::render::{self, Visibility};
use minutes_core::*;
use uuid::Uuid;

use crate::read::{audit_row, meeting_record};
use crate::rows::s;
use crate::{Result, Store};

impl Store {
    pub fn meeting_record(&self, meeting_id: Uuid) -> Result<MeetingRecord> {
        meeting_record(self.conn(), meeting_id)
    }

    /// The minutes as text in the house style (English, public version).
    pub fn minutes_text(&self, meeting_id: Uuid) -> Result<String> {
        let rec = self.meeting_record(meeting_id)?;
        Ok(render::to_text(&render::minutes_document(
            &rec,
            Language::En,
            Visibility::Public,
        )))
    }

    /// Audit entries of one meeting, oldest first.
    pub fn audit_log(&self, meeting_id: Uuid) -> Result<Vec<AuditEntry>> {
        let mut st = self
            .conn()
            .prepare("SELECT * FROM audit_log WHERE meeting_id = ?1 ORDER BY seq")?;
        let rows = st.query_map([s(meeting_id)], audit_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
