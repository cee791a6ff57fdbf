//! A proposal as JSON, the one form that both its link (compact, then
//! deflated) and its file (laid out for people) carry:
//!
//! ```json
//! { "proposal": 1,
//!   "from": { "name": "高橋", "contact": "045-311-0094" },
//!   "message": "次回の案内です",
//!   "items": [
//!     { "new": { "project": "nikkan", "title": "…", "start": "2004-03-24T18:00" } },
//!     { "change": "nikkan-2004-02-25", "patch": { "venue": { "room": "6階" }, "fee": null } },
//!     { "cancel": "kannai-reikai-2004-02-12" } ] }
//! ```
//!
//! Reading is strict about the proposal's own frame (its version, known
//! members only, 1 to [`MAX_ITEMS`] items, the sender's texts bounded and
//! free of control characters) and leaves the events' contents to the
//! checker ([`super::review`]).

use super::limits::{DecodeError, MAX_CONTACT, MAX_ITEMS, MAX_MESSAGE, MAX_NAME, VERSION};
use super::{Item, Proposal, Sender};
use crate::doc::{Doc, Layout, Value};
use crate::model::text::Text;

/// The proposal as JSON (version [`VERSION`]).
pub(super) fn to_value(p: &Proposal) -> Value {
    let object = |members: Vec<(&str, Value)>| Value::Object {
        members: members
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        layout: Layout::Auto,
    };
    let items = p
        .items
        .iter()
        .map(|item| match item {
            Item::New(event) => object(vec![("new", event.clone())]),
            Item::Change { id, patch } => object(vec![
                ("change", Value::string(id.clone())),
                ("patch", patch.clone()),
            ]),
            Item::Cancel { id } => object(vec![("cancel", Value::string(id.clone()))]),
        })
        .collect();
    let mut members = vec![("proposal", Value::Number(VERSION.to_string()))];
    let from = text_members(&[("name", &p.from.name), ("contact", &p.from.contact)]);
    if !from.is_empty() {
        members.push(("from", object(from)));
    }
    members.extend(text_members(&[("message", &p.message)]));
    members.push((
        "items",
        Value::Array {
            items,
            layout: Layout::Auto,
        },
    ));
    object(members)
}

/// The texts that are not empty, as members.
fn text_members<'a>(pairs: &[(&'a str, &str)]) -> Vec<(&'a str, Value)> {
    pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (*k, Value::string(*v)))
        .collect()
}

/// The proposal as JSON without any space, for the link.
pub(super) fn to_json(p: &Proposal) -> String {
    let mut out = String::new();
    compact(&to_value(p), &mut out);
    out
}

/// JSON without any space.
fn compact(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::String { value, .. } => {
            out.push('"');
            out.push_str(&crate::load::escape_json(value));
            out.push('"');
        }
        Value::Array { items, .. } => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                compact(item, out);
            }
            out.push(']');
        }
        Value::Object { members, .. } => {
            out.push('{');
            for (i, (k, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                compact(&Value::string(k.clone()), out);
                out.push(':');
                compact(item, out);
            }
            out.push('}');
        }
    }
}

/// A value as the draft would hold a new one: plain escapes, laid out
/// when saved.
fn fresh(v: Value) -> Value {
    match v {
        Value::String { value, .. } => Value::string(value),
        Value::Array { items, .. } => Value::Array {
            items: items.into_iter().map(fresh).collect(),
            layout: Layout::Auto,
        },
        Value::Object { members, .. } => Value::Object {
            members: members.into_iter().map(|(k, v)| (k, fresh(v))).collect(),
            layout: Layout::Auto,
        },
        other => other,
    }
}

fn malformed(path: &str, ja: impl Into<String>, en: impl Into<String>) -> DecodeError {
    DecodeError::Malformed {
        path: path.to_string(),
        problem: Text::both(ja.into(), en.into()),
    }
}

/// The members of the object at `path`, refusing any key not in `allowed`.
fn object_at<'a>(
    v: &'a Value,
    path: &str,
    allowed: &[&str],
) -> Result<&'a [(String, Value)], DecodeError> {
    let Value::Object { members, .. } = v else {
        return Err(malformed(
            path,
            "オブジェクトではありません",
            "not an object",
        ));
    };
    for (i, (k, _)) in members.iter().enumerate() {
        if !allowed.contains(&k.as_str()) || members[..i].iter().any(|(l, _)| l == k) {
            let at = format!("{path}/{}", k.replace('~', "~0").replace('/', "~1"));
            return Err(malformed(&at, "この項目は読めません", "unexpected member"));
        }
    }
    Ok(members)
}

