//! The rules that make minutes legally sound, each shown on a real SQLite file.

mod common;

use common::*;
use minutes_core::input::*;
use minutes_core::*;
use minutes_store::StoreError;

fn code(e: &StoreError) -> ErrorCode {
    e.code()
}

#[test]
fn bodies_sharing_a_sequence_draw_consecutive_numbers_and_cabinet_is_prefixed() {
    let (_dir, mut store, ids) = demo_store();
    // The demo's scrutiny meetings used 1-4 (December) and 5-8 (January) of the council-wide sequence.
    let jan: Vec<String> = store
        .minutes(ids.meeting)
        .unwrap()
        .into_iter()
        .map(|m| m.label)
        .collect();
    assert_eq!(jan, ["5", "6", "7", "8"]);
    let council = store.body_by_name("Council").unwrap();
    let meeting = new_meeting(&mut store, council.id, d(2015, 1, 20));
    let m = store.add_minute(meeting.id, None, "Tributes").unwrap();
    assert_eq!(m.label, "9", "a second body continues the shared sequence");

    let cabinet_meeting = store
        .list_meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.body_name == "Cabinet")
        .unwrap();
    let c1 = store
        .add_minute(cabinet_meeting.id, None, "Minutes")
        .unwrap();
    let c2 = store
        .add_minute(cabinet_meeting.id, None, "Budget")
        .unwrap();
    assert_eq!((c1.label.as_str(), c2.label.as_str()), ("C1", "C2"));
}

#[test]
fn numbering_restarts_at_the_annual_meeting() {
    let (_dir, mut store, ids) = demo_store();
    store.add_municipal_year(d(2015, 5, 20)).unwrap();
    let before = new_meeting(&mut store, ids.scrutiny, d(2015, 5, 11));
    let after = new_meeting(&mut store, ids.scrutiny, d(2015, 6, 1));
    assert_eq!(
        store
            .add_minute(before.id, None, "Before the Annual Meeting")
            .unwrap()
            .label,
        "9"
    );
    assert_eq!(
        store
            .add_minute(after.id, None, "After the Annual Meeting")
            .unwrap()
            .label,
        "1"
    );
}

#[test]
fn removing_a_draft_minute_closes_the_gap_and_numbers_are_never_duplicated() {
    let (_dir, mut store, ids) = demo_store();
    let mins = store.minutes(ids.meeting).unwrap();
    // Not minute 6: it approved December's minutes, so it stays (see structure.rs).
    store.remove_minute(mins[2].id).unwrap();
    let labels: Vec<String> = store
        .minutes(ids.meeting)
        .unwrap()
        .into_iter()
        .map(|m| m.label)
        .collect();
    assert_eq!(labels, ["5", "6", "7"]);
    // Removing a minute of December's (signed) minutes is refused.
    let dec = store.minutes(ids.previous_meeting).unwrap();
    let err = store.remove_minute(dec[0].id).unwrap_err();
    assert_eq!(code(&err), ErrorCode::Locked);
    // The database refuses a duplicate or out-of-sequence number even from raw SQL.
    let dup = store.conn().execute(
        "INSERT INTO minute (id, meeting_id, sequence_id, year_start, number, heading, position)
         SELECT 'x', meeting_id, sequence_id, year_start, 3, 'Dup', 99 FROM minute WHERE meeting_id = ?1 LIMIT 1",
        [ids.meeting.to_string()],
    );
    assert!(
        dup.is_err(),
        "a number out of sequence must be refused by the schema"
    );
}

#[test]
fn removing_a_draft_minute_is_refused_when_later_numbers_are_published() {
    let (_dir, mut store, ids) = demo_store();
    let later = new_meeting(&mut store, ids.scrutiny, d(2015, 2, 16));
    store.add_minute(later.id, None, "Work programme").unwrap();
    store.publish_draft(later.id).unwrap();
    let jan = store.minutes(ids.meeting).unwrap();
    let before = counts(&store);
    let err = store.remove_minute(jan[0].id).unwrap_err();
    assert_eq!(code(&err), ErrorCode::Conflict);
    assert!(
        err.to_string().contains("numbers may not have gaps"),
        "{err}"
    );
    assert_eq!(counts(&store), before);
}

