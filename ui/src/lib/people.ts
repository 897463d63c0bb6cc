// Lists of people read by surname, as the council's lists are: "D. Bowen, Z. Ap Evans,
// Mrs. A.J. Moore". The same key as Person::sort_key in Rust (the last word of the name,
// then the whole name, ignoring case).
import type { Person } from "./ipc";

export function sortKey(name: string): string {
  const words = name.trim().split(/\s+/);
  return `${(words[words.length - 1] ?? "").toLowerCase()}\u0000${name.trim().toLowerCase()}`;
}

/** Orders two people by surname; someone unknown goes last. */
export function bySurname(a: Pick<Person, "name"> | undefined, b: Pick<Person, "name"> | undefined): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  const [x, y] = [sortKey(a.name), sortKey(b.name)];
  return x < y ? -1 : x > y ? 1 : 0;
}
