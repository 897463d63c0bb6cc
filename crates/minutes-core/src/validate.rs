//! Checks on what a clerk types, each failing with a sentence that names the field.

use crate::error::DomainError;
use crate::model::{
    AgendaItem, BilingualLayout, DeclarationAction, DeclarationKind, DocumentLanguages, ItemOrigin,
    ItemPart, Jurisdiction,
};

/// Longest title or heading, in characters.
pub const MAX_TITLE: usize = 300;
/// Longest name, in characters.
pub const MAX_NAME: usize = 200;
/// Longest paragraph of minute text, in characters.
pub const MAX_TEXT: usize = 100_000;

/// A required single-line value: trimmed, not empty, not too long, no control characters.
pub fn required_line(field: &str, value: &str, max: usize) -> Result<String, DomainError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(DomainError::invalid(field, "must not be empty"));
    }
    optional_line(field, v, max)
}

/// An optional single-line value: may be empty, otherwise as [`required_line`].
pub fn optional_line(field: &str, value: &str, max: usize) -> Result<String, DomainError> {
    let v = value.trim();
    let len = v.chars().count();
    if len > max {
        return Err(DomainError::invalid(
            field,
            format!("is {len} characters long; the most allowed is {max}"),
        ));
    }
    if v.chars().any(char::is_control) {
        return Err(DomainError::invalid(
            field,
            "must be a single line without control characters",
        ));
    }
    Ok(v.to_string())
}

/// Free text (paragraphs): may hold line breaks, not other control characters.
pub fn text(field: &str, value: &str, required: bool) -> Result<String, DomainError> {
    let v = value.trim();
    if required && v.is_empty() {
        return Err(DomainError::invalid(field, "must not be empty"));
    }
    let len = v.chars().count();
    if len > MAX_TEXT {
        return Err(DomainError::invalid(
            field,
            format!("is {len} characters long; the most allowed is {MAX_TEXT}"),
        ));
    }
    if v.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(DomainError::invalid(field, "contains control characters"));
    }
    Ok(v.to_string())
}

/// A new council from the first start's set-up, checked as a whole before anything is
/// written: the authority's and the committee's English names required, each member's name
/// not blank (named by their place in the list) and listed once. Trimmed.
pub fn new_council(n: &crate::input::NewCouncil) -> Result<crate::input::NewCouncil, DomainError> {
    let name_en = required_line("Authority name", &n.name_en, MAX_NAME)?;
    let name_cy = optional_line("Welsh authority name", &n.name_cy, MAX_NAME)?;
    let committee_en = required_line("Committee name", &n.committee_en, MAX_TITLE)?;
    let committee_cy = optional_line("Welsh committee name", &n.committee_cy, MAX_TITLE)?;
    let mut members: Vec<String> = Vec::with_capacity(n.members.len());
    for (i, m) in n.members.iter().enumerate() {
        let field = format!("Member {}'s name", i + 1);
        let name = required_line(&field, m, MAX_NAME)?;
        if let Some(first) = members
            .iter()
            .position(|o| o.to_lowercase() == name.to_lowercase())
        {
            return Err(DomainError::invalid(
                field,
                format!("{name} is already member {} of the list", first + 1),
            ));
        }
        members.push(name);
    }
    Ok(crate::input::NewCouncil {
        name_en,
        name_cy,
        jurisdiction: n.jurisdiction,
        committee_en,
        committee_cy,
        committee_kind: n.committee_kind,
        members,
    })
}

/// The authority's documents in two languages, checked: each translation notice one line,
/// not empty; the layout one that is built. Trimmed.
pub fn document_languages(d: &DocumentLanguages) -> Result<DocumentLanguages, DomainError> {
    let en = required_line(
        "Translation notice (English)",
        &d.translation_notice_en,
        MAX_TITLE,
    )?;
    let cy = required_line(
        "Translation notice (Welsh)",
        &d.translation_notice_cy,
        MAX_TITLE,
    )?;
    if d.layout == BilingualLayout::SideBySide {
        return Err(DomainError::invalid(
            "Bilingual layout",
            "side by side (two columns) is not available yet; choose \"Welsh first, section by section\" or separate documents",
        ));
    }
    Ok(DocumentLanguages {
        legal_language: d.legal_language,
        translation_notice_en: en,
        translation_notice_cy: cy,
        layout: d.layout,
    })
}

