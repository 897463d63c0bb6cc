//! Printing: the minutes, the agenda pack and its supplements, the recommendation tracker;
//! and the two jobs that print to decide something (signing gives the minutes the next pages
//! of the minute book; attaching a report counts its pages).

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use minutes_core::house_style::long_date;
use minutes_core::pack::{PackAction, PackInput, PackIssue, PackProgressEvent, PackRequest};
use minutes_core::render::{self, Visibility};
use minutes_core::{
    DocumentInfo, DocumentKind, DomainError, Language, MeetingRecord, MinutesStatus,
};
use minutes_pdf::{PackError, PackOptions, PackPlan, PackProgress};
use minutes_store::Store;
use uuid::Uuid;

use crate::{AppError, Council, Edition, FileKind, Output, Result, Save};

/// Which pack to print, and whether it is being issued.
#[derive(Debug, Clone, PartialEq)]
pub struct PackJob {
    pub meeting_id: Uuid,
    pub edition: Edition,
    /// The next supplement (the reports attached since the last pack issued) instead of the
    /// whole pack.
    pub supplement: bool,
    /// Record it as issued once it is saved (the agenda's date of issue, or the supplement).
    pub issue: bool,
    /// The window's number for this print, which "Cancel" names; 0 is never cancelled.
    pub print_job: u32,
}

impl PackJob {
    /// What the window's "Print agenda pack" asks for.
    pub fn from_request(r: &PackRequest) -> PackJob {
        PackJob {
            meeting_id: r.meeting_id,
            edition: Edition::from_choice(r.welsh, r.bilingual.unwrap_or(false), r.confidential),
            supplement: r.action == PackAction::Supplement,
            issue: r.action != PackAction::Print,
            print_job: r.print_job,
        }
    }
}

/// A printed pack: the file, the page map it printed, and the record to keep if it is issued.
#[derive(Debug)]
pub struct PrintedPack {
    pub pdf: Vec<u8>,
    pub plan: PackPlan,
    pub issue: PackIssueDraft,
}

/// What is recorded when a pack is issued: its number, day and the pages of the full
/// (confidential) pack, which numbers part 2 reports too, so that the public and the
/// confidential packs agree on every page number.
#[derive(Debug, Clone, PartialEq)]
pub struct PackIssueDraft {
    pub meeting_id: Uuid,
    pub number: u32,
    pub issued_on: NaiveDate,
    pub pages: (u32, u32),
    pub documents: Vec<minutes_core::pack::PackedDocument>,
}

/// A pack saved: where, its pages, what the merge warned of, and its record if it was issued.
#[derive(Debug, Clone, PartialEq)]
pub struct PackSaved {
    pub path: PathBuf,
    pub first_page: u32,
    pub last_page: u32,
    pub warnings: Vec<String>,
    pub issued: Option<PackIssue>,
}

/// The tracker as a PDF report (in a language, with the council's own title) or as CSV.
#[derive(Debug, Clone, PartialEq)]
pub enum TrackerFormat {
    Pdf {
        language: Language,
        title: Option<String>,
    },
    Csv,
}

/// The name offered for a meeting's document: "Scrutiny Committee 2015-01-05 agenda pack (Cymraeg).pdf".
fn meeting_file_name(rec: &MeetingRecord, what: &str, edition: Edition) -> String {
    format!(
        "{} {}{what}{}.pdf",
        rec.body.name_en,
        rec.meeting.date.format("%Y-%m-%d"),
        edition.name_suffix()
    )
}

fn pack_options(edition: Edition, today: NaiveDate) -> PackOptions {
    PackOptions {
        bilingual: edition.bilingual,
        ..PackOptions::new(edition.language, edition.visibility, today)
    }
}

/// The minutes of `rec` in `edition`, printed now from the record.
fn minutes_pdf_of(rec: &MeetingRecord, edition: Edition) -> Result<Vec<u8>> {
    Ok(if edition.bilingual {
        minutes_pdf::print_bilingual_meeting(rec, edition.visibility)?
    } else {
        minutes_pdf::print_meeting(rec, edition.language, edition.visibility)?
    })
}

