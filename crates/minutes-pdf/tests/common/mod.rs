//! Fixtures shared by the tests and the benchmark: the demo meeting from minutes-store, a
//! generated 40-item meeting with long texts, and poppler run on a PDF.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use minutes_core::input::{NewAgendaItem, NewReferral, NewResolution, ReferralStep};
use minutes_core::tracker::TrackerReport;
use minutes_core::{
    Block, BlockContent, DocumentKind, ItemPart, Keyword, MeetingRecord, MinuteRecord,
    OutcomeInput, ReferralOutcome, ReferralPurpose, Resolution,
};
use minutes_store::demo::{self, DemoIds};
use minutes_store::Store;
use uuid::Uuid;

/// The demo meeting of 5th January, 2015 (draft minutes) and the signed meeting before it.
pub fn demo_records() -> (MeetingRecord, MeetingRecord) {
    let mut store = Store::open_in_memory().expect("in-memory store");
    let ids = demo::load_demo(&mut store).expect("demo loads");
    (
        store.meeting_record(ids.meeting).expect("demo meeting"),
        store
            .meeting_record(ids.previous_meeting)
            .expect("previous meeting"),
    )
}

/// The demo meeting with its inspection minute made a part 2 (exempt) item, paragraph 14.
pub fn with_exempt_minute() -> (minutes_core::MeetingRecord, String) {
    let (mut rec, _) = demo_records();
    let secret = "The contractor's tender price was 1,234,567 pounds".to_string();
    let last = rec.minutes.len() - 1;
    let item_id = rec.minutes[last]
        .minute
        .agenda_item_id
        .expect("minuted from the agenda");
    let item = rec
        .agenda
        .iter_mut()
        .find(|i| i.id == item_id)
        .expect("the agenda item");
    item.part = minutes_core::ItemPart::Exempt;
    item.exempt_paragraphs = vec!["14".into()];
    item.public_interest =
        "The public interest in maintaining the exemption outweighs the public interest in disclosing the information.".into();
    let m = &mut rec.minutes[last];
    m.minute.exempt = true;
    m.blocks.push(minutes_core::Block {
        id: uuid::Uuid::now_v7(),
        minute_id: m.minute.id,
        position: m.blocks.len() as u32 + 1,
        content: minutes_core::BlockContent::Narrative {
            text: secret.clone(),
        },
    });
    (rec, secret)
}

const WORDS: &[&str] = &[
    "the",
    "Committee",
    "was",
    "advised",
    "that",
    "report",
    "had",
    "been",
    "prepared",
    "in",
    "response",
    "to",
    "concerns",
    "raised",
    "by",
    "Members",
    "about",
    "services",
    "for",
    "children",
    "and",
    "young",
    "people",
    "across",
    "Glantawe",
    "with",
    "particular",
    "regard",
    "budget",
    "pressures",
    "on",
    "social",
    "care",
    "placements",
    "which",
    "would",
    "be",
    "considered",
    "further",
    "at",
    "next",
    "meeting",
    "of",
    "Cabinet",
    "officers",
    "explained",
    "arrangements",
    "partnership",
    "Health",
    "Board",
    "Police",
    "safeguarding",
    "improvement",
    "plan",
    "an",
    "independent",
    "review",
    "consultation",
    "Ysgol",
    "Gymraeg",
    "Llŷn",
    "Tŵr",
    "Dŵr",
    "Cymru",
    "Bryn-y-môr",
    "inspection",
    "findings",
    "recommendations",
    "a",
    "Member",
    "queried",
    "whether",
    "figures",
    "included",
];

/// A deterministic pseudo-random sentence generator.
struct Words(u64);

impl Words {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    /// `min` to `min + spread - 1` words.
    fn some(&mut self, min: usize, spread: usize) -> String {
        let n = min + self.next() % spread;
        self.text(n)
    }

