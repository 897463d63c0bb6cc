//! The IPC surface, declared once: each command's name, arguments and result are written here
//! and nowhere else. From this one declaration come the Tauri command functions, their
//! registration ([`handler`]) and the TypeScript command map the window's one IPC module is
//! typed against (`ui/src/lib/ipc/commands.ts`, written by this crate's tests), so a command
//! renamed on one side only fails `make test`.
//!
//! Each command is one call of the application layer (`minutes-app`) and nothing more.
//! Arguments arrive camelCased from the window (`meeting_id` as `meetingId`); results and
//! errors leave as the ts-rs types in `ui/src/lib/ipc/bindings` (errors as `{code, message}`).

use std::path::PathBuf;

use chrono::NaiveDate;
use minutes_app::core::call_in::*;
use minutes_app::core::input::*;
use minutes_app::core::pack::{PackProgressEvent, PackRequest};
use minutes_app::core::quorum::QuorumReport;
use minutes_app::core::render::Line;
use minutes_app::core::site::{PublishProgress, PublishReport, PublishRequest};
use minutes_app::core::*;
use minutes_app::{
    BackupInfo, Council, CouncilSlot, Edition, NoticeFormat, PackJob, TrackerFormat,
};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};
use uuid::Uuid;

use crate::files::{choose_file, pick_folder, save_path, save_with_dialog, DATABASE, PDF};
use crate::ipc_types::{CommandSpec, IpcType};

type Reply<T> = Result<T, ApiError>;

