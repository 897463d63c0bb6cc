//! The demo council: an authority, a scrutiny committee with its members, Cabinet, and a
//! meeting modelled on a Welsh scrutiny committee's consideration of a national inspection
//! of safeguarding for looked after children (January 2015): a presentation by the lead
//! inspector, members' questions answered by the inspector and the Director of Social
//! Services, and two recommendations, the second referred to Cabinet, each with its reason.
//!
//! The council, the people and the wording are invented for the demo.

use chrono::NaiveDate;
use minutes_core::input::*;
use minutes_core::*;
use uuid::Uuid;

use crate::{Result, Store};

/// The ids a test or the command line may want to find again.
#[derive(Debug, Clone)]
pub struct DemoIds {
    pub scrutiny: Uuid,
    pub cabinet: Uuid,
    /// The meeting of 5th January, 2015.
    pub meeting: Uuid,
    /// The earlier meeting whose minutes were approved and signed on 5th January, 2015.
    pub previous_meeting: Uuid,
    pub inspection_minute: Uuid,
    /// The inspection item on the January agenda, which the demo's reports are attached to.
    pub inspection_item: Uuid,
    pub referral: Uuid,
}

/// Loads the demo council if the database has no authority yet. Returns whether it loaded.
pub fn ensure_demo(store: &mut Store) -> Result<bool> {
    if store.authority().is_ok() {
        return Ok(false);
    }
    load_demo(store)?;
    Ok(true)
}

fn d(y: i32, m: u32, day: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
        .ok_or_else(|| DomainError::invalid("Date", format!("{y}-{m}-{day}")).into())
}

fn person(
    store: &mut Store,
    honorific: &str,
    name: &str,
    kind: PersonKind,
    title: &str,
) -> Result<Person> {
    store.add_person(&NewPerson {
        honorific: honorific.into(),
        name: name.into(),
        kind,
        title: title.into(),
    })
}

fn narrative(store: &mut Store, minute: Uuid, text: &str) -> Result<()> {
    store
        .add_block(minute, &BlockContent::Narrative { text: text.into() })
        .map(|_| ())
}

fn question(
    store: &mut Store,
    minute: Uuid,
    asked_by: &str,
    q: &str,
    answered_by: &str,
    a: &str,
) -> Result<()> {
    let content = BlockContent::Question {
        asked_by: asked_by.into(),
        asked_by_id: None,
        question: q.into(),
        answered_by: answered_by.into(),
        answered_by_id: None,
        answer: a.into(),
    };
    store.add_block(minute, &content).map(|_| ())
}

fn resolve(store: &mut Store, minute: Uuid, text: &str, reason: &str) -> Result<Resolution> {
    store.add_resolution(
        minute,
        &NewResolution {
            keyword: None,
            text: text.into(),
            reason: reason.into(),
            conditional_on: None,
            vote: String::new(),
            reason_not_needed: false,
        },
    )
}

fn standing_agenda(store: &mut Store, meeting: Uuid) -> Result<[AgendaItem; 3]> {
    let items = store.add_standing_items(meeting)?;
    <[AgendaItem; 3]>::try_from(items).map_err(|_| {
        DomainError::Conflict("the demo meeting already had an agenda".to_string()).into()
    })
}

/// Loads the demo council in one transaction.
pub fn load_demo(store: &mut Store) -> Result<DemoIds> {
    store.atomically(load)
}