    fn text(&mut self, words: usize) -> String {
        let mut out = String::new();
        for i in 0..words {
            let w = WORDS[self.next() % WORDS.len()];
            if i > 0 {
                out.push(' ');
            }
            if i == 0 || out.ends_with(". ") {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(c.as_str());
                }
            } else {
                out.push_str(w);
            }
            if i + 1 < words && self.next() % 13 == 5 {
                out.push('.');
            }
        }
        out.push('.');
        out
    }
}

/// A URL-like word of about 200 characters, with no spaces.
pub fn long_url(n: usize) -> String {
    let mut url = format!("https://democracy.glantawe.gov.uk/documents/s{n:05}/");
    while url.len() < 200 {
        url.push_str("Appendix%20A%20-%20Safeguarding%20Action%20Plan%20");
    }
    url.truncate(200);
    url.push_str(".pdf");
    url
}

/// The demo meeting with `items` minutes of long texts in place of its own: long
/// paragraphs, questions, a 200-character URL in some paragraphs, and up to six limbs
/// with their reasons.
pub fn long_meeting(items: usize) -> MeetingRecord {
    let (mut rec, _) = demo_records();
    let template = rec
        .minutes
        .iter()
        .find(|m| !m.resolutions.is_empty() && m.minute.agenda_item_id.is_some())
        .cloned()
        .expect("a demo minute with resolutions");
    let mut w = Words(42);
    rec.minutes = (0..items)
        .map(|i| {
            let id = Uuid::now_v7();
            let mut minute = template.minute.clone();
            minute.id = id;
            minute.agenda_item_id = None;
            minute.number = 700 + i as u32;
            minute.label = minute.number.to_string();
            minute.heading = w.some(4, 14).trim_end_matches('.').to_string();
            minute.tag = if i % 3 == 0 {
                "DSS".into()
            } else {
                String::new()
            };
            let mut blocks = Vec::new();
            for b in 0..(2 + w.next() % 5) {
                let content = match b % 3 {
                    0 => BlockContent::Narrative {
                        text: w.some(60, 180),
                    },
                    1 => BlockContent::Question {
                        asked_by: "A Committee Member".into(),
                        asked_by_id: None,
                        question: format!("whether {}", w.some(15, 30)),
                        answered_by: "the Director of Social Services".into(),
                        answered_by_id: None,
                        answer: w.some(20, 60),
                    },
                    _ => BlockContent::Narrative {
                        text: format!(
                            "{} The report is published at {} and {}",
                            w.text(20),
                            long_url(i),
                            w.text(30)
                        ),
                    },
                };
                blocks.push(Block {
                    id: Uuid::now_v7(),
                    minute_id: id,
                    position: b as u32,
                    content,
                });
            }
            let limbs = 1 + w.next() % 6;
            let keyword = if i % 2 == 0 {
                Keyword::Recommended
            } else {
                Keyword::Resolved
            };
            let resolutions = (1..=limbs)
                .map(|limb| Resolution {
                    id: Uuid::now_v7(),
                    minute_id: id,
                    limb: limb as u32,
                    keyword,
                    text: w.some(8, 50),
                    reason: w.some(6, 25),
                    conditional_on: None,
                    vote: String::new(),
                    reason_not_needed: false,
                    approves_meeting_id: None,
                })
                .collect();
            MinuteRecord {
                minute,
                blocks,
                resolutions,
            }
        })
        .collect();
    rec
}

/// Runs a poppler tool on `pdf` and returns its standard output.
pub fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("minutes.pdf");
    std::fs::write(&path, pdf).expect("PDF written");
    run(tool, args, &path)
}

