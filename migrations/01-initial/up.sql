-- Cofnod schema, version 1.
--
-- The database enforces what it can of the rules of a legal record:
--   * a minute number is the next one of its sequence and municipal year (no gaps, no
--     duplicates) when it is created;
--   * signed minutes, and everything they are made of, cannot be changed or deleted;
--   * after a draft is published, every change to the meeting's record is audited;
--   * the audit log is append-only;
--   * a referral's status only moves along its lifecycle.
-- The library checks the rest (gapless renumbering, wording, dates) before it writes.

PRAGMA application_id = 1131374190; -- 'Cofn'

CREATE TABLE authority (
    singleton        INTEGER PRIMARY KEY CHECK (singleton = 1),
    name_en          TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
    name_cy          TEXT NOT NULL DEFAULT '',
    jurisdiction     TEXT NOT NULL CHECK (jurisdiction IN ('wales', 'england')),
    languages        TEXT NOT NULL DEFAULT 'en_cy' CHECK (languages IN ('en', 'cy', 'en_cy')),
    year_start_month INTEGER NOT NULL DEFAULT 5 CHECK (year_start_month BETWEEN 1 AND 12),
    year_start_day   INTEGER NOT NULL DEFAULT 1 CHECK (year_start_day BETWEEN 1 AND 31)
);

-- Recorded starts of municipal years (the Annual Meeting dates).
CREATE TABLE municipal_year (
    start_date TEXT PRIMARY KEY CHECK (date(start_date) = start_date)
);

CREATE TABLE minute_sequence (
    id     TEXT PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL DEFAULT '',
    scope  TEXT NOT NULL CHECK (scope IN ('council', 'body'))
);

CREATE TABLE body (
    id                         TEXT PRIMARY KEY,
    name_en                    TEXT NOT NULL UNIQUE CHECK (length(trim(name_en)) > 0),
    name_cy                    TEXT NOT NULL DEFAULT '',
    kind                       TEXT NOT NULL CHECK (kind IN ('council', 'cabinet', 'scrutiny', 'standards', 'governance_audit', 'regulatory', 'joint', 'other')),
    default_keyword            TEXT NOT NULL CHECK (default_keyword IN ('resolved', 'recommended', 'agreed')),
    chair_title                TEXT NOT NULL DEFAULT 'chairman' CHECK (chair_title IN ('chairman', 'chair')),
    quorum                     INTEGER NOT NULL DEFAULT 3 CHECK (quorum >= 1),
    whip_declarations_required INTEGER NOT NULL DEFAULT 0 CHECK (whip_declarations_required IN (0, 1)),
    reasons_required           INTEGER NOT NULL DEFAULT 1 CHECK (reasons_required IN (0, 1)),
    sequence_id                TEXT NOT NULL REFERENCES minute_sequence(id),
    retired                    INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

CREATE TABLE person (
    id        TEXT PRIMARY KEY,
    honorific TEXT NOT NULL DEFAULT '',
    name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind      TEXT NOT NULL CHECK (kind IN ('member', 'co_opted_voting', 'co_opted_non_voting', 'officer', 'external', 'public')),
    title     TEXT NOT NULL DEFAULT '',
    retired   INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

CREATE TABLE membership (
    id        TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person(id),
    body_id   TEXT NOT NULL REFERENCES body(id),
    role      TEXT NOT NULL CHECK (role IN ('chair', 'vice_chair', 'member', 'co_opted', 'observer')),
    from_date TEXT NOT NULL CHECK (date(from_date) = from_date),
    to_date   TEXT CHECK (to_date IS NULL OR (date(to_date) = to_date AND to_date >= from_date))
);
CREATE INDEX membership_body ON membership(body_id, person_id);

-- One membership of a person on a body at any one time.
CREATE TRIGGER membership_no_overlap BEFORE INSERT ON membership
WHEN EXISTS (
    SELECT 1 FROM membership m
    WHERE m.person_id = NEW.person_id AND m.body_id = NEW.body_id
      AND m.from_date <= coalesce(NEW.to_date, '9999-12-31')
      AND coalesce(m.to_date, '9999-12-31') >= NEW.from_date)
BEGIN
    SELECT RAISE(ABORT, 'duplicate membership: this person is already a member of this body for those dates');
END;

CREATE TABLE meeting (
    id                     TEXT PRIMARY KEY,
    body_id                TEXT NOT NULL REFERENCES body(id),
    kind                   TEXT NOT NULL DEFAULT 'ordinary' CHECK (kind IN ('ordinary', 'special', 'annual', 'adjourned')),
    date                   TEXT NOT NULL CHECK (date(date) = date),
    start_time             TEXT CHECK (start_time IS NULL OR time(start_time) = start_time),
    end_time               TEXT CHECK (end_time IS NULL OR time(end_time) = end_time),
    venue                  TEXT NOT NULL DEFAULT '',
    mode                   TEXT NOT NULL DEFAULT 'in_person' CHECK (mode IN ('in_person', 'hybrid', 'remote')),
    joining_details        TEXT NOT NULL DEFAULT '',
    status                 TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'agenda_published', 'in_progress', 'closed')),
    minutes_status         TEXT NOT NULL DEFAULT 'drafting' CHECK (minutes_status IN ('drafting', 'draft_published', 'approved', 'signed')),
    approved_at_meeting_id TEXT REFERENCES meeting(id),
    signed_by_person_id    TEXT REFERENCES person(id),
    signed_on              TEXT CHECK (signed_on IS NULL OR date(signed_on) = signed_on),
    CHECK (minutes_status NOT IN ('approved', 'signed') OR approved_at_meeting_id IS NOT NULL),
    CHECK (minutes_status <> 'signed' OR (signed_by_person_id IS NOT NULL AND signed_on IS NOT NULL))
);
CREATE INDEX meeting_body_date ON meeting(body_id, date);
CREATE INDEX meeting_date ON meeting(date);

