//! Cofnod's desktop shell. Each command is one call of the application layer (`minutes-app`),
//! declared once in [`commands`]; every error reaches the window as `{code, message}`
//! (`ApiError`), and a panic inside a command is caught there and reported, never carried
//! across IPC (the transaction it was in has already rolled back).

mod commands;
mod files;
pub mod ipc_types;
mod zoom;

/// Every command the window can call, as TypeScript sees it (the source of
/// `ui/src/lib/ipc/commands.ts`).
pub use commands::declarations;

use std::path::PathBuf;

use minutes_app::CouncilSlot;

/// Starts the app on the database in the user's data directory. With no database there, it
/// creates nothing: the window opens on the first start's choice (set up a new council, or open
/// the demo council). `COFNOD_DB` names another database file (tests use `XDG_DATA_HOME`);
/// `COFNOD_DEMO=1` loads the demo council without asking when there is no database (the
/// end-to-end tests' default).
pub fn run() -> Result<(), String> {
    // The record checks itself (the audit chain, signed minutes, the register, the schema's
    // rules) beside the window once a council is open, and the window shows a banner naming
    // anything wrong. `make bench` turns it off (COFNOD_SKIP_START_CHECK) only to measure
    // what it costs the start-up.
    let check = std::env::var_os("COFNOD_SKIP_START_CHECK").is_none();
    let demo = std::env::var_os("COFNOD_DEMO").is_some_and(|v| v == "1");
    let slot = CouncilSlot::open_app(
        std::env::var_os("COFNOD_DB").map(PathBuf::from),
        demo,
        check,
    )
    .map_err(|e| format!("Cofnod could not open its database: {e}"))?;
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(slot)
        .setup(|app| {
            zoom::apply_remembered(app.handle());
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .map_err(|e| format!("Cofnod could not start its window: {e}"))
}
