//! The agenda pack: front sheet and agenda (worded by [`minutes_core::front_sheet`], every
//! label, bookmark title and stamp included; laid out by [`crate::layout`] like the minutes),
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

use chrono::{DateTime, NaiveDate, Utc};
use flate2::write::ZlibEncoder;
use flate2::Compression;
use lopdf::{dictionary, Bookmark, Dictionary, Document, Object, ObjectId, Stream};
use minutes_core::front_sheet::{bilingual_front_sheet, front_sheet, FrontSheet};
use minutes_core::pack::{notice_warning, PackInput, PackedDocument};
use minutes_core::render::Visibility;
use minutes_core::{AgendaItem, DocumentInfo, ItemPart, Language};
use uuid::Uuid;

use crate::layout::{self, Fonts, Weight};
use crate::stamp::{self, Placement};
use crate::{PdfError, PdfOptions};

/// Which pack, in which language.
#[derive(Debug, Clone, PartialEq)]
pub struct PackOptions {
    pub language: Language,
    /// Both languages, Welsh first: the front sheet and agenda in Welsh then English (each
    /// item's Welsh title above its English one); `language` is then Welsh.
    pub bilingual: bool,
    /// `Public` leaves out part 2 reports; `Confidential` includes them and says so on every page.
    pub visibility: Visibility,
    /// The date of issue when the agenda has not been published yet (and a supplement's),
    /// and the day its notice is judged on. Given by the caller: nothing here reads a clock.
    pub today: NaiveDate,
    /// The file's creation date; `None` means now.
    pub created: Option<DateTime<Utc>>,
}

