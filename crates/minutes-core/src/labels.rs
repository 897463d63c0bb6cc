//! The printed words of the minutes in English and Welsh, from the glossary of the domain
//! reference. Forms marked [K] there are standard usage not yet seen in a council's own
//! minutes; they are kept here in one place so a council can check and correct them.

use crate::model::{ChairTitle, Keyword, Language, ReferralOutcome, ReferralPurpose};

/// A fixed label of the printed minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Minutes,
    MinutesOfMeetingHeldOn,
    Present,
    AlsoPresent,
    InAttendance,
    CoOptedMembers,
    Apologies,
    Declarations,
    NoDeclarations,
    ReasonsForDecisions,
    ReasonForDecision,
    ReasonsForRecommendations,
    ReasonForRecommendation,
    Draft,
    Page,
    Of,
    Signed,
    Date,
    SubjectToResolution,
    Above,
    AttendanceForItem,
    ExemptNotPublished,
    Confidential,
    // The agenda pack.
    Agenda,
    Membership,
    Members,
    ContactOfficer,
    DateOfIssue,
    /// "Pages" before a range "5 – 12"; "Page" is used for a single page.
    Pages,
    /// "You are invited to attend a meeting of"
    InvitedToAttend,
    ToBeHeldOn,
    At,
    In,
    ModeInPerson,
    ModeHybrid,
    ModeRemote,
    HowToJoin,
    Part2,
    ExclusionOfPublic,
    /// Before the paragraph numbers of the exclusion notice.
    ExclusionNotice,
    /// After them.
    ExclusionNoticeEnd,
    Paragraph,
    Paragraphs,
    /// "Addendum {n} to the agenda": `{n}` is the supplement's number.
    Addendum,
    AddendumIntro,
    FrontSheet,
    NotForPublication,
    // The recommendation tracker. Welsh forms are [K]: standard usage, to be checked.
    /// The report's default title.
    TrackerTitle,
    /// Between the two dates of the period: "1st April, 2025 to 30th June, 2025".
    PeriodTo,
    DateProduced,
    Summary,
    Recommendations,
    AwaitingResponse,
    /// "5 (2 overdue)": after the count of those overdue.
    OverdueCount,
    Considered,
    Closed,
    Outcomes,
    NoneYet,
    Meeting,
    ReferredTo,
    Sent,
    ResponseDue,
    Status,
    Outcome,
    Response,
    ConsideredAt,
    ReportedBack,
    /// The word before a minute number: "minute C116".
    MinuteWord,
    /// The number column of a referral with no recorded resolution.
    NoResolution,
    /// In a status, after the status word.
    Overdue,
    /// "{n} days late": `{n}` is the number of days.
    DaysLate,
    DayLate,
    StatusIssued,
    StatusScheduled,
    StatusReportedBack,
    NoRecommendations,
}

