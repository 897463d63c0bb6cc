import type { Ref } from "./history";

/**
 * The stored row behind a block or limb on screen: its id, empty until the row is first
 * saved. A class rather than a plain object, so that $state rows hold this very object
 * (Svelte proxies only plain objects) and maps and undo entries can key on it; the id itself
 * is reactive, so the screen updates when a new row gets its id.
 */
export class RowRef implements Ref {
  id = $state("");
  /** The minute a row not yet saved belongs to. */
  minute: string | undefined;

  constructor(id: string, minute?: string) {
    this.id = id;
    this.minute = minute;
  }
}
