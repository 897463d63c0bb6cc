//! The first start: a new council set up in one go, or the demo chosen; and the slot the
//! desktop app holds its council in, empty until that choice is made.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use chrono::{Datelike, NaiveDate};
use minutes_core::input::{NewBody, NewCouncil, NewMembership, NewPerson, NewSequence};
use minutes_core::{
    Authority, Body, ChairTitle, DomainError, PersonKind, ReasonsRule, Role, SequenceScope,
    StartState,
};

use crate::{AppError, Clock, Council, Result};

impl Council {
    /// Sets up a new council in this (empty) database, all in one transaction: the authority
    /// (its English and Welsh names, under the law of Wales or England, the municipal year
    /// from 1st May), one council-wide minute sequence, the first committee numbered in it
    /// (chaired by a "Chair", quorum 3, reasons asked for), and each member listed, as a
    /// councillor and a member of that committee from the start of the current municipal
    /// year. Bad input is refused naming the field before anything is written; a database
    /// that already holds a council is refused. The committee made.
    pub fn set_up_council(&self, n: &NewCouncil) -> Result<Body> {
        let n = minutes_core::validate::new_council(n)?;
        let authority = Authority::new(&n.name_en, &n.name_cy, n.jurisdiction);
        let from = year_start_of(&authority, self.today());
        let place = self
            .path()
            .map_or("This database".to_string(), |p| p.display().to_string());
        self.write(|store| {
            store.atomically(|s| {
                s.refuse_if_council(&place, "a new council is set up")?;
                s.set_authority(&authority)?;
                let sequence = s.add_sequence(&NewSequence {
                    name: "Council-wide".into(),
                    prefix: String::new(),
                    scope: SequenceScope::Council,
                })?;
                let body = s.add_body(&NewBody {
                    name_en: n.committee_en.clone(),
                    name_cy: n.committee_cy.clone(),
                    kind: n.committee_kind,
                    default_keyword: None,
                    chair_title: ChairTitle::Chair,
                    quorum: 3,
                    whip_declarations_required: None,
                    reasons: ReasonsRule::Required,
                    sequence_id: sequence.id,
                })?;
                for name in &n.members {
                    let person = s.add_person(&NewPerson {
                        honorific: "Councillor".into(),
                        name: name.clone(),
                        kind: PersonKind::Member,
                        title: String::new(),
                    })?;
                    s.add_membership(&NewMembership {
                        person_id: person.id,
                        body_id: body.id,
                        role: Role::Member,
                        from,
                        to: None,
                    })?;
                }
                Ok(body)
            })
        })
    }

    /// Whether this database holds a council (an authority has been set up).
    pub fn holds_council(&self) -> Result<bool> {
        self.write(|s| Ok::<_, AppError>(s.authority().is_ok()))
    }
}

/// The first day of the municipal year `today` falls in, on the authority's start.
fn year_start_of(authority: &Authority, today: NaiveDate) -> NaiveDate {
    let (m, d) = (authority.year_start_month, authority.year_start_day);
    let this_year = NaiveDate::from_ymd_opt(today.year(), m, d).unwrap_or(today);
    if today >= this_year {
        this_year
    } else {
        NaiveDate::from_ymd_opt(today.year() - 1, m, d).unwrap_or(today)
    }
}

/// The desktop app's council: empty until the database is there with a council in it, or
/// the clerk has chosen, on the first start, to set up a new council or to open the demo.
/// Filled once; every other job reaches the council through [`CouncilSlot::council`].
pub struct CouncilSlot {
    path: PathBuf,
    council: OnceLock<Council>,
    /// One choice at a time (a double click sets up one council, not two).
    choosing: Mutex<()>,
    /// Start the check of the record once a council is open.
    check: bool,
}

impl CouncilSlot {
    /// What the desktop app opens: the database at `path`, or the one in the user's data
    /// directory. One that exists and holds a council is opened at once. With none, nothing
    /// is created: the window offers the choice, unless `demo` (the tests' `COFNOD_DEMO=1`)
    /// loads the demo council as the "Open the demo council" button would. `check` starts
    /// the check of the record ([`Council::check_in_background`]) once a council is open.
    pub fn open_app(path: Option<PathBuf>, demo: bool, check: bool) -> Result<CouncilSlot> {
        let path = match path {
            Some(p) => p,
            None => minutes_store::default_database_path()?,
        };
        let slot = CouncilSlot {
            path,
            council: OnceLock::new(),
            choosing: Mutex::new(()),
            check,
        };
        if slot.path.exists() {
            let council = Council::open(&slot.path, Clock::System)?;
            if council.holds_council()? {
                slot.fill(council)?;
                return Ok(slot);
            }
        }
        if demo {
            slot.open_demo()?;
        }
        Ok(slot)
    }

    /// The database file, whether or not it exists yet.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether a council is open, and where its database is (or will be).
    pub fn state(&self) -> StartState {
        StartState {
            council_open: self.council.get().is_some(),
            database_path: self.path.display().to_string(),
        }
    }

    /// The open council, or a clear refusal while the first start's choice is still to make.
    pub fn council(&self) -> Result<&Council> {
        self.council.get().ok_or_else(|| {
            DomainError::not_found(
                "Council",
                "none is open yet: set up a new council or open the demo council first",
            )
            .into()
        })
    }

    /// Loads the demo council (sample data of a fictional council) and opens it.
    pub fn open_demo(&self) -> Result<&Council> {
        self.choose(|c| c.load_demo().map(|_| ()))
    }

    /// Sets up a new council ([`Council::set_up_council`]) and opens it. Bad input is refused
    /// naming the field, and no database file is left behind.
    pub fn create_council(&self, n: &NewCouncil) -> Result<&Council> {
        // Refused before the file is made, so a typing mistake creates nothing at all.
        minutes_core::validate::new_council(n)?;
        self.choose(|c| c.set_up_council(n).map(|_| ()))
    }

    /// Opens (creating if need be) the database, runs the chosen job in it and keeps the
    /// council open; if the job fails, a database file this made is removed again.
    fn choose(&self, job: impl FnOnce(&Council) -> Result<()>) -> Result<&Council> {
        let _one = self.choosing.lock().unwrap_or_else(|e| e.into_inner());
        if self.council.get().is_some() {
            return Err(DomainError::Conflict(
                "A council is already open: restart Cofnod to choose again".into(),
            )
            .into());
        }
        let existed = self.path.exists();
        let council = Council::open(&self.path, Clock::System)?;
        if let Err(e) = job(&council) {
            drop(council);
            if !existed {
                remove_database(&self.path);
            }
            return Err(e);
        }
        self.fill(council)
    }

    fn fill(&self, council: Council) -> Result<&Council> {
        if self.check {
            council.check_in_background();
        }
        // Only `choose` (under its lock, after checking it is empty) and `open_app` fill it.
        let _ = self.council.set(council);
        self.council.get().ok_or(AppError::Internal)
    }
}

/// Removes a database file this start made, with SQLite's files beside it.
fn remove_database(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}
