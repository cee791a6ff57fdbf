//! The writer of events files (`src/save.rs`, used by the editor and
//! `calendar fmt`): a file read and written with no edit comes back byte
//! for byte, for the shipped data, every valid fixture and generated files
//! of any size; an edit changes only what it must.

use iguren_calendar::doc::write::to_text;
use iguren_calendar::doc::Doc;
use iguren_calendar::{load, load::generate};
use proptest::prelude::*;

fn same_after_round_trip(name: &str, text: &str) {
    let doc = Doc::parse(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let out = to_text(&doc);
    if out != text {
        let line = text
            .lines()
            .zip(out.lines())
            .position(|(a, b)| a != b)
            .map_or(0, |n| n + 1);
        panic!("{name}: written back differently, first at line {line}");
    }
}

#[test]
fn the_shipped_data_comes_back_byte_for_byte() {
    let text = std::fs::read_to_string("public/events.json").unwrap();
    same_after_round_trip("public/events.json", &text);
}

#[test]
fn every_valid_fixture_comes_back_byte_for_byte() {
    let mut valid = 0;
    for entry in std::fs::read_dir("tests/fixtures/load").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            if load::load(&text).is_valid() {
                same_after_round_trip(&path.display().to_string(), &text);
                valid += 1;
            }
        }
    }
    assert!(valid >= 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Generated files of any size and seed come back byte for byte.
    #[test]
    fn generated_files_come_back_byte_for_byte(count in 0usize..300, seed in 0u64..1000) {
        let text = generate::events_json(count, seed);
        same_after_round_trip("generated", &text);
    }
}

/// The edges the property test may not draw: no events, one, two.
#[test]
fn small_generated_files_come_back_byte_for_byte() {
    for count in 0..3 {
        same_after_round_trip("generated", &generate::events_json(count, 1));
    }
}

/// One field changed in the shipped file: exactly one line differs.
#[test]
fn an_edit_changes_only_its_line() {
    let text = std::fs::read_to_string("public/events.json").unwrap();
    let mut doc = Doc::parse(&text).unwrap();
    doc.set_text("/events/3/title", "新しいタイトル").unwrap();
    let out = to_text(&doc);
    let changed = text
        .lines()
        .zip(out.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(changed, 1);
    assert_eq!(text.lines().count(), out.lines().count());
}
