//! The recommendation tracker report: every recommendation a body referred in a period, with
//! where it stands, the answer and its progress (the quarterly "decision tracking" report
//! councils take to scrutiny). [`tracker_document`] decides the wording; the PDF crate prints
//! the lines as they are.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::house_style::{ensure_full_stop, limb_text, long_date};
use crate::labels::{self, label, Label};
use crate::model::*;
use crate::register::{ReferralChain, ReferralUrgency};
use crate::render::{Line, MinutesDocument, Visibility};

/// The tracker of one body for a period, as the store assembles it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrackerReport {
    pub authority: Authority,
    pub body: Body,
    /// The period: referrals sent on or after `from` and on or before `to`.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The day the report was produced; "overdue" is judged on it.
    pub produced: NaiveDate,
    /// The council's own title; `None` prints the standard one.
    #[ts(optional = nullable)]
    pub title: Option<String>,
    /// The referrals in the order they were sent.
    pub entries: Vec<ReferralChain>,
    /// The vote on each recommendation and the call-in it belongs to, where there is one
    /// (by referral). Older callers leave it empty.
    #[serde(default)]
    pub decisions: Vec<TrackerDecision>,
}

impl TrackerReport {
    /// What the report knows of a referral's vote and call-in.
    pub fn decision(&self, referral_id: Uuid) -> Option<&TrackerDecision> {
        self.decisions.iter().find(|d| d.referral_id == referral_id)
    }
}

/// The vote on a tracked recommendation and the call-in it belongs to: the call-in that issued
/// the referral (a scrutiny committee's referral back to Cabinet or to Council), or the
/// call-in of the Cabinet decision that made it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrackerDecision {
    pub referral_id: Uuid,
    /// The vote as the register gives it ("Carried (For 6, Against 2, Abstentions 1)"), with
    /// the names of a recorded vote as the minutes print them; in English and Welsh.
    #[ts(optional = nullable)]
    pub vote: Option<String>,
    #[ts(optional = nullable)]
    pub vote_cy: Option<String>,
    #[ts(optional = nullable)]
    pub call_in: Option<TrackerCallIn>,
}

/// A call-in as the tracker prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrackerCallIn {
    pub call_in: CallIn,
    /// The Cabinet minute called in, as printed ("C12"), and its meeting's date.
    pub cabinet_minute: String,
    pub cabinet_date: NaiveDate,
    /// The scrutiny meeting that considered (or will consider) it, and its minute.
    #[ts(optional = nullable)]
    pub scrutiny_meeting: Option<MeetingRef>,
    #[ts(optional = nullable)]
    pub scrutiny_minute: Option<String>,
    /// The day the Cabinet decision was implemented.
    #[ts(optional = nullable)]
    pub implemented_on: Option<NaiveDate>,
}

/// "Cabinet minute C12 of 19th December, 2025 – referred back to Cabinet, awaiting
/// reconsideration (Scrutiny Committee, 12th January, 2026, minute 5)"; Welsh "Cofnod C12 y
/// Cabinet dyddiedig ... – cyfeiriwyd yn ôl at y Cabinet, yn aros i'w ailystyried (...)" [K].
pub fn call_in_text(c: &TrackerCallIn, lang: Language) -> String {
    let date = long_date(c.cabinet_date, lang);
    let minute = c.cabinet_minute.trim();
    let mut t = lang.pick(
        format!("Cabinet minute {minute} of {date}"),
        format!("Cofnod {minute} y Cabinet dyddiedig {date}"),
    );
    t.push_str(&format!(
        " \u{2013} {}",
        crate::call_in::status_text(&c.call_in, lang)
    ));
    if let Some(m) = &c.scrutiny_meeting {
        t.push_str(&format!(
            " ({})",
            meeting_text(
                &pick(lang, &m.body_name, &m.body_name_cy),
                m.date,
                c.scrutiny_minute.as_deref(),
                lang
            )
        ));
    }
    t
}

/// The counts at the head of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrackerSummary {
    pub total: u32,
    /// Still waiting for the target body (issued or scheduled).
    pub awaiting: u32,
    /// Of those waiting, the ones past their due date.
    pub overdue: u32,
    /// Answered by the target body (considered or reported back), not yet closed.
    pub considered: u32,
    pub closed: u32,
    pub accepted: u32,
    pub accepted_in_part: u32,
    pub not_accepted: u32,
    pub noted: u32,
    pub deferred: u32,
    pub referred_back: u32,
}

impl TrackerSummary {
    /// The outcomes in the order printed, with their counts.
    pub fn outcomes(&self) -> [(ReferralOutcome, u32); 6] {
        use ReferralOutcome::*;
        [
            (Accepted, self.accepted),
            (AcceptedInPart, self.accepted_in_part),
            (NotAccepted, self.not_accepted),
            (Noted, self.noted),
            (Deferred, self.deferred),
            (ReferredBack, self.referred_back),
        ]
    }
}

