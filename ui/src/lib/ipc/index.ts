// The one door from the window into Rust. Every command Cofnod's shell offers has a typed
// function here; nothing else in the UI imports @tauri-apps. Errors always arrive as
// ApiError ({code, message}); the UI acts on the code and shows the message.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { AgendaItem } from "./bindings/AgendaItem";
import type { ApiError } from "./bindings/ApiError";
import type { AppInfo } from "./bindings/AppInfo";
import type { Approval } from "./bindings/Approval";
import type { Attendance } from "./bindings/Attendance";
import type { AuditEntry } from "./bindings/AuditEntry";
import type { Authority } from "./bindings/Authority";
import type { Block } from "./bindings/Block";
import type { BlockContent } from "./bindings/BlockContent";
import type { Body } from "./bindings/Body";
import type { Declaration } from "./bindings/Declaration";
import type { DocumentInfo } from "./bindings/DocumentInfo";
import type { DocumentKind } from "./bindings/DocumentKind";
import type { Meeting } from "./bindings/Meeting";
import type { MeetingRecord } from "./bindings/MeetingRecord";
import type { MeetingStatus } from "./bindings/MeetingStatus";
import type { MeetingSummary } from "./bindings/MeetingSummary";
import type { Membership } from "./bindings/Membership";
import type { Minute } from "./bindings/Minute";
import type { MinuteSequence } from "./bindings/MinuteSequence";
import type { NewAgendaItem } from "./bindings/NewAgendaItem";
import type { NewAttendance } from "./bindings/NewAttendance";
import type { NewBody } from "./bindings/NewBody";
import type { NewDeclaration } from "./bindings/NewDeclaration";
import type { NewMeeting } from "./bindings/NewMeeting";
import type { NewMembership } from "./bindings/NewMembership";
import type { NewPerson } from "./bindings/NewPerson";
import type { NewReferral } from "./bindings/NewReferral";
import type { NewResolution } from "./bindings/NewResolution";
import type { NewSequence } from "./bindings/NewSequence";
import type { Person } from "./bindings/Person";
import type { Referral } from "./bindings/Referral";
import type { ReferralStep } from "./bindings/ReferralStep";
import type { Resolution } from "./bindings/Resolution";
import type { OutcomeInput } from "./bindings/OutcomeInput";
import type { PackRequest } from "./bindings/PackRequest";
import type { PackProgressEvent } from "./bindings/PackProgressEvent";
import type { ReferralChain } from "./bindings/ReferralChain";
import type { RegisterHit } from "./bindings/RegisterHit";
import type { RegisterQuery } from "./bindings/RegisterQuery";
import type { ResolutionPage } from "./bindings/ResolutionPage";

export type * from "./types";

/** Turns whatever a failed call threw into an ApiError. */
export function asApiError(e: unknown): ApiError {
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    const { code, message } = e as ApiError;
    return { code, message: String(message) };
  }
  return { code: "io", message: e instanceof Error ? e.message : String(e) };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw asApiError(e);
  }
}

