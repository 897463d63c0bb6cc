//! Executive decisions and call-in (issue 16; R18, R20, checks 11 and 12): each refusal the
//! store makes, shown to matter by dropping its trigger on a test database; the window counted
//! in working days with bank holidays; the whole chain read back from the register both ways;
//! export and import; and signed minutes' decisions frozen while implementation is not.

mod common;

use common::*;
use minutes_core::call_in::*;
use minutes_core::input::*;
use minutes_core::*;
use minutes_store::{Store, StoreError};
use uuid::Uuid;

struct Council {
    cabinet: Body,
    scrutiny: Body,
    members: Vec<Person>,
    officer: Person,
    /// Cabinet on Friday 19 December 2025.
    cabinet_meeting: Meeting,
    /// The Cabinet limb.
    decision: Resolution,
    /// Scrutiny on Monday 12 January 2026, agenda not yet published.
    scrutiny_meeting: Meeting,
}

fn person(store: &mut Store, name: &str, kind: PersonKind) -> Person {
    store
        .add_person(&NewPerson {
            honorific: if kind == PersonKind::Member {
                "Councillor".into()
            } else {
                String::new()
            },
            name: name.into(),
            kind,
            title: String::new(),
        })
        .expect("person")
}

fn council() -> (Store, Council) {
    let (mut store, seq) = bare_store();
    let cabinet_seq = store
        .add_sequence(&NewSequence {
            name: "Cabinet".into(),
            prefix: "C".into(),
            scope: SequenceScope::Body,
        })
        .expect("sequence");
    let cabinet = new_body(&mut store, "Cabinet", BodyKind::Cabinet, cabinet_seq.id);
    let scrutiny = new_body(&mut store, "Scrutiny Committee", BodyKind::Scrutiny, seq.id);
    new_body(&mut store, "Council", BodyKind::Council, seq.id);
    let members: Vec<Person> = ["A. Jones", "B. Evans", "C. Price", "D. Morgan"]
        .iter()
        .map(|n| person(&mut store, n, PersonKind::Member))
        .collect();
    let officer = person(&mut store, "O. Officer", PersonKind::Officer);
    let cabinet_meeting = new_meeting(&mut store, cabinet.id, d(2025, 12, 19));
    let minute = store
        .add_minute(cabinet_meeting.id, None, "Library Strategy")
        .expect("minute");
    let decision = store
        .add_resolution(minute.id, &limb("the Library Strategy be approved"))
        .expect("limb");
    let scrutiny_meeting = new_meeting(&mut store, scrutiny.id, d(2026, 1, 12));
    (
        store,
        Council {
            cabinet,
            scrutiny,
            members,
            officer,
            cabinet_meeting,
            decision,
            scrutiny_meeting,
        },
    )
}

/// Published on Monday 22 December 2025: three working days after it, with Christmas Day and
/// Boxing Day in between, end on Monday 29 December.
fn filled() -> ExecutiveDecisionInput {
    ExecutiveDecisionInput {
        key_decision: true,
        options_rejected: "To close two branch libraries.".into(),
        consultation: "A public consultation of twelve weeks.".into(),
        interests: "None".into(),
        published_on: Some(d(2025, 12, 22)),
        ..Default::default()
    }
}

fn decided() -> (Store, Council) {
    let (mut store, c) = council();
    store
        .set_executive_decision(c.decision.id, &filled())
        .expect("decision");
    (store, c)
}

fn request(c: &Council, on: chrono::NaiveDate, how_many: usize) -> NewCallIn {
    NewCallIn {
        resolution_id: c.decision.id,
        requested_on: on,
        grounds: "The consultation did not reach rural communities.".into(),
        members: c.members.iter().take(how_many).map(|p| p.id).collect(),
    }
}

fn conflict(e: StoreError) -> String {
    e.to_string()
}

fn drop_trigger(store: &Store, name: &str) {
    store
        .conn()
        .execute_batch(&format!("DROP TRIGGER {name}"))
        .expect("drop trigger");
}

#[test]
fn check_11_the_window_counts_working_days_past_the_bank_holidays() {
    let (mut store, c) = decided();
    let dec = store.executive_decision(c.decision.id).unwrap().unwrap();
    assert_eq!(dec.published_on, d(2025, 12, 22));
    assert_eq!(
        dec.call_in_ends,
        Some(d(2025, 12, 29)),
        "Christmas and Boxing Day do not count"
    );
    let err = conflict(
        store
            .implement_decision(c.decision.id, d(2025, 12, 29))
            .unwrap_err(),
    );
    assert!(err.contains("runs until the end of 2025-12-29"), "{err}");
    let done = store
        .implement_decision(c.decision.id, d(2025, 12, 30))
        .expect("implemented the day after the window");
    assert_eq!(done.implemented_on, d(2025, 12, 30));
    // Recorded once.
    assert!(store
        .implement_decision(c.decision.id, d(2025, 12, 31))
        .is_err());
}

