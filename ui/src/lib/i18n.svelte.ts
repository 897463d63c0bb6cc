// The interface's language: English or Welsh, switchable at any time and remembered.
// Words come from the typed catalogue in src/i18n (typesafe-i18n): `t().meetings.title()`.
// Reading `t()` inside a component's markup or a $derived re-renders it when the language changes.
import { i18nObject } from "../i18n/i18n-util";
import { loadAllLocales } from "../i18n/i18n-util.sync";
import type { Locales, TranslationFunctions } from "../i18n/i18n-types";

export type Lang = Locales;

loadAllLocales();
const catalogues: Record<Lang, TranslationFunctions> = { en: i18nObject("en"), cy: i18nObject("cy") };

const KEY = "cofnod.language";

function remembered(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(KEY);
    return saved === "cy" ? "cy" : "en";
  } catch {
    return "en";
  }
}

export const language = $state<{ code: Lang }>({ code: remembered() });

/** The catalogue of the current language. */
export function t(): TranslationFunctions {
  return catalogues[language.code];
}

/** The catalogue of a given language (for a passage in the other language, marked with its `lang`). */
export function catalogue(lang: Lang): TranslationFunctions {
  return catalogues[lang];
}

/** Switches the interface's language, remembers it, and marks the page with it. */
export function setLanguage(code: Lang): void {
  language.code = code;
  try {
    globalThis.localStorage?.setItem(KEY, code);
  } catch {
    // A window that cannot store the choice still switches.
  }
  markPage();
}

/** Sets `<html lang>` to the interface's language (called once at start and on every switch). */
export function markPage(): void {
  if (typeof document !== "undefined") document.documentElement.lang = language.code;
}
