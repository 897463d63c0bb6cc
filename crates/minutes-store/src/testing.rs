//! Fixtures shared by the tests of the store and of the crates that print from it (behind the
//! `testing` feature, never in the app): a council set up in memory, bodies and meetings with
//! the usual details, and a minimal PDF to attach. They panic with a plain message when the
//! store refuses, as a test should.

use chrono::NaiveDate;
use minutes_core::input::*;
use minutes_core::*;
use uuid::Uuid;

use crate::Store;

/// A date that is known to exist.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

/// A Welsh council writing in English, whose municipal year starts on 1 May.
pub fn test_authority() -> Authority {
    Authority {
        languages: LanguagePolicy::English,
        ..Authority::new("Test Council", "", Jurisdiction::Wales)
    }
}

/// Sets up `authority` with one council-wide minute sequence (no prefix), and returns it.
pub fn set_up_council(store: &mut Store, authority: &Authority) -> MinuteSequence {
    store.set_authority(authority).expect("authority");
    store
        .add_sequence(&NewSequence {
            name: "Council-wide".into(),
            prefix: String::new(),
            scope: SequenceScope::Council,
        })
        .expect("sequence")
}

/// The [`test_authority`] and one council-wide sequence, in memory: for fast tests.
pub fn bare_store() -> (Store, MinuteSequence) {
    let mut store = Store::open_in_memory().expect("memory store");
    let seq = set_up_council(&mut store, &test_authority());
    (store, seq)
}

/// A body of `kind` chaired by a "Chair", quorum 3, numbering its minutes in `sequence`.
pub fn new_body(store: &mut Store, name: &str, kind: BodyKind, sequence: Uuid) -> Body {
    store
        .add_body(&NewBody {
            name_en: name.into(),
            name_cy: String::new(),
            kind,
            default_keyword: None,
            chair_title: ChairTitle::Chair,
            quorum: 3,
            whip_declarations_required: None,
            reasons: ReasonsRule::NotAsked,
            sequence_id: sequence,
        })
        .expect("body")
}

/// An ordinary 10 o'clock meeting of `body` in the Council Chamber, in person.
pub fn meeting_details(body: Uuid, date: NaiveDate) -> NewMeeting {
    NewMeeting {
        body_id: body,
        kind: MeetingKind::Ordinary,
        date,
        start_time: Some("10:00".into()),
        end_time: None,
        venue: "Council Chamber".into(),
        mode: MeetingMode::InPerson,
        joining_details: String::new(),
    }
}

/// Adds the meeting of [`meeting_details`].
pub fn new_meeting(store: &mut Store, body: Uuid, date: NaiveDate) -> Meeting {
    store
        .add_meeting(&meeting_details(body, date))
        .expect("meeting")
}

/// A limb with the keyword of its body and the reason "Reason for {text}".
pub fn limb(text: &str) -> NewResolution {
    NewResolution {
        keyword: None,
        text: text.into(),
        reason: format!("Reason for {text}"),
        conditional_on: None,
        vote: String::new(),
        reason_not_needed: false,
    }
}

/// The page counter for signing where the council keeps no loose-leaf minute book: signing
/// must not ask it, so it fails if it is asked.
pub fn no_book(_: &MeetingRecord) -> Result<u32, String> {
    Err("this council keeps no loose-leaf minute book".into())
}

