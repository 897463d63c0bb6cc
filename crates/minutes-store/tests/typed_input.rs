//! What a person types into a search box or as a meeting reference is taken as words and
//! characters, within bounds: a pasted book is refused at once, naming the limit, and `%` or
//! `_` in the start of a meeting id are characters, not wildcards.

use minutes_core::*;
use minutes_store::demo::{load_demo, DemoIds};
use minutes_store::Store;

/// The demo council in a real database file.
fn demo_store() -> (tempfile::TempDir, Store, DemoIds) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("cofnod.sqlite3")).expect("open");
    let ids = load_demo(&mut store).expect("demo loads");
    (dir, store, ids)
}

#[test]
fn search_text_is_bounded_at_1000_characters_naming_the_limit() {
    let (_dir, store, _ids) = demo_store();
    // 110 kB of words (the paste): refused, both searches, naming the limit.
    let huge = "council ".repeat(110_000 / 8);
    let e = store.search(&huge, 20).expect_err("refused");
    assert_eq!(e.code(), ErrorCode::Invalid, "{e}");
    assert!(e.to_string().contains("longer than 1000 characters"), "{e}");
    let q = RegisterQuery {
        text: huge.clone(),
        ..Default::default()
    };
    let e = store.search_register(&q).expect_err("refused");
    assert!(e.to_string().contains("longer than 1000 characters"), "{e}");
    assert!(store.register_csv(&q).is_err(), "the CSV export too");

    // 1,000 characters exactly are searched (the same word repeated: asked for once).
    let most: String = "council ".repeat(125).chars().take(1000).collect();
    assert_eq!(most.chars().count(), 1000);
    let hits = store.search(&most, 20).unwrap();
    assert!(!hits.is_empty(), "the demo's minutes mention the council");
    let q = RegisterQuery {
        text: most,
        ..Default::default()
    };
    store.search_register(&q).unwrap();
    // Characters, not bytes: 1,000 Welsh letters with accents are within the limit.
    assert!(store.search(&"ŵ".repeat(1000), 20).is_ok());
    assert!(store.search(&"ŵ".repeat(1001), 20).is_err());
}

#[test]
fn a_meeting_id_prefix_with_percent_or_underscore_matches_nothing() {
    let (_dir, store, ids) = demo_store();
    let id = ids.meeting.to_string();
    // The start of the real id finds it.
    assert_eq!(store.find_meeting(&id[..30], None).unwrap(), ids.meeting);
    // `%` and `_` would match any characters in a LIKE pattern: here they are themselves.
    for typed in [
        "%",
        "_",
        "%%",
        &format!("{}_", &id[..29]),
        &format!("{}%", &id[..4]),
    ] {
        let e = store.find_meeting(typed, None).expect_err("not found");
        assert_eq!(e.code(), ErrorCode::NotFound, "{typed}: {e}");
    }
}
