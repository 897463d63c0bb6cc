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
        "text_translation",
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

/// Undoes migration 16 (the register in both languages), for the tests that rewind a
/// database to an earlier schema version: run first, before undoing 15. Puts back the
/// register index, its view and its triggers as migrations 02, 05 and 06 left them.
pub const UNDO_MIGRATION_16: &str = "
    DROP TRIGGER search_translation_insert;
    DROP TRIGGER search_translation_update;
    DROP TRIGGER search_translation_delete;
    DELETE FROM search_fts WHERE rowid IN (SELECT rowid FROM search_doc WHERE kind GLOB 'tr:*');
    DELETE FROM search_doc WHERE kind GLOB 'tr:*';
    DROP TRIGGER register_translation_insert;
    DROP TRIGGER register_translation_update;
    DROP TRIGGER register_translation_delete;
    DROP VIEW register_translation_docs;
    DROP TRIGGER register_body_name_cy_update;
    DROP TRIGGER register_resolution_insert;
    DROP TRIGGER register_resolution_update;
    DROP TRIGGER register_heading_update;
    DROP TRIGGER register_item_update;
    DROP TRIGGER register_block_insert;
    DROP TRIGGER register_block_update;
    DROP TRIGGER register_block_delete;
    DROP VIEW register_minute_docs;
    DROP VIEW register_doc_source;
    DROP VIEW register_minute_words_cy;
    DROP VIEW register_minute_words;
    DROP VIEW register_block_words;
    CREATE VIEW register_minute_words AS
    SELECT mn.id AS minute_id,
           mn.heading || ' ' || coalesce(ai.title_en, '') || ' ' || coalesce(ai.title_cy, '') || ' ' ||
           coalesce((SELECT group_concat(b.person_label || ' ' || b.capacity || ' ' || b.text || ' ' || b.answer_by || ' ' || b.answer, ' ')
                     FROM minute_block b WHERE b.minute_id = mn.id), '') AS words
    FROM minute mn LEFT JOIN agenda_item ai ON ai.id = mn.agenda_item_id;
    DROP TABLE register_fts;
    CREATE VIRTUAL TABLE register_fts USING fts5(text, reason, minute, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8 9 10 11 12');
    INSERT INTO register_fts (rowid, text, reason, minute)
    SELECT d.rowid, r.text, r.reason, coalesce(w.words, '')
    FROM register_doc d JOIN resolution r ON r.id = d.resolution_id
    LEFT JOIN register_minute_words w ON w.minute_id = r.minute_id;
    CREATE TRIGGER register_resolution_insert AFTER INSERT ON resolution
    BEGIN
        INSERT INTO register_doc (resolution_id) VALUES (NEW.id);
        INSERT INTO register_fts (rowid, text, reason, minute)
        VALUES (last_insert_rowid(), NEW.text, NEW.reason,
                coalesce((SELECT words FROM register_minute_words WHERE minute_id = NEW.minute_id), ''));
        INSERT INTO register_row
        SELECT * FROM register_row_source
        WHERE doc = (SELECT rowid FROM register_doc WHERE resolution_id = NEW.id);
    END;
    CREATE TRIGGER register_resolution_update AFTER UPDATE OF text, reason, minute_id ON resolution
    BEGIN
        DELETE FROM register_fts WHERE rowid = (SELECT rowid FROM register_doc WHERE resolution_id = OLD.id);
        INSERT INTO register_fts (rowid, text, reason, minute)
        VALUES ((SELECT rowid FROM register_doc WHERE resolution_id = NEW.id), NEW.text, NEW.reason,
                coalesce((SELECT words FROM register_minute_words WHERE minute_id = NEW.minute_id), ''));
    END;
    CREATE TRIGGER register_heading_update AFTER UPDATE OF heading ON minute
    BEGIN
        DELETE FROM register_fts WHERE rowid IN (SELECT d.rowid FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = NEW.id);
        INSERT INTO register_fts (rowid, text, reason, minute)
        SELECT d.rowid, r.text, r.reason, coalesce((SELECT words FROM register_minute_words WHERE minute_id = NEW.id), '')
        FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = NEW.id;
    END;
    CREATE TRIGGER register_item_update AFTER UPDATE OF title_en, title_cy ON agenda_item
    BEGIN
        DELETE FROM register_fts WHERE rowid IN (SELECT d.rowid FROM register_doc d JOIN resolution r ON r.id = d.resolution_id JOIN minute mn ON mn.id = r.minute_id WHERE mn.agenda_item_id = NEW.id);
        INSERT INTO register_fts (rowid, text, reason, minute)
        SELECT d.rowid, r.text, r.reason, coalesce((SELECT words FROM register_minute_words WHERE minute_id = r.minute_id), '')
        FROM register_doc d JOIN resolution r ON r.id = d.resolution_id JOIN minute mn ON mn.id = r.minute_id WHERE mn.agenda_item_id = NEW.id;
    END;
    CREATE TRIGGER register_block_insert AFTER INSERT ON minute_block
    BEGIN
        DELETE FROM register_fts WHERE rowid IN (SELECT d.rowid FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = NEW.minute_id);
        INSERT INTO register_fts (rowid, text, reason, minute)
        SELECT d.rowid, r.text, r.reason, coalesce((SELECT words FROM register_minute_words WHERE minute_id = NEW.minute_id), '')
        FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = NEW.minute_id;
    END;
    CREATE TRIGGER register_block_update AFTER UPDATE OF person_label, capacity, text, answer_by, answer ON minute_block
    BEGIN
        DELETE FROM register_fts WHERE rowid IN (SELECT d.rowid FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = NEW.minute_id);
        INSERT INTO register_fts (rowid, text, reason, minute)
        SELECT d.rowid, r.text, r.reason, coalesce((SELECT words FROM register_minute_words WHERE minute_id = NEW.minute_id), '')
        FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = NEW.minute_id;
    END;
    CREATE TRIGGER register_block_delete AFTER DELETE ON minute_block
    BEGIN
        DELETE FROM register_fts WHERE rowid IN (SELECT d.rowid FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = OLD.minute_id);
        INSERT INTO register_fts (rowid, text, reason, minute)
        SELECT d.rowid, r.text, r.reason, coalesce((SELECT words FROM register_minute_words WHERE minute_id = OLD.minute_id), '')
        FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = OLD.minute_id;
    END;
";

/// Undoes migration 15 (the bilingual record), for the tests that rewind a database to an
/// earlier schema version: run before undoing the earlier migrations.
pub const UNDO_MIGRATION_15: &str = "
    DROP TABLE text_translation;
    DROP VIEW text_source_meeting;
    DROP TRIGGER agenda_item_translation_delete;
    DROP TRIGGER minute_translation_delete;
    DROP TRIGGER minute_block_translation_delete;
    DROP TRIGGER resolution_translation_delete;
    DROP TRIGGER amendment_translation_delete;
";

/// Undoes migration 18 (the register's indexes), for the tests that rewind a file.
#[allow(dead_code)]
pub const UNDO_MIGRATION_18: &str = "DROP INDEX register_row_exempt; DROP INDEX register_row_body; DROP INDEX register_row_filters;";

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
