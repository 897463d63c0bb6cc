// The first start in the real app: with no database, a choice and no file; a clerk sets up a
// new council by keyboard and mouse and works in it, and the next start goes straight there;
// the demo only when chosen; and Set-up's Database section backs the record up and restores it.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keys, Session, freshDataHome, startDriver } from "./webdriver.mjs";

const shots = join(process.cwd(), "docs/screenshots");
const running = [];
const made = [];
after(async () => {
  for (const { app, driver } of running) {
    await app?.quit();
    driver?.stop();
  }
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The database file the app uses under data directory `home`. */
const databaseIn = (home) => join(home, "cymru.cofnod", "cofnod.sqlite3");

/** Starts the app on a fresh data directory (with `env`), waiting for `ready`. */
async function launch(env, ready) {
  const home = freshDataHome();
  made.push(home);
  const driver = await startDriver({ XDG_DATA_HOME: home, ...env });
  const run = { driver, home, app: await Session.start(driver.base, ready ? { ready } : {}) };
  running.push(run);
  return run;
}

async function optionsOf(app, css) {
  return app.exec(`return [...document.querySelector(arguments[0]).options].map((o) => o.textContent.trim())`, [css]);
}

test("with no database the clerk chooses, sets up a new council and is straight back in it next time", async () => {
  const run = await launch({ COFNOD_DEMO: "" }, "[data-testid='first-start']");
  const { app, home } = run;
  const db = databaseIn(home);
  const choice = await app.text(await app.find("[data-testid='first-start']"));
  assert.match(choice, /Set up a new council/);
  assert.match(choice, /Open the demo council/);
  assert.match(choice, /fictional council/);
  assert.equal(await app.text(await app.find("[data-testid='start-database-path']")), db);
  assert.equal(existsSync(db), false, "no database file before the choice");
  assert.equal((await app.findAll("[data-testid='nav-meetings']")).length, 0, "no council's screens before the choice");
  await app.screenshot(join(shots, "first-start.png"));

  await app.click("[data-testid='start-new']");
  await app.fill("[data-testid='start-name-en']", "Glan-yr-Afon County Council");
  await app.keys(Keys.TAB);
  await app.keys("Cyngor Sir Glan-yr-Afon");
  // Finishing without a committee is refused, naming it, and creates nothing.
  await app.click("[data-testid='start-finish']");
  await app.waitFor("[data-testid='start-error']", { text: "Committee name: must not be empty" });
  assert.equal(existsSync(db), false, "a refused set-up creates no database");

  await app.fill("[data-testid='start-committee-en']", "Governance and Audit Committee");
  await app.fill("[data-testid='start-committee-cy']", "Pwyllgor Llywodraethu ac Archwilio");
  await app.select("[data-testid='start-committee-kind']", "Scrutiny committee");
  // Members by the keyboard (Enter adds) and by the mouse, one corrected before finishing.
  await app.fill("[data-testid='start-member-name']", "Mrs. S. Rees");
  await app.keys(Keys.ENTER);
  await app.waitFor("[data-testid='start-member']", { text: "" });
  await app.fill("[data-testid='start-member-name']", "D.J. Prise");
  await app.click("[data-testid='start-member-add']");
  await app.fill("[data-testid='start-member-name']", "A. Mistake");
  await app.keys(Keys.ENTER);
  await app.waitFor("[data-testid='start-members-count']", { text: "3 members listed" });
  const rows = await app.findAll("[data-testid='start-member-edit']");
  await app.clear(rows[1]);
  await app.type(rows[1], "D.J. Price");
  const removes = await app.findAll("[data-testid='start-member-remove']");
  await app.clickEl(removes[2]);
  await app.waitFor("[data-testid='start-members-count']", { text: "2 members listed" });
  const listed = await app.exec("return [...document.querySelectorAll('[data-testid=start-member-edit]')].map((i) => i.value)");
  assert.deepEqual(listed, ["Mrs. S. Rees", "D.J. Price"]);
  await app.click("[data-testid='start-finish']");

  // The Meetings screen of the new council.
  await app.waitFor("[data-testid='nav-meetings']");
  await app.waitFor("h1", { text: "Meetings" });
  await app.waitFor(".brand-sub", { text: "Glan-yr-Afon County Council" });
  assert.equal(existsSync(db), true, "the database is made by Finish");
  await app.click("[data-testid='new-meeting']");
  await app.waitFor("[data-testid='meeting-body'] option", { text: "Governance and Audit Committee" });
  assert.deepEqual(await optionsOf(app, "[data-testid='meeting-body']"), ["Governance and Audit Committee"]);

  await app.click("[data-testid='nav-setup']");
  await app.select("[data-testid='membership-body']", "Governance and Audit Committee");
  await app.waitFor("[data-testid='member']", { text: "Councillor D.J. Price" });
  const members = await app.exec("return [...document.querySelectorAll('[data-testid=member] strong')].map((m) => m.textContent.trim())");
  assert.deepEqual([...members].sort(), ["Councillor D.J. Price", "Councillor Mrs. S. Rees"]);
  await app.waitFor("[data-testid='database-path']", { text: db });

  // The next start goes straight into the same council.
  await app.quit();
  run.app = await Session.start(run.driver.base);
  await run.app.waitFor(".brand-sub", { text: "Glan-yr-Afon County Council" });
  assert.equal((await run.app.findAll("[data-testid='first-start']")).length, 0, "no choice once a council is set up");
});

test("the demo council opens only when chosen", async () => {
  const { app, home } = await launch({ COFNOD_DEMO: "" }, "[data-testid='first-start']");
  assert.equal(existsSync(databaseIn(home)), false);
  await app.click("[data-testid='start-demo']");
  await app.waitFor("[data-testid='open-meeting']", { text: "5 January 2015" });
  await app.waitFor("main", { text: "Scrutiny Committee (Social Care and Health)" });
  await app.waitFor(".brand-sub", { text: "Glantawe County Borough Council" });
  assert.equal(existsSync(databaseIn(home)), true);
});

test("Set-up backs the database up and restores it, and every screen shows the restored record", async () => {
  const saveDir = mkdtempSync(join(tmpdir(), "cofnod-backup-"));
  made.push(saveDir);
  const restoreFrom = join(saveDir, "restore-me.sqlite3");
  const { app, home } = await launch({ COFNOD_TEST_SAVE_DIR: saveDir, COFNOD_TEST_OPEN_FILE: restoreFrom });
  await app.click("[data-testid='nav-setup']");
  await app.waitFor("[data-testid='database-path']", { text: databaseIn(home) });
  await app.click("[data-testid='database-backup']");
  const done = await app.text(await app.waitFor("[data-testid='database-backed-up']"));
  assert.match(done, new RegExp(`Backed up to ${saveDir}/cofnod-backup-[0-9-]+\\.sqlite3 \\([0-9.]+ [KM]B\\)\\. SQLite's integrity check found the copy whole\\.`));
  const backups = readdirSync(saveDir).filter((f) => f.startsWith("cofnod-backup-"));
  assert.equal(backups.length, 1, `one backup file: ${backups}`);
  copyFileSync(join(saveDir, backups[0]), restoreFrom);

  // A change after the backup...
  await app.fill("[data-testid='person-name']", "Ms. A. Newydd");
  await app.click("[data-testid='person-add']");
  await app.waitFor(".banner.ok", { text: "Ms. A. Newydd is added" });
  await app.waitFor("main", { text: "Ms. A. Newydd" });

  // ...is gone once the backup is restored, after a confirmation naming what is replaced.
  await app.click("[data-testid='database-restore']");
  const confirm = await app.text(await app.waitFor("[data-testid='database-restore-confirm']"));
  assert.match(confirm, new RegExp(`Backup: ${restoreFrom}`));
  assert.match(confirm, new RegExp(`whole record of Glantawe County Borough Council in ${databaseIn(home)}`));
  assert.match(confirm, /A copy of the current database is kept first/);
  await app.click("[data-testid='database-restore-yes']");
  const restored = await app.text(await app.waitFor("[data-testid='database-restored']"));
  assert.match(restored, new RegExp(`Restored from ${restoreFrom}\\. The database as it was before is kept at `));
  await app.waitGone("main", { text: "Ms. A. Newydd" });
  const kept = readdirSync(join(home, "cymru.cofnod")).filter((f) => f.includes("before-restore"));
  assert.equal(kept.length, 1, `the database as it was is kept: ${kept}`);
  // Every screen reads the restored record.
  await app.click("[data-testid='nav-meetings']");
  await app.waitFor("[data-testid='open-meeting']", { text: "5 January 2015" });
  await app.waitFor("main", { text: "Scrutiny Committee (Social Care and Health)" });
});
