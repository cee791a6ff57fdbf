//! Events in and out of spreadsheets: a CSV file's rows merged into the
//! events document, and the document's events written as CSV.
//!
//! Reading is forgiving where people differ (headers by their usual
//! Japanese or English names, dates and times as written in Japanese
//! offices, see [`crate::doc::input`]) and strict where it matters: every cell
//! that cannot be read is a problem naming its row and column, a row with
//! a problem is left out whole, and after conversion the same checks as
//! `calendar check` apply to what would be merged. The text must already
//! be decoded (the page uses the browser's `TextDecoder`, the maintainer
//! tool `encoding_rs`); [`decode`] tells UTF-8 and Shift_JIS apart.
//!
//! Writing gives UTF-8 with a byte order mark and CRLF (what Excel on
//! Windows opens correctly), with the headers that reading knows best.

pub mod columns;
mod merge;
pub mod read;
mod row;

pub use merge::{import, Import};
pub use row::{Options, RowProblem};

use crate::doc::{Doc, Value};
use columns::{header, Column};
use read::cell;

/// The columns export writes, in order.
pub const EXPORT_COLUMNS: &[Column] = &[
    Column::Id,
    Column::Project,
    Column::Title,
    Column::TitleEn,
    Column::Date,
    Column::EndDate,
    Column::Start,
    Column::End,
    Column::Venue,
    Column::Room,
    Column::Address,
    Column::Fee,
    Column::Capacity,
    Column::Speakers,
    Column::Contact,
    Column::Phone,
    Column::Fax,
    Column::Email,
    Column::Url,
    Column::Description,
    Column::Status,
];

/// What the bytes of a CSV file are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte order mark.
    Utf8,
    /// Shift_JIS as Windows writes it (CP932): Excel's 「CSV（コンマ区切り）」.
    ShiftJis,
}

/// Tells UTF-8 from Shift_JIS: bytes that are valid UTF-8 are UTF-8 (a
/// Shift_JIS file of Japanese text almost never is); otherwise they must
/// be valid Shift_JIS, checked byte by byte.
///
/// # Errors
/// The first byte where the file is neither, as a bilingual message.
pub fn decode_kind(bytes: &[u8]) -> Result<Encoding, crate::model::text::Text> {
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(Encoding::Utf8);
    }
    match shift_jis_error(bytes) {
        None => Ok(Encoding::ShiftJis),
        Some(at) => Err(crate::model::text::Text::both(
            format!("バイト {at} から先が UTF-8 でも Shift_JIS でもありません。Excel なら「CSV UTF-8」か「CSV（コンマ区切り）」で保存してください"),
            format!("from byte {at} the file is neither UTF-8 nor Shift_JIS; in Excel save it as \"CSV UTF-8\" or \"CSV (Comma delimited)\""),
        )),
    }
}

/// The offset of the first byte that cannot be CP932, if any.
fn shift_jis_error(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            0x00..=0x7f | 0xa1..=0xdf => i += 1,
            0x81..=0x9f | 0xe0..=0xfc => match bytes.get(i + 1) {
                Some(0x40..=0x7e | 0x80..=0xfc) => i += 2,
                _ => return Some(i),
            },
            _ => return Some(i),
        }
    }
    None
}

/// The text of a field in the document, for export.
fn text_at(v: &Value, path: &[&str]) -> String {
    let mut at = v;
    for step in path {
        match at.get(step) {
            Some(next) => at = next,
            None => return String::new(),
        }
    }
    match at {
        Value::String { value, .. } => value.clone(),
        Value::Number(n) => n.clone(),
        // A bilingual text: its Japanese.
        Value::Object { .. } => at
            .get("ja")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        _ => String::new(),
    }
}

pub use crate::doc::form::{speakers_cell, speakers_value};

/// Splits `2004-02-25T18:00` into its date and time parts.
fn split_moment(s: &str) -> (&str, &str) {
    match s.split_once(['T', ' ']) {
        Some((d, t)) => (d, t),
        None => (s, ""),
    }
}

