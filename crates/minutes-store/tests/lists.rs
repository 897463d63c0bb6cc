//! The lists that grow with the archive, a page at a time, on a generated archive: each page
//! holds what the whole list holds at that place, in order, with the right total; filters and
//! search find what a clerk would find by reading the whole list; the last page is partial and
//! a page past the end is empty, not an error.

mod common;

use chrono::NaiveDate;
use common::*;
use minutes_core::input::NewPerson;
use minutes_core::*;
use minutes_store::archive::{generate_archive, ArchiveSpec};
use minutes_store::Store;
use tempfile::TempDir;
use uuid::Uuid;

/// Four committees over two municipal years from May 2014, monthly: 96 meetings, two items each.
fn archive() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("archive.sqlite3")).expect("open");
    generate_archive(
        &mut store,
        &ArchiveSpec {
            bodies: 4,
            years: 2,
            meetings_per_year: 48,
            items_per_meeting: 2,
            first_year: 2014,
            seed: 7,
        },
    )
    .expect("archive");
    (dir, store)
}

fn query(time: MeetingTime, today: NaiveDate, offset: u32, limit: u32) -> MeetingQuery {
    MeetingQuery {
        time,
        today: Some(today),
        offset,
        limit: Some(limit),
        ..Default::default()
    }
}

fn ids(page: &MeetingPage) -> Vec<Uuid> {
    page.items.iter().map(|m| m.id).collect()
}

/// Every page of `q` in turn, until the total is reached.
fn all_pages(store: &Store, q: &MeetingQuery) -> Vec<MeetingSummary> {
    let mut out = Vec::new();
    let mut q = q.clone();
    loop {
        let page = store.meetings_page(&q, d(2030, 1, 1)).expect("page");
        assert!(page.items.len() <= q.limit.unwrap_or(50) as usize);
        if page.items.is_empty() {
            break;
        }
        out.extend(page.items);
        q.offset += q.limit.unwrap_or(50);
    }
    out
}

#[test]
fn every_meeting_page_by_page_newest_first_with_the_total() {
    let (_dir, store) = archive();
    let whole = store.list_meetings().expect("list");
    assert_eq!(whole.len(), 96);
    let q = query(MeetingTime::All, d(2030, 1, 1), 0, 25);
    let first = store.meetings_page(&q, d(2030, 1, 1)).expect("first page");
    assert_eq!(first.total, 96);
    assert_eq!(first.items.len(), 25);
    assert_eq!(
        first.items,
        whole[..25].to_vec(),
        "the first page is the newest 25, as the whole list orders them"
    );
    // Paging through gives the whole list once, in order; the last page holds the 21 left.
    let pages = all_pages(&store, &q);
    assert_eq!(
        pages.iter().map(|m| m.id).collect::<Vec<_>>(),
        whole.iter().map(|m| m.id).collect::<Vec<_>>()
    );
    let last = store
        .meetings_page(
            &MeetingQuery {
                offset: 75,
                ..q.clone()
            },
            d(2030, 1, 1),
        )
        .expect("last page");
    assert_eq!(last.items.len(), 21);
    assert_eq!(last.total, 96);
    let past_end = store
        .meetings_page(
            &MeetingQuery {
                offset: 500,
                ..q.clone()
            },
            d(2030, 1, 1),
        )
        .expect("a page past the end is not an error");
    assert!(past_end.items.is_empty());
    assert_eq!(past_end.total, 96);
    assert!(
        first.items.iter().all(|m| m.item_count == 2),
        "each meeting counts its two items"
    );
}

#[test]
fn upcoming_meetings_come_soonest_first_and_past_ones_most_recent_first() {
    let (_dir, store) = archive();
    let whole = store.list_meetings().expect("list");
    let today = d(2015, 6, 1);
    let upcoming = store
        .meetings_page(&query(MeetingTime::Upcoming, today, 0, 10), today)
        .expect("upcoming");
    let past = store
        .meetings_page(&query(MeetingTime::Past, today, 0, 10), today)
        .expect("past");
    let later: Vec<&MeetingSummary> = whole.iter().filter(|m| m.date >= today).collect();
    let earlier: Vec<&MeetingSummary> = whole.iter().filter(|m| m.date < today).collect();
    assert_eq!(upcoming.total as usize, later.len());
    assert_eq!(past.total as usize, earlier.len());
    assert_eq!(upcoming.total + past.total, 96);
    assert!(upcoming.items.iter().all(|m| m.date >= today));
    assert!(
        upcoming.items.windows(2).all(|w| w[0].date <= w[1].date),
        "soonest first"
    );
    assert_eq!(
        upcoming.items[0].date,
        later.iter().map(|m| m.date).min().expect("some later")
    );
    assert!(past.items.iter().all(|m| m.date < today));
    assert!(
        past.items.windows(2).all(|w| w[0].date >= w[1].date),
        "most recent first"
    );
    assert_eq!(
        ids(&past),
        earlier.iter().take(10).map(|m| m.id).collect::<Vec<_>>()
    );
    // Long after the archive ends, "recent" still shows its last meetings, not nothing.
    let later_on = d(2026, 11, 27);
    let recent = store
        .meetings_page(&query(MeetingTime::Past, later_on, 0, 10), later_on)
        .expect("recent");
    assert_eq!(recent.items.len(), 10);
    assert_eq!(recent.items[0].id, whole[0].id);
    let none = store
        .meetings_page(&query(MeetingTime::Upcoming, later_on, 0, 10), later_on)
        .expect("none upcoming");
    assert_eq!((none.total, none.items.len()), (0, 0));
}

