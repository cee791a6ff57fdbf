//! Checks and conversions of single values: ids, dates, times, instants,
//! links, e-mail addresses, phone numbers, colours.
//!
//! Each returns the parsed value or a bilingual message (`(ja, en)`) that
//! says what is wrong with the text; the caller adds where.

use crate::model::text::Text;
use crate::model::{Deadline, Status, When};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A problem with one value: a message in Japanese and English.
pub type Problem = Text;

/// At most this many characters of a value are quoted in a message.
pub(super) const SHOWN_CHARS: usize = 60;

/// A value from the file as a message quotes it: control characters and
/// line breaks escaped (see [`escape_controls`]), and cut to its first 60
/// characters with `…`, so a 5 MB string gives a readable message.
pub fn shown(s: &str) -> String {
    match s.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", escape_controls(&s[..cut])),
        None => escape_controls(s),
    }
}

/// The text with every character that could break a message's line or
/// reach a terminal as a command escaped: `\n`, `\r`, `\t`, and `\u001b`
/// style for other control characters (C0, DEL, C1), the Unicode line and
/// paragraph separators, and the bidirectional overrides that can make a
/// line read differently from what it holds. Everything else is unchanged.
pub fn escape_controls(s: &str) -> String {
    if !s.contains(needs_escape) {
        return s.to_string();
    }
    escape(s)
}

