-- Register search at scale: what a register hit shows, one row per resolution.
--
-- A hit shows the resolution with its minute number, committee and meeting date. Read through
-- the tables, that is five lookups by UUID key for every hit (resolution, minute, numbering
-- sequence, meeting, committee), most of a short search's time over decades of meetings.
-- register_row keeps those fields together under the resolution's search document number
-- (register_doc.rowid, the rowid of register_fts), so a hit is one read and a filter on
-- committee, dates, keyword or exempt minutes is tested on the row the index points at.
--
-- It is a copy, written only by the triggers below from register_row_source: whenever a
-- resolution is written, and whenever a minute's number, heading, sequence or exemption, a
-- meeting's date or committee, a committee's name or a sequence's prefix changes. Signed
-- minutes cannot change (their triggers refuse first), so their rows never change either.

CREATE TABLE register_row (
    doc           INTEGER PRIMARY KEY,
    resolution_id TEXT NOT NULL,
    minute_id     TEXT NOT NULL,
    meeting_id    TEXT NOT NULL,
    body_id       TEXT NOT NULL,
    body_name     TEXT NOT NULL,
    date          TEXT NOT NULL,
    number        INTEGER NOT NULL,
    prefix        TEXT NOT NULL,
    heading       TEXT NOT NULL,
    limb          INTEGER NOT NULL,
    keyword       TEXT NOT NULL,
    text          TEXT NOT NULL,
    reason        TEXT NOT NULL,
    exempt        INTEGER NOT NULL
);
-- The register with no words typed: the newest first.
CREATE INDEX register_row_newest ON register_row(date, number, limb);

CREATE VIEW register_row_source AS
SELECT d.rowid AS doc, r.id AS resolution_id, r.minute_id, r.meeting_id, m.body_id,
       b.name_en AS body_name, m.date, mn.number, q.prefix, mn.heading, r.limb, r.keyword,
       r.text, r.reason, mn.exempt
FROM register_doc d JOIN resolution r ON r.id = d.resolution_id
JOIN minute mn ON mn.id = r.minute_id
JOIN minute_sequence q ON q.id = mn.sequence_id
JOIN meeting m ON m.id = r.meeting_id
JOIN body b ON b.id = m.body_id;

INSERT INTO register_row SELECT * FROM register_row_source;

-- A resolution's own triggers, from migration 02, now write its row too (one trigger, so the
-- document number exists before the row is written).
DROP TRIGGER register_resolution_insert;
CREATE TRIGGER register_resolution_insert AFTER INSERT ON resolution
BEGIN
    INSERT INTO register_doc (resolution_id) VALUES (NEW.id);
    INSERT INTO register_fts (rowid, text, reason, minute)
    VALUES (last_insert_rowid(), NEW.text, NEW.reason,
            coalesce((SELECT words FROM register_minute_words WHERE minute_id = NEW.minute_id), ''));
    INSERT INTO register_row
    SELECT * FROM register_row_source
    WHERE doc = (SELECT rowid FROM register_doc WHERE resolution_id = NEW.id);
END;
CREATE TRIGGER register_row_resolution_update AFTER UPDATE ON resolution
BEGIN
    INSERT OR REPLACE INTO register_row
    SELECT * FROM register_row_source
    WHERE doc = (SELECT rowid FROM register_doc WHERE resolution_id = NEW.id);
END;
DROP TRIGGER register_resolution_delete;
CREATE TRIGGER register_resolution_delete AFTER DELETE ON resolution
BEGIN
    DELETE FROM register_fts WHERE rowid = (SELECT rowid FROM register_doc WHERE resolution_id = OLD.id);
    DELETE FROM register_row WHERE doc = (SELECT rowid FROM register_doc WHERE resolution_id = OLD.id);
    DELETE FROM register_doc WHERE resolution_id = OLD.id;
END;

CREATE TRIGGER register_row_minute_update
AFTER UPDATE OF number, heading, sequence_id, exempt ON minute
BEGIN
    INSERT OR REPLACE INTO register_row
    SELECT * FROM register_row_source
    WHERE doc IN (SELECT d.rowid FROM resolution r JOIN register_doc d ON d.resolution_id = r.id
                  WHERE r.minute_id = NEW.id);
END;
CREATE TRIGGER register_row_meeting_update AFTER UPDATE OF date, body_id ON meeting
BEGIN
    INSERT OR REPLACE INTO register_row
    SELECT * FROM register_row_source
    WHERE doc IN (SELECT d.rowid FROM resolution r JOIN register_doc d ON d.resolution_id = r.id
                  WHERE r.meeting_id = NEW.id);
END;
CREATE TRIGGER register_row_body_update AFTER UPDATE OF name_en ON body
BEGIN
    INSERT OR REPLACE INTO register_row
    SELECT * FROM register_row_source
    WHERE doc IN (SELECT d.rowid FROM meeting m JOIN resolution r ON r.meeting_id = m.id
                  JOIN register_doc d ON d.resolution_id = r.id WHERE m.body_id = NEW.id);
END;
CREATE TRIGGER register_row_sequence_update AFTER UPDATE OF prefix ON minute_sequence
BEGIN
    INSERT OR REPLACE INTO register_row
    SELECT * FROM register_row_source
    WHERE doc IN (SELECT d.rowid FROM minute mn JOIN resolution r ON r.minute_id = mn.id
                  JOIN register_doc d ON d.resolution_id = r.id WHERE mn.sequence_id = NEW.id);
END;
