import type { Translation } from "../i18n-types";

// Adran Cronfa ddata'r sgrin Gosod: lle mae cofnod y cyngor yn cael ei gadw, copi wrth gefn, adfer.
export default {
  heading: "Cronfa ddata",
  where: "Mae Cofnod yn cadw cofnod cyfan y cyngor, gan gynnwys yr adroddiadau atodedig, mewn un ffeil:",
  backup: "Gwneud copi wrth gefn…",
  backupTitle: "Gwneud copi wrth gefn o'r gronfa ddata",
  backingUp: "Wrthi'n gwneud copi wrth gefn…",
  backedUp: "Gwnaed copi wrth gefn yn {path} ({size}). Cafodd gwiriad cywirdeb SQLite y copi yn gyflawn.",
  restore: "Adfer o gopi wrth gefn…",
  restoreTitle: "Adfer y gronfa ddata o gopi wrth gefn",
  confirmHeading: "Adfer o'r copi wrth gefn hwn?",
  confirmFrom: "Copi wrth gefn:",
  confirmReplaces: "Bydd hyn yn disodli cofnod cyfan {council} yn {path} (pob cyfarfod, cofnod a gosodiad) â'r hyn sydd yn y copi wrth gefn.",
  confirmKept: "Cedwir copi o'r gronfa ddata bresennol yn gyntaf, wrth ei hochr, felly ni chollir dim.",
  confirmChecked: "Caiff y copi wrth gefn ei wirio cyn disodli dim; gwrthodir un sy'n methu ei wiriadau.",
  restoreYes: "Adfer",
  restoring: "Wrthi'n adfer…",
  restored: "Adferwyd o {path}. Cedwir y gronfa ddata fel yr oedd o'r blaen yn {previous}.",
  explain:
    "Gwnewch gopi wrth gefn ar yriant neu mewn ffolder y mae eich cyngor yn gwneud copi wrth gefn ohono. Mae copi wrth gefn yn un ffeil hunangynhwysol y gall Cofnod (neu “cofnod restore”) ei hadfer.",
} satisfies Translation["database"];
