//! Every kind of sentence the Welsh documents generate, in full, as a Welsh-speaking clerk
//! would check it before publishing. Each test names the glossary rows (domain reference,
//! section (c)) whose terms the sentence uses; docs/welsh-forms.md lists every form with its
//! source or [K].

use super::*;
use crate::house_style::{
    apologies_sentence, dispensation_words, inquorate_sentence, long_date, vote_result,
    vote_sentence,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

// Glossary 7 (Yn bresennol), 24 (Cadeirydd / Is-Gadeirydd), 25 (Y Cynghorydd / Y Cynghorwyr),
// 8 (Wrth law), 9 (Hefyd yn bresennol [K]).
#[test]
fn attendance_lists() {
    let mut rec = record(&[], Vec::new());
    let chair = councillor("Mrs. E. Llewelyn");
    let sub_for = councillor("A. Hopkins");
    let sub_for_id = sub_for.id;
    rec.people.push(sub_for);
    let a = |rec: &mut MeetingRecord, p: Person, st: AttendanceStatus| {
        attend(rec, p, st, &[]);
    };
    a(&mut rec, chair, AttendanceStatus::Present);
    rec.attendance.last_mut().unwrap().capacity = Some(Capacity::Chair);
    a(
        &mut rec,
        councillor("D. Howells"),
        AttendanceStatus::Present,
    );
    a(
        &mut rec,
        councillor("I.W. Thomas"),
        AttendanceStatus::Present,
    );
    a(
        &mut rec,
        councillor("R. Pryce"),
        AttendanceStatus::Substitute,
    );
    rec.attendance.last_mut().unwrap().substitute_for = Some(sub_for_id);
    a(
        &mut rec,
        councillor("G. John"),
        AttendanceStatus::AlsoPresent,
    );
    let mut officer = councillor("P. Evans");
    officer.honorific = "Mr.".into();
    officer.kind = PersonKind::Officer;
    officer.title = "Director of Social Services".into();
    a(&mut rec, officer, AttendanceStatus::Officer);
    assert_eq!(
        attendance(&rec, CY),
        [
            // Chair first, then the members in surname order, "ac" before a vowel.
            "Yn bresennol: Y Cynghorydd Mrs. E. Llewelyn (Cadeirydd); Y Cynghorwyr D. Howells ac I.W. Thomas; Y Cynghorydd R. Pryce (yn dirprwyo dros y Cynghorydd A. Hopkins).",
            "Hefyd yn bresennol: Y Cynghorydd G. John.",
            // The officer's title is the clerk's text (the bilingual record translates it).
            "Wrth law: Mr. P. Evans (Cyfarwyddwr Gwasanaethau Cymdeithasol).",
        ]
    );
    assert_eq!(
        attendance(&rec, EN)[0],
        "Present: Councillor Mrs. E. Llewelyn (Chairman); Councillors D. Howells and I.W. Thomas; Councillor R. Pryce (substituting for Councillor A. Hopkins)."
    );
}

// Glossary 10 (Ymddiheuriadau), 25 (y Cynghorydd / y Cynghorwyr). Singular "ymddiheuriad"
// as Carmarthenshire writes it; "ac" before a vowel, "a" before a consonant (names do not
// mutate).
#[test]
fn apologies() {
    let p = |h: &str, n: &str| (h.to_string(), n.to_string());
    assert_eq!(
        apologies_sentence(&[p("Councillor", "X. Jones")], CY),
        "Derbyniwyd ymddiheuriad gan y Cynghorydd X. Jones."
    );
    assert_eq!(
        apologies_sentence(
            &[p("Councillor", "X. Jones"), p("Councillor", "Y. Owen")],
            CY
        ),
        "Derbyniwyd ymddiheuriadau gan y Cynghorwyr X. Jones ac Y. Owen."
    );
    assert_eq!(
        apologies_sentence(
            &[p("Councillor", "A. Hopkins"), p("Councillor", "T. Parry")],
            CY
        ),
        "Derbyniwyd ymddiheuriadau gan y Cynghorwyr A. Hopkins a T. Parry."
    );
    assert_eq!(
        apologies_sentence(&[p("Mr.", "D. Evans")], CY),
        "Derbyniwyd ymddiheuriad gan Mr. D. Evans."
    );
}

fn declaration(
    rec: &mut MeetingRecord,
    kind: DeclarationKind,
    action: Option<DeclarationAction>,
) -> Uuid {
    let p = councillor("A. Hopkins");
    let did = id();
    rec.declarations.push(Declaration {
        id: did,
        meeting_id: rec.meeting.id,
        person_id: p.id,
        agenda_item_id: Some(rec.agenda[2].id),
        kind,
        nature: "mae perthynas yn gweithio i'r gwasanaeth".into(),
        action,
        dispensation: String::new(),
    });
    rec.people.push(p);
    did
}

fn declared(rec: &MeetingRecord) -> String {
    declaration_sentence(rec, rec.declarations.last().unwrap(), CY)
}

// Glossary 11 (Datganiadau o fuddiant), 13 (Buddiant personol: "fuddiant" after the verb),
// 14 (buddiant rhagfarnol / sy'n rhagfarnu), 16 (Goddefeb), 17-18 (chwip plaid), 40
// (Pwyllgor Safonau), 4 (Eitem agenda).
#[test]
fn declarations_of_every_kind_and_action() {
    use DeclarationAction::*;
    use DeclarationKind::*;
    let cases: [(DeclarationKind, Option<DeclarationAction>, &str); 6] = [
        (Personal, None, "Datganodd y Cynghorydd A. Hopkins fuddiant personol yn Eitem Agenda Rhif 3: mae perthynas yn gweithio i'r gwasanaeth."),
        (Personal, Some(Remained), "Datganodd y Cynghorydd A. Hopkins fuddiant personol yn Eitem Agenda Rhif 3: mae perthynas yn gweithio i'r gwasanaeth."),
        (Prejudicial, Some(Withdrew), "Datganodd y Cynghorydd A. Hopkins fuddiant personol a rhagfarnol yn Eitem Agenda Rhif 3: mae perthynas yn gweithio i'r gwasanaeth a gadawodd y cyfarfod tra ystyriwyd yr eitem."),
        (Prejudicial, Some(SpokeThenWithdrew), "Datganodd y Cynghorydd A. Hopkins fuddiant personol a rhagfarnol yn Eitem Agenda Rhif 3: mae perthynas yn gweithio i'r gwasanaeth ac, ar \u{f4}l cyflwyno sylwadau, gadawodd y cyfarfod tra ystyriwyd yr eitem."),
        (Prejudicial, Some(WrittenRepresentations), "Datganodd y Cynghorydd A. Hopkins fuddiant personol a rhagfarnol yn Eitem Agenda Rhif 3: mae perthynas yn gweithio i'r gwasanaeth a chyflwynodd sylwadau ysgrifenedig."),
        // Whip declaration: "chwip" does not mutate (ch).
        (PartyWhip, None, "Datganodd y Cynghorydd A. Hopkins chwip plaid yn Eitem Agenda Rhif 3: mae perthynas yn gweithio i'r gwasanaeth."),
    ];
    for (kind, action, want) in cases {
        let mut rec = record(&[], Vec::new());
        declaration(&mut rec, kind, action);
        assert_eq!(declared(&rec), want);
    }
}

// Glossary 16 (goddefeb), 40 (Pwyllgor Safonau).
#[test]
fn dispensations() {
    let mut rec = record(&[], Vec::new());
    let did = declaration(&mut rec, DeclarationKind::Prejudicial, None);
    rec.declarations.last_mut().unwrap().dispensation = "SC/4".into();
    assert_eq!(
        declared(&rec),
        "Datganodd y Cynghorydd A. Hopkins fuddiant personol a rhagfarnol yn Eitem Agenda Rhif 3: mae perthynas yn gweithio i'r gwasanaeth (goddefeb: SC/4)"
    );
    rec.dispensations.push(Dispensation {
        id: id(),
        declaration_id: did,
        reference: "SC/4".into(),
        scope: DispensationScope::SpeakOnly,
        granted_by: "Standards Committee".into(),
        granted_on: d(2014, 6, 1),
        expires_on: Some(d(2027, 5, 6)),
    });
    assert_eq!(
        declared(&rec),
        "Datganodd y Cynghorydd A. Hopkins fuddiant personol a rhagfarnol yn Eitem Agenda Rhif 3: mae perthynas yn gweithio i'r gwasanaeth gyda goddefeb (cyfeirnod SC/4) gan y Pwyllgor Safonau i siarad ond nid i bleidleisio tan 6 Mai 2027."
    );
    assert_eq!(
        dispensation_words(
            "Standards Committee",
            DispensationScope::SpeakAndVote,
            None,
            "",
            CY
        ),
        "gyda goddefeb gan y Pwyllgor Safonau i siarad ac i bleidleisio"
    );
}

// Glossary 14 (buddiant sy'n rhagfarnu), 17-18 (chwip plaid): the line at the start of the
// item's own minute.
#[test]
fn withdrawals_in_the_item_s_minute() {
    let mut rec = record(&[], Vec::new());
    declaration(
        &mut rec,
        DeclarationKind::Prejudicial,
        Some(DeclarationAction::Withdrew),
    );
    declaration(
        &mut rec,
        DeclarationKind::Personal,
        Some(DeclarationAction::SpokeThenWithdrew),
    );
    let p = paragraphs(&rec, CY);
    assert!(p.contains(&"Gadawodd y Cynghorydd A. Hopkins y cyfarfod tra ystyriwyd yr eitem hon, ar \u{f4}l datgan buddiant sy'n rhagfarnu.".to_string()), "{p:?}");
    assert!(p.contains(&"Cyflwynodd y Cynghorydd A. Hopkins sylwadau ac yna gadawodd y cyfarfod tra ystyriwyd yr eitem hon, ar \u{f4}l datgan buddiant personol.".to_string()), "{p:?}");
}

// Glossary 26 (PENDERFYNWYD), 47-49 (gwahardd y wasg a'r cyhoedd, gwybodaeth eithriedig),
// 51 (Atodlen 12A Deddf Llywodraeth Leol 1972; "o Ran 4 o Atodlen 12A" as the Welsh
// statutory instrument SI 2007/969 writes it), 69 (B O D [K]).
#[test]
fn the_exclusion_resolution() {
    assert_eq!(
        exclusion_resolution_text(&s(&["9"]), &s(&["14"]), Jurisdiction::Wales, CY),
        "y wasg a'r cyhoedd yn cael eu gwahardd o'r cyfarfod, o dan Adran 100A(4) o Ddeddf Llywodraeth Leol 1972, ar gyfer yr eitem fusnes ganlynol (Cofnod Rhif 9) ar y sail ei bod yn debygol y datgelir gwybodaeth eithriedig fel y'i diffinnir ym mharagraff 14 o Ran 4 o Atodlen 12A i'r Ddeddf."
    );
    assert_eq!(
        exclusion_resolution_text(&s(&["9", "10"]), &s(&["12", "14"]), Jurisdiction::Wales, CY),
        "y wasg a'r cyhoedd yn cael eu gwahardd o'r cyfarfod, o dan Adran 100A(4) o Ddeddf Llywodraeth Leol 1972, ar gyfer yr eitemau busnes canlynol (Cofnodion Rhif 9 a 10) ar y sail eu bod yn debygol y datgelir gwybodaeth eithriedig fel y'i diffinnir ym mharagraffau 12 a 14 o Ran 4 o Atodlen 12A i'r Ddeddf."
    );
    // England: the categories are in Part 1 of Schedule 12A, in both languages.
    assert_eq!(
        exclusion_resolution_text(&s(&["9"]), &s(&["3"]), Jurisdiction::England, EN),
        "under Section 100A(4) of the Local Government Act 1972, the press and public be excluded from the meeting for the following item of business (Minute No. 9) on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A to the Act."
    );
    assert!(
        exclusion_resolution_text(&s(&["9"]), &s(&["3"]), Jurisdiction::England, CY)
            .ends_with("ym mharagraff 3 o Ran 1 o Atodlen 12A i'r Ddeddf.")
    );
    // Wales in English is unchanged.
    assert!(
        exclusion_resolution_text(&s(&["9"]), &s(&["14"]), Jurisdiction::Wales, EN)
            .ends_with("paragraph 14 of Part 4 of Schedule 12A to the Act.")
    );
}

// Glossary 47, 49, 51: the pack's notice before the exempt items.
#[test]
fn the_pack_s_exclusion_notice() {
    let notice = |p: &[&str], j, lang| {
        format!(
            "{} {}.",
            label(Label::ExclusionNotice, lang),
            labels::exclusion_notice_paragraphs(&s(p), j, lang)
        )
    };
    assert_eq!(
        notice(&["14"], Jurisdiction::Wales, CY),
        "Ystyried a ddylid cau allan y wasg a'r cyhoedd o'r cyfarfod yn ystod yr eitemau busnes canlynol, ar y sail eu bod yn debygol o ddatgelu gwybodaeth eithriedig fel y'i diffinnir ym mharagraff 14 o Ran 4 o Atodlen 12A i Ddeddf Llywodraeth Leol 1972."
    );
    assert!(notice(&["12", "14"], Jurisdiction::Wales, CY).ends_with(
        "ym mharagraffau 12 a 14 o Ran 4 o Atodlen 12A i Ddeddf Llywodraeth Leol 1972."
    ));
    assert!(notice(&["12", "14"], Jurisdiction::Wales, EN)
        .ends_with("as defined in paragraphs 12 and 14 of Part 4 of Schedule 12A to the Local Government Act 1972."));
    assert!(notice(&["1"], Jurisdiction::England, EN).ends_with(
        "as defined in paragraph 1 of Part 1 of Schedule 12A to the Local Government Act 1972."
    ));
}

// Glossary 49, 51: the public minutes of an exempt item with no public summary.
#[test]
fn an_exempt_minute_not_published() {
    assert_eq!(
        exempt_not_published(&s(&["14"]), CY),
        "Ystyriwyd yr eitem hon yn breifat. Ni chyhoeddir ei chofnod am ei fod yn cynnwys gwybodaeth eithriedig fel y'i diffinnir ym mharagraff 14 o Atodlen 12A i Ddeddf Llywodraeth Leol 1972."
    );
    assert!(
        exempt_not_published(&s(&["12", "14"]), CY).contains("ym mharagraffau 12 a 14 o Atodlen")
    );
    assert_eq!(
        exempt_not_published(&s(&["12", "14"]), EN),
        "This item was considered in private. Its minute is not published because it contains exempt information as defined in paragraph 12, 14 of Schedule 12A to the Local Government Act 1972."
    );
}

fn question(rec: &mut MeetingRecord, asked: &str, answered: &str, answered_id: Option<Uuid>) {
    let m = &mut rec.minutes[2];
    m.blocks.push(Block {
        id: id(),
        minute_id: m.minute.id,
        position: 1,
        content: BlockContent::Question {
            asked_by: asked.into(),
            asked_by_id: None,
            question: "sut y gallai'r Cyngor ymgysylltu'n well".into(),
            answered_by: answered.into(),
            answered_by_id: answered_id,
            answer: "fod angen cyfleoedd rheolaidd".into(),
        },
    });
}

// Glossary 68 (Aelod), 38 (Pwyllgor), 24 (Cadeirydd), 35 (Aelod Cabinet), 43 (Swyddog
// Monitro); the other role titles are TermCymru's usual forms [K].
#[test]
fn questions_and_answers_name_roles_in_welsh() {
    let cases = [
        ("A Committee Member", "the Lead Inspector", "Gofynnodd Aelod o'r Pwyllgor sut y gallai'r Cyngor ymgysylltu'n well.  Mewn ymateb, dywedodd y Prif Arolygydd fod angen cyfleoedd rheolaidd."),
        ("the Chairman", "the Director of Social Services", "Gofynnodd y Cadeirydd sut y gallai'r Cyngor ymgysylltu'n well.  Mewn ymateb, dywedodd y Cyfarwyddwr Gwasanaethau Cymdeithasol fod angen cyfleoedd rheolaidd."),
        ("Councillor D. Howells", "the Chief Executive", "Gofynnodd y Cynghorydd D. Howells sut y gallai'r Cyngor ymgysylltu'n well.  Mewn ymateb, dywedodd y Prif Weithredwr fod angen cyfleoedd rheolaidd."),
        ("the Leader", "the Monitoring Officer", "Gofynnodd yr Arweinydd sut y gallai'r Cyngor ymgysylltu'n well.  Mewn ymateb, dywedodd y Swyddog Monitro fod angen cyfleoedd rheolaidd."),
        ("A Cabinet Member", "the Head of Service", "Gofynnodd Aelod Cabinet sut y gallai'r Cyngor ymgysylltu'n well.  Mewn ymateb, dywedodd y Pennaeth Gwasanaeth fod angen cyfleoedd rheolaidd."),
        ("a member of the public", "an Officer", "Gofynnodd aelod o'r cyhoedd sut y gallai'r Cyngor ymgysylltu'n well.  Mewn ymateb, dywedodd Swyddog fod angen cyfleoedd rheolaidd."),
        ("the Vice-Chair", "the Inspector", "Gofynnodd yr Is-Gadeirydd sut y gallai'r Cyngor ymgysylltu'n well.  Mewn ymateb, dywedodd yr Arolygydd fod angen cyfleoedd rheolaidd."),
    ];
    for (asked, answered, want) in cases {
        let mut rec = record(&[], Vec::new());
        question(&mut rec, asked, answered, None);
        assert_eq!(paragraphs(&rec, CY)[1], want, "{asked} / {answered}");
    }
    // A role with no Welsh form: the name of the person linked to it, never the English role.
    let mut rec = record(&[], Vec::new());
    let mut morgan = councillor("R. Morgan");
    morgan.honorific = "Ms.".into();
    let mid = morgan.id;
    rec.people.push(morgan);
    question(
        &mut rec,
        "A Committee Member",
        "the Head of Highways",
        Some(mid),
    );
    assert_eq!(
        paragraphs(&rec, CY)[1],
        "Gofynnodd Aelod o'r Pwyllgor sut y gallai'r Cyngor ymgysylltu'n well.  Mewn ymateb, dywedodd Ms. R. Morgan fod angen cyfleoedd rheolaidd."
    );
    assert!(paragraphs(&rec, EN)[1].contains("In response, the Head of Highways advised that"));
}

// The authority's presenter sentence (PRESENTER_FORM_CY); a common title in Welsh.
#[test]
fn presentations() {
    let mut rec = record(&[], Vec::new());
    presentation(&mut rec, "Ms. R. Morgan", "Lead Inspector, CSSIW");
    presentation(&mut rec, "Mr. P. Evans", "Director of Social Services");
    let p = paragraphs(&rec, CY);
    assert_eq!(
        p[1],
        "Roedd Ms. R. Morgan, Prif Arolygydd, CSSIW, yn bresennol ar gyfer yr eitem hon."
    );
    assert_eq!(p[3], "Roedd Mr. P. Evans, Cyfarwyddwr Gwasanaethau Cymdeithasol, yn bresennol ar gyfer yr eitem hon.");
    assert_eq!(
        paragraphs(&rec, EN)[1],
        "Ms. R. Morgan, Lead Inspector, CSSIW, was present for this item."
    );
}

// Glossary 19-20 (cofnodion y cyfarfod, cofnod cywir), 28 (ARGYMHELLWYD [K]), 69 (B O D).
#[test]
fn approval_of_minutes() {
    assert_eq!(
        approval_sentence(d(2014, 12, 1), false, CY),
        "cofnodion y cyfarfod a gynhaliwyd ar 1 Rhagfyr 2014 yn cael eu cymeradwyo fel cofnod cywir."
    );
    assert_eq!(
        approval_sentence(d(2014, 12, 1), true, CY),
        "cofnodion y cyfarfod a gynhaliwyd ar 1 Rhagfyr 2014 yn cael eu cymeradwyo fel cofnod cywir yn amodol ar:"
    );
    assert_eq!(
        crate::house_style::limb_text("y cofnodion yn cael eu nodi", None, CY),
        "B O D y cofnodion yn cael eu nodi."
    );
    assert_eq!(
        crate::house_style::limb_text("y cofnodion yn cael eu nodi", Some(1), CY),
        "B O D yn amodol ar benderfyniad (1) uchod, y cofnodion yn cael eu nodi."
    );
}

fn vote(rec: &mut MeetingRecord, method: VoteMethod, casting: Option<VoteChoice>) -> Vote {
    let a = councillor("A. Adams");
    let b = councillor("I. Evans");
    let c = councillor("C. Price");
    let members = vec![
        VoteMember {
            person_id: a.id,
            choice: VoteChoice::For,
        },
        VoteMember {
            person_id: b.id,
            choice: VoteChoice::For,
        },
        VoteMember {
            person_id: c.id,
            choice: VoteChoice::Against,
        },
    ];
    let requested_by = Some(c.id);
    rec.people.extend([a, b, c]);
    Vote {
        resolution_id: id(),
        method,
        votes_for: 6,
        votes_against: 2,
        abstentions: 1,
        casting,
        casting_by: None,
        requested_by,
        members,
    }
}

// Glossary 24 (Cadeirydd), 25 (Y Cynghorwyr), 27 (PENDERFYNWYD yn unfrydol); the vote words
// are [K].
#[test]
fn votes() {
    let mut rec = record(&[], Vec::new());
    let v = vote(&mut rec, VoteMethod::Unanimous, None);
    assert_eq!(
        vote_sentence(&rec, &v, CY),
        "Roedd y penderfyniad yn unfrydol."
    );
    assert_eq!(
        vote_result(Keyword::Resolved, &v, CY),
        "Penderfynwyd yn unfrydol"
    );
    let v = vote(&mut rec, VoteMethod::ShowOfHands, None);
    assert_eq!(
        vote_sentence(&rec, &v, CY),
        "(O blaid 6, Yn erbyn 2, Yn ymatal 1)"
    );
    assert_eq!(
        vote_result(Keyword::Resolved, &v, CY),
        "Pasiwyd (O blaid 6, Yn erbyn 2, Yn ymatal 1)"
    );
    let v = vote(&mut rec, VoteMethod::Recorded, None);
    assert_eq!(
        vote_sentence(&rec, &v, CY),
        "Gan fod y Cynghorydd C. Price wedi gofyn am bleidlais wedi'i chofnodi, roedd y pleidleisio fel a ganlyn: O blaid: Y Cynghorwyr A. Adams ac I. Evans. Yn erbyn: Y Cynghorydd C. Price. Yn ymatal: neb."
    );
    let v = vote(&mut rec, VoteMethod::ShowOfHands, Some(VoteChoice::For));
    assert_eq!(
        vote_sentence(&rec, &v, CY),
        "(O blaid 6, Yn erbyn 2, Yn ymatal 1) Gan fod nifer y pleidleisiau'n gyfartal, defnyddiodd y Cadeirydd bleidlais fwrw o blaid."
    );
    assert_eq!(
        vote_result(Keyword::Resolved, &v, CY),
        "Pasiwyd trwy'r bleidlais fwrw (O blaid 6, Yn erbyn 2, Yn ymatal 1)"
    );
    // "pleidlais" is feminine: its adjective mutates ("pleidlais fwrw").
    assert_eq!(
        crate::welsh::adjective(crate::welsh::nouns::PLEIDLAIS, false, "bwrw"),
        "fwrw"
    );
}

// Glossary 37 (Cyfeirio at y Cabinet [K]), 33 (galw i mewn, cyfnod o dridiau).
#[test]
fn referrals_and_call_in() {
    assert_eq!(
        labels::purpose(ReferralPurpose::ForDecision, CY),
        "i'w benderfynu"
    );
    assert_eq!(
        labels::purpose(ReferralPurpose::S21Report, CY),
        "adroddiad dan adran 21 Deddf Llywodraeth Leol 2000"
    );
    assert_eq!(call_in::period_words(3, CY), "o dridiau");
    assert_eq!(call_in::period_words(5, CY), "o bum niwrnod");
    assert_eq!(
        call_in::outcome_sentence(CallInOutcome::ReferredBack, "", CY),
        "Cyfeiriwyd y penderfyniad yn ôl at y Cabinet i'w ailystyried."
    );
    assert_eq!(
        call_in::outcome_sentence(CallInOutcome::NoFurtherAction, "", CY),
        "Dim camau pellach: gellir rhoi'r penderfyniad ar waith."
    );
    assert_eq!(
        call_in::outcome_sentence(CallInOutcome::ReferredToCouncil, "", CY),
        "Cyfeiriwyd y penderfyniad at y Cyngor."
    );
}

// Tracker statuses and outcomes ([K]).
#[test]
fn tracker_statuses() {
    assert_eq!(label(Label::StatusIssued, CY), "Yn aros am ymateb");
    assert_eq!(
        label(Label::StatusScheduled, CY),
        "Wedi'i drefnu i'w ystyried"
    );
    assert_eq!(
        label(Label::StatusReportedBack, CY),
        "Ystyriwyd ac adroddwyd yn ôl"
    );
    assert_eq!(
        labels::outcome(ReferralOutcome::AcceptedInPart, CY),
        "Derbyniwyd yn rhannol"
    );
    assert_eq!(
        label(Label::DaysLate, CY).replace("{n}", "87"),
        "87 diwrnod yn hwyr"
    );
}

// Dates as Welsh minutes write them: the day as a figure, no ordinal ("5 Ionawr 2015").
#[test]
fn dates_and_numbers() {
    assert_eq!(long_date(d(2015, 1, 5), CY), "5 Ionawr 2015");
    assert_eq!(long_date(d(2015, 2, 1), CY), "1 Chwefror 2015");
    assert_eq!(labels::that(CY), "B O D");
    assert_eq!(
        crate::welsh::count(2, crate::welsh::nouns::AELOD),
        "dau aelod"
    );
    assert_eq!(crate::welsh::working_days(3), "tri diwrnod gwaith");
    assert_eq!(
        inquorate_sentence(false, "11.40 yb", CY),
        "Nid oedd cworwm yn y cyfarfod, a daeth i ben am 11.40 yb."
    );
}

// The notice of decisions' opening line: "yn" before a Welsh venue mutates.
#[test]
fn the_notice_s_venue() {
    assert_eq!(
        crate::front_sheet::in_venue("Canolfan Ddinesig, Glantawe", CY),
        "yng Nghanolfan Ddinesig, Glantawe"
    );
    assert_eq!(
        crate::front_sheet::in_venue("Council Chamber", EN),
        "in Council Chamber"
    );
    assert_eq!(
        crate::welsh::and("trwy fideo-gynadledda"),
        "a thrwy fideo-gynadledda"
    );
}
