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
    /// Before the paragraph numbers of the exclusion notice (the Welsh ends before "ym
    /// mharagraff", which [`exclusion_notice_paragraphs`] writes with its mutation).
    ExclusionNotice,
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
    match l {
        Minutes => lang.pick("Minutes", "Cofnodion"),
        MinutesOfMeetingHeldOn => lang.pick("Minutes of a meeting held on", "Cofnodion cyfarfod a gynhaliwyd ar"),
        Present => lang.pick("Present", "Yn bresennol"),
        AlsoPresent => lang.pick("Also present", "Hefyd yn bresennol"),
        InAttendance => lang.pick("In attendance", "Wrth law"),
        CoOptedMembers => lang.pick("Co-opted members", "Aelodau cyfetholedig"),
        Apologies => lang.pick("Apologies for absence", "Ymddiheuriadau am absenoldeb"),
        Declarations => lang.pick("Declarations of interest", "Datganiadau o fuddiant"),
        NoDeclarations => lang.pick("No declarations were received.", "Ni dderbyniwyd unrhyw ddatganiadau."),
        ReasonsForDecisions => lang.pick("Reasons for decisions", "Rhesymau dros y penderfyniadau"),
        ReasonForDecision => lang.pick("Reason for decision", "Rheswm dros y penderfyniad"),
        ReasonsForRecommendations => lang.pick("Reasons for recommendations", "Rhesymau dros yr argymhellion"),
        ReasonForRecommendation => lang.pick("Reason for recommendation", "Rheswm dros yr argymhelliad"),
        Draft => lang.pick("DRAFT", "DRAFFT"),
        Page => lang.pick("Page", "Tudalen"),
        Of => lang.pick("of", "o"),
        Signed => lang.pick("Signed", "Llofnodwyd"),
        Date => lang.pick("Date", "Dyddiad"),
        SubjectToResolution => lang.pick("subject to resolution", "yn amodol ar benderfyniad"),
        Above => lang.pick("above", "uchod"),
        ExemptNotPublished => lang.pick("This item was considered in private. Its minute is not published because it contains exempt information as defined in paragraph", "Ystyriwyd yr eitem hon yn breifat. Ni chyhoeddir ei chofnod am ei fod yn cynnwys gwybodaeth eithriedig fel y'i diffinnir"),
        Confidential => lang.pick("CONFIDENTIAL", "CYFRINACHOL"),
        Agenda => lang.pick("Agenda", "Agenda"),
        Membership => lang.pick("Membership", "Aelodaeth"),
        Members => lang.pick("Members", "Aelodau"),
        ContactOfficer => lang.pick("Contact officer", "Cyswllt"),
        DateOfIssue => lang.pick("Date of issue", "Dyddiad cyhoeddi"),
        Pages => lang.pick("Pages", "Tudalennau"),
        InvitedToAttend => lang.pick("You are invited to attend a meeting of the", "Fe'ch gwahoddir i gyfarfod o'r"),
        ToBeHeldOn => lang.pick("to be held on", "a gynhelir ar"),
        At => lang.pick("at", "am"),
        In => lang.pick("in", "yn"),
        ModeInPerson => lang.pick("The meeting will be held in person and is open to the public.", "Cynhelir y cyfarfod wyneb yn wyneb ac mae'n agored i'r cyhoedd."),
        ModeHybrid => lang.pick("This is a hybrid meeting: members may attend in person or remotely by video-conference. It is open to the public.", "Cyfarfod hybrid yw hwn: gall aelodau fod yn bresennol yn y lleoliad neu o bell trwy fideo-gynadledda. Mae'n agored i'r cyhoedd."),
        ModeRemote => lang.pick("The meeting will be held remotely by video-conference and is open to the public.", "Cynhelir y cyfarfod o bell trwy fideo-gynadledda ac mae'n agored i'r cyhoedd."),
        HowToJoin => lang.pick("How to join", "Sut i ymuno"),
        Part2 => lang.pick("PART 2", "RHAN 2"),
        ExclusionOfPublic => lang.pick("Exclusion of the press and public", "Cau allan y wasg a'r cyhoedd"),
        ExclusionNotice => lang.pick("To consider whether to exclude the press and public from the meeting during consideration of the following items of business, on the grounds that they involve the likely disclosure of exempt information as defined in", "Ystyried a ddylid cau allan y wasg a'r cyhoedd o'r cyfarfod yn ystod yr eitemau busnes canlynol, ar y sail eu bod yn debygol o ddatgelu gwybodaeth eithriedig fel y'i diffinnir"),
        Paragraph => lang.pick("paragraph", "paragraff"),
        Paragraphs => lang.pick("paragraphs", "paragraffau"),
        Addendum => lang.pick("Addendum {n} to the agenda", "Adendwm {n} i'r agenda"),
        AddendumIntro => lang.pick("The following documents, not available when the agenda was published, are attached for the meeting of the", "Atodir y dogfennau canlynol, nad oeddent ar gael pan gyhoeddwyd yr agenda, ar gyfer cyfarfod y"),
        FrontSheet => lang.pick("Front sheet", "Tudalen flaen"),
        NotForPublication => lang.pick("Not for publication", "Nid i'w gyhoeddi"),
        TrackerTitle => lang.pick("Decision tracking of recommendations", "Olrhain penderfyniadau ar argymhellion"),
        PeriodTo => lang.pick("to", "hyd at"),
        DateProduced => lang.pick("Date produced", "Dyddiad llunio"),
        Summary => lang.pick("Summary", "Crynodeb"),
        Recommendations => lang.pick("Recommendations", "Argymhellion"),
        AwaitingResponse => lang.pick("Awaiting a response", "Yn aros am ymateb"),
        OverdueCount => lang.pick("overdue", "yn hwyr"),
        Considered => lang.pick("Considered", "Ystyriwyd"),
        Closed => lang.pick("Closed", "Caewyd"),
        Outcomes => lang.pick("Outcomes", "Canlyniadau"),
        NoneYet => lang.pick("none yet", "dim eto"),
        Meeting => lang.pick("Meeting", "Cyfarfod"),
        ReferredTo => lang.pick("Referred to", "Cyfeiriwyd at"),
        Sent => lang.pick("Sent", "Anfonwyd"),
        ResponseDue => lang.pick("Response due", "Ymateb erbyn"),
        Status => lang.pick("Status", "Statws"),
        Outcome => lang.pick("Outcome", "Canlyniad"),
        Response => lang.pick("Response", "Ymateb"),
        ConsideredAt => lang.pick("Considered at", "Ystyriwyd gan"),
        ReportedBack => lang.pick("Reported back", "Adroddwyd yn ôl"),
        MinuteWord => lang.pick("minute", "cofnod"),
        NoResolution => lang.pick("(no resolution recorded)", "(dim penderfyniad wedi'i gofnodi)"),
        Overdue => lang.pick("OVERDUE", "YN HWYR"),
        DaysLate => lang.pick("{n} days late", "{n} diwrnod yn hwyr"),
        DayLate => lang.pick("1 day late", "1 diwrnod yn hwyr"),
        StatusIssued => lang.pick("Awaiting a response", "Yn aros am ymateb"),
        StatusScheduled => lang.pick("Scheduled for consideration", "Wedi'i drefnu i'w ystyried"),
        StatusReportedBack => lang.pick("Considered and reported back", "Ystyriwyd ac adroddwyd yn ôl"),
        NoRecommendations => lang.pick("No recommendations were referred in this period.", "Ni chyfeiriwyd unrhyw argymhellion yn ystod y cyfnod hwn."),
    }
}

