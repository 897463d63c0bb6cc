//! The resolutions register: search, the resolution page, referrals, incoming referrals.

mod common;

use common::*;
use minutes_core::input::*;
use minutes_core::*;
use minutes_store::Store;
use uuid::Uuid;

fn meeting(store: &mut Store, body: Uuid, date: chrono::NaiveDate) -> Uuid {
    new_meeting(store, body, date).id
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
                reason_not_needed: false,
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
    // "Not referred to Cabinet": resolutions never referred at all pass too, with words typed
    // or without.
    let not_to_cabinet = RegisterQuery {
        referred_to: Some(f.ids.cabinet),
        ..unreferred.clone()
    };
    let got = ids(&f.store.search_register(&not_to_cabinet).unwrap());
    assert!(
        got.contains(&f.apart) && !got.contains(&f.phrase),
        "{got:?}"
    );
    let listed = ids(&f
        .store
        .search_register(&RegisterQuery {
            text: String::new(),
            ..not_to_cabinet.clone()
        })
        .unwrap());
    assert!(
        listed.contains(&f.apart) && !listed.contains(&f.phrase),
        "{listed:?}"
    );
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

#[test]
fn one_or_two_letters_typed_as_the_last_word_find_words() {
    let f = fixture();
    let all = |text: &str| RegisterQuery {
        limit: Some(500),
        ..q(text)
    };
    // "h": a one-letter start of "health".
    let hits = f.store.search_register(&all("mental h")).unwrap();
    assert!(ids(&hits).contains(&f.phrase) && ids(&hits).contains(&f.cabinet_phrase));
    // "ŵ" folds to "w" and finds both spellings.
    let hits = f.store.search_register(&all("ŵ")).unwrap();
    assert!(ids(&hits).contains(&f.lambs) && ids(&hits).contains(&f.plain_wyn));
    let lamb = hits.iter().find(|h| h.resolution_id == f.lambs).unwrap();
    assert!(lamb.text.iter().any(|s| s.marked && s.text == "ŵyn"));
    // "st": two letters of "strategy".
    let hits = f.store.search_register(&all("st")).unwrap();
    assert!(ids(&hits).contains(&f.cabinet_phrase));
    // A word that starts nothing finds nothing.
    assert!(f.store.search_register(&all("qzx")).unwrap().is_empty());
}

/// A generated archive of a few thousand resolutions: enough for a common word to match more
/// resolutions than the search ranks at once.
fn archive() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("archive.sqlite3")).unwrap();
    minutes_store::archive::generate_archive(
        &mut store,
        &minutes_store::archive::ArchiveSpec {
            bodies: 6,
            years: 2,
            meetings_per_year: 60,
            ..Default::default()
        },
    )
    .unwrap();
    (dir, store)
}

