//! House-style wording of the formal minutes (domain reference, section 2): ordinal dates,
//! lists of names, the apologies sentence, limbs opening "T H A T".

use chrono::{Datelike, NaiveDate};

use crate::labels::{self, and, councillor, month};
use crate::model::{
    DispensationScope, Keyword, Language, MeetingRecord, Resolution, Vote, VoteChoice, VoteMethod,
};

/// 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st...
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "5th January, 2015" in English; "5 Ionawr 2015" in Welsh.
pub fn long_date(date: NaiveDate, lang: Language) -> String {
    let (day, month, year) = (date.day(), month(date.month(), lang), date.year());
    lang.pick(
        format!("{} {month}, {year}", ordinal(day)),
        format!("{day} {month} {year}"),
    )
}

/// "A", "A and B", "A, B and C".
pub fn join_names(names: &[String], lang: Language) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            // Welsh "a" becomes "ac" before a vowel: "ac I.W. Thomas".
            let vowel = last
                .chars()
                .next()
                .is_some_and(|c| "AEIOUWYaeiouwyÂÊÎÔÛŴŶâêîôûŵŷ".contains(c));
            let and = if vowel {
                lang.pick("and", "ac")
            } else {
                and(lang)
            };
            format!("{} {and} {last}", init.join(", "))
        }
    }
}

/// A list of people as the minutes name them. Councillors are grouped under one plural
/// ("Councillors C, D and E"); anyone else keeps their own honorific.
/// Each entry is (honorific, name).
pub fn people_list(people: &[(String, String)], lang: Language) -> String {
    let councillors: Vec<String> = people
        .iter()
        .filter(|(h, _)| h == "Councillor")
        .map(|(_, n)| n.clone())
        .collect();
    let others: Vec<String> = people
        .iter()
        .filter(|(h, _)| h != "Councillor")
        .map(|(h, n)| {
            if h.is_empty() {
                n.clone()
            } else {
                format!("{h} {n}")
            }
        })
        .collect();
    let mut parts = Vec::new();
    if !councillors.is_empty() {
        parts.push(format!(
            "{} {}",
            councillor(councillors.len() > 1, lang),
            join_names(&councillors, lang)
        ));
    }
    parts.extend(others);
    join_names(&parts, lang)
}

/// "This was received from Councillor X." / "These were received from Councillors X and Y."
pub fn apologies_sentence(people: &[(String, String)], lang: Language) -> String {
    let list = people_list(people, lang);
    let en = if people.len() == 1 {
        format!("This was received from {list}.")
    } else {
        format!("These were received from {list}.")
    };
    // "ymddiheuriad" for one person, "ymddiheuriadau" for more (Carmarthenshire: "Derbyniwyd
    // ymddiheuriad am absenoldeb gan C. Davies").
    let noun = if people.len() == 1 {
        "ymddiheuriad"
    } else {
        "ymddiheuriadau"
    };
    lang.pick(
        en,
        format!("Derbyniwyd {noun} gan {}.", mid_sentence(&list)),
    )
}

/// A Welsh list of names placed after other words: "Y Cynghorydd" is written "y Cynghorydd"
/// except at the start of a sentence.
pub fn mid_sentence(text: &str) -> String {
    match text.strip_prefix("Y ") {
        Some(rest) => format!("y {rest}"),
        None => text.to_string(),
    }
}

/// One person's name in the language of the document ("Councillor" becomes "Y Cynghorydd").
pub fn person_name(honorific: &str, name: &str, lang: Language) -> String {
    if honorific == "Councillor" {
        format!("{} {}", councillor(false, lang), name)
    } else if honorific.is_empty() {
        name.to_string()
    } else {
        format!("{honorific} {name}")
    }
}

/// The presenter's sentence from the authority's `form`: `{name}` and `{title}` replaced. With
/// no title, the title and the comma or space before it are left out: "Dr. A. Person was
/// present for this item.".
pub fn presenter_sentence(form: &str, name: &str, title: &str) -> String {
    let title = title.trim();
    let form = if title.is_empty() {
        form.replace(", {title},", "")
            .replace(", {title}", "")
            .replace(" {title}", "")
            .replace("{title}", "")
    } else {
        form.to_string()
    };
    form.replace("{title}", title)
        .replace("{name}", name.trim())
}

