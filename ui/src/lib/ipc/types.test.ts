// Every type generated from Rust is importable from the one IPC module.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = fileURLToPath(new URL(".", import.meta.url));

describe("ipc types", () => {
  it("re-exports every generated binding", () => {
    const generated = readdirSync(`${here}/bindings`)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => f.slice(0, -3));
    const types = readFileSync(`${here}/types.ts`, "utf8");
    const missing = generated.filter((n) => !types.includes(`export type { ${n} } from "./bindings/${n}";`));
    expect(generated.length).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });
});
