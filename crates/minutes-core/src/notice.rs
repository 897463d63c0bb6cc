//! The notice of decisions a Welsh principal council publishes within seven working days of
//! every meeting (s.100C(1C) LGA 1972, as added by LGEWA 2021 Sch 4 para 8; rule R12, check
//! 21): who attended, the apologies, the declarations of interest (whips included), and each
//! decision with the outcome of any vote; nothing exempt.
//!
//! [`decisions_notice`] words it as the same line document the minutes are ([`MinutesDocument`]),
//! so the PDF crate prints it and [`crate::render::to_text`] gives its text form;
//! [`notice_due`] says when it is due, counted in the authority's working days
//! ([`Calendar`]).
//!
//! Welsh: "Hysbysiad o Benderfyniadau" (title), "Penderfyniadau" (decisions), "Canlyniad y
//! bleidlais" (outcome of the vote) and the statutory sentence are standard usage not seen in
//! a council's own notice ([K] in the glossary's sense); the rest comes from the glossary.

use chrono::NaiveDate;

use crate::front_sheet::{held_on_day, in_venue, time_text};
use crate::house_style::{ensure_full_stop, heading, long_date, people_list};
use crate::labels::{label, Label};
use crate::model::*;
use crate::render::{
    attendance_lines, decision_lines, declaration_sentence, names_of, Line, MinutesDocument,
    Visibility,
};
use crate::welsh;
use crate::working_days::Calendar;

/// The notice is due within this many working days, beginning with the meeting day.
pub const NOTICE_WORKING_DAYS: u32 = 7;
/// A notice is "due soon" when its last day is at most this many working days away.
pub const DUE_SOON_WORKING_DAYS: u32 = 3;

/// The last day a meeting's notice of decisions may be published on: the seventh working day
/// of the period beginning with the meeting day (a meeting on Tuesday 2nd June 2026: Wednesday
/// 10th June).
pub fn notice_due_date(calendar: &Calendar, meeting_date: NaiveDate) -> NaiveDate {
    calendar.nth_working_day_from(meeting_date, NOTICE_WORKING_DAYS)
}

/// Where a meeting's notice stands on `today`: published; not yet (the meeting has not taken
/// place: not begun and its day still to come); overdue (its last day has passed); due soon
/// (at most three working days left); or due. Returns the state, the due date and the working
/// days left after today up to it.
pub fn notice_due(
    calendar: &Calendar,
    meeting_date: NaiveDate,
    status: MeetingStatus,
    published_on: Option<NaiveDate>,
    today: NaiveDate,
) -> (NoticeState, NaiveDate, u32) {
    let due = notice_due_date(calendar, meeting_date);
    let left = calendar.working_days_between(today, due);
    let took_place = matches!(status, MeetingStatus::InProgress | MeetingStatus::Closed)
        || meeting_date <= today;
    let state = if published_on.is_some() {
        NoticeState::Published
    } else if !took_place {
        NoticeState::NotYet
    } else if today > due {
        NoticeState::Overdue
    } else if left <= DUE_SOON_WORKING_DAYS {
        NoticeState::DueSoon
    } else {
        NoticeState::Due
    };
    (state, due, left)
}

/// The outcome of a vote the clerk wrote in words on the limb (records from before votes were
/// recorded member by member), `None` when there is none. A vote recorded as such
/// ([`Vote`]) is printed by the minutes' own decision lines (`house_style::vote_outcome`),
/// exactly as the minutes print it, and not again here.
pub fn vote_outcome_text(rec: &MeetingRecord, r: &Resolution, lang: Language) -> Option<String> {
    let vote = r.vote.trim();
    if vote.is_empty() || rec.vote_of(r.id).is_some() {
        return None;
    }
    Some(format!(
        "{}: {}",
        lang.pick("Outcome of the vote", "Canlyniad y bleidlais"),
        ensure_full_stop(vote)
    ))
}

fn is_exempt(rec: &MeetingRecord, m: &MinuteRecord) -> bool {
    m.minute.exempt
        || m.minute
            .agenda_item_id
            .and_then(|id| rec.agenda.iter().find(|a| a.id == id))
            .is_some_and(|i| i.part == ItemPart::Exempt)
}

