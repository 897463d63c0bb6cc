// The meetings screen's words in English (the base catalogue: typesafe-i18n reads its types from here).
export default {
  title: "Meetings",
  lead: "The meetings to come and the most recent; search for any other.",
  plan: "Plan a meeting",
  create: "Create meeting",
  loading: "Loading…",
  /** Followed by the "Plan a meeting" button's name in bold and a full stop. */
  empty: "No meetings yet. Plan the first one with",
  /** The search and filters above the lists. */
  find: {
    region: "Find a meeting",
    search: "Search meetings",
    searchHint: "Committee, venue, agenda item or date",
    committee: "Committee",
    every: "Every committee",
    from: "From",
    to: "To",
    minutes: "Minutes",
    anyMinutes: "Any stage",
    clear: "Clear",
  },
  upcoming: "Upcoming meetings",
  recent: "Recent meetings",
  results: "Meetings found",
  noneUpcoming: "No meetings planned from today on.",
  noneRecent: "No past meetings.",
  noneFound: "No meetings match this search.",
  column: {
    date: "Date",
    committee: "Committee",
    venue: "Venue",
    items: "Items",
    meeting: "Meeting",
    minutes: "Minutes",
    notice: "Decisions notice",
  },
  attention: {
    region: "Notices of decisions due soon and overdue",
    heading: "Notices of decisions to publish",
    due: "Due within seven working days of the meeting (s.100C(1C) Local Government Act 1972).",
    /** Under the first few when more need attention. */
    more: "The {shown:number} most urgent of {total:string}.",
  },
  /** Where a meeting's notice of decisions stands (lib/notice.ts). */
  notice: {
    published: "Decisions notice published {date:string}",
    publishedUndated: "Decisions notice published",
    overdue: "Decisions notice overdue since {date:string}",
    due: "Decisions notice due {date:string}",
  },
  exports: {
    heading: "Calendar and open data",
    committee: "Committee",
    every: "Every committee",
    ics: "Save calendar (.ics)…",
    icsHint: "Choose a committee: a calendar is one committee's meetings",
    publishedAt: "Published at",
    oparl: "Save as OParl JSON…",
    explain:
      "The calendar holds the committee's meetings with their agendas, for Outlook or any calendar. The OParl file holds the meetings, agenda items, committees, members and resolutions in the OParl 1.1 open-data format, its addresses under the web address the council publishes it at.",
    savedTo: "Saved to {path:string}",
  },
  /** The form that plans a meeting or corrects one (meeting/MeetingForm.svelte). */
  form: {
    addCommitteeFirst: "Add a committee under Set-up first.",
    committee: "Committee",
    kind: "Kind of meeting",
    date: "Date",
    start: "Start time",
    finish: "Finish time",
    venue: "Venue",
    venueExample: "Council Chamber, Civic Offices",
    mode: "Mode",
    joining: "Joining details",
    joiningHint: "How members and the public join remotely",
  },
};
