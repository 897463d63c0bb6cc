//! The domain model: what a council's committee record is made of.
//!
//! Enumerations are stored in SQLite as the same snake_case words they serialise to, so the
//! database, the JSON export and the TypeScript types all say the same thing.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::DomainError;

/// Declares a closed set of words: serde/ts-rs as snake_case, plus `as_str` and `parse` for SQL.
macro_rules! word_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
            pub fn parse(word: &str) -> Result<Self, DomainError> {
                match word {
                    $($word => Ok($name::$variant),)+
                    other => Err(DomainError::invalid(
                        stringify!($name),
                        format!("'{}' is not one of: {}", other, [$($word),+].join(", ")),
                    )),
                }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use word_enum;

word_enum! {
    /// Which law on notice and publication applies.
    pub enum Jurisdiction { Wales => "wales", England => "england" }
}

word_enum! {
    /// The languages the authority's documents are printed in.
    pub enum LanguagePolicy { English => "en", Welsh => "cy", Bilingual => "en_cy" }
}

word_enum! {
    pub enum Language { En => "en", Cy => "cy" }
}

impl Language {
    /// English: the language a value read from before Welsh was recorded is taken to be in.
    pub fn english() -> Language {
        Language::En
    }

    /// The one place a printed text is chosen by language: `lang.pick("Page", "Tudalen")` is
    /// the English in an English document and the Welsh in a Welsh one. Works for any pair
    /// (words, formats, whole functions' results).
    pub fn pick<T>(self, en: T, cy: T) -> T {
        match self {
            Language::En => en,
            Language::Cy => cy,
        }
    }

    /// A text a clerk keeps in both languages (a body's name, an item's title): the Welsh in a
    /// Welsh document unless it is blank, otherwise the English.
    pub fn text<'a>(self, en: &'a str, cy: &'a str) -> &'a str {
        if cy.trim().is_empty() {
            en
        } else {
            self.pick(en, cy)
        }
    }

    /// The document's language tag (BCP 47), as a PDF's `/Lang` gives it.
    pub fn tag(self) -> &'static str {
        self.pick("en-GB", "cy")
    }
}

word_enum! {
    pub enum BodyKind {
        Council => "council", Cabinet => "cabinet", Scrutiny => "scrutiny",
        Standards => "standards", GovernanceAudit => "governance_audit",
        Regulatory => "regulatory", Joint => "joint", Other => "other",
    }
}

word_enum! {
    /// The word a decision opens with.
    pub enum Keyword { Resolved => "resolved", Recommended => "recommended", Agreed => "agreed" }
}

word_enum! {
    /// How the chair is styled in the minutes: "(Chairman)" or "(Chair)".
    pub enum ChairTitle { Chairman => "chairman", Chair => "chair" }
}

word_enum! {
    /// Whether a body's decisions need a reason for each limb before the draft is published:
    /// required (publishing is refused without one), warned (the limb is flagged but the
    /// draft publishes), or not asked.
    pub enum ReasonsRule { Required => "required", Warned => "warned", NotAsked => "not_asked" }
}

word_enum! {
    /// How a loose-leaf minute book (Sch 12 para 41(2)) numbers its pages: afresh from 1 each
    /// municipal year, or continuously across the whole book.
    pub enum MinuteBookNumbering { Year => "year", Continuous => "continuous" }
}

word_enum! {
    /// Whether a minute sequence is shared by several bodies or belongs to one.
    pub enum SequenceScope { Council => "council", Body => "body" }
}

word_enum! {
    pub enum PersonKind {
        Member => "member", CoOptedVoting => "co_opted_voting",
        CoOptedNonVoting => "co_opted_non_voting", Officer => "officer",
        External => "external", Public => "public",
    }
}

word_enum! {
    pub enum Role { Chair => "chair", ViceChair => "vice_chair", Member => "member", CoOpted => "co_opted", Observer => "observer" }
}

word_enum! {
    pub enum MeetingKind { Ordinary => "ordinary", Special => "special", Annual => "annual", Adjourned => "adjourned" }
}

word_enum! {
    pub enum MeetingMode { InPerson => "in_person", Hybrid => "hybrid", Remote => "remote" }
}

word_enum! {
    pub enum MeetingStatus {
        Scheduled => "scheduled", AgendaPublished => "agenda_published",
        InProgress => "in_progress", Closed => "closed",
    }
}

word_enum! {
    /// The legal life of a meeting's minutes. Only `Signed` locks them, for ever.
    pub enum MinutesStatus {
        Drafting => "drafting", DraftPublished => "draft_published",
        Approved => "approved", Signed => "signed",
    }
}

word_enum! {
    pub enum AttendanceStatus {
        Present => "present", Apologies => "apologies", Absent => "absent",
        AlsoPresent => "also_present", Officer => "officer", Substitute => "substitute",
    }
}

word_enum! {
    pub enum AttendanceMode { Room => "room", Remote => "remote" }
}

