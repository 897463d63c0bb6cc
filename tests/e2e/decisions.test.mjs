// Decisions as a council takes them, in the real app (issue 16): Cabinet takes a key decision;
// three members call it in within the window; implementing it is refused; the scrutiny
// committee minutes the call-in with a recorded vote (a member with a prejudicial interest is
// refused the vote, then allowed once a dispensation to speak and vote is recorded); the
// outcome refers it back to Cabinet; the register follows the chain both ways; the decisions
// notices of both meetings print in English and Welsh and are read back with pdftotext.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Keys, Session, freshDataHome, startDriver } from "./webdriver.mjs";

const shots = join(process.cwd(), "docs/screenshots");
const saveDir = mkdtempSync(join(tmpdir(), "cofnod-decisions-"));
let driver;
let app;

// The app's clock is the system's: Cabinet met yesterday, so its decision is published today
// and the call-in window (three working days after publication) is open whatever day this runs.
const iso = (d) => d.toISOString().slice(0, 10);
const day = (offset) => {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + offset);
  return d;
};
const CABINET_DAY = day(-1);
const SCRUTINY_DAY = day(7);
const RECONSIDERED_DAY = day(14);
/** "4 December 2026", as the Meetings list shows a date. */
/** "4th December, 2026", the house style's long date. */
const house = (d) => {
  const n = d.getUTCDate();
  const th = n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th";
  return `${n}${th} ${d.toLocaleDateString("en-GB", { month: "long", timeZone: "UTC" })}, ${d.getUTCFullYear()}`;
};
const dmy = (d) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

before(async () => {
  driver = await startDriver({ XDG_DATA_HOME: freshDataHome(), COFNOD_TEST_SAVE_DIR: saveDir });
  app = await Session.start(driver.base);
});
after(async () => {
  await app?.quit();
  driver?.stop();
});

/** Reads the PDF the window says it saved ("Saved to …") as text. */
async function savedText(testid) {
  const saved = await app.waitFor(`[data-testid='${testid}']`, { text: saveDir });
  const path = (await app.text(saved)).replace(/^.*?Saved to /, "").trim();
  return execFileSync("pdftotext", ["-layout", path, "-"]).toString().replace(/\s+/g, " ");
}

/** Marks every member row present with the keyboard, one row at a time. */
async function allPresent() {
  const rows = await app.findAll("tr[data-person]");
  for (let n = 1; n <= rows.length; n++) {
    const row = await app.find(`tr[data-person]:nth-child(${n})`);
    await app.exec("arguments[0].focus()", [app.el(row)]);
    await app.keys("p");
    await app.waitFor(`tr[data-person]:nth-child(${n})`, { text: "In the room" });
  }
}

const SCRUTINY = "Scrutiny Committee (Social Care and Health)";
const DECISION = "the Waste Management Strategy 2027–2032 be approved.";
const ITEM = "Waste Management Strategy 2027–2032";

/** Chooses the option of select `css` whose text contains `text`. */
async function selectContaining(css, text) {
  const until = Date.now() + 10000;
  for (;;) {
    const ok = await app.exec(
      `const s = document.querySelector(arguments[0]);
       const o = s && [...s.options].find((o) => o.textContent.includes(arguments[1]));
       if (!o) return false;
       s.value = o.value;
       s.dispatchEvent(new Event("change", { bubbles: true }));
       return true;`,
      [css, text],
    );
    if (ok) return;
    if (Date.now() > until) assert.fail(`no option of ${css} contains "${text}"`);
    await sleep(200);
  }
}

/** Starts the minute of the agenda item titled `title` (or opens it, once minuted). */
async function minuteItem(title) {
  const until = Date.now() + 15000;
  for (;;) {
    const links = await app.findAll("[data-testid='minute-link']");
    for (const l of links) if ((await app.text(l)).includes(title)) return app.clickEl(l);
    const rows = await app.findAll(".item.unminuted");
    for (const r of rows) {
      if ((await app.text(r)).includes(title)) return app.clickEl(await app.findIn(r, "[data-testid='minute-item']"));
    }
    if (Date.now() > until) assert.fail(`no agenda item "${title}" on the Minutes tab`);
    await sleep(200);
  }
}

async function newMeeting(body, date, time) {
  await app.click("[data-testid='nav-meetings']");
  await app.click("[data-testid='new-meeting']");
  await app.select("[data-testid='meeting-body']", body);
  await app.setValue("[data-testid='meeting-date']", iso(date));
  await app.setValue("[data-testid='meeting-time']", time);
  await app.fill("[data-testid='meeting-venue']", "Council Chamber, Civic Offices");
  await app.click("[data-testid='meeting-create']");
  await app.waitFor("[data-testid='meeting-title']", { text: body });
}

