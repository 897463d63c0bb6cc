import type { Translation } from "../i18n-types";

// Geiriau'r olwg gyfieithu.
export default {
  heading: "Cyfieithu",
  counts: "{awaiting} i'w cyfieithu · {done} wedi'u cyfieithu · {notNeeded} heb angen cyfieithu",
  hint: "Teipiwch y cyfieithiad wrth ymyl pob testun; caiff ei gadw wrth i chi deipio. Mae Ctrl+Enter yn mynd i'r testun nesaf sydd i'w gyfieithu, Alt+↓ ac Alt+↑ i'r nesaf ac i'r blaenorol, ac Alt+N yn nodi nad oes angen cyfieithu testun.",
  order: "Trefn",
  awaitingFirst: "Y rhai i'w cyfieithu yn gyntaf",
  documentOrder: "Yn nhrefn y cofnodion",
  sortAgain: "Trefnu eto",
  firstAwaiting: "Mynd i'r testun cyntaf i'w gyfieithu",
  locked: "Mae'r cofnodion hyn wedi'u llofnodi: mae eu cyfieithiad yn rhan o'r cofnod wedi'i lofnodi ac ni all newid.",
  none: "Nid oes gan y cyfarfod hwn destunau i'w cyfieithu eto.",
  status: {
    awaiting: "I'w gyfieithu",
    done: "Wedi'i gyfieithu",
    not_needed: "Dim angen",
    outdated: "Newidiwyd y gwreiddiol",
  },
  writtenIn: "Iaith y gwreiddiol",
  english: "Saesneg",
  welsh: "Cymraeg",
  intoWelsh: "Yn Gymraeg",
  intoEnglish: "Yn Saesneg",
  changedSince: "Mae'r gwreiddiol wedi newid ers ei gyfieithu: gwiriwch y cyfieithiad yn ei erbyn.",
  keep: "Mae'r cyfieithiad yn dal yn gywir",
  notNeeded: "Dim angen",
} satisfies Translation["translation"];
