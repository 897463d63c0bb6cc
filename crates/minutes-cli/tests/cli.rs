//! The command line as a script uses it: what it prints, and the exit codes the README
//! promises, each provoked the way a person at a terminal would (a typo'd date, a body that
//! does not exist, the demo loaded twice, a file that is not a database).

use std::path::Path;
use std::process::{Command, Output};

fn cofnod(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cofnod"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("COFNOD_DB")
        .output()
        .unwrap()
}

/// `cofnod render` of the demo meeting to `out`.
fn render(db: &Path, out: &Path) -> Output {
    cofnod(
        db,
        &[
            "render",
            "2015-01-05",
            "--body",
            BODY,
            "--out",
            out.to_str().unwrap(),
        ],
    )
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const BODY: &str = "Scrutiny Committee (Social Care and Health)";

#[test]
fn a_script_can_rely_on_the_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cofnod.sqlite3");

    let init = cofnod(&db, &["init", "--demo"]);
    assert_eq!(init.status.code(), Some(0), "{}", stderr(&init));
    assert_eq!(stdout(&init).trim(), db.display().to_string());
    assert!(stderr(&init).contains("loaded the demo council"));

    // 2: the command line itself is wrong.
    let usage = cofnod(&db, &["minutes"]);
    assert_eq!(usage.status.code(), Some(2), "{}", stderr(&usage));

    // 3: a meeting that does not exist; a body that does not exist.
    let missing = cofnod(&db, &["minutes", "2031-01-01"]);
    assert_eq!(missing.status.code(), Some(3), "{}", stderr(&missing));
    assert!(stderr(&missing).starts_with("cofnod: error [not_found]: "));
    let no_body = cofnod(
        &db,
        &[
            "tracker",
            "Planning",
            "--from",
            "2014-01-01",
            "--to",
            "2015-12-31",
        ],
    );
    assert_eq!(no_body.status.code(), Some(3), "{}", stderr(&no_body));

    // 4: a value refused.
    let bad_id = cofnod(&db, &["resolution", "not-an-id"]);
    assert_eq!(bad_id.status.code(), Some(4), "{}", stderr(&bad_id));
    assert!(stderr(&bad_id).contains("'not-an-id' is not an id"));
    let no_body_ics = cofnod(&db, &["export", "--ics"]);
    assert_eq!(
        no_body_ics.status.code(),
        Some(4),
        "{}",
        stderr(&no_body_ics)
    );

    // 5: the demo again is a conflict, and the database keeps its one council as it was.
    let before = stdout(&cofnod(&db, &["meetings"]));
    assert!(before.contains(BODY), "{before}");
    let again = cofnod(&db, &["demo"]);
    assert_eq!(again.status.code(), Some(5), "{}", stderr(&again));
    assert!(stderr(&again).contains("already holds a council"));
    assert_eq!(stdout(&cofnod(&db, &["meetings"])), before);

    // 6: a file that is not a Cofnod database is refused untouched.
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database").unwrap();
    let refused = cofnod(&text, &["meetings"]);
    assert_eq!(refused.status.code(), Some(6), "{}", stderr(&refused));
    assert_eq!(std::fs::read_to_string(&text).unwrap(), "not a database");

    // 1: the disk refused: a PDF to a folder that does not exist.
    let nowhere = dir.path().join("no such folder").join("minutes.pdf");
    let io = render(&db, &nowhere);
    assert_eq!(io.status.code(), Some(1), "{}", stderr(&io));
    assert!(stderr(&io).contains("no such folder"), "{}", stderr(&io));
}

