//! The register in both languages (migration 16): the Welsh of each resolution, its reason and
//! its minute is searched beside the English, kept in step by triggers; a mutated first letter
//! finds the radical and the radical its mutations; a hit says which language it was found in
//! and carries the Welsh; the CSV and OParl exports carry both languages.

mod common;

use common::*;
use minutes_core::input::*;
use minutes_core::*;
use minutes_store::Store;
use uuid::Uuid;

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    ids: minutes_store::demo::DemoIds,
    meeting: Uuid,
    minute: Uuid,
    item: Uuid,
    /// "the Council's corporate plan be adopted", translated "mabwysiadu cynllun corfforaethol y
    /// Cyngor".
    plan: Uuid,
    /// "the bill for the mill be paid": English only.
    bill: Uuid,
}

fn resolve(store: &mut Store, minute: Uuid, text: &str, reason: &str) -> Uuid {
    store
        .add_resolution(
            minute,
            &NewResolution {
                keyword: Some(Keyword::Resolved),
                text: text.into(),
                reason: reason.into(),
                conditional_on: None,
                vote: String::new(),
                reason_not_needed: false,
            },
        )
        .unwrap()
        .id
}

/// Writes a translation as the translation view does (migration 15's table).
fn translate(store: &Store, meeting: Uuid, source: &str, source_id: Uuid, welsh: &str) {
    store
        .conn()
        .execute(
            "INSERT INTO text_translation (meeting_id, source, source_id, original, status, text)
             VALUES (?1, ?2, ?3, 'en', 'done', ?4)",
            [
                meeting.to_string(),
                source.to_string(),
                source_id.to_string(),
                welsh.to_string(),
            ],
        )
        .unwrap();
}

fn fixture() -> Fixture {
    let (dir, mut store, ids) = demo_store();
    let meeting = new_meeting(&mut store, ids.scrutiny, d(2016, 3, 1)).id;
    let item = store
        .add_agenda_item(meeting, &NewAgendaItem::report("Corporate plan"))
        .unwrap()
        .id;
    let minute = store
        .add_minute(meeting, Some(item), "Corporate plan")
        .unwrap()
        .id;
    let plan = resolve(
        &mut store,
        minute,
        "the Council's corporate plan be adopted",
        "To set the priorities.",
    );
    let other = store.add_minute(meeting, None, "Accounts").unwrap().id;
    let bill = resolve(&mut store, other, "the bill for the mill be paid", "");
    translate(
        &store,
        meeting,
        "limb",
        plan,
        "mabwysiadu cynllun corfforaethol y Cyngor",
    );
    Fixture {
        _dir: dir,
        store,
        ids,
        meeting,
        minute,
        item,
        plan,
        bill,
    }
}

fn q(text: &str) -> RegisterQuery {
    RegisterQuery {
        text: text.into(),
        today: Some(d(2016, 3, 7)),
        ..Default::default()
    }
}

fn search(store: &Store, text: &str) -> Vec<RegisterHit> {
    store.search_register(&q(text)).unwrap()
}

fn found(store: &Store, text: &str, id: Uuid) -> bool {
    search(store, text).iter().any(|h| h.resolution_id == id)
}

fn hit(store: &Store, text: &str, id: Uuid) -> RegisterHit {
    search(store, text)
        .into_iter()
        .find(|h| h.resolution_id == id)
        .unwrap_or_else(|| panic!("{text} finds the resolution"))
}

fn marked(segments: &[Segment]) -> Vec<&str> {
    segments
        .iter()
        .filter(|s| s.marked)
        .map(|s| s.text.as_str())
        .collect()
}

fn plain(segments: &[Segment]) -> String {
    segments.iter().map(|s| s.text.as_str()).collect()
}

#[test]
fn the_welsh_of_a_limb_is_found_and_the_hit_says_so() {
    let f = fixture();
    let h = hit(&f.store, "cyngor", f.plan);
    assert_eq!(h.language, Language::Cy);
    assert_eq!(
        plain(&h.text_cy),
        "mabwysiadu cynllun corfforaethol y Cyngor"
    );
    assert_eq!(marked(&h.text_cy), ["Cyngor"]);
    // The English is still the resolution's text, as the register shows it.
    assert_eq!(h.plain_text(), "the Council's corporate plan be adopted");
    // Found in English: English, and no Welsh carried.
    let h = hit(&f.store, "corporate plan", f.plan);
    assert_eq!(h.language, Language::En);
    assert!(h.text_cy.is_empty() && h.heading_cy.is_empty());
    // Typed as the start of a word, as the user types.
    assert!(found(&f.store, "mabwys", f.plan));
    assert!(found(&f.store, "cynllun corfforaethol", f.plan));
}