/// How a page of the minutes (and the tracker) is numbered: `{n}` is the page, `{total}` the
/// number of pages.
pub fn page_number_form(lang: Language) -> &'static str {
    lang.pick("Page {n} of {total}", "Tudalen {n} o {total}")
}

/// How a page of the loose-leaf minute book is numbered: `{n}` is the book's page.
pub fn minute_book_form(lang: Language) -> &'static str {
    lang.pick("Minute Book page {n}", "Llyfr Cofnodion tudalen {n}")
}

/// The decision keyword as printed, in capitals.
pub fn keyword(k: Keyword, lang: Language) -> &'static str {
    match k {
        Keyword::Resolved => lang.pick("RESOLVED", "PENDERFYNWYD"),
        Keyword::Recommended => lang.pick("RECOMMENDED", "ARGYMHELLWYD"),
        Keyword::Agreed => lang.pick("AGREED", "CYTUNWYD"),
    }
}

/// The keyword of a decision every limb of which was unanimous: "RESOLVED unanimously"
/// ("PENDERFYNWYD yn unfrydol", glossary 27; the other two Welsh forms are [K]).
pub fn keyword_unanimously(k: Keyword, lang: Language) -> &'static str {
    match k {
        Keyword::Resolved => lang.pick("RESOLVED unanimously", "PENDERFYNWYD yn unfrydol"),
        Keyword::Recommended => lang.pick("RECOMMENDED unanimously", "ARGYMHELLWYD yn unfrydol"),
        Keyword::Agreed => lang.pick("AGREED unanimously", "CYTUNWYD yn unfrydol"),
    }
}

