//! Adopting Cofnod part way through a council's record: a sequence that starts the year at
//! the council's running number, committees corrected after they are added, a reasons rule
//! per committee, and memberships re-keyed with their past dates. On real SQLite files.

mod common;

use common::*;
use minutes_core::input::*;
use minutes_core::*;
use minutes_store::Store;
use tempfile::TempDir;
use uuid::Uuid;

/// A council on a file, year starting 1 May with an Annual Meeting on 24th May 2017, one
/// council-wide sequence and a scrutiny committee.
fn council() -> (TempDir, Store, MinuteSequence, Body) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("cofnod.sqlite3")).expect("open");
    let seq = set_up_council(&mut store, &test_authority());
    store.add_municipal_year(d(2017, 5, 24)).unwrap();
    let body = new_body(&mut store, "Scrutiny Committee", BodyKind::Scrutiny, seq.id);
    (dir, store, seq, body)
}

fn person(store: &mut Store, name: &str) -> Person {
    store
        .add_person(&NewPerson {
            honorific: "Councillor".into(),
            name: name.into(),
            kind: PersonKind::Member,
            title: String::new(),
        })
        .unwrap()
}

fn body_input(b: &Body) -> NewBody {
    NewBody {
        name_en: b.name_en.clone(),
        name_cy: b.name_cy.clone(),
        kind: b.kind,
        default_keyword: Some(b.default_keyword),
        chair_title: b.chair_title,
        quorum: b.quorum,
        whip_declarations_required: Some(b.whip_declarations_required),
        reasons: b.reasons,
        sequence_id: b.sequence_id,
    }
}

fn member(
    store: &mut Store,
    p: Uuid,
    body: Uuid,
    role: Role,
    from: (i32, u32, u32),
    to: Option<(i32, u32, u32)>,
) -> Result<Membership, minutes_store::StoreError> {
    store.add_membership(&NewMembership {
        person_id: p,
        body_id: body,
        role,
        from: d(from.0, from.1, from.2),
        to: to.map(|t| d(t.0, t.1, t.2)),
    })
}

#[test]
fn the_first_minute_takes_the_set_number_and_the_next_follows() {
    let (_dir, mut store, seq, body) = council();
    let year = store
        .set_sequence_start(seq.id, d(2017, 6, 1), 476)
        .unwrap();
    assert_eq!(year.year_start, d(2017, 5, 24));
    assert_eq!((year.next_number, year.numbered), (476, 0));
    let m = new_meeting(&mut store, body.id, d(2017, 6, 14));
    let first = store.add_minute(m.id, None, "Apologies").unwrap();
    let second = store
        .add_minute(m.id, None, "Declarations of interest")
        .unwrap();
    assert_eq!(
        (first.label.as_str(), second.label.as_str()),
        ("476", "477")
    );
    // Removing the first closes the numbers up onto the set start, not onto 1.
    store.remove_minute(first.id).unwrap();
    let labels: Vec<String> = store
        .minutes(m.id)
        .unwrap()
        .into_iter()
        .map(|x| x.label)
        .collect();
    assert_eq!(labels, ["476"]);
    let third = store.add_minute(m.id, None, "Budget").unwrap();
    assert_eq!(third.label, "477");
    let numbers: Vec<u32> = store
        .minutes(m.id)
        .unwrap()
        .iter()
        .map(|x| x.number)
        .collect();
    assert!(numbering::is_gapless_from(&numbers, 476), "{numbers:?}");
    // The next year starts at 1 again.
    let later = new_meeting(&mut store, body.id, d(2018, 6, 14));
    assert_eq!(
        store.add_minute(later.id, None, "Apologies").unwrap().label,
        "1"
    );
    // And the printed minutes say 476.
    let text = store.minutes_text(m.id).unwrap();
    assert!(text.contains("476"), "{text}");
}

#[test]
fn setting_the_number_after_a_minute_is_refused_and_nothing_changes() {
    let (_dir, mut store, seq, body) = council();
    let m = new_meeting(&mut store, body.id, d(2017, 6, 14));
    store.add_minute(m.id, None, "Apologies").unwrap();
    let before = snapshot(&store);
    let audit_before = store.setup_audit_log().unwrap().len();
    let e = store
        .set_sequence_start(seq.id, d(2017, 6, 1), 476)
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert!(e.to_string().contains("already numbered"), "{e}");
    assert!(e.to_string().contains("2017-05-24"), "{e}");
    assert_eq!(snapshot(&store), before);
    assert_eq!(store.setup_audit_log().unwrap().len(), audit_before);
    let year = store.sequence_year(seq.id, d(2017, 6, 14)).unwrap();
    assert_eq!(
        (year.first_number, year.next_number, year.numbered),
        (1, 2, 1)
    );
    // The schema refuses it too, whatever writes it.
    let sql = store.conn().execute(
        "INSERT INTO sequence_start (sequence_id, year_start, next_number) VALUES (?1, '2017-05-24', 476)",
        [seq.id.to_string()],
    );
    assert!(sql.is_err());
    // A number of 0 is refused.
    let e = store
        .set_sequence_start(seq.id, d(2018, 6, 1), 0)
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Invalid);
}

