// The screens in Chromium, with the Rust side replaced by canned answers: breadth and error
// states. The real app is driven end to end in tests/e2e at the top of the repository.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { ApiError } from "../src/lib/ipc/bindings/ApiError";
import type { DocumentInfo } from "../src/lib/ipc/bindings/DocumentInfo";
import type { MeetingRecord } from "../src/lib/ipc/bindings/MeetingRecord";
import type { RegisterHit } from "../src/lib/ipc/bindings/RegisterHit";
import type { ResolutionPage } from "../src/lib/ipc/bindings/ResolutionPage";
import type { MeetingSummary } from "../src/lib/ipc/bindings/MeetingSummary";
import type { NoticeDue } from "../src/lib/ipc/bindings/NoticeDue";
import type { MeetingQuery } from "../src/lib/ipc/bindings/MeetingQuery";
import { ids, noticesDue, record, summary, welshBody } from "./fixtures";
import { englishLeft } from "./english-left";
import type { Commands } from "../src/lib/ipc/commands";
import { calls, open, useBrowser, type Fixture } from "./harness";

useBrowser();

describe("the check of the record at start", () => {
  it("names each break when the record was changed outside Cofnod, and says what to do", async () => {
    const problems = Array.from({ length: 7 }, (_, i) =>
      i === 0
        ? "Scrutiny Committee (Social Care and Health) meeting of 2014-12-01: resolution row 3f2a: the row differs from the signed copy"
        : `schema row trigger_${i}: the trigger trigger_${i} is missing`,
    );
    const { page } = await open({ record_check: { ok: { done: true, problems, audit_entries: 40, signed_minutes: 1, error: null } } });
    const banner = page.getByTestId("record-check");
    await expect.poll(() => banner.innerText()).toContain("The record has been changed outside Cofnod.");
    expect(await banner.innerText()).toContain("7 problems were found");
    expect(await banner.innerText()).toContain("restore a backup taken before the change");
    expect(await page.getByTestId("record-problem").allInnerTexts()).toEqual(problems.slice(0, 5));
    await banner.getByRole("button", { name: "Show all 7" }).click();
    expect(await page.getByTestId("record-problem").allInnerTexts()).toEqual(problems);
    await page.close();
  });

  it("shows nothing when the record verifies", async () => {
    const { page } = await open({});
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    await expect.poll(async () => (await calls(page, "record_check")).length).toBeGreaterThan(0);
    expect(await page.getByTestId("record-check").count()).toBe(0);
    await page.close();
  });
});

describe("meetings", () => {
  it("lists meetings with their committee, date and status", async () => {
    const { page } = await open({});
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    const row = await page.locator("tbody tr").innerText();
    expect(row).toContain("Monday 5 January 2015");
    expect(row).toContain("Scrutiny Committee (Social Care and Health)");
    expect(row).toContain("Drafting");
    expect(row).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/); // no raw ids on screen
    await page.close();
  });

  it("explains an empty list", async () => {
    const { page } = await open({ meetings: { items: [] } });
    await expect.poll(() => page.locator(".empty").innerText()).toContain("No meetings yet");
    await page.close();
  });

  it("shows the store's message when the list cannot be read", async () => {
    const { page } = await open({ meetings_page: { err: { code: "storage", message: "The database is locked by another program." } } });
    await expect.poll(() => page.getByRole("alert").first().innerText()).toContain("locked by another program");
    await page.close();
  });

  it("shows a refused meeting's reason beside the form", async () => {
    const { page } = await open({ add_meeting: { err: { code: "invalid", message: "Date: 2015-02-30 is not a date" } } });
    await page.getByTestId("new-meeting").click();
    await page.getByTestId("meeting-create").click();
    await expect.poll(() => page.getByTestId("meeting-error").innerText()).toContain("is not a date");
    await page.close();
  });
});

describe("meetings on a twenty-year archive", () => {
  // Two meetings to come and six thousand past ones: the screen draws a page of each, no more.
  const soon = (id: string, date: string): MeetingSummary => ({ ...summary(), id, date, status: "scheduled", minutes_status: "drafting", item_count: 0 });
  const archive: Fixture = {
    meetings: {
      items: [soon("u0000000-0000-7000-8000-000000000002", "2026-12-14"), soon("u0000000-0000-7000-8000-000000000001", "2026-12-07")],
      archive: 6000,
      today: "2026-11-27",
    },
  };
  type Query = { query: MeetingQuery };
  const lastQuery = async (page: Page) => ((await calls(page, "meetings_page")).at(-1)?.args as Query).query;

  it("opens on the meetings to come and the most recent, a page each, and pages by keyboard", async () => {
    const { page } = await open(archive);
    const upcoming = page.getByTestId("meetings-upcoming");
    const recent = page.getByTestId("meetings-recent");
    await expect.poll(() => recent.getByTestId("open-meeting").count()).toBe(30);
    expect(await upcoming.locator("h2").innerText()).toBe("Upcoming meetings");
    expect(await recent.locator("h2").innerText()).toBe("Recent meetings");
    expect(await upcoming.getByTestId("open-meeting").allInnerTexts()).toEqual(["Monday 7 December 2026", "Monday 14 December 2026"]);
    expect(await recent.getByTestId("open-meeting").first().innerText()).toBe("Sunday 1 November 2026");
    expect(await page.getByTestId("open-meeting").count(), "at most a page of each list is drawn").toBe(32);
    expect(await page.getByTestId("meetings-recent-pager-showing").innerText()).toBe("Showing 1–30 of 6,000");
    expect(await upcoming.getByTestId("meetings-upcoming-pager").count(), "two meetings fit on one page").toBe(0);
    const asked = (await calls(page, "meetings_page")).map((c) => (c.args as Query).query);
    expect(asked).toContainEqual(expect.objectContaining({ time: "upcoming", offset: 0, limit: 20, text: "", body_id: null }));
    expect(asked).toContainEqual(expect.objectContaining({ time: "past", offset: 0, limit: 30, text: "", body_id: null }));
    expect(await page.getByTestId("meetings-recent-pager-previous").isDisabled()).toBe(true);

    // Next by keyboard: the second page, and the keyboard on its first meeting; Enter opens it.
    await page.getByTestId("meetings-recent-pager-next").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("meetings-recent-pager-showing").innerText()).toBe("Showing 31–60 of 6,000");
    expect(await lastQuery(page)).toMatchObject({ time: "past", offset: 30, limit: 30 });
    expect(await recent.getByTestId("open-meeting").count()).toBe(30);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Friday 2 October 2026");
    await page.getByTestId("meetings-recent-pager-previous").focus();
    await page.keyboard.press("Space");
    await expect.poll(() => page.getByTestId("meetings-recent-pager-showing").innerText()).toBe("Showing 1–30 of 6,000");
    await page.getByTestId("meetings-recent-pager-next").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Friday 2 October 2026");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await calls(page, "meeting_record")).at(-1)?.args).toEqual({ meetingId: "a0000030-0000-7000-8000-000000000000" });
    await page.close();
  });

  it("searches and filters in the store, a page of results at a time", async () => {
    const { page } = await open(archive);
    await expect.poll(() => page.getByTestId("open-meeting").count()).toBe(32);
    await page.getByTestId("meetings-search").fill("cabinet");
    await expect.poll(() => page.getByTestId("meetings-results").locator("h2").innerText()).toBe("Meetings found");
    await expect.poll(() => lastQuery(page)).toMatchObject({ text: "cabinet", time: "all", offset: 0, limit: 50 });
    await expect.poll(() => page.getByTestId("meetings-results-pager-showing").innerText()).toBe("Showing 1–50 of 3,000");
    expect(await page.getByTestId("open-meeting").count()).toBe(50);
    expect(await page.getByTestId("meetings-upcoming").count()).toBe(0);
    // The committee, the dates and the minutes' stage go to the store with the words.
    await page.getByTestId("meetings-search").fill("");
    await page.getByTestId("meetings-committee").selectOption({ label: "Scrutiny Committee (Social Care and Health)" });
    await expect.poll(async () => (await lastQuery(page)).body_id).toBe(ids.body);
    await page.getByTestId("meetings-from").fill("1/9/2026");
    await page.getByTestId("meetings-from").press("Tab");
    await page.getByTestId("meetings-to").fill("30th September, 2026");
    await page.getByTestId("meetings-to").press("Tab");
    await page.getByTestId("meetings-minutes-status").selectOption("signed");
    await expect.poll(() => lastQuery(page)).toMatchObject({
      text: "", body_id: ids.body, from: "2026-09-01", to: "2026-09-30", minutes_status: "signed", time: "all", offset: 0,
    });
    await expect.poll(() => page.getByTestId("open-meeting").count()).toBe(15);
    expect(await page.getByTestId("meetings-results-pager").count(), "fifteen fit on a page").toBe(0);
    await page.getByTestId("meetings-minutes-status").selectOption("drafting");
    await expect.poll(() => page.getByTestId("meetings-results-none").innerText()).toBe("No meetings match this search.");
    await page.getByTestId("meetings-clear").click();
    await expect.poll(() => page.getByTestId("open-meeting").count()).toBe(32);
    expect(await page.getByTestId("meetings-search").inputValue()).toBe("");
    await page.close();
  });

  it("says the same in Welsh", async () => {
    const { page } = await openInWelsh(archive);
    const recent = page.getByTestId("meetings-recent");
    await expect.poll(() => recent.locator("h2").innerText()).toBe("Cyfarfodydd diweddar");
    expect(await page.getByTestId("meetings-upcoming").locator("h2").innerText()).toBe("Cyfarfodydd i ddod");
    expect(await page.getByTestId("meetings-recent-pager-showing").innerText()).toBe("Yn dangos 1–30 o 6,000");
    expect(await page.getByTestId("meetings-recent-pager-next").innerText()).toBe("Nesaf");
    expect(await page.getByTestId("meetings-recent-pager-next").getAttribute("aria-label")).toBe("Y dudalen nesaf: Cyfarfodydd diweddar");
    expect(await page.getByTestId("meetings-search").getAttribute("placeholder")).toBe("Pwyllgor, lleoliad, eitem ar yr agenda neu ddyddiad");
    expect(await page.getByTestId("open-meeting").count()).toBe(32);
    await page.getByTestId("meetings-recent-pager-next").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("meetings-recent-pager-showing").innerText()).toBe("Yn dangos 31–60 o 6,000");
    await page.getByTestId("meetings-search").fill("2026-09");
    await expect.poll(() => page.getByTestId("meetings-results").locator("h2").innerText()).toBe("Cyfarfodydd a ganfuwyd");
    await expect.poll(() => page.getByTestId("open-meeting").count()).toBe(30);
    await page.getByTestId("meetings-search").fill("dim byd o gwbl");
    await expect.poll(() => page.getByTestId("meetings-results-none").innerText()).toBe("Does dim cyfarfodydd yn cyfateb i'r chwiliad hwn.");
    await noEnglish(page, "main");
    await page.close();
  });

  it("shows the most urgent notices of decisions and how many more there are", async () => {
    const due: NoticeDue = {
      meeting_id: ids.meeting, body_name: "Cabinet", date: "2026-11-02", due: "2026-11-11", published_on: null, state: "overdue", working_days_left: 0,
    };
    const items = Array.from({ length: 10 }, (_, i) => ({ ...due, meeting_id: `x${i}` }));
    const { page } = await open({ ...archive, notices_attention: { ok: { items, total: 5987 } } });
    await expect.poll(() => page.getByTestId("notice-attention-item").count()).toBe(10);
    expect(await page.getByTestId("notices-attention-more").innerText()).toBe("The 10 most urgent of 5,987.");
    expect((await calls(page, "notices_attention"))[0].args).toEqual({ limit: 10 });
    await page.close();
  });
});

