//! The notice of decisions (s.100C(1C) LGA 1972, rule R12, check 21) and the authority's
//! working days it is counted in: what the store keeps, and the rules the database itself
//! holds, each shown refused and then accepted once its trigger is dropped.

mod common;

use chrono::NaiveDate;
use common::*;
use minutes_core::*;
use minutes_store::Store;
use rusqlite::Connection;

fn refused(c: &Connection, sql: &str, words: &str) {
    match c.execute(sql, []) {
        Ok(n) => panic!("accepted ({n} rows): {sql}"),
        Err(e) => assert!(
            e.to_string().contains(words),
            "{sql}\n  refused with {e}, expected {words:?}"
        ),
    }
}

fn accepted(c: &Connection, sql: &str) {
    c.execute(sql, [])
        .unwrap_or_else(|e| panic!("refused once its rule was dropped: {sql}: {e}"));
}

#[test]
fn the_authority_s_own_days_move_the_notice_s_due_date() {
    let (mut store, _) = bare_store();
    let cal = store.calendar().expect("calendar");
    // Check 21: a meeting on Tuesday 2nd June 2026 has its notice due by Wednesday 10th.
    assert_eq!(
        minutes_core::notice::notice_due_date(&cal, d(2026, 6, 2)),
        d(2026, 6, 10)
    );
    // The council closes Friday 5th June: the notice is due a working day later.
    store
        .set_authority_day(d(2026, 6, 5), DayKind::Closed, "Staff training day")
        .expect("closed");
    let cal = store.calendar().expect("calendar");
    assert!(cal.closed.contains(&d(2026, 6, 5)));
    assert_eq!(
        minutes_core::notice::notice_due_date(&cal, d(2026, 6, 2)),
        d(2026, 6, 11)
    );
    // Christmas 2026: closed 29th to 31st December; a meeting on Tuesday 22nd counts 22, 23,
    // 24, (25, 28 bank holidays; 29, 30, 31 closed; 1 January bank holiday) 4, 5, 6, 7.
    for day in [29, 30, 31] {
        store
            .set_authority_day(d(2026, 12, day), DayKind::Closed, "Christmas closure")
            .expect("closure");
    }
    let cal = store.calendar().expect("calendar");
    assert_eq!(
        minutes_core::notice::notice_due_date(&cal, d(2026, 12, 22)),
        d(2027, 1, 7)
    );
    // A bank holiday worked: Summer bank holiday 31st August 2026 counts. A meeting on
    // Thursday 27th: 27, 28, 31, 1, 2, 3, 4 September.
    store
        .set_authority_day(d(2026, 8, 31), DayKind::Open, "Offices open")
        .expect("open");
    let cal = store.calendar().expect("calendar");
    assert_eq!(
        minutes_core::notice::notice_due_date(&cal, d(2026, 8, 27)),
        d(2026, 9, 4)
    );
    store.clear_authority_day(d(2026, 8, 31)).expect("cleared");
    let cal = store.calendar().expect("calendar");
    assert_eq!(
        minutes_core::notice::notice_due_date(&cal, d(2026, 8, 27)),
        d(2026, 9, 7)
    );

    // The year as Set-up shows it.
    let year = store.calendar_year(2026).expect("year");
    assert_eq!(year.bank_holidays.len(), 8);
    assert_eq!(year.days.len(), 4);
    assert_eq!(year.days[0].name, "Staff training day");
}

#[test]
fn a_day_that_means_nothing_is_refused_with_the_reason() {
    let (mut store, _) = bare_store();
    let e = store
        .set_authority_day(d(2026, 6, 6), DayKind::Closed, "")
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Invalid);
    assert!(e.to_string().contains("Saturday or Sunday"), "{e}");
    let e = store
        .set_authority_day(d(2026, 12, 25), DayKind::Closed, "")
        .unwrap_err();
    assert!(
        e.to_string().contains("bank holiday (Christmas Day)"),
        "{e}"
    );
    let e = store
        .set_authority_day(d(2026, 6, 8), DayKind::Open, "")
        .unwrap_err();
    assert!(e.to_string().contains("not a bank holiday"), "{e}");
    let e = store.clear_authority_day(d(2026, 6, 8)).unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
    store
        .set_authority_day(d(2026, 6, 8), DayKind::Closed, "")
        .expect("closed");
    let e = store
        .set_authority_day(d(2026, 6, 8), DayKind::Closed, "again")
        .unwrap_err();
    assert!(e.to_string().contains("clear it first"), "{e}");
    assert_eq!(store.authority_days().expect("days").len(), 1);
}

