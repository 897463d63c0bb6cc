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

/// The files in a folder, by name, sorted: every one, but the -wal and -shm files SQLite
/// keeps beside a live database in use (a reading command leaves them for the next writer).
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            !(n.starts_with("cofnod.sqlite3-") && (n.ends_with("-wal") || n.ends_with("-shm")))
        })
        .collect();
    names.sort();
    names
}

/// The one-line error a script reads: `cofnod: error [CODE]: message naming the file`, nothing
/// on standard output, and the exit code the README gives for the code.
fn assert_error(o: &Output, exit: i32, code: &str, names: &Path) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(exit), "{err}");
    assert!(
        err.starts_with(&format!("cofnod: error [{code}]: ")),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.contains(&names.display().to_string()),
        "names {}: {err}",
        names.display()
    );
    assert_eq!(stdout(o), "", "nothing on standard output");
}

#[test]
fn a_command_that_reads_creates_nothing_and_takes_over_no_file() {
    let dir = tempfile::tempdir().unwrap();

    // A typo'd folder: not found (exit 3), naming the path; no folder, no database made.
    let typo = dir.path().join("typo").join("x.sqlite3");
    for args in [
        &["meetings"][..],
        &["search", "budget"],
        &["backup", "b.sqlite3"],
    ] {
        let o = cofnod(&typo, args);
        assert_error(&o, 3, "not_found", &typo);
    }
    assert!(!dir.path().join("typo").exists(), "no folder made");
    let missing = dir.path().join("missing.sqlite3");
    assert_error(&cofnod(&missing, &["meetings"]), 3, "not_found", &missing);
    assert_eq!(files_in(dir.path()), Vec::<String>::new(), "no file made");

    // An empty file and another program's databases (one empty, one with a table): refused
    // as not Cofnod's (exit 6) by reading and by creating commands alike, byte for byte as
    // they were.
    let empty = dir.path().join("empty.sqlite3");
    std::fs::write(&empty, "").unwrap();
    let other_empty = dir.path().join("other-empty.sqlite3");
    let c = rusqlite::Connection::open(&other_empty).unwrap();
    c.pragma_update(None, "journal_mode", "WAL").unwrap();
    drop(c);
    let other = dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann')")
        .unwrap();
    let before = files_in(dir.path());
    for file in [&empty, &other_empty, &other] {
        let bytes = std::fs::read(file).unwrap();
        for args in [
            &["meetings"][..],
            &["init"],
            &["demo"],
            &["minute-book", "year"],
        ] {
            let o = cofnod(file, args);
            assert_error(&o, 6, "not_a_database", file);
            assert_eq!(std::fs::read(file).unwrap(), bytes, "{file:?} {args:?}");
        }
    }
    assert_eq!(files_in(dir.path()), before, "nothing made beside them");

    // Only a creating command makes a database (whole, in one step: one file).
    let new = dir.path().join("new").join("cofnod.sqlite3");
    let init = cofnod(&new, &["init"]);
    assert_eq!(init.status.code(), Some(0), "{}", stderr(&init));
    assert_eq!(files_in(&dir.path().join("new")), ["cofnod.sqlite3"]);
    let listed = cofnod(&new, &["meetings"]);
    assert_eq!(listed.status.code(), Some(0), "{}", stderr(&listed));
}

/// Makes `path` and its folder read-only for everyone (as a CD, or a share mounted read-only).
fn make_read_only(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for p in [path, path.parent().unwrap()] {
        let mode = std::fs::metadata(p).unwrap().permissions().mode();
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode & !0o222)).unwrap();
    }
}

fn make_writable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for p in [path.parent().unwrap(), path] {
        let mode = std::fs::metadata(p).unwrap().permissions().mode();
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode | 0o200)).unwrap();
    }
}

#[test]
fn a_database_in_a_read_only_place_is_read_and_a_change_says_the_place_is_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let made = dir.path().join("cofnod.sqlite3");
    assert!(cofnod(&made, &["demo"]).status.success());
    let ro_dir = dir.path().join("cd");
    std::fs::create_dir(&ro_dir).unwrap();
    // Named so that files_in hides nothing beside it.
    let db = ro_dir.join("council.sqlite3");
    std::fs::copy(&made, &db).unwrap();
    let bytes = std::fs::read(&db).unwrap();
    make_read_only(&db);

    let listed = cofnod(&db, &["meetings"]);
    assert_eq!(listed.status.code(), Some(0), "{}", stderr(&listed));
    assert!(stdout(&listed).contains(BODY));
    let minutes = cofnod(&db, &["minutes", "2015-01-05", "--body", BODY]);
    assert_eq!(minutes.status.code(), Some(0), "{}", stderr(&minutes));

    // A change: read_only_place, exit 1, naming the file; not "not a Cofnod database".
    let change = cofnod(&db, &["minute-book", "year"]);
    assert_error(&change, 1, "read_only_place", &db);
    assert!(!stderr(&change).contains("restore a backup"));
    let again = cofnod(&db, &["demo"]);
    assert_error(&again, 1, "read_only_place", &db);

    make_writable(&db);
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "the file as it was");
    assert_eq!(files_in(&ro_dir), ["council.sqlite3"], "nothing beside it");
}

