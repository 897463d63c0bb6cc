// `make bench`: Cofnod on the generated 20-year archive against a minimal Tauri window
// (src-tauri/examples/minimal.rs), both release builds, started the same way (tauri-driver,
// WebKitWebDriver) in the same run, alternately, and the medians compared. Run under Xvfb.
// - Start-up: from asking for the window to the register usable ("mental health" typed, the
//   first results shown), against the minimal window's time to show its one-line page; both
//   waited for inside the page (see `started`).
//   Target: within 1.5 times.
// - Memory: the whole process tree (the app and the WebKit processes it starts), summed as
//   proportional set size (PSS: a library shared by two of its processes counts once), after
//   visiting every screen (Meetings, a meeting's five tabs, the register and a resolution,
//   Referrals, Publish, Set-up), against the minimal window's tree with its page shown.
//   Target: within 1.2 times.
// - What the check of the record at start (beside the window) costs start-up.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Session, startDriver } from "../e2e/webdriver.mjs";

const archive = process.env.COFNOD_ARCHIVE ?? join(process.cwd(), "target/register-archive.sqlite3");
const app = resolve(process.env.COFNOD_BENCH_APP ?? join(process.cwd(), "target/release/cofnod-app"));
const minimal = resolve(process.env.COFNOD_MINIMAL ?? join(process.cwd(), "target/release/examples/minimal"));
const runs = Number(process.env.COFNOD_STARTUP_RUNS ?? 5);
for (const [what, path] of [["the generated archive", archive], ["the minimal window", minimal], ["the app", app]]) {
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

/** Every process (pid → {ppid, exe}) on the machine. */
function processes() {
  const all = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      let exe = "";
      try {
        exe = readlinkSync(`/proc/${d}/exe`);
      } catch {
        // a process of another user, or gone
      }
      all.set(Number(d), { ppid, exe });
    } catch {
      // gone since the listing
    }
  }
  return all;
}

/** The memory of every process started from `exe` and all their descendants, in MB:
 *  PSS (shared pages divided among the processes sharing them) and RSS. */
