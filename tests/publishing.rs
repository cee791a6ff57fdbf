//! The publish path's core, on the shipped data and generated files: the
//! change review (`doc::changes`), the three-way merge of two maintainers'
//! files (`doc::merge`; property tests: an unchanged side gives the other
//! byte for byte, edits that do not overlap both survive, the two sides
//! are symmetric, one field changed both ways is one conflict) and
//! publishing over a merge (`doc::publish`).

use iguren_calendar::doc::changes::{changes, Kind};
use iguren_calendar::doc::merge::{merge_text, ConflictKind, Side};
use iguren_calendar::doc::publish::publish;
use iguren_calendar::doc::write::to_text;
use iguren_calendar::doc::{draft, Doc, Layout, Value};
use iguren_calendar::load::generate;
use iguren_calendar::model::text::Lang;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

fn shipped() -> String {
    std::fs::read_to_string("public/events.json").unwrap()
}

/// Where the event `id` stands in `doc`.
fn find(doc: &Doc, id: &str) -> Option<usize> {
    match doc.get("/events") {
        Some(Value::Array { items, .. }) => items
            .iter()
            .position(|e| e.get("id").and_then(Value::as_str) == Some(id)),
        _ => None,
    }
}

/// `text` with `edit` applied, as the editor writes it.
fn edited(text: &str, edit: impl FnOnce(&mut Doc)) -> String {
    let mut doc = Doc::parse(text).unwrap();
    edit(&mut doc);
    to_text(&doc)
}

/// Sets `field` (a pointer below the event, `venue/room`) of event `id`.
fn set(doc: &mut Doc, id: &str, field: &str, value: &str) {
    let at = find(doc, id).unwrap();
    doc.set(&format!("/events/{at}/{field}"), Value::string(value))
        .unwrap();
}

fn remove_event(doc: &mut Doc, id: &str) {
    let at = find(doc, id).unwrap();
    doc.array_mut("/events").unwrap().remove(at);
}

fn event(id: &str, title: &str, start: &str) -> Value {
    Value::Object {
        members: vec![
            ("id".into(), Value::string(id)),
            ("title".into(), Value::string(title)),
            ("start".into(), Value::string(start)),
        ],
        layout: Layout::Auto,
    }
}

fn ids(text: &str) -> Vec<String> {
    draft::taken_ids(&Doc::parse(text).unwrap(), usize::MAX)
}

const SALON: &str = "kawasaki-salon-2004-02-25";

// ----- the merge, by example -----

#[test]
fn two_maintainers_change_different_fields_of_one_event_and_both_survive() {
    let base = shipped();
    let ours = edited(&base, |d| set(d, SALON, "fee", "2,000円"));
    let theirs = edited(&base, |d| set(d, SALON, "venue/room", "2階 大会議室"));
    let m = merge_text(&base, &ours, &theirs).unwrap();
    assert!(m.is_clean(), "{:?}", m.conflicts);
    let both = edited(&ours, |d| set(d, SALON, "venue/room", "2階 大会議室"));
    assert_eq!(m.text(), both);
}

#[test]
fn both_change_the_fee_one_conflict_named_by_its_label() {
    let base = shipped();
    let ours = edited(&base, |d| set(d, SALON, "fee", "2,000円"));
    let theirs = edited(&base, |d| {
        set(d, SALON, "fee", "1,500円");
        set(d, "nikkan-2004-02-25", "title", "第40回日韓ビジネス協議会");
    });
    let m = merge_text(&base, &ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.kind, ConflictKind::BothChanged);
    assert_eq!((c.member.as_str(), c.id.as_str()), ("events", SALON));
    assert_eq!(
        c.title.ja,
        "かわさき経済人ネットワークサロン 第1回会合（発足会）"
    );
    assert_eq!(c.field, "fee");
    assert_eq!((&*c.label.ja, c.label.get(Lang::En)), ("参加費", "Fee"));
    let shown = |v: &iguren_calendar::doc::merge::Version| v.shown.clone().unwrap().ja;
    assert_eq!(shown(&c.base), "1,000円 当日支払い（懇親会費を含む）");
    assert_eq!(shown(&c.ours), "2,000円");
    assert_eq!(shown(&c.theirs), "1,500円");
    let said = c.describe();
    for word in ["参加費", "2,000円", "1,500円", "GitHub"] {
        assert!(said.ja.contains(word), "{}", said.ja);
    }
    assert!(said.get(Lang::En).starts_with("Fee of"), "{said:?}");

    let mine = Doc::parse(&m.resolve_text(&[Side::Ours])).unwrap();
    let at = find(&mine, SALON).unwrap();
    assert_eq!(mine.text(&format!("/events/{at}/fee")), Some("2,000円"));
    let other = find(&mine, "nikkan-2004-02-25").unwrap();
    assert_eq!(
        mine.text(&format!("/events/{other}/title")),
        Some("第40回日韓ビジネス協議会"),
        "what did not overlap is kept"
    );
    assert_eq!(m.resolve_text(&[Side::Theirs]), theirs);
    assert_eq!(m.text(), theirs, "unresolved, a conflict takes theirs");
}

