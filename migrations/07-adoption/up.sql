-- Adopting Cofnod part way through a council's record.
--
--   * A sequence can start a municipal year at a set number (the council's running sequence
--     stood at 476 when it adopted Cofnod), set only before that year's first minute is
--     numbered; the first minute takes it and later ones follow without gaps. Audited.
--   * A body can be edited after it is added; its sequence only until its first minute.
--     Every change to a body is audited.
--   * A body's reasons rule: required, warned or not asked (was a yes/no, kept in step for
--     older readers); a limb can record that it needs no reason.
--   * Memberships with any dates: their dates and role can be corrected, never overlapping
--     for one person on one body, and never two chairs of one body at once. Audited.

CREATE TABLE sequence_start (
    sequence_id TEXT NOT NULL REFERENCES minute_sequence(id),
    year_start  TEXT NOT NULL CHECK (date(year_start) = year_start),
    next_number INTEGER NOT NULL CHECK (next_number >= 1),
    PRIMARY KEY (sequence_id, year_start)
);

CREATE TRIGGER sequence_start_insert_unnumbered BEFORE INSERT ON sequence_start
WHEN EXISTS (SELECT 1 FROM minute WHERE sequence_id = NEW.sequence_id AND year_start = NEW.year_start)
BEGIN
    SELECT RAISE(ABORT, 'the first minute number of a year can only be set before a minute of that year is numbered');
END;
CREATE TRIGGER sequence_start_update_unnumbered BEFORE UPDATE ON sequence_start
WHEN EXISTS (SELECT 1 FROM minute WHERE (sequence_id = OLD.sequence_id AND year_start = OLD.year_start)
                                     OR (sequence_id = NEW.sequence_id AND year_start = NEW.year_start))
BEGIN
    SELECT RAISE(ABORT, 'the first minute number of a year can only be set before a minute of that year is numbered');
END;
CREATE TRIGGER sequence_start_delete_unnumbered BEFORE DELETE ON sequence_start
WHEN EXISTS (SELECT 1 FROM minute WHERE sequence_id = OLD.sequence_id AND year_start = OLD.year_start)
BEGIN
    SELECT RAISE(ABORT, 'the first minute number of a year can only be set before a minute of that year is numbered');
END;
CREATE TRIGGER sequence_start_audit_insert AFTER INSERT ON sequence_start
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'sequence_start', NEW.sequence_id || '/' || NEW.year_start, '', 'insert', NULL, json_object('sequence_id', NEW.sequence_id, 'year_start', NEW.year_start, 'next_number', NEW.next_number));
END;
CREATE TRIGGER sequence_start_audit_update AFTER UPDATE ON sequence_start
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'sequence_start', NEW.sequence_id || '/' || NEW.year_start, '', 'update', json_object('sequence_id', OLD.sequence_id, 'year_start', OLD.year_start, 'next_number', OLD.next_number), json_object('sequence_id', NEW.sequence_id, 'year_start', NEW.year_start, 'next_number', NEW.next_number));
END;
CREATE TRIGGER sequence_start_audit_delete AFTER DELETE ON sequence_start
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'sequence_start', OLD.sequence_id || '/' || OLD.year_start, '', 'delete', json_object('sequence_id', OLD.sequence_id, 'year_start', OLD.year_start, 'next_number', OLD.next_number), NULL);
END;

-- A new minute takes the next number of its sequence and year: the year's set first number
-- (1 unless set) for its first minute, then one more than the last. No gaps, no reuse.
DROP TRIGGER IF EXISTS minute_number_next;
CREATE TRIGGER minute_number_next BEFORE INSERT ON minute
WHEN NEW.number <> coalesce(
    (SELECT max(number) + 1 FROM minute WHERE sequence_id = NEW.sequence_id AND year_start = NEW.year_start),
    (SELECT next_number FROM sequence_start WHERE sequence_id = NEW.sequence_id AND year_start = NEW.year_start),
    1)
BEGIN
    SELECT RAISE(ABORT, 'a new minute must take the next number of its sequence');
