//! The agenda pack's own pages, worded: the front sheet (authority, pack title, body, "You are
//! invited to attend...", when and where, the meeting's mode and how to join, date of issue,
//! contact officer, membership, the council's accessibility and Welsh-language lines), then
//! the agenda: each item's number and title with "(Pages x – y)", part 2 after the exclusion
//! notice. A supplement gets its addendum sheet instead. The bookmarks' titles, the page-number
//! form and the confidential stamp are decided here too: the PDF crate lays these lines out,
//! merges the reports and decides no wording.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use uuid::Uuid;

use crate::house_style::{join_names, long_date, person_name};
use crate::labels::{chair, label, weekday, Label};
use crate::model::{
    AgendaItem, DocumentInfo, ItemOrigin, ItemPart, Language, MeetingMode, PackedDocument, Person,
    PersonKind, Role,
};
use crate::pack::PackInput;
use crate::render::{self, Line, MinutesDocument, Visibility};

/// The front sheet and agenda of one pack in one language, with the words around it.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontSheet {
    /// The lines printed before the reports.
    pub document: MinutesDocument,
    /// The bookmark of the first page: "Front sheet", or "Addendum 1 to the agenda".
    pub first_mark: String,
    /// The agenda's heading ("Agenda"), bookmarked on the page it is printed on; `None` on a
    /// supplement, which has no agenda of its own.
    pub agenda_mark: Option<String>,
    /// One bookmark per item listed, in agenda order.
    pub items: Vec<ItemMark>,
    /// How every page of the pack is numbered, the agenda's and the stamped reports': `{n}` is
    /// the pack page ("Page {n}").
    pub page_form: String,
    /// Stamped on every report page of the confidential pack ("CONFIDENTIAL"); empty otherwise.
    pub stamp_mark: String,
}

/// An agenda item's bookmark.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemMark {
    pub item_id: Uuid,
    /// The item's number as printed on the agenda ("3."): the bookmark points at its page.
    pub number: String,
    /// "3. Budget monitoring, quarter 2".
    pub title: String,
}

/// Words the front sheet and agenda of `input`, in `lang`, with the pack pages of the reports
/// it carries (`pages`, in pack order: the whole page map, or a supplement's). `today` is the
/// date of issue when the agenda has not been published yet, and always a supplement's.
pub fn front_sheet(
    input: &PackInput,
    lang: Language,
    visibility: Visibility,
    today: NaiveDate,
    pages: &[PackedDocument],
) -> FrontSheet {
    // Every text the clerk typed, in the document's language (the translation where done).
    let translated = PackInput {
        record: input.record.in_language(lang),
        ..input.clone()
    };
    let input = &translated;
    let rec = &input.record;
    let docs: Vec<(&DocumentInfo, &PackedDocument)> = pages
        .iter()
        .filter_map(|p| {
            rec.documents
                .iter()
                .find(|d| d.id == p.document_id)
                .map(|d| (d, p))
        })
        .collect();
    let body = lang.text(&rec.body.name_en, &rec.body.name_cy);
    let head = format!(
        "{} \u{2013} {}, {}",
        label(Label::Agenda, lang),
        body,
        long_date(rec.meeting.date, lang)
    );
    let first_mark = match &input.supplement {
        Some(sup) => addendum(sup.number, lang),
        None => label(Label::FrontSheet, lang).to_string(),
    };
    FrontSheet {
        document: MinutesDocument {
            language: lang,
            bilingual: false,
            visibility,
            draft: false,
            running_head: head.clone(),
            title: head,
            author: lang
                .text(&rec.authority.name_en, &rec.authority.name_cy)
                .to_string(),
            minute_book_start: None,
            lines: lines(input, lang, today, &docs),
        },
        first_mark,
        agenda_mark: input
            .supplement
            .is_none()
            .then(|| label(Label::Agenda, lang).to_string()),
        items: listed_items(input, &docs)
            .into_iter()
            .map(|item| ItemMark {
                item_id: item.id,
                number: format!("{}.", item.position),
                title: format!("{}. {}", item.position, item_title(item, lang)),
            })
            .collect(),
        page_form: format!("{} {{n}}", label(Label::Page, lang)),
        stamp_mark: match visibility {
            Visibility::Confidential => label(Label::Confidential, lang).to_string(),
            Visibility::Public => String::new(),
        },
    }
}