/// A bilingual layout as typed ("separate", "welsh_first_sections", "side_by_side").
pub fn bilingual_layout(word: &str) -> Result<BilingualLayout, DomainError> {
    BilingualLayout::parse(word.trim()).map_err(|_| {
        DomainError::invalid(
            "Bilingual layout",
            format!(
                "'{}' is not a layout: give separate, welsh_first_sections or side_by_side",
                word.trim()
            ),
        )
    })
}

/// The placeholders a presenter's sentence may hold.
pub const PRESENTER_PLACEHOLDERS: &[&str] = &["{name}", "{title}"];

/// The authority's sentence for a presenter ("{name}, {title}, was present for this item."):
/// one line that names the presenter with `{name}`, and no placeholder but `{name}` and
/// `{title}`.
pub fn presenter_form(field: &str, value: &str) -> Result<String, DomainError> {
    let v = required_line(field, value, MAX_TITLE)?;
    if !v.contains("{name}") {
        return Err(DomainError::invalid(
            field,
            "must contain {name}, where the presenter's name is printed",
        ));
    }
    let mut unknown: Vec<String> = Vec::new();
    let mut rest = v.as_str();
    while let Some(open) = rest.find('{') {
        let after = &rest[open..];
        let end = after.find('}').map_or(after.len(), |e| e + 1);
        let placeholder = &after[..end];
        if !PRESENTER_PLACEHOLDERS.contains(&placeholder)
            && !unknown.iter().any(|u| u == placeholder)
        {
            unknown.push(placeholder.to_string());
        }
        rest = &after[end..];
    }
    if !unknown.is_empty() {
        return Err(DomainError::invalid(
            field,
            format!(
                "has {} {}; only {{name}} and {{title}} can be used",
                if unknown.len() == 1 {
                    "an unknown placeholder"
                } else {
                    "unknown placeholders"
                },
                unknown.join(", ")
            ),
        ));
    }
    Ok(v)
}

/// Schedule 12A paragraphs that may exempt information. Wales (Part 4 as substituted in
/// 2007): 12-18, with 18A-18C for standards hearings. England: 1-7.
pub fn exempt_paragraph_known(j: Jurisdiction, para: &str) -> bool {
    match j {
        Jurisdiction::Wales => {
            matches!(
                para,
                "12" | "13" | "14" | "15" | "16" | "17" | "18" | "18A" | "18B" | "18C"
            )
        }
        Jurisdiction::England => matches!(
            para,
            "1" | "2" | "3" | "4" | "5" | "6" | "7" | "7A" | "7B" | "7C"
        ),
    }
}

/// In Wales the public-interest test applies to paragraphs 12-15, 17 and 18, not 16.
pub fn needs_public_interest(j: Jurisdiction, para: &str) -> bool {
    match j {
        Jurisdiction::Wales => matches!(para, "12" | "13" | "14" | "15" | "17" | "18"),
        Jurisdiction::England => true,
    }
}

/// The rules on an agenda item that do not need the database.
pub fn agenda_item(j: Jurisdiction, item: &AgendaItem) -> Result<(), DomainError> {
    required_line("Item title", &item.title_en, MAX_TITLE)?;
    optional_line("Welsh item title", &item.title_cy, MAX_TITLE)?;
    optional_line("Tag", &item.tag, 20)?;
    match item.part {
        ItemPart::Public => {
            if !item.exempt_paragraphs.is_empty() {
                return Err(DomainError::invalid(
                    "Exempt paragraphs",
                    "only part 2 items are exempt; move the item to part 2 first",
                ));
            }
        }
        ItemPart::Exempt => {
            if item.exempt_paragraphs.is_empty() {
                return Err(DomainError::invalid(
                    "Exempt paragraphs",
                    "a part 2 item must cite at least one paragraph of Schedule 12A",
                ));
            }
            for p in &item.exempt_paragraphs {
                if !exempt_paragraph_known(j, p) {
                    return Err(DomainError::invalid(
                        "Exempt paragraphs",
                        format!("paragraph {p} is not an exempt-information paragraph of Schedule 12A here"),
                    ));
                }
            }
            let needs_pit = item
                .exempt_paragraphs
                .iter()
                .any(|p| needs_public_interest(j, p));
            if needs_pit && item.public_interest.trim().is_empty() {
                return Err(DomainError::invalid(
                    "Public interest",
                    "state why the public interest in keeping the information exempt outweighs disclosure",
                ));
            }
        }
    }
    if item.origin == ItemOrigin::Urgent && item.urgent_reason.trim().is_empty() {
        return Err(DomainError::invalid(
            "Urgent reason",
            "an urgent item needs the special circumstances that make it urgent",
        ));
    }
    Ok(())
}

