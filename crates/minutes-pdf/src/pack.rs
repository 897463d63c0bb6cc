//! The agenda pack: front sheet and agenda (laid out by [`crate::layout`] like the minutes),
//! then every report and appendix merged in agenda order with lopdf, each page stamped with
//! its pack page number (see [`crate::stamp`]), a bookmark per item with its reports (and
//! their own bookmarks) nested under it, and "(Pages x – y)" on the agenda where each report
//! really starts and ends.
//!
//! [`plan_pack`] decides the page numbers from the page counts recorded at attach time, laying
//! the agenda out again until its own length is stable (the ranges it prints can change it).
//! [`agenda_pack`] then reads each report in turn through the caller's `fetch`, so that only
//! one report's bytes are held at a time, checks its page count against the plan, and
//! reports progress after each one; the caller can cancel between reports.

use std::collections::HashMap;
use std::io::Write;
use std::ops::ControlFlow;
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use flate2::write::ZlibEncoder;
use flate2::Compression;
use lopdf::{dictionary, Bookmark, Dictionary, Document, Object, ObjectId, Stream};
use minutes_core::house_style::{long_date, person_name};
use minutes_core::labels::{chair, label, weekday, Label};
use minutes_core::pack::PackInput;
use minutes_core::pack::PackedDocument;
use minutes_core::render::{Line, MinutesDocument, Visibility};
use minutes_core::{
    AgendaItem, DocumentInfo, ItemOrigin, ItemPart, Language, MeetingMode, PersonKind, Role,
};
use uuid::Uuid;

use crate::layout::{self, Fonts, Weight};
use crate::stamp::{self, Placement};
use crate::{PdfError, PdfOptions};

/// Which pack, in which language.
#[derive(Debug, Clone, PartialEq)]
pub struct PackOptions {
    pub language: Language,
    /// `Public` leaves out part 2 reports; `Confidential` includes them and says so on every page.
    pub visibility: Visibility,
    /// The date of issue when the agenda has not been published yet.
    pub today: NaiveDate,
    /// The file's creation date; `None` means now.
    pub created: Option<DateTime<Utc>>,
}

impl PackOptions {
    pub fn new(language: Language, visibility: Visibility) -> Self {
        Self {
            language,
            visibility,
            today: Utc::now().date_naive(),
            created: None,
        }
    }
}

/// Progress of [`agenda_pack`], one event per step.
#[derive(Debug, Clone, PartialEq)]
pub enum PackProgress {
    /// The page numbers are decided: `reports` to merge, `pages` in all.
    Planned { reports: usize, pages: u32 },
    /// Report `done` of `total` has been merged.
    Merged {
        done: usize,
        total: usize,
        title: String,
    },
    /// Writing the file.
    Writing,
}

#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error("the report \"{title}\" could not be read: {reason}")]
    Report { title: String, reason: String },
    #[error(
        "the report \"{title}\" has {found} pages, but {expected} were recorded when it was attached; attach it again"
    )]
    PageCount {
        title: String,
        expected: u32,
        found: u32,
    },
    #[error("the supplement lists a document that is not attached to this meeting's agenda ({0})")]
    UnknownDocument(Uuid),
    #[error("the supplement carries no documents")]
    EmptySupplement,
    #[error("printing the agenda pack was cancelled")]
    Cancelled,
    #[error("writing the agenda pack failed: {0}")]
    Writer(String),
}

/// Where one report or appendix falls in the pack.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedDocument {
    pub document: DocumentInfo,
    pub first_page: u32,
    pub last_page: u32,
}

/// The page numbers of a pack, decided before any report is read.
#[derive(Debug, Clone, PartialEq)]
pub struct PackPlan {
    /// The number of the first page (1, or where a supplement continues).
    pub first_page: u32,
    /// Pages of the front sheet and agenda.
    pub agenda_pages: u32,
    pub documents: Vec<PlannedDocument>,
    pub last_page: u32,
    /// Things the clerk should know, e.g. fewer clear days' notice than the law requires.
    pub warnings: Vec<String>,
    lines: Vec<Line>,
}

impl PackPlan {
    /// The page map, as the store records it when the pack is issued.
    pub fn packed(&self) -> Vec<PackedDocument> {
        self.documents
            .iter()
            .map(|d| PackedDocument {
                document_id: d.document.id,
                first_page: d.first_page,
                last_page: d.last_page,
            })
            .collect()
    }

