//! Agenda packs built from generated reports whose pages say who they are ("A page 2"), read
//! back as a member would: poppler's pdftotext page by page and pdfinfo, and the bookmarks
//! through lopdf.

mod common;

use std::collections::HashMap;
use std::ops::ControlFlow;

use common::{attach_report, meeting_with_reports, poppler, report_pdf, Meeting, ReportSpec};
use minutes_core::render::Visibility;
use minutes_core::{DocumentKind, Language};
use minutes_pdf::{agenda_pack, PackError, PackOptions, PackPlan, PackProgress};

/// The day the packs are printed on: the agenda's date of publication.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2015, 1, 27).unwrap()
}

fn build(
    m: &Meeting,
    supplement: bool,
    lang: Language,
    vis: Visibility,
) -> Result<(Vec<u8>, PackPlan), PackError> {
    let input = m.store.pack_input(m.meeting, supplement).unwrap();
    let opts = PackOptions::new(lang, vis, today());
    agenda_pack(
        &input,
        &opts,
        &mut |d| m.store.document_pdf(d.id).map_err(|e| e.to_string()),
        &mut |_| ControlFlow::Continue(()),
    )
}

fn page_count(pdf: &[u8]) -> u32 {
    let info = poppler("pdfinfo", &[], pdf);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the page count")
}

/// The text of each page, by pack page number from `first`.
fn page_texts(pdf: &[u8], first: u32) -> HashMap<u32, String> {
    let n = page_count(pdf);
    (1..=n)
        .map(|i| {
            let p = i.to_string();
            let text = poppler("pdftotext", &["-f", &p, "-l", &p, "-layout"], pdf);
            (first + i - 1, text)
        })
        .collect()
}

fn flat(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page (pack number) on which `needle` appears, searched from the first page.
fn page_of(texts: &HashMap<u32, String>, needle: &str) -> Option<u32> {
    let mut pages: Vec<&u32> = texts.keys().collect();
    pages.sort();
    pages
        .into_iter()
        .find(|p| texts[*p].contains(needle))
        .copied()
}

/// The bookmarks: (level, title, page index from 1).
fn bookmarks(pdf: &[u8]) -> Vec<(usize, String, usize)> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.get_toc()
        .unwrap()
        .toc
        .into_iter()
        .map(|t| (t.level, t.title, t.page))
        .collect()
}

