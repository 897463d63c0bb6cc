//! The bilingual record: which of a meeting's texts print, in document order, with the state
//! of their translation, and the warning that names those still to translate.
//!
//! The texts a clerk types keep their original words where they always were; the other
//! language is a [`Translation`] ([`MeetingRecord::translations`]). A text with no
//! translation row awaits one when the authority prints in Welsh ([`LanguagePolicy`] `cy` or
//! `en_cy`) and needs none when it prints in English only.

use crate::model::*;

/// Where a text prints, as the translation view and the warnings name it: "Item 5 – title",
/// "Minute 476 – (2) reason".
fn context(place: &str, what: &str) -> String {
    format!("{place} – {what}")
}

/// Every text of the meeting that prints, in document order: the agenda's titles, then each
/// minute's heading (where it is not simply its item's title), public summary, blocks, limbs
/// and reasons, then the amendments agreed to these minutes. Empty texts and the words Cofnod
/// writes itself (the limb approving earlier minutes) are left out.
pub fn meeting_texts(rec: &MeetingRecord, lang: Language) -> Vec<TranslatableText> {
    let default_status = match rec.authority.languages {
        LanguagePolicy::English => TranslationStatus::NotNeeded,
        LanguagePolicy::Welsh | LanguagePolicy::Bilingual => TranslationStatus::Awaiting,
    };
    let mut out: Vec<TranslatableText> = Vec::new();
    let mut push =
        |source: TextSource, id: String, ctx: String, original_text: &str, legacy: &str| {
            if original_text.trim().is_empty() {
                return;
            }
            let row = rec.translation(source, &id);
            let (original, status, translation, outdated) = match row {
                Some(t) => (
                    t.original,
                    t.status,
                    t.text.clone(),
                    t.status == TranslationStatus::Done && t.translated_from != original_text,
                ),
                // An agenda item's Welsh title typed before translations were kept.
                None if !legacy.trim().is_empty() => (
                    Language::En,
                    TranslationStatus::Done,
                    legacy.to_string(),
                    false,
                ),
                None => (Language::En, default_status, String::new(), false),
            };
            let position = out.len() as u32;
            out.push(TranslatableText {
                source,
                source_id: id,
                context: ctx,
                original,
                original_text: original_text.to_string(),
                translation,
                status,
                outdated,
                position,
            });
        };

    let mut agenda: Vec<&AgendaItem> = rec.agenda.iter().collect();
    agenda.sort_by_key(|i| i.position);
    let item_word = lang.pick("Item", "Eitem");
    for i in &agenda {
        push(
            TextSource::AgendaTitle,
            i.id.to_string(),
            context(
                &format!("{item_word} {}", i.position),
                lang.pick("title", "teitl"),
            ),
            &i.title_en,
            &i.title_cy,
        );
    }

    let mut minutes: Vec<&MinuteRecord> = rec.minutes.iter().collect();
    minutes.sort_by_key(|m| m.minute.position);
    let minute_word = lang.pick("Minute", "Cofnod");
    for mr in minutes {
        let m = &mr.minute;
        let place = format!("{minute_word} {}", m.label);
        if rec.heading_follows_title(m).is_none() {
            push(
                TextSource::MinuteHeading,
                m.id.to_string(),
                context(&place, lang.pick("heading", "pennawd")),
                &m.heading,
                "",
            );
        }
        push(
            TextSource::PublicSummary,
            m.id.to_string(),
            context(&place, lang.pick("public summary", "crynodeb cyhoeddus")),
            &m.public_summary,
            "",
        );
        let mut blocks: Vec<&Block> = mr.blocks.iter().collect();
        blocks.sort_by_key(|b| b.position);
        for b in blocks {
            let n = b.position;
            let id = b.id.to_string();
            match &b.content {
                BlockContent::Narrative { text } => push(
                    TextSource::Narrative,
                    id,
                    context(
                        &place,
                        &format!("{} {n}", lang.pick("paragraph", "paragraff")),
                    ),
                    text,
                    "",
                ),
                BlockContent::Presentation { summary, .. } => push(
                    TextSource::Presentation,
                    id,
                    context(
                        &place,
                        &format!("{} {n}", lang.pick("presentation", "cyflwyniad")),
                    ),
                    summary,
                    "",
                ),
                BlockContent::Question {
                    question, answer, ..
                } => {
                    push(
                        TextSource::Question,
                        id.clone(),
                        context(
                            &place,
                            &format!("{} {n}", lang.pick("question", "cwestiwn")),
                        ),
                        question,
                        "",
                    );
                    push(
                        TextSource::Answer,
                        id,
                        context(&place, &format!("{} {n}", lang.pick("answer", "ateb"))),
                        answer,
                        "",
                    );
                }
            }
        }
        let mut limbs: Vec<&Resolution> = mr.resolutions.iter().collect();
        limbs.sort_by_key(|r| r.limb);
        for r in limbs {
            let id = r.id.to_string();
            if r.approves_meeting_id.is_none() {
                push(
                    TextSource::Limb,
                    id.clone(),
                    context(
                        &place,
                        &format!("({}) {}", r.limb, lang.pick("resolution", "penderfyniad")),
                    ),
                    &r.text,
                    "",
                );
            }
            push(
                TextSource::Reason,
                id,
                context(
                    &place,
                    &format!("({}) {}", r.limb, lang.pick("reason", "rheswm")),
                ),
                &r.reason,
                "",
            );
        }
    }

    let mut amendments: Vec<&Amendment> = rec.amendments.iter().collect();
    amendments.sort_by_key(|a| a.position);
    for a in amendments {
        push(
            TextSource::Amendment,
            a.id.to_string(),
            format!("{} {}", lang.pick("Amendment", "Diwygiad"), a.position),
            &a.text,
            "",
        );
    }
    out
}

