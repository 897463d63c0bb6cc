// The first start: no council's record on this computer yet, and the choice between setting up
// a new council and opening the demo; and Set-up's Database section (where the record is kept,
// backing it up and restoring it).
export default {
  title: "Welcome to Cofnod",
  lead: "There is no council's record on this computer yet. Cofnod will keep it in one file:",
  choose: "Choose how to begin",
  newCouncil: {
    heading: "Set up a new council",
    explain:
      "Your council's name, its first committee and that committee's members. Everything else (more committees, people, roles, numbering) is added in Set-up afterwards.",
    button: "Set up a new council",
  },
  demo: {
    heading: "Open the demo council",
    explain:
      "Sample data of a fictional council, Glantawe County Borough Council, with a scrutiny meeting minuted and its agenda pack, to try Cofnod out. It is not a real council's record.",
    warning: "The demo is kept in the file above: for your own council's record, set up a new council instead.",
    button: "Open the demo council",
    opening: "Opening the demo council…",
  },
  form: {
    heading: "Set up a new council",
    council: "1. The council",
    nameEn: "Name in English",
    nameEnExample: "e.g. Glan-yr-Afon County Council",
    nameCy: "Name in Welsh",
    law: "Law",
    wales: "Wales",
    england: "England",
    committee: "2. Its first committee",
    committeeEn: "Committee name in English",
    committeeEnExample: "e.g. Governance and Audit Committee",
    committeeCy: "Committee name in Welsh",
    kind: "Kind of committee",
    members: "3. The committee's members",
    membersExplain:
      "Each is added as a councillor and a member of the committee. Correct a name in the list before finishing; the chair, vice-chair and other people are set in Set-up.",
    memberName: "Member's name as printed after “Councillor”",
    memberExample: "e.g. Mrs. E. Llewelyn",
    add: "Add member",
    typeFirst: "Type the member's name first.",
    member: "Member {n:number}",
    remove: "Remove",
    removeLabel: "Remove member {n:number}",
    none: "No members listed yet. You can add them now or later in Set-up.",
    count: "{n:number} member{{s}} listed",
    back: "Back",
    finish: "Finish",
    finishing: "Setting up…",
  },
};
