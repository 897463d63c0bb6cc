//! Exports: the register as CSV (RFC 4180), a body's meetings as iCalendar (RFC 5545), and
//! OParl 1.1 (System, Body, Organization, Person, Membership, Meeting, AgendaItem, Paper,
//! Consultation, Location), valid against the OParl 1.1 schemas: in one file
//! ([`Store::oparl_export`]) or as the files of a static website ([`Store::oparl_files`]).

use chrono::{DateTime, NaiveDate, Utc};
use minutes_core::tracker::{TrackerCallIn, TrackerDecision};
use minutes_core::*;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::read::{
    agenda, authority, body, body_row, call_ins_where, implementation, meeting_ref, meeting_row,
    minute, minutes, person_row, referral_row, resolution, resolutions,
};
use crate::register::{chain, search_limited, welsh};
use crate::rows::s;
use crate::{Result, Store, StoreError};
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;

/// A cell as a spreadsheet should show it: text that a spreadsheet would take as a formula
/// (beginning with `=`, `+`, `-`, `@`, a tab or a carriage return, OWASP's "CSV injection"
/// rule) is prefixed with `'`, so a referral response `=HYPERLINK(...)` stays words.
pub fn csv_cell(v: &str) -> std::borrow::Cow<'_, str> {
    if v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{v}").into()
    } else {
        v.into()
    }
}

/// CSV text (RFC 4180, written by the `csv` crate) from a header and rows: CRLF line ends,
/// UTF-8, every cell through [`csv_cell`].
pub fn csv_text(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Result<String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let failed = |e: csv::Error| StoreError::io("writing CSV", std::io::Error::other(e));
    w.write_record(header.iter().map(|h| csv_cell(h).into_owned()))
        .map_err(failed)?;
    for row in rows {
        w.write_record(row.iter().map(|v| csv_cell(v).into_owned()))
            .map_err(failed)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| StoreError::io("writing CSV", std::io::Error::other(e.to_string())))?;
    String::from_utf8(bytes)
        .map_err(|e| StoreError::io("writing CSV", std::io::Error::other(e.to_string())))
}

pub const REGISTER_CSV_HEADER: &[&str] = &[
    "decision_id",
    "body",
    "meeting_id",
    "meeting_date",
    "minute_number",
    "limb",
    "keyword",
    "minute_heading",
    "decision_text",
    "reason",
    "referral_to",
    "referral_status",
    "referral_outcome",
    "response_due",
    "overdue",
    "vote",
    "vote_record",
    "call_in_status",
    "call_in_outcome",
    "implemented_on",
    // The Welsh (migration 16): the resolution's, its reason's and its minute heading's
    // Welsh, the agenda item's Welsh title and the body's Welsh name; empty where there is none.
    "text_cy",
    "reason_cy",
    "minute_heading_cy",
    "item_title_cy",
    "body_cy",
];

/// The words of the votes the exports give, reading each voting meeting's record once (the
/// names of a recorded vote and the chair's title are in it).
pub(crate) struct VoteWords<'c> {
    conn: &'c Connection,
    /// The meeting of every limb voted on.
    voted: HashMap<Uuid, Uuid>,
    records: HashMap<Uuid, MeetingRecord>,
}

impl<'c> VoteWords<'c> {
    pub(crate) fn new(conn: &'c Connection) -> Result<Self> {
        let mut st = conn.prepare("SELECT resolution_id, meeting_id FROM vote")?;
        let voted = st
            .query_map([], |r| {
                Ok((
                    crate::rows::id(r, "resolution_id")?,
                    crate::rows::id(r, "meeting_id")?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(VoteWords {
            conn,
            voted,
            records: HashMap::new(),
        })
    }

    /// The vote on a limb with the record it was taken in, if one is recorded.
    pub(crate) fn vote(&mut self, resolution_id: Uuid) -> Result<Option<(&MeetingRecord, &Vote)>> {
        let Some(meeting_id) = self.voted.get(&resolution_id).copied() else {
            return Ok(None);
        };
        if !self.records.contains_key(&meeting_id) {
            let rec = crate::read::meeting_record(self.conn, meeting_id)?;
            self.records.insert(meeting_id, rec);
        }
        Ok(self
            .records
            .get(&meeting_id)
            .and_then(|rec| rec.vote_of(resolution_id).map(|v| (rec, v))))
    }

    /// The result in a few words ("Carried (For 6, Against 2, Abstentions 1)") and the
    /// sentence the minutes print, in `lang`.
    pub(crate) fn words(
        &mut self,
        resolution_id: Uuid,
        keyword: Keyword,
        lang: Language,
    ) -> Result<Option<(String, String)>> {
        Ok(self.vote(resolution_id)?.map(|(rec, v)| {
            (
                house_style::vote_result(keyword, v, lang),
                house_style::vote_sentence(rec, v, lang),
            )
        }))
    }

    /// The tracker's and the CSV's text: the result, then the names of a recorded vote.
    pub(crate) fn line(
        &mut self,
        resolution_id: Uuid,
        keyword: Keyword,
        lang: Language,
    ) -> Result<Option<String>> {
        let recorded = self
            .vote(resolution_id)?
            .is_some_and(|(_, v)| v.method == VoteMethod::Recorded);
        Ok(self
            .words(resolution_id, keyword, lang)?
            .map(|(result, sentence)| {
                if recorded {
                    format!("{result}. {sentence}")
                } else {
                    result
                }
            }))
    }
}

/// The latest call-in of a decision, if it was ever called in.
fn last_call_in(conn: &Connection, resolution_id: Uuid) -> Result<Option<CallIn>> {
    Ok(call_ins_where(conn, "c.resolution_id = ?1", &s(resolution_id))?.pop())
}

/// Text for an iCalendar TEXT value: line ends as LF, which the `icalendar` crate escapes
/// (with `\\`, `;` and `,`) as RFC 5545 §3.3.11 asks.
fn ics_plain(v: &str) -> String {
    v.replace("\r\n", "\n").replace('\r', "\n")
}

const LONDON: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19810329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

fn oparl_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Drops null, empty-string and empty-list values, as OParl asks.
fn compact(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, v)| {
                    !(v.is_null()
                        || v.as_str() == Some("")
                        || v.as_array().is_some_and(|a| a.is_empty()))
                })
                .collect::<Map<_, _>>(),
        ),
        other => other,
    }
}