describe("minuting", () => {
  async function openMinutes(fixture: Fixture) {
    const opened = await open(fixture);
    await opened.page.getByTestId("open-meeting").click();
    await opened.page.getByTestId("tab-minutes").click();
    return opened;
  }

  it("shows hostile text as text, never as markup", async () => {
    const hostile = "<img src=x onerror=alert(1)> <script>alert(2)</script>";
    const { page, dialogs } = await openMinutes({ meeting_record: { ok: record({ heading: hostile, text: hostile }) } });
    await expect.poll(() => page.getByTestId("narrative-text").inputValue()).toBe(hostile);
    expect(await page.getByTestId("minute-heading").innerText()).toContain("<IMG SRC=X ONERROR=ALERT(1)>");
    expect(await page.locator("main img, main script").count()).toBe(0);
    await page.getByTestId("tab-agenda").click();
    expect(await page.getByTestId("agenda-item-title").innerText()).toBe(hostile);
    expect(await page.locator("main img, main script").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it("saves typing within a second, without pressing save, and says so", async () => {
    const { page } = await openMinutes({});
    const box = page.getByTestId("narrative-text");
    await box.click();
    await box.press("End");
    await box.pressSequentially(" Members asked about waiting times.");
    const typedAt = Date.now();
    await expect.poll(async () => (await calls(page, "update_block")).length, { timeout: 1000 }).toBeGreaterThan(0);
    const saved = (await calls(page, "update_block")).at(-1) as { args: { blockId: string; content: { text: string } } };
    expect(Date.now() - typedAt).toBeLessThan(1000);
    expect(saved.args.blockId).toBe(ids.block);
    expect(saved.args.content.text).toBe("The Lead Inspector presented the evaluation. Members asked about waiting times.");
    await expect.poll(() => page.getByTestId("save-state").innerText()).toContain("All changes saved at");
    await page.close();
  });

  it("undoes a saved edit and redoes it", async () => {
    const { page } = await openMinutes({ meeting_record: { ok: record({ text: "First words." }) } });
    const box = page.getByTestId("narrative-text");
    await box.fill("Second words.");
    await expect.poll(async () => (await calls(page, "update_block")).length).toBe(1);
    await page.getByTestId("undo").click();
    await expect.poll(async () => (await calls(page, "update_block")).length).toBe(2);
    const undone = (await calls(page, "update_block"))[1] as { args: { content: { text: string } } };
    expect(undone.args.content.text).toBe("First words.");
    await page.getByTestId("redo").click();
    await expect.poll(async () => (await calls(page, "update_block")).length).toBe(3);
    const redone = (await calls(page, "update_block"))[2] as { args: { content: { text: string } } };
    expect(redone.args.content.text).toBe("Second words.");
    await page.close();
  });

  it("takes a public summary for a part 2 minute and saves it", async () => {
    const exempt = record();
    exempt.minutes[0].minute.exempt = true;
    const { page } = await openMinutes({ meeting_record: { ok: exempt }, set_public_summary: { ok: null } });
    await page.getByTestId("public-summary").fill("The Committee considered a contract award.");
    await expect.poll(async () => (await calls(page, "set_public_summary")).length).toBe(1);
    const call = (await calls(page, "set_public_summary"))[0] as { args: { minuteId: string; summary: string } };
    expect(call.args).toEqual({ minuteId: ids.minute, summary: "The Committee considered a contract award." });
    await page.close();
  });

  it("adds blocks from the keyboard and shows the shortcuts", async () => {
    const { page } = await openMinutes({});
    await page.getByTestId("narrative-text").click();
    await page.keyboard.press("Alt+q");
    await expect.poll(() => page.getByTestId("block-question").count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("asked-by");
    expect(await page.getByTestId("asked-by").inputValue()).toBe("A Committee Member");
    await page.keyboard.press("Alt+r");
    await expect.poll(() => page.getByTestId("limb").count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("limb-text");
    const bar = await page.locator(".toolbar").innerText();
    for (const k of ["Alt+N", "Alt+P", "Alt+Q", "Alt+R", "Alt+↑", "Ctrl+Z"]) expect(bar).toContain(k);
    await page.close();
  });

  it("deletes a paragraph, and undo puts it back in its place", async () => {
    const again = "k0000000-0000-7000-8000-000000000002";
    const { page } = await openMinutes({
      remove_block: { ok: null },
      add_block: { ok: { id: again, minute_id: ids.minute, position: 2, content: { kind: "narrative", text: "The Lead Inspector presented the evaluation." } } },
      move_block: { ok: null },
    });
    await page.getByRole("button", { name: "Delete paragraph 1 of minute 678" }).click();
    await expect.poll(async () => (await calls(page, "remove_block")).map((c) => c.args)).toEqual([{ blockId: ids.block }]);
    await page.getByTestId("undo").click();
    await expect.poll(async () => (await calls(page, "move_block")).map((c) => c.args)).toEqual([{ blockId: again, position: 1 }]);
    expect((await calls(page, "add_block")).map((c) => c.args)).toEqual([
      { minuteId: ids.minute, content: { kind: "narrative", text: "The Lead Inspector presented the evaluation." } },
    ]);
    await page.close();
  });

  it("creates a resolution limb when its words are typed, and undo removes it", async () => {
    const limb = "r0000000-0000-7000-8000-000000000001";
    const { page } = await openMinutes({
      add_resolution: {
        ok: { id: limb, minute_id: ids.minute, limb: 1, keyword: "recommended", text: "the report be noted", reason: "", conditional_on: null, vote: "", reason_not_needed: false },
      },
      remove_resolution: { ok: null },
    });
    await page.getByTestId("add-limb").click();
    await page.getByTestId("limb-text").fill("the report be noted");
    await expect.poll(async () => (await calls(page, "add_resolution")).length).toBe(1);
    const [added] = await calls(page, "add_resolution");
    expect(added.args).toMatchObject({ minuteId: ids.minute, resolution: { keyword: "recommended", text: "the report be noted" } });
    await expect.poll(() => page.getByTestId("save-state").innerText()).toContain("All changes saved at");
    await page.getByTestId("undo").click();
    await expect.poll(async () => (await calls(page, "remove_resolution")).map((c) => c.args)).toEqual([{ resolutionId: limb }]);
    await page.close();
  });

  it("gives a Cabinet limb its executive-decision fields and saves them", async () => {
    const rec = record();
    rec.body = { ...rec.bodies[0], id: ids.body };
    rec.minutes[0].resolutions = [
      { id: "r1", minute_id: ids.minute, limb: 1, keyword: "resolved", text: "the Library Strategy be approved", reason: "A sustainable service.", conditional_on: null, vote: "", reason_not_needed: false, approves_meeting_id: null },
    ];
    const { page } = await openMinutes({
      meeting_record: { ok: rec },
      executive_decision: { ok: null },
      set_executive_decision: {
        ok: {
          resolution_id: "r1", meeting_id: ids.meeting, key_decision: true, options_rejected: "None", consultation: "Twelve weeks",
          interests: "", published_on: "2015-01-06", call_in_ends: "2015-01-09", urgent: false, urgent_agreed_by: "", urgent_agreed_on: null,
        },
      },
    });
    await expect.poll(() => page.getByTestId("executive-missing").count()).toBe(1);
    await page.getByTestId("executive-key").check();
    await page.getByTestId("executive-options").fill("None");
    await page.getByTestId("executive-consultation").fill("Twelve weeks");
    await page.getByTestId("executive-save").click();
    await expect.poll(async () => (await calls(page, "set_executive_decision")).length).toBe(1);
    expect((await calls(page, "set_executive_decision"))[0].args).toMatchObject({
      resolutionId: "r1",
      decision: { key_decision: true, options_rejected: "None", consultation: "Twelve weeks", urgent: false, published_on: null },
    });
    await expect.poll(() => page.getByTestId("executive-window").innerText()).toContain("the call-in period ends at the end of 9th January, 2015");
    expect(await page.getByTestId("executive-missing").count()).toBe(0);
    await page.close();
  });

  it("offers the outcome of a call-in on the scrutiny minute of its item, concerns required to refer it on", async () => {
    const rec = record({ heading: "Call-in: Library Strategy (Cabinet minute C12)" });
    const callIn = {
      id: "c1", resolution_id: "r9", meeting_id: "m9", requested_on: "2014-12-20", grounds: "Not consulted.", status: "accepted" as const,
      decided_by: "Chair of Scrutiny", decided_on: "2014-12-22", rejection_reason: "", scrutiny_meeting_id: ids.meeting,
      agenda_item_id: ids.item, scrutiny_minute_id: null, outcome: null, concerns: "", referral_id: null, reconsidered_minute_id: null,
      members: [ids.chair, ids.member],
    };
    rec.called_in = [
      {
        call_in: callIn, minute_label: "C12", heading: "Library Strategy", limb: 1, keyword: "resolved",
        text: "the Library Strategy be approved", reason: "A sustainable service.", cabinet_date: "2014-12-18",
        members: [["Councillor", "Mrs. A.J. Moore"], ["Councillor", "R.J. Bertin"]],
      },
    ];
    const { page } = await openMinutes({
      meeting_record: { ok: rec },
      record_call_in_outcome: { ok: { ...callIn, status: "considered", outcome: "referred_back", concerns: "Rural branches", scrutiny_minute_id: ids.minute } },
    });
    await page.getByTestId("call-in-outcome-choice").selectOption("referred_back");
    await page.getByTestId("call-in-concerns").fill("Rural branches");
    await page.getByTestId("call-in-outcome-save").click();
    await expect.poll(async () => (await calls(page, "record_call_in_outcome")).length).toBe(1);
    expect((await calls(page, "record_call_in_outcome"))[0].args).toEqual({
      callInId: "c1",
      outcome: { outcome: "referred_back", minute_id: ids.minute, concerns: "Rural branches" },
    });
    await page.close();
  });

  it("keeps a refused change on screen with the reason beside it", async () => {
    const { page } = await openMinutes({
      update_block: { err: { code: "invalid", message: "Paragraph: must not be empty" } },
    });
    await page.getByTestId("narrative-text").fill("");
    await expect.poll(() => page.locator(".block .error").innerText()).toContain("must not be empty");
    await expect.poll(() => page.getByTestId("save-state").innerText()).toContain("Not saved");
    await page.close();
  });

  it("opens signed minutes read-only and says why", async () => {
    const { page } = await openMinutes({ meeting_record: { ok: record({ signed: true }) } });
    await expect.poll(() => page.getByTestId("signed-banner").innerText()).toContain("cannot be changed");
    expect(await page.getByTestId("signed-banner").innerText()).toContain("signed by Councillor Mrs. A.J. Moore on 2nd February, 2015");
    expect(await page.getByTestId("narrative-text").getAttribute("readonly")).not.toBeNull();
    expect(await page.getByTestId("add-paragraph").isDisabled()).toBe(true);
    await page.close();
  });
});

describe("agenda", () => {
  it("refuses a report that is not a PDF with the reason next to the item", async () => {
    const { page } = await open({
      meeting_record: { ok: { ...record(), meeting: { ...record().meeting, status: "scheduled" } } },
      attach_report: { err: { code: "invalid", message: "notes.docx is not a PDF: it does not start with %PDF-" } },
    });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("attach-report").click();
    await expect.poll(() => page.locator("[data-testid=agenda-list] li").first().innerText()).toContain("is not a PDF");
    await page.close();
  });

  it("edits an item in place, and undo puts the old title back", async () => {
    const scheduled = { ...record(), meeting: { ...record().meeting, status: "scheduled" as const } };
    const { page } = await open({
      meeting_record: { ok: scheduled },
      update_agenda_item: { ok: scheduled.agenda[0] },
    });
    await page.getByTestId("open-meeting").click();
    await page.locator("[data-testid=agenda-list] li").first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("agenda-title").inputValue()).toBe("CSSIW Annual Performance Evaluation");
    expect(await page.getByRole("heading", { name: "Edit item 1" }).count()).toBe(1);
    await page.getByTestId("agenda-title").fill("CSSIW Annual Performance Evaluation 2013-14");
    await page.getByTestId("agenda-save").click();
    await expect.poll(async () => (await calls(page, "update_agenda_item")).length).toBe(1);
    const [saved] = await calls(page, "update_agenda_item");
    expect(saved.args).toMatchObject({ itemId: ids.item, item: { title_en: "CSSIW Annual Performance Evaluation 2013-14" } });
    // Focus is back on the item; Ctrl+Z outside a text box undoes the edit.
    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await calls(page, "update_agenda_item")).length).toBe(2);
    const undo = (await calls(page, "update_agenda_item"))[1];
    expect(undo.args).toMatchObject({ item: { title_en: "CSSIW Annual Performance Evaluation" } });
    await page.close();
  });

  it("asks before removing an item, and shows why a removal is refused", async () => {
    const scheduled = { ...record(), meeting: { ...record().meeting, status: "scheduled" as const } };
    const { page } = await open({
      meeting_record: { ok: scheduled },
      remove_agenda_item: { err: { code: "conflict", message: "the agenda item cannot be removed: it has a minute; delete the minute first" } },
    });
    await page.getByTestId("open-meeting").click();
    await page.locator("[data-testid=agenda-list] li").first().focus();
    await page.keyboard.press("Alt+Delete");
    await expect.poll(() => page.getByTestId("confirm-remove").isVisible()).toBe(true);
    expect(await calls(page, "remove_agenda_item")).toHaveLength(0);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("item-error").innerText()).toContain("it has a minute");
    await page.close();
  });
});

describe("agenda pack", () => {
  const doc = (id: string, title: string, pages: number): DocumentInfo => ({
    id, agenda_item_id: ids.item, title, kind: "report",
    position: 1, page_count: pages, sha256: "", size_bytes: 1000,
  });
  const issuedRecord = (): MeetingRecord => ({
    ...record(),
    documents: [doc("d1", "Report of the Director", 3), doc("d2", "Late letter", 2)],
    pack_issues: [{
      id: "pi1", meeting_id: ids.meeting, number: 0, issued_on: "2014-12-24", first_page: 1, last_page: 5,
      documents: [{ document_id: "d1", first_page: 3, last_page: 5 }],
    }],
  });

  it("offers to issue a pack not yet issued, and asks the store to record it", async () => {
    const { page } = await open({ print_agenda_pack: { ok: "/tmp/x agenda pack.pdf" } });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-approval").click();
    await expect.poll(() => page.getByTestId("pack-not-issued").innerText()).toContain("Not issued yet");
    await page.getByTestId("issue-pack").click();
    await expect.poll(async () => (await calls(page, "print_agenda_pack")).length).toBe(1);
    const [call] = await calls(page, "print_agenda_pack");
    expect(call.args).toMatchObject({ request: { meeting_id: ids.meeting, welsh: false, confidential: false, action: "issue" } });
    await expect.poll(() => page.getByTestId("pack-saved").innerText()).toContain("agenda pack");
    await page.close();
  });

  it("shows the audit log newest first, fifty entries at a time, with older ones on asking", async () => {
    const { page } = await open({ auditEntries: 120 });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-approval").click();
    await expect.poll(() => page.getByTestId("audit-entry").count()).toBe(50);
    expect(await page.getByTestId("audit-count").innerText()).toBe("The newest 50 of 120 changes.");
    expect((await calls(page, "audit_page"))[0].args).toEqual({ meetingId: ids.meeting, query: { before: null, limit: 50 } });
    await page.getByTestId("audit-older").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("audit-entry").count()).toBe(100);
    expect((await calls(page, "audit_page")).at(-1)?.args).toEqual({ meetingId: ids.meeting, query: { before: 71, limit: 50 } });
    await page.getByTestId("audit-older").click();
    await expect.poll(() => page.getByTestId("audit-entry").count()).toBe(120);
    expect(await page.getByTestId("audit-older").count(), "nothing older remains").toBe(0);
    await page.close();
  });

  it("shows what was issued, where each report went, and a supplement for the late one", async () => {
    const { page } = await open({
      meeting_record: { ok: issuedRecord() },
      print_agenda_pack: { err: { code: "conflict", message: "no report or appendix has been attached since the last pack was issued" } },
    });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-agenda").click();
    const chips = page.getByTestId("document-chip");
    await expect.poll(() => chips.nth(0).innerText()).toContain("Report of the Director · 3 pages · pack pages 3 – 5");
    expect(await chips.nth(1).innerText()).toContain("Late letter · 2 pages · not yet issued");
    await page.getByTestId("tab-approval").click();
    expect(await page.getByTestId("pack-issued").innerText()).toContain("Issued on 24th December, 2014: pages 1 – 5");
    expect(await page.getByTestId("issue-pack").count()).toBe(0);
    const due = await page.getByTestId("supplement-due").innerText();
    expect(due).toContain("1 report has been attached since the pack was issued: Late letter");
    expect(due).toContain("numbered on from page 6");
    await page.getByTestId("issue-supplement").click();
    await expect.poll(async () => (await calls(page, "print_agenda_pack")).length).toBe(1);
    expect((await calls(page, "print_agenda_pack"))[0].args).toMatchObject({ request: { action: "supplement" } });
    // The store's refusal is shown as it is.
    await expect.poll(() => page.getByTestId("pack-error").innerText()).toContain("no report or appendix has been attached");
    await page.close();
  });
});

describe("meeting details", () => {
  it("corrects the venue and time, and shows a refusal beside the form", async () => {
    const { page } = await open({
      update_meeting: { err: { code: "invalid", message: "Joining details: a hybrid or remote meeting must say how to join it" } },
    });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("edit-meeting").click();
    expect(await page.getByTestId("meeting-venue").inputValue()).toBe("Civic Offices, Barry");
    expect(await page.getByTestId("meeting-time").inputValue()).toBe("10:00");
    await page.getByTestId("meeting-mode").selectOption("remote");
    await page.getByTestId("meeting-save").click();
    await expect.poll(() => page.getByTestId("meeting-error").innerText()).toContain("must say how to join");
    const [call] = await calls(page, "update_meeting");
    expect(call.args).toMatchObject({ meetingId: ids.meeting, meeting: { mode: "remote", venue: "Civic Offices, Barry", start_time: "10:00" } });
    await page.close();
  });
});

describe("attendance", () => {
  it("records someone as present for the ticked agenda items only", async () => {
    const present: MeetingRecord = {
      ...record(),
      attendance: [
        {
          id: "a1", meeting_id: ids.meeting, person_id: ids.member, status: "present", substitute_for: null,
          mode: "room", capacity: null, arrived_at_item: null, left_at_item: null, for_items: [],
        },
      ],
    };
    const { page } = await open({ meeting_record: { ok: present }, record_attendance: { ok: present.attendance[0] } });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-attendance").click();
    const forItems = page.getByTestId("for-items");
    await expect.poll(() => forItems.innerText()).toContain("Whole meeting");
    await forItems.locator("summary").click();
    await forItems.getByTestId("for-item").check();
    await expect.poll(async () => (await calls(page, "record_attendance")).length).toBe(1);
    expect((await calls(page, "record_attendance"))[0].args).toMatchObject({
      meetingId: ids.meeting,
      attendance: { person_id: ids.member, status: "present", for_items: [ids.item] },
    });
    await page.close();
  });

  it("removes a declaration entered by mistake", async () => {
    const withDecl: MeetingRecord = {
      ...record(),
      declarations: [
        { id: "d1", meeting_id: ids.meeting, person_id: ids.member, agenda_item_id: null, kind: "personal", nature: "Governor of a school", action: "remained", dispensation: "" },
      ],
    };
    const { page } = await open({ meeting_record: { ok: withDecl }, remove_declaration: { ok: null } });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-attendance").click();
    await expect.poll(() => page.getByTestId("declarations").innerText()).toContain("Governor of a school");
    await page.getByTestId("remove-declaration").click();
    await expect.poll(async () => (await calls(page, "remove_declaration")).length).toBe(1);
    expect((await calls(page, "remove_declaration"))[0].args).toEqual({ declarationId: "d1" });
    await page.close();
  });
});

