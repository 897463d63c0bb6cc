-- The bilingual record (issue 17, rules R26-R27, checks 27-28).
--
-- Every text a clerk types that prints keeps its words in its ORIGINAL language in the column
-- it always had (agenda_item.title_en, minute.heading, minute.public_summary, minute_block.text
-- / .answer, resolution.text / .reason, amendment.text). text_translation holds the other
-- language, one row a text: which language is the original, whether a translation is needed,
-- awaited or done, the translation, and the original as it stood when it was translated (a
-- translation whose translated_from differs from the current original is "outdated").
--
-- A text with no row is awaiting translation when the authority's languages are 'cy' or
-- 'en_cy', and needs none when they are 'en'. The Welsh of an agenda title is also kept in
-- agenda_item.title_cy (the store writes both).
--
-- The translation of signed minutes is part of the frozen record (signing keeps the Welsh
-- minutes too): like every part of a meeting's record, a row is refused once the meeting's
-- minutes are signed, audited once the draft is published, and never replaced. A row names
-- a text of its own meeting: source_id must be a row of the table its source names, of the
-- same meeting (and a block of the right kind).

CREATE TABLE text_translation (
    meeting_id      TEXT NOT NULL REFERENCES meeting(id),
    source          TEXT NOT NULL CHECK (source IN ('agenda_title', 'minute_heading',
                        'public_summary', 'narrative', 'presentation', 'question', 'answer',
                        'limb', 'reason', 'amendment')),
    source_id       TEXT NOT NULL,
    original        TEXT NOT NULL DEFAULT 'en' CHECK (original IN ('en', 'cy')),
    status          TEXT NOT NULL DEFAULT 'awaiting' CHECK (status IN ('not_needed', 'awaiting', 'done')),
    text            TEXT NOT NULL DEFAULT '',
    translated_from TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (source, source_id)
);
CREATE INDEX text_translation_meeting ON text_translation (meeting_id);

-- The meeting a text belongs to (NULL when there is no such text).
CREATE VIEW text_source_meeting AS
SELECT 'agenda_title' AS source, id AS source_id, meeting_id FROM agenda_item
UNION ALL SELECT 'minute_heading', id, meeting_id FROM minute
UNION ALL SELECT 'public_summary', id, meeting_id FROM minute
UNION ALL SELECT 'narrative', id, meeting_id FROM minute_block WHERE kind = 'narrative'
UNION ALL SELECT 'presentation', id, meeting_id FROM minute_block WHERE kind = 'presentation'
UNION ALL SELECT 'question', id, meeting_id FROM minute_block WHERE kind = 'question'
UNION ALL SELECT 'answer', id, meeting_id FROM minute_block WHERE kind = 'question'
UNION ALL SELECT 'limb', id, meeting_id FROM resolution
UNION ALL SELECT 'reason', id, meeting_id FROM resolution
UNION ALL SELECT 'amendment', id, meeting_id FROM amendment;

CREATE TRIGGER text_translation_same_meeting BEFORE INSERT ON text_translation
WHEN NEW.meeting_id IS NOT (SELECT meeting_id FROM text_source_meeting
                            WHERE source = NEW.source AND source_id = NEW.source_id)
BEGIN
    SELECT RAISE(ABORT, 'a translation belongs to a text of its own meeting: there is no such text in this meeting');
END;
CREATE TRIGGER text_translation_no_move BEFORE UPDATE OF meeting_id, source, source_id ON text_translation
WHEN NEW.meeting_id IS NOT OLD.meeting_id OR NEW.source IS NOT OLD.source OR NEW.source_id IS NOT OLD.source_id
BEGIN
    SELECT RAISE(ABORT, 'a translation stays with its text');
END;
CREATE TRIGGER text_translation_no_replace BEFORE INSERT ON text_translation
WHEN EXISTS (SELECT 1 FROM text_translation WHERE source = NEW.source AND source_id = NEW.source_id)
BEGIN
    SELECT RAISE(ABORT, 'this text already has a translation row; a recorded row is changed, never replaced');
END;
CREATE TRIGGER text_translation_done_insert BEFORE INSERT ON text_translation
WHEN NEW.status = 'done' AND length(trim(NEW.text)) = 0
BEGIN
    SELECT RAISE(ABORT, 'a translation marked done must have words');
END;
CREATE TRIGGER text_translation_done_update BEFORE UPDATE ON text_translation
WHEN NEW.status = 'done' AND length(trim(NEW.text)) = 0
BEGIN
    SELECT RAISE(ABORT, 'a translation marked done must have words');
END;

-- When a text is removed (while the minutes are not signed), its translation goes with it.
CREATE TRIGGER agenda_item_translation_delete AFTER DELETE ON agenda_item
BEGIN
    DELETE FROM text_translation WHERE source = 'agenda_title' AND source_id = OLD.id;
END;
CREATE TRIGGER minute_translation_delete AFTER DELETE ON minute
BEGIN
    DELETE FROM text_translation WHERE source IN ('minute_heading', 'public_summary') AND source_id = OLD.id;
END;
CREATE TRIGGER minute_block_translation_delete AFTER DELETE ON minute_block
BEGIN
    DELETE FROM text_translation WHERE source IN ('narrative', 'presentation', 'question', 'answer') AND source_id = OLD.id;
END;
CREATE TRIGGER resolution_translation_delete AFTER DELETE ON resolution
BEGIN
    DELETE FROM text_translation WHERE source IN ('limb', 'reason') AND source_id = OLD.id;
END;
CREATE TRIGGER amendment_translation_delete AFTER DELETE ON amendment
BEGIN
    DELETE FROM text_translation WHERE source = 'amendment' AND source_id = OLD.id;
END;

CREATE TRIGGER text_translation_signed_insert BEFORE INSERT ON text_translation
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER text_translation_signed_update BEFORE UPDATE ON text_translation
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed' OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER text_translation_signed_delete BEFORE DELETE ON text_translation
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER text_translation_audit_insert AFTER INSERT ON text_translation
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'text_translation', NEW.source || '/' || NEW.source_id, NEW.meeting_id, 'insert', NULL,
            json_object('meeting_id', NEW.meeting_id, 'source', NEW.source, 'source_id', NEW.source_id, 'original', NEW.original, 'status', NEW.status, 'text', NEW.text, 'translated_from', NEW.translated_from));
END;
CREATE TRIGGER text_translation_audit_update AFTER UPDATE ON text_translation
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'text_translation', NEW.source || '/' || NEW.source_id, NEW.meeting_id, 'update',
            json_object('meeting_id', OLD.meeting_id, 'source', OLD.source, 'source_id', OLD.source_id, 'original', OLD.original, 'status', OLD.status, 'text', OLD.text, 'translated_from', OLD.translated_from),
            json_object('meeting_id', NEW.meeting_id, 'source', NEW.source, 'source_id', NEW.source_id, 'original', NEW.original, 'status', NEW.status, 'text', NEW.text, 'translated_from', NEW.translated_from));
END;
CREATE TRIGGER text_translation_audit_delete AFTER DELETE ON text_translation
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'text_translation', OLD.source || '/' || OLD.source_id, OLD.meeting_id, 'delete',
            json_object('meeting_id', OLD.meeting_id, 'source', OLD.source, 'source_id', OLD.source_id, 'original', OLD.original, 'status', OLD.status, 'text', OLD.text, 'translated_from', OLD.translated_from), NULL);
END;
