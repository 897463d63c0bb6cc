//! Meetings and their documents: the list, the minutes as text and PDF, the agenda pack.

use std::path::PathBuf;

use clap::Args;
use minutes_app::{Council, PackJob};

use crate::args::{print, print_json, save_to, wrote, EditionArgs, MeetingArgs};
use crate::error::Result;

pub fn list(council: &Council, json: bool) -> Result {
    let list = council.write(|s| s.list_meetings())?;
    if json {
        return print_json("The meetings", &list);
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

/// Print a meeting's minutes as text in the house style
#[derive(Args, Debug)]
pub struct MinutesArgs {
    #[command(flatten)]
    meeting: MeetingArgs,
    #[command(flatten)]
    edition: EditionArgs,
}

pub fn minutes(council: &Council, a: MinutesArgs) -> Result {
    let id = a.meeting.find(council)?;
    warn_translations(council, id, a.edition.edition())?;
    print(&council.minutes_text(id, a.edition.edition())?)
}

/// Before the Welsh minutes: the texts still awaiting translation, named (a warning only).
fn warn_translations(council: &Council, id: uuid::Uuid, edition: minutes_app::Edition) -> Result {
    if edition.language == minutes_app::core::Language::Cy {
        for w in council.translation_warnings(id)? {
            eprintln!("cofnod: warning: {w}");
        }
    }
    Ok(())
}

/// Print a meeting's formal minutes to a PDF file
#[derive(Args, Debug)]
pub struct RenderArgs {
    #[command(flatten)]
    meeting: MeetingArgs,
    #[command(flatten)]
    edition: EditionArgs,
    /// The PDF file to write
    #[arg(long)]
    out: PathBuf,
}

pub fn render(council: &Council, a: RenderArgs) -> Result {
    let id = a.meeting.find(council)?;
    warn_translations(council, id, a.edition.edition())?;
    wrote(council.print_minutes(id, a.edition.edition(), &mut save_to(Some(&a.out)))?)
}

/// Print a meeting's agenda pack (front sheet, agenda, reports merged) to a PDF file
#[derive(Args, Debug)]
pub struct PackArgs {
    #[command(flatten)]
    meeting: MeetingArgs,
    #[command(flatten)]
    edition: EditionArgs,
    /// Only the reports attached since the packs already issued, numbered on from them
    #[arg(long)]
    supplement: bool,
    /// Record the pack as issued (the agenda, or the next supplement), with its page map
    #[arg(long)]
    issue: bool,
    /// The PDF file to write
    #[arg(long)]
    out: PathBuf,
}

pub fn pack(council: &Council, a: PackArgs) -> Result {
    let job = PackJob {
        meeting_id: a.meeting.find(council)?,
        edition: a.edition.edition(),
        supplement: a.supplement,
        issue: a.issue,
        print_job: 0,
    };
    let saved = council.print_pack(
        &job,
        &mut |e| {
            if e.done > 0 {
                eprintln!("cofnod: merged {} of {}: {}", e.done, e.total, e.title);
            }
        },
        &mut save_to(Some(&a.out)),
    )?;
    let Some(saved) = saved else { return Ok(()) };
    for w in &saved.warnings {
        eprintln!("cofnod: warning: {w}");
    }
    print(&format!(
        "Wrote {} (pages {} to {})\n",
        saved.path.display(),
        saved.first_page,
        saved.last_page
    ))
}

/// Print a meeting's notice of decisions (s.100C(1C) LGA 1972) to a PDF or text file, or mark
/// it published
#[derive(Args, Debug)]
pub struct DecisionsArgs {
    #[command(flatten)]
    meeting: MeetingArgs,
    /// The file to write (PDF, or text with --text)
    #[arg(long)]
    out: Option<PathBuf>,
    /// Welsh (Hysbysiad o Benderfyniadau)
    #[arg(long)]
    welsh: bool,
    /// Plain text instead of PDF
    #[arg(long)]
    text: bool,
    /// Record that the notice was published (today, or the day given with --on)
    #[arg(long)]
    mark_published: bool,
    /// The day it was published, with --mark-published (YYYY-MM-DD)
    #[arg(long, requires = "mark_published")]
    on: Option<chrono::NaiveDate>,
}

impl DecisionsArgs {
    /// Whether the command changes the database.
    pub fn writes(&self) -> bool {
        self.mark_published
    }
}

pub fn decisions(council: &Council, a: DecisionsArgs) -> Result {
    use minutes_app::core::{DomainError, Language};
    use minutes_app::NoticeFormat;
    if a.out.is_none() && !a.mark_published {
        return Err(DomainError::invalid(
            "--out",
            "say which file to write the notice to (--out FILE), or --mark-published",
        )
        .into());
    }
    let id = a.meeting.find(council)?;
    if a.mark_published {
        let n = council.mark_notice_published(id, a.on)?;
        print(&format!(
            "The notice of decisions is marked published on {}\n",
            n.published_on
        ))?;
    }
    let Some(out) = a.out else { return Ok(()) };
    let language = if a.welsh { Language::Cy } else { Language::En };
    let format = if a.text {
        NoticeFormat::Text
    } else {
        NoticeFormat::Pdf
    };
    let written = council.print_decisions_notice(id, language, format, &mut save_to(Some(&out)))?;
    wrote(written)
}