pub fn run(tool: &str, args: &[&str], path: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} could not run (install poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// A generated report for agenda-pack tests: every page says "`tag` page N" near its top.
#[derive(Debug, Clone)]
pub struct ReportSpec {
    pub tag: String,
    pub pages: u32,
    /// Width and height of the media box, in points.
    pub size: (f32, f32),
    /// `/Rotate` of every even page (0 for none).
    pub rotate_even: i64,
    /// A grey box over the whole page, as a scan would be: no margin for the stamp.
    pub full_bleed: bool,
    /// Its own bookmarks: one per page, "`tag` section N".
    pub bookmarks: bool,
    /// A form with a text field named "Name" on the first page.
    pub form: bool,
}

impl ReportSpec {
    pub fn a4(tag: &str, pages: u32) -> Self {
        Self {
            tag: tag.to_string(),
            pages,
            size: (595.0, 842.0),
            rotate_even: 0,
            full_bleed: false,
            bookmarks: false,
            form: false,
        }
    }
}

/// A report PDF made with lopdf, in Helvetica.
pub fn report_pdf(spec: &ReportSpec) -> Vec<u8> {
    use lopdf::{dictionary, Bookmark, Document, Object, Stream};
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let (w, h) = spec.size;
    let mut kids = Vec::new();
    for n in 1..=spec.pages {
        let mut ops = String::new();
        if spec.full_bleed {
            ops.push_str(&format!("0.85 g 0 0 {w} {h} re f 0 g\n"));
        }
        ops.push_str(&format!(
            "BT /F1 14 Tf 72 {} Td ({} page {n}) Tj ET\n",
            h - 90.0,
            spec.tag
        ));
        ops.push_str(&format!(
            "BT /F1 10 Tf 72 {} Td (Body text of {} on its page {n}.) Tj ET\n",
            h / 2.0,
            spec.tag
        ));
        // A scan runs to the edge: its footer sits where a stamp would go.
        ops.push_str(&format!(
            "BT /F1 8 Tf 72 {} Td ({} footer {n}) Tj ET\n",
            if spec.full_bleed { 10 } else { 40 },
            spec.tag
        ));
        let content = doc.add_object(Stream::new(dictionary! {}, ops.into_bytes()));
        let mut page = dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        };
        if spec.rotate_even != 0 && n % 2 == 0 {
            page.set("Rotate", spec.rotate_even);
        }
        kids.push(doc.add_object(page));
    }
    // Resources and the media box are inherited from the page tree, as many producers do.
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids.iter().map(|k| Object::Reference(*k)).collect::<Vec<_>>(),
            "Count" => spec.pages as i64,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(w), Object::Real(h)],
        }),
    );
    let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
    if spec.form {
        let field = doc.add_object(dictionary! {
            "Type" => "Annot", "Subtype" => "Widget", "FT" => "Tx",
            "T" => Object::string_literal("Name"),
            "Rect" => vec![72.into(), 300.into(), 300.into(), 320.into()],
            "P" => kids[0],
            "DA" => Object::string_literal("/F1 10 Tf 0 g"),
            "V" => Object::string_literal(format!("{} form value", spec.tag)),
        });
        if let Ok(page) = doc.get_dictionary_mut(kids[0]) {
            page.set("Annots", vec![Object::Reference(field)]);
        }
        catalog.set(
            "AcroForm",
            dictionary! {
                "Fields" => vec![Object::Reference(field)],
                "DR" => dictionary! { "Font" => dictionary! { "F1" => font } },
                "NeedAppearances" => true,
            },
        );
    }
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", catalog_id);
    if spec.bookmarks {
        for (i, k) in kids.iter().enumerate() {
            doc.add_bookmark(
                Bookmark::new(format!("{} section {}", spec.tag, i + 1), [0.0; 3], 0, *k),
                None,
            );
        }
        if let Some(outline) = doc.build_outline() {
            if let Ok(c) = doc.get_dictionary_mut(catalog_id) {
                c.set("Outlines", outline);
            }
        }
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("report PDF written");
    out
}

// The agenda-pack fixture (tests/agenda_pack.rs, tests/wording.rs).

pub struct Meeting {
    pub store: Store,
    pub meeting: Uuid,
    /// Document id by tag.
    pub docs: HashMap<String, Uuid>,
}

