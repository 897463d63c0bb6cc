//! The register benchmark (`make bench`): search times over the generated archive against
//! ripgrep scanning the same text, exported to files in the same run.
//!
//! The archive is `target/register-archive.sqlite3` (or `$COFNOD_ARCHIVE`), generated with the
//! default spec when missing (25 bodies, 20 years, ~300 meetings a year, ~200,000 resolutions).
//! 200 fixed queries from the archive's vocabulary run through `Store::search_register` (the
//! register as the app calls it: its first page of 25, with marked words and referral status); each is
//! also given to `rg -i -F -c` over the exported text. Prints median and p95 of both, their
//! ratio, and whether "p95 < 20 ms and >= 50x faster than the scan" holds.

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use minutes_core::RegisterQuery;
use minutes_store::archive::{generate_archive, sample_queries, ArchiveSpec};
use minutes_store::Store;

fn quantile(sorted: &[Duration], q: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let path = std::env::var_os("COFNOD_ARCHIVE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/register-archive.sqlite3")
        });
    let fresh = !path.exists();
    let mut store = Store::open(&path).expect("open the archive");
    if fresh {
        let t = Instant::now();
        let st =
            generate_archive(&mut store, &ArchiveSpec::default()).expect("generate the archive");
        println!(
            "generated {} meetings, {} resolutions, {} referrals in {:.1} s into {}",
            st.meetings,
            st.resolutions,
            st.referrals,
            t.elapsed().as_secs_f64(),
            path.display()
        );
    }
    let resolutions: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM resolution", [], |r| r.get(0))
        .expect("count");
    let queries = sample_queries(200, 7);

    // The same text as files: one document per resolution (its text, reason and minute words).
    let dir = tempfile::tempdir().expect("temp dir");
    let mut st = store
        .conn()
        .prepare("SELECT text, reason, minute FROM register_fts")
        .expect("export");
    let mut rows = st.query([]).expect("export");
    let mut file_no = 0;
    let mut in_file = 0;
    let mut out =
        std::io::BufWriter::new(std::fs::File::create(dir.path().join("0.txt")).expect("file"));
    let mut bytes = 0usize;
    while let Some(r) = rows.next().expect("row") {
        if in_file == 2000 {
            file_no += 1;
            in_file = 0;
            out = std::io::BufWriter::new(
                std::fs::File::create(dir.path().join(format!("{file_no}.txt"))).expect("file"),
            );
        }
        let (a, b, c): (String, String, String) =
            (r.get(0).unwrap(), r.get(1).unwrap(), r.get(2).unwrap());
        let line = format!("{a}\n{b}\n{c}\n\n");
        bytes += line.len();
        out.write_all(line.as_bytes()).expect("write");
        in_file += 1;
    }
    out.flush().expect("flush");
    drop(out);

    // Warm the cache as a user's first searches would, then time every query.
    for q in &queries {
        let _ = store.search_register(&RegisterQuery {
            text: q.clone(),
            ..Default::default()
        });
    }
    let mut times = Vec::new();
    let mut found = 0usize;
    for q in &queries {
        let t = Instant::now();
        let hits = store
            .search_register(&RegisterQuery {
                text: q.clone(),
                ..Default::default()
            })
            .unwrap_or_else(|e| panic!("search {q:?}: {e}"));
        times.push(t.elapsed());
        found += hits.len();
    }
    times.sort();

    let rg = Command::new("rg").arg("--version").output();
    if rg.is_err() {
        eprintln!(
            "ripgrep (rg) is not installed: `make bench` installs it (apt-get install ripgrep)"
        );
        std::process::exit(1);
    }
    let mut scans = Vec::new();
    for q in &queries {
        let t = Instant::now();
        let status = Command::new("rg")
            .args(["-i", "-F", "-c", "--no-messages", "--", q])
            .arg(dir.path())
            .output()
            .expect("run rg");
        scans.push(t.elapsed());
        assert!(
            status.status.code().is_some_and(|c| c <= 1),
            "rg failed on {q:?}"
        );
    }
    scans.sort();

    let (med, p95) = (quantile(&times, 0.5), quantile(&times, 0.95));
    let (rg_med, rg_p95) = (quantile(&scans, 0.5), quantile(&scans, 0.95));
    let ratio = rg_med.as_secs_f64() / med.as_secs_f64().max(1e-9);
    let ratio_p95 = rg_p95.as_secs_f64() / p95.as_secs_f64().max(1e-9);
    println!(
        "register search over {resolutions} resolutions, {} queries ({found} results shown)",
        queries.len()
    );
    println!(
        "  register search   median {:8.2} ms   p95 {:8.2} ms",
        ms(med),
        ms(p95)
    );
    println!(
        "  ripgrep scan      median {:8.2} ms   p95 {:8.2} ms   ({:.0} MB in {} files)",
        ms(rg_med),
        ms(rg_p95),
        bytes as f64 / 1e6,
        file_no + 1
    );
    println!("  ratio (scan / search): median {ratio:.1}x, p95 {ratio_p95:.1}x");
    // The member's question: "what did scrutiny recommend to Cabinet about mental health
    // services since 2014, and which recommendations are still open?" Every answer, timed.
    let cabinet: Option<String> = store
        .conn()
        .query_row("SELECT id FROM body WHERE name_en = 'Cabinet'", [], |r| {
            r.get(0)
        })
        .ok();
    if let Some(cabinet) = cabinet.and_then(|c| c.parse().ok()) {
        let question = RegisterQuery {
            text: "mental health services".into(),
            referred_to: Some(cabinet),
            from: chrono::NaiveDate::from_ymd_opt(2014, 1, 1),
            referral: Some(minutes_core::ReferralFilter::Open),
            limit: Some(500),
            ..Default::default()
        };
        let mut asked = Vec::new();
        let mut answers = 0;
        for _ in 0..21 {
            let t = Instant::now();
            answers = store.search_register(&question).map_or(0, |h| h.len());
            asked.push(t.elapsed());
        }
        asked.sort();
        println!(
            "  the member's question (\"mental health services\", referred to Cabinet, since 2014, still open): {answers} recommendations in {:.2} ms (median of 21)",
            ms(quantile(&asked, 0.5))
        );
    }
    // A pasted paragraph at the limit (1,000 characters, words repeated and varied), in both
    // searches; and a 110 kB paste, refused before it is read.
    let paste: String = sample_queries(400, 7)
        .join(" ")
        .chars()
        .take(minutes_store::MAX_SEARCH_CHARS)
        .collect();
    let q = RegisterQuery {
        text: paste.clone(),
        ..Default::default()
    };
    let t = Instant::now();
    let _ = store.search_register(&q);
    let _ = store.search(&paste, 20);
    let at_limit = t.elapsed();
    let huge = "council ".repeat(110_000 / 8);
    let t = Instant::now();
    let refused = store.search(&huge, 20).is_err();
    let huge_time = t.elapsed();
    println!(
        "  a 1,000-character search (register and full text): {:.1} ms; a 110 kB paste refused: {refused} in {:.3} ms",
        ms(at_limit),
        ms(huge_time)
    );
    let fast = ms(p95) < 20.0;
    let faster = ratio >= 50.0;
    println!("  p95 < 20 ms: {}", if fast { "met" } else { "NOT met" });
    println!(
        "  >= 50x faster than the scan: {}",
        if faster { "met" } else { "NOT met" }
    );
}
