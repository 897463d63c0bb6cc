// The agenda pack of the demo meeting in the real app: issued on 24th December, 2014 with its
// report and appendix, and a copy printed page for page as issued; a 500-page late report
// attached through the "choose a file" path; issuing it as a supplement cancelled (nothing
// saved or recorded), then issued, numbered on from the pack; every file read back with poppler.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session, freshDataHome, startDriver } from "./webdriver.mjs";
import { writeReport } from "./pdf.mjs";

const shots = join(process.cwd(), "docs/screenshots");
const home = freshDataHome();
const saveDir = mkdtempSync(join(tmpdir(), "cofnod-pack-"));
// What the "choose a file" dialog returns in this run: a 500-page report of known text.
const late = join(home, "Late evidence from the Health Board.pdf");
writeReport(late, 500, (n) => `Late evidence from the Health Board, page ${n} of 500`);
let driver;
let app;

before(async () => {
  driver = await startDriver({ XDG_DATA_HOME: home, COFNOD_TEST_SAVE_DIR: saveDir, COFNOD_TEST_OPEN_FILE: late });
  app = await Session.start(driver.base);
});
after(async () => {
  await app?.quit();
  driver?.stop();
});

const pdfPages = (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file]).toString())[1]);
const pageText = (file, n) =>
  execFileSync("pdftotext", ["-f", String(n), "-l", String(n), file, "-"]).toString().replace(/\s+/g, " ");
const saved = () => readdirSync(saveDir).filter((f) => f.endsWith(".pdf"));

test("the demo meeting's agenda pack shows as issued, and a copy prints as issued", async () => {
  await app.click("[data-testid='open-meeting']", { text: "5 January 2015" });
  await app.click("[data-testid='tab-agenda']");
  await app.waitFor("[data-testid='document-chip']", { text: "Report of the Director of Social Services · 3 pages · pack pages 3 – 5" });
  await app.click("[data-testid='tab-approval']");
  const issued = await app.waitFor("[data-testid='pack-issued']");
  assert.match(await app.text(issued), /Issued on 24(th)? December,? 2014: pages 1 – 7/);

  await app.click("[data-testid='print-pack']");
  await app.waitFor("[data-testid='pack-saved']", { text: "agenda pack" });
  const file = join(saveDir, saved().find((f) => f.includes("agenda pack")));
  assert.equal(pdfPages(file), 7);
  assert.match(pageText(file, 1), /Date of issue: 24th December, 2014/);
  assert.match(pageText(file, 2), /Report of the Director of Social Services \(Pages 3 – 5\)/);
  assert.match(pageText(file, 3), /Purpose of the report/);
  assert.match(pageText(file, 6), /Leadership and corporate parenting/);
});

test("a 500-page late report is attached, and the agenda says it goes in the next supplement", async () => {
  await app.click("[data-testid='tab-agenda']");
  await app.click("[data-testid='attach-report']");
  await app.waitFor("[data-testid='document-chip']", {
    text: "Late evidence from the Health Board · 500 pages · not yet issued",
    timeout: 30000,
  });
  await app.click("[data-testid='tab-approval']");
  await app.waitFor("[data-testid='supplement-due']", { text: "1 report has been attached since the pack was issued" });
});

// Everything the progress line says while printing, as the clerk would have seen it.
const watchProgress = () =>
  app.exec(`
    window.__progress = [];
    new MutationObserver(() => {
      const p = document.querySelector("[data-testid=pack-progress]");
      if (p && window.__progress.at(-1) !== p.textContent) window.__progress.push(p.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  `);
const progressSeen = async () => (await app.exec("return window.__progress")).join(" | ");

test("a copy of the issued pack prints page for page as issued, with a progress event per report", async () => {
  await watchProgress();
  await app.click("[data-testid='print-pack']");
  await app.waitFor("[data-testid='pack-saved']", { text: "agenda pack" });
  const seen = await progressSeen();
  for (const step of ["Merged 1 of 2 reports: Report of the Director of Social Services", "Merged 2 of 2 reports: Appendix 1: action plan"]) {
    assert.ok(seen.includes(step), `progress never said "${step}": ${seen}`);
  }
  const file = join(saveDir, saved().find((f) => f.includes("agenda pack")));
  assert.equal(pdfPages(file), 7, "the late report is not in the pack as issued");
  assert.match(pageText(file, 2), /Appendix 1: action plan \(Pages 6 – 7\)/);
});

test("issuing the supplement can be cancelled: nothing is saved or recorded", async () => {
  const before = readdirSync(saveDir).length;
  // Issue, then Cancel as soon as the button shows: the cancel may reach the app before the
  // printing has started, and must still stop it.
  const clicked = await app.exec(`
    return (async () => {
      document.querySelector("[data-testid=issue-supplement]").click();
      await new Promise((r) => requestAnimationFrame(r));
      document.querySelector("[data-testid=pack-cancel]").click();
      return true;
    })();
  `);
  assert.ok(clicked);
  await app.waitFor("[data-testid='pack-error']", { text: "cancelled; nothing was saved", timeout: 60000 });
  await app.waitGone("[data-testid='pack-progress']");
  assert.equal(readdirSync(saveDir).length, before, "no file was written");
  // Still waiting to go out.
  await app.waitFor("[data-testid='supplement-due']", { text: "Late evidence from the Health Board" });
  assert.equal((await app.findAll("[data-testid='supplement-issued']")).length, 0);
});

test("the late report goes out as supplement 1, numbered on from page 8", async () => {
  await watchProgress();
  await app.click("[data-testid='issue-supplement']");
  await app.waitFor("[data-testid='pack-saved']", { text: "supplement 1", timeout: 120000 });
  assert.match(await progressSeen(), /Merged 1 of 1 reports: Late evidence from the Health Board/);
  await app.waitFor("[data-testid='supplement-issued']", { text: "pages 8 – " });
  await app.waitGone("[data-testid='supplement-due']");
  const file = join(saveDir, saved().find((f) => f.includes("supplement 1")));
  const pages = pdfPages(file);
  assert.ok(pages >= 501, `${pages} pages`);
  const first = pageText(file, 1);
  assert.match(first, /Addendum 1 to the agenda/);
  assert.match(first, /Page 8\b/);
  // The late report's own pages, each stamped with its pack page.
  const start = pages - 500 + 1;
  assert.match(pageText(file, start), /Late evidence from the Health Board, page 1 of 500/);
  assert.match(pageText(file, start), new RegExp(`Page ${7 + start}\\b`));
  assert.match(pageText(file, 250 + start - 1), /page 250 of 500/);
  assert.match(pageText(file, pages), /page 500 of 500/);
  assert.match(pageText(file, pages), new RegExp(`Page ${7 + pages}\\b`));
  await app.click("[data-testid='tab-agenda']");
  await app.waitFor("[data-testid='document-chip']", { text: `Late evidence from the Health Board · 500 pages · supplement 1, pages ${7 + start} – ${7 + pages}` });
  await app.click("[data-testid='tab-approval']");
  await app.screenshot(join(shots, "pack-supplement.png"));
});
