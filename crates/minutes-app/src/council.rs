//! An open database: the writer, the readers, the clock.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use minutes_core::{AppInfo, RecordCheck};
use minutes_store::{BackupInfo, Store};

use crate::{AppError, Clock, Result};

/// A council's database, open for the jobs of this crate.
pub struct Council {
    /// The one writer connection.
    store: Mutex<Store>,
    path: Option<PathBuf>,
    clock: Clock,
    /// The print job "Cancel" was pressed for (the window numbers each pack it asks for from
    /// 1; job 0, the command line's, is never cancelled). Checked after each report, so a
    /// cancel that arrives before the job starts is not lost.
    pack_cancel: AtomicU32,
    /// The check of the record run at start ([`Council::check_in_background`]), once done.
    check: Arc<OnceLock<RecordCheck>>,
}

impl Council {
    /// Opens (creating and migrating if need be) the database at `path`.
    pub fn open(path: &Path, clock: Clock) -> Result<Council> {
        Ok(Council::with_store(Store::open(path)?, clock))
    }

    /// Opens the existing database at `path`, never creating one: for every command but those
    /// that make a database. A missing file is `not_found`; an empty file or another program's
    /// database is refused untouched; in a read-only place it opens for reading only
    /// ([`Store::open_existing`]).
    pub fn open_existing(path: &Path, clock: Clock) -> Result<Council> {
        Ok(Council::with_store(Store::open_existing(path)?, clock))
    }

    /// Opens the existing database at `path` for reading only: for the commands that only
    /// read. It neither creates nor migrates; an older database is refused, saying how to bring
    /// it up to date ([`Store::open_read_only`]).
    pub fn open_reading(path: &Path, clock: Clock) -> Result<Council> {
        Ok(Council::with_store(Store::open_read_only(path)?, clock))
    }

    /// A database in memory (tests).
    pub fn in_memory(clock: Clock) -> Result<Council> {
        Ok(Council::with_store(Store::open_in_memory()?, clock))
    }

    fn with_store(store: Store, clock: Clock) -> Council {
        Council {
            path: store.path().map(Path::to_path_buf),
            store: Mutex::new(store),
            clock,
            pack_cancel: AtomicU32::new(0),
            check: Arc::new(OnceLock::new()),
        }
    }

