// Where the clerk is, and whether their work is saved: state shared by every screen.
import { asApiError, type ApiError } from "./ipc";
import { History } from "./history";
import { navigating } from "./screen.svelte";

export type Screen =
  | { name: "meetings" }
  | { name: "meeting"; id: string; tab?: MeetingTab }
  | { name: "setup" }
  | { name: "register" }
  | { name: "resolution"; id: string }
  | { name: "referrals" }
  | { name: "publish" };

export type MeetingTab = "agenda" | "attendance" | "minutes" | "translation" | "approval";

export const nav = $state<{ screen: Screen }>({ screen: { name: "meetings" } });

/** Goes to `screen`: its heading takes focus and its name is said (see screen.svelte.ts). */
export function go(screen: Screen): void {
  const was = nav.screen;
  const same = was.name === screen.name && ("id" in was ? was.id : "") === ("id" in screen ? screen.id : "");
  navigating(same);
  nav.screen = screen;
}

/**
 * The record the window shows: `generation` goes up when the database is replaced (restored
 * from a backup), and every screen is drawn afresh from it; `restored` says what was restored.
 */
export const restoration = $state<{ generation: number; restored: { path: string; previous: string | null } | null }>({
  generation: 0,
  restored: null,
});

/** The register's query and filters, kept while the clerk looks at a resolution and comes back. */
export const register = $state({
  text: "",
  bodyId: "",
  from: "",
  to: "",
  keyword: "",
  referredTo: "",
  referral: "",
  confidential: false,
});

/**
 * The Meetings screen's search, filters and pages, kept while the clerk opens a meeting and
 * comes back to the list.
 */
export const meetingsFind = $state({
  text: "",
  bodyId: "",
  from: "",
  to: "",
  minutes: "",
  upcomingOffset: 0,
  recentOffset: 0,
  resultsOffset: 0,
});

/** "Saving…", "All changes saved" or the error that stopped a save. */
export const saving = $state<{ inFlight: number; savedAt: Date | null; error: ApiError | null }>({
  inFlight: 0,
  savedAt: null,
  error: null,
});

/** Runs one write to the store, keeping the saved indicator honest. */
export async function saved<T>(work: Promise<T>): Promise<T> {
  saving.inFlight += 1;
  try {
    const out = await work;
    saving.savedAt = new Date();
    saving.error = null;
    return out;
  } catch (e) {
    saving.error = asApiError(e);
    throw saving.error;
  } finally {
    saving.inFlight -= 1;
  }
}

/** The session's undo history, shared by the meeting screens. */
export const history = new History();

/** Ctrl+Z undoes and Ctrl+Y (or Ctrl+Shift+Z) redoes, outside a text box where the browser's own undo works. */
export function undoKey(e: KeyboardEvent): "undo" | "redo" | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const tag = (document.activeElement as HTMLElement | null)?.tagName ?? "";
  if (["INPUT", "TEXTAREA", "SELECT"].includes(tag)) return null;
  const k = e.key.toLowerCase();
  if (k === "z" && !e.shiftKey) return "undo";
  if (k === "y" || (k === "z" && e.shiftKey)) return "redo";
  return null;
}

/** Undoes or redoes the session's last change, keeping the saved indicator honest. */
export function undoRedo(which: "undo" | "redo"): Promise<string | null> {
  return saved(which === "undo" ? history.undo() : history.redo());
}

/** Records a change the clerk can undo and redo; either way, `reload` refreshes the screen after. */
export function undoable(
  label: string,
  undo: () => Promise<unknown>,
  redo: () => Promise<unknown>,
  reload: () => Promise<unknown>,
): void {
  history.push({
    label,
    undo: async () => {
      await undo();
      await reload();
    },
    redo: async () => {
      await redo();
      await reload();
    },
  });
}

/** A window keydown handler for Ctrl+Z / Ctrl+Y, off while `locked()`; a failed undo goes to `failed`. */
export function undoKeys(locked: () => boolean, failed: (e: ApiError) => void): (e: KeyboardEvent) => void {
  return (e) => {
    const which = locked() ? null : undoKey(e);
    if (!which) return;
    e.preventDefault();
    undoRedo(which).catch((err) => failed(asApiError(err)));
  };
}