#[test]
fn accents_are_folded_in_the_welsh() {
    let f = fixture();
    translate(
        &f.store,
        f.meeting,
        "reason",
        f.plan,
        "Er mwyn i'r ŵyr a'r wyres",
    );
    assert!(found(&f.store, "wyr", f.plan), "wyr finds ŵyr");
    assert!(found(&f.store, "ŵyres", f.plan), "ŵyres finds wyres");
    let h = hit(&f.store, "wyr", f.plan);
    assert_eq!(h.language, Language::Cy);
    // The last word typed is also the start of a word, as in English.
    assert_eq!(marked(&h.reason_cy), ["ŵyr", "wyres"]);
    assert!(found(&f.store, "CYNGOR", f.plan), "case folded");
}

#[test]
fn a_mutated_word_finds_the_radical_and_the_radical_its_mutations() {
    let f = fixture();
    for typed in ["gyngor", "nghyngor", "chyngor", "Gyngor", "nghyngo"] {
        let h = hit(&f.store, typed, f.plan);
        assert_eq!(h.language, Language::Cy, "{typed}");
        assert_eq!(marked(&h.text_cy), ["Cyngor"], "{typed}");
    }
    // The text holds the mutated forms: the radical (and other mutations) find them.
    let (mut store, meeting) = (f.store, f.meeting);
    let m = store.add_minute(meeting, None, "Statement").unwrap().id;
    let r = resolve(&mut store, m, "the statement be noted", "");
    translate(
        &store,
        meeting,
        "limb",
        r,
        "nodi'r ddatganiad gan y bwyllgor ym mhwyllgor y ran o'r les",
    );
    for typed in [
        "datganiad",
        "ddatganiad",
        "pwyllgor",
        "mhwyllgor",
        "bwyllgor",
        "rhan",
        "ran",
        "lles",
        "les",
    ] {
        assert!(found(&store, typed, r), "{typed}");
    }
    let h = hit(&store, "pwyllgor", r);
    assert_eq!(h.language, Language::Cy);
    assert_eq!(marked(&h.text_cy), ["bwyllgor", "mhwyllgor"]);
    // A phrase with a mutated word: "y pwyllgor" finds "y bwyllgor".
    assert!(found(&store, "y pwyllgor", r));
    // An unrelated word is not found.
    assert!(!found(&store, "tatganiad", r));
}

#[test]
fn english_searches_are_not_widened_into_other_words() {
    let f = fixture();
    // "bill" mutates to "fill" and "mill" in Welsh; the English text is searched as typed.
    let hits = search(&f.store, "bill");
    assert!(hits.iter().any(|h| h.resolution_id == f.bill));
    let only_mill = {
        let (mut store, meeting) = (f.store, f.meeting);
        let m = store.add_minute(meeting, None, "Mill").unwrap().id;
        let r = resolve(&mut store, m, "the mill be repaired", "");
        (store, r)
    };
    let (store, mill) = only_mill;
    assert!(!found(&store, "bill", mill), "bill does not find mill");
    assert!(!found(&store, "fill", mill), "fill does not find mill");
    assert!(found(&store, "mill", mill));
    let h = hit(&store, "mill", mill);
    assert_eq!(h.language, Language::En);
}

