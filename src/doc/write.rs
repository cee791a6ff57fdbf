//! Writing an events document back as text, the one way the editor and
//! `calendar fmt` both write it.
//!
//! The rules: members and items in the order the document holds them;
//! each object or array on one line or spread over several as it was
//! (see [`crate::doc::Layout`]), spread ones indented two spaces a level;
//! `"key": value` with one space, `, ` between the parts of a one-line
//! value; strings with only the escapes JSON needs (unless an unchanged
//! string was written with others), numbers as written; one line break at
//! the end. A file already in this form is written back byte for byte.
//!
//! New objects and lists (from the editor) take the layout of their
//! siblings in a list (a new event looks like the others); otherwise they
//! stand on one line when it stays within [`WIDTH`] characters.

use crate::doc::{Doc, Layout, Value};

/// The longest line a new one-line object or list may make.
pub const WIDTH: usize = 100;

/// The text of a document.
pub fn to_text(doc: &Doc) -> String {
    let mut out = String::new();
    write(&mut out, &doc.root, 0, 0, None, false);
    out.push('\n');
    out
}

/// The layout a value is written in. `sibling` is the layout of the other
/// items of the list it stands in; `column` is where it starts.
fn resolve(value: &Value, sibling: Option<Layout>, column: usize) -> Layout {
    let own = match value {
        Value::Array { layout, .. } | Value::Object { layout, .. } => *layout,
        _ => return Layout::Inline { padded: false },
    };
    match (own, sibling) {
        (Layout::Auto, Some(s)) if s != Layout::Auto => s,
        (Layout::Auto, _) => {
            let mut line = String::new();
            write(&mut line, value, 0, 0, None, true);
            if column + line.chars().count() <= WIDTH {
                Layout::Inline {
                    padded: !matches!(value, Value::Array { .. }),
                }
            } else {
                Layout::Expanded
            }
        }
        (own, _) => own,
    }
}

/// The layout of the first object or list among `items` that has one.
fn sibling_layout(items: &[Value]) -> Option<Layout> {
    items.iter().find_map(|v| match v {
        Value::Array { layout, .. } | Value::Object { layout, .. } if *layout != Layout::Auto => {
            Some(*layout)
        }
        _ => None,
    })
}

fn push_string(out: &mut String, value: &str, raw: Option<&str>) {
    out.push('"');
    match raw {
        Some(raw) => out.push_str(raw),
        None => out.push_str(&crate::load::escape_json(value)),
    }
    out.push('"');
}

/// Writes `value` at nesting `depth`, starting at `column`. `inline`: a
/// one-line value holds only one-line values.
fn write(
    out: &mut String,
    value: &Value,
    depth: usize,
    column: usize,
    sibling: Option<Layout>,
    inline: bool,
) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::String { value, raw } => push_string(out, value, raw.as_deref()),
        Value::Array { items, .. } => {
            let layout = layout_for(value, sibling, column, inline);
            let inner = sibling_layout(items);
            let parts: Vec<(Option<&str>, &Value)> = items.iter().map(|v| (None, v)).collect();
            container(out, ('[', ']'), &parts, layout, depth, inner);
        }
        Value::Object { members, .. } => {
            let layout = layout_for(value, sibling, column, inline);
            let parts: Vec<(Option<&str>, &Value)> =
                members.iter().map(|(k, v)| (Some(k.as_str()), v)).collect();
            container(out, ('{', '}'), &parts, layout, depth, None);
        }
    }
}

/// The layout of a value to write: inside a one-line value always on one
/// line (as it stood, or `{ … }` / `[…]`), else as [`resolve`] says.
fn layout_for(value: &Value, sibling: Option<Layout>, column: usize, inline: bool) -> Layout {
    if !inline {
        return resolve(value, sibling, column);
    }
    match value {
        Value::Array {
            layout: Layout::Inline { padded },
            ..
        }
        | Value::Object {
            layout: Layout::Inline { padded },
            ..
        } => Layout::Inline { padded: *padded },
        _ => Layout::Inline {
            padded: !matches!(value, Value::Array { .. }),
        },
    }
}

