import type { Translation } from "../i18n-types";

// Geiriau pob sgrin: y bar ochr, y dangosydd cadw, gwallau, dyddiadau, botymau cyffredin.
export default {
  brandSub: "Cofnodion pwyllgorau",
  mainNav: "Prif ddewislen",
  nav: { meetings: "Cyfarfodydd", register: "Cofrestr", referrals: "Cyfeiriadau", publish: "Cyhoeddi'r wefan", setup: "Gosod" },
  language: {
    label: "Iaith",
    switchTo: "English",
    switchHint: "Switch to English",
  },
  save: {
    notSaved: "Heb ei gadw",
    saving: "Wrthi'n cadw…",
    savedAt: "Cadwyd pob newid am {time}",
    saved: "Cadwyd pob newid",
  },
  version: "Fersiwn {version}",
  textSize: "Maint y testun {percent}%",
  startError: "Ni allai Cofnod ddarllen ei gronfa ddata: {error}",
  check: {
    couldNot: "Ni allai Cofnod wirio'r cofnod:",
    changed: "Mae'r cofnod wedi'i newid y tu allan i Cofnod.",
    problems: "Cafwyd {n} problem wrth wirio'r gronfa ddata ar y dechrau (fel y mae",
    afterCommand:
      "yn ei gwirio). Ni thrwsiwyd dim: adferwch gopi wrth gefn a gymerwyd cyn y newid, neu gofynnwch i'ch tîm TG edrych ar ffeil y gronfa ddata.",
    showAll: "Dangos y {n} i gyd",
  },
  error: {
    invalid: "Ni chadwyd hyn",
    not_found: "Heb ei ganfod",
    conflict: "Ni chadwyd hyn: mae'n gwrthdaro â'r cofnod",
    locked: "Ni all hyn newid: mae'r cofnodion wedi'u cloi",
    transition: "Ni chaniateir y cam hwn nawr",
    not_a_database: "Nid cronfa ddata Cofnod yw'r ffeil hon",
    too_new: "Ysgrifennwyd y gronfa ddata hon gan fersiwn mwy newydd o Cofnod",
    bad_backup: "Ni ellir adfer y copi wrth gefn hwn",
    read_only_place: "Ni all Cofnod ysgrifennu yno",
    tampered: "Mae'r cofnod wedi'i newid y tu allan i Cofnod",
    storage: "Ni ellid ysgrifennu'r gronfa ddata",
    io: "Aeth rhywbeth o'i le",
  },
  date: {
    months: ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"],
    days: ["Dydd Sul", "Dydd Llun", "Dydd Mawrth", "Dydd Mercher", "Dydd Iau", "Dydd Gwener", "Dydd Sadwrn"],
    placeholder: "e.e. 5 Ionawr 2015",
    invalid: "Nid yw “{text}” yn ddyddiad. Ysgrifennwch y dydd yn gyntaf, e.e. 5 Ionawr 2015 neu 5/1/2015.",
  },
  page: {
    showing: "Yn dangos {from}–{to} o {total}",
    previous: "Blaenorol",
    next: "Nesaf",
    previousPage: "Y dudalen flaenorol: {list}",
    nextPage: "Y dudalen nesaf: {list}",
  },
  button: {
    save: "Cadw",
    cancel: "Canslo",
    edit: "Golygu",
    remove: "Dileu",
    add: "Ychwanegu",
    close: "Cau",
    moveUp: "Symud i fyny",
    moveDown: "Symud i lawr",
    undo: "Dadwneud",
    redo: "Ailwneud",
  },
} satisfies Translation["common"];
