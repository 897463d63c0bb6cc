-- Closing the raw-SQL paths into the record (issue 15).
--
-- Whoever writes to the file, with whatever connection settings:
--   * a recorded row is never replaced. INSERT OR REPLACE deletes the row in the way without
--     firing its DELETE triggers (unless the connection turned recursive_triggers on), so it
--     could turn signed minutes back into drafts or rewrite the audit log unseen. A BEFORE
--     INSERT trigger runs before any conflict is resolved, so the triggers below refuse an
--     insert whose key is already taken: a plain INSERT would fail anyway, a REPLACE now does
--     too. (Attendance keeps the library's upsert on the meeting and person; a REPLACE there
--     leaves the audit entry of the insert, and is refused outright once signed.)
--   * a part of a meeting's record does not move to another meeting (or a limb to another
--     minute) once either meeting's minutes are published: the guards and audit triggers look
--     at one meeting, so a move could take a row out of their sight.
--   * minute numbers stay gapless: a draft minute cannot be removed while a later number of
--     its sequence belongs to published minutes; minutes with a gap in their numbers or their
--     limbs cannot be published or signed; a limb of published minutes is removed only as the
--     last of its minute (the library moves it there first, closing up the others).
--   * a referral past issued is never deleted (its history is the lifecycle).
--   * the audit log takes no row with a sequence number it has already used.

-- 1. No row is replaced.
CREATE TRIGGER meeting_no_replace BEFORE INSERT ON meeting
WHEN EXISTS (SELECT 1 FROM meeting WHERE id = NEW.id)
  OR (NEW.book_first_page IS NOT NULL AND EXISTS (
      SELECT 1 FROM meeting WHERE coalesce(book_year, '') = coalesce(NEW.book_year, '') AND book_first_page = NEW.book_first_page))