async function openMeeting(date) {
  await app.click("[data-testid='nav-meetings']");
  await app.click("[data-testid='open-meeting']", { text: dmy(date) });
}

/** Adds a limb to the open minute and waits until it is saved. */
async function addLimb(text, reason) {
  const before = (await app.findAll("[data-testid='limb']")).length;
  await app.keys(Keys.ALT + "r" + Keys.NULL);
  await sleep(200);
  const limb = (await app.findAll("[data-testid='limb']")).at(-1);
  await app.type(await app.findIn(limb, "[data-testid='limb-text']"), text);
  await app.type(await app.findIn(limb, "[data-testid='limb-reason']"), reason);
  await app.waitFor("[data-testid='save-state']", { text: "All changes saved at" });
  assert.equal((await app.findAll("[data-testid='limb']")).length, before + 1);
}

async function openDecision() {
  await app.click("[data-testid='nav-register']");
  await app.fill("[data-testid='register-input']", "Waste Management Strategy approved");
  await app.click("[data-testid='register-hit']", { text: "2027–2032 be approved" });
  await app.waitFor("[data-testid='resolution-text']", { text: "Waste Management Strategy" });
  return app.waitFor("[data-testid='executive-panel']");
}

test("Cabinet meets yesterday and takes a key decision, numbered in its C series", async () => {
  await newMeeting("Cabinet", CABINET_DAY, "14:00");
  await app.fill("[data-testid='agenda-title']", ITEM);
  await app.click("[data-testid='agenda-add']");
  await app.waitFor("[data-testid='agenda-list']", { text: ITEM });
  await app.click("[data-testid='tab-attendance']");
  await app.waitFor("tr[data-person]");
  await allPresent();

  await app.click("[data-testid='tab-minutes']");
  await minuteItem(ITEM);
  await app.waitFor("[data-testid='minute-heading']", { text: "WASTE MANAGEMENT STRATEGY" });
  assert.match(await app.text(await app.find("[data-testid='minute-number']")), /^C\d+$/);
  await app.waitFor("[data-testid='quorum']", { text: "Quorate" });
  await addLimb(DECISION, "To meet the statutory recycling targets of the Welsh Government.");
  const form = await app.waitFor("[data-testid='executive-decision']");
  await app.type(await app.findIn(form, "[data-testid='executive-options']"), "Continuing the present strategy unchanged, rejected as it would miss the 2030 target.");
  await app.type(await app.findIn(form, "[data-testid='executive-consultation']"), "A public consultation ran from June to September 2026.");
  await app.click("[data-testid='executive-key']");
  assert.equal(await app.exec("return document.querySelector('[data-testid=executive-key]').checked"), true);
  await app.click("[data-testid='executive-save']");
  await app.waitFor("[data-testid='executive-window']", { text: "the call-in period ends at the end of" });
  await app.click("[data-testid='vote-edit']");
  await app.select("[data-testid='vote-method']", "Unanimously");
  await app.click("[data-testid='vote-save']");
  await app.waitFor("[data-testid='vote-summary']", { text: "Unanimously" });
  await app.screenshot(join(shots, "executive-decision.png"));
});

test("three members call the decision in within the window; implementing it is refused", async () => {
  await newMeeting(SCRUTINY, SCRUTINY_DAY, "18:00");
  await openDecision();
  await app.waitFor("[data-testid='call-in-window']", { text: "open" });

  // Marking it implemented while the window is open is refused, naming the window's last day.
  await app.setValue("[data-testid='implement-on']", iso(day(0)));
  await app.click("[data-testid='implement']");
  await app.waitFor("[data-testid='implement-error']", { text: "call-in" });

  await app.click("[data-testid='call-in-request-open']");
  const pick = (name) => app.click("form[aria-label='Request a call-in'] label", { text: name });
  await pick("D. Howells");
  await pick("Ms. K. Jenkins");
  await pick("I.W. Thomas");
  await app.fill("[data-testid='call-in-grounds']", "The strategy was not considered by the scrutiny committee before the decision, and its costs to residents are unclear.");
  await app.click("[data-testid='call-in-request']");
  await app.waitFor("[data-testid='call-in-status']", { text: "Requested" });
  await app.waitFor("[data-testid='call-in-members']", { text: "I.W. Thomas" });

  // Still refused: the window is open and a call-in is pending.
  await app.click("[data-testid='implement']");
  await app.waitFor("[data-testid='implement-error']");

  // The scrutiny chair accepts it onto the committee's next meeting, as an item "(call-in)".
  await app.fill("[data-testid='call-in-decided-by']", "Councillor Mrs. E. Llewelyn");
  await selectContaining("[data-testid='call-in-meeting']", house(SCRUTINY_DAY));
  await app.click("[data-testid='call-in-accept']");
  await app.waitFor("[data-testid='call-in-item']", { text: "(call-in)" });
  await app.screenshot(join(shots, "call-in.png"));
});

