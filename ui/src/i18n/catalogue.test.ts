import { describe, expect, it } from "vitest";
import en from "./en";
import cy from "./cy";

type Tree = { [key: string]: string | Tree };

/** Every message of a catalogue by its dotted key. */
export function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

// Words that are the same in both languages (names, codes, loan words the glossary keeps).
const SAME = new Set(["Cofnod", "Cabinet", "Hybrid", "Agenda", "OParl", "CSV", "PDF", "iCalendar", "ICS", "Alt"]);

function placeholders(text: string): string[] {
  return [...text.matchAll(/(?<!\{)\{(\w+)(?::\w+)?\}(?!\})/g)].map((m) => m[1]).sort();
}

describe("the interface's catalogue", () => {
  const english = flatten(en as unknown as Tree);
  const welsh = flatten(cy as unknown as Tree);

  it("has every English key in Welsh and no Welsh key without an English one", () => {
    expect([...english.keys()].filter((k) => !welsh.has(k))).toEqual([]);
    expect([...welsh.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it("gives every message a Welsh text of its own, not the English copied", () => {
    const copied = [...english].filter(([k, v]) => {
      const w = welsh.get(k) ?? "";
      return w.trim() === "" || (w === v && !SAME.has(v.trim()) && /[a-z]{3}/i.test(v));
    });
    expect(copied.map(([k]) => k)).toEqual([]);
  });

  it("keeps the same placeholders in both languages", () => {
    const differ = [...english].filter(([k, v]) => placeholders(v).join() !== placeholders(welsh.get(k) ?? "").join());
    expect(differ.map(([k]) => k)).toEqual([]);
  });
});