fn load(store: &mut Store) -> Result<DemoIds> {
    store.set_authority(&Authority::new(
        "Glantawe County Borough Council",
        "Cyngor Bwrdeistref Sirol Glantawe",
        Jurisdiction::Wales,
    ))?;
    store.add_municipal_year(d(2014, 5, 21)?)?;
    let council_seq = store.add_sequence(&NewSequence {
        name: "Council-wide".into(),
        prefix: String::new(),
        scope: SequenceScope::Council,
    })?;
    let cabinet_seq = store.add_sequence(&NewSequence {
        name: "Cabinet".into(),
        prefix: "C".into(),
        scope: SequenceScope::Body,
    })?;
    let body = |name_en: &str, name_cy: &str, kind: BodyKind, seq: Uuid| NewBody {
        name_en: name_en.into(),
        name_cy: name_cy.into(),
        kind,
        default_keyword: None,
        chair_title: ChairTitle::Chairman,
        quorum: 3,
        whip_declarations_required: None,
        reasons: ReasonsRule::Required,
        sequence_id: seq,
    };
    store.add_body(&body(
        "Council",
        "Cyngor",
        BodyKind::Council,
        council_seq.id,
    ))?;
    let cabinet = store.add_body(&body(
        "Cabinet",
        "Cabinet",
        BodyKind::Cabinet,
        cabinet_seq.id,
    ))?;
    let scrutiny = store.add_body(&body(
        "Scrutiny Committee (Social Care and Health)",
        "Pwyllgor Craffu (Gofal Cymdeithasol ac Iechyd)",
        BodyKind::Scrutiny,
        council_seq.id,
    ))?;

    let cllr = "Councillor";
    let m = PersonKind::Member;
    let chair = person(store, cllr, "Mrs. E. Llewelyn", m, "")?;
    let vice = person(store, cllr, "R.J. Bowen", m, "")?;
    let members = [
        person(store, cllr, "D. Howells", m, "")?,
        person(store, cllr, "Ms. K. Jenkins", m, "")?,
        person(store, cllr, "Mrs. M. Prŷs", m, "")?,
        person(store, cllr, "I.W. Thomas", m, "")?,
    ];
    let apologies = [
        person(store, cllr, "Mrs. J. Williams", m, "")?,
        person(store, cllr, "A. Hopkins", m, "")?,
    ];
    let cabinet_member = person(
        store,
        cllr,
        "G. John",
        m,
        "Cabinet Member for Adult Services",
    )?;
    let leader = person(store, cllr, "N.P. Moore", m, "Leader of the Council")?;
    let inspector = person(
        store,
        "Ms.",
        "R. Morgan",
        PersonKind::External,
        "Lead Inspector, CSSIW",
    )?;
    let director = person(
        store,
        "Mr.",
        "P. Evans",
        PersonKind::Officer,
        "Director of Social Services",
    )?;
    let clerk = person(
        store,
        "Mrs.",
        "S. Rowlands",
        PersonKind::Officer,
        "Democratic Services Officer",
    )?;

    let from = d(2014, 5, 21)?;
    let join = |person: &Person, body: &Body, role: Role| NewMembership {
        person_id: person.id,
        body_id: body.id,
        role,
        from,
        to: None,
    };
    store.add_membership(&join(&chair, &scrutiny, Role::Chair))?;
    store.add_membership(&join(&vice, &scrutiny, Role::ViceChair))?;
    for p in members.iter().chain(apologies.iter()) {
        store.add_membership(&join(p, &scrutiny, Role::Member))?;
    }
    store.add_membership(&join(&leader, &cabinet, Role::Chair))?;
    store.add_membership(&join(&cabinet_member, &cabinet, Role::Member))?;
    // Cabinet's other members, so that it is quorate (quorum 3) when they attend.
    for (name, title) in [
        ("B. Davies", "Cabinet Member for Neighbourhood Services"),
        ("L. Price", "Cabinet Member for Education"),
        ("H. Rees", "Cabinet Member for Finance"),
    ] {
        let p = person(store, cllr, name, m, title)?;
        store.add_membership(&join(&p, &cabinet, Role::Member))?;
    }

    let meeting = |body: Uuid, date: NaiveDate, time: &str, venue: &str| {
        NewMeeting {
        body_id: body,
        kind: MeetingKind::Ordinary,
        date,
        start_time: Some(time.into()),
        end_time: None,
        venue: venue.into(),
        mode: MeetingMode::Hybrid,
        joining_details: "Members of the public may attend in the Council Chamber or watch the live broadcast on the Council's website.".into(),
    }
    };
    let chamber = "Council Chamber, Civic Offices, Heol y Castell, Glantawe";

    // The previous meeting: its minutes are approved at the January meeting and signed.
    let previous = store.add_meeting(&meeting(scrutiny.id, d(2014, 12, 1)?, "17:00", chamber))?;
    let [p_apol, p_mins, p_decl] = standing_agenda(store, previous.id)?;
    let p_report = store.add_agenda_item(
        previous.id,
        &NewAgendaItem {
            tag: "DSS".into(),
            ..NewAgendaItem::report("Quarter 2 performance report: Social Services")
        },
    )?;
    for p in [&chair, &vice]
        .into_iter()
        .chain(members.iter())
        .chain(apologies.iter())
    {
        store.record_attendance(
            previous.id,
            &NewAttendance::new(p.id, AttendanceStatus::Present),
        )?;
    }
    store.record_attendance(
        previous.id,
        &NewAttendance::new(director.id, AttendanceStatus::Officer),
    )?;
    store.add_minute(previous.id, Some(p_apol.id), "")?;
    let pm = store.add_minute(previous.id, Some(p_mins.id), "")?;
    resolve(
        store,
        pm.id,
        "the minutes of the meeting held on 3rd November, 2014 be approved as a correct record",
        "To confirm the record of the meeting.",
    )?;
    store.add_minute(previous.id, Some(p_decl.id), "")?;
    let pr = store.add_minute(previous.id, Some(p_report.id), "")?;
    narrative(store, pr.id, "The Director of Social Services presented the performance report for the second quarter, which showed that most indicators were on target and that the number of looked after children had remained stable.")?;
    resolve(
        store,
        pr.id,
        "the performance report for the second quarter be noted",
        "To keep Members informed of the performance of Social Services.",
    )?;
    store.set_meeting_status(previous.id, MeetingStatus::AgendaPublished)?;
    store.set_meeting_status(previous.id, MeetingStatus::InProgress)?;
    store.set_meeting_status(previous.id, MeetingStatus::Closed)?;
    store.publish_draft(previous.id)?;

    // The meeting of 5th January, 2015.
    let jan = store.add_meeting(&meeting(scrutiny.id, d(2015, 1, 5)?, "18:00", chamber))?;
    let [apol, mins, decl] = standing_agenda(store, jan.id)?;
    let inspection = store.add_agenda_item(
        jan.id,
        &NewAgendaItem {
            tag: "DSS".into(),
            presenting_officer_id: Some(director.id),
            ..NewAgendaItem::report(
                "National inspection of safeguarding and care planning for looked after children and care leavers who exhibit vulnerable or risky behaviours",
            )
        },
    )?;
    let mut present = NewAttendance::new(chair.id, AttendanceStatus::Present);
    present.capacity = Some(Capacity::Chair);
    store.record_attendance(jan.id, &present)?;
    for p in std::iter::once(&vice).chain(members.iter()) {
        store.record_attendance(jan.id, &NewAttendance::new(p.id, AttendanceStatus::Present))?;
    }
    for p in &apologies {
        store.record_attendance(
            jan.id,
            &NewAttendance::new(p.id, AttendanceStatus::Apologies),
        )?;
    }
    store.record_attendance(
        jan.id,
        &NewAttendance::new(cabinet_member.id, AttendanceStatus::AlsoPresent),
    )?;
    store.record_attendance(
        jan.id,
        &NewAttendance::new(inspector.id, AttendanceStatus::AlsoPresent),
    )?;
    store.record_attendance(
        jan.id,
        &NewAttendance::new(director.id, AttendanceStatus::Officer),
    )?;
    store.record_attendance(
        jan.id,
        &NewAttendance::new(clerk.id, AttendanceStatus::Officer),
    )?;

    store.add_minute(jan.id, Some(apol.id), "")?;
    let approval = store.add_minute(jan.id, Some(mins.id), "")?;
    resolve(
        store,
        approval.id,
        "the minutes of the meeting held on 1st December, 2014 be approved as a correct record",
        "To confirm the record of the meeting.",
    )?;
    store.add_minute(jan.id, Some(decl.id), "")?;
    let minute = store.add_minute(jan.id, Some(inspection.id), "")?;
    store.add_block(
        minute.id,
        &BlockContent::Presentation {
            presenter_id: Some(inspector.id),
            presenter: "Ms. R. Morgan".into(),
            capacity: "Lead Inspector, CSSIW".into(),
            summary: "The Lead Inspector explained that the inspection had been carried out in every local authority in Wales, the first such national review for several years, prompted by growing public concern about the sexual exploitation of young people. It had looked at looked after children aged eleven and over whose behaviour put them at risk, reading a sample of case files in each authority and meeting the partner agencies involved.\n\nCommittee was advised that corporate leadership had been found to be a strength of the Council: safeguarding was a stated corporate priority, managers and staff were committed and the workforce was stable. Areas for development included a corporate parenting strategy to co-ordinate improvements, a shared profile of vulnerable children and the risks they faced, more consistent core assessments, and the engagement of young people in their own plans.\n\nThe inspection had also noted, as it had across Wales, concern about the capacity of mental health services for children and adolescents, and the Police had asked that the protocol for young people who go missing be revisited.".into(),
        },
    )?;
    question(store, minute.id, "A Committee Member", "how the Council could engage better with looked after children", "the Lead Inspector", "young people needed regular opportunities to talk about what affected them and clear information about where to find support")?;
    question(store, minute.id, "A Committee Member", "what effect pressure on Police budgets had had", "the Lead Inspector", "frequent changes of officer had made it harder for young people to build the trust they needed to speak openly to the Police")?;
    question(store, minute.id, "the Chairman", "when a strategy for children's and adolescents' mental health services would be in place", "the Lead Inspector", "support was generally good, but clinical diagnosis and the range of services available needed investment across Wales")?;
    question(store, minute.id, "A Committee Member", "which parts of the Council's action plan should be given priority", "the Director of Social Services", "a national report on all twenty-two authorities was expected shortly and would inform the priorities of the local action plan, which had already been drawn up")?;
    narrative(store, minute.id, "The Committee asked to receive an update on the action plan, in particular on engagement with looked after children.")?;
    resolve(
        store,
        minute.id,
        "the key findings of the inspection, covering both the areas of progress and those needing improvement, together with the action plan prepared in response to its recommendations, be noted",
        "To keep Members informed of the findings of independent inspections of the performance of Social Services.",
    )?;
    let refer = resolve(
        store,
        minute.id,
        "the report and presentation on the national inspection of safeguarding and care planning for looked after children and care leavers who exhibit vulnerable or risky behaviours be referred to Cabinet for its consideration",
        "To inform Cabinet of the main findings of the inspection.",
    )?;
    let referral = store.add_referral(&NewReferral {
        resolution_id: Some(refer.id),
        from_body_id: None,
        to_body_id: Some(cabinet.id),
        to_external: String::new(),
        purpose: ReferralPurpose::S21Report,
        sent_on: d(2015, 1, 7)?,
        response_due: None,
    })?;
    store.set_meeting_status(jan.id, MeetingStatus::AgendaPublished)?;
    store.set_meeting_status(jan.id, MeetingStatus::InProgress)?;
    store.set_meeting_status(jan.id, MeetingStatus::Closed)?;

    // December's minutes were approved on 5th January and signed by the Chairman.
    store.approve_minutes(
        previous.id,
        &Approval {
            at_meeting_id: jan.id,
            amendments: Vec::new(),
        },
    )?;
    // The demo council keeps a bound minute book, so no pages are counted at signing.
    store.sign_minutes(previous.id, chair.id, d(2015, 1, 5)?, |_| {
        Err::<u32, _>("the demo council keeps no loose-leaf minute book")
    })?;

    // What the agenda pack's front sheet says.
    store.set_pack_settings(&minutes_core::pack::PackSettings {
        accessibility_en: "Copies of this agenda are available in large print, in Braille and on \
            audio tape on request. The Council Chamber has a hearing loop and step-free access."
            .into(),
        accessibility_cy: "Mae copïau o'r agenda hon ar gael mewn print bras, mewn Braille ac ar \
            dâp sain ar gais. Mae dolen sain a mynediad heb risiau yn Siambr y Cyngor."
            .into(),
        welsh_language_en: "You are welcome to speak in Welsh or English at this meeting; \
            simultaneous translation is provided. Please give three working days' notice."
            .into(),
        welsh_language_cy: "Mae croeso i chi siarad yn Gymraeg neu'n Saesneg yn y cyfarfod hwn; \
            darperir cyfieithu ar y pryd. Rhowch dri diwrnod gwaith o rybudd, os gwelwch yn dda."
            .into(),
        ..Default::default()
    })?;
    store.set_meeting_pack_info(&minutes_core::pack::MeetingPackInfo {
        meeting_id: jan.id,
        contact_officer: "Ms. E. Rees, Democratic Services Officer".into(),
        contact_details: "01792 000000, democratic.services@glantawe.gov.uk".into(),
        agenda_published_on: Some(d(2014, 12, 24)?),
    })?;

    // Meetings to come: Cabinet, which will consider the referral, and the next scrutiny meeting.
    store.add_meeting(&meeting(cabinet.id, d(2015, 1, 26)?, "14:00", chamber))?;
    store.add_meeting(&meeting(scrutiny.id, d(2015, 2, 2)?, "18:00", chamber))?;

    Ok(DemoIds {
        scrutiny: scrutiny.id,
        cabinet: cabinet.id,
        meeting: jan.id,
        previous_meeting: previous.id,
        inspection_minute: minute.id,
        inspection_item: inspection.id,
        referral: referral.id,
    })
}

