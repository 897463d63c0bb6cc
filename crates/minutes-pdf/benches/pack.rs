//! `cargo bench -p minutes-pdf --bench pack`: builds a 300-page agenda pack from 12 reports of
//! 25 pages (front sheet, agenda, stamps, bookmarks, reports read from the database) and
//! times poppler's `pdfunite` merging the same 12 files in the same run. The pack does more
//! than pdfunite; the target is within 2 times its time.

#[path = "../tests/common/mod.rs"]
mod common;

use std::ops::ControlFlow;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{report_pdf, ReportSpec};
use minutes_core::input::NewAgendaItem;
use minutes_core::render::Visibility;
use minutes_core::{DocumentKind, Language};
use minutes_pdf::{agenda_pack, PackOptions};
use minutes_store::{demo, Store};

const REPORTS: usize = 12;
const PAGES: u32 = 25;
const RUNS: usize = 5;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut store = Store::open_in_memory().expect("store");
    demo::load_demo(&mut store).expect("demo");
    // The next scrutiny meeting, whose agenda is not yet published.
    let meeting = store.find_meeting("2015-02-02", None).expect("meeting");
    let mut files = Vec::new();
    for r in 0..REPORTS {
        let item = store
            .add_agenda_item(
                meeting,
                &NewAgendaItem::report(&format!("Report item {}", r + 1)),
            )
            .expect("item");
        let spec = ReportSpec {
            size: if r % 4 == 3 {
                (842.0, 595.0)
            } else {
                (595.0, 842.0)
            },
            bookmarks: r % 3 == 0,
            ..ReportSpec::a4(&format!("R{r}"), PAGES)
        };
        let pdf = report_pdf(&spec);
        let path = dir.path().join(format!("report{r:02}.pdf"));
        std::fs::write(&path, &pdf).expect("report written");
        files.push(path);
        store
            .attach_document(
                item.id,
                &format!("Report {}", r + 1),
                DocumentKind::Report,
                &pdf,
                minutes_pdf::report_pages(&pdf).expect("a readable report"),
            )
            .expect("attached");
    }
    let out = dir.path().join("united.pdf");
    let pack_out = dir.path().join("pack.pdf");

    let have_pdfunite = Command::new("pdfunite").arg("-v").output().is_ok();
    let mut unite = Vec::new();
    if have_pdfunite {
        for _ in 0..RUNS {
            let start = Instant::now();
            let status = Command::new("pdfunite")
                .args(&files)
                .arg(&out)
                .status()
                .expect("pdfunite runs");
            unite.push(start.elapsed());
            assert!(status.success(), "pdfunite failed");
        }
    }

    let input = store.pack_input(meeting, false).expect("pack input");
    let opts = PackOptions::new(
        Language::En,
        Visibility::Public,
        chrono::NaiveDate::from_ymd_opt(2015, 1, 27).expect("a date"),
    );
    let mut ours = Vec::new();
    let mut pages = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let (pdf, plan) = agenda_pack(
            &input,
            &opts,
            &mut |d| store.document_pdf(d.id).map_err(|e| e.to_string()),
            &mut |_| ControlFlow::Continue(()),
        )
        .expect("the pack prints");
        std::fs::write(&pack_out, &pdf).expect("pack written");
        ours.push(start.elapsed());
        pages = plan.pages();
    }
    let ours = median(ours);
    println!(
        "agenda pack: {pages} pages ({REPORTS} reports of {PAGES} pages, front sheet, agenda, stamps, bookmarks): {} (median of {RUNS})",
        ms(ours)
    );
    if unite.is_empty() {
        println!("pdfunite (poppler-utils) is not installed: no baseline to compare with");
        return;
    }
    let unite = median(unite);
    let ratio = ours.as_secs_f64() / unite.as_secs_f64().max(1e-9);
    println!(
        "pdfunite merging the same {REPORTS} files: {} (median of {RUNS})",
        ms(unite)
    );
    println!(
        "ratio: {ratio:.2} times pdfunite's time; target within 2 times: {}",
        if ratio <= 2.0 { "met" } else { "NOT met" }
    );
}
