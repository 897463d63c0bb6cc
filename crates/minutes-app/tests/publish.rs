//! The published website, as a member of the public would read it and as a clerk publishes it
//! again: nothing of a Part 2 minute in any file (HTML, PDF text, the search index, OParl),
//! nothing not yet published, only what changed rewritten, and a wrong folder or address
//! refused with nothing written.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::NaiveDate;
use minutes_app::core::input::{NewAgendaItem, NewResolution};
use minutes_app::core::site::{PublishReport, PublishRequest};
use minutes_app::core::{BlockContent, ItemOrigin, ItemPart};
use minutes_app::{Clock, Council};

const MANIFEST_NAME: &str = ".cofnod-site.json";
const SECRET: &str = "the restructure of the fostering team be approved in confidence";
const SECRET_SPEECH: &str = "Members discussed the named officers whose posts would close";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The demo council, with a Part 2 item minuted at the January meeting, its draft published.
fn council() -> (tempfile::TempDir, Council, minutes_store::demo::DemoIds) {
    let dir = tempfile::tempdir().unwrap();
    let council = Council::open(
        &dir.path().join("cofnod.sqlite3"),
        Clock::Fixed(date(2015, 1, 20)),
    )
    .unwrap();
    let ids = council.load_demo().unwrap();
    council
        .write(|s| {
            let item = s.add_agenda_item(
                ids.meeting,
                &NewAgendaItem {
                    part: ItemPart::Exempt,
                    exempt_paragraphs: vec!["12".into()],
                    public_interest: "The public interest in keeping the information exempt \
                                      outweighs the public interest in disclosing it."
                        .into(),
                    origin: ItemOrigin::Urgent,
                    urgent_reason: "A decision was needed before the service's contracts end."
                        .into(),
                    ..NewAgendaItem::report("Fostering service staffing")
                },
            )?;
            let minute = s.add_minute(ids.meeting, Some(item.id), "Fostering service staffing")?;
            s.add_block(
                minute.id,
                &BlockContent::Narrative {
                    text: SECRET_SPEECH.into(),
                },
            )?;
            s.add_resolution(
                minute.id,
                &NewResolution {
                    keyword: None,
                    text: SECRET.into(),
                    reason: "To keep the service safe.".into(),
                    conditional_on: None,
                    vote: String::new(),
                    reason_not_needed: false,
                },
            )?;
            s.publish_draft(ids.meeting)
        })
        .unwrap();
    (dir, council, ids)
}

fn publish(c: &Council, folder: &Path) -> minutes_app::Result<PublishReport> {
    c.publish(
        &PublishRequest {
            folder: folder.display().to_string(),
            web_address: "https://democracy.glantawe.gov.uk/".into(),
            job: 0,
        },
        &mut |_| {},
    )
}

