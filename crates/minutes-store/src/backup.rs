//! Backups through SQLite's online backup API, and a restore that checks the backup before it
//! replaces anything.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::{check_ours, inspect, integrity, schema_version, Result, Store, StoreError};

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
        let mut out = Connection::open(dest)?;
        {
            let b = Backup::new(self.conn(), &mut out)?;
            b.run_to_completion(256, Duration::from_millis(0), None)?;
        }
        integrity(&out).map_err(|detail| StoreError::BadBackup {
            path: dest.to_path_buf(),
            detail,
        })?;
        drop(out);
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
        if !src.is_file() {
            return Err(bad("there is no such file".into()));
        }
        let source = Connection::open_with_flags(src, OpenFlags::SQLITE_OPEN_READ_ONLY)
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
        {
            let b = Backup::new(&source, &mut self.conn)?;
            b.run_to_completion(256, Duration::from_millis(0), None)?;
        }
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
