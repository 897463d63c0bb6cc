//! What a clerk submits: the fields of a new or edited record, before the store gives it an
//! id and checks it against the rest of the record.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::model::*;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewSequence {
    pub name: String,
    pub prefix: String,
    pub scope: SequenceScope,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewBody {
    pub name_en: String,
    pub name_cy: String,
    pub kind: BodyKind,
    /// None: RECOMMENDED for scrutiny bodies, RESOLVED for the rest.
    pub default_keyword: Option<Keyword>,
    pub chair_title: ChairTitle,
    pub quorum: u32,
    /// None: required for Welsh scrutiny bodies (Measure 2011 s.78), not otherwise.
    pub whip_declarations_required: Option<bool>,
    pub reasons: ReasonsRule,
    pub sequence_id: Uuid,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewPerson {
    pub honorific: String,
    pub name: String,
    pub kind: PersonKind,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewMembership {
    pub person_id: Uuid,
    pub body_id: Uuid,
    pub role: Role,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewMeeting {
    pub body_id: Uuid,
    pub kind: MeetingKind,
    pub date: NaiveDate,
    /// "10:00" or "10:00:00".
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub venue: String,
    pub mode: MeetingMode,
    pub joining_details: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewAgendaItem {
    pub title_en: String,
    pub title_cy: String,
    pub part: ItemPart,
    pub exempt_paragraphs: Vec<String>,
    pub public_interest: String,
    pub origin: ItemOrigin,
    pub standing: Option<StandingItem>,
    pub tag: String,
    pub urgent_reason: String,
    pub presenting_officer_id: Option<Uuid>,
}

impl NewAgendaItem {
    /// A part 1 report item with just a title.
    pub fn report(title: &str) -> Self {
        NewAgendaItem {
            title_en: title.to_string(),
            title_cy: String::new(),
            part: ItemPart::Public,
            exempt_paragraphs: Vec::new(),
            public_interest: String::new(),
            origin: ItemOrigin::Report,
            standing: None,
            tag: String::new(),
            urgent_reason: String::new(),
            presenting_officer_id: None,
        }
    }
    /// A standing item ("Apologies for absence"...) with its English and Welsh titles.
    pub fn standing(kind: StandingItem, title_en: &str, title_cy: &str) -> Self {
        NewAgendaItem {
            title_cy: title_cy.to_string(),
            origin: ItemOrigin::Standing,
            standing: Some(kind),
            ..NewAgendaItem::report(title_en)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewAttendance {
    pub person_id: Uuid,
    pub status: AttendanceStatus,
    pub substitute_for: Option<Uuid>,
    pub mode: AttendanceMode,
    pub capacity: Option<Capacity>,
    pub arrived_at_item: Option<Uuid>,
    pub left_at_item: Option<Uuid>,
    /// Present for these agenda items of the meeting only; empty for the whole meeting.
    #[serde(default)]
    pub for_items: Vec<Uuid>,
}

impl NewAttendance {
    pub fn new(person_id: Uuid, status: AttendanceStatus) -> Self {
        NewAttendance {
            person_id,
            status,
            substitute_for: None,
            mode: AttendanceMode::Room,
            capacity: None,
            arrived_at_item: None,
            left_at_item: None,
            for_items: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewDeclaration {
    pub person_id: Uuid,
    pub agenda_item_id: Option<Uuid>,
    pub kind: DeclarationKind,
    pub nature: String,
    pub action: Option<DeclarationAction>,
    pub dispensation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewResolution {
    /// None: the body's default keyword.
    pub keyword: Option<Keyword>,
    pub text: String,
    pub reason: String,
    pub conditional_on: Option<u32>,
    pub vote: String,
    /// This limb needs no reason, whatever the body's rule (recorded, and audited once the
    /// draft is published).
    #[serde(default)]
    pub reason_not_needed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewReferral {
    pub resolution_id: Option<Uuid>,
    /// Required when there is no resolution (an incoming referral); otherwise the body of
    /// the resolution's meeting.
    pub from_body_id: Option<Uuid>,
    pub to_body_id: Option<Uuid>,
    pub to_external: String,
    pub purpose: ReferralPurpose,
    pub sent_on: NaiveDate,
    /// None: two months beginning with the day it was sent.
    pub response_due: Option<NaiveDate>,
}

/// Moves a referral along: what happened at the target body, or back at the origin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "step", rename_all = "snake_case")]
#[ts(export)]
pub enum ReferralStep {
    Schedule {
        meeting_id: Uuid,
    },
    Consider {
        outcome: ReferralOutcome,
        response_text: String,
        meeting_id: Option<Uuid>,
        minute_id: Option<Uuid>,
    },
    ReportBack {
        meeting_id: Uuid,
    },
    Close {
        on: NaiveDate,
    },
}

/// Approval of a meeting's minutes at a later meeting of the same body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Approval {
    pub at_meeting_id: Uuid,
    /// Amendments agreed there ("Page 3 – delete 'unsafe' to read 'difficult'").
    pub amendments: Vec<String>,
}

/// How a limb was decided, as the clerk records it. For a recorded vote the counts must
/// match the names given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewVote {
    pub method: VoteMethod,
    pub votes_for: u32,
    pub votes_against: u32,
    pub abstentions: u32,
    pub casting: Option<VoteChoice>,
    pub casting_by: Option<Uuid>,
    pub requested_by: Option<Uuid>,
    pub members: Vec<VoteMember>,
}

/// A dispensation granted on a declaration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewDispensation {
    pub reference: String,
    pub scope: DispensationScope,
    pub granted_by: String,
    pub granted_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
}

/// A dispensation as recorded, with what the clerk should know: e.g. that it had expired
/// by the meeting's date, so it does not allow voting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DispensationSaved {
    pub dispensation: Dispensation,
    pub warnings: Vec<String>,
}

/// A new council as the first start's guided set-up gives it: the authority, its first
/// committee and that committee's members, created together or not at all
/// ([`crate::validate::new_council`] checks it before anything is written).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewCouncil {
    /// The authority's name in English ("Glantawe County Borough Council").
    pub name_en: String,
    /// Its name in Welsh; may be empty.
    pub name_cy: String,
    pub jurisdiction: Jurisdiction,
    /// The first committee's name in English.
    pub committee_en: String,
    /// Its name in Welsh; may be empty.
    pub committee_cy: String,
    pub committee_kind: BodyKind,
    /// The committee's members, each a name as printed after "Councillor" ("Mrs. E. Llewelyn"),
    /// in the order the clerk listed them.
    pub members: Vec<String>,
}
