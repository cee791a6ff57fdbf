//! The events file as an editable document: every member and value the
//! maintainer wrote, in their order, with how each object and list was
//! laid out, so that saving changes only what was edited.
//!
//! [`crate::load`] reads the text into the model and says what is wrong;
//! this module keeps the text's *shape* for the editor and `calendar fmt`:
//! unknown fields, repeated keys, numbers as written (`2.0` stays `2.0`),
//! strings with their original escapes, and for each object or array
//! whether it stood on one line or was spread over several. Edits address
//! values by JSON Pointer (`/events/3/venue/name`), the same paths the
//! checker's diagnostics carry, so a problem leads straight to its field.
//! [`crate::doc::write`] writes a document back as text.
//!
//! # Example
//! ```
//! use iguren_calendar::doc::{Doc, Value};
//! let mut doc = Doc::parse(r#"{ "events": [{ "id": "a", "x-note": 1 }] }"#).unwrap();
//! doc.set_text("/events/0/title", "例会").unwrap();
//! assert_eq!(
//!     iguren_calendar::doc::write::to_text(&doc),
//!     "{ \"events\": [{ \"id\": \"a\", \"x-note\": 1, \"title\": \"例会\" }] }\n"
//! );
//! ```

pub mod changes;
pub mod commit;
pub mod draft;
pub mod fields;
pub mod form;
pub mod github;
pub mod input;
pub mod merge;
pub mod proposal;
pub mod publish;
pub mod recur;
pub mod sync;
pub mod write;

use crate::load::json::{self, Node, SyntaxError};

/// How an object or array is laid out in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Not yet written: [`crate::doc::write`] chooses (like its siblings in a
    /// list, else on one line when that line is short enough).
    #[default]
    Auto,
    /// On one line; `padded` when written `{ "a": 1 }` rather than `{"a": 1}`.
    Inline { padded: bool },
    /// One member or item per line, indented two spaces a level.
    Expanded,
}

/// A JSON value as the document holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number's text as written (`2`, `2.0`, `1e3`).
    Number(String),
    /// A string, and the text it was written as between its quotes when
    /// that differs from the plain escaping (`\u3042`, `\/`): unchanged
    /// strings are written back exactly as they were.
    String {
        value: String,
        raw: Option<String>,
    },
    Array {
        items: Vec<Value>,
        layout: Layout,
    },
    Object {
        members: Vec<(String, Value)>,
        layout: Layout,
    },
}

impl Value {
    /// A string value.
    pub fn string(s: impl Into<String>) -> Value {
        Value::String {
            value: s.into(),
            raw: None,
        }
    }

    /// An empty object, laid out when saved.
    pub fn object() -> Value {
        Value::Object {
            members: Vec::new(),
            layout: Layout::Auto,
        }
    }

    /// An empty array, laid out when saved.
    pub fn array() -> Value {
        Value::Array {
            items: Vec::new(),
            layout: Layout::Auto,
        }
    }

    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String { value, .. } => Some(value),
            _ => None,
        }
    }

    /// Whether two values mean the same JSON: layout, escapes and the
    /// order of an object's members aside (a list's order counts; numbers
    /// compare as written, so `2` and `2.0` differ). What the merge and the
    /// change review call "unchanged".
    pub fn same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::String { value: a, .. }, Value::String { value: b, .. }) => a == b,
            (Value::Array { items: a, .. }, Value::Array { items: b, .. }) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same(y))
            }
            (Value::Object { members: a, .. }, Value::Object { members: b, .. }) => {
                let within = |a: &[(String, Value)], b: &[(String, Value)]| {
                    a.iter()
                        .all(|(k, v)| b.iter().any(|(l, w)| k == l && v.same(w)))
                };
                a.len() == b.len() && within(a, b) && within(b, a)
            }
            (a, b) => a == b,
        }
    }

    /// The member `key` of an object (the first, if written twice).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object { members, .. } => members.iter().find(|(k, _)| k == key).map(|m| &m.1),
            Value::Array { items, .. } => items.get(index(key)?),
            _ => None,
        }
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        match self {
            Value::Object { members, .. } => {
                members.iter_mut().find(|(k, _)| k == key).map(|m| &mut m.1)
            }
            Value::Array { items, .. } => items.get_mut(index(key)?),
            _ => None,
        }
    }

    fn from_node(node: &Node, text: &str) -> Value {
        match &node.value {
            json::Value::Null => Value::Null,
            json::Value::Bool(b) => Value::Bool(*b),
            json::Value::Number(n) => Value::Number((*n).to_string()),
            json::Value::String(s) => {
                // The text between the quotes, kept only when the plain
                // escaping would write it differently.
                let raw = string_source(text, node.at);
                let raw = (raw != crate::load::escape_json(s)).then(|| raw.to_string());
                Value::String {
                    value: s.to_string(),
                    raw,
                }
            }
            json::Value::Array(items) => Value::Array {
                layout: layout_of(text, node.at, items.first().map(|n| n.at)),
                items: items.iter().map(|n| Value::from_node(n, text)).collect(),
            },
            json::Value::Object(members) => Value::Object {
                layout: layout_of(text, node.at, members.first().map(|m| m.key_at)),
                members: members
                    .iter()
                    .map(|m| (m.key.to_string(), Value::from_node(&m.node, text)))
                    .collect(),
            },
        }
    }
}

