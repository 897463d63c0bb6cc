//! Votes, dispensations and the quorum (issue 16): `cofnod quorum`, `cofnod vote`,
//! `cofnod dispensation`.

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use minutes_app::core::input::{NewDispensation, NewVote};
use minutes_app::core::*;
use minutes_app::Council;
use uuid::Uuid;

use crate::args::{print, uuid_arg, MeetingArgs};
use crate::error::Result;

/// Show whether the meeting was quorate at each agenda item
#[derive(Args, Debug)]
pub struct QuorumArgs {
    #[command(flatten)]
    meeting: MeetingArgs,
}

pub fn quorum(council: &Council, a: QuorumArgs) -> Result {
    let id = a.meeting.find(council)?;
    let rec = council.write(|s| s.meeting_record(id))?;
    let q = council.write(|s| s.quorum(id))?;
    let mut out = format!("Quorum {}\n", q.quorum);
    if !q.attendance_recorded {
        out.push_str("No one is recorded as present yet.\n");
    }
    for i in &q.items {
        let title = rec
            .agenda
            .iter()
            .find(|x| x.id == i.agenda_item_id)
            .map(|x| x.title_en.as_str())
            .unwrap_or_default();
        let state = if i.quorate {
            format!("Quorate ({} of quorum {})", i.present, q.quorum)
        } else {
            format!("Inquorate: {} present, quorum {}", i.present, q.quorum)
        };
        let lost = if i.lost_here {
            "  (quorum lost here: minute it)"
        } else {
            ""
        };
        out.push_str(&format!("Item {}  {title}: {state}{lost}\n", i.position));
    }
    print(&out)
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Side {
    For,
    Against,
}

/// Record how a resolution limb was decided: --unanimous, --hands FOR,AGAINST,ABSTENTIONS,
/// or a recorded vote (--requested-by and the names for, against and abstaining)
#[derive(Args, Debug)]
pub struct VoteArgs {
    /// The resolution's id (as `cofnod resolution` and `cofnod export` show it)
    resolution: String,
    /// Agreed without dissent
    #[arg(long, conflicts_with_all = ["hands", "requested_by"])]
    unanimous: bool,
    /// A show of hands: "6,2,1" for 6 for, 2 against, 1 abstention
    #[arg(long, conflicts_with = "requested_by")]
    hands: Option<String>,
    /// A recorded vote, asked for by this member (name or id)
    #[arg(long)]
    requested_by: Option<String>,
    /// A member voting for (recorded vote; repeat for each)
    #[arg(long = "for")]
    for_: Vec<String>,
    /// A member voting against (recorded vote; repeat for each)
    #[arg(long)]
    against: Vec<String>,
    /// A member abstaining (recorded vote; repeat for each)
    #[arg(long)]
    abstain: Vec<String>,
    /// The chair's casting vote on a tie (given by whoever presided)
    #[arg(long, value_enum)]
    casting: Option<Side>,
    /// Remove the vote recorded on the limb
    #[arg(long, conflicts_with_all = ["unanimous", "hands", "requested_by"])]
    clear: bool,
}

/// A person of the meeting's record named on the command line: their id, or their name as
/// printed ("Councillor A. Adams") or without the honorific ("A. Adams").
fn person(rec: &MeetingRecord, text: &str) -> Result<Uuid> {
    let t = text.trim();
    if let Ok(id) = Uuid::parse_str(t) {
        return Ok(id);
    }
    let found: Vec<&Person> = rec
        .people
        .iter()
        .filter(|p| p.name.eq_ignore_ascii_case(t) || p.display_name().eq_ignore_ascii_case(t))
        .collect();
    match found.as_slice() {
        [p] => Ok(p.id),
        [] => Err(DomainError::not_found("Person", t).into()),
        _ => Err(DomainError::invalid(
            "Person",
            format!("'{t}' names more than one person; give the id"),
        )
        .into()),
    }
}

fn presiding(rec: &MeetingRecord) -> Option<Uuid> {
    let present = |a: &&Attendance| {
        matches!(
            a.status,
            AttendanceStatus::Present | AttendanceStatus::Substitute
        )
    };
    let by = |c: Capacity| {
        rec.attendance
            .iter()
            .filter(present)
            .find(|a| a.capacity == Some(c))
            .map(|a| a.person_id)
    };
    by(Capacity::InTheChair)
        .or_else(|| by(Capacity::Chair))
        .or_else(|| {
            rec.attendance
                .iter()
                .filter(present)
                .map(|a| a.person_id)
                .find(|p| {
                    rec.memberships.iter().any(|m| {
                        m.person_id == *p
                            && m.role == Role::Chair
                            && m.from <= rec.meeting.date
                            && m.to.is_none_or(|t| t >= rec.meeting.date)
                    })
                })
        })
}

pub fn vote(council: &Council, a: VoteArgs) -> Result {
    let resolution_id = uuid_arg("Resolution", &a.resolution)?;
    if a.clear {
        council.write(|s| s.set_vote(resolution_id, None))?;
        return print("Vote removed.\n");
    }
    let page = council.resolution_page(resolution_id)?;
    let rec = council.write(|s| s.meeting_record(page.meeting.id))?;
    let names = |list: &[String], choice| {
        list.iter()
            .map(|n| {
                Ok(VoteMember {
                    person_id: person(&rec, n)?,
                    choice,
                })
            })
            .collect::<Result<Vec<_>>>()
    };
    let mut members = names(&a.for_, VoteChoice::For)?;
    members.extend(names(&a.against, VoteChoice::Against)?);
    members.extend(names(&a.abstain, VoteChoice::Abstain)?);
    let count = |c| members.iter().filter(|m| m.choice == c).count() as u32;
    let (method, votes) = if a.unanimous {
        (VoteMethod::Unanimous, (0, 0, 0))
    } else if let Some(h) = &a.hands {
        let parts: Vec<u32> = h
            .split(',')
            .map(|p| p.trim().parse::<u32>())
            .collect::<std::result::Result<_, _>>()
            .map_err(|_| {
                DomainError::invalid(
                    "Hands",
                    format!("'{h}' is not FOR,AGAINST,ABSTENTIONS (e.g. 6,2,1)"),
                )
            })?;
        match parts.as_slice() {
            [f, x, y] => (VoteMethod::ShowOfHands, (*f, *x, *y)),
            _ => {
                return Err(DomainError::invalid(
                    "Hands",
                    format!("'{h}' is not FOR,AGAINST,ABSTENTIONS (e.g. 6,2,1)"),
                )
                .into())
            }
        }
    } else if a.requested_by.is_some() {
        (
            VoteMethod::Recorded,
            (
                count(VoteChoice::For),
                count(VoteChoice::Against),
                count(VoteChoice::Abstain),
            ),
        )
    } else {
        return Err(DomainError::invalid(
            "Vote",
            "say how it was decided: --unanimous, --hands FOR,AGAINST,ABSTENTIONS, or --requested-by with the names",
        )
        .into());
    };
    let casting = a.casting.map(|s| match s {
        Side::For => VoteChoice::For,
        Side::Against => VoteChoice::Against,
    });
    let v = NewVote {
        method,
        votes_for: votes.0,
        votes_against: votes.1,
        abstentions: votes.2,
        casting,
        casting_by: casting.and(presiding(&rec)),
        requested_by: a
            .requested_by
            .as_deref()
            .map(|n| person(&rec, n))
            .transpose()?,
        members,
    };
    council.write(|s| s.set_vote(resolution_id, Some(&v)))?;
    let rec = council.write(|s| s.meeting_record(page.meeting.id))?;
    let sentence = rec
        .minutes
        .iter()
        .flat_map(|m| m.resolutions.iter())
        .find(|r| r.id == resolution_id)
        .and_then(|r| house_style::vote_outcome(&rec, r, Language::En))
        .unwrap_or_default();
    print(&format!("{sentence}\n"))
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Scope {
    SpeakOnly,
    SpeakAndVote,
}

/// Record the dispensation granted on a declaration of interest (warned when it does not
/// allow voting at the meeting)
#[derive(Args, Debug)]
pub struct DispensationArgs {
    /// The declaration's id (as `cofnod export` shows it)
    declaration: String,
    #[arg(long, value_enum, required_unless_present = "remove")]
    scope: Option<Scope>,
    /// Who granted it, as printed: "Standards Committee"
    #[arg(long, default_value = "Standards Committee")]
    granted_by: String,
    /// The date it was granted (YYYY-MM-DD)
    #[arg(long, required_unless_present = "remove")]
    granted_on: Option<NaiveDate>,
    /// The date it expires, if it does
    #[arg(long)]
    expires_on: Option<NaiveDate>,
    /// The grant's reference
    #[arg(long, default_value = "")]
    reference: String,
    /// Remove the dispensation recorded on the declaration
    #[arg(long)]
    remove: bool,
}

pub fn dispensation(council: &Council, a: DispensationArgs) -> Result {
    let declaration_id = uuid_arg("Declaration", &a.declaration)?;
    let n = match (a.remove, a.scope, a.granted_on) {
        (false, Some(scope), Some(granted_on)) => Some(NewDispensation {
            reference: a.reference,
            scope: match scope {
                Scope::SpeakOnly => DispensationScope::SpeakOnly,
                Scope::SpeakAndVote => DispensationScope::SpeakAndVote,
            },
            granted_by: a.granted_by,
            granted_on,
            expires_on: a.expires_on,
        }),
        _ => None,
    };
    let saved = council.write(|s| s.set_dispensation(declaration_id, n.as_ref()))?;
    match saved {
        Some(saved) => {
            for w in &saved.warnings {
                eprintln!("cofnod: warning: {w}");
            }
            print(&format!(
                "Dispensation recorded ({}).\n",
                saved.dispensation.id
            ))
        }
        None => print("Dispensation removed.\n"),
    }
}
