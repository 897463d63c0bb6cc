// A clerk's whole journey in the real app: set up a committee, plan a meeting, take
// attendance and a declaration, minute an item with a presentation, questions and a
// two-limb decision referred to Cabinet, print the minutes; then close the app, start it
// again and find everything there, with the minute numbers as allocated.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Keys, Session, freshDataHome, startDriver } from "./webdriver.mjs";

const shots = join(process.cwd(), "docs/screenshots");
const home = freshDataHome();
const saveDir = mkdtempSync(join(tmpdir(), "cofnod-print-"));
let driver;
let app;
let allocated; // the minute number the sequence gave the item

before(async () => {
  driver = await startDriver({ XDG_DATA_HOME: home, COFNOD_TEST_SAVE_DIR: saveDir });
  app = await Session.start(driver.base);
});
after(async () => {
  await app?.quit();
  driver?.stop();
});

const COMMITTEE = "Healthy Living and Social Care Scrutiny Committee";
const hostile = `<img src=x onerror=alert(1)> <script>window.pwned=1</script>`;

test("set up a committee and its members", async () => {
  await app.click("[data-testid='nav-setup']");
  await app.fill("[data-testid='body-name']", COMMITTEE);
  await app.select("[data-testid='body-kind']", "Scrutiny committee");
  // A committee of three: two members make it quorate.
  await app.fill("[data-testid='body-quorum']", "2");
  await app.click("[data-testid='body-add']");
  await app.waitFor(".banner.ok", { text: `${COMMITTEE} is added` });

  const people = [
    ["Councillor", "Mrs. G. Ellis", "Councillor", ""],
    ["Councillor", "J. Protheroe", "Councillor", ""],
    ["Councillor", "R.A. Penrose", "Councillor", ""],
    ["", "Ms. B. Jenkins", "External", "Lead Inspector, Care Inspectorate Wales"],
    ["", "Mr. L. Ford", "Officer", "Director of Social Services"],
  ];
  for (const [honorific, name, kind, title] of people) {
    await app.fill("[data-testid='person-honorific']", honorific);
    await app.fill("[data-testid='person-name']", name);
    await app.select("[data-testid='person-kind']", kind);
    await app.fill("[data-testid='person-title']", title);
    await app.click("[data-testid='person-add']");
    await app.waitFor(".banner.ok", { text: `${name} is added` });
  }

  await app.select("[data-testid='membership-body']", COMMITTEE);
  await app.setValue("[data-testid='membership-from']", "2026-05-20"); // since the Annual Meeting
  for (const [name, role] of [["Mrs. G. Ellis", "Chair"], ["J. Protheroe", "Vice-chair"], ["R.A. Penrose", "Member"]]) {
    await app.select("[data-testid='membership-person']", `Councillor ${name}`);
    await app.select("[data-testid='membership-role']", role);
    await app.click("[data-testid='membership-add']");
    await app.waitFor("[data-testid='members']", { text: name });
  }
  await app.screenshot(join(shots, "setup.png"));
});

