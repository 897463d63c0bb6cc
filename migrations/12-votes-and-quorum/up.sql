-- Votes, dispensations and quorum (issue 16).
--
--   * vote: how a limb was decided (unanimous, show of hands with its counts, or a recorded
--     vote asked for by a member present), with the chair's casting vote on a tie.
--     vote_member: the names of a recorded vote. Only members entitled to vote (members and
--     voting co-optees, attending or substituting) who were present for the item vote; a
--     member who declared a prejudicial interest in the item votes only under a dispensation
--     to speak and vote in force on the meeting's date.
--   * dispensation: what the Standards Committee granted on a declaration (the declaration
--     table is part of signed minutes and keeps its columns).
--   * quorum_note: the clerk's minuted note that lets a limb be added to the minute of an
--     item at which the meeting was inquorate.
--   * minute_voter: who was present and entitled to vote at each minute's item: attending
--     for the whole meeting or (attendance_item) for that item, not before the item they
--     arrived at nor after the item they left at, and not having withdrawn for an interest.
-- Like every part of a meeting's record, the rows are locked once its minutes are signed,
-- audited once the draft is published, and never replaced.

CREATE VIEW minute_voter AS
SELECT n.id AS minute_id, n.meeting_id AS meeting_id, a.person_id AS person_id
FROM minute n
JOIN attendance a ON a.meeting_id = n.meeting_id AND a.status IN ('present', 'substitute')
JOIN person p ON p.id = a.person_id AND p.kind IN ('member', 'co_opted_voting')
LEFT JOIN agenda_item i ON i.id = n.agenda_item_id
WHERE (NOT EXISTS (SELECT 1 FROM attendance_item x WHERE x.attendance_id = a.id)
       OR EXISTS (SELECT 1 FROM attendance_item x WHERE x.attendance_id = a.id AND x.agenda_item_id = i.id))
  AND (a.arrived_at_item IS NULL OR i.id IS NULL
       OR (SELECT position FROM agenda_item WHERE id = a.arrived_at_item) <= i.position)
  AND (a.left_at_item IS NULL OR i.id IS NULL
       OR (SELECT position FROM agenda_item WHERE id = a.left_at_item) >= i.position)
  AND NOT EXISTS (SELECT 1 FROM declaration d
                  WHERE d.meeting_id = n.meeting_id AND d.person_id = a.person_id
                    AND d.agenda_item_id = i.id AND d.action IN ('withdrew', 'spoke_then_withdrew'));

-- How an item is named in a refusal: "item 4 (Budget monitoring)", or the minute's heading.
CREATE VIEW minute_item_name AS
SELECT n.id AS minute_id,
       coalesce('item ' || i.position || ' (' || i.title_en || ')', 'minute ' || n.number || ' (' || n.heading || ')') AS name
FROM minute n LEFT JOIN agenda_item i ON i.id = n.agenda_item_id;

CREATE TABLE vote (
    resolution_id TEXT PRIMARY KEY REFERENCES resolution(id) ON DELETE CASCADE,
    meeting_id    TEXT NOT NULL REFERENCES meeting(id),
    method        TEXT NOT NULL CHECK (method IN ('unanimous', 'show_of_hands', 'recorded')),
    votes_for     INTEGER NOT NULL DEFAULT 0 CHECK (votes_for >= 0),
    votes_against INTEGER NOT NULL DEFAULT 0 CHECK (votes_against >= 0),
    abstentions   INTEGER NOT NULL DEFAULT 0 CHECK (abstentions >= 0),
    casting       TEXT CHECK (casting IS NULL OR casting IN ('for', 'against')),
    casting_by    TEXT REFERENCES person(id),
    requested_by  TEXT REFERENCES person(id),
    CHECK ((casting IS NULL) = (casting_by IS NULL)),
    CHECK ((method = 'recorded') = (requested_by IS NOT NULL))
);

CREATE TABLE vote_member (
    resolution_id TEXT NOT NULL REFERENCES vote(resolution_id) ON DELETE CASCADE,
    meeting_id    TEXT NOT NULL REFERENCES meeting(id),
    person_id     TEXT NOT NULL REFERENCES person(id),
    choice        TEXT NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
    PRIMARY KEY (resolution_id, person_id)
) WITHOUT ROWID;

