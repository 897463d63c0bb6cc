//! The pages of the site, each in one language. What is given here is public: the caller
//! leaves out exempt minutes and everything not yet published; the pages link only to what
//! the caller says is published.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate, NaiveTime};
use maud::{html, Markup};
use minutes_core::house_style::long_date;
use minutes_core::labels::{keyword, label, outcome, purpose, Label};
use minutes_core::register::{ReferralChain, ResolutionLink, ResolutionPage};
use minutes_core::render::MinutesDocument;
use minutes_core::{Authority, Body, Language, MeetingStatus, MinutesStatus, Role};
use uuid::Uuid;

use crate::html::{code, document, in_lang, Frame};
use crate::words::{meeting_state, role, w, W};
use crate::SiteFile;

/// What the site holds, gathered once.
#[derive(Debug, Clone)]
pub struct SiteIndex {
    pub authority: Authority,
    pub committees: Vec<Committee>,
    /// Every meeting, by date.
    pub meetings: Vec<MeetingEntry>,
    /// The day the site is published: "forthcoming" is judged on it.
    pub today: NaiveDate,
}

/// A committee with its current members.
#[derive(Debug, Clone)]
pub struct Committee {
    pub body: Body,
    pub members: Vec<Member>,
}

#[derive(Debug, Clone)]
pub struct Member {
    pub name: String,
    pub role: Role,
}

/// A meeting as the calendar lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingEntry {
    pub id: Uuid,
    pub body_id: Uuid,
    pub date: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub venue: String,
    pub status: MeetingStatus,
    pub minutes_status: MinutesStatus,
}

impl MeetingEntry {
    /// The agenda has gone out (it is public from then on).
    pub fn agenda_published(&self) -> bool {
        self.status != MeetingStatus::Scheduled
    }

    /// The minutes are public: the draft has been published to members, or later.
    pub fn minutes_published(&self) -> bool {
        self.minutes_status != MinutesStatus::Drafting
    }
}

/// A printed file of a meeting, linked from its page.
#[derive(Debug, Clone, PartialEq)]
pub struct FileLink {
    pub kind: FileKind,
    /// Under the site's folder: "pdf/…/minutes-en.pdf".
    pub path: String,
    pub bytes: u64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FileKind {
    AgendaPack,
    Supplement(u32),
    Minutes,
    Notice,
}

/// One meeting's page in one language.
#[derive(Debug, Clone)]
pub struct MeetingPage {
    pub entry: MeetingEntry,
    /// The public agenda (front sheet and items), once published.
    pub agenda: Option<MinutesDocument>,
    /// The public minutes, once the draft is published.
    pub minutes: Option<MinutesDocument>,
    /// The notice of decisions, once published.
    pub notice: Option<MinutesDocument>,
    pub files: Vec<FileLink>,
    /// Each minute's number and its resolutions' limbs and ids, for the links to the register.
    pub resolutions: Vec<(String, Vec<(u32, Uuid)>)>,
}

impl SiteIndex {
    fn body(&self, id: Uuid) -> Option<&Body> {
        self.committees.iter().map(|c| &c.body).find(|b| b.id == id)
    }

    fn authority_name(&self, lang: Language) -> &str {
        name_in(&self.authority.name_en, &self.authority.name_cy, lang).0
    }

    /// A committee's name in `lang`, with the language it is in when not `lang`.
    pub fn body_name(&self, id: Uuid, lang: Language) -> (String, Option<Language>) {
        match self.body(id) {
            Some(b) => {
                let (n, l) = name_in(&b.name_en, &b.name_cy, lang);
                (n.to_string(), l)
            }
            None => (String::new(), None),
        }
    }

    fn frame(&self, lang: Language, path: String, title: String) -> Frame<'_> {
        Frame {
            lang,
            path,
            authority: self.authority_name(lang),
            crumbs: Vec::new(),
            title,
            title_lang: None,
        }
    }

    fn home_crumb(&self, lang: Language) -> (String, String) {
        (w(W::Home, lang).to_string(), "index.html".to_string())
    }

