//! The agenda pack's data: the authority's pack wording, the meeting's front-sheet details,
//! and the packs issued (the agenda, then any supplements) with the pages each report took.
//! The PDF crate prints a pack from a [`PackInput`]; the store assembles one for a meeting.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

// The page map is part of the meeting record, so its types live in the model.
pub use crate::model::{PackIssue, PackedDocument};

use crate::house_style::long_date;
use crate::model::{Jurisdiction, Language, MeetingRecord};

/// The authority's own words on every agenda pack's front sheet, in English and Welsh.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PackSettings {
    /// "Public Document Pack", or the council's wording.
    pub pack_title_en: String,
    pub pack_title_cy: String,
    /// How to ask for the papers in another format, hearing loops, step-free access...
    pub accessibility_en: String,
    pub accessibility_cy: String,
    /// The Welsh-language line: contributions in Welsh welcome, simultaneous translation.
    pub welsh_language_en: String,
    pub welsh_language_cy: String,
}

impl Default for PackSettings {
    fn default() -> Self {
        Self {
            pack_title_en: "Public Document Pack".into(),
            pack_title_cy: "Pecyn Dogfennau Cyhoeddus".into(),
            accessibility_en: String::new(),
            accessibility_cy: String::new(),
            welsh_language_en: String::new(),
            welsh_language_cy: String::new(),
        }
    }
}

/// The front-sheet details of one meeting's agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeetingPackInfo {
    pub meeting_id: Uuid,
    /// "Sarah Jones, Democratic Services Officer".
    pub contact_officer: String,
    /// Telephone and email, as printed.
    pub contact_details: String,
    /// The date of issue printed on the front sheet; `None` until the agenda is published
    /// (the pack then prints today's date).
    pub agenda_published_on: Option<NaiveDate>,
}

impl MeetingPackInfo {
    pub fn empty(meeting_id: Uuid) -> Self {
        Self {
            meeting_id,
            contact_officer: String::new(),
            contact_details: String::new(),
            agenda_published_on: None,
        }
    }
}

/// What a supplement carries: reports added after the agenda was published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SupplementInput {
    /// 1 for the first supplement.
    pub number: u32,
    /// The page number its first page takes: one after the last page already issued.
    pub first_page: u32,
    /// The documents it carries, in agenda order.
    pub documents: Vec<Uuid>,
}

/// Everything an agenda pack is printed from. The reports' bytes are not here: the printer
/// asks for each one in turn while merging, so that no report is held twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PackInput {
    pub record: MeetingRecord,
    pub settings: PackSettings,
    pub info: MeetingPackInfo,
    /// `None` for the agenda pack; set for a supplement.
    pub supplement: Option<SupplementInput>,
}

/// Clear days between publication and the meeting: the day of publication and the day of
/// the meeting are not counted, nor Saturdays and Sundays (domain reference 1.2, check 17).
pub fn clear_days(published: NaiveDate, meeting: NaiveDate) -> u32 {
    published
        .iter_days()
        .skip(1)
        .take_while(|d| *d < meeting)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .count() as u32
}

/// The clear days of notice the law requires: 3 in Wales, 5 in England.
pub fn notice_days(j: Jurisdiction) -> u32 {
    match j {
        Jurisdiction::Wales => 3,
        Jurisdiction::England => 5,
    }
}

/// What the clerk is told when the agenda (issued on the date it was published, else `today`)
/// gives fewer clear days' notice than the law requires; `None` when it gives enough, and for
/// a supplement.
pub fn notice_warning(input: &PackInput, today: NaiveDate) -> Option<String> {
    if input.supplement.is_some() {
        return None;
    }
    let published = input.info.agenda_published_on.unwrap_or(today);
    let need = notice_days(input.record.authority.jurisdiction);
    let have = clear_days(published, input.record.meeting.date);
    (have < need).then(|| {
        format!(
            "The agenda is issued on {} with {have} clear days' notice; {need} are required.",
            long_date(published, Language::En)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 9, day).unwrap()
    }

    #[test]
    fn clear_days_follow_the_welsh_rule() {
        // Thursday 17th September 2026: published Friday 11th gives Mon-Wed, 3 clear days.
        assert_eq!(d(17).weekday(), Weekday::Thu);
        assert_eq!(clear_days(d(11), d(17)), 3);
        assert!(clear_days(d(11), d(17)) >= notice_days(Jurisdiction::Wales));
        // Published Monday 14th: Tuesday and Wednesday only.
        assert_eq!(clear_days(d(14), d(17)), 2);
        assert!(clear_days(d(11), d(17)) < notice_days(Jurisdiction::England));
        assert_eq!(clear_days(d(17), d(17)), 0);
        assert_eq!(clear_days(d(18), d(17)), 0);
    }
}

/// How far printing an agenda pack has gone: sent to the window after each report is merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PackProgressEvent {
    /// Reports merged so far.
    pub done: u32,
    /// Reports to merge in all.
    pub total: u32,
    /// The report just merged ("" before the first).
    pub title: String,
}

/// What "Print agenda pack" does with the pack it prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PackAction {
    /// A copy of the whole pack; nothing is recorded.
    Print,
    /// The whole pack, recorded as issued today once it is saved (the agenda's date of issue).
    Issue,
    /// The next supplement: the reports attached since the last pack was issued, numbered on
    /// from its last page, recorded as issued once it is saved.
    Supplement,
}

/// What the window asks of "Print agenda pack".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PackRequest {
    pub meeting_id: Uuid,
    pub welsh: bool,
    /// Both languages, Welsh first (the front sheet, then each agenda item's Welsh title
    /// above its English one). Older windows do not send it.
    #[serde(default)]
    #[ts(optional)]
    pub bilingual: Option<bool>,
    /// The confidential pack, with the part 2 reports.
    pub confidential: bool,
    pub action: PackAction,
    /// The window's own number for this print, which "Cancel" names.
    pub print_job: u32,
}
