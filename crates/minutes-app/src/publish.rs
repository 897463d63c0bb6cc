//! Publishing the public website of the record ([`Council::publish`]): a static site of the
//! committees, the calendar, each meeting's agenda, minutes and notice of decisions (HTML and
//! PDF), a page per resolution with its referrals and call-ins, the register's search, the
//! calendars and the OParl data, in English and Welsh. `minutes-site` words the pages; this
//! job decides what is public and writes only what changed.
//!
//! What is public: a meeting's agenda once published, its minutes once the draft has been
//! published to members (marked draft, approved or signed), its notice of decisions once
//! published; never an exempt minute, a Part 2 item's minute or report, or anything of a
//! meeting not yet published.
//!
//! Publishing again: the folder keeps a manifest (`.cofnod-site.json`) of the files written
//! and a fingerprint of each meeting's record ([`Store::meeting_fingerprints`]). A meeting
//! whose fingerprint is unchanged is not read again; every other file is written only when
//! its bytes differ from the file there; files the site no longer holds are removed. A folder
//! that holds anything else is refused, so a typo'd path never fills (or empties) a folder of
//! other files.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use minutes_core::front_sheet::front_sheet;
use minutes_core::render::{self, Visibility};
use minutes_core::site::{PublishProgress, PublishReport, PublishRequest};
use minutes_core::{DomainError, Language, MinutesStatus};
use minutes_site::{
    Committee, FileKind, FileLink, MeetingEntry, MeetingPage, Member, SearchRecord, SiteFile,
    SiteIndex,
};
use minutes_store::publish::PublicResolution;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{AppError, Council, Result};

/// The manifest's name in the site's folder.
pub const MANIFEST: &str = ".cofnod-site.json";
/// Bumped when the pages' layout changes: every meeting is then written again.
const LAYOUT: u32 = 1;
const LANGS: [Language; 2] = [Language::En, Language::Cy];

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    layout: u32,
    web_address: String,
    /// Each meeting's fingerprint and the files it wrote.
    meetings: BTreeMap<Uuid, MeetingFiles>,
    /// The digest of the search records, and the index's files.
    search: String,
    search_files: Vec<String>,
    /// Every file of the site.
    files: BTreeSet<String>,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct MeetingFiles {
    fingerprint: String,
    files: Vec<String>,
}

/// Writes files under the site's folder, counting what changed.
struct Writer {
    root: PathBuf,
    written: u32,
    unchanged: u32,
    files: BTreeSet<String>,
}

impl Writer {
    /// Writes `f` unless the file there has the same bytes (an iCalendar file: the same but
    /// for its DTSTAMP lines, which say when it was made).
    fn put(&mut self, f: &SiteFile) -> Result<()> {
        let path = self.root.join(&f.path);
        let same = match std::fs::read(&path) {
            Ok(old) if f.path.ends_with(".ics") => without_stamps(&old) == without_stamps(&f.bytes),
            Ok(old) => old == f.bytes,
            Err(_) => false,
        };
        self.files.insert(f.path.clone());
        if same {
            self.unchanged += 1;
            return Ok(());
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                AppError::io(format!("Cannot create the folder {}", dir.display()), e)
            })?;
        }
        // Written beside and renamed over: a reader never sees half a page.
        let tmp = path.with_extension("cofnod-tmp");
        std::fs::write(&tmp, &f.bytes)
            .and_then(|()| std::fs::rename(&tmp, &path))
            .map_err(|e| AppError::io(format!("Cannot write {}", path.display()), e))?;
        self.written += 1;
        Ok(())
    }

    /// Keeps files written by an earlier publishing that are still the site's.
    fn keep(&mut self, files: &[String]) {
        for f in files {
            if self.root.join(f).is_file() {
                self.files.insert(f.clone());
            }
        }
    }
}

fn without_stamps(b: &[u8]) -> Vec<&[u8]> {
    b.split(|c| *c == b'\n')
        .filter(|l| !l.starts_with(b"DTSTAMP"))
        .collect()
}

