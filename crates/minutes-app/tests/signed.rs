//! Signed means frozen: signing keeps the minutes as printed, in every edition, and every later
//! print is that file byte for byte, whatever is renamed since; a kept file changed outside
//! Cofnod is named by the check of the record and never handed out.

use std::path::PathBuf;

use chrono::NaiveDate;
use minutes_app::core::input::{Approval, NewAttendance, NewBody, NewPerson};
use minutes_app::core::{AttendanceStatus, Capacity, MinutesStatus};
use minutes_app::{Clock, Council, Edition, Output};
use uuid::Uuid;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Prints the minutes and returns the bytes the save was handed.
fn print(council: &Council, meeting: Uuid, edition: Edition) -> Vec<u8> {
    let mut got = Vec::new();
    council
        .print_minutes(meeting, edition, &mut |o: &Output| {
            got = o.bytes.clone();
            Ok(Some(PathBuf::from("unused.pdf")))
        })
        .unwrap();
    got
}

fn text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .expect("poppler's pdftotext");
    String::from_utf8_lossy(&out.stdout).replace(char::is_whitespace, " ")
}

/// The demo council with January's minutes published, approved at February's meeting and
/// signed there by the chair through the application layer, as the window signs them.
fn signed_january() -> (tempfile::TempDir, PathBuf, Council, Uuid, Uuid) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cofnod.sqlite3");
    let council = Council::open(&path, Clock::Fixed(date(2015, 2, 2))).unwrap();
    let ids = council.load_demo().unwrap();
    let chair = council
        .write(|s| s.meeting_record(ids.previous_meeting))
        .unwrap()
        .meeting
        .signed_by_person_id
        .unwrap();
    let feb = council
        .write(|s| s.list_meetings())
        .unwrap()
        .into_iter()
        .find(|m| m.body_id == ids.scrutiny && m.date == date(2015, 2, 2))
        .expect("the demo's February meeting")
        .id;
    let mut present = NewAttendance::new(chair, AttendanceStatus::Present);
    present.capacity = Some(Capacity::Chair);
    council
        .write(|s| s.record_attendance(feb, &present))
        .unwrap();
    council.write(|s| s.publish_draft(ids.meeting)).unwrap();
    council
        .write(|s| {
            s.approve_minutes(
                ids.meeting,
                &Approval {
                    at_meeting_id: feb,
                    amendments: vec![],
                },
            )
        })
        .unwrap();
    council
        .sign_minutes(ids.meeting, chair, date(2015, 2, 2))
        .unwrap();
    (dir, path, council, ids.meeting, chair)
}

#[test]
fn signed_minutes_print_as_signed_whatever_is_renamed_since() {
    let (_dir, _path, council, january, chair) = signed_january();
    let rec = council.write(|s| s.meeting_record(january)).unwrap();
    assert_eq!(rec.meeting.minutes_status, MinutesStatus::Signed);
    let chair_name = rec.person(chair).unwrap().name.clone();

    let editions = [
        Edition::from_flags(false, false),
        Edition::from_flags(true, false),
        Edition::from_flags(false, true),
        Edition::from_flags(true, true),
    ];
    let signed: Vec<Vec<u8>> = editions
        .iter()
        .map(|e| print(&council, january, *e))
        .collect();
    let english = text(&signed[0]);
    assert!(english.contains(&chair_name), "{english}");
    assert!(english.contains("2nd February, 2015"), "{english}");
    assert!(!english.contains("DRAFT"), "{english}");

    // The chair renamed and the committee renamed, as the people and committee editors do.
    let person = rec.person(chair).unwrap();
    council
        .write(|s| {
            s.update_person(
                chair,
                &NewPerson {
                    honorific: person.honorific.clone(),
                    name: "Z. Renamed-Afterwards".into(),
                    kind: person.kind,
                    title: person.title.clone(),
                },
            )
        })
        .unwrap();
    let body = rec.body.clone();
    let renamed = NewBody {
        name_en: "A Committee Renamed Since".into(),
        name_cy: body.name_cy.clone(),
        kind: body.kind,
        default_keyword: Some(body.default_keyword),
        chair_title: body.chair_title,
        quorum: body.quorum,
        whip_declarations_required: Some(body.whip_declarations_required),
        reasons: body.reasons,
        sequence_id: body.sequence_id,
    };
    council.write(|s| s.update_body(body.id, &renamed)).unwrap();
    // The record now names them anew, but the signed minutes print as they were signed.
    for (e, kept) in editions.iter().zip(&signed) {
        assert_eq!(
            &print(&council, january, *e),
            kept,
            "{e:?} changed after a rename"
        );
    }
    assert!(!text(&signed[0]).contains("Renamed"));
    let check = council.verify().unwrap();
    assert!(check.problems.is_empty(), "{:?}", check.problems);
}

#[test]
fn a_signed_pdf_changed_outside_cofnod_is_named_and_never_printed() {
    let (_dir, path, council, january, _chair) = signed_january();
    let before = print(&council, january, Edition::from_flags(false, false));
    // Someone with the file: the change is refused while the trigger stands...
    let raw = rusqlite::Connection::open(&path).unwrap();
    let refused = raw.execute(
        "UPDATE signed_pdf SET pdf = x'255044462d' WHERE language = 'en' AND visibility = 'public'",
        [],
    );
    assert!(refused.is_err(), "the signed PDF was changed by SQL");
    // ...and with the trigger dropped it is named by the check and not printed.
    raw.execute_batch(
        "DROP TRIGGER signed_pdf_no_update;
         UPDATE signed_pdf SET pdf = x'255044462d' WHERE language = 'en' AND visibility = 'public';",
    )
    .unwrap();
    drop(raw);
    let check = council.verify().unwrap();
    let lines: Vec<String> = check.problems.iter().map(|p| p.line()).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("signed_pdf") && l.contains("(en, public) has been changed")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("signed_pdf_no_update is missing")),
        "{lines:?}"
    );
    let mut handed = None;
    let err = council
        .print_minutes(
            january,
            Edition::from_flags(false, false),
            &mut |o: &Output| {
                handed = Some(o.bytes.clone());
                Ok(None)
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("changed outside Cofnod"), "{err}");
    assert!(handed.is_none());
    assert!(!before.is_empty());
}
