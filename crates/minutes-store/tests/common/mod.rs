#![allow(dead_code)]

use minutes_store::demo::{load_demo, DemoIds};
use minutes_store::Store;
use tempfile::TempDir;

/// The fixtures shared with the crates that print from the store.
#[allow(unused_imports)]
pub use minutes_store::testing::*;

/// A real database file in a temporary directory, with the demo council loaded.
pub fn demo_store() -> (TempDir, Store, DemoIds) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("cofnod.sqlite3")).expect("open");
    let ids = load_demo(&mut store).expect("demo loads");
    (dir, store, ids)
}

/// Row counts of every table of the record, to show that a refused change changed nothing.
pub fn counts(store: &Store) -> Vec<(String, i64)> {
    let tables = [
        "authority",
        "municipal_year",
        "minute_sequence",
        "body",
        "person",
        "membership",
        "meeting",
        "attendance",
        "agenda_item",
        "declaration",
        "document",
        "minute",
        "minute_block",
        "resolution",
        "referral",
        "amendment",
        "decisions_notice",
        "authority_day",
        "audit_log",
        "search_doc",
    ];
    tables
        .iter()
        .map(|t| {
            let n: i64 = store
                .conn()
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .expect("count");
            (t.to_string(), n)
        })
        .collect()
}

/// Everything in the meeting table, the minutes and the rest of a meeting's record (attendance,
/// declarations, documents, amendments), as text, to compare before and after.
pub fn snapshot(store: &Store) -> String {
    let mut out = String::new();
    for table in [
        "meeting",
        "minute",
        "minute_block",
        "resolution",
        "referral",
        "membership",
        "person",
        "agenda_item",
        "attendance",
        "attendance_item",
        "declaration",
        "document",
        "amendment",
        "vote",
        "vote_member",
        "dispensation",
        "quorum_note",
        "executive_decision",
        "decision_implementation",
        "call_in",
        "call_in_member",
        "decisions_notice",
    ] {
        let mut st = store
            .conn()
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .expect("prepare");
        let cols = st.column_count();
        let rows = st
            .query_map([], |r| {
                let mut line = String::new();
                for i in 0..cols {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push_str(&format!("{v:?}|"));
                }
                Ok(line)
            })
            .expect("query");
        for row in rows {
            out.push_str(&row.expect("row"));
            out.push('\n');
        }
    }
    out
}

/// Undoes migration 12 (votes, dispensations and quorum), for the tests that rewind a
/// database to an earlier schema version: run after undoing 14 and 13.
pub const UNDO_MIGRATION_12: &str = "
    DROP TRIGGER resolution_quorum;
    DROP TRIGGER declaration_after_vote;
    DROP TRIGGER declaration_in_use_delete;
    DROP VIEW dispensation_vote;
    DROP TRIGGER meeting_publish_recorded_votes;
    DROP TABLE vote_member;
    DROP TABLE vote;
    DROP TABLE dispensation;
    DROP TABLE quorum_note;
    DROP VIEW minute_voter;
    DROP VIEW minute_item_name;
    DROP VIEW meeting_presiding;
";

/// Undoes migration 14 (the notice of decisions and the authority's own days), for the tests
/// that rewind a database to an earlier schema version: run before undoing the earlier ones.
/// Undoes migration 17 (the documents' languages), for the tests that rewind a file.
#[allow(dead_code)]
pub const UNDO_MIGRATION_17: &str = "
    DROP TRIGGER authority_documents_insert;
    DROP TRIGGER authority_documents_update;
    DROP TRIGGER authority_layout_insert;
    DROP TRIGGER authority_layout_update;
    DROP TRIGGER authority_notice_insert;
    DROP TRIGGER authority_notice_update;
    ALTER TABLE authority DROP COLUMN legal_language;
    ALTER TABLE authority DROP COLUMN translation_notice_en;
    ALTER TABLE authority DROP COLUMN translation_notice_cy;
    ALTER TABLE authority DROP COLUMN bilingual_layout;
";

pub const UNDO_MIGRATION_14: &str = "
    DROP TABLE decisions_notice;
    DROP TABLE authority_day;
";

/// Undoes migration 10 (the closed SQL paths), for the tests that rewind a database to an
/// earlier schema version: run before undoing the earlier migrations.
pub const UNDO_MIGRATION_10: &str = "
    DROP TRIGGER meeting_no_replace;
    DROP TRIGGER minute_no_replace;
    DROP TRIGGER minute_block_no_replace;
    DROP TRIGGER resolution_no_replace;
    DROP TRIGGER agenda_item_no_replace;
    DROP TRIGGER attendance_no_replace;
    DROP TRIGGER attendance_item_no_replace;
    DROP TRIGGER declaration_no_replace;
    DROP TRIGGER document_no_replace;
    DROP TRIGGER amendment_no_replace;
    DROP TRIGGER referral_no_replace;
    DROP TRIGGER pack_issue_no_replace;
    DROP TRIGGER pack_issue_document_no_replace;
    DROP TRIGGER body_no_replace;
    DROP TRIGGER membership_no_replace;
    DROP TRIGGER audit_log_append_only;
    DROP TRIGGER minute_no_move;
    DROP TRIGGER minute_block_no_move;
    DROP TRIGGER resolution_no_move;
    DROP TRIGGER attendance_no_move;
    DROP TRIGGER agenda_item_no_move;
    DROP TRIGGER declaration_no_move;
    DROP TRIGGER document_no_move;
    DROP TRIGGER amendment_no_move;
    DROP TRIGGER minute_delete_no_gap;
    DROP TRIGGER resolution_delete_no_gap;
    DROP TRIGGER meeting_publish_gapless;
    DROP TRIGGER referral_delete_issued_only;
";

/// Undoes migration 13 (executive decisions and call-in), for the tests that rewind a
/// database to an earlier schema version: run before undoing the earlier migrations.
pub const UNDO_MIGRATION_13: &str = "
    DROP TABLE call_in_member;
    DROP TABLE call_in;
    DROP TABLE decision_implementation;
    DROP TABLE executive_decision;
    DROP TRIGGER executive_decision_complete_to_publish;
    ALTER TABLE authority DROP COLUMN call_in_days;
    ALTER TABLE authority DROP COLUMN call_in_members;
";
