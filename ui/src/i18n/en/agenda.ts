// The agenda screen's words in English (the base catalogue: typesafe-i18n reads its types from here).
export default {
  title: "Agenda",
};
