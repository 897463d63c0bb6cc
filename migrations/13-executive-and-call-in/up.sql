-- Executive decisions and call-in (issue 16; R18, R20, s.21(3) LGA 2000).
--
-- authority.call_in_days / call_in_members: the constitution's call-in period in working days
-- (default 3, as Neath Port Talbot's "three day call-in period") and how many members must
-- sign a request (default 3).
--
-- executive_decision: a Cabinet limb's statement under SI 2001/2290 regs 6-7, keyed by the
-- limb: key decision, options considered and rejected, consultation, interests and
-- dispensations, when it was published (the day after the meeting by default) and the call-in
-- window's last day (computed by the library from the authority's calendar), or urgent with
-- the scrutiny chair's name and the date they agreed (then no window). It is part of the
-- Cabinet meeting's record: locked once the minutes are signed, audited once published. The
-- minutes of a Cabinet meeting are published only with each decision's reason, options
-- considered and consultation filled in ("None" is an answer, a blank is not).
--
-- decision_implementation: the day a decision was implemented. Not part of the minutes (it
-- happens after them), so signing does not lock it; it is recorded once, never changed or
-- removed, always audited, and refused while the call-in window is open or a call-in pending.
--
-- call_in / call_in_member: a request by members to call a decision in, its acceptance or
-- rejection by the scrutiny chair (or Monitoring Officer), the scrutiny meeting and item that
-- considers it, the scrutiny minute and its outcome, and Cabinet's (or Council's) minute that
-- reconsiders it. Always audited, against the Cabinet meeting.

ALTER TABLE authority ADD COLUMN call_in_days INTEGER NOT NULL DEFAULT 3 CHECK (call_in_days BETWEEN 1 AND 30);
ALTER TABLE authority ADD COLUMN call_in_members INTEGER NOT NULL DEFAULT 3 CHECK (call_in_members BETWEEN 1 AND 100);

CREATE TABLE executive_decision (
    resolution_id    TEXT PRIMARY KEY REFERENCES resolution(id) ON DELETE CASCADE,
    meeting_id       TEXT NOT NULL REFERENCES meeting(id),
    key_decision     INTEGER NOT NULL DEFAULT 0 CHECK (key_decision IN (0, 1)),
    options_rejected TEXT NOT NULL DEFAULT '',
    consultation     TEXT NOT NULL DEFAULT '',
    interests        TEXT NOT NULL DEFAULT '',
    published_on     TEXT NOT NULL CHECK (date(published_on) = published_on),
    call_in_ends     TEXT CHECK (call_in_ends IS NULL OR (date(call_in_ends) = call_in_ends AND call_in_ends > published_on)),
    urgent           INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
    urgent_agreed_by TEXT NOT NULL DEFAULT '',
    urgent_agreed_on TEXT CHECK (urgent_agreed_on IS NULL OR date(urgent_agreed_on) = urgent_agreed_on),
    CHECK (urgent = 0 OR (length(trim(urgent_agreed_by)) > 0 AND urgent_agreed_on IS NOT NULL)),
    CHECK ((urgent = 1) = (call_in_ends IS NULL))
);
CREATE INDEX executive_decision_meeting ON executive_decision(meeting_id);

-- Only a limb of a Cabinet meeting's minutes, of its own meeting, is an executive decision.
CREATE TRIGGER executive_decision_of_cabinet BEFORE INSERT ON executive_decision
WHEN (SELECT b.kind FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.id = NEW.meeting_id) IS NOT 'cabinet'
  OR (SELECT meeting_id FROM resolution WHERE id = NEW.resolution_id) IS NOT NEW.meeting_id
BEGIN
    SELECT RAISE(ABORT, 'only a resolution of a Cabinet meeting''s minutes is an executive decision');
