//! The notice of decisions as a reader sees it: printed to PDF in English and Welsh and read
//! back with pdftotext (who attended, apologies, declarations and whips, each decision and the
//! outcome of its vote; the exempt minute's words absent); the text form; marking it
//! published; the due dates the Meetings screen shows.

use std::path::PathBuf;

use chrono::NaiveDate;
use minutes_app::core::input::{NewAgendaItem, NewDeclaration, NewResolution};
use minutes_app::core::{DeclarationKind, ItemPart, Language, NoticeState};
use minutes_app::{Clock, Council, NoticeFormat, Output};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The demo council, with a declaration, a whip, a vote on the inspection's first limb and an
/// exempt item decided in private added to the meeting of 5th January, 2015.
fn council(dir: &std::path::Path, today: NaiveDate) -> (Council, minutes_store::demo::DemoIds) {
    let council = Council::open(&dir.join("cofnod.sqlite3"), Clock::Fixed(today)).unwrap();
    let ids = council.load_demo().unwrap();
    council
        .write(|s| {
            let rec = s.meeting_record(ids.meeting)?;
            let named = |n: &str| rec.people.iter().find(|p| p.name == n).unwrap().id;
            s.add_declaration(
                ids.meeting,
                &NewDeclaration {
                    person_id: named("I.W. Thomas"),
                    agenda_item_id: Some(ids.inspection_item),
                    kind: DeclarationKind::Personal,
                    nature: "his daughter is a foster carer".into(),
                    action: None,
                    dispensation: String::new(),
                },
            )?;
            s.add_declaration(
                ids.meeting,
                &NewDeclaration {
                    person_id: named("D. Howells"),
                    agenda_item_id: None,
                    kind: DeclarationKind::PartyWhip,
                    nature: "the Labour Group".into(),
                    action: None,
                    dispensation: String::new(),
                },
            )?;
            let first = rec
                .minutes
                .iter()
                .find(|m| m.minute.id == ids.inspection_minute)
                .unwrap()
                .resolutions[0]
                .clone();
            s.update_resolution(
                first.id,
                &NewResolution {
                    keyword: Some(first.keyword),
                    text: first.text.clone(),
                    reason: first.reason.clone(),
                    conditional_on: None,
                    vote: "For 5, against 1, abstentions 0".into(),
                    reason_not_needed: false,
                },
            )?;
            let mut item = NewAgendaItem::report("Residential care contract");
            item.part = ItemPart::Exempt;
            item.exempt_paragraphs = vec!["14".into()];
            item.public_interest =
                "The public interest in keeping the tender confidential outweighs disclosure"
                    .into();
            // Added after the agenda was published: urgent, with its special circumstances.
            item.origin = minutes_app::core::ItemOrigin::Urgent;
            item.urgent_reason = "The tender closes before the next meeting.".into();
            let item = s.add_agenda_item(ids.meeting, &item)?;
            let minute = s.add_minute(ids.meeting, Some(item.id), "Residential care contract")?;
            s.add_resolution(
                minute.id,
                &NewResolution {
                    keyword: None,
                    text: "the tender of Gofal Cudd Cyf be accepted at Zanzibar rates.".into(),
                    reason: "Value for money.".into(),
                    conditional_on: None,
                    vote: "Unanimous secret vote".into(),
                    reason_not_needed: false,
                },
            )
        })
        .unwrap();
    (council, ids)
}

fn keep_in(
    dir: &std::path::Path,
) -> impl FnMut(&Output) -> minutes_app::Result<Option<PathBuf>> + '_ {
    move |o: &Output| {
        let path = dir.join(&o.name);
        std::fs::write(&path, &o.bytes).unwrap();
        Ok(Some(path))
    }
}