CREATE TABLE dispensation (
    id             TEXT PRIMARY KEY,
    declaration_id TEXT NOT NULL UNIQUE REFERENCES declaration(id) ON DELETE CASCADE,
    meeting_id     TEXT NOT NULL REFERENCES meeting(id),
    reference      TEXT NOT NULL DEFAULT '' CHECK (length(reference) <= 100),
    scope          TEXT NOT NULL CHECK (scope IN ('speak_only', 'speak_and_vote')),
    granted_by     TEXT NOT NULL CHECK (length(trim(granted_by)) BETWEEN 1 AND 200),
    granted_on     TEXT NOT NULL CHECK (date(granted_on) = granted_on),
    expires_on     TEXT CHECK (expires_on IS NULL OR (date(expires_on) = expires_on AND expires_on >= granted_on))
);

CREATE TABLE quorum_note (
    minute_id  TEXT PRIMARY KEY REFERENCES minute(id) ON DELETE CASCADE,
    meeting_id TEXT NOT NULL REFERENCES meeting(id),
    note       TEXT NOT NULL CHECK (length(trim(note)) BETWEEN 1 AND 2000)
);

-- 1. Each row belongs to the meeting of what it hangs from.
CREATE TRIGGER vote_same_meeting BEFORE INSERT ON vote
WHEN NEW.meeting_id IS NOT (SELECT meeting_id FROM resolution WHERE id = NEW.resolution_id)
BEGIN
    SELECT RAISE(ABORT, 'a vote belongs to the meeting of its resolution');
END;
CREATE TRIGGER vote_member_same_meeting BEFORE INSERT ON vote_member
WHEN NEW.meeting_id IS NOT (SELECT meeting_id FROM vote WHERE resolution_id = NEW.resolution_id)
BEGIN
    SELECT RAISE(ABORT, 'a recorded vote''s names belong to the meeting of its resolution');
END;
CREATE TRIGGER dispensation_same_meeting BEFORE INSERT ON dispensation
WHEN NEW.meeting_id IS NOT (SELECT meeting_id FROM declaration WHERE id = NEW.declaration_id)
BEGIN
    SELECT RAISE(ABORT, 'a dispensation belongs to the meeting of its declaration');
END;
CREATE TRIGGER quorum_note_same_meeting BEFORE INSERT ON quorum_note
WHEN NEW.meeting_id IS NOT (SELECT meeting_id FROM minute WHERE id = NEW.minute_id)
BEGIN
    SELECT RAISE(ABORT, 'a note on the quorum belongs to the meeting of its minute');
END;
CREATE TRIGGER vote_no_move BEFORE UPDATE OF resolution_id, meeting_id ON vote
WHEN NEW.resolution_id IS NOT OLD.resolution_id OR NEW.meeting_id IS NOT OLD.meeting_id
BEGIN
    SELECT RAISE(ABORT, 'a vote stays with its resolution');
END;
CREATE TRIGGER vote_member_no_update BEFORE UPDATE ON vote_member
BEGIN
    SELECT RAISE(ABORT, 'the names of a recorded vote are replaced, not changed');
END;
CREATE TRIGGER dispensation_no_move BEFORE UPDATE OF declaration_id, meeting_id ON dispensation
WHEN NEW.declaration_id IS NOT OLD.declaration_id OR NEW.meeting_id IS NOT OLD.meeting_id
BEGIN
    SELECT RAISE(ABORT, 'a dispensation stays with its declaration');
END;
CREATE TRIGGER quorum_note_no_move BEFORE UPDATE OF minute_id, meeting_id ON quorum_note
WHEN NEW.minute_id IS NOT OLD.minute_id OR NEW.meeting_id IS NOT OLD.meeting_id
BEGIN
    SELECT RAISE(ABORT, 'a note on the quorum stays with its minute');
END;

-- 2. The rules of a vote.
-- "Unanimous" has no votes against.
CREATE TRIGGER vote_unanimous_insert BEFORE INSERT ON vote
WHEN NEW.method = 'unanimous' AND NEW.votes_against > 0
BEGIN
    SELECT RAISE(ABORT, 'a unanimous vote has no votes against');
