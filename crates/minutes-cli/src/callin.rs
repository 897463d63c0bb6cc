//! Executive decisions and call-in: `cofnod executive`, `cofnod call-in ...` and
//! `cofnod implement`. A decision is named as the minutes print it, "C12(1)" (or "C12" for
//! its first limb), or by its resolution id; a call-in by its id or by its decision (the
//! newest call-in of it).

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use minutes_app::core::call_in::*;
use minutes_app::core::{self, DomainError};
use minutes_app::{Clock, Council};
use uuid::Uuid;

use crate::args::{print, print_json};
use crate::error::Result;

/// `cofnod executive DECISION ...`
#[derive(Args, Debug)]
pub struct ExecutiveArgs {
    /// The Cabinet limb: "C12(1)", "C12" or its resolution id
    decision: String,
    /// A key decision
    #[arg(long)]
    key: bool,
    /// Options considered and rejected ("None" when there were none)
    #[arg(long, default_value = "")]
    options: String,
    /// Consultation undertaken ("None" when there was none)
    #[arg(long, default_value = "")]
    consultation: String,
    /// Interests declared by executive members consulted, and dispensations
    #[arg(long, default_value = "")]
    interests: String,
    /// When the decision was published [default: the day after the meeting]
    #[arg(long)]
    published: Option<NaiveDate>,
    /// Urgent, for immediate implementation: no call-in (needs --agreed-by and --agreed-on)
    #[arg(long)]
    urgent: bool,
    /// The scrutiny chair who agreed there would be no call-in
    #[arg(long, default_value = "")]
    agreed_by: String,
    /// The date the scrutiny chair agreed
    #[arg(long)]
    agreed_on: Option<NaiveDate>,
    #[arg(long)]
    json: bool,
}

pub fn executive(council: &Council, a: ExecutiveArgs) -> Result {
    let id = council.find_resolution(&a.decision)?;
    let d = council.set_executive_decision(
        id,
        &ExecutiveDecisionInput {
            key_decision: a.key,
            options_rejected: a.options,
            consultation: a.consultation,
            interests: a.interests,
            published_on: a.published,
            urgent: a.urgent,
            urgent_agreed_by: a.agreed_by,
            urgent_agreed_on: a.agreed_on,
        },
    )?;
    if a.json {
        return print_json("The executive decision", &d);
    }
    print(&match d.call_in_ends {
        Some(end) => format!(
            "{}: published {}; the call-in period ends at the end of {end}\n",
            a.decision, d.published_on
        ),
        None => format!(
            "{}: urgent, for immediate implementation ({} agreed on {})\n",
            a.decision,
            d.urgent_agreed_by,
            d.urgent_agreed_on
                .map(|d| d.to_string())
                .unwrap_or_default()
        ),
    })
}

/// `cofnod call-in ...`
#[derive(Args, Debug)]
pub struct CallInArgs {
    #[command(subcommand)]
    action: CallInAction,
    /// Take this date as today (YYYY-MM-DD)
    #[arg(long, global = true)]
    today: Option<NaiveDate>,
    #[arg(long, global = true)]
    json: bool,
}

#[derive(Subcommand, Debug)]
enum CallInAction {
    /// Members request a call-in of a Cabinet decision
    Request {
        /// The Cabinet limb: "C12(1)", "C12" or its resolution id
        decision: String,
        /// A requesting member, by name as recorded ("A. Jones" or "Councillor A. Jones"); repeat for each
        #[arg(long = "member", required = true)]
        members: Vec<String>,
        /// The members' grounds
        #[arg(long)]
        grounds: String,
    },
    /// The scrutiny chair (or Monitoring Officer) accepts it onto a scrutiny meeting's agenda
    Accept {
        /// The call-in's id, or its decision ("C12(1)")
        call_in: String,
        /// Who accepted it
        #[arg(long)]
        by: String,
        /// The scrutiny meeting: id, start of it, or date (YYYY-MM-DD)
        #[arg(long)]
        meeting: String,
        /// The scrutiny committee (English or Welsh name), when the date is not enough
        #[arg(long)]
        body: Option<String>,
    },
    /// The scrutiny chair (or Monitoring Officer) rejects it
    Reject {
        call_in: String,
        #[arg(long)]
        by: String,
        #[arg(long)]
        reason: String,
    },
    /// The scrutiny committee's outcome: no_further_action, referred_back, referred_to_council
    Outcome {
        call_in: String,
        outcome: String,
        /// The committee's concerns (needed when it refers the decision on)
        #[arg(long, default_value = "")]
        concerns: String,
    },
    /// Cabinet's (or Council's) later minute that reconsidered the decision ("C14(1)" or an id)
    Reconsidered { call_in: String, minute: String },
}

