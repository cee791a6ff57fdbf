//! Proposals without an account and a year of meetings written once
//! (issue 22), on the shipped data: `doc::proposal` (the link and file
//! encodings, round trip and hostile input as properties; the size limit
//! at its edge; review and apply against public/events.json, whose result
//! the checker passes and which holds exactly the proposal) and
//! `doc::recur` (rhythms of the newsletter's groups, a group that changed
//! its weekday, holidays left out and said, the meetings made as events
//! of their own with no recurrence rule).

use chrono::{Datelike, NaiveDate, Weekday};
use iguren_calendar::doc::changes::{changes, Kind};
use iguren_calendar::doc::draft::{self, Rule};
use iguren_calendar::doc::proposal::{
    self, decode, delivery, from_file, link, review, DecodeError, Delivery, Item, Proposal, Sender,
    LINK_LIMIT, MAX_JSON_BYTES, MAX_LINK_CHARS,
};
use iguren_calendar::doc::recur::{self, infer, plan, Until};
use iguren_calendar::doc::write::to_text;
use iguren_calendar::doc::{Doc, Layout, Value};
use iguren_calendar::model::text::Lang;
use proptest::prelude::*;

const BASE: &str = "https://kanagawa-iguren.com/edit/";

fn shipped() -> Doc {
    Doc::parse(&std::fs::read_to_string("public/events.json").unwrap()).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A value from JSON text, laid out when saved (as a decoded proposal's).
fn json(text: &str) -> Value {
    fn fresh(v: Value) -> Value {
        match v {
            Value::Array { items, .. } => Value::Array {
                items: items.into_iter().map(fresh).collect(),
                layout: Layout::Auto,
            },
            Value::Object { members, .. } => {
                object(members.into_iter().map(|(k, v)| (k, fresh(v))).collect())
            }
            other => other,
        }
    }
    fresh(Doc::parse(text).unwrap().root)
}

/// `members` as a new object.
fn object(members: Vec<(String, Value)>) -> Value {
    Value::Object {
        members,
        layout: Layout::Auto,
    }
}

fn en(e: &DecodeError) -> String {
    e.message().get(Lang::En).to_string()
}

/// The zlib payload of `bytes` as a version 1 link's fragment.
fn packed(bytes: &[u8]) -> String {
    use base64::Engine;
    let z = miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6);
    format!(
        "{BASE}#proposal=1.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(z)
    )
}

/// The next meeting of the 日韓ビジネス協議会, proposed by its leader.
fn nikkan_meeting() -> Value {
    json(
        r#"{"project": "nikkan", "title": "第41回日韓ビジネス協議会",
            "start": "2004-03-24T18:00", "end": "2004-03-24T20:00",
            "venue": {"name": "神奈川中小企業センター", "room": "5階会議室"},
            "fee": "1,000円", "url": "https://example.jp/nikkan"}"#,
    )
}

