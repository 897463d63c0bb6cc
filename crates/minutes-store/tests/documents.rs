//! The documents' languages (issue 17, point 3): which language is the legal record, the
//! translation notice in each language and the bilingual layout. Set-up checks them, naming
//! the field; the database refuses what the checks would, and accepts it once its triggers
//! are dropped (so the refusal is the trigger's).

#[allow(unused_imports)] // the shared fixtures this file does not use
mod common;

use common::*;
use minutes_core::*;
use minutes_store::Store;

fn store() -> Store {
    let (_dir, store, _ids) = demo_store();
    // The demo's file lives in `_dir`; keep it for the test's life.
    std::mem::forget(_dir);
    store
}

#[test]
fn the_defaults_name_english_as_the_legal_record_and_carry_both_notices() {
    let store = store();
    let d = store.authority().expect("authority").documents;
    assert_eq!(d, DocumentLanguages::default());
    assert_eq!(d.legal_language, Language::En);
    assert_eq!(d.layout, BilingualLayout::Separate);
    assert_eq!(d.notice(Language::En), None);
    assert_eq!(
        d.notice(Language::Cy),
        Some("Cyfieithiad yw'r ddogfen hon. Y fersiwn Saesneg yw'r cofnod cyfreithiol.")
    );
}

#[test]
fn the_settings_are_saved_and_read_back_trimmed() {
    let mut store = store();
    let want = DocumentLanguages {
        legal_language: Language::Cy,
        translation_notice_en:
            "  This is a translation of the minutes. The minutes in Welsh are the legal record. "
                .into(),
        translation_notice_cy: "Cyfieithiad yw hwn o'r cofnodion.".into(),
        layout: BilingualLayout::WelshFirstSections,
    };
    let saved = store.set_document_languages(&want).expect("saved");
    assert_eq!(
        saved.translation_notice_en,
        "This is a translation of the minutes. The minutes in Welsh are the legal record."
    );
    assert_eq!(store.authority().expect("authority").documents, saved);
    // Setting the rest of the authority leaves them alone.
    let a = store.authority().expect("authority");
    store
        .set_authority(&Authority {
            documents: DocumentLanguages::default(),
            ..a
        })
        .expect("authority saved");
    assert_eq!(store.authority().expect("authority").documents, saved);
}

#[test]
fn an_empty_notice_or_a_layout_not_built_is_refused_naming_the_field() {
    let mut store = store();
    let good = DocumentLanguages::default();
    for (bad, field) in [
        (
            DocumentLanguages {
                translation_notice_en: "  ".into(),
                ..good.clone()
            },
            "Translation notice (English)",
        ),
        (
            DocumentLanguages {
                translation_notice_cy: String::new(),
                ..good.clone()
            },
            "Translation notice (Welsh)",
        ),
        (
            DocumentLanguages {
                layout: BilingualLayout::SideBySide,
                ..good.clone()
            },
            "Bilingual layout",
        ),
    ] {
        let e = store.set_document_languages(&bad).unwrap_err().to_string();
        assert!(e.contains(field), "{e}");
    }
    let e = validate::bilingual_layout("columns")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("Bilingual layout") && e.contains("'columns'"),
        "{e}"
    );
    assert_eq!(
        store.authority().expect("authority").documents,
        good,
        "nothing saved"
    );
}

#[test]
fn the_database_refuses_an_empty_notice_an_unknown_language_or_layout_until_its_triggers_go() {
    let store = store();
    let c = store.conn();
    for (sql, words) in [
        (
            "UPDATE authority SET translation_notice_cy = ' '",
            "the translation notice must not be empty in either language",
        ),
        (
            "UPDATE authority SET legal_language = 'fr'",
            "the legal-record language must be en or cy",
        ),
        (
            "UPDATE authority SET bilingual_layout = 'columns'",
            "the bilingual layout must be separate, welsh_first_sections or side_by_side",
        ),
    ] {
        let e = c.execute_batch(sql).unwrap_err().to_string();
        assert!(e.contains(words), "{sql}: {e}");
    }
    c.execute_batch(
        "DROP TRIGGER authority_notice_update; DROP TRIGGER authority_documents_update;
         DROP TRIGGER authority_layout_update;",
    )
    .expect("drop");
    c.execute_batch(
        "UPDATE authority SET translation_notice_cy = ' ', legal_language = 'fr',
         bilingual_layout = 'columns'",
    )
    .expect("accepted once the triggers are dropped");
}
