//! A generated archive for trying the register at scale: by default 25 bodies, 20 municipal
//! years, about 300 meetings a year, 8 items a meeting and about 200,000 resolutions with
//! reasons and referrals, in English with some Welsh.
//!
//! Everything is inserted in one transaction with prepared statements, through every trigger
//! of the schema (numbering, limbs, search indexes, the signed-minutes lock and the audit log):
//! nothing is bypassed. Each meeting's record is written while its minutes are drafts, as a
//! clerk would, and then published, approved at the body's next meeting and signed, so the
//! archive ends as signed historical records with the same three audited status changes a
//! real meeting leaves. Referrals likewise start as issued and move along their lifecycle.
//! The words are invented from a fixed vocabulary with a seeded generator: the same seed gives
//! the same archive text.

use chrono::{Datelike, Months, NaiveDate};
use minutes_core::*;
use rusqlite::params;
use uuid::Uuid;

use crate::rows::{new_id, s};
use crate::{Result, Store};

/// The size and seed of a generated archive.
#[derive(Debug, Clone)]
pub struct ArchiveSpec {
    pub bodies: u32,
    pub years: u32,
    /// Meetings a year across all bodies.
    pub meetings_per_year: u32,
    pub items_per_meeting: u32,
    /// The calendar year the first municipal year starts in (May).
    pub first_year: i32,
    pub seed: u64,
}

impl Default for ArchiveSpec {
    fn default() -> Self {
        ArchiveSpec {
            bodies: 25,
            years: 20,
            meetings_per_year: 300,
            items_per_meeting: 8,
            first_year: 2006,
            seed: 1,
        }
    }
}

/// What was generated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArchiveStats {
    pub bodies: u64,
    pub meetings: u64,
    pub minutes: u64,
    pub resolutions: u64,
    pub referrals: u64,
}

