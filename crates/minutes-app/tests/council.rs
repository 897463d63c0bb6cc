//! The application layer as the app and the command line use it: a clerk's change goes through
//! while a pack prints, the clock decides "today", and each copy of a document is named and
//! printed as asked.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use chrono::NaiveDate;
use minutes_app::core::input::NewPerson;
use minutes_app::core::pack::{PackAction, PackRequest};
use minutes_app::core::render::Visibility;
use minutes_app::core::{Language, PersonKind};
use minutes_app::{Clock, Council, Edition, Output, PackJob};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn demo(today: NaiveDate) -> (tempfile::TempDir, Council, minutes_store::demo::DemoIds) {
    let dir = tempfile::tempdir().unwrap();
    let council = Council::open(&dir.path().join("cofnod.sqlite3"), Clock::Fixed(today)).unwrap();
    let ids = council.load_demo().unwrap();
    (dir, council, ids)
}

/// A save that keeps the file in `dir` under the name offered, as the end-to-end tests' save does.
fn keep_in(
    dir: &std::path::Path,
) -> impl FnMut(&Output) -> minutes_app::Result<Option<PathBuf>> + '_ {
    move |o: &Output| {
        let path = dir.join(&o.name);
        std::fs::write(&path, &o.bytes).unwrap();
        Ok(Some(path))
    }
}

fn person(name: &str) -> NewPerson {
    NewPerson {
        honorific: "Councillor".into(),
        name: name.into(),
        kind: PersonKind::Member,
        title: String::new(),
    }
}

#[test]
fn a_clerks_change_is_saved_while_a_pack_is_printing() {
    let (dir, council, ids) = demo(date(2015, 1, 2));
    let job = PackJob {
        meeting_id: ids.meeting,
        edition: Edition::from_flags(false, true),
        supplement: false,
        issue: false,
        print_job: 0,
    };
    let (saved_tx, saved_rx) = mpsc::channel();
    let mut during = Vec::new();
    std::thread::scope(|scope| {
        let council = &council;
        let mut progress = |e: minutes_app::core::pack::PackProgressEvent| {
            if e.done != 1 {
                return;
            }
            // The pack is half merged and still reading: the clerk adds a member.
            let tx = saved_tx.clone();
            scope.spawn(move || {
                let r = council.write(|s| s.add_person(&person("Ann Newydd")));
                tx.send(r.map(|p| p.name)).unwrap();
            });
            // The job waits here, mid-merge, until the change is saved (or a minute passes).
            during.push(saved_rx.recv_timeout(Duration::from_secs(60)));
        };
        let mut save = keep_in(dir.path());
        let saved = council.print_pack(&job, &mut progress, &mut save).unwrap();
        assert!(saved.is_some(), "the pack was saved");
    });
    let [Ok(Ok(name))] = during.as_slice() else {
        panic!("the change did not go through while the pack printed: {during:?}")
    };
    assert_eq!(name, "Ann Newydd");
    let people = council.write(|s| s.people()).unwrap();
    assert!(people.iter().any(|p| p.name == "Ann Newydd"));
}

#[test]
fn a_pack_issued_today_is_dated_by_the_councils_clock() {
    // The demo's agenda was issued on 24th December, 2014; a late report goes out in a
    // supplement, dated by the clock the council was opened with.
    let (dir, council, ids) = demo(date(2015, 1, 3));
    let letter = dir.path().join("Letter_from_the_Health-Board.pdf");
    council
        .print_minutes(ids.previous_meeting, Edition::PUBLIC, &mut |o: &Output| {
            std::fs::write(&letter, &o.bytes).unwrap();
            Ok(Some(letter.clone()))
        })
        .unwrap();
    let doc = council
        .attach_report(
            ids.inspection_item,
            &letter,
            minutes_app::core::DocumentKind::Appendix,
        )
        .unwrap();
    assert_eq!(doc.title, "Letter from the Health Board");
    let request = PackRequest {
        meeting_id: ids.meeting,
        welsh: false,
        bilingual: None,
        confidential: false,
        action: PackAction::Supplement,
        print_job: 7,
    };
    let mut save = keep_in(dir.path());
    let saved = council
        .print_pack(&PackJob::from_request(&request), &mut |_| {}, &mut save)
        .unwrap()
        .unwrap();
    let issued = saved.issued.unwrap();
    assert_eq!((issued.number, issued.issued_on), (1, date(2015, 1, 3)));
    assert!(saved
        .path
        .ends_with("Scrutiny Committee (Social Care and Health) 2015-01-05 supplement 1.pdf"));
}

