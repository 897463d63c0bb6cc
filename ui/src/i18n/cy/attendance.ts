import type { Translation } from "../i18n-types";

// The attendance screen's words in Welsh.
export default {
  title: "Presenoldeb",
} satisfies Translation["attendance"];
