//! Who was present and entitled to vote at each agenda item, and whether the meeting was
//! quorate there (R25, check 26). The store's view `minute_voter` (migration 12) counts the
//! same way, so what the window shows is what the store enforces.
//!
//! A member counts at an item when they are a member or a voting co-optee (R31), attending
//! (present or substituting) for the whole meeting or for that item, not before the item they
//! arrived at nor after the item they left at (someone who "left at item 3" was there for item
//! 3 and gone from item 4), and had not withdrawn from it for an interest.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::model::*;

/// One agenda item's count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemQuorum {
    pub agenda_item_id: Uuid,
    pub position: u32,
    /// Members entitled to vote present for the item.
    pub present: u32,
    pub quorate: bool,
    /// The first inquorate item after a quorate one: someone's departure (or withdrawal) lost
    /// the quorum here, and the clerk is asked to minute it.
    pub lost_here: bool,
    /// Who may vote on the item (the names a recorded vote is chosen from).
    pub voters: Vec<Uuid>,
}

/// The meeting's quorum item by item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuorumReport {
    pub quorum: u32,
    /// False until anyone is recorded as present: the store checks the quorum only then.
    pub attendance_recorded: bool,
    pub items: Vec<ItemQuorum>,
    /// The item at which the meeting first became inquorate, if it did.
    pub first_inquorate: Option<Uuid>,
}

fn entitled(rec: &MeetingRecord, person: Uuid) -> bool {
    rec.person(person)
        .is_some_and(|p| matches!(p.kind, PersonKind::Member | PersonKind::CoOptedVoting))
}

fn position_of(rec: &MeetingRecord, item: Option<Uuid>) -> Option<u32> {
    item.and_then(|id| rec.agenda.iter().find(|a| a.id == id))
        .map(|a| a.position)
}

/// Whether `a` was present, entitled to vote, at `item` (`None`: a minute not on the agenda,
/// which counts those present for the whole meeting).
fn votes_at(rec: &MeetingRecord, a: &Attendance, item: Option<&AgendaItem>) -> bool {
    if !matches!(
        a.status,
        AttendanceStatus::Present | AttendanceStatus::Substitute
    ) || !entitled(rec, a.person_id)
    {
        return false;
    }
    let Some(item) = item else {
        return a.for_items.is_empty();
    };
    if !a.for_items.is_empty() && !a.for_items.contains(&item.id) {
        return false;
    }
    // An arrival or departure naming an item no longer on the agenda restricts nothing (as
    // in the store's view).
    if a.arrived_at_item.is_some()
        && position_of(rec, a.arrived_at_item).is_some_and(|p| p > item.position)
    {
        return false;
    }
    if a.left_at_item.is_some()
        && position_of(rec, a.left_at_item).is_some_and(|p| p < item.position)
    {
        return false;
    }
    !rec.declarations.iter().any(|d| {
        d.person_id == a.person_id
            && d.agenda_item_id == Some(item.id)
            && matches!(
                d.action,
                Some(DeclarationAction::Withdrew | DeclarationAction::SpokeThenWithdrew)
            )
    })
}

/// The members entitled to vote present for an agenda item (`None`: for the whole meeting).
pub fn voters_at_item(rec: &MeetingRecord, item: Option<Uuid>) -> Vec<Uuid> {
    let item = item.and_then(|id| rec.agenda.iter().find(|a| a.id == id));
    let mut out: Vec<Uuid> = rec
        .attendance
        .iter()
        .filter(|a| votes_at(rec, a, item))
        .map(|a| a.person_id)
        .collect();
    out.sort_by_key(|id| rec.person(*id).map(|p| p.sort_key()).unwrap_or_default());
    out.dedup();
    out
}

/// The members entitled to vote present for a minute's item.
pub fn voters_at_minute(rec: &MeetingRecord, minute_id: Uuid) -> Vec<Uuid> {
    let item = rec
        .minutes
        .iter()
        .find(|m| m.minute.id == minute_id)
        .and_then(|m| m.minute.agenda_item_id);
    voters_at_item(rec, item)
}

/// The quorum at every agenda item, in agenda order.
pub fn quorum_report(rec: &MeetingRecord) -> QuorumReport {
    let quorum = rec.body.quorum;
    let attendance_recorded = rec.attendance.iter().any(|a| {
        matches!(
            a.status,
            AttendanceStatus::Present | AttendanceStatus::Substitute
        )
    });
    let mut agenda: Vec<&AgendaItem> = rec.agenda.iter().collect();
    agenda.sort_by_key(|a| a.position);
    let mut items = Vec::new();
    let mut was_quorate = false;
    let mut first_inquorate = None;
    for item in agenda {
        let voters = voters_at_item(rec, Some(item.id));
        let present = voters.len() as u32;
        let quorate = present >= quorum;
        let lost_here = attendance_recorded && !quorate && was_quorate;
        if attendance_recorded && !quorate && first_inquorate.is_none() {
            first_inquorate = Some(item.id);
        }
        was_quorate = quorate;
        items.push(ItemQuorum {
            agenda_item_id: item.id,
            position: item.position,
            present,
            quorate,
            lost_here,
            voters,
        });
    }
    QuorumReport {
        quorum,
        attendance_recorded,
        items,
        first_inquorate,
    }
}
