//! Crash safety: a writer process is killed with SIGKILL in the middle of a stream of
//! writes; the database reopens with `PRAGMA integrity_check` ok and every write that had
//! returned is there.
//!
//! The test runs itself as the writer (COFNOD_CRASH_CHILD names its database), so it has its
//! own `main` (harness = false).

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use minutes_core::BlockContent;
use minutes_store::demo::load_demo;
use minutes_store::Store;

fn main() {
    if let Ok(db) = std::env::var("COFNOD_CRASH_CHILD") {
        child(&db);
        return;
    }
    let mut failed = 0;
    for (round, kill_after) in [(1, 40), (2, 150), (3, 400)] {
        match parent(kill_after) {
            Ok(n) => println!("crash round {round}: killed after {n} acknowledged writes; all present, integrity ok"),
            Err(e) => {
                println!("crash round {round}: FAILED: {e}");
                failed += 1;
            }
        }
    }
    println!("crash: {} passed, {failed} failed", 3 - failed);
    if failed > 0 {
        std::process::exit(1);
    }
}

/// The writer: one narrative block per transaction, announcing each as soon as it returns.
fn child(db: &str) {
    let mut store = match Store::open(std::path::Path::new(db)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("child: {e}");
            std::process::exit(2);
        }
    };
    let minute: uuid::Uuid = std::env::var("COFNOD_CRASH_MINUTE")
        .ok()
        .and_then(|m| m.parse().ok())
        .unwrap_or_default();
    let mut out = std::io::stdout().lock();
    for i in 1.. {
        let text = format!("Acknowledged write number {i}.");
        if let Err(e) = store.add_block(minute, &BlockContent::Narrative { text }) {
            eprintln!("child: {e}");
            std::process::exit(3);
        }
        if writeln!(out, "{i}").and_then(|_| out.flush()).is_err() {
            std::process::exit(4);
        }
    }
}

fn parent(kill_after: u64) -> Result<u64, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let db = dir.path().join("cofnod.sqlite3");
    let minute = {
        let mut store = Store::open(&db).map_err(|e| e.to_string())?;
        load_demo(&mut store)
            .map_err(|e| e.to_string())?
            .inspection_minute
    };
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut child = Command::new(exe)
        .env("COFNOD_CRASH_CHILD", &db)
        .env("COFNOD_CRASH_MINUTE", minute.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| e.to_string())?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let mut acknowledged = 0u64;
    let started = Instant::now();
    while acknowledged < kill_after {
        if started.elapsed() > Duration::from_secs(120) {
            return Err("the writer was too slow".into());
        }
        match lines.next() {
            Some(Ok(l)) => acknowledged = l.trim().parse().map_err(|_| format!("odd line {l}"))?,
            _ => {
                return Err(format!(
                    "the writer stopped by itself after {acknowledged} writes"
                ))
            }
        }
    }
    child.kill().map_err(|e| e.to_string())?; // SIGKILL on Unix
                                              // Lines the writer printed before it died were acknowledged too.
    for l in lines.map_while(Result::ok) {
        if let Ok(n) = l.trim().parse() {
            acknowledged = n;
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        return Err("the writer was not killed".into());
    }

    let store = Store::open(&db).map_err(|e| format!("reopening after the kill: {e}"))?;
    store.integrity_check().map_err(|e| e.to_string())?;
    let texts: Vec<String> = store
        .blocks(minute)
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter_map(|b| match b.content {
            BlockContent::Narrative { text } if text.starts_with("Acknowledged write") => {
                Some(text)
            }
            _ => None,
        })
        .collect();
    for i in 1..=acknowledged {
        let want = format!("Acknowledged write number {i}.");
        if !texts.contains(&want) {
            return Err(format!(
                "write {i} had returned but is missing after the kill"
            ));
        }
    }
    if texts.len() as u64 > acknowledged + 1 {
        return Err(format!(
            "{} writes found, more than the {} acknowledged plus one in flight",
            texts.len(),
            acknowledged
        ));
    }
    Ok(acknowledged)
}
