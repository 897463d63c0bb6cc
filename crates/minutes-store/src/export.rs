//! Exports: the register as CSV (RFC 4180), a body's meetings as iCalendar (RFC 5545), and an
//! OParl 1.1-shaped JSON dump (Organization, Person, Membership, Meeting, AgendaItem, Paper).

use chrono::{DateTime, NaiveDate, Utc};
use minutes_core::*;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::read::{
    agenda, authority, body, body_row, meeting_row, minutes, person_row, referral_row, resolutions,
};
use crate::register::{chain, search_limited};
use crate::rows::s;
use crate::{Result, Store, StoreError};

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
];

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
        let hits = search_limited(self.conn(), q, u32::MAX)?;
        let rows = hits.into_iter().map(|h| {
            let last = h.referrals.last();
            vec![
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
            ]
        });
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
        let mut meeting_out = Vec::new();
        let mut items_out = Vec::new();
        for m in &meetings {
            let items = agenda(conn, m.id)?;
            let minutes = minutes(conn, m.id)?;
            let mut item_urls = Vec::new();
            for i in &items {
                let iu = url("agendaitem", &i.id.to_string());
                item_urls.push(iu.clone());
                let minute = minutes.iter().find(|mn| mn.agenda_item_id == Some(i.id));
                let public = i.part == ItemPart::Public;
                let res = match minute {
                    Some(mn) if public => resolutions(conn, mn.id)?,
                    _ => Vec::new(),
                };
                let text = res
                    .iter()
                    .map(|r| format!("({}) THAT {}", r.limb, r.text))
                    .collect::<Vec<_>>()
                    .join(" ");
                items_out.push(compact(json!({
                    "id": iu, "type": t("AgendaItem"), "meeting": url("meeting", &m.id.to_string()),
                    "number": minute.map(|mn| mn.label.clone()), "order": i.position, "name": i.title_en,
                    "public": public, "resolutionText": text,
                    "cofnod:nameCy": i.title_cy, "cofnod:origin": i.origin.as_str(), "cofnod:tag": i.tag,
                    "cofnod:resolutions": res.iter().map(|r| json!({"limb": r.limb, "keyword": r.keyword.as_str(), "text": r.text, "reason": r.reason})).collect::<Vec<_>>(),
                })));
            }
            let start = m.start_time.map(|tm| london(m.date, tm));
            let end = m.end_time.map(|tm| london(m.date, tm));
            meeting_out.push(compact(json!({
                "id": url("meeting", &m.id.to_string()), "type": t("Meeting"),
                "name": format!("{} – {}", body(conn, m.body_id)?.name_en, m.date.format("%-d %B %Y")),
                "start": start, "end": end, "cancelled": false,
                "organization": [url("organization", &m.body_id.to_string())],
                "agendaItem": item_urls,
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
];

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
        Ok(minutes_core::tracker::TrackerReport {
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
        let rows = self
            .tracker(body_id, from, to, today)?
            .into_iter()
            .map(|c| {
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
                ]
            });
        csv_text(TRACKER_CSV_HEADER, rows.collect::<Vec<_>>())
    }
}