/// "(1) T H A T the report be noted." with the conditional form where a limb depends on
/// another: "T H A T subject to resolution (1) above, ...".
pub fn limb_text(text: &str, conditional_on: Option<u32>, lang: Language) -> String {
    limb_opening(&ensure_full_stop(text.trim()), conditional_on, lang)
}

/// [`limb_text`] without the full stop added: the opening of a limb that a list follows
/// ("T H A T the following be noted:").
pub fn limb_opening(text: &str, conditional_on: Option<u32>, lang: Language) -> String {
    let body = text.trim();
    match conditional_on {
        Some(n) => format!(
            "{} {} ({n}) {}, {body}",
            labels::that(lang),
            labels::label(labels::Label::SubjectToResolution, lang),
            labels::label(labels::Label::Above, lang)
        ),
        None => format!("{} {body}", labels::that(lang)),
    }
}

/// Adds a full stop unless the text already ends a sentence.
pub fn ensure_full_stop(text: &str) -> String {
    let t = text.trim_end();
    match t.chars().last() {
        None => String::new(),
        Some('.' | '!' | '?' | ':' | '"' | '\u{201d}' | ')') => t.to_string(),
        Some(_) => format!("{t}."),
    }
}

/// Capitalises the first letter ("the Chairman" at the start of a sentence).
pub fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// The minute's heading line: "NATIONAL INSPECTION OF SAFEGUARDING (REF) –".
pub fn heading(heading: &str, tag: &str) -> String {
    let caps = heading.trim().to_uppercase();
    if tag.trim().is_empty() {
        format!("{caps} \u{2013}")
    } else {
        format!("{caps} ({}) \u{2013}", tag.trim().to_uppercase())
    }
}

/// The outcome of the vote on one limb as the minutes (and the decisions notice) print it,
/// or `None` when no vote is recorded for it:
/// - unanimous: "The decision was unanimous." ("Roedd y penderfyniad yn unfrydol.");
/// - a show of hands: "(For 6, Against 2, Abstentions 1)" ("(O blaid 6, Yn erbyn 2, Yn
///   ymatal 1)");
/// - a recorded vote: "A recorded vote having been requested by Councillor X, the voting was
///   as follows: For: Councillors A and B. Against: Councillor C. Abstained: none.";
/// - then, on a tie, "There being an equality of votes, the Chairman used their casting vote
///   in favour." (the body's chair title).
pub fn vote_outcome(
    rec: &MeetingRecord,
    resolution: &Resolution,
    lang: Language,
) -> Option<String> {
    let v = rec.vote_of(resolution.id)?;
    Some(vote_sentence(rec, v, lang))
}

/// [`vote_outcome`] of a vote already found.
pub fn vote_sentence(rec: &MeetingRecord, v: &Vote, lang: Language) -> String {
    let mut out = match v.method {
        VoteMethod::Unanimous => lang
            .pick(
                "The decision was unanimous.",
                "Roedd y penderfyniad yn unfrydol.",
            )
            .to_string(),
        VoteMethod::ShowOfHands => vote_counts(v, lang),
        VoteMethod::Recorded => recorded_vote(rec, v, lang),
    };
    if let Some(side) = v.casting {
        out.push(' ');
        out.push_str(&casting_sentence(rec, side, lang));
    }
    out
}

/// The result of the vote on a limb in a few words, for the exports (OParl's
/// `AgendaItem.result`, the register's and the tracker's "vote" column):
/// - unanimous: "Resolved unanimously" ("Penderfynwyd yn unfrydol", glossary 27; the keyword's
///   own verb for RECOMMENDED and AGREED);
/// - counted: "Carried (For 6, Against 2, Abstentions 1)" ("Pasiwyd (O blaid 6, Yn erbyn 2,
///   Yn ymatal 1)" [K]), "Not carried (...)" ("Ni phasiwyd (...)" [K]) when the votes against
///   won;
/// - qualified "on a recorded vote" and "on the casting vote" when they were.
pub fn vote_result(keyword: Keyword, v: &Vote, lang: Language) -> String {
    if v.method == VoteMethod::Unanimous {
        return sentence_case(&labels::keyword_unanimously(keyword, lang).to_lowercase());
    }
    let carried = match v.casting {
        Some(side) => side == VoteChoice::For,
        None => v.votes_for > v.votes_against,
    };
    let mut out = match (carried, lang) {
        (true, Language::En) => "Carried".to_string(),
        (false, Language::En) => "Not carried".to_string(),
        (true, Language::Cy) => "Pasiwyd".to_string(),
        (false, Language::Cy) => "Ni phasiwyd".to_string(),
    };
    let recorded = v.method == VoteMethod::Recorded;
    match (recorded, v.casting.is_some()) {
        (true, true) => out.push_str(lang.pick(
            " on a recorded vote and the casting vote",
            " mewn pleidlais wedi'i chofnodi a thrwy'r bleidlais fwrw",
        )),
        (true, false) => {
            out.push_str(lang.pick(" on a recorded vote", " mewn pleidlais wedi'i chofnodi"))
        }
        (false, true) => out.push_str(lang.pick(" on the casting vote", " trwy'r bleidlais fwrw")),
        (false, false) => {}
    }
    format!("{out} {}", vote_counts(v, lang))
}

