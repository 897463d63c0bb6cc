//! Executive decisions and call-in (migration 13): a Cabinet limb's statement (R18), its
//! call-in window (R20), members' requests to call it in, their acceptance as a "(call-in)"
//! item of a scrutiny meeting, the scrutiny committee's outcome, Cabinet's reconsideration,
//! and the day the decision was implemented.
//!
//! The library checks each rule first, so the refusal names the day or the call-in; the
//! triggers of migration 13 refuse the same whatever writes to the file.

use chrono::{Days, NaiveDate};
use minutes_core::call_in::*;
use minutes_core::input::{NewAgendaItem, NewReferral};
use minutes_core::validate::{optional_line, text, MAX_NAME};
use minutes_core::*;
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use crate::read::{
    authority, body, call_in, call_ins_where, executive_decision, implementation, meeting, minute,
    resolution,
};
use crate::rows::{id, new_id, opt, s};
use crate::{Result, Store};

fn not_executive(resolution_id: Uuid) -> StoreErr {
    DomainError::Conflict(format!(
        "resolution {resolution_id} is not recorded as an executive decision of Cabinet"
    ))
    .into()
}

type StoreErr = crate::StoreError;

/// Whether a call-in holds up implementation, and why, in words.
fn pending_reason(c: &CallIn) -> Option<String> {
    if !pending(c) {
        return None;
    }
    Some(format!(
        "a call-in requested on {} is {}",
        c.requested_on,
        status_words(c)
    ))
}

