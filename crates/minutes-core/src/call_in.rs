//! Executive decisions and call-in (R18, R20; s.21(3) LGA 2000; domain reference 1.5, 1.6):
//! what the clerk submits, what the resolution page shows of the chain, and the printed words
//! of the Cabinet minute's "Implementation of Decision" and of the scrutiny call-in minute.
//!
//! Welsh forms from the glossary (32-34) are [V]; the longer sentences are composed from them
//! and marked [K] in the report: a council should check them with its translators.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::house_style::{long_date, people_list};
use crate::model::*;
use crate::register::{ItemLink, MinuteLink, ReferralChain, ResolutionLink};

/// A Cabinet limb's executive-decision fields as the clerk fills them in.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExecutiveDecisionInput {
    pub key_decision: bool,
    pub options_rejected: String,
    pub consultation: String,
    pub interests: String,
    /// None: the day after the meeting (Vale practice).
    pub published_on: Option<NaiveDate>,
    pub urgent: bool,
    /// The scrutiny chair who agreed to immediate implementation (urgent only).
    pub urgent_agreed_by: String,
    pub urgent_agreed_on: Option<NaiveDate>,
}

/// Members' request to call a decision in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewCallIn {
    /// The Cabinet limb.
    pub resolution_id: Uuid,
    pub requested_on: NaiveDate,
    pub grounds: String,
    /// The requesting members (people of kind "member").
    pub members: Vec<Uuid>,
}

/// The scrutiny chair's (or Monitoring Officer's) answer to a call-in request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "decision", rename_all = "snake_case")]
#[ts(export)]
pub enum CallInDecision {
    /// Accepted: put on the agenda of this scrutiny meeting.
    Accept {
        decided_by: String,
        decided_on: NaiveDate,
        scrutiny_meeting_id: Uuid,
    },
    Reject {
        decided_by: String,
        decided_on: NaiveDate,
        reason: String,
    },
}

/// The scrutiny committee's outcome of a call-in, recorded from its minute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CallInOutcomeInput {
    pub outcome: CallInOutcome,
    /// The scrutiny minute; None: the minute of the call-in's agenda item.
    pub minute_id: Option<Uuid>,
    /// The committee's concerns (sent with a referral back to Cabinet or to Council).
    pub concerns: String,
}

/// A call-in with everything it links to, both ways.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CallInChain {
    pub call_in: CallIn,
    /// The requesting members' names as printed.
    pub member_names: Vec<String>,
    /// The Cabinet decision called in.
    pub decision: Option<ResolutionLink>,
    pub scrutiny_meeting: Option<MeetingRef>,
    pub item: Option<ItemLink>,
    pub scrutiny_minute: Option<MinuteLink>,
    pub scrutiny_resolutions: Vec<ResolutionLink>,
    /// The referral back to Cabinet or to Council the outcome issued.
    pub referral: Option<ReferralChain>,
    /// Cabinet's (or Council's) minute that reconsidered the decision.
    pub reconsidered: Option<MinuteLink>,
    pub reconsidered_resolutions: Vec<ResolutionLink>,
}

/// Where an executive decision stands, for the resolution page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExecutiveView {
    pub decision: ExecutiveDecision,
    pub implementation: Option<Implementation>,
    /// The call-in period is still open on the day asked.
    pub window_open: bool,
    /// A call-in is pending (requested, accepted, or referred on and not yet reconsidered).
    pub call_in_pending: bool,
    /// The first day it may be implemented, when nothing is pending.
    pub implementable_from: Option<NaiveDate>,
    /// How many members must request a call-in.
    pub members_needed: u32,
    pub call_ins: Vec<CallInChain>,
}

/// Whether a call-in holds up implementation.
pub fn pending(c: &CallIn) -> bool {
    match c.status {
        CallInStatus::Requested | CallInStatus::Accepted => true,
        CallInStatus::Rejected => false,
        CallInStatus::Considered => {
            c.outcome != Some(CallInOutcome::NoFurtherAction) && c.reconsidered_minute_id.is_none()
        }
    }
}