/// "(For 6, Against 2, Abstentions 1)".
pub fn vote_counts(v: &Vote, lang: Language) -> String {
    lang.pick(
        format!(
            "(For {}, Against {}, Abstentions {})",
            v.votes_for, v.votes_against, v.abstentions
        ),
        format!(
            "(O blaid {}, Yn erbyn {}, Yn ymatal {})",
            v.votes_for, v.votes_against, v.abstentions
        ),
    )
}

fn names_voting(rec: &MeetingRecord, v: &Vote, choice: VoteChoice, lang: Language) -> String {
    let mut people: Vec<_> = v
        .members
        .iter()
        .filter(|m| m.choice == choice)
        .filter_map(|m| rec.person(m.person_id))
        .collect();
    people.sort_by_key(|p| p.sort_key());
    if people.is_empty() {
        return lang.pick("none", "neb").to_string();
    }
    let list: Vec<(String, String)> = people
        .iter()
        .map(|p| (p.honorific.clone(), p.name.clone()))
        .collect();
    people_list(&list, lang)
}

/// "A recorded vote having been requested by Councillor X, the voting was as follows: For:
/// Councillors A and B. Against: Councillor C. Abstained: none."
fn recorded_vote(rec: &MeetingRecord, v: &Vote, lang: Language) -> String {
    let asker = v
        .requested_by
        .and_then(|id| rec.person(id))
        .map(|p| person_name(&p.honorific, &p.name, lang))
        .unwrap_or_else(|| lang.pick("a member", "aelod").to_string());
    let for_ = names_voting(rec, v, VoteChoice::For, lang);
    let against = names_voting(rec, v, VoteChoice::Against, lang);
    let abstained = names_voting(rec, v, VoteChoice::Abstain, lang);
    lang.pick(
        format!(
            "A recorded vote having been requested by {asker}, the voting was as follows: For: {for_}. Against: {against}. Abstained: {abstained}."
        ),
        format!(
            "Gan fod {} wedi gofyn am bleidlais wedi'i chofnodi, roedd y pleidleisio fel a ganlyn: O blaid: {for_}. Yn erbyn: {against}. Yn ymatal: {abstained}.",
            mid_sentence(&asker)
        ),
    )
}

/// "There being an equality of votes, the Chairman used their casting vote in favour."
fn casting_sentence(rec: &MeetingRecord, side: VoteChoice, lang: Language) -> String {
    let chair = labels::chair(rec.body.chair_title, false, lang);
    let against = side == VoteChoice::Against;
    lang.pick(
        format!(
            "There being an equality of votes, the {chair} used their casting vote {}.",
            if against { "against" } else { "in favour" }
        ),
        format!(
            "Gan fod nifer y pleidleisiau'n gyfartal, defnyddiodd y {chair} bleidlais fwrw {}.",
            if against { "yn erbyn" } else { "o blaid" }
        ),
    )
}