describe("votes, dispensations and quorum", () => {
  /** The record with members present and a limb on the minute. */
  function voting(): MeetingRecord {
    const rec = record();
    const present = (id: string, person: string, capacity: "chair" | null) => ({
      id, meeting_id: ids.meeting, person_id: person, status: "present" as const, substitute_for: null,
      mode: "room" as const, capacity, arrived_at_item: null, left_at_item: null, for_items: [],
    });
    rec.attendance = [present("a1", ids.chair, "chair"), present("a2", ids.member, null)];
    rec.minutes[0].resolutions = [
      {
        id: "r1", minute_id: ids.minute, limb: 1, keyword: "recommended", text: "the report be noted.", reason: "To inform.",
        conditional_on: null, vote: "", reason_not_needed: false, approves_meeting_id: null,
      },
    ];
    return rec;
  }
  const quorum = (present: number, lost: boolean) => ({
    ok: {
      quorum: 3, attendance_recorded: true, first_inquorate: present < 3 ? ids.item : null,
      items: [{ agenda_item_id: ids.item, position: 1, present, quorate: present >= 3, lost_here: lost, voters: [ids.member, ids.chair] }],
    },
  });
  async function openMinutes(fixture: Fixture) {
    const opened = await open(fixture);
    await opened.page.getByTestId("open-meeting").click();
    await opened.page.getByTestId("tab-minutes").click();
    return opened;
  }

  it("shows whether the item being minuted is quorate", async () => {
    const { page } = await openMinutes({ meeting_record: { ok: voting() }, meeting_quorum: quorum(5, false) });
    await expect.poll(() => page.getByTestId("quorum").innerText()).toBe("Quorate (5 of quorum 3)");
    expect(await page.getByTestId("quorum-lost").count()).toBe(0);
    await page.close();
  });

  it("asks the clerk to minute a loss of quorum and records a note that lets a limb in", async () => {
    const { page } = await openMinutes({
      meeting_record: { ok: voting() },
      meeting_quorum: quorum(2, true),
      add_block: { ok: { id: "k2", minute_id: ids.minute, position: 2, content: { kind: "narrative", text: "" } } },
      set_quorum_note: { ok: null },
    });
    await expect.poll(() => page.getByTestId("quorum").innerText()).toBe("Inquorate: 2 present, quorum 3");
    await page.getByTestId("quorum-time").fill("11.40 am");
    await expect.poll(() => page.getByTestId("quorum-closed").innerText()).toBe("The meeting was inquorate and closed at 11.40 am.");
    await page.getByTestId("quorum-adjourned").click();
    await expect.poll(async () => (await calls(page, "add_block")).length).toBe(1);
    expect((await calls(page, "add_block"))[0].args).toEqual({
      minuteId: ids.minute,
      content: { kind: "narrative", text: "The meeting was inquorate and was adjourned at 11.40 am." },
    });
    await page.getByTestId("quorum-welsh").check();
    await expect.poll(() => page.getByTestId("quorum-closed").innerText()).toBe("Nid oedd cworwm yn y cyfarfod, a daeth i ben am 11.40 am.");
    await page.getByTestId("quorum-note").fill("The Committee agreed to note the item only.");
    await page.getByTestId("quorum-note-save").click();
    await expect.poll(async () => (await calls(page, "set_quorum_note")).length).toBe(1);
    expect((await calls(page, "set_quorum_note"))[0].args).toEqual({ minuteId: ids.minute, note: "The Committee agreed to note the item only." });
    await page.close();
  });

  it("records a recorded vote from the members present and shows the store's refusal naming the member", async () => {
    const refusal = "Councillor R.J. Bertin declared a prejudicial interest in item 1 (CSSIW Annual Performance Evaluation) and has no dispensation to vote in force on the meeting's date, so cannot vote on it";
    const { page } = await openMinutes({
      meeting_record: { ok: voting() },
      meeting_quorum: quorum(2, false),
      set_vote: { err: { code: "conflict", message: refusal } },
    });
    await page.getByTestId("vote-edit").click();
    await page.getByTestId("vote-method").selectOption("recorded");
    await page.getByTestId("vote-requested-by").selectOption({ label: "Councillor R.J. Bertin" });
    const members = page.getByTestId("vote-member");
    expect(await members.count()).toBe(2);
    await page.locator("[data-testid=vote-member][data-person='Councillor R.J. Bertin']").selectOption("for");
    await page.locator("[data-testid=vote-member][data-person='Councillor Mrs. A.J. Moore']").selectOption("against");
    await expect.poll(() => page.getByTestId("vote-tally").innerText()).toBe("For 1, against 1, abstentions 0");
    await page.getByTestId("vote-casting").selectOption("for");
    await page.getByTestId("vote-save").click();
    await expect.poll(() => page.getByTestId("vote-error").innerText()).toBe(refusal);
    expect((await calls(page, "set_vote"))[0].args).toEqual({
      resolutionId: "r1",
      vote: {
        method: "recorded", votes_for: 1, votes_against: 1, abstentions: 0, casting: "for", casting_by: ids.chair,
        requested_by: ids.member,
        members: [
          { person_id: ids.member, choice: "for" },
          { person_id: ids.chair, choice: "against" },
        ],
      },
    });
    await page.close();
  });

  it("records a dispensation on a prejudicial interest and shows its warning", async () => {
    const rec: MeetingRecord = {
      ...record(),
      declarations: [
        { id: "d1", meeting_id: ids.meeting, person_id: ids.member, agenda_item_id: ids.item, kind: "prejudicial", nature: "Trustee", action: "remained", dispensation: "" },
      ],
    };
    const warning = "this dispensation expired on 2014-12-31, before the meeting (2015-01-05): it does not allow the member to speak or vote at it";
    const { page } = await open({
      meeting_record: { ok: rec },
      set_dispensation: {
        ok: {
          dispensation: { id: "g1", declaration_id: "d1", reference: "SC/1", scope: "speak_and_vote", granted_by: "Standards Committee", granted_on: "2014-01-10", expires_on: "2014-12-31" },
          warnings: [warning],
        },
      },
    });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-attendance").click();
    await page.getByTestId("dispensation-edit").click();
    await page.getByTestId("dispensation-scope").selectOption("speak_and_vote");
    await page.getByTestId("dispensation-reference").fill("SC/1");
    await page.getByTestId("dispensation-granted-on").fill("2014-01-10");
    await page.getByTestId("dispensation-expires-on").fill("2014-12-31");
    await page.getByTestId("dispensation-save").click();
    await expect.poll(() => page.getByTestId("dispensation-warning").innerText()).toBe(warning);
    expect((await calls(page, "set_dispensation"))[0].args).toEqual({
      declarationId: "d1",
      dispensation: { reference: "SC/1", scope: "speak_and_vote", granted_by: "Standards Committee", granted_on: "2014-01-10", expires_on: "2014-12-31" },
    });
    await page.close();
  });
});

/** Opens the app with `fixture` and switches it to Welsh from the sidebar. */
async function openInWelsh(fixture: Fixture) {
  const opened = await open(fixture);
  await opened.page.getByTestId("language-switch").click();
  await expect.poll(() => opened.page.evaluate(() => document.documentElement.lang)).toBe("cy");
  return opened;
}

/**
 * Waits a moment for the screen's answers, then expects no English message of the catalogue on
 * it (or only `within` a part of it).
 */
async function noEnglish(page: Page, within?: string) {
  await page.waitForTimeout(300);
  expect(await englishLeft(page, { within })).toEqual([]);
}

describe("in Welsh: meetings, a meeting's agenda, attendance and approval, and set-up", () => {
  const notices = noticesDue();

  it("shows the list of meetings, its notices, the planning form and the exports in Welsh", async () => {
    const { page } = await openInWelsh({
      meetings: { items: [summary()], notices },
      notices_attention: { ok: { items: notices, total: 1 } },
      bodies: { ok: [welshBody(record()).body, ...record().bodies] },
    });
    await expect.poll(() => page.locator("h1").innerText()).toBe("Cyfarfodydd");
    expect(await page.locator("thead").textContent()).toContain("Hysbysiad o benderfyniadau");
    expect(await page.getByTestId("notice-status").innerText()).toBe("Hysbysiad o benderfyniadau yn hwyr ers 13 Ionawr 2015");
    expect(await page.getByTestId("open-meeting").innerText()).toBe("Dydd Llun 5 Ionawr 2015");
    // The committee's Welsh name, learnt from the bodies, in the list and the attention box.
    expect(await page.locator("tbody").innerText()).toContain("Pwyllgor Craffu (Gofal Cymdeithasol ac Iechyd)");
    expect(await page.getByTestId("notice-attention-item").innerText()).toContain("Pwyllgor Craffu");
    expect(await page.getByTestId("export-ics").innerText()).toBe("Cadw'r calendr (.ics)…");
    await page.getByTestId("new-meeting").click();
    await expect.poll(() => page.locator("form h2").innerText()).toBe("Cynllunio cyfarfod");
    expect(await page.getByTestId("meeting-create").innerText()).toBe("Creu'r cyfarfod");
    expect(await page.getByTestId("meeting-venue").getAttribute("placeholder")).toBe("Siambr y Cyngor, y Swyddfeydd Dinesig");
    // The date is shown and typed as the council writes it in Welsh.
    await page.getByTestId("meeting-date").fill("7 Rhagfyr 2026");
    await page.getByTestId("meeting-date").blur();
    expect(await page.getByTestId("meeting-date").getAttribute("data-iso")).toBe("2026-12-07");
    await noEnglish(page);
    await page.close();
  });

  it("shows a meeting's header, tabs and agenda in Welsh, with its Welsh titles", async () => {
    const rec = welshBody(record());
    rec.agenda[0].title_cy = "Gwerthusiad Perfformiad Blynyddol AGGCC";
    rec.agenda[0].part = "exempt";
    rec.agenda[0].exempt_paragraphs = ["14"];
    rec.documents = [
      { id: "d1", agenda_item_id: ids.item, title: "Report of the Director", kind: "report", position: 1, page_count: 3, sha256: "", size_bytes: 1000 },
    ];
    rec.pack_issues = [
      { id: "pi1", meeting_id: ids.meeting, number: 0, issued_on: "2014-12-24", first_page: 1, last_page: 5, documents: [{ document_id: "d1", first_page: 3, last_page: 5 }] },
    ];
    const { page } = await openInWelsh({ meeting_record: { ok: rec } });
    await page.getByTestId("open-meeting").click();
    await expect.poll(() => page.getByTestId("meeting-title").innerText()).toBe("Pwyllgor Craffu (Gofal Cymdeithasol ac Iechyd)");
    expect(await page.locator(".page-head p.muted").innerText()).toContain("5 Ionawr 2015 am 10:00");
    expect(await page.getByTestId("minutes-status").innerText()).toBe("Cofnodion: Wrthi'n drafftio");
    expect(await page.getByTestId("tab-attendance").innerText()).toContain("Presenoldeb a datganiadau");
    expect(await page.getByTestId("tab-approval").innerText()).toContain("Cymeradwyo ac argraffu");
    await page.getByTestId("tab-agenda").click();
    await expect.poll(() => page.getByTestId("agenda-item-title").innerText()).toBe("Gwerthusiad Perfformiad Blynyddol AGGCC");
    expect(await page.getByTestId("document-chip").innerText()).toBe("Report of the Director · 3 tudalen · pecyn, tudalennau 3 – 5");
    expect(await page.getByTestId("meeting-next-status").innerText()).toBe("Cau'r cyfarfod");
    expect(await page.locator(".agenda .chip.red").innerText()).toBe("Rhan 2 · eithriedig, paragraff 14 o Atodlen 12A");
    await page.getByTestId("edit-item").click();
    await expect.poll(() => page.locator("form[aria-label='Golygu eitem agenda'] h2").innerText()).toBe("Golygu eitem 1");
    expect(await page.getByTestId("agenda-part-minute").innerText()).toContain("Mae ei chofnod 678 yn symud gyda hi");
    await page.getByTestId("edit-meeting").click();
    await expect.poll(() => page.getByTestId("meeting-save").innerText()).toBe("Cadw'r manylion");
    await noEnglish(page);
    await page.close();
  });

  it("shows attendance, declarations and a dispensation in Welsh", async () => {
    const rec = record();
    rec.attendance = [
      { id: "a1", meeting_id: ids.meeting, person_id: ids.chair, status: "present", substitute_for: null, mode: "remote", capacity: null, arrived_at_item: null, left_at_item: null, for_items: [] },
    ];
    rec.declarations = [
      { id: "dc1", meeting_id: ids.meeting, person_id: ids.member, agenda_item_id: ids.item, kind: "prejudicial", nature: "A relative works there", action: "withdrew", dispensation: "" },
    ];
    rec.dispensations = [
      { id: "dp1", declaration_id: "dc1", reference: "D/12", scope: "speak_only", granted_by: "Pwyllgor Safonau", granted_on: "2014-11-03", expires_on: "2015-11-02" },
    ];
    const { page } = await openInWelsh({ meeting_record: { ok: rec } });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-attendance").click();
    await expect.poll(() => page.locator("section[aria-label=Presenoldeb] h2").innerText()).toBe("Presenoldeb");
    expect(await page.getByTestId("attendance-table").locator("thead").textContent()).toContain("Cyrhaeddodd yn hwyr ar");
    expect(await page.getByTestId("attendance-table").locator("tbody tr").first().innerText()).toContain("O bell");
    expect(await page.locator("section[aria-label='Datganiadau o fuddiant'] h2").innerText()).toBe("Datganiadau o fuddiant");
    expect(await page.getByTestId("dispensation-summary").innerText()).toBe(
      "Goddefeb D/12 (Pwyllgor Safonau): i siarad ond nid i bleidleisio, a roddwyd ar 3 Tachwedd 2014, tan 2 Tachwedd 2015.",
    );
    expect(await page.getByTestId("decl-add").innerText()).toBe("Cofnodi'r datganiad");
    await page.getByTestId("dispensation-edit").click();
    await expect.poll(() => page.getByTestId("dispensation-save").innerText()).toBe("Cadw'r oddefeb");
    // The item's English title, the only one it has, is marked as English.
    expect(await page.getByTestId("declarations").locator("td[lang=en]").first().innerText()).toBe("1. CSSIW Annual Performance Evaluation");
    await noEnglish(page, "main");
    await page.close();
  });

  it("shows approval, printing, the notice, the agenda pack and the audit log in Welsh", async () => {
    const rec = record();
    rec.meeting.minutes_status = "draft_published";
    rec.documents = [
      { id: "d1", agenda_item_id: ids.item, title: "Report of the Director", kind: "report", position: 1, page_count: 3, sha256: "", size_bytes: 1000 },
      { id: "d2", agenda_item_id: ids.item, title: "Late letter", kind: "report", position: 2, page_count: 2, sha256: "", size_bytes: 1000 },
    ];
    rec.pack_issues = [
      { id: "pi1", meeting_id: ids.meeting, number: 0, issued_on: "2014-12-24", first_page: 1, last_page: 5, documents: [{ document_id: "d1", first_page: 3, last_page: 5 }] },
    ];
    const later = { ...summary(), id: "m0000000-0000-7000-8000-000000000002", date: "2015-02-02", minutes_status: "drafting" as const };
    const { page } = await openInWelsh({
      meeting_record: { ok: rec },
      meetings: { items: [later, summary()], notices },
      approval_warnings: { ok: ["Councillor R.J. Bertin was not present at the meeting of 5 January 2015"] },
      audit_page: {
        ok: {
          entries: [{ seq: 1, at: "2015-01-06T10:00:00Z", actor: "clerk", table: "agenda_item", row_id: ids.item, action: "update", before: null, after: null }],
          total: 1, more: false,
        },
      },
    });
    await page.getByTestId("open-meeting").last().click();
    await page.getByTestId("tab-approval").click();
    await expect.poll(() => page.locator("section[aria-label='Hynt y cofnodion'] h2").innerText()).toBe("O'r drafft i'r cofnodion wedi'u llofnodi");
    expect(await page.getByTestId("approve").innerText()).toBe("Cymeradwyo'r cofnodion");
    await expect.poll(() => page.getByTestId("approval-warning").innerText()).toContain("Gwiriwch:");
    // The store's sentence stays English, marked so.
    expect(await page.getByTestId("approval-warning").locator("[lang=en]").innerText()).toContain("was not present");
    expect(await page.getByTestId("print-minutes").innerText()).toBe("Argraffu'r cofnodion (Saesneg)");
    expect(await page.getByTestId("notice-due").innerText()).toBe("Hysbysiad o benderfyniadau yn hwyr ers 13 Ionawr 2015.");
    expect(await page.getByTestId("pack-issued").innerText()).toContain("Dosbarthwyd ar 24 Rhagfyr 2014: tudalennau 1 – 5.");
    expect(await page.getByTestId("supplement-due").innerText()).toContain("Atodwyd 1 adroddiad ers dosbarthu'r pecyn: Late letter.");
    expect(await page.getByTestId("issue-supplement").innerText()).toBe("Dosbarthu pecyn atodol 1");
    await expect.poll(() => page.locator("section[aria-label='Log archwilio'] tbody").innerText()).toContain("newidiwyd rhes: agenda item");
    await noEnglish(page, "main");
    await page.close();
  });

  it("shows set-up and the working days in Welsh, the bank holidays by their Welsh names", async () => {
    const year: Commands["calendar_year"]["result"] = {
      year: 2026,
      bank_holidays: [
        { day: "2026-08-31", name: "Summer bank holiday", worked: true },
        { day: "2026-12-25", name: "Christmas Day", worked: false },
        { day: "2026-06-03", name: "Some Jubilee", worked: false },
      ],
      days: [{ day: "2026-12-29", kind: "closed", name: "Cau dros y Nadolig" }],
    };
    const { page } = await openInWelsh({
      sequences: { ok: [{ id: "s0000000-0000-7000-8000-000000000001", name: "Prif ddilyniant", prefix: "", scope: "council" }] },
      sequence_year: {
        ok: { sequence_id: "s0000000-0000-7000-8000-000000000001", year_start: "2026-05-01", numbered: 3, first_number: 1, next_number: 4, next_label: "4" },
      },
      memberships: { ok: record().memberships },
      calendar_year: { ok: year },
    });
    await page.getByTestId("nav-setup").click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("Gosod");
    expect(await page.locator("form[aria-label='Yr awdurdod'] h2").innerText()).toBe("Yr awdurdod");
    expect(await page.getByTestId("body-add").innerText()).toBe("Ychwanegu'r pwyllgor");
    expect(await page.getByTestId("person-add").innerText()).toBe("Ychwanegu'r unigolyn");
    expect(await page.getByTestId("membership-add").innerText()).toBe("Ychwanegu'r aelod");
    await expect.poll(() => page.getByTestId("bank-holiday").allInnerTexts()).toEqual([
      "Dydd Llun 31 Awst 2026 – Gŵyl banc yr haf (mae'r swyddfeydd ar agor)",
      "Dydd Gwener 25 Rhagfyr 2026 – Dydd Nadolig",
      "Dydd Mercher 3 Mehefin 2026 – Some Jubilee",
    ]);
    expect(await page.getByTestId("authority-day").innerText()).toContain("Dydd Mawrth 29 Rhagfyr 2026 – ar gau: Cau dros y Nadolig");
    await page.getByTestId("body-edit").first().click();
    await expect.poll(() => page.getByTestId("body-save").innerText()).toBe("Cadw'r newidiadau");
    await noEnglish(page, "main");
    await page.close();
  });
});

