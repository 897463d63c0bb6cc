//! `cofnod publish`: the public website of the record, written into a folder any web server or
//! file share can serve.

use std::path::PathBuf;

use clap::Args;
use minutes_app::core::site::PublishRequest;
use minutes_app::Council;

use crate::error::Result;

/// Publish the public website of the record (committees, calendar, agendas, minutes, notices
/// of decisions, the resolutions register with its search, OParl) into a folder, in English
/// and Welsh; publishing again writes only what changed
#[derive(Args, Debug)]
pub struct PublishArgs {
    /// The folder to write the site into: a new or empty folder, or a site published before
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The web address the folder will be served at (the OParl data names objects by it)
    #[arg(
        long,
        value_name = "URL",
        default_value = "https://democracy.example.gov.uk/"
    )]
    url: String,
}

pub fn publish(c: &Council, a: PublishArgs) -> Result {
    let req = PublishRequest {
        folder: a.out.display().to_string(),
        web_address: a.url,
        job: 0,
    };
    let mut last = String::new();
    let report = c.publish(&req, &mut |p| {
        if p.step != last {
            eprintln!("publishing: {} ({}/{} meetings)", p.step, p.done, p.total);
            last = p.step.clone();
        }
    })?;
    println!(
        "Published {} meetings ({} changed) and {} resolutions to {}: {} files, {} written, {} unchanged, {} removed, {:.1} MB",
        report.meetings,
        report.meetings_changed,
        report.resolutions,
        report.folder,
        report.files,
        report.written,
        report.unchanged,
        report.removed,
        report.bytes as f64 / 1_000_000.0
    );
    println!(
        "Open {}/index.html (the register's search needs the folder served by a web server)",
        report.folder
    );
    Ok(())
}

/// `cofnod publish-draft MEETING`: the draft minutes go to members (and, from then on, to the
/// published site, marked draft), as the Approval screen's "Publish draft" does.
#[derive(Args, Debug)]
pub struct PublishDraftArgs {
    #[command(flatten)]
    meeting: crate::args::MeetingArgs,
}

pub fn publish_draft(c: &Council, a: PublishDraftArgs) -> Result {
    let id = a.meeting.find(c)?;
    c.write(|s| s.publish_draft(id))?;
    println!("The draft minutes are published to members; they are audited from now on.");
    Ok(())
}
