//! The chair is styled as the body is configured: "(Chairman)" or "(Chair)", the vice-chair
//! to match, chair first, then vice-chair, then the members, read back from the printed PDF.

mod common;

use common::poppler;
use minutes_core::input::*;
use minutes_core::render::Visibility;
use minutes_core::*;
use minutes_pdf::print_meeting;
use minutes_store::testing::{d, new_meeting, set_up_council, test_authority};
use minutes_store::Store;

/// A body styled `title`, with a chair, a vice-chair and a member present at one meeting;
/// the text of its printed minutes with white space made single spaces.
fn printed(title: ChairTitle, lang: Language) -> String {
    let mut store = Store::open_in_memory().expect("store");
    let seq = set_up_council(
        &mut store,
        &Authority {
            name_en: "Test County Borough Council".into(),
            name_cy: "Cyngor Bwrdeistref Sirol Prawf".into(),
            languages: LanguagePolicy::Bilingual,
            ..test_authority()
        },
    );
    let body = store
        .add_body(&NewBody {
            name_en: "Standards Committee".into(),
            name_cy: "Pwyllgor Safonau".into(),
            kind: BodyKind::Standards,
            default_keyword: None,
            chair_title: title,
            quorum: 2,
            whip_declarations_required: None,
            reasons: ReasonsRule::NotAsked,
            sequence_id: seq.id,
        })
        .expect("body");
    let meeting = new_meeting(&mut store, body.id, d(2015, 6, 1));
    for (name, role) in [
        ("A. Member", Role::Member),
        ("Mrs. C. Chair", Role::Chair),
        ("V. Vice", Role::ViceChair),
    ] {
        let p = store
            .add_person(&NewPerson {
                honorific: "Councillor".into(),
                name: name.into(),
                kind: PersonKind::Member,
                title: String::new(),
            })
            .expect("person");
        store
            .add_membership(&NewMembership {
                person_id: p.id,
                body_id: body.id,
                role,
                from: d(2015, 5, 20),
                to: None,
            })
            .expect("membership");
        store
            .record_attendance(
                meeting.id,
                &NewAttendance::new(p.id, AttendanceStatus::Present),
            )
            .expect("present");
    }
    let rec = store.meeting_record(meeting.id).expect("record");
    let pdf = print_meeting(&rec, lang, Visibility::Public).expect("PDF");
    let text = poppler("pdftotext", &[], &pdf);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_body_styled_chairman_prints_chairman_and_vice_chairman() {
    let text = printed(ChairTitle::Chairman, Language::En);
    assert!(
        text.contains("Present: Councillor Mrs. C. Chair (Chairman); Councillor V. Vice (Vice-Chairman); Councillor A. Member."),
        "{text}"
    );
    assert!(
        !text.contains("(Chair)") && !text.contains("(Vice-Chair)"),
        "{text}"
    );
}

#[test]
fn a_body_styled_chair_prints_chair_and_vice_chair() {
    let text = printed(ChairTitle::Chair, Language::En);
    assert!(
        text.contains("Present: Councillor Mrs. C. Chair (Chair); Councillor V. Vice (Vice-Chair); Councillor A. Member."),
        "{text}"
    );
    assert!(!text.contains("Chairman"), "{text}");
}

#[test]
fn in_welsh_both_styles_print_cadeirydd_and_is_gadeirydd() {
    for title in [ChairTitle::Chair, ChairTitle::Chairman] {
        let text = printed(title, Language::Cy);
        assert!(
            text.contains("Yn bresennol: Y Cynghorydd Mrs. C. Chair (Cadeirydd); Y Cynghorydd V. Vice (Is-Gadeirydd); Y Cynghorydd A. Member."),
            "{text}"
        );
    }
}
