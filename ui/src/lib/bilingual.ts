// A text the record holds in both languages (a body's name, an item's title): shown in the
// interface's language when it has one, else in the other, marked with its `lang`.
import { language } from "./i18n.svelte";

export type Shown = { text: string; lang: "en" | "cy" | undefined };

/** The text to show and, when it is not in the interface's language, its `lang`. */
export function inLanguage(en: string, cy: string | null | undefined): Shown {
  const welsh = (cy ?? "").trim();
  if (language.code === "cy") return welsh ? { text: welsh, lang: undefined } : { text: en, lang: en ? "en" : undefined };
  return en.trim() || !welsh ? { text: en, lang: undefined } : { text: welsh, lang: "cy" };
}

/** The `lang` of a text recorded in English only, when the interface is in Welsh. */
export function englishOnly(): "en" | undefined {
  return language.code === "cy" ? "en" : undefined;
}
