//! Importing a meeting as `cofnod export MEETING` wrote it: the demo's meetings exported and
//! imported into an empty database print the same minutes, character for character; a file
//! that breaks a rule is refused naming the JSON path, and the database is left as it was.

mod common;

use common::*;
use minutes_core::render::{self, Visibility};
use minutes_core::*;
use minutes_store::import::parse_meeting;
use minutes_store::{Store, StoreError};
use serde_json::Value;

/// Every edition of a meeting's minutes: English and Welsh, public and confidential.
fn editions(rec: &MeetingRecord) -> Vec<String> {
    let mut out = Vec::new();
    for lang in [Language::En, Language::Cy] {
        for vis in [Visibility::Public, Visibility::Confidential] {
            out.push(render::to_text(&render::minutes_document(rec, lang, vis)));
        }
    }
    out
}

fn empty_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("empty.sqlite3")).expect("open");
    (dir, store)
}

/// The demo's two scrutiny meetings as exported JSON: December (signed) and January.
fn exported() -> (Vec<u8>, Vec<u8>, MeetingRecord, MeetingRecord) {
    let (_dir, store, ids) = demo_store();
    let dec = store.meeting_record(ids.previous_meeting).unwrap();
    let jan = store.meeting_record(ids.meeting).unwrap();
    (
        serde_json::to_vec_pretty(&dec).unwrap(),
        serde_json::to_vec_pretty(&jan).unwrap(),
        dec,
        jan,
    )
}

/// The error's JSON path and message, or a failure naming what was imported instead.
fn refused<T: std::fmt::Debug>(r: Result<T, StoreError>) -> (String, String) {
    match r {
        Err(e @ StoreError::Import { .. }) => {
            let StoreError::Import { ref at, .. } = e else {
                unreachable!()
            };
            (at.clone(), e.to_string())
        }
        other => panic!("expected the import to be refused naming a path, got {other:?}"),
    }
}

#[test]
fn the_demo_meetings_exported_and_imported_into_an_empty_database_print_the_same_minutes() {
    let (dec_json, jan_json, dec, jan) = exported();
    let (_dir, mut store) = empty_store();
    // Given out of date order: the import takes them in date order.
    let files = [
        parse_meeting(&jan_json).unwrap(),
        parse_meeting(&dec_json).unwrap(),
    ];
    let done = store.import_meetings(&files).unwrap();
    assert_eq!(done.len(), 2);
    let (jan_sum, dec_sum) = (&done[0], &done[1]);
    assert_eq!(jan_sum.date, jan.meeting.date);
    assert_eq!(jan_sum.minutes, 4);
    assert_eq!(jan_sum.resolutions, 3);
    assert_eq!(jan_sum.referrals, 1);
    assert_eq!(jan_sum.documents_left_out as usize, jan.documents.len());
    assert_eq!(dec_sum.minutes_status, MinutesStatus::Signed);

    for (source, summary) in [(&dec, dec_sum), (&jan, jan_sum)] {
        let here = store.meeting_record(summary.meeting_id).unwrap();
        assert_eq!(here.meeting.minutes_status, source.meeting.minutes_status);
        assert_eq!(here.meeting.status, source.meeting.status);
        assert_eq!(here.meeting.signed_on, source.meeting.signed_on);
        for (a, b) in editions(source).iter().zip(editions(&here)) {
            assert_eq!(
                a, &b,
                "an edition of the minutes of {} differs",
                source.meeting.date
            );
        }
    }
    // The signed minutes came in signed: nothing in them can change.
    let minute = store.minutes(dec_sum.meeting_id).unwrap()[1].id;
    let e = store
        .add_resolution(minute, &limb("the minutes be changed"))
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Locked, "{e}");
    // The referral to Cabinet followed: Cabinet was created, with its "C" sequence.
    let cabinet = store.body_by_name("Cabinet").unwrap();
    let seq = store.sequences().unwrap();
    assert!(seq
        .iter()
        .any(|q| q.id == cabinet.sequence_id && q.prefix == "C"));
}

#[test]
fn a_meeting_whose_minute_numbers_this_database_cannot_give_is_refused_naming_the_minute() {
    let (dec_json, jan_json, _, jan) = exported();
    let (_dir, mut store) = empty_store();
    // January alone, in an empty database: its year starts at its first number (5), as a
    // council adopting Cofnod mid-year would set it, and it prints as it did.
    let done = store
        .import_meeting(&parse_meeting(&jan_json).unwrap())
        .expect("January alone");
    let here = store.meeting_record(done.meeting_id).unwrap();
    let labels: Vec<&str> = here
        .minutes
        .iter()
        .map(|m| m.minute.label.as_str())
        .collect();
    assert_eq!(labels, ["5", "6", "7", "8"]);
    // (In Welsh the limb approving December's minutes prints as typed: December is not in
    // this database, so the limb cannot be linked to it and written from the approval.)
    for (lang, vis) in [
        (Language::En, Visibility::Public),
        (Language::En, Visibility::Confidential),
    ] {
        assert_eq!(
            render::to_text(&render::minutes_document(&here, lang, vis)),
            render::to_text(&render::minutes_document(&jan, lang, vis))
        );
    }
    // December's minutes 1 to 4 can no longer be numbered in that year: refused, naming the
    // minute, and nothing written.
    let before = counts(&store);
    let (at, msg) = refused(store.import_meeting(&parse_meeting(&dec_json).unwrap()));
    assert_eq!(at, "minutes[0].minute.number", "{msg}");
    assert!(msg.contains("minute 1 cannot keep its number"), "{msg}");
    assert!(msg.contains("Nothing was imported"), "{msg}");
    assert_eq!(counts(&store), before);
}

