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
    const changes = await watchText(page, "save-failure");
    for (const word of " Members asked about waiting times.".split(/(?= )/)) {
      await box.pressSequentially(word, { delay: 25 });
      await page.waitForTimeout(150);
    }
    await expect.poll(() => page.getByTestId("save-failure").innerText()).toContain(
      "Not saved: The minutes of this meeting are signed and cannot change",
    );
    await page.waitForTimeout(1000);
    expect((await changes()).filter((c) => c.trim() !== "").length).toBe(1);
    expect(await page.getByTestId("save-failure").getAttribute("role")).toBe("alert");
    await page.close();
  });
});
