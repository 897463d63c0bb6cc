//! A second, read-only connection for long jobs (printing a pack report by report): it never
//! holds up the writer, sees what the writer commits, and refuses to write.

mod common;

use std::time::{Duration, Instant};

use common::*;
use minutes_core::input::*;
use minutes_core::*;
use minutes_store::{Store, StoreError};

/// A council on disk with one meeting, one minute of one paragraph, and two reports.
fn council_on_disk() -> (tempfile::TempDir, Store, Meeting, Block, [uuid::Uuid; 2]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("cofnod.sqlite3")).expect("open");
    let seq = set_up_council(&mut store, &test_authority());
    let body = new_body(&mut store, "Scrutiny", BodyKind::Scrutiny, seq.id);
    let meeting = new_meeting(&mut store, body.id, d(2015, 6, 1));
    let item = store
        .add_agenda_item(meeting.id, &NewAgendaItem::report("Inspection"))
        .unwrap();
    let docs = ["Report", "Appendix"].map(|title| {
        store
            .attach_document(item.id, title, DocumentKind::Report, &one_page_pdf(), 1)
            .unwrap()
            .id
    });
    let minute = store.add_minute(meeting.id, Some(item.id), "").unwrap();
    let block = store
        .add_block(
            minute.id,
            &BlockContent::Narrative {
                text: "The first version.".into(),
            },
        )
        .unwrap();
    (dir, store, meeting, block, docs)
}

fn first_paragraph(rec: &MeetingRecord) -> String {
    match &rec.minutes[0].blocks[0].content {
        BlockContent::Narrative { text } => text.clone(),
        other => panic!("not a paragraph: {other:?}"),
    }
}

#[test]
fn a_long_read_never_holds_up_the_writer_and_later_reads_see_its_changes() {
    let (_dir, mut store, meeting, block, docs) = council_on_disk();
    let path = store.path().expect("on disk").to_path_buf();
    let reader = Store::open_read_only(&path).unwrap();
    assert!(reader.is_read_only() && !store.is_read_only());

    reader
        .snapshot(|r| {
            // A pack print: the record, then the reports one by one.
            let rec = r.meeting_record(meeting.id)?;
            assert_eq!(first_paragraph(&rec), "The first version.");
            r.document_pdf(docs[0])?;

            // Meanwhile the clerk edits: each change commits at once, with no wait for the
            // reader (a blocked writer would wait out its 5 second busy timeout, then fail).
            let started = Instant::now();
            store
                .update_block(
                    block.id,
                    &BlockContent::Narrative {
                        text: "The second version.".into(),
                    },
                )
                .unwrap();
            store
                .add_agenda_item(meeting.id, &NewAgendaItem::report("Late report"))
                .unwrap();
            assert!(
                started.elapsed() < Duration::from_secs(2),
                "the writer waited {:?} for the reader",
                started.elapsed()
            );

            // The print goes on from the state it started with.
            r.document_pdf(docs[1])?;
            let rec = r.meeting_record(meeting.id)?;
            assert_eq!(first_paragraph(&rec), "The first version.");
            assert_eq!(rec.agenda.len(), 1);
            Ok(())
        })
        .unwrap();

    // Reads after it, and a reader opened after, see what the writer committed.
    for r in [&reader, &Store::open_read_only(&path).unwrap()] {
        let rec = r.meeting_record(meeting.id).unwrap();
        assert_eq!(first_paragraph(&rec), "The second version.");
        assert_eq!(rec.agenda.len(), 2);
        let input = r.pack_input(meeting.id, false).unwrap();
        assert_eq!(input.record.agenda.len(), 2);
        assert_eq!(r.document_pdf(docs[1]).unwrap(), one_page_pdf());
        r.meeting_pack_info(meeting.id).unwrap();
    }
}

#[test]
fn a_reader_prints_everything_the_writer_can() {
    let (_dir, store, ids) = demo_store();
    let reader = Store::open_read_only(store.path().expect("on disk")).unwrap();
    let today = d(2015, 9, 1);
    let (from, to) = (d(2014, 5, 1), d(2015, 8, 31));
    let q = RegisterQuery::default();
    assert_eq!(
        reader.meeting_record(ids.meeting).unwrap(),
        store.meeting_record(ids.meeting).unwrap()
    );
    assert_eq!(
        reader.minutes_text(ids.meeting).unwrap(),
        store.minutes_text(ids.meeting).unwrap()
    );
    assert_eq!(
        reader.register_csv(&q).unwrap(),
        store.register_csv(&q).unwrap()
    );
    assert_eq!(
        reader.search_register(&q).unwrap(),
        store.search_register(&q).unwrap()
    );
    assert_eq!(
        reader
            .tracker_report(ids.scrutiny, from, to, today)
            .unwrap(),
        store.tracker_report(ids.scrutiny, from, to, today).unwrap()
    );
    assert_eq!(
        reader.meeting_pack_info(ids.meeting).unwrap(),
        store.meeting_pack_info(ids.meeting).unwrap()
    );
    assert_eq!(
        reader.pack_input(ids.meeting, false).unwrap(),
        store.pack_input(ids.meeting, false).unwrap()
    );
    assert_eq!(
        reader.oparl_export("https://example.org/", None).unwrap(),
        store.oparl_export("https://example.org/", None).unwrap()
    );
}

#[test]
fn writing_through_a_reader_is_refused_and_changes_nothing() {
    let (_dir, store, meeting, block, _docs) = council_on_disk();
    let path = store.path().expect("on disk").to_path_buf();
    let mut reader = Store::open_read_only(&path).unwrap();
    let before = snapshot(&store);
    let counted = counts(&store);

    let e = reader
        .update_block(
            block.id,
            &BlockContent::Narrative {
                text: "Changed by the printer.".into(),
            },
        )
        .unwrap_err();
    assert!(matches!(e, StoreError::ReadOnly { .. }), "{e:?}");
    assert_eq!(e.code(), ErrorCode::Conflict);
    let message = e.to_string();
    assert!(message.contains("reading only"), "{message}");
    assert!(message.contains("Nothing was changed"), "{message}");
    assert!(reader
        .add_agenda_item(meeting.id, &NewAgendaItem::report("Late report"))
        .is_err());
    assert!(matches!(
        reader.restore_from(&path),
        Err(StoreError::ReadOnly { .. })
    ));
    // Even SQL sent past the store's methods is refused by SQLite itself.
    assert!(reader
        .conn()
        .execute(
            "DELETE FROM minute_block WHERE id = ?1",
            [block.id.to_string()]
        )
        .is_err());

    assert_eq!(snapshot(&store), before);
    assert_eq!(counts(&store), counted);
}

#[test]
fn a_reader_refuses_what_is_not_a_cofnod_database_and_creates_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.sqlite3");
    assert!(Store::open_read_only(&missing).is_err());
    assert!(!missing.exists(), "opening to read creates no file");

    let letter = dir.path().join("letter.sqlite3");
    std::fs::write(&letter, "Dear Clerk, this is a letter").unwrap();
    let e = Store::open_read_only(&letter).err().expect("refused");
    assert_eq!(e.code(), ErrorCode::NotADatabase, "{e}");

    let empty = dir.path().join("empty.sqlite3");
    std::fs::write(&empty, "").unwrap();
    let e = Store::open_read_only(&empty).err().expect("refused");
    assert_eq!(e.code(), ErrorCode::NotADatabase, "{e}");

    let other = dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    let e = Store::open_read_only(&other).err().expect("refused");
    assert_eq!(e.code(), ErrorCode::NotADatabase, "{e}");
    assert!(e.to_string().contains("another program"), "{e}");
}
