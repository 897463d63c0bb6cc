// The meeting screen's words in English (the base catalogue: typesafe-i18n reads its types from here).
export default {
  title: "Meeting",
  back: "Back to meetings",
  crumb: "← Meetings",
  loading: "Loading the meeting…",
  atTime: "at {time:string}",
  editDetails: "Edit details",
  minutesStatus: "Minutes: {status:string}",
  details: "Meeting details",
  saveDetails: "Save details",
  /** The banner over signed minutes, in parts: who signed and when are known only sometimes. */
  signed: {
    lead: "These minutes were signed",
    by: " by {name:string}",
    on: " on {date:string}",
    rest: ". Signed minutes are the legal record and cannot be changed: they open read-only. A correction is recorded in the minutes of a later meeting.",
    pages: " They fill pages {first:number}–{last:number} of the minute book.",
  },
  tab: {
    agenda: "Agenda",
    attendance: "Attendance and declarations",
    minutes: "Minutes",
    translation: "Translation",
    approval: "Approval and printing",
  },
  tabs: "The meeting's parts",
};
