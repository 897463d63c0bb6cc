// `make bench`: Cofnod's time from start to the register being usable on the generated
// archive (the window up, the register opened, "mental health" typed, the first results shown), against a
// minimal Tauri window's time to show its one-line page (src-tauri/examples/minimal.rs).
// Both are started the same way (tauri-driver, WebKitWebDriver) in the same run, alternately,
// and the medians compared. Run under Xvfb: `make bench` does.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { APP, Session, startDriver } from "../e2e/webdriver.mjs";

const archive = process.env.COFNOD_ARCHIVE ?? join(process.cwd(), "target/register-archive.sqlite3");
const minimal = process.env.COFNOD_MINIMAL ?? join(process.cwd(), "target/debug/examples/minimal");
const runs = Number(process.env.COFNOD_STARTUP_RUNS ?? 5);
for (const [what, path] of [["the generated archive", archive], ["the minimal window", minimal], ["the app", APP]]) {
  if (!existsSync(path)) {
    console.error(`startup benchmark: ${what} is missing (${path}); run \`make bench\``);
    process.exit(1);
  }
}

// The app's data directory holds a copy of the archive as its database.
const home = mkdtempSync(join(tmpdir(), "cofnod-startup-"));
mkdirSync(join(home, "cymru.cofnod"), { recursive: true });
copyFileSync(archive, join(home, "cymru.cofnod", "cofnod.sqlite3"));
const driver = await startDriver({ XDG_DATA_HOME: home });
// The same app with its check of the record at start turned off: what the check costs start-up.
const unchecked = await startDriver({ XDG_DATA_HOME: home, COFNOD_SKIP_START_CHECK: "1" });
const checkDone = [];

async function timeApp(d = driver) {
  const t0 = performance.now();
  const s = await Session.start(d.base, { timeout: 60000 });
  await s.click("[data-testid='nav-register']");
  const input = await s.waitFor("[data-testid='register-input']", { timeout: 60000 });
  await s.type(input, "mental health");
  await s.waitFor("[data-testid='register-hit']", { timeout: 60000, text: "ealth" });
  const ms = performance.now() - t0;
  if (d === driver) {
    // When the check (run beside the window) has finished, and that it found the archive clean.
    for (;;) {
      const c = await s.exec("return window.__TAURI_INTERNALS__.invoke('record_check', {})");
      if (c.done) {
        if (c.problems.length > 0 || c.error) throw new Error(`the archive does not verify: ${c.error ?? c.problems[0]}`);
        checkDone.push(performance.now() - t0);
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  await s.quit();
  return ms;
}

async function timeMinimal() {
  const t0 = performance.now();
  const s = await Session.start(driver.base, { application: minimal, ready: "#ready", timeout: 60000 });
  const ms = performance.now() - t0;
  await s.quit();
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  // One of each first, unmeasured, so neither pays for a cold disk cache alone.
  await timeMinimal();
  await timeApp();
  await timeApp(unchecked);
  checkDone.length = 0;
  const app = [];
  const base = [];
  const noCheck = [];
  for (let i = 0; i < runs; i++) {
    base.push(await timeMinimal());
    app.push(await timeApp());
    noCheck.push(await timeApp(unchecked));
  }
  const a = median(app);
  const b = median(base);
  const c = median(noCheck);
  console.log(`start-up to a usable register (${runs} runs each, medians, same WebDriver path)`);
  console.log(`  Cofnod, register searched on the archive  ${a.toFixed(0).padStart(6)} ms`);
  console.log(`  minimal Tauri window, page shown          ${b.toFixed(0).padStart(6)} ms`);
  console.log(`  ratio (Cofnod / minimal window): ${(a / b).toFixed(2)}x`);
  console.log(`  Cofnod without its check of the record    ${c.toFixed(0).padStart(6)} ms`);
  console.log(`  the check (cofnod verify, beside the window) finished ${median(checkDone).toFixed(0)} ms after start`);
  console.log(`  start-up check's cost: ${(((a - c) / c) * 100).toFixed(1)}% of start-up (target under 10%)`);
} finally {
  driver.stop();
  unchecked.stop();
  rmSync(home, { recursive: true, force: true });
}