/// A member named as a person types the name.
fn member(council: &Council, name: &str) -> Result<Uuid> {
    let want = name.trim().to_lowercase();
    let people = council.write(|s| s.people())?;
    let found: Vec<&core::Person> = people
        .iter()
        .filter(|p| p.name.to_lowercase() == want || p.display_name().to_lowercase() == want)
        .collect();
    match found.as_slice() {
        [one] => Ok(one.id),
        [] => Err(DomainError::not_found("Member", name).into()),
        _ => Err(DomainError::Conflict(format!(
            "'{name}' names {} people; give the name as recorded in full",
            found.len()
        ))
        .into()),
    }
}

/// A call-in by its id, or the newest call-in of a decision.
fn call_in(council: &Council, reference: &str) -> Result<Uuid> {
    if let Ok(id) = Uuid::parse_str(reference.trim()) {
        if council.write(|s| s.call_in(id)).is_ok() {
            return Ok(id);
        }
    }
    let decision = council.find_resolution(reference)?;
    council
        .write(|s| s.call_ins_of(decision))?
        .last()
        .map(|c| c.id)
        .ok_or_else(|| DomainError::not_found("Call-in of", reference).into())
}

fn said(council: &Council, c: &core::CallIn, json: bool) -> Result {
    let _ = council;
    if json {
        return print_json("The call-in", c);
    }
    print(&format!(
        "Call-in {} (requested {}): {}\n",
        c.id,
        c.requested_on,
        status_words(c)
    ))
}

pub fn call_in_command(council: &mut Council, a: CallInArgs) -> Result {
    if let Some(day) = a.today {
        council.set_clock(Clock::Fixed(day));
    }
    let today = council.today();
    let c = match a.action {
        CallInAction::Request {
            decision,
            members,
            grounds,
        } => {
            let id = council.find_resolution(&decision)?;
            let members = members
                .iter()
                .map(|m| member(council, m))
                .collect::<Result<Vec<_>>>()?;
            council.request_call_in(id, members, &grounds, None)?
        }
        CallInAction::Accept {
            call_in: r,
            by,
            meeting,
            body,
        } => {
            let id = call_in(council, &r)?;
            let m = council.write(|s| s.find_meeting(&meeting, body.as_deref()))?;
            council.decide_call_in(
                id,
                &CallInDecision::Accept {
                    decided_by: by,
                    decided_on: today,
                    scrutiny_meeting_id: m,
                },
            )?
        }
        CallInAction::Reject {
            call_in: r,
            by,
            reason,
        } => {
            let id = call_in(council, &r)?;
            council.decide_call_in(
                id,
                &CallInDecision::Reject {
                    decided_by: by,
                    decided_on: today,
                    reason,
                },
            )?
        }
        CallInAction::Outcome {
            call_in: r,
            outcome,
            concerns,
        } => {
            let id = call_in(council, &r)?;
            let outcome = core::CallInOutcome::parse(&outcome.to_lowercase().replace('-', "_"))?;
            council.record_call_in_outcome(
                id,
                &CallInOutcomeInput {
                    outcome,
                    minute_id: None,
                    concerns,
                },
            )?
        }
        CallInAction::Reconsidered { call_in: r, minute } => {
            let id = call_in(council, &r)?;
            let res = council.find_resolution(&minute)?;
            let minute_id = council
                .write(|s| s.resolution_page(res, today))?
                .minute
                .minute
                .id;
            council.record_reconsideration(id, minute_id)?
        }
    };
    said(council, &c, a.json)
}

/// `cofnod implement DECISION [--on DATE]`
#[derive(Args, Debug)]
pub struct ImplementArgs {
    /// The Cabinet limb: "C12(1)", "C12" or its resolution id
    decision: String,
    /// The day it was implemented [default: today]
    #[arg(long)]
    on: Option<NaiveDate>,
}

pub fn implement(council: &Council, a: ImplementArgs) -> Result {
    let id = council.find_resolution(&a.decision)?;
    let done = council.implement_decision(id, a.on)?;
    print(&format!(
        "{} was implemented on {}\n",
        a.decision, done.implemented_on
    ))
}
