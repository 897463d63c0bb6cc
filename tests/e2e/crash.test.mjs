// Killing the app (SIGKILL: no chance to save anything on the way out) a second after the
// clerk stops typing loses nothing: autosave has already put the text in the database.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Keys, Session, appPids, freshDataHome, startDriver } from "./webdriver.mjs";

const home = freshDataHome();
// What the "choose a file" dialog returns in this run: a Word document, not a PDF.
const notPdf = join(home, "Winter pressures report.docx");
writeFileSync(notPdf, "PK\u0003\u0004 this is a zip archive, not a PDF");
let driver;
let app;
after(async () => {
  await app?.quit();
  driver?.stop();
});

test("text typed a second before the app is killed is there when it starts again", async () => {
  driver = await startDriver({ XDG_DATA_HOME: home, COFNOD_TEST_OPEN_FILE: notPdf });
  app = await Session.start(driver.base);

  // The demo council's committee: plan a meeting and minute its first report.
  await app.click("[data-testid='new-meeting']");
  await app.select("[data-testid='meeting-body']", "Scrutiny Committee (Social Care and Health)");
  await app.setValue("[data-testid='meeting-date']", "2026-12-07");
  await app.click("[data-testid='meeting-create']");
  await app.fill("[data-testid='agenda-title']", "Winter pressures in domiciliary care");
  await app.click("[data-testid='agenda-add']");
  // Attaching a file that is not a PDF is refused, with the reason beside the item.
  await app.click("[data-testid='attach-report']");
  const refusal = await app.waitFor("[data-testid='agenda-list'] li .error");
  assert.match(await app.text(refusal), /PDF/);
  assert.doesNotMatch(await app.pageText(), /pages?\b.*Winter pressures report/);

  await app.click("[data-testid='tab-minutes']");
  const items = await app.findAll("[data-testid='minute-item']");
  await app.clickEl(items.at(-1));
  await app.waitFor("[data-testid='minute-heading']", { text: "WINTER PRESSURES" });
  await app.keys(Keys.ALT + "n" + Keys.NULL);
  const para = await app.waitFor("[data-testid='narrative-text']");
  const words = "The Head of Adult Services reported that 212 hours of care a week were unmet in November.";
  await app.type(para, words);
  await sleep(1000);

  const pids = appPids();
  assert.ok(pids.length > 0, "the app is running");
  for (const pid of pids) process.kill(pid, "SIGKILL");
  await sleep(500);
  assert.deepEqual(appPids(), [], "the app is dead");
  await app.quit();

  app = await Session.start(driver.base);
  await app.click("[data-testid='open-meeting']", { text: "7 December 2026" });
  await app.click("[data-testid='tab-minutes']");
  await app.click("[data-testid='minute-link']", { text: "Winter pressures" });
  const saved = await app.value(await app.waitFor("[data-testid='narrative-text']"));
  assert.equal(saved, words);
});
