// A small council record for the browser tests, typed with the generated bindings so it
// cannot drift from what Rust sends.
import type { MeetingRecord } from "../src/lib/ipc/bindings/MeetingRecord";
import type { MeetingSummary } from "../src/lib/ipc/bindings/MeetingSummary";

const body = "b0000000-0000-7000-8000-000000000001";
const cabinet = "b0000000-0000-7000-8000-000000000002";
const meeting = "m0000000-0000-7000-8000-000000000001";
const chair = "p0000000-0000-7000-8000-000000000001";
const member = "p0000000-0000-7000-8000-000000000002";
const item = "i0000000-0000-7000-8000-000000000001";
const minute = "n0000000-0000-7000-8000-000000000001";
const block = "k0000000-0000-7000-8000-000000000001";
const seq = "s0000000-0000-7000-8000-000000000001";

export const ids = { body, meeting, chair, member, item, minute, block };

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