pub fn label(l: Label, lang: Language) -> &'static str {
    use Label::*;
    use Language::*;
    match (l, lang) {
        (Minutes, En) => "Minutes",
        (Minutes, Cy) => "Cofnodion",
        (MinutesOfMeetingHeldOn, En) => "Minutes of a meeting held on",
        (MinutesOfMeetingHeldOn, Cy) => "Cofnodion cyfarfod a gynhaliwyd ar",
        (Present, En) => "Present",
        (Present, Cy) => "Yn bresennol",
        (AlsoPresent, En) => "Also present",
        (AlsoPresent, Cy) => "Hefyd yn bresennol",
        (InAttendance, En) => "In attendance",
        (InAttendance, Cy) => "Wrth law",
        (CoOptedMembers, En) => "Co-opted members",
        (CoOptedMembers, Cy) => "Aelodau cyfetholedig",
        (Apologies, En) => "Apologies for absence",
        (Apologies, Cy) => "Ymddiheuriadau am absenoldeb",
        (Declarations, En) => "Declarations of interest",
        (Declarations, Cy) => "Datganiadau o fuddiant",
        (NoDeclarations, En) => "No declarations were received.",
        (NoDeclarations, Cy) => "Ni dderbyniwyd unrhyw ddatganiadau.",
        (ReasonsForDecisions, En) => "Reasons for decisions",
        (ReasonsForDecisions, Cy) => "Rhesymau dros y penderfyniadau",
        (ReasonForDecision, En) => "Reason for decision",
        (ReasonForDecision, Cy) => "Rheswm dros y penderfyniad",
        (ReasonsForRecommendations, En) => "Reasons for recommendations",
        (ReasonsForRecommendations, Cy) => "Rhesymau dros yr argymhellion",
        (ReasonForRecommendation, En) => "Reason for recommendation",
        (ReasonForRecommendation, Cy) => "Rheswm dros yr argymhelliad",
        (Draft, En) => "DRAFT",
        (Draft, Cy) => "DRAFFT",
        (Page, En) => "Page",
        (Page, Cy) => "Tudalen",
        (Of, En) => "of",
        (Of, Cy) => "o",
        (Signed, En) => "Signed",
        (Signed, Cy) => "Llofnodwyd",
        (Date, En) => "Date",
        (Date, Cy) => "Dyddiad",
        (SubjectToResolution, En) => "subject to resolution",
        (SubjectToResolution, Cy) => "yn amodol ar benderfyniad",
        (Above, En) => "above",
        (Above, Cy) => "uchod",
        (AttendanceForItem, En) => "In attendance for this item",
        (AttendanceForItem, Cy) => "Yn bresennol ar gyfer yr eitem hon",
        (ExemptNotPublished, En) => "This item was considered in private. Its minute is not published because it contains exempt information as defined in paragraph",
        (ExemptNotPublished, Cy) => "Ystyriwyd yr eitem hon yn breifat. Ni chyhoeddir ei chofnod am ei fod yn cynnwys gwybodaeth eithriedig fel y'i diffinnir ym mharagraff",
        (Confidential, En) => "CONFIDENTIAL",
        (Confidential, Cy) => "CYFRINACHOL",
        (Agenda, En) => "Agenda",
        (Agenda, Cy) => "Agenda",
        (Membership, En) => "Membership",
        (Membership, Cy) => "Aelodaeth",
        (Members, En) => "Members",
        (Members, Cy) => "Aelodau",
        (ContactOfficer, En) => "Contact officer",
        (ContactOfficer, Cy) => "Cyswllt",
        (DateOfIssue, En) => "Date of issue",
        (DateOfIssue, Cy) => "Dyddiad cyhoeddi",
        (Pages, En) => "Pages",
        (Pages, Cy) => "Tudalennau",
        (InvitedToAttend, En) => "You are invited to attend a meeting of the",
        (InvitedToAttend, Cy) => "Fe'ch gwahoddir i gyfarfod o'r",
        (ToBeHeldOn, En) => "to be held on",
        (ToBeHeldOn, Cy) => "a gynhelir ar",
        (At, En) => "at",
        (At, Cy) => "am",
        (In, En) => "in",
        (In, Cy) => "yn",
        (ModeInPerson, En) => "The meeting will be held in person and is open to the public.",
        (ModeInPerson, Cy) => "Cynhelir y cyfarfod wyneb yn wyneb ac mae'n agored i'r cyhoedd.",
        (ModeHybrid, En) => "This is a hybrid meeting: members may attend in person or remotely by video-conference. It is open to the public.",
        (ModeHybrid, Cy) => "Cyfarfod hybrid yw hwn: gall aelodau fod yn bresennol yn y lleoliad neu o bell trwy fideo-gynadledda. Mae'n agored i'r cyhoedd.",
        (ModeRemote, En) => "The meeting will be held remotely by video-conference and is open to the public.",
        (ModeRemote, Cy) => "Cynhelir y cyfarfod o bell trwy fideo-gynadledda ac mae'n agored i'r cyhoedd.",
        (HowToJoin, En) => "How to join",
        (HowToJoin, Cy) => "Sut i ymuno",
        (Part2, En) => "PART 2",
        (Part2, Cy) => "RHAN 2",
        (ExclusionOfPublic, En) => "Exclusion of the press and public",
        (ExclusionOfPublic, Cy) => "Cau allan y wasg a'r cyhoedd",
        (ExclusionNotice, En) => "To consider whether to exclude the press and public from the meeting during consideration of the following items of business, on the grounds that they involve the likely disclosure of exempt information as defined in",
        (ExclusionNotice, Cy) => "Ystyried a ddylid cau allan y wasg a'r cyhoedd o'r cyfarfod yn ystod yr eitemau busnes canlynol, ar y sail eu bod yn debygol o ddatgelu gwybodaeth eithriedig fel y'i diffinnir yn",
        (ExclusionNoticeEnd, En) => "of Part 4 of Schedule 12A to the Local Government Act 1972",
        (ExclusionNoticeEnd, Cy) => "Rhan 4 Atodlen 12A Deddf Llywodraeth Leol 1972",
        (Paragraph, En) => "paragraph",
        (Paragraph, Cy) => "paragraff",
        (Paragraphs, En) => "paragraphs",
        (Paragraphs, Cy) => "paragraffau",
        (Addendum, En) => "Addendum {n} to the agenda",
        (Addendum, Cy) => "Adendwm {n} i'r agenda",
        (AddendumIntro, En) => "The following documents, not available when the agenda was published, are attached for the meeting of the",
        (AddendumIntro, Cy) => "Atodir y dogfennau canlynol, nad oeddent ar gael pan gyhoeddwyd yr agenda, ar gyfer cyfarfod y",
        (FrontSheet, En) => "Front sheet",
        (FrontSheet, Cy) => "Tudalen flaen",
        (NotForPublication, En) => "Not for publication",
        (NotForPublication, Cy) => "Nid i'w gyhoeddi",
        (TrackerTitle, En) => "Decision tracking of recommendations",
        (TrackerTitle, Cy) => "Olrhain penderfyniadau ar argymhellion",
        (PeriodTo, En) => "to",
        (PeriodTo, Cy) => "hyd at",
        (DateProduced, En) => "Date produced",
        (DateProduced, Cy) => "Dyddiad llunio",
        (Summary, En) => "Summary",
        (Summary, Cy) => "Crynodeb",
        (Recommendations, En) => "Recommendations",
        (Recommendations, Cy) => "Argymhellion",
        (AwaitingResponse, En) => "Awaiting a response",
        (AwaitingResponse, Cy) => "Yn aros am ymateb",
        (OverdueCount, En) => "overdue",
        (OverdueCount, Cy) => "yn hwyr",
        (Considered, En) => "Considered",
        (Considered, Cy) => "Ystyriwyd",
        (Closed, En) => "Closed",
        (Closed, Cy) => "Caewyd",
        (Outcomes, En) => "Outcomes",
        (Outcomes, Cy) => "Canlyniadau",
        (NoneYet, En) => "none yet",
        (NoneYet, Cy) => "dim eto",
        (Meeting, En) => "Meeting",
        (Meeting, Cy) => "Cyfarfod",
        (ReferredTo, En) => "Referred to",
        (ReferredTo, Cy) => "Cyfeiriwyd at",
        (Sent, En) => "Sent",
        (Sent, Cy) => "Anfonwyd",
        (ResponseDue, En) => "Response due",
        (ResponseDue, Cy) => "Ymateb erbyn",
        (Status, En) => "Status",
        (Status, Cy) => "Statws",
        (Outcome, En) => "Outcome",
        (Outcome, Cy) => "Canlyniad",
        (Response, En) => "Response",
        (Response, Cy) => "Ymateb",
        (ConsideredAt, En) => "Considered at",
        (ConsideredAt, Cy) => "Ystyriwyd gan",
        (ReportedBack, En) => "Reported back",
        (ReportedBack, Cy) => "Adroddwyd yn ôl",
        (MinuteWord, En) => "minute",
        (MinuteWord, Cy) => "cofnod",
        (NoResolution, En) => "(no resolution recorded)",
        (NoResolution, Cy) => "(dim penderfyniad wedi'i gofnodi)",
        (Overdue, En) => "OVERDUE",
        (Overdue, Cy) => "YN HWYR",
        (DaysLate, En) => "{n} days late",
        (DaysLate, Cy) => "{n} diwrnod yn hwyr",
        (DayLate, En) => "1 day late",
        (DayLate, Cy) => "1 diwrnod yn hwyr",
        (StatusIssued, En) => "Awaiting a response",
        (StatusIssued, Cy) => "Yn aros am ymateb",
        (StatusScheduled, En) => "Scheduled for consideration",
        (StatusScheduled, Cy) => "Wedi'i drefnu i'w ystyried",
        (StatusReportedBack, En) => "Considered and reported back",
        (StatusReportedBack, Cy) => "Ystyriwyd ac adroddwyd yn ôl",
        (NoRecommendations, En) => "No recommendations were referred in this period.",
        (NoRecommendations, Cy) => "Ni chyfeiriwyd unrhyw argymhellion yn ystod y cyfnod hwn.",
    }
}