END;
CREATE TRIGGER executive_decision_no_replace BEFORE INSERT ON executive_decision
WHEN EXISTS (SELECT 1 FROM executive_decision WHERE resolution_id = NEW.resolution_id)
BEGIN
    SELECT RAISE(ABORT, 'this executive decision is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER executive_decision_no_move BEFORE UPDATE OF meeting_id, resolution_id ON executive_decision
WHEN NEW.meeting_id IS NOT OLD.meeting_id OR NEW.resolution_id IS NOT OLD.resolution_id
BEGIN
    SELECT RAISE(ABORT, 'an executive decision stays with its resolution');
END;
-- A decision that has been called in keeps its window and its urgency.
CREATE TRIGGER executive_decision_called_in BEFORE UPDATE OF urgent, published_on, call_in_ends ON executive_decision
WHEN EXISTS (SELECT 1 FROM call_in WHERE resolution_id = OLD.resolution_id)
 AND (NEW.urgent IS NOT OLD.urgent OR NEW.published_on IS NOT OLD.published_on OR NEW.call_in_ends IS NOT OLD.call_in_ends)
BEGIN
    SELECT RAISE(ABORT, 'this decision has been called in: its publication date, call-in period and urgency can no longer change');
END;

CREATE TRIGGER executive_decision_signed_insert BEFORE INSERT ON executive_decision
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER executive_decision_signed_update BEFORE UPDATE ON executive_decision
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed' OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER executive_decision_signed_delete BEFORE DELETE ON executive_decision
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER executive_decision_audit_insert AFTER INSERT ON executive_decision
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'executive_decision', NEW.resolution_id, NEW.meeting_id, 'insert', NULL, json_object('resolution_id', NEW.resolution_id, 'meeting_id', NEW.meeting_id, 'key_decision', NEW.key_decision, 'options_rejected', NEW.options_rejected, 'consultation', NEW.consultation, 'interests', NEW.interests, 'published_on', NEW.published_on, 'call_in_ends', NEW.call_in_ends, 'urgent', NEW.urgent, 'urgent_agreed_by', NEW.urgent_agreed_by, 'urgent_agreed_on', NEW.urgent_agreed_on));
END;
CREATE TRIGGER executive_decision_audit_update AFTER UPDATE ON executive_decision
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'executive_decision', NEW.resolution_id, NEW.meeting_id, 'update', json_object('resolution_id', OLD.resolution_id, 'meeting_id', OLD.meeting_id, 'key_decision', OLD.key_decision, 'options_rejected', OLD.options_rejected, 'consultation', OLD.consultation, 'interests', OLD.interests, 'published_on', OLD.published_on, 'call_in_ends', OLD.call_in_ends, 'urgent', OLD.urgent, 'urgent_agreed_by', OLD.urgent_agreed_by, 'urgent_agreed_on', OLD.urgent_agreed_on), json_object('resolution_id', NEW.resolution_id, 'meeting_id', NEW.meeting_id, 'key_decision', NEW.key_decision, 'options_rejected', NEW.options_rejected, 'consultation', NEW.consultation, 'interests', NEW.interests, 'published_on', NEW.published_on, 'call_in_ends', NEW.call_in_ends, 'urgent', NEW.urgent, 'urgent_agreed_by', NEW.urgent_agreed_by, 'urgent_agreed_on', NEW.urgent_agreed_on));
END;
CREATE TRIGGER executive_decision_audit_delete AFTER DELETE ON executive_decision
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'executive_decision', OLD.resolution_id, OLD.meeting_id, 'delete', json_object('resolution_id', OLD.resolution_id, 'meeting_id', OLD.meeting_id, 'key_decision', OLD.key_decision, 'options_rejected', OLD.options_rejected, 'consultation', OLD.consultation, 'interests', OLD.interests, 'published_on', OLD.published_on, 'call_in_ends', OLD.call_in_ends, 'urgent', OLD.urgent, 'urgent_agreed_by', OLD.urgent_agreed_by, 'urgent_agreed_on', OLD.urgent_agreed_on), NULL);
END;

-- R18: Cabinet minutes are published only when each executive decision states its reason,
-- the options considered and the consultation undertaken ("None" counts, a blank does not).
CREATE TRIGGER executive_decision_complete_to_publish BEFORE UPDATE OF minutes_status ON meeting
WHEN NEW.minutes_status IS NOT OLD.minutes_status AND NEW.minutes_status IN ('draft_published', 'approved', 'signed')
 AND EXISTS (
    SELECT 1 FROM executive_decision e JOIN resolution r ON r.id = e.resolution_id
    WHERE e.meeting_id = NEW.id
      AND (length(trim(r.reason)) = 0 OR length(trim(e.options_rejected)) = 0 OR length(trim(e.consultation)) = 0))
BEGIN
    SELECT RAISE(ABORT, 'an executive decision must state its reason, the options considered and rejected, and the consultation undertaken (write "None" where there was none) before the minutes are published');
END;

-- The day a decision was implemented: after its call-in window, with no call-in pending.
CREATE TABLE decision_implementation (
    resolution_id  TEXT PRIMARY KEY REFERENCES executive_decision(resolution_id),
    meeting_id     TEXT NOT NULL REFERENCES meeting(id),
    implemented_on TEXT NOT NULL CHECK (date(implemented_on) = implemented_on)
);

