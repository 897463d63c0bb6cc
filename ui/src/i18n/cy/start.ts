import type { Translation } from "../i18n-types";

// Y cychwyn cyntaf: dim cofnod cyngor ar y cyfrifiadur hwn eto, a'r dewis rhwng sefydlu cyngor
// newydd ac agor y cyngor enghreifftiol; ac adran Cronfa ddata'r sgrin Gosod.
export default {
  title: "Croeso i Cofnod",
  lead: "Does dim cofnod cyngor ar y cyfrifiadur hwn eto. Bydd Cofnod yn ei gadw mewn un ffeil:",
  choose: "Dewiswch sut i ddechrau",
  newCouncil: {
    heading: "Sefydlu cyngor newydd",
    explain:
      "Enw eich cyngor, ei bwyllgor cyntaf ac aelodau'r pwyllgor hwnnw. Mae popeth arall (rhagor o bwyllgorau, pobl, rolau, rhifo) yn cael ei ychwanegu yn Gosod wedyn.",
    button: "Sefydlu cyngor newydd",
  },
  demo: {
    heading: "Agor y cyngor enghreifftiol",
    explain:
      "Data enghreifftiol cyngor dychmygol, Cyngor Bwrdeistref Sirol Glantawe, gyda chofnodion cyfarfod craffu a'i becyn agenda, i roi cynnig ar Cofnod. Nid cofnod cyngor go iawn yw hwn.",
    warning: "Mae'r cyngor enghreifftiol yn cael ei gadw yn y ffeil uchod: ar gyfer cofnod eich cyngor chi, sefydlwch gyngor newydd yn lle hynny.",
    button: "Agor y cyngor enghreifftiol",
    opening: "Wrthi'n agor y cyngor enghreifftiol…",
  },
  form: {
    heading: "Sefydlu cyngor newydd",
    council: "1. Y cyngor",
    nameEn: "Enw yn Saesneg",
    nameEnExample: "e.e. Glan-yr-Afon County Council",
    nameCy: "Enw yn Gymraeg",
    law: "Cyfraith",
    wales: "Cymru",
    england: "Lloegr",
    committee: "2. Ei bwyllgor cyntaf",
    committeeEn: "Enw'r pwyllgor yn Saesneg",
    committeeEnExample: "e.e. Governance and Audit Committee",
    committeeCy: "Enw'r pwyllgor yn Gymraeg",
    kind: "Math o bwyllgor",
    members: "3. Aelodau'r pwyllgor",
    membersExplain:
      "Mae pob un yn cael ei ychwanegu fel cynghorydd ac aelod o'r pwyllgor. Cywirwch enw yn y rhestr cyn gorffen; mae'r cadeirydd, yr is-gadeirydd a phobl eraill yn cael eu gosod yn Gosod.",
    memberName: "Enw'r aelod fel y'i hargreffir ar ôl “Y Cynghorydd”",
    memberExample: "e.e. Mrs. E. Llewelyn",
    add: "Ychwanegu aelod",
    typeFirst: "Teipiwch enw'r aelod yn gyntaf.",
    member: "Aelod {n}",
    remove: "Tynnu",
    removeLabel: "Tynnu aelod {n}",
    none: "Does dim aelodau wedi'u rhestru eto. Gallwch eu hychwanegu nawr neu wedyn yn Gosod.",
    count: "{n} aelod wedi'u rhestru",
    back: "Yn ôl",
    finish: "Gorffen",
    finishing: "Wrthi'n sefydlu…",
  },
} satisfies Translation["start"];
