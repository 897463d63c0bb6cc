//! Printing jobs that need both the store and the PDF crate, so that the desktop app and the
//! command line run the same code:
//! - [`print_pack`]: a meeting's agenda pack or its next supplement, with progress, and the
//!   record ([`PackIssueDraft`]) to keep once the pack is really issued;
//! - [`print_tracker`]: a body's recommendation tracker for a period;
//! - [`ensure_demo`]: the demo council, its January meeting's reports attached and its agenda
//!   pack recorded as issued on 24th December, 2014.
//!
//! The store knows nothing of PDF and the PDF crate nothing of SQLite; this crate sits above
//! both (the arrows stay cli -> (store, pdf) and shell -> (store, pdf)).

use std::ops::ControlFlow;

use chrono::NaiveDate;
use minutes_core::house_style::long_date;
use minutes_core::pack::{PackInput, PackIssue, PackedDocument};
use minutes_core::render::Visibility;
use minutes_core::{ApiError, DomainError, ErrorCode, Language};
use minutes_pdf::{PackError, PackOptions, PackPlan, PackProgress};
use minutes_store::{demo, Store, StoreError};
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("The agenda pack was not printed: {0}")]
    Pack(#[from] PackError),
    #[error("The document was not printed: {0}")]
    Pdf(#[from] minutes_pdf::PdfError),
}

impl PrintError {
    /// What the app shows: the store's own errors keep their codes.
    pub fn to_api(&self) -> ApiError {
        match self {
            PrintError::Store(e) => e.to_api(),
            other => ApiError {
                code: ErrorCode::Io,
                message: other.to_string(),
            },
        }
    }
}

/// Which pack to print, how, and on what day.
#[derive(Debug, Clone)]
pub struct PackJob {
    pub meeting_id: Uuid,
    pub language: Language,
    /// `Public` leaves out part 2 reports; `Confidential` includes them.
    pub visibility: Visibility,
    /// The next supplement (the reports attached since the last pack issued) instead of the
    /// whole pack.
    pub supplement: bool,
    /// The date of issue when the agenda has not been published yet, and a supplement's.
    pub today: NaiveDate,
    /// The whole pack is being issued, so it must not have been issued before.
    pub issuing: bool,
}

/// What [`record_issue`] keeps when the pack is issued: its number, day and the pages of the
/// full (confidential) pack, which numbers part 2 reports too, so that the public and the
/// confidential packs agree on every page number.
#[derive(Debug, Clone, PartialEq)]
pub struct PackIssueDraft {
    pub meeting_id: Uuid,
    pub number: u32,
    pub issued_on: NaiveDate,
    pub pages: (u32, u32),
    pub documents: Vec<PackedDocument>,
}

/// A printed pack: the file, the page map it printed, and the record to keep if it is issued.
#[derive(Debug)]
pub struct PrintedPack {
    pub pdf: Vec<u8>,
    pub plan: PackPlan,
    pub issue: PackIssueDraft,
}

/// Prints a meeting's agenda pack (or its next supplement): front sheet, agenda and every
/// report merged and stamped, reading each report from the store as it is merged. Once the
/// agenda has been issued, the pack is printed as it was issued. `progress`
/// hears of each report and may cancel. Nothing is recorded: see [`record_issue`].
pub fn print_pack(
    store: &Store,
    job: &PackJob,
    progress: &mut dyn FnMut(PackProgress) -> ControlFlow<()>,
) -> Result<PrintedPack, PrintError> {
    let mut input = store.pack_input(job.meeting_id, job.supplement)?;
    if let (false, false, Some(agenda)) = (
        job.supplement,
        job.issuing,
        input.record.pack_issues.iter().find(|i| i.number == 0),
    ) {
        // A copy of the pack as it was issued, page for page: reports attached since went
        // out (or will go out) in supplements.
        let issued: Vec<Uuid> = agenda.documents.iter().map(|d| d.document_id).collect();
        input.record.documents.retain(|d| issued.contains(&d.id));
    }
    if let (true, None, Some(agenda)) = (
        job.issuing,
        &input.supplement,
        input.record.pack_issues.first(),
    ) {
        return Err(StoreError::Domain(DomainError::Conflict(format!(
            "the agenda pack was issued on {}; reports attached since then go out in a supplement",
            long_date(agenda.issued_on, Language::En)
        )))
        .into());
    }
    let issue = issue_draft(&input, job)?;
    let opts = PackOptions {
        today: job.today,
        ..PackOptions::new(job.language, job.visibility)
    };
    let (pdf, plan) = minutes_pdf::agenda_pack(
        &input,
        &opts,
        &mut |doc| store.document_pdf(doc.id).map_err(|e| e.to_string()),
        progress,
    )?;
    Ok(PrintedPack { pdf, plan, issue })
}

/// The record of `input` issued on `job.today`, from the full pack's page map.
fn issue_draft(input: &PackInput, job: &PackJob) -> Result<PackIssueDraft, PackError> {
    let full = minutes_pdf::plan_pack(
        input,
        &PackOptions {
            today: job.today,
            ..PackOptions::new(job.language, Visibility::Confidential)
        },
    )?;
    Ok(PackIssueDraft {
        meeting_id: job.meeting_id,
        number: input.supplement.as_ref().map_or(0, |s| s.number),
        issued_on: job.today,
        pages: (full.first_page, full.last_page),
        documents: full.packed(),
    })
}

/// Records a printed pack as issued (the agenda, or a supplement), once it has really gone
/// out: the agenda's date of issue is set, and a later supplement numbers on from it.
pub fn record_issue(store: &mut Store, d: &PackIssueDraft) -> Result<PackIssue, StoreError> {
    store.record_pack_issue(d.meeting_id, d.number, d.issued_on, d.pages, &d.documents)
}

/// Prints a body's recommendation tracker for a period (`title` in place of the usual one):
/// the PDF and how many recommendations it lists. The app's "Print tracker" and the command
/// line's `tracker --pdf` both call this.
pub fn print_tracker(
    store: &Store,
    body_id: Uuid,
    period: (NaiveDate, NaiveDate),
    today: NaiveDate,
    language: Language,
    title: Option<String>,
) -> Result<(Vec<u8>, usize), PrintError> {
    let mut report = store.tracker_report(body_id, period.0, period.1, today)?;
    report.title = title;
    Ok((
        minutes_pdf::tracker_pdf(&report, language)?,
        report.entries.len(),
    ))
}

/// Loads the demo council into a database with no council yet (as `demo::ensure_demo`), with
/// the officer's report and appendix attached to the January inspection item and that
/// meeting's agenda pack recorded as issued on 24th December, 2014. All in one transaction.
/// Returns the demo's ids when it loaded.
pub fn ensure_demo(store: &mut Store) -> Result<Option<demo::DemoIds>, StoreError> {
    if store.authority().is_ok() {
        return Ok(None);
    }
    load_demo(store).map(Some)
}

/// Loads the demo council, reports and issued agenda included, into a database with no council.
pub fn load_demo(store: &mut Store) -> Result<demo::DemoIds, StoreError> {
    let failed = |e: &dyn std::fmt::Display| StoreError::Io {
        context: "printing the demo's reports".into(),
        source: std::io::Error::other(e.to_string()),
    };
    store.atomically(|s| {
        let ids = demo::load_demo(s)?;
        for r in demo::demo_reports(&ids) {
            let pdf = minutes_pdf::minutes_pdf(&r.document, &minutes_pdf::PdfOptions::default())
                .map_err(|e| failed(&e))?;
            let pages = minutes_pdf::report_pages(&pdf)?;
            s.attach_document(r.item_id, &r.title, r.kind, &pdf, pages)?;
        }
        let job = PackJob {
            meeting_id: ids.meeting,
            language: Language::En,
            visibility: Visibility::Public,
            supplement: false,
            issuing: true,
            today: s
                .meeting_pack_info(ids.meeting)?
                .agenda_published_on
                .unwrap_or_else(minutes_store::register::today),
        };
        let input = s.pack_input(ids.meeting, false)?;
        let draft = issue_draft(&input, &job).map_err(|e| failed(&e))?;
        record_issue(s, &draft)?;
        Ok(ids)
    })
}
