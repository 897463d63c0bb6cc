// The council's words for the values the Rust types carry. British English throughout.
import type {
  AttendanceStatus,
  BodyKind,
  DeclarationAction,
  DeclarationKind,
  DispensationScope,
  VoteChoice,
  VoteMethod,
  ItemOrigin,
  Keyword,
  MeetingKind,
  MeetingMode,
  MeetingStatus,
  MinutesStatus,
  PersonKind,
  ReasonsRule,
  ReferralOutcome,
  ReferralPurpose,
  Role,
} from "./ipc";

export const bodyKinds: Record<BodyKind, string> = {
  council: "Council",
  cabinet: "Cabinet",
  scrutiny: "Scrutiny committee",
  standards: "Standards committee",
  governance_audit: "Governance and audit committee",
  regulatory: "Regulatory committee",
  joint: "Joint committee",
  other: "Other",
};

export const personKinds: Record<PersonKind, string> = {
  member: "Councillor",
  co_opted_voting: "Co-opted member (voting)",
  co_opted_non_voting: "Co-opted member (non-voting)",
  officer: "Officer",
  external: "External (e.g. inspector)",
  public: "Member of the public",
};

export const roles: Record<Role, string> = {
  chair: "Chair",
  vice_chair: "Vice-chair",
  member: "Member",
  co_opted: "Co-opted member",
  observer: "Observer",
};

export const meetingKinds: Record<MeetingKind, string> = {
  ordinary: "Ordinary meeting",
  special: "Special meeting",
  annual: "Annual meeting",
  adjourned: "Adjourned meeting",
};

export const meetingModes: Record<MeetingMode, string> = {
  in_person: "In person",
  hybrid: "Hybrid",
  remote: "Remote",
};

export const meetingStatuses: Record<MeetingStatus, string> = {
  scheduled: "Scheduled",
  agenda_published: "Agenda published",
  in_progress: "In progress",
  closed: "Closed",
};

export const minutesStatuses: Record<MinutesStatus, string> = {
  drafting: "Drafting",
  draft_published: "Draft published",
  approved: "Approved",
  signed: "Signed",
};

export const attendanceStatuses: Record<AttendanceStatus, string> = {
  present: "Present",
  apologies: "Apologies",
  absent: "Absent",
  substitute: "Substitute",
  also_present: "Also present",
  officer: "Officer in attendance",
};

export const declarationKinds: Record<DeclarationKind, string> = {
  personal: "Personal",
  prejudicial: "Personal and prejudicial",
  party_whip: "Party whip",
};

export const declarationActions: Record<DeclarationAction, string> = {
  remained: "Remained in the meeting",
  withdrew: "Withdrew from the meeting",
  spoke_then_withdrew: "Spoke, then withdrew",
  written_representations: "Made written representations",
};

export const reasonsRules: Record<ReasonsRule, string> = {
  required: "Required: the draft cannot be published without them",
  warned: "Warned: a limb without one is flagged",
  not_asked: "Not asked",
};

export const keywords: Record<Keyword, string> = {
  resolved: "RESOLVED",
  recommended: "RECOMMENDED",
  agreed: "AGREED",
};

export const origins: Record<ItemOrigin, string> = {
  standing: "Standing item",
  report: "Report",
  referred_from_cabinet: "Referred from Cabinet (REF)",
  call_in: "Call-in",
  request_for_consideration: "Request for consideration",
  urgent: "Urgent item",
  notice_of_motion: "Notice of motion",
};

export const purposes: Record<ReferralPurpose, string> = {
  for_decision: "For decision",
  for_information: "For information",
  for_consultation: "For consultation",
  s21_report: "Scrutiny report (s.21)",
};

export const outcomes: Record<ReferralOutcome, string> = {
  accepted: "Accepted",
  accepted_in_part: "Accepted in part",
  not_accepted: "Not accepted",
  noted: "Noted",
  deferred: "Deferred",
  referred_back: "Referred back",
};

/** The options of a select, in the order the record lists them. */
export function options<K extends string>(labels: Record<K, string>): [K, string][] {
  return Object.entries(labels) as [K, string][];
}

export const referralStatuses: Record<import("./ipc").ReferralStatus, string> = {
  issued: "Issued",
  scheduled: "Scheduled",
  considered: "Considered",
  reported_back: "Reported back",
  closed: "Closed",
};

export const referralFilters: Record<import("./ipc").ReferralFilter, string> = {
  referred: "Referred anywhere",
  not_referred: "Not referred",
  open: "Referral still open",
  overdue: "Response overdue",
  issued: "Referral issued",
  scheduled: "Scheduled at the target",
  considered: "Considered by the target",
  reported_back: "Reported back",
  closed: "Closed",
};

export const urgencies: Record<import("./ipc").ReferralUrgency, string> = {
  open: "Open",
  due_soon: "Due soon",
  overdue: "Overdue",
};

export const voteMethods: Record<VoteMethod, string> = {
  unanimous: "Unanimously",
  show_of_hands: "Show of hands",
  recorded: "Recorded vote",
};

export const voteChoices: Record<VoteChoice, string> = {
  for: "For",
  against: "Against",
  abstain: "Abstained",
};

export const dispensationScopes: Record<DispensationScope, string> = {
  speak_only: "To speak but not vote",
  speak_and_vote: "To speak and vote",
};