/** The register's answer: one page of hits, with nothing more to show unless `more`. */
function found(hits: RegisterHit[], more = false): { ok: Commands["search_register"]["result"] } {
  return { ok: { hits, offset: 0, more } };
}

describe("register", () => {
  const hit: RegisterHit = {
    resolution_id: "r1", minute_id: ids.minute, meeting_id: ids.meeting, body_id: ids.body,
    body_name: "Scrutiny Committee (Social Care and Health)", date: "2015-01-05", minute_label: "678",
    heading: "CSSIW Annual Performance Evaluation", limb: 1, keyword: "recommended",
    text: [{ text: "the ", marked: false }, { text: "<b>report</b>", marked: true }, { text: " be noted", marked: false }],
    reason: [], exact: false,
    referrals: [{ referral_id: "f1", to: "Cabinet", status: "issued", outcome: null, response_due: "2015-03-06", overdue: true }],
    language: "en", text_cy: [], reason_cy: [], heading_cy: "",
  };

  it("shows the Welsh of a resolution found in Welsh, marked as Welsh", async () => {
    const welsh: RegisterHit = {
      ...hit, language: "cy", heading_cy: "Gwerthusiad Perfformiad Blynyddol AGGCC",
      text_cy: [{ text: "nodi'r ", marked: false }, { text: "adroddiad", marked: true }],
      reason_cy: [{ text: "Er gwybodaeth.", marked: false }],
    };
    const { page } = await open({ search_register: found([welsh, { ...hit, resolution_id: "r2" }]) });
    await page.getByTestId("nav-register").click();
    await page.getByTestId("register-input").fill("adroddiad");
    await expect.poll(() => page.getByTestId("hit-welsh").count()).toBe(1);
    expect(await page.getByTestId("hit-welsh").getAttribute("lang")).toBe("cy");
    expect(await page.getByTestId("hit-language").innerText()).toBe("Cymraeg");
    expect(await page.getByTestId("hit-text-cy").innerText()).toBe("nodi'r adroddiad");
    expect(await page.locator("[data-testid=hit-text-cy] mark").innerText()).toBe("adroddiad");
    expect(await page.getByTestId("hit-heading-cy").textContent()).toBe("Gwerthusiad Perfformiad Blynyddol AGGCC");
    expect(await page.getByTestId("hit-reason-cy").innerText()).toBe("Er gwybodaeth.");
    await page.close();
  });

  it("sends the typed words with the filters, and shows marked words as text", async () => {
    const { page } = await open({ search_register: found([hit]) });
    await page.getByTestId("nav-register").click();
    await page.getByTestId("filter-body").selectOption({ label: "Cabinet" });
    await page.getByTestId("register-input").fill("report");
    await expect.poll(() => page.getByTestId("register-count").innerText()).toContain("1 resolution for “report”, filtered");
    const last = (await calls(page, "search_register")).at(-1);
    expect(last?.args).toMatchObject({ query: { text: "report", body_id: "b0000000-0000-7000-8000-000000000002", confidential: false } });
    expect(await page.locator("[data-testid=register-hit] mark").innerText()).toBe("<b>report</b>");
    expect(await page.getByTestId("hit-referral").innerText()).toBe("Cabinet: overdue");
    await page.close();
  });

  it("searches at the first key, and while a search runs keeps only the newest words for the next", async () => {
    const { page } = await open({ search_register: found([hit]) });
    await page.getByTestId("nav-register").click();
    await expect.poll(async () => (await calls(page, "search_register")).length).toBe(1);
    await page.evaluate(() => ((window as unknown as { __hold: string[] }).__hold = ["search_register"]));
    const input = page.getByTestId("register-input");
    await input.pressSequentially("h");
    // Asked at once, with no pause after the key.
    await expect.poll(async () => (await calls(page, "search_register")).at(-1)?.args).toMatchObject({ query: { text: "h" } });
    await input.pressSequentially("ousing");
    // Nothing more is asked while that search runs, however many keys follow (given time
    // enough for a pause between keys to have sent one).
    await page.waitForTimeout(400);
    expect((await calls(page, "search_register")).length).toBe(2);
    await page.evaluate(() => {
      const w = window as unknown as { __hold: string[]; __release: Record<string, () => void> };
      w.__hold = [];
      w.__release.search_register();
    });
    // Then once more, for the words as they stand, and the screen says what it found for them.
    await expect.poll(async () => (await calls(page, "search_register")).length).toBe(3);
    expect((await calls(page, "search_register")).at(-1)?.args).toMatchObject({ query: { text: "housing", offset: 0 } });
    await expect.poll(() => page.getByTestId("register-count").innerText()).toContain("“housing”");
    await page.close();
  });

  it("shows a page of results at a time, and a new search starts again at the first page", async () => {
    const hits = Array.from({ length: 34 }, (_, i) => ({ ...hit, resolution_id: `r${i}`, minute_label: `${600 + i}` }));
    const { page } = await open({
      search_register: {
        by: "query.offset",
        answers: {
          "0": { ok: { hits: hits.slice(0, 25), offset: 0, more: true } },
          // The store's next page repeats one already shown (an archive entered out of date
          // order can): it is not shown twice.
          "25": { ok: { hits: [hits[24], ...hits.slice(25)], offset: 25, more: false } },
        },
        otherwise: { ok: { hits: [], offset: 50, more: false } },
      },
    });
    await page.getByTestId("nav-register").click();
    await page.getByTestId("register-input").fill("report");
    await expect.poll(() => page.getByTestId("register-count").innerText()).toContain("The first 25 resolutions for “report”");
    expect((await calls(page, "search_register")).at(-1)?.args).toMatchObject({ query: { text: "report", limit: 25, offset: 0 } });
    expect(await page.getByTestId("register-hit").count()).toBe(25);
    await page.getByTestId("register-more").click();
    await expect.poll(async () => (await calls(page, "search_register")).at(-1)?.args).toMatchObject({ query: { text: "report", limit: 25, offset: 25 } });
    // The next nine follow the first 25, the first of them focused; the store has no more.
    await expect.poll(() => page.getByTestId("register-count").innerText()).toMatch(/^34 resolutions for “report”/);
    expect(await page.getByTestId("register-hit").count()).toBe(34);
    expect(await page.getByTestId("register-hit").nth(25).innerText()).toContain("Minute 625");
    expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("Minute 625");
    expect(await page.getByTestId("register-more").count()).toBe(0);
    await page.getByTestId("register-input").fill("reports");
    await expect.poll(async () => (await calls(page, "search_register")).at(-1)?.args).toMatchObject({ query: { text: "reports", limit: 25, offset: 0 } });
    await expect.poll(() => page.getByTestId("register-hit").count()).toBe(25);
    await page.close();
  });

  it("shows a page past the end as no more results, in Welsh too", async () => {
    const { page } = await openInWelsh({ search_register: { ok: { hits: [], offset: 0, more: false } } });
    await page.getByTestId("nav-register").click();
    await page.getByTestId("register-input").fill("adroddiad");
    await expect.poll(() => page.getByTestId("register-empty").innerText()).toContain("adroddiad");
    expect(await page.getByTestId("register-more").count()).toBe(0);
    await page.close();
  });

  it("shows the vote outcome on the resolution's page", async () => {
    const rec = record();
    const resolution = {
      id: "r1", minute_id: ids.minute, limb: 1, keyword: "recommended" as const, text: "the report be noted.", reason: "",
      conditional_on: null, vote: "", reason_not_needed: false, approves_meeting_id: null,
    };
    const outcome = "A recorded vote having been requested by Councillor R.J. Bertin, the voting was as follows: For: Councillor R.J. Bertin. Against: none. Abstained: none.";
    const { page } = await open({
      search_register: found([hit]),
      resolution_page: {
        ok: {
          resolution, body: rec.body, meeting: rec.meeting, minute: { ...rec.minutes[0], resolutions: [resolution] },
          referrals: [], answers: [], vote_outcome: outcome, vote_outcome_cy: null, executive: null, call_ins: [],
        },
      },
    });
    await page.getByTestId("nav-register").click();
    await page.getByTestId("register-input").fill("report");
    await page.getByTestId("register-hit").first().click();
    await expect.poll(() => page.getByTestId("resolution-vote").innerText()).toBe(outcome);
    await page.close();
  });

  it("shows the store's message beside the search box", async () => {
    const { page } = await open({
      search_register: { err: { code: "invalid", message: "Dates: the end date is before the start date" } },
    });
    await page.getByTestId("nav-register").click();
    await expect.poll(() => page.getByTestId("register-error").innerText()).toContain("end date is before the start date");
    await page.close();
  });
});

describe("call-in", () => {
  const cabinetRecord = record();
  const decision = { id: "r1", minute_id: ids.minute, limb: 1, keyword: "resolved" as const, text: "the Library Strategy be approved", reason: "To provide a sustainable service.", conditional_on: null, vote: "", reason_not_needed: false, approves_meeting_id: null };
  const third = { id: "p0000000-0000-7000-8000-000000000003", honorific: "Councillor", name: "T. Vaughan", kind: "member" as const, title: "", retired: false };
  const officer = { id: "p0000000-0000-7000-8000-000000000004", honorific: "", name: "O. Officer", kind: "officer" as const, title: "Head of Democratic Services", retired: false };
  const hit: RegisterHit = {
    resolution_id: "r1", minute_id: ids.minute, meeting_id: ids.meeting, body_id: ids.body,
    body_name: "Cabinet", date: "2015-01-05", minute_label: "C12", heading: "Library Strategy", limb: 1, keyword: "resolved",
    text: [{ text: "the Library Strategy be approved", marked: false }], reason: [], exact: false, referrals: [],
    language: "en", text_cy: [], reason_cy: [], heading_cy: "",
  };
  const resolutionPage = (): ResolutionPage => ({
    resolution: decision,
    body: { ...cabinetRecord.bodies[0] },
    meeting: cabinetRecord.meeting,
    minute: { minute: { ...cabinetRecord.minutes[0].minute, label: "C12", heading: "Library Strategy" }, blocks: [], resolutions: [decision] },
    referrals: [],
    answers: [],
    vote_outcome: null,
    vote_outcome_cy: null,
    executive: {
      decision: {
        resolution_id: "r1", meeting_id: ids.meeting, key_decision: true, options_rejected: "None", consultation: "None",
        interests: "", published_on: "2015-01-06", call_in_ends: "2015-01-09", urgent: false, urgent_agreed_by: "", urgent_agreed_on: null,
      },
      implementation: null, window_open: true, call_in_pending: false, implementable_from: "2015-01-10", members_needed: 3, call_ins: [],
    },
    call_ins: [],
  });

  it("shows the window, names the last day when implementing is refused, and requests a call-in by members", async () => {
    const { page } = await open({
      search_register: found([hit]),
      resolution_page: { ok: resolutionPage() },
      people: { ok: [...record().people, third, officer] },
      implement_decision: { err: { code: "conflict", message: "the decision cannot be implemented on 2015-01-08: its call-in period runs until the end of 2015-01-09" } },
      request_call_in: {
        ok: {
          id: "c1", resolution_id: "r1", meeting_id: ids.meeting, requested_on: "2015-01-07", grounds: "Not consulted.", status: "requested",
          decided_by: "", decided_on: null, rejection_reason: "", scrutiny_meeting_id: null, agenda_item_id: null, scrutiny_minute_id: null,
          outcome: null, concerns: "", referral_id: null, reconsidered_minute_id: null, members: [],
        },
      },
    });
    await page.getByTestId("nav-register").click();
    await page.getByTestId("register-input").fill("library");
    await page.getByTestId("register-hit").click();
    await expect.poll(() => page.getByTestId("call-in-window").innerText()).toContain("Call-in period ends at the end of 9th January, 2015");
    await page.getByTestId("implement-on").fill("2015-01-08");
    await page.getByTestId("implement").click();
    await expect.poll(() => page.getByTestId("implement-error").innerText()).toContain("runs until the end of 2015-01-09");
    await page.getByTestId("call-in-request-open").click();
    // Only members of the council are offered.
    expect(await page.getByTestId("call-in-member").count()).toBe(3);
    for (const box of await page.getByTestId("call-in-member").all()) await box.check();
    await page.getByTestId("call-in-grounds").fill("Not consulted.");
    await page.getByTestId("call-in-on").fill("2015-01-07");
    await page.getByTestId("call-in-request").click();
    await expect.poll(async () => (await calls(page, "request_call_in")).length).toBe(1);
    const [req] = await calls(page, "request_call_in");
    expect(req.args).toMatchObject({ resolutionId: "r1", grounds: "Not consulted.", on: "2015-01-07" });
    expect((req.args as { members: string[] }).members.sort()).toEqual([ids.chair, ids.member, third.id].sort());
    await page.close();
  });

  it("offers accepting a requested call-in onto a scrutiny meeting", async () => {
    const p = resolutionPage();
    p.executive!.call_in_pending = true;
    p.executive!.implementable_from = null;
    p.executive!.call_ins = [
      {
        call_in: {
          id: "c1", resolution_id: "r1", meeting_id: ids.meeting, requested_on: "2015-01-02", grounds: "Not consulted.", status: "requested",
          decided_by: "", decided_on: null, rejection_reason: "", scrutiny_meeting_id: null, agenda_item_id: null, scrutiny_minute_id: null,
          outcome: null, concerns: "", referral_id: null, reconsidered_minute_id: null, members: [ids.chair, ids.member, third.id],
        },
        member_names: ["Councillor Mrs. A.J. Moore", "Councillor R.J. Bertin", "Councillor T. Vaughan"],
        decision: null, scrutiny_meeting: null, item: null, scrutiny_minute: null, scrutiny_resolutions: [], referral: null,
        reconsidered: null, reconsidered_resolutions: [],
      },
    ];
    const { page } = await open({
      search_register: found([hit]),
      resolution_page: { ok: p },
      decide_call_in: { err: { code: "conflict", message: "the agenda has been published" } },
    });
    await page.getByTestId("nav-register").click();
    await page.getByTestId("register-input").fill("library");
    await page.getByTestId("register-hit").click();
    await expect.poll(() => page.getByTestId("call-in-status").innerText()).toContain("Requested");
    expect(await page.getByTestId("implementation-status").innerText()).toContain("waits for the call-in");
    await page.getByTestId("call-in-decided-by").fill("Councillor Mrs. A.J. Moore (Chair of Scrutiny)");
    await page.getByTestId("call-in-meeting").selectOption({ index: 1 });
    // The scrutiny committees' meetings since the request, asked for by the card: never every meeting.
    expect((await calls(page, "meetings_page")).map((c) => (c.args as { query: MeetingQuery }).query).filter((q) => q.body_id)).toEqual([
      expect.objectContaining({ body_id: ids.body, from: "2015-01-02", time: "all" }),
    ]);
    expect(await page.evaluate(() => (window as unknown as { __calls: { cmd: string }[] }).__calls.filter((c) => c.cmd === "list_meetings").length)).toBe(0);
    await page.getByTestId("call-in-accept").click();
    await expect.poll(async () => (await calls(page, "decide_call_in")).length).toBe(1);
    expect((await calls(page, "decide_call_in"))[0].args).toMatchObject({
      callInId: "c1",
      decision: { decision: "accept", decided_by: "Councillor Mrs. A.J. Moore (Chair of Scrutiny)", scrutiny_meeting_id: ids.meeting },
    });
    await expect.poll(() => page.getByTestId("call-in-error").innerText()).toContain("the agenda has been published");
    await page.close();
  });
});