/// Counts the entries by status, overdue and outcome.
pub fn tracker_summary(entries: &[ReferralChain]) -> TrackerSummary {
    let mut s = TrackerSummary::default();
    for c in entries {
        s.total += 1;
        match c.referral.status {
            ReferralStatus::Issued | ReferralStatus::Scheduled => {
                s.awaiting += 1;
                if is_overdue(c) {
                    s.overdue += 1;
                }
            }
            ReferralStatus::Considered | ReferralStatus::ReportedBack => s.considered += 1,
            ReferralStatus::Closed => s.closed += 1,
        }
        let count = match c.referral.outcome {
            Some(ReferralOutcome::Accepted) => &mut s.accepted,
            Some(ReferralOutcome::AcceptedInPart) => &mut s.accepted_in_part,
            Some(ReferralOutcome::NotAccepted) => &mut s.not_accepted,
            Some(ReferralOutcome::Noted) => &mut s.noted,
            Some(ReferralOutcome::Deferred) => &mut s.deferred,
            Some(ReferralOutcome::ReferredBack) => &mut s.referred_back,
            None => continue,
        };
        *count += 1;
    }
    s
}

fn is_overdue(c: &ReferralChain) -> bool {
    c.urgency == Some(ReferralUrgency::Overdue)
}

/// A text kept in both languages, trimmed as printed.
fn pick(lang: Language, en: &str, cy: &str) -> String {
    lang.text(en, cy).trim().to_string()
}

/// "1st April, 2025 to 30th June, 2025".
pub fn period_text(from: NaiveDate, to: NaiveDate, lang: Language) -> String {
    format!(
        "{} {} {}",
        long_date(from, lang),
        label(Label::PeriodTo, lang),
        long_date(to, lang)
    )
}

/// "Cabinet, 26th January, 2015, minute C116".
fn meeting_text(body: &str, date: NaiveDate, minute: Option<&str>, lang: Language) -> String {
    let mut t = format!("{body}, {}", long_date(date, lang));
    if let Some(m) = minute.filter(|m| !m.trim().is_empty()) {
        t.push_str(&format!(
            ", {} {}",
            label(Label::MinuteWord, lang),
            m.trim()
        ));
    }
    t
}

fn field(l: Label, lang: Language, text: String) -> Line {
    Line::Field {
        label: format!("{}:", label(l, lang)),
        text,
    }
}

/// Where the referral stands, with "OVERDUE" and the days late when it is.
pub fn status_text(c: &ReferralChain, lang: Language) -> String {
    let r = &c.referral;
    let mut t = match r.status {
        ReferralStatus::Issued => label(Label::StatusIssued, lang).to_string(),
        ReferralStatus::Scheduled => {
            let mut t = label(Label::StatusScheduled, lang).to_string();
            if let Some(m) = &c.target_meeting {
                t.push_str(&format!(
                    ": {}",
                    meeting_text(
                        &pick(lang, &m.body_name, &m.body_name_cy),
                        m.date,
                        None,
                        lang
                    )
                ));
            }
            t
        }
        ReferralStatus::Considered => label(Label::Considered, lang).to_string(),
        ReferralStatus::ReportedBack => label(Label::StatusReportedBack, lang).to_string(),
        ReferralStatus::Closed => label(Label::Closed, lang).to_string(),
    };
    if is_overdue(c) {
        let late = c.days_left.unsigned_abs();
        let days = if late == 1 {
            label(Label::DayLate, lang).to_string()
        } else {
            label(Label::DaysLate, lang).replace("{n}", &late.to_string())
        };
        t.push_str(&format!(
            " \u{2013} {}, {days}",
            label(Label::Overdue, lang)
        ));
    }
    t
}