#[test]
fn the_demo_meeting_prints_as_text_pdf_pack_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cofnod.sqlite3");
    assert!(cofnod(&db, &["init", "--demo"]).status.success());

    let text = stdout(&cofnod(&db, &["minutes", "2015-01-05", "--body", BODY]));
    assert!(
        text.contains("Minutes of a meeting held on 5th January, 2015"),
        "{text}"
    );
    let welsh = stdout(&cofnod(
        &db,
        &["minutes", "2015-01-05", "--body", BODY, "--welsh"],
    ));
    assert!(welsh.contains("Cofnodion"), "{welsh}");

    let pdf = dir.path().join("minutes.pdf");
    let rendered = render(&db, &pdf);
    assert_eq!(stdout(&rendered), format!("Wrote {}\n", pdf.display()));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    let pack = dir.path().join("pack.pdf");
    let printed = cofnod(
        &db,
        &[
            "pack",
            "2015-01-05",
            "--body",
            BODY,
            "--out",
            pack.to_str().unwrap(),
        ],
    );
    assert!(printed.status.success(), "{}", stderr(&printed));
    assert!(stdout(&printed).starts_with(&format!("Wrote {} (pages 1 to ", pack.display())));
    assert!(
        stderr(&printed).contains("cofnod: merged 1 of 2"),
        "{}",
        stderr(&printed)
    );

    let json = stdout(&cofnod(&db, &["export", "2015-01-05", "--body", BODY]));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["meeting"]["date"], "2015-01-05");

    // The tracker is judged on the day given, not the machine's.
    let csv = stdout(&cofnod(
        &db,
        &[
            "tracker",
            BODY,
            "--from",
            "2014-05-01",
            "--to",
            "2015-04-30",
            "--today",
            "2015-01-06",
        ],
    ));
    assert!(csv.lines().count() >= 2, "{csv}");
}

#[test]
fn a_council_adopting_cofnod_mid_year_starts_its_sequence_at_its_running_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cofnod.sqlite3");
    assert_eq!(cofnod(&db, &["demo"]).status.code(), Some(0));

    let set = cofnod(
        &db,
        &[
            "sequence-start",
            "--body",
            BODY,
            "--next",
            "476",
            "--in-year",
            "2017-06-01",
        ],
    );
    assert_eq!(set.status.code(), Some(0), "{}", stderr(&set));
    assert!(
        stdout(&set)
            .contains("starting 2017-05-01, the next minute is 476 (no minute is numbered yet"),
        "{}",
        stdout(&set)
    );

    // The demo's year already has its minutes: refused, naming why.
    let refused = cofnod(
        &db,
        &[
            "sequence-start",
            "--body",
            BODY,
            "--next",
            "476",
            "--in-year",
            "2015-01-05",
        ],
    );
    assert_ne!(refused.status.code(), Some(0));
    assert!(
        stderr(&refused)
            .starts_with("cofnod: error [conflict]: the next minute number cannot be set"),
        "{}",
        stderr(&refused)
    );
    let shown = cofnod(
        &db,
        &["sequence-start", "--body", BODY, "--in-year", "2015-01-05"],
    );
    assert!(
        stdout(&shown).contains("so the first number can no longer be set"),
        "{}",
        stdout(&shown)
    );
}