#[test]
fn backup_is_one_file_and_restore_refuses_what_it_cannot_trust_leaving_the_database_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cofnod.sqlite3");
    assert!(cofnod(&db, &["demo"]).status.success());

    // A backup: one new file, self-contained (rollback journal, not WAL: bytes 18 and 19 of
    // the header are 1), named on standard output.
    let media = dir.path().join("usb");
    std::fs::create_dir(&media).unwrap();
    let backup = media.join("backup.sqlite3");
    let before = files_in(dir.path());
    let o = cofnod(&db, &["backup", backup.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains(&backup.display().to_string()));
    assert_eq!(files_in(&media), ["backup.sqlite3"]);
    assert_eq!(
        files_in(dir.path()),
        before,
        "nothing else beside the database"
    );
    let header = std::fs::read(&backup).unwrap();
    assert_eq!((header[18], header[19]), (1, 1), "not in WAL mode");
    // The same name again is refused (io, exit 1), the backup untouched.
    let twice = cofnod(&db, &["backup", backup.to_str().unwrap()]);
    assert_error(&twice, 1, "io", &backup);

    let live = std::fs::read(&db).unwrap();
    let listing = stdout(&cofnod(&db, &["meetings", "--json"]));
    let unchanged = |what: &str| {
        assert_eq!(
            std::fs::read(&db).unwrap(),
            live,
            "{what}: the database's bytes"
        );
        assert_eq!(
            stdout(&cofnod(&db, &["meetings", "--json"])),
            listing,
            "{what}"
        );
    };

    // A missing file: not found (exit 3), naming it.
    let missing = dir.path().join("no-such-backup.sqlite3");
    let o = cofnod(&db, &["restore", missing.to_str().unwrap()]);
    assert_error(&o, 3, "not_found", &missing);
    unchanged("missing");

    // A damaged copy: the middle of the file overwritten.
    let damaged = dir.path().join("damaged.sqlite3");
    let mut bytes = header.clone();
    let mid = bytes.len() / 2;
    bytes[mid..mid + 8192].fill(0x5A);
    std::fs::write(&damaged, &bytes).unwrap();
    let o = cofnod(&db, &["restore", damaged.to_str().unwrap()]);
    assert_error(&o, 6, "bad_backup", &damaged);
    unchanged("damaged");

    // Another program's database.
    let other = dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE contacts (name TEXT)")
        .unwrap();
    let o = cofnod(&db, &["restore", other.to_str().unwrap()]);
    assert_error(&o, 6, "bad_backup", &other);
    assert!(stderr(&o).contains("another program"), "{}", stderr(&o));
    unchanged("another program's");

    // A backup written by a newer version (a schema this one does not know).
    let newer = dir.path().join("newer.sqlite3");
    std::fs::copy(&backup, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let o = cofnod(&db, &["restore", newer.to_str().unwrap()]);
    assert_error(&o, 6, "bad_backup", &newer);
    assert!(stderr(&o).contains("newer version"), "{}", stderr(&o));
    unchanged("newer");
    assert_eq!(
        files_in(dir.path()),
        [
            "cofnod.sqlite3",
            "damaged.sqlite3",
            "newer.sqlite3",
            "other.sqlite3",
            "usb"
        ],
        "no copy kept of a restore refused"
    );

    // The good backup, from read-only media: restored, and nothing left beside it.
    make_read_only(&backup);
    let o = cofnod(&db, &["restore", backup.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("Restored "), "{}", stdout(&o));
    make_writable(&backup);
    assert_eq!(
        files_in(&media),
        ["backup.sqlite3"],
        "nothing beside the backup"
    );
    assert_eq!(
        std::fs::read(&backup).unwrap(),
        header,
        "the backup as it was"
    );
    assert_eq!(stdout(&cofnod(&db, &["meetings", "--json"])), listing);
}

#[test]
fn restore_waits_a_bounded_time_without_spinning_while_another_program_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cofnod.sqlite3");
    assert!(cofnod(&db, &["demo"]).status.success());
    let backup = dir.path().join("backup.sqlite3");
    assert!(cofnod(&db, &["backup", backup.to_str().unwrap()])
        .status
        .success());
    let listing = stdout(&cofnod(&db, &["meetings", "--json"]));

    // Another program holds the write lock throughout.
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();

    // At most 2 seconds of processor time (`ulimit -t`): a restore that spun while it waited
    // would be stopped by the system and not exit with the locked error.
    let started = std::time::Instant::now();
    let o = Command::new("sh")
        .arg("-c")
        .arg("ulimit -t 2; exec \"$0\" --db \"$1\" restore \"$2\"")
        .arg(env!("CARGO_BIN_EXE_cofnod"))
        .arg(&db)
        .arg(&backup)
        .env_remove("COFNOD_DB")
        .output()
        .unwrap();
    let waited = started.elapsed();
    assert_eq!(o.status.code(), Some(5), "{:?} {}", o.status, stderr(&o));
    assert!(
        stderr(&o).starts_with("cofnod: error [locked]: the database is in use"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("Nothing was changed"), "{}", stderr(&o));
    assert!(
        waited < std::time::Duration::from_secs(30),
        "bounded: {waited:?}"
    );
    other.execute_batch("ROLLBACK").unwrap();
    drop(other);
    assert_eq!(stdout(&cofnod(&db, &["meetings", "--json"])), listing);
    assert_eq!(
        files_in(dir.path()),
        ["backup.sqlite3", "cofnod.sqlite3"],
        "no copy kept of a restore not done"
    );
}

#[test]
fn a_killed_archive_generation_leaves_a_database_it_can_be_run_again_into() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("archive.sqlite3");

    // Sizes beyond any council's are refused before any file is made, naming the bound.
    for (flag, value, bound) in [
        ("--years", "51", "1 and 50 years"),
        ("--meetings-per-year", "601", "1 and 600 meetings a year"),
        ("--items-per-meeting", "41", "2 and 40 items a meeting"),
    ] {
        let o = cofnod(&db, &["generate-archive", flag, value]);
        assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
        assert!(stderr(&o).contains(bound), "{}", stderr(&o));
    }
    let o = cofnod(
        &db,
        &[
            "generate-archive",
            "--years",
            "50",
            "--items-per-meeting",
            "40",
        ],
    );
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("at most 500000 agenda items"),
        "{}",
        stderr(&o)
    );
    assert!(!db.exists(), "no file made for a refused size");

    // Killed half way through writing (its journal growing), then run again: it works.
    let mut child = Command::new(env!("CARGO_BIN_EXE_cofnod"))
        .arg("--db")
        .arg(&db)
        .args(["generate-archive", "--years", "10"])
        .env_remove("COFNOD_DB")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let wal = dir.path().join("archive.sqlite3-wal");
    let started = std::time::Instant::now();
    while std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) < 4 << 20 {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "the archive never started writing"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "it finished before it was killed"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let again = cofnod(
        &db,
        &[
            "generate-archive",
            "--years",
            "1",
            "--meetings-per-year",
            "25",
        ],
    );
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stdout(&again).starts_with("Generated 25 bodies, 25 meetings"),
        "{}",
        stdout(&again)
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

#[test]
fn votes_dispensations_and_the_quorum_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cofnod.sqlite3");
    assert!(cofnod(&db, &["init", "--demo"]).status.success());
    let quorum = cofnod(&db, &["quorum", "2015-01-05", "--body", BODY]);
    assert_eq!(quorum.status.code(), Some(0), "{}", stderr(&quorum));
    assert!(
        stdout(&quorum).contains("Item 4  National inspection")
            && stdout(&quorum).contains("Quorate (6 of quorum 3)"),
        "{}",
        stdout(&quorum)
    );
    // The January meeting's limbs, from its export.
    let json: serde_json::Value =
        serde_json::from_slice(&cofnod(&db, &["export", "2015-01-05", "--body", BODY]).stdout)
            .expect("json");
    let limbs: Vec<String> = json["minutes"]
        .as_array()
        .expect("minutes")
        .iter()
        .flat_map(|m| m["resolutions"].as_array().cloned().unwrap_or_default())
        .map(|r| r["id"].as_str().unwrap_or_default().to_string())
        .collect();
    let last = limbs.last().expect("a limb").as_str();
    // Someone only "also present" is refused by name, exit 5, and nothing is recorded.
    let refused = cofnod(
        &db,
        &[
            "vote",
            last,
            "--requested-by",
            "D. Howells",
            "--for",
            "G. John",
        ],
    );
    assert_eq!(refused.status.code(), Some(5), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("Councillor G. John was not a member present for item 4"),
        "{}",
        stderr(&refused)
    );
    let ok = cofnod(
        &db,
        &[
            "vote",
            last,
            "--requested-by",
            "D. Howells",
            "--for",
            "R.J. Bowen",
            "--for",
            "Mrs. E. Llewelyn",
            "--against",
            "D. Howells",
            "--against",
            "I.W. Thomas",
            "--casting",
            "for",
        ],
    );
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(
        stdout(&ok).contains(
            "There being an equality of votes, the Chairman used their casting vote in favour."
        ),
        "{}",
        stdout(&ok)
    );
    let en = stdout(&cofnod(&db, &["minutes", "2015-01-05", "--body", BODY]));
    assert!(en.contains("A recorded vote having been requested by Councillor D. Howells, the voting was as follows: For: Councillors R.J. Bowen and Mrs. E. Llewelyn. Against: Councillors D. Howells and I.W. Thomas. Abstained: none."), "{en}");
    let cy = stdout(&cofnod(
        &db,
        &["minutes", "2015-01-05", "--body", BODY, "--welsh"],
    ));
    assert!(
        cy.contains("Gan fod y Cynghorydd D. Howells wedi gofyn am bleidlais wedi'i chofnodi"),
        "{cy}"
    );
    // A bad --hands is refused as invalid (exit 4).
    let bad = cofnod(&db, &["vote", last, "--hands", "six"]);
    assert_eq!(bad.status.code(), Some(4), "{}", stderr(&bad));
}
