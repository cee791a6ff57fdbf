//! Native tests of the loader: one fixture per kind of problem, with the
//! exact diagnostics pinned in `tests/fixtures/load/NAME.expected`, and the
//! shipped `public/events.json` checked to be valid.
//!
//! `BLESS=1 cargo test --test load` rewrites the `.expected` files; read
//! the diff before committing it.

use iguren_calendar::load::{load, FIELDS};
use std::path::Path;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new("tests/fixtures/load").join(format!("{name}.json")))
        .unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// Loads a fixture, compares its diagnostics with the pinned ones and
/// returns the ids of the events that still loaded.
fn check(name: &str) -> Vec<String> {
    let loaded = load(&fixture(name));
    let got: String = loaded
        .diagnostics
        .iter()
        .map(|d| format!("{d}\n"))
        .collect();
    let expected_path = Path::new("tests/fixtures/load").join(format!("{name}.expected"));
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&expected_path, &got).unwrap();
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    assert_eq!(got, expected, "diagnostics of {name}.json");
    loaded.catalog.events.iter().map(|e| e.id.clone()).collect()
}

#[test]
fn the_valid_fixture_has_no_problems() {
    assert_eq!(check("valid"), ["a", "b"]);
}

#[test]
fn a_syntax_error_is_reported_where_it_is() {
    assert_eq!(check("syntax"), Vec::<String>::new());
}

#[test]
fn each_problem_in_one_event_keeps_the_other_event() {
    // Problems in event "a" (the first one): "b" still loads.
    for name in [
        "wrong-type",
        "unknown-field",
        "missing-field",
        "impossible-time",
        "end-before-start",
        "empty-title",
    ] {
        assert_eq!(check(name), ["b"], "{name}");
    }
    // Problems in event "b": "a" still loads.
    for name in [
        "impossible-date",
        "unknown-project",
        "duplicate-id",
        "id-not-url-safe",
        "javascript-link",
        "bad-email",
    ] {
        assert_eq!(check(name), ["a"], "{name}");
    }
}

#[test]
fn every_problem_is_reported_in_one_pass() {
    let text = fixture("valid")
        .replace("\"title\": \"会合\"", "\"titel\": \"会合\"")
        .replace("\"2004-02-06\"", "\"2004-02-31\"")
        .replace("\"#123456\"", "\"blue\"");
    let loaded = load(&text);
    let paths: Vec<&str> = loaded.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        loaded.diagnostics[2].en,
        "project \"p\" (/projects/0) has problems, so this event is left out"
    );
    assert_eq!(
        paths,
        [
            "/projects/0/color",
            "/events/0/title",
            "/events/0/project",
            "/events/0/titel",
            "/events/1/project",
            "/events/1/end"
        ]
    );
}

#[test]
fn the_shipped_data_is_valid() {
    let text = std::fs::read_to_string("public/events.json").unwrap();
    let loaded = load(&text);
    let problems: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        problems.is_empty(),
        "public/events.json:\n{}",
        problems.join("\n")
    );
    assert_eq!(loaded.catalog.events.len(), 14);
    assert_eq!(loaded.catalog.projects.len(), 11);
    // Every project is used by an event, or is one the newsletter names
    // without a date.
    for p in &loaded.catalog.projects {
        let used = loaded.catalog.events.iter().any(|e| e.project == p.id);
        assert!(
            used || ["seisaku", "manten"].contains(&p.id.as_str()),
            "{}",
            p.id
        );
    }
}

