//! The resolutions register: search, the resolution page, referrals, incoming referrals.

mod common;

use common::*;
use minutes_core::input::*;
use minutes_core::*;
use minutes_store::Store;
use uuid::Uuid;

fn meeting(store: &mut Store, body: Uuid, date: chrono::NaiveDate) -> Uuid {
    store
        .add_meeting(&NewMeeting {
            body_id: body,
            kind: MeetingKind::Ordinary,
            date,
            start_time: Some("10:00".into()),
            end_time: None,
            venue: "Council Chamber".into(),
            mode: MeetingMode::InPerson,
            joining_details: String::new(),
        })
        .unwrap()
        .id
}

fn resolve(store: &mut Store, minute: Uuid, keyword: Keyword, text: &str, reason: &str) -> Uuid {
    store
        .add_resolution(
            minute,
            &NewResolution {
                keyword: Some(keyword),
                text: text.into(),
                reason: reason.into(),
                conditional_on: None,
                vote: String::new(),
            },
        )
        .unwrap()
        .id
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    ids: minutes_store::demo::DemoIds,
    /// Scrutiny, March 2016: the phrase "mental health services" and the same words apart.
    phrase: Uuid,
    apart: Uuid,
    lambs: Uuid,
    plain_wyn: Uuid,
    /// Cabinet, June 2017, RESOLVED, with the phrase.
    cabinet_phrase: Uuid,
}

fn fixture() -> Fixture {
    let (dir, mut store, ids) = demo_store();
    let m = meeting(&mut store, ids.scrutiny, d(2016, 3, 1));
    let min = store.add_minute(m, None, "Children's services").unwrap();
    store
        .add_block(
            min.id,
            &BlockContent::Narrative {
                text: "Members discussed waiting times for assessment.".into(),
            },
        )
        .unwrap();
    let apart = resolve(
        &mut store,
        min.id,
        Keyword::Recommended,
        "the services be reviewed, including health visiting and mental wellbeing support",
        "To improve services.",
    );
    let phrase = resolve(
        &mut store,
        min.id,
        Keyword::Recommended,
        "Cabinet be asked to fund mental health services in schools",
        "To reduce waiting times.",
    );
    let lambs = resolve(
        &mut store,
        min.id,
        Keyword::Resolved,
        "adroddiad ar ŵyn a defaid y fferm sirol be noted",
        "Er gwybodaeth.",
    );
    let plain_wyn = resolve(
        &mut store,
        min.id,
        Keyword::Resolved,
        "the petition from Cae Wyn residents be received",
        "To hear residents.",
    );
    let c = meeting(&mut store, ids.cabinet, d(2017, 6, 1));
    let cmin = store.add_minute(c, None, "Mental health strategy").unwrap();
    let cabinet_phrase = resolve(
        &mut store,
        cmin.id,
        Keyword::Resolved,
        "the strategy for mental health services be approved",
        "To secure services for adolescents.",
    );
    Fixture {
        _dir: dir,
        store,
        ids,
        phrase,
        apart,
        lambs,
        plain_wyn,
        cabinet_phrase,
    }
}

fn ids(hits: &[RegisterHit]) -> Vec<Uuid> {
    hits.iter().map(|h| h.resolution_id).collect()
}

fn q(text: &str) -> RegisterQuery {
    RegisterQuery {
        text: text.into(),
        today: Some(d(2015, 3, 1)),
        ..Default::default()
    }
}

#[test]
fn exact_phrase_matches_rank_first() {
    let f = fixture();
    let hits = f
        .store
        .search_register(&q("mental health services"))
        .unwrap();
    let found = ids(&hits);
    let pos = |id| found.iter().position(|x| *x == id).expect("found");
    assert!(pos(f.phrase) < pos(f.apart));
    assert!(pos(f.cabinet_phrase) < pos(f.apart));
    assert!(hits[0].exact && hits[1].exact);
    assert!(!hits[pos(f.apart)].exact);
    // The typed words are marked in the resolution, nothing else is.
    let first = hits.iter().find(|h| h.resolution_id == f.phrase).unwrap();
    let marked: Vec<_> = first
        .text
        .iter()
        .filter(|s| s.marked)
        .map(|s| s.text.trim())
        .collect();
    assert_eq!(marked.join(" "), "mental health services");
    assert_eq!(
        first.plain_text(),
        "Cabinet be asked to fund mental health services in schools"
    );
    assert_eq!(
        first.body_name,
        "Scrutiny Committee (Social Care and Health)"
    );
    assert_eq!(first.date, d(2016, 3, 1));
    assert!(!first.minute_label.is_empty());
    // A word typed so far finds by prefix, as the user types.
    let typing = f.store.search_register(&q("mental heal")).unwrap();
    assert!(ids(&typing).contains(&f.phrase));
}