/// A prejudicial interest must say what the member did about it.
pub fn declaration(
    kind: DeclarationKind,
    action: Option<DeclarationAction>,
) -> Result<(), DomainError> {
    if kind == DeclarationKind::Prejudicial && action.is_none() {
        return Err(DomainError::invalid(
            "Action",
            "a prejudicial interest needs the action taken (withdrew, spoke then withdrew, ...)",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_trimmed_and_bounded() {
        assert_eq!(required_line("Title", "  Budget  ", 10).unwrap(), "Budget");
        let e = required_line("Title", "   ", 10).unwrap_err();
        assert_eq!(e.to_string(), "Title: must not be empty");
        let e = required_line("Title", &"x".repeat(11), 10).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Title: is 11 characters long; the most allowed is 10"
        );
        assert!(required_line("Title", "a\u{0}b", 10).is_err());
        assert!(text("Text", "line one\nline two", true).is_ok());
        // Welsh letters count as one character each.
        assert!(required_line("Title", "ŵŷâẁ", 4).is_ok());
    }

    #[test]
    fn paragraph_16_needs_no_public_interest_in_wales() {
        assert!(needs_public_interest(Jurisdiction::Wales, "14"));
        assert!(!needs_public_interest(Jurisdiction::Wales, "16"));
        assert!(!exempt_paragraph_known(Jurisdiction::Wales, "3"));
        assert!(exempt_paragraph_known(Jurisdiction::England, "3"));
    }

    #[test]
    fn prejudicial_needs_action() {
        assert!(declaration(DeclarationKind::Prejudicial, None).is_err());
        assert!(declaration(DeclarationKind::Personal, None).is_ok());
        assert!(declaration(
            DeclarationKind::Prejudicial,
            Some(DeclarationAction::Withdrew)
        )
        .is_ok());
    }
}

#[cfg(test)]
mod presenter_form_tests {
    use super::presenter_form;

    #[test]
    fn a_presenter_sentence_must_name_the_presenter_and_use_known_placeholders() {
        assert_eq!(
            presenter_form(
                "Presenter sentence",
                " {name}, {title}, was present for this item. "
            ),
            Ok("{name}, {title}, was present for this item.".to_string())
        );
        let no_name = presenter_form("Presenter sentence", "{title} was present.").unwrap_err();
        assert!(
            no_name.to_string().contains("must contain {name}"),
            "{no_name}"
        );
        let unknown = presenter_form("Presenter sentence", "{name} of {org} ({role}) spoke.")
            .unwrap_err()
            .to_string();
        assert!(
            unknown.contains("unknown placeholders {org}, {role}"),
            "{unknown}"
        );
        assert!(presenter_form("Presenter sentence", "{name}\nspoke").is_err());
    }
}

/// A web address something will be published at ("https://democracy.example.gov.uk/"),
/// without its trailing slash; refused, naming `field` and `what`, unless it is http(s) with a
/// host.
pub fn web_address(field: &str, what: &str, value: &str) -> Result<String, DomainError> {
    let base = value.trim().trim_end_matches('/');
    let host = base
        .strip_prefix("https://")
        .or_else(|| base.strip_prefix("http://"));
    if !host.is_some_and(|h| !h.is_empty() && !h.contains(char::is_whitespace)) {
        return Err(DomainError::invalid(
            field,
            format!("give the web address {what} will be published at, starting https://"),
        ));
    }
    Ok(base.to_string())
}