word_enum! {
    /// The capacity someone sat in, where it matters for the record.
    pub enum Capacity { Chair => "chair", ViceChair => "vice_chair", InTheChair => "in_the_chair" }
}

word_enum! {
    pub enum DeclarationKind { Personal => "personal", Prejudicial => "prejudicial", PartyWhip => "party_whip" }
}

word_enum! {
    pub enum DeclarationAction {
        Remained => "remained", Withdrew => "withdrew",
        SpokeThenWithdrew => "spoke_then_withdrew", WrittenRepresentations => "written_representations",
    }
}

word_enum! {
    /// How a limb was decided: without dissent, by a show of hands (counts), or by a
    /// recorded vote a member asked for (names).
    pub enum VoteMethod { Unanimous => "unanimous", ShowOfHands => "show_of_hands", Recorded => "recorded" }
}

word_enum! {
    /// One member's vote, or the side the chair's casting vote went to (never `abstain`).
    pub enum VoteChoice { For => "for", Against => "against", Abstain => "abstain" }
}

word_enum! {
    /// What a dispensation (Standards Committees (Grant of Dispensations) (Wales)
    /// Regulations 2001) allows a member with a prejudicial interest to do.
    pub enum DispensationScope { SpeakOnly => "speak_only", SpeakAndVote => "speak_and_vote" }
}

word_enum! {
    pub enum ItemPart { Public => "part1", Exempt => "part2" }
}

word_enum! {
    /// Where an agenda item came from; some print a tag after the heading, e.g. "(REF)".
    pub enum ItemOrigin {
        Standing => "standing", Report => "report", ReferredFromCabinet => "referred",
        CallIn => "call_in", RequestForConsideration => "request_for_consideration",
        Urgent => "urgent", NoticeOfMotion => "notice_of_motion",
    }
}

word_enum! {
    pub enum StandingItem {
        Apologies => "apologies", PreviousMinutes => "previous_minutes",
        Declarations => "declarations", Urgent => "urgent_matters",
    }
}

word_enum! {
    pub enum DocumentKind { Report => "report", Appendix => "appendix" }
}

word_enum! {
    pub enum BlockKind { Narrative => "narrative", Presentation => "presentation", Question => "question" }
}

word_enum! {
    pub enum ReferralPurpose {
        ForDecision => "for_decision", ForInformation => "for_information",
        ForConsultation => "for_consultation", S21Report => "s21_report",
    }
}

word_enum! {
    /// A referral's lifecycle. "Overdue" is not a state: it is read off the due date.
    pub enum ReferralStatus {
        Issued => "issued", Scheduled => "scheduled", Considered => "considered",
        ReportedBack => "reported_back", Closed => "closed",
    }
}

word_enum! {
    pub enum ReferralOutcome {
        Accepted => "accepted", AcceptedInPart => "accepted_in_part", NotAccepted => "not_accepted",
        Noted => "noted", Deferred => "deferred", ReferredBack => "referred_back",
    }
}

word_enum! {
    /// A call-in's lifecycle: requested by members, accepted or rejected by the scrutiny chair
    /// (or the Monitoring Officer), then considered by the scrutiny committee.
    pub enum CallInStatus {
        Requested => "requested", Accepted => "accepted", Rejected => "rejected",
        Considered => "considered",
    }
}

word_enum! {
    /// What the scrutiny committee decided on a called-in decision (s.21(3) LGA 2000).
    pub enum CallInOutcome {
        NoFurtherAction => "no_further_action", ReferredBack => "referred_back",
        ReferredToCouncil => "referred_to_council",
    }
}

word_enum! {
    pub enum AuditAction { Insert => "insert", Update => "update", Delete => "delete" }
}

word_enum! {
    /// One of the authority's own days: a weekday its offices are closed though it is not a
    /// bank holiday, or a bank holiday they are open.
    pub enum DayKind { Closed => "closed", Open => "open" }
}

word_enum! {
    /// Where a meeting's notice of decisions stands (s.100C(1C) LGA 1972): the meeting has not
    /// taken place yet; due (within seven working days beginning with the meeting day); due
    /// within three working days; overdue (its last day has passed); or published.
    pub enum NoticeState {
        NotYet => "not_yet", Due => "due", DueSoon => "due_soon",
        Overdue => "overdue", Published => "published",
    }
}

word_enum! {
    /// Which of a meeting's printed texts a translation is of (the table and column its
    /// original lives in).
    pub enum TextSource {
        AgendaTitle => "agenda_title", MinuteHeading => "minute_heading",
        PublicSummary => "public_summary", Narrative => "narrative",
        Presentation => "presentation", Question => "question", Answer => "answer",
        Limb => "limb", Reason => "reason", Amendment => "amendment",
    }
}

word_enum! {
    /// Whether a text needs translating, awaits its translation, or has one.
    pub enum TranslationStatus { NotNeeded => "not_needed", Awaiting => "awaiting", Done => "done" }
}