#[test]
fn removed_on_one_side_and_changed_on_the_other_is_a_conflict() {
    let base = shipped();
    let id = "nikkan-2004-02-25";
    let removed = edited(&base, |d| remove_event(d, id));
    let changed = edited(&base, |d| set(d, id, "fee", "会費 2,000円"));

    let m = merge_text(&base, &removed, &changed).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.kind, ConflictKind::RemovedByUs);
    assert_eq!((c.id.as_str(), c.field.as_str()), (id, ""));
    assert_eq!(c.label.ja, "予定そのもの");
    assert!(c.ours.value.is_none() && c.theirs.value.is_some());
    assert_eq!(c.changed.len(), 1);
    assert_eq!(c.changed[0].label.ja, "参加費");
    assert_eq!(c.changed[0].new.as_ref().unwrap().ja, "会費 2,000円");
    assert!(
        c.describe().ja.contains("こちらで削除"),
        "{:?}",
        c.describe()
    );
    assert_eq!(m.resolve_text(&[Side::Ours]), removed);
    assert_eq!(m.resolve_text(&[Side::Theirs]), changed);

    let m = merge_text(&base, &changed, &removed).unwrap();
    assert_eq!(m.conflicts[0].kind, ConflictKind::RemovedByThem);
    assert!(m.conflicts[0].describe().ja.contains("GitHubで削除"));
    assert_eq!(m.resolve_text(&[Side::Theirs]), removed);
}

#[test]
fn removed_on_one_side_and_unchanged_on_the_other_is_removed() {
    let base = shipped();
    let ours = edited(&base, |d| {
        remove_event(d, "boshoku-seminar-2004-03-03");
        set(d, SALON, "fee", "無料");
    });
    let theirs = edited(&base, |d| set(d, "kasseika-2004-01-19", "title", "活性研"));
    let m = merge_text(&base, &ours, &theirs).unwrap();
    assert!(m.is_clean());
    let text = m.text();
    assert!(!ids(&text).contains(&"boshoku-seminar-2004-03-03".to_string()));
    assert!(text.contains("\"title\": \"活性研\"") && text.contains("\"fee\": \"無料\""));
}

#[test]
fn new_events_keep_their_places() {
    let base = shipped();
    let ours = edited(&base, |d| {
        let items = d.array_mut("/events").unwrap();
        items.insert(1, event("o-2", "こちらの会2", "2004-01-15"));
        items.push(event("o-1", "こちらの会1", "2004-04-01"));
    });
    let theirs = edited(&base, |d| {
        let items = d.array_mut("/events").unwrap();
        items.insert(3, event("t-1", "GitHubの会", "2004-01-20"));
        items.push(event("t-2", "GitHubの会2", "2004-04-02"));
    });
    let m = merge_text(&base, &ours, &theirs).unwrap();
    assert!(m.is_clean());
    let mut expected = ids(&base);
    expected.insert(3, "t-1".into());
    expected.insert(1, "o-2".into());
    // At the same place, what GitHub added first: as if ours came second.
    expected.push("t-2".into());
    expected.push("o-1".into());
    assert_eq!(ids(&m.text()), expected);
}

