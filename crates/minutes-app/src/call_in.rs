//! Executive decisions and call-in, one function per job (R18, R20): recording a Cabinet
//! limb's decision statement, members requesting a call-in, the scrutiny chair's answer, the
//! scrutiny committee's outcome, Cabinet's reconsideration, and marking a decision
//! implemented, each judged on this council's today where a date is not given.

use chrono::NaiveDate;
use minutes_core::call_in::*;
use minutes_core::*;
use uuid::Uuid;

use crate::{Council, Result};

impl Council {
    /// Records (or changes) a Cabinet limb's executive-decision fields; the call-in period's
    /// last day is computed from the constitution's working days.
    pub fn set_executive_decision(
        &self,
        resolution_id: Uuid,
        decision: &ExecutiveDecisionInput,
    ) -> Result<ExecutiveDecision> {
        self.write(|s| s.set_executive_decision(resolution_id, decision))
    }

    pub fn executive_decision(&self, resolution_id: Uuid) -> Result<Option<ExecutiveDecision>> {
        self.write(|s| s.executive_decision(resolution_id))
    }

    /// Members request a call-in (today when no date is given).
    pub fn request_call_in(
        &self,
        resolution_id: Uuid,
        members: Vec<Uuid>,
        grounds: &str,
        on: Option<NaiveDate>,
    ) -> Result<CallIn> {
        let requested_on = on.unwrap_or_else(|| self.today());
        self.write(|s| {
            s.request_call_in(&NewCallIn {
                resolution_id,
                requested_on,
                grounds: grounds.to_string(),
                members,
            })
        })
    }

    /// The scrutiny chair (or Monitoring Officer) accepts a call-in onto a scrutiny meeting's
    /// agenda, or rejects it.
    pub fn decide_call_in(&self, call_in_id: Uuid, decision: &CallInDecision) -> Result<CallIn> {
        self.write(|s| s.decide_call_in(call_in_id, decision))
    }

    /// The scrutiny committee's outcome, from its minute; a referral on is sent today.
    pub fn record_call_in_outcome(
        &self,
        call_in_id: Uuid,
        outcome: &CallInOutcomeInput,
    ) -> Result<CallIn> {
        let today = self.today();
        self.write(|s| s.record_call_in_outcome(call_in_id, outcome, today))
    }

    /// Cabinet's (or Council's) minute that reconsidered a decision referred on.
    pub fn record_reconsideration(&self, call_in_id: Uuid, minute_id: Uuid) -> Result<CallIn> {
        self.write(|s| s.record_reconsideration(call_in_id, minute_id))
    }

    /// Marks a decision implemented (today when no date is given): refused while its call-in
    /// period runs or a call-in is pending, naming which.
    pub fn implement_decision(
        &self,
        resolution_id: Uuid,
        on: Option<NaiveDate>,
    ) -> Result<Implementation> {
        let on = on.unwrap_or_else(|| self.today());
        self.write(|s| s.implement_decision(resolution_id, on))
    }

    /// The call-ins put to a scrutiny meeting (what its minuting screen offers outcomes for).
    pub fn call_ins_at(&self, meeting_id: Uuid) -> Result<Vec<CallIn>> {
        self.write(|s| s.call_ins_at(meeting_id))
    }

    /// A resolution named as a person types it: its id or "C12(1)".
    pub fn find_resolution(&self, reference: &str) -> Result<Uuid> {
        self.write(|s| s.find_resolution(reference))
    }
}
