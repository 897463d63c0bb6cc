// "Publish website" in the real app: the demo council's public website written into a new
// folder, every page the clerk expects there on disk and the result's numbers shown; published
// again, nothing of a meeting changed; a folder of other files refused with nothing written.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session, freshDataHome, startDriver } from "./webdriver.mjs";

const shots = join(process.cwd(), "docs/screenshots");
const home = freshDataHome();
// A folder that does not exist yet: publishing makes it.
const site = join(mkdtempSync(join(tmpdir(), "cofnod-site-")), "democracy");
// A folder of the clerk's own files, which publishing must refuse.
const other = mkdtempSync(join(tmpdir(), "cofnod-other-"));
writeFileSync(join(other, "Budget notes.txt"), "not for the website\n");
let driver;
let app;

before(async () => {
  driver = await startDriver({ XDG_DATA_HOME: home });
  app = await Session.start(driver.base);
});
after(async () => {
  await app?.quit();
  driver?.stop();
});

/** Every file under `dir`, as paths relative to it. */
function files(dir, prefix = "") {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

const RESULT = /Published\. Meetings: (\d+) \((\d+) changed\)\. Resolutions: (\d+)\. Files: (\d+) \((\d+) written, (\d+) unchanged, (\d+) removed\), ([\d.]+) MB\./;

/** Publishes into `folder` and waits for the result, or the error, to show. */
async function publish(folder, waitFor = "[data-testid='publish-result']", text = "Published") {
  await app.fill("[data-testid='publish-folder']", folder);
  await app.click("[data-testid='publish-start']");
  return app.text(await app.waitFor(waitFor, { text, timeout: 180000 }));
}

test("the demo's website is published into a new folder, and the result says what was written", async () => {
  await app.click("[data-testid='nav-publish']");
  await app.waitFor("[data-testid='publish-view']", { text: "Never exempt information" });
  await app.fill("[data-testid='publish-address']", "https://democracy.example.gov.uk/");
  const result = await publish(site);
  const m = RESULT.exec(result);
  assert.ok(m, `the result is worded: ${result}`);
  const [meetings, changed, resolutions, count, written, unchanged, removed, mb] = m.slice(1).map(Number);
  assert.ok(meetings > 0, "the demo's meetings are published");
  assert.equal(changed, meetings, "the first time, every meeting is written");
  assert.ok(resolutions > 0);
  assert.equal(unchanged, 0);
  assert.equal(removed, 0);
  assert.equal(written, count);
  assert.ok(result.includes(`The site is in ${site}`), result);

  // On disk: the language choice, both languages' pages, a page per meeting.
  for (const page of ["index.html", "en/index.html", "cy/index.html", "en/register.html", "cy/register.html", "oparl/system.json", "oparl/body/1.json"]) {
    assert.ok(existsSync(join(site, page)), `${page} is published`);
  }
  const meetingPages = readdirSync(join(site, "en/meeting")).filter((f) => f.endsWith(".html"));
  assert.equal(meetingPages.length, meetings, "a page per meeting");
  assert.ok(existsSync(join(site, "cy/meeting", meetingPages[0])), "and each in Welsh");
  const onDisk = files(site).filter((f) => f !== ".cofnod-site.json");
  assert.equal(onDisk.length, count, "the result counts the files the folder holds");
  const bytes = onDisk.reduce((n, f) => n + statSync(join(site, f)).size, 0);
  assert.equal(mb, Number((bytes / 1_000_000).toFixed(1)), "and their size");
  await app.screenshot(join(shots, "publish.png"));
});

test("published again with nothing changed, no meeting is written again", async () => {
  const result = await publish(site, "[data-testid='publish-result']", "(0 changed)");
  const m = RESULT.exec(result);
  assert.ok(m, result);
  const [meetings, changed, , count, written, unchanged, removed] = m.slice(1).map(Number);
  assert.ok(meetings > 0);
  assert.equal(changed, 0);
  assert.equal(written, 0, "no file is written again");
  assert.equal(removed, 0);
  // The site-wide pages are compared and left; a meeting's files are not even read again.
  assert.ok(unchanged > 0 && unchanged < count, `${unchanged} of ${count} unchanged`);
  assert.equal(files(site).filter((f) => f !== ".cofnod-site.json").length, count);
});

test("a folder of other files is refused, and nothing is written there", async () => {
  const error = await publish(other, "[data-testid='publish-error']", "already holds files that Cofnod did not publish");
  assert.ok(error.includes(other), error);
  assert.deepEqual(readdirSync(other), ["Budget notes.txt"]);
  assert.equal((await app.findAll("[data-testid='publish-result']")).length, 0, "no result is shown");
  assert.equal((await app.findAll("[data-testid='publish-progress']")).length, 0);
});