-- Approval happens at a later meeting of the same body.
CREATE TRIGGER meeting_approval_later BEFORE UPDATE OF approved_at_meeting_id ON meeting
WHEN NEW.approved_at_meeting_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM meeting a
    WHERE a.id = NEW.approved_at_meeting_id AND a.body_id = NEW.body_id AND a.date > NEW.date)
BEGIN
    SELECT RAISE(ABORT, 'minutes can only be approved at a later meeting of the same body');
END;

-- The minutes' status moves one step forward at a time.
CREATE TRIGGER meeting_minutes_status_forward BEFORE UPDATE OF minutes_status ON meeting
WHEN NEW.minutes_status <> OLD.minutes_status AND NOT (
       (OLD.minutes_status = 'drafting' AND NEW.minutes_status = 'draft_published')
    OR (OLD.minutes_status = 'draft_published' AND NEW.minutes_status = 'approved')
    OR (OLD.minutes_status = 'approved' AND NEW.minutes_status = 'signed'))
BEGIN
    SELECT RAISE(ABORT, 'minutes status can only move drafting -> draft published -> approved -> signed');
END;

CREATE TRIGGER meeting_signed_update BEFORE UPDATE ON meeting
WHEN OLD.minutes_status = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER meeting_signed_delete BEFORE DELETE ON meeting
WHEN OLD.minutes_status = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be deleted');
END;

CREATE TABLE attendance (
    id              TEXT PRIMARY KEY,
    meeting_id      TEXT NOT NULL REFERENCES meeting(id),
    person_id       TEXT NOT NULL REFERENCES person(id),
    status          TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent', 'also_present', 'officer', 'substitute')),
    substitute_for  TEXT REFERENCES person(id),
    mode            TEXT NOT NULL DEFAULT 'room' CHECK (mode IN ('room', 'remote')),
    capacity        TEXT CHECK (capacity IS NULL OR capacity IN ('chair', 'vice_chair', 'in_the_chair')),
    arrived_at_item TEXT REFERENCES agenda_item(id),
    left_at_item    TEXT REFERENCES agenda_item(id),
    UNIQUE (meeting_id, person_id),
    CHECK ((status = 'substitute') = (substitute_for IS NOT NULL)),
    CHECK (substitute_for IS NULL OR substitute_for <> person_id)
);

CREATE TABLE agenda_item (
    id                    TEXT PRIMARY KEY,
    meeting_id            TEXT NOT NULL REFERENCES meeting(id),
    position              INTEGER NOT NULL CHECK (position >= 1),
    title_en              TEXT NOT NULL CHECK (length(trim(title_en)) BETWEEN 1 AND 300),
    title_cy              TEXT NOT NULL DEFAULT '' CHECK (length(title_cy) <= 300),
    part                  TEXT NOT NULL DEFAULT 'part1' CHECK (part IN ('part1', 'part2')),
    exempt_paragraphs     TEXT NOT NULL DEFAULT '',
    public_interest       TEXT NOT NULL DEFAULT '',
    origin                TEXT NOT NULL DEFAULT 'report' CHECK (origin IN ('standing', 'report', 'referred', 'call_in', 'request_for_consideration', 'urgent', 'notice_of_motion')),
    standing              TEXT CHECK (standing IS NULL OR standing IN ('apologies', 'previous_minutes', 'declarations', 'urgent_matters')),
    tag                   TEXT NOT NULL DEFAULT '',
    urgent_reason         TEXT NOT NULL DEFAULT '',
    presenting_officer_id TEXT REFERENCES person(id),
    UNIQUE (meeting_id, position),
    CHECK ((part = 'part2') = (exempt_paragraphs <> '')),
    CHECK (origin <> 'urgent' OR length(trim(urgent_reason)) > 0)
);

CREATE TABLE declaration (
    id             TEXT PRIMARY KEY,
    meeting_id     TEXT NOT NULL REFERENCES meeting(id),
    person_id      TEXT NOT NULL REFERENCES person(id),
    agenda_item_id TEXT REFERENCES agenda_item(id),
    kind           TEXT NOT NULL CHECK (kind IN ('personal', 'prejudicial', 'party_whip')),
    nature         TEXT NOT NULL DEFAULT '',
    action         TEXT CHECK (action IS NULL OR action IN ('remained', 'withdrew', 'spoke_then_withdrew', 'written_representations')),
    dispensation   TEXT NOT NULL DEFAULT '',
    CHECK (kind <> 'prejudicial' OR action IS NOT NULL)
);

CREATE TABLE document (
    id             TEXT PRIMARY KEY,
    agenda_item_id TEXT NOT NULL REFERENCES agenda_item(id),
    meeting_id     TEXT NOT NULL REFERENCES meeting(id),
    title          TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
    kind           TEXT NOT NULL CHECK (kind IN ('report', 'appendix')),
    position       INTEGER NOT NULL CHECK (position >= 1),
    page_count     INTEGER NOT NULL CHECK (page_count >= 1),
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
    size_bytes     INTEGER NOT NULL,
    pdf            BLOB NOT NULL,
    added_at       TEXT NOT NULL,
    UNIQUE (agenda_item_id, position)
);

