//! Proposals (予定の提案): events sent by someone without an account, for
//! the maintainer to check and accept. A [`Proposal`] holds one or more
//! [`Item`]s (a new event, a change to a published one by its id, a
//! cancellation), who sent it (name and contact, free text) and a
//! message. It travels as a link or a file ([`link()`], [`delivery`]: the
//! encoding; `limits`: the limits and errors; `wire`: its JSON).
//!
//! What arrives is untrusted. [`review`] shows the maintainer each item
//! as it would stand in the file: the checker's problems with it (the
//! same [`crate::load`] the editor runs: http(s) links only, phone
//! numbers and e-mail addresses as they should be, no unknown fields),
//! control characters and bidirectional overrides that would hide what a
//! text says, and for a change or cancellation the field-by-field
//! difference against the current file ([`crate::doc::changes`]). Nothing
//! reaches the draft until [`apply`] is called with the items the
//! maintainer accepted; new events get ids as the editor proposes them
//! ([`draft::propose_id`]). A proposal never sets an id, the bookkeeping
//! (`revision`, `updated`) or an imported event's `origin`
//! ([`NOT_PROPOSED`]): those are left out and said.

mod limits;
mod link;
mod outbox;
mod wire;

pub use limits::{
    DecodeError, KEY, LINK_LIMIT, MAX_CONTACT, MAX_ITEMS, MAX_JSON_BYTES, MAX_LINK_CHARS,
    MAX_MESSAGE, MAX_NAME, VERSION,
};
pub use link::{decode, delivery, encode, file_name, from_file, link, to_file, Delivery};
pub use outbox::{contact_email, items_of, mailto};

use crate::doc::changes::{item_fields, title_of, FieldChange, Kind};
use crate::doc::{draft, form, Doc, Layout, Value};
use crate::model::text::Text;

/// Who sent a proposal, as they wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sender {
    pub name: String,
    /// A phone number, an e-mail address, a LINE name: free text.
    pub contact: String,
}

/// One proposed event.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A new event: its members as the form fills them (an id it has is
    /// replaced by the maintainer's).
    New(Value),
    /// A change to the event `id`: a JSON Merge Patch (RFC 7396) of its
    /// fields: an object's members are merged, `null` removes one,
    /// anything else replaces it ([`Item::change`] makes one).
    Change { id: String, patch: Value },
    /// The event `id` is cancelled (中止).
    Cancel { id: String },
}

/// A proposal: its events, who sent it and their message.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Proposal {
    pub from: Sender,
    pub message: String,
    pub items: Vec<Item>,
}

/// The members of an event that a proposal never sets.
pub const NOT_PROPOSED: &[&str] = &["id", "revision", "updated", "origin"];

impl Item {
    /// The proposer's change of `old` (the event as published) into `new`
    /// (as they edited it), or `None` when they changed nothing.
    pub fn change(old: &Value, new: &Value) -> Option<Item> {
        let id = old.get("id").and_then(Value::as_str)?.to_string();
        let mut patch = patch_of(old, new);
        if let Value::Object { members, .. } = &mut patch {
            members.retain(|(k, _)| !NOT_PROPOSED.contains(&k.as_str()));
            if members.is_empty() {
                return None;
            }
        }
        Some(Item::Change { id, patch })
    }
}

/// The merge patch (RFC 7396) that makes `old` into `new`: objects member
/// by member, anything else whole. As in RFC 7396, `null` means removed,
/// so a member whose value is `null` cannot be proposed (no field of an
/// event takes one).
pub fn patch_of(old: &Value, new: &Value) -> Value {
    let (Value::Object { members: o, .. }, Value::Object { members: n, .. }) = (old, new) else {
        return new.clone();
    };
    let mut members: Vec<(String, Value)> = n
        .iter()
        .filter_map(|(k, v)| match old.get(k) {
            Some(was) if was.same(v) => None,
            Some(was) => Some((k.clone(), patch_of(was, v))),
            None => Some((k.clone(), v.clone())),
        })
        .collect();
    let gone = o.iter().filter(|(k, _)| new.get(k).is_none());
    members.extend(gone.map(|(k, _)| (k.clone(), Value::Null)));
    Value::Object {
        members,
        layout: Layout::Auto,
    }
}

/// Applies a merge patch (RFC 7396) to `target` in place: untouched
/// members keep their place and how they were written; an object that a
/// removal leaves empty goes too.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object {
        members: changes, ..
    } = patch
    else {
        *target = patch.clone();
        return;
    };
    if !matches!(target, Value::Object { .. }) {
        *target = Value::object();
    }
    let Value::Object { members, .. } = target else {
        return;
    };
    for (key, change) in changes {
        let at = members.iter().position(|(k, _)| k == key);
        match (at, change) {
            (Some(i), Value::Null) => {
                members.remove(i);
            }
            (None, Value::Null) => {}
            (Some(i), Value::Object { .. }) => {
                let empty =
                    |v: &Value| matches!(v, Value::Object { members, .. } if members.is_empty());
                let was_empty = empty(&members[i].1);
                merge_patch(&mut members[i].1, change);
                if empty(&members[i].1) && !was_empty {
                    members.remove(i);
                }
            }
            (Some(i), _) => members[i].1 = change.clone(),
            (None, _) => {
                let mut value = Value::Null;
                merge_patch(&mut value, change);
                members.push((key.clone(), value));
            }
        }
    }
}

