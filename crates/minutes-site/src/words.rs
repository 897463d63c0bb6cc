//! The published site's own words, in English and Welsh. The record's words (headings, the
//! minutes, statuses of referrals) come from `minutes-core`'s labels and renderers.

use minutes_core::{Language, MeetingStatus, MinutesStatus, Role};

/// A phrase of the site's frame and pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum W {
    SkipToContent,
    Home,
    Committees,
    Calendar,
    Register,
    SiteNav,
    Breadcrumb,
    OtherLanguage,
    PublishedWith,
    HomeIntro,
    UpcomingMeetings,
    RecentMinutes,
    NoMeetings,
    Membership,
    Meetings,
    Role,
    Name,
    Date,
    Time,
    Committee,
    Documents,
    Agenda,
    AgendaNotYet,
    Minutes,
    MinutesNotYet,
    MinutesDraft,
    MinutesApproved,
    MinutesSigned,
    AgendaPackPdf,
    SupplementPdf,
    MinutesPdf,
    NoticePdf,
    DecisionsNotice,
    CalendarFile,
    CalendarIntro,
    Year,
    Venue,
    Resolution,
    Reason,
    Vote,
    FromMinute,
    Referrals,
    ReferralsAnswered,
    CallIns,
    NotPublishedYet,
    OpenData,
    SearchLabel,
    SearchIntro,
    SearchNeedsScript,
    AnyCommittee,
    FromDate,
    ToDate,
    Decision,
    AnyDecision,
    ReferredTo,
    Anyone,
    ReferralStatus,
    AnyStatus,
    Filters,
    ViewInRegister,
    MeetingOf,
    Status,
    Cancelled,
    PagesOfYear,
    ChooseLanguage,
    Unanswered,
    Minute,
}

