//! The formal minutes as a sequence of styled lines, in the house style. The text output of
//! the command line and the PDF both start from [`minutes_document`]; neither decides wording.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::call_in;
use crate::house_style::{
    apologies_sentence, dispensation_words, ensure_full_stop, heading, join_names, limb_opening,
    limb_text, long_date, mid_sentence, people_list, person_name, presenter_sentence,
    sentence_case, vote_outcome,
};
use crate::labels::{self, label, Label};
use crate::model::*;
use crate::welsh;

/// Which version of the minutes: the public one leaves exempt (part 2) minutes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Visibility {
    Public,
    Confidential,
}

/// One styled line (or paragraph) of the printed minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "style", content = "text", rename_all = "snake_case")]
#[ts(export)]
pub enum Line {
    /// The authority's name.
    Authority(String),
    /// The body's name.
    Body(String),
    /// "Minutes of a meeting held on 5th January, 2015."
    Title(String),
    /// "Present: ..." with its label kept apart so it can be set in bold.
    Attendance {
        label: String,
        text: String,
    },
    /// "701  APOLOGIES FOR ABSENCE –"
    MinuteHeading {
        number: String,
        heading: String,
    },
    Paragraph(String),
    /// "RECOMMENDED –"
    Keyword(String),
    /// "(1)" and "T H A T ..." (label empty for a single limb).
    Limb {
        label: String,
        text: String,
    },
    /// "Reasons for recommendations"
    SubHeading(String),
    /// A single decision on one line: "RECOMMENDED –" (set in bold) and "T H A T ...".
    Decision {
        keyword: String,
        text: String,
    },
    /// A list item, or a further paragraph, of a limb, a reason or a narrative: `marker`
    /// ("–", "(a)", "1.") in a hanging column of its own, empty for a paragraph. Set under
    /// the limb's text when `under_limb`, otherwise from the margin; each `level` past the
    /// first one marker column further in.
    ListItem {
        under_limb: bool,
        level: u32,
        marker: String,
        text: String,
    },
    /// Signature block lines.
    Signature {
        label: String,
        text: String,
    },
    /// What follows starts a new page (the agenda after the front sheet of an agenda pack).
    PageBreak,
    /// Under the title of a translation: "This document is a translation. The version in
    /// Welsh is the legal record." (the authority's words, [`notice_line`]).
    Notice(String),
    /// A bilingual document: the lines that follow are in this language, until the next.
    /// Prints nothing; the PDF tags the passage with its language.
    Lang(Language),
    /// One field of an entry in a list (the recommendation tracker): "Response due:" and its
    /// value, indented under the text of the heading above it, the label in bold in a column
    /// of its own. An empty label indents the text alone, on the full width left.
    Field {
        label: String,
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MinutesDocument {
    /// The document's language; a bilingual document's first (Welsh).
    pub language: Language,
    /// Both languages, Welsh first: each passage opened by a [`Line::Lang`].
    #[serde(default)]
    pub bilingual: bool,
    pub visibility: Visibility,
    /// True until the minutes are signed: every page carries a DRAFT mark.
    pub draft: bool,
    /// For the running header or footer: "Scrutiny Committee (Social Care and Health), 5th January, 2015".
    pub running_head: String,
    pub title: String,
    pub author: String,
    pub lines: Vec<Line>,
    /// Loose-leaf mode: the minute-book page the first page takes, on the signed copy that goes
    /// into the book (see [`minute_book_document`]); `None` on every other copy and on drafts.
    #[ts(optional = nullable)]
    pub minute_book_start: Option<u32>,
}

impl MinutesDocument {
    /// The marks every page's header carries: "DRAFT" until the minutes are signed, then
    /// "CONFIDENTIAL" on the confidential version.
    pub fn marks(&self) -> Vec<String> {
        let mut marks = Vec::new();
        if self.draft {
            marks.push(self.mark(Label::Draft));
        }
        if self.visibility == Visibility::Confidential {
            marks.push(self.mark(Label::Confidential));
        }
        marks
    }

    /// The word set across every page of a draft.
    pub fn watermark(&self) -> Option<String> {
        self.draft.then(|| self.mark(Label::Draft))
    }

    /// A mark in the document's language; in a bilingual one, Welsh then English ("DRAFFT /
    /// DRAFT").
    fn mark(&self, l: Label) -> String {
        if self.bilingual {
            format!("{} / {}", label(l, Language::Cy), label(l, Language::En))
        } else {
            label(l, self.language).to_string()
        }
    }
}

/// The language the minute book is kept in: the authority's legal-record language (a
/// translation is not the legal record). Set-up makes it Welsh for an authority that works in
/// Welsh only.
pub fn minute_book_language(a: &Authority) -> Language {
    match a.languages {
        LanguagePolicy::Welsh => Language::Cy,
        LanguagePolicy::English => Language::En,
        LanguagePolicy::Bilingual => a.documents.legal_language,
    }
}

/// The copy of the signed minutes that goes into the loose-leaf minute book: the whole record
/// (exempt minutes included) in the book's language. Its page count is what signing allocates.
pub fn minute_book_document(rec: &MeetingRecord) -> MinutesDocument {
    minutes_document(
        rec,
        minute_book_language(&rec.authority),
        Visibility::Confidential,
    )
}

fn body_name(body: &Body, lang: Language) -> String {
    lang.text(&body.name_en, &body.name_cy).to_string()
}

fn authority_name(a: &Authority, lang: Language) -> String {
    lang.text(&a.name_en, &a.name_cy).to_string()
}

/// Builds the formal minutes of one meeting. In the language that is not the authority's
/// legal record, the translation notice is printed under the title.
pub fn minutes_document(
    rec: &MeetingRecord,
    lang: Language,
    visibility: Visibility,
) -> MinutesDocument {
    // Every text the clerk typed, in the document's language (the translation where done).
    let rec = &rec.in_language(lang);
    let mut lines = Vec::new();
    let date = long_date(rec.meeting.date, lang);
    let body = body_name(&rec.body, lang);
    title_lines(rec, lang, &mut lines);
    lines.extend(notice_line(&rec.authority, lang));
    attendance_lines(rec, lang, &mut lines);

    for i in 0..rec.minutes.len() {
        minute_lines(rec, i, lang, visibility, &mut lines);
    }
    approved_as_amended_lines(rec, lang, &mut lines);
    signature_lines(rec, &[lang], &mut lines);

    let signed = rec.meeting.minutes_status == MinutesStatus::Signed;
    // The book's pages belong to the copy in the book: its language, nothing left out.
    let whole_record =
        visibility == Visibility::Confidential || !rec.minutes.iter().any(|m| m.minute.exempt);
    let minute_book_start = rec
        .meeting
        .book_pages
        .filter(|_| signed && whole_record && lang == minute_book_language(&rec.authority))
        .map(|p| p.first);
    MinutesDocument {
        language: lang,
        bilingual: false,
        visibility,
        draft: !signed,
        minute_book_start,
        running_head: format!("{body}, {date}"),
        title: format!(
            "{} \u{2013} {body} \u{2013} {date}",
            label(Label::Minutes, lang)
        ),
        author: authority_name(&rec.authority, lang),
        lines,
    }
}

/// The notice a document in `lang` carries under its title: that it is a translation and
/// which version is the legal record (the authority's own words). None in the legal-record
/// language.
pub fn notice_line(a: &Authority, lang: Language) -> Option<Line> {
    a.documents
        .notice(lang)
        .filter(|n| !n.is_empty())
        .map(|n| Line::Notice(n.to_string()))
}

/// The authority, the body and "Minutes of a meeting held on ...".
fn title_lines(rec: &MeetingRecord, lang: Language, lines: &mut Vec<Line>) {
    let date = long_date(rec.meeting.date, lang);
    lines.push(Line::Authority(authority_name(&rec.authority, lang)));
    lines.push(Line::Body(body_name(&rec.body, lang)));
    lines.push(Line::Title(format!(
        "{} {date}.",
        label(Label::MinutesOfMeetingHeldOn, lang)
    )));
}

/// The chair's signature and its date, once signed; each label in every language given
/// ("Cadeirydd / Chair").
fn signature_lines(rec: &MeetingRecord, langs: &[Language], lines: &mut Vec<Line>) {
    if rec.meeting.minutes_status != MinutesStatus::Signed {
        return;
    }
    let first = langs.first().copied().unwrap_or(Language::En);
    let both = |f: &dyn Fn(Language) -> String| -> String {
        langs.iter().map(|l| f(*l)).collect::<Vec<_>>().join(" / ")
    };
    let signer = rec
        .meeting
        .signed_by_person_id
        .and_then(|id| rec.person(id))
        .map(|p| person_name(&p.honorific, &p.name, first))
        .unwrap_or_default();
    lines.push(Line::Signature {
        label: both(&|l| labels::chair(rec.body.chair_title, false, l).to_string()),
        text: signer,
    });
    lines.push(Line::Signature {
        label: both(&|l| label(Label::Date, l).to_string()),
        text: rec
            .meeting
            .signed_on
            .map(|d| long_date(d, first))
            .unwrap_or_default(),
    });
}

/// Each section of a bilingual document in Welsh, then in English, each part opened by the
/// language it is in (the PDF tags each passage with its language).
pub fn welsh_first(lines: &mut Vec<Line>, section: &dyn Fn(Language, &mut Vec<Line>)) {
    for lang in [Language::Cy, Language::En] {
        let mut part = Vec::new();
        section(lang, &mut part);
        if !part.is_empty() {
            lines.push(Line::Lang(lang));
            lines.extend(part);
        }
    }
}

/// The bilingual minutes, Welsh first (Welsh Language Standards): the title, the attendance
/// and then each minute in Welsh followed by the same in English; the signature once, its
/// labels in both languages. The clerk's own texts print as each language's edition prints
/// them. No translation notice: both versions are in it.
pub fn bilingual_minutes_document(rec: &MeetingRecord, visibility: Visibility) -> MinutesDocument {
    // Every text the clerk typed in each language (the translation where done).
    let (cy, en) = (rec.in_language(Language::Cy), rec.in_language(Language::En));
    let of = |l: Language| if l == Language::Cy { &cy } else { &en };
    let mut lines = Vec::new();
    welsh_first(&mut lines, &|l, out| title_lines(of(l), l, out));
    welsh_first(&mut lines, &|l, out| attendance_lines(of(l), l, out));
    for i in 0..rec.minutes.len() {
        welsh_first(&mut lines, &|l, out| {
            minute_lines(of(l), i, l, visibility, out)
        });
    }
    welsh_first(&mut lines, &|l, out| {
        approved_as_amended_lines(of(l), l, out)
    });
    lines.push(Line::Lang(Language::Cy));
    signature_lines(rec, &[Language::Cy, Language::En], &mut lines);
    let signed = rec.meeting.minutes_status == MinutesStatus::Signed;
    let both =
        |f: &dyn Fn(Language) -> String| format!("{} / {}", f(Language::Cy), f(Language::En));
    let date = both(&|l| long_date(rec.meeting.date, l));
    let body = both(&|l| body_name(&rec.body, l));
    MinutesDocument {
        language: Language::Cy,
        bilingual: true,
        visibility,
        draft: !signed,
        minute_book_start: None,
        running_head: format!(
            "{}, {} / {}, {}",
            body_name(&rec.body, Language::Cy),
            long_date(rec.meeting.date, Language::Cy),
            body_name(&rec.body, Language::En),
            long_date(rec.meeting.date, Language::En)
        ),
        title: format!(
            "{} \u{2013} {body} \u{2013} {date}",
            both(&|l| label(Label::Minutes, l).to_string())
        ),
        author: both(&|l| authority_name(&rec.authority, l)),
        lines,
    }
}

/// The lines one minute prints: the exclusion resolution before a run of exempt minutes,
/// its heading, then (in the confidential version, or for a public minute) the generated
/// sentences, the clerk's blocks and the decision.
fn minute_lines(
    rec: &MeetingRecord,
    i: usize,
    lang: Language,
    visibility: Visibility,
    lines: &mut Vec<Line>,
) {
    let m = &rec.minutes[i];
    let item = m
        .minute
        .agenda_item_id
        .and_then(|id| rec.agenda.iter().find(|a| a.id == id));
    // Before a run of exempt minutes: the resolution that excluded the public (s.100A(4)).
    if m.minute.exempt && (i == 0 || !rec.minutes[i - 1].minute.exempt) {
        let run: Vec<&MinuteRecord> = rec.minutes[i..]
            .iter()
            .take_while(|n| n.minute.exempt)
            .collect();
        exclusion_lines(rec, &run, lang, lines);
    }
    // A heading taken from the agenda prints in the document's language.
    let title = match item {
        Some(i) if m.minute.heading == i.title_en && !i.title_cy.is_empty() => {
            lang.pick(&m.minute.heading, &i.title_cy)
        }
        _ => &m.minute.heading,
    };
    lines.push(Line::MinuteHeading {
        number: m.minute.label.clone(),
        heading: heading(title, &m.minute.tag),
    });
    if m.minute.exempt && visibility == Visibility::Public {
        if m.minute.public_summary.trim().is_empty() {
            let paras: Vec<String> = item
                .map(|i| i.exempt_paragraphs.clone())
                .unwrap_or_default();
            lines.push(Line::Paragraph(exempt_not_published(&paras, lang)));
        } else {
            push_paragraphs(&m.minute.public_summary, lines);
        }
        return;
    }
    generated_text(rec, m, lang, lines);
    let called_in = rec.called_in.iter().find(|c| {
        c.call_in.scrutiny_minute_id == Some(m.minute.id)
            || (c.call_in.agenda_item_id.is_some()
                && c.call_in.agenda_item_id == m.minute.agenda_item_id)
    });
    if let Some(c) = called_in {
        call_in_quote_lines(c, lang, lines);
    }
    for b in &m.blocks {
        block_lines(rec, &b.content, lang, lines);
    }
    if let Some(q) = rec.quorum_notes.iter().find(|q| q.minute_id == m.minute.id) {
        push_paragraphs(&q.note, lines);
    }
    decision_lines(rec, &m.resolutions, lang, lines);
    executive_lines(rec, m, lang, lines);
    if let Some(c) = called_in {
        if let Some(o) = c.call_in.outcome {
            lines.push(Line::SubHeading(call_in::outcome_heading(lang).to_string()));
            lines.push(Line::Paragraph(call_in::outcome_sentence(
                o,
                &c.call_in.concerns,
                lang,
            )));
        }
    }
}

/// The public minutes' sentence for an exempt minute with no public summary: "This item was
/// considered in private. Its minute is not published because it contains exempt information
/// as defined in paragraph 14 of Schedule 12A to the Local Government Act 1972." / "… fel y'i
/// diffinnir ym mharagraff 14 o Atodlen 12A i Ddeddf Llywodraeth Leol 1972." ("ym
/// mharagraffau 12 a 14").
pub fn exempt_not_published(paras: &[String], lang: Language) -> String {
    match lang {
        Language::En => format!(
            "{} {} of Schedule 12A to the Local Government Act 1972.",
            label(Label::ExemptNotPublished, lang),
            paras.join(", ")
        ),
        Language::Cy => format!(
            "{} {} {} {}.",
            label(Label::ExemptNotPublished, lang),
            welsh::in_paragraphs(paras),
            welsh::o("Atodlen 12A"),
            welsh::i("Deddf Llywodraeth Leol 1972"),
        ),
    }
}

/// A scrutiny call-in minute's quotation of what was called in (check 12): the Cabinet
/// minute, who called it in, the resolution and its reason, and the grounds.
fn call_in_quote_lines(c: &CalledIn, lang: Language, lines: &mut Vec<Line>) {
    lines.push(Line::Paragraph(call_in::considered_sentence(c, lang)));
    lines.push(Line::Paragraph(
        call_in::cabinet_resolution_intro(lang).to_string(),
    ));
    lines.push(Line::Decision {
        keyword: format!("{} \u{2013}", labels::keyword(c.keyword, lang)),
        text: limb_text(&c.text, None, lang),
    });
    if !c.reason.trim().is_empty() {
        lines.push(Line::Paragraph(format!(
            "{} {}",
            call_in::cabinet_reason(lang),
            ensure_full_stop(c.reason.trim())
        )));
    }
    lines.push(Line::Paragraph(format!(
        "{} {}",
        call_in::grounds(lang),
        ensure_full_stop(c.call_in.grounds.trim())
    )));
}

/// After a Cabinet minute's reasons: each executive decision's key-decision mark, options
/// rejected, consultation, interests, and the "Implementation of Decision" line (R18, R20).
pub(crate) fn executive_lines(
    rec: &MeetingRecord,
    m: &MinuteRecord,
    lang: Language,
    lines: &mut Vec<Line>,
) {
    let decisions: Vec<(&Resolution, &ExecutiveDecision)> = m
        .resolutions
        .iter()
        .filter_map(|r| rec.executive_decision(r.id).map(|d| (r, d)))
        .collect();
    let several = decisions.len() > 1;
    let days = rec.authority.call_in_days();
    for (r, d) in decisions {
        let prefix = if several {
            format!("({}) ", r.limb)
        } else {
            String::new()
        };
        if d.key_decision {
            lines.push(Line::Paragraph(format!(
                "{prefix}{}",
                call_in::key_decision(lang)
            )));
        }
        for (label, text) in [
            (call_in::options_rejected(lang), &d.options_rejected),
            (call_in::consultation(lang), &d.consultation),
            (call_in::interests(lang), &d.interests),
        ] {
            if !text.trim().is_empty() {
                lines.push(Line::Paragraph(format!(
                    "{prefix}{label} {}",
                    ensure_full_stop(text.trim())
                )));
            }
        }
        lines.push(Line::SubHeading(format!(
            "{prefix}{}",
            call_in::implementation_heading(lang)
        )));
        lines.push(Line::Paragraph(call_in::implementation_sentence(
            d, days, lang,
        )));
    }
}

/// The sentences the minutes write for a minute from the record rather than from what the
/// clerk typed into it: who left the meeting for an interest in the item, the apologies and
/// declarations, an urgent item's reason.
fn generated_text(rec: &MeetingRecord, m: &MinuteRecord, lang: Language, lines: &mut Vec<Line>) {
    let item = m
        .minute
        .agenda_item_id
        .and_then(|id| rec.agenda.iter().find(|a| a.id == id));
    if let Some(i) = item {
        withdrawal_lines(rec, i.id, lang, lines);
    }
    if let Some(standing) = item.and_then(|i| i.standing) {
        standing_text(rec, standing, lang, lines);
    }
    if let Some(i) = item.filter(|i| i.origin == ItemOrigin::Urgent && !i.urgent_reason.is_empty())
    {
        lines.push(Line::Paragraph(ensure_full_stop(&i.urgent_reason)));
    }
}

/// What one minute prints that the clerk does not type, as it will print (confidential
/// version): the exclusion of the public before it, the apologies, declarations and urgent
/// reasons, and the limb approving earlier minutes with its amendments. The minuting screen
/// shows these read-only. Empty for a minute the record does not hold.
pub fn generated_minute_lines(rec: &MeetingRecord, minute_id: Uuid, lang: Language) -> Vec<Line> {
    let rec = &rec.in_language(lang);
    let mut lines = Vec::new();
    let Some(i) = rec.minutes.iter().position(|m| m.minute.id == minute_id) else {
        return lines;
    };
    let m = &rec.minutes[i];
    if m.minute.exempt && (i == 0 || !rec.minutes[i - 1].minute.exempt) {
        let run: Vec<&MinuteRecord> = rec.minutes[i..]
            .iter()
            .take_while(|n| n.minute.exempt)
            .collect();
        exclusion_lines(rec, &run, lang, &mut lines);
    }
    generated_text(rec, m, lang, &mut lines);
    let approving: Vec<Resolution> = m
        .resolutions
        .iter()
        .filter(|r| r.approves_meeting_id.is_some())
        .map(|r| Resolution {
            // What the clerk typed as its reason stays in the editor's own box.
            reason: String::new(),
            ..r.clone()
        })
        .collect();
    decision_lines(rec, &approving, lang, &mut lines);
    lines
}

/// The keyword of the limb approving the previous minutes: scrutiny committees recommend
/// (their minutes go on to Council), other bodies resolve.
pub fn approval_keyword(kind: BodyKind) -> Keyword {
    match kind {
        BodyKind::Scrutiny => Keyword::Recommended,
        _ => Keyword::Resolved,
    }
}

/// The words after "T H A T" approving a meeting's minutes, in the document's language:
/// "the minutes of the meeting held on 8th October, 2012 be approved as a correct record"
/// and, with amendments, " subject to:" (the amendments follow as dash items).
pub fn approval_sentence(date: chrono::NaiveDate, amended: bool, lang: Language) -> String {
    let date = long_date(date, lang);
    let sentence = lang.pick(
        format!("the minutes of the meeting held on {date} be approved as a correct record"),
        format!(
            "cofnodion y cyfarfod a gynhaliwyd ar {date} yn cael eu cymeradwyo fel cofnod cywir"
        ),
    );
    if amended {
        format!("{sentence} {}", lang.pick("subject to:", "yn amodol ar:"))
    } else {
        format!("{sentence}.")
    }
}

/// The approving limb's text as the register keeps it (English, amendments inline):
/// "the minutes of the meeting held on 8th October, 2012 be approved as a correct record
/// subject to: – Page 3 …; – Page 5 …".
pub fn approval_text(date: chrono::NaiveDate, amendments: &[String]) -> String {
    let sentence = approval_sentence(date, !amendments.is_empty(), Language::En);
    if amendments.is_empty() {
        return sentence;
    }
    let items: Vec<String> = amendments
        .iter()
        .map(|a| format!("\u{2013} {}", a.trim().trim_end_matches(['.', ';'])))
        .collect();
    format!("{sentence} {}.", items.join("; "))
}

/// At the end of minutes approved with amendments: "Approved, as amended, at the meeting
/// held on 5th February, 2015, minute 12:" and the amendments as dash items. Nothing of the
/// minutes themselves is rewritten.
fn approved_as_amended_lines(rec: &MeetingRecord, lang: Language, lines: &mut Vec<Line>) {
    let Some(at) = &rec.approved_at else {
        return;
    };
    if rec.amendments.is_empty() {
        return;
    }
    let date = long_date(at.date, lang);
    let minute = rec
        .approved_at_minute
        .as_ref()
        .map(|n| lang.pick(format!(", minute {n}"), format!(", cofnod {n}")))
        .unwrap_or_default();
    lines.push(Line::Paragraph(lang.pick(
        format!("Approved, as amended, at the meeting held on {date}{minute}:"),
        format!("Cymeradwywyd, fel y'u diwygiwyd, yn y cyfarfod a gynhaliwyd ar {date}{minute}:"),
    )));
    for a in &rec.amendments {
        lines.push(Line::Limb {
            label: "\u{2013}".into(),
            text: ensure_full_stop(&a.text),
        });
    }
}

/// The words of the exclusion resolution after "T H A T", from the minute numbers and the
/// Schedule 12A paragraphs: "under Section 100A(4) of the Local Government Act 1972, the press
/// and public be excluded from the meeting for the following item of business (Minute No. 9)
/// on the grounds that it involves the likely disclosure of exempt information as defined in
/// paragraph 14 of Part 4 of Schedule 12A to the Act." (Part 1 in England) / "y wasg a'r
/// cyhoedd yn cael eu gwahardd o'r cyfarfod, o dan Adran 100A(4) o Ddeddf Llywodraeth Leol
/// 1972, ar gyfer yr eitem fusnes ganlynol (Cofnod Rhif 9) ar y sail ei bod yn debygol y
/// datgelir gwybodaeth eithriedig fel y'i diffinnir ym mharagraff 14 o Ran 4 o Atodlen 12A
/// i'r Ddeddf."
pub fn exclusion_resolution_text(
    numbers: &[String],
    paragraphs: &[String],
    jurisdiction: Jurisdiction,
    lang: Language,
) -> String {
    let (many, several) = (numbers.len() > 1, paragraphs.len() > 1);
    match lang {
        Language::En => format!(
            "under Section 100A(4) of the Local Government Act 1972, the press and public be excluded from the meeting for the following {} of business (Minute {}. {}) on the grounds that {} the likely disclosure of exempt information as defined in {} {} of Part {} of Schedule 12A to the Act.",
            if many { "items" } else { "item" },
            if many { "Nos" } else { "No" },
            join_names(numbers, lang),
            if many { "they involve" } else { "it involves" },
            if several { "paragraphs" } else { "paragraph" },
            join_names(paragraphs, lang),
            welsh::schedule_12a_part(jurisdiction),
        ),
        Language::Cy => {
            let (items, minute, likely) = if many {
                (
                    format!(
                        "{} {} busnes {}",
                        welsh::article_for(welsh::nouns::EITEMAU.base),
                        welsh::nouns::EITEMAU.base,
                        welsh::adjective(welsh::nouns::EITEMAU, true, "canlynol")
                    ),
                    "Cofnodion Rhif",
                    "eu bod yn debygol",
                )
            } else {
                (
                    format!(
                        "{} {} {}",
                        welsh::nouns::EITEM.the(),
                        welsh::adjective(welsh::nouns::EITEM, false, "busnes"),
                        welsh::adjective(welsh::nouns::EITEM, false, "canlynol")
                    ),
                    "Cofnod Rhif",
                    "ei bod yn debygol",
                )
            };
            format!(
                "y wasg a'r cyhoedd yn cael eu gwahardd o'r cyfarfod, o dan Adran 100A(4) {}, ar gyfer {items} ({minute} {}) ar y sail {likely} y datgelir gwybodaeth eithriedig fel y'i diffinnir {} {}.",
                welsh::o("Deddf Llywodraeth Leol 1972"),
                welsh::join_names(numbers),
                welsh::in_paragraphs(paragraphs),
                welsh::of_part_of_schedule_12a(jurisdiction, true),
            )
        }
    }
}

/// "RESOLVED – T H A T under Section 100A(4) ... the press and public be excluded ...": the
/// exclusion resolution naming the minutes and their Schedule 12A paragraphs, printed in both
/// versions, with the public interest test where the clerk recorded it.
fn exclusion_lines(
    rec: &MeetingRecord,
    run: &[&MinuteRecord],
    lang: Language,
    lines: &mut Vec<Line>,
) {
    let items: Vec<&AgendaItem> = run
        .iter()
        .filter_map(|m| m.minute.agenda_item_id)
        .filter_map(|id| rec.agenda.iter().find(|a| a.id == id))
        .collect();
    let mut paragraphs: Vec<String> = items
        .iter()
        .flat_map(|i| i.exempt_paragraphs.iter().cloned())
        .collect();
    paragraphs.sort_by_key(|p| (p.trim_start_matches(char::is_alphabetic).len(), p.clone()));
    paragraphs.dedup();
    let numbers: Vec<String> = run.iter().map(|m| m.minute.label.clone()).collect();
    let text = exclusion_resolution_text(&numbers, &paragraphs, rec.authority.jurisdiction, lang);
    lines.push(Line::MinuteHeading {
        number: String::new(),
        heading: heading(
            lang.pick(
                "Exclusion of the press and public",
                "Gwahardd y wasg a'r cyhoedd",
            ),
            "",
        ),
    });
    lines.push(Line::Decision {
        keyword: format!("{} \u{2013}", labels::keyword(Keyword::Resolved, lang)),
        text: limb_text(&text, None, lang),
    });
    for i in items
        .iter()
        .filter(|i| !i.public_interest.trim().is_empty())
    {
        lines.push(Line::Paragraph(ensure_full_stop(&i.public_interest)));
    }
}

/// A piece of text as a council writes it: a paragraph, or a list item with its marker.
#[derive(Debug, Clone, PartialEq)]
struct Segment {
    /// "–", "(a)", "1."; empty for a paragraph.
    marker: String,
    /// 1 for a list, 2 for a list inside it (typed indented).
    level: u32,
    text: String,
}

/// The marker a line of a list starts with, as printed, and the text after it: "- item" and
/// "– item" print an en dash, "• item" and "* item" a bullet; "(a)", "(iv)", "(1)", "a)" and
/// "1." print as typed.
fn list_marker(line: &str) -> Option<(String, &str)> {
    for (typed, printed) in [
        ("- ", "\u{2013}"),
        ("\u{2013} ", "\u{2013}"),
        ("\u{2014} ", "\u{2013}"),
        ("\u{2022} ", "\u{2022}"),
        ("* ", "\u{2022}"),
    ] {
        if let Some(rest) = line.strip_prefix(typed) {
            return Some((printed.to_string(), rest.trim_start()));
        }
    }
    let (word, rest) = line.split_once(' ')?;
    let inner = |w: &str, letters: usize| {
        !w.is_empty()
            && ((w.len() <= letters && w.chars().all(|c| c.is_ascii_lowercase()))
                || (w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit())))
    };
    let marked = if let Some(w) = word.strip_prefix('(').and_then(|w| w.strip_suffix(')')) {
        inner(w, 4)
    } else if let Some(w) = word.strip_suffix(')') {
        inner(w, 4)
    } else if let Some(w) = word.strip_suffix('.') {
        // "1." or "a."; not "A." (an initial).
        inner(w, 1)
    } else {
        false
    };
    marked.then(|| (word.to_string(), rest.trim_start()))
}

/// Splits text into paragraphs (a blank line between) and list items (a line that starts
/// with a marker). A line that is neither continues the paragraph or item above it.
fn segments(text: &str) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut open = false; // whether the next plain line continues the last segment
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        let indented = raw.starts_with('\t') || raw.starts_with("  ");
        if let Some((marker, rest)) = list_marker(line) {
            out.push(Segment {
                marker,
                level: if indented { 2 } else { 1 },
                text: rest.to_string(),
            });
            open = true;
            continue;
        }
        match out.last_mut() {
            Some(last) if open => {
                last.text.push(' ');
                last.text.push_str(line);
            }
            _ => out.push(Segment {
                marker: String::new(),
                level: 1,
                text: line.to_string(),
            }),
        }
        open = true;
    }
    out
}