#[test]
fn reordering_minutes_keeps_the_meeting_numbers() {
    let (_dir, mut store, ids) = demo_store();
    let mins = store.minutes(ids.meeting).unwrap();
    store.move_minute(mins[3].id, 1).unwrap();
    let after = store.minutes(ids.meeting).unwrap();
    assert_eq!(after[0].id, mins[3].id);
    assert_eq!(
        after.iter().map(|m| m.number).collect::<Vec<_>>(),
        [5, 6, 7, 8]
    );
}

#[test]
fn limbs_close_up_and_reasons_travel_with_them() {
    let (_dir, mut store, ids) = demo_store();
    let m = ids.inspection_minute;
    let third = store
        .add_resolution(m, &limb("a further report be received in six months"))
        .unwrap();
    assert_eq!(third.limb, 3);
    // (2) carries the referral, so it cannot be removed until the referral is withdrawn.
    let rs = store.resolutions(m).unwrap();
    let err = store.remove_resolution(rs[1].id).unwrap_err();
    assert!(err.to_string().contains("has a referral"), "{err}");
    store.move_resolution(third.id, 1).unwrap();
    let rs = store.resolutions(m).unwrap();
    assert_eq!(rs.iter().map(|r| r.limb).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(
        rs[0].reason,
        "Reason for a further report be received in six months"
    );
    store.remove_resolution(rs[0].id).unwrap();
    let rs = store.resolutions(m).unwrap();
    assert_eq!(rs.iter().map(|r| r.limb).collect::<Vec<_>>(), [1, 2]);
    assert!(rs[1].text.contains("referred to Cabinet"));
    assert_eq!(
        rs[1].reason,
        "To inform Cabinet of the main findings of the inspection."
    );
}

#[test]
fn publishing_requires_a_reason_for_every_limb_where_the_body_requires_them() {
    let (_dir, mut store, ids) = demo_store();
    let mut r = limb("the budget be noted");
    r.reason = String::new();
    store.add_resolution(ids.inspection_minute, &r).unwrap();
    let err = store.publish_draft(ids.meeting).unwrap_err();
    assert_eq!(err.to_string(), "Reasons: limb (3) of minute 8 has no reason; Scrutiny Committee (Social Care and Health) requires a reason for every limb (give one, or tick \"No reason needed\" on the limb)");
    assert_eq!(
        store.meeting(ids.meeting).unwrap().minutes_status,
        MinutesStatus::Drafting
    );
}

#[test]
fn minutes_move_from_draft_to_signed_and_are_then_locked_by_every_path() {
    let (_dir, mut store, ids) = demo_store();
    let next = store.list_meetings().unwrap()[0].clone();
    assert_eq!(next.date, d(2015, 2, 2));
    store.publish_draft(ids.meeting).unwrap();
    store
        .approve_minutes(
            ids.meeting,
            &Approval {
                at_meeting_id: next.id,
                amendments: vec!["Page 2 – delete 'unsafe' to read 'difficult'".into()],
            },
        )
        .unwrap();
    let chair = store
        .people()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Mrs. E. Llewelyn")
        .unwrap();
    let vice = store
        .people()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "R.J. Bowen")
        .unwrap();
    // Only whoever presided at the approving meeting may sign.
    let mut a = NewAttendance::new(chair.id, AttendanceStatus::Present);
    a.capacity = Some(Capacity::Chair);
    store.record_attendance(next.id, &a).unwrap();
    store
        .record_attendance(
            next.id,
            &NewAttendance::new(vice.id, AttendanceStatus::Present),
        )
        .unwrap();
    let err = store
        .sign_minutes(ids.meeting, vice.id, d(2015, 2, 2), no_book)
        .unwrap_err();
    assert!(err.to_string().contains("presided"), "{err}");
    store
        .sign_minutes(ids.meeting, chair.id, d(2015, 2, 2), no_book)
        .unwrap();
    let rec = store.meeting_record(ids.meeting).unwrap();
    assert_eq!(rec.amendments.len(), 1);
    assert_eq!(rec.meeting.minutes_status, MinutesStatus::Signed);

    let before = snapshot(&store);
    let rs = store.resolutions(ids.inspection_minute).unwrap();
    let blocks = store.blocks(ids.inspection_minute).unwrap();
    // Through the library...
    for err in [
        store
            .add_resolution(ids.inspection_minute, &limb("something else"))
            .unwrap_err(),
        store
            .update_resolution(rs[0].id, &limb("changed"))
            .unwrap_err(),
        store.remove_block(blocks[0].id).unwrap_err(),
        store
            .add_block(
                ids.inspection_minute,
                &BlockContent::Narrative {
                    text: "Late addition".into(),
                },
            )
            .unwrap_err(),
        store.remove_minute(ids.inspection_minute).unwrap_err(),
        store.add_minute(ids.meeting, None, "Another").unwrap_err(),
    ] {
        assert_eq!(code(&err), ErrorCode::Locked, "{err}");
        assert!(
            err.to_string().contains("signed minutes cannot be changed"),
            "{err}"
        );
    }
    // ...and through SQL itself.
    let c = store.conn();
    let id = ids.meeting.to_string();
    for sql in [
        "UPDATE resolution SET text = 'tampered' WHERE meeting_id = ?1",
        "DELETE FROM resolution WHERE meeting_id = ?1",
        "UPDATE minute_block SET text = 'tampered' WHERE meeting_id = ?1",
        "DELETE FROM minute_block WHERE meeting_id = ?1",
        "UPDATE minute SET heading = 'TAMPERED' WHERE meeting_id = ?1",
        "DELETE FROM minute WHERE meeting_id = ?1",
        "UPDATE attendance SET status = 'absent' WHERE meeting_id = ?1",
        "DELETE FROM attendance WHERE meeting_id = ?1",
        "UPDATE agenda_item SET title_en = 'Tampered' WHERE meeting_id = ?1",
        "UPDATE meeting SET venue = 'Elsewhere' WHERE id = ?1",
        "UPDATE meeting SET minutes_status = 'drafting' WHERE id = ?1",
        "DELETE FROM meeting WHERE id = ?1",
        "UPDATE amendment SET text = 'tampered' WHERE meeting_id = ?1",
        "INSERT INTO minute_block (id, minute_id, meeting_id, position, kind, text) SELECT 'new', id, meeting_id, 99, 'narrative', 'x' FROM minute WHERE meeting_id = ?1 LIMIT 1",
    ] {
        let r = c.execute(sql, [&id]);
        let msg = r.expect_err(sql).to_string();
        assert!(msg.contains("signed minutes cannot be"), "{sql}: {msg}");
    }
    assert_eq!(
        snapshot(&store),
        before,
        "nothing in the signed minutes changed"
    );
    // The referral still follows its course after signing.
    let cabinet_meeting = store
        .list_meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.body_name == "Cabinet")
        .unwrap();
    store
        .advance_referral(
            ids.referral,
            &ReferralStep::Schedule {
                meeting_id: cabinet_meeting.id,
            },
        )
        .unwrap();
}