/// A text's other language: the original language, the translation's status and words, and
/// the original as it stood when it was translated (a different current original makes the
/// translation "outdated").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Translation {
    pub source: TextSource,
    pub source_id: String,
    pub original: Language,
    pub status: TranslationStatus,
    pub text: String,
    pub translated_from: String,
}

/// One printed text of a meeting as the translation view lists it, in document order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct TranslatableText {
    pub source: TextSource,
    pub source_id: String,
    /// Where it prints: "Item 5 – title", "Minute 476 – (2) reason".
    pub context: String,
    /// The language the text was written in (the legal record's words).
    pub original: Language,
    pub original_text: String,
    /// The text in the other language; empty while none.
    pub translation: String,
    pub status: TranslationStatus,
    /// Translated, but the original has changed since.
    pub outdated: bool,
    /// Document order, from 0.
    pub position: u32,
}

impl TranslatableText {
    /// Still to translate: awaiting, or done from an original that has since changed.
    pub fn needs_translation(&self) -> bool {
        self.status == TranslationStatus::Awaiting || self.outdated
    }
}

/// The council itself: one per database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Authority {
    pub name_en: String,
    pub name_cy: String,
    pub jurisdiction: Jurisdiction,
    pub languages: LanguagePolicy,
    /// The municipal year starts on this month and day unless a year is set explicitly
    /// (by the date of its Annual Meeting).
    pub year_start_month: u32,
    pub year_start_day: u32,
    /// Set when the authority keeps its minutes on loose leaves, consecutively numbered: signing
    /// minutes then allocates their minute-book pages. `None`: a bound book, no page numbers.
    #[ts(optional = nullable)]
    pub minute_book: Option<MinuteBookNumbering>,
    /// The sentence that records someone who presented an item: `{name}` is the presenter's
    /// name as printed, `{title}` their title or capacity. See [`PRESENTER_FORM_EN`].
    #[serde(default = "default_presenter_form_en")]
    pub presenter_form_en: String,
    /// The same sentence in the Welsh minutes. See [`PRESENTER_FORM_CY`].
    #[serde(default = "default_presenter_form_cy")]
    pub presenter_form_cy: String,
    /// The constitution's call-in period: working days after an executive decision is
    /// published (default 3).
    #[serde(default = "default_call_in_days")]
    #[ts(optional)]
    pub call_in_days: Option<u32>,
    /// How many members must request a call-in (default 3).
    #[serde(default = "default_call_in_members")]
    #[ts(optional)]
    pub call_in_members: Option<u32>,
    /// Which language is the legal record, the notice a translation carries, and how a
    /// bilingual document is laid out. Older exports lack it.
    #[serde(default)]
    pub documents: DocumentLanguages,
}

word_enum! {
    /// How the authority publishes a document in both languages (Welsh Language Standards:
    /// Welsh placed to be read first).
    pub enum BilingualLayout {
        /// Two documents, one in each language.
        Separate => "separate",
        /// One document, each section in Welsh then in English.
        WelshFirstSections => "welsh_first_sections",
        /// One document in two columns, Welsh on the left (not built yet: refused).
        SideBySide => "side_by_side",
    }
}

/// The translation notice in English when the Welsh is the legal record ([`DocumentLanguages`]).
pub const TRANSLATION_NOTICE_EN: &str =
    "This document is a translation. The version in Welsh is the legal record.";
/// The translation notice in Welsh when the English is the legal record.
pub const TRANSLATION_NOTICE_CY: &str =
    "Cyfieithiad yw'r ddogfen hon. Y fersiwn Saesneg yw'r cofnod cyfreithiol.";

/// The authority's documents in two languages: the one in its legal-record language is the
/// record; every document printed in the other carries the translation notice, in its own
/// language (Neath Port Talbot: "the minute in its original language is the legal record").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct DocumentLanguages {
    pub legal_language: Language,
    /// Printed on the English documents when the legal record is in Welsh.
    pub translation_notice_en: String,
    /// Printed on the Welsh documents when the legal record is in English.
    pub translation_notice_cy: String,
    pub layout: BilingualLayout,
}

impl Default for DocumentLanguages {
    fn default() -> Self {
        Self {
            legal_language: Language::En,
            translation_notice_en: TRANSLATION_NOTICE_EN.to_string(),
            translation_notice_cy: TRANSLATION_NOTICE_CY.to_string(),
            layout: BilingualLayout::Separate,
        }
    }
}

impl DocumentLanguages {
    /// The notice a document in `lang` carries: none in the legal-record language.
    pub fn notice(&self, lang: Language) -> Option<&str> {
        (lang != self.legal_language).then(|| {
            lang.pick(&self.translation_notice_en, &self.translation_notice_cy)
                .trim()
        })
    }
}

/// The call-in period when the constitution says nothing else: three working days.
pub const CALL_IN_DAYS: u32 = 3;
/// The members needed to call a decision in when the constitution says nothing else.
pub const CALL_IN_MEMBERS: u32 = 3;

fn default_call_in_days() -> Option<u32> {
    Some(CALL_IN_DAYS)
}