fn sample() -> Proposal {
    Proposal {
        from: Sender {
            name: "高橋".into(),
            contact: "045-311-0094".into(),
        },
        message: "次回の案内です。\nよろしくお願いします。".into(),
        items: vec![
            Item::New(nikkan_meeting()),
            Item::Change {
                id: "nikkan-2004-02-25".into(),
                patch: json(r#"{"venue": {"room": "6階会議室"}, "fee": null}"#),
            },
            Item::Cancel {
                id: "kannai-reikai-2004-02-12".into(),
            },
        ],
    }
}

// ---- The encoding ----

#[test]
fn a_proposal_goes_by_link_and_comes_back() {
    let p = sample();
    let url = link(BASE, &p);
    assert!(url.starts_with("https://kanagawa-iguren.com/edit/#proposal=1."));
    assert!(url.len() < LINK_LIMIT, "three events fit: {}", url.len());
    assert_eq!(decode(&url), Ok(p.clone()));
    // The fragment alone, or the payload alone.
    let fragment = &url[url.find('#').unwrap()..];
    assert_eq!(decode(fragment), Ok(p.clone()));
    assert_eq!(decode(&fragment["#proposal=".len()..]), Ok(p.clone()));
    // Pasted into a mail body that wraps lines at 76 characters.
    let wrapped: String = url
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join("\r\n ");
    assert_eq!(decode(&wrapped), Ok(p.clone()));
    // And as a file.
    let file = proposal::to_file(&p);
    assert!(file.contains("\"proposal\": 1"), "{file}");
    assert_eq!(from_file(&file), Ok(p.clone()));
    assert_eq!(proposal::file_name(&p), "proposal-nikkan-2004-03-24.json");
}

/// A proposal whose link to the editor at `base` is `chars` characters:
/// a message of characters deflate cannot shorten, of a length chosen so.
fn proposal_of_link_length(chars: usize) -> (String, Proposal) {
    let mut seed = 7u32;
    let noise: String = (0..3000)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            char::from_u32(0x4e00 + (seed >> 16) % 2000).unwrap()
        })
        .collect();
    let with = |n: usize| Proposal {
        message: noise.chars().take(n).collect(),
        items: vec![Item::Cancel {
            id: "nikkan-2004-02-25".into(),
        }],
        ..Proposal::default()
    };
    let length = |p: &Proposal| link(BASE, p).chars().count();
    // The longest message whose link is within `chars`, then the editor's
    // address lengthened to land exactly.
    let n = (0..3000)
        .take_while(|&n| length(&with(n)) <= chars)
        .last()
        .unwrap();
    let p = with(n);
    let base = format!("{BASE}{}", "x".repeat(chars - length(&p)));
    (base, p)
}

#[test]
fn a_link_at_the_limit_is_sent_as_a_link_and_one_longer_as_a_file() {
    let (base, p) = proposal_of_link_length(LINK_LIMIT);
    let Delivery::Link(url) = delivery(&base, &p) else {
        panic!("a link of exactly {LINK_LIMIT} characters is a link");
    };
    assert_eq!(url.chars().count(), LINK_LIMIT);
    assert_eq!(decode(&url), Ok(p.clone()));
    assert!(delivery(&base, &p).note().ja.contains("リンクで送れます"));

    let longer = format!("{base}y");
    let Delivery::File { name, text, chars } = delivery(&longer, &p) else {
        panic!("one character more goes as a file");
    };
    assert_eq!(chars, LINK_LIMIT + 1);
    assert_eq!(name, "proposal-nikkan-2004-02-25.json");
    assert_eq!(from_file(&text), Ok(p.clone()));
    let note = delivery(&longer, &p).note();
    assert!(note
        .ja
        .contains("ファイル「proposal-nikkan-2004-02-25.json」として保存し"));
    assert!(note.get(Lang::En).contains("(at most 2000)"));
}