END;

-- Renumbering (a draft minute removed, minutes reordered) never takes a year below its start.
CREATE TRIGGER minute_number_from_start BEFORE UPDATE OF number ON minute
WHEN NEW.number < coalesce((SELECT next_number FROM sequence_start WHERE sequence_id = NEW.sequence_id AND year_start = NEW.year_start), 1)
BEGIN
    SELECT RAISE(ABORT, 'a minute number cannot be below the first number of its sequence''s year');
END;

-- Bodies: the reasons rule, and edits.
ALTER TABLE body ADD COLUMN reasons_rule TEXT NOT NULL DEFAULT 'required' CHECK (reasons_rule IN ('required', 'warned', 'not_asked'));
UPDATE body SET reasons_rule = CASE reasons_required WHEN 1 THEN 'required' ELSE 'not_asked' END;

CREATE TRIGGER body_sequence_until_first_minute BEFORE UPDATE OF sequence_id ON body
WHEN NEW.sequence_id <> OLD.sequence_id AND EXISTS (
    SELECT 1 FROM minute n JOIN meeting g ON g.id = n.meeting_id WHERE g.body_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'a body''s minute sequence cannot change once one of its minutes is numbered');
END;
CREATE TRIGGER body_audit_insert AFTER INSERT ON body
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'body', NEW.id, '', 'insert', NULL, json_object('id', NEW.id, 'name_en', NEW.name_en, 'name_cy', NEW.name_cy, 'kind', NEW.kind, 'default_keyword', NEW.default_keyword, 'chair_title', NEW.chair_title, 'quorum', NEW.quorum, 'whip_declarations_required', NEW.whip_declarations_required, 'reasons_rule', NEW.reasons_rule, 'sequence_id', NEW.sequence_id, 'retired', NEW.retired));
END;
CREATE TRIGGER body_audit_update AFTER UPDATE ON body
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'body', NEW.id, '', 'update', json_object('id', OLD.id, 'name_en', OLD.name_en, 'name_cy', OLD.name_cy, 'kind', OLD.kind, 'default_keyword', OLD.default_keyword, 'chair_title', OLD.chair_title, 'quorum', OLD.quorum, 'whip_declarations_required', OLD.whip_declarations_required, 'reasons_rule', OLD.reasons_rule, 'sequence_id', OLD.sequence_id, 'retired', OLD.retired), json_object('id', NEW.id, 'name_en', NEW.name_en, 'name_cy', NEW.name_cy, 'kind', NEW.kind, 'default_keyword', NEW.default_keyword, 'chair_title', NEW.chair_title, 'quorum', NEW.quorum, 'whip_declarations_required', NEW.whip_declarations_required, 'reasons_rule', NEW.reasons_rule, 'sequence_id', NEW.sequence_id, 'retired', NEW.retired));
END;

-- A limb may record that it needs no reason; the audit of resolutions records it too.
ALTER TABLE resolution ADD COLUMN reason_not_needed INTEGER NOT NULL DEFAULT 0 CHECK (reason_not_needed IN (0, 1));