    /// The database file (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// What the window's Set-up shows.
    pub fn info(&self) -> AppInfo {
        AppInfo {
            database_path: self
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }

    /// Whether this council's database can only be read (opened for reading, or in a
    /// read-only place).
    pub fn is_read_only(&self) -> bool {
        self.lock().is_read_only()
    }

    /// Where the database was backed up before this opening migrated it, if it did.
    pub fn migration_backup(&self) -> Option<PathBuf> {
        self.lock().migration_backup.clone()
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// Judge "today" (overdue referrals, a pack's date of issue) on another clock.
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// The council's local date, on this council's clock.
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }

    /// Where a minute sequence stands in the municipal year `in_year` falls in (the council's
    /// today when absent): its first and next numbers, and how many minutes it has numbered.
    pub fn sequence_year(
        &self,
        sequence_id: uuid::Uuid,
        in_year: Option<chrono::NaiveDate>,
    ) -> Result<minutes_core::SequenceYear> {
        let on = in_year.unwrap_or_else(|| self.today());
        self.write(|s| s.sequence_year(sequence_id, on))
    }

    /// Sets the number the first minute of that municipal year takes (a council adopting
    /// Cofnod part way through a year); refused once the year has a minute.
    pub fn set_sequence_start(
        &self,
        sequence_id: uuid::Uuid,
        next: u32,
        in_year: Option<chrono::NaiveDate>,
    ) -> Result<minutes_core::SequenceYear> {
        let on = in_year.unwrap_or_else(|| self.today());
        self.write(|s| s.set_sequence_start(sequence_id, on, next))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Store> {
        // A poisoned lock is taken over: the transaction that panicked rolled back as it
        // unwound, so the connection is sound.
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs one change (or a read that must see the latest write) on the writer. A panic
    /// becomes [`AppError::Internal`]: its transaction has rolled back, nothing is half-saved.
    pub fn write<T, E: Into<AppError>>(
        &self,
        f: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> Result<T> {
        let mut store = self.lock();
        guarded(|| f(&mut store).map_err(Into::into))
    }

    /// Runs a long read (printing, exporting) on a read-only connection of its own, so the
    /// writer stays free for the clerk's changes while it runs. It sees everything committed
    /// before it began, and nothing committed while it runs (one read transaction). In memory
    /// there is only the writer, which it shares.
    pub fn read<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        match &self.path {
            Some(path) => {
                let reader = Store::open_read_only(path)?;
                // One read transaction: the whole job sees one committed state.
                let mut out = None;
                reader.snapshot(|r| {
                    out = Some(guarded(|| f(r)));
                    Ok(())
                })?;
                out.unwrap_or(Err(AppError::Internal))
            }
            None => {
                let store = self.lock();
                guarded(|| f(&store))
            }
        }
    }

    /// Asks print job `job` to stop after the report it is merging.
    pub fn cancel_pack(&self, job: u32) {
        self.pack_cancel.store(job, Ordering::SeqCst);
    }

    pub(crate) fn pack_cancelled(&self, job: u32) -> bool {
        job != 0 && self.pack_cancel.load(Ordering::SeqCst) == job
    }

    /// Backs the database up to `dest` while it stays in use (SQLite's online backup).
    pub fn backup(&self, dest: &Path) -> Result<BackupInfo> {
        self.write(|s| s.backup_to(dest))
    }

    /// Backs the database up to `dest` as the window's "Back up…" does: a file already there
    /// (the clerk agreed to replace it in the save dialog) is replaced only once the new
    /// backup is written and has passed SQLite's integrity check; the database itself is never
    /// a backup's destination.
    pub fn backup_replacing(&self, dest: &Path) -> Result<BackupInfo> {
        if let Some(live) = &self.path {
            let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
                (Ok(a), Ok(b)) => a == b,
                _ => a == b,
            };
            let sidecar = |suffix: &str| {
                let mut p = live.as_os_str().to_owned();
                p.push(suffix);
                PathBuf::from(p)
            };
            if same(dest, live) || same(dest, &sidecar("-wal")) || same(dest, &sidecar("-shm")) {
                return Err(minutes_core::DomainError::invalid(
                    "Backup file",
                    format!(
                        "{} is the database itself: choose another name or folder for the backup",
                        dest.display()
                    ),
                )
                .into());
            }
        }
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "backup".into());
        let partial = dest.with_file_name(format!(".{name}.partial"));
        let _ = std::fs::remove_file(&partial);
        let mut info = self.backup(&partial)?;
        if let Err(e) = std::fs::rename(&partial, dest) {
            let _ = std::fs::remove_file(&partial);
            return Err(AppError::io(
                format!("Writing the backup {}", dest.display()),
                e,
            ));
        }
        info.path = dest.to_path_buf();
        Ok(info)
    }

    /// Recomputes everything the record can check about itself (the audit chain, signed
    /// minutes against their signed copies, the register's rows, the schema) on a connection
    /// of its own, and names each break. The CLI's `cofnod verify` and the app's check at
    /// start both call this.
    pub fn verify(&self) -> Result<minutes_store::VerifyReport> {
        self.read(|s| Ok(s.verify()?))
    }

    /// Starts the check of the record ([`Council::verify`]) on a connection and a thread of
    /// its own, so that the window opens without waiting for it; [`Council::record_check`]
    /// tells how it went. The app calls this at start.
    pub fn check_in_background(&self) {
        let Some(path) = self.path.clone() else {
            let _ = self.check.set(checked(self.verify()));
            return;
        };
        let slot = Arc::clone(&self.check);
        let spawned = std::thread::Builder::new()
            .name("record-check".into())
            .spawn(move || {
                yield_to_the_window();
                let report = Store::open_read_only(&path)
                    .map_err(AppError::from)
                    .and_then(|s| guarded(|| Ok(s.verify()?)));
                let _ = slot.set(checked(report));
            });
        if let Err(e) = spawned {
            let _ = self.check.set(checked(Err(AppError::io(
                "Starting the check of the record",
                e,
            ))));
        }
    }

    /// The check started at start: still running, clean, or each break named.
    pub fn record_check(&self) -> RecordCheck {
        self.check.get().cloned().unwrap_or(RecordCheck {
            done: false,
            problems: Vec::new(),
            audit_entries: 0,
            signed_minutes: 0,
            error: None,
        })
    }

    /// Replaces the database with the backup at `src`, once the backup has passed its checks;
    /// the database as it was is kept beside it.
    pub fn restore(&self, src: &Path) -> Result<BackupInfo> {
        self.write(|s| s.restore_from(src))
    }
}

/// Lowers the calling thread's scheduling priority (its nice value by 10), so that the check of
/// the record takes only the processor time the window leaves: on a two-core laptop it
/// otherwise competes with the window's first drawing and search. It still runs to the end, only later. Where the
/// priority cannot be lowered, the check runs at the usual priority.
#[cfg(target_os = "linux")]
fn yield_to_the_window() {
    // SAFETY: gettid, getpriority and setpriority take plain integers and touch no memory of
    // ours; on Linux PRIO_PROCESS with a thread id reads and sets that one thread's nice value.
    unsafe {
        let tid = libc::gettid() as libc::id_t;
        let now = libc::getpriority(libc::PRIO_PROCESS, tid);
        libc::setpriority(libc::PRIO_PROCESS, tid, (now + 10).min(19));
    }
}

#[cfg(not(target_os = "linux"))]
fn yield_to_the_window() {}

/// Runs `f`, turning a panic into [`AppError::Internal`], so none crosses into the window.
pub fn guarded<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(Err(AppError::Internal))
}

/// A finished check as the window shows it.
fn checked(report: Result<minutes_store::VerifyReport>) -> RecordCheck {
    match report {
        Ok(r) => RecordCheck {
            done: true,
            problems: r.problems.iter().map(|p| p.line()).collect(),
            audit_entries: r.audit_entries,
            signed_minutes: r.signed_minutes,
            error: None,
        },
        Err(e) => RecordCheck {
            done: true,
            problems: Vec::new(),
            audit_entries: 0,
            signed_minutes: 0,
            error: Some(e.to_string()),
        },
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    /// The check's thread gives way to the window: its nice value is 10 above the window's
    /// (at most 19), and the window's threads keep theirs.
    #[test]
    fn the_check_of_the_record_runs_below_the_window() {
        // SAFETY: getpriority with PRIO_PROCESS and a thread id reads that thread's nice value.
        let nice =
            || unsafe { libc::getpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t) };
        let before = nice();
        let checked = std::thread::spawn(move || {
            super::yield_to_the_window();
            nice()
        })
        .join()
        .ok();
        assert_eq!(
            checked,
            Some((before + 10).min(19)),
            "the check's thread runs 10 below the window"
        );
        assert_eq!(nice(), before, "the window's threads keep their priority");
    }
}