/// A referral's outcome as printed in the tracker ([K] in Welsh).
pub fn outcome(o: ReferralOutcome, lang: Language) -> &'static str {
    use ReferralOutcome::*;
    match o {
        Accepted => lang.pick("Accepted", "Derbyniwyd"),
        AcceptedInPart => lang.pick("Accepted in part", "Derbyniwyd yn rhannol"),
        NotAccepted => lang.pick("Not accepted", "Ni dderbyniwyd"),
        Noted => lang.pick("Noted", "Nodwyd"),
        Deferred => lang.pick("Deferred", "Gohiriwyd"),
        ReferredBack => lang.pick("Referred back", "Cyfeiriwyd yn ôl"),
    }
}

/// Why a matter was referred, as printed after the body it went to ([K] in Welsh).
pub fn purpose(p: ReferralPurpose, lang: Language) -> &'static str {
    use ReferralPurpose::*;
    match p {
        ForDecision => lang.pick("for decision", "i'w benderfynu"),
        ForInformation => lang.pick("for information", "er gwybodaeth"),
        ForConsultation => lang.pick("for consultation", "i ymgynghori"),
        S21Report => lang.pick(
            "report under section 21 of the Local Government Act 2000",
            "adroddiad dan adran 21 Deddf Llywodraeth Leol 2000",
        ),
    }
}

/// The letter-spaced opener of every limb.
pub fn that(lang: Language) -> &'static str {
    lang.pick("T H A T", "B O D")
}

/// "(Chairman)", "(Vice-Chair)"...
pub fn chair(title: ChairTitle, vice: bool, lang: Language) -> &'static str {
    // Welsh has one word for both styles.
    match (title, vice) {
        (ChairTitle::Chairman, false) => lang.pick("Chairman", "Cadeirydd"),
        (ChairTitle::Chairman, true) => lang.pick("Vice-Chairman", "Is-Gadeirydd"),
        (ChairTitle::Chair, false) => lang.pick("Chair", "Cadeirydd"),
        (ChairTitle::Chair, true) => lang.pick("Vice-Chair", "Is-Gadeirydd"),
    }
}

/// The Welsh for the roles questions are usually attributed to ("A Committee Member", "the
/// Lead Inspector", "the Chairman"), with its article: the table is
/// [`crate::welsh::role_phrase`]. Any other wording is `None`.
pub fn role_cy(role: &str) -> Option<String> {
    crate::welsh::role_phrase(role)
}

/// The end of the pack's exclusion notice, from the paragraph numbers: "paragraph 14 of Part 4
/// of Schedule 12A to the Local Government Act 1972" / "ym mharagraff 14 o Ran 4 o Atodlen 12A
/// i Ddeddf Llywodraeth Leol 1972" ("ym mharagraffau 12 a 14"); Part 1 in England.
pub fn exclusion_notice_paragraphs(
    paras: &[String],
    j: crate::model::Jurisdiction,
    lang: Language,
) -> String {
    let part = crate::welsh::schedule_12a_part(j);
    match lang {
        Language::En => format!(
            "{} {} of Part {part} of Schedule 12A to the Local Government Act 1972",
            if paras.len() == 1 {
                "paragraph"
            } else {
                "paragraphs"
            },
            crate::house_style::join_names(paras, lang)
        ),
        Language::Cy => format!(
            "{} {}",
            crate::welsh::in_paragraphs(paras),
            crate::welsh::of_part_of_schedule_12a(j, false)
        ),
    }
}

/// "Councillor" / "Councillors" in the language of the document.
pub fn councillor(plural: bool, lang: Language) -> &'static str {
    if plural {
        lang.pick("Councillors", "Y Cynghorwyr")
    } else {
        lang.pick("Councillor", "Y Cynghorydd")
    }
}

/// The word joining the last two names of a list.
pub fn and(lang: Language) -> &'static str {
    // Welsh "a" becomes "ac" before a vowel: see `crate::welsh::and_name`.
    lang.pick("and", "a")
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
    lang.pick(EN, CY)[i]
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
    lang.pick(EN, CY)[i]
}