impl Store {
    /// Records (or changes) a Cabinet limb's executive-decision fields, computing the call-in
    /// period's last day from the authority's number of working days (none when urgent).
    pub fn set_executive_decision(
        &mut self,
        resolution_id: Uuid,
        n: &ExecutiveDecisionInput,
    ) -> Result<ExecutiveDecision> {
        let options_rejected = text(
            "Options considered and rejected",
            &n.options_rejected,
            false,
        )?;
        let consultation = text("Consultation undertaken", &n.consultation, false)?;
        let interests = text("Interests and dispensations", &n.interests, false)?;
        let urgent_agreed_by =
            optional_line("Scrutiny chair who agreed", &n.urgent_agreed_by, MAX_NAME)?;
        if n.urgent && (urgent_agreed_by.is_empty() || n.urgent_agreed_on.is_none()) {
            return Err(DomainError::invalid(
                "Urgent decision",
                "give the name of the scrutiny chair who agreed there would be no call-in, and the date they agreed",
            )
            .into());
        }
        let calendar = self.calendar()?;
        self.write(|tx| {
            let res = resolution(tx, resolution_id)?;
            let min = minute(tx, res.minute_id)?;
            let m = meeting(tx, min.meeting_id)?;
            if body(tx, m.body_id)?.kind != BodyKind::Cabinet {
                return Err(DomainError::Conflict(
                    "only a resolution of a Cabinet meeting is an executive decision".into(),
                )
                .into());
            }
            let published_on = match n.published_on {
                Some(d) => d,
                None => m.date.checked_add_days(Days::new(1)).unwrap_or(m.date),
            };
            if published_on < m.date {
                return Err(DomainError::invalid(
                    "Published on",
                    format!("{published_on} is before the meeting of {}", m.date),
                )
                .into());
            }
            let days = authority(tx)?.call_in_days();
            let call_in_ends = (!n.urgent).then(|| calendar.working_days_after(published_on, days));
            let d = ExecutiveDecision {
                resolution_id,
                meeting_id: m.id,
                key_decision: n.key_decision,
                options_rejected,
                consultation,
                interests,
                published_on,
                call_in_ends,
                urgent: n.urgent,
                urgent_agreed_by: if n.urgent { urgent_agreed_by } else { String::new() },
                urgent_agreed_on: if n.urgent { n.urgent_agreed_on } else { None },
            };
            if let Some(old) = executive_decision(tx, resolution_id)? {
                let called_in: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM call_in WHERE resolution_id = ?1)",
                    [s(resolution_id)],
                    |r| r.get(0),
                )?;
                if called_in
                    && (old.urgent != d.urgent
                        || old.published_on != d.published_on
                        || old.call_in_ends != d.call_in_ends)
                {
                    return Err(DomainError::Conflict(
                        "this decision has been called in: its publication date, call-in period and urgency can no longer change".into(),
                    )
                    .into());
                }
                tx.execute(
                    "UPDATE executive_decision SET key_decision = ?2, options_rejected = ?3, consultation = ?4,
                       interests = ?5, published_on = ?6, call_in_ends = ?7, urgent = ?8, urgent_agreed_by = ?9,
                       urgent_agreed_on = ?10 WHERE resolution_id = ?1",
                    params![
                        s(resolution_id), d.key_decision, d.options_rejected, d.consultation, d.interests,
                        d.published_on, d.call_in_ends, d.urgent, d.urgent_agreed_by, d.urgent_agreed_on
                    ],
                )?;
            } else {
                insert_executive(tx, &d)?;
            }
            Ok(d)
        })
    }

    /// A limb's executive-decision fields, if it is one.
    pub fn executive_decision(&self, resolution_id: Uuid) -> Result<Option<ExecutiveDecision>> {
        executive_decision(self.conn(), resolution_id)
    }

    /// Members request a call-in of a decision: within its window, not urgent, by at least as
    /// many members of the council as the constitution needs.
    pub fn request_call_in(&mut self, n: &NewCallIn) -> Result<CallIn> {
        let grounds = text("Grounds for the call-in", &n.grounds, true)?;
        self.write(|tx| {
            let d = executive_decision(tx, n.resolution_id)?
                .ok_or_else(|| not_executive(n.resolution_id))?;
            if d.urgent {
                return Err(DomainError::Conflict(format!(
                    "this decision cannot be called in: it was urgent, for immediate implementation, and {} agreed there would be no call-in",
                    d.urgent_agreed_by
                ))
                .into());
            }
            if let Some(end) = d.call_in_ends {
                if n.requested_on > end {
                    return Err(DomainError::Conflict(format!(
                        "the call-in period of this decision ended on {end}; a call-in requested on {} is too late",
                        n.requested_on
                    ))
                    .into());
                }
            }
            if n.requested_on < d.published_on {
                return Err(DomainError::Conflict(format!(
                    "the decision was published on {}; it cannot be called in before then",
                    d.published_on
                ))
                .into());
            }
            if implementation(tx, n.resolution_id)?.is_some() {
                return Err(DomainError::Conflict("this decision has already been implemented".into()).into());
            }
            let mut members = n.members.clone();
            members.sort();
            members.dedup();
            let needed = authority(tx)?.call_in_members();
            if (members.len() as u32) < needed {
                return Err(DomainError::invalid(
                    "Members requesting the call-in",
                    format!(
                        "the constitution needs {needed} members to call a decision in; {} given",
                        members.len()
                    ),
                )
                .into());
            }
            for p in &members {
                let kind: Option<String> = tx
                    .query_row("SELECT kind FROM person WHERE id = ?1", [s(*p)], |r| r.get(0))
                    .optional()?;
                match kind.as_deref() {
                    None => return Err(DomainError::not_found("Member", p).into()),
                    Some("member") => {}
                    Some(_) => {
                        let name: String = tx.query_row(
                            "SELECT trim(honorific || ' ' || name) FROM person WHERE id = ?1",
                            [s(*p)],
                            |r| r.get(0),
                        )?;
                        return Err(DomainError::invalid(
                            "Members requesting the call-in",
                            format!("{name} is not a member of the council; only members can request a call-in"),
                        )
                        .into());
                    }
                }
            }
            let cid = new_id();
            tx.execute(
                "INSERT INTO call_in (id, resolution_id, meeting_id, requested_on, grounds) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![s(cid), s(n.resolution_id), s(d.meeting_id), n.requested_on, grounds],
            )?;
            for p in &members {
                tx.execute(
                    "INSERT INTO call_in_member (call_in_id, person_id) VALUES (?1, ?2)",
                    params![s(cid), s(*p)],
                )?;
            }
            call_in(tx, cid)
        })
    }

    /// The scrutiny chair (or Monitoring Officer) accepts a call-in, which becomes an item of
    /// the chosen scrutiny meeting ("{heading} (Cabinet minute C12)", tagged "call-in"), or
    /// rejects it.
    pub fn decide_call_in(&mut self, call_in_id: Uuid, d: &CallInDecision) -> Result<CallIn> {
        let (by, on) = match d {
            CallInDecision::Accept {
                decided_by,
                decided_on,
                ..
            }
            | CallInDecision::Reject {
                decided_by,
                decided_on,
                ..
            } => (decided_by, *decided_on),
        };
        let by = minutes_core::validate::required_line("Decided by", by, MAX_NAME)?;
        self.atomically(|store| {
            let c = call_in(store.conn(), call_in_id)?;
            if c.status != CallInStatus::Requested {
                return Err(DomainError::Conflict(format!(
                    "this call-in has already been {}",
                    status_words(&c)
                ))
                .into());
            }
            if on < c.requested_on {
                return Err(DomainError::invalid(
                    "Decided on",
                    format!("{on} is before the call-in was requested ({})", c.requested_on),
                )
                .into());
            }
            match d {
                CallInDecision::Reject { reason, .. } => {
                    let reason = text("Reason for rejecting", reason, true)?;
                    store.write(|tx| {
                        tx.execute(
                            "UPDATE call_in SET status = 'rejected', decided_by = ?2, decided_on = ?3, rejection_reason = ?4 WHERE id = ?1",
                            params![s(call_in_id), by, on, reason],
                        )?;
                        Ok(())
                    })?;
                }
                CallInDecision::Accept { scrutiny_meeting_id, .. } => {
                    let needed = authority(store.conn())?.call_in_members();
                    if (c.members.len() as u32) < needed {
                        return Err(DomainError::Conflict(format!(
                            "the constitution needs {needed} members to call a decision in; this request has {}",
                            c.members.len()
                        ))
                        .into());
                    }
                    let m = meeting(store.conn(), *scrutiny_meeting_id)?;
                    if body(store.conn(), m.body_id)?.kind != BodyKind::Scrutiny {
                        return Err(DomainError::Conflict(
                            "a call-in is considered by a scrutiny committee: choose one of its meetings".into(),
                        )
                        .into());
                    }
                    let res = resolution(store.conn(), c.resolution_id)?;
                    let min = minute(store.conn(), res.minute_id)?;
                    // The Cabinet item's Welsh title, where the minute keeps the item's title.
                    let heading_cy: Option<String> = match min.agenda_item_id {
                        Some(i) => store
                            .conn()
                            .query_row(
                                "SELECT title_cy FROM agenda_item WHERE id = ?1 AND title_en = ?2 AND title_cy <> ''",
                                params![s(i), min.heading],
                                |r| r.get(0),
                            )
                            .optional()?,
                        None => None,
                    };
                    let item = store.add_agenda_item(
                        *scrutiny_meeting_id,
                        &NewAgendaItem {
                            origin: ItemOrigin::CallIn,
                            tag: CALL_IN_TAG.into(),
                            title_cy: item_title_cy(
                                heading_cy.as_deref().unwrap_or(&min.heading),
                                &min.label,
                            ),
                            ..NewAgendaItem::report(&item_title(&min.heading, &min.label))
                        },
                    )?;
                    store.write(|tx| {
                        tx.execute(
                            "UPDATE call_in SET status = 'accepted', decided_by = ?2, decided_on = ?3,
                               scrutiny_meeting_id = ?4, agenda_item_id = ?5 WHERE id = ?1",
                            params![s(call_in_id), by, on, s(*scrutiny_meeting_id), s(item.id)],
                        )?;
                        Ok(())
                    })?;
                }
            }
            call_in(store.conn(), call_in_id)
        })
    }

    /// The scrutiny committee's outcome, from its minute of the call-in item. "Referred back"
    /// refers the decision to Cabinet with the committee's concerns; "referred to Council"
    /// refers it to Council.
    pub fn record_call_in_outcome(
        &mut self,
        call_in_id: Uuid,
        o: &CallInOutcomeInput,
        on: NaiveDate,
    ) -> Result<CallIn> {
        let concerns = text("Concerns", &o.concerns, false)?;
        if o.outcome != CallInOutcome::NoFurtherAction && concerns.is_empty() {
            return Err(DomainError::invalid(
                "Concerns",
                "say what concerns the committee refers on with the decision",
            )
            .into());
        }
        self.atomically(|store| {
            let c = call_in(store.conn(), call_in_id)?;
            if c.status != CallInStatus::Accepted {
                return Err(DomainError::Conflict(format!(
                    "only an accepted call-in awaiting the scrutiny committee can have its outcome recorded; this one is {}",
                    status_words(&c)
                ))
                .into());
            }
            let minute_id = match o.minute_id {
                Some(mid) => mid,
                None => store
                    .conn()
                    .query_row(
                        "SELECT id FROM minute WHERE agenda_item_id = ?1 ORDER BY position LIMIT 1",
                        [opt(c.agenda_item_id)],
                        |r| id(r, 0),
                    )
                    .optional()?
                    .ok_or_else(|| {
                        DomainError::Conflict(
                            "the call-in item has no minute yet: minute the item at the scrutiny meeting first".into(),
                        )
                    })?,
            };
            let min = minute(store.conn(), minute_id)?;
            if Some(min.meeting_id) != c.scrutiny_meeting_id {
                return Err(DomainError::Conflict(
                    "the outcome is recorded in a minute of the scrutiny meeting the call-in was put to".into(),
                )
                .into());
            }
            let scrutiny = meeting(store.conn(), min.meeting_id)?;
            let cabinet = meeting(store.conn(), c.meeting_id)?;
            let to_body = match o.outcome {
                CallInOutcome::NoFurtherAction => None,
                CallInOutcome::ReferredBack => Some(cabinet.body_id),
                CallInOutcome::ReferredToCouncil => Some(
                    store
                        .conn()
                        .query_row(
                            "SELECT id FROM body WHERE kind = 'council' AND retired = 0 ORDER BY name_en LIMIT 1",
                            [],
                            |r| id(r, 0),
                        )
                        .optional()?
                        .ok_or_else(|| {
                            DomainError::Conflict(
                                "there is no Council body to refer the decision to: add the full Council in Setup".into(),
                            )
                        })?,
                ),
            };
            let referral_id = match to_body {
                None => None,
                Some(to) => {
                    let source: Option<Uuid> = store
                        .conn()
                        .query_row(
                            "SELECT id FROM resolution WHERE minute_id = ?1 ORDER BY limb LIMIT 1",
                            [s(minute_id)],
                            |r| id(r, 0),
                        )
                        .optional()?;
                    let r = store.add_referral(&NewReferral {
                        resolution_id: source,
                        from_body_id: Some(scrutiny.body_id),
                        to_body_id: Some(to),
                        to_external: String::new(),
                        purpose: ReferralPurpose::ForDecision,
                        sent_on: on.max(scrutiny.date),
                        response_due: None,
                    })?;
                    Some(r.id)
                }
            };
            store.write(|tx| {
                tx.execute(
                    "UPDATE call_in SET status = 'considered', outcome = ?2, concerns = ?3, scrutiny_minute_id = ?4,
                       referral_id = ?5 WHERE id = ?1",
                    params![s(call_in_id), o.outcome.as_str(), concerns, s(minute_id), opt(referral_id)],
                )?;
                Ok(())
            })?;
            call_in(store.conn(), call_in_id)
        })
    }

    /// Cabinet's (or Council's) minute that reconsidered a decision referred on by a call-in:
    /// the end of the chain, after which the decision may be implemented.
    pub fn record_reconsideration(&mut self, call_in_id: Uuid, minute_id: Uuid) -> Result<CallIn> {
        self.write(|tx| {
            let c = call_in(tx, call_in_id)?;
            let to_body = match c.outcome {
                Some(CallInOutcome::ReferredBack) => meeting(tx, c.meeting_id)?.body_id,
                Some(CallInOutcome::ReferredToCouncil) => {
                    let r: Option<Uuid> = c.referral_id;
                    match r {
                        Some(r) => crate::read::referral(tx, r)?
                            .to_body_id
                            .ok_or_else(|| DomainError::Conflict("the referral has no body".into()))?,
                        None => return Err(DomainError::Conflict("the call-in has no referral to Council".into()).into()),
                    }
                }
                _ => {
                    return Err(DomainError::Conflict(format!(
                        "only a call-in referred back to Cabinet or to Council is reconsidered; this one is {}",
                        status_words(&c)
                    ))
                    .into())
                }
            };
            let min = minute(tx, minute_id)?;
            let m = meeting(tx, min.meeting_id)?;
            if m.body_id != to_body {
                return Err(DomainError::Conflict(
                    "the reconsideration is a minute of the body the decision was referred to".into(),
                )
                .into());
            }
            if let Some(sm) = c.scrutiny_meeting_id {
                if m.date < meeting(tx, sm)?.date {
                    return Err(DomainError::Conflict(
                        "the reconsideration comes after the scrutiny committee's meeting".into(),
                    )
                    .into());
                }
            }
            tx.execute(
                "UPDATE call_in SET reconsidered_minute_id = ?2 WHERE id = ?1",
                params![s(call_in_id), s(minute_id)],
            )?;
            call_in(tx, call_in_id)
        })
    }

    /// Records that a decision was implemented: after its call-in period's last day (unless
    /// urgent), with no call-in pending.
    pub fn implement_decision(
        &mut self,
        resolution_id: Uuid,
        on: NaiveDate,
    ) -> Result<Implementation> {
        self.write(|tx| {
            let d = executive_decision(tx, resolution_id)?.ok_or_else(|| not_executive(resolution_id))?;
            if let Some(done) = implementation(tx, resolution_id)? {
                return Err(DomainError::Conflict(format!(
                    "this decision was already recorded as implemented on {}",
                    done.implemented_on
                ))
                .into());
            }
            let m = meeting(tx, d.meeting_id)?;
            if on < m.date {
                return Err(DomainError::invalid(
                    "Implemented on",
                    format!("{on} is before the meeting that took the decision ({})", m.date),
                )
                .into());
            }
            if let (false, Some(end)) = (d.urgent, d.call_in_ends) {
                if on <= end {
                    return Err(DomainError::Conflict(format!(
                        "the decision cannot be implemented on {on}: its call-in period runs until the end of {end}"
                    ))
                    .into());
                }
            }
            for c in call_ins_where(tx, "c.resolution_id = ?1", &s(resolution_id))? {
                if let Some(why) = pending_reason(&c) {
                    return Err(DomainError::Conflict(format!(
                        "the decision cannot be implemented: {why}"
                    ))
                    .into());
                }
            }
            tx.execute(
                "INSERT INTO decision_implementation (resolution_id, meeting_id, implemented_on) VALUES (?1, ?2, ?3)",
                params![s(resolution_id), s(d.meeting_id), on],
            )?;
            Ok(Implementation {
                resolution_id,
                implemented_on: on,
            })
        })
    }

    pub fn call_in(&self, call_in_id: Uuid) -> Result<CallIn> {
        call_in(self.conn(), call_in_id)
    }

    /// The call-ins of a decision.
    pub fn call_ins_of(&self, resolution_id: Uuid) -> Result<Vec<CallIn>> {
        call_ins_where(self.conn(), "c.resolution_id = ?1", &s(resolution_id))
    }

    /// The call-ins put to a scrutiny meeting.
    pub fn call_ins_at(&self, meeting_id: Uuid) -> Result<Vec<CallIn>> {
        call_ins_where(self.conn(), "c.scrutiny_meeting_id = ?1", &s(meeting_id))
    }

    /// Finds a resolution from what a person would type: its id, or a minute number with the
    /// limb, "C12(1)" ("C12" alone is its first limb); the newest such minute when several
    /// municipal years used the number.
    pub fn find_resolution(&self, reference: &str) -> Result<Uuid> {
        let r = reference.trim();
        if let Ok(u) = Uuid::parse_str(r) {
            return Ok(u);
        }
        let (label, limb) = match r.split_once('(') {
            Some((l, rest)) => {
                let n = rest
                    .trim_end_matches(')')
                    .trim()
                    .parse::<u32>()
                    .map_err(|_| {
                        DomainError::invalid(
                            "Resolution",
                            format!("'{reference}': the limb in brackets is not a number"),
                        )
                    })?;
                (l.trim(), n)
            }
            None => (r, 1),
        };
        let split = label.find(|c: char| c.is_ascii_digit()).ok_or_else(|| {
            DomainError::invalid(
                "Resolution",
                format!("'{reference}' is not an id or a minute number such as C12(1)"),
            )
        })?;
        let (prefix, number) = label.split_at(split);
        let number: u32 = number.parse().map_err(|_| {
            DomainError::invalid(
                "Resolution",
                format!("'{reference}' is not an id or a minute number such as C12(1)"),
            )
        })?;
        self.conn()
            .query_row(
                "SELECT r.id FROM resolution r JOIN minute n ON n.id = r.minute_id
                 JOIN minute_sequence q ON q.id = n.sequence_id JOIN meeting m ON m.id = n.meeting_id
                 WHERE upper(q.prefix) = upper(?1) AND n.number = ?2 AND r.limb = ?3
                 ORDER BY m.date DESC LIMIT 1",
                params![prefix, number, limb],
                |row| id(row, 0),
            )
            .optional()?
            .ok_or_else(|| DomainError::not_found("Resolution", reference).into())
    }
}

pub(crate) fn insert_executive(tx: &Connection, d: &ExecutiveDecision) -> Result<()> {
    tx.execute(
        "INSERT INTO executive_decision (resolution_id, meeting_id, key_decision, options_rejected, consultation,
           interests, published_on, call_in_ends, urgent, urgent_agreed_by, urgent_agreed_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            s(d.resolution_id), s(d.meeting_id), d.key_decision, d.options_rejected, d.consultation, d.interests,
            d.published_on, d.call_in_ends, d.urgent, d.urgent_agreed_by, d.urgent_agreed_on
        ],
    )?;
    Ok(())
}
