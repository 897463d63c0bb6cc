//! Loose-leaf minute book (Sch 12 para 41(2)): signing gives minutes consecutive book pages.
//! The page counts here stand in for the printed copy's; minutes-pdf's tests count real pages.

mod common;

use common::*;
use minutes_core::input::*;
use minutes_core::*;
use minutes_store::Store;
use uuid::Uuid;

fn keep_loose_leaf_book(store: &mut Store, numbering: Option<MinuteBookNumbering>) {
    let mut a = store.authority().unwrap();
    a.minute_book = numbering;
    store.set_authority(&a).unwrap();
}

fn chair(store: &Store) -> Person {
    store
        .people()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Mrs. E. Llewelyn")
        .unwrap()
}

/// Publishes the minutes of `meeting`, approves them at `at` with the chair presiding, and
/// signs them there, the book's copy taking `pages` pages.
fn sign(store: &mut Store, meeting: Uuid, at: &Meeting, pages: u32) -> Result<(), String> {
    let chair = chair(store);
    store.publish_draft(meeting).map_err(|e| e.to_string())?;
    store
        .approve_minutes(
            meeting,
            &Approval {
                at_meeting_id: at.id,
                amendments: Vec::new(),
            },
        )
        .map_err(|e| e.to_string())?;
    let presiding = store.meeting_record(at.id).map_err(|e| e.to_string())?;
    if !presiding.attendance.iter().any(|a| a.person_id == chair.id) {
        let mut a = NewAttendance::new(chair.id, AttendanceStatus::Present);
        a.capacity = Some(Capacity::Chair);
        store
            .record_attendance(at.id, &a)
            .map_err(|e| e.to_string())?;
    }
    store
        .sign_minutes(meeting, chair.id, at.date, |rec: &MeetingRecord| {
            // The counter is shown the minutes as they will be printed once signed.
            assert_eq!(rec.meeting.id, meeting);
            assert_eq!(rec.meeting.minutes_status, MinutesStatus::Signed);
            assert_eq!(rec.meeting.signed_by_person_id, Some(chair.id));
            assert!(
                rec.person(chair.id).is_some(),
                "the signer is in the record"
            );
            Ok::<u32, String>(pages)
        })
        .map_err(|e| e.to_string())
}

fn book_pages(store: &Store, meeting: Uuid) -> Option<(u32, u32)> {
    store
        .meeting_record(meeting)
        .unwrap()
        .meeting
        .book_pages
        .map(|p| (p.first, p.last))
}

/// The demo's January meeting, then February, then a meeting of the next municipal year.
fn three_meetings(store: &mut Store, scrutiny: Uuid) -> (Meeting, Meeting, Meeting, Meeting) {
    let feb = store
        .list_meetings()
        .unwrap()
        .into_iter()
        .find(|m| m.body_id == scrutiny && m.date == d(2015, 2, 2))
        .unwrap();
    let feb = store.meeting(feb.id).unwrap();
    let march = new_meeting(store, scrutiny, d(2015, 3, 2));
    let june = new_meeting(store, scrutiny, d(2015, 6, 8));
    let july = new_meeting(store, scrutiny, d(2015, 7, 6));
    (feb, march, june, july)
}

#[test]
fn book_pages_follow_on_within_the_municipal_year_and_restart_in_the_next() {
    let (_dir, mut store, ids) = demo_store();
    keep_loose_leaf_book(&mut store, Some(MinuteBookNumbering::Year));
    assert_eq!(
        store.authority().unwrap().minute_book,
        Some(MinuteBookNumbering::Year)
    );
    let (feb, march, june, july) = three_meetings(&mut store, ids.scrutiny);

    // Drafts and approved minutes have no book pages; the demo's December minutes were signed
    // before the book was kept, so January's start the book.
    assert_eq!(book_pages(&store, ids.meeting), None);
    assert_eq!(book_pages(&store, ids.previous_meeting), None);
    sign(&mut store, ids.meeting, &feb, 3).unwrap();
    assert_eq!(book_pages(&store, ids.meeting), Some((1, 3)));
    sign(&mut store, feb.id, &march, 2).unwrap();
    assert_eq!(book_pages(&store, feb.id), Some((4, 5)));
    // June 2015 is in the municipal year that began in May: a new book year, from page 1.
    sign(&mut store, june.id, &july, 4).unwrap();
    assert_eq!(book_pages(&store, june.id), Some((1, 4)));
    // March's minutes, signed after June's, still follow on in their own year's book.
    sign(&mut store, march.id, &july, 1).unwrap();
    assert_eq!(book_pages(&store, march.id), Some((6, 6)));
}