/// `commands! { fn name(arg: Type, ...) -> Result => |council, app| call; ... }` declares each
/// command once: the async Tauri command (the call runs with panics caught and its error
/// mapped to an [`ApiError`]), [`handler`] registering them all, and [`declarations`] for the
/// TypeScript map. `app` is the [`AppHandle`], for the commands that open a dialog. A command
/// reaches the open council; until the first start's choice is made it is refused with a
/// clear error. The first start's own commands, marked `[start]`, get the [`CouncilSlot`]
/// itself instead.
macro_rules! commands {
    ($( $(#[doc = $doc:literal])* $([$start:ident])? fn $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty
        => |$c:ident, $app:ident| $call:expr; )*) => {
        $(
            command_fn! { $(#[doc = $doc])* [$($start)?] fn $name($($arg: $ty),*) -> $ret => |$c, $app| $call }
        )*

        /// Every command, registered with Tauri.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }

        /// Every command as the window sees it: name, arguments (TypeScript types) and result.
        pub fn declarations() -> Vec<CommandSpec> {
            vec![$(CommandSpec {
                name: stringify!($name),
                args: vec![$((stringify!($arg), <$ty as IpcType>::ts())),*],
                result: <$ret as IpcType>::ts(),
                imports: {
                    let mut i = std::collections::BTreeSet::new();
                    $(<$ty as IpcType>::imports(&mut i);)*
                    <$ret as IpcType>::imports(&mut i);
                    i
                },
            }),*]
        }
    };
}

/// One Tauri command of [`commands!`]: on the open council, or (`[start]`) on the slot.
macro_rules! command_fn {
    ($(#[doc = $doc:literal])* [] fn $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty => |$c:ident, $app:ident| $call:expr) => {
        $(#[doc = $doc])*
        #[tauri::command]
        #[allow(unused_variables)]
        pub async fn $name(
            app: AppHandle,
            state: State<'_, CouncilSlot>
            $(, $arg: $ty)*
        ) -> Reply<$ret> {
            let $app: &AppHandle = &app;
            minutes_app::guarded(|| {
                let $c: &Council = state.council()?;
                $call
            })
            .map_err(ApiError::from)
        }
    };
    ($(#[doc = $doc:literal])* [start] fn $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty => |$c:ident, $app:ident| $call:expr) => {
        $(#[doc = $doc])*
        #[tauri::command]
        #[allow(unused_variables)]
        pub async fn $name(
            app: AppHandle,
            state: State<'_, CouncilSlot>
            $(, $arg: $ty)*
        ) -> Reply<$ret> {
            let ($c, $app): (&CouncilSlot, &AppHandle) = (&state, &app);
            minutes_app::guarded(|| $call).map_err(ApiError::from)
        }
    };
}

commands! {
    // The first start: a council open, or the choice to make.
    /// Whether a council is open, and where its database is (or will be).
    [start] fn start_state() -> StartState => |slot, app| Ok(slot.state());
    /// Loads the demo council (sample data of a fictional council) into a new database and opens it.
    [start] fn open_demo() -> StartState => |slot, app| slot.open_demo().map(|_| slot.state());
    /// Sets up a new council (authority, first committee, its members) in one go and opens it;
    /// bad input is refused naming the field, and nothing is created.
    [start] fn create_council(council: NewCouncil) -> StartState => |slot, app| slot.create_council(&council).map(|_| slot.state());
    /// The text size the clerk chose on this computer, in percent (100 when none).
    [start] fn text_size() -> u32 => |slot, app| Ok(crate::zoom::text_size());
    /// Sets the window's text size (percent, 50 to 500) and remembers it for the next start.
    [start] fn set_text_size(percent: u32) -> u32 => |slot, app| crate::zoom::set_text_size(app, percent);

    // The window itself.
    /// Sets the window's title to `title` (the screen the clerk is on, as the window names it:
    /// "Agenda – Scrutiny Committee, 5th January, 2015 – Cofnod"), for the task bar, the window
    /// switcher and a screen reader; open before a council is, so the first start has one too.
    [start] fn set_window_title(title: String) -> () => |slot, app| window_title(app, &title);

    fn app_info() -> AppInfo => |c, app| Ok(c.info());
    /// The check of the record started when the app opened (as `cofnod verify`).
    fn record_check() -> RecordCheck => |c, app| Ok(c.record_check());

    // Set-up: the authority, sequences, bodies, people, memberships.
    fn authority() -> Authority => |c, app| c.write(|s| s.authority());
    fn set_authority(authority: Authority) -> () => |c, app| c.write(|s| s.set_authority(&authority));
    /// The documents' languages: the legal record's, the translation notices, the bilingual layout.
    fn document_languages() -> DocumentLanguages => |c, app| c.write(|s| s.authority()).map(|a| a.documents);
    /// Sets them: an empty notice or a layout not built is refused, naming the field.
    fn set_document_languages(documents: DocumentLanguages) -> DocumentLanguages => |c, app| c.write(|s| s.set_document_languages(&documents));
    fn sequences() -> Vec<MinuteSequence> => |c, app| c.write(|s| s.sequences());
    fn add_sequence(sequence: NewSequence) -> MinuteSequence => |c, app| c.write(|s| s.add_sequence(&sequence));
    fn bodies() -> Vec<Body> => |c, app| c.write(|s| s.bodies());
    fn add_body(body: NewBody) -> Body => |c, app| c.write(|s| s.add_body(&body));
    /// Corrects a body after it is added (its sequence only until its first minute).
    fn update_body(body_id: Uuid, body: NewBody) -> Body => |c, app| c.write(|s| s.update_body(body_id, &body));
    /// Where a sequence stands in the municipal year of `on` (today when absent).
    fn sequence_year(sequence_id: Uuid, on: Option<NaiveDate>) -> SequenceYear => |c, app| c.sequence_year(sequence_id, on);
    /// Sets the number the first minute of a sequence's year takes (the year of `in_year`, today when absent).
    fn set_sequence_start(sequence_id: Uuid, next: u32, in_year: Option<NaiveDate>) -> SequenceYear => |c, app| c.set_sequence_start(sequence_id, next, in_year);
    fn people() -> Vec<Person> => |c, app| c.write(|s| s.people());
    /// A page of the people whose names hold the search's words, by surname, and how many in all.
    fn people_page(query: PersonQuery) -> PersonPage => |c, app| c.people_page(&query);
    fn add_person(person: NewPerson) -> Person => |c, app| c.write(|s| s.add_person(&person));
    fn update_person(person_id: Uuid, person: NewPerson) -> Person => |c, app| c.write(|s| s.update_person(person_id, &person));
    fn retire_person(person_id: Uuid) -> () => |c, app| c.write(|s| s.retire_person(person_id));
    /// Brings a retired person back into the pick lists (the undo of retiring them).
    fn reinstate_person(person_id: Uuid) -> () => |c, app| c.write(|s| s.reinstate_person(person_id));
    fn memberships(body_id: Uuid) -> Vec<Membership> => |c, app| c.write(|s| s.memberships(body_id));
    fn add_membership(membership: NewMembership) -> Membership => |c, app| c.write(|s| s.add_membership(&membership));
    fn end_membership(membership_id: Uuid, on: NaiveDate) -> () => |c, app| c.write(|s| s.end_membership(membership_id, on));
    /// Corrects a membership's role and dates.
    fn update_membership(membership_id: Uuid, role: Role, from: NaiveDate, to: Option<NaiveDate>) -> Membership => |c, app| c.write(|s| s.update_membership(membership_id, role, from, to));
    /// A year's bank holidays and the authority's own days (closed weekdays, worked bank holidays).
    fn calendar_year(year: i32) -> CalendarYear => |c, app| c.calendar_year(year);
    /// Closes the offices on a weekday that is not a bank holiday, or opens them on a bank holiday.
    fn set_authority_day(day: NaiveDate, kind: DayKind, name: String) -> AuthorityDay => |c, app| c.set_authority_day(day, kind, &name);
    fn clear_authority_day(day: NaiveDate) -> () => |c, app| c.clear_authority_day(day);
    // The database: backing it up and restoring it.
    /// Backs the database up to a file the clerk chooses (a file already there is replaced once
    /// the backup is written and checked). `None` when the clerk cancels.
    fn back_up(suggested: String, title: String) -> Option<BackupDone> => |c, app|
        save_path(app, &title, &suggested)?.map(|p| c.backup_replacing(&p).map(backup_done)).transpose();
    /// Asks for a backup file to restore from. `None` when the clerk cancels.
    fn choose_backup(title: String) -> Option<PathBuf> => |c, app| choose_file(app, &title, &DATABASE);
    /// Replaces the database with the backup at `path` once it has passed its checks; the
    /// database as it was is kept beside it first.
    fn restore_backup(path: PathBuf) -> BackupDone => |c, app| c.restore(&path).map(backup_done);
    /// Changes to bodies, memberships and sequences' starting numbers, a page at a time, newest first.
    fn setup_audit_page(query: AuditQuery) -> AuditPage => |c, app| c.setup_audit_page(&query);

    // Meetings and their agendas.
    /// A page of the meetings a search and its filters find, and how many they find in all.
    fn meetings_page(query: MeetingQuery) -> MeetingPage => |c, app| c.meetings_page(&query);
    fn meeting_record(meeting_id: Uuid) -> MeetingRecord => |c, app| c.write(|s| s.meeting_record(meeting_id));
    fn add_meeting(meeting: NewMeeting) -> Meeting => |c, app| c.write(|s| s.add_meeting(&meeting));
    fn update_meeting(meeting_id: Uuid, meeting: NewMeeting) -> Meeting => |c, app| c.write(|s| s.update_meeting(meeting_id, &meeting));
    fn set_meeting_status(meeting_id: Uuid, status: MeetingStatus) -> () => |c, app| c.write(|s| s.set_meeting_status(meeting_id, status));
    fn add_agenda_item(meeting_id: Uuid, item: NewAgendaItem) -> AgendaItem => |c, app| c.write(|s| s.add_agenda_item(meeting_id, &item));
    fn add_standing_items(meeting_id: Uuid) -> Vec<AgendaItem> => |c, app| c.write(|s| s.add_standing_items(meeting_id));
    fn update_agenda_item(item_id: Uuid, item: NewAgendaItem) -> AgendaItem => |c, app| c.write(|s| s.update_agenda_item(item_id, &item));
    fn remove_agenda_item(item_id: Uuid) -> () => |c, app| c.write(|s| s.remove_agenda_item(item_id));
    fn move_agenda_item(item_id: Uuid, position: u32) -> () => |c, app| c.write(|s| s.move_agenda_item(item_id, position));
    fn remove_attendance(attendance_id: Uuid) -> () => |c, app| c.write(|s| s.remove_attendance(attendance_id));
    fn remove_declaration(declaration_id: Uuid) -> () => |c, app| c.write(|s| s.remove_declaration(declaration_id));
    fn record_attendance(meeting_id: Uuid, attendance: NewAttendance) -> Attendance => |c, app| c.write(|s| s.record_attendance(meeting_id, &attendance));
    fn add_declaration(meeting_id: Uuid, declaration: NewDeclaration) -> Declaration => |c, app| c.write(|s| s.add_declaration(meeting_id, &declaration));
    /// Attaches a report PDF to an agenda item, chosen with the native dialog. `None` when the
    /// clerk cancels; a file that is not a PDF, is damaged or encrypted is refused with the
    /// reason, and nothing is saved.
    fn attach_report(item_id: Uuid, kind: DocumentKind) -> Option<DocumentInfo> => |c, app|
        choose_file(app, "Attach a report (PDF)", &PDF)?.map(|p| c.attach_report(item_id, &p, kind)).transpose();

    // Minutes, their blocks and decisions.
    fn add_minute(meeting_id: Uuid, agenda_item_id: Option<Uuid>, heading: String) -> Minute => |c, app| c.write(|s| s.add_minute(meeting_id, agenda_item_id, &heading));
    /// Adds a minute at a place among the meeting's minutes (`None`: at the end), of an agenda
    /// item or, with no item, one not on the agenda under the heading the clerk typed.
    fn add_minute_at(meeting_id: Uuid, agenda_item_id: Option<Uuid>, heading: String, position: Option<u32>) -> Minute => |c, app| c.write(|s| s.add_minute_at(meeting_id, agenda_item_id, &heading, position));
    /// Edits a minute's heading; it then no longer follows its agenda item's title.
    fn set_minute_heading(minute_id: Uuid, heading: String) -> Minute => |c, app| c.write(|s| s.set_minute_heading(minute_id, &heading));
    /// The lines of a minute the minutes write themselves, as they print (read-only).
    fn generated_minute_lines(minute_id: Uuid, welsh: bool) -> Vec<Line> => |c, app| c.generated_minute_lines(minute_id, Edition::from_flags(welsh, false).language);
    fn remove_minute(minute_id: Uuid) -> () => |c, app| c.write(|s| s.remove_minute(minute_id));
    fn move_minute(minute_id: Uuid, position: u32) -> () => |c, app| c.write(|s| s.move_minute(minute_id, position));
    fn set_public_summary(minute_id: Uuid, summary: String) -> () => |c, app| c.write(|s| s.set_public_summary(minute_id, &summary));
    fn add_block(minute_id: Uuid, content: BlockContent) -> Block => |c, app| c.write(|s| s.add_block(minute_id, &content));
    fn update_block(block_id: Uuid, content: BlockContent) -> () => |c, app| c.write(|s| s.update_block(block_id, &content));
    fn remove_block(block_id: Uuid) -> () => |c, app| c.write(|s| s.remove_block(block_id));
    fn move_block(block_id: Uuid, position: u32) -> () => |c, app| c.write(|s| s.move_block(block_id, position));
    fn add_resolution(minute_id: Uuid, resolution: NewResolution) -> Resolution => |c, app| c.write(|s| s.add_resolution(minute_id, &resolution));
    fn update_resolution(resolution_id: Uuid, resolution: NewResolution) -> () => |c, app| c.write(|s| s.update_resolution(resolution_id, &resolution));
    fn remove_resolution(resolution_id: Uuid) -> () => |c, app| c.write(|s| s.remove_resolution(resolution_id));
    fn move_resolution(resolution_id: Uuid, limb: u32) -> () => |c, app| c.write(|s| s.move_resolution(resolution_id, limb));
    /// Records how a limb was decided (`None` clears it); refused naming the member and the item
    /// when a named voter may not vote on it.
    fn set_vote(resolution_id: Uuid, vote: Option<NewVote>) -> () => |c, app| c.write(|s| s.set_vote(resolution_id, vote.as_ref()));
    /// Records the dispensation on a declaration (`None` removes it), with warnings (expired, speak only).
    fn set_dispensation(declaration_id: Uuid, dispensation: Option<NewDispensation>) -> Option<DispensationSaved> => |c, app| c.write(|s| s.set_dispensation(declaration_id, dispensation.as_ref()));
    /// The clerk's minuted note on the quorum for a minute (empty removes it).
    fn set_quorum_note(minute_id: Uuid, note: String) -> () => |c, app| c.write(|s| s.set_quorum_note(minute_id, &note));
    /// The quorum at each agenda item, with who may vote there.
    fn meeting_quorum(meeting_id: Uuid) -> QuorumReport => |c, app| c.write(|s| s.quorum(meeting_id));
    fn add_referral(referral: NewReferral) -> Referral => |c, app| c.write(|s| s.add_referral(&referral));
    fn advance_referral(referral_id: Uuid, step: ReferralStep) -> Referral => |c, app| c.write(|s| s.advance_referral(referral_id, &step));

    // After the meeting.
    fn publish_draft(meeting_id: Uuid) -> () => |c, app| c.write(|s| s.publish_draft(meeting_id));
    /// What to check before approving minutes at a meeting (a special meeting, not the next
    /// ordinary one): warnings, not refusals.
    fn approval_warnings(meeting_id: Uuid, at_meeting_id: Uuid) -> Vec<String> => |c, app| c.write(|s| s.approval_warnings(meeting_id, at_meeting_id));
    fn approve_minutes(meeting_id: Uuid, approval: Approval) -> () => |c, app| c.write(|s| s.approve_minutes(meeting_id, &approval));
    fn sign_minutes(meeting_id: Uuid, signer_id: Uuid, on: NaiveDate) -> () => |c, app| c.sign_minutes(meeting_id, signer_id, on);
    /// Prints the notice of decisions (s.100C(1C) LGA 1972), English or Welsh, PDF or text,
    /// and saves it where the clerk chooses. The path written, or `None` when the clerk cancels.
    fn print_decisions_notice(meeting_id: Uuid, welsh: bool, text: bool) -> Option<PathBuf> => |c, app|
        c.print_decisions_notice(
            meeting_id,
            Edition::from_flags(welsh, false).language,
            if text { NoticeFormat::Text } else { NoticeFormat::Pdf },
            &mut save_with_dialog(app),
        );
    /// Records that the notice of decisions was published (today when `on` is absent); once only.
    fn mark_notice_published(meeting_id: Uuid, on: Option<NaiveDate>) -> DecisionsNoticeInfo => |c, app| c.mark_notice_published(meeting_id, on);
    /// Every meeting's notice of decisions as it stands today: due, due soon, overdue, published.
    /// The first `limit` notices needing attention (overdue or due soon), and how many in all.
    fn notices_attention(limit: u32) -> NoticeList => |c, app| c.notices_attention(limit);
    /// What to check before issuing the Welsh minutes or pack, or publishing the draft: the
    /// texts awaiting translation, named (warnings, not refusals).
    fn translation_warnings(meeting_id: Uuid) -> Vec<String> => |c, app| c.translation_warnings(meeting_id);
    // The bilingual record: each printed text with its translation.
    /// Every text of the meeting that prints, in document order, with its translation and status.
    fn meeting_texts(meeting_id: Uuid) -> Vec<TranslatableText> => |c, app| c.meeting_texts(meeting_id);
    /// Records one text's translation (in the language that is not its original) and status.
    fn set_translation(meeting_id: Uuid, source: TextSource, source_id: String, text: String, status: TranslationStatus) -> TranslatableText => |c, app|
        c.set_translation(meeting_id, source, &source_id, &text, status);
    /// Records the language a text was written in (its translation is then into the other).
    fn set_text_language(meeting_id: Uuid, source: TextSource, source_id: String, original: Language) -> TranslatableText => |c, app|
        c.set_text_language(meeting_id, source, &source_id, original);
    /// A page of a meeting's audit log, newest first.
    fn audit_page(meeting_id: Uuid, query: AuditQuery) -> AuditPage => |c, app| c.audit_page(meeting_id, &query);
    /// Prints the minutes (English or Welsh, public or confidential) and saves them where the
    /// clerk chooses. The path written, or `None` when the clerk cancels.
    fn print_minutes(meeting_id: Uuid, welsh: bool, confidential: bool) -> Option<PathBuf> => |c, app|
        c.print_minutes(meeting_id, Edition::from_flags(welsh, confidential), &mut save_with_dialog(app));
    /// Prints the minutes in both languages, Welsh first section by section, and saves them
    /// where the clerk chooses. The path written, or `None` when the clerk cancels.
    fn print_bilingual_minutes(meeting_id: Uuid, confidential: bool) -> Option<PathBuf> => |c, app|
        c.print_minutes(meeting_id, Edition::bilingual(confidential), &mut save_with_dialog(app));
    /// Prints the agenda pack or its next supplement, telling `on_progress` of each report
    /// merged, saves it where the clerk chooses and opens it; an issued pack is recorded once
    /// saved. `None` when the clerk cancels the save (nothing is recorded).
    fn print_agenda_pack(request: PackRequest, on_progress: Channel<PackProgressEvent>) -> Option<PathBuf> => |c, app|
        c.print_pack(
            &PackJob::from_request(&request),
            // A closed window only loses the progress display, never the pack.
            &mut |e| { let _ = on_progress.send(e); },
            &mut save_with_dialog(app),
        ).map(|saved| saved.map(|s| s.path));
    /// Stops agenda pack `job` after the report it is merging (or before the first).
    fn cancel_agenda_pack(job: u32) -> () => |c, app| { c.cancel_pack(job); Ok(()) };

    // The resolutions register and the referrals that follow resolutions.
    fn search_register(query: RegisterQuery) -> RegisterPage => |c, app| c.search_register(&query);
    fn resolution_page(resolution_id: Uuid) -> ResolutionPage => |c, app| c.resolution_page(resolution_id);
    fn referrals_view(body_id: Option<Uuid>) -> Vec<ReferralChain> => |c, app| c.referrals_view(body_id);
    /// A page of the open referrals, overdue first, and how many are open in all.
    fn referrals_page(query: ReferralQuery) -> ReferralPage => |c, app| c.referrals_page(&query);
    fn record_outcome(referral_id: Uuid, outcome: OutcomeInput) -> Referral => |c, app| c.write(|s| s.record_outcome(referral_id, &outcome));
    fn take_up_referral(meeting_id: Uuid, referral_id: Uuid, title: Option<String>) -> AgendaItem => |c, app| c.write(|s| s.take_up_referral(meeting_id, referral_id, title.as_deref()));

    // Executive decisions and call-in (R18, R20).
    /// Records a Cabinet limb's executive-decision fields; the call-in period is computed.
    fn set_executive_decision(resolution_id: Uuid, decision: ExecutiveDecisionInput) -> ExecutiveDecision => |c, app| c.set_executive_decision(resolution_id, &decision);
    fn executive_decision(resolution_id: Uuid) -> Option<ExecutiveDecision> => |c, app| c.executive_decision(resolution_id);
    /// Members request a call-in of a decision (today when `on` is absent).
    fn request_call_in(resolution_id: Uuid, members: Vec<Uuid>, grounds: String, on: Option<NaiveDate>) -> CallIn => |c, app| c.request_call_in(resolution_id, members, &grounds, on);
    /// The scrutiny chair accepts a call-in onto a scrutiny meeting's agenda, or rejects it.
    fn decide_call_in(call_in_id: Uuid, decision: CallInDecision) -> CallIn => |c, app| c.decide_call_in(call_in_id, &decision);
    fn record_call_in_outcome(call_in_id: Uuid, outcome: CallInOutcomeInput) -> CallIn => |c, app| c.record_call_in_outcome(call_in_id, &outcome);
    fn record_reconsideration(call_in_id: Uuid, minute_id: Uuid) -> CallIn => |c, app| c.record_reconsideration(call_in_id, minute_id);
    /// Marks a decision implemented (today when `on` is absent); refused while its call-in period runs or a call-in is pending.
    fn implement_decision(resolution_id: Uuid, on: Option<NaiveDate>) -> Implementation => |c, app| c.implement_decision(resolution_id, on);
    /// The call-ins put to a scrutiny meeting.
    fn call_ins_at(meeting_id: Uuid) -> Vec<CallIn> => |c, app| c.call_ins_at(meeting_id);

    // Exports, saved where the clerk chooses; `None` when the clerk cancels.
    /// Every resolution the query finds (not only the first page of results), as CSV.
    fn export_register_csv(query: RegisterQuery) -> Option<PathBuf> => |c, app| c.register_csv(&query, &mut save_with_dialog(app));
    /// A body's recommendation tracker for a period, as PDF (then opened) or CSV.
    fn export_tracker(body_id: Uuid, from: NaiveDate, to: NaiveDate, pdf: bool) -> Option<PathBuf> => |c, app|
        c.tracker(
            body_id,
            (from, to),
            if pdf { TrackerFormat::Pdf { language: Language::En, title: None } } else { TrackerFormat::Csv },
            &mut save_with_dialog(app),
        ).map(|(path, _)| path);
    /// A body's meetings as an iCalendar file.
    fn export_meetings_ics(body_id: Uuid) -> Option<PathBuf> => |c, app| c.meetings_ics(body_id, &mut save_with_dialog(app));
    /// The record (or one body's meetings) as OParl 1.1-shaped JSON, its ids under `base_url`.
    fn export_oparl(body_id: Option<Uuid>, base_url: String) -> Option<PathBuf> => |c, app| c.oparl(body_id, &base_url, &mut save_with_dialog(app));

    // The public website of the record (R11).
    /// Asks for a folder with the native dialog, titled `title` (in the window's language).
    /// `None` when the clerk cancels.
    fn choose_folder(title: String) -> Option<PathBuf> => |c, app| pick_folder(app, &title);
    /// Publishes the public website of the record into `request.folder`, telling `on_progress`
    /// how far it has gone; a folder holding files Cofnod did not publish is refused, and
    /// nothing is written there.
    fn publish_site(request: PublishRequest, on_progress: Channel<PublishProgress>) -> PublishReport => |c, app|
        // A closed window only loses the progress display, never the site.
        on_own_thread(|| c.publish(&request, &mut |p| { let _ = on_progress.send(p); }));
    /// Stops publishing job `job` after the meeting it is on (or before the first): the site
    /// then holds what was done, and publishing again finishes it.
    fn cancel_publish(job: u32) -> () => |c, app| { c.cancel_pack(job); Ok(()) };
}

/// Sets the main window's title (no window, as in a test without one, is not an error).
fn window_title(app: &AppHandle, title: &str) -> minutes_app::Result<()> {
    match app.get_webview_window("main") {
        Some(window) => window.set_title(title).map_err(|e| {
            minutes_app::AppError::io(
                "the window's title cannot be set".to_string(),
                std::io::Error::other(e.to_string()),
            )
        }),
        None => Ok(()),
    }
}

/// A backup written or restored, as the window shows it.
fn backup_done(b: BackupInfo) -> BackupDone {
    BackupDone {
        path: b.path.display().to_string(),
        bytes: b.bytes,
        previous: b.previous.map(|p| p.display().to_string()),
    }
}

/// Runs `job` on a thread of its own, outside Tauri's async runtime: publishing builds the
/// register's search index (Pagefind) on a runtime of its own, which cannot start inside
/// another. A panic there is caught and reported as any command's is.
fn on_own_thread<T: Send>(
    job: impl FnOnce() -> minutes_app::Result<T> + Send,
) -> minutes_app::Result<T> {
    std::thread::scope(|s| {
        s.spawn(|| minutes_app::guarded(job))
            .join()
            .unwrap_or(Err(minutes_app::AppError::Internal))
    })
}

#[cfg(test)]
mod tests {
    /// Writes the TypeScript command map. Fails when the committed copy was stale (a command
    /// added, renamed or changed here and not in the window), after writing the fresh one.
    #[test]
    fn the_window_has_the_command_map_of_this_shell() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/ipc/commands.ts");
        let fresh = crate::ipc_types::typescript(&super::declarations());
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        if committed != fresh {
            std::fs::write(path, &fresh).unwrap();
            panic!("ui/src/lib/ipc/commands.ts was stale; it has been written afresh: check the UI against it and commit it");
        }
    }

    #[test]
    fn every_result_and_argument_type_has_its_binding() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/ipc/bindings");
        for d in super::declarations() {
            for name in &d.imports {
                let file = format!("{dir}/{name}.ts");
                assert!(
                    std::path::Path::new(&file).exists(),
                    "{}: no binding {file}",
                    d.name
                );
            }
        }
    }
}
