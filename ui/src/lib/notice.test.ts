import { describe, expect, it } from "vitest";
import type { NoticeDue } from "./ipc";
import { needingAttention, noticeText } from "./notice";

function notice(over: Partial<NoticeDue>): NoticeDue {
  return {
    meeting_id: "m",
    body_name: "Cabinet",
    date: "2026-06-02",
    due: "2026-06-10",
    published_on: null,
    state: "due",
    working_days_left: 5,
    ...over,
  };
}

describe("the notice of decisions on the Meetings screen", () => {
  it("says when it is due, overdue or published", () => {
    expect(noticeText(notice({}))).toBe("Decisions notice due 10 June 2026");
    expect(noticeText(notice({ state: "due_soon" }))).toBe("Decisions notice due 10 June 2026");
    expect(noticeText(notice({ state: "overdue" }))).toBe("Decisions notice overdue since 10 June 2026");
    expect(noticeText(notice({ state: "published", published_on: "2026-06-04" }))).toBe(
      "Decisions notice published 4 June 2026",
    );
    expect(noticeText(notice({ state: "not_yet" }))).toBe("");
  });

  it("says it in Welsh in the Welsh interface", () => {
    expect(noticeText(notice({}), "cy")).toBe("Hysbysiad o benderfyniadau yn ddyledus ar 10 Mehefin 2026");
    expect(noticeText(notice({ state: "overdue" }), "cy")).toBe("Hysbysiad o benderfyniadau yn hwyr ers 10 Mehefin 2026");
    expect(noticeText(notice({ state: "published", published_on: "2026-06-04" }), "cy")).toBe(
      "Hysbysiad o benderfyniadau wedi'i gyhoeddi ar 4 Mehefin 2026",
    );
    expect(noticeText(notice({ state: "published" }), "cy")).toBe("Hysbysiad o benderfyniadau wedi'i gyhoeddi");
  });

  it("lists overdue and due-soon notices, earliest due first, and nothing else", () => {
    const list = [
      notice({ meeting_id: "a", state: "due", due: "2026-06-01" }),
      notice({ meeting_id: "b", state: "due_soon", due: "2026-06-12" }),
      notice({ meeting_id: "c", state: "overdue", due: "2026-06-05" }),
      notice({ meeting_id: "d", state: "published", due: "2026-06-03" }),
    ];
    expect(needingAttention(list).map((n) => n.meeting_id)).toEqual(["c", "b"]);
  });
});
