// A refused form, tied to the field it refuses: one mechanism for every form.
//
// The store names the field it refuses at the start of its sentence ("Date: 2015-02-30 is not a
// date", "Item title: must not be empty", "Member 2's name: must not be empty"), in English
// whatever the interface's language. A form marks each control with the store's name for it,
// `data-field="Item title"` (several names separated by "|"), and puts `use:refusal={error}` on
// itself. When an error appears the action finds the form's error text (its `.error[role=alert]`),
// marks the control the sentence names `aria-invalid="true"` and `aria-describedby` the error
// text, and moves focus there, or to the error text itself when no control is named. When the
// error goes the marks go too. Forms inside a form keep their own refusals.
import { tick } from "svelte";
import type { ApiError } from "./ipc";

type Refused = ApiError | string | null | undefined;
/**
 * The error; or the error with the store's name of the field a form already knows it is about,
 * and `stay` for a place where the clerk works row by row (a table's keys): there focus moves
 * only to a field the error names, never to the error text.
 */
export type RefusalParam = Refused | { error: Refused; field?: string; stay?: boolean };

const ROOT = "data-refusal-root";
let made = 0;

/** The message of an error, whatever its shape. */
function messageOf(error: Refused): string {
  if (!error) return "";
  return typeof error === "string" ? error : error.message;
}

/** The store's names of a control (from `data-field`). */
function namesOf(el: Element): string[] {
  return (el.getAttribute("data-field") ?? "")
    .split("|")
    .map((n) => n.trim())
    .filter(Boolean);
}

/**
 * Which of `names` the store's `message` refuses: the longest that begins the sentence followed by
 * a colon (case aside), so "Welsh item title: …" names "Welsh item title", not "Item title".
 */
export function refusedField(message: string, names: string[]): string | null {
  const m = message.trim().toLowerCase();
  let best: string | null = null;
  for (const name of names) {
    if (m.startsWith(`${name.toLowerCase()}:`) && (best === null || name.length > best.length)) best = name;
  }
  return best;
}

/** Elements under `root` matching `selector` that belong to it, not to a form inside it with its own refusals. */
function own(root: HTMLElement, selector: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((el) => el.closest(`[${ROOT}]`) === root);
}

function focusable(el: HTMLElement): boolean {
  return !(el as HTMLInputElement).disabled && el.getClientRects().length > 0;
}

export function refusal(node: HTMLElement, param: RefusalParam) {
  node.setAttribute(ROOT, "");
  let marked: { el: HTMLElement; id: string }[] = [];
  let run = 0;

  function unmark() {
    for (const { el, id } of marked) {
      el.removeAttribute("aria-invalid");
      const rest = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((x) => x && x !== id);
      if (rest.length) el.setAttribute("aria-describedby", rest.join(" "));
      else el.removeAttribute("aria-describedby");
    }
    marked = [];
  }

  async function apply(p: RefusalParam) {
    const mine = ++run;
    const { error, field, stay } = p && typeof p === "object" && "error" in p ? p : { error: p as Refused, field: undefined, stay: false };
    await tick();
    if (mine !== run) return;
    unmark();
    const message = messageOf(error);
    if (!message) return;
    const text = own(node, ".error[role=alert]:not([data-field-error])").at(-1);
    if (!text) return;
    if (!text.id) text.id = `refusal-${++made}`;
    const controls = own(node, "[data-field]");
    const name = field ?? refusedField(message, controls.flatMap(namesOf));
    const target = name ? controls.find((el) => namesOf(el).includes(name)) : undefined;
    if (target) {
      target.setAttribute("aria-invalid", "true");
      const ids = (target.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
      if (!ids.includes(text.id)) target.setAttribute("aria-describedby", [...ids, text.id].join(" "));
      marked.push({ el: target, id: text.id });
    }
    // Focus moves only from within the form (its submit button, a field) or from nowhere, never
    // away from where the clerk has gone on to work since.
    const active = document.activeElement;
    if (active && active !== document.body && !node.contains(active)) return;
    if (target && focusable(target)) target.focus();
    else if (!stay) {
      if (!text.hasAttribute("tabindex")) text.setAttribute("tabindex", "-1");
      text.focus();
    }
  }

  void apply(param);
  return {
    update(p: RefusalParam) {
      void apply(p);
    },
    destroy() {
      run++;
      unmark();
    },
  };
}