/// The lines of one entry: the minute it came from, the recommendation, then its fields.
fn entry_lines(
    c: &ReferralChain,
    decision: Option<&TrackerDecision>,
    lang: Language,
    lines: &mut Vec<Line>,
) {
    let r = &c.referral;
    match &c.source {
        Some(src) => {
            lines.push(Line::MinuteHeading {
                number: format!("{}({})", src.minute.label.trim(), src.limb),
                heading: pick(lang, &src.minute.heading, &src.minute.heading_cy),
            });
            lines.push(Line::Field {
                label: String::new(),
                text: format!(
                    "{} \u{2013} {}",
                    labels::keyword(src.keyword, lang),
                    limb_text(&pick(lang, &src.text, &src.text_cy), None, lang)
                ),
            });
            // The body is the report's own: its meeting's date is enough.
            lines.push(field(
                Label::Meeting,
                lang,
                long_date(src.minute.date, lang),
            ));
            let vote = decision.and_then(|d| lang.pick(d.vote.as_ref(), d.vote_cy.as_ref()));
            if let Some(v) = vote.filter(|v| !v.trim().is_empty()) {
                lines.push(Line::Field {
                    label: lang.pick("Vote:", "Pleidlais:").into(),
                    text: v.trim().to_string(),
                });
            }
        }
        None => lines.push(Line::MinuteHeading {
            number: "\u{2013}".into(),
            heading: label(Label::NoResolution, lang).to_string(),
        }),
    }
    lines.push(field(
        Label::ReferredTo,
        lang,
        format!(
            "{} ({})",
            pick(lang, &c.to, &c.to_cy),
            labels::purpose(r.purpose, lang)
        ),
    ));
    lines.push(field(Label::Sent, lang, long_date(r.sent_on, lang)));
    lines.push(field(
        Label::ResponseDue,
        lang,
        long_date(r.response_due, lang),
    ));
    lines.push(field(Label::Status, lang, status_text(c, lang)));
    if let Some(o) = r.outcome {
        lines.push(field(
            Label::Outcome,
            lang,
            labels::outcome(o, lang).to_string(),
        ));
    }
    let mut paragraphs = r
        .response_text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty());
    // The response on the full width under its label: it may run to pages.
    if let Some(first) = paragraphs.next() {
        lines.push(field(Label::Response, lang, String::new()));
        for p in std::iter::once(first).chain(paragraphs) {
            lines.push(Line::Field {
                label: String::new(),
                text: ensure_full_stop(p),
            });
        }
    }
    if let Some(m) = c.target_meeting.as_ref().filter(|_| r.outcome.is_some()) {
        let minute = c.target_minute.as_ref().map(|m| m.label.as_str());
        lines.push(field(
            Label::ConsideredAt,
            lang,
            meeting_text(
                &pick(lang, &m.body_name, &m.body_name_cy),
                m.date,
                minute,
                lang,
            ),
        ));
    }
    // Reported back to this body: the date is enough.
    if let Some(m) = &c.reported_back {
        lines.push(field(Label::ReportedBack, lang, long_date(m.date, lang)));
    }
    if let Some(d) = r.closed_on {
        lines.push(field(Label::Closed, lang, long_date(d, lang)));
    }
    if let Some(ci) = decision.and_then(|d| d.call_in.as_ref()) {
        lines.push(Line::Field {
            label: lang.pick("Call-in:", "Galw i mewn:").into(),
            text: call_in_text(ci, lang),
        });
        if let Some(d) = ci.implemented_on {
            lines.push(Line::Field {
                label: lang.pick("Implemented:", "Rhoddwyd ar waith:").into(),
                text: long_date(d, lang),
            });
        }
    }
}

/// The summary's fields: totals by status, overdue, and the outcomes received.
fn summary_lines(s: &TrackerSummary, lang: Language, lines: &mut Vec<Line>) {
    lines.push(Line::SubHeading(label(Label::Summary, lang).to_string()));
    lines.push(field(Label::Recommendations, lang, s.total.to_string()));
    lines.push(field(
        Label::AwaitingResponse,
        lang,
        format!(
            "{} ({} {})",
            s.awaiting,
            s.overdue,
            label(Label::OverdueCount, lang)
        ),
    ));
    lines.push(field(Label::Considered, lang, s.considered.to_string()));
    lines.push(field(Label::Closed, lang, s.closed.to_string()));
    let outcomes: Vec<String> = s
        .outcomes()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(o, n)| {
            let o = labels::outcome(o, lang);
            lang.pick(format!("{n} {}", o.to_lowercase()), format!("{o}: {n}"))
        })
        .collect();
    lines.push(field(
        Label::Outcomes,
        lang,
        if outcomes.is_empty() {
            label(Label::NoneYet, lang).to_string()
        } else {
            outcomes.join(lang.pick(", ", "; "))
        },
    ));
}

/// The tracker as printed lines, in `lang`: authority, body, title, period and date produced,
/// the summary of counts, then one entry per recommendation in the order sent.
pub fn tracker_document(report: &TrackerReport, lang: Language) -> MinutesDocument {
    let authority = pick(lang, &report.authority.name_en, &report.authority.name_cy);
    let body = pick(lang, &report.body.name_en, &report.body.name_cy);
    let title = report
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or(label(Label::TrackerTitle, lang))
        .to_string();
    let period = period_text(report.from, report.to, lang);
    let mut lines = vec![
        Line::Authority(authority.clone()),
        Line::Body(body.clone()),
        Line::Body(title.clone()),
        Line::Title(period.clone()),
        Line::Attendance {
            label: format!("{}:", label(Label::DateProduced, lang)),
            text: long_date(report.produced, lang),
        },
    ];
    lines.extend(crate::render::notice_line(&report.authority, lang));
    summary_lines(&tracker_summary(&report.entries), lang, &mut lines);
    if report.entries.is_empty() {
        lines.push(Line::Paragraph(
            label(Label::NoRecommendations, lang).to_string(),
        ));
    }
    for c in &report.entries {
        entry_lines(c, report.decision(c.referral.id), lang, &mut lines);
    }
    MinutesDocument {
        language: lang,
        bilingual: false,
        visibility: Visibility::Public,
        draft: false,
        running_head: format!("{body} \u{2013} {period}"),
        title: format!("{title} \u{2013} {body} \u{2013} {period}"),
        author: authority,
        lines,
        minute_book_start: None,
    }
}