#[test]
fn a_continuous_book_runs_on_across_municipal_years() {
    let (_dir, mut store, ids) = demo_store();
    keep_loose_leaf_book(&mut store, Some(MinuteBookNumbering::Continuous));
    let (feb, march, june, july) = three_meetings(&mut store, ids.scrutiny);
    sign(&mut store, ids.meeting, &feb, 3).unwrap();
    sign(&mut store, feb.id, &march, 2).unwrap();
    sign(&mut store, june.id, &july, 4).unwrap();
    assert_eq!(book_pages(&store, ids.meeting), Some((1, 3)));
    assert_eq!(book_pages(&store, feb.id), Some((4, 5)));
    assert_eq!(book_pages(&store, june.id), Some((6, 9)));
}

#[test]
fn without_a_loose_leaf_book_signing_counts_no_pages() {
    let (_dir, mut store, ids) = demo_store();
    let (feb, ..) = three_meetings(&mut store, ids.scrutiny);
    let chair = chair(&store);
    store.publish_draft(ids.meeting).unwrap();
    store
        .approve_minutes(
            ids.meeting,
            &Approval {
                at_meeting_id: feb.id,
                amendments: Vec::new(),
            },
        )
        .unwrap();
    let mut a = NewAttendance::new(chair.id, AttendanceStatus::Present);
    a.capacity = Some(Capacity::Chair);
    store.record_attendance(feb.id, &a).unwrap();
    // `no_book` fails if it is asked.
    store
        .sign_minutes(ids.meeting, chair.id, feb.date, no_book)
        .unwrap();
    let rec = store.meeting_record(ids.meeting).unwrap();
    assert_eq!(rec.meeting.minutes_status, MinutesStatus::Signed);
    assert_eq!(rec.meeting.book_pages, None);
}

#[test]
fn when_the_pages_cannot_be_counted_nothing_is_signed() {
    let (_dir, mut store, ids) = demo_store();
    keep_loose_leaf_book(&mut store, Some(MinuteBookNumbering::Year));
    let (feb, ..) = three_meetings(&mut store, ids.scrutiny);
    let err = sign(&mut store, ids.meeting, &feb, 0).unwrap_err();
    assert!(err.contains("has no pages"), "{err}");
    let chair = chair(&store);
    let err = store
        .sign_minutes(ids.meeting, chair.id, feb.date, |_| {
            Err::<u32, _>("the printer's font is missing")
        })
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("minutes were not signed") && err.contains("the printer's font is missing"),
        "{err}"
    );
    let m = store.meeting(ids.meeting).unwrap();
    assert_eq!(m.minutes_status, MinutesStatus::Approved);
    assert_eq!((m.signed_by_person_id, m.book_pages), (None, None));
    // Once the pages can be counted, the minutes sign and take the first page.
    store
        .sign_minutes(ids.meeting, chair.id, feb.date, |_| Ok::<u32, String>(2))
        .unwrap();
    assert_eq!(book_pages(&store, ids.meeting), Some((1, 2)));
}

#[test]
fn book_pages_of_signed_minutes_cannot_be_changed_or_given_to_drafts() {
    let (dir, mut store, ids) = demo_store();
    keep_loose_leaf_book(&mut store, Some(MinuteBookNumbering::Year));
    let (feb, march, ..) = three_meetings(&mut store, ids.scrutiny);
    sign(&mut store, ids.meeting, &feb, 3).unwrap();
    drop(store);
    // Straight SQL, past the library: the database itself refuses.
    let conn = rusqlite::Connection::open(dir.path().join("cofnod.sqlite3")).unwrap();
    let err = conn
        .execute(
            "UPDATE meeting SET book_first_page = 7, book_last_page = 9 WHERE id = ?1",
            [ids.meeting.to_string()],
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("signed minutes cannot be changed"),
        "{err}"
    );
    let err = conn
        .execute(
            "UPDATE meeting SET book_first_page = 4, book_last_page = 4 WHERE id = ?1",
            [march.id.to_string()],
        )
        .unwrap_err();
    assert!(err.to_string().contains("signed minutes only"), "{err}");
}
