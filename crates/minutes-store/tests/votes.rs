//! Votes on limbs, dispensations and quorum (issue 16, migration 12): what the store refuses,
//! naming the member and the item, and, for each rule, that the change goes through once its
//! trigger is dropped (so the trigger is what refuses it). On real SQLite files.

mod common;

use common::*;
use minutes_core::input::*;
use minutes_core::*;
use minutes_store::import::parse_meeting;
use minutes_store::Store;
use tempfile::TempDir;
use uuid::Uuid;

/// A scrutiny meeting (quorum 3) of five items. Present: the Chair (in the chair) and A for
/// the whole meeting; B and C left at item 3; E arrived at item 5; a voting co-optee for
/// item 1 only; a non-voting co-optee and an officer; D sent apologies. So the voters are
/// 5, 4, 4, 2, 3 at items 1 to 5: the meeting loses its quorum at item 4 and a late arrival
/// restores it at item 5. Each item has its minute.
struct Fx {
    _dir: TempDir,
    store: Store,
    body: Body,
    meeting: Meeting,
    items: Vec<AgendaItem>,
    minutes: Vec<Minute>,
    chair: Person,
    a: Person,
    b: Person,
    e: Person,
    voting_coopt: Person,
    non_voting: Person,
    officer: Person,
}

fn person(store: &mut Store, honorific: &str, name: &str, kind: PersonKind) -> Person {
    store
        .add_person(&NewPerson {
            honorific: honorific.into(),
            name: name.into(),
            kind,
            title: String::new(),
        })
        .expect("person")
}

fn fx() -> Fx {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("votes.sqlite3")).expect("open");
    let seq = set_up_council(&mut store, &test_authority());
    let body = new_body(&mut store, "Scrutiny Committee", BodyKind::Scrutiny, seq.id);
    let meeting = new_meeting(&mut store, body.id, d(2025, 6, 2));
    let items: Vec<AgendaItem> = ["Budget", "Libraries", "Parks", "Schools", "Roads"]
        .iter()
        .map(|t| {
            store
                .add_agenda_item(meeting.id, &NewAgendaItem::report(t))
                .expect("item")
        })
        .collect();
    let m = PersonKind::Member;
    let chair = person(&mut store, "Councillor", "H. Chair", m);
    let a = person(&mut store, "Councillor", "A. Adams", m);
    let b = person(&mut store, "Councillor", "B. Bevan", m);
    let c = person(&mut store, "Councillor", "C. Cole", m);
    let dd = person(&mut store, "Councillor", "D. Davies", m);
    let e = person(&mut store, "Councillor", "E. Evans", m);
    let voting_coopt = person(&mut store, "Mr.", "V. Vaughan", PersonKind::CoOptedVoting);
    let non_voting = person(&mut store, "Mrs.", "N. Nash", PersonKind::CoOptedNonVoting);
    let officer = person(&mut store, "", "O. Owen", PersonKind::Officer);
    let mut at = |p: &Person, f: &dyn Fn(&mut NewAttendance)| {
        let mut n = NewAttendance::new(p.id, AttendanceStatus::Present);
        f(&mut n);
        store.record_attendance(meeting.id, &n).expect("attendance");
    };
    at(&chair, &|n| n.capacity = Some(Capacity::Chair));
    at(&a, &|_| {});
    at(&b, &|n| n.left_at_item = Some(items[2].id));
    at(&c, &|n| n.left_at_item = Some(items[2].id));
    at(&e, &|n| n.arrived_at_item = Some(items[4].id));
    at(&voting_coopt, &|n| n.for_items = vec![items[0].id]);
    at(&non_voting, &|_| {});
    at(&officer, &|n| n.status = AttendanceStatus::Officer);
    at(&dd, &|n| n.status = AttendanceStatus::Apologies);
    let minutes = items
        .iter()
        .map(|i| {
            store
                .add_minute(meeting.id, Some(i.id), &i.title_en)
                .expect("minute")
        })
        .collect();
    Fx {
        _dir: dir,
        store,
        body,
        meeting,
        items,
        minutes,
        chair,
        a,
        b,
        e,
        voting_coopt,
        non_voting,
        officer,
    }
}

fn recorded(by: Uuid, names: &[(Uuid, VoteChoice)]) -> NewVote {
    let n = |c| names.iter().filter(|(_, x)| *x == c).count() as u32;
    NewVote {
        method: VoteMethod::Recorded,
        votes_for: n(VoteChoice::For),
        votes_against: n(VoteChoice::Against),
        abstentions: n(VoteChoice::Abstain),
        casting: None,
        casting_by: None,
        requested_by: Some(by),
        members: names
            .iter()
            .map(|(p, c)| VoteMember {
                person_id: *p,
                choice: *c,
            })
            .collect(),
    }
}

fn hands(f: u32, a: u32, x: u32) -> NewVote {
    NewVote {
        method: VoteMethod::ShowOfHands,
        votes_for: f,
        votes_against: a,
        abstentions: x,
        casting: None,
        casting_by: None,
        requested_by: None,
        members: Vec::new(),
    }
}

