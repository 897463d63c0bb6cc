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

fn details(m: &Meeting) -> NewMeeting {
    NewMeeting {
        body_id: m.body_id,
        kind: m.kind,
        date: m.date,
        start_time: m.start_time.map(|t| t.format("%H:%M").to_string()),
        end_time: None,
        venue: m.venue.clone(),
        mode: m.mode,
        joining_details: m.joining_details.clone(),
    }
}

#[test]
fn a_meetings_details_are_corrected_until_the_draft_is_published() {
    let (_dir, mut store, ids) = demo_store();
    let m = new_meeting(&mut store, ids.scrutiny, d(2015, 2, 2));
    let changed = store
        .update_meeting(
            m.id,
            &NewMeeting {
                date: d(2015, 2, 3),
                start_time: Some("14:30".into()),
                venue: "Committee Room 1".into(),
                mode: MeetingMode::Hybrid,
                joining_details: "Join by Teams: link in the calendar invitation".into(),
                ..details(&m)
            },
        )
        .unwrap();
    let stored = store.meeting(m.id).unwrap();
    assert_eq!(stored, changed);
    assert_eq!(stored.date, d(2015, 2, 3));
    assert_eq!(stored.venue, "Committee Room 1");
    assert_eq!(stored.mode, MeetingMode::Hybrid);
    assert_eq!(
        stored.start_time.map(|t| t.to_string()),
        Some("14:30:00".into())
    );

    // Refusals name the problem and change nothing.
    let before = snapshot(&store);
    let remote_without_link = NewMeeting {
        mode: MeetingMode::Remote,
        joining_details: " ".into(),
        ..details(&stored)
    };
    let e = store
        .update_meeting(m.id, &remote_without_link)
        .unwrap_err();
    assert!(e.to_string().contains("how to join"), "{e}");
    let other_body = NewMeeting {
        body_id: ids.cabinet,
        ..details(&stored)
    };
    let e = store.update_meeting(m.id, &other_body).unwrap_err();
    assert!(e.to_string().contains("another committee"), "{e}");
    assert_eq!(snapshot(&store), before);

    // With a numbered minute, the meeting may not leave its municipal year.
    store.add_minute(m.id, None, "Budget").unwrap();
    let before = snapshot(&store);
    let next_year = NewMeeting {
        date: d(2015, 6, 1),
        ..details(&stored)
    };
    let e = store.update_meeting(m.id, &next_year).unwrap_err();
    assert!(e.to_string().contains("municipal year"), "{e}");
    assert_eq!(snapshot(&store), before);

    // The demo meeting's draft is published: its details are part of the record.
    let published = store.meeting(ids.previous_meeting).unwrap();
    let e = store
        .update_meeting(published.id, &details(&published))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Locked, "{e}");
}

#[test]
fn agenda_items_are_edited_and_removed_and_the_rest_close_up() {
    let (_dir, mut store, ids) = demo_store();
    let m = new_meeting(&mut store, ids.scrutiny, d(2015, 2, 2));
    store.add_standing_items(m.id).unwrap();
    let budget = store
        .add_agenda_item(m.id, &NewAgendaItem::report("Budget proposals"))
        .unwrap();
    let care = store
        .add_agenda_item(m.id, &NewAgendaItem::report("Care homes"))
        .unwrap();
    let edited = store
        .update_agenda_item(
            budget.id,
            &NewAgendaItem {
                title_en: "Draft budget proposals 2015/16".into(),
                part: ItemPart::Exempt,
                exempt_paragraphs: vec!["14".into()],
                public_interest: "Disclosure would prejudice the council's negotiating position"
                    .into(),
                ..NewAgendaItem::report("")
            },
        )
        .unwrap();
    assert_eq!(edited.position, 4, "an edited item keeps its place");
    let agenda = store.agenda(m.id).unwrap();
    assert_eq!(agenda[3].title_en, "Draft budget proposals 2015/16");
    assert_eq!(agenda[3].part, ItemPart::Exempt);
    assert_eq!(agenda[3].exempt_paragraphs, ["14"]);

    let before = snapshot(&store);
    let e = store
        .update_agenda_item(care.id, &NewAgendaItem::report("  "))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Invalid, "{e}");
    assert_eq!(snapshot(&store), before);

    // A report goes with its item; the items after it close up.
    let doc = store
        .attach_document(
            budget.id,
            "Report",
            DocumentKind::Report,
            &one_page_pdf(),
            1,
        )
        .unwrap();
    store.remove_agenda_item(budget.id).unwrap();
    assert!(
        store.document_pdf(doc.id).is_err(),
        "the report went with its item"
    );
    let order: Vec<String> = store
        .agenda(m.id)
        .unwrap()
        .into_iter()
        .map(|i| format!("{}. {}", i.position, i.title_en))
        .collect();
    assert_eq!(order.len(), 4);
    assert_eq!(order[3], "4. Care homes");

    // An item with a minute stays, and says why.
    store.add_minute(m.id, Some(care.id), "").unwrap();
    let before = snapshot(&store);
    let e = store.remove_agenda_item(care.id).unwrap_err();
    assert!(e.to_string().contains("has a minute"), "{e}");
    assert_eq!(snapshot(&store), before);
}

#[test]
fn attendance_and_declarations_entered_by_mistake_are_removed() {
    let (_dir, mut store, ids) = demo_store();
    let m = new_meeting(&mut store, ids.scrutiny, d(2015, 2, 2));
    let person = store.people().unwrap()[0].id;
    let a = store
        .record_attendance(
            m.id,
            &NewAttendance {
                person_id: person,
                status: AttendanceStatus::Apologies,
                substitute_for: None,
                mode: AttendanceMode::Room,
                capacity: None,
                arrived_at_item: None,
                left_at_item: None,
                for_items: Vec::new(),
            },
        )
        .unwrap();
    let decl = store
        .add_declaration(
            m.id,
            &NewDeclaration {
                person_id: person,
                agenda_item_id: None,
                kind: DeclarationKind::Personal,
                nature: "Member of a local care home board".into(),
                action: Some(DeclarationAction::Remained),
                dispensation: String::new(),
            },
        )
        .unwrap();
    store.remove_declaration(decl.id).unwrap();
    store.remove_attendance(a.id).unwrap();
    let rec = store.meeting_record(m.id).unwrap();
    assert!(rec.attendance.is_empty());
    assert!(rec.declarations.is_empty());

    let before = snapshot(&store);
    let e = store.remove_attendance(a.id).unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound, "{e}");
    assert_eq!(snapshot(&store), before);

    // Signed minutes keep their attendance.
    let signed = store.meeting_record(ids.previous_meeting).unwrap();
    let row = signed
        .attendance
        .first()
        .expect("the signed demo minutes record attendance");
    let e = store.remove_attendance(row.id).unwrap_err();
    assert_eq!(e.code(), ErrorCode::Locked, "{e}");
    assert_eq!(snapshot(&store), before);
}
