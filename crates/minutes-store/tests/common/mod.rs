#![allow(dead_code)]

use chrono::NaiveDate;
use minutes_core::input::*;
use minutes_core::*;
use minutes_store::demo::{load_demo, DemoIds};
use minutes_store::Store;
use tempfile::TempDir;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

/// A real database file in a temporary directory, with the demo council loaded.
pub fn demo_store() -> (TempDir, Store, DemoIds) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("cofnod.sqlite3")).expect("open");
    let ids = load_demo(&mut store).expect("demo loads");
    (dir, store, ids)
}

/// Row counts of every table of the record, to show that a refused change changed nothing.
pub fn counts(store: &Store) -> Vec<(String, i64)> {
    let tables = [
        "authority",
        "municipal_year",
        "minute_sequence",
        "body",
        "person",
        "membership",
        "meeting",
        "attendance",
        "agenda_item",
        "declaration",
        "document",
        "minute",
        "minute_block",
        "resolution",
        "referral",
        "amendment",
        "audit_log",
        "search_doc",
    ];
    tables
        .iter()
        .map(|t| {
            let n: i64 = store
                .conn()
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .expect("count");
            (t.to_string(), n)
        })
        .collect()
}

/// Everything in the meeting table and the minutes, as text, to compare before and after.
pub fn snapshot(store: &Store) -> String {
    let mut out = String::new();
    for table in [
        "meeting",
        "minute",
        "minute_block",
        "resolution",
        "referral",
        "membership",
        "person",
        "agenda_item",
    ] {
        let mut st = store
            .conn()
            .prepare(&format!("SELECT * FROM {table} ORDER BY id"))
            .expect("prepare");
        let cols = st.column_count();
        let rows = st
            .query_map([], |r| {
                let mut line = String::new();
                for i in 0..cols {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push_str(&format!("{v:?}|"));
                }
                Ok(line)
            })
            .expect("query");
        for row in rows {
            out.push_str(&row.expect("row"));
            out.push('\n');
        }
    }
    out
}

pub fn new_body(store: &mut Store, name: &str, kind: BodyKind, sequence: uuid::Uuid) -> Body {
    store
        .add_body(&NewBody {
            name_en: name.into(),
            name_cy: String::new(),
            kind,
            default_keyword: None,
            chair_title: ChairTitle::Chair,
            quorum: 3,
            whip_declarations_required: None,
            reasons_required: false,
            sequence_id: sequence,
        })
        .expect("body")
}

pub fn new_meeting(store: &mut Store, body: uuid::Uuid, date: NaiveDate) -> Meeting {
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
        .expect("meeting")
}

/// An authority and one council-wide sequence, in memory: for fast property tests.
pub fn bare_store() -> (Store, MinuteSequence) {
    let mut store = Store::open_in_memory().expect("memory store");
    store
        .set_authority(&Authority {
            name_en: "Test Council".into(),
            name_cy: String::new(),
            jurisdiction: Jurisdiction::Wales,
            languages: LanguagePolicy::English,
            year_start_month: 5,
            year_start_day: 1,
            minute_book: None,
        })
        .expect("authority");
    let seq = store
        .add_sequence(&NewSequence {
            name: "Council-wide".into(),
            prefix: String::new(),
            scope: SequenceScope::Council,
        })
        .expect("sequence");
    (store, seq)
}

pub fn limb(text: &str) -> NewResolution {
    NewResolution {
        keyword: None,
        text: text.into(),
        reason: format!("Reason for {text}"),
        conditional_on: None,
        vote: String::new(),
    }
}

/// A minimal one-page PDF built with lopdf.
pub fn one_page_pdf() -> Vec<u8> {
    use lopdf::{dictionary, Document, Object};
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let page_id = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()] });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save pdf");
    out
}

/// The page counter for signing where the council keeps no loose-leaf minute book: signing
/// must not ask it, so it fails if it is asked.
pub fn no_book(_: &MeetingRecord) -> Result<u32, String> {
    Err("this council keeps no loose-leaf minute book".into())
}