#[test]
fn accents_fold_both_ways() {
    let f = fixture();
    let hits = f.store.search_register(&q("wyn")).unwrap();
    assert!(ids(&hits).contains(&f.lambs), "wyn finds ŵyn");
    assert!(ids(&hits).contains(&f.plain_wyn));
    let lamb = hits.iter().find(|h| h.resolution_id == f.lambs).unwrap();
    assert!(lamb.text.iter().any(|s| s.marked && s.text == "ŵyn"));
    let hits = f.store.search_register(&q("ŵyn")).unwrap();
    assert!(ids(&hits).contains(&f.plain_wyn), "ŵyn finds wyn");
    assert!(ids(&hits).contains(&f.lambs));
}

#[test]
fn typed_search_syntax_is_words_and_never_fails() {
    let f = fixture();
    let plain = ids(&f.store.search_register(&q("mental")).unwrap());
    assert!(!plain.is_empty());
    for typed in [
        "\"mental", "mental*", "-mental", "mental:", "^mental", "(mental)", "mental +", "{mental}",
    ] {
        let got = f
            .store
            .search_register(&q(typed))
            .unwrap_or_else(|e| panic!("{typed}: {e}"));
        let mut a = ids(&got);
        let mut b = plain.clone();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{typed} searches the word");
    }
    for typed in [
        "\"",
        "*",
        "NEAR(",
        "-",
        ":",
        "^",
        "\" * - : ^ (",
        "AND",
        "OR NOT",
        "NEAR(a b, 3)",
    ] {
        f.store
            .search_register(&q(typed))
            .unwrap_or_else(|e| panic!("{typed}: {e}"));
    }
}

#[test]
fn minute_text_and_item_titles_find_their_resolutions() {
    let f = fixture();
    let hits = f
        .store
        .search_register(&q("waiting times assessment"))
        .unwrap();
    assert!(
        ids(&hits).contains(&f.apart),
        "narrative words find the minute's resolutions"
    );
    let hits = f.store.search_register(&q("strategy")).unwrap();
    assert_eq!(hits[0].resolution_id, f.cabinet_phrase);
}

