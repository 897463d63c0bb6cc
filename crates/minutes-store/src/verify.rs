//! Tamper evidence: the audit chain, signed copies of signed minutes, and `verify`, which
//! recomputes everything the record can check about itself.
//!
//! * Each audit entry is sealed before the transaction that wrote it commits:
//!   `hash = SHA-256(prev_hash || the entry's columns)` ([`seal_since`]). An entry written
//!   outside Cofnod has no seal; one changed or replaced no longer matches its seal.
//! * Signing stores the meeting's record as signed with its SHA-256, and a SHA-256 of the
//!   meeting's own rows in every locked table ([`write_signed_copy`]).
//! * [`Store::verify`] recomputes the chain, each signed copy against its hash and its rows,
//!   the register's rows against their sources, and the schema against the migrations.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};

use minutes_core::render::Visibility;
use minutes_core::Language;
use uuid::Uuid;

use crate::{migrations, Result, Store, StoreError};

/// The schema version that first seals the audit log and keeps signed copies.
pub(crate) const SEALED_FROM: i64 = 11;

/// One break in the record: which meeting (when it concerns one), table and row, and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub meeting: Option<MeetingName>,
    pub table: String,
    pub row: String,
    pub what: String,
}

/// A meeting as a clerk knows it: its date and committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingName {
    pub id: String,
    /// `None` when the meeting's row itself is gone.
    pub date: Option<String>,
    pub committee: Option<String>,
}

/// What [`Store::verify`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    pub problems: Vec<Problem>,
    pub audit_entries: i64,
    pub signed_minutes: i64,
    /// The hash of the last sealed audit entry: kept elsewhere (printed, in a backup), it
    /// shows later whether the whole chain was rewritten.
    pub chain_hash: String,
}

