//! The resolutions register: what a member or officer asks of past decisions ("what did
//! scrutiny recommend to Cabinet about mental health services, and what became of it?"), the
//! resolution page with its whole referral chain, and the referrals view.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::DomainError;
use crate::model::*;

word_enum! {
    /// What the register may be filtered to, by the resolution's referrals.
    pub enum ReferralFilter {
        /// Resolutions that were referred somewhere, whatever became of it.
        Referred => "referred",
        /// Resolutions never referred.
        NotReferred => "not_referred",
        /// A referral not yet closed.
        Open => "open",
        /// Still waiting for the target body after the response was due.
        Overdue => "overdue",
        Issued => "issued", Scheduled => "scheduled", Considered => "considered",
        ReportedBack => "reported_back", Closed => "closed",
    }
}

word_enum! {
    /// Where an open referral stands against its due date.
    pub enum ReferralUrgency {
        /// Waiting, with more than the "due soon" days left, or answered and awaiting report-back.
        Open => "open",
        /// Waiting for the target body and due within the "due soon" days.
        DueSoon => "due_soon",
        /// Waiting for the target body after the response was due.
        Overdue => "overdue",
    }
}

/// A search of the register: words and filters, all of which must hold.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterQuery {
    /// What the user typed; empty lists the newest resolutions that pass the filters.
    pub text: String,
    pub body_id: Option<Uuid>,
    /// Meetings on or after this date.
    pub from: Option<NaiveDate>,
    /// Meetings on or before this date.
    pub to: Option<NaiveDate>,
    /// The decision keyword: RESOLVED, RECOMMENDED or AGREED.
    pub keyword: Option<Keyword>,
    /// Only resolutions referred to this body.
    pub referred_to: Option<Uuid>,
    pub referral: Option<ReferralFilter>,
    /// Include exempt (part 2) minutes: for officers entitled to the confidential record.
    pub confidential: bool,
    /// The day "overdue" is judged on; today when absent.
    pub today: Option<NaiveDate>,
    /// At most this many results (default 25, a page of the register; at most 500).
    pub limit: Option<u32>,
    /// Skip this many results first: the page of the register that starts there (0, or
    /// absent, for the first). A page past the last result is empty.
    #[serde(default)]
    pub offset: Option<u32>,
}

/// A page of the register's results: the hits from the query's offset, and whether more
/// follow (the register's "Show more results").
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterPage {
    pub hits: Vec<RegisterHit>,
    /// Where this page starts among all the results (the query's offset).
    pub offset: u32,
    /// More results follow this page.
    pub more: bool,
}

/// A piece of text, marked when it is one of the search words. The UI renders the pieces in
/// order (marked ones highlighted) without building HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Segment {
    pub text: String,
    pub marked: bool,
}

/// Where a resolution's referral stands, in a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReferralSummary {
    pub referral_id: Uuid,
    /// The body (or outside body) it was referred to.
    pub to: String,
    pub status: ReferralStatus,
    pub outcome: Option<ReferralOutcome>,
    pub response_due: NaiveDate,
    pub overdue: bool,
}

/// One resolution found in the register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterHit {
    pub resolution_id: Uuid,
    pub minute_id: Uuid,
    pub meeting_id: Uuid,
    pub body_id: Uuid,
    pub body_name: String,
    pub date: NaiveDate,
    /// The minute number as printed: "C116", "474".
    pub minute_label: String,
    pub heading: String,
    pub limb: u32,
    pub keyword: Keyword,
    /// The resolution's words, with the search words marked.
    pub text: Vec<Segment>,
    /// The reason, with the search words marked.
    pub reason: Vec<Segment>,
    /// The typed words appear in this resolution as a phrase, in order (ranked first).
    pub exact: bool,
    pub referrals: Vec<ReferralSummary>,
    /// The language the search words were found in: English when the resolution's English
    /// words (its text, reason and minute) hold them all, Welsh otherwise.
    #[serde(default = "Language::english")]
    pub language: Language,
    /// Where the words were found in Welsh: the resolution's Welsh words, with the search
    /// words (and their mutated forms) marked; empty otherwise.
    #[serde(default)]
    pub text_cy: Vec<Segment>,
    /// Where the words were found in Welsh: the Welsh of the reason, marked; empty otherwise.
    #[serde(default)]
    pub reason_cy: Vec<Segment>,
    /// Where the words were found in Welsh: the Welsh of the minute's heading (its own
    /// translation, or the agenda item's Welsh title where the minute keeps the item's title).
    #[serde(default)]
    pub heading_cy: String,
}

