// The meetings a pick list offers, asked for when its form opens: one body's meetings (or a
// few bodies'), from a date, through `meetings_page`, so no screen reads the whole archive.
import { ipc, type MeetingQuery, type MeetingSummary, type MeetingTime } from "./ipc";

/** The most meetings a pick list holds (one page of `meetings_page`). */
export const PICK_LIMIT = 500;

/** The meetings a pick list shows, and how many there are in all (more when some are left out). */
export type MeetingPick = { items: MeetingSummary[]; total: number };

export const noMeetings: MeetingPick = { items: [], total: 0 };

function query(bodyId: string, from: string | null, time: MeetingTime, limit: number): MeetingQuery {
  return { text: "", body_id: bodyId, from, to: null, minutes_status: null, time, today: null, offset: 0, limit };
}

/**
 * A body's meetings on or after `from` (every one when null), newest first. When there are more
 * than a pick list holds, the upcoming ones (soonest first) and then the most recent past ones,
 * the nearest today; `total` says how many there are in all.
 */
export async function meetingsOf(bodyId: string, from: string | null = null, limit = PICK_LIMIT): Promise<MeetingPick> {
  const all = await ipc.meetingsPage(query(bodyId, from, "all", limit));
  if (all.total <= all.items.length) return { items: all.items, total: all.total };
  const upcoming = await ipc.meetingsPage(query(bodyId, from, "upcoming", limit));
  const rest = limit - upcoming.items.length;
  const past = rest > 0 ? (await ipc.meetingsPage(query(bodyId, from, "past", rest))).items : [];
  return { items: [...upcoming.items, ...past], total: all.total };
}

/** Several bodies' meetings on or after `from`, newest first (each body's as {@link meetingsOf}). */
export async function meetingsOfBodies(bodyIds: string[], from: string | null = null): Promise<MeetingPick> {
  if (!bodyIds.length) return noMeetings;
  const each = Math.max(1, Math.floor(PICK_LIMIT / bodyIds.length));
  const picks = await Promise.all(bodyIds.map((id) => meetingsOf(id, from, each)));
  const items = picks.flatMap((p) => p.items);
  const total = picks.reduce((n, p) => n + p.total, 0);
  // Each body's list keeps its own order when it was cut; a whole list is merged newest first.
  if (items.length === total) items.sort((a, b) => b.date.localeCompare(a.date));
  return { items, total };
}
