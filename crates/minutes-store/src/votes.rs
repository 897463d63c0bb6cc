//! Votes on limbs, dispensations on declarations and the clerk's notes on the quorum
//! (migration 12). The store's triggers hold the rules (who may vote, counts, casting vote,
//! quorum); the functions here check what can be told before writing and write in one
//! transaction.

use minutes_core::input::{DispensationSaved, NewDispensation, NewVote};
use minutes_core::quorum::{quorum_report, QuorumReport};
use minutes_core::*;
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use crate::read::{meeting, meeting_record, resolution};
use crate::rows::{new_id, opt, s};
use crate::{Result, Store};

const MAX_NOTE: usize = 2000;

fn validate_vote(v: &NewVote) -> Result<()> {
    if v.casting == Some(VoteChoice::Abstain) {
        return Err(DomainError::invalid(
            "Casting vote",
            "the chair's casting vote is for or against, never an abstention",
        )
        .into());
    }
    if v.casting.is_some() != v.casting_by.is_some() {
        return Err(DomainError::invalid(
            "Casting vote",
            "a casting vote names the side and who gave it (whoever presided)",
        )
        .into());
    }
    match v.method {
        VoteMethod::Recorded => {
            if v.requested_by.is_none() {
                return Err(DomainError::invalid(
                    "Recorded vote",
                    "say which member asked for the recorded vote",
                )
                .into());
            }
            let n = |c| v.members.iter().filter(|m| m.choice == c).count() as u32;
            let (f, a, x) = (
                n(VoteChoice::For),
                n(VoteChoice::Against),
                n(VoteChoice::Abstain),
            );
            if (f, a, x) != (v.votes_for, v.votes_against, v.abstentions) {
                return Err(DomainError::invalid(
                    "Recorded vote",
                    format!(
                        "the counts (for {}, against {}, abstentions {}) do not match the names (for {f}, against {a}, abstaining {x})",
                        v.votes_for, v.votes_against, v.abstentions
                    ),
                )
                .into());
            }
            let mut seen = std::collections::HashSet::new();
            if !v.members.iter().all(|m| seen.insert(m.person_id)) {
                return Err(DomainError::invalid(
                    "Recorded vote",
                    "a member is named more than once",
                )
                .into());
            }
        }
        VoteMethod::Unanimous | VoteMethod::ShowOfHands => {
            if !v.members.is_empty() {
                return Err(DomainError::invalid(
                    "Vote",
                    "names are given only for a recorded vote",
                )
                .into());
            }
            if v.requested_by.is_some() {
                return Err(DomainError::invalid(
                    "Vote",
                    "only a recorded vote is asked for by a member",
                )
                .into());
            }
        }
    }
    Ok(())
}

