//! The resolutions register: search over every resolution with filters, the resolution page
//! with its whole referral chain, the referrals view (open, due soon, overdue) and incoming
//! referrals taken up as "(REF)" agenda items.
//!
//! Search runs on `register_fts` (migration 02, with prefix indexes of 1 to 12 letters since
//! migration 05): one document per resolution holding its text, its reason and the words of
//! its minute (heading, item title, narrative). What the user types is only ever words (see
//! [`crate::search::fts_query`]); the last is also the start of a word. Hits come in tiers
//! (see [`tiers`]): resolutions holding the typed words as a phrase, in order, first, and
//! those holding them in their own words before those holding them only in the minute; the
//! newest first within each.
//!
//! Each search is a bounded amount of work whatever the words: at most four index reads, each
//! newest first and stopping at the number of hits still wanted, one statement reading the
//! details of those from `register_row` (migration 06: what a hit shows, one row per
//! resolution, so a hit is one read), and one reading their referrals. A search filtered on
//! referrals starts from the referrals, which are few, and keeps the matches among them.

use chrono::{Local, NaiveDate};
use minutes_core::*;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use uuid::Uuid;

use crate::read::{
    authority, blocks, body, call_ins_where, executive_decision, implementation, meeting,
    meeting_ref, member_names, minute, referral, referral_row, resolution, resolutions,
};
use crate::register_columns::{Columns, ColumnsCache};
use crate::rows::{id, s, word};
use crate::search::{check_search_text, fts_words};
use crate::{Result, Store};
use chrono::Days;
use minutes_core::call_in::{pending, CallInChain, ExecutiveView};
use minutes_core::welsh_search;

/// How many days before the due date an open referral counts as "due soon".
pub const DUE_SOON_DAYS: i64 = 14;

const DEFAULT_LIMIT: u32 = 25;

const MAX_LIMIT: u32 = 500;

/// The columns every register hit is read from: `register_row` (migration 06), aliased x.
const HIT_COLUMNS: &str = "x.resolution_id, x.minute_id, x.meeting_id, x.body_id, x.body_name,
    x.date, x.number, x.prefix, x.heading, x.limb, x.keyword, x.text, x.reason";
/// The number of [`HIT_COLUMNS`], read by position in [`hit_row`]; a query may add more after.
const HIT_COLUMN_COUNT: usize = 13;

impl Store {
    /// Searches the register: resolutions whose text, reason, minute or item title hold the
    /// typed words, filtered; exact phrases first, then by relevance. With no words, the
    /// newest resolutions that pass the filters.
    pub fn search_register(&self, q: &RegisterQuery) -> Result<Vec<RegisterHit>> {
        Ok(self.register_page(q)?.hits)
    }

    /// The page of the register's results the query asks for (25 from its offset unless it
    /// says), and whether more follow. A page past the last result is empty.
    pub fn register_page(&self, q: &RegisterQuery) -> Result<RegisterPage> {
        search_register(self.conn(), Some(&self.register_columns), q)
    }

    /// Everything the resolution page shows, referral chain included.
    pub fn resolution_page(&self, resolution_id: Uuid, today: NaiveDate) -> Result<ResolutionPage> {
        resolution_page(self.conn(), resolution_id, today)
    }

    /// Open referrals (not closed), with how urgent each is, most urgent first. With a body,
    /// only those it made or received.
    pub fn referrals_view(
        &self,
        body_id: Option<Uuid>,
        today: NaiveDate,
    ) -> Result<Vec<ReferralChain>> {
        if let Some(b) = body_id {
            body(self.conn(), b)?;
        }
        let mut st = self.conn().prepare(
            "SELECT * FROM referral WHERE status <> 'closed'
               AND (?1 IS NULL OR from_body_id = ?1 OR to_body_id = ?1)
             ORDER BY response_due, sent_on, id",
        )?;
        let list: Vec<Referral> = st
            .query_map([body_id.map(s)], referral_row)?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = list
            .into_iter()
            .map(|r| chain(self.conn(), r, today))
            .collect::<Result<Vec<_>>>()?;
        out.sort_by_key(|c| {
            let rank = match c.urgency {
                Some(ReferralUrgency::Overdue) => 0,
                Some(ReferralUrgency::DueSoon) => 1,
                _ => 2,
            };
            (rank, c.referral.response_due)
        });
        Ok(out)
    }

    /// Records the target body's answer to a referral in one call: the outcome, its response,
    /// and the meeting and minute that gave it. Moves the referral to "considered".
    pub fn record_outcome(&mut self, referral_id: Uuid, o: &OutcomeInput) -> Result<Referral> {
        self.advance_referral(
            referral_id,
            &input::ReferralStep::Consider {
                outcome: o.outcome,
                response_text: o.response_text.clone(),
                meeting_id: o.meeting_id,
                minute_id: o.minute_id,
            },
        )
    }

    /// Takes up a referral from another body (Cabinet refers a report to scrutiny) as an item
    /// on one of the target body's agendas: tagged "REF", linked to the referral, and the
    /// referral scheduled at that meeting. The title defaults to the referring minute's heading.
    pub fn take_up_referral(
        &mut self,
        meeting_id: Uuid,
        referral_id: Uuid,
        title: Option<&str>,
    ) -> Result<AgendaItem> {
        self.atomically(|store| {
            let r = referral(store.conn(), referral_id)?;
            let m = meeting(store.conn(), meeting_id)?;
            if r.to_body_id != Some(m.body_id) {
                return Err(DomainError::Conflict(
                    "a referral can only be taken up at a meeting of the body it was referred to"
                        .into(),
                )
                .into());
            }
            let title = match (
                title.map(str::trim).filter(|t| !t.is_empty()),
                r.resolution_id,
            ) {
                (Some(t), _) => t.to_string(),
                (None, Some(rid)) => {
                    let res = resolution(store.conn(), rid)?;
                    minute(store.conn(), res.minute_id)?.heading
                }
                (None, None) => {
                    return Err(DomainError::invalid(
                        "Item title",
                        "give the title of the referred report",
                    )
                    .into())
                }
            };
            let item = store.add_agenda_item(
                meeting_id,
                &input::NewAgendaItem {
                    origin: ItemOrigin::ReferredFromCabinet,
                    tag: "REF".into(),
                    ..input::NewAgendaItem::report(&title)
                },
            )?;
            store.write(|tx| {
                tx.execute(
                    "UPDATE agenda_item SET referral_id = ?2 WHERE id = ?1",
                    params![s(item.id), s(referral_id)],
                )?;
                Ok(())
            })?;
            let already =
                r.status == ReferralStatus::Scheduled && r.target_meeting_id == Some(meeting_id);
            if !already {
                store
                    .advance_referral(referral_id, &input::ReferralStep::Schedule { meeting_id })?;
            }
            Ok(item)
        })
    }
}