/// The dispensation as the declarations minute prints it, after the declaration: "with
/// dispensation from the Standards Committee to speak but not vote" / "to speak and vote",
/// with its reference and expiry when recorded: "with dispensation (reference SC/4) from the
/// Standards Committee to speak and vote until 6th May, 2027".
pub fn dispensation_words(
    granted_by: &str,
    scope: DispensationScope,
    expires_on: Option<NaiveDate>,
    reference: &str,
    lang: Language,
) -> String {
    let by = granted_by.trim();
    let by_en = if by.to_lowercase().starts_with("the ") {
        by.to_string()
    } else {
        format!("the {by}")
    };
    let bare = by
        .strip_prefix("the ")
        .or_else(|| by.strip_prefix("The "))
        .unwrap_or(by);
    let by_cy = if bare.eq_ignore_ascii_case("Standards Committee") {
        "y Pwyllgor Safonau".to_string()
    } else {
        bare.to_string()
    };
    let scope_words = match scope {
        DispensationScope::SpeakOnly => {
            lang.pick("to speak but not vote", "i siarad ond nid i bleidleisio")
        }
        DispensationScope::SpeakAndVote => {
            lang.pick("to speak and vote", "i siarad ac i bleidleisio")
        }
    };
    let until = expires_on
        .map(|d| format!(" {} {}", lang.pick("until", "tan"), long_date(d, lang)))
        .unwrap_or_default();
    let reference = if reference.trim().is_empty() {
        String::new()
    } else {
        format!(
            " ({} {})",
            lang.pick("reference", "cyfeirnod"),
            reference.trim()
        )
    };
    lang.pick(
        format!("with dispensation{reference} from {by_en} {scope_words}{until}"),
        format!("gyda goddefeb{reference} gan {by_cy} {scope_words}{until}"),
    )
}

/// The sentences the clerk is offered when the meeting loses its quorum: `{time}` is the
/// time ("11.40 am").
pub fn inquorate_sentence(adjourned: bool, time: &str, lang: Language) -> String {
    match (adjourned, lang) {
        (false, Language::En) => format!("The meeting was inquorate and closed at {time}."),
        (true, Language::En) => format!("The meeting was inquorate and was adjourned at {time}."),
        (false, Language::Cy) => format!("Nid oedd cworwm yn y cyfarfod, a daeth i ben am {time}."),
        (true, Language::Cy) => {
            format!("Nid oedd cworwm yn y cyfarfod, a chafodd ei ohirio am {time}.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(h: &str, n: &str) -> (String, String) {
        (h.to_string(), n.to_string())
    }

    #[test]
    fn ordinals() {
        let got: Vec<_> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31, 101, 111]
            .iter()
            .map(|n| ordinal(*n))
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st",
                "101st", "111th"
            ]
        );
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2015, 1, 5).unwrap();
        assert_eq!(long_date(d, Language::En), "5th January, 2015");
        assert_eq!(long_date(d, Language::Cy), "5 Ionawr 2015");
    }

    #[test]
    fn apologies_grammar() {
        assert_eq!(
            apologies_sentence(&[p("Councillor", "X")], Language::En),
            "This was received from Councillor X."
        );
        assert_eq!(
            apologies_sentence(&[p("Councillor", "X"), p("Councillor", "Y")], Language::En),
            "These were received from Councillors X and Y."
        );
        assert_eq!(
            people_list(
                &[
                    p("Councillor", "A"),
                    p("Councillor", "B"),
                    p("Councillor", "C"),
                    p("Mr.", "D")
                ],
                Language::En
            ),
            "Councillors A, B and C and Mr. D"
        );
    }

    #[test]
    fn limbs() {
        assert_eq!(
            limb_text("the report be noted", None, Language::En),
            "T H A T the report be noted."
        );
        assert_eq!(
            limb_text("the plan be adopted.", Some(1), Language::En),
            "T H A T subject to resolution (1) above, the plan be adopted."
        );
        assert_eq!(
            heading("Apologies for absence", ""),
            "APOLOGIES FOR ABSENCE –"
        );
        assert_eq!(
            heading("Safeguarding report", "ref"),
            "SAFEGUARDING REPORT (REF) –"
        );
    }
}

#[cfg(test)]
mod welsh_tests {
    use super::*;

    #[test]
    fn welsh_lists_use_ac_before_a_vowel_and_lower_case_mid_sentence() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            join_names(&names(&["D. Howells", "I.W. Thomas"]), Language::Cy),
            "D. Howells ac I.W. Thomas"
        );
        assert_eq!(
            join_names(&names(&["D. Howells", "K. Jenkins"]), Language::Cy),
            "D. Howells a K. Jenkins"
        );
        assert_eq!(
            join_names(&names(&["D. Howells", "I.W. Thomas"]), Language::En),
            "D. Howells and I.W. Thomas"
        );
        let people = [
            ("Councillor".to_string(), "A. Hopkins".to_string()),
            ("Councillor".to_string(), "J. Williams".to_string()),
        ];
        assert_eq!(
            apologies_sentence(&people, Language::Cy),
            "Derbyniwyd ymddiheuriadau gan y Cynghorwyr A. Hopkins a J. Williams."
        );
    }
}