/// Writes a vote with raw SQL, past the library's own checks, as someone with the file would:
/// what refuses it then is the database's trigger.
fn raw_vote(store: &Store, r: Uuid, v: &NewVote) -> rusqlite::Result<()> {
    let c = store.conn();
    let rid = r.to_string();
    let mid: String = c.query_row(
        "SELECT meeting_id FROM resolution WHERE id = ?1",
        [&rid],
        |x| x.get(0),
    )?;
    c.execute_batch("SAVEPOINT raw_vote")?;
    let written = (|| {
        c.execute("DELETE FROM vote WHERE resolution_id = ?1", [&rid])?;
        c.execute(
            "INSERT INTO vote (resolution_id, meeting_id, method, votes_for, votes_against, abstentions, casting, casting_by, requested_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            rusqlite::params![
                rid, mid, v.method.as_str(), v.votes_for, v.votes_against, v.abstentions,
                v.casting.map(|x| x.as_str()), v.casting_by.map(|x| x.to_string()), v.requested_by.map(|x| x.to_string())
            ],
        )?;
        for m in &v.members {
            c.execute(
                "INSERT INTO vote_member (resolution_id, meeting_id, person_id, choice) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![rid, mid, m.person_id.to_string(), m.choice.as_str()],
            )?;
        }
        Ok(())
    })();
    match written {
        Ok(()) => c.execute_batch("RELEASE raw_vote"),
        Err(e) => {
            c.execute_batch("ROLLBACK TO raw_vote; RELEASE raw_vote")?;
            Err(e)
        }
    }
}

fn drop_trigger(store: &Store, name: &str) {
    store
        .conn()
        .execute_batch(&format!("DROP TRIGGER {name};"))
        .expect("drop trigger");
}

fn vote_rows(store: &Store) -> (i64, i64) {
    let n = |t: &str| {
        store
            .conn()
            .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .expect("count")
    };
    (n("vote"), n("vote_member"))
}

use VoteChoice::{Abstain, Against, For};

impl Fx {
    /// Adds a limb to the minute of item `i` (1-based).
    fn limb(&mut self, i: usize) -> Resolution {
        self.store
            .add_resolution(self.minutes[i - 1].id, &limb("the report be noted"))
            .expect("limb")
    }
    fn refused(&mut self, r: Uuid, v: &NewVote) -> String {
        let before = vote_rows(&self.store);
        let e = self.store.set_vote(r, Some(v)).expect_err("refused");
        assert_eq!(
            vote_rows(&self.store),
            before,
            "a refused vote writes nothing"
        );
        e.to_string()
    }
}

#[test]
fn the_quorum_is_counted_item_by_item_with_departures_late_arrivals_and_per_item_presence() {
    let f = fx();
    let q = f.store.quorum(f.meeting.id).expect("quorum");
    assert_eq!(q.quorum, 3);
    assert!(q.attendance_recorded);
    let present: Vec<u32> = q.items.iter().map(|i| i.present).collect();
    // The voting co-optee counts at item 1 only; the non-voting one and the officer never.
    assert_eq!(present, [5, 4, 4, 2, 3]);
    let quorate: Vec<bool> = q.items.iter().map(|i| i.quorate).collect();
    assert_eq!(quorate, [true, true, true, false, true]);
    // The departure at item 3 leaves 2 of quorum 3: item 4 is flagged, not item 3.
    assert_eq!(q.first_inquorate, Some(f.items[3].id));
    let lost: Vec<bool> = q.items.iter().map(|i| i.lost_here).collect();
    assert_eq!(lost, [false, false, false, true, false]);
    assert_eq!(q.items[3].voters, [f.a.id, f.chair.id]);
    assert!(q.items[4].voters.contains(&f.e.id));
    assert!(q.items[0].voters.contains(&f.voting_coopt.id));
    assert!(!q.items[0].voters.contains(&f.non_voting.id));
    assert!(!q.items[0].voters.contains(&f.officer.id));
    // A member who withdrew from an item for an interest is not counted at it.
    let mut f = f;
    f.store
        .add_declaration(
            f.meeting.id,
            &NewDeclaration {
                person_id: f.a.id,
                agenda_item_id: Some(f.items[2].id),
                kind: DeclarationKind::Prejudicial,
                nature: "a trustee".into(),
                action: Some(DeclarationAction::Withdrew),
                dispensation: String::new(),
            },
        )
        .expect("declaration");
    let q = f.store.quorum(f.meeting.id).expect("quorum");
    assert_eq!(q.items[2].present, 3);
    assert!(!q.items[2].voters.contains(&f.a.id));
}

