import type { Translation } from "../i18n-types";

// The minutes screen's words in Welsh.
export default {
  title: "Cofnodion",
} satisfies Translation["minutes"];