#[test]
fn every_change_after_the_draft_is_published_is_audited() {
    let (_dir, mut store, ids) = demo_store();
    let drafting = store.audit_log(ids.meeting).unwrap();
    assert!(
        drafting.iter().all(|e| e.table == "referral"),
        "drafting is not audited, referrals always are"
    );
    store.set_actor("s.rowlands");
    store.publish_draft(ids.meeting).unwrap();
    let rs = store.resolutions(ids.inspection_minute).unwrap();
    let mut changed = limb("the key findings be noted");
    changed.reason = rs[0].reason.clone();
    store.update_resolution(rs[0].id, &changed).unwrap();
    let log = store.audit_log(ids.meeting).unwrap();
    let publish = log
        .iter()
        .find(|e| e.table == "meeting")
        .expect("publishing is audited");
    assert!(publish
        .before
        .as_deref()
        .unwrap_or("")
        .contains("\"minutes_status\":\"drafting\""));
    assert!(publish
        .after
        .as_deref()
        .unwrap_or("")
        .contains("\"minutes_status\":\"draft_published\""));
    let edit = log
        .iter()
        .find(|e| e.table == "resolution")
        .expect("the edit is audited");
    assert_eq!(edit.actor, "s.rowlands");
    assert_eq!(edit.action, AuditAction::Update);
    assert!(edit
        .before
        .as_deref()
        .unwrap_or("")
        .contains("the key findings of the inspection"));
    assert!(edit
        .after
        .as_deref()
        .unwrap_or("")
        .contains("the key findings be noted"));
    assert!(
        (chrono::Utc::now() - edit.at).num_minutes() < 5,
        "entry carries the time it was made"
    );
    // The audit log is append-only, even from SQL.
    assert!(store.conn().execute("DELETE FROM audit_log", []).is_err());
    assert!(store
        .conn()
        .execute("UPDATE audit_log SET actor = 'someone else'", [])
        .is_err());
}

