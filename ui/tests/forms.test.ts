// What a screen reader hears of the clerk's work, and where a refused form sends them: the save
// state announced once an edit settles, refusals tied to their fields, retiring undone.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { record } from "./fixtures";
import { calls, open, useBrowser, type Fixture } from "./harness";

useBrowser();

async function openMinutes(fixture: Fixture) {
  const opened = await open(fixture);
  await opened.page.getByTestId("open-meeting").click();
  await opened.page.getByTestId("tab-minutes").click();
  return opened;
}

/** Counts the changes to the text of the element `testid`, from now on, in window.__changes. */
async function watchText(page: Page, testid: string) {
  await page.evaluate((id) => {
    const w = window as unknown as { __changes: string[] };
    w.__changes = [];
    const el = document.querySelector(`[data-testid="${id}"]`);
    if (!el) throw new Error(`no ${id}`);
    let last = el.textContent ?? "";
    new MutationObserver(() => {
      const now = el.textContent ?? "";
      if (now !== last) w.__changes.push(now);
      last = now;
    }).observe(el, { childList: true, subtree: true, characterData: true });
  }, testid);
  return () => page.evaluate(() => (window as unknown as { __changes: string[] }).__changes);
}

describe("the save state a screen reader hears", () => {
  it("is said once when twelve typed words are saved, not at each save", async () => {
    const { page } = await openMinutes({});
    const box = page.getByTestId("narrative-text");
    await box.click();
    await box.press("End");
    const changes = await watchText(page, "save-announcement");
    // Twelve words, typed at a clerk's pace so that several saves go out while typing.
    for (const word of " Members asked about waiting times for assessments and the officers answered them.".split(/(?= )/)) {
      await box.pressSequentially(word, { delay: 25 });
      await page.waitForTimeout(400);
    }
    await expect.poll(async () => (await calls(page, "update_block")).length).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId("save-state").innerText()).toContain("All changes saved at");
    await expect.poll(changes, { timeout: 4000 }).toContain("All changes saved");
    await page.waitForTimeout(2000);
    const heard = await changes();
    expect(heard.filter((c) => c.trim() !== "")).toEqual(["All changes saved"]);
    expect(heard.length).toBeLessThanOrEqual(2);
    // The visible indicator is no live region, so it is not heard at every save.
    expect(await page.getByTestId("save-state").getAttribute("role")).toBeNull();
    expect(await page.locator("[role=status], [role=alert], [aria-live]").filter({ hasText: "Saving" }).count()).toBe(0);
    await page.close();
  });

  it("says at once, once, why an edit was not saved", async () => {
    const { page } = await openMinutes({
      update_block: { err: { code: "locked", message: "The minutes of this meeting are signed and cannot change" } },
    });
    const box = page.getByTestId("narrative-text");
    await box.click();
    await box.press("End");
    expect(await page.getByTestId("save-failure").count()).toBe(0);
    for (const word of " Members asked about waiting times.".split(/(?= )/)) {
      await box.pressSequentially(word, { delay: 25 });
      await page.waitForTimeout(400);
    }
    await expect.poll(async () => (await calls(page, "update_block")).length).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId("save-failure").innerText()).toContain(
      "Not saved: The minutes of this meeting are signed and cannot change",
    );
    // One alert, put there once: the same refusal of each later save is not heard again.
    const alert = await page.getByTestId("save-failure").elementHandle();
    await box.pressSequentially(" More words.", { delay: 25 });
    await page.waitForTimeout(1000);
    expect(await page.getByTestId("save-failure").count()).toBe(1);
    expect(await alert?.evaluate((el) => el.isConnected)).toBe(true);
    expect(await page.getByTestId("save-failure").getAttribute("role")).toBe("alert");
    await page.close();
  });
});

/**
 * The field `field` is marked invalid and described by the refusal `error` (its text `says`),
 * and has the focus; the other fields in `others` are not marked.
 */