DROP TRIGGER IF EXISTS resolution_audit_insert;
DROP TRIGGER IF EXISTS resolution_audit_update;
DROP TRIGGER IF EXISTS resolution_audit_delete;
CREATE TRIGGER resolution_audit_insert AFTER INSERT ON resolution
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'resolution', NEW.id, NEW.meeting_id, 'insert', NULL, json_object('id', NEW.id, 'minute_id', NEW.minute_id, 'meeting_id', NEW.meeting_id, 'limb', NEW.limb, 'keyword', NEW.keyword, 'text', NEW.text, 'reason', NEW.reason, 'conditional_on', NEW.conditional_on, 'vote', NEW.vote, 'reason_not_needed', NEW.reason_not_needed));
END;
CREATE TRIGGER resolution_audit_update AFTER UPDATE ON resolution
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'resolution', NEW.id, NEW.meeting_id, 'update', json_object('id', OLD.id, 'minute_id', OLD.minute_id, 'meeting_id', OLD.meeting_id, 'limb', OLD.limb, 'keyword', OLD.keyword, 'text', OLD.text, 'reason', OLD.reason, 'conditional_on', OLD.conditional_on, 'vote', OLD.vote, 'reason_not_needed', OLD.reason_not_needed), json_object('id', NEW.id, 'minute_id', NEW.minute_id, 'meeting_id', NEW.meeting_id, 'limb', NEW.limb, 'keyword', NEW.keyword, 'text', NEW.text, 'reason', NEW.reason, 'conditional_on', NEW.conditional_on, 'vote', NEW.vote, 'reason_not_needed', NEW.reason_not_needed));
END;
CREATE TRIGGER resolution_audit_delete AFTER DELETE ON resolution
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'resolution', OLD.id, OLD.meeting_id, 'delete', json_object('id', OLD.id, 'minute_id', OLD.minute_id, 'meeting_id', OLD.meeting_id, 'limb', OLD.limb, 'keyword', OLD.keyword, 'text', OLD.text, 'reason', OLD.reason, 'conditional_on', OLD.conditional_on, 'vote', OLD.vote, 'reason_not_needed', OLD.reason_not_needed), NULL);
END;

-- Memberships: one at a time for a person on a body, on correction too; one chair at a time.
CREATE TRIGGER membership_no_overlap_update BEFORE UPDATE OF person_id, body_id, from_date, to_date ON membership
WHEN EXISTS (
    SELECT 1 FROM membership m
    WHERE m.id <> OLD.id AND m.person_id = NEW.person_id AND m.body_id = NEW.body_id
      AND m.from_date <= coalesce(NEW.to_date, '9999-12-31')
      AND coalesce(m.to_date, '9999-12-31') >= NEW.from_date)
BEGIN
    SELECT RAISE(ABORT, 'duplicate membership: this person is already a member of this body for those dates');
END;
CREATE TRIGGER membership_one_chair_insert BEFORE INSERT ON membership
WHEN NEW.role = 'chair' AND EXISTS (
    SELECT 1 FROM membership m
    WHERE m.body_id = NEW.body_id AND m.role = 'chair'
      AND m.from_date <= coalesce(NEW.to_date, '9999-12-31')
      AND coalesce(m.to_date, '9999-12-31') >= NEW.from_date)
BEGIN
    SELECT RAISE(ABORT, 'two chairs: the body already has a chair for some of those dates');
END;
CREATE TRIGGER membership_one_chair_update BEFORE UPDATE OF role, body_id, from_date, to_date ON membership
WHEN NEW.role = 'chair' AND EXISTS (
    SELECT 1 FROM membership m
    WHERE m.id <> OLD.id AND m.body_id = NEW.body_id AND m.role = 'chair'
      AND m.from_date <= coalesce(NEW.to_date, '9999-12-31')
      AND coalesce(m.to_date, '9999-12-31') >= NEW.from_date)
BEGIN
    SELECT RAISE(ABORT, 'two chairs: the body already has a chair for some of those dates');
END;
CREATE TRIGGER membership_audit_insert AFTER INSERT ON membership
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'membership', NEW.id, '', 'insert', NULL, json_object('id', NEW.id, 'person_id', NEW.person_id, 'body_id', NEW.body_id, 'role', NEW.role, 'from_date', NEW.from_date, 'to_date', NEW.to_date));
END;
CREATE TRIGGER membership_audit_update AFTER UPDATE ON membership
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'membership', NEW.id, '', 'update', json_object('id', OLD.id, 'person_id', OLD.person_id, 'body_id', OLD.body_id, 'role', OLD.role, 'from_date', OLD.from_date, 'to_date', OLD.to_date), json_object('id', NEW.id, 'person_id', NEW.person_id, 'body_id', NEW.body_id, 'role', NEW.role, 'from_date', NEW.from_date, 'to_date', NEW.to_date));
END;
