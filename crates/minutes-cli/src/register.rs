//! Finding what was resolved: the search, the resolutions register, a resolution's page, and
//! the referrals that follow resolutions.

use clap::{Args, Subcommand};
use minutes_app::core::{self as core, OutcomeInput, ReferralOutcome, RegisterQuery};
use minutes_app::{Clock, Council};

use crate::args::{body_id, print, print_json, uuid_arg};
use crate::error::Result;

/// Search minutes, resolutions, reasons and agenda titles
#[derive(Args, Debug)]
pub struct SearchArgs {
    query: String,
    #[arg(long, default_value_t = 20)]
    limit: u32,
    #[arg(long)]
    json: bool,
}

pub fn search(council: &Council, a: SearchArgs) -> Result {
    let hits = council.write(|s| s.search(&a.query, a.limit))?;
    if a.json {
        return print_json("The search results", &hits);
    }
    if hits.is_empty() {
        eprintln!("cofnod: nothing found for '{}'", a.query);
        return Ok(());
    }
    let mut text = String::new();
    for h in hits {
        text.push_str(&format!(
            "{} {} – {}{} – minute {} {}\n    {}\n",
            h.date,
            h.body_name,
            h.kind,
            if h.language == core::Language::Cy {
                " (Cymraeg)"
            } else {
                ""
            },
            h.minute_label.unwrap_or_else(|| "–".into()),
            h.heading,
            h.snippet
        ));
    }
    print(&text)
}

/// Search the resolutions register: words (accents optional) and filters that combine
#[derive(Args, Debug)]
pub struct RegisterArgs {
    /// Words to find in resolutions, reasons, minutes and item titles (empty: newest first)
    #[arg(default_value = "")]
    words: String,
    /// Only this body (English or Welsh name)
    #[arg(long)]
    body: Option<String>,
    /// Meetings on or after this date (YYYY-MM-DD)
    #[arg(long)]
    from: Option<chrono::NaiveDate>,
    /// Meetings on or before this date (YYYY-MM-DD)
    #[arg(long)]
    to: Option<chrono::NaiveDate>,
    /// resolved, recommended or agreed
    #[arg(long)]
    keyword: Option<String>,
    /// Only resolutions referred to this body
    #[arg(long)]
    referred_to: Option<String>,
    /// referred, not_referred, open, overdue, issued, scheduled, considered, reported_back, closed
    #[arg(long)]
    referral: Option<String>,
    /// Include exempt (part 2) minutes
    #[arg(long)]
    confidential: bool,
    #[arg(long, default_value_t = 20)]
    limit: u32,
    #[arg(long)]
    json: bool,
}