#[test]
fn one_id_added_on_both_sides_conflicts_only_where_it_differs() {
    let base = shipped();
    let add = |start: &'static str, fee: Option<&'static str>| {
        edited(&base, move |d| {
            let mut e = event("salon-2004-04-01", "サロン", start);
            if let (Some(fee), Value::Object { members, .. }) = (fee, &mut e) {
                members.push(("fee".into(), Value::string(fee)));
            }
            d.array_mut("/events").unwrap().push(e);
        })
    };
    let ours = add("2004-04-01T18:00", Some("1,000円"));
    let theirs = add("2004-04-01T18:30", None);
    let m = merge_text(&base, &ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!((c.field.as_str(), &*c.label.ja), ("start", "開始日時"));
    assert!(c.base.value.is_none());
    assert_eq!(c.ours.shown.as_ref().unwrap().ja, "2004年4月1日(木) 18:00");
    let done = m.resolve(&[Side::Ours]);
    let at = find(&done, "salon-2004-04-01").unwrap();
    assert_eq!(
        done.text(&format!("/events/{at}/start")),
        Some("2004-04-01T18:00")
    );
    assert_eq!(done.text(&format!("/events/{at}/fee")), Some("1,000円"));
}

#[test]
fn the_site_and_projects_merge_by_member_and_field() {
    let base = shipped();
    let ours = edited(&base, |d| {
        d.set_text("/site/name/ja", "異グ連カレンダー").unwrap();
        d.set_text("/projects/3/name/ja", "関内再生プロジェクト")
            .unwrap();
    });
    let theirs = edited(&base, |d| {
        d.set_text("/projects/4/color", "#000000").unwrap();
        d.set_text("/projects/3/name/ja", "都市再生プロジェクト")
            .unwrap();
    });
    let m = merge_text(&base, &ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!((c.member.as_str(), c.id.as_str()), ("projects", "kannai"));
    assert_eq!(c.title.ja, "都市再生プロジェクト");
    assert_eq!(
        (c.field.as_str(), &*c.label.ja),
        ("name.ja", "名前（日本語）")
    );
    let done = Doc::parse(&m.resolve_text(&[Side::Ours])).unwrap();
    assert_eq!(done.text("/site/name/ja"), Some("異グ連カレンダー"));
    assert_eq!(
        done.text("/projects/3/name/ja"),
        Some("関内再生プロジェクト")
    );
    assert_eq!(done.text("/projects/4/color"), Some("#000000"));
}

#[test]
fn unknown_fields_are_kept() {
    let base = shipped();
    let ours = edited(&base, |d| {
        set(d, SALON, "x-memo", "会場に確認済み");
        d.set("/x-ours", Value::Number("1".into())).unwrap();
    });
    let theirs = edited(&base, |d| {
        set(d, SALON, "title", "サロン発足会");
        d.set("/x-theirs", Value::Bool(true)).unwrap();
    });
    let m = merge_text(&base, &ours, &theirs).unwrap();
    assert!(m.is_clean());
    let doc = Doc::parse(&m.text()).unwrap();
    let at = find(&doc, SALON).unwrap();
    assert_eq!(
        doc.text(&format!("/events/{at}/x-memo")),
        Some("会場に確認済み")
    );
    assert_eq!(
        doc.text(&format!("/events/{at}/title")),
        Some("サロン発足会")
    );
    assert_eq!(doc.get("/x-ours"), Some(&Value::Number("1".into())));
    assert_eq!(doc.get("/x-theirs"), Some(&Value::Bool(true)));
}

/// Two editors: the other one committed first; ours merges and then
/// publishes over the file on GitHub, so the revision counts once more.
#[test]
fn a_merge_is_published_against_the_newer_file() {
    let base = shipped();
    let now = |h| {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    };
    let at = find(&Doc::parse(&base).unwrap(), SALON).unwrap();
    let base_doc = Doc::parse(&base).unwrap();
    let mut other = base_doc.clone();
    set(&mut other, SALON, "title", "サロン発足会");
    draft::touch(&mut other, at, Some(0), now(1));
    publish(&base_doc, &mut other, now(2));
    let theirs = to_text(&other);

    let mut ours = base_doc.clone();
    set(&mut ours, SALON, "fee", "2,000円");
    draft::touch(&mut ours, at, Some(0), now(3));
    let m = merge_text(&base, &to_text(&ours), &theirs).unwrap();
    assert!(m.is_clean(), "revision and updated never conflict");

    let mut merged = m.doc.clone();
    let published = publish(&other, &mut merged, now(4));
    assert!(published.contains(&(SALON.to_string(), 2)), "{published:?}");
    let field = |d: &Doc, f: &str| d.text(&format!("/events/{at}/{f}")).map(str::to_string);
    assert_eq!(field(&merged, "title").as_deref(), Some("サロン発足会"));
    assert_eq!(field(&merged, "fee").as_deref(), Some("2,000円"));
    assert_eq!(
        field(&merged, "updated").as_deref(),
        Some("2026-12-01T13:00:00+09:00")
    );
    // What the review shows before this commit: the fee, nothing else.
    let review = changes(&other, &merged);
    assert_eq!(review.len(), 1);
    assert_eq!(review[0].fields.len(), 1);
    assert_eq!(review[0].fields[0].label.ja, "参加費");
}

// ----- the merge, as properties -----

/// One maintainer's edit. Events are named by a number, taken modulo the
/// base's count.
#[derive(Debug, Clone, Copy)]
enum Edit {
    Set {
        event: usize,
        field: usize,
        value: u8,
    },
    Clear {
        event: usize,
        field: usize,
    },
    Add {
        n: u8,
        shared: bool,
    },
    Remove {
        event: usize,
    },
}

const FIELDS: &[&str] = &[
    "title",
    "fee",
    "capacity",
    "venue/name",
    "venue/room",
    "description",
    "x-note",
    "status",
];

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (0..64usize, 0..FIELDS.len(), 0..4u8)
            .prop_map(|(event, field, value)| Edit::Set { event, field, value }),
        1 => (0..64usize, 0..FIELDS.len()).prop_map(|(event, field)| Edit::Clear { event, field }),
        1 => (0..3u8, any::<bool>()).prop_map(|(n, shared)| Edit::Add { n, shared }),
        1 => (0..64usize).prop_map(|event| Edit::Remove { event }),
    ]
}