#[test]
fn approval_must_be_at_a_later_meeting_of_the_same_body() {
    let (_dir, mut store, ids) = demo_store();
    store.publish_draft(ids.meeting).unwrap();
    let before = counts(&store);
    let earlier = store.approve_minutes(
        ids.meeting,
        &Approval {
            at_meeting_id: ids.previous_meeting,
            amendments: vec![],
        },
    );
    let err = earlier.unwrap_err();
    assert_eq!(err.to_string(), "minutes of the meeting of 5th January, 2015 cannot be approved at a meeting held on 1st December, 2014: it must be a later meeting");
    let cabinet = store
        .list_meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.body_name == "Cabinet")
        .unwrap();
    let other = store.approve_minutes(
        ids.meeting,
        &Approval {
            at_meeting_id: cabinet.id,
            amendments: vec!["x".into()],
        },
    );
    assert!(other.unwrap_err().to_string().contains("same body"));
    assert_eq!(counts(&store), before);
    // And the schema refuses it too.
    let sql = store.conn().execute(
        "UPDATE meeting SET approved_at_meeting_id = ?2 WHERE id = ?1",
        [ids.meeting.to_string(), ids.previous_meeting.to_string()],
    );
    assert!(sql.unwrap_err().to_string().contains("later meeting"));
}