#[test]
fn confidential_pack_numbers_stamps_and_bookmarks_every_report() {
    let m = meeting_with_reports();
    let (pdf, plan) = build(&m, false, Language::En, Visibility::Confidential).unwrap();
    if let Some(dir) = std::env::var_os("COFNOD_PACK_OUT") {
        std::fs::write(std::path::Path::new(&dir).join("confidential.pdf"), &pdf).unwrap();
    }
    let agenda = plan.agenda_pages;
    assert!(agenda >= 2, "front sheet and agenda: {agenda}");
    assert_eq!(page_count(&pdf), agenda + 3 + 2 + 4 + 2);
    let texts = page_texts(&pdf, 1);

    // Where each report really is, found by its own words.
    let first = |tag: &str| page_of(&texts, &format!("{tag} page 1")).unwrap();
    let (a, b, c, d) = (
        first("ALPHA"),
        first("BRAVO"),
        first("CHARLIE"),
        first("DELTA"),
    );
    assert_eq!(a, agenda + 1);
    assert_eq!((b, c, d), (a + 3, a + 5, a + 9));
    assert!(texts[&(b - 1)].contains("ALPHA page 3"));
    assert!(texts[&(d + 1)].contains("DELTA page 2"));

    // The agenda's ranges match them: items and, for an item with two documents, each one.
    let agenda_text = flat(
        &(1..=agenda)
            .map(|p| texts[&p].clone())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    for range in [
        format!("(Pages {a} \u{2013} {})", b + 1),
        format!(
            "Report of the Director of Social Services (Pages {a} \u{2013} {})",
            a + 2
        ),
        format!(
            "Appendix A: inspection findings (Pages {b} \u{2013} {})",
            b + 1
        ),
        format!(
            "Budget monitoring, quarter 2 (REF) (Pages {c} \u{2013} {})",
            c + 3
        ),
        format!("Staffing restructure (Pages {d} \u{2013} {})", d + 1),
    ] {
        assert!(agenda_text.contains(&range), "{range} in {agenda_text}");
    }
    // Standing items, the exclusion notice quoting the paragraphs, the front sheet.
    for phrase in [
        "PUBLIC DOCUMENT PACK",
        "You are invited to attend a meeting of the",
        "Monday, 2nd February, 2015 at 6.00 pm",
        "Date of issue: 27th January, 2015",
        "Contact officer: Ms. E. Rees",
        "Membership",
        "simultaneous translation",
        "Apologies for absence",
        "Declarations of interest (including whipping declarations)",
        "PART 2",
        "paragraphs 12 and 14 of Part 4 of Schedule 12A to the Local Government Act 1972",
    ] {
        assert!(
            agenda_text.to_uppercase().contains(&phrase.to_uppercase()),
            "{phrase:?} missing from {agenda_text}"
        );
    }
    let exclusion = agenda_text.find("PART 2").unwrap();
    assert!(agenda_text.find("Staffing restructure").unwrap() > exclusion);
    assert!(agenda_text.find("Budget monitoring").unwrap() < exclusion);

    // Every page carries its number and the confidential mark.
    for (p, text) in &texts {
        assert!(
            flat(text).contains(&format!("Page {p}")),
            "page {p} unstamped: {text}"
        );
        assert!(text.contains("CONFIDENTIAL"), "page {p} unmarked");
    }

    // Bookmarks: each item, its reports under it, a report's own bookmarks under that.
    let marks = bookmarks(&pdf);
    let find = |title: &str| {
        marks
            .iter()
            .find(|(_, t, _)| t == title)
            .unwrap_or_else(|| panic!("no bookmark {title:?} in {marks:?}"))
            .clone()
    };
    assert_eq!(find("Agenda").2 as u32, 2);
    let inspection = marks
        .iter()
        .find(|(_, t, _)| t.starts_with("4. Safeguarding inspection"))
        .unwrap();
    assert_eq!((inspection.0, inspection.2 as u32), (1, a));
    assert_eq!(
        find("Report of the Director of Social Services"),
        (
            2,
            "Report of the Director of Social Services".into(),
            a as usize
        )
    );
    assert_eq!(find("Appendix A: inspection findings").2 as u32, b);
    assert_eq!(find("5. Budget monitoring, quarter 2").2 as u32, c);
    assert_eq!(
        find("CHARLIE section 3"),
        (3, "CHARLIE section 3".into(), (c + 2) as usize)
    );
    assert_eq!(find("6. Staffing restructure").2 as u32, d);
    let apologies = find("1. Apologies for absence");
    assert!(
        apologies.2 as u32 <= agenda,
        "an item without reports goes to the agenda"
    );

    // Pages keep their sizes and turns; the form survives.
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let pages = doc.get_pages();
    let media = |p: u32| {
        let id = pages[&p];
        let page = doc.get_dictionary(id).unwrap();
        let mb: Vec<f32> = page
            .get(b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.as_float().unwrap())
            .collect();
        let rotate = page.get(b"Rotate").and_then(|r| r.as_i64()).unwrap_or(0);
        (mb[2] - mb[0], mb[3] - mb[1], rotate)
    };
    assert_eq!(media(b), (842.0, 595.0, 0));
    assert_eq!(media(c), (612.0, 792.0, 0));
    assert_eq!(media(c + 1), (612.0, 792.0, 90));
    let form = doc
        .catalog()
        .unwrap()
        .get(b"AcroForm")
        .unwrap()
        .as_dict()
        .unwrap();
    assert_eq!(form.get(b"Fields").unwrap().as_array().unwrap().len(), 1);
}

#[derive(Debug)]
struct Word {
    p: u32,
    text: String,
    b: [f32; 4],
}

/// Words with their boxes, from `pdftotext -bbox`.
fn words(pdf: &[u8]) -> Vec<Word> {
    let html = poppler("pdftotext", &["-bbox"], pdf);
    let mut out = Vec::new();
    let mut page = 0;
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page") {
            page += 1;
        }
        if let Some(rest) = line.strip_prefix("<word ") {
            let attr = |name: &str| -> f32 {
                let key = format!("{name}=\"");
                let s = &rest[rest.find(&key).unwrap() + key.len()..];
                s[..s.find('"').unwrap()].parse().unwrap()
            };
            let text = rest[rest.find('>').unwrap() + 1..rest.find("</word>").unwrap()].to_string();
            out.push(Word {
                p: page,
                text,
                b: [attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax")],
            });
        }
    }
    out
}

