//! The iCalendar writer, checked octet by octet: folding, escaping, CRLF,
//! dates, UIDs, status, determinism, and golden files of real events.
//!
//! A minimal unfolding parser below reads the output back, so each test
//! can ask for a property by name. Golden files are rewritten with
//! `UPDATE_GOLDEN=1 cargo test --test ics` (then read them before committing).

mod common;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use iguren_calendar::ics::{self, calendar, event_file, feed, CalendarMeta};
use iguren_calendar::model::{
    Catalog, Contact, Event, ProgramItem, Project, Site, Speaker, Status, Text, Venue, When,
};
use std::path::Path;

// ---------------------------------------------------------------- parsing

/// One unfolded content line: `NAME;PARAMS` and the raw (escaped) value.
#[derive(Debug, Clone, PartialEq)]
struct Prop {
    name: String,
    value: String,
}

/// Splits on CRLF, joins continuation lines (RFC 5545 §3.1), splits each
/// logical line at its first `:` (our parameter values never hold one).
fn parse(ics: &str) -> Vec<Prop> {
    let body = ics.strip_suffix("\r\n").expect("ends with CRLF");
    let mut logical: Vec<String> = Vec::new();
    for physical in body.split("\r\n") {
        if let Some(rest) = physical.strip_prefix([' ', '\t']) {
            logical
                .last_mut()
                .expect("no continuation first")
                .push_str(rest);
        } else {
            logical.push(physical.to_string());
        }
    }
    logical
        .into_iter()
        .map(|l| {
            let (name, value) = l.split_once(':').expect("NAME:VALUE");
            Prop {
                name: name.to_string(),
                value: value.to_string(),
            }
        })
        .collect()
}

fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("dangling backslash in {value:?}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The properties of each VEVENT.
fn vevents(ics: &str) -> Vec<Vec<Prop>> {
    let mut events = Vec::new();
    let mut current: Option<Vec<Prop>> = None;
    for p in parse(ics) {
        match (p.name.as_str(), p.value.as_str()) {
            ("BEGIN", "VEVENT") => current = Some(Vec::new()),
            ("END", "VEVENT") => events.push(current.take().expect("BEGIN before END")),
            _ => {
                if let Some(c) = current.as_mut() {
                    c.push(p);
                }
            }
        }
    }
    events
}

/// The raw value of the one property named so (name with parameters).
fn get<'a>(props: &'a [Prop], name: &str) -> Option<&'a str> {
    let mut found = props.iter().filter(|p| p.name == name);
    let first = found.next().map(|p| p.value.as_str());
    assert!(found.next().is_none(), "{name} appears twice");
    first
}

fn only_event(ics: &str) -> Vec<Prop> {
    let mut events = vevents(ics);
    assert_eq!(events.len(), 1);
    events.remove(0)
}

// ------------------------------------------------------------- fixtures

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    date(y, m, d).and_time(NaiveTime::from_hms_opt(h, min, 0).unwrap())
}

fn event(id: &str, when: When) -> Event {
    Event::new(id, "p", "例会", when)
}

fn catalog(events: Vec<Event>) -> Catalog {
    Catalog {
        site: Site {
            name: Text {
                ja: "テストカレンダー".into(),
                en: None,
            },
            organizer: Text::default(),
            time_zone: "Asia/Tokyo".into(),
            url: None,
            repository: None,
            domain: "example.jp".into(),
            updated: Some(at(2004, 1, 31, 15, 0)),
        },
        projects: vec![Project {
            id: "p".into(),
            name: Text {
                ja: "研究会; A,B".into(),
                en: None,
            },
            color: "#123456".into(),
            description: None,
            contact: None,
            url: None,
        }],
        events,
    }
}

fn one(e: Event) -> String {
    let c = catalog(vec![e]);
    event_file(&c, &c.events[0])
}