#[test]
fn setting_the_number_is_audited() {
    let (_dir, mut store, seq, _body) = council();
    store.set_actor("clerk.jones");
    store
        .set_sequence_start(seq.id, d(2017, 6, 1), 470)
        .unwrap();
    store
        .set_sequence_start(seq.id, d(2017, 6, 1), 476)
        .unwrap();
    let log: Vec<AuditEntry> = store
        .setup_audit_log()
        .unwrap()
        .into_iter()
        .filter(|e| e.table == "sequence_start")
        .collect();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].action, AuditAction::Insert);
    assert_eq!(log[1].action, AuditAction::Update);
    assert_eq!(log[1].actor, "clerk.jones");
    assert!(log[1].before.as_deref().unwrap_or("").contains("470"));
    assert!(log[1].after.as_deref().unwrap_or("").contains("476"));
    assert!(log[1].after.as_deref().unwrap_or("").contains("2017-05-24"));
}

#[test]
fn a_committee_is_edited_after_it_is_added_and_the_edit_is_audited() {
    let (_dir, mut store, seq, body) = council();
    let mut n = body_input(&body);
    n.name_en = "Children and Young People Scrutiny Committee".into();
    n.name_cy = "Pwyllgor Craffu Plant a Phobl Ifanc".into();
    n.chair_title = ChairTitle::Chairman;
    n.quorum = 4;
    n.reasons = ReasonsRule::Warned;
    n.default_keyword = Some(Keyword::Resolved);
    let other = store
        .add_sequence(&NewSequence {
            name: "Scrutiny".into(),
            prefix: "S".into(),
            scope: SequenceScope::Body,
        })
        .unwrap();
    n.sequence_id = other.id;
    let edited = store.update_body(body.id, &n).unwrap();
    assert_eq!(edited.name_cy, "Pwyllgor Craffu Plant a Phobl Ifanc");
    assert_eq!(
        (edited.quorum, edited.reasons, edited.sequence_id),
        (4, ReasonsRule::Warned, other.id)
    );
    assert_eq!(store.body(body.id).unwrap(), edited);
    let log = store.setup_audit_log().unwrap();
    let last = log.last().unwrap();
    assert_eq!(
        (last.table.as_str(), last.action),
        ("body", AuditAction::Update)
    );
    assert!(last
        .after
        .as_deref()
        .unwrap_or("")
        .contains("Children and Young People"));
    // A name that another body has is refused.
    new_body(&mut store, "Cabinet", BodyKind::Cabinet, seq.id);
    n.name_en = "cabinet".into();
    let e = store.update_body(body.id, &n).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict);
    // A blank name is refused.
    n.name_en = "  ".into();
    assert_eq!(
        store.update_body(body.id, &n).unwrap_err().code(),
        ErrorCode::Invalid
    );
    assert_eq!(store.body(body.id).unwrap(), edited);
}

#[test]
fn the_sequence_of_a_committee_cannot_change_after_its_first_minute() {
    let (_dir, mut store, seq, body) = council();
    store
        .set_sequence_start(seq.id, d(2017, 6, 1), 476)
        .unwrap();
    let m = new_meeting(&mut store, body.id, d(2017, 6, 14));
    store.add_minute(m.id, None, "Apologies").unwrap();
    let other = store
        .add_sequence(&NewSequence {
            name: "Scrutiny".into(),
            prefix: "S".into(),
            scope: SequenceScope::Body,
        })
        .unwrap();
    let before = snapshot(&store);
    let mut n = body_input(&body);
    n.sequence_id = other.id;
    let e = store.update_body(body.id, &n).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert!(e.to_string().contains("minute 476 onwards"), "{e}");
    assert_eq!(snapshot(&store), before);
    // Everything else can still change.
    n.sequence_id = seq.id;
    n.quorum = 5;
    assert_eq!(store.update_body(body.id, &n).unwrap().quorum, 5);
}

