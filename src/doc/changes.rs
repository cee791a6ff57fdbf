//! The change review (変更点) as data: what a draft changes in the
//! published file, item by item (an event added, changed, cancelled or
//! removed; a project likewise; the site's settings changed) and field by
//! field, old → new. Each field is named by its label and each value is
//! written as the maintainer reads it (`2004年2月25日(水) 18:00`, 中止, a
//! project by its name), in Japanese and English. The editor shows it
//! before anything leaves the phone; the merge ([`super::merge`]) names its
//! conflicts with the same labels ([`label`]) and values ([`shown`]).
//!
//! The bookkeeping that the editor and publishing keep by themselves (an
//! event's `revision` and `updated`, the site's `updated`, see
//! [`is_bookkeeping`]) is not the maintainer's change and is left out: an
//! event that differs only there is not listed.

use crate::doc::fields::{
    FIELDS, MEMBER_LABELS, OTHER_EVENT_LABELS, PROJECT_LABELS, SITE_LABELS, STATUSES,
};
use crate::doc::{draft, form, input, publish, Doc, Value};
use crate::jp::{format_date, format_instant_tokyo, format_time};
use crate::model::text::{Lang, Text};
use std::collections::HashMap;

/// What happened to an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Added,
    Changed,
    /// An event whose `status` became `cancelled` (other fields may have
    /// changed with it; they are listed too).
    Cancelled,
    Removed,
}

impl Kind {
    /// 追加 / 変更 / 中止 / 削除.
    pub fn label(self) -> Text {
        match self {
            Kind::Added => Text::fixed("追加", "Added"),
            Kind::Changed => Text::fixed("変更", "Changed"),
            Kind::Cancelled => Text::fixed("中止", "Cancelled"),
            Kind::Removed => Text::fixed("削除", "Removed"),
        }
    }
}

/// One field, old → new.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// The field's path below its item, with dots (`venue.name`); empty
    /// for a top-level member that is not an object.
    pub field: String,
    pub label: Text,
    /// The value as read, `None` where the field is absent.
    pub old: Option<Text>,
    pub new: Option<Text>,
}

/// What a draft changes in one item (an event, a project) or in one
/// top-level member (the site's settings).
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: Kind,
    /// The top-level member it is in: `events`, `projects`, `site`, …
    pub member: String,
    /// The item's id; empty for a member that is not a list (`site`).
    pub id: String,
    /// The event's title (a project's name; the member's label for `site`).
    pub title: Text,
    /// Each field that differs, in the draft's order then the removed
    /// ones: every field for an added item, none for a removed one.
    pub fields: Vec<FieldChange>,
}

/// What `draft` changes in `published`: the events first, in the draft's
/// order (the removed ones after), then the other members' changes.
pub fn changes(published: &Doc, draft: &Doc) -> Vec<Change> {
    let (mut events, mut others) = (Vec::new(), Vec::new());
    let (old, new) = (members(&published.root), members(&draft.root));
    for (key, old_value, new_value) in pairs(&old, &new) {
        let member = key.0.as_str();
        let out = if member == "events" {
            &mut events
        } else {
            &mut others
        };
        let listed = [old_value, new_value].iter().any(|v| is_array(*v));
        match (items_by_id(old_value), items_by_id(new_value)) {
            (Some(old_items), Some(new_items)) if listed => {
                item_changes(draft, member, &old_items, &new_items, out);
            }
            _ => {
                let mut fields = Vec::new();
                diff(draft, member, false, "", old_value, new_value, &mut fields);
                if !fields.is_empty() {
                    out.push(Change {
                        kind: kind_of(old_value, new_value),
                        member: member.to_string(),
                        id: String::new(),
                        title: label(member, ""),
                        fields,
                    });
                }
            }
        }
    }
    events.extend(others);
    events
}

/// Added, removed or changed, by which side has the value.
fn kind_of(old: Option<&Value>, new: Option<&Value>) -> Kind {
    match (old, new) {
        (None, _) => Kind::Added,
        (_, None) => Kind::Removed,
        _ => Kind::Changed,
    }
}