export const ipc = {
  appInfo: () => call<AppInfo>("app_info"),

  // Set-up
  authority: () => call<Authority>("authority"),
  setAuthority: (authority: Authority) => call<null>("set_authority", { authority }),
  sequences: () => call<MinuteSequence[]>("sequences"),
  addSequence: (sequence: NewSequence) => call<MinuteSequence>("add_sequence", { sequence }),
  bodies: () => call<Body[]>("bodies"),
  addBody: (body: NewBody) => call<Body>("add_body", { body }),
  people: () => call<Person[]>("people"),
  addPerson: (person: NewPerson) => call<Person>("add_person", { person }),
  updatePerson: (personId: string, person: NewPerson) =>
    call<Person>("update_person", { personId, person }),
  retirePerson: (personId: string) => call<null>("retire_person", { personId }),
  memberships: (bodyId: string) => call<Membership[]>("memberships", { bodyId }),
  addMembership: (membership: NewMembership) =>
    call<Membership>("add_membership", { membership }),
  endMembership: (membershipId: string, on: string) =>
    call<null>("end_membership", { membershipId, on }),

  // Meetings and agendas
  listMeetings: () => call<MeetingSummary[]>("list_meetings"),
  meetingRecord: (meetingId: string) => call<MeetingRecord>("meeting_record", { meetingId }),
  addMeeting: (meeting: NewMeeting) => call<Meeting>("add_meeting", { meeting }),
  updateMeeting: (meetingId: string, meeting: NewMeeting) =>
    call<Meeting>("update_meeting", { meetingId, meeting }),
  setMeetingStatus: (meetingId: string, status: MeetingStatus) =>
    call<null>("set_meeting_status", { meetingId, status }),
  addAgendaItem: (meetingId: string, item: NewAgendaItem) =>
    call<AgendaItem>("add_agenda_item", { meetingId, item }),
  addStandingItems: (meetingId: string) =>
    call<AgendaItem[]>("add_standing_items", { meetingId }),
  updateAgendaItem: (itemId: string, item: NewAgendaItem) =>
    call<AgendaItem>("update_agenda_item", { itemId, item }),
  removeAgendaItem: (itemId: string) => call<null>("remove_agenda_item", { itemId }),
  moveAgendaItem: (itemId: string, position: number) =>
    call<null>("move_agenda_item", { itemId, position }),
  recordAttendance: (meetingId: string, attendance: NewAttendance) =>
    call<Attendance>("record_attendance", { meetingId, attendance }),
  removeAttendance: (attendanceId: string) => call<null>("remove_attendance", { attendanceId }),
  addDeclaration: (meetingId: string, declaration: NewDeclaration) =>
    call<Declaration>("add_declaration", { meetingId, declaration }),
  removeDeclaration: (declarationId: string) =>
    call<null>("remove_declaration", { declarationId }),
  attachReport: (itemId: string, kind: DocumentKind) =>
    call<DocumentInfo | null>("attach_report", { itemId, kind }),

  // Minutes
  addMinute: (meetingId: string, agendaItemId: string | null, heading: string) =>
    call<Minute>("add_minute", { meetingId, agendaItemId, heading }),
  removeMinute: (minuteId: string) => call<null>("remove_minute", { minuteId }),
  moveMinute: (minuteId: string, position: number) =>
    call<null>("move_minute", { minuteId, position }),
  setPublicSummary: (minuteId: string, summary: string) =>
    call<null>("set_public_summary", { minuteId, summary }),
  addBlock: (minuteId: string, content: BlockContent) =>
    call<Block>("add_block", { minuteId, content }),
  updateBlock: (blockId: string, content: BlockContent) =>
    call<null>("update_block", { blockId, content }),
  removeBlock: (blockId: string) => call<null>("remove_block", { blockId }),
  moveBlock: (blockId: string, position: number) =>
    call<null>("move_block", { blockId, position }),
  addResolution: (minuteId: string, resolution: NewResolution) =>
    call<Resolution>("add_resolution", { minuteId, resolution }),
  updateResolution: (resolutionId: string, resolution: NewResolution) =>
    call<null>("update_resolution", { resolutionId, resolution }),
  removeResolution: (resolutionId: string) => call<null>("remove_resolution", { resolutionId }),
  moveResolution: (resolutionId: string, limb: number) =>
    call<null>("move_resolution", { resolutionId, limb }),
  addReferral: (referral: NewReferral) => call<Referral>("add_referral", { referral }),
  advanceReferral: (referralId: string, step: ReferralStep) =>
    call<Referral>("advance_referral", { referralId, step }),

  // After the meeting
  publishDraft: (meetingId: string) => call<null>("publish_draft", { meetingId }),
  approveMinutes: (meetingId: string, approval: Approval) =>
    call<null>("approve_minutes", { meetingId, approval }),
  signMinutes: (meetingId: string, signerId: string, on: string) =>
    call<null>("sign_minutes", { meetingId, signerId, on }),
  auditLog: (meetingId: string) => call<AuditEntry[]>("audit_log", { meetingId }),

  // The resolutions register and referrals
  searchRegister: (query: RegisterQuery) => call<RegisterHit[]>("search_register", { query }),
  resolutionPage: (resolutionId: string) => call<ResolutionPage>("resolution_page", { resolutionId }),
  referralsView: (bodyId: string | null) => call<ReferralChain[]>("referrals_view", { bodyId }),
  recordOutcome: (referralId: string, outcome: OutcomeInput) =>
    call<Referral>("record_outcome", { referralId, outcome }),
  takeUpReferral: (meetingId: string, referralId: string, title: string | null) =>
    call<AgendaItem>("take_up_referral", { meetingId, referralId, title }),

  /** Prints the agenda pack; `progress` hears of each report merged. Resolves to the path saved, or null. */
  /** `request.print_job` is the window's number for this print, which "Cancel" names. */
  printAgendaPack: (request: PackRequest, progress: (p: PackProgressEvent) => void) => {
    const onProgress = new Channel<PackProgressEvent>();
    onProgress.onmessage = progress;
    return call<string | null>("print_agenda_pack", { request, onProgress });
  },
  /** Stops print `job` (the number printAgendaPack was given), even before it has started. */
  cancelAgendaPack: (job: number) => call<null>("cancel_agenda_pack", { job }),
  /** The whole register the query finds, as CSV, saved where the clerk chooses. */
  exportRegisterCsv: (query: RegisterQuery) => call<string | null>("export_register_csv", { query }),
  /** A body's recommendation tracker for a period, as PDF (then opened) or CSV. */
  exportTracker: (bodyId: string, from: string, to: string, pdf: boolean) =>
    call<string | null>("export_tracker", { bodyId, from, to, pdf }),
  /** A committee's meetings as an iCalendar file, saved where the clerk chooses. */
  exportMeetingsIcs: (bodyId: string) => call<string | null>("export_meetings_ics", { bodyId }),
  /** The record (or one committee's part of it) as OParl 1.1 JSON, ids under `baseUrl`. */
  exportOparl: (bodyId: string | null, baseUrl: string) =>
    call<string | null>("export_oparl", { bodyId, baseUrl }),
  printMinutes: (meetingId: string, welsh: boolean, confidential: boolean) =>
    call<string | null>("print_minutes", { meetingId, welsh, confidential }),
};

export type Ipc = typeof ipc;