/// A problem with a proposed event: the field it is in (`venue.name`,
/// empty for the event itself) and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub field: String,
    pub message: Text,
}

/// One proposed event as the maintainer reviews it.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// Its place in the proposal's items.
    pub item: usize,
    /// Added, Changed or Cancelled.
    pub kind: Kind,
    /// The id it would have (a new event's as proposed now), or has.
    pub id: String,
    pub title: Text,
    /// The event as it would stand in the file; `None` when the event to
    /// change is not in it.
    pub event: Option<Value>,
    /// Field by field, old → new (every field of a new event).
    pub fields: Vec<FieldChange>,
    /// The checker's problems with it, and the proposal's own.
    pub problems: Vec<Finding>,
}

/// Each item of `proposal` as it would stand in `current` (the file the
/// maintainer has open), checked on its own, as if accepted alone: two
/// new events of one group on one day both show the same id here, and
/// [`apply`] gives the second `-2`.
pub fn review(current: &Doc, proposal: &Proposal) -> Vec<Review> {
    proposal
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| review_item(current, i, item))
        .collect()
}

fn review_item(current: &Doc, item: usize, proposed: &Item) -> Review {
    let (kind, target) = match proposed {
        Item::New(_) => (Kind::Added, None),
        Item::Change { id, .. } => (Kind::Changed, Some(id.as_str())),
        Item::Cancel { id } => (Kind::Cancelled, Some(id.as_str())),
    };
    let Ok(Placed {
        index,
        event,
        mut problems,
    }) = place(current, proposed)
    else {
        let id = target.unwrap_or_default().to_string();
        return Review {
            item,
            kind,
            title: Text::new(id.clone()),
            problems: vec![Finding {
                field: String::new(),
                message: not_found(&id),
            }],
            id,
            event: None,
            fields: Vec::new(),
        };
    };
    let old = index.and_then(|i| current.get(&format!("/events/{i}")));
    let cancelled = |e: Option<&Value>| {
        e.and_then(|e| e.get("status")).and_then(Value::as_str) == Some("cancelled")
    };
    let kind = if kind == Kind::Changed && cancelled(Some(&event)) && !cancelled(old) {
        Kind::Cancelled
    } else {
        kind
    };
    let mut copy = current.clone();
    let at = put(&mut copy, index, event.clone());
    let loaded = crate::load::load(&crate::doc::write::to_text(&copy));
    problems.extend(
        form::problems(&loaded.diagnostics, at)
            .into_iter()
            .map(|(field, d)| Finding {
                field,
                message: d.message.clone(),
            }),
    );
    hidden_characters(&event, "", &mut problems);
    Review {
        item,
        kind,
        id: event
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        title: title_of(&event),
        fields: item_fields(current, "events", old, Some(&event)),
        event: Some(event),
        problems,
    }
}

/// Where an accepted item went: its place in the proposal, the event's
/// index in the draft and its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub item: usize,
    pub index: usize,
    pub id: String,
}

/// Puts the `accepted` items of `proposal` (their places in its items, in
/// the order given) into the draft: new events at the end with proposed
/// ids (none taken), changes and cancellations into their events. The
/// editor then stamps them as it does any edit ([`draft::touch`]).
///
/// # Errors
/// For each item, in the order given: why it was not applied (the event
/// to change is not in the draft, or no such item).
pub fn apply(
    draft: &mut Doc,
    proposal: &Proposal,
    accepted: &[usize],
) -> Vec<Result<Applied, Text>> {
    accepted
        .iter()
        .map(|&item| {
            let proposed = proposal.items.get(item).ok_or_else(|| {
                Text::both(
                    format!("提案に{}件目の予定はありません", item + 1),
                    format!("the proposal has no item {}", item + 1),
                )
            })?;
            let Placed { index, event, .. } =
                place(draft, proposed).map_err(|id| not_found(&id))?;
            let id = event
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let index = put(draft, index, event);
            Ok(Applied { item, index, id })
        })
        .collect()
}

/// An item made into the event it proposes, against `doc`.
struct Placed {
    /// The index of the event it changes; `None` for a new event.
    index: Option<usize>,
    event: Value,
    /// The members it may not set, left out.
    problems: Vec<Finding>,
}

