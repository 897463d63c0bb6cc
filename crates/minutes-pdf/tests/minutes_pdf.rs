//! The formal minutes read back as a reader sees them, with poppler: pdftotext for the words
//! and their order and position, pdfinfo for pages and metadata, pdffonts for the fonts.

mod common;

use common::{demo_records, long_meeting, poppler, with_exempt_minute};
use minutes_core::render::{self, Line, MinutesDocument, Visibility};
use minutes_core::Language;
use minutes_pdf::layout::{BODY_BOTTOM, BODY_TOP, MARGIN_LEFT, PAGE_HEIGHT, PAGE_WIDTH, PT_PER_MM};
use minutes_pdf::{minutes_pdf, PdfError, PdfOptions};

fn pdf(doc: &MinutesDocument) -> Vec<u8> {
    minutes_pdf(doc, &PdfOptions::for_language(doc.language)).expect("PDF renders")
}

/// The text with every run of white space made one space.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that `phrases` occur in `text` in this order.
fn assert_in_order(text: &str, phrases: &[&str]) {
    let mut at = 0;
    for p in phrases {
        match text[at..].find(p) {
            Some(i) => at += i + p.len(),
            None => panic!("{p:?} not found after byte {at} in:\n{text}"),
        }
    }
}

/// pdftotext's pages (it ends each with a form feed).
fn pages(text: &str) -> Vec<&str> {
    let mut pages: Vec<&str> = text.split('\u{c}').collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn pdfinfo_field(info: &str, field: &str) -> String {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .map(|v| v.trim().to_string())
        .unwrap_or_else(|| panic!("pdfinfo has no {field}:\n{info}"))
}

fn catalog_lang(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("lopdf reads it");
    let catalog = doc.catalog().expect("catalog");
    match catalog.get(b"Lang") {
        Ok(lopdf::Object::String(s, _)) => String::from_utf8_lossy(s).into_owned(),
        other => panic!("no /Lang string in the catalog: {other:?}"),
    }
}

#[test]
fn demo_minutes_read_in_the_house_style_order() {
    let (rec, _) = demo_records();
    let doc = render::minutes_document(&rec, Language::En, Visibility::Public);
    let bytes = pdf(&doc);
    let text = poppler("pdftotext", &["-layout"], &bytes);
    assert_in_order(
        &flat(&text),
        &[
            "GLANTAWE COUNTY BOROUGH COUNCIL",
            "SCRUTINY COMMITTEE (SOCIAL CARE AND HEALTH)",
            "Minutes of a meeting held on 5th January, 2015.",
            "Present: Councillor Mrs. E. Llewelyn (Chairman); Councillor R.J. Bowen",
            "Also present:",
            "APOLOGIES FOR ABSENCE –",
            "These were received from Councillors A. Hopkins and Mrs. J. Williams.",
            "No declarations were received.",
            "8 NATIONAL INSPECTION OF SAFEGUARDING",
            "(DSS) –",
            "A Committee Member queried",
            "RECOMMENDED –",
            "(1) T H A T the key findings",
            "(2) T H A T the report",
            "be referred to Cabinet",
            "Reasons for recommendations",
            "(1) To keep Members informed",
            "(2) To inform Cabinet",
        ],
    );
    let pages = pages(&text);
    assert!(pages.len() >= 2, "the demo minutes take more than one page");
    for (i, page) in pages.iter().enumerate() {
        let page = flat(page);
        assert!(page.contains("DRAFT"), "page {} has no DRAFT mark", i + 1);
        assert!(
            page.contains(&format!("Page {} of {}", i + 1, pages.len())),
            "page {} has no page number:\n{page}",
            i + 1
        );
        assert!(
            page.contains("Scrutiny Committee (Social Care and Health), 5th January, 2015"),
            "page {} has no running head",
            i + 1
        );
    }

    let info = poppler("pdfinfo", &[], &bytes);
    assert_eq!(pdfinfo_field(&info, "Pages"), pages.len().to_string());
    assert_eq!(
        pdfinfo_field(&info, "Title"),
        "Minutes – Scrutiny Committee (Social Care and Health) – 5th January, 2015"
    );
    assert_eq!(
        pdfinfo_field(&info, "Author"),
        "Glantawe County Borough Council"
    );
    assert_eq!(pdfinfo_field(&info, "Creator"), "Cofnod");
    assert_eq!(pdfinfo_field(&info, "PDF version"), "1.7");
    assert!(pdfinfo_field(&info, "Page size").contains("(A4)"));
    assert_eq!(catalog_lang(&bytes), "en-GB");

    let fonts = poppler("pdffonts", &[], &bytes);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 2, "regular and bold faces:\n{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name, type (two words), encoding, emb, sub, uni, object id (two numbers)
        let n = cols.len();
        assert!(n >= 6, "pdffonts row {row:?}");
        assert_eq!(
            &cols[n - 5..n - 2],
            &["yes", "yes", "yes"],
            "not embedded, subset and mapped to Unicode: {row}"
        );
        assert!(cols[0].contains("LiberationSans"), "{row}");
    }
}