CREATE TABLE minute (
    id              TEXT PRIMARY KEY,
    meeting_id      TEXT NOT NULL REFERENCES meeting(id),
    agenda_item_id  TEXT REFERENCES agenda_item(id),
    sequence_id     TEXT NOT NULL REFERENCES minute_sequence(id),
    year_start      TEXT NOT NULL CHECK (date(year_start) = year_start),
    number          INTEGER NOT NULL CHECK (number >= 1),
    heading         TEXT NOT NULL CHECK (length(trim(heading)) BETWEEN 1 AND 300),
    tag             TEXT NOT NULL DEFAULT '',
    exempt          INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1)),
    public_summary  TEXT NOT NULL DEFAULT '',
    position        INTEGER NOT NULL CHECK (position >= 1),
    UNIQUE (sequence_id, year_start, number)
);
CREATE INDEX minute_meeting ON minute(meeting_id, position);

-- A new minute takes the next number of its sequence and year: no gaps, no reuse.
CREATE TRIGGER minute_number_next BEFORE INSERT ON minute
WHEN NEW.number <> (SELECT coalesce(max(number), 0) + 1 FROM minute
                    WHERE sequence_id = NEW.sequence_id AND year_start = NEW.year_start)
BEGIN
    SELECT RAISE(ABORT, 'a new minute must take the next number of its sequence');
END;

-- Numbers are released or reordered only while the minutes are drafts.
CREATE TRIGGER minute_number_draft_only BEFORE UPDATE OF number, sequence_id, year_start ON minute
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    SELECT RAISE(ABORT, 'minute numbers can only be changed while the minutes are drafts');
END;
CREATE TRIGGER minute_delete_draft_only BEFORE DELETE ON minute
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    SELECT RAISE(ABORT, 'a minute can only be removed while the minutes are drafts');
END;

CREATE TABLE minute_block (
    id             TEXT PRIMARY KEY,
    minute_id      TEXT NOT NULL REFERENCES minute(id) ON DELETE CASCADE,
    meeting_id     TEXT NOT NULL REFERENCES meeting(id),
    position       INTEGER NOT NULL CHECK (position >= 1),
    kind           TEXT NOT NULL CHECK (kind IN ('narrative', 'presentation', 'question')),
    text           TEXT NOT NULL DEFAULT '',
    person_id      TEXT REFERENCES person(id),
    person_label   TEXT NOT NULL DEFAULT '',
    capacity       TEXT NOT NULL DEFAULT '',
    answer         TEXT NOT NULL DEFAULT '',
    answer_by_id   TEXT REFERENCES person(id),
    answer_by      TEXT NOT NULL DEFAULT '',
    UNIQUE (minute_id, position)
);

CREATE TABLE resolution (
    id             TEXT PRIMARY KEY,
    minute_id      TEXT NOT NULL REFERENCES minute(id) ON DELETE CASCADE,
    meeting_id     TEXT NOT NULL REFERENCES meeting(id),
    limb           INTEGER NOT NULL CHECK (limb >= 1),
    keyword        TEXT NOT NULL CHECK (keyword IN ('resolved', 'recommended', 'agreed')),
    text           TEXT NOT NULL CHECK (length(trim(text)) > 0),
    reason         TEXT NOT NULL DEFAULT '',
    conditional_on INTEGER CHECK (conditional_on IS NULL OR (conditional_on >= 1 AND conditional_on <> limb)),
    vote           TEXT NOT NULL DEFAULT '',
    UNIQUE (minute_id, limb)
);

-- A limb is added as the next number: (1), (2), ... without gaps.
CREATE TRIGGER resolution_limb_next BEFORE INSERT ON resolution
WHEN NEW.limb <> (SELECT coalesce(max(limb), 0) + 1 FROM resolution WHERE minute_id = NEW.minute_id)
BEGIN
    SELECT RAISE(ABORT, 'a new resolution limb must take the next number');
END;

CREATE TABLE referral (
    id                       TEXT PRIMARY KEY,
    resolution_id            TEXT REFERENCES resolution(id),
    from_body_id             TEXT NOT NULL REFERENCES body(id),
    to_body_id               TEXT REFERENCES body(id),
    to_external              TEXT NOT NULL DEFAULT '',
    purpose                  TEXT NOT NULL CHECK (purpose IN ('for_decision', 'for_information', 'for_consultation', 's21_report')),
    sent_on                  TEXT NOT NULL CHECK (date(sent_on) = sent_on),
    response_due             TEXT NOT NULL CHECK (date(response_due) = response_due AND response_due >= sent_on),
    status                   TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'scheduled', 'considered', 'reported_back', 'closed')),
    target_meeting_id        TEXT REFERENCES meeting(id),
    target_minute_id         TEXT REFERENCES minute(id),
    outcome                  TEXT CHECK (outcome IS NULL OR outcome IN ('accepted', 'accepted_in_part', 'not_accepted', 'noted', 'deferred', 'referred_back')),
    response_text            TEXT NOT NULL DEFAULT '',
    reported_back_meeting_id TEXT REFERENCES meeting(id),
    closed_on                TEXT CHECK (closed_on IS NULL OR date(closed_on) = closed_on),
    CHECK ((to_body_id IS NULL) <> (to_external = '')),
    CHECK (status NOT IN ('considered', 'reported_back', 'closed') OR outcome IS NOT NULL OR status = 'closed'),
    CHECK (status <> 'scheduled' OR target_meeting_id IS NOT NULL)
);
CREATE INDEX referral_status ON referral(status, response_due);
CREATE INDEX referral_resolution ON referral(resolution_id);