impl Store {
    /// The register as CSV: every resolution the query finds (no limit), one row each.
    pub fn register_csv(&self, q: &RegisterQuery) -> Result<String> {
        let conn = self.conn();
        let hits = search_limited(conn, q, u32::MAX)?;
        let mut votes = VoteWords::new(conn)?;
        let mut rows = Vec::with_capacity(hits.len());
        for h in hits {
            let last = h.referrals.last();
            let (vote, vote_record) = votes
                .words(h.resolution_id, h.keyword, Language::En)?
                .unwrap_or_default();
            let call_in = last_call_in(conn, h.resolution_id)?;
            let implemented = implementation(conn, h.resolution_id)?;
            let cy = welsh(conn, h.resolution_id)?;
            rows.push(vec![
                h.resolution_id.to_string(),
                h.body_name.clone(),
                h.meeting_id.to_string(),
                h.date.to_string(),
                h.minute_label.clone(),
                h.limb.to_string(),
                h.keyword.as_str().to_uppercase(),
                h.heading.clone(),
                h.plain_text(),
                h.reason.iter().map(|s| s.text.as_str()).collect(),
                last.map(|r| r.to.clone()).unwrap_or_default(),
                last.map(|r| r.status.as_str().to_string())
                    .unwrap_or_default(),
                last.and_then(|r| r.outcome)
                    .map(|o| o.as_str().to_string())
                    .unwrap_or_default(),
                last.map(|r| r.response_due.to_string()).unwrap_or_default(),
                last.map(|r| if r.overdue { "TRUE" } else { "FALSE" }.to_string())
                    .unwrap_or_default(),
                vote,
                vote_record,
                call_in
                    .as_ref()
                    .map(|c| c.status.as_str().to_string())
                    .unwrap_or_default(),
                call_in
                    .as_ref()
                    .and_then(|c| c.outcome)
                    .map(|o| o.as_str().to_string())
                    .unwrap_or_default(),
                implemented
                    .map(|i| i.implemented_on.to_string())
                    .unwrap_or_default(),
                cy.text,
                cy.reason,
                cy.heading,
                cy.item_title,
                cy.body,
            ]);
        }
        csv_text(REGISTER_CSV_HEADER, rows)
    }

    /// A body's meetings as an iCalendar file (RFC 5545): times in Europe/London, one VEVENT
    /// per meeting with a stable UID, the agenda in the description. `stamp` is DTSTAMP.
    pub fn meetings_ics(&self, body_id: Uuid, stamp: DateTime<Utc>) -> Result<String> {
        let conn = self.conn();
        let b = body(conn, body_id)?;
        let a = authority(conn)?;
        let mut st =
            conn.prepare("SELECT * FROM meeting WHERE body_id = ?1 ORDER BY date, start_time")?;
        let meetings: Vec<Meeting> = st
            .query_map([s(body_id)], meeting_row)?
            .collect::<rusqlite::Result<_>>()?;
        use icalendar::{CalendarDateTime, Component, EventLike, EventStatus, Property};
        let mut cal = icalendar::Calendar::empty();
        for (key, value) in [
            ("VERSION", "2.0"),
            ("PRODID", "-//Cofnod//Meetings calendar 1.0//EN"),
            ("CALSCALE", "GREGORIAN"),
            ("METHOD", "PUBLISH"),
        ] {
            cal.append_property(Property::new(key, value));
        }
        cal.append_property(
            Property::new(
                "X-WR-CALNAME",
                ics_plain(&format!("{} – {}", a.name_en, b.name_en)),
            )
            .add_parameter("VALUE", "TEXT")
            .done(),
        );
        let at = |day: NaiveDate, t: chrono::NaiveTime| CalendarDateTime::WithTimezone {
            date_time: day.and_time(t),
            tzid: "Europe/London".into(),
        };
        let mut events = icalendar::Calendar::empty();
        for m in meetings {
            let items = agenda(conn, m.id)?;
            let mut ev = icalendar::Event::new();
            ev.uid(&format!("{}@cofnod", m.id)).timestamp(stamp);
            match m.start_time {
                Some(t) => {
                    ev.starts(at(m.date, t));
                    if let Some(e) = m.end_time.filter(|e| *e > t) {
                        ev.ends(at(m.date, e));
                    }
                }
                None => {
                    ev.starts(m.date);
                }
            }
            ev.summary(&ics_plain(&b.name_en));
            if !m.venue.is_empty() {
                ev.location(&ics_plain(&m.venue));
            }
            let agenda_text = items
                .iter()
                .map(|i| format!("{}. {}", i.position, i.title_en))
                .collect::<Vec<_>>()
                .join("\n");
            let mode = match m.mode {
                MeetingMode::InPerson => "Meeting in person.",
                MeetingMode::Hybrid => "Hybrid meeting.",
                MeetingMode::Remote => "Remote meeting.",
            };
            let desc = if agenda_text.is_empty() {
                mode.to_string()
            } else {
                format!("{mode}\nAgenda:\n{agenda_text}")
            };
            ev.description(&ics_plain(&desc));
            ev.status(EventStatus::Confirmed);
            events.push(ev.done());
        }
        // The time zone is fixed text, spliced in after the calendar's properties: the crate
        // would give every component a DTSTAMP and a UID, which RFC 5545 does not allow in a
        // VTIMEZONE (and which would change at every export).
        let head = cal.to_string();
        let body = events.to_string();
        let mut out = head
            .strip_suffix("END:VCALENDAR\r\n")
            .unwrap_or(&head)
            .to_string();
        for line in LONDON {
            out.push_str(line);
            out.push_str("\r\n");
        }
        out.push_str(body.strip_prefix("BEGIN:VCALENDAR\r\n").unwrap_or(&body));
        Ok(out)
    }
}

