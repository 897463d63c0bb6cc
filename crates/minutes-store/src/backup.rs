//! Backups through SQLite's online backup API, and a restore that checks the backup before it
//! replaces anything.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::{
    check_ours, has_wal, inspect, integrity, open_immutable, schema_version, Result, Store,
    StoreError, BUSY_TIMEOUT,
};

/// What a backup or restore wrote.
#[derive(Debug, Clone, Serialize)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub bytes: u64,
    pub schema_version: i64,
    /// On restore: where the database as it was before the restore was saved.
    pub previous: Option<PathBuf>,
}

impl Store {
    /// Copies the live database to `dest` (which must not exist) while it stays open.
    pub fn backup_to(&self, dest: &Path) -> Result<BackupInfo> {
        if dest.exists() {
            return Err(StoreError::io(
                format!("writing the backup {}", dest.display()),
                std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "a file of that name already exists",
                ),
            ));
        }
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::io(format!("creating {}", dir.display()), e))?;
        }
        let mut out = Connection::open_with_flags(
            dest,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        copy(self.conn(), &mut out, "the backup")?;
        // One self-contained file: no -wal beside it, readable from read-only media.
        let mode: String = out.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(StoreError::Migration(format!(
                "could not make the backup a single file (journal mode {mode})"
            )));
        }
        integrity(&out).map_err(|detail| StoreError::BadBackup {
            path: dest.to_path_buf(),
            detail,
        })?;
        out.close().map_err(|(_, e)| StoreError::from(e))?;
        let bytes = std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0);
        Ok(BackupInfo {
            path: dest.to_path_buf(),
            bytes,
            schema_version: schema_version(),
            previous: None,
        })
    }

    /// Replaces the live database with the backup at `src`, after checking that it is a
    /// Cofnod database this version can read and that it passes SQLite's integrity check.
    /// The database as it was is first saved beside it.
    pub fn restore_from(&mut self, src: &Path) -> Result<BackupInfo> {
        self.require_writer("restoring a backup")?;
        let bad = |detail: String| StoreError::BadBackup {
            path: src.to_path_buf(),
            detail,
        };
        if !src.exists() {
            return Err(minutes_core::DomainError::not_found("Backup file", src.display()).into());
        }
        if !src.is_file() {
            return Err(bad("it is not a file".into()));
        }
        // Checked as it is, creating nothing beside it (a backup on read-only media, or on a
        // share): immutable unless an older backup still has a -wal file to be read with it.
        let source = if has_wal(src) {
            Connection::open_with_flags(src, OpenFlags::SQLITE_OPEN_READ_ONLY)
        } else {
            open_immutable(src)
        }
        .map_err(|e| bad(format!("SQLite cannot open it ({e})")))?;
        let v = inspect(&source).map_err(|e| bad(format!("it is not a SQLite database ({e})")))?;
        if v.tables == 0 {
            return Err(bad("it is an empty database".into()));
        }
        check_ours(src, &v).map_err(|e| bad(e.to_string()))?;
        integrity(&source).map_err(bad)?;
        crate::verify::check_backup(&source, v.user_version).map_err(bad)?;

        let previous = match self.path() {
            Some(live) => {
                let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
                let keep = live.with_extension(format!("before-restore-{stamp}.sqlite3"));
                self.backup_to(&keep)?;
                Some(keep)
            }
            None => None,
        };
        if let Err(e) = copy(&source, &mut self.conn, "the restore") {
            // Nothing was restored: the copy of the database as it was is not needed.
            if let Some(keep) = &previous {
                let _ = std::fs::remove_file(keep);
            }
            return Err(e);
        }
        self.configure()?;
        self.migrate()?;
        self.integrity_check()?;
        let bytes = std::fs::metadata(src).map(|m| m.len()).unwrap_or(0);
        Ok(BackupInfo {
            path: src.to_path_buf(),
            bytes,
            schema_version: v.user_version,
            previous,
        })
    }
}

/// Copies `from` into `to` with SQLite's online backup, page batch by page batch. While
/// another connection holds a lock it waits, sleeping between tries (never spinning), up to
/// [`BUSY_TIMEOUT`] in all, then gives up with [`StoreError::Busy`] naming `doing`.
fn copy(from: &Connection, to: &mut Connection, doing: &str) -> Result<()> {
    const PAUSE: Duration = Duration::from_millis(50);
    // The waiting is this loop's: SQLite's own busy wait would repeat at every try.
    to.busy_timeout(Duration::ZERO)?;
    let copied = (|| {
        let b = Backup::new(from, to)?;
        let mut waited = Duration::ZERO;
        loop {
            let busy = match b.step(1024) {
                Ok(StepResult::Done) => return Ok(()),
                Ok(StepResult::More) => false,
                Ok(_) => true,
                Err(e) if is_busy(&e) => true,
                Err(e) => return Err(e.into()),
            };
            if busy {
                if waited >= BUSY_TIMEOUT {
                    return Err(StoreError::Busy {
                        doing: doing.into(),
                        seconds: BUSY_TIMEOUT.as_secs(),
                    });
                }
                std::thread::sleep(PAUSE);
                waited += PAUSE;
            }
        }
    })();
    to.busy_timeout(BUSY_TIMEOUT)?;
    copied
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}
