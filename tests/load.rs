//! Native tests of the loader: one fixture per kind of problem, with the
//! exact diagnostics pinned in `tests/fixtures/load/NAME.expected`, and the
//! shipped `public/events.json` checked to be valid.
//!
//! `BLESS=1 cargo test --test load` rewrites the `.expected` files; read
//! the diff before committing it.

mod common;
use common::{assert_same_fields, member};
use iguren_calendar::load::{load, FIELDS};
use iguren_calendar::model::text::Lang;
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
        "bad-registration",
    ] {
        assert_eq!(check(name), ["a"], "{name}");
    }
}

/// Text from the file never breaks a diagnostic's line: a key that holds
/// a forged `LINE:COL:` line, and terminal escapes in a value, come out
/// escaped, one problem per line.
#[test]
fn control_characters_are_shown_escaped_on_one_line() {
    assert_eq!(check("control-characters"), Vec::<String>::new());
    let text = std::fs::read_to_string("tests/fixtures/load/control-characters.expected").unwrap();
    assert_eq!(text.lines().count(), 2);
    assert!(text.lines().all(|l| !l.chars().any(char::is_control)));
    assert!(text.contains("\\n9:9: /events/0/title: forged\\u2028"));
    assert!(text.contains("\\u001b[2J\\u001b]0;pwned\\u0007"));
}

/// A timed event must end after it starts; an all-day event of one day
/// (end = start) is fine.
#[test]
fn a_timed_event_of_no_length_is_refused() {
    assert_eq!(check("end-equals-start"), ["b"]);
}

#[test]
fn offsets_are_real_ones() {
    assert_eq!(check("offset-out-of-range"), ["b"]);
}

/// One event's problem hides no other: a bad date does not hide that
/// the next event reuses its id, nor does a faulty project hide that its
/// id is taken twice.
#[test]
fn problems_of_one_kind_do_not_hide_another() {
    assert_eq!(check("hidden-problems"), ["b"]);
    let paths: Vec<String> = load(&fixture("hidden-problems"))
        .diagnostics
        .into_iter()
        .map(|d| d.path)
        .collect();
    for path in [
        "/projects/1/name",
        "/projects/1/id",
        "/events/0/start",
        "/events/1/id",
        "/events/1/project",
        "/events/1/title",
    ] {
        assert!(paths.contains(&path.to_string()), "{path} in {paths:?}");
    }
}

/// Repeated keys are found in objects too large to compare pairwise.
#[test]
fn repeated_keys_in_a_large_object() {
    assert_eq!(check("many-keys"), ["b"]);
}

/// Every problem of a minified file is on line 1, at its own column.
#[test]
fn columns_along_one_long_line() {
    assert_eq!(check("one-line"), Vec::<String>::new());
}

/// What the JSON Schema now also says: a blank title, hours past 23 and
/// minutes past 59 are refused by both.
#[test]
fn what_the_schema_also_refuses() {
    assert_eq!(check("blank-title"), ["b"]);
    assert_eq!(check("hour-24"), ["b"]);
    assert_eq!(check("minute-60"), ["b"]);
}

/// `revision: 2.0` is the whole number 2, as JSON Schema's `integer`
/// counts it; `2.5` is not a whole number.
#[test]
fn a_revision_written_as_a_decimal() {
    assert_eq!(check("revision-written-as-decimal"), ["a"]);
    let loaded = load(&fixture("revision-written-as-decimal"));
    assert_eq!(loaded.catalog.events[0].revision, 2);
}

/// What only the checker can catch, each with a fixture that passes the
/// JSON Schema (`tests/clients/schema.test.mjs` reads the same list and
/// proves that) and fails the checker.
#[test]
fn what_only_the_checker_catches() {
    let list = std::fs::read_to_string("tests/fixtures/load/checker-only.txt").unwrap();
    let names: Vec<&str> = list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert!(names.len() >= 8, "{names:?}");
    for name in names {
        assert!(
            !load(&fixture(name)).is_valid(),
            "{name} must fail the checker"
        );
        check(name);
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
        loaded.diagnostics[2].message.get(Lang::En),
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
    use iguren_calendar::load::json::{Node, Value};
    let schema = common::schema("events.schema.json");
    let defs = member(&schema, "$defs");
    fn first_object<'a>(n: &'a Node<'a>) -> &'a Node<'a> {
        match &member(n, "oneOf").value {
            Value::Array(items) => &items[1],
            _ => panic!(),
        }
    }
    let event = member(defs, "event");
    let properties = member(event, "properties");
    assert_same_fields(
        &[
            ("top", &schema),
            ("site", member(defs, "site")),
            ("text", first_object(member(defs, "text"))),
            ("project", member(defs, "project")),
            ("event", event),
            ("venue", member(properties, "venue")),
            ("contact", member(defs, "contact")),
            ("speaker", first_object(member(defs, "speaker"))),
            ("origin", member(defs, "origin")),
            ("program", member(member(properties, "program"), "items")),
            ("registration", member(properties, "registration")),
        ],
        FIELDS,
    );
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn shipped() -> String {
        std::fs::read_to_string("public/events.json").unwrap()
    }

    /// Every diagnostic points inside the text, and prints as exactly one
    /// line without control characters (nothing from the file can break
    /// it, forge another, or reach a terminal as an escape sequence).
    fn well_formed(text: &str) {
        let loaded = load(text);
        let lines = text.split('\n').count();
        for d in &loaded.diagnostics {
            assert!(d.line >= 1 && d.line <= lines, "{d}");
            assert!(d.column >= 1, "{d}");
            assert!(
                !d.message.ja.is_empty() && d.message.en.as_deref().is_some_and(|e| !e.is_empty())
            );
            let printed = d.to_string();
            assert!(
                !printed.chars().any(|c| c.is_control()
                    || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
                "{printed:?}"
            );
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

        /// Keys and string values full of control characters, escaped
        /// (`\u001b`) or raw, put into the shipped file.
        #[test]
        fn on_control_characters(at in 0usize..1_000_000, raw in "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{2028}\\u{202e}a-z:/ ]{1,12}", escaped in proptest::collection::vec(0u32..0x20, 1..6), as_key in any::<bool>()) {
            let text = shipped();
            let esc: String = escaped.iter().map(|c| format!("\\u{c:04x}")).collect();
            let item = format!("\"{esc}{raw}{esc}\"");
            // Into the first object after a random place: as a member, or
            // as the value of its first member.
            let mut at = at % text.len();
            while !text.is_char_boundary(at) { at -= 1; }
            if let Some(open) = text[at..].find('{').map(|n| at + n + 1) {
                let mutated = if as_key {
                    format!("{}{item}: 1, {}", &text[..open], &text[open..])
                } else {
                    let colon = text[open..].find(':').map_or(open, |n| open + n + 1);
                    let end = text[colon..].find([',', '}']).map_or(colon, |n| colon + n);
                    format!("{} {item}{}", &text[..colon], &text[end..])
                };
                well_formed(&mutated);
            }
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
