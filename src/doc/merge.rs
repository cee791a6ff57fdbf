//! Three-way merge of events files, for two maintainers who edit at once:
//! `base` is the file the editor opened, `ours` the maintainer's draft,
//! `theirs` the newer file found on GitHub. What only one side changed is
//! taken from that side; the same field of the same event changed
//! differently on both sides is a [`Conflict`], which the maintainer
//! settles by choosing a [`Side`] ([`Merge::resolve_text`]).
//!
//! The rules, from the file's top down:
//! - A side that changed nothing gives the other side whole, byte for
//!   byte (given as text: [`merge_text`]).
//! - Top-level members (`site`, `projects`, `events`, and any the program
//!   does not know) are merged member by member; a list of objects
//!   there (`events`, `projects`) item by item by `id`.
//! - Objects (an event, its `venue`) are merged member by member, so
//!   edits of different fields, or of `venue.name` and `venue.room`, both
//!   survive. Anything else (a text, a number, a list such as `program`
//!   or `speakers`) is one value: changed on one side, it is that side's;
//!   changed on both sides to different values, a conflict.
//! - Added on one side: kept. Added on both sides under one id (or key)
//!   with different contents: merged as above, so a conflict per field
//!   that differs. Removed on one side and unchanged on the other:
//!   removed. Removed on one side and changed on the other: a conflict
//!   ([`ConflictKind::RemovedByUs`], [`ConflictKind::RemovedByThem`]).
//! - Bookkeeping (an event's `revision` and `updated`, the site's
//!   `updated`) changed on both sides takes the higher revision and the
//!   later time, never a conflict; [`crate::doc::publish::publish`] then
//!   counts the revision against the file on GitHub.
//! - Order: members and items stand in `theirs`' order (the file on
//!   GitHub); one that only `ours` has comes after the one that precedes
//!   it in `ours` (at the start, when none does) and after what `theirs`
//!   added at that place, as if our edit came second: our new events,
//!   added at the end, follow GitHub's new ones, in our order. Layouts
//!   are `theirs`' where it has the value.
//! - When neither side changed anything, the result is `theirs`.
//! - Unknown members (`x-…`) are merged by the same rules and kept.
//!
//! Time and the network are not here: the editor fetches `theirs`.

use crate::doc::changes::{
    self, is_array, is_bookkeeping, items_by_id, join, label, members, same, shown, title_of,
    FieldChange, Key,
};
use crate::doc::write::to_text;
use crate::doc::{Doc, Value};
use crate::load::json::SyntaxError;
use crate::model::text::{Lang, Text};
use std::collections::{HashMap, HashSet};

/// One side of a merge: the maintainer's draft, or the file on GitHub.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

impl Side {
    /// What the choice is called: こちら / GitHub.
    pub fn label(self) -> Text {
        match self {
            Side::Ours => Text::fixed("こちら（この端末の下書き）", "Yours (this device's draft)"),
            Side::Theirs => Text::fixed("GitHub（新しいファイル）", "GitHub (the newer file)"),
        }
    }
}

/// How the two sides disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    /// Both changed it (or both added it), to different values.
    BothChanged,
    /// We removed it; GitHub changed it.
    RemovedByUs,
    /// GitHub removed it; we changed it.
    RemovedByThem,
}

/// One side's value in a conflict: as in the file, and as read
/// ([`changes::shown`]); `None` where the side has none.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub value: Option<Value>,
    pub shown: Option<Text>,
}

/// A real conflict: the same field of the same item changed differently
/// on both sides, or an item removed on one side and changed on the other.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// The top-level member: `events`, `projects`, `site`, …
    pub member: String,
    /// The event's (project's) id; empty for a member that is not a list.
    pub id: String,
    /// The event's title (a project's name, else the member's label).
    pub title: Text,
    /// The field below the item, with dots (`venue.name`); empty when the
    /// whole item is in question (removed on one side).
    pub field: String,
    /// The field's label (参加費 / Fee), or 予定そのもの for a whole event.
    pub label: Text,
    pub base: Version,
    pub ours: Version,
    pub theirs: Version,
    /// For a whole item removed on one side: what the other side changed
    /// in it, field by field (empty otherwise).
    pub changed: Vec<FieldChange>,
}

