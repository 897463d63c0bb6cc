//! A meeting minuted in English, translated from a CSV file through the application layer and
//! printed in Welsh: the PDF (read back with pdftotext) shows none of the English texts, and
//! the English PDF none of the Welsh; before translation, the Welsh minutes warn and name
//! what awaits.

use std::path::PathBuf;

use chrono::NaiveDate;
use minutes_app::core::{TextSource, TranslationStatus};
use minutes_app::{Clock, Council, Edition, Output};
use uuid::Uuid;

fn print(council: &Council, meeting: Uuid, edition: Edition) -> String {
    let mut got = Vec::new();
    council
        .print_minutes(meeting, edition, &mut |o: &Output| {
            got = o.bytes.clone();
            Ok(Some(PathBuf::from("unused.pdf")))
        })
        .expect("printed");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("m.pdf");
    std::fs::write(&path, &got).expect("write");
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", path.to_str().expect("path"), "-"])
        .output()
        .expect("poppler's pdftotext");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_meeting_translated_from_a_file_prints_its_welsh_minutes_without_the_english() {
    let dir = tempfile::tempdir().expect("dir");
    let council = Council::open(
        &dir.path().join("cofnod.sqlite3"),
        Clock::Fixed(NaiveDate::from_ymd_opt(2015, 1, 20).expect("date")),
    )
    .expect("open");
    let ids = council.ensure_demo().expect("demo").expect("loaded");
    let jan = ids.meeting;

    let texts = council.meeting_texts(jan).expect("texts");
    let warnings = council.translation_warnings(jan).expect("warnings");
    let waiting = texts.iter().filter(|t| t.needs_translation()).count();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(&format!(
            "{waiting} texts await translation: Item 4 – title; "
        )),
        "{warnings:?}"
    );

    // The translator's file: one line a text; one cell a formula, which is only ever text.
    let mut csv = String::from("source,source_id,text\n");
    let mut welsh = Vec::new();
    for t in &texts {
        let cy = if t.source == TextSource::Narrative {
            "=HYPERLINK(\"http://example.invalid\"), meddai'r clerc".to_string()
        } else {
            format!("Testun Cymraeg rhif {}", t.position)
        };
        csv.push_str(&format!(
            "{},{},\"{}\"\n",
            t.source,
            t.source_id,
            cy.replace('"', "\"\"")
        ));
        welsh.push((t.clone(), cy));
    }
    let n = council
        .translate_from_csv(jan, csv.as_bytes(), TranslationStatus::Done)
        .expect("translated");
    assert_eq!(n, texts.len());
    assert!(council
        .translation_warnings(jan)
        .expect("warnings")
        .is_empty());

    let cy = print(&council, jan, Edition::from_flags(true, true));
    let en = print(&council, jan, Edition::from_flags(false, true));
    for (t, w) in &welsh {
        for para in t
            .original_text
            .split("  ")
            .map(words)
            .filter(|p| p.len() > 12)
        {
            let para = para.trim_end_matches('.');
            // The first words of a paragraph are enough: a line break may fall anywhere.
            let start: String = para.split(' ').take(5).collect::<Vec<_>>().join(" ");
            assert!(
                !cy.contains(&start),
                "the Welsh minutes print the English {start:?}"
            );
        }
        if t.source != TextSource::AgendaTitle {
            assert!(
                cy.contains(&words(w)),
                "{} missing from the Welsh minutes",
                t.context
            );
        }
        assert!(
            !en.contains(&words(w)),
            "the English minutes print the Welsh {w:?}"
        );
    }
}

#[test]
fn a_translations_file_naming_a_text_of_no_meeting_is_refused_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let council = Council::open(&dir.path().join("cofnod.sqlite3"), Clock::System).expect("open");
    let ids = council.ensure_demo().expect("demo").expect("loaded");
    let texts = council.meeting_texts(ids.meeting).expect("texts");
    let first = &texts[3];
    let csv = format!(
        "source,source_id,text\n{},{},Cyfieithiad\nlimb,{},Cyfieithiad\n",
        first.source,
        first.source_id,
        Uuid::nil()
    );
    let err = council
        .translate_from_csv(ids.meeting, csv.as_bytes(), TranslationStatus::Done)
        .expect_err("refused");
    assert!(err.to_string().contains("line 3"), "{err}");
    // All or none: the first line was not kept.
    let again = council.meeting_texts(ids.meeting).expect("texts");
    assert_eq!(again[3], *first);
}
