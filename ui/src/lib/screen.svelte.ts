// Where the clerk has just gone, for someone who cannot see the window change: when a screen (or a
// meeting's tab) changes, focus moves to its heading, its name is said once in the shell's one
// polite live region, and the window's title names it ("Agenda – Scrutiny Committee, 5th January,
// 2015 – Cofnod"), in the interface's language.
import { ipc } from "./ipc";

/** What the shell's live region says, and the window's title. */
export const announcer = $state<{ text: string }>({ text: "" });

const APP = "Cofnod";
let pending = false;
let current: { spoken: string; heading: () => HTMLElement | null } | null = null;
let titled = "";
let announcing = 0;

/** The window's title for a screen named `name`: "Meetings – Cofnod"; just "Cofnod" unnamed. */
export function windowTitle(name: string): string {
  return name ? `${name} – ${APP}` : APP;
}

/**
 * The clerk asked for another screen (a click, a shortcut, a link): the screen that shows next
 * takes focus and is announced when it calls `shown`. Asked for the screen already showing, it
 * is focused and announced again at once, as nothing new will be drawn.
 */
export function navigating(same: boolean): void {
  if (same && current) {
    const heading = current.heading();
    if (heading?.isConnected) {
      focusOn(heading);
      announce(current.spoken);
      return;
    }
  }
  pending = true;
}

/**
 * A screen is drawn: `spoken` is its name as announced ("Agenda – Scrutiny Committee, 5 January
 * 2015"), `title` as the window's title has it (the house date style), and `heading` finds what
 * takes focus (the screen's h1 when not given). Called again whenever its name changes (a new
 * language, a tab); focus moves and the name is said only after the clerk asked to go somewhere.
 */
export function shown(spoken: string, title: string = spoken, heading: () => HTMLElement | null = mainHeading): void {
  current = { spoken, heading };
  setTitle(windowTitle(title));
  if (!pending) return;
  pending = false;
  const h = heading();
  if (h) focusOn(h);
  announce(spoken);
}

/**
 * A change within a screen the clerk asked for (a meeting's tab): focus moves to `target` (the
 * tab panel's heading, or stays on the tab when the arrow keys moved it), and the new name is
 * said unless focus stayed on the tab, which a screen reader reads out itself.
 */
export function movedWithin(spoken: string, title: string, target: HTMLElement | null, say: boolean): void {
  pending = false;
  current = { spoken, heading: () => target };
  setTitle(windowTitle(title));
  if (target && document.activeElement !== target) focusOn(target);
  if (say) announce(spoken);
}

/** The screen's main heading. */
export function mainHeading(): HTMLElement | null {
  return document.querySelector<HTMLElement>("main h1");
}

/** The first heading inside `container`. */
export function firstHeading(container: HTMLElement | null | undefined): HTMLElement | null {
  return container?.querySelector<HTMLElement>("h1, h2, h3") ?? null;
}

/** Focuses `el`, making a heading focusable by script (not by Tab) first. */
export function focusOn(el: HTMLElement): void {
  if (!el.matches("a[href], button, input, select, textarea, [tabindex]")) el.tabIndex = -1;
  el.focus();
}

/** Says `text` once in the live region: emptied first, so the same name twice is said twice. */
function announce(text: string): void {
  const mine = ++announcing;
  announcer.text = "";
  // A live region speaks a change of its text: the empty text is drawn first, then the name.
  setTimeout(() => {
    if (mine === announcing) announcer.text = text;
  }, 50);
}

function setTitle(title: string): void {
  if (title === titled) return;
  titled = title;
  if (typeof document !== "undefined") document.title = title;
  // The real window's title bar too (outside the app, in a browser test, there is none to set).
  ipc.setWindowTitle(title).catch(() => undefined);
}