impl VerifyReport {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

fn edition_words(language: Language, visibility: Visibility) -> (&'static str, &'static str) {
    (
        language.pick("en", "cy"),
        match visibility {
            Visibility::Public => "public",
            Visibility::Confidential => "confidential",
        },
    )
}

impl Store {
    /// The PDF of signed minutes kept for one edition (language, public or with Part 2), if
    /// one was kept: what every print of signed minutes hands out, byte for byte. A file that
    /// no longer matches the SHA-256 kept with it is refused, never handed out.
    pub fn signed_pdf(
        &self,
        meeting_id: Uuid,
        language: Language,
        visibility: Visibility,
    ) -> Result<Option<Vec<u8>>> {
        let (language, visibility) = edition_words(language, visibility);
        let kept: Option<(Vec<u8>, String)> = self
            .conn()
            .query_row(
                "SELECT pdf, pdf_sha256 FROM signed_pdf WHERE meeting_id = ?1 AND language = ?2 AND visibility = ?3",
                params![meeting_id.to_string(), language, visibility],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match kept {
            Some((pdf, sha)) if hex(&Sha256::digest(&pdf)) != sha => {
                Err(minutes_core::DomainError::Conflict(format!(
                    "the signed PDF of these minutes ({language}, {visibility}) has been changed outside Cofnod and is not printed; run `cofnod verify` and restore a backup"
                ))
                .into())
            }
            Some((pdf, _)) => Ok(Some(pdf)),
            None => Ok(None),
        }
    }

    /// Keeps the PDF of signed minutes as printed for one edition, with its SHA-256, in the
    /// audit chain. Refused by the database for minutes not signed, and for an edition already
    /// kept (it is never replaced).
    pub fn keep_signed_pdf(
        &mut self,
        meeting_id: Uuid,
        language: Language,
        visibility: Visibility,
        pdf: &[u8],
    ) -> Result<()> {
        let (language, visibility) = edition_words(language, visibility);
        let sha = hex(&Sha256::digest(pdf));
        self.write(|tx| {
            tx.execute(
                "INSERT INTO signed_pdf (meeting_id, language, visibility, pdf, pdf_sha256)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![meeting_id.to_string(), language, visibility, pdf, sha],
            )?;
            Ok(())
        })
    }

    /// Recomputes the audit chain, every signed copy, the register's rows and the schema,
    /// and names each break.
    pub fn verify(&self) -> Result<VerifyReport> {
        self.snapshot(|s| verify_conn(s.conn()))
    }
}

/// A meeting's own rows in every table its signed lock covers: (table, a select of the
/// meeting's id, the row's key and then all the row's columns, the meeting's id column). Names
/// of people and committees live elsewhere, so renaming them changes none of these rows.
const LOCKED: &[(&str, &str, &str)] = &[
    ("meeting", "SELECT id, id, * FROM meeting", "id"),
    ("attendance", "SELECT meeting_id, id, * FROM attendance", "meeting_id"),
    (
        "attendance_item",
        "SELECT a.meeting_id, i.attendance_id || '/' || i.agenda_item_id, i.* FROM attendance_item i JOIN attendance a ON a.id = i.attendance_id",
        "a.meeting_id",
    ),
    ("agenda_item", "SELECT meeting_id, id, * FROM agenda_item", "meeting_id"),
    ("declaration", "SELECT meeting_id, id, * FROM declaration", "meeting_id"),
    ("document", "SELECT meeting_id, id, * FROM document", "meeting_id"),
    ("minute", "SELECT meeting_id, id, * FROM minute", "meeting_id"),
    ("minute_block", "SELECT meeting_id, id, * FROM minute_block", "meeting_id"),
    ("resolution", "SELECT meeting_id, id, * FROM resolution", "meeting_id"),
    ("amendment", "SELECT meeting_id, id, * FROM amendment", "meeting_id"),
    ("vote", "SELECT meeting_id, resolution_id, * FROM vote", "meeting_id"),
    (
        "vote_member",
        "SELECT meeting_id, resolution_id || '/' || person_id, * FROM vote_member",
        "meeting_id",
    ),
    ("dispensation", "SELECT meeting_id, id, * FROM dispensation", "meeting_id"),
    ("quorum_note", "SELECT meeting_id, minute_id, * FROM quorum_note", "meeting_id"),
    (
        "executive_decision",
        "SELECT meeting_id, resolution_id, * FROM executive_decision",
        "meeting_id",
    ),
    (
        "text_translation",
        "SELECT meeting_id, source || '/' || source_id, * FROM text_translation",
        "meeting_id",
    ),
];

/// A meeting's rows: table -> row key -> the row's digest (16 hex digits).
type Rows = BTreeMap<String, BTreeMap<String, String>>;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Feeds one value, typed and length-prefixed, so that no two rows encode alike.
fn feed(h: &mut Sha256, v: ValueRef<'_>) {
    match v {
        ValueRef::Null => h.update([0]),
        ValueRef::Integer(i) => {
            h.update([1]);
            h.update(i.to_be_bytes());
        }
        ValueRef::Real(f) => {
            h.update([2]);
            h.update(f.to_bits().to_be_bytes());
        }
        ValueRef::Text(t) => {
            h.update([3]);
            h.update((t.len() as u64).to_be_bytes());
            h.update(t);
        }
        ValueRef::Blob(b) => {
            h.update([4]);
            h.update((b.len() as u64).to_be_bytes());
            h.update(b);
        }
    }
}

/// Feeds every column of a row from column `from` on, after its table's name.
fn feed_row(
    h: &mut Sha256,
    table: &str,
    r: &rusqlite::Row<'_>,
    from: usize,
) -> rusqlite::Result<()> {
    feed(h, ValueRef::Text(table.as_bytes()));
    let n = r.as_ref().column_count();
    h.update((n as u64).to_be_bytes());
    for i in from..n {
        feed(h, r.get_ref(i)?);
    }
    Ok(())
}

/// The rows of one meeting, or (`None`) of every meeting with a signed copy.
fn meeting_rows(conn: &Connection, meeting: Option<&str>) -> Result<HashMap<String, Rows>> {
    let mut out: HashMap<String, Rows> = HashMap::new();
    for (table, select, mcol) in LOCKED {
        let sql = match meeting {
            Some(_) => format!("{select} WHERE {mcol} = ?1 ORDER BY 1, 2"),
            None => format!(
                "{select} WHERE {mcol} IN (SELECT meeting_id FROM signed_copy) ORDER BY 1, 2"
            ),
        };
        let mut st = conn.prepare(&sql)?;
        let mut rows = match meeting {
            Some(m) => st.query([m])?,
            None => st.query([])?,
        };
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let key: String = r.get(1)?;
            let mut h = Sha256::new();
            feed_row(&mut h, table, r, 2)?;
            let digest = hex(&h.finalize()[..8]);
            out.entry(id)
                .or_default()
                .entry(table.to_string())
                .or_default()
                .insert(key, digest);
        }
    }
    Ok(out)
}

fn rows_json(rows: &Rows) -> Result<String> {
    serde_json::to_string(rows).map_err(|e| {
        StoreError::Migration(format!(
            "the rows of signed minutes cannot be written ({e})"
        ))
    })
}

/// Stores the signed copy of `meeting_id`'s minutes (just signed, in the same transaction):
/// its record as `cofnod export` writes it, and the digest of its rows. The copy's audit entry
/// carries both hashes into the chain.
pub(crate) fn write_signed_copy(conn: &Connection, meeting_id: &str) -> Result<()> {
    let id = uuid::Uuid::parse_str(meeting_id).map_err(|e| {
        StoreError::Migration(format!("meeting {meeting_id} has no valid id ({e})"))
    })?;
    let record = crate::read::meeting_record(conn, id)?;
    let json = serde_json::to_string_pretty(&record).map_err(|e| {
        StoreError::Migration(format!(
            "the record of meeting {meeting_id} cannot be written ({e})"
        ))
    })?;
    let record_sha = hex(&Sha256::digest(json.as_bytes()));
    let rows = meeting_rows(conn, Some(meeting_id))?;
    let rows = rows_json(rows.get(meeting_id).unwrap_or(&Rows::new()))?;
    let rows_sha = hex(&Sha256::digest(rows.as_bytes()));
    conn.execute(
        "INSERT INTO signed_copy (meeting_id, record_json, record_sha256, rows_json, rows_sha256)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![meeting_id, json, record_sha, rows, rows_sha],
    )?;
    Ok(())
}

/// The newest audit entry's number (0 when there is none): what a transaction notes before
/// it writes, so that it seals only its own entries.
pub(crate) fn audit_top(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT coalesce(max(seq), 0) FROM audit_log", [], |r| {
            r.get(0)
        })?,
    )
}