/// The decision keyword as printed, in capitals.
pub fn keyword(k: Keyword, lang: Language) -> &'static str {
    match (k, lang) {
        (Keyword::Resolved, Language::En) => "RESOLVED",
        (Keyword::Resolved, Language::Cy) => "PENDERFYNWYD",
        (Keyword::Recommended, Language::En) => "RECOMMENDED",
        (Keyword::Recommended, Language::Cy) => "ARGYMHELLWYD",
        (Keyword::Agreed, Language::En) => "AGREED",
        (Keyword::Agreed, Language::Cy) => "CYTUNWYD",
    }
}

/// A referral's outcome as printed in the tracker ([K] in Welsh).
pub fn outcome(o: ReferralOutcome, lang: Language) -> &'static str {
    use ReferralOutcome::*;
    match (o, lang) {
        (Accepted, Language::En) => "Accepted",
        (Accepted, Language::Cy) => "Derbyniwyd",
        (AcceptedInPart, Language::En) => "Accepted in part",
        (AcceptedInPart, Language::Cy) => "Derbyniwyd yn rhannol",
        (NotAccepted, Language::En) => "Not accepted",
        (NotAccepted, Language::Cy) => "Ni dderbyniwyd",
        (Noted, Language::En) => "Noted",
        (Noted, Language::Cy) => "Nodwyd",
        (Deferred, Language::En) => "Deferred",
        (Deferred, Language::Cy) => "Gohiriwyd",
        (ReferredBack, Language::En) => "Referred back",
        (ReferredBack, Language::Cy) => "Cyfeiriwyd yn ôl",
    }
}

