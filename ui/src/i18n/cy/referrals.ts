import type { Translation } from "../i18n-types";

// The referrals screen's words in Welsh.
export default {
  title: "Cyfeiriadau",
} satisfies Translation["referrals"];
