//! Checks and conversions of single values: ids, dates, times, instants,
//! links, e-mail addresses, phone numbers, colours.
//!
//! Each returns the parsed value or a bilingual message (`(ja, en)`) that
//! says what is wrong with the text; the caller adds where.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A problem with one value, in Japanese and English.
pub type Problem = (String, String);

fn problem(ja: impl Into<String>, en: impl Into<String>) -> Problem {
    (ja.into(), en.into())
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
        Err(problem(
            format!("ID「{s}」はURLに使えません。半角英小文字・数字・ハイフンだけで、64文字以内にしてください（例: kawasaki-salon-2004-02-25）"),
            format!("id \"{s}\" is not URL-safe: use only a-z, 0-9 and '-', at most 64 characters (e.g. kawasaki-salon-2004-02-25)"),
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
        problem(
            format!("日付「{s}」は YYYY-MM-DD の形で書いてください（例: 2004-02-25）"),
            format!("date \"{s}\" must be written YYYY-MM-DD (e.g. 2004-02-25)"),
        )
    };
    let [Some(y), Some(m), Some(d), None] = parts else {
        return Err(format());
    };
    let (Some(y), Some(m), Some(d)) = (number(y, 4), number(m, 2), number(d, 2)) else {
        return Err(format());
    };
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| {
        problem(
            format!("{s} は存在しない日付です"),
            format!("{s} is not a real date"),
        )
    })
}

/// `HH:MM` or `HH:MM:SS`, 00:00 to 23:59.
pub fn parse_time(s: &str) -> Result<NaiveTime, Problem> {
    let mut parts = s.splitn(4, ':');
    let parts = [parts.next(), parts.next(), parts.next(), parts.next()];
    let format = || {
        problem(
            format!("時刻「{s}」は HH:MM の形で書いてください（例: 18:00）"),
            format!("time \"{s}\" must be written HH:MM (e.g. 18:00)"),
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
        problem(
            format!("{s} は存在しない時刻です（00:00〜23:59）"),
            format!("{s} is not a real time (00:00 to 23:59)"),
        )
    })
}

/// A local date or date-time: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
pub enum Moment {
    Date(NaiveDate),
    DateTime(NaiveDateTime),
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
        problem(
            format!("日時「{s}」は 2004-02-10T09:00:00+09:00 の形で書いてください（時差つき）"),
            format!("\"{s}\" must be a date-time with its offset, like 2004-02-10T09:00:00+09:00"),
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
        (local, sign * i64::from(h * 60 + m))
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

/// Only http(s) links are followed; `javascript:`, `data:` and the like
/// are refused.
pub fn check_url(s: &str) -> Result<(), Problem> {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return Err(problem(
            format!("リンク「{s}」は http:// か https:// で始めてください（他の形式は安全のため使えません）"),
            format!("link \"{s}\" must start with http:// or https:// (other schemes are refused for safety)"),
        ));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(problem(
            format!("リンク「{s}」はURLとして正しくありません（空白やホスト名の抜け）"),
            format!("link \"{s}\" is not a valid URL (spaces, or no host name)"),
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
        Err(problem(
            format!("メールアドレス「{s}」の形が正しくありません（例: info@example.jp）"),
            format!("e-mail address \"{s}\" is malformed (e.g. info@example.jp)"),
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
        Err(problem(
            format!("電話番号「{s}」の形が正しくありません（例: 045-633-5192）"),
            format!("phone number \"{s}\" is malformed (e.g. 045-633-5192)"),
        ))
    }
}

/// `#rrggbb` or `#rgb`.
pub fn check_color(s: &str) -> Result<(), Problem> {
    let hex = s.strip_prefix('#').unwrap_or("");
    if (hex.len() == 6 || hex.len() == 3) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(())
    } else {
        Err(problem(
            format!("色「{s}」は #rrggbb の形で書いてください（例: #1565c0）"),
            format!("colour \"{s}\" must be written #rrggbb (e.g. #1565c0)"),
        ))
    }
}

/// Edit distance, for "did you mean" hints on misspelt field names.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times() {
        assert!(parse_date("2004-02-29").is_ok());
        assert_eq!(
            parse_date("2004-02-30").unwrap_err().1,
            "2004-02-30 is not a real date"
        );
        assert!(parse_date("2004-2-3").is_err());
        assert_eq!(
            parse_time("25:00").unwrap_err().1,
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
    }
}
