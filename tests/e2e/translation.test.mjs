// A meeting minuted in English, translated in the translation view of the real window, and
// printed in Welsh (issue 17): the clerk types the Welsh of every text beside its English,
// the warning before the Welsh minutes go out disappears, and the Welsh PDF, read back with
// pdftotext, holds every Welsh text, none of the English ones, and the notice that it is a
// translation; the bilingual PDF puts the Welsh of each part before its English.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session, freshDataHome, startDriver } from "./webdriver.mjs";
import { WELSH, norm } from "./demo-welsh.mjs";

const shots = join(process.cwd(), "docs/screenshots");
const saveDir = mkdtempSync(join(tmpdir(), "cofnod-translation-"));
let driver;
let app;
/** The English texts of the meeting, as the translation view lists them. */
let english = [];

before(async () => {
  driver = await startDriver({ XDG_DATA_HOME: freshDataHome(), COFNOD_TEST_SAVE_DIR: saveDir });
  app = await Session.start(driver.base);
});
after(async () => {
  await app?.quit();
  driver?.stop();
});

const flat = (s) => s.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, " ");

/** Reads the PDF the window says it saved ("Saved to …") as text. */
async function savedText(testid, layout = false) {
  const saved = await app.waitFor(`[data-testid='${testid}']`, { text: saveDir });
  const path = (await app.text(saved)).replace(/^.*?(\/\S.*\.pdf).*$/s, "$1").trim();
  return flat(execFileSync("pdftotext", [...(layout ? ["-layout"] : []), path, "-"]).toString());
}

test("the clerk translates the meeting in the translation view, from the keyboard", async () => {
  await app.click("[data-testid='open-meeting']", { text: "5 January 2015" });
  await app.click("[data-testid='tab-approval']");
  await app.waitFor("[data-testid='translation-warning']", { text: "await translation" });
  await app.click("[data-testid='open-translation']");
  await app.waitFor("[data-testid='translation-row']");
  const rows = await app.exec(
    `return [...document.querySelectorAll("[data-testid=translation-row]")].map((r) => ({
       row: r.dataset.row, status: r.dataset.status,
       original: r.querySelector("[data-testid=translation-original]").textContent }))`,
  );
  for (const r of rows) r.original = norm(r.original);
  assert.ok(rows.length >= 15, `the meeting lists ${rows.length} texts`);
  // Those still to translate come first.
  const firstDone = rows.findIndex((r) => r.status !== "awaiting" && r.status !== "outdated");
  assert.ok(firstDone === -1 || rows.slice(firstDone).every((r) => r.status !== "awaiting"), "awaiting first");
  const missing = rows.filter((r) => r.status !== "not_needed" && !WELSH.has(r.original)).map((r) => r.original);
  assert.deepEqual(missing, [], "every text of the demo meeting has its Welsh in demo-welsh.mjs");
  english = rows.map((r) => r.original);

  // The first from the keyboard: the button goes to it, Ctrl+Enter on to the next.
  await app.click("[data-testid='translation-first']");
  const first = rows.find((r) => r.status === "awaiting");
  await app.keys(WELSH.get(first.original));
  await app.keys("\uE009\uE007\uE000"); // Ctrl+Enter, then release Ctrl
  const focused = await app.exec("return document.activeElement?.closest('[data-row]')?.dataset.row ?? ''");
  assert.notEqual(focused, first.row, "Ctrl+Enter moved on to the next text to translate");
  // The rest as a translator pastes them.
  for (const r of rows) {
    if (r === first || r.status === "not_needed") continue;
    await app.setValue(`[data-row='${r.row}'] textarea`, WELSH.get(r.original));
  }
  await app.waitFor("[data-testid='translation-counts']", { text: "0 to translate" });
  await app.screenshot(join(shots, "translation.png"));
  // Saved: the view opened again lists every text as translated.
  await app.click("[data-testid='tab-minutes']");
  await app.click("[data-testid='tab-translation']");
  await app.waitFor("[data-testid='translation-counts']", { text: "0 to translate" });
});

test("the Welsh minutes print the Welsh texts, none of the English, and say they are a translation", async () => {
  await app.click("[data-testid='tab-approval']");
  await app.waitFor("[data-testid='print-welsh']");
  await new Promise((r) => setTimeout(r, 800));
  assert.equal((await app.findAll("[data-testid='translation-warning']")).length, 0, "no text awaits translation");
  await app.click("[data-testid='print-welsh']");
  const text = await savedText("printed");
  // Sentence by sentence: a long text runs across a page break (header and footer between).
  const sentences = (s) => flat(s).split(/(?<=[.:;])\s+/).filter((x) => x.split(" ").length >= 2 || x.length > 5);
  const page = text.toLowerCase();
  const left = english.filter((e) => WELSH.get(e) !== e).flatMap(sentences).filter((x) => text.includes(x));
  assert.deepEqual(left, [], "no English text in the Welsh minutes");
  const absent = english.filter((e) => WELSH.has(e)).flatMap((e) => sentences(WELSH.get(e))).filter((x) => !page.includes(x.toLowerCase()));
  assert.deepEqual(absent, [], "every Welsh text in the Welsh minutes");
  assert.match(text, /Cyfieithiad yw'r ddogfen hon\. Y fersiwn Saesneg yw'r cofnod cyfreithiol\./);
  assert.match(text, /PENDERFYNWYD|ARGYMHELLWYD/);
});

test("the bilingual minutes put the Welsh of each part before its English", async () => {
  await app.click("[data-testid='print-bilingual']");
  await app.waitFor("[data-testid='printed']", { text: "Cymraeg a Saesneg" });
  const text = await savedText("printed", true);
  const before = (cy, en) => {
    const a = text.indexOf(cy);
    const b = text.indexOf(en, a);
    assert.ok(a >= 0 && b > a, `"${cy}" comes before "${en}"`);
  };
  before("Yn bresennol", "Present");
  before("AROLYGIAD CENEDLAETHOL", "NATIONAL INSPECTION");
  before("ARGYMHELLWYD", "RECOMMENDED");
  before("prif ganfyddiadau'r arolygiad", "the key findings of the inspection");
});
