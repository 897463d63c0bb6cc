//! Tamper evidence: the attacks of issue 15, each made on a real file through a separate raw
//! connection, as someone with the file and Python's sqlite3 would, then `verify`.

mod common;

use common::*;
use minutes_store::{Store, StoreError, VerifyReport};
use rusqlite::Connection;

/// A second connection to the file: no foreign keys, no recursive triggers, no Cofnod.
fn raw(store: &Store) -> Connection {
    Connection::open(store.path().expect("a file")).expect("raw open")
}

fn lines(report: &VerifyReport) -> Vec<String> {
    report.problems.iter().map(|p| p.line()).collect()
}

#[test]
fn the_demo_council_verifies_with_its_signed_minutes_in_the_chain() {
    let (_dir, store, ids) = demo_store();
    let report = store.verify().expect("verify");
    assert_eq!(lines(&report), Vec::<String>::new());
    assert_eq!(report.signed_minutes, 1);
    assert!(report.audit_entries > 0);
    assert_eq!(report.chain_hash.len(), 64);
    // Signing wrote an audit entry carrying the signed copy's hashes.
    let after: String = store
        .conn()
        .query_row(
            "SELECT after FROM audit_log WHERE table_name = 'signed_copy' AND meeting_id = ?1",
            [ids.previous_meeting.to_string()],
            |r| r.get(0),
        )
        .expect("the signed copy's audit entry");
    assert!(after.contains("record_sha256") && after.contains("rows_sha256"));
}

#[test]
fn renaming_a_person_leaves_the_signed_record_as_signed_and_verify_clean() {
    let (_dir, store, ids) = demo_store();
    let signed = |s: &Store| -> String {
        s.conn()
            .query_row(
                "SELECT record_json FROM signed_copy WHERE meeting_id = ?1",
                [ids.previous_meeting.to_string()],
                |r| r.get(0),
            )
            .expect("signed copy")
    };
    let before = signed(&store);
    let chair: String = raw(&store)
        .query_row(
            "SELECT signed_by_person_id FROM meeting WHERE id = ?1",
            [ids.previous_meeting.to_string()],
            |r| r.get(0),
        )
        .expect("signer");
    raw(&store)
        .execute(
            "UPDATE person SET name = 'Someone Else' WHERE id = ?1",
            [&chair],
        )
        .expect("a rename is allowed");
    assert!(store
        .meeting_record(ids.previous_meeting)
        .expect("record")
        .attendance_names_contain("Someone Else"));
    assert_eq!(
        signed(&store),
        before,
        "the signed record does not follow a rename"
    );
    assert!(!before.contains("Someone Else"));
    let report = store.verify().expect("verify");
    assert_eq!(
        lines(&report),
        Vec::<String>::new(),
        "a rename is not tampering"
    );
}

trait Names {
    fn attendance_names_contain(&self, name: &str) -> bool;
}
impl Names for minutes_core::MeetingRecord {
    fn attendance_names_contain(&self, name: &str) -> bool {
        serde_json::to_string(self).expect("json").contains(name)
    }
}

#[test]
fn an_edited_register_row_is_named() {
    let (_dir, store, _) = demo_store();
    let doc: i64 = raw(&store)
        .query_row("SELECT min(doc) FROM register_row", [], |r| r.get(0))
        .expect("a register row");
    raw(&store)
        .execute(
            "UPDATE register_row SET text = 'Nothing was decided.' WHERE doc = ?1",
            [doc],
        )
        .expect("register_row can be written");
    let report = store.verify().expect("verify");
    assert_eq!(report.problems.len(), 2, "{:?}", lines(&report));
    assert!(report
        .problems
        .iter()
        .all(|p| p.table == "register_row" && p.row == doc.to_string() && p.meeting.is_some()));
    assert!(lines(&report)[0].contains("differs from its resolution"));
}

#[test]
fn each_dropped_trigger_is_named() {
    let (_dir, store, _) = demo_store();
    raw(&store)
        .execute_batch("DROP TRIGGER resolution_signed_update")
        .expect("drop");
    let report = store.verify().expect("verify");
    assert_eq!(
        lines(&report),
        vec![
            "schema row resolution_signed_update: the trigger resolution_signed_update is missing"
        ]
    );

    let all: Vec<String> = raw(&store)
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("triggers");
    let c = raw(&store);
    for t in &all {
        c.execute_batch(&format!("DROP TRIGGER \"{t}\""))
            .expect("drop");
    }
    let report = store.verify().expect("verify");
    assert_eq!(report.problems.len(), all.len() + 1);
    for t in all
        .iter()
        .chain(["resolution_signed_update".to_string()].iter())
    {
        assert!(
            report
                .problems
                .iter()
                .any(|p| p.table == "schema" && &p.row == t && p.what.contains("is missing")),
            "{t} is not named"
        );
    }
}

#[test]
fn replacing_audit_entry_1_is_refused_and_with_its_guard_dropped_named() {
    let (_dir, store, _) = demo_store();
    let c = raw(&store);
    let replace = "INSERT OR REPLACE INTO audit_log (seq, at, actor, table_name, row_id, meeting_id, action, before, after)
                   SELECT seq, at, 'nobody', table_name, row_id, meeting_id, action, before, after FROM audit_log WHERE seq = 1";
    let err = c.execute(replace, []).expect_err("refused");
    assert!(err.to_string().contains("append-only"), "{err}");
    // Both guards (migration 10's and 11's) dropped, as someone with the file could.
    c.execute_batch("DROP TRIGGER audit_log_no_replace; DROP TRIGGER audit_log_append_only")
        .expect("drop");
    c.execute(replace, []).expect("replaced");
    let report = store.verify().expect("verify");
    let l = lines(&report);
    assert!(
        l.iter()
            .any(|l| l.contains("audit_log_no_replace is missing")),
        "{l:?}"
    );
    assert!(
        report.problems.iter().any(|p| p.table == "audit_log"
            && p.row == "1"
            && p.what.contains("changed since it was written")),
        "{l:?}"
    );
}

