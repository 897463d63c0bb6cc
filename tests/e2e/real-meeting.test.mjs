// A council adopting Cofnod part way through a municipal year minutes a meeting as its real
// minutes read, in the real window: the committee's running sequence set at 476 in Set-up, a
// tribute that is not on the agenda minuted first, a councillor from outside the committee
// present for one item only, the sentences Cofnod writes shown in the editor, a member who
// left for a prejudicial interest, a two-limb recommendation with a list in limb 1 referred to
// Cabinet, an item moved to Part 2 after it was minuted (with a public summary), and the
// previous meeting's minutes approved subject to two amendments. The printed public minutes
// (pdftotext) are compared line by line with tests/e2e/expected/real-meeting.txt, and hold no
// word of the Part 2 minute.
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
const EXEMPT = "Home care contract";
const SECRET = "tender prices from the three bidders";
const saveDir = mkdtempSync(join(tmpdir(), "cofnod-real-"));
const home = freshDataHome();
const COFNOD = join(process.cwd(), "target/debug/cofnod");
const expectedFile = join(process.cwd(), "tests/e2e/expected/real-meeting.txt");
let driver;
let app;

before(async () => {
  driver = await startDriver({ XDG_DATA_HOME: home, COFNOD_TEST_SAVE_DIR: saveDir });
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

test("the previous meeting's draft minutes are published", async () => {
  await app.click("[data-testid='nav-meetings']");
  await app.click("[data-testid='new-meeting']");
  await app.select("[data-testid='meeting-body']", BODY);
  await app.setValue("[data-testid='meeting-date']", "2026-04-20");
  await app.setValue("[data-testid='meeting-time']", "10:00");
  await app.fill("[data-testid='meeting-venue']", "Council Chamber, Civic Offices");
  await app.click("[data-testid='meeting-create']");
  await app.waitFor("[data-testid='agenda-list']", { text: "including whipping declarations" });
  await app.click("[data-testid='tab-approval']");
  await app.click("[data-testid='publish-draft']");
  await app.waitFor("[data-testid='minutes-status']", { text: "Draft published" });
});

test("a meeting minuted as a council writes it", async () => {
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
  await app.fill("[data-testid='agenda-title']", EXEMPT);
  await app.click("[data-testid='agenda-add']");
  await app.waitFor("[data-testid='agenda-list']", { text: EXEMPT });

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
  await app.clickEl(boxes.at(-2)); // the last list's checkboxes are items 1 to 5: item 4
  await app.select("[data-testid='decl-person']", "Councillor Mrs. M. Pr");
  await app.select("[data-testid='decl-item']", "4.");
  await app.select("[data-testid='decl-kind']", "Personal and prejudicial");
  await app.fill("[data-testid='decl-nature']", "her husband is employed by EDF Energy");
  await app.select("[data-testid='decl-action']", "Withdrew");
  await app.click("[data-testid='decl-add']");
  await app.waitFor("[data-testid='declarations']", { text: "EDF Energy" });
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

  for (const [heading, number] of [["MINUTES", "478"], ["DECLARATIONS", "479"]]) {
    await app.clickEl((await app.findAll("[data-testid='minute-item']"))[0]);
    await app.waitFor("[data-testid='minute-heading']", { text: heading });
    assert.equal(await app.text(await app.find("[data-testid='minute-number']")), number);
  }
  await app.waitFor("[data-testid='generated-lines']", { text: "left the meeting" });

  // Item 4: a recommendation of two limbs, a list in the first, referred to Cabinet.
  await app.clickEl((await app.findAll("[data-testid='minute-item']"))[0]);
  await app.waitFor("[data-testid='minute-heading']", { text: "DISPOSAL OF DREDGED MATERIAL" });
  assert.equal(await app.text(await app.find("[data-testid='minute-number']")), "480");
  await app.waitFor("[data-testid='generated-lines']", { text: "having declared a prejudicial interest, left the meeting" });
  // An outside presenter: the house's sentence names them once, with their title.
  await app.keys(Keys.ALT + "p" + Keys.NULL);
  const presenter = await app.waitFor("[data-testid='block-presentation'] [data-testid='presenter']");
  await app.type(presenter, "Ms. R. Morgan");
  await app.type(await app.find("[data-testid='block-presentation'] [data-testid='presentation-summary']"),
    "The Lead Inspector outlined the sampling of the sediment and the licence granted for its disposal.");
  await app.waitFor("[data-testid='save-state']", { text: "All changes saved at" });
  const limbs = [
    [`the Committee's concerns be referred to Cabinet, namely:${Keys.ENTER}- the sampling of the sediment before disposal${Keys.ENTER}- the monitoring of the disposal site`, "To inform Cabinet of the Committee's concerns."],
    ["the report be noted.", "Having regard to the report."],
  ];
  for (const [text, reason] of limbs) {
    await app.keys(Keys.ALT + "r" + Keys.NULL);
    await sleep(200);
    const limb = (await app.findAll("[data-testid='limb']")).at(-1);
    await app.type(await app.findIn(limb, "[data-testid='limb-text']"), text);
    await app.type(await app.findIn(limb, "[data-testid='limb-reason']"), reason);
    await sleep(800);
  }
  await app.waitFor("[data-testid='limb']:nth-of-type(2) [data-testid='refer']");
  await app.click("[data-testid='limb']:nth-of-type(1) [data-testid='refer']");
  await app.select("[data-testid='referral-body']", "Cabinet");
  await app.click("[data-testid='referral-add']");
  await app.waitFor("[data-testid='referral']", { text: "Referred to Cabinet" });

  // Item 5, minuted in public; moved to Part 2 below.
  await app.clickEl((await app.findAll("[data-testid='minute-item']"))[0]);
  await app.waitFor("[data-testid='minute-heading']", { text: "HOME CARE CONTRACT" });
  await app.keys(Keys.ALT + "n" + Keys.NULL);
  await sleep(200);
  const secret = (await app.findAll("[data-testid='narrative-text']")).at(-1);
  await app.type(secret, `The Committee considered the ${SECRET}.`);
  await app.waitFor("[data-testid='save-state']", { text: "All changes saved at" });
  await sleep(800);
  await app.screenshot(join(process.cwd(), "docs/screenshots/minute-not-on-agenda.png"));

  // Item 5 moves to Part 2 after it was minuted: the window asks for a public summary.
  await app.click("[data-testid='tab-agenda']");
  const exempt = await app.waitFor("[data-testid='agenda-list'] li", { text: EXEMPT });
  await app.clickEl(await app.findIn(exempt, "[data-testid='edit-item']"));
  await app.select("[data-testid='agenda-part']", "Part 2");
  await app.fill("[data-testid='agenda-paragraphs']", "14");
  await app.fill("[data-testid='agenda-public-interest']", "The public interest in keeping the information exempt outweighs that in disclosing it.");
  await app.click("[data-testid='agenda-save']");
  await app.waitFor("[data-testid='public-summary-prompt']");
  await app.fill("[data-testid='public-summary-text']", "The Committee considered a contract for home care.");
  await app.click("[data-testid='public-summary-save']");
  await app.waitGone("[data-testid='public-summary-prompt']");

  // April's minutes approved here, subject to two amendments.
  await app.click("[data-testid='nav-meetings']");
  await app.click("[data-testid='open-meeting']", { text: "20 April 2026" });
  await app.click("[data-testid='tab-approval']");
  await app.select("[data-testid='approve-at']", "Monday 16 November 2026");
  await app.fill("[data-testid='approve-amendments']", `Page 3 \u2013 delete 'unsafe' to read 'difficult'${Keys.ENTER}it being recorded that Councillor D. Howells had, in fact, been present`);
  await app.click("[data-testid='approve']");
  await app.waitFor("[data-testid='minutes-status']", { text: "Approved" });
  await app.click("[data-testid='nav-meetings']");
  await app.click("[data-testid='open-meeting']", { text: "16 November 2026" });
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
  const flat = text.replace(/\s+/g, " ");
  assert.ok(!flat.includes("tender") && !flat.includes("bidders"), "the Part 2 minute is not in the public minutes");

  // The same meetings exported and imported through the command line into an empty
  // database print the same text.
  const db = join(home, "cymru.cofnod", "cofnod.sqlite3");
  const empty = join(saveDir, "imported.sqlite3");
  const files = ["2026-04-20", "2026-11-16"].map((date) => {
    const file = join(saveDir, `${date}.json`);
    execFileSync(COFNOD, ["--db", db, "export", date, "--body", BODY, "--out", file]);
    return file;
  });
  execFileSync(COFNOD, ["--db", empty, "import", ...files]);
  const again = join(saveDir, "imported.pdf");
  execFileSync(COFNOD, ["--db", empty, "render", "2026-11-16", "--body", BODY, "--out", again]);
  const imported = execFileSync("pdftotext", ["-layout", again, "-"]).toString();
  assert.deepEqual(lines(imported), got);
});