fn entry_hash(prev: &str, r: &rusqlite::Row<'_>) -> rusqlite::Result<String> {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    feed_row(&mut h, "audit_log", r, 0)?;
    Ok(hex(&h.finalize()))
}

const AUDIT_COLUMNS: &str =
    "a.seq, a.at, a.actor, a.table_name, a.row_id, a.meeting_id, a.action, a.before, a.after";

/// Seals the audit entries after `after_seq` (and after the last sealed one), in order,
/// continuing the chain from the last seal. Entries at or before `after_seq` that have no seal stay unsealed: they were not
/// written by this transaction.
pub(crate) fn seal_since(conn: &Connection, after_seq: i64) -> Result<()> {
    let (last, mut prev): (i64, String) = conn
        .query_row(
            "SELECT seq, hash FROM audit_seal ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or_default();
    let mut st = conn.prepare(&format!(
        "SELECT {AUDIT_COLUMNS} FROM audit_log a WHERE a.seq > ?1 ORDER BY a.seq"
    ))?;
    let mut rows = st.query([after_seq.max(last)])?;
    let mut ins =
        conn.prepare("INSERT INTO audit_seal (seq, prev_hash, hash) VALUES (?1, ?2, ?3)")?;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let hash = entry_hash(&prev, r)?;
        ins.execute(params![seq, prev, hash])?;
        prev = hash;
    }
    Ok(())
}

/// For a database first opened by this version (or generated by raw SQL): seals every audit
/// entry not yet sealed, and keeps a signed copy of signed minutes that have none.
pub(crate) fn adopt(conn: &Connection) -> Result<()> {
    copy_signed(conn)?;
    seal_since(conn, 0)
}

