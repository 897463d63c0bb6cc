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

// The Welsh names of the council's bodies by their English names, learnt whenever a screen
// reads the bodies: many answers of the store name a body in English only (a minute's link,
// a meeting's summary), and the Welsh interface shows its Welsh name when it has one.
const welshNames = $state<Record<string, string>>({});

/** Remembers the bodies' Welsh names (call with every list of bodies read). */
export function learnBodies(bodies: { name_en: string; name_cy: string }[]): void {
  for (const b of bodies) if (b.name_cy.trim()) welshNames[b.name_en] = b.name_cy;
}

/** A body named in English by the store, in the interface's language when its Welsh name is known. */
export function bodyName(en: string, cy?: string | null): Shown {
  return inLanguage(en, cy || welshNames[en]);
}
