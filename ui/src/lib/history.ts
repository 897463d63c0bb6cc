// Undo and redo for the changes of this session. Each entry knows how to take its change
// back and put it again, by calling the store; the screen reloads the record afterwards.
// Entries that create records hold a Ref, so a redo that creates the record anew (with a
// new id) keeps later entries pointing at the right row.

export interface Ref {
  id: string;
}

export interface Entry {
  label: string;
  undo: () => Promise<unknown>;
  redo: () => Promise<unknown>;
}

export class History {
  private done: Entry[] = [];
  private undone: Entry[] = [];
  private listeners = new Set<() => void>();

  constructor(private readonly limit = 200) {}

  push(entry: Entry): void {
    this.done.push(entry);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
    this.changed();
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }
  get canRedo(): boolean {
    return this.undone.length > 0;
  }
  get nextUndo(): string | null {
    return this.done.at(-1)?.label ?? null;
  }
  get nextRedo(): string | null {
    return this.undone.at(-1)?.label ?? null;
  }

  /** Takes the last change back. Returns its label, or null when there is nothing to undo. */
  async undo(): Promise<string | null> {
    const entry = this.done.pop();
    if (!entry) return null;
    try {
      await entry.undo();
    } catch (e) {
      this.done.push(entry);
      this.changed();
      throw e;
    }
    this.undone.push(entry);
    this.changed();
    return entry.label;
  }

  async redo(): Promise<string | null> {
    const entry = this.undone.pop();
    if (!entry) return null;
    try {
      await entry.redo();
    } catch (e) {
      this.undone.push(entry);
      this.changed();
      throw e;
    }
    this.done.push(entry);
    this.changed();
    return entry.label;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
    this.changed();
  }

  subscribe(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  private changed(): void {
    for (const f of this.listeners) f();
  }
}

/**
 * Saves the latest value of each field a short moment after the clerk stops typing (and at
 * once on flush), one save at a time per field, so the database is never more than a second
 * behind the screen.
 */
export class Autosaver<T> {
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private pending = new Map<string, T>();
  private running = new Map<string, Promise<void>>();

  constructor(
    private readonly save: (key: string, value: T) => Promise<void>,
    private readonly delayMs = 300,
  ) {}

  get busy(): boolean {
    return this.pending.size > 0 || this.running.size > 0;
  }

  set(key: string, value: T): void {
    this.pending.set(key, value);
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.set(
      key,
      setTimeout(() => void this.flushKey(key), this.delayMs),
    );
  }

  async flushKey(key: string): Promise<void> {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
    await this.running.get(key);
    if (!this.pending.has(key)) return;
    const value = this.pending.get(key) as T;
    this.pending.delete(key);
    const run = this.save(key, value).finally(() => {
      if (this.running.get(key) === run) this.running.delete(key);
    });
    this.running.set(key, run);
    await run;
  }

  /** Saves everything still waiting. */
  async flush(): Promise<void> {
    const keys = new Set([...this.pending.keys(), ...this.running.keys()]);
    await Promise.all([...keys].map((k) => this.flushKey(k)));
  }
}

/**
 * One Ref per stored row, shared by every undo entry that names the row: when undo puts a
 * removed row back (with a new id), `renew` points the Ref, and so every entry, at it.
 */
export class Refs {
  private byId = new Map<string, Ref>();

  of(id: string): Ref {
    let r = this.byId.get(id);
    if (!r) this.byId.set(id, (r = { id }));
    return r;
  }

  renew(ref: Ref, id: string): void {
    ref.id = id;
    this.byId.set(id, ref);
  }
}
