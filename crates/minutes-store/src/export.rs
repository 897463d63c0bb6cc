//! Exports: the register as CSV (RFC 4180), a body's meetings as iCalendar (RFC 5545), and an
//! OParl 1.1-shaped JSON dump (Organization, Person, Membership, Meeting, AgendaItem, Paper).

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

    /// An OParl 1.1-shaped export (a static dump: ids are URLs under `base_url`, lists are
    /// plain arrays). With a body, only its meetings (and the papers its resolutions made).
    /// Exempt items are marked `public: false` with no resolution text.
    pub fn oparl_export(&self, base_url: &str, body_id: Option<Uuid>) -> Result<Value> {
        let conn = self.conn();
        let base = base_url.trim().trim_end_matches('/');
        let host = base
            .strip_prefix("https://")
            .or_else(|| base.strip_prefix("http://"));
        if !host.is_some_and(|h| !h.is_empty() && !h.contains(char::is_whitespace)) {
            return Err(DomainError::invalid(
                "Published at",
                "give the web address the OParl data will be published at, starting https://",
            )
            .into());
        }
        let url = |kind: &str, id: &str| format!("{base}/{kind}/{id}");
        let t = |kind: &str| format!("https://schema.oparl.org/1.1/{kind}");
        let a = authority(conn)?;
        let body_url = format!("{base}/body/1");

        let bodies: Vec<Body> = conn
            .prepare("SELECT * FROM body ORDER BY name_en")?
            .query_map([], body_row)?
            .collect::<rusqlite::Result<_>>()?;
        let organizations: Vec<Value> = bodies.iter().filter(|b| body_id.is_none_or(|x| x == b.id)).map(|b| compact(json!({
            "id": url("organization", &b.id.to_string()), "type": t("Organization"), "body": body_url,
            "name": b.name_en, "organizationType": "Gremium", "classification": b.kind.as_str(),
            "cofnod:nameCy": b.name_cy, "cofnod:bodyKind": b.kind.as_str(), "cofnod:quorum": b.quorum,
        }))).collect();

        let people: Vec<Person> = conn
            .prepare("SELECT * FROM person ORDER BY name")?
            .query_map([], person_row)?
            .collect::<rusqlite::Result<_>>()?;
        let persons: Vec<Value> = people.iter().map(|p| compact(json!({
            "id": url("person", &p.id.to_string()), "type": t("Person"), "body": body_url,
            "name": p.display_name(), "formOfAddress": p.honorific, "cofnod:personKind": p.kind.as_str(),
            "cofnod:title": p.title,
        }))).collect();

        let mut memberships = Vec::new();
        for b in bodies.iter().filter(|b| body_id.is_none_or(|x| x == b.id)) {
            for m in crate::read::memberships(conn, b.id)? {
                memberships.push(compact(json!({
                    "id": url("membership", &m.id.to_string()), "type": t("Membership"),
                    "person": url("person", &m.person_id.to_string()),
                    "organization": url("organization", &m.body_id.to_string()),
                    "role": m.role.as_str(), "votingRight": m.role != Role::Observer,
                    "startDate": oparl_date(m.from), "endDate": m.to.map(oparl_date),
                })));
            }
        }

        let mut st =
            conn.prepare("SELECT * FROM meeting WHERE ?1 IS NULL OR body_id = ?1 ORDER BY date")?;
        let meetings: Vec<Meeting> = st
            .query_map([body_id.map(s)], meeting_row)?
            .collect::<rusqlite::Result<_>>()?;
        let mut votes = VoteWords::new(conn)?;
        let person_url = |p: Uuid| url("person", &p.to_string());
        let all_call_ins = call_ins_where(conn, "?1 = ?1", "")?;
        let mut meeting_out = Vec::new();
        let mut items_out = Vec::new();
        for m in &meetings {
            let items = agenda(conn, m.id)?;
            let minutes = minutes(conn, m.id)?;
            let first_item = items_out.len();
            for i in &items {
                let iu = url("agendaitem", &i.id.to_string());
                let minute = minutes.iter().find(|mn| mn.agenda_item_id == Some(i.id));
                let public = i.part == ItemPart::Public;
                let res = match minute {
                    Some(mn) if public && !mn.exempt => resolutions(conn, mn.id)?,
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
                let text_cy =
                    if !res_cy.is_empty() && res_cy.iter().all(|w| !w.text.trim().is_empty()) {
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
                            house_style::sentence_case(
                                &labels::keyword(r.keyword, lang).to_lowercase(),
                            )
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
                if public && minute.is_some_and(|mn| !mn.exempt) {
                    for c in &all_call_ins {
                        let here = res.iter().any(|r| r.id == c.resolution_id)
                            || c.agenda_item_id == Some(i.id);
                        let Some(words) = here
                            .then(|| call_in::result_text(c, Language::En))
                            .flatten()
                        else {
                            continue;
                        };
                        let cy = call_in::result_text(c, Language::Cy).unwrap_or_default();
                        for (r, w) in result.iter_mut().zip([words, cy]) {
                            *r = if r.is_empty() { w } else { format!("{r}; {w}") };
                        }
                        if c.agenda_item_id == Some(i.id) {
                            consultation = Some(url("consultation", &format!("{}-scrutiny", c.id)));
                        } else {
                            called_in.push(url("paper", &c.id.to_string()));
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
                    "id": iu, "type": t("AgendaItem"), "meeting": url("meeting", &m.id.to_string()),
                    "number": minute.map(|mn| mn.label.clone()), "order": i.position, "name": i.title_en,
                    "public": public, "resolutionText": text,
                    "cofnod:nameCy": i.title_cy, "cofnod:origin": i.origin.as_str(), "cofnod:tag": i.tag,
                    "cofnod:resolutionTextCy": text_cy, "cofnod:minuteHeadingCy": heading_cy,
                    "cofnod:resolutions": res.iter().zip(&res_cy).map(|(r, w)| json!({"limb": r.limb, "keyword": r.keyword.as_str(), "text": r.text, "reason": r.reason, "textCy": w.text, "reasonCy": w.reason})).collect::<Vec<_>>(),
                })));
            }
            let start = m.start_time.map(|tm| london(m.date, tm));
            let end = m.end_time.map(|tm| london(m.date, tm));
            meeting_out.push(compact(json!({
                "id": url("meeting", &m.id.to_string()), "type": t("Meeting"),
                "name": format!("{} – {}", body(conn, m.body_id)?.name_en, m.date.format("%-d %B %Y")),
                "start": start, "end": end, "cancelled": false,
                "organization": [url("organization", &m.body_id.to_string())],
                // OParl 1.1 embeds a meeting's agenda items as objects.
                "agendaItem": items_out[first_item..].to_vec(),
                "cofnod:meetingStatus": m.status.as_str(), "cofnod:minutesStatus": m.minutes_status.as_str(),
                "cofnod:mode": m.mode.as_str(), "cofnod:venue": m.venue,
            })));
        }

        // Referrals as Papers ("Reference from ...").
        let mut st = conn.prepare(
            "SELECT f.*, fb.name_en AS from_name FROM referral f JOIN body fb ON fb.id = f.from_body_id
             WHERE ?1 IS NULL OR f.from_body_id = ?1 OR f.to_body_id = ?1 ORDER BY f.sent_on",
        )?;
        let papers: Vec<Value> = st
            .query_map([body_id.map(s)], |r| {
                let f = referral_row(r)?;
                let from: String = r.get("from_name")?;
                Ok(compact(json!({
                    "id": url("paper", &f.id.to_string()), "type": t("Paper"), "body": body_url,
                    "name": format!("Reference from {from}"), "date": oparl_date(f.sent_on),
                    "paperType": format!("Reference from {from}"),
                    "originatorOrganization": [url("organization", &f.from_body_id.to_string())],
                    "cofnod:referral": compact(json!({
                        "purpose": f.purpose.as_str(), "sentAt": oparl_date(f.sent_on),
                        "responseDue": oparl_date(f.response_due), "status": f.status.as_str(),
                        "outcome": f.outcome.map(|o| o.as_str()), "response": f.response_text,
                        "to": f.to_body_id.map(|b| url("organization", &b.to_string())),
                        "toExternal": f.to_external,
                    })),
                })))
            })?
            .collect::<rusqlite::Result<_>>()?;

        // Call-ins as Papers ("Call-in: Library Strategy (Cabinet minute C12)"), each with its
        // consultations: the scrutiny committee's (advisory: it may only refer the decision
        // back, s.21(3) LGA 2000) and the reconsideration by Cabinet or Council (authoritative).
        // Nothing of a call-in of an exempt decision, or taken up at an exempt item.
        let mut papers = papers;
        for c in &all_call_ins {
            let res = resolution(conn, c.resolution_id)?;
            let cabinet_minute = minute(conn, res.minute_id)?;
            let cabinet_meeting = crate::read::meeting(conn, cabinet_minute.meeting_id)?;
            let scrutiny = match c.scrutiny_meeting_id {
                Some(m) => Some(crate::read::meeting(conn, m)?),
                None => None,
            };
            let in_scope = body_id.is_none_or(|b| {
                cabinet_meeting.body_id == b || scrutiny.as_ref().is_some_and(|m| m.body_id == b)
            });
            if !in_scope
                || !item_public(conn, cabinet_minute.agenda_item_id, cabinet_minute.exempt)?
                || !item_public(conn, c.agenda_item_id, false)?
            {
                continue;
            }
            let paper = url("paper", &c.id.to_string());
            let mut consultations = Vec::new();
            if let Some(m) = &scrutiny {
                consultations.push(compact(json!({
                    "id": url("consultation", &format!("{}-scrutiny", c.id)),
                    "type": t("Consultation"), "paper": paper,
                    "agendaItem": c.agenda_item_id.map(|i| url("agendaitem", &i.to_string())),
                    "meeting": url("meeting", &m.id.to_string()),
                    "organization": [url("organization", &m.body_id.to_string())],
                    "authoritative": false, "role": "Call-in",
                    "cofnod:outcome": c.outcome.map(|o| o.as_str()),
                    "cofnod:result": call_in::result_text(c, Language::En),
                })));
            }
            if let Some(mid) = c.reconsidered_minute_id {
                let mn = minute(conn, mid)?;
                let m = crate::read::meeting(conn, mn.meeting_id)?;
                consultations.push(compact(json!({
                    "id": url("consultation", &format!("{}-reconsideration", c.id)),
                    "type": t("Consultation"), "paper": paper,
                    "agendaItem": mn.agenda_item_id.map(|i| url("agendaitem", &i.to_string())),
                    "meeting": url("meeting", &m.id.to_string()),
                    "organization": [url("organization", &m.body_id.to_string())],
                    "authoritative": true, "role": "Reconsideration",
                })));
            }
            let exec = crate::read::executive_decision(conn, c.resolution_id)?;
            papers.push(compact(json!({
                "id": paper, "type": t("Paper"), "body": body_url,
                "name": format!("Call-in: {}", call_in::item_title(&cabinet_minute.heading, &cabinet_minute.label)),
                "reference": format!("Call-in of Cabinet minute {}", cabinet_minute.label),
                "date": oparl_date(c.requested_on), "paperType": "Call-in",
                "originatorPerson": c.members.iter().map(|p| person_url(*p)).collect::<Vec<_>>(),
                "relatedPaper": c.referral_id.map(|r| vec![url("paper", &r.to_string())]),
                "consultation": consultations,
                "cofnod:callIn": compact(json!({
                    "decision": cabinet_minute.agenda_item_id.map(|i| url("agendaitem", &i.to_string())),
                    "cabinetMinute": cabinet_minute.label, "limb": res.limb,
                    "requestedOn": oparl_date(c.requested_on), "grounds": c.grounds,
                    "status": c.status.as_str(), "statusText": call_in::status_text(c, Language::En),
                    "statusTextCy": call_in::status_text(c, Language::Cy),
                    "decidedBy": c.decided_by, "decidedOn": c.decided_on.map(oparl_date),
                    "rejectionReason": c.rejection_reason,
                    "outcome": c.outcome.map(|o| o.as_str()), "concerns": c.concerns,
                    "keyDecision": exec.as_ref().map(|e| e.key_decision),
                    "callInEnds": exec.as_ref().and_then(|e| e.call_in_ends).map(oparl_date),
                    "implementedOn": implementation(conn, c.resolution_id)?.map(|i| oparl_date(i.implemented_on)),
                })),
            })));
        }

        Ok(json!({
            "body": compact(json!({"id": body_url, "type": t("Body"), "name": a.name_en, "cofnod:nameCy": a.name_cy})),
            "organization": organizations,
            "person": persons,
            "membership": memberships,
            "meeting": meeting_out,
            "agendaItem": items_out,
            "paper": papers,
        }))
    }
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
