// WCAG 2.2 AA on every screen and state, in English and in Welsh: axe-core (the rules of WCAG
// 2.0, 2.1 and 2.2 at levels A and AA) run on each screen as a clerk reaches it, with its forms
// open, its refusals shown and its work in progress. Each journey collects what axe finds in
// every state it passes, and fails with the whole list: the state, the rule, where and why.
// And the names a screen reader gives the controls that a screen repeats, item by item.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { axeRun } from "./axe.mjs";
import { calls, open, useBrowser, type Fixture } from "./harness";
import type { Commands } from "../src/lib/ipc/commands";
import type { MeetingRecord } from "../src/lib/ipc/bindings/MeetingRecord";
import type { MeetingSummary } from "../src/lib/ipc/bindings/MeetingSummary";
import {
  FIRST_START_DB, WELSH_TITLE, ids, limb, noticesDue, present, publishReport, record, referralChain, registerHit, summary, welshBody,
} from "./fixtures";

useBrowser();

type Language = "en" | "cy";

/** What axe-core found, state by state, on one journey. */
class Audit {
  problems: string[] = [];
  states = 0;
  constructor(private page: Page) {}

  /** Runs axe-core on the screen as it stands, once it has settled. */
  async check(state: string) {
    await this.page.waitForTimeout(150);
    const { violations, passes } = await axeRun(this.page);
    expect(passes, `axe-core ran its checks on ${state}`).toBeGreaterThan(10);
    this.states += 1;
    for (const v of violations) this.problems.push(`${state}: ${v}`);
  }

  /** Fails with every violation found on the journey, each on its own line. */
  done() {
    const list = this.problems.map((p) => `\n  - ${p}`).join("");
    expect(this.problems, `axe-core found ${this.problems.length} WCAG 2.2 AA violations in ${this.states} states:${list}\n`).toEqual([]);
  }
}

/** Opens the app with `fixture`, in the given language. */
async function start(language: Language, fixture: Fixture) {
  const opened = await open(fixture);
  if (language === "cy") {
    await opened.page.getByTestId("language-switch").click();
    await expect.poll(() => opened.page.evaluate(() => document.documentElement.lang)).toBe("cy");
  }
  return { ...opened, audit: new Audit(opened.page) };
}

const upcoming: MeetingSummary = {
  ...summary(), id: "m0000000-0000-7000-8000-0000000000u1", body_id: ids.cabinet, body_name: "Cabinet",
  date: "2026-12-07", status: "scheduled", minutes_status: "drafting", item_count: 0,
};

/** A meeting whose agenda is still being planned: three items, one in Part 2 with its report in the pack. */
function planned(): MeetingRecord {
  const rec = welshBody(record());
  rec.meeting = { ...rec.meeting, status: "scheduled" };
  const first = rec.agenda[0];
  rec.agenda = [
    { ...first, title_cy: WELSH_TITLE },
    { ...first, id: "i2", position: 2, title_en: "Contract award: home care", title_cy: "", part: "exempt", exempt_paragraphs: ["14"], public_interest: "Commercial terms." },
    { ...first, id: "i3", position: 3, title_en: "Library Strategy", title_cy: "Strategaeth Llyfrgelloedd", origin: "referred_from_cabinet", tag: "REF" },
  ];
  rec.documents = [
    { id: "d1", agenda_item_id: "i2", title: "Report of the Director", kind: "report", position: 1, page_count: 3, sha256: "", size_bytes: 1000 },
  ];
  rec.pack_issues = [
    { id: "pi1", meeting_id: ids.meeting, number: 0, issued_on: "2014-12-24", first_page: 1, last_page: 5, documents: [{ document_id: "d1", first_page: 3, last_page: 5 }] },
  ];
  return rec;
}

/** The meeting as minuted: members present, a question and a presentation, two limbs, one referred, quorum lost. */
function minuted(): MeetingRecord {
  const rec = welshBody(record());
  rec.agenda[0].title_cy = WELSH_TITLE;
  rec.attendance = [present("a1", ids.chair, "chair"), present("a2", ids.member)];
  rec.minutes[0].blocks.push(
    {
      id: "k2", minute_id: ids.minute, position: 2,
      content: { kind: "question", asked_by: "A Committee Member", asked_by_id: null, question: "How many children wait?", answered_by: "", answered_by_id: null, answer: "Twelve." },
    },
    { id: "k3", minute_id: ids.minute, position: 3, content: { kind: "narrative", text: "Members discussed waiting times." } },
  );
  rec.minutes[0].resolutions = [limb(1), limb(2, { text: "a further report be brought in six months.", reason: "To follow progress." })];
  rec.referrals = [referralChain().referral];
  return rec;
}

