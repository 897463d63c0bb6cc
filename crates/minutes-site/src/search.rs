//! The register's search: one Pagefind record per published resolution in each language,
//! with the app's filters (committee, year for the dates, decision, referred to, referral
//! status), built into Pagefind's static index under `search/`; and the register's page,
//! whose script (`assets/register.js`) searches it as you type.

use std::collections::BTreeMap;

use maud::html;
use minutes_core::labels::{keyword, label, Label};
use minutes_core::{Keyword, Language, ReferralStatus};
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use uuid::Uuid;

use crate::html::code;
use crate::pages::SiteIndex;
use crate::words::{w, W};
use crate::{SiteError, SiteFile};

/// One resolution as the search finds it, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRecord {
    pub resolution_id: Uuid,
    pub lang: Language,
    /// "701(1) Budget monitoring": the result's heading.
    pub title: String,
    /// The words searched: the resolution, its reason and its minute's heading.
    pub content: String,
    pub committee: String,
    pub date: chrono::NaiveDate,
    pub keyword: Keyword,
    /// The bodies its referrals went to.
    pub referred_to: Vec<String>,
    pub statuses: Vec<ReferralStatus>,
}

/// A referral's status as the register's filter names it.
pub fn status_word(s: ReferralStatus, lang: Language) -> &'static str {
    label(
        match s {
            ReferralStatus::Issued => Label::StatusIssued,
            ReferralStatus::Scheduled => Label::StatusScheduled,
            ReferralStatus::Considered => Label::Considered,
            ReferralStatus::ReportedBack => Label::StatusReportedBack,
            ReferralStatus::Closed => Label::Closed,
        },
        lang,
    )
}

const STATUSES: [ReferralStatus; 5] = [
    ReferralStatus::Issued,
    ReferralStatus::Scheduled,
    ReferralStatus::Considered,
    ReferralStatus::ReportedBack,
    ReferralStatus::Closed,
];

/// Builds the search index of `records`: the files of Pagefind's bundle (its index, its
/// fragments and its own search script), each under `search/`.
pub fn build_search_index(records: &[SearchRecord]) -> Result<Vec<SiteFile>, SiteError> {
    // On a thread of its own: a caller inside an async runtime (the app's shell) cannot start
    // another on its own thread.
    std::thread::scope(|scope| {
        scope
            .spawn(|| build_on_this_thread(records))
            .join()
            .unwrap_or_else(|_| Err(SiteError("the search index could not be built".into())))
    })
}

