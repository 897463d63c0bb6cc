//! 10,000 random raw-SQL mutations of a signed meeting's record (UPDATE, DELETE, REPLACE,
//! moves to and from another meeting, dropped triggers, edits of the audit log, its seals,
//! the signed copy and the register's rows), each made through a plain connection to a copy
//! of the demo council. Each must be refused by the schema or reported by `verify`; a
//! mutation that changes nothing (the dump is the same) is not counted.

use std::time::Duration;

use minutes_store::demo::load_demo;
use minutes_store::{verify_connection, Store};
use rusqlite::backup::Backup;
use rusqlite::types::Value;
use rusqlite::Connection;

const CASES: usize = 10_000;

/// xorshift64*: the same cases on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Tables a mutation targets, and which of their rows: the signed meeting's own, or any.
const TARGETS: &[(&str, &str)] = &[
    ("meeting", "id = ?1"),
    ("attendance", "meeting_id = ?1"),
    ("agenda_item", "meeting_id = ?1"),
    ("declaration", "meeting_id = ?1"),
    ("document", "meeting_id = ?1"),
    ("minute", "meeting_id = ?1"),
    ("minute_block", "meeting_id = ?1"),
    ("resolution", "meeting_id = ?1"),
    ("amendment", "meeting_id = ?1"),
    ("signed_copy", "meeting_id = ?1"),
    ("audit_log", "?1 IS NOT NULL"),
    ("audit_seal", "?1 IS NOT NULL"),
    ("register_row", "meeting_id = ?1"),
];

fn copy(template: &Connection) -> Connection {
    let mut c = Connection::open_in_memory().expect("memory");
    Backup::new(template, &mut c)
        .expect("backup")
        .run_to_completion(1000, Duration::ZERO, None)
        .expect("copy");
    c
}

/// Every table's rows (sorted) and the schema, as text.
fn dump(c: &Connection) -> String {
    let mut out = String::new();
    let objects: Vec<(String, String, Option<String>)> = c
        .prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect()
        })
        .expect("schema");
    for (kind, name, sql) in objects {
        out.push_str(&format!("{kind} {name} {sql:?}\n"));
        let virtual_table = sql
            .as_deref()
            .is_some_and(|s| s.starts_with("CREATE VIRTUAL"));
        if kind != "table" || virtual_table {
            continue;
        }
        let mut st = c
            .prepare(&format!("SELECT * FROM \"{name}\""))
            .expect("select");
        let n = st.column_count();
        let mut rows = st.query([]).expect("rows");
        // In key order rather than storage order: a REPLACE that writes the same values under
        // a new rowid changes nothing a reader sees.
        let mut lines = Vec::new();
        while let Some(r) = rows.next().expect("row") {
            let values: Vec<Value> = (0..n).map(|i| r.get(i).expect("value")).collect();
            lines.push(format!("{values:?}\n"));
        }
        lines.sort();
        out.extend(lines);
    }
    out
}

fn columns(c: &Connection, table: &str) -> Vec<String> {
    c.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("columns")
}

fn rowids(c: &Connection, table: &str, filter: &str, meeting: &str) -> Vec<i64> {
    c.prepare(&format!("SELECT rowid FROM {table} WHERE {filter}"))
        .and_then(|mut s| s.query_map([meeting], |r| r.get(0))?.collect())
        .expect("rowids")
}

/// A value to write: another row's, the same with a character added, or a plain one.
fn value(rng: &mut Rng, c: &Connection, table: &str, column: &str, other_meeting: &str) -> String {
    match rng.below(7) {
        0 => "NULL".into(),
        1 => format!("{}", rng.below(5)),
        2 => "'x'".into(),
        3 => format!("{column} || ' '"),
        4 => format!("{column} + 1"),
        5 => format!("'{other_meeting}'"),
        _ => {
            let v: Option<String> = c
                .query_row(
                    &format!("SELECT quote({column}) FROM {table} ORDER BY random() LIMIT 1"),
                    [],
                    |r| r.get(0),
                )
                .unwrap_or(None);
            v.unwrap_or_else(|| "NULL".into())
        }
    }
}