/// Runs a query that words a refusal (one text column, NULL when the rule holds) and turns a
/// refusal into the error the trigger's refusal maps to. The triggers of migration 12 refuse
/// with fixed words (so that every SQLite, not only 3.47 and later, can read the schema); these
/// checks, run first on the same views, name the member and the item for the clerk.
fn refuse_if(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<()> {
    let msg: Option<Option<String>> = conn.query_row(sql, params, |r| r.get(0)).optional()?;
    match msg.flatten() {
        Some(m) => Err(crate::error::refusal(&m)),
        None => Ok(()),
    }
}

const MINUTE_OF: &str = "(SELECT minute_id FROM resolution WHERE id = ?1)";

/// The named checks of a vote before it is written (see [`refuse_if`]).
fn check_vote(conn: &Connection, resolution_id: Uuid, meeting_id: Uuid, v: &NewVote) -> Result<()> {
    let item = format!("(SELECT name FROM minute_item_name WHERE minute_id = {MINUTE_OF})");
    let name = "(SELECT trim(honorific || ' ' || name) FROM person WHERE id = ?2)";
    let present = format!("(SELECT count(*) FROM minute_voter WHERE minute_id = {MINUTE_OF})");
    refuse_if(
        conn,
        &format!(
            "SELECT CASE WHEN ?2 > {present} THEN ?2 || ' votes were recorded on ' || {item} || ', but only ' || {present} || ' members entitled to vote were present for it' END"
        ),
        params![s(resolution_id), v.votes_for + v.votes_against + v.abstentions],
    )?;
    if let Some(by) = v.requested_by {
        refuse_if(
            conn,
            &format!(
                "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM minute_voter WHERE person_id = ?2 AND minute_id = {MINUTE_OF})
                 THEN coalesce({name}, 'this person') || ' was not a member present for ' || {item} || ', so cannot ask for a recorded vote on it' END"
            ),
            params![s(resolution_id), s(by)],
        )?;
    }
    if let Some(by) = v.casting_by {
        refuse_if(
            conn,
            &format!(
                "SELECT CASE WHEN ?2 IS NOT (SELECT person_id FROM meeting_presiding WHERE meeting_id = ?3)
                 THEN coalesce({name}, 'this person') || ' did not preside at the meeting, so cannot give the casting vote on ' || {item} END"
            ),
            params![s(resolution_id), s(by), s(meeting_id)],
        )?;
    }
    for m in &v.members {
        refuse_if(
            conn,
            &format!(
                "SELECT CASE
                   WHEN p.kind NOT IN ('member', 'co_opted_voting') THEN trim(p.honorific || ' ' || p.name) || ' is ' ||
                     CASE p.kind WHEN 'co_opted_non_voting' THEN 'a non-voting co-opted member'
                                 WHEN 'officer' THEN 'an officer'
                                 WHEN 'external' THEN 'not a member of the council'
                                 ELSE 'a member of the public' END || ' and cannot vote on ' || {item}
                   WHEN NOT EXISTS (SELECT 1 FROM minute_voter WHERE person_id = p.id AND minute_id = {MINUTE_OF})
                     THEN trim(p.honorific || ' ' || p.name) || ' was not a member present for ' || {item} || ', so cannot vote on it'
                   WHEN EXISTS (
                     SELECT 1 FROM declaration d JOIN resolution r ON r.id = ?1 JOIN minute n ON n.id = r.minute_id
                     WHERE d.meeting_id = r.meeting_id AND d.person_id = p.id AND d.kind = 'prejudicial'
                       AND d.agenda_item_id IS n.agenda_item_id AND d.agenda_item_id IS NOT NULL
                       AND NOT EXISTS (
                         SELECT 1 FROM dispensation x JOIN meeting g ON g.id = x.meeting_id
                         WHERE x.declaration_id = d.id AND x.scope = 'speak_and_vote'
                           AND x.granted_on <= g.date AND (x.expires_on IS NULL OR x.expires_on >= g.date)))
                     THEN trim(p.honorific || ' ' || p.name) || ' declared a prejudicial interest in ' || {item} || ' and has no dispensation to vote in force on the meeting''s date, so cannot vote on it'
                 END FROM person p WHERE p.id = ?2"
            ),
            params![s(resolution_id), s(m.person_id)],
        )?;
    }
    Ok(())
}

/// The named check of a new limb at an item where the meeting was inquorate (the trigger
/// `resolution_quorum` is the backstop).
pub(crate) fn check_quorum(conn: &Connection, minute_id: Uuid, meeting_id: Uuid) -> Result<()> {
    refuse_if(
        conn,
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM attendance WHERE meeting_id = ?2 AND status IN ('present', 'substitute'))
          AND (SELECT count(*) FROM minute_voter WHERE minute_id = ?1)
              < (SELECT b.quorum FROM meeting g JOIN body b ON b.id = g.body_id WHERE g.id = ?2)
          AND NOT EXISTS (SELECT 1 FROM quorum_note WHERE minute_id = ?1)
         THEN 'the meeting was inquorate at ' || (SELECT name FROM minute_item_name WHERE minute_id = ?1) || ' ('
              || (SELECT count(*) FROM minute_voter WHERE minute_id = ?1) || ' members entitled to vote present, quorum '
              || (SELECT b.quorum FROM meeting g JOIN body b ON b.id = g.body_id WHERE g.id = ?2)
              || '): record a minuted note on the quorum before adding a resolution' END",
        params![s(minute_id), s(meeting_id)],
    )
}

