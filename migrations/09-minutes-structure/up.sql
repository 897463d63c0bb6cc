-- Minutes as councils write them (issue 14).
--
--   * A minute's heading follows its agenda item's title until the clerk edits it.
--     heading_edited is 1 once edited, 0 while it follows; NULL on minutes written before
--     this migration, which follow the title while they still read as it (nothing is
--     rewritten here, so no signed or published minute changes).
--   * An exempt (Part 2) minute follows its agenda item: while the minutes are drafts,
--     moving the item to or from Part 2 moves its minute between the public and the
--     confidential minutes; once they are published, the move is refused.
--   * Approving the minutes of an earlier meeting is a resolution of the approving meeting:
--     resolution.approves_meeting_id names the meeting whose minutes that limb approves, and
--     the amendment rows (meeting_id, approving_meeting_id) are what it prints.

ALTER TABLE minute ADD COLUMN heading_edited INTEGER CHECK (heading_edited IS NULL OR heading_edited IN (0, 1));
ALTER TABLE resolution ADD COLUMN approves_meeting_id TEXT REFERENCES meeting(id);
CREATE UNIQUE INDEX resolution_approves ON resolution(approves_meeting_id) WHERE approves_meeting_id IS NOT NULL;

-- A heading that follows its item's title changes with it (audited by the minute's own
-- triggers once the draft is published; refused by them once signed).
CREATE TRIGGER minute_heading_follows_title AFTER UPDATE OF title_en ON agenda_item
WHEN NEW.title_en <> OLD.title_en
BEGIN
    UPDATE minute SET heading = NEW.title_en
    WHERE agenda_item_id = NEW.id
      AND (heading_edited = 0 OR (heading_edited IS NULL AND heading = OLD.title_en));
END;

-- An item moves to or from Part 2 only while its minute is a draft.
CREATE TRIGGER agenda_item_part_published BEFORE UPDATE OF part ON agenda_item
WHEN NEW.part <> OLD.part
 AND (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
 AND EXISTS (SELECT 1 FROM minute WHERE agenda_item_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are published: an item cannot move to or from Part 2; record the correction when the minutes are approved');
END;

-- The minute follows: public or confidential as its item is.
CREATE TRIGGER minute_exempt_follows_item AFTER UPDATE OF part ON agenda_item
WHEN NEW.part <> OLD.part
BEGIN
    UPDATE minute SET exempt = (NEW.part = 'part2') WHERE agenda_item_id = NEW.id;
END;

-- The limb that approved another meeting's minutes stays while that approval stands.
CREATE TRIGGER resolution_approval_delete BEFORE DELETE ON resolution
WHEN OLD.approves_meeting_id IS NOT NULL
 AND (SELECT minutes_status FROM meeting WHERE id = OLD.approves_meeting_id) IN ('approved', 'signed')
 AND (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'signed'
BEGIN
    SELECT RAISE(ABORT, 'this limb records the approval of the minutes of an earlier meeting, so it cannot be removed');
END;
CREATE TRIGGER resolution_approval_update BEFORE UPDATE OF approves_meeting_id ON resolution
WHEN OLD.approves_meeting_id IS NOT NULL AND NEW.approves_meeting_id IS NOT OLD.approves_meeting_id
BEGIN
    SELECT RAISE(ABORT, 'this limb records the approval of the minutes of an earlier meeting; which meeting it approves cannot change');
END;
