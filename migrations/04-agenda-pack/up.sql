-- Agenda packs: the authority's front-sheet wording, each meeting's front-sheet details, and
-- the packs issued for a meeting (the agenda, number 0, then supplements 1, 2...) with the
-- pages each report or appendix took. Additive: no existing table changes.

CREATE TABLE pack_settings (
    singleton        INTEGER PRIMARY KEY CHECK (singleton = 1),
    pack_title_en    TEXT NOT NULL DEFAULT 'Public Document Pack' CHECK (length(trim(pack_title_en)) BETWEEN 1 AND 200),
    pack_title_cy    TEXT NOT NULL DEFAULT 'Pecyn Dogfennau Cyhoeddus' CHECK (length(pack_title_cy) <= 200),
    accessibility_en TEXT NOT NULL DEFAULT '' CHECK (length(accessibility_en) <= 2000),
    accessibility_cy TEXT NOT NULL DEFAULT '' CHECK (length(accessibility_cy) <= 2000),
    welsh_language_en TEXT NOT NULL DEFAULT '' CHECK (length(welsh_language_en) <= 2000),
    welsh_language_cy TEXT NOT NULL DEFAULT '' CHECK (length(welsh_language_cy) <= 2000)
);

CREATE TABLE meeting_pack (
    meeting_id          TEXT PRIMARY KEY REFERENCES meeting(id),
    contact_officer     TEXT NOT NULL DEFAULT '' CHECK (length(contact_officer) <= 300),
    contact_details     TEXT NOT NULL DEFAULT '' CHECK (length(contact_details) <= 300),
    agenda_published_on TEXT CHECK (agenda_published_on IS NULL OR date(agenda_published_on) = agenda_published_on)
);

CREATE TABLE pack_issue (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting(id),
    number     INTEGER NOT NULL CHECK (number >= 0),
    issued_on  TEXT NOT NULL CHECK (date(issued_on) = issued_on),
    first_page INTEGER NOT NULL CHECK (first_page >= 1),
    last_page  INTEGER NOT NULL CHECK (last_page >= first_page),
    UNIQUE (meeting_id, number)
);

CREATE TABLE pack_issue_document (
    issue_id    TEXT NOT NULL REFERENCES pack_issue(id),
    document_id TEXT NOT NULL REFERENCES document(id),
    first_page  INTEGER NOT NULL CHECK (first_page >= 1),
    last_page   INTEGER NOT NULL CHECK (last_page >= first_page),
    PRIMARY KEY (issue_id, document_id)
);
CREATE INDEX pack_issue_document_doc ON pack_issue_document(document_id);

-- An issued pack is a record of what was published: it is never changed or removed.
CREATE TRIGGER pack_issue_no_update BEFORE UPDATE ON pack_issue
BEGIN
    SELECT RAISE(ABORT, 'an issued agenda pack is a record of what was published and cannot be changed');
END;
CREATE TRIGGER pack_issue_no_delete BEFORE DELETE ON pack_issue
BEGIN
    SELECT RAISE(ABORT, 'an issued agenda pack is a record of what was published and cannot be removed');
END;
CREATE TRIGGER pack_issue_document_no_update BEFORE UPDATE ON pack_issue_document
BEGIN
    SELECT RAISE(ABORT, 'an issued agenda pack is a record of what was published and cannot be changed');
END;
CREATE TRIGGER pack_issue_document_no_delete BEFORE DELETE ON pack_issue_document
BEGIN
    SELECT RAISE(ABORT, 'an issued agenda pack is a record of what was published and cannot be removed');
END;
CREATE TRIGGER pack_issue_audit_insert AFTER INSERT ON pack_issue
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'pack_issue', NEW.id, NEW.meeting_id, 'insert', NULL, json_object('id', NEW.id, 'number', NEW.number, 'issued_on', NEW.issued_on, 'first_page', NEW.first_page, 'last_page', NEW.last_page));
END;
