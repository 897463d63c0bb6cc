//! The bilingual record: a meeting's texts with their translations, the clerk's translating,
//! and the warnings that name what still awaits translation.

use minutes_core::*;
use uuid::Uuid;

use crate::{AppError, Council, Result};

/// One line of a translations file: which text, and its words in the other language.
#[derive(Debug, Clone, PartialEq)]
pub struct TranslationLine {
    pub source: TextSource,
    pub source_id: String,
    pub text: String,
}

/// Reads a translations file: CSV with the columns `source,source_id,text` (a header row
/// naming them, in any order). A cell is only ever text: nothing in it is run or expanded.
pub fn read_translations_csv(bytes: &[u8]) -> Result<Vec<TranslationLine>> {
    let bad = |problem: String| AppError::from(DomainError::invalid("Translations file", problem));
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::None)
        .from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| bad(format!("its first row cannot be read ({e})")))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().trim_start_matches('\u{feff}').eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                bad(format!(
                    "its first row must name the columns source, source_id and text; '{name}' is missing"
                ))
            })
    };
    let (c_source, c_id, c_text) = (column("source")?, column("source_id")?, column("text")?);
    let mut out = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let line = i + 2;
        let row = row.map_err(|e| bad(format!("line {line} cannot be read ({e})")))?;
        let cell = |c: usize| row.get(c).unwrap_or("").to_string();
        let source = TextSource::parse(cell(c_source).trim())
            .map_err(|e| bad(format!("line {line}: {e}")))?;
        let source_id = cell(c_id).trim().to_string();
        if source_id.is_empty() {
            return Err(bad(format!("line {line}: source_id is empty")));
        }
        out.push(TranslationLine {
            source,
            source_id,
            text: cell(c_text),
        });
    }
    Ok(out)
}

impl Council {
    /// Every text of a meeting that prints, in document order, with its translation.
    pub fn meeting_texts(&self, meeting_id: Uuid) -> Result<Vec<TranslatableText>> {
        self.write(|s| s.meeting_texts(meeting_id))
    }

    /// Records one text's translation and status; the text as it now stands.
    pub fn set_translation(
        &self,
        meeting_id: Uuid,
        source: TextSource,
        source_id: &str,
        text: &str,
        status: TranslationStatus,
    ) -> Result<TranslatableText> {
        self.write(|s| s.set_translation(meeting_id, source, source_id, text, status))
    }

    /// Records the language a text was written in.
    pub fn set_text_language(
        &self,
        meeting_id: Uuid,
        source: TextSource,
        source_id: &str,
        original: Language,
    ) -> Result<TranslatableText> {
        self.write(|s| s.set_original_language(meeting_id, source, source_id, original))
    }

    /// Translations from a file ([`read_translations_csv`]), each marked done (or not
    /// needed), all in one transaction: all of them, or none. How many were recorded.
    pub fn translate_from_csv(
        &self,
        meeting_id: Uuid,
        bytes: &[u8],
        status: TranslationStatus,
    ) -> Result<usize> {
        let lines = read_translations_csv(bytes)?;
        self.write(|s| {
            s.atomically(|s| {
                for (i, l) in lines.iter().enumerate() {
                    s.set_translation(meeting_id, l.source, &l.source_id, &l.text, status)
                        .map_err(|e| {
                            minutes_store::StoreError::from(DomainError::invalid(
                                format!("line {}", i + 2),
                                e.to_string(),
                            ))
                        })?;
                }
                Ok(lines.len())
            })
        })
    }

    /// What to check before issuing the Welsh minutes or pack or publishing the draft: the
    /// texts awaiting translation, named (warnings, not refusals).
    pub fn translation_warnings(&self, meeting_id: Uuid) -> Result<Vec<String>> {
        self.write(|s| s.translation_warnings(meeting_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translations_file_is_read_by_its_header() {
        let lines = read_translations_csv(
            b"text,source,source_id\n\"=HYPERLINK(\"\"x\"\"), \"\"y\"\"\",limb,abc\nCyllideb,agenda_title,def\n",
        )
        .expect("read");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].source, TextSource::Limb);
        assert_eq!(lines[0].text, "=HYPERLINK(\"x\"), \"y\"");
        assert_eq!(lines[1].text, "Cyllideb");
    }

    #[test]
    fn a_file_without_the_columns_is_refused() {
        let err = read_translations_csv(b"a,b\n1,2\n").unwrap_err();
        assert!(err.to_string().contains("'source' is missing"), "{err}");
        let err = read_translations_csv(b"source,source_id,text\nheading,x,y\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