/// A base file: the shipped one, or a generated one.
fn base() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(shipped()),
        (1usize..12, 0u64..1000).prop_map(|(n, seed)| generate::events_json(n, seed)),
    ]
}

/// What an edit touches: the event's id, and its field (`None`: the whole
/// event).
fn touches(edit: &Edit, base_ids: &[String]) -> Option<(String, Option<&'static str>)> {
    let id = |i: usize| base_ids[i % base_ids.len()].clone();
    match *edit {
        Edit::Set { event, field, .. } | Edit::Clear { event, field } => {
            Some((id(event), Some(FIELDS[field])))
        }
        Edit::Remove { event } => Some((id(event), None)),
        Edit::Add { .. } => None,
    }
}

/// Applies `edits` of side `tag` to `doc`: values and new events named by
/// the side, or (for the small values, and `shared` additions) the same on
/// both sides.
fn apply(doc: &mut Doc, base_ids: &[String], edits: &[Edit], tag: &str) {
    for e in edits {
        let target = touches(e, base_ids).and_then(|(id, _)| find(doc, &id));
        match (*e, target) {
            (Edit::Set { field, value, .. }, Some(at)) => {
                let value = match value {
                    0 | 1 => format!("共通{value}"),
                    _ => format!("{tag}{value}"),
                };
                let p = format!("/events/{at}/{}", FIELDS[field]);
                doc.set(&p, Value::string(value)).unwrap();
            }
            (Edit::Clear { field, .. }, Some(at)) => {
                doc.remove(&format!("/events/{at}/{}", FIELDS[field]));
            }
            (Edit::Remove { .. }, Some(at)) => {
                doc.array_mut("/events").unwrap().remove(at);
            }
            (Edit::Add { n, shared }, _) => {
                let id = if shared {
                    format!("new-{n}")
                } else {
                    format!("new-{tag}-{n}")
                };
                if find(doc, &id).is_none() {
                    let title = format!("{tag}の新しい会{n}");
                    let new = event(&id, &title, "2004-04-01");
                    doc.array_mut("/events").unwrap().push(new);
                }
            }
            _ => {}
        }
    }
}

