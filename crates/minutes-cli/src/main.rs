//! `cofnod`: Cofnod's command line. The same library calls as the desktop app, for scripts,
//! headless machines and benchmarks. See `cofnod --help` and the README for exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use minutes_core::render::{self, Visibility};
use minutes_core::{ErrorCode, Language};
use minutes_pdf::{PackOptions, PackProgress};
use minutes_store::{default_database_path, demo, Store, StoreError};

#[derive(Parser)]
#[command(
    name = "cofnod",
    version,
    about = "Cofnod: committee minutes for councils, from the command line"
)]
struct Cli {
    /// The database file [default: the app's, in the user's data directory]
    #[arg(long, global = true, env = "COFNOD_DB")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the database (or check and migrate an existing one) and print its path
    Init {
        /// Also load the demo council if the database holds no council yet (as the app does)
        #[arg(long)]
        demo: bool,
    },
    /// Load the demo council: bodies, members, and a scrutiny meeting of 5th January, 2015
    Demo,
    /// List the meetings, newest first
    Meetings {
        #[arg(long)]
        json: bool,
    },
    /// Print a meeting's minutes as text in the house style
    Minutes {
        /// Meeting id, the start of it, or its date (YYYY-MM-DD)
        meeting: String,
        /// Only meetings of this body (English or Welsh name)
        #[arg(long)]
        body: Option<String>,
        /// Welsh labels (Cofnodion, Yn bresennol, PENDERFYNWYD...)
        #[arg(long)]
        welsh: bool,
        /// Include exempt (part 2) minutes: the confidential version
        #[arg(long)]
        confidential: bool,
    },
    /// Print a meeting's formal minutes to a PDF file
    Render {
        /// Meeting id, the start of it, or its date (YYYY-MM-DD)
        meeting: String,
        /// Only meetings of this body (English or Welsh name)
        #[arg(long)]
        body: Option<String>,
        /// Welsh labels (Cofnodion, Yn bresennol, PENDERFYNWYD...)
        #[arg(long)]
        welsh: bool,
        /// Include exempt (part 2) minutes: the confidential version
        #[arg(long)]
        confidential: bool,
        /// The PDF file to write
        #[arg(long)]
        out: PathBuf,
    },
    /// Print a meeting's agenda pack (front sheet, agenda, reports merged) to a PDF file
    Pack {
        /// Meeting id, the start of it, or its date (YYYY-MM-DD)
        meeting: String,
        /// Only meetings of this body (English or Welsh name)
        #[arg(long)]
        body: Option<String>,
        /// Welsh front sheet and agenda (Agenda, Aelodaeth, Tudalennau...)
        #[arg(long)]
        welsh: bool,
        /// Include part 2 (exempt) reports: the members' confidential pack
        #[arg(long)]
        confidential: bool,
        /// Only the reports attached since the packs already issued, numbered on from them
        #[arg(long)]
        supplement: bool,
        /// Record the pack as issued (the agenda, or the next supplement), with its page map
        #[arg(long)]
        issue: bool,
        /// The PDF file to write
        #[arg(long)]
        out: PathBuf,
    },
    /// Search minutes, resolutions, reasons and agenda titles
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Back the database up to a new file, while it stays in use
    Backup { dest: PathBuf },
    /// Replace the database with a backup, after checking the backup
    Restore { src: PathBuf },
    /// Export a meeting (agenda, attendance, minutes, resolutions, referrals) as JSON
    Export {
        meeting: String,
        #[arg(long)]
        body: Option<String>,
        /// Write to this file instead of standard output
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// Exit codes a script can rely on.
fn exit_code(code: ErrorCode) -> u8 {
    match code {
        ErrorCode::NotFound => 3,
        ErrorCode::Invalid => 4,
        ErrorCode::Conflict | ErrorCode::Locked | ErrorCode::Transition => 5,
        ErrorCode::NotADatabase | ErrorCode::TooNew | ErrorCode::BadBackup => 6,
        ErrorCode::Storage | ErrorCode::Io => 1,
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cofnod: error [{}]: {e}", e.code().as_str());
            ExitCode::from(exit_code(e.code()))
        }
    }
}

fn io_err(context: &str, e: std::io::Error) -> StoreError {
    StoreError::Io {
        context: context.to_string(),
        source: e,
    }
}

fn print(text: &str) -> Result<(), StoreError> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .map_err(|e| io_err("writing to standard output", e))
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string_pretty(value).map_err(|e| StoreError::Migration(format!("JSON: {e}")))
}