#[test]
fn the_database_refuses_a_weekend_day_and_a_replaced_day_until_the_rules_are_dropped() {
    let (store, _) = bare_store();
    let c = store.conn();
    refused(
        c,
        "INSERT INTO authority_day (day, kind, name) VALUES ('2026-06-06', 'closed', '')",
        "Saturday or Sunday",
    );
    accepted(
        c,
        "INSERT INTO authority_day (day, kind, name) VALUES ('2026-06-08', 'closed', 'A')",
    );
    refused(
        c,
        "INSERT OR REPLACE INTO authority_day (day, kind, name) VALUES ('2026-06-08', 'open', 'B')",
        "clear it first",
    );
    c.execute_batch("DROP TRIGGER authority_day_weekday; DROP TRIGGER authority_day_no_replace;")
        .expect("drop");
    accepted(
        c,
        "INSERT INTO authority_day (day, kind, name) VALUES ('2026-06-06', 'closed', '')",
    );
    accepted(
        c,
        "INSERT OR REPLACE INTO authority_day (day, kind, name) VALUES ('2026-06-08', 'open', 'B')",
    );
}

fn published(store: &Store, meeting: uuid::Uuid) -> Option<NaiveDate> {
    store
        .meeting_record(meeting)
        .expect("record")
        .decisions_notice
        .map(|n| n.published_on)
}

#[test]
fn a_notice_is_marked_published_once_audited_and_even_after_signing() {
    let (_dir, mut store, ids) = demo_store();
    assert_eq!(published(&store, ids.meeting), None);
    let e = store
        .mark_notice_published(ids.meeting, d(2015, 1, 2))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Invalid);
    assert!(e.to_string().contains("after the meeting"), "{e}");
    store
        .mark_notice_published(ids.meeting, d(2015, 1, 9))
        .expect("published");
    assert_eq!(published(&store, ids.meeting), Some(d(2015, 1, 9)));
    let e = store
        .mark_notice_published(ids.meeting, d(2015, 1, 12))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert!(
        e.to_string()
            .contains("already marked published on 2015-01-09"),
        "{e}"
    );
    assert_eq!(published(&store, ids.meeting), Some(d(2015, 1, 9)));
    // Audited, though the minutes are still drafts.
    let audit = store.audit_log(ids.meeting).expect("audit");
    assert!(audit
        .iter()
        .any(|a| a.table == "decisions_notice" && a.action == AuditAction::Insert));

    // Signed minutes still take their notice: it is not part of the signed record, and the
    // record still verifies.
    store
        .mark_notice_published(ids.previous_meeting, d(2014, 12, 8))
        .expect("published after signing");
    let report = store.verify().expect("verify");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn the_database_keeps_a_publication_as_published_until_its_rules_are_dropped() {
    let (_dir, mut store, ids) = demo_store();
    store
        .mark_notice_published(ids.meeting, d(2015, 1, 9))
        .expect("published");
    let before = snapshot(&store);
    let m = ids.meeting;
    let p = ids.previous_meeting;
    let c = store.conn();
    refused(
        c,
        &format!("INSERT OR REPLACE INTO decisions_notice (meeting_id, published_on) VALUES ('{m}', '2015-01-05')"),
        "never replaced",
    );
    refused(
        c,
        &format!(
            "UPDATE decisions_notice SET published_on = '2015-01-05' WHERE meeting_id = '{m}'"
        ),
        "cannot be changed",
    );
    refused(
        c,
        &format!("DELETE FROM decisions_notice WHERE meeting_id = '{m}'"),
        "cannot be removed",
    );
    refused(
        c,
        &format!(
            "INSERT INTO decisions_notice (meeting_id, published_on) VALUES ('{p}', '2014-11-30')"
        ),
        "after the meeting",
    );
    assert_eq!(snapshot(&store), before);
    let c = store.conn();
    c.execute_batch(
        "DROP TRIGGER decisions_notice_no_replace; DROP TRIGGER decisions_notice_no_update;
         DROP TRIGGER decisions_notice_no_delete; DROP TRIGGER decisions_notice_after_meeting;",
    )
    .expect("drop");
    accepted(
        c,
        &format!("INSERT OR REPLACE INTO decisions_notice (meeting_id, published_on) VALUES ('{m}', '2015-01-06')"),
    );
    accepted(
        c,
        &format!(
            "UPDATE decisions_notice SET published_on = '2015-01-05' WHERE meeting_id = '{m}'"
        ),
    );
    accepted(
        c,
        &format!("DELETE FROM decisions_notice WHERE meeting_id = '{m}'"),
    );
    accepted(
        c,
        &format!(
            "INSERT INTO decisions_notice (meeting_id, published_on) VALUES ('{p}', '2014-11-30')"
        ),
    );
}