/// [`escape_controls`] of an owned text, which is kept as it is (not
/// copied) when nothing in it needs escaping: the common case.
pub fn escape_controls_owned(s: String) -> String {
    if s.contains(needs_escape) {
        escape(&s)
    } else {
        s
    }
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{feff}'
        )
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn escape(s: &str) -> String {
    let needs = needs_escape;
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs(c) => {
                use std::fmt::Write;
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Ids name files and URLs: lower-case ASCII letters, digits and `-`,
/// starting with a letter or digit, at most 64 characters.
pub fn check_id(s: &str) -> Result<(), Problem> {
    let ok = !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-');
    if ok {
        Ok(())
    } else {
        Err(says!(
            format!("ID「{}」はURLに使えません。半角英小文字・数字・ハイフンだけで、64文字以内にしてください（例: kawasaki-salon-2004-02-25）", shown(s)),
            format!("id \"{}\" is not URL-safe: use only a-z, 0-9 and '-', at most 64 characters (e.g. kawasaki-salon-2004-02-25)", shown(s)),
        ))
    }
}

fn number(s: &str, digits: usize) -> Option<u32> {
    if s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate, Problem> {
    let mut parts = s.splitn(4, '-');
    let parts = [parts.next(), parts.next(), parts.next(), parts.next()];
    let format = || {
        says!(
            format!(
                "日付「{}」は YYYY-MM-DD の形で書いてください（例: 2004-02-25）",
                shown(s)
            ),
            format!(
                "date \"{}\" must be written YYYY-MM-DD (e.g. 2004-02-25)",
                shown(s)
            ),
        )
    };
    let [Some(y), Some(m), Some(d), None] = parts else {
        return Err(format());
    };
    let (Some(y), Some(m), Some(d)) = (number(y, 4), number(m, 2), number(d, 2)) else {
        return Err(format());
    };
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| {
        says!(
            format!("{} は存在しない日付です", shown(s)),
            format!("{} is not a real date", shown(s)),
        )
    })
}

/// `HH:MM` or `HH:MM:SS`, 00:00 to 23:59.
pub fn parse_time(s: &str) -> Result<NaiveTime, Problem> {
    let mut parts = s.splitn(4, ':');
    let parts = [parts.next(), parts.next(), parts.next(), parts.next()];
    let format = || {
        says!(
            format!(
                "時刻「{}」は HH:MM の形で書いてください（例: 18:00）",
                shown(s)
            ),
            format!("time \"{}\" must be written HH:MM (e.g. 18:00)", shown(s)),
        )
    };
    let (h, m, sec) = match parts {
        [Some(h), Some(m), None, None] => (h, m, "00"),
        [Some(h), Some(m), Some(sec), None] => (h, m, sec),
        _ => return Err(format()),
    };
    let (Some(h), Some(m), Some(sec)) = (number(h, 2), number(m, 2), number(sec, 2)) else {
        return Err(format());
    };
    NaiveTime::from_hms_opt(h, m, sec).ok_or_else(|| {
        says!(
            format!("{} は存在しない時刻です（00:00〜23:59）", shown(s)),
            format!("{} is not a real time (00:00 to 23:59)", shown(s)),
        )
    })
}

/// A local date or date-time: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
pub enum Moment {
    Date(NaiveDate),
    DateTime(NaiveDateTime),
}

impl Moment {
    /// A registration deadline: the whole day, or until that time.
    pub fn deadline(self) -> Deadline {
        match self {
            Moment::Date(d) => Deadline::Day(d),
            Moment::DateTime(t) => Deadline::At(t),
        }
    }

    /// The moment as a date-time (a day at its midnight).
    pub fn at(self) -> NaiveDateTime {
        match self {
            Moment::Date(d) => d.and_time(NaiveTime::MIN),
            Moment::DateTime(t) => t,
        }
    }
}

pub fn parse_moment(s: &str) -> Result<Moment, Problem> {
    match s.split_once(['T', ' ']) {
        None => parse_date(s).map(Moment::Date),
        Some((d, t)) => {
            let date = parse_date(d)?;
            let time = parse_time(t)?;
            Ok(Moment::DateTime(date.and_time(time)))
        }
    }
}

/// An instant with its offset, `2004-02-10T09:00:00+09:00` or `...Z`,
/// returned in UTC.
pub fn parse_instant(s: &str) -> Result<NaiveDateTime, Problem> {
    let bad = || {
        says!(
            format!(
                "日時「{}」は 2004-02-10T09:00:00+09:00 の形で書いてください（時差つき）",
                shown(s)
            ),
            format!(
                "\"{}\" must be a date-time with its offset, like 2004-02-10T09:00:00+09:00",
                shown(s)
            ),
        )
    };
    let (local, offset_minutes) = if let Some(local) = s.strip_suffix('Z') {
        (local, 0i64)
    } else if s.len() > 6 && s.is_char_boundary(s.len() - 6) {
        let (local, off) = s.split_at(s.len() - 6);
        if !off.is_ascii() {
            return Err(bad());
        }
        let b = off.as_bytes();
        if !(b[0] == b'+' || b[0] == b'-') || b[3] != b':' {
            return Err(bad());
        }
        let (Some(h), Some(m)) = (number(&off[1..3], 2), number(&off[4..6], 2)) else {
            return Err(bad());
        };
        let sign = if b[0] == b'-' { -1 } else { 1 };
        let minutes = sign * i64::from(h * 60 + m);
        // Real offsets run from -12:00 to +14:00 (Kiribati); a typo such
        // as +99:99 would otherwise shift the instant by days.
        if m >= 60 || !(-12 * 60..=14 * 60).contains(&minutes) {
            return Err(says!(
                format!(
                    "時差「{}」は正しくありません（-12:00〜+14:00、日本は +09:00）",
                    shown(off)
                ),
                format!(
                    "offset \"{}\" is not a real one (-12:00 to +14:00; Japan is +09:00)",
                    shown(off)
                ),
            ));
        }
        (local, minutes)
    } else {
        return Err(bad());
    };
    if !local.contains('T') {
        return Err(bad());
    }
    match parse_moment(local)? {
        Moment::DateTime(dt) => Ok(dt - chrono::Duration::minutes(offset_minutes)),
        Moment::Date(_) => Err(bad()),
    }
}

/// The value of a JSON number's text when it is a whole number from 0 to
/// `u32::MAX`, however it is written: `2`, `2.0` and `2e0` are all 2, as
/// JSON Schema's `integer` counts them; `2.5`, `-1` and `1e99` are not.
pub fn whole_number(text: &str) -> Option<u32> {
    let (mantissa, exp) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.strip_prefix('+').unwrap_or(e).parse::<i64>().ok()?),
        None => (text, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if let Some(magnitude) = int.strip_prefix('-') {
        // Only -0 is a whole number that is not below zero.
        let zero = |d: &str| d.bytes().all(|b| b == b'0');
        return (zero(magnitude) && zero(frac)).then_some(0);
    }
    let digits: String = [int, frac].concat();
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some(0);
    }
    // The value is `digits` × 10^(exp - frac.len()); only the digits that
    // stay before the decimal point may be other than zero.
    let shift = exp.checked_sub(i64::try_from(frac.len()).ok()?)?;
    let keep = i64::try_from(digits.len()).ok()?.checked_add(shift)?;
    if keep <= 0 || keep > 10 {
        return None;
    }
    let keep = keep as usize;
    let (whole, rest) = digits.split_at(keep.min(digits.len()));
    if !rest.bytes().all(|b| b == b'0') {
        return None;
    }
    let zeros = keep.saturating_sub(digits.len());
    format!("{whole}{}", "0".repeat(zeros)).parse().ok()
}

/// The site's time zone: only `Asia/Tokyo`.
pub fn check_time_zone(s: &str) -> Result<String, Problem> {
    if s == "Asia/Tokyo" {
        Ok(s.to_string())
    } else {
        Err(says!(
            format!(
                "タイムゾーン「{}」には対応していません（Asia/Tokyo のみ）",
                shown(s)
            ),
            format!(
                "time zone \"{}\" is not supported (only Asia/Tokyo)",
                shown(s)
            ),
        ))
    }
}

/// The organiser's domain, a host name with at least one dot.
pub fn check_domain(s: &str) -> Result<(), Problem> {
    if check_host(s) && s.contains('.') {
        Ok(())
    } else {
        Err(says!(
            format!(
                "ドメイン「{}」の形が正しくありません（例: kanagawa-iguren.com）",
                shown(s)
            ),
            format!(
                "domain \"{}\" is not a host name (e.g. kanagawa-iguren.com)",
                shown(s)
            ),
        ))
    }
}

/// A GitHub repository, `owner/name` (`site.repository`).
pub fn check_repository(s: &str) -> Result<(), Problem> {
    let ok = s.split_once('/').is_some_and(|(owner, name)| {
        let part = |p: &str, extra: &str| {
            !p.is_empty()
                && p.len() <= 100
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || extra.contains(c))
        };
        part(owner, "") && part(name, "._") && name != "." && name != ".."
    });
    if ok {
        Ok(())
    } else {
        Err(says!(
            format!(
                "リポジトリ「{}」は「持ち主/名前」の形で書いてください（例: kanagawa-iguren/calendar）",
                shown(s)
            ),
            format!(
                "repository \"{}\" must be owner/name (e.g. kanagawa-iguren/calendar)",
                shown(s)
            ),
        ))
    }
}