fn build_on_this_thread(records: &[SearchRecord]) -> Result<Vec<SiteFile>, SiteError> {
    fn err(e: impl std::fmt::Display) -> SiteError {
        SiteError(format!("the search index could not be built: {e}"))
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(err)?;
    runtime.block_on(async {
        let config = PagefindServiceConfig::builder()
            .keep_index_url(true)
            .build();
        let mut index = PagefindIndex::new(Some(config)).map_err(err)?;
        for r in records {
            let lang = r.lang;
            let mut meta = BTreeMap::new();
            meta.insert("title".to_string(), r.title.clone());
            meta.insert("committee".to_string(), r.committee.clone());
            meta.insert("date".to_string(), r.date.to_string());
            meta.insert(
                "when".to_string(),
                minutes_core::house_style::long_date(r.date, lang),
            );
            meta.insert("decision".to_string(), keyword(r.keyword, lang).to_string());
            let mut filters = BTreeMap::new();
            filters.insert("committee".to_string(), vec![r.committee.clone()]);
            filters.insert(
                "year".to_string(),
                vec![chrono::Datelike::year(&r.date).to_string()],
            );
            filters.insert(
                "decision".to_string(),
                vec![keyword(r.keyword, lang).to_string()],
            );
            if !r.referred_to.is_empty() {
                filters.insert("referred".to_string(), r.referred_to.clone());
            }
            if !r.statuses.is_empty() {
                filters.insert(
                    "status".to_string(),
                    r.statuses
                        .iter()
                        .map(|s| status_word(*s, lang).to_string())
                        .collect(),
                );
            }
            let mut sort = BTreeMap::new();
            sort.insert("date".to_string(), r.date.to_string());
            let mut content = r.content.clone();
            if lang == Language::Cy {
                // A search for a word's dictionary form finds it mutated: "cyngor" finds
                // "gyngor" and "nghyngor".
                let mut extra: Vec<String> = r
                    .content
                    .split(|c: char| !c.is_alphabetic() && c != '\'')
                    .flat_map(|w| minutes_core::welsh_search::radicals(&w.to_lowercase()))
                    .collect();
                extra.sort();
                extra.dedup();
                if !extra.is_empty() {
                    content.push_str("\n\n");
                    content.push_str(&extra.join(" "));
                }
            }
            index
                .add_custom_record(
                    format!("{}/resolution/{}.html", code(lang), r.resolution_id),
                    content,
                    code(lang).to_string(),
                    Some(meta),
                    Some(filters),
                    Some(sort),
                )
                .await
                .map_err(err)?;
        }
        let files = index.get_files().await.map_err(err)?;
        Ok(files
            .into_iter()
            .filter(|f| {
                // Pagefind's own ready-made interfaces are not used: the register's page has
                // its own accessible form.
                let name = f.filename.to_string_lossy();
                !(name.contains("-ui.")
                    || name.contains("playground")
                    || name.contains("highlight"))
            })
            .map(|f| {
                SiteFile::new(
                    format!("search/{}", f.filename.to_string_lossy().replace('\\', "/")),
                    f.contents,
                )
            })
            .collect())
    })
}

impl SiteIndex {
    /// The register's page: the search field and the filters, the results drawn as you type
    /// by `assets/register.js`.
    pub fn register_page(&self, lang: Language, referred_to: &[String]) -> SiteFile {
        let mut f = crate::html::Frame {
            lang,
            path: "register.html".into(),
            authority: lang.pick(
                &self.authority.name_en,
                if self.authority.name_cy.is_empty() {
                    &self.authority.name_en
                } else {
                    &self.authority.name_cy
                },
            ),
            crumbs: vec![(w(W::Home, lang).into(), "index.html".into())],
            title: w(W::Register, lang).into(),
            title_lang: None,
        };
        f.crumbs.truncate(1);
        let years = self.years();
        let root = f.root();
        let counts = lang.pick(
            (
                "No resolutions match.",
                "1 resolution",
                "{n} resolutions",
                "Showing the first {shown} of {n} resolutions.",
            ),
            (
                "Does dim penderfyniadau'n cyfateb.",
                "1 penderfyniad",
                "{n} o benderfyniadau",
                "Yn dangos y {shown} cyntaf o {n} o benderfyniadau.",
            ),
        );
        let content = html! {
            p { (w(W::SearchIntro, lang)) }
            form id="register" role="search" data-root=(root) data-none=(counts.0) data-one=(counts.1) data-many=(counts.2) data-shown=(counts.3) {
                p class="field" {
                    label for="q" { (w(W::SearchLabel, lang)) }
                    input id="q" name="q" type="search" autocomplete="off";
                }
                fieldset {
                    legend { (w(W::Filters, lang)) }
                    p class="field" {
                        label for="committee" { (w(W::Committee, lang)) }
                        select id="committee" name="committee" {
                            option value="" { (w(W::AnyCommittee, lang)) }
                            @for c in &self.committees {
                                @let (name, l) = self.body_name(c.body.id, lang);
                                option value=(name) lang=[l.map(code)] { (name) }
                            }
                        }
                    }
                    p class="field" {
                        label for="from" { (w(W::FromDate, lang)) " (" (lang.pick("year", "blwyddyn")) ")" }
                        select id="from" name="from" {
                            option value="" { "–" }
                            @for y in years.iter().rev() { option value=(y) { (y) } }
                        }
                    }
                    p class="field" {
                        label for="to" { (w(W::ToDate, lang)) " (" (lang.pick("year", "blwyddyn")) ")" }
                        select id="to" name="to" {
                            option value="" { "–" }
                            @for y in &years { option value=(y) { (y) } }
                        }
                    }
                    p class="field" {
                        label for="decision" { (w(W::Decision, lang)) }
                        select id="decision" name="decision" {
                            option value="" { (w(W::AnyDecision, lang)) }
                            @for k in [Keyword::Resolved, Keyword::Recommended, Keyword::Agreed] {
                                option value=(keyword(k, lang)) { (keyword(k, lang)) }
                            }
                        }
                    }
                    p class="field" {
                        label for="referred" { (w(W::ReferredTo, lang)) }
                        select id="referred" name="referred" {
                            option value="" { (w(W::Anyone, lang)) }
                            @for r in referred_to { option value=(r) { (r) } }
                        }
                    }
                    p class="field" {
                        label for="status" { (w(W::ReferralStatus, lang)) }
                        select id="status" name="status" {
                            option value="" { (w(W::AnyStatus, lang)) }
                            @for s in STATUSES { option value=(status_word(s, lang)) { (status_word(s, lang)) } }
                        }
                    }
                }
            }
            noscript { p { (w(W::SearchNeedsScript, lang)) } }
            p id="count" role="status" aria-live="polite" {}
            ol id="results" class="results" {}
            script type="module" src=(f.file("assets/register.js")) {}
        };
        f.page(content)
    }
}