CREATE TRIGGER decision_implementation_no_replace BEFORE INSERT ON decision_implementation
WHEN EXISTS (SELECT 1 FROM decision_implementation WHERE resolution_id = NEW.resolution_id)
BEGIN
    SELECT RAISE(ABORT, 'this decision is already recorded as implemented; a recorded row is changed, never replaced');
END;
CREATE TRIGGER decision_implementation_same_meeting BEFORE INSERT ON decision_implementation
WHEN (SELECT meeting_id FROM executive_decision WHERE resolution_id = NEW.resolution_id) IS NOT NEW.meeting_id
BEGIN
    SELECT RAISE(ABORT, 'an implementation belongs to the meeting that took the decision');
END;
CREATE TRIGGER decision_implementation_after_window BEFORE INSERT ON decision_implementation
WHEN EXISTS (SELECT 1 FROM executive_decision e WHERE e.resolution_id = NEW.resolution_id
             AND e.urgent = 0 AND NEW.implemented_on <= e.call_in_ends)
BEGIN
    SELECT RAISE(ABORT, 'the decision cannot be implemented until its call-in period has ended');
END;
CREATE TRIGGER decision_implementation_not_before_meeting BEFORE INSERT ON decision_implementation
WHEN NEW.implemented_on < (SELECT date FROM meeting WHERE id = NEW.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'a decision cannot be implemented before the meeting that took it');
END;
CREATE TRIGGER decision_implementation_call_in_pending BEFORE INSERT ON decision_implementation
WHEN EXISTS (SELECT 1 FROM call_in c WHERE c.resolution_id = NEW.resolution_id
             AND (c.status IN ('requested', 'accepted')
               OR (c.status = 'considered' AND c.outcome <> 'no_further_action' AND c.reconsidered_minute_id IS NULL)))
BEGIN
    SELECT RAISE(ABORT, 'the decision cannot be implemented while a call-in is pending');
END;
CREATE TRIGGER decision_implementation_no_update BEFORE UPDATE ON decision_implementation
BEGIN
    SELECT RAISE(ABORT, 'an implementation is recorded once and not changed');
END;
CREATE TRIGGER decision_implementation_no_delete BEFORE DELETE ON decision_implementation
BEGIN
    SELECT RAISE(ABORT, 'an implementation is recorded once and not removed');
END;
CREATE TRIGGER decision_implementation_audit AFTER INSERT ON decision_implementation
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'decision_implementation', NEW.resolution_id, NEW.meeting_id, 'insert', NULL,
            json_object('resolution_id', NEW.resolution_id, 'implemented_on', NEW.implemented_on));
END;

CREATE TABLE call_in (
    id                     TEXT PRIMARY KEY,
    resolution_id          TEXT NOT NULL REFERENCES executive_decision(resolution_id),
    meeting_id             TEXT NOT NULL REFERENCES meeting(id),
    requested_on           TEXT NOT NULL CHECK (date(requested_on) = requested_on),
    grounds                TEXT NOT NULL CHECK (length(trim(grounds)) > 0),
    status                 TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'accepted', 'rejected', 'considered')),
    decided_by             TEXT NOT NULL DEFAULT '',
    decided_on             TEXT CHECK (decided_on IS NULL OR date(decided_on) = decided_on),
    rejection_reason       TEXT NOT NULL DEFAULT '',
    scrutiny_meeting_id    TEXT REFERENCES meeting(id),
    agenda_item_id         TEXT REFERENCES agenda_item(id),
    scrutiny_minute_id     TEXT REFERENCES minute(id),
    outcome                TEXT CHECK (outcome IS NULL OR outcome IN ('no_further_action', 'referred_back', 'referred_to_council')),
    concerns               TEXT NOT NULL DEFAULT '',
    referral_id            TEXT REFERENCES referral(id),
    reconsidered_minute_id TEXT REFERENCES minute(id),
    CHECK (status = 'requested' OR (length(trim(decided_by)) > 0 AND decided_on IS NOT NULL)),
    CHECK (status NOT IN ('accepted', 'considered') OR (scrutiny_meeting_id IS NOT NULL AND agenda_item_id IS NOT NULL)),
    CHECK ((status = 'considered') = (outcome IS NOT NULL)),
    CHECK (outcome IS NULL OR scrutiny_minute_id IS NOT NULL),
    CHECK (reconsidered_minute_id IS NULL OR outcome IN ('referred_back', 'referred_to_council'))
);
CREATE INDEX call_in_resolution ON call_in(resolution_id);
CREATE INDEX call_in_scrutiny_minute ON call_in(scrutiny_minute_id);

