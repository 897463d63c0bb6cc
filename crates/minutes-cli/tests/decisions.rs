//! `cofnod decisions`, `cofnod calendar` and the notices in `cofnod referrals`: the file is
//! written and reads back as the notice; a typo'd meeting and an unwritable path are refused
//! with a clear message and the promised exit code; the notices due and overdue are listed.

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

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cofnod.sqlite3");
    let init = cofnod(&db, &["init", "--demo"]);
    assert_eq!(init.status.code(), Some(0), "{}", stderr(&init));
    (dir, db)
}

#[test]
fn the_notice_is_written_as_pdf_and_as_text_in_english_and_welsh() {
    let (dir, db) = demo();
    let pdf = dir.path().join("notice.pdf");
    let o = cofnod(
        &db,
        &["decisions", "2015-01-05", "--out", pdf.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("Wrote "));
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Notice of Decisions"), "{text}");
    assert!(text.contains("Apologies for absence:"), "{text}");

    let cy = dir.path().join("hysbysiad.txt");
    let o = cofnod(
        &db,
        &[
            "decisions",
            "2015-01-05",
            "--welsh",
            "--text",
            "--out",
            cy.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&cy).unwrap();
    assert!(text.contains("HYSBYSIAD O BENDERFYNIADAU"), "{text}");
    assert!(text.contains("ARGYMHELLWYD"), "{text}");

    // Marked published: once; the second time is a conflict (exit 5).
    let o = cofnod(
        &db,
        &[
            "decisions",
            "2015-01-05",
            "--mark-published",
            "--on",
            "2015-01-09",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("marked published on 2015-01-09"));
    let o = cofnod(
        &db,
        &[
            "decisions",
            "2015-01-05",
            "--mark-published",
            "--on",
            "2015-01-12",
        ],
    );
    assert_eq!(o.status.code(), Some(5), "{}", stderr(&o));
    assert!(stderr(&o).contains("already marked published on 2015-01-09"));
}

#[test]
fn a_typo_d_meeting_or_an_unwritable_path_is_refused_and_nothing_is_written() {
    let (dir, db) = demo();
    let out = dir.path().join("notice.pdf");
    let o = cofnod(
        &db,
        &["decisions", "2015-01-06", "--out", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("cofnod: error [not_found]: "),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
    assert!(!out.exists());

    let nowhere = dir.path().join("no such folder").join("notice.pdf");
    let o = cofnod(
        &db,
        &[
            "decisions",
            "2015-01-05",
            "--out",
            nowhere.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("cofnod: error [io]: "),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("no such folder"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());

    // Neither a file nor --mark-published: nothing to do, said so.
    let o = cofnod(&db, &["decisions", "2015-01-05"]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(stderr(&o).contains("--out FILE"), "{}", stderr(&o));
}

#[test]
fn referrals_list_the_notices_due_soon_and_overdue_and_the_calendar_moves_them() {
    let (_dir, db) = demo();
    // Monday 5th January 2015: due Tuesday 13th. On Friday 9th, two working days left.
    let o = cofnod(&db, &["referrals", "--today", "2015-01-09"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("Notices of decisions due soon and overdue:"),
        "{out}"
    );
    assert!(
        out.contains("Scrutiny Committee (Social Care and Health) 2015-01-05: notice of decisions due 2015-01-13 (2 working days left)"),
        "{out}"
    );
    // The council closes Monday 12th: due Wednesday 14th, still two left (13th and 14th).
    let o = cofnod(
        &db,
        &[
            "calendar",
            "close",
            "2015-01-12",
            "--name",
            "Staff training",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&cofnod(&db, &["referrals", "--today", "2015-01-09"]));
    assert!(
        out.contains("due 2015-01-14 (2 working days left)"),
        "{out}"
    );
    // On the 15th it is overdue.
    let out = stdout(&cofnod(&db, &["referrals", "--today", "2015-01-15"]));
    assert!(
        out.contains("2015-01-05: notice of decisions OVERDUE since 2015-01-14"),
        "{out}"
    );
    // Published: no longer listed.
    cofnod(
        &db,
        &[
            "decisions",
            "2015-01-05",
            "--mark-published",
            "--on",
            "2015-01-14",
        ],
    );
    let out = stdout(&cofnod(&db, &["referrals", "--today", "2015-01-15"]));
    assert!(!out.contains("2015-01-05: notice of decisions"), "{out}");

    // The calendar lists the year's bank holidays and the council's own days.
    let out = stdout(&cofnod(&db, &["calendar", "--year", "2015"]));
    assert!(out.contains("Fri 3 Apr 2015  Good Friday"), "{out}");
    assert!(
        out.contains("Mon 12 Jan 2015  closed  Staff training"),
        "{out}"
    );
    let o = cofnod(&db, &["calendar", "close", "2015-01-10"]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(stderr(&o).contains("Saturday or Sunday"), "{}", stderr(&o));
}