#[test]
fn filters_narrow_the_meetings_to_a_committee_dates_and_minutes_status() {
    let (_dir, store) = archive();
    let whole = store.list_meetings().expect("list");
    let cabinet = whole
        .iter()
        .find(|m| m.body_name == "Cabinet")
        .expect("a Cabinet meeting")
        .body_id;
    let q = MeetingQuery {
        body_id: Some(cabinet),
        from: Some(d(2014, 9, 1)),
        to: Some(d(2015, 3, 31)),
        limit: Some(5),
        ..Default::default()
    };
    let expected: Vec<Uuid> = whole
        .iter()
        .filter(|m| m.body_id == cabinet && m.date >= d(2014, 9, 1) && m.date <= d(2015, 3, 31))
        .map(|m| m.id)
        .collect();
    assert!(
        expected.len() > 5,
        "the filter finds more than a page ({})",
        expected.len()
    );
    let page = store.meetings_page(&q, d(2030, 1, 1)).expect("filtered");
    assert_eq!(page.total as usize, expected.len());
    assert_eq!(ids(&page), expected[..5].to_vec());
    assert_eq!(
        all_pages(&store, &q)
            .iter()
            .map(|m| m.id)
            .collect::<Vec<_>>(),
        expected
    );

    let statuses: std::collections::BTreeSet<&str> =
        whole.iter().map(|m| m.minutes_status.as_str()).collect();
    for st in MinutesStatus::ALL {
        let q = MeetingQuery {
            minutes_status: Some(*st),
            limit: Some(500),
            ..Default::default()
        };
        let page = store.meetings_page(&q, d(2030, 1, 1)).expect("by status");
        let n = whole.iter().filter(|m| m.minutes_status == *st).count();
        assert_eq!(page.total as usize, n, "{st:?} among {statuses:?}");
        assert!(page.items.iter().all(|m| m.minutes_status == *st));
    }

    let unknown = store.meetings_page(
        &MeetingQuery {
            body_id: Some(Uuid::now_v7()),
            ..Default::default()
        },
        d(2030, 1, 1),
    );
    assert!(
        unknown.is_err(),
        "an unknown committee is an error, not an empty list"
    );
    let backwards = MeetingQuery {
        from: Some(d(2015, 1, 1)),
        to: Some(d(2014, 1, 1)),
        ..Default::default()
    };
    let err = store
        .meetings_page(&backwards, d(2030, 1, 1))
        .expect_err("dates the wrong way round");
    assert!(err.to_string().contains("end is before the start"), "{err}");
}