#[test]
fn a_limb_at_an_inquorate_item_needs_a_minuted_note_and_the_trigger_is_what_refuses_it() {
    let mut f = fx();
    let m4 = f.minutes[3].id;
    let e = f
        .store
        .add_resolution(m4, &limb("the report be noted"))
        .expect_err("inquorate");
    assert_eq!(e.code(), ErrorCode::Conflict);
    let msg = e.to_string();
    assert!(msg.contains("inquorate at item 4 (Schools)"), "{msg}");
    assert!(
        msg.contains("2 members entitled to vote present, quorum 3"),
        "{msg}"
    );
    // Quorate items take limbs as before.
    f.limb(3);
    f.limb(5);
    // With the clerk's note, the limb is recorded and the note prints in the minute.
    f.store
        .set_quorum_note(
            m4,
            "The Committee noted that it was inquorate; the item was noted only.",
        )
        .expect("note");
    f.store
        .add_resolution(m4, &limb("the report be noted"))
        .expect("allowed with the note");
    let text = f.store.minutes_text(f.meeting.id).expect("text");
    assert!(
        text.contains("The Committee noted that it was inquorate"),
        "{text}"
    );

    // Raw SQL is refused by the trigger; without it, the limb is taken with no note.
    let g = fx();
    let raw = |store: &Store| {
        store.conn().execute(
            "INSERT INTO resolution (id, minute_id, meeting_id, limb, keyword, text)
             SELECT ?1, id, meeting_id, 1, 'resolved', 'the report be noted' FROM minute WHERE id = ?2",
            [uuid::Uuid::now_v7().to_string(), g.minutes[3].id.to_string()],
        )
    };
    let e = raw(&g.store).expect_err("refused by the trigger");
    assert!(
        e.to_string()
            .contains("the meeting was inquorate at this item"),
        "{e}"
    );
    drop_trigger(&g.store, "resolution_quorum");
    raw(&g.store).expect("taken without the rule");
}

#[test]
fn a_recorded_vote_is_kept_with_its_names_and_prints_in_english_and_welsh() {
    let mut f = fx();
    let r = f.limb(1);
    let v = recorded(
        f.b.id,
        &[
            (f.chair.id, For),
            (f.a.id, For),
            (f.b.id, Against),
            (f.voting_coopt.id, Abstain),
        ],
    );
    f.store.set_vote(r.id, Some(&v)).expect("recorded vote");
    let rec = f.store.meeting_record(f.meeting.id).expect("record");
    let kept = rec.vote_of(r.id).expect("vote");
    assert_eq!(
        (kept.votes_for, kept.votes_against, kept.abstentions),
        (2, 1, 1)
    );
    assert_eq!(kept.members.len(), 4);
    let res = &rec.minutes[0].resolutions[0];
    assert_eq!(
        house_style::vote_outcome(&rec, res, Language::En).as_deref(),
        Some("A recorded vote having been requested by Councillor B. Bevan, the voting was as follows: For: Councillors A. Adams and H. Chair. Against: Councillor B. Bevan. Abstained: Mr. V. Vaughan.")
    );
    assert_eq!(
        house_style::vote_outcome(&rec, res, Language::Cy).as_deref(),
        Some("Gan fod y Cynghorydd B. Bevan wedi gofyn am bleidlais wedi'i chofnodi, roedd y pleidleisio fel a ganlyn: O blaid: Y Cynghorwyr A. Adams a H. Chair. Yn erbyn: Y Cynghorydd B. Bevan. Yn ymatal: Mr. V. Vaughan.")
    );
    // Replaced, then cleared.
    f.store
        .set_vote(r.id, Some(&hands(3, 1, 0)))
        .expect("replaced");
    assert_eq!(vote_rows(&f.store), (1, 0));
    f.store.set_vote(r.id, None).expect("cleared");
    assert_eq!(vote_rows(&f.store), (0, 0));
}

#[test]
fn a_non_voting_co_optee_or_an_officer_is_refused_by_name_and_the_trigger_is_what_refuses() {
    let mut f = fx();
    let r = f.limb(1);
    let with = |p: Uuid| recorded(f.a.id, &[(f.chair.id, For), (p, For)]);
    let (nv, off) = (with(f.non_voting.id), with(f.officer.id));
    let msg = f.refused(r.id, &nv);
    assert!(
        msg.contains(
            "Mrs. N. Nash is a non-voting co-opted member and cannot vote on item 1 (Budget)"
        ),
        "{msg}"
    );
    let msg = f.refused(r.id, &off);
    assert!(
        msg.contains("O. Owen is an officer and cannot vote on item 1 (Budget)"),
        "{msg}"
    );
    assert!(
        raw_vote(&f.store, r.id, &nv).is_err(),
        "raw SQL is refused by vote_member_entitled"
    );
    drop_trigger(&f.store, "vote_member_entitled");
    raw_vote(&f.store, r.id, &nv).expect("taken without the rule");
}