fn pdf_text(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("poppler's pdftotext");
    assert!(out.status.success());
    // One line per paragraph, whatever the line breaks.
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn print(council: &Council, meeting: uuid::Uuid, lang: Language, dir: &std::path::Path) -> String {
    let path = council
        .print_decisions_notice(meeting, lang, NoticeFormat::Pdf, &mut keep_in(dir))
        .unwrap()
        .unwrap();
    pdf_text(&path)
}

#[test]
fn the_notice_in_english_names_who_attended_the_declarations_and_each_decision_with_its_vote() {
    let dir = tempfile::tempdir().unwrap();
    let (council, ids) = council(dir.path(), date(2015, 1, 7));
    let t = print(&council, ids.meeting, Language::En, dir.path());
    for words in [
        "GLANTAWE COUNTY BOROUGH COUNCIL",
        "Notice of Decisions",
        "Meeting held on Monday, 5th January, 2015 at 6.00 pm",
        "Present: Councillor Mrs. E. Llewelyn (Chairman); Councillor R.J. Bowen (Vice-Chairman);",
        "Apologies for absence: Councillors A. Hopkins and Mrs. J. Williams.",
        "Declarations of interest (including whipping declarations)",
        "Councillor I.W. Thomas declared a personal interest in Agenda Item No.",
        "his daughter is a foster carer",
        "Councillor D. Howells declared a party whip: the Labour Group.",
        "RECOMMENDED –",
        "(1) T H A T the key findings of the inspection",
        "Outcome of the vote: For 5, against 1, abstentions 0.",
        "(2) T H A T the report and presentation",
        "RESIDENTIAL CARE CONTRACT",
        "This item was considered in private.",
        "Date of publication: 7th January, 2015",
        "section 100C(1C) of the Local Government Act 1972",
    ] {
        assert!(t.contains(words), "missing {words:?} in:\n{t}");
    }
    // The vote goes under its own limb, before the next.
    let vote = t.find("Outcome of the vote").unwrap();
    assert!(t.find("(1) T H A T").unwrap() < vote && vote < t.find("(2) T H A T").unwrap());
    // Nothing of the exempt decision: not its words, not its vote, not its reason.
    for secret in ["Gofal Cudd", "Zanzibar", "secret vote", "Value for money"] {
        assert!(!t.contains(secret), "{secret:?} is exempt:\n{t}");
    }
    // Reasons are the minutes' business.
    assert!(!t.contains("Reasons for recommendations"), "{t}");
}

#[test]
fn the_notice_in_welsh_uses_the_glossary_s_words() {
    let dir = tempfile::tempdir().unwrap();
    let (council, ids) = council(dir.path(), date(2015, 1, 7));
    let t = print(&council, ids.meeting, Language::Cy, dir.path());
    for words in [
        "Hysbysiad o Benderfyniadau",
        "Cyfarfod a gynhaliwyd ar ddydd Llun, 5 Ionawr 2015 am 6.00 yh",
        "Yn bresennol: Y Cynghorydd Mrs. E. Llewelyn (Cadeirydd)",
        "Ymddiheuriadau am absenoldeb: Y Cynghorwyr A. Hopkins a Mrs. J. Williams.",
        "Datganiadau o fuddiant (gan gynnwys datganiadau chwipio)",
        "Datganodd y Cynghorydd I.W. Thomas fuddiant personol",
        "Datganodd y Cynghorydd D. Howells chwip plaid",
        "ARGYMHELLWYD –",
        "(1) B O D",
        "Canlyniad y bleidlais: For 5, against 1, abstentions 0.",
        "Ystyriwyd yr eitem hon yn breifat.",
        "Dyddiad cyhoeddi: 7 Ionawr 2015",
        "adran 100C(1C) Deddf Llywodraeth Leol 1972",
        "gan Ddeddf Llywodraeth Leol ac Etholiadau (Cymru) 2021",
    ] {
        assert!(t.contains(words), "missing {words:?} in:\n{t}");
    }
    for secret in ["Gofal Cudd", "Zanzibar", "secret vote"] {
        assert!(!t.contains(secret), "{secret:?} is exempt:\n{t}");
    }
}

#[test]
fn the_text_form_matches_and_the_notice_is_dated_the_day_it_was_marked_published() {
    let dir = tempfile::tempdir().unwrap();
    let (council, ids) = council(dir.path(), date(2015, 1, 12));
    let e = council
        .mark_notice_published(ids.meeting, Some(date(2015, 1, 13)))
        .unwrap_err();
    assert!(e.to_string().contains("still to come"), "{e}");
    council
        .mark_notice_published(ids.meeting, Some(date(2015, 1, 8)))
        .unwrap();
    let path = council
        .print_decisions_notice(
            ids.meeting,
            Language::En,
            NoticeFormat::Text,
            &mut keep_in(dir.path()),
        )
        .unwrap()
        .unwrap();
    assert!(path.to_string_lossy().ends_with("notice of decisions.txt"));
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("NOTICE OF DECISIONS"));
    assert!(
        text.contains("Date of publication: 8th January, 2015"),
        "{text}"
    );
    assert!(text.contains("Outcome of the vote: For 5, against 1, abstentions 0."));
    assert!(!text.contains("Zanzibar"));
}

#[test]
fn the_notices_due_follow_the_council_s_clock() {
    let dir = tempfile::tempdir().unwrap();
    // Monday 5th January 2015: seven working days are 5–9 and 12–13, so due Tuesday 13th.
    let (mut council, ids) = council(dir.path(), date(2015, 1, 9));
    let of = |c: &Council| {
        c.notices_due()
            .unwrap()
            .into_iter()
            .find(|n| n.meeting_id == ids.meeting)
            .unwrap()
    };
    let n = of(&council);
    assert_eq!(
        (n.due, n.state, n.working_days_left),
        (date(2015, 1, 13), NoticeState::DueSoon, 2)
    );
    assert!(council
        .notices_needing_attention()
        .unwrap()
        .iter()
        .any(|n| n.meeting_id == ids.meeting));
    council.set_clock(Clock::Fixed(date(2015, 1, 14)));
    assert_eq!(of(&council).state, NoticeState::Overdue);
    council.mark_notice_published(ids.meeting, None).unwrap();
    let n = of(&council);
    assert_eq!(
        (n.state, n.published_on),
        (NoticeState::Published, Some(date(2015, 1, 14)))
    );
    assert!(!council
        .notices_needing_attention()
        .unwrap()
        .iter()
        .any(|n| n.meeting_id == ids.meeting));
}