#[test]
fn a_search_finds_meetings_by_committee_words_in_either_language_item_titles_and_date() {
    let (_dir, store) = archive();
    let whole = store.list_meetings().expect("list");
    let search = |text: &str| {
        store
            .meetings_page(
                &MeetingQuery {
                    text: text.into(),
                    limit: Some(500),
                    ..Default::default()
                },
                d(2030, 1, 1),
            )
            .expect("search")
    };
    let scrutiny = search("scrutiny health");
    let expected = whole
        .iter()
        .filter(|m| m.body_name == "Scrutiny Committee (Social Care and Health)")
        .count();
    assert!(expected > 0);
    assert_eq!(
        scrutiny.total as usize, expected,
        "both words, in any case, in the committee's name"
    );
    // The committee's Welsh name finds the same meetings; "scrutiny" alone finds both committees'.
    assert_eq!(search("craffu iechyd").total as usize, expected);
    assert_eq!(
        search("scrutiny").total as usize,
        whole
            .iter()
            .filter(|m| m.body_name.starts_with("Scrutiny"))
            .count()
    );
    // A date as a clerk writes it, and a month as stored.
    let one = &whole[40];
    let on_day = search(&one.date.format("%-d/%-m/%Y").to_string());
    assert!(on_day.items.iter().any(|m| m.id == one.id));
    assert!(on_day.items.iter().all(|m| m.date == one.date));
    let month = one.date.format("%Y-%m").to_string();
    let in_month = search(&month);
    assert_eq!(
        in_month.total as usize,
        whole
            .iter()
            .filter(|m| m.date.to_string().starts_with(&month))
            .count()
    );
    // An agenda item's title finds its meeting.
    let title: String = store
        .meeting_record(one.id)
        .expect("record")
        .agenda
        .iter()
        .map(|i| i.title_en.clone())
        .find(|t| t.split_whitespace().count() >= 2)
        .expect("an item with a title");
    let found = search(&title);
    assert!(
        found.items.iter().any(|m| m.id == one.id),
        "'{title}' finds its meeting"
    );
    // Nothing found is an empty page; wildcards are letters.
    assert_eq!(search("zzzz").total, 0);
    assert_eq!(search("%").total, 0);
    assert!(store
        .meetings_page(
            &MeetingQuery {
                text: "x".repeat(300),
                ..Default::default()
            },
            d(2030, 1, 1)
        )
        .is_err());
}

#[test]
fn people_page_by_page_by_surname_with_a_name_search() {
    let (_dir, mut store, _) = demo_store();
    for i in 0..60 {
        store
            .add_person(&NewPerson {
                honorific: "Councillor".into(),
                name: format!("{}. Pritchard{i:02}", ["A", "B", "C"][i % 3]),
                kind: PersonKind::Member,
                title: String::new(),
            })
            .expect("person");
    }
    let everyone: Vec<Person> = store
        .people()
        .expect("people")
        .into_iter()
        .filter(|p| !p.retired)
        .collect();
    let page = |text: &str, offset: u32, limit: u32| {
        store
            .people_page(&PersonQuery {
                text: text.into(),
                retired: false,
                offset,
                limit: Some(limit),
            })
            .expect("people page")
    };
    let first = page("", 0, 20);
    assert_eq!(first.total as usize, everyone.len());
    assert_eq!(
        first.items,
        everyone[..20].to_vec(),
        "by surname, as the pick lists order them"
    );
    let mut all = Vec::new();
    let mut offset = 0;
    loop {
        let p = page("", offset, 20);
        if p.items.is_empty() {
            break;
        }
        all.extend(p.items);
        offset += 20;
    }
    assert_eq!(all, everyone);
    let pritchards = page("pritchard", 0, 25);
    assert_eq!(pritchards.total, 60);
    assert_eq!(pritchards.items.len(), 25);
    assert!(pritchards
        .items
        .iter()
        .all(|p| p.name.contains("Pritchard")));
    let last = page("pritchard", 50, 25);
    assert_eq!(last.items.len(), 10, "the last page is partial");
    assert_eq!(last.items[9].name, "C. Pritchard59");
    assert!(page("pritchard", 100, 25).items.is_empty());
    assert_eq!(
        page("b. pritchard", 0, 50).total,
        20,
        "every word must be found"
    );
}

#[test]
fn the_audit_log_comes_newest_first_a_page_at_a_time() {
    let (_dir, store) = archive();
    let meeting = store.list_meetings().expect("list")[30].id;
    let whole = store.audit_log(meeting).expect("the whole log");
    assert!(whole.len() >= 3, "{} entries", whole.len());
    let mut seen = Vec::new();
    let mut before = None;
    loop {
        let page = store
            .audit_page(
                meeting,
                &AuditQuery {
                    before,
                    limit: Some(2),
                },
            )
            .expect("page");
        assert_eq!(page.total as usize, whole.len());
        assert!(page.entries.len() <= 2);
        assert!(
            page.entries.windows(2).all(|w| w[0].seq > w[1].seq),
            "newest first"
        );
        seen.extend(page.entries.iter().map(|e| e.seq));
        before = page.entries.last().map(|e| e.seq);
        if !page.more {
            break;
        }
    }
    let mut oldest_first: Vec<i64> = whole.iter().map(|e| e.seq).collect();
    oldest_first.reverse();
    assert_eq!(seen, oldest_first, "every entry once, newest first");
    let past = store
        .audit_page(
            meeting,
            &AuditQuery {
                before: Some(0),
                limit: None,
            },
        )
        .expect("past the end");
    assert!(past.entries.is_empty() && !past.more);
    assert!(store
        .audit_page(Uuid::now_v7(), &AuditQuery::default())
        .is_err());

    let setup = store.setup_audit_log().expect("set-up log");
    let page = store
        .setup_audit_page(&AuditQuery {
            before: None,
            limit: Some(3),
        })
        .expect("set-up page");
    assert_eq!(page.total as usize, setup.len());
    assert_eq!(page.more, setup.len() > 3);
    assert_eq!(
        page.entries.iter().map(|e| e.seq).collect::<Vec<_>>(),
        setup
            .iter()
            .rev()
            .take(3)
            .map(|e| e.seq)
            .collect::<Vec<_>>()
    );
}

