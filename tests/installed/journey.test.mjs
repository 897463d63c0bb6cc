// The installed package, as a council's IT would leave it: /usr/bin/cofnod-app from the .deb
// (`make package-test` installs it and sets COFNOD_APP), started under Xvfb through
// tauri-driver, with a clerk's shortest whole journey: plan a meeting, minute it (attendance,
// an item, a resolution), print the minutes and read the PDF back. Kept out of tests/e2e so
// `make e2e` does not run it against the debug build.
//
// It starts on an empty data folder and relies on the demo council being there (its
// Scrutiny Committee and members): the app seeds the demo on first start today, and
// COFNOD_DEMO=1 asks for it once the first start offers a choice instead.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { APP, Session, freshDataHome, startDriver } from "../e2e/webdriver.mjs";
import { markPresent, minuteResolution, planMeeting, printMinutes } from "../e2e/steps.mjs";

const home = freshDataHome();
const saveDir = mkdtempSync(join(tmpdir(), "cofnod-installed-"));
const BODY = "Scrutiny Committee (Social Care and Health)";
const ITEM = "Annual report of the Director of Social Services";
let driver;
let app;

before(async () => {
  assert.ok(APP.startsWith("/usr/bin/"), `COFNOD_APP is the installed binary, not ${APP}`);
  driver = await startDriver({ XDG_DATA_HOME: home, COFNOD_TEST_SAVE_DIR: saveDir, COFNOD_DEMO: "1" });
  app = await Session.start(driver.base, { timeout: 30000 });
});
after(async () => {
  await app?.quit();
  driver?.stop();
  rmSync(home, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
});

let present;

test("the installed app plans a meeting of the demo's Scrutiny Committee", async () => {
  const titles = await planMeeting(app, {
    body: BODY,
    date: "2026-12-07",
    time: "14:00",
    venue: "Council Chamber, Civic Offices, Barry",
    item: ITEM,
  });
  assert.equal(titles.at(-1), ITEM, "the business item follows the standing items");
});

test("the installed app minutes it: members present, the item resolved with its reason", async () => {
  // The demo committee's quorum is three: with fewer present, no resolution can be added.
  present = await markPresent(app, 3);
  assert.ok(present.every((name) => name.length > 0), "the members' names show on the attendance rows");
  const number = await minuteResolution(app, {
    index: 3, // after apologies, minutes and declarations
    heading: "ANNUAL REPORT OF THE DIRECTOR OF SOCIAL SERVICES",
    text: "the annual report be noted.",
    reason: "To keep the Committee informed of the performance of social services.",
  });
  assert.match(number, /^\d+$/, "the minute has its number from the sequence");
});

test("the installed app prints the minutes to PDF, and they read back", async () => {
  const text = await printMinutes(app, saveDir);
  const flat = text.replace(/\s+/g, " ");
  assert.match(text, /DRAFT/);
  assert.match(flat, /Scrutiny Committee \(Social Care and Health\)/i);
  assert.match(flat, /ANNUAL REPORT OF THE DIRECTOR OF SOCIAL SERVICES/);
  assert.match(flat, /T H A T the annual report be noted\./);
  assert.match(flat, /To keep the Committee informed of the performance of social services\./);
  for (const name of present) {
    const surname = name.split(/\s+/).at(-1);
    assert.ok(flat.includes(surname), `a member present (${name}) is named in the minutes`);
  }
});
