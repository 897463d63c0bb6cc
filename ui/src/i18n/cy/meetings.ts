import type { Translation } from "../i18n-types";

// The meetings screen's words in Welsh.
export default {
  title: "Cyfarfodydd",
} satisfies Translation["meetings"];
