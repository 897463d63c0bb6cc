// A member's question of the record, in the real app: "what did scrutiny refer to Cabinet about
// safeguarding, and what did Cabinet say?" Search the register, open the resolution, record
// Cabinet's answer in a few keystrokes, and find it in the referrals view and the register.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keys, Session, freshDataHome, startDriver } from "./webdriver.mjs";

const shots = join(process.cwd(), "docs/screenshots");
const saveDir = mkdtempSync(join(tmpdir(), "cofnod-register-"));
let driver;
let app;

before(async () => {
  // A fresh data directory: the app starts on the demo council and its January 2015 meeting.
  driver = await startDriver({ XDG_DATA_HOME: freshDataHome(), COFNOD_TEST_SAVE_DIR: saveDir });
  app = await Session.start(driver.base);
});
after(async () => {
  await app?.quit();
  driver?.stop();
});

test("the register finds a resolution as the words are typed, with the words marked", async () => {
  await app.click("[data-testid='nav-register']");
  await app.fill("[data-testid='register-input']", "safeguarding cabinet");
  await app.waitFor("[data-testid='register-count']", { text: "for “safeguarding cabinet”" });
  const hit = await app.waitFor("[data-testid='register-hit']", { text: "referred to Cabinet" });
  const text = await app.text(hit);
  assert.match(text, /RESOLVED|RECOMMENDED/);
  assert.match(text, /Cabinet: /, "the hit shows where it was referred and how that stands");
  const marked = await app.exec(
    "return [...document.querySelectorAll('[data-testid=register-hit] mark')].map((m) => m.textContent.toLowerCase())",
  );
  assert.ok(marked.includes("safeguarding"), `marked: ${marked}`);
  assert.ok(marked.includes("cabinet"), `marked: ${marked}`);
  // A query of search-syntax characters is taken as words: no error, just no match.
  await app.fill("[data-testid='register-input']", 'NEAR( "care* -');
  await app.waitFor("[data-testid='register-count']", { text: "for “NEAR(" });
  assert.equal((await app.findAll("[data-testid='register-error']")).length, 0);
  await app.fill("[data-testid='register-input']", "safeguarding cabinet");
  await app.waitFor("[data-testid='register-hit']", { text: "referred to Cabinet" });
  await app.screenshot(join(shots, "register.png"));
});

test("the resolution page follows the referral, and Cabinet's answer is recorded from the keyboard", async () => {
  await app.click("[data-testid='register-hit']", { text: "referred to Cabinet" });
  await app.waitFor("[data-testid='resolution-text']", { text: "referred to Cabinet" });
  const status = await app.text(await app.waitFor("[data-testid='referral-status']"));
  assert.match(status, /Issued · Overdue/, "sent in January 2015 with two months to answer");
  // Two months beginning with the day it was sent (s.21B): sent 7th January, due 6th March.
  await app.waitFor("[data-testid='referral']", { text: "Response due by 6th March, 2015" });

  await app.click("[data-testid='referral-record-outcome']");
  await app.waitFor("[data-testid='outcome-select']");
  await app.select("[data-testid='outcome-select']", "Accepted in part");
  await app.fill("[data-testid='outcome-response']", "Cabinet accepted the findings and asked for a progress report in six months.");
  await app.keys(Keys.CONTROL + Keys.ENTER + Keys.NULL);
  await app.waitFor("[data-testid='referral-outcome']", { text: "Accepted in part" });
  assert.match(await app.text(await app.find("[data-testid='referral-status']")), /Considered/);
  await app.screenshot(join(shots, "resolution.png"));
});

test("the referrals view lists what is still open; the register shows the answer", async () => {
  await app.click("[data-testid='nav-referrals']");
  await app.waitFor("[data-testid='referrals-summary']", { text: "open in all" });
  await app.waitFor("[data-testid='referral']", { text: "progress report in six months" });
  await app.screenshot(join(shots, "referrals.png"));

  await app.click("[data-testid='nav-register']");
  // The query is kept from before.
  await app.waitFor("[data-testid='register-hit']", { text: "Cabinet: Accepted in part" });
});