test("plan a meeting with three items", async () => {
  await app.click("[data-testid='nav-meetings']");
  await app.click("[data-testid='new-meeting']");
  await app.select("[data-testid='meeting-body']", COMMITTEE);
  await app.setValue("[data-testid='meeting-date']", "2026-11-16");
  await app.setValue("[data-testid='meeting-time']", "10:00");
  await app.fill("[data-testid='meeting-venue']", "Council Chamber, Civic Offices, Barry");
  await app.click("[data-testid='meeting-create']");
  await app.waitFor("[data-testid='meeting-title']", { text: COMMITTEE });
  // The standing items come first, with whipping declarations for Welsh scrutiny.
  await app.waitFor("[data-testid='agenda-list']", { text: "including whipping declarations" });

  for (const title of [
    "Care Inspectorate Wales: performance review of social services",
    "Child and adolescent mental health services",
    hostile,
  ]) {
    await app.fill("[data-testid='agenda-title']", title);
    await app.click("[data-testid='agenda-add']");
    await app.waitFor("[data-testid='agenda-list']", { text: title.slice(0, 30) });
  }
  const titles = await app.exec(
    "return [...document.querySelectorAll('[data-testid=agenda-item-title]')].map((e) => e.textContent.trim())",
  );
  assert.equal(titles.length, 6);
  assert.equal(titles[5], hostile, "hostile text shows as the words typed");
  assert.equal(await app.exec("return document.querySelectorAll('[data-testid=agenda-list] img, [data-testid=agenda-list] script').length"), 0);
  assert.equal(await app.exec("return window.pwned ?? null"), null, "no script ran");

  // Move the hostile item up with the keyboard: Alt+Up on the focused item.
  const last = (await app.findAll("[data-testid='agenda-list'] li")).at(-1);
  await app.exec("arguments[0].focus()", [app.el(last)]);
  await app.keys(Keys.ALT + Keys.UP + Keys.NULL);
  await app.waitFor("[data-testid='agenda-list'] li:nth-child(5)", { text: "<img src=x" });

  // An item added by mistake: Alt+Delete on it asks, Enter confirms, and it is gone.
  await app.fill("[data-testid='agenda-title']", "Item added by mistake");
  await app.click("[data-testid='agenda-add']");
  await app.waitFor("[data-testid='agenda-list']", { text: "Item added by mistake" });
  const mistake = (await app.findAll("[data-testid='agenda-list'] li")).at(-1);
  await app.exec("arguments[0].focus()", [app.el(mistake)]);
  await app.keys(Keys.ALT + Keys.DELETE + Keys.NULL);
  await app.waitFor("[data-testid='confirm-remove']");
  await app.keys(Keys.ENTER);
  await app.waitGone("[data-testid='agenda-list']", { text: "Item added by mistake" });
  assert.equal((await app.findAll("[data-testid='agenda-list'] li")).length, 6);

  // Correct a title: Enter on the item opens it in the form.
  const cmh = await app.waitFor("[data-testid='agenda-list'] li", { text: "Child and adolescent" });
  await app.exec("arguments[0].focus()", [app.el(cmh)]);
  await app.keys(Keys.ENTER);
  await app.waitFor("form[aria-label='Edit an agenda item']");
  await app.fill("[data-testid='agenda-title']", "Child and adolescent mental health services (CAMHS)");
  await app.click("[data-testid='agenda-save']");
  await app.waitFor("[data-testid='agenda-list']", { text: "mental health services (CAMHS)" });

  // The venue was wrong: correct the meeting's details.
  await app.click("[data-testid='edit-meeting']");
  await app.fill("[data-testid='meeting-venue']", "Committee Room 1, Civic Offices, Barry");
  await app.setValue("[data-testid='meeting-time']", "10:30");
  await app.click("[data-testid='meeting-save']");
  await app.waitFor(".page-head", { text: "10:30 · Committee Room 1, Civic Offices, Barry" });
  await app.screenshot(join(shots, "agenda.png"));
});

