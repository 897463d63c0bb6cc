//! The first start: with no database the app creates nothing until the clerk chooses; a new
//! council is set up in one go or refused with nothing written; the demo only when chosen.

use std::path::Path;

use minutes_app::core::input::NewCouncil;
use minutes_app::core::{BodyKind, ErrorCode, Jurisdiction, Role, SequenceScope};
use minutes_app::{Clock, Council, CouncilSlot};

fn glanyrafon() -> NewCouncil {
    NewCouncil {
        name_en: "  Glan-yr-Afon County Council ".into(),
        name_cy: "Cyngor Sir Glan-yr-Afon".into(),
        jurisdiction: Jurisdiction::Wales,
        committee_en: "Governance and Audit Committee".into(),
        committee_cy: "Pwyllgor Llywodraethu ac Archwilio".into(),
        committee_kind: BodyKind::Regulatory,
        members: vec!["Mrs. S. Rees".into(), " D.J. Price ".into()],
    }
}

/// The slot as the app opens it on `path`, the check of the record not started.
fn open(path: &Path) -> CouncilSlot {
    CouncilSlot::open_app(Some(path.to_path_buf()), false, false).expect("the app opens")
}

#[test]
fn with_no_database_the_app_creates_nothing_until_the_clerk_chooses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cofnod.sqlite3");
    let slot = open(&path);
    let state = slot.state();
    assert!(!state.council_open, "no council is open before the choice");
    assert_eq!(state.database_path, path.display().to_string());
    assert!(!path.exists(), "no database file before the choice");
    let refused = slot.council().err().expect("no council to reach");
    assert_eq!(refused.code(), ErrorCode::NotFound);
    assert!(
        refused
            .to_string()
            .contains("set up a new council or open the demo council"),
        "the refusal says what to do: {refused}"
    );
    // Nothing is created by looking again either.
    let again = open(&path);
    assert!(!again.state().council_open);
    assert!(!path.exists());
}

#[test]
fn a_new_council_has_its_authority_committee_and_members_and_opens_again_straight() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cofnod.sqlite3");
    let slot = open(&path);
    let council = slot.create_council(&glanyrafon()).expect("set up");
    assert!(slot.state().council_open);
    assert!(path.exists());

    let authority = council.write(|s| s.authority()).unwrap();
    assert_eq!(authority.name_en, "Glan-yr-Afon County Council");
    assert_eq!(authority.name_cy, "Cyngor Sir Glan-yr-Afon");
    assert_eq!(authority.jurisdiction, Jurisdiction::Wales);
    let bodies = council.write(|s| s.bodies()).unwrap();
    assert_eq!(bodies.len(), 1, "one committee: {bodies:?}");
    let body = &bodies[0];
    assert_eq!(body.name_en, "Governance and Audit Committee");
    assert_eq!(body.name_cy, "Pwyllgor Llywodraethu ac Archwilio");
    assert_eq!(body.kind, BodyKind::Regulatory);
    let sequences = council.write(|s| s.sequences()).unwrap();
    assert_eq!(sequences.len(), 1);
    assert_eq!(sequences[0].scope, SequenceScope::Council);
    assert_eq!(body.sequence_id, sequences[0].id);

    let people = council.write(|s| s.people()).unwrap();
    let mut names: Vec<String> = people
        .iter()
        .map(|p| format!("{} {}", p.honorific, p.name))
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["Councillor D.J. Price", "Councillor Mrs. S. Rees"],
        "each member as typed, trimmed, a councillor"
    );
    let members = council.write(|s| s.memberships(body.id)).unwrap();
    assert_eq!(members.len(), 2);
    let today = council.today();
    for m in &members {
        assert_eq!(m.role, Role::Member);
        assert!(m.from <= today && m.to.is_none(), "a current member: {m:?}");
        assert!(people.iter().any(|p| p.id == m.person_id));
    }

    // The next start opens the same council, with no choice to make.
    drop(slot);
    let next = open(&path);
    assert!(next.state().council_open);
    let name = next
        .council()
        .unwrap()
        .write(|s| s.authority())
        .unwrap()
        .name_en;
    assert_eq!(name, "Glan-yr-Afon County Council");
}

/// Each bad council is refused naming its field, and no database file is left.
#[test]
fn a_council_with_bad_input_is_refused_naming_the_field_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cofnod.sqlite3");
    let slot = open(&path);
    let cases: Vec<(&str, NewCouncil)> = vec![
        (
            "Authority name: must not be empty",
            NewCouncil {
                name_en: "   ".into(),
                ..glanyrafon()
            },
        ),
        (
            "Committee name: must not be empty",
            NewCouncil {
                committee_en: String::new(),
                ..glanyrafon()
            },
        ),
        (
            "Member 2's name: must not be empty",
            NewCouncil {
                members: vec!["Mrs. S. Rees".into(), "  ".into(), "D.J. Price".into()],
                ..glanyrafon()
            },
        ),
        (
            "Member 3's name: mrs. s. rees is already member 1 of the list",
            NewCouncil {
                members: vec![
                    "Mrs. S. Rees".into(),
                    "D.J. Price".into(),
                    "mrs. s. rees".into(),
                ],
                ..glanyrafon()
            },
        ),
    ];
    for (message, bad) in cases {
        let e = slot.create_council(&bad).err().expect("refused");
        assert_eq!(e.code(), ErrorCode::Invalid, "{message}");
        assert_eq!(e.to_string(), message);
        assert!(!path.exists(), "nothing created after: {message}");
        assert!(!slot.state().council_open);
    }
    // And after the mistakes, the corrected council is set up.
    slot.create_council(&glanyrafon())
        .expect("set up once corrected");
    assert!(path.exists());
}