CREATE TRIGGER referral_lifecycle BEFORE UPDATE OF status ON referral
WHEN NEW.status <> OLD.status AND NOT (
       (OLD.status = 'issued' AND NEW.status IN ('scheduled', 'considered'))
    OR (OLD.status = 'scheduled' AND NEW.status = 'considered')
    OR (OLD.status = 'considered' AND NEW.status IN ('scheduled', 'reported_back', 'closed'))
    OR (OLD.status = 'reported_back' AND NEW.status = 'closed'))
BEGIN
    SELECT RAISE(ABORT, 'a referral can only move issued -> scheduled -> considered -> reported back -> closed');
END;
CREATE TRIGGER referral_new_is_issued BEFORE INSERT ON referral
WHEN NEW.status <> 'issued'
BEGIN
    SELECT RAISE(ABORT, 'a new referral starts as issued');
END;

-- Amendments agreed when the minutes of `meeting_id` were approved at `approving_meeting_id`.
CREATE TABLE amendment (
    id                   TEXT PRIMARY KEY,
    meeting_id           TEXT NOT NULL REFERENCES meeting(id),
    approving_meeting_id TEXT NOT NULL REFERENCES meeting(id),
    position             INTEGER NOT NULL CHECK (position >= 1),
    text                 TEXT NOT NULL CHECK (length(trim(text)) > 0),
    UNIQUE (meeting_id, position)
);

-- Who is making the changes of the current transaction (set by the store).
CREATE TABLE audit_actor (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    actor     TEXT NOT NULL
);
INSERT INTO audit_actor VALUES (1, 'unknown');

CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor      TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id     TEXT NOT NULL,
    meeting_id TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    before     TEXT,
    after      TEXT
);
CREATE INDEX audit_meeting ON audit_log(meeting_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Signed minutes are locked, and changes after the draft is published are audited, for
-- every table that makes up a meeting's record. (Generated: one identical block per table.)

CREATE TRIGGER attendance_signed_insert BEFORE INSERT ON attendance
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER attendance_signed_update BEFORE UPDATE ON attendance
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed' OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER attendance_signed_delete BEFORE DELETE ON attendance
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER attendance_audit_insert AFTER INSERT ON attendance
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'attendance', NEW.id, NEW.meeting_id, 'insert', NULL, json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'person_id', NEW.person_id, 'status', NEW.status, 'substitute_for', NEW.substitute_for, 'mode', NEW.mode, 'capacity', NEW.capacity, 'arrived_at_item', NEW.arrived_at_item, 'left_at_item', NEW.left_at_item));
END;
CREATE TRIGGER attendance_audit_update AFTER UPDATE ON attendance
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'attendance', NEW.id, NEW.meeting_id, 'update', json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'person_id', OLD.person_id, 'status', OLD.status, 'substitute_for', OLD.substitute_for, 'mode', OLD.mode, 'capacity', OLD.capacity, 'arrived_at_item', OLD.arrived_at_item, 'left_at_item', OLD.left_at_item), json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'person_id', NEW.person_id, 'status', NEW.status, 'substitute_for', NEW.substitute_for, 'mode', NEW.mode, 'capacity', NEW.capacity, 'arrived_at_item', NEW.arrived_at_item, 'left_at_item', NEW.left_at_item));
END;
CREATE TRIGGER attendance_audit_delete AFTER DELETE ON attendance
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'attendance', OLD.id, OLD.meeting_id, 'delete', json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'person_id', OLD.person_id, 'status', OLD.status, 'substitute_for', OLD.substitute_for, 'mode', OLD.mode, 'capacity', OLD.capacity, 'arrived_at_item', OLD.arrived_at_item, 'left_at_item', OLD.left_at_item), NULL);
END;

CREATE TRIGGER agenda_item_signed_insert BEFORE INSERT ON agenda_item
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER agenda_item_signed_update BEFORE UPDATE ON agenda_item
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed' OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER agenda_item_signed_delete BEFORE DELETE ON agenda_item
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER agenda_item_audit_insert AFTER INSERT ON agenda_item
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'agenda_item', NEW.id, NEW.meeting_id, 'insert', NULL, json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'position', NEW.position, 'title_en', NEW.title_en, 'title_cy', NEW.title_cy, 'part', NEW.part, 'exempt_paragraphs', NEW.exempt_paragraphs, 'public_interest', NEW.public_interest, 'origin', NEW.origin, 'standing', NEW.standing, 'tag', NEW.tag, 'urgent_reason', NEW.urgent_reason, 'presenting_officer_id', NEW.presenting_officer_id));
END;
CREATE TRIGGER agenda_item_audit_update AFTER UPDATE ON agenda_item
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'agenda_item', NEW.id, NEW.meeting_id, 'update', json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'position', OLD.position, 'title_en', OLD.title_en, 'title_cy', OLD.title_cy, 'part', OLD.part, 'exempt_paragraphs', OLD.exempt_paragraphs, 'public_interest', OLD.public_interest, 'origin', OLD.origin, 'standing', OLD.standing, 'tag', OLD.tag, 'urgent_reason', OLD.urgent_reason, 'presenting_officer_id', OLD.presenting_officer_id), json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'position', NEW.position, 'title_en', NEW.title_en, 'title_cy', NEW.title_cy, 'part', NEW.part, 'exempt_paragraphs', NEW.exempt_paragraphs, 'public_interest', NEW.public_interest, 'origin', NEW.origin, 'standing', NEW.standing, 'tag', NEW.tag, 'urgent_reason', NEW.urgent_reason, 'presenting_officer_id', NEW.presenting_officer_id));
END;
CREATE TRIGGER agenda_item_audit_delete AFTER DELETE ON agenda_item
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'agenda_item', OLD.id, OLD.meeting_id, 'delete', json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'position', OLD.position, 'title_en', OLD.title_en, 'title_cy', OLD.title_cy, 'part', OLD.part, 'exempt_paragraphs', OLD.exempt_paragraphs, 'public_interest', OLD.public_interest, 'origin', OLD.origin, 'standing', OLD.standing, 'tag', OLD.tag, 'urgent_reason', OLD.urgent_reason, 'presenting_officer_id', OLD.presenting_officer_id), NULL);
END;

