//! The files jobs make, and where they go.

use std::path::PathBuf;

use minutes_core::render::Visibility;
use minutes_core::Language;

use crate::{AppError, Result};

/// Which copy of a document: its language and whether part 2 (exempt) matter is in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edition {
    /// The language; Welsh in a bilingual edition, whose first language it is.
    pub language: Language,
    pub visibility: Visibility,
    /// Both languages in one document, Welsh first section by section.
    pub bilingual: bool,
}

impl Edition {
    /// The English public copy.
    pub const PUBLIC: Edition = Edition {
        language: Language::En,
        visibility: Visibility::Public,
        bilingual: false,
    };

    /// From the two switches the window and the command line offer ("Welsh", "Confidential").
    pub fn from_flags(welsh: bool, confidential: bool) -> Edition {
        Edition {
            language: if welsh { Language::Cy } else { Language::En },
            visibility: if confidential {
                Visibility::Confidential
            } else {
                Visibility::Public
            },
            bilingual: false,
        }
    }

    /// The bilingual copy (Welsh first), public or confidential.
    pub fn bilingual(confidential: bool) -> Edition {
        Edition {
            bilingual: true,
            ..Edition::from_flags(true, confidential)
        }
    }

    /// From the three switches: "Bilingual" wins over "Welsh".
    pub fn from_choice(welsh: bool, bilingual: bool, confidential: bool) -> Edition {
        if bilingual {
            Edition::bilingual(confidential)
        } else {
            Edition::from_flags(welsh, confidential)
        }
    }

    /// What the file name offered adds for this copy: " (Cymraeg)", " CONFIDENTIAL".
    pub fn name_suffix(&self) -> String {
        format!(
            "{}{}",
            if self.bilingual {
                " (Cymraeg a Saesneg)"
            } else if self.language == Language::Cy {
                " (Cymraeg)"
            } else {
                ""
            },
            if self.visibility == Visibility::Confidential {
                " CONFIDENTIAL"
            } else {
                ""
            }
        )
    }
}

/// The kinds of file Cofnod writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Csv,
    Ics,
    Json,
    Text,
}

impl FileKind {
    /// The save dialog's filter: its name and the file extension.
    pub fn filter(self) -> (&'static str, &'static str) {
        match self {
            FileKind::Pdf => ("PDF documents", "pdf"),
            FileKind::Csv => ("CSV spreadsheets", "csv"),
            FileKind::Ics => ("iCalendar files", "ics"),
            FileKind::Json => ("JSON files", "json"),
            FileKind::Text => ("Text files", "txt"),
        }
    }
}

/// A file a job made, with what the save dialog offers for it.
#[derive(Debug, Clone)]
pub struct Output {
    pub bytes: Vec<u8>,
    pub kind: FileKind,
    /// The name offered: "Scrutiny Committee 2015-01-05 agenda pack (Cymraeg).pdf".
    pub name: String,
    /// The save dialog's title: "Save the minutes as PDF".
    pub title: &'static str,
    /// Open it in the system's viewer once saved (the pack and the tracker, which a clerk
    /// checks at once).
    pub open: bool,
}

/// Where a job's file goes: the shell's save dialog, the command line's `--out` file or its
/// standard output. Returns the path written, or `None` when the clerk cancels (or the file
/// went to standard output); a job records nothing (an issued pack) unless it was saved.
pub type Save<'a> = &'a mut dyn FnMut(&Output) -> Result<Option<PathBuf>>;

/// Writes `bytes` to `path` beside it first and then renames, so a failed write never leaves
/// half a file where the clerk expects one.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<PathBuf> {
    let ext = path
        .extension()
        .map(|e| format!("{}.part", e.to_string_lossy()))
        .unwrap_or_else(|| "part".into());
    let tmp = path.with_extension(ext);
    std::fs::write(&tmp, bytes)
        .map_err(|e| AppError::io(format!("Cannot write {}", tmp.display()), e))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        AppError::io(format!("Cannot write {}", path.display()), e)
    })?;
    Ok(path.to_path_buf())
}
