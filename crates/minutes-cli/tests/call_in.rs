//! A Cabinet decision called in, through the command line (issue 16, checks 11 and 12): the
//! decision statement recorded with `cofnod executive`, three members' request, implementing
//! refused while it is pending, the scrutiny chair's acceptance putting a "(call-in)" item on
//! the scrutiny agenda, the outcome (referred back), Cabinet's reconsideration, and the
//! decision implemented; both sets of minutes printed by `cofnod render` in English and Welsh
//! and read back with `pdftotext`; the chain shown by `cofnod resolution C1(1)`.

use std::path::Path;
use std::process::{Command, Output};

use chrono::NaiveDate;
use minutes_app::core::input::*;
use minutes_app::core::*;
use minutes_app::Store;
use uuid::Uuid;

fn cofnod(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cofnod"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run cofnod")
}

fn ok(o: Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn refused(o: Output) -> String {
    assert_ne!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a date")
}

fn meeting_on(store: &mut Store, body: Uuid, date: NaiveDate) -> Uuid {
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
        .id
}

fn limb(text: &str, reason: &str) -> NewResolution {
    NewResolution {
        keyword: None,
        text: text.into(),
        reason: reason.into(),
        conditional_on: None,
        vote: String::new(),
        reason_not_needed: false,
    }
}

/// The words of a PDF as a reader reads them, runs of spaces closed up.
fn pdf_words(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn has(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(w), "{w:?} missing from:\n{text}");
    }
}