fn default_call_in_members() -> Option<u32> {
    Some(CALL_IN_MEMBERS)
}

impl Authority {
    /// A council named in English and Welsh under the law of `jurisdiction`, with the house's
    /// defaults: bilingual documents in Wales and English ones in England, the municipal year
    /// from 1st May, no minute book numbering, the house's presenter sentences and the
    /// statutory call-in period and members.
    pub fn new(name_en: &str, name_cy: &str, jurisdiction: Jurisdiction) -> Self {
        Authority {
            name_en: name_en.into(),
            name_cy: name_cy.into(),
            jurisdiction,
            languages: match jurisdiction {
                Jurisdiction::Wales => LanguagePolicy::Bilingual,
                Jurisdiction::England => LanguagePolicy::English,
            },
            year_start_month: 5,
            year_start_day: 1,
            minute_book: None,
            presenter_form_en: PRESENTER_FORM_EN.into(),
            presenter_form_cy: PRESENTER_FORM_CY.into(),
            call_in_days: None,
            call_in_members: None,
            documents: Default::default(),
        }
    }

    /// The call-in period in working days.
    pub fn call_in_days(&self) -> u32 {
        self.call_in_days.unwrap_or(CALL_IN_DAYS)
    }
    /// The members needed to request a call-in.
    pub fn call_in_members(&self) -> u32 {
        self.call_in_members.unwrap_or(CALL_IN_MEMBERS)
    }
}

/// The house's sentence for a presenter: "Dr. A. Person, Director of X, Y Health Board, was
/// present for this item."
pub const PRESENTER_FORM_EN: &str = "{name}, {title}, was present for this item.";
/// "Roedd Dr. A. Person, Cyfarwyddwr X, yn bresennol ar gyfer yr eitem hon."
pub const PRESENTER_FORM_CY: &str = "Roedd {name}, {title}, yn bresennol ar gyfer yr eitem hon.";

fn default_presenter_form_en() -> String {
    PRESENTER_FORM_EN.to_string()
}

fn default_presenter_form_cy() -> String {
    PRESENTER_FORM_CY.to_string()
}

/// The loose-leaf minute-book pages a meeting's signed minutes were given when they were signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct BookPages {
    pub first: u32,
    pub last: u32,
}

/// A minute sequence: council-wide (shared by several bodies) or one body's own, optionally
/// prefixed ("C" for Cabinet). Numbers restart at 1 each municipal year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct MinuteSequence {
    pub id: Uuid,
    pub name: String,
    pub prefix: String,
    pub scope: SequenceScope,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Body {
    pub id: Uuid,
    pub name_en: String,
    pub name_cy: String,
    pub kind: BodyKind,
    pub default_keyword: Keyword,
    pub chair_title: ChairTitle,
    pub quorum: u32,
    pub whip_declarations_required: bool,
    /// Whether each limb needs a reason before the draft is published.
    pub reasons: ReasonsRule,
    pub sequence_id: Uuid,
    pub retired: bool,
}

/// Where a minute sequence stands in one municipal year: the number its next minute takes,
/// and whether that can still be set (only before the year's first minute is numbered, as
/// when a council adopts Cofnod part way through a year).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct SequenceYear {
    pub sequence_id: Uuid,
    pub year_start: NaiveDate,
    /// The number the year's first minute takes: 1 unless set.
    pub first_number: u32,
    /// The number the next minute takes.
    pub next_number: u32,
    /// How many minutes the year has numbered; the first number can be set while none.
    pub numbered: u32,
    /// The next minute's number as printed, with the sequence's prefix.
    pub next_label: String,
}

/// A person as the minutes name them: `honorific` "Councillor", `name` "Mrs. A.J. Moore".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Person {
    pub id: Uuid,
    pub honorific: String,
    pub name: String,
    pub kind: PersonKind,
    /// Job title or capacity as printed: "Lead Inspector, CSSIW", "Director of Social Services".
    pub title: String,
    pub retired: bool,
}

