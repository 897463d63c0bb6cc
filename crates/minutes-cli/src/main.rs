//! `cofnod`: Cofnod's command line. The same library calls as the desktop app, for scripts,
//! headless machines and benchmarks. See `cofnod --help` and the README for exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use minutes_core::render::{self, Visibility};
use minutes_core::{ErrorCode, Language, MinuteBookNumbering};
use minutes_pdf::PackProgress;
use minutes_store::{default_database_path, Store, StoreError};

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
    /// Show or set whether the council keeps a loose-leaf minute book, numbered afresh each
    /// municipal year ("year") or across the whole book ("continuous"); "none" for a bound book
    MinuteBook {
        #[arg(value_parser = ["none", "year", "continuous"])]
        numbering: Option<String>,
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
    /// Search the resolutions register: words (accents optional) and filters that combine
    Register {
        /// Words to find in resolutions, reasons, minutes and item titles (empty: newest first)
        #[arg(default_value = "")]
        words: String,
        /// Only this body (English or Welsh name)
        #[arg(long)]
        body: Option<String>,
        /// Meetings on or after this date (YYYY-MM-DD)
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        /// Meetings on or before this date (YYYY-MM-DD)
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        /// resolved, recommended or agreed
        #[arg(long)]
        keyword: Option<String>,
        /// Only resolutions referred to this body
        #[arg(long)]
        referred_to: Option<String>,
        /// referred, not_referred, open, overdue, issued, scheduled, considered, reported_back, closed
        #[arg(long)]
        referral: Option<String>,
        /// Include exempt (part 2) minutes
        #[arg(long)]
        confidential: bool,
        #[arg(long, default_value_t = 20)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Show a resolution: its reason, minute, meeting and whole referral chain
    Resolution {
        /// The resolution's id (as `cofnod register` prints it)
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Referrals still open, due soon and overdue; or record an outcome, or take one up as a (REF) item
    Referrals {
        #[command(subcommand)]
        action: Option<ReferralAction>,
        /// Only referrals made or received by this body
        #[arg(long)]
        body: Option<String>,
        /// Judge "overdue" on this date instead of today (YYYY-MM-DD)
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// Generate a large invented archive into a new database (for trying the register at scale)
    GenerateArchive {
        #[arg(long, default_value_t = 25)]
        bodies: u32,
        #[arg(long, default_value_t = 20)]
        years: u32,
        /// Meetings a year across all bodies
        #[arg(long, default_value_t = 300)]
        meetings_per_year: u32,
        #[arg(long, default_value_t = 8)]
        items_per_meeting: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Back the database up to a new file, while it stays in use
    Backup { dest: PathBuf },
    /// Replace the database with a backup, after checking the backup
    Restore { src: PathBuf },
    /// Export a meeting (agenda, attendance, minutes, resolutions, referrals) as JSON; or, with
    /// --csv the register, --ics a body's meetings calendar, --oparl OParl 1.1-shaped JSON
    Export {
        /// Meeting id, the start of it, or its date (YYYY-MM-DD); not with --csv/--ics/--oparl
        meeting: Option<String>,
        /// The body (English or Welsh name): narrows the meeting, the register, the calendar, OParl
        #[arg(long)]
        body: Option<String>,
        /// The resolutions register as CSV (every resolution, or the body's)
        #[arg(long, conflicts_with_all = ["ics", "oparl"])]
        csv: bool,
        /// The body's meetings as an iCalendar file (needs --body)
        #[arg(long, conflicts_with = "oparl")]
        ics: bool,
        /// Meetings, agenda items, organisations, people, memberships and papers as OParl 1.1 JSON
        #[arg(long)]
        oparl: bool,
        /// Where the OParl objects will be published (their ids are URLs under it)
        #[arg(long, default_value = "https://democracy.example.gov.uk/oparl/v1.1")]
        base_url: String,
        /// Write to this file instead of standard output
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// The recommendation tracker of a body for a period, as CSV, or as a PDF report with --pdf
    Tracker {
        /// The body (English or Welsh name)
        body: String,
        /// First day of the period (YYYY-MM-DD)
        #[arg(long)]
        from: chrono::NaiveDate,
        /// Last day of the period (YYYY-MM-DD)
        #[arg(long)]
        to: chrono::NaiveDate,
        /// Print the report as a PDF file (needs --out)
        #[arg(long, requires = "out")]
        pdf: bool,
        /// Welsh labels in the PDF
        #[arg(long, requires = "pdf")]
        welsh: bool,
        /// The report's title, in the council's words (PDF)
        #[arg(long, requires = "pdf")]
        title: Option<String>,
        /// The day the report is produced, which "overdue" is judged on (default: today)
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        /// Write to this file instead of standard output
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum ReferralAction {
    /// Record the target body's answer: moves the referral to "considered"
    Outcome {
        /// The referral's id
        referral: String,
        /// accepted, accepted_in_part, not_accepted, noted, deferred, referred_back
        #[arg(long)]
        outcome: String,
        /// The response, as the target body gave it
        #[arg(long, default_value = "")]
        response: String,
        /// The target's meeting that considered it (id)
        #[arg(long)]
        meeting: Option<String>,
        /// The target's own minute (id), when it is in the system
        #[arg(long)]
        minute: Option<String>,
    },
    /// Put a referral received from another body on an agenda as a "(REF)" item
    TakeUp {
        referral: String,
        /// Meeting id, the start of it, or its date (YYYY-MM-DD), of the receiving body
        meeting: String,
        #[arg(long)]
        title: Option<String>,
    },
}

fn uuid_arg(what: &str, text: &str) -> Result<uuid::Uuid, StoreError> {
    uuid::Uuid::parse_str(text.trim()).map_err(|_| {
        minutes_core::DomainError::invalid(what, format!("'{text}' is not an id")).into()
    })
}

fn label(word: &str) -> String {
    word.replace('_', " ")
}

fn segments_text(segments: &[minutes_core::Segment]) -> String {
    segments
        .iter()
        .map(|s| {
            if s.marked {
                format!("[{}]", s.text)
            } else {
                s.text.clone()
            }
        })
        .collect()
}

fn chain_text(c: &minutes_core::ReferralChain) -> String {
    let r = &c.referral;
    let mut t = format!(
        "  {} → {} ({}), sent {}, due {}: {}{}\n",
        c.from_body,
        c.to,
        label(r.purpose.as_str()),
        r.sent_on,
        r.response_due,
        label(r.status.as_str()),
        match c.urgency {
            Some(minutes_core::ReferralUrgency::Overdue) => " – OVERDUE".to_string(),
            Some(minutes_core::ReferralUrgency::DueSoon) =>
                format!(" – due in {} days", c.days_left),
            _ => String::new(),
        }
    );
    if let Some(s) = &c.source {
        t.push_str(&format!(
            "    from minute {} of {} on {}: ({}) {}\n",
            s.minute.label, s.minute.body_name, s.minute.date, s.limb, s.text
        ));
    }
    for i in &c.agenda_items {
        t.push_str(&format!(
            "    on the agenda of {} on {}: item {} {} ({})\n",
            i.body_name, i.date, i.position, i.title, i.tag
        ));
    }
    if let Some(m) = &c.target_meeting {
        let what = if r.outcome.is_some() {
            "considered"
        } else {
            "scheduled"
        };
        t.push_str(&format!("    {what} at {} on {}\n", m.body_name, m.date));
    }
    if let Some(o) = r.outcome {
        t.push_str(&format!(
            "    outcome: {}{}\n",
            label(o.as_str()),
            if r.response_text.is_empty() {
                String::new()
            } else {
                format!(" – {}", r.response_text)
            }
        ));
    }
    if let Some(m) = &c.target_minute {
        t.push_str(&format!(
            "    minute {} {} ({} {})\n",
            m.label, m.heading, m.body_name, m.date
        ));
    }
    for l in &c.target_resolutions {
        t.push_str(&format!(
            "      ({}) {} [{}]\n",
            l.limb, l.text, l.resolution_id
        ));
    }
    if let Some(m) = &c.reported_back {
        t.push_str(&format!(
            "    reported back to {} on {}\n",
            m.body_name, m.date
        ));
    }
    if let Some(on) = r.closed_on {
        t.push_str(&format!("    closed {on}\n"));
    }
    t.push_str(&format!("    referral id {}\n", r.id));
    t
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

/// A printing job's failure as the command line reports it: the store's errors as they are.
fn print_err(e: minutes_print::PrintError) -> StoreError {
    match e {
        minutes_print::PrintError::Store(e) => e,
        other => StoreError::Io {
            context: "printing".to_string(),
            source: std::io::Error::other(other.to_string()),
        },
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
            if demo && minutes_print::ensure_demo(&mut store)?.is_some() {
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
            let ids = minutes_print::load_demo(&mut store)?;
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
        Command::MinuteBook { numbering } => {
            let mut authority = store.authority()?;
            if let Some(word) = numbering {
                authority.minute_book = match word.as_str() {
                    "none" => None,
                    other => Some(MinuteBookNumbering::parse(other)?),
                };
                store.set_authority(&authority)?;
            }
            print(match authority.minute_book {
                None => "No loose-leaf minute book: signed minutes get no minute-book pages.\n",
                Some(MinuteBookNumbering::Year) => "Loose-leaf minute book, numbered from page 1 each municipal year: signing gives the minutes the next pages.\n",
                Some(MinuteBookNumbering::Continuous) => "Loose-leaf minute book, numbered continuously: signing gives the minutes the next pages.\n",
            })
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
            let job = minutes_print::PackJob {
                meeting_id: id,
                language: if welsh { Language::Cy } else { Language::En },
                visibility: if confidential {
                    Visibility::Confidential
                } else {
                    Visibility::Public
                },
                supplement,
                today: minutes_store::register::today(),
                issuing: issue && !supplement,
            };
            let printed = minutes_print::print_pack(&store, &job, &mut |p| {
                if let PackProgress::Merged { done, total, title } = p {
                    eprintln!("cofnod: merged {done} of {total}: {title}");
                }
                std::ops::ControlFlow::Continue(())
            })
            .map_err(print_err)?;
            let plan = &printed.plan;
            for w in &plan.warnings {
                eprintln!("cofnod: warning: {w}");
            }
            std::fs::write(&out, &printed.pdf)
                .map_err(|e| io_err(&format!("writing {}", out.display()), e))?;
            if issue {
                minutes_print::record_issue(&mut store, &printed.issue)?;
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
        Command::Register {
            words,
            body,
            from,
            to,
            keyword,
            referred_to,
            referral,
            confidential,
            limit,
            json: as_json,
        } => {
            let q = minutes_core::RegisterQuery {
                text: words,
                body_id: body
                    .map(|b| store.body_by_name(&b).map(|b| b.id))
                    .transpose()?,
                from,
                to,
                keyword: keyword
                    .map(|k| minutes_core::Keyword::parse(&k.to_lowercase()))
                    .transpose()?,
                referred_to: referred_to
                    .map(|b| store.body_by_name(&b).map(|b| b.id))
                    .transpose()?,
                referral: referral
                    .map(|r| minutes_core::ReferralFilter::parse(&r.to_lowercase()))
                    .transpose()?,
                confidential,
                today: None,
                limit: Some(limit),
            };
            let hits = store.search_register(&q)?;
            if as_json {
                return print(&(json(&hits)? + "\n"));
            }
            if hits.is_empty() {
                eprintln!("cofnod: no resolution found");
                return Ok(());
            }
            let mut text = String::new();
            for h in hits {
                let status = h
                    .referrals
                    .iter()
                    .map(|r| {
                        format!(
                            "{}: {}{}",
                            r.to,
                            label(r.status.as_str()),
                            if r.overdue { " (OVERDUE)" } else { "" }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                text.push_str(&format!(
                    "{}  {} – minute {}({}) {}{}\n    {} – {}\n    {}\n",
                    h.date,
                    h.body_name,
                    h.minute_label,
                    h.limb,
                    h.heading,
                    if status.is_empty() {
                        String::new()
                    } else {
                        format!("  [{status}]")
                    },
                    h.keyword.as_str().to_uppercase(),
                    segments_text(&h.text),
                    h.resolution_id
                ));
            }
            print(&text)
        }
        Command::Resolution { id, json: as_json } => {
            let page = store.resolution_page(uuid_arg("Resolution", &id)?)?;
            if as_json {
                return print(&(json(&page)? + "\n"));
            }
            let m = &page.minute.minute;
            let mut text = format!(
                "{}, {}\nMinute {} – {}{}\n\n",
                page.body.name_en,
                page.meeting.date,
                m.label,
                m.heading.to_uppercase(),
                if m.tag.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", m.tag)
                }
            );
            for b in &page.minute.blocks {
                let para = match &b.content {
                    minutes_core::BlockContent::Narrative { text } => text.clone(),
                    minutes_core::BlockContent::Presentation {
                        presenter,
                        capacity,
                        summary,
                        ..
                    } => {
                        format!("{presenter}, {capacity}: {summary}")
                    }
                    minutes_core::BlockContent::Question {
                        asked_by,
                        question,
                        answered_by,
                        answer,
                        ..
                    } => {
                        format!("{asked_by} asked {question}. {answered_by}: {answer}.")
                    }
                };
                text.push_str(&format!("{para}\n\n"));
            }
            let r = &page.resolution;
            text.push_str(&format!(
                "{} ({}) T H A T {}\nReason: {}\n",
                r.keyword.as_str().to_uppercase(),
                r.limb,
                r.text,
                r.reason
            ));
            if !page.referrals.is_empty() {
                text.push_str("\nReferrals:\n");
                page.referrals
                    .iter()
                    .for_each(|c| text.push_str(&chain_text(c)));
            }
            if !page.answers.is_empty() {
                text.push_str("\nIn answer to:\n");
                page.answers
                    .iter()
                    .for_each(|c| text.push_str(&chain_text(c)));
            }
            print(&text)
        }
        Command::Referrals {
            action,
            body,
            today,
            json: as_json,
        } => match action {
            Some(ReferralAction::Outcome {
                referral,
                outcome,
                response,
                meeting,
                minute,
            }) => {
                let o = minutes_core::OutcomeInput {
                    outcome: minutes_core::ReferralOutcome::parse(&outcome.to_lowercase())?,
                    response_text: response,
                    meeting_id: meeting.map(|m| store.find_meeting(&m, None)).transpose()?,
                    minute_id: minute.map(|m| uuid_arg("Minute", &m)).transpose()?,
                };
                let r = store.record_outcome(uuid_arg("Referral", &referral)?, &o)?;
                print(&format!(
                    "Referral {} is now {} ({})\n",
                    r.id,
                    label(r.status.as_str()),
                    label(outcome.as_str())
                ))
            }
            Some(ReferralAction::TakeUp {
                referral,
                meeting,
                title,
            }) => {
                let meeting_id = store.find_meeting(&meeting, None)?;
                let item = store.take_up_referral(
                    meeting_id,
                    uuid_arg("Referral", &referral)?,
                    title.as_deref(),
                )?;
                print(&format!(
                    "Added item {} {} ({}) to the agenda\n",
                    item.position, item.title_en, item.tag
                ))
            }
            None => {
                let body_id = body
                    .map(|b| store.body_by_name(&b).map(|b| b.id))
                    .transpose()?;
                let list = store.referrals_view(
                    body_id,
                    today.unwrap_or_else(minutes_store::register::today),
                )?;
                if as_json {
                    return print(&(json(&list)? + "\n"));
                }
                if list.is_empty() {
                    return print("No open referrals.\n");
                }
                let mut text = String::new();
                list.iter().for_each(|c| text.push_str(&chain_text(c)));
                print(&text)
            }
        },
        Command::GenerateArchive {
            bodies,
            years,
            meetings_per_year,
            items_per_meeting,
            seed,
        } => {
            let spec = minutes_store::archive::ArchiveSpec {
                bodies,
                years,
                meetings_per_year,
                items_per_meeting,
                seed,
                ..Default::default()
            };
            let started = std::time::Instant::now();
            let st = minutes_store::archive::generate_archive(&mut store, &spec)?;
            print(&format!(
                "Generated {} bodies, {} meetings, {} minutes, {} resolutions, {} referrals into {} in {:.1} s\n",
                st.bodies, st.meetings, st.minutes, st.resolutions, st.referrals, path.display(), started.elapsed().as_secs_f64()
            ))
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
        Command::Tracker {
            body,
            from,
            to,
            pdf,
            welsh,
            title,
            today,
            out,
        } => {
            let b = store.body_by_name(&body)?;
            let today = today.unwrap_or_else(minutes_store::register::today);
            match (pdf, out) {
                (true, Some(out)) => {
                    let lang = if welsh { Language::Cy } else { Language::En };
                    let (bytes, n) =
                        minutes_print::print_tracker(&store, b.id, (from, to), today, lang, title)
                            .map_err(print_err)?;
                    std::fs::write(&out, bytes)
                        .map_err(|e| io_err(&format!("writing {}", out.display()), e))?;
                    print(&format!(
                        "Wrote {} ({n} recommendation{})\n",
                        out.display(),
                        if n == 1 { "" } else { "s" }
                    ))
                }
                (_, out) => write_out(out, &store.tracker_csv(b.id, from, to, today)?),
            }
        }
        Command::Export {
            meeting,
            body,
            csv,
            ics,
            oparl,
            base_url,
            out,
        } => {
            let body_id = body
                .as_deref()
                .map(|b| store.body_by_name(b).map(|b| b.id))
                .transpose()?;
            let text = if csv {
                store.register_csv(&minutes_core::RegisterQuery {
                    body_id,
                    ..Default::default()
                })?
            } else if ics {
                let Some(b) = body_id else {
                    return Err(minutes_core::DomainError::invalid(
                        "Body",
                        "--ics needs --body: the calendar is one body's meetings",
                    )
                    .into());
                };
                store.meetings_ics(b, chrono::Utc::now())?
            } else if oparl {
                json(&store.oparl_export(&base_url, body_id)?)? + "\n"
            } else {
                let Some(meeting) = meeting else {
                    return Err(minutes_core::DomainError::invalid(
                        "Meeting",
                        "say which meeting to export, or use --csv, --ics or --oparl",
                    )
                    .into());
                };
                let id = store.find_meeting(&meeting, body.as_deref())?;
                json(&store.meeting_record(id)?)? + "\n"
            };
            write_out(out, &text)
        }
    }
}

fn write_out(out: Option<PathBuf>, text: &str) -> Result<(), StoreError> {
    match out {
        Some(file) => {
            std::fs::write(&file, text)
                .map_err(|e| io_err(&format!("writing {}", file.display()), e))?;
            print(&format!("Wrote {}\n", file.display()))
        }
        None => print(text),
    }
}
