//! Drawing: laid-out pages to a PDF file.
//!
//! Every page gets the running header (body name and meeting date at the left, the DRAFT and
//! CONFIDENTIAL marks at the right), a light-grey diagonal DRAFT behind the text of draft
//! minutes, the body text, and the footer ("Page 3 of 7", and in loose-leaf mode the
//! minute-book page). printpdf writes the file with both faces embedded and subset; lopdf
//! then sets what printpdf 0.12 cannot: the PDF version (1.7, printpdf writes 1.3) and the
//! catalog's `/Lang` and `/ViewerPreferences /DisplayDocTitle`, and the streams are
//! compressed at zlib level 3: printpdf's own compression, at the best level, took more time
//! than all the rest of the work; level 3 takes a quarter of that for files 15% larger
//! (60 pages: about 200 kB).
//!
//! Every document is a tagged PDF (for WCAG 2.2 AA, aiming at PDF/UA): the body text of each
//! structure element the layout made ([`crate::layout::Element`]) is one marked-content
//! sequence per page (`/P <</MCID 4>> BDC ... EMC`), in the order drawn, which is the visual
//! order; the running header, the footer, the DRAFT watermark and every rule are
//! `/Artifact`s. `finish` then writes the structure tree (`Document`, `H1` for the title
//! lines, `H2` for minute headings, `H3`, `P`, `L`/`LI`/`Lbl`/`LBody`, `Table`/`TR`/`TH`/`TD`
//! for the tracker's fields; a bilingual document's passages with their `/Lang`), its parent
//! tree, `/StructParents` and `/Tabs /S` on each page, `/MarkInfo` and an XMP `dc:title`.

use std::io::Write;

use flate2::write::ZlibEncoder;
use flate2::Compression;
use lopdf::{dictionary, Object};
use minutes_core::render::MinutesDocument;
use minutes_core::Language;
use printpdf::{
    Color, DictItem, FontId, Greyscale, Line as PdfLine, LinePoint, Mm, Op, PdfDocument,
    PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, TextItem, TextMatrix,
};

use crate::layout::{
    Element, Fonts, Laid, Weight, MARGIN_LEFT, PAGE_HEIGHT, PAGE_WIDTH, PT_PER_MM, TEXT_WIDTH,
};
use crate::{PdfError, PdfOptions};

/// Size of the running header and footer.
const MARGIN_TEXT_SIZE: f32 = 9.0;
/// Baseline of the running header and of the footer, from the top of the page.
const HEADER_BASELINE: f32 = 14.0 * PT_PER_MM;
const HEADER_RULE: f32 = 16.0 * PT_PER_MM;
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 13.0 * PT_PER_MM;

/// Builds one page's content stream: text in a single text object, y from the top.
struct Canvas<'a> {
    fonts: &'a Fonts,
    regular: &'a FontId,
    bold: &'a FontId,
    graphics: Vec<Op>,
    text: Vec<Op>,
    current: Option<(Weight, f32, f32)>,
    /// The structure element whose marked-content sequence is open, and its MCID.
    open: Option<usize>,
    /// The structure element of each MCID on the page, in order.
    mcids: Vec<usize>,
}

impl<'a> Canvas<'a> {
    fn new(fonts: &'a Fonts, regular: &'a FontId, bold: &'a FontId) -> Self {
        Self {
            fonts,
            regular,
            bold,
            graphics: Vec::new(),
            text: Vec::new(),
            current: None,
            open: None,
            mcids: Vec::new(),
        }
    }

    /// Sets the font, size and grey level of the text that follows, when they change.
    fn set(&mut self, weight: Weight, size: f32, grey: f32) {
        let current = self.current;
        if current.map(|(w, s, _)| (w, s)) != Some((weight, size)) {
            let id = match weight {
                Weight::Regular => self.regular,
                Weight::Bold => self.bold,
            };
            self.text.push(Op::SetFont {
                font: PdfFontHandle::External(id.clone()),
                size: Pt(size),
            });
        }
        if current.map(|(_, _, g)| g) != Some(grey) {
            self.text.push(Op::SetFillColor {
                col: Color::Greyscale(Greyscale::new(grey, None)),
            });
        }
        self.current = Some((weight, size, grey));
    }

