import { describe, expect, it } from "vitest";
import { dayDate, limbText, longDate, ordinal, parseDate, plainDate } from "./format";

describe("dates in the house style", () => {
  it("writes ordinals as the minutes do", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(ordinal)).toEqual([
      "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st",
    ]);
  });
  it("prints the seed meeting's date as the council did, in English and Welsh", () => {
    expect(longDate("2015-01-05", "en")).toBe("5th January, 2015");
    expect(dayDate("2015-01-05", "en")).toBe("Monday 5 January 2015");
    expect(longDate("2015-01-05", "cy")).toBe("5 Ionawr 2015");
    expect(dayDate("2015-01-05", "cy")).toBe("Dydd Llun 5 Ionawr 2015");
    expect(plainDate("2026-02-10", "cy")).toBe("10 Chwefror 2026");
  });
  it("leaves a value that is not a date as it is", () => {
    expect(longDate("soon", "en")).toBe("soon");
  });
  it("letter-spaces the limb's opening word", () => {
    expect(limbText(2, "the report be noted.")).toBe("(2) T H A T the report be noted.");
  });
});

describe("dates as a clerk types them: day first, in either language", () => {
  it.each([
    ["5th January, 2015", "2015-01-05"],
    ["5 January 2015", "2015-01-05"],
    ["5 Ionawr 2015", "2015-01-05"],
    ["Dydd Llun 5 Ionawr 2015", "2015-01-05"],
    ["Dydd Mawrth 3 Mawrth 2015", "2015-03-03"],
    ["1af Mawrth 2016", "2016-03-01"],
    ["5/1/2015", "2015-01-05"],
    ["05/01/2015", "2015-01-05"],
    ["05.01.15", "2015-01-05"],
    ["2015-01-05", "2015-01-05"],
    ["29 Chwefror 2024", "2024-02-29"],
    ["12 Rhagfyr 2026", "2026-12-12"],
  ])("reads %s", (typed, iso) => {
    expect(parseDate(typed)).toBe(iso);
  });
  it.each(["", "soon", "13/13/2015", "29 February 2023", "31/4/2026", "January 2015", "5 Smarch 2015"])(
    "refuses %s rather than guess",
    (typed) => {
      expect(parseDate(typed)).toBeNull();
    },
  );
  it("reads 1/12/2026 as the first of December, never January the twelfth", () => {
    expect(parseDate("1/12/2026")).toBe("2026-12-01");
  });
});
