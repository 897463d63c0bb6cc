import type { Translation } from "../i18n-types";

// The meeting screen's words in Welsh.
export default {
  title: "Cyfarfod",
} satisfies Translation["meeting"];
