//! Every document Cofnod prints is a tagged PDF, read back as an accessibility checker reads
//! it: poppler's `pdfinfo` says "Tagged: yes", `pdfinfo -struct-text` gives the structure tree
//! (Document, H1, H2 for each minute heading, P, L/LI/Lbl/LBody for limbs and nested lists,
//! Table/TR/TH/TD for the tracker's fields) whose text, in order, is the page text as
//! `pdftotext` reads it, without the running header, the page numbers or the DRAFT mark; and
//! through lopdf, the language of each passage of a bilingual document and the parent tree.

mod common;

use std::collections::HashMap;
use std::ops::ControlFlow;

use common::{demo_records, four_states, meeting_with_reports, poppler, with_exempt_minute};
use lopdf::{Document, Object, ObjectId};
use minutes_core::render::{self, Line, MinutesDocument, Visibility};
use minutes_core::{DocumentKind, Language, MeetingRecord};
use minutes_pdf::{agenda_pack, PackOptions, PdfOptions};

/// One element of `pdfinfo -struct-text`: its role, depth, its own text, its children.
#[derive(Debug, Clone)]
struct Node {
    role: String,
    text: String,
    kids: Vec<Node>,
}

impl Node {
    /// The text of the element and everything under it, in order.
    fn all_text(&self) -> String {
        let mut t = self.text.clone();
        for k in &self.kids {
            t.push_str(&k.all_text());
        }
        t
    }

    /// Every element under this one (itself first), in reading order.
    fn walk(&self) -> Vec<&Node> {
        let mut out = vec![self];
        for k in &self.kids {
            out.extend(k.walk());
        }
        out
    }

    fn kids_of(&self, role: &str) -> Vec<&Node> {
        self.kids.iter().filter(|k| k.role == role).collect()
    }
}

/// The structure tree as poppler reads it (`pdfinfo -struct-text`).
fn structure(pdf: &[u8]) -> Node {
    let out = poppler("pdfinfo", &["-struct-text"], pdf);
    let mut stack: Vec<(usize, Node)> = Vec::new();
    let mut roots: Vec<Node> = Vec::new();
    let pop = |stack: &mut Vec<(usize, Node)>, roots: &mut Vec<Node>| {
        if let Some((_, n)) = stack.pop() {
            match stack.last_mut() {
                Some((_, parent)) => parent.kids.push(n),
                None => roots.push(n),
            }
        }
    };
    for line in out.lines() {
        let depth = (line.len() - line.trim_start().len()) / 2;
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(text) = t.strip_prefix('"') {
            let text = text.strip_suffix('"').unwrap_or(text);
            if let Some((_, n)) = stack.last_mut() {
                n.text.push_str(text);
            }
            continue;
        }
        while stack.last().is_some_and(|(d, _)| *d >= depth) {
            pop(&mut stack, &mut roots);
        }
        if t.starts_with('/') {
            continue; // an attribute of the element above: "/Scope /Row"
        }
        let role = t
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches(':')
            .to_string();
        stack.push((
            depth,
            Node {
                role,
                text: String::new(),
                kids: Vec::new(),
            },
        ));
    }
    while !stack.is_empty() {
        pop(&mut stack, &mut roots);
    }
    assert_eq!(roots.len(), 1, "one root element: {out}");
    let root = roots.remove(0);
    assert_eq!(root.role, "Document", "{out}");
    root
}

fn squash(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

fn assert_tagged(pdf: &[u8], what: &str) {
    let info = poppler("pdfinfo", &[], pdf);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.ends_with("yes")),
        "{what} is not tagged:\n{info}"
    );
}