#[test]
fn bad_links_say_what_happened() {
    let url = link(BASE, &sample());
    let cases: Vec<(String, DecodeError)> = vec![
        ("".into(), DecodeError::Empty),
        (format!("{BASE}#proposal="), DecodeError::Empty),
        (format!("{BASE}#view=list"), DecodeError::NotAProposal),
        ("こんにちは".into(), DecodeError::NotAProposal),
        (
            format!("{BASE}#proposal=2.AAAA"),
            DecodeError::Version("2".into()),
        ),
        (format!("{BASE}#proposal=x.AAAA"), DecodeError::NotAProposal),
        (format!("{url}%"), DecodeError::BadCharacter('%')),
        (url[..url.len() - 5].to_string(), DecodeError::Truncated),
        (
            "1.".to_string() + &"A".repeat(MAX_LINK_CHARS),
            DecodeError::TooLong,
        ),
        (packed(&[0xff, 0xfe, 0x00]), DecodeError::NotText),
        (packed(br#"{"events": []}"#), DecodeError::NotAProposal),
        (
            packed(br#"{"proposal": 2, "items": []}"#),
            DecodeError::Version("2".into()),
        ),
    ];
    for (input, want) in cases {
        assert_eq!(decode(&input), Err(want), "{input:.80}");
    }
    // A character changed in the middle: the checksum tells.
    let mid = url.len() - 10;
    let flipped = if &url[mid..=mid] == "A" { "B" } else { "A" };
    let changed = format!("{}{flipped}{}", &url[..mid], &url[mid + 1..]);
    assert!(matches!(
        decode(&changed),
        Err(DecodeError::Damaged | DecodeError::Truncated)
    ));
    // A decompression bomb: 10 MB of spaces in a link of a few thousand characters.
    let bomb = packed(&vec![b' '; 10 << 20]);
    assert!(bomb.len() < MAX_LINK_CHARS, "{}", bomb.len());
    assert_eq!(decode(&bomb), Err(DecodeError::TooLarge));
    assert_eq!(
        from_file(&" ".repeat(MAX_JSON_BYTES + 1)),
        Err(DecodeError::TooLarge)
    );
    // The words, pinned.
    assert_eq!(
        en(&DecodeError::Version("2".into())),
        "This proposal is in a newer format (version 2): reload the editor page and open it again"
    );
    assert!(DecodeError::Truncated
        .message()
        .ja
        .starts_with("リンクが途中で切れています"));
    assert_eq!(
        DecodeError::Damaged.to_string(),
        "リンクが途中で書き換えられていて読めません（検査値が合いません）。もう一度送ってもらってください / The link was changed on the way and cannot be read (its checksum does not match): ask for it to be sent again"
    );
}

#[test]
fn contents_that_are_not_a_proposal_are_refused_with_their_place() {
    let malformed = |text: &str| match from_file(text) {
        Err(DecodeError::Malformed { path, problem }) => (path, problem.get(Lang::En).to_string()),
        other => panic!("{text}: {other:?}"),
    };
    let long = "あ".repeat(proposal::MAX_MESSAGE + 1);
    for (text, path, en) in [
        (
            r#"{"proposal": 1, "items": []}"#.to_string(),
            "/items",
            "from 1 to 100 items",
        ),
        (r#"{"proposal": 1}"#.into(), "/items", "no list of items"),
        (
            r#"{"proposal": 1, "items": [{"new": {}, "cancel": "a"}]}"#.into(),
            "/items/0/cancel",
            "unexpected member",
        ),
        (
            r#"{"proposal": 1, "items": [{"change": "a", "patch": 3}]}"#.into(),
            "/items/0/patch",
            "not an object",
        ),
        (
            r#"{"proposal": 1, "items": [{"cancel": 7}]}"#.into(),
            "/items/0/cancel",
            "not an id string",
        ),
        (
            r#"{"proposal": 1, "items": [{"delete": "a"}]}"#.into(),
            "/items/0",
            "neither new, change nor cancel",
        ),
        (
            r#"{"proposal": 1, "x": 1, "items": []}"#.into(),
            "/x",
            "unexpected member",
        ),
        (
            "{\"proposal\": 1, \"from\": {\"name\": \"田中\u{202e}\"}, \"items\": []}".into(),
            "/from/name",
            "contains control characters",
        ),
        (
            format!(r#"{{"proposal": 1, "message": "{long}", "items": []}}"#),
            "/message",
            "longer than 2000 characters",
        ),
        (
            r#"{"proposal": 1, "items": [{"cancel": "a"}"#.into(),
            "",
            "JSON syntax error: unexpected end of file",
        ),
    ] {
        let (p, e) = malformed(&text);
        assert_eq!((p.as_str(), e.as_str()), (path, en), "{text:.60}");
    }
    let many = format!(
        r#"{{"proposal": 1, "items": [{}]}}"#,
        vec![r#"{"cancel": "a"}"#; 101].join(",")
    );
    assert_eq!(malformed(&many).0, "/items");
}

/// Any text, as the events and patches of a proposal may hold.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        any::<String>().prop_map(Value::string),
        (0u32..100_000).prop_map(|n| Value::Number(n.to_string())),
        any::<bool>().prop_map(Value::Bool),
        Just(Value::Null),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|items| Value::Array {
                items,
                layout: Layout::Auto
            }),
            prop::collection::vec((any::<String>(), inner), 0..4).prop_map(object),
        ]
    })
}

fn any_object() -> impl Strategy<Value = Value> {
    prop::collection::vec(("[a-z]{1,8}", any_value()), 0..6).prop_map(object)
}

/// A sender's text: no control characters or direction overrides.
fn plain_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..max).prop_map(|cs| {
        cs.into_iter()
            .filter(|c| {
                !c.is_control() && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            })
            .collect()
    })
}

