//! Fixtures shared by the tests and the benchmark: the demo meeting from minutes-store, a
//! generated 40-item meeting with long texts, and poppler run on a PDF.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

use minutes_core::{Block, BlockContent, Keyword, MeetingRecord, MinuteRecord, Resolution};
use minutes_store::{demo, Store};
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
                "(DSS)".into()
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