/// The page text as pdftotext reads it in visual order (`-layout`: line by line from the top,
/// each from the left), page by page, without the running header (cut short with "…" when too
/// long), the marks, the page numbers and the minute-book page (the artifacts), all white space
/// removed.
fn text_without_artifacts(pdf: &[u8], doc: &MinutesDocument, opts: &PdfOptions) -> String {
    let text = poppler("pdftotext", &["-layout"], pdf);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let total = pages.len();
    let mut out = String::new();
    for (i, page) in pages.iter().enumerate() {
        let mut p = squash(page);
        let head: Vec<char> = squash(&doc.running_head).chars().collect();
        let shown = (1..=head.len()).rev().find_map(|k| {
            let mut h: String = head[..k].iter().collect();
            if k < head.len() {
                h.push('\u{2026}');
            }
            p.contains(&h).then_some(h)
        });
        let mut cut = |s: &str| {
            let s = squash(s);
            if !s.is_empty() {
                p = p.replacen(&s, "", 1);
            }
        };
        if let Some(shown) = shown {
            cut(&shown);
        }
        for m in doc.marks() {
            cut(&m);
        }
        cut(&opts
            .page_number_form
            .replace("{n}", &(i + 1).to_string())
            .replace("{total}", &total.to_string()));
        if let Some(start) = doc.minute_book_start.filter(|_| !doc.draft) {
            cut(&opts
                .minute_book_form
                .replace("{n}", &(start as usize + i).to_string()));
        }
        out.push_str(&p);
    }
    out
}

/// Asserts what every tagged document of Cofnod's must show, and returns its tree.
fn check(pdf: &[u8], doc: &MinutesDocument, opts: &PdfOptions, what: &str) -> Node {
    assert_tagged(pdf, what);
    let tree = structure(pdf);
    let in_tree = squash(&tree.all_text());
    assert_eq!(
        in_tree,
        text_without_artifacts(pdf, doc, opts),
        "{what}: the tree's text in order is the page text without the artifacts"
    );
    for artifact in [doc.running_head.as_str(), "DRAFT", "DRAFFT"]
        .into_iter()
        .chain(doc.marks().iter().map(String::as_str))
    {
        assert!(
            artifact.is_empty() || !tree.all_text().contains(artifact),
            "{what}: {artifact:?} is in the tree"
        );
    }
    let page_one = squash(&opts.page_number_form.replace("{n}", "1"));
    let page_one = page_one.split("{total}").next().unwrap_or("");
    assert!(
        !in_tree.contains(page_one),
        "{what}: a page number in the tree"
    );
    // H2 for each minute heading: the number and the heading, in order.
    let headings: Vec<String> = doc
        .lines
        .iter()
        .filter_map(|l| match l {
            Line::MinuteHeading { number, heading } => Some(squash(&format!("{number}{heading}"))),
            _ => None,
        })
        .collect();
    let h2: Vec<String> = tree
        .walk()
        .into_iter()
        .filter(|n| n.role == "H2")
        .map(|n| squash(&n.all_text()))
        .collect();
    assert_eq!(h2, headings, "{what}: one H2 per heading");
    assert_eq!(
        tree.kids.first().map(|k| k.role.as_str()),
        Some("H1"),
        "{what}"
    );
    check_catalog(pdf, &doc.title, what);
    let (tagged, artifacts) = assert_all_text_marked(pdf, None, what);
    assert!(tagged > 0 && artifacts > 0, "{what}: {tagged} {artifacts}");
    tree
}

/// Every piece of text drawn on the first `pages` pages (all when `None`) is inside a
/// marked-content sequence that is either an artifact or has an MCID (tagged content), as
/// PDF/UA requires; returns how many were tagged and how many artifacts.
fn assert_all_text_marked(pdf: &[u8], pages: Option<usize>, what: &str) -> (usize, usize) {
    let d = Document::load_mem(pdf).unwrap();
    let (mut tagged, mut artifacts) = (0, 0);
    for (n, id) in d.get_pages().into_iter().take(pages.unwrap_or(usize::MAX)) {
        let content = d.get_and_decode_page_content(id).unwrap();
        // For each open sequence: is it an artifact, does it carry an MCID.
        let mut open: Vec<(bool, bool)> = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BMC" | "BDC" => {
                    let artifact = op.operands.first().and_then(|o| o.as_name().ok())
                        == Some(&b"Artifact"[..]);
                    let mcid = op
                        .operands
                        .get(1)
                        .and_then(|o| o.as_dict().ok())
                        .is_some_and(|p| p.has(b"MCID"));
                    open.push((artifact, mcid));
                }
                "EMC" => {
                    assert!(open.pop().is_some(), "{what}: page {n}: EMC without BDC");
                }
                "Tj" | "TJ" | "'" | "\"" => {
                    if open.iter().any(|(a, _)| *a) {
                        artifacts += 1;
                    } else if open.iter().any(|(_, m)| *m) {
                        tagged += 1;
                    } else {
                        panic!("{what}: page {n}: text outside tagged content and artifacts");
                    }
                }
                _ => {}
            }
        }
        assert!(open.is_empty(), "{what}: page {n}: a sequence left open");
    }
    (tagged, artifacts)
}

