import { describe, expect, it } from "vitest";
import { asYouType } from "./asYouType";

describe("asYouType", () => {
  it("searches at once, then once more for every key typed while a search ran", async () => {
    const words: string[] = [];
    let text = "";
    let answer: () => void = () => undefined;
    const typed = asYouType(() => {
      words.push(text);
      return new Promise<void>((r) => (answer = r));
    });
    text = "h";
    const first = typed();
    expect(words).toEqual(["h"]);
    for (const c of "ousing") {
      text += c;
      void typed();
    }
    expect(words).toEqual(["h"]);
    answer();
    await Promise.resolve();
    await Promise.resolve();
    expect(words).toEqual(["h", "housing"]);
    answer();
    await first;
    expect(words).toEqual(["h", "housing"]);
  });

  it("searches again after a search that failed", async () => {
    let n = 0;
    const typed = asYouType(async () => {
      n++;
      throw new Error("refused");
    });
    await expect(typed()).rejects.toThrow("refused");
    await expect(typed()).rejects.toThrow("refused");
    expect(n).toBe(2);
  });
});
