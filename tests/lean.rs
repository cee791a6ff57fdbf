//! The member page's lean decoder (`load::lean`) against the checker
//! (`load::load`): the same catalogue from the build's output, the same
//! events kept from a broken file, and a count of the entries with a
//! problem; never a panic or a stall on hostile text.

use iguren_calendar::load::{self, generate, lean};
use iguren_calendar::model::Catalog;
use iguren_calendar::site;
use iguren_calendar::sources::{normal, status::SourceStatus, Format, Source};
use std::collections::HashSet;
use std::time::Instant;

/// Both readers give `text` the same catalogue; lean counts one entry
/// for each entry (the file, its site, a project, an event) that the
/// checker finds a problem in.
fn same(name: &str, text: &str) -> Catalog {
    let loaded = load::load(text);
    let decoded = lean::decode(text);
    assert_eq!(decoded.catalog, loaded.catalog, "{name}");
    let entries: HashSet<String> = loaded
        .diagnostics
        .iter()
        .map(|d| {
            let mut steps = d.path.split('/').skip(1);
            match (steps.next(), steps.next()) {
                (Some(list @ ("events" | "projects")), Some(i)) if i.parse::<usize>().is_ok() => {
                    format!("/{list}/{i}")
                }
                (Some("site"), _) => "/site".into(),
                _ => String::new(),
            }
        })
        .collect();
    assert_eq!(decoded.unreadable, entries.len(), "{name}: {entries:?}");
    loaded.catalog
}

/// The build's files for `text`, with one other calendar merged in.
fn built(text: &str) -> Vec<(String, String)> {
    let catalog = load::load(text).catalog;
    let theirs = include_str!("fixtures/sources/good.json");
    let source = Source {
        id: "tokyo".into(),
        name: iguren_calendar::model::Text::new("東京"),
        url: "https://tokyo.example/events.json".into(),
        format: Format::EventsJson,
        color: "#00695c".into(),
        project: None,
    };
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let fetched = day.and_hms_opt(0, 0, 0).unwrap();
    // As `calendar fetch` normalises them: the source's project, ids and origins.
    let mut events = load::load(theirs).catalog.events;
    for (i, e) in events.iter_mut().enumerate() {
        e.project = "tokyo".into();
        e.origin = Some(iguren_calendar::model::Origin {
            uid: format!("{}@tokyo.example", e.id),
            recurrence_id: None,
        });
        e.id = format!("tokyo-{i:016}");
    }
    let copy = normal::to_json(&source, "tokyo.example", fetched, &events);
    let others = site::Others {
        statuses: vec![SourceStatus {
            last_success: Some(fetched),
            ok: true,
            ..SourceStatus::new(source)
        }],
        copies: vec![("tokyo".into(), Ok(copy))],
    };
    let build = site::files(&catalog, day, others, None, None).unwrap();
    assert_eq!((build.imported, build.problems.len()), (4, 0));
    build.files
}

/// Every month file the build writes for `text` reads the same both ways.
fn every_month(text: &str) -> usize {
    let files = built(text);
    let months: Vec<_> = files
        .iter()
        .filter(|(p, _)| {
            p.starts_with("months/") && p.ends_with(".json") && p != "months/index.json"
        })
        .collect();
    assert!(!months.is_empty());
    let mut events = 0;
    for (path, text) in months {
        let catalog = same(path, text);
        assert!(load::load(text).is_valid(), "{path}");
        events += catalog.events.len();
    }
    events
}

#[test]
fn the_shipped_file_and_its_month_files_read_the_same() {
    let text = include_str!("../public/events.json");
    assert!(!same("public/events.json", text).events.is_empty());
    let files = built(text);
    // The other calendar's events are in the month files.
    assert!(files
        .iter()
        .any(|(p, t)| p.starts_with("months/") && t.contains("\"origin\"")));
    assert!(every_month(text) > 0);
}

#[test]
fn generated_data_and_its_month_files_read_the_same() {
    let text = generate::events_json(1_000, 7);
    assert_eq!(same("generated", &text).events.len(), 1_000);
    assert!(every_month(&text) >= 1_000);
}