/// The demo council's scrutiny meeting of 2nd February, 2015, with the standing items and
/// reports: A (3 pages) and appendix B (2 landscape pages) on the inspection item; C (4 US
/// Letter pages with its own bookmarks and a form, even pages turned) on a budget item; D
/// (2 pages printed to the edge) on a part 2 item.
pub fn meeting_with_reports() -> Meeting {
    let mut store = Store::open_in_memory().unwrap();
    demo::load_demo(&mut store).unwrap();
    let meeting = store.find_meeting("2015-02-02", None).unwrap();
    store.add_standing_items(meeting).unwrap();
    store
        .set_meeting_pack_info(&minutes_core::pack::MeetingPackInfo {
            meeting_id: meeting,
            contact_officer: "Ms. E. Rees, Democratic Services Officer".into(),
            contact_details: "01792 000000".into(),
            agenda_published_on: chrono::NaiveDate::from_ymd_opt(2015, 1, 27),
        })
        .unwrap();
    let inspection = store
        .add_agenda_item(
            meeting,
            &NewAgendaItem::report("Safeguarding inspection: progress report"),
        )
        .unwrap()
        .id;
    let budget = store
        .add_agenda_item(
            meeting,
            &NewAgendaItem {
                tag: "REF".into(),
                ..NewAgendaItem::report("Budget monitoring, quarter 2")
            },
        )
        .unwrap();
    let staffing = store
        .add_agenda_item(
            meeting,
            &NewAgendaItem {
                part: ItemPart::Exempt,
                exempt_paragraphs: vec!["12".into(), "14".into()],
                public_interest: "The public interest in keeping the information exempt \
                                  outweighs the public interest in disclosing it."
                    .into(),
                ..NewAgendaItem::report("Staffing restructure")
            },
        )
        .unwrap();
    let mut docs = HashMap::new();
    let mut attach = |item: Uuid, title: &str, kind: DocumentKind, spec: ReportSpec| {
        let d = attach_report(&mut store, item, title, kind, &spec);
        docs.insert(spec.tag.clone(), d.id);
    };
    attach(
        inspection,
        "Report of the Director of Social Services",
        DocumentKind::Report,
        ReportSpec::a4("ALPHA", 3),
    );
    attach(
        inspection,
        "Appendix A: inspection findings",
        DocumentKind::Appendix,
        ReportSpec {
            size: (842.0, 595.0),
            ..ReportSpec::a4("BRAVO", 2)
        },
    );
    attach(
        budget.id,
        "Budget monitoring report",
        DocumentKind::Report,
        ReportSpec {
            size: (612.0, 792.0),
            rotate_even: 90,
            bookmarks: true,
            form: true,
            ..ReportSpec::a4("CHARLIE", 4)
        },
    );
    attach(
        staffing.id,
        "Staffing restructure: options",
        DocumentKind::Report,
        ReportSpec {
            full_bleed: true,
            ..ReportSpec::a4("DELTA", 2)
        },
    );
    Meeting {
        store,
        meeting,
        docs,
    }
}

// The recommendation-tracker fixture (tests/tracker.rs, tests/wording.rs).

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub const FROM: (i32, u32, u32) = (2015, 1, 1);
pub const TO: (i32, u32, u32) = (2015, 3, 31);
pub const TODAY: (i32, u32, u32) = (2015, 3, 20);

pub fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

/// A response of `n` numbered words ("w1 ... wN") in two paragraphs.
pub fn long_response(n: usize) -> String {
    let words: Vec<String> = (1..=n).map(|i| format!("w{i}")).collect();
    let half = n / 2;
    format!(
        "Cabinet accepted recommendations {} and asked officers to report again\n\n{}",
        words[..half].join(" "),
        words[half..].join(" ")
    )
}

pub struct Fixture {
    pub store: Store,
    pub ids: DemoIds,
    pub cabinet_meeting: Uuid,
    pub scrutiny_feb: Uuid,
}