    pub fn pages(&self) -> u32 {
        self.last_page + 1 - self.first_page
    }
}

fn pick(lang: Language, en: &str, cy: &str) -> String {
    match lang {
        Language::Cy if !cy.trim().is_empty() => cy.to_string(),
        _ => en.to_string(),
    }
}

fn item_title(item: &AgendaItem, lang: Language) -> String {
    pick(lang, &item.title_en, &item.title_cy)
}

/// "(REF)" and the like, printed after an item's title.
fn item_tag(item: &AgendaItem) -> String {
    let tag = item.tag.trim();
    if !tag.is_empty() {
        format!(" ({})", tag.to_uppercase())
    } else if item.origin == ItemOrigin::ReferredFromCabinet {
        " (REF)".to_string()
    } else {
        String::new()
    }
}

/// "(Pages 5 – 12)", or "(Page 5)".
fn pages_text(first: u32, last: u32, lang: Language) -> String {
    if first == last {
        format!("({} {first})", label(Label::Page, lang))
    } else {
        format!("({} {first} \u{2013} {last})", label(Label::Pages, lang))
    }
}

/// The day a meeting is held on, after "to be held on" / "a gynhelir ar": "Monday, 5th
/// January, 2015" / "ddydd Llun, 5 Ionawr 2015" ("dydd" takes the soft mutation after "ar").
fn held_on_day(date: NaiveDate, lang: Language) -> String {
    let day = weekday(date.weekday().number_from_monday(), lang);
    match lang {
        Language::En => format!("{day}, {}", long_date(date, lang)),
        Language::Cy => format!("d{day}, {}", long_date(date, lang)),
    }
}

/// "6.00 pm" / "6.00 yh".
fn time_text(t: NaiveTime, lang: Language) -> String {
    let (h, m) = (t.hour(), t.minute());
    let h12 = match h % 12 {
        0 => 12,
        h => h,
    };
    let suffix = match (lang, h < 12) {
        (Language::En, true) => "am",
        (Language::En, false) => "pm",
        (Language::Cy, true) => "yb",
        (Language::Cy, false) => "yh",
    };
    format!("{h12}.{m:02} {suffix}")
}

/// "paragraph 14" / "paragraphs 12 and 14".
fn paragraphs_text(paras: &[String], lang: Language) -> String {
    let mut paras: Vec<String> = paras.iter().map(|p| p.trim().to_string()).collect();
    paras.sort_by_key(|p| {
        (
            p.trim_end_matches(char::is_alphabetic).parse::<u32>().ok(),
            p.clone(),
        )
    });
    paras.dedup();
    let word = if paras.len() == 1 {
        label(Label::Paragraph, lang)
    } else {
        label(Label::Paragraphs, lang)
    };
    format!(
        "{word} {}",
        minutes_core::house_style::join_names(&paras, lang)
    )
}

/// The documents in the pack, in agenda order: all of them, or a supplement's.
fn selected<'a>(
    input: &'a PackInput,
    opts: &PackOptions,
) -> Result<Vec<(&'a AgendaItem, &'a DocumentInfo)>, PackError> {
    let rec = &input.record;
    if let Some(sup) = &input.supplement {
        if sup.documents.is_empty() {
            return Err(PackError::EmptySupplement);
        }
        for id in &sup.documents {
            let known = rec
                .documents
                .iter()
                .any(|d| d.id == *id && rec.agenda.iter().any(|i| i.id == d.agenda_item_id));
            if !known {
                return Err(PackError::UnknownDocument(*id));
            }
        }
    }
    let mut items: Vec<&AgendaItem> = rec.agenda.iter().collect();
    items.sort_by_key(|i| i.position);
    let mut out = Vec::new();
    for item in items {
        if opts.visibility == Visibility::Public && item.part == ItemPart::Exempt {
            continue;
        }
        let mut docs: Vec<&DocumentInfo> = rec
            .documents
            .iter()
            .filter(|d| d.agenda_item_id == item.id)
            .filter(|d| {
                input
                    .supplement
                    .as_ref()
                    .is_none_or(|s| s.documents.contains(&d.id))
            })
            .collect();
        docs.sort_by_key(|d| d.position);
        out.extend(docs.into_iter().map(|d| (item, d)));
    }
    Ok(out)
}

