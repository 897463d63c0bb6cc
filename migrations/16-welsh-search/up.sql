-- The register in both languages: each resolution's search document holds its English and its
-- Welsh words in separate columns, so a search finds Welsh text and says which language it
-- matched.
--
-- The texts a clerk types keep their original language in their own columns; the other
-- language is in text_translation (migration 15). register_fts is written again with six
-- columns: text, reason and minute in English (as before), text_cy, reason_cy and minute_cy in
-- Welsh: the Welsh of the limb and of its reason, and of the minute: its heading, the agenda
-- item's Welsh title (moved here from the English column), the body's Welsh name, and the
-- Welsh of its narrative, presentations, questions and answers. A text first written in Welsh
-- goes to the Welsh column and its translation to the English one. A translation is indexed
-- as soon as it has words, whatever its status (a draft is still the Welsh the record holds).
--
-- The index keeps its name, tokenizer (accents folded: "wyr" finds "ŵyr"), prefix indexes and
-- document numbers; every trigger of migrations 02 and 06 that wrote it is written again to
-- fill all six columns, and new ones keep it in step when a translation is added, changed or
-- removed and when a body's Welsh name changes. register_row (what a hit shows) is unchanged.

-- The words of a minute's narrative, presentations, questions and answers, each block in the
-- language it was written in and translated into.
CREATE VIEW register_block_words AS
SELECT b.id AS block_id, b.minute_id,
       b.person_label || ' ' || b.capacity || ' ' || b.text || ' ' || b.answer_by || ' ' || b.answer AS original,
       coalesce((SELECT group_concat(t.text, ' ') FROM text_translation t
                 WHERE t.source IN ('narrative', 'presentation', 'question', 'answer') AND t.source_id = b.id), '') AS translated,
       coalesce((SELECT max(t.original = 'cy') FROM text_translation t
                 WHERE t.source IN ('narrative', 'presentation', 'question', 'answer') AND t.source_id = b.id), 0) AS welsh_original
FROM minute_block b;

-- The English words of a minute (the triggers of migration 02 read this view by name).
DROP VIEW register_minute_words;
CREATE VIEW register_minute_words AS
SELECT mn.id AS minute_id,
       CASE WHEN th.original = 'cy' THEN th.text ELSE mn.heading END || ' ' || coalesce(ai.title_en, '') || ' ' ||
       coalesce((SELECT group_concat(CASE WHEN w.welsh_original THEN w.translated ELSE w.original END, ' ')
                 FROM register_block_words w WHERE w.minute_id = mn.id), '') AS words
FROM minute mn LEFT JOIN agenda_item ai ON ai.id = mn.agenda_item_id
LEFT JOIN text_translation th ON th.source = 'minute_heading' AND th.source_id = mn.id;

-- The Welsh words of a minute.
CREATE VIEW register_minute_words_cy AS
SELECT mn.id AS minute_id,
       CASE WHEN th.original = 'cy' THEN mn.heading ELSE coalesce(th.text, '') END || ' ' || coalesce(ai.title_cy, '') || ' ' ||
       coalesce((SELECT b.name_cy FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.id = mn.meeting_id), '') || ' ' ||
       coalesce((SELECT group_concat(CASE WHEN w.welsh_original THEN w.original ELSE w.translated END, ' ')
                 FROM register_block_words w WHERE w.minute_id = mn.id), '') AS words
FROM minute mn LEFT JOIN agenda_item ai ON ai.id = mn.agenda_item_id
LEFT JOIN text_translation th ON th.source = 'minute_heading' AND th.source_id = mn.id;

-- A resolution's whole search document, by document number.
CREATE VIEW register_doc_source AS
SELECT d.rowid AS doc,
       CASE WHEN tl.original = 'cy' THEN tl.text ELSE r.text END AS text,
       CASE WHEN tr.original = 'cy' THEN tr.text ELSE r.reason END AS reason,
       coalesce((SELECT words FROM register_minute_words WHERE minute_id = r.minute_id), '') AS minute,
       CASE WHEN tl.original = 'cy' THEN r.text ELSE coalesce(tl.text, '') END AS text_cy,
       CASE WHEN tr.original = 'cy' THEN r.reason ELSE coalesce(tr.text, '') END AS reason_cy,
       coalesce((SELECT words FROM register_minute_words_cy WHERE minute_id = r.minute_id), '') AS minute_cy