/// An event's `status`.
pub fn parse_status(s: &str) -> Result<Status, Problem> {
    match s {
        "scheduled" => Ok(Status::Scheduled),
        "tentative" => Ok(Status::Tentative),
        "cancelled" => Ok(Status::Cancelled),
        other => Err(says!(
            format!(
                "status「{}」は使えません（scheduled / tentative / cancelled）",
                shown(other)
            ),
            format!(
                "status \"{}\" is not one of scheduled, tentative, cancelled",
                shown(other)
            ),
        )),
    }
}

/// When an event takes place, from its start and end: both dates (all
/// day; the end at or after the start), or both date-times (the end, when
/// given, later than the start). The problem is the end's.
pub fn when(start: Moment, end: Option<Moment>) -> Result<When, Problem> {
    match (start, end) {
        (Moment::Date(start), None) => Ok(When::AllDay { start, end: start }),
        (Moment::Date(start), Some(Moment::Date(end))) => {
            if end < start {
                return Err(end_before_start());
            }
            Ok(When::AllDay { start, end })
        }
        (Moment::DateTime(start), None) => Ok(When::Timed { start, end: None }),
        (Moment::DateTime(start), Some(Moment::DateTime(end))) => {
            if end < start {
                return Err(end_before_start());
            }
            // A calendar event of no length is refused by some servers
            // (RFC 5545 §3.8.2.2 wants DTEND later than DTSTART).
            if end == start {
                return Err(end_equals_start());
            }
            Ok(When::Timed {
                start,
                end: Some(end),
            })
        }
        (Moment::Date(_), Some(Moment::DateTime(_)))
        | (Moment::DateTime(_), Some(Moment::Date(_))) => Err(says!(
            "開始と終了は、両方日付だけ（終日）か、両方時刻つきにしてください",
            "start and end must both be dates (all day) or both date-times",
        )),
    }
}

/// An end earlier than its start.
pub fn end_before_start() -> Problem {
    says!("終了が開始より前になっています", "end is before start")
}

/// A timed event whose end is its start: an event of no length.
pub fn end_equals_start() -> Problem {
    says!(
        "終了が開始と同じ時刻です。終了を開始より後にするか、終了時刻が未定なら end を省いてください",
        "end is the same as start: make it later, or leave end out when the end time is not known",
    )
}