#[test]
fn by_default_a_decision_is_published_the_day_after_the_meeting() {
    let (mut store, c) = council();
    let dec = store
        .set_executive_decision(
            c.decision.id,
            &ExecutiveDecisionInput {
                published_on: None,
                ..filled()
            },
        )
        .unwrap();
    assert_eq!(dec.published_on, d(2025, 12, 20));
    // Saturday 20th: Mon 22, Tue 23, Wed 24.
    assert_eq!(dec.call_in_ends, Some(d(2025, 12, 24)));
}

#[test]
fn the_constitutions_period_sets_the_window() {
    let (mut store, c) = council();
    let a = Authority {
        call_in_days: Some(5),
        ..store.authority().unwrap()
    };
    store.set_authority(&a).unwrap();
    let dec = store
        .set_executive_decision(c.decision.id, &filled())
        .unwrap();
    // Tue 23, Wed 24, Mon 29, Tue 30, Wed 31.
    assert_eq!(dec.call_in_ends, Some(d(2025, 12, 31)));
    let bad = Authority {
        call_in_days: Some(0),
        ..a
    };
    assert!(store.set_authority(&bad).is_err());
}

#[test]
fn check_11_an_urgent_decision_is_implemented_at_once_with_the_chairs_agreement() {
    let (mut store, c) = council();
    let no_chair = ExecutiveDecisionInput {
        urgent: true,
        ..filled()
    };
    let err = conflict(
        store
            .set_executive_decision(c.decision.id, &no_chair)
            .unwrap_err(),
    );
    assert!(err.contains("scrutiny chair"), "{err}");
    let urgent = ExecutiveDecisionInput {
        urgent: true,
        urgent_agreed_by: "Councillor A. Jones".into(),
        urgent_agreed_on: Some(d(2025, 12, 19)),
        ..filled()
    };
    let dec = store
        .set_executive_decision(c.decision.id, &urgent)
        .unwrap();
    assert_eq!(dec.call_in_ends, None);
    assert_eq!(dec.urgent_agreed_by, "Councillor A. Jones");
    // No call-in of an urgent decision.
    let err = conflict(
        store
            .request_call_in(&request(&c, d(2025, 12, 22), 3))
            .unwrap_err(),
    );
    assert!(err.contains("urgent"), "{err}");
    store
        .implement_decision(c.decision.id, d(2025, 12, 19))
        .expect("implemented the day of the meeting");
}

#[test]
fn the_urgent_agreement_needs_a_name_and_date_in_the_database_too() {
    let (store, c) = decided();
    let sql = "UPDATE executive_decision SET urgent = 1, call_in_ends = NULL, urgent_agreed_by = '' WHERE resolution_id = ?1";
    assert!(store
        .conn()
        .execute(sql, [c.decision.id.to_string()])
        .is_err());
}

#[test]
fn only_a_cabinet_limb_is_an_executive_decision() {
    let (mut store, c) = council();
    let min = store
        .add_minute(c.scrutiny_meeting.id, None, "Library visits")
        .unwrap();
    let limb = store
        .add_resolution(min.id, &limb("the report be noted"))
        .unwrap();
    assert!(store.set_executive_decision(limb.id, &filled()).is_err());
    let sql = "INSERT INTO executive_decision (resolution_id, meeting_id, published_on, call_in_ends) VALUES (?1, ?2, '2026-01-13', '2026-01-16')";
    let args = [limb.id.to_string(), c.scrutiny_meeting.id.to_string()];
    assert!(store.conn().execute(sql, args.clone()).is_err());
    drop_trigger(&store, "executive_decision_of_cabinet");
    store
        .conn()
        .execute(sql, args)
        .expect("accepted once the rule is dropped");
}

#[test]
fn call_ins_out_of_time_or_urgent_are_refused_and_the_triggers_matter() {
    let (mut store, c) = decided();
    let err = conflict(
        store
            .request_call_in(&request(&c, d(2025, 12, 30), 3))
            .unwrap_err(),
    );
    assert!(err.contains("ended on 2025-12-29"), "{err}");
    let err = conflict(
        store
            .request_call_in(&request(&c, d(2025, 12, 19), 3))
            .unwrap_err(),
    );
    assert!(err.contains("published on 2025-12-22"), "{err}");
    // Past the library: the database refuses a late call-in.
    let sql = "INSERT INTO call_in (id, resolution_id, meeting_id, requested_on, grounds) VALUES (?1, ?2, ?3, '2025-12-30', 'late')";
    let args = [
        Uuid::now_v7().to_string(),
        c.decision.id.to_string(),
        c.cabinet_meeting.id.to_string(),
    ];
    let e = store.conn().execute(sql, args.clone()).unwrap_err();
    assert!(e.to_string().contains("within the call-in period"), "{e}");
    drop_trigger(&store, "call_in_within_window");
    store
        .conn()
        .execute(sql, args)
        .expect("accepted once the rule is dropped");
}

