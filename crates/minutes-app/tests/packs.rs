//! The agenda pack as the app and the command line print it from the store: the demo's pack
//! issued with its reports, a late report going out in a supplement numbered on from the
//! pack, and refusals that leave the record as it was. Read back with poppler's tools.

use std::ops::ControlFlow;
use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use minutes_app::print::{print_pack, record_issue};
use minutes_app::{AppError, Clock, Council, Edition, PackJob};
use minutes_core::render::{Line, MinutesDocument, Visibility};
use minutes_core::{DocumentKind, Language};
use minutes_store::Store;
use uuid::Uuid;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn job(meeting_id: Uuid, supplement: bool, issue: bool) -> PackJob {
    PackJob {
        meeting_id,
        edition: Edition::PUBLIC,
        supplement,
        issue,
        print_job: 0,
    }
}

/// The day these tests print on.
const TODAY: fn() -> NaiveDate = || date(2015, 1, 2);

fn go(_: minutes_pdf::PackProgress) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

/// Runs a poppler tool on the PDF and returns what it printed.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pack.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new(tool).args(args).arg(&path).output().unwrap();
    assert!(out.status.success(), "{tool} failed: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn page_count(pdf: &[u8]) -> u32 {
    poppler("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

/// The text of each page, in order (pdftotext separates pages with form feeds).
fn pages(pdf: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pack.pdf");
    std::fs::write(&path, pdf).unwrap();
    let txt = dir.path().join("pack.txt");
    let status = Command::new("pdftotext")
        .arg(&path)
        .arg(&txt)
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(Path::new(&txt)).unwrap();
    let mut pages: Vec<String> = text
        .split('\u{c}')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    if pages.last().is_some_and(|p| p.is_empty()) {
        pages.pop();
    }
    pages
}

/// A one-page letter whose text says what it is.
fn letter(words: &str) -> Vec<u8> {
    let doc = MinutesDocument {
        language: Language::En,
        bilingual: false,
        visibility: Visibility::Public,
        draft: false,
        running_head: words.into(),
        title: words.into(),
        author: "Health Board".into(),
        lines: vec![Line::Title(words.into()), Line::Paragraph(words.into())],
        minute_book_start: None,
    };
    minutes_pdf::minutes_pdf(&doc, &minutes_pdf::PdfOptions::default()).unwrap()
}

/// Attaches a one-page letter saying `words` to `item`, as the clerk attaches a late report.
fn attach(
    store: &mut Store,
    item: Uuid,
    title: &str,
    kind: DocumentKind,
    words: &str,
) -> minutes_core::DocumentInfo {
    let pdf = letter(words);
    let pages = minutes_pdf::report_pages(&pdf).unwrap();
    store
        .attach_document(item, title, kind, &pdf, pages)
        .unwrap()
}

fn demo() -> (tempfile::TempDir, Store, minutes_store::demo::DemoIds) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cofnod.sqlite3");
    let ids = Council::open(&path, Clock::Fixed(TODAY()))
        .unwrap()
        .load_demo()
        .unwrap();
    (dir, Store::open(&path).unwrap(), ids)
}

#[test]
fn the_demo_agenda_is_issued_with_its_reports_and_prints_as_recorded() {
    let (_dir, store, ids) = demo();
    let rec = store.meeting_record(ids.meeting).unwrap();
    assert_eq!(rec.documents.len(), 2, "the report and its appendix");
    let [issue] = rec.pack_issues.as_slice() else {
        panic!("one pack issued: {:?}", rec.pack_issues)
    };
    assert_eq!((issue.number, issue.issued_on), (0, date(2014, 12, 24)));
    assert_eq!(issue.documents.len(), 2);

    let printed = print_pack(&store, &job(ids.meeting, false, false), TODAY(), &mut go).unwrap();
    assert_eq!(page_count(&printed.pdf), issue.last_page);
    let text = pages(&printed.pdf);
    // Each report starts on the page the record says, and the agenda says so too.
    for (d, first_words) in issue.documents.iter().zip([
        "Purpose of the report",
        "Leadership and corporate parenting",
    ]) {
        let page = &text[d.first_page as usize - 1];
        assert!(page.contains(first_words), "page {}: {page}", d.first_page);
        let range = format!("(Pages {} – {})", d.first_page, d.last_page);
        assert!(
            text[1].contains(&range),
            "agenda lacks {range}: {}",
            text[1]
        );
    }
    // The front sheet gives the recorded date of issue.
    assert!(text[0].contains("24th December, 2014"), "{}", text[0]);
}

#[test]
fn issuing_the_agenda_again_is_refused_and_changes_nothing() {
    let (_dir, store, ids) = demo();
    let before = store.meeting_record(ids.meeting).unwrap();
    let err = print_pack(&store, &job(ids.meeting, false, true), TODAY(), &mut go).unwrap_err();
    assert!(
        err.to_string().contains("issued on 24th December, 2014")
            && err.to_string().contains("supplement"),
        "{err}"
    );
    assert_eq!(store.meeting_record(ids.meeting).unwrap(), before);
}

#[test]
fn a_late_report_goes_out_in_a_supplement_numbered_on_from_the_pack() {
    let (_dir, mut store, ids) = demo();
    // Nothing new yet: no supplement.
    let err = print_pack(&store, &job(ids.meeting, true, false), TODAY(), &mut go).unwrap_err();
    assert!(
        err.to_string()
            .contains("no report or appendix has been attached"),
        "{err}"
    );

    let late = attach(
        &mut store,
        ids.inspection_item,
        "Letter from the Health Board",
        DocumentKind::Appendix,
        "Response of the Health Board on mental health services",
    );
    let agenda_last = store.meeting_record(ids.meeting).unwrap().pack_issues[0].last_page;
    let printed = print_pack(&store, &job(ids.meeting, true, false), TODAY(), &mut go).unwrap();
    assert_eq!(printed.issue.number, 1);
    assert_eq!(printed.plan.first_page, agenda_last + 1);
    let text = pages(&printed.pdf);
    assert_eq!(text.len() as u32, printed.plan.pages());
    // Every page carries its pack number, continuing the agenda pack's.
    for (i, t) in text.iter().enumerate() {
        let n = agenda_last + 1 + i as u32;
        assert!(t.contains(&format!("Page {n}")), "page {n}: {t}");
    }
    assert!(text[0].contains("Addendum 1 to the agenda"), "{}", text[0]);
    assert!(
        text[0].contains("Letter from the Health Board (Page 9)"),
        "{}",
        text[0]
    );
    let d = &printed.issue.documents[0];
    assert_eq!(d.document_id, late.id);
    assert!(text[(d.first_page - printed.plan.first_page) as usize]
        .contains("Response of the Health Board on mental health services"));

    record_issue(&mut store, &printed.issue).unwrap();
    let rec = store.meeting_record(ids.meeting).unwrap();
    assert_eq!(rec.pack_issues.len(), 2);
    assert_eq!(rec.pack_issues[1].documents[0].document_id, late.id);
    assert_eq!(rec.pack_issues[1].first_page, agenda_last + 1);
    // Recording the same supplement twice is refused.
    assert!(record_issue(&mut store, &printed.issue).is_err());
    assert_eq!(store.meeting_record(ids.meeting).unwrap(), rec);
}

#[test]
fn a_cancelled_pack_is_not_printed_and_nothing_is_recorded() {
    let (_dir, mut store, ids) = demo();
    attach(
        &mut store,
        ids.inspection_item,
        "Late report",
        DocumentKind::Report,
        "Late",
    );
    let before = store.meeting_record(ids.meeting).unwrap();
    let mut merged = 0;
    let err = print_pack(&store, &job(ids.meeting, true, false), TODAY(), &mut |p| {
        if let minutes_pdf::PackProgress::Merged { .. } = p {
            merged += 1;
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    })
    .unwrap_err();
    assert!(
        matches!(err, AppError::Pack(minutes_pdf::PackError::Cancelled)),
        "{err}"
    );
    assert!(err.to_string().contains("cancelled"));
    assert_eq!(merged, 1);
    assert_eq!(store.meeting_record(ids.meeting).unwrap(), before);
}

#[test]
fn a_copy_of_an_issued_pack_keeps_its_page_numbers_after_a_late_report() {
    let (_dir, mut store, ids) = demo();
    let issued = store.meeting_record(ids.meeting).unwrap().pack_issues[0].clone();
    attach(
        &mut store,
        ids.inspection_item,
        "Letter from the Health Board",
        DocumentKind::Appendix,
        "Response of the Health Board",
    );
    let copy = print_pack(&store, &job(ids.meeting, false, false), TODAY(), &mut go).unwrap();
    assert_eq!(page_count(&copy.pdf), issued.last_page);
    let text = pages(&copy.pdf);
    assert!(!text
        .iter()
        .any(|p| p.contains("Response of the Health Board")));
    assert!(
        text[1].contains("Appendix 1: action plan (Pages 6 – 7)"),
        "{}",
        text[1]
    );
}