impl Conflict {
    /// The conflict in one sentence, Japanese and English.
    pub fn describe(&self) -> Text {
        let none = Text::fixed("（なし）", "(none)");
        let read = |v: &Version, lang| v.shown.as_ref().unwrap_or(&none).get(lang).to_string();
        let (t, l) = (&self.title, &self.label);
        let (tj, te, lj, le) = (&t.ja, t.get(Lang::En), &l.ja, l.get(Lang::En));
        let (oj, oe) = (read(&self.ours, Lang::Ja), read(&self.ours, Lang::En));
        let (hj, he) = (read(&self.theirs, Lang::Ja), read(&self.theirs, Lang::En));
        let whole = self.field.is_empty();
        match self.kind {
            ConflictKind::BothChanged => Text::both(
                format!("「{tj}」の{lj}が両方で変更されています。こちら: {oj}／GitHub: {hj}（元: {}）", read(&self.base, Lang::Ja)),
                format!("{le} of “{te}” was changed on both sides: yours: {oe}; on GitHub: {he} (was: {})", read(&self.base, Lang::En)),
            ),
            ConflictKind::RemovedByUs if whole => Text::both(
                format!("「{tj}」はこちらで削除しましたが、GitHubでは変更されています。削除するか、GitHubの版を残すかを選んでください"),
                format!("You removed “{te}”, but it was changed on GitHub: remove it, or keep GitHub's version?"),
            ),
            ConflictKind::RemovedByThem if whole => Text::both(
                format!("「{tj}」はGitHubで削除されましたが、こちらで変更しています。こちらの版を残すか、削除するかを選んでください"),
                format!("“{te}” was removed on GitHub, but you changed it: keep your version, or remove it?"),
            ),
            ConflictKind::RemovedByUs => Text::both(
                format!("「{tj}」の{lj}をこちらで消しましたが、GitHubでは {hj} に変更されています"),
                format!("You cleared {le} of “{te}”, but it was changed to {he} on GitHub"),
            ),
            ConflictKind::RemovedByThem => Text::both(
                format!("「{tj}」の{lj}はGitHubで消されましたが、こちらでは {oj} に変更しています"),
                format!("{le} of “{te}” was cleared on GitHub, but you changed it to {oe}"),
            ),
        }
    }
}

/// Which input of [`merge_text`] is not JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Base,
    Ours,
    Theirs,
}

/// An input of [`merge_text`] that is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub input: Input,
    pub error: SyntaxError,
}

/// A merge: the merged document (each conflict, until resolved, taking
/// `theirs`) and the conflicts, in file order.
#[derive(Debug, Clone)]
pub struct Merge {
    pub doc: Doc,
    pub conflicts: Vec<Conflict>,
    /// base, ours, theirs: for resolving.
    sides: Box<[Doc; 3]>,
    /// The text of the side taken whole, when the other changed nothing
    /// and the inputs were texts.
    whole: Option<String>,
}

/// Merges `ours` and `theirs`, both changed from `base`.
pub fn merge(base: &Doc, ours: &Doc, theirs: &Doc) -> Merge {
    let sides = Box::new([base.clone(), ours.clone(), theirs.clone()]);
    let (doc, conflicts) = run(&sides, &[]);
    Merge {
        doc,
        conflicts,
        sides,
        whole: None,
    }
}