/// One random mutation as SQL statements.
fn mutation(
    rng: &mut Rng,
    c: &Connection,
    meeting: &str,
    other: &str,
    triggers: &[String],
) -> Vec<String> {
    let mut sql = Vec::new();
    // A third of the cases first drop one or more triggers, as an attacker would to get past
    // the schema's refusals.
    if rng.below(3) == 0 {
        for _ in 0..=rng.below(3) {
            sql.push(format!("DROP TRIGGER IF EXISTS \"{}\"", rng.pick(triggers)));
        }
    }
    let (table, filter) = *rng.pick(TARGETS);
    let rows = rowids(c, table, filter, meeting);
    if rows.is_empty() {
        return sql;
    }
    let row = *rng.pick(&rows);
    let cols = columns(c, table);
    let col = rng.pick(&cols).clone();
    match rng.below(5) {
        0 | 1 => {
            let v = value(rng, c, table, &col, other);
            sql.push(format!(
                "UPDATE {table} SET \"{col}\" = {v} WHERE rowid = {row}"
            ));
        }
        2 => sql.push(format!("DELETE FROM {table} WHERE rowid = {row}")),
        3 => {
            let v = value(rng, c, table, &col, other);
            let list = cols
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", ");
            let select = cols
                .iter()
                .map(|c| {
                    if *c == col {
                        v.clone()
                    } else {
                        format!("\"{c}\"")
                    }
                })
                .collect::<Vec<_>>()
                .join(", ");
            sql.push(format!(
                "INSERT OR REPLACE INTO {table} ({list}) SELECT {select} FROM {table} WHERE rowid = {row}"
            ));
        }
        _ => {
            // A move: the row to another meeting, or another meeting's row into this one.
            if cols.iter().any(|c| c == "meeting_id") {
                if rng.below(2) == 0 {
                    sql.push(format!(
                        "UPDATE {table} SET meeting_id = '{other}' WHERE rowid = {row}"
                    ));
                } else {
                    sql.push(format!(
                        "UPDATE {table} SET meeting_id = '{meeting}' WHERE rowid = (SELECT rowid FROM {table} WHERE meeting_id <> '{meeting}' ORDER BY random() LIMIT 1)"
                    ));
                }
            } else {
                sql.push(format!("DELETE FROM {table} WHERE rowid = {row}"));
            }
        }
    }
    sql
}

#[test]
fn no_mutation_of_a_signed_meeting_is_silently_accepted() {
    let mut store = Store::open_in_memory().expect("store");
    let ids = load_demo(&mut store).expect("demo");
    let template = store.conn();
    assert!(verify_connection(template).expect("verify").is_clean());
    let before = dump(template);
    let meeting = ids.previous_meeting.to_string();
    let other = ids.meeting.to_string();
    let triggers: Vec<String> = template
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("triggers");

    let mut rng = Rng(0x05EA_1C0F_F00D);
    let (mut refused, mut reported, mut unchanged, mut silent) = (0, 0, 0, Vec::new());
    let mut counted = 0;
    while counted < CASES {
        let c = copy(template);
        let sql = mutation(&mut rng, &c, &meeting, &other, &triggers);
        if c.execute_batch(&sql.join(";\n")).is_err() {
            refused += 1;
            counted += 1;
            continue;
        }
        if dump(&c) == before {
            unchanged += 1;
            continue;
        }
        counted += 1;
        match verify_connection(&c) {
            Ok(report) if !report.is_clean() => reported += 1,
            // A database verify cannot even read is not silently accepted either.
            Err(_) => reported += 1,
            Ok(_) => silent.push(sql),
        }
    }
    println!(
        "{CASES} mutations: refused {refused}, reported {reported}; {unchanged} changed nothing and were not counted"
    );
    println!("silently accepted: {} of {CASES}", silent.len());
    for s in silent.iter().take(10) {
        println!("  {}", s.join("; "));
    }
    assert!(silent.is_empty());
}