/// `edits` of the other side that touch nothing `mine` touches, and
/// whose additions are the side's own.
fn disjoint(mine: &[Edit], theirs: &[Edit], base_ids: &[String]) -> Vec<Edit> {
    let touched: Vec<_> = mine.iter().filter_map(|e| touches(e, base_ids)).collect();
    theirs
        .iter()
        .filter(|e| match touches(e, base_ids) {
            None => true,
            Some((id, field)) => !touched
                .iter()
                .any(|(i, f)| *i == id && (f.is_none() || field.is_none() || *f == field)),
        })
        .map(|e| match *e {
            Edit::Add { n, .. } => Edit::Add { n, shared: false },
            other => other,
        })
        .collect()
}

/// A file as its events by id and the rest.
fn split(doc: &Doc) -> (BTreeMap<String, Value>, Value) {
    let mut rest = doc.clone();
    let events = match rest.remove("/events") {
        Some(Value::Array { items, .. }) => items,
        _ => Vec::new(),
    };
    let by_id = events
        .into_iter()
        .map(|e| (e.get("id").and_then(Value::as_str).unwrap().to_string(), e))
        .collect();
    (by_id, rest.root)
}

fn same_file(a: &Doc, b: &Doc) -> bool {
    let ((ae, ar), (be, br)) = (split(a), split(b));
    ar.same(&br)
        && ae.len() == be.len()
        && ae
            .iter()
            .all(|(id, e)| be.get(id).is_some_and(|f| e.same(f)))
}

fn setup(text: &str) -> (Doc, Vec<String>) {
    let doc = Doc::parse(text).unwrap();
    let ids = draft::taken_ids(&doc, usize::MAX);
    (doc, ids)
}