/// Only http(s) links are followed; `javascript:`, `data:` and the like
/// are refused.
pub fn check_url(s: &str) -> Result<(), Problem> {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return Err(says!(
            format!("リンク「{}」は http:// か https:// で始めてください（他の形式は安全のため使えません）", shown(s)),
            format!("link \"{}\" must start with http:// or https:// (other schemes are refused for safety)", shown(s)),
        ));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(says!(
            format!(
                "リンク「{}」はURLとして正しくありません（空白やホスト名の抜け）",
                shown(s)
            ),
            format!(
                "link \"{}\" is not a valid URL (spaces, or no host name)",
                shown(s)
            ),
        ));
    }
    Ok(())
}

/// A plain `local@domain.tld` address.
pub fn check_email(s: &str) -> Result<(), Problem> {
    let ok = match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && local.len() <= 64
                && local
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&b))
                && !local.starts_with('.')
                && !local.ends_with('.')
                && check_host(domain)
                && domain.contains('.')
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(says!(
            format!(
                "メールアドレス「{}」の形が正しくありません（例: info@example.jp）",
                shown(s)
            ),
            format!(
                "e-mail address \"{}\" is malformed (e.g. info@example.jp)",
                shown(s)
            ),
        ))
    }
}

/// A DNS host name (ASCII labels of letters, digits and `-`).
pub fn check_host(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// A phone or fax number as people write it: digits with `-`, spaces,
/// brackets, `+`, and a note such as `(代)`; at least six digits.
pub fn check_phone(s: &str) -> Result<(), Problem> {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let allowed = |c: char| c.is_ascii_digit() || " -+()（）‐－代内線".contains(c);
    if digits >= 6 && s.chars().all(allowed) {
        Ok(())
    } else {
        Err(says!(
            format!(
                "電話番号「{}」の形が正しくありません（例: 045-633-5192）",
                shown(s)
            ),
            format!(
                "phone number \"{}\" is malformed (e.g. 045-633-5192)",
                shown(s)
            ),
        ))
    }
}

/// `#rrggbb` or `#rgb`.
pub fn check_color(s: &str) -> Result<(), Problem> {
    let hex = s.strip_prefix('#').unwrap_or("");
    if (hex.len() == 6 || hex.len() == 3) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(())
    } else {
        Err(says!(
            format!(
                "色「{}」は #rrggbb の形で書いてください（例: #1565c0）",
                shown(s)
            ),
            format!(
                "colour \"{}\" must be written #rrggbb (e.g. #1565c0)",
                shown(s)
            ),
        ))
    }
}

