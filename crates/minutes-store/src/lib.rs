//! Cofnod's store: one SQLite file holds a council's whole record.
//!
//! * Opening a file checks that it is a SQLite database and Cofnod's, refuses one written by
//!   a newer version, takes a backup before migrating an older one, then migrates inside a
//!   transaction (`migrations/` at the top of the repository, embedded in the binary).
//!   Only [`Store::open`] creates a database, whole in one step, where there is no file;
//!   [`Store::open_existing`] and [`Store::open_read_only`] never create one, refuse an empty
//!   file or another program's database untouched, and in a read-only place read only.
//! * One connection writes; WAL, `synchronous=FULL` (these are legal records), foreign keys on.
//!   Every user action is one `BEGIN IMMEDIATE` transaction ([`Store::write`]).
//! * Long jobs (printing a pack, an export) read through a second connection opened with
//!   [`Store::open_read_only`]: in WAL mode its reads never hold up the writer, and within
//!   [`Store::snapshot`] they all see one committed state.
//! * The schema itself refuses what would break the record: changes to signed minutes, a
//!   minute number out of sequence, a referral status out of its lifecycle, edits to the audit
//!   log. The library checks the rest before it writes, so errors name the rule.
//! * Search (FTS5), backups through SQLite's online backup API, and a verified restore.
//!
//! Nothing here knows of Tauri or PDF.

mod adoption;
pub mod archive;
mod backup;
mod calendar;
pub mod demo;
mod error;
pub mod executive;
pub mod export;
pub mod import;
mod lists;
mod meetings;
mod minutes;
mod notice;
mod pack;
pub mod publish;
mod read;
mod record;
mod referrals;
pub mod register;
mod register_columns;
mod rows;
mod search;
mod setup;
#[cfg(feature = "testing")]
pub mod testing;
mod translate;
mod verify;
mod votes;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use include_dir::{include_dir, Dir};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use rusqlite_migration::Migrations;

pub use backup::BackupInfo;
pub use error::{Result, StoreError};
pub use lists::MAX_LIST_SEARCH;
pub use search::MAX_SEARCH_CHARS;
pub use verify::{verify_connection, MeetingName, Problem, VerifyReport};

static MIGRATIONS_DIR: Dir = include_dir!("$CARGO_MANIFEST_DIR/../../migrations");

/// The migrations embedded in this binary.
pub fn migrations() -> Result<&'static Migrations<'static>> {
    static MIGRATIONS: LazyLock<std::result::Result<Migrations<'static>, String>> =
        LazyLock::new(|| Migrations::from_directory(&MIGRATIONS_DIR).map_err(|e| e.to_string()));
    MIGRATIONS
        .as_ref()
        .map_err(|e| StoreError::Migration(e.clone()))
}

/// The schema version this binary writes: the number of migrations.
pub fn schema_version() -> i64 {
    MIGRATIONS_DIR.dirs().count() as i64
}

/// How much of a database file searches may read as mapped memory (1 GiB): more than the
/// index of decades of meetings.
const MMAP_SIZE: i64 = 1 << 30;

/// How long a command waits for another connection's write to finish before it says the
/// database is in use ([`StoreError::Busy`]): SQLite sleeps meanwhile, it does not spin.
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// `PRAGMA application_id` of a Cofnod database ("Cofn").
pub const APPLICATION_ID: i64 = 0x436F_666E;

/// The application identifier: the app's data directory is named after it.
pub const APP_IDENTIFIER: &str = "cymru.cofnod";

/// A base directory of the user's by the XDG rules: `$var` when set, else `$HOME` joined with
/// `under_home` (`XDG_DATA_HOME` → `~/.local/share`, `XDG_CONFIG_HOME` → `~/.config`).
/// `what` names it in the error when neither is set.
pub fn user_dir(var: &str, under_home: &[&str], what: &str) -> Result<PathBuf> {
    match std::env::var_os(var).filter(|v| !v.is_empty()) {
        Some(dir) => Ok(PathBuf::from(dir)),
        None => match std::env::var_os("HOME").filter(|v| !v.is_empty()) {
            Some(home) => Ok(under_home
                .iter()
                .fold(PathBuf::from(home), |p, part| p.join(part))),
            None => Err(StoreError::io(
                format!("finding {what}"),
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    format!("neither {var} nor HOME is set"),
                ),
            )),
        },
    }
}

/// The database in the user's data directory (`$XDG_DATA_HOME/cymru.cofnod/cofnod.sqlite3`
/// on Linux, `~/.local/share/...` when unset): the same file for the app and the command line.
pub fn default_database_path() -> Result<PathBuf> {
    let base = user_dir("XDG_DATA_HOME", &[".local", "share"], "the data directory")?;
    Ok(base.join(APP_IDENTIFIER).join("cofnod.sqlite3"))
}

