-- Signed means frozen, and the record carries its own tamper evidence (issue 15).
--
-- signed_copy: when minutes are signed, the store keeps the meeting's record as signed (the
-- same JSON as `cofnod export`) with its SHA-256, and a digest of each of the meeting's own
-- rows in every locked table (all columns, by table and key; people's and committees' names
-- are not among them, so a rename is not a change to signed minutes), with their SHA-256. Writing it writes an audit
-- entry carrying both hashes, so the copy is in the audit chain.
--
-- audit_seal: SQLite cannot compute SHA-256, so the store seals each audit entry before the
-- transaction that wrote it commits: hash = SHA-256(prev_hash || the entry's columns). An
-- entry with no seal was written outside Cofnod; `cofnod verify` recomputes the chain.
--
-- Both are insert-only; an audit entry cannot be replaced in place (INSERT OR REPLACE deletes
-- without firing the delete triggers).

CREATE TABLE signed_copy (
    meeting_id    TEXT PRIMARY KEY REFERENCES meeting(id),
    record_json   TEXT NOT NULL,
    record_sha256 TEXT NOT NULL CHECK (length(record_sha256) = 64),
    rows_json     TEXT NOT NULL,
    rows_sha256   TEXT NOT NULL CHECK (length(rows_sha256) = 64)
);

CREATE TRIGGER signed_copy_of_signed BEFORE INSERT ON signed_copy
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) IS NOT 'signed'
BEGIN
    SELECT RAISE(ABORT, 'only signed minutes have a signed copy');
END;
CREATE TRIGGER signed_copy_once BEFORE INSERT ON signed_copy
WHEN EXISTS (SELECT 1 FROM signed_copy WHERE meeting_id = NEW.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'signed minutes have one signed copy, which cannot be replaced');
END;
CREATE TRIGGER signed_copy_no_update BEFORE UPDATE ON signed_copy
BEGIN
    SELECT RAISE(ABORT, 'the signed copy of minutes cannot be changed');
END;
CREATE TRIGGER signed_copy_no_delete BEFORE DELETE ON signed_copy
BEGIN
    SELECT RAISE(ABORT, 'the signed copy of minutes cannot be deleted');
END;
CREATE TRIGGER signed_copy_audit AFTER INSERT ON signed_copy
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'signed_copy', NEW.meeting_id, NEW.meeting_id, 'insert', NULL,
            json_object('record_sha256', NEW.record_sha256, 'rows_sha256', NEW.rows_sha256));
END;

CREATE TABLE audit_seal (
    seq       INTEGER PRIMARY KEY,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL CHECK (length(hash) = 64)
);

CREATE TRIGGER audit_seal_once BEFORE INSERT ON audit_seal
WHEN EXISTS (SELECT 1 FROM audit_seal WHERE seq = NEW.seq)
BEGIN
    SELECT RAISE(ABORT, 'an audit entry is sealed once');
END;
CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal
BEGIN
    SELECT RAISE(ABORT, 'the audit seals are append-only');
END;
CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal
BEGIN
    SELECT RAISE(ABORT, 'the audit seals are append-only');
END;

CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN NEW.seq IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- signed_pdf: the minutes as printed when they were signed, one per edition (English or
-- Welsh, public or with Part 2), with its SHA-256. Every later print of signed minutes is this
-- file, byte for byte: renaming a person or a committee never changes it. Minutes signed
-- without one (loaded by the demo or an import, or signed before this version) keep the
-- first print made after. Insert-only; writing one writes an audit entry carrying its hash,
-- so it is in the audit chain.
CREATE TABLE signed_pdf (
    meeting_id  TEXT NOT NULL REFERENCES signed_copy(meeting_id),
    language    TEXT NOT NULL CHECK (language IN ('en', 'cy')),
    visibility  TEXT NOT NULL CHECK (visibility IN ('public', 'confidential')),
    pdf         BLOB NOT NULL,
    pdf_sha256  TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
    PRIMARY KEY (meeting_id, language, visibility)
);

CREATE TRIGGER signed_pdf_of_signed BEFORE INSERT ON signed_pdf
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) IS NOT 'signed'
BEGIN
    SELECT RAISE(ABORT, 'only signed minutes keep their signed PDF');
END;
CREATE TRIGGER signed_pdf_once BEFORE INSERT ON signed_pdf
WHEN EXISTS (SELECT 1 FROM signed_pdf WHERE meeting_id = NEW.meeting_id
             AND language = NEW.language AND visibility = NEW.visibility)
BEGIN
    SELECT RAISE(ABORT, 'signed minutes keep one PDF of each edition, which cannot be replaced');
END;
CREATE TRIGGER signed_pdf_no_update BEFORE UPDATE ON signed_pdf
BEGIN
    SELECT RAISE(ABORT, 'the signed PDF of minutes cannot be changed');
END;
CREATE TRIGGER signed_pdf_no_delete BEFORE DELETE ON signed_pdf
BEGIN
    SELECT RAISE(ABORT, 'the signed PDF of minutes cannot be deleted');
END;
CREATE TRIGGER signed_pdf_audit AFTER INSERT ON signed_pdf
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'signed_pdf',
            NEW.meeting_id || '/' || NEW.language || '/' || NEW.visibility, NEW.meeting_id, 'insert', NULL,
            json_object('language', NEW.language, 'visibility', NEW.visibility, 'pdf_sha256', NEW.pdf_sha256));
END;
