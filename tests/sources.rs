//! Other calendars merged into ours (issue #14): the core's normalising
//! of `events-json` and iCalendar sources, and `calendar fetch` /
//! `calendar publish` against local HTTP servers that these tests start
//! on 127.0.0.1 (no test reaches another host).

mod common;
use iguren_calendar::ics;
use iguren_calendar::model::text::Lang;
use iguren_calendar::model::{Status, When};
use iguren_calendar::sources::{self, status, Format, Source};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

const OUR_DOMAIN: &str = "kanagawa-iguren.com";
const NOW: &str = "2026-11-29T06:00:00+09:00";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new("tests/fixtures/sources").join(name)).unwrap()
}

fn source(id: &str, format: Format) -> Source {
    Source {
        id: id.into(),
        name: iguren_calendar::model::text::Text::both(
            "東京都異業種交流グループ連絡会",
            "Tokyo groups",
        ),
        url: "https://tokyo.example/cal".into(),
        format,
        color: "#00695c".into(),
        project: None,
    }
}

fn now_utc() -> chrono::NaiveDateTime {
    iguren_calendar::load::parse_instant(NOW).unwrap()
}

fn at(s: &str) -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

// ---------------------------------------------------------------- core

#[test]
fn ics_repeats_exceptions_time_zones_and_all_day_events_in_tokyo_terms() {
    let n = sources::ics::normalise(
        &source("tokyo", Format::Ics),
        &fixture("good.ics"),
        now_utc(),
        OUR_DOMAIN,
    )
    .unwrap();
    let by_title = |t: &str| -> Vec<When> {
        n.events
            .iter()
            .filter(|e| e.title.ja == t)
            .map(|e| e.when)
            .collect()
    };
    // RRULE weekly ×4, minus the EXDATE of 12-09, with 12-16 replaced by
    // its RECURRENCE-ID event.
    assert_eq!(
        by_title("東京 定例会"),
        [
            When::Timed {
                start: at("2026-12-02T18:00"),
                end: Some(at("2026-12-02T20:00"))
            },
            When::Timed {
                start: at("2026-12-23T18:00"),
                end: Some(at("2026-12-23T20:00"))
            },
        ]
    );
    assert_eq!(
        by_title("東京 定例会（時間変更）"),
        [When::Timed {
            start: at("2026-12-16T19:00"),
            end: Some(at("2026-12-16T21:00"))
        }]
    );
    // New York in winter (UTC−5) and in summer (UTC−4), UTC with a DURATION.
    assert_eq!(
        by_title("New York meetup"),
        [When::Timed {
            start: at("2026-12-04T09:00"),
            end: Some(at("2026-12-04T10:30"))
        }]
    );
    assert_eq!(
        by_title("New York summer meetup"),
        [When::Timed {
            start: at("2027-07-02T08:00"),
            end: Some(at("2027-07-02T09:00"))
        }]
    );
    assert_eq!(
        by_title("UTC seminar"),
        [When::Timed {
            start: at("2026-12-05T10:00"),
            end: Some(at("2026-12-05T11:30"))
        }]
    );
    // All day stays all day; the exclusive DTEND becomes the last day.
    assert_eq!(
        by_title("東京ビジネス展示会"),
        [When::AllDay {
            start: day("2026-12-10"),
            end: day("2026-12-12")
        }]
    );
    // An all-day monthly series with an all-day EXDATE.
    assert_eq!(
        by_title("月初の相談日"),
        [
            When::AllDay {
                start: day("2026-12-01"),
                end: day("2026-12-01")
            },
            When::AllDay {
                start: day("2027-02-01"),
                end: day("2027-02-01")
            },
        ]
    );
    // Ours coming back, and events another calendar imported: not taken.
    assert!(by_title("ours, coming back").is_empty());
    assert!(by_title("imported by a calendar like ours").is_empty());
    assert_eq!((n.ours, n.elsewhere), (1, 1));
    assert_eq!(n.events.len(), 9);
    // Untrusted text: only http(s) links, said; text kept as text.
    let ny = n
        .events
        .iter()
        .find(|e| e.title.ja == "New York meetup")
        .unwrap();
    assert_eq!(ny.url, None);
    assert!(
        n.problems
            .iter()
            .any(|p| p.what.contains("javascript:alert(1)")
                && p.what.contains("not http(s)")
                && p.at
                    .as_deref()
                    .is_some_and(|a| a.contains("New York meetup"))),
        "{:?}",
        n.problems
    );
    let utc = n
        .events
        .iter()
        .find(|e| e.title.ja == "UTC seminar")
        .unwrap();
    assert_eq!(
        utc.description.as_deref(),
        Some("line one\nline two, with a comma")
    );
    assert_eq!(utc.status, Status::Tentative);
    // Each occurrence keeps the series' UID, with its RECURRENCE-ID.
    let first = n
        .events
        .iter()
        .find(|e| e.when.first_day() == day("2026-12-23"))
        .unwrap();
    let origin = first.origin.as_ref().unwrap();
    assert_eq!(origin.uid, "weekly-1@tokyo.example");
    assert_eq!(origin.recurrence_id, Some(at("2026-12-23T18:00")));
    assert!(first.id.starts_with("tokyo-"));
}

