-- The notice of decisions (s.100C(1C) LGA 1972, as added by LGEWA 2021 Sch 4 para 8) and the
-- authority's own working days it is counted in (issue 16, rule R12, check 21).
--
-- authority_day: the authority's own days, besides weekends and the bank holidays of England
-- and Wales (computed, never stored): a weekday its offices are closed though it is not a bank
-- holiday ("closed", e.g. the days between Christmas and New Year), or a bank holiday they
-- are open ("open"). One row a day; a day is cleared and set again, never replaced. Not part
-- of any meeting's record: it only moves the dates notices are due.
--
-- decisions_notice: that a meeting's notice of decisions was published, and on which day. It
-- is published within seven working days of the meeting, long before its minutes are approved,
-- so it is not locked by signing; but it is a record of a publication: written once, never
-- changed, removed or replaced, and every one is audited.

CREATE TABLE authority_day (
    day  TEXT PRIMARY KEY CHECK (date(day) = day),
    kind TEXT NOT NULL CHECK (kind IN ('closed', 'open')),
    name TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 200)
) WITHOUT ROWID;

-- Saturdays and Sundays are never working days: neither closing nor opening one means anything.
CREATE TRIGGER authority_day_weekday BEFORE INSERT ON authority_day
WHEN strftime('%w', NEW.day) IN ('0', '6')
BEGIN
    SELECT RAISE(ABORT, 'a Saturday or Sunday is never a working day: only a weekday can be closed or opened');
END;
CREATE TRIGGER authority_day_weekday_update BEFORE UPDATE ON authority_day
WHEN strftime('%w', NEW.day) IN ('0', '6')
BEGIN
    SELECT RAISE(ABORT, 'a Saturday or Sunday is never a working day: only a weekday can be closed or opened');
END;
CREATE TRIGGER authority_day_no_replace BEFORE INSERT ON authority_day
WHEN EXISTS (SELECT 1 FROM authority_day WHERE day = NEW.day)
BEGIN
    SELECT RAISE(ABORT, 'this day is already one of the authority''s own days; clear it first');
END;

CREATE TABLE decisions_notice (
    meeting_id   TEXT PRIMARY KEY REFERENCES meeting(id),
    published_on TEXT NOT NULL CHECK (date(published_on) = published_on),
    recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

CREATE TRIGGER decisions_notice_after_meeting BEFORE INSERT ON decisions_notice
WHEN NEW.published_on < (SELECT date FROM meeting WHERE id = NEW.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'a notice of decisions is published after the meeting, not before it');
END;
CREATE TRIGGER decisions_notice_no_replace BEFORE INSERT ON decisions_notice
WHEN EXISTS (SELECT 1 FROM decisions_notice WHERE meeting_id = NEW.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'the notice of decisions of this meeting is already recorded as published; a publication is never replaced');
END;
CREATE TRIGGER decisions_notice_no_update BEFORE UPDATE ON decisions_notice
BEGIN
    SELECT RAISE(ABORT, 'a published notice of decisions is a record of what was published and cannot be changed');
END;
CREATE TRIGGER decisions_notice_no_delete BEFORE DELETE ON decisions_notice
BEGIN
    SELECT RAISE(ABORT, 'a published notice of decisions is a record of what was published and cannot be removed');
END;
CREATE TRIGGER decisions_notice_audit_insert AFTER INSERT ON decisions_notice
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'decisions_notice', NEW.meeting_id, NEW.meeting_id, 'insert', NULL,
            json_object('meeting_id', NEW.meeting_id, 'published_on', NEW.published_on));
END;
