//! The IPC surface: one thin command per store call. Arguments arrive camelCased from the UI
//! (`meeting_id`), results and errors leave as the ts-rs types in `ui/src/lib/ipc/bindings`.

use chrono::NaiveDate;
use minutes_core::input::*;
use minutes_core::pack::{PackAction, PackProgressEvent, PackRequest};
use minutes_core::render::Visibility;
use minutes_core::*;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use uuid::Uuid;

use crate::{files, AppState};

type Reply<T> = Result<T, ApiError>;

/// `command!(name(arg: Type, ...) -> Ret, |store| body)`: an async Tauri command that runs
/// `body` on the store inside [`AppState::with`].
macro_rules! command {
    ($name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty, |$s:ident| $body:expr) => {
        #[tauri::command]
        pub async fn $name(state: State<'_, AppState> $(, $arg: $ty)*) -> Reply<$ret> {
            state.with(|$s| $body)
        }
    };
}

command!(app_info() -> AppInfo, |s| Ok(AppInfo {
    database_path: s.path().map(|p| p.display().to_string()).unwrap_or_default(),
    version: env!("CARGO_PKG_VERSION").to_string(),
}));

// Set-up: the authority, sequences, bodies, people, memberships.
command!(authority() -> Authority, |s| s.authority());
command!(set_authority(authority: Authority) -> (), |s| s.set_authority(&authority));
command!(sequences() -> Vec<MinuteSequence>, |s| s.sequences());
command!(add_sequence(sequence: NewSequence) -> MinuteSequence, |s| s.add_sequence(&sequence));
command!(bodies() -> Vec<Body>, |s| s.bodies());
command!(add_body(body: NewBody) -> Body, |s| s.add_body(&body));
command!(people() -> Vec<Person>, |s| s.people());
command!(add_person(person: NewPerson) -> Person, |s| s.add_person(&person));
command!(update_person(person_id: Uuid, person: NewPerson) -> Person, |s| s.update_person(person_id, &person));
command!(retire_person(person_id: Uuid) -> (), |s| s.retire_person(person_id));
command!(memberships(body_id: Uuid) -> Vec<Membership>, |s| s.memberships(body_id));
command!(add_membership(membership: NewMembership) -> Membership, |s| s.add_membership(&membership));
command!(end_membership(membership_id: Uuid, on: NaiveDate) -> (), |s| s.end_membership(membership_id, on));

// Meetings and their agendas.
command!(list_meetings() -> Vec<MeetingSummary>, |s| s.list_meetings());
command!(meeting_record(meeting_id: Uuid) -> MeetingRecord, |s| s.meeting_record(meeting_id));
command!(add_meeting(meeting: NewMeeting) -> Meeting, |s| s.add_meeting(&meeting));
command!(update_meeting(meeting_id: Uuid, meeting: NewMeeting) -> Meeting, |s| s.update_meeting(meeting_id, &meeting));
command!(set_meeting_status(meeting_id: Uuid, status: MeetingStatus) -> (), |s| s.set_meeting_status(meeting_id, status));
command!(add_agenda_item(meeting_id: Uuid, item: NewAgendaItem) -> AgendaItem, |s| s.add_agenda_item(meeting_id, &item));
command!(add_standing_items(meeting_id: Uuid) -> Vec<AgendaItem>, |s| s.add_standing_items(meeting_id));
command!(update_agenda_item(item_id: Uuid, item: NewAgendaItem) -> AgendaItem, |s| s.update_agenda_item(item_id, &item));
command!(remove_agenda_item(item_id: Uuid) -> (), |s| s.remove_agenda_item(item_id));
command!(move_agenda_item(item_id: Uuid, position: u32) -> (), |s| s.move_agenda_item(item_id, position));
command!(record_attendance(meeting_id: Uuid, attendance: NewAttendance) -> Attendance, |s| s.record_attendance(meeting_id, &attendance));
command!(remove_attendance(attendance_id: Uuid) -> (), |s| s.remove_attendance(attendance_id));
command!(add_declaration(meeting_id: Uuid, declaration: NewDeclaration) -> Declaration, |s| s.add_declaration(meeting_id, &declaration));
command!(remove_declaration(declaration_id: Uuid) -> (), |s| s.remove_declaration(declaration_id));

