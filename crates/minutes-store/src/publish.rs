//! What the published website may show, read in bulk: every public resolution with its Welsh
//! and its referrals (the register's search), and a fingerprint of each meeting, so that
//! publishing again re-reads only the meetings whose record changed.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use minutes_core::{Keyword, ReferralStatus};

use crate::{Result, Store};

/// A resolution the public may read: of minutes whose draft has been published (or later),
/// not of an exempt minute nor of a Part 2 item.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicResolution {
    pub resolution_id: Uuid,
    pub meeting_id: Uuid,
    pub body_id: Uuid,
    pub date: NaiveDate,
    /// The minute's number as printed ("C116").
    pub label: String,
    pub heading: String,
    pub heading_cy: String,
    pub limb: u32,
    /// How many limbs its minute has: "701" alone or "701(2)".
    pub limbs: u32,
    pub keyword: Keyword,
    pub text: String,
    pub reason: String,
    pub text_cy: String,
    pub reason_cy: String,
    /// Where its referrals went (a body's id, or the outside body's name) and their statuses.
    pub referrals: Vec<(Option<Uuid>, String, ReferralStatus)>,
}

/// The condition on `m` (meeting), `mn` (minute) and `ai` (its agenda item, may be NULL) that
/// a minute is public.
const PUBLIC_MINUTE: &str = "m.minutes_status <> 'drafting' AND mn.exempt = 0 \
     AND coalesce(ai.part, 'part1') = 'part1'";

fn uuid(s: String) -> rusqlite::Result<Uuid> {
    Uuid::parse_str(&s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

impl Store {
    /// Every public resolution, by date, minute and limb.
    pub fn public_resolutions(&self) -> Result<Vec<PublicResolution>> {
        let conn = self.conn();
        let mut referrals: HashMap<Uuid, Vec<(Option<Uuid>, String, ReferralStatus)>> =
            HashMap::new();
        let mut st = conn.prepare(
            "SELECT resolution_id, to_body_id, to_external, status FROM referral
             WHERE resolution_id IS NOT NULL ORDER BY sent_on, id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                uuid(r.get(0)?)?,
                r.get::<_, Option<String>>(1)?.map(uuid).transpose()?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (res, to, external, status) = row?;
            let status = ReferralStatus::parse(&status).unwrap_or(ReferralStatus::Issued);
            referrals
                .entry(res)
                .or_default()
                .push((to, external, status));
        }
        let sql = format!(
            "SELECT r.id, m.id, m.body_id, m.date, q.prefix, mn.number, mn.heading, r.limb,
                    r.keyword, r.text, r.reason,
                    coalesce((SELECT t.text FROM text_translation t WHERE t.source = 'limb' AND t.source_id = r.id), ''),
                    coalesce((SELECT t.text FROM text_translation t WHERE t.source = 'reason' AND t.source_id = r.id), ''),
                    coalesce((SELECT t.text FROM text_translation t WHERE t.source = 'minute_heading' AND t.source_id = mn.id), ''),
                    coalesce(ai.title_cy, ''),
                    (SELECT count(*) FROM resolution x WHERE x.minute_id = mn.id)
             FROM resolution r JOIN minute mn ON mn.id = r.minute_id
             JOIN minute_sequence q ON q.id = mn.sequence_id
             JOIN meeting m ON m.id = mn.meeting_id
             LEFT JOIN agenda_item ai ON ai.id = mn.agenda_item_id
             WHERE {PUBLIC_MINUTE}
             ORDER BY m.date, mn.number, r.limb"
        );
        let mut st = conn.prepare(&sql)?;
        let rows = st.query_map([], |r| {
            let id = uuid(r.get(0)?)?;
            let heading: String = r.get(6)?;
            let heading_cy: String = r.get(13)?;
            let title_cy: String = r.get(14)?;
            Ok(PublicResolution {
                resolution_id: id,
                meeting_id: uuid(r.get(1)?)?,
                body_id: uuid(r.get(2)?)?,
                date: r.get(3)?,
                label: minutes_core::numbering::label(&r.get::<_, String>(4)?, r.get(5)?),
                heading,
                heading_cy: if heading_cy.trim().is_empty() {
                    title_cy
                } else {
                    heading_cy
                },
                limb: r.get(7)?,
                keyword: Keyword::parse(&r.get::<_, String>(8)?).unwrap_or(Keyword::Resolved),
                text: r.get(9)?,
                reason: r.get(10)?,
                text_cy: r.get(11)?,
                reason_cy: r.get(12)?,
                limbs: r.get(15)?,
                referrals: Vec::new(),
            })
        })?;
        let mut out = Vec::new();
        for row in rows {
            let mut p = row?;
            p.referrals = referrals.remove(&p.resolution_id).unwrap_or_default();
            out.push(p);
        }
        Ok(out)
    }

    /// A fingerprint of each meeting's public record: it changes when anything the site shows
    /// of the meeting changes. Once a meeting's draft minutes are published every change to
    /// its record is audited, so the fingerprint is its row, its newest audit entry, and the
    /// referrals and call-ins of its resolutions with the newest audit entry of the meetings
    /// that answered them. Before that (an agenda, or nothing yet), it is the digest of the
    /// meeting's whole record, which `record` reads.
    pub fn meeting_fingerprints(
        &self,
        record: &mut dyn FnMut(Uuid) -> Result<String>,
    ) -> Result<Vec<(Uuid, String)>> {
        let conn = self.conn();
        let mut st = conn.prepare(
            "SELECT m.id, m.minutes_status,
                    json_array(m.date, m.start_time, m.end_time, m.venue, m.mode, m.status,
                               m.minutes_status, m.approved_at_meeting_id, m.signed_on, m.body_id),
                    coalesce((SELECT max(seq) FROM audit_log a WHERE a.meeting_id = m.id), 0),
                    coalesce((SELECT group_concat(f.id || f.status || coalesce(f.outcome, '') || coalesce(f.target_minute_id, '')
                                     || coalesce(f.closed_on, '') || f.response_text || coalesce(f.reported_back_meeting_id, '')
                                     || coalesce((SELECT max(seq) FROM audit_log a WHERE a.meeting_id = f.target_meeting_id), 0), ',')
                              FROM referral f JOIN resolution r ON r.id = f.resolution_id
                              WHERE r.meeting_id = m.id), ''),
                    coalesce((SELECT group_concat(c.id || c.status || coalesce(c.scrutiny_minute_id, '')
                                     || coalesce((SELECT max(seq) FROM audit_log a WHERE a.meeting_id = c.scrutiny_meeting_id), 0), ',')
                              FROM call_in c WHERE c.meeting_id = m.id), '')
             FROM meeting m ORDER BY m.date, m.id",
        )?;
        let rows: Vec<(String, String, String, i64, String, String)> = st
            .query_map(params![], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, status, row, seq, refs, call_ins) in rows {
            let id = Uuid::parse_str(&id).map_err(|e| {
                crate::StoreError::from(minutes_core::DomainError::invalid(
                    "Meeting",
                    format!("a meeting's id is not a UUID ({e})"),
                ))
            })?;
            let mut h = Sha256::new();
            h.update(row.as_bytes());
            if status == "drafting" {
                h.update(record(id)?.as_bytes());
            } else {
                h.update(seq.to_le_bytes());
                h.update(refs.as_bytes());
                h.update(call_ins.as_bytes());
            }
            out.push((id, format!("{:x}", h.finalize())));
        }
        Ok(out)
    }
}