#[test]
fn a_cancelled_pack_saves_nothing_and_records_nothing() {
    let (dir, council, ids) = demo(date(2015, 1, 2));
    let before = council.write(|s| s.meeting_record(ids.meeting)).unwrap();
    let job = PackJob {
        meeting_id: ids.meeting,
        edition: Edition::PUBLIC,
        supplement: false,
        issue: false,
        print_job: 3,
    };
    // "Cancel" pressed before the job began is not lost.
    council.cancel_pack(3);
    let mut saves = 0;
    let err = council
        .print_pack(&job, &mut |_| {}, &mut |o: &Output| {
            saves += 1;
            keep_in(dir.path())(o)
        })
        .unwrap_err();
    assert!(err.to_string().contains("cancelled"), "{err}");
    assert_eq!(saves, 0);
    assert_eq!(
        council.write(|s| s.meeting_record(ids.meeting)).unwrap(),
        before
    );
}

#[test]
fn each_copy_is_named_for_what_it_is() {
    let (dir, council, ids) = demo(date(2015, 1, 2));
    for (welsh, confidential, name) in [
        (
            false,
            false,
            "Scrutiny Committee (Social Care and Health) 2015-01-05.pdf",
        ),
        (
            true,
            false,
            "Scrutiny Committee (Social Care and Health) 2015-01-05 (Cymraeg).pdf",
        ),
        (
            true,
            true,
            "Scrutiny Committee (Social Care and Health) 2015-01-05 (Cymraeg) CONFIDENTIAL.pdf",
        ),
    ] {
        let edition = Edition::from_flags(welsh, confidential);
        assert_eq!(
            edition.language,
            if welsh { Language::Cy } else { Language::En }
        );
        assert_eq!(edition.visibility == Visibility::Confidential, confidential);
        let mut save = keep_in(dir.path());
        let path = council
            .print_minutes(ids.meeting, edition, &mut save)
            .unwrap()
            .unwrap();
        assert!(path.ends_with(name), "{}", path.display());
        let text = council.minutes_text(ids.meeting, edition).unwrap();
        assert!(
            text.contains(if welsh { "PENDERFYNWYD" } else { "RECOMMENDED" })
                || text.contains(if welsh { "ARGYMHELLWYD" } else { "RESOLVED" }),
            "{text}"
        );
    }
}

#[test]
fn the_demo_loads_once() {
    let (_dir, council, _ids) = demo(date(2015, 1, 2));
    let err = council.load_demo().unwrap_err();
    assert!(err.to_string().contains("already holds a council"), "{err}");
    assert!(council.ensure_demo().unwrap().is_none());
}

#[test]
fn the_tracker_counts_recommendations_not_lines() {
    // A response typed over several lines makes a CSV cell of several lines: the count is of
    // recommendations all the same, in the CSV as in the PDF.
    let (dir, council, ids) = demo(date(2015, 3, 1));
    council
        .write(|s| {
            s.record_outcome(
                ids.referral,
                &minutes_app::core::OutcomeInput {
                    outcome: minutes_app::core::ReferralOutcome::AcceptedInPart,
                    response_text: "Cabinet accepted (1).\nIt asked for a report on (2)\nin June."
                        .into(),
                    meeting_id: None,
                    minute_id: None,
                },
            )
        })
        .unwrap();
    let period = (date(2014, 5, 1), date(2015, 4, 30));
    let mut counts = Vec::new();
    for format in [
        minutes_app::TrackerFormat::Csv,
        minutes_app::TrackerFormat::Pdf {
            language: Language::Cy,
            title: None,
        },
    ] {
        let mut save = keep_in(dir.path());
        let (path, n) = council
            .tracker(ids.scrutiny, period, format, &mut save)
            .unwrap();
        assert!(path.is_some());
        counts.push(n);
    }
    assert_eq!(counts, [1, 1]);
    let csv = std::fs::read_to_string(dir.path().join(
        "Scrutiny Committee (Social Care and Health) recommendation tracker 2014-05-01 to 2015-04-30.csv",
    ))
    .unwrap();
    assert!(csv.contains("in June."), "{csv}");
}