/// The catalog and pages as a PDF/UA checker reads them.
fn check_catalog(pdf: &[u8], title: &str, what: &str) {
    let d = Document::load_mem(pdf).expect("lopdf reads it");
    let cat = d.catalog().expect("catalog");
    let marked = cat
        .get(b"MarkInfo")
        .and_then(|m| m.as_dict())
        .and_then(|m| m.get(b"Marked"))
        .and_then(Object::as_bool);
    assert_eq!(
        marked.ok(),
        Some(true),
        "{what}: /MarkInfo <</Marked true>>"
    );
    let prefs = cat
        .get(b"ViewerPreferences")
        .and_then(|p| p.as_dict())
        .and_then(|p| p.get(b"DisplayDocTitle"))
        .and_then(Object::as_bool);
    assert_eq!(prefs.ok(), Some(true), "{what}: /DisplayDocTitle");
    assert!(cat.get(b"Lang").is_ok(), "{what}: /Lang");
    let info = poppler("pdfinfo", &[], pdf);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Title:") && l.contains(title)),
        "{what}: the title {title:?}\n{info}"
    );
    let meta = poppler("pdfinfo", &["-meta"], pdf);
    assert!(meta.contains("<dc:title>"), "{what}: XMP dc:title\n{meta}");
    for (n, id) in d.get_pages() {
        let page = d.get_dictionary(id).expect("page");
        assert_eq!(
            page.get(b"Tabs").and_then(Object::as_name).ok(),
            Some(&b"S"[..]),
            "{what}: page {n} has /Tabs /S"
        );
    }
}

fn minutes(rec: &MeetingRecord, lang: Language, vis: Visibility, what: &str) -> Node {
    let doc = render::minutes_document(rec, lang, vis);
    let opts = PdfOptions {
        minute_book_start: doc.minute_book_start,
        ..PdfOptions::for_language(lang)
    };
    let pdf = minutes_pdf::print_meeting(rec, lang, vis).expect("printed");
    check(&pdf, &doc, &opts, what)
}

/// The limbs of a resolution: an L whose items are Lbl "(1)" and LBody "T H A T ...".
fn lists(tree: &Node) -> Vec<&Node> {
    tree.walk().into_iter().filter(|n| n.role == "L").collect()
}

fn item_parts(li: &Node) -> (String, String) {
    assert_eq!(li.role, "LI");
    let lbl = li.kids_of("Lbl");
    let body = li.kids_of("LBody");
    assert_eq!((lbl.len(), body.len()), (1, 1), "{li:?}");
    (lbl[0].all_text(), body[0].all_text())
}

#[test]
fn the_english_and_welsh_draft_minutes_are_tagged_headings_paragraphs_and_limbs() {
    let (rec, _) = demo_records();
    for lang in [Language::En, Language::Cy] {
        let tree = minutes(&rec, lang, Visibility::Public, &format!("{lang:?} minutes"));
        let h1 = &tree.kids[0];
        assert!(h1.all_text().contains("GLANTAWE"), "{h1:?}");
        assert!(tree.kids.iter().filter(|k| k.role == "P").count() > 10);
        // The resolution's limbs.
        let limbs = lists(&tree)
            .into_iter()
            .find(|l| l.kids.len() == 2 && item_parts(&l.kids[0]).0 == "(1)")
            .expect("the limbs (1) and (2) as a list");
        let (l1, b1) = item_parts(&limbs.kids[0]);
        let (l2, b2) = item_parts(&limbs.kids[1]);
        assert_eq!((l1.as_str(), l2.as_str()), ("(1)", "(2)"));
        let that = lang.pick("T H A T", "B O D");
        assert!(
            b1.starts_with(that) && b2.starts_with(that),
            "{b1:?} {b2:?}"
        );
    }
}