test("record attendance and a declaration", async () => {
  await app.click("[data-testid='tab-attendance']");
  await app.waitFor("tr[data-person]");
  const rows = await app.findAll("tr[data-person]");
  assert.equal(rows.length, 3);
  // Keyboard: focus the first member, P present, then the next row gets focus: P, A.
  await app.exec("arguments[0].focus()", [app.el(rows[0])]);
  // Each key is pressed once the clerk can see the focus has moved on to the next row.
  const focusOn = async (n) => {
    const until = Date.now() + 10000;
    while (Date.now() < until) {
      if (await app.exec(`return document.activeElement === document.querySelector("tr[data-person]:nth-child(${n})")`)) return;
      await sleep(100);
    }
    assert.fail(`the focus never reached row ${n}`);
  };
  await app.keys("p");
  await app.waitFor("tr[data-person]:nth-child(1)", { text: "In the room" });
  await focusOn(2);
  await app.keys("p");
  await app.waitFor("tr[data-person]:nth-child(2)", { text: "In the room" });
  await focusOn(3);
  await app.keys("a");
  const statuses = "return [...document.querySelectorAll('[data-testid=attendance-status]')].map((s) => s.value).join()";
  const until = Date.now() + 10000;
  while (Date.now() < until && (await app.exec(statuses)) !== "present,present,apologies") await sleep(100);
  assert.deepEqual((await app.exec(statuses)).split(","), ["present", "present", "apologies"]);

  await app.select("[data-testid='other-person']", "Mr. L. Ford");
  await app.select("[data-testid='other-status']", "Officer in attendance");
  await app.click("[data-testid='other-add']");
  await app.waitFor("section[aria-label='Attendance']", { text: "Mr. L. Ford" });

  await app.select("[data-testid='decl-person']", "Councillor J. Protheroe");
  await app.select("[data-testid='decl-item']", "5.");
  await app.fill("[data-testid='decl-nature']", "A close relative receives services from the child and adolescent mental health service");
  await app.click("[data-testid='decl-add']");
  await app.waitFor("[data-testid='declarations']", { text: "close relative" });
  await app.screenshot(join(shots, "attendance.png"));
});

test("minute an item with a presentation, two questions and two resolutions, the second referred to Cabinet", async () => {
  await app.click("[data-testid='tab-minutes']");
  const items = await app.findAll("[data-testid='minute-item']");
  assert.ok(items.length >= 4);
  await app.clickEl(items[3]); // item 4: the inspection report
  await app.waitFor("[data-testid='minute-heading']", { text: "CARE INSPECTORATE WALES" });
  allocated = await app.text(await app.find("[data-testid='minute-number']"));
  assert.equal(allocated, "1", "the first minute of a new sequence is number 1");

  // Alt+P: a presentation, typed without the mouse.
  await app.keys(Keys.ALT + "p" + Keys.NULL);
  const presenter = await app.waitFor("[data-testid='block-presentation'] [data-testid='presenter']");
  await app.type(presenter, "Ms. B. Jenkins");
  await app.type(await app.find("[data-testid='block-presentation'] [data-testid='presentation-summary']"),
    "The Lead Inspector presented the annual review of the Council's social services, highlighting progress in safeguarding.");
  await app.waitFor("[data-testid='save-state']", { text: "All changes saved at" });
  assert.equal(await app.value(await app.find("[data-testid='capacity']")), "Lead Inspector, Care Inspectorate Wales");

  const qa = [
    ["how many looked after children were placed outside the county.", "Mr. L. Ford", "eleven children were placed outside the county."],
    ["whether waiting times for assessments were improving.", "Ms. B. Jenkins", "waiting times had fallen in each of the last two quarters."],
  ];
  for (const [i, [q, who, a]] of qa.entries()) {
    await app.keys(Keys.ALT + "q" + Keys.NULL);
    await app.waitFor(`[data-testid='block-question']:nth-of-type(${i + 2})`);
    const blocks = await app.findAll("[data-testid='block-question']");
    const block = blocks.at(-1);
    const field = (id) => app.findIn(block, `[data-testid='${id}']`);
    await app.type(await field("question"), q);
    await app.type(await field("answered-by"), who);
    await app.type(await field("answer"), a);
    await sleep(500);
  }

  const limbs = [
    ["the report be noted.", "Having regard to the inspection findings."],
    ["Cabinet be asked to review the capacity of the assessment service.", "To reduce waiting times for assessment."],
  ];
  for (const [text, reason] of limbs) {
    await app.keys(Keys.ALT + "r" + Keys.NULL);
    await sleep(200);
    const limb = (await app.findAll("[data-testid='limb']")).at(-1);
    const field = (id) => app.findIn(limb, `[data-testid='${id}']`);
    await app.type(await field("limb-text"), text);
    await app.type(await field("limb-reason"), reason);
    await sleep(800);
  }
  await app.waitFor("[data-testid='limb']:nth-of-type(2) [data-testid='refer']");
  assert.equal((await app.findAll("[data-testid='refer']")).length, 2, "both limbs are saved");
  await app.click("[data-testid='limb']:nth-of-type(2) [data-testid='refer']");
  await app.select("[data-testid='referral-body']", "Cabinet");
  await app.click("[data-testid='referral-add']");
  await app.waitFor("[data-testid='referral']", { text: "Referred to Cabinet" });
  await app.waitFor("[data-testid='save-state']", { text: "All changes saved at" });
  await app.screenshot(join(shots, "minutes.png"));
});