/// Writes the parts of an object (with keys) or array (without).
fn container(
    out: &mut String,
    (open, close): (char, char),
    parts: &[(Option<&str>, &Value)],
    layout: Layout,
    depth: usize,
    sibling: Option<Layout>,
) {
    out.push(open);
    if parts.is_empty() {
        // An empty one stays as it was written: `[]`, or its brackets on
        // two lines.
        if layout == Layout::Expanded {
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
        }
        out.push(close);
        return;
    }
    let expanded = layout == Layout::Expanded;
    let padded = matches!(layout, Layout::Inline { padded: true });
    let indent = "  ".repeat(depth + 1);
    for (i, (key, value)) in parts.iter().enumerate() {
        if expanded {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str(&indent);
        } else if i > 0 {
            out.push_str(", ");
        } else if padded {
            out.push(' ');
        }
        if let Some(key) = key {
            push_string(out, key, None);
            out.push_str(": ");
        }
        let column = if expanded {
            indent.len() + key.map_or(0, |k| k.chars().count() + 4)
        } else {
            0
        };
        write(out, value, depth + 1, column, sibling, !expanded);
    }
    if expanded {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    } else if padded {
        out.push(' ');
    }
    out.push(close);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        to_text(&Doc::parse(text).unwrap())
    }

    #[test]
    fn each_layout_is_kept() {
        for text in [
            "{}\n",
            "[]\n",
            "{\n  \"events\": [\n  ],\n  \"x\": {}\n}\n",
            "{ \"a\": [1, 2.0, -3e1], \"b\": { \"c\": null } }\n",
            "{\"a\": [true, false], \"b\": {\"c\": \"d\"}}\n",
            "{\n  \"a\": [\n    { \"b\": 1 },\n    {\n      \"c\": [],\n      \"d\": {}\n    }\n  ]\n}\n",
        ] {
            assert_eq!(round_trip(text), text);
        }
    }

    #[test]
    fn other_spacing_is_made_regular() {
        assert_eq!(
            round_trip("{\"a\" :1 ,\"b\":[ 1,2 ] }"),
            "{\"a\": 1, \"b\": [ 1, 2 ]}\n"
        );
        assert_eq!(
            round_trip("{\n\t\"a\": {\"b\": 1,\n \"c\": 2}}"),
            "{\n  \"a\": {\"b\": 1, \"c\": 2}\n}\n"
        );
    }

    #[test]
    fn strings_keep_their_escapes_and_new_ones_get_the_plain_ones() {
        let text = "[\"\\u3042\\/\", \"a\\\"b\\\\c\\nd\"]\n";
        assert_eq!(round_trip(text), text);
        assert_eq!(
            crate::load::escape_json("a\"b\\c\nd\u{1}"),
            "a\\\"b\\\\c\\nd\\u0001"
        );
    }

    #[test]
    fn new_values_take_their_siblings_layout_or_fit_the_line() {
        let mut doc =
            Doc::parse("{\n  \"events\": [\n    {\n      \"id\": \"a\"\n    }\n  ]\n}\n").unwrap();
        let mut event = Value::object();
        if let Value::Object { members, .. } = &mut event {
            members.push(("id".into(), Value::string("b")));
            let mut venue = Value::object();
            if let Value::Object { members, .. } = &mut venue {
                members.push(("name".into(), Value::string("センター")));
            }
            members.push(("venue".into(), venue));
            members.push(("description".into(), Value::string("長い説明".repeat(40))));
        }
        doc.array_mut("/events").unwrap().push(event);
        let out = to_text(&doc);
        assert!(out.contains("    {\n      \"id\": \"b\",\n      \"venue\": { \"name\": \"センター\" },\n      \"description\": \"長い"), "{out}");
        // Written once, the layout is the text's: saving again changes nothing.
        assert_eq!(round_trip(&out), out);
    }

    #[test]
    fn a_long_new_object_is_spread_over_lines() {
        let mut doc = Doc::parse("{\n  \"a\": 1\n}\n").unwrap();
        let mut contact = Value::object();
        if let Value::Object { members, .. } = &mut contact {
            for key in ["name", "phone", "fax", "email", "note"] {
                members.push((
                    key.into(),
                    Value::string("とても長い値ですとても長い値です"),
                ));
            }
        }
        doc.set("/contact", contact).unwrap();
        let out = to_text(&doc);
        assert!(out.contains("  \"contact\": {\n    \"name\": "), "{out}");
        assert_eq!(round_trip(&out), out);
    }
}