CREATE TRIGGER declaration_signed_insert BEFORE INSERT ON declaration
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER declaration_signed_update BEFORE UPDATE ON declaration
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed' OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER declaration_signed_delete BEFORE DELETE ON declaration
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER declaration_audit_insert AFTER INSERT ON declaration
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'declaration', NEW.id, NEW.meeting_id, 'insert', NULL, json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'person_id', NEW.person_id, 'agenda_item_id', NEW.agenda_item_id, 'kind', NEW.kind, 'nature', NEW.nature, 'action', NEW.action, 'dispensation', NEW.dispensation));
END;
CREATE TRIGGER declaration_audit_update AFTER UPDATE ON declaration
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'declaration', NEW.id, NEW.meeting_id, 'update', json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'person_id', OLD.person_id, 'agenda_item_id', OLD.agenda_item_id, 'kind', OLD.kind, 'nature', OLD.nature, 'action', OLD.action, 'dispensation', OLD.dispensation), json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'person_id', NEW.person_id, 'agenda_item_id', NEW.agenda_item_id, 'kind', NEW.kind, 'nature', NEW.nature, 'action', NEW.action, 'dispensation', NEW.dispensation));
END;
CREATE TRIGGER declaration_audit_delete AFTER DELETE ON declaration
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'declaration', OLD.id, OLD.meeting_id, 'delete', json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'person_id', OLD.person_id, 'agenda_item_id', OLD.agenda_item_id, 'kind', OLD.kind, 'nature', OLD.nature, 'action', OLD.action, 'dispensation', OLD.dispensation), NULL);
END;

CREATE TRIGGER document_signed_insert BEFORE INSERT ON document
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER document_signed_update BEFORE UPDATE ON document
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed' OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER document_signed_delete BEFORE DELETE ON document
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER document_audit_insert AFTER INSERT ON document
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'document', NEW.id, NEW.meeting_id, 'insert', NULL, json_object('id', NEW.id, 'agenda_item_id', NEW.agenda_item_id, 'meeting_id', NEW.meeting_id, 'title', NEW.title, 'kind', NEW.kind, 'position', NEW.position, 'page_count', NEW.page_count, 'sha256', NEW.sha256, 'size_bytes', NEW.size_bytes));
END;
CREATE TRIGGER document_audit_update AFTER UPDATE ON document
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'document', NEW.id, NEW.meeting_id, 'update', json_object('id', OLD.id, 'agenda_item_id', OLD.agenda_item_id, 'meeting_id', OLD.meeting_id, 'title', OLD.title, 'kind', OLD.kind, 'position', OLD.position, 'page_count', OLD.page_count, 'sha256', OLD.sha256, 'size_bytes', OLD.size_bytes), json_object('id', NEW.id, 'agenda_item_id', NEW.agenda_item_id, 'meeting_id', NEW.meeting_id, 'title', NEW.title, 'kind', NEW.kind, 'position', NEW.position, 'page_count', NEW.page_count, 'sha256', NEW.sha256, 'size_bytes', NEW.size_bytes));
END;
CREATE TRIGGER document_audit_delete AFTER DELETE ON document
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'document', OLD.id, OLD.meeting_id, 'delete', json_object('id', OLD.id, 'agenda_item_id', OLD.agenda_item_id, 'meeting_id', OLD.meeting_id, 'title', OLD.title, 'kind', OLD.kind, 'position', OLD.position, 'page_count', OLD.page_count, 'sha256', OLD.sha256, 'size_bytes', OLD.size_bytes), NULL);
END;

CREATE TRIGGER minute_signed_insert BEFORE INSERT ON minute
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER minute_signed_update BEFORE UPDATE ON minute
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed' OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER minute_signed_delete BEFORE DELETE ON minute
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER minute_audit_insert AFTER INSERT ON minute
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'minute', NEW.id, NEW.meeting_id, 'insert', NULL, json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'agenda_item_id', NEW.agenda_item_id, 'sequence_id', NEW.sequence_id, 'year_start', NEW.year_start, 'number', NEW.number, 'heading', NEW.heading, 'tag', NEW.tag, 'exempt', NEW.exempt, 'public_summary', NEW.public_summary, 'position', NEW.position));
END;
CREATE TRIGGER minute_audit_update AFTER UPDATE ON minute
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'minute', NEW.id, NEW.meeting_id, 'update', json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'agenda_item_id', OLD.agenda_item_id, 'sequence_id', OLD.sequence_id, 'year_start', OLD.year_start, 'number', OLD.number, 'heading', OLD.heading, 'tag', OLD.tag, 'exempt', OLD.exempt, 'public_summary', OLD.public_summary, 'position', OLD.position), json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'agenda_item_id', NEW.agenda_item_id, 'sequence_id', NEW.sequence_id, 'year_start', NEW.year_start, 'number', NEW.number, 'heading', NEW.heading, 'tag', NEW.tag, 'exempt', NEW.exempt, 'public_summary', NEW.public_summary, 'position', NEW.position));
END;
CREATE TRIGGER minute_audit_delete AFTER DELETE ON minute
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'minute', OLD.id, OLD.meeting_id, 'delete', json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'agenda_item_id', OLD.agenda_item_id, 'sequence_id', OLD.sequence_id, 'year_start', OLD.year_start, 'number', OLD.number, 'heading', OLD.heading, 'tag', OLD.tag, 'exempt', OLD.exempt, 'public_summary', OLD.public_summary, 'position', OLD.position), NULL);
END;

