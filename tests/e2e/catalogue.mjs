// The interface's catalogue as the end-to-end tests read it: ui/src/i18n/{en,cy}, compiled
// with the esbuild the UI's build already has, flattened to dotted keys.
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);

async function load(lang) {
  const esbuild = require(join(process.cwd(), "ui/node_modules/esbuild"));
  const out = await esbuild.build({
    entryPoints: [join(process.cwd(), `ui/src/i18n/${lang}/index.ts`)],
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString("base64")}`;
  return (await import(url)).default;
}

function flatten(tree, prefix, out) {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

/**
 * What an English message looks like on screen, for each message whose Welsh differs: a
 * message without parameters as a whole text or attribute; one with parameters by each fixed
 * part of 8 letters or more ("All changes saved at {time}" -> "All changes saved at").
 */
export async function englishLooks() {
  const en = flatten(await load("en"), "", new Map());
  const cy = flatten(await load("cy"), "", new Map());
  const looks = [];
  for (const [key, text] of en) {
    // The switch to Welsh is written in Welsh in the English catalogue.
    if (key.startsWith("common.language.switch")) continue;
    if (cy.get(key) === text || !/[A-Za-z]{3}/.test(text)) continue;
    if (!/\{/.test(text)) {
      looks.push({ key, whole: text.trim() });
      continue;
    }
    for (const part of text.split(/\{\{[^}]*\}\}|\{[^}]*\}/)) {
      const fixed = part.trim();
      if (fixed.replace(/[^A-Za-z]/g, "").length >= 8) looks.push({ key, part: fixed });
    }
  }
  return looks;
}

/**
 * Script run in the window: every text and labelling attribute outside a passage marked as
 * English (lang="en"), checked against the English messages; returns what it found.
 */
export const FIND_ENGLISH = `
const looks = arguments[0];
// Key names on a keyboard (<kbd>) are not the interface's words.
const english = (el) => { const l = el && el.closest("[lang]"); return !!l && l.getAttribute("lang").startsWith("en"); };
const texts = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement;
  if (!el || english(el) || el.closest("script,style,kbd")) continue;
  const t = n.textContent.replace(/\\s+/g, " ").trim();
  if (t) texts.push(t);
}
for (const el of document.body.querySelectorAll("[title],[aria-label],[placeholder],[alt]")) {
  if (english(el)) continue;
  for (const a of ["title", "aria-label", "placeholder", "alt"]) {
    const v = el.getAttribute(a);
    if (v && v.trim()) texts.push(v.replace(/\\s+/g, " ").trim());
  }
}
const all = texts.join(" \\u241E ");
const found = [];
for (const l of looks) {
  if (l.whole && texts.includes(l.whole)) found.push(l.key + ": " + l.whole);
  else if (l.part && all.includes(l.part)) found.push(l.key + ": …" + l.part + "…");
}
return found;
`;