#[test]
fn a_membership_history_gives_each_meeting_the_chair_of_its_day() {
    let (_dir, mut store, _seq, body) = council();
    let old_chair = person(&mut store, "A. Jones");
    let new_chair = person(&mut store, "B. Evans");
    // Re-keyed: Jones chaired 2017-18; Evans chairs from 2018 on.
    let jones = member(
        &mut store,
        old_chair.id,
        body.id,
        Role::Chair,
        (2017, 5, 24),
        Some((2018, 5, 22)),
    )
    .unwrap();
    member(
        &mut store,
        new_chair.id,
        body.id,
        Role::Member,
        (2017, 5, 24),
        Some((2018, 5, 22)),
    )
    .unwrap();
    member(
        &mut store,
        new_chair.id,
        body.id,
        Role::Chair,
        (2018, 5, 23),
        None,
    )
    .unwrap();
    member(
        &mut store,
        old_chair.id,
        body.id,
        Role::Member,
        (2018, 5, 23),
        None,
    )
    .unwrap();
    // The history keeps the ended memberships.
    assert_eq!(store.memberships(body.id).unwrap().len(), 4);

    let m = new_meeting(&mut store, body.id, d(2017, 11, 16));
    for p in [old_chair.id, new_chair.id] {
        store
            .record_attendance(m.id, &NewAttendance::new(p, AttendanceStatus::Present))
            .unwrap();
    }
    let text = store.minutes_text(m.id).unwrap();
    assert!(text.contains("Councillor A. Jones (Chair)"), "{text}");
    assert!(!text.contains("B. Evans (Chair)"), "{text}");

    // Correcting a date: Jones's term ended a day earlier.
    let fixed = store
        .update_membership(jones.id, Role::Chair, d(2017, 5, 24), Some(d(2018, 5, 21)))
        .unwrap();
    assert_eq!(fixed.to, Some(d(2018, 5, 21)));
    // An end before the start is refused, and nothing changes.
    let before = snapshot(&store);
    let e = store
        .update_membership(jones.id, Role::Chair, d(2017, 5, 24), Some(d(2017, 5, 1)))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Invalid);
    assert_eq!(snapshot(&store), before);
    // Corrections are audited.
    let log = store.setup_audit_log().unwrap();
    assert!(log
        .iter()
        .any(|e| e.table == "membership" && e.action == AuditAction::Update));
}

#[test]
fn two_chairs_whose_dates_overlap_are_refused() {
    let (_dir, mut store, _seq, body) = council();
    let jones = person(&mut store, "A. Jones");
    let evans = person(&mut store, "B. Evans");
    let first = member(
        &mut store,
        jones.id,
        body.id,
        Role::Chair,
        (2020, 5, 20),
        None,
    )
    .unwrap();
    let before = snapshot(&store);
    let e = member(
        &mut store,
        evans.id,
        body.id,
        Role::Chair,
        (2017, 5, 24),
        Some((2021, 5, 1)),
    )
    .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert!(
        e.to_string()
            .contains("Councillor A. Jones is chair of this body from 2020-05-20"),
        "{e}"
    );
    assert_eq!(snapshot(&store), before);
    // Before Jones's term it is fine; making that membership overlap by correction is refused.
    let evans_term = member(
        &mut store,
        evans.id,
        body.id,
        Role::Chair,
        (2017, 5, 24),
        Some((2020, 5, 19)),
    )
    .unwrap();
    let e = store
        .update_membership(evans_term.id, Role::Chair, d(2017, 5, 24), None)
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Conflict);
    // The schema refuses it too.
    let sql = store.conn().execute(
        "UPDATE membership SET to_date = NULL WHERE id = ?1",
        [evans_term.id.to_string()],
    );
    assert!(sql.is_err());
    // Ending Jones's membership on any date (here a past one) makes room.
    store.end_membership(first.id, d(2020, 6, 1)).unwrap();
    member(
        &mut store,
        evans.id,
        body.id,
        Role::Chair,
        (2020, 6, 2),
        None,
    )
    .unwrap();
}

#[test]
fn people_are_listed_by_surname() {
    let (_dir, mut store, _seq, _body) = council();
    for name in ["Mrs. A.J. Moore", "D. Bowen", "Z. Ap Evans"] {
        person(&mut store, name);
    }
    let names: Vec<String> = store
        .people()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["D. Bowen", "Z. Ap Evans", "Mrs. A.J. Moore"]);
}