/// Why a matter was referred, as printed after the body it went to ([K] in Welsh).
pub fn purpose(p: ReferralPurpose, lang: Language) -> &'static str {
    use ReferralPurpose::*;
    match (p, lang) {
        (ForDecision, Language::En) => "for decision",
        (ForDecision, Language::Cy) => "i'w benderfynu",
        (ForInformation, Language::En) => "for information",
        (ForInformation, Language::Cy) => "er gwybodaeth",
        (ForConsultation, Language::En) => "for consultation",
        (ForConsultation, Language::Cy) => "i ymgynghori",
        (S21Report, Language::En) => "report under section 21 of the Local Government Act 2000",
        (S21Report, Language::Cy) => "adroddiad dan adran 21 Deddf Llywodraeth Leol 2000",
    }
}

/// The letter-spaced opener of every limb.
pub fn that(lang: Language) -> &'static str {
    match lang {
        Language::En => "T H A T",
        Language::Cy => "B O D",
    }
}

/// "(Chairman)", "(Vice-Chair)"...
pub fn chair(title: ChairTitle, vice: bool, lang: Language) -> &'static str {
    match (lang, title, vice) {
        (Language::En, ChairTitle::Chairman, false) => "Chairman",
        (Language::En, ChairTitle::Chairman, true) => "Vice-Chairman",
        (Language::En, ChairTitle::Chair, false) => "Chair",
        (Language::En, ChairTitle::Chair, true) => "Vice-Chair",
        (Language::Cy, _, false) => "Cadeirydd",
        (Language::Cy, _, true) => "Is-Gadeirydd",
    }
}

/// The Welsh for the roles questions are usually attributed to ("A Committee Member", "the
/// Chairman"), from the glossary's terms (Aelod, Pwyllgor, Cadeirydd, Aelod cyfetholedig, Aelod
/// Cabinet, Swyddog Monitro). Any other wording is printed as the clerk entered it.
pub fn role_cy(role: &str) -> Option<&'static str> {
    let key = role.trim().to_lowercase().replace('\u{2011}', "-");
    Some(match key.as_str() {
        "a committee member" | "a member of the committee" => "Aelod o'r Pwyllgor",
        "a member" => "Aelod",
        "members" | "committee members" => "Aelodau'r Pwyllgor",
        "a co-opted member" => "Aelod cyfetholedig",
        "a cabinet member" | "the cabinet member" => "Aelod Cabinet",
        "the chairman" | "the chair" => "y Cadeirydd",
        "the vice-chairman" | "the vice-chair" => "yr Is-Gadeirydd",
        "the monitoring officer" => "y Swyddog Monitro",
        _ => return None,
    })
}

/// "Councillor" / "Councillors" in the language of the document.
pub fn councillor(plural: bool, lang: Language) -> &'static str {
    match (lang, plural) {
        (Language::En, false) => "Councillor",
        (Language::En, true) => "Councillors",
        (Language::Cy, false) => "Y Cynghorydd",
        (Language::Cy, true) => "Y Cynghorwyr",
    }
}

/// The word joining the last two names of a list.
pub fn and(lang: Language) -> &'static str {
    match lang {
        Language::En => "and",
        Language::Cy => "a",
    }
}

/// Monday = 1 ... Sunday = 7.
pub fn weekday(n: u32, lang: Language) -> &'static str {
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    // As printed before a date: "dydd Iau, 17 Medi 2026".
    const CY: [&str; 7] = [
        "dydd Llun",
        "dydd Mawrth",
        "dydd Mercher",
        "dydd Iau",
        "dydd Gwener",
        "dydd Sadwrn",
        "dydd Sul",
    ];
    let i = (n.clamp(1, 7) - 1) as usize;
    match lang {
        Language::En => EN[i],
        Language::Cy => CY[i],
    }
}

pub fn month(m: u32, lang: Language) -> &'static str {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const CY: [&str; 12] = [
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ];
    let i = (m.clamp(1, 12) - 1) as usize;
    match lang {
        Language::En => EN[i],
        Language::Cy => CY[i],
    }
}
