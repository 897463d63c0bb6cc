//! Real meetings as councils minute them, read back from the printed PDF with pdftotext: who
//! was present for one item only, an outside presenter in the authority's sentence, a limb
//! with a list, a single decision on one line, and a member who left for an interest recorded
//! in the item's minute; in English and Welsh.

mod common;

use common::poppler;
use minutes_core::input::*;
use minutes_core::render::{minutes_document, Visibility};
use minutes_core::*;
use minutes_pdf::{minutes_pdf, PdfOptions};
use minutes_store::demo::load_demo;
use minutes_store::testing::{d, new_meeting};
use minutes_store::Store;

fn person(store: &mut Store, honorific: &str, name: &str, kind: PersonKind, title: &str) -> Person {
    store
        .add_person(&NewPerson {
            honorific: honorific.into(),
            name: name.into(),
            kind,
            title: title.into(),
        })
        .expect("person")
}

fn resolution(keyword: Keyword, text: &str, reason: &str) -> NewResolution {
    NewResolution {
        keyword: Some(keyword),
        text: text.into(),
        reason: reason.into(),
        conditional_on: None,
        vote: String::new(),
        reason_not_needed: false,
    }
}

/// A meeting of the demo council, on a real SQLite file, minuted as a council writes it. Returns
/// the record and the agenda number of the highways item.
fn meeting() -> (MeetingRecord, u32) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("cofnod.sqlite3")).expect("store");
    let ids = load_demo(&mut store).expect("demo");
    let meeting = new_meeting(&mut store, ids.scrutiny, d(2015, 3, 2));
    // Two members vote on the highways item (one withdraws for an interest): a quorum of two
    // lets it decide without a note on the quorum (migration 12).
    store
        .conn()
        .execute(
            "UPDATE body SET quorum = 2 WHERE id = ?1",
            [ids.scrutiny.to_string()],
        )
        .expect("quorum");
    let standing = store
        .add_standing_items(meeting.id)
        .expect("standing items");
    let declarations = standing
        .iter()
        .find(|i| i.standing == Some(StandingItem::Declarations))
        .expect("the declarations item");
    let highways = store
        .add_agenda_item(meeting.id, &NewAgendaItem::report("Highways maintenance"))
        .expect("item");
    let parking = store
        .add_agenda_item(meeting.id, &NewAgendaItem::report("Car parking charges"))
        .expect("item");

    use PersonKind::*;
    let chair = person(&mut store, "Councillor", "P. Price", Member, "");
    let jones = person(&mut store, "Councillor", "A.B. Jones", Member, "");
    let smith = person(&mut store, "Councillor", "C. Smith", Member, "");
    let evans = person(&mut store, "Mr.", "D. Evans", Officer, "Head of Highways");
    let hughes = person(&mut store, "Councillor", "E. Hughes", Member, "");
    let record = |store: &mut Store, who: &Person, status, items: Vec<uuid::Uuid>| {
        let mut n = NewAttendance::new(who.id, status);
        n.for_items = items;
        store.record_attendance(meeting.id, &n).expect("attendance");
    };
    record(&mut store, &chair, AttendanceStatus::Present, vec![]);
    record(&mut store, &hughes, AttendanceStatus::Present, vec![]);
    record(
        &mut store,
        &smith,
        AttendanceStatus::AlsoPresent,
        vec![highways.id],
    );
    record(
        &mut store,
        &evans,
        AttendanceStatus::Officer,
        vec![highways.id],
    );
    record(
        &mut store,
        &jones,
        AttendanceStatus::Present,
        vec![highways.id],
    );
    store
        .add_declaration(
            meeting.id,
            &NewDeclaration {
                person_id: hughes.id,
                agenda_item_id: Some(highways.id),
                kind: DeclarationKind::Prejudicial,
                nature: "a relative is employed by the contractor".into(),
                action: Some(DeclarationAction::Withdrew),
                dispensation: String::new(),
            },
        )
        .expect("declaration");

    store
        .add_minute(meeting.id, Some(declarations.id), &declarations.title_en)
        .expect("declarations minute");
    let m = store
        .add_minute(meeting.id, Some(highways.id), &highways.title_en)
        .expect("minute");
    store
        .add_block(
            m.id,
            &BlockContent::Presentation {
                presenter_id: None,
                presenter: "Dr. A. Person".into(),
                capacity: "Director of Public Health, Hywel Dda University Health Board".into(),
                summary: "The Director outlined the winter plan.".into(),
            },
        )
        .expect("presentation");
    store
        .add_resolution(
            m.id,
            &resolution(
                Keyword::Recommended,
                "the following actions be taken:\n- write to the Minister for Transport\n- meet the Health Board about the winter plan\n- report back in June",
                "To act on the findings of the report",
            ),
        )
        .expect("limb 1");
    store
        .add_resolution(
            m.id,
            &resolution(
                Keyword::Recommended,
                "the report be noted",
                "To keep Members informed",
            ),
        )
        .expect("limb 2");
    let p = store
        .add_minute(meeting.id, Some(parking.id), &parking.title_en)
        .expect("minute");
    store
        .add_resolution(
            p.id,
            &resolution(
                Keyword::Recommended,
                "the proposed charges be referred to Cabinet",
                "So that Cabinet can decide before April",
            ),
        )
        .expect("single limb");
    let rec = store.meeting_record(meeting.id).expect("record");
    (rec, highways.position)
}