fn files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A file's words as a reader (or a search engine) gets them: PDFs through pdftotext,
/// Pagefind's compressed index files unpacked.
fn words(p: &Path) -> String {
    let bytes = std::fs::read(p).unwrap();
    if p.extension().is_some_and(|e| e == "pdf") {
        let out = std::process::Command::new("pdftotext")
            .args([p.to_str().unwrap(), "-"])
            .output()
            .expect("pdftotext (poppler-utils) runs");
        return String::from_utf8_lossy(&out.stdout).into_owned();
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut s = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut s)
            .unwrap();
        return String::from_utf8_lossy(&s).into_owned();
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn stamps(root: &Path) -> BTreeMap<PathBuf, (SystemTime, Vec<u8>)> {
    files(root)
        .into_iter()
        .map(|p| {
            let m = std::fs::metadata(&p).unwrap().modified().unwrap();
            let b = std::fs::read(&p).unwrap();
            (p, (m, b))
        })
        .collect()
}

#[test]
fn the_site_holds_no_word_of_a_part_2_minute() {
    let (dir, c, ids) = council();
    let site = dir.path().join("site");
    let report = publish(&c, &site).unwrap();
    assert!(!report.cancelled);
    let all = files(&site);
    assert!(all.len() > 40, "a whole site: {}", all.len());
    let mut searched = 0;
    for p in &all {
        let text = words(p);
        searched += 1;
        for secret in [SECRET, SECRET_SPEECH, "fostering team", "named officers"] {
            assert!(!text.contains(secret), "{} holds {secret:?}", p.display());
        }
    }
    assert!(searched > 40);
    // Every PDF on the site is tagged (an accessibility checker reads its structure).
    let pdfs: Vec<&PathBuf> = all
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert!(
        pdfs.len() >= 4,
        "minutes and agenda packs in both languages: {pdfs:?}"
    );
    for p in pdfs {
        let info = std::process::Command::new("pdfinfo")
            .arg(p)
            .output()
            .expect("pdfinfo runs");
        let info = String::from_utf8_lossy(&info.stdout);
        assert!(
            info.lines()
                .any(|l| l.starts_with("Tagged:") && l.ends_with("yes")),
            "{}: {info}",
            p.display()
        );
    }
    // The same words are in the confidential record, so the test can fail.
    let minutes = c
        .minutes_text(ids.meeting, minutes_app::Edition::from_flags(false, true))
        .unwrap();
    assert!(
        minutes.contains("fostering team"),
        "the confidential minutes hold the words"
    );
    // The public minute says it was considered in private.
    let page =
        std::fs::read_to_string(site.join(format!("en/meeting/{}.html", ids.meeting))).unwrap();
    assert!(
        page.contains("This item was considered in private"),
        "{page}"
    );
    assert!(
        page.contains("Draft minutes: not yet approved"),
        "marked draft"
    );
}

#[test]
fn nothing_not_yet_published_is_on_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let c = Council::open(
        &dir.path().join("db.sqlite3"),
        Clock::Fixed(date(2015, 1, 20)),
    )
    .unwrap();
    let ids = c.load_demo().unwrap();
    let site = dir.path().join("site");
    publish(&c, &site).unwrap();
    // The January minutes are still being drafted: their page says so, and holds none of them.
    let page =
        std::fs::read_to_string(site.join(format!("en/meeting/{}.html", ids.meeting))).unwrap();
    assert!(page.contains("The minutes have not been published yet."));
    let rec = c.read(|s| Ok(s.meeting_record(ids.meeting)?)).unwrap();
    let limb = &rec
        .minutes
        .iter()
        .find(|m| m.minute.id == ids.inspection_minute)
        .unwrap()
        .resolutions[0];
    for p in files(&site) {
        assert!(
            !words(&p).contains(&limb.text),
            "{} holds a draft resolution",
            p.display()
        );
    }
    assert!(!site
        .join(format!("pdf/{}/minutes-en.pdf", ids.meeting))
        .exists());
    // Its draft published, they are there, marked draft.
    c.write(|s| s.publish_draft(ids.meeting)).unwrap();
    let report = publish(&c, &site).unwrap();
    assert_eq!(
        report.meetings_changed, 1,
        "only the January meeting is read again"
    );
    let page =
        std::fs::read_to_string(site.join(format!("en/meeting/{}.html", ids.meeting))).unwrap();
    assert!(page.contains("Draft minutes: not yet approved"));
    assert!(site
        .join(format!("pdf/{}/minutes-en.pdf", ids.meeting))
        .exists());
    assert!(site
        .join(format!("en/resolution/{}.html", limb.id))
        .exists());
    assert!(site
        .join(format!("cy/resolution/{}.html", limb.id))
        .exists());
}

