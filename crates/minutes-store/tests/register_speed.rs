//! The register's quick search (filters tested in memory, the index read between the first
//! and last documents that can pass, only the page's hits read in full) finds what the plain
//! search finds: the same hits in the same order, page by page, with the same "more", for
//! words, phrases, every filter alone and together, no words, and pages past the end; on a
//! generated archive with meetings entered out of date order and an exempt minute, before and
//! after the record changes.

mod common;

use common::*;
use minutes_core::input::*;
use minutes_core::*;
use minutes_store::archive::{generate_archive, sample_queries, ArchiveSpec};
use minutes_store::register::search_reference;
use minutes_store::Store;
use uuid::Uuid;

fn resolve(store: &mut Store, minute: Uuid, keyword: Keyword, text: &str) -> Uuid {
    store
        .add_resolution(
            minute,
            &NewResolution {
                keyword: Some(keyword),
                text: text.into(),
                reason: "To improve services for residents.".into(),
                conditional_on: None,
                vote: String::new(),
                reason_not_needed: false,
            },
        )
        .unwrap()
        .id
}

struct Archive {
    _dir: tempfile::TempDir,
    store: Store,
    bodies: Vec<Uuid>,
    cabinet: Uuid,
}

fn archive() -> Archive {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("archive.sqlite3")).unwrap();
    let spec = ArchiveSpec {
        bodies: 6,
        years: 3,
        meetings_per_year: 40,
        items_per_meeting: 4,
        first_year: 2012,
        seed: 5,
    };
    generate_archive(&mut store, &spec).unwrap();
    let bodies: Vec<Uuid> = store.bodies().unwrap().iter().map(|b| b.id).collect();
    let cabinet = store
        .bodies()
        .unwrap()
        .into_iter()
        .find(|b| b.name_en == "Cabinet")
        .map(|b| b.id)
        .expect("the archive has a Cabinet");
    // Entered late: meetings dated before the archive's, whose documents are the newest (the
    // index's order and the meetings' order differ), one with an exempt minute.
    for (i, year) in [2011, 2012, 2013].into_iter().enumerate() {
        let m = new_meeting(&mut store, bodies[i % bodies.len()], d(year, 2, 10)).id;
        let min = store.add_minute(m, None, "Mental health services").unwrap();
        resolve(
            &mut store,
            min.id,
            Keyword::Recommended,
            "mental health services for residents be reviewed and the budget reported back",
        );
        resolve(
            &mut store,
            min.id,
            Keyword::Resolved,
            "the consultation on the budget be noted",
        );
        if i == 1 {
            let mut item = NewAgendaItem::report("Staffing restructure budget");
            item.part = ItemPart::Exempt;
            item.exempt_paragraphs = vec!["12".into()];
            item.public_interest =
                "The public interest in withholding outweighs disclosure.".into();
            let item = store.add_agenda_item(m, &item).unwrap();
            let min = store.add_minute(m, Some(item.id), "").unwrap();
            resolve(
                &mut store,
                min.id,
                Keyword::Resolved,
                "the restructure budget and mental health posts be approved",
            );
        }
    }
    Archive {
        _dir: dir,
        store,
        bodies,
        cabinet,
    }
}

/// The queries of the comparison: each text with each of a rotating set of filters, pages
/// and page sizes.
fn queries(a: &Archive) -> Vec<RegisterQuery> {
    let mut texts = sample_queries(36, 11);
    texts.extend(
        [
            "",
            "",
            "",
            "mental health services",
            "budget",
            "b",
            "restructure",
            "zzzz nothing",
        ]
        .map(String::from),
    );
    let statuses = [
        ReferralFilter::Referred,
        ReferralFilter::NotReferred,
        ReferralFilter::Open,
        ReferralFilter::Overdue,
        ReferralFilter::Issued,
        ReferralFilter::Scheduled,
        ReferralFilter::Considered,
        ReferralFilter::ReportedBack,
        ReferralFilter::Closed,
    ];
    let keywords = [Keyword::Resolved, Keyword::Recommended, Keyword::Agreed];
    let today = Some(d(2015, 6, 1));
    let mut out = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let base = RegisterQuery {
            text: text.clone(),
            today,
            ..Default::default()
        };
        let body = Some(a.bodies[i % a.bodies.len()]);
        let filters = [
            base.clone(),
            RegisterQuery {
                confidential: true,
                ..base.clone()
            },
            RegisterQuery {
                body_id: body,
                ..base.clone()
            },
            RegisterQuery {
                from: Some(d(2013, 1, 1)),
                ..base.clone()
            },
            RegisterQuery {
                to: Some(d(2012, 12, 31)),
                ..base.clone()
            },
            RegisterQuery {
                from: Some(d(2012, 3, 1)),
                to: Some(d(2013, 3, 31)),
                ..base.clone()
            },
            RegisterQuery {
                keyword: Some(keywords[i % 3]),
                ..base.clone()
            },
            RegisterQuery {
                referred_to: Some(if i % 2 == 0 { a.cabinet } else { a.bodies[0] }),
                ..base.clone()
            },
            RegisterQuery {
                referral: Some(statuses[i % statuses.len()]),
                ..base.clone()
            },
            RegisterQuery {
                referral: Some(statuses[(i + 4) % statuses.len()]),
                referred_to: Some(a.cabinet),
                from: Some(d(2012, 9, 1)),
                ..base.clone()
            },
            RegisterQuery {
                body_id: body,
                from: Some(d(2011, 1, 1)),
                to: Some(d(2014, 12, 31)),
                keyword: Some(keywords[(i + 1) % 3]),
                confidential: true,
                ..base.clone()
            },
        ];
        for (j, f) in filters.into_iter().enumerate() {
            let (offset, limit) = match (i + j) % 5 {
                0 => (None, None),
                1 => (Some(25), None),
                2 => (Some(3), Some(7)),
                3 => (Some(0), Some(500)),
                _ => (Some(5000), None),
            };
            out.push(RegisterQuery { offset, limit, ..f });
        }
    }
    out
}

