import type { Translation } from "../i18n-types";

// The register screen's words in Welsh.
export default {
  title: "Cofrestr penderfyniadau",
} satisfies Translation["register"];
