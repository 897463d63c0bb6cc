//! The bilingual record (issue 17, migration 15): each printed text's other language, frozen
//! with signed minutes, only ever a text of its own meeting, outdated when the original
//! changes, printed in the Welsh minutes, carried by export and import, checked by verify.

mod common;

use common::*;
use minutes_core::render::{self, Visibility};
use minutes_core::*;
use minutes_store::import::parse_meeting;
use minutes_store::{Store, StoreError};
use rusqlite::Connection;

fn raw(store: &Store) -> Connection {
    Connection::open(store.path().expect("a file")).expect("raw open")
}

fn minutes_text(rec: &MeetingRecord, lang: Language) -> String {
    render::to_text(&render::minutes_document(
        rec,
        lang,
        Visibility::Confidential,
    ))
}

/// Translates every text of the meeting that prints: "[cy 3] …" for text 3.
fn translate_all(store: &mut Store, meeting: uuid::Uuid) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for t in store.meeting_texts(meeting).expect("texts") {
        let welsh = format!("Cyfieithiad rhif {} o'r testun", t.position);
        store
            .set_translation(
                meeting,
                t.source,
                &t.source_id,
                &welsh,
                TranslationStatus::Done,
            )
            .unwrap_or_else(|e| panic!("{}: {e}", t.context));
        pairs.push((t.original_text, welsh));
    }
    pairs
}

#[test]
fn a_translation_of_signed_minutes_is_refused_and_accepted_once_the_lock_is_dropped() {
    let (_dir, mut store, ids) = demo_store();
    let signed = ids.previous_meeting;
    let text = store.meeting_texts(signed).expect("texts").remove(0);
    let before = snapshot(&store);
    let err = store
        .set_translation(
            signed,
            text.source,
            &text.source_id,
            "Cyfieithiad",
            TranslationStatus::Done,
        )
        .expect_err("signed minutes are frozen, their Welsh too");
    assert_eq!(err.code(), ErrorCode::Locked, "{err}");
    assert!(
        err.to_string().contains("signed minutes cannot be changed"),
        "{err}"
    );
    assert_eq!(snapshot(&store), before);

    let c = raw(&store);
    let insert = "INSERT INTO text_translation (meeting_id, source, source_id, status, text, translated_from)
                  VALUES (?1, ?2, ?3, 'done', 'Cyfieithiad', '')";
    let args = [
        signed.to_string(),
        text.source.to_string(),
        text.source_id.clone(),
    ];
    let err = c
        .execute(insert, args.clone())
        .expect_err("the trigger refuses raw SQL too");
    assert!(
        err.to_string().contains("signed minutes cannot be changed"),
        "{err}"
    );
    c.execute_batch("DROP TRIGGER text_translation_signed_insert")
        .expect("drop");
    c.execute(insert, args.clone())
        .expect("accepted once the lock is dropped");
}

#[test]
fn a_translation_of_a_text_of_another_meeting_or_of_nothing_is_refused() {
    let (_dir, mut store, ids) = demo_store();
    let other = store
        .meeting_texts(ids.previous_meeting)
        .expect("texts")
        .remove(0);
    let before = snapshot(&store);
    let err = store
        .set_translation(
            ids.meeting,
            other.source,
            &other.source_id,
            "Cyfieithiad",
            TranslationStatus::Done,
        )
        .expect_err("not a text of this meeting");
    assert_eq!(err.code(), ErrorCode::NotFound, "{err}");
    assert_eq!(snapshot(&store), before);

    let c = raw(&store);
    let insert = "INSERT INTO text_translation (meeting_id, source, source_id, status, text)
                  VALUES (?1, ?2, ?3, 'done', 'Cyfieithiad')";
    for source_id in [other.source_id.as_str(), "nothing-at-all"] {
        let err = c
            .execute(
                insert,
                [
                    ids.meeting.to_string(),
                    other.source.to_string(),
                    source_id.to_string(),
                ],
            )
            .expect_err("the trigger refuses");
        assert!(
            err.to_string()
                .contains("a translation belongs to a text of its own meeting"),
            "{err}"
        );
    }
    // A question's id is not a narrative's.
    let question = store
        .meeting_texts(ids.meeting)
        .expect("texts")
        .into_iter()
        .find(|t| t.source == TextSource::Question)
        .expect("the demo has questions");
    let err = c
        .execute(
            insert,
            [
                ids.meeting.to_string(),
                "narrative".into(),
                question.source_id.clone(),
            ],
        )
        .expect_err("not a narrative");
    assert!(err.to_string().contains("own meeting"), "{err}");
    c.execute_batch("DROP TRIGGER text_translation_same_meeting")
        .expect("drop");
    c.execute(
        insert,
        [
            ids.meeting.to_string(),
            "narrative".into(),
            "nothing-at-all".into(),
        ],
    )
    .expect("accepted once the rule is dropped");
}