#[test]
fn an_urgent_decision_cannot_be_called_in_even_past_the_library() {
    let (mut store, c) = council();
    store
        .set_executive_decision(
            c.decision.id,
            &ExecutiveDecisionInput {
                urgent: true,
                urgent_agreed_by: "Councillor A. Jones".into(),
                urgent_agreed_on: Some(d(2025, 12, 19)),
                ..filled()
            },
        )
        .unwrap();
    let sql = "INSERT INTO call_in (id, resolution_id, meeting_id, requested_on, grounds) VALUES (?1, ?2, ?3, '2025-12-22', 'grounds')";
    let args = [
        Uuid::now_v7().to_string(),
        c.decision.id.to_string(),
        c.cabinet_meeting.id.to_string(),
    ];
    let e = store.conn().execute(sql, args.clone()).unwrap_err();
    assert!(e.to_string().contains("urgent"), "{e}");
    drop_trigger(&store, "call_in_not_urgent");
    store
        .conn()
        .execute(sql, args)
        .expect("accepted once the rule is dropped");
}

#[test]
fn too_few_members_or_a_non_member_are_refused() {
    let (mut store, c) = decided();
    let err = conflict(
        store
            .request_call_in(&request(&c, d(2025, 12, 23), 2))
            .unwrap_err(),
    );
    assert!(err.contains("needs 3 members"), "{err}");
    // The same member twice counts once.
    let mut twice = request(&c, d(2025, 12, 23), 2);
    twice.members.push(twice.members[0]);
    assert!(store.request_call_in(&twice).is_err());
    let mut officer = request(&c, d(2025, 12, 23), 2);
    officer.members.push(c.officer.id);
    let err = conflict(store.request_call_in(&officer).unwrap_err());
    assert!(
        err.contains("O. Officer is not a member of the council"),
        "{err}"
    );
    // A constitution needing two accepts two.
    let a = Authority {
        call_in_members: Some(2),
        ..store.authority().unwrap()
    };
    store.set_authority(&a).unwrap();
    store
        .request_call_in(&request(&c, d(2025, 12, 23), 2))
        .expect("two members are enough now");
}

#[test]
fn the_database_refuses_a_non_member_requester() {
    let (mut store, c) = decided();
    let ci = store
        .request_call_in(&request(&c, d(2025, 12, 23), 3))
        .unwrap();
    let sql = "INSERT INTO call_in_member (call_in_id, person_id) VALUES (?1, ?2)";
    let args = [ci.id.to_string(), c.officer.id.to_string()];
    let e = store.conn().execute(sql, args.clone()).unwrap_err();
    assert!(
        e.to_string().contains("only a member of the council"),
        "{e}"
    );
    drop_trigger(&store, "call_in_member_is_member");
    store
        .conn()
        .execute(sql, args)
        .expect("accepted once the rule is dropped");
}

#[test]
fn the_database_refuses_accepting_a_call_in_with_too_few_members() {
    let (mut store, c) = decided();
    let ci = store
        .request_call_in(&request(&c, d(2025, 12, 23), 3))
        .unwrap();
    // The constitution is changed to need four after the request: acceptance is refused.
    let a = Authority {
        call_in_members: Some(4),
        ..store.authority().unwrap()
    };
    store.set_authority(&a).unwrap();
    let accept = CallInDecision::Accept {
        decided_by: "Councillor A. Jones (Chair of Scrutiny)".into(),
        decided_on: d(2025, 12, 30),
        scrutiny_meeting_id: c.scrutiny_meeting.id,
    };
    let err = conflict(store.decide_call_in(ci.id, &accept).unwrap_err());
    assert!(err.contains("needs 4 members"), "{err}");
    let item = store
        .add_agenda_item(c.scrutiny_meeting.id, &NewAgendaItem::report("Call-in"))
        .unwrap();
    let sql =
        "UPDATE call_in SET status = 'accepted', decided_by = 'Chair', decided_on = '2025-12-30',
               scrutiny_meeting_id = ?2, agenda_item_id = ?3 WHERE id = ?1";
    let args = [
        ci.id.to_string(),
        c.scrutiny_meeting.id.to_string(),
        item.id.to_string(),
    ];
    let e = store.conn().execute(sql, args.clone()).unwrap_err();
    assert!(e.to_string().contains("fewer members"), "{e}");
    drop_trigger(&store, "call_in_enough_members");
    store
        .conn()
        .execute(sql, args)
        .expect("accepted once the rule is dropped");
}

#[test]
fn implementation_waits_for_the_window_in_the_database_too() {
    let (store, c) = decided();
    let sql = "INSERT INTO decision_implementation (resolution_id, meeting_id, implemented_on) VALUES (?1, ?2, '2025-12-29')";
    let args = [c.decision.id.to_string(), c.cabinet_meeting.id.to_string()];
    let e = store.conn().execute(sql, args.clone()).unwrap_err();
    assert!(e.to_string().contains("call-in period has ended"), "{e}");
    drop_trigger(&store, "decision_implementation_after_window");
    store
        .conn()
        .execute(sql, args)
        .expect("accepted once the rule is dropped");
}