/// Keeps a signed copy of every signed minutes that have none (minutes signed by raw SQL, as
/// the benchmark archive's generator signs them, or before this version).
pub(crate) fn copy_signed(conn: &Connection) -> Result<()> {
    let unsigned: Vec<String> = conn
        .prepare(
            "SELECT id FROM meeting WHERE minutes_status = 'signed'
             AND id NOT IN (SELECT meeting_id FROM signed_copy) ORDER BY date, id",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in &unsigned {
        write_signed_copy(conn, id)?;
    }
    Ok(())
}

/// sqlite_master's (type, name, sql), ordered.
type Schema = Vec<(String, String, Option<String>)>;

/// The schema as this binary's migrations create it: (type, name, sql), once per process.
fn expected_schema() -> Result<&'static Schema> {
    static SCHEMA: LazyLock<std::result::Result<Schema, String>> = LazyLock::new(|| {
        let mut conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
        migrations()
            .map_err(|e| e.to_string())?
            .to_latest(&mut conn)
            .map_err(|e| e.to_string())?;
        schema(&conn).map_err(|e| e.to_string())
    });
    SCHEMA
        .as_ref()
        .map_err(|e| StoreError::Migration(e.clone()))
}

fn schema(conn: &Connection) -> Result<Schema> {
    Ok(conn
        .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// What [`Store::verify`] checks, on a connection opened elsewhere to a database of this
/// schema version (a copy, a backup being examined).
pub fn verify_connection(conn: &Connection) -> Result<VerifyReport> {
    verify_conn(conn)
}

/// Everything [`Store::verify`] checks, on any connection to a database of this version.
pub(crate) fn verify_conn(conn: &Connection) -> Result<VerifyReport> {
    let mut problems = Vec::new();
    let mut add = |meeting: Option<String>, table: &str, row: String, what: String| {
        problems.push((meeting, table.to_string(), row, what));
    };

    // The schema: every trigger, table, index and view as the migrations made it.
    let expected = expected_schema()?;
    let found = schema(conn)?;
    let want: HashMap<(&str, &str), &Option<String>> = expected
        .iter()
        .map(|(t, n, s)| ((t.as_str(), n.as_str()), s))
        .collect();
    let have: HashMap<(&str, &str), &Option<String>> = found
        .iter()
        .map(|(t, n, s)| ((t.as_str(), n.as_str()), s))
        .collect();
    for (t, n, s) in expected {
        match have.get(&(t.as_str(), n.as_str())) {
            None => add(None, "schema", n.clone(), format!("the {t} {n} is missing")),
            Some(h) if *h != s => add(
                None,
                "schema",
                n.clone(),
                format!("the {t} {n} has been changed"),
            ),
            Some(_) => {}
        }
    }
    for (t, n, _) in &found {
        if !want.contains_key(&(t.as_str(), n.as_str())) {
            add(
                None,
                "schema",
                n.clone(),
                format!("the {t} {n} was added outside Cofnod"),
            );
        }
    }

    // The audit chain, and seals whose entry is gone.
    let mut audit_entries = 0;
    let mut prev = String::new();
    let mut chain_hash = String::new();
    {
        let mut st = conn.prepare(&format!(
            "SELECT {AUDIT_COLUMNS}, s.prev_hash, s.hash FROM audit_log a
             LEFT JOIN audit_seal s ON s.seq = a.seq ORDER BY a.seq"
        ))?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            audit_entries += 1;
            let seq: i64 = r.get(0)?;
            let meeting: Option<String> = r.get(5)?;
            let sealed_prev: Option<String> = r.get(9)?;
            let sealed: Option<String> = r.get(10)?;
            let (Some(sealed_prev), Some(sealed)) = (sealed_prev, sealed) else {
                add(
                    meeting,
                    "audit_log",
                    seq.to_string(),
                    "this audit entry was written outside Cofnod (it has no seal)".into(),
                );
                continue;
            };
            if sealed_prev != prev {
                add(meeting.clone(), "audit_seal", seq.to_string(), "the audit chain is broken before this entry (an entry was removed or its seal rewritten)".into());
            }
            let mut h = Sha256::new();
            h.update(sealed_prev.as_bytes());
            feed(&mut h, ValueRef::Text(b"audit_log"));
            h.update(9u64.to_be_bytes());
            for i in 0..9 {
                feed(&mut h, r.get_ref(i)?);
            }
            if hex(&h.finalize()) != sealed {
                add(
                    meeting,
                    "audit_log",
                    seq.to_string(),
                    "this audit entry has been changed since it was written".into(),
                );
            }
            prev = sealed.clone();
            chain_hash = sealed;
        }
        let mut st = conn.prepare(
            "SELECT seq FROM audit_seal WHERE seq NOT IN (SELECT seq FROM audit_log) ORDER BY seq",
        )?;
        for seq in st.query_map([], |r| r.get::<_, i64>(0))? {
            add(
                None,
                "audit_log",
                seq?.to_string(),
                "this audit entry has been deleted".into(),
            );
        }
    }

    // Signed copies: against their hash, against the rows they came from; signed minutes
    // without one; copies of minutes no longer signed.
    let now = meeting_rows(conn, None)?;
    let mut signed_minutes = 0;
    {
        let mut st = conn.prepare(
            "SELECT c.meeting_id, c.record_json, c.record_sha256, c.rows_json, c.rows_sha256, m.minutes_status
             FROM signed_copy c LEFT JOIN meeting m ON m.id = c.meeting_id
             UNION ALL
             SELECT m.id, NULL, NULL, NULL, NULL, m.minutes_status FROM meeting m
             WHERE m.minutes_status = 'signed'
               AND NOT EXISTS (SELECT 1 FROM signed_copy c WHERE c.meeting_id = m.id)",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            // SQLite lets a TEXT primary key be NULL: a meeting written with none is named so.
            let id: String = r
                .get::<_, Option<String>>(0)?
                .unwrap_or_else(|| "(no id)".into());
            let json: Option<String> = r.get(1)?;
            let record_sha: Option<String> = r.get(2)?;
            let rows_json_kept: Option<String> = r.get(3)?;
            let rows_sha: Option<String> = r.get(4)?;
            let status: Option<String> = r.get(5)?;
            let (Some(json), Some(record_sha), Some(kept), Some(rows_sha)) =
                (json, record_sha, rows_json_kept, rows_sha)
            else {
                add(
                    Some(id.clone()),
                    "signed_copy",
                    id,
                    "these minutes are signed but their signed copy is missing".into(),
                );
                continue;
            };
            signed_minutes += 1;
            match status.as_deref() {
                Some("signed") => {}
                None => add(
                    Some(id.clone()),
                    "meeting",
                    id.clone(),
                    "the meeting of these signed minutes has been deleted".into(),
                ),
                Some(_) => add(
                    Some(id.clone()),
                    "meeting",
                    id.clone(),
                    "these minutes have a signed copy but are no longer marked signed".into(),
                ),
            }
            if hex(&Sha256::digest(json.as_bytes())) != record_sha
                || hex(&Sha256::digest(kept.as_bytes())) != rows_sha
            {
                add(
                    Some(id.clone()),
                    "signed_copy",
                    id.clone(),
                    "the signed copy of these minutes has been changed".into(),
                );
                continue;
            }
            let empty = Rows::new();
            let current = now.get(&id).unwrap_or(&empty);
            if rows_json(current)? == kept {
                continue;
            }
            let kept: Rows = serde_json::from_str(&kept).unwrap_or_default();
            let no_rows = BTreeMap::new();
            for (table, _, _) in LOCKED {
                let before = kept.get(*table).unwrap_or(&no_rows);
                let after = current.get(*table).unwrap_or(&no_rows);
                for (key, digest) in before {
                    match after.get(key) {
                        None => add(
                            Some(id.clone()),
                            table,
                            key.clone(),
                            "this row of signed minutes has been deleted".into(),
                        ),
                        Some(d) if d != digest => add(
                            Some(id.clone()),
                            table,
                            key.clone(),
                            "this row of signed minutes has been changed".into(),
                        ),
                        Some(_) => {}
                    }
                }
                for key in after.keys().filter(|k| !before.contains_key(*k)) {
                    add(
                        Some(id.clone()),
                        table,
                        key.clone(),
                        "this row was added to signed minutes".into(),
                    );
                }
            }
        }
    }

    // The PDFs of signed minutes, each against the hash kept with it (and put in the chain).
    {
        let mut st = conn.prepare(
            "SELECT meeting_id, language, visibility, pdf, pdf_sha256 FROM signed_pdf ORDER BY 1, 2, 3",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let language: String = r.get(1)?;
            let visibility: String = r.get(2)?;
            let pdf: Vec<u8> = r.get(3)?;
            let sha: String = r.get(4)?;
            if hex(&Sha256::digest(&pdf)) != sha {
                add(
                    Some(id.clone()),
                    "signed_pdf",
                    format!("{id}/{language}/{visibility}"),
                    format!("the signed PDF of these minutes ({language}, {visibility}) has been changed"),
                );
            }
        }
    }

    // The register's rows against what they are copied from, both ways.
    {
        let mut st = conn.prepare(
            "SELECT doc, meeting_id, 'differs from its resolution, minute or meeting' FROM
               (SELECT * FROM register_row EXCEPT SELECT * FROM register_row_source)
             UNION ALL
             SELECT doc, meeting_id, 'is missing from the register' FROM
               (SELECT * FROM register_row_source EXCEPT SELECT * FROM register_row)
             ORDER BY 1",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let doc: i64 = r.get(0)?;
            let meeting: Option<String> = r.get(1)?;
            let what: String = r.get(2)?;
            add(
                meeting,
                "register_row",
                doc.to_string(),
                format!("the register's row {doc} {what}"),
            );
        }
    }

    let mut named = Vec::new();
    let mut names = conn.prepare(
        "SELECT m.date, b.name_en FROM meeting m LEFT JOIN body b ON b.id = m.body_id WHERE m.id = ?1",
    )?;
    for (meeting, table, row, what) in problems {
        let meeting = match meeting {
            Some(id) => {
                let found: Option<(Option<String>, Option<String>)> = names
                    .query_row([&id], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?;
                let (date, committee) = found.unwrap_or((None, None));
                Some(MeetingName {
                    id,
                    date,
                    committee,
                })
            }
            None => None,
        };
        named.push(Problem {
            meeting,
            table,
            row,
            what,
        });
    }
    Ok(VerifyReport {
        problems: named,
        audit_entries,
        signed_minutes,
        chain_hash,
    })
}

/// Refuses a backup of this version that fails [`Store::verify`], naming its first problems.
/// (A backup from before the audit chain has none to check; it is sealed as it is restored.)
pub(crate) fn check_backup(conn: &Connection, version: i64) -> std::result::Result<(), String> {
    if version < crate::schema_version() {
        return Ok(());
    }
    let report = verify_conn(conn).map_err(|e| format!("it cannot be verified ({e})"))?;
    if report.is_clean() {
        return Ok(());
    }
    let first: Vec<String> = report.problems.iter().take(3).map(Problem::line).collect();
    let more = report.problems.len().saturating_sub(first.len());
    Err(format!(
        "it fails verification: {}{}",
        first.join("; "),
        if more > 0 {
            format!("; and {more} more")
        } else {
            String::new()
        }
    ))
}

impl Problem {
    /// The problem on one line: meeting (date, committee), table, row, what.
    pub fn line(&self) -> String {
        let mut out = String::new();
        if let Some(m) = &self.meeting {
            match (&m.date, &m.committee) {
                (Some(d), Some(c)) => out.push_str(&format!("{c} meeting of {d}: ")),
                (Some(d), None) => out.push_str(&format!("meeting of {d}: ")),
                _ => out.push_str(&format!("meeting {}: ", m.id)),
            }
        }
        out.push_str(&format!("{} row {}: {}", self.table, self.row, self.what));
        out
    }
}