/// A minimal valid one-page A4 PDF (blank), written out by hand with its cross-reference
/// table: something to attach to an agenda item.
pub fn one_page_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A Cabinet decision taken on a vote, called in and referred back, for the exports: what
/// [`called_in_council`] builds.
pub struct CalledInCouncil {
    pub store: Store,
    pub cabinet: Body,
    pub scrutiny: Body,
    /// Councillors A. Jones (who chairs both meetings), B. Evans, C. Price, D. Morgan, E. Hughes.
    pub members: Vec<Person>,
    /// Cabinet on Friday 19 December 2025: "Library Strategy", minute C1.
    pub cabinet_meeting: Meeting,
    pub cabinet_item: AgendaItem,
    /// The Cabinet limb, carried For 4, Against 1, Abstentions 0; its reason starts with `=`.
    pub decision: Resolution,
    /// Scrutiny on Monday 12 January 2026.
    pub scrutiny_meeting: Meeting,
    pub call_in: CallIn,
    /// The scrutiny limb on the call-in, carried on a recorded vote asked for by B. Evans.
    pub scrutiny_limb: Resolution,
    /// A scrutiny item resolved with no vote recorded ("Parks").
    pub plain_item: AgendaItem,
    pub plain_limb: Resolution,
    /// A part 2 (exempt) scrutiny item resolved unanimously ("Staffing").
    pub exempt_item: AgendaItem,
    /// The referral back to Cabinet the outcome issued.
    pub referral: Uuid,
}

/// The reason of the Cabinet decision: a cell a spreadsheet would run as a formula.
pub const HOSTILE_REASON: &str = "=HYPERLINK(\"https://evil.example\",\"Click\")";