/// Merges texts: when one side changed nothing, the result is the other
/// side's text as it is, byte for byte.
///
/// # Errors
/// Which input is not JSON, and where.
///
/// # Example
/// ```
/// use iguren_calendar::doc::merge::{merge_text, Side};
/// let base = r#"{"events": [{"id": "a", "fee": "1,000円", "title": "例会"}]}"#;
/// let ours = r#"{"events": [{"id": "a", "fee": "2,000円", "title": "例会"}]}"#;
/// let theirs = r#"{"events": [{"id": "a", "fee": "1,500円", "title": "第2回例会"}]}"#;
/// let m = merge_text(base, ours, theirs).unwrap();
/// assert_eq!(m.conflicts.len(), 1);
/// assert_eq!(m.conflicts[0].label.ja, "参加費");
/// assert_eq!(
///     m.resolve_text(&[Side::Ours]),
///     "{\"events\": [{\"id\": \"a\", \"fee\": \"2,000円\", \"title\": \"第2回例会\"}]}\n"
/// );
/// ```
pub fn merge_text(base: &str, ours: &str, theirs: &str) -> Result<Merge, Unreadable> {
    let parse = |text, input| Doc::parse(text).map_err(|error| Unreadable { input, error });
    let docs = [
        parse(base, Input::Base)?,
        parse(ours, Input::Ours)?,
        parse(theirs, Input::Theirs)?,
    ];
    let mut m = merge(&docs[0], &docs[1], &docs[2]);
    m.whole = match taken_whole(&m.sides) {
        Some(Side::Ours) => Some(ours.to_string()),
        Some(Side::Theirs) => Some(theirs.to_string()),
        None => None,
    };
    Ok(m)
}

impl Merge {
    /// Whether nothing needs asking.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// The merged text (conflicts taking `theirs`).
    pub fn text(&self) -> String {
        self.whole.clone().unwrap_or_else(|| to_text(&self.doc))
    }

    /// The document with each conflict settled by `choices`, one per
    /// conflict in order (a conflict without a choice takes `theirs`).
    pub fn resolve(&self, choices: &[Side]) -> Doc {
        if self.conflicts.is_empty() {
            return self.doc.clone();
        }
        run(&self.sides, choices).0
    }

    /// The final text with each conflict settled by `choices`.
    pub fn resolve_text(&self, choices: &[Side]) -> String {
        if self.conflicts.is_empty() {
            return self.text();
        }
        to_text(&self.resolve(choices))
    }
}

/// The side that is the result whole because the other changed nothing.
fn taken_whole([base, ours, theirs]: &[Doc; 3]) -> Option<Side> {
    if ours.root.same(&base.root) || ours.root.same(&theirs.root) {
        Some(Side::Theirs)
    } else if theirs.root.same(&base.root) {
        Some(Side::Ours)
    } else {
        None
    }
}

fn run(sides: &[Doc; 3], choices: &[Side]) -> (Doc, Vec<Conflict>) {
    let [base, ours, theirs] = sides;
    match taken_whole(sides) {
        Some(Side::Theirs) => return (theirs.clone(), Vec::new()),
        Some(Side::Ours) => return (ours.clone(), Vec::new()),
        None => {}
    }
    let mut m = Merger {
        choices,
        names: theirs,
        conflicts: Vec::new(),
    };
    let root = m.value(
        &Place::default(),
        Some(&base.root),
        Some(&ours.root),
        Some(&theirs.root),
    );
    let root = root.unwrap_or_else(Value::object);
    (Doc { root }, m.conflicts)
}

/// Where a value stands: its top-level member, the item of that member's
/// list, the field below.
#[derive(Clone, Default)]
struct Place {
    member: Option<String>,
    item: Option<(String, Text)>,
    field: String,
}

impl Place {
    fn child(&self, key: &str) -> Place {
        match self.member {
            None => Place {
                member: Some(key.to_string()),
                ..Place::default()
            },
            Some(_) => Place {
                field: join(&self.field, key),
                ..self.clone()
            },
        }
    }

    fn member(&self) -> &str {
        self.member.as_deref().unwrap_or("")
    }
}