/// Edit distance, for "did you mean" hints on misspelt field names.
///
/// Exact up to 2, which is all the hints ask; beyond that it may return
/// any number above 2. Field names are short, so it works in one row of
/// at most 32 cells and never allocates: a file of 100,000 unknown keys
/// asks it 1.7 million times.
pub fn edit_distance(a: &str, b: &str) -> usize {
    const MAX: usize = 31;
    let b_len = b.chars().count();
    // The distance is at least the difference in length: a long key (say
    // a megabyte) is far from every field name without the full table.
    let a_len = a.chars().take(b_len + 3).count();
    if a_len > b_len + 2 || b_len > MAX {
        return a_len.abs_diff(b_len).max(3);
    }
    let mut row = [0usize; MAX + 1];
    for (j, cell) in row.iter_mut().enumerate().take(b_len + 1) {
        *cell = j;
    }
    for (i, ca) in a.chars().enumerate() {
        // `row` holds the previous row; `diagonal` its cell to the upper left.
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.chars().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j + 1] + 1).min(row[j] + 1);
        }
    }
    row[b_len]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times() {
        assert!(parse_date("2004-02-29").is_ok());
        assert_eq!(
            parse_date("2004-02-30").unwrap_err().en.unwrap(),
            "2004-02-30 is not a real date"
        );
        assert!(parse_date("2004-2-3").is_err());
        assert_eq!(
            parse_time("25:00").unwrap_err().en.unwrap(),
            "25:00 is not a real time (00:00 to 23:59)"
        );
        assert!(parse_time("9:00").is_err());
        assert!(matches!(
            parse_moment("2004-02-25T18:00"),
            Ok(Moment::DateTime(_))
        ));
    }

    #[test]
    fn instants_become_utc() {
        let t = parse_instant("2004-02-10T09:00:00+09:00").unwrap();
        assert_eq!(t.to_string(), "2004-02-10 00:00:00");
        assert_eq!(
            parse_instant("2004-02-10T09:00Z").unwrap().to_string(),
            "2004-02-10 09:00:00"
        );
        assert!(parse_instant("2004-02-10T09:00").is_err());
        assert!(parse_instant("2004-02-10+09:00").is_err());
        // Found by the property test: multi-byte text where the offset goes.
        assert!(parse_instant("\u{66bd3}CI=6").is_err());
        assert!(parse_instant("2004-02-10T09:00+０9:00").is_err());
        // Offsets are real ones only.
        assert_eq!(
            parse_instant("2004-02-10T09:00:00+99:99")
                .unwrap_err()
                .en
                .unwrap(),
            "offset \"+99:99\" is not a real one (-12:00 to +14:00; Japan is +09:00)"
        );
        assert!(parse_instant("2004-02-10T09:00:00+09:60").is_err());
        assert!(parse_instant("2004-02-10T09:00:00+14:01").is_err());
        assert!(parse_instant("2004-02-10T09:00:00-12:30").is_err());
        assert!(parse_instant("2004-02-10T09:00:00+14:00").is_ok());
        assert!(parse_instant("2004-02-10T09:00:00-12:00").is_ok());
        assert!(parse_instant("2004-02-10T09:00:00+05:45").is_ok());
    }

    #[test]
    fn whole_numbers_however_written() {
        for (text, want) in [
            ("0", Some(0)),
            ("2", Some(2)),
            ("2.0", Some(2)),
            ("2.000", Some(2)),
            ("2e0", Some(2)),
            ("2E+1", Some(20)),
            ("25e-1", None),
            ("250e-2", None),
            ("2500e-3", None),
            ("20e-1", Some(2)),
            ("1.5e1", Some(15)),
            ("-0", Some(0)),
            ("-0.0", Some(0)),
            ("-1", None),
            ("2.5", None),
            ("1e99", None),
            ("1e-99", None),
            ("4294967295", Some(u32::MAX)),
            ("4294967296", None),
            ("0.0000001e7", Some(1)),
            ("1e999999999999999999999", None),
        ] {
            assert_eq!(whole_number(text), want, "{text}");
        }
    }

    #[test]
    fn messages_quote_values_on_one_short_line() {
        assert_eq!(shown("a\nb\u{1b}[31m\tc\r"), "a\\nb\\u001b[31m\\tc\\r");
        assert_eq!(shown("\u{2028}\u{202e}\u{85}"), "\\u2028\\u202e\\u0085");
        assert_eq!(shown("日本語はそのまま"), "日本語はそのまま");
        let long = "あ".repeat(1000);
        assert_eq!(shown(&long), format!("{}…", "あ".repeat(60)));
        let e = parse_date(&format!("2004\n{long}")).unwrap_err();
        assert!(
            !e.ja.contains('\n') && e.ja.chars().count() < 120,
            "{}",
            e.ja
        );
    }

    #[test]
    fn links_emails_phones_colours() {
        assert!(check_url("https://example.org/a?b#c").is_ok());
        assert!(check_url("HTTP://EXAMPLE.ORG").is_ok());
        assert!(check_url("javascript:alert(1)").is_err());
        assert!(check_url("https:///x").is_err());
        assert!(check_email("shigeo.tanaka@m2.people.or.jp").is_ok());
        assert!(check_email("a@b").is_err());
        assert!(check_email("a b@c.jp").is_err());
        assert!(check_phone("044-819-2001(代)").is_ok());
        assert!(check_phone("call me").is_err());
        assert!(check_color("#1565c0").is_ok());
        assert!(check_color("blue").is_err());
        assert!(check_id("kawasaki-salon").is_ok());
        assert!(check_id("Kawasaki Salon").is_err());
        assert_eq!(edit_distance("titel", "title"), 2);
        assert_eq!(edit_distance("title", "title"), 0);
        assert_eq!(edit_distance("", "url"), 3);
        assert_eq!(edit_distance("venu", "venue"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("場所", "場所"), 0);
        assert!(edit_distance(&"x".repeat(1_000_000), "title") > 2);
    }
}
