// Where a meeting's notice of decisions stands (s.100C(1C) LGA 1972: within seven working
// days of the meeting), as the Meetings screen words it.
import type { NoticeDue } from "./ipc";
import { plainDate } from "./format";
import { catalogue, language, type Lang } from "./i18n.svelte";

/**
 * "Decisions notice due 10 June 2026", "… overdue since 10 June 2026", "… published 4 June 2026"
 * (in Welsh "Hysbysiad o benderfyniadau yn ddyledus ar 10 Mehefin 2026"); empty before the meeting.
 */
export function noticeText(n: NoticeDue, lang: Lang = language.code): string {
  const words = catalogue(lang).meetings.notice;
  switch (n.state) {
    case "published":
      return n.published_on ? words.published({ date: plainDate(n.published_on, lang) }) : words.publishedUndated();
    case "overdue":
      return words.overdue({ date: plainDate(n.due, lang) });
    case "due":
    case "due_soon":
      return words.due({ date: plainDate(n.due, lang) });
    default:
      return "";
  }
}

/** The notices to act on: overdue and due within three working days, earliest due first. */
export function needingAttention(list: NoticeDue[]): NoticeDue[] {
  return list
    .filter((n) => n.state === "overdue" || n.state === "due_soon")
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.date.localeCompare(b.date)));
}