/// A connection to a Cofnod database: the one writer, or a reader for long jobs
/// ([`Store::open_read_only`]), which offers the same reads and refuses every write.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    actor: String,
    read_only: bool,
    /// Read-only because the file's place cannot be written ([`Store::open_existing`]).
    place_read_only: bool,
    /// Where the pre-migration backup went, when opening migrated an older database.
    pub migration_backup: Option<PathBuf>,
    /// What the register's filters test, kept while the database is unchanged.
    pub(crate) register_columns: register_columns::ColumnsCache,
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens the database at `path`, creating it first when there is no file there (the app's
    /// first start, `cofnod init`, the demo, an import): what [`Store::open_existing`] does,
    /// after making a new database in one step (built beside it and moved into place, so an
    /// interrupted start leaves no half-made file to be refused next time).
    pub fn open(path: &Path) -> Result<Store> {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => create_new(path)?,
            Err(e) => return Err(StoreError::io(format!("reading {}", path.display()), e)),
            Ok(_) => {}
        }
        Store::open_existing(path)
    }

    /// Opens the existing database at `path` to read and write, checking it and migrating an
    /// older one (after a backup). It never creates a file: a missing one is
    /// [`StoreError::Missing`]; an empty file or another program's database is refused and
    /// left as it was. In a place that cannot be written (a read-only file, folder or medium)
    /// it opens for reading only, and every change says so ([`StoreError::ReadOnlyPlace`]).
    pub fn open_existing(path: &Path) -> Result<Store> {
        check_existing(path)?;
        if read_only_place(path) {
            let mut store = Store::open_read_only(path)?;
            store.place_read_only = true;
            return Ok(store);
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| not_a_database(path, e))?;
        let version = inspect(&conn).map_err(|e| not_a_database(path, e))?;
        check_ours(path, &version)?;
        check_not_empty(path, &version)?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            actor: default_actor(),
            read_only: false,
            place_read_only: false,
            migration_backup: None,
            register_columns: Default::default(),
        };
        store.configure()?;
        if version.user_version < schema_version() {
            let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
            let backup = path.with_extension(format!("pre-v{}-{stamp}.sqlite3", schema_version()));
            store.backup_to(&backup)?;
            store.migration_backup = Some(backup);
        }
        store.migrate()?;
        Ok(store)
    }

    /// A database in memory, for tests that need thousands of fast transactions.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            path: None,
            actor: default_actor(),
            read_only: false,
            place_read_only: false,
            migration_backup: None,
            register_columns: Default::default(),
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens the database at `path` for reading only (SQLITE_OPEN_READ_ONLY): a second
    /// connection beside the writer for long jobs such as printing an agenda pack. It never
    /// creates, migrates or writes the file; every write through it is refused
    /// ([`StoreError::ReadOnly`]). A file that is not a Cofnod database, or one written by a
    /// newer version, is refused as [`Store::open`] refuses it; so is one the writer has not
    /// yet created or brought up to this version's schema. It sees everything the writer has
    /// committed (each statement, or each [`Store::snapshot`], reads the latest commit).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        check_existing(path)?;
        let conn = if read_only_place(path) && !has_wal(path) {
            // Nothing can be writing a file nobody may write: read it as it is, so that SQLite
            // needs no -shm or -wal file beside it (which a read-only folder cannot take).
            open_immutable(path)
        } else {
            Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        }
        .map_err(|e| not_a_database(path, e))?;
        let version = inspect(&conn).map_err(|e| not_a_database(path, e))?;
        check_ours(path, &version)?;
        check_not_empty(path, &version)?;
        if version.user_version < schema_version() {
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
                doing: format!(
                    "bringing it from schema version {} up to {} (`cofnod init`, or starting the app, does that, after a backup)",
                    version.user_version,
                    schema_version()
                ),
            });
        }
        let store = Store {
            conn,
            path: Some(path.to_path_buf()),
            actor: default_actor(),
            read_only: true,
            place_read_only: false,
            migration_backup: None,
            register_columns: Default::default(),
        };
        store.conn.busy_timeout(BUSY_TIMEOUT)?;
        store.conn.pragma_update(None, "query_only", "ON")?;
        let _granted: i64 =
            store
                .conn
                .query_row(&format!("PRAGMA mmap_size = {MMAP_SIZE}"), [], |r| r.get(0))?;
        Ok(store)
    }

    /// Whether this connection only reads ([`Store::open_read_only`]).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Refuses `doing` on a connection that only reads.
    pub(crate) fn require_writer(&self, doing: &str) -> Result<()> {
        if self.place_read_only {
            return Err(StoreError::ReadOnlyPlace {
                path: self.path.clone().unwrap_or_default(),
                doing: doing.into(),
            });
        }
        if self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone().unwrap_or_default(),
                doing: doing.into(),
            });
        }
        Ok(())
    }

    /// Runs `f` inside one read transaction, so that everything it reads comes from the same
    /// committed state however long it takes (a pack read report by report). In WAL mode the
    /// writer goes on committing meanwhile; later reads see its changes. Inside a transaction
    /// already open it simply joins it.
    pub fn snapshot<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let out = f(self);
        // A read transaction has nothing to keep: end it either way.
        let end = self
            .conn
            .execute_batch(if out.is_ok() { "COMMIT" } else { "ROLLBACK" });
        let out = out?;
        end?;
        Ok(out)
    }

    fn configure(&mut self) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        if self.path.is_some() {
            let mode: String = self
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::Migration(format!(
                    "could not switch to WAL (got {mode})"
                )));
            }
        }
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        if self.path.is_some() {
            // Searches read the index through memory-mapped pages rather than a read call per
            // page: a third off every search of a large archive. Writes are unchanged.
            let _granted: i64 =
                self.conn
                    .query_row(&format!("PRAGMA mmap_size = {MMAP_SIZE}"), [], |r| r.get(0))?;
        }
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        let before: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        migrations()?
            .to_latest(&mut self.conn)
            .map_err(|e| StoreError::Migration(e.to_string()))?;
        // A database from before the audit chain: seal what it holds and keep a signed copy
        // of its signed minutes, once, as it is first opened by this version.
        if before > 0 && before < verify::SEALED_FROM {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            verify::adopt(&tx)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// The file this store reads and writes, if it is not in memory: what
    /// [`Store::open_read_only`] opens for a long job beside the writer.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Who the audit log names for the changes that follow.
    pub fn set_actor(&mut self, actor: &str) {
        self.actor = actor.to_string();
    }

    /// Runs one user action as one `BEGIN IMMEDIATE` transaction: all of it, or none of it.
    /// Inside [`Store::atomically`] it runs as a savepoint of the enclosing transaction.
    pub fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.require_writer("a change")?;
        if self.conn.is_autocommit() {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute("UPDATE audit_actor SET actor = ?1", [&self.actor])?;
            let top = verify::audit_top(&tx)?;
            let out = f(&tx)?;
            verify::seal_since(&tx, top)?;
            tx.commit()?;
            Ok(out)
        } else {
            let sp = self.conn.savepoint()?;
            let out = f(&sp)?;
            sp.commit()?;
            Ok(out)
        }
    }

    /// Runs several actions as one transaction (loading the demo council, an import).
    /// Inside another `atomically` it simply joins the enclosing transaction.
    pub fn atomically<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.require_writer("a change")?;
        if !self.conn.is_autocommit() {
            return f(self);
        }
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        self.conn
            .execute("UPDATE audit_actor SET actor = ?1", [&self.actor])?;
        let sealed = verify::audit_top(&self.conn).and_then(|top| {
            let out = f(self)?;
            verify::seal_since(&self.conn, top)?;
            Ok(out)
        });
        match sealed {
            Ok(out) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(out)
            }
            Err(e) => {
                // The error that matters is the one that made us roll back.
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Read access for queries.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `PRAGMA integrity_check`; Ok(()) when SQLite says "ok".
    pub fn integrity_check(&self) -> Result<()> {
        integrity(&self.conn).map_err(|detail| StoreError::NotADatabase {
            path: self.path.clone().unwrap_or_default(),
            detail,
        })
    }
}