/// "Meeting held on Tuesday, 2nd June, 2026 at 10.00 am in the Council Chamber": the day, the
/// time and the place (or that it was held remotely).
fn held_line(rec: &MeetingRecord, lang: Language) -> String {
    let m = &rec.meeting;
    let mut t = format!(
        "{} {}",
        lang.pick("Meeting held on", "Cyfarfod a gynhaliwyd ar"),
        held_on_day(m.date, lang)
    );
    if let Some(start) = m.start_time {
        t.push_str(&format!(
            " {} {}",
            label(Label::At, lang),
            time_text(start, lang)
        ));
    }
    let venue = m.venue.trim();
    match m.mode {
        MeetingMode::Remote => t.push_str(lang.pick(
            " remotely by video-conference",
            " o bell trwy fideo-gynadledda",
        )),
        MeetingMode::Hybrid if !venue.is_empty() => t.push_str(&format!(
            " {} {}",
            in_venue(venue, lang),
            match lang {
                Language::En => "and by video-conference".to_string(),
                Language::Cy => welsh::and("trwy fideo-gynadledda"),
            }
        )),
        _ if !venue.is_empty() => t.push_str(&format!(" {}", in_venue(venue, lang))),
        _ => {}
    }
    format!("{t}.")
}

/// The decision lines of one minute with the outcome of each limb's vote under it. Reasons are
/// the minutes' business, not the notice's: they are left out.
fn notice_decision_lines(rec: &MeetingRecord, m: &MinuteRecord, lang: Language) -> Vec<Line> {
    let limbs: Vec<Resolution> = m
        .resolutions
        .iter()
        .map(|r| Resolution {
            reason: String::new(),
            ..r.clone()
        })
        .collect();
    let mut printed = Vec::new();
    decision_lines(rec, &limbs, lang, &mut printed);
    let single = limbs.len() == 1;
    let vote_line = |r: &Resolution| {
        vote_outcome_text(rec, r, lang).map(|text| Line::ListItem {
            under_limb: !single,
            level: 1,
            marker: String::new(),
            text,
        })
    };
    // Each limb's vote goes after the limb and whatever it carries under it (lists, amendments).
    let mut out = Vec::new();
    let mut current: Option<&Resolution> = None;
    for line in printed {
        let starts_limb = match &line {
            Line::Decision { .. } => limbs.first(),
            Line::Limb { label, .. } => limbs.iter().find(|r| *label == format!("({})", r.limb)),
            _ => None,
        };
        if let Some(next) = starts_limb {
            if let Some(v) = current.and_then(vote_line) {
                out.push(v);
            }
            current = Some(next);
        } else if matches!(line, Line::Keyword(_)) {
            if let Some(v) = current.take().and_then(vote_line) {
                out.push(v);
            }
        }
        out.push(line);
    }
    if let Some(v) = current.and_then(vote_line) {
        out.push(v);
    }
    // An executive decision's statement (SI 2001/2290 reg 7): key decision, options rejected,
    // consultation, interests, and when it may be implemented (the call-in period).
    crate::render::executive_lines(rec, m, lang, &mut out);
    out
}