pub fn fixture() -> Fixture {
    let mut store = Store::open_in_memory().unwrap();
    let ids = demo::load_demo(&mut store).unwrap();
    let cabinet_meeting = store.find_meeting("2015-01-26", Some("Cabinet")).unwrap();
    let scrutiny = store.body(ids.scrutiny).unwrap().name_en;
    let scrutiny_feb = store.find_meeting("2015-02-02", Some(&scrutiny)).unwrap();
    Fixture {
        store,
        ids,
        cabinet_meeting,
        scrutiny_feb,
    }
}

impl Fixture {
    /// A new limb of the demo inspection minute, referred on `sent_on`.
    pub fn refer(
        &mut self,
        text: &str,
        to: Option<Uuid>,
        external: &str,
        sent_on: NaiveDate,
    ) -> Uuid {
        let res = self
            .store
            .add_resolution(
                self.ids.inspection_minute,
                &NewResolution {
                    keyword: None,
                    text: text.into(),
                    reason: "To follow the inspection's findings.".into(),
                    conditional_on: None,
                    vote: String::new(),
                    reason_not_needed: false,
                },
            )
            .unwrap();
        self.store
            .add_referral(&NewReferral {
                resolution_id: Some(res.id),
                from_body_id: None,
                to_body_id: to,
                to_external: external.into(),
                purpose: ReferralPurpose::ForDecision,
                sent_on,
                response_due: None,
            })
            .unwrap()
            .id
    }

    pub fn answer(&mut self, referral: Uuid, outcome: ReferralOutcome, text: &str) {
        self.store
            .record_outcome(
                referral,
                &OutcomeInput {
                    outcome,
                    response_text: text.into(),
                    meeting_id: Some(self.cabinet_meeting),
                    minute_id: None,
                },
            )
            .unwrap();
    }

    pub fn report(&self) -> TrackerReport {
        self.store
            .tracker_report(
                self.ids.scrutiny,
                d(FROM.0, FROM.1, FROM.2),
                d(TO.0, TO.1, TO.2),
                today(),
            )
            .unwrap()
    }
}

/// The demo's overdue referral, and three more: answered "accepted in part" with a 600-word
/// response, accepted then reported back and closed, and one to an outside body not yet due.
pub fn four_states() -> Fixture {
    let mut f = fixture();
    let cabinet = Some(f.ids.cabinet);
    let answered = f.refer(
        "a corporate parenting strategy be adopted",
        cabinet,
        "",
        d(2015, 1, 8),
    );
    f.answer(
        answered,
        ReferralOutcome::AcceptedInPart,
        &long_response(600),
    );
    let closed = f.refer(
        "a shared profile of vulnerable children be kept",
        cabinet,
        "",
        d(2015, 1, 9),
    );
    f.answer(
        closed,
        ReferralOutcome::Accepted,
        "Cabinet agreed the profile.",
    );
    let feb = f.scrutiny_feb;
    f.store
        .advance_referral(closed, &ReferralStep::ReportBack { meeting_id: feb })
        .unwrap();
    f.store
        .advance_referral(closed, &ReferralStep::Close { on: d(2015, 2, 3) })
        .unwrap();
    f.refer(
        "the Health Board be asked to review waiting times for mental health services",
        None,
        "Abertawe Bro Morgannwg University Health Board",
        d(2015, 3, 2),
    );
    f
}

/// Attaches the generated report `spec` to `item`, its pages counted as the app counts them.
pub fn attach_report(
    store: &mut Store,
    item: Uuid,
    title: &str,
    kind: DocumentKind,
    spec: &ReportSpec,
) -> minutes_core::DocumentInfo {
    let pdf = report_pdf(spec);
    let pages = minutes_pdf::report_pages(&pdf).unwrap();
    store
        .attach_document(item, title, kind, &pdf, pages)
        .unwrap()
}
