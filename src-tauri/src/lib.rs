//! Cofnod's desktop shell. Each command is one call of the application layer (`minutes-app`),
//! declared once in [`commands`]; every error reaches the window as `{code, message}`
//! (`ApiError`), and a panic inside a command is caught there and reported, never carried
//! across IPC (the transaction it was in has already rolled back).

mod commands;
mod files;
pub mod ipc_types;

/// Every command the window can call, as TypeScript sees it (the source of
/// `ui/src/lib/ipc/commands.ts`).
pub use commands::declarations;

use std::path::PathBuf;

use minutes_app::Council;

/// Starts the app on the database in the user's data directory (the demo council on first
/// start). `COFNOD_DB` names another database file (tests use `XDG_DATA_HOME`).
pub fn run() -> Result<(), String> {
    let council = Council::open_app(std::env::var_os("COFNOD_DB").map(PathBuf::from))
        .map_err(|e| format!("Cofnod could not open its database: {e}"))?;
    // The record checks itself (the audit chain, signed minutes, the register, the schema's
    // rules) beside the window, which shows a banner naming anything wrong. `make bench` turns
    // it off (COFNOD_SKIP_START_CHECK) only to measure what it costs the start-up.
    if std::env::var_os("COFNOD_SKIP_START_CHECK").is_none() {
        council.check_in_background();
    }
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(council)
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .map_err(|e| format!("Cofnod could not start its window: {e}"))
}