#[test]
fn publishing_again_rewrites_only_what_changed() {
    let (dir, c, ids) = council();
    let site = dir.path().join("site");
    publish(&c, &site).unwrap();
    let before = stamps(&site);
    std::thread::sleep(std::time::Duration::from_millis(20));

    // Nothing changed: nothing is written, no meeting is read again.
    let again = publish(&c, &site).unwrap();
    assert_eq!(
        (again.written, again.removed, again.meetings_changed),
        (0, 0, 0),
        "{again:?}"
    );
    let now = stamps(&site);
    let touched: Vec<&PathBuf> = now
        .keys()
        .filter(|p| before.get(*p) != now.get(*p))
        .collect();
    assert!(
        touched.is_empty(),
        "rewritten with nothing changed: {touched:?}"
    );
    assert_eq!(now.len(), before.len());

    // One resolution of the January meeting is reworded: that meeting's pages, the register's
    // search and the open data change; the other meetings' files are not touched.
    let rec = c.read(|s| Ok(s.meeting_record(ids.meeting)?)).unwrap();
    let limb = rec
        .minutes
        .iter()
        .find(|m| m.minute.id == ids.inspection_minute)
        .unwrap()
        .resolutions[0]
        .clone();
    c.write(|s| {
        s.update_resolution(
            limb.id,
            &NewResolution {
                keyword: Some(limb.keyword),
                text: format!("{} (as amended)", limb.text),
                reason: limb.reason.clone(),
                conditional_on: limb.conditional_on,
                vote: limb.vote.clone(),
                reason_not_needed: limb.reason_not_needed,
            },
        )
    })
    .unwrap();
    let after = publish(&c, &site).unwrap();
    assert_eq!(after.meetings_changed, 1, "{after:?}");
    let now = stamps(&site);
    let changed: Vec<String> = now
        .iter()
        .filter(|(p, v)| before.get(*p) != Some(v))
        .map(|(p, _)| p.strip_prefix(&site).unwrap().display().to_string())
        .collect();
    let january = ids.meeting.to_string();
    let page = format!("en/resolution/{}.html", limb.id);
    assert!(changed.contains(&page), "{changed:?}");
    for f in &changed {
        assert!(
            f.contains(&january)
                || f == MANIFEST_NAME
                || f.starts_with("search/")
                || f.starts_with("oparl/")
                || f.contains("/resolution/"),
            "{f} was rewritten though its meeting did not change"
        );
    }
    let other = format!("en/meeting/{}.html", ids.previous_meeting);
    assert_eq!(before.get(&site.join(&other)), now.get(&site.join(&other)));
    assert!(std::fs::read_to_string(site.join(&page))
        .unwrap()
        .contains("(as amended)"));
}

#[test]
fn a_folder_of_other_files_or_a_bad_address_is_refused_and_nothing_written() {
    let (dir, c, _) = council();
    let folder = dir.path().join("documents");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("budget.xlsx"), b"the treasurer's file").unwrap();
    let err = publish(&c, &folder).unwrap_err().to_string();
    assert!(
        err.contains("already holds files that Cofnod did not publish"),
        "{err}"
    );
    assert_eq!(
        files(&folder),
        vec![folder.join("budget.xlsx")],
        "nothing written, nothing removed"
    );

    let file = dir.path().join("site.txt");
    std::fs::write(&file, b"x").unwrap();
    let err = publish(&c, &file).unwrap_err().to_string();
    assert!(err.contains("is a file, not a folder"), "{err}");

    let empty = dir.path().join("new-site");
    let err = c
        .publish(
            &PublishRequest {
                folder: empty.display().to_string(),
                web_address: "democracy.glantawe.gov.uk".into(),
                job: 0,
            },
            &mut |_| {},
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("web address"), "{err}");
    assert!(
        !empty.exists() || files(&empty).is_empty(),
        "nothing written"
    );
}

#[test]
fn a_cancelled_publishing_leaves_a_site_that_publishing_again_completes() {
    let (dir, c, _) = council();
    let site = dir.path().join("site");
    c.cancel_pack(7);
    let report = c
        .publish(
            &PublishRequest {
                folder: site.display().to_string(),
                web_address: "https://democracy.glantawe.gov.uk/".into(),
                job: 7,
            },
            &mut |_| {},
        )
        .unwrap();
    assert!(report.cancelled);
    assert_eq!(report.meetings_changed, 0);
    c.cancel_pack(0);
    let report = publish(&c, &site).unwrap();
    assert!(!report.cancelled);
    assert_eq!(report.meetings_changed, report.meetings);
    assert!(site.join("en/register.html").is_file());
}
