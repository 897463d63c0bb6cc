//! What the app's editing screens rely on: standing items, moving blocks, correcting a
//! person, ending a membership; each refused change leaves the record as it was.

mod common;

use common::*;
use minutes_core::input::*;
use minutes_core::*;

fn narrative(text: &str) -> BlockContent {
    BlockContent::Narrative {
        text: text.to_string(),
    }
}

fn texts(store: &minutes_store::Store, minute: uuid::Uuid) -> Vec<String> {
    store
        .blocks(minute)
        .unwrap()
        .into_iter()
        .map(|b| match b.content {
            BlockContent::Narrative { text } => text,
            other => format!("{:?}", other.kind()),
        })
        .collect()
}

#[test]
fn a_new_agenda_starts_with_the_standing_items_in_order_and_only_once() {
    let (_dir, mut store, ids) = demo_store();
    let m = new_meeting(&mut store, ids.scrutiny, d(2015, 2, 2));
    store
        .add_agenda_item(m.id, &NewAgendaItem::report("Budget proposals"))
        .unwrap();
    let added = store.add_standing_items(m.id).unwrap();
    assert_eq!(added.len(), 3);
    let titles: Vec<String> = store
        .agenda(m.id)
        .unwrap()
        .into_iter()
        .map(|i| format!("{}. {}", i.position, i.title_en))
        .collect();
    assert_eq!(
        titles,
        [
            "1. Apologies for absence",
            "2. Minutes",
            "3. Declarations of interest (including whipping declarations)",
            "4. Budget proposals",
        ],
        "Welsh scrutiny bodies take whipping declarations; standing items open the agenda"
    );
    assert!(store.add_standing_items(m.id).unwrap().is_empty());
    assert_eq!(store.agenda(m.id).unwrap().len(), 4);

    // A body without whip declarations gets the plain wording.
    let cabinet = new_meeting(&mut store, ids.cabinet, d(2015, 2, 9));
    let items = store.add_standing_items(cabinet.id).unwrap();
    assert_eq!(items[2].title_en, "Declarations of interest");
}

#[test]
fn blocks_move_within_their_minute_and_close_up_when_one_is_removed() {
    let (_dir, mut store, ids) = demo_store();
    let m = new_meeting(&mut store, ids.scrutiny, d(2015, 2, 2));
    let minute = store.add_minute(m.id, None, "Budget").unwrap();
    let a = store.add_block(minute.id, &narrative("first")).unwrap();
    let b = store.add_block(minute.id, &narrative("second")).unwrap();
    let c = store.add_block(minute.id, &narrative("third")).unwrap();
    store.move_block(c.id, 1).unwrap();
    assert_eq!(texts(&store, minute.id), ["third", "first", "second"]);
    store.move_block(c.id, 3).unwrap();
    assert_eq!(texts(&store, minute.id), ["first", "second", "third"]);
    store.remove_block(a.id).unwrap();
    assert_eq!(texts(&store, minute.id), ["second", "third"]);
    let positions: Vec<u32> = store
        .blocks(minute.id)
        .unwrap()
        .iter()
        .map(|b| b.position)
        .collect();
    assert_eq!(positions, [1, 2], "no gap is left");

    let before = snapshot(&store);
    let e = store.move_block(b.id, 3).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Invalid);
    assert!(e.to_string().contains("between 1 and 2"), "{e}");
    let e = store.move_block(uuid::Uuid::now_v7(), 1).unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
    assert_eq!(snapshot(&store), before);
}

#[test]
fn signed_minutes_refuse_moving_a_block() {
    let (_dir, mut store, ids) = demo_store();
    let signed = store.meeting_record(ids.previous_meeting).unwrap();
    let block = signed
        .minutes
        .iter()
        .flat_map(|m| m.blocks.iter())
        .next()
        .expect("the demo's signed minutes have text");
    let before = snapshot(&store);
    let e = store.move_block(block.id, 1).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Locked, "{e}");
    assert_eq!(snapshot(&store), before);
}

#[test]
fn a_person_is_corrected_and_bad_names_are_refused() {
    let (_dir, mut store, _ids) = demo_store();
    let p = store
        .add_person(&NewPerson {
            honorific: "Councillor".into(),
            name: "A. Jonse".into(),
            kind: PersonKind::Member,
            title: String::new(),
        })
        .unwrap();
    let fixed = store
        .update_person(
            p.id,
            &NewPerson {
                honorific: "Councillor".into(),
                name: "A. Jones".into(),
                kind: PersonKind::Member,
                title: String::new(),
            },
        )
        .unwrap();
    assert_eq!(fixed.display_name(), "Councillor A. Jones");
    let before = snapshot(&store);
    let e = store
        .update_person(
            p.id,
            &NewPerson {
                honorific: String::new(),
                name: "   ".into(),
                kind: PersonKind::Member,
                title: String::new(),
            },
        )
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Invalid);
    assert!(e.to_string().contains("Name"), "{e}");
    assert_eq!(snapshot(&store), before);
}

#[test]
fn a_membership_ends_on_a_date_not_before_it_began() {
    let (_dir, mut store, ids) = demo_store();
    let m = &store.memberships(ids.scrutiny).unwrap()[0];
    let (id, from) = (m.id, m.from);
    let before = snapshot(&store);
    let e = store
        .end_membership(id, from - chrono::Days::new(1))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Invalid);
    assert_eq!(snapshot(&store), before);
    store.end_membership(id, d(2016, 5, 1)).unwrap();
    let ended = store
        .memberships(ids.scrutiny)
        .unwrap()
        .into_iter()
        .find(|m| m.id == id)
        .unwrap();
    assert_eq!(ended.to, Some(d(2016, 5, 1)));
}

#[test]
fn agenda_items_are_reordered_and_a_bad_position_is_refused() {
    let (_dir, mut store, ids) = demo_store();
    let m = new_meeting(&mut store, ids.scrutiny, d(2015, 2, 2));
    store.add_standing_items(m.id).unwrap();
    let report = store
        .add_agenda_item(m.id, &NewAgendaItem::report("Budget proposals"))
        .unwrap();
    store.move_agenda_item(report.id, 1).unwrap();
    let order: Vec<String> = store
        .agenda(m.id)
        .unwrap()
        .into_iter()
        .map(|i| format!("{}. {}", i.position, i.title_en))
        .collect();
    assert_eq!(order[0], "1. Budget proposals");
    assert_eq!(order[1], "2. Apologies for absence");
    let before = snapshot(&store);
    let e = store.move_agenda_item(report.id, 5).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Invalid);
    assert!(e.to_string().contains("between 1 and 4"), "{e}");
    assert_eq!(snapshot(&store), before);
}
