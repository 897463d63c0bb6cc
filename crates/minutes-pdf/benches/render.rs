//! `cargo bench -p minutes-pdf`: prints the formal minutes of the demo meeting and of a
//! generated 40-item meeting, and times LibreOffice (headless, `soffice --convert-to pdf`)
//! converting an equivalent HTML document in the same run. The target is at least 20 times
//! faster than LibreOffice for the 40-item meeting.
//!
//! LibreOffice comes from the Debian package `libreoffice-writer-nogui`. Without it the
//! benchmark says so and prints Cofnod's own times only.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use minutes_core::render::{self, Line, MinutesDocument, Visibility};
use minutes_core::Language;
use minutes_pdf::{minutes_pdf, PdfOptions};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The same minutes as HTML, with the same styles: what LibreOffice is given to print.
fn html(doc: &MinutesDocument) -> String {
    let lang = match doc.language {
        Language::En => "en-GB",
        Language::Cy => "cy",
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>@page {{ size: A4; margin: 22mm 25mm }} \
         body {{ font-family: 'Liberation Sans', Arial, sans-serif; font-size: 11pt }} \
         h1, h2, .title {{ text-align: center }} h1 {{ font-size: 15pt }} h2 {{ font-size: 13pt }} \
         td {{ vertical-align: top; font-size: 11pt }} .num {{ width: 14mm }}</style></head><body>\n",
        esc(&doc.title)
    );
    if doc.draft {
        out.push_str("<p><b>DRAFT</b></p>\n");
    }
    for line in &doc.lines {
        let row = |a: &str, b: &str, bold: bool| {
            let (o, c) = if bold { ("<b>", "</b>") } else { ("", "") };
            format!(
                "<table><tr><td class=\"num\">{o}{}{c}</td><td>{o}{}{c}</td></tr></table>\n",
                esc(a),
                esc(b)
            )
        };
        out.push_str(&match line {
            Line::Authority(t) => format!("<h1>{}</h1>\n", esc(&t.to_uppercase())),
            Line::Body(t) => format!("<h2>{}</h2>\n", esc(&t.to_uppercase())),
            Line::Title(t) => format!("<p class=\"title\">{}</p>\n", esc(t)),
            Line::Attendance { label, text } => row(label, text, false),
            Line::MinuteHeading { number, heading } => row(number, heading, true),
            Line::Paragraph(t) => format!("<p>{}</p>\n", esc(t)),
            Line::Keyword(t) | Line::SubHeading(t) => format!("<p><b>{}</b></p>\n", esc(t)),
            Line::Limb { label, text } | Line::Field { label, text } => row(label, text, false),
            Line::Decision { keyword, text } => row(keyword, text, false),
            Line::ListItem { marker, text, .. } => row(marker, text, false),
            Line::Signature { label, text } => {
                format!("<p><b>{}:</b> {}</p>\n", esc(label), esc(text))
            }
            Line::PageBreak => "<div style=\"page-break-after: always\"></div>\n".to_string(),
            Line::Notice(t) => format!("<p class=\"title\"><b>{}</b></p>\n", esc(t)),
            Line::Lang(_) => String::new(),
        });
    }
    out.push_str("</body></html>\n");
    out
}

/// Renders `doc` `runs` times; returns the median time and the page count.
fn ours(doc: &MinutesDocument, runs: usize) -> (Duration, usize) {
    let opts = PdfOptions::for_language(doc.language);
    let mut times = Vec::with_capacity(runs);
    let mut pages = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let pdf = minutes_pdf(doc, &opts).expect("the minutes print");
        times.push(start.elapsed());
        pages = lopdf::Document::load_mem(&pdf)
            .map(|d| d.get_pages().len())
            .unwrap_or(0);
    }
    (median(times), pages)
}