fn any_proposal() -> impl Strategy<Value = Proposal> {
    let item = prop_oneof![
        any_object().prop_map(Item::New),
        (any::<String>(), any_object()).prop_map(|(id, patch)| Item::Change { id, patch }),
        any::<String>().prop_map(|id| Item::Cancel { id }),
    ];
    (
        plain_text(40),
        plain_text(40),
        plain_text(200),
        prop::collection::vec(item, 1..5),
    )
        .prop_map(|(name, contact, message, items)| Proposal {
            from: Sender { name, contact },
            message,
            items,
        })
}

proptest! {
    #[test]
    fn any_proposal_comes_back_from_its_link_and_its_file(p in any_proposal()) {
        prop_assert_eq!(decode(&link(BASE, &p)), Ok(p.clone()));
        prop_assert_eq!(from_file(&proposal::to_file(&p)), Ok(p));
    }

    #[test]
    fn a_cut_link_is_truncated_and_a_changed_one_refused(
        p in any_proposal(),
        cut in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        with in "[A-Za-z0-9_-]",
    ) {
        let url = link(BASE, &p);
        let data = url.find("1.").unwrap() + 2;
        let cut = data + cut.index(url.len() - data);
        prop_assert_eq!(decode(&url[..cut]), Err(DecodeError::Truncated));
        let at = data + at.index(url.len() - data);
        let changed = format!("{}{with}{}", &url[..at], &url[at + 1..]);
        // Either refused, or (a bit that base64 or deflate leaves unused) the same.
        match decode(&changed) {
            Ok(q) => prop_assert_eq!(q, p),
            Err(e) => prop_assert!(matches!(e, DecodeError::Damaged | DecodeError::Truncated | DecodeError::TooLarge | DecodeError::NotText | DecodeError::Malformed { .. }), "{:?}", e),
        }
    }

    #[test]
    fn any_text_is_read_or_refused_never_a_panic(s in any::<String>(), data in "[A-Za-z0-9_-]{0,300}") {
        let _ = decode(&s);
        let _ = from_file(&s);
        let _ = decode(&format!("#proposal=1.{data}"));
        let _ = decode(&format!("1.{s}"));
    }

    #[test]
    fn any_bytes_inside_a_link_are_read_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode(&packed(&bytes));
    }
}

// ---- Review and apply ----