/// The front sheet and agenda as styled lines, with the page numbers of `docs`.
fn agenda_lines(input: &PackInput, opts: &PackOptions, docs: &[PlannedDocument]) -> Vec<Line> {
    let rec = &input.record;
    let lang = opts.language;
    let body = pick(lang, &rec.body.name_en, &rec.body.name_cy);
    let m = &rec.meeting;
    let mut lines = vec![
        Line::Authority(pick(lang, &rec.authority.name_en, &rec.authority.name_cy)),
        Line::Title(pick(
            lang,
            &input.settings.pack_title_en,
            &input.settings.pack_title_cy,
        )),
        Line::Body(body.clone()),
    ];
    let mut when = format!(
        "{} {}",
        label(Label::ToBeHeldOn, lang),
        held_on_day(m.date, lang)
    );
    if let Some(t) = m.start_time {
        when.push_str(&format!(
            " {} {}",
            label(Label::At, lang),
            time_text(t, lang)
        ));
    }
    if !m.venue.trim().is_empty() && m.mode != MeetingMode::Remote {
        when.push_str(&format!(" {} {}", label(Label::In, lang), m.venue.trim()));
    }
    if let Some(sup) = &input.supplement {
        lines.push(Line::Title(
            label(Label::Addendum, lang).replace("{n}", &sup.number.to_string()),
        ));
        lines.push(Line::Paragraph(format!(
            "{} {body} {when}.",
            label(Label::AddendumIntro, lang)
        )));
    } else {
        lines.push(Line::Paragraph(format!(
            "{} {body} {when}.",
            label(Label::InvitedToAttend, lang)
        )));
        lines.push(Line::Paragraph(
            label(
                match m.mode {
                    MeetingMode::InPerson => Label::ModeInPerson,
                    MeetingMode::Hybrid => Label::ModeHybrid,
                    MeetingMode::Remote => Label::ModeRemote,
                },
                lang,
            )
            .to_string(),
        ));
        if !m.joining_details.trim().is_empty() {
            lines.push(Line::Attendance {
                label: format!("{}:", label(Label::HowToJoin, lang)),
                text: m.joining_details.trim().to_string(),
            });
        }
    }
    let issued = input.info.agenda_published_on.unwrap_or(opts.today);
    let issued = if input.supplement.is_some() {
        opts.today
    } else {
        issued
    };
    lines.push(Line::Attendance {
        label: format!("{}:", label(Label::DateOfIssue, lang)),
        text: long_date(issued, lang),
    });
    let contact: Vec<&str> = [&input.info.contact_officer, &input.info.contact_details]
        .into_iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if !contact.is_empty() {
        lines.push(Line::Attendance {
            label: format!("{}:", label(Label::ContactOfficer, lang)),
            text: contact.join(", "),
        });
    }
    if input.supplement.is_none() {
        membership_lines(input, lang, &mut lines);
        for text in [
            pick(
                lang,
                &input.settings.accessibility_en,
                &input.settings.accessibility_cy,
            ),
            pick(
                lang,
                &input.settings.welsh_language_en,
                &input.settings.welsh_language_cy,
            ),
        ] {
            if !text.trim().is_empty() {
                lines.push(Line::Paragraph(text.trim().to_string()));
            }
        }
        lines.push(Line::PageBreak);
        lines.push(Line::Body(label(Label::Agenda, lang).to_string()));
    }

    let mut items: Vec<&AgendaItem> = rec.agenda.iter().collect();
    items.sort_by_key(|i| i.position);
    let mut part2_started = false;
    for item in items {
        let item_docs: Vec<&PlannedDocument> = docs
            .iter()
            .filter(|d| d.document.agenda_item_id == item.id)
            .collect();
        if input.supplement.is_some() && item_docs.is_empty() {
            continue;
        }
        if item.part == ItemPart::Exempt && !part2_started && input.supplement.is_none() {
            part2_started = true;
            let paras: Vec<String> = rec
                .agenda
                .iter()
                .filter(|i| i.part == ItemPart::Exempt && i.position >= item.position)
                .flat_map(|i| i.exempt_paragraphs.iter().cloned())
                .collect();
            lines.push(Line::SubHeading(label(Label::Part2, lang).to_string()));
            lines.push(Line::SubHeading(
                label(Label::ExclusionOfPublic, lang).to_string(),
            ));
            lines.push(Line::Paragraph(format!(
                "{} {} {}.",
                label(Label::ExclusionNotice, lang),
                paragraphs_text(&paras, lang),
                label(Label::ExclusionNoticeEnd, lang)
            )));
        }
        let mut heading = format!("{}{}", item_title(item, lang), item_tag(item));
        if let (Some(first), Some(last)) = (item_docs.first(), item_docs.last()) {
            heading.push(' ');
            heading.push_str(&pages_text(first.first_page, last.last_page, lang));
        }
        lines.push(Line::MinuteHeading {
            number: format!("{}.", item.position),
            heading,
        });
        if item.part == ItemPart::Exempt {
            lines.push(Line::Limb {
                label: String::new(),
                text: format!(
                    "{} ({})",
                    label(Label::NotForPublication, lang),
                    paragraphs_text(&item.exempt_paragraphs, lang)
                ),
            });
        }
        if item_docs.len() > 1 || input.supplement.is_some() {
            for d in item_docs {
                lines.push(Line::Limb {
                    label: "–".into(),
                    text: format!(
                        "{} {}",
                        d.document.title,
                        pages_text(d.first_page, d.last_page, lang)
                    ),
                });
            }
        }
    }
    lines
}

