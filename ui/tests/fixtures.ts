// A small council record for the browser tests, typed with the generated bindings so it
// cannot drift from what Rust sends.
import type { MeetingRecord } from "../src/lib/ipc/bindings/MeetingRecord";
import type { MeetingSummary } from "../src/lib/ipc/bindings/MeetingSummary";
import type { Commands } from "../src/lib/ipc/commands";
import type { Attendance } from "../src/lib/ipc/bindings/Attendance";
import type { NoticeDue } from "../src/lib/ipc/bindings/NoticeDue";
import type { RegisterHit } from "../src/lib/ipc/bindings/RegisterHit";
import type { Resolution } from "../src/lib/ipc/bindings/Resolution";

const body = "b0000000-0000-7000-8000-000000000001";
const cabinet = "b0000000-0000-7000-8000-000000000002";
const meeting = "m0000000-0000-7000-8000-000000000001";
const chair = "p0000000-0000-7000-8000-000000000001";
const member = "p0000000-0000-7000-8000-000000000002";
const item = "i0000000-0000-7000-8000-000000000001";
const minute = "n0000000-0000-7000-8000-000000000001";
const block = "k0000000-0000-7000-8000-000000000001";
const seq = "s0000000-0000-7000-8000-000000000001";

export const ids = { body, cabinet, meeting, chair, member, item, minute, block };

export function record(overrides: { heading?: string; text?: string; signed?: boolean } = {}): MeetingRecord {
  return {
    authority: {
      name_en: "Vale of Glamorgan Council",
      name_cy: "Cyngor Bro Morgannwg",
      jurisdiction: "wales",
      languages: "bilingual",
      year_start_month: 5,
      year_start_day: 1,
      presenter_form_en: "{name}, {title}, was present for this item.",
      presenter_form_cy: "Roedd {name}, {title}, yn bresennol ar gyfer yr eitem hon.",
      documents: {
        legal_language: "en",
        translation_notice_en: "This document is a translation. The version in Welsh is the legal record.",
        translation_notice_cy: "Cyfieithiad yw'r ddogfen hon. Y fersiwn Saesneg yw'r cofnod cyfreithiol.",
        layout: "separate",
      },
    },
    body: {
      id: body, name_en: "Scrutiny Committee (Social Care and Health)", name_cy: "", kind: "scrutiny",
      default_keyword: "recommended", chair_title: "chairman", quorum: 4,
      whip_declarations_required: true, reasons: "required", sequence_id: seq, retired: false,
    },
    meeting: {
      id: meeting, body_id: body, kind: "ordinary", date: "2015-01-05", start_time: "10:00:00", end_time: null,
      venue: "Civic Offices, Barry", mode: "in_person", joining_details: "", status: "in_progress",
      minutes_status: overrides.signed ? "signed" : "drafting", approved_at_meeting_id: null,
      signed_by_person_id: overrides.signed ? chair : null, signed_on: overrides.signed ? "2015-02-02" : null,
    },
    people: [
      { id: chair, honorific: "Councillor", name: "Mrs. A.J. Moore", kind: "member", title: "", retired: false },
      { id: member, honorific: "Councillor", name: "R.J. Bertin", kind: "member", title: "", retired: false },
    ],
    memberships: [
      { id: "ms1", person_id: chair, body_id: body, role: "chair", from: "2014-05-01", to: null },
      { id: "ms2", person_id: member, body_id: body, role: "member", from: "2014-05-01", to: null },
    ],
    attendance: [],
    declarations: [],
    agenda: [
      {
        id: item, meeting_id: meeting, position: 1, title_en: overrides.heading ?? "CSSIW Annual Performance Evaluation",
        title_cy: "", part: "public", exempt_paragraphs: [], public_interest: "", origin: "report", standing: null,
        tag: "", urgent_reason: "", presenting_officer_id: null,
      },
    ],
    documents: [],
    minutes: [
      {
        minute: {
          id: minute, meeting_id: meeting, agenda_item_id: item, sequence_id: seq, year_start: "2014-05-01",
          number: 678, label: "678", heading: overrides.heading ?? "CSSIW Annual Performance Evaluation", tag: "",
          exempt: false, public_summary: "", position: 1, heading_edited: false,
        },
        blocks: [
          { id: block, minute_id: minute, position: 1, content: { kind: "narrative", text: overrides.text ?? "The Lead Inspector presented the evaluation." } },
        ],
        resolutions: [],
      },
    ],
    referrals: [],
    bodies: [
      {
        id: cabinet, name_en: "Cabinet", name_cy: "Cabinet", kind: "cabinet", default_keyword: "resolved",
        chair_title: "chair", quorum: 3, whip_declarations_required: false, reasons: "required", sequence_id: seq, retired: false,
      },
    ],
    sequences: [],
    amendments: [],
    approved_at: null,
    pack_issues: [],
    approvals: [],
    approved_at_minute: null,
    votes: [],
    dispensations: [],
    quorum_notes: [],
    executive_decisions: [],
    implementations: [],
    call_ins: [],
    called_in: [],
    translations: [],
  };
}

