// `make bench`: publishing the generated archive (20 years: about 6,000 meetings and 200,000
// resolutions) as the public website, and searching it in Chromium.
// - Publishing in full, against its baseline in the same run: copying the site it wrote
//   (`cp -r`, the same files written again with no wording, printing or indexing). Target:
//   under 60 s.
// - Publishing again after one meeting changed (a referral of one resolution answered),
//   against publishing again with nothing changed. Target: under 1 s.
// - The site's size on disk.
// - Search in the published register in Chromium, over the register benchmark's 200 queries:
//   from the keystroke to the results drawn, p50 and p95; baseline: the same queries again,
//   their index chunks already loaded (the browser's own drawing and the search's compute).
//   Target: p95 under 50 ms.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";

const CLI = process.env.COFNOD_CLI ?? join(process.cwd(), "target/release/cofnod");
const QUERIES = process.env.COFNOD_QUERIES ?? join(process.cwd(), "target/release/examples/sample_queries");
const archive = process.env.COFNOD_ARCHIVE ?? join(process.cwd(), "target/register-archive.sqlite3");
for (const [what, path] of [["the release command line", CLI], ["the archive", archive], ["sample_queries", QUERIES]]) {
  if (!existsSync(path)) {
    console.error(`site benchmark: ${what} is missing (${path}); run \`make bench\``);
    process.exit(1);
  }
}
const work = mkdtempSync(join(tmpdir(), "cofnod-site-bench-"));
const db = join(work, "archive.sqlite3");
copyFileSync(archive, db);
const site = join(work, "site");
const url = "https://democracy.example.gov.uk/";

function seconds(f) {
  const t0 = performance.now();
  const out = f();
  return [(performance.now() - t0) / 1000, out];
}
const publish = () => execFileSync(CLI, ["--db", db, "publish", "--out", site, "--url", url], { encoding: "utf8", maxBuffer: 1 << 26 });

const [full, report] = seconds(publish);
console.log(report.trim().split("\n")[0]);
const [copy] = seconds(() => execFileSync("cp", ["-r", site, join(work, "copy")]));
rmSync(join(work, "copy"), { recursive: true, force: true });
const size = execFileSync("du", ["-sh", site], { encoding: "utf8" }).split("\t")[0];
const files = Number(execFileSync("sh", ["-c", `find '${site}' -type f | wc -l`], { encoding: "utf8" }));

const [same, sameOut] = seconds(publish);
// One meeting changes: the first open referral is answered.
const open = JSON.parse(execFileSync(CLI, ["--db", db, "referrals", "--json"], { encoding: "utf8", maxBuffer: 1 << 28 }));
execFileSync(CLI, ["--db", db, "referrals", "outcome", open[0].referral.id, "--outcome", "noted", "--response", "Noted by the benchmark."]);
const [one, oneOut] = seconds(publish);

const ratio = (a, b) => (a / b).toFixed(1);
console.log(`publish in full: ${full.toFixed(1)} s (${files} files, ${size}); baseline cp -r of the same site: ${copy.toFixed(1)} s; ratio ${ratio(full, copy)}x; target under 60 s: ${full < 60 ? "met" : "NOT met"}`);
console.log(`publish again, one meeting changed: ${one.toFixed(2)} s (${oneOut.match(/\(\d+ changed\)/)?.[0]}); baseline, nothing changed: ${same.toFixed(2)} s (${sameOut.match(/\(\d+ changed\)/)?.[0]}); ratio ${ratio(one, same)}x; target under 1 s: ${one < 1 ? "met" : "NOT met"}`);

// Search in Chromium, from a plain static server.
const require = createRequire(join(process.cwd(), "ui/package.json"));
const { chromium } = require("playwright-core");
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^\/+/, "");
  try {
    const body = readFileSync(join(site, path));
    const type = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" }[extname(path)];
    res.writeHead(200, { "content-type": type ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const executablePath = execFileSync("sh", ["-c", "command -v chromium"]).toString().trim();
const browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox"] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/en/register.html`);
await page.waitForSelector("form[data-ready='true']");
const queries = execFileSync(QUERIES, { encoding: "utf8" }).trim().split("\n").map((l) => JSON.parse(l));
const timeQueries = () =>
  page.evaluate(async (qs) => {
    const input = document.getElementById("q");
    const times = [];
    for (const q of qs) {
      const drawn = new Promise((r) => document.addEventListener("cofnod:results", (e) => e.detail.query === q && r(), { once: false }));
      const t0 = performance.now();
      input.value = q;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await drawn;
      await new Promise((r) => requestAnimationFrame(() => r()));
      times.push(performance.now() - t0);
    }
    return times;
  }, queries);
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const first = await timeQueries();
const again = await timeQueries();
console.log(`site search over ${queries.length} queries, keystroke to results drawn: p50 ${pct(first, 50).toFixed(1)} ms, p95 ${pct(first, 95).toFixed(1)} ms; baseline (index already loaded): p50 ${pct(again, 50).toFixed(1)} ms, p95 ${pct(again, 95).toFixed(1)} ms; ratio ${ratio(pct(first, 95), pct(again, 95))}x; target p95 under 50 ms: ${pct(first, 95) < 50 ? "met" : "NOT met"}`);
await browser.close();
server.close();
rmSync(work, { recursive: true, force: true });
