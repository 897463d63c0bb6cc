-- The resolutions register: one search document per resolution, and incoming referrals.
--
-- register_fts holds, for each resolution, its text, its reason and the words of the minute it
-- belongs to (heading, agenda item title in English and Welsh, narrative, presentations,
-- questions and answers), so one match ranks one resolution, with column weights, and the
-- register can show the resolution with the search words marked. search_fts is unchanged.
-- register_doc gives every resolution a stable integer rowid (a TEXT-keyed table's own rowid
-- may change on VACUUM).

CREATE TABLE register_doc (
    rowid         INTEGER PRIMARY KEY,
    resolution_id TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE register_fts USING fts5(text, reason, minute, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');

-- The searchable words of a minute, as one text.
CREATE VIEW register_minute_words AS
SELECT mn.id AS minute_id,
       mn.heading || ' ' || coalesce(ai.title_en, '') || ' ' || coalesce(ai.title_cy, '') || ' ' ||
       coalesce((SELECT group_concat(b.person_label || ' ' || b.capacity || ' ' || b.text || ' ' || b.answer_by || ' ' || b.answer, ' ')
                 FROM minute_block b WHERE b.minute_id = mn.id), '') AS words
FROM minute mn LEFT JOIN agenda_item ai ON ai.id = mn.agenda_item_id;

-- Existing resolutions.
INSERT INTO register_doc (resolution_id) SELECT id FROM resolution ORDER BY rowid;
INSERT INTO register_fts (rowid, text, reason, minute)
SELECT d.rowid, r.text, r.reason, coalesce(w.words, '')
FROM register_doc d JOIN resolution r ON r.id = d.resolution_id
LEFT JOIN register_minute_words w ON w.minute_id = r.minute_id;

CREATE TRIGGER register_resolution_insert AFTER INSERT ON resolution
BEGIN
    INSERT INTO register_doc (resolution_id) VALUES (NEW.id);
    INSERT INTO register_fts (rowid, text, reason, minute)
    VALUES (last_insert_rowid(), NEW.text, NEW.reason,
            coalesce((SELECT words FROM register_minute_words WHERE minute_id = NEW.minute_id), ''));
END;
CREATE TRIGGER register_resolution_update AFTER UPDATE OF text, reason, minute_id ON resolution
BEGIN
    DELETE FROM register_fts WHERE rowid = (SELECT rowid FROM register_doc WHERE resolution_id = OLD.id);
    INSERT INTO register_fts (rowid, text, reason, minute)
    VALUES ((SELECT rowid FROM register_doc WHERE resolution_id = NEW.id), NEW.text, NEW.reason,
            coalesce((SELECT words FROM register_minute_words WHERE minute_id = NEW.minute_id), ''));
END;
CREATE TRIGGER register_resolution_delete AFTER DELETE ON resolution
BEGIN
    DELETE FROM register_fts WHERE rowid = (SELECT rowid FROM register_doc WHERE resolution_id = OLD.id);
    DELETE FROM register_doc WHERE resolution_id = OLD.id;
END;

-- When a minute's words change, its resolutions' documents are written again.
CREATE TRIGGER register_heading_update AFTER UPDATE OF heading ON minute
BEGIN
    DELETE FROM register_fts WHERE rowid IN (SELECT d.rowid FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = NEW.id);
    INSERT INTO register_fts (rowid, text, reason, minute)
    SELECT d.rowid, r.text, r.reason, coalesce((SELECT words FROM register_minute_words WHERE minute_id = NEW.id), '')
    FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = NEW.id;
END;
CREATE TRIGGER register_item_update AFTER UPDATE OF title_en, title_cy ON agenda_item
BEGIN
    DELETE FROM register_fts WHERE rowid IN (SELECT d.rowid FROM register_doc d JOIN resolution r ON r.id = d.resolution_id JOIN minute mn ON mn.id = r.minute_id WHERE mn.agenda_item_id = NEW.id);
    INSERT INTO register_fts (rowid, text, reason, minute)
    SELECT d.rowid, r.text, r.reason, coalesce((SELECT words FROM register_minute_words WHERE minute_id = r.minute_id), '')
    FROM register_doc d JOIN resolution r ON r.id = d.resolution_id JOIN minute mn ON mn.id = r.minute_id WHERE mn.agenda_item_id = NEW.id;
END;
CREATE TRIGGER register_block_insert AFTER INSERT ON minute_block
BEGIN
    DELETE FROM register_fts WHERE rowid IN (SELECT d.rowid FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = NEW.minute_id);
    INSERT INTO register_fts (rowid, text, reason, minute)
    SELECT d.rowid, r.text, r.reason, coalesce((SELECT words FROM register_minute_words WHERE minute_id = NEW.minute_id), '')
    FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = NEW.minute_id;
END;
CREATE TRIGGER register_block_update AFTER UPDATE OF person_label, capacity, text, answer_by, answer ON minute_block
BEGIN
    DELETE FROM register_fts WHERE rowid IN (SELECT d.rowid FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = NEW.minute_id);
    INSERT INTO register_fts (rowid, text, reason, minute)
    SELECT d.rowid, r.text, r.reason, coalesce((SELECT words FROM register_minute_words WHERE minute_id = NEW.minute_id), '')
    FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = NEW.minute_id;
END;
CREATE TRIGGER register_block_delete AFTER DELETE ON minute_block
BEGIN
    DELETE FROM register_fts WHERE rowid IN (SELECT d.rowid FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = OLD.minute_id);
    INSERT INTO register_fts (rowid, text, reason, minute)
    SELECT d.rowid, r.text, r.reason, coalesce((SELECT words FROM register_minute_words WHERE minute_id = OLD.minute_id), '')
    FROM register_doc d JOIN resolution r ON r.id = d.resolution_id WHERE r.minute_id = OLD.minute_id;
END;

-- Filters and lists of the register and the referrals view.
CREATE INDEX resolution_meeting ON resolution(meeting_id);
CREATE INDEX minute_item ON minute(agenda_item_id);
CREATE INDEX referral_to_body ON referral(to_body_id, status);
CREATE INDEX referral_from_body ON referral(from_body_id, status);
CREATE INDEX referral_target_minute ON referral(target_minute_id);

-- An agenda item that takes up a referral from another body (Cabinet refers a report to
-- scrutiny): printed with the tag "REF" and linked to the referral.
ALTER TABLE agenda_item ADD COLUMN referral_id TEXT REFERENCES referral(id);
CREATE INDEX agenda_item_referral ON agenda_item(referral_id);