/// The minutes of `rec` as text in `edition`.
pub fn minutes_document_of(rec: &MeetingRecord, edition: Edition) -> render::MinutesDocument {
    if edition.bilingual {
        render::bilingual_minutes_document(rec, edition.visibility)
    } else {
        render::minutes_document(rec, edition.language, edition.visibility)
    }
}

impl Council {
    /// Prints a meeting's formal minutes and hands them to `save`. The path written, or `None`.
    pub fn print_minutes(
        &self,
        meeting_id: Uuid,
        edition: Edition,
        save: Save,
    ) -> Result<Option<PathBuf>> {
        let rec = self.read(|s| Ok(s.meeting_record(meeting_id)?))?;
        // The signed print kept is of each language alone; the bilingual copy of signed
        // minutes is printed from their frozen record.
        let pdf = if rec.meeting.minutes_status == MinutesStatus::Signed && !edition.bilingual {
            self.signed_minutes_pdf(&rec, edition)?
        } else {
            minutes_pdf_of(&rec, edition)?
        };
        save(&Output {
            bytes: pdf,
            kind: FileKind::Pdf,
            name: meeting_file_name(&rec, "", edition),
            title: "Save the minutes as PDF",
            open: false,
        })
    }

    /// Signed minutes as they were printed when signed: the PDF kept then, byte for byte,
    /// whatever has been renamed since. Minutes signed without one kept (loaded by the demo or
    /// an import, signed before this version) keep this first print from now on; on a database
    /// that can only be read it is printed without being kept.
    fn signed_minutes_pdf(&self, rec: &MeetingRecord, edition: Edition) -> Result<Vec<u8>> {
        let (id, language, visibility) = (rec.meeting.id, edition.language, edition.visibility);
        let kept = |c: &Council| c.read(|s| Ok(s.signed_pdf(id, language, visibility)?));
        if let Some(pdf) = kept(self)? {
            return Ok(pdf);
        }
        let pdf = minutes_pdf::print_meeting(rec, language, visibility)?;
        if self.is_read_only() {
            return Ok(pdf);
        }
        match self.write(|s| s.keep_signed_pdf(id, language, visibility, &pdf)) {
            Ok(()) => Ok(pdf),
            // Another window kept its print first: that one is the signed PDF.
            Err(e) => kept(self)?.ok_or(e),
        }
    }

    /// What one minute prints that the clerk does not type (the apologies and declarations
    /// sentences, the exclusion of the public, the approval of earlier minutes with its
    /// amendments), as it will print in English or Welsh: shown read-only while minuting.
    pub fn generated_minute_lines(
        &self,
        minute_id: Uuid,
        language: Language,
    ) -> Result<Vec<render::Line>> {
        let rec = self.write(|s| {
            let m = s.minute(minute_id)?;
            s.meeting_record(m.meeting_id)
        })?;
        Ok(render::generated_minute_lines(&rec, minute_id, language))
    }

    /// A meeting's minutes as text in the house style.
    pub fn minutes_text(&self, meeting_id: Uuid, edition: Edition) -> Result<String> {
        let rec = self.read(|s| Ok(s.meeting_record(meeting_id)?))?;
        Ok(render::to_text(&minutes_document_of(&rec, edition)))
    }

    /// Signs approved minutes on `on` by `signer` (who presided where they were approved).
    /// Where the council keeps a loose-leaf minute book, they take its next pages: as many as
    /// the book's copy prints on.
    ///
    /// In the same transaction the minutes as signed are printed in every edition (English and
    /// Welsh, public and with Part 2) and kept with their SHA-256: every later print of them is
    /// that file. If they cannot be printed, nothing is signed.
    pub fn sign_minutes(&self, meeting_id: Uuid, signer_id: Uuid, on: NaiveDate) -> Result<()> {
        self.write(|store| {
            store.atomically(|s| {
                s.sign_minutes(
                    meeting_id,
                    signer_id,
                    on,
                    minutes_pdf::minute_book_page_count,
                )?;
                let rec = s.meeting_record(meeting_id)?;
                for language in [Language::En, Language::Cy] {
                    for visibility in [Visibility::Public, Visibility::Confidential] {
                        let pdf = minutes_pdf::print_meeting(&rec, language, visibility).map_err(
                            |e| {
                                DomainError::Conflict(format!(
                                    "the minutes were not signed: they could not be printed ({e})"
                                ))
                            },
                        )?;
                        s.keep_signed_pdf(meeting_id, language, visibility, &pdf)?;
                    }
                }
                Ok(())
            })
        })
    }