/// "Chair:", "Vice-Chair:", "Members:", "Co-opted members:" from the memberships current on
/// the meeting date.
fn membership_lines(input: &PackInput, lang: Language, lines: &mut Vec<Line>) {
    let rec = &input.record;
    let date = rec.meeting.date;
    let mut current: Vec<(Role, &minutes_core::Person)> = rec
        .memberships
        .iter()
        .filter(|m| m.body_id == rec.body.id && m.from <= date && m.to.is_none_or(|t| t >= date))
        .filter_map(|m| rec.person(m.person_id).map(|p| (m.role, p)))
        .collect();
    if current.is_empty() {
        return;
    }
    current.sort_by_key(|(_, p)| p.sort_key());
    lines.push(Line::SubHeading(label(Label::Membership, lang).to_string()));
    let names = |roles: &[Role], coopted: bool| -> Vec<String> {
        current
            .iter()
            .filter(|(r, p)| {
                roles.contains(r)
                    && coopted
                        == matches!(
                            p.kind,
                            PersonKind::CoOptedVoting | PersonKind::CoOptedNonVoting
                        )
            })
            .map(|(_, p)| person_name(&p.honorific, &p.name, lang))
            .collect()
    };
    let title = rec.body.chair_title;
    for (l, names) in [
        (
            chair(title, false, lang).to_string(),
            names(&[Role::Chair], false),
        ),
        (
            chair(title, true, lang).to_string(),
            names(&[Role::ViceChair], false),
        ),
        (
            label(Label::Members, lang).to_string(),
            names(&[Role::Member], false),
        ),
        (
            label(Label::CoOptedMembers, lang).to_string(),
            [
                names(&[Role::CoOpted, Role::Member, Role::Observer], true),
                names(&[Role::CoOpted], false),
            ]
            .concat(),
        ),
    ] {
        if !names.is_empty() {
            lines.push(Line::Attendance {
                label: format!("{l}:"),
                text: names.join(", "),
            });
        }
    }
}

fn agenda_document(input: &PackInput, opts: &PackOptions, lines: Vec<Line>) -> MinutesDocument {
    let rec = &input.record;
    let lang = opts.language;
    let body = pick(lang, &rec.body.name_en, &rec.body.name_cy);
    let head = format!(
        "{} \u{2013} {}, {}",
        label(Label::Agenda, lang),
        body,
        long_date(rec.meeting.date, lang)
    );
    MinutesDocument {
        language: lang,
        visibility: opts.visibility,
        draft: false,
        running_head: head.clone(),
        title: head,
        author: pick(lang, &rec.authority.name_en, &rec.authority.name_cy),
        minute_book_start: None,
        lines,
    }
}

