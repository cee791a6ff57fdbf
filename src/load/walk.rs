//! Walking the parsed JSON tree: reading objects and typed fields with their
//! JSON paths, and collecting every problem with its byte offset.
//!
//! These are the steps every part of the file shares (an object with known
//! keys, a required or optional string, a value parsed by a check, a list);
//! what each part of `events.json` means is in [`super::catalog`]. Each step
//! reports its own problem at the value it is about, so a reader of the
//! file never has to look a key up twice.

use super::json::{Member, Node, Value};
use super::scalar::{self, shown, Problem};
use crate::model::Text;
use std::collections::HashSet;

/// A problem before line and column are known.
pub struct Found {
    pub at: usize,
    pub path: String,
    #[cfg_attr(not(feature = "messages"), allow(dead_code))]
    pub message: Text,
}

/// Keys of a `{"ja": …, "en": …}` text.
pub const TEXT_KEYS: &[&str] = &["ja", "en"];

/// Objects with more members than this find repeated keys with a hash set;
/// smaller ones compare pairwise, which is quicker for them.
const PAIRWISE_KEYS: usize = 16;

/// The node under `key` when `node` is an object.
pub fn field_node<'a>(node: &'a Node<'a>, key: &str) -> Option<&'a Node<'a>> {
    match &node.value {
        Value::Object(m) => m.iter().find(|m| m.key == key).map(|m| &m.node),
        _ => None,
    }
}

/// A JSON object being read, with its path.
pub struct Obj<'a> {
    pub at: usize,
    pub path: String,
    members: &'a [Member<'a>],
}

impl<'a> Obj<'a> {
    pub fn get(&self, key: &str) -> Option<&'a Node<'a>> {
        self.members.iter().find(|m| m.key == key).map(|m| &m.node)
    }

    /// The path of a member.
    pub fn child(&self, key: &str) -> String {
        format!("{}/{}", self.path, pointer_escape(key))
    }

    /// Where a member's value starts, or the object's start when it is absent.
    fn at_of(&self, key: &str) -> usize {
        self.get(key).map_or(self.at, |n| n.at)
    }
}

/// A key as a JSON Pointer step (RFC 6901).
fn pointer_escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Collects the problems of one walk.
#[derive(Default)]
pub struct Walker {
    pub found: Vec<Found>,
}

impl Walker {
    pub fn report(&mut self, at: usize, path: &str, message: Problem) {
        self.found.push(Found {
            at,
            path: path.to_string(),
            message,
        });
    }

    /// Reports a problem with the member `key` of `obj`, at its value.
    pub fn report_field(&mut self, obj: &Obj, key: &str, problem: Problem) {
        self.report(obj.at_of(key), &obj.child(key), problem);
    }

    pub fn wrong_type(&mut self, node: &Node, path: &str, ja_want: &str, en_want: &str) {
        let (got_ja, got) = (node.value.type_name_ja(), node.value.type_name());
        self.report(
            node.at,
            path,
            says!(
                format!("{ja_want}が必要です（{got_ja}になっています）"),
                format!("expected {en_want}, found {got}"),
            ),
        );
    }

    pub fn missing(&mut self, obj: &Obj, key: &str) {
        self.report(
            obj.at,
            &obj.child(key),
            says!(
                format!("必須の項目「{key}」がありません"),
                format!("required field \"{key}\" is missing"),
            ),
        );
    }

