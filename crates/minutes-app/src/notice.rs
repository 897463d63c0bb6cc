//! The notice of decisions (s.100C(1C) LGA 1972) and the authority's working days it is
//! counted in: printing it, marking it published, the notices due and overdue, and the
//! authority's own days.

use std::path::PathBuf;

use chrono::NaiveDate;
use minutes_core::notice::decisions_notice;
use minutes_core::render::to_text;
use minutes_core::{
    AuthorityDay, CalendarYear, DayKind, DecisionsNoticeInfo, DomainError, Language, NoticeDue,
    NoticeState,
};
use uuid::Uuid;

use crate::{Council, FileKind, Output, Result, Save};

/// The notice as a tagged PDF or as plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeFormat {
    Pdf,
    Text,
}

impl Council {
    /// Prints a meeting's notice of decisions in `language` and hands it to `save`: dated the
    /// day it was marked published, or today when it is not yet (it is printed to be
    /// published). The path written, or `None`.
    pub fn print_decisions_notice(
        &self,
        meeting_id: Uuid,
        language: Language,
        format: NoticeFormat,
        save: Save,
    ) -> Result<Option<PathBuf>> {
        let rec = self.read(|s| Ok(s.meeting_record(meeting_id)?))?;
        let published_on = rec
            .decisions_notice
            .as_ref()
            .map(|n| n.published_on)
            .unwrap_or_else(|| self.today());
        let name = format!(
            "{} {} notice of decisions{}",
            rec.body.name_en,
            rec.meeting.date.format("%Y-%m-%d"),
            if language == Language::Cy {
                " (Cymraeg)"
            } else {
                ""
            }
        );
        let output = match format {
            NoticeFormat::Pdf => Output {
                bytes: minutes_pdf::decisions_notice_pdf(&rec, language, published_on)?,
                kind: FileKind::Pdf,
                name: format!("{name}.pdf"),
                title: "Save the notice of decisions as PDF",
                open: false,
            },
            NoticeFormat::Text => Output {
                bytes: to_text(&decisions_notice(&rec, language, published_on)).into_bytes(),
                kind: FileKind::Text,
                name: format!("{name}.txt"),
                title: "Save the notice of decisions as text",
                open: false,
            },
        };
        save(&output)
    }

    /// Records that a meeting's notice of decisions was published, on `on` (today when
    /// absent). Not on a day still to come, nor before the meeting; once only.
    pub fn mark_notice_published(
        &self,
        meeting_id: Uuid,
        on: Option<NaiveDate>,
    ) -> Result<DecisionsNoticeInfo> {
        let today = self.today();
        let on = on.unwrap_or(today);
        if on > today {
            return Err(DomainError::invalid(
                "Published on",
                format!("{on} is still to come: a notice is marked published once it is"),
            )
            .into());
        }
        self.write(|s| s.mark_notice_published(meeting_id, on))
    }

    /// Every meeting's notice of decisions as it stands today (the council's clock), newest
    /// meeting first.
    pub fn notices_due(&self) -> Result<Vec<NoticeDue>> {
        let today = self.today();
        self.write(|s| s.notices_due(today))
    }

    /// The notices still to publish that need attention today: overdue and due within three
    /// working days, the most pressing (earliest due) first.
    pub fn notices_needing_attention(&self) -> Result<Vec<NoticeDue>> {
        let mut list: Vec<NoticeDue> = self
            .notices_due()?
            .into_iter()
            .filter(|n| matches!(n.state, NoticeState::Overdue | NoticeState::DueSoon))
            .collect();
        list.sort_by_key(|n| (n.due, n.date));
        Ok(list)
    }

    /// One year's working-day calendar: the bank holidays and the authority's own days.
    pub fn calendar_year(&self, year: i32) -> Result<CalendarYear> {
        self.write(|s| s.calendar_year(year))
    }

    /// The authority's own days, in date order.
    pub fn authority_days(&self) -> Result<Vec<AuthorityDay>> {
        self.write(|s| s.authority_days())
    }

    /// Records a weekday the offices close (not a bank holiday) or a bank holiday they open.
    pub fn set_authority_day(
        &self,
        day: NaiveDate,
        kind: DayKind,
        name: &str,
    ) -> Result<AuthorityDay> {
        self.write(|s| s.set_authority_day(day, kind, name))
    }

    /// Clears one of the authority's own days.
    pub fn clear_authority_day(&self, day: NaiveDate) -> Result<()> {
        self.write(|s| s.clear_authority_day(day))
    }
}
