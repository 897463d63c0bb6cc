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
        name_en: "Test Council".into(),
        name_cy: String::new(),
        jurisdiction: Jurisdiction::Wales,
        languages: LanguagePolicy::English,
        year_start_month: 5,
        year_start_day: 1,
        minute_book: None,
        presenter_form_en: PRESENTER_FORM_EN.into(),
        presenter_form_cy: PRESENTER_FORM_CY.into(),
        call_in_days: None,
        call_in_members: None,
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