describe("the notice of decisions", () => {
  const other = "m0000000-0000-7000-8000-000000000009";
  const notices: NoticeDue[] = [
    {
      meeting_id: ids.meeting, body_name: "Scrutiny Committee (Social Care and Health)", date: "2015-01-05",
      due: "2015-01-13", published_on: null, state: "due_soon", working_days_left: 2,
    },
    {
      meeting_id: other, body_name: "Cabinet", date: "2014-12-01", due: "2014-12-09", published_on: null,
      state: "overdue", working_days_left: 0,
    },
  ];

  it("shows each meeting's notice as due, and lists those due soon and overdue at the top", async () => {
    const { page } = await open({
      meetings: { items: [summary()], notices },
      notices_attention: { ok: { items: [notices[1], notices[0]], total: 2 } },
    });
    await expect.poll(() => page.getByTestId("notice-status").innerText()).toBe("Decisions notice due 13 January 2015");
    const items = await page.getByTestId("notice-attention-item").allInnerTexts();
    expect(items).toHaveLength(2);
    expect(items[0]).toContain("Cabinet, Monday 1 December 2014");
    expect(items[0]).toContain("Decisions notice overdue since 9 December 2014");
    expect(items[1]).toContain("Decisions notice due 13 January 2015");
    await page.close();
  });

  it("shows a published notice in the list, and no list at the top when none needs attention", async () => {
    const published = [{ ...notices[0], state: "published" as const, published_on: "2015-01-09" }];
    const { page } = await open({ meetings: { items: [summary()], notices: published } });
    await expect.poll(() => page.getByTestId("notice-status").innerText()).toBe("Decisions notice published 9 January 2015");
    expect(await page.getByTestId("notices-attention").count()).toBe(0);
    await page.close();
  });

  it("prints the notice in English and Welsh and marks it published on the day given", async () => {
    const { page } = await open({
      meetings: { items: [summary()], notices },
      print_decisions_notice: { ok: "/tmp/notice of decisions.pdf" },
      mark_notice_published: { ok: { published_on: "2015-01-09" } },
    });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-approval").click();
    await expect.poll(() => page.getByTestId("notice-due").innerText()).toContain("Decisions notice due 13 January 2015");
    await page.getByTestId("print-notice").click();
    await expect.poll(() => page.getByTestId("notice-saved").innerText()).toContain("notice of decisions.pdf");
    await page.getByTestId("print-notice-welsh").click();
    await page.getByTestId("print-notice-text").click();
    await expect.poll(async () => (await calls(page, "print_decisions_notice")).length).toBe(3);
    expect((await calls(page, "print_decisions_notice")).map((c) => c.args)).toEqual([
      { meetingId: ids.meeting, welsh: false, text: false },
      { meetingId: ids.meeting, welsh: true, text: false },
      { meetingId: ids.meeting, welsh: false, text: true },
    ]);
    await page.getByTestId("notice-published-on").fill("2015-01-09");
    await page.getByTestId("mark-notice-published").click();
    await expect.poll(async () => (await calls(page, "mark_notice_published")).length).toBe(1);
    expect((await calls(page, "mark_notice_published"))[0].args).toEqual({ meetingId: ids.meeting, on: "2015-01-09" });
    await page.close();
  });

  it("shows a published notice's date, and the store's refusal as it is", async () => {
    const { page } = await open({
      meeting_record: { ok: { ...record(), decisions_notice: { published_on: "2015-01-09" } } },
      print_decisions_notice: { err: { code: "io", message: "Cannot write /tmp/x.pdf.part: permission denied" } },
    });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-approval").click();
    await expect.poll(() => page.getByTestId("notice-published").innerText()).toContain("Published on 9th January, 2015.");
    expect(await page.getByTestId("mark-notice-published").count()).toBe(0);
    await page.getByTestId("print-notice").click();
    await expect.poll(() => page.getByTestId("notice-error").innerText()).toContain("permission denied");
    await page.close();
  });
});

describe("set-up's people", () => {
  it("shows a page of people with a name search, in the store, and pages by keyboard", async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({
      id: `p${String(i).padStart(7, "0")}-0000-7000-8000-000000000000`, honorific: "Councillor", name: `A. Pritchard${i}`,
      kind: "member" as const, title: "", retired: false,
    }));
    const { page } = await open({
      sequences: { ok: [] }, memberships: { ok: [] }, calendar_year: { ok: { year: 2026, bank_holidays: [], days: [] } },
      people_page: { ok: { items: many, total: 412, offset: 0 } },
    });
    await page.getByTestId("nav-setup").click();
    await expect.poll(() => page.getByTestId("person-row").count()).toBe(25);
    expect(await page.getByTestId("people-pager-showing").innerText()).toBe("Showing 1–25 of 412");
    expect((await calls(page, "people_page"))[0].args).toEqual({ query: { text: "", retired: false, offset: 0, limit: 25 } });
    await page.getByTestId("people-search").fill("pritchard");
    await expect.poll(async () => (await calls(page, "people_page")).at(-1)?.args).toEqual({
      query: { text: "pritchard", retired: false, offset: 0, limit: 25 },
    });
    await page.getByTestId("people-pager-next").focus();
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await calls(page, "people_page")).at(-1)?.args).toEqual({
      query: { text: "pritchard", retired: false, offset: 25, limit: 25 },
    });
    await page.close();
  });
});

describe("working days", () => {
  const year: Commands["calendar_year"]["result"] = {
    year: 2026,
    bank_holidays: [
      { day: "2026-08-31", name: "Summer bank holiday", worked: true },
      { day: "2026-12-25", name: "Christmas Day", worked: false },
    ],
    days: [
      { day: "2026-08-31", kind: "open", name: "Offices open" },
      { day: "2026-12-29", kind: "closed", name: "Christmas closure" },
    ],
  };
  const setup: Fixture = { sequences: { ok: [] }, memberships: { ok: [] }, calendar_year: { ok: year } };

  it("lists the year's bank holidays and the council's own days, and adds and removes a day", async () => {
    const { page } = await open({
      ...setup,
      set_authority_day: { ok: { day: "2026-12-30", kind: "closed", name: "Christmas closure" } },
      clear_authority_day: { ok: null },
    });
    await page.getByTestId("nav-setup").click();
    await expect.poll(() => page.getByTestId("bank-holiday").allInnerTexts()).toEqual([
      "Monday 31 August 2026 – Summer bank holiday (the offices are open)",
      "Friday 25 December 2026 – Christmas Day",
    ]);
    expect(await page.getByTestId("authority-day").allInnerTexts()).toEqual([
      expect.stringContaining("Monday 31 August 2026 – open: Offices open"),
      expect.stringContaining("Tuesday 29 December 2026 – closed: Christmas closure"),
    ]);
    await page.getByTestId("authority-day-date").fill("2026-12-30");
    await page.getByTestId("authority-day-name").fill("Christmas closure");
    await page.getByTestId("authority-day-add").click();
    await expect.poll(async () => (await calls(page, "set_authority_day")).length).toBe(1);
    expect((await calls(page, "set_authority_day"))[0].args).toEqual({ day: "2026-12-30", kind: "closed", name: "Christmas closure" });
    await page.getByTestId("clear-authority-day").first().click();
    await expect.poll(async () => (await calls(page, "clear_authority_day")).length).toBe(1);
    expect((await calls(page, "clear_authority_day"))[0].args).toEqual({ day: "2026-08-31" });
    await page.close();
  });

  it("shows why a day was refused", async () => {
    const { page } = await open({
      ...setup,
      set_authority_day: { err: { code: "invalid", message: "Day: Saturday 6 June 2026 is a Saturday or Sunday, never a working day" } },
    });
    await page.getByTestId("nav-setup").click();
    await page.getByTestId("authority-day-date").fill("2026-06-06");
    await page.getByTestId("authority-day-add").click();
    await expect.poll(() => page.getByTestId("working-days-error").innerText()).toContain("Saturday or Sunday");
    await page.close();
  });
});

