//! Writes the OParl files of the published site (`Store::oparl_files`) from a database into a
//! folder, and says how long making them took: for checking them with another validator and
//! for timing them on a generated archive.
//!
//! `cargo run --release -p minutes-store --example oparl_site -- DB OUT [BASE_URL]`
//! (`DB` "archive:YEARS" generates an archive of that many years into a temporary file).

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(db), Some(out)) = (args.first(), args.get(1)) else {
        return Err("usage: oparl_site DB|archive:YEARS OUT [BASE_URL]".into());
    };
    let base = args
        .get(2)
        .map(String::as_str)
        .unwrap_or("https://democracy.example.gov.uk/oparl");
    let tmp = tempfile::tempdir()?;
    let store = match db.strip_prefix("archive:") {
        Some(years) => {
            let mut store = minutes_store::Store::open(&tmp.path().join("archive.sqlite3"))?;
            let started = Instant::now();
            let stats = minutes_store::archive::generate_archive(
                &mut store,
                &minutes_store::archive::ArchiveSpec {
                    years: years.parse()?,
                    ..Default::default()
                },
            )?;
            eprintln!("generated {stats:?} in {:.1?}", started.elapsed());
            store
        }
        None => minutes_store::Store::open_existing(std::path::Path::new(db))?,
    };
    let started = Instant::now();
    let files = store.oparl_files(base)?;
    let made = started.elapsed();
    let mut bytes = 0;
    for (path, json) in &files {
        let path = std::path::Path::new(out).join(path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = serde_json::to_vec(json)?;
        bytes += text.len();
        std::fs::write(path, text)?;
    }
    eprintln!(
        "{} files, {:.1} MB: made in {made:.2?}, written in {:.2?} in all",
        files.len(),
        bytes as f64 / 1e6,
        started.elapsed()
    );
    Ok(())
}