#[test]
fn the_normalised_file_loads_and_its_ics_keeps_the_origin_uid() {
    let src = source("tokyo", Format::Ics);
    let n = sources::ics::normalise(&src, &fixture("good.ics"), now_utc(), OUR_DOMAIN).unwrap();
    let text = sources::normal::to_json(&src, "tokyo.example", now_utc(), &n.events);
    let loaded = iguren_calendar::load::load(&text);
    assert!(loaded.is_valid(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.catalog.events, n.events);
    let e = loaded
        .catalog
        .events
        .iter()
        .find(|e| e.when.first_day() == day("2026-12-23"))
        .unwrap();
    let file = ics::event_file(&loaded.catalog, e);
    assert!(
        file.contains("\r\nUID:weekly-1@tokyo.example\r\n"),
        "{file}"
    );
    assert!(
        file.contains("\r\nRECURRENCE-ID;TZID=Asia/Tokyo:20261223T180000\r\n"),
        "{file}"
    );
    assert!(file.contains("\r\nX-IGUREN-SOURCE:tokyo\r\n"), "{file}");
    let all_day = loaded
        .catalog
        .events
        .iter()
        .find(|e| e.title.ja == "月初の相談日")
        .unwrap();
    assert!(ics::event_file(&loaded.catalog, all_day)
        .contains("\r\nRECURRENCE-ID;VALUE=DATE:20261201\r\n"));
}

#[test]
fn an_events_json_source_goes_through_our_loader() {
    let src = source("tokyo", Format::EventsJson);
    let n = sources::json::normalise(&src, &fixture("good.json"), OUR_DOMAIN).unwrap();
    let titles: Vec<&str> = n.events.iter().map(|e| &*e.title.ja).collect();
    // Events it imported itself, and ours coming back, are not taken.
    assert_eq!(titles, ["東京フォーラム 12月例会", "合同見学会"]);
    assert_eq!(
        n.events[0].origin.as_ref().unwrap().uid,
        "forum-2026-12-03@tokyo-igyoshu.example"
    );
    assert_eq!(n.events[0].project, "tokyo");
    assert_eq!(
        n.events[1].description.as_deref(),
        Some("<script>alert(1)</script> は文字のまま")
    );
    assert!(n.problems.is_empty(), "{:?}", n.problems);
    assert_eq!((n.ours, n.elsewhere), (1, 1));
    // One bad event among good ones: the good ones stay, the bad one is said.
    let n = sources::json::normalise(&src, &fixture("one-bad.json"), OUR_DOMAIN).unwrap();
    assert_eq!(n.events.len(), 2);
    // … named by its id and title, and where.
    let said = n.problems[0].to_string();
    assert!(
        said.starts_with("forum-bad「日付の誤り」 (") && said.contains(": /events/2/start): "),
        "{said}"
    );
    // Broken JSON: nothing usable, a failure.
    let err = sources::json::normalise(&src, "{\"events\": [", OUR_DOMAIN).unwrap_err();
    assert!(err[0].what.contains("JSON syntax error"), "{err:?}");
}

#[test]
fn texts_are_bounded() {
    let long = "あ".repeat(10_000);
    let text = fixture("good.ics").replace("SUMMARY:UTC seminar", &format!("SUMMARY:{long}"));
    let n = sources::ics::normalise(&source("tokyo", Format::Ics), &text, now_utc(), OUR_DOMAIN)
        .unwrap();
    assert!(n
        .events
        .iter()
        .all(|e| e.title.ja.chars().count() <= sources::normal::MAX_TITLE));
    assert!(n.problems.iter().any(|p| p.what.contains("shortened")));
    let err = sources::ics::normalise(
        &source("tokyo", Format::Ics),
        "<html>not a calendar</html>",
        now_utc(),
        OUR_DOMAIN,
    )
    .unwrap_err();
    assert!(err[0].what.contains("not an iCalendar file"), "{err:?}");
}

#[test]
fn declarations_are_checked_like_the_rest() {
    let ours = iguren_calendar::load::load(&std::fs::read_to_string("public/events.json").unwrap())
        .catalog;
    let text = r##"{"sources": [
  {"id": "tokyo", "name": {"ja": "東京", "en": "Tokyo"}, "url": "https://tokyo.example/cal.ics", "format": "ics", "color": "#00695c", "project": "kawasaki-salon"},
  {"id": "plain", "name": "平文", "url": "http://plain.example/cal.ics", "format": "ics", "color": "#00695c"},
  {"id": "tokyo", "name": "重複", "url": "https://x.example/", "format": "rss", "color": "red", "project": "nowhere"}
]}"##;
    let loaded = iguren_calendar::load::load_sources(text, &ours);
    let lines: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(loaded.sources.len(), 1, "{lines:#?}");
    assert_eq!(loaded.sources[0].project.as_deref(), Some("kawasaki-salon"));
    let expect = [
        "3:40: /sources/1/url: 情報源「http://plain.example/cal.ics」は https:// で始めてください / source \"http://plain.example/cal.ics\" must start with https://",
        "4:10: /sources/2/id: id「tokyo」は /sources/0 と重複しています / duplicate id \"tokyo\", already used at /sources/0",
        "4:72: /sources/2/format: format「rss」は events-json か ics にしてください / format \"rss\" must be events-json or ics",
    ];
    for e in expect {
        assert!(lines.iter().any(|l| l == e), "missing {e}\nin {lines:#?}");
    }
    assert!(lines.iter().any(|l| l.contains("/sources/2/color")));
    assert!(lines.iter().any(|l| l.contains("/sources/2/project")));
}

