// Set-up's Database section: where the council's record is kept, backing it up, restoring it.
export default {
  heading: "Database",
  where: "Cofnod keeps the council's whole record, attached reports included, in one file:",
  backup: "Back up…",
  backupTitle: "Back up the database",
  backingUp: "Backing up…",
  backedUp: "Backed up to {path:string} ({size:string}). SQLite's integrity check found the copy whole.",
  restore: "Restore from a backup…",
  restoreTitle: "Restore the database from a backup",
  confirmHeading: "Restore from this backup?",
  confirmFrom: "Backup:",
  confirmReplaces: "This replaces the whole record of {council:string} in {path:string} (every meeting, minute and setting) with what the backup holds.",
  confirmKept: "A copy of the current database is kept first, beside it, so nothing is lost.",
  confirmChecked: "The backup is checked before anything is replaced; one that fails its checks is refused.",
  restoreYes: "Restore",
  restoring: "Restoring…",
  restored: "Restored from {path:string}. The database as it was before is kept at {previous:string}.",
  explain:
    "Back up to a drive or folder your council backs up. A backup is one self-contained file that Cofnod (or “cofnod restore”) can restore.",
};