impl Person {
    /// "Councillor Mrs. A.J. Moore"; an officer with no honorific is just the name.
    pub fn display_name(&self) -> String {
        if self.honorific.is_empty() {
            self.name.clone()
        } else {
            format!("{} {}", self.honorific, self.name)
        }
    }
    /// The key a list of names is sorted by: the surname, then the whole name.
    pub fn sort_key(&self) -> String {
        let surname = self.name.split_whitespace().last().unwrap_or("");
        format!(
            "{}\u{0}{}",
            surname.to_lowercase(),
            self.name.to_lowercase()
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Membership {
    pub id: Uuid,
    pub person_id: Uuid,
    pub body_id: Uuid,
    pub role: Role,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Meeting {
    pub id: Uuid,
    pub body_id: Uuid,
    pub kind: MeetingKind,
    pub date: NaiveDate,
    #[ts(type = "string | null")]
    pub start_time: Option<NaiveTime>,
    #[ts(type = "string | null")]
    pub end_time: Option<NaiveTime>,
    pub venue: String,
    pub mode: MeetingMode,
    pub joining_details: String,
    pub status: MeetingStatus,
    pub minutes_status: MinutesStatus,
    pub approved_at_meeting_id: Option<Uuid>,
    pub signed_by_person_id: Option<Uuid>,
    pub signed_on: Option<NaiveDate>,
    /// In loose-leaf mode, the minute-book pages allocated when the minutes were signed.
    #[ts(optional = nullable)]
    pub book_pages: Option<BookPages>,
}

/// One line of the meetings list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct MeetingSummary {
    pub id: Uuid,
    pub body_id: Uuid,
    pub body_name: String,
    pub date: NaiveDate,
    #[ts(type = "string | null")]
    pub start_time: Option<NaiveTime>,
    pub venue: String,
    pub status: MeetingStatus,
    pub minutes_status: MinutesStatus,
    pub item_count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Attendance {
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub person_id: Uuid,
    pub status: AttendanceStatus,
    pub substitute_for: Option<Uuid>,
    pub mode: AttendanceMode,
    pub capacity: Option<Capacity>,
    /// The agenda item at which they arrived late, or left early.
    pub arrived_at_item: Option<Uuid>,
    pub left_at_item: Option<Uuid>,
    /// Present for these agenda items only ("Also present for Agenda Item No. 4"); empty
    /// when present for the whole meeting.
    #[serde(default)]
    pub for_items: Vec<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Declaration {
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub person_id: Uuid,
    pub agenda_item_id: Option<Uuid>,
    pub kind: DeclarationKind,
    pub nature: String,
    pub action: Option<DeclarationAction>,
    pub dispensation: String,
}

/// A dispensation granted on a declaration of a prejudicial interest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Dispensation {
    pub id: Uuid,
    pub declaration_id: Uuid,
    /// The grant's reference, e.g. "SC/2025/04"; may be empty.
    pub reference: String,
    pub scope: DispensationScope,
    /// Who granted it, as printed: "Standards Committee".
    pub granted_by: String,
    pub granted_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
}

impl Dispensation {
    /// In force on `date`: granted by then and not yet expired.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.granted_on <= date && self.expires_on.is_none_or(|e| e >= date)
    }
    /// Allows its member to vote on `date`.
    pub fn allows_voting(&self, date: NaiveDate) -> bool {
        self.scope == DispensationScope::SpeakAndVote && self.in_force(date)
    }
}

/// How one limb was decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Vote {
    pub resolution_id: Uuid,
    pub method: VoteMethod,
    pub votes_for: u32,
    pub votes_against: u32,
    pub abstentions: u32,
    /// The chair's casting vote, on a tie: `for` or `against`.
    pub casting: Option<VoteChoice>,
    /// Who gave it: whoever presided.
    pub casting_by: Option<Uuid>,
    /// Who asked for the recorded vote.
    pub requested_by: Option<Uuid>,
    /// The names of a recorded vote.
    pub members: Vec<VoteMember>,
}

/// One member's vote in a recorded vote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct VoteMember {
    pub person_id: Uuid,
    pub choice: VoteChoice,
}

/// The clerk's minuted note on the quorum, which lets a limb be added at an item where the
/// meeting was inquorate; printed in the minute before its decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct QuorumNote {
    pub minute_id: Uuid,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct AgendaItem {
    pub id: Uuid,
    pub meeting_id: Uuid,
    /// 1-based position on the agenda; also the printed item number.
    pub position: u32,
    pub title_en: String,
    pub title_cy: String,
    pub part: ItemPart,
    /// Schedule 12A paragraphs, e.g. ["14"], for part 2 items.
    pub exempt_paragraphs: Vec<String>,
    pub public_interest: String,
    pub origin: ItemOrigin,
    pub standing: Option<StandingItem>,
    /// Printed after the heading, e.g. "REF" or "MO".
    pub tag: String,
    pub urgent_reason: String,
    pub presenting_officer_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct DocumentInfo {
    pub id: Uuid,
    pub agenda_item_id: Uuid,
    pub title: String,
    pub kind: DocumentKind,
    pub position: u32,
    pub page_count: u32,
    pub sha256: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
}

/// One minute: a number from the sequence, a heading, ordered blocks and the decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Minute {
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub agenda_item_id: Option<Uuid>,
    pub sequence_id: Uuid,
    pub year_start: NaiveDate,
    pub number: u32,
    /// The number as printed, prefix included: "C116", "474".
    pub label: String,
    pub heading: String,
    pub tag: String,
    pub exempt: bool,
    pub public_summary: String,
    pub position: u32,
    /// True once the clerk has edited the heading; until then it follows its agenda item's
    /// title (a minute with no agenda item has only the heading the clerk typed).
    #[serde(default)]
    pub heading_edited: bool,
}

/// A block of a minute's body, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Block {
    pub id: Uuid,
    pub minute_id: Uuid,
    pub position: u32,
    pub content: BlockContent,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum BlockContent {
    /// A paragraph of reported speech.
    Narrative { text: String },
    /// A presentation: who gave it, in what capacity, and its summary.
    Presentation {
        presenter_id: Option<Uuid>,
        presenter: String,
        capacity: String,
        summary: String,
    },
    /// A question and its answer. The asker is usually a role ("A Committee Member").
    Question {
        asked_by: String,
        asked_by_id: Option<Uuid>,
        question: String,
        answered_by: String,
        answered_by_id: Option<Uuid>,
        answer: String,
    },
}

impl BlockContent {
    pub fn kind(&self) -> BlockKind {
        match self {
            BlockContent::Narrative { .. } => BlockKind::Narrative,
            BlockContent::Presentation { .. } => BlockKind::Presentation,
            BlockContent::Question { .. } => BlockKind::Question,
        }
    }
}

/// One limb of a decision with its paired reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Resolution {
    pub id: Uuid,
    pub minute_id: Uuid,
    pub limb: u32,
    pub keyword: Keyword,
    /// The limb's words after "T H A T", e.g. "the report be noted."
    pub text: String,
    pub reason: String,
    /// "subject to resolution (1) above".
    pub conditional_on: Option<u32>,
    pub vote: String,
    /// The clerk recorded that this limb needs no reason, overriding the body's rule.
    pub reason_not_needed: bool,
    /// Set on the limb that approves the minutes of an earlier meeting: that meeting. Its
    /// words are written from the approval ([`MinutesApproval`]), in the document's language.
    #[ts(optional = nullable)]
    pub approves_meeting_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Referral {
    pub id: Uuid,
    pub resolution_id: Option<Uuid>,
    pub from_body_id: Uuid,
    pub to_body_id: Option<Uuid>,
    /// An outside body, when the target is not in the system.
    pub to_external: String,
    pub purpose: ReferralPurpose,
    pub sent_on: NaiveDate,
    pub response_due: NaiveDate,
    pub status: ReferralStatus,
    pub target_meeting_id: Option<Uuid>,
    pub target_minute_id: Option<Uuid>,
    pub outcome: Option<ReferralOutcome>,
    pub response_text: String,
    pub reported_back_meeting_id: Option<Uuid>,
    pub closed_on: Option<NaiveDate>,
}

/// An amendment agreed when the minutes were approved, recorded in the approving minute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Amendment {
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub approving_meeting_id: Uuid,
    pub position: u32,
    pub text: String,
}