CREATE TABLE call_in_member (
    call_in_id TEXT NOT NULL REFERENCES call_in(id),
    person_id  TEXT NOT NULL REFERENCES person(id),
    PRIMARY KEY (call_in_id, person_id)
) WITHOUT ROWID;

-- A call-in is requested within the window of a decision that is not urgent.
CREATE TRIGGER call_in_not_urgent BEFORE INSERT ON call_in
WHEN (SELECT urgent FROM executive_decision WHERE resolution_id = NEW.resolution_id) IS NOT 0
BEGIN
    SELECT RAISE(ABORT, 'an urgent decision, agreed by the scrutiny chair for immediate implementation, cannot be called in');
END;
CREATE TRIGGER call_in_within_window BEFORE INSERT ON call_in
WHEN EXISTS (SELECT 1 FROM executive_decision e WHERE e.resolution_id = NEW.resolution_id
             AND (NEW.requested_on > e.call_in_ends OR NEW.requested_on < e.published_on))
BEGIN
    SELECT RAISE(ABORT, 'a call-in must be requested within the call-in period after the decision was published');
END;
CREATE TRIGGER call_in_not_implemented BEFORE INSERT ON call_in
WHEN EXISTS (SELECT 1 FROM decision_implementation WHERE resolution_id = NEW.resolution_id)
BEGIN
    SELECT RAISE(ABORT, 'a decision already implemented cannot be called in');
END;
CREATE TRIGGER call_in_same_meeting BEFORE INSERT ON call_in
WHEN (SELECT meeting_id FROM executive_decision WHERE resolution_id = NEW.resolution_id) IS NOT NEW.meeting_id
BEGIN
    SELECT RAISE(ABORT, 'a call-in belongs to the meeting that took the decision');
END;
CREATE TRIGGER call_in_new_is_requested BEFORE INSERT ON call_in
WHEN NEW.status <> 'requested'
BEGIN
    SELECT RAISE(ABORT, 'a new call-in starts as requested');
END;
CREATE TRIGGER call_in_no_replace BEFORE INSERT ON call_in
WHEN EXISTS (SELECT 1 FROM call_in WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'this call-in is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER call_in_no_move BEFORE UPDATE OF resolution_id, meeting_id, requested_on ON call_in
WHEN NEW.resolution_id IS NOT OLD.resolution_id OR NEW.meeting_id IS NOT OLD.meeting_id OR NEW.requested_on IS NOT OLD.requested_on
BEGIN
    SELECT RAISE(ABORT, 'a call-in keeps its decision and the date it was requested');
END;
CREATE TRIGGER call_in_lifecycle BEFORE UPDATE OF status ON call_in
WHEN NEW.status <> OLD.status AND NOT (
       (OLD.status = 'requested' AND NEW.status IN ('accepted', 'rejected'))
    OR (OLD.status = 'accepted' AND NEW.status = 'considered'))
BEGIN
    SELECT RAISE(ABORT, 'a call-in can only move requested -> accepted or rejected, then accepted -> considered');
END;
-- Accepted only with as many requesting members as the constitution needs.
CREATE TRIGGER call_in_enough_members BEFORE UPDATE OF status ON call_in
WHEN NEW.status = 'accepted' AND OLD.status = 'requested'
 AND (SELECT count(*) FROM call_in_member WHERE call_in_id = NEW.id) < (SELECT call_in_members FROM authority WHERE singleton = 1)
BEGIN
    SELECT RAISE(ABORT, 'fewer members requested this call-in than the constitution needs');
END;
-- The item that takes it up is on the scrutiny meeting's agenda, and the minute is that meeting's.
CREATE TRIGGER call_in_item_of_meeting BEFORE UPDATE OF agenda_item_id, scrutiny_meeting_id, scrutiny_minute_id ON call_in
WHEN (NEW.agenda_item_id IS NOT NULL AND (SELECT meeting_id FROM agenda_item WHERE id = NEW.agenda_item_id) IS NOT NEW.scrutiny_meeting_id)
  OR (NEW.scrutiny_minute_id IS NOT NULL AND (SELECT meeting_id FROM minute WHERE id = NEW.scrutiny_minute_id) IS NOT NEW.scrutiny_meeting_id)
  OR (NEW.scrutiny_meeting_id IS NOT NULL AND (SELECT b.kind FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.id = NEW.scrutiny_meeting_id) IS NOT 'scrutiny')
BEGIN
    SELECT RAISE(ABORT, 'a call-in is considered at a scrutiny committee''s meeting, on an item and in a minute of that meeting');
END;
-- Once the scrutiny minutes are signed, the outcome they record stays as signed.
CREATE TRIGGER call_in_outcome_signed BEFORE UPDATE OF outcome, concerns, scrutiny_minute_id, scrutiny_meeting_id, agenda_item_id ON call_in
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.scrutiny_meeting_id) = 'signed'
 AND (NEW.outcome IS NOT OLD.outcome OR NEW.concerns IS NOT OLD.concerns OR NEW.scrutiny_minute_id IS NOT OLD.scrutiny_minute_id
      OR NEW.scrutiny_meeting_id IS NOT OLD.scrutiny_meeting_id OR NEW.agenda_item_id IS NOT OLD.agenda_item_id)
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER call_in_no_delete BEFORE DELETE ON call_in
BEGIN
    SELECT RAISE(ABORT, 'a call-in is part of the record and cannot be deleted');