/// Today's date where the clerk is.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Where a referral stands against its due date; None once it is closed.
pub fn urgency(r: &Referral, today: NaiveDate) -> Option<ReferralUrgency> {
    match r.status {
        ReferralStatus::Closed => None,
        _ if r.is_overdue(today) => Some(ReferralUrgency::Overdue),
        ReferralStatus::Issued | ReferralStatus::Scheduled
            if (r.response_due - today).num_days() <= DUE_SOON_DAYS =>
        {
            Some(ReferralUrgency::DueSoon)
        }
        _ => Some(ReferralUrgency::Open),
    }
}

fn hit_row(r: &Row, words: &[String], exact: bool) -> rusqlite::Result<RegisterHit> {
    // By position, in the order of HIT_COLUMNS.
    let number: u32 = r.get(6)?;
    let prefix: String = r.get(7)?;
    let text: String = r.get(11)?;
    let reason: String = r.get(12)?;
    Ok(RegisterHit {
        resolution_id: id(r, 0)?,
        minute_id: id(r, 1)?,
        meeting_id: id(r, 2)?,
        body_id: id(r, 3)?,
        body_name: r.get(4)?,
        date: r.get(5)?,
        minute_label: numbering::label(&prefix, number),
        heading: r.get(8)?,
        limb: r.get(9)?,
        keyword: word(r, 10, Keyword::parse)?,
        text: mark_words(&text, words),
        reason: mark_words(&reason, words),
        exact,
        referrals: Vec::new(),
        language: Language::En,
        text_cy: Vec::new(),
        reason_cy: Vec::new(),
        heading_cy: String::new(),
    })
}

/// The Welsh of a resolution and its minute (migration 15's translations, the agenda item's
/// and the body's Welsh names): the texts the Welsh register shows and the CSV exports.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Welsh {
    pub text: String,
    pub reason: String,
    /// The minute's heading in Welsh: its translation, or the item's Welsh title where the
    /// minute keeps the item's title.
    pub heading: String,
    pub item_title: String,
    pub body: String,
}

/// The Welsh of a resolution: a text first written in Welsh is its own Welsh; otherwise its
/// translation, when it has one. Empty where there is none.
pub(crate) fn welsh(conn: &Connection, resolution_id: Uuid) -> Result<Welsh> {
    let mut st = conn.prepare_cached(
        "SELECT CASE WHEN tl.original = 'cy' THEN r.text ELSE coalesce(tl.text, '') END,
                CASE WHEN tr.original = 'cy' THEN r.reason ELSE coalesce(tr.text, '') END,
                CASE WHEN th.original = 'cy' THEN mn.heading
                     WHEN coalesce(th.text, '') <> '' THEN th.text
                     WHEN mn.heading = ai.title_en THEN coalesce(ai.title_cy, '')
                     ELSE '' END,
                coalesce(ai.title_cy, ''), b.name_cy
         FROM resolution r JOIN minute mn ON mn.id = r.minute_id
         JOIN meeting m ON m.id = r.meeting_id JOIN body b ON b.id = m.body_id
         LEFT JOIN agenda_item ai ON ai.id = mn.agenda_item_id
         LEFT JOIN text_translation tl ON tl.source = 'limb' AND tl.source_id = r.id
         LEFT JOIN text_translation tr ON tr.source = 'reason' AND tr.source_id = r.id
         LEFT JOIN text_translation th ON th.source = 'minute_heading' AND th.source_id = mn.id
         WHERE r.id = ?1",
    )?;
    Ok(st
        .query_row([s(resolution_id)], |r| {
            Ok(Welsh {
                text: r.get(0)?,
                reason: r.get(1)?,
                heading: r.get(2)?,
                item_title: r.get(3)?,
                body: r.get(4)?,
            })
        })
        .optional()?
        .unwrap_or_default())
}

/// Folds a letter as the index does (unicode61, remove_diacritics 2): lower case, accents off.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ŵ' | 'ẁ' | 'ẃ' | 'ẅ' => 'w',
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' => 'y',
        other => other,
    }
}

fn folded(w: &str) -> String {
    w.chars().map(fold).collect()
}

/// The text as segments with the typed words marked: whole words, accents and case folded,
/// the last typed word also as the start of a word (as the search matches it).
pub(crate) fn mark_words(text: &str, words: &[String]) -> Vec<Segment> {
    let Some((last, _)) = words.split_last() else {
        return mark(text, &[], &[]);
    };
    mark(text, words, std::slice::from_ref(last))
}

/// The text as segments with the words of the Welsh search marked: every form of each typed
/// word ([`welsh_search::forms`]), those of the last word also as the start of a word.
pub(crate) fn mark_welsh(text: &str, words: &[String]) -> Vec<Segment> {
    let Some((last, _)) = words.split_last() else {
        return mark(text, &[], &[]);
    };
    let whole: Vec<String> = words.iter().flat_map(|w| welsh_search::forms(w)).collect();
    mark(text, &whole, &welsh_search::forms(last))
}