#[test]
fn a_member_not_present_for_the_item_is_refused_by_name_and_the_trigger_is_what_refuses() {
    let mut f = fx();
    let r1 = f.limb(1);
    let r3 = f.limb(3);
    let r5 = f.limb(5);
    // E arrived at item 5: not present for item 1.
    let late = recorded(f.a.id, &[(f.e.id, For)]);
    let msg = f.refused(r1.id, &late);
    assert!(
        msg.contains(
            "Councillor E. Evans was not a member present for item 1 (Budget), so cannot vote on it"
        ),
        "{msg}"
    );
    // ...but present for item 5.
    f.store
        .set_vote(r5.id, Some(&late))
        .expect("present at item 5");
    // B left at item 3: present for it (and asking for the vote), gone by item 5.
    f.store
        .set_vote(r3.id, Some(&recorded(f.b.id, &[(f.b.id, Against)])))
        .expect("present at item 3");
    let gone = recorded(f.a.id, &[(f.b.id, For)]);
    let msg = f.refused(r5.id, &gone);
    assert!(
        msg.contains("B. Bevan was not a member present for item 5 (Roads)"),
        "{msg}"
    );
    // The voting co-optee was present for item 1 only.
    let coopt = recorded(f.a.id, &[(f.voting_coopt.id, For)]);
    let msg = f.refused(r3.id, &coopt);
    assert!(
        msg.contains("Mr. V. Vaughan was not a member present for item 3"),
        "{msg}"
    );
    // Nor may someone absent ask for the recorded vote.
    let asked = recorded(f.e.id, &[(f.a.id, For)]);
    let msg = f.refused(r1.id, &asked);
    assert!(
        msg.contains("Councillor E. Evans was not a member present for item 1 (Budget), so cannot ask for a recorded vote on it"),
        "{msg}"
    );
    assert!(
        raw_vote(&f.store, r1.id, &late).is_err(),
        "raw SQL is refused by vote_member_present"
    );
    drop_trigger(&f.store, "vote_member_present");
    raw_vote(&f.store, r1.id, &late).expect("taken without the rule");
    assert!(
        raw_vote(&f.store, r1.id, &asked).is_err(),
        "raw SQL is refused by vote_requested_present"
    );
    drop_trigger(&f.store, "vote_requested_present");
    raw_vote(&f.store, r1.id, &asked).expect("taken without the rule");
}

#[test]
fn a_prejudicial_interest_bars_the_vote_until_a_dispensation_to_vote_in_force_is_recorded() {
    let mut f = fx();
    let r = f.limb(2);
    let dec = f
        .store
        .add_declaration(
            f.meeting.id,
            &NewDeclaration {
                person_id: f.a.id,
                agenda_item_id: Some(f.items[1].id),
                kind: DeclarationKind::Prejudicial,
                nature: "a trustee of the library friends".into(),
                action: Some(DeclarationAction::Remained),
                dispensation: String::new(),
            },
        )
        .expect("declaration");
    let v = recorded(f.b.id, &[(f.a.id, For), (f.b.id, Against)]);
    let msg = f.refused(r.id, &v);
    assert!(
        msg.contains("Councillor A. Adams declared a prejudicial interest in item 2 (Libraries) and has no dispensation to vote in force"),
        "{msg}"
    );
    let grant = |scope, expires_on| NewDispensation {
        reference: "SC/2025/04".into(),
        scope,
        granted_by: "Standards Committee".into(),
        granted_on: d(2025, 1, 10),
        expires_on,
    };
    // To speak only: still refused, and the clerk is told.
    let saved = f
        .store
        .set_dispensation(dec.id, Some(&grant(DispensationScope::SpeakOnly, None)))
        .expect("recorded")
        .expect("a dispensation");
    assert!(
        saved
            .warnings
            .iter()
            .any(|w| w.contains("speak but not to vote")),
        "{:?}",
        saved.warnings
    );
    f.refused(r.id, &v);
    // To speak and vote, but expired before the meeting: recorded with a warning, refused.
    let saved = f
        .store
        .set_dispensation(
            dec.id,
            Some(&grant(
                DispensationScope::SpeakAndVote,
                Some(d(2025, 5, 31)),
            )),
        )
        .expect("recorded")
        .expect("a dispensation");
    assert!(
        saved
            .warnings
            .iter()
            .any(|w| w.contains("expired on 2025-05-31, before the meeting")),
        "{:?}",
        saved.warnings
    );
    f.refused(r.id, &v);
    // In force on the meeting's date: the vote is taken.
    f.store
        .set_dispensation(
            dec.id,
            Some(&grant(DispensationScope::SpeakAndVote, Some(d(2027, 5, 6)))),
        )
        .expect("recorded");
    f.store
        .set_vote(r.id, Some(&v))
        .expect("allowed with the dispensation");
    // The declarations minute prints the dispensation, in English and Welsh.
    let item = f
        .store
        .add_agenda_item(
            f.meeting.id,
            &NewAgendaItem::standing(
                StandingItem::Declarations,
                "Declarations of interest",
                "Datganiadau o fuddiant",
            ),
        )
        .expect("item");
    f.store
        .add_minute(f.meeting.id, Some(item.id), "Declarations of interest")
        .expect("minute");
    let rec = f.store.meeting_record(f.meeting.id).expect("record");
    let text = |lang| {
        render::to_text(&render::minutes_document(
            &rec,
            lang,
            render::Visibility::Public,
        ))
    };
    let (en, cy) = (text(Language::En), text(Language::Cy));
    assert!(en.contains("Councillor A. Adams declared a personal and prejudicial interest in Agenda Item No. 2: a trustee of the library friends with dispensation (reference SC/2025/04) from the Standards Committee to speak and vote until 6th May, 2027."), "{en}");
    assert!(cy.contains("Datganodd y Cynghorydd A. Adams fuddiant personol a rhagfarnol yn Eitem Agenda Rhif 2: a trustee of the library friends gyda goddefeb (cyfeirnod SC/2025/04) gan y Pwyllgor Safonau i siarad ac i bleidleisio tan 6 Mai 2027."), "{cy}");
    // While the vote stands, the dispensation is not removed, nor narrowed to speaking only;
    // nor is the declaration removed (its dispensation would go with it).
    let e = f
        .store
        .set_dispensation(dec.id, None)
        .expect_err("the vote stands on it");
    assert!(
        e.to_string()
            .contains("a member voted on the item under this dispensation"),
        "{e}"
    );
    let e = f
        .store
        .set_dispensation(dec.id, Some(&grant(DispensationScope::SpeakOnly, None)))
        .expect_err("narrowed");
    assert!(e.to_string().contains("must still allow voting"), "{e}");
    let e = f
        .store
        .remove_declaration(dec.id)
        .expect_err("the vote stands on its dispensation");
    assert!(
        e.to_string()
            .contains("voted on the item under this declaration's dispensation"),
        "{e}"
    );
    f.store
        .set_dispensation(dec.id, Some(&grant(DispensationScope::SpeakAndVote, None)))
        .expect("widened: still allows voting");
    // Nor is a prejudicial interest declared after the member's vote on the item.
    let e = f
        .store
        .add_declaration(
            f.meeting.id,
            &NewDeclaration {
                person_id: f.b.id,
                agenda_item_id: Some(f.items[1].id),
                kind: DeclarationKind::Prejudicial,
                nature: "a trustee".into(),
                action: Some(DeclarationAction::Remained),
                dispensation: String::new(),
            },
        )
        .expect_err("declared after the vote");
    assert!(e.to_string().contains("a member recorded as voting on the item cannot then declare a prejudicial interest in it"), "{e}");
    // A dispensation granted after the meeting is refused.
    let e = f
        .store
        .set_dispensation(
            dec.id,
            Some(&NewDispensation {
                granted_on: d(2025, 7, 1),
                ..grant(DispensationScope::SpeakAndVote, None)
            }),
        )
        .expect_err("granted after the meeting");
    assert!(
        e.to_string()
            .contains("granted on or before the date of the meeting"),
        "{e}"
    );

    // Without the trigger, the member votes with no dispensation at all.
    let mut g = fx();
    let r = g.limb(2);
    g.store
        .add_declaration(
            g.meeting.id,
            &NewDeclaration {
                person_id: g.a.id,
                agenda_item_id: Some(g.items[1].id),
                kind: DeclarationKind::Prejudicial,
                nature: "a trustee".into(),
                action: Some(DeclarationAction::Remained),
                dispensation: String::new(),
            },
        )
        .expect("declaration");
    let v = recorded(g.b.id, &[(g.a.id, For)]);
    g.refused(r.id, &v);
    assert!(
        raw_vote(&g.store, r.id, &v).is_err(),
        "raw SQL is refused by vote_member_prejudicial"
    );
    drop_trigger(&g.store, "vote_member_prejudicial");
    raw_vote(&g.store, r.id, &v).expect("taken without the rule");
}