/// Decides every page number of the pack from the recorded page counts.
pub fn plan_pack(input: &PackInput, opts: &PackOptions) -> Result<PackPlan, PackError> {
    let fonts = Fonts::load()?;
    let first_page = input.supplement.as_ref().map_or(1, |s| s.first_page.max(1));
    let chosen = selected(input, opts)?;
    let place = |agenda_pages: u32| -> Vec<PlannedDocument> {
        let mut next = first_page + agenda_pages;
        chosen
            .iter()
            .map(|(_, d)| {
                let pages = d.page_count.max(1);
                let p = PlannedDocument {
                    document: (*d).clone(),
                    first_page: next,
                    last_page: next + pages - 1,
                };
                next += pages;
                p
            })
            .collect()
    };
    // The agenda's length can depend on the numbers it prints: lay it out until it is stable.
    let mut agenda_pages = 1u32;
    let mut docs = place(agenda_pages);
    let mut lines = agenda_lines(input, opts, &docs);
    for _ in 0..6 {
        let doc = agenda_document(input, opts, lines.clone());
        let n = layout::paginate(&doc, fonts).len().max(1) as u32;
        if n == agenda_pages {
            break;
        }
        agenda_pages = n;
        docs = place(agenda_pages);
        lines = agenda_lines(input, opts, &docs);
    }
    let last_page = docs
        .last()
        .map_or(first_page + agenda_pages - 1, |d| d.last_page);
    let mut warnings = Vec::new();
    if input.supplement.is_none() {
        let published = input.info.agenda_published_on.unwrap_or(opts.today);
        let need = minutes_core::pack::notice_days(input.record.authority.jurisdiction);
        let have = minutes_core::pack::clear_days(published, input.record.meeting.date);
        if have < need {
            warnings.push(format!(
                "The agenda is issued on {} with {have} clear days' notice; {need} are required.",
                long_date(published, Language::En)
            ));
        }
    }
    Ok(PackPlan {
        first_page,
        agenda_pages,
        documents: docs,
        last_page,
        warnings,
        lines,
    })
}

/// Liberation Sans Regular cut down to the printable ASCII glyphs (all a stamp prints: "Page
/// 12", "Tudalen 12", "CONFIDENTIAL", "CYFRINACHOL"), with a Mac Roman cmap, which agrees
/// with WinAnsi on those characters. About a twentieth of the whole font.
fn stamp_font_program() -> Result<Vec<u8>, String> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font::read_cmap_subtable;
    use allsorts::font_data::FontData;
    use allsorts::subset::{subset, CmapTarget, SubsetProfile};
    use allsorts::tables::cmap::Cmap;
    use allsorts::tables::FontTableProvider;
    let e = |e: &dyn std::fmt::Display| e.to_string();
    let font = ReadScope::new(layout::REGULAR_TTF)
        .read::<FontData<'_>>()
        .map_err(|x| e(&x))?;
    let provider = font.table_provider(0).map_err(|x| e(&x))?;
    let cmap_data = provider
        .read_table_data(allsorts::tag::CMAP)
        .map_err(|x| e(&x))?;
    let cmap = ReadScope::new(&cmap_data)
        .read::<Cmap<'_>>()
        .map_err(|x| e(&x))?;
    let (_, chars) = read_cmap_subtable(&cmap)
        .map_err(|x| e(&x))?
        .ok_or("the font has no usable cmap")?;
    let mut glyphs = vec![0u16];
    for c in 32u32..=126 {
        if let Some(g) = chars.map_glyph(c).map_err(|x| e(&x))? {
            glyphs.push(g);
        }
    }
    glyphs.sort_unstable();
    glyphs.dedup();
    subset(
        &provider,
        &glyphs,
        &SubsetProfile::Pdf,
        CmapTarget::MacRoman,
    )
    .map_err(|x| e(&x))
}

