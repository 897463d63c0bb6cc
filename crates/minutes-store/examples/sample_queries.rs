//! Prints the register benchmark's queries (`archive::sample_queries(200, 7)`), one JSON string
//! a line: the published site's search benchmark (tests/bench/site.mjs) types the same ones.
fn main() {
    for q in minutes_store::archive::sample_queries(200, 7) {
        println!("{}", serde_json::Value::String(q));
    }
}
