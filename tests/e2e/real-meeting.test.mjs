// A council adopting Cofnod part way through a municipal year minutes a meeting as its real
// minutes read, in the real window: the committee's running sequence set at 476 in Set-up, a
// tribute that is not on the agenda minuted first, a councillor from outside the committee
// present for one item only, the apologies sentence Cofnod writes shown in the editor, and a
// single decision. The printed minutes (pdftotext) are compared line by line with
// tests/e2e/expected/real-meeting.txt. (The approval subject to amendments, the item moved to
// Part 2, the withdrawal and the list in a limb are printed and compared in
// crates/minutes-cli/tests/real_meeting.rs.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Keys, Session, freshDataHome, startDriver } from "./webdriver.mjs";

const BODY = "Scrutiny Committee (Social Care and Health)";
const ITEM = "Disposal of dredged material associated with Hinkley Point C";
const saveDir = mkdtempSync(join(tmpdir(), "cofnod-real-"));
const expectedFile = join(process.cwd(), "tests/e2e/expected/real-meeting.txt");
let driver;
let app;

before(async () => {
  driver = await startDriver({ XDG_DATA_HOME: freshDataHome(), COFNOD_TEST_SAVE_DIR: saveDir });
  app = await Session.start(driver.base);
});
after(async () => {
  await app?.quit();
  driver?.stop();
});

test("the committee's sequence is set to run on from 476", async () => {
  await app.click("[data-testid='nav-setup']");
  await app.waitFor("[data-testid='body-edit']");
  const edits = await app.findAll("[data-testid='body-edit']");
  await app.clickEl(edits.at(-1)); // the committees are listed by name: Scrutiny is last
  await app.waitFor("[data-testid='body-edit-name']");
  assert.equal(await app.value(await app.find("[data-testid='body-edit-name']")), BODY);
  await app.setValue("[data-testid='next-number']", "476");
  await app.click("[data-testid='next-number-save']");
  await app.waitFor(".banner.ok");
});

test("a meeting with a tribute, a councillor present for one item and a single decision", async () => {
  await app.click("[data-testid='nav-meetings']");
  await app.click("[data-testid='new-meeting']");
  await app.select("[data-testid='meeting-body']", BODY);
  await app.setValue("[data-testid='meeting-date']", "2026-11-16");
  await app.setValue("[data-testid='meeting-time']", "10:00");
  await app.fill("[data-testid='meeting-venue']", "Council Chamber, Civic Offices");
  await app.click("[data-testid='meeting-create']");
  await app.waitFor("[data-testid='agenda-list']", { text: "including whipping declarations" });
  await app.fill("[data-testid='agenda-title']", ITEM);
  await app.click("[data-testid='agenda-add']");
  await app.waitFor("[data-testid='agenda-list']", { text: ITEM });

  // Attendance: members present, two apologies, Councillor G. John for item 4 only.
  await app.click("[data-testid='tab-attendance']");
  await app.waitFor("tr[data-person]");
  const statuses = await app.findAll("[data-testid='attendance-status']");
  for (const [i, el] of statuses.entries()) {
    await app.selectEl(el, i === 2 || i === 7 ? "Apologies" : "Present");
    await sleep(300);
  }
  await app.select("[data-testid='other-person']", "Councillor G. John");
  await app.select("[data-testid='other-status']", "Also present");
  await app.click("[data-testid='other-add']");
  await app.waitFor("[data-testid='remove-other']");
  const lists = await app.findAll("[data-testid='for-items']");
  const john = lists.at(-1);
  await app.exec("arguments[0].open = true", [app.el(john)]);
  const boxes = await app.findAll("[data-testid='for-item']");
  const item4 = boxes.at(-1 - 0); // the last checkbox of the last list: item 4
  await app.clickEl(item4);
  await app.waitFor("[data-testid='save-state']", { text: "All changes saved" });
  await sleep(500);
  await app.screenshot(join(process.cwd(), "docs/screenshots/attendance-for-items.png"));

  // Minutes: the tribute first, not on the agenda; it takes 476.
  await app.click("[data-testid='tab-minutes']");
  await app.fill("[data-testid='extra-heading']", "Minute's silence");
  await app.click("[data-testid='extra-add']");
  await app.waitFor("[data-testid='minute-heading']", { text: "MINUTE'S SILENCE" });
  assert.equal(await app.text(await app.find("[data-testid='minute-number']")), "476");
  await app.keys(Keys.ALT + "n" + Keys.NULL);
  const para = await app.waitFor("[data-testid='narrative-text']");
  await app.type(para, "The Chairman paid tribute to the late Councillor J. Evans, following which the Committee stood for a minute's silence.");
  await app.waitFor("[data-testid='save-state']", { text: "All changes saved at" });

  // The apologies: the sentence Cofnod writes is shown as it will print.
  const items = await app.findAll("[data-testid='minute-item']");
  await app.clickEl(items[0]);
  await app.waitFor("[data-testid='minute-heading']", { text: "APOLOGIES" });
  assert.equal(await app.text(await app.find("[data-testid='minute-number']")), "477");
  await app.waitFor("[data-testid='generated-lines']", { text: "These were received from Councillors" });

  // Item 4, with a single decision.
  const again = await app.findAll("[data-testid='minute-item']");
  await app.clickEl(again.at(-1));
  await app.waitFor("[data-testid='minute-heading']", { text: "DISPOSAL OF DREDGED MATERIAL" });
  assert.equal(await app.text(await app.find("[data-testid='minute-number']")), "478");
  await app.keys(Keys.ALT + "r" + Keys.NULL);
  await sleep(200);
  const limb = (await app.findAll("[data-testid='limb']")).at(-1);
  await app.type(await app.findIn(limb, "[data-testid='limb-text']"), "the report be noted.");
  await app.type(await app.findIn(limb, "[data-testid='limb-reason']"), "Having regard to the report.");
  await app.waitFor("[data-testid='save-state']", { text: "All changes saved at" });
  await sleep(800);
  await app.screenshot(join(process.cwd(), "docs/screenshots/minute-not-on-agenda.png"));
});

test("the printed minutes read as the expected text, line by line", async () => {
  await app.click("[data-testid='tab-approval']");
  await app.click("[data-testid='print-minutes']");
  await app.waitFor("[data-testid='printed']", { text: saveDir });
  const pdf = readdirSync(saveDir).find((f) => f.endsWith(".pdf"));
  assert.ok(pdf, "a PDF was written");
  const text = execFileSync("pdftotext", ["-layout", join(saveDir, pdf), "-"]).toString();
  const lines = (t) => t.split("\n").map((l) => l.trimEnd()).filter((l) => l.length > 0);
  if (process.env.COFNOD_BLESS) writeFileSync(expectedFile, lines(text).join("\n") + "\n");
  const want = lines(readFileSync(expectedFile, "utf8"));
  const got = lines(text);
  for (const [i, w] of want.entries()) assert.equal(got[i], w, `line ${i + 1} of the printed minutes`);
  assert.equal(got.length, want.length, got.join("\n"));
});