END;
CREATE TRIGGER vote_unanimous_update BEFORE UPDATE ON vote
WHEN NEW.method = 'unanimous' AND NEW.votes_against > 0
BEGIN
    SELECT RAISE(ABORT, 'a unanimous vote has no votes against');
END;
-- No more votes than members present and entitled to vote at the item.
CREATE TRIGGER vote_not_more_than_present_insert BEFORE INSERT ON vote
WHEN NEW.votes_for + NEW.votes_against + NEW.abstentions
     > (SELECT count(*) FROM minute_voter WHERE minute_id = (SELECT minute_id FROM resolution WHERE id = NEW.resolution_id))
BEGIN
    SELECT RAISE(ABORT, 'more votes were recorded than members entitled to vote were present for the item');
END;
CREATE TRIGGER vote_not_more_than_present_update BEFORE UPDATE ON vote
WHEN NEW.votes_for + NEW.votes_against + NEW.abstentions
     > (SELECT count(*) FROM minute_voter WHERE minute_id = (SELECT minute_id FROM resolution WHERE id = NEW.resolution_id))
BEGIN
    SELECT RAISE(ABORT, 'more votes were recorded than members entitled to vote were present for the item');
END;
-- A casting vote only on a tie, by whoever presided.
CREATE TRIGGER vote_casting_tie_insert BEFORE INSERT ON vote
WHEN NEW.casting IS NOT NULL AND NEW.votes_for <> NEW.votes_against
BEGIN
    SELECT RAISE(ABORT, 'a casting vote is used only when the votes are equal');
END;
CREATE TRIGGER vote_casting_tie_update BEFORE UPDATE ON vote
WHEN NEW.casting IS NOT NULL AND NEW.votes_for <> NEW.votes_against
BEGIN
    SELECT RAISE(ABORT, 'a casting vote is used only when the votes are equal');
END;
-- Who presided: whoever was in the chair, else the chair attending, else the body's chair
-- (by membership on the meeting's date) if attending.
CREATE VIEW meeting_presiding AS
SELECT g.id AS meeting_id, coalesce(
    (SELECT person_id FROM attendance WHERE meeting_id = g.id AND capacity = 'in_the_chair' AND status IN ('present', 'substitute') ORDER BY person_id LIMIT 1),
    (SELECT person_id FROM attendance WHERE meeting_id = g.id AND capacity = 'chair' AND status IN ('present', 'substitute') ORDER BY person_id LIMIT 1),
    (SELECT ms.person_id FROM membership ms JOIN attendance a ON a.person_id = ms.person_id AND a.meeting_id = g.id AND a.status IN ('present', 'substitute')
     WHERE ms.body_id = g.body_id AND ms.role = 'chair' AND ms.from_date <= g.date AND (ms.to_date IS NULL OR ms.to_date >= g.date)
     ORDER BY ms.person_id LIMIT 1)) AS person_id
FROM meeting g;
CREATE TRIGGER vote_casting_presiding_insert BEFORE INSERT ON vote
WHEN NEW.casting_by IS NOT NULL
 AND NEW.casting_by IS NOT (SELECT person_id FROM meeting_presiding WHERE meeting_id = NEW.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'only whoever presided at the meeting can give the casting vote');
END;
CREATE TRIGGER vote_casting_presiding_update BEFORE UPDATE ON vote
WHEN NEW.casting_by IS NOT NULL
 AND NEW.casting_by IS NOT (SELECT person_id FROM meeting_presiding WHERE meeting_id = NEW.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'only whoever presided at the meeting can give the casting vote');
END;
-- A recorded vote is asked for by a member present for the item.
CREATE TRIGGER vote_requested_present BEFORE INSERT ON vote
WHEN NEW.requested_by IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM minute_voter WHERE person_id = NEW.requested_by
       AND minute_id = (SELECT minute_id FROM resolution WHERE id = NEW.resolution_id))
BEGIN
    SELECT RAISE(ABORT, 'a recorded vote is asked for by a member present for the item');