#[test]
fn a_limb_with_a_nested_list_is_a_list_inside_the_limbs_body() {
    let (mut rec, _) = demo_records();
    let m = rec
        .minutes
        .iter_mut()
        .find(|m| m.resolutions.len() >= 2)
        .expect("a minute with limbs");
    m.resolutions[0].text = "the following be adopted:\n(a) a corporate parenting strategy, \
        with\n  (i) a named lead officer\n  (ii) a yearly report to Council\n(b) a shared profile \
        of vulnerable children"
        .into();
    let tree = minutes(&rec, Language::En, Visibility::Public, "nested list");
    let limbs = lists(&tree)
        .into_iter()
        .find(|l| item_parts(&l.kids[0]).0 == "(1)" && l.kids.len() == 2)
        .expect("the limbs");
    let body = &limbs.kids[0].kids_of("LBody")[0];
    let inner = body.kids_of("L");
    assert_eq!(inner.len(), 1, "one list in limb (1): {body:?}");
    let items: Vec<(String, String)> = inner[0].kids.iter().map(item_parts).collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0].0, "(a)");
    assert_eq!(items[1].0, "(b)");
    assert!(items[0].1.starts_with("a corporate parenting strategy"));
    // (i) and (ii) are a list inside the body of (a).
    let a_body = &inner[0].kids[0].kids_of("LBody")[0];
    let deeper = a_body.kids_of("L");
    assert_eq!(deeper.len(), 1, "{a_body:?}");
    let labels: Vec<String> = deeper[0].kids.iter().map(|li| item_parts(li).0).collect();
    assert_eq!(labels, ["(i)", "(ii)"]);
}

#[test]
fn confidential_and_signed_minutes_are_tagged_without_their_marks_or_book_pages() {
    let (rec, _) = with_exempt_minute();
    let tree = minutes(&rec, Language::En, Visibility::Confidential, "confidential");
    assert!(!tree.all_text().contains("CONFIDENTIAL"));
    minutes(
        &rec,
        Language::Cy,
        Visibility::Confidential,
        "Welsh confidential",
    );
    let (_, mut signed) = demo_records();
    signed.meeting.book_pages = Some(minutes_core::BookPages {
        first: 417,
        last: 417,
    });
    let doc = render::minutes_document(&signed, Language::En, Visibility::Public);
    assert_eq!(doc.minute_book_start, Some(417), "a loose-leaf signed copy");
    let tree = minutes(&signed, Language::En, Visibility::Public, "signed copy");
    assert!(
        !tree.all_text().contains("417"),
        "the book page is an artifact"
    );
    let last = tree.kids.last().expect("the signature block");
    assert_eq!(last.role, "P");
}

/// Each element's `/Lang` as inherited, and its role, in reading order (through lopdf).
fn element_langs(pdf: &[u8]) -> Vec<(String, Option<String>)> {
    let d = Document::load_mem(pdf).unwrap();
    let root = d
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .unwrap();
    let mut out = Vec::new();
    fn walk(
        d: &Document,
        id: ObjectId,
        inherited: Option<String>,
        out: &mut Vec<(String, Option<String>)>,
    ) {
        let e = d.get_dictionary(id).unwrap();
        let lang = match e.get(b"Lang") {
            Ok(Object::String(s, _)) => Some(String::from_utf8_lossy(s).into_owned()),
            _ => inherited,
        };
        if let Ok(s) = e.get(b"S").and_then(Object::as_name) {
            out.push((String::from_utf8_lossy(s).into_owned(), lang.clone()));
        }
        let kids = match e.get(b"K") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(o) => vec![o.clone()],
            Err(_) => Vec::new(),
        };
        for k in kids {
            if let Ok(kid) = k.as_reference() {
                walk(d, kid, lang.clone(), out);
            }
        }
    }
    walk(&d, root, None, &mut out); // the root has no /S: its kids are the elements
    out
}