#[test]
fn counts_must_match_the_names_and_the_trigger_is_what_refuses_a_name_past_the_count() {
    let mut f = fx();
    let r = f.limb(1);
    // The library refuses counts that do not match the names before writing.
    let mut v = recorded(f.a.id, &[(f.a.id, For), (f.b.id, For)]);
    v.votes_for = 1;
    let msg = f.refused(r.id, &v);
    assert!(msg.contains("do not match the names"), "{msg}");
    // Written with raw SQL, the second name past a count of one is refused by the store.
    let conn = f.store.conn();
    let (rid, mid) = (r.id.to_string(), f.meeting.id.to_string());
    conn.execute(
        "INSERT INTO vote (resolution_id, meeting_id, method, votes_for, requested_by) VALUES (?1, ?2, 'recorded', 1, ?3)",
        [&rid, &mid, &f.a.id.to_string()],
    )
    .expect("vote");
    let name = |p: &Person| {
        conn.execute(
            "INSERT INTO vote_member (resolution_id, meeting_id, person_id, choice) VALUES (?1, ?2, ?3, 'for')",
            [&rid, &mid, &p.id.to_string()],
        )
    };
    name(&f.a).expect("first name");
    let e = name(&f.b).expect_err("one more than the count");
    assert!(
        e.to_string()
            .contains("the counts of a recorded vote must match its names"),
        "{e}"
    );
    // Minutes whose recorded vote names fewer than its counts are not published.
    conn.execute(
        "UPDATE vote SET votes_for = 2 WHERE resolution_id = ?1",
        [&rid],
    )
    .expect("count raised");
    let e = f
        .store
        .publish_draft(f.meeting.id)
        .expect_err("names missing");
    assert!(
        e.to_string()
            .contains("names fewer members than its counts"),
        "{e}"
    );
    drop_trigger(&f.store, "meeting_publish_recorded_votes");
    f.store
        .conn()
        .execute(
            "UPDATE vote SET votes_for = 1 WHERE resolution_id = ?1",
            [&rid],
        )
        .expect("back to one");
    drop_trigger(&f.store, "vote_member_within_count");
    let conn = f.store.conn();
    conn.execute(
        "INSERT INTO vote_member (resolution_id, meeting_id, person_id, choice) VALUES (?1, ?2, ?3, 'for')",
        [&rid, &mid, &f.b.id.to_string()],
    )
    .expect("taken without the rule");
}