/// The OParl 1.1 version URL a System names.
pub const OPARL_VERSION: &str = "https://schema.oparl.org/1.1/";

/// How many objects one page of an OParl list file holds: a list longer than this is split
/// into `meeting.json`, `meeting-2.json` ... linked by `links.next`.
pub const OPARL_PAGE: usize = 1000;

/// The URLs of a static OParl site: every object is a file, `{base}/{kind}/{uuid}.json`, so a
/// plain web server serves it; the lists of the body are `{base}/body/1/{list}.json`.
struct OparlUrls {
    base: String,
}

impl OparlUrls {
    fn of(&self, kind: &str, id: impl std::fmt::Display) -> String {
        format!("{}/{kind}/{id}.json", self.base)
    }
    fn at(&self, path: &str) -> String {
        format!("{}/{path}", self.base)
    }
    fn kind(kind: &str) -> String {
        format!("{OPARL_VERSION}{kind}")
    }
}

/// Every OParl object of the authority, each once; the dump and the site files are made of it.
struct OparlSet {
    urls: OparlUrls,
    system: Value,
    body: Value,
    organizations: Vec<Value>,
    persons: Vec<Value>,
    memberships: Vec<Value>,
    meetings: Vec<Value>,
    agenda_items: Vec<Value>,
    papers: Vec<Value>,
    consultations: Vec<Value>,
    locations: Vec<Value>,
}

/// The lists of the Body, as OParl 1.1 names them, with the path of each list's file.
const OPARL_LISTS: &[(&str, &str)] = &[
    ("organization", "body/1/organization"),
    ("person", "body/1/person"),
    ("meeting", "body/1/meeting"),
    ("paper", "body/1/paper"),
    ("agendaItem", "body/1/agendaItem"),
    ("consultation", "body/1/consultation"),
    ("membership", "body/1/membership"),
    ("locationList", "body/1/location"),
    ("legislativeTermList", "body/1/legislativeTerm"),
];

/// A call-in as OParl gives it, with what it was about.
struct CallInFacts {
    call_in: CallIn,
    resolution: Resolution,
    cabinet_minute: Minute,
    scrutiny: Option<Meeting>,
    /// The scrutiny meeting's minutes are published (or no meeting has taken it up yet):
    /// its outcome may be told.
    outcome_told: bool,
}

impl Store {
    /// The OParl 1.1 export in one file (the CLI's and the app's "export to one file"): the
    /// System, the Body and every list of the Body in full (`organization`, `person`,
    /// `membership`, `meeting` with its agenda items embedded, `agendaItem`, `paper` with its
    /// consultations embedded, `consultation`, `location`, `legislativeTerm`), each object as
    /// [`Store::oparl_files`] publishes it, its `id` the URL of its file under `base_url`.
    /// With a body, only its meetings (and the papers its resolutions made).
    ///
    /// Nothing exempt: an exempt item is marked `public: false` with no resolution text, result
    /// or vote, and a call-in of an exempt decision is left out. Nothing of minutes not yet
    /// published: while a meeting's minutes are drafting (the draft not yet published to
    /// members, `minutes_status` "drafting"), its agenda items are given (the agenda is
    /// public) without minute numbers, resolution text, results or votes, and no call-in
    /// outcome or referral response decided at it is told.
    pub fn oparl_export(&self, base_url: &str, body_id: Option<Uuid>) -> Result<Value> {
        let set = oparl_set(self.conn(), base_url, body_id)?;
        Ok(json!({
            "system": set.system,
            "body": set.body,
            "organization": set.organizations,
            "person": set.persons,
            "membership": set.memberships,
            "meeting": set.meetings,
            "agendaItem": set.agenda_items,
            "paper": set.papers,
            "consultation": set.consultations,
            "location": set.locations,
            "legislativeTerm": [],
        }))
    }

    /// The OParl 1.1 files of the published website, each with its path relative to
    /// `base_url` and its JSON: `system.json` (the System), `body.json` (the list of bodies:
    /// the authority), `body/1.json` (the Body), the Body's lists `body/1/{list}.json` (OParl
    /// external lists of full objects, [`OPARL_PAGE`] to a page: `body/1/meeting.json`,
    /// `body/1/meeting-2.json` ...) and every object `{kind}/{uuid}.json` (`organization`,
    /// `person`, `membership`, `meeting`, `agendaitem`, `paper`, `consultation`, `location`).
    /// Every `id` and every cross reference is the URL of one of these files. What is left
    /// out (exempt items, minutes not yet published) is as in [`Store::oparl_export`].
    pub fn oparl_files(&self, base_url: &str) -> Result<Vec<(String, Value)>> {
        let set = oparl_set(self.conn(), base_url, None)?;
        let mut files = Vec::new();
        let u = &set.urls;
        let rel = |id: &Value| -> String {
            id.as_str()
                .and_then(|i| i.strip_prefix(&u.base))
                .map(|p| p.trim_start_matches('/').to_string())
                .unwrap_or_default()
        };
        files.push(("system.json".to_string(), set.system));
        files.extend(oparl_list(u, "body", std::slice::from_ref(&set.body)));
        files.push(("body/1.json".to_string(), set.body));
        for (list, objects) in [
            ("body/1/organization", &set.organizations),
            ("body/1/person", &set.persons),
            ("body/1/meeting", &set.meetings),
            ("body/1/paper", &set.papers),
            ("body/1/agendaItem", &set.agenda_items),
            ("body/1/consultation", &set.consultations),
            ("body/1/membership", &set.memberships),
            ("body/1/location", &set.locations),
            ("body/1/legislativeTerm", &Vec::new()),
        ] {
            files.extend(oparl_list(u, list, objects));
        }
        // Each object's own file last, moving it (not copying it) out of the set.
        for objects in [
            set.organizations,
            set.persons,
            set.memberships,
            set.meetings,
            set.agenda_items,
            set.papers,
            set.consultations,
            set.locations,
        ] {
            files.extend(objects.into_iter().map(|o| (rel(&o["id"]), o)));
        }
        Ok(files)
    }
}