/// An array index in a pointer: digits only, no leading zero.
fn index(step: &str) -> Option<usize> {
    let plain = !step.is_empty() && step.bytes().all(|b| b.is_ascii_digit());
    (plain && (step == "0" || !step.starts_with('0')))
        .then(|| step.parse().ok())
        .flatten()
}

/// The source of the string whose opening quote is at `at`, without quotes.
fn string_source(text: &str, at: usize) -> &str {
    let bytes = text.as_bytes();
    let mut i = at + 1;
    while i < bytes.len() && bytes[i] != b'"' {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    &text[at + 1..i.min(text.len())]
}

/// Expanded when a line break stands between the opening bracket at `open`
/// and the first member (or, when empty, the closing bracket); one line
/// otherwise.
fn layout_of(text: &str, open: usize, first: Option<usize>) -> Layout {
    let Some(first) = first else {
        // Empty: `[]` on one line, or its brackets on two lines.
        let close = text[open + 1..]
            .find([']', '}'])
            .map_or(open + 1, |n| open + 1 + n);
        return if text[open + 1..close].contains('\n') {
            Layout::Expanded
        } else {
            Layout::Inline { padded: false }
        };
    };
    let between = &text[open + 1..first];
    if between.contains('\n') {
        Layout::Expanded
    } else {
        Layout::Inline {
            padded: !between.is_empty(),
        }
    }
}

/// What went wrong with an edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The path leads through something that is not an object or array,
    /// or to an array index past its end.
    NoSuchPlace(String),
}

/// The whole file as a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub root: Value,
}

