//! The recommendation tracker as a scrutiny officer reads it: every recommendation with its
//! minute number, status, outcome and response; "OVERDUE" only where it is; the summary's
//! counts; every page numbered; nothing outside the page.

mod common;

use chrono::NaiveDate;
use common::{d, four_states, poppler};
use minutes_core::tracker::TrackerReport;
use minutes_core::{Language, ReferralOutcome};

/// The text of a PDF as laid out, page by page (split at form feeds), each run of spaces made
/// one.
fn layout_pages(pdf: &[u8]) -> Vec<String> {
    let text = poppler("pdftotext", &["-layout"], pdf);
    let mut pages: Vec<String> = text
        .split('\u{c}')
        .map(|page| {
            page.lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    if pages.last().is_some_and(|p| p.is_empty()) {
        pages.pop();
    }
    pages
}

fn layout_text(pdf: &[u8]) -> String {
    layout_pages(pdf).join("\n")
}

fn entry_number(c: &minutes_core::ReferralChain) -> String {
    let src = c
        .source
        .as_ref()
        .expect("every test referral has a resolution");
    format!("{}({})", src.minute.label, src.limb)
}

/// The text of each entry, from its number to the next one's (or the end), on one line:
/// a value wrapped in its column reads on.
fn entries(text: &str, report: &TrackerReport) -> Vec<String> {
    let mut starts: Vec<usize> = Vec::new();
    for c in &report.entries {
        let from = starts.last().map_or(0, |s| s + 1);
        let at = text[from..]
            .find(&format!("\n{} ", entry_number(c)))
            .unwrap_or_else(|| panic!("{} missing or out of order", entry_number(c)));
        starts.push(from + at);
    }
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(s, e)| text[*s..e].split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// A word of the long response: "w123".
fn response_word(w: &str) -> Option<&str> {
    let w = w.trim_end_matches('.');
    (w.starts_with('w') && w[1..].parse::<u32>().is_ok()).then_some(w)
}

fn pages(pdf: &[u8]) -> usize {
    let info = poppler("pdfinfo", &[], pdf);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives a page count")
}

#[test]
fn every_recommendation_with_its_status_outcome_and_response() {
    let f = four_states();
    let report = f.report();
    assert_eq!(report.entries.len(), 4);
    let pdf = minutes_pdf::tracker_pdf(&report, Language::En).unwrap();
    let text = layout_text(&pdf);

    for want in [
        "GLANTAWE COUNTY BOROUGH COUNCIL",
        "SCRUTINY COMMITTEE (SOCIAL CARE AND HEALTH)",
        "DECISION TRACKING OF RECOMMENDATIONS",
        "1st January, 2015 to 31st March, 2015",
        "Date produced: 20th March, 2015",
        "Recommendations: 4",
        "Awaiting a response: 2 (1 overdue)",
        "Considered: 1",
        "Closed: 1",
        "Outcomes: 1 accepted, 1 accepted in part",
    ] {
        assert!(text.contains(want), "{want:?} missing from:\n{text}");
    }

    let e = entries(&text, &report);
    // The demo's referral to Cabinet, sent 7th January and due 6th March: 14 days late.
    assert!(e[0].contains("be referred to Cabinet for its consideration"));
    assert!(e[0].contains("Meeting: 5th January, 2015"));
    assert!(e[0].contains("Sent: 7th January, 2015"));
    assert!(e[0].contains("Response due: 6th March, 2015"));
    assert!(
        e[0].contains("Status: Awaiting a response – OVERDUE, 14 days late"),
        "{}",
        e[0]
    );
    for other in &e[1..] {
        assert!(!other.to_lowercase().contains("overdue"), "{other}");
    }

    assert!(e[1].contains("RECOMMENDED – T H A T a corporate parenting strategy be adopted."));
    assert!(e[1].contains("Referred to: Cabinet (for decision)"));
    assert!(e[1].contains("Status: Considered"));
    assert!(e[1].contains("Outcome: Accepted in part"));
    assert!(e[1].contains("Considered at: Cabinet, 26th January, 2015"));
    // The 600-word response, whole and in order.
    let words: Vec<&str> = e[1].split_whitespace().filter_map(response_word).collect();
    let expected: Vec<String> = (1..=600).map(|i| format!("w{i}")).collect();
    assert_eq!(words, expected);

    assert!(e[2].contains("Outcome: Accepted"));
    assert!(e[2].contains("Response: Cabinet agreed the profile."));
    assert!(e[2].contains("Reported back: 2nd February, 2015"));
    assert!(e[2].contains("Status: Closed"));
    assert!(e[2].contains("Closed: 3rd February, 2015"));

    assert!(
        e[3].contains("Referred to: Abertawe Bro Morgannwg University Health Board (for decision)")
    );
    assert!(e[3].contains("Status: Awaiting a response"));
    assert!(!e[3].contains("Outcome:"));

    // Every page numbered; nothing outside the margins.
    let n = pages(&pdf);
    let by_page = layout_pages(&pdf);
    assert_eq!(by_page.len(), n);
    for (i, page) in by_page.iter().enumerate() {
        assert!(
            page.contains(&format!("Page {} of {n}", i + 1)),
            "page {} unnumbered",
            i + 1
        );
    }
    words_inside_margins(&pdf);
}

/// Every word's box lies inside the page's margins (25 mm left and right, with a point to
/// spare), so nothing runs off the page.
fn words_inside_margins(pdf: &[u8]) {
    let bbox = poppler("pdftotext", &["-bbox"], pdf);
    let attr = |tag: &str, name: &str| -> f32 {
        let at = tag.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let (left, right) = (25.0 * 72.0 / 25.4 - 1.0, (210.0 - 25.0) * 72.0 / 25.4 + 1.0);
    let mut count = 0;
    for tag in bbox.split("<word ").skip(1) {
        let (x0, x1) = (attr(tag, "xMin"), attr(tag, "xMax"));
        let (y0, y1) = (attr(tag, "yMin"), attr(tag, "yMax"));
        assert!(x0 >= left && x1 <= right, "word outside the margins: {tag}");
        assert!(y0 >= 0.0 && y1 <= 842.0, "word off the page: {tag}");
        count += 1;
    }
    assert!(count > 100);
}

#[test]
fn many_recommendations_run_over_pages_each_entry_whole_and_every_page_numbered() {
    let mut f = four_states();
    let cabinet = Some(f.ids.cabinet);
    for i in 1..=30 {
        let r = f.refer(
            &format!("recommendation number {i} on the action plan be considered"),
            cabinet,
            "",
            d(2015, 2, 1 + (i % 27)),
        );
        if i % 3 == 0 {
            f.answer(
                r,
                ReferralOutcome::NotAccepted,
                "Cabinet did not accept it.",
            );
        }
    }
    let report = f.report();
    assert_eq!(report.entries.len(), 34);
    let pdf = minutes_pdf::tracker_pdf(&report, Language::En).unwrap();
    let n = pages(&pdf);
    assert!(n > 3, "{n} pages");
    let text = layout_text(&pdf);
    assert!(text.contains("Recommendations: 34"));
    assert!(
        text.contains("Awaiting a response: 22 (1 overdue)"),
        "{text}"
    );
    assert!(text.contains("Considered: 11"));
    assert!(text.contains("Outcomes: 1 accepted, 1 accepted in part, 10 not accepted"));
    // Every entry once, in the order sent.
    let sent: Vec<NaiveDate> = report.entries.iter().map(|c| c.referral.sent_on).collect();
    assert!(sent.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(entries(&text, &report).len(), 34);

    let numbers: Vec<String> = report.entries.iter().map(entry_number).collect();
    let by_page = layout_pages(&pdf);
    assert_eq!(by_page.len(), n);
    for (i, page) in by_page.iter().enumerate() {
        assert!(
            page.contains(&format!("Page {} of {n}", i + 1)),
            "page {}",
            i + 1
        );
        assert!(
            page.contains("Scrutiny Committee (Social Care and Health) – 1st January, 2015 to 31st March, 2015"),
            "page {} has no running head",
            i + 1
        );
        // A short entry is never split: each number on the page comes with its status,
        // except the long 600-word one, which may run on.
        let starts = page
            .lines()
            .filter(|l| numbers.iter().any(|n| l.starts_with(&format!("{n} "))))
            .count();
        let statuses = page.lines().filter(|l| l.starts_with("Status:")).count();
        if !page.split_whitespace().any(|w| response_word(w).is_some()) {
            assert_eq!(starts, statuses, "page {} splits an entry:\n{page}", i + 1);
        }
    }
    words_inside_margins(&pdf);
}

#[test]
fn welsh_labels_and_an_empty_period() {
    let f = four_states();
    let report = f.report();
    let pdf = minutes_pdf::tracker_pdf(&report, Language::Cy).unwrap();
    let text = layout_text(&pdf);
    for want in [
        "OLRHAIN PENDERFYNIADAU AR ARGYMHELLION",
        "1 Ionawr 2015 hyd at 31 Mawrth 2015",
        "Statws: Yn aros am ymateb – YN HWYR, 14 diwrnod yn hwyr",
        "Canlyniad: Derbyniwyd yn rhannol",
        "ARGYMHELLWYD – B O D",
        "Tudalen 1 o",
    ] {
        assert!(text.contains(want), "{want:?} missing from:\n{text}");
    }

    // Until a Welsh name is recorded, the English one stands.
    assert!(text.contains("Cyfeiriwyd at: Cabinet ("), "{text}");

    let empty = f
        .store
        .tracker_report(f.ids.scrutiny, d(2014, 7, 1), d(2014, 9, 30), d(2015, 7, 1))
        .unwrap();
    let text = layout_text(&minutes_pdf::tracker_pdf(&empty, Language::En).unwrap());
    assert!(text.contains("1st July, 2014 to 30th September, 2014"));
    assert!(text.contains("Recommendations: 0"));
    assert!(text.contains("No recommendations were referred in this period."));
}

#[test]
fn the_welsh_tracker_names_committees_and_minutes_in_welsh() {
    let f = four_states();
    f.store
        .conn()
        .execute_batch(&format!(
            "UPDATE body SET name_cy = 'Y Cabinet' WHERE id = '{}';
             UPDATE agenda_item SET title_cy = 'Arolygiad cenedlaethol o ddiogelu plant sy''n derbyn gofal'
             WHERE id = '{}';",
            f.ids.cabinet, f.ids.inspection_item
        ))
        .unwrap();
    let report = f.report();
    let cy = layout_text(&minutes_pdf::tracker_pdf(&report, Language::Cy).unwrap());
    for want in [
        "Cyfeiriwyd at: Y Cabinet (",
        "Ystyriwyd gan: Y Cabinet, 26 Ionawr 2015",
        "Arolygiad cenedlaethol o ddiogelu plant sy'n derbyn gofal",
    ] {
        assert!(cy.contains(want), "{want:?} missing from:\n{cy}");
    }
    assert!(!cy.contains("Referred to") && !cy.contains("National inspection"));
    // The English tracker keeps the English names.
    let en = layout_text(&minutes_pdf::tracker_pdf(&report, Language::En).unwrap());
    assert!(en.contains("Referred to: Cabinet (") && en.contains("National inspection"));
    assert!(!en.contains("Y Cabinet") && !en.contains("Arolygiad"));
}

/// The referral a call-in's outcome issued, as the tracker prints it in English and Welsh: the
/// recorded vote that made it, with the names, and the call-in of the Cabinet minute with
/// where it stands.
#[test]
fn a_call_in_referral_prints_its_vote_and_the_call_in_in_english_and_welsh() {
    let f = minutes_store::testing::called_in_council();
    let report = f
        .store
        .tracker_report(f.scrutiny.id, d(2026, 1, 1), d(2026, 3, 31), d(2026, 1, 20))
        .unwrap();
    assert_eq!(report.entries.len(), 1);
    let words = |lang| {
        let pdf = minutes_pdf::tracker_pdf(&report, lang).unwrap();
        layout_text(&pdf)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let en = words(Language::En);
    for want in [
        "Vote: Carried on a recorded vote (For 3, Against 1, Abstentions 1). A recorded vote having been requested by Councillor B. Evans, the voting was as follows: For: Councillors",
        "Against: Councillor E. Hughes. Abstained: Councillor A. Jones.",
        "Call-in: Cabinet minute C1 of 19th December, 2025 \u{2013} referred back to Cabinet, awaiting reconsideration (Scrutiny Committee, 12th January, 2026, minute",
    ] {
        assert!(en.contains(want), "{want}\nin\n{en}");
    }
    assert!(!en.contains("Implemented:"), "not implemented yet");
    let cy = words(Language::Cy);
    for want in [
        "Pleidlais: Pasiwyd mewn pleidlais wedi'i chofnodi (O blaid 3, Yn erbyn 1, Yn ymatal 1). Gan fod y Cynghorydd B. Evans wedi gofyn am bleidlais wedi'i chofnodi",
        "Galw i mewn: Cofnod C1 y Cabinet dyddiedig 19 Rhagfyr 2025 \u{2013} cyfeiriwyd yn ôl at y Cabinet, yn aros i'w ailystyried",
    ] {
        assert!(cy.contains(want), "{want}\nin\n{cy}");
    }
    // (The minute's own heading, "Call-in: Library Strategy", has no Welsh title here.)
    assert!(!cy.contains("Call-in: Cabinet") && !cy.contains("Carried"));
}
