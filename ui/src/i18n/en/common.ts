// Words every screen shares: the sidebar, the save indicator, errors, dates, common buttons.
export default {
  brandSub: "Committee minutes",
  mainNav: "Main",
  nav: { meetings: "Meetings", register: "Register", referrals: "Referrals", publish: "Publish website", setup: "Set-up" },
  language: {
    label: "Language",
    /** The button that switches to the other language, written in that language. */
    switchTo: "Cymraeg",
    switchHint: "Newid i'r Gymraeg",
  },
  save: {
    notSaved: "Not saved",
    saving: "Saving…",
    savedAt: "All changes saved at {time:string}",
    saved: "All changes saved",
  },
  version: "Version {version:string}",
  textSize: "Text size {percent:number}%",
  startError: "Cofnod could not read its database: {error:string}",
  check: {
    couldNot: "Cofnod could not check the record:",
    changed: "The record has been changed outside Cofnod.",
    problems: "{n:number} problem{{s}} {{was|were}} found when the database was checked at start (as",
    afterCommand:
      "checks it). Nothing has been repaired: restore a backup taken before the change, or ask your IT team to look at the database file.",
    showAll: "Show all {n:number}",
  },
  /** The lead of an error the store returns, by its code; the store's own sentence follows. */
  error: {
    invalid: "This was not saved",
    not_found: "Not found",
    conflict: "This was not saved: it conflicts with the record",
    locked: "This cannot change: the minutes are locked",
    transition: "This step is not allowed now",
    not_a_database: "This file is not a Cofnod database",
    too_new: "This database was written by a newer Cofnod",
    bad_backup: "This backup cannot be restored",
    read_only_place: "Cofnod cannot write there",
    tampered: "The record has been changed outside Cofnod",
    storage: "The database could not be written",
    io: "Something went wrong",
  },
  date: {
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    placeholder: "e.g. 5th January, 2015",
    invalid: "“{text:string}” is not a date. Write it day first, e.g. 5th January, 2015 or 5/1/2015.",
  },
  /** A page of a long list (lib/Pager.svelte): "Showing 1–50 of 1,234", Previous and Next. */
  page: {
    showing: "Showing {from:string}–{to:string} of {total:string}",
    previous: "Previous",
    next: "Next",
    /** The buttons' names for a screen reader: "Next page: Recent meetings". */
    previousPage: "Previous page: {list:string}",
    nextPage: "Next page: {list:string}",
  },
  button: {
    save: "Save",
    cancel: "Cancel",
    edit: "Edit",
    remove: "Remove",
    add: "Add",
    close: "Close",
    moveUp: "Move up",
    moveDown: "Move down",
    undo: "Undo",
    redo: "Redo",
    /** One of many buttons alike, named with what it acts on: "Edit: Cabinet". */
    named: "{action:string}: {name:string}",
  },
};