pub(crate) fn write_vote(
    conn: &Connection,
    resolution_id: Uuid,
    meeting_id: Uuid,
    v: &NewVote,
) -> Result<()> {
    check_vote(conn, resolution_id, meeting_id, v)?;
    conn.execute(
        "INSERT INTO vote (resolution_id, meeting_id, method, votes_for, votes_against, abstentions, casting, casting_by, requested_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            s(resolution_id), s(meeting_id), v.method.as_str(), v.votes_for, v.votes_against, v.abstentions,
            v.casting.map(|c| c.as_str()), opt(v.casting_by), opt(v.requested_by)
        ],
    )?;
    for m in &v.members {
        conn.execute(
            "INSERT INTO vote_member (resolution_id, meeting_id, person_id, choice) VALUES (?1, ?2, ?3, ?4)",
            params![s(resolution_id), s(meeting_id), s(m.person_id), m.choice.as_str()],
        )?;
    }
    Ok(())
}

pub(crate) fn write_dispensation(
    conn: &Connection,
    d: &Dispensation,
    meeting_id: Uuid,
) -> Result<()> {
    conn.execute(
        "INSERT INTO dispensation (id, declaration_id, meeting_id, reference, scope, granted_by, granted_on, expires_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            s(d.id), s(d.declaration_id), s(meeting_id), d.reference, d.scope.as_str(), d.granted_by,
            d.granted_on, d.expires_on
        ],
    )?;
    Ok(())
}

pub(crate) fn write_quorum_note(
    conn: &Connection,
    minute_id: Uuid,
    meeting_id: Uuid,
    note: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO quorum_note (minute_id, meeting_id, note) VALUES (?1, ?2, ?3)",
        params![s(minute_id), s(meeting_id), note],
    )?;
    Ok(())
}

fn meeting_of_resolution(conn: &Connection, resolution_id: Uuid) -> Result<Uuid> {
    let key: Option<String> = conn
        .query_row(
            "SELECT meeting_id FROM resolution WHERE id = ?1",
            [s(resolution_id)],
            |r| r.get(0),
        )
        .optional()?;
    key.and_then(|k| Uuid::parse_str(&k).ok())
        .ok_or_else(|| DomainError::not_found("Resolution", resolution_id).into())
}

impl Store {
    /// Records (or replaces, or with `None` clears) how a limb was decided. Refused, naming
    /// the member and the item, when a named voter was not present for the item, is not
    /// entitled to vote, or declared a prejudicial interest in it without a dispensation to
    /// vote in force; when the counts do not match the names, exceed the members present, or
    /// a casting vote is given without a tie or by someone who did not preside.
    pub fn set_vote(&mut self, resolution_id: Uuid, v: Option<&NewVote>) -> Result<()> {
        if let Some(v) = v {
            validate_vote(v)?;
        }
        self.write(|tx| {
            resolution(tx, resolution_id)?;
            let meeting_id = meeting_of_resolution(tx, resolution_id)?;
            tx.execute(
                "DELETE FROM vote WHERE resolution_id = ?1",
                [s(resolution_id)],
            )?;
            if let Some(v) = v {
                write_vote(tx, resolution_id, meeting_id, v)?;
            }
            Ok(())
        })
    }