/// `pdftotext -layout` of a PDF file.
fn pdf_text(path: &Path) -> String {
    let o = Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

#[test]
fn meetings_exported_and_imported_into_an_empty_database_print_the_same_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.sqlite3");
    let target = dir.path().join("target.sqlite3");
    let demo = cofnod(&source, &["demo"]);
    assert_eq!(demo.status.code(), Some(0), "{}", stderr(&demo));
    let mut files = Vec::new();
    for date in ["2015-01-05", "2014-12-01"] {
        let out = dir.path().join(format!("{date}.json"));
        let o = cofnod(
            &source,
            &[
                "export",
                date,
                "--body",
                BODY,
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        files.push(out);
    }
    let [jan, dec] = [files[0].to_str().unwrap(), files[1].to_str().unwrap()];

    // January alone, into an empty database: the year starts at its first number (5).
    // December cannot follow it there (its minutes 1 to 4 can no longer be numbered):
    // refused, naming the minute, exit 5 (a rule of the record), and nothing written.
    let alone_db = dir.path().join("alone.sqlite3");
    let alone = cofnod(&alone_db, &["import", jan]);
    assert_eq!(alone.status.code(), Some(0), "{}", stderr(&alone));
    let after = cofnod(&alone_db, &["import", dec]);
    assert_eq!(after.status.code(), Some(5), "{}", stderr(&after));
    assert!(
        stderr(&after).contains("minutes[0].minute.number: minute 1 cannot keep its number"),
        "{}",
        stderr(&after)
    );
    let listed = cofnod(&alone_db, &["meetings"]);
    assert_eq!(stdout(&listed).lines().count(), 1, "{}", stdout(&listed));

    // Both together: December first (by date), then January, which approved December's.
    let both = cofnod(&target, &["import", jan, dec]);
    assert_eq!(both.status.code(), Some(0), "{}", stderr(&both));
    let said = stdout(&both);
    assert_eq!(said.lines().count(), 2, "{said}");
    assert!(
        said.starts_with(&format!(
            "Imported {BODY} of 5th January, 2015: 4 minutes, 3 resolutions"
        )),
        "{said}"
    );
    assert!(said.contains("2 reports left out (attach again)"), "{said}");
    assert!(
        said.contains("of 1st December, 2014") && said.contains("minutes signed"),
        "{said}"
    );

    for date in ["2015-01-05", "2014-12-01"] {
        for flags in [
            &[][..],
            &["--welsh"],
            &["--confidential"],
            &["--welsh", "--confidential"],
        ] {
            let args: Vec<&str> = ["minutes", date, "--body", BODY]
                .into_iter()
                .chain(flags.iter().copied())
                .collect();
            let (a, b) = (cofnod(&source, &args), cofnod(&target, &args));
            assert_eq!(b.status.code(), Some(0), "{}", stderr(&b));
            assert_eq!(stdout(&a), stdout(&b), "{date} {flags:?}");
        }
        let (pa, pb) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
        for (db, out) in [(&source, &pa), (&target, &pb)] {
            let o = cofnod(
                db,
                &[
                    "render",
                    date,
                    "--body",
                    BODY,
                    "--out",
                    out.to_str().unwrap(),
                ],
            );
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        }
        assert_eq!(pdf_text(&pa), pdf_text(&pb), "the PDF of {date}");
    }

    // The same file again: refused, exit 5, naming the meeting.
    let again = cofnod(&target, &["import", jan]);
    assert_eq!(again.status.code(), Some(5), "{}", stderr(&again));
    assert!(
        stderr(&again).contains(": meeting: the meeting of"),
        "{}",
        stderr(&again)
    );
    assert!(stderr(&again).contains("is already in this database"));

    // A file that is not JSON: exit 4 (a value refused), naming the file.
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"authority\": ").unwrap();
    let bad = cofnod(&target, &["import", broken.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(4), "{}", stderr(&bad));
    assert!(
        stderr(&bad).contains("broken.json: JSON: is not valid JSON"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn verify_names_each_break_and_exits_7() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("c.sqlite3");
    assert!(cofnod(&db, &["demo"]).status.success());
    let clean = cofnod(&db, &["verify"]);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    assert!(stdout(&clean).starts_with("The record verifies: "));
    assert!(stdout(&clean).contains(" audit entries, 1 signed minutes."));
    // Through a separate connection, as someone with the file would.
    let raw = rusqlite::Connection::open(&db).expect("raw");
    raw.execute_batch("DROP TRIGGER resolution_signed_update")
        .expect("drop");
    drop(raw);
    let broken = cofnod(&db, &["verify"]);
    assert_eq!(broken.status.code(), Some(7));
    assert_eq!(
        stdout(&broken),
        "schema row resolution_signed_update: the trigger resolution_signed_update is missing\n"
    );
    assert!(stderr(&broken).contains("[tampered]"));
}