END;
-- The counts of a recorded vote stay at least the names given for each.
CREATE TRIGGER vote_counts_cover_names BEFORE UPDATE ON vote
WHEN (SELECT count(*) FROM vote_member WHERE resolution_id = NEW.resolution_id AND choice = 'for') > NEW.votes_for
  OR (SELECT count(*) FROM vote_member WHERE resolution_id = NEW.resolution_id AND choice = 'against') > NEW.votes_against
  OR (SELECT count(*) FROM vote_member WHERE resolution_id = NEW.resolution_id AND choice = 'abstain') > NEW.abstentions
BEGIN
    SELECT RAISE(ABORT, 'the counts of a recorded vote must match its names');
END;

-- 3. Who may be named in a recorded vote.
CREATE TRIGGER vote_member_recorded_only BEFORE INSERT ON vote_member
WHEN (SELECT method FROM vote WHERE resolution_id = NEW.resolution_id) IS NOT 'recorded'
BEGIN
    SELECT RAISE(ABORT, 'names are given only for a recorded vote');
END;
CREATE TRIGGER vote_member_entitled BEFORE INSERT ON vote_member
WHEN (SELECT kind FROM person WHERE id = NEW.person_id) NOT IN ('member', 'co_opted_voting')
BEGIN
    SELECT RAISE(ABORT, 'only members and voting co-opted members can vote: a non-voting co-opted member, an officer or anyone else cannot');
END;
CREATE TRIGGER vote_member_present BEFORE INSERT ON vote_member
WHEN (SELECT kind FROM person WHERE id = NEW.person_id) IN ('member', 'co_opted_voting')
 AND NOT EXISTS (SELECT 1 FROM minute_voter WHERE person_id = NEW.person_id
                 AND minute_id = (SELECT minute_id FROM resolution WHERE id = NEW.resolution_id))
BEGIN
    SELECT RAISE(ABORT, 'a member who was not present for the item cannot vote on it');
END;
CREATE TRIGGER vote_member_prejudicial BEFORE INSERT ON vote_member
WHEN EXISTS (
    SELECT 1 FROM declaration d
    JOIN resolution r ON r.id = NEW.resolution_id
    JOIN minute n ON n.id = r.minute_id
    WHERE d.meeting_id = r.meeting_id AND d.person_id = NEW.person_id AND d.kind = 'prejudicial'
      AND d.agenda_item_id IS n.agenda_item_id AND d.agenda_item_id IS NOT NULL
      AND NOT EXISTS (
          SELECT 1 FROM dispensation s JOIN meeting g ON g.id = s.meeting_id
          WHERE s.declaration_id = d.id AND s.scope = 'speak_and_vote'
            AND s.granted_on <= g.date AND (s.expires_on IS NULL OR s.expires_on >= g.date)))
BEGIN
    SELECT RAISE(ABORT, 'a member who declared a prejudicial interest in the item cannot vote on it without a dispensation to vote in force on the meeting''s date');
END;
CREATE TRIGGER vote_member_within_count BEFORE INSERT ON vote_member
WHEN (SELECT count(*) FROM vote_member WHERE resolution_id = NEW.resolution_id AND choice = NEW.choice)
     >= (SELECT CASE NEW.choice WHEN 'for' THEN votes_for WHEN 'against' THEN votes_against ELSE abstentions END
         FROM vote WHERE resolution_id = NEW.resolution_id)
BEGIN
    SELECT RAISE(ABORT, 'the counts of a recorded vote must match its names');
END;
-- Minutes are published only with each recorded vote's names matching its counts.
CREATE TRIGGER meeting_publish_recorded_votes BEFORE UPDATE OF minutes_status ON meeting
WHEN NEW.minutes_status IS NOT OLD.minutes_status AND NEW.minutes_status IN ('draft_published', 'approved', 'signed')
 AND EXISTS (SELECT 1 FROM vote v WHERE v.meeting_id = NEW.id AND v.method = 'recorded'
             AND v.votes_for + v.votes_against + v.abstentions
                 <> (SELECT count(*) FROM vote_member m WHERE m.resolution_id = v.resolution_id))
BEGIN
    SELECT RAISE(ABORT, 'a recorded vote in these minutes names fewer members than its counts, so they cannot be published, approved or signed');
END;