#[test]
fn welsh_minutes_use_the_welsh_labels_and_keep_welsh_letters() {
    let (rec, _) = demo_records();
    let mut doc = render::minutes_document(&rec, Language::Cy, Visibility::Public);
    let welsh = "Roedd ŵ ŷ â ẁ ẃ ẅ ỳ Ŵ Ŷ Â ẃyr yn y tŷ ger y dŵr.";
    doc.lines.push(Line::Paragraph(welsh.to_string()));
    let bytes = pdf(&doc);
    let text = poppler("pdftotext", &["-layout"], &bytes);
    let flat_text = flat(&text);
    assert_in_order(
        &flat_text,
        &[
            "Cofnodion cyfarfod a gynhaliwyd ar 5 Ionawr 2015.",
            "Yn bresennol:",
            "Mrs. M. Prŷs",
            "ARGYMHELLWYD –",
            "B O D",
            "Rhesymau dros yr argymhellion",
            welsh,
        ],
    );
    let raw = poppler("pdftotext", &[], &bytes);
    assert!(
        raw.lines().any(|l| l == welsh),
        "the Welsh paragraph extracts exactly:\n{raw}"
    );
    let pages = pages(&text);
    for (i, page) in pages.iter().enumerate() {
        let page = flat(page);
        assert!(page.contains("DRAFFT"), "page {} has no DRAFFT mark", i + 1);
        assert!(page.contains(&format!("Tudalen {} o {}", i + 1, pages.len())));
    }
    let info = poppler("pdfinfo", &[], &bytes);
    assert!(pdfinfo_field(&info, "Title").starts_with("Cofnodion"));
    assert_eq!(catalog_lang(&bytes), "cy");
}

/// A word of `pdftotext -bbox`: its box in points from the top-left corner, and its text.
#[derive(Debug, Clone)]
struct Word {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
    text: String,
}

fn attr(tag: &str, name: &str) -> f32 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).map(|i| i + key.len()).expect("attribute");
    let end = tag[start..].find('"').expect("closing quote") + start;
    tag[start..end].parse().expect("a number")
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The words of each page, from `pdftotext -bbox`.
fn bbox_pages(pdf: &[u8]) -> Vec<Vec<Word>> {
    let html = poppler("pdftotext", &["-bbox"], pdf);
    let mut pages = Vec::new();
    for page in html.split("<page ").skip(1) {
        let (w, h) = (attr(page, "width"), attr(page, "height"));
        assert!((w - PAGE_WIDTH).abs() < 1.0 && (h - PAGE_HEIGHT).abs() < 1.0);
        let words = page
            .split("<word ")
            .skip(1)
            .map(|w| {
                let text = w
                    .split_once('>')
                    .and_then(|(_, rest)| rest.split_once("</word>"))
                    .map(|(t, _)| unescape(t))
                    .expect("word text");
                Word {
                    x0: attr(w, "xMin"),
                    y0: attr(w, "yMin"),
                    x1: attr(w, "xMax"),
                    y1: attr(w, "yMax"),
                    text,
                }
            })
            .collect();
        pages.push(words);
    }
    pages
}

