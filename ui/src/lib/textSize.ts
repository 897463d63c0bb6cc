// The window's text size: Ctrl+= (or Ctrl++) larger, Ctrl+- smaller, Ctrl+0 normal, and Ctrl
// with the mouse wheel, from anywhere (a text box included). The shell zooms the window and
// remembers the size for the next start (src-tauri/src/zoom.rs says why Tauri's own zoom keys
// stay off); a screen reader hears the new size.
import { ipc } from "./ipc";
import { t } from "./i18n.svelte";

/** The sizes the keys step through, in percent, as browsers step. */
export const TEXT_SIZES = [50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300, 400, 500] as const;

/** The size one step larger (`+1`) or smaller (`-1`) than `now`, or the normal size (`0`). */
export function stepTextSize(now: number, step: -1 | 0 | 1): number {
  if (step === 0) return 100;
  if (step > 0) return TEXT_SIZES.find((s) => s > now) ?? TEXT_SIZES[TEXT_SIZES.length - 1];
  return [...TEXT_SIZES].reverse().find((s) => s < now) ?? TEXT_SIZES[0];
}

/** Which way a key press changes the text size, or null when it is not a text-size key. */
export function textSizeKey(e: Pick<KeyboardEvent, "ctrlKey" | "metaKey" | "altKey" | "key" | "code">): -1 | 0 | 1 | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  if (e.key === "=" || e.key === "+" || e.code === "NumpadAdd") return 1;
  if (e.key === "-" || e.key === "_" || e.code === "NumpadSubtract") return -1;
  if (e.key === "0" || e.code === "Numpad0") return 0;
  return null;
}

/** Listens for the text-size keys and the Ctrl+wheel for the life of the page. */
export function installTextSize(): void {
  let now = 100;
  let queue: Promise<unknown> = ipc
    .textSize()
    .then((p) => (now = p))
    .catch(() => undefined);
  const status = document.createElement("div");
  status.className = "sr-only";
  status.setAttribute("role", "status");
  status.dataset.testid = "text-size-status";
  document.body.append(status);

  const change = (step: -1 | 0 | 1) => {
    // One change at a time, each from the size the last one reached.
    queue = queue.then(async () => {
      const next = stepTextSize(now, step);
      if (next === now) return;
      try {
        now = await ipc.setTextSize(next);
        status.textContent = t().common.textSize({ percent: now });
      } catch {
        // The size stays as it was; nothing else depends on it.
      }
    });
  };

  window.addEventListener(
    "keydown",
    (e) => {
      const step = textSizeKey(e);
      if (step === null) return;
      e.preventDefault();
      change(step);
    },
    { capture: true },
  );
  window.addEventListener(
    "wheel",
    (e) => {
      if (!e.ctrlKey || e.deltaY === 0) return;
      e.preventDefault();
      change(e.deltaY < 0 ? 1 : -1);
    },
    { capture: true, passive: false },
  );
}
