//! `cofnod translate`: a meeting's printed texts with their translations (the bilingual
//! record), one set from the command line or many from a CSV file.

use std::path::PathBuf;

use clap::Args;
use minutes_app::core::{DomainError, Language, TextSource, TranslatableText, TranslationStatus};
use minutes_app::{AppError, Council};

use crate::args::{print, print_json, MeetingArgs};
use crate::error::Result;

/// Translate a meeting's texts: list them with their status (--list), set one (--set
/// SOURCE:ID --welsh TEXT, or --not-needed), or take many from a CSV file (--from FILE.csv,
/// columns source,source_id,text)
#[derive(Args, Debug)]
pub struct TranslateArgs {
    #[command(flatten)]
    meeting: MeetingArgs,
    /// List every text that prints, in document order, with its translation's status
    #[arg(long)]
    list: bool,
    /// With --list: as JSON
    #[arg(long, requires = "list")]
    json: bool,
    /// The text to translate, as --list names it: SOURCE:ID (e.g. minute_heading:5f0c…)
    #[arg(long, value_name = "SOURCE:ID", conflicts_with_all = ["list", "from"])]
    set: Option<String>,
    /// The translation (the Welsh of a text written in English; the English of one written
    /// in Welsh), marked done
    #[arg(long, value_name = "TEXT", alias = "text", requires = "set")]
    welsh: Option<String>,
    /// Mark the text (with --set) or every text of the file (with --from) as needing no
    /// translation
    #[arg(long)]
    not_needed: bool,
    /// With --set: the language the text was written in (en or cy)
    #[arg(long, value_name = "LANG", requires = "set")]
    original: Option<String>,
    /// Translations from a CSV file with the columns source,source_id,text (all or none)
    #[arg(long, value_name = "FILE.csv", conflicts_with = "list")]
    from: Option<PathBuf>,
}

fn status_word(t: &TranslatableText) -> &'static str {
    if t.outdated {
        return "outdated";
    }
    match t.status {
        TranslationStatus::Done => "done",
        TranslationStatus::Awaiting => "awaiting",
        TranslationStatus::NotNeeded => "not needed",
    }
}

fn listing(texts: &[TranslatableText]) -> String {
    if texts.is_empty() {
        return "The meeting has no texts to translate yet.\n".into();
    }
    let mut out = String::new();
    for t in texts {
        let other = t.original.pick("cy", "en");
        out.push_str(&format!(
            "{:<10}  {}:{}  {}\n    {}: {}\n    {other}: {}\n",
            status_word(t),
            t.source,
            t.source_id,
            t.context,
            t.original,
            t.original_text.replace('\n', " "),
            t.translation.replace('\n', " "),
        ));
    }
    let waiting = texts.iter().filter(|t| t.needs_translation()).count();
    out.push_str(&format!(
        "{} texts, {waiting} awaiting translation\n",
        texts.len()
    ));
    out
}

pub fn translate(council: &Council, a: TranslateArgs) -> Result {
    let id = a.meeting.find(council)?;
    if let Some(file) = &a.from {
        let bytes = std::fs::read(file)
            .map_err(|e| AppError::io(format!("reading {}", file.display()), e))?;
        let status = if a.not_needed {
            TranslationStatus::NotNeeded
        } else {
            TranslationStatus::Done
        };
        let n = council.translate_from_csv(id, &bytes, status)?;
        return print(&format!(
            "Recorded {n} translations from {}\n",
            file.display()
        ));
    }
    if let Some(set) = &a.set {
        let (source, source_id) = set.split_once(':').ok_or_else(|| {
            DomainError::invalid(
                "--set",
                format!("'{set}' is not SOURCE:ID (e.g. limb:5f0c…)"),
            )
        })?;
        let source = TextSource::parse(source.trim())?;
        let source_id = source_id.trim();
        let mut now = None;
        if let Some(lang) = &a.original {
            let lang = Language::parse(lang.trim())?;
            now = Some(council.set_text_language(id, source, source_id, lang)?);
        }
        if a.welsh.is_some() || a.not_needed {
            let status = if a.not_needed {
                TranslationStatus::NotNeeded
            } else {
                TranslationStatus::Done
            };
            let text = a.welsh.as_deref().unwrap_or("");
            now = Some(council.set_translation(id, source, source_id, text, status)?);
        }
        let Some(t) = now else {
            return Err(DomainError::invalid(
                "--set",
                "say what to record: --welsh TEXT, --not-needed or --original LANG",
            )
            .into());
        };
        return print(&format!("{}: {}\n", t.context, status_word(&t)));
    }
    let texts = council.meeting_texts(id)?;
    if a.json {
        return print_json("The meeting's texts", &texts);
    }
    print(&listing(&texts))
}