#[test]
fn referrals_follow_their_lifecycle_and_fall_overdue() {
    let (_dir, mut store, ids) = demo_store();
    let r = store.referral(ids.referral).unwrap();
    assert_eq!(r.status, ReferralStatus::Issued);
    assert_eq!((r.sent_on, r.response_due), (d(2015, 1, 7), d(2015, 3, 6)));
    assert!(store.overdue_referrals(d(2015, 3, 6)).unwrap().is_empty());
    assert_eq!(store.overdue_referrals(d(2015, 3, 7)).unwrap().len(), 1);

    let err = store
        .advance_referral(ids.referral, &ReferralStep::Close { on: d(2015, 2, 1) })
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "A referral cannot move from issued to closed"
    );
    let cabinet = store
        .list_meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.body_name == "Cabinet")
        .unwrap();
    let wrong_body = store.advance_referral(
        ids.referral,
        &ReferralStep::Schedule {
            meeting_id: ids.meeting,
        },
    );
    assert!(wrong_body.is_err(), "scheduled only at the target body");
    store
        .advance_referral(
            ids.referral,
            &ReferralStep::Schedule {
                meeting_id: cabinet.id,
            },
        )
        .unwrap();
    let c = store
        .add_minute(
            cabinet.id,
            None,
            "Reference from Scrutiny Committee (Social Care and Health)",
        )
        .unwrap();
    let considered = store
        .advance_referral(
            ids.referral,
            &ReferralStep::Consider {
                outcome: ReferralOutcome::Noted,
                response_text: "Cabinet noted the report and thanked the Committee.".into(),
                meeting_id: Some(cabinet.id),
                minute_id: Some(c.id),
            },
        )
        .unwrap();
    assert_eq!(
        (considered.status, considered.outcome),
        (ReferralStatus::Considered, Some(ReferralOutcome::Noted))
    );
    assert!(
        !considered.is_overdue(d(2016, 1, 1)),
        "answered referrals are not overdue"
    );
    let next = store.list_meetings().unwrap()[0].id;
    store
        .advance_referral(ids.referral, &ReferralStep::ReportBack { meeting_id: next })
        .unwrap();
    let closed = store
        .advance_referral(ids.referral, &ReferralStep::Close { on: d(2015, 2, 2) })
        .unwrap();
    assert_eq!(closed.status, ReferralStatus::Closed);
    // The schema holds the lifecycle too.
    let sql = store.conn().execute(
        "UPDATE referral SET status = 'issued' WHERE id = ?1",
        [ids.referral.to_string()],
    );
    assert!(sql.unwrap_err().to_string().contains("can only move"));
}

#[test]
fn bad_input_is_refused_with_a_clear_error_and_changes_nothing() {
    let (_dir, mut store, ids) = demo_store();
    let before = counts(&store);
    let snap = snapshot(&store);
    let unknown = uuid::Uuid::now_v7();

    let cases: Vec<(StoreError, ErrorCode, &str)> = vec![
        (
            store
                .add_agenda_item(
                    ids.meeting,
                    &NewAgendaItem {
                        origin: ItemOrigin::Urgent,
                        urgent_reason: "x".into(),
                        ..NewAgendaItem::report("   ")
                    },
                )
                .unwrap_err(),
            ErrorCode::Invalid,
            "Item title: must not be empty",
        ),
        (
            store
                .add_agenda_item(
                    ids.meeting,
                    &NewAgendaItem {
                        origin: ItemOrigin::Urgent,
                        urgent_reason: "x".into(),
                        ..NewAgendaItem::report(&"x".repeat(301))
                    },
                )
                .unwrap_err(),
            ErrorCode::Invalid,
            "Item title: is 301 characters long; the most allowed is 300",
        ),
        (
            store.add_minute(ids.meeting, None, "").unwrap_err(),
            ErrorCode::Invalid,
            "Minute heading: must not be empty",
        ),
        (
            store.add_minute(unknown, None, "Budget").unwrap_err(),
            ErrorCode::NotFound,
            "Meeting not found",
        ),
        (
            store
                .add_block(
                    unknown,
                    &BlockContent::Narrative {
                        text: "Text".into(),
                    },
                )
                .unwrap_err(),
            ErrorCode::NotFound,
            "Minute not found",
        ),
        (
            store
                .add_membership(&NewMembership {
                    person_id: store.people().unwrap()[0].id,
                    body_id: unknown,
                    role: Role::Member,
                    from: d(2015, 1, 1),
                    to: None,
                })
                .unwrap_err(),
            ErrorCode::NotFound,
            "Body not found",
        ),
        (
            store
                .add_referral(&NewReferral {
                    resolution_id: Some(store.resolutions(ids.inspection_minute).unwrap()[0].id),
                    from_body_id: None,
                    to_body_id: Some(unknown),
                    to_external: String::new(),
                    purpose: ReferralPurpose::ForInformation,
                    sent_on: d(2015, 1, 7),
                    response_due: None,
                })
                .unwrap_err(),
            ErrorCode::NotFound,
            "Body to refer to not found",
        ),
        (
            store
                .add_agenda_item(ids.meeting, &NewAgendaItem::report("A late report"))
                .unwrap_err(),
            ErrorCode::Conflict,
            "must be marked urgent",
        ),
        (
            store
                .add_agenda_item(
                    ids.meeting,
                    &NewAgendaItem {
                        part: ItemPart::Exempt,
                        exempt_paragraphs: vec!["14".into()],
                        origin: ItemOrigin::Urgent,
                        urgent_reason: "x".into(),
                        ..NewAgendaItem::report("Contract award")
                    },
                )
                .unwrap_err(),
            ErrorCode::Invalid,
            "Public interest",
        ),
    ];
    for (err, want_code, want_text) in cases {
        assert_eq!(err.code(), want_code, "{err}");
        assert!(
            err.to_string().contains(want_text),
            "'{err}' should say '{want_text}'"
        );
    }
    // A duplicate membership: the chair is already a member for these dates.
    let chair = store
        .people()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Mrs. E. Llewelyn")
        .unwrap();
    let dup = store
        .add_membership(&NewMembership {
            person_id: chair.id,
            body_id: ids.scrutiny,
            role: Role::Member,
            from: d(2015, 1, 1),
            to: None,
        })
        .unwrap_err();
    assert_eq!(dup.code(), ErrorCode::Conflict);
    assert!(dup.to_string().contains("duplicate membership"), "{dup}");
    assert_eq!(counts(&store), before, "no row was added or removed");
    assert_eq!(snapshot(&store), snap, "no row was changed");
}