#[test]
fn the_audit_entry_of_a_publication_is_written_by_the_database() {
    let (_dir, mut store, ids) = demo_store();
    store
        .conn()
        .execute_batch("DROP TRIGGER decisions_notice_audit_insert")
        .expect("drop");
    store
        .mark_notice_published(ids.meeting, d(2015, 1, 9))
        .expect("published");
    let audit = store.audit_log(ids.meeting).expect("audit");
    assert!(!audit.iter().any(|a| a.table == "decisions_notice"));
}

#[test]
fn the_meetings_notices_are_due_overdue_or_published_on_the_day() {
    let (mut store, seq) = bare_store();
    let body = new_body(&mut store, "Cabinet", BodyKind::Cabinet, seq.id);
    let held = new_meeting(&mut store, body.id, d(2026, 6, 2));
    let late = new_meeting(&mut store, body.id, d(2026, 5, 12));
    let done = new_meeting(&mut store, body.id, d(2026, 5, 5));
    let coming = new_meeting(&mut store, body.id, d(2026, 6, 30));
    store
        .mark_notice_published(done.id, d(2026, 5, 7))
        .expect("published");
    let today = d(2026, 6, 5);
    let list = store.notices_due(today).expect("notices");
    let of = |id: uuid::Uuid| list.iter().find(|n| n.meeting_id == id).expect("listed");
    // 2nd June: due 10th June, three working days after Friday 5th (8, 9, 10): due soon.
    assert_eq!(of(held.id).due, d(2026, 6, 10));
    assert_eq!(of(held.id).state, NoticeState::DueSoon);
    assert_eq!(of(held.id).working_days_left, 3);
    // 12th May: due 20th May (no bank holiday between): overdue.
    assert_eq!(of(late.id).due, d(2026, 5, 20));
    assert_eq!(of(late.id).state, NoticeState::Overdue);
    assert_eq!(of(done.id).state, NoticeState::Published);
    assert_eq!(of(done.id).published_on, Some(d(2026, 5, 7)));
    assert_eq!(of(coming.id).state, NoticeState::NotYet);
    // On the 2nd itself it is due, with six working days after today up to the 10th.
    let list = store.notices_due(d(2026, 6, 2)).expect("notices");
    let n = list
        .iter()
        .find(|n| n.meeting_id == held.id)
        .expect("listed");
    assert_eq!((n.state, n.working_days_left), (NoticeState::Due, 6));
}

#[test]
fn the_export_carries_the_publication_and_the_import_restores_it() {
    let (_dir, mut store, ids) = demo_store();
    store
        .mark_notice_published(ids.meeting, d(2015, 1, 9))
        .expect("published");
    let rec = store.meeting_record(ids.meeting).expect("record");
    let json = serde_json::to_string(&rec).expect("json");
    assert!(json.contains("\"decisions_notice\":{\"published_on\":\"2015-01-09\"}"));
    let back = minutes_store::import::parse_meeting(json.as_bytes()).expect("parsed");
    let dir = tempfile::tempdir().expect("dir");
    let mut other = Store::open(&dir.path().join("other.sqlite3")).expect("open");
    let summary = other.import_meeting(&back).expect("imported");
    assert_eq!(published(&other, summary.meeting_id), Some(d(2015, 1, 9)));
    // A record with no notice exports without the field, as before.
    let rec = store.meeting_record(ids.previous_meeting).expect("record");
    assert!(!serde_json::to_string(&rec)
        .expect("json")
        .contains("decisions_notice"));
}
