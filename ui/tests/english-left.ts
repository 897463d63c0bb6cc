// What of the English catalogue is left on a screen shown in Welsh: the browser tests switch
// a screen to Welsh and expect none. The same rule as the end-to-end scan
// (tests/e2e/catalogue.mjs): every text and labelling attribute outside a passage marked as
// English (lang="en"), checked against each English message whose Welsh differs — a message
// without parameters as a whole text or attribute value, one with parameters by each fixed
// part of 8 letters or more ("All changes saved at {time}" -> "All changes saved at").
import type { Page } from "playwright-core";
import en from "../src/i18n/en";
import cy from "../src/i18n/cy";

type Tree = { [key: string]: string | Tree };
export type Look = { key: string; whole?: string; part?: string };

function flatten(tree: Tree, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

/** Messages of the English catalogue that are written in Welsh on purpose (the switch to Welsh). */
export const WELSH_IN_ENGLISH = ["common.language.switchTo", "common.language.switchHint"];

/** The English messages to look for, of the given areas of the catalogue (all when none given). */
export function englishLooks(areas?: string[]): Look[] {
  const english = flatten(en as unknown as Tree);
  const welsh = flatten(cy as unknown as Tree);
  const looks: Look[] = [];
  for (const [key, text] of english) {
    if (areas && !areas.includes(key.split(".")[0])) continue;
    if (WELSH_IN_ENGLISH.includes(key)) continue;
    if (welsh.get(key) === text || !/[A-Za-z]{3}/.test(text.replace(/\{[^}]*\}/g, ""))) continue;
    if (!/\{/.test(text)) {
      looks.push({ key, whole: text.replace(/\s+/g, " ").trim() });
      continue;
    }
    for (const part of text.split(/\{\{[^}]*\}\}|\{[^}]*\}/)) {
      const fixed = part.replace(/\s+/g, " ").trim();
      if (fixed.replace(/[^A-Za-z]/g, "").length >= 8) looks.push({ key, part: fixed });
    }
  }
  return looks;
}

/**
 * The English messages found on the page (outside passages marked lang="en"), as "key: text";
 * `within` limits the scan to the elements a selector matches (one screen's part of the window),
 * `areas` to some areas of the catalogue.
 */
export async function englishLeft(page: Page, options: { within?: string; areas?: string[] } = {}): Promise<string[]> {
  const looks = englishLooks(options.areas);
  return page.evaluate(({ looks, within }: { looks: Look[]; within: string }) => {
    const english = (el: Element | null) => {
      const l = el?.closest("[lang]");
      return !!l && (l.getAttribute("lang") ?? "").startsWith("en") && l !== document.documentElement;
    };
    const texts: string[] = [];
    const roots = within ? [...document.querySelectorAll(within)] : [document.body];
    if (roots.length === 0) return [`nothing on the page matches ${within}`];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || english(el) || el.closest("script,style,kbd")) continue;
        const t = (n.textContent ?? "").replace(/\s+/g, " ").trim();
        if (t) texts.push(t);
      }
      const labelled = [root, ...root.querySelectorAll("[title],[aria-label],[placeholder],[alt]")];
      for (const el of labelled) {
        if (english(el)) continue;
        for (const a of ["title", "aria-label", "placeholder", "alt"]) {
          const v = el.getAttribute(a);
          if (v && v.trim()) texts.push(v.replace(/\s+/g, " ").trim());
        }
      }
    }
    const all = texts.join(" \u241E ");
    const found: string[] = [];
    for (const l of looks) {
      if (l.whole && texts.includes(l.whole)) found.push(`${l.key}: ${l.whole}`);
      else if (l.part && all.includes(l.part)) found.push(`${l.key}: …${l.part}…`);
    }
    return found;
  }, { looks, within: options.within ?? "" });
}