/// A Cabinet limb's statement as an executive decision (SI 2001/2290 regs 6-7; R18, R20).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct ExecutiveDecision {
    pub resolution_id: Uuid,
    pub meeting_id: Uuid,
    pub key_decision: bool,
    /// The options considered and rejected ("None" when there were none).
    pub options_rejected: String,
    /// The consultation undertaken ("None" when there was none).
    pub consultation: String,
    /// Interests declared by executive members consulted, and dispensations granted.
    pub interests: String,
    /// When the decision was published (the day after the meeting by default).
    pub published_on: NaiveDate,
    /// The last day of the call-in period; none for an urgent decision.
    pub call_in_ends: Option<NaiveDate>,
    /// Urgent, for immediate implementation: the scrutiny chair agreed there would be no call-in.
    pub urgent: bool,
    pub urgent_agreed_by: String,
    pub urgent_agreed_on: Option<NaiveDate>,
}

/// The day an executive decision was implemented (not part of the minutes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct Implementation {
    pub resolution_id: Uuid,
    pub implemented_on: NaiveDate,
}

/// Members' request to call in an executive decision, and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct CallIn {
    pub id: Uuid,
    /// The Cabinet limb called in.
    pub resolution_id: Uuid,
    /// The Cabinet meeting that took the decision.
    pub meeting_id: Uuid,
    pub requested_on: NaiveDate,
    pub grounds: String,
    pub status: CallInStatus,
    /// The scrutiny chair (or Monitoring Officer) who accepted or rejected it.
    pub decided_by: String,
    pub decided_on: Option<NaiveDate>,
    pub rejection_reason: String,
    pub scrutiny_meeting_id: Option<Uuid>,
    pub agenda_item_id: Option<Uuid>,
    pub scrutiny_minute_id: Option<Uuid>,
    pub outcome: Option<CallInOutcome>,
    /// The committee's concerns, sent with a referral back to Cabinet or to Council.
    pub concerns: String,
    /// The referral issued by the outcome (to Cabinet, or to Council).
    pub referral_id: Option<Uuid>,
    /// Cabinet's (or Council's) minute that reconsidered the decision: the end of the chain.
    pub reconsidered_minute_id: Option<Uuid>,
    /// The members who requested it.
    pub members: Vec<Uuid>,
}