#[test]
fn a_bilingual_documents_passages_keep_their_language() {
    let (rec, _) = demo_records();
    let doc = render::bilingual_minutes_document(&rec, Visibility::Public);
    let pdf = minutes_pdf::print_bilingual_meeting(&rec, Visibility::Public).unwrap();
    let tree = check(&pdf, &doc, &PdfOptions::bilingual(), "bilingual");
    let nodes = tree.walk();
    let langs = element_langs(&pdf);
    assert_eq!(
        nodes.len(),
        langs.len(),
        "poppler and lopdf see the same tree"
    );
    let lang_of = |needle: &str| {
        let i = nodes
            .iter()
            .position(|n| n.text.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not in the tree"));
        assert_eq!(nodes[i].role, langs[i].0);
        langs[i].1.clone()
    };
    assert_eq!(
        lang_of("YMDDIHEURIADAU AM ABSENOLDEB").as_deref(),
        Some("cy")
    );
    assert_eq!(lang_of("Derbyniwyd ymddiheuriadau").as_deref(), Some("cy"));
    assert_eq!(lang_of("APOLOGIES FOR ABSENCE").as_deref(), Some("en-GB"));
    assert_eq!(lang_of("These were received").as_deref(), Some("en-GB"));
    assert_eq!(lang_of("Minutes of a meeting").as_deref(), Some("en-GB"));
    // The Welsh letters come back from the fonts' ToUnicode maps.
    assert!(tree.all_text().contains("Prŷs"));
    let fonts = poppler("pdffonts", &[], &pdf);
    for l in fonts.lines().skip(2) {
        assert!(
            l.contains(" yes yes yes "),
            "embedded, subset, ToUnicode: {l}"
        );
    }
}

#[test]
fn the_notice_of_decisions_and_the_tracker_are_tagged() {
    let (rec, _) = demo_records();
    let on = chrono::NaiveDate::from_ymd_opt(2015, 1, 8).unwrap();
    for lang in [Language::En, Language::Cy] {
        let doc = minutes_core::notice::decisions_notice(&rec, lang, on);
        let pdf = minutes_pdf::decisions_notice_pdf(&rec, lang, on).unwrap();
        check(&pdf, &doc, &PdfOptions::for_language(lang), "notice");
    }
    let report = four_states().report();
    for lang in [Language::En, Language::Cy] {
        let doc = minutes_core::tracker::tracker_document(&report, lang);
        let pdf = minutes_pdf::tracker_pdf(&report, lang).unwrap();
        let tree = check(&pdf, &doc, &PdfOptions::for_language(lang), "tracker");
        // Each entry's fields: a table of rows, the label a row header, the value a cell.
        let tables: Vec<&Node> = tree.kids_of("Table");
        assert!(tables.len() >= 4, "{tree:?}");
        for t in &tables {
            for tr in &t.kids {
                assert_eq!(tr.role, "TR");
                let roles: Vec<&str> = tr.kids.iter().map(|c| c.role.as_str()).collect();
                assert_eq!(roles, ["TH", "TD"], "{tr:?}");
                assert!(tr.kids[0].all_text().ends_with(':'), "{tr:?}");
            }
        }
    }
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2015, 1, 27).unwrap()
}

