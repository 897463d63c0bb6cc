//! The formal minutes as a sequence of styled lines, in the house style. The text output of
//! the command line and the PDF both start from [`minutes_document`]; neither decides wording.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::house_style::{
    apologies_sentence, ensure_full_stop, heading, join_names, limb_text, long_date, people_list,
    person_name, sentence_case,
};
use crate::labels::{self, label, Label};
use crate::model::*;

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
    /// Signature block lines.
    Signature {
        label: String,
        text: String,
    },
    /// What follows starts a new page (the agenda after the front sheet of an agenda pack).
    PageBreak,
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
    pub language: Language,
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
    pub fn marks(&self) -> Vec<&'static str> {
        let mut marks = Vec::new();
        if self.draft {
            marks.push(label(Label::Draft, self.language));
        }
        if self.visibility == Visibility::Confidential {
            marks.push(label(Label::Confidential, self.language));
        }
        marks
    }

    /// The word set across every page of a draft.
    pub fn watermark(&self) -> Option<&'static str> {
        self.draft.then(|| label(Label::Draft, self.language))
    }
}

/// The language the minute book is kept in: Welsh where the authority works in Welsh only,
/// otherwise English (a translation is not the legal record).
pub fn minute_book_language(a: &Authority) -> Language {
    match a.languages {
        LanguagePolicy::Welsh => Language::Cy,
        LanguagePolicy::English | LanguagePolicy::Bilingual => Language::En,
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

/// Builds the formal minutes of one meeting.
pub fn minutes_document(
    rec: &MeetingRecord,
    lang: Language,
    visibility: Visibility,
) -> MinutesDocument {
    let mut lines = Vec::new();
    let date = long_date(rec.meeting.date, lang);
    let body = body_name(&rec.body, lang);
    lines.push(Line::Authority(authority_name(&rec.authority, lang)));
    lines.push(Line::Body(body.clone()));
    lines.push(Line::Title(format!(
        "{} {date}.",
        label(Label::MinutesOfMeetingHeldOn, lang)
    )));
    attendance_lines(rec, lang, &mut lines);

    for (i, m) in rec.minutes.iter().enumerate() {
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
            exclusion_lines(rec, &run, lang, &mut lines);
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
                let paras = item
                    .map(|i| i.exempt_paragraphs.join(", "))
                    .unwrap_or_default();
                lines.push(Line::Paragraph(format!(
                    "{} {paras} {}.",
                    label(Label::ExemptNotPublished, lang),
                    lang.pick(
                        "of Schedule 12A to the Local Government Act 1972",
                        "o Atodlen 12A Deddf Llywodraeth Leol 1972",
                    )
                )));
            } else {
                push_paragraphs(&m.minute.public_summary, &mut lines);
            }
            continue;
        }
        if let Some(standing) = item.and_then(|i| i.standing) {
            standing_text(rec, standing, lang, &mut lines);
        }
        if let Some(i) =
            item.filter(|i| i.origin == ItemOrigin::Urgent && !i.urgent_reason.is_empty())
        {
            lines.push(Line::Paragraph(ensure_full_stop(&i.urgent_reason)));
        }
        for b in &m.blocks {
            block_lines(&b.content, lang, &mut lines);
        }
        decision_lines(&m.resolutions, lang, &mut lines);
    }

    if rec.meeting.minutes_status == MinutesStatus::Signed {
        let signer = rec
            .meeting
            .signed_by_person_id
            .and_then(|id| rec.person(id))
            .map(|p| person_name(&p.honorific, &p.name, lang))
            .unwrap_or_default();
        lines.push(Line::Signature {
            label: labels::chair(rec.body.chair_title, false, lang).to_string(),
            text: signer,
        });
        lines.push(Line::Signature {
            label: label(Label::Date, lang).to_string(),
            text: rec
                .meeting
                .signed_on
                .map(|d| long_date(d, lang))
                .unwrap_or_default(),
        });
    }

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
    let (many, several) = (numbers.len() > 1, paragraphs.len() > 1);
    let (numbers, paragraphs) = (join_names(&numbers, lang), join_names(&paragraphs, lang));
    let text = lang.pick(
        format!(
            "under Section 100A(4) of the Local Government Act 1972, the press and public be excluded from the meeting for the following {} of business (Minute {}. {numbers}) on the grounds that {} the likely disclosure of exempt information as defined in {} {paragraphs} of Part 4 of Schedule 12A to the Act.",
            if many { "items" } else { "item" },
            if many { "Nos" } else { "No" },
            if many { "they involve" } else { "it involves" },
            if several { "paragraphs" } else { "paragraph" },
        ),
        format!(
            "o dan Adran 100A(4) Deddf Llywodraeth Leol 1972, y dylid gwahardd y wasg a'r cyhoedd o'r cyfarfod ar gyfer {} busnes canlynol (Cofnod {numbers}) ar y sail ei bod yn debygol y datgelir gwybodaeth eithriedig fel y'i diffinnir {} {paragraphs} o Ran 4 o Atodlen 12A i'r Ddeddf.",
            if many { "yr eitemau" } else { "yr eitem" },
            if several { "ym mharagraffau" } else { "ym mharagraff" },
        ),
    );
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
    lines.push(Line::Keyword(format!(
        "{} \u{2013}",
        labels::keyword(Keyword::Resolved, lang)
    )));
    lines.push(Line::Limb {
        label: String::new(),
        text: limb_text(&text, None, lang),
    });
    for i in items
        .iter()
        .filter(|i| !i.public_interest.trim().is_empty())
    {
        lines.push(Line::Paragraph(ensure_full_stop(&i.public_interest)));
    }
}