#[test]
fn an_empty_translation_marked_done_is_refused_naming_the_text() {
    let (_dir, mut store, ids) = demo_store();
    let limb = store
        .meeting_texts(ids.meeting)
        .expect("texts")
        .into_iter()
        .find(|t| t.source == TextSource::Limb)
        .expect("a limb");
    let err = store
        .set_translation(
            ids.meeting,
            limb.source,
            &limb.source_id,
            "  ",
            TranslationStatus::Done,
        )
        .expect_err("empty");
    assert_eq!(
        err.to_string(),
        format!(
            "Translation: the Welsh of {} is empty",
            limb.context.replace(" – ", "'s ")
        )
    );
    // Awaiting with no words yet is fine; so is "not needed".
    store
        .set_translation(
            ids.meeting,
            limb.source,
            &limb.source_id,
            "",
            TranslationStatus::NotNeeded,
        )
        .expect("not needed");
    let c = raw(&store);
    let err = c
        .execute(
            "UPDATE text_translation SET status = 'done' WHERE source_id = ?1",
            [&limb.source_id],
        )
        .expect_err("the database refuses too");
    assert!(err.to_string().contains("must have words"), "{err}");
}

#[test]
fn a_translation_is_outdated_once_the_english_heading_changes_and_the_warning_names_it() {
    let (_dir, mut store, ids) = demo_store();
    let m = ids.inspection_minute;
    store
        .set_minute_heading(m, "Inspection of safeguarding")
        .expect("heading edited");
    let heading = store
        .meeting_texts(ids.meeting)
        .expect("texts")
        .into_iter()
        .find(|t| t.source == TextSource::MinuteHeading && t.source_id == m.to_string())
        .expect("an edited heading is listed");
    assert_eq!(heading.status, TranslationStatus::Awaiting);
    let t = store
        .set_translation(
            ids.meeting,
            heading.source,
            &heading.source_id,
            "Arolygiad o ddiogelu",
            TranslationStatus::Done,
        )
        .expect("translated");
    assert!(!t.outdated && t.status == TranslationStatus::Done);
    let warnings = store.translation_warnings(ids.meeting).expect("warnings");
    assert!(
        !warnings.iter().any(|w| w.contains(&heading.context)),
        "{warnings:?}"
    );

    store
        .set_minute_heading(m, "Inspection of safeguarding and care planning")
        .expect("heading changed");
    let now = store
        .meeting_texts(ids.meeting)
        .expect("texts")
        .into_iter()
        .find(|t| t.source_id == heading.source_id && t.source == TextSource::MinuteHeading)
        .expect("listed");
    assert!(now.outdated, "{now:?}");
    assert_eq!(now.translation, "Arolygiad o ddiogelu");
    let warnings = store.translation_warnings(ids.meeting).expect("warnings");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains(&format!(
            "{} (changed since it was translated)",
            heading.context
        )),
        "{warnings:?}"
    );
    assert!(
        warnings[0].contains("texts await translation: "),
        "{warnings:?}"
    );
}

#[test]
fn the_welsh_minutes_print_the_translations_and_none_of_the_english_and_the_english_none_of_the_welsh(
) {
    let (_dir, mut store, ids) = demo_store();
    let pairs = translate_all(&mut store, ids.meeting);
    assert!(pairs.len() > 10, "{pairs:?}");
    assert!(store
        .translation_warnings(ids.meeting)
        .expect("warnings")
        .is_empty());
    let rec = store.meeting_record(ids.meeting).expect("record");
    let welsh = minutes_text(&rec, Language::Cy).replace('\n', " ");
    let english = minutes_text(&rec, Language::En).replace('\n', " ");
    for (en, cy) in &pairs {
        // A text the clerk typed may be split into paragraphs: each paragraph is absent.
        for para in en.split("  ").map(str::trim).filter(|p| p.len() > 12) {
            let para = para.trim_end_matches('.');
            assert!(
                !welsh.contains(para),
                "the Welsh minutes print the English {para:?}"
            );
        }
        assert!(
            !english.contains(cy.as_str()),
            "the English minutes print the Welsh {cy:?}"
        );
    }
    // The translations of what the minutes print are there (agenda titles print on the agenda).
    for t in store.meeting_texts(ids.meeting).expect("texts") {
        if t.source != TextSource::AgendaTitle {
            assert!(
                welsh.contains(&t.translation),
                "{} missing from the Welsh minutes",
                t.context
            );
        }
    }
}

