//! The build's markup toolbox, shared by every page and file it writes:
//! HTML and XML escaping, JSON strings safe inside `<script>`, Tokyo
//! times with their offset, the site's absolute addresses (from
//! `site.url`, when it is known), and the value of an event's fact as
//! HTML (the share page and the FAX sheet write it alike). Native only.

use crate::model::{Event, Site};
use crate::site::publish::share_path;
use crate::views::facts::{LinkKind, Part, Value};
use chrono::NaiveDateTime;

/// Text made safe for HTML content and attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The site's public address with a final `/`, when `site.url` is known.
pub fn base_url(site: &Site) -> Option<String> {
    site.url.as_ref().map(|u| {
        if u.ends_with('/') {
            u.clone()
        } else {
            format!("{u}/")
        }
    })
}

/// Text made safe for XML and HTML content and attribute values (as the
/// share pages escape it), with the control characters that XML 1.0 does
/// not allow at all replaced by U+FFFD.
pub fn xml(text: &str) -> String {
    let allowed: String = text
        .chars()
        .map(|c| {
            if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect();
    html(&allowed)
}

/// A JSON string literal that is also safe inside an HTML `<script>`:
/// `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`, so no
/// data can close the script (`</script>`) or open a comment (`<!--`);
/// U+2028 and U+2029 are escaped for older JavaScript.
pub fn json_string(text: &str) -> String {
    let escaped = crate::load::escape_json(text)
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    format!("\"{escaped}\"")
}

/// A UTC instant in Tokyo time with its offset: `2004-02-10T09:00:00+09:00`.
pub fn instant(utc: NaiveDateTime) -> String {
    crate::jp::tokyo::with_offset(crate::jp::tokyo::from_utc(utc))
}

/// The address of an event's share page, when `site.url` is known.
pub fn share_url(site: &Site, event: &Event) -> Option<String> {
    base_url(site).map(|b| format!("{b}{}", share_path(&event.id)))
}

/// The value of one of [`crate::views::facts`] as HTML: the parts of a
/// line with a space between, lines and people set apart by `<br>`, the
/// programme as a list. Every text is escaped with [`xml`]; a map link
/// has the class `map` (a page printed on paper may hide it).
pub fn fact_value(value: &Value) -> String {
    fn parts(list: &[Part]) -> String {
        let html: Vec<String> = list
            .iter()
            .map(|p| match p {
                Part::Text(t) => xml(t),
                Part::Link(l) => {
                    let class = if l.kind == LinkKind::Map {
                        " class=\"map\""
                    } else {
                        ""
                    };
                    format!("<a href=\"{}\"{class}>{}</a>", xml(&l.href), xml(&l.text))
                }
            })
            .collect();
        html.join(" ")
    }
    let lines: Vec<String> = match value {
        Value::Line(list) => vec![parts(list)],
        Value::Lines(lines) => lines
            .iter()
            .map(|l| match l.label {
                Some(k) => format!("{} {}", xml(k), parts(&l.parts)),
                None => parts(&l.parts),
            })
            .collect(),
        Value::People(names) => names.iter().map(|n| xml(n)).collect(),
        Value::Items(items) => {
            let items: String = items
                .iter()
                .map(|i| {
                    let time = i.time.as_ref().map_or(String::new(), |t| xml(t) + " ");
                    let who: String = i
                        .speakers
                        .iter()
                        .map(|s| format!("<br>{}", xml(s)))
                        .collect();
                    format!("<li>{time}{}{who}</li>", xml(&i.title))
                })
                .collect();
            vec![format!("<ul>{items}</ul>")]
        }
    };
    lines.join("<br>")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Text as a reader gets it from escaped HTML: tags as spaces,
    /// entities read, whitespace collapsed.
    pub(crate) fn read(html: &str) -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => {
                    in_tag = false;
                    text.push(' ');
                }
                _ if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The `(label, value, hrefs)` of every `<dt>…</dt><dd>…</dd>` pair of
    /// a page (or `th`/`td`, as `label` and `value` say), read with [`read`].
    pub(crate) fn pairs(
        page: &str,
        label: &str,
        value: &str,
    ) -> Vec<(String, String, Vec<String>)> {
        let (open_k, close_k) = (format!("<{label}>"), format!("</{label}>"));
        let (open_v, close_v) = (format!("<{value}>"), format!("</{value}>"));
        let mut out = Vec::new();
        let mut rest = page;
        while let Some(at) = rest.find(&open_k) {
            rest = &rest[at + open_k.len()..];
            let end = rest.find(&close_k).unwrap();
            let k = read(&rest[..end]);
            rest = rest[end + close_k.len()..].strip_prefix(&open_v).unwrap();
            let end = rest.find(&close_v).unwrap();
            let v = &rest[..end];
            let hrefs = v
                .split("href=\"")
                .skip(1)
                .map(|h| read(&h[..h.find('"').unwrap()]))
                .collect();
            out.push((k, read(v), hrefs));
            rest = &rest[end..];
        }
        out
    }

    #[test]
    fn json_strings_cannot_end_a_script() {
        assert_eq!(
            json_string("</script><!--\"\\\n\u{2028}\u{1}"),
            r#""\u003c/script\u003e\u003c!--\"\\\n\u2028\u0001""#
        );
    }
}
