// A clerk who uses only the keyboard, in the real app: plan a meeting, add an agenda item, mark
// attendance, minute a resolution with its reason, publish the website and print the minutes,
// with key presses alone (WebDriver key actions: Tab, Shift+Tab, arrows, Enter, the Alt
// shortcuts and typing). No element is clicked, and none is focused or filled by script; scripts
// only look (where the focus is, what the screen says). A listener counts every pointer and
// mouse event the window receives, and there must be none.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Keys, Session, freshDataHome, startDriver } from "./webdriver.mjs";

const home = freshDataHome();
const saveDir = mkdtempSync(join(tmpdir(), "cofnod-keyboard-print-"));
const site = join(mkdtempSync(join(tmpdir(), "cofnod-keyboard-site-")), "democracy");
let driver;
let app;

const VENUE = "Committee Room 2, Keyboard House";
const ITEM = "Library opening hours by keyboard";
const LIMB = "the revised opening hours be approved";
const REASON = "To keep the libraries open when residents can use them.";

before(async () => {
  driver = await startDriver({ XDG_DATA_HOME: home, COFNOD_TEST_SAVE_DIR: saveDir });
  app = await Session.start(driver.base);
  // Counted from the start: any pointer or mouse event at all fails the journey.
  await app.exec(`
    window.__pointerEvents = [];
    for (const type of ["pointerdown", "pointerup", "mousedown", "mouseup"]) {
      window.addEventListener(type, (e) => window.__pointerEvents.push(type + " on " + (e.target?.dataset?.testid || e.target?.tagName)), true);
    }`);
});
after(async () => {
  await app?.quit();
  driver?.stop();
});

/** Where the focus is: its test id, tag and text. */
const focused = () =>
  app.exec(`const e = document.activeElement;
    return { testid: e?.dataset?.testid ?? "", tag: e?.tagName ?? "", text: (e?.innerText ?? "").trim() };`);

/** Waits until the focus satisfies `test` (a script expression on `el`). */
async function focusComes(test, what) {
  const until = Date.now() + 15000;
  while (Date.now() < until) {
    if (await app.exec(`const el = document.activeElement; return !!(el && (${test}));`)) return;
    await sleep(100);
  }
  assert.fail(`the focus never came to ${what}; it is on ${JSON.stringify(await focused())}`);
}

/** Waits for the window's title (as WebDriver reads it) to be `title`. */
async function titled(title) {
  const until = Date.now() + 10000;
  let last = "";
  while (Date.now() < until) {
    last = await app.title();
    if (last === title) return;
    await sleep(100);
  }
  assert.equal(last, title, "the window's title");
}

let committee = "";
let dateWords = "";

test("plan a meeting from the keyboard: Alt+1, Tab to Plan a meeting, Enter, type, Enter", async () => {
  await app.press([Keys.ALT, "1"]);
  await focusComes("el.tagName === 'H1' && el.textContent.includes('Meetings')", "the Meetings heading");
  await titled("Meetings – Cofnod");
  await app.tabTo("el.dataset.testid === 'new-meeting'");
  await app.press(Keys.ENTER);
  await app.waitFor("[data-testid='meeting-venue']");
  // The committee and today's date at 10:00 as offered; the venue typed.
  await app.tabTo("el.dataset.testid === 'meeting-venue'");
  await app.typeKeys(VENUE);
  await app.press(Keys.ENTER); // submits the form
  await app.waitFor("[data-testid='meeting-title']");
  await focusComes("el.dataset.testid === 'meeting-title'", "the new meeting's heading");
  committee = await app.exec("return document.querySelector('[data-testid=meeting-title]').textContent.trim()");
  dateWords = await app.exec(`const d = new Date();
    const m = ["January","February","March","April","May","June","July","August","September","October","November","December"][d.getMonth()];
    const n = d.getDate(); const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({1: "st", 2: "nd", 3: "rd"})[n % 10] ?? "th";
    return n + s + " " + m + ", " + d.getFullYear();`);
  await titled(`Agenda – ${committee}, ${dateWords} – Cofnod`);
  assert.ok((await app.pageText()).includes(VENUE), "the meeting has the venue typed");
});

test("add an agenda item: Tab to the title, type, Enter", async () => {
  await app.waitFor("[data-testid='agenda-list']");
  await app.tabTo("el.dataset.testid === 'agenda-title'");
  await app.typeKeys(ITEM);
  await app.press(Keys.ENTER);
  await app.waitFor("[data-testid='agenda-list']", { text: ITEM });
  await focusComes("el.dataset.testid === 'agenda-title'", "the title field, for the next item");
});

test("mark attendance: Alt+T, Tab to the first member, then P on each row", async () => {
  await app.press([Keys.ALT, "t"]);
  await focusComes("!!el.closest('[role=tabpanel]') && /^H[23]$/.test(el.tagName)", "the Attendance panel's heading");
  await titled(`Attendance and declarations – ${committee}, ${dateWords} – Cofnod`);
  await app.waitFor("tr[data-person]");
  await app.tabTo("el.matches('tr[data-person]')");
  // Enough members present for a quorum (the demo's Cabinet needs three): P marks the focused
  // member present and moves the focus to the next.
  for (let n = 1; n <= 3; n++) {
    await focusComes(`el.matches('tr[data-person]:nth-child(${n})')`, `member ${n}`);
    await app.press("p");
    await app.waitFor(`tr[data-person]:nth-child(${n})`, { text: "In the room" });
  }
});

