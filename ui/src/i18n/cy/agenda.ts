import type { Translation } from "../i18n-types";

// The agenda screen's words in Welsh.
export default {
  title: "Agenda",
} satisfies Translation["agenda"];
