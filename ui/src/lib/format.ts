// Dates and names as a council prints them.

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

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

/** "5th January, 2015", the house style of the minutes. */
export function longDate(iso: string): string {
  const p = parts(iso);
  if (!p) return iso;
  return `${ordinal(p.d)} ${MONTHS[p.m - 1]}, ${p.y}`;
}

/** "Monday 5 January 2015", for lists. */
export function dayDate(iso: string): string {
  const p = parts(iso);
  if (!p) return iso;
  const weekday = DAYS[new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()];
  return `${weekday} ${p.d} ${MONTHS[p.m - 1]} ${p.y}`;
}

/** "10:00" from "10:00:00". */
export function shortTime(t: string | null): string {
  return t ? t.slice(0, 5) : "";
}

/** Today's date as YYYY-MM-DD in the clerk's time zone. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A decision limb as printed: "(1) T H A T the report be noted." */
export function limbText(limb: number, text: string): string {
  return `(${limb}) T H A T ${text}`;
}

/** "10 June 2026", for a date in a sentence on screen. */
export function plainDate(iso: string): string {
  const p = parts(iso);
  if (!p) return iso;
  return `${p.d} ${MONTHS[p.m - 1]} ${p.y}`;
}