/// A call-in period as words: "three day" / "o dridiau".
pub fn period_words(days: u32, lang: Language) -> String {
    const EN: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    // After "o" (soft mutation): o ddiwrnod, o ddeuddydd, o dridiau, o bedwar diwrnod...
    const CY: [&str; 10] = [
        "o ddiwrnod",
        "o ddeuddydd",
        "o dridiau",
        "o bedwar diwrnod",
        "o bum niwrnod",
        "o chwe diwrnod",
        "o saith niwrnod",
        "o wyth niwrnod",
        "o naw niwrnod",
        "o ddeg diwrnod",
    ];
    let i = days as usize;
    match lang {
        Language::En => match EN.get(i.wrapping_sub(1)) {
            Some(w) => format!("{w} day"),
            None => format!("{days} day"),
        },
        Language::Cy => match CY.get(i.wrapping_sub(1)) {
            Some(w) => w.to_string(),
            None => format!("o {days} diwrnod"),
        },
    }
}

/// The heading of the Cabinet minute's implementation line.
pub fn implementation_heading(lang: Language) -> &'static str {
    lang.pick("Implementation of Decision", "Rhoi'r penderfyniad ar waith")
}

/// "This decision will be implemented after the three day call-in period." or, urgent, the
/// scrutiny chair's agreement (Neath Port Talbot's wording, domain reference 1.6).
pub fn implementation_sentence(d: &ExecutiveDecision, days: u32, lang: Language) -> String {
    if d.urgent {
        lang.pick(
            "Urgent decision for immediate implementation; the Chair of Scrutiny agreed there would be no call-in.",
            "Penderfyniad brys i'w roi ar waith ar unwaith; cytunodd Cadeirydd y Pwyllgor Craffu na fyddai'n cael ei alw i mewn.",
        )
        .to_string()
    } else {
        lang.pick(
            format!(
                "This decision will be implemented after the {} call-in period.",
                period_words(days, lang)
            ),
            format!(
                "Rhoddir y penderfyniad hwn ar waith ar ôl y cyfnod galw i mewn {}.",
                period_words(days, lang)
            ),
        )
    }
}

pub fn key_decision(lang: Language) -> &'static str {
    lang.pick("Key decision.", "Penderfyniad allweddol.")
}

pub fn options_rejected(lang: Language) -> &'static str {
    lang.pick(
        "Options considered and rejected:",
        "Opsiynau a ystyriwyd ac a wrthodwyd:",
    )
}

pub fn consultation(lang: Language) -> &'static str {
    lang.pick("Consultation undertaken:", "Ymgynghori a wnaed:")
}

pub fn interests(lang: Language) -> &'static str {
    lang.pick(
        "Interests declared and dispensations:",
        "Datganiadau Buddiant a Goddefebau:",
    )
}

/// The tag of a call-in agenda item, printed after its heading: "(call-in)".
pub const CALL_IN_TAG: &str = "call-in";

/// The title of the scrutiny agenda item taking up a call-in: "{heading} (Cabinet minute
/// C12)". The item's tag prints "(CALL-IN)" after it, so the title does not say it again.
pub fn item_title(heading: &str, minute_label: &str) -> String {
    let tail = format!(" (Cabinet minute {minute_label})");
    let room = crate::validate::MAX_TITLE.saturating_sub(tail.len());
    let heading: String = heading.trim().chars().take(room).collect();
    format!("{heading}{tail}")
}

/// The item's Welsh title: "{heading} (cofnod C12 y Cabinet)" [K].
pub fn item_title_cy(heading: &str, minute_label: &str) -> String {
    let tail = format!(" (cofnod {minute_label} y Cabinet)");
    let room = crate::validate::MAX_TITLE.saturating_sub(tail.len());
    let heading: String = heading.trim().chars().take(room).collect();
    format!("{heading}{tail}")
}

