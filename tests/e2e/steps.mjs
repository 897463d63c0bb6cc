// A clerk's steps in the real app, shared by the journeys that run them on different builds
// (tests/installed runs them on the installed package). Each step waits for what the clerk
// would see before the next one, as tests/e2e/minute-a-meeting.test.mjs does.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Keys } from "./webdriver.mjs";

/** Plans a meeting of `body` (a committee that exists) with one business item after the
 *  standing items; returns the agenda's titles. */
export async function planMeeting(app, { body, date, time, venue, item }) {
  await app.click("[data-testid='nav-meetings']");
  await app.click("[data-testid='new-meeting']");
  await app.select("[data-testid='meeting-body']", body);
  await app.setValue("[data-testid='meeting-date']", date);
  await app.setValue("[data-testid='meeting-time']", time);
  await app.fill("[data-testid='meeting-venue']", venue);
  await app.click("[data-testid='meeting-create']");
  await app.waitFor("[data-testid='meeting-title']", { text: body });
  await app.fill("[data-testid='agenda-title']", item);
  await app.click("[data-testid='agenda-add']");
  await app.waitFor("[data-testid='agenda-list']", { text: item.slice(0, 30) });
  return app.exec(
    "return [...document.querySelectorAll('[data-testid=agenda-item-title]')].map((e) => e.textContent.trim())",
  );
}

/** Marks the first `count` members on the attendance list present, as a clerk does: P on
 *  the focused row, and the focus moves on to the next. Returns the names on those rows. */
export async function markPresent(app, count) {
  await app.click("[data-testid='tab-attendance']");
  await app.waitFor("tr[data-person]");
  const rows = await app.findAll("tr[data-person]");
  assert.ok(rows.length >= count, `${count} members on the attendance list`);
  const focusOn = async (n) => {
    const until = Date.now() + 10000;
    while (Date.now() < until) {
      if (await app.exec(`return document.activeElement === document.querySelector("tr[data-person]:nth-child(${n})")`)) return;
      await sleep(100);
    }
    assert.fail(`the focus never reached row ${n}`);
  };
  await app.exec("arguments[0].focus()", [app.el(rows[0])]);
  for (let n = 1; n <= count; n++) {
    await focusOn(n);
    await app.keys("p");
    await app.waitFor(`tr[data-person]:nth-child(${n})`, { text: "In the room" });
  }
  const statuses = `return [...document.querySelectorAll('[data-testid=attendance-status]')].slice(0, ${count}).map((s) => s.value).join()`;
  const until = Date.now() + 10000;
  while (Date.now() < until && (await app.exec(statuses)) !== Array(count).fill("present").join()) await sleep(100);
  assert.equal(await app.exec(statuses), Array(count).fill("present").join(), "the members are recorded present");
  // The rows are drawn afresh as each change is saved: read the names from the page as it is.
  return app.exec(
    `return [...document.querySelectorAll("tr[data-person]")].slice(0, ${count}).map((r) => r.cells[0].textContent.trim())`,
  );
}

/** Minutes the agenda's item `index` (0-based, standing items included) with one resolution
 *  and its reason (Alt+R), and waits until it is saved. Returns the minute's number. */
export async function minuteResolution(app, { index, heading, text, reason }) {
  await app.click("[data-testid='tab-minutes']");
  const items = await app.findAll("[data-testid='minute-item']");
  assert.ok(items.length > index, `the minutes list item ${index + 1}`);
  await app.clickEl(items[index]);
  await app.waitFor("[data-testid='minute-heading']", { text: heading });
  const number = await app.text(await app.find("[data-testid='minute-number']"));
  await app.keys(Keys.ALT + "r" + Keys.NULL);
  const limb = await app.waitFor("[data-testid='limb']");
  await app.type(await app.findIn(limb, "[data-testid='limb-text']"), text);
  await app.type(await app.findIn(limb, "[data-testid='limb-reason']"), reason);
  await app.waitFor("[data-testid='limb'] [data-testid='refer']", { timeout: 15000 });
  await app.waitFor("[data-testid='save-state']", { text: "All changes saved at" });
  return number;
}

/** Prints the minutes through the save path (COFNOD_TEST_SAVE_DIR = `saveDir`, no native
 *  dialog) and returns the PDF's text as pdftotext reads it (-layout). */
export async function printMinutes(app, saveDir) {
  await app.click("[data-testid='tab-approval']");
  await app.click("[data-testid='print-minutes']");
  await app.waitFor("[data-testid='printed']", { text: saveDir });
  const pdf = readdirSync(saveDir).find((f) => f.endsWith(".pdf"));
  assert.ok(pdf, "a PDF was written");
  return execFileSync("pdftotext", ["-layout", join(saveDir, pdf), "-"]).toString();
}
