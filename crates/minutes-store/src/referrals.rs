//! Referrals of resolutions to other bodies, followed until they are answered and closed.

use chrono::NaiveDate;
use minutes_core::input::*;
use minutes_core::validate::{optional_line, MAX_TITLE};
use minutes_core::*;
use rusqlite::params;
use uuid::Uuid;

use crate::read::{body, meeting, minute, referral, referral_row, resolution};
use crate::rows::{new_id, opt, s};
use crate::{Result, Store};

impl Store {
    /// Refers a resolution (or, with no resolution, a matter coming in from another body)
    /// to a body in the system or an outside body.
    pub fn add_referral(&mut self, n: &NewReferral) -> Result<Referral> {
        let to_external = optional_line("Outside body", &n.to_external, MAX_TITLE)?;
        if n.to_body_id.is_some() != to_external.is_empty() {
            return Err(DomainError::invalid(
                "Referred to",
                "choose either a body of the council or name an outside body",
            )
            .into());
        }
        let due = n
            .response_due
            .unwrap_or_else(|| referral::response_due(n.sent_on, n.purpose));
        if due < n.sent_on {
            return Err(DomainError::invalid(
                "Response due",
                "is before the date the referral was sent",
            )
            .into());
        }
        self.write(|tx| {
            let from_body_id = match (n.resolution_id, n.from_body_id) {
                (Some(rid), _) => {
                    let r = resolution(tx, rid)?;
                    let meeting_id: String =
                        tx.query_row("SELECT meeting_id FROM minute WHERE id = ?1", [s(r.minute_id)], |row| row.get(0))?;
                    let mid = Uuid::parse_str(&meeting_id).map_err(|_| DomainError::not_found("Meeting", &meeting_id))?;
                    meeting(tx, mid)?.body_id
                }
                (None, Some(b)) => body(tx, b)?.id,
                (None, None) => {
                    return Err(DomainError::invalid("Referred from", "say which body the referral comes from").into())
                }
            };
            if let Some(to) = n.to_body_id {
                body(tx, to).map_err(|_| DomainError::not_found("Body to refer to", to))?;
                if to == from_body_id {
                    return Err(DomainError::invalid("Referred to", "a body cannot refer a matter to itself").into());
                }
            }
            let r = Referral {
                id: new_id(),
                resolution_id: n.resolution_id,
                from_body_id,
                to_body_id: n.to_body_id,
                to_external: to_external.clone(),
                purpose: n.purpose,
                sent_on: n.sent_on,
                response_due: due,
                status: ReferralStatus::Issued,
                target_meeting_id: None,
                target_minute_id: None,
                outcome: None,
                response_text: String::new(),
                reported_back_meeting_id: None,
                closed_on: None,
            };
            tx.execute(
                "INSERT INTO referral (id, resolution_id, from_body_id, to_body_id, to_external, purpose, sent_on, response_due)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    s(r.id), opt(r.resolution_id), s(r.from_body_id), opt(r.to_body_id), r.to_external,
                    r.purpose.as_str(), r.sent_on, r.response_due
                ],
            )?;
            Ok(r)
        })
    }

    /// Moves a referral one step along its lifecycle.
    pub fn advance_referral(&mut self, referral_id: Uuid, step: &ReferralStep) -> Result<Referral> {
        self.write(|tx| {
            let r = referral(tx, referral_id)?;
            let to = match step {
                ReferralStep::Schedule { .. } => ReferralStatus::Scheduled,
                ReferralStep::Consider { .. } => ReferralStatus::Considered,
                ReferralStep::ReportBack { .. } => ReferralStatus::ReportedBack,
                ReferralStep::Close { .. } => ReferralStatus::Closed,
            };
            referral::check_move(r.status, to)?;
            match step {
                ReferralStep::Schedule { meeting_id } => {
                    let m = meeting(tx, *meeting_id)?;
                    if Some(m.body_id) != r.to_body_id {
                        return Err(DomainError::Conflict("the referral can only be scheduled at a meeting of the body it was referred to".into()).into());
                    }
                    tx.execute(
                        "UPDATE referral SET status = 'scheduled', target_meeting_id = ?2 WHERE id = ?1",
                        params![s(referral_id), s(*meeting_id)],
                    )?;
                }
                ReferralStep::Consider { outcome, response_text, meeting_id, minute_id } => {
                    let text = minutes_core::validate::text("Response", response_text, false)?;
                    let mut at_meeting = *meeting_id;
                    if let Some(min) = minute_id {
                        let m = minute(tx, *min)?;
                        if meeting_id.is_some_and(|mid| mid != m.meeting_id) {
                            return Err(DomainError::Conflict("the target's minute is not a minute of the meeting given".into()).into());
                        }
                        at_meeting = Some(m.meeting_id);
                    }
                    if let Some(mid) = at_meeting {
                        let m = meeting(tx, mid)?;
                        if r.to_body_id.is_some_and(|to| to != m.body_id) {
                            return Err(DomainError::Conflict("the outcome is recorded at a meeting of the body the referral was made to".into()).into());
                        }
                    }
                    // A deferred referral is scheduled again afterwards with another Schedule step.
                    tx.execute(
                        "UPDATE referral SET status = 'considered', outcome = ?2, response_text = ?3,
                           target_meeting_id = coalesce(?4, target_meeting_id), target_minute_id = coalesce(?5, target_minute_id)
                         WHERE id = ?1",
                        params![s(referral_id), outcome.as_str(), text, opt(at_meeting), opt(*minute_id)],
                    )?;
                }
                ReferralStep::ReportBack { meeting_id } => {
                    let m = meeting(tx, *meeting_id)?;
                    if m.body_id != r.from_body_id {
                        return Err(DomainError::Conflict("a referral is reported back at a meeting of the body that made it".into()).into());
                    }
                    tx.execute(
                        "UPDATE referral SET status = 'reported_back', reported_back_meeting_id = ?2 WHERE id = ?1",
                        params![s(referral_id), s(*meeting_id)],
                    )?;
                }
                ReferralStep::Close { on } => {
                    tx.execute(
                        "UPDATE referral SET status = 'closed', closed_on = ?2 WHERE id = ?1",
                        params![s(referral_id), on],
                    )?;
                }
            }
            referral(tx, referral_id)
        })
    }

    pub fn referral(&self, referral_id: Uuid) -> Result<Referral> {
        referral(self.conn(), referral_id)
    }

    /// Referrals still waiting for the target body whose response was due before `today`.
    pub fn overdue_referrals(&self, today: NaiveDate) -> Result<Vec<Referral>> {
        let mut st = self.conn().prepare(
            "SELECT * FROM referral WHERE status IN ('issued', 'scheduled') AND response_due < ?1 ORDER BY response_due",
        )?;
        let rows = st.query_map([today], referral_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