/// A report the demo attaches to its January agenda: the words, laid out as a document the
/// PDF crate prints (the store prints nothing itself).
#[derive(Debug, Clone)]
pub struct DemoReport {
    pub item_id: Uuid,
    pub title: String,
    pub kind: DocumentKind,
    pub document: minutes_core::render::MinutesDocument,
}

fn report_document(
    title: &str,
    author: &str,
    sections: &[(&str, &[&str])],
) -> minutes_core::render::MinutesDocument {
    use minutes_core::render::{Line, MinutesDocument, Visibility};
    let mut lines = vec![
        Line::Authority("Glantawe County Borough Council".into()),
        Line::Body("Scrutiny Committee (Social Care and Health): 5th January, 2015".into()),
        Line::Title(title.into()),
        Line::Attendance {
            label: "Report of:".into(),
            text: author.into(),
        },
    ];
    for (n, (heading, paragraphs)) in sections.iter().enumerate() {
        lines.push(Line::MinuteHeading {
            number: format!("{}.", n + 1),
            heading: heading.to_string(),
        });
        for (i, p) in paragraphs.iter().enumerate() {
            if let Some(limb) = p.strip_prefix("- ") {
                lines.push(Line::Limb {
                    label: format!("({})", (b'a' + (i as u8 % 26)) as char),
                    text: limb.into(),
                });
            } else {
                lines.push(Line::Paragraph(p.to_string()));
            }
        }
    }
    MinutesDocument {
        language: Language::En,
        bilingual: false,
        visibility: Visibility::Public,
        draft: false,
        running_head: title.into(),
        title: title.into(),
        author: author.into(),
        lines,
        minute_book_start: None,
    }
}