/// Lower case, accents off, words separated by single spaces: to compare text as the index does.
fn folded(text: &str) -> String {
    text.to_lowercase()
        .replace('ŵ', "w")
        .replace('ŷ', "y")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Everything a resolution is found by: its text, its reason and its minute's words.
fn searchable(store: &Store, h: &RegisterHit) -> (String, String) {
    let minute: String = store
        .conn()
        .query_row(
            "SELECT words FROM register_minute_words WHERE minute_id = ?1",
            [h.minute_id.to_string()],
            |r| r.get(0),
        )
        .unwrap();
    let reason: String = h.reason.iter().map(|s| s.text.as_str()).collect();
    (
        folded(&h.plain_text()),
        folded(&format!("{} {reason} {minute}", h.plain_text())),
    )
}

/// A hit's own words, its text and reason, folded as the index folds them.
fn own_words(h: &RegisterHit) -> String {
    let reason: String = h.reason.iter().map(|s| s.text.as_str()).collect();
    folded(&format!("{} {reason}", h.plain_text()))
}

/// Searches the typed words and checks what a reader would: every exact match first and each
/// holding the words as a phrase, then matches holding all the words apart. Returns the hits
/// and how many are exact.
fn phrase_first(store: &Store, typed: &str, limit: u32) -> (Vec<RegisterHit>, usize) {
    let hits = store
        .search_register(&RegisterQuery {
            text: typed.into(),
            limit: Some(limit),
            ..Default::default()
        })
        .unwrap();
    let exact = hits.iter().take_while(|h| h.exact).count();
    assert!(
        hits[exact..].iter().all(|h| !h.exact),
        "{typed}: every exact match comes before every other"
    );
    for h in &hits[..exact] {
        let (_, all) = searchable(store, h);
        assert!(all.contains(typed), "{typed} in {all}");
    }
    for h in &hits[exact..] {
        let (_, all) = searchable(store, h);
        assert!(!all.contains(typed), "{typed} not in {all}");
        for w in typed.split(' ') {
            assert!(all.split(' ').any(|x| x == w), "{w} in {all}");
        }
    }
    (hits, exact)
}

#[test]
fn exact_phrases_rank_first_in_a_realistic_archive() {
    let (_dir, store) = archive();
    let typed = "mental health services";
    let (hits, exact) = phrase_first(&store, typed, 500);
    assert!(exact > 10, "the phrase is common in the archive: {exact}");
    assert!(hits.len() > exact, "the words apart are found too");
    for h in &hits[..5] {
        // The resolution's own words come first: the best hold the phrase themselves.
        let own = own_words(h);
        assert!(own.contains(typed), "{own}");
    }
    // Words found in more resolutions than a search ranks at once, and a rarer pair.
    let (hits, exact) = phrase_first(&store, "the budget", 100);
    assert!(exact > 0 && hits.len() == 100);
    let (hits, _) = phrase_first(&store, "rural budget", 100);
    assert!(!hits.is_empty());
    // As typed: the last word is a prefix, and the phrase still ranks first.
    let typing = store
        .search_register(&RegisterQuery {
            text: "mental health serv".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(typing.len(), 25, "a page of results");
    assert!(typing.iter().all(|h| h.exact));
    // One word: resolutions holding it in their own words (text or reason) come before those
    // found only through their minute, and the newest meetings first within each.
    let hits = store
        .search_register(&RegisterQuery {
            text: "biodiversity".into(),
            limit: Some(500),
            ..Default::default()
        })
        .unwrap();
    let own: Vec<bool> = hits
        .iter()
        .map(|h| own_words(h).contains("biodiversity"))
        .collect();
    let first_other = own
        .iter()
        .position(|o| !o)
        .expect("some only in the minute");
    assert!(first_other > 0, "some in their own words");
    assert!(own[first_other..].iter().all(|o| !o), "own words first");
    for part in [&hits[..first_other], &hits[first_other..]] {
        assert!(
            part.windows(2).all(|w| w[0].date >= w[1].date),
            "newest first"
        );
    }
}

#[test]
fn a_filter_finds_every_match_of_a_common_word_in_a_large_archive() {
    let (_dir, store) = archive();
    let c = store.conn();
    let matches = |sql: &str| -> i64 {
        c.query_row(
            &format!(
                "SELECT count(*) FROM register_fts f JOIN register_doc d ON d.rowid = f.rowid
                 JOIN resolution r ON r.id = d.resolution_id JOIN meeting m ON m.id = r.meeting_id
                 JOIN body b ON b.id = m.body_id
                 WHERE register_fts MATCH 'budget' {sql}"
            ),
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert!(
        matches("") > 1000,
        "more matches than a search ranks at once: {}",
        matches("")
    );
    let (body_id, name): (String, String) = c
        .query_row(
            "SELECT id, name_en FROM body WHERE name_en LIKE 'Scrutiny Committee (Learning%'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let body: Uuid = body_id.parse().unwrap();
    let expected = matches(&format!(
        "AND b.id = '{body_id}' AND r.keyword = 'recommended'"
    ));
    assert!(expected > 0);
    let hits = store
        .search_register(&RegisterQuery {
            text: "budget".into(),
            body_id: Some(body),
            keyword: Some(Keyword::Recommended),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len() as i64, expected.min(50));
    assert!(hits
        .iter()
        .all(|h| h.body_id == body && h.body_name == name && h.keyword == Keyword::Recommended));
}

#[test]
fn a_database_from_before_the_prefix_index_migrates_and_keeps_searching() {
    let Fixture {
        _dir,
        store,
        lambs,
        plain_wyn,
        cabinet_phrase,
        ..
    } = fixture();
    let path = store.path().unwrap().to_path_buf();
    store.conn().execute_batch(UNDO_MIGRATION_18).unwrap();
    store.conn().execute_batch(UNDO_MIGRATION_17).unwrap();
    store.conn().execute_batch(UNDO_MIGRATION_16).unwrap();
    store.conn().execute_batch(UNDO_MIGRATION_15).unwrap();
    store.conn().execute_batch(UNDO_MIGRATION_14).unwrap();
    store.conn().execute_batch(UNDO_MIGRATION_13).unwrap();
    store.conn().execute_batch(UNDO_MIGRATION_12).unwrap();
    store.conn().execute_batch(UNDO_MIGRATION_10).unwrap();
    // The register index as schema version 4 had it (migration 02), without the register rows
    // of migration 06, nor what the later migrations add (07: the adoption rules; 08:
    // attendance for some items, the presenter's sentence; 09: headings, exempt and approvals).
    store
        .conn()
        .execute_batch(
            "DROP TABLE signed_pdf;
             DROP TABLE signed_copy;
             DROP TABLE audit_seal;
             DROP TRIGGER audit_log_no_replace;
             DROP TRIGGER minute_heading_follows_title;
             DROP TRIGGER agenda_item_part_published;
             DROP TRIGGER minute_exempt_follows_item;
             DROP TRIGGER resolution_approval_delete;
             DROP TRIGGER resolution_approval_update;
             DROP INDEX resolution_approves;
             ALTER TABLE resolution DROP COLUMN approves_meeting_id;
             ALTER TABLE minute DROP COLUMN heading_edited;
             DROP TABLE attendance_item;
             DROP TRIGGER attendance_absent_with_items;
             DROP TRIGGER authority_presenter_form_insert;
             DROP TRIGGER authority_presenter_form_update;
             ALTER TABLE authority DROP COLUMN presenter_form_en;
             ALTER TABLE authority DROP COLUMN presenter_form_cy;
             DROP TRIGGER minute_number_next;
             DROP TABLE sequence_start;
             DROP TRIGGER minute_number_from_start;
             DROP TRIGGER body_sequence_until_first_minute;
             DROP TRIGGER body_audit_insert;
             DROP TRIGGER body_audit_update;
             DROP TRIGGER resolution_audit_insert;
             DROP TRIGGER resolution_audit_update;
             DROP TRIGGER resolution_audit_delete;
             DROP TRIGGER membership_no_overlap_update;
             DROP TRIGGER membership_one_chair_insert;
             DROP TRIGGER membership_one_chair_update;
             DROP TRIGGER membership_audit_insert;
             DROP TRIGGER membership_audit_update;
             ALTER TABLE body DROP COLUMN reasons_rule;
             ALTER TABLE resolution DROP COLUMN reason_not_needed;
             DROP TRIGGER register_row_resolution_update;
             DROP TRIGGER register_row_minute_update;
             DROP TRIGGER register_row_meeting_update;
             DROP TRIGGER register_row_body_update;
             DROP TRIGGER register_row_sequence_update;
             DROP TABLE register_row;
             DROP VIEW register_row_source;
             DROP TABLE register_fts;
             CREATE VIRTUAL TABLE register_fts USING fts5(text, reason, minute, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
             INSERT INTO register_fts (rowid, text, reason, minute)
             SELECT d.rowid, r.text, r.reason, coalesce(w.words, '')
             FROM register_doc d JOIN resolution r ON r.id = d.resolution_id
             LEFT JOIN register_minute_words w ON w.minute_id = r.minute_id;
             PRAGMA user_version = 4;",
        )
        .unwrap();
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert!(
        store.migration_backup.is_some(),
        "a backup before migrating"
    );
    let sql: String = store
        .conn()
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'register_fts'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        sql.contains("prefix = '1 2 3 4 5 6 7 8 9 10 11 12'"),
        "{sql}"
    );
    let found = |store: &Store, text: &str| ids(&store.search_register(&q(text)).unwrap());
    assert!(found(&store, "w").contains(&lambs) && found(&store, "w").contains(&plain_wyn));
    assert_eq!(
        found(&store, "strategy for mental health services")[0],
        cabinet_phrase
    );
    let docs: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM register_fts", [], |r| r.get(0))
        .unwrap();
    let resolutions: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM resolution", [], |r| r.get(0))
        .unwrap();
    assert_eq!(docs, resolutions, "every resolution indexed again");
    assert_rows_in_step(&store);

    // The triggers keep the rebuilt index in step: edited words are found, old ones are not.
    store
        .update_resolution(
            plain_wyn,
            &NewResolution {
                keyword: Some(Keyword::Resolved),
                text: "the petition from Maes Glas residents be received".into(),
                reason: "To hear residents.".into(),
                conditional_on: None,
                vote: String::new(),
                reason_not_needed: false,
            },
        )
        .unwrap();
    assert!(found(&store, "Maes Gl").contains(&plain_wyn));
    assert!(!found(&store, "Cae Wyn").contains(&plain_wyn));
}

#[test]
fn a_generated_archive_is_indexed_in_date_order_so_the_newest_come_first_from_every_committee() {
    let (_dir, store) = archive();
    let c = store.conn();
    let dates: Vec<chrono::NaiveDate> = c
        .prepare(
            "SELECT m.date FROM register_doc d JOIN resolution r ON r.id = d.resolution_id
             JOIN meeting m ON m.id = r.meeting_id ORDER BY d.rowid",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(dates.len() > 1000);
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "date order");
    let last = *dates.last().unwrap();
    let hits = store
        .search_register(&RegisterQuery {
            text: "budget".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 25);
    let bodies: std::collections::HashSet<&str> =
        hits.iter().map(|h| h.body_name.as_str()).collect();
    assert!(bodies.len() > 1, "one committee only: {bodies:?}");
    assert!(
        (last - hits[0].date).num_days() < 60,
        "the first hit is from {} and the last meeting {last}",
        hits[0].date
    );
    // Every word is still found: the index holds the same documents.
    let n: i64 = c
        .query_row("SELECT count(*) FROM register_fts", [], |r| r.get(0))
        .unwrap();
    let resolutions: i64 = c
        .query_row("SELECT count(*) FROM resolution", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, resolutions);
}

/// Every resolution's register row holds what its resolution, minute, meeting and committee
/// hold now, and there is no other row.
fn assert_rows_in_step(store: &Store) {
    let c = store.conn();
    let count = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count("SELECT count(*) FROM register_row"),
        count("SELECT count(*) FROM resolution")
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM (SELECT * FROM register_row EXCEPT SELECT * FROM register_row_source)"
        ),
        0,
        "a register row out of step"
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM (SELECT * FROM register_row_source EXCEPT SELECT * FROM register_row)"
        ),
        0,
        "a resolution without its register row"
    );
}

#[test]
fn register_rows_follow_every_change_to_what_a_hit_shows() {
    let (_dir, mut store, ids) = demo_store();
    assert_rows_in_step(&store);
    let m = meeting(&mut store, ids.scrutiny, d(2016, 3, 1));
    let first = store.add_minute(m, None, "Library opening hours").unwrap();
    let second = store.add_minute(m, None, "Waste collection").unwrap();
    let a = resolve(
        &mut store,
        first.id,
        Keyword::Resolved,
        "the hours be extended",
        "",
    );
    let b = resolve(
        &mut store,
        first.id,
        Keyword::Recommended,
        "Cabinet fund it",
        "Cost.",
    );
    let w = resolve(
        &mut store,
        second.id,
        Keyword::Resolved,
        "the bins be collected weekly",
        "",
    );
    assert_rows_in_step(&store);
    let hit = |store: &Store, text: &str| {
        store
            .search_register(&q(text))
            .unwrap()
            .into_iter()
            .next()
            .expect("a hit")
    };
    let before = hit(&store, "bins collected weekly");
    assert_eq!((before.resolution_id, before.date), (w, d(2016, 3, 1)));

    // Renumbering: the waste minute moves first.
    store.move_minute(second.id, 1).unwrap();
    assert_rows_in_step(&store);
    let moved = hit(&store, "bins collected weekly");
    assert_ne!(moved.minute_label, before.minute_label);

    // The meeting moves to another date.
    store
        .update_meeting(m, &meeting_details(ids.scrutiny, d(2016, 3, 8)))
        .unwrap();
    assert_rows_in_step(&store);
    assert_eq!(hit(&store, "bins collected weekly").date, d(2016, 3, 8));

    // A resolution's words, keyword and place.
    store
        .update_resolution(
            a,
            &NewResolution {
                keyword: Some(Keyword::Agreed),
                text: "the hours be extended on Saturdays".into(),
                reason: "Demand.".into(),
                conditional_on: None,
                vote: String::new(),
                reason_not_needed: false,
            },
        )
        .unwrap();
    store.move_resolution(b, 1).unwrap();
    assert_rows_in_step(&store);
    let edited = hit(&store, "extended on Saturdays");
    assert_eq!((edited.keyword, edited.limb), (Keyword::Agreed, 2));

    // What has no screen yet, written directly: a heading, a committee's name, a prefix.
    store
        .conn()
        .execute_batch(&format!(
            "UPDATE minute SET heading = 'Library services' WHERE id = '{}';
             UPDATE body SET name_en = 'Scrutiny Committee (Communities)' WHERE id = '{}';
             UPDATE minute_sequence SET prefix = 'SC' WHERE id = (SELECT sequence_id FROM minute WHERE id = '{}');",
            first.id, ids.scrutiny, first.id
        ))
        .unwrap();
    assert_rows_in_step(&store);
    let renamed = hit(&store, "extended on Saturdays");
    assert_eq!(renamed.heading, "Library services");
    assert_eq!(renamed.body_name, "Scrutiny Committee (Communities)");
    assert!(
        renamed.minute_label.starts_with("SC"),
        "{}",
        renamed.minute_label
    );

    // Removed resolutions and minutes take their rows with them.
    store.remove_resolution(b).unwrap();
    store.remove_minute(second.id).unwrap();
    assert_rows_in_step(&store);
    assert!(store
        .search_register(&q("bins collected"))
        .unwrap()
        .is_empty());
}