    /// Attaches the report PDF at `path` to an agenda item, titled after its file name. A
    /// file that is not a PDF, or is damaged or encrypted, is refused with the reason, and
    /// nothing is saved.
    pub fn attach_report(
        &self,
        item_id: Uuid,
        path: &Path,
        kind: DocumentKind,
    ) -> Result<DocumentInfo> {
        let bytes = std::fs::read(path)
            .map_err(|e| AppError::io(format!("Cannot read {}", path.display()), e))?;
        let title = path
            .file_stem()
            .map(|s| s.to_string_lossy().replace(['_', '-'], " "))
            .unwrap_or_else(|| "Report".to_string());
        let pages = minutes_pdf::report_pages(&bytes)?;
        self.write(|s| s.attach_document(item_id, &title, kind, &bytes, pages))
    }

    /// Prints a meeting's agenda pack (front sheet, agenda, every report merged and stamped)
    /// or its next supplement, on a reader of its own, telling `progress` of each report
    /// merged; hands it to `save`; and, when it is being issued and was saved, records it as
    /// issued today. "Cancel" ([`Council::cancel_pack`]) ends it after the report it is on,
    /// with nothing recorded. `None` when the save was cancelled.
    pub fn print_pack(
        &self,
        job: &PackJob,
        progress: &mut dyn FnMut(PackProgressEvent),
        save: Save,
    ) -> Result<Option<PackSaved>> {
        let today = self.today();
        let (printed, rec) = self.read(|s| {
            let printed = print_pack(s, job, today, &mut |p| {
                if let Some(e) = progress_event(p) {
                    progress(e);
                }
                if self.pack_cancelled(job.print_job) {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            })?;
            Ok((printed, s.meeting_record(job.meeting_id)?))
        })?;
        let what = if job.supplement {
            format!(" supplement {}", printed.issue.number)
        } else {
            " agenda pack".to_string()
        };
        let Some(path) = save(&Output {
            bytes: printed.pdf,
            kind: FileKind::Pdf,
            name: meeting_file_name(&rec, &what, job.edition),
            title: "Save the agenda pack as PDF",
            open: true,
        })?
        else {
            return Ok(None);
        };
        let issued = if job.issue {
            Some(self.write(|s| record_issue(s, &printed.issue))?)
        } else {
            None
        };
        let mut warnings = printed.plan.warnings.clone();
        // The Welsh pack of an authority that prints in Welsh: the titles still in English.
        if job.edition.language == Language::Cy {
            warnings.extend(self.translation_warnings(job.meeting_id)?);
        }
        Ok(Some(PackSaved {
            path,
            first_page: printed.plan.first_page,
            last_page: printed.plan.last_page,
            warnings,
            issued,
        }))
    }

    /// A body's recommendation tracker for a period (every recommendation its resolutions
    /// referred in it, and earlier ones still open), judged on today's date, handed to
    /// `save`. The path written and how many recommendations it lists.
    pub fn tracker(
        &self,
        body_id: Uuid,
        period: (NaiveDate, NaiveDate),
        format: TrackerFormat,
        save: Save,
    ) -> Result<(Option<PathBuf>, usize)> {
        let today = self.today();
        let (from, to) = period;
        // One read: the report (its recommendations counted) and, for CSV, the same rows.
        let (mut report, csv) = self.read(|s| {
            let report = s.tracker_report(body_id, from, to, today)?;
            let csv = match format {
                TrackerFormat::Csv => Some(s.tracker_csv(body_id, from, to, today)?),
                TrackerFormat::Pdf { .. } => None,
            };
            Ok((report, csv))
        })?;
        let count = report.entries.len();
        let name = format!(
            "{} recommendation tracker {from} to {to}",
            report.body.name_en
        );
        let output = match (format, csv) {
            (TrackerFormat::Pdf { language, title }, _) => {
                report.title = title;
                Output {
                    bytes: minutes_pdf::tracker_pdf(&report, language)?,
                    kind: FileKind::Pdf,
                    name: format!("{name}.pdf"),
                    title: "Save the tracker as PDF",
                    open: true,
                }
            }
            (TrackerFormat::Csv, csv) => Output {
                bytes: csv.unwrap_or_default().into_bytes(),
                kind: FileKind::Csv,
                name: format!("{name}.csv"),
                title: "Save the tracker as CSV",
                open: false,
            },
        };
        Ok((save(&output)?, count))
    }
}

/// What the window's progress bar hears of a step.
fn progress_event(p: PackProgress) -> Option<PackProgressEvent> {
    match p {
        PackProgress::Planned { reports, .. } => Some(PackProgressEvent {
            done: 0,
            total: reports as u32,
            title: String::new(),
        }),
        PackProgress::Merged { done, total, title } => Some(PackProgressEvent {
            done: done as u32,
            total: total as u32,
            title,
        }),
        PackProgress::Writing => None,
    }
}

/// Prints a meeting's agenda pack (or its next supplement) dated `today` when it has no date
/// of issue yet: front sheet, agenda and every report merged and stamped, reading each report
/// from the store as it is merged. Once the agenda has been issued, the pack is printed as it
/// was issued. `progress` hears of each step and may cancel. Nothing is recorded.
pub fn print_pack(
    store: &Store,
    job: &PackJob,
    today: NaiveDate,
    progress: &mut dyn FnMut(PackProgress) -> ControlFlow<()>,
) -> Result<PrintedPack> {
    let mut input = store.pack_input(job.meeting_id, job.supplement)?;
    let issuing_agenda = job.issue && !job.supplement;
    if let (false, false, Some(agenda)) = (
        job.supplement,
        issuing_agenda,
        input.record.pack_issues.iter().find(|i| i.number == 0),
    ) {
        // A copy of the pack as it was issued, page for page: reports attached since went
        // out (or will go out) in supplements.
        let issued: Vec<Uuid> = agenda.documents.iter().map(|d| d.document_id).collect();
        input.record.documents.retain(|d| issued.contains(&d.id));
    }
    if let (true, None, Some(agenda)) = (
        issuing_agenda,
        &input.supplement,
        input.record.pack_issues.first(),
    ) {
        return Err(DomainError::Conflict(format!(
            "the agenda pack was issued on {}; reports attached since then go out in a supplement",
            long_date(agenda.issued_on, Language::En)
        ))
        .into());
    }
    let issue = issue_draft(&input, job.meeting_id, job.edition, today)?;
    let (pdf, plan) = minutes_pdf::agenda_pack(
        &input,
        &pack_options(job.edition, today),
        &mut |doc| store.document_pdf(doc.id).map_err(|e| e.to_string()),
        progress,
    )?;
    Ok(PrintedPack { pdf, plan, issue })
}

/// The record of `input` issued on `today`, from the full pack's page map.
fn issue_draft(
    input: &PackInput,
    meeting_id: Uuid,
    edition: Edition,
    today: NaiveDate,
) -> Result<PackIssueDraft, PackError> {
    let full = minutes_pdf::plan_pack(
        input,
        &pack_options(
            Edition {
                visibility: Visibility::Confidential,
                ..edition
            },
            today,
        ),
    )?;
    Ok(PackIssueDraft {
        meeting_id,
        number: input.supplement.as_ref().map_or(0, |s| s.number),
        issued_on: today,
        pages: (full.first_page, full.last_page),
        documents: full.packed(),
    })
}

/// Records a printed pack as issued (the agenda, or a supplement), once it has really gone
/// out: the agenda's date of issue is set, and a later supplement numbers on from it.
pub fn record_issue(
    store: &mut Store,
    d: &PackIssueDraft,
) -> Result<PackIssue, minutes_store::StoreError> {
    store.record_pack_issue(d.meeting_id, d.number, d.issued_on, d.pages, &d.documents)
}

/// The demo's agenda, recorded as issued on the day its agenda was published.
pub(crate) fn issue_demo_agenda(
    store: &mut Store,
    meeting_id: Uuid,
    today: NaiveDate,
) -> Result<()> {
    let on = store
        .meeting_pack_info(meeting_id)?
        .agenda_published_on
        .unwrap_or(today);
    let input = store.pack_input(meeting_id, false)?;
    let draft = issue_draft(&input, meeting_id, Edition::PUBLIC, on)?;
    record_issue(store, &draft)?;
    Ok(())
}
