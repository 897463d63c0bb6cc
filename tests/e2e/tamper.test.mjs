// Someone with the database file changes signed minutes behind Cofnod's back: the app's check at
// start names what was changed in a banner, and the signed minutes still print as signed.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Session, appPids, freshDataHome, startDriver } from "./webdriver.mjs";

const home = freshDataHome();
const db = join(home, "cymru.cofnod", "cofnod.sqlite3");
const shots = join(process.cwd(), "docs/screenshots");
let driver;
let app;
after(async () => {
  await app?.quit();
  driver?.stop();
});

async function closeApp() {
  await app.quit();
  // A loaded machine may take some seconds to close the window.
  for (let i = 0; i < 200 && appPids().length > 0; i++) await sleep(100);
  assert.deepEqual(appPids(), [], "the app has closed");
}

test("a clean record shows no warning; one changed by SQL is named at the next start", async () => {
  driver = await startDriver({ XDG_DATA_HOME: home });
  app = await Session.start(driver.base);
  await app.waitFor("[data-testid='open-meeting']", { text: "5 January 2015" });
  // The check runs beside the window; give it time to finish, then nothing is shown.
  await sleep(3000);
  assert.equal((await app.findAll("[data-testid='record-check']")).length, 0, "no warning on a clean record");
  await closeApp();

  // As an attacker with the file: the guard on signed resolutions dropped, a limb of the
  // demo's signed December minutes rewritten.
  const signedLimb = "SELECT r.id FROM resolution r JOIN meeting m ON m.id = r.meeting_id WHERE m.minutes_status = 'signed' ORDER BY r.limb LIMIT 1";
  execFileSync("sqlite3", [
    db,
    `DROP TRIGGER resolution_signed_update; UPDATE resolution SET text = 'the report be rejected.' WHERE id = (${signedLimb});`,
  ]);

  app = await Session.start(driver.base);
  const banner = await app.waitFor("[data-testid='record-check']", { text: "changed outside Cofnod", timeout: 30000 });
  const text = await app.text(banner);
  assert.match(text, /the trigger resolution_signed_update is missing/);
  assert.match(text, /resolution row [0-9a-f-]{36}: this row of signed minutes has been changed/);
  assert.match(text, /restore a backup/);
  await app.screenshot(join(shots, "record-check.png"));
});
