//! The words of the printed documents, as snapshots: the demo minutes, a 40-item meeting, the
//! agenda pack's front sheet with its agenda (and an addendum), and the recommendation
//! tracker, in English and Welsh. The text is minutes-core's, the very lines the PDFs lay out,
//! so any change of wording fails here and shows the difference line by line.
//!
//! A deliberate change: run `INSTA_UPDATE=always cargo test -p minutes-pdf --test wording`,
//! read the changed `tests/snapshots/*.snap` (house style, Welsh labels) and commit them.
//! Every date is fixed, and no id is printed, so the snapshots never change on their own.

mod common;

use chrono::NaiveDate;
use common::{attach_report, meeting_with_reports, Meeting, ReportSpec};
use minutes_core::render::{minutes_document, to_text, Visibility};
use minutes_core::tracker::tracker_document;
use minutes_core::{front_sheet, DocumentKind, Language, MeetingRecord};
use minutes_pdf::{plan_pack, PackOptions};
use uuid::Uuid;

const LANGUAGES: [Language; 2] = [Language::En, Language::Cy];
const VERSIONS: [Visibility; 2] = [Visibility::Public, Visibility::Confidential];

fn name(what: &str, lang: Language, vis: Visibility) -> String {
    let vis = match vis {
        Visibility::Public => "public",
        Visibility::Confidential => "confidential",
    };
    format!("{what}_{lang}_{vis}")
}

fn minutes_snapshots(what: &str, rec: &MeetingRecord) {
    for lang in LANGUAGES {
        for vis in VERSIONS {
            let text = to_text(&minutes_document(rec, lang, vis));
            insta::assert_snapshot!(name(what, lang, vis), text);
        }
    }
}

#[test]
fn the_demo_minutes() {
    let (demo, previous) = common::demo_records();
    // Draft minutes with standing items, a presentation, questions and limbs with reasons;
    // and the signed meeting before them, with its signature block. Neither has an exempt
    // minute, so the confidential versions differ only by their mark (see `exempt_minutes`).
    minutes_snapshots("demo_minutes", &demo);
    minutes_snapshots("signed_minutes", &previous);
}

#[test]
fn exempt_minutes() {
    // The public version replaces the part 2 minute with the notice that it is withheld; both
    // carry the resolution excluding the press and public.
    minutes_snapshots("exempt_minutes", &common::with_exempt_minute().0);
}

#[test]
fn a_forty_item_meeting() {
    // The last two minutes are taken in private (part 2, paragraph 14), as a long meeting's
    // staffing or contract items are: the public version gives the exclusion resolution and
    // leaves them out, the confidential one prints them whole.
    let mut rec = common::long_meeting(40);
    let n = rec.minutes.len();
    for (k, m) in rec.minutes[n - 2..].iter_mut().enumerate() {
        let mut item = rec.agenda[0].clone();
        item.id = uuid::Uuid::from_u128(0xe0 + k as u128);
        item.position = rec.agenda.len() as u32 + 1;
        item.title_en = m.minute.heading.clone();
        item.title_cy = String::new();
        item.standing = None;
        item.tag = m.minute.tag.clone();
        item.part = minutes_core::ItemPart::Exempt;
        item.exempt_paragraphs = vec!["14".into()];
        m.minute.agenda_item_id = Some(item.id);
        m.minute.exempt = true;
        rec.agenda.push(item);
    }
    for lang in LANGUAGES {
        for vis in [Visibility::Public, Visibility::Confidential] {
            let text = to_text(&minutes_document(&rec, lang, vis));
            insta::assert_snapshot!(name("forty_items", lang, vis), text);
        }
    }
}

/// The day the packs are printed: the agenda's date of publication is recorded, so it prints
/// that, not this; an addendum prints this.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2015, 1, 28).unwrap()
}

/// The front sheet and agenda exactly as `agenda_pack` prints them for `opts`.
fn sheet_text(m: &Meeting, supplement: bool, opts: &PackOptions) -> String {
    let input = m.store.pack_input(m.meeting, supplement).unwrap();
    let plan = plan_pack(&input, opts).unwrap();
    front_sheet::to_text(plan.sheet())
}

#[test]
fn the_agenda_front_sheet() {
    // The public pack lists the part 2 item after the exclusion notice without its report's
    // pages; the confidential one gives them, and its pages are stamped CONFIDENTIAL.
    let m = meeting_with_reports();
    for lang in LANGUAGES {
        for vis in VERSIONS {
            let text = sheet_text(&m, false, &PackOptions::new(lang, vis, today()));
            insta::assert_snapshot!(name("front_sheet", lang, vis), text);
        }
    }
}