    /// Records the dispensation granted on a declaration (replacing any recorded), or with
    /// `None` removes it. One that has expired by the meeting's date, or allows speaking only,
    /// is recorded with a warning: it does not allow voting.
    pub fn set_dispensation(
        &mut self,
        declaration_id: Uuid,
        n: Option<&NewDispensation>,
    ) -> Result<Option<DispensationSaved>> {
        let n = match n {
            Some(n) => Some((
                validate::optional_line("Reference", &n.reference, 100)?,
                validate::required_line("Granted by", &n.granted_by, 200)?,
                n,
            )),
            None => None,
        };
        self.write(|tx| {
            let found: Option<(String, String, Option<String>)> = tx
                .query_row(
                    "SELECT meeting_id, kind, agenda_item_id FROM declaration WHERE id = ?1",
                    [s(declaration_id)],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let (meeting_key, _kind, _item) =
                found.ok_or_else(|| DomainError::not_found("Declaration", declaration_id))?;
            let meeting_id = Uuid::parse_str(&meeting_key)
                .map_err(|_| DomainError::not_found("Meeting", &meeting_key))?;
            let Some((reference, granted_by, n)) = n else {
                tx.execute(
                    "DELETE FROM dispensation WHERE declaration_id = ?1",
                    [s(declaration_id)],
                )?;
                return Ok(None);
            };
            if n.expires_on.is_some_and(|e| e < n.granted_on) {
                return Err(DomainError::invalid(
                    "Expires on",
                    "a dispensation cannot expire before it was granted",
                )
                .into());
            }
            let date = meeting(tx, meeting_id)?.date;
            if n.granted_on > date {
                return Err(DomainError::invalid(
                    "Granted on",
                    format!(
                        "a dispensation must have been granted on or before the date of the meeting ({date}); this one was granted on {}",
                        n.granted_on
                    ),
                )
                .into());
            }
            let recorded: Option<String> = tx
                .query_row(
                    "SELECT id FROM dispensation WHERE declaration_id = ?1",
                    [s(declaration_id)],
                    |r| r.get(0),
                )
                .optional()?;
            let d = Dispensation {
                id: recorded
                    .as_deref()
                    .and_then(|k| Uuid::parse_str(k).ok())
                    .unwrap_or_else(new_id),
                declaration_id,
                reference,
                scope: n.scope,
                granted_by,
                granted_on: n.granted_on,
                expires_on: n.expires_on,
            };
            if recorded.is_some() {
                // Changed in place: a member's recorded vote may stand on it.
                tx.execute(
                    "UPDATE dispensation SET reference = ?2, scope = ?3, granted_by = ?4, granted_on = ?5, expires_on = ?6
                     WHERE declaration_id = ?1",
                    params![
                        s(declaration_id), d.reference, d.scope.as_str(), d.granted_by, d.granted_on, d.expires_on
                    ],
                )?;
            } else {
                write_dispensation(tx, &d, meeting_id)?;
            }
            let mut warnings = Vec::new();
            if let Some(e) = d.expires_on.filter(|e| *e < date) {
                warnings.push(format!(
                    "this dispensation expired on {e}, before the meeting ({date}): it does not allow the member to speak or vote at it"
                ));
            }
            if d.scope == DispensationScope::SpeakOnly {
                warnings.push(
                    "this dispensation allows the member to speak but not to vote".to_string(),
                );
            }
            Ok(Some(DispensationSaved {
                dispensation: d,
                warnings,
            }))
        })
    }

    /// Records (or replaces, or with an empty note removes) the clerk's minuted note on the
    /// quorum for a minute: it lets limbs be added where the meeting was inquorate, and is
    /// printed in the minute before its decision.
    pub fn set_quorum_note(&mut self, minute_id: Uuid, note: &str) -> Result<()> {
        let note = validate::text("Note on the quorum", note, false)?;
        if note.chars().count() > MAX_NOTE {
            return Err(DomainError::invalid(
                "Note on the quorum",
                format!("is longer than {MAX_NOTE} characters"),
            )
            .into());
        }
        self.write(|tx| {
            let m = crate::read::minute(tx, minute_id)?;
            tx.execute(
                "DELETE FROM quorum_note WHERE minute_id = ?1",
                [s(minute_id)],
            )?;
            if !note.is_empty() {
                write_quorum_note(tx, minute_id, m.meeting_id, &note)?;
            }
            Ok(())
        })
    }

    /// The quorum at each agenda item of a meeting, with who may vote there.
    pub fn quorum(&self, meeting_id: Uuid) -> Result<QuorumReport> {
        Ok(quorum_report(&meeting_record(self.conn(), meeting_id)?))
    }
}