#[test]
fn implementation_waits_for_a_pending_call_in_in_the_database_too() {
    let (mut store, c) = decided();
    store
        .request_call_in(&request(&c, d(2025, 12, 23), 3))
        .unwrap();
    let err = conflict(
        store
            .implement_decision(c.decision.id, d(2026, 1, 5))
            .unwrap_err(),
    );
    assert!(
        err.contains("a call-in requested on 2025-12-23 is requested"),
        "{err}"
    );
    let sql = "INSERT INTO decision_implementation (resolution_id, meeting_id, implemented_on) VALUES (?1, ?2, '2026-01-05')";
    let args = [c.decision.id.to_string(), c.cabinet_meeting.id.to_string()];
    let e = store.conn().execute(sql, args.clone()).unwrap_err();
    assert!(e.to_string().contains("call-in is pending"), "{e}");
    drop_trigger(&store, "decision_implementation_call_in_pending");
    store
        .conn()
        .execute(sql, args)
        .expect("accepted once the rule is dropped");
}

#[test]
fn r18_cabinet_minutes_publish_only_with_options_and_consultation() {
    let (mut store, c) = council();
    store
        .set_executive_decision(
            c.decision.id,
            &ExecutiveDecisionInput {
                consultation: "  ".into(),
                ..filled()
            },
        )
        .unwrap();
    let err = conflict(store.publish_draft(c.cabinet_meeting.id).unwrap_err());
    assert!(
        err.contains(
            "limb (1) of minute C1 is an executive decision without the consultation undertaken"
        ),
        "{err}"
    );
    // Past the library, the database refuses it too.
    let sql = "UPDATE meeting SET minutes_status = 'draft_published' WHERE id = ?1";
    let e = store
        .conn()
        .execute(sql, [c.cabinet_meeting.id.to_string()])
        .unwrap_err();
    assert!(e.to_string().contains("consultation undertaken"), "{e}");
    drop_trigger(&store, "executive_decision_complete_to_publish");
    store
        .conn()
        .execute(sql, [c.cabinet_meeting.id.to_string()])
        .expect("accepted once the rule is dropped");
}

#[test]
fn r18_none_is_an_answer() {
    let (mut store, c) = council();
    store
        .set_executive_decision(
            c.decision.id,
            &ExecutiveDecisionInput {
                options_rejected: "None".into(),
                consultation: "None".into(),
                ..filled()
            },
        )
        .unwrap();
    store
        .publish_draft(c.cabinet_meeting.id)
        .expect("published");
}

/// Cabinet's minutes published, approved at its next meeting and signed.
fn sign_cabinet(store: &mut Store, c: &Council) -> Meeting {
    let chair = c.members[0].id;
    store
        .add_membership(&NewMembership {
            person_id: chair,
            body_id: c.cabinet.id,
            role: Role::Chair,
            from: d(2025, 5, 1),
            to: None,
        })
        .unwrap();
    let next = new_meeting(store, c.cabinet.id, d(2026, 1, 16));
    store
        .record_attendance(
            next.id,
            &NewAttendance {
                capacity: Some(Capacity::Chair),
                ..NewAttendance::new(chair, AttendanceStatus::Present)
            },
        )
        .unwrap();
    store.publish_draft(c.cabinet_meeting.id).unwrap();
    store
        .approve_minutes(
            c.cabinet_meeting.id,
            &Approval {
                at_meeting_id: next.id,
                amendments: vec![],
            },
        )
        .unwrap();
    store
        .sign_minutes(c.cabinet_meeting.id, chair, d(2026, 1, 16), no_book)
        .expect("signed");
    next
}