fn real_catalog() -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/events.json");
    let loaded = iguren_calendar::load::load(&std::fs::read_to_string(path).unwrap());
    assert!(loaded.is_valid(), "{:?}", loaded.diagnostics);
    loaded.catalog
}

/// Physical lines: at most 75 octets, valid UTF-8 each, CRLF only.
fn assert_well_formed(ics: &str) {
    let bytes = ics.as_bytes();
    assert!(ics.ends_with("\r\n"));
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at octet {i}");
        }
        if b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at octet {i}");
        }
    }
    for line in bytes[..bytes.len() - 2].split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        assert!(
            line.len() <= 75,
            "{} octets: {:?}",
            line.len(),
            String::from_utf8_lossy(line)
        );
        assert!(
            std::str::from_utf8(line).is_ok(),
            "line is not UTF-8 by itself"
        );
        assert!(!line.is_empty(), "empty content line");
    }
}

// ----------------------------------------------------------------- tests

#[test]
fn long_japanese_text_folds_into_valid_lines_and_unfolds_back() {
    let long = "腐食、防食対策は中小企業にとって重要な技術なのですが、的確な処理ができず、\
                思わぬトラブルに遭遇して大きな損失を出している例が多く見られます。"
        .repeat(5);
    let mut e = event(
        "long",
        When::AllDay {
            start: date(2004, 3, 3),
            end: date(2004, 3, 3),
        },
    );
    e.title = format!("防食技術活用セミナー{}", "・技術相談会".repeat(10)).into();
    e.description = Some(long.clone());
    let ics = one(e.clone());
    assert_well_formed(&ics);

    // Folding happened, inside the Japanese text, and unfolding restores it.
    assert!(ics.lines().filter(|l| l.starts_with(' ')).count() > 10);
    let props = only_event(&ics);
    assert_eq!(unescape(get(&props, "SUMMARY").unwrap()), e.title.ja);
    let description = unescape(get(&props, "DESCRIPTION").unwrap());
    assert!(
        description.ends_with(&format!("\n\n{long}")),
        "{description}"
    );
}

#[test]
fn folding_every_offset_of_a_multibyte_character() {
    // Shift the text by 0..=3 ASCII octets so that every possible position of
    // the 75-octet limit inside a 3- and 4-octet character is met.
    for shift in 0..4 {
        let mut e = event(
            "shift",
            When::AllDay {
                start: date(2004, 2, 1),
                end: date(2004, 2, 1),
            },
        );
        e.title = format!("{}{}", "x".repeat(shift), "会議室😀".repeat(40)).into();
        let ics = one(e.clone());
        assert_well_formed(&ics);
        assert_eq!(
            unescape(get(&only_event(&ics), "SUMMARY").unwrap()),
            e.title.ja
        );
    }
}

#[test]
fn text_escaping_of_backslash_semicolon_comma_newline() {
    let mut e = event(
        "esc",
        When::AllDay {
            start: date(2004, 2, 1),
            end: date(2004, 2, 1),
        },
    );
    e.title = (r"C:\dir; a, b".to_string() + "\n次の行").into();
    e.venue = Some(Venue {
        name: Some("会場;1".into()),
        address: Some("横浜市, 中区".into()),
        ..Venue::default()
    });
    let ics = one(e);
    assert!(
        ics.contains("\r\nSUMMARY:C:\\\\dir\\; a\\, b\\n次の行\r\n"),
        "{ics}"
    );
    assert!(
        ics.contains("\r\nLOCATION:会場\\;1\\, 横浜市\\, 中区\r\n"),
        "{ics}"
    );
    assert!(ics.contains("\r\nCATEGORIES:研究会\\; A\\,B\r\n"), "{ics}");
    let props = only_event(&ics);
    assert_eq!(
        unescape(get(&props, "SUMMARY").unwrap()),
        "C:\\dir; a, b\n次の行"
    );
}