-- 4. A dispensation is granted before the meeting it is used at.
CREATE TRIGGER dispensation_granted_before BEFORE INSERT ON dispensation
WHEN NEW.granted_on > (SELECT date FROM meeting WHERE id = NEW.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'a dispensation must have been granted on or before the date of the meeting');
END;

CREATE TRIGGER dispensation_granted_before_update BEFORE UPDATE ON dispensation
WHEN NEW.granted_on > (SELECT date FROM meeting WHERE id = NEW.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'a dispensation must have been granted on or before the date of the meeting');
END;

-- 4b. A member's recorded vote stands on their dispensation: while it stands, the dispensation
-- is not removed nor narrowed so that it no longer allows voting, and a prejudicial interest
-- is not declared after the vote on the item (record the declaration first).
CREATE VIEW dispensation_vote AS
SELECT s.id AS dispensation_id, d.id AS declaration_id, d.person_id, d.agenda_item_id, v.resolution_id
FROM dispensation s
JOIN declaration d ON d.id = s.declaration_id
JOIN minute n ON n.meeting_id = d.meeting_id AND n.agenda_item_id = d.agenda_item_id
JOIN resolution r ON r.minute_id = n.id
JOIN vote_member v ON v.resolution_id = r.id AND v.person_id = d.person_id;
CREATE TRIGGER dispensation_in_use_delete BEFORE DELETE ON dispensation
WHEN EXISTS (SELECT 1 FROM dispensation_vote WHERE dispensation_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'a member voted on the item under this dispensation: remove or change their vote before the dispensation');
END;
CREATE TRIGGER dispensation_in_use_update BEFORE UPDATE ON dispensation
WHEN EXISTS (SELECT 1 FROM dispensation_vote WHERE dispensation_id = OLD.id)
 AND NOT (NEW.scope = 'speak_and_vote'
          AND NEW.granted_on <= (SELECT date FROM meeting WHERE id = NEW.meeting_id)
          AND (NEW.expires_on IS NULL OR NEW.expires_on >= (SELECT date FROM meeting WHERE id = NEW.meeting_id)))
BEGIN
    SELECT RAISE(ABORT, 'a member voted on the item under this dispensation: it must still allow voting on the meeting''s date, or their vote be removed first');
END;
CREATE TRIGGER declaration_in_use_delete BEFORE DELETE ON declaration
WHEN EXISTS (SELECT 1 FROM dispensation_vote WHERE declaration_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'a member voted on the item under this declaration''s dispensation: remove their vote before the declaration');
END;
CREATE TRIGGER declaration_after_vote BEFORE INSERT ON declaration
WHEN NEW.kind = 'prejudicial' AND NEW.agenda_item_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM minute n JOIN resolution r ON r.minute_id = n.id
    JOIN vote_member v ON v.resolution_id = r.id
    WHERE n.meeting_id = NEW.meeting_id AND n.agenda_item_id = NEW.agenda_item_id AND v.person_id = NEW.person_id)
BEGIN
    SELECT RAISE(ABORT, 'a member recorded as voting on the item cannot then declare a prejudicial interest in it: remove their vote first, then record the dispensation that allows them to vote');
END;

-- 5. A new limb at an item where the meeting was inquorate needs the clerk's minuted note
-- (once attendance is recorded).
CREATE TRIGGER resolution_quorum BEFORE INSERT ON resolution
WHEN NEW.approves_meeting_id IS NULL
 AND EXISTS (SELECT 1 FROM attendance WHERE meeting_id = NEW.meeting_id AND status IN ('present', 'substitute'))
 AND (SELECT count(*) FROM minute_voter WHERE minute_id = NEW.minute_id)
     < (SELECT b.quorum FROM meeting g JOIN body b ON b.id = g.body_id WHERE g.id = NEW.meeting_id)
 AND NOT EXISTS (SELECT 1 FROM quorum_note WHERE minute_id = NEW.minute_id)
BEGIN
    SELECT RAISE(ABORT, 'the meeting was inquorate at this item: record a minuted note on the quorum before adding a resolution');
END;