#[test]
fn the_shipped_declarations_and_their_schema_agree() {
    let ours = iguren_calendar::load::load(&std::fs::read_to_string("public/events.json").unwrap())
        .catalog;
    let text = std::fs::read_to_string("public/sources.json").unwrap();
    assert!(iguren_calendar::load::load_sources(&text, &ours).is_valid());
    let root = common::schema("sources.schema.json");
    let source = common::member(common::member(&root, "$defs"), "source");
    common::assert_same_fields(
        &[("top", &root), ("source", source)],
        iguren_calendar::load::SOURCE_FIELDS,
    );
}

#[test]
fn the_status_names_the_stale_source() {
    let s = status::SourceStatus {
        last_success: Some(now_utc()),
        ..status::SourceStatus::new(source("tokyo", Format::Ics))
    };
    assert_eq!(
        s.stale_notice(Lang::Ja).unwrap(),
        "取得できませんでした（最終成功: 11月29日 6:00）"
    );
}

// ------------------------------------------------- fetch, local servers

/// What the local server answers on each path.
fn answer(path: &str, fail: bool, stream: &mut TcpStream) {
    let ok = |stream: &mut TcpStream, body: &[u8]| {
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body);
    };
    let status = |stream: &mut TcpStream, code: &str| {
        let _ = stream.write_all(
            format!("HTTP/1.1 {code}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").as_bytes(),
        );
    };
    match path {
        _ if fail => status(stream, "500 Internal Server Error"),
        "/good.json" => ok(stream, fixture("good.json").as_bytes()),
        "/good.ics" => ok(stream, fixture("good.ics").as_bytes()),
        "/one-bad.json" => ok(stream, fixture("one-bad.json").as_bytes()),
        "/broken.json" => ok(stream, b"{\"site\": {\"name\": \"x\"}, \"events\": ["),
        "/latin1.ics" => ok(
            stream,
            b"BEGIN:VCALENDAR\r\nSUMMARY:caf\xe9\r\nEND:VCALENDAR\r\n",
        ),
        // Our own events served back to us.
        "/ours.json" => ok(
            stream,
            &std::fs::read("tests/fixtures/sources/ours.json").unwrap(),
        ),
        "/no-uid.ics" => ok(stream, no_uid_ics().as_bytes()),
        "/404.ics" => status(stream, "404 Not Found"),
        "/500.ics" => status(stream, "500 Internal Server Error"),
        "/timeout.ics" => std::thread::sleep(Duration::from_secs(4)),
        "/trickle.ics" => {
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\nBEGIN:VCALENDAR\r\n");
            for _ in 0..40 {
                std::thread::sleep(Duration::from_millis(100));
                if stream.write_all(b" ").is_err() {
                    break;
                }
            }
        }
        "/huge-declared.ics" => {
            let head = "HTTP/1.1 200 OK\r\nContent-Length: 11000000\r\nConnection: close\r\n\r\n";
            let _ = stream.write_all(head.as_bytes());
        }
        "/huge.ics" => {
            // No length given: the reader's own limit must stop it.
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            let chunk = vec![b'x'; 1 << 20];
            for _ in 0..11 {
                if stream.write_all(&chunk).is_err() {
                    break;
                }
            }
        }
        "/to-http.ics" => {
            let _ = stream.write_all(b"HTTP/1.1 302 Found\r\nLocation: http://example.org/cal.ics\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
        "/moved.ics" => {
            let _ = stream.write_all(b"HTTP/1.1 301 Moved Permanently\r\nLocation: /good.ics\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
        _ => status(stream, "404 Not Found"),
    }
}

/// An iCalendar feed of twelve events without a `UID` (the same warning
/// each) and one good event.
fn no_uid_ics() -> String {
    let mut out = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
    for n in 1..=12 {
        out.push_str(&format!("BEGIN:VEVENT\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:202612{n:02}T090000Z\r\nSUMMARY:朝の勉強会 {n}\r\nEND:VEVENT\r\n"));
    }
    out.push_str("BEGIN:VEVENT\r\nUID:good@nagoya.example\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261220T090000Z\r\nSUMMARY:忘年会\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    out
}

struct Server {
    port: u16,
    /// Every answer is a 500 while set.
    fail: Arc<AtomicBool>,
}

fn server() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let fail = Arc::new(AtomicBool::new(false));
    let flag = fail.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let flag = flag.clone();
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                let mut got = Vec::new();
                while !got.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => got.extend_from_slice(&buf[..n]),
                    }
                }
                let line = String::from_utf8_lossy(&got)
                    .lines()
                    .next()
                    .unwrap_or("")
                    .to_string();
                let path = line.split(' ').nth(1).unwrap_or("/").to_string();
                answer(&path, flag.load(Ordering::SeqCst), &mut stream);
            });
        }
    });
    Server { port, fail }
}