    /// Reads an object, reporting unknown and repeated keys.
    pub fn object<'a>(
        &mut self,
        node: &'a Node<'a>,
        path: &str,
        allowed: &[&str],
    ) -> Option<Obj<'a>> {
        let Value::Object(members) = &node.value else {
            self.wrong_type(node, path, "オブジェクト { … }", "an object { … }");
            return None;
        };
        // Repeated keys: pairwise in small objects, a set in large ones, so
        // an object of 100,000 keys costs linear time, not quadratic.
        let mut seen: HashSet<&str> = HashSet::new();
        // The list of allowed keys, written once for all unknown ones.
        let mut allowed_list = String::new();
        for (i, m) in members.iter().enumerate() {
            let duplicate = if members.len() > PAIRWISE_KEYS {
                !seen.insert(&m.key)
            } else {
                members[..i].iter().any(|prev| prev.key == m.key)
            };
            if !duplicate && allowed.contains(&&*m.key) {
                continue;
            }
            // Only a problem pays for building its path.
            let child = format!("{path}/{}", pointer_escape(&m.key));
            let problem = if duplicate {
                says!(
                    format!("項目「{}」が2回書かれています", shown(&m.key)),
                    format!("field \"{}\" appears twice", shown(&m.key)),
                )
            } else {
                unknown_key(&m.key, allowed, &mut allowed_list)
            };
            self.report(m.key_at, &child, problem);
        }
        Some(Obj {
            at: node.at,
            path: path.to_string(),
            members,
        })
    }

    /// The array under `key`, if it is one.
    pub fn array_field<'a>(
        &mut self,
        obj: &Obj<'a>,
        key: &str,
        required: bool,
    ) -> Option<&'a [Node<'a>]> {
        match obj.get(key) {
            None => {
                if required {
                    self.missing(obj, key);
                }
                None
            }
            Some(Node {
                value: Value::Array(items),
                ..
            }) => Some(items),
            Some(node) => {
                self.wrong_type(node, &obj.child(key), "配列 [ … ]", "an array [ … ]");
                None
            }
        }
    }

    /// A string field; empty or blank strings count as absent.
    pub fn string(&mut self, obj: &Obj, key: &str, required: bool) -> Option<String> {
        match obj.get(key) {
            None => {
                if required {
                    self.missing(obj, key);
                }
                None
            }
            Some(Node {
                value: Value::String(s),
                ..
            }) => {
                let s = s.trim();
                if s.is_empty() {
                    if required {
                        self.report_field(
                            obj,
                            key,
                            says!(format!("「{key}」が空です"), format!("\"{key}\" is empty")),
                        );
                    }
                    None
                } else {
                    Some(s.to_string())
                }
            }
            Some(node) => {
                self.wrong_type(node, &obj.child(key), "文字列", "a string");
                None
            }
        }
    }

    /// A string field turned into a value by `parse`, which says what is
    /// wrong when it cannot.
    pub fn parsed<T>(
        &mut self,
        obj: &Obj,
        key: &str,
        required: bool,
        parse: impl FnOnce(&str) -> Result<T, Problem>,
    ) -> Option<T> {
        let s = self.string(obj, key, required)?;
        parse(&s).map_err(|p| self.report_field(obj, key, p)).ok()
    }

    /// A string field that must pass `check`.
    pub fn checked(
        &mut self,
        obj: &Obj,
        key: &str,
        required: bool,
        check: fn(&str) -> Result<(), Problem>,
    ) -> Option<String> {
        self.parsed(obj, key, required, |s| check(s).map(|()| s.to_string()))
    }

    /// A text given as a plain string (Japanese) or as `{"ja": …, "en": …}`.
    pub fn text(&mut self, obj: &Obj, key: &str, required: bool) -> Option<Text> {
        match obj.get(key) {
            Some(
                node @ Node {
                    value: Value::Object(_),
                    ..
                },
            ) => {
                let t = self.object(node, &obj.child(key), TEXT_KEYS)?;
                let ja = self.string(&t, "ja", true)?;
                let en = self.string(&t, "en", false);
                Some(Text {
                    ja: ja.into(),
                    en: en.map(Into::into),
                })
            }
            Some(Node {
                value: Value::String(_),
                ..
            })
            | None => self.string(obj, key, required).map(Text::new),
            Some(node) => {
                self.wrong_type(
                    node,
                    &obj.child(key),
                    "文字列か {\"ja\": …, \"en\": …}",
                    "a string or {\"ja\": …, \"en\": …}",
                );
                None
            }
        }
    }
}

/// An unknown key, with the field it most likely misspells.
/// `allowed_list` is the list of allowed keys, written on first use.
#[cfg(feature = "messages")]
fn unknown_key(key: &str, allowed: &[&str], allowed_list: &mut String) -> Problem {
    if allowed_list.is_empty() {
        *allowed_list = allowed.join(", ");
    }
    let quoted = shown(key);
    let hint = allowed
        .iter()
        .map(|k| (scalar::edit_distance(key, k), k))
        .filter(|&(d, _)| d <= 2)
        .min()
        .map(|(_, k)| *k);
    match hint {
        Some(k) => says!(
            format!("知らない項目「{quoted}」です。「{k}」の書き間違いではありませんか"),
            format!("unknown field \"{quoted}\"; did you mean \"{k}\"?"),
        ),
        None => says!(
            format!("知らない項目「{quoted}」です（使える項目: {allowed_list}）"),
            format!("unknown field \"{quoted}\" (allowed: {allowed_list})"),
        ),
    }
}

/// Without the `messages` feature, nothing is said (see `says!`).
#[cfg(not(feature = "messages"))]
fn unknown_key(_: &str, _: &[&str], _: &mut String) -> Problem {
    Problem::default()
}