describe("in Welsh: the minutes, the register, a resolution and the referrals", () => {
  const limb = {
    id: "r1", minute_id: ids.minute, limb: 1, keyword: "recommended" as const, text: "the report be noted.", reason: "",
    conditional_on: null, vote: "", reason_not_needed: false, approves_meeting_id: null,
  };

  it("shows the minutes, a question, a limb, its vote, its referral and a lost quorum in Welsh", async () => {
    const rec = record();
    rec.body = { ...rec.body, name_cy: "Pwyllgor Craffu (Gofal Cymdeithasol ac Iechyd)" };
    rec.agenda[0].title_cy = "Gwerthusiad Perfformiad Blynyddol AGGCC";
    rec.minutes[0].blocks.push({
      id: "k2", minute_id: ids.minute, position: 2,
      content: { kind: "question", asked_by: "A Committee Member", asked_by_id: null, question: "how many", answered_by: "", answered_by_id: null, answer: "" },
    });
    rec.minutes[0].resolutions = [limb];
    rec.attendance = [ids.chair, ids.member].map((person, i) => ({
      id: `a${i}`, meeting_id: ids.meeting, person_id: person, status: "present" as const, substitute_for: null,
      mode: "room" as const, capacity: null, arrived_at_item: null, left_at_item: null, for_items: [],
    }));
    rec.referrals = [
      {
        id: "f1", resolution_id: "r1", from_body_id: ids.body, to_body_id: rec.bodies[0].id, to_external: "", purpose: "for_decision",
        sent_on: "2015-01-05", response_due: "2015-03-05", status: "issued", target_meeting_id: null, target_minute_id: null,
        outcome: null, response_text: "", reported_back_meeting_id: null, closed_on: null,
      },
    ];
    const { page } = await openInWelsh({
      meeting_record: { ok: rec },
      generated_minute_lines: { ok: [] },
      meeting_quorum: {
        ok: {
          quorum: 3, attendance_recorded: true, first_inquorate: ids.item,
          items: [{ agenda_item_id: ids.item, position: 1, present: 2, quorate: false, lost_here: true, voters: [ids.member, ids.chair] }],
        },
      },
    });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-minutes").click();
    await expect.poll(() => page.locator("aside.items h2").innerText()).toBe("Eitemau");
    expect(await page.getByTestId("add-paragraph").innerText()).toContain("Paragraff");
    expect(await page.getByTestId("add-limb").innerText()).toContain("Cymal penderfyniad");
    expect(await page.getByTestId("quorum").innerText()).toBe("Dim cworwm: 2 yn bresennol, y cworwm yw 3");
    // The loss of quorum is minuted in Welsh unless the clerk chooses English.
    expect(await page.getByTestId("quorum-closed").innerText()).toBe("Nid oedd cworwm yn y cyfarfod, a daeth i ben am ….");
    expect(await page.getByTestId("vote-summary").innerText()).toBe("Dim pleidlais wedi'i chofnodi");
    expect(await page.getByTestId("referral").innerText()).toContain("ymateb erbyn 5 Mawrth 2015");
    expect(await page.locator("[data-testid=limb] .that").innerText()).toBe("B O D");
    // The item's Welsh title, in the Welsh interface.
    expect(await page.getByTestId("minute-link").innerText()).toContain("Gwerthusiad Perfformiad Blynyddol AGGCC");
    // The generated lines are asked for in Welsh.
    await expect.poll(async () => (await calls(page, "generated_minute_lines")).at(-1)?.args).toMatchObject({ welsh: true });
    await page.getByTestId("vote-edit").click();
    await page.getByTestId("vote-method").selectOption("recorded");
    await page.getByTestId("refer").click();
    await noEnglish(page, ".layout");
    await page.close();
  });

  it("shows a Cabinet limb's executive decision and a call-in's outcome in Welsh", async () => {
    const rec = record({ heading: "Call-in: Library Strategy (Cabinet minute C12)" });
    rec.body = { ...rec.bodies[0], id: ids.body };
    rec.minutes[0].resolutions = [{ ...limb, keyword: "resolved" }];
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
    const { page } = await openInWelsh({
      meeting_record: { ok: rec },
      executive_decision: {
        ok: {
          resolution_id: "r1", meeting_id: ids.meeting, key_decision: true, options_rejected: "", consultation: "",
          interests: "", published_on: "2015-01-06", call_in_ends: "2015-01-09", urgent: false, urgent_agreed_by: "", urgent_agreed_on: null,
        },
      },
    });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-minutes").click();
    await expect.poll(() => page.locator("[data-testid=executive-decision] h4").innerText()).toBe("Penderfyniad gweithredol (1)");
    expect(await page.getByTestId("executive-window").innerText()).toBe(
      "Cyhoeddwyd 6 Ionawr 2015; daw'r cyfnod galw i mewn i ben ar ddiwedd 9 Ionawr 2015.",
    );
    expect(await page.getByTestId("executive-published").inputValue()).toBe("6 Ionawr 2015");
    expect(await page.locator("[data-testid=call-in-outcome] h4").innerText()).toBe("Canlyniad y galw i mewn");
    await page.getByTestId("call-in-outcome-choice").selectOption("referred_back");
    await noEnglish(page, ".layout");
    await page.close();
  });

  it("shows the register and its filters in Welsh, with a committee's Welsh name", async () => {
    const welshBody = { ...record().body, name_cy: "Pwyllgor Craffu (Gofal Cymdeithasol ac Iechyd)" };
    const hit: RegisterHit = {
      resolution_id: "r1", minute_id: ids.minute, meeting_id: ids.meeting, body_id: ids.body,
      body_name: "Scrutiny Committee (Social Care and Health)", date: "2015-01-05", minute_label: "678",
      heading: "CSSIW Annual Performance Evaluation", limb: 1, keyword: "recommended",
      text: [{ text: "the report be noted", marked: false }], reason: [{ text: "To inform.", marked: false }], exact: false,
      referrals: [{ referral_id: "f1", to: "Cabinet", status: "issued", outcome: null, response_due: "2015-03-06", overdue: true }], language: "en", text_cy: [], reason_cy: [], heading_cy: "",
    };
    const { page } = await openInWelsh({ bodies: { ok: [welshBody, ...record().bodies] }, search_register: found([hit]) });
    await page.getByTestId("nav-register").click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("Cofrestr penderfyniadau");
    await page.getByTestId("register-input").fill("report");
    await expect.poll(() => page.getByTestId("register-count").innerText()).toBe("1 penderfyniad ar gyfer “report”.");
    expect(await page.getByTestId("register-input").getAttribute("aria-label")).toBe("Chwilio'r gofrestr");
    expect(await page.getByTestId("register-hit").innerText()).toContain("Pwyllgor Craffu (Gofal Cymdeithasol ac Iechyd)");
    expect(await page.getByTestId("hit-referral").innerText()).toBe("Cabinet: yn hwyr");
    expect(await page.locator("label", { has: page.getByTestId("filter-confidential") }).innerText()).toContain("Cynnwys cofnodion eithriedig");
    await page.getByTestId("filter-from").fill("5 Ionawr 2015");
    await page.getByTestId("filter-from").blur();
    await expect.poll(async () => (await calls(page, "search_register")).at(-1)?.args).toMatchObject({ query: { from: "2015-01-05" } });
    await expect.poll(() => page.getByTestId("register-count").innerText()).toBe("1 penderfyniad ar gyfer “report”, wedi'u hidlo.");
    await noEnglish(page);
    await page.close();
  });

  it("shows a resolution's page, its referral and its executive decision in Welsh, the record's words marked English", async () => {
    const rec = record();
    const resolution = { ...limb, keyword: "resolved" as const, reason: "To inform." };
    const chain: Commands["referrals_view"]["result"][number] = {
      referral: {
        id: "f1", resolution_id: "r1", from_body_id: ids.body, to_body_id: rec.bodies[0].id, to_external: "", purpose: "for_decision",
        sent_on: "2015-01-05", response_due: "2015-03-05", status: "issued", target_meeting_id: null, target_minute_id: null,
        outcome: null, response_text: "", reported_back_meeting_id: null, closed_on: null,
      },
      from_body: "Scrutiny Committee (Social Care and Health)", to: "Cabinet", to_cy: "Cabinet", urgency: "overdue", days_left: -3,
      source: null, target_meeting: null, target_minute: null, target_resolutions: [], agenda_items: [], reported_back: null,
    };
    const { page } = await openInWelsh({
      search_register: found([{
        resolution_id: "r1", minute_id: ids.minute, meeting_id: ids.meeting, body_id: ids.body, body_name: rec.body.name_en,
        date: "2015-01-05", minute_label: "678", heading: "CSSIW", limb: 1, keyword: "resolved",
        text: [{ text: "the report be noted.", marked: false }], reason: [], exact: false, referrals: [], language: "en", text_cy: [], reason_cy: [], heading_cy: "",
      }]),
      resolution_page: {
        ok: {
          resolution, body: rec.body, meeting: rec.meeting,
          minute: { ...rec.minutes[0], resolutions: [resolution] },
          referrals: [chain], answers: [],
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
    await page.getByTestId("register-input").fill("report");
    await page.getByTestId("register-hit").click();
    await expect.poll(() => page.getByTestId("resolution-title").innerText()).toContain("Cofnod 678");
    expect(await page.getByTestId("resolution-vote").innerText()).toBe("Roedd y bleidlais yn unfrydol.");
    // The record's words (typed in English) are shown as they print, marked English.
    expect(await page.getByTestId("resolution-text").getAttribute("lang")).toBe("en");
    expect(await page.getByTestId("call-in-window").innerText()).toContain("Daw'r cyfnod galw i mewn i ben ar ddiwedd 9 Ionawr 2015: ar agor");
    expect(await page.getByTestId("implementation-status").innerText()).toBe("Gellir ei roi ar waith o 10 Ionawr 2015 ymlaen.");
    expect(await page.getByTestId("referral-status").innerText()).toBe("Anfonwyd · Yn hwyr");
    expect(await page.getByTestId("referral").innerText()).toContain("(3 o ddiwrnodau'n hwyr)");
    await page.getByTestId("referral-record-outcome").click();
    await page.getByTestId("call-in-request-open").click();
    await noEnglish(page);
    await page.close();
  });

  it("shows the referrals and the recommendation tracker in Welsh", async () => {
    const chain: Commands["referrals_view"]["result"][number] = {
      referral: {
        id: "f1", resolution_id: "r1", from_body_id: ids.body, to_body_id: record().bodies[0].id, to_external: "", purpose: "for_decision",
        sent_on: "2015-01-05", response_due: "2015-03-05", status: "considered", target_meeting_id: null, target_minute_id: null,
        outcome: "accepted", response_text: "Agreed.", reported_back_meeting_id: null, closed_on: null,
      },
      from_body: "Scrutiny Committee (Social Care and Health)", to: "Cabinet", to_cy: "Cabinet", urgency: "due_soon", days_left: 1,
      source: {
        resolution_id: "r1", limb: 1, keyword: "recommended", text: "the report be noted", text_cy: "",
        minute: { minute_id: ids.minute, meeting_id: ids.meeting, body_name: "Scrutiny Committee (Social Care and Health)", date: "2015-01-05", label: "678", heading: "CSSIW", heading_cy: "" },
      },
      target_meeting: null, target_minute: null, target_resolutions: [], agenda_items: [], reported_back: null,
    };
    const { page } = await openInWelsh({
      referrals_page: { ok: { items: [chain], total: 1, offset: 0, overdue: 0, due_soon: 0 } },
      export_tracker: { ok: null },
    });
    await page.getByTestId("nav-referrals").click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("Cyfeiriadau");
    await expect.poll(() => page.getByTestId("referrals-summary").innerText()).toContain("1 ar agor i gyd");
    expect(await page.locator("section h2").innerText()).toBe("Traciwr argymhellion");
    expect(await page.getByTestId("referral-outcome").innerText()).toContain("Canlyniad:");
    await page.getByTestId("tracker-pdf").click();
    await expect.poll(() => page.getByTestId("tracker-error").innerText()).toBe("Dewiswch y pwyllgor y mae ei argymhellion i'w tracio.");
    await page.getByTestId("referral-close").click();
    await noEnglish(page);
    await page.close();
  });

  it("pages the open referrals in the store, with the counts of all of them", async () => {
    const rec = record();
    const chain = (i: number): Commands["referrals_page"]["result"]["items"][number] => ({
      referral: {
        id: `r${String(i).padStart(7, "0")}-0000-7000-8000-000000000000`, resolution_id: null, from_body_id: ids.body, to_body_id: rec.bodies[0].id,
        to_external: "", purpose: "for_decision", sent_on: "2015-01-06", response_due: "2015-03-06", status: "issued",
        target_meeting_id: null, target_minute_id: null, outcome: null, response_text: "", reported_back_meeting_id: null, closed_on: null,
      },
      from_body: rec.body.name_en, to: "Cabinet", to_cy: "Cabinet", urgency: "overdue", days_left: -3,
      source: null, target_meeting: null, target_minute: null, target_resolutions: [], agenda_items: [], reported_back: null,
    });
    const items = Array.from({ length: 25 }, (_, i) => chain(i));
    const { page } = await open({ referrals_page: { ok: { items, total: 80, offset: 0, overdue: 70, due_soon: 4 } } });
    await page.getByTestId("nav-referrals").click();
    await expect.poll(() => page.getByTestId("referrals-pager-showing").innerText()).toBe("Showing 1–25 of 80");
    const summary = await page.getByTestId("referrals-summary").innerText();
    expect(summary).toContain("70 overdue");
    expect(summary).toContain("4 due soon");
    expect((await calls(page, "referrals_page"))[0].args).toEqual({ query: { body_id: null, overdue_only: false, today: null, offset: 0, limit: 25 } });
    await page.getByTestId("referrals-pager-next").focus();
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await calls(page, "referrals_page")).at(-1)?.args).toEqual({
      query: { body_id: null, overdue_only: false, today: null, offset: 25, limit: 25 },
    });
    await page.getByTestId("referrals-body").selectOption({ label: "Cabinet" });
    await expect.poll(async () => ((await calls(page, "referrals_page")).at(-1)?.args as { query: { body_id: string; offset: number } }).query).toMatchObject({
      body_id: rec.bodies[0].id, offset: 0,
    });
    await page.close();
  });

  it("asks for the target committee's meetings only when a referral's form opens, and never for every meeting", async () => {
    const rec = record();
    const cabinet = rec.bodies[0].id;
    const chain = (status: "issued" | "considered"): Commands["referrals_page"]["result"]["items"][number] => ({
      referral: {
        id: `f${status}00-0000-7000-8000-000000000000`, resolution_id: null, from_body_id: ids.body, to_body_id: cabinet,
        to_external: "", purpose: "for_decision", sent_on: "2015-01-06", response_due: "2015-03-06", status,
        target_meeting_id: null, target_minute_id: null, outcome: status === "considered" ? "accepted" : null, response_text: "",
        reported_back_meeting_id: null, closed_on: null,
      },
      from_body: rec.body.name_en, to: "Cabinet", to_cy: "Cabinet", urgency: "open", days_left: 10,
      source: null, target_meeting: null, target_minute: null, target_resolutions: [], agenda_items: [], reported_back: null,
    });
    const meeting = (id: string, body_id: string, body_name: string, date: string): MeetingSummary => ({ ...summary(), id, body_id, body_name, date });
    const cabinetMeeting = meeting("m0000000-0000-7000-8000-0000000000c1", cabinet, "Cabinet", "2015-02-09");
    const scrutinyBefore = meeting("m0000000-0000-7000-8000-0000000000s1", ids.body, rec.body.name_en, "2014-12-01");
    const scrutinyAfter = meeting("m0000000-0000-7000-8000-0000000000s2", ids.body, rec.body.name_en, "2015-04-13");
    const { page } = await open({
      referrals_page: { ok: { items: [chain("issued"), chain("considered")], total: 2, offset: 0, overdue: 0, due_soon: 0 } },
      meetings: { items: [cabinetMeeting, scrutinyBefore, scrutinyAfter] },
    });
    await page.getByTestId("nav-referrals").click();
    await expect.poll(() => page.getByTestId("referral").count()).toBe(2);
    // The meetings the pick lists asked for (the Meetings screen, open first, asks for no one body's).
    const picks = async () => (await calls(page, "meetings_page")).map((c) => (c.args as { query: MeetingQuery }).query).filter((q) => q.body_id);
    const asked = async () => (await picks()).at(-1);
    // Showing the cards asks for no meetings at all.
    expect(await picks()).toEqual([]);
    const options = (testid: string) => page.getByTestId(testid).locator("option").allInnerTexts();

    await page.getByTestId("referral-schedule").click();
    await expect.poll(asked).toMatchObject({ body_id: cabinet, from: null, offset: 0, limit: 500 });
    await expect.poll(() => options("step-meeting")).toEqual(["Choose…", "Cabinet, 9th February, 2015"]);
    await page.keyboard.press("Escape");

    await page.getByTestId("referral-record-outcome").click();
    await expect.poll(async () => (await picks()).length).toBe(2);
    expect(await asked()).toMatchObject({ body_id: cabinet });
    await expect.poll(() => options("outcome-meeting")).toEqual(["Not recorded here", "Cabinet, 9th February, 2015"]);
    await page.keyboard.press("Escape");

    // Reporting back offers the sending committee's meetings since the referral was sent.
    await page.getByTestId("referral-report-back").click();
    await expect.poll(asked).toMatchObject({ body_id: ids.body, from: "2015-01-06" });
    await expect.poll(() => options("step-meeting")).toEqual(["Choose…", `${rec.body.name_en}, 13th April, 2015`]);
    expect(await page.evaluate(() => (window as unknown as { __calls: { cmd: string }[] }).__calls.filter((c) => c.cmd === "list_meetings").length)).toBe(0);
    await page.close();
  });

  it("offers a committee's meetings nearest today when it has more than a pick list holds, and says so", async () => {
    const rec = record();
    const chain: Commands["referrals_page"]["result"]["items"][number] = {
      referral: {
        id: "f0000000-0000-7000-8000-000000000001", resolution_id: null, from_body_id: ids.body, to_body_id: rec.bodies[0].id,
        to_external: "", purpose: "for_decision", sent_on: "2015-01-06", response_due: "2015-03-06", status: "issued",
        target_meeting_id: null, target_minute_id: null, outcome: null, response_text: "", reported_back_meeting_id: null, closed_on: null,
      },
      from_body: rec.body.name_en, to: "Cabinet", to_cy: "Cabinet", urgency: "open", days_left: 10,
      source: null, target_meeting: null, target_minute: null, target_resolutions: [], agenda_items: [], reported_back: null,
    };
    const upcoming: MeetingSummary = { ...summary(), id: "m0000000-0000-7000-8000-0000000000u1", body_id: rec.bodies[0].id, body_name: "Cabinet", date: "2026-12-07" };
    // Twenty years of meetings: 1,200 invented, half of them Cabinet's, and one to come.
    const { page } = await open({
      referrals_page: { ok: { items: [chain], total: 1, offset: 0, overdue: 0, due_soon: 0 } },
      meetings: { items: [upcoming], archive: 1200, today: "2026-11-27" },
    });
    await page.getByTestId("nav-referrals").click();
    await page.getByTestId("referral-schedule").click();
    await expect.poll(() => page.getByTestId("meeting-pick-more").innerText()).toBe(
      "Showing the 500 meetings nearest today of 601; older ones are not listed.",
    );
    const options = await page.getByTestId("step-meeting").locator("option").allInnerTexts();
    expect(options.length).toBe(501);
    // The one to come first, then the most recent.
    expect(options.slice(1, 3)).toEqual(["Cabinet, 7th December, 2026", "Cabinet, 31st October, 2026"]);
    await page.close();
  });
});

describe("the translation view", () => {
  const text = (over: Partial<import("../src/lib/ipc").TranslatableText>): import("../src/lib/ipc").TranslatableText => ({
    source: "limb",
    source_id: "r1",
    context: "Minute 8 – (1)",
    original: "en",
    original_text: "the report be noted.",
    translation: "",
    status: "awaiting",
    outdated: false,
    position: 0,
    ...over,
  });
  const texts = [
    text({ source: "minute_heading", source_id: "m1", context: "Minute 8 – heading", original_text: "National inspection", translation: "Arolygiad cenedlaethol", status: "done", position: 0 }),
    text({ source: "narrative", source_id: "b1", context: "Minute 8 – paragraph 1", original_text: "The Lead Inspector explained the findings.", position: 1 }),
    text({ source: "limb", source_id: "r1", context: "Minute 8 – (1)", original_text: "the report be noted.", translation: "y dylid nodi'r adroddiad.", status: "done", outdated: true, position: 2 }),
    text({ source: "reason", source_id: "r1", context: "Minute 8 – (1) reason", original_text: "Cabinet", status: "not_needed", position: 3 }),
  ];

  it("lists what still needs translating first, saves a typed translation, and moves on with the keyboard", async () => {
    const saved = text({ source: "narrative", source_id: "b1", context: "Minute 8 – paragraph 1", original_text: "The Lead Inspector explained the findings.", translation: "Esboniodd y Prif Arolygydd y canfyddiadau.", status: "done", position: 1 });
    const { page } = await open({ meeting_texts: { ok: texts }, set_translation: { ok: saved } });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-translation").click();
    const rows = page.getByTestId("translation-row");
    await expect.poll(() => rows.count()).toBe(4);
    // Still to translate (awaiting, or translated from an original since changed) come first.
    expect(await rows.evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.status))).toEqual(["awaiting", "outdated", "done", "not_needed"]);
    expect(await page.getByTestId("translation-counts").innerText()).toContain("2 to translate · 1 translated · 1 not needed");
    expect(await page.getByTestId("translation-outdated").innerText()).toContain("The original has changed since this was translated");
    // The original is marked with its language, the translation box with the other.
    expect(await rows.first().getByTestId("translation-original").getAttribute("lang")).toBe("en");
    expect(await rows.first().getByTestId("translation-text").getAttribute("lang")).toBe("cy");

    await page.getByTestId("translation-first").click();
    await page.keyboard.type("Esboniodd y Prif Arolygydd y canfyddiadau.");
    await expect.poll(async () => (await calls(page, "set_translation")).length).toBeGreaterThan(0);
    const last = (await calls(page, "set_translation")).at(-1) as { args: Record<string, unknown> };
    expect(last.args).toMatchObject({ source: "narrative", sourceId: "b1", text: "Esboniodd y Prif Arolygydd y canfyddiadau.", status: "done" });
    // Ctrl+Enter goes to the next text still to translate: the outdated limb.
    await page.keyboard.press("Control+Enter");
    expect(await page.evaluate(() => (document.activeElement?.closest("[data-row]") as HTMLElement | null)?.dataset.row)).toBe("limb/r1");
    // Alt+N marks it as not needing translation.
    await page.keyboard.press("Alt+n");
    await expect.poll(async () => ((await calls(page, "set_translation")).at(-1) as { args: { status: string } }).args.status).toBe("not_needed");
    await page.close();
  });

  it("is in Welsh in the Welsh interface, and read-only once the minutes are signed", async () => {
    const signed = record();
    signed.meeting.minutes_status = "signed";
    const { page } = await open({ meeting_texts: { ok: texts }, meeting_record: { ok: signed } });
    await page.getByTestId("language-switch").click();
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-translation").click();
    await expect.poll(() => page.getByTestId("translation-row").count()).toBe(4);
    expect(await page.getByTestId("translation-view").locator("h2").innerText()).toBe("Cyfieithu");
    expect(await page.getByTestId("translation-counts").innerText()).toContain("2 i'w cyfieithu");
    expect(await page.getByTestId("translation-text").first().getAttribute("readonly")).not.toBeNull();
    expect(await englishLeft(page, { within: "[data-testid=translation-view]" })).toEqual([]);
    await page.close();
  });

  it("warns before the Welsh minutes go out, naming what awaits translation, and leads to the view", async () => {
    const warning = "2 texts await translation: Minute 8 – paragraph 1; Minute 8 – (1) resolution (changed since it was translated)";
    const { page } = await open({ translation_warnings: { ok: [warning] }, meeting_texts: { ok: texts } });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-approval").click();
    await expect.poll(() => page.getByTestId("translation-warning").innerText()).toContain(warning);
    await page.getByTestId("open-translation").click();
    await expect.poll(() => page.getByTestId("translation-row").count()).toBe(4);
    await page.close();
  });
});

