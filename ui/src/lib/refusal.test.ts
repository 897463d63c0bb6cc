import { describe, expect, it } from "vitest";
import { refusedField } from "./refusal";

describe("the field a refusal names", () => {
  it("is the name that begins the store's sentence, before its colon", () => {
    expect(refusedField("Date: 2015-02-30 is not a date", ["Venue", "Date"])).toBe("Date");
    expect(refusedField("date: 2015-02-30 is not a date", ["Date"])).toBe("Date");
  });
  it("is the longest such name, so a Welsh field is not taken for its English one", () => {
    expect(refusedField("Welsh item title: is too long", ["Item title", "Welsh item title"])).toBe("Welsh item title");
    expect(refusedField("Item title: must not be empty", ["Item title", "Welsh item title"])).toBe("Item title");
  });
  it("is none when the sentence names no field of the form, or only mentions one later", () => {
    expect(refusedField("The disk is full", ["Date"])).toBeNull();
    expect(refusedField("Minutes: the Date: field", ["Date"])).toBeNull();
  });
});