/// Body words grouped into lines (by baseline), top to bottom.
fn body_lines(words: &[Word]) -> Vec<Vec<Word>> {
    let mut body: Vec<Word> = words
        .iter()
        .filter(|w| w.y0 >= BODY_TOP - 1.0 && w.y1 <= BODY_BOTTOM + 1.0)
        .cloned()
        .collect();
    body.sort_by(|a, b| a.y1.total_cmp(&b.y1).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<Vec<Word>> = Vec::new();
    for w in body {
        match lines.last_mut() {
            Some(line) if (line[0].y1 - w.y1).abs() < 2.0 => line.push(w),
            _ => lines.push(vec![w]),
        }
    }
    lines
}

/// A heading line: a minute heading (ending with its dash, in capitals), a decision keyword
/// or a "Reasons for..." sub-heading.
fn is_heading(line: &[Word]) -> bool {
    let text = line
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let has_letters = text.chars().any(char::is_alphabetic);
    let capitals = has_letters && !text.chars().any(char::is_lowercase);
    capitals || text.starts_with("Reason for ") || text.starts_with("Reasons for ")
}

/// Every word lies inside the left and right margins and 10 mm of the top and bottom edges;
/// body words lie inside the body area, clear of the header and footer; no two words overlap.
fn assert_inside_margins(pages: &[Vec<Word>]) {
    let (left, right) = (MARGIN_LEFT - 0.5, PAGE_WIDTH - MARGIN_LEFT + 0.5);
    let (top, bottom) = (10.0 * PT_PER_MM, PAGE_HEIGHT - 10.0 * PT_PER_MM);
    for (p, words) in pages.iter().enumerate() {
        assert!(!words.is_empty());
        for w in words {
            assert!(
                w.x0 >= left && w.x1 <= right && w.y0 >= top && w.y1 <= bottom,
                "page {}: {w:?} outside the margins",
                p + 1
            );
            let in_band = w.y1 <= BODY_TOP || w.y0 >= BODY_BOTTOM;
            let in_body = w.y0 >= BODY_TOP - 1.0 && w.y1 <= BODY_BOTTOM + 1.0;
            assert!(
                in_band || in_body,
                "page {}: {w:?} straddles the body edge",
                p + 1
            );
        }
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                let dx = a.x1.min(b.x1) - a.x0.max(b.x0);
                let dy = a.y1.min(b.y1) - a.y0.max(b.y0);
                assert!(
                    dx <= 0.5 || dy <= 0.5,
                    "page {}: {a:?} overlaps {b:?}",
                    p + 1
                );
            }
        }
    }
}

#[test]
fn hostile_input_stays_inside_the_margins() {
    let long_word = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch".repeat(12);
    let doc = MinutesDocument {
        language: Language::Cy,
        bilingual: false,
        visibility: Visibility::Confidential,
        draft: true,
        running_head: format!("{long_word} {long_word}"),
        title: long_word.clone(),
        author: "\u{7}".into(),
        minute_book_start: None,
        lines: vec![
            Line::Authority(long_word.clone()),
            Line::Body(format!("a\tb\n{long_word}")),
            Line::Title(String::new()),
            Line::Attendance {
                label: long_word.clone(),
                text: long_word.clone(),
            },
            Line::MinuteHeading {
                number: long_word.clone(),
                heading: format!("{long_word} \u{2013}"),
            },
            Line::Limb {
                label: "(1000000)".into(),
                text: "T H A T ".repeat(200),
            },
            Line::Paragraph("\u{fffd}\u{10ffff} \u{1F600} \u{200b}".repeat(50)),
            Line::Keyword(String::new()),
            Line::Signature {
                label: long_word.clone(),
                text: long_word.clone(),
            },
        ],
    };
    let opts = PdfOptions {
        page_number_form: format!("{{n}} {long_word} {{total}}"),
        minute_book_form: format!("{long_word} {{n}}"),
        minute_book_start: Some(u32::MAX),
        created: None,
        first_page: 1,
    };
    let bytes = minutes_pdf(&doc, &opts).expect("prints");
    assert_inside_margins(&bbox_pages(&bytes));
}

