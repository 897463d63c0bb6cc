//! Referral tracking: every transition, the overdue rule, outcomes in one call, the chain on the
//! resolution page both ways, and referrals coming in as "(REF)" items.

mod common;

use common::*;
use minutes_core::input::*;
use minutes_core::*;
use minutes_store::demo::DemoIds;
use minutes_store::Store;
use uuid::Uuid;

fn meeting_of(store: &Store, body: &str, date: chrono::NaiveDate) -> Uuid {
    store
        .list_meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.body_name == body && m.date == date)
        .unwrap()
        .id
}

fn cabinet_meeting(store: &Store) -> Uuid {
    meeting_of(store, "Cabinet", d(2015, 1, 26))
}

fn next_scrutiny(store: &Store) -> Uuid {
    meeting_of(
        store,
        "Scrutiny Committee (Social Care and Health)",
        d(2015, 2, 2),
    )
}

fn step_to(store: &Store, to: ReferralStatus) -> ReferralStep {
    match to {
        ReferralStatus::Scheduled => ReferralStep::Schedule {
            meeting_id: cabinet_meeting(store),
        },
        ReferralStatus::Considered => ReferralStep::Consider {
            outcome: ReferralOutcome::Noted,
            response_text: "Cabinet noted the report.".into(),
            meeting_id: Some(cabinet_meeting(store)),
            minute_id: None,
        },
        ReferralStatus::ReportedBack => ReferralStep::ReportBack {
            meeting_id: next_scrutiny(store),
        },
        ReferralStatus::Closed => ReferralStep::Close { on: d(2015, 2, 3) },
        ReferralStatus::Issued => unreachable!("nothing steps back to issued"),
    }
}

/// The demo referral brought to `state` along the lifecycle.
fn in_state(state: ReferralStatus) -> (tempfile::TempDir, Store, DemoIds) {
    let (dir, mut store, ids) = demo_store();
    let path: &[ReferralStatus] = match state {
        ReferralStatus::Issued => &[],
        ReferralStatus::Scheduled => &[ReferralStatus::Scheduled],
        ReferralStatus::Considered => &[ReferralStatus::Scheduled, ReferralStatus::Considered],
        ReferralStatus::ReportedBack => &[
            ReferralStatus::Scheduled,
            ReferralStatus::Considered,
            ReferralStatus::ReportedBack,
        ],
        ReferralStatus::Closed => &[
            ReferralStatus::Scheduled,
            ReferralStatus::Considered,
            ReferralStatus::Closed,
        ],
    };
    for s in path {
        let step = step_to(&store, *s);
        store.advance_referral(ids.referral, &step).unwrap();
    }
    assert_eq!(store.referral(ids.referral).unwrap().status, state);
    (dir, store, ids)
}

/// The lifecycle as the README states it: the main line issued -> scheduled -> considered ->
/// reported back -> closed, and the three other moves it names (a referral considered without
/// being scheduled first, one deferred and scheduled again, one that needs no report back).
const LIFECYCLE: [(ReferralStatus, ReferralStatus); 7] = {
    use ReferralStatus::*;
    [
        (Issued, Scheduled),
        (Scheduled, Considered),
        (Considered, ReportedBack),
        (ReportedBack, Closed),
        (Issued, Considered),
        (Considered, Scheduled),
        (Considered, Closed),
    ]
};