struct Merger<'a> {
    choices: &'a [Side],
    /// Where project names are read for the conflicts' values.
    names: &'a Doc,
    conflicts: Vec<Conflict>,
}

impl Merger<'_> {
    /// The merged value at `at` (`None`: absent), from its three versions.
    fn value(
        &mut self,
        at: &Place,
        b: Option<&Value>,
        o: Option<&Value>,
        t: Option<&Value>,
    ) -> Option<Value> {
        if same(o, b) || same(o, t) {
            return t.cloned();
        }
        if same(t, b) {
            return o.cloned();
        }
        if is_bookkeeping(at.member(), at.item.is_some(), &at.field) {
            return later(o, t).cloned();
        }
        if let (Some(ov @ Value::Object { .. }), Some(tv @ Value::Object { layout, .. })) = (o, t) {
            let bm = b.map(members).unwrap_or_default();
            let merged = self.entries(at, false, &bm, &members(ov), &members(tv));
            return Some(Value::Object {
                members: merged.into_iter().map(|((k, _), v)| (k, v)).collect(),
                layout: *layout,
            });
        }
        let top = at.member.is_some() && at.item.is_none() && at.field.is_empty();
        if let (true, true, Some(Value::Array { layout, .. })) = (top, is_array(o), t) {
            let lists = (items_by_id(b), items_by_id(o), items_by_id(t));
            if let (Some(bi), Some(oi), Some(ti)) = lists {
                let merged = self.entries(at, true, &bi, &oi, &ti);
                return Some(Value::Array {
                    items: merged.into_iter().map(|(_, v)| v).collect(),
                    layout: *layout,
                });
            }
        }
        self.conflict(at, b, o, t)
    }

    /// Merges an object's members (`list` false) or a top-level list's
    /// items by id (`list` true): `theirs`' order, with what only `ours`
    /// has after its predecessor in `ours`.
    fn entries(
        &mut self,
        at: &Place,
        list: bool,
        b: &[(Key, &Value)],
        o: &[(Key, &Value)],
        t: &[(Key, &Value)],
    ) -> Vec<(Key, Value)> {
        let bm: HashMap<&Key, &Value> = b.iter().map(|(k, v)| (k, *v)).collect();
        let om: HashMap<&Key, &Value> = o.iter().map(|(k, v)| (k, *v)).collect();
        let theirs: HashSet<&Key> = t.iter().map(|(k, _)| k).collect();
        let place = |k: &Key, item: &Value| {
            if list {
                Place {
                    item: Some((k.0.clone(), title_of(item))),
                    ..at.clone()
                }
            } else {
                at.child(&k.0)
            }
        };
        let mut merged = Vec::new();
        for (k, tv) in t {
            let (bv, ov) = (bm.get(k).copied(), om.get(k).copied());
            if let Some(v) = self.value(&place(k, tv), bv, ov, Some(tv)) {
                merged.push((k.clone(), v));
            }
        }
        let present: HashSet<Key> = merged.iter().map(|(k, _)| k.clone()).collect();
        // What only ours has, by the key it follows in ours.
        let mut after: HashMap<Option<Key>, Vec<(Key, Value)>> = HashMap::new();
        let mut anchor: Option<Key> = None;
        for (k, ov) in o {
            if present.contains(k) {
                anchor = Some(k.clone());
            } else if !theirs.contains(k) {
                let bv = bm.get(k).copied();
                if let Some(v) = self.value(&place(k, ov), bv, Some(ov), None) {
                    after
                        .entry(anchor.clone())
                        .or_default()
                        .push((k.clone(), v));
                }
            }
        }
        // Ours come after what theirs added at the same place, as if
        // our edit came second.
        let added = |k: &Key| !bm.contains_key(k) && !om.contains_key(k);
        let mut waiting = after.remove(&None).unwrap_or_default();
        let mut out = Vec::with_capacity(merged.len() + waiting.len());
        for (k, v) in merged {
            if !added(&k) {
                out.append(&mut waiting);
            }
            waiting.extend(after.remove(&Some(k.clone())).unwrap_or_default());
            out.push((k, v));
        }
        out.append(&mut waiting);
        out
    }

    /// Records a conflict at `at`; the value is the chosen side's.
    fn conflict(
        &mut self,
        at: &Place,
        b: Option<&Value>,
        o: Option<&Value>,
        t: Option<&Value>,
    ) -> Option<Value> {
        let side = self.choices.get(self.conflicts.len()).copied();
        let member = at.member().to_string();
        let (id, title) = match &at.item {
            Some((id, title)) => (id.clone(), title.clone()),
            None => (String::new(), label(&member, "")),
        };
        let whole = at.item.is_some() && at.field.is_empty();
        let kind = match (o, t) {
            (None, _) => ConflictKind::RemovedByUs,
            (_, None) => ConflictKind::RemovedByThem,
            _ => ConflictKind::BothChanged,
        };
        let version = |v: Option<&Value>| Version {
            value: v.cloned(),
            shown: v.map(|v| match whole {
                true => title_of(v),
                false => shown(self.names, &member, &at.field, v),
            }),
        };
        let changed = match (whole, kind) {
            (true, ConflictKind::RemovedByUs) => changes::item_fields(self.names, &member, b, t),
            (true, ConflictKind::RemovedByThem) => changes::item_fields(self.names, &member, b, o),
            _ => Vec::new(),
        };
        let label = match (whole, member.as_str()) {
            (true, "events") => Text::fixed("予定そのもの", "The event itself"),
            (true, _) => Text::fixed("項目そのもの", "The item itself"),
            (false, _) => label(&member, &at.field),
        };
        self.conflicts.push(Conflict {
            kind,
            member: member.clone(),
            id,
            title,
            field: at.field.clone(),
            label,
            base: version(b),
            ours: version(o),
            theirs: version(t),
            changed,
        });
        match side {
            Some(Side::Ours) => o.cloned(),
            _ => t.cloned(),
        }
    }
}

