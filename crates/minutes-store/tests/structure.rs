//! Minutes as councils write them (issue 14): a minute not on the agenda at any place, headings
//! that follow their item's title until the clerk edits them, the sentences the minutes write
//! themselves, approval "subject to:" amendments as a decision of the approving meeting, and an
//! exempt minute that follows its item into Part 2. On real SQLite files.

mod common;

use common::*;
use minutes_core::input::*;
use minutes_core::render::{generated_minute_lines, minutes_document, to_text, Line, Visibility};
use minutes_core::*;
use minutes_store::Store;
use tempfile::TempDir;
use uuid::Uuid;

/// A council on a real database file with one scrutiny committee.
fn council() -> (TempDir, Store, Body) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("cofnod.sqlite3")).expect("open");
    let seq = set_up_council(&mut store, &test_authority());
    let body = new_body(
        &mut store,
        "Scrutiny Committee (Social Care and Health)",
        BodyKind::Scrutiny,
        seq.id,
    );
    (dir, store, body)
}

fn item(store: &mut Store, meeting: Uuid, title: &str) -> AgendaItem {
    store
        .add_agenda_item(meeting, &NewAgendaItem::report(title))
        .expect("item")
}

fn as_new(i: &AgendaItem) -> NewAgendaItem {
    NewAgendaItem {
        title_en: i.title_en.clone(),
        title_cy: i.title_cy.clone(),
        part: i.part,
        exempt_paragraphs: i.exempt_paragraphs.clone(),
        public_interest: i.public_interest.clone(),
        origin: i.origin,
        standing: i.standing,
        tag: i.tag.clone(),
        urgent_reason: i.urgent_reason.clone(),
        presenting_officer_id: i.presenting_officer_id,
    }
}

fn printed(store: &Store, meeting: Uuid, lang: Language, v: Visibility) -> String {
    let rec = store.meeting_record(meeting).expect("record");
    to_text(&minutes_document(&rec, lang, v))
}

fn audit_count(store: &Store, meeting: Uuid) -> usize {
    store.audit_log(meeting).expect("audit").len()
}