/// The LibreOffice binary and its version, if installed.
fn libreoffice() -> Option<(String, String)> {
    ["soffice", "libreoffice"].iter().find_map(|bin| {
        let out = Command::new(bin).arg("--version").output().ok()?;
        out.status.success().then(|| {
            (
                bin.to_string(),
                String::from_utf8_lossy(&out.stdout).trim().to_string(),
            )
        })
    })
}

/// One `soffice --headless --convert-to pdf` of `html`, as a script would run it.
fn convert(bin: &str, profile: &Path, html: &Path, outdir: &Path) -> Duration {
    let start = Instant::now();
    let status = Command::new(bin)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(outdir)
        .arg(html)
        .output()
        .expect("soffice runs");
    let took = start.elapsed();
    let pdf = outdir.join(html.with_extension("pdf").file_name().expect("a file name"));
    assert!(
        status.status.success() && pdf.exists(),
        "LibreOffice failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    took
}

fn main() {
    let (demo, _) = common::demo_records();
    let demo = render::minutes_document(&demo, Language::En, Visibility::Public);
    let long =
        render::minutes_document(&common::long_meeting(40), Language::En, Visibility::Public);

    println!("Cofnod formal minutes to PDF (printpdf + our own layout)");
    let cold = Instant::now();
    minutes_pdf(&demo, &PdfOptions::default()).expect("the minutes print");
    println!(
        "  first render in the process (parses the fonts): {}",
        ms(cold.elapsed())
    );
    let (demo_ours, demo_pages) = ours(&demo, 30);
    let (long_ours, long_pages) = ours(&long, 15);
    println!(
        "  demo meeting     ({demo_pages:>2} pages): {:>10}  (median of 30)",
        ms(demo_ours)
    );
    println!(
        "  40-item meeting  ({long_pages:>2} pages): {:>10}  (median of 15)",
        ms(long_ours)
    );

    let Some((bin, version)) = libreoffice() else {
        println!(
            "LibreOffice is not installed, so there is nothing to compare with \
             (Debian package: libreoffice-writer-nogui)."
        );
        println!(
            "Target: at least 20x faster than LibreOffice for the 40-item meeting: NOT CHECKED \
             (no LibreOffice in this run)"
        );
        return;
    };
    let dir = tempfile::tempdir().expect("temporary directory");
    let profile = dir.path().join("profile");
    let outdir = dir.path().join("out");
    let files = [("demo.html", &demo), ("forty-items.html", &long)];
    for (name, doc) in files {
        std::fs::write(dir.path().join(name), html(doc)).expect("HTML written");
    }
    println!("{version}: soffice --headless --convert-to pdf of the same minutes as HTML,");
    println!("  one process per document as a script would run it (profile made beforehand)");
    // The first start creates the user profile; it is not counted.
    convert(&bin, &profile, &dir.path().join("demo.html"), &outdir);
    let mut results = Vec::new();
    for (name, doc) in files {
        let path = dir.path().join(name);
        let lo = median(
            (0..3)
                .map(|_| convert(&bin, &profile, &path, &outdir))
                .collect(),
        );
        let mine = if std::ptr::eq(doc, &long) {
            long_ours
        } else {
            demo_ours
        };
        let ratio = lo.as_secs_f64() / mine.as_secs_f64().max(1e-9);
        println!(
            "  {:<16}        {:>10}  (median of 3)  ->  Cofnod is {ratio:.0}x faster",
            if std::ptr::eq(doc, &long) {
                "40-item meeting"
            } else {
                "demo meeting"
            },
            ms(lo)
        );
        results.push(ratio);
    }
    let long_ratio = results.last().copied().unwrap_or(0.0);
    println!();
    println!(
        "40-item meeting: LibreOffice / Cofnod = {long_ratio:.1}  (Cofnod {}, LibreOffice {} per document)",
        ms(long_ours),
        ms(long_ours.mul_f64(long_ratio))
    );
    println!(
        "Target: at least 20x faster than LibreOffice for the 40-item meeting: {}",
        if long_ratio >= 20.0 { "MET" } else { "NOT MET" }
    );
}