fn after(doc: &Doc, ids: &[String], edits: &[Edit], tag: &str) -> Doc {
    let mut d = doc.clone();
    apply(&mut d, ids, edits, tag);
    d
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// An unchanged side (even written another way) gives the other side's
    /// text byte for byte, written in any way; the same file on both
    /// sides gives it too.
    #[test]
    fn an_unchanged_side_gives_the_other_byte_for_byte(
        base_text in base(),
        edits in prop::collection::vec(edit(), 0..8),
    ) {
        let (base, ids) = setup(&base_text);
        let edited = after(&base, &ids, &edits, "t");
        // Tabs for indentation: still JSON, not the writer's form.
        let changed = to_text(&edited).replace("\n  ", "\n\t");
        let unchanged = base_text.replace("\n  ", "\n\t");
        for same in [&base_text, &unchanged] {
            let m = merge_text(&base_text, same, &changed).unwrap();
            prop_assert!(m.is_clean());
            prop_assert_eq!(m.text(), changed.clone());
            prop_assert_eq!(m.resolve_text(&[]), changed.clone());
            // When neither side changed anything, the result is theirs.
            let m = merge_text(&base_text, &changed, same).unwrap();
            let expected = if edited.root.same(&base.root) { same } else { &changed };
            prop_assert_eq!(m.text(), expected.clone());
        }
        prop_assert_eq!(merge_text(&base_text, &changed, &changed).unwrap().text(), changed.clone());
    }

    /// Edits that do not overlap all survive, with no conflict; the same
    /// field then changed both ways is exactly one conflict, settled by
    /// either side.
    #[test]
    fn edits_that_do_not_overlap_both_survive(
        base_text in base(),
        ours_edits in prop::collection::vec(edit(), 0..8),
        theirs_edits in prop::collection::vec(edit(), 0..8),
    ) {
        let (base, ids) = setup(&base_text);
        let theirs_edits = disjoint(&ours_edits, &theirs_edits, &ids);
        let ours = after(&base, &ids, &ours_edits, "o");
        let theirs = after(&base, &ids, &theirs_edits, "t");
        let m = merge_text(&base_text, &to_text(&ours), &to_text(&theirs)).unwrap();
        prop_assert!(m.is_clean(), "{:?}", m.conflicts);
        let both = after(&ours, &ids, &theirs_edits, "t");
        prop_assert!(same_file(&m.doc, &both), "{}", m.text());

        // One more: the fee of an event both still have, both ways.
        let Some(id) = ids.iter().find(|id| find(&ours, id).is_some() && find(&theirs, id).is_some()) else {
            return Ok(());
        };
        let (mut ours, mut theirs) = (ours, theirs);
        set(&mut ours, id, "fee", "こちらの参加費");
        set(&mut theirs, id, "fee", "GitHubの参加費");
        let m = merge_text(&base_text, &to_text(&ours), &to_text(&theirs)).unwrap();
        prop_assert_eq!(m.conflicts.len(), 1);
        prop_assert_eq!(&m.conflicts[0].id, id);
        prop_assert_eq!(&*m.conflicts[0].label.ja, "参加費");
        for (side, fee) in [(Side::Ours, "こちらの参加費"), (Side::Theirs, "GitHubの参加費")] {
            let done = m.resolve(&[side]);
            let at = find(&done, id).unwrap();
            prop_assert_eq!(done.text(&format!("/events/{at}/fee")), Some(fee));
        }
    }

    /// Swapping the sides finds the same conflicts (removals swapped), and
    /// choosing ours one way gives what choosing theirs gives the other.
    #[test]
    fn the_sides_are_symmetric(
        base_text in base(),
        ours_edits in prop::collection::vec(edit(), 0..10),
        theirs_edits in prop::collection::vec(edit(), 0..10),
    ) {
        let (base, ids) = setup(&base_text);
        let ours = to_text(&after(&base, &ids, &ours_edits, "o"));
        let theirs = to_text(&after(&base, &ids, &theirs_edits, "t"));
        let one = merge_text(&base_text, &ours, &theirs).unwrap();
        let two = merge_text(&base_text, &theirs, &ours).unwrap();
        let places = |m: &iguren_calendar::doc::merge::Merge, swap: bool| {
            m.conflicts
                .iter()
                .map(|c| {
                    let kind = match (c.kind, swap) {
                        (ConflictKind::RemovedByUs, true) => ConflictKind::RemovedByThem,
                        (ConflictKind::RemovedByThem, true) => ConflictKind::RemovedByUs,
                        (k, _) => k,
                    };
                    (c.id.clone(), c.field.clone(), format!("{kind:?}"))
                })
                .collect::<BTreeSet<_>>()
        };
        prop_assert_eq!(one.conflicts.len(), two.conflicts.len());
        prop_assert_eq!(places(&one, false), places(&two, true));
        let n = one.conflicts.len();
        prop_assert!(same_file(&one.resolve(&vec![Side::Ours; n]), &two.resolve(&vec![Side::Theirs; n])));
        prop_assert!(same_file(&one.resolve(&vec![Side::Theirs; n]), &two.resolve(&vec![Side::Ours; n])));
    }
}

// ----- the change review -----

#[test]
fn nothing_changed_is_no_change() {
    let doc = Doc::parse(&shipped()).unwrap();
    assert_eq!(changes(&doc, &doc), []);
    // Touched by the editor but changed back: bookkeeping only.
    let mut touched = doc.clone();
    let at = find(&doc, SALON).unwrap();
    draft::touch(&mut touched, at, Some(0), chrono::NaiveDateTime::default());
    assert_eq!(changes(&doc, &touched), []);
}