#[test]
fn more_votes_than_members_present_are_refused_and_the_trigger_is_what_refuses() {
    let mut f = fx();
    let r = f.limb(1);
    let msg = f.refused(r.id, &hands(4, 1, 1));
    assert!(
        msg.contains("6 votes were recorded on item 1 (Budget), but only 5 members entitled to vote were present for it"),
        "{msg}"
    );
    f.store
        .set_vote(r.id, Some(&hands(4, 1, 0)))
        .expect("five of five");
    assert!(
        raw_vote(&f.store, r.id, &hands(4, 1, 1)).is_err(),
        "raw SQL is refused"
    );
    drop_trigger(&f.store, "vote_not_more_than_present_update");
    drop_trigger(&f.store, "vote_not_more_than_present_insert");
    raw_vote(&f.store, r.id, &hands(4, 1, 1)).expect("taken without the rule");
}

#[test]
fn a_casting_vote_needs_a_tie_and_the_person_presiding() {
    let mut f = fx();
    let r = f.limb(1);
    let casting = |v: NewVote, by: Uuid| NewVote {
        casting: Some(For),
        casting_by: Some(by),
        ..v
    };
    let msg = f.refused(r.id, &casting(hands(3, 1, 0), f.chair.id));
    assert!(
        msg.contains("a casting vote is used only when the votes are equal"),
        "{msg}"
    );
    let msg = f.refused(r.id, &casting(hands(2, 2, 0), f.a.id));
    assert!(
        msg.contains("Councillor A. Adams did not preside at the meeting, so cannot give the casting vote on item 1 (Budget)"),
        "{msg}"
    );
    f.store
        .set_vote(r.id, Some(&casting(hands(2, 2, 1), f.chair.id)))
        .expect("a tie, the chair's casting vote");
    let rec = f.store.meeting_record(f.meeting.id).expect("record");
    let res = &rec.minutes[0].resolutions[0];
    assert_eq!(
        house_style::vote_outcome(&rec, res, Language::En).as_deref(),
        Some("(For 2, Against 2, Abstentions 1) There being an equality of votes, the Chair used their casting vote in favour.")
    );
    assert_eq!(
        house_style::vote_outcome(&rec, res, Language::Cy).as_deref(),
        Some("(O blaid 2, Yn erbyn 2, Yn ymatal 1) Gan fod nifer y pleidleisiau'n gyfartal, defnyddiodd y Cadeirydd bleidlais fwrw o blaid.")
    );
    drop_trigger(&f.store, "vote_casting_tie_update");
    drop_trigger(&f.store, "vote_casting_tie_insert");
    f.store
        .set_vote(r.id, Some(&casting(hands(3, 1, 0), f.chair.id)))
        .expect("taken without the rule");
    assert!(
        raw_vote(&f.store, r.id, &casting(hands(2, 2, 0), f.a.id)).is_err(),
        "raw SQL is refused"
    );
    drop_trigger(&f.store, "vote_casting_presiding_insert");
    raw_vote(&f.store, r.id, &casting(hands(2, 2, 0), f.a.id)).expect("taken without the rule");
}

#[test]
fn a_unanimous_vote_with_votes_against_is_refused_and_the_trigger_is_what_refuses() {
    let mut f = fx();
    let r = f.limb(1);
    let v = NewVote {
        method: VoteMethod::Unanimous,
        ..hands(4, 1, 0)
    };
    let msg = f.refused(r.id, &v);
    assert!(
        msg.contains("a unanimous vote has no votes against"),
        "{msg}"
    );
    assert!(
        raw_vote(&f.store, r.id, &v).is_err(),
        "raw SQL is refused by vote_unanimous_insert"
    );
    drop_trigger(&f.store, "vote_unanimous_insert");
    raw_vote(&f.store, r.id, &v).expect("taken without the rule");
}

#[test]
fn unanimous_decisions_print_resolved_unanimously_and_counts_follow_their_limb() {
    let mut f = fx();
    let r1 = f.limb(1);
    let r2 = f
        .store
        .add_resolution(f.minutes[0].id, &limb("the plan be adopted"))
        .expect("limb 2");
    let unanimous = NewVote {
        method: VoteMethod::Unanimous,
        ..hands(5, 0, 0)
    };
    f.store.set_vote(r1.id, Some(&unanimous)).expect("vote");
    f.store.set_vote(r2.id, Some(&unanimous)).expect("vote");
    let text = f.store.minutes_text(f.meeting.id).expect("text");
    assert!(text.contains("RECOMMENDED unanimously –"), "{text}");
    f.store
        .set_vote(r2.id, Some(&hands(3, 1, 1)))
        .expect("vote");
    let text = f.store.minutes_text(f.meeting.id).expect("text");
    assert!(!text.contains("unanimously –"), "{text}");
    assert!(text.contains("The decision was unanimous."), "{text}");
    assert!(text.contains("(For 3, Against 1, Abstentions 1)"), "{text}");
    let _ = &f.body;
}