export function summary(): MeetingSummary {
  return {
    id: meeting, body_id: body, body_name: "Scrutiny Committee (Social Care and Health)", date: "2015-01-05",
    start_time: "10:00:00", venue: "Civic Offices, Barry", status: "in_progress", minutes_status: "drafting", item_count: 1,
  };
}

// Builders shared by the test files: the pieces of a fuller record (attendance, a limb, a
// referral, a register hit), each as the store would send it.

export const WELSH_BODY = "Pwyllgor Craffu (Gofal Cymdeithasol ac Iechyd)";
export const WELSH_TITLE = "Gwerthusiad Perfformiad Blynyddol AGGCC";

/** The record with its committee's Welsh name. */
export function welshBody(rec: MeetingRecord = record()): MeetingRecord {
  return { ...rec, body: { ...rec.body, name_cy: WELSH_BODY } };
}

/** The demo meeting's notice of decisions, overdue since 13 January 2015. */
export function noticesDue(): NoticeDue[] {
  return [
    {
      meeting_id: meeting, body_name: "Scrutiny Committee (Social Care and Health)", date: "2015-01-05",
      due: "2015-01-13", published_on: null, state: "overdue", working_days_left: 0,
    },
  ];
}

/** Someone present in the room (the chair in the chair when `capacity` says so). */
export function present(id: string, person: string, capacity: "chair" | null = null): Attendance {
  return {
    id, meeting_id: meeting, person_id: person, status: "present", substitute_for: null,
    mode: "room", capacity, arrived_at_item: null, left_at_item: null, for_items: [],
  };
}

/** Limb (n) of the minute's resolution. */
export function limb(n = 1, over: Partial<Resolution> = {}): Resolution {
  return {
    id: `r${n}`, minute_id: minute, limb: n, keyword: "recommended", text: "the report be noted.", reason: "To inform.",
    conditional_on: null, vote: "", reason_not_needed: false, approves_meeting_id: null, ...over,
  };
}

/** A referral of limb r1 to Cabinet, as the referrals screens list it. */
export function referralChain(over: Partial<Commands["referrals_page"]["result"]["items"][number]["referral"]> = {}): Commands["referrals_page"]["result"]["items"][number] {
  return {
    referral: {
      id: "f1", resolution_id: "r1", from_body_id: body, to_body_id: cabinet, to_external: "", purpose: "for_decision",
      sent_on: "2015-01-05", response_due: "2015-03-05", status: "issued", target_meeting_id: null, target_minute_id: null,
      outcome: null, response_text: "", reported_back_meeting_id: null, closed_on: null, ...over,
    },
    from_body: "Scrutiny Committee (Social Care and Health)", to: "Cabinet", to_cy: "Cabinet", urgency: "overdue", days_left: -3,
    source: {
      resolution_id: "r1", limb: 1, keyword: "recommended", text: "the report be noted", text_cy: "",
      minute: { minute_id: minute, meeting_id: meeting, body_name: "Scrutiny Committee (Social Care and Health)", date: "2015-01-05", label: "678", heading: "CSSIW", heading_cy: "" },
    },
    target_meeting: null, target_minute: null, target_resolutions: [], agenda_items: [], reported_back: null,
  };
}

/** A resolution the register finds: limb (1) of minute 678, referred to Cabinet and overdue. */
export function registerHit(over: Partial<RegisterHit> = {}): RegisterHit {
  return {
    resolution_id: "r1", minute_id: minute, meeting_id: meeting, body_id: body,
    body_name: "Scrutiny Committee (Social Care and Health)", date: "2015-01-05", minute_label: "678",
    heading: "CSSIW Annual Performance Evaluation", limb: 1, keyword: "recommended",
    text: [{ text: "the ", marked: false }, { text: "report", marked: true }, { text: " be noted", marked: false }],
    reason: [{ text: "To inform.", marked: false }], exact: false,
    referrals: [{ referral_id: "f1", to: "Cabinet", status: "issued", outcome: null, response_due: "2015-03-06", overdue: true }],
    language: "en", text_cy: [], reason_cy: [], heading_cy: "", ...over,
  };
}

/** A publishing run's report: twelve meetings written. */
export function publishReport(): Commands["publish_site"]["result"] {
  return {
    folder: "/srv/www/democracy", files: 412, written: 409, unchanged: 3, removed: 1, bytes: 5_432_100,
    meetings: 12, meetings_changed: 12, resolutions: 37, cancelled: false,
  };
}

/** The first start: no council yet, and the database file it would be made in. */
export const FIRST_START_DB = "/home/clerk/.local/share/cymru.cofnod/cofnod.sqlite3";