/// The steps of a JSON Pointer (RFC 6901): `/a~1b/0` is `["a/b", "0"]`.
pub fn pointer_steps(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .strip_prefix('/')
        .unwrap_or(pointer)
        .split('/')
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

impl Doc {
    /// Reads a file's text.
    ///
    /// # Errors
    /// The syntax error, where the text is not JSON; the checker
    /// ([`crate::load::load`]) reports it with line and column.
    pub fn parse(text: &str) -> Result<Doc, SyntaxError> {
        let node = json::parse(text)?;
        Ok(Doc {
            root: Value::from_node(&node, text),
        })
    }

    /// The value at a JSON Pointer.
    pub fn get(&self, pointer: &str) -> Option<&Value> {
        pointer_steps(pointer)
            .iter()
            .try_fold(&self.root, |v, step| v.get(step))
    }

    /// Where the first event of that id stands in `/events`.
    pub fn event_index(&self, id: &str) -> Option<usize> {
        match self.get("/events") {
            Some(Value::Array { items, .. }) => items
                .iter()
                .position(|e| e.get("id").and_then(Value::as_str) == Some(id)),
            _ => None,
        }
    }

    /// The string at a JSON Pointer, if it is one.
    pub fn text(&self, pointer: &str) -> Option<&str> {
        self.get(pointer).and_then(Value::as_str)
    }

    /// The parent container of a pointer's last step, creating missing
    /// objects on the way (a first `venue.name` creates `venue`).
    fn parent_mut(&mut self, steps: &[String]) -> Result<&mut Value, EditError> {
        let mut at = &mut self.root;
        for (i, step) in steps.iter().enumerate() {
            // A missing object is made; a missing list is not (an item of
            // it cannot be addressed before it exists).
            let list_next = steps.get(i + 1).is_some_and(|s| index(s).is_some());
            if let Value::Object { members, .. } = at {
                if !list_next && !members.iter().any(|(k, _)| k == step) {
                    members.push((step.clone(), Value::object()));
                }
            }
            at = at
                .get_mut(step)
                .ok_or_else(|| EditError::NoSuchPlace(step.clone()))?;
        }
        Ok(at)
    }

    /// Sets the value at a pointer: replaces it in place (keeping its
    /// position among its siblings), or adds it as the object's last member.
    ///
    /// # Errors
    /// [`EditError::NoSuchPlace`] when the path cannot be made.
    pub fn set(&mut self, pointer: &str, value: Value) -> Result<(), EditError> {
        let steps = pointer_steps(pointer);
        let Some((last, parents)) = steps.split_last() else {
            self.root = value;
            return Ok(());
        };
        match self.parent_mut(parents)? {
            Value::Object { members, .. } => {
                match members.iter_mut().find(|(k, _)| k == last) {
                    Some(member) => member.1 = value,
                    None => members.push((last.clone(), value)),
                }
                Ok(())
            }
            Value::Array { items, .. } => {
                let slot = index(last)
                    .and_then(|i| items.get_mut(i))
                    .ok_or_else(|| EditError::NoSuchPlace(last.clone()))?;
                *slot = value;
                Ok(())
            }
            _ => Err(EditError::NoSuchPlace(last.clone())),
        }
    }

    /// Sets a text field as a form gives it: trimmed; an empty text
    /// removes the field, and an object it leaves empty (a `venue` whose
    /// last part was cleared) goes with it. An unchanged text keeps its
    /// original escapes.
    ///
    /// # Errors
    /// [`EditError::NoSuchPlace`] when the path cannot be made.
    pub fn set_text(&mut self, pointer: &str, text: &str) -> Result<(), EditError> {
        let text = text.trim();
        if text.is_empty() {
            self.remove(pointer);
            self.prune_empty_parents(pointer);
            return Ok(());
        }
        if self.text(pointer) == Some(text) {
            return Ok(());
        }
        self.set(pointer, Value::string(text))
    }

    /// Removes the value at a pointer; returns it.
    pub fn remove(&mut self, pointer: &str) -> Option<Value> {
        let steps = pointer_steps(pointer);
        let (last, parents) = steps.split_last()?;
        let parent = parents
            .iter()
            .try_fold(&mut self.root, |v, step| v.get_mut(step))?;
        match parent {
            Value::Object { members, .. } => {
                let i = members.iter().position(|(k, _)| k == last)?;
                Some(members.remove(i).1)
            }
            Value::Array { items, .. } => {
                let i = index(last).filter(|&i| i < items.len())?;
                Some(items.remove(i))
            }
            _ => None,
        }
    }

    /// Removes objects left empty above a removed field, up to (not
    /// including) the event or project that holds them.
    fn prune_empty_parents(&mut self, pointer: &str) {
        let mut steps = pointer_steps(pointer);
        while steps.len() > 3 {
            steps.pop();
            let parent = format!(
                "/{}",
                steps
                    .iter()
                    .map(|s| s.replace('~', "~0").replace('/', "~1"))
                    .collect::<Vec<_>>()
                    .join("/")
            );
            match self.get(&parent) {
                Some(Value::Object { members, .. }) if members.is_empty() => {
                    self.remove(&parent);
                }
                _ => break,
            }
        }
    }

    /// The array at a pointer, for adding, removing and reordering items.
    pub fn array_mut(&mut self, pointer: &str) -> Option<&mut Vec<Value>> {
        let steps = pointer_steps(pointer);
        let at = steps
            .iter()
            .try_fold(&mut self.root, |v, step| v.get_mut(step))?;
        match at {
            Value::Array { items, .. } => Some(items),
            _ => None,
        }
    }

    /// The array at a pointer, made (empty, as the object's last member)
    /// when absent.
    ///
    /// # Errors
    /// [`EditError::NoSuchPlace`] when the path cannot be made or holds
    /// something else.
    pub fn array_or_new(&mut self, pointer: &str) -> Result<&mut Vec<Value>, EditError> {
        if self.get(pointer).is_none() {
            self.set(pointer, Value::array())?;
        }
        self.array_mut(pointer)
            .ok_or_else(|| EditError::NoSuchPlace(pointer.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::write::to_text;

    const FILE: &str = "{\n  \"site\": { \"name\": \"例\" },\n  \"events\": [\n    {\n      \"id\": \"a\",\n      \"title\": \"\\u4f8b\\u4f1a\",\n      \"venue\": { \"name\": \"センター\" },\n      \"revision\": 2.0,\n      \"x-memo\": [1, 2]\n    }\n  ]\n}\n";

    #[test]
    fn an_unedited_document_is_written_back_byte_for_byte() {
        let doc = Doc::parse(FILE).unwrap();
        assert_eq!(to_text(&doc), FILE);
    }

    #[test]
    fn pointers_reach_members_and_items() {
        let doc = Doc::parse(FILE).unwrap();
        assert_eq!(doc.text("/events/0/title"), Some("例会"));
        assert_eq!(doc.text("/events/0/venue/name"), Some("センター"));
        assert_eq!(
            doc.get("/events/0/revision"),
            Some(&Value::Number("2.0".into()))
        );
        assert_eq!(doc.get("/events/01"), None);
        assert_eq!(doc.get("/events/1"), None);
        assert_eq!(pointer_steps("/a~1b/c~0d"), ["a/b", "c~d"]);
    }

    #[test]
    fn one_edit_changes_only_its_line() {
        let mut doc = Doc::parse(FILE).unwrap();
        doc.set_text("/events/0/venue/name", "県民センター")
            .unwrap();
        let out = to_text(&doc);
        let changed: Vec<(&str, &str)> = FILE
            .lines()
            .zip(out.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(
            changed,
            [(
                "      \"venue\": { \"name\": \"センター\" },",
                "      \"venue\": { \"name\": \"県民センター\" },"
            )]
        );
    }

    #[test]
    fn clearing_the_last_part_of_an_object_removes_it() {
        let mut doc = Doc::parse(FILE).unwrap();
        doc.set_text("/events/0/venue/name", "  ").unwrap();
        assert_eq!(doc.get("/events/0/venue"), None);
        // Setting it again makes the object anew.
        doc.set_text("/events/0/venue/room", "3階").unwrap();
        assert_eq!(doc.text("/events/0/venue/room"), Some("3階"));
        assert!(to_text(&doc).contains("\"venue\": { \"room\": \"3階\" }"));
    }

    #[test]
    fn setting_an_unchanged_text_keeps_its_escapes() {
        let mut doc = Doc::parse(FILE).unwrap();
        doc.set_text("/events/0/title", "例会").unwrap();
        assert_eq!(to_text(&doc), FILE);
        doc.set_text("/events/0/title", "例会2").unwrap();
        assert!(to_text(&doc).contains("\"title\": \"例会2\","));
    }

    #[test]
    fn same_means_the_same_json_however_written() {
        let v = |t: &str| Doc::parse(t).unwrap().root;
        assert!(v(r#"{"a": [1, "\u3042"], "b": {}}"#).same(&v("{\n \"b\": {\n},\"a\":[1,\"あ\"]}")));
        assert!(!v("[1, 2]").same(&v("[2, 1]")), "a list's order counts");
        assert!(!v("2").same(&v("2.0")), "numbers as written");
        assert!(!v(r#"{"a": 1}"#).same(&v(r#"{"a": 1, "b": 1}"#)));
        assert!(!v(r#"{"a": 1, "a": 2}"#).same(&v(r#"{"a": 1, "b": 2}"#)));
        assert!(!v("null").same(&v("false")));
    }

    #[test]
    fn impossible_places_are_errors_not_panics() {
        let mut doc = Doc::parse(FILE).unwrap();
        assert!(doc.set("/events/5/title", Value::Null).is_err());
        assert!(doc.set("/site/name/x", Value::Null).is_err());
        assert!(doc.set("/events/0/program/0/time", Value::Null).is_err());
        assert_eq!(doc.get("/events/0/program"), None);
        assert_eq!(doc.remove("/nothing/here"), None);
        assert!(doc.array_mut("/site").is_none());
        doc.array_or_new("/events/0/speakers")
            .unwrap()
            .push(Value::string("芝 忠"));
        assert!(to_text(&doc).contains("\"speakers\": [\"芝 忠\"]"));
    }
}