    /// The landing page: the choice of language, Welsh first.
    pub fn language_choice(&self) -> SiteFile {
        let markup = html! {
            (maud::DOCTYPE)
            html lang="cy" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (self.authority.name_cy) " / " span lang="en" { (self.authority.name_en) } }
                    link rel="stylesheet" href="assets/site.css";
                }
                body {
                    main id="main" class="choice" {
                        h1 { (w(W::ChooseLanguage, Language::Cy)) " / " span lang="en" { (w(W::ChooseLanguage, Language::En)) } }
                        ul {
                            li { a href="cy/index.html" hreflang="cy" { (self.authority.name_cy) ": Cymraeg" } }
                            li lang="en" { a href="en/index.html" hreflang="en" { (self.authority.name_en) ": English" } }
                        }
                    }
                }
            }
        };
        SiteFile::new("index.html", markup.into_string())
    }

    /// The home page of a language: forthcoming meetings and the latest minutes.
    pub fn home(&self, lang: Language) -> SiteFile {
        let upcoming: Vec<&MeetingEntry> = self
            .meetings
            .iter()
            .filter(|m| m.date >= self.today)
            .take(10)
            .collect();
        let mut recent: Vec<&MeetingEntry> = self
            .meetings
            .iter()
            .filter(|m| m.minutes_published())
            .collect();
        recent.reverse();
        recent.truncate(10);
        let f = self.frame(
            lang,
            "index.html".into(),
            self.authority_name(lang).to_string(),
        );
        f.page(html! {
            p { (w(W::HomeIntro, lang)) }
            h2 { (w(W::UpcomingMeetings, lang)) }
            (self.meeting_table(&f, &upcoming, true))
            h2 { (w(W::RecentMinutes, lang)) }
            (self.meeting_table(&f, &recent, true))
            h2 { (w(W::Committees, lang)) }
            (self.committee_list(&f))
        })
    }

    fn committee_list(&self, f: &Frame) -> Markup {
        html! {
            ul class="committees" {
                @for c in &self.committees {
                    @let (name, l) = self.body_name(c.body.id, f.lang);
                    li { a href=(f.href(&format!("committee/{}.html", c.body.id))) { (in_lang(&name, l)) } }
                }
            }
        }
    }

    /// Meetings as a table: date, committee (when `with_body`), and where the papers stand.
    fn meeting_table(&self, f: &Frame, list: &[&MeetingEntry], with_body: bool) -> Markup {
        let lang = f.lang;
        html! {
            @if list.is_empty() {
                p { (w(W::NoMeetings, lang)) }
            } @else {
                table {
                    thead { tr {
                        th scope="col" { (w(W::Date, lang)) }
                        @if with_body { th scope="col" { (w(W::Committee, lang)) } }
                        th scope="col" { (w(W::Status, lang)) }
                    } }
                    tbody {
                        @for m in list {
                            @let (name, l) = self.body_name(m.body_id, lang);
                            tr {
                                td { a href=(f.href(&format!("meeting/{}.html", m.id))) { (long_date(m.date, lang)) } }
                                @if with_body { td { (in_lang(&name, l)) } }
                                td { (meeting_state(m.status, m.minutes_status, lang)) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Every committee.
    pub fn committees_page(&self, lang: Language) -> SiteFile {
        let mut f = self.frame(
            lang,
            "committees.html".into(),
            w(W::Committees, lang).to_string(),
        );
        f.crumbs.push(self.home_crumb(lang));
        let list = self.committee_list(&f);
        f.page(list)
    }

    /// A committee: its members, its calendar file and its meetings, latest first.
    pub fn committee_page(&self, c: &Committee, lang: Language) -> SiteFile {
        let (name, l) = self.body_name(c.body.id, lang);
        let mut f = self.frame(lang, format!("committee/{}.html", c.body.id), name);
        f.title_lang = l;
        f.crumbs = vec![
            self.home_crumb(lang),
            (w(W::Committees, lang).into(), "committees.html".into()),
        ];
        let mut meetings: Vec<&MeetingEntry> = self
            .meetings
            .iter()
            .filter(|m| m.body_id == c.body.id)
            .collect();
        meetings.reverse();
        let content = html! {
            h2 { (w(W::Membership, lang)) }
            @if c.members.is_empty() {
                p { (w(W::NoMeetings, lang)) }
            } @else {
                table {
                    thead { tr { th scope="col" { (w(W::Name, lang)) } th scope="col" { (w(W::Role, lang)) } } }
                    tbody {
                        @for m in &c.members {
                            tr { td { (m.name) } td { (role(m.role, lang)) } }
                        }
                    }
                }
            }
            h2 { (w(W::Meetings, lang)) }
            p { a href=(f.file(&format!("ics/{}.ics", c.body.id))) { (w(W::CalendarFile, lang)) } }
            (self.meeting_table(&f, &meetings, false))
        };
        f.page(content)
    }

    /// The years of meetings, newest first.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.meetings.iter().map(|m| m.date.year()).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    }

    /// The calendar: forthcoming meetings, each committee's calendar file, and the years.
    pub fn calendar_page(&self, lang: Language) -> SiteFile {
        let mut f = self.frame(
            lang,
            "calendar.html".into(),
            w(W::Calendar, lang).to_string(),
        );
        f.crumbs.push(self.home_crumb(lang));
        let upcoming: Vec<&MeetingEntry> = self
            .meetings
            .iter()
            .filter(|m| m.date >= self.today)
            .collect();
        let content = html! {
            p { (w(W::CalendarIntro, lang)) }
            h2 { (w(W::UpcomingMeetings, lang)) }
            (self.meeting_table(&f, &upcoming, true))
            h2 { (w(W::Year, lang)) }
            ul class="years" {
                @for y in self.years() {
                    li { a href=(f.href(&format!("calendar/{y}.html"))) { (y) } }
                }
            }
            h2 { (w(W::CalendarFile, lang)) }
            ul {
                @for c in &self.committees {
                    @let (name, l) = self.body_name(c.body.id, lang);
                    li { a href=(f.file(&format!("ics/{}.ics", c.body.id))) { (in_lang(&name, l)) " (iCalendar)" } }
                }
            }
        };
        f.page(content)
    }

    /// A year's meetings, month by month.
    pub fn year_page(&self, year: i32, lang: Language) -> SiteFile {
        let title = w(W::PagesOfYear, lang).replace("{year}", &year.to_string());
        let mut f = self.frame(lang, format!("calendar/{year}.html"), title);
        f.crumbs = vec![
            self.home_crumb(lang),
            (w(W::Calendar, lang).into(), "calendar.html".into()),
        ];
        let mut months: BTreeMap<u32, Vec<&MeetingEntry>> = BTreeMap::new();
        for m in self.meetings.iter().filter(|m| m.date.year() == year) {
            months.entry(m.date.month()).or_default().push(m);
        }
        let content = html! {
            @for (month, list) in &months {
                h2 { (minutes_core::labels::month(*month, lang)) " " (year) }
                (self.meeting_table(&f, list, true))
            }
        };
        f.page(content)
    }

    /// A meeting: when and where, its documents, the agenda and the minutes.
    pub fn meeting_page(&self, p: &MeetingPage, lang: Language) -> SiteFile {
        let m = &p.entry;
        let (name, l) = self.body_name(m.body_id, lang);
        let title = format!("{name}, {}", long_date(m.date, lang));
        let mut f = self.frame(lang, format!("meeting/{}.html", m.id), title);
        f.title_lang = l;
        f.crumbs = vec![
            self.home_crumb(lang),
            (w(W::Committees, lang).into(), "committees.html".into()),
            (name.clone(), format!("committee/{}.html", m.body_id)),
        ];
        let register_links = |number: &str| -> Option<Markup> {
            let (_, limbs) = p.resolutions.iter().find(|(n, _)| n == number)?;
            if limbs.is_empty() {
                return None;
            }
            Some(html! {
                p class="register-links" {
                    (w(W::ViewInRegister, lang)) ": "
                    @for (i, (limb, id)) in limbs.iter().enumerate() {
                        @if i > 0 { ", " }
                        a href=(f.href(&format!("resolution/{id}.html"))) {
                            (w(W::Resolution, lang)) " " (number)
                            @if limbs.len() > 1 { "(" (limb) ")" }
                        }
                    }
                }
            })
        };
        let minutes_state = match m.minutes_status {
            MinutesStatus::Drafting => W::MinutesNotYet,
            MinutesStatus::DraftPublished => W::MinutesDraft,
            MinutesStatus::Approved => W::MinutesApproved,
            MinutesStatus::Signed => W::MinutesSigned,
        };
        let content = html! {
            dl class="facts" {
                dt { (w(W::Date, lang)) } dd { (long_date(m.date, lang)) }
                @if let Some(t) = m.start_time { dt { (w(W::Time, lang)) } dd { (t.format("%H:%M")) } }
                @if !m.venue.is_empty() { dt { (w(W::Venue, lang)) } dd { (m.venue) } }
                dt { (w(W::Status, lang)) } dd { (meeting_state(m.status, m.minutes_status, lang)) }
            }
            @if !p.files.is_empty() {
                h2 { (w(W::Documents, lang)) }
                ul class="documents" {
                    @for file in &p.files {
                        li { a href=(f.file(&file.path)) { (file_label(file.kind, lang)) } " " span class="size" { "(" (size(file.bytes)) ")" } }
                    }
                }
            }
            h2 id="agenda" { (w(W::Agenda, lang)) }
            @match &p.agenda {
                Some(doc) => section class="document agenda" aria-labelledby="agenda" { (document(doc, 3, &|_| None)) },
                None => p { (w(W::AgendaNotYet, lang)) },
            }
            h2 id="minutes" { (w(W::Minutes, lang)) }
            p class="state" { strong { (w(minutes_state, lang)) } }
            @if let Some(doc) = &p.minutes {
                section class="document minutes" aria-labelledby="minutes" { (document(doc, 3, &register_links)) }
            }
            @if let Some(doc) = &p.notice {
                h2 id="notice" { (w(W::DecisionsNotice, lang)) }
                section class="document notice" aria-labelledby="notice" { (document(doc, 3, &|_| None)) }
            }
        };
        f.page(content)
    }

    /// A resolution: its words and reason, the minute it came from, what became of its
    /// referrals and call-ins, and what it answered. `published` holds the resolutions that
    /// have pages of their own (links go only to them); `oparl` is the path of its agenda
    /// item's OParl object under the site's folder.
    pub fn resolution_page(
        &self,
        page: &ResolutionPage,
        lang: Language,
        published: &HashSet<Uuid>,
        oparl: Option<&str>,
        welsh: Option<&WelshTexts>,
    ) -> SiteFile {
        let r = &page.resolution;
        let number = &page.minute.minute.label;
        let (body_name, l) = self.body_name(page.body.id, lang);
        let title = if page.minute.resolutions.len() > 1 {
            format!("{} {number}({})", w(W::Resolution, lang), r.limb)
        } else {
            format!("{} {number}", w(W::Resolution, lang))
        };
        let mut f = self.frame(lang, format!("resolution/{}.html", r.id), title);
        f.crumbs = vec![
            self.home_crumb(lang),
            (w(W::Register, lang).into(), "register.html".into()),
            (
                format!("{body_name}, {}", long_date(page.meeting.date, lang)),
                format!("meeting/{}.html", page.meeting.id),
            ),
        ];
        let link = |rl: &ResolutionLink| -> Markup { resolution_link(&f, rl, lang, published) };
        let vote = lang.pick(&page.vote_outcome, &page.vote_outcome_cy).clone();
        let content = html! {
            dl class="facts" {
                dt { (w(W::Committee, lang)) } dd { a href=(f.href(&format!("committee/{}.html", page.body.id))) { (in_lang(&body_name, l)) } }
                dt { (w(W::Date, lang)) } dd { a href=(f.href(&format!("meeting/{}.html#minute-{number}", page.meeting.id))) { (long_date(page.meeting.date, lang)) } }
                dt { (w(W::Minute, lang)) } dd { (number) " " (texted(&page.minute.minute.heading, welsh.map(|w| w.heading.as_str()), lang)) }
            }
            h2 { (w(W::Resolution, lang)) }
            p class="resolution" {
                strong { (keyword(r.keyword, lang)) } " "
                span class="that" { (minutes_core::labels::that(lang).replace(' ', "")) } " " (texted(&r.text, welsh.map(|w| w.text.as_str()), lang))
            }
            @if !r.reason.trim().is_empty() {
                h2 { (w(W::Reason, lang)) }
                p { (texted(&r.reason, welsh.map(|w| w.reason.as_str()), lang)) }
            }
            @if let Some(v) = vote {
                h2 { (w(W::Vote, lang)) }
                p { (v) }
            }
            @if !page.referrals.is_empty() {
                h2 { (w(W::Referrals, lang)) }
                @for c in &page.referrals { (referral(&f, c, lang, published)) }
            }
            @if !page.answers.is_empty() {
                h2 { (w(W::ReferralsAnswered, lang)) }
                ul {
                    @for c in &page.answers {
                        li {
                            (c.from_body) ": "
                            @match &c.source { Some(s) => (link(s)), None => (purpose(c.referral.purpose, lang)) }
                        }
                    }
                }
            }
            @if !page.call_ins.is_empty() {
                h2 { (w(W::CallIns, lang)) }
                ul {
                    @for c in &page.call_ins {
                        li {
                            @if let Some(d) = &c.decision { (link(d)) }
                            @for s in &c.scrutiny_resolutions { " → " (link(s)) }
                            @for s in &c.reconsidered_resolutions { " → " (link(s)) }
                        }
                    }
                }
            }
            @if let Some(o) = oparl {
                p class="data" { a href=(f.file(o)) { (w(W::OpenData, lang)) } }
            }
        };
        f.page(content)
    }
}

/// A referral and what became of it: where it went, its status, the answer, the answering
/// resolutions (linked when published).
fn referral(f: &Frame, c: &ReferralChain, lang: Language, published: &HashSet<Uuid>) -> Markup {
    let to = lang.pick(&c.to, if c.to_cy.is_empty() { &c.to } else { &c.to_cy });
    let status = minutes_core::tracker::status_text(c, lang);
    html! {
        section class="referral" {
            h3 { (to) }
            dl class="facts" {
                dt { (label(Label::Sent, lang)) } dd { (long_date(c.referral.sent_on, lang)) " (" (purpose(c.referral.purpose, lang)) ")" }
                dt { (label(Label::ResponseDue, lang)) } dd { (long_date(c.referral.response_due, lang)) }
                dt { (label(Label::Status, lang)) } dd { (status) }
                @if let Some(t) = &c.target_meeting {
                    dt { (label(Label::ConsideredAt, lang)) }
                    dd { a href=(f.href(&format!("meeting/{}.html", t.id))) {
                        (lang.pick(&t.body_name, if t.body_name_cy.is_empty() { &t.body_name } else { &t.body_name_cy })) ", " (long_date(t.date, lang))
                    } }
                }
                dt { (label(Label::Outcome, lang)) }
                dd { @match c.referral.outcome { Some(o) => (outcome(o, lang)), None => (w(W::Unanswered, lang)) } }
                @if !c.referral.response_text.trim().is_empty()
                    && (c.target_minute.is_none() || c.target_resolutions.iter().any(|t| published.contains(&t.resolution_id))) {
                    dt { (label(Label::Response, lang)) } dd { (in_lang(&c.referral.response_text, (lang == Language::Cy).then_some(Language::En))) }
                }
            }
            @if !c.target_resolutions.is_empty() {
                ul { @for t in &c.target_resolutions { li { (resolution_link(f, t, lang, published)) } } }
            }
        }
    }
}

/// "Cabinet, 26th January, 2015, minute C116(1)": a link where that resolution is published,
/// its words only then.
fn resolution_link(
    f: &Frame,
    rl: &ResolutionLink,
    lang: Language,
    published: &HashSet<Uuid>,
) -> Markup {
    let m = &rl.minute;
    let words = format!(
        "{}, {}, {} {}({})",
        m.body_name,
        long_date(m.date, lang),
        label(Label::MinuteWord, lang),
        m.label,
        rl.limb
    );
    if published.contains(&rl.resolution_id) {
        let text = lang.pick(
            &rl.text,
            if rl.text_cy.is_empty() {
                &rl.text
            } else {
                &rl.text_cy
            },
        );
        html! {
            a href=(f.href(&format!("resolution/{}.html", rl.resolution_id))) { (words) }
            ": " (keyword(rl.keyword, lang)) " " (text)
        }
    } else {
        html! { (words) " (" (w(W::NotPublishedYet, lang)) ")" }
    }
}

fn file_label(kind: FileKind, lang: Language) -> String {
    match kind {
        FileKind::AgendaPack => w(W::AgendaPackPdf, lang).to_string(),
        FileKind::Supplement(n) => w(W::SupplementPdf, lang).replace("{n}", &n.to_string()),
        FileKind::Minutes => w(W::MinutesPdf, lang).to_string(),
        FileKind::Notice => w(W::NoticePdf, lang).to_string(),
    }
}

fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else {
        format!("{} KB", bytes.div_ceil(1000).max(1))
    }
}

/// A resolution's Welsh, where it has been translated (empty where not).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WelshTexts {
    pub heading: String,
    pub text: String,
    pub reason: String,
}

/// A clerk's text on a page in `lang`: its Welsh on a Welsh page where translated, otherwise
/// the English, marked as English on a Welsh page.
fn texted(en: &str, cy: Option<&str>, lang: Language) -> Markup {
    match (lang, cy) {
        (Language::Cy, Some(cy)) if !cy.trim().is_empty() => html! { (cy) },
        (Language::Cy, _) => in_lang(en, Some(Language::En)),
        (Language::En, _) => html! { (en) },
    }
}

/// A name in `lang`: the Welsh one where there is one, else the English marked as such.
pub fn name_in<'a>(en: &'a str, cy: &'a str, lang: Language) -> (&'a str, Option<Language>) {
    match lang {
        Language::Cy if !cy.trim().is_empty() => (cy, None),
        Language::Cy => (en, Some(Language::En)),
        Language::En => (en, None),
    }
}

/// The language folder's code, for callers building paths.
pub fn folder(lang: Language) -> &'static str {
    code(lang)
}