/// The document's events as CSV: UTF-8 with a byte order mark, CRLF, a
/// header row and one row per event, in the document's order.
pub fn export(doc: &Doc) -> String {
    let mut out = String::from("\u{feff}");
    let headers: Vec<String> = EXPORT_COLUMNS.iter().map(|c| cell(header(*c))).collect();
    out.push_str(&headers.join(","));
    out.push_str("\r\n");
    let project_name = |id: &str| -> String {
        match doc.get("/projects") {
            Some(Value::Array { items, .. }) => items
                .iter()
                .find(|p| p.get("id").and_then(Value::as_str) == Some(id))
                .map(|p| text_at(p, &["name"]))
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| id.to_string()),
            _ => id.to_string(),
        }
    };
    let Some(Value::Array { items, .. }) = doc.get("/events") else {
        return out;
    };
    for e in items {
        let (start_date, start_time) = {
            let s = text_at(e, &["start"]);
            let (d, t) = split_moment(&s);
            (d.to_string(), t.to_string())
        };
        let (end_date, end_time) = {
            let s = text_at(e, &["end"]);
            let (d, t) = split_moment(&s);
            (d.to_string(), t.to_string())
        };
        // The end day only when it differs from the start day.
        let end_date = if end_date == start_date {
            String::new()
        } else {
            end_date
        };
        let title = e.get("title").and_then(Value::as_str).unwrap_or("");
        let cells: Vec<String> = EXPORT_COLUMNS
            .iter()
            .map(|c| match c {
                Column::Id => text_at(e, &["id"]),
                Column::Project => project_name(&text_at(e, &["project"])),
                Column::Title => title.to_string(),
                Column::TitleEn => text_at(e, &["titleEn"]),
                Column::Date => start_date.clone(),
                Column::EndDate => end_date.clone(),
                Column::Start => start_time.clone(),
                Column::End => end_time.clone(),
                Column::Venue => text_at(e, &["venue", "name"]),
                Column::Room => text_at(e, &["venue", "room"]),
                Column::Address => text_at(e, &["venue", "address"]),
                Column::Fee => text_at(e, &["fee"]),
                Column::Capacity => text_at(e, &["capacity"]),
                Column::Speakers => speakers_cell(e.get("speakers")),
                Column::Contact => text_at(e, &["contact", "name"]),
                Column::Phone => text_at(e, &["contact", "phone"]),
                Column::Fax => text_at(e, &["contact", "fax"]),
                Column::Email => text_at(e, &["contact", "email"]),
                Column::Url => text_at(e, &["url"]),
                Column::Description => text_at(e, &["description"]),
                Column::Status => text_at(e, &["status"]),
            })
            .map(|s| cell(&s))
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Where the build publishes [`template`], beside `index.html`.
pub const TEMPLATE_PATH: &str = "テンプレート.csv";

/// The template offered to maintainers: the headers and one example row.
pub fn template() -> String {
    Doc::parse(
        r#"{"projects": [{"id": "nikkan", "name": "日韓ビジネス協議会"}],
        "events": [{"id": "", "project": "nikkan", "title": "第41回日韓ビジネス協議会",
        "start": "2004-03-24T18:00", "end": "2004-03-24T20:00",
        "venue": {"name": "神奈川中小企業センター", "room": "6階 第1会議室", "address": "横浜市中区尾上町5-80"},
        "fee": "1,000円", "capacity": "30名", "speakers": [{"name": "瀧澤会長"}],
        "contact": {"name": "日韓ビジネス協議会 事務局", "phone": "045-633-5192", "fax": "045-633-5194", "email": "info@example.jp"},
        "url": "", "description": "参加は自由です。", "status": ""}]}"#,
    )
    .map(|d| export(&d))
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_shift_jis_are_told_apart() {
        assert_eq!(decode_kind("日付,件名".as_bytes()), Ok(Encoding::Utf8));
        // 「日付」 in Shift_JIS: 93 fa 95 74.
        assert_eq!(
            decode_kind(&[0x93, 0xfa, 0x95, 0x74, b',']),
            Ok(Encoding::ShiftJis)
        );
        // Half-width katakana are single bytes in Shift_JIS.
        assert_eq!(decode_kind(&[0xb1, 0xb2]), Ok(Encoding::ShiftJis));
        let e = decode_kind(&[b'a', 0x93, 0x20]).unwrap_err();
        let en = e.get(crate::model::text::Lang::En);
        assert!(en.starts_with("from byte 1 "), "{en}");
    }

    #[test]
    fn the_template_reads_back_as_its_example() {
        let t = template();
        assert!(t.starts_with("\u{feff}id,プロジェクト,タイトル,"));
        assert!(t.contains(
            "\r\n,日韓ビジネス協議会,第41回日韓ビジネス協議会,,2004-03-24,,18:00,20:00,"
        ));
        let rows = read::rows(&t).unwrap();
        assert_eq!(rows.len(), 2);
    }
}