pub(crate) fn is_array(v: Option<&Value>) -> bool {
    matches!(v, Some(Value::Array { .. }))
}

/// The changes of the items of one top-level list.
fn item_changes(
    names: &Doc,
    member: &str,
    old: &[(Key, &Value)],
    new: &[(Key, &Value)],
    out: &mut Vec<Change>,
) {
    for (key, old_item, new_item) in pairs(old, new) {
        let mut fields = item_fields(names, member, old_item, new_item);
        let mut kind = kind_of(old_item, new_item);
        if kind == Kind::Removed {
            fields.clear();
        } else if fields.is_empty() {
            continue;
        }
        let cancelled = status(new_item) == Some("cancelled");
        if kind == Kind::Changed
            && member == "events"
            && cancelled
            && status(old_item) != status(new_item)
        {
            kind = Kind::Cancelled;
        }
        let title = new_item.or(old_item).map_or_else(Text::default, title_of);
        out.push(Change {
            kind,
            member: member.to_string(),
            id: key.0.clone(),
            title,
            fields,
        });
    }
}

/// The fields that differ between two versions of an item of `member`
/// (`None`: absent), bookkeeping aside: what [`changes`] lists for it.
/// Values are read with the projects of `names`.
pub fn item_fields(
    names: &Doc,
    member: &str,
    old: Option<&Value>,
    new: Option<&Value>,
) -> Vec<FieldChange> {
    let mut out = Vec::new();
    diff(names, member, true, "", old, new, &mut out);
    out
}

/// The fields that differ between `old` and `new` (an item, or a
/// member's value), below `prefix`. Objects are compared member by
/// member; anything else (a list, a text) as a whole.
fn diff(
    names: &Doc,
    member: &str,
    item: bool,
    prefix: &str,
    old: Option<&Value>,
    new: Option<&Value>,
    out: &mut Vec<FieldChange>,
) {
    let object_or_none = |v: Option<&Value>| v.is_none_or(|v| matches!(v, Value::Object { .. }));
    if (old.is_some() || new.is_some()) && object_or_none(old) && object_or_none(new) {
        let (o, n) = (
            old.map(members).unwrap_or_default(),
            new.map(members).unwrap_or_default(),
        );
        for (key, o, n) in pairs(&o, &n) {
            let field = join(prefix, &key.0);
            if !is_bookkeeping(member, item, &field) {
                diff(names, member, item, &field, o, n, out);
            }
        }
        return;
    }
    if !same(old, new) {
        let read = |v: Option<&Value>| v.map(|v| shown(names, member, prefix, v));
        out.push(FieldChange {
            field: prefix.to_string(),
            label: label(member, prefix),
            old: read(old),
            new: read(new),
        });
    }
}

/// Whether two versions are the same JSON ([`Value::same`]), or both
/// absent.
pub(crate) fn same(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.same(b),
        (a, b) => a.is_none() && b.is_none(),
    }
}

/// `prefix.key`, or `key` at the top.
pub(crate) fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// Whether `field` (of an item of `member` when `item`, else of the
/// member itself) is bookkeeping that the editor and publishing keep by
/// themselves: an event's `revision` and `updated`, the site's `updated`.
pub fn is_bookkeeping(member: &str, item: bool, field: &str) -> bool {
    match (member, item) {
        ("events", true) => publish::BOOKKEEPING.contains(&field),
        ("site", false) => field == "updated",
        _ => false,
    }
}

/// A member's key, or a list item's id, with which one of that name it is
/// (0 for the first): files may repeat a key or an id, and each is kept.
pub(crate) type Key = (String, usize);

/// Numbers repeated names: `[a, b, a]` is `[(a,0), (b,0), (a,1)]`.
fn numbered<'a>(names: impl Iterator<Item = (String, &'a Value)>) -> Vec<(Key, &'a Value)> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    names
        .map(|(name, v)| {
            let n = seen.entry(name.clone()).or_default();
            *n += 1;
            ((name, *n - 1), v)
        })
        .collect()
}