-- 6. No row is replaced.
CREATE TRIGGER vote_no_replace BEFORE INSERT ON vote
WHEN EXISTS (SELECT 1 FROM vote WHERE resolution_id = NEW.resolution_id)
BEGIN
    SELECT RAISE(ABORT, 'this vote is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER vote_member_no_replace BEFORE INSERT ON vote_member
WHEN EXISTS (SELECT 1 FROM vote_member WHERE resolution_id = NEW.resolution_id AND person_id = NEW.person_id)
BEGIN
    SELECT RAISE(ABORT, 'this member''s vote is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER dispensation_no_replace BEFORE INSERT ON dispensation
WHEN EXISTS (SELECT 1 FROM dispensation WHERE id = NEW.id OR declaration_id = NEW.declaration_id)
BEGIN
    SELECT RAISE(ABORT, 'this dispensation is already recorded; a recorded row is changed, never replaced');
END;
CREATE TRIGGER quorum_note_no_replace BEFORE INSERT ON quorum_note
WHEN EXISTS (SELECT 1 FROM quorum_note WHERE minute_id = NEW.minute_id)
BEGIN
    SELECT RAISE(ABORT, 'this note on the quorum is already recorded; a recorded row is changed, never replaced');
END;

-- 7. Locked once signed; audited once the draft is published.
CREATE TRIGGER vote_signed_insert BEFORE INSERT ON vote
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER vote_signed_update BEFORE UPDATE ON vote
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed' OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER vote_signed_delete BEFORE DELETE ON vote
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER vote_audit_insert AFTER INSERT ON vote
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'vote', NEW.resolution_id, NEW.meeting_id, 'insert', NULL, json_object('resolution_id', NEW.resolution_id, 'meeting_id', NEW.meeting_id, 'method', NEW.method, 'votes_for', NEW.votes_for, 'votes_against', NEW.votes_against, 'abstentions', NEW.abstentions, 'casting', NEW.casting, 'casting_by', NEW.casting_by, 'requested_by', NEW.requested_by));
END;
CREATE TRIGGER vote_audit_update AFTER UPDATE ON vote
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'vote', NEW.resolution_id, NEW.meeting_id, 'update', json_object('resolution_id', OLD.resolution_id, 'meeting_id', OLD.meeting_id, 'method', OLD.method, 'votes_for', OLD.votes_for, 'votes_against', OLD.votes_against, 'abstentions', OLD.abstentions, 'casting', OLD.casting, 'casting_by', OLD.casting_by, 'requested_by', OLD.requested_by), json_object('resolution_id', NEW.resolution_id, 'meeting_id', NEW.meeting_id, 'method', NEW.method, 'votes_for', NEW.votes_for, 'votes_against', NEW.votes_against, 'abstentions', NEW.abstentions, 'casting', NEW.casting, 'casting_by', NEW.casting_by, 'requested_by', NEW.requested_by));
END;
CREATE TRIGGER vote_audit_delete AFTER DELETE ON vote
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'vote', OLD.resolution_id, OLD.meeting_id, 'delete', json_object('resolution_id', OLD.resolution_id, 'meeting_id', OLD.meeting_id, 'method', OLD.method, 'votes_for', OLD.votes_for, 'votes_against', OLD.votes_against, 'abstentions', OLD.abstentions, 'casting', OLD.casting, 'casting_by', OLD.casting_by, 'requested_by', OLD.requested_by), NULL);
END;
CREATE TRIGGER vote_member_signed_insert BEFORE INSERT ON vote_member
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER vote_member_signed_update BEFORE UPDATE ON vote_member
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed' OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER vote_member_signed_delete BEFORE DELETE ON vote_member
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER vote_member_audit_insert AFTER INSERT ON vote_member
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'vote_member', NEW.resolution_id || '/' || NEW.person_id, NEW.meeting_id, 'insert', NULL, json_object('resolution_id', NEW.resolution_id, 'meeting_id', NEW.meeting_id, 'person_id', NEW.person_id, 'choice', NEW.choice));
END;
CREATE TRIGGER vote_member_audit_update AFTER UPDATE ON vote_member
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'vote_member', NEW.resolution_id || '/' || NEW.person_id, NEW.meeting_id, 'update', json_object('resolution_id', OLD.resolution_id, 'meeting_id', OLD.meeting_id, 'person_id', OLD.person_id, 'choice', OLD.choice), json_object('resolution_id', NEW.resolution_id, 'meeting_id', NEW.meeting_id, 'person_id', NEW.person_id, 'choice', NEW.choice));
END;
CREATE TRIGGER vote_member_audit_delete AFTER DELETE ON vote_member
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'vote_member', OLD.resolution_id || '/' || OLD.person_id, OLD.meeting_id, 'delete', json_object('resolution_id', OLD.resolution_id, 'meeting_id', OLD.meeting_id, 'person_id', OLD.person_id, 'choice', OLD.choice), NULL);
END;
CREATE TRIGGER dispensation_signed_insert BEFORE INSERT ON dispensation
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER dispensation_signed_update BEFORE UPDATE ON dispensation
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed' OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER dispensation_signed_delete BEFORE DELETE ON dispensation
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER dispensation_audit_insert AFTER INSERT ON dispensation
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'dispensation', NEW.id, NEW.meeting_id, 'insert', NULL, json_object('id', NEW.id, 'declaration_id', NEW.declaration_id, 'meeting_id', NEW.meeting_id, 'reference', NEW.reference, 'scope', NEW.scope, 'granted_by', NEW.granted_by, 'granted_on', NEW.granted_on, 'expires_on', NEW.expires_on));
END;
CREATE TRIGGER dispensation_audit_update AFTER UPDATE ON dispensation
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'dispensation', NEW.id, NEW.meeting_id, 'update', json_object('id', OLD.id, 'declaration_id', OLD.declaration_id, 'meeting_id', OLD.meeting_id, 'reference', OLD.reference, 'scope', OLD.scope, 'granted_by', OLD.granted_by, 'granted_on', OLD.granted_on, 'expires_on', OLD.expires_on), json_object('id', NEW.id, 'declaration_id', NEW.declaration_id, 'meeting_id', NEW.meeting_id, 'reference', NEW.reference, 'scope', NEW.scope, 'granted_by', NEW.granted_by, 'granted_on', NEW.granted_on, 'expires_on', NEW.expires_on));
END;
CREATE TRIGGER dispensation_audit_delete AFTER DELETE ON dispensation
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'dispensation', OLD.id, OLD.meeting_id, 'delete', json_object('id', OLD.id, 'declaration_id', OLD.declaration_id, 'meeting_id', OLD.meeting_id, 'reference', OLD.reference, 'scope', OLD.scope, 'granted_by', OLD.granted_by, 'granted_on', OLD.granted_on, 'expires_on', OLD.expires_on), NULL);
END;
CREATE TRIGGER quorum_note_signed_insert BEFORE INSERT ON quorum_note
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER quorum_note_signed_update BEFORE UPDATE ON quorum_note
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed' OR (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER quorum_note_signed_delete BEFORE DELETE ON quorum_note
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'signed minutes cannot be changed; record a correction at a later meeting');
END;
CREATE TRIGGER quorum_note_audit_insert AFTER INSERT ON quorum_note
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'quorum_note', NEW.minute_id, NEW.meeting_id, 'insert', NULL, json_object('minute_id', NEW.minute_id, 'meeting_id', NEW.meeting_id, 'note', NEW.note));
END;
CREATE TRIGGER quorum_note_audit_update AFTER UPDATE ON quorum_note
WHEN (SELECT minutes_status FROM meeting WHERE id = NEW.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'quorum_note', NEW.minute_id, NEW.meeting_id, 'update', json_object('minute_id', OLD.minute_id, 'meeting_id', OLD.meeting_id, 'note', OLD.note), json_object('minute_id', NEW.minute_id, 'meeting_id', NEW.meeting_id, 'note', NEW.note));
END;
CREATE TRIGGER quorum_note_audit_delete AFTER DELETE ON quorum_note
WHEN (SELECT minutes_status FROM meeting WHERE id = OLD.meeting_id) <> 'drafting'
BEGIN
    INSERT INTO audit_log (actor, table_name, row_id, meeting_id, action, before, after)
    VALUES ((SELECT actor FROM audit_actor), 'quorum_note', OLD.minute_id, OLD.meeting_id, 'delete', json_object('minute_id', OLD.minute_id, 'meeting_id', OLD.meeting_id, 'note', OLD.note), NULL);
END;
