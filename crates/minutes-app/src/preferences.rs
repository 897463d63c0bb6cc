//! The window's preferences on this computer, kept apart from the council's record: the text
//! size the clerk chose with Ctrl+= and Ctrl+-. A person's eyesight is not part of the
//! council's record: it is not audited, not in a backup, not carried to another clerk's
//! machine with the database, and it is there before a council is open. It lives in a small
//! JSON file in the user's configuration directory (`$XDG_CONFIG_HOME/cymru.cofnod/`).

use std::path::{Path, PathBuf};

use minutes_core::DomainError;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, Result};

/// The smallest and largest text sizes, in percent of the normal size.
pub const TEXT_SIZE_MIN: u32 = 50;
pub const TEXT_SIZE_MAX: u32 = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stored {
    /// Percent of the normal size.
    #[serde(default = "normal")]
    text_size: u32,
}

fn normal() -> u32 {
    100
}

/// The preferences file, read and written whole.
#[derive(Debug, Clone)]
pub struct Preferences {
    path: PathBuf,
}

impl Preferences {
    /// The preferences in `path` (tests, or a file named by the caller).
    pub fn at(path: impl Into<PathBuf>) -> Self {
        Preferences { path: path.into() }
    }

    /// The user's: `$XDG_CONFIG_HOME/cymru.cofnod/preferences.json`, or under `~/.config`.
    pub fn for_user() -> Result<Self> {
        let base = minutes_store::user_dir(
            "XDG_CONFIG_HOME",
            &[".config"],
            "the configuration directory",
        )?;
        Ok(Preferences::at(
            base.join(minutes_store::APP_IDENTIFIER)
                .join("preferences.json"),
        ))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The text size in percent: 100 when none was chosen, or the file is missing or unreadable
    /// (a damaged preferences file must not stop the app), kept within the limits.
    pub fn text_size(&self) -> u32 {
        self.read()
            .map(|s| s.text_size.clamp(TEXT_SIZE_MIN, TEXT_SIZE_MAX))
            .unwrap_or_else(normal)
    }

    /// Remembers the text size (percent); one outside the limits is refused, naming them.
    pub fn set_text_size(&self, percent: u32) -> Result<u32> {
        if !(TEXT_SIZE_MIN..=TEXT_SIZE_MAX).contains(&percent) {
            return Err(DomainError::invalid(
                "Text size",
                format!("{percent}%: give between {TEXT_SIZE_MIN}% and {TEXT_SIZE_MAX}%"),
            )
            .into());
        }
        let mut stored = self.read().unwrap_or(Stored {
            text_size: normal(),
        });
        stored.text_size = percent;
        let json = serde_json::to_vec_pretty(&stored).map_err(|source| AppError::Json {
            what: "The preferences",
            source,
        })?;
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| AppError::io(format!("creating {}", dir.display()), e))?;
        }
        // Written beside and renamed over, so a crash leaves the old file or the new, never half.
        let part = self.path.with_extension("json.part");
        std::fs::write(&part, json)
            .map_err(|e| AppError::io(format!("writing {}", part.display()), e))?;
        std::fs::rename(&part, &self.path)
            .map_err(|e| AppError::io(format!("writing {}", self.path.display()), e))?;
        Ok(percent)
    }

    fn read(&self) -> Option<Stored> {
        let bytes = std::fs::read(&self.path).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_size_is_remembered_and_kept_within_limits() {
        let dir = tempfile::tempdir().expect("temp dir");
        let prefs = Preferences::at(dir.path().join("cymru.cofnod").join("preferences.json"));
        assert_eq!(prefs.text_size(), 100, "normal before any choice");
        assert_eq!(prefs.set_text_size(200).expect("set"), 200);
        assert_eq!(
            Preferences::at(prefs.path()).text_size(),
            200,
            "read back afresh"
        );
        let refused = prefs.set_text_size(900).expect_err("too large");
        assert!(
            refused.to_string().starts_with("Text size: 900%"),
            "{refused}"
        );
        assert!(prefs.set_text_size(10).is_err());
        assert_eq!(prefs.text_size(), 200, "a refused size changes nothing");
    }

    #[test]
    fn a_damaged_file_gives_the_normal_size_and_is_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("preferences.json");
        std::fs::write(&path, b"{ not json").expect("write");
        let prefs = Preferences::at(&path);
        assert_eq!(prefs.text_size(), 100);
        prefs.set_text_size(150).expect("set");
        assert_eq!(prefs.text_size(), 150);
        std::fs::write(&path, br#"{"text_size": 4000}"#).expect("write");
        assert_eq!(prefs.text_size(), TEXT_SIZE_MAX, "clamped");
    }
}