#[test]
fn a_forty_item_meeting_paginates_inside_the_margins() {
    let rec = long_meeting(40);
    let doc = render::minutes_document(&rec, Language::En, Visibility::Public);
    let bytes = pdf(&doc);
    if let Ok(path) = std::env::var("COFNOD_KEEP_PDF") {
        std::fs::write(path, &bytes).expect("kept");
    }
    let pages = bbox_pages(&bytes);
    assert!(
        pages.len() > 15,
        "40 long items take many pages, got {}",
        pages.len()
    );

    assert_inside_margins(&pages);
    let mut urls = 0;
    let mut headings = 0;
    for (p, words) in pages.iter().enumerate() {
        urls += words
            .iter()
            .filter(|w| w.text.starts_with("https://democracy.glantawe.gov.uk/"))
            .count();
        let lines = body_lines(words);
        headings += lines.iter().filter(|l| is_heading(l)).count();
        if p + 1 < pages.len() {
            let last = lines.last().expect("body text on every page");
            assert!(
                !is_heading(last),
                "page {} ends with a heading: {:?}",
                p + 1,
                last.iter().map(|w| &w.text).collect::<Vec<_>>()
            );
        }
        let page_no = format!("{} of {}", p + 1, pages.len());
        let footer: Vec<&str> = words
            .iter()
            .filter(|w| w.y0 >= BODY_BOTTOM)
            .map(|w| w.text.as_str())
            .collect();
        assert!(
            footer.join(" ").contains(&page_no),
            "page {} footer {footer:?}",
            p + 1
        );
    }
    assert!(urls > 0, "the long URLs are printed, broken where needed");
    // 40 minute headings, 40 keywords and the reasons' sub-headings were seen as headings.
    assert!(headings >= 100, "only {headings} heading lines recognised");

    // The long URLs come out whole when the broken pieces are joined, in order.
    let text = poppler("pdftotext", &[], &bytes);
    let joined: String = text.split_whitespace().collect();
    assert!(joined.contains(&common::long_url(2)));
}

#[test]
fn signed_minutes_carry_the_signature_block_and_no_draft_mark() {
    let (_, previous) = demo_records();
    let doc = render::minutes_document(&previous, Language::En, Visibility::Public);
    assert!(!doc.draft);
    let opts = PdfOptions {
        minute_book_start: Some(1935),
        ..PdfOptions::default()
    };
    let bytes = minutes_pdf(&doc, &opts).expect("PDF renders");
    let text = poppler("pdftotext", &["-layout"], &bytes);
    assert!(!text.contains("DRAFT"), "signed minutes have no DRAFT mark");
    let flat_text = flat(&text);
    assert_in_order(
        &flat_text,
        &[
            "To keep Members informed of the performance of Social Services.",
            "Chairman: Councillor Mrs. E. Llewelyn",
            "Date: 5th January, 2015",
        ],
    );
    for (i, page) in pages(&text).iter().enumerate() {
        assert!(flat(page).contains(&format!("Minute Book page {}", 1935 + i)));
    }

    // Draft minutes never carry minute-book pages.
    let (current, _) = demo_records();
    let draft = render::minutes_document(&current, Language::En, Visibility::Public);
    let text = poppler("pdftotext", &[], &minutes_pdf(&draft, &opts).expect("PDF"));
    assert!(!text.contains("Minute Book page"));
}

#[test]
fn the_confidential_version_is_marked_on_every_page() {
    let rec = long_meeting(6);
    let doc = render::minutes_document(&rec, Language::En, Visibility::Confidential);
    let text = poppler("pdftotext", &["-layout"], &pdf(&doc));
    let pages = pages(&text);
    assert!(pages.len() > 1);
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains("CONFIDENTIAL"), "page {} unmarked", i + 1);
    }
}

#[test]
fn a_page_number_form_without_the_number_is_refused() {
    let (rec, _) = demo_records();
    let doc = render::minutes_document(&rec, Language::En, Visibility::Public);
    let opts = PdfOptions {
        page_number_form: "Page".into(),
        ..PdfOptions::default()
    };
    let err = minutes_pdf(&doc, &opts).expect_err("refused");
    assert!(matches!(err, PdfError::PageNumberForm(_)));
    assert!(err.to_string().contains("{n}"));
}

#[test]
fn an_empty_document_still_prints_one_page() {
    let doc = MinutesDocument {
        language: Language::En,
        bilingual: false,
        visibility: Visibility::Public,
        draft: false,
        running_head: String::new(),
        title: String::new(),
        author: String::new(),
        lines: Vec::new(),
        minute_book_start: None,
    };
    let bytes = pdf(&doc);
    let info = poppler("pdfinfo", &[], &bytes);
    assert_eq!(pdfinfo_field(&info, "Pages"), "1");
    assert!(poppler("pdftotext", &[], &bytes).contains("Page 1 of 1"));
}