CREATE TRIGGER minute_block_signed_insert BEFORE INSERT ON minute_block
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER minute_block_signed_update BEFORE UPDATE ON minute_block
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed' OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER minute_block_signed_delete BEFORE DELETE ON minute_block
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER minute_block_audit_insert AFTER INSERT ON minute_block
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'minute_block', NEW.id, NEW.meeting_id, 'insert', NULL, json_object('id', NEW.id, 'minute_id', NEW.minute_id, 'meeting_id', NEW.meeting_id, 'position', NEW.position, 'kind', NEW.kind, 'text', NEW.text, 'person_id', NEW.person_id, 'person_label', NEW.person_label, 'capacity', NEW.capacity, 'answer', NEW.answer, 'answer_by_id', NEW.answer_by_id, 'answer_by', NEW.answer_by));
END;
CREATE TRIGGER minute_block_audit_update AFTER UPDATE ON minute_block
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'minute_block', NEW.id, NEW.meeting_id, 'update', json_object('id', OLD.id, 'minute_id', OLD.minute_id, 'meeting_id', OLD.meeting_id, 'position', OLD.position, 'kind', OLD.kind, 'text', OLD.text, 'person_id', OLD.person_id, 'person_label', OLD.person_label, 'capacity', OLD.capacity, 'answer', OLD.answer, 'answer_by_id', OLD.answer_by_id, 'answer_by', OLD.answer_by), json_object('id', NEW.id, 'minute_id', NEW.minute_id, 'meeting_id', NEW.meeting_id, 'position', NEW.position, 'kind', NEW.kind, 'text', NEW.text, 'person_id', NEW.person_id, 'person_label', NEW.person_label, 'capacity', NEW.capacity, 'answer', NEW.answer, 'answer_by_id', NEW.answer_by_id, 'answer_by', NEW.answer_by));
END;
CREATE TRIGGER minute_block_audit_delete AFTER DELETE ON minute_block
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'minute_block', OLD.id, OLD.meeting_id, 'delete', json_object('id', OLD.id, 'minute_id', OLD.minute_id, 'meeting_id', OLD.meeting_id, 'position', OLD.position, 'kind', OLD.kind, 'text', OLD.text, 'person_id', OLD.person_id, 'person_label', OLD.person_label, 'capacity', OLD.capacity, 'answer', OLD.answer, 'answer_by_id', OLD.answer_by_id, 'answer_by', OLD.answer_by), NULL);
END;

CREATE TRIGGER resolution_signed_insert BEFORE INSERT ON resolution
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER resolution_signed_update BEFORE UPDATE ON resolution
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed' OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER resolution_signed_delete BEFORE DELETE ON resolution
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER resolution_audit_insert AFTER INSERT ON resolution
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'resolution', NEW.id, NEW.meeting_id, 'insert', NULL, json_object('id', NEW.id, 'minute_id', NEW.minute_id, 'meeting_id', NEW.meeting_id, 'limb', NEW.limb, 'keyword', NEW.keyword, 'text', NEW.text, 'reason', NEW.reason, 'conditional_on', NEW.conditional_on, 'vote', NEW.vote));
END;
CREATE TRIGGER resolution_audit_update AFTER UPDATE ON resolution
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'resolution', NEW.id, NEW.meeting_id, 'update', json_object('id', OLD.id, 'minute_id', OLD.minute_id, 'meeting_id', OLD.meeting_id, 'limb', OLD.limb, 'keyword', OLD.keyword, 'text', OLD.text, 'reason', OLD.reason, 'conditional_on', OLD.conditional_on, 'vote', OLD.vote), json_object('id', NEW.id, 'minute_id', NEW.minute_id, 'meeting_id', NEW.meeting_id, 'limb', NEW.limb, 'keyword', NEW.keyword, 'text', NEW.text, 'reason', NEW.reason, 'conditional_on', NEW.conditional_on, 'vote', NEW.vote));
END;
CREATE TRIGGER resolution_audit_delete AFTER DELETE ON resolution
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'resolution', OLD.id, OLD.meeting_id, 'delete', json_object('id', OLD.id, 'minute_id', OLD.minute_id, 'meeting_id', OLD.meeting_id, 'limb', OLD.limb, 'keyword', OLD.keyword, 'text', OLD.text, 'reason', OLD.reason, 'conditional_on', OLD.conditional_on, 'vote', OLD.vote), NULL);
END;

