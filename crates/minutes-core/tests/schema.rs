//! The format `cofnod export MEETING` writes and `cofnod import` reads is documented by a JSON
//! Schema generated from the Rust types: `docs/meeting-export.schema.json`. A stale copy in the
//! repository fails here (and is rewritten, to be reviewed and committed).

use std::path::Path;

#[test]
fn the_meeting_export_format_is_documented_by_a_current_json_schema() {
    let schema = schemars::schema_for!(minutes_core::MeetingRecord);
    let text = serde_json::to_string_pretty(&schema).expect("the schema as JSON") + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/meeting-export.schema.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != text {
        std::fs::write(&path, &text).expect("rewrite the schema");
        panic!(
            "docs/meeting-export.schema.json did not match the types: it is rewritten, review and commit it"
        );
    }
    // What a reader of the schema relies on.
    for field in [
        "\"minutes\"",
        "\"attendance\"",
        "\"for_items\"",
        "\"approves_meeting_id\"",
        "\"sequences\"",
    ] {
        assert!(text.contains(field), "the schema names {field}");
    }
}