#[test]
fn export_and_import_keep_the_translations_and_signed_minutes_keep_theirs_frozen() {
    let (_dir, mut store, ids) = demo_store();
    translate_all(&mut store, ids.meeting);
    let jan = store.meeting_record(ids.meeting).expect("jan");
    let mut dec = store.meeting_record(ids.previous_meeting).expect("dec");
    // December is signed: its translation comes in the file, and is signed with it.
    let text = translation::meeting_texts(&dec, Language::En)
        .into_iter()
        .find(|t| t.source != TextSource::AgendaTitle)
        .expect("a text the minutes print");
    dec.translations.push(Translation {
        source: text.source,
        source_id: text.source_id.clone(),
        original: Language::En,
        status: TranslationStatus::Done,
        text: "Cyfieithiad y cofnodion a lofnodwyd".into(),
        translated_from: text.original_text.clone(),
    });
    let files: Vec<MeetingRecord> = [&jan, &dec]
        .iter()
        .map(|r| parse_meeting(&serde_json::to_vec(r).expect("json")).expect("parse"))
        .collect();
    let dir = tempfile::tempdir().expect("dir");
    let mut here = Store::open(&dir.path().join("empty.sqlite3")).expect("open");
    let done = here.import_meetings(&files).expect("import");
    let (jan_here, dec_here) = (done[0].meeting_id, done[1].meeting_id);

    let rec = here.meeting_record(jan_here).expect("record");
    assert_eq!(rec.translations.len(), jan.translations.len());
    assert_eq!(
        minutes_text(&rec, Language::Cy),
        minutes_text(&jan, Language::Cy)
    );
    assert_eq!(
        minutes_text(&rec, Language::En),
        minutes_text(&jan, Language::En)
    );
    assert!(here
        .meeting_texts(jan_here)
        .expect("texts")
        .iter()
        .all(|t| t.status == TranslationStatus::Done && !t.outdated));

    let dec_rec = here.meeting_record(dec_here).expect("dec");
    assert_eq!(dec_rec.meeting.minutes_status, MinutesStatus::Signed);
    assert_eq!(dec_rec.translations.len(), 1);
    assert!(minutes_text(&dec_rec, Language::Cy).contains("Cyfieithiad y cofnodion a lofnodwyd"));
    assert!(here.verify().expect("verify").is_clean());

    // Verify names a translation of signed minutes changed outside Cofnod.
    let c = raw(&here);
    let change = "UPDATE text_translation SET text = 'Rhywbeth arall' WHERE meeting_id = ?1";
    let err = c
        .execute(change, [dec_here.to_string()])
        .expect_err("frozen");
    assert!(
        err.to_string().contains("signed minutes cannot be changed"),
        "{err}"
    );
    c.execute_batch(
        "DROP TRIGGER text_translation_signed_update; DROP TRIGGER text_translation_audit_update",
    )
    .expect("drop");
    c.execute(change, [dec_here.to_string()]).expect("changed");
    drop(c);
    let here = Store::open_read_only(&dir.path().join("empty.sqlite3")).expect("reopen");
    let report = here.verify().expect("verify");
    let p = report
        .problems
        .iter()
        .find(|p| p.table == "text_translation")
        .unwrap_or_else(|| {
            panic!(
                "not named: {:?}",
                report.problems.iter().map(|p| p.line()).collect::<Vec<_>>()
            )
        });
    assert_eq!(
        p.row,
        format!(
            "{}/{}",
            dec_rec.translations[0].source, dec_rec.translations[0].source_id
        )
    );
    assert_eq!(p.what, "this row of signed minutes has been changed");
}

#[test]
fn an_import_naming_a_text_the_file_does_not_hold_is_refused() {
    let (_dir, store, ids) = demo_store();
    let mut jan = store.meeting_record(ids.meeting).expect("jan");
    jan.translations.push(Translation {
        source: TextSource::Limb,
        source_id: uuid::Uuid::nil().to_string(),
        original: Language::En,
        status: TranslationStatus::Done,
        text: "Cyfieithiad".into(),
        translated_from: String::new(),
    });
    let dir = tempfile::tempdir().expect("dir");
    let mut here = Store::open(&dir.path().join("empty.sqlite3")).expect("open");
    let dec = store.meeting_record(ids.previous_meeting).expect("dec");
    match here.import_meetings(&[dec, jan]) {
        Err(StoreError::Import { at, .. }) => assert!(at.starts_with("translations["), "{at}"),
        other => panic!("expected a refusal naming the translation, got {other:?}"),
    }
}
