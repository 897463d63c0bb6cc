import { describe, expect, it } from "vitest";
import { bodyKinds, keywords, options } from "./words";
import { setLanguage } from "./i18n.svelte";

describe("the council's words follow the interface's language", () => {
  it("reads English, then Welsh after the switch, in the record's order", () => {
    setLanguage("en");
    expect(keywords.resolved).toBe("RESOLVED");
    expect(options(bodyKinds)[0]).toEqual(["council", "Council"]);
    setLanguage("cy");
    expect(keywords.resolved).toBe("PENDERFYNWYD");
    expect(options(bodyKinds).map(([, w]) => w)).toContain("Pwyllgor craffu");
    setLanguage("en");
  });
});