#[test]
fn no_vote_row_is_replaced_and_votes_are_audited_once_the_draft_is_published() {
    let mut f = fx();
    let r = f.limb(1);
    f.store.set_vote(r.id, Some(&hands(3, 1, 0))).expect("vote");
    let e = f
        .store
        .conn()
        .execute(
            "INSERT OR REPLACE INTO vote (resolution_id, meeting_id, method, votes_for) VALUES (?1, ?2, 'show_of_hands', 5)",
            [r.id.to_string(), f.meeting.id.to_string()],
        )
        .expect_err("no replace");
    assert!(e.to_string().contains("never replaced"), "{e}");
    f.store.publish_draft(f.meeting.id).expect("published");
    f.store
        .set_vote(r.id, Some(&hands(4, 1, 0)))
        .expect("changed");
    let log = f.store.audit_log(f.meeting.id).expect("log");
    assert!(log
        .iter()
        .any(|e| e.table == "vote" && e.action == AuditAction::Delete));
    assert!(log.iter().any(|e| e.table == "vote"
        && e.action == AuditAction::Insert
        && e.after
            .as_deref()
            .is_some_and(|a| a.contains("\"votes_for\":4"))));
}

/// Approves `f`'s minutes at a later meeting with the chair presiding, and signs them.
fn sign(f: &mut Fx) {
    f.store.publish_draft(f.meeting.id).expect("published");
    let later = new_meeting(&mut f.store, f.body.id, d(2025, 7, 7));
    let mut chair = NewAttendance::new(f.chair.id, AttendanceStatus::Present);
    chair.capacity = Some(Capacity::Chair);
    f.store.record_attendance(later.id, &chair).expect("chair");
    f.store
        .approve_minutes(
            f.meeting.id,
            &Approval {
                at_meeting_id: later.id,
                amendments: Vec::new(),
            },
        )
        .expect("approved");
    f.store
        .sign_minutes(f.meeting.id, f.chair.id, later.date, no_book)
        .expect("signed");
}

#[test]
fn a_signed_meeting_s_votes_cannot_change_and_verify_names_a_vote_changed_with_raw_sql() {
    let mut f = fx();
    let r = f.limb(2);
    let dec = f
        .store
        .add_declaration(
            f.meeting.id,
            &NewDeclaration {
                person_id: f.a.id,
                agenda_item_id: Some(f.items[1].id),
                kind: DeclarationKind::Prejudicial,
                nature: "a trustee".into(),
                action: Some(DeclarationAction::Remained),
                dispensation: String::new(),
            },
        )
        .expect("declaration");
    f.store
        .set_dispensation(
            dec.id,
            Some(&NewDispensation {
                reference: String::new(),
                scope: DispensationScope::SpeakAndVote,
                granted_by: "Standards Committee".into(),
                granted_on: d(2025, 1, 1),
                expires_on: None,
            }),
        )
        .expect("dispensation");
    f.store
        .set_vote(
            r.id,
            Some(&recorded(f.a.id, &[(f.a.id, For), (f.b.id, For)])),
        )
        .expect("vote");
    sign(&mut f);
    assert!(f.store.verify().expect("verify").is_clean());
    let e = f
        .store
        .set_vote(r.id, Some(&hands(2, 0, 0)))
        .expect_err("signed");
    assert_eq!(e.code(), ErrorCode::Locked, "{e}");
    let e = f.store.set_dispensation(dec.id, None).expect_err("signed");
    assert_eq!(e.code(), ErrorCode::Locked, "{e}");
    let e = f
        .store
        .set_quorum_note(f.minutes[0].id, "a note")
        .expect_err("signed");
    assert_eq!(e.code(), ErrorCode::Locked, "{e}");
    // Someone with the file drops the guard and changes the count: verify names the row.
    drop_trigger(&f.store, "vote_signed_update");
    drop_trigger(&f.store, "vote_counts_cover_names");
    f.store
        .conn()
        .execute(
            "UPDATE vote SET votes_for = 3, method = 'show_of_hands', requested_by = NULL WHERE resolution_id = ?1",
            [r.id.to_string()],
        )
        .expect("changed without the guard");
    let report = f.store.verify().expect("verify");
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.table == "vote" && p.row == r.id.to_string() && p.what.contains("changed")),
        "{:?}",
        report.problems
    );
}

