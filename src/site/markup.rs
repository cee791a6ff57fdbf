//! The build's markup toolbox, shared by every page and file it writes:
//! HTML and XML escaping, JSON strings safe inside `<script>`, Tokyo
//! times with their offset, and the site's absolute addresses (from
//! `site.url`, when it is known). Native only.

use crate::model::{Event, Site};
use crate::site::publish::share_path;
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
    local(crate::jp::tokyo::from_utc(utc))
}

/// A local (Tokyo) date-time with its offset: `2004-02-25T18:00:00+09:00`.
pub fn local(t: NaiveDateTime) -> String {
    crate::jp::tokyo::with_offset(t)
}

/// The address of an event's share page, when `site.url` is known.
pub fn share_url(site: &Site, event: &Event) -> Option<String> {
    base_url(site).map(|b| format!("{b}{}", share_path(&event.id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_cannot_end_a_script() {
        assert_eq!(
            json_string("</script><!--\"\\\n\u{2028}\u{1}"),
            r#""\u003c/script\u003e\u003c!--\"\\\n\u2028\u0001""#
        );
    }
}
