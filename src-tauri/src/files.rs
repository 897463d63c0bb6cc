//! Files the clerk chooses: native dialogs opened from Rust, and the reading and writing done
//! here, so the window itself has no file-system permission at all.
//!
//! Test hook: when `COFNOD_TEST_OPEN_FILE` is set, "choosing" a file returns that path, and
//! when `COFNOD_TEST_SAVE_DIR` is set, saving writes the suggested file name into that
//! directory. The end-to-end tests use these in place of the dialog; everything after the
//! choice (checks, reading, writing) is the same code the dialog path runs.

use std::path::PathBuf;

use minutes_core::{ApiError, ErrorCode};
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

fn io_error(what: &str, path: &std::path::Path, e: std::io::Error) -> ApiError {
    ApiError {
        code: ErrorCode::Io,
        message: format!("{what} {}: {e}", path.display()),
    }
}

/// Asks for a PDF to open. `None` when the clerk cancels.
pub fn choose_pdf<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
) -> Result<Option<PathBuf>, ApiError> {
    if let Some(p) = std::env::var_os("COFNOD_TEST_OPEN_FILE") {
        return Ok(Some(PathBuf::from(p)));
    }
    let picked = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter("PDF documents", &["pdf", "PDF"])
        .blocking_pick_file();
    picked
        .map(|f| {
            f.into_path().map_err(|e| ApiError {
                code: ErrorCode::Io,
                message: format!("the chosen file cannot be opened: {e}"),
            })
        })
        .transpose()
}

/// Reads a chosen file, naming it in any error.
pub fn read(path: &std::path::Path) -> Result<Vec<u8>, ApiError> {
    std::fs::read(path).map_err(|e| io_error("Cannot read", path, e))
}

/// Asks where to save a PDF (offering `suggested` as the name) and writes it there.
/// Returns the path written, or `None` when the clerk cancels.
pub fn save_pdf<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    suggested: &str,
    bytes: &[u8],
) -> Result<Option<String>, ApiError> {
    save_file(app, title, suggested, bytes, ("PDF documents", "pdf"))
}

/// Asks where to save `bytes` (offering `suggested` as the name, with any character a file
/// name cannot hold, such as the slash in "Health/Social Care", made a hyphen; `kind` is the
/// dialog's filter: its name and the file extension) and writes them there. Returns the path
/// written, or `None` when the clerk cancels.
pub fn save_file<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    suggested: &str,
    bytes: &[u8],
    kind: (&str, &str),
) -> Result<Option<String>, ApiError> {
    let suggested = &suggested.replace(['/', '\\', ':'], "-");
    let path = if let Some(dir) = std::env::var_os("COFNOD_TEST_SAVE_DIR") {
        Some(PathBuf::from(dir).join(suggested))
    } else {
        app.dialog()
            .file()
            .set_title(title)
            .set_file_name(suggested)
            .add_filter(kind.0, &[kind.1])
            .blocking_save_file()
            .map(|f| {
                f.into_path().map_err(|e| ApiError {
                    code: ErrorCode::Io,
                    message: format!("the chosen location cannot be written: {e}"),
                })
            })
            .transpose()?
    };
    let Some(path) = path else { return Ok(None) };
    // Write beside the target and rename, so a failed write never leaves half a file.
    let tmp = path.with_extension(format!("{}.part", kind.1));
    std::fs::write(&tmp, bytes).map_err(|e| io_error("Cannot write", &tmp, e))?;
    std::fs::rename(&tmp, &path).map_err(|e| io_error("Cannot write", &path, e))?;
    Ok(Some(path.display().to_string()))
}

/// Opens a written file in the system's viewer, as the clerk would by double-clicking it. Not
/// under the end-to-end tests (`COFNOD_TEST_SAVE_DIR`), and a missing viewer is no error: the
/// file is saved either way and its path is shown.
pub fn open_in_viewer(path: &std::path::Path) {
    if std::env::var_os("COFNOD_TEST_SAVE_DIR").is_some() {
        return;
    }
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(program).arg(path).spawn();
}
