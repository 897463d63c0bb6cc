//! The database itself: init, demo, the minute book, backup and restore, the generated archive.

use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use minutes_app::core::{
    BilingualLayout, DomainError, Language, MinuteBookNumbering, SequenceYear,
};
use minutes_app::Council;

use crate::args::print;
use crate::error::Result;

/// Create the database (or check and migrate an existing one) and print its path
#[derive(Args, Debug)]
pub struct InitArgs {
    /// Also load the demo council if the database holds no council yet (as the app's "Open the
    /// demo council" does)
    #[arg(long)]
    demo: bool,
}

pub fn init(council: &Council, a: InitArgs) -> Result {
    if let Some(b) = council.migration_backup() {
        eprintln!(
            "cofnod: backed up the database before migrating it, to {}",
            b.display()
        );
    }
    if a.demo && council.ensure_demo()?.is_some() {
        eprintln!("cofnod: loaded the demo council");
    }
    print(&format!("{}\n", path_of(council).display()))
}

fn path_of(council: &Council) -> PathBuf {
    council.path().map(PathBuf::from).unwrap_or_default()
}

pub fn demo(council: &Council) -> Result {
    let ids = council.load_demo()?;
    print(&format!(
        "Loaded the demo council into {}\nMeeting of 5th January, 2015: {}\n",
        path_of(council).display(),
        ids.meeting
    ))
}

#[derive(Args, Debug)]
pub struct MinuteBookArgs {
    #[arg(value_parser = ["none", "year", "continuous"])]
    numbering: Option<String>,
}

pub fn minute_book(council: &Council, a: MinuteBookArgs) -> Result {
    let mut authority = council.write(|s| s.authority())?;
    if let Some(word) = a.numbering {
        authority.minute_book = match word.as_str() {
            "none" => None,
            other => Some(MinuteBookNumbering::parse(other)?),
        };
        council.write(|s| s.set_authority(&authority))?;
    }
    print(match authority.minute_book {
        None => "No loose-leaf minute book: signed minutes get no minute-book pages.\n",
        Some(MinuteBookNumbering::Year) => "Loose-leaf minute book, numbered from page 1 each municipal year: signing gives the minutes the next pages.\n",
        Some(MinuteBookNumbering::Continuous) => "Loose-leaf minute book, numbered continuously: signing gives the minutes the next pages.\n",
    })
}

#[derive(Args, Debug)]
pub struct DocumentsArgs {
    /// The language of the legal record: en or cy
    #[arg(long, value_name = "LANG")]
    legal: Option<String>,
    /// The notice printed on English documents when the Welsh is the legal record
    #[arg(long, value_name = "TEXT")]
    notice_en: Option<String>,
    /// The notice printed on Welsh documents when the English is the legal record
    #[arg(long, value_name = "TEXT")]
    notice_cy: Option<String>,
    /// How a bilingual document is laid out: separate, welsh_first_sections or side_by_side
    #[arg(long)]
    layout: Option<String>,
}

pub fn documents(council: &Council, a: DocumentsArgs) -> Result {
    let mut d = council.write(|s| s.authority())?.documents;
    let changing =
        a.legal.is_some() || a.notice_en.is_some() || a.notice_cy.is_some() || a.layout.is_some();
    if let Some(l) = &a.legal {
        d.legal_language = Language::parse(l.trim()).map_err(|_| {
            DomainError::invalid(
                "Legal-record language",
                format!("'{}' is not a language: give en or cy", l.trim()),
            )
        })?;
    }
    if let Some(n) = a.notice_en {
        d.translation_notice_en = n;
    }
    if let Some(n) = a.notice_cy {
        d.translation_notice_cy = n;
    }
    if let Some(l) = &a.layout {
        d.layout = minutes_app::core::validate::bilingual_layout(l)?;
    }
    if changing {
        d = council.write(|s| s.set_document_languages(&d))?;
    }
    let layout = match d.layout {
        BilingualLayout::Separate => "separate documents, one in each language",
        BilingualLayout::WelshFirstSections => "one document, each section in Welsh then English",
        BilingualLayout::SideBySide => "one document in two columns, Welsh on the left",
    };
    print(&format!(
        "Legal record: {}\nNotice on English documents: {}\nNotice on Welsh documents: {}\nBilingual layout: {layout}\n",
        d.legal_language.pick("English", "Welsh"),
        d.notice(Language::En).unwrap_or("(none: English is the legal record)"),
        d.notice(Language::Cy).unwrap_or("(none: Welsh is the legal record)"),
    ))
}