#[test]
fn signed_minutes_keep_their_executive_decisions_but_implementation_is_still_recorded() {
    let (dir, mut store) = {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("cofnod.sqlite3")).unwrap();
        (dir, store)
    };
    let _ = &dir;
    let seq = set_up_council(&mut store, &test_authority());
    let cabinet = new_body(&mut store, "Cabinet", BodyKind::Cabinet, seq.id);
    let scrutiny = new_body(&mut store, "Scrutiny", BodyKind::Scrutiny, seq.id);
    let members: Vec<Person> = ["A. Jones", "B. Evans", "C. Price"]
        .iter()
        .map(|n| person(&mut store, n, PersonKind::Member))
        .collect();
    let officer = person(&mut store, "O. Officer", PersonKind::Officer);
    let cabinet_meeting = new_meeting(&mut store, cabinet.id, d(2025, 12, 19));
    let minute = store
        .add_minute(cabinet_meeting.id, None, "Libraries")
        .unwrap();
    let decision = store.add_resolution(minute.id, &limb("approved")).unwrap();
    let scrutiny_meeting = new_meeting(&mut store, scrutiny.id, d(2026, 1, 12));
    let c = Council {
        cabinet,
        scrutiny,
        members,
        officer,
        cabinet_meeting,
        decision,
        scrutiny_meeting,
    };
    store
        .set_executive_decision(c.decision.id, &filled())
        .unwrap();
    sign_cabinet(&mut store, &c);
    let err = conflict(
        store
            .set_executive_decision(
                c.decision.id,
                &ExecutiveDecisionInput {
                    key_decision: false,
                    ..filled()
                },
            )
            .unwrap_err(),
    );
    assert!(err.contains("signed minutes cannot be changed"), "{err}");
    let before = snapshot(&store);
    let sql = "UPDATE executive_decision SET consultation = 'none at all' WHERE resolution_id = ?1";
    assert!(store
        .conn()
        .execute(sql, [c.decision.id.to_string()])
        .is_err());
    assert_eq!(snapshot(&store), before);
    // Implementing is not a change to the minutes: recorded after signing, and audited.
    store
        .implement_decision(c.decision.id, d(2026, 1, 20))
        .expect("implemented after signing");
    let audited: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE table_name = 'decision_implementation'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 1);
    assert!(store.verify().unwrap().is_clean(), "verify stays clean");
    // Dropping the guard lets the change through, and verify names it.
    drop_trigger(&store, "executive_decision_signed_update");
    store
        .conn()
        .execute(sql, [c.decision.id.to_string()])
        .expect("accepted once the rule is dropped");
    let report = store.verify().unwrap();
    assert!(!report.is_clean());
}

/// The whole chain: Cabinet decision -> call-in -> scrutiny minute (referred back) ->
/// Cabinet's reconsideration, read from the register both ways.
#[test]
fn the_whole_chain_is_followed_both_ways() {
    let (mut store, c) = decided();
    let ci = store
        .request_call_in(&request(&c, d(2025, 12, 23), 3))
        .expect("requested");
    assert_eq!(ci.status, CallInStatus::Requested);
    assert_eq!(ci.members.len(), 3);
    // Not on a Cabinet meeting.
    let wrong = CallInDecision::Accept {
        decided_by: "Councillor A. Jones".into(),
        decided_on: d(2025, 12, 30),
        scrutiny_meeting_id: c.cabinet_meeting.id,
    };
    assert!(store.decide_call_in(ci.id, &wrong).is_err());
    let ci = store
        .decide_call_in(
            ci.id,
            &CallInDecision::Accept {
                decided_by: "Councillor A. Jones (Chair of Scrutiny)".into(),
                decided_on: d(2025, 12, 30),
                scrutiny_meeting_id: c.scrutiny_meeting.id,
            },
        )
        .expect("accepted");
    let item = store
        .agenda(c.scrutiny_meeting.id)
        .unwrap()
        .into_iter()
        .find(|i| Some(i.id) == ci.agenda_item_id)
        .expect("the call-in item");
    assert_eq!(item.title_en, "Library Strategy (Cabinet minute C1)");
    assert_eq!(item.tag, "call-in");
    assert_eq!(item.origin, ItemOrigin::CallIn);
    let err = conflict(
        store
            .implement_decision(c.decision.id, d(2026, 1, 5))
            .unwrap_err(),
    );
    assert!(
        err.contains("accepted, awaiting the scrutiny committee"),
        "{err}"
    );

    // The scrutiny committee minutes it and refers it back.
    let smin = store
        .add_minute(c.scrutiny_meeting.id, Some(item.id), &item.title_en)
        .unwrap();
    let slimb = store
        .add_resolution(
            smin.id,
            &limb("the decision be referred back to Cabinet for reconsideration"),
        )
        .unwrap();
    assert!(
        store
            .record_call_in_outcome(
                ci.id,
                &CallInOutcomeInput {
                    outcome: CallInOutcome::ReferredBack,
                    minute_id: None,
                    concerns: String::new(),
                },
                d(2026, 1, 12),
            )
            .is_err(),
        "referring back needs the committee's concerns"
    );
    let ci = store
        .record_call_in_outcome(
            ci.id,
            &CallInOutcomeInput {
                outcome: CallInOutcome::ReferredBack,
                minute_id: None,
                concerns: "Rural branches were not consulted".into(),
            },
            d(2026, 1, 12),
        )
        .expect("outcome");
    assert_eq!(ci.scrutiny_minute_id, Some(smin.id));
    let referral = store.referral(ci.referral_id.expect("a referral")).unwrap();
    assert_eq!(referral.to_body_id, Some(c.cabinet.id));
    assert_eq!(referral.from_body_id, c.scrutiny.id);
    assert_eq!(referral.resolution_id, Some(slimb.id));
    let err = conflict(
        store
            .implement_decision(c.decision.id, d(2026, 1, 13))
            .unwrap_err(),
    );
    assert!(err.contains("awaiting reconsideration"), "{err}");

    // Cabinet reconsiders at its next meeting.
    let later = new_meeting(&mut store, c.cabinet.id, d(2026, 1, 26));
    let cmin = store
        .add_minute(later.id, None, "Library Strategy: call-in")
        .unwrap();
    let climb = store
        .add_resolution(
            cmin.id,
            &limb("the decision be confirmed with a rural outreach plan"),
        )
        .unwrap();
    assert!(
        store.record_reconsideration(ci.id, smin.id).is_err(),
        "not a Cabinet minute"
    );
    store
        .record_reconsideration(ci.id, cmin.id)
        .expect("reconsidered");
    store
        .implement_decision(c.decision.id, d(2026, 1, 27))
        .expect("implemented after reconsideration");

    // Forward, from the Cabinet decision.
    let page = store
        .resolution_page(c.decision.id, d(2026, 1, 28))
        .unwrap();
    let ex = page.executive.expect("an executive decision");
    assert!(!ex.window_open && !ex.call_in_pending);
    assert_eq!(ex.implementation.unwrap().implemented_on, d(2026, 1, 27));
    let chain = &ex.call_ins[0];
    assert_eq!(chain.member_names.len(), 3);
    assert_eq!(chain.item.as_ref().unwrap().tag, "call-in");
    assert_eq!(chain.scrutiny_minute.as_ref().unwrap().minute_id, smin.id);
    assert_eq!(chain.scrutiny_resolutions[0].resolution_id, slimb.id);
    assert_eq!(chain.reconsidered.as_ref().unwrap().minute_id, cmin.id);
    assert_eq!(chain.reconsidered_resolutions[0].resolution_id, climb.id);
    assert!(chain.referral.is_some());
    // Back, from the scrutiny minute and from Cabinet's reconsideration.
    for from in [slimb.id, climb.id] {
        let page = store.resolution_page(from, d(2026, 1, 28)).unwrap();
        assert_eq!(page.call_ins.len(), 1, "the call-in is linked back");
        assert_eq!(
            page.call_ins[0].decision.as_ref().unwrap().resolution_id,
            c.decision.id
        );
    }
}