/// The event an item proposes in `doc`.
///
/// # Errors
/// The id of the event to change, when `doc` has none of that id.
fn place(doc: &Doc, item: &Item) -> Result<Placed, String> {
    let mut problems = Vec::new();
    let (index, event) = match item {
        Item::New(fields) => {
            let mut event = fields.clone();
            left_out(
                &mut event,
                &["revision", "updated", "origin"],
                &mut problems,
            );
            left_out(&mut event, &["id"], &mut Vec::new());
            if let Value::Object { members, .. } = &mut event {
                members.insert(0, ("id".into(), Value::string(new_id(doc, fields))));
            }
            (None, event)
        }
        Item::Change { id, .. } | Item::Cancel { id } => {
            let index = doc.event_index(id).ok_or_else(|| id.clone())?;
            let mut event = doc
                .get(&format!("/events/{index}"))
                .cloned()
                .unwrap_or(Value::Null);
            let mut patch = match item {
                Item::Change { patch, .. } => patch.clone(),
                _ => object([("status", Value::string("cancelled"))]),
            };
            left_out(&mut patch, NOT_PROPOSED, &mut problems);
            merge_patch(&mut event, &patch);
            (Some(index), event)
        }
    };
    Ok(Placed {
        index,
        event,
        problems,
    })
}

fn object<const N: usize>(members: [(&str, Value); N]) -> Value {
    Value::Object {
        members: members
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        layout: Layout::Auto,
    }
}

/// Removes the `keys` from an object, saying so in `problems`.
fn left_out(v: &mut Value, keys: &[&str], problems: &mut Vec<Finding>) {
    if let Value::Object { members, .. } = v {
        for (key, _) in members.iter().filter(|(k, _)| keys.contains(&k.as_str())) {
            problems.push(Finding {
                field: key.clone(),
                message: Text::both(
                    format!("「{key}」は提案では変えられないため、除きました"),
                    format!("\"{key}\" cannot be set by a proposal and was left out"),
                ),
            });
        }
        members.retain(|(k, _)| !keys.contains(&k.as_str()));
    }
}

/// Puts `event` at `index` of the draft's events, or at their end; where
/// it went.
fn put(doc: &mut Doc, index: Option<usize>, event: Value) -> usize {
    if let Some(i) = index {
        let _ = doc.set(&format!("/events/{i}"), event);
        return i;
    }
    match doc.array_or_new("/events") {
        Ok(items) => {
            items.push(event);
            items.len() - 1
        }
        Err(_) => 0,
    }
}

/// The id the editor proposes for a new event: `<project>-<first day>`
/// (`event-…` when the project is not one an id can be made of),
/// `<project>-proposal` when the day cannot be read; none taken.
fn new_id(doc: &Doc, event: &Value) -> String {
    let text = |k: &str| event.get(k).and_then(Value::as_str).unwrap_or("");
    let project = Some(text("project"))
        .filter(|p| crate::load::check_id(p).is_ok())
        .unwrap_or("event");
    let taken = draft::taken_ids(doc, usize::MAX);
    let taken = |id: &str| taken.iter().any(|t| t == id);
    match text("start")
        .get(..10)
        .and_then(|d| crate::load::parse_date(d).ok())
    {
        Some(day) => draft::propose_id(project, day, taken),
        None => {
            let base = format!("{project}-proposal");
            (1..)
                .map(|n| {
                    if n == 1 {
                        base.clone()
                    } else {
                        format!("{base}-{n}")
                    }
                })
                .find(|id| !taken(id))
                .unwrap_or(base)
        }
    }
}

fn not_found(id: &str) -> Text {
    let id = crate::load::escape_controls(id);
    Text::both(
        format!("予定「{id}」は今のファイルにありません（削除されたか、IDが違います）"),
        format!("there is no event \"{id}\" in the file now (removed, or a wrong id)"),
    )
}

/// Whether `c` changes the direction text is shown in: embeddings,
/// overrides and isolates, which can make a text read as something else.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Texts in `v` (at `field`) with control characters (line breaks and
/// tabs aside) or bidirectional overrides.
fn hidden_characters(v: &Value, field: &str, out: &mut Vec<Finding>) {
    let join = |k: &str| crate::doc::changes::join(field, k);
    match v {
        Value::String { value, .. } => {
            let hidden = |c: char| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c);
            if value.chars().any(hidden) {
                out.push(Finding {
                    field: field.to_string(),
                    message: Text::fixed(
                        "見えない制御文字が含まれています。表示と中身が違うおそれがあるため、消してください",
                        "it contains invisible control characters, which can make it read as something else: remove them",
                    ),
                });
            }
        }
        Value::Array { items, .. } => {
            for (i, item) in items.iter().enumerate() {
                hidden_characters(item, &join(&i.to_string()), out);
            }
        }
        Value::Object { members, .. } => {
            for (k, item) in members {
                hidden_characters(item, &join(k), out);
            }
        }
        _ => {}
    }
}
