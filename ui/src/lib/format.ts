// Dates and names as a council prints them, in the interface's language, whatever the
// machine's locale: "5th January, 2015" in English, "5 Ionawr 2015" in Welsh; day first.
import { catalogue, language, type Lang } from "./i18n.svelte";

// The catalogue keeps a list as an object keyed "0", "1", ...
function list(words: Record<string, () => string>, n: number): string[] {
  return Array.from({ length: n }, (_, i) => words[String(i)]());
}
function months(lang: Lang): string[] {
  return list(catalogue(lang).common.date.months, 12);
}
function days(lang: Lang): string[] {
  return list(catalogue(lang).common.date.days, 7);
}

/** 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

function parts(iso: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** "5th January, 2015", the house style of the minutes; "5 Ionawr 2015" in Welsh. */
export function longDate(iso: string, lang: Lang = language.code): string {
  const p = parts(iso);
  if (!p) return iso;
  const month = months(lang)[p.m - 1];
  return lang === "cy" ? `${p.d} ${month} ${p.y}` : `${ordinal(p.d)} ${month}, ${p.y}`;
}

/** "Monday 5 January 2015" / "Dydd Llun 5 Ionawr 2015", for lists. */
export function dayDate(iso: string, lang: Lang = language.code): string {
  const p = parts(iso);
  if (!p) return iso;
  const weekday = days(lang)[new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()];
  return `${weekday} ${p.d} ${months(lang)[p.m - 1]} ${p.y}`;
}

/** "10:00" from "10:00:00". */
export function shortTime(t: string | null): string {
  return t ? t.slice(0, 5) : "";
}

/** Today's date as YYYY-MM-DD in the clerk's time zone. */
export function today(): string {
  const d = new Date();
  return isoOf(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

function isoOf(y: number, m: number, d: number): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** A decision limb as printed: "(1) T H A T the report be noted." */
export function limbText(limb: number, text: string): string {
  return `(${limb}) T H A T ${text}`;
}

/** "10 June 2026" / "10 Mehefin 2026", for a date in a sentence on screen. */
export function plainDate(iso: string, lang: Lang = language.code): string {
  const p = parts(iso);
  if (!p) return iso;
  return `${p.d} ${months(lang)[p.m - 1]} ${p.y}`;
}

/** The clock time of a saved change, "14:05". */
export function clockTime(d: Date): string {
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/** A file's size as a clerk reads it: "840 KB", "1.2 MB", "1.1 GB" (the same in Welsh). */
export function fileSize(bytes: number): string {
  const units: [number, string][] = [[1024 ** 3, "GB"], [1024 ** 2, "MB"], [1024, "KB"]];
  for (const [size, unit] of units) {
    if (bytes >= size) {
      const n = bytes / size;
      return `${n >= 100 ? Math.round(n) : Math.round(n * 10) / 10} ${unit}`;
    }
  }
  return `${bytes} B`;
}

/** The name offered for a backup taken now: "cofnod-backup-2026-11-27-0930.sqlite3". */
export function backupName(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `cofnod-backup-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.sqlite3`;
}

// Month names a clerk may type, in either language, with Welsh mutations of the first letter
// ("o Fawrth", "ym Mehefin") and the usual abbreviations ("Jan", "Ion").
const MONTH_WORDS: [number, string[]][] = [
  [1, ["january", "jan", "ionawr", "ion"]],
  [2, ["february", "feb", "chwefror", "chwe", "hwefror"]],
  [3, ["march", "mar", "mawrth", "maw", "fawrth"]],
  [4, ["april", "apr", "ebrill", "ebr"]],
  [5, ["may", "mai", "fai"]],
  [6, ["june", "jun", "mehefin", "meh", "fehefin"]],
  [7, ["july", "jul", "gorffennaf", "gorff", "orffennaf"]],
  [8, ["august", "aug", "awst"]],
  [9, ["september", "sept", "sep", "medi", "fedi"]],
  [10, ["october", "oct", "hydref", "hyd"]],
  [11, ["november", "nov", "tachwedd", "tach", "dachwedd", "nhachwedd", "thachwedd"]],
  [12, ["december", "dec", "rhagfyr", "rhag", "ragfyr"]],
];

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/[.,]/g, "");
  for (const [m, names] of MONTH_WORDS) if (names.includes(w)) return m;
  return null;
}

function valid(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last ? isoOf(y, m, d) : null;
}

/**
 * A date as a clerk types it, always day first, in English or Welsh: "5th January, 2015",
 * "5 Ionawr 2015", "Dydd Llun 5 Ionawr 2015", "5/1/2015", "05.01.15", or "2015-01-05".
 * Returns YYYY-MM-DD, or null when it is not a date (never guessing month first).
 */
export function parseDate(text: string): string | null {
  const s = text.trim().toLowerCase();
  if (!s) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return valid(y, Number(m[2]), Number(m[1]));
  }
  // Words: drop a weekday and "of"/"o", then day, month, year.
  const words = s
    .replace(/,/g, " ")
    .split(/\s+/)
    .filter((w) => w && !/^(dydd|monday|tuesday|wednesday|thursday|friday|saturday|sunday|llun|mawrth|mercher|iau|gwener|sadwrn|sul|of|o)$/.test(w) || /^\d/.test(w));
  // "Mawrth" is both Tuesday (Dydd Mawrth) and March: keep the last word that names a month.
  const day = words.find((w) => /^\d{1,2}(st|nd|rd|th|af|il|ydd|fed|eg|ain)?$/.test(w));
  const year = words.find((w) => /^\d{4}$/.test(w));
  const monthWord = [...s.replace(/,/g, " ").split(/\s+/)].reverse().find((w) => monthOf(w) !== null);
  if (!day || !year || !monthWord) return null;
  const month = monthOf(monthWord);
  if (month === null) return null;
  return valid(Number(year), month, parseInt(day, 10));
}