#[test]
fn no_further_action_releases_the_decision_and_a_rejected_call_in_holds_nothing() {
    let (mut store, c) = decided();
    let first = store
        .request_call_in(&request(&c, d(2025, 12, 23), 3))
        .unwrap();
    store
        .decide_call_in(
            first.id,
            &CallInDecision::Reject {
                decided_by: "Monitoring Officer".into(),
                decided_on: d(2025, 12, 24),
                reason: "The grounds are not within the constitution.".into(),
            },
        )
        .unwrap();
    let second = store
        .request_call_in(&request(&c, d(2025, 12, 29), 3))
        .unwrap();
    let second = store
        .decide_call_in(
            second.id,
            &CallInDecision::Accept {
                decided_by: "Chair of Scrutiny".into(),
                decided_on: d(2025, 12, 30),
                scrutiny_meeting_id: c.scrutiny_meeting.id,
            },
        )
        .unwrap();
    let smin = store
        .add_minute(c.scrutiny_meeting.id, second.agenda_item_id, "Call-in")
        .unwrap();
    store
        .record_call_in_outcome(
            second.id,
            &CallInOutcomeInput {
                outcome: CallInOutcome::NoFurtherAction,
                minute_id: Some(smin.id),
                concerns: String::new(),
            },
            d(2026, 1, 12),
        )
        .unwrap();
    // The lifecycle goes forward only.
    let e = store
        .conn()
        .execute(
            "UPDATE call_in SET status = 'requested' WHERE id = ?1",
            [second.id.to_string()],
        )
        .unwrap_err();
    assert!(e.to_string().contains("can only move"), "{e}");
    store
        .implement_decision(c.decision.id, d(2026, 1, 13))
        .expect("implemented after no further action");
}

#[test]
fn check_12_the_scrutiny_record_carries_what_its_minute_quotes() {
    let (mut store, c) = decided();
    let ci = store
        .request_call_in(&request(&c, d(2025, 12, 23), 3))
        .unwrap();
    let ci = store
        .decide_call_in(
            ci.id,
            &CallInDecision::Accept {
                decided_by: "Chair of Scrutiny".into(),
                decided_on: d(2025, 12, 30),
                scrutiny_meeting_id: c.scrutiny_meeting.id,
            },
        )
        .unwrap();
    let rec = store.meeting_record(c.scrutiny_meeting.id).unwrap();
    assert_eq!(rec.called_in.len(), 1);
    let q = &rec.called_in[0];
    assert_eq!(q.call_in.id, ci.id);
    assert_eq!(q.minute_label, "C1");
    assert_eq!(q.text, "the Library Strategy be approved");
    assert_eq!(q.reason, "Reason for the Library Strategy be approved");
    assert_eq!(q.members.len(), 3);
    let cab = store.meeting_record(c.cabinet_meeting.id).unwrap();
    assert_eq!(cab.executive_decisions.len(), 1);
    assert_eq!(cab.call_ins.len(), 1);
    // The resolution named as the command line names it.
    assert_eq!(store.find_resolution("C1(1)").unwrap(), c.decision.id);
    assert_eq!(store.find_resolution("c1").unwrap(), c.decision.id);
    assert!(store.find_resolution("C9(1)").is_err());
}