/// A fresh folder with our events file and `sources.json` declaring
/// `(id, format, path)` on the local server.
fn site(port: u16, sources: &[(&str, &str, &str)]) -> PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "iguren-sources-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::copy("public/events.json", dir.join("data/events.json")).unwrap();
    if !sources.is_empty() {
        let items: Vec<String> = sources
            .iter()
            .map(|(id, format, path)| {
                format!("{{\"id\": \"{id}\", \"name\": {{\"ja\": \"情報源 {id}\", \"en\": \"Source {id}\"}}, \"url\": \"https://127.0.0.1:{port}{path}\", \"format\": \"{format}\", \"color\": \"#00695c\"}}")
            })
            .collect();
        std::fs::write(
            dir.join("data/sources.json"),
            format!("{{\"sources\": [\n{}\n]}}\n", items.join(",\n")),
        )
        .unwrap();
    }
    dir
}

/// Runs `calendar ARGS` at the build's "now" (the fetches say theirs with
/// `--now`): exit code, standard output then standard error.
fn calendar(args: &[&str]) -> (i32, String) {
    let (code, out, err) = common::run(args);
    (code, format!("{out}{err}"))
}

fn fetch(dir: &Path, extra: &[&str]) -> (i32, String) {
    let events = dir.join("data/events.json");
    let mut args = vec![
        "fetch",
        events.to_str().unwrap(),
        "--now",
        NOW,
        "--timeout",
        "1.5",
        "--allow-insecure-localhost",
    ];
    args.extend_from_slice(extra);
    calendar(&args)
}