/// The pages of an OParl external list: `{stem}.json`, `{stem}-2.json` ... with the
/// pagination and the links of OParl 1.1 (first, prev, next, last).
fn oparl_list(u: &OparlUrls, stem: &str, objects: &[Value]) -> Vec<(String, Value)> {
    let pages = objects.len().div_ceil(OPARL_PAGE).max(1);
    let path = |p: usize| {
        if p == 1 {
            format!("{stem}.json")
        } else {
            format!("{stem}-{p}.json")
        }
    };
    (1..=pages)
        .map(|p| {
            let from = (p - 1) * OPARL_PAGE;
            let data =
                objects[from.min(objects.len())..(from + OPARL_PAGE).min(objects.len())].to_vec();
            let mut links = Map::new();
            links.insert("first".into(), u.at(&path(1)).into());
            if p > 1 {
                links.insert("prev".into(), u.at(&path(p - 1)).into());
            }
            if p < pages {
                links.insert("next".into(), u.at(&path(p + 1)).into());
            }
            links.insert("last".into(), u.at(&path(pages)).into());
            (
                path(p),
                json!({
                    "data": data,
                    "pagination": {
                        "totalElements": objects.len(), "elementsPerPage": OPARL_PAGE,
                        "currentPage": p, "totalPages": pages,
                    },
                    "links": links,
                }),
            )
        })
        .collect()
}