/// A small deterministic generator (SplitMix64): the archive needs variety, not secrecy.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, list: &'a [&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// Topics: (English, Welsh).
pub const TOPICS: &[(&str, &str)] = &[
    ("mental health services", "gwasanaethau iechyd meddwl"),
    (
        "child and adolescent mental health",
        "iechyd meddwl plant a'r glasoed",
    ),
    ("school transport", "cludiant i'r ysgol"),
    ("primary school admissions", "derbyniadau ysgolion cynradd"),
    ("affordable housing", "tai fforddiadwy"),
    ("homelessness prevention", "atal digartrefedd"),
    ("highway maintenance", "cynnal a chadw priffyrdd"),
    ("winter gritting", "graeanu yn y gaeaf"),
    (
        "waste collection and recycling",
        "casglu gwastraff ac ailgylchu",
    ),
    (
        "coastal flood defences",
        "amddiffynfeydd llifogydd arfordirol",
    ),
    ("looked after children", "plant sy'n derbyn gofal"),
    ("corporate parenting", "rhianta corfforaethol"),
    ("domiciliary care", "gofal cartref"),
    ("residential care homes", "cartrefi gofal preswyl"),
    ("carers' support", "cymorth i ofalwyr"),
    ("Welsh language standards", "safonau'r Gymraeg"),
    ("Welsh-medium education", "addysg cyfrwng Cymraeg"),
    ("library services", "gwasanaethau llyfrgell"),
    ("leisure centres", "canolfannau hamdden"),
    ("parks and open spaces", "parciau a mannau agored"),
    ("town centre regeneration", "adfywio canol y dref"),
    ("economic development", "datblygu economaidd"),
    ("tourism strategy", "strategaeth dwristiaeth"),
    ("public transport", "trafnidiaeth gyhoeddus"),
    ("active travel routes", "llwybrau teithio llesol"),
    ("air quality", "ansawdd aer"),
    ("climate emergency", "argyfwng hinsawdd"),
    ("renewable energy", "ynni adnewyddadwy"),
    ("council tax reduction", "gostyngiad y dreth gyngor"),
    (
        "medium term financial plan",
        "cynllun ariannol tymor canolig",
    ),
    ("revenue budget", "cyllideb refeniw"),
    ("capital programme", "rhaglen gyfalaf"),
    ("treasury management", "rheoli trysorlys"),
    ("internal audit", "archwilio mewnol"),
    ("risk management", "rheoli risg"),
    ("workforce planning", "cynllunio'r gweithlu"),
    ("sickness absence", "absenoldeb salwch"),
    ("safeguarding adults", "diogelu oedolion"),
    ("youth services", "gwasanaethau ieuenctid"),
    ("community safety", "diogelwch cymunedol"),
    ("anti-social behaviour", "ymddygiad gwrthgymdeithasol"),
    ("licensing of taxis", "trwyddedu tacsis"),
    ("food hygiene inspections", "arolygiadau hylendid bwyd"),
    ("trading standards", "safonau masnach"),
    ("planning enforcement", "gorfodi cynllunio"),
    ("local development plan", "cynllun datblygu lleol"),
    ("empty homes", "cartrefi gwag"),
    (
        "disabled facilities grants",
        "grantiau cyfleusterau i'r anabl",
    ),
    ("school meals", "prydau ysgol"),
    ("additional learning needs", "anghenion dysgu ychwanegol"),
    ("school attendance", "presenoldeb yn yr ysgol"),
    (
        "sheep and lambs at the county farms",
        "defaid ac ŵyn ar ffermydd y sir",
    ),
    ("agricultural estate", "ystad amaethyddol"),
    ("cemeteries and crematoria", "mynwentydd ac amlosgfeydd"),
    ("street lighting", "goleuadau stryd"),
    ("car parking charges", "taliadau parcio ceir"),
    ("digital inclusion", "cynhwysiant digidol"),
    ("customer contact centre", "canolfan gyswllt cwsmeriaid"),
    ("complaints and compliments", "cwynion a chanmoliaeth"),
    (
        "equality impact assessments",
        "asesiadau effaith ar gydraddoldeb",
    ),
    ("poverty and the cost of living", "tlodi a chostau byw"),
    ("food banks", "banciau bwyd"),
    ("dementia care", "gofal dementia"),
    ("hospital discharge", "rhyddhau o'r ysbyty"),
    ("substance misuse", "camddefnyddio sylweddau"),
    ("domestic abuse", "cam-drin domestig"),
    ("flood risk management", "rheoli perygl llifogydd"),
    ("coastal path", "llwybr yr arfordir"),
    ("biodiversity duty", "dyletswydd bioamrywiaeth"),
    ("procurement strategy", "strategaeth gaffael"),
];