/// The string member `key` of an object (`""` when absent), at most
/// `max` characters, with no control characters but line breaks and tabs
/// where `lines`, and no bidirectional overrides.
fn text_at(
    v: &Value,
    path: &str,
    key: &str,
    max: usize,
    lines: bool,
) -> Result<String, DecodeError> {
    let at = format!("{path}/{key}");
    let s = match v.get(key) {
        None => return Ok(String::new()),
        Some(Value::String { value, .. }) => value,
        Some(_) => return Err(malformed(&at, "文字列ではありません", "not a string")),
    };
    if s.chars().count() > max {
        return Err(malformed(
            &at,
            format!("{max}文字を超えています"),
            format!("longer than {max} characters"),
        ));
    }
    let allowed = |c: char| lines && (c == '\n' || c == '\t');
    if s.chars()
        .any(|c| (c.is_control() && !allowed(c)) || super::is_bidi_control(c))
    {
        return Err(malformed(
            &at,
            "制御文字が含まれています",
            "contains control characters",
        ));
    }
    Ok(s.clone())
}

/// The proposal in a JSON text.
pub(super) fn read(text: &str) -> Result<Proposal, DecodeError> {
    let root = Doc::parse(text)
        .map_err(|e| {
            malformed(
                "",
                format!("JSONの書き方の誤り: {}", e.ja),
                format!("JSON syntax error: {}", e.en),
            )
        })?
        .root;
    match root.get("proposal") {
        Some(Value::Number(n)) if *n == VERSION.to_string() => {}
        Some(Value::Number(n)) => return Err(DecodeError::Version(n.chars().take(10).collect())),
        _ => return Err(DecodeError::NotAProposal),
    }
    object_at(&root, "", &["proposal", "from", "message", "items"])?;
    let from = match root.get("from") {
        Some(from) => {
            object_at(from, "/from", &["name", "contact"])?;
            Sender {
                name: text_at(from, "/from", "name", MAX_NAME, false)?,
                contact: text_at(from, "/from", "contact", MAX_CONTACT, false)?,
            }
        }
        None => Sender::default(),
    };
    let message = text_at(&root, "", "message", MAX_MESSAGE, true)?;
    let Some(Value::Array { items, .. }) = root.get("items") else {
        return Err(malformed(
            "/items",
            "予定の一覧がありません",
            "no list of items",
        ));
    };
    if items.is_empty() || items.len() > MAX_ITEMS {
        return Err(malformed(
            "/items",
            format!("予定は1件から{MAX_ITEMS}件までです"),
            format!("from 1 to {MAX_ITEMS} items"),
        ));
    }
    let items = items
        .iter()
        .enumerate()
        .map(|(i, item)| read_item(item, &format!("/items/{i}")))
        .collect::<Result<_, _>>()?;
    Ok(Proposal {
        from,
        message,
        items,
    })
}

fn read_item(item: &Value, path: &str) -> Result<Item, DecodeError> {
    let id = |key: &str| match item.get(key) {
        Some(Value::String { value, .. }) => Ok(value.clone()),
        _ => Err(malformed(
            &format!("{path}/{key}"),
            "IDの文字列ではありません",
            "not an id string",
        )),
    };
    let object = |key: &str| match item.get(key) {
        Some(v @ Value::Object { .. }) => Ok(fresh(v.clone())),
        _ => Err(malformed(
            &format!("{path}/{key}"),
            "オブジェクトではありません",
            "not an object",
        )),
    };
    if item.get("new").is_some() {
        object_at(item, path, &["new"])?;
        Ok(Item::New(object("new")?))
    } else if item.get("change").is_some() {
        object_at(item, path, &["change", "patch"])?;
        Ok(Item::Change {
            id: id("change")?,
            patch: object("patch")?,
        })
    } else if item.get("cancel").is_some() {
        object_at(item, path, &["cancel"])?;
        Ok(Item::Cancel { id: id("cancel")? })
    } else {
        Err(malformed(
            path,
            "new・change・cancel のどれでもありません",
            "neither new, change nor cancel",
        ))
    }
}