#[test]
fn a_database_with_a_council_is_never_set_up_again() {
    let dir = tempfile::tempdir().unwrap();
    let council = Council::open(&dir.path().join("c.sqlite3"), Clock::System).unwrap();
    council.set_up_council(&glanyrafon()).unwrap();
    let e = council
        .set_up_council(&NewCouncil {
            name_en: "Another Council".into(),
            committee_en: "Another Committee".into(),
            ..glanyrafon()
        })
        .expect_err("refused");
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert!(e.to_string().contains("already holds a council"), "{e}");
    // Nothing of the second one was written.
    assert_eq!(council.write(|s| s.bodies()).unwrap().len(), 1);
    assert_eq!(council.write(|s| s.people()).unwrap().len(), 2);
    assert_eq!(
        council.write(|s| s.authority()).unwrap().name_en,
        "Glan-yr-Afon County Council"
    );
}

#[test]
fn the_demo_loads_only_when_chosen_or_asked_for_by_the_tests_switch() {
    let dir = tempfile::tempdir().unwrap();
    let chosen = dir.path().join("chosen.sqlite3");
    let slot = open(&chosen);
    assert!(!chosen.exists());
    let council = slot.open_demo().expect("the demo");
    let name = council.write(|s| s.authority()).unwrap().name_en;
    assert_eq!(name, "Glantawe County Borough Council");
    // One choice per start: a second is refused, and the demo is still what is open.
    let again = slot.create_council(&glanyrafon()).err().expect("refused");
    assert_eq!(again.code(), ErrorCode::Conflict);
    assert!(again.to_string().contains("already open"), "{again}");

    // COFNOD_DEMO=1: no database, so the demo without asking (as the button would).
    let switched = dir.path().join("switched.sqlite3");
    let slot = CouncilSlot::open_app(Some(switched.clone()), true, false).unwrap();
    assert!(slot.state().council_open);
    let name = slot
        .council()
        .unwrap()
        .write(|s| s.authority())
        .unwrap()
        .name_en;
    assert_eq!(name, "Glantawe County Borough Council");
    // ...and never over a council that is there.
    let mine = dir.path().join("mine.sqlite3");
    open(&mine).create_council(&glanyrafon()).unwrap();
    let slot = CouncilSlot::open_app(Some(mine), true, false).unwrap();
    let name = slot
        .council()
        .unwrap()
        .write(|s| s.authority())
        .unwrap()
        .name_en;
    assert_eq!(name, "Glan-yr-Afon County Council");
}

/// A database made by `cofnod init` (no council in it yet) offers the choice too, and the
/// council is set up in that file.
#[test]
fn an_empty_database_offers_the_choice_and_keeps_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cofnod.sqlite3");
    drop(Council::open(&path, Clock::System).unwrap());
    assert!(path.exists());
    let slot = open(&path);
    assert!(!slot.state().council_open);
    // A refused set-up leaves the file as it was.
    let bad = NewCouncil {
        name_en: String::new(),
        ..glanyrafon()
    };
    assert!(slot.create_council(&bad).is_err());
    assert!(path.exists(), "the database that was there stays");
    slot.create_council(&glanyrafon()).unwrap();
    assert!(open(&path).state().council_open);
}

#[test]
fn a_backup_replaces_a_file_there_but_never_the_database_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cofnod.sqlite3");
    let slot = open(&path);
    let council = slot.create_council(&glanyrafon()).unwrap();

    let e = council.backup_replacing(&path).expect_err("refused");
    assert_eq!(e.code(), ErrorCode::Invalid);
    assert!(e.to_string().contains("is the database itself"), "{e}");
    assert_eq!(
        council.write(|s| s.authority()).unwrap().name_en,
        "Glan-yr-Afon County Council",
        "the database is untouched"
    );

    let dest = dir.path().join("backup.sqlite3");
    std::fs::write(&dest, "an older file the clerk chose to replace").unwrap();
    let info = council.backup_replacing(&dest).expect("backed up");
    assert_eq!(info.path, dest);
    assert!(info.bytes > 0);
    assert_eq!(std::fs::metadata(&dest).unwrap().len(), info.bytes);
    // Nothing half-written is left beside it.
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // The backup is a Cofnod database that restores.
    let restored = Council::open(&dir.path().join("other.sqlite3"), Clock::System).unwrap();
    restored.restore(&dest).expect("restores");
    assert_eq!(
        restored.write(|s| s.authority()).unwrap().name_en,
        "Glan-yr-Afon County Council"
    );
}