/// The officer's report and its appendix for the inspection item of the demo meeting
/// (invented for the demo, like the council).
pub fn demo_reports(ids: &DemoIds) -> Vec<DemoReport> {
    let report = report_document(
        "National inspection of safeguarding and care planning for looked after children and care leavers who exhibit vulnerable or risky behaviours",
        "the Director of Social Services",
        &[
            ("Purpose of the report", &[
                "To inform the Committee of the findings of the national inspection of safeguarding and care planning for looked after children and care leavers who exhibit vulnerable or risky behaviours, as they concern this Council, and of the action plan prepared in response.",
            ]),
            ("Recommendations", &[
                "- That the Committee notes the key findings of the inspection, both the areas of progress and those needing improvement.",
                "- That the Committee notes the action plan at Appendix 1 and receives a report on its progress within six months.",
                "- That the Committee considers whether to refer the findings to Cabinet.",
            ]),
            ("Background", &[
                "The inspectorate carried out the inspection in every local authority in Wales during the spring and summer of 2014. It looked at the experience of looked after children aged eleven and over, and of care leavers, whose behaviour put them at risk of harm: going missing, misusing drugs or alcohol, offending, self-harm and sexual exploitation.",
                "In Glantawe the inspectors read the files of twelve young people, met social workers, team managers, foster carers and residential staff, and held discussions with the Police, the Health Board, education services and the third sector. They also spoke with six young people about their experience of care.",
                "The inspection was the first national review of its kind for several years. It was prompted by growing public concern, after events elsewhere in the United Kingdom, about the sexual exploitation of children and young people, and by the wish of the Welsh Government to know how well authorities identified and managed the risks young people in their care faced.",
            ]),
            ("What the inspection found", &[
                "Corporate leadership was found to be a strength. Safeguarding is a stated priority of the Council's corporate plan, and elected Members, the Chief Executive and senior officers were seen to take their responsibilities as corporate parents seriously. The workforce in children's services was stable, and managers and staff were described as committed and knowledgeable about the young people they worked with.",
                "Multi-agency working was generally effective at the level of individual cases: strategy meetings were held promptly when a young person was thought to be at risk of sexual exploitation, and the Police and the Health Board attended them. The inspectors found, however, that the information held by each agency was not brought together into a shared profile of the vulnerable young people in the county and the risks they faced, so that patterns across cases could be missed.",
                "The quality of core assessments was inconsistent. The best were thorough and analytical and gave a clear account of the young person's history, strengths and risks; others were largely descriptive, were not updated when circumstances changed, and did not show how the young person's views had been sought.",
                "Care plans did not always set out how risks would be reduced or who was responsible for each action, and reviews did not always test whether the plan was working. Young people told the inspectors that they were not always clear what their plan said or how they could influence it.",
                "The inspectors noted, as they did across Wales, concern about the capacity of child and adolescent mental health services, and the time young people waited for a specialist assessment. They also noted that the protocol agreed with the Police for young people who go missing from care had not been reviewed since 2011.",
            ]),
            ("The Council's response", &[
                "An action plan has been drawn up in response to the inspection's recommendations and is attached as Appendix 1. It was agreed with the Police and the Health Board before the inspectorate's report was published, and progress against it will be overseen by the Corporate Parenting Board.",
                "The most significant actions are the preparation of a corporate parenting strategy to co-ordinate the work of all Council services for looked after children; the development, with partners, of a shared profile of young people at risk of sexual exploitation or of going missing; a programme of training and audit to improve the consistency of core assessments; and new arrangements for young people to take part in their own reviews.",
                "A national report drawing together the findings from all twenty-two authorities is expected early in 2015. Its conclusions will be used to set the priorities within the local action plan.",
            ]),
            ("Financial implications", &[
                "The actions in the plan will be met from existing budgets. The review of the missing-from-care protocol and the shared risk profile may require additional analytical support, which will be the subject of a separate report if it cannot be found from within the service.",
            ]),
            ("Legal implications", &[
                "The Council has duties under the Children Act 1989 and the Children (Leaving Care) Act 2000 to safeguard and promote the welfare of the children it looks after and to support care leavers. The Social Services and Well-being (Wales) Act 2014, which comes into force in April 2016, will continue these duties.",
            ]),
            ("Equality and Welsh language implications", &[
                "An equality impact assessment screening has been carried out and found no adverse impact. Young people will be offered the opportunity to take part in their reviews in Welsh or English, as they prefer.",
            ]),
        ],
    );
    let appendix = report_document(
        "Appendix 1: action plan in response to the national inspection",
        "the Director of Social Services",
        &[
            ("Leadership and corporate parenting", &[
                "- Prepare a corporate parenting strategy, agreed by Cabinet, setting out the part every Council service plays for looked after children. Lead: Director of Social Services. By September 2015.",
                "- Report to the Corporate Parenting Board every quarter on the outcomes for looked after children, including those who go missing. Lead: Head of Children's Services. From April 2015.",
                "- Offer every elected Member training on their role as a corporate parent. Lead: Head of Democratic Services. By July 2015.",
            ]),
            ("Understanding and reducing risk", &[
                "- Agree with the Police and the Health Board a shared profile of young people at risk of sexual exploitation or of going missing, reviewed monthly. Lead: Head of Children's Services. By June 2015.",
                "- Review the missing-from-care protocol with the Police, including return interviews by someone the young person trusts. Lead: Principal Officer, Safeguarding. By May 2015.",
                "- Use the risk assessment tool agreed regionally in every case where sexual exploitation is suspected. Lead: Team Managers. From March 2015.",
            ]),
            ("Assessment and care planning", &[
                "- Run a programme of training on analytical assessment for every social worker in the looked after children teams. Lead: Workforce Development Manager. By October 2015.",
                "- Audit twenty case files each quarter against the standard for core assessments and report the results to the Corporate Parenting Board. Lead: Quality Assurance Manager. From April 2015.",
                "- Make every care plan say how each risk will be reduced, by whom and by when. Lead: Independent Reviewing Officers. From April 2015.",
            ]),
            ("Young people's voice", &[
                "- Give every young person a copy of their plan in a form they can use, in Welsh or English. Lead: Team Managers. By June 2015.",
                "- Support young people to chair or contribute to their own reviews, with an advocate where they wish. Lead: Independent Reviewing Officers. By September 2015.",
                "- Set up a panel of looked after young people and care leavers to advise the Corporate Parenting Board. Lead: Participation Officer. By December 2015.",
            ]),
            ("Mental health", &[
                "- Agree with the Health Board a pathway for looked after young people needing a specialist mental health assessment, with waiting times reported to the Committee. Lead: Director of Social Services with the Health Board. By September 2015.",
                "- Provide consultation from a clinical psychologist to foster carers and residential staff caring for young people with complex needs. Lead: Head of Children's Services. From April 2015.",
            ]),
        ],
    );
    vec![
        DemoReport {
            item_id: ids.inspection_item,
            title: "Report of the Director of Social Services".into(),
            kind: DocumentKind::Report,
            document: report,
        },
        DemoReport {
            item_id: ids.inspection_item,
            title: "Appendix 1: action plan".into(),
            kind: DocumentKind::Appendix,
            document: appendix,
        },
    ]
}