describe("documents in Welsh and English", () => {
  const setup: Fixture = { sequences: { ok: [] }, memberships: { ok: [] }, calendar_year: { ok: { year: 2026, bank_holidays: [], days: [] } } };

  it("sets the legal-record language, the notices and the layout, and shows a refusal naming the field", async () => {
    const documents = record().authority.documents;
    const { page } = await open({
      ...setup,
      set_document_languages: { ok: { ...documents, legal_language: "cy", layout: "welsh_first_sections" } },
    });
    await page.getByTestId("nav-setup").click();
    await expect.poll(() => page.getByTestId("notice-cy").inputValue()).toBe(documents.translation_notice_cy);
    await page.getByTestId("legal-language").selectOption("cy");
    await page.getByTestId("bilingual-layout").selectOption("welsh_first_sections");
    await page.getByTestId("document-languages-save").click();
    await expect.poll(async () => (await calls(page, "set_document_languages")).length).toBe(1);
    expect((await calls(page, "set_document_languages"))[0].args).toEqual({
      documents: { ...documents, legal_language: "cy", layout: "welsh_first_sections" },
    });
    await expect.poll(() => page.getByTestId("document-languages-saved").isVisible()).toBe(true);
    await page.close();
  });

  it("offers side by side only as not yet available, and shows why a setting was refused", async () => {
    const { page } = await open({
      ...setup,
      set_document_languages: { err: { code: "invalid", message: "Translation notice (Welsh): must not be empty" } },
    });
    await page.getByTestId("nav-setup").click();
    expect(await page.getByTestId("bilingual-layout").locator("option[value=side_by_side]").isDisabled()).toBe(true);
    await page.getByTestId("bilingual-layout").selectOption("welsh_first_sections");
    await page.getByTestId("document-languages-save").click();
    await expect.poll(() => page.getByTestId("document-languages-error").innerText()).toContain("Translation notice (Welsh)");
    await page.close();
  });

  it("prints the minutes in both languages from the Approval screen", async () => {
    const { page } = await open({ print_bilingual_minutes: { ok: "/tmp/minutes (Cymraeg a Saesneg).pdf" } });
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("tab-approval").click();
    await page.getByTestId("print-bilingual").click();
    await expect.poll(async () => (await calls(page, "print_bilingual_minutes")).length).toBe(1);
    expect((await calls(page, "print_bilingual_minutes"))[0].args).toEqual({ meetingId: ids.meeting, confidential: false });
    await expect.poll(() => page.getByTestId("printed").innerText()).toContain("Cymraeg a Saesneg");
    await page.close();
  });
});

