//! Spreadsheets in and out (`src/csv/`, `calendar import`, `calendar
//! export --csv`).
//!
//! The fixtures in `tests/fixtures/csv/` are written by this file: each
//! case below is encoded as Excel writes it (Shift_JIS bytes through
//! `encoding_rs`, or UTF-8 with a byte order mark) and compared with the
//! committed file, so they are real Shift_JIS, not UTF-8 renamed.
//! `BLESS=1 cargo test --test csv` rewrites them and the pinned outputs.

use iguren_calendar::csv::{export, import, Options};
use iguren_calendar::doc::Doc;
use iguren_calendar::{doc::write, load, load::generate};
use proptest::prelude::*;
use std::path::Path;

const HEADER: &str = "日付,開始,件名,グループ,会場\r\n";

/// (fixture name, Shift_JIS?, the rows after the header)
const CASES: &[(&str, bool, &str)] = &[
    (
        "date-slashes",
        true,
        "2004/3/24,18:00,第41回日韓ビジネス協議会,日韓ビジネス協議会,センター\r\n",
    ),
    ("date-iso", true, "2004-03-24,18:00,第41回,nikkan,\r\n"),
    (
        "date-kanji-weekday",
        true,
        "2004年3月24日(水),18:00,第41回,nikkan,\r\n",
    ),
    (
        "date-heisei",
        true,
        "平成16年3月24日,18:00,第41回,nikkan,\r\n",
    ),
    ("date-h-dots", true, "H16.3.24,18:00,第41回,nikkan,\r\n"),
    ("date-reiwa", true, "令和6年4月1日,18:00,第41回,nikkan,\r\n"),
    ("date-r-dots", true, "R6.4.1,18:00,第41回,nikkan,\r\n"),
    ("date-excel-serial", true, "38070,18:00,第41回,nikkan,\r\n"),
    (
        "date-full-width",
        true,
        "２００４年３月２４日,１８：００,第41回,nikkan,\r\n",
    ),
    ("time-ji", true, "2004/3/24,18時,第41回,nikkan,\r\n"),
    ("time-ji-fun", true, "2004/3/24,18時30分,第41回,nikkan,\r\n"),
    ("time-gogo", true, "2004/3/24,午後6時,第41回,nikkan,\r\n"),
    (
        "time-range-wave",
        true,
        "2004/3/24,18:00～20:30,第41回,nikkan,\r\n",
    ),
    (
        "time-range-hyphen",
        true,
        "2004/3/24,18:00-20:30,第41回,nikkan,\r\n",
    ),
    (
        "days-span",
        true,
        "2004年2月4日～6日,,テクニカルショウ出展,公的補助金プロジェクト,パシフィコ横浜\r\n",
    ),
    (
        "utf8-bom",
        false,
        "2004/3/24,18:00,第41回,nikkan,\"センター, 6階\"\r\n",
    ),
    (
        "problem-weekday",
        true,
        "2004年3月24日(木),18:00,第41回,nikkan,\r\n",
    ),
    (
        "problem-no-such-date",
        true,
        "2004/2/30,18:00,第41回,nikkan,\r\n",
    ),
    ("problem-time", true, "2004/3/24,夕方,第41回,nikkan,\r\n"),
    (
        "problem-project",
        true,
        "2004/3/24,18:00,第41回,日韓ビジネス協議,\r\n",
    ),
    (
        "problem-end-equals-start",
        true,
        "2004/3/24,18:00～18:00,第41回,nikkan,\r\n",
    ),
    (
        "duplicate-skipped",
        true,
        "2004/2/25,18:00,第40回日韓ビジネス協議会,nikkan,\r\n2004/3/24,18:00,第41回,nikkan,\r\n",
    ),
    ("problem-unknown-column", true, ""),
    // Read by the editor's browser test: one good row, one with a problem.
    ("problem-mixed-rows", true, "2004年3月24日(水),18:00～20:00,第41回日韓ビジネス協議会,日韓ビジネス協議会,神奈川中小企業センター\r\n2004/2/30,18:00,壊れた行,nikkan,\r\n"),
];