/// A short stable id for a venue: its Location's file is named after it.
fn venue_id(venue: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(venue.trim().as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

fn oparl_set(conn: &Connection, base_url: &str, body_id: Option<Uuid>) -> Result<OparlSet> {
    let base = minutes_core::validate::web_address("Published at", "the OParl data", base_url)?;
    let u = OparlUrls { base };
    let t = OparlUrls::kind;
    let a = authority(conn)?;
    let system_url = u.at("system.json");
    let body_url = u.at("body/1.json");
    let system = compact(json!({
        "id": system_url, "type": t("System"), "oparlVersion": OPARL_VERSION,
        "body": u.at("body.json"), "name": format!("{} – Cofnod", a.name_en),
    }));
    let mut body_obj = Map::new();
    for (k, v) in [
        ("id", json!(body_url)),
        ("type", json!(t("Body"))),
        ("system", json!(system_url)),
        ("name", json!(a.name_en)),
        ("classification", json!("Local authority")),
    ] {
        body_obj.insert(k.into(), v);
    }
    for (list, path) in OPARL_LISTS {
        body_obj.insert((*list).into(), json!(u.at(&format!("{path}.json"))));
    }
    // OParl 1.1 embeds the terms; the store does not know the council's terms of office.
    body_obj.insert("legislativeTerm".into(), json!([]));
    if !a.name_cy.is_empty() {
        body_obj.insert("cofnod:nameCy".into(), json!(a.name_cy));
    }
    let body_obj = Value::Object(body_obj);

    let bodies: Vec<Body> = conn
        .prepare("SELECT * FROM body ORDER BY name_en")?
        .query_map([], body_row)?
        .collect::<rusqlite::Result<_>>()?;
    let body_names: HashMap<Uuid, String> =
        bodies.iter().map(|b| (b.id, b.name_en.clone())).collect();
    let org_url = |b: Uuid| u.of("organization", b);
    let person_url = |p: Uuid| u.of("person", p);
    let in_scope = |b: Uuid| body_id.is_none_or(|x| x == b);

    let mut memberships = Vec::new();
    let mut member_of: HashMap<Uuid, Vec<Value>> = HashMap::new();
    let mut organizations = Vec::new();
    for b in bodies.iter().filter(|b| in_scope(b.id)) {
        let mut urls = Vec::new();
        for m in crate::read::memberships(conn, b.id)? {
            let mu = u.of("membership", m.id);
            let o = compact(json!({
                "id": mu, "type": t("Membership"),
                "person": person_url(m.person_id),
                "organization": org_url(m.body_id),
                "role": m.role.as_str(), "votingRight": m.role != Role::Observer,
                "startDate": oparl_date(m.from), "endDate": m.to.map(oparl_date),
            }));
            member_of.entry(m.person_id).or_default().push(o.clone());
            memberships.push(o);
            urls.push(mu);
        }
        organizations.push(compact(json!({
            "id": org_url(b.id), "type": t("Organization"), "body": body_url,
            "name": b.name_en, "organizationType": "Gremium", "classification": b.kind.as_str(),
            "membership": urls,
            "cofnod:nameCy": b.name_cy, "cofnod:bodyKind": b.kind.as_str(), "cofnod:quorum": b.quorum,
        })));
    }

    let people: Vec<Person> = conn
        .prepare("SELECT * FROM person ORDER BY name")?
        .query_map([], person_row)?
        .collect::<rusqlite::Result<_>>()?;
    let persons: Vec<Value> = people
        .iter()
        .map(|p| {
            compact(json!({
                "id": person_url(p.id), "type": t("Person"), "body": body_url,
                "name": p.display_name(), "formOfAddress": p.honorific,
                "membership": member_of.remove(&p.id).unwrap_or_default(),
                "cofnod:personKind": p.kind.as_str(), "cofnod:title": p.title,
            }))
        })
        .collect();

    let mut st =
        conn.prepare("SELECT * FROM meeting WHERE ?1 IS NULL OR body_id = ?1 ORDER BY date")?;
    let meetings: Vec<Meeting> = st
        .query_map([body_id.map(s)], meeting_row)?
        .collect::<rusqlite::Result<_>>()?;
    let published = |status: MinutesStatus| status != MinutesStatus::Drafting;
    let minutes_published: HashMap<Uuid, bool> = conn
        .prepare("SELECT id, minutes_status FROM meeting")?
        .query_map([], |r| {
            Ok((
                crate::rows::id(r, "id")?,
                r.get::<_, String>("minutes_status")? != MinutesStatus::Drafting.as_str(),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let is_published = |m: &HashMap<Uuid, bool>, id: Uuid| m.get(&id).copied().unwrap_or(false);

    // The call-ins OParl tells of: none of an exempt decision, or taken up at an exempt item.
    let mut call_ins = Vec::new();
    for c in call_ins_where(conn, "?1 = ?1", "")? {
        let res = resolution(conn, c.resolution_id)?;
        let cabinet_minute = minute(conn, res.minute_id)?;
        let cabinet_meeting = crate::read::meeting(conn, cabinet_minute.meeting_id)?;
        let scrutiny = match c.scrutiny_meeting_id {
            Some(m) => Some(crate::read::meeting(conn, m)?),
            None => None,
        };
        let wanted = body_id.is_none_or(|b| {
            cabinet_meeting.body_id == b || scrutiny.as_ref().is_some_and(|m| m.body_id == b)
        });
        if !wanted
            || !item_public(conn, cabinet_minute.agenda_item_id, cabinet_minute.exempt)?
            || !item_public(conn, c.agenda_item_id, false)?
        {
            continue;
        }
        let outcome_told = scrutiny
            .as_ref()
            .is_none_or(|m| published(m.minutes_status));
        call_ins.push(CallInFacts {
            call_in: c,
            resolution: res,
            cabinet_minute,
            scrutiny,
            outcome_told,
        });
    }

    let mut by_decision: HashMap<Uuid, Vec<usize>> = HashMap::new();
    let mut by_item: HashMap<Uuid, Vec<usize>> = HashMap::new();
    for (k, f) in call_ins.iter().enumerate() {
        by_decision
            .entry(f.call_in.resolution_id)
            .or_default()
            .push(k);
        if let Some(i) = f.call_in.agenda_item_id {
            by_item.entry(i).or_default().push(k);
        }
    }

    let mut votes = VoteWords::new(conn)?;
    let mut meeting_out = Vec::new();
    let mut items_out = Vec::new();
    let mut locations: Vec<Value> = Vec::new();
    let mut location_ids: HashMap<String, usize> = HashMap::new();
    for m in &meetings {
        let items = agenda(conn, m.id)?;
        let told = published(m.minutes_status);
        let minutes = if told {
            minutes(conn, m.id)?
        } else {
            Vec::new()
        };
        let first_item = items_out.len();
        for i in &items {
            let iu = u.of("agendaitem", i.id);
            let minute = minutes.iter().find(|mn| mn.agenda_item_id == Some(i.id));
            let public = i.part == ItemPart::Public;
            let open = public && minute.is_some_and(|mn| !mn.exempt);
            let res = match minute {
                Some(mn) if open => resolutions(conn, mn.id)?,
                _ => Vec::new(),
            };
            let text = res
                .iter()
                .map(|r| format!("({}) THAT {}", r.limb, r.text))
                .collect::<Vec<_>>()
                .join(" ");
            // The Welsh of each limb (migration 16's reading of the translations), and the
            // resolution text in Welsh when every limb has its Welsh.
            let res_cy = res
                .iter()
                .map(|r| welsh(conn, r.id))
                .collect::<Result<Vec<_>>>()?;
            let text_cy = if !res_cy.is_empty() && res_cy.iter().all(|w| !w.text.trim().is_empty())
            {
                res.iter()
                    .zip(&res_cy)
                    .map(|(r, w)| format!("({}) BOD {}", r.limb, w.text))
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                String::new()
            };
            let heading_cy = res_cy
                .first()
                .map(|w| w.heading.clone())
                .unwrap_or_default();
            // The result: each limb's vote (or its keyword), then what became of a call-in
            // of its decision or taken up at this item. Nothing of an exempt item.
            let mut result = [Vec::new(), Vec::new()];
            let mut vote_out = Vec::new();
            for r in &res {
                for (i, lang) in [Language::En, Language::Cy].into_iter().enumerate() {
                    let words = votes.words(r.id, r.keyword, lang)?;
                    result[i].push(words.map(|(w, _)| w).unwrap_or_else(|| {
                        house_style::sentence_case(&labels::keyword(r.keyword, lang).to_lowercase())
                    }));
                }
                let sentences = (
                    votes.words(r.id, r.keyword, Language::En)?,
                    votes.words(r.id, r.keyword, Language::Cy)?,
                );
                if let (Some((_, v)), (Some((en_result, en)), Some((_, cy)))) =
                    (votes.vote(r.id)?, sentences)
                {
                    vote_out.push(compact(json!({
                        "limb": r.limb, "method": v.method.as_str(), "for": v.votes_for,
                        "against": v.votes_against, "abstentions": v.abstentions,
                        "casting": v.casting.map(|c| c.as_str()),
                        "castingBy": v.casting_by.map(person_url),
                        "requestedBy": v.requested_by.map(person_url),
                        "members": v.members.iter().map(|m| json!({
                            "person": person_url(m.person_id), "choice": m.choice.as_str(),
                        })).collect::<Vec<_>>(),
                        "result": en_result, "outcome": en, "outcomeCy": cy,
                    })));
                }
            }
            let mut result = result.map(|parts| {
                if parts.iter().all(|p| Some(p) == parts.first()) {
                    parts.into_iter().next().unwrap_or_default()
                } else {
                    parts
                        .iter()
                        .zip(&res)
                        .map(|(p, r)| format!("({}) {p}", r.limb))
                        .collect::<Vec<_>>()
                        .join("; ")
                }
            });
            let mut consultation = None;
            let mut called_in = Vec::new();
            if open {
                // The call-ins of this item's decisions or taken up at it, in their order.
                let mut here: Vec<usize> = res
                    .iter()
                    .filter_map(|r| by_decision.get(&r.id))
                    .chain(by_item.get(&i.id))
                    .flatten()
                    .copied()
                    .collect();
                here.sort_unstable();
                here.dedup();
                for f in here.into_iter().map(|k| &call_ins[k]) {
                    let c = &f.call_in;
                    let here_decided = res.iter().any(|r| r.id == c.resolution_id);
                    let taken_here = c.agenda_item_id == Some(i.id);
                    if taken_here {
                        consultation = Some(u.of("consultation", format!("{}-scrutiny", c.id)));
                    } else if here_decided {
                        called_in.push(u.of("paper", c.id));
                    }
                    let Some(words) = ((here_decided || taken_here) && f.outcome_told)
                        .then(|| call_in::result_text(c, Language::En))
                        .flatten()
                    else {
                        continue;
                    };
                    let cy = call_in::result_text(c, Language::Cy).unwrap_or_default();
                    for (r, w) in result.iter_mut().zip([words, cy]) {
                        *r = if r.is_empty() { w } else { format!("{r}; {w}") };
                    }
                }
            } else {
                result = [String::new(), String::new()];
                vote_out.clear();
            }
            let [result, result_cy] = result;
            items_out.push(compact(json!({
                "result": result, "cofnod:resultCy": result_cy, "cofnod:vote": vote_out,
                "consultation": consultation, "cofnod:calledIn": called_in,
                "id": iu, "type": t("AgendaItem"), "meeting": u.of("meeting", m.id),
                "number": minute.map(|mn| mn.label.clone()), "order": i.position, "name": i.title_en,
                "public": public, "resolutionText": text,
                "cofnod:nameCy": i.title_cy, "cofnod:origin": i.origin.as_str(), "cofnod:tag": i.tag,
                "cofnod:resolutionTextCy": text_cy, "cofnod:minuteHeadingCy": heading_cy,
                "cofnod:resolutions": res.iter().zip(&res_cy).map(|(r, w)| json!({"limb": r.limb, "keyword": r.keyword.as_str(), "text": r.text, "reason": r.reason, "textCy": w.text, "reasonCy": w.reason})).collect::<Vec<_>>(),
            })));
        }
        let location = (!m.venue.trim().is_empty()).then(|| {
            let key = venue_id(&m.venue);
            let at = *location_ids.entry(key.clone()).or_insert_with(|| {
                locations.push(json!({
                    "id": u.of("location", &key), "type": t("Location"),
                    "description": m.venue.trim(),
                }));
                locations.len() - 1
            });
            locations[at].clone()
        });
        let start = m.start_time.map(|tm| london(m.date, tm));
        let end = m.end_time.map(|tm| london(m.date, tm));
        let body_name = body_names.get(&m.body_id).cloned().unwrap_or_default();
        meeting_out.push(compact(json!({
            "id": u.of("meeting", m.id), "type": t("Meeting"),
            "name": format!("{body_name} – {}", m.date.format("%-d %B %Y")),
            "start": start, "end": end, "cancelled": false, "location": location,
            "organization": [org_url(m.body_id)],
            // OParl 1.1 embeds a meeting's agenda items as objects.
            "agendaItem": items_out[first_item..].to_vec(),
            "cofnod:meetingStatus": m.status.as_str(), "cofnod:minutesStatus": m.minutes_status.as_str(),
            "cofnod:mode": m.mode.as_str(), "cofnod:venue": m.venue,
        })));
    }

    // Referrals as Papers ("Reference from ..."); the response and outcome once the minutes
    // of the meeting that gave them are published.
    let mut st = conn.prepare(
        "SELECT f.*, fb.name_en AS from_name FROM referral f JOIN body fb ON fb.id = f.from_body_id
         WHERE ?1 IS NULL OR f.from_body_id = ?1 OR f.to_body_id = ?1 ORDER BY f.sent_on",
    )?;
    let referrals: Vec<(Referral, String)> = st
        .query_map([body_id.map(s)], |r| {
            Ok((referral_row(r)?, r.get("from_name")?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut papers = Vec::new();
    for (f, from) in referrals {
        let answered = f
            .target_meeting_id
            .is_none_or(|m| is_published(&minutes_published, m));
        papers.push(compact(json!({
            "id": u.of("paper", f.id), "type": t("Paper"), "body": body_url,
            "name": format!("Reference from {from}"), "date": oparl_date(f.sent_on),
            "paperType": format!("Reference from {from}"),
            "originatorOrganization": [org_url(f.from_body_id)],
            "cofnod:referral": compact(json!({
                "purpose": f.purpose.as_str(), "sentAt": oparl_date(f.sent_on),
                "responseDue": oparl_date(f.response_due), "status": f.status.as_str(),
                "outcome": f.outcome.filter(|_| answered).map(|o| o.as_str()),
                "response": if answered { f.response_text.as_str() } else { "" },
                "to": f.to_body_id.map(org_url),
                "toExternal": f.to_external,
            })),
        })));
    }
    let referral_ids: std::collections::HashSet<Uuid> = papers
        .iter()
        .filter_map(|p| p["id"].as_str())
        .filter_map(|id| {
            id.rsplit('/')
                .next()
                .and_then(|f| f.strip_suffix(".json"))
                .and_then(|f| f.parse().ok())
        })
        .collect();

    // Call-ins as Papers ("Call-in: Library Strategy (Cabinet minute C12)"), each with its
    // consultations: the scrutiny committee's (advisory: it may only refer the decision
    // back, s.21(3) LGA 2000) and the reconsideration by Cabinet or Council (authoritative).
    let mut consultations = Vec::new();
    for f in &call_ins {
        let c = &f.call_in;
        let paper = u.of("paper", c.id);
        let mut cs = Vec::new();
        if let Some(m) = &f.scrutiny {
            cs.push(compact(json!({
                "id": u.of("consultation", format!("{}-scrutiny", c.id)),
                "type": t("Consultation"), "paper": paper,
                "agendaItem": c.agenda_item_id.map(|i| u.of("agendaitem", i)),
                "meeting": u.of("meeting", m.id),
                "organization": [org_url(m.body_id)],
                "authoritative": false, "role": "Call-in",
                "cofnod:outcome": c.outcome.filter(|_| f.outcome_told).map(|o| o.as_str()),
                "cofnod:result": call_in::result_text(c, Language::En).filter(|_| f.outcome_told),
            })));
        }
        if let Some(mid) = c.reconsidered_minute_id {
            let mn = minute(conn, mid)?;
            if is_published(&minutes_published, mn.meeting_id) {
                let m = crate::read::meeting(conn, mn.meeting_id)?;
                cs.push(compact(json!({
                    "id": u.of("consultation", format!("{}-reconsideration", c.id)),
                    "type": t("Consultation"), "paper": paper,
                    "agendaItem": mn.agenda_item_id.map(|i| u.of("agendaitem", i)),
                    "meeting": u.of("meeting", m.id),
                    "organization": [org_url(m.body_id)],
                    "authoritative": true, "role": "Reconsideration",
                })));
            }
        }
        consultations.extend(cs.iter().cloned());
        let exec = crate::read::executive_decision(conn, c.resolution_id)?;
        let told = f.outcome_told;
        papers.push(compact(json!({
            "id": paper, "type": t("Paper"), "body": body_url,
            "name": format!("Call-in: {}", call_in::item_title(&f.cabinet_minute.heading, &f.cabinet_minute.label)),
            "reference": format!("Call-in of Cabinet minute {}", f.cabinet_minute.label),
            "date": oparl_date(c.requested_on), "paperType": "Call-in",
            "originatorPerson": c.members.iter().map(|p| person_url(*p)).collect::<Vec<_>>(),
            "relatedPaper": c.referral_id.filter(|r| referral_ids.contains(r)).map(|r| vec![u.of("paper", r)]),
            "consultation": cs,
            "cofnod:callIn": compact(json!({
                "decision": f.cabinet_minute.agenda_item_id.map(|i| u.of("agendaitem", i)),
                "cabinetMinute": f.cabinet_minute.label, "limb": f.resolution.limb,
                "requestedOn": oparl_date(c.requested_on), "grounds": c.grounds,
                "status": c.status.as_str(), "statusText": call_in::status_text(c, Language::En),
                "statusTextCy": call_in::status_text(c, Language::Cy),
                "decidedBy": c.decided_by, "decidedOn": c.decided_on.map(oparl_date),
                "rejectionReason": c.rejection_reason,
                "outcome": c.outcome.filter(|_| told).map(|o| o.as_str()),
                "concerns": if told { c.concerns.as_str() } else { "" },
                "keyDecision": exec.as_ref().map(|e| e.key_decision),
                "callInEnds": exec.as_ref().and_then(|e| e.call_in_ends).map(oparl_date),
                "implementedOn": implementation(conn, c.resolution_id)?.map(|i| oparl_date(i.implemented_on)),
            })),
        })));
    }
    Ok(OparlSet {
        system,
        body: body_obj,
        organizations,
        persons,
        memberships,
        meetings: meeting_out,
        agenda_items: items_out,
        papers,
        consultations,
        locations,
        urls: u,
    })
}

/// Whether an agenda item (none: a minute without one) is open to the public, and the minute
/// not marked exempt.
fn item_public(conn: &Connection, item: Option<Uuid>, exempt: bool) -> Result<bool> {
    if exempt {
        return Ok(false);
    }
    let Some(item) = item else {
        return Ok(true);
    };
    let part: Option<String> = conn
        .query_row(
            "SELECT part FROM agenda_item WHERE id = ?1",
            [s(item)],
            |r| r.get(0),
        )
        .optional()?;
    Ok(part.is_none_or(|p| p == ItemPart::Public.as_str()))
}

/// A local time in London as OParl's date-time: offset, no fraction.
fn london(date: NaiveDate, time: chrono::NaiveTime) -> String {
    // BST runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
    let last_sunday = |month: u32| {
        let mut d = NaiveDate::from_ymd_opt(date.year(), month + 1, 1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(date);
        while d.weekday() != chrono::Weekday::Sun {
            d = d.pred_opt().unwrap_or(d);
        }
        d
    };
    use chrono::Datelike;
    let bst = date > last_sunday(3) && date < last_sunday(10)
        || (date == last_sunday(3)
            && time >= chrono::NaiveTime::from_hms_opt(2, 0, 0).unwrap_or_default())
        || (date == last_sunday(10)
            && time < chrono::NaiveTime::from_hms_opt(1, 0, 0).unwrap_or_default());
    format!(
        "{}T{}{}",
        date,
        time.format("%H:%M:%S"),
        if bst { "+01:00" } else { "+00:00" }
    )
}

pub const TRACKER_CSV_HEADER: &[&str] = &[
    "reference",
    "origin_body",
    "origin_meeting_date",
    "origin_minute",
    "recommendation",
    "referred_to",
    "purpose",
    "sent_date",
    "response_due",
    "considered_date",
    "target_minute",
    "outcome",
    "response",
    "status",
    "reported_back_date",
    "closed_date",
    "overdue",
    "vote",
    "called_in_minute",
    "call_in_status",
    "call_in_outcome",
    "implemented_date",
];

/// The vote on each tracked recommendation and the call-in it belongs to: the call-in whose
/// outcome issued the referral, or else the latest call-in of the decision that made it.
fn tracker_decisions(conn: &Connection, entries: &[ReferralChain]) -> Result<Vec<TrackerDecision>> {
    let mut votes = VoteWords::new(conn)?;
    let mut out = Vec::new();
    for c in entries {
        let src = c.source.as_ref();
        let (vote, vote_cy) = match src {
            Some(src) => (
                votes.line(src.resolution_id, src.keyword, Language::En)?,
                votes.line(src.resolution_id, src.keyword, Language::Cy)?,
            ),
            None => (None, None),
        };
        let mut call_in = call_ins_where(conn, "c.referral_id = ?1", &s(c.referral.id))?.pop();
        if call_in.is_none() {
            if let Some(src) = src {
                call_in = last_call_in(conn, src.resolution_id)?;
            }
        }
        let call_in = match call_in {
            Some(ci) => {
                let res = resolution(conn, ci.resolution_id)?;
                let cabinet = minute(conn, res.minute_id)?;
                let cabinet_date = crate::read::meeting(conn, cabinet.meeting_id)?.date;
                Some(TrackerCallIn {
                    cabinet_minute: cabinet.label,
                    cabinet_date,
                    scrutiny_meeting: match ci.scrutiny_meeting_id {
                        Some(m) => meeting_ref(conn, m)?,
                        None => None,
                    },
                    scrutiny_minute: match ci.scrutiny_minute_id {
                        Some(m) => Some(minute(conn, m)?.label),
                        None => None,
                    },
                    implemented_on: implementation(conn, ci.resolution_id)?
                        .map(|i| i.implemented_on),
                    call_in: ci,
                })
            }
            None => None,
        };
        if vote.is_some() || call_in.is_some() {
            out.push(TrackerDecision {
                referral_id: c.referral.id,
                vote,
                vote_cy,
                call_in,
            });
        }
    }
    Ok(out)
}

impl Store {
    /// The recommendation tracker of a body for a period: every referral its resolutions made
    /// in the period, and every earlier one still open when the period began (carried forward
    /// until it is closed), with where it stands (the quarterly "decision tracking" report).
    pub fn tracker(
        &self,
        body_id: Uuid,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<ReferralChain>> {
        if to < from {
            return Err(
                DomainError::invalid("Dates", "the end date is before the start date").into(),
            );
        }
        body(self.conn(), body_id)?;
        let mut st = self.conn().prepare(
            "SELECT * FROM referral WHERE from_body_id = ?1 AND sent_on <= ?3
               AND (sent_on >= ?2 OR closed_on IS NULL OR closed_on >= ?2)
             ORDER BY sent_on, id",
        )?;
        let list: Vec<Referral> = st
            .query_map(rusqlite::params![s(body_id), from, to], referral_row)?
            .collect::<rusqlite::Result<_>>()?;
        list.into_iter()
            .map(|r| chain(self.conn(), r, today))
            .collect()
    }

    /// The tracker ready to print: the authority, the body, the period, the day it is produced
    /// (which "overdue" is judged on) and every referral the body made in the period. What the
    /// command line's `tracker --format pdf` and the app's "Print tracker" pass to
    /// `minutes_pdf::tracker_pdf`.
    pub fn tracker_report(
        &self,
        body_id: Uuid,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<minutes_core::tracker::TrackerReport> {
        let entries = self.tracker(body_id, from, to, today)?;
        let decisions = tracker_decisions(self.conn(), &entries)?;
        Ok(minutes_core::tracker::TrackerReport {
            decisions,
            authority: authority(self.conn())?,
            body: body(self.conn(), body_id)?,
            from,
            to,
            produced: today,
            title: None,
            entries,
        })
    }

    /// The tracker as CSV (RFC 4180, header row, UTF-8).
    pub fn tracker_csv(
        &self,
        body_id: Uuid,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<String> {
        let entries = self.tracker(body_id, from, to, today)?;
        let decisions = tracker_decisions(self.conn(), &entries)?;
        let rows = entries.into_iter().map(|c| {
            let d = decisions.iter().find(|d| d.referral_id == c.referral.id);
            let ci = d.and_then(|d| d.call_in.as_ref());
            let r = &c.referral;
            let src = c.source.as_ref();
            vec![
                src.map(|s| format!("{}({})", s.minute.label, s.limb))
                    .unwrap_or_default(),
                c.from_body.clone(),
                src.map(|s| s.minute.date.to_string()).unwrap_or_default(),
                src.map(|s| s.minute.label.clone()).unwrap_or_default(),
                src.map(|s| s.text.clone()).unwrap_or_default(),
                c.to.clone(),
                r.purpose.as_str().into(),
                r.sent_on.to_string(),
                r.response_due.to_string(),
                r.outcome
                    .and(c.target_meeting.as_ref())
                    .map(|m| m.date.to_string())
                    .unwrap_or_default(),
                c.target_minute
                    .as_ref()
                    .map(|m| m.label.clone())
                    .unwrap_or_default(),
                r.outcome
                    .map(|o| o.as_str().to_string())
                    .unwrap_or_default(),
                r.response_text.clone(),
                r.status.as_str().into(),
                c.reported_back
                    .as_ref()
                    .map(|m| m.date.to_string())
                    .unwrap_or_default(),
                r.closed_on.map(|d| d.to_string()).unwrap_or_default(),
                if c.urgency == Some(ReferralUrgency::Overdue) {
                    "TRUE"
                } else {
                    "FALSE"
                }
                .into(),
                d.and_then(|d| d.vote.clone()).unwrap_or_default(),
                ci.map(|c| c.cabinet_minute.clone()).unwrap_or_default(),
                ci.map(|c| c.call_in.status.as_str().to_string())
                    .unwrap_or_default(),
                ci.and_then(|c| c.call_in.outcome)
                    .map(|o| o.as_str().to_string())
                    .unwrap_or_default(),
                ci.and_then(|c| c.implemented_on)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ]
        });
        csv_text(TRACKER_CSV_HEADER, rows.collect::<Vec<_>>())
    }
}
