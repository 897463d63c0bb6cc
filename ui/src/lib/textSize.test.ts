import { describe, expect, it } from "vitest";
import { stepTextSize, textSizeKey } from "./textSize";

describe("the text size keys", () => {
  it("step through the sizes browsers use, within 50% and 500%", () => {
    expect(stepTextSize(100, 1)).toBe(110);
    expect(stepTextSize(stepTextSize(100, 1), 1)).toBe(125);
    expect(stepTextSize(175, 1)).toBe(200);
    expect(stepTextSize(200, -1)).toBe(175);
    expect(stepTextSize(500, 1)).toBe(500);
    expect(stepTextSize(50, -1)).toBe(50);
    expect(stepTextSize(130, -1)).toBe(125);
    expect(stepTextSize(250, 0)).toBe(100);
  });
  it("are Ctrl with =, +, - or 0 (the number pad's too), and nothing else", () => {
    const k = (key: string, more: Partial<KeyboardEvent> = {}) =>
      textSizeKey({ ctrlKey: true, metaKey: false, altKey: false, key, code: "", ...more });
    expect(k("=")).toBe(1);
    expect(k("+")).toBe(1);
    expect(k("-")).toBe(-1);
    expect(k("0")).toBe(0);
    expect(k("", { code: "NumpadAdd" })).toBe(1);
    expect(k("z")).toBeNull();
    expect(k("=", { ctrlKey: false })).toBeNull();
    expect(k("1", { altKey: true })).toBeNull();
  });
});