fn text_of(store: &Store, meeting: Uuid, lang: Language) -> String {
    let rec = store.meeting_record(meeting).unwrap();
    let doc = minutes_core::render::minutes_document(
        &rec,
        lang,
        minutes_core::render::Visibility::Public,
    );
    // One line per printed line, runs of spaces closed up, as a reader reads it.
    minutes_core::render::to_text(&doc)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_cabinet_minute_prints_its_decision_statement_in_english_and_welsh() {
    let (mut store, c) = decided();
    let en = text_of(&store, c.cabinet_meeting.id, Language::En);
    for want in [
        "Key decision.",
        "Options considered and rejected: To close two branch libraries.",
        "Consultation undertaken: A public consultation of twelve weeks.",
        "Implementation of Decision",
        "This decision will be implemented after the three day call-in period.",
    ] {
        assert!(en.contains(want), "{want:?} missing from:\n{en}");
    }
    // The statement follows the reasons.
    assert!(
        en.find("Reason for decision") < en.find("Key decision."),
        "{en}"
    );
    let cy = text_of(&store, c.cabinet_meeting.id, Language::Cy);
    for want in [
        "Penderfyniad allweddol.",
        "Rhoi'r penderfyniad ar waith",
        "Rhoddir y penderfyniad hwn ar waith ar ôl y cyfnod galw i mewn o dridiau.",
    ] {
        assert!(cy.contains(want), "{want:?} missing from:\n{cy}");
    }
    store
        .set_executive_decision(
            c.decision.id,
            &ExecutiveDecisionInput {
                urgent: true,
                urgent_agreed_by: "Councillor A. Jones".into(),
                urgent_agreed_on: Some(d(2025, 12, 19)),
                ..filled()
            },
        )
        .unwrap();
    let en = text_of(&store, c.cabinet_meeting.id, Language::En);
    assert!(
        en.contains("Urgent decision for immediate implementation; the Chair of Scrutiny agreed there would be no call-in."),
        "{en}"
    );
    let cy = text_of(&store, c.cabinet_meeting.id, Language::Cy);
    assert!(
        cy.contains("Penderfyniad brys i'w roi ar waith ar unwaith"),
        "{cy}"
    );
}

#[test]
fn check_12_the_call_in_minute_quotes_the_decision_lists_grounds_and_members_and_records_the_outcome(
) {
    let (mut store, c) = decided();
    let ci = store
        .request_call_in(&request(&c, d(2025, 12, 23), 3))
        .unwrap();
    let ci = store
        .decide_call_in(
            ci.id,
            &CallInDecision::Accept {
                decided_by: "Chair of Scrutiny".into(),
                decided_on: d(2025, 12, 30),
                scrutiny_meeting_id: c.scrutiny_meeting.id,
            },
        )
        .unwrap();
    let smin = store
        .add_minute(
            c.scrutiny_meeting.id,
            ci.agenda_item_id,
            "Library Strategy (Cabinet minute C1)",
        )
        .unwrap();
    let outcomes = [
        (
            CallInOutcome::NoFurtherAction,
            "No further action: the decision may be implemented.",
            "Dim camau pellach: gellir rhoi'r penderfyniad ar waith.",
        ),
        (
            CallInOutcome::ReferredBack,
            "The decision was referred back to Cabinet for reconsideration, with the Committee's concerns: Rural branches were not consulted.",
            "Cyfeiriwyd y penderfyniad yn ôl at y Cabinet i'w ailystyried, gyda phryderon y Pwyllgor: Rural branches were not consulted.",
        ),
        (
            CallInOutcome::ReferredToCouncil,
            "The decision was referred to Council, with the Committee's concerns: Rural branches were not consulted.",
            "Cyfeiriwyd y penderfyniad at y Cyngor, gyda phryderon y Pwyllgor: Rural branches were not consulted.",
        ),
    ];
    for (outcome, en_words, cy_words) in outcomes {
        // Each outcome on a fresh copy of the state before it.
        store.conn().execute_batch("SAVEPOINT outcome").unwrap();
        store
            .record_call_in_outcome(
                ci.id,
                &CallInOutcomeInput {
                    outcome,
                    minute_id: Some(smin.id),
                    concerns: "Rural branches were not consulted".into(),
                },
                d(2026, 1, 12),
            )
            .unwrap();
        let en = text_of(&store, c.scrutiny_meeting.id, Language::En);
        for want in [
            "1 LIBRARY STRATEGY (CABINET MINUTE C1) (CALL-IN) –",
            "The Committee considered the call-in of Cabinet minute C1 of 19th December, 2025, requested by Councillors B. Evans, A. Jones and C. Price.",
            "The Cabinet's resolution was:",
            "RESOLVED – T H A T the Library Strategy be approved.",
            "Reason for decision: Reason for the Library Strategy be approved.",
            "The grounds for the call-in were: The consultation did not reach rural communities.",
            "Outcome of the call-in:",
            en_words,
        ] {
            assert!(en.contains(want), "{want:?} missing from:\n{en}");
        }
        let cy = text_of(&store, c.scrutiny_meeting.id, Language::Cy);
        for want in [
            "Ystyriodd y Pwyllgor y cais i alw cofnod C1 y Cabinet dyddiedig 19 Rhagfyr 2025 i mewn, a wnaed gan y Cynghorwyr B. Evans, A. Jones a C. Price.",
            "Penderfyniad y Cabinet oedd:",
            "PENDERFYNWYD – B O D",
            "Seiliau'r cais i alw i mewn oedd:",
            "Canlyniad y galw i mewn:",
            cy_words,
        ] {
            assert!(cy.contains(want), "{want:?} missing from:\n{cy}");
        }
        store
            .conn()
            .execute_batch("ROLLBACK TO outcome; RELEASE outcome")
            .unwrap();
    }
}

#[test]
fn export_and_import_keep_decisions_call_ins_and_implementation() {
    let (mut store, c) = decided();
    let ci = store
        .request_call_in(&request(&c, d(2025, 12, 23), 3))
        .unwrap();
    let ci = store
        .decide_call_in(
            ci.id,
            &CallInDecision::Accept {
                decided_by: "Chair of Scrutiny".into(),
                decided_on: d(2025, 12, 30),
                scrutiny_meeting_id: c.scrutiny_meeting.id,
            },
        )
        .unwrap();
    let smin = store
        .add_minute(c.scrutiny_meeting.id, ci.agenda_item_id, "Call-in")
        .unwrap();
    store
        .add_resolution(smin.id, &limb("the decision be referred back to Cabinet"))
        .unwrap();
    store
        .record_call_in_outcome(
            ci.id,
            &CallInOutcomeInput {
                outcome: CallInOutcome::ReferredBack,
                minute_id: None,
                concerns: "Rural branches".into(),
            },
            d(2026, 1, 12),
        )
        .unwrap();
    let later = new_meeting(&mut store, c.cabinet.id, d(2026, 1, 26));
    let cmin = store.add_minute(later.id, None, "Reconsidered").unwrap();
    store.add_resolution(cmin.id, &limb("confirmed")).unwrap();
    store.record_reconsideration(ci.id, cmin.id).unwrap();
    store
        .implement_decision(c.decision.id, d(2026, 1, 27))
        .unwrap();

    let records: Vec<MeetingRecord> = [c.cabinet_meeting.id, c.scrutiny_meeting.id, later.id]
        .iter()
        .map(|m| {
            let json = serde_json::to_string(&store.meeting_record(*m).unwrap()).unwrap();
            minutes_store::import::parse_meeting(json.as_bytes()).unwrap()
        })
        .collect();
    let mut fresh = Store::open_in_memory().unwrap();
    let summaries = fresh.import_meetings(&records).expect("imported");
    assert_eq!(summaries[0].executive_decisions, 1);
    assert_eq!(summaries[0].call_ins, 1);
    assert_eq!(summaries[0].call_ins_left_out, 0);
    let cab = fresh.meeting_record(summaries[0].meeting_id).unwrap();
    let orig = store.meeting_record(c.cabinet_meeting.id).unwrap();
    assert_eq!(
        cab.executive_decisions[0].call_in_ends,
        Some(d(2025, 12, 29))
    );
    assert_eq!(
        cab.executive_decisions[0].consultation,
        orig.executive_decisions[0].consultation
    );
    assert_eq!(cab.implementations[0].implemented_on, d(2026, 1, 27));
    let back = &cab.call_ins[0];
    assert_eq!(back.status, CallInStatus::Considered);
    assert_eq!(back.outcome, Some(CallInOutcome::ReferredBack));
    assert_eq!(back.members.len(), 3);
    assert!(back.referral_id.is_some() && back.reconsidered_minute_id.is_some());
    let scr = fresh.meeting_record(summaries[1].meeting_id).unwrap();
    assert_eq!(scr.called_in[0].minute_label, "C1");

    // The Cabinet meeting alone keeps its decision and says what it left out.
    let mut alone = Store::open_in_memory().unwrap();
    let s = alone.import_meeting(&records[0]).expect("imported alone");
    assert_eq!(
        (s.executive_decisions, s.call_ins, s.call_ins_left_out),
        (1, 0, 1)
    );
    let cab = alone.meeting_record(s.meeting_id).unwrap();
    assert_eq!(cab.implementations.len(), 1);
}