/// The segments after the first as lines: list items and further paragraphs.
fn rest_lines(segments: &[Segment], under_limb: bool, lines: &mut Vec<Line>) {
    for seg in segments {
        lines.push(Line::ListItem {
            under_limb,
            level: seg.level,
            marker: seg.marker.clone(),
            text: seg.text.clone(),
        });
    }
}

/// Narrative text: paragraphs, and list items in their hanging column.
fn push_paragraphs(text: &str, lines: &mut Vec<Line>) {
    for seg in segments(text) {
        if seg.marker.is_empty() {
            lines.push(Line::Paragraph(seg.text));
        } else {
            rest_lines(std::slice::from_ref(&seg), false, lines);
        }
    }
}

/// A limb or a reason: its first paragraph after the label (`opening` turns it into the
/// printed text), the rest as list items or paragraphs under it.
fn limb_lines(
    label: String,
    text: &str,
    opening: impl Fn(&str, bool) -> String,
    lines: &mut Vec<Line>,
) {
    let segs = segments(text);
    let (first, rest) = match segs.split_first() {
        Some((f, r)) if f.marker.is_empty() => (f.text.as_str(), r),
        _ => ("", segs.as_slice()),
    };
    let text = opening(first, rest.is_empty());
    let under_limb = !label.is_empty();
    lines.push(Line::Limb { label, text });
    rest_lines(rest, under_limb, lines);
}

