// The interface in Welsh (issue 17): the clerk switches the real window to Welsh, and every
// screen — the meetings, each tab of a meeting, the register, a resolution, the referrals,
// set-up, with their forms open — shows no message of the English catalogue (a scan of the DOM
// outside passages marked lang="en"); a date is typed the Welsh way; the choice survives a
// restart. Screenshots of each screen in Welsh go to docs/screenshots/cy-*.png for the README.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { Session, freshDataHome, startDriver } from "./webdriver.mjs";
import { FIND_ENGLISH, englishLooks } from "./catalogue.mjs";

const shots = join(process.cwd(), "docs/screenshots");
const dataHome = freshDataHome();
let driver;
let app;
let looks;

before(async () => {
  looks = await englishLooks();
  driver = await startDriver({ XDG_DATA_HOME: dataHome });
  app = await Session.start(driver.base);
});
after(async () => {
  await app?.quit();
  driver?.stop();
});

/** The English messages left on the screen (none expected). */
async function englishLeft(screen) {
  const found = await app.exec(FIND_ENGLISH, [looks]);
  assert.deepEqual(found, [], `English left on ${screen}`);
}

async function visit(screen, shot) {
  await englishLeft(screen);
  await app.screenshot(join(shots, `cy-${shot}.png`));
}

test("the clerk switches to Welsh and the window says so", async () => {
  assert.ok(looks.length > 100, `the English catalogue has ${looks.length} messages to look for`);
  await app.click("[data-testid='language-switch']", { text: "Cymraeg" });
  await app.waitFor("[data-testid='nav-meetings']", { text: "Cyfarfodydd" });
  assert.equal(await app.exec("return document.documentElement.lang"), "cy");
  await app.waitFor("[data-testid='language-switch']", { text: "English" });
});

test("the meetings, with the plan form open, are all in Welsh; a date is typed day first in Welsh", async () => {
  await app.waitFor("[data-testid='open-meeting']", { text: "5 Ionawr 2015" });
  await app.click("[data-testid='new-meeting']");
  await app.waitFor("[data-testid='meeting-date']");
  await visit("the Meetings screen", "meetings");
  await app.select("[data-testid='meeting-body']", "Pwyllgor Craffu");
  await app.fill("[data-testid='meeting-date']", "7 Rhagfyr 2026");
  await app.setValue("[data-testid='meeting-time']", "10:00");
  await app.click("[data-testid='meeting-create']");
  await app.waitFor("[data-testid='meeting-title']", { text: "Pwyllgor Craffu" });
  await app.click("[data-testid='nav-meetings']");
  await app.waitFor("[data-testid='open-meeting']", { text: "7 Rhagfyr 2026" });
});

test("every tab of a meeting is in Welsh", async () => {
  await app.click("[data-testid='open-meeting']", { text: "5 Ionawr 2015" });
  await app.waitFor("[data-testid='meeting-title']");
  const tabs = await app.exec("return [...document.querySelectorAll('[role=tab][data-testid^=tab-]')].map((b) => b.dataset.testid.slice(4))");
  assert.ok(tabs.includes("agenda") && tabs.includes("minutes"), `tabs: ${tabs}`);
  for (const tab of tabs) {
    await app.click(`[data-testid='tab-${tab}']`);
    await app.waitFor(`[data-testid='tab-${tab}'][aria-selected='true']`);
    await new Promise((r) => setTimeout(r, 500));
    await visit(`the ${tab} tab`, tab);
  }
});

test("the register, a resolution, the referrals and set-up are in Welsh", async () => {
  await app.click("[data-testid='nav-register']");
  await app.fill("[data-testid='register-input']", "safeguarding");
  await app.waitFor("[data-testid='register-hit']");
  await visit("the register", "register");
  await app.click("[data-testid='register-hit']");
  await app.waitFor("h1");
  await new Promise((r) => setTimeout(r, 500));
  await visit("a resolution", "resolution");
  await app.click("[data-testid='nav-referrals']");
  await new Promise((r) => setTimeout(r, 500));
  await visit("the referrals", "referrals");
  await app.click("[data-testid='nav-setup']");
  await new Promise((r) => setTimeout(r, 500));
  await visit("set-up", "setup");
});

test("the choice of Welsh is remembered when the app opens again", async () => {
  await app.quit();
  app = await Session.start(driver.base);
  await app.waitFor("[data-testid='nav-meetings']", { text: "Cyfarfodydd" });
  assert.equal(await app.exec("return document.documentElement.lang"), "cy");
  await app.click("[data-testid='language-switch']", { text: "English" });
  await app.waitFor("[data-testid='nav-meetings']", { text: "Meetings" });
  assert.equal(await app.exec("return document.documentElement.lang"), "en");
});