#[test]
fn stamps_never_cover_the_reports_own_words() {
    let m = meeting_with_reports();
    let (pdf, plan) = build(&m, false, Language::En, Visibility::Confidential).unwrap();
    let all = words(&pdf);
    let mut checked = 0;
    for p in plan.agenda_pages + 1..=plan.last_page {
        let on_page: Vec<&Word> = all.iter().filter(|w| w.p == p).collect();
        // The stamp: "Page N" and "CONFIDENTIAL" on the last line of the page.
        let is_stamp =
            |w: &Word| w.text == "Page" || w.text == "CONFIDENTIAL" || w.text == p.to_string();
        let (stamp, text): (Vec<&Word>, Vec<&Word>) = on_page.iter().partition(|w| is_stamp(w));
        assert!(stamp.len() >= 3, "page {p}: {on_page:?}");
        for s in &stamp {
            for w in &text {
                let overlap =
                    s.b[0] < w.b[2] && w.b[0] < s.b[2] && s.b[1] < w.b[3] && w.b[1] < s.b[3];
                assert!(!overlap, "page {p}: stamp {s:?} over {w:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 50);
}

#[test]
fn the_public_pack_leaves_out_part_2_reports() {
    let m = meeting_with_reports();
    let (full, _) = build(&m, false, Language::En, Visibility::Confidential).unwrap();
    let (pdf, plan) = build(&m, false, Language::En, Visibility::Public).unwrap();
    assert_eq!(page_count(&pdf), page_count(&full) - 2);
    let text = poppler("pdftotext", &[], &pdf);
    assert!(!text.contains("DELTA"), "part 2 report in the public pack");
    assert!(!text.contains("CONFIDENTIAL"));
    assert!(
        text.contains("Staffing restructure"),
        "its title stays on the agenda"
    );
    assert!(text.contains("CHARLIE page 4"));
    assert_eq!(plan.documents.len(), 3);
    let marks = bookmarks(&pdf);
    assert!(!marks
        .iter()
        .any(|(_, t, _)| t.contains("Staffing restructure: options")));
}

#[test]
fn a_supplement_continues_the_page_numbers_and_is_recorded() {
    let mut m = meeting_with_reports();
    let (_, plan) = build(&m, false, Language::En, Visibility::Confidential).unwrap();
    m.store
        .record_pack_issue(
            m.meeting,
            0,
            chrono::NaiveDate::from_ymd_opt(2014, 12, 24).unwrap(),
            (plan.first_page, plan.last_page),
            &plan.packed(),
        )
        .unwrap();
    let err = m.store.pack_input(m.meeting, true).unwrap_err();
    assert!(err.to_string().contains("no report"), "{err}");

    let item = m.store.agenda(m.meeting).unwrap()[4].id;
    let echo_id = attach_report(
        &mut m.store,
        item,
        "Late letter from the Health Board",
        DocumentKind::Appendix,
        &ReportSpec::a4("ECHO", 2),
    )
    .id;
    let (pdf, sup) = build(&m, true, Language::En, Visibility::Public).unwrap();
    assert_eq!(sup.first_page, plan.last_page + 1);
    let texts = page_texts(&pdf, sup.first_page);
    let echo = page_of(&texts, "ECHO page 1").unwrap();
    assert_eq!(echo, sup.documents[0].first_page);
    assert!(flat(&texts[&sup.first_page]).contains("Addendum 1 to the agenda"));
    assert!(flat(&texts[&sup.first_page]).contains("Late letter from the Health Board"));
    assert!(
        flat(&texts[&sup.first_page]).contains(&format!("(Pages {echo} \u{2013} {})", echo + 1))
    );
    for (p, t) in &texts {
        assert!(flat(t).contains(&format!("Page {p}")), "page {p}: {t}");
    }
    assert!(
        !texts.values().any(|t| t.contains("ALPHA")),
        "only the new report"
    );
    let input = m.store.pack_input(m.meeting, true).unwrap();
    let number = input.supplement.as_ref().unwrap().number;
    m.store
        .record_pack_issue(
            m.meeting,
            number,
            chrono::NaiveDate::from_ymd_opt(2015, 1, 2).unwrap(),
            (sup.first_page, sup.last_page),
            &sup.packed(),
        )
        .unwrap();
    let issues = m.store.pack_issues(m.meeting).unwrap();
    assert_eq!(issues.len(), 2);
    assert_eq!(issues[1].number, 1);
    assert_eq!(issues[1].documents.len(), 1);
    assert_eq!(issues[1].documents[0].document_id, echo_id);
    assert_eq!(issues[1].first_page, plan.last_page + 1);
    assert!(!m.docs.values().any(|d| *d == echo_id));
}

#[test]
fn printing_can_be_cancelled_and_reports_progress_per_report() {
    let m = meeting_with_reports();
    let input = m.store.pack_input(m.meeting, false).unwrap();
    let opts = PackOptions::new(Language::En, Visibility::Confidential, today());
    let mut merged = Vec::new();
    let err = agenda_pack(
        &input,
        &opts,
        &mut |d| m.store.document_pdf(d.id).map_err(|e| e.to_string()),
        &mut |p| {
            if let PackProgress::Merged { done, total, .. } = p {
                merged.push((done, total));
                if done == 2 {
                    return ControlFlow::Break(());
                }
            }
            ControlFlow::Continue(())
        },
    )
    .unwrap_err();
    assert!(matches!(err, PackError::Cancelled), "{err}");
    assert_eq!(merged, vec![(1, 4), (2, 4)]);
}

#[test]
fn a_report_that_no_longer_matches_its_record_is_named() {
    let m = meeting_with_reports();
    let input = m.store.pack_input(m.meeting, false).unwrap();
    let opts = PackOptions::new(Language::En, Visibility::Public, today());
    let err = agenda_pack(
        &input,
        &opts,
        &mut |_| Ok(report_pdf(&ReportSpec::a4("WRONG", 7))),
        &mut |_| ControlFlow::Continue(()),
    )
    .unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("Report of the Director of Social Services") && msg.contains("7 pages"),
        "{msg}"
    );
    let err = agenda_pack(
        &input,
        &opts,
        &mut |_| Err("the database is locked".into()),
        &mut |_| ControlFlow::Continue(()),
    )
    .unwrap_err();
    assert!(err.to_string().contains("the database is locked"), "{err}");
}

#[test]
fn the_welsh_pack_uses_the_welsh_labels() {
    let m = meeting_with_reports();
    let (pdf, plan) = build(&m, false, Language::Cy, Visibility::Confidential).unwrap();
    let texts = page_texts(&pdf, 1);
    let agenda = flat(
        &(1..=plan.agenda_pages)
            .map(|p| texts[&p].clone())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    for phrase in [
        "CYNGOR BWRDEISTREF SIROL GLANTAWE",
        "Pecyn Dogfennau Cyhoeddus",
        "Aelodaeth",
        "a gynhelir ar ddydd Llun, 2 Chwefror 2015",
        "Tudalennau",
        "RHAN 2",
        "Atodlen 12A",
        "cyfieithu ar y pryd",
    ] {
        assert!(agenda.contains(phrase), "{phrase:?} missing from {agenda}");
    }
    for (p, t) in &texts {
        assert!(flat(t).contains(&format!("Tudalen {p}")), "page {p}");
        assert!(t.contains("CYFRINACHOL"), "page {p}");
    }
}