impl PackOptions {
    pub fn new(language: Language, visibility: Visibility, today: NaiveDate) -> Self {
        Self {
            language,
            bilingual: false,
            visibility,
            today,
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
    /// The front sheet and agenda, worded by `minutes-core` with these page numbers.
    sheet: FrontSheet,
}

/// The page map of planned documents.
fn packed(documents: &[PlannedDocument]) -> Vec<PackedDocument> {
    documents
        .iter()
        .map(|d| PackedDocument {
            document_id: d.document.id,
            first_page: d.first_page,
            last_page: d.last_page,
        })
        .collect()
}

impl PackPlan {
    /// The page map, as the store records it when the pack is issued.
    pub fn packed(&self) -> Vec<PackedDocument> {
        packed(&self.documents)
    }

    /// The front sheet and agenda as worded for these page numbers: what the pack prints.
    pub fn sheet(&self) -> &FrontSheet {
        &self.sheet
    }

    pub fn pages(&self) -> u32 {
        self.last_page + 1 - self.first_page
    }
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
    let sheet_for = |docs: &[PlannedDocument]| {
        if opts.bilingual {
            bilingual_front_sheet(input, opts.visibility, opts.today, &packed(docs))
        } else {
            front_sheet(
                input,
                opts.language,
                opts.visibility,
                opts.today,
                &packed(docs),
            )
        }
    };
    // The agenda's length can depend on the numbers it prints: lay it out until it is stable.
    let mut agenda_pages = 1u32;
    let mut docs = place(agenda_pages);
    let mut sheet = sheet_for(&docs);
    for _ in 0..6 {
        let n = layout::paginate(&sheet.document, fonts).len().max(1) as u32;
        if n == agenda_pages {
            break;
        }
        agenda_pages = n;
        docs = place(agenda_pages);
        sheet = sheet_for(&docs);
    }
    let last_page = docs
        .last()
        .map_or(first_page + agenda_pages - 1, |d| d.last_page);
    Ok(PackPlan {
        first_page,
        agenda_pages,
        documents: docs,
        last_page,
        warnings: notice_warning(input, opts.today).into_iter().collect(),
        sheet,
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

    let sheet = &plan.sheet;
    let doc = &sheet.document;
    let pdf_opts = PdfOptions {
        page_number_form: sheet.page_form.clone(),
        created: opts.created,
        first_page: plan.first_page,
        ..if opts.bilingual {
            PdfOptions::bilingual()
        } else {
            PdfOptions::for_language(lang)
        }
    };
    let agenda_bytes = crate::minutes_pdf(doc, &pdf_opts)?;
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

    // Bookmarks: the front sheet, the agenda, then each item (at its line on the agenda
    // until its first report is merged) with its reports.
    let first_agenda_page = agenda_page_ids.first().copied().unwrap_or(pages_root);
    let laid_out = layout::paginate(doc, fonts);
    let page_with = |text: &str| {
        laid_out
            .iter()
            .position(|p| p.runs.iter().any(|r| r.text == text))
            .and_then(|i| agenda_page_ids.get(i).copied())
    };
    out.add_bookmark(
        Bookmark::new(sheet.first_mark.clone(), [0.0; 3], 0, first_agenda_page),
        None,
    );
    if let Some(agenda) = &sheet.agenda_mark {
        let at = page_with(&agenda.to_uppercase()).unwrap_or(first_agenda_page);
        out.add_bookmark(Bookmark::new(agenda.clone(), [0.0; 3], 0, at), None);
    }
    let mut item_marks: HashMap<Uuid, u32> = HashMap::new();
    for item in &sheet.items {
        let at = page_with(&item.number).unwrap_or(first_agenda_page);
        let mark = out.add_bookmark(Bookmark::new(item.title.clone(), [0.0; 3], 0, at), None);
        item_marks.insert(item.item_id, mark);
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
        // A tagged report keeps its structure, under a `Part` of the pack's tree; an untagged
        // one stays untagged content (only its author can tag it).
        let graft = take_structure(&mut src, struct_next_key(&out));
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
        if let Some(graft) = graft {
            graft_structure(&mut out, graft, &info.title);
        }

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
            // The stamp is pagination, not part of the report: an artifact.
            let mut after = b"Q\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n".to_vec();
            after.extend(stamp::stamp_stream(
                &g,
                STAMP_FONT,
                &width_of,
                &sheet.page_form.replace("{n}", &number.to_string()),
                &sheet.stamp_mark,
                frame,
            ));
            after.extend_from_slice(b"\nEMC\n");
            stamp::wrap_contents(&mut out, page, before.into_bytes(), after);
            if let Some(m) = shrink {
                stamp::transform_annotations(&mut out, page, &m);
            }
            stamp::add_font_resource(&mut out, page, STAMP_FONT, font_id);
            if let Ok(d) = out.get_dictionary_mut(page) {
                d.set("Parent", pages_root);
                d.set("Tabs", "S");
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

/// A tagged report's structure, taken from its catalog to join the pack's tree.
struct Graft {
    /// The top elements of the report's tree.
    kids: Vec<Object>,
    /// Its parent tree, the keys already moved past the pack's.
    nums: Vec<(i64, Object)>,
    role_map: Option<Dictionary>,
    class_map: Option<Dictionary>,
    lang: Option<Object>,
    /// The first parent-tree key the report leaves free.
    next_key: i64,
}

/// The pack's structure tree root (the agenda's), resolved.
fn struct_root(out: &Document) -> Option<ObjectId> {
    out.catalog()
        .ok()?
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .ok()
}

/// The first parent-tree key the pack has not used.
fn struct_next_key(out: &Document) -> i64 {
    struct_root(out)
        .and_then(|id| out.get_dictionary(id).ok())
        .and_then(|d| d.get(b"ParentTreeNextKey").and_then(Object::as_i64).ok())
        .unwrap_or(0)
}

/// The entries of a number tree, following its `/Kids` (at most 32 levels deep).
fn number_tree(doc: &Document, node: &Object, depth: u32, out: &mut Vec<(i64, Object)>) {
    let Some(d) = (match node {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }) else {
        return;
    };
    if let Ok(nums) = d.get(b"Nums").and_then(Object::as_array) {
        for pair in nums.chunks(2) {
            if let [Object::Integer(k), v] = pair {
                out.push((*k, v.clone()));
            }
        }
    }
    if depth < 32 {
        if let Ok(kids) = d.get(b"Kids").and_then(Object::as_array) {
            for k in kids {
                number_tree(doc, k, depth + 1, out);
            }
        }
    }
}

/// Takes a (renumbered) report's structure tree out of it: the tree root and parent-tree
/// nodes are removed, every `/StructParents` and `/StructParent` key is moved up by `offset`
/// so that it follows the pack's own. An untagged report (no tree, or not marked) loses any
/// stray keys, which would otherwise point into the pack's tree.
fn take_structure(src: &mut Document, offset: i64) -> Option<Graft> {
    let catalog = src.catalog().ok()?.clone();
    let root_id = catalog
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .ok();
    let root = root_id.and_then(|id| src.get_dictionary(id).ok()).cloned();
    let graft = root.and_then(|root| {
        let kids = match root.get(b"K").ok()? {
            Object::Array(a) => a.clone(),
            k @ Object::Reference(_) => vec![k.clone()],
            _ => return None,
        };
        let mut nums = Vec::new();
        if let Ok(tree) = root.get(b"ParentTree") {
            number_tree(src, tree, 0, &mut nums);
            if let Object::Reference(id) = tree {
                src.objects.remove(id);
            }
        }
        let dict_of = |key: &[u8]| match root.get(key).ok()? {
            Object::Dictionary(d) => Some(d.clone()),
            Object::Reference(id) => src.get_dictionary(*id).ok().cloned(),
            _ => None,
        };
        let next_key = nums
            .iter()
            .map(|(k, _)| k + 1)
            .chain(root.get(b"ParentTreeNextKey").and_then(Object::as_i64))
            .max()
            .unwrap_or(0)
            + offset;
        Some(Graft {
            next_key,
            kids,
            nums: nums.into_iter().map(|(k, v)| (k + offset, v)).collect(),
            role_map: dict_of(b"RoleMap"),
            class_map: dict_of(b"ClassMap"),
            lang: catalog.get(b"Lang").ok().cloned(),
        })
    });
    if let Some(id) = root_id {
        src.objects.remove(&id);
    }
    let mut graft = graft;
    for obj in src.objects.values_mut() {
        let d = match obj {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &mut s.dict,
            _ => continue,
        };
        for key in [&b"StructParents"[..], b"StructParent"] {
            if let Ok(k) = d.get(key).and_then(Object::as_i64) {
                match graft.as_mut() {
                    Some(g) => {
                        d.set(key, k + offset);
                        g.next_key = g.next_key.max(k + offset + 1);
                    }
                    None => {
                        d.remove(key);
                    }
                }
            }
        }
    }
    graft
}

/// Hangs a report's structure under a `Part` element (titled with the report's title, in the
/// report's language) at the end of the pack's `Document`, and adds its parent tree.
fn graft_structure(out: &mut Document, graft: Graft, title: &str) {
    let Some(root_id) = struct_root(out) else {
        return;
    };
    let Some(root) = out.get_dictionary(root_id).ok().cloned() else {
        return;
    };
    let Ok(document) = root.get(b"K").and_then(Object::as_reference) else {
        return;
    };
    let part = out.new_object_id();
    for kid in &graft.kids {
        if let Ok(id) = kid.as_reference() {
            if let Ok(d) = out.get_dictionary_mut(id) {
                d.set("P", part);
            }
        }
    }
    let mut p = dictionary! {
        "Type" => "StructElem",
        "S" => "Part",
        "P" => document,
        "T" => Object::string_literal(title),
        "K" => graft.kids,
    };
    if let Some(lang) = graft.lang {
        p.set("Lang", lang);
    }
    out.objects.insert(part, Object::Dictionary(p));
    if let Ok(d) = out.get_dictionary_mut(document) {
        let mut k = match d.get(b"K") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(o) => vec![o.clone()],
            Err(_) => Vec::new(),
        };
        k.push(Object::Reference(part));
        d.set("K", k);
    }
    let next = graft.next_key;
    let tree_id = root.get(b"ParentTree").and_then(Object::as_reference).ok();
    if let Some(Ok(tree)) = tree_id.map(|id| out.get_dictionary_mut(id)) {
        let mut nums = tree
            .get(b"Nums")
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default();
        for (k, v) in graft.nums {
            nums.push(Object::Integer(k));
            nums.push(v);
        }
        tree.set("Nums", nums);
    }
    if let Ok(r) = out.get_dictionary_mut(root_id) {
        let old = r
            .get(b"ParentTreeNextKey")
            .and_then(Object::as_i64)
            .unwrap_or(0);
        r.set("ParentTreeNextKey", next.max(old));
        for (key, add) in [
            (&b"RoleMap"[..], graft.role_map),
            (b"ClassMap", graft.class_map),
        ] {
            let Some(add) = add else { continue };
            let mut map = match r.get(key) {
                Ok(Object::Dictionary(d)) => d.clone(),
                _ => Dictionary::new(),
            };
            for (k, v) in add.iter() {
                if !map.has(k) {
                    map.set(k.clone(), v.clone());
                }
            }
            r.set(key, map);
        }
    }
}