/// The folder to publish into: it must not be a file, and if it holds anything, it must be a
/// site Cofnod published (its manifest is there).
fn site_folder(folder: &str) -> Result<PathBuf> {
    let folder = folder.trim();
    if folder.is_empty() {
        return Err(
            DomainError::invalid("Folder", "choose the folder to publish the site into").into(),
        );
    }
    let root = PathBuf::from(folder);
    if root.is_file() {
        return Err(DomainError::invalid(
            "Folder",
            format!(
                "{} is a file, not a folder: choose a folder for the site",
                root.display()
            ),
        )
        .into());
    }
    if root.is_dir() && !root.join(MANIFEST).is_file() {
        let mut entries = std::fs::read_dir(&root)
            .map_err(|e| AppError::io(format!("Cannot read the folder {}", root.display()), e))?;
        if entries.next().is_some() {
            return Err(DomainError::invalid(
                "Folder",
                format!(
                    "{} already holds files that Cofnod did not publish: choose an empty folder, or the folder of a site published before",
                    root.display()
                ),
            )
            .into());
        }
    }
    std::fs::create_dir_all(&root)
        .map_err(|e| AppError::io(format!("Cannot create the folder {}", root.display()), e))?;
    Ok(root)
}

fn read_manifest(root: &Path) -> Manifest {
    std::fs::read(root.join(MANIFEST))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

fn entry(m: &minutes_core::Meeting) -> MeetingEntry {
    MeetingEntry {
        id: m.id,
        body_id: m.body_id,
        date: m.date,
        start_time: m.start_time,
        venue: m.venue.clone(),
        status: m.status,
        minutes_status: m.minutes_status,
    }
}

/// The search record of a public resolution in `lang`.
fn search_record(r: &PublicResolution, site: &SiteIndex, lang: Language) -> SearchRecord {
    let pick = |en: &str, cy: &str| -> String {
        if lang == Language::Cy && !cy.trim().is_empty() {
            cy.to_string()
        } else {
            en.to_string()
        }
    };
    let heading = pick(&r.heading, &r.heading_cy);
    let title = if r.limbs > 1 {
        format!("{}({}) {heading}", r.label, r.limb)
    } else {
        format!("{} {heading}", r.label)
    };
    let text = pick(&r.text, &r.text_cy);
    let reason = pick(&r.reason, &r.reason_cy);
    SearchRecord {
        resolution_id: r.resolution_id,
        lang,
        title,
        content: format!("{heading}\n{text}\n{reason}"),
        committee: site.body_name(r.body_id, lang).0,
        date: r.date,
        keyword: r.keyword,
        referred_to: r
            .referrals
            .iter()
            .map(|(to, external, _)| match to {
                Some(b) => site.body_name(*b, lang).0,
                None => external.clone(),
            })
            .collect(),
        statuses: r.referrals.iter().map(|(_, _, s)| *s).collect(),
    }
}

/// A kept signed print is published when it is tagged; minutes signed before prints were
/// tagged are printed again from their frozen record (the same words) for the site.
fn is_tagged(pdf: &[u8]) -> bool {
    pdf.windows(14).any(|w| w == b"StructTreeRoot")
}

impl Council {
    /// Publishes the public website of the record into `req.folder` (see the module's
    /// documentation), telling `progress` how far it has gone. "Cancel"
    /// ([`Council::cancel_pack`] with `req.job`) stops it after the meeting it is on, with a
    /// consistent site of what was done.
    pub fn publish(
        &self,
        req: &PublishRequest,
        progress: &mut dyn FnMut(PublishProgress),
    ) -> Result<PublishReport> {
        let today = self.today();
        // The address is checked (and the OParl base made) before anything is written.
        let base =
            minutes_core::validate::web_address("Web address", "the site", &req.web_address)?;
        let oparl_base = format!("{base}/oparl");
        let root = site_folder(&req.folder)?;
        let old = read_manifest(&root);
        // The folder is marked as the site's before anything is written in it, so a run that
        // fails half-way leaves a folder that publishing again takes up and finishes.
        if !root.join(MANIFEST).is_file() {
            let json = serde_json::to_vec(&old).map_err(|source| AppError::Json {
                what: "The site's manifest",
                source,
            })?;
            std::fs::write(root.join(MANIFEST), json).map_err(|e| {
                AppError::io(format!("Cannot write {}", root.join(MANIFEST).display()), e)
            })?;
        }
        let fresh = old.layout != LAYOUT || old.web_address != base;
        let (site, meetings, fingerprints, public) = self.read(|s| {
            let authority = s.authority()?;
            let people: HashMap<Uuid, minutes_core::Person> =
                s.people()?.into_iter().map(|p| (p.id, p)).collect();
            let mut committees = Vec::new();
            for body in s.bodies()?.into_iter().filter(|b| !b.retired) {
                let members = s
                    .memberships(body.id)?
                    .into_iter()
                    .filter(|m| m.to.is_none_or(|to| to >= today) && m.from <= today)
                    .filter_map(|m| {
                        people.get(&m.person_id).map(|p| Member {
                            name: p.display_name(),
                            role: m.role,
                        })
                    })
                    .collect();
                committees.push(Committee { body, members });
            }
            let meetings: Vec<minutes_core::Meeting> = s
                .list_meetings()?
                .into_iter()
                .map(|m| s.meeting(m.id))
                .collect::<std::result::Result<_, _>>()?;
            let fingerprints = s.meeting_fingerprints(&mut |id| {
                let rec = s.meeting_record(id)?;
                Ok(serde_json::to_string(&rec).unwrap_or_default())
            })?;
            Ok((
                SiteIndex {
                    authority,
                    committees,
                    meetings: meetings.iter().map(entry).collect(),
                    today,
                },
                meetings,
                fingerprints,
                s.public_resolutions()?,
            ))
        })?;
        let mut site = site;
        site.meetings.sort_by_key(|m| (m.date, m.start_time, m.id));
        let published: HashSet<Uuid> = public.iter().map(|r| r.resolution_id).collect();
        let mut by_meeting: HashMap<Uuid, Vec<&PublicResolution>> = HashMap::new();
        for r in &public {
            by_meeting.entry(r.meeting_id).or_default().push(r);
        }

        let mut w = Writer {
            root: root.clone(),
            written: 0,
            unchanged: 0,
            files: BTreeSet::new(),
        };
        let mut manifest = Manifest {
            layout: LAYOUT,
            web_address: base.clone(),
            ..Manifest::default()
        };
        let total = meetings.len() as u32;
        let mut changed = 0;
        let mut cancelled = false;
        let fingerprints: HashMap<Uuid, String> = fingerprints.into_iter().collect();
        // Unchanged meetings keep their files; the others are read and worded on as many
        // threads as the machine has cores, and written here as each is done.
        let mut todo = Vec::new();
        for m in &meetings {
            let fingerprint = fingerprints.get(&m.id).cloned().unwrap_or_default();
            match old.meetings.get(&m.id) {
                Some(b) if !fresh && b.fingerprint == fingerprint => {
                    w.keep(&b.files);
                    manifest.meetings.insert(m.id, b.clone());
                }
                _ => todo.push((m, fingerprint)),
            }
        }
        let unchanged = meetings.len() - todo.len();
        progress(PublishProgress {
            done: unchanged as u32,
            total,
            step: "meetings".into(),
        });
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let next = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        let mut failed: Option<AppError> = None;
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::channel();
            for _ in 0..threads {
                let tx = tx.clone();
                let (todo, next, stop) = (&todo, &next, &stop);
                let (site, by_meeting, published, oparl_base) =
                    (&site, &by_meeting, &published, &oparl_base);
                scope.spawn(move || loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= todo.len()
                        || stop.load(Ordering::SeqCst)
                        || self.pack_cancelled(req.job)
                    {
                        break;
                    }
                    let (m, _) = todo[i];
                    let files = self.meeting_files(site, m, by_meeting, published, oparl_base);
                    if tx.send((i, files)).is_err() {
                        break;
                    }
                });
            }
            drop(tx);
            for (i, files) in rx {
                let written = files.and_then(|files| {
                    for f in &files {
                        w.put(f)?;
                    }
                    Ok(files.into_iter().map(|f| f.path).collect::<Vec<_>>())
                });
                match written {
                    Ok(files) => {
                        let (m, fingerprint) = &todo[i];
                        changed += 1;
                        manifest.meetings.insert(
                            m.id,
                            MeetingFiles {
                                fingerprint: fingerprint.clone(),
                                files,
                            },
                        );
                    }
                    Err(e) => {
                        stop.store(true, Ordering::SeqCst);
                        failed.get_or_insert(e);
                    }
                }
                if changed % 25 == 0 {
                    progress(PublishProgress {
                        done: (unchanged + changed) as u32,
                        total,
                        step: "meetings".into(),
                    });
                }
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        if changed < todo.len() {
            cancelled = true;
            // What is not done yet keeps its files and fingerprint of last time.
            for (id, f) in &old.meetings {
                if !manifest.meetings.contains_key(id) {
                    w.keep(&f.files);
                    manifest.meetings.insert(*id, f.clone());
                }
            }
        }

        // The pages of the whole site: written every time, kept where unchanged.
        progress(PublishProgress {
            done: total,
            total,
            step: "pages".into(),
        });
        let mut pages = minutes_site::assets();
        pages.push(site.language_choice());
        for lang in LANGS {
            let referred: Vec<String> = referred_in(&public, &site, lang);
            pages.push(site.home(lang));
            pages.push(site.committees_page(lang));
            pages.push(site.calendar_page(lang));
            pages.push(site.register_page(lang, &referred));
            for y in site.years() {
                pages.push(site.year_page(y, lang));
            }
            for c in &site.committees {
                pages.push(site.committee_page(c, lang));
            }
        }
        let stamp = self.clock().now();
        for c in &site.committees {
            let ics = self.read(|s| Ok(s.meetings_ics(c.body.id, stamp)?))?;
            pages.push(SiteFile::new(format!("ics/{}.ics", c.body.id), ics));
        }
        for f in &pages {
            w.put(f)?;
        }

        // The OParl data.
        progress(PublishProgress {
            done: total,
            total,
            step: "open-data".into(),
        });
        let oparl = self.read(|s| Ok(s.oparl_files(&oparl_base)?))?;
        for (path, value) in oparl {
            let json = serde_json::to_vec_pretty(&value).map_err(|source| AppError::Json {
                what: "The OParl data",
                source,
            })?;
            w.put(&SiteFile::new(format!("oparl/{path}"), json))?;
        }

        // The register's search: built again only when a public resolution changed.
        progress(PublishProgress {
            done: total,
            total,
            step: "search".into(),
        });
        let records: Vec<SearchRecord> = LANGS
            .iter()
            .flat_map(|l| public.iter().map(|r| search_record(r, &site, *l)))
            .collect();
        let digest = search_digest(&records);
        let kept = !fresh
            && digest == old.search
            && old.search_files.iter().all(|f| root.join(f).is_file());
        if kept {
            w.keep(&old.search_files);
            manifest.search_files = old.search_files.clone();
        } else {
            let files = minutes_site::build_search_index(&records)
                .map_err(|e| DomainError::Conflict(e.to_string()))?;
            for f in &files {
                w.put(f)?;
            }
            manifest.search_files = files.into_iter().map(|f| f.path).collect();
        }
        manifest.search = digest;

        // What the site no longer holds goes (a cancelled run removes nothing).
        let mut removed = 0;
        if !cancelled {
            for f in old.files.difference(&w.files) {
                let path = root.join(f);
                if path.is_file() && std::fs::remove_file(&path).is_ok() {
                    removed += 1;
                }
            }
        }
        manifest.files = w.files.clone();
        let json = serde_json::to_vec(&manifest).map_err(|source| AppError::Json {
            what: "The site's manifest",
            source,
        })?;
        if std::fs::read(root.join(MANIFEST)).ok().as_deref() != Some(&json[..]) {
            std::fs::write(root.join(MANIFEST), json).map_err(|e| {
                AppError::io(format!("Cannot write {}", root.join(MANIFEST).display()), e)
            })?;
        }
        let bytes = w
            .files
            .iter()
            .filter_map(|f| std::fs::metadata(root.join(f)).ok())
            .map(|m| m.len())
            .sum();
        progress(PublishProgress {
            done: total,
            total,
            step: "done".into(),
        });
        Ok(PublishReport {
            folder: root.display().to_string(),
            files: w.files.len() as u32,
            written: w.written,
            unchanged: w.unchanged,
            removed,
            bytes,
            meetings: total,
            meetings_changed: changed as u32,
            resolutions: public.len() as u32,
            cancelled,
        })
    }

    /// A meeting's files in both languages: its page, its resolutions' pages and its PDFs.
    fn meeting_files(
        &self,
        site: &SiteIndex,
        m: &minutes_core::Meeting,
        by_meeting: &HashMap<Uuid, Vec<&PublicResolution>>,
        published: &HashSet<Uuid>,
        _oparl_base: &str,
    ) -> Result<Vec<SiteFile>> {
        let today = self.today();
        let e = entry(m);
        let agenda_out = e.agenda_published();
        let minutes_out = e.minutes_published();
        let (rec, pack_input, pages) = self.read(|s| {
            let rec = s.meeting_record(m.id)?;
            let input = if agenda_out {
                Some(s.pack_input(m.id, false)?)
            } else {
                None
            };
            let res = by_meeting.get(&m.id).cloned().unwrap_or_default();
            let pages = res
                .iter()
                .map(|r| s.resolution_page(r.resolution_id, today))
                .collect::<std::result::Result<Vec<_>, _>>()?;
            Ok((rec, input, pages))
        })?;
        let mut files = Vec::new();
        let dir = format!("pdf/{}", m.id);
        let mut resolutions: Vec<(String, Vec<(u32, Uuid)>)> = Vec::new();
        for r in by_meeting.get(&m.id).into_iter().flatten() {
            match resolutions.iter_mut().find(|(l, _)| *l == r.label) {
                Some((_, v)) => v.push((r.limb, r.resolution_id)),
                None => resolutions.push((r.label.clone(), vec![(r.limb, r.resolution_id)])),
            }
        }
        for lang in LANGS {
            let code = minutes_site::folder(lang);
            let mut links = Vec::new();
            let mut pdf =
                |kind: FileKind, name: &str, bytes: Vec<u8>, files: &mut Vec<SiteFile>| {
                    let path = format!("{dir}/{name}-{code}.pdf");
                    links.push(FileLink {
                        kind,
                        path: path.clone(),
                        bytes: bytes.len() as u64,
                    });
                    files.push(SiteFile::new(path, bytes));
                };
            let agenda = match (&pack_input, rec.pack_issues.iter().find(|i| i.number == 0)) {
                (Some(input), issued) => {
                    let pages = issued.map(|i| i.documents.clone()).unwrap_or_default();
                    let on = issued.map(|i| i.issued_on).unwrap_or(m.date);
                    if issued.is_some() {
                        let job = crate::PackJob {
                            meeting_id: m.id,
                            edition: crate::Edition {
                                language: lang,
                                visibility: Visibility::Public,
                                bilingual: false,
                            },
                            supplement: false,
                            issue: false,
                            print_job: 0,
                        };
                        let printed = self.read(|s| {
                            crate::print::print_pack(s, &job, on, &mut |_| {
                                std::ops::ControlFlow::Continue(())
                            })
                        })?;
                        pdf(FileKind::AgendaPack, "agenda-pack", printed.pdf, &mut files);
                    }
                    Some(front_sheet(input, lang, Visibility::Public, on, &pages).document)
                }
                _ => None,
            };
            let minutes = if minutes_out {
                let kept = if rec.meeting.minutes_status == MinutesStatus::Signed {
                    self.read(|s| Ok(s.signed_pdf(m.id, lang, Visibility::Public)?))?
                        .filter(|p| is_tagged(p))
                } else {
                    None
                };
                let bytes = match kept {
                    Some(p) => p,
                    None => minutes_pdf::print_meeting(&rec, lang, Visibility::Public)?,
                };
                pdf(FileKind::Minutes, "minutes", bytes, &mut files);
                Some(render::minutes_document(&rec, lang, Visibility::Public))
            } else {
                None
            };
            let notice = match &rec.decisions_notice {
                Some(n) => {
                    let bytes = minutes_pdf::decisions_notice_pdf(&rec, lang, n.published_on)?;
                    pdf(FileKind::Notice, "notice-of-decisions", bytes, &mut files);
                    Some(minutes_core::notice::decisions_notice(
                        &rec,
                        lang,
                        n.published_on,
                    ))
                }
                None => None,
            };
            let page = MeetingPage {
                entry: e.clone(),
                agenda,
                minutes,
                notice,
                files: links,
                resolutions: resolutions.clone(),
            };
            files.push(site.meeting_page(&page, lang));
            for p in &pages {
                let oparl = p
                    .minute
                    .minute
                    .agenda_item_id
                    .map(|i| format!("oparl/agendaitem/{i}.json"));
                let welsh = by_meeting
                    .get(&m.id)
                    .into_iter()
                    .flatten()
                    .find(|r| r.resolution_id == p.resolution.id)
                    .map(|r| minutes_site::WelshTexts {
                        heading: r.heading_cy.clone(),
                        text: r.text_cy.clone(),
                        reason: r.reason_cy.clone(),
                    });
                files.push(site.resolution_page(
                    p,
                    lang,
                    published,
                    oparl.as_deref(),
                    welsh.as_ref(),
                ));
            }
        }
        Ok(files)
    }
}

/// The bodies the public resolutions were referred to, named in `lang`.
fn referred_in(public: &[PublicResolution], site: &SiteIndex, lang: Language) -> Vec<String> {
    let mut out: BTreeSet<String> = BTreeSet::new();
    for r in public {
        for (to, external, _) in &r.referrals {
            out.insert(match to {
                Some(b) => site.body_name(*b, lang).0,
                None => external.clone(),
            });
        }
    }
    out.into_iter().collect()
}

fn search_digest(records: &[SearchRecord]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for r in records {
        h.update(format!("{r:?}").as_bytes());
    }
    format!("{:x}", h.finalize())
}
