// The one door from the window into Rust. Every command Cofnod's shell offers has a typed
// function here; nothing else in the UI imports @tauri-apps. Errors always arrive as
// ApiError ({code, message}); the UI acts on the code and shows the message.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { CommandName, Commands } from "./commands";
import type { ApiError } from "./bindings/ApiError";
import type { AuditQuery } from "./bindings/AuditQuery";
import type { MeetingQuery } from "./bindings/MeetingQuery";
import type { PersonQuery } from "./bindings/PersonQuery";
import type { ReferralQuery } from "./bindings/ReferralQuery";
import type { Approval } from "./bindings/Approval";
import type { Authority } from "./bindings/Authority";
import type { BlockContent } from "./bindings/BlockContent";
import type { CallInDecision } from "./bindings/CallInDecision";
import type { CallInOutcomeInput } from "./bindings/CallInOutcomeInput";
import type { DayKind } from "./bindings/DayKind";
import type { DocumentLanguages } from "./bindings/DocumentLanguages";
import type { DocumentKind } from "./bindings/DocumentKind";
import type { ExecutiveDecisionInput } from "./bindings/ExecutiveDecisionInput";
import type { MeetingStatus } from "./bindings/MeetingStatus";
import type { NewAgendaItem } from "./bindings/NewAgendaItem";
import type { NewAttendance } from "./bindings/NewAttendance";
import type { NewBody } from "./bindings/NewBody";
import type { NewCouncil } from "./bindings/NewCouncil";
import type { NewDeclaration } from "./bindings/NewDeclaration";
import type { NewDispensation } from "./bindings/NewDispensation";
import type { NewMeeting } from "./bindings/NewMeeting";
import type { NewMembership } from "./bindings/NewMembership";
import type { NewPerson } from "./bindings/NewPerson";
import type { NewReferral } from "./bindings/NewReferral";
import type { NewResolution } from "./bindings/NewResolution";
import type { NewSequence } from "./bindings/NewSequence";
import type { NewVote } from "./bindings/NewVote";
import type { OutcomeInput } from "./bindings/OutcomeInput";
import type { PackProgressEvent } from "./bindings/PackProgressEvent";
import type { PackRequest } from "./bindings/PackRequest";
import type { PublishProgress } from "./bindings/PublishProgress";
import type { PublishRequest } from "./bindings/PublishRequest";
import type { ReferralStep } from "./bindings/ReferralStep";
import type { RegisterQuery } from "./bindings/RegisterQuery";
import type { Role } from "./bindings/Role";
import type { Language } from "./bindings/Language";
import type { TextSource } from "./bindings/TextSource";
import type { TranslationStatus } from "./bindings/TranslationStatus";

export type * from "./types";
export type { CommandName, Commands } from "./commands";

/** Turns whatever a failed call threw into an ApiError. */
export function asApiError(e: unknown): ApiError {
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    const { code, message } = e as ApiError;
    return { code, message: String(message) };
  }
  return { code: "io", message: e instanceof Error ? e.message : String(e) };
}

/**
 * Sends `cmd` with its arguments, both checked against the command declarations in
 * commands.ts: a misspelt command or argument, or an argument of the wrong type, does not
 * compile. A command without arguments takes `{}`.
 */
async function call<K extends CommandName>(cmd: K, args: Commands[K]["args"]): Promise<Commands[K]["result"]> {
  try {
    return await invoke<Commands[K]["result"]>(cmd, args);
  } catch (e) {
    throw asApiError(e);
  }
}