// Minutes, their blocks and decisions.
command!(add_minute(meeting_id: Uuid, agenda_item_id: Option<Uuid>, heading: String) -> Minute, |s| s.add_minute(meeting_id, agenda_item_id, &heading));
command!(remove_minute(minute_id: Uuid) -> (), |s| s.remove_minute(minute_id));
command!(move_minute(minute_id: Uuid, position: u32) -> (), |s| s.move_minute(minute_id, position));
command!(set_public_summary(minute_id: Uuid, summary: String) -> (), |s| s.set_public_summary(minute_id, &summary));
command!(add_block(minute_id: Uuid, content: BlockContent) -> Block, |s| s.add_block(minute_id, &content));
command!(update_block(block_id: Uuid, content: BlockContent) -> (), |s| s.update_block(block_id, &content));
command!(remove_block(block_id: Uuid) -> (), |s| s.remove_block(block_id));
command!(move_block(block_id: Uuid, position: u32) -> (), |s| s.move_block(block_id, position));
command!(add_resolution(minute_id: Uuid, resolution: NewResolution) -> Resolution, |s| s.add_resolution(minute_id, &resolution));
command!(update_resolution(resolution_id: Uuid, resolution: NewResolution) -> (), |s| s.update_resolution(resolution_id, &resolution));
command!(remove_resolution(resolution_id: Uuid) -> (), |s| s.remove_resolution(resolution_id));
command!(move_resolution(resolution_id: Uuid, limb: u32) -> (), |s| s.move_resolution(resolution_id, limb));
command!(add_referral(referral: NewReferral) -> Referral, |s| s.add_referral(&referral));
command!(advance_referral(referral_id: Uuid, step: ReferralStep) -> Referral, |s| s.advance_referral(referral_id, &step));

// After the meeting.
command!(publish_draft(meeting_id: Uuid) -> (), |s| s.publish_draft(meeting_id));
command!(approve_minutes(meeting_id: Uuid, approval: Approval) -> (), |s| s.approve_minutes(meeting_id, &approval));
command!(sign_minutes(meeting_id: Uuid, signer_id: Uuid, on: NaiveDate) -> (), |s| s.sign_minutes(meeting_id, signer_id, on, minutes_pdf::minute_book_page_count));
command!(audit_log(meeting_id: Uuid) -> Vec<AuditEntry>, |s| s.audit_log(meeting_id));

// The resolutions register and the referrals that follow resolutions.
command!(search_register(query: RegisterQuery) -> Vec<RegisterHit>, |s| s.search_register(&query));
command!(resolution_page(resolution_id: Uuid) -> ResolutionPage, |s| s.resolution_page(resolution_id));
command!(referrals_view(body_id: Option<Uuid>) -> Vec<ReferralChain>, |s| s.referrals_view(body_id, chrono::Local::now().date_naive()));
command!(record_outcome(referral_id: Uuid, outcome: OutcomeInput) -> Referral, |s| s.record_outcome(referral_id, &outcome));
command!(take_up_referral(meeting_id: Uuid, referral_id: Uuid, title: Option<String>) -> AgendaItem, |s| s.take_up_referral(meeting_id, referral_id, title.as_deref()));

/// Attaches a report PDF to an agenda item, chosen with the native dialog. `None` when the
/// clerk cancels; a file that is not a PDF, is damaged or encrypted is refused by the store
/// with the reason, and nothing is saved.
#[tauri::command]
pub async fn attach_report(
    app: AppHandle,
    state: State<'_, AppState>,
    item_id: Uuid,
    kind: DocumentKind,
) -> Reply<Option<DocumentInfo>> {
    let Some(path) = files::choose_pdf(&app, "Attach a report (PDF)")? else {
        return Ok(None);
    };
    let bytes = files::read(&path)?;
    let title = path
        .file_stem()
        .map(|s| s.to_string_lossy().replace(['_', '-'], " "))
        .unwrap_or_else(|| "Report".to_string());
    state
        .with(|s| s.attach_document(item_id, &title, kind, &bytes))
        .map(Some)
}

/// Prints a meeting's formal minutes and saves them where the clerk chooses. Returns the path
/// written, or `None` when the clerk cancels.
#[tauri::command]
pub async fn print_minutes(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: Uuid,
    welsh: bool,
    confidential: bool,
) -> Reply<Option<String>> {
    let rec = state.with(|s| s.meeting_record(meeting_id))?;
    let lang = if welsh { Language::Cy } else { Language::En };
    let vis = if confidential {
        Visibility::Confidential
    } else {
        Visibility::Public
    };
    let pdf = minutes_pdf::print_meeting(&rec, lang, vis).map_err(|e| ApiError {
        code: ErrorCode::Io,
        message: format!("The minutes could not be printed: {e}"),
    })?;
    let name = file_name(&rec, "", welsh, confidential);
    files::save_pdf(&app, "Save the minutes as PDF", &name, &pdf)
}