const OPENINGS: &[&str] = &[
    "the report on {t} be noted",
    "the progress made on {t} be welcomed and a further report be brought to a future meeting",
    "the proposals for {t} be endorsed",
    "Cabinet be recommended to review {t} and report back within six months",
    "the officers be asked to prepare a business case for {t}",
    "the revised policy on {t} be approved",
    "the consultation on {t} be supported",
    "the action plan for {t} be approved, subject to the comments of Members",
    "a task and finish group be set up to examine {t}",
    "the performance indicators for {t} be monitored quarterly",
    "the funding of {t} be considered as part of the budget setting process",
    "the Director be authorised to agree the arrangements for {t} in consultation with the Cabinet Member",
];
const OPENINGS_CY: &[&str] = &[
    "bod yr adroddiad ar {t} yn cael ei nodi",
    "bod y cynigion ar gyfer {t} yn cael eu cymeradwyo",
    "bod y Cabinet yn adolygu {t} ac yn adrodd yn ôl",
];
const REASONS: &[&str] = &[
    "To keep Members informed of {t}.",
    "To ensure that {t} continues to improve.",
    "Having regard to the contents of the report on {t}.",
    "To allow Cabinet to consider the Committee's views on {t}.",
    "To secure value for money in {t}.",
    "To meet the Council's statutory duties on {t}.",
];
const REASONS_CY: &[&str] = &[
    "Er mwyn rhoi gwybod i'r Aelodau am {t}.",
    "Er mwyn gwella {t}.",
];
const NARRATIVE: &[&str] = &[
    "The Head of Service presented the report on {t}, outlining the pressures on the service and the steps taken to manage demand.",
    "Members queried the timetable for {t} and were advised that a detailed plan would follow.",
    "A Committee Member asked how residents would be consulted on {t}; in response, the officer advised that drop-in sessions were planned.",
    "The Cabinet Member thanked officers for their work on {t} and noted the comments of the scrutiny committee.",
    "Concern was expressed about the budget for {t} and the impact on rural communities.",
];
const BODIES: &[(&str, &str, BodyKind)] = &[
    ("Council", "Cyngor", BodyKind::Council),
    ("Cabinet", "Cabinet", BodyKind::Cabinet),
    (
        "Scrutiny Committee (Social Care and Health)",
        "Pwyllgor Craffu (Gofal Cymdeithasol ac Iechyd)",
        BodyKind::Scrutiny,
    ),
    (
        "Scrutiny Committee (Learning and Culture)",
        "Pwyllgor Craffu (Dysgu a Diwylliant)",
        BodyKind::Scrutiny,
    ),
    (
        "Scrutiny Committee (Environment and Regeneration)",
        "Pwyllgor Craffu (Amgylchedd ac Adfywio)",
        BodyKind::Scrutiny,
    ),
    (
        "Scrutiny Committee (Homes and Safe Communities)",
        "Pwyllgor Craffu (Cartrefi a Chymunedau Diogel)",
        BodyKind::Scrutiny,
    ),
    (
        "Scrutiny Committee (Corporate Performance and Resources)",
        "Pwyllgor Craffu (Perfformiad Corfforaethol ac Adnoddau)",
        BodyKind::Scrutiny,
    ),
    (
        "Planning Committee",
        "Pwyllgor Cynllunio",
        BodyKind::Regulatory,
    ),
    (
        "Licensing Committee",
        "Pwyllgor Trwyddedu",
        BodyKind::Regulatory,
    ),
    (
        "Standards Committee",
        "Pwyllgor Safonau",
        BodyKind::Standards,
    ),
    (
        "Governance and Audit Committee",
        "Pwyllgor Llywodraethu ac Archwilio",
        BodyKind::GovernanceAudit,
    ),
    (
        "Democratic Services Committee",
        "Pwyllgor Gwasanaethau Democrataidd",
        BodyKind::Other,
    ),
    (
        "Corporate Parenting Panel",
        "Panel Rhianta Corfforaethol",
        BodyKind::Other,
    ),
    (
        "Welsh Language Committee",
        "Pwyllgor y Gymraeg",
        BodyKind::Other,
    ),
    (
        "Appeals Committee",
        "Pwyllgor Apeliadau",
        BodyKind::Regulatory,
    ),
    (
        "Public Protection Committee",
        "Pwyllgor Gwarchod y Cyhoedd",
        BodyKind::Regulatory,
    ),
    (
        "Employment Committee",
        "Pwyllgor Cyflogaeth",
        BodyKind::Other,
    ),
    (
        "Community Liaison Committee",
        "Pwyllgor Cyswllt Cymunedol",
        BodyKind::Other,
    ),
    (
        "Joint Education Committee",
        "Cydbwyllgor Addysg",
        BodyKind::Joint,
    ),
    (
        "Shared Regulatory Services Committee",
        "Pwyllgor Gwasanaethau Rheoleiddio a Rennir",
        BodyKind::Joint,
    ),
    (
        "Pension Fund Committee",
        "Pwyllgor y Gronfa Bensiwn",
        BodyKind::Other,
    ),
    (
        "Rural Affairs Committee",
        "Pwyllgor Materion Gwledig",
        BodyKind::Other,
    ),
    (
        "Coastal Partnership Board",
        "Bwrdd Partneriaeth yr Arfordir",
        BodyKind::Joint,
    ),
    (
        "Housing Tenants' Panel",
        "Panel Tenantiaid Tai",
        BodyKind::Other,
    ),
    (
        "Health and Wellbeing Board",
        "Bwrdd Iechyd a Lles",
        BodyKind::Joint,
    ),
];