fn run(cli: Cli) -> Result<(), StoreError> {
    let path = match cli.db {
        Some(p) => p,
        None => default_database_path()?,
    };
    let mut store = Store::open(&path)?;
    match cli.command {
        Command::Init { demo } => {
            if let Some(b) = &store.migration_backup {
                eprintln!(
                    "cofnod: backed up the database before migrating it, to {}",
                    b.display()
                );
            }
            if demo && demo::ensure_demo(&mut store)? {
                eprintln!("cofnod: loaded the demo council");
            }
            print(&format!("{}\n", path.display()))
        }
        Command::Demo => {
            if store.authority().is_ok() {
                return Err(minutes_core::DomainError::Conflict(format!(
                    "{} already holds a council; the demo loads only into a new database",
                    path.display()
                ))
                .into());
            }
            let ids = demo::load_demo(&mut store)?;
            print(&format!(
                "Loaded the demo council into {}\nMeeting of 5th January, 2015: {}\n",
                path.display(),
                ids.meeting
            ))
        }
        Command::Meetings { json: as_json } => {
            let list = store.list_meetings()?;
            if as_json {
                return print(&(json(&list)? + "\n"));
            }
            if list.is_empty() {
                return print("No meetings yet.\n");
            }
            let mut text = String::new();
            for m in list {
                text.push_str(&format!(
                    "{}  {}  {:<5}  {:<45}  {:<17}  minutes {}\n",
                    m.id,
                    m.date,
                    m.start_time
                        .map(|t| t.format("%H:%M").to_string())
                        .unwrap_or_default(),
                    m.body_name,
                    m.status.as_str().replace('_', " "),
                    m.minutes_status.as_str().replace('_', " ")
                ));
            }
            print(&text)
        }
        Command::Minutes {
            meeting,
            body,
            welsh,
            confidential,
        } => {
            let id = store.find_meeting(&meeting, body.as_deref())?;
            let rec = store.meeting_record(id)?;
            let lang = if welsh { Language::Cy } else { Language::En };
            let vis = if confidential {
                Visibility::Confidential
            } else {
                Visibility::Public
            };
            print(&render::to_text(&render::minutes_document(&rec, lang, vis)))
        }
        Command::Render {
            meeting,
            body,
            welsh,
            confidential,
            out,
        } => {
            let id = store.find_meeting(&meeting, body.as_deref())?;
            let rec = store.meeting_record(id)?;
            let lang = if welsh { Language::Cy } else { Language::En };
            let vis = if confidential {
                Visibility::Confidential
            } else {
                Visibility::Public
            };
            let pdf = minutes_pdf::print_meeting(&rec, lang, vis).map_err(|e| StoreError::Io {
                context: "printing the minutes".to_string(),
                source: std::io::Error::other(e.to_string()),
            })?;
            std::fs::write(&out, pdf)
                .map_err(|e| io_err(&format!("writing {}", out.display()), e))?;
            print(&format!("Wrote {}\n", out.display()))
        }
        Command::Pack {
            meeting,
            body,
            welsh,
            confidential,
            supplement,
            issue,
            out,
        } => {
            let id = store.find_meeting(&meeting, body.as_deref())?;
            let input = store.pack_input(id, supplement)?;
            let lang = if welsh { Language::Cy } else { Language::En };
            let vis = if confidential {
                Visibility::Confidential
            } else {
                Visibility::Public
            };
            let opts = PackOptions::new(lang, vis);
            let pack_err = |e: minutes_pdf::PackError| StoreError::Io {
                context: "printing the agenda pack".to_string(),
                source: std::io::Error::other(e.to_string()),
            };
            let (pdf, plan) = minutes_pdf::agenda_pack(
                &input,
                &opts,
                &mut |doc| store.document_pdf(doc.id).map_err(|e| e.to_string()),
                &mut |p| {
                    if let PackProgress::Merged { done, total, title } = p {
                        eprintln!("cofnod: merged {done} of {total}: {title}");
                    }
                    std::ops::ControlFlow::Continue(())
                },
            )
            .map_err(pack_err)?;
            for w in &plan.warnings {
                eprintln!("cofnod: warning: {w}");
            }
            std::fs::write(&out, pdf)
                .map_err(|e| io_err(&format!("writing {}", out.display()), e))?;
            if issue {
                // The record keeps the full pack's numbering, which numbers part 2 reports too.
                let full = minutes_pdf::plan_pack(
                    &input,
                    &PackOptions::new(lang, Visibility::Confidential),
                )
                .map_err(pack_err)?;
                let number = input.supplement.as_ref().map_or(0, |s| s.number);
                store.record_pack_issue(
                    id,
                    number,
                    opts.today,
                    (full.first_page, full.last_page),
                    &full.packed(),
                )?;
            }
            print(&format!(
                "Wrote {} (pages {} to {})\n",
                out.display(),
                plan.first_page,
                plan.last_page
            ))
        }
        Command::Search {
            query,
            limit,
            json: as_json,
        } => {
            let hits = store.search(&query, limit)?;
            if as_json {
                return print(&(json(&hits)? + "\n"));
            }
            if hits.is_empty() {
                eprintln!("cofnod: nothing found for '{query}'");
                return Ok(());
            }
            let mut text = String::new();
            for h in hits {
                text.push_str(&format!(
                    "{} {} – {} – minute {} {}\n    {}\n",
                    h.date,
                    h.body_name,
                    h.kind,
                    h.minute_label.unwrap_or_else(|| "–".into()),
                    h.heading,
                    h.snippet
                ));
            }
            print(&text)
        }
        Command::Backup { dest } => {
            let info = store.backup_to(&dest)?;
            print(&format!(
                "Backed up {} to {} ({} bytes)\n",
                path.display(),
                info.path.display(),
                info.bytes
            ))
        }
        Command::Restore { src } => {
            let info = store.restore_from(&src)?;
            let kept = info
                .previous
                .map(|p| format!("; the database as it was is kept at {}", p.display()));
            print(&format!(
                "Restored {} from {}{}\n",
                path.display(),
                src.display(),
                kept.unwrap_or_default()
            ))
        }
        Command::Export { meeting, body, out } => {
            let id = store.find_meeting(&meeting, body.as_deref())?;
            let text = json(&store.meeting_record(id)?)? + "\n";
            match out {
                Some(file) => {
                    std::fs::write(&file, text)
                        .map_err(|e| io_err(&format!("writing {}", file.display()), e))?;
                    print(&format!("Wrote {}\n", file.display()))
                }
                None => print(&text),
            }
        }
    }
}