test("minute a resolution with its reason: Alt+M, Tab to the item, Enter, Alt+R, type, Tab, type", async () => {
  await app.press([Keys.ALT, "m"]);
  await focusComes("!!el.closest('[role=tabpanel]')", "the Minutes panel");
  await app.waitFor("[data-testid='minute-item']");
  await app.tabTo(`el.dataset.testid === 'minute-item' && el.closest('li').textContent.includes(${JSON.stringify(ITEM)})`);
  await app.press(Keys.ENTER);
  await app.waitFor("[data-testid='minute-heading']", { text: ITEM.toUpperCase().slice(0, 20) });
  await app.press([Keys.ALT, "r"]);
  await app.waitFor("[data-testid='limb']");
  await focusComes("el.dataset.testid === 'limb-text'", "the new limb's words");
  await app.typeKeys(LIMB);
  await app.tabTo("el.dataset.testid === 'limb-reason'");
  await app.typeKeys(REASON);
  // Saved: the limb is in the store once it can be referred, and nothing is waiting to save.
  await app.waitFor("[data-testid='limb'] [data-testid='refer']", { timeout: 15000 });
  const settled = Date.now() + 15000;
  while (Date.now() < settled && !(await app.text(await app.find("[data-testid='save-state']"))).startsWith("All changes saved at")) await sleep(200);
  await sleep(1500); // the autosave's pause after the last key
  await app.waitFor("[data-testid='save-state']", { text: "All changes saved at" });
  const words = await app.exec(
    "return ['limb-text', 'limb-reason'].map((id) => document.querySelector(`[data-testid=limb] [data-testid=${id}]`).value)",
  );
  assert.deepEqual(words, [LIMB, REASON], "the limb and its reason hold what was typed");
});

test("the register by Alt+2: its heading has the focus and keeps it, and the window is named", async () => {
  await app.press([Keys.ALT, "2"]);
  await focusComes("el.tagName === 'H1' && el.textContent.includes('Resolutions register')", "the register's heading");
  await titled("Resolutions register – Cofnod");
  await sleep(800);
  assert.deepEqual(await focused(), { testid: "", tag: "H1", text: "Resolutions register" }, "no field of the screen takes the focus from its heading");
});

test("publish the website: Alt+5, type the folder, Tab to Publish, Enter", async () => {
  await app.press([Keys.ALT, "5"]);
  await focusComes("el.tagName === 'H1'", "the Publish heading");
  await titled("Publish website – Cofnod");
  await app.tabTo("el.dataset.testid === 'publish-folder'");
  await app.typeKeys(site);
  await app.tabTo("el.dataset.testid === 'publish-address'");
  await app.typeKeys("https://democracy.example.gov.uk/");
  await app.tabTo("el.dataset.testid === 'publish-start'");
  await app.press(Keys.ENTER);
  // Until the result shows (or a refusal, which fails the journey naming it).
  const until = Date.now() + 300000;
  let result = "";
  let seen = "";
  while (!result && Date.now() < until) {
    seen = await app.exec(`const q = (id) => document.querySelector("[data-testid=" + id + "]");
      return JSON.stringify({ folder: q("publish-folder")?.value, step: q("publish-step")?.textContent, error: q("publish-error")?.textContent });`);
    const error = JSON.parse(seen).error;
    assert.ok(!error, `publishing was refused: ${error}`);
    result = await app.exec("return document.querySelector('[data-testid=publish-result]')?.innerText ?? ''");
    if (!result) await sleep(1000);
  }
  assert.ok(result.includes("Published"), `the result shows; the screen had ${seen}`);
  assert.ok(result.includes(`The site is in ${site}`), result);
  assert.ok(existsSync(join(site, "en/index.html")) && existsSync(join(site, "cy/index.html")), "the site is written in both languages");
});

test("print the minutes: Alt+1, Tab to the meeting, Enter, Alt+V, Tab to Print, Enter", async () => {
  await app.press([Keys.ALT, "1"]);
  await focusComes("el.tagName === 'H1'", "the Meetings heading");
  await app.waitFor("[data-testid='open-meeting']");
  await app.tabTo(`el.dataset.testid === 'open-meeting' && el.closest('tr').textContent.includes(${JSON.stringify(VENUE)})`);
  await app.press(Keys.ENTER);
  await focusComes("el.dataset.testid === 'meeting-title'", "the meeting's heading");
  await app.press([Keys.ALT, "v"]);
  await focusComes("!!el.closest('[role=tabpanel]')", "the Approval panel");
  await titled(`Approval and printing – ${committee}, ${dateWords} – Cofnod`);
  await app.tabTo("el.dataset.testid === 'print-minutes'");
  await app.press(Keys.ENTER);
  await app.waitFor("[data-testid='printed']", { text: saveDir, timeout: 60000 });
  const pdf = readdirSync(saveDir).find((f) => f.endsWith(".pdf"));
  assert.ok(pdf, "a PDF was written");
  const text = execFileSync("pdftotext", ["-layout", join(saveDir, pdf), "-"]).toString().replace(/\s+/g, " ");
  assert.ok(text.includes("T H A T the revised opening hours be approved"), `the printed minutes hold the resolution: ${text.slice(0, 600)}`);
  assert.ok(text.includes(REASON.slice(0, 40)), "and its reason");
  assert.ok(text.includes(ITEM.toUpperCase()), "under the item's heading");
});

test("no pointer or mouse event reached the window", async () => {
  assert.deepEqual(await app.exec("return window.__pointerEvents"), []);
});