BEGIN
    SELECT RAISE(ABORT, 'this meeting is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER minute_no_replace BEFORE INSERT ON minute
WHEN EXISTS (SELECT 1 FROM minute WHERE id = NEW.id)
  OR EXISTS (SELECT 1 FROM minute WHERE sequence_id = NEW.sequence_id AND year_start = NEW.year_start AND number = NEW.number)
BEGIN
    SELECT RAISE(ABORT, 'this minute is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER minute_block_no_replace BEFORE INSERT ON minute_block
WHEN EXISTS (SELECT 1 FROM minute_block WHERE id = NEW.id)
  OR EXISTS (SELECT 1 FROM minute_block WHERE minute_id = NEW.minute_id AND position = NEW.position)
BEGIN
    SELECT RAISE(ABORT, 'this part of the minute is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER resolution_no_replace BEFORE INSERT ON resolution
WHEN EXISTS (SELECT 1 FROM resolution WHERE id = NEW.id)
  OR EXISTS (SELECT 1 FROM resolution WHERE minute_id = NEW.minute_id AND limb = NEW.limb)
  OR (NEW.approves_meeting_id IS NOT NULL AND EXISTS (SELECT 1 FROM resolution WHERE approves_meeting_id = NEW.approves_meeting_id))
BEGIN
    SELECT RAISE(ABORT, 'this resolution is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER agenda_item_no_replace BEFORE INSERT ON agenda_item
WHEN EXISTS (SELECT 1 FROM agenda_item WHERE id = NEW.id)
  OR EXISTS (SELECT 1 FROM agenda_item WHERE meeting_id = NEW.meeting_id AND position = NEW.position)
BEGIN
    SELECT RAISE(ABORT, 'this agenda item is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER attendance_no_replace BEFORE INSERT ON attendance
WHEN EXISTS (SELECT 1 FROM attendance WHERE id = NEW.id AND (meeting_id <> NEW.meeting_id OR person_id <> NEW.person_id))
BEGIN
    SELECT RAISE(ABORT, 'this attendance is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER attendance_item_no_replace BEFORE INSERT ON attendance_item
WHEN EXISTS (SELECT 1 FROM attendance_item WHERE attendance_id = NEW.attendance_id AND agenda_item_id = NEW.agenda_item_id)
BEGIN
    SELECT RAISE(ABORT, 'this attendance for an item is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER declaration_no_replace BEFORE INSERT ON declaration
WHEN EXISTS (SELECT 1 FROM declaration WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'this declaration is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER document_no_replace BEFORE INSERT ON document
WHEN EXISTS (SELECT 1 FROM document WHERE id = NEW.id)
  OR EXISTS (SELECT 1 FROM document WHERE agenda_item_id = NEW.agenda_item_id AND position = NEW.position)
BEGIN
    SELECT RAISE(ABORT, 'this document is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER amendment_no_replace BEFORE INSERT ON amendment
WHEN EXISTS (SELECT 1 FROM amendment WHERE id = NEW.id)
  OR EXISTS (SELECT 1 FROM amendment WHERE meeting_id = NEW.meeting_id AND position = NEW.position)
BEGIN
    SELECT RAISE(ABORT, 'this amendment is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER referral_no_replace BEFORE INSERT ON referral
WHEN EXISTS (SELECT 1 FROM referral WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'this referral is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER pack_issue_no_replace BEFORE INSERT ON pack_issue
WHEN EXISTS (SELECT 1 FROM pack_issue WHERE id = NEW.id)
  OR EXISTS (SELECT 1 FROM pack_issue WHERE meeting_id = NEW.meeting_id AND number = NEW.number)
BEGIN
    SELECT RAISE(ABORT, 'an issued agenda pack is a record of what was published and cannot be replaced');
END;
CREATE TRIGGER pack_issue_document_no_replace BEFORE INSERT ON pack_issue_document
WHEN EXISTS (SELECT 1 FROM pack_issue_document WHERE issue_id = NEW.issue_id AND document_id = NEW.document_id)
BEGIN
    SELECT RAISE(ABORT, 'an issued agenda pack is a record of what was published and cannot be replaced');
END;
CREATE TRIGGER body_no_replace BEFORE INSERT ON body
WHEN EXISTS (SELECT 1 FROM body WHERE id = NEW.id OR name_en = NEW.name_en)
BEGIN
    SELECT RAISE(ABORT, 'this body is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER membership_no_replace BEFORE INSERT ON membership
WHEN EXISTS (SELECT 1 FROM membership WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'this membership is already recorded; a recorded row is changed, never replaced');
END;

-- The audit log: no used sequence number again (NEW.seq is -1 when the database chooses it).
CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log
WHEN NEW.seq <> -1 AND NEW.seq <= coalesce((SELECT max(seq) FROM audit_log), 0)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot take a used sequence number');
END;

-- 2. No move out of (or into) published minutes.
CREATE TRIGGER minute_no_move BEFORE UPDATE OF meeting_id ON minute
WHEN NEW.meeting_id IS NOT OLD.meeting_id
 AND ((SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) IS NOT 'drafting'
   OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) IS NOT 'drafting')
BEGIN
    SELECT RAISE(ABORT, 'published minutes keep their parts: a minute cannot move to or from another meeting once either''s minutes are published');
END;
CREATE TRIGGER minute_block_no_move BEFORE UPDATE OF meeting_id, minute_id ON minute_block
WHEN (NEW.meeting_id IS NOT OLD.meeting_id OR NEW.minute_id IS NOT OLD.minute_id)
 AND ((SELECT g.minutes_status FROM minute n JOIN meeting g ON g.id = n.meeting_id WHERE n.id = OLD.minute_id) IS NOT 'drafting'
   OR (SELECT g.minutes_status FROM minute n JOIN meeting g ON g.id = n.meeting_id WHERE n.id = NEW.minute_id) IS NOT 'drafting'
   OR (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) IS NOT 'drafting'
   OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) IS NOT 'drafting')
BEGIN
    SELECT RAISE(ABORT, 'published minutes keep their parts: a block cannot move to or from another minute once either''s minutes are published');
END;
CREATE TRIGGER resolution_no_move BEFORE UPDATE OF meeting_id, minute_id ON resolution
WHEN (NEW.meeting_id IS NOT OLD.meeting_id OR NEW.minute_id IS NOT OLD.minute_id)
 AND ((SELECT g.minutes_status FROM minute n JOIN meeting g ON g.id = n.meeting_id WHERE n.id = OLD.minute_id) IS NOT 'drafting'
   OR (SELECT g.minutes_status FROM minute n JOIN meeting g ON g.id = n.meeting_id WHERE n.id = NEW.minute_id) IS NOT 'drafting'
   OR (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) IS NOT 'drafting'
   OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) IS NOT 'drafting')
BEGIN
    SELECT RAISE(ABORT, 'published minutes keep their parts: a resolution cannot move to or from another minute once either''s minutes are published');
END;
CREATE TRIGGER attendance_no_move BEFORE UPDATE OF meeting_id ON attendance
WHEN NEW.meeting_id IS NOT OLD.meeting_id
 AND ((SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) IS NOT 'drafting'
   OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) IS NOT 'drafting')
BEGIN
    SELECT RAISE(ABORT, 'published minutes keep their parts: an attendance cannot move to or from another meeting once either''s minutes are published');
END;
CREATE TRIGGER agenda_item_no_move BEFORE UPDATE OF meeting_id ON agenda_item
WHEN NEW.meeting_id IS NOT OLD.meeting_id
 AND ((SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) IS NOT 'drafting'
   OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) IS NOT 'drafting')
BEGIN
    SELECT RAISE(ABORT, 'published minutes keep their parts: an agenda item cannot move to or from another meeting once either''s minutes are published');
END;
CREATE TRIGGER declaration_no_move BEFORE UPDATE OF meeting_id ON declaration
WHEN NEW.meeting_id IS NOT OLD.meeting_id
 AND ((SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) IS NOT 'drafting'
   OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) IS NOT 'drafting')
BEGIN
    SELECT RAISE(ABORT, 'published minutes keep their parts: a declaration cannot move to or from another meeting once either''s minutes are published');
END;
CREATE TRIGGER document_no_move BEFORE UPDATE OF meeting_id, agenda_item_id ON document
WHEN (NEW.meeting_id IS NOT OLD.meeting_id OR NEW.agenda_item_id IS NOT OLD.agenda_item_id)
 AND ((SELECT g.minutes_status FROM agenda_item i JOIN meeting g ON g.id = i.meeting_id WHERE i.id = OLD.agenda_item_id) IS NOT 'drafting'
   OR (SELECT g.minutes_status FROM agenda_item i JOIN meeting g ON g.id = i.meeting_id WHERE i.id = NEW.agenda_item_id) IS NOT 'drafting'
   OR (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) IS NOT 'drafting'
   OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) IS NOT 'drafting')
BEGIN
    SELECT RAISE(ABORT, 'published minutes keep their parts: a document cannot move to or from another item once either''s minutes are published');
END;
CREATE TRIGGER amendment_no_move BEFORE UPDATE OF meeting_id ON amendment
WHEN NEW.meeting_id IS NOT OLD.meeting_id
 AND ((SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) IS NOT 'drafting'
   OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) IS NOT 'drafting')
BEGIN
    SELECT RAISE(ABORT, 'published minutes keep their parts: an amendment cannot move to or from another meeting once either''s minutes are published');
END;

-- 3. Gapless numbers.
-- A draft minute's number is released only if the numbers after it can close up.
CREATE TRIGGER minute_delete_no_gap BEFORE DELETE ON minute
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'drafting' AND EXISTS (
    SELECT 1 FROM minute n JOIN meeting g ON g.id = n.meeting_id
    WHERE n.sequence_id = OLD.sequence_id AND n.year_start = OLD.year_start AND n.number > OLD.number
      AND g.minutes_status <> 'drafting')
BEGIN
    SELECT RAISE(ABORT, 'this minute cannot be removed: later numbers of its sequence belong to published minutes, and numbers may not have gaps');
END;
-- A limb of published minutes goes only as the last of its minute (signed ones not at all).
CREATE TRIGGER resolution_delete_no_gap BEFORE DELETE ON resolution
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) IN ('draft_published', 'approved')
 AND EXISTS (SELECT 1 FROM resolution WHERE minute_id = OLD.minute_id AND limb > OLD.limb)
BEGIN
    SELECT RAISE(ABORT, 'a limb of published minutes can only be removed as the last of its minute; limbs may not have gaps');
END;
-- Minutes are published and signed only with their numbers and limbs gapless.
CREATE TRIGGER meeting_publish_gapless BEFORE UPDATE OF minutes_status ON meeting
WHEN NEW.minutes_status IS NOT OLD.minutes_status AND NEW.minutes_status IN ('draft_published', 'approved', 'signed')
 AND (EXISTS (
        SELECT 1 FROM minute n WHERE n.meeting_id = NEW.id
          AND (SELECT count(*) FROM resolution r WHERE r.minute_id = n.id)
              <> coalesce((SELECT max(limb) FROM resolution r WHERE r.minute_id = n.id), 0))
   OR EXISTS (
        SELECT 1 FROM minute n WHERE n.meeting_id = NEW.id
          AND (SELECT count(*) FROM minute o
               WHERE o.sequence_id = n.sequence_id AND o.year_start = n.year_start AND o.number <= n.number)
              <> n.number - coalesce((SELECT next_number FROM sequence_start q
                                      WHERE q.sequence_id = n.sequence_id AND q.year_start = n.year_start), 1) + 1))
BEGIN
    SELECT RAISE(ABORT, 'these minutes have a gap in their minute numbers or resolution limbs, so they cannot be published, approved or signed');
END;

-- 4. A referral past issued stays on the record.
CREATE TRIGGER referral_delete_issued_only BEFORE DELETE ON referral
WHEN OLD.status <> 'issued'
BEGIN
    SELECT RAISE(ABORT, 'a referral that has moved on from issued cannot be deleted; its history is part of the record');
END;
