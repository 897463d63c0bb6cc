//! The formal minutes as PDF: core types in, PDF bytes out.
//!
//! The same engine prints the agenda front sheet ([`pack`]) and the recommendation tracker
//! ([`tracker_pdf`]): each is a [`MinutesDocument`] of lines worded in `minutes-core`.
//!
//! [`minutes_pdf`] takes the house-style [`MinutesDocument`] (whose lines and wording are decided
//! in `minutes-core`) and prints exactly those lines on A4. The work is split in two:
//! - [`layout`] measures text with the embedded font's advance widths, breaks lines, sets the
//!   styles and splits the document into pages (headings kept with what follows, no single
//!   orphan or widow lines);
//! - [`draw`] turns the laid-out pages into printpdf operations, adds the running header and
//!   footer ("Page 3 of 7"), the DRAFT and CONFIDENTIAL marks, and writes the file with the
//!   fonts embedded and subset, then sets the metadata printpdf cannot (PDF 1.7, `/Lang`) and
//!   makes it a tagged PDF: a structure tree of headings, paragraphs, lists and tables built
//!   by the layout, with the header, footer and marks as artifacts.
//!
//! printpdf's HTML layout is not used. Fonts: Liberation Sans 2 (regular and bold, SIL Open
//! Font License 1.1, see `fonts/LICENSE`), metric-compatible with Arial and with every Welsh
//! letter (ŵ ŷ â ẁ ẃ ẅ ỳ).

pub mod draw;
pub mod layout;
pub mod pack;
pub mod stamp;

mod inspect;
pub use inspect::report_pages;

pub use pack::{agenda_pack, plan_pack, PackError, PackOptions, PackPlan, PackProgress};

use chrono::{DateTime, Utc};
use minutes_core::render::MinutesDocument;
use minutes_core::Language;

/// How the pages are numbered, and when the file was made.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfOptions {
    /// The page number as printed: `{n}` is the page, `{total}` the number of pages.
    pub page_number_form: String,
    /// The loose-leaf minute-book page number as printed; `{n}` is the book's page.
    pub minute_book_form: String,
    /// Loose-leaf mode: the minute-book page the first page of these (signed) minutes takes.
    /// Pages are numbered consecutively from it. Draft minutes never carry book pages.
    pub minute_book_start: Option<u32>,
    /// The file's creation date; `None` means now.
    pub created: Option<DateTime<Utc>>,
    /// The number the first page takes (`{n}`); `{total}` is then the last page's number.
    /// 1 except in an agenda pack's supplement, which continues the pack's numbering.
    pub first_page: u32,
}

impl Default for PdfOptions {
    fn default() -> Self {
        Self::for_language(Language::En)
    }
}

impl PdfOptions {
    /// The page-number forms of a bilingual document: Welsh, then English.
    pub fn bilingual() -> Self {
        let (cy, en) = (
            Self::for_language(Language::Cy),
            Self::for_language(Language::En),
        );
        Self {
            page_number_form: format!("{} / {}", cy.page_number_form, en.page_number_form),
            minute_book_form: format!("{} / {}", cy.minute_book_form, en.minute_book_form),
            ..cy
        }
    }

    /// The default page-number forms of a document in `lang`.
    pub fn for_language(lang: Language) -> Self {
        Self {
            page_number_form: minutes_core::labels::page_number_form(lang).to_string(),
            minute_book_form: minutes_core::labels::minute_book_form(lang).to_string(),
            minute_book_start: None,
            created: None,
            first_page: 1,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the built-in font {0} could not be read")]
    Font(&'static str),
    #[error("the page number form {0:?} must contain {{n}}")]
    PageNumberForm(String),
    #[error("the PDF writer failed: {0}")]
    Writer(String),
    #[error("setting the PDF's metadata failed: {0}")]
    Metadata(String),
}

/// Prints the formal minutes: A4 pages, returned as the bytes of a PDF file.
pub fn minutes_pdf(doc: &MinutesDocument, opts: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    for form in [&opts.page_number_form, &opts.minute_book_form] {
        if !form.contains("{n}") {
            return Err(PdfError::PageNumberForm(form.clone()));
        }
    }
    let fonts = layout::Fonts::load()?;
    let laid = layout::lay_out(doc, fonts);
    draw::write_pdf(doc, opts, fonts, &laid)
}

/// The formal minutes of a whole meeting record, in `lang`, public or confidential: what the
/// command line's `render` and the app's "Print minutes" both call.
pub fn print_meeting(
    rec: &minutes_core::MeetingRecord,
    lang: Language,
    vis: minutes_core::render::Visibility,
) -> Result<Vec<u8>, PdfError> {
    let doc = minutes_core::render::minutes_document(rec, lang, vis);
    let opts = PdfOptions {
        minute_book_start: doc.minute_book_start,
        ..PdfOptions::for_language(lang)
    };
    minutes_pdf(&doc, &opts)
}

/// The minutes of a whole meeting record in both languages, Welsh first section by section
/// (the authority's `welsh_first_sections` layout), each passage tagged with its language,
/// pages numbered "Tudalen 1 o 4 / Page 1 of 4".
pub fn print_bilingual_meeting(
    rec: &minutes_core::MeetingRecord,
    vis: minutes_core::render::Visibility,
) -> Result<Vec<u8>, PdfError> {
    let doc = minutes_core::render::bilingual_minutes_document(rec, vis);
    minutes_pdf(&doc, &PdfOptions::bilingual())
}

/// Prints the recommendation tracker (`Store::tracker_report`) in `lang`: A4 portrait, one
/// entry per recommendation, every page headed with the body, title and period and numbered
/// "Page x of y". What the command line's `tracker --format pdf` and the app both call.
pub fn tracker_pdf(
    report: &minutes_core::tracker::TrackerReport,
    lang: Language,
) -> Result<Vec<u8>, PdfError> {
    let doc = minutes_core::tracker::tracker_document(report, lang);
    minutes_pdf(&doc, &PdfOptions::for_language(lang))
}

/// Prints a meeting's notice of decisions (s.100C(1C) LGA 1972) in `lang`, dated
/// `published_on`: the same engine, fonts and tags as the minutes. What the command line's
/// `decisions` and the app's "Print decisions notice" both call.
pub fn decisions_notice_pdf(
    rec: &minutes_core::MeetingRecord,
    lang: Language,
    published_on: chrono::NaiveDate,
) -> Result<Vec<u8>, PdfError> {
    let doc = minutes_core::notice::decisions_notice(rec, lang, published_on);
    minutes_pdf(&doc, &PdfOptions::for_language(lang))
}

/// How many pages the minute book's copy of these minutes takes (the whole record, in the
/// book's language, laid out exactly as printed): what `Store::sign_minutes` is given to
/// allocate loose-leaf minute-book pages when the authority keeps a loose-leaf book.
pub fn minute_book_page_count(rec: &minutes_core::MeetingRecord) -> Result<u32, PdfError> {
    let doc = minutes_core::render::minute_book_document(rec);
    let pages = layout::paginate(&doc, layout::Fonts::load()?);
    u32::try_from(pages.len()).map_err(|_| PdfError::Writer("too many pages".into()))
}
