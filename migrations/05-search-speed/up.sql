-- Register search at scale: a prefix index for every length a typed last word usually has.
--
-- Results follow the typing, so the last word is searched as the start of a word. FTS5 answers
-- a prefix it has no prefix index for by reading and merging the lists of every word that
-- starts with it before returning a single row (tens of milliseconds for "s" or "budget" over
-- 200,000 resolutions); with a prefix index it reads one list, newest first, and stops when it
-- has enough. Migration 02 indexed prefixes of 2 to 4 letters; this one indexes 1 to 12 (the
-- index grows by about four fifths; longer prefixes are rare and their lists short).
--
-- The index is rebuilt from the resolutions, minutes, items and blocks themselves (the same
-- words migration 02 and its triggers write), under the same name and rowids, so the
-- triggers of migration 02 keep it in step unchanged. Nothing else changes.

DROP TABLE register_fts;
CREATE VIRTUAL TABLE register_fts USING fts5(text, reason, minute, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8 9 10 11 12');
INSERT INTO register_fts (rowid, text, reason, minute)
SELECT d.rowid, r.text, r.reason, coalesce(w.words, '')
FROM register_doc d JOIN resolution r ON r.id = d.resolution_id
LEFT JOIN register_minute_words w ON w.minute_id = r.minute_id;
-- One b-tree segment instead of many: fewer pages to read per word.
INSERT INTO register_fts (register_fts) VALUES ('optimize');
