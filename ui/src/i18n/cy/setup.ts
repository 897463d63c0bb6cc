import type { Translation } from "../i18n-types";

// The setup screen's words in Welsh.
export default {
  title: "Gosod",
} satisfies Translation["setup"];
