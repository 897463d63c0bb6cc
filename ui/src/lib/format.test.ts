import { describe, expect, it } from "vitest";
import { dayDate, limbText, longDate, ordinal } from "./format";

describe("dates in the house style", () => {
  it("writes ordinals as the minutes do", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(ordinal)).toEqual([
      "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st",
    ]);
  });
  it("prints the seed meeting's date as the council did", () => {
    expect(longDate("2015-01-05")).toBe("5th January, 2015");
    expect(dayDate("2015-01-05")).toBe("Monday 5 January 2015");
  });
  it("leaves a value that is not a date as it is", () => {
    expect(longDate("soon")).toBe("soon");
  });
  it("letter-spaces the limb's opening word", () => {
    expect(limbText(2, "the report be noted.")).toBe("(2) T H A T the report be noted.");
  });
});