#[test]
fn an_audit_entry_written_outside_cofnod_is_named_even_after_cofnod_writes_again() {
    let (_dir, mut store, ids) = demo_store();
    raw(&store)
        .execute(
            "INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action) VALUES ('x', 'minute', 'x', ?1, 'delete')",
            [ids.meeting.to_string()],
        )
        .expect("insert");
    let forged: i64 = raw(&store)
        .query_row("SELECT max(seq) FROM audit_log", [], |r| r.get(0))
        .expect("seq");
    // The clerk goes on working: a change audited and sealed after the forged entry.
    store
        .write(|tx| {
            tx.execute(
                "UPDATE agenda_item SET title_en = title_en || '.' WHERE meeting_id = ?1",
                [ids.meeting.to_string()],
            )?;
            Ok(())
        })
        .expect("write");
    let report = store.verify().expect("verify");
    assert_eq!(
        report
            .problems
            .iter()
            .map(|p| (p.table.as_str(), p.row.clone(), p.what.as_str()))
            .collect::<Vec<_>>(),
        vec![(
            "audit_log",
            forged.to_string(),
            "this audit entry was written outside Cofnod (it has no seal)"
        )]
    );
}

#[test]
fn a_signed_resolution_changed_with_its_guard_dropped_is_named_with_meeting_table_and_row() {
    let (_dir, store, ids) = demo_store();
    let c = raw(&store);
    let id: String = c
        .query_row(
            "SELECT id FROM resolution WHERE meeting_id = ?1 ORDER BY id LIMIT 1",
            [ids.previous_meeting.to_string()],
            |r| r.get(0),
        )
        .expect("a signed resolution");
    let err = c
        .execute(
            "UPDATE resolution SET text = 'Rejected.' WHERE id = ?1",
            [&id],
        )
        .expect_err("the lock refuses");
    assert!(err.to_string().contains("signed"), "{err}");
    c.execute_batch("DROP TRIGGER resolution_signed_update; DROP TRIGGER resolution_audit_update")
        .expect("drop");
    c.execute(
        "UPDATE resolution SET text = 'Rejected.' WHERE id = ?1",
        [&id],
    )
    .expect("changed");
    let report = store.verify().expect("verify");
    let p = report
        .problems
        .iter()
        .find(|p| p.table == "resolution")
        .unwrap_or_else(|| panic!("not named: {:?}", lines(&report)));
    assert_eq!(p.row, id);
    assert_eq!(p.what, "this row of signed minutes has been changed");
    let m = p.meeting.as_ref().expect("the meeting");
    assert_eq!(m.id, ids.previous_meeting.to_string());
    assert!(m.date.is_some() && m.committee.is_some());
}

#[test]
fn a_tampered_backup_is_refused_and_the_live_database_is_unchanged() {
    let (dir, mut store, _) = demo_store();
    let backup = dir.path().join("backup.sqlite3");
    store.backup_to(&backup).expect("backup");
    let b = Connection::open(&backup).expect("open backup");
    b.execute_batch("DROP TRIGGER audit_log_no_update")
        .expect("drop");
    drop(b);
    let before = (counts(&store), snapshot(&store));
    let err = store.restore_from(&backup).expect_err("refused");
    match &err {
        StoreError::BadBackup { detail, .. } => {
            assert!(
                detail.contains("audit_log_no_update is missing"),
                "{detail}"
            )
        }
        other => panic!("not a bad backup: {other}"),
    }
    assert_eq!((counts(&store), snapshot(&store)), before);
    assert!(store.verify().expect("verify").is_clean());
    // An untouched backup is still restored.
    let good = dir.path().join("good.sqlite3");
    store.backup_to(&good).expect("backup");
    store.restore_from(&good).expect("a clean backup restores");
}

#[test]
fn a_database_from_before_this_version_is_sealed_as_it_is_first_opened() {
    let (dir, store, ids) = demo_store();
    let path = store.path().expect("file").to_path_buf();
    drop(store);
    // Rewind the file to schema version 10: no seals, no signed copies.
    let c = Connection::open(&path).expect("open");
    c.execute_batch(common::UNDO_MIGRATION_18).expect("undo 18");
    c.execute_batch(common::UNDO_MIGRATION_17).expect("undo 17");
    c.execute_batch(common::UNDO_MIGRATION_16).expect("undo 16");
    c.execute_batch(common::UNDO_MIGRATION_15).expect("undo 15");
    c.execute_batch(UNDO_MIGRATION_14).expect("undo 14");
    c.execute_batch(common::UNDO_MIGRATION_13).expect("undo 13");
    c.execute_batch(common::UNDO_MIGRATION_12).expect("undo 12");
    c.execute_batch(
        "DROP TABLE signed_pdf; DROP TABLE signed_copy; DROP TABLE audit_seal; DROP TRIGGER audit_log_no_replace;
         PRAGMA user_version = 10;",
    )
    .expect("rewind");
    drop(c);
    let store = Store::open(&path).expect("reopen");
    let report = store.verify().expect("verify");
    assert_eq!(lines(&report), Vec::<String>::new());
    assert_eq!(report.signed_minutes, 1);
    let copies: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM signed_copy WHERE meeting_id = ?1",
            [ids.previous_meeting.to_string()],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(copies, 1);
    drop(dir);
}