#[test]
fn the_welsh_heading_item_title_body_name_and_narrative_are_searched() {
    let f = fixture();
    let mut store = f.store;
    // The minute's heading in Welsh.
    translate(
        &store,
        f.meeting,
        "minute_heading",
        f.minute,
        "Cynllun Corfforaethol",
    );
    let h = hit(&store, "gorfforaethol", f.plan);
    assert_eq!(h.heading_cy, "Cynllun Corfforaethol");
    // The agenda item's Welsh title, as the translate job writes it.
    let item = store
        .agenda(f.meeting)
        .unwrap()
        .into_iter()
        .find(|i| i.id == f.item)
        .unwrap();
    store
        .update_agenda_item(
            f.item,
            &NewAgendaItem {
                title_cy: "Blaenoriaethau strategol".into(),
                ..NewAgendaItem::report(&item.title_en)
            },
        )
        .unwrap();
    let h = hit(&store, "blaenoriaethau", f.plan);
    assert_eq!(h.language, Language::Cy);
    // A narrative's Welsh.
    let block = store
        .add_block(
            f.minute,
            &BlockContent::Narrative {
                text: "Members welcomed the plan.".into(),
            },
        )
        .unwrap();
    translate(
        &store,
        f.meeting,
        "narrative",
        block.id,
        "Croesawodd yr Aelodau'r cynllun.",
    );
    assert!(found(&store, "croesawodd", f.plan));
    assert_eq!(hit(&store, "welcomed", f.plan).language, Language::En);
    // The body's Welsh name.
    store
        .conn()
        .execute(
            "UPDATE body SET name_cy = 'Pwyllgor Craffu Gofal' WHERE id = ?1",
            [f.ids.scrutiny.to_string()],
        )
        .unwrap();
    assert!(found(&store, "craffu gofal", f.plan));
    assert!(found(&store, "graffu", f.plan));
}

#[test]
fn a_translation_changed_or_removed_changes_what_is_found() {
    let f = fixture();
    let store = f.store;
    store
        .conn()
        .execute(
            "UPDATE text_translation SET text = 'cymeradwyo strategaeth y Cyngor'
             WHERE source = 'limb' AND source_id = ?1",
            [f.plan.to_string()],
        )
        .unwrap();
    assert!(found(&store, "strategaeth", f.plan));
    assert!(
        !found(&store, "mabwysiadu", f.plan),
        "the old Welsh is gone"
    );
    store
        .conn()
        .execute(
            "DELETE FROM text_translation WHERE source = 'limb' AND source_id = ?1",
            [f.plan.to_string()],
        )
        .unwrap();
    assert!(
        !found(&store, "strategaeth", f.plan),
        "removed with its translation"
    );
    assert!(found(&store, "corporate", f.plan), "the English stays");
}

#[test]
fn the_welsh_stays_when_the_english_changes() {
    let f = fixture();
    let mut store = f.store;
    store
        .update_resolution(
            f.plan,
            &NewResolution {
                keyword: Some(Keyword::Resolved),
                text: "the Council's corporate plan 2016-2021 be adopted".into(),
                reason: "To set the priorities.".into(),
                conditional_on: None,
                vote: String::new(),
                reason_not_needed: false,
            },
        )
        .unwrap();
    assert!(found(&store, "2021", f.plan));
    assert!(
        found(&store, "gyngor", f.plan),
        "the Welsh is indexed again with it"
    );
    store
        .set_minute_heading(f.minute, "Corporate plan 2016")
        .unwrap();
    assert!(found(&store, "mabwysiadu", f.plan));
}

#[test]
fn a_text_first_written_in_welsh_is_searched_as_welsh() {
    let f = fixture();
    let mut store = f.store;
    let m = store.add_minute(f.meeting, None, "Iaith").unwrap().id;
    let r = resolve(&mut store, m, "cefnogi strategaeth Cymraeg 2050", "");
    store
        .conn()
        .execute(
            "INSERT INTO text_translation (meeting_id, source, source_id, original, status, text)
             VALUES (?1, 'limb', ?2, 'cy', 'done', 'support the Welsh language strategy')",
            [f.meeting.to_string(), r.to_string()],
        )
        .unwrap();
    let h = hit(&store, "gefnogi", r);
    assert_eq!(h.language, Language::Cy);
    assert_eq!(plain(&h.text_cy), "cefnogi strategaeth Cymraeg 2050");
    // The word as typed, in the register's own (Welsh) words: still Welsh.
    assert_eq!(hit(&store, "cefnogi", r).language, Language::Cy);
    assert_eq!(hit(&store, "language strategy", r).language, Language::En);
}

#[test]
fn without_its_trigger_a_new_translation_is_not_found() {
    let f = fixture();
    let store = f.store;
    let m = store.conn();
    m.execute_batch("DROP TRIGGER register_translation_insert")
        .unwrap();
    translate(&store, f.meeting, "reason", f.plan, "Gosod blaenoriaethau");
    assert!(
        !found(&store, "blaenoriaethau", f.plan),
        "the trigger is what indexes a translation"
    );
}