impl RegisterHit {
    /// The resolution text as plain words.
    pub fn plain_text(&self) -> String {
        self.text.iter().map(|s| s.text.as_str()).collect()
    }
}

/// A minute elsewhere in the record, as a link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MinuteLink {
    pub minute_id: Uuid,
    pub meeting_id: Uuid,
    pub body_name: String,
    pub date: NaiveDate,
    pub label: String,
    pub heading: String,
    /// The heading in Welsh: the agenda item's Welsh title where the minute keeps the item's
    /// title (as the Welsh minutes print it); empty otherwise.
    pub heading_cy: String,
}

/// A resolution elsewhere in the record, as a link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResolutionLink {
    pub resolution_id: Uuid,
    pub minute: MinuteLink,
    pub limb: u32,
    pub keyword: Keyword,
    pub text: String,
    /// The limb in Welsh: its translation once done; empty otherwise.
    #[serde(default)]
    pub text_cy: String,
}

/// One referral with everything it links to, for the resolution page and the referrals view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReferralChain {
    pub referral: Referral,
    pub from_body: String,
    /// The target body's name, or the outside body.
    pub to: String,
    /// The target body's Welsh name; empty for an outside body or when none is recorded.
    pub to_cy: String,
    pub urgency: Option<ReferralUrgency>,
    /// Days until the response is due (negative when late).
    #[ts(type = "number")]
    pub days_left: i64,
    /// The resolution that made the referral, when it is in the system.
    pub source: Option<ResolutionLink>,
    /// The target meeting it is (or was) scheduled at.
    pub target_meeting: Option<MeetingRef>,
    /// The target's own minute, and the resolutions it produced.
    pub target_minute: Option<MinuteLink>,
    pub target_resolutions: Vec<ResolutionLink>,
    /// The agenda items that take it up at the target ("(REF)" items).
    pub agenda_items: Vec<ItemLink>,
    pub reported_back: Option<MeetingRef>,
}

/// An agenda item elsewhere in the record, as a link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemLink {
    pub item_id: Uuid,
    pub meeting_id: Uuid,
    pub body_name: String,
    pub date: NaiveDate,
    pub position: u32,
    pub title: String,
    pub tag: String,
}

/// Everything the resolution page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResolutionPage {
    pub resolution: Resolution,
    pub body: Body,
    pub meeting: Meeting,
    /// The minute it came from: heading, narrative blocks and all its limbs.
    pub minute: MinuteRecord,
    /// Referrals this resolution made, followed to the end.
    pub referrals: Vec<ReferralChain>,
    /// Referrals answered by (or taken up in) this resolution's minute: the link back.
    pub answers: Vec<ReferralChain>,
    /// The outcome of the vote on this limb as the minutes print it, in English and Welsh
    /// (`house_style::vote_outcome`); `None` when no vote is recorded.
    #[serde(default)]
    pub vote_outcome: Option<String>,
    #[serde(default)]
    pub vote_outcome_cy: Option<String>,
    /// A Cabinet limb recorded as an executive decision: its call-in window, implementation
    /// and call-ins.
    #[serde(default)]
    pub executive: Option<crate::call_in::ExecutiveView>,
    /// Call-ins this resolution's minute considered (a scrutiny call-in minute) or
    /// reconsidered (Cabinet's or Council's later minute): the links back.
    #[serde(default)]
    pub call_ins: Vec<crate::call_in::CallInChain>,
}

/// Cabinet's (or any target's) answer to a referral, recorded in one call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutcomeInput {
    pub outcome: ReferralOutcome,
    pub response_text: String,
    /// The target's meeting that considered it.
    pub meeting_id: Option<Uuid>,
    /// The target's own minute, when it is in the system.
    pub minute_id: Option<Uuid>,
}