/// The stamps' font: a subset of Liberation Sans Regular as a simple TrueType font (WinAnsi).
fn stamp_font(out: &mut Document, fonts: &Fonts) -> Result<ObjectId, PackError> {
    static PACKED: OnceLock<Result<(Vec<u8>, usize), String>> = OnceLock::new();
    let (packed, length) = PACKED
        .get_or_init(|| {
            let program = stamp_font_program()?;
            let mut z = ZlibEncoder::new(Vec::new(), Compression::new(6));
            z.write_all(&program).map_err(|e| e.to_string())?;
            Ok((z.finish().map_err(|e| e.to_string())?, program.len()))
        })
        .as_ref()
        .map_err(|e| PackError::Writer(format!("preparing the stamp font: {e}")))?;
    let file = out.add_object(Stream::new(
        dictionary! {
            "Length1" => *length as i64,
            "Filter" => "FlateDecode",
        },
        packed.clone(),
    ));
    let descriptor = out.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => "CFNDST+LiberationSans",
        "Flags" => 32,
        "FontBBox" => vec![(-544).into(), (-303).into(), 1302.into(), 980.into()],
        "ItalicAngle" => 0,
        "Ascent" => 905,
        "Descent" => -212,
        "CapHeight" => 729,
        "StemV" => 80,
        "FontFile2" => file,
    });
    let widths: Vec<Object> = (32u8..=126)
        .map(|c| {
            let w = fonts.width(&(c as char).to_string(), Weight::Regular, 1000.0);
            Object::Integer(w.round() as i64)
        })
        .collect();
    Ok(out.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "TrueType",
        "BaseFont" => "CFNDST+LiberationSans",
        "FirstChar" => 32,
        "LastChar" => 126,
        "Widths" => widths,
        "Encoding" => "WinAnsiEncoding",
        "FontDescriptor" => descriptor,
    }))
}

const STAMP_FONT: &[u8] = b"CofnodStamp";