#[test]
fn all_day_events_have_an_exclusive_date_end() {
    let single = only_event(&one(event(
        "d1",
        When::AllDay {
            start: date(2004, 2, 12),
            end: date(2004, 2, 12),
        },
    )));
    assert_eq!(get(&single, "DTSTART;VALUE=DATE"), Some("20040212"));
    assert_eq!(get(&single, "DTEND;VALUE=DATE"), Some("20040213"));

    let multi = only_event(&one(event(
        "d3",
        When::AllDay {
            start: date(2004, 2, 4),
            end: date(2004, 2, 6),
        },
    )));
    assert_eq!(get(&multi, "DTSTART;VALUE=DATE"), Some("20040204"));
    assert_eq!(get(&multi, "DTEND;VALUE=DATE"), Some("20040207"));

    // 2004 is a leap year; and the end may cross into the next year.
    let leap = only_event(&one(event(
        "leap",
        When::AllDay {
            start: date(2004, 2, 28),
            end: date(2004, 2, 29),
        },
    )));
    assert_eq!(get(&leap, "DTEND;VALUE=DATE"), Some("20040301"));
    let year = only_event(&one(event(
        "year",
        When::AllDay {
            start: date(2004, 12, 31),
            end: date(2004, 12, 31),
        },
    )));
    assert_eq!(get(&year, "DTEND;VALUE=DATE"), Some("20050101"));
    assert!(!year.iter().any(|p| p.name.starts_with("DTSTART;TZID")));
}

/// A file of all-day events refers to no `TZID`, so it carries no
/// `VTIMEZONE`; one timed event among them brings it back.
#[test]
fn vtimezone_only_where_a_tzid_refers_to_it() {
    let day = event(
        "day",
        When::AllDay {
            start: date(2004, 2, 4),
            end: date(2004, 2, 6),
        },
    );
    let all_day = one(day.clone());
    assert!(!all_day.contains("VTIMEZONE") && !all_day.contains(";TZID="));
    let timed = event(
        "timed",
        When::Timed {
            start: at(2004, 2, 25, 18, 0),
            end: None,
        },
    );
    let mixed = feed(&catalog(vec![day, timed]), None);
    assert_eq!(mixed.matches("BEGIN:VTIMEZONE\r\n").count(), 1);
    assert!(mixed.find("END:VTIMEZONE").unwrap() < mixed.find("BEGIN:VEVENT").unwrap());
}