fn fill(template: &str, topic: &str) -> String {
    template.replace("{t}", topic)
}

/// A fixed set of searches a member might type, drawn from the archive's vocabulary: topics,
/// phrases, single words, Welsh words with and without accents, prefixes as typed.
pub fn sample_queries(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let words = [
        "budget",
        "consultation",
        "report back",
        "task and finish",
        "rural",
        "statutory",
        "wyn",
        "ŵyn",
        "Gymraeg",
        "gymraeg",
        "adolygu",
        "plant",
        "residents",
        "drop-in",
        "value for money",
        "pressures",
        "quarterly",
        "business case",
    ];
    (0..n)
        .map(|i| {
            let (en, cy) = TOPICS[rng.below(TOPICS.len())];
            match i % 6 {
                0 => en.to_string(),
                1 => en.split_whitespace().take(2).collect::<Vec<_>>().join(" "),
                2 => cy.to_string(),
                3 => words[rng.below(words.len())].to_string(),
                4 => {
                    let w = en.split_whitespace().last().unwrap_or(en);
                    w.chars().take(w.chars().count().clamp(1, 5)).collect()
                }
                _ => format!(
                    "{} {}",
                    en.split_whitespace().next().unwrap_or(en),
                    words[rng.below(words.len())]
                ),
            }
        })
        .collect()
}

/// The most years an archive may span: 50, back to the councils of the 1970s reorganisation
/// and more than any council keeps online.
pub const MAX_YEARS: u32 = 50;
/// The most meetings a year across all bodies: 600, twice a large council's calendar.
pub const MAX_MEETINGS_PER_YEAR: u32 = 600;
/// The most items an agenda may have: 40 (the longest real agendas have about 30).
pub const MAX_ITEMS_PER_MEETING: u32 = 40;
/// The most agenda items in all: 500,000, ten times the default archive (about two million
/// resolutions, several gigabytes and an hour's work); beyond that the disk, not the register,
/// is what gets tried.
pub const MAX_ITEMS: u64 = 500_000;

/// Generates the archive into an empty database.
pub fn generate_archive(store: &mut Store, spec: &ArchiveSpec) -> Result<ArchiveStats> {
    generate_archive_with_progress(store, spec, &mut |_, _| {})
}

