// The council's words for the values the Rust types carry, in the interface's language (the
// catalogue's `words` section, src/i18n/{en,cy}/words.ts). Each record reads the current
// language when a value is looked up, so `bodyKinds[kind]` in markup follows the switch.
import { t } from "./i18n.svelte";
import type { TranslationFunctions } from "../i18n/i18n-types";
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

type Section = keyof TranslationFunctions["words"];

/** A record of the catalogue's words for one kind of value, read in the current language. */
function localised<K extends string>(section: Section): Record<K, string> {
  const words = () => t().words[section] as unknown as Record<K, () => string>;
  return new Proxy({} as Record<K, string>, {
    get: (_, key) => (typeof key === "string" && key in words() ? words()[key as K]() : undefined),
    has: (_, key) => typeof key === "string" && key in words(),
    ownKeys: () => Object.keys(words()),
    getOwnPropertyDescriptor: (_, key) =>
      typeof key === "string" && key in words()
        ? { enumerable: true, configurable: true, value: words()[key as K]() }
        : undefined,
  });
}

export const bodyKinds: Record<BodyKind, string> = localised("bodyKind");

export const personKinds: Record<PersonKind, string> = localised("personKind");

export const roles: Record<Role, string> = localised("role");

export const meetingKinds: Record<MeetingKind, string> = localised("meetingKind");

export const meetingModes: Record<MeetingMode, string> = localised("meetingMode");

export const meetingStatuses: Record<MeetingStatus, string> = localised("meetingStatus");

export const minutesStatuses: Record<MinutesStatus, string> = localised("minutesStatus");

export const attendanceStatuses: Record<AttendanceStatus, string> = localised("attendanceStatus");

export const declarationKinds: Record<DeclarationKind, string> = localised("declarationKind");

export const declarationActions: Record<DeclarationAction, string> = localised("declarationAction");

export const reasonsRules: Record<ReasonsRule, string> = localised("reasonsRule");

export const keywords: Record<Keyword, string> = localised("keyword");

export const origins: Record<ItemOrigin, string> = localised("origin");

export const purposes: Record<ReferralPurpose, string> = localised("purpose");

export const outcomes: Record<ReferralOutcome, string> = localised("outcome");

/** The options of a select, in the order the record lists them. */
export function options<K extends string>(labels: Record<K, string>): [K, string][] {
  return Object.entries(labels) as [K, string][];
}

export const referralStatuses: Record<import("./ipc").ReferralStatus, string> = localised("referralStatus");

export const referralFilters: Record<import("./ipc").ReferralFilter, string> = localised("referralFilter");

export const urgencies: Record<import("./ipc").ReferralUrgency, string> = localised("urgency");

export const voteMethods: Record<VoteMethod, string> = localised("voteMethod");

export const voteChoices: Record<VoteChoice, string> = localised("voteChoice");

export const dispensationScopes: Record<DispensationScope, string> = localised("dispensationScope");