CREATE TRIGGER amendment_signed_insert BEFORE INSERT ON amendment
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER amendment_signed_update BEFORE UPDATE ON amendment
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed' OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER amendment_signed_delete BEFORE DELETE ON amendment
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER amendment_audit_insert AFTER INSERT ON amendment
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'amendment', NEW.id, NEW.meeting_id, 'insert', NULL, json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'approving_meeting_id', NEW.approving_meeting_id, 'position', NEW.position, 'text', NEW.text));
END;
CREATE TRIGGER amendment_audit_update AFTER UPDATE ON amendment
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'amendment', NEW.id, NEW.meeting_id, 'update', json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'approving_meeting_id', OLD.approving_meeting_id, 'position', OLD.position, 'text', OLD.text), json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'approving_meeting_id', NEW.approving_meeting_id, 'position', NEW.position, 'text', NEW.text));
END;
CREATE TRIGGER amendment_audit_delete AFTER DELETE ON amendment
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'amendment', OLD.id, OLD.meeting_id, 'delete', json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'approving_meeting_id', OLD.approving_meeting_id, 'position', OLD.position, 'text', OLD.text), NULL);
END;

CREATE TRIGGER meeting_audit_update AFTER UPDATE ON meeting
WHEN OLD.minutes_status <> 'drafting' OR NEW.minutes_status <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'meeting', NEW.id, NEW.id, 'update', json_object('id', OLD.id, 'body_id', OLD.body_id, 'kind', OLD.kind, 'date', OLD.date, 'start_time', OLD.start_time, 'end_time', OLD.end_time, 'venue', OLD.venue, 'mode', OLD.mode, 'joining_details', OLD.joining_details, 'status', OLD.status, 'minutes_status', OLD.minutes_status, 'approved_at_meeting_id', OLD.approved_at_meeting_id, 'signed_by_person_id', OLD.signed_by_person_id, 'signed_on', OLD.signed_on), json_object('id', NEW.id, 'body_id', NEW.body_id, 'kind', NEW.kind, 'date', NEW.date, 'start_time', NEW.start_time, 'end_time', NEW.end_time, 'venue', NEW.venue, 'mode', NEW.mode, 'joining_details', NEW.joining_details, 'status', NEW.status, 'minutes_status', NEW.minutes_status, 'approved_at_meeting_id', NEW.approved_at_meeting_id, 'signed_by_person_id', NEW.signed_by_person_id, 'signed_on', NEW.signed_on));
END;

-- Referrals follow a resolution after its minutes are signed, so they are not locked; every
-- change to them is audited.
CREATE TRIGGER referral_audit_insert AFTER INSERT ON referral
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'referral', NEW.id, coalesce((SELECT meeting_id FROM resolution WHERE id = NEW.resolution_id), ''), 'insert', NULL, json_object('id', NEW.id, 'resolution_id', NEW.resolution_id, 'from_body_id', NEW.from_body_id, 'to_body_id', NEW.to_body_id, 'to_external', NEW.to_external, 'purpose', NEW.purpose, 'sent_on', NEW.sent_on, 'response_due', NEW.response_due, 'status', NEW.status, 'target_meeting_id', NEW.target_meeting_id, 'target_minute_id', NEW.target_minute_id, 'outcome', NEW.outcome, 'response_text', NEW.response_text, 'reported_back_meeting_id', NEW.reported_back_meeting_id, 'closed_on', NEW.closed_on));
END;
CREATE TRIGGER referral_audit_update AFTER UPDATE ON referral
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'referral', NEW.id, coalesce((SELECT meeting_id FROM resolution WHERE id = NEW.resolution_id), ''), 'update', json_object('id', OLD.id, 'resolution_id', OLD.resolution_id, 'from_body_id', OLD.from_body_id, 'to_body_id', OLD.to_body_id, 'to_external', OLD.to_external, 'purpose', OLD.purpose, 'sent_on', OLD.sent_on, 'response_due', OLD.response_due, 'status', OLD.status, 'target_meeting_id', OLD.target_meeting_id, 'target_minute_id', OLD.target_minute_id, 'outcome', OLD.outcome, 'response_text', OLD.response_text, 'reported_back_meeting_id', OLD.reported_back_meeting_id, 'closed_on', OLD.closed_on), json_object('id', NEW.id, 'resolution_id', NEW.resolution_id, 'from_body_id', NEW.from_body_id, 'to_body_id', NEW.to_body_id, 'to_external', NEW.to_external, 'purpose', NEW.purpose, 'sent_on', NEW.sent_on, 'response_due', NEW.response_due, 'status', NEW.status, 'target_meeting_id', NEW.target_meeting_id, 'target_minute_id', NEW.target_minute_id, 'outcome', NEW.outcome, 'response_text', NEW.response_text, 'reported_back_meeting_id', NEW.reported_back_meeting_id, 'closed_on', NEW.closed_on));
END;
CREATE TRIGGER referral_audit_delete AFTER DELETE ON referral
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'referral', OLD.id, coalesce((SELECT meeting_id FROM resolution WHERE id = OLD.resolution_id), ''), 'delete', json_object('id', OLD.id, 'resolution_id', OLD.resolution_id, 'from_body_id', OLD.from_body_id, 'to_body_id', OLD.to_body_id, 'to_external', OLD.to_external, 'purpose', OLD.purpose, 'sent_on', OLD.sent_on, 'response_due', OLD.response_due, 'status', OLD.status, 'target_meeting_id', OLD.target_meeting_id, 'target_minute_id', OLD.target_minute_id, 'outcome', OLD.outcome, 'response_text', OLD.response_text, 'reported_back_meeting_id', OLD.reported_back_meeting_id, 'closed_on', OLD.closed_on), NULL);
END;