#[test]
fn every_transition_is_allowed_or_refused_leaving_nothing_changed() {
    let targets = [
        ReferralStatus::Scheduled,
        ReferralStatus::Considered,
        ReferralStatus::ReportedBack,
        ReferralStatus::Closed,
    ];
    let mut allowed = 0;
    for from in ReferralStatus::ALL.iter().copied() {
        for to in targets {
            let (_dir, mut store, ids) = in_state(from);
            let before = store.referral(ids.referral).unwrap();
            let rows = counts(&store);
            let step = step_to(&store, to);
            match store.advance_referral(ids.referral, &step) {
                Ok(r) => {
                    assert!(
                        LIFECYCLE.contains(&(from, to)),
                        "{from} -> {to} should be refused"
                    );
                    assert_eq!(r.status, to);
                    allowed += 1;
                }
                Err(e) => {
                    assert!(
                        !LIFECYCLE.contains(&(from, to)),
                        "{from} -> {to} refused: {e}"
                    );
                    assert_eq!(e.code(), ErrorCode::Transition, "{e}");
                    assert!(
                        e.to_string()
                            .contains(&format!("from {}", from.as_str().replace('_', " "))),
                        "{e}"
                    );
                    assert_eq!(store.referral(ids.referral).unwrap(), before);
                    assert_eq!(counts(&store), rows);
                }
            }
        }
    }
    assert_eq!(allowed, LIFECYCLE.len());
}

/// The database's own trigger holds the same lifecycle against raw SQL, and the core's rule
/// is the same table.
#[test]
fn the_database_holds_the_lifecycle_against_raw_sql() {
    for from in ReferralStatus::ALL.iter().copied() {
        for to in ReferralStatus::ALL.iter().copied() {
            if from == to {
                continue;
            }
            assert_eq!(
                referral::can_move(from, to),
                LIFECYCLE.contains(&(from, to)),
                "the core's rule for {from} -> {to}"
            );
            let (_dir, store, ids) = in_state(from);
            let before = store.referral(ids.referral).unwrap();
            let r = store.conn().execute(
                "UPDATE referral SET status = ?2, outcome = coalesce(outcome, 'noted'),
                   target_meeting_id = coalesce(target_meeting_id, ?3) WHERE id = ?1",
                [
                    ids.referral.to_string(),
                    to.as_str().to_string(),
                    cabinet_meeting(&store).to_string(),
                ],
            );
            if LIFECYCLE.contains(&(from, to)) {
                assert_eq!(r.unwrap(), 1, "{from} -> {to}");
            } else {
                let e = r
                    .expect_err(&format!("{from} -> {to} accepted"))
                    .to_string();
                assert!(
                    e.contains("a referral can only move"),
                    "{from} -> {to}: {e}"
                );
                assert_eq!(store.referral(ids.referral).unwrap(), before);
            }
        }
    }
}

#[test]
fn overdue_referrals_are_listed_first() {
    let (_dir, store, ids) = demo_store();
    // An earlier referral, answered (considered) but not yet reported back: due before the
    // demo's, but no longer waiting, so not overdue.
    store
        .conn()
        .execute_batch(&format!(
            "INSERT INTO referral (id, resolution_id, from_body_id, to_body_id, purpose, sent_on, response_due)
             SELECT '00000000-0000-7000-8000-0000000000a1', resolution_id, from_body_id, to_body_id, purpose, '2014-12-10', '2015-02-09'
             FROM referral WHERE id = '{r}';
             UPDATE referral SET status = 'considered', outcome = 'noted' WHERE id = '00000000-0000-7000-8000-0000000000a1';",
            r = ids.referral
        ))
        .unwrap();
    let v = store.referrals_view(None, d(2015, 3, 7)).unwrap();
    let order: Vec<(String, Option<ReferralUrgency>)> = v
        .iter()
        .map(|c| (c.referral.id.to_string(), c.urgency))
        .collect();
    assert_eq!(order.len(), 2, "{order:?}");
    assert_eq!(order[0].0, ids.referral.to_string(), "{order:?}");
    assert_eq!(order[0].1, Some(ReferralUrgency::Overdue), "{order:?}");
    assert_ne!(order[1].1, Some(ReferralUrgency::Overdue), "{order:?}");
}

