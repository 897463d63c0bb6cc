//! The raw-SQL attacks of issue 15, run the way someone holding the file would: the demo
//! council in a real file, the Store closed, a plain rusqlite connection (no recursive
//! triggers, no foreign keys; then each of those turned on). Every attack must be refused
//! and leave every table of the record exactly as it was.

#[allow(unused_imports)] // the shared fixtures this file does not use
mod common;

use std::path::{Path, PathBuf};

use common::*;
use minutes_core::input::*;
use minutes_store::Store;
use rusqlite::Connection;
use tempfile::TempDir;

/// The ids an attack names.
struct Record {
    signed: String,
    approved: String,
    drafting: String,
    referral: String,
}

/// The demo council with December's minutes signed, a declaration and a report on
/// January's record, January's approved at February's meeting
/// (with an amendment), February's drafts with an item, and the demo referral scheduled at Cabinet.
fn attacked_file() -> (TempDir, PathBuf, Record) {
    let (dir, store, record) = attacked_store();
    let path = store.path().expect("a file").to_path_buf();
    drop(store);
    (dir, path, record)
}

/// As `attacked_file`, with the Store still open.
fn attacked_store() -> (TempDir, Store, Record) {
    let (dir, mut store, ids) = demo_store();
    let feb: String = store
        .conn()
        .query_row(
            "SELECT id FROM meeting WHERE body_id = ?1 AND date = '2015-02-02'",
            [ids.scrutiny.to_string()],
            |r| r.get(0),
        )
        .expect("the demo's February meeting");
    // A declaration on January's record, so the attacks on declarations have one to aim at (ids
    // are UUIDs, as the store writes them: signing reads the record back).
    store
        .conn()
        .execute(
            "INSERT INTO declaration (id, meeting_id, person_id, kind, nature)
             SELECT '0190c0de-0000-7000-8000-00000000dec1', meeting_id, person_id, 'personal', 'a governor of the school' FROM attendance WHERE meeting_id = ?1 LIMIT 1",
            [ids.meeting.to_string()],
        )
        .expect("a declaration");
    // ...and a report.
    store
        .conn()
        .execute(
            "INSERT INTO document (id, agenda_item_id, meeting_id, title, kind, position, page_count, sha256, size_bytes, pdf, added_at)
             SELECT '0190c0de-0000-7000-8000-0000000000d0', id, meeting_id, 'Inspection report', 'report', 1, 1, printf('%064d', 0), 1, x'25', '2014-12-20'
             FROM agenda_item WHERE meeting_id = ?1 LIMIT 1",
            [ids.meeting.to_string()],
        )
        .expect("a report");
    store.publish_draft(ids.meeting).expect("publish");
    store
        .approve_minutes(
            ids.meeting,
            &Approval {
                at_meeting_id: feb.parse().expect("uuid"),
                amendments: vec!["Page 3 – delete 'unsafe' to read 'difficult'".into()],
            },
        )
        .expect("approve");
    store
        .conn()
        .execute(
            "INSERT INTO agenda_item (id, meeting_id, position, title_en) VALUES ('february-item', ?1, 1, 'Budget monitoring')",
            [&feb],
        )
        .expect("an item on February's agenda");
    let cabinet_meeting: String = store
        .conn()
        .query_row(
            "SELECT id FROM meeting WHERE body_id = ?1",
            [ids.cabinet.to_string()],
            |r| r.get(0),
        )
        .expect("the demo's Cabinet meeting");
    store
        .conn()
        .execute(
            "UPDATE referral SET status = 'scheduled', target_meeting_id = ?2 WHERE id = ?1",
            [ids.referral.to_string(), cabinet_meeting],
        )
        .expect("schedule the referral");
    let record = Record {
        signed: ids.previous_meeting.to_string(),
        approved: ids.meeting.to_string(),
        drafting: feb,
        referral: ids.referral.to_string(),
    };
    (dir, store, record)
}