/// Prints the agenda pack: the front sheet and agenda, then each report in agenda order,
/// read through `fetch` one at a time. `progress` hears of each step and may cancel.
/// Returns the PDF and the plan whose page map the agenda printed.
pub fn agenda_pack(
    input: &PackInput,
    opts: &PackOptions,
    fetch: &mut dyn FnMut(&DocumentInfo) -> Result<Vec<u8>, String>,
    progress: &mut dyn FnMut(PackProgress) -> ControlFlow<()>,
) -> Result<(Vec<u8>, PackPlan), PackError> {
    let fonts = Fonts::load()?;
    let lang = opts.language;
    let plan = plan_pack(input, opts)?;
    let cancelled = |c: ControlFlow<()>| match c {
        ControlFlow::Break(()) => Err(PackError::Cancelled),
        ControlFlow::Continue(()) => Ok(()),
    };
    cancelled(progress(PackProgress::Planned {
        reports: plan.documents.len(),
        pages: plan.pages(),
    }))?;

    let doc = agenda_document(input, opts, plan.lines.clone());
    let pdf_opts = PdfOptions {
        page_number_form: format!("{} {{n}}", label(Label::Page, lang)),
        created: opts.created,
        first_page: plan.first_page,
        ..PdfOptions::for_language(lang)
    };
    let agenda_bytes = crate::minutes_pdf(&doc, &pdf_opts)?;
    let werr = |e: lopdf::Error| PackError::Writer(e.to_string());
    let mut out = Document::load_mem(&agenda_bytes).map_err(werr)?;
    drop(agenda_bytes);
    let pages_root = out
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(werr)?;
    let agenda_page_ids: Vec<ObjectId> = out.page_iter().collect();
    let font_id = stamp_font(&mut out, fonts)?;
    let width_of = |t: &str, size: f32| fonts.width(t, Weight::Regular, size);
    let confidential = if opts.visibility == Visibility::Confidential {
        label(Label::Confidential, lang)
    } else {
        ""
    };

    // Bookmarks: the front sheet, the agenda, then each item (at its line on the agenda
    // until its first report is merged) with its reports.
    let first_agenda_page = agenda_page_ids.first().copied().unwrap_or(pages_root);
    let laid_out = layout::paginate(&doc, fonts);
    let page_with = |text: &str| {
        laid_out
            .iter()
            .position(|p| p.runs.iter().any(|r| r.text == text))
            .and_then(|i| agenda_page_ids.get(i).copied())
    };
    match &input.supplement {
        None => {
            out.add_bookmark(
                Bookmark::new(
                    label(Label::FrontSheet, lang).into(),
                    [0.0; 3],
                    0,
                    first_agenda_page,
                ),
                None,
            );
            let agenda = page_with(&label(Label::Agenda, lang).to_uppercase());
            out.add_bookmark(
                Bookmark::new(
                    label(Label::Agenda, lang).into(),
                    [0.0; 3],
                    0,
                    agenda.unwrap_or(first_agenda_page),
                ),
                None,
            );
        }
        Some(sup) => {
            out.add_bookmark(
                Bookmark::new(
                    label(Label::Addendum, lang).replace("{n}", &sup.number.to_string()),
                    [0.0; 3],
                    0,
                    first_agenda_page,
                ),
                None,
            );
        }
    }
    let mut items: Vec<&AgendaItem> = input.record.agenda.iter().collect();
    items.sort_by_key(|i| i.position);
    let mut item_marks: HashMap<Uuid, u32> = HashMap::new();
    for item in &items {
        let has_docs = plan
            .documents
            .iter()
            .any(|d| d.document.agenda_item_id == item.id);
        if input.supplement.is_some() && !has_docs {
            continue;
        }
        let at = page_with(&format!("{}.", item.position)).unwrap_or(first_agenda_page);
        let mark = out.add_bookmark(
            Bookmark::new(
                format!("{}. {}", item.position, item_title(item, lang)),
                [0.0; 3],
                0,
                at,
            ),
            None,
        );
        item_marks.insert(item.id, mark);
    }
    let mut form_fields: Vec<Object> = Vec::new();
    let mut form_dr: Option<Object> = None;
    let mut need_appearances = false;

    let total = plan.documents.len();
    let mut kids_added: Vec<ObjectId> = Vec::new();
    for (n, planned) in plan.documents.iter().enumerate() {
        let info = &planned.document;
        let report_err = |reason: String| PackError::Report {
            title: info.title.clone(),
            reason,
        };
        let bytes = fetch(info).map_err(report_err)?;
        let mut src = Document::load_mem(&bytes).map_err(|e| report_err(e.to_string()))?;
        drop(bytes);
        if src.is_encrypted() {
            return Err(report_err("it is encrypted".into()));
        }
        let src_pages: Vec<ObjectId> = src.page_iter().collect();
        if src_pages.len() as u32 != info.page_count {
            return Err(PackError::PageCount {
                title: info.title.clone(),
                expected: info.page_count,
                found: src_pages.len() as u32,
            });
        }
        // The report's own bookmarks, by page index.
        let toc: Vec<(usize, String, usize)> = src
            .get_toc()
            .map(|t| {
                t.toc
                    .into_iter()
                    .map(|e| (e.level, e.title, e.page))
                    .collect()
            })
            .unwrap_or_default();
        for &p in &src_pages {
            stamp::materialise_inherited(&mut src, p);
        }
        let acroform = src
            .catalog()
            .ok()
            .and_then(|c| c.get(b"AcroForm").ok())
            .cloned();
        // Renumber the report's objects above ours and take them over.
        src.renumber_objects_with(out.max_id + 1);
        let src_pages: Vec<ObjectId> = src.page_iter().collect();
        let acroform = src
            .catalog()
            .ok()
            .and_then(|c| c.get(b"AcroForm").ok())
            .cloned()
            .or(acroform);
        let mut drop_ids: Vec<ObjectId> = Vec::new();
        if let Ok(root) = src.trailer.get(b"Root").and_then(Object::as_reference) {
            drop_ids.push(root);
        }
        for (id, obj) in &src.objects {
            if let Ok(d) = obj.as_dict() {
                if d.get(b"Type").and_then(Object::as_name).ok() == Some(b"Pages") {
                    drop_ids.push(*id);
                }
            }
        }
        for id in drop_ids {
            src.objects.remove(&id);
        }
        out.max_id = out.max_id.max(src.max_id);
        out.objects.append(&mut src.objects);

        // Forms: each report's fields under a parent of its own, so that equal field names in
        // two reports stay two fields.
        if let Some(form) = acroform {
            let form = match form {
                Object::Reference(id) => out.get_object(id).ok().cloned(),
                o => Some(o),
            };
            if let Some(Object::Dictionary(form)) = form {
                let fields: Vec<ObjectId> = form
                    .get(b"Fields")
                    .and_then(Object::as_array)
                    .map(|a| a.iter().filter_map(|o| o.as_reference().ok()).collect())
                    .unwrap_or_default();
                if !fields.is_empty() {
                    let parent = out.new_object_id();
                    for f in &fields {
                        if let Ok(d) = out.get_dictionary_mut(*f) {
                            d.set("Parent", parent);
                        }
                    }
                    out.objects.insert(
                        parent,
                        Object::Dictionary(dictionary! {
                            "T" => Object::string_literal(format!("report{}", n + 1)),
                            "Kids" => fields.into_iter().map(Object::Reference).collect::<Vec<_>>(),
                        }),
                    );
                    form_fields.push(Object::Reference(parent));
                }
                if form_dr.is_none() {
                    form_dr = form.get(b"DR").ok().cloned();
                }
                need_appearances |= form
                    .get(b"NeedAppearances")
                    .and_then(Object::as_bool)
                    .unwrap_or(false);
            }
        }

        // Stamp every page with its pack page number.
        for (i, &page) in src_pages.iter().enumerate() {
            let number = planned.first_page + i as u32;
            let g = stamp::page_geometry(&out, page);
            let forms = stamp::form_boxes(&out, page);
            let lookup = |name: &[u8]| {
                forms
                    .iter()
                    .find(|(n, _, _)| n == name)
                    .map(|(_, r, m)| (*r, *m))
            };
            let content = out
                .get_page_content_with_limit(page, 256 << 20)
                .unwrap_or_default();
            let drawn = stamp::content_box(&content, &lookup);
            drop(content);
            let (placement, shrink) = stamp::placement(&g, &drawn);
            let before = match shrink {
                Some(m) => format!(
                    "q {} {} {} {} {} {} cm\n",
                    m[0], m[1], m[2], m[3], m[4], m[5]
                ),
                None => "q\n".to_string(),
            };
            let frame = match placement {
                Placement::Shrunk(s) => Some(s),
                Placement::Margin => None,
            };
            let mut after = b"Q\n".to_vec();
            after.extend(stamp::stamp_stream(
                &g,
                STAMP_FONT,
                &width_of,
                &format!("{} {number}", label(Label::Page, lang)),
                confidential,
                frame,
            ));
            stamp::wrap_contents(&mut out, page, before.into_bytes(), after);
            if let Some(m) = shrink {
                stamp::transform_annotations(&mut out, page, &m);
            }
            stamp::add_font_resource(&mut out, page, STAMP_FONT, font_id);
            if let Ok(d) = out.get_dictionary_mut(page) {
                d.set("Parent", pages_root);
            }
            kids_added.push(page);
        }

        // Bookmarks: the item goes to its first report; the report under it, and the
        // report's own bookmarks under that.
        let first = src_pages.first().copied().unwrap_or(first_agenda_page);
        let parent = item_marks.get(&info.agenda_item_id).copied();
        if let Some(mark) = parent {
            if let Some(b) = out.bookmark_table.get_mut(&mark) {
                if b.children.is_empty() {
                    b.page = first;
                }
            }
        }
        let report_mark = out.add_bookmark(
            Bookmark::new(info.title.clone(), [0.0; 3], 0, first),
            parent,
        );
        let mut levels: Vec<u32> = vec![report_mark];
        for (level, title, page) in toc {
            let Some(&target) = src_pages.get(page.saturating_sub(1)) else {
                continue;
            };
            let level = level.max(1);
            levels.truncate(level);
            let parent = levels.last().copied().unwrap_or(report_mark);
            let id = out.add_bookmark(Bookmark::new(title, [0.0; 3], 0, target), Some(parent));
            levels.push(id);
        }

        cancelled(progress(PackProgress::Merged {
            done: n + 1,
            total,
            title: info.title.clone(),
        }))?;
    }
    cancelled(progress(PackProgress::Writing))?;

    // The merged pages join the agenda's page tree.
    let added = kids_added.len() as i64;
    if let Ok(root) = out.get_dictionary_mut(pages_root) {
        let mut kids = root
            .get(b"Kids")
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default();
        kids.extend(kids_added.into_iter().map(Object::Reference));
        let count = root.get(b"Count").and_then(Object::as_i64).unwrap_or(0) + added;
        root.set("Kids", kids);
        root.set("Count", count);
    }
    let outline = out.build_outline();
    let catalog = out.catalog_mut().map_err(werr)?;
    if let Some(outline) = outline {
        catalog.set("Outlines", outline);
        catalog.set("PageMode", "UseOutlines");
    }
    if !form_fields.is_empty() {
        let mut form = Dictionary::new();
        form.set("Fields", form_fields);
        if let Some(dr) = form_dr {
            form.set("DR", dr);
        }
        if need_appearances {
            form.set("NeedAppearances", true);
        }
        catalog.set("AcroForm", form);
    }
    let mut bytes = Vec::new();
    out.save_to(&mut bytes)
        .map_err(|e| PackError::Writer(e.to_string()))?;
    Ok((bytes, plan))
}
