// The agenda screen's words in English (the base catalogue: typesafe-i18n reads its types from here).
export default {
  title: "Agenda",
  addStanding: "Add standing items",
  /** The button that takes the meeting to its next status. */
  next: {
    agenda_published: "Publish the agenda",
    in_progress: "Start the meeting",
    closed: "Close the meeting",
  },
  shortcut: {
    move: "move the selected item (or drag it)",
    edit: "edit it",
    undo: "undo and redo",
    remove: "remove it",
  },
  empty: "The agenda is empty. Add the standing items, then the reports.",
  list: "Agenda items",
  exempt: "Part 2 · exempt, Schedule 12A para. {paragraphs:string}",
  pages: "{n:number} page{{s}}",
  /** Where a report went out: the pack's pages, a supplement's, or not yet. */
  inPack: " · pack pages {first:number} – {last:number}",
  inSupplement: " · supplement {n:number}, pages {first:number} – {last:number}",
  notIssued: " · not yet issued: goes in the next supplement",
  confirmRemove: "Remove “{title:string}” from the agenda?",
  confirmRemoveReport: "Remove “{title:string}” and its report? This cannot be undone",
  confirmRemoveReports: "Remove “{title:string}” and its reports? This cannot be undone",
  keep: "Keep",
  attach: "Attach report…",
  /** An item's buttons as a screen reader names them: its number and title, then what they do. */
  item: {
    moveUp: "Move item {n:number}, {title:string}, up",
    moveDown: "Move item {n:number}, {title:string}, down",
    edit: "Edit item {n:number}, {title:string}",
    remove: "Remove item {n:number}, {title:string}",
    attach: "Attach report to item {n:number}, {title:string}",
  },
  incoming: {
    heading: "Referred to this committee",
    aReferral: "A referral",
    from: "From {body:string}, sent {sent:string}, response due {due:string}",
    takeUp: "Add as a (REF) item",
  },
  summary: {
    label: "Public summary",
    heading: "Minute {label:string} is now in Part 2",
    explain:
      "It is left out of the public minutes. What should they print in its place? Leave it empty to print only that the minute is exempt, with its Schedule 12A paragraphs.",
    save: "Save the summary",
    notNow: "Not now",
  },
  form: {
    addLabel: "Add an agenda item",
    editLabel: "Edit an agenda item",
    add: "Add an item",
    edit: "Edit item {n:number}",
    published:
      "The agenda has been published: an item added now is an urgent item, and the minutes must record its special circumstances.",
    title: "Title",
    titleCy: "Title in Welsh",
    origin: "Origin",
    part: "Part",
    part1: "Part 1 (public)",
    part2: "Part 2 (exempt)",
    minuteMoves: "Its minute {label:string} moves with it between the public and the confidential minutes.",
    minutePublished: "Its minutes are published: it can no longer move to or from Part 2.",
    paragraphs: "Schedule 12A paragraphs",
    paragraphsExample: "e.g. 14",
    publicInterest: "Public interest test (why keeping it exempt outweighs disclosure)",
    urgent: "Special circumstances (why it is urgent)",
    save: "Save changes",
    addItem: "Add item",
  },
  /** What undo and redo name. */
  undo: {
    edit: "edit item {n:number}",
    add: "add “{title:string}”",
    remove: "remove “{title:string}”",
    move: "move item {n:number}",
  },
};