fn push_paragraphs(text: &str, lines: &mut Vec<Line>) {
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        lines.push(Line::Paragraph(para.replace('\n', " ")));
    }
}

fn names_of(rec: &MeetingRecord, ids: &[Uuid]) -> Vec<(String, String)> {
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

fn attendance_lines(rec: &MeetingRecord, lang: Language, lines: &mut Vec<Line>) {
    let present: Vec<&Attendance> = rec
        .attendance
        .iter()
        .filter(|a| {
            matches!(
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
                format!("{name} (yn dirprwyo dros {for_whom})"),
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
            .filter(|a| a.status == status)
            .map(|a| a.person_id)
            .collect();
        if !ids.is_empty() {
            lines.push(Line::Attendance {
                label: format!("{}:", label(lbl, lang)),
                text: format!("{}.", with_titles(rec, &ids, lang)),
            });
        }
    }
}

/// "Ms. A. Jones (Lead Inspector, CSSIW), Councillor B (Cabinet Member)".
fn with_titles(rec: &MeetingRecord, ids: &[Uuid], lang: Language) -> String {
    let mut people: Vec<&Person> = ids.iter().filter_map(|id| rec.person(*id)).collect();
    people.sort_by_key(|p| p.sort_key());
    let names: Vec<String> = people
        .iter()
        .map(|p| {
            let n = person_name(&p.honorific, &p.name, lang);
            if p.title.is_empty() {
                n
            } else {
                format!("{n} ({})", p.title)
            }
        })
        .collect();
    crate::house_style::join_names(&names, lang)
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

fn declaration_sentence(rec: &MeetingRecord, d: &Declaration, lang: Language) -> String {
    let who = rec
        .person(d.person_id)
        .map(|p| person_name(&p.honorific, &p.name, lang))
        .unwrap_or_default();
    let item = d
        .agenda_item_id
        .and_then(|id| rec.agenda.iter().find(|a| a.id == id))
        .map(|a| format!(" in Agenda Item No. {}", a.position))
        .unwrap_or_default();
    let kind = match d.kind {
        DeclarationKind::Personal => "a personal interest",
        DeclarationKind::Prejudicial => "a personal and prejudicial interest",
        DeclarationKind::PartyWhip => "a party whip",
    };
    let nature = if d.nature.trim().is_empty() {
        String::new()
    } else {
        format!(": {}", d.nature.trim())
    };
    let action = match d.action {
        Some(DeclarationAction::Withdrew) => " and left the meeting during its consideration",
        Some(DeclarationAction::SpokeThenWithdrew) => {
            " and, having made representations, left the meeting during its consideration"
        }
        Some(DeclarationAction::WrittenRepresentations) => " and made written representations",
        Some(DeclarationAction::Remained) | None => "",
    };
    let disp = if d.dispensation.trim().is_empty() {
        String::new()
    } else {
        format!(" (dispensation: {})", d.dispensation.trim())
    };
    let _ = lang; // Welsh declaration wording is set per council; the English form is printed.
    ensure_full_stop(&format!(
        "{who} declared {kind}{item}{nature}{action}{disp}"
    ))
}

fn block_lines(content: &BlockContent, lang: Language, lines: &mut Vec<Line>) {
    match content {
        BlockContent::Narrative { text } => push_paragraphs(text, lines),
        BlockContent::Presentation {
            presenter,
            capacity,
            summary,
            ..
        } => {
            let who = if capacity.is_empty() {
                presenter.clone()
            } else {
                format!("{presenter}, {capacity}")
            };
            if !who.trim().is_empty() {
                lines.push(Line::Paragraph(format!(
                    "{}: {who}.",
                    label(Label::AttendanceForItem, lang)
                )));
            }
            push_paragraphs(summary, lines);
        }
        BlockContent::Question {
            asked_by,
            question,
            answered_by,
            answer,
            ..
        } => {
            let q = ensure_full_stop(question);
            let a = ensure_full_stop(answer);
            // The Welsh names the roles in Welsh; the English starts the sentence with them.
            let asked = lang.pick(sentence_case(asked_by), role_in_welsh(asked_by));
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
                        role_in_welsh(answered_by)
                    ),
                )
            };
            lines.push(Line::Paragraph(text));
        }
    }
}

/// A questioner or answerer named by role, in a Welsh sentence: "Aelod o'r Pwyllgor", "y
/// Cadeirydd"; "Councillor X" becomes "y Cynghorydd X"; anything else as entered.
fn role_in_welsh(who: &str) -> String {
    if let Some(cy) = labels::role_cy(who) {
        return cy.to_string();
    }
    match who.trim().strip_prefix("Councillor ") {
        Some(name) => format!("y Cynghorydd {name}"),
        None => who.trim().to_string(),
    }
}

fn decision_lines(resolutions: &[Resolution], lang: Language, lines: &mut Vec<Line>) {
    if resolutions.is_empty() {
        return;
    }
    let single = resolutions.len() == 1;
    // Consecutive limbs under one keyword share its heading; the reasons follow all limbs.
    let mut last_keyword = None;
    for r in resolutions {
        if last_keyword != Some(r.keyword) {
            lines.push(Line::Keyword(format!(
                "{} \u{2013}",
                labels::keyword(r.keyword, lang)
            )));
            last_keyword = Some(r.keyword);
        }
        lines.push(Line::Limb {
            label: if single {
                String::new()
            } else {
                format!("({})", r.limb)
            },
            text: limb_text(&r.text, r.conditional_on, lang),
        });
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
        lines.push(Line::Limb {
            label: if single {
                String::new()
            } else {
                format!("({})", r.limb)
            },
            text: ensure_full_stop(&r.reason),
        });
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
            Line::SubHeading(t) => out.push_str(&format!("{t}\n\n")),
            Line::Signature { label, text } => out.push_str(&format!("{label}: {text}\n")),
            Line::PageBreak => out.push_str("\n\u{c}\n"),
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
            reasons_required: true,
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
            authority: Authority {
                name_en: "Glantawe County Borough Council".into(),
                name_cy: "Cyngor Bwrdeistref Sirol Glantawe".into(),
                jurisdiction: Jurisdiction::Wales,
                languages: LanguagePolicy::Bilingual,
                year_start_month: 5,
                year_start_day: 1,
                minute_book: None,
            },
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
            .position(|l| matches!(l, Line::Keyword(_)))
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
            "Derbyniwyd ymddiheuriadau gan y Cynghorydd A. Hopkins."
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
                Line::Keyword("RESOLVED \u{2013}".into()),
                limb("", "T H A T the report be noted."),
                Line::SubHeading("Reason for decision".into()),
                limb("", "To keep Members informed."),
            ]
        );
        assert_eq!(
            decision(&rec, CY)[..3],
            [
                Line::Keyword("PENDERFYNWYD \u{2013}".into()),
                limb("", "B O D the report be noted."),
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
        // Without reasons, no heading.
        let rec = record(
            &[],
            vec![resolution(1, Keyword::Resolved, "the report be noted", "")],
        );
        assert_eq!(decision(&rec, EN).len(), 2);
    }

    #[test]
    fn the_text_version_marks_a_draft() {
        let rec = record(&["A. Hopkins"], Vec::new());
        let text = to_text(&minutes_document(&rec, EN, Visibility::Confidential));
        assert!(text.starts_with("DRAFT\n\nCONFIDENTIAL\n\nGLANTAWE COUNTY BOROUGH COUNCIL\n"));
        let text = to_text(&minutes_document(&rec, CY, Visibility::Public));
        assert!(text.starts_with("DRAFFT\n\nCYNGOR BWRDEISTREF SIROL GLANTAWE\n"));
    }
}
