import { describe, expect, it } from "vitest";
import { bySurname, sortKey } from "./people";

describe("people by surname", () => {
  it("orders by the last word of the name, then the whole name", () => {
    const names = ["Mrs. A.J. Moore", "D. Bowen", "Z. Ap Evans", "A. Evans"];
    const sorted = names.map((name) => ({ name })).sort(bySurname).map((p) => p.name);
    expect(sorted).toEqual(["D. Bowen", "A. Evans", "Z. Ap Evans", "Mrs. A.J. Moore"]);
  });
  it("ignores case and spaces around the name", () => {
    expect(sortKey("  B. JONES ")).toBe(sortKey("b. jones"));
  });
  it("puts someone unknown last", () => {
    expect(bySurname(undefined, { name: "D. Bowen" })).toBeGreaterThan(0);
  });
});
