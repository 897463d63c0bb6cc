//! Documents in both languages (issue 17, point 3), read back from the printed PDF as a clerk
//! would check them: the Welsh minutes of an authority whose legal record is in English say
//! they are a translation, the English do not (and the other way round); the bilingual
//! minutes give each minute's Welsh heading before its English one and the Welsh labels
//! before the English; each passage is tagged with its language.

mod common;

use common::{demo_records, poppler};
use minutes_core::render::Visibility;
use minutes_core::{Language, MeetingRecord};
use minutes_pdf::{print_bilingual_meeting, print_meeting};

const NOTICE_CY: &str = "Cyfieithiad yw'r ddogfen hon. Y fersiwn Saesneg yw'r cofnod cyfreithiol.";
const NOTICE_EN: &str = "This document is a translation. The version in Welsh is the legal record.";

/// The text of a PDF with white space made single spaces.
fn text(pdf: &[u8], layout: bool) -> String {
    let args: &[&str] = if layout { &["-layout"] } else { &[] };
    poppler("pdftotext", args, pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn printed(rec: &MeetingRecord, lang: Language) -> String {
    text(
        &print_meeting(rec, lang, Visibility::Public).expect("printed"),
        false,
    )
}

#[test]
fn the_welsh_minutes_of_an_english_record_say_so_and_the_english_do_not() {
    let (rec, _) = demo_records();
    assert_eq!(rec.authority.documents.legal_language, Language::En);
    let cy = printed(&rec, Language::Cy);
    assert!(cy.contains(NOTICE_CY), "{cy}");
    // Under the title, on the first page.
    let title = cy
        .find("Cofnodion cyfarfod a gynhaliwyd ar 5 Ionawr 2015.")
        .expect("title");
    let notice = cy.find(NOTICE_CY).expect("notice");
    let present = cy.find("Yn bresennol:").expect("attendance");
    assert!(title < notice && notice < present, "{cy}");
    let en = printed(&rec, Language::En);
    assert!(!en.contains(NOTICE_CY) && !en.contains(NOTICE_EN), "{en}");
    assert!(!en.contains("translation"), "{en}");
}

#[test]
fn with_the_record_in_welsh_the_english_minutes_carry_the_english_notice() {
    let (mut rec, _) = demo_records();
    rec.authority.documents.legal_language = Language::Cy;
    let en = printed(&rec, Language::En);
    assert!(en.contains(NOTICE_EN), "{en}");
    let cy = printed(&rec, Language::Cy);
    assert!(!cy.contains(NOTICE_CY) && !cy.contains(NOTICE_EN), "{cy}");
}

#[test]
fn the_bilingual_minutes_put_each_welsh_heading_and_label_before_the_english() {
    let (rec, _) = demo_records();
    let pdf = print_bilingual_meeting(&rec, Visibility::Public).expect("printed");
    let t = text(&pdf, true);
    let at = |words: &str| {
        t.find(words)
            .unwrap_or_else(|| panic!("{words:?} is not printed: {t}"))
    };
    // The title and the labels: Welsh, then English.
    assert!(
        at("Cofnodion cyfarfod a gynhaliwyd ar 5 Ionawr 2015.")
            < at("Minutes of a meeting held on 5th January, 2015.")
    );
    assert!(at("Yn bresennol:") < at("Present:"));
    assert!(at("Wrth law:") < at("In attendance:"));
    // Each minute: its Welsh heading before its English heading, and before the next minute.
    let pairs = [
        ("YMDDIHEURIADAU AM ABSENOLDEB", "APOLOGIES FOR ABSENCE"),
        ("DATGANIADAU O FUDDIANT", "DECLARATIONS OF INTEREST"),
    ];
    for (cy, en) in pairs {
        assert!(at(cy) < at(en), "{cy} before {en}");
    }
    assert!(at("APOLOGIES FOR ABSENCE") < at("DATGANIADAU O FUDDIANT"));
    assert!(at("ARGYMHELLWYD") < at("RECOMMENDED"));
    // Both page numbers, Welsh first; no translation notice (both versions are in it).
    assert!(t.contains("Tudalen 1 o "), "{t}");
    assert!(t.contains(" / Page 1 of "), "{t}");
    assert!(!t.contains(NOTICE_CY));
    // The PDF is Welsh, and each passage is marked with its language.
    let doc = lopdf::Document::load_mem(&pdf).expect("a PDF");
    let lang = doc
        .catalog()
        .and_then(|c| c.get(b"Lang"))
        .and_then(lopdf::Object::as_str)
        .expect("/Lang");
    assert_eq!(lang, b"cy");
    // The structure elements of the tagged PDF carry it (`/Lang` on each passage's elements).
    let root = doc
        .catalog()
        .and_then(|c| c.get(b"StructTreeRoot"))
        .and_then(lopdf::Object::as_reference)
        .expect("a structure tree");
    let document = doc
        .get_dictionary(root)
        .and_then(|r| r.get(b"K"))
        .and_then(lopdf::Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .expect("the Document element");
    let kids = document
        .get(b"K")
        .and_then(lopdf::Object::as_array)
        .expect("its elements");
    let tags: Vec<String> = kids
        .iter()
        .filter_map(|k| k.as_reference().ok())
        .filter_map(|id| doc.get_dictionary(id).ok())
        .filter_map(|e| e.get(b"Lang").and_then(lopdf::Object::as_str).ok())
        .map(|l| String::from_utf8_lossy(l).to_string())
        .collect();
    assert_eq!(tags.len(), kids.len(), "every passage's elements: {tags:?}");
    assert_eq!(tags.first().map(String::as_str), Some("cy"), "{tags:?}");
    assert!(tags.iter().any(|t| t == "en-GB"), "{tags:?}");
}