#[test]
fn the_front_sheet_and_a_pack_with_untagged_reports_are_tagged_in_their_own_parts() {
    let m = meeting_with_reports();
    let input = m.store.pack_input(m.meeting, false).unwrap();
    for lang in [Language::En, Language::Cy] {
        let opts = PackOptions::new(lang, Visibility::Confidential, today());
        let plan = minutes_pdf::plan_pack(&input, &opts).unwrap();
        let sheet = plan.sheet();
        let pdf_opts = PdfOptions {
            page_number_form: sheet.page_form.clone(),
            ..PdfOptions::for_language(lang)
        };
        let pdf = minutes_pdf::minutes_pdf(&sheet.document, &pdf_opts).unwrap();
        check(&pdf, &sheet.document, &pdf_opts, "front sheet");

        let (pack, _) = agenda_pack(
            &input,
            &opts,
            &mut |d| m.store.document_pdf(d.id).map_err(|e| e.to_string()),
            &mut |_| ControlFlow::Continue(()),
        )
        .unwrap();
        assert_tagged(&pack, "pack");
        // The pack's own pages: every piece of text tagged or an artifact; the merged
        // reports' text is neither (they are untagged), their stamps are artifacts.
        let own_pages = poppler("pdfinfo", &[], &pdf)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse::<usize>().ok())
            .unwrap();
        assert_all_text_marked(&pack, Some(own_pages), "the pack's own pages");
        let tree = structure(&pack);
        let own = squash(&tree.all_text());
        let sheet_tree = structure(&pdf);
        assert_eq!(own, squash(&sheet_tree.all_text()), "the agenda's own tree");
        // The reports are untagged: their words and the stamps are not in the tree.
        for report in ["ALPHA", "BRAVO", "CHARLIE", "DELTA"] {
            assert!(!own.contains(report), "{report} in the tree");
        }
        assert!(!tree.walk().iter().any(|n| n.role == "Part"));
        // The stamps are artifacts: the merged pages' marked content is all /Artifact.
        let d = Document::load_mem(&pack).unwrap();
        let pages = d.get_pages();
        let last = *pages.values().last().unwrap();
        let content = String::from_utf8_lossy(&d.get_page_content(last)).into_owned();
        assert!(content.contains("/Artifact <</Type /Pagination /Subtype /Footer>> BDC"));
        for (_, id) in pages {
            let p = d.get_dictionary(id).unwrap();
            assert_eq!(
                p.get(b"Tabs").and_then(Object::as_name).ok(),
                Some(&b"S"[..])
            );
        }
    }
}

#[test]
fn a_tagged_report_keeps_its_structure_inside_the_pack() {
    let m = meeting_with_reports();
    let mut store = m.store;
    // The signed minutes of the meeting before, printed by Cofnod (so tagged), attached to the
    // inspection item as a report.
    let (_, previous) = demo_records();
    let report = minutes_pdf::print_meeting(&previous, Language::En, Visibility::Public).unwrap();
    let report_tree = structure(&report);
    let input = store.pack_input(m.meeting, false).unwrap();
    let item = input
        .record
        .agenda
        .iter()
        .find(|i| i.title_en.contains("inspection"))
        .expect("the inspection item")
        .id;
    let pages = minutes_pdf::report_pages(&report).unwrap();
    store
        .attach_document(
            item,
            "Minutes of 1st December",
            DocumentKind::Report,
            &report,
            pages,
        )
        .unwrap();
    let input = store.pack_input(m.meeting, false).unwrap();
    let opts = PackOptions::new(Language::En, Visibility::Public, today());
    let (pack, _) = agenda_pack(
        &input,
        &opts,
        &mut |d| store.document_pdf(d.id).map_err(|e| e.to_string()),
        &mut |_| ControlFlow::Continue(()),
    )
    .unwrap();
    assert_tagged(&pack, "pack with a tagged report");
    let tree = structure(&pack);
    let parts: Vec<&Node> = tree.kids_of("Part");
    assert_eq!(
        parts.len(),
        1,
        "the tagged report is a Part of the pack's tree"
    );
    assert_eq!(
        squash(&parts[0].all_text()),
        squash(&report_tree.all_text()),
        "with all its own structure"
    );
    let roles = |n: &Node| n.walk().iter().map(|n| n.role.clone()).collect::<Vec<_>>();
    assert_eq!(roles(&parts[0].kids[0]), roles(&report_tree));
    // The agenda's tree comes first, then the report: the reading order of the pages.
    assert_eq!(tree.kids[0].role, "H1");
    assert_eq!(tree.kids.last().map(|k| k.role.as_str()), Some("Part"));
    // Every page's /StructParents key is its own in the parent tree.
    let d = Document::load_mem(&pack).unwrap();
    let mut keys: HashMap<i64, ObjectId> = HashMap::new();
    for (_, id) in d.get_pages() {
        if let Ok(k) = d.get_dictionary(id).unwrap().get(b"StructParents") {
            let k = k.as_i64().unwrap();
            assert!(keys.insert(k, id).is_none(), "key {k} used twice");
        }
    }
    assert!(keys.len() > 2, "the agenda's pages and the report's");
}