/// An object's members by key (none for anything else).
pub(crate) fn members(v: &Value) -> Vec<(Key, &Value)> {
    match v {
        Value::Object { members, .. } => numbered(members.iter().map(|(k, v)| (k.clone(), v))),
        _ => Vec::new(),
    }
}

/// A list's items by id, when every item is an object (those without an
/// id are keyed by the empty id); `None` for a list of anything else or a
/// value that is not a list. No list at all is an empty one.
pub(crate) fn items_by_id(v: Option<&Value>) -> Option<Vec<(Key, &Value)>> {
    let items = match v {
        None => return Some(Vec::new()),
        Some(Value::Array { items, .. }) => items,
        Some(_) => return None,
    };
    if !items.iter().all(|i| matches!(i, Value::Object { .. })) {
        return None;
    }
    let id = |i: &Value| {
        i.get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    Some(numbered(items.iter().map(|i| (id(i), i))))
}

/// Both sides by key: `new`'s order, then what only `old` has.
fn pairs<'a>(
    old: &[(Key, &'a Value)],
    new: &[(Key, &'a Value)],
) -> Vec<(Key, Option<&'a Value>, Option<&'a Value>)> {
    let old_map: HashMap<&Key, &Value> = old.iter().map(|(k, v)| (k, *v)).collect();
    let new_map: HashMap<&Key, &Value> = new.iter().map(|(k, v)| (k, *v)).collect();
    let mut out: Vec<_> = new
        .iter()
        .map(|(k, v)| (k.clone(), old_map.get(k).copied(), Some(*v)))
        .collect();
    out.extend(
        old.iter()
            .filter(|(k, _)| !new_map.contains_key(k))
            .map(|(k, v)| (k.clone(), Some(*v), None)),
    );
    out
}

/// An event's `status`, when it has one.
fn status(event: Option<&Value>) -> Option<&str> {
    event.and_then(|e| e.get("status")).and_then(Value::as_str)
}

/// What an item is called: an event's `title` (with `titleEn`), a
/// project's `name` (a text or `{ "ja", "en" }`), else its id.
pub fn title_of(item: &Value) -> Text {
    let text = |k: &str| item.get(k).and_then(Value::as_str).map(str::to_string);
    if let Some(title) = text("title") {
        return match text("titleEn") {
            Some(en) => Text::both(title, en),
            None => Text::new(title),
        };
    }
    match item.get("name") {
        Some(Value::String { value, .. }) => Text::new(value.clone()),
        Some(name @ Value::Object { .. }) => {
            let part = |k: &str| name.get(k).and_then(Value::as_str).map(str::to_string);
            match (part("ja"), part("en")) {
                (Some(ja), Some(en)) => Text::both(ja, en),
                (Some(ja), None) => Text::new(ja),
                (None, _) => Text::new(text("id").unwrap_or_default()),
            }
        }
        _ => Text::new(text("id").unwrap_or_default()),
    }
}

fn fixed(pair: &(&'static str, &'static str)) -> Text {
    Text::fixed(pair.0, pair.1)
}

fn lookup(table: &[(&str, (&'static str, &'static str))], field: &str) -> Option<Text> {
    table
        .iter()
        .find(|(n, _)| *n == field)
        .map(|(_, l)| fixed(l))
}

/// The label of a field known by its path, `None` when unknown.
fn known(member: &str, field: &str) -> Option<Text> {
    // `start` and `end` whole first: the form's are their day parts.
    let event = || {
        lookup(OTHER_EVENT_LABELS, field).or_else(|| {
            FIELDS
                .iter()
                .find(|f| f.name == field)
                .map(|f| fixed(&f.label))
        })
    };
    match member {
        "events" => event(),
        "projects" => lookup(PROJECT_LABELS, field).or_else(event),
        "site" => lookup(SITE_LABELS, field),
        _ => None,
    }
}

/// What a field is called, in Japanese and English: the form's label
/// (`fee` is 参加費 / Fee), else the file's (`site.updated`); a text's
/// language part is its field's label with the language (名前（英語）);
/// a field the program does not know is called by its path. `field`
/// empty names the member itself (予定 / Events).
pub fn label(member: &str, field: &str) -> Text {
    if field.is_empty() {
        return lookup(MEMBER_LABELS, member).unwrap_or_else(|| Text::new(member.to_string()));
    }
    if let Some(l) = known(member, field) {
        return l;
    }
    if let Some((parent, part)) = field.rsplit_once('.') {
        if let Some(l) = known(member, parent) {
            let (ja, en) = match part {
                "ja" => ("（日本語）".to_string(), " (Japanese)".to_string()),
                "en" => ("（英語）".to_string(), " (English)".to_string()),
                _ => (format!("・{part}"), format!(" / {part}")),
            };
            return Text::both(format!("{}{ja}", l.ja), format!("{}{en}", l.get(Lang::En)));
        }
    }
    Text::new(field.to_string())
}

/// A value as the maintainer reads it: days and times as
/// `2004年2月25日(水) 18:00` / `Wed, Feb 25, 2004, 18:00`, `updated` in
/// Tokyo time, a status by its label, a project by its name in `names`,
/// speakers as `名前（所属）、名前`, a programme a line a row; anything else
/// as the text, or the JSON, it is.
pub fn shown(names: &Doc, member: &str, field: &str, value: &Value) -> Text {
    let both = |f: &dyn Fn(Lang) -> String| Text::both(f(Lang::Ja), f(Lang::En));
    match value {
        Value::String { value: s, .. } => {
            let read = match (member, field) {
                ("events", "start" | "end" | "registration.deadline") => moment(s).map(|(d, t)| {
                    both(&|lang| match t {
                        Some(t) => format!(
                            "{}{}{}",
                            format_date(d, lang),
                            lang.pick(" ", ", "),
                            format_time(t)
                        ),
                        None => format_date(d, lang),
                    })
                }),
                ("events" | "site", "updated") => crate::load::parse_instant(s)
                    .ok()
                    .map(|utc| both(&|lang| format_instant_tokyo(utc, lang))),
                ("events", "status") => {
                    STATUSES.iter().find(|(v, _)| v == s).map(|(_, l)| fixed(l))
                }
                ("events", "project") => project_name(names, s),
                _ => None,
            };
            read.unwrap_or_else(|| Text::new(s.clone()))
        }
        Value::Array { .. } if field == "speakers" || field.ends_with(".speakers") => {
            Text::new(form::speakers_cell(Some(value)))
        }
        Value::Array { items, .. } if member == "events" && field == "program" => {
            Text::new(items.iter().map(program_row).collect::<Vec<_>>().join("\n"))
        }
        other => {
            let json = crate::doc::write::to_text(&Doc {
                root: other.clone(),
            });
            Text::new(json.trim_end().to_string())
        }
    }
}

/// A stored `start`/`end`: its day and, when timed, its time.
fn moment(s: &str) -> Option<(chrono::NaiveDate, Option<chrono::NaiveTime>)> {
    match s.split_once(['T', ' ']) {
        None => Some((crate::load::parse_date(s).ok()?, None)),
        Some((d, t)) => Some((
            crate::load::parse_date(d).ok()?,
            Some(input::parse_clock(t).ok()?),
        )),
    }
}

/// A project's name in both languages, from the projects of `names`.
fn project_name(names: &Doc, id: &str) -> Option<Text> {
    let name = |lang| {
        draft::projects(names, lang)
            .into_iter()
            .find(|p| p.0 == id)
            .map(|p| p.1)
    };
    Some(Text::both(name(Lang::Ja)?, name(Lang::En)?))
}

/// A programme row in one line: `18:10 挨拶（瀧澤会長）`.
fn program_row(row: &Value) -> String {
    let text = |k: &str| row.get(k).and_then(Value::as_str).unwrap_or("");
    let speakers = form::speakers_cell(row.get("speakers"));
    let mut line = [text("time"), text("title")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if !speakers.is_empty() {
        line.push_str(&format!("（{speakers}）"));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_named_by_their_labels() {
        let both = |t: Text| (t.ja.to_string(), t.get(Lang::En).to_string());
        let pair = |ja: &str, en: &str| (ja.to_string(), en.to_string());
        assert_eq!(both(label("events", "fee")), pair("参加費", "Fee"));
        assert_eq!(both(label("events", "venue.name")), pair("会場", "Venue"));
        assert_eq!(both(label("events", "start")), pair("開始日時", "Start"));
        assert_eq!(
            both(label("site", "name.ja")),
            pair("カレンダーの名前（日本語）", "Calendar name (Japanese)")
        );
        assert_eq!(
            both(label("projects", "contact.phone")),
            pair("電話", "Phone")
        );
        assert_eq!(
            both(label("events", "venue.x-floor")),
            pair("会場・x-floor", "Venue / x-floor")
        );
        assert_eq!(both(label("events", "x-memo")), pair("x-memo", "x-memo"));
        assert_eq!(
            both(label("site", "")),
            pair("サイトの設定", "Site settings")
        );
    }

    #[test]
    fn values_read_as_the_maintainer_reads_them() {
        let names = Doc::parse(
            r#"{"projects": [{"id": "nikkan", "name": {"ja": "日韓ビジネス協議会", "en": "Japan–Korea Business Council"}}]}"#,
        )
        .unwrap();
        let read = |field: &str, json: &str| {
            let v = Doc::parse(json).unwrap().root;
            let t = shown(&names, "events", field, &v);
            (t.ja.to_string(), t.get(Lang::En).to_string())
        };
        let pair = |ja: &str, en: &str| (ja.to_string(), en.to_string());
        assert_eq!(
            read("start", r#""2004-02-25T18:30""#),
            pair("2004年2月25日(水) 18:30", "Wed, Feb 25, 2004, 18:30")
        );
        assert_eq!(
            read("end", r#""2004-02-06""#),
            pair("2004年2月6日(金)", "Fri, Feb 6, 2004")
        );
        assert_eq!(read("start", r#""来週""#), pair("来週", "来週"));
        assert_eq!(read("status", r#""cancelled""#), pair("中止", "Cancelled"));
        assert_eq!(
            read("project", r#""nikkan""#),
            pair("日韓ビジネス協議会", "Japan–Korea Business Council")
        );
        assert_eq!(read("project", r#""other""#), pair("other", "other"));
        assert_eq!(
            read("updated", r#""2026-12-01T09:00:00+09:00""#),
            pair("2026年12月1日 9:00", "Dec 1, 2026, 9:00")
        );
        assert_eq!(
            read(
                "speakers",
                r#"[{"name": "芝 忠", "affiliation": "事務局長"}, {"name": "中島博士"}]"#
            )
            .0,
            "芝 忠（事務局長）、中島博士"
        );
        assert_eq!(
            read("program", r#"[{"time": "18:10", "title": "挨拶", "speakers": [{"name": "瀧澤会長"}]}, {"title": "懇親会"}]"#).0,
            "18:10 挨拶（瀧澤会長）\n懇親会"
        );
        assert_eq!(read("x-memo", r#"[1, 2]"#).0, "[1, 2]");
    }

    #[test]
    fn bookkeeping_alone_is_no_change() {
        let old =
            Doc::parse(r#"{"site": {"updated": "a"}, "events": [{"id": "a", "revision": 1}]}"#)
                .unwrap();
        let new = Doc::parse(
            r#"{"site": {"updated": "b"}, "events": [{"id": "a", "revision": 2, "updated": "c"}]}"#,
        )
        .unwrap();
        assert_eq!(changes(&old, &new), []);
        assert!(!is_bookkeeping("projects", true, "updated"));
    }
}