END;

-- Requesters are elected members of the council.
CREATE TRIGGER call_in_member_is_member BEFORE INSERT ON call_in_member
WHEN (SELECT kind FROM person WHERE id = NEW.person_id) IS NOT 'member'
BEGIN
    SELECT RAISE(ABORT, 'only a member of the council can request a call-in');
END;
CREATE TRIGGER call_in_member_no_replace BEFORE INSERT ON call_in_member
WHEN EXISTS (SELECT 1 FROM call_in_member WHERE call_in_id = NEW.call_in_id AND person_id = NEW.person_id)
BEGIN
    SELECT RAISE(ABORT, 'this member already requested this call-in');
END;
CREATE TRIGGER call_in_member_while_requested BEFORE INSERT ON call_in_member
WHEN (SELECT status FROM call_in WHERE id = NEW.call_in_id) IS NOT 'requested'
BEGIN
    SELECT RAISE(ABORT, 'members join a call-in only while it is requested');
END;
CREATE TRIGGER call_in_member_no_update BEFORE UPDATE ON call_in_member
BEGIN
    SELECT RAISE(ABORT, 'the members who requested a call-in are part of the record');
END;
CREATE TRIGGER call_in_member_no_delete BEFORE DELETE ON call_in_member
BEGIN
    SELECT RAISE(ABORT, 'the members who requested a call-in are part of the record');
END;

CREATE TRIGGER call_in_audit_insert AFTER INSERT ON call_in
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'call_in', NEW.id, NEW.meeting_id, 'insert', NULL,
            json_object('resolution_id', NEW.resolution_id, 'requested_on', NEW.requested_on, 'grounds', NEW.grounds, 'status', NEW.status));
END;
CREATE TRIGGER call_in_audit_update AFTER UPDATE ON call_in
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'call_in', NEW.id, NEW.meeting_id, 'update',
            json_object('status', OLD.status, 'decided_by', OLD.decided_by, 'decided_on', OLD.decided_on, 'rejection_reason', OLD.rejection_reason, 'scrutiny_meeting_id', OLD.scrutiny_meeting_id, 'agenda_item_id', OLD.agenda_item_id, 'scrutiny_minute_id', OLD.scrutiny_minute_id, 'outcome', OLD.outcome, 'concerns', OLD.concerns, 'referral_id', OLD.referral_id, 'reconsidered_minute_id', OLD.reconsidered_minute_id),
            json_object('status', NEW.status, 'decided_by', NEW.decided_by, 'decided_on', NEW.decided_on, 'rejection_reason', NEW.rejection_reason, 'scrutiny_meeting_id', NEW.scrutiny_meeting_id, 'agenda_item_id', NEW.agenda_item_id, 'scrutiny_minute_id', NEW.scrutiny_minute_id, 'outcome', NEW.outcome, 'concerns', NEW.concerns, 'referral_id', NEW.referral_id, 'reconsidered_minute_id', NEW.reconsidered_minute_id));
END;
CREATE TRIGGER call_in_member_audit AFTER INSERT ON call_in_member
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'call_in_member', NEW.call_in_id || '/' || NEW.person_id,
            (SELECT meeting_id FROM call_in WHERE id = NEW.call_in_id), 'insert', NULL,
            json_object('call_in_id', NEW.call_in_id, 'person_id', NEW.person_id));
END;