/// Of two bookkeeping values, the higher revision or the later time
/// (either, when only one is there).
fn later<'a>(o: Option<&'a Value>, t: Option<&'a Value>) -> Option<&'a Value> {
    let (Some(ov), Some(tv)) = (o, t) else {
        return o.or(t);
    };
    let ours_later = match (ov, tv) {
        (Value::Number(a), Value::Number(b)) => {
            let n = |s: &str| s.parse::<f64>().unwrap_or(0.0);
            n(a) > n(b)
        }
        (Value::String { value: a, .. }, Value::String { value: b, .. }) => {
            match (crate::load::parse_instant(a), crate::load::parse_instant(b)) {
                (Ok(x), Ok(y)) => x > y,
                _ => a > b,
            }
        }
        _ => false,
    };
    if ours_later {
        o
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(base: &str, ours: &str, theirs: &str) -> Merge {
        merge_text(base, ours, theirs).unwrap()
    }

    #[test]
    fn a_side_that_changed_nothing_gives_the_other_byte_for_byte() {
        let base = "{\"events\": [{\"id\": \"a\", \"title\": \"例会\"}]}\n";
        // Written another way, the same JSON: no change.
        let ours = "{ \"events\" :[ {\"title\":\"例会\",\"id\":\"a\"} ] }";
        let theirs = "{\"events\":[{\"id\":\"a\",\"title\":\"\\u4f8b\\u4f1a2\"}]}";
        assert_eq!(run(base, ours, theirs).text(), theirs);
        assert_eq!(run(base, theirs, ours).text(), theirs);
        assert_eq!(run(base, theirs, theirs).text(), theirs);
        assert!(run(base, ours, theirs).is_clean());
    }

    #[test]
    fn members_merge_one_by_one_in_theirs_order_with_ours_new_after_their_predecessor() {
        let base = r#"{"a": 1, "v": {"name": "x", "room": "1"}, "b": 2}"#;
        let ours = r#"{"a": 1, "n": 0, "v": {"name": "y", "room": "1"}, "b": 2}"#;
        let theirs = r#"{"b": 3, "a": 1, "v": {"room": "2", "name": "x"}}"#;
        let m = run(base, ours, theirs);
        assert!(m.is_clean());
        assert_eq!(
            m.text(),
            "{\"b\": 3, \"a\": 1, \"n\": 0, \"v\": {\"room\": \"2\", \"name\": \"y\"}}\n"
        );
    }

    #[test]
    fn bookkeeping_takes_the_higher_revision_and_the_later_time() {
        let event = |title: &str, fee: &str, revision: u32, updated: &str| {
            format!(
                r#"{{"site": {{"updated": "{updated}"}}, "events": [{{"id": "a", "title": "{title}", "fee": "{fee}", "revision": {revision}, "updated": "{updated}"}}]}}"#
            )
        };
        let base = event("例会", "1,000円", 1, "2004-01-01T09:00:00+09:00");
        let ours = event("例会", "2,000円", 2, "2004-01-03T09:00:00+09:00");
        let theirs = event("新年会", "1,000円", 3, "2004-01-02T09:00:00Z");
        let m = run(&base, &ours, &theirs);
        assert!(m.is_clean(), "{:?}", m.conflicts);
        assert_eq!(
            m.text(),
            "{\"site\": {\"updated\": \"2004-01-03T09:00:00+09:00\"}, \"events\": [{\"id\": \"a\", \"title\": \"新年会\", \"fee\": \"2,000円\", \"revision\": 3, \"updated\": \"2004-01-03T09:00:00+09:00\"}]}\n"
        );
        // 2 January 09:00 UTC is later than 10:00 in Tokyo (01:00 UTC),
        // though its text sorts first.
        let ours = event("例会", "2,000円", 2, "2004-01-02T10:00:00+09:00");
        let text = run(&base, &ours, &theirs).text();
        assert!(
            text.contains("\"revision\": 3, \"updated\": \"2004-01-02T09:00:00Z\""),
            "{text}"
        );
    }

    #[test]
    fn a_field_cleared_on_one_side_and_changed_on_the_other() {
        let base = r#"{"events": [{"id": "a", "title": "例会", "fee": "1,000円"}]}"#;
        let ours = r#"{"events": [{"id": "a", "title": "例会"}]}"#;
        let theirs = r#"{"events": [{"id": "a", "title": "例会", "fee": "2,000円"}]}"#;
        let m = run(base, ours, theirs);
        let c = &m.conflicts[0];
        assert_eq!(
            (c.kind, c.field.as_str()),
            (ConflictKind::RemovedByUs, "fee")
        );
        assert_eq!(
            c.describe().ja,
            "「例会」の参加費をこちらで消しましたが、GitHubでは 2,000円 に変更されています"
        );
        assert_eq!(m.resolve_text(&[Side::Ours]), format!("{ours}\n"));
        let m = run(base, theirs, ours);
        assert_eq!(m.conflicts[0].kind, ConflictKind::RemovedByThem);
        assert_eq!(
            m.conflicts[0].describe().get(Lang::En),
            "Fee of “例会” was cleared on GitHub, but you changed it to 2,000円"
        );
    }

    #[test]
    fn inputs_that_are_not_json_are_named() {
        let ok = "{}";
        let err = merge_text(ok, ok, "{").unwrap_err();
        assert_eq!(err.input, Input::Theirs);
        assert_eq!(merge_text("[", ok, ok).unwrap_err().input, Input::Base);
        assert_eq!(merge_text(ok, "x", ok).unwrap_err().input, Input::Ours);
    }

    #[test]
    fn a_file_that_is_not_an_object_is_one_value() {
        let m = run("[1]", "[2]", "[3]");
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.resolve_text(&[Side::Ours]), "[2]\n");
        assert_eq!(m.resolve_text(&[]), "[3]\n");
    }
}
