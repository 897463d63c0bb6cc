//! Cofnod's desktop shell. Every command is a thin wrapper over one `minutes-store` call: the
//! rules live in the crates, and every error reaches the window as `{code, message}`
//! ([`ApiError`]). A panic inside a command is caught and reported as a storage error, never
//! carried across IPC; the transaction it was in has already rolled back.

mod commands;
mod files;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::AtomicU32;
use std::sync::Mutex;

use minutes_core::{ApiError, ErrorCode};
use minutes_store::{default_database_path, Store, StoreError};

/// The one writer connection, shared by the commands.
pub struct AppState {
    store: Mutex<Store>,
    /// The print job "Cancel" was pressed for (the window numbers each agenda pack it asks
    /// for); checked after each report, so a cancel that arrives first is not lost.
    pack_cancel: AtomicU32,
}

impl AppState {
    /// Opens the database at `path` (the user's data directory by default), seeding the demo
    /// council on first start.
    pub fn open(path: Option<PathBuf>) -> Result<AppState, StoreError> {
        let path = match path {
            Some(p) => p,
            None => default_database_path()?,
        };
        let mut store = Store::open(&path)?;
        store.set_actor(&whoami());
        minutes_print::ensure_demo(&mut store)?;
        Ok(AppState {
            store: Mutex::new(store),
            pack_cancel: AtomicU32::new(0),
        })
    }

    /// Runs `f` on the store. A poisoned lock is taken over (the failed transaction rolled
    /// back when it unwound); a panic becomes an error the UI can show.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, ApiError> {
        let mut guard = self.store.lock().unwrap_or_else(|e| e.into_inner());
        match catch_unwind(AssertUnwindSafe(|| f(&mut guard))) {
            Ok(result) => result.map_err(|e| e.to_api()),
            Err(_) => Err(ApiError {
                code: ErrorCode::Storage,
                message: "Cofnod hit an internal error and did not save that change. Everything saved before it is safe.".to_string(),
            }),
        }
    }
}

fn whoami() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "clerk".to_string())
}

/// Starts the app. `COFNOD_DB` names another database file (tests use `XDG_DATA_HOME`).
pub fn run() -> Result<(), String> {
    let state = AppState::open(std::env::var_os("COFNOD_DB").map(PathBuf::from))
        .map_err(|e| format!("Cofnod could not open its database: {e}"))?;
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .map_err(|e| format!("Cofnod could not start its window: {e}"))
}
