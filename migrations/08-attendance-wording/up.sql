-- Attendance for part of a meeting, and the authority's sentence for a presenter.
--
-- attendance_item: someone present for named agenda items only ("Also present for Agenda
-- Item No. 4"); an attendance with no rows here is for the whole meeting. The items must be
-- the attendance's own meeting's, someone who sent apologies or was absent is present for
-- none, and like every part of a meeting's record the rows are locked once its minutes are
-- signed and audited once the draft is published.
--
-- authority.presenter_form_en / _cy: the sentence that records a presenter, with {name} and
-- {title} ("{name}, {title}, was present for this item."). It must name the presenter, and
-- hold no other placeholder.

CREATE TABLE attendance_item (
    attendance_id  TEXT NOT NULL REFERENCES attendance(id) ON DELETE CASCADE,
    agenda_item_id TEXT NOT NULL REFERENCES agenda_item(id),
    PRIMARY KEY (attendance_id, agenda_item_id)
) WITHOUT ROWID;

CREATE INDEX attendance_item_by_item ON attendance_item (agenda_item_id);

CREATE TRIGGER attendance_item_same_meeting BEFORE INSERT ON attendance_item
WHEN (SELECT meeting_id FROM attendance WHERE id = NEW.attendance_id)
     IS NOT (SELECT meeting_id FROM agenda_item WHERE id = NEW.agenda_item_id)
BEGIN
    SELECT RAISE(ABORT, 'someone can be present only for items of the meeting they attended');
END;

CREATE TRIGGER attendance_item_present BEFORE INSERT ON attendance_item
WHEN (SELECT status FROM attendance WHERE id = NEW.attendance_id) IN ('apologies', 'absent')
BEGIN
    SELECT RAISE(ABORT, 'someone who sent apologies or was absent is not present for any item');
END;

CREATE TRIGGER attendance_item_no_update BEFORE UPDATE ON attendance_item
BEGIN
    SELECT RAISE(ABORT, 'the items someone was present for are replaced, not changed');
END;

-- An attendance cannot become apologies or absence while it names items it was present for.
CREATE TRIGGER attendance_absent_with_items BEFORE UPDATE OF status ON attendance
WHEN NEW.status IN ('apologies', 'absent')
     AND EXISTS (SELECT 1 FROM attendance_item WHERE attendance_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'someone who sent apologies or was absent is not present for any item');
END;

CREATE TRIGGER attendance_item_signed_insert BEFORE INSERT ON attendance_item
WHEN (SELECT m.minutes_status FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = NEW.attendance_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER attendance_item_signed_delete BEFORE DELETE ON attendance_item
WHEN (SELECT m.minutes_status FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = OLD.attendance_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER attendance_item_audit_insert AFTER INSERT ON attendance_item
WHEN (SELECT m.minutes_status FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = NEW.attendance_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'attendance_item', NEW.attendance_id,
            (SELECT meeting_id FROM attendance WHERE id = NEW.attendance_id), 'insert', NULL,
            json_object('attendance_id', NEW.attendance_id, 'agenda_item_id', NEW.agenda_item_id));
END;
CREATE TRIGGER attendance_item_audit_delete AFTER DELETE ON attendance_item
WHEN (SELECT m.minutes_status FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = OLD.attendance_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'attendance_item', OLD.attendance_id,
            (SELECT meeting_id FROM attendance WHERE id = OLD.attendance_id), 'delete',
            json_object('attendance_id', OLD.attendance_id, 'agenda_item_id', OLD.agenda_item_id), NULL);
END;

ALTER TABLE authority ADD COLUMN presenter_form_en TEXT NOT NULL
    DEFAULT '{name}, {title}, was present for this item.';
ALTER TABLE authority ADD COLUMN presenter_form_cy TEXT NOT NULL
    DEFAULT 'Roedd {name}, {title}, yn bresennol ar gyfer yr eitem hon.';

-- The forms' rule: {name} is there, and no placeholder but {name} and {title}.
CREATE TRIGGER authority_presenter_form_insert BEFORE INSERT ON authority
WHEN instr(NEW.presenter_form_en, '{name}') = 0 OR instr(NEW.presenter_form_cy, '{name}') = 0
  OR instr(replace(replace(NEW.presenter_form_en, '{name}', ''), '{title}', ''), '{') > 0
  OR instr(replace(replace(NEW.presenter_form_cy, '{name}', ''), '{title}', ''), '{') > 0
BEGIN
    SELECT RAISE(ABORT, 'the presenter sentence must contain {name} and no placeholder but {name} and {title}');
END;
CREATE TRIGGER authority_presenter_form_update BEFORE UPDATE ON authority
WHEN instr(NEW.presenter_form_en, '{name}') = 0 OR instr(NEW.presenter_form_cy, '{name}') = 0
  OR instr(replace(replace(NEW.presenter_form_en, '{name}', ''), '{title}', ''), '{') > 0
  OR instr(replace(replace(NEW.presenter_form_cy, '{name}', ''), '{title}', ''), '{') > 0
BEGIN
    SELECT RAISE(ABORT, 'the presenter sentence must contain {name} and no placeholder but {name} and {title}');
END;
