//! The window's text size: Ctrl+= and Ctrl+- (Ctrl+0 for the normal size), remembered on this
//! computer from one start to the next.
//!
//! The window handles the keys itself and calls [`set_text_size`], which zooms the webview and
//! writes the size to the preferences file ([`minutes_app::Preferences`]); at start the
//! remembered size is applied before the page shows. Tauri's own `zoomHotkeysEnabled` is left
//! off on purpose: on Linux it injects a script whose zoom level starts at 100% on every page
//! load and cannot be read or told otherwise, so after a remembered 200% its first Ctrl+= would
//! jump to 120%; with Cofnod's keys as well, one key press would zoom twice; it works only with
//! the `core:webview:allow-set-webview-zoom` permission, a general command the window does not
//! otherwise need; and on Windows it hands the keys to WebView2, whose level Cofnod could not
//! remember.

use minutes_app::{AppError, Preferences, Result};
use tauri::{AppHandle, Manager, Runtime};

/// The remembered text size, in percent (100 when none, or the preferences cannot be found).
pub fn text_size() -> u32 {
    Preferences::for_user()
        .map(|p| p.text_size())
        .unwrap_or(100)
}

/// Zooms the main window to `percent` and remembers it.
pub fn set_text_size<R: Runtime>(app: &AppHandle<R>, percent: u32) -> Result<u32> {
    let prefs = Preferences::for_user()?;
    let percent = prefs.set_text_size(percent)?;
    zoom(app, percent)?;
    Ok(percent)
}

/// Applies the remembered text size to the main window at start; a failure leaves the normal size.
pub fn apply_remembered<R: Runtime>(app: &AppHandle<R>) {
    let percent = text_size();
    if percent != 100 {
        if let Err(e) = zoom(app, percent) {
            eprintln!("Cofnod could not set the remembered text size: {e}");
        }
    }
}

fn zoom<R: Runtime>(app: &AppHandle<R>, percent: u32) -> Result<()> {
    let window = app.get_webview_window("main").ok_or_else(|| {
        AppError::io(
            "setting the text size",
            std::io::Error::new(std::io::ErrorKind::NotFound, "the main window is not open"),
        )
    })?;
    window.set_zoom(f64::from(percent) / 100.0).map_err(|e| {
        AppError::io(
            "setting the text size",
            std::io::Error::other(e.to_string()),
        )
    })
}