test("scrutiny minutes the call-in with a recorded vote; a prejudicial interest needs a dispensation to vote", async () => {
  await openMeeting(SCRUTINY_DAY);
  await app.waitFor("[data-testid='agenda-list']", { text: "(call-in)" });
  await app.click("[data-testid='tab-attendance']");
  await app.waitFor("tr[data-person]");
  await allPresent();
  await app.select("[data-testid='decl-person']", "Councillor Mrs. M. Prŷs");
  await selectContaining("[data-testid='decl-item']", "(Cabinet minute C");
  await app.select("[data-testid='decl-kind']", "Personal and prejudicial");
  await app.select("[data-testid='decl-action']", "Remained in the meeting");
  await app.fill("[data-testid='decl-nature']", "Her husband's firm tendered for the waste collection contract");
  await app.click("[data-testid='decl-add']");
  await app.waitFor("[data-testid='declarations']", { text: "waste collection contract" });

  await app.click("[data-testid='tab-minutes']");
  // The declarations minute, written from the record.
  await minuteItem("Declarations of interest");
  await app.waitFor("[data-testid='minute-heading']", { text: "DECLARATIONS" });
  await minuteItem("(Cabinet minute C");
  await app.waitFor("[data-testid='call-in-outcome']");
  await addLimb("the decision be referred back to Cabinet for reconsideration, with the Committee's concerns.", "The costs to residents had not been set out.");

  const recordVote = async () => {
    await app.click("[data-testid='vote-edit']");
    await app.select("[data-testid='vote-method']", "Recorded vote");
    await app.select("[data-testid='vote-requested-by']", "Councillor I.W. Thomas");
    const how = { "Mrs. E. Llewelyn": "Against", "R.J. Bowen": "Against", "D. Howells": "For", "Ms. K. Jenkins": "For", "I.W. Thomas": "For", "Mrs. M. Prŷs": "For" };
    for (const [who, way] of Object.entries(how)) {
      await app.select(`[data-testid='vote-member'][data-person='Councillor ${who}']`, way);
    }
    await app.click("[data-testid='vote-save']");
  };
  await recordVote();
  await app.waitFor("[data-testid='vote-error']", { text: "Prŷs" });
  await app.click("[data-testid='vote-cancel']");
  await app.waitGone("[data-testid='vote-cancel']");

  await app.click("[data-testid='tab-attendance']");
  await app.click("[data-testid='dispensation-edit']");
  await app.select("[data-testid='dispensation-scope']", "To speak and vote");
  await app.fill("[data-testid='dispensation-granted-by']", "Standards Committee");
  await app.setValue("[data-testid='dispensation-granted-on']", "2026-06-01");
  await app.setValue("[data-testid='dispensation-expires-on']", "2027-05-31");
  await app.click("[data-testid='dispensation-save']");
  await app.waitFor("[data-testid='dispensation-summary']", { text: "speak and vote" });

  await app.click("[data-testid='tab-minutes']");
  await minuteItem("(Cabinet minute C");
  await recordVote();
  await app.waitFor("[data-testid='vote-summary']", { text: "Recorded vote" });
  await app.waitFor("[data-testid='vote-summary']", { text: "For 4, against 2" });

  await app.select("[data-testid='call-in-outcome-choice']", "Referred back to Cabinet");
  await app.fill("[data-testid='call-in-concerns']", "The costs to residents had not been set out.");
  await app.click("[data-testid='call-in-outcome-save']");
  await app.waitFor("[data-testid='call-in-outcome-recorded']", { text: "Referred back to Cabinet" });
  await app.exec("document.querySelector('[data-testid=vote-editor]').scrollIntoView({ block: 'center' })");
  await app.screenshot(join(shots, "recorded-vote.png"));
});

test("the register follows the chain both ways: Cabinet decision, call-in, scrutiny minute", async () => {
  await openDecision();
  await app.waitFor("[data-testid='call-in-status']", { text: "Referred back to Cabinet: awaiting reconsideration" });
  await app.waitFor("[data-testid='implementation-status']", { text: "waits for the call-in" });
  await app.click("[data-testid='call-in-scrutiny-minute']");
  await app.waitFor("[data-testid='resolution-text']", { text: "referred back to Cabinet" });
  await app.waitFor("[data-testid='resolution-vote']", { text: "A recorded vote having been requested by Councillor I.W. Thomas" });
  await app.waitFor("[data-testid='call-in-decision']", { text: "Cabinet minute C" });
  await app.waitFor("[data-testid='referral']", { text: "Cabinet" });
  await app.click("[data-testid='call-in-decision']");
  await app.waitFor("[data-testid='resolution-text']", { text: "Waste Management Strategy" });
});

