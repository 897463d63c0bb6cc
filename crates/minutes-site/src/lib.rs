//! Cofnod's published website: what members and the public may read of the record, as static
//! HTML that any web server or file share serves (no server-side code).
//!
//! The application layer gathers what is public (it decides nothing of wording) and hands it
//! here as core types; this crate words the pages in English and Welsh and builds the
//! register's search index. It writes no files: each function returns the files' paths
//! (relative to the site's folder) and contents, so the caller can write only those that
//! changed.
//!
//! The site's layout:
//! - `index.html`: the choice of language (Welsh first);
//! - `en/` and `cy/`: the same pages in each language, each with a link to the other:
//!   `index.html`, `committees.html`, `committee/{id}.html`, `calendar.html`,
//!   `calendar/{year}.html`, `meeting/{id}.html`, `resolution/{id}.html`, `register.html`;
//! - `assets/`: the style sheet and the register's script; `search/`: the search index;
//! - `pdf/`, `ics/` and `oparl/`: written by the caller (printed documents, calendars, OParl).
//!
//! Accessibility (WCAG 2.2 AA): one `h1` per page and headings in order, a skip link, `lang`
//! on every page and on any passage in the other language, landmarks, visible focus, tables
//! with headers, statuses in words (never by colour alone), and a print style.

pub mod html;
pub mod pages;
pub mod search;
pub mod words;

pub use pages::*;
pub use search::{build_search_index, SearchRecord};

/// One file of the site: its path under the site's folder ("en/meeting/….html") and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl SiteFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> SiteFile {
        SiteFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// The site's fixed files: the style sheet and the register's script.
pub fn assets() -> Vec<SiteFile> {
    vec![
        SiteFile::new("assets/site.css", include_str!("../assets/site.css")),
        SiteFile::new("assets/register.js", include_str!("../assets/register.js")),
    ]
}

/// Why the search index could not be built.
#[derive(Debug)]
pub struct SiteError(pub String);

impl std::fmt::Display for SiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SiteError {}
