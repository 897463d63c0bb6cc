// Reflow (WCAG 1.4.10): at 640 CSS px (a 1280 px window at 200%) and 320 CSS px (at 400%) no
// screen scrolls sideways. A data table may scroll inside its own box; the page may not.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { calls, open, useBrowser, type Fixture } from "./harness";

useBrowser();

const setup: Fixture = {
  sequences: { ok: [] },
  memberships: { ok: [] },
  calendar_year: { ok: { year: 2026, bank_holidays: [], days: [] } },
};
const meetingData: Fixture = { meeting_texts: { ok: [] }, referrals_view: { ok: [] } };

type Screen = { name: string; fixture?: Fixture; go: (page: Page) => Promise<void>; ready: string };
const tab = (which: string) => async (page: Page) => {
  await page.getByTestId("open-meeting").click();
  await page.getByTestId(`tab-${which}`).click();
};
const screens: Screen[] = [
  { name: "Meetings", go: async () => undefined, ready: "[data-testid=open-meeting]" },
  { name: "Plan a meeting", go: async (p) => p.getByTestId("new-meeting").click(), ready: "[data-testid=meeting-create]" },
  { name: "Agenda", fixture: meetingData, go: tab("agenda"), ready: "[data-testid=agenda-add]" },
  { name: "Attendance", fixture: meetingData, go: tab("attendance"), ready: "main h2" },
  { name: "Minutes", fixture: meetingData, go: tab("minutes"), ready: "[data-testid=narrative-text]" },
  { name: "Translation", fixture: meetingData, go: tab("translation"), ready: "main h2" },
  { name: "Approval", fixture: meetingData, go: tab("approval"), ready: "main h2" },
  {
    name: "Register",
    fixture: { search_register: { ok: { hits: [], offset: 0, more: false } } },
    go: async (p) => p.getByTestId("nav-register").click(),
    ready: "main h1",
  },
  {
    name: "Referrals",
    fixture: { referrals_page: { ok: { items: [], total: 0, offset: 0, overdue: 0, due_soon: 0 } } },
    go: async (p) => p.getByTestId("nav-referrals").click(),
    ready: "main h1",
  },
  { name: "Set-up", fixture: setup, go: async (p) => p.getByTestId("nav-setup").click(), ready: "[data-testid=person-add]" },
  { name: "Publish", go: async (p) => p.getByTestId("nav-publish").click(), ready: "main h1" },
  {
    name: "First start",
    fixture: { start_state: { ok: { council_open: false, database_path: "/home/clerk/.local/share/cymru.cofnod/cofnod.sqlite3" } } },
    go: async (p) => p.getByTestId("start-new").click(),
    ready: "[data-testid=start-finish]",
  },
];

/** How far the page scrolls sideways, and what sticks out past the right edge if it does. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const s = document.scrollingElement as HTMLElement;
    const width = s.clientWidth;
    const out: string[] = [];
    if (s.scrollWidth > width) {
      for (const el of document.querySelectorAll<HTMLElement>("body *")) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && r.width > 0 && !el.closest(".table-scroll")) {
          const id = el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : el.className ? `.${String(el.className).split(" ")[0]}` : "";
          out.push(`${el.tagName.toLowerCase()}${id} ${Math.round(r.right)}`);
        }
      }
    }
    return { scrollWidth: s.scrollWidth, clientWidth: width, out: out.slice(0, 8) };
  });
}

describe("reflow at 200% and 400%", () => {
  for (const width of [640, 320]) {
    for (const screen of screens) {
      it(`${screen.name} at ${width} CSS px does not scroll sideways`, async () => {
        const { page } = await open(screen.fixture ?? {});
        await page.setViewportSize({ width, height: width === 640 ? 400 : 256 });
        await screen.go(page);
        await page.waitForSelector(screen.ready);
        await page.waitForTimeout(150);
        const o = await overflow(page);
        expect(o.out, `${screen.name} is ${o.scrollWidth} px wide in ${o.clientWidth}`).toEqual([]);
        expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
        await page.close();
      });
    }
  }

  it("keeps the agenda's Add an item form usable at 640 px", async () => {
    const { page } = await open(meetingData);
    await page.setViewportSize({ width: 640, height: 400 });
    await tab("agenda")(page);
    const title = page.getByTestId("agenda-title");
    const box = await title.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(250);
    expect(await calls(page, "meeting_record")).not.toEqual([]);
    await page.close();
  });
});