async function expectTied(page: Page, field: string, error: string, says: string, others: string[] = []) {
  const input = page.getByTestId(field);
  await expect.poll(() => input.getAttribute("aria-invalid")).toBe("true");
  const described = await input.getAttribute("aria-describedby");
  expect(described).toBeTruthy();
  const description = await page.evaluate(
    (ids) => ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" "),
    described ?? "",
  );
  expect(description).toContain(says);
  expect(await page.getByTestId(error).getAttribute("id")).toBe(described?.split(/\s+/).at(-1));
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(field);
  for (const other of others) expect(await page.getByTestId(other).getAttribute("aria-invalid")).toBeNull();
}

describe("a refused form", () => {
  it("planning a meeting: marks the date refused, says why, and puts the clerk there", async () => {
    const { page } = await open({ add_meeting: { err: { code: "invalid", message: "Date: 2015-02-30 is not a date" } } });
    await page.getByTestId("new-meeting").click();
    await page.getByTestId("meeting-create").click();
    await expectTied(page, "meeting-date", "meeting-error", "2015-02-30 is not a date", ["meeting-venue", "meeting-end"]);
    await page.close();
  });

  it("planning a meeting: a refusal of the end time marks the end time, not the date", async () => {
    const refused = await open({ add_meeting: { err: { code: "invalid", message: "End time: is before the start time" } } });
    await refused.page.getByTestId("new-meeting").click();
    await refused.page.getByTestId("meeting-create").click();
    await expectTied(refused.page, "meeting-end", "meeting-error", "End time: is before the start time", ["meeting-date"]);
    await refused.page.close();
  });

  it("an agenda item: marks the refused title and focuses it", async () => {
    const { page } = await open({ add_agenda_item: { err: { code: "invalid", message: "Welsh item title: is longer than 300 characters" } } });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("agenda-title").fill("Social Services Inspection");
    await page.getByTestId("agenda-title-cy").fill("Arolygiad");
    await page.getByTestId("agenda-add").click();
    await expectTied(page, "agenda-title-cy", "agenda-form-error", "is longer than 300 characters", ["agenda-title"]);
    await page.close();
  });

  it("the first start: marks the member the store names, in English and in Welsh", async () => {
    const DB = "/tmp/cofnod.sqlite3";
    for (const welsh of [false, true]) {
      const { page } = await open({
        start_state: { ok: { council_open: false, database_path: DB } },
        create_council: { err: { code: "invalid", message: "Member 2's name: is already member 1 of the list" } },
      });
      if (welsh) await page.getByTestId("language-switch").click();
      await page.getByTestId("start-new").click();
      await page.getByTestId("start-name-en").fill("Glan-yr-Afon County Council");
      await page.getByTestId("start-committee-en").fill("Governance and Audit Committee");
      const name = page.getByTestId("start-member-name");
      await name.fill("Mrs. S. Rees");
      await name.press("Enter");
      await name.fill("Mrs. S. Rees");
      await name.press("Enter");
      await page.getByTestId("start-finish").click();
      const second = page.getByTestId("start-member-edit").nth(1);
      await expect.poll(() => second.getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByTestId("start-member-edit").first().getAttribute("aria-invalid")).toBeNull();
      const id = await page.getByTestId("start-error").getAttribute("id");
      expect(await second.getAttribute("aria-describedby")).toBe(id);
      expect(await page.getByTestId("start-error").innerText()).toContain("is already member 1 of the list");
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe("Mrs. S. Rees");
      expect(await second.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.close();
    }
  });

  it("the first start: with no field to name, focus goes to the refusal itself", async () => {
    const { page } = await open({
      start_state: { ok: { council_open: false, database_path: "/tmp/cofnod.sqlite3" } },
      create_council: { err: { code: "storage", message: "The disk is full" } },
    });
    await page.getByTestId("start-new").click();
    await page.getByTestId("start-name-en").fill("Glan-yr-Afon County Council");
    await page.getByTestId("start-finish").click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("start-error");
    expect(await page.locator("[aria-invalid=true]").count()).toBe(0);
    await page.close();
  });

  it("a person in set-up: marks the refused field and focuses it", async () => {
    const { page } = await open({ add_person: { err: { code: "invalid", message: "Title: is longer than 200 characters" } } });
    await page.getByTestId("nav-setup").click();
    await page.getByTestId("person-name").fill("Mrs. S. Rees");
    await page.getByTestId("person-title").fill("Head of Children's Services");
    await page.getByTestId("person-add").click();
    const error = page.locator("form[aria-label='Add a person'] .error[role=alert]");
    await expect.poll(() => error.count()).toBe(1);
    await error.evaluate((el) => el.setAttribute("data-testid", "person-error"));
    await expectTied(page, "person-title", "person-error", "is longer than 200 characters", ["person-name", "person-honorific"]);
    await page.close();
  });
});

describe("a refused form elsewhere in set-up", () => {
  it("working days: marks the refused day in Welsh too, its description the Welsh lead and the store's sentence", async () => {
    const { page } = await open({
      sequences: { ok: [] },
      memberships: { ok: [] },
      calendar_year: { ok: { year: 2026, bank_holidays: [], days: [] } },
      set_authority_day: { err: { code: "invalid", message: "Day: Saturday 6 June 2026 is a Saturday or Sunday, never a working day" } },
    });
    await page.getByTestId("language-switch").click();
    await page.getByTestId("nav-setup").click();
    await page.getByTestId("authority-day-date").fill("2026-06-06");
    await page.getByTestId("authority-day-add").click();
    await expectTied(page, "authority-day-date", "working-days-error", "Ni chadwyd hyn: Day: Saturday 6 June 2026 is a Saturday or Sunday", [
      "authority-day-name",
    ]);
    await page.close();
  });
});

describe("retiring a person", () => {
  const retiring: Fixture = {
    retire_person: { ok: null },
    reinstate_person: { ok: null },
    sequences: { ok: [] },
    memberships: { ok: [] },
    calendar_year: { ok: { year: 2026, bank_holidays: [], days: [] } },
  };

  it("can be undone from the notice, which has the focus and names who", async () => {
    const { page } = await open(retiring);
    await page.getByTestId("nav-setup").click();
    const row = page.getByTestId("person-row").filter({ hasText: "R.J. Bertin" });
    await row.getByRole("button", { name: "Retire" }).click();
    await expect.poll(async () => (await calls(page, "retire_person")).map((c) => c.args)).toEqual([{ personId: record().people[1].id }]);
    const undo = page.getByTestId("undo-retire");
    await expect.poll(() => undo.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await undo.getAttribute("aria-label")).toBe("Undo retiring R.J. Bertin");
    expect(await page.getByTestId("setup-notice").innerText()).toContain("R.J. Bertin is retired");
    await undo.press("Enter");
    await expect.poll(async () => (await calls(page, "reinstate_person")).map((c) => c.args)).toEqual([{ personId: record().people[1].id }]);
    await expect.poll(() => page.getByTestId("setup-notice").innerText()).toContain("R.J. Bertin is back in the lists.");
    expect(await page.getByTestId("undo-retire").count()).toBe(0);
    await page.close();
  });

  it("can be undone with Ctrl+Z, and redone with Ctrl+Y", async () => {
    const { page } = await open(retiring);
    await page.getByTestId("nav-setup").click();
    await page.getByTestId("person-row").filter({ hasText: "Mrs. A.J. Moore" }).getByRole("button", { name: "Retire" }).click();
    await expect.poll(() => page.getByTestId("undo-retire").count()).toBe(1);
    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await calls(page, "reinstate_person")).length).toBe(1);
    await expect.poll(() => page.getByTestId("setup-notice").innerText()).toContain("Mrs. A.J. Moore is back in the lists.");
    await page.keyboard.press("Control+y");
    await expect.poll(async () => (await calls(page, "retire_person")).length).toBe(2);
    await expect.poll(() => page.getByTestId("setup-notice").innerText()).toContain("Mrs. A.J. Moore is retired");
    expect(await page.getByTestId("undo-retire").count()).toBe(1);
    await page.close();
  });

  it("says so in Welsh", async () => {
    const { page } = await open(retiring);
    await page.getByTestId("language-switch").click();
    await page.getByTestId("nav-setup").click();
    await page.getByTestId("person-row").filter({ hasText: "R.J. Bertin" }).getByRole("button", { name: "Ymddeol" }).click();
    await expect.poll(() => page.getByTestId("undo-retire").getAttribute("aria-label")).toBe("Dadwneud ymddeoliad R.J. Bertin");
    await page.getByTestId("undo-retire").click();
    await expect.poll(() => page.getByTestId("setup-notice").innerText()).toContain("Mae R.J. Bertin yn ôl yn y rhestrau.");
    await page.close();
  });
});

