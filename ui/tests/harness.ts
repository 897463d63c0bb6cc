// The browser tests' harness: the built UI served by Vite's preview server and opened in Debian's
// Chromium, with the Rust side replaced by canned answers (a fixture per page). Each test file
// calls `useBrowser()` once at its top.
import { execFileSync } from "node:child_process";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { preview, type PreviewServer } from "vite";
import type { ApiError } from "../src/lib/ipc/bindings/ApiError";
import type { DocumentInfo } from "../src/lib/ipc/bindings/DocumentInfo";
import type { MeetingRecord } from "../src/lib/ipc/bindings/MeetingRecord";
import type { RegisterHit } from "../src/lib/ipc/bindings/RegisterHit";
import type { ResolutionPage } from "../src/lib/ipc/bindings/ResolutionPage";
import { commandNames, type CommandName, type Commands } from "../src/lib/ipc/commands";
import type { MeetingSummary } from "../src/lib/ipc/bindings/MeetingSummary";
import type { NoticeDue } from "../src/lib/ipc/bindings/NoticeDue";
import type { MeetingQuery } from "../src/lib/ipc/bindings/MeetingQuery";
import { record, summary } from "./fixtures";

/** A canned answer to command K: its result, or the error the store gives; or, by the value
 * of one of its arguments (`by`, a path such as "query.offset"), one of several (`answers`,
 * keyed by that value as text; a value with no answer gets `otherwise`). */
export type Answer<K extends CommandName> =
  | { ok: Commands[K]["result"] }
  | { err: ApiError }
  | { by: string; answers: Record<string, { ok: Commands[K]["result"] }>; otherwise: { ok: Commands[K]["result"] } };
/**
 * The meetings `meetings_page` answers from, as the store would: filtered by the query, upcoming
 * soonest first and the rest newest first, a page at a time. `archive` adds that many invented
 * past meetings (one a day back from 1 November 2026), for a record of twenty years.
 */
export type MeetingsMock = { items: MeetingSummary[]; notices?: NoticeDue[]; archive?: number; today?: string };
/** Answers for some of the shell's commands (and for no command it does not have). */
export type Fixture = { [K in CommandName]?: Answer<K> } & { meetings?: MeetingsMock; auditEntries?: number };

let server: PreviewServer;
let browser: Browser;
let url: string;
/** Calls the window made to commands the shell does not have, by page: each fails its test. */
let unknownCommands: string[] = [];

/** Starts the server and the browser for this test file, and fails any test whose window
 * called a command the shell does not have. */