#[test]
fn filters_combine() {
    let mut f = fixture();
    let base = q("mental health");
    let all = ids(&f.store.search_register(&base).unwrap());
    assert!(all.contains(&f.phrase) && all.contains(&f.cabinet_phrase));

    let scrutiny = RegisterQuery {
        body_id: Some(f.ids.scrutiny),
        ..base.clone()
    };
    let got = ids(&f.store.search_register(&scrutiny).unwrap());
    assert!(got.contains(&f.phrase) && !got.contains(&f.cabinet_phrase));

    let since_2017 = RegisterQuery {
        from: Some(d(2017, 1, 1)),
        ..base.clone()
    };
    assert_eq!(
        ids(&f.store.search_register(&since_2017).unwrap()),
        vec![f.cabinet_phrase]
    );
    let before = RegisterQuery {
        to: Some(d(2016, 12, 31)),
        from: Some(d(2016, 1, 1)),
        ..base.clone()
    };
    let got = ids(&f.store.search_register(&before).unwrap());
    assert!(got.contains(&f.phrase) && !got.contains(&f.cabinet_phrase));
    let backwards = RegisterQuery {
        to: Some(d(2016, 1, 1)),
        from: Some(d(2017, 1, 1)),
        ..base.clone()
    };
    assert!(f.store.search_register(&backwards).is_err());

    let recommended = RegisterQuery {
        keyword: Some(Keyword::Recommended),
        ..base.clone()
    };
    let got = ids(&f.store.search_register(&recommended).unwrap());
    assert!(got.contains(&f.phrase) && !got.contains(&f.cabinet_phrase));

    // Refer the phrase limb to Cabinet: the referral filters find it, and only it.
    let r = f
        .store
        .add_referral(&NewReferral {
            resolution_id: Some(f.phrase),
            from_body_id: None,
            to_body_id: Some(f.ids.cabinet),
            to_external: String::new(),
            purpose: ReferralPurpose::ForDecision,
            sent_on: d(2016, 3, 3),
            response_due: None,
        })
        .unwrap();
    // The demo's 2015 minute also mentions mental health services and went to Cabinet.
    let to_cabinet = RegisterQuery {
        referred_to: Some(f.ids.cabinet),
        ..scrutiny.clone()
    };
    assert_eq!(f.store.search_register(&to_cabinet).unwrap().len(), 2);
    let to_cabinet = RegisterQuery {
        from: Some(d(2016, 1, 1)),
        ..to_cabinet
    };
    assert_eq!(
        ids(&f.store.search_register(&to_cabinet).unwrap()),
        vec![f.phrase]
    );
    let open = RegisterQuery {
        referral: Some(ReferralFilter::Open),
        ..to_cabinet.clone()
    };
    let hits = f.store.search_register(&open).unwrap();
    assert_eq!(ids(&hits), vec![f.phrase]);
    assert_eq!(hits[0].referrals[0].to, "Cabinet");
    assert_eq!(hits[0].referrals[0].status, ReferralStatus::Issued);
    let overdue = RegisterQuery {
        referral: Some(ReferralFilter::Overdue),
        today: Some(d(2016, 5, 3)),
        ..to_cabinet.clone()
    };
    assert_eq!(
        ids(&f.store.search_register(&overdue).unwrap()),
        vec![f.phrase]
    );
    assert!(f.store.search_register(&overdue).unwrap()[0].referrals[0].overdue);
    let not_yet = RegisterQuery {
        today: Some(d(2016, 5, 2)),
        ..overdue.clone()
    };
    assert!(
        f.store.search_register(&not_yet).unwrap().is_empty(),
        "due 2 May 2016: not overdue that day"
    );
    let closed = RegisterQuery {
        referral: Some(ReferralFilter::Closed),
        ..to_cabinet.clone()
    };
    assert!(f.store.search_register(&closed).unwrap().is_empty());
    let unreferred = RegisterQuery {
        referral: Some(ReferralFilter::NotReferred),
        ..scrutiny.clone()
    };
    let got = ids(&f.store.search_register(&unreferred).unwrap());
    assert!(got.contains(&f.apart) && !got.contains(&f.phrase));
    assert_eq!(r.response_due, d(2016, 5, 2));

    // Filters alone, without words: newest first.
    let listed = RegisterQuery {
        text: String::new(),
        body_id: Some(f.ids.cabinet),
        ..base.clone()
    };
    assert_eq!(
        ids(&f.store.search_register(&listed).unwrap()),
        vec![f.cabinet_phrase]
    );
}

#[test]
fn exempt_minutes_are_only_in_the_confidential_register() {
    let mut f = fixture();
    let m = meeting(&mut f.store, f.ids.scrutiny, d(2016, 4, 1));
    let mut item = NewAgendaItem::report("Staffing restructure");
    item.part = ItemPart::Exempt;
    item.exempt_paragraphs = vec!["12".into()];
    item.public_interest = "The public interest in withholding outweighs disclosure.".into();
    let item = f.store.add_agenda_item(m, &item).unwrap();
    let min = f.store.add_minute(m, Some(item.id), "").unwrap();
    let r = resolve(
        &mut f.store,
        min.id,
        Keyword::Resolved,
        "the restructure proposals be approved",
        "To save money.",
    );
    assert!(f
        .store
        .search_register(&q("restructure"))
        .unwrap()
        .is_empty());
    let conf = RegisterQuery {
        confidential: true,
        ..q("restructure")
    };
    assert_eq!(ids(&f.store.search_register(&conf).unwrap()), vec![r]);
}