pub(crate) fn names_of(rec: &MeetingRecord, ids: &[Uuid]) -> Vec<(String, String)> {
    let mut people: Vec<&Person> = ids.iter().filter_map(|id| rec.person(*id)).collect();
    people.sort_by_key(|p| p.sort_key());
    people
        .iter()
        .map(|p| (p.honorific.clone(), p.name.clone()))
        .collect()
}

/// The role someone held on the meeting's date: from the attendance capacity, else membership.
fn role_at(rec: &MeetingRecord, a: &Attendance) -> Option<Role> {
    match a.capacity {
        Some(Capacity::Chair | Capacity::InTheChair) => return Some(Role::Chair),
        Some(Capacity::ViceChair) => return Some(Role::ViceChair),
        None => {}
    }
    rec.memberships
        .iter()
        .find(|m| {
            m.person_id == a.person_id
                && m.body_id == rec.body.id
                && m.from <= rec.meeting.date
                && m.to.is_none_or(|t| t >= rec.meeting.date)
        })
        .map(|m| m.role)
}

pub(crate) fn attendance_lines(rec: &MeetingRecord, lang: Language, lines: &mut Vec<Line>) {
    let present: Vec<&Attendance> = rec
        .attendance
        .iter()
        .filter(|a| {
            a.for_items.is_empty()
                && matches!(
                    a.status,
                    AttendanceStatus::Present | AttendanceStatus::Substitute
                )
        })
        .collect();
    let is_coopted = |a: &Attendance| {
        rec.person(a.person_id).is_some_and(|p| {
            matches!(
                p.kind,
                PersonKind::CoOptedVoting | PersonKind::CoOptedNonVoting
            )
        })
    };
    let mut parts = Vec::new();
    let with_role = |role: Role, vice: bool, parts: &mut Vec<String>| {
        for a in present.iter().filter(|a| role_at(rec, a) == Some(role)) {
            if let Some(p) = rec.person(a.person_id) {
                parts.push(format!(
                    "{} ({})",
                    person_name(&p.honorific, &p.name, lang),
                    labels::chair(rec.body.chair_title, vice, lang)
                ));
            }
        }
    };
    with_role(Role::Chair, false, &mut parts);
    with_role(Role::ViceChair, true, &mut parts);
    let rest: Vec<Uuid> = present
        .iter()
        .filter(|a| {
            a.status == AttendanceStatus::Present
                && !matches!(role_at(rec, a), Some(Role::Chair | Role::ViceChair))
                && !is_coopted(a)
        })
        .map(|a| a.person_id)
        .collect();
    if !rest.is_empty() {
        parts.push(people_list(&names_of(rec, &rest), lang));
    }
    for a in present
        .iter()
        .filter(|a| a.status == AttendanceStatus::Substitute)
    {
        if let Some(p) = rec.person(a.person_id) {
            let for_whom = a
                .substitute_for
                .and_then(|id| rec.person(id))
                .map(|q| person_name(&q.honorific, &q.name, lang))
                .unwrap_or_default();
            let name = person_name(&p.honorific, &p.name, lang);
            parts.push(lang.pick(
                format!("{name} (substituting for {for_whom})"),
                format!("{name} (yn dirprwyo dros {})", mid_sentence(&for_whom)),
            ));
        }
    }
    if !parts.is_empty() {
        lines.push(Line::Attendance {
            label: format!("{}:", label(Label::Present, lang)),
            text: format!("{}.", parts.join("; ")),
        });
    }
    let coopted: Vec<Uuid> = present
        .iter()
        .filter(|a| a.status == AttendanceStatus::Present && is_coopted(a))
        .map(|a| a.person_id)
        .collect();
    if !coopted.is_empty() {
        lines.push(Line::Attendance {
            label: format!("{}:", label(Label::CoOptedMembers, lang)),
            text: format!("{}.", with_titles(rec, &coopted, lang)),
        });
    }
    for (status, lbl) in [
        (AttendanceStatus::AlsoPresent, Label::AlsoPresent),
        (AttendanceStatus::Officer, Label::InAttendance),
    ] {
        let ids: Vec<Uuid> = rec
            .attendance
            .iter()
            .filter(|a| a.status == status && a.for_items.is_empty())
            .map(|a| a.person_id)
            .collect();
        if !ids.is_empty() {
            lines.push(Line::Attendance {
                label: format!("{}:", label(lbl, lang)),
                text: format!("{}.", with_titles(rec, &ids, lang)),
            });
        }
    }
    for_items_lines(rec, lang, lines);
}