#[test]
fn timed_events_use_tokyo_time_with_a_vtimezone() {
    let ics = one(event(
        "t",
        When::Timed {
            start: at(2004, 2, 25, 18, 0),
            end: Some(at(2004, 2, 25, 20, 30)),
        },
    ));
    let props = only_event(&ics);
    assert_eq!(
        get(&props, "DTSTART;TZID=Asia/Tokyo"),
        Some("20040225T180000")
    );
    assert_eq!(
        get(&props, "DTEND;TZID=Asia/Tokyo"),
        Some("20040225T203000")
    );
    assert!(ics.contains(
        "BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n\
         TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nTZNAME:JST\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    ));
}

#[test]
fn timed_event_without_end_lasts_two_hours_at_most_until_midnight() {
    let props = only_event(&one(event(
        "open",
        When::Timed {
            start: at(2004, 2, 23, 10, 0),
            end: None,
        },
    )));
    assert_eq!(
        get(&props, "DTSTART;TZID=Asia/Tokyo"),
        Some("20040223T100000")
    );
    assert_eq!(
        get(&props, "DTEND;TZID=Asia/Tokyo"),
        Some("20040223T120000")
    );
    assert!(unescape(get(&props, "DESCRIPTION").unwrap()).contains("終了時刻: 未定"));

    let late = only_event(&one(event(
        "late",
        When::Timed {
            start: at(2004, 2, 29, 23, 0),
            end: None,
        },
    )));
    assert_eq!(get(&late, "DTEND;TZID=Asia/Tokyo"), Some("20040301T000000"));
}

#[test]
fn uids_are_stable_and_independent_of_other_events() {
    let a = event(
        "kasseika-2004-02-23",
        When::AllDay {
            start: date(2004, 2, 23),
            end: date(2004, 2, 23),
        },
    );
    let mut b = event(
        "other",
        When::AllDay {
            start: date(2004, 1, 1),
            end: date(2004, 1, 1),
        },
    );
    let first = feed(&catalog(vec![a.clone(), b.clone()]), None);
    b.title = "変更".into();
    b.revision = 3;
    let second = feed(&catalog(vec![b, a.clone()]), None);
    let uid = |ics: &str| -> Vec<String> {
        vevents(ics)
            .iter()
            .map(|e| get(e, "UID").unwrap().to_string())
            .collect()
    };
    assert_eq!(
        uid(&first),
        ["other@example.jp", "kasseika-2004-02-23@example.jp"]
    );
    assert_eq!(uid(&first), uid(&second));
    let c = catalog(vec![a]);
    assert_eq!(ics::uid(&c, &c.events[0]), "kasseika-2004-02-23@example.jp");
}

#[test]
fn cancelled_event_stays_in_the_feed_as_cancelled() {
    let mut e = event(
        "gone",
        When::Timed {
            start: at(2004, 2, 17, 14, 0),
            end: Some(at(2004, 2, 17, 17, 0)),
        },
    );
    e.status = Status::Cancelled;
    e.revision = 2;
    let mut t = event(
        "maybe",
        When::AllDay {
            start: date(2004, 2, 18),
            end: date(2004, 2, 18),
        },
    );
    t.status = Status::Tentative;
    let ics = feed(&catalog(vec![e, t]), Some("p"));
    let events = vevents(&ics);
    assert_eq!(events.len(), 2);
    assert_eq!(get(&events[0], "STATUS"), Some("CANCELLED"));
    assert_eq!(get(&events[0], "SEQUENCE"), Some("2"));
    assert_eq!(
        unescape(get(&events[0], "SUMMARY").unwrap()),
        "【中止】例会"
    );
    assert_eq!(get(&events[1], "STATUS"), Some("TENTATIVE"));
    assert_eq!(get(&events[1], "SUMMARY"), Some("例会"));
}

#[test]
fn crlf_everywhere_in_real_feeds() {
    let c = real_catalog();
    let mut outputs = vec![feed(&c, None)];
    outputs.extend(c.projects.iter().map(|p| feed(&c, Some(&p.id))));
    outputs.extend(c.events.iter().map(|e| event_file(&c, e)));
    for ics in &outputs {
        assert_well_formed(ics);
        assert!(!ics.replace("\r\n", "").contains(['\r', '\n']));
    }
    assert_eq!(vevents(&outputs[0]).len(), c.events.len());
}

#[test]
fn same_data_gives_the_same_bytes() {
    let c = real_catalog();
    assert_eq!(feed(&c, None), feed(&real_catalog(), None));
    let forward: Vec<&Event> = c.events.iter().collect();
    let backward: Vec<&Event> = c.events.iter().rev().collect();
    let meta = CalendarMeta::feed(&c, None);
    assert_eq!(
        calendar(&c, &forward, &meta),
        calendar(&c, &backward, &meta)
    );
    assert_eq!(calendar(&c, &forward, &meta), feed(&c, None));
}

#[test]
fn feeds_are_in_order_of_start_then_id() {
    let c = real_catalog();
    let starts: Vec<String> = vevents(&feed(&c, None))
        .iter()
        .map(|e| {
            let start = get(e, "DTSTART;VALUE=DATE")
                .map(|d| format!("{d}T000000"))
                .or_else(|| get(e, "DTSTART;TZID=Asia/Tokyo").map(str::to_string))
                .unwrap();
            format!("{start} {}", get(e, "UID").unwrap())
        })
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
}

#[test]
fn calendar_header_names_the_feed_in_japanese() {
    let c = real_catalog();
    let ics = feed(&c, Some("hojokin"));
    let head: Vec<Prop> = parse(&ics).into_iter().take(12).collect();
    let expect = [
        ("BEGIN", "VCALENDAR"),
        ("VERSION", "2.0"),
        ("PRODID", "-//kanagawa-iguren//calendar//JA"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        (
            "NAME",
            "かながわ異グ連 イベントカレンダー — 公的補助金プロジェクト",
        ),
        (
            "X-WR-CALNAME",
            "かながわ異グ連 イベントカレンダー — 公的補助金プロジェクト",
        ),
    ];
    for (p, (name, value)) in head.iter().zip(expect) {
        assert_eq!((p.name.as_str(), p.value.as_str()), (name, value));
    }
    for line in [
        "\r\nX-WR-TIMEZONE:Asia/Tokyo\r\n",
        "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n",
        "\r\nX-PUBLISHED-TTL:PT12H\r\n",
    ] {
        assert!(ics.contains(line), "{line:?}");
    }
    let desc = parse(&ics)
        .into_iter()
        .find(|p| p.name == "X-WR-CALDESC")
        .unwrap();
    assert!(unescape(&desc.value).starts_with("「公的補助金活用・普及セミナー」"));
    // Only that project's events.
    assert_eq!(vevents(&ics).len(), 3);
}

#[test]
fn absent_data_leaves_properties_out() {
    let mut c = catalog(vec![event(
        "bare",
        When::AllDay {
            start: date(2004, 2, 1),
            end: date(2004, 2, 1),
        },
    )]);
    c.site.updated = None;
    let ics = event_file(&c, &c.events[0]);
    let props = only_event(&ics);
    for absent in ["LOCATION", "URL", "LAST-MODIFIED"] {
        assert!(props.iter().all(|p| p.name != absent), "{absent} in {ics}");
    }
    assert!(props.iter().all(|p| !p.value.is_empty()));
    // No clock: the fixed instant, or the caller's fallback.
    assert_eq!(get(&props, "DTSTAMP"), Some("19700101T000000Z"));
    let meta = CalendarMeta {
        name: "x".into(),
        description: None,
        stamp: Some(at(2004, 2, 1, 0, 0)),
    };
    let with_stamp = calendar(&c, &[&c.events[0]], &meta);
    assert_eq!(
        get(&only_event(&with_stamp), "DTSTAMP"),
        Some("20040201T000000Z")
    );
    assert!(parse(&with_stamp).iter().all(|p| !p.value.is_empty()));
    assert!(!with_stamp.contains("X-WR-CALDESC"));
}

#[test]
fn stamps_and_links_prefer_the_event() {
    let mut e = event(
        "linked",
        When::AllDay {
            start: date(2004, 2, 1),
            end: date(2004, 2, 1),
        },
    );
    e.updated = Some(at(2004, 1, 20, 1, 2));
    let mut c = catalog(vec![e.clone()]);
    c.site.url = Some("https://example.jp/calendar/".into());
    let props = only_event(&event_file(&c, &c.events[0]));
    assert_eq!(get(&props, "DTSTAMP"), Some("20040120T010200Z"));
    assert_eq!(get(&props, "LAST-MODIFIED"), Some("20040120T010200Z"));
    assert_eq!(
        get(&props, "URL"),
        Some("https://example.jp/calendar/?e=linked")
    );

    e.url = Some("http://www.kanagawa-iguren.com/yotei/;x,y".into());
    e.updated = None;
    c.events = vec![e];
    let props = only_event(&event_file(&c, &c.events[0]));
    assert_eq!(get(&props, "DTSTAMP"), Some("20040131T150000Z"));
    // A URI is not TEXT: not escaped.
    assert_eq!(
        get(&props, "URL"),
        Some("http://www.kanagawa-iguren.com/yotei/;x,y")
    );
}

#[test]
fn description_carries_the_newsletter_details() {
    let mut e = event(
        "full",
        When::Timed {
            start: at(2004, 2, 25, 18, 0),
            end: Some(at(2004, 2, 25, 20, 30)),
        },
    );
    e.speakers = vec![Speaker {
        name: "南出健一氏".into(),
        affiliation: Some("神奈川県異グ連議長".into()),
    }];
    e.fee = Some("1,000円".into());
    e.capacity = Some("40名".into());
    e.program = vec![
        ProgramItem {
            time: Some(NaiveTime::from_hms_opt(18, 0, 0).unwrap()),
            title: "開会".into(),
            speakers: vec![],
        },
        ProgramItem {
            time: None,
            title: "懇親会".into(),
            speakers: vec![Speaker {
                name: "高橋".into(),
                affiliation: None,
            }],
        },
    ];
    e.contact = Some(Contact {
        name: Some("事務局".into()),
        phone: Some("045-633-5192".into()),
        fax: Some("045-633-5194".into()),
        email: Some("info@example.jp".into()),
        note: Some("FAXで申し込み".into()),
        ..Contact::default()
    });
    e.description = Some("本文".into());
    e.url = Some("https://example.jp/e".into());
    let text = unescape(get(&only_event(&one(e)), "DESCRIPTION").unwrap());
    assert_eq!(
        text,
        "主催: 研究会; A,B\n講師: 南出健一氏（神奈川県異グ連議長）\n会費: 1,000円\n定員: 40名\n\n\
         プログラム:\n18:00 開会\n・懇親会 / 高橋\n\n\
         問い合わせ: 事務局\nTEL: 045-633-5192\nFAX: 045-633-5194\nE-mail: info@example.jp\nFAXで申し込み\n\n\
         本文\n\n詳細: https://example.jp/e"
    );
}

// ------------------------------------------------------------ properties

proptest::proptest! {
    /// Any text, Japanese or not: short lines, UTF-8 each, and the exact
    /// text back after unfolding and unescaping.
    #[test]
    fn any_summary_folds_and_round_trips(title in "[ -~あ-んア-ン一-龥😀\\\\;,\n]{1,200}") {
        let day = date(2004, 2, 1);
        let mut e = event("prop", When::AllDay { start: day, end: day });
        e.title = title.clone().into();
        let ics = one(e);
        assert_well_formed(&ics);
        let summary = get(&only_event(&ics), "SUMMARY").map(unescape);
        if title.trim().is_empty() {
            proptest::prop_assert_eq!(summary, None);
        } else {
            proptest::prop_assert_eq!(summary, Some(title));
        }
    }

    #[test]
    fn fold_line_never_exceeds_75_octets(line in "\\PC{0,300}") {
        let folded = ics::fold_line(&line);
        for physical in folded.split_terminator("\r\n") {
            proptest::prop_assert!(physical.len() <= 75);
        }
        proptest::prop_assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }
}

// ----------------------------------------------------------- golden files

/// Real events, written once by this code, read by eye against
/// `public/events.json`, and pinned to the octet.
#[test]
fn golden_files_of_real_events() {
    let c = real_catalog();
    let mut cases: Vec<(String, String)> = [
        "kawasaki-salon-2004-02-25",
        "hosou-technical-show-2004",
        "nikkan-2004-02-25",
        "kasseika-2004-02-23",
    ]
    .iter()
    .map(|id| {
        let e = c
            .event(id)
            .unwrap_or_else(|| panic!("{id} not in events.json"));
        (format!("{id}.ics"), event_file(&c, e))
    })
    .collect();
    cases.push(("feed-hojokin.ics".into(), feed(&c, Some("hojokin"))));
    for (name, actual) in cases {
        common::golden(&name, &actual);
    }
}