/// The front sheet and agenda of one pack in both languages, Welsh first (the authority's
/// bilingual layout, Welsh Language Standards): the front sheet in Welsh then English, each
/// agenda item's Welsh title above its English one. Its bookmarks are in Welsh and English.
pub fn bilingual_front_sheet(
    input: &PackInput,
    visibility: Visibility,
    today: NaiveDate,
    pages: &[PackedDocument],
) -> FrontSheet {
    let mut sheet = front_sheet(input, Language::Cy, visibility, today, pages);
    let en = front_sheet(input, Language::En, visibility, today, pages);
    let rec = &input.record;
    let docs: Vec<(&DocumentInfo, &PackedDocument)> = pages
        .iter()
        .filter_map(|p| {
            rec.documents
                .iter()
                .find(|d| d.id == p.document_id)
                .map(|d| (d, p))
        })
        .collect();
    let both = |cy: &str, en: &str| {
        if cy == en {
            cy.to_string()
        } else {
            format!("{cy} / {en}")
        }
    };
    sheet.document.bilingual = true;
    sheet.document.lines = bilingual_lines(input, today, &docs);
    sheet.document.running_head = both(&sheet.document.running_head, &en.document.running_head);
    sheet.document.title = sheet.document.running_head.clone();
    sheet.document.author = both(&sheet.document.author, &en.document.author);
    sheet.first_mark = both(&sheet.first_mark, &en.first_mark);
    sheet.page_form = both(&sheet.page_form, &en.page_form);
    sheet.stamp_mark = both(&sheet.stamp_mark, &en.stamp_mark);
    for (cy, en) in sheet.items.iter_mut().zip(&en.items) {
        cy.title = both(&cy.title, &en.title);
    }
    sheet
}

/// The front sheet and agenda as plain text (see [`render::to_text`]).
pub fn to_text(sheet: &FrontSheet) -> String {
    render::to_text(&sheet.document)
}

/// "Addendum 1 to the agenda".
fn addendum(number: u32, lang: Language) -> String {
    label(Label::Addendum, lang).replace("{n}", &number.to_string())
}

fn item_title(item: &AgendaItem, lang: Language) -> &str {
    lang.text(&item.title_en, &item.title_cy)
}

/// The items the agenda lists, in order: all of them, or a supplement's with a report in it.
fn listed_items<'a>(
    input: &'a PackInput,
    docs: &[(&DocumentInfo, &PackedDocument)],
) -> Vec<&'a AgendaItem> {
    let mut items: Vec<&AgendaItem> = input.record.agenda.iter().collect();
    items.sort_by_key(|i| i.position);
    items.retain(|item| {
        input.supplement.is_none() || docs.iter().any(|(d, _)| d.agenda_item_id == item.id)
    });
    items
}

/// "(REF)" and the like, printed after an item's title.
fn item_tag(item: &AgendaItem) -> String {
    let tag = item.tag.trim();
    if !tag.is_empty() {
        format!(" ({})", tag.to_uppercase())
    } else if item.origin == ItemOrigin::ReferredFromCabinet {
        " (REF)".to_string()
    } else {
        String::new()
    }
}

/// "(Pages 5 – 12)", or "(Page 5)".
fn pages_text(first: u32, last: u32, lang: Language) -> String {
    if first == last {
        format!("({} {first})", label(Label::Page, lang))
    } else {
        format!("({} {first} \u{2013} {last})", label(Label::Pages, lang))
    }
}