/// The opening of the scrutiny call-in minute: "The Committee considered the call-in of
/// Cabinet minute C12 of 2nd March, 2025, requested by Councillors A, B and C."
pub fn considered_sentence(c: &CalledIn, lang: Language) -> String {
    let names = people_list(&c.members, lang);
    // Mid-sentence, Welsh "Y Cynghorwyr" takes a small "y".
    let names = match (lang, names.strip_prefix("Y ")) {
        (Language::Cy, Some(rest)) => format!("y {rest}"),
        _ => names,
    };
    let date = long_date(c.cabinet_date, lang);
    lang.pick(
        format!(
            "The Committee considered the call-in of Cabinet minute {} of {date}, requested by {names}.",
            c.minute_label
        ),
        format!(
            "Ystyriodd y Pwyllgor y cais i alw cofnod {} y Cabinet dyddiedig {date} i mewn, a wnaed gan {names}.",
            c.minute_label
        ),
    )
}

pub fn cabinet_resolution_intro(lang: Language) -> &'static str {
    lang.pick(
        "The Cabinet's resolution was:",
        "Penderfyniad y Cabinet oedd:",
    )
}

pub fn cabinet_reason(lang: Language) -> &'static str {
    lang.pick("Reason for decision:", "Rheswm dros y penderfyniad:")
}

pub fn grounds(lang: Language) -> &'static str {
    lang.pick(
        "The grounds for the call-in were:",
        "Seiliau'r cais i alw i mewn oedd:",
    )
}

pub fn outcome_heading(lang: Language) -> &'static str {
    lang.pick("Outcome of the call-in:", "Canlyniad y galw i mewn:")
}

/// The outcome as the scrutiny minute records it (check 12).
pub fn outcome_sentence(o: CallInOutcome, concerns: &str, lang: Language) -> String {
    let concerns = concerns.trim();
    match o {
        CallInOutcome::NoFurtherAction => lang
            .pick(
                "No further action: the decision may be implemented.",
                "Dim camau pellach: gellir rhoi'r penderfyniad ar waith.",
            )
            .to_string(),
        CallInOutcome::ReferredBack => {
            let base = lang.pick(
                "The decision was referred back to Cabinet for reconsideration",
                "Cyfeiriwyd y penderfyniad yn ôl at y Cabinet i'w ailystyried",
            );
            if concerns.is_empty() {
                format!("{base}.")
            } else {
                let with = lang.pick(
                    "with the Committee's concerns:",
                    "gyda phryderon y Pwyllgor:",
                );
                format!(
                    "{base}, {with} {}",
                    crate::house_style::ensure_full_stop(concerns)
                )
            }
        }
        CallInOutcome::ReferredToCouncil => {
            let base = lang.pick(
                "The decision was referred to Council",
                "Cyfeiriwyd y penderfyniad at y Cyngor",
            );
            if concerns.is_empty() {
                format!("{base}.")
            } else {
                let with = lang.pick(
                    "with the Committee's concerns:",
                    "gyda phryderon y Pwyllgor:",
                );
                format!(
                    "{base}, {with} {}",
                    crate::house_style::ensure_full_stop(concerns)
                )
            }
        }
    }
}

/// A call-in's status in a few words, for the window and the command line.
pub fn status_words(c: &CallIn) -> &'static str {
    match (c.status, c.outcome) {
        (CallInStatus::Requested, _) => "requested",
        (CallInStatus::Accepted, _) => "accepted, awaiting the scrutiny committee",
        (CallInStatus::Rejected, _) => "rejected",
        (CallInStatus::Considered, Some(CallInOutcome::NoFurtherAction)) => {
            "considered: no further action"
        }
        (CallInStatus::Considered, Some(CallInOutcome::ReferredBack)) => {
            if c.reconsidered_minute_id.is_some() {
                "referred back to Cabinet, reconsidered"
            } else {
                "referred back to Cabinet, awaiting reconsideration"
            }
        }
        (CallInStatus::Considered, Some(CallInOutcome::ReferredToCouncil)) => {
            if c.reconsidered_minute_id.is_some() {
                "referred to Council, reconsidered"
            } else {
                "referred to Council, awaiting its decision"
            }
        }
        (CallInStatus::Considered, None) => "considered",
    }
}