/// Compares every `step`th query of [`queries`] (the plain reference is slow in a debug build:
/// `make test` compares a seventh of them as generated and a thirteenth after a change, every filter
/// and page shape still among them).
fn compare(a: &Archive, what: &str, step: usize) -> (usize, usize, usize) {
    let (mut with_hits, mut with_more, mut empty_pages) = (0, 0, 0);
    for q in queries(a).into_iter().step_by(step) {
        let got = a.store.register_page(&q).unwrap();
        let want = search_reference(&a.store, &q).unwrap();
        let ids = |p: &RegisterPage| p.hits.iter().map(|h| h.resolution_id).collect::<Vec<_>>();
        assert_eq!(
            ids(&got),
            ids(&want),
            "{what}: the same hits in the same order for {q:?}"
        );
        assert_eq!(got.more, want.more, "{what}: the same \"more\" for {q:?}");
        assert!(
            got == want,
            "{what}: the same hits, marked alike, for {q:?}"
        );
        with_hits += usize::from(!got.hits.is_empty());
        with_more += usize::from(got.more);
        empty_pages += usize::from(q.offset == Some(5000) && got.hits.is_empty());
    }
    (with_hits, with_more, empty_pages)
}

#[test]
fn the_quick_search_finds_what_the_plain_search_finds() {
    let mut a = archive();
    let (with_hits, with_more, empty_pages) = compare(&a, "as generated", 7);
    // The comparison means something: many queries find resolutions, some have more pages,
    // and pages past the end are empty (not an error).
    assert!(with_hits > 20, "{with_hits} queries with hits");
    assert!(with_more > 5, "{with_more} queries with more pages");
    assert!(empty_pages > 5, "{empty_pages} pages past the end");

    // A change to the record is seen by the next filtered search (the columns the filters
    // test are read again): a new resolution in an old meeting, found with date filters.
    let m = new_meeting(&mut a.store, a.bodies[2], d(2012, 7, 4)).id;
    let min = a.store.add_minute(m, None, "Quarrying").unwrap();
    let r = resolve(
        &mut a.store,
        min.id,
        Keyword::Agreed,
        "the quarrying budget be agreed",
    );
    let q = RegisterQuery {
        text: "quarrying".into(),
        from: Some(d(2012, 7, 1)),
        to: Some(d(2012, 7, 31)),
        keyword: Some(Keyword::Agreed),
        ..Default::default()
    };
    let hits = a.store.search_register(&q).unwrap();
    assert_eq!(
        hits.iter().map(|h| h.resolution_id).collect::<Vec<_>>(),
        vec![r]
    );
    compare(&a, "after a change", 13);
}

#[test]
fn pages_follow_one_another_and_a_page_past_the_end_is_empty() {
    let a = archive();
    let all = a
        .store
        .register_page(&RegisterQuery {
            text: "budget".into(),
            limit: Some(500),
            ..Default::default()
        })
        .unwrap();
    assert!(all.hits.len() > 60, "{} hits for budget", all.hits.len());
    let page = |offset| {
        a.store
            .register_page(&RegisterQuery {
                text: "budget".into(),
                offset: Some(offset),
                ..Default::default()
            })
            .unwrap()
    };
    let (first, second) = (page(0), page(25));
    assert_eq!(first.hits.len(), 25);
    assert!(first.more && second.offset == 25);
    let ids = |h: &[RegisterHit]| h.iter().map(|h| h.resolution_id).collect::<Vec<_>>();
    // The second page continues the first as one search of 50 would show them.
    let fifty = a
        .store
        .register_page(&RegisterQuery {
            text: "budget".into(),
            limit: Some(50),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(ids(&second.hits), ids(&fifty.hits[25..]));
    let past = page(all.hits.len() as u32 + 10);
    assert!(past.hits.is_empty() && !past.more);
}