/// The notice of decisions of a meeting, in `lang`, published on `published_on` (the recorded
/// day, or the day it is printed to be published): the authority, committee, title, when and
/// where; who attended (as the minutes print it: the chair first); the apologies; the
/// declarations of interest (with whips); each decision of the public minutes with its minute
/// number, heading, limbs as printed and the outcome of any vote; of an exempt item only its
/// number and heading and that its decision is excluded; the date of publication and the
/// statutory sentence.
pub fn decisions_notice(
    rec: &MeetingRecord,
    lang: Language,
    published_on: NaiveDate,
) -> MinutesDocument {
    // Every text the clerk typed, in the document's language (the translation where done).
    let rec = &rec.in_language(lang);
    let authority = lang
        .text(&rec.authority.name_en, &rec.authority.name_cy)
        .to_string();
    let body = lang.text(&rec.body.name_en, &rec.body.name_cy).to_string();
    let title = lang.pick("Notice of Decisions", "Hysbysiad o Benderfyniadau");
    let date = long_date(rec.meeting.date, lang);
    let mut lines = vec![
        Line::Authority(authority.clone()),
        Line::Body(body.clone()),
        Line::Body(title.to_string()),
        Line::Title(held_line(rec, lang)),
    ];
    lines.extend(crate::render::notice_line(&rec.authority, lang));

    // Who attended, as the minutes print it.
    let before = lines.len();
    attendance_lines(rec, lang, &mut lines);
    if lines.len() == before {
        lines.push(Line::Attendance {
            label: format!("{}:", label(Label::Present, lang)),
            text: lang
                .pick("none recorded.", "dim wedi'u cofnodi.")
                .to_string(),
        });
    }
    let apologies: Vec<uuid::Uuid> = rec
        .attendance
        .iter()
        .filter(|a| a.status == AttendanceStatus::Apologies)
        .map(|a| a.person_id)
        .collect();
    lines.push(Line::Attendance {
        label: format!("{}:", label(Label::Apologies, lang)),
        text: if apologies.is_empty() {
            lang.pick("none.", "dim.").to_string()
        } else {
            format!("{}.", people_list(&names_of(rec, &apologies), lang))
        },
    });

    // Declarations, whips among them.
    lines.push(Line::SubHeading(if rec.body.whip_declarations_required {
        lang.pick(
            "Declarations of interest (including whipping declarations)",
            "Datganiadau o fuddiant (gan gynnwys datganiadau chwipio)",
        )
        .to_string()
    } else {
        label(Label::Declarations, lang).to_string()
    }));
    if rec.declarations.is_empty() {
        lines.push(Line::Paragraph(
            label(Label::NoDeclarations, lang).to_string(),
        ));
    }
    for d in &rec.declarations {
        lines.push(Line::Paragraph(declaration_sentence(rec, d, lang)));
    }

    // The decisions.
    lines.push(Line::SubHeading(
        lang.pick("Decisions", "Penderfyniadau").to_string(),
    ));
    let mut any = false;
    for m in rec.minutes.iter().filter(|m| !m.resolutions.is_empty()) {
        let item = m
            .minute
            .agenda_item_id
            .and_then(|id| rec.agenda.iter().find(|a| a.id == id));
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
        any = true;
        if is_exempt(rec, m) {
            lines.push(Line::Paragraph(
                lang.pick(
                    "This item was considered in private. Its decision is not included in this notice because it would disclose exempt information (Schedule 12A to the Local Government Act 1972).",
                    "Ystyriwyd yr eitem hon yn breifat. Nid yw ei phenderfyniad wedi'i gynnwys yn yr hysbysiad hwn am y byddai'n datgelu gwybodaeth eithriedig (Atodlen 12A Deddf Llywodraeth Leol 1972).",
                )
                .to_string(),
            ));
            continue;
        }
        lines.extend(notice_decision_lines(rec, m, lang));
    }
    if !any {
        lines.push(Line::Paragraph(
            lang.pick(
                "No decisions were taken at this meeting.",
                "Ni wnaed unrhyw benderfyniadau yn y cyfarfod hwn.",
            )
            .to_string(),
        ));
    }

    lines.push(Line::Attendance {
        label: format!("{}:", lang.pick("Date of publication", "Dyddiad cyhoeddi")),
        text: long_date(published_on, lang),
    });
    lines.push(Line::Paragraph(
        lang.pick(
            "This notice is published under section 100C(1C) of the Local Government Act 1972, as added by the Local Government and Elections (Wales) Act 2021. It records who attended the meeting, the apologies and declarations of interest received and the decisions taken, with the outcome of any vote. Decisions whose publication would disclose exempt information are excluded.",
            "Cyhoeddir yr hysbysiad hwn o dan adran 100C(1C) Deddf Llywodraeth Leol 1972, fel y'i hychwanegwyd gan Ddeddf Llywodraeth Leol ac Etholiadau (Cymru) 2021. Mae'n cofnodi pwy a oedd yn bresennol yn y cyfarfod, yr ymddiheuriadau a'r datganiadau o fuddiant a gafwyd a'r penderfyniadau a wnaed, gyda chanlyniad unrhyw bleidlais. Ni chynhwysir penderfyniadau y byddai eu cyhoeddi yn datgelu gwybodaeth eithriedig.",
        )
        .to_string(),
    ));
    if matches!(
        rec.meeting.minutes_status,
        MinutesStatus::Drafting | MinutesStatus::DraftPublished
    ) {
        lines.push(Line::Paragraph(
            lang.pick(
                "The minutes of the meeting, which record the decisions in full, are subject to approval at a later meeting.",
                "Mae cofnodion y cyfarfod, sy'n cofnodi'r penderfyniadau'n llawn, yn amodol ar gael eu cymeradwyo mewn cyfarfod diweddarach.",
            )
            .to_string(),
        ));
    }

    MinutesDocument {
        language: lang,
        bilingual: false,
        visibility: Visibility::Public,
        draft: false,
        running_head: format!("{title} \u{2013} {body}, {date}"),
        title: format!("{title} \u{2013} {body} \u{2013} {date}"),
        author: authority,
        lines,
        minute_book_start: None,
    }
}
