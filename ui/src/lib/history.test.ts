import { describe, expect, it, vi } from "vitest";
import { Autosaver, History, Refs, type Ref } from "./history";

describe("undo and redo", () => {
  it("takes changes back in reverse order and puts them again", async () => {
    const log: string[] = [];
    const h = new History();
    h.push({ label: "first", undo: async () => log.push("undo 1"), redo: async () => log.push("redo 1") });
    h.push({ label: "second", undo: async () => log.push("undo 2"), redo: async () => log.push("redo 2") });
    expect(h.nextUndo).toBe("second");
    expect(await h.undo()).toBe("second");
    expect(await h.undo()).toBe("first");
    expect(await h.undo()).toBeNull();
    expect(await h.redo()).toBe("first");
    expect(log).toEqual(["undo 2", "undo 1", "redo 1"]);
    expect(h.nextRedo).toBe("second");
  });

  it("forgets what was undone once a new change is made", async () => {
    const h = new History();
    const noop = async () => undefined;
    h.push({ label: "a", undo: noop, redo: noop });
    await h.undo();
    h.push({ label: "b", undo: noop, redo: noop });
    expect(h.canRedo).toBe(false);
  });

  it("keeps an entry when taking it back fails, so nothing is lost", async () => {
    const h = new History();
    h.push({ label: "a", undo: () => Promise.reject({ code: "locked", message: "signed" }), redo: async () => 0 });
    await expect(h.undo()).rejects.toEqual({ code: "locked", message: "signed" });
    expect(h.nextUndo).toBe("a");
  });

  it("follows a record re-created by redo through its ref", async () => {
    let next = 1;
    const rows = new Set<string>();
    const ref: Ref = { id: "" };
    const create = async () => {
      ref.id = `row${next++}`;
      rows.add(ref.id);
    };
    await create();
    const h = new History();
    h.push({ label: "add", undo: async () => rows.delete(ref.id), redo: create });
    await h.undo();
    expect(rows.size).toBe(0);
    await h.redo();
    expect([...rows]).toEqual(["row2"]);
  });
});

describe("autosave", () => {
  it("saves only the last value typed, shortly after typing stops", async () => {
    vi.useFakeTimers();
    const saved: [string, string][] = [];
    const a = new Autosaver<string>(async (k, v) => {
      saved.push([k, v]);
    }, 300);
    a.set("block", "T");
    a.set("block", "Th");
    a.set("block", "The");
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(310);
    expect(saved).toEqual([["block", "The"]]);
    vi.useRealTimers();
  });

  it("flushes waiting values at once", async () => {
    const saved: string[] = [];
    const a = new Autosaver<string>(async (_k, v) => {
      saved.push(v);
    }, 10_000);
    a.set("x", "one");
    a.set("y", "two");
    await a.flush();
    expect(saved.sort()).toEqual(["one", "two"]);
    expect(a.busy).toBe(false);
  });
});

describe("Refs", () => {
  it("gives every entry naming a row the same Ref, and follows the row to its new id", () => {
    const refs = new Refs();
    const a = refs.of("row-1");
    expect(refs.of("row-1")).toBe(a);
    refs.renew(a, "row-2");
    expect(a.id).toBe("row-2");
    expect(refs.of("row-2")).toBe(a);
  });
});