#[derive(Args, Debug)]
pub struct SequenceStartArgs {
    /// The body whose minute sequence it is (English or Welsh name)
    #[arg(long)]
    body: String,
    /// The number the year's first minute takes (the council's running sequence's next
    /// number); without it, show where the sequence stands
    #[arg(long)]
    next: Option<u32>,
    /// Any date in the municipal year (YYYY-MM-DD) [default: today]
    #[arg(long, value_name = "DATE")]
    in_year: Option<NaiveDate>,
}

/// Shows, or sets before the year's first minute, the number a body's sequence starts the
/// municipal year at.
pub fn sequence_start(council: &Council, a: SequenceStartArgs) -> Result {
    let body = council.write(|s| s.body_by_name(&a.body))?;
    let year = match a.next {
        Some(next) => council.set_sequence_start(body.sequence_id, next, a.in_year)?,
        None => council.sequence_year(body.sequence_id, a.in_year)?,
    };
    print(&sequence_words(&body.name_en, &year))
}

fn sequence_words(body: &str, y: &SequenceYear) -> String {
    let standing = if y.numbered == 0 {
        "no minute is numbered yet, so the first number can still be set".to_string()
    } else {
        format!(
            "{} minute(s) numbered from {}, so the first number can no longer be set",
            y.numbered, y.first_number
        )
    };
    format!(
        "{body}: in the municipal year starting {}, the next minute is {} ({standing}).\n",
        y.year_start, y.next_label
    )
}

pub fn backup(council: &Council, dest: PathBuf) -> Result {
    let info = council.backup(&dest)?;
    print(&format!(
        "Backed up {} to {} ({} bytes)\n",
        path_of(council).display(),
        info.path.display(),
        info.bytes
    ))
}

/// Prints each break on its own line (meeting, table, row, what), or that the record
/// verifies; any break is an error (exit 7).
pub fn verify(council: &Council) -> Result {
    let report = council.verify()?;
    let Some(first) = report.problems.first() else {
        return print(&format!(
            "The record verifies: {} audit entries, {} signed minutes. The chain ends in {}.\n",
            report.audit_entries, report.signed_minutes, report.chain_hash
        ));
    };
    let lines: String = report.problems.iter().map(|p| p.line() + "\n").collect();
    print(&lines)?;
    Err(minutes_app::AppError::Tampered {
        count: report.problems.len(),
        first: first.line(),
    }
    .into())
}

pub fn restore(council: &Council, src: PathBuf) -> Result {
    let info = council.restore(&src)?;
    let kept = info
        .previous
        .map(|p| format!("; the database as it was is kept at {}", p.display()));
    print(&format!(
        "Restored {} from {}{}\n",
        path_of(council).display(),
        src.display(),
        kept.unwrap_or_default()
    ))
}

