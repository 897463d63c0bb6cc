// The published website of the demo council, as a member of the public uses it: published by
// the real `cofnod publish`, served by a plain static server, read in Debian's Chromium.
// A member searches the register for the demo's recommendation, opens it, follows its referral
// to Cabinet's answer and switches to Welsh; axe-core checks every page visited, and every page
// template in both languages, for WCAG 2.2 AA; and the same journey is made by keyboard alone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, normalize } from "node:path";
import { createRequire } from "node:module";
import { axeRun } from "../../ui/tests/axe.mjs";

const require = createRequire(join(process.cwd(), "ui/package.json"));
const { chromium } = require("playwright-core");

const CLI = process.env.COFNOD_CLI ?? join(process.cwd(), "target/debug/cofnod");
const SHOTS = process.env.COFNOD_SITE_SHOTS; // a folder: screenshots for the README
const BODY = "Scrutiny Committee (Social Care and Health)";

let server, browser, base, site, ids;

function cofnod(args, env) {
  return execFileSync(CLI, args, { env: { ...process.env, ...env }, encoding: "utf8" });
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".pdf": "application/pdf",
  ".ics": "text/calendar",
};

before(async () => {
  const home = mkdtempSync(join(tmpdir(), "cofnod-site-"));
  const env = { XDG_DATA_HOME: home, COFNOD_DB: "" };
  delete env.COFNOD_DB;
  cofnod(["init", "--demo"], env);
  // The January minutes go to members, and Cabinet answers the scrutiny committee's referral.
  cofnod(["publish-draft", "2015-01-05", "--body", BODY], env);
  const meetings = cofnod(["meetings"], env).split("\n");
  const cabinet = meetings.find((l) => l.includes("2015-01-26")).split(/\s+/)[0];
  const referral = JSON.parse(cofnod(["referrals", "--json"], env))[0].referral;
  cofnod(["referrals", "outcome", referral.id, "--outcome", "accepted", "--meeting", cabinet,
    "--response", "Cabinet accepted the recommendation and asked for a report in six months."], env);
  ids = { resolution: referral.resolution_id, cabinet };
  site = join(home, "site");
  cofnod(["publish", "--out", site, "--url", "https://democracy.glantawe.gov.uk/"], env);

  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^\/+/, "");
    let file = join(site, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${server.address().port}/`;
  const executablePath = execFileSync("sh", ["-c", "command -v chromium"]).toString().trim();
  browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox"] });
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** axe-core on the page as it stands: WCAG 2.0, 2.1 and 2.2, A and AA (ui/tests/axe.mjs). */
async function axe(page) {
  const { violations, passes } = await axeRun(page);
  assert.deepEqual(violations, [], `axe-core on ${page.url()}`);
  assert.ok(passes > 10, "axe-core ran its checks");
}

async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

test("a member searches the register, opens the recommendation, follows it to Cabinet's answer and reads it in Welsh", async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const visited = [];
  const visit = async () => {
    visited.push(page.url());
    await axe(page);
  };

  await page.goto(base);
  await visit();
  await page.getByRole("link", { name: /English/ }).click();
  await page.getByRole("link", { name: "Resolutions register" }).first().click();
  await page.waitForSelector("form[data-ready='true']");
  await page.getByLabel("Search the resolutions").fill("safeguarding Cabinet");
  const result = page.locator("#results li a", { hasText: "8(2)" });
  await result.waitFor();
  assert.match(await page.locator("#count").textContent(), /resolution/);
  // The excerpt marks the words found and keeps the spaces around them.
  const excerpt = page.locator("#results li", { hasText: "8(2)" }).locator("p").nth(1);
  assert.match(await excerpt.textContent(), /safeguarding and care planning/);
  assert.equal(await excerpt.locator("mark").first().textContent(), "safeguarding");
  await shot(page, "site-register");
  await visit();
  // The decision filter narrows to recommendations, and a decision it does not hold empties it.
  await page.getByLabel("Decision").selectOption("RESOLVED");
  await page.waitForFunction(() => !document.querySelector("#results li a")?.textContent.includes("8(2)"));
  await page.getByLabel("Decision").selectOption("RECOMMENDED");
  await result.waitFor();
  await result.click();

  await page.waitForURL(new RegExp(`en/resolution/${ids.resolution}\\.html$`));
  assert.equal(await page.locator("h1").textContent(), "Resolution 8(2)");
  const referral = page.locator("section.referral");
  assert.match(await referral.textContent(), /Cabinet/);
  assert.match(await referral.textContent(), /Accepted/);
  assert.match(await referral.textContent(), /asked for a report in six months/);
  await shot(page, "site-resolution");
  await visit();

  // To Cabinet's meeting, where it was considered.
  await referral.getByRole("link", { name: /Cabinet, 26th January, 2015/ }).click();
  await page.waitForURL(new RegExp(`en/meeting/${ids.cabinet}\\.html$`));
  assert.match(await page.locator("h1").textContent(), /^Cabinet, 26th January, 2015/);
  await visit();

  // Back to the resolution, and into Welsh.
  await page.goBack();
  await page.getByRole("link", { name: "Cymraeg" }).click();
  await page.waitForURL(new RegExp(`cy/resolution/${ids.resolution}\\.html$`));
  assert.equal(await page.locator("html").getAttribute("lang"), "cy");
  assert.equal(await page.locator("h1").textContent(), "Penderfyniad 8(2)");
  assert.match(await page.locator("section.referral").textContent(), /Derbyniwyd|Ystyriwyd/);
  // The demo's minutes are not translated: their English words are marked as English.
  assert.match(await page.locator("p.resolution [lang='en']").textContent(), /the report and presentation/);
  await shot(page, "site-resolution-cy");
  await visit();
  // The Welsh register searches too, and its results are Welsh pages.
  await page.getByRole("link", { name: "Cofrestr penderfyniadau" }).first().click();
  await page.waitForSelector("form[data-ready='true']");
  await page.getByLabel("Chwilio'r penderfyniadau").fill("Cabinet");
  await page.locator("#results li a").first().waitFor();
  assert.match(await page.locator("#results li a").first().getAttribute("href"), /cy\/resolution\//);
  await visit();
  assert.ok(visited.length >= 6, visited.join("\n"));
  await page.close();
});

test("every page template, in English and in Welsh, has no WCAG 2.2 AA violation", async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const committees = readFileSync(join(site, "en/committees.html"), "utf8").match(/committee\/[0-9a-f-]+\.html/g);
  const year = readFileSync(join(site, "en/calendar.html"), "utf8").match(/calendar\/\d{4}\.html/)[0];
  const meeting = readFileSync(join(site, "en/calendar.html"), "utf8").match(/meeting\/[0-9a-f-]+\.html/)?.[0]
    ?? `meeting/${ids.cabinet}.html`;
  const pages = ["index.html", "committees.html", committees[0], "calendar.html", year, meeting,
    `meeting/${ids.cabinet}.html`, `resolution/${ids.resolution}.html`, "register.html"];
  for (const lang of ["en", "cy"]) {
    for (const p of pages) {
      await page.goto(`${base}${lang}/${p}`);
      assert.equal(await page.locator("html").getAttribute("lang"), lang, p);
      assert.equal(await page.locator("h1").count(), 1, `${p}: one h1`);
      await axe(page);
    }
  }
  // Reflow: at 320 CSS pixels wide (400% zoom of 1280) nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  for (const p of [`meeting/${ids.cabinet}.html`, `resolution/${ids.resolution}.html`, "register.html"]) {
    await page.goto(`${base}en/${p}`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 320, `${p} is ${wide}px wide at 320px`);
  }
  await page.close();
});

test("the journey by keyboard alone: skip link, menu, search, result, referral", async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(`${base}en/index.html`);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to the main content");
  // The focused link is visibly outlined.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");

  // Back to the menu: Tab until "Resolutions register" has focus, then Enter.
  await page.goto(`${base}en/index.html`);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement.textContent)) === "Resolutions register") break;
  }
  await page.keyboard.press("Enter");
  await page.waitForURL(/en\/register\.html$/);
  await page.waitForSelector("form[data-ready='true']");
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement.id)) === "q") break;
  }
  await page.keyboard.type("safeguarding");
  await page.locator("#results li a", { hasText: "8(2)" }).waitFor();
  // Tab on through the filters to the first result, and open it.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement.closest("#results") !== null)) break;
  }
  await page.keyboard.press("Enter");
  await page.waitForURL(/en\/resolution\//);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement.textContent)).startsWith("Cabinet, 26th January")) break;
  }
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`en/meeting/${ids.cabinet}\\.html$`));
  await page.close();
});

test("re-publishing with nothing changed writes nothing", () => {
  const before = readFileSync(join(site, ".cofnod-site.json"), "utf8");
  const out = execFileSync(CLI, ["publish", "--out", site, "--url", "https://democracy.glantawe.gov.uk/"], {
    env: { ...process.env, XDG_DATA_HOME: join(site, "..") },
    encoding: "utf8",
  });
  assert.match(out, /0 changed/);
  assert.match(out, / 0 written/);
  assert.equal(readFileSync(join(site, ".cofnod-site.json"), "utf8"), before);
  writeFileSync(join(tmpdir(), "cofnod-site-republish.txt"), out);
});