/// The texts still to translate (awaiting, or translated from words since changed), when the
/// authority prints in Welsh; none when it prints in English only.
pub fn awaiting(rec: &MeetingRecord) -> Vec<TranslatableText> {
    if rec.authority.languages == LanguagePolicy::English {
        return Vec::new();
    }
    meeting_texts(rec, Language::En)
        .into_iter()
        .filter(TranslatableText::needs_translation)
        .collect()
}

/// "3 texts await translation: Minute 476 – heading; Minute 476 – (1) resolution; Item 2 –
/// title (changed since it was translated)". None when nothing awaits.
pub fn awaiting_warning(texts: &[TranslatableText]) -> Option<String> {
    let waiting: Vec<&TranslatableText> = texts.iter().filter(|t| t.needs_translation()).collect();
    if waiting.is_empty() {
        return None;
    }
    let names: Vec<String> = waiting
        .iter()
        .map(|t| {
            if t.outdated {
                format!("{} (changed since it was translated)", t.context)
            } else {
                t.context.clone()
            }
        })
        .collect();
    let head = if waiting.len() == 1 {
        "1 text awaits translation".to_string()
    } else {
        format!("{} texts await translation", waiting.len())
    };
    Some(format!("{head}: {}", names.join("; ")))
}

impl MeetingRecord {
    /// The record as a document in `lang` prints it: every text a clerk typed replaced by
    /// its words in `lang` ([`MeetingRecord::text_in`]): the translation where one is done,
    /// the original otherwise. Names of people and bodies are not translated here (a body's
    /// Welsh name is its own field). The printers start from this, so each place that prints
    /// a clerk's text prints the document's language.
    pub fn in_language(&self, lang: Language) -> MeetingRecord {
        let mut out = self.clone();
        for i in &mut out.agenda {
            i.title_en = self
                .text_in(
                    lang,
                    TextSource::AgendaTitle,
                    &i.id.to_string(),
                    &i.title_en,
                )
                .to_string();
        }
        for mr in &mut out.minutes {
            let id = mr.minute.id.to_string();
            mr.minute.heading = self
                .text_in(lang, TextSource::MinuteHeading, &id, &mr.minute.heading)
                .to_string();
            mr.minute.public_summary = self
                .text_in(
                    lang,
                    TextSource::PublicSummary,
                    &id,
                    &mr.minute.public_summary,
                )
                .to_string();
            for b in &mut mr.blocks {
                let id = b.id.to_string();
                let pick = |source: TextSource, text: &mut String| {
                    *text = self.text_in(lang, source, &id, text).to_string();
                };
                match &mut b.content {
                    BlockContent::Narrative { text } => pick(TextSource::Narrative, text),
                    BlockContent::Presentation { summary, .. } => {
                        pick(TextSource::Presentation, summary)
                    }
                    BlockContent::Question {
                        question, answer, ..
                    } => {
                        pick(TextSource::Question, question);
                        pick(TextSource::Answer, answer);
                    }
                }
            }
            for r in &mut mr.resolutions {
                let id = r.id.to_string();
                r.text = self
                    .text_in(lang, TextSource::Limb, &id, &r.text)
                    .to_string();
                r.reason = self
                    .text_in(lang, TextSource::Reason, &id, &r.reason)
                    .to_string();
            }
        }
        let amendment = |a: &mut Amendment| {
            a.text = self
                .text_in(lang, TextSource::Amendment, &a.id.to_string(), &a.text)
                .to_string();
        };
        out.amendments.iter_mut().for_each(amendment);
        for a in &mut out.approvals {
            a.amendments.iter_mut().for_each(amendment);
        }
        out
    }
}
