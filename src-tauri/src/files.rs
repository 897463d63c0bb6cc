//! Files the clerk chooses: native dialogs opened from Rust, so the window itself has no
//! file-system permission at all. What is read or written, and how, is the application
//! layer's; this module only asks where.
//!
//! Test hook: when `COFNOD_TEST_OPEN_FILE` is set, "choosing" a file returns that path, when
//! `COFNOD_TEST_CHOOSE_FOLDER` is set, "choosing" a folder returns that path, and when
//! `COFNOD_TEST_SAVE_DIR` is set, saving writes the suggested file name into that
//! directory (a backup, named as offered). The end-to-end tests use these in place of the dialog; everything after the
//! choice (checks, reading, writing) is the same code the dialog path runs.

use std::path::{Path, PathBuf};

use minutes_app::{AppError, Output};
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

fn unusable(what: &str, e: impl std::fmt::Display) -> AppError {
    AppError::io(what.to_string(), std::io::Error::other(e.to_string()))
}

/// Files of one kind the clerk may choose: the dialog's filter name and extensions.
pub struct FileKind {
    pub name: &'static str,
    pub extensions: &'static [&'static str],
}

/// A report attached to an agenda item.
pub const PDF: FileKind = FileKind {
    name: "PDF documents",
    extensions: &["pdf", "PDF"],
};

/// A backup of the database to restore from.
pub const DATABASE: FileKind = FileKind {
    name: "Cofnod databases",
    extensions: &["sqlite3", "sqlite", "db"],
};

/// Asks for a file of `kind` to open. `None` when the clerk cancels.
pub fn choose_file<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    kind: &FileKind,
) -> minutes_app::Result<Option<PathBuf>> {
    if let Some(p) = std::env::var_os("COFNOD_TEST_OPEN_FILE") {
        return Ok(Some(PathBuf::from(p)));
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(kind.name, kind.extensions)
        .blocking_pick_file()
        .map(|f| {
            f.into_path()
                .map_err(|e| unusable("the chosen file cannot be opened", e))
        })
        .transpose()
}

/// Asks where to save a file the application layer writes itself (a backup of the
/// database), offering `suggested`. `None` when the clerk cancels.
pub fn save_path<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    suggested: &str,
) -> minutes_app::Result<Option<PathBuf>> {
    let suggested = suggested.replace(['/', '\\', ':'], "-");
    if let Some(dir) = std::env::var_os("COFNOD_TEST_SAVE_DIR") {
        return Ok(Some(PathBuf::from(dir).join(&suggested)));
    }
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(&suggested)
        .add_filter("Cofnod databases", &["sqlite3"])
        .blocking_save_file()
        .map(|f| {
            f.into_path()
                .map_err(|e| unusable("the chosen location cannot be written", e))
        })
        .transpose()
}

/// Asks for a folder (to publish the website into). `None` when the clerk cancels.
pub fn pick_folder<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
) -> minutes_app::Result<Option<PathBuf>> {
    if let Some(p) = std::env::var_os("COFNOD_TEST_CHOOSE_FOLDER") {
        return Ok(Some(PathBuf::from(p)));
    }
    app.dialog()
        .file()
        .set_title(title)
        .blocking_pick_folder()
        .map(|f| {
            f.into_path()
                .map_err(|e| unusable("the chosen folder cannot be used", e))
        })
        .transpose()
}

/// The save of a job's file: asks where (offering its name, with any character a file name
/// cannot hold, such as the slash in "Health/Social Care", made a hyphen), writes it there and,
/// for a document the clerk checks at once, opens it in the system's viewer. `None` when the
/// clerk cancels.
pub fn save_with_dialog<R: Runtime>(
    app: &AppHandle<R>,
) -> impl FnMut(&Output) -> minutes_app::Result<Option<PathBuf>> + '_ {
    move |o: &Output| {
        let suggested = o.name.replace(['/', '\\', ':'], "-");
        let path = if let Some(dir) = std::env::var_os("COFNOD_TEST_SAVE_DIR") {
            Some(PathBuf::from(dir).join(&suggested))
        } else {
            let (filter, ext) = o.kind.filter();
            app.dialog()
                .file()
                .set_title(o.title)
                .set_file_name(&suggested)
                .add_filter(filter, &[ext])
                .blocking_save_file()
                .map(|f| {
                    f.into_path()
                        .map_err(|e| unusable("the chosen location cannot be written", e))
                })
                .transpose()?
        };
        let Some(path) = path else { return Ok(None) };
        let path = minutes_app::write_file(&path, &o.bytes)?;
        if o.open {
            open_in_viewer(&path);
        }
        Ok(Some(path))
    }
}

/// Opens a written file in the system's viewer, as the clerk would by double-clicking it. Not
/// under the end-to-end tests (`COFNOD_TEST_SAVE_DIR`), and a missing viewer is no error: the
/// file is saved either way and its path is shown.
fn open_in_viewer(path: &Path) {
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