/// The phrase `w` in `lang`.
pub fn w(w: W, lang: Language) -> &'static str {
    use W::*;
    let (en, cy) = match w {
        SkipToContent => ("Skip to the main content", "Neidio i'r prif gynnwys"),
        Home => ("Home", "Hafan"),
        Committees => ("Committees", "Pwyllgorau"),
        Calendar => ("Calendar of meetings", "Calendr cyfarfodydd"),
        Register => ("Resolutions register", "Cofrestr penderfyniadau"),
        SiteNav => ("Main", "Prif ddewislen"),
        Breadcrumb => ("You are here", "Rydych chi yma"),
        OtherLanguage => ("Cymraeg", "English"),
        PublishedWith => (
            "The public record of the council's committees: agendas, minutes and decisions.",
            "Cofnod cyhoeddus pwyllgorau'r cyngor: agendâu, cofnodion a phenderfyniadau.",
        ),
        HomeIntro => (
            "Agendas, minutes and decisions of the council's committees, kept available for at least six years from each meeting. Exempt information is never published here.",
            "Agendâu, cofnodion a phenderfyniadau pwyllgorau'r cyngor, ar gael am chwe blynedd o leiaf o ddyddiad pob cyfarfod. Ni chyhoeddir gwybodaeth eithriedig yma byth.",
        ),
        UpcomingMeetings => ("Forthcoming meetings", "Cyfarfodydd i ddod"),
        RecentMinutes => ("Latest minutes", "Y cofnodion diweddaraf"),
        NoMeetings => ("None.", "Dim."),
        Membership => ("Membership", "Aelodaeth"),
        Meetings => ("Meetings", "Cyfarfodydd"),
        Role => ("Role", "Rôl"),
        Name => ("Name", "Enw"),
        Date => ("Date", "Dyddiad"),
        Time => ("Time", "Amser"),
        Committee => ("Committee", "Pwyllgor"),
        Documents => ("Documents", "Dogfennau"),
        Agenda => ("Agenda", "Agenda"),
        AgendaNotYet => (
            "The agenda has not been published yet.",
            "Nid yw'r agenda wedi'i chyhoeddi eto.",
        ),
        Minutes => ("Minutes", "Cofnodion"),
        MinutesNotYet => (
            "The minutes have not been published yet.",
            "Nid yw'r cofnodion wedi'u cyhoeddi eto.",
        ),
        MinutesDraft => (
            "Draft minutes: not yet approved by the committee.",
            "Cofnodion drafft: heb eu cymeradwyo gan y pwyllgor eto.",
        ),
        MinutesApproved => (
            "Approved minutes: not yet signed.",
            "Cofnodion wedi'u cymeradwyo: heb eu llofnodi eto.",
        ),
        MinutesSigned => (
            "Approved and signed minutes.",
            "Cofnodion wedi'u cymeradwyo a'u llofnodi.",
        ),
        AgendaPackPdf => ("Agenda pack (PDF)", "Pecyn agenda (PDF)"),
        SupplementPdf => ("Supplement {n} (PDF)", "Atodiad {n} (PDF)"),
        MinutesPdf => ("Minutes (PDF)", "Cofnodion (PDF)"),
        NoticePdf => ("Notice of decisions (PDF)", "Hysbysiad o benderfyniadau (PDF)"),
        DecisionsNotice => ("Notice of decisions", "Hysbysiad o benderfyniadau"),
        CalendarFile => (
            "Add this committee's meetings to your calendar (iCalendar file)",
            "Ychwanegu cyfarfodydd y pwyllgor hwn at eich calendr (ffeil iCalendar)",
        ),
        CalendarIntro => (
            "Every meeting of the council's committees, by year.",
            "Pob cyfarfod o bwyllgorau'r cyngor, fesul blwyddyn.",
        ),
        Year => ("Year", "Blwyddyn"),
        Venue => ("Venue", "Lleoliad"),
        Resolution => ("Resolution", "Penderfyniad"),
        Reason => ("Reason", "Rheswm"),
        Vote => ("Vote", "Pleidlais"),
        FromMinute => ("From the minutes", "O'r cofnodion"),
        Referrals => ("Referred to", "Cyfeiriwyd at"),
        ReferralsAnswered => (
            "This minute answered a referral",
            "Atebodd y cofnod hwn gyfeiriad",
        ),
        CallIns => ("Call-in", "Galw i mewn"),
        NotPublishedYet => (
            "not yet published",
            "heb ei gyhoeddi eto",
        ),
        OpenData => ("Open data (OParl JSON)", "Data agored (OParl JSON)"),
        SearchLabel => ("Search the resolutions", "Chwilio'r penderfyniadau"),
        SearchIntro => (
            "What each committee decided, and why. Results appear as you type.",
            "Beth a benderfynodd pob pwyllgor, a pham. Daw'r canlyniadau wrth i chi deipio.",
        ),
        SearchNeedsScript => (
            "Searching needs JavaScript and the site served from a web server. Every resolution can also be found from its committee's meetings.",
            "Mae angen JavaScript a'r wefan ar weinydd gwe i chwilio. Gellir dod o hyd i bob penderfyniad hefyd drwy gyfarfodydd ei bwyllgor.",
        ),
        AnyCommittee => ("Any committee", "Unrhyw bwyllgor"),
        FromDate => ("From", "O"),
        ToDate => ("To", "Hyd at"),
        Decision => ("Decision", "Penderfyniad"),
        AnyDecision => ("Any decision", "Unrhyw benderfyniad"),
        ReferredTo => ("Referred to", "Cyfeiriwyd at"),
        Anyone => ("Anyone or not referred", "Unrhyw un neu heb ei gyfeirio"),
        ReferralStatus => ("Referral status", "Statws y cyfeiriad"),
        AnyStatus => ("Any status", "Unrhyw statws"),
        Filters => ("Filters", "Hidlwyr"),
        ViewInRegister => ("In the register", "Yn y gofrestr"),
        MeetingOf => ("Meeting of", "Cyfarfod o"),
        Status => ("Status", "Statws"),
        Cancelled => ("Cancelled", "Wedi'i ganslo"),
        PagesOfYear => ("Meetings in {year}", "Cyfarfodydd yn {year}"),
        ChooseLanguage => ("Choose your language", "Dewiswch eich iaith"),
        Unanswered => ("No answer yet", "Dim ateb eto"),
        Minute => ("Minute", "Cofnod"),
    };
    lang.pick(en, cy)
}

/// A member's role on a committee.
pub fn role(r: Role, lang: Language) -> &'static str {
    let (en, cy) = match r {
        Role::Chair => ("Chair", "Cadeirydd"),
        Role::ViceChair => ("Vice-Chair", "Is-gadeirydd"),
        Role::Member => ("Member", "Aelod"),
        Role::CoOpted => ("Co-opted member", "Aelod cyfetholedig"),
        Role::Observer => ("Observer", "Sylwedydd"),
    };
    lang.pick(en, cy)
}

/// Where a meeting's papers stand, as the calendar shows it.
pub fn meeting_state(
    status: MeetingStatus,
    minutes: MinutesStatus,
    lang: Language,
) -> &'static str {
    match minutes {
        MinutesStatus::DraftPublished => lang.pick("Draft minutes", "Cofnodion drafft"),
        MinutesStatus::Approved => lang.pick("Minutes approved", "Cofnodion wedi'u cymeradwyo"),
        MinutesStatus::Signed => lang.pick("Minutes signed", "Cofnodion wedi'u llofnodi"),
        MinutesStatus::Drafting => match status {
            MeetingStatus::Scheduled => lang.pick("Agenda to follow", "Agenda i ddilyn"),
            MeetingStatus::AgendaPublished => {
                lang.pick("Agenda published", "Agenda wedi'i chyhoeddi")
            }
            MeetingStatus::InProgress | MeetingStatus::Closed => {
                lang.pick("Minutes to follow", "Cofnodion i ddilyn")
            }
        },
    }
}