test("print the minutes through the save path and read them back", async () => {
  await app.click("[data-testid='tab-approval']");
  await app.click("[data-testid='print-minutes']");
  await app.waitFor("[data-testid='printed']", { text: saveDir });
  const pdf = readdirSync(saveDir).find((f) => f.endsWith(".pdf"));
  assert.ok(pdf, "a PDF was written");
  const text = execFileSync("pdftotext", ["-layout", join(saveDir, pdf), "-"]).toString();
  assert.match(text, /DRAFT/);
  assert.match(text, /1\s+CARE INSPECTORATE WALES: PERFORMANCE REVIEW OF SOCIAL\s+SERVICES –/);
  const flat = text.replace(/\s+/g, " ");
  assert.ok(
    flat.includes("A Committee Member queried how many looked after children were placed outside the county. In response, Mr. L. Ford advised that eleven children"),
    flat,
  );
  assert.match(text, /Councillor Mrs\. G\. Ellis \(Chair\)/);
  assert.match(text, /T H A T the report be noted\./);
  assert.match(text, /T H A T Cabinet be asked to review the capacity/);

  // The agenda pack, through the same save path: front sheet and agenda, pages stamped.
  // Issued: printed, and today recorded as its date of issue.
  await app.click("[data-testid='issue-pack']");
  await app.waitFor("[data-testid='pack-saved']", { text: "agenda pack" });
  await app.waitFor("[data-testid='pack-issued']", { text: "Issued on" });
  const packFile = readdirSync(saveDir).find((f) => f.includes("agenda pack"));
  assert.ok(packFile, "the agenda pack was written");
  const pack = execFileSync("pdftotext", ["-layout", join(saveDir, packFile), "-"]).toString();
  assert.match(pack, /Healthy Living and Social Care Scrutiny Committee/);
  assert.match(pack, /mental health services \(CAMHS\)/);
  assert.match(pack, /Page 1/);
  await app.screenshot(join(shots, "approval.png"));
});

test("close the app, start it again and find everything there", async () => {
  await app.quit();
  app = await Session.start(driver.base);
  await app.click("[data-testid='open-meeting']", { text: "16 November 2026" });
  await app.waitFor("[data-testid='agenda-list']", { text: "Child and adolescent mental health services (CAMHS)" });
  await app.waitFor(".page-head", { text: "Committee Room 1, Civic Offices, Barry" });
  await app.click("[data-testid='tab-attendance']");
  const statuses = await app.exec(
    "return [...document.querySelectorAll('[data-testid=attendance-status]')].map((s) => s.value)",
  );
  assert.deepEqual(statuses, ["present", "present", "apologies"]);
  await app.waitFor("[data-testid='declarations']", { text: "close relative" });

  await app.click("[data-testid='tab-minutes']");
  const link = await app.waitFor("[data-testid='minute-link']", { text: "Care Inspectorate Wales" });
  await app.clickEl(link);
  await app.waitFor("[data-testid='minute-heading']", { text: "CARE INSPECTORATE WALES" });
  const text = await app.pageText();
  assert.equal(await app.text(await app.find("[data-testid='minute-number']")), allocated);
  assert.equal(await app.value(await app.find("[data-testid='presenter']")), "Ms. B. Jenkins");
  const questions = await app.exec("return [...document.querySelectorAll('[data-testid=question]')].map((t) => t.value)");
  assert.deepEqual(questions, [
    "how many looked after children were placed outside the county.",
    "whether waiting times for assessments were improving.",
  ]);
  const limbs = await app.exec("return [...document.querySelectorAll('[data-testid=limb-text]')].map((t) => t.value)");
  assert.deepEqual(limbs, ["the report be noted.", "Cabinet be asked to review the capacity of the assessment service."]);
  const reasons = await app.exec("return [...document.querySelectorAll('[data-testid=limb-reason]')].map((t) => t.value)");
  assert.deepEqual(reasons, ["Having regard to the inspection findings.", "To reduce waiting times for assessment."]);
  assert.match(text, /Limb \(1\)[\s\S]*Limb \(2\)[\s\S]*Referred to Cabinet/i);
  assert.ok(existsSync(join(home, "cymru.cofnod", "cofnod.sqlite3")), "the database is in XDG_DATA_HOME");
});