function treeMemory(exe) {
  const all = processes();
  const roots = [...all].filter(([, p]) => p.exe === exe).map(([pid]) => pid);
  if (roots.length === 0) throw new Error(`no process runs ${exe}`);
  const tree = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of all) {
      if (!tree.has(pid) && tree.has(p.ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let pss = 0;
  let rss = 0;
  const each = [];
  for (const pid of tree) {
    try {
      const text = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      const p = Number(/^Pss:\s+(\d+)/m.exec(text)?.[1] ?? 0);
      const anon = Number(/^Pss_Anon:\s+(\d+)/m.exec(text)?.[1] ?? 0);
      pss += p;
      rss += Number(/^Rss:\s+(\d+)/m.exec(text)?.[1] ?? 0);
      const name = (all.get(pid)?.exe ?? "").split("/").pop();
      // The database file SQLite reads through mapped memory (PRAGMA mmap_size): its pages
      // count in the process's PSS once touched, though the kernel can drop them at will.
      let mapped = 0;
      let inMap = false;
      for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
        if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) inMap = line.endsWith(".sqlite3");
        else if (inMap && line.startsWith("Pss:")) mapped += Number(/(\d+)/.exec(line)?.[1] ?? 0);
      }
      each.push(
        `${name} ${(p / 1024).toFixed(0)} MB (anonymous ${(anon / 1024).toFixed(0)} MB` +
          (mapped ? `, the database mapped ${(mapped / 1024).toFixed(0)} MB)` : ")"),
      );
    } catch {
      // gone
    }
  }
  return { pss: pss / 1024, rss: rss / 1024, processes: tree.size, each };
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every screen once, as a clerk would look round the archive. */
async function visitEveryScreen(s) {
  await s.click("[data-testid='nav-meetings']");
  await s.click("[data-testid='open-meeting']");
  for (const tab of ["agenda", "attendance", "minutes", "translation", "approval"]) {
    await s.click(`[data-testid='tab-${tab}']`);
    await pause(300);
  }
  await s.click("[data-testid='nav-register']");
  const input = await s.waitFor("[data-testid='register-input']");
  // The register keeps the last search ("mental health"): a new one replaces it.
  await s.clear(input);
  await s.type(input, "housing");
  await s.click("[data-testid='register-hit']");
  await pause(500);
  for (const screen of ["referrals", "publish", "setup", "meetings"]) {
    await s.click(`[data-testid='nav-${screen}']`);
    await pause(500);
  }
}

/**
 * Starts `application` and runs `steps` (a script's body, awaited in the page, with `until(f)`:
 * resolves with f()'s value once it is truthy, checked every 5 ms). The waiting is done in the
 * page rather than by asking WebDriver again and again, whose every question is a round trip
 * (and, for a list, one per element): it would charge the harness's own polling to whichever
 * app needs more steps. Both apps are timed this way, from asking for the window to the end of
 * `steps`.
 */
async function started(base, application, steps) {
  const t0 = performance.now();
  const s = await Session.start(base, { application, ready: "body", timeout: 60000 });
  await s.exec(`return (async () => {
    const until = (f) => new Promise((done, fail) => {
      const t = performance.now();
      const tick = () => {
        const v = f();
        if (v) done(v);
        else if (performance.now() - t > 60000) fail(new Error("timed out: " + f));
        else setTimeout(tick, 5);
      };
      tick();
    });
    ${steps}
    return true;
  })()`);
  return { s, t0, ms: performance.now() - t0 };
}

/** Cofnod's steps: its first screen shown, the Register opened from the sidebar as a clerk
 *  would, "mental health" searched, and
 *  the first result shown with the words marked. */
const SEARCH_REGISTER = `
    (await until(() => document.querySelector("[data-testid='nav-register']"))).click();
    const input = await until(() => document.querySelector("[data-testid='register-input']"));
    input.value = "mental health";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await until(() => document.querySelector("[data-testid='register-hit'] mark"));`;

async function timeApp(d = driver, { measure = false } = {}) {
  const { s, t0, ms } = await started(d.base, app, SEARCH_REGISTER);
  let memory;
  if (d === driver) {
    // When the check (run beside the window) has finished, and that it found the archive clean.
    for (;;) {
      const c = await s.exec("return window.__TAURI_INTERNALS__.invoke('record_check', {})");
      if (c.done) {
        if (c.problems.length > 0 || c.error) throw new Error(`the archive does not verify: ${c.error ?? c.problems[0]}`);
        checkDone.push(performance.now() - t0);
        break;
      }
      await pause(50);
    }
  }
  if (measure) {
    await visitEveryScreen(s);
    await pause(2000);
    memory = treeMemory(app);
  }
  await s.quit();
  return { ms, memory };
}

async function timeMinimal({ measure = false } = {}) {
  const { s, ms } = await started(driver.base, minimal, `await until(() => document.querySelector("#ready"));`);
  let memory;
  if (measure) {
    await pause(2000);
    memory = treeMemory(minimal);
  }
  await s.quit();
  return { ms, memory };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const verdict = (ratio, target) => `${ratio.toFixed(2)}x (target within ${target}x: ${ratio <= target ? "met" : "NOT met"})`;
try {
  // One of each first, unmeasured, so neither pays for a cold disk cache alone.
  await timeMinimal();
  await timeApp();
  await timeApp(unchecked);
  checkDone.length = 0;
  const times = { app: [], base: [], noCheck: [] };
  const memory = { app: [], base: [] };
  for (let i = 0; i < runs; i++) {
    const m = await timeMinimal({ measure: true });
    times.base.push(m.ms);
    memory.base.push(m.memory);
    const a = await timeApp(driver, { measure: true });
    times.app.push(a.ms);
    memory.app.push(a.memory);
    times.noCheck.push((await timeApp(unchecked)).ms);
  }
  const a = median(times.app);
  const b = median(times.base);
  const c = median(times.noCheck);
  console.log(`start-up to a usable register (release builds, ${runs} runs each, medians, same WebDriver path)`);
  console.log(`  Cofnod, register searched on the archive  ${a.toFixed(0).padStart(6)} ms`);
  console.log(`  minimal Tauri window, page shown          ${b.toFixed(0).padStart(6)} ms`);
  console.log(`  ratio (Cofnod / minimal window): ${verdict(a / b, 1.5)}`);
  console.log(`  Cofnod without its check of the record    ${c.toFixed(0).padStart(6)} ms`);
  console.log(`  the check (cofnod verify, beside the window) finished ${median(checkDone).toFixed(0)} ms after start`);
  console.log(`  start-up check's cost: ${(((a - c) / c) * 100).toFixed(1)}% of start-up (target under 10%)`);
  const pa = median(memory.app.map((m) => m.pss));
  const pb = median(memory.base.map((m) => m.pss));
  const ra = median(memory.app.map((m) => m.rss));
  const rb = median(memory.base.map((m) => m.rss));
  console.log(`memory of the whole process tree (PSS, medians; RSS summed in brackets)`);
  console.log(`  Cofnod on the archive, every screen visited  ${pa.toFixed(0).padStart(5)} MB (${ra.toFixed(0)} MB) in ${memory.app[0].processes} processes`);
  console.log(`  minimal Tauri window, page shown             ${pb.toFixed(0).padStart(5)} MB (${rb.toFixed(0)} MB) in ${memory.base[0].processes} processes`);
  console.log(`  ratio (Cofnod / minimal window): ${verdict(pa / pb, 1.2)}`);
  console.log(`  by process, last run: Cofnod: ${memory.app.at(-1).each.join(", ")}`);
  console.log(`                        minimal: ${memory.base.at(-1).each.join(", ")}`);
} finally {
  driver.stop();
  unchecked.stop();
  rmSync(home, { recursive: true, force: true });
}