/// Prints a meeting's agenda pack (front sheet, agenda, every report merged and stamped) or
/// its next supplement, reporting each report merged on `on_progress`, and saves it where the
/// clerk chooses; then opens it in the system's PDF viewer. An issued pack or supplement is
/// recorded once it is saved. Returns the path written, or `None` when the clerk cancels the
/// save dialog (nothing is recorded). "Cancel" during printing ends it with a message saying so.
#[tauri::command]
pub async fn print_agenda_pack(
    app: AppHandle,
    state: State<'_, AppState>,
    request: PackRequest,
    on_progress: Channel<PackProgressEvent>,
) -> Reply<Option<String>> {
    use minutes_pdf::PackProgress;
    use std::ops::ControlFlow;
    use std::sync::atomic::Ordering;

    let PackRequest {
        meeting_id,
        welsh,
        confidential,
        action,
        print_job,
    } = request;
    let job = minutes_print::PackJob {
        meeting_id,
        language: if welsh { Language::Cy } else { Language::En },
        visibility: if confidential {
            Visibility::Confidential
        } else {
            Visibility::Public
        },
        supplement: action == PackAction::Supplement,
        issuing: action == PackAction::Issue,
        today: minutes_store::register::today(),
    };
    let cancel = &state.pack_cancel;
    let mut progress = |p: PackProgress| {
        let event = match p {
            PackProgress::Planned { reports, .. } => Some(PackProgressEvent {
                done: 0,
                total: reports as u32,
                title: String::new(),
            }),
            PackProgress::Merged { done, total, title } => Some(PackProgressEvent {
                done: done as u32,
                total: total as u32,
                title,
            }),
            PackProgress::Writing => None,
        };
        if let Some(e) = event {
            // A closed window only loses the progress display, never the pack.
            let _ = on_progress.send(e);
        }
        if cancel.load(Ordering::SeqCst) == print_job {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let (printed, rec) = state.with(|s| {
        let printed = minutes_print::print_pack(s, &job, &mut progress);
        Ok((printed, s.meeting_record(meeting_id)?))
    })?;
    let printed = printed.map_err(|e| e.to_api())?;
    let what = match action {
        PackAction::Supplement => format!(" supplement {}", printed.issue.number),
        _ => " agenda pack".to_string(),
    };
    let name = file_name(&rec, &what, welsh, confidential);
    let saved = files::save_pdf(&app, "Save the agenda pack as PDF", &name, &printed.pdf)?;
    if let Some(path) = &saved {
        if action != PackAction::Print {
            state.with(|s| minutes_print::record_issue(s, &printed.issue))?;
        }
        files::open_in_viewer(std::path::Path::new(path));
    }
    Ok(saved)
}

/// Stops agenda pack `job` being printed, after the report it is merging (or before the
/// first, if it has not started yet).
#[tauri::command]
pub async fn cancel_agenda_pack(state: State<'_, AppState>, job: u32) -> Reply<()> {
    state
        .pack_cancel
        .store(job, std::sync::atomic::Ordering::SeqCst);
    Ok(())
}

/// Saves the register (every resolution the query finds, not only the first page of results)
/// as CSV where the clerk chooses. `None` when the clerk cancels.
#[tauri::command]
pub async fn export_register_csv(
    app: AppHandle,
    state: State<'_, AppState>,
    query: RegisterQuery,
) -> Reply<Option<String>> {
    let csv = state.with(|s| s.register_csv(&query))?;
    let name = format!(
        "Resolutions register {}.csv",
        minutes_store::register::today()
    );
    files::save_file(
        &app,
        "Save the register as CSV",
        &name,
        csv.as_bytes(),
        ("CSV spreadsheets", "csv"),
    )
}

/// Saves a body's meetings as an iCalendar file where the clerk chooses. `None` when the
/// clerk cancels.
#[tauri::command]
pub async fn export_meetings_ics(
    app: AppHandle,
    state: State<'_, AppState>,
    body_id: Uuid,
) -> Reply<Option<String>> {
    let (ics, body) = state.with(|s| {
        Ok((
            s.meetings_ics(body_id, chrono::Utc::now())?,
            s.body(body_id)?,
        ))
    })?;
    let name = format!("{} meetings.ics", body.name_en);
    files::save_file(
        &app,
        "Save the meetings calendar",
        &name,
        ics.as_bytes(),
        ("iCalendar files", "ics"),
    )
}

/// Saves the record (or one body's meetings) as OParl 1.1-shaped JSON, its ids under
/// `base_url`, where the clerk chooses. `None` when the clerk cancels.
#[tauri::command]
pub async fn export_oparl(
    app: AppHandle,
    state: State<'_, AppState>,
    body_id: Option<Uuid>,
    base_url: String,
) -> Reply<Option<String>> {
    let value = state.with(|s| s.oparl_export(&base_url, body_id))?;
    let json = serde_json::to_vec_pretty(&value).map_err(|e| ApiError {
        code: ErrorCode::Io,
        message: format!("The OParl export could not be written: {e}"),
    })?;
    files::save_file(
        &app,
        "Save the OParl export",
        "OParl export.json",
        &json,
        ("JSON files", "json"),
    )
}

/// Saves a body's recommendation tracker for a period (every referral its resolutions made,
/// with where each stands) as PDF or CSV where the clerk chooses. `None` when the clerk cancels.
#[tauri::command]
pub async fn export_tracker(
    app: AppHandle,
    state: State<'_, AppState>,
    body_id: Uuid,
    from: NaiveDate,
    to: NaiveDate,
    pdf: bool,
) -> Reply<Option<String>> {
    let today = minutes_store::register::today();
    let (bytes, body) = state.with(|s| {
        let body = s.body(body_id)?;
        let bytes = if pdf {
            minutes_print::print_tracker(s, body_id, (from, to), today, Language::En, None)
                .map(|(pdf, _)| pdf)
        } else {
            s.tracker_csv(body_id, from, to, today)
                .map(String::into_bytes)
                .map_err(Into::into)
        };
        Ok((bytes, body))
    })?;
    let bytes = bytes.map_err(|e| e.to_api())?;
    let name = format!(
        "{} recommendation tracker {from} to {to}.{}",
        body.name_en,
        if pdf { "pdf" } else { "csv" }
    );
    let saved = if pdf {
        files::save_pdf(&app, "Save the tracker as PDF", &name, &bytes)?
    } else {
        files::save_file(
            &app,
            "Save the tracker as CSV",
            &name,
            &bytes,
            ("CSV spreadsheets", "csv"),
        )?
    };
    if let (true, Some(path)) = (pdf, &saved) {
        files::open_in_viewer(std::path::Path::new(path));
    }
    Ok(saved)
}

/// The name offered in the save dialog: "Scrutiny Committee 2015-01-05 agenda pack (Cymraeg).pdf".
fn file_name(rec: &MeetingRecord, what: &str, welsh: bool, confidential: bool) -> String {
    format!(
        "{} {}{what}{}{}.pdf",
        rec.body.name_en,
        rec.meeting.date.format("%Y-%m-%d"),
        if welsh { " (Cymraeg)" } else { "" },
        if confidential { " CONFIDENTIAL" } else { "" }
    )
}

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app_info,
        authority,
        set_authority,
        sequences,
        add_sequence,
        bodies,
        add_body,
        people,
        add_person,
        update_person,
        retire_person,
        memberships,
        add_membership,
        end_membership,
        list_meetings,
        meeting_record,
        add_meeting,
        update_meeting,
        set_meeting_status,
        add_agenda_item,
        add_standing_items,
        update_agenda_item,
        remove_agenda_item,
        move_agenda_item,
        remove_attendance,
        remove_declaration,
        record_attendance,
        add_declaration,
        add_minute,
        remove_minute,
        move_minute,
        set_public_summary,
        add_block,
        update_block,
        remove_block,
        move_block,
        add_resolution,
        update_resolution,
        remove_resolution,
        move_resolution,
        add_referral,
        advance_referral,
        publish_draft,
        approve_minutes,
        sign_minutes,
        audit_log,
        search_register,
        print_agenda_pack,
        cancel_agenda_pack,
        resolution_page,
        referrals_view,
        record_outcome,
        take_up_referral,
        attach_report,
        print_minutes,
        export_register_csv,
        export_tracker,
        export_meetings_ics,
        export_oparl,
    ]
}