/// Generates the archive into an empty database as one transaction: the council, its bodies
/// and every meeting, or (if it is stopped or fails) nothing, so that running it again works.
/// `progress(done, total)` is called as meetings are written.
pub fn generate_archive_with_progress(
    store: &mut Store,
    spec: &ArchiveSpec,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ArchiveStats> {
    spec.check()?;
    store.atomically(|store| {
        store.refuse_if_council("This database", "an archive is generated")?;
        store.set_authority(&Authority::new(
            "Example County Borough Council",
            "Cyngor Bwrdeistref Sirol Enghraifft",
            Jurisdiction::Wales,
        ))?;
        let stats = store.write(|tx| generate(tx, spec, progress))?;
        // A bulk load leaves the search index in many segments, each read on every search:
        // merge them, as a council's maintenance would after loading its back catalogue.
        store.write(|tx| {
            tx.execute(
                "INSERT INTO register_fts(register_fts) VALUES ('optimize')",
                [],
            )?;
            Ok(())
        })?;
        Ok(stats)
    })
}

impl ArchiveSpec {
    /// Refuses an archive of a size no council has (see the bounds above), naming the bounds.
    pub fn check(&self) -> Result<()> {
        check_spec(self)
    }
}

fn check_spec(spec: &ArchiveSpec) -> Result<()> {
    let items = u64::from(spec.years)
        * u64::from(spec.meetings_per_year.max(spec.bodies))
        * u64::from(spec.items_per_meeting);
    if spec.bodies == 0
        || spec.bodies as usize > BODIES.len()
        || !(1..=MAX_YEARS).contains(&spec.years)
        || !(1..=MAX_MEETINGS_PER_YEAR).contains(&spec.meetings_per_year)
        || !(2..=MAX_ITEMS_PER_MEETING).contains(&spec.items_per_meeting)
        || items > MAX_ITEMS
        || !(1900..=2100).contains(&spec.first_year)
    {
        return Err(DomainError::invalid(
            "Archive",
            format!(
                "between 1 and {} bodies, 1 and {MAX_YEARS} years, 1 and {MAX_MEETINGS_PER_YEAR} meetings a year, 2 and {MAX_ITEMS_PER_MEETING} items a meeting, and at most {MAX_ITEMS} agenda items in all (years x meetings x items; this asks for {items})",
                BODIES.len()
            ),
        )
        .into());
    }
    Ok(())
}

fn generate(
    tx: &rusqlite::Connection,
    spec: &ArchiveSpec,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ArchiveStats> {
    let mut rng = Rng::new(spec.seed);
    let mut stats = ArchiveStats::default();
    let council_seq = new_id();
    let cabinet_seq = new_id();
    tx.execute("INSERT INTO minute_sequence (id, name, prefix, scope) VALUES (?1, 'Council-wide', '', 'council')", [s(council_seq)])?;
    tx.execute(
        "INSERT INTO minute_sequence (id, name, prefix, scope) VALUES (?1, 'Cabinet', 'C', 'body')",
        [s(cabinet_seq)],
    )?;

    struct B {
        id: Uuid,
        kind: BodyKind,
        seq: Uuid,
        chair: Uuid,
        meetings: Vec<(Uuid, NaiveDate)>,
    }
    let mut bodies = Vec::new();
    for (name_en, name_cy, kind) in BODIES.iter().take(spec.bodies as usize) {
        let seq = if *kind == BodyKind::Cabinet {
            cabinet_seq
        } else {
            council_seq
        };
        let keyword = if *kind == BodyKind::Scrutiny {
            "recommended"
        } else {
            "resolved"
        };
        let id = new_id();
        tx.execute(
            "INSERT INTO body (id, name_en, name_cy, kind, default_keyword, sequence_id, whip_declarations_required)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![s(id), name_en, name_cy, kind.as_str(), keyword, s(seq), *kind == BodyKind::Scrutiny],
        )?;
        let chair = new_id();
        tx.execute(
            "INSERT INTO person (id, honorific, name, kind) VALUES (?1, 'Councillor', ?2, 'member')",
            params![s(chair), format!("{}. {}", ["A", "B", "C", "D", "E", "G", "H", "J"][rng.below(8)], ["Jones", "Davies", "Evans", "Williams", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Griffiths"][rng.below(10)])],
        )?;
        tx.execute(
            "INSERT INTO membership (id, person_id, body_id, role, from_date) VALUES (?1, ?2, ?3, 'chair', ?4)",
            params![s(new_id()), s(chair), s(id), format!("{}-05-01", spec.first_year)],
        )?;
        bodies.push(B {
            id,
            kind: *kind,
            seq,
            chair,
            meetings: Vec::new(),
        });
        stats.bodies += 1;
    }

    // Meetings: spread the year's meetings across the bodies, monthly-ish from May.
    let per_body = (spec.meetings_per_year / spec.bodies).max(1);
    let mut insert_meeting = tx.prepare(
        "INSERT INTO meeting (id, body_id, date, start_time, venue, status) VALUES (?1, ?2, ?3, ?4, 'Council Chamber, Civic Offices', 'closed')",
    )?;
    for (bi, b) in bodies.iter_mut().enumerate() {
        for y in 0..spec.years {
            let year_start = NaiveDate::from_ymd_opt(spec.first_year + y as i32, 5, 1)
                .ok_or_else(|| DomainError::invalid("Archive", "first year out of range"))?;
            for k in 0..per_body {
                let month = year_start
                    .checked_add_months(Months::new(k * 12 / per_body))
                    .unwrap_or(year_start);
                let day = 1 + ((bi * 3 + rng.below(5)) % 26) as u32;
                let date = month.with_day(day).unwrap_or(month);
                let id = new_id();
                insert_meeting.execute(params![
                    s(id),
                    s(b.id),
                    date,
                    ["10:00:00", "14:00:00", "17:30:00"][rng.below(3)]
                ])?;
                b.meetings.push((id, date));
                stats.meetings += 1;
            }
        }
    }
    let cabinet_meetings: Vec<(Uuid, NaiveDate)> = bodies
        .iter()
        .find(|b| b.kind == BodyKind::Cabinet)
        .map(|b| b.meetings.clone())
        .unwrap_or_default();
    let cabinet_id = bodies
        .iter()
        .find(|b| b.kind == BodyKind::Cabinet)
        .map(|b| b.id);

    let mut insert_item = tx.prepare(
        "INSERT INTO agenda_item (id, meeting_id, position, title_en, title_cy, origin, standing) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut insert_minute = tx.prepare(
        "INSERT INTO minute (id, meeting_id, agenda_item_id, sequence_id, year_start, number, heading, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut insert_block = tx.prepare(
        "INSERT INTO minute_block (id, minute_id, meeting_id, position, kind, text) VALUES (?1, ?2, ?3, ?4, 'narrative', ?5)",
    )?;
    let mut insert_resolution = tx.prepare(
        "INSERT INTO resolution (id, minute_id, meeting_id, limb, keyword, text, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut insert_referral = tx.prepare(
        "INSERT INTO referral (id, resolution_id, from_body_id, to_body_id, purpose, sent_on, response_due) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut set_status = tx.prepare("UPDATE referral SET status = ?2, outcome = coalesce(?3, outcome), response_text = coalesce(?4, response_text), target_meeting_id = coalesce(?5, target_meeting_id), target_minute_id = coalesce(?6, target_minute_id), reported_back_meeting_id = coalesce(?7, reported_back_meeting_id), closed_on = coalesce(?8, closed_on) WHERE id = ?1")?;
    let mut numbers: std::collections::HashMap<(Uuid, NaiveDate), u32> = Default::default();
    // The first report minute of each Cabinet meeting: where a referral's answer is minuted.
    let mut cabinet_minute: std::collections::HashMap<Uuid, Uuid> = Default::default();
    let last_day = bodies
        .iter()
        .flat_map(|b| b.meetings.iter().map(|m| m.1))
        .max()
        .unwrap_or_default();

    // Meeting by meeting in date order, every committee's in turn, as a council's own record
    // is entered. A referral's answer names the Cabinet minute of a meeting minuted later: its
    // id is chosen now, and the check that it exists waits for the end of the transaction.
    tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    for b in bodies.iter().filter(|b| b.kind == BodyKind::Cabinet) {
        for (meeting_id, _) in &b.meetings {
            cabinet_minute.insert(*meeting_id, new_id());
        }
    }
    let mut schedule: Vec<(NaiveDate, usize, usize)> = bodies
        .iter()
        .enumerate()
        .flat_map(|(bi, b)| {
            b.meetings
                .iter()
                .enumerate()
                .map(move |(mi, m)| (m.1, bi, mi))
        })
        .collect();
    schedule.sort();
    let total = schedule.len() as u64;
    for (done, (_, bi, mi)) in schedule.into_iter().enumerate() {
        progress(done as u64, total);
        let b = &bodies[bi];
        let Some((meeting_id, date)) = b.meetings.get(mi) else {
            continue;
        };
        {
            let year_start = numbering::year_start(*date, &[], 5, 1)?;
            for pos in 1..=spec.items_per_meeting {
                let (topic_en, topic_cy) = TOPICS[rng.below(TOPICS.len())];
                let (title_en, title_cy, origin, standing) = match pos {
                    1 => (
                        "Apologies for absence".to_string(),
                        "Ymddiheuriadau am absenoldeb".to_string(),
                        "standing",
                        Some("apologies"),
                    ),
                    2 => (
                        "Minutes".to_string(),
                        "Cofnodion".to_string(),
                        "standing",
                        Some("previous_minutes"),
                    ),
                    _ => {
                        let mut t = topic_en.to_string();
                        if let Some(c) = t.get_mut(0..1) {
                            c.make_ascii_uppercase();
                        }
                        (t, topic_cy.to_string(), "report", None)
                    }
                };
                let item_id = new_id();
                insert_item.execute(params![
                    s(item_id),
                    s(*meeting_id),
                    pos,
                    title_en,
                    title_cy,
                    origin,
                    standing
                ])?;
                let n = numbers.entry((b.seq, year_start)).or_insert(0);
                *n += 1;
                let minute_id = match (b.kind == BodyKind::Cabinet && pos == 3)
                    .then(|| cabinet_minute.get(meeting_id))
                    .flatten()
                {
                    Some(id) => *id,
                    None => new_id(),
                };
                insert_minute.execute(params![
                    s(minute_id),
                    s(*meeting_id),
                    s(item_id),
                    s(b.seq),
                    year_start,
                    *n,
                    title_en.to_uppercase(),
                    pos
                ])?;
                stats.minutes += 1;
                match pos {
                    1 => {
                        insert_block.execute(params![
                            s(new_id()),
                            s(minute_id),
                            s(*meeting_id),
                            1,
                            "Apologies were received from two Members."
                        ])?;
                        continue;
                    }
                    2 => {
                        insert_resolution.execute(params![
                            s(new_id()),
                            s(minute_id),
                            s(*meeting_id),
                            1,
                            "resolved",
                            "the minutes of the previous meeting be approved as a correct record",
                            ""
                        ])?;
                        stats.resolutions += 1;
                        continue;
                    }
                    _ => {}
                }
                let blocks = 1 + rng.below(2);
                for k in 0..blocks {
                    insert_block.execute(params![
                        s(new_id()),
                        s(minute_id),
                        s(*meeting_id),
                        k as u32 + 1,
                        fill(rng.pick(NARRATIVE), topic_en)
                    ])?;
                }
                let welsh = rng.chance(10);
                let limbs = 4 + rng.below(4);
                for limb in 1..=limbs {
                    let (_, other_cy) = TOPICS[rng.below(TOPICS.len())];
                    let (text, reason) = if welsh {
                        let t = if limb % 2 == 0 { other_cy } else { topic_cy };
                        (
                            fill(rng.pick(OPENINGS_CY), t),
                            fill(rng.pick(REASONS_CY), t),
                        )
                    } else {
                        let t = if limb == 1 {
                            topic_en
                        } else {
                            TOPICS[rng.below(TOPICS.len())].0
                        };
                        (fill(rng.pick(OPENINGS), t), fill(rng.pick(REASONS), t))
                    };
                    let refer = b.kind == BodyKind::Scrutiny && limb == limbs && rng.chance(45);
                    let keyword = if refer {
                        "recommended"
                    } else if rng.chance(5) {
                        "agreed"
                    } else {
                        "resolved"
                    };
                    let text = if refer {
                        format!("the Committee's views on {topic_en} be referred to Cabinet for consideration")
                    } else {
                        text
                    };
                    let rid = new_id();
                    insert_resolution.execute(params![
                        s(rid),
                        s(minute_id),
                        s(*meeting_id),
                        limb as u32,
                        keyword,
                        text,
                        reason
                    ])?;
                    stats.resolutions += 1;
                    if let (true, Some(cab)) = (refer, cabinet_id) {
                        let sent = date.succ_opt().unwrap_or(*date);
                        let due = referral::response_due(sent, ReferralPurpose::S21Report);
                        let fid = new_id();
                        insert_referral.execute(params![
                            s(fid),
                            s(rid),
                            s(b.id),
                            s(cab),
                            "s21_report",
                            sent,
                            due
                        ])?;
                        stats.referrals += 1;
                        // What became of it: most older referrals are answered and closed.
                        let at = cabinet_meetings.iter().find(|(_, d)| *d > sent).copied();
                        let back = b.meetings.get(mi + 2).copied();
                        let age_days = (last_day - *date).num_days();
                        let Some((cab_meeting, cab_date)) = at else {
                            continue;
                        };
                        if age_days < 60 && rng.chance(50) {
                            continue; // still issued: some of these are overdue
                        }
                        set_status.execute(params![
                            s(fid),
                            "scheduled",
                            None::<String>,
                            None::<String>,
                            s(cab_meeting),
                            None::<String>,
                            None::<String>,
                            None::<String>
                        ])?;
                        if age_days < 90 && rng.chance(40) {
                            continue;
                        }
                        let outcome = [
                            "accepted",
                            "accepted_in_part",
                            "not_accepted",
                            "noted",
                            "noted",
                            "accepted",
                        ][rng.below(6)];
                        let response = format!(
                            "Cabinet {} the recommendations of the Committee on {topic_en}.",
                            match outcome {
                                "accepted" => "accepted",
                                "accepted_in_part" => "accepted in part",
                                "not_accepted" => "did not accept",
                                _ => "noted",
                            }
                        );
                        set_status.execute(params![
                            s(fid),
                            "considered",
                            outcome,
                            response,
                            None::<String>,
                            cabinet_minute.get(&cab_meeting).map(|m| s(*m)),
                            None::<String>,
                            None::<String>
                        ])?;
                        let Some((back_meeting, back_date)) = back.filter(|(_, d)| *d > cab_date)
                        else {
                            continue;
                        };
                        if rng.chance(15) {
                            continue;
                        }
                        set_status.execute(params![
                            s(fid),
                            "reported_back",
                            None::<String>,
                            None::<String>,
                            None::<String>,
                            None::<String>,
                            s(back_meeting),
                            None::<String>
                        ])?;
                        set_status.execute(params![
                            s(fid),
                            "closed",
                            None::<String>,
                            None::<String>,
                            None::<String>,
                            None::<String>,
                            None::<String>,
                            back_date
                        ])?;
                    }
                }
            }
        }
    }
    // Publish, approve at the next meeting and sign every meeting's minutes but the last.
    let mut publish =
        tx.prepare("UPDATE meeting SET minutes_status = 'draft_published' WHERE id = ?1")?;
    let mut approve = tx.prepare(
        "UPDATE meeting SET minutes_status = 'approved', approved_at_meeting_id = ?2 WHERE id = ?1",
    )?;
    let mut sign = tx.prepare("UPDATE meeting SET minutes_status = 'signed', signed_by_person_id = ?2, signed_on = ?3 WHERE id = ?1")?;
    for b in &bodies {
        for (i, (id, _)) in b.meetings.iter().enumerate() {
            publish.execute([s(*id)])?;
            if let Some((next, next_date)) = b.meetings.get(i + 1) {
                approve.execute(params![s(*id), s(*next)])?;
                sign.execute(params![s(*id), s(b.chair), next_date])?;
            }
        }
    }
    // Signed minutes keep their signed copy, as when a clerk signs them.
    crate::verify::copy_signed(tx)?;
    progress(total, total);
    Ok(stats)
}