#[test]
fn the_maintainer_reviews_each_item_against_the_file() {
    let current = shipped();
    let reviews = review(&current, &sample());
    let kinds: Vec<Kind> = reviews.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [Kind::Added, Kind::Changed, Kind::Cancelled]);
    for r in &reviews {
        assert_eq!(r.problems, [], "{}", r.id);
    }
    assert_eq!(reviews[0].id, "nikkan-2004-03-24");
    assert_eq!(reviews[0].title.ja, "第41回日韓ビジネス協議会");
    // A change: its fields, old → new, as the change review says them.
    let fields: Vec<(String, Option<String>, Option<String>)> = reviews[1]
        .fields
        .iter()
        .map(|f| {
            let read = |t: &Option<iguren_calendar::model::text::Text>| {
                t.as_ref().map(|t| t.ja.to_string())
            };
            (f.label.ja.to_string(), read(&f.old), read(&f.new))
        })
        .collect();
    assert_eq!(
        fields,
        [
            (
                "部屋".to_string(),
                Some("5階会議室".to_string()),
                Some("6階会議室".to_string())
            ),
            ("参加費".to_string(), Some("会費 1,000円".to_string()), None),
        ]
    );
    let status: Vec<_> = reviews[2]
        .fields
        .iter()
        .map(|f| f.new.as_ref().unwrap().ja.to_string())
        .collect();
    assert_eq!(status, ["中止"]);
}

#[test]
fn accepted_items_go_into_the_draft_and_nothing_else_does() {
    let current = shipped();
    let p = sample();
    let mut draft = current.clone();
    let applied = proposal::apply(&mut draft, &p, &[0, 1, 2]);
    let ids: Vec<String> = applied
        .iter()
        .map(|a| a.as_ref().unwrap().id.clone())
        .collect();
    assert_eq!(
        ids,
        [
            "nikkan-2004-03-24",
            "nikkan-2004-02-25",
            "kannai-reikai-2004-02-12"
        ]
    );
    let text = to_text(&draft);
    let loaded = iguren_calendar::load::load(&text);
    assert_eq!(loaded.diagnostics, [], "the draft passes the checker");

    // Exactly the proposal: one event added, equal to the proposed one with
    // its id; one changed in the two fields; one cancelled.
    let listed = changes(&current, &draft);
    let kinds: Vec<(&str, Kind)> = listed.iter().map(|c| (c.id.as_str(), c.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("kannai-reikai-2004-02-12", Kind::Cancelled),
            ("nikkan-2004-02-25", Kind::Changed),
            ("nikkan-2004-03-24", Kind::Added),
        ]
    );
    let added = draft
        .get(&format!("/events/{}", applied[0].as_ref().unwrap().index))
        .unwrap();
    let mut expected = nikkan_meeting();
    if let Value::Object { members, .. } = &mut expected {
        members.insert(0, ("id".into(), Value::string("nikkan-2004-03-24")));
    }
    assert!(added.same(&expected), "{added:?}");
    let reviewed = review(&current, &p);
    assert_eq!(listed[1].fields, reviewed[1].fields);
    assert_eq!(listed[2].fields, reviewed[0].fields);

    // Accepting the same new event again gets the next free id; only the
    // accepted items go in.
    let again = proposal::apply(&mut draft, &p, &[0]);
    assert_eq!(again[0].as_ref().unwrap().id, "nikkan-2004-03-24-2");
    let mut one = current.clone();
    proposal::apply(&mut one, &p, &[2]);
    assert_eq!(changes(&current, &one).len(), 1);
}