/// Every row of every table of the record (blobs by length), in a stable order.
fn dump(c: &Connection) -> String {
    let mut out = String::new();
    for table in [
        "meeting",
        "minute",
        "minute_block",
        "resolution",
        "attendance",
        "attendance_item",
        "agenda_item",
        "declaration",
        "document",
        "amendment",
        "referral",
        "audit_log",
        "pack_issue",
        "body",
        "membership",
    ] {
        let mut st = c
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .expect("prepare");
        let cols = st.column_count();
        let rows = st
            .query_map([], |r| {
                let mut line = format!("{table}:");
                for i in 0..cols {
                    match r.get::<_, rusqlite::types::Value>(i)? {
                        rusqlite::types::Value::Blob(b) => {
                            line.push_str(&format!("blob {}|", b.len()))
                        }
                        v => line.push_str(&format!("{v:?}|")),
                    }
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

/// The attacks of issue 15, each with the words its refusal must contain.
fn attacks(r: &Record) -> Vec<(String, &'static str)> {
    let Record {
        signed,
        approved,
        drafting,
        referral,
    } = r;
    let replace_meeting = |id: &str| {
        format!(
            "INSERT OR REPLACE INTO meeting (id, body_id, kind, date, start_time, end_time, venue, mode, joining_details, status, minutes_status)
             SELECT id, body_id, kind, date, start_time, end_time, venue, mode, joining_details, status, 'drafting' FROM meeting WHERE id = '{id}'"
        )
    };
    vec![
        // REPLACE turns signed or approved minutes back into drafts.
        (replace_meeting(signed), "never replaced"),
        (replace_meeting(approved), "never replaced"),
        // REPLACE rewrites the audit log's first entry; an entry slips in under a used number.
        (
            "INSERT OR REPLACE INTO audit_log (seq, actor, table_name, row_id, meeting_id, action) VALUES (1, 'x', 'meeting', 'x', 'x', 'insert')".into(),
            "append-only",
        ),
        (
            "INSERT INTO audit_log (seq, actor, table_name, row_id, meeting_id, action) VALUES (0, 'x', 'meeting', 'x', 'x', 'insert')".into(),
            "append-only",
        ),
        // REPLACE rewrites a limb of approved minutes (its delete unaudited).
        (
            format!("INSERT OR REPLACE INTO resolution (id, minute_id, meeting_id, limb, keyword, text)
                     SELECT id, minute_id, meeting_id, (SELECT max(limb) + 1 FROM resolution q WHERE q.minute_id = r.minute_id), keyword, 'tampered'
                     FROM resolution r WHERE meeting_id = '{approved}' LIMIT 1"),
            "never replaced",
        ),
        // REPLACE of a minute, a block, an item, an amendment of approved minutes.
        (
            format!("INSERT OR REPLACE INTO minute (id, meeting_id, sequence_id, year_start, number, heading, position)
                     SELECT id, '{drafting}', sequence_id, year_start, (SELECT max(number) + 1 FROM minute), 'tampered', 1
                     FROM minute WHERE meeting_id = '{approved}' LIMIT 1"),
            "never replaced",
        ),
        (
            format!("INSERT OR REPLACE INTO minute_block SELECT * FROM minute_block WHERE meeting_id = '{approved}' LIMIT 1"),
            "never replaced",
        ),
        (
            format!("INSERT OR REPLACE INTO agenda_item SELECT * FROM agenda_item WHERE meeting_id = '{approved}' LIMIT 1"),
            "never replaced",
        ),
        (
            format!("INSERT OR REPLACE INTO amendment (id, meeting_id, approving_meeting_id, position, text)
                     SELECT id, meeting_id, approving_meeting_id, position, 'tampered' FROM amendment WHERE meeting_id = '{approved}'"),
            "never replaced",
        ),
        (
            format!("INSERT OR REPLACE INTO declaration SELECT * FROM declaration WHERE meeting_id = '{approved}' LIMIT 1"),
            "never replaced",
        ),
        (
            format!("INSERT OR REPLACE INTO attendance (id, meeting_id, person_id, status)
                     SELECT id, '{drafting}', person_id, 'absent' FROM attendance WHERE meeting_id = '{approved}' LIMIT 1"),
            "never replaced",
        ),
        // REPLACE sends a scheduled referral back to issued.
        (
            format!("INSERT OR REPLACE INTO referral (id, resolution_id, from_body_id, to_body_id, to_external, purpose, sent_on, response_due)
                     SELECT id, resolution_id, from_body_id, to_body_id, to_external, purpose, sent_on, response_due FROM referral WHERE id = '{referral}'"),
            "never replaced",
        ),
        // Moves out of approved minutes into drafts, where a delete is neither guarded nor audited.
        (
            format!("UPDATE minute SET meeting_id = '{drafting}' WHERE meeting_id = '{approved}'"),
            "cannot move",
        ),
        (
            format!("UPDATE resolution SET meeting_id = '{drafting}' WHERE meeting_id = '{approved}'"),
            "cannot move",
        ),
        (
            format!("UPDATE resolution SET minute_id = (SELECT max(id) FROM minute WHERE meeting_id = '{approved}') WHERE meeting_id = '{approved}'"),
            "cannot move",
        ),
        (
            format!("UPDATE minute_block SET meeting_id = '{drafting}' WHERE meeting_id = '{approved}'"),
            "cannot move",
        ),
        (
            format!("UPDATE attendance SET meeting_id = '{drafting}' WHERE meeting_id = '{approved}'"),
            "cannot move",
        ),
        (
            format!("UPDATE agenda_item SET meeting_id = '{drafting}' WHERE meeting_id = '{approved}'"),
            "cannot move",
        ),
        (
            format!("UPDATE declaration SET meeting_id = '{drafting}' WHERE meeting_id = '{approved}'"),
            "cannot move",
        ),
        (
            format!("UPDATE document SET meeting_id = '{drafting}' WHERE meeting_id = '{approved}'"),
            "cannot move",
        ),
        (
            format!("UPDATE amendment SET meeting_id = '{drafting}' WHERE meeting_id = '{approved}'"),
            "cannot move",
        ),
        // Moves into approved minutes from drafts.
        (
            format!("UPDATE agenda_item SET meeting_id = '{approved}' WHERE meeting_id = '{drafting}'"),
            "cannot move",
        ),
        // Gaps: numbers and limbs of published minutes.
        (
            format!("UPDATE minute SET number = number + 5 WHERE meeting_id = '{approved}'"),
            "only be changed while the minutes are drafts",
        ),
        (
            format!("DELETE FROM minute WHERE meeting_id = '{approved}'"),
            "only be removed while the minutes are drafts",
        ),
        (
            format!("DELETE FROM resolution WHERE meeting_id = '{approved}' AND limb = 1 AND minute_id IN (SELECT minute_id FROM resolution WHERE limb = 2)"),
            "limbs may not have gaps",
        ),
        // The referral lifecycle on delete and re-insert.
        (
            format!("DELETE FROM referral WHERE id = '{referral}'"),
            "cannot be deleted",
        ),
        (
            format!("INSERT INTO referral (id, resolution_id, from_body_id, to_body_id, purpose, sent_on, response_due, status, outcome, closed_on)
                     SELECT 'again', resolution_id, from_body_id, to_body_id, purpose, sent_on, response_due, 'closed', 'noted', sent_on FROM referral WHERE id = '{referral}'"),
            "starts as issued",
        ),
        // The signed lock on declarations, documents, amendments and agenda items.
        (
            format!("INSERT INTO declaration (id, meeting_id, person_id, kind) SELECT 'new', '{signed}', id, 'personal' FROM person LIMIT 1"),
            "signed minutes cannot be changed",
        ),
        (
            format!("INSERT INTO amendment (id, meeting_id, approving_meeting_id, position, text) VALUES ('new', '{signed}', '{approved}', 99, 'tampered')"),
            "signed minutes cannot be changed",
        ),
        (
            format!("INSERT INTO agenda_item (id, meeting_id, position, title_en) VALUES ('new', '{signed}', 99, 'Tampered')"),
            "signed minutes cannot be changed",
        ),
        (
            format!("DELETE FROM agenda_item WHERE meeting_id = '{signed}'"),
            "signed minutes cannot be changed",
        ),
        (
            format!("INSERT INTO document (id, agenda_item_id, meeting_id, title, kind, position, page_count, sha256, size_bytes, pdf, added_at)
                     SELECT 'new', id, '{signed}', 'Tampered', 'report', 99, 1, printf('%064d', 0), 1, x'00', '2015-01-01'
                     FROM agenda_item WHERE meeting_id = '{signed}' LIMIT 1"),
            "signed minutes cannot be changed",
        ),
    ]
}

fn connect(path: &Path, settings: &str) -> Connection {
    let c = Connection::open(path).expect("open the file");
    c.execute_batch(settings).expect("settings");
    c
}

fn every_attack_is_refused(settings: &str) {
    let (_dir, path, record) = attacked_file();
    let c = connect(&path, settings);
    let before = dump(&c);
    for (sql, refusal) in attacks(&record) {
        let err = match c.execute(&sql, []) {
            Ok(n) => panic!("[{settings}] accepted ({n} rows): {sql}"),
            Err(e) => e.to_string(),
        };
        assert!(
            err.contains(refusal),
            "[{settings}] {sql}\n  refused with {err:?}, expected {refusal:?}"
        );
        assert_eq!(dump(&c), before, "[{settings}] {sql} changed the record");
    }
    assert_eq!(
        c.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
            .expect("integrity"),
        "ok"
    );
    drop(c);
    // The store still opens the file and reads the same.
    let store = Store::open(&path).expect("reopens");
    assert_eq!(dump(store.conn()), before);
}

#[test]
fn every_attack_is_refused_on_a_plain_connection() {
    every_attack_is_refused("PRAGMA recursive_triggers = OFF; PRAGMA foreign_keys = OFF;");
}

#[test]
fn every_attack_is_refused_with_recursive_triggers_on() {
    every_attack_is_refused("PRAGMA recursive_triggers = ON; PRAGMA foreign_keys = OFF;");
}

#[test]
fn every_attack_is_refused_with_foreign_keys_on() {
    every_attack_is_refused("PRAGMA recursive_triggers = OFF; PRAGMA foreign_keys = ON;");
}

/// Draft minutes may pass through a gap while the library closes numbers up, but they are
/// not published with one, whichever way the gap was made.
#[test]
fn minutes_with_a_gap_in_their_numbers_or_limbs_are_not_published() {
    for gap in [
        "UPDATE minute SET number = number + 10 WHERE meeting_id = ?1 AND number = (SELECT max(number) FROM minute WHERE meeting_id = ?1)",
        "UPDATE resolution SET limb = 5 WHERE meeting_id = ?1 AND limb = 2",
        "DELETE FROM resolution WHERE meeting_id = ?1 AND limb = 1 AND minute_id IN (SELECT minute_id FROM resolution WHERE limb = 2)",
    ] {
        let (_dir, mut store, ids) = demo_store();
        let changed = store
            .conn()
            .execute(gap, [ids.meeting.to_string()])
            .expect("a gap in draft minutes");
        assert!(changed > 0, "{gap} made no gap");
        let err = store.publish_draft(ids.meeting).expect_err(gap).to_string();
        assert!(err.contains("have a gap"), "{gap}: {err}");
        let status: String = store
            .conn()
            .query_row(
                "SELECT minutes_status FROM meeting WHERE id = ?1",
                [ids.meeting.to_string()],
                |r| r.get(0),
            )
            .expect("status");
        assert_eq!(status, "drafting", "{gap}");
    }
}

/// The minutes' status moves one step at a time: approving a draft or signing unapproved
/// minutes is refused by the library, and by the database's own trigger when the library is
/// gone round.
#[test]
fn minutes_status_changes_out_of_order_are_refused_by_the_library_and_the_database() {
    let (_dir, mut store, ids) = demo_store();
    let feb: String = store
        .conn()
        .query_row(
            "SELECT id FROM meeting WHERE body_id = ?1 AND date = '2015-02-02'",
            [ids.scrutiny.to_string()],
            |r| r.get(0),
        )
        .expect("the demo's February meeting");
    let before = snapshot(&store);
    let approval = Approval {
        at_meeting_id: feb.parse().expect("uuid"),
        amendments: Vec::new(),
    };
    let e = store
        .approve_minutes(ids.meeting, &approval)
        .expect_err("a draft approved");
    assert!(e.to_string().contains("drafting"), "{e}");
    let chair: String = store
        .conn()
        .query_row(
            "SELECT signed_by_person_id FROM meeting WHERE id = ?1",
            [ids.previous_meeting.to_string()],
            |r| r.get(0),
        )
        .expect("December's signatory");
    let e = store
        .sign_minutes(
            ids.meeting,
            chair.parse().expect("uuid"),
            chrono::NaiveDate::from_ymd_opt(2015, 2, 2).expect("date"),
            |_| Err::<u32, _>("no loose-leaf book"),
        )
        .expect_err("draft minutes signed");
    assert!(e.to_string().contains("drafting"), "{e}");
    assert_eq!(snapshot(&store), before);
    let path = store.path().expect("a file").to_path_buf();
    drop(store);

    let c = connect(&path, "PRAGMA foreign_keys = OFF;");
    let before = dump(&c);
    let m = ids.meeting.to_string();
    for sql in [
        format!("UPDATE meeting SET minutes_status = 'approved', approved_at_meeting_id = '{feb}' WHERE id = '{m}'"),
        format!("UPDATE meeting SET minutes_status = 'signed', approved_at_meeting_id = '{feb}', signed_by_person_id = '{chair}', signed_on = '2015-02-02' WHERE id = '{m}'"),
    ] {
        let e = c.execute(&sql, []).expect_err(&sql).to_string();
        assert!(e.contains("minutes status can only move"), "{sql}: {e}");
        assert_eq!(dump(&c), before, "{sql}");
    }
    // One step on, the same: published minutes are not signed before they are approved.
    c.execute(
        "UPDATE meeting SET minutes_status = 'draft_published' WHERE id = ?1",
        [&m],
    )
    .expect("publish");
    let before = dump(&c);
    let sql = format!("UPDATE meeting SET minutes_status = 'signed', approved_at_meeting_id = '{feb}', signed_by_person_id = '{chair}', signed_on = '2015-02-02' WHERE id = '{m}'");
    let e = c.execute(&sql, []).expect_err(&sql).to_string();
    assert!(e.contains("minutes status can only move"), "{sql}: {e}");
    assert_eq!(dump(&c), before);
}

/// Once the draft is published the minutes keep their order and numbers, through the library
/// and through SQL.
#[test]
fn reordering_is_refused_after_publishing() {
    let (_dir, mut store, ids) = demo_store();
    store.publish_draft(ids.meeting).expect("publish");
    let before = snapshot(&store);
    let e = store
        .move_minute(ids.inspection_minute, 1)
        .expect_err("published minutes reordered");
    assert!(
        e.to_string()
            .contains("only possible while the minutes are drafts"),
        "{e}"
    );
    assert_eq!(snapshot(&store), before);
    let path = store.path().expect("a file").to_path_buf();
    drop(store);
    let c = connect(&path, "PRAGMA foreign_keys = OFF;");
    let before = dump(&c);
    // The library's own way of reordering, done by hand.
    let sql = format!(
        "UPDATE minute SET number = number + 1000000, position = position + 1000000 WHERE meeting_id = '{}'",
        ids.meeting
    );
    let e = c.execute(&sql, []).expect_err(&sql).to_string();
    assert!(
        e.contains("only be changed while the minutes are drafts"),
        "{e}"
    );
    assert_eq!(dump(&c), before);
}

/// A draft minute's number is released only if the numbers after it can close up: not when a
/// later number of its sequence belongs to published minutes.
#[test]
fn a_draft_minute_before_a_published_number_is_not_removed_by_sql() {
    let (_dir, mut store, ids) = demo_store();
    let feb: uuid::Uuid = store
        .conn()
        .query_row(
            "SELECT id FROM meeting WHERE body_id = ?1 AND date = '2015-02-02'",
            [ids.scrutiny.to_string()],
            |r| r.get::<_, String>(0),
        )
        .expect("the demo's February meeting")
        .parse()
        .expect("uuid");
    store
        .add_minute(feb, None, "Budget monitoring")
        .expect("a February minute");
    store.publish_draft(feb).expect("February published");
    let e = store
        .remove_minute(ids.inspection_minute)
        .expect_err("January's draft minute removed");
    assert!(e.to_string().contains("published minutes"), "{e}");
    let path = store.path().expect("a file").to_path_buf();
    drop(store);
    let c = connect(&path, "PRAGMA foreign_keys = OFF;");
    let before = dump(&c);
    let sql = format!("DELETE FROM minute WHERE id = '{}'", ids.inspection_minute);
    let e = c.execute(&sql, []).expect_err(&sql).to_string();
    assert!(e.contains("numbers may not have gaps"), "{e}");
    assert_eq!(dump(&c), before);
}

/// Once January's minutes are signed, its declarations, reports, amendments and agenda items
/// are neither added, changed nor removed by SQL.
#[test]
fn the_signed_lock_holds_on_declarations_documents_amendments_and_items() {
    let (_dir, mut store, r) = attacked_store();
    let chair: uuid::Uuid = store
        .conn()
        .query_row(
            "SELECT signed_by_person_id FROM meeting WHERE id = ?1",
            [&r.signed],
            |row| row.get::<_, String>(0),
        )
        .expect("December's signatory")
        .parse()
        .expect("uuid");
    let feb: uuid::Uuid = r.drafting.parse().expect("uuid");
    let mut present = NewAttendance::new(chair, minutes_core::AttendanceStatus::Present);
    present.capacity = Some(minutes_core::Capacity::Chair);
    store
        .record_attendance(feb, &present)
        .expect("the chair at February's meeting");
    let jan: uuid::Uuid = r.approved.parse().expect("uuid");
    let on = chrono::NaiveDate::from_ymd_opt(2015, 2, 2).expect("date");
    store
        .sign_minutes(jan, chair, on, no_book)
        .expect("January signed");
    let path = store.path().expect("a file").to_path_buf();
    drop(store);
    let c = connect(&path, "PRAGMA foreign_keys = OFF;");
    let before = dump(&c);
    let j = &r.approved;
    let mut tried = 0;
    for table in ["declaration", "document", "amendment", "agenda_item"] {
        let rows: i64 = c
            .query_row(
                &format!("SELECT count(*) FROM {table} WHERE meeting_id = ?1"),
                [j],
                |row| row.get(0),
            )
            .expect("count");
        assert!(rows > 0, "January has no {table} to attack");
        for sql in [
            format!("DELETE FROM {table} WHERE meeting_id = '{j}'"),
            format!("UPDATE {table} SET meeting_id = meeting_id WHERE meeting_id = '{j}'"),
        ] {
            let e = c.execute(&sql, []).expect_err(&sql).to_string();
            assert!(e.contains("signed minutes cannot be"), "{sql}: {e}");
            assert_eq!(dump(&c), before, "{sql}");
            tried += 1;
        }
    }
    assert_eq!(tried, 8);
}