/// A call-in considered at a scrutiny meeting, with what its minute quotes: the Cabinet
/// minute, its resolution and reason, and the members who called it in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct CalledIn {
    pub call_in: CallIn,
    /// The Cabinet minute's number as printed ("C12").
    pub minute_label: String,
    pub heading: String,
    pub limb: u32,
    pub keyword: Keyword,
    pub text: String,
    pub reason: String,
    pub cabinet_date: NaiveDate,
    /// The requesting members as (honorific, name), in the order they signed.
    pub members: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub table: String,
    pub row_id: String,
    pub action: AuditAction,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A whole meeting as one document: what the minutes are printed from and what is exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct MeetingRecord {
    pub authority: Authority,
    pub body: Body,
    pub meeting: Meeting,
    pub people: Vec<Person>,
    pub memberships: Vec<Membership>,
    pub attendance: Vec<Attendance>,
    pub declarations: Vec<Declaration>,
    pub agenda: Vec<AgendaItem>,
    pub documents: Vec<DocumentInfo>,
    pub minutes: Vec<MinuteRecord>,
    pub referrals: Vec<Referral>,
    pub bodies: Vec<Body>,
    /// The minute sequences of `bodies` (what an import creates a missing body's sequence
    /// from). Older exports lack it.
    #[serde(default)]
    pub sequences: Vec<MinuteSequence>,
    pub amendments: Vec<Amendment>,
    /// The meeting whose minutes approved this one, if approved.
    pub approved_at: Option<MeetingRef>,
    /// The agenda packs issued for the meeting: the agenda (number 0), then its supplements,
    /// with the pages each report took.
    pub pack_issues: Vec<PackIssue>,
    /// The minutes of earlier meetings approved at this one, each by one limb of its minutes.
    #[serde(default)]
    pub approvals: Vec<MinutesApproval>,
    /// The number of the minute that approved these minutes ("C116"), if approved.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub approved_at_minute: Option<String>,
    /// How limbs were decided, one per limb voted on. Older exports lack it.
    #[serde(default)]
    pub votes: Vec<Vote>,
    /// Dispensations on the declarations. Older exports lack it.
    #[serde(default)]
    pub dispensations: Vec<Dispensation>,
    /// The clerk's notes on the quorum, one per minute at most. Older exports lack it.
    #[serde(default)]
    pub quorum_notes: Vec<QuorumNote>,
    /// Cabinet meetings: the executive decisions among its limbs.
    #[serde(default)]
    pub executive_decisions: Vec<ExecutiveDecision>,
    /// When this meeting's executive decisions were implemented.
    #[serde(default)]
    pub implementations: Vec<Implementation>,
    /// Call-ins of this meeting's executive decisions.
    #[serde(default)]
    pub call_ins: Vec<CallIn>,
    /// Call-ins considered at this (scrutiny) meeting, with what their minutes quote.
    #[serde(default)]
    pub called_in: Vec<CalledIn>,
    /// That the meeting's notice of decisions (s.100C(1C) LGA 1972) was published, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional = nullable)]
    pub decisions_notice: Option<DecisionsNoticeInfo>,
    /// The other language of the meeting's texts (and of the amendments this meeting
    /// agreed to earlier minutes). Older exports lack it.
    #[serde(default)]
    pub translations: Vec<Translation>,
}

/// The minutes of an earlier meeting approved at this one: the limb that approves them and
/// the amendments agreed (the same rows the approved meeting shows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct MinutesApproval {
    pub resolution_id: Uuid,
    pub meeting: MeetingRef,
    pub amendments: Vec<Amendment>,
}

/// The pack pages one report or appendix took when a pack was issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct PackedDocument {
    pub document_id: Uuid,
    pub first_page: u32,
    pub last_page: u32,
}