/// The day a meeting is held on, after "to be held on" / "a gynhelir ar": "Monday, 5th
/// January, 2015" / "ddydd Llun, 5 Ionawr 2015" ("dydd" takes the soft mutation after "ar").
pub(crate) fn held_on_day(date: NaiveDate, lang: Language) -> String {
    let day = weekday(date.weekday().number_from_monday(), lang);
    let date = long_date(date, lang);
    lang.pick(format!("{day}, {date}"), format!("d{day}, {date}"))
}

/// "6.00 pm" / "6.00 yh".
pub(crate) fn time_text(t: NaiveTime, lang: Language) -> String {
    let (h, m) = (t.hour(), t.minute());
    let h12 = match h % 12 {
        0 => 12,
        h => h,
    };
    let suffix = if h < 12 {
        lang.pick("am", "yb")
    } else {
        lang.pick("pm", "yh")
    };
    format!("{h12}.{m:02} {suffix}")
}

/// "paragraph 14" / "paragraphs 12 and 14".
/// "in the venue": "in Council Chamber" / "yng Nghanolfan Ddinesig" (the nasal mutation where
/// the venue starts with a Welsh place word, [`crate::welsh::yn_place`]).
pub(crate) fn in_venue(venue: &str, lang: Language) -> String {
    match lang {
        Language::En => format!("{} {venue}", label(Label::In, lang)),
        Language::Cy => crate::welsh::yn_place(venue),
    }
}

fn sorted_paragraphs(paras: &[String]) -> Vec<String> {
    let mut paras: Vec<String> = paras.iter().map(|p| p.trim().to_string()).collect();
    paras.sort_by_key(|p| {
        (
            p.trim_end_matches(char::is_alphabetic).parse::<u32>().ok(),
            p.clone(),
        )
    });
    paras.dedup();
    paras
}

fn paragraphs_text(paras: &[String], lang: Language) -> String {
    let paras = sorted_paragraphs(paras);
    let word = if paras.len() == 1 {
        label(Label::Paragraph, lang)
    } else {
        label(Label::Paragraphs, lang)
    };
    format!("{word} {}", join_names(&paras, lang))
}

/// The front sheet and agenda as styled lines.
fn lines(
    input: &PackInput,
    lang: Language,
    today: NaiveDate,
    docs: &[(&DocumentInfo, &PackedDocument)],
) -> Vec<Line> {
    let mut lines = front_lines(input, lang, today, true);
    if input.supplement.is_none() {
        lines.push(Line::PageBreak);
        lines.push(Line::Body(label(Label::Agenda, lang).to_string()));
    }
    for item in listed_items(input, docs) {
        item_lines(input, item, lang, docs, &mut lines);
    }
    lines
}

/// The bilingual front sheet and agenda, Welsh first: the front sheet in Welsh then in
/// English, and on the agenda each item's Welsh title above its English one.
fn bilingual_lines(
    input: &PackInput,
    today: NaiveDate,
    docs: &[(&DocumentInfo, &PackedDocument)],
) -> Vec<Line> {
    let mut lines = Vec::new();
    // The front sheet in Welsh, then on a page of its own in English; no translation notice,
    // both languages being in it.
    render::welsh_first(&mut lines, &|l, out| {
        if l == Language::En {
            out.push(Line::PageBreak);
        }
        out.extend(front_lines(input, l, today, false));
    });
    if input.supplement.is_none() {
        lines.push(Line::PageBreak);
        lines.push(Line::Lang(Language::Cy));
        let (cy, en) = (
            label(Label::Agenda, Language::Cy),
            label(Label::Agenda, Language::En),
        );
        lines.push(Line::Body(if cy == en {
            cy.to_string()
        } else {
            format!("{cy} / {en}")
        }));
    }
    for item in listed_items(input, docs) {
        render::welsh_first(&mut lines, &|l, out| {
            let mut part = Vec::new();
            item_lines(input, item, l, docs, &mut part);
            // The item's number once, beside its Welsh title.
            if l == Language::En {
                for line in &mut part {
                    if let Line::MinuteHeading { number, .. } = line {
                        number.clear();
                    }
                }
            }
            out.extend(part);
        });
    }
    lines
}