/// The text as segments, marking whole words in `whole` and words starting with one of
/// `prefixes` (accents and case folded).
fn mark(text: &str, whole: &[String], prefixes: &[String]) -> Vec<Segment> {
    let prefixes: Vec<String> = prefixes.iter().map(|w| folded(w)).collect();
    let wanted: Vec<String> = whole.iter().map(|w| folded(w)).collect();
    if wanted.is_empty() && prefixes.is_empty() {
        return vec![Segment {
            text: text.to_string(),
            marked: false,
        }];
    }
    // Most words of a text are not wanted: their first letter says so without folding them.
    let firsts: std::collections::HashSet<char> = wanted
        .iter()
        .chain(&prefixes)
        .filter_map(|w| w.chars().next())
        .collect();
    let whole: std::collections::HashSet<&str> = wanted.iter().map(String::as_str).collect();
    let mut f = String::new();
    let mut is_wanted = |w: &str| {
        if !w.chars().next().is_some_and(|c| firsts.contains(&fold(c))) {
            return false;
        }
        f.clear();
        f.extend(w.chars().map(fold));
        prefixes.iter().any(|p| f.starts_with(p.as_str())) || whole.contains(f.as_str())
    };
    // The marked words as byte ranges, then the text cut at them: one string per segment.
    let mut out: Vec<Segment> = Vec::new();
    let mut plain_from = 0;
    let mut mark = |from: usize, to: usize, out: &mut Vec<Segment>| {
        if from > plain_from {
            out.push(Segment {
                text: text[plain_from..from].to_string(),
                marked: false,
            });
        }
        out.push(Segment {
            text: text[from..to].to_string(),
            marked: true,
        });
        plain_from = to;
    };
    let mut word_from = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), word_from) {
            (true, None) => word_from = Some(i),
            (false, Some(from)) => {
                if is_wanted(&text[from..i]) {
                    mark(from, i, &mut out);
                }
                word_from = None;
            }
            _ => {}
        }
    }
    if let Some(from) = word_from {
        if is_wanted(&text[from..]) {
            mark(from, text.len(), &mut out);
        }
    }
    if plain_from < text.len() {
        out.push(Segment {
            text: text[plain_from..].to_string(),
            marked: false,
        });
    }
    out
}

/// The page of the register a query asks for (its offset and limit), and whether more follow.
pub(crate) fn search_register(
    conn: &Connection,
    cache: Option<&ColumnsCache>,
    q: &RegisterQuery,
) -> Result<RegisterPage> {
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let offset = q.offset.unwrap_or(0);
    let (hits, more) = search_page(conn, cache, q, offset as usize, limit as usize)?;
    Ok(RegisterPage { hits, offset, more })
}

/// The FTS5 queries of a search, best first, each with whether its hits hold the typed words
/// as a phrase: with several words, the phrase in the resolution's own words (its text or
/// reason), then the phrase anywhere (the minute's heading, item title and narrative too),
/// then all the words in the resolution's own words, then all the words anywhere; with one
/// word, in its own words, then anywhere. The last word is always also the start of a word,
/// as the user is typing it.
fn tiers(words: &[String]) -> Vec<(String, bool)> {
    let Some((last, init)) = words.split_last() else {
        return Vec::new();
    };
    const OWN: &str = "{text reason text_cy reason_cy} : ";
    let mut all: Vec<String> = init.iter().map(|w| term(w, false)).collect();
    all.push(term(last, true));
    let all = all.join(" AND ");
    if init.is_empty() {
        return vec![(format!("{OWN}{all}"), false), (all, false)];
    }
    let phrase = phrase_term(words);
    vec![
        (format!("{OWN}{phrase}"), true),
        (phrase, true),
        (format!("{OWN}({all})"), false),
        (all, false),
    ]
}

/// The Welsh columns of `register_fts` (migration 16).
const WELSH_COLUMNS: &str = "{text_cy reason_cy minute_cy}";

/// The most phrases a typed phrase is searched as in Welsh (each word in each of its forms);
/// beyond it, the phrase only as typed.
const MAX_PHRASES: usize = 32;

/// One typed word as an FTS5 query: the word as typed, anywhere; and where it has other
/// forms (a Welsh word whose first letter may be mutated, see [`welsh_search::forms`]), any
/// of them in the Welsh words. The last typed word is also the start of a word.
fn term(word: &str, last: bool) -> String {
    let star = if last { "*" } else { "" };
    let forms = welsh_search::forms(word);
    let exact = format!("\"{word}\"{star}");
    if forms.len() == 1 {
        return exact;
    }
    let others: Vec<String> = forms[1..]
        .iter()
        .map(|f| format!("\"{f}\"{star}"))
        .collect();
    format!("({exact} OR {WELSH_COLUMNS} : ({}))", others.join(" OR "))
}

/// The typed words as a phrase, in order, the last also the start of a word: as typed,
/// anywhere; and with each word in any of its forms, in the Welsh words (while there are at
/// most [`MAX_PHRASES`] such phrases).
fn phrase_term(words: &[String]) -> String {
    let exact = format!("\"{}\"*", words.join(" "));
    let forms: Vec<Vec<String>> = words.iter().map(|w| welsh_search::forms(w)).collect();
    let count = forms
        .iter()
        .try_fold(1usize, |n, f| n.checked_mul(f.len()))
        .unwrap_or(usize::MAX);
    if count <= 1 || count > MAX_PHRASES {
        return exact;
    }
    let mut phrases: Vec<Vec<&str>> = vec![Vec::new()];
    for f in &forms {
        phrases = phrases
            .into_iter()
            .flat_map(|p| {
                f.iter().map(move |w| {
                    let mut p = p.clone();
                    p.push(w.as_str());
                    p
                })
            })
            .collect();
    }
    let others: Vec<String> = phrases
        .iter()
        .skip(1) // the first is every word as typed
        .map(|p| format!("\"{}\"*", p.join(" ")))
        .collect();
    format!("({exact} OR {WELSH_COLUMNS} : ({}))", others.join(" OR "))
}

/// The FTS5 query that holds when the resolution's English words hold every typed word, as
/// typed (the last also as the start of a word).
fn english_query(words: &[String]) -> Option<String> {
    let (last, init) = words.split_last()?;
    let mut all: Vec<String> = init.iter().map(|w| format!("\"{w}\"")).collect();
    all.push(format!("\"{last}\"*"));
    Some(format!("{{text reason minute}} : ({})", all.join(" AND ")))
}

/// Says for each hit which language its words were found in, and gives the Welsh of those
/// found in Welsh: one index lookup per hit (by its document number) and, for a Welsh hit,
/// one read of its Welsh.
fn languages(
    conn: &Connection,
    hits: &mut [(usize, i64, bool, RegisterHit)],
    words: &[String],
) -> Result<()> {
    let Some(english) = english_query(words) else {
        return Ok(());
    };
    let mut st = conn.prepare_cached(
        "SELECT count(*) FROM register_fts WHERE register_fts MATCH ?1 AND rowid = ?2",
    )?;
    for (_, doc, welsh_original, h) in hits.iter_mut() {
        // Most hits show every word in their English text, reason or heading: English, with
        // no index lookup (unless one of those was first written in Welsh).
        if !*welsh_original && english_holds(h, words) {
            continue;
        }
        let in_english: i64 = st.query_row(params![english, *doc], |r| r.get(0))?;
        if in_english > 0 {
            continue;
        }
        let cy = welsh(conn, h.resolution_id)?;
        h.language = Language::Cy;
        h.text_cy = mark_welsh(&cy.text, words);
        h.reason_cy = mark_welsh(&cy.reason, words);
        h.heading_cy = cy.heading;
    }
    Ok(())
}