/// "Also present for Agenda Item No. 4: Councillors A.B. Jones and C. Smith; Mr. D. Evans
/// (Head of Highways).": one line for each set of items someone was present for only, in
/// agenda order.
fn for_items_lines(rec: &MeetingRecord, lang: Language, lines: &mut Vec<Line>) {
    let mut groups: Vec<(Vec<u32>, Vec<Uuid>)> = Vec::new();
    for a in rec.attendance.iter().filter(|a| {
        !a.for_items.is_empty()
            && !matches!(
                a.status,
                AttendanceStatus::Apologies | AttendanceStatus::Absent
            )
    }) {
        let mut positions: Vec<u32> = a
            .for_items
            .iter()
            .filter_map(|id| rec.agenda.iter().find(|i| i.id == *id))
            .map(|i| i.position)
            .collect();
        positions.sort_unstable();
        positions.dedup();
        if positions.is_empty() {
            continue;
        }
        match groups.iter_mut().find(|(p, _)| *p == positions) {
            Some((_, ids)) => ids.push(a.person_id),
            None => groups.push((positions, vec![a.person_id])),
        }
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    for (positions, ids) in groups {
        let numbers: Vec<String> = positions.iter().map(u32::to_string).collect();
        let items = if numbers.len() == 1 {
            lang.pick("Agenda Item No.", "Eitem Agenda Rhif")
        } else {
            lang.pick("Agenda Item Nos.", "Eitemau Agenda Rhif")
        };
        lines.push(Line::Attendance {
            label: format!(
                "{} {} {items} {}:",
                label(Label::AlsoPresent, lang),
                lang.pick("for", "ar gyfer"),
                join_names(&numbers, lang)
            ),
            text: format!("{}.", with_titles(rec, &ids, lang)),
        });
    }
}

/// "Councillors A.B. Jones and C. Smith; Ms. A. Jones (Lead Inspector, CSSIW)": councillors
/// without a title grouped under one plural, then everyone else with their title, in
/// surname order.
fn with_titles(rec: &MeetingRecord, ids: &[Uuid], lang: Language) -> String {
    let mut people: Vec<&Person> = ids.iter().filter_map(|id| rec.person(*id)).collect();
    people.sort_by_key(|p| p.sort_key());
    people.dedup_by_key(|p| p.id);
    let grouped = |p: &Person| p.honorific == "Councillor" && p.title.trim().is_empty();
    let councillors: Vec<(String, String)> = people
        .iter()
        .filter(|p| grouped(p))
        .map(|p| (p.honorific.clone(), p.name.clone()))
        .collect();
    let mut parts = Vec::new();
    if !councillors.is_empty() {
        parts.push(people_list(&councillors, lang));
    }
    parts.extend(people.iter().filter(|p| !grouped(p)).map(|p| {
        let n = person_name(&p.honorific, &p.name, lang);
        let title = p.title.trim();
        if title.is_empty() {
            n
        } else if lang == Language::Cy {
            // "(Prif Arolygydd, CSSIW)": the role in Welsh where the glossary has it.
            format!("{n} ({})", capacity_in_welsh(title))
        } else {
            format!("{n} ({title})")
        }
    }));
    parts.join("; ")
}

fn standing_text(
    rec: &MeetingRecord,
    standing: StandingItem,
    lang: Language,
    lines: &mut Vec<Line>,
) {
    match standing {
        StandingItem::Apologies => {
            let ids: Vec<Uuid> = rec
                .attendance
                .iter()
                .filter(|a| a.status == AttendanceStatus::Apologies)
                .map(|a| a.person_id)
                .collect();
            if !ids.is_empty() {
                lines.push(Line::Paragraph(apologies_sentence(
                    &names_of(rec, &ids),
                    lang,
                )));
            }
        }
        StandingItem::Declarations => {
            if rec.declarations.is_empty() {
                lines.push(Line::Paragraph(
                    label(Label::NoDeclarations, lang).to_string(),
                ));
            }
            for d in &rec.declarations {
                lines.push(Line::Paragraph(declaration_sentence(rec, d, lang)));
            }
        }
        StandingItem::PreviousMinutes | StandingItem::Urgent => {}
    }
}

/// The interest as a declaration names it: "a personal and prejudicial interest" / "fuddiant
/// personol a rhagfarnol".
fn interest(kind: DeclarationKind, lang: Language) -> String {
    match lang {
        Language::En => match kind {
            DeclarationKind::Personal => "a personal interest",
            DeclarationKind::Prejudicial => "a personal and prejudicial interest",
            DeclarationKind::PartyWhip => "a party whip",
        }
        .to_string(),
        Language::Cy => interest_cy(kind),
    }
}

fn interest_cy(kind: DeclarationKind) -> String {
    let (noun, rest) = match kind {
        DeclarationKind::Personal => (welsh::nouns::BUDDIANT.base, "personol".to_string()),
        DeclarationKind::Prejudicial => (
            welsh::nouns::BUDDIANT.base,
            format!("personol {}", welsh::and("rhagfarnol")),
        ),
        DeclarationKind::PartyWhip => ("chwip", "plaid".to_string()),
    };
    format!("{} {rest}", welsh::soft(noun))
}

/// One declaration in the declarations item: "Councillor X declared a personal and
/// prejudicial interest in Agenda Item No. 5: ... and left the meeting during its
/// consideration." The Welsh forms are [K] (standard usage, to be checked).
pub(crate) fn declaration_sentence(rec: &MeetingRecord, d: &Declaration, lang: Language) -> String {
    let who = rec
        .person(d.person_id)
        .map(|p| person_name(&p.honorific, &p.name, lang))
        .unwrap_or_default();
    let item = d
        .agenda_item_id
        .and_then(|id| rec.agenda.iter().find(|a| a.id == id))
        .map(|a| {
            lang.pick(
                format!(" in Agenda Item No. {}", a.position),
                format!(
                    " {}",
                    welsh::yn(&format!("Eitem Agenda Rhif {}", a.position))
                ),
            )
        })
        .unwrap_or_default();
    let kind = interest(d.kind, lang);
    let nature = if d.nature.trim().is_empty() {
        String::new()
    } else {
        format!(": {}", d.nature.trim())
    };
    let action = match d.action {
        Some(DeclarationAction::Withdrew) => lang.pick(
            " and left the meeting during its consideration",
            " a gadawodd y cyfarfod tra ystyriwyd yr eitem",
        ),
        Some(DeclarationAction::SpokeThenWithdrew) => lang.pick(
            " and, having made representations, left the meeting during its consideration",
            " ac, ar \u{f4}l cyflwyno sylwadau, gadawodd y cyfarfod tra ystyriwyd yr eitem",
        ),
        Some(DeclarationAction::WrittenRepresentations) => lang.pick(
            " and made written representations",
            " a chyflwynodd sylwadau ysgrifenedig",
        ),
        Some(DeclarationAction::Remained) | None => "",
    };
    let disp = if let Some(g) = rec.dispensation_of(d.id) {
        format!(
            " {}",
            dispensation_words(&g.granted_by, g.scope, g.expires_on, &g.reference, lang)
        )
    } else if d.dispensation.trim().is_empty() {
        String::new()
    } else {
        format!(
            " ({}: {})",
            lang.pick("dispensation", "goddefeb"),
            d.dispensation.trim()
        )
    };
    lang.pick(
        ensure_full_stop(&format!(
            "{who} declared {kind}{item}{nature}{action}{disp}"
        )),
        ensure_full_stop(&format!(
            "Datganodd {} {kind}{item}{nature}{action}{disp}",
            mid_sentence(&who)
        )),
    )
}

/// At the start of an item's minute, each member who left the meeting for it because of an
/// interest (R13): "Councillor X, having declared a prejudicial interest, left the meeting
/// during consideration of this item."
fn withdrawal_lines(rec: &MeetingRecord, item_id: Uuid, lang: Language, lines: &mut Vec<Line>) {
    for d in rec
        .declarations
        .iter()
        .filter(|d| d.agenda_item_id == Some(item_id))
    {
        let spoke = match d.action {
            Some(DeclarationAction::Withdrew) => false,
            Some(DeclarationAction::SpokeThenWithdrew) => true,
            _ => continue,
        };
        let Some(p) = rec.person(d.person_id) else {
            continue;
        };
        let who = person_name(&p.honorific, &p.name, lang);
        let (kind_en, kind_cy) = match d.kind {
            DeclarationKind::Personal => ("a personal interest", "buddiant personol"),
            DeclarationKind::Prejudicial => ("a prejudicial interest", "buddiant sy'n rhagfarnu"),
            DeclarationKind::PartyWhip => ("a party whip", "chwip plaid"),
        };
        lines.push(Line::Paragraph(if spoke {
            lang.pick(
                format!("{who}, having declared {kind_en}, made representations and then left the meeting during consideration of this item."),
                format!("Cyflwynodd {} sylwadau ac yna gadawodd y cyfarfod tra ystyriwyd yr eitem hon, ar \u{f4}l datgan {kind_cy}.", mid_sentence(&who)),
            )
        } else {
            lang.pick(
                format!("{who}, having declared {kind_en}, left the meeting during consideration of this item."),
                format!("Gadawodd {} y cyfarfod tra ystyriwyd yr eitem hon, ar \u{f4}l datgan {kind_cy}.", mid_sentence(&who)),
            )
        }));
    }
}

fn block_lines(rec: &MeetingRecord, content: &BlockContent, lang: Language, lines: &mut Vec<Line>) {
    match content {
        BlockContent::Narrative { text } => push_paragraphs(text, lines),
        BlockContent::Presentation {
            presenter,
            capacity,
            summary,
            ..
        } => {
            if !presenter.trim().is_empty() {
                let form = lang.pick(
                    &rec.authority.presenter_form_en,
                    &rec.authority.presenter_form_cy,
                );
                let form = if form.contains("{name}") {
                    form.as_str()
                } else {
                    lang.pick(PRESENTER_FORM_EN, PRESENTER_FORM_CY)
                };
                let capacity = match lang {
                    Language::En => capacity.clone(),
                    Language::Cy => capacity_in_welsh(capacity),
                };
                lines.push(Line::Paragraph(presenter_sentence(
                    form, presenter, &capacity,
                )));
            }
            push_paragraphs(summary, lines);
        }
        BlockContent::Question {
            asked_by,
            asked_by_id,
            question,
            answered_by,
            answered_by_id,
            answer,
        } => {
            let q = ensure_full_stop(question);
            let a = ensure_full_stop(answer);
            // The Welsh names the roles in Welsh; the English starts the sentence with them.
            let asked = lang.pick(
                sentence_case(asked_by),
                speaker_in_welsh(rec, asked_by, *asked_by_id),
            );
            let text = if answer.trim().is_empty() {
                lang.pick(
                    format!("{asked} queried {q}"),
                    format!("Gofynnodd {asked} {q}"),
                )
            } else {
                lang.pick(
                    format!("{asked} queried {q}  In response, {answered_by} advised that {a}"),
                    format!(
                        "Gofynnodd {asked} {q}  Mewn ymateb, dywedodd {} {a}",
                        speaker_in_welsh(rec, answered_by, *answered_by_id)
                    ),
                )
            };
            lines.push(Line::Paragraph(text));
        }
    }
}

/// A questioner or answerer in a Welsh sentence: a role phrase in Welsh with its article
/// ("Aelod o'r Pwyllgor", "y Prif Arolygydd", "yr Arweinydd", [`welsh::role_phrase`]);
/// "Councillor X" as "y Cynghorydd X"; a role with no Welsh form is replaced by the name of the
/// person the clerk linked to it ("Ms. R. Morgan"), so no English role phrase is printed
/// inside a Welsh sentence; with no person linked, the words as entered.
pub fn speaker_in_welsh(rec: &MeetingRecord, who: &str, id: Option<Uuid>) -> String {
    if let Some(cy) = labels::role_cy(who) {
        return cy;
    }
    if let Some(name) = who.trim().strip_prefix("Councillor ") {
        return format!("y Cynghorydd {name}");
    }
    if let Some(p) = id.and_then(|id| rec.person(id)) {
        return mid_sentence(&person_name(&p.honorific, &p.name, Language::Cy));
    }
    who.trim().to_string()
}

/// A presenter's capacity in the Welsh sentence: a common title in Welsh ("Lead Inspector,
/// CSSIW" > "Prif Arolygydd, CSSIW"); anything else as entered.
pub fn capacity_in_welsh(capacity: &str) -> String {
    let (head, tail) = match capacity.split_once(',') {
        Some((h, t)) => (h, format!(",{t}")),
        None => (capacity, String::new()),
    };
    match welsh::title_cy(head) {
        Some(cy) => format!("{cy}{tail}"),
        None => capacity.to_string(),
    }
}

pub(crate) fn decision_lines(
    rec: &MeetingRecord,
    resolutions: &[Resolution],
    lang: Language,
    lines: &mut Vec<Line>,
) {
    let approvals = &rec.approvals;
    if resolutions.is_empty() {
        return;
    }
    let single = resolutions.len() == 1;
    // "RESOLVED unanimously –" when every limb of the decision was unanimous; otherwise each
    // voted limb is followed by its outcome.
    let unanimous = resolutions.iter().all(|r| {
        rec.vote_of(r.id)
            .is_some_and(|v| v.method == VoteMethod::Unanimous && v.casting.is_none())
    });
    let outcome = |r: &Resolution| -> Option<Line> {
        if unanimous {
            return None;
        }
        vote_outcome(rec, r, lang).map(|text| Line::ListItem {
            under_limb: !single,
            level: 1,
            marker: String::new(),
            text,
        })
    };
    let opening = |conditional_on: Option<u32>| {
        move |first: &str, alone: bool| {
            if alone {
                limb_text(first, conditional_on, lang)
            } else {
                limb_opening(first, conditional_on, lang)
            }
        }
    };
    // Consecutive limbs under one keyword share its heading; the reasons follow all limbs.
    // A single decision is one line: "RESOLVED – T H A T ...".
    let mut last_keyword = None;
    for r in resolutions {
        let keyword = if unanimous {
            format!("{} \u{2013}", labels::keyword_unanimously(r.keyword, lang))
        } else {
            format!("{} \u{2013}", labels::keyword(r.keyword, lang))
        };
        // The limb approving earlier minutes is written from the approval, its amendments
        // as dash items under it; nothing the clerk typed into it prints.
        let approval = r
            .approves_meeting_id
            .and_then(|_| approvals.iter().find(|a| a.resolution_id == r.id));
        let text = match approval {
            Some(a) => approval_sentence(a.meeting.date, !a.amendments.is_empty(), lang),
            None => r.text.clone(),
        };
        let amendments = approval.map(|a| {
            a.amendments
                .iter()
                .map(|am| Line::ListItem {
                    under_limb: !single,
                    level: 1,
                    marker: "\u{2013}".into(),
                    text: ensure_full_stop(&am.text),
                })
                .collect::<Vec<_>>()
        });
        if single {
            let segs = segments(&text);
            let (first, rest) = match segs.split_first() {
                Some((f, rest)) if f.marker.is_empty() => (f.text.as_str(), rest),
                _ => ("", segs.as_slice()),
            };
            lines.push(Line::Decision {
                keyword,
                text: opening(r.conditional_on)(first, rest.is_empty()),
            });
            rest_lines(rest, false, lines);
            lines.extend(amendments.unwrap_or_default());
            lines.extend(outcome(r));
            continue;
        }
        if last_keyword != Some(r.keyword) {
            lines.push(Line::Keyword(keyword));
            last_keyword = Some(r.keyword);
        }
        limb_lines(
            format!("({})", r.limb),
            &text,
            opening(r.conditional_on),
            lines,
        );
        lines.extend(amendments.unwrap_or_default());
        lines.extend(outcome(r));
    }
    if resolutions.iter().all(|r| r.reason.trim().is_empty()) {
        return;
    }
    let recommending = resolutions
        .iter()
        .any(|r| r.keyword == Keyword::Recommended);
    let heading = match (recommending, single) {
        (true, true) => Label::ReasonForRecommendation,
        (true, false) => Label::ReasonsForRecommendations,
        (false, true) => Label::ReasonForDecision,
        (false, false) => Label::ReasonsForDecisions,
    };
    lines.push(Line::SubHeading(label(heading, lang).to_string()));
    for r in resolutions.iter().filter(|r| !r.reason.trim().is_empty()) {
        let label = if single {
            String::new()
        } else {
            format!("({})", r.limb)
        };
        limb_lines(
            label,
            &r.reason,
            |first, alone| {
                if alone {
                    ensure_full_stop(first)
                } else {
                    first.to_string()
                }
            },
            lines,
        );
    }
}

/// The minutes as plain text: what `cofnod minutes` prints.
pub fn to_text(doc: &MinutesDocument) -> String {
    let mut out = String::new();
    for mark in doc.marks() {
        out.push_str(&format!("{mark}\n\n"));
    }
    for line in &doc.lines {
        match line {
            Line::Authority(t) | Line::Body(t) => out.push_str(&format!("{}\n", t.to_uppercase())),
            Line::Title(t) => out.push_str(&format!("\n{t}\n\n")),
            Line::Attendance { label, text } => out.push_str(&format!("{label} {text}\n\n")),
            Line::MinuteHeading { number, heading } => {
                out.push_str(&format!("\n{number}\t{heading}\n\n"))
            }
            Line::Paragraph(t) => out.push_str(&format!("{t}\n\n")),
            Line::Keyword(t) => out.push_str(&format!("{t}\n\n")),
            Line::Limb { label, text } if label.is_empty() => out.push_str(&format!("{text}\n\n")),
            Line::Limb { label, text } => out.push_str(&format!("{label}\t{text}\n\n")),
            Line::Decision { keyword, text } => out.push_str(&format!("{keyword} {text}\n\n")),
            Line::ListItem {
                under_limb,
                level,
                marker,
                text,
            } => {
                let depth = usize::from(*under_limb) + (*level as usize).saturating_sub(1);
                out.push_str(&"\t".repeat(depth));
                if !marker.is_empty() {
                    out.push_str(&format!("{marker}\t"));
                }
                out.push_str(&format!("{text}\n\n"));
            }
            Line::SubHeading(t) => out.push_str(&format!("{t}\n\n")),
            Line::Signature { label, text } => out.push_str(&format!("{label}: {text}\n")),
            Line::PageBreak => out.push_str("\n\u{c}\n"),
            Line::Notice(t) => out.push_str(&format!("{t}\n\n")),
            Line::Lang(_) => {}
            Line::Field { label, text } => {
                out.push_str(&format!("\t{}{text}\n", format!("{label} ").trim_start()))
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    //! The legal wording of the minutes as a clerk checks it: the apologies sentence, "No
    //! declarations were received.", the keyword and its "T H A T" limbs, and the reasons'
    //! heading, in English and Welsh.
    use super::*;
    use chrono::NaiveDate;

    const EN: Language = Language::En;
    const CY: Language = Language::Cy;

    mod welsh_sentences;

    fn id() -> Uuid {
        Uuid::now_v7()
    }

    fn councillor(name: &str) -> Person {
        Person {
            id: id(),
            honorific: "Councillor".into(),
            name: name.into(),
            kind: PersonKind::Member,
            title: String::new(),
            retired: false,
        }
    }

    fn item(
        meeting_id: Uuid,
        position: u32,
        title: &str,
        standing: Option<StandingItem>,
    ) -> AgendaItem {
        AgendaItem {
            id: id(),
            meeting_id,
            position,
            title_en: title.into(),
            title_cy: String::new(),
            part: ItemPart::Public,
            exempt_paragraphs: Vec::new(),
            public_interest: String::new(),
            origin: if standing.is_some() {
                ItemOrigin::Standing
            } else {
                ItemOrigin::Report
            },
            standing,
            tag: String::new(),
            urgent_reason: String::new(),
            presenting_officer_id: None,
        }
    }

    fn resolution(limb: u32, keyword: Keyword, text: &str, reason: &str) -> Resolution {
        Resolution {
            id: id(),
            minute_id: id(),
            limb,
            keyword,
            text: text.into(),
            reason: reason.into(),
            conditional_on: None,
            vote: String::new(),
            reason_not_needed: false,
            approves_meeting_id: None,
        }
    }

    /// A scrutiny meeting of 5th January, 2015 with the apologies and declarations items, and
    /// a report item decided by `resolutions`; `apologies` are the councillors who sent them.
    fn record(apologies: &[&str], resolutions: Vec<Resolution>) -> MeetingRecord {
        let meeting_id = id();
        let sequence_id = id();
        let body = Body {
            id: id(),
            name_en: "Scrutiny Committee".into(),
            name_cy: "Pwyllgor Craffu".into(),
            kind: BodyKind::Scrutiny,
            default_keyword: Keyword::Resolved,
            chair_title: ChairTitle::Chairman,
            quorum: 3,
            whip_declarations_required: true,
            reasons: ReasonsRule::Required,
            sequence_id,
            retired: false,
        };
        let people: Vec<Person> = apologies.iter().map(|n| councillor(n)).collect();
        let attendance = people
            .iter()
            .map(|p| Attendance {
                id: id(),
                meeting_id,
                person_id: p.id,
                status: AttendanceStatus::Apologies,
                substitute_for: None,
                mode: AttendanceMode::Room,
                capacity: None,
                arrived_at_item: None,
                left_at_item: None,
                for_items: Vec::new(),
            })
            .collect();
        let agenda = vec![
            item(
                meeting_id,
                1,
                "Apologies for absence",
                Some(StandingItem::Apologies),
            ),
            item(
                meeting_id,
                2,
                "Declarations of interest",
                Some(StandingItem::Declarations),
            ),
            item(meeting_id, 3, "Safeguarding report", None),
        ];
        let minutes = agenda
            .iter()
            .map(|i| MinuteRecord {
                minute: Minute {
                    id: id(),
                    meeting_id,
                    agenda_item_id: Some(i.id),
                    sequence_id,
                    year_start: NaiveDate::from_ymd_opt(2014, 5, 1).unwrap(),
                    number: 700 + i.position,
                    label: (700 + i.position).to_string(),
                    heading: i.title_en.clone(),
                    tag: String::new(),
                    exempt: false,
                    public_summary: String::new(),
                    position: i.position,
                    heading_edited: false,
                },
                blocks: Vec::new(),
                resolutions: if i.standing.is_none() {
                    resolutions.clone()
                } else {
                    Vec::new()
                },
            })
            .collect();
        MeetingRecord {
            authority: Authority::new(
                "Glantawe County Borough Council",
                "Cyngor Bwrdeistref Sirol Glantawe",
                Jurisdiction::Wales,
            ),
            meeting: Meeting {
                id: meeting_id,
                body_id: body.id,
                kind: MeetingKind::Ordinary,
                date: NaiveDate::from_ymd_opt(2015, 1, 5).unwrap(),
                start_time: None,
                end_time: None,
                venue: String::new(),
                mode: MeetingMode::InPerson,
                joining_details: String::new(),
                status: MeetingStatus::Closed,
                minutes_status: MinutesStatus::Drafting,
                approved_at_meeting_id: None,
                signed_by_person_id: None,
                signed_on: None,
                book_pages: None,
            },
            body,
            people,
            memberships: Vec::new(),
            attendance,
            declarations: Vec::new(),
            agenda,
            documents: Vec::new(),
            minutes,
            referrals: Vec::new(),
            bodies: Vec::new(),
            sequences: Vec::new(),
            amendments: Vec::new(),
            approved_at: None,
            pack_issues: Vec::new(),
            approvals: Vec::new(),
            approved_at_minute: None,
            votes: Vec::new(),
            dispensations: Vec::new(),
            quorum_notes: Vec::new(),
            executive_decisions: Vec::new(),
            implementations: Vec::new(),
            call_ins: Vec::new(),
            called_in: Vec::new(),
            decisions_notice: None,
            translations: Vec::new(),
        }
    }

    fn lines(rec: &MeetingRecord, lang: Language) -> Vec<Line> {
        minutes_document(rec, lang, Visibility::Public).lines
    }

    fn paragraphs(rec: &MeetingRecord, lang: Language) -> Vec<String> {
        lines(rec, lang)
            .into_iter()
            .filter_map(|l| match l {
                Line::Paragraph(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    /// The decision block of the report's minute: keyword, limbs and reasons.
    fn decision(rec: &MeetingRecord, lang: Language) -> Vec<Line> {
        let all = lines(rec, lang);
        let start = all
            .iter()
            .position(|l| matches!(l, Line::Keyword(_) | Line::Decision { .. }))
            .expect("a keyword line");
        all[start..].to_vec()
    }

    fn limb(label: &str, text: &str) -> Line {
        Line::Limb {
            label: label.into(),
            text: text.into(),
        }
    }

    #[test]
    fn the_title_names_the_meeting_date() {
        let rec = record(&[], Vec::new());
        assert_eq!(
            lines(&rec, EN)[..3],
            [
                Line::Authority("Glantawe County Borough Council".into()),
                Line::Body("Scrutiny Committee".into()),
                Line::Title("Minutes of a meeting held on 5th January, 2015.".into()),
            ]
        );
        assert_eq!(
            lines(&rec, CY)[..3],
            [
                Line::Authority("Cyngor Bwrdeistref Sirol Glantawe".into()),
                Line::Body("Pwyllgor Craffu".into()),
                Line::Title("Cofnodion cyfarfod a gynhaliwyd ar 5 Ionawr 2015.".into()),
            ]
        );
    }

    #[test]
    fn apologies_from_one_councillor_read_this_was_received() {
        let rec = record(&["A. Hopkins"], Vec::new());
        assert_eq!(
            paragraphs(&rec, EN)[0],
            "This was received from Councillor A. Hopkins."
        );
        assert_eq!(
            paragraphs(&rec, CY)[0],
            "Derbyniwyd ymddiheuriad gan y Cynghorydd A. Hopkins."
        );
    }

    #[test]
    fn apologies_from_several_councillors_read_these_were_received_in_surname_order() {
        let rec = record(&["J. Williams", "A. Hopkins", "I.W. Evans"], Vec::new());
        assert_eq!(
            paragraphs(&rec, EN)[0],
            "These were received from Councillors I.W. Evans, A. Hopkins and J. Williams."
        );
        // "a" becomes "ac" before a vowel; "y Cynghorwyr" mid-sentence.
        let rec = record(&["A. Hopkins", "I.W. Thomas"], Vec::new());
        assert_eq!(
            paragraphs(&rec, CY)[0],
            "Derbyniwyd ymddiheuriadau gan y Cynghorwyr A. Hopkins ac I.W. Thomas."
        );
    }

    #[test]
    fn no_apologies_print_no_sentence_and_no_declarations_say_so() {
        let rec = record(&[], Vec::new());
        assert_eq!(paragraphs(&rec, EN), ["No declarations were received."]);
        assert_eq!(
            paragraphs(&rec, CY),
            ["Ni dderbyniwyd unrhyw ddatganiadau."]
        );
        let heads: Vec<String> = lines(&rec, EN)
            .into_iter()
            .filter_map(|l| match l {
                Line::MinuteHeading { number, heading } => Some(format!("{number} {heading}")),
                _ => None,
            })
            .collect();
        assert_eq!(
            heads,
            [
                "701 APOLOGIES FOR ABSENCE \u{2013}",
                "702 DECLARATIONS OF INTEREST \u{2013}",
                "703 SAFEGUARDING REPORT \u{2013}",
            ]
        );
    }

    #[test]
    fn numbered_limbs_open_t_h_a_t_under_the_keyword_with_their_reasons() {
        let mut second = resolution(
            2,
            Keyword::Recommended,
            "the action plan be referred to Cabinet",
            "So that Cabinet can respond within two months",
        );
        second.conditional_on = Some(1);
        let rec = record(
            &[],
            vec![
                resolution(
                    1,
                    Keyword::Recommended,
                    "the report be noted",
                    "To keep Members informed.",
                ),
                second,
            ],
        );
        assert_eq!(
            decision(&rec, EN),
            [
                Line::Keyword("RECOMMENDED \u{2013}".into()),
                limb("(1)", "T H A T the report be noted."),
                limb(
                    "(2)",
                    "T H A T subject to resolution (1) above, the action plan be referred to Cabinet."
                ),
                Line::SubHeading("Reasons for recommendations".into()),
                limb("(1)", "To keep Members informed."),
                limb("(2)", "So that Cabinet can respond within two months."),
            ]
        );
        assert_eq!(
            decision(&rec, CY)[..4],
            [
                Line::Keyword("ARGYMHELLWYD \u{2013}".into()),
                limb("(1)", "B O D the report be noted."),
                limb(
                    "(2)",
                    "B O D yn amodol ar benderfyniad (1) uchod, the action plan be referred to Cabinet."
                ),
                Line::SubHeading("Rhesymau dros yr argymhellion".into()),
            ]
        );
    }

    #[test]
    fn a_single_resolution_has_no_number_and_a_singular_reason_heading() {
        let rec = record(
            &[],
            vec![resolution(
                1,
                Keyword::Resolved,
                "the report be noted",
                "To keep Members informed",
            )],
        );
        assert_eq!(
            decision(&rec, EN),
            [
                Line::Decision {
                    keyword: "RESOLVED \u{2013}".into(),
                    text: "T H A T the report be noted.".into()
                },
                Line::SubHeading("Reason for decision".into()),
                limb("", "To keep Members informed."),
            ]
        );
        assert_eq!(
            decision(&rec, CY)[..2],
            [
                Line::Decision {
                    keyword: "PENDERFYNWYD \u{2013}".into(),
                    text: "B O D the report be noted.".into()
                },
                Line::SubHeading("Rheswm dros y penderfyniad".into()),
            ]
        );
    }

    #[test]
    fn several_decisions_without_a_recommendation_head_reasons_for_decisions() {
        let rec = record(
            &[],
            vec![
                resolution(1, Keyword::Resolved, "the report be noted", "To inform"),
                resolution(2, Keyword::Resolved, "a visit be arranged", "To see"),
            ],
        );
        assert!(decision(&rec, EN).contains(&Line::SubHeading("Reasons for decisions".into())));
        assert!(
            decision(&rec, CY).contains(&Line::SubHeading("Rhesymau dros y penderfyniadau".into()))
        );
        // Without reasons, no heading: the decision alone, on one line.
        let rec = record(
            &[],
            vec![resolution(1, Keyword::Resolved, "the report be noted", "")],
        );
        assert_eq!(decision(&rec, EN).len(), 1);
    }

    fn approving(amendments: &[&str]) -> MeetingRecord {
        let mut r = resolution(1, Keyword::Recommended, "typed words", "");
        let earlier = id();
        r.approves_meeting_id = Some(earlier);
        let mut rec = record(&[], vec![r.clone()]);
        rec.approvals.push(MinutesApproval {
            resolution_id: r.id,
            meeting: MeetingRef {
                id: earlier,
                body_name: rec.body.name_en.clone(),
                body_name_cy: String::new(),
                date: NaiveDate::from_ymd_opt(2012, 10, 8).expect("date"),
            },
            amendments: amendments
                .iter()
                .enumerate()
                .map(|(i, a)| Amendment {
                    id: id(),
                    meeting_id: earlier,
                    approving_meeting_id: rec.meeting.id,
                    position: i as u32 + 1,
                    text: a.to_string(),
                })
                .collect(),
        });
        rec
    }

    #[test]
    fn approval_subject_to_amendments_prints_them_as_dash_items_in_english_and_welsh() {
        let rec = approving(&[
            "Page 3 \u{2013} delete 'unsafe' to read 'difficult'",
            "it being recorded that Councillor E. Williams had been present",
        ]);
        let dash = |text: &str| Line::ListItem {
            under_limb: false,
            level: 1,
            marker: "\u{2013}".into(),
            text: text.into(),
        };
        let decided = |keyword: &str, text: &str| Line::Decision {
            keyword: keyword.into(),
            text: text.into(),
        };
        // A single decision: the keyword and the limb on one line, the amendments under it.
        assert_eq!(
            decision(&rec, EN),
            [
                decided("RECOMMENDED \u{2013}", "T H A T the minutes of the meeting held on 8th October, 2012 be approved as a correct record subject to:"),
                dash("Page 3 \u{2013} delete 'unsafe' to read 'difficult'."),
                dash("it being recorded that Councillor E. Williams had been present."),
            ]
        );
        assert_eq!(
            decision(&rec, CY)[0],
            decided("ARGYMHELLWYD \u{2013}", "B O D cofnodion y cyfarfod a gynhaliwyd ar 8 Hydref 2012 yn cael eu cymeradwyo fel cofnod cywir yn amodol ar:")
        );
        // Unamended, the sentence ends with a full stop; the typed words never print.
        let rec = approving(&[]);
        assert_eq!(
            decision(&rec, EN)[0],
            decided("RECOMMENDED \u{2013}", "T H A T the minutes of the meeting held on 8th October, 2012 be approved as a correct record.")
        );
        assert_eq!(approval_keyword(BodyKind::Scrutiny), Keyword::Recommended);
        assert_eq!(approval_keyword(BodyKind::Cabinet), Keyword::Resolved);
        assert_eq!(
            approval_text(NaiveDate::from_ymd_opt(2012, 10, 8).expect("date"), &["Page 3 \u{2013} delete 'x'.".into()]),
            "the minutes of the meeting held on 8th October, 2012 be approved as a correct record subject to: \u{2013} Page 3 \u{2013} delete 'x'."
        );
    }

    #[test]
    fn minutes_approved_as_amended_end_with_where_and_the_amendments() {
        let mut rec = record(&[], Vec::new());
        let at = id();
        rec.approved_at = Some(MeetingRef {
            id: at,
            body_name: rec.body.name_en.clone(),
            body_name_cy: String::new(),
            date: NaiveDate::from_ymd_opt(2015, 2, 2).expect("date"),
        });
        rec.approved_at_minute = Some("712".into());
        rec.amendments.push(Amendment {
            id: id(),
            meeting_id: rec.meeting.id,
            approving_meeting_id: at,
            position: 1,
            text: "Page 2 \u{2013} delete 'unsafe' to read 'difficult'".into(),
        });
        let text = to_text(&minutes_document(&rec, EN, Visibility::Public));
        assert!(text.contains("Approved, as amended, at the meeting held on 2nd February, 2015, minute 712:\n\n\u{2013}\tPage 2 \u{2013} delete 'unsafe' to read 'difficult'.\n"), "{text}");
        let text = to_text(&minutes_document(&rec, CY, Visibility::Public));
        assert!(text.contains("Cymeradwywyd, fel y'u diwygiwyd, yn y cyfarfod a gynhaliwyd ar 2 Chwefror 2015, cofnod 712:"), "{text}");
    }

    #[test]
    fn the_text_version_marks_a_draft() {
        let rec = record(&["A. Hopkins"], Vec::new());
        let text = to_text(&minutes_document(&rec, EN, Visibility::Confidential));
        assert!(text.starts_with("DRAFT\n\nCONFIDENTIAL\n\nGLANTAWE COUNTY BOROUGH COUNCIL\n"));
        let text = to_text(&minutes_document(&rec, CY, Visibility::Public));
        assert!(text.starts_with("DRAFFT\n\nCYNGOR BWRDEISTREF SIROL GLANTAWE\n"));
    }

    fn attend(rec: &mut MeetingRecord, person: Person, status: AttendanceStatus, items: &[u32]) {
        let for_items = items
            .iter()
            .filter_map(|n| rec.agenda.iter().find(|i| i.position == *n))
            .map(|i| i.id)
            .collect();
        rec.attendance.push(Attendance {
            id: id(),
            meeting_id: rec.meeting.id,
            person_id: person.id,
            status,
            substitute_for: None,
            mode: AttendanceMode::Room,
            capacity: None,
            arrived_at_item: None,
            left_at_item: None,
            for_items,
        });
        rec.people.push(person);
    }

    fn attendance(rec: &MeetingRecord, lang: Language) -> Vec<String> {
        lines(rec, lang)
            .into_iter()
            .filter_map(|l| match l {
                Line::Attendance { label, text } => Some(format!("{label} {text}")),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn people_present_for_some_items_only_have_a_line_for_those_items() {
        let mut rec = record(&[], Vec::new());
        rec.agenda
            .push(item(rec.meeting.id, 4, "Highways report", None));
        rec.agenda
            .push(item(rec.meeting.id, 5, "Parking report", None));
        let mut evans = councillor("D. Evans");
        evans.honorific = "Mr.".into();
        evans.kind = PersonKind::Officer;
        evans.title = "Head of Highways".into();
        attend(
            &mut rec,
            councillor("P. Present"),
            AttendanceStatus::Present,
            &[],
        );
        attend(
            &mut rec,
            councillor("C. Smith"),
            AttendanceStatus::AlsoPresent,
            &[4],
        );
        attend(&mut rec, evans, AttendanceStatus::Officer, &[4]);
        attend(
            &mut rec,
            councillor("A.B. Jones"),
            AttendanceStatus::Present,
            &[4],
        );
        attend(
            &mut rec,
            councillor("E. Lewis"),
            AttendanceStatus::AlsoPresent,
            &[5, 4],
        );
        attend(
            &mut rec,
            councillor("F. Morgan"),
            AttendanceStatus::AlsoPresent,
            &[],
        );
        attend(
            &mut rec,
            councillor("G. Hughes"),
            AttendanceStatus::AlsoPresent,
            &[],
        );
        assert_eq!(
            attendance(&rec, EN),
            [
                "Present: Councillor P. Present.",
                "Also present: Councillors G. Hughes and F. Morgan.",
                "Also present for Agenda Item No. 4: Councillors A.B. Jones and C. Smith; Mr. D. Evans (Head of Highways).",
                "Also present for Agenda Item Nos. 4 and 5: Councillor E. Lewis.",
            ]
        );
        assert_eq!(
            attendance(&rec, CY)[2..],
            [
                "Hefyd yn bresennol ar gyfer Eitem Agenda Rhif 4: Y Cynghorwyr A.B. Jones a C. Smith; Mr. D. Evans (Head of Highways).",
                "Hefyd yn bresennol ar gyfer Eitemau Agenda Rhif 4 a 5: Y Cynghorydd E. Lewis.",
            ]
        );
    }

    fn presentation(rec: &mut MeetingRecord, presenter: &str, capacity: &str) {
        let m = &mut rec.minutes[2];
        m.blocks.push(Block {
            id: id(),
            minute_id: m.minute.id,
            position: 1,
            content: BlockContent::Presentation {
                presenter_id: None,
                presenter: presenter.into(),
                capacity: capacity.into(),
                summary: "The Director outlined the plan.".into(),
            },
        });
    }

    #[test]
    fn a_presenter_is_named_in_the_authority_s_sentence() {
        let mut rec = record(&[], Vec::new());
        presentation(&mut rec, "Dr. A. Person", "Director of X, Y Health Board");
        presentation(&mut rec, "Ms. B. Jones", "");
        let p = paragraphs(&rec, EN);
        assert_eq!(
            p[1..],
            [
                "Dr. A. Person, Director of X, Y Health Board, was present for this item.",
                "The Director outlined the plan.",
                "Ms. B. Jones was present for this item.",
                "The Director outlined the plan.",
            ]
        );
        assert_eq!(
            paragraphs(&rec, CY)[1],
            "Roedd Dr. A. Person, Director of X, Y Health Board, yn bresennol ar gyfer yr eitem hon."
        );
        assert_eq!(
            paragraphs(&rec, CY)[3],
            "Roedd Ms. B. Jones yn bresennol ar gyfer yr eitem hon."
        );
        rec.authority.presenter_form_en = "In attendance for this item: {name} ({title}).".into();
        assert_eq!(
            paragraphs(&rec, EN)[1],
            "In attendance for this item: Dr. A. Person (Director of X, Y Health Board)."
        );
    }

    fn declare(
        rec: &mut MeetingRecord,
        name: &str,
        kind: DeclarationKind,
        action: DeclarationAction,
    ) {
        let p = councillor(name);
        rec.declarations.push(Declaration {
            id: id(),
            meeting_id: rec.meeting.id,
            person_id: p.id,
            agenda_item_id: Some(rec.agenda[2].id),
            kind,
            nature: "a relative works for the service".into(),
            action: Some(action),
            dispensation: String::new(),
        });
        rec.people.push(p);
    }

    #[test]
    fn a_member_who_withdrew_is_recorded_in_the_item_s_minute_and_in_welsh() {
        let mut rec = record(&[], Vec::new());
        declare(
            &mut rec,
            "A. Hopkins",
            DeclarationKind::Prejudicial,
            DeclarationAction::Withdrew,
        );
        declare(
            &mut rec,
            "I. Evans",
            DeclarationKind::Prejudicial,
            DeclarationAction::SpokeThenWithdrew,
        );
        declare(
            &mut rec,
            "J. Remain",
            DeclarationKind::Personal,
            DeclarationAction::Remained,
        );
        let en = paragraphs(&rec, EN);
        assert_eq!(
            en,
            [
                "Councillor A. Hopkins declared a personal and prejudicial interest in Agenda Item No. 3: a relative works for the service and left the meeting during its consideration.",
                "Councillor I. Evans declared a personal and prejudicial interest in Agenda Item No. 3: a relative works for the service and, having made representations, left the meeting during its consideration.",
                "Councillor J. Remain declared a personal interest in Agenda Item No. 3: a relative works for the service.",
                "Councillor A. Hopkins, having declared a prejudicial interest, left the meeting during consideration of this item.",
                "Councillor I. Evans, having declared a prejudicial interest, made representations and then left the meeting during consideration of this item.",
            ]
        );
        let cy = paragraphs(&rec, CY);
        assert_eq!(
            cy,
            [
                "Datganodd y Cynghorydd A. Hopkins fuddiant personol a rhagfarnol yn Eitem Agenda Rhif 3: a relative works for the service a gadawodd y cyfarfod tra ystyriwyd yr eitem.",
                "Datganodd y Cynghorydd I. Evans fuddiant personol a rhagfarnol yn Eitem Agenda Rhif 3: a relative works for the service ac, ar \u{f4}l cyflwyno sylwadau, gadawodd y cyfarfod tra ystyriwyd yr eitem.",
                "Datganodd y Cynghorydd J. Remain fuddiant personol yn Eitem Agenda Rhif 3: a relative works for the service.",
                "Gadawodd y Cynghorydd A. Hopkins y cyfarfod tra ystyriwyd yr eitem hon, ar \u{f4}l datgan buddiant sy'n rhagfarnu.",
                "Cyflwynodd y Cynghorydd I. Evans sylwadau ac yna gadawodd y cyfarfod tra ystyriwyd yr eitem hon, ar \u{f4}l datgan buddiant sy'n rhagfarnu.",
            ]
        );
    }

    fn item_line(under_limb: bool, level: u32, marker: &str, text: &str) -> Line {
        Line::ListItem {
            under_limb,
            level,
            marker: marker.into(),
            text: text.into(),
        }
    }

    #[test]
    fn a_limb_keeps_its_paragraphs_and_lists_as_typed() {
        let rec = record(
            &[],
            vec![
                resolution(
                    1,
                    Keyword::Recommended,
                    "the following actions be taken:\n- write to the Minister\n– meet the Health Board\n  (a) in March\n\nA further report be brought in June",
                    "To act on the findings:\n1. first\n2. second\ncontinued",
                ),
                resolution(2, Keyword::Recommended, "the report be noted", ""),
            ],
        );
        assert_eq!(
            decision(&rec, EN),
            [
                Line::Keyword("RECOMMENDED \u{2013}".into()),
                limb("(1)", "T H A T the following actions be taken:"),
                item_line(true, 1, "\u{2013}", "write to the Minister"),
                item_line(true, 1, "\u{2013}", "meet the Health Board"),
                item_line(true, 2, "(a)", "in March"),
                item_line(true, 1, "", "A further report be brought in June"),
                limb("(2)", "T H A T the report be noted."),
                Line::SubHeading("Reasons for recommendations".into()),
                limb("(1)", "To act on the findings:"),
                item_line(true, 1, "1.", "first"),
                item_line(true, 1, "2.", "second continued"),
            ]
        );
        let text = to_text(&minutes_document(&rec, EN, Visibility::Public));
        assert!(text.contains("(1)\tT H A T the following actions be taken:\n\n\t\u{2013}\twrite to the Minister\n\n\t\u{2013}\tmeet the Health Board\n\n\t\t(a)\tin March\n\n"), "{text}");
    }

    #[test]
    fn initials_at_the_start_of_a_line_are_not_a_list() {
        assert_eq!(
            segments("A. Hopkins spoke.\nB. Evans replied."),
            [Segment {
                marker: String::new(),
                level: 1,
                text: "A. Hopkins spoke. B. Evans replied.".into()
            }]
        );
        assert_eq!(list_marker("(iv) four"), Some(("(iv)".into(), "four")));
        assert_eq!(list_marker("b) two"), Some(("b)".into(), "two")));
        assert_eq!(list_marker("(Chair) said"), None);
    }

    // Documents in both languages (issue 17): the translation notice and the bilingual minutes.

    #[test]
    fn the_translation_carries_the_notice_under_its_title_and_the_legal_record_does_not() {
        let mut rec = record(&["Hopkins"], Vec::new());
        // English is the legal record: the Welsh minutes say they are a translation.
        let cy = lines(&rec, CY);
        assert_eq!(
            cy[3],
            Line::Notice(
                "Cyfieithiad yw'r ddogfen hon. Y fersiwn Saesneg yw'r cofnod cyfreithiol.".into()
            )
        );
        assert!(!lines(&rec, EN).iter().any(|l| matches!(l, Line::Notice(_))));
        // Welsh is the legal record: the English carries the English notice, in the
        // authority's own words.
        rec.authority.documents.legal_language = CY;
        rec.authority.documents.translation_notice_en =
            "This is a translation of the minutes. The minutes in Welsh are the legal record."
                .into();
        let en = lines(&rec, EN);
        assert!(matches!(&en[2], Line::Title(_)));
        assert_eq!(
            en[3],
            Line::Notice(
                "This is a translation of the minutes. The minutes in Welsh are the legal record."
                    .into()
            )
        );
        assert!(!lines(&rec, CY).iter().any(|l| matches!(l, Line::Notice(_))));
    }

    #[test]
    fn the_bilingual_minutes_put_the_welsh_of_each_section_before_its_english() {
        let rec = record(
            &["Hopkins"],
            vec![resolution(
                1,
                Keyword::Resolved,
                "the report be noted",
                "To note it.",
            )],
        );
        let doc = bilingual_minutes_document(&rec, Visibility::Public);
        assert!(doc.bilingual);
        assert_eq!(doc.language, CY);
        let at = |want: &Line| {
            doc.lines
                .iter()
                .position(|l| l == want)
                .unwrap_or_else(|| panic!("{want:?} is not printed"))
        };
        // The title: Welsh, then English.
        assert_eq!(doc.lines[0], Line::Lang(CY));
        assert!(
            at(&Line::Title(
                "Cofnodion cyfarfod a gynhaliwyd ar 5 Ionawr 2015.".into()
            )) < at(&Line::Title(
                "Minutes of a meeting held on 5th January, 2015.".into()
            ))
        );
        // Each minute: its Welsh heading and words before its English heading.
        let headings: Vec<(usize, &str)> = doc
            .lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| match l {
                Line::MinuteHeading { heading, .. } => Some((i, heading.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(headings.len(), 2 * rec.minutes.len(), "{headings:?}");
        for pair in headings.chunks(2) {
            let (cy, en) = (pair[0], pair[1]);
            assert!(cy.0 < en.0);
            assert_eq!(
                doc.lines[..cy.0]
                    .iter()
                    .rev()
                    .find(|l| matches!(l, Line::Lang(_))),
                Some(&Line::Lang(CY))
            );
            assert_eq!(
                doc.lines[..en.0]
                    .iter()
                    .rev()
                    .find(|l| matches!(l, Line::Lang(_))),
                Some(&Line::Lang(EN))
            );
        }
        // The Welsh keyword before the English one; no translation notice in it.
        let text = to_text(&doc);
        let (cy, en) = (text.find("PENDERFYNWYD"), text.find("RESOLVED"));
        assert!(cy.is_some() && cy < en, "{text}");
        assert!(!doc.lines.iter().any(|l| matches!(l, Line::Notice(_))));
        assert_eq!(doc.marks(), vec!["DRAFFT / DRAFT".to_string()]);
    }
}