const lostQuorum = {
  ok: {
    quorum: 3, attendance_recorded: true, first_inquorate: ids.item,
    items: [{ agenda_item_id: ids.item, position: 1, present: 2, quorate: false, lost_here: true, voters: [ids.member, ids.chair] }],
  },
};

const languages: [string, Language][] = [["in English", "en"], ["in Welsh", "cy"]];

describe.each(languages)("WCAG 2.2 AA %s", (_name, language) => {
  it("the meetings list with upcoming and recent meetings, notices, the record-check banner, the planning form and its refusal", async () => {
    const problems = Array.from({ length: 7 }, (_, i) => `schema row trigger_${i}: the trigger trigger_${i} is missing`);
    const { page, audit } = await start(language, {
      record_check: { ok: { done: true, problems, audit_entries: 40, signed_minutes: 1, error: null } },
      meetings: { items: [summary(), upcoming], notices: noticesDue(), today: "2026-11-27" },
      notices_attention: { ok: { items: noticesDue(), total: 1 } },
      bodies: { ok: [welshBody().body, ...record().bodies] },
      add_meeting: { err: { code: "invalid", message: "Date: 2015-02-30 is not a date" } },
    });
    await expect.poll(() => page.getByTestId("open-meeting").count()).toBe(2);
    await expect.poll(() => page.getByTestId("record-check").count()).toBe(1);
    await audit.check("meetings");
    await page.getByTestId("record-check").getByRole("button").click();
    await audit.check("meetings, every problem of the record shown");
    await page.getByTestId("new-meeting").click();
    await expect.poll(() => page.getByTestId("meeting-create").count()).toBe(1);
    await audit.check("meetings, planning a meeting");
    await page.getByTestId("meeting-create").click();
    await expect.poll(() => page.getByTestId("meeting-error").count()).toBe(1);
    await audit.check("meetings, a refused meeting");
    audit.done();
    await page.close();
  });

  it("a meeting's agenda: its items, the edit form, a removal to confirm, a refused item, incoming referrals and the meeting's details", async () => {
    const incoming = referralChain({ id: "f9", to_body_id: ids.body, from_body_id: ids.cabinet });
    const { page, audit } = await start(language, {
      meeting_record: { ok: planned() },
      referrals_view: { ok: [{ ...incoming, from_body: "Cabinet" }] },
      add_agenda_item: { err: { code: "invalid", message: "Title: must not be longer than 300 characters" } },
    });
    await page.getByTestId("open-meeting").click();
    await expect.poll(() => page.getByTestId("agenda-item-title").count()).toBe(3);
    await expect.poll(() => page.getByTestId("incoming-referrals").count()).toBe(1);
    await audit.check("agenda");
    await page.getByTestId("edit-item").nth(1).click();
    await expect.poll(() => page.getByTestId("agenda-save").count()).toBe(1);
    await audit.check("agenda, editing item 2");
    await page.getByTestId("agenda-cancel").click();
    await page.getByTestId("remove-item").first().click();
    await expect.poll(() => page.getByTestId("confirm-remove").count()).toBe(1);
    await audit.check("agenda, removing item 1");
    await page.getByTestId("agenda-title").fill("Library Strategy");
    await page.getByTestId("agenda-add").click();
    await expect.poll(() => page.getByTestId("agenda-form-error").count()).toBe(1);
    await audit.check("agenda, a refused item");
    await page.getByTestId("edit-meeting").click();
    await expect.poll(() => page.getByTestId("meeting-save").count()).toBe(1);
    await audit.check("agenda, editing the meeting's details");
    audit.done();
    await page.close();
  });

  it("a meeting's attendance with declarations, a dispensation and its editor", async () => {
    const rec = welshBody(record());
    rec.agenda[0].title_cy = WELSH_TITLE;
    rec.attendance = [{ ...present("a1", ids.chair, "chair"), mode: "remote" }];
    rec.declarations = [
      { id: "dc1", meeting_id: ids.meeting, person_id: ids.member, agenda_item_id: ids.item, kind: "prejudicial", nature: "A relative works there", action: "withdrew", dispensation: "" },
      { id: "dc2", meeting_id: ids.meeting, person_id: ids.chair, agenda_item_id: null, kind: "personal", nature: "Governor of a school", action: "remained", dispensation: "" },
    ];
    rec.dispensations = [
      { id: "dp1", declaration_id: "dc1", reference: "D/12", scope: "speak_only", granted_by: "Standards Committee", granted_on: "2014-11-03", expires_on: "2015-11-02" },
    ];
    const { page, audit } = await start(language, { meeting_record: { ok: rec } });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-attendance").click();
    await expect.poll(() => page.getByTestId("attendance-table").count()).toBe(1);
    await expect.poll(() => page.getByTestId("remove-declaration").count()).toBe(2);
    await audit.check("attendance");
    await page.getByTestId("dispensation-edit").first().click();
    await expect.poll(() => page.getByTestId("dispensation-save").count()).toBe(1);
    await audit.check("attendance, editing a dispensation");
    audit.done();
    await page.close();
  });

  it("a meeting's minutes: blocks, a resolution with limbs, a lost quorum, the vote editor, the refer form and a refused change", async () => {
    const { page, audit } = await start(language, {
      meeting_record: { ok: minuted() },
      meeting_quorum: lostQuorum,
      update_block: { err: { code: "invalid", message: "Paragraph: must not be empty" } },
    });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-minutes").click();
    await expect.poll(() => page.getByTestId("limb").count()).toBe(2);
    await expect.poll(() => page.getByTestId("quorum").count()).toBe(1);
    await audit.check("minutes");
    await page.getByTestId("vote-edit").first().click();
    await page.getByTestId("vote-method").selectOption("recorded");
    await expect.poll(() => page.getByTestId("vote-member").count()).toBe(2);
    await audit.check("minutes, recording a vote");
    await page.getByTestId("vote-cancel").click();
    await page.getByTestId("refer").first().click();
    await expect.poll(() => page.getByTestId("referral-add").count()).toBe(1);
    await audit.check("minutes, referring a limb");
    await page.getByTestId("narrative-text").first().fill("");
    await expect.poll(() => page.locator(".block .error").count()).toBe(1);
    await audit.check("minutes, a refused change");
    audit.done();
    await page.close();
  });

  it("signed minutes, read-only, and an empty list of meetings", async () => {
    const { page, audit } = await start(language, { meeting_record: { ok: record({ signed: true }) } });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-minutes").click();
    await expect.poll(() => page.getByTestId("signed-banner").count()).toBe(1);
    await audit.check("minutes, signed");
    await page.getByTestId("tab-agenda").click();
    await expect.poll(() => page.getByTestId("agenda-item-title").count()).toBe(1);
    await audit.check("agenda, signed");
    await page.close();
    const empty = await start(language, { meetings: { items: [] } });
    await expect.poll(() => empty.page.locator(".empty").count()).toBeGreaterThan(0);
    await empty.audit.check("meetings, none yet");
    audit.problems.push(...empty.audit.problems);
    audit.done();
    await empty.page.close();
  });

  it("a Cabinet minute's executive decision and a call-in's outcome", async () => {
    const rec = record({ heading: "Call-in: Library Strategy (Cabinet minute C12)" });
    rec.body = { ...rec.bodies[0], id: ids.body };
    rec.minutes[0].resolutions = [limb(1, { keyword: "resolved" })];
    const callIn = {
      id: "c1", resolution_id: "r9", meeting_id: "m9", requested_on: "2014-12-20", grounds: "Not consulted.", status: "accepted" as const,
      decided_by: "Chair of Scrutiny", decided_on: "2014-12-22", rejection_reason: "", scrutiny_meeting_id: ids.meeting,
      agenda_item_id: ids.item, scrutiny_minute_id: null, outcome: null, concerns: "", referral_id: null, reconsidered_minute_id: null,
      members: [ids.chair, ids.member],
    };
    rec.called_in = [
      {
        call_in: callIn, minute_label: "C12", heading: "Library Strategy", limb: 1, keyword: "resolved",
        text: "the Library Strategy be approved", reason: "", cabinet_date: "2014-12-18", members: [["Councillor", "Mrs. A.J. Moore"]],
      },
    ];
    const { page, audit } = await start(language, {
      meeting_record: { ok: rec },
      executive_decision: { ok: null },
    });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-minutes").click();
    await expect.poll(() => page.getByTestId("executive-missing").count()).toBe(1);
    await page.getByTestId("call-in-outcome-choice").selectOption("referred_back");
    await audit.check("minutes of Cabinet, an executive decision and a call-in's outcome");
    audit.done();
    await page.close();
  });

  it("a meeting's translation and approval", async () => {
    const rec = minuted();
    rec.meeting.minutes_status = "draft_published";
    rec.pack_issues = planned().pack_issues;
    rec.documents = planned().documents;
    const text = (over: Partial<Commands["meeting_texts"]["result"][number]>): Commands["meeting_texts"]["result"][number] => ({
      source: "limb", source_id: "r1", context: "Minute 678 – (1)", original: "en", original_text: "the report be noted.",
      translation: "", status: "awaiting", outdated: false, position: 0, ...over,
    });
    const { page, audit } = await start(language, {
      meeting_record: { ok: rec },
      meetings: { items: [{ ...summary(), id: "m0000000-0000-7000-8000-000000000002", date: "2015-02-02" }, summary()], notices: noticesDue() },
      meeting_texts: {
        ok: [
          text({ source: "minute_heading", source_id: ids.minute, context: "Minute 678 – heading", original_text: "CSSIW Annual Performance Evaluation", translation: WELSH_TITLE, status: "done" }),
          text({ source: "narrative", source_id: ids.block, context: "Minute 678 – paragraph 1", original_text: "The Lead Inspector presented the evaluation.", position: 1 }),
          text({ position: 2, translation: "y dylid nodi'r adroddiad.", status: "done", outdated: true }),
          text({ source: "reason", context: "Minute 678 – (1) reason", position: 3, original_text: "To inform.", status: "not_needed" }),
        ],
      },
      approval_warnings: { ok: ["Councillor R.J. Bertin was not present at the meeting of 5 January 2015"] },
      auditEntries: 3,
    });
    await page.getByTestId("open-meeting").last().click();
    await page.getByTestId("tab-translation").click();
    await expect.poll(() => page.getByTestId("translation-row").count()).toBe(4);
    await audit.check("translation");
    if (language === "en") {
      // Each row's controls named with the text they belong to.
      expect(await page.getByRole("textbox", { name: "In Welsh Minute 678 – paragraph 1", exact: true }).count()).toBe(1);
      expect(await page.getByRole("combobox", { name: "Written in Minute 678 – (1) reason", exact: true }).count()).toBe(1);
      expect(await page.getByRole("button", { name: "Not needed Alt+N Minute 678 – heading", exact: true }).count()).toBe(1);
    }
    await page.getByTestId("tab-approval").click();
    await expect.poll(() => page.getByTestId("approval-warning").count()).toBe(1);
    await audit.check("approval and printing");
    audit.done();
    await page.close();
  });

  it("the register with results and filters, and a resolution's page with its referral, executive decision and forms", async () => {
    const rec = record();
    const resolution = limb(1, { keyword: "resolved" });
    const welsh = registerHit({
      resolution_id: "r2", language: "cy", heading_cy: WELSH_TITLE,
      text_cy: [{ text: "nodi'r ", marked: false }, { text: "adroddiad", marked: true }], reason_cy: [{ text: "Er gwybodaeth.", marked: false }],
    });
    const { page, audit } = await start(language, {
      bodies: { ok: [welshBody().body, ...record().bodies] },
      search_register: { ok: { hits: [registerHit(), welsh], offset: 0, more: true } },
      resolution_page: {
        ok: {
          resolution, body: rec.body, meeting: rec.meeting, minute: { ...rec.minutes[0], resolutions: [resolution] },
          referrals: [referralChain()], answers: [],
          vote_outcome: "The vote was unanimous.", vote_outcome_cy: "Roedd y bleidlais yn unfrydol.",
          executive: {
            decision: {
              resolution_id: "r1", meeting_id: ids.meeting, key_decision: true, options_rejected: "None", consultation: "None",
              interests: "", published_on: "2015-01-06", call_in_ends: "2015-01-09", urgent: false, urgent_agreed_by: "", urgent_agreed_on: null,
            },
            implementation: null, window_open: true, call_in_pending: false, implementable_from: "2015-01-10", members_needed: 3, call_ins: [],
          },
          call_ins: [],
        },
      },
    });
    await page.getByTestId("nav-register").click();
    await page.getByTestId("filter-body").selectOption({ index: 1 });
    await page.getByTestId("register-input").fill("report");
    await expect.poll(() => page.getByTestId("register-hit").count()).toBe(2);
    await audit.check("register, results filtered");
    await page.getByTestId("register-hit").first().click();
    await expect.poll(() => page.getByTestId("resolution-title").count()).toBe(1);
    await audit.check("a resolution");
    await page.getByTestId("referral-record-outcome").click();
    await page.getByTestId("call-in-request-open").click();
    await expect.poll(() => page.getByTestId("call-in-request").count()).toBe(1);
    await audit.check("a resolution, recording an outcome and requesting a call-in");
    audit.done();
    await page.close();
  });

  it("the referrals and the recommendation tracker, a step's form and a refusal", async () => {
    const considered = referralChain({ id: "f2", status: "considered", outcome: "accepted", response_text: "Agreed." });
    const { page, audit } = await start(language, {
      referrals_page: { ok: { items: [referralChain(), { ...considered, urgency: "due_soon", days_left: 1 }], total: 2, offset: 0, overdue: 1, due_soon: 1 } },
      meetings: { items: [summary(), upcoming] },
    });
    await page.getByTestId("nav-referrals").click();
    await expect.poll(() => page.getByTestId("referral").count()).toBe(2);
    await audit.check("referrals");
    await page.getByTestId("referral-schedule").first().click();
    await expect.poll(() => page.getByTestId("step-meeting").count()).toBe(1);
    await audit.check("referrals, scheduling one");
    await page.keyboard.press("Escape");
    await page.getByTestId("tracker-pdf").click();
    await expect.poll(() => page.getByTestId("tracker-error").count()).toBe(1);
    await audit.check("referrals, the tracker refused");
    audit.done();
    await page.close();
  });

  it("set-up: the authority, committees, people, memberships, numbering, working days, languages and the database", async () => {
    const year: Commands["calendar_year"]["result"] = {
      year: 2026,
      bank_holidays: [
        { day: "2026-08-31", name: "Summer bank holiday", worked: true },
        { day: "2026-12-25", name: "Christmas Day", worked: false },
      ],
      days: [{ day: "2026-12-29", kind: "closed", name: "Christmas closure" }],
    };
    const { page, audit } = await start(language, {
      sequences: { ok: [{ id: "s0000000-0000-7000-8000-000000000001", name: "Main sequence", prefix: "", scope: "council" }] },
      sequence_year: {
        ok: { sequence_id: "s0000000-0000-7000-8000-000000000001", year_start: "2026-05-01", numbered: 3, first_number: 1, next_number: 4, next_label: "4" },
      },
      memberships: { ok: record().memberships },
      calendar_year: { ok: year },
      set_authority_day: { err: { code: "invalid", message: "Day: Saturday 6 June 2026 is a Saturday or Sunday, never a working day" } },
      choose_backup: { ok: "/media/usb/cofnod-backup-2026-11-20-1700.sqlite3" },
    });
    await page.getByTestId("nav-setup").click();
    await expect.poll(() => page.getByTestId("person-row").count()).toBe(2);
    await expect.poll(() => page.getByTestId("bank-holiday").count()).toBe(2);
    await audit.check("set-up");
    await page.getByTestId("body-edit").first().click();
    await expect.poll(() => page.getByTestId("body-edit-form").count()).toBe(1);
    await audit.check("set-up, editing a committee");
    await page.getByTestId("person-row").first().getByRole("button").first().click();
    await expect.poll(() => page.getByTestId("person-name").inputValue()).toBe("Mrs. A.J. Moore");
    await audit.check("set-up, editing a person");
    await page.getByTestId("member").first().getByRole("button").first().click();
    await expect.poll(() => page.getByTestId("membership-save").count()).toBe(1);
    await audit.check("set-up, correcting a membership");
    await page.getByTestId("authority-day-date").fill("2026-06-06");
    await page.getByTestId("authority-day-add").click();
    await expect.poll(() => page.getByTestId("working-days-error").count()).toBe(1);
    await audit.check("set-up, a refused working day");
    await page.getByTestId("database-restore").click();
    await expect.poll(() => page.getByTestId("database-restore-confirm").count()).toBe(1);
    await audit.check("set-up, restoring a backup");
    audit.done();
    await page.close();
  });

  it("publishing the website: before, in progress, done, and refused", async () => {
    const { page, audit } = await start(language, { publish_site: { ok: publishReport() }, cancel_publish: { ok: null } });
    await page.getByTestId("nav-publish").click();
    await expect.poll(() => page.getByTestId("publish-view").count()).toBe(1);
    await audit.check("publish");
    await page.getByTestId("publish-folder").fill("/srv/www/democracy");
    await page.evaluate(() => ((window as unknown as { __hold: string[] }).__hold = ["publish_site"]));
    await page.getByTestId("publish-start").click();
    await expect.poll(async () => (await calls(page, "publish_site")).length).toBe(1);
    await page.evaluate(() => {
      const w = window as unknown as { __calls: { cmd: string; args: { onProgress: { id: number } } }[]; __callbacks: ((m: unknown) => void)[] };
      const call = w.__calls.filter((c) => c.cmd === "publish_site").at(-1);
      if (call) w.__callbacks[call.args.onProgress.id]({ message: { done: 4, total: 12, step: "meetings" }, index: 0 });
    });
    await expect.poll(() => page.getByTestId("publish-step").innerText()).toMatch(/4/);
    await audit.check("publish, in progress");
    await page.evaluate(() => (window as unknown as { __release: Record<string, () => void> }).__release.publish_site());
    await expect.poll(() => page.getByTestId("publish-result").count()).toBe(1);
    await audit.check("publish, done");
    await page.close();

    const refused = await start(language, { publish_site: { err: { code: "invalid", message: "Folder: /tmp is a file, not a folder: choose a folder for the site" } } });
    await refused.page.getByTestId("nav-publish").click();
    await refused.page.getByTestId("publish-start").click();
    await expect.poll(() => refused.page.getByTestId("publish-error").count()).toBe(1);
    await refused.audit.check("publish, refused");
    audit.problems.push(...refused.audit.problems);
    audit.done();
    await refused.page.close();
  });

  it("the first start: the choice, and setting up a council with a refusal", async () => {
    const { page, audit } = await start(language, {
      start_state: { ok: { council_open: false, database_path: FIRST_START_DB } },
      create_council: { err: { code: "invalid", message: "Member 2's name: must not be empty" } },
    });
    await expect.poll(() => page.getByTestId("first-start").count()).toBe(1);
    await audit.check("first start");
    await page.getByTestId("start-new").click();
    await page.getByTestId("start-name-en").fill("Glan-yr-Afon County Council");
    await page.getByTestId("start-member-name").fill("Mrs. S. Rees");
    await page.getByTestId("start-member-add").click();
    await page.getByTestId("start-member-add").click(); // a blank name: the hint
    await expect.poll(() => page.getByTestId("start-member-hint").count()).toBe(1);
    await audit.check("first start, setting up a council");
    await page.getByTestId("start-finish").click();
    await expect.poll(() => page.getByTestId("start-error").count()).toBe(1);
    await audit.check("first start, a refusal");
    audit.done();
    await page.close();
  });
});