fn default_actor() -> String {
    std::env::var("USER")
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "clerk".into())
}

pub(crate) struct Version {
    pub application_id: i64,
    pub user_version: i64,
    pub tables: i64,
}

/// Reads what a file says about itself; fails on anything SQLite cannot read.
pub(crate) fn inspect(conn: &Connection) -> rusqlite::Result<Version> {
    Ok(Version {
        application_id: conn.query_row("PRAGMA application_id", [], |r| r.get(0))?,
        user_version: conn.query_row("PRAGMA user_version", [], |r| r.get(0))?,
        tables: conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?,
    })
}

pub(crate) fn check_ours(path: &Path, v: &Version) -> Result<()> {
    let empty = v.tables == 0 && v.user_version == 0;
    if !empty && v.application_id != APPLICATION_ID {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
            detail: "it is a SQLite database, but another program's".into(),
        });
    }
    if v.user_version > schema_version() {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: v.user_version,
            supported: schema_version(),
        });
    }
    Ok(())
}

pub(crate) fn integrity(conn: &Connection) -> std::result::Result<(), String> {
    let rows: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| e.to_string())?;
    if rows.len() == 1 && rows[0] == "ok" {
        Ok(())
    } else {
        Err(format!("the integrity check failed ({})", rows.join("; ")))
    }
}