test("publish the draft, approve it at the next meeting, sign it: the minutes then open read-only", async () => {
  // The next meeting of the committee, where the minutes are approved.
  await app.click("[data-testid='nav-meetings']");
  await app.click("[data-testid='new-meeting']");
  await app.select("[data-testid='meeting-body']", COMMITTEE);
  await app.setValue("[data-testid='meeting-date']", "2026-12-14");
  await app.click("[data-testid='meeting-create']");
  await app.waitFor("[data-testid='meeting-title']", { text: COMMITTEE });
  // The chair presides there: only the person who presided may sign.
  await app.click("[data-testid='tab-attendance']");
  const chairRow = await app.waitFor("tr[data-person]", { text: "Mrs. G. Ellis" });
  await app.exec("arguments[0].focus()", [app.el(chairRow)]);
  await app.keys("p");
  await app.waitFor("tr[data-person]:nth-child(1)", { text: "In the room" });

  await app.click("[data-testid='nav-meetings']");
  await app.click("[data-testid='open-meeting']", { text: "16 November 2026" });
  await app.click("[data-testid='tab-approval']");
  await app.click("[data-testid='publish-draft']");
  await app.waitFor("[data-testid='minutes-status']", { text: "Draft published" });
  await app.select("[data-testid='approve-at']", "Monday 14 December 2026");
  await app.click("[data-testid='approve']");
  await app.waitFor("[data-testid='minutes-status']", { text: "Approved" });
  await app.select("[data-testid='signer']", "Councillor Mrs. G. Ellis");
  await app.setValue("[data-testid='sign-on']", "2026-12-14");
  await app.click("[data-testid='sign']");
  await app.waitFor("[data-testid='minutes-status']", { text: "Signed" });
  await app.waitFor("[data-testid='signed-banner']", { text: "signed by Councillor Mrs. G. Ellis on 14th December, 2026" });

  await app.click("[data-testid='tab-minutes']");
  await app.click("[data-testid='minute-link']", { text: "Care Inspectorate Wales" });
  const presenter = await app.waitFor("[data-testid='presenter']");
  assert.equal(await app.exec("return arguments[0].readOnly", [app.el(presenter)]), true);
  assert.equal(await app.exec("return document.querySelector('[data-testid=add-paragraph]').disabled"), true);
  await app.screenshot(join(shots, "signed.png"));

  // The signed PDF: the file the window says it saved (the minutes, not the agenda pack in
  // the same folder), newly written, carrying the signature and no DRAFT mark.
  await app.click("[data-testid='tab-approval']");
  const printedAt = Date.now();
  await app.click("[data-testid='print-minutes']");
  const saved = await app.waitFor("[data-testid='printed']", { text: saveDir });
  const path = (await app.text(saved)).replace(/^Saved to /, "").trim();
  assert.ok(!path.includes("agenda pack") && path.endsWith(".pdf"), path);
  assert.ok(statSync(path).mtimeMs >= printedAt - 1000, "the minutes were written again on signing");
  const text = execFileSync("pdftotext", ["-layout", path, "-"]).toString();
  assert.match(text, /14th December, 2026/);
  assert.doesNotMatch(text, /DRAFT/);
});