#[test]
fn a_tribute_not_on_the_agenda_takes_its_place_and_its_number_in_order() {
    let (_dir, mut store, body) = council();
    let m = new_meeting(&mut store, body.id, d(2015, 1, 5));
    for title in ["Apologies", "Budget", "Libraries"] {
        let i = item(&mut store, m.id, title);
        store.add_minute(m.id, Some(i.id), "").expect("minute");
    }
    let tribute = store
        .add_minute_at(
            m.id,
            None,
            "Tribute \u{2013} the late Councillor X",
            Some(2),
        )
        .expect("tribute");
    assert_eq!((tribute.position, tribute.label.as_str()), (2, "2"));
    assert!(tribute.heading_edited);
    let order: Vec<(String, String)> = store
        .minutes(m.id)
        .expect("minutes")
        .into_iter()
        .map(|n| (n.label, n.heading))
        .collect();
    assert_eq!(
        order,
        [
            ("1", "Apologies"),
            ("2", "Tribute \u{2013} the late Councillor X"),
            ("3", "Budget"),
            ("4", "Libraries")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let text = printed(&store, m.id, Language::En, Visibility::Public);
    assert!(
        text.contains("2\tTRIBUTE \u{2013} THE LATE COUNCILLOR X \u{2013}"),
        "{text}"
    );
    let err = store
        .add_minute_at(m.id, None, "   ", Some(1))
        .expect_err("no heading");
    assert!(err.to_string().contains("Minute heading"), "{err}");
    let err = store
        .add_minute_at(m.id, None, "Another", Some(9))
        .expect_err("no such place");
    assert!(err.to_string().contains("between 1 and 5"), "{err}");
    assert_eq!(store.minutes(m.id).expect("minutes").len(), 4);
}

#[test]
fn a_heading_follows_its_item_until_edited_and_changes_after_publication_are_audited() {
    let (_dir, mut store, body) = council();
    let m = new_meeting(&mut store, body.id, d(2015, 1, 5));
    let budget = item(&mut store, m.id, "Budget");
    let libraries = item(&mut store, m.id, "Libraries");
    let b = store.add_minute(m.id, Some(budget.id), "").expect("minute");
    let l = store
        .add_minute(m.id, Some(libraries.id), "")
        .expect("minute");
    assert!(!b.heading_edited);

    // The clerk edits one heading; then both titles change on the agenda.
    store
        .set_minute_heading(l.id, "Library Service Review")
        .expect("heading");
    let mut n = as_new(&budget);
    n.title_en = "Revenue Budget 2015/16".into();
    store.update_agenda_item(budget.id, &n).expect("title");
    let mut n = as_new(&libraries);
    n.title_en = "Libraries Strategy".into();
    store.update_agenda_item(libraries.id, &n).expect("title");
    let headings: Vec<(String, bool)> = store
        .minutes(m.id)
        .expect("minutes")
        .into_iter()
        .map(|x| (x.heading, x.heading_edited))
        .collect();
    assert_eq!(
        headings,
        [
            ("Revenue Budget 2015/16".to_string(), false),
            ("Library Service Review".to_string(), true)
        ]
    );

    // After the draft is published a heading still changes, and the change is audited.
    store.publish_draft(m.id).expect("publish");
    let before = audit_count(&store, m.id);
    store
        .set_minute_heading(b.id, "Revenue Budget")
        .expect("heading");
    let log = store.audit_log(m.id).expect("audit");
    assert_eq!(log.len(), before + 1);
    let last = log.last().expect("entry");
    assert_eq!(
        (last.table.as_str(), last.row_id.clone()),
        ("minute", b.id.to_string())
    );
    assert!(last
        .after
        .as_deref()
        .unwrap_or("")
        .contains("Revenue Budget"));
}

#[test]
fn signed_minutes_keep_their_headings() {
    let (_dir, mut store, ids) = demo_store();
    let signed = store.minutes(ids.previous_meeting).expect("minutes");
    let before = snapshot(&store);
    let err = store
        .set_minute_heading(signed[0].id, "Something else")
        .expect_err("signed");
    assert!(
        err.to_string().contains("signed minutes cannot be changed"),
        "{err}"
    );
    assert_eq!(snapshot(&store), before);
}

#[test]
fn the_editor_is_given_the_apologies_and_declarations_sentences_as_they_print() {
    let (_dir, store, ids) = demo_store();
    let rec = store.meeting_record(ids.meeting).expect("record");
    let texts = |n: usize, lang| -> Vec<String> {
        generated_minute_lines(&rec, rec.minutes[n].minute.id, lang)
            .into_iter()
            .filter_map(|l| match l {
                Line::Paragraph(t) => Some(t),
                Line::Limb { text, .. } | Line::Decision { text, .. } => Some(text),
                _ => None,
            })
            .collect()
    };
    let apologies = texts(0, Language::En);
    assert_eq!(apologies.len(), 1);
    assert!(
        apologies[0].starts_with("These were received from Councillors"),
        "{apologies:?}"
    );
    let printed = printed(&store, ids.meeting, Language::En, Visibility::Confidential);
    assert!(printed.contains(&apologies[0]));
    // The approval of December's minutes, read-only in the editor as it prints.
    assert_eq!(
        texts(1, Language::En),
        ["T H A T the minutes of the meeting held on 1st December, 2014 be approved as a correct record."]
    );
    assert_eq!(
        texts(1, Language::Cy),
        ["B O D cofnodion y cyfarfod a gynhaliwyd ar 1 Rhagfyr 2014 yn cael eu cymeradwyo fel cofnod cywir."]
    );
}

#[test]
fn approval_subject_to_amendments_is_a_decision_of_the_approving_meeting_and_shows_on_the_approved_one(
) {
    let (_dir, mut store, body) = council();
    let october = new_meeting(&mut store, body.id, d(2012, 10, 8));
    let i = item(&mut store, october.id, "Budget");
    let n = store
        .add_minute(october.id, Some(i.id), "")
        .expect("minute");
    store
        .add_block(
            n.id,
            &BlockContent::Narrative {
                text: "Members discussed the unsafe state of the budget.".into(),
            },
        )
        .expect("block");
    let november = new_meeting(&mut store, body.id, d(2012, 11, 12));
    store.add_standing_items(november.id).expect("standing");
    let special = store
        .add_meeting(&NewMeeting {
            kind: MeetingKind::Special,
            ..meeting_details(body.id, d(2012, 11, 1))
        })
        .expect("special");
    store.publish_draft(october.id).expect("publish");

    // Warnings, not refusals.
    assert_eq!(
        store.approval_warnings(october.id, special.id).expect("warnings"),
        [
            "the meeting held on 1st November, 2012 is a special meeting; minutes are usually approved at the next ordinary meeting",
            "the next ordinary meeting after the meeting held on 8th October, 2012 is the one held on 12th November, 2012, not the one held on 1st November, 2012"
        ]
    );
    let warnings = store
        .approval_warnings(october.id, november.id)
        .expect("warnings");
    assert!(warnings.is_empty(), "{warnings:?}");

    store
        .approve_minutes(
            october.id,
            &Approval {
                at_meeting_id: november.id,
                amendments: vec![
                    "Page 3 \u{2013} delete 'unsafe' to read 'difficult'".into(),
                    "it being recorded that Councillor E. Williams had, in fact, been present"
                        .into(),
                ],
            },
        )
        .expect("approve");

    // The approving meeting minutes it under its "previous minutes" item, as a recommendation.
    let text = printed(&store, november.id, Language::En, Visibility::Public);
    assert!(
        text.contains(
            "RECOMMENDED \u{2013} T H A T the minutes of the meeting held on 8th October, 2012 be approved as a correct record subject to:\n\n\
             \u{2013}\tPage 3 \u{2013} delete 'unsafe' to read 'difficult'.\n\n\
             \u{2013}\tit being recorded that Councillor E. Williams had, in fact, been present.\n\n"
        ),
        "{text}"
    );
    let cy = printed(&store, november.id, Language::Cy, Visibility::Public);
    assert!(
        cy.contains("ARGYMHELLWYD \u{2013} B O D cofnodion y cyfarfod a gynhaliwyd ar 8 Hydref 2012 yn cael eu cymeradwyo fel cofnod cywir yn amodol ar:\n\n\u{2013}\tPage 3"),
        "{cy}"
    );

    // The approved meeting shows the approval and the same amendment rows; its minutes stay.
    let rec = store.meeting_record(october.id).expect("record");
    let approving = store.meeting_record(november.id).expect("record");
    assert_eq!(approving.approvals.len(), 1);
    assert_eq!(approving.approvals[0].amendments, rec.amendments);
    let limb = approving
        .minutes
        .iter()
        .flat_map(|m| &m.resolutions)
        .find(|r| r.approves_meeting_id == Some(october.id))
        .expect("approving limb");
    let minute = approving
        .minutes
        .iter()
        .find(|m| m.minute.id == limb.minute_id)
        .expect("minute");
    assert_eq!(
        rec.approved_at_minute.as_deref(),
        Some(minute.minute.label.as_str())
    );
    let text = printed(&store, october.id, Language::En, Visibility::Public);
    assert!(text.contains("Members discussed the unsafe state of the budget."));
    assert!(
        text.contains(&format!(
            "Approved, as amended, at the meeting held on 12th November, 2012, minute {}:\n\n\u{2013}\tPage 3",
            minute.minute.label
        )),
        "{text}"
    );

    // The register lists the approval as a decision.
    let rows: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM register_row WHERE meeting_id = ?1 AND text LIKE '%approved as a correct record subject to%Page 3%'",
            [november.id.to_string()],
            |r| r.get(0),
        )
        .expect("register");
    assert_eq!(rows, 1);

    // The limb is written from the approval: its words cannot be retyped, nor it removed.
    let err = store
        .update_resolution(limb.id, &limb_input("the minutes be approved"))
        .expect_err("retyped");
    assert!(err.to_string().contains("records the approval"), "{err}");
    let err = store.remove_resolution(limb.id).expect_err("removed");
    assert!(err.to_string().contains("cannot be removed"), "{err}");
    // The approving meeting can still publish though the limb gives no reason.
    store.publish_draft(november.id).expect("publish");
}

fn limb_input(text: &str) -> NewResolution {
    limb(text)
}

#[test]
fn a_minute_moved_to_part_2_before_publication_leaves_the_public_minutes() {
    let (_dir, mut store, body) = council();
    let m = new_meeting(&mut store, body.id, d(2015, 1, 5));
    let contract = item(&mut store, m.id, "Care Home Contract");
    let n = store
        .add_minute(m.id, Some(contract.id), "")
        .expect("minute");
    store
        .add_block(
            n.id,
            &BlockContent::Narrative {
                text: "The tender from Xylophone Care Limited was the lowest.".into(),
            },
        )
        .expect("block");
    store
        .add_resolution(n.id, &limb("the Xylophone tender be accepted"))
        .expect("limb");
    let mut exempt = as_new(&contract);
    exempt.part = ItemPart::Exempt;
    exempt.exempt_paragraphs = vec!["14".into()];
    exempt.public_interest =
        "The public interest in keeping the tenders confidential outweighs disclosure.".into();
    store
        .update_agenda_item(contract.id, &exempt)
        .expect("part 2");

    let public = printed(&store, m.id, Language::En, Visibility::Public);
    assert!(!public.contains("Xylophone"), "{public}");
    assert!(public.contains("press and public be excluded"), "{public}");
    let confidential = printed(&store, m.id, Language::En, Visibility::Confidential);
    assert!(confidential.contains("Xylophone Care Limited"));
    let hits = store
        .search_register(&RegisterQuery {
            text: "Xylophone".into(),
            ..Default::default()
        })
        .expect("search");
    assert!(
        hits.is_empty(),
        "the public register lists a Part 2 decision"
    );

    // Back to Part 1 while drafting: public again.
    store
        .update_agenda_item(contract.id, &as_new(&contract))
        .expect("part 1");
    assert!(printed(&store, m.id, Language::En, Visibility::Public).contains("Xylophone"));

    // Once published, the move is refused and nothing changes.
    store.publish_draft(m.id).expect("publish");
    let before = snapshot(&store);
    let err = store
        .update_agenda_item(contract.id, &exempt)
        .expect_err("published");
    assert!(
        err.to_string().contains(
            "the minutes of this meeting are published: an item cannot move to or from Part 2"
        ),
        "{err}"
    );
    assert_eq!(snapshot(&store), before);
}
