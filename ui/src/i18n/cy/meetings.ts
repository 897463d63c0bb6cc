import type { Translation } from "../i18n-types";

// Geiriau sgrin y cyfarfodydd.
export default {
  title: "Cyfarfodydd",
  lead: "Pob cyfarfod o bob pwyllgor, y diweddaraf yn gyntaf.",
  plan: "Cynllunio cyfarfod",
  create: "Creu'r cyfarfod",
  loading: "Wrthi'n llwytho…",
  empty: "Dim cyfarfodydd eto. Cynlluniwch y cyntaf gyda",
  column: {
    date: "Dyddiad",
    committee: "Pwyllgor",
    venue: "Lleoliad",
    items: "Eitemau",
    meeting: "Cyfarfod",
    minutes: "Cofnodion",
    notice: "Hysbysiad o benderfyniadau",
  },
  attention: {
    region: "Hysbysiadau o benderfyniadau sy'n ddyledus cyn bo hir neu'n hwyr",
    heading: "Hysbysiadau o benderfyniadau i'w cyhoeddi",
    due: "I'w cyhoeddi o fewn saith diwrnod gwaith i'r cyfarfod (a.100C(1C) Deddf Llywodraeth Leol 1972).",
  },
  notice: {
    published: "Hysbysiad o benderfyniadau wedi'i gyhoeddi ar {date}",
    publishedUndated: "Hysbysiad o benderfyniadau wedi'i gyhoeddi",
    overdue: "Hysbysiad o benderfyniadau yn hwyr ers {date}",
    due: "Hysbysiad o benderfyniadau yn ddyledus ar {date}",
  },
  exports: {
    heading: "Calendr a data agored",
    committee: "Pwyllgor",
    every: "Pob pwyllgor",
    ics: "Cadw'r calendr (.ics)…",
    icsHint: "Dewiswch bwyllgor: cyfarfodydd un pwyllgor yw calendr",
    publishedAt: "Cyfeiriad cyhoeddi",
    oparl: "Cadw fel JSON OParl…",
    explain:
      "Mae'r calendr yn cynnwys cyfarfodydd y pwyllgor gyda'u hagendâu, ar gyfer Outlook neu unrhyw galendr. Mae'r ffeil OParl yn cynnwys y cyfarfodydd, yr eitemau agenda, y pwyllgorau, yr aelodau a'r penderfyniadau yn fformat data agored OParl 1.1, gyda'i chyfeiriadau o dan y cyfeiriad gwe y mae'r cyngor yn ei chyhoeddi ynddo.",
    savedTo: "Cadwyd yn {path}",
  },
  form: {
    addCommitteeFirst: "Ychwanegwch bwyllgor o dan Gosod yn gyntaf.",
    committee: "Pwyllgor",
    kind: "Math o gyfarfod",
    date: "Dyddiad",
    start: "Amser dechrau",
    finish: "Amser gorffen",
    venue: "Lleoliad",
    venueExample: "Siambr y Cyngor, y Swyddfeydd Dinesig",
    mode: "Dull",
    joining: "Manylion ymuno",
    joiningHint: "Sut mae aelodau a'r cyhoedd yn ymuno o bell",
  },
} satisfies Translation["meetings"];