#[test]
fn the_register_csv_carries_the_welsh_neutralised_like_the_rest() {
    let f = fixture();
    translate(&f.store, f.meeting, "reason", f.plan, "=HYPERLINK(\"x\")");
    let text = f
        .store
        .register_csv(&RegisterQuery {
            body_id: Some(f.ids.scrutiny),
            ..Default::default()
        })
        .unwrap();
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    for name in [
        "text_cy",
        "reason_cy",
        "minute_heading_cy",
        "item_title_cy",
        "body_cy",
    ] {
        assert!(header.iter().any(|h| h == name), "{name}");
    }
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let plan = rows
        .iter()
        .find(|r| r[col("decision_id")] == f.plan.to_string())
        .unwrap();
    assert_eq!(
        &plan[col("text_cy")],
        "mabwysiadu cynllun corfforaethol y Cyngor"
    );
    assert_eq!(&plan[col("reason_cy")], "'=HYPERLINK(\"x\")");
    let bill = rows
        .iter()
        .find(|r| r[col("decision_id")] == f.bill.to_string())
        .unwrap();
    assert_eq!(&bill[col("text_cy")], "");
}

#[test]
fn the_oparl_export_gives_the_welsh_of_each_limb() {
    let mut f = fixture();
    translate(
        &f.store,
        f.meeting,
        "minute_heading",
        f.minute,
        "Cynllun Corfforaethol",
    );
    // OParl gives the resolutions of published minutes only (and the body asks a reason
    // of every limb before the draft is published).
    f.store
        .update_resolution(
            f.bill,
            &NewResolution {
                keyword: Some(Keyword::Resolved),
                text: "the bill for the mill be paid".into(),
                reason: "It is due.".into(),
                conditional_on: None,
                vote: String::new(),
                reason_not_needed: false,
            },
        )
        .unwrap();
    f.store.publish_draft(f.meeting).unwrap();
    let v = f
        .store
        .oparl_export("https://democracy.example.gov.uk/oparl", None)
        .unwrap();
    let item = v["agendaItem"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| {
            i["id"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/{}.json", f.item))
        })
        .unwrap();
    assert_eq!(
        item["cofnod:resolutionTextCy"],
        "(1) BOD mabwysiadu cynllun corfforaethol y Cyngor"
    );
    assert_eq!(item["cofnod:minuteHeadingCy"], "Cynllun Corfforaethol");
    assert_eq!(
        item["cofnod:resolutions"][0]["textCy"],
        "mabwysiadu cynllun corfforaethol y Cyngor"
    );
    assert_eq!(item["name"], "Corporate plan");
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/tests/oparl-1.1-schema/AgendaItem.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(item).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn the_whole_record_search_finds_translations_and_says_in_which_language() {
    let f = fixture();
    let hits = f.store.search("mabwysiadu", 20).unwrap();
    let h = hits
        .iter()
        .find(|h| h.kind == "resolution")
        .expect("the limb's Welsh");
    assert_eq!(h.language, Language::Cy);
    assert!(h.snippet.contains("[mabwysiadu]"), "{}", h.snippet);
    assert_eq!(h.heading, "Corporate plan");
    let hits = f.store.search("corporate plan adopted", 20).unwrap();
    assert!(hits
        .iter()
        .any(|h| h.kind == "resolution" && h.language == Language::En));
    // Changed, the old Welsh is no longer found; removed, nor is the new.
    f.store
        .conn()
        .execute(
            "UPDATE text_translation SET text = 'cymeradwyo' WHERE source = 'limb' AND source_id = ?1",
            [f.plan.to_string()],
        )
        .unwrap();
    assert!(f.store.search("mabwysiadu", 20).unwrap().is_empty());
    assert_eq!(f.store.search("cymeradwyo", 20).unwrap().len(), 1);
    f.store
        .conn()
        .execute(
            "DELETE FROM text_translation WHERE source_id = ?1",
            [f.plan.to_string()],
        )
        .unwrap();
    assert!(f.store.search("cymeradwyo", 20).unwrap().is_empty());
}