/// A call-in's status in a few words, in English ([`status_words`]) or Welsh [K], for the
/// tracker and the exports.
pub fn status_text(c: &CallIn, lang: Language) -> String {
    if lang == Language::En {
        return status_words(c).to_string();
    }
    let reconsidered = c.reconsidered_minute_id.is_some();
    match (c.status, c.outcome) {
        (CallInStatus::Requested, _) => "cais wedi dod i law",
        (CallInStatus::Accepted, _) => "derbyniwyd, yn aros am y pwyllgor craffu",
        (CallInStatus::Rejected, _) => "gwrthodwyd",
        (CallInStatus::Considered, Some(CallInOutcome::NoFurtherAction)) => {
            "ystyriwyd: dim camau pellach"
        }
        (CallInStatus::Considered, Some(CallInOutcome::ReferredBack)) => {
            if reconsidered {
                "cyfeiriwyd yn ôl at y Cabinet, ailystyriwyd"
            } else {
                "cyfeiriwyd yn ôl at y Cabinet, yn aros i'w ailystyried"
            }
        }
        (CallInStatus::Considered, Some(CallInOutcome::ReferredToCouncil)) => {
            if reconsidered {
                "cyfeiriwyd at y Cyngor, ailystyriwyd"
            } else {
                "cyfeiriwyd at y Cyngor, yn aros am ei benderfyniad"
            }
        }
        (CallInStatus::Considered, None) => "ystyriwyd",
    }
    .to_string()
}

/// The outcome in a few words: "no further action", "referred back to Cabinet", "referred to
/// Council" ("dim camau pellach", "cyfeiriwyd yn ôl at y Cabinet", "cyfeiriwyd at y Cyngor").
pub fn outcome_words(o: CallInOutcome, lang: Language) -> &'static str {
    match o {
        CallInOutcome::NoFurtherAction => lang.pick("no further action", "dim camau pellach"),
        CallInOutcome::ReferredBack => {
            lang.pick("referred back to Cabinet", "cyfeiriwyd yn ôl at y Cabinet")
        }
        CallInOutcome::ReferredToCouncil => {
            lang.pick("referred to Council", "cyfeiriwyd at y Cyngor")
        }
    }
}

