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

/// Everything in the meeting table and the minutes, as text, to compare before and after.
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
    ] {
        let mut st = store
            .conn()
            .prepare(&format!("SELECT * FROM {table} ORDER BY id"))
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