/// Runs `calendar publish` of the folder's events into its `out/`.
fn publish(dir: &Path) -> (i32, String) {
    calendar(&[
        "publish",
        dir.join("data/events.json").to_str().unwrap(),
        dir.join("out").to_str().unwrap(),
    ])
}

fn statuses(dir: &Path) -> Vec<status::SourceStatus> {
    status::read(&std::fs::read_to_string(dir.join("data/sources/status.json")).unwrap())
        .unwrap()
        .0
}

/// Every file of a folder, by relative path.
fn files(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

const FAILURES: &[(&str, &str, &str, &str)] = &[
    // id, format, path, what the status must say
    ("notfound", "ics", "/404.ics", "server answered 404"),
    ("servererror", "ics", "/500.ics", "server answered 500"),
    (
        "timeout",
        "ics",
        "/timeout.ics",
        "no complete answer within 1.5 s",
    ),
    (
        "trickle",
        "ics",
        "/trickle.ics",
        "no complete answer within 1.5 s",
    ),
    ("latin1", "ics", "/latin1.ics", "not UTF-8 from byte"),
    ("broken", "events-json", "/broken.json", "JSON syntax error"),
    (
        "huge-declared",
        "ics",
        "/huge-declared.ics",
        "larger than 10 MB",
    ),
    ("huge", "ics", "/huge.ics", "larger than 10 MB"),
    (
        "to-http",
        "ics",
        "/to-http.ics",
        "refused a non-https address \"http://example.org/cal.ics\"",
    ),
];

#[test]
fn every_failure_warns_says_what_happened_and_leaves_our_files_alone() {
    let srv = server();
    let mut declared: Vec<(&str, &str, &str)> = vec![
        ("tokyo", "events-json", "/good.json"),
        ("ics-good", "ics", "/moved.ics"),
        ("one-bad", "events-json", "/one-bad.json"),
    ];
    declared.extend(FAILURES.iter().map(|(id, f, p, _)| (*id, *f, *p)));
    let dir = site(srv.port, &declared);

    // Our own outputs without any source.
    let plain = site(srv.port, &[]);
    let (code, out) = publish(&plain);
    assert_eq!(code, 0, "{out}");

    let (code, out) = fetch(&dir, &[]);
    assert_eq!(code, 0, "a failing source only warns:\n{out}");
    // One line a failing source, saying why.
    for (id, _, _, says) in FAILURES {
        let head = format!(
            "{id}: 取得できませんでした、まだ取得できた分はありません / could not be fetched, no good copy yet — "
        );
        assert!(
            out.lines()
                .any(|l| l.starts_with(&head) && l.contains(says)),
            "{id}:\n{out}"
        );
    }
    let list = statuses(&dir);
    for (id, _, _, says) in FAILURES {
        let s = list.iter().find(|s| s.source.id == *id).unwrap();
        assert!(!s.ok && s.last_success.is_none(), "{id}");
        assert!(
            s.problems.iter().any(|p| p.contains(says)),
            "{id}: {:?}",
            s.problems
        );
        assert!(
            !dir.join(format!("data/sources/{id}.json")).exists(),
            "{id}"
        );
    }
    let good = |id: &str| list.iter().find(|s| s.source.id == id).unwrap().clone();
    assert!(good("tokyo").ok && good("tokyo").events == 2 && good("tokyo").problems.is_empty());
    assert!(
        good("ics-good").ok && good("ics-good").events == 9,
        "{:?}",
        good("ics-good")
    );
    let one_bad = good("one-bad");
    assert!(one_bad.ok && one_bad.events == 2);
    assert!(
        one_bad
            .problems
            .iter()
            .any(|p| p.contains("/events/2/start")),
        "{:?}",
        one_bad.problems
    );

    // --strict: the same, exit 1.
    let (code, _) = fetch(&dir, &["--strict"]);
    assert_eq!(code, 1);

    // The build with sources: our own files byte for byte as without.
    let (code, out) = publish(&dir);
    assert_eq!(code, 0, "{out}");
    let without = files(&plain.join("out"));
    let with = files(&dir.join("out"));
    for (path, bytes) in &without {
        // The page's month files hold the sources' events merged in.
        if path == "ics/federation.ics"
            || path.starts_with("sources/")
            || path.starts_with("months/")
        {
            continue;
        }
        assert!(with.get(path) == Some(bytes), "{path} differs with sources");
    }
    // federation.ics: ours and the sources', each once.
    let federation = String::from_utf8(with["ics/federation.ics"].clone()).unwrap();
    let all = String::from_utf8(without["ics/all.ics"].clone()).unwrap();
    let count = |t: &str| t.matches("BEGIN:VEVENT").count();
    // The month files, as many events as federation.ics.
    let index = String::from_utf8(with["months/index.json"].clone()).unwrap();
    let months = iguren_calendar::views::months::MonthIndex::parse(&index).unwrap();
    assert_eq!(months.events, count(&federation));
    assert_eq!(
        count(&federation),
        count(&all) + 2 + 9 + 2 - 2,
        "tokyo and one-bad share two events"
    );
    assert!(federation.contains("\r\nUID:forum-2026-12-03@tokyo-igyoshu.example\r\n"));
    assert_eq!(
        federation
            .matches("\r\nUID:forum-2026-12-03@tokyo-igyoshu.example\r\n")
            .count(),
        1
    );
    assert!(federation.contains("\r\nUID:weekly-1@tokyo.example\r\n"));
    // The page's files: the status and each good copy, beside the site.
    assert!(with.contains_key("sources/status.json") && with.contains_key("sources/tokyo.json"));
    let imported_ics = with
        .keys()
        .filter(|k| k.starts_with("ics/event/tokyo-"))
        .count();
    assert_eq!(imported_ics, 2);
}

/// What `calendar fetch` prints, as a maintainer reads it in a workflow
/// log, pinned whole: one line a source (what happened and why), then
/// the totals; then the same sources a day later, every one failing.
#[test]
fn the_fetch_log_says_what_happened_to_each_source_in_one_line() {
    let srv = server();
    let dir = site(
        srv.port,
        &[
            ("tokyo", "events-json", "/good.json"),
            ("ics-good", "ics", "/moved.ics"),
            ("one-bad", "events-json", "/one-bad.json"),
            ("mirror", "events-json", "/ours.json"),
            ("nagoya", "ics", "/no-uid.ics"),
            ("notfound", "ics", "/404.ics"),
            ("broken", "events-json", "/broken.json"),
            ("latin1", "ics", "/latin1.ics"),
            ("to-http", "ics", "/to-http.ics"),
            ("huge-declared", "ics", "/huge-declared.ics"),
        ],
    );
    let events = dir.join("data/events.json");
    let run = |now: &str| {
        let (code, out, err) = common::run(&[
            "fetch",
            events.to_str().unwrap(),
            "--now",
            now,
            "--timeout",
            "1.5",
            "--allow-insecure-localhost",
        ]);
        assert_eq!((code, err.as_str()), (0, ""), "{out}");
        out.replace(&format!(":{}/", srv.port), ":PORT/")
            .replace(dir.to_str().unwrap(), "DIR")
    };
    common::golden("fetch.txt", &run(NOW));
    // The status file keeps the same problem once too, with its count.
    let nagoya = statuses(&dir).into_iter().find(|s| s.source.id == "nagoya");
    let problems = nagoya.unwrap().problems;
    assert!(
        problems.len() == 1
            && problems[0].contains("no UID, left out ×12: 「朝の勉強会 1」 (VEVENT 1), "),
        "{problems:?}"
    );
    srv.fail.store(true, Ordering::SeqCst);
    common::golden("fetch-failing.txt", &run("2026-11-30T06:00:00+09:00"));
}

/// The lines of the first `VEVENT` with this `UID` in an iCalendar text,
/// unfolded.
fn vevent(text: &str, uid: &str) -> Vec<String> {
    let unfolded = text.replace("\r\n ", "");
    let block = unfolded
        .split("BEGIN:VEVENT\r\n")
        .skip(1)
        .find(|b| b.lines().any(|l| l == format!("UID:{uid}")))
        .unwrap_or_else(|| panic!("no VEVENT with UID {uid}"));
    block
        .lines()
        .take_while(|l| *l != "END:VEVENT")
        .map(str::to_string)
        .collect()
}

/// Imported events carry when their origin last changed them, as the
/// origin said (LAST-MODIFIED, else DTSTAMP; an events-json source's
/// `updated`, else its file's), not when we built: a subscriber of
/// ics/federation.ics sees an event change when it really changed.
#[test]
fn imported_events_keep_the_origin_s_dtstamp_and_last_modified() {
    let srv = server();
    let dir = site(
        srv.port,
        &[
            ("tokyo", "events-json", "/good.json"),
            ("osaka", "ics", "/good.ics"),
        ],
    );
    let (code, out) = fetch(&dir, &[]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = publish(&dir);
    assert_eq!(code, 0, "{out}");
    let events = dir.join("data/events.json");
    let federation = std::fs::read_to_string(dir.join("out/ics/federation.ics")).unwrap();
    let ours = iguren_calendar::load::load(&std::fs::read_to_string(&events).unwrap()).catalog;
    let our_stamp = ours
        .site
        .updated
        .unwrap()
        .format("%Y%m%dT%H%M%SZ")
        .to_string();
    let stamps = |uid: &str| {
        let lines = vevent(&federation, uid);
        let get = |name: &str| {
            lines
                .iter()
                .find_map(|l| l.strip_prefix(&format!("{name}:")))
                .map(str::to_string)
        };
        (get("DTSTAMP"), get("LAST-MODIFIED"))
    };
    let both = |t: &str| (Some(t.to_string()), Some(t.to_string()));
    // iCalendar: LAST-MODIFIED when given, else DTSTAMP.
    assert_eq!(stamps("utc-1@tokyo.example"), both("20261115T030000Z"));
    assert_eq!(stamps("weekly-1@tokyo.example"), both("20261101T000000Z"));
    // events-json: the event's updated, else the source's site.updated.
    assert_eq!(
        stamps("forum-2026-12-12@tokyo-igyoshu.example"),
        both("20261125T003000Z")
    );
    assert_eq!(
        stamps("forum-2026-12-03@tokyo-igyoshu.example"),
        both("20261120T010000Z")
    );
    // Ours keep ours.
    let salon = format!("kawasaki-salon-2004-02-25@{OUR_DOMAIN}");
    assert_eq!(stamps(&salon), both(&our_stamp));
    // An imported event's own .ics says the same.
    let id = sources::event_id("osaka", "utc-1@tokyo.example", None);
    let own = std::fs::read_to_string(dir.join(format!("out/ics/event/{id}.ics"))).unwrap();
    assert!(own.contains("\r\nDTSTAMP:20261115T030000Z\r\n"), "{own}");
}

#[test]
fn a_failing_source_keeps_its_last_good_copy() {
    let srv = server();
    let dir = site(srv.port, &[("tokyo", "ics", "/good.ics")]);
    let (code, out) = fetch(&dir, &[]);
    assert_eq!(code, 0, "{out}");
    let copy = std::fs::read(dir.join("data/sources/tokyo.json")).unwrap();
    let first = statuses(&dir)[0].clone();
    assert!(first.ok && first.last_success.is_some());

    srv.fail.store(true, Ordering::SeqCst);
    let later = "2026-11-30T06:00:00+09:00";
    let events = dir.join("data/events.json");
    let (code, out) = calendar(&[
        "fetch",
        events.to_str().unwrap(),
        "--now",
        later,
        "--timeout",
        "1.5",
        "--allow-insecure-localhost",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("the last good copy (Nov 29, 6:00) stays in use"),
        "{out}"
    );
    assert_eq!(
        std::fs::read(dir.join("data/sources/tokyo.json")).unwrap(),
        copy
    );
    let s = statuses(&dir)[0].clone();
    assert!(!s.ok);
    assert_eq!(s.last_success, first.last_success);
    assert_ne!(s.last_attempt, first.last_attempt);
    assert_eq!(s.events, 9);
    assert_eq!(
        s.stale_notice(Lang::Ja).unwrap(),
        "取得できませんでした（最終成功: 11月29日 6:00）"
    );
    // And the build still publishes it.
    let (code, _) = calendar(&[
        "publish",
        events.to_str().unwrap(),
        dir.join("out").to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read(dir.join("out/sources/tokyo.json")).unwrap(),
        copy
    );
}

#[test]
fn plain_http_is_refused_without_the_test_flag() {
    let srv = server();
    let dir = site(srv.port, &[("tokyo", "ics", "/good.ics")]);
    let events = dir.join("data/events.json");
    let (code, out) = calendar(&["fetch", events.to_str().unwrap(), "--timeout", "1.5"]);
    // https to a server that speaks plain http: a TLS failure, a warning.
    assert_eq!(code, 0, "{out}");
    assert!(!statuses(&dir)[0].ok);
}

// ------------------------------------------------------------ template

/// A federation that forks the repository and changes only `site` and
/// its data builds a calendar of its own: checked, published, named and
/// identified after its own site.
#[test]
fn a_fork_that_changes_only_site_and_data_publishes_its_own_calendar() {
    let dir = site(0, &[]);
    let fork = r##"{
  "$schema": "./events.schema.json",
  "site": {
    "name": { "ja": "ひょうご異業種交流 イベントカレンダー", "en": "Hyogo Groups Calendar" },
    "organizer": { "ja": "兵庫県異業種交流連絡会" },
    "timeZone": "Asia/Tokyo",
    "domain": "hyogo-igyoshu.example",
    "url": "https://hyogo-igyoshu.example/calendar/",
    "updated": "2026-11-29T21:00:00+09:00"
  },
  "projects": [{ "id": "kobe", "name": "神戸サロン", "color": "#6a1b9a" }],
  "events": [{ "id": "kobe-2026-12-10", "project": "kobe", "title": "神戸サロン 12月", "start": "2026-12-10T18:00", "end": "2026-12-10T20:00" }]
}
"##;
    std::fs::write(dir.join("data/events.json"), fork).unwrap();
    std::fs::copy("public/sources.json", dir.join("data/sources.json")).unwrap();
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::copy("index.html", out.join("index.html")).unwrap();
    std::fs::copy(
        "public/manifest.webmanifest",
        out.join("manifest.webmanifest"),
    )
    .unwrap();
    let events = dir.join("data/events.json");
    let (code, text) = calendar(&["check", events.to_str().unwrap()]);
    assert_eq!(code, 0, "{text}");
    let (code, text) = calendar(&["publish", events.to_str().unwrap(), out.to_str().unwrap()]);
    assert_eq!(code, 0, "{text}");
    let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    let all = read("ics/all.ics");
    assert!(all.contains("\r\nUID:kobe-2026-12-10@hyogo-igyoshu.example\r\n"));
    assert!(all.contains("\r\nX-WR-CALNAME:ひょうご異業種交流 イベントカレンダー\r\n"));
    assert!(read("ics/project/kobe.ics").contains("神戸サロン"));
    assert!(read("e/kobe-2026-12-10.html")
        .contains("https://hyogo-igyoshu.example/calendar/e/kobe-2026-12-10.html"));
    let page = read("index.html");
    assert!(
        page.contains("<title>ひょうご異業種交流 イベントカレンダー</title>"),
        "{page}"
    );
    assert!(!page.contains("かながわ"), "{page}");
    assert!(!read("manifest.webmanifest").contains("かながわ"));
    assert_eq!(read("sources/status.json"), "{\"sources\": []}\n");
}