fn printed(rec: &MeetingRecord, lang: Language) -> String {
    let doc = minutes_document(rec, lang, Visibility::Public);
    let bytes = minutes_pdf(&doc, &PdfOptions::for_language(lang)).expect("PDF");
    poppler("pdftotext", &["-layout"], &bytes)
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The printed line holding `words`, and the column it starts at.
fn line_with<'a>(text: &'a str, words: &str) -> (&'a str, usize) {
    let line = text
        .lines()
        .find(|l| l.contains(words))
        .unwrap_or_else(|| panic!("no line holds {words:?} in:\n{text}"));
    (line, line.find(words).unwrap_or(0))
}

#[test]
fn people_present_for_one_item_are_listed_for_it_and_nowhere_else() {
    let (rec, highways) = meeting();
    let text = flat(&printed(&rec, Language::En));
    assert!(
        text.contains(&format!(
            "Also present for Agenda Item No. {highways}: Councillors A.B. Jones and C. Smith; Mr. D. Evans (Head of Highways)."
        )),
        "{text}"
    );
    let present =
        &text[text.find("Present:").expect("Present")..text.find("Also present for").expect("for")];
    assert!(
        !present.contains("Smith") && !present.contains("Evans") && !present.contains("Jones"),
        "{present}"
    );
    assert!(
        present.contains("Councillors E. Hughes and P. Price."),
        "{present}"
    );

    let cy = flat(&printed(&rec, Language::Cy));
    assert!(
        cy.contains(&format!(
            "Hefyd yn bresennol ar gyfer Eitem Agenda Rhif {highways}: Y Cynghorwyr A.B. Jones a C. Smith; Mr. D. Evans (Head of Highways)."
        )),
        "{cy}"
    );
}

#[test]
fn an_outside_presenter_is_named_in_the_house_sentence() {
    let (rec, _) = meeting();
    let text = flat(&printed(&rec, Language::En));
    assert!(text.contains("Dr. A. Person, Director of Public Health, Hywel Dda University Health Board, was present for this item. The Director outlined the winter plan."), "{text}");
    assert!(!text.contains("In attendance for this item"), "{text}");
    let cy = flat(&printed(&rec, Language::Cy));
    assert!(cy.contains("Roedd Dr. A. Person, Director of Public Health, Hywel Dda University Health Board, yn bresennol ar gyfer yr eitem hon."), "{cy}");
}

#[test]
fn a_list_in_a_limb_prints_one_item_a_line_indented_beyond_the_limb_text() {
    let (rec, _) = meeting();
    let text = printed(&rec, Language::En);
    let (limb, that) = line_with(&text, "T H A T the following actions be taken:");
    assert!(limb.trim_start().starts_with("(1)"), "{limb}");
    let items = [
        "write to the Minister for Transport",
        "meet the Health Board about the winter plan",
        "report back in June",
    ];
    let mut last_row = text.find(limb).expect("limb line");
    for item in items {
        let (line, at) = line_with(&text, item);
        let row = text.find(line).expect("item line");
        assert!(
            row > last_row,
            "{item:?} is printed after the line before it"
        );
        last_row = row;
        let marker = line.find('\u{2013}').expect("the dash marker");
        assert!(
            marker >= that,
            "the marker of {item:?} sits under the limb text:\n{text}"
        );
        assert!(at > marker, "{item:?} hangs beside its marker");
        assert_eq!(line.trim_start().chars().next(), Some('\u{2013}'), "{line}");
    }
    // The second limb follows the list, numbered in the limb column.
    let (second, _) = line_with(&text, "T H A T the report be noted.");
    assert!(text.find(second).expect("limb 2") > last_row);
    assert!(second.trim_start().starts_with("(2)"), "{second}");
}

#[test]
fn a_single_limb_is_one_line_with_its_keyword_and_a_singular_reason() {
    let (rec, _) = meeting();
    let text = printed(&rec, Language::En);
    let minute = &text[text
        .find("CAR PARKING CHARGES")
        .expect("the parking minute")..];
    let (line, _) = line_with(minute, "T H A T the proposed charges");
    assert!(
        line.trim_start()
            .starts_with("RECOMMENDED – T H A T the proposed charges"),
        "{line}"
    );
    assert!(
        !minute.contains("(1)"),
        "a single limb has no number:\n{minute}"
    );
    let flat_minute = flat(minute);
    assert!(
        flat_minute.contains("Reason for recommendation So that Cabinet can decide before April."),
        "{flat_minute}"
    );
    let cy = printed(&rec, Language::Cy);
    let (line, _) = line_with(&cy, "B O D the proposed charges");
    assert!(
        line.trim_start().starts_with("ARGYMHELLWYD – B O D"),
        "{line}"
    );
}

#[test]
fn a_member_who_left_for_a_prejudicial_interest_is_recorded_in_the_item_s_minute() {
    let (rec, _) = meeting();
    let text = flat(&printed(&rec, Language::En));
    let minute = &text[text
        .find("HIGHWAYS MAINTENANCE")
        .expect("the highways minute")..];
    assert!(
        minute.starts_with("HIGHWAYS MAINTENANCE – Councillor E. Hughes, having declared a prejudicial interest, left the meeting during consideration of this item. Dr. A. Person"),
        "{minute}"
    );
    let cy = flat(&printed(&rec, Language::Cy));
    assert!(cy.contains("Gadawodd y Cynghorydd E. Hughes y cyfarfod tra ystyriwyd yr eitem hon, ar ôl datgan buddiant sy'n rhagfarnu."), "{cy}");
    assert!(
        cy.contains(
            "Datganodd y Cynghorydd E. Hughes fuddiant personol a rhagfarnol yn Eitem Agenda Rhif"
        ),
        "{cy}"
    );
}