/// Whether the hit's English text, reason and heading hold every typed word (the last also
/// as the start of a word), as the marked words show.
fn english_holds(h: &RegisterHit, words: &[String]) -> bool {
    let Some((last, init)) = words.split_last() else {
        return true;
    };
    let heading = mark_words(&h.heading, words);
    let marked: Vec<String> = h
        .text
        .iter()
        .chain(&h.reason)
        .chain(&heading)
        .filter(|s| s.marked)
        .map(|s| folded(&s.text))
        .collect();
    let last = folded(last);
    init.iter().map(|w| folded(w)).all(|w| marked.contains(&w))
        && marked.iter().any(|m| m.starts_with(&last))
}

/// The register search with any limit, from its first result (exports take every row).
pub(crate) fn search_limited(
    conn: &Connection,
    q: &RegisterQuery,
    limit: u32,
) -> Result<Vec<RegisterHit>> {
    Ok(search_page(conn, None, q, 0, limit as usize)?.0)
}

/// Whether the query has a filter beyond the exempt minutes.
fn filtered(q: &RegisterQuery) -> bool {
    q.body_id.is_some()
        || q.from.is_some()
        || q.to.is_some()
        || q.keyword.is_some()
        || q.referred_to.is_some()
        || q.referral.is_some()
}

/// The search documents the index holds between `lo` and `hi`, newest first.
const FTS_BETWEEN: &str = "SELECT rowid FROM register_fts WHERE register_fts MATCH ?1
     AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid DESC";

/// While the broadest query of a search finds fewer documents than this (that pass the
/// filters), the narrower ones are read only among them.
const FEW: usize = 200;

/// The hits `offset..offset + limit` of a search, and whether more follow.
///
/// The hits of each query of [`tiers`] come before those of the next; each query reads the
/// index newest first (by document number) and stops when the search has the hits up to the
/// end of the page and one more (which says whether more follow). Those hits are then put
/// in order (by query, then the newest meeting first) and the page cut from them, so a page
/// is the same as the end of a search of that many hits. Only the page's hits are read in
/// full and have their words marked.
///
/// The filters are tested in memory ([`crate::register_columns`]); without any (but the
/// exempt minutes) the exempt minutes, which are few, are set aside by their numbers.
pub(crate) fn search_page(
    conn: &Connection,
    cache: Option<&ColumnsCache>,
    q: &RegisterQuery,
    offset: usize,
    limit: usize,
) -> Result<(Vec<RegisterHit>, bool)> {
    if let (Some(from), Some(to)) = (q.from, q.to) {
        if to < from {
            return Err(
                DomainError::invalid("Dates", "the end date is before the start date").into(),
            );
        }
    }
    check_search_text(&q.text)?;
    let today = q.today.unwrap_or_else(today);
    let words = fts_words(&q.text);
    let window = offset.saturating_add(limit);
    let want = window.saturating_add(1);
    let in_transaction = !conn.is_autocommit();
    // One read for the whole search: the index, the details and the referrals are seen as
    // they stood at one moment, and the database's lock is taken once, not per statement.
    // Nothing is written; ending the read undoes nothing.
    let _one_read = if conn.is_autocommit() {
        Some(conn.unchecked_transaction()?)
    } else {
        None
    };
    let cols = if filtered(q) {
        Some(match cache {
            Some(c) => c.get(conn, in_transaction)?,
            None => std::sync::Arc::new(Columns::read(conn)?),
        })
    } else {
        None
    };
    let filter = cols.as_ref().map(|c| c.filter(q, today));
    if words.is_empty() {
        let few = filter.as_ref().and_then(|f| f.few().map(|docs| (f, docs)));
        let mut hits: Vec<RegisterHit> = match few {
            Some((f, mut docs)) => {
                // Filtered on referrals: those few, up to the page's last meeting date (the
                // day's others too), which the statement puts in the register's order.
                docs.sort_by_key(|d| std::cmp::Reverse(f.date(*d)));
                let cut = docs.get(want - 1).map_or(i32::MIN, |d| f.date(*d));
                docs.retain(|d| f.date(*d) >= cut);
                let mut st = conn.prepare_cached(&format!(
                    "SELECT {HIT_COLUMNS} FROM json_each(?1) j CROSS JOIN register_row x ON x.doc = j.value
                     ORDER BY x.date DESC, x.number DESC, x.limb, x.doc LIMIT ?2 OFFSET ?3"
                ))?;
                let rows = st.query_map(
                    params![json_list(&docs), to_sql(want), to_sql(offset)],
                    |r| hit_row(r, &[], false),
                )?;
                rows.collect::<rusqlite::Result<_>>()?
            }
            None => {
                // Otherwise the register's rows newest first (by date, or a committee's by its
                // index), each tested on the filters, until the page's end and one more.
                let (filter_sql, filter_args) = filters(q, today);
                // Named, as the planner would otherwise sort every row for the last key.
                let index = if q.body_id.is_some() {
                    "register_row_body"
                } else {
                    "register_row_newest"
                };
                let mut st = conn.prepare_cached(&format!(
                    "SELECT {HIT_COLUMNS} FROM register_row x INDEXED BY {index} WHERE ?1 IS NULL {filter_sql}
                     ORDER BY x.date DESC, x.number DESC, x.limb, x.doc LIMIT {} OFFSET {}",
                    to_sql(want),
                    to_sql(offset)
                ))?;
                let args = numbered(Value::Null, &filter_args);
                let rows =
                    st.query_map(params_from_iter(args.iter()), |r| hit_row(r, &[], false))?;
                rows.collect::<rusqlite::Result<_>>()?
            }
        };
        let more = hits.len() > limit;
        hits.truncate(limit);
        return Ok((finish(conn, hits, today)?, more));
    }
    let tiers = tiers(&words);
    let mut docs = match &filter {
        Some(f) => match f.bounds() {
            Some((lo, hi)) => collect(conn, &tiers, lo, hi, &|d| f.passes(d), want)?,
            None => Vec::new(),
        },
        None => {
            let exempt = if q.confidential {
                std::collections::HashSet::new()
            } else {
                exempt_docs(conn)?
            };
            collect(
                conn,
                &tiers,
                i64::MIN,
                i64::MAX,
                &|d| !exempt.contains(&d),
                want,
            )?
        }
    };
    let more = docs.len() > window;
    docs.truncate(window);
    // Within a query's hits, the newest meeting first (the index holds them in the order they
    // were entered, which an archive entered later does not follow).
    let dates = dates(conn, &docs)?;
    docs.retain(|(d, _, _)| dates.contains_key(d));
    docs.sort_by(|(a, _, ta), (b, _, tb)| ta.cmp(tb).then(dates[b].cmp(&dates[a])));
    let page: Vec<(i64, bool, usize)> = docs.into_iter().skip(offset).collect();
    let hits = details(conn, &page, &words)?;
    Ok((
        finish(conn, hits.into_iter().map(|(_, h)| h).collect(), today)?,
        more,
    ))
}