#[test]
fn open_referrals_page_by_page_overdue_first_as_the_referrals_view_orders_them() {
    let (_dir, mut store, ids) = demo_store();
    let today = d(2015, 6, 1);
    // Incoming referrals from Cabinet: overdue, due within the fortnight, and due later.
    for (sent, due) in [(1, 20), (3, 5), (2, 20), (5, 10), (4, 30), (5, 25), (4, 2)] {
        store
            .add_referral(&minutes_core::input::NewReferral {
                resolution_id: None,
                from_body_id: Some(ids.cabinet),
                to_body_id: Some(ids.scrutiny),
                to_external: String::new(),
                purpose: ReferralPurpose::ForConsultation,
                sent_on: d(2015, sent, 1),
                response_due: Some(d(2015, 6, due)),
            })
            .expect("referral");
    }
    let whole = store.referrals_view(None, today).expect("view");
    assert!(whole.len() >= 8, "{} open referrals", whole.len());
    assert!(whole
        .iter()
        .any(|c| c.urgency == Some(ReferralUrgency::Overdue)));
    let ids = |v: &[ReferralChain]| v.iter().map(|c| c.referral.id).collect::<Vec<_>>();
    let mut all = Vec::new();
    let mut offset = 0;
    loop {
        let p = store
            .referrals_page(
                &ReferralQuery {
                    offset,
                    limit: Some(1),
                    ..Default::default()
                },
                today,
            )
            .expect("page");
        assert_eq!(p.total as usize, whole.len());
        if p.items.is_empty() {
            break;
        }
        all.extend(p.items);
        offset += 1;
    }
    assert_eq!(
        ids(&all),
        ids(&whole),
        "the same referrals in the same order"
    );
    let first = store
        .referrals_page(
            &ReferralQuery {
                limit: Some(1),
                ..Default::default()
            },
            today,
        )
        .expect("first");
    let urgent = |u: ReferralUrgency| whole.iter().filter(|c| c.urgency == Some(u)).count() as u32;
    assert_eq!(
        (first.overdue, first.due_soon),
        (
            urgent(ReferralUrgency::Overdue),
            urgent(ReferralUrgency::DueSoon)
        )
    );
    assert!(first.due_soon > 0, "some are due within the fortnight");
    let overdue = store
        .referrals_page(
            &ReferralQuery {
                overdue_only: true,
                limit: Some(500),
                ..Default::default()
            },
            today,
        )
        .expect("overdue");
    assert_eq!(
        overdue.total as usize,
        whole
            .iter()
            .filter(|c| c.urgency == Some(ReferralUrgency::Overdue))
            .count()
    );
    assert!(overdue
        .items
        .iter()
        .all(|c| c.urgency == Some(ReferralUrgency::Overdue)));
}

#[test]
fn a_retired_person_reinstated_is_back_in_the_pick_lists() {
    let (_dir, mut store, _) = demo_store();
    let person = store
        .add_person(&NewPerson {
            honorific: "Councillor".into(),
            name: "Mrs. S. Rees".into(),
            kind: PersonKind::Member,
            title: String::new(),
        })
        .expect("person");
    let listed = |store: &Store| {
        store
            .people_page(&PersonQuery {
                text: "Rees".into(),
                retired: false,
                offset: 0,
                limit: None,
            })
            .expect("people page")
            .items
            .iter()
            .any(|p| p.id == person.id)
    };
    assert!(listed(&store));
    store.retire_person(person.id).expect("retire");
    assert!(!listed(&store), "retired: gone from the pick lists");
    store.reinstate_person(person.id).expect("reinstate");
    assert!(listed(&store), "reinstated: back in the pick lists");
    let again = store.people().expect("people");
    let p = again
        .iter()
        .find(|p| p.id == person.id)
        .expect("still there");
    assert!(!p.retired);
    assert_eq!(p.name, "Mrs. S. Rees");
    let nobody = Uuid::now_v7();
    assert_eq!(
        store.reinstate_person(nobody).map_err(|e| e.code()).err(),
        Some(ErrorCode::NotFound)
    );
}