#[test]
fn a_cabinet_decision_is_called_in_considered_and_reconsidered_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("cofnod.sqlite3");
    let out = |name: &str| dir.path().join(name);
    ok(cofnod(&db, &["demo"]));
    let (scrutiny_date, cabinet_date) = ("2015-04-13", "2015-03-27");
    {
        let mut store = Store::open(&db).expect("store");
        let cabinet = store.body_by_name("Cabinet").expect("Cabinet").id;
        let scrutiny = store
            .body_by_name("Scrutiny Committee (Social Care and Health)")
            .expect("scrutiny")
            .id;
        for name in ["R. Pryce", "S. Thomas", "T. Vaughan"] {
            store
                .add_person(&NewPerson {
                    honorific: "Councillor".into(),
                    name: name.into(),
                    kind: PersonKind::Member,
                    title: String::new(),
                })
                .expect("member");
        }
        let m = meeting_on(&mut store, cabinet, d(2015, 3, 27));
        let minute = store
            .add_minute(m, None, "Library Strategy")
            .expect("minute");
        assert_eq!(minute.label, "C1");
        store
            .add_resolution(
                minute.id,
                &limb(
                    "the Library Strategy 2015-2020 be approved",
                    "To provide a sustainable library service.",
                ),
            )
            .expect("limb");
        meeting_on(&mut store, scrutiny, d(2015, 4, 13));
    }

    // The decision statement; published the next day, the period ends three working days on.
    let said = ok(cofnod(
        &db,
        &[
            "executive",
            "C1(1)",
            "--key",
            "--options",
            "To close four branch libraries",
            "--consultation",
            "A twelve-week public consultation",
            "--interests",
            "None",
        ],
    ));
    assert!(
        said.contains("published 2015-03-28; the call-in period ends at the end of 2015-04-01"),
        "{said}"
    );

    // Two members are not enough; a stranger is not a member; three are.
    let err = refused(cofnod(
        &db,
        &[
            "call-in",
            "--today",
            "2015-03-31",
            "request",
            "C1",
            "--member",
            "R. Pryce",
            "--member",
            "S. Thomas",
            "--grounds",
            "Rural branches were not consulted.",
        ],
    ));
    assert!(err.contains("needs 3 members"), "{err}");
    let said = ok(cofnod(
        &db,
        &[
            "call-in",
            "--today",
            "2015-03-31",
            "request",
            "C1(1)",
            "--member",
            "R. Pryce",
            "--member",
            "Councillor S. Thomas",
            "--member",
            "T. Vaughan",
            "--grounds",
            "Rural branches were not consulted.",
        ],
    ));
    assert!(said.contains("(requested 2015-03-31): requested"), "{said}");
    let err = refused(cofnod(&db, &["implement", "C1(1)", "--on", "2015-04-02"]));
    assert!(
        err.contains("a call-in requested on 2015-03-31 is requested"),
        "{err}"
    );

    // The scrutiny chair accepts it onto the April meeting's agenda.
    let said = ok(cofnod(
        &db,
        &[
            "call-in",
            "--today",
            "2015-04-01",
            "accept",
            "C1(1)",
            "--by",
            "Councillor S. Thomas (Chair of Scrutiny)",
            "--meeting",
            scrutiny_date,
        ],
    ));
    assert!(
        said.contains("accepted, awaiting the scrutiny committee"),
        "{said}"
    );

    // The committee minutes the item.
    {
        let mut store = Store::open(&db).expect("store");
        let m = store
            .find_meeting(scrutiny_date, None)
            .expect("scrutiny meeting");
        let item = store
            .agenda(m)
            .expect("agenda")
            .into_iter()
            .find(|i| i.origin == ItemOrigin::CallIn)
            .expect("the call-in item");
        assert_eq!(item.title_en, "Library Strategy (Cabinet minute C1)");
        let min = store.add_minute(m, Some(item.id), "").expect("minute");
        store
            .add_resolution(
                min.id,
                &limb(
                    "the decision be referred back to Cabinet for reconsideration",
                    "The Committee was not satisfied that rural communities had been consulted.",
                ),
            )
            .expect("limb");
    }
    let err = refused(cofnod(
        &db,
        &["call-in", "outcome", "C1(1)", "referred_back"],
    ));
    assert!(err.contains("concerns"), "{err}");
    ok(cofnod(
        &db,
        &[
            "call-in",
            "--today",
            "2015-04-13",
            "outcome",
            "C1(1)",
            "referred_back",
            "--concerns",
            "Rural communities were not consulted",
        ],
    ));

    // The scrutiny minute, English and Welsh (check 12).
    ok(cofnod(
        &db,
        &[
            "render",
            scrutiny_date,
            "--out",
            out("scrutiny.pdf").to_str().unwrap(),
        ],
    ));
    ok(cofnod(
        &db,
        &[
            "render",
            scrutiny_date,
            "--welsh",
            "--out",
            out("scrutiny-cy.pdf").to_str().unwrap(),
        ],
    ));
    has(
        &pdf_words(&out("scrutiny.pdf")),
        &[
            "LIBRARY STRATEGY (CABINET MINUTE C1) (CALL-IN)",
            "The Committee considered the call-in of Cabinet minute C1 of 27th March, 2015, requested by Councillors R. Pryce, S. Thomas and T. Vaughan.",
            "The Cabinet's resolution was:",
            "RESOLVED – T H A T the Library Strategy 2015-2020 be approved.",
            "Reason for decision: To provide a sustainable library service.",
            "The grounds for the call-in were: Rural branches were not consulted.",
            "Outcome of the call-in:",
            "The decision was referred back to Cabinet for reconsideration, with the Committee's concerns: Rural communities were not consulted.",
        ],
    );
    has(
        &pdf_words(&out("scrutiny-cy.pdf")),
        &[
            "Ystyriodd y Pwyllgor y cais i alw cofnod C1 y Cabinet dyddiedig 27 Mawrth 2015 i mewn, a wnaed gan y Cynghorwyr R. Pryce, S. Thomas a T. Vaughan.",
            "LIBRARY STRATEGY (COFNOD C1 Y CABINET) (CALL-IN)",
            "Penderfyniad y Cabinet oedd:",
            "Seiliau'r cais i alw i mewn oedd: Rural branches were not consulted.",
            "Canlyniad y galw i mewn:",
            "Cyfeiriwyd y penderfyniad yn ôl at y Cabinet i'w ailystyried",
        ],
    );

    // The Cabinet minute, English and Welsh.
    ok(cofnod(
        &db,
        &[
            "render",
            cabinet_date,
            "--body",
            "Cabinet",
            "--out",
            out("cabinet.pdf").to_str().unwrap(),
        ],
    ));
    ok(cofnod(
        &db,
        &[
            "render",
            cabinet_date,
            "--body",
            "Cabinet",
            "--welsh",
            "--out",
            out("cabinet-cy.pdf").to_str().unwrap(),
        ],
    ));
    has(
        &pdf_words(&out("cabinet.pdf")),
        &[
            "Key decision.",
            "Options considered and rejected: To close four branch libraries.",
            "Consultation undertaken: A twelve-week public consultation.",
            "Interests declared and dispensations: None.",
            "Implementation of Decision",
            "This decision will be implemented after the three day call-in period.",
        ],
    );
    has(
        &pdf_words(&out("cabinet-cy.pdf")),
        &[
            "Penderfyniad allweddol.",
            "Rhoi'r penderfyniad ar waith",
            "Rhoddir y penderfyniad hwn ar waith ar ôl y cyfnod galw i mewn o dridiau.",
        ],
    );

    // Still waiting for Cabinet; then Cabinet reconsiders at its next meeting.
    let err = refused(cofnod(&db, &["implement", "C1(1)", "--on", "2015-04-14"]));
    assert!(err.contains("awaiting reconsideration"), "{err}");
    {
        let mut store = Store::open(&db).expect("store");
        let cabinet = store.body_by_name("Cabinet").expect("Cabinet").id;
        let m = meeting_on(&mut store, cabinet, d(2015, 4, 20));
        let min = store
            .add_minute(m, None, "Library Strategy: call-in")
            .expect("minute");
        assert_eq!(min.label, "C2");
        store
            .add_resolution(
                min.id,
                &limb(
                    "the decision be confirmed with a rural outreach plan",
                    "To answer the Scrutiny Committee's concerns.",
                ),
            )
            .expect("limb");
    }
    ok(cofnod(&db, &["call-in", "reconsidered", "C1(1)", "C2(1)"]));
    let said = ok(cofnod(&db, &["implement", "C1(1)", "--on", "2015-04-21"]));
    assert!(
        said.contains("C1(1) was implemented on 2015-04-21"),
        "{said}"
    );

    // The register follows the chain both ways.
    let page = ok(cofnod(&db, &["resolution", "C1(1)"]));
    has(
        &page,
        &[
            "Executive decision (key decision): published 2015-03-28; call-in period ends 2015-04-01",
            "Implemented on 2015-04-21",
            "by Councillor R. Pryce, Councillor S. Thomas, Councillor T. Vaughan: referred back to Cabinet, reconsidered",
            "(call-in)",
            "Reconsidered: minute C2 of Cabinet 2015-04-20",
        ],
    );
    let back = ok(cofnod(&db, &["resolution", "C2(1)"]));
    has(
        &back,
        &[
            "Call-ins this minute considered or reconsidered:",
            "Decision: Cabinet 2015-03-27 minute C1(1)",
        ],
    );
    ok(cofnod(&db, &["verify"]));
    if let Ok(keep) = std::env::var("COFNOD_KEEP_PDFS") {
        for f in [
            "scrutiny.pdf",
            "scrutiny-cy.pdf",
            "cabinet.pdf",
            "cabinet-cy.pdf",
        ] {
            let _ = std::fs::copy(out(f), Path::new(&keep).join(f));
        }
    }
}