test("the register saves as CSV, and the tracker prints the recommendation with Cabinet's answer", async () => {
  await app.click("[data-testid='register-export']");
  await app.waitFor("[data-testid='register-exported']", { text: ".csv" });
  const csvFile = readdirSync(saveDir).find((f) => f.startsWith("Resolutions register"));
  const csv = readFileSync(join(saveDir, csvFile), "utf8");
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  assert.match(header, /^decision_id,body,meeting_id,meeting_date,minute_number,/);
  assert.ok(rows.some((r) => r.includes("referred to Cabinet")), csv);

  await app.click("[data-testid='nav-referrals']");
  await app.select("[data-testid='tracker-body']", "Scrutiny Committee (Social Care and Health)");
  await app.setValue("[data-testid='tracker-from']", "2015-01-01");
  await app.setValue("[data-testid='tracker-to']", "2015-03-31");
  await app.click("[data-testid='tracker-pdf']");
  await app.waitFor("[data-testid='tracker-saved']", { text: "recommendation tracker" });
  const pdf = readdirSync(saveDir).find((f) => f.endsWith(".pdf"));
  const text = execFileSync("pdftotext", ["-layout", join(saveDir, pdf), "-"]).toString().replace(/\s+/g, " ");
  assert.match(text, /DECISION TRACKING OF RECOMMENDATIONS/);
  assert.match(text, /1st January, 2015 to 31st March, 2015/);
  assert.match(text, /referred to Cabinet for its consideration/);
  assert.match(text, /Accepted in part/);
  assert.match(text, /progress report in six months/);
  await app.click("[data-testid='tracker-csv']");
  await app.waitFor("[data-testid='tracker-saved']", { text: ".csv" });
});

test("a committee's meetings save as a calendar, and the record as OParl JSON under the council's address", async () => {
  await app.click("[data-testid='nav-meetings']");
  await app.select("[data-testid='export-body']", "Scrutiny Committee (Social Care and Health)");
  await app.click("[data-testid='export-ics']");
  await app.waitFor("[data-testid='export-saved']", { text: ".ics" });
  const ics = readFileSync(join(saveDir, readdirSync(saveDir).find((f) => f.endsWith(".ics"))), "utf8");
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /\r\nSUMMARY:Scrutiny Committee \(Social Care and Health\)\r\n/);
  assert.match(ics, /\r\nDTSTART;TZID=Europe\/London:20150105T\d{6}\r\n/, "the demo meeting of 5th January, 2015");
  assert.match(ics, /\r\nEND:VCALENDAR\r\n$/);

  // With no address to publish under, the export is refused and says why.
  await app.select("[data-testid='export-body']", "Every committee");
  await app.click("[data-testid='export-oparl']");
  await app.waitFor("[data-testid='export-error']", { text: "Published at" });
  assert.ok(!readdirSync(saveDir).some((f) => f.endsWith(".json")), "nothing saved");
  const base = "https://democracy.example.gov.uk/oparl/v1.1";
  await app.fill("[data-testid='export-published-at']", base);
  await app.click("[data-testid='export-oparl']");
  await app.waitFor("[data-testid='export-saved']", { text: ".json" });
  const oparl = JSON.parse(readFileSync(join(saveDir, readdirSync(saveDir).find((f) => f.endsWith(".json"))), "utf8"));
  assert.ok(oparl.meeting.length >= 1, "the demo meeting");
  for (const m of oparl.meeting) {
    assert.equal(m.type, "https://schema.oparl.org/1.1/Meeting");
    assert.ok(m.id.startsWith(`${base}/meeting/`), m.id);
  }
  assert.ok(oparl.meeting.some((m) => m.start?.startsWith("2015-01-05")), JSON.stringify(oparl.meeting.map((m) => m.start)));
  await app.screenshot(join(shots, "exports.png"));
});