/// A count or position as SQLite takes it (beyond its largest, its largest).
fn to_sql(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Document numbers as a JSON list (for `json_each`).
fn json_list(docs: &[i64]) -> String {
    let mut out = String::with_capacity(docs.len() * 7 + 2);
    out.push('[');
    for (i, d) in docs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&d.to_string());
    }
    out.push(']');
    out
}

/// The search documents of exempt minutes (few: read through their partial index).
fn exempt_docs(conn: &Connection) -> Result<std::collections::HashSet<i64>> {
    let mut st = conn.prepare_cached("SELECT doc FROM register_row WHERE exempt <> 0")?;
    let docs = st
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(docs)
}

/// The meeting date of each document.
fn dates(
    conn: &Connection,
    docs: &[(i64, bool, usize)],
) -> Result<std::collections::HashMap<i64, String>> {
    let list: Vec<i64> = docs.iter().map(|(d, _, _)| *d).collect();
    let mut st = conn.prepare_cached(
        "SELECT x.doc, x.date FROM json_each(?1) j CROSS JOIN register_row x ON x.doc = j.value",
    )?;
    let dates = st
        .query_map([json_list(&list)], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(dates)
}

/// The documents of a search, (document, exact, query), in the order the queries find them:
/// each query's matches between `lo` and `hi` that pass, newest first, none twice, until
/// there are `want`.
///
/// The broadest query (the last: all the words anywhere) holds every other's matches. It is
/// read first: while it finds fewer than [`FEW`] that pass, the others are read only between
/// the first and last of those, and keep only those; a search nothing passes ends there.
/// (Asking the index about each of a few documents instead costs more: a lookup of a phrase
/// of common words reads their long lists again, a millisecond or more each.)
fn collect(
    conn: &Connection,
    tiers: &[(String, bool)],
    lo: i64,
    hi: i64,
    pass: &dyn Fn(i64) -> bool,
    want: usize,
) -> Result<Vec<(i64, bool, usize)>> {
    let mut st = conn.prepare_cached(FTS_BETWEEN)?;
    let mut docs: Vec<(i64, bool, usize)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let Some(((broad, broad_exact), narrower)) = tiers.split_last() else {
        return Ok(docs);
    };
    let cap = want.max(FEW);
    let mut few: Vec<i64> = Vec::new();
    let mut complete = true;
    {
        let mut rows = st.query(params![broad, lo, hi])?;
        while let Some(r) = rows.next()? {
            let d: i64 = r.get(0)?;
            if pass(d) {
                few.push(d);
                if few.len() >= cap {
                    complete = false;
                    break;
                }
            }
        }
    }
    if complete {
        let (Some(&first), Some(&last)) = (few.last(), few.first()) else {
            return Ok(docs);
        };
        let set: std::collections::HashSet<i64> = few.iter().copied().collect();
        for (tier, (fts, exact)) in narrower.iter().enumerate() {
            if docs.len() >= want || seen.len() == set.len() {
                break;
            }
            let mut rows = st.query(params![fts, first, last])?;
            while let Some(r) = rows.next()? {
                let d: i64 = r.get(0)?;
                if set.contains(&d) && seen.insert(d) {
                    docs.push((d, *exact, tier));
                    if docs.len() >= want || seen.len() == set.len() {
                        break;
                    }
                }
            }
        }
        for d in few {
            if docs.len() >= want {
                break;
            }
            if seen.insert(d) {
                docs.push((d, *broad_exact, narrower.len()));
            }
        }
        return Ok(docs);
    }
    for (tier, (fts, exact)) in tiers.iter().enumerate() {
        if docs.len() >= want {
            break;
        }
        let mut rows = st.query(params![fts, lo, hi])?;
        while let Some(r) = rows.next()? {
            let d: i64 = r.get(0)?;
            if pass(d) && seen.insert(d) {
                docs.push((d, *exact, tier));
                if docs.len() >= want {
                    break;
                }
            }
        }
    }
    Ok(docs)
}

/// The hits with their referrals.
fn finish(
    conn: &Connection,
    mut hits: Vec<RegisterHit>,
    today: NaiveDate,
) -> Result<Vec<RegisterHit>> {
    add_referrals(conn, &mut hits, today)?;
    Ok(hits)
}

/// The hits for these documents (document, exact, tier), in their order, each with its tier,
/// read in one statement per hundred.
fn details(
    conn: &Connection,
    docs: &[(i64, bool, usize)],
    words: &[String],
) -> Result<Vec<(usize, RegisterHit)>> {
    // With each hit, whether its limb, reason or heading was first written in Welsh (then
    // the register row's words are Welsh).
    let mut st = conn.prepare_cached(&format!(
        "SELECT {HIT_COLUMNS}, x.doc,
                EXISTS (SELECT 1 FROM text_translation t WHERE t.original = 'cy'
                          AND ((t.source IN ('limb', 'reason') AND t.source_id = x.resolution_id)
                               OR (t.source = 'minute_heading' AND t.source_id = x.minute_id)))
         FROM json_each(?1) j CROSS JOIN register_row x ON x.doc = j.value"
    ))?;
    let mut out = Vec::with_capacity(docs.len());
    for batch in docs.chunks(100) {
        let list = format!(
            "[{}]",
            batch
                .iter()
                .map(|(d, _, _)| d.to_string())
                .collect::<Vec<_>>()
                .join(",")
        );
        let mut rows: std::collections::HashMap<i64, (bool, RegisterHit)> = st
            .query_map([list], |r| {
                Ok((
                    r.get(HIT_COLUMN_COUNT)?,
                    (r.get(HIT_COLUMN_COUNT + 1)?, hit_row(r, words, false)?),
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (doc, exact, tier) in batch {
            if let Some((welsh_original, mut h)) = rows.remove(doc) {
                h.exact = *exact;
                out.push((*tier, *doc, welsh_original, h));
            }
        }
    }
    languages(conn, &mut out, words)?;
    Ok(out.into_iter().map(|(tier, _, _, h)| (tier, h)).collect())
}

/// Each hit's referrals with where they stand, read in one statement.
fn add_referrals(conn: &Connection, hits: &mut [RegisterHit], today: NaiveDate) -> Result<()> {
    if hits.is_empty() {
        return Ok(());
    }
    // Resolution ids are UUIDs: quoted, they are JSON strings as they are.
    let list = format!(
        "[{}]",
        hits.iter()
            .map(|h| format!("\"{}\"", s(h.resolution_id)))
            .collect::<Vec<_>>()
            .join(",")
    );
    let mut st = conn.prepare_cached(
        "SELECT f.*, coalesce(b.name_en, f.to_external) AS to_name FROM referral f
         LEFT JOIN body b ON b.id = f.to_body_id
         WHERE f.resolution_id IN (SELECT value FROM json_each(?1))
         ORDER BY f.sent_on, f.id",
    )?;
    let rows = st.query_map([list], |r| {
        let f = referral_row(r)?;
        Ok((
            f.resolution_id,
            ReferralSummary {
                referral_id: f.id,
                to: r.get("to_name")?,
                status: f.status,
                outcome: f.outcome,
                response_due: f.response_due,
                overdue: f.is_overdue(today),
            },
        ))
    })?;
    let mut by_resolution: std::collections::HashMap<Uuid, Vec<ReferralSummary>> =
        std::collections::HashMap::new();
    for row in rows {
        let (resolution_id, summary) = row?;
        if let Some(rid) = resolution_id {
            by_resolution.entry(rid).or_default().push(summary);
        }
    }
    for h in hits.iter_mut() {
        h.referrals = by_resolution.remove(&h.resolution_id).unwrap_or_default();
    }
    Ok(())
}

/// The register search done plainly and slowly, for tests to hold the quick one to: the
/// filters tested in SQL on every register row, every match of every query read, in the
/// queries' order and newest document first, none twice; the page cut from those up to its
/// end once they are put in order (by query, then the newest meeting first).
#[cfg(feature = "testing")]
#[doc(hidden)]
pub fn search_reference(store: &Store, q: &RegisterQuery) -> Result<RegisterPage> {
    let conn = store.conn();
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT) as usize;
    let offset = q.offset.unwrap_or(0);
    if let (Some(from), Some(to)) = (q.from, q.to) {
        if to < from {
            return Err(
                DomainError::invalid("Dates", "the end date is before the start date").into(),
            );
        }
    }
    check_search_text(&q.text)?;
    let today = q.today.unwrap_or_else(today);
    let (filter_sql, filter_args) = filters(q, today);
    let words = fts_words(&q.text);
    let window = offset as usize + limit;
    if words.is_empty() {
        let mut st = conn.prepare(&format!(
            "SELECT {HIT_COLUMNS} FROM register_row x WHERE ?1 IS NULL {filter_sql}
             ORDER BY x.date DESC, x.number DESC, x.limb, x.doc"
        ))?;
        let args = numbered(Value::Null, &filter_args);
        let all: Vec<RegisterHit> = st
            .query_map(params_from_iter(args.iter()), |r| hit_row(r, &[], false))?
            .collect::<rusqlite::Result<_>>()?;
        let more = all.len() > window;
        let hits = all.into_iter().skip(offset as usize).take(limit).collect();
        return Ok(RegisterPage {
            hits: finish(conn, hits, today)?,
            offset,
            more,
        });
    }
    let mut order: Vec<(i64, bool, usize, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (tier, (fts, exact)) in tiers(&words).into_iter().enumerate() {
        let mut st = conn.prepare(&format!(
            "SELECT register_fts.rowid, x.date FROM register_fts
             JOIN register_row x ON x.doc = register_fts.rowid
             WHERE register_fts MATCH ?1 {filter_sql} ORDER BY register_fts.rowid DESC"
        ))?;
        let args = numbered(Value::Text(fts), &filter_args);
        let found: Vec<(i64, String)> = st
            .query_map(params_from_iter(args.iter()), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (doc, date) in found {
            if seen.insert(doc) {
                order.push((doc, exact, tier, date));
            }
        }
    }
    let more = order.len() > window;
    order.truncate(window);
    order.sort_by(|a, b| a.2.cmp(&b.2).then(b.3.cmp(&a.3)));
    let page: Vec<(i64, bool, usize)> = order
        .into_iter()
        .skip(offset as usize)
        .map(|(d, e, t, _)| (d, e, t))
        .collect();
    let hits = details(conn, &page, &words)?;
    Ok(RegisterPage {
        hits: finish(conn, hits.into_iter().map(|(_, h)| h).collect(), today)?,
        offset,
        more,
    })
}

/// A statement's values: ?1 (the FTS query, or NULL where there is none), then the filters'.
fn numbered(first: Value, filter_args: &[Value]) -> Vec<Value> {
    std::iter::once(first)
        .chain(filter_args.iter().cloned())
        .collect()
}

/// The WHERE clauses of the filters (each starting with AND) on a register row `x`, and their
/// values, numbered from ?2.
fn filters(q: &RegisterQuery, today: NaiveDate) -> (String, Vec<Value>) {
    let mut sql = String::new();
    let mut args: Vec<Value> = Vec::new();
    // ?1 is the FTS query when there is one; number the filters after it either way.
    let mut push = |sql: &mut String, clause: &str, v: Value| {
        args.push(v);
        sql.push_str(&clause.replace("?N", &format!("?{}", args.len() + 1)));
    };
    if !q.confidential {
        sql.push_str(" AND x.exempt = 0");
    }
    if let Some(b) = q.body_id {
        push(&mut sql, " AND x.body_id = ?N", Value::Text(s(b)));
    }
    if let Some(from) = q.from {
        push(&mut sql, " AND x.date >= ?N", Value::Text(from.to_string()));
    }
    if let Some(to) = q.to {
        push(&mut sql, " AND x.date <= ?N", Value::Text(to.to_string()));
    }
    if let Some(k) = q.keyword {
        push(
            &mut sql,
            " AND x.keyword = ?N",
            Value::Text(k.as_str().into()),
        );
    }
    if q.referred_to.is_none() && q.referral.is_none() {
        return (sql, args);
    }
    // One referral must meet the target and the status together.
    let mut cond = String::new();
    if let Some(to) = q.referred_to {
        push(&mut cond, " AND f.to_body_id = ?N", Value::Text(s(to)));
    }
    let negate = q.referral == Some(ReferralFilter::NotReferred);
    match q.referral {
        None | Some(ReferralFilter::Referred) | Some(ReferralFilter::NotReferred) => {}
        Some(ReferralFilter::Open) => cond.push_str(" AND f.status <> 'closed'"),
        Some(ReferralFilter::Overdue) => {
            push(
                &mut cond,
                " AND f.status IN ('issued', 'scheduled') AND f.response_due < ?N",
                Value::Text(today.to_string()),
            );
        }
        Some(other) => {
            cond.push_str(&format!(" AND f.status = '{}'", other.as_str()));
        }
    }
    sql.push_str(&format!(
        " AND {}EXISTS (SELECT 1 FROM referral f WHERE f.resolution_id = x.resolution_id{cond})",
        if negate { "NOT " } else { "" }
    ));
    (sql, args)
}

pub(crate) fn minute_link(conn: &Connection, minute_id: Uuid) -> Result<Option<MinuteLink>> {
    Ok(conn
        .query_row(
            "SELECT mn.id, mn.meeting_id, b.name_en, m.date, mn.number, q.prefix, mn.heading,
                    coalesce((SELECT t.text FROM text_translation t WHERE t.source = 'minute_heading'
                              AND t.source_id = mn.id AND t.status = 'done' AND t.original = 'en'),
                             CASE WHEN mn.heading = ai.title_en THEN coalesce(ai.title_cy, '') ELSE '' END)
             FROM minute mn JOIN minute_sequence q ON q.id = mn.sequence_id
             JOIN meeting m ON m.id = mn.meeting_id JOIN body b ON b.id = m.body_id
             LEFT JOIN agenda_item ai ON ai.id = mn.agenda_item_id
             WHERE mn.id = ?1",
            [s(minute_id)],
            |r| {
                let prefix: String = r.get(5)?;
                Ok(MinuteLink {
                    minute_id: id(r, "id")?,
                    meeting_id: id(r, "meeting_id")?,
                    body_name: r.get(2)?,
                    date: r.get(3)?,
                    label: numbering::label(&prefix, r.get(4)?),
                    heading: r.get(6)?,
                    heading_cy: r.get(7)?,
                })
            },
        )
        .optional()?)
}

pub(crate) fn resolution_links(conn: &Connection, minute_id: Uuid) -> Result<Vec<ResolutionLink>> {
    let Some(link) = minute_link(conn, minute_id)? else {
        return Ok(Vec::new());
    };
    resolutions(conn, minute_id)?
        .into_iter()
        .map(|r| {
            Ok(ResolutionLink {
                resolution_id: r.id,
                minute: link.clone(),
                limb: r.limb,
                keyword: r.keyword,
                text_cy: crate::translate::welsh_of(conn, TextSource::Limb, r.id)?,
                text: r.text,
            })
        })
        .collect()
}
/// A referral with everything it links to.
pub(crate) fn chain(conn: &Connection, r: Referral, today: NaiveDate) -> Result<ReferralChain> {
    let source = match r.resolution_id {
        Some(rid) => {
            let res = resolution(conn, rid)?;
            resolution_links(conn, res.minute_id)?
                .into_iter()
                .find(|l| l.resolution_id == rid)
        }
        None => None,
    };
    let target_meeting = match r.target_meeting_id {
        Some(m) => meeting_ref(conn, m)?,
        None => None,
    };
    let (target_minute, target_resolutions) = match r.target_minute_id {
        Some(m) => (minute_link(conn, m)?, resolution_links(conn, m)?),
        None => (None, Vec::new()),
    };
    let mut st = conn.prepare_cached(
        "SELECT ai.id, ai.meeting_id, b.name_en, m.date, ai.position, ai.title_en, ai.tag
         FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id JOIN body b ON b.id = m.body_id
         WHERE ai.referral_id = ?1 ORDER BY m.date",
    )?;
    let agenda_items = st
        .query_map([s(r.id)], |row| {
            Ok(ItemLink {
                item_id: id(row, "id")?,
                meeting_id: id(row, "meeting_id")?,
                body_name: row.get(2)?,
                date: row.get(3)?,
                position: row.get(4)?,
                title: row.get(5)?,
                tag: row.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let reported_back = match r.reported_back_meeting_id {
        Some(m) => meeting_ref(conn, m)?,
        None => None,
    };
    let (to, to_cy) = match r.to_body_id {
        Some(b) => {
            let b = body(conn, b)?;
            (b.name_en, b.name_cy)
        }
        None => (r.to_external.clone(), String::new()),
    };
    Ok(ReferralChain {
        from_body: body(conn, r.from_body_id)?.name_en,
        to,
        to_cy,
        urgency: urgency(&r, today),
        days_left: (r.response_due - today).num_days(),
        source,
        target_meeting,
        target_minute,
        target_resolutions,
        agenda_items,
        reported_back,
        referral: r,
    })
}

pub(crate) fn resolution_page(
    conn: &Connection,
    resolution_id: Uuid,
    today: NaiveDate,
) -> Result<ResolutionPage> {
    let res = resolution(conn, resolution_id)?;
    let min = minute(conn, res.minute_id)?;
    let meeting = meeting(conn, min.meeting_id)?;
    let body = body(conn, meeting.body_id)?;
    let record = MinuteRecord {
        blocks: blocks(conn, min.id)?,
        resolutions: resolutions(conn, min.id)?,
        minute: min,
    };
    let mut st =
        conn.prepare("SELECT * FROM referral WHERE resolution_id = ?1 ORDER BY sent_on, id")?;
    let made: Vec<Referral> = st
        .query_map([s(resolution_id)], referral_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = conn.prepare(
        "SELECT * FROM referral WHERE target_minute_id = ?1
            OR id IN (SELECT ai.referral_id FROM agenda_item ai WHERE ai.id = ?2)
         ORDER BY sent_on, id",
    )?;
    let answered: Vec<Referral> = st
        .query_map(
            params![s(record.minute.id), record.minute.agenda_item_id.map(s)],
            referral_row,
        )?
        .collect::<rusqlite::Result<_>>()?;
    let rec = crate::read::meeting_record(conn, meeting.id)?;
    let outcome = |lang| minutes_core::house_style::vote_outcome(&rec, &res, lang);
    let (vote_outcome, vote_outcome_cy) = (outcome(Language::En), outcome(Language::Cy));
    let (executive, call_ins) = call_in_page_parts(conn, &res, &record.minute, today)?;
    Ok(ResolutionPage {
        vote_outcome,
        vote_outcome_cy,
        executive,
        call_ins,
        referrals: made
            .into_iter()
            .map(|r| chain(conn, r, today))
            .collect::<Result<_>>()?,
        answers: answered
            .into_iter()
            .map(|r| chain(conn, r, today))
            .collect::<Result<_>>()?,
        resolution: res,
        body,
        meeting,
        minute: record,
    })
}

/// A call-in with everything it links to.
pub(crate) fn call_in_chain(conn: &Connection, c: CallIn, today: NaiveDate) -> Result<CallInChain> {
    let decision = {
        let res = resolution(conn, c.resolution_id)?;
        resolution_links(conn, res.minute_id)?
            .into_iter()
            .find(|l| l.resolution_id == c.resolution_id)
    };
    let scrutiny_meeting = match c.scrutiny_meeting_id {
        Some(m) => meeting_ref(conn, m)?,
        None => None,
    };
    let item = match c.agenda_item_id {
        Some(i) => conn
            .query_row(
                "SELECT ai.id, ai.meeting_id, b.name_en, m.date, ai.position, ai.title_en, ai.tag
                 FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id JOIN body b ON b.id = m.body_id
                 WHERE ai.id = ?1",
                [s(i)],
                |row| {
                    Ok(ItemLink {
                        item_id: id(row, 0)?,
                        meeting_id: id(row, 1)?,
                        body_name: row.get(2)?,
                        date: row.get(3)?,
                        position: row.get(4)?,
                        title: row.get(5)?,
                        tag: row.get(6)?,
                    })
                },
            )
            .optional()?,
        None => None,
    };
    let (scrutiny_minute, scrutiny_resolutions) = match c.scrutiny_minute_id {
        Some(m) => (minute_link(conn, m)?, resolution_links(conn, m)?),
        None => (None, Vec::new()),
    };
    let (reconsidered, reconsidered_resolutions) = match c.reconsidered_minute_id {
        Some(m) => (minute_link(conn, m)?, resolution_links(conn, m)?),
        None => (None, Vec::new()),
    };
    let referral = match c.referral_id {
        Some(r) => Some(chain(conn, referral(conn, r)?, today)?),
        None => None,
    };
    let member_names = member_names(conn, &c)?
        .into_iter()
        .map(|(h, n)| if h.is_empty() { n } else { format!("{h} {n}") })
        .collect();
    Ok(CallInChain {
        call_in: c,
        member_names,
        decision,
        scrutiny_meeting,
        item,
        scrutiny_minute,
        scrutiny_resolutions,
        referral,
        reconsidered,
        reconsidered_resolutions,
    })
}

/// Where an executive decision stands on `today`.
pub(crate) fn executive_view(
    conn: &Connection,
    d: ExecutiveDecision,
    today: NaiveDate,
) -> Result<ExecutiveView> {
    let call_ins = call_ins_where(conn, "c.resolution_id = ?1", &s(d.resolution_id))?;
    let call_in_pending = call_ins.iter().any(pending);
    let window_open = !d.urgent && d.call_in_ends.is_some_and(|end| today <= end);
    let implementable_from = if call_in_pending {
        None
    } else if d.urgent {
        Some(d.published_on.min(meeting(conn, d.meeting_id)?.date))
    } else {
        d.call_in_ends
            .and_then(|end| end.checked_add_days(Days::new(1)))
    };
    Ok(ExecutiveView {
        implementation: implementation(conn, d.resolution_id)?,
        members_needed: authority(conn)?.call_in_members(),
        call_ins: call_ins
            .into_iter()
            .map(|c| call_in_chain(conn, c, today))
            .collect::<Result<_>>()?,
        window_open,
        call_in_pending,
        implementable_from,
        decision: d,
    })
}

/// The resolution page's executive decision and the call-ins its minute considered or
/// reconsidered.
pub(crate) fn call_in_page_parts(
    conn: &Connection,
    res: &Resolution,
    minute: &Minute,
    today: NaiveDate,
) -> Result<(Option<ExecutiveView>, Vec<CallInChain>)> {
    let executive = match executive_decision(conn, res.id)? {
        Some(d) => Some(executive_view(conn, d, today)?),
        None => None,
    };
    let mut chains = Vec::new();
    let key = s(minute.id);
    for c in call_ins_where(
        conn,
        "c.scrutiny_minute_id = ?1 OR c.reconsidered_minute_id = ?1
           OR c.agenda_item_id = (SELECT agenda_item_id FROM minute WHERE id = ?1)",
        &key,
    )? {
        chains.push(call_in_chain(conn, c, today)?);
    }
    Ok((executive, chains))
}

#[cfg(test)]
mod tests {
    use super::mark_words;

    fn marked(text: &str, words: &[&str]) -> Vec<String> {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let segs = mark_words(text, &words);
        assert_eq!(
            segs.iter().map(|s| s.text.as_str()).collect::<String>(),
            text,
            "nothing lost"
        );
        segs.into_iter()
            .filter(|s| s.marked)
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn typed_words_are_marked_with_accents_and_case_folded() {
        assert_eq!(
            marked("Defaid ac ŴYN, ac ŵyn bach", &["wyn"]),
            ["ŴYN", "ŵyn"]
        );
        assert_eq!(marked("the wyn family", &["ŵyn"]), ["wyn"]);
        assert_eq!(
            marked("Mental health services and mentally", &["mental", "heal"]),
            ["Mental", "health"]
        );
        assert!(marked("nothing here", &[]).is_empty());
        assert!(marked("", &["a"]).is_empty());
    }
}
