//! `cofnod`: Cofnod's command line. Each command is one call of the application layer
//! (`minutes-app`), the same the desktop app makes; this crate only reads the arguments and
//! words the answer. See `cofnod --help` and the README for the exit codes.
//!
//! One module per command group: [`setup`] (the database itself), [`meetings`] (meetings and
//! their documents), [`register`] (finding what was resolved, referrals), [`exports`]; the
//! arguments several commands share in [`args`]; exit codes in [`error`].

mod args;
mod callin;
mod error;
mod exports;
mod meetings;
mod register;
mod setup;
mod site;
mod translate;
mod votes;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use minutes_app::{Clock, Council};

use crate::error::Result;

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
    Init(setup::InitArgs),
    /// Load the demo council: bodies, members, and a scrutiny meeting of 5th January, 2015
    Demo,
    /// List the meetings, newest first
    Meetings {
        #[arg(long)]
        json: bool,
    },
    /// Print a meeting's minutes as text in the house style
    Minutes(meetings::MinutesArgs),
    /// Print a meeting's formal minutes to a PDF file
    Render(meetings::RenderArgs),
    /// Show or set whether the council keeps a loose-leaf minute book, numbered afresh each
    /// municipal year ("year") or across the whole book ("continuous"); "none" for a bound book
    MinuteBook(setup::MinuteBookArgs),
    /// Show or set the documents' languages: which is the legal record (en or cy), the
    /// translation notice the other language's documents carry, and the bilingual layout
    Documents(setup::DocumentsArgs),
    /// Show, or set before the year's first minute, the number a body's minute sequence starts
    /// the municipal year at (a council adopting Cofnod mid-year: --next 476)
    SequenceStart(setup::SequenceStartArgs),
    /// Print a meeting's notice of decisions (who attended, apologies, declarations, decisions
    /// and votes; nothing exempt) to a PDF or text file, or mark it published
    Decisions(meetings::DecisionsArgs),
    /// The authority's working days: a year's bank holidays and its own closed or open days
    Calendar(setup::CalendarArgs),
    /// Print a meeting's agenda pack (front sheet, agenda, reports merged) to a PDF file
    Pack(meetings::PackArgs),
    /// Search minutes, resolutions, reasons and agenda titles
    Search(register::SearchArgs),
    /// Search the resolutions register: words (accents optional) and filters that combine
    Register(register::RegisterArgs),
    /// Show a resolution: its reason, minute, meeting and whole referral chain
    Resolution(register::ResolutionArgs),
    /// Referrals still open, due soon and overdue; or record an outcome, or take one up as a (REF) item
    Referrals(register::ReferralsArgs),
    /// Generate a large invented archive into a new database (for trying the register at scale)
    GenerateArchive(setup::ArchiveArgs),
    /// Back the database up to a new file, while it stays in use
    Backup { dest: PathBuf },
    /// Replace the database with a backup, after checking the backup
    Restore { src: PathBuf },
    /// Check the record against itself: the audit chain, signed minutes, the register, the
    /// schema's rules; name each break and exit 7 if there is any
    Verify,
    /// Export a meeting (agenda, attendance, minutes, resolutions, referrals) as JSON; or, with
    /// --csv the register, --ics a body's meetings calendar, --oparl OParl 1.1-shaped JSON
    Export(exports::ExportArgs),
    /// The recommendation tracker of a body for a period, as CSV, or as a PDF report with --pdf
    Tracker(exports::TrackerArgs),
    /// Import meetings as `cofnod export MEETING` wrote them, all or none (docs/import.md)
    Import(exports::ImportArgs),
    /// Show whether the meeting was quorate at each agenda item, and where it lost its quorum
    Quorum(votes::QuorumArgs),
    /// Record how a resolution limb was decided: unanimously, by a show of hands, or by a
    /// recorded vote, with the chair's casting vote on a tie
    Vote(votes::VoteArgs),
    /// Record (or remove) the dispensation granted on a declaration of interest
    Dispensation(votes::DispensationArgs),
    /// Record a Cabinet limb's executive decision: key decision, options rejected, consultation,
    /// interests, publication (the call-in period follows), or urgent with the scrutiny chair's agreement
    Executive(callin::ExecutiveArgs),
    /// Call in a Cabinet decision: request, accept, reject, outcome, reconsidered
    CallIn(callin::CallInArgs),
    /// Mark a Cabinet decision implemented; refused while its call-in period runs or a call-in is pending
    Implement(callin::ImplementArgs),
    /// Translate a meeting's texts: list them with their status, set one, or take a CSV file
    Translate(translate::TranslateArgs),
    /// Publish the public website of the record into a folder (HTML and PDF, English and
    /// Welsh, the register's search, OParl); publishing again writes only what changed
    Publish(site::PublishArgs),
    /// Publish a meeting's draft minutes to members, as the Approval screen's "Publish draft"
    PublishDraft(site::PublishDraftArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cofnod: error [{}]: {e}", e.code().as_str());
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result {
    let path = match cli.db {
        Some(p) => p,
        None => minutes_app::default_database_path()?,
    };
    // Only the commands that make a database may create the file; every other command needs
    // an existing Cofnod database, and a typo'd --db is "not found", not a new empty one.
    let creates = matches!(
        cli.command,
        Command::Init(_)
            | Command::Demo
            | Command::GenerateArchive(_)
            | Command::Import(_)
            | Command::Restore { .. }
    );
    if let Command::GenerateArchive(a) = &cli.command {
        a.spec()?;
    }
    // The commands that only read open the file for reading: they neither create nor convert
    // (migrate) a database.
    let reads = matches!(
        cli.command,
        Command::Meetings { .. }
            | Command::Minutes(_)
            | Command::Render(_)
            | Command::Search(_)
            | Command::Register(_)
            | Command::Resolution(_)
            | Command::Export(_)
            | Command::Tracker(_)
            | Command::Backup { .. }
            | Command::Verify
            | Command::Quorum(_)
            | Command::Publish(_)
    ) || matches!(&cli.command, Command::Decisions(a) if !a.writes());
    let mut council = if creates {
        Council::open(&path, Clock::System)?
    } else if reads {
        Council::open_reading(&path, Clock::System)?
    } else {
        Council::open_existing(&path, Clock::System)?
    };
    let c = &mut council;
    match cli.command {
        Command::Init(a) => setup::init(c, a),
        Command::Demo => setup::demo(c),
        Command::MinuteBook(a) => setup::minute_book(c, a),
        Command::Documents(a) => setup::documents(c, a),
        Command::SequenceStart(a) => setup::sequence_start(c, a),
        Command::Backup { dest } => setup::backup(c, dest),
        Command::Restore { src } => setup::restore(c, src),
        Command::Verify => setup::verify(c),
        Command::GenerateArchive(a) => setup::generate_archive(c, a),
        Command::Meetings { json } => meetings::list(c, json),
        Command::Minutes(a) => meetings::minutes(c, a),
        Command::Render(a) => meetings::render(c, a),
        Command::Pack(a) => meetings::pack(c, a),
        Command::Decisions(a) => meetings::decisions(c, a),
        Command::Calendar(a) => setup::calendar(c, a),
        Command::Search(a) => register::search(c, a),
        Command::Register(a) => register::register(c, a),
        Command::Resolution(a) => register::resolution(c, a),
        Command::Referrals(a) => register::referrals(c, a),
        Command::Export(a) => exports::export(c, a),
        Command::Tracker(a) => exports::tracker(c, a),
        Command::Import(a) => exports::import(c, a),
        Command::Quorum(a) => votes::quorum(c, a),
        Command::Vote(a) => votes::vote(c, a),
        Command::Dispensation(a) => votes::dispensation(c, a),
        Command::Executive(a) => callin::executive(c, a),
        Command::CallIn(a) => callin::call_in_command(c, a),
        Command::Implement(a) => callin::implement(c, a),
        Command::Translate(a) => translate::translate(c, a),
        Command::Publish(a) => site::publish(c, a),
        Command::PublishDraft(a) => site::publish_draft(c, a),
    }
}