    /// Text with its baseline at `y` from the top of the page.
    fn text(&mut self, x: f32, y: f32, weight: Weight, size: f32, text: &str) {
        if text.is_empty() {
            return;
        }
        self.set(weight, size, 0.0);
        self.text.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(x), Pt(PAGE_HEIGHT - y)),
        });
        self.text.push(Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        });
    }

    fn right(&mut self, y: f32, weight: Weight, size: f32, text: &str) {
        let w = self.fonts.width(text, weight, size);
        self.text(MARGIN_LEFT + TEXT_WIDTH - w, y, weight, size, text);
    }

    fn centre(&mut self, y: f32, weight: Weight, size: f32, text: &str) {
        let w = self.fonts.width(text, weight, size);
        self.text(MARGIN_LEFT + (TEXT_WIDTH - w) / 2.0, y, weight, size, text);
    }

    fn rule(&mut self, x1: f32, x2: f32, y: f32, width: f32, grey: f32) {
        let y = Pt(PAGE_HEIGHT - y);
        self.graphics.push(Op::SetOutlineColor {
            col: Color::Greyscale(Greyscale::new(grey, None)),
        });
        self.graphics
            .push(Op::SetOutlineThickness { pt: Pt(width) });
        self.graphics.push(Op::DrawLine {
            line: PdfLine {
                points: vec![
                    LinePoint {
                        p: Point { x: Pt(x1), y },
                        bezier: false,
                    },
                    LinePoint {
                        p: Point { x: Pt(x2), y },
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }

    /// A large light-grey word across the middle of the page, drawn first so that the
    /// text lies over it. It is marked with an empty `/ActualText`, so text extraction and
    /// screen readers skip it (it would otherwise break into the reading order); the DRAFT
    /// in the running header is the extractable mark.
    fn watermark(&mut self, word: &str) {
        let (sin, cos) = 45f32.to_radians().sin_cos();
        // 110 points, or smaller so that the turned word stays inside the text area.
        let extent = (self.fonts.width(word, Weight::Bold, 1.0) + 0.7) * cos;
        let size = (TEXT_WIDTH / extent.max(0.01)).min(110.0);
        let w = self.fonts.width(word, Weight::Bold, size);
        // Centre the word's box (width w, cap height about 0.7 em) on the page centre.
        let (cx, cy) = (PAGE_WIDTH / 2.0, PAGE_HEIGHT / 2.0);
        let (dx, dy) = (w / 2.0, size * 0.35);
        let x = cx - (dx * cos - dy * sin);
        let y = cy - (dx * sin + dy * cos);
        let no_text = DictItem::Dict {
            map: [(
                "ActualText".to_string(),
                DictItem::String {
                    data: Vec::new(),
                    literal: true,
                },
            )]
            .into(),
        };
        self.artifact("Watermark");
        self.text.push(Op::BeginMarkedContentWithProperties {
            tag: "Span".to_string(),
            properties: no_text,
        });
        self.set(Weight::Bold, size, 0.88);
        self.text.push(Op::SetTextMatrix {
            matrix: TextMatrix::Raw([cos, sin, -sin, cos, x, y]),
        });
        self.text.push(Op::ShowText {
            items: vec![TextItem::Text(word.to_string())],
        });
        self.text.push(Op::EndMarkedContent);
        self.text.push(Op::EndMarkedContent);
    }

    /// Opens an artifact of pagination (`/Artifact <</Type /Pagination /Subtype /Header>> BDC`):
    /// what a screen reader skips and the structure tree leaves out. Closed by the caller.
    fn artifact(&mut self, subtype: &str) {
        self.close_content();
        let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
        self.text.push(Op::BeginMarkedContentWithProperties {
            tag: "Artifact".to_string(),
            properties: DictItem::Dict {
                map: [
                    ("Type".to_string(), name("Pagination")),
                    ("Subtype".to_string(), name(subtype)),
                ]
                .into(),
            },
        });
    }

    /// Marks the text that follows as content of structure element `elem` (`/P <</MCID 3>>
    /// BDC`), closing the sequence before unless it is the same element's.
    fn content(&mut self, elem: usize, role: &str) {
        if self.open == Some(elem) {
            return;
        }
        self.close_content();
        let mcid = self.mcids.len();
        self.mcids.push(elem);
        self.text.push(Op::BeginMarkedContentWithProperties {
            tag: role.to_string(),
            properties: DictItem::Dict {
                map: [("MCID".to_string(), DictItem::Int(mcid as i64))].into(),
            },
        });
        self.open = Some(elem);
    }

    fn close_content(&mut self) {
        if self.open.take().is_some() {
            self.text.push(Op::EndMarkedContent);
        }
    }

    /// The page's operations, and the structure element of each MCID. The rules are drawn
    /// first, as one artifact.
    fn into_ops(mut self) -> (Vec<Op>, Vec<usize>) {
        self.close_content();
        let mut ops = Vec::with_capacity(self.graphics.len() + self.text.len() + 4);
        if !self.graphics.is_empty() {
            ops.push(Op::BeginMarkedContent {
                tag: "Artifact".to_string(),
            });
            ops.append(&mut self.graphics);
            ops.push(Op::EndMarkedContent);
        }
        ops.push(Op::StartTextSection);
        ops.extend(self.text);
        ops.push(Op::EndTextSection);
        (ops, self.mcids)
    }
}

/// Draws the pages and writes the PDF.
pub fn write_pdf(
    doc: &MinutesDocument,
    opts: &PdfOptions,
    fonts: &Fonts,
    laid: &Laid,
) -> Result<Vec<u8>, PdfError> {
    let (pages, elements) = (&laid.pages, &laid.elements);
    let mut pdf = PdfDocument::new(&doc.title);
    let created = opts.created.unwrap_or_else(chrono::Utc::now).timestamp();
    let date = printpdf::OffsetDateTime::from_unix_timestamp(created)
        .map_err(|e| PdfError::Writer(format!("creation date: {e}")))?;
    let info = &mut pdf.metadata.info;
    info.author = doc.author.clone();
    info.creator = "Cofnod".to_string();
    info.producer = format!("Cofnod {} (printpdf)", env!("CARGO_PKG_VERSION"));
    info.subject = doc.running_head.clone();
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    let regular = pdf.add_font(&fonts.regular.font);
    let bold = pdf.add_font(&fonts.bold.font);

    let lang = doc.language;
    let marks = doc.marks().join("   ");
    let marks_w = fonts.width(&marks, Weight::Bold, MARGIN_TEXT_SIZE);
    let head = fonts.truncate(
        &doc.running_head,
        Weight::Regular,
        MARGIN_TEXT_SIZE,
        TEXT_WIDTH - marks_w - if marks.is_empty() { 0.0 } else { 12.0 },
    );
    let first = opts.first_page.max(1) as usize;
    let total = first + pages.len().saturating_sub(1);
    let book_start = opts.minute_book_start.filter(|_| !doc.draft);

    let mut pdf_pages = Vec::with_capacity(pages.len());
    let mut page_mcids = Vec::with_capacity(pages.len());
    for (i, page) in pages.iter().enumerate() {
        let n = first + i;
        let mut c = Canvas::new(fonts, &regular, &bold);
        if let Some(mark) = doc.watermark() {
            c.watermark(&mark);
        }
        c.artifact("Header");
        c.text(
            MARGIN_LEFT,
            HEADER_BASELINE,
            Weight::Regular,
            MARGIN_TEXT_SIZE,
            &head,
        );
        c.right(HEADER_BASELINE, Weight::Bold, MARGIN_TEXT_SIZE, &marks);
        c.text.push(Op::EndMarkedContent);
        c.rule(MARGIN_LEFT, MARGIN_LEFT + TEXT_WIDTH, HEADER_RULE, 0.4, 0.5);
        for run in &page.runs {
            let role = elements.get(run.elem).map_or("Span", |e| e.role);
            c.content(run.elem, role);
            c.text(run.x, run.y, run.weight, run.size, &run.text);
        }
        c.close_content();
        for rule in &page.rules {
            c.rule(rule.x1, rule.x2, rule.y, 0.6, 0.0);
        }
        let page_no = opts
            .page_number_form
            .replace("{n}", &n.to_string())
            .replace("{total}", &total.to_string());
        let page_no = fonts.truncate(
            &page_no,
            Weight::Regular,
            MARGIN_TEXT_SIZE,
            TEXT_WIDTH / 2.0,
        );
        c.artifact("Footer");
        c.centre(FOOTER_BASELINE, Weight::Regular, MARGIN_TEXT_SIZE, &page_no);
        if let Some(start) = book_start {
            let book = opts
                .minute_book_form
                .replace("{n}", &(u64::from(start) + i as u64).to_string());
            let book = fonts.truncate(&book, Weight::Bold, MARGIN_TEXT_SIZE, TEXT_WIDTH / 4.0);
            c.right(FOOTER_BASELINE, Weight::Bold, MARGIN_TEXT_SIZE, &book);
        }
        c.text.push(Op::EndMarkedContent);
        let (ops, mcids) = c.into_ops();
        page_mcids.push(mcids);
        pdf_pages.push(PdfPage::new(Mm(210.0), Mm(297.0), ops));
    }
    pdf.with_pages(pdf_pages);

    let save = PdfSaveOptions {
        optimize: false, // compressed in `finish`
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let bytes = pdf.save(&save, &mut warnings);
    if let Some(w) = warnings
        .iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
    {
        return Err(PdfError::Writer(w.msg.clone()));
    }
    let tree = Tagging {
        elements,
        page_mcids: &page_mcids,
    };
    finish(&bytes, lang, &doc.title, &tree)
}

/// Compresses every stream not yet compressed (page contents, fonts) with Flate.
fn compress_streams(pdf: &mut lopdf::Document) -> Result<(), PdfError> {
    for obj in pdf.objects.values_mut() {
        let Object::Stream(stream) = obj else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() || !stream.allows_compression {
            continue;
        }
        let mut zlib = ZlibEncoder::new(Vec::new(), Compression::new(3));
        zlib.write_all(&stream.content)
            .map_err(|e| PdfError::Writer(format!("compressing: {e}")))?;
        let packed = zlib
            .finish()
            .map_err(|e| PdfError::Writer(format!("compressing: {e}")))?;
        if packed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
    Ok(())
}

/// The structure of a drawn document: its elements, and for each page the element of each
/// MCID in the order drawn (which is the reading order).
pub(crate) struct Tagging<'a> {
    pub elements: &'a [Element],
    pub page_mcids: &'a [Vec<usize>],
}

/// Makes the PDF a tagged one: the structure tree (`/StructTreeRoot`, one `Document` element
/// with the headings, paragraphs, lists and tables under it, each pointing at its marked
/// content), the parent tree from each page's `/StructParents` back to the elements, each
/// page's tab order by structure (`/Tabs /S`) and `/MarkInfo <</Marked true>>`.
fn add_structure(pdf: &mut lopdf::Document, t: &Tagging<'_>) -> Result<(), PdfError> {
    use lopdf::{Dictionary, ObjectId};
    let page_ids: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    if page_ids.len() != t.page_mcids.len() {
        return Err(PdfError::Metadata(format!(
            "{} pages drawn but {} written",
            t.page_mcids.len(),
            page_ids.len()
        )));
    }
    let n = t.elements.len().max(1);
    let elem = |e: usize| if e < n { e } else { 0 };
    // Each element's marked content: (reading-order sequence, page index, MCID).
    let mut content: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); n];
    let mut first = vec![usize::MAX; n];
    let mut seq = 0;
    for (page, mcids) in t.page_mcids.iter().enumerate() {
        for (mcid, &e) in mcids.iter().enumerate() {
            let e = elem(e);
            content[e].push((seq, page, mcid));
            first[e] = first[e].min(seq);
            seq += 1;
        }
    }
    let parent = |i: usize| t.elements.get(i).and_then(|e| e.parent).map(elem);
    // Parents come before their children: an element's first content is its subtree's.
    for i in (1..n).rev() {
        if let Some(p) = parent(i).filter(|&p| p < i) {
            first[p] = first[p].min(first[i]);
        }
    }
    // Elements with no content (an empty label) are left out.
    let ids: Vec<Option<ObjectId>> = (0..n)
        .map(|i| (i == 0 || first[i] != usize::MAX).then(|| pdf.new_object_id()))
        .collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for i in 1..n {
        if ids[i].is_some() {
            children[parent(i).filter(|&p| p < i).unwrap_or(0)].push(i);
        }
    }
    let root_id = pdf.new_object_id();
    for i in 0..n {
        let Some(id) = ids[i] else { continue };
        let pg = content[i].first().map(|&(_, page, _)| page);
        let mut kids: Vec<(usize, Object)> = content[i]
            .iter()
            .map(|&(s, page, mcid)| {
                let kid = if Some(page) == pg {
                    Object::Integer(mcid as i64)
                } else {
                    Object::Dictionary(dictionary! {
                        "Type" => "MCR",
                        "Pg" => page_ids[page],
                        "MCID" => mcid as i64,
                    })
                };
                (s, kid)
            })
            .collect();
        kids.extend(
            children[i]
                .iter()
                .filter_map(|&c| Some((first[c], ids[c]?.into()))),
        );
        kids.sort_by_key(|(s, _)| *s);
        let e = t.elements.get(i);
        let mut d = Dictionary::new();
        d.set("Type", "StructElem");
        d.set(
            "S",
            Object::Name(e.map_or("Document", |e| e.role).as_bytes().to_vec()),
        );
        let up = match parent(i).filter(|&p| p < i) {
            Some(p) => ids[p].unwrap_or(root_id),
            None => root_id,
        };
        d.set("P", up);
        if let Some(page) = pg {
            d.set("Pg", page_ids[page]);
        }
        // A single kid is written alone, not in an array: both are allowed, and the smaller
        // form is the one every checker reads (pdfua 0.1.3 skips its empty-heading rule on
        // an array).
        let mut kids: Vec<Object> = kids.into_iter().map(|(_, k)| k).collect();
        if kids.len() == 1 {
            d.set("K", kids.remove(0));
        } else {
            d.set("K", kids);
        }
        let lang = e.and_then(|e| e.lang);
        let parent_lang = parent(i)
            .and_then(|p| t.elements.get(p))
            .and_then(|p| p.lang);
        if let Some(l) = lang.filter(|l| Some(*l) != parent_lang) {
            d.set("Lang", Object::string_literal(l.tag()));
        }
        if e.map(|e| e.role) == Some("TH") {
            d.set("A", dictionary! { "O" => "Table", "Scope" => "Row" });
        }
        pdf.objects.insert(id, Object::Dictionary(d));
    }
    let mut nums = Vec::with_capacity(page_ids.len() * 2);
    for (page, (&page_id, mcids)) in page_ids.iter().zip(t.page_mcids).enumerate() {
        nums.push(Object::Integer(page as i64));
        nums.push(Object::Array(
            mcids
                .iter()
                .map(|&e| ids[elem(e)].map_or(Object::Null, Object::Reference))
                .collect(),
        ));
        if let Ok(d) = pdf.get_dictionary_mut(page_id) {
            d.set("StructParents", page as i64);
            d.set("Tabs", "S");
        }
    }
    let parent_tree = pdf.add_object(dictionary! { "Nums" => nums });
    pdf.objects.insert(
        root_id,
        Object::Dictionary(dictionary! {
            "Type" => "StructTreeRoot",
            "K" => ids[0].map_or(Object::Null, Object::Reference),
            "ParentTree" => parent_tree,
            "ParentTreeNextKey" => page_ids.len() as i64,
        }),
    );
    let catalog = pdf
        .catalog_mut()
        .map_err(|e| PdfError::Metadata(e.to_string()))?;
    catalog.set("StructTreeRoot", root_id);
    catalog.set("MarkInfo", dictionary! { "Marked" => true });
    Ok(())
}

/// The XMP metadata a PDF/UA reader looks for: the title (`dc:title`) and the language.
fn xmp(title: &str, lang: Language) -> Vec<u8> {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n\
         <dc:format>application/pdf</dc:format>\n\
         <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\n\
         <dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n\
         </rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>",
        esc(title),
        lang.tag()
    )
    .into_bytes()
}

/// Sets the PDF version, `/Lang`, `/DisplayDocTitle` and the XMP title, which printpdf does
/// not write, adds the structure tree, and compresses the streams.
fn finish(
    bytes: &[u8],
    lang: Language,
    title: &str,
    tagging: &Tagging<'_>,
) -> Result<Vec<u8>, PdfError> {
    let err = |e: lopdf::Error| PdfError::Metadata(e.to_string());
    let mut pdf = lopdf::Document::load_mem(bytes).map_err(err)?;
    pdf.version = "1.7".to_string();
    add_structure(&mut pdf, tagging)?;
    let mut metadata = lopdf::Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp(title, lang),
    );
    metadata.allows_compression = false;
    let metadata = pdf.add_object(metadata);
    let catalog = pdf.catalog_mut().map_err(err)?;
    let tag = lang.tag();
    catalog.set("Lang", Object::string_literal(tag));
    catalog.set(
        "ViewerPreferences",
        dictionary! { "DisplayDocTitle" => true },
    );
    catalog.set("Metadata", metadata);
    // printpdf writes these empty; an empty PDF/X version string claims what is not so.
    if let Ok(info) = pdf.trailer.get(b"Info").and_then(Object::as_reference) {
        if let Ok(Object::Dictionary(d)) = pdf.get_object_mut(info) {
            for key in [&b"GTS_PDFXVersion"[..], b"Identifier", b"Keywords"] {
                if matches!(d.get(key), Ok(Object::String(s, _)) if s.is_empty()) {
                    d.remove(key);
                }
            }
        }
    }
    compress_streams(&mut pdf)?;
    let mut out = Vec::with_capacity(bytes.len() + 256);
    pdf.save_to(&mut out)
        .map_err(|e| PdfError::Metadata(e.to_string()))?;
    Ok(out)
}