/// A pack issued for a meeting: the agenda itself (number 0) or supplement 1, 2...
/// Pages are those of the full (confidential) pack, which numbers every report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct PackIssue {
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub number: u32,
    pub issued_on: NaiveDate,
    pub first_page: u32,
    pub last_page: u32,
    pub documents: Vec<PackedDocument>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct MinuteRecord {
    pub minute: Minute,
    pub blocks: Vec<Block>,
    pub resolutions: Vec<Resolution>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct MeetingRef {
    pub id: Uuid,
    pub body_name: String,
    /// The body's Welsh name; empty when none is recorded.
    pub body_name_cy: String,
    pub date: NaiveDate,
}

impl MeetingRecord {
    pub fn person(&self, id: Uuid) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }
    pub fn body_named(&self, id: Uuid) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id == id)
    }
    pub fn vote_of(&self, resolution_id: Uuid) -> Option<&Vote> {
        self.votes.iter().find(|v| v.resolution_id == resolution_id)
    }
    pub fn dispensation_of(&self, declaration_id: Uuid) -> Option<&Dispensation> {
        self.dispensations
            .iter()
            .find(|d| d.declaration_id == declaration_id)
    }
    pub fn executive_decision(&self, resolution_id: Uuid) -> Option<&ExecutiveDecision> {
        self.executive_decisions
            .iter()
            .find(|e| e.resolution_id == resolution_id)
    }
    /// The agenda item whose title a minute's heading simply follows (not edited, the same
    /// words): its translation is the heading's.
    pub fn heading_follows_title(&self, minute: &Minute) -> Option<Uuid> {
        let item = minute.agenda_item_id?;
        let title = self.agenda.iter().find(|i| i.id == item)?;
        (!minute.heading_edited && title.title_en == minute.heading).then_some(item)
    }

    /// The translation row of one text, if any.
    pub fn translation(&self, source: TextSource, source_id: &str) -> Option<&Translation> {
        self.translations
            .iter()
            .find(|t| t.source == source && t.source_id == source_id)
    }

    /// The words to print for a clerk's text in a document in `lang`: the original text when
    /// `lang` is its original language or no translation is done, otherwise the translation.
    /// A minute heading that follows its agenda item's title takes the title's translation;
    /// an agenda title with no translation row prints its Welsh title (`title_cy`) in Welsh.
    pub fn text_in<'a>(
        &'a self,
        lang: Language,
        source: TextSource,
        source_id: &str,
        original_text: &'a str,
    ) -> &'a str {
        let row = self.translation(source, source_id);
        let original = row.map_or(Language::En, |t| t.original);
        if lang == original {
            return original_text;
        }
        if let Some(t) = row {
            if t.status == TranslationStatus::Done && !t.text.trim().is_empty() {
                return &t.text;
            }
            return original_text;
        }
        match source {
            TextSource::MinuteHeading => {
                let item = self
                    .minutes
                    .iter()
                    .find(|m| m.minute.id.to_string() == source_id)
                    .and_then(|m| self.heading_follows_title(&m.minute));
                match item {
                    Some(item) => self.text_in(
                        lang,
                        TextSource::AgendaTitle,
                        &item.to_string(),
                        original_text,
                    ),
                    None => original_text,
                }
            }
            TextSource::AgendaTitle if lang == Language::Cy => self
                .agenda
                .iter()
                .find(|i| i.id.to_string() == source_id)
                .map_or(original_text, |i| lang.text(original_text, &i.title_cy)),
            _ => original_text,
        }
    }
}

/// That a meeting's notice of decisions was published, and on which day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct DecisionsNoticeInfo {
    pub published_on: NaiveDate,
}

/// One of the authority's own days, with the name it is known by ("Council closure").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct AuthorityDay {
    pub day: NaiveDate,
    pub kind: DayKind,
    pub name: String,
}

/// A bank holiday of England and Wales, and whether the authority works it all the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct BankHoliday {
    pub day: NaiveDate,
    pub name: String,
    /// The authority's offices are open that day (one of its own days says so).
    pub worked: bool,
}

/// The working-day calendar of one year as the Set-up screen shows it: the bank holidays
/// (computed) and the authority's own days that fall in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct CalendarYear {
    pub year: i32,
    pub bank_holidays: Vec<BankHoliday>,
    pub days: Vec<AuthorityDay>,
}

/// Where one meeting's notice of decisions stands on a day: its last day (seven working days
/// beginning with the meeting day), and when it was published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct NoticeDue {
    pub meeting_id: Uuid,
    pub body_name: String,
    pub date: NaiveDate,
    /// The last day it may be published on.
    pub due: NaiveDate,
    #[ts(optional = nullable)]
    pub published_on: Option<NaiveDate>,
    pub state: NoticeState,
    /// Working days after today up to the due date (0 on the day itself and once overdue).
    pub working_days_left: u32,
}

/// A search hit across minutes, resolutions, reasons and agenda titles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct SearchHit {
    pub kind: String,
    pub meeting_id: Uuid,
    pub body_name: String,
    pub date: NaiveDate,
    pub minute_label: Option<String>,
    pub heading: String,
    /// The matched text with the search words between [ and ].
    pub snippet: String,
    /// The language of the matched text: a translation's, or the original's (English unless
    /// the text was first written in Welsh). An agenda item's titles count as English.
    #[serde(default = "Language::english")]
    pub language: Language,
}

/// What the app shows about itself: the version and where its database is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub database_path: String,
}

/// Where the app stands as its window opens: a council open, or the first start's choice to
/// make (set up a new council, or open the demo).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct StartState {
    /// A council is open: every screen can be shown.
    pub council_open: bool,
    /// The database file the app uses, or will create when the choice is made.
    pub database_path: String,
}

/// A backup written, or restored from, as the window words it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct BackupDone {
    /// The backup file written (or restored from).
    pub path: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// On restore: where the database as it was before the restore was kept.
    #[ts(optional = nullable)]
    pub previous: Option<String>,
}

/// The check of the record the app runs at start (the same as `cofnod verify`), as the
/// window shows it: still running, clean, or each break named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, JsonSchema)]
#[ts(export)]
pub struct RecordCheck {
    /// False while the check is still running.
    pub done: bool,
    /// Each break, one line each: the meeting (committee and date), table, row and what.
    pub problems: Vec<String>,
    #[ts(type = "number")]
    pub audit_entries: i64,
    #[ts(type = "number")]
    pub signed_minutes: i64,
    /// Why the check itself could not run, if it could not.
    pub error: Option<String>,
}
