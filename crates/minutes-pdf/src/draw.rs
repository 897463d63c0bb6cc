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
    Fonts, Page, Weight, MARGIN_LEFT, PAGE_HEIGHT, PAGE_WIDTH, PT_PER_MM, TEXT_WIDTH,
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
    /// The language of the marked passage open, in a bilingual document.
    passage: Option<Language>,
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
            passage: None,
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
    }

    /// Opens a passage marked with its language (`/Span <</Lang (cy)>> BDC ... EMC`), closing
    /// the one before, when the language changes: what lets a screen reader speak each
    /// passage of a bilingual document in its own language.
    fn passage(&mut self, lang: Option<Language>) {
        if lang == self.passage {
            return;
        }
        if self.passage.is_some() {
            self.text.push(Op::EndMarkedContent);
        }
        if let Some(l) = lang {
            let props = DictItem::Dict {
                map: [(
                    "Lang".to_string(),
                    DictItem::String {
                        data: l.tag().as_bytes().to_vec(),
                        literal: true,
                    },
                )]
                .into(),
            };
            self.text.push(Op::BeginMarkedContentWithProperties {
                tag: "Span".to_string(),
                properties: props,
            });
        }
        self.passage = lang;
    }

    fn into_ops(mut self) -> Vec<Op> {
        self.passage(None);
        let mut ops = self.graphics;
        ops.push(Op::StartTextSection);
        ops.extend(self.text);
        ops.push(Op::EndTextSection);
        ops
    }
}

/// Draws the pages and writes the PDF.
pub fn write_pdf(
    doc: &MinutesDocument,
    opts: &PdfOptions,
    fonts: &Fonts,
    pages: &[Page],
) -> Result<Vec<u8>, PdfError> {
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
    for (i, page) in pages.iter().enumerate() {
        let n = first + i;
        let mut c = Canvas::new(fonts, &regular, &bold);
        if let Some(mark) = doc.watermark() {
            c.watermark(&mark);
        }
        c.text(
            MARGIN_LEFT,
            HEADER_BASELINE,
            Weight::Regular,
            MARGIN_TEXT_SIZE,
            &head,
        );
        c.right(HEADER_BASELINE, Weight::Bold, MARGIN_TEXT_SIZE, &marks);
        c.rule(MARGIN_LEFT, MARGIN_LEFT + TEXT_WIDTH, HEADER_RULE, 0.4, 0.5);
        for run in &page.runs {
            c.passage(run.lang);
            c.text(run.x, run.y, run.weight, run.size, &run.text);
        }
        c.passage(None);
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
        c.centre(FOOTER_BASELINE, Weight::Regular, MARGIN_TEXT_SIZE, &page_no);
        if let Some(start) = book_start {
            let book = opts
                .minute_book_form
                .replace("{n}", &(u64::from(start) + i as u64).to_string());
            let book = fonts.truncate(&book, Weight::Bold, MARGIN_TEXT_SIZE, TEXT_WIDTH / 4.0);
            c.right(FOOTER_BASELINE, Weight::Bold, MARGIN_TEXT_SIZE, &book);
        }
        pdf_pages.push(PdfPage::new(Mm(210.0), Mm(297.0), c.into_ops()));
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
    finish(&bytes, lang)
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

/// Sets the PDF version, `/Lang` and `/DisplayDocTitle`, which printpdf does not write, and
/// compresses the streams.
fn finish(bytes: &[u8], lang: Language) -> Result<Vec<u8>, PdfError> {
    let err = |e: lopdf::Error| PdfError::Metadata(e.to_string());
    let mut pdf = lopdf::Document::load_mem(bytes).map_err(err)?;
    pdf.version = "1.7".to_string();
    let catalog = pdf.catalog_mut().map_err(err)?;
    let tag = lang.tag();
    catalog.set("Lang", Object::string_literal(tag));
    catalog.set(
        "ViewerPreferences",
        dictionary! { "DisplayDocTitle" => true },
    );
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
