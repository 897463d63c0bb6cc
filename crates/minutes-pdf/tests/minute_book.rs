//! Loose-leaf minute book, end to end: signing counts the printed pages of the book's copy, and
//! printing a signed meeting carries its book pages, consecutive across the municipal year and
//! from 1 again in the next; drafts and translations carry none.

mod common;

use common::poppler;
use minutes_core::input::*;
use minutes_core::render::Visibility;
use minutes_core::*;
use minutes_pdf::{minute_book_page_count, print_meeting};
use minutes_store::testing::{d, new_meeting};
use minutes_store::{demo, Store};
use uuid::Uuid;

/// A few minutes of reported speech, enough for more than one page.
fn minute_some_business(store: &mut Store, meeting: Uuid, topic: &str) {
    for n in 1..=4 {
        let m = store
            .add_minute(meeting, None, &format!("{topic} update {n}"))
            .expect("minute");
        for p in 1..=3 {
            let text = format!(
                "Committee was advised that the {topic} programme (part {n}.{p}) had progressed since the last report, that the budget remained under pressure from rising demand, and that officers would report again on the options for savings, the risks to delivery and the views of partner organisations before the end of the municipal year. "
            )
            .repeat(2);
            store
                .add_block(m.id, &BlockContent::Narrative { text })
                .expect("block");
        }
    }
}

/// Publishes, approves at `at` with the chair presiding, and signs there, counting the book's pages.
fn sign(store: &mut Store, meeting: Uuid, at: Uuid, chair: Uuid) {
    store.publish_draft(meeting).expect("published");
    store
        .approve_minutes(
            meeting,
            &Approval {
                at_meeting_id: at,
                amendments: Vec::new(),
            },
        )
        .expect("approved");
    let mut a = NewAttendance::new(chair, AttendanceStatus::Present);
    a.capacity = Some(Capacity::Chair);
    store.record_attendance(at, &a).expect("chair present");
    let on = store.meeting(at).expect("approving meeting").date;
    store
        .sign_minutes(meeting, chair, on, minute_book_page_count)
        .expect("signed");
}

/// The book page printed at the foot of each page of the English public minutes.
fn printed_book_pages(store: &Store, meeting: Uuid, lang: Language) -> (Vec<Option<u32>>, u32) {
    let rec = store.meeting_record(meeting).expect("record");
    let pdf = print_meeting(&rec, lang, Visibility::Public).expect("PDF");
    let info = poppler("pdfinfo", &[], &pdf);
    let count: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("page count");
    let form = match lang {
        Language::En => "Minute Book page ",
        Language::Cy => "Llyfr Cofnodion tudalen ",
    };
    let text = poppler("pdftotext", &["-layout"], &pdf);
    let pages = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            p.split(form)
                .nth(1)
                .and_then(|rest| rest.split_whitespace().next())
                .map(|n| n.parse().expect("a page number"))
        })
        .collect();
    (pages, count)
}

#[test]
fn signed_minutes_carry_book_pages_consecutive_in_the_year_and_restarting_in_the_next() {
    let mut store = Store::open_in_memory().expect("store");
    let ids = demo::load_demo(&mut store).expect("demo");
    let mut authority = store.authority().expect("authority");
    authority.minute_book = Some(MinuteBookNumbering::Year);
    store
        .set_authority(&authority)
        .expect("loose-leaf book kept");
    let chair = store
        .people()
        .expect("people")
        .into_iter()
        .find(|p| p.name == "Mrs. E. Llewelyn")
        .expect("the demo chair")
        .id;
    let feb = store
        .list_meetings()
        .expect("meetings")
        .into_iter()
        .find(|m| m.body_id == ids.scrutiny && m.date == d(2015, 2, 2))
        .expect("February meeting")
        .id;
    let march = new_meeting(&mut store, ids.scrutiny, d(2015, 3, 2)).id;
    let june = new_meeting(&mut store, ids.scrutiny, d(2015, 6, 8)).id;
    let july = new_meeting(&mut store, ids.scrutiny, d(2015, 7, 6)).id;
    minute_some_business(&mut store, feb, "Social care");
    minute_some_business(&mut store, june, "Library");

    // A draft never carries book pages.
    let (draft, _) = printed_book_pages(&store, feb, Language::En);
    assert!(draft.iter().all(Option::is_none), "{draft:?}");

    sign(&mut store, ids.meeting, feb, chair);
    sign(&mut store, feb, march, chair);
    sign(&mut store, june, july, chair);

    // January's minutes open the book; every page carries its own number.
    let (jan_pages, jan_count) = printed_book_pages(&store, ids.meeting, Language::En);
    assert!(jan_count >= 2, "the demo minutes take more than a page");
    let expected: Vec<Option<u32>> = (1..=jan_count).map(Some).collect();
    assert_eq!(jan_pages, expected);
    // February's follow on from January's last page.
    let (feb_pages, feb_count) = printed_book_pages(&store, feb, Language::En);
    assert!(feb_count >= 2, "February's minutes take more than a page");
    let expected: Vec<Option<u32>> = (jan_count + 1..=jan_count + feb_count).map(Some).collect();
    assert_eq!(feb_pages, expected);
    // June is in the next municipal year: its book starts again at page 1.
    let (june_pages, june_count) = printed_book_pages(&store, june, Language::En);
    let expected: Vec<Option<u32>> = (1..=june_count).map(Some).collect();
    assert_eq!(june_pages, expected);

    // What the store recorded at signing is what was printed.
    let rec = store.meeting_record(feb).expect("record");
    assert_eq!(
        rec.meeting.book_pages,
        Some(BookPages {
            first: jan_count + 1,
            last: jan_count + feb_count
        })
    );

    // The book is kept in English (the demo council is bilingual): the Welsh translation is
    // not the record in the book and carries no book pages.
    let (welsh, _) = printed_book_pages(&store, feb, Language::Cy);
    assert!(welsh.iter().all(Option::is_none), "{welsh:?}");
}