describe("names a screen reader can use", () => {
  /** The accessible names of the buttons (or other role) in `within`, in order. */
  const names = (page: Page, role: "button" | "textbox" | "combobox", within: string) =>
    page.locator(within).getByRole(role).evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? (e.textContent ?? "").trim()));

  it("names each agenda item's buttons with its number and title, in English and Welsh, and the list is no listbox", async () => {
    const { page } = await start("en", { meeting_record: { ok: planned() } });
    await page.getByTestId("open-meeting").click();
    await expect.poll(() => page.getByTestId("agenda-item-title").count()).toBe(3);
    for (const name of [
      "Move item 3, Library Strategy, up", "Edit item 3, Library Strategy", "Remove item 3, Library Strategy",
      "Attach report to item 2, Contract award: home care", "Move item 1, CSSIW Annual Performance Evaluation, down",
    ]) expect(await page.getByRole("button", { name, exact: true }).count(), name).toBe(1);
    expect(await page.getByRole("listbox").count()).toBe(0);
    expect(await page.getByTestId("agenda-list").getByRole("option").count()).toBe(0);
    // Each item a list item named by its number and title, its shortcuts its description.
    const item = page.getByRole("listitem", { name: "3. Library Strategy (REF)" });
    expect(await item.count()).toBe(1);
    expect(await item.getAttribute("aria-describedby")).toBe("agenda-shortcuts");
    // Its buttons are found by their name, and act on their item.
    await page.getByRole("button", { name: "Edit item 2, Contract award: home care" }).click();
    await expect.poll(() => page.getByTestId("agenda-title").inputValue()).toBe("Contract award: home care");
    await page.close();

    const welsh = await start("cy", { meeting_record: { ok: planned() } });
    await welsh.page.getByTestId("open-meeting").click();
    await expect.poll(() => welsh.page.getByTestId("agenda-item-title").count()).toBe(3);
    for (const name of [
      "Symud eitem 3, Strategaeth Llyfrgelloedd, i fyny", `Golygu eitem 1, ${WELSH_TITLE}`, "Dileu eitem 3, Strategaeth Llyfrgelloedd",
    ]) expect(await welsh.page.getByRole("button", { name, exact: true }).count(), name).toBe(1);
    await welsh.page.close();
  });

  it("names the minutes' block and limb controls with the minute, and each limb's box by its resolution and number", async () => {
    const { page } = await start("en", { meeting_record: { ok: minuted() }, meeting_quorum: lostQuorum });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-minutes").click();
    await expect.poll(() => page.getByTestId("limb").count()).toBe(2);
    expect(await page.getByRole("textbox", { name: "Resolution 678, limb (1)", exact: true }).count()).toBe(1);
    expect(await page.getByRole("textbox", { name: "Resolution 678, limb (2)", exact: true }).count()).toBe(1);
    expect(await page.getByRole("textbox", { name: "paragraph 2 of minute 678", exact: true }).inputValue()).toBe("Members discussed waiting times.");
    for (const name of [
      "Move paragraph 1 of minute 678 down", "Delete paragraph 2 of minute 678", "Move question 1 of minute 678 up",
      "Move limb (2) of minute 678 up", "Delete limb (1) of minute 678", "Refer limb (2) of minute 678",
    ]) expect(await page.getByRole("button", { name, exact: true }).count(), name).toBe(1);
    expect(await page.getByRole("combobox", { name: "Keyword of limb (2) of minute 678", exact: true }).count()).toBe(1);
    // No two buttons of the minute's editor share a name.
    const all = await names(page, "button", "section.editor");
    expect(all.filter((n, i) => all.indexOf(n) !== i)).toEqual([]);
    await page.close();

    const welsh = await start("cy", { meeting_record: { ok: minuted() }, meeting_quorum: lostQuorum });
    await welsh.page.getByTestId("open-meeting").click();
    await welsh.page.getByTestId("tab-minutes").click();
    await expect.poll(() => welsh.page.getByTestId("limb").count()).toBe(2);
    expect(await welsh.page.getByRole("textbox", { name: "Penderfyniad 678, cymal (2)", exact: true }).count()).toBe(1);
    expect(await welsh.page.getByRole("button", { name: "Dileu paragraff 1 o gofnod 678", exact: true }).count()).toBe(1);
    expect(await welsh.page.getByRole("button", { name: "Symud cymal (1) o gofnod 678 i lawr", exact: true }).count()).toBe(1);
    await welsh.page.close();
  });

  it("names set-up's, the working days', the attendance's and the referrals' repeated buttons with what they act on", async () => {
    const year: Commands["calendar_year"]["result"] = {
      year: 2026, bank_holidays: [],
      days: [{ day: "2026-12-29", kind: "closed", name: "Christmas closure" }, { day: "2026-12-30", kind: "closed", name: "Christmas closure" }],
    };
    const { page } = await start("en", {
      sequences: { ok: [] }, memberships: { ok: record().memberships }, calendar_year: { ok: year },
    });
    await page.getByTestId("nav-setup").click();
    await expect.poll(() => page.getByTestId("person-row").count()).toBe(2);
    await expect.poll(() => page.getByTestId("authority-day").count()).toBe(2);
    for (const name of [
      "Edit: Cabinet", "Edit: Scrutiny Committee (Social Care and Health)", "Edit: Councillor R.J. Bertin", "Retire: Councillor Mrs. A.J. Moore",
      "Remove: Wednesday 30 December 2026",
    ]) expect(await page.getByRole("button", { name, exact: true }).count(), name).toBe(1);
    expect(await page.getByTestId("members").getByRole("button", { name: /^Correct: Councillor R\.J\. Bertin, / }).count()).toBe(1);
    await page.close();

    const rec = record();
    rec.attendance = [present("a1", ids.chair), present("a2", ids.member)];
    rec.declarations = [
      { id: "d1", meeting_id: ids.meeting, person_id: ids.member, agenda_item_id: null, kind: "personal", nature: "Governor", action: "remained", dispensation: "" },
      { id: "d2", meeting_id: ids.meeting, person_id: ids.chair, agenda_item_id: null, kind: "personal", nature: "Trustee", action: "remained", dispensation: "" },
    ];
    const meeting = await start("en", { meeting_record: { ok: rec } });
    await meeting.page.getByTestId("open-meeting").click();
    await meeting.page.getByTestId("tab-attendance").click();
    await expect.poll(() => meeting.page.getByTestId("remove-declaration").count()).toBe(2);
    expect(await meeting.page.getByRole("button", { name: "Remove the declaration by Councillor R.J. Bertin", exact: true }).count()).toBe(1);
    expect(await meeting.page.getByRole("combobox", { name: "Arrived late: Councillor Mrs. A.J. Moore", exact: true }).count()).toBe(1);
    expect(await meeting.page.getByRole("combobox", { name: "Left early: Councillor R.J. Bertin", exact: true }).count()).toBe(1);
    await meeting.page.close();

    const later = referralChain({ id: "f2", sent_on: "2015-02-02" });
    const referrals = await start("en", {
      referrals_page: { ok: { items: [referralChain(), later], total: 2, offset: 0, overdue: 2, due_soon: 0 } },
    });
    await referrals.page.getByTestId("nav-referrals").click();
    await expect.poll(() => referrals.page.getByTestId("referral").count()).toBe(2);
    for (const name of ["Record the outcome: Cabinet, 5th January, 2015", "Schedule at a meeting: Cabinet, 2nd February, 2015"])
      expect(await referrals.page.getByRole("button", { name, exact: true }).count(), name).toBe(1);
    await referrals.page.close();
  });
});