export const ipc = {
  // The first start: a council open, or the choice between a new council and the demo.
  /** Whether a council is open, and where its database is (or will be). */
  startState: () => call("start_state", {}),
  /** The text size the clerk chose on this computer, in percent (100 when none). */
  textSize: () => call("text_size", {}),
  /** Sets the window's text size (percent, 50 to 500) and remembers it for the next start. */
  setTextSize: (percent: number) => call("set_text_size", { percent }),
  /** Loads the demo council (a fictional council's sample data) and opens it. */
  openDemo: () => call("open_demo", {}),
  /** Sets up a new council (authority, first committee, members) in one go and opens it. */
  createCouncil: (council: NewCouncil) => call("create_council", { council }),

  // The window itself.
  /** Sets the window's title ("Agenda – Scrutiny Committee, 5th January, 2015 – Cofnod"). */
  setWindowTitle: (title: string) => call("set_window_title", { title }),

  appInfo: () => call("app_info", {}),
  // The database: backing it up and restoring it.
  /** Backs the database up where the clerk chooses (`suggested` offered); null when cancelled. */
  backUp: (suggested: string, title: string) => call("back_up", { suggested, title }),
  /** Asks for a backup file to restore from; null when cancelled. */
  chooseBackup: (title: string) => call("choose_backup", { title }),
  /** Replaces the database with the backup at `path` (a copy of the current one kept first). */
  restoreBackup: (path: string) => call("restore_backup", { path }),
  /** The check of the record started when the app opened; `done` is false while it runs. */
  recordCheck: () => call("record_check", {}),

  // Set-up
  authority: () => call("authority", {}),
  setAuthority: (authority: Authority) => call("set_authority", { authority }),
  /** Which language is the legal record, the translation notices and the bilingual layout. */
  documentLanguages: () => call("document_languages", {}),
  setDocumentLanguages: (documents: DocumentLanguages) =>
    call("set_document_languages", { documents }),
  sequences: () => call("sequences", {}),
  addSequence: (sequence: NewSequence) => call("add_sequence", { sequence }),
  bodies: () => call("bodies", {}),
  addBody: (body: NewBody) => call("add_body", { body }),
  updateBody: (bodyId: string, body: NewBody) => call("update_body", { bodyId, body }),
  /** Where a sequence stands in the municipal year of `on` (today when null). */
  sequenceYear: (sequenceId: string, on: string | null = null) =>
    call("sequence_year", { sequenceId, on }),
  /** Sets the number the first minute of the year takes, before any is numbered. */
  setSequenceStart: (sequenceId: string, next: number, inYear: string | null = null) =>
    call("set_sequence_start", { sequenceId, next, inYear }),
  people: () => call("people", {}),
  /** A page of the people whose names hold the search's words, by surname. */
  peoplePage: (query: PersonQuery) => call("people_page", { query }),
  addPerson: (person: NewPerson) => call("add_person", { person }),
  updatePerson: (personId: string, person: NewPerson) =>
    call("update_person", { personId, person }),
  retirePerson: (personId: string) => call("retire_person", { personId }),
  reinstatePerson: (personId: string) => call("reinstate_person", { personId }),
  memberships: (bodyId: string) => call("memberships", { bodyId }),
  addMembership: (membership: NewMembership) =>
    call("add_membership", { membership }),
  endMembership: (membershipId: string, on: string) =>
    call("end_membership", { membershipId, on }),
  updateMembership: (membershipId: string, role: Role, from: string, to: string | null) =>
    call("update_membership", { membershipId, role, from, to }),
  /** A page of the changes to bodies, memberships and sequences, newest first. */
  setupAuditPage: (query: AuditQuery) => call("setup_audit_page", { query }),
  /** A year's bank holidays and the authority's own days. */
  calendarYear: (year: number) => call("calendar_year", { year }),
  /** Closes the offices on a weekday (kind "closed") or opens them on a bank holiday ("open"). */
  setAuthorityDay: (day: string, kind: DayKind, name: string) =>
    call("set_authority_day", { day, kind, name }),
  clearAuthorityDay: (day: string) => call("clear_authority_day", { day }),

  // Meetings and agendas
  /** A page of the meetings a search and its filters find, with how many they find in all. */
  meetingsPage: (query: MeetingQuery) => call("meetings_page", { query }),
  meetingRecord: (meetingId: string) => call("meeting_record", { meetingId }),
  addMeeting: (meeting: NewMeeting) => call("add_meeting", { meeting }),
  updateMeeting: (meetingId: string, meeting: NewMeeting) =>
    call("update_meeting", { meetingId, meeting }),
  setMeetingStatus: (meetingId: string, status: MeetingStatus) =>
    call("set_meeting_status", { meetingId, status }),
  addAgendaItem: (meetingId: string, item: NewAgendaItem) =>
    call("add_agenda_item", { meetingId, item }),
  addStandingItems: (meetingId: string) =>
    call("add_standing_items", { meetingId }),
  updateAgendaItem: (itemId: string, item: NewAgendaItem) =>
    call("update_agenda_item", { itemId, item }),
  removeAgendaItem: (itemId: string) => call("remove_agenda_item", { itemId }),
  moveAgendaItem: (itemId: string, position: number) =>
    call("move_agenda_item", { itemId, position }),
  recordAttendance: (meetingId: string, attendance: NewAttendance) =>
    call("record_attendance", { meetingId, attendance }),
  removeAttendance: (attendanceId: string) => call("remove_attendance", { attendanceId }),
  addDeclaration: (meetingId: string, declaration: NewDeclaration) =>
    call("add_declaration", { meetingId, declaration }),
  removeDeclaration: (declarationId: string) =>
    call("remove_declaration", { declarationId }),
  attachReport: (itemId: string, kind: DocumentKind) =>
    call("attach_report", { itemId, kind }),

  // Minutes
  addMinute: (meetingId: string, agendaItemId: string | null, heading: string) =>
    call("add_minute", { meetingId, agendaItemId, heading }),
  addMinuteAt: (meetingId: string, agendaItemId: string | null, heading: string, position: number | null) =>
    call("add_minute_at", { meetingId, agendaItemId, heading, position }),
  setMinuteHeading: (minuteId: string, heading: string) =>
    call("set_minute_heading", { minuteId, heading }),
  generatedMinuteLines: (minuteId: string, welsh: boolean) =>
    call("generated_minute_lines", { minuteId, welsh }),
  removeMinute: (minuteId: string) => call("remove_minute", { minuteId }),
  moveMinute: (minuteId: string, position: number) =>
    call("move_minute", { minuteId, position }),
  setPublicSummary: (minuteId: string, summary: string) =>
    call("set_public_summary", { minuteId, summary }),
  addBlock: (minuteId: string, content: BlockContent) =>
    call("add_block", { minuteId, content }),
  updateBlock: (blockId: string, content: BlockContent) =>
    call("update_block", { blockId, content }),
  removeBlock: (blockId: string) => call("remove_block", { blockId }),
  moveBlock: (blockId: string, position: number) =>
    call("move_block", { blockId, position }),
  addResolution: (minuteId: string, resolution: NewResolution) =>
    call("add_resolution", { minuteId, resolution }),
  updateResolution: (resolutionId: string, resolution: NewResolution) =>
    call("update_resolution", { resolutionId, resolution }),
  removeResolution: (resolutionId: string) => call("remove_resolution", { resolutionId }),
  moveResolution: (resolutionId: string, limb: number) =>
    call("move_resolution", { resolutionId, limb }),
  /** Records how a limb was decided (null clears it); refused naming the member and the item. */
  setVote: (resolutionId: string, vote: NewVote | null) => call("set_vote", { resolutionId, vote }),
  /** Records the dispensation on a declaration (null removes it); resolves with its warnings. */
  setDispensation: (declarationId: string, dispensation: NewDispensation | null) =>
    call("set_dispensation", { declarationId, dispensation }),
  /** The clerk's minuted note on the quorum for a minute (empty removes it). */
  setQuorumNote: (minuteId: string, note: string) => call("set_quorum_note", { minuteId, note }),
  /** The quorum at each agenda item, with who may vote there. */
  meetingQuorum: (meetingId: string) => call("meeting_quorum", { meetingId }),
  addReferral: (referral: NewReferral) => call("add_referral", { referral }),
  advanceReferral: (referralId: string, step: ReferralStep) =>
    call("advance_referral", { referralId, step }),

  // After the meeting
  publishDraft: (meetingId: string) => call("publish_draft", { meetingId }),
  approvalWarnings: (meetingId: string, atMeetingId: string) =>
    call("approval_warnings", { meetingId, atMeetingId }),
  approveMinutes: (meetingId: string, approval: Approval) =>
    call("approve_minutes", { meetingId, approval }),
  signMinutes: (meetingId: string, signerId: string, on: string) =>
    call("sign_minutes", { meetingId, signerId, on }),
  /** Before issuing the Welsh minutes or pack, or publishing the draft: texts awaiting translation, named. */
  translationWarnings: (meetingId: string) => call("translation_warnings", { meetingId }),
  /** Every printed text of the meeting in document order, with its translation and status. */
  meetingTexts: (meetingId: string) => call("meeting_texts", { meetingId }),
  /** Records one text's translation and status; the text as it now stands. */
  setTranslation: (meetingId: string, source: TextSource, sourceId: string, text: string, status: TranslationStatus) =>
    call("set_translation", { meetingId, source, sourceId, text, status }),
  /** Records the language a text was written in. */
  setTextLanguage: (meetingId: string, source: TextSource, sourceId: string, original: Language) =>
    call("set_text_language", { meetingId, source, sourceId, original }),
  /** A page of a meeting's audit log, newest first (older than `query.before`). */
  auditPage: (meetingId: string, query: AuditQuery) => call("audit_page", { meetingId, query }),
  /** Prints the notice of decisions (PDF, or text), saved where the clerk chooses; the path, or null. */
  printDecisionsNotice: (meetingId: string, welsh: boolean, text = false) =>
    call("print_decisions_notice", { meetingId, welsh, text }),
  /** Records that the notice of decisions was published (today when `on` is null). */
  markNoticePublished: (meetingId: string, on: string | null = null) =>
    call("mark_notice_published", { meetingId, on }),
  /** The first `limit` notices needing attention (overdue or due soon), and how many in all. */
  noticesAttention: (limit: number) => call("notices_attention", { limit }),

  // The resolutions register and referrals
  searchRegister: (query: RegisterQuery) => call("search_register", { query }),
  resolutionPage: (resolutionId: string) => call("resolution_page", { resolutionId }),
  referralsView: (bodyId: string | null) => call("referrals_view", { bodyId }),
  /** A page of the open referrals, overdue first, with how many are open in all. */
  referralsPage: (query: ReferralQuery) => call("referrals_page", { query }),
  recordOutcome: (referralId: string, outcome: OutcomeInput) =>
    call("record_outcome", { referralId, outcome }),
  takeUpReferral: (meetingId: string, referralId: string, title: string | null) =>
    call("take_up_referral", { meetingId, referralId, title }),

  // Executive decisions and call-in
  /** Records a Cabinet limb's executive-decision fields; the call-in period is computed. */
  setExecutiveDecision: (resolutionId: string, decision: ExecutiveDecisionInput) =>
    call("set_executive_decision", { resolutionId, decision }),
  executiveDecision: (resolutionId: string) => call("executive_decision", { resolutionId }),
  /** Members request a call-in (today when `on` is null). */
  requestCallIn: (resolutionId: string, members: string[], grounds: string, on: string | null = null) =>
    call("request_call_in", { resolutionId, members, grounds, on }),
  decideCallIn: (callInId: string, decision: CallInDecision) =>
    call("decide_call_in", { callInId, decision }),
  recordCallInOutcome: (callInId: string, outcome: CallInOutcomeInput) =>
    call("record_call_in_outcome", { callInId, outcome }),
  recordReconsideration: (callInId: string, minuteId: string) =>
    call("record_reconsideration", { callInId, minuteId }),
  /** Refused while the call-in period runs or a call-in is pending, naming which. */
  implementDecision: (resolutionId: string, on: string | null = null) =>
    call("implement_decision", { resolutionId, on }),
  callInsAt: (meetingId: string) => call("call_ins_at", { meetingId }),

  /** Prints the agenda pack; `progress` hears of each report merged. Resolves to the path saved, or null. */
  /** `request.print_job` is the window's number for this print, which "Cancel" names. */
  printAgendaPack: (request: PackRequest, progress: (p: PackProgressEvent) => void) => {
    const onProgress = new Channel<PackProgressEvent>();
    onProgress.onmessage = progress;
    return call("print_agenda_pack", { request, onProgress });
  },
  /** Stops print `job` (the number printAgendaPack was given), even before it has started. */
  cancelAgendaPack: (job: number) => call("cancel_agenda_pack", { job }),
  /** The whole register the query finds, as CSV, saved where the clerk chooses. */
  exportRegisterCsv: (query: RegisterQuery) => call("export_register_csv", { query }),
  /** A body's recommendation tracker for a period, as PDF (then opened) or CSV. */
  exportTracker: (bodyId: string, from: string, to: string, pdf: boolean) =>
    call("export_tracker", { bodyId, from, to, pdf }),
  /** A committee's meetings as an iCalendar file, saved where the clerk chooses. */
  exportMeetingsIcs: (bodyId: string) => call("export_meetings_ics", { bodyId }),
  /** The record (or one committee's part of it) as OParl 1.1 JSON, ids under `baseUrl`. */
  exportOparl: (bodyId: string | null, baseUrl: string) =>
    call("export_oparl", { bodyId, baseUrl }),
  // The public website of the record
  /** Asks for a folder with the native dialog titled `title`; null when the clerk cancels. */
  chooseFolder: (title: string) => call("choose_folder", { title }),
  /**
   * Publishes the public website into `request.folder`; `progress` hears how far it has gone.
   * `request.job` is the window's number for this run, which "Cancel" names.
   */
  publishSite: (request: PublishRequest, progress: (p: PublishProgress) => void) => {
    const onProgress = new Channel<PublishProgress>();
    onProgress.onmessage = progress;
    return call("publish_site", { request, onProgress });
  },
  /** Stops publishing job `job` after the meeting it is on (even before it has started). */
  cancelPublish: (job: number) => call("cancel_publish", { job }),
  printMinutes: (meetingId: string, welsh: boolean, confidential: boolean) =>
    call("print_minutes", { meetingId, welsh, confidential }),
  /** Both languages in one PDF, Welsh first section by section. */
  printBilingualMinutes: (meetingId: string, confidential: boolean) =>
    call("print_bilingual_minutes", { meetingId, confidential }),
};

export type Ipc = typeof ipc;
