//! The record read out: the register and the referrals on today's date, and the exports
//! (the register as CSV, a body's meetings as iCalendar, OParl JSON, a meeting as JSON).

use std::path::{Path, PathBuf};

use minutes_core::{ImportSummary, ReferralChain, RegisterPage, RegisterQuery, ResolutionPage};
use minutes_store::StoreError;
use uuid::Uuid;

use crate::{AppError, Council, FileKind, Output, Result, Save};

/// `value` as pretty JSON (`what` names it in the error).
pub fn to_json<T: serde::Serialize>(what: &'static str, value: &T) -> Result<String> {
    serde_json::to_string_pretty(value).map_err(|source| AppError::Json { what, source })
}

impl Council {
    /// Searches the resolutions register: the page of results the query asks for (25 from
    /// its offset unless it says) and whether more follow; "overdue" is judged on this
    /// council's today unless the query names a day.
    pub fn search_register(&self, query: &RegisterQuery) -> Result<RegisterPage> {
        let query = self.dated(query);
        self.write(|s| s.register_page(&query))
    }

    /// A resolution with its reason, minute, meeting and whole referral chain, each referral
    /// judged overdue or not on this council's today.
    pub fn resolution_page(&self, resolution_id: Uuid) -> Result<ResolutionPage> {
        let today = self.today();
        self.write(|s| s.resolution_page(resolution_id, today))
    }

    /// Referrals still open (made or received by `body_id`, or all), overdue first, on today's date.
    pub fn referrals_view(&self, body_id: Option<Uuid>) -> Result<Vec<ReferralChain>> {
        let today = self.today();
        self.write(|s| s.referrals_view(body_id, today))
    }

    fn dated(&self, query: &RegisterQuery) -> RegisterQuery {
        RegisterQuery {
            today: query.today.or(Some(self.today())),
            ..query.clone()
        }
    }

    /// Every resolution `query` finds (not only the first page of results), as CSV.
    pub fn register_csv(&self, query: &RegisterQuery, save: Save) -> Result<Option<PathBuf>> {
        let query = self.dated(query);
        let csv = self.read(|s| Ok(s.register_csv(&query)?))?;
        save(&Output {
            bytes: csv.into_bytes(),
            kind: FileKind::Csv,
            name: format!("Resolutions register {}.csv", self.today()),
            title: "Save the register as CSV",
            open: false,
        })
    }

    /// A body's meetings as an iCalendar file.
    pub fn meetings_ics(&self, body_id: Uuid, save: Save) -> Result<Option<PathBuf>> {
        let now = self.clock().now();
        let (ics, body) = self.read(|s| Ok((s.meetings_ics(body_id, now)?, s.body(body_id)?)))?;
        save(&Output {
            bytes: ics.into_bytes(),
            kind: FileKind::Ics,
            name: format!("{} meetings.ics", body.name_en),
            title: "Save the meetings calendar",
            open: false,
        })
    }

    /// The record (or one body's meetings) as OParl 1.1-shaped JSON, its ids under `base_url`.
    pub fn oparl(
        &self,
        body_id: Option<Uuid>,
        base_url: &str,
        save: Save,
    ) -> Result<Option<PathBuf>> {
        let value = self.read(|s| Ok(s.oparl_export(base_url, body_id)?))?;
        save(&Output {
            bytes: (to_json("The OParl export", &value)? + "\n").into_bytes(),
            kind: FileKind::Json,
            name: "OParl export.json".to_string(),
            title: "Save the OParl export",
            open: false,
        })
    }

    /// A meeting's whole record (agenda, attendance, minutes, resolutions, referrals) as JSON.
    pub fn meeting_json(&self, meeting_id: Uuid, save: Save) -> Result<Option<PathBuf>> {
        let rec = self.read(|s| Ok(s.meeting_record(meeting_id)?))?;
        save(&Output {
            bytes: (to_json("The meeting", &rec)? + "\n").into_bytes(),
            kind: FileKind::Json,
            name: format!(
                "{} {} record.json",
                rec.body.name_en,
                rec.meeting.date.format("%Y-%m-%d")
            ),
            title: "Save the meeting's record",
            open: false,
        })
    }

    /// Imports a meeting's record as `cofnod export MEETING` wrote it (the JSON's bytes), in
    /// one transaction: its council, committee and people matched or created, every rule of
    /// the record applied. A file that breaks one is refused naming the JSON path and the rule,
    /// and nothing is written (`docs/import.md`).
    pub fn import_meeting(&self, json: &[u8]) -> Result<ImportSummary> {
        let rec = minutes_store::import::parse_meeting(json)?;
        self.write(|s| s.import_meeting(&rec))
    }

    /// Imports the meetings in `files` together, in one transaction: minutes approved at a
    /// meeting imported with them keep their approval and signature. An error names the file
    /// and the JSON path in it.
    pub fn import_files(&self, files: &[PathBuf]) -> Result<Vec<ImportSummary>> {
        let name = |p: &Path| p.display().to_string();
        let in_file = |p: &Path, e: StoreError| match e {
            StoreError::Import { at, source } => StoreError::Import {
                at: minutes_store::import::in_file(&name(p), &at),
                source,
            },
            other => other,
        };
        let mut records = Vec::with_capacity(files.len());
        for path in files {
            let bytes = std::fs::read(path)
                .map_err(|e| AppError::io(format!("Cannot read {}", name(path)), e))?;
            records
                .push(minutes_store::import::parse_meeting(&bytes).map_err(|e| in_file(path, e))?);
        }
        let names: Vec<String> = files.iter().map(|p| name(p)).collect();
        let named: Vec<(&str, &minutes_core::MeetingRecord)> = names
            .iter()
            .map(String::as_str)
            .zip(records.iter())
            .collect();
        self.write(|s| s.import_named(&named))
    }
}