/// Refuses, before SQLite touches it, what is not an existing SQLite file: nothing there
/// ([`StoreError::Missing`]), a folder, an empty file, a file that does not start like a
/// SQLite database. Reads the first 16 bytes and nothing else.
fn check_existing(path: &Path) -> Result<()> {
    use std::io::Read;
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let folder = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty() && !d.is_dir());
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
                detail: match folder {
                    Some(d) => format!("there is no folder {}", d.display()),
                    None => "there is no such file".into(),
                },
            });
        }
        Err(e) => return Err(StoreError::io(format!("reading {}", path.display()), e)),
    };
    let refuse = |detail: &str| {
        Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
            detail: detail.into(),
        })
    };
    if meta.is_dir() {
        return refuse("it is a folder");
    }
    if meta.len() == 0 {
        return refuse("the file is empty");
    }
    let mut header = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut header))
        .map_err(|e| StoreError::io(format!("reading {}", path.display()), e))?;
    if read < 16 || &header != SQLITE_HEADER {
        return refuse("the file is not a SQLite database");
    }
    Ok(())
}

/// A SQLite database with nothing in it is not a Cofnod database (Cofnod makes its databases
/// whole in one step): another program's, or a file made by hand.
fn check_not_empty(path: &Path, v: &Version) -> Result<()> {
    if v.tables == 0 {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
            detail: "it is an empty SQLite database, with no Cofnod record in it".into(),
        });
    }
    Ok(())
}

/// Makes a new, migrated database at `path` in one step: built in a file beside it, closed
/// (so nothing is left in a -wal file), then linked into place if `path` is still free.
fn create_new(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| StoreError::io(format!("creating {}", dir.display()), e))?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.new-{}", std::process::id()));
    let remove_tmp = || {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut p = tmp.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
    };
    remove_tmp();
    let made = (|| -> Result<()> {
        let conn = Connection::open_with_flags(
            &tmp,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let mut store = Store {
            conn,
            path: Some(tmp.clone()),
            actor: default_actor(),
            read_only: false,
            place_read_only: false,
            migration_backup: None,
            register_columns: Default::default(),
        };
        store.configure()?;
        store.migrate()?;
        store.conn.close().map_err(|(_, e)| StoreError::from(e))?;
        match std::fs::hard_link(&tmp, path) {
            Ok(()) => Ok(()),
            // Another start made it meanwhile: open that one.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            // A disk without hard links (FAT): move it, if the name is still free.
            Err(_) if !path.exists() => std::fs::rename(&tmp, path)
                .map_err(|e| StoreError::io(format!("creating {}", path.display()), e)),
            Err(e) => Err(StoreError::io(format!("creating {}", path.display()), e)),
        }
    })();
    remove_tmp();
    made
}

/// Whether the file or its folder cannot be written: by its permissions (nobody may write
/// it, even an administrator running Cofnod) or by the system (a read-only disk or share).
pub(crate) fn read_only_place(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::PermissionsExt;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    [path, dir].into_iter().any(|p| {
        let no_write_bits = std::fs::metadata(p)
            .map(|m| m.permissions().mode() & 0o222 == 0)
            .unwrap_or(true);
        let refused = match std::ffi::CString::new(p.as_os_str().as_bytes()) {
            // SAFETY: a valid NUL-terminated path; access(2) only reads it.
            Ok(c) => (unsafe { libc::access(c.as_ptr(), libc::W_OK) }) != 0,
            Err(_) => true,
        };
        no_write_bits || refused
    })
}

/// Whether a -wal file with something in it lies beside `path` (then SQLite must read it too).
fn has_wal(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0)
}

/// Opens `path` read-only as an immutable file (SQLite's `immutable=1`): no lock, no -shm,
/// -wal or -journal file is made beside it. For a backup being checked, or a file in a place
/// nobody can write.
pub(crate) fn open_immutable(path: &Path) -> rusqlite::Result<Connection> {
    use std::os::unix::ffi::OsStrExt;
    let mut uri = String::from("file:");
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

fn not_a_database(path: &Path, e: rusqlite::Error) -> StoreError {
    StoreError::NotADatabase {
        path: path.to_path_buf(),
        detail: format!("SQLite cannot read it ({e})"),
    }
}
