//! The standing data: the authority, minute sequences, bodies, people and memberships.

use chrono::NaiveDate;
use minutes_core::input::*;
use minutes_core::validate::{optional_line, presenter_form, required_line, MAX_NAME, MAX_TITLE};
use minutes_core::*;
use rusqlite::{params, OptionalExtension};
use uuid::Uuid;

use crate::read::{
    authority, body, body_row, check_one_chair, exists, memberships, person_row, sequences,
};
use crate::rows::{new_id, s};
use crate::{Result, Store};

impl Store {
    /// Sets the authority's settings (there is one authority per database), except its
    /// documents' languages, which [`Store::set_document_languages`] sets.
    pub fn set_authority(&mut self, a: &Authority) -> Result<()> {
        let name_en = required_line("Authority name", &a.name_en, MAX_NAME)?;
        let name_cy = optional_line("Welsh authority name", &a.name_cy, MAX_NAME)?;
        let presenter_en = presenter_form("Presenter sentence (English)", &a.presenter_form_en)?;
        let presenter_cy = presenter_form("Presenter sentence (Welsh)", &a.presenter_form_cy)?;
        if NaiveDate::from_ymd_opt(2001, a.year_start_month, a.year_start_day).is_none() {
            return Err(DomainError::invalid(
                "Municipal year start",
                format!(
                    "{}/{} is not a day of the year",
                    a.year_start_day, a.year_start_month
                ),
            )
            .into());
        }
        let call_in_days = a.call_in_days();
        if !(1..=30).contains(&call_in_days) {
            return Err(DomainError::invalid(
                "Call-in period",
                format!("{call_in_days} working days: give between 1 and 30"),
            )
            .into());
        }
        let call_in_members = a.call_in_members();
        if !(1..=100).contains(&call_in_members) {
            return Err(DomainError::invalid(
                "Members needed for a call-in",
                format!("{call_in_members}: give between 1 and 100"),
            )
            .into());
        }
        self.write(|tx| {
            tx.execute(
                "INSERT INTO authority (singleton, name_en, name_cy, jurisdiction, languages, year_start_month, year_start_day, minute_book,
                   presenter_form_en, presenter_form_cy, call_in_days, call_in_members)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (singleton) DO UPDATE SET name_en = excluded.name_en, name_cy = excluded.name_cy,
                   jurisdiction = excluded.jurisdiction, languages = excluded.languages,
                   year_start_month = excluded.year_start_month, year_start_day = excluded.year_start_day,
                   minute_book = excluded.minute_book, presenter_form_en = excluded.presenter_form_en,
                   presenter_form_cy = excluded.presenter_form_cy, call_in_days = excluded.call_in_days,
                   call_in_members = excluded.call_in_members",
                params![
                    name_en, name_cy, a.jurisdiction.as_str(), a.languages.as_str(), a.year_start_month, a.year_start_day,
                    a.minute_book.map(MinuteBookNumbering::as_str), presenter_en, presenter_cy, call_in_days, call_in_members
                ],
            )?;
            Ok(())
        })
    }

    /// Sets which language is the legal record, the translation notice in each language and
    /// the bilingual layout. An empty notice is refused, naming its language; the side-by-side
    /// layout is not built yet and is refused with the layout that is.
    pub fn set_document_languages(&mut self, d: &DocumentLanguages) -> Result<DocumentLanguages> {
        let d = minutes_core::validate::document_languages(d)?;
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE authority SET legal_language = ?1, translation_notice_en = ?2,
                   translation_notice_cy = ?3, bilingual_layout = ?4 WHERE singleton = 1",
                params![
                    d.legal_language.as_str(),
                    d.translation_notice_en,
                    d.translation_notice_cy,
                    d.layout.as_str()
                ],
            )?;
            if n == 0 {
                return Err(DomainError::not_found(
                    "Authority",
                    "(not set up: set up the council first)",
                )
                .into());
            }
            Ok(())
        })?;
        Ok(d)
    }

    /// The authority, or a not-found error when the database has not been set up.
    pub fn authority(&self) -> Result<Authority> {
        authority(self.conn())
    }

    /// Refuses when this database already holds a council: a council is loaded, set up or
    /// generated only into a new one. `place` names the database, `what` what is refused
    /// ("the demo loads").
    pub fn refuse_if_council(&self, place: &str, what: &str) -> Result<()> {
        if self.authority().is_ok() {
            return Err(DomainError::Conflict(format!(
                "{place} already holds a council; {what} only into a new database"
            ))
            .into());
        }
        Ok(())
    }

    /// Records the start of a municipal year (the date of its Annual Meeting).
    pub fn add_municipal_year(&mut self, start: NaiveDate) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT OR IGNORE INTO municipal_year (start_date) VALUES (?1)",
                [start],
            )?;
            Ok(())
        })
    }

    pub fn add_sequence(&mut self, n: &NewSequence) -> Result<MinuteSequence> {
        let name = required_line("Sequence name", &n.name, MAX_NAME)?;
        let prefix = optional_line("Prefix", &n.prefix, 10)?;
        let seq = MinuteSequence {
            id: new_id(),
            name,
            prefix,
            scope: n.scope,
        };
        self.write(|tx| {
            if exists(
                tx,
                "SELECT 1 FROM minute_sequence WHERE name = ?1",
                &seq.name,
            )? {
                return Err(DomainError::Conflict(format!(
                    "a minute sequence called '{}' already exists",
                    seq.name
                ))
                .into());
            }
            tx.execute(
                "INSERT INTO minute_sequence (id, name, prefix, scope) VALUES (?1, ?2, ?3, ?4)",
                params![s(seq.id), seq.name, seq.prefix, seq.scope.as_str()],
            )?;
            Ok(())
        })?;
        Ok(seq)
    }

    pub fn sequences(&self) -> Result<Vec<MinuteSequence>> {
        sequences(self.conn())
    }

    pub fn add_body(&mut self, n: &NewBody) -> Result<Body> {
        let body = self.checked_body(new_id(), n)?;
        self.write(|tx| {
            if !exists(tx, "SELECT 1 FROM minute_sequence WHERE id = ?1", &s(body.sequence_id))? {
                return Err(DomainError::not_found("Minute sequence", body.sequence_id).into());
            }
            if exists(tx, "SELECT 1 FROM body WHERE name_en = ?1", &body.name_en)? {
                return Err(DomainError::Conflict(format!("a body called '{}' already exists", body.name_en)).into());
            }
            tx.execute(
                "INSERT INTO body (id, name_en, name_cy, kind, default_keyword, chair_title, quorum,
                   whip_declarations_required, reasons_required, reasons_rule, sequence_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    s(body.id), body.name_en, body.name_cy, body.kind.as_str(), body.default_keyword.as_str(),
                    body.chair_title.as_str(), body.quorum, body.whip_declarations_required,
                    body.reasons == ReasonsRule::Required, body.reasons.as_str(), s(body.sequence_id)
                ],
            )?;
            Ok(())
        })?;
        Ok(body)
    }

    /// A body as `n` describes it, checked (names, quorum) and with the defaults filled in: the
    /// keyword (RECOMMENDED for scrutiny, RESOLVED otherwise) and whipping declarations (asked
    /// for by Welsh scrutiny committees). Used when a body is added and when it is edited.
    pub(crate) fn checked_body(&self, id: Uuid, n: &NewBody) -> Result<Body> {
        let name_en = required_line("Body name", &n.name_en, MAX_TITLE)?;
        let name_cy = optional_line("Welsh body name", &n.name_cy, MAX_TITLE)?;
        if n.quorum == 0 {
            return Err(DomainError::invalid("Quorum", "must be at least 1").into());
        }
        let wales = self
            .authority()
            .map(|a| a.jurisdiction == Jurisdiction::Wales)
            .unwrap_or(true);
        Ok(Body {
            id,
            name_en,
            name_cy,
            kind: n.kind,
            default_keyword: n.default_keyword.unwrap_or(match n.kind {
                BodyKind::Scrutiny => Keyword::Recommended,
                _ => Keyword::Resolved,
            }),
            chair_title: n.chair_title,
            quorum: n.quorum,
            whip_declarations_required: n
                .whip_declarations_required
                .unwrap_or(wales && n.kind == BodyKind::Scrutiny),
            reasons: n.reasons,
            sequence_id: n.sequence_id,
            retired: false,
        })
    }

    pub fn bodies(&self) -> Result<Vec<Body>> {
        let mut st = self.conn().prepare("SELECT * FROM body ORDER BY name_en")?;
        let rows = st.query_map([], body_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn body(&self, body_id: Uuid) -> Result<Body> {
        body(self.conn(), body_id)
    }

    /// Finds a body by its English or Welsh name, ignoring case.
    pub fn body_by_name(&self, name: &str) -> Result<Body> {
        self.conn()
            .query_row(
                "SELECT * FROM body WHERE lower(name_en) = lower(?1) OR lower(name_cy) = lower(?1)",
                [name.trim()],
                body_row,
            )
            .optional()?
            .ok_or_else(|| DomainError::not_found("Body", name).into())
    }

    pub fn add_person(&mut self, n: &NewPerson) -> Result<Person> {
        let p = Person {
            id: new_id(),
            honorific: optional_line("Honorific", &n.honorific, 40)?,
            name: required_line("Name", &n.name, MAX_NAME)?,
            kind: n.kind,
            title: optional_line("Title", &n.title, MAX_TITLE)?,
            retired: false,
        };
        self.write(|tx| {
            tx.execute(
                "INSERT INTO person (id, honorific, name, kind, title) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![s(p.id), p.honorific, p.name, p.kind.as_str(), p.title],
            )?;
            Ok(())
        })?;
        Ok(p)
    }

    /// Corrects how a person is named or described. Minutes already printed keep what they
    /// printed; drafts show the new name.
    pub fn update_person(&mut self, person_id: Uuid, n: &NewPerson) -> Result<Person> {
        let honorific = optional_line("Honorific", &n.honorific, 40)?;
        let name = required_line("Name", &n.name, MAX_NAME)?;
        let title = optional_line("Title", &n.title, MAX_TITLE)?;
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE person SET honorific = ?2, name = ?3, kind = ?4, title = ?5 WHERE id = ?1",
                params![s(person_id), honorific, name, n.kind.as_str(), title],
            )?;
            if changed == 0 {
                return Err(DomainError::not_found("Person", person_id).into());
            }
            Ok(tx.query_row(
                "SELECT * FROM person WHERE id = ?1",
                [s(person_id)],
                person_row,
            )?)
        })
    }

    /// Ends a membership on a date (a member who leaves the committee stays in its history).
    pub fn end_membership(&mut self, membership_id: Uuid, on: NaiveDate) -> Result<()> {
        self.write(|tx| {
            let from: NaiveDate = tx
                .query_row(
                    "SELECT from_date FROM membership WHERE id = ?1",
                    [s(membership_id)],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| DomainError::not_found("Membership", membership_id))?;
            if on < from {
                return Err(DomainError::invalid(
                    "Membership",
                    format!("cannot end on {on}, before it started on {from}"),
                )
                .into());
            }
            tx.execute(
                "UPDATE membership SET to_date = ?2 WHERE id = ?1",
                params![s(membership_id), on],
            )?;
            Ok(())
        })
    }

    /// Everyone, by surname (then the whole name), as pick lists show them.
    pub fn people(&self) -> Result<Vec<Person>> {
        let mut st = self.conn().prepare("SELECT * FROM person ORDER BY name")?;
        let rows = st.query_map([], person_row)?;
        let mut people: Vec<Person> = rows.collect::<rusqlite::Result<_>>()?;
        people.sort_by_cached_key(Person::sort_key);
        Ok(people)
    }

    /// Retires a person: they stay in the minutes they appear in, and leave the pick lists.
    pub fn retire_person(&mut self, person_id: Uuid) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE person SET retired = 1 WHERE id = ?1",
                [s(person_id)],
            )?;
            if n == 0 {
                return Err(DomainError::not_found("Person", person_id).into());
            }
            Ok(())
        })
    }

    /// Brings a retired person back into the pick lists (the undo of [`Store::retire_person`]).
    pub fn reinstate_person(&mut self, person_id: Uuid) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE person SET retired = 0 WHERE id = ?1",
                [s(person_id)],
            )?;
            if n == 0 {
                return Err(DomainError::not_found("Person", person_id).into());
            }
            Ok(())
        })
    }

    pub fn add_membership(&mut self, n: &NewMembership) -> Result<Membership> {
        if n.to.is_some_and(|to| to < n.from) {
            return Err(DomainError::invalid("Membership", "ends before it starts").into());
        }
        let m = Membership {
            id: new_id(),
            person_id: n.person_id,
            body_id: n.body_id,
            role: n.role,
            from: n.from,
            to: n.to,
        };
        self.write(|tx| {
            if !exists(tx, "SELECT 1 FROM person WHERE id = ?1", &s(m.person_id))? {
                return Err(DomainError::not_found("Person", m.person_id).into());
            }
            if !exists(tx, "SELECT 1 FROM body WHERE id = ?1", &s(m.body_id))? {
                return Err(DomainError::not_found("Body", m.body_id).into());
            }
            if m.role == Role::Chair {
                check_one_chair(tx, m.body_id, m.from, m.to, None)?;
            }
            tx.execute(
                "INSERT INTO membership (id, person_id, body_id, role, from_date, to_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![s(m.id), s(m.person_id), s(m.body_id), m.role.as_str(), m.from, m.to],
            )?;
            Ok(())
        })?;
        Ok(m)
    }

    pub fn memberships(&self, body_id: Uuid) -> Result<Vec<Membership>> {
        memberships(self.conn(), body_id)
    }
}