#[test]
fn an_addendum_to_the_agenda() {
    // A supplement carries only reports attached since the agenda was issued; a part 2 report
    // never goes in the public one, so one public addendum per language shows its wording.
    let mut m = meeting_with_reports();
    let input = m.store.pack_input(m.meeting, false).unwrap();
    let full = PackOptions::new(Language::En, Visibility::Confidential, today());
    let plan = plan_pack(&input, &full).unwrap();
    m.store
        .record_pack_issue(
            m.meeting,
            0,
            today(),
            (plan.first_page, plan.last_page),
            &plan.packed(),
        )
        .unwrap();
    let item = m.store.agenda(m.meeting).unwrap()[4].id;
    attach_report(
        &mut m.store,
        item,
        "Late letter from the Health Board",
        DocumentKind::Appendix,
        &ReportSpec::a4("ECHO", 2),
    );
    for lang in LANGUAGES {
        let opts = PackOptions::new(lang, Visibility::Public, today());
        insta::assert_snapshot!(
            name("addendum", lang, Visibility::Public),
            sheet_text(&m, true, &opts)
        );
    }
}

#[test]
fn the_recommendation_tracker() {
    // The tracker has one version: `tracker_document` takes no visibility (it reports the
    // referrals, public decisions, and is always printed as the public version), so one
    // snapshot per language covers it. The four states: overdue, answered "accepted in part"
    // with a long response, reported back and closed, and sent to an outside body.
    let report = common::four_states().report();
    for lang in LANGUAGES {
        let text = to_text(&tracker_document(&report, lang));
        insta::assert_snapshot!(format!("tracker_{lang}"), text);
    }
}

#[test]
fn votes_dispensations_and_a_note_on_the_quorum() {
    use minutes_core::*;
    // The demo minutes with: the previous minutes approved unanimously ("RECOMMENDED
    // unanimously –"); the inspection's limb (1) by a show of hands and limb (2) by a recorded
    // vote tied and carried on the Chairman's casting vote; a member's prejudicial interest
    // with a dispensation to speak and vote; and a note on the quorum in the inspection minute.
    let (mut rec, _) = common::demo_records();
    let present: Vec<&Attendance> = rec
        .attendance
        .iter()
        .filter(|a| a.status == AttendanceStatus::Present)
        .collect();
    let (chair, others) = (present[0].person_id, present[1..].to_vec());
    let name_of = |id: Uuid| rec.person(id).map(|p| p.name.clone()).unwrap_or_default();
    let mut others: Vec<Uuid> = others.iter().map(|a| a.person_id).collect();
    others.sort_by_key(|id| name_of(*id));
    let approving = rec.minutes[1].resolutions[0].id;
    let inspection = rec.minutes.len() - 1;
    let limbs: Vec<Uuid> = rec.minutes[inspection]
        .resolutions
        .iter()
        .map(|r| r.id)
        .collect();
    let vote = |id, method, f, a, x| Vote {
        resolution_id: id,
        method,
        votes_for: f,
        votes_against: a,
        abstentions: x,
        casting: None,
        casting_by: None,
        requested_by: None,
        members: Vec::new(),
    };
    rec.votes
        .push(vote(approving, VoteMethod::Unanimous, 6, 0, 0));
    rec.votes
        .push(vote(limbs[0], VoteMethod::ShowOfHands, 4, 1, 1));
    let member = |p: Uuid, c| VoteMember {
        person_id: p,
        choice: c,
    };
    rec.votes.push(Vote {
        casting: Some(VoteChoice::For),
        casting_by: Some(chair),
        requested_by: Some(others[1]),
        members: vec![
            member(chair, VoteChoice::For),
            member(others[0], VoteChoice::For),
            member(others[1], VoteChoice::Against),
            member(others[2], VoteChoice::Against),
            member(others[3], VoteChoice::Abstain),
        ],
        ..vote(limbs[1], VoteMethod::Recorded, 2, 2, 1)
    });
    let item = rec.minutes[inspection].minute.agenda_item_id;
    let declaration = Declaration {
        id: Uuid::nil(),
        meeting_id: rec.meeting.id,
        person_id: others[0],
        agenda_item_id: item,
        kind: DeclarationKind::Prejudicial,
        nature: "a foster carer for the Council".into(),
        action: Some(DeclarationAction::Remained),
        dispensation: String::new(),
    };
    rec.dispensations.push(Dispensation {
        id: Uuid::nil(),
        declaration_id: declaration.id,
        reference: "SC/2014/07".into(),
        scope: DispensationScope::SpeakAndVote,
        granted_by: "Standards Committee".into(),
        granted_on: NaiveDate::from_ymd_opt(2014, 9, 1).expect("date"),
        expires_on: Some(NaiveDate::from_ymd_opt(2017, 5, 4).expect("date")),
    });
    rec.declarations.push(declaration);
    rec.quorum_notes.push(QuorumNote {
        minute_id: rec.minutes[inspection].minute.id,
        note: "The Chairman reminded the Committee that it remained quorate for this item.".into(),
    });
    for lang in LANGUAGES {
        let text = to_text(&minutes_document(&rec, lang, Visibility::Public));
        insta::assert_snapshot!(format!("votes_{lang}"), text);
    }
}