test("Cabinet reconsiders the decision, and the chain ends at its new minute", async () => {
  await newMeeting("Cabinet", RECONSIDERED_DAY, "14:00");
  const title = "Waste Management Strategy 2027–2032: reconsideration after call-in";
  await app.fill("[data-testid='agenda-title']", title);
  await app.click("[data-testid='agenda-add']");
  await app.waitFor("[data-testid='agenda-list']", { text: title });
  await app.click("[data-testid='tab-attendance']");
  await app.waitFor("tr[data-person]");
  await allPresent();
  await app.click("[data-testid='tab-minutes']");
  await minuteItem(title);
  await app.waitFor("[data-testid='minute-heading']", { text: "RECONSIDERATION AFTER CALL-IN" });
  await addLimb("the revised strategy be adopted, with its costs to residents set out in an annex.", "To answer the Scrutiny Committee's concerns.");

  await openDecision();
  await selectContaining("[data-testid='call-in-reconsider-meeting']", house(RECONSIDERED_DAY));
  await selectContaining("[data-testid='call-in-reconsider-minute']", "reconsideration after call-in");
  await app.click("[data-testid='call-in-reconsidered']");
  await app.waitFor("[data-testid='call-in-status']", { text: "Referred back to Cabinet: reconsidered" });
  await app.screenshot(join(shots, "call-in-chain.png"));
  await app.click("[data-testid='call-in-reconsidered-minute']");
  await app.waitFor("[data-testid='resolution-text']", { text: "revised strategy be adopted" });
  // The reconsidering minute links back to the call-in and the decision it answered.
  await app.click("[data-testid='call-in-decision']");
  await app.waitFor("[data-testid='resolution-text']", { text: "2027–2032 be approved" });
});

test("the decisions notices of both meetings print in English and Welsh", async () => {
  await openMeeting(CABINET_DAY);
  await app.click("[data-testid='tab-approval']");
  await app.click("[data-testid='print-notice']");
  let text = await savedText("notice-saved");
  assert.match(text, /Notice of Decisions/);
  assert.match(text, /Cabinet/);
  assert.match(text, /Waste Management Strategy 2027–2032 be approved/);
  assert.match(text, /RESOLVED unanimously – T H A T the Waste Management Strategy/);
  assert.match(text, /Key decision\./);
  assert.match(text, /Options considered and rejected: Continuing the present strategy unchanged/);
  assert.match(text, /This decision will be implemented after the three day call-in period\./);
  await app.click("[data-testid='print-notice-welsh']");
  text = await savedText("notice-saved");
  assert.match(text, /Hysbysiad o Benderfyniadau/);

  await openMeeting(SCRUTINY_DAY);
  await app.click("[data-testid='tab-approval']");
  await app.click("[data-testid='print-notice']");
  text = await savedText("notice-saved");
  assert.match(text, /referred back to Cabinet/);
  assert.match(text, /recorded vote/i);
  assert.match(text, /Prŷs/);
  assert.match(text, /prejudicial/);
  assert.match(text, /Apologies/);
  await app.click("[data-testid='print-notice-welsh']");
  text = await savedText("notice-saved");
  assert.match(text, /Hysbysiad o Benderfyniadau/);
  assert.match(text, /Prŷs/);
  assert.match(text, /am bleidlais wedi.i chofnodi/);

  // The scrutiny minutes of the call-in (check 12): the Cabinet resolution quoted with its
  // reason, the members and grounds, the recorded vote by name, and the outcome.
  await app.click("[data-testid='print-minutes']");
  text = await savedText("printed");
  assert.match(text, /considered the call-in of Cabinet minute C\d+/);
  assert.match(text, /WASTE MANAGEMENT STRATEGY 2027–2032 \(CABINET MINUTE C\d+\) \(CALL-IN\) –/);
  assert.match(text, /requested by Councillors D\. Howells, Ms\. K\. Jenkins and I\.W\. Thomas\./);
  assert.match(text, /T H A T the Waste Management Strategy 2027–2032 be approved/);
  assert.match(text, /The grounds for the call-in were: The strategy was not considered/);
  assert.match(text, /A recorded vote having been requested by Councillor I\.W\. Thomas, the voting was as follows: For: Councillors D\. Howells, Ms\. K\. Jenkins, Mrs\. M\. Prŷs and I\.W\. Thomas\. Against: Councillors R\.J\. Bowen and Mrs\. E\. Llewelyn\./);
  assert.match(text, /with dispensation from the Standards Committee to speak and vote/);
  assert.match(text, /referred back to Cabinet for reconsideration, with the Committee.s concerns/);
  await app.click("[data-testid='print-welsh']");
  text = await savedText("printed");
  assert.match(text, /Gan fod y Cynghorydd I\.W\. Thomas wedi gofyn am bleidlais wedi.i chofnodi/);
  assert.match(text, /Cyfeiriwyd y penderfyniad yn ôl at y Cabinet/);
});
