import type { Translation } from "../i18n-types";

// Geiriau sgrin y cyfarfod: y pennawd a'r tabiau.
export default {
  title: "Cyfarfod",
  back: "Yn ôl i'r cyfarfodydd",
  crumb: "← Cyfarfodydd",
  loading: "Wrthi'n llwytho'r cyfarfod…",
  atTime: "am {time}",
  editDetails: "Golygu'r manylion",
  minutesStatus: "Cofnodion: {status}",
  details: "Manylion y cyfarfod",
  saveDetails: "Cadw'r manylion",
  signed: {
    lead: "Llofnodwyd y cofnodion hyn",
    by: " gan {name}",
    on: " ar {date}",
    rest: ". Cofnodion wedi'u llofnodi yw'r cofnod cyfreithiol ac ni ellir eu newid: maent yn agor i'w darllen yn unig. Cofnodir unrhyw gywiriad yng nghofnodion cyfarfod diweddarach.",
    pages: " Maent yn llenwi tudalennau {first}–{last} o'r Llyfr Cofnodion.",
  },
  tab: {
    agenda: "Agenda",
    attendance: "Presenoldeb a datganiadau",
    minutes: "Cofnodion",
    translation: "Cyfieithu",
    approval: "Cymeradwyo ac argraffu",
  },
  tabs: "Rhannau'r cyfarfod",
} satisfies Translation["meeting"];