describe("the Minutes toolbar", () => {
  /** A minute of twelve paragraphs, long enough to scroll under the toolbar. */
  function longMinute() {
    const rec = record();
    const first = rec.minutes[0].blocks[0];
    rec.minutes[0].blocks = Array.from({ length: 12 }, (_, i) => ({
      ...first,
      id: `b${String(i).padStart(7, "0")}-0000-7000-8000-000000000000`,
      position: i + 1,
      content: { kind: "narrative" as const, text: `Paragraph ${i + 1}: the Lead Inspector answered a question about the service.` },
    }));
    return rec;
  }

  /** Presses `key` (Tab or Shift+Tab) `presses` times, naming each focused control the toolbar covers. */
  async function tabThrough(page: Page, key: "Tab" | "Shift+Tab", presses: number) {
    const covered: string[] = [];
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press(key);
      await page.waitForTimeout(30);
      const hidden = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const bar = document.querySelector("[data-testid=minutes-toolbar]");
        if (!el || !bar || bar.contains(el) || el === document.body) return null;
        const r = el.getBoundingClientRect();
        const b = bar.getBoundingClientRect();
        const overlap = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
        return overlap > 0 && r.left < b.right && r.right > b.left ? `${el.tagName} ${el.dataset.testid ?? ""}` : null;
      });
      if (hidden) covered.push(hidden);
    }
    return covered;
  }

  it("hides no focused control at 200% text (640 × 400 CSS px), tabbing down the minute and back up", async () => {
    const { page } = await openMinutes({ meeting_record: { ok: longMinute() } });
    await page.setViewportSize({ width: 640, height: 400 });
    await expect.poll(() => page.getByTestId("narrative-text").count()).toBe(12);
    const bar = await page.getByTestId("minutes-toolbar").boundingBox();
    expect(bar?.height ?? 0).toBeLessThan(400 / 2);
    await page.getByTestId("narrative-text").first().focus();
    expect(await tabThrough(page, "Tab", 45)).toEqual([]);
    expect(await tabThrough(page, "Shift+Tab", 40)).toEqual([]);
    await page.close();
  });

  it("sticks at normal size, and still hides no focused control as the clerk tabs down the minute and back up", async () => {
    const { page } = await openMinutes({ meeting_record: { ok: longMinute() } });
    await page.setViewportSize({ width: 1280, height: 640 });
    await expect.poll(() => page.getByTestId("narrative-text").count()).toBe(12);
    expect(await page.getByTestId("minutes-toolbar").evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
    await page.getByTestId("narrative-text").first().focus();
    expect(await tabThrough(page, "Tab", 45)).toEqual([]);
    expect(await tabThrough(page, "Shift+Tab", 40)).toEqual([]);
    await page.close();
  });
});