describe("publishing the website", () => {
  const report: Commands["publish_site"]["result"] = {
    folder: "/srv/www/democracy", files: 412, written: 409, unchanged: 3, removed: 1, bytes: 5_432_100,
    meetings: 12, meetings_changed: 12, resolutions: 37, cancelled: false,
  };
  /** Sends the progress of the running publishing through its channel, as the shell does. */
  async function sendProgress(page: Page, progress: { done: number; total: number; step: string }[]) {
    await page.evaluate((events) => {
      const w = window as unknown as { __calls: { cmd: string; args: { onProgress: { id: number } } }[]; __callbacks: ((m: unknown) => void)[] };
      const call = w.__calls.filter((c) => c.cmd === "publish_site").at(-1);
      if (!call) throw new Error("publish_site was not called");
      const next = (w as unknown as { __sent?: number }).__sent ?? 0;
      events.forEach((message, i) => w.__callbacks[call.args.onProgress.id]({ message, index: next + i }));
      (w as unknown as { __sent?: number }).__sent = next + events.length;
    }, progress);
  }
  const hold = (page: Page) => page.evaluate(() => ((window as unknown as { __hold: string[] }).__hold = ["publish_site"]));
  const release = (page: Page) => page.evaluate(() => (window as unknown as { __release: Record<string, () => void> }).__release.publish_site());

  it("explains what is published, shows its progress, cancels by its job, and words what it did", async () => {
    const { page } = await open({ publish_site: { ok: report }, cancel_publish: { ok: null } });
    await page.getByTestId("nav-publish").click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("Publish website");
    const view = await page.getByTestId("publish-view").innerText();
    expect(view).toContain("The minutes once the draft is published to members, marked as draft, approved or signed.");
    expect(view).toContain("Never exempt information: no Part 2 minute or report");
    expect(await page.getByTestId("publish-address").getAttribute("placeholder")).toBe("https://democracy.example.gov.uk/");
    await page.getByTestId("publish-folder").fill("  /srv/www/democracy ");
    await page.getByTestId("publish-address").fill("https://democracy.valeofglamorgan.gov.uk/");

    await hold(page);
    await page.getByTestId("publish-start").click();
    await expect.poll(() => page.getByTestId("publish-progress").innerText()).toContain("Reading the record…");
    expect(await page.getByTestId("publish-start").isDisabled()).toBe(true);
    const [call] = await calls(page, "publish_site");
    const request = (call.args as Commands["publish_site"]["args"]).request;
    expect(request).toMatchObject({ folder: "/srv/www/democracy", web_address: "https://democracy.valeofglamorgan.gov.uk/" });
    expect(request.job).toBeGreaterThan(0);

    await sendProgress(page, [{ done: 1, total: 12, step: "meetings" }, { done: 3, total: 12, step: "meetings" }]);
    await expect.poll(() => page.getByTestId("publish-step").innerText()).toBe("Meeting 3 of 12: writing each meeting's pages and documents");
    const bar = page.getByTestId("publish-progress").locator("progress");
    expect(await bar.evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([3, 12]);
    expect(await bar.getAttribute("aria-label")).toBe("Meetings published");
    await sendProgress(page, [{ done: 12, total: 12, step: "search" }]);
    await expect.poll(() => page.getByTestId("publish-step").innerText()).toBe("Meeting 12 of 12: building the register's search");

    await page.getByTestId("publish-cancel").click();
    await expect.poll(() => page.getByTestId("publish-cancel").innerText()).toBe("Cancelling…");
    expect((await calls(page, "cancel_publish"))[0].args).toEqual({ job: request.job });

    await release(page);
    await expect.poll(() => page.getByTestId("publish-result").innerText()).toContain(
      "Published. Meetings: 12 (12 changed). Resolutions: 37. Files: 412 (409 written, 3 unchanged, 1 removed), 5.4 MB.",
    );
    expect(await page.getByTestId("publish-result").innerText()).toContain("The site is in /srv/www/democracy");
    expect(await page.getByTestId("publish-result").innerText()).not.toContain("cancelled");
    expect(await page.getByTestId("publish-progress").count()).toBe(0);
    expect(await page.getByTestId("publish-start").isDisabled()).toBe(false);

    // The folder and address are there next time.
    await page.reload();
    await page.getByTestId("nav-publish").click();
    await expect.poll(() => page.getByTestId("publish-address").inputValue()).toBe("https://democracy.valeofglamorgan.gov.uk/");
    expect(await page.getByTestId("publish-folder").inputValue()).toBe("/srv/www/democracy");
    await page.close();
  });

  it("says a cancelled run was cancelled, and one meeting for one", async () => {
    const cancelled = { ...report, meetings: 1, meetings_changed: 1, resolutions: 1, files: 1, written: 1, unchanged: 0, removed: 0, bytes: 40_000, cancelled: true };
    const { page } = await open({ publish_site: { ok: cancelled } });
    await page.getByTestId("nav-publish").click();
    await page.getByTestId("publish-folder").fill("/srv/www/democracy");
    await page.getByTestId("publish-start").click();
    const result = page.getByTestId("publish-result");
    await expect.poll(() => result.innerText()).toContain("Publishing was cancelled. The site holds the meetings published before you cancelled; publish again to finish it.");
    expect(await result.innerText()).toContain("Published. Meetings: 1 (1 changed). Resolutions: 1. Files: 1 (1 written, 0 unchanged, 0 removed), 0.0 MB.");
    await page.close();
  });

  it("shows the job's refusal of a folder of other files, and chooses a folder with the dialog", async () => {
    const refusal = "Folder: /home/clerk/Documents already holds files that Cofnod did not publish: choose an empty folder, or the folder of a site published before";
    const { page } = await open({ publish_site: { err: { code: "invalid", message: refusal } }, choose_folder: { ok: "/media/share/democracy" } });
    await page.getByTestId("nav-publish").click();
    await page.getByTestId("publish-choose").click();
    await expect.poll(() => page.getByTestId("publish-folder").inputValue()).toBe("/media/share/democracy");
    expect((await calls(page, "choose_folder"))[0].args).toEqual({ title: "Choose the folder for the website" });
    await page.getByTestId("publish-folder").fill("/home/clerk/Documents");
    await page.getByTestId("publish-start").click();
    await expect.poll(() => page.getByTestId("publish-error").innerText()).toBe(refusal);
    expect(await page.getByTestId("publish-result").count()).toBe(0);
    expect(await page.getByTestId("publish-progress").count()).toBe(0);
    await page.close();
  });

  it("is all in Welsh when the window is: the explanation, the progress, the result and a refusal", async () => {
    const { page } = await openInWelsh({ publish_site: { ok: report }, cancel_publish: { ok: null } });
    expect(await page.getByTestId("nav-publish").innerText()).toContain("Cyhoeddi'r wefan");
    await page.getByTestId("nav-publish").click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("Cyhoeddi'r wefan");
    expect(await page.getByTestId("publish-view").innerText()).toContain("Dim gwybodaeth eithriedig, byth");
    await page.getByTestId("publish-folder").fill("/srv/www/democratiaeth");
    await hold(page);
    await page.getByTestId("publish-start").click();
    await expect.poll(() => page.getByTestId("publish-step").innerText()).toBe("Wrthi'n darllen y cofnod…");
    await sendProgress(page, [{ done: 4, total: 12, step: "meetings" }]);
    await expect.poll(() => page.getByTestId("publish-step").innerText()).toBe("Cyfarfod 4 o 12: yn ysgrifennu tudalennau a dogfennau pob cyfarfod");
    await noEnglish(page);
    await release(page);
    await expect.poll(() => page.getByTestId("publish-result").innerText()).toContain(
      "Wedi cyhoeddi. Cyfarfodydd: 12 (12 wedi newid). Penderfyniadau: 37. Ffeiliau: 412 (409 wedi'u hysgrifennu, 3 heb newid, 1 wedi'u dileu), 5.4 MB.",
    );
    await noEnglish(page);
    await page.close();

    const refused = await openInWelsh({ publish_site: { err: { code: "invalid", message: "Folder: /tmp is a file, not a folder: choose a folder for the site" } } });
    await refused.page.getByTestId("nav-publish").click();
    await refused.page.getByTestId("publish-start").click();
    await expect.poll(() => refused.page.getByTestId("publish-error").innerText()).toContain("Folder: /tmp is a file, not a folder");
    expect(await refused.page.getByTestId("publish-error").locator("[lang=en]").count()).toBe(1);
    await noEnglish(refused.page);
    await refused.page.close();
  });
});

describe("the first start", () => {
  const DB = "/home/clerk/.local/share/cymru.cofnod/cofnod.sqlite3";
  const choice: Fixture = {
    start_state: { ok: { council_open: false, database_path: DB } },
    open_demo: { ok: { council_open: true, database_path: DB } },
    create_council: { ok: { council_open: true, database_path: DB } },
  };

  it("offers the choice, naming the database file, and opens the demo only when it is chosen", async () => {
    const { page } = await open(choice);
    const screen = page.getByTestId("first-start");
    await expect.poll(() => screen.count()).toBe(1);
    const text = await screen.innerText();
    expect(text).toContain("Set up a new council");
    expect(text).toContain("Open the demo council");
    expect(text).toContain("Sample data of a fictional council");
    expect(await page.getByTestId("start-database-path").innerText()).toBe(DB);
    // Nothing of a council is asked for, and nothing opened, before the choice.
    expect(await page.getByTestId("nav-meetings").count()).toBe(0);
    expect(await calls(page, "open_demo")).toEqual([]);
    expect(await calls(page, "meetings_page")).toEqual([]);
    await page.getByTestId("start-demo").click();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    expect((await calls(page, "open_demo")).length).toBe(1);
    expect(await page.getByTestId("first-start").count()).toBe(0);
    await page.close();
  });

  it("sets up a new council with its members as listed and corrected, then shows its meetings", async () => {
    const { page } = await open(choice);
    await page.getByTestId("start-new").click();
    await page.getByTestId("start-name-en").fill("Glan-yr-Afon County Council");
    await page.getByTestId("start-name-cy").fill("Cyngor Sir Glan-yr-Afon");
    await page.getByTestId("start-committee-en").fill("Governance and Audit Committee");
    await page.getByTestId("start-committee-kind").selectOption("standards");
    const name = page.getByTestId("start-member-name");
    await name.fill("Mrs. S. Rees");
    await name.press("Enter");
    await name.fill("D.J. Prise");
    await page.getByTestId("start-member-add").click();
    await name.fill("A. Mistake");
    await name.press("Enter");
    expect(await page.getByTestId("start-members-count").innerText()).toBe("3 members listed");
    await page.getByTestId("start-member-edit").nth(1).fill("D.J. Price");
    await page.getByRole("button", { name: "Remove member 3" }).click();
    expect(await page.getByTestId("start-members-count").innerText()).toBe("2 members listed");
    // A blank name is not added to the list.
    await page.getByTestId("start-member-add").click();
    expect(await page.getByTestId("start-member-hint").innerText()).toBe("Type the member's name first.");
    expect(await page.getByTestId("start-member").count()).toBe(2);
    expect(await calls(page, "create_council")).toEqual([]);
    await page.getByTestId("start-finish").click();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    expect((await calls(page, "create_council")).map((c) => c.args)).toEqual([
      {
        council: {
          name_en: "Glan-yr-Afon County Council",
          name_cy: "Cyngor Sir Glan-yr-Afon",
          jurisdiction: "wales",
          committee_en: "Governance and Audit Committee",
          committee_cy: "",
          committee_kind: "standards",
          members: ["Mrs. S. Rees", "D.J. Price"],
        },
      },
    ]);
    await page.close();
  });

  it("shows a refusal naming the field and keeps what was typed", async () => {
    const { page } = await open({
      ...choice,
      create_council: { err: { code: "invalid", message: "Member 2's name: must not be empty" } },
    });
    await page.getByTestId("start-new").click();
    await page.getByTestId("start-name-en").fill("Glan-yr-Afon County Council");
    await page.getByTestId("start-member-name").fill("Mrs. S. Rees");
    await page.getByTestId("start-member-add").click();
    await page.getByTestId("start-finish").click();
    await expect.poll(() => page.getByTestId("start-error").innerText()).toBe("Member 2's name: must not be empty");
    expect(await page.getByTestId("start-name-en").inputValue()).toBe("Glan-yr-Afon County Council");
    expect(await page.getByTestId("nav-meetings").count()).toBe(0);
    await page.close();
  });

  it("is all in Welsh once switched, the choice and the set-up", async () => {
    const { page } = await open({
      ...choice,
      create_council: { err: { code: "invalid", message: "Authority name: must not be empty" } },
    });
    await page.getByTestId("language-switch").click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("cy");
    expect(await page.locator("h1").innerText()).toBe("Croeso i Cofnod");
    expect(await page.getByTestId("start-demo").innerText()).toBe("Agor y cyngor enghreifftiol");
    await noEnglish(page);
    await page.getByTestId("start-new").click();
    await page.getByTestId("start-member-name").fill("Mrs. S. Rees");
    await page.getByTestId("start-member-add").click();
    await page.getByTestId("start-member-add").click(); // a blank name: the hint
    await page.getByTestId("start-finish").click();
    // The store's sentence stays English, marked so, after a Welsh lead.
    await expect.poll(() => page.getByTestId("start-error").innerText()).toBe("Ni chadwyd hyn: Authority name: must not be empty");
    expect(await page.getByTestId("start-finish").innerText()).toBe("Gorffen");
    await noEnglish(page);
    await page.close();
  });
});

describe("set-up's database section", () => {
  const setup: Fixture = {
    app_info: { ok: { version: "0.1.0", database_path: "/home/clerk/.local/share/cymru.cofnod/cofnod.sqlite3" } },
    sequences: { ok: [] },
    memberships: { ok: [] },
    calendar_year: { ok: { year: 2026, bank_holidays: [], days: [] } },
    back_up: { ok: { path: "/media/usb/cofnod-backup-2026-11-27-0930.sqlite3", bytes: 1258291, previous: null } },
    choose_backup: { ok: "/media/usb/cofnod-backup-2026-11-20-1700.sqlite3" },
    restore_backup: {
      ok: {
        path: "/media/usb/cofnod-backup-2026-11-20-1700.sqlite3",
        bytes: 1048576,
        previous: "/home/clerk/.local/share/cymru.cofnod/cofnod.before-restore-20261127T093000.000Z.sqlite3",
      },
    },
  };

  it("shows where the database is, and says where a backup went, its size and its check", async () => {
    const { page } = await open(setup);
    await page.getByTestId("nav-setup").click();
    await expect.poll(() => page.getByTestId("database-path").innerText()).toBe("/home/clerk/.local/share/cymru.cofnod/cofnod.sqlite3");
    await page.getByTestId("database-backup").click();
    await expect.poll(() => page.getByTestId("database-backed-up").innerText()).toBe(
      "Backed up to /media/usb/cofnod-backup-2026-11-27-0930.sqlite3 (1.2 MB). SQLite's integrity check found the copy whole.",
    );
    const [call] = await calls(page, "back_up");
    const args = call.args as { suggested: string; title: string };
    expect(args.suggested).toMatch(/^cofnod-backup-\d{4}-\d{2}-\d{2}-\d{4}\.sqlite3$/);
    expect(args.title).toBe("Back up the database");
    await page.close();
  });

  it("restores only after a confirmation naming what is replaced, then draws the screens afresh", async () => {
    const { page } = await open(setup);
    await page.getByTestId("nav-setup").click();
    await expect.poll(() => page.getByTestId("database-path").innerText()).toContain("cofnod.sqlite3");
    // Cancelled: nothing restored.
    await page.getByTestId("database-restore").click();
    await page.getByTestId("database-restore-no").click();
    expect(await page.getByTestId("database-restore-confirm").count()).toBe(0);
    expect(await calls(page, "restore_backup")).toEqual([]);

    await page.getByTestId("database-restore").click();
    const confirm = await page.getByTestId("database-restore-confirm").innerText();
    expect(confirm).toContain("Backup: /media/usb/cofnod-backup-2026-11-20-1700.sqlite3");
    expect(confirm).toContain(
      "This replaces the whole record of Vale of Glamorgan Council in /home/clerk/.local/share/cymru.cofnod/cofnod.sqlite3",
    );
    expect(confirm).toContain("A copy of the current database is kept first, beside it, so nothing is lost.");
    expect(await calls(page, "restore_backup")).toEqual([]);
    const peopleBefore = (await calls(page, "people")).length;
    await page.getByTestId("database-restore-yes").click();
    await expect.poll(() => page.getByTestId("database-restored").innerText()).toBe(
      "Restored from /media/usb/cofnod-backup-2026-11-20-1700.sqlite3. The database as it was before is kept at /home/clerk/.local/share/cymru.cofnod/cofnod.before-restore-20261127T093000.000Z.sqlite3.",
    );
    expect((await calls(page, "restore_backup")).map((c) => c.args)).toEqual([{ path: "/media/usb/cofnod-backup-2026-11-20-1700.sqlite3" }]);
    // The screen read the record again (the restored one), and so does every other.
    await expect.poll(async () => (await calls(page, "people")).length).toBeGreaterThan(peopleBefore);
    await page.close();
  });

  it("shows a backup that failed its checks as refused, in Welsh with no English left", async () => {
    const { page } = await openInWelsh({
      ...setup,
      restore_backup: { err: { code: "bad_backup", message: "The backup /media/usb/x.sqlite3 cannot be restored: it is an empty database" } },
    });
    await page.getByTestId("nav-setup").click();
    await expect.poll(() => page.getByTestId("database-path").innerText()).toContain("cofnod.sqlite3");
    expect(await page.locator("[data-testid='database'] h2").innerText()).toBe("Cronfa ddata");
    await page.getByTestId("database-backup").click();
    await expect.poll(() => page.getByTestId("database-backed-up").innerText()).toContain("Gwnaed copi wrth gefn yn /media/usb/");
    await page.getByTestId("database-restore").click();
    await expect.poll(() => page.getByTestId("database-restore-confirm").innerText()).toContain("Cedwir copi o'r gronfa ddata bresennol yn gyntaf");
    await noEnglish(page, "[data-testid='database']");
    await page.getByTestId("database-restore-yes").click();
    await expect.poll(() => page.getByTestId("database-error").innerText()).toContain("Ni ellir adfer y copi wrth gefn hwn");
    await noEnglish(page, "[data-testid='database']");
    await page.close();
  });
});

describe("focus and titles", () => {
  const scrutiny = "Scrutiny Committee (Social Care and Health)";
  const library: RegisterHit = {
    resolution_id: "r1", minute_id: ids.minute, meeting_id: ids.meeting, body_id: ids.body,
    body_name: scrutiny, date: "2015-01-05", minute_label: "84", heading: "Library Strategy", limb: 1, keyword: "resolved",
    text: [{ text: "the Library Strategy be approved", marked: false }], reason: [], exact: false, referrals: [],
    language: "en", text_cy: [], reason_cy: [], heading_cy: "",
  };
  const limb = { id: "r1", minute_id: ids.minute, limb: 1, keyword: "resolved" as const, text: "the Library Strategy be approved", reason: "", conditional_on: null, vote: "", reason_not_needed: false, approves_meeting_id: null };
  const libraryPage = (): ResolutionPage => ({
    resolution: limb,
    body: record().body,
    meeting: record().meeting,
    minute: { minute: { ...record().minutes[0].minute, label: "84", heading: "Library Strategy" }, blocks: [], resolutions: [limb] },
    referrals: [], answers: [], vote_outcome: null, vote_outcome_cy: null, executive: null, call_ins: [],
  });

  /** Starts keeping every text the shell's live region says (the empty text between two is not said). */
  async function listen(page: Page) {
    await page.getByTestId("announcer").waitFor({ state: "attached" });
    await page.evaluate(() => {
      const w = window as unknown as { __said: string[] };
      w.__said = [];
      const region = document.querySelector("[data-testid=announcer]")!;
      new MutationObserver(() => {
        const text = region.textContent?.trim() ?? "";
        if (text) w.__said.push(text);
      }).observe(region, { childList: true, characterData: true, subtree: true });
    });
  }
  /** What the live region has said since the last call, and forgets it. */
  async function said(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const w = window as unknown as { __said: string[] };
      const out = w.__said;
      w.__said = [];
      return out;
    });
  }
  /** The focused element, as a user would check it: its tag, its text, and whether it is a screen's heading. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName ?? "", text: el?.innerText.trim() ?? "", testid: el?.dataset.testid ?? "", inPanel: !!el?.closest("[role=tabpanel]") };
    });
  /** The last title the window was given through the shell (the real window's title bar). */
  const windowTitle = async (page: Page) => ((await calls(page, "set_window_title")).at(-1)?.args as { title: string } | undefined)?.title;

  /** After a change of screen: the heading has focus, the name is said once, and both titles name it. */
  async function arrived(page: Page, heading: { tag: string; text: string }, spoken: string, title: string) {
    await expect.poll(() => focused(page).then((f) => `${f.tag} ${f.text}`)).toBe(`${heading.tag} ${heading.text}`);
    await expect.poll(() => page.getByTestId("announcer").innerText()).toBe(spoken);
    await new Promise((r) => setTimeout(r, 150)); // long enough for a second announcement, were one made
    expect(await said(page), "the screen's name is said once").toEqual([spoken]);
    const still = await focused(page);
    expect(`${still.tag} ${still.text}`, "the heading keeps the focus (nothing on the screen takes it away)").toBe(`${heading.tag} ${heading.text}`);
    expect(await page.title()).toBe(title);
    expect(await windowTitle(page)).toBe(title);
  }

  it("focuses the new screen's heading, says its name once and names the window, from the sidebar and Alt+1–5", async () => {
    const { page } = await open({ referrals_page: { ok: { items: [], total: 0, offset: 0, overdue: 0, due_soon: 0 } }, search_register: found([]) });
    await expect.poll(() => page.title()).toBe("Meetings – Cofnod");
    await expect.poll(() => windowTitle(page)).toBe("Meetings – Cofnod");
    expect(await page.getByTestId("nav-meetings").getAttribute("aria-current")).toBe("page");
    await listen(page);

    await page.keyboard.press("Alt+2");
    await arrived(page, { tag: "H1", text: "Resolutions register" }, "Resolutions register", "Resolutions register – Cofnod");
    expect(await page.getByTestId("nav-register").getAttribute("aria-current")).toBe("page");
    expect(await page.getByTestId("nav-meetings").getAttribute("aria-current")).toBeNull();
    expect(await page.locator("nav [aria-current]").count(), "one screen is current").toBe(1);

    await page.getByTestId("nav-referrals").click();
    await arrived(page, { tag: "H1", text: "Referrals" }, "Referrals", "Referrals – Cofnod");
    expect(await page.getByTestId("nav-referrals").getAttribute("aria-current")).toBe("page");

    // The screen already showing, asked for again, is focused and said again.
    await page.getByTestId("nav-referrals").click();
    await arrived(page, { tag: "H1", text: "Referrals" }, "Referrals", "Referrals – Cofnod");

    await page.keyboard.press("Alt+1");
    await arrived(page, { tag: "H1", text: "Meetings" }, "Meetings", "Meetings – Cofnod");
    await page.close();
  });

  it("opens a meeting with Enter on its heading, named by tab, committee and date", async () => {
    const { page } = await open({});
    await listen(page);
    await page.getByTestId("open-meeting").focus();
    await page.keyboard.press("Enter");
    await arrived(
      page,
      { tag: "H1", text: scrutiny },
      `Agenda – ${scrutiny}, 5 January 2015`,
      `Agenda – ${scrutiny}, 5th January, 2015 – Cofnod`,
    );
    expect(await page.getByTestId("nav-meetings").getAttribute("aria-current")).toBe("page");

    // The back link returns to the list, its heading focused.
    await page.getByRole("button", { name: "← Meetings" }).click();
    await arrived(page, { tag: "H1", text: "Meetings" }, "Meetings", "Meetings – Cofnod");
    await page.close();
  });

  it("follows the ARIA tabs pattern: panels named by their tabs, arrow keys, Home and End, shortcuts to the panel's heading", async () => {
    const { page } = await open({});
    await page.getByTestId("open-meeting").click();
    await expect.poll(() => focused(page).then((f) => f.tag)).toBe("H1");
    await listen(page);

    const panel = page.getByRole("tabpanel");
    expect(await panel.count()).toBe(1);
    expect(await panel.getAttribute("aria-labelledby")).toBe("tab-agenda");
    expect(await page.getByTestId("tab-agenda").getAttribute("aria-controls")).toBe(await panel.getAttribute("id"));
    expect(await page.getByRole("tab", { name: "Agenda", exact: true }).count(), "a tab's name is its words, its shortcut given apart").toBe(1);

    // A shortcut shows the tab and puts focus on its panel's heading.
    await page.keyboard.press("Alt+M");
    await expect.poll(() => panel.getAttribute("aria-labelledby")).toBe("tab-minutes");
    await expect.poll(() => focused(page).then((f) => f.inPanel && /^H[23]$/.test(f.tag))).toBe(true);
    await expect.poll(() => page.getByTestId("announcer").innerText()).toBe(`Minutes – ${scrutiny}, 5 January 2015`);
    expect(await page.title()).toBe(`Minutes – ${scrutiny}, 5th January, 2015 – Cofnod`);
    await expect.poll(() => windowTitle(page)).toBe(`Minutes – ${scrutiny}, 5th January, 2015 – Cofnod`);

    // Only the tab showing is in the Tab order; the arrow keys move between tabs, focus staying on them.
    const tabindexes = () => page.getByRole("tab").evaluateAll((tabs) => tabs.map((t) => t.getAttribute("tabindex")));
    expect(await tabindexes()).toEqual(["-1", "-1", "0", "-1", "-1"]);
    await page.getByTestId("tab-minutes").focus();
    await said(page);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => focused(page).then((f) => f.testid)).toBe("tab-translation");
    expect(await page.getByTestId("tab-translation").getAttribute("aria-selected")).toBe("true");
    expect(await panel.getAttribute("aria-labelledby")).toBe("tab-translation");
    expect(await tabindexes()).toEqual(["-1", "-1", "-1", "0", "-1"]);
    await expect.poll(() => page.title()).toBe(`Translation – ${scrutiny}, 5th January, 2015 – Cofnod`);
    await page.keyboard.press("End");
    await expect.poll(() => focused(page).then((f) => f.testid)).toBe("tab-approval");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => focused(page).then((f) => f.testid)).toBe("tab-agenda");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => focused(page).then((f) => f.testid)).toBe("tab-approval");
    await page.keyboard.press("Home");
    await expect.poll(() => focused(page).then((f) => f.testid)).toBe("tab-agenda");
    expect(await page.getByTestId("tab-agenda").getAttribute("aria-selected")).toBe("true");
    expect(await said(page), "a tab moved to by the arrow keys is read out as the tab, not said again").toEqual([]);

    // A click on a tab, too, puts focus on its panel's heading.
    await page.getByTestId("tab-attendance").click();
    await expect.poll(() => focused(page).then((f) => f.inPanel && /^H[23]$/.test(f.tag))).toBe(true);
    await expect.poll(() => page.getByTestId("announcer").innerText()).toBe(`Attendance and declarations – ${scrutiny}, 5 January 2015`);
    await page.close();
  });

  it("goes from the register to a resolution and back, the heading focused each time", async () => {
    const { page } = await open({ search_register: found([library]), resolution_page: { ok: libraryPage() } });
    await listen(page);
    await page.getByTestId("nav-register").click();
    await arrived(page, { tag: "H1", text: "Resolutions register" }, "Resolutions register", "Resolutions register – Cofnod");
    await page.getByTestId("register-input").fill("library");
    await page.getByTestId("register-hit").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page).then((f) => f.tag)).toBe("H1");
    expect((await focused(page)).text).toContain("Minute 84");
    await expect.poll(() => page.getByTestId("announcer").innerText()).toBe("Minute 84 – Library Strategy");
    expect(await page.title()).toBe("Minute 84 – Library Strategy – Cofnod");
    expect(await page.getByTestId("nav-register").getAttribute("aria-current")).toBe("page");
    await said(page);
    await page.locator("main > button.link").first().click();
    await arrived(page, { tag: "H1", text: "Resolutions register" }, "Resolutions register", "Resolutions register – Cofnod");
    await page.close();
  });

  it("gives focus back to the button that opened a form when it is cancelled", async () => {
    const { page } = await open({});
    await page.getByTestId("new-meeting").focus();
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", { name: "Plan a meeting" });
    await form.waitFor();
    await page.keyboard.press("Tab");
    expect(await form.evaluate((f) => f.contains(document.activeElement)), "the form comes next in the Tab order").toBe(true);
    await form.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => focused(page).then((f) => f.testid)).toBe("new-meeting");

    // The meeting's details: the button that opened them is drawn again as the form closes.
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("edit-meeting").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("meeting-save").waitFor();
    // Focus goes into the form the button gave way to.
    await expect.poll(() => focused(page).then((f) => f.tag)).toMatch(/^(INPUT|SELECT)$/);
    await page.getByTestId("meeting-save").locator("xpath=..").getByRole("button", { name: "Cancel" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page).then((f) => f.testid)).toBe("edit-meeting");
    await page.close();
  });

  it("gives focus back to a limb's Refer button when the referral's form is cancelled", async () => {
    const withLimb = record();
    withLimb.minutes[0].resolutions = [{ ...limb, keyword: "recommended" }];
    const { page } = await open({ meeting_record: { ok: withLimb } });
    await page.getByTestId("open-meeting").click();
    await page.keyboard.press("Alt+M");
    await page.getByTestId("minute-link").click();
    await page.getByTestId("refer").focus();
    await page.keyboard.press("Enter");
    // The form's first field has the focus.
    await expect.poll(() => focused(page).then((f) => f.testid)).toBe("referral-body");
    await page.getByRole("form", { name: /refer/i }).getByRole("button", { name: "Cancel" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page).then((f) => f.testid)).toBe("refer");
    await page.close();
  });

  it("gives focus back to an agenda item's Edit button when its edit is cancelled", async () => {
    const { page } = await open({});
    await page.getByTestId("open-meeting").click();
    await page.getByTestId("edit-item").first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page).then((f) => f.testid)).toBe("agenda-title");
    await page.getByTestId("agenda-cancel").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page).then((f) => f.testid)).toBe("edit-item");
    await page.close();
  });

  it("names the window and says where the clerk is in Welsh", async () => {
    const named = record();
    named.body.name_cy = "Pwyllgor Craffu (Gofal Cymdeithasol ac Iechyd)";
    const { page } = await open({ meeting_record: { ok: named } });
    await page.getByTestId("language-switch").click();
    await expect.poll(() => page.title()).toBe("Cyfarfodydd – Cofnod");
    await expect.poll(() => windowTitle(page)).toBe("Cyfarfodydd – Cofnod");
    await listen(page);
    await page.getByTestId("open-meeting").focus();
    await page.keyboard.press("Enter");
    await arrived(
      page,
      { tag: "H1", text: "Pwyllgor Craffu (Gofal Cymdeithasol ac Iechyd)" },
      "Agenda – Pwyllgor Craffu (Gofal Cymdeithasol ac Iechyd), 5 Ionawr 2015",
      "Agenda – Pwyllgor Craffu (Gofal Cymdeithasol ac Iechyd), 5 Ionawr 2015 – Cofnod",
    );
    await page.keyboard.press("Alt+M");
    await expect.poll(() => page.getByTestId("announcer").innerText()).toBe("Cofnodion – Pwyllgor Craffu (Gofal Cymdeithasol ac Iechyd), 5 Ionawr 2015");
    expect(await page.title()).toBe("Cofnodion – Pwyllgor Craffu (Gofal Cymdeithasol ac Iechyd), 5 Ionawr 2015 – Cofnod");
    await page.close();
  });
});