#[test]
fn broken_files_keep_the_same_events_and_count_the_faulty_entries() {
    let mut seen = 0;
    for entry in std::fs::read_dir("tests/fixtures/load").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            same(&path.display().to_string(), &text);
            seen += 1;
        }
    }
    assert!(seen > 20);
}

/// Every string value and every key of a small file replaced, one at a
/// time, by each of a few wrong values: the same events either way.
#[test]
fn each_value_spoilt_in_turn_reads_the_same() {
    let text = r##"{"site": {"name": {"ja": "例", "en": "Ex"}, "domain": "example.jp", "url": "https://example.jp/", "timeZone": "Asia/Tokyo", "updated": "2004-02-10T09:00:00+09:00"},
"projects": [{"id": "p", "name": "P", "color": "#123456", "contact": {"phone": "045-633-5192", "email": "a@example.jp"}, "url": "https://p.example/"},
  {"id": "q", "name": "Q", "color": "#abc", "description": "d"}],
"events": [{"id": "a", "project": "p", "title": "会", "titleEn": "Meeting", "start": "2004-02-25T18:00", "end": "2004-02-25T20:00",
  "venue": {"name": "場", "phone": "045-633-5192", "url": "https://v.example/"}, "speakers": ["甲", {"name": "乙", "affiliation": "丙"}],
  "program": [{"time": "18:00", "title": "開会", "speakers": ["甲"]}], "status": "tentative", "revision": 2,
  "registration": {"url": "https://r.example/", "deadline": "2004-02-20"}, "origin": {"uid": "x@y", "recurrenceId": "2004-02-25"},
  "contact": {"fax": "045-633-5193", "email": "b@example.jp"}, "updated": "2004-02-10T09:00:00Z"},
 {"id": "b", "project": "q", "title": "展", "start": "2004-02-04", "end": "2004-02-06", "fee": "無料", "capacity": "30"},
 {"id": "c", "project": "p", "title": "会2", "start": "2004-03-01"}]}"##;
    let spoilers = [
        "\"\"",
        "\" \"",
        "\"a\"",
        "\"b\"",
        "\"p\"",
        "\"2004-02-30\"",
        "\"2004-02-26\"",
        "\"2004-02-25T18:00\"",
        "\"javascript:alert(1)\"",
        "\"#12345g\"",
        "\"Bad Id\"",
        "1.5",
        "null",
        "{}",
        "[]",
        "[\"x\"]",
    ];
    let mut places = Vec::new();
    let mut in_string = None;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match (b, in_string) {
            (b'"', None) => in_string = Some(i),
            (b'"', Some(start)) => {
                places.push((start, i + 1));
                in_string = None;
            }
            (b'0'..=b'9', None) if bytes[i - 1] == b' ' => places.push((i, i + 1)),
            _ => {}
        }
    }
    assert!(places.len() > 100);
    same("unspoilt", text);
    for &(from, to) in &places {
        for spoiler in spoilers {
            let spoilt = format!("{}{spoiler}{}", &text[..from], &text[to..]);
            same(&spoilt, &spoilt);
        }
    }
}

#[test]
fn hostile_text_neither_panics_nor_stalls() {
    let started = Instant::now();
    assert_eq!(lean::decode(&"[".repeat(100_000)).unreadable, 1);
    assert_eq!(lean::decode("").unreadable, 1);
    assert_eq!(lean::decode("\u{feff}").unreadable, 1);
    let keys: String = (0..100_000).map(|i| format!(", \"k{i}\": {i}")).collect();
    let repeated = ", \"fee\": \"無料\"".repeat(100_000);
    for members in [keys, repeated] {
        let text = format!(
            r##"{{"site": {{"name": "例", "domain": "example.jp"}},
"projects": [{{"id": "p", "name": "P", "color": "#123456"}}],
"events": [{{"id": "a", "project": "p", "title": "会", "start": "2004-02-25"{members}}},
 {{"id": "b", "project": "p", "title": "会", "start": "2004-02-26"}}]}}"##
        );
        let decoded = lean::decode(&text);
        assert_eq!(decoded.unreadable, 1);
        assert_eq!(decoded.catalog.events.len(), 1);
    }
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}