FROM register_doc d JOIN resolution r ON r.id = d.resolution_id
LEFT JOIN text_translation tl ON tl.source = 'limb' AND tl.source_id = r.id
LEFT JOIN text_translation tr ON tr.source = 'reason' AND tr.source_id = r.id;

-- The documents of a minute's resolutions.
CREATE VIEW register_minute_docs AS
SELECT r.minute_id, d.rowid AS doc
FROM resolution r JOIN register_doc d ON d.resolution_id = r.id;

DROP TRIGGER register_resolution_insert;
DROP TRIGGER register_resolution_update;
DROP TRIGGER register_heading_update;
DROP TRIGGER register_item_update;
DROP TRIGGER register_block_insert;
DROP TRIGGER register_block_update;
DROP TRIGGER register_block_delete;

DROP TABLE register_fts;
CREATE VIRTUAL TABLE register_fts USING fts5(text, reason, minute, text_cy, reason_cy, minute_cy,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8 9 10 11 12');
INSERT INTO register_fts (rowid, text, reason, minute, text_cy, reason_cy, minute_cy)
SELECT * FROM register_doc_source ORDER BY doc;
INSERT INTO register_fts (register_fts) VALUES ('optimize');

CREATE TRIGGER register_resolution_insert AFTER INSERT ON resolution
BEGIN
    INSERT INTO register_doc (resolution_id) VALUES (NEW.id);
    INSERT INTO register_fts (rowid, text, reason, minute, text_cy, reason_cy, minute_cy)
    SELECT * FROM register_doc_source WHERE doc = last_insert_rowid();
    INSERT INTO register_row
    SELECT * FROM register_row_source
    WHERE doc = (SELECT rowid FROM register_doc WHERE resolution_id = NEW.id);
END;
CREATE TRIGGER register_resolution_update AFTER UPDATE OF text, reason, minute_id ON resolution
BEGIN
    DELETE FROM register_fts WHERE rowid = (SELECT rowid FROM register_doc WHERE resolution_id = NEW.id);
    INSERT INTO register_fts (rowid, text, reason, minute, text_cy, reason_cy, minute_cy)
    SELECT * FROM register_doc_source WHERE doc = (SELECT rowid FROM register_doc WHERE resolution_id = NEW.id);
END;
CREATE TRIGGER register_heading_update AFTER UPDATE OF heading ON minute
BEGIN
    DELETE FROM register_fts WHERE rowid IN (SELECT doc FROM register_minute_docs WHERE minute_id = NEW.id);
    INSERT INTO register_fts (rowid, text, reason, minute, text_cy, reason_cy, minute_cy)
    SELECT * FROM register_doc_source WHERE doc IN (SELECT doc FROM register_minute_docs WHERE minute_id = NEW.id);
END;
CREATE TRIGGER register_item_update AFTER UPDATE OF title_en, title_cy ON agenda_item
BEGIN
    DELETE FROM register_fts WHERE rowid IN (SELECT x.doc FROM minute mn JOIN register_minute_docs x ON x.minute_id = mn.id WHERE mn.agenda_item_id = NEW.id);
    INSERT INTO register_fts (rowid, text, reason, minute, text_cy, reason_cy, minute_cy)
    SELECT * FROM register_doc_source WHERE doc IN (SELECT x.doc FROM minute mn JOIN register_minute_docs x ON x.minute_id = mn.id WHERE mn.agenda_item_id = NEW.id);
END;
CREATE TRIGGER register_block_insert AFTER INSERT ON minute_block
BEGIN
    DELETE FROM register_fts WHERE rowid IN (SELECT doc FROM register_minute_docs WHERE minute_id = NEW.minute_id);
    INSERT INTO register_fts (rowid, text, reason, minute, text_cy, reason_cy, minute_cy)
    SELECT * FROM register_doc_source WHERE doc IN (SELECT doc FROM register_minute_docs WHERE minute_id = NEW.minute_id);
END;
CREATE TRIGGER register_block_update AFTER UPDATE OF person_label, capacity, text, answer_by, answer ON minute_block
BEGIN
    DELETE FROM register_fts WHERE rowid IN (SELECT doc FROM register_minute_docs WHERE minute_id = NEW.minute_id);
    INSERT INTO register_fts (rowid, text, reason, minute, text_cy, reason_cy, minute_cy)
    SELECT * FROM register_doc_source WHERE doc IN (SELECT doc FROM register_minute_docs WHERE minute_id = NEW.minute_id);
END;
CREATE TRIGGER register_block_delete AFTER DELETE ON minute_block
BEGIN
    DELETE FROM register_fts WHERE rowid IN (SELECT doc FROM register_minute_docs WHERE minute_id = OLD.minute_id);
    INSERT INTO register_fts (rowid, text, reason, minute, text_cy, reason_cy, minute_cy)
    SELECT * FROM register_doc_source WHERE doc IN (SELECT doc FROM register_minute_docs WHERE minute_id = OLD.minute_id);
END;

-- A body's Welsh name is in the Welsh words of every minute of its meetings.
CREATE TRIGGER register_body_name_cy_update AFTER UPDATE OF name_cy ON body
BEGIN
    DELETE FROM register_fts WHERE rowid IN (SELECT d.rowid FROM meeting m JOIN resolution r ON r.meeting_id = m.id
                                             JOIN register_doc d ON d.resolution_id = r.id WHERE m.body_id = NEW.id);
    INSERT INTO register_fts (rowid, text, reason, minute, text_cy, reason_cy, minute_cy)
    SELECT * FROM register_doc_source WHERE doc IN (SELECT d.rowid FROM meeting m JOIN resolution r ON r.meeting_id = m.id
                                                    JOIN register_doc d ON d.resolution_id = r.id WHERE m.body_id = NEW.id);
END;

-- The documents a translation is part of: its limb or reason's resolution; the resolutions of
-- the minute whose heading or block it translates, or of the minutes of the agenda item whose
-- title it translates.
CREATE VIEW register_translation_docs AS
SELECT t.source, t.source_id, d.rowid AS doc
FROM text_translation t JOIN register_doc d ON d.resolution_id = t.source_id
WHERE t.source IN ('limb', 'reason')
UNION ALL
SELECT t.source, t.source_id, x.doc
FROM text_translation t JOIN register_minute_docs x ON x.minute_id = t.source_id
WHERE t.source = 'minute_heading'
UNION ALL
SELECT t.source, t.source_id, x.doc
FROM text_translation t JOIN minute_block b ON b.id = t.source_id JOIN register_minute_docs x ON x.minute_id = b.minute_id
WHERE t.source IN ('narrative', 'presentation', 'question', 'answer')
UNION ALL
SELECT t.source, t.source_id, x.doc
FROM text_translation t JOIN minute mn ON mn.agenda_item_id = t.source_id JOIN register_minute_docs x ON x.minute_id = mn.id
WHERE t.source = 'agenda_title';

CREATE TRIGGER register_translation_insert AFTER INSERT ON text_translation
BEGIN
    DELETE FROM register_fts WHERE rowid IN (SELECT doc FROM register_translation_docs WHERE source = NEW.source AND source_id = NEW.source_id);
    INSERT INTO register_fts (rowid, text, reason, minute, text_cy, reason_cy, minute_cy)
    SELECT * FROM register_doc_source WHERE doc IN (SELECT doc FROM register_translation_docs WHERE source = NEW.source AND source_id = NEW.source_id);
END;
CREATE TRIGGER register_translation_update AFTER UPDATE OF original, text ON text_translation
BEGIN
    DELETE FROM register_fts WHERE rowid IN (SELECT doc FROM register_translation_docs WHERE source = NEW.source AND source_id = NEW.source_id);
    INSERT INTO register_fts (rowid, text, reason, minute, text_cy, reason_cy, minute_cy)
    SELECT * FROM register_doc_source WHERE doc IN (SELECT doc FROM register_translation_docs WHERE source = NEW.source AND source_id = NEW.source_id);
END;
-- After a delete the row is gone, so its documents are found from the source row itself.
CREATE TRIGGER register_translation_delete AFTER DELETE ON text_translation
BEGIN
    DELETE FROM register_fts WHERE rowid IN (
        SELECT d.rowid FROM register_doc d WHERE OLD.source IN ('limb', 'reason') AND d.resolution_id = OLD.source_id
        UNION ALL SELECT doc FROM register_minute_docs WHERE OLD.source = 'minute_heading' AND minute_id = OLD.source_id
        UNION ALL SELECT x.doc FROM minute_block b JOIN register_minute_docs x ON x.minute_id = b.minute_id
                  WHERE OLD.source IN ('narrative', 'presentation', 'question', 'answer') AND b.id = OLD.source_id
        UNION ALL SELECT x.doc FROM minute mn JOIN register_minute_docs x ON x.minute_id = mn.id
                  WHERE OLD.source = 'agenda_title' AND mn.agenda_item_id = OLD.source_id);
    INSERT INTO register_fts (rowid, text, reason, minute, text_cy, reason_cy, minute_cy)
    SELECT * FROM register_doc_source WHERE doc IN (
        SELECT d.rowid FROM register_doc d WHERE OLD.source IN ('limb', 'reason') AND d.resolution_id = OLD.source_id
        UNION ALL SELECT doc FROM register_minute_docs WHERE OLD.source = 'minute_heading' AND minute_id = OLD.source_id
        UNION ALL SELECT x.doc FROM minute_block b JOIN register_minute_docs x ON x.minute_id = b.minute_id
                  WHERE OLD.source IN ('narrative', 'presentation', 'question', 'answer') AND b.id = OLD.source_id
        UNION ALL SELECT x.doc FROM minute mn JOIN register_minute_docs x ON x.minute_id = mn.id
                  WHERE OLD.source = 'agenda_title' AND mn.agenda_item_id = OLD.source_id);
END;

-- The whole-record search (search_fts, migration 01) finds translations too: one document
-- per translated text, of kind 'tr:' and the translation's source, naming the translated row.
-- (An agenda title's Welsh is already in its item's document, as agenda_item.title_cy.)
INSERT INTO search_doc (kind, ref_id, meeting_id)
SELECT 'tr:' || source, source_id, meeting_id FROM text_translation WHERE source <> 'agenda_title';
INSERT INTO search_fts (rowid, text)
SELECT d.rowid, t.text FROM text_translation t JOIN search_doc d ON d.kind = 'tr:' || t.source AND d.ref_id = t.source_id;

CREATE TRIGGER search_translation_insert AFTER INSERT ON text_translation
WHEN NEW.source <> 'agenda_title'
BEGIN
    INSERT INTO search_doc (kind, ref_id, meeting_id) VALUES ('tr:' || NEW.source, NEW.source_id, NEW.meeting_id);
    INSERT INTO search_fts (rowid, text) VALUES (last_insert_rowid(), NEW.text);
END;
CREATE TRIGGER search_translation_update AFTER UPDATE OF text ON text_translation
WHEN NEW.source <> 'agenda_title'
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'tr:' || OLD.source AND ref_id = OLD.source_id);
    INSERT INTO search_fts (rowid, text)
    VALUES ((SELECT rowid FROM search_doc WHERE kind = 'tr:' || NEW.source AND ref_id = NEW.source_id), NEW.text);
END;
CREATE TRIGGER search_translation_delete AFTER DELETE ON text_translation
WHEN OLD.source <> 'agenda_title'
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'tr:' || OLD.source AND ref_id = OLD.source_id);
    DELETE FROM search_doc WHERE kind = 'tr:' || OLD.source AND ref_id = OLD.source_id;
END;