#[test]
fn a_changed_event_lists_each_field_old_and_new_in_words() {
    let published = Doc::parse(&shipped()).unwrap();
    let mut draft = published.clone();
    set(&mut draft, SALON, "start", "2004-02-25T18:30");
    set(&mut draft, SALON, "fee", "2,000円");
    set(&mut draft, SALON, "project", "nikkan");
    let at = find(&draft, SALON).unwrap();
    draft.remove(&format!("/events/{at}/venue/phone"));
    let list = changes(&published, &draft);
    assert_eq!(list.len(), 1);
    let c = &list[0];
    assert_eq!(c.kind, Kind::Changed);
    assert_eq!((c.member.as_str(), c.id.as_str()), ("events", SALON));
    let rows: Vec<(String, Option<String>, Option<String>)> = c
        .fields
        .iter()
        .map(|f| {
            let ja = |t: &Option<iguren_calendar::model::text::Text>| {
                t.as_ref().map(|t| t.ja.to_string())
            };
            (f.label.ja.to_string(), ja(&f.old), ja(&f.new))
        })
        .collect();
    let row = |l: &str, o: Option<&str>, n: Option<&str>| {
        (l.to_string(), o.map(str::to_string), n.map(str::to_string))
    };
    assert_eq!(
        rows,
        [
            row(
                "プロジェクト",
                Some("かわさき経済人ネットワークサロン"),
                Some("日韓ビジネス協議会")
            ),
            row(
                "開始日時",
                Some("2004年2月25日(水) 18:00"),
                Some("2004年2月25日(水) 18:30")
            ),
            row("会場の電話", Some("044-819-2001(代)"), None),
            row(
                "参加費",
                Some("1,000円 当日支払い（懇親会費を含む）"),
                Some("2,000円")
            ),
        ]
    );
    assert_eq!(c.fields[1].field, "start");
    assert_eq!(
        c.fields[1].new.as_ref().unwrap().get(Lang::En),
        "Wed, Feb 25, 2004, 18:30"
    );
    assert_eq!(c.fields[3].label.get(Lang::En), "Fee");
}

#[test]
fn added_cancelled_removed_and_the_rest() {
    let published = Doc::parse(&shipped()).unwrap();
    let mut draft = published.clone();
    let next = draft::next_event(
        draft.get("/events/5").unwrap(),
        chrono::NaiveDate::from_ymd_opt(2004, 3, 24).unwrap(),
    );
    let mut next = next;
    if let Value::Object { members, .. } = &mut next {
        members.insert(0, ("id".into(), Value::string("nikkan-40")));
    }
    draft.array_mut("/events").unwrap().push(next);
    let at = find(&draft, "nikkan-2004-02-25").unwrap();
    draft::cancel(&mut draft, at);
    remove_event(&mut draft, "boshoku-seminar-2004-03-03");
    draft.set_text("/site/name/en", "Iguren Calendar").unwrap();
    draft.set_text("/projects/4/color", "#b71c1c").unwrap();

    let list = changes(&published, &draft);
    let kinds: Vec<(Kind, &str, &str)> = list
        .iter()
        .map(|c| (c.kind, c.member.as_str(), c.id.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (Kind::Cancelled, "events", "nikkan-2004-02-25"),
            (Kind::Added, "events", "nikkan-40"),
            (Kind::Removed, "events", "boshoku-seminar-2004-03-03"),
            (Kind::Changed, "site", ""),
            (Kind::Changed, "projects", "nikkan"),
        ]
    );
    let cancelled = &list[0];
    assert_eq!(cancelled.kind.label().ja, "中止");
    assert_eq!(cancelled.fields.len(), 1);
    assert_eq!(cancelled.fields[0].label.ja, "状態");
    assert_eq!(cancelled.fields[0].old, None);
    assert_eq!(cancelled.fields[0].new.as_ref().unwrap().ja, "中止");
    let added = &list[1];
    assert_eq!(added.title.ja, "第40回日韓ビジネス協議会（新年会を兼ねて）");
    assert!(added.fields.iter().all(|f| f.old.is_none()));
    let labels: Vec<&str> = added.fields.iter().map(|f| &*f.label.ja).collect();
    assert_eq!(
        labels,
        ["ID", "プロジェクト", "タイトル", "開始日時", "プログラム"]
    );
    assert!(list[2].fields.is_empty());
    assert_eq!(list[2].title.ja, "防食技術活用セミナー・技術相談会");
    assert_eq!(list[3].title.ja, "サイトの設定");
    assert_eq!(
        list[3].fields[0].label.get(Lang::En),
        "Calendar name (English)"
    );
    assert_eq!(list[4].title.ja, "日韓ビジネス協議会");
    assert_eq!(list[4].fields[0].label.ja, "表示色");
}