/// Generate a large invented archive into a new database (for trying the register at scale)
#[derive(Args, Debug)]
pub struct ArchiveArgs {
    /// Bodies (committees), 1 to 25
    #[arg(long, default_value_t = 25)]
    bodies: u32,
    /// Municipal years, 1 to 50
    #[arg(long, default_value_t = 20)]
    years: u32,
    /// Meetings a year across all bodies, 1 to 600
    #[arg(long, default_value_t = 300)]
    meetings_per_year: u32,
    /// Items on each agenda, 2 to 40 (and at most 500,000 items in all)
    #[arg(long, default_value_t = 8)]
    items_per_meeting: u32,
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

impl ArchiveArgs {
    /// The archive asked for, checked against its bounds (before any file is made).
    pub fn spec(&self) -> Result<minutes_app::ArchiveSpec> {
        let spec = minutes_app::ArchiveSpec {
            bodies: self.bodies,
            years: self.years,
            meetings_per_year: self.meetings_per_year,
            items_per_meeting: self.items_per_meeting,
            seed: self.seed,
            ..Default::default()
        };
        spec.check()?;
        Ok(spec)
    }
}

pub fn generate_archive(council: &Council, a: ArchiveArgs) -> Result {
    let spec = a.spec()?;
    let started = std::time::Instant::now();
    // A percentage on the terminal while it runs (nothing when stderr is a file or a pipe).
    let terminal = std::io::stderr().is_terminal();
    let mut shown = None;
    let mut progress = |done: u64, total: u64| {
        let percent = (done * 100).checked_div(total).unwrap_or(100);
        if terminal && shown != Some(percent) {
            shown = Some(percent);
            eprint!("\rcofnod: generating the archive: {percent:>3}%");
            if done == total {
                eprintln!();
            }
        }
    };
    let st =
        council.write(|s| minutes_app::generate_archive_with_progress(s, &spec, &mut progress))?;
    print(&format!(
        "Generated {} bodies, {} meetings, {} minutes, {} resolutions, {} referrals into {} in {:.1} s\n",
        st.bodies, st.meetings, st.minutes, st.resolutions, st.referrals, path_of(council).display(), started.elapsed().as_secs_f64()
    ))
}

/// The authority's working days: list a year's bank holidays and the authority's own days,
/// close a weekday, open a bank holiday, or clear a day
#[derive(Args, Debug)]
pub struct CalendarArgs {
    #[command(subcommand)]
    action: Option<CalendarAction>,
    /// The year to list [default: this year]
    #[arg(long)]
    year: Option<i32>,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Subcommand, Debug)]
enum CalendarAction {
    /// List a year's bank holidays and the authority's own days (the default)
    List,
    /// Close the offices on a weekday that is not a bank holiday (YYYY-MM-DD)
    Close {
        day: NaiveDate,
        /// What the day is called ("Council closure")
        #[arg(long, default_value = "")]
        name: String,
    },
    /// Open the offices on a bank holiday (YYYY-MM-DD)
    Open {
        day: NaiveDate,
        #[arg(long, default_value = "")]
        name: String,
    },
    /// Clear one of the authority's own days (YYYY-MM-DD)
    Clear { day: NaiveDate },
}

pub fn calendar(council: &Council, a: CalendarArgs) -> Result {
    use minutes_app::core::DayKind;
    let shown = |d: NaiveDate| d.format("%a %-d %b %Y").to_string();
    match a.action.unwrap_or(CalendarAction::List) {
        CalendarAction::List => {
            let year = a
                .year
                .unwrap_or_else(|| chrono::Datelike::year(&council.today()));
            let cal = council.calendar_year(year)?;
            if a.json {
                return crate::args::print_json("The calendar", &cal);
            }
            let mut t = format!("Bank holidays in {year}:\n");
            for h in &cal.bank_holidays {
                t.push_str(&format!(
                    "  {}  {}{}\n",
                    shown(h.day),
                    h.name,
                    if h.worked { " (offices open)" } else { "" }
                ));
            }
            t.push_str(&format!("The authority's own days in {year}:\n"));
            if cal.days.is_empty() {
                t.push_str("  none\n");
            }
            for d in &cal.days {
                t.push_str(&format!(
                    "  {}  {}{}\n",
                    shown(d.day),
                    match d.kind {
                        DayKind::Closed => "closed",
                        DayKind::Open => "open",
                    },
                    if d.name.is_empty() {
                        String::new()
                    } else {
                        format!("  {}", d.name)
                    }
                ));
            }
            print(&t)
        }
        CalendarAction::Close { day, name } => {
            council.set_authority_day(day, DayKind::Closed, &name)?;
            print(&format!("The offices are closed on {}\n", shown(day)))
        }
        CalendarAction::Open { day, name } => {
            council.set_authority_day(day, DayKind::Open, &name)?;
            print(&format!("The offices are open on {}\n", shown(day)))
        }
        CalendarAction::Clear { day } => {
            council.clear_authority_day(day)?;
            print(&format!("Cleared {}\n", shown(day)))
        }
    }
}
