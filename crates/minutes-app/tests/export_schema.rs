//! Every meeting of the demo council, exported as `cofnod export` writes it, is valid against
//! the documented schema (`docs/meeting-export.schema.json`); a file with a wrong type is not.

use chrono::NaiveDate;
use minutes_app::{Clock, Council};

#[test]
fn exported_meetings_validate_against_the_documented_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let council = Council::open(
        &dir.path().join("cofnod.sqlite3"),
        Clock::Fixed(NaiveDate::from_ymd_opt(2026, 11, 26).expect("date")),
    )
    .expect("council");
    council.load_demo().expect("demo");
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/meeting-export.schema.json"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the schema")).expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let meetings = council
        .read(|s| Ok::<_, minutes_app::AppError>(s.list_meetings()?))
        .expect("meetings");
    assert!(meetings.len() >= 2);
    for m in &meetings {
        let rec = council
            .read(|s| Ok::<_, minutes_app::AppError>(s.meeting_record(m.id)?))
            .expect("record");
        let json = serde_json::to_value(&rec).expect("JSON");
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", m.date);
        // A limb number given as text is refused by the schema, as by the import.
        let mut bad = json.clone();
        if let Some(limb) = bad.pointer_mut("/minutes/0/minute/number") {
            *limb = serde_json::Value::String("five".into());
            assert!(
                !validator.is_valid(&bad),
                "a minute number as text is refused"
            );
        }
    }
}