/// Cabinet decides on a show of hands (For 4, Against 1); three members call the decision in;
/// the scrutiny committee, on a recorded vote, refers it back to Cabinet with its concerns.
pub fn called_in_council() -> CalledInCouncil {
    use minutes_core::call_in::*;
    let (mut store, seq) = bare_store();
    let cabinet_seq = store
        .add_sequence(&NewSequence {
            name: "Cabinet".into(),
            prefix: "C".into(),
            scope: SequenceScope::Body,
        })
        .expect("sequence");
    let cabinet = new_body(&mut store, "Cabinet", BodyKind::Cabinet, cabinet_seq.id);
    let scrutiny = new_body(&mut store, "Scrutiny Committee", BodyKind::Scrutiny, seq.id);
    new_body(&mut store, "Council", BodyKind::Council, seq.id);
    let members: Vec<Person> = ["A. Jones", "B. Evans", "C. Price", "D. Morgan", "E. Hughes"]
        .iter()
        .map(|n| {
            store
                .add_person(&NewPerson {
                    honorific: "Councillor".into(),
                    name: (*n).into(),
                    kind: PersonKind::Member,
                    title: String::new(),
                })
                .expect("person")
        })
        .collect();
    let attend = |store: &mut Store, meeting: Uuid| {
        for (i, p) in members.iter().enumerate() {
            let mut a = NewAttendance::new(p.id, AttendanceStatus::Present);
            if i == 0 {
                a.capacity = Some(Capacity::Chair);
            }
            store.record_attendance(meeting, &a).expect("attendance");
        }
    };
    let hands = |f: u32, a: u32| NewVote {
        method: VoteMethod::ShowOfHands,
        votes_for: f,
        votes_against: a,
        abstentions: 0,
        casting: None,
        casting_by: None,
        requested_by: None,
        members: Vec::new(),
    };

    let cabinet_meeting = new_meeting(&mut store, cabinet.id, d(2025, 12, 19));
    attend(&mut store, cabinet_meeting.id);
    let cabinet_item = store
        .add_agenda_item(
            cabinet_meeting.id,
            &NewAgendaItem::report("Library Strategy"),
        )
        .expect("item");
    let minute = store
        .add_minute(
            cabinet_meeting.id,
            Some(cabinet_item.id),
            "Library Strategy",
        )
        .expect("minute");
    let decision = store
        .add_resolution(
            minute.id,
            &NewResolution {
                reason: HOSTILE_REASON.into(),
                ..limb("the Library Strategy be approved")
            },
        )
        .expect("limb");
    store
        .set_vote(decision.id, Some(&hands(4, 1)))
        .expect("vote");
    store
        .set_executive_decision(
            decision.id,
            &ExecutiveDecisionInput {
                key_decision: true,
                options_rejected: "To close two branch libraries.".into(),
                consultation: "A public consultation of twelve weeks.".into(),
                interests: "None".into(),
                published_on: Some(d(2025, 12, 22)),
                ..Default::default()
            },
        )
        .expect("executive decision");

    let scrutiny_meeting = new_meeting(&mut store, scrutiny.id, d(2026, 1, 12));
    attend(&mut store, scrutiny_meeting.id);
    let call_in = store
        .request_call_in(&NewCallIn {
            resolution_id: decision.id,
            requested_on: d(2025, 12, 23),
            grounds: "The consultation did not reach rural communities.".into(),
            members: members.iter().skip(1).take(3).map(|p| p.id).collect(),
        })
        .expect("call-in");
    let call_in = store
        .decide_call_in(
            call_in.id,
            &CallInDecision::Accept {
                decided_by: "Councillor A. Jones (Chair of Scrutiny)".into(),
                decided_on: d(2025, 12, 30),
                scrutiny_meeting_id: scrutiny_meeting.id,
            },
        )
        .expect("accepted");
    let item_id = call_in.agenda_item_id.expect("the call-in item");
    let smin = store
        .add_minute(
            scrutiny_meeting.id,
            Some(item_id),
            "Call-in: Library Strategy",
        )
        .expect("minute");
    let scrutiny_limb = store
        .add_resolution(
            smin.id,
            &limb("the decision be referred back to Cabinet for reconsideration"),
        )
        .expect("limb");
    let choice = |p: &Person, c: VoteChoice| VoteMember {
        person_id: p.id,
        choice: c,
    };
    store
        .set_vote(
            scrutiny_limb.id,
            Some(&NewVote {
                method: VoteMethod::Recorded,
                votes_for: 3,
                votes_against: 1,
                abstentions: 1,
                casting: None,
                casting_by: None,
                requested_by: Some(members[1].id),
                members: vec![
                    choice(&members[1], VoteChoice::For),
                    choice(&members[2], VoteChoice::For),
                    choice(&members[3], VoteChoice::For),
                    choice(&members[4], VoteChoice::Against),
                    choice(&members[0], VoteChoice::Abstain),
                ],
            }),
        )
        .expect("recorded vote");
    let call_in = store
        .record_call_in_outcome(
            call_in.id,
            &CallInOutcomeInput {
                outcome: CallInOutcome::ReferredBack,
                minute_id: None,
                concerns: "Rural branches were not consulted".into(),
            },
            d(2026, 1, 12),
        )
        .expect("outcome");
    let referral = call_in.referral_id.expect("the referral back to Cabinet");

    let plain_item = store
        .add_agenda_item(scrutiny_meeting.id, &NewAgendaItem::report("Parks"))
        .expect("item");
    let pmin = store
        .add_minute(scrutiny_meeting.id, Some(plain_item.id), "Parks")
        .expect("minute");
    let plain_limb = store
        .add_resolution(pmin.id, &limb("the report on parks be noted"))
        .expect("limb");
    let exempt_item = store
        .add_agenda_item(
            scrutiny_meeting.id,
            &NewAgendaItem {
                part: ItemPart::Exempt,
                exempt_paragraphs: vec!["12".into()],
                public_interest: "The public interest in keeping the information exempt \
                                  outweighs the public interest in disclosing it."
                    .into(),
                ..NewAgendaItem::report("Staffing")
            },
        )
        .expect("exempt item");
    let emin = store
        .add_minute(scrutiny_meeting.id, Some(exempt_item.id), "Staffing")
        .expect("minute");
    let elimb = store
        .add_resolution(emin.id, &limb("the secret restructure be approved"))
        .expect("limb");
    store
        .set_vote(
            elimb.id,
            Some(&NewVote {
                method: VoteMethod::Unanimous,
                votes_for: 5,
                ..hands(5, 0)
            }),
        )
        .expect("unanimous");
    CalledInCouncil {
        store,
        cabinet,
        scrutiny,
        members,
        cabinet_meeting,
        cabinet_item,
        decision,
        scrutiny_meeting,
        call_in,
        scrutiny_limb,
        plain_item,
        plain_limb,
        exempt_item,
        referral,
    }
}