#[test]
fn export_and_import_keep_votes_dispensations_and_quorum_notes() {
    let mut f = fx();
    let r1 = f.limb(1);
    let dec = f
        .store
        .add_declaration(
            f.meeting.id,
            &NewDeclaration {
                person_id: f.a.id,
                agenda_item_id: Some(f.items[0].id),
                kind: DeclarationKind::Prejudicial,
                nature: "a trustee".into(),
                action: Some(DeclarationAction::Remained),
                dispensation: String::new(),
            },
        )
        .expect("declaration");
    f.store
        .set_dispensation(
            dec.id,
            Some(&NewDispensation {
                reference: "SC/1".into(),
                scope: DispensationScope::SpeakAndVote,
                granted_by: "Standards Committee".into(),
                granted_on: d(2025, 1, 1),
                expires_on: Some(d(2026, 1, 1)),
            }),
        )
        .expect("dispensation");
    f.store
        .set_vote(
            r1.id,
            Some(&recorded(
                f.b.id,
                &[
                    (f.a.id, For),
                    (f.b.id, Against),
                    (f.voting_coopt.id, Abstain),
                ],
            )),
        )
        .expect("vote");
    f.store
        .set_quorum_note(f.minutes[3].id, "The meeting was inquorate for this item.")
        .expect("note");
    let r4 = f.limb(4);
    f.store
        .set_vote(r4.id, Some(&hands(2, 0, 0)))
        .expect("vote");
    let rec = f.store.meeting_record(f.meeting.id).expect("record");
    let json = serde_json::to_vec(&rec).expect("json");

    let dir = tempfile::tempdir().expect("dir");
    let mut other = Store::open(&dir.path().join("other.sqlite3")).expect("open");
    let done = other
        .import_meeting(&parse_meeting(&json).expect("parse"))
        .expect("imported");
    let back = other.meeting_record(done.meeting_id).expect("record");
    assert_eq!(back.votes.len(), 2);
    assert_eq!(back.dispensations.len(), 1);
    assert_eq!(back.quorum_notes.len(), 1);
    // A vote naming a limb the file does not hold is refused, naming where.
    let mut bad = rec.clone();
    bad.votes[0].resolution_id = Uuid::nil();
    let dir2 = tempfile::tempdir().expect("dir");
    let mut third = Store::open(&dir2.path().join("third.sqlite3")).expect("open");
    let e = third
        .import_meeting(&parse_meeting(&serde_json::to_vec(&bad).expect("json")).expect("parse"))
        .expect_err("refused");
    assert!(e.to_string().starts_with("votes[0].resolution_id"), "{e}");
    // Printed the same, in both languages.
    for lang in [Language::En, Language::Cy] {
        let doc = |r: &MeetingRecord| {
            render::to_text(&render::minutes_document(
                r,
                lang,
                render::Visibility::Confidential,
            ))
        };
        assert_eq!(doc(&back), doc(&rec));
    }
}

#[test]
fn without_their_triggers_a_dispensation_a_vote_stands_on_can_go_and_an_interest_follow_the_vote() {
    let mut f = fx();
    let r = f.limb(2);
    let declare = |f: &mut Fx, who: Uuid| {
        f.store.add_declaration(
            f.meeting.id,
            &NewDeclaration {
                person_id: who,
                agenda_item_id: Some(f.items[1].id),
                kind: DeclarationKind::Prejudicial,
                nature: "a trustee".into(),
                action: Some(DeclarationAction::Remained),
                dispensation: String::new(),
            },
        )
    };
    let a = f.a.id;
    let dec = declare(&mut f, a).expect("declaration");
    let grant = NewDispensation {
        reference: String::new(),
        scope: DispensationScope::SpeakAndVote,
        granted_by: "Standards Committee".into(),
        granted_on: d(2025, 1, 1),
        expires_on: None,
    };
    f.store
        .set_dispensation(dec.id, Some(&grant))
        .expect("dispensation");
    f.store
        .set_vote(
            r.id,
            Some(&recorded(f.b.id, &[(f.a.id, For), (f.b.id, For)])),
        )
        .expect("vote");
    drop_trigger(&f.store, "dispensation_in_use_update");
    f.store
        .set_dispensation(
            dec.id,
            Some(&NewDispensation {
                scope: DispensationScope::SpeakOnly,
                ..grant.clone()
            }),
        )
        .expect("narrowed without the rule");
    drop_trigger(&f.store, "dispensation_in_use_delete");
    f.store
        .set_dispensation(dec.id, None)
        .expect("removed without the rule");
    let b = f.b.id;
    declare(&mut f, b).expect_err("declared after the vote");
    drop_trigger(&f.store, "declaration_after_vote");
    declare(&mut f, b).expect("declared after the vote without the rule");
    // The declaration a vote stands on (through its dispensation) is kept; without the
    // trigger it goes.
    let mut g = fx();
    let r = g.limb(2);
    let a = g.a.id;
    let dec = declare(&mut g, a).expect("declaration");
    g.store
        .set_dispensation(dec.id, Some(&grant))
        .expect("dispensation");
    g.store
        .set_vote(r.id, Some(&recorded(g.b.id, &[(g.a.id, For)])))
        .expect("vote");
    g.store.remove_declaration(dec.id).expect_err("kept");
    drop_trigger(&g.store, "declaration_in_use_delete");
    g.store
        .remove_declaration(dec.id)
        .expect("removed without the rule");
}