#[test]
fn search_is_kept_in_step_and_folds_accents() {
    let (_dir, mut store, ids) = demo_store();
    let hits = store.search("Cabinet", 20).unwrap();
    let limb = hits
        .iter()
        .find(|h| h.kind == "resolution")
        .expect("the referral limb is found");
    assert_eq!(limb.minute_label.as_deref(), Some("8"));
    assert!(
        limb.snippet.contains("referred to [Cabinet]"),
        "{}",
        limb.snippet
    );

    store
        .add_block(
            ids.inspection_minute,
            &BlockContent::Narrative {
                text: "Gwasanaethau i ŵyn a phlant yng Nghymru".into(),
            },
        )
        .unwrap();
    assert_eq!(
        store.search("wyn", 5).unwrap().len(),
        1,
        "'wyn' finds 'ŵyn'"
    );
    let b = store.blocks(ids.inspection_minute).unwrap().pop().unwrap();
    store
        .update_block(
            b.id,
            &BlockContent::Narrative {
                text: "Gwasanaethau cymdeithasol".into(),
            },
        )
        .unwrap();
    assert!(
        store.search("wyn", 5).unwrap().is_empty(),
        "old text leaves the index"
    );
    assert_eq!(store.search("cymdeithasol", 5).unwrap().len(), 1);
    store.remove_block(b.id).unwrap();
    assert!(store.search("cymdeithasol", 5).unwrap().is_empty());
    for q in ["\"", "*", "NEAR(", "-", "mental -health \"", "AND OR NOT"] {
        store.search(q, 5).unwrap_or_else(|e| panic!("{q}: {e}"));
    }
}

#[test]
fn attachments_keep_their_bytes_hash_and_page_count() {
    // Whether a file is a readable PDF is checked where PDFs are read, before it reaches the
    // store (minutes-pdf's `report_pages`, tested there); the store keeps what it is given.
    let (_dir, mut store, ids) = demo_store();
    let item = store.agenda(ids.meeting).unwrap()[3].id;
    let before = counts(&store);
    let pdf = one_page_pdf();
    let no_pages = store
        .attach_document(item, "Report", DocumentKind::Report, &pdf, 0)
        .unwrap_err();
    assert!(no_pages.to_string().contains("no pages"), "{no_pages}");
    let untitled = store
        .attach_document(item, " ", DocumentKind::Report, &pdf, 1)
        .unwrap_err();
    assert!(
        untitled.to_string().contains("Document title"),
        "{untitled}"
    );
    assert_eq!(counts(&store), before, "nothing refused is saved");

    let doc = store
        .attach_document(
            item,
            "Report of the Director",
            DocumentKind::Report,
            &pdf,
            1,
        )
        .unwrap();
    assert_eq!(doc.page_count, 1);
    assert_eq!(doc.sha256.len(), 64);
    assert_eq!(
        store.document_pdf(doc.id).unwrap(),
        pdf,
        "the bytes are stored in the database"
    );
}