#[test]
fn exempt_minutes_are_withheld_from_the_public_version_after_the_exclusion_resolution() {
    let (rec, secret) = with_exempt_minute();
    let label = rec.minutes.last().expect("a minute").minute.label.clone();
    let public = flat(&poppler(
        "pdftotext",
        &[],
        &pdf(&render::minutes_document(
            &rec,
            Language::En,
            Visibility::Public,
        )),
    ));
    assert!(
        !public.contains(&secret),
        "exempt text leaked into the public minutes"
    );
    assert!(
        public.contains(&format!(
            "EXCLUSION OF THE PRESS AND PUBLIC – RESOLVED – T H A T under Section 100A(4) of the Local Government Act 1972, the press and public be excluded from the meeting for the following item of business (Minute No. {label}) on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 14 of Part 4 of Schedule 12A to the Act."
        )),
        "{public}"
    );
    assert!(public.contains("the public interest in disclosing the information"));
    assert!(
        public.contains("paragraph 14 of Schedule 12A"),
        "the withheld minute says why: {public}"
    );

    let confidential = flat(&poppler(
        "pdftotext",
        &[],
        &pdf(&render::minutes_document(
            &rec,
            Language::En,
            Visibility::Confidential,
        )),
    ));
    assert!(confidential.contains(&secret));
    assert!(confidential.contains("press and public be excluded"));
}

#[test]
fn welsh_minutes_use_the_welsh_titles_and_grammar() {
    let (rec, _) = demo_records();
    let text = flat(&poppler(
        "pdftotext",
        &[],
        &pdf(&render::minutes_document(
            &rec,
            Language::Cy,
            Visibility::Public,
        )),
    ));
    assert!(text.contains("YMDDIHEURIADAU AM ABSENOLDEB –"), "{text}");
    assert!(
        text.contains("Derbyniwyd ymddiheuriadau gan y Cynghorwyr"),
        "{text}"
    );
    assert!(!text.contains("APOLOGIES FOR ABSENCE"));
    // Questions in reported speech, the asker by role in Welsh (the clerk's notes of what was
    // asked and answered print as entered).
    assert_in_order(
        &text,
        &[
            "Gofynnodd Aelod o'r Pwyllgor how the Council could engage better",
            "Mewn ymateb, dywedodd y Prif Arolygydd",
            "Gofynnodd y Cadeirydd when a strategy",
        ],
    );
    assert!(!text.contains("A Committee Member"), "{text}");
    assert!(!text.contains("the Chairman"), "{text}");
    assert!(!text.contains("the Lead Inspector"), "{text}");
}

/// Approval "subject to:" prints each amendment as a dash item after the limb, in order.
#[test]
fn amendments_at_approval_print_as_dash_items_under_the_approving_limb() {
    let (mut rec, previous) = demo_records();
    let long = "Page 1935 \u{2013} in the second paragraph, delete the words 'unsafe in every respect' and insert 'difficult in some respects, as the Director reported to the Committee at the time'";
    rec.approvals[0].amendments = [
        long,
        "it being recorded that Councillor E. Williams had, in fact, been present",
    ]
    .iter()
    .enumerate()
    .map(|(i, text)| minutes_core::Amendment {
        id: uuid::Uuid::now_v7(),
        meeting_id: previous.meeting.id,
        approving_meeting_id: rec.meeting.id,
        position: i as u32 + 1,
        text: text.to_string(),
    })
    .collect();
    let doc = render::minutes_document(&rec, Language::En, Visibility::Public);
    let text = flat(&poppler("pdftotext", &["-layout"], &pdf(&doc)));
    assert_in_order(
        &text,
        &[
            "RECOMMENDED \u{2013}",
            "T H A T the minutes of the meeting held on 1st December, 2014 be approved as a correct record subject to:",
            "\u{2013} Page 1935 \u{2013} in the second paragraph",
            "\u{2013} it being recorded that Councillor E. Williams had, in fact, been present.",
            "Reason for recommendation",
        ],
    );
}
