//! Property tests: over thousands of random sequences of operations, minute numbers stay
//! unique and gapless within each sequence and municipal year, and resolution limbs stay
//! (1)..(n) with each reason still paired with its own limb.

mod common;

use common::*;
use minutes_core::input::*;
use minutes_core::*;
use minutes_store::Store;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Add { meeting: usize },
    Remove { minute: usize },
    Move { minute: usize, to: u32 },
    Publish { meeting: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..5usize).prop_map(|meeting| Op::Add { meeting }),
        2 => any::<usize>().prop_map(|minute| Op::Remove { minute }),
        2 => (any::<usize>(), 1..6u32).prop_map(|(minute, to)| Op::Move { minute, to }),
        1 => (0..5usize).prop_map(|meeting| Op::Publish { meeting }),
    ]
}

struct World {
    store: Store,
    meetings: Vec<uuid::Uuid>,
}

/// Two bodies sharing the council-wide sequence, Cabinet with its own "C" sequence, and
/// meetings either side of the start of the municipal year.
fn world() -> World {
    let (mut store, council_seq) = bare_store();
    let cabinet_seq = store
        .add_sequence(&NewSequence {
            name: "Cabinet".into(),
            prefix: "C".into(),
            scope: SequenceScope::Body,
        })
        .unwrap();
    let a = new_body(&mut store, "Scrutiny A", BodyKind::Scrutiny, council_seq.id);
    let b = new_body(&mut store, "Standards", BodyKind::Standards, council_seq.id);
    let c = new_body(&mut store, "Cabinet", BodyKind::Cabinet, cabinet_seq.id);
    let meetings = vec![
        new_meeting(&mut store, a.id, d(2015, 1, 5)).id,
        new_meeting(&mut store, b.id, d(2015, 1, 12)).id,
        new_meeting(&mut store, c.id, d(2015, 1, 19)).id,
        new_meeting(&mut store, a.id, d(2015, 3, 2)).id,
        new_meeting(&mut store, a.id, d(2015, 6, 1)).id, // next municipal year
    ];
    World { store, meetings }
}