#[test]
fn signed_minutes_without_the_meeting_that_approved_them_are_refused() {
    let (dec_json, _, _, _) = exported();
    let (_dir, mut store) = empty_store();
    let before = counts(&store);
    let (at, msg) = refused(store.import_meeting(&parse_meeting(&dec_json).unwrap()));
    assert_eq!(at, "approved_at", "{msg}");
    assert!(msg.contains("5th January, 2015"), "{msg}");
    assert_eq!(counts(&store), before);
}

/// January's meeting moved to March in the file, its minutes numbered on from January's, so
/// it can go into the demo database itself (which already holds the council).
fn march(jan: &MeetingRecord) -> Value {
    let mut v = serde_json::to_value(jan).unwrap();
    v["meeting"]["date"] = "2015-03-02".into();
    for m in v["minutes"].as_array_mut().unwrap() {
        let n = m["minute"]["number"].as_u64().unwrap() + 4;
        m["minute"]["number"] = n.into();
        m["minute"]["label"] = n.to_string().into();
    }
    v
}

fn bytes(v: &Value) -> Vec<u8> {
    serde_json::to_vec(v).unwrap()
}

#[test]
fn a_meeting_imports_into_the_database_of_its_own_council_matching_what_is_there() {
    let (_, _, _, jan) = exported();
    let (_dir, mut store, ids) = demo_store();
    let people = store.people().unwrap().len();
    let s = store
        .import_meeting(&parse_meeting(&bytes(&march(&jan))).unwrap())
        .unwrap();
    assert_eq!((s.people_created, s.bodies_created), (0, 0));
    assert_eq!(store.people().unwrap().len(), people);
    let m = store.meeting(s.meeting_id).unwrap();
    assert_eq!(m.body_id, ids.scrutiny);
    let labels: Vec<String> = store
        .minutes(s.meeting_id)
        .unwrap()
        .into_iter()
        .map(|m| m.label)
        .collect();
    assert_eq!(labels, ["9", "10", "11", "12"]);
}

#[test]
fn importing_the_same_meeting_twice_is_refused_the_second_time() {
    let (_, _, _, jan) = exported();
    let (_dir, mut store, _) = demo_store();
    let file = bytes(&march(&jan));
    store
        .import_meeting(&parse_meeting(&file).unwrap())
        .unwrap();
    let before = counts(&store);
    let (at, msg) = refused(store.import_meeting(&parse_meeting(&file).unwrap()));
    assert_eq!(at, "meeting", "{msg}");
    assert!(msg.contains("is already in this database"), "{msg}");
    assert!(msg.contains("2nd March, 2015 at 18:00"), "{msg}");
    assert_eq!(counts(&store), before);
    // January itself, exported from this database, is already here too.
    let (at, _) = refused(store.import_meeting(&jan));
    assert_eq!(at, "meeting");
}

#[test]
fn a_bad_file_is_refused_naming_the_json_path_and_the_rule_and_nothing_is_written() {
    let (_, _, _, jan) = exported();
    let (_dir, mut store, _) = demo_store();
    let good = march(&jan);
    let before = counts(&store);
    let mut cases: Vec<(Vec<u8>, &str, &str)> = Vec::new();

    let mut text = bytes(&good);
    text.truncate(text.len() / 2);
    cases.push((text, "", "not valid JSON"));

    let mut v = good.clone();
    v["minutes"][3]["resolutions"][0]["limb"] = "two".into();
    cases.push((
        bytes(&v),
        "minutes[3].resolutions[0].limb",
        "cannot be read",
    ));

    let mut v = good.clone();
    v["minutes"][3]["resolutions"][0]["text"] = "   ".into();
    cases.push((bytes(&v), "minutes[3].resolutions[0].text", "Resolution"));

    let mut v = good.clone();
    v["minutes"][3]["resolutions"][1]["limb"] = 3.into();
    cases.push((bytes(&v), "minutes[3].resolutions[1].limb", "without gaps"));

    let mut v = good.clone();
    v["declarations"] = serde_json::json!([{
        "id": uuid::Uuid::now_v7(), "meeting_id": v["meeting"]["id"], "person_id": uuid::Uuid::now_v7(),
        "agenda_item_id": null, "kind": "personal", "nature": "A relative works for the inspectorate",
        "action": "remained", "dispensation": ""
    }]);
    cases.push((bytes(&v), "declarations[0].person_id", "not in the file"));

    let mut v = good.clone();
    v["authority"]["name_en"] = "Another Council".into();
    cases.push((bytes(&v), "authority.name_en", "its own council"));

    let mut v = good.clone();
    v["body"]["chair_title"] = "chair".into();
    cases.push((bytes(&v), "body", "chair_title"));

    for (file, path, rule) in cases {
        let result = parse_meeting(&file).and_then(|rec| store.import_meeting(&rec));
        let (at, msg) = refused(result);
        assert_eq!(at, if path.is_empty() { "the file" } else { path }, "{msg}");
        assert!(msg.contains(rule), "{path}: {msg}");
        assert_eq!(counts(&store), before, "{path}: something was written");
    }
    // And the good file goes in.
    store
        .import_meeting(&parse_meeting(&bytes(&good)).unwrap())
        .unwrap();
}
