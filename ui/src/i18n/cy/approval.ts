import type { Translation } from "../i18n-types";

// The approval screen's words in Welsh.
export default {
  title: "Cymeradwyo ac argraffu",
} satisfies Translation["approval"];