describe("text in the other language, marked with its lang", () => {
  it("marks the council's English name in the Welsh sidebar, a Welsh-only item title in English, and a body named in English on a referral", async () => {
    const rec = planned();
    rec.agenda[2].title_en = "";
    const { page } = await start("cy", {
      authority: { ok: { ...record().authority, name_cy: "" } },
      meeting_record: { ok: rec },
    });
    await expect.poll(() => page.locator(".brand-sub").innerText()).toBe("Vale of Glamorgan Council");
    expect(await page.locator(".brand-sub").getAttribute("lang")).toBe("en");
    await page.close();

    const english = await start("en", { meeting_record: { ok: rec } });
    expect(await english.page.locator(".brand-sub").getAttribute("lang")).toBeNull();
    await english.page.getByTestId("open-meeting").click();
    await expect.poll(() => english.page.getByTestId("agenda-item-title").nth(2).innerText()).toBe("Strategaeth Llyfrgelloedd (REF)");
    expect(await english.page.getByTestId("agenda-item-title").nth(2).getAttribute("lang")).toBe("cy");
    await english.page.close();

    const considered = referralChain({ status: "considered", outcome: "accepted", target_meeting_id: ids.meeting });
    const referrals = await start("cy", {
      referrals_page: {
        ok: {
          items: [{ ...considered, target_meeting: { id: ids.meeting, body_name: "Audit Committee", body_name_cy: "", date: "2015-02-09" } }],
          total: 1, offset: 0, overdue: 0, due_soon: 0,
        },
      },
    });
    await referrals.page.getByTestId("nav-referrals").click();
    const link = referrals.page.getByTestId("referral").getByRole("button", { name: /Audit Committee/ });
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.locator("[lang=en]").innerText()).toBe("Audit Committee");
    await referrals.page.close();
  });
});