/// The front sheet (or a supplement's addendum sheet) in `lang`, before the agenda, with the
/// translation notice under the title when `notice` and `lang` is not the legal record's.
fn front_lines(input: &PackInput, lang: Language, today: NaiveDate, notice: bool) -> Vec<Line> {
    let rec = &input.record;
    let settings = &input.settings;
    let body = lang.text(&rec.body.name_en, &rec.body.name_cy);
    let m = &rec.meeting;
    let mut lines = vec![
        Line::Authority(
            lang.text(&rec.authority.name_en, &rec.authority.name_cy)
                .to_string(),
        ),
        Line::Title(
            lang.text(&settings.pack_title_en, &settings.pack_title_cy)
                .to_string(),
        ),
        Line::Body(body.to_string()),
    ];
    if notice {
        lines.extend(render::notice_line(&rec.authority, lang));
    }
    let mut when = format!(
        "{} {}",
        label(Label::ToBeHeldOn, lang),
        held_on_day(m.date, lang)
    );
    if let Some(t) = m.start_time {
        when.push_str(&format!(
            " {} {}",
            label(Label::At, lang),
            time_text(t, lang)
        ));
    }
    if !m.venue.trim().is_empty() && m.mode != MeetingMode::Remote {
        when.push_str(&format!(" {}", in_venue(m.venue.trim(), lang)));
    }
    if let Some(sup) = &input.supplement {
        lines.push(Line::Title(addendum(sup.number, lang)));
        lines.push(Line::Paragraph(format!(
            "{} {body} {when}.",
            label(Label::AddendumIntro, lang)
        )));
    } else {
        lines.push(Line::Paragraph(format!(
            "{} {body} {when}.",
            label(Label::InvitedToAttend, lang)
        )));
        lines.push(Line::Paragraph(
            label(
                match m.mode {
                    MeetingMode::InPerson => Label::ModeInPerson,
                    MeetingMode::Hybrid => Label::ModeHybrid,
                    MeetingMode::Remote => Label::ModeRemote,
                },
                lang,
            )
            .to_string(),
        ));
        if !m.joining_details.trim().is_empty() {
            lines.push(Line::Attendance {
                label: format!("{}:", label(Label::HowToJoin, lang)),
                text: m.joining_details.trim().to_string(),
            });
        }
    }
    let issued = match input.supplement {
        Some(_) => today,
        None => input.info.agenda_published_on.unwrap_or(today),
    };
    lines.push(Line::Attendance {
        label: format!("{}:", label(Label::DateOfIssue, lang)),
        text: long_date(issued, lang),
    });
    let contact: Vec<&str> = [&input.info.contact_officer, &input.info.contact_details]
        .into_iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if !contact.is_empty() {
        lines.push(Line::Attendance {
            label: format!("{}:", label(Label::ContactOfficer, lang)),
            text: contact.join(", "),
        });
    }
    if input.supplement.is_none() {
        membership_lines(input, lang, &mut lines);
        for text in [
            lang.text(&settings.accessibility_en, &settings.accessibility_cy),
            lang.text(&settings.welsh_language_en, &settings.welsh_language_cy),
        ] {
            if !text.trim().is_empty() {
                lines.push(Line::Paragraph(text.trim().to_string()));
            }
        }
    }
    lines
}