fn publishable(store: &mut Store, body: &Body, standing: Option<StandingItem>) -> (Uuid, Uuid) {
    let m = new_meeting(store, body.id, d(2017, 6, 14));
    let item = match standing {
        Some(kind) => store
            .add_agenda_item(m.id, &NewAgendaItem::standing(kind, "Minutes", "Cofnodion"))
            .unwrap(),
        None => store
            .add_agenda_item(m.id, &NewAgendaItem::report("Budget"))
            .unwrap(),
    };
    let minute = store.add_minute(m.id, Some(item.id), "").unwrap();
    let mut no_reason = limb("the report be noted.");
    no_reason.reason = String::new();
    let r = store.add_resolution(minute.id, &no_reason).unwrap();
    (m.id, r.id)
}

fn with_rule(store: &mut Store, body: &Body, rule: ReasonsRule) -> Body {
    let mut n = body_input(body);
    n.reasons = rule;
    store.update_body(body.id, &n).unwrap()
}

#[test]
fn publishing_refuses_a_limb_without_a_reason_only_when_the_rule_requires_one() {
    let (_dir, mut store, _seq, body) = council();
    let body = with_rule(&mut store, &body, ReasonsRule::Required);
    let (meeting, resolution) = publishable(&mut store, &body, None);
    let before = snapshot(&store);
    let e = store.publish_draft(meeting).unwrap_err();
    assert!(
        e.to_string().contains("limb (1) of minute 1 has no reason"),
        "{e}"
    );
    assert!(e.to_string().contains("No reason needed"), "{e}");
    assert_eq!(snapshot(&store), before);

    // The clerk records that this limb needs none: it publishes, and the override is kept.
    let mut n = limb("the report be noted.");
    n.reason = String::new();
    n.reason_not_needed = true;
    store.update_resolution(resolution, &n).unwrap();
    store.publish_draft(meeting).unwrap();
    let rec = store.meeting_record(meeting).unwrap();
    assert!(rec.minutes[0].resolutions[0].reason_not_needed);
    // After publication, taking the override away is audited.
    n.reason_not_needed = false;
    n.reason = "To follow the report.".into();
    store.update_resolution(resolution, &n).unwrap();
    let log = store.audit_log(meeting).unwrap();
    let last = log.last().unwrap();
    assert_eq!(last.table, "resolution");
    assert!(
        last.before
            .as_deref()
            .unwrap_or("")
            .contains("\"reason_not_needed\":1"),
        "{:?}",
        last.before
    );
}

#[test]
fn a_warned_or_unasked_rule_publishes_without_reasons() {
    for rule in [ReasonsRule::Warned, ReasonsRule::NotAsked] {
        let (_dir, mut store, _seq, body) = council();
        let body = with_rule(&mut store, &body, rule);
        let (meeting, _) = publishable(&mut store, &body, None);
        store.publish_draft(meeting).unwrap();
    }
}

#[test]
fn approving_previous_minutes_never_needs_a_reason() {
    let (_dir, mut store, _seq, body) = council();
    let body = with_rule(&mut store, &body, ReasonsRule::Required);
    let (meeting, _) = publishable(&mut store, &body, Some(StandingItem::PreviousMinutes));
    store.publish_draft(meeting).unwrap();
}

#[test]
fn an_older_database_keeps_its_reasons_setting() {
    // A database of schema 6 with two bodies, one asking for reasons and one not.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        minutes_store::migrations()
            .unwrap()
            .to_version(&mut conn, 6)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO authority (singleton, name_en, jurisdiction) VALUES (1, 'Old Council', 'wales');
             INSERT INTO minute_sequence (id, name, scope) VALUES ('00000000-0000-0000-0000-0000000000aa', 'Council-wide', 'council');
             INSERT INTO body (id, name_en, kind, default_keyword, reasons_required, sequence_id)
               VALUES ('00000000-0000-0000-0000-000000000001', 'Scrutiny', 'scrutiny', 'recommended', 1, '00000000-0000-0000-0000-0000000000aa'),
                      ('00000000-0000-0000-0000-000000000002', 'Licensing', 'regulatory', 'resolved', 0, '00000000-0000-0000-0000-0000000000aa');",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let rule = |store: &Store, n: u128| store.body(Uuid::from_u128(n)).unwrap().reasons;
    assert_eq!(rule(&store, 1), ReasonsRule::Required);
    assert_eq!(rule(&store, 2), ReasonsRule::NotAsked);
    // Writing the rule keeps the old yes/no in step, for anything that still reads it.
    let b = store.body(Uuid::from_u128(1)).unwrap();
    with_rule(&mut store, &b, ReasonsRule::Warned);
    let flag: i64 = store
        .conn()
        .query_row(
            "SELECT reasons_required FROM body WHERE id = ?1",
            [Uuid::from_u128(1).to_string()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(flag, 0);
}
