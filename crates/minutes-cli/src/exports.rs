//! The record written out: a meeting as JSON, the register as CSV, a body's calendar, OParl,
//! and the recommendation tracker.

use std::path::PathBuf;

use clap::Args;
use minutes_app::core::{house_style, DomainError, Language, RegisterQuery};
use minutes_app::{Clock, Council, TrackerFormat};

use crate::args::{body_id, print, save_to, wrote};
use crate::error::Result;

/// Export a meeting (agenda, attendance, minutes, resolutions, referrals) as JSON; or, with
/// --csv the register, --ics a body's meetings calendar, --oparl OParl 1.1-shaped JSON
#[derive(Args, Debug)]
pub struct ExportArgs {
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
}

pub fn export(council: &Council, a: ExportArgs) -> Result {
    let body = body_id(council, a.body.as_deref())?;
    let save = &mut save_to(a.out.as_deref());
    let written = if a.csv {
        let q = RegisterQuery {
            body_id: body,
            ..Default::default()
        };
        council.register_csv(&q, save)?
    } else if a.ics {
        let Some(b) = body else {
            return Err(DomainError::invalid(
                "Body",
                "--ics needs --body: the calendar is one body's meetings",
            )
            .into());
        };
        council.meetings_ics(b, save)?
    } else if a.oparl {
        council.oparl(body, &a.base_url, save)?
    } else {
        let Some(meeting) = a.meeting else {
            return Err(DomainError::invalid(
                "Meeting",
                "say which meeting to export, or use --csv, --ics or --oparl",
            )
            .into());
        };
        let id = council.write(|s| s.find_meeting(&meeting, a.body.as_deref()))?;
        council.meeting_json(id, save)?
    };
    wrote(written)
}

/// The recommendation tracker of a body for a period, as CSV, or as a PDF report with --pdf
#[derive(Args, Debug)]
pub struct TrackerArgs {
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
}

pub fn tracker(council: &mut Council, a: TrackerArgs) -> Result {
    if let Some(day) = a.today {
        council.set_clock(Clock::Fixed(day));
    }
    let body = council.write(|s| s.body_by_name(&a.body))?;
    let format = if a.pdf {
        TrackerFormat::Pdf {
            language: if a.welsh { Language::Cy } else { Language::En },
            title: a.title,
        }
    } else {
        TrackerFormat::Csv
    };
    let (written, n) = council.tracker(
        body.id,
        (a.from, a.to),
        format.clone(),
        &mut save_to(a.out.as_deref()),
    )?;
    match (format, written) {
        (TrackerFormat::Pdf { .. }, Some(path)) => print(&format!(
            "Wrote {} ({n} recommendation{})\n",
            path.display(),
            if n == 1 { "" } else { "s" }
        )),
        (_, written) => wrote(written),
    }
}

/// Import meetings as `cofnod export MEETING` wrote them, all or none (docs/import.md)
#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The meeting's JSON file; several are imported together, in date order, so minutes
    /// approved at a meeting imported with them keep their approval and signature
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

/// One line per meeting imported.
pub fn import(council: &Council, a: ImportArgs) -> Result {
    let done = council.import_files(&a.files)?;
    let mut out = String::new();
    for s in done {
        let plural = |n: u32, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
        out.push_str(&format!(
            "Imported {} of {}: {}, {}, {} created{}; minutes {} (meeting {})\n",
            s.body_name,
            house_style::long_date(s.date, Language::En),
            plural(s.minutes, "minute"),
            plural(s.resolutions, "resolution"),
            match s.people_created {
                1 => "1 person".to_string(),
                n => format!("{n} people"),
            },
            if s.documents_left_out > 0 {
                format!(
                    ", {} left out (attach again)",
                    plural(s.documents_left_out, "report")
                )
            } else {
                String::new()
            },
            s.minutes_status.as_str().replace('_', " "),
            s.meeting_id.to_string().chars().take(8).collect::<String>(),
        ));
    }
    print(&out)
}
