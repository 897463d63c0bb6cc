import type { Translation } from "../i18n-types";

// The referrals screen's words in Welsh.
export default {
  title: "Cyfeiriadau",
  intro: "Penderfyniadau a anfonwyd at y Cabinet, y Cyngor neu gorff arall ac nad ydynt wedi'u cau eto: y rhai hwyr yn gyntaf.",
  overdue: "{n} yn hwyr",
  dueSoon: "{n} i'w hateb cyn bo hir",
  open: "{n} ar agor i gyd",
  empty: "Does dim yn aros: mae pob cyfeiriad wedi'i ateb a'i gau.",
  tracker: "Traciwr argymhellion",
  trackerIntro:
    "Pob argymhelliad a gyfeiriodd pwyllgor mewn cyfnod, gyda'i statws a'r ymateb: yr adroddiad a gyflwynir i'r pwyllgor craffu bob chwarter.",
  asAbove: "Fel uchod",
  choose: "Dewiswch…",
  chooseCommittee: "Dewiswch y pwyllgor y mae ei argymhellion i'w tracio.",
  pdf: "Argraffu'r traciwr (PDF)",
} satisfies Translation["referrals"];
