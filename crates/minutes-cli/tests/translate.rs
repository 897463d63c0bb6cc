//! `cofnod translate`: the texts listed with their status, one set, many from a CSV file (a
//! hostile cell is only text), and the Welsh minutes warning of what still awaits.

use std::path::Path;
use std::process::{Command, Output};

fn cofnod(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cofnod"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("COFNOD_DB")
        .output()
        .expect("cofnod runs")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_clerk_translates_from_the_command_line_and_the_welsh_minutes_stop_warning() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("c.sqlite3");
    assert!(cofnod(&db, &["demo"]).status.success());
    let list = cofnod(&db, &["translate", "2015-01-05", "--list"]);
    assert!(list.status.success(), "{}", err(&list));
    let listing = out(&list);
    assert!(listing.contains("awaiting    agenda_title:"), "{listing}");
    assert!(listing.contains("Minute 8 – (1) reason"), "{listing}");

    let minutes = cofnod(&db, &["minutes", "2015-01-05", "--welsh"]);
    assert!(
        err(&minutes).contains("cofnod: warning: 16 texts await translation: Item 4 – title;"),
        "{}",
        err(&minutes)
    );

    // One by hand; the rest from a file, one cell a formula.
    let texts: Vec<(String, String)> = listing
        .lines()
        .filter(|l| l.starts_with("awaiting"))
        .filter_map(|l| l.split_whitespace().nth(1))
        .filter_map(|k| k.split_once(':'))
        .map(|(s, i)| (s.to_string(), i.to_string()))
        .collect();
    assert_eq!(texts.len(), 16);
    let (s, i) = &texts[0];
    let set = cofnod(
        &db,
        &[
            "translate",
            "2015-01-05",
            "--set",
            &format!("{s}:{i}"),
            "--welsh",
            "Arolygiad cenedlaethol",
        ],
    );
    assert_eq!(out(&set), "Item 4 – title: done\n", "{}", err(&set));
    let empty = cofnod(
        &db,
        &[
            "translate",
            "2015-01-05",
            "--set",
            &format!("{s}:{i}"),
            "--welsh",
            " ",
        ],
    );
    assert_eq!(empty.status.code(), Some(4));
    assert!(
        err(&empty).contains("the Welsh of Item 4's title is empty"),
        "{}",
        err(&empty)
    );

    let mut csv = String::from("source,source_id,text\n");
    for (s, i) in &texts[1..] {
        csv.push_str(&format!("{s},{i},\"=cmd|' /C calc'!A0, testun\"\n"));
    }
    let file = dir.path().join("cy.csv");
    std::fs::write(&file, csv).expect("write");
    let from = cofnod(
        &db,
        &[
            "translate",
            "2015-01-05",
            "--from",
            file.to_str().expect("path"),
        ],
    );
    assert_eq!(
        out(&from),
        format!("Recorded 15 translations from {}\n", file.display()),
        "{}",
        err(&from)
    );
    let minutes = cofnod(&db, &["minutes", "2015-01-05", "--welsh"]);
    assert!(
        !err(&minutes).contains("await translation"),
        "{}",
        err(&minutes)
    );
    assert!(out(&minutes).contains("=cmd|' /C calc'!A0, testun"));
}
