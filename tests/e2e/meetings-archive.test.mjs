// The Meetings screen on years of record, in the real app: it opens on the meetings to come and
// the most recent ones, a page of each and no more, and finds any older meeting by search and
// filters, all done by the store. The archive is generated for the test with the command line
// (`cofnod generate-archive`, 216 meetings from 2006); COFNOD_E2E_ARCHIVE names a database to
// copy instead (the 20-year benchmark archive: target/register-archive.sqlite3).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { APP, Session, freshDataHome, startDriver } from "./webdriver.mjs";

const shots = process.env.COFNOD_E2E_SHOTS ?? join(process.cwd(), "docs/screenshots");
const CLI = process.env.COFNOD_CLI ?? join(dirname(APP), "cofnod");
const home = freshDataHome();
const db = join(home, "cymru.cofnod", "cofnod.sqlite3");
let driver;
let app;
if (!existsSync(CLI) && !process.env.COFNOD_E2E_ARCHIVE) {
  throw new Error(`the command line is missing (${CLI}): build the workspace first`);
}

/** The rows the screen has drawn, in each list. */
const rows = (list) => app.exec(`return document.querySelectorAll("[data-testid=meetings-${list}] [data-testid=open-meeting]").length`);
const dates = (list) =>
  app.exec(`return [...document.querySelectorAll("[data-testid=meetings-${list}] [data-testid=open-meeting]")].map((b) => b.textContent.trim())`);

before(async () => {
  mkdirSync(dirname(db), { recursive: true });
  if (process.env.COFNOD_E2E_ARCHIVE) {
    copyFileSync(process.env.COFNOD_E2E_ARCHIVE, db);
  } else {
    execFileSync(CLI, ["--db", db, "generate-archive", "--bodies", "6", "--years", "3", "--meetings-per-year", "72", "--items-per-meeting", "2"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  driver = await startDriver({ XDG_DATA_HOME: home });
  app = await Session.start(driver.base, { timeout: 60000 });
});
after(async () => {
  await app?.quit();
  driver?.stop();
  rmSync(home, { recursive: true, force: true });
});

test("the meetings screen opens on a page of the most recent meetings, not the whole archive", async () => {
  await app.click("[data-testid='nav-meetings']");
  await app.waitFor("[data-testid='meetings-recent'] [data-testid='open-meeting']", { timeout: 60000 });
  const total = await app.exec("return document.querySelectorAll('[data-testid=open-meeting]').length");
  assert.ok(total <= 50, `${total} rows drawn: at most a page of each list`);
  assert.equal(await rows("recent"), 30);
  const showing = await app.text(await app.find("[data-testid='meetings-recent-pager-showing']"));
  assert.match(showing, /^Showing 1–30 of [\d,]+$/);
  const all = Number(showing.split(" of ")[1].replace(/,/g, ""));
  assert.ok(all >= 200, `the archive's past meetings are counted (${all}), not drawn`);
  // Most recent first.
  const shown = (await dates("recent")).map((d) => Date.parse(d.replace(/^\w+ /, "")));
  assert.ok(shown.every((d, i) => i === 0 || d <= shown[i - 1]), "most recent first");
  await app.waitFor("[data-testid='meetings-upcoming-none']", { text: "No meetings planned from today on." });
  await app.screenshot(join(shots, "meetings-archive.png"));

  // The next page, by keyboard: the first meeting of the page has the focus.
  await app.exec("document.querySelector('[data-testid=meetings-recent-pager-next]').focus()");
  await app.keys("\uE007");
  await app.waitFor("[data-testid='meetings-recent-pager-showing']", { text: "Showing 31–60 of" });
  assert.equal(await rows("recent"), 30);
  const focused = await app.exec("return document.activeElement?.dataset.testid ?? ''");
  assert.equal(focused, "open-meeting");
});

test("a search finds an old meeting by its month, and a committee filter narrows it", async () => {
  await app.fill("[data-testid='meetings-search']", "2007-03");
  await app.waitFor("[data-testid='meetings-results'] [data-testid='open-meeting']", { text: "March 2007" });
  const found = await dates("results");
  assert.ok(found.length > 1, `${found.length} meetings in March 2007`);
  assert.ok(found.every((d) => d.includes("March 2007")), found.join("; "));
  assert.equal(await app.exec("return document.querySelectorAll('[data-testid=meetings-upcoming]').length"), 0);
  await app.select("[data-testid='meetings-committee']", "Cabinet");
  await app.waitFor("[data-testid='meetings-results'] td", { text: "Cabinet" });
  for (let i = 0; i < 50; i++) {
    const committees = await app.exec(
      `return [...document.querySelectorAll("[data-testid=meetings-results] tbody tr td:nth-child(2)")].map((td) => td.textContent.trim())`,
    );
    if (committees.length > 0 && committees.length < found.length && committees.every((c) => c === "Cabinet")) break;
    assert.ok(i < 49, `the filter narrows to Cabinet's meetings: ${committees.join("; ")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await app.screenshot(join(shots, "meetings-search.png"));
  // Enter on a meeting found opens it.
  await app.exec("document.querySelector('[data-testid=meetings-results] [data-testid=open-meeting]').focus()");
  await app.keys("\uE007");
  await app.waitFor("[data-testid='meeting-title']", { text: "Cabinet" });
});

test("coming back finds the search as it was; clearing it shows upcoming and recent again", async () => {
  await app.click("[data-testid='nav-meetings']");
  await app.waitFor("[data-testid='meetings-results'] [data-testid='open-meeting']", { text: "March 2007" });
  await app.click("[data-testid='meetings-clear']");
  await app.waitFor("[data-testid='meetings-recent'] [data-testid='open-meeting']");
  assert.equal(await rows("recent"), 30);
});