pub fn register(council: &Council, a: RegisterArgs) -> Result {
    let q = RegisterQuery {
        text: a.words,
        body_id: body_id(council, a.body.as_deref())?,
        from: a.from,
        to: a.to,
        keyword: a
            .keyword
            .map(|k| core::Keyword::parse(&k.to_lowercase()))
            .transpose()?,
        referred_to: body_id(council, a.referred_to.as_deref())?,
        referral: a
            .referral
            .map(|r| core::ReferralFilter::parse(&r.to_lowercase()))
            .transpose()?,
        confidential: a.confidential,
        today: None,
        limit: Some(a.limit),
        offset: None,
    };
    let hits = council.search_register(&q)?.hits;
    if a.json {
        return print_json("The register", &hits);
    }
    if hits.is_empty() {
        eprintln!("cofnod: no resolution found");
        return Ok(());
    }
    let mut text = String::new();
    for h in hits {
        let status = h
            .referrals
            .iter()
            .map(|r| {
                format!(
                    "{}: {}{}",
                    r.to,
                    label(r.status.as_str()),
                    if r.overdue { " (OVERDUE)" } else { "" }
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        text.push_str(&format!(
            "{}  {} – minute {}({}) {}{}\n    {} – {}\n    {}\n",
            h.date,
            h.body_name,
            h.minute_label,
            h.limb,
            h.heading,
            if status.is_empty() {
                String::new()
            } else {
                format!("  [{status}]")
            },
            h.keyword.as_str().to_uppercase(),
            segments_text(&h.text),
            h.resolution_id
        ));
        // Found in Welsh: the Welsh limb under the English, the search words marked.
        if h.language == core::Language::Cy && !h.text_cy.is_empty() {
            text.push_str(&format!("    Cymraeg: {}\n", segments_text(&h.text_cy)));
        }
    }
    print(&text)
}

/// Show a resolution: its reason, minute, meeting and whole referral chain
#[derive(Args, Debug)]
pub struct ResolutionArgs {
    /// The resolution: its id (as `cofnod register` prints it) or its minute and limb, "C12(1)"
    id: String,
    #[arg(long)]
    json: bool,
}

pub fn resolution(council: &Council, a: ResolutionArgs) -> Result {
    let page = council.resolution_page(council.find_resolution(&a.id)?)?;
    if a.json {
        return print_json("The resolution", &page);
    }
    let m = &page.minute.minute;
    let mut text = format!(
        "{}, {}\nMinute {} – {}{}\n\n",
        page.body.name_en,
        page.meeting.date,
        m.label,
        m.heading.to_uppercase(),
        if m.tag.is_empty() {
            String::new()
        } else {
            format!(" ({})", m.tag)
        }
    );
    for b in &page.minute.blocks {
        let para = match &b.content {
            core::BlockContent::Narrative { text } => text.clone(),
            core::BlockContent::Presentation {
                presenter,
                capacity,
                summary,
                ..
            } => {
                format!("{presenter}, {capacity}: {summary}")
            }
            core::BlockContent::Question {
                asked_by,
                question,
                answered_by,
                answer,
                ..
            } => {
                format!("{asked_by} asked {question}. {answered_by}: {answer}.")
            }
        };
        text.push_str(&format!("{para}\n\n"));
    }
    let r = &page.resolution;
    text.push_str(&format!(
        "{} ({}) T H A T {}\nReason: {}\n",
        r.keyword.as_str().to_uppercase(),
        r.limb,
        r.text,
        r.reason
    ));
    if !page.referrals.is_empty() {
        text.push_str("\nReferrals:\n");
        page.referrals
            .iter()
            .for_each(|c| text.push_str(&chain_text(c)));
    }
    if !page.answers.is_empty() {
        text.push_str("\nIn answer to:\n");
        page.answers
            .iter()
            .for_each(|c| text.push_str(&chain_text(c)));
    }
    if let Some(ex) = &page.executive {
        text.push_str(&executive_text(ex));
    }
    if !page.call_ins.is_empty() {
        text.push_str("\nCall-ins this minute considered or reconsidered:\n");
        page.call_ins
            .iter()
            .for_each(|c| text.push_str(&call_in_text(c)));
    }
    print(&text)
}

/// An executive decision's window, implementation and call-ins, as lines.
fn executive_text(ex: &core::call_in::ExecutiveView) -> String {
    let d = &ex.decision;
    let mut out = format!(
        "\nExecutive decision{}: published {}",
        if d.key_decision {
            " (key decision)"
        } else {
            ""
        },
        d.published_on
    );
    match d.call_in_ends {
        Some(end) => out.push_str(&format!(
            "; call-in period ends {end} ({})\n",
            if ex.window_open { "open" } else { "closed" }
        )),
        None => out.push_str(&format!(
            "; urgent, no call-in ({} agreed)\n",
            d.urgent_agreed_by
        )),
    }
    match (&ex.implementation, ex.implementable_from) {
        (Some(i), _) => out.push_str(&format!("Implemented on {}\n", i.implemented_on)),
        (None, Some(from)) => out.push_str(&format!("May be implemented from {from}\n")),
        (None, None) => out.push_str("Implementation waits for a call-in\n"),
    }
    ex.call_ins
        .iter()
        .for_each(|c| out.push_str(&call_in_text(c)));
    out
}

/// A call-in and its chain, as lines.
fn call_in_text(c: &core::call_in::CallInChain) -> String {
    let ci = &c.call_in;
    let mut out = format!(
        "  Call-in {} requested {} by {}: {}\n    Grounds: {}\n",
        ci.id,
        ci.requested_on,
        c.member_names.join(", "),
        core::call_in::status_words(ci),
        ci.grounds
    );
    if let Some(d) = &c.decision {
        out.push_str(&format!(
            "    Decision: {} {} minute {}({})\n",
            d.minute.body_name, d.minute.date, d.minute.label, d.limb
        ));
    }
    if let Some(i) = &c.item {
        out.push_str(&format!(
            "    Item {} of {} {}: {} ({})\n",
            i.position, i.body_name, i.date, i.title, i.tag
        ));
    }
    if let Some(m) = &c.scrutiny_minute {
        out.push_str(&format!(
            "    Scrutiny minute {} of {} {}\n",
            m.label, m.body_name, m.date
        ));
    }
    if let Some(m) = &c.reconsidered {
        out.push_str(&format!(
            "    Reconsidered: minute {} of {} {}\n",
            m.label, m.body_name, m.date
        ));
    }
    out
}

/// Referrals still open, due soon and overdue; or record an outcome, or take one up as a (REF) item
#[derive(Args, Debug)]
pub struct ReferralsArgs {
    #[command(subcommand)]
    action: Option<ReferralAction>,
    /// Only referrals made or received by this body
    #[arg(long)]
    body: Option<String>,
    /// Judge "overdue" on this date instead of today (YYYY-MM-DD)
    #[arg(long)]
    today: Option<chrono::NaiveDate>,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand, Debug)]
enum ReferralAction {
    /// Record the target body's answer: moves the referral to "considered"
    Outcome {
        /// The referral's id
        referral: String,
        /// accepted, accepted_in_part, not_accepted, noted, deferred, referred_back
        #[arg(long)]
        outcome: String,
        /// The response, as the target body gave it
        #[arg(long, default_value = "")]
        response: String,
        /// The target's meeting that considered it (id)
        #[arg(long)]
        meeting: Option<String>,
        /// The target's own minute (id), when it is in the system
        #[arg(long)]
        minute: Option<String>,
    },
    /// Put a referral received from another body on an agenda as a "(REF)" item
    TakeUp {
        referral: String,
        /// Meeting id, the start of it, or its date (YYYY-MM-DD), of the receiving body
        meeting: String,
        #[arg(long)]
        title: Option<String>,
    },
}

pub fn referrals(council: &mut Council, a: ReferralsArgs) -> Result {
    if let Some(day) = a.today {
        council.set_clock(Clock::Fixed(day));
    }
    match a.action {
        Some(ReferralAction::Outcome {
            referral,
            outcome,
            response,
            meeting,
            minute,
        }) => {
            let o = OutcomeInput {
                outcome: ReferralOutcome::parse(&outcome.to_lowercase())?,
                response_text: response,
                meeting_id: meeting
                    .map(|m| council.write(|s| s.find_meeting(&m, None)))
                    .transpose()?,
                minute_id: minute.map(|m| uuid_arg("Minute", &m)).transpose()?,
            };
            let id = uuid_arg("Referral", &referral)?;
            let r = council.write(|s| s.record_outcome(id, &o))?;
            print(&format!(
                "Referral {} is now {} ({})\n",
                r.id,
                label(r.status.as_str()),
                label(outcome.as_str())
            ))
        }
        Some(ReferralAction::TakeUp {
            referral,
            meeting,
            title,
        }) => {
            let meeting_id = council.write(|s| s.find_meeting(&meeting, None))?;
            let id = uuid_arg("Referral", &referral)?;
            let item = council.write(|s| s.take_up_referral(meeting_id, id, title.as_deref()))?;
            print(&format!(
                "Added item {} {} ({}) to the agenda\n",
                item.position, item.title_en, item.tag
            ))
        }
        None => {
            let list = council.referrals_view(body_id(council, a.body.as_deref())?)?;
            if a.json {
                return print_json("The referrals", &list);
            }
            let mut text = String::new();
            if list.is_empty() {
                text.push_str("No open referrals.\n");
            }
            list.iter().for_each(|c| text.push_str(&chain_text(c)));
            text.push_str(&notices_text(&council.notices_needing_attention()?));
            print(&text)
        }
    }
}

/// The notices of decisions overdue and due within three working days, most pressing first.
fn notices_text(notices: &[core::NoticeDue]) -> String {
    if notices.is_empty() {
        return "\nNo notices of decisions due soon or overdue.\n".into();
    }
    let mut t = String::from("\nNotices of decisions due soon and overdue:\n");
    for n in notices {
        let state = match n.state {
            core::NoticeState::Overdue => format!("OVERDUE since {}", n.due),
            _ if n.working_days_left == 0 => format!("due today, {}", n.due),
            _ => format!(
                "due {} ({} working day{} left)",
                n.due,
                n.working_days_left,
                if n.working_days_left == 1 { "" } else { "s" }
            ),
        };
        t.push_str(&format!(
            "  {} {}: notice of decisions {state}\n    meeting id {}\n",
            n.body_name, n.date, n.meeting_id
        ));
    }
    t
}

fn label(word: &str) -> String {
    word.replace('_', " ")
}

fn segments_text(segments: &[core::Segment]) -> String {
    segments
        .iter()
        .map(|s| {
            if s.marked {
                format!("[{}]", s.text)
            } else {
                s.text.clone()
            }
        })
        .collect()
}

fn chain_text(c: &core::ReferralChain) -> String {
    let r = &c.referral;
    let mut t = format!(
        "  {} → {} ({}), sent {}, due {}: {}{}\n",
        c.from_body,
        c.to,
        label(r.purpose.as_str()),
        r.sent_on,
        r.response_due,
        label(r.status.as_str()),
        match c.urgency {
            Some(core::ReferralUrgency::Overdue) => " – OVERDUE".to_string(),
            Some(core::ReferralUrgency::DueSoon) => format!(" – due in {} days", c.days_left),
            _ => String::new(),
        }
    );
    if let Some(s) = &c.source {
        t.push_str(&format!(
            "    from minute {} of {} on {}: ({}) {}\n",
            s.minute.label, s.minute.body_name, s.minute.date, s.limb, s.text
        ));
    }
    for i in &c.agenda_items {
        t.push_str(&format!(
            "    on the agenda of {} on {}: item {} {} ({})\n",
            i.body_name, i.date, i.position, i.title, i.tag
        ));
    }
    if let Some(m) = &c.target_meeting {
        let what = if r.outcome.is_some() {
            "considered"
        } else {
            "scheduled"
        };
        t.push_str(&format!("    {what} at {} on {}\n", m.body_name, m.date));
    }
    if let Some(o) = r.outcome {
        t.push_str(&format!(
            "    outcome: {}{}\n",
            label(o.as_str()),
            if r.response_text.is_empty() {
                String::new()
            } else {
                format!(" – {}", r.response_text)
            }
        ));
    }
    if let Some(m) = &c.target_minute {
        t.push_str(&format!(
            "    minute {} {} ({} {})\n",
            m.label, m.heading, m.body_name, m.date
        ));
    }
    for l in &c.target_resolutions {
        t.push_str(&format!(
            "      ({}) {} [{}]\n",
            l.limb, l.text, l.resolution_id
        ));
    }
    if let Some(m) = &c.reported_back {
        t.push_str(&format!(
            "    reported back to {} on {}\n",
            m.body_name, m.date
        ));
    }
    if let Some(on) = r.closed_on {
        t.push_str(&format!("    closed {on}\n"));
    }
    t.push_str(&format!("    referral id {}\n", r.id));
    t
}
