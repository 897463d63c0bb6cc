// The referrals screen's words in English (the base catalogue: typesafe-i18n reads its types from here).
export default {
  title: "Referrals",
  intro: "Resolutions sent to Cabinet, Council or another body and not yet closed: the overdue first.",
  overdue: "{n:number} overdue",
  dueSoon: "{n:number} due soon",
  open: "{n:number} open in all",
  empty: "Nothing is waiting: every referral has been answered and closed.",
  tracker: "Recommendation tracker",
  trackerIntro:
    "Every recommendation a committee referred in a period, with its status and the response: the report taken to scrutiny each quarter.",
  asAbove: "As above",
  choose: "Choose…",
  chooseCommittee: "Choose the committee whose recommendations to track.",
  pdf: "Print tracker (PDF)",
};