/// One item of the agenda in `lang`: before the first part 2 item, the exclusion notice;
/// its number and title with its pages; "Not for publication"; each report when it has more
/// than one.
fn item_lines(
    input: &PackInput,
    item: &AgendaItem,
    lang: Language,
    docs: &[(&DocumentInfo, &PackedDocument)],
    lines: &mut Vec<Line>,
) {
    let rec = &input.record;
    {
        let item_docs: Vec<&(&DocumentInfo, &PackedDocument)> = docs
            .iter()
            .filter(|(d, _)| d.agenda_item_id == item.id)
            .collect();
        let first_exempt = listed_items(input, docs)
            .into_iter()
            .find(|i| i.part == ItemPart::Exempt)
            .map(|i| i.id);
        if item.part == ItemPart::Exempt
            && first_exempt == Some(item.id)
            && input.supplement.is_none()
        {
            let paras: Vec<String> = rec
                .agenda
                .iter()
                .filter(|i| i.part == ItemPart::Exempt && i.position >= item.position)
                .flat_map(|i| i.exempt_paragraphs.iter().cloned())
                .collect();
            lines.push(Line::SubHeading(label(Label::Part2, lang).to_string()));
            lines.push(Line::SubHeading(
                label(Label::ExclusionOfPublic, lang).to_string(),
            ));
            lines.push(Line::Paragraph(format!(
                "{} {}.",
                label(Label::ExclusionNotice, lang),
                crate::labels::exclusion_notice_paragraphs(
                    &sorted_paragraphs(&paras),
                    rec.authority.jurisdiction,
                    lang
                ),
            )));
        }
        let mut heading = format!("{}{}", item_title(item, lang), item_tag(item));
        if let (Some((_, first)), Some((_, last))) = (item_docs.first(), item_docs.last()) {
            heading.push(' ');
            heading.push_str(&pages_text(first.first_page, last.last_page, lang));
        }
        lines.push(Line::MinuteHeading {
            number: format!("{}.", item.position),
            heading,
        });
        if item.part == ItemPart::Exempt {
            lines.push(Line::Limb {
                label: String::new(),
                text: format!(
                    "{} ({})",
                    label(Label::NotForPublication, lang),
                    paragraphs_text(&item.exempt_paragraphs, lang)
                ),
            });
        }
        if item_docs.len() > 1 || input.supplement.is_some() {
            for (d, p) in item_docs {
                lines.push(Line::Limb {
                    label: "–".into(),
                    text: format!(
                        "{} {}",
                        d.title,
                        pages_text(p.first_page, p.last_page, lang)
                    ),
                });
            }
        }
    }
}

/// "Chair:", "Vice-Chair:", "Members:", "Co-opted members:" from the memberships current on
/// the meeting date.
fn membership_lines(input: &PackInput, lang: Language, lines: &mut Vec<Line>) {
    let rec = &input.record;
    let date = rec.meeting.date;
    let mut current: Vec<(Role, &Person)> = rec
        .memberships
        .iter()
        .filter(|m| m.body_id == rec.body.id && m.from <= date && m.to.is_none_or(|t| t >= date))
        .filter_map(|m| rec.person(m.person_id).map(|p| (m.role, p)))
        .collect();
    if current.is_empty() {
        return;
    }
    current.sort_by_key(|(_, p)| p.sort_key());
    lines.push(Line::SubHeading(label(Label::Membership, lang).to_string()));
    let names = |roles: &[Role], coopted: bool| -> Vec<String> {
        current
            .iter()
            .filter(|(r, p)| {
                roles.contains(r)
                    && coopted
                        == matches!(
                            p.kind,
                            PersonKind::CoOptedVoting | PersonKind::CoOptedNonVoting
                        )
            })
            .map(|(_, p)| person_name(&p.honorific, &p.name, lang))
            .collect()
    };
    let title = rec.body.chair_title;
    for (l, names) in [
        (
            chair(title, false, lang).to_string(),
            names(&[Role::Chair], false),
        ),
        (
            chair(title, true, lang).to_string(),
            names(&[Role::ViceChair], false),
        ),
        (
            label(Label::Members, lang).to_string(),
            names(&[Role::Member], false),
        ),
        (
            label(Label::CoOptedMembers, lang).to_string(),
            [
                names(&[Role::CoOpted, Role::Member, Role::Observer], true),
                names(&[Role::CoOpted], false),
            ]
            .concat(),
        ),
    ] {
        if !names.is_empty() {
            lines.push(Line::Attendance {
                label: format!("{l}:"),
                text: names.join(", "),
            });
        }
    }
}