#[test]
fn the_referrals_view_flags_due_soon_and_overdue_by_the_two_month_rule() {
    let (_dir, store, ids) = demo_store();
    // Sent 7 January 2015 as a s.21B report: the two months beginning with that day end 6 March.
    let view = |today| {
        let v = store.referrals_view(None, today).unwrap();
        assert_eq!(v.len(), 1);
        (v[0].urgency, v[0].days_left)
    };
    assert_eq!(view(d(2015, 2, 1)), (Some(ReferralUrgency::Open), 33));
    assert_eq!(view(d(2015, 2, 20)), (Some(ReferralUrgency::DueSoon), 14));
    assert_eq!(view(d(2015, 3, 6)), (Some(ReferralUrgency::DueSoon), 0));
    assert_eq!(view(d(2015, 3, 7)), (Some(ReferralUrgency::Overdue), -1));
    let per_body = store
        .referrals_view(Some(ids.cabinet), d(2015, 3, 7))
        .unwrap();
    assert_eq!(per_body.len(), 1);
    assert_eq!(
        (per_body[0].from_body.as_str(), per_body[0].to.as_str()),
        ("Scrutiny Committee (Social Care and Health)", "Cabinet")
    );
    assert!(per_body[0]
        .source
        .as_ref()
        .unwrap()
        .text
        .contains("referred to Cabinet"));
    let unknown = store.referrals_view(Some(Uuid::now_v7()), d(2015, 3, 7));
    assert_eq!(unknown.unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn an_outcome_in_one_call_links_both_minutes_both_ways() {
    let (_dir, mut store, ids) = demo_store();
    let cabinet = cabinet_meeting(&store);
    let cmin = store
        .add_minute(
            cabinet,
            None,
            "Reference from scrutiny: safeguarding inspection",
        )
        .unwrap();
    let cres = store
        .add_resolution(
            cmin.id,
            &NewResolution {
                keyword: None,
                text: "the views of the Scrutiny Committee be noted".into(),
                reason: "Having regard to the Committee's views.".into(),
                conditional_on: None,
                vote: String::new(),
                reason_not_needed: false,
            },
        )
        .unwrap();
    // At a scrutiny meeting: refused, nothing changed.
    let before = store.referral(ids.referral).unwrap();
    let wrong = store.record_outcome(
        ids.referral,
        &OutcomeInput {
            outcome: ReferralOutcome::Noted,
            response_text: "Noted.".into(),
            meeting_id: Some(next_scrutiny(&store)),
            minute_id: None,
        },
    );
    assert!(wrong
        .unwrap_err()
        .to_string()
        .contains("body the referral was made to"));
    assert_eq!(store.referral(ids.referral).unwrap(), before);

    let r = store
        .record_outcome(
            ids.referral,
            &OutcomeInput {
                outcome: ReferralOutcome::Noted,
                response_text: "Cabinet noted the views of the Committee.".into(),
                meeting_id: None,
                minute_id: Some(cmin.id),
            },
        )
        .unwrap();
    assert_eq!(r.status, ReferralStatus::Considered);
    assert_eq!(
        r.target_meeting_id,
        Some(cabinet),
        "the meeting is read off the minute"
    );

    let source = store.referral(ids.referral).unwrap().resolution_id.unwrap();
    let page = store
        .resolution_page(source, chrono::Local::now().date_naive())
        .unwrap();
    assert_eq!(page.minute.minute.id, ids.inspection_minute);
    assert!(
        !page.minute.blocks.is_empty(),
        "the narrative comes with the resolution"
    );
    assert_eq!(page.body.id, ids.scrutiny);
    let chain = &page.referrals[0];
    assert_eq!(chain.to, "Cabinet");
    assert_eq!(chain.target_meeting.as_ref().unwrap().date, d(2015, 1, 26));
    assert_eq!(chain.target_minute.as_ref().unwrap().label, cmin.label);
    assert_eq!(chain.target_resolutions[0].resolution_id, cres.id);
    assert_eq!(
        chain.referral.response_text,
        "Cabinet noted the views of the Committee."
    );

    // The way back: Cabinet's resolution page names the scrutiny resolution it answered.
    let back = store
        .resolution_page(cres.id, chrono::Local::now().date_naive())
        .unwrap();
    assert_eq!(back.answers.len(), 1);
    assert_eq!(
        back.answers[0].source.as_ref().unwrap().resolution_id,
        source
    );
    assert!(back.referrals.is_empty());

    let next = next_scrutiny(&store);
    store
        .advance_referral(ids.referral, &ReferralStep::ReportBack { meeting_id: next })
        .unwrap();
    store
        .advance_referral(ids.referral, &ReferralStep::Close { on: d(2015, 2, 2) })
        .unwrap();
    let page = store
        .resolution_page(source, chrono::Local::now().date_naive())
        .unwrap();
    assert_eq!(page.referrals[0].reported_back.as_ref().unwrap().id, next);
    assert_eq!(page.referrals[0].referral.closed_on, Some(d(2015, 2, 2)));
    assert_eq!(page.referrals[0].urgency, None);
    assert!(
        store
            .referrals_view(None, d(2015, 3, 7))
            .unwrap()
            .is_empty(),
        "closed referrals leave the view"
    );
}

#[test]
fn a_referral_from_cabinet_comes_in_as_a_ref_item() {
    let (_dir, mut store, ids) = demo_store();
    let cabinet = cabinet_meeting(&store);
    let cmin = store
        .add_minute(cabinet, None, "Corporate parenting strategy")
        .unwrap();
    let cres = store
        .add_resolution(
            cmin.id,
            &NewResolution {
                keyword: None,
                text: "the draft strategy be referred to the Scrutiny Committee (Social Care and Health) for consultation".into(),
                reason: "To seek the views of scrutiny.".into(),
                conditional_on: None,
                vote: String::new(),
                reason_not_needed: false,
            },
        )
        .unwrap();
    let r = store
        .add_referral(&NewReferral {
            resolution_id: Some(cres.id),
            from_body_id: None,
            to_body_id: Some(ids.scrutiny),
            to_external: String::new(),
            purpose: ReferralPurpose::ForConsultation,
            sent_on: d(2015, 1, 27),
            response_due: None,
        })
        .unwrap();
    let rows = counts(&store);
    let wrong = store.take_up_referral(cabinet, r.id, None);
    assert!(wrong
        .unwrap_err()
        .to_string()
        .contains("body it was referred to"));
    assert_eq!(counts(&store), rows, "nothing added");

    let next = next_scrutiny(&store);
    let item = store.take_up_referral(next, r.id, None).unwrap();
    assert_eq!(item.tag, "REF");
    assert_eq!(item.origin, ItemOrigin::ReferredFromCabinet);
    assert_eq!(item.title_en, "Corporate parenting strategy");
    let r = store.referral(r.id).unwrap();
    assert_eq!(
        (r.status, r.target_meeting_id),
        (ReferralStatus::Scheduled, Some(next))
    );

    // Cabinet's resolution page links to the scrutiny item; the scrutiny minute links back.
    let page = store
        .resolution_page(cres.id, chrono::Local::now().date_naive())
        .unwrap();
    assert_eq!(page.referrals[0].agenda_items[0].item_id, item.id);
    let smin = store.add_minute(next, Some(item.id), "").unwrap();
    assert_eq!(smin.tag, "REF");
    let sres = store
        .add_resolution(
            smin.id,
            &NewResolution {
                keyword: None,
                text: "the draft strategy be supported".into(),
                reason: "The Committee supports it.".into(),
                conditional_on: None,
                vote: String::new(),
                reason_not_needed: false,
            },
        )
        .unwrap();
    let back = store
        .resolution_page(sres.id, chrono::Local::now().date_naive())
        .unwrap();
    assert_eq!(
        back.answers[0].source.as_ref().unwrap().resolution_id,
        cres.id
    );
    assert!(store.minutes_text(next).unwrap().contains("(REF)"));
}