fn fixture_bytes(name: &str, sjis: bool, rows: &str) -> Vec<u8> {
    let header = if name == "problem-unknown-column" {
        "日付,件名,グループ,好きな色\r\n2004/3/24,第41回,nikkan,青\r\n".to_string()
    } else {
        HEADER.to_string()
    };
    let text = format!("{header}{rows}");
    if sjis {
        let (bytes, _, lossy) = encoding_rs::SHIFT_JIS.encode(&text);
        assert!(!lossy, "{name}: not all of it is Shift_JIS");
        bytes.into_owned()
    } else {
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes
    }
}

mod common;
use common::run;

/// Each fixture is what its case writes, and `calendar import --dry-run`
/// says of it what is pinned in `NAME.expected`.
#[test]
fn every_case_as_the_maintainer_tool_reads_it() {
    let dir = Path::new("tests/fixtures/csv");
    let bless = std::env::var_os("BLESS").is_some();
    for (name, sjis, rows) in CASES {
        let path = dir.join(format!("{name}.csv"));
        let bytes = fixture_bytes(name, *sjis, rows);
        if bless {
            std::fs::write(&path, &bytes).unwrap();
        }
        assert_eq!(
            std::fs::read(&path).unwrap(),
            bytes,
            "{name}.csv is not what its case writes"
        );
        if *sjis {
            assert!(
                std::str::from_utf8(&bytes).is_err() || bytes.is_ascii(),
                "{name}: real Shift_JIS"
            );
        }
        let (code, out, _) = run(&[
            "import",
            path.to_str().unwrap(),
            "--into",
            "tests/fixtures/csv/target.json",
            "--dry-run",
            "--year",
            "2004",
        ]);
        let got = format!("exit {code}\n{out}");
        let expected = dir.join(format!("{name}.expected"));
        if bless {
            std::fs::write(&expected, &got).unwrap();
        }
        assert_eq!(
            got,
            std::fs::read_to_string(&expected).unwrap_or_default(),
            "{name}"
        );
        let problem = name.starts_with("problem-");
        assert_eq!(code, i32::from(problem), "{name}: {out}");
    }
}

/// A real import writes the file, and the result passes the checker.
#[test]
fn an_import_writes_a_file_that_passes_the_check() {
    let dir = std::env::temp_dir().join(format!("csv-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let into = dir.join("events.json");
    std::fs::copy("tests/fixtures/csv/target.json", &into).unwrap();
    let (code, out, err) = run(&[
        "import",
        "tests/fixtures/csv/days-span.csv",
        "--into",
        into.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, _) = run(&["check", into.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("OK (2 projects, 2 events)"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_is_utf8_with_a_bom_for_excel() {
    let (code, out, _) = run(&["export", "--csv", "public/events.json"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("\u{feff}id,プロジェクト,タイトル,"));
    assert!(out.contains("\r\n"));
    assert_eq!(out.matches("\r\n").count(), 15, "a header and 14 events");
}

/// The shipped data through CSV and back (with --update) is byte for
/// byte the same file.
#[test]
fn the_shipped_data_round_trips_through_csv() {
    let text = std::fs::read_to_string("public/events.json").unwrap();
    let doc = Doc::parse(&text).unwrap();
    let csv = export(&doc);
    let back = import(
        &csv,
        &doc,
        &Options {
            update: true,
            ..Options::default()
        },
    );
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert!(back.updated.is_empty(), "{:?}", back.updated);
    assert_eq!(back.duplicates.len(), 0);
    assert_eq!(write::to_text(&back.doc), text);
}

/// Without its events, a file takes them all back from the CSV: the
/// events read again write the same CSV.
fn same_events_through_csv(text: &str) {
    let doc = Doc::parse(text).unwrap();
    let csv = export(&doc);
    let mut empty = doc.clone();
    empty.array_mut("/events").unwrap().clear();
    let back = import(&csv, &empty, &Options::default());
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert_eq!(export(&back.doc), csv);
    assert!(load::load(&write::to_text(&back.doc)).is_valid());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn export_then_import_gives_the_same_events(count in 0usize..120, seed in 0u64..1000) {
        same_events_through_csv(&generate::events_json(count, seed));
    }
}

#[test]
fn export_then_import_of_the_shipped_events() {
    same_events_through_csv(&std::fs::read_to_string("public/events.json").unwrap());
}