export function useBrowser() {
  beforeAll(async () => {
    server = await preview({ preview: { port: 0, host: "127.0.0.1", strictPort: false }, logLevel: "error" });
    url = server.resolvedUrls?.local[0] ?? "";
    const executablePath = execFileSync("sh", ["-c", "command -v chromium"]).toString().trim();
    browser = await chromium.launch({
      executablePath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
  });

  afterEach(() => {
    const unknown = unknownCommands;
    unknownCommands = [];
    expect(unknown, "the window called commands the shell does not have").toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  });

}

export const base: Fixture = {
  start_state: { ok: { council_open: true, database_path: "/tmp/cofnod.sqlite3" } },
  app_info: { ok: { version: "0.1.0", database_path: "/tmp/cofnod.sqlite3" } },
  record_check: { ok: { done: true, problems: [], audit_entries: 12, signed_minutes: 1, error: null } },
  authority: { ok: record().authority },
  document_languages: { ok: record().authority.documents },
  meetings: { items: [summary()] },
  notices_attention: { ok: { items: [], total: 0 } },
  bodies: { ok: [record().body, ...record().bodies] },
  meeting_record: { ok: record() },
  audit_page: { ok: { entries: [], total: 0, more: false } },
  people: { ok: record().people },
  people_page: { ok: { items: record().people, total: 2, offset: 0 } },
  update_block: { ok: null },
  generated_minute_lines: { ok: [] },
  approval_warnings: { ok: [] },
  translation_warnings: { ok: [] },
  meeting_quorum: { ok: { quorum: 4, attendance_recorded: false, items: [], first_inquorate: null } },
};

const UNKNOWN = "the window called a command the shell does not have:";

/**
 * Opens the app with `fixture` answering its IPC calls; calls are recorded in window.__calls.
 * A call to a command the shell does not have fails the test.
 */
export async function open(fixture: Fixture): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("pageerror", (e) => {
    if (!e.message.includes(UNKNOWN)) return;
    unknownCommands.push(e.message);
    void page.close(); // so the test stops at once rather than waiting on a screen that will not come
  });
  await page.addInitScript(({ answers, names, unknown }: { answers: Fixture; names: readonly string[]; unknown: string }) => {
    const w = window as unknown as Record<string, unknown>;
    const calls: { cmd: string; args: unknown; at: number }[] = [];
    w.__calls = calls;
    // The channels' callbacks (a test sends progress through them, as the shell would), and the
    // commands a test holds unanswered until it calls window.__release[cmd]().
    const callbacks: ((m: unknown) => void)[] = [];
    w.__callbacks = callbacks;
    w.__hold = [] as string[];
    const release: Record<string, () => void> = {};
    w.__release = release;
    w.__TAURI_INTERNALS__ = {
      invoke: (cmd: string, args: unknown) => {
        calls.push({ cmd, args, at: Date.now() });
        if (!names.includes(cmd)) {
          // Thrown outside the call too, so the test fails even if the screen swallows the error.
          const message = `${unknown} ${cmd}`;
          setTimeout(() => {
            throw new Error(message);
          });
          return Promise.reject({ code: "io", message });
        }
        type One = { ok: unknown } | { err: ApiError };
        type ByArg = { by: string; answers: Record<string, One>; otherwise: One };
        const given = (answers as Record<string, One | ByArg | undefined>)[cmd];
        const m = (answers as { meetings?: MeetingsMock }).meetings;
        if (!given && cmd === "meetings_page" && m) {
          const q = (args as { query: MeetingQuery }).query;
          const today = q.today ?? m.today ?? new Date().toISOString().slice(0, 10);
          const invented = Array.from({ length: m.archive ?? 0 }, (_, i): MeetingSummary => ({
            id: `a${String(i).padStart(7, "0")}-0000-7000-8000-000000000000`,
            body_id: i % 2 ? "b0000000-0000-7000-8000-000000000002" : "b0000000-0000-7000-8000-000000000001",
            body_name: i % 2 ? "Cabinet" : "Scrutiny Committee (Social Care and Health)",
            date: new Date(Date.UTC(2026, 10, 1) - i * 86400000).toISOString().slice(0, 10),
            start_time: "10:00:00", venue: "Council Chamber", status: "closed", minutes_status: "signed", item_count: 8,
          }));
          const words = q.text.toLowerCase().split(/\s+/).filter(Boolean);
          const found = [...m.items, ...invented]
            .filter((x) => (q.time === "upcoming" ? x.date >= today : q.time === "past" ? x.date < today : true))
            .filter((x) => !q.body_id || x.body_id === q.body_id)
            .filter((x) => !q.minutes_status || x.minutes_status === q.minutes_status)
            .filter((x) => (!q.from || x.date >= q.from) && (!q.to || x.date <= q.to))
            .filter((x) => words.every((w) => `${x.body_name} ${x.venue} ${x.date}`.toLowerCase().includes(w)))
            .sort((x, y) => (q.time === "upcoming" ? x.date.localeCompare(y.date) : y.date.localeCompare(x.date)));
          const items = found.slice(q.offset, q.offset + (q.limit ?? 50));
          const notices = (m.notices ?? []).filter((n) => items.some((x) => x.id === n.meeting_id));
          return Promise.resolve({ items, total: found.length, offset: q.offset, notices });
        }
        const n = (answers as { auditEntries?: number }).auditEntries;
        if (cmd === "audit_page" && n) {
          // A meeting's log of n entries, served newest first before the sequence number asked.
          const q = (args as { query: { before: number | null; limit: number | null } }).query;
          const top = Math.min(n, (q.before ?? n + 1) - 1);
          const limit = q.limit ?? 50;
          const entries = Array.from({ length: Math.max(0, Math.min(limit, top)) }, (_, i) => ({
            seq: top - i, at: "2015-01-06T10:00:00Z", actor: "clerk", table: "resolution", row_id: `row${top - i}`,
            action: "update", before: null, after: null,
          }));
          return Promise.resolve({ entries, total: n, more: top - entries.length > 0 });
        }
        if (!given) return Promise.reject({ code: "io", message: `no mock for ${cmd}` });
        let a: One;
        if ("by" in given) {
          const value = given.by.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], args);
          a = given.answers[String(value)] ?? given.otherwise;
        } else a = given;
        const answer = () => ("ok" in a ? Promise.resolve(structuredClone(a.ok)) : Promise.reject(a.err));
        if ((w.__hold as string[]).includes(cmd)) return new Promise((resolve) => (release[cmd] = () => resolve(answer())));
        return answer();
      },
      transformCallback: (callback: (m: unknown) => void) => callbacks.push(callback) - 1,
      metadata: { currentWindow: { label: "main" }, currentWebview: { label: "main" } },
    };
  }, { answers: { ...base, ...fixture }, names: commandNames, unknown: UNKNOWN });
  await page.goto(url);
  return { page, dialogs };
}

export async function calls(page: Page, cmd: CommandName) {
  return page.evaluate(
    (c) => ((window as unknown as { __calls: { cmd: string; args: unknown }[] }).__calls).filter((x) => x.cmd === c),
    cmd,
  );
}