-- Full-text search over item titles, minute headings and text, resolutions and reasons.
-- search_doc maps each indexed text to its source row; unicode61 with diacritics removed
-- lets "wyn" find "ŵyn".
CREATE TABLE search_doc (
    rowid      INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    ref_id     TEXT NOT NULL,
    meeting_id TEXT NOT NULL,
    UNIQUE (kind, ref_id)
);
CREATE INDEX search_doc_meeting ON search_doc(meeting_id);
CREATE VIRTUAL TABLE search_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER search_item_insert AFTER INSERT ON agenda_item
BEGIN
    INSERT INTO search_doc (kind, ref_id, meeting_id) VALUES ('item', NEW.id, NEW.meeting_id);
    INSERT INTO search_fts (rowid, text) VALUES ((SELECT rowid FROM search_doc WHERE kind = 'item' AND ref_id = NEW.id), NEW.title_en || ' ' || NEW.title_cy);
END;
CREATE TRIGGER search_item_update AFTER UPDATE OF title_en, title_cy ON agenda_item
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'item' AND ref_id = OLD.id);
    INSERT INTO search_fts (rowid, text) VALUES ((SELECT rowid FROM search_doc WHERE kind = 'item' AND ref_id = NEW.id), NEW.title_en || ' ' || NEW.title_cy);
END;
CREATE TRIGGER search_item_delete AFTER DELETE ON agenda_item
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'item' AND ref_id = OLD.id);
    DELETE FROM search_doc WHERE kind = 'item' AND ref_id = OLD.id;
END;

CREATE TRIGGER search_heading_insert AFTER INSERT ON minute
BEGIN
    INSERT INTO search_doc (kind, ref_id, meeting_id) VALUES ('heading', NEW.id, NEW.meeting_id);
    INSERT INTO search_fts (rowid, text) VALUES ((SELECT rowid FROM search_doc WHERE kind = 'heading' AND ref_id = NEW.id), NEW.heading);
END;
CREATE TRIGGER search_heading_update AFTER UPDATE OF heading ON minute
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'heading' AND ref_id = OLD.id);
    INSERT INTO search_fts (rowid, text) VALUES ((SELECT rowid FROM search_doc WHERE kind = 'heading' AND ref_id = NEW.id), NEW.heading);
END;
CREATE TRIGGER search_heading_delete AFTER DELETE ON minute
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'heading' AND ref_id = OLD.id);
    DELETE FROM search_doc WHERE kind = 'heading' AND ref_id = OLD.id;
END;

CREATE TRIGGER search_block_insert AFTER INSERT ON minute_block
BEGIN
    INSERT INTO search_doc (kind, ref_id, meeting_id) VALUES ('block', NEW.id, NEW.meeting_id);
    INSERT INTO search_fts (rowid, text) VALUES ((SELECT rowid FROM search_doc WHERE kind = 'block' AND ref_id = NEW.id), NEW.person_label || ' ' || NEW.capacity || ' ' || NEW.text || ' ' || NEW.answer_by || ' ' || NEW.answer);
END;
CREATE TRIGGER search_block_update AFTER UPDATE OF person_label, capacity, text, answer_by, answer ON minute_block
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'block' AND ref_id = OLD.id);
    INSERT INTO search_fts (rowid, text) VALUES ((SELECT rowid FROM search_doc WHERE kind = 'block' AND ref_id = NEW.id), NEW.person_label || ' ' || NEW.capacity || ' ' || NEW.text || ' ' || NEW.answer_by || ' ' || NEW.answer);
END;
CREATE TRIGGER search_block_delete AFTER DELETE ON minute_block
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'block' AND ref_id = OLD.id);
    DELETE FROM search_doc WHERE kind = 'block' AND ref_id = OLD.id;
END;

CREATE TRIGGER search_resolution_insert AFTER INSERT ON resolution
BEGIN
    INSERT INTO search_doc (kind, ref_id, meeting_id) VALUES ('resolution', NEW.id, NEW.meeting_id);
    INSERT INTO search_fts (rowid, text) VALUES ((SELECT rowid FROM search_doc WHERE kind = 'resolution' AND ref_id = NEW.id), NEW.text);
END;
CREATE TRIGGER search_resolution_update AFTER UPDATE OF text ON resolution
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'resolution' AND ref_id = OLD.id);
    INSERT INTO search_fts (rowid, text) VALUES ((SELECT rowid FROM search_doc WHERE kind = 'resolution' AND ref_id = NEW.id), NEW.text);
END;
CREATE TRIGGER search_resolution_delete AFTER DELETE ON resolution
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'resolution' AND ref_id = OLD.id);
    DELETE FROM search_doc WHERE kind = 'resolution' AND ref_id = OLD.id;
END;

CREATE TRIGGER search_reason_insert AFTER INSERT ON resolution
BEGIN
    INSERT INTO search_doc (kind, ref_id, meeting_id) VALUES ('reason', NEW.id, NEW.meeting_id);
    INSERT INTO search_fts (rowid, text) VALUES ((SELECT rowid FROM search_doc WHERE kind = 'reason' AND ref_id = NEW.id), NEW.reason);
END;
CREATE TRIGGER search_reason_update AFTER UPDATE OF reason ON resolution
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'reason' AND ref_id = OLD.id);
    INSERT INTO search_fts (rowid, text) VALUES ((SELECT rowid FROM search_doc WHERE kind = 'reason' AND ref_id = NEW.id), NEW.reason);
END;
CREATE TRIGGER search_reason_delete AFTER DELETE ON resolution
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT rowid FROM search_doc WHERE kind = 'reason' AND ref_id = OLD.id);
    DELETE FROM search_doc WHERE kind = 'reason' AND ref_id = OLD.id;
END;