/// What a call-in adds to an agenda item's result in the exports (OParl's
/// `AgendaItem.result`): "Call-in requested", "Called in: awaiting the scrutiny committee",
/// "Called in: referred back to Cabinet" ("Galwyd i mewn: cyfeiriwyd yn ôl at y Cabinet" [K]);
/// `None` for a request the scrutiny chair rejected, which did not call the decision in.
pub fn result_text(c: &CallIn, lang: Language) -> Option<String> {
    let called = lang.pick("Called in", "Galwyd i mewn");
    match (c.status, c.outcome) {
        (CallInStatus::Rejected, _) => None,
        (CallInStatus::Requested, _) => Some(
            lang.pick("Call-in requested", "Gofynnwyd am ei alw i mewn")
                .to_string(),
        ),
        (CallInStatus::Considered, None) => Some(format!(
            "{called}: {}",
            lang.pick("considered", "ystyriwyd")
        )),
        (CallInStatus::Accepted, _) => Some(format!(
            "{called}: {}",
            lang.pick(
                "awaiting the scrutiny committee",
                "yn aros am y pwyllgor craffu"
            )
        )),
        (CallInStatus::Considered, Some(o)) => {
            Some(format!("{called}: {}", outcome_words(o, lang)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_read_as_the_house_writes_them() {
        assert_eq!(period_words(3, Language::En), "three day");
        assert_eq!(period_words(3, Language::Cy), "o dridiau");
        assert_eq!(period_words(5, Language::Cy), "o bum niwrnod");
        assert_eq!(period_words(12, Language::En), "12 day");
    }

    #[test]
    fn item_title_names_the_cabinet_minute_and_fits() {
        assert_eq!(
            item_title("Library Strategy", "C12"),
            "Library Strategy (Cabinet minute C12)"
        );
        let long = "x".repeat(400);
        assert!(item_title(&long, "C12").chars().count() <= crate::validate::MAX_TITLE);
    }
}

#[cfg(test)]
mod export_words {
    use super::*;
    use crate::house_style::vote_result;

    fn vote(method: VoteMethod, f: u32, a: u32, x: u32, casting: Option<VoteChoice>) -> Vote {
        Vote {
            resolution_id: Uuid::nil(),
            method,
            votes_for: f,
            votes_against: a,
            abstentions: x,
            casting,
            casting_by: None,
            requested_by: None,
            members: Vec::new(),
        }
    }

    #[test]
    fn vote_results_read_as_a_register_gives_them() {
        use Language::*;
        let k = Keyword::Resolved;
        let u = vote(VoteMethod::Unanimous, 7, 0, 0, None);
        assert_eq!(vote_result(k, &u, En), "Resolved unanimously");
        assert_eq!(vote_result(k, &u, Cy), "Penderfynwyd yn unfrydol");
        assert_eq!(
            vote_result(Keyword::Recommended, &u, En),
            "Recommended unanimously"
        );
        let h = vote(VoteMethod::ShowOfHands, 6, 2, 1, None);
        assert_eq!(
            vote_result(k, &h, En),
            "Carried (For 6, Against 2, Abstentions 1)"
        );
        assert_eq!(
            vote_result(k, &h, Cy),
            "Pasiwyd (O blaid 6, Yn erbyn 2, Yn ymatal 1)"
        );
        let tie = vote(VoteMethod::ShowOfHands, 3, 3, 0, Some(VoteChoice::Against));
        assert_eq!(
            vote_result(k, &tie, En),
            "Not carried on the casting vote (For 3, Against 3, Abstentions 0)"
        );
        let tie = vote(VoteMethod::Recorded, 3, 3, 0, Some(VoteChoice::For));
        assert_eq!(
            vote_result(k, &tie, En),
            "Carried on a recorded vote and the casting vote (For 3, Against 3, Abstentions 0)"
        );
    }

    #[test]
    fn a_call_ins_result_names_its_outcome_and_a_rejected_request_none() {
        let mut c = CallIn {
            id: Uuid::nil(),
            resolution_id: Uuid::nil(),
            meeting_id: Uuid::nil(),
            requested_on: NaiveDate::MIN,
            grounds: String::new(),
            status: CallInStatus::Requested,
            decided_by: String::new(),
            decided_on: None,
            rejection_reason: String::new(),
            scrutiny_meeting_id: None,
            agenda_item_id: None,
            scrutiny_minute_id: None,
            outcome: None,
            concerns: String::new(),
            referral_id: None,
            reconsidered_minute_id: None,
            members: Vec::new(),
        };
        assert_eq!(
            result_text(&c, Language::En).as_deref(),
            Some("Call-in requested")
        );
        c.status = CallInStatus::Rejected;
        assert_eq!(result_text(&c, Language::En), None);
        c.status = CallInStatus::Considered;
        c.outcome = Some(CallInOutcome::ReferredBack);
        assert_eq!(
            result_text(&c, Language::En).as_deref(),
            Some("Called in: referred back to Cabinet")
        );
        assert_eq!(
            result_text(&c, Language::Cy).as_deref(),
            Some("Galwyd i mewn: cyfeiriwyd yn ôl at y Cabinet")
        );
        c.outcome = Some(CallInOutcome::NoFurtherAction);
        assert_eq!(
            status_text(&c, Language::Cy),
            "ystyriwyd: dim camau pellach"
        );
    }
}