/// The JSON Schema that editors use and the validator accept the same
/// field names for every kind of object.
#[test]
fn the_schema_names_the_same_fields_as_the_validator() {
    use iguren_calendar::load::json::{parse, Node, Value};
    let text = std::fs::read_to_string("public/events.schema.json").unwrap();
    let schema = parse(&text).unwrap();
    fn get<'a>(n: &'a Node<'a>, key: &str) -> &'a Node<'a> {
        match &n.value {
            Value::Object(m) => {
                &m.iter()
                    .find(|m| m.key == key)
                    .unwrap_or_else(|| panic!("{key}"))
                    .node
            }
            _ => panic!("{key}: not an object"),
        }
    }
    fn keys(n: &Node) -> Vec<String> {
        let mut k: Vec<String> = match &get(n, "properties").value {
            Value::Object(m) => m.iter().map(|m| m.key.to_string()).collect(),
            _ => panic!(),
        };
        k.sort();
        k
    }
    let defs = get(&schema, "$defs");
    fn first_object<'a>(n: &'a Node<'a>) -> Node<'a> {
        match &get(n, "oneOf").value {
            Value::Array(items) => items[1].clone(),
            _ => panic!(),
        }
    }
    let event = get(defs, "event");
    let program_item = get(get(get(event, "properties"), "program"), "items");
    let objects: Vec<(&str, Node)> = vec![
        ("top", schema.clone()),
        ("site", get(defs, "site").clone()),
        ("text", first_object(get(defs, "text"))),
        ("project", get(defs, "project").clone()),
        ("event", event.clone()),
        ("venue", get(get(event, "properties"), "venue").clone()),
        ("contact", get(defs, "contact").clone()),
        ("speaker", first_object(get(defs, "speaker"))),
        ("program", program_item.clone()),
    ];
    for (kind, node) in objects {
        let (_, fields) = FIELDS.iter().find(|(k, _)| *k == kind).unwrap();
        let mut fields: Vec<String> = fields.iter().map(|s| s.to_string()).collect();
        fields.sort();
        assert_eq!(keys(&node), fields, "{kind}");
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn shipped() -> String {
        std::fs::read_to_string("public/events.json").unwrap()
    }

    /// Every diagnostic points inside the text.
    fn well_formed(text: &str) {
        let loaded = load(text);
        let lines = text.split('\n').count();
        for d in &loaded.diagnostics {
            assert!(d.line >= 1 && d.line <= lines, "{d}");
            assert!(d.column >= 1, "{d}");
            assert!(!d.ja.is_empty() && !d.en.is_empty());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            well_formed(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn on_arbitrary_json_like_text(text in "[\\[\\]{}\":,0-9a-z\\\\ .eE+-]{0,200}") {
            well_formed(&text);
        }

        /// The shipped file with a slice cut out and random text put in.
        #[test]
        fn on_mutated_valid_files(at in 0usize..1_000_000, cut in 0usize..40, insert in ".{0,8}") {
            let text = shipped();
            let mut at = at % text.len();
            while !text.is_char_boundary(at) { at -= 1; }
            let mut end = (at + cut).min(text.len());
            while !text.is_char_boundary(end) { end -= 1; }
            let mutated = format!("{}{}{}", &text[..at], insert, &text[end..]);
            well_formed(&mutated);
        }

        /// Values of the wrong kind in every field of an event.
        #[test]
        fn on_swapped_values(field in 0usize..20, value in prop_oneof![
            Just("null".to_string()), Just("[]".to_string()), Just("{}".to_string()),
            Just("-1".to_string()), Just("1e999".to_string()), Just("true".to_string()),
            "\"[^\"\\\\]{0,12}\"",
        ]) {
            let text = shipped();
            let keys = ["\"id\": ", "\"title\": ", "\"start\": ", "\"end\": ", "\"venue\": ",
                "\"speakers\": ", "\"program\": ", "\"contact\": ", "\"email\": ", "\"url\": ",
                "\"time\": ", "\"name\": ", "\"color\": ", "\"site\": ", "\"projects\": ",
                "\"events\": ", "\"fee\": ", "\"phone\": ", "\"domain\": ", "\"updated\": "];
            let key = keys[field % keys.len()];
            if let Some(pos) = text.find(key) {
                let start = pos + key.len();
                // Replace the value's first token (up to a comma or line end).
                let end = text[start..].find([',', '\n']).map_or(text.len(), |n| start + n);
                let mutated = format!("{}{}{}", &text[..start], value, &text[end..]);
                well_formed(&mutated);
            }
        }
    }
}