#[test]
fn hostile_events_are_reported_and_cannot_set_what_is_not_theirs() {
    let current = shipped();
    let p = Proposal {
        items: vec![
            Item::New(json(
                r#"{"id": "iguren-2004-01-22", "project": "nikkan", "title": "\u202eevil", "start": "2004-03-24",
                    "url": "javascript:alert(1)", "contact": {"url": "tel:0453110094"},
                    "revision": 9, "onclick": "x"}"#,
            )),
            Item::Change {
                id: "nikkan-2004-02-25".into(),
                patch: json(
                    r#"{"id": "other", "updated": "2030-01-01T00:00:00Z", "registration": {"url": "data:text/html,x"}}"#,
                ),
            },
            Item::Cancel {
                id: "no-such-event".into(),
            },
        ],
        ..Proposal::default()
    };
    let reviews = review(&current, &p);
    let fields = |i: usize| -> Vec<String> {
        reviews[i]
            .problems
            .iter()
            .map(|f| f.field.clone())
            .collect()
    };
    assert_eq!(
        reviews[0].id, "nikkan-2004-03-24",
        "a proposal's id is never taken"
    );
    for field in ["revision", "title", "url", "contact.url", "onclick"] {
        assert!(
            fields(0).iter().any(|f| f == field),
            "{field}: {:?}",
            reviews[0].problems
        );
    }
    assert!(fields(1).contains(&"id".to_string()) && fields(1).contains(&"updated".to_string()));
    assert!(
        fields(1).contains(&"registration.url".to_string()),
        "{:?}",
        reviews[1].problems
    );
    assert_eq!(reviews[1].id, "nikkan-2004-02-25");
    assert!(reviews[2].event.is_none());
    assert!(reviews[2].problems[0]
        .message
        .get(Lang::En)
        .contains("no event \"no-such-event\""));

    let mut draft = current.clone();
    let applied = proposal::apply(&mut draft, &p, &[0, 1, 2, 7]);
    let added = applied[0].as_ref().unwrap();
    let event = draft.get(&format!("/events/{}", added.index)).unwrap();
    assert!(event.get("revision").is_none());
    let changed = draft
        .get(&format!("/events/{}", applied[1].as_ref().unwrap().index))
        .unwrap();
    assert_eq!(
        changed.get("id").and_then(Value::as_str),
        Some("nikkan-2004-02-25")
    );
    assert!(changed.get("updated").is_none());
    assert!(applied[2].is_err() && applied[3].is_err());
}