#[test]
fn the_migration_set_is_valid() {
    minutes_store::migrations().unwrap().validate().unwrap();
    assert_eq!(minutes_store::schema_version(), 18);
}

#[test]
fn the_database_is_opened_for_legal_records() {
    let (_dir, store, _) = demo_store();
    let c = store.conn();
    let journal: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    let fk: i64 = c
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        (journal.as_str(), sync, fk),
        ("wal", 2, 1),
        "WAL, synchronous=FULL, foreign keys on"
    );
}

#[test]
fn a_database_from_a_newer_version_or_another_program_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sqlite3");
    drop(minutes_store::Store::open(&path).unwrap());
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;")
            .unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    let err = minutes_store::Store::open(&path).err().expect("refused");
    assert_eq!(err.code(), ErrorCode::TooNew);
    assert!(
        err.to_string()
            .contains("written by a newer version of Cofnod (schema version 99"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file is unchanged"
    );

    let garbage = dir.path().join("notes.sqlite3");
    std::fs::write(&garbage, "Minutes of the last meeting, typed in a hurry").unwrap();
    let err = minutes_store::Store::open(&garbage).err().expect("refused");
    assert_eq!(err.code(), ErrorCode::NotADatabase);
    assert!(
        err.to_string()
            .contains("is not a Cofnod database: the file is not a SQLite database"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&garbage).unwrap(),
        b"Minutes of the last meeting, typed in a hurry"
    );
}

/// Every refusal of the schema is a fixed string: SQLite before 3.47 cannot parse
/// `RAISE(ABORT, <expression>)`, and would not open the database at all (the system's
/// `sqlite3`, an auditor's DB Browser). The library words the clerk's message itself.
#[test]
fn every_sqlite_can_read_the_schema_because_each_refusal_is_fixed_words() {
    let (_dir, store, _ids) = common::demo_store();
    let rows: Vec<(String, String)> = {
        let mut st = store
            .conn()
            .prepare("SELECT name, sql FROM sqlite_master WHERE sql LIKE '%RAISE(%'")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    assert!(rows.len() > 100, "the schema's triggers were read");
    for (name, sql) in rows {
        let mut rest = sql.as_str();
        while let Some(at) = rest.find("RAISE(") {
            let after = rest[at + "RAISE(".len()..].trim_start();
            let comma = after.find(',').map(|c| c + 1).unwrap_or(0);
            let arg = after[comma..].trim_start();
            // A literal: a quote, then no quote except doubled ones, then a quote and ')'.
            let ok = arg.starts_with('\'') && {
                let body = &arg[1..];
                let mut i = 0;
                let b = body.as_bytes();
                loop {
                    match b.get(i) {
                        Some(b'\'') if b.get(i + 1) == Some(&b'\'') => i += 2,
                        Some(b'\'') => break body[i + 1..].trim_start().starts_with(')'),
                        Some(_) => i += 1,
                        None => break false,
                    }
                }
            };
            assert!(
                ok || after.starts_with("IGNORE"),
                "{name}: RAISE takes an expression: {}",
                &after[..after.len().min(80)]
            );
            rest = &rest[at + 6..];
        }
    }
    // And the system's sqlite3 (3.40 on Debian 12) opens the file and finds it sound.
    let path = store.path().expect("a file").to_path_buf();
    drop(store);
    let out = std::process::Command::new("sqlite3")
        .arg(&path)
        .arg("PRAGMA integrity_check; SELECT count(*) > 0 FROM meeting;")
        .output()
        .expect("sqlite3 is installed (the Makefile installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok\n1");
}