fn all_minutes(store: &Store) -> Vec<(String, String, u32, String, u32)> {
    let mut st = store
        .conn()
        .prepare("SELECT sequence_id, year_start, number, meeting_id, position FROM minute ORDER BY rowid")
        .unwrap();
    st.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// The invariants, checked against the database itself with plain SQL (not the core's own
/// `is_gapless`): within each sequence and year the numbers are exactly 1..n, and within each
/// meeting the positions are exactly 1..n.
fn check_numbering(store: &Store) -> Result<(), TestCaseError> {
    let gaps = |sql: &str| -> Vec<String> {
        let mut st = store.conn().prepare(sql).unwrap();
        st.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let numbers = gaps(
        "SELECT year_start || ': ' || group_concat(number) FROM minute GROUP BY sequence_id, year_start
         HAVING min(number) <> 1 OR max(number) <> count(*) OR count(DISTINCT number) <> count(*)",
    );
    prop_assert!(numbers.is_empty(), "numbers are not 1..n: {:?}", numbers);
    let positions = gaps(
        "SELECT meeting_id || ': ' || group_concat(position) FROM minute GROUP BY meeting_id
         HAVING min(position) <> 1 OR max(position) <> count(*) OR count(DISTINCT position) <> count(*)",
    );
    prop_assert!(
        positions.is_empty(),
        "positions are not 1..n: {:?}",
        positions
    );
    Ok(())
}

/// Whether the library must accept `op`, from the rows before it and which meetings are
/// published: minutes are added, removed and reordered only while their meeting's are drafts,
/// a removal only when no later number of its sequence and year is published, a move only to
/// a place the meeting has, and a draft is published once.
fn must_succeed(
    op: &Op,
    rows: &[(String, String, u32, String, u32)],
    ids: &[uuid::Uuid],
    meetings: &[uuid::Uuid],
    published: &[bool],
) -> Option<bool> {
    let drafting = |meeting: &str| {
        meetings
            .iter()
            .position(|m| m.to_string() == meeting)
            .map(|i| !published[i])
            .unwrap_or(false)
    };
    match op {
        Op::Add { meeting } => Some(!published[*meeting]),
        Op::Publish { meeting } => Some(!published[*meeting]),
        Op::Remove { minute } if !ids.is_empty() => {
            let (seq, year, number, meeting, _) = &rows[minute % ids.len()];
            let later_published = rows
                .iter()
                .any(|(s, y, n, m, _)| s == seq && y == year && n > number && !drafting(m));
            Some(drafting(meeting) && !later_published)
        }
        Op::Move { minute, to } if !ids.is_empty() => {
            let (_, _, _, meeting, _) = &rows[minute % ids.len()];
            let in_meeting = rows.iter().filter(|r| &r.3 == meeting).count();
            Some(drafting(meeting) && (*to as usize) <= in_meeting)
        }
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn minute_numbers_stay_unique_and_gapless(ops in prop::collection::vec(op(), 1..30)) {
        let mut w = world();
        let mut published = vec![false; w.meetings.len()];
        let mut expected_total = 0usize;
        for op in ops {
            let minute_ids: Vec<uuid::Uuid> = {
                let mut st = w.store.conn().prepare("SELECT id FROM minute ORDER BY rowid").unwrap();
                st.query_map([], |r| r.get::<_, String>(0)).unwrap()
                    .map(|s| uuid::Uuid::parse_str(&s.unwrap()).unwrap()).collect()
            };
            let before = all_minutes(&w.store);
            let expected = must_succeed(&op, &before, &minute_ids, &w.meetings, &published);
            let result = match &op {
                Op::Add { meeting } => w.store.add_minute(w.meetings[*meeting], None, "Item").map(|_| ()),
                Op::Remove { minute } if !minute_ids.is_empty() => w.store.remove_minute(minute_ids[minute % minute_ids.len()]),
                Op::Move { minute, to } if !minute_ids.is_empty() => w.store.move_minute(minute_ids[minute % minute_ids.len()], *to),
                Op::Publish { meeting } => w.store.publish_draft(w.meetings[*meeting]),
                _ => Ok(()),
            };
            if let Some(ok) = expected {
                prop_assert_eq!(result.is_ok(), ok, "{:?} gave {:?}", op, result);
            }
            match (&op, &result) {
                (Op::Add { .. }, Ok(())) => expected_total += 1,
                (Op::Remove { .. }, Ok(())) if !minute_ids.is_empty() => expected_total -= 1,
                (Op::Publish { meeting }, Ok(())) => published[*meeting] = true,
                (_, Err(_)) => prop_assert_eq!(all_minutes(&w.store), before, "a refused {:?} changed the minutes", op),
                _ => {}
            }
            prop_assert_eq!(all_minutes(&w.store).len(), expected_total);
            check_numbering(&w.store)?;
        }
    }
}

#[derive(Debug, Clone)]
enum LimbOp {
    Add,
    Remove(usize),
    Move(usize, u32),
}

fn limb_op() -> impl Strategy<Value = LimbOp> {
    prop_oneof![
        3 => Just(LimbOp::Add),
        2 => any::<usize>().prop_map(LimbOp::Remove),
        2 => (any::<usize>(), 1..8u32).prop_map(|(i, to)| LimbOp::Move(i, to)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn limbs_stay_numbered_and_paired_with_their_reasons(ops in prop::collection::vec(limb_op(), 1..30)) {
        let (mut store, seq) = bare_store();
        let body = new_body(&mut store, "Scrutiny A", BodyKind::Scrutiny, seq.id);
        let meeting = new_meeting(&mut store, body.id, d(2015, 1, 5));
        let minute = store.add_minute(meeting.id, None, "Report").unwrap().id;
        // The model: the texts in limb order.
        let mut model: Vec<String> = Vec::new();
        let mut made = 0;
        for op in ops {
            let current = store.resolutions(minute).unwrap();
            match op {
                LimbOp::Add => {
                    made += 1;
                    let text = format!("decision number {made}");
                    let r = store.add_resolution(minute, &limb(&text)).unwrap();
                    prop_assert_eq!(r.limb as usize, model.len() + 1);
                    model.push(text);
                }
                LimbOp::Remove(i) if !current.is_empty() => {
                    let i = i % current.len();
                    store.remove_resolution(current[i].id).unwrap();
                    model.remove(i);
                }
                LimbOp::Move(i, to) if !current.is_empty() => {
                    let i = i % current.len();
                    let res = store.move_resolution(current[i].id, to);
                    if (to as usize) <= current.len() {
                        res.unwrap();
                        let t = model.remove(i);
                        model.insert(to as usize - 1, t);
                    } else {
                        prop_assert!(res.is_err());
                    }
                }
                _ => {}
            }
            let now = store.resolutions(minute).unwrap();
            let limbs: Vec<u32> = now.iter().map(|r| r.limb).collect();
            let expected: Vec<u32> = (1..=model.len() as u32).collect();
            prop_assert_eq!(&limbs, &expected, "limbs are not 1..n");
            let texts: Vec<String> = now.iter().map(|r| r.text.clone()).collect();
            prop_assert_eq!(&texts, &model);
            for r in &now {
                prop_assert_eq!(&r.reason, &format!("Reason for {}", r.text), "reason left its limb");
            }
        }
    }
}