#[test]
fn a_change_is_made_from_the_proposers_edit() {
    let doc = shipped();
    let old = doc.get("/events/5").unwrap().clone();
    let mut new = old.clone();
    proposal::merge_patch(&mut new, &json(r#"{"fee": "2,000円", "revision": 5}"#));
    let Some(Item::Change { id, patch }) = Item::change(&old, &new) else {
        panic!("a change");
    };
    assert_eq!(id, old.get("id").and_then(Value::as_str).unwrap());
    assert!(patch.same(&json(r#"{"fee": "2,000円"}"#)), "{patch:?}");
    assert_eq!(Item::change(&old, &old), None);
    // A patch removes with null, merges objects, and an object it empties goes.
    let mut v = json(r#"{"a": 1, "venue": {"name": "x"}, "b": {"c": 1}}"#);
    proposal::merge_patch(
        &mut v,
        &json(r#"{"a": null, "venue": {"name": null}, "b": {"d": 2}, "e": {"f": null}}"#),
    );
    assert!(
        v.same(&json(r#"{"b": {"c": 1, "d": 2}, "e": {}}"#)),
        "{v:?}"
    );
    let back = proposal::patch_of(
        &json(r#"{"a": 1, "b": {"c": 1}}"#),
        &json(r#"{"b": {"c": 2}}"#),
    );
    assert!(
        back.same(&json(r#"{"b": {"c": 2}, "a": null}"#)),
        "{back:?}"
    );
}

// ---- A year of meetings ----

/// The first days of the meetings of `project` in the shipped file.
fn group(doc: &Doc, project: &str) -> Vec<NaiveDate> {
    recur::meetings(doc, project, NaiveDate::MAX)
}

#[test]
fn the_newsletters_groups_have_their_rhythms() {
    let doc = shipped();
    let nikkan = infer(&group(&doc, "nikkan")).unwrap();
    assert_eq!(
        (nikkan.rule, nikkan.support),
        (
            Rule::NthWeekday {
                n: 4,
                weekday: Weekday::Wed
            },
            2
        )
    );
    assert_eq!(nikkan.describe().ja, "毎月第4水曜日");
    // To the end of the fiscal year: March only; a year of them.
    assert_eq!(plan(nikkan, Until::FiscalYearEnd).dates, [day(2004, 3, 24)]);
    let year = plan(nikkan, Until::Count(12));
    assert_eq!(year.dates.first(), Some(&day(2004, 3, 24)));
    assert_eq!(year.dates.last(), Some(&day(2005, 2, 23)));
    assert!(year
        .dates
        .iter()
        .all(|d| d.format("%a").to_string() == "Wed"));
    // 関内: 2nd Wednesday, then 2nd Thursday: nothing followed twice, so
    // the same day each month, as 次回を作る says.
    let kannai = infer(&group(&doc, "kannai")).unwrap();
    assert_eq!((kannai.rule, kannai.support), (Rule::MonthLater, 1));
    assert_eq!(kannai.describe().ja, "毎月12日");
    // Every group: the first date is 次回を作る's.
    for project in ["nikkan", "kannai", "kasseika", "hojokin", "miura"] {
        let days = group(&doc, project);
        let rhythm = infer(&days).unwrap();
        let (previous, last) = (
            days.len().checked_sub(2).map(|i| days[i]),
            days[days.len() - 1],
        );
        let next = draft::next_date(previous, last, |_| false);
        assert_eq!(
            (rhythm.rule, plan(rhythm, Until::Count(1)).dates[0]),
            (next.rule, next.date),
            "{project}"
        );
    }
}

#[test]
fn a_group_that_changed_its_weekday_is_read_by_its_latest_meetings() {
    // 2nd Wednesdays until December, 3rd Thursdays since January.
    let days = [
        day(2003, 10, 8),
        day(2003, 11, 12),
        day(2003, 12, 10),
        day(2004, 1, 15),
        day(2004, 2, 19),
    ];
    let rhythm = infer(&days).unwrap();
    assert_eq!(
        (rhythm.rule, rhythm.support),
        (
            Rule::NthWeekday {
                n: 3,
                weekday: Weekday::Thu
            },
            2
        )
    );
    assert_eq!(plan(rhythm, Until::FiscalYearEnd).dates, [day(2004, 3, 18)]);
    // Three meetings on the last Friday, then a move to every other Monday.
    let days = [
        day(2004, 1, 30),
        day(2004, 2, 27),
        day(2004, 3, 26),
        day(2004, 4, 5),
        day(2004, 4, 19),
        day(2004, 5, 3),
    ];
    let rhythm = infer(&days).unwrap();
    assert_eq!(
        (rhythm.rule, rhythm.support),
        (Rule::EveryWeeks { weeks: 2 }, 3)
    );
    assert_eq!(
        infer(&days[..3]).unwrap().rule,
        Rule::LastWeekday {
            weekday: Weekday::Fri
        }
    );
}

#[test]
fn holidays_are_left_out_and_said() {
    // On the 20th: 20 March 2004 is 春分の日.
    let rhythm = infer(&[day(2004, 1, 20), day(2004, 2, 20)]).unwrap();
    assert_eq!(rhythm.describe().ja, "毎月20日");
    let p = plan(rhythm, Until::Count(3));
    assert_eq!(
        p.dates,
        [day(2004, 4, 20), day(2004, 5, 20), day(2004, 6, 20)]
    );
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(p.skipped[0].reason().ja, "3月20日(土)は春分の日のため除外");
    assert_eq!(
        p.skipped[0].reason().get(Lang::En),
        "Sat, Mar 20 is Vernal Equinox Day: left out"
    );
    // 3rd Mondays to March 2005: 敬老の日 (20 September 2004) is left out.
    let rhythm = infer(&[day(2004, 3, 15), day(2004, 4, 19)]).unwrap();
    let p = plan(rhythm, Until::FiscalYearEnd);
    let months: Vec<u32> = p.dates.iter().map(|d| d.month()).collect();
    assert_eq!(months, [5, 6, 8, 10, 11, 12, 1, 2]);
    let skipped: Vec<String> = p
        .skipped
        .iter()
        .map(|s| s.reason().ja.to_string())
        .collect();
    assert_eq!(
        skipped,
        [
            "7月19日(月)は海の日のため除外",
            "9月20日(月)は敬老の日のため除外",
            "3月21日(月)は振替休日のため除外"
        ]
    );
    // The 31st stays the 31st after a shorter month.
    let rhythm = infer(&[day(2004, 1, 31)]).unwrap();
    assert_eq!(
        plan(rhythm, Until::Count(3)).dates,
        [day(2004, 2, 29), day(2004, 3, 31), day(2004, 4, 30)]
    );
    assert_eq!(recur::fiscal_year_end(day(2004, 4, 1)), day(2005, 3, 31));
    assert_eq!(recur::fiscal_year_end(day(2004, 3, 31)), day(2004, 3, 31));
    assert_eq!(plan(rhythm, Until::Count(0)).dates, []);
    assert_eq!(plan(rhythm, Until::Date(day(2004, 3, 31))).dates.len(), 2);
}

#[test]
fn each_meeting_is_an_event_of_its_own_with_no_recurrence_rule() {
    let mut doc = shipped();
    let index = doc.event_index("nikkan-2004-02-25").unwrap();
    doc.set_text(
        &format!("/events/{index}/title"),
        "第40回日韓ビジネス協議会",
    )
    .unwrap();
    // Someone already put the March meeting in.
    proposal::apply(&mut doc, &sample(), &[0]);
    let plan = recur::propose(&doc, index, Until::Count(3)).unwrap();
    assert_eq!(plan.rhythm.describe().ja, "毎月第4水曜日");
    assert_eq!(
        plan.dates,
        [day(2004, 3, 24), day(2004, 4, 28), day(2004, 5, 26)]
    );
    // The maintainer keeps April and May only.
    let made = recur::create(&mut doc, index, &plan.dates[1..]);
    let text_of = |doc: &Doc, field: &str| -> Vec<String> {
        made.iter()
            .map(|&i| {
                doc.text(&format!("/events/{i}/{field}"))
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(
        text_of(&doc, "id"),
        ["nikkan-2004-04-28", "nikkan-2004-05-26"]
    );
    assert_eq!(
        text_of(&doc, "title"),
        ["第41回日韓ビジネス協議会", "第42回日韓ビジネス協議会"]
    );
    assert_eq!(text_of(&doc, "start"), ["2004-04-28", "2004-05-26"]);
    // A day taken by another event of the group gets -2.
    let again = recur::create(&mut doc, index, &[day(2004, 3, 24)]);
    assert_eq!(
        doc.text(&format!("/events/{}/id", again[0])),
        Some("nikkan-2004-03-24-2")
    );

    let text = to_text(&doc);
    let loaded = iguren_calendar::load::load(&text);
    assert_eq!(loaded.diagnostics, []);
    let events: Vec<_> = loaded
        .catalog
        .events
        .iter()
        .filter(|e| e.project == "nikkan")
        .collect();
    let ics = iguren_calendar::ics::calendar(&loaded.catalog, &events, &Default::default());
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 6);
    for word in ["RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"] {
        assert!(!ics.contains(word) && !text.contains(word), "{word}");
    }
}

proptest! {
    /// On two meetings, the first date is the one 次回を作る proposes.
    #[test]
    fn two_meetings_give_the_next_meeting_of_draft(a in 0i64..3000, gap in 1i64..120) {
        let previous = day(2000, 1, 1) + chrono::Duration::days(a);
        let last = previous + chrono::Duration::days(gap);
        let rhythm = infer(&[previous, last]).unwrap();
        let first = plan(rhythm, Until::Count(1));
        let rule = draft::rule_of(previous, last);
        prop_assert_eq!(rhythm.rule, rule);
        let want = draft::apply(rule, last);
        if iguren_calendar::jp::holiday(want).is_none() {
            prop_assert_eq!(first.dates[0], want);
        } else {
            prop_assert_eq!(first.skipped[0].date, want);
        }
    }
}
