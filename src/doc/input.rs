//! Dates and times as people type or write them in Japan, read into
//! values: the editor's date and time fields, and (later) spreadsheet cells.
//!
//! Accepted dates: `2004-02-25`, `2004/2/25`, `2004.2.25`, `2004年2月25日`,
//! era years (`平成16年2月25日`, `H16.2.25`, `令和元年5月1日`, `R6.4.1`),
//! Excel's serial day numbers (`38042`, a cell that lost its date format),
//! and without a year (`2月25日`, `2/25`) in a year the caller gives; a
//! weekday may follow in brackets (`(水)`, `（水曜日）`, `(Wed)`) and must
//! agree with the date. Times: `18:00`, `9:30`, `18時`, `18時30分`,
//! `18時半`, `午後6時`, `PM 6:00`. Ranges: `18:00〜20:30`, `18:00-20:30`,
//! `18時から20時`, and days `2月4日〜6日`. Full-width digits and signs
//! (`２００４年２月２５日`, `１８：００`) read as their ASCII twins.
//!
//! Each function returns the value or a message in Japanese and English
//! saying what was not understood; nothing here guesses silently.

use crate::load::Problem;
use crate::model::text::{Lang, Text};
use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

/// Full-width ASCII (`０`–`９`, `：`, `／`, `Ｈ`, …) as ASCII, the ideographic
/// space as a space, and the wave dashes and `~` as `〜`.
pub fn normalize(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '～' | '~' | '〰' => '〜',
            '\u{ff01}'..='\u{ff5d}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

fn problem(ja: String, en: String) -> Problem {
    Text::both(ja, en)
}

/// The Japanese eras that a date may be written in, with their first year.
const ERAS: &[(&str, &str, i32)] = &[
    ("令和", "R", 2019),
    ("平成", "H", 1989),
    ("昭和", "S", 1926),
    ("大正", "T", 1912),
    ("明治", "M", 1868),
];

/// Splits `s` at its first char that is not an ASCII digit: the number
/// before it (when there is one) and the rest.
fn leading_number(s: &str) -> Option<(u32, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || end > 9 {
        return None;
    }
    Some((s[..end].parse().ok()?, &s[end..]))
}

/// Reads `N<sep>` where `sep` is one of `seps`; returns N and the rest.
fn number_then<'a>(s: &'a str, seps: &[&str]) -> Option<(u32, &'a str)> {
    let (n, rest) = leading_number(s)?;
    seps.iter()
        .find_map(|sep| rest.strip_prefix(sep))
        .map(|rest| (n, rest))
}

/// A weekday written in brackets after a date: `(水)`, `（水曜日）`, `(Wed)`.
fn weekday_note(s: &str) -> Option<Result<Weekday, ()>> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let inner = s
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']))
        .map(str::trim);
    let Some(inner) = inner else {
        return Some(Err(()));
    };
    let inner = inner.trim_end_matches("曜日").trim_end_matches('曜');
    let day = match inner.to_ascii_lowercase().as_str() {
        "日" | "sun" | "sunday" => Weekday::Sun,
        "月" | "mon" | "monday" => Weekday::Mon,
        "火" | "tue" | "tuesday" => Weekday::Tue,
        "水" | "wed" | "wednesday" => Weekday::Wed,
        "木" | "thu" | "thursday" => Weekday::Thu,
        "金" | "fri" | "friday" => Weekday::Fri,
        "土" | "sat" | "saturday" => Weekday::Sat,
        _ => return Some(Err(())),
    };
    Some(Ok(day))
}

/// Year, month and day, then what follows them.
fn ymd(s: &str, default_year: Option<i32>) -> Option<((i32, u32, u32), &str)> {
    // Era years: 平成16年2月25日, H16.2.25, 令和元年5月1日.
    for (name, letter, first) in ERAS {
        let rest = s
            .strip_prefix(name)
            .or_else(|| s.strip_prefix(letter))
            .or_else(|| s.strip_prefix(&*letter.to_ascii_lowercase()));
        if let Some(rest) = rest {
            let (n, rest) = match rest.strip_prefix("元") {
                Some(r) => (1, r.strip_prefix('年')?),
                None => number_then(rest, &["年", ".", "/", "-"])?,
            };
            let (m, rest) = number_then(rest, &["月", ".", "/", "-"])?;
            let (d, rest) = leading_number(rest)?;
            let rest = rest.strip_prefix('日').unwrap_or(rest);
            return Some(((first + n as i32 - 1, m, d), rest));
        }
    }
    // 2004年2月25日, 2004-02-25, 2004/2/25, 2004.2.25.
    if let Some((y, rest)) = number_then(s, &["年", "-", "/", "."]) {
        if y >= 1000 {
            let (m, rest) = number_then(rest, &["月", "-", "/", "."])?;
            let (d, rest) = leading_number(rest)?;
            let rest = rest.strip_prefix('日').unwrap_or(rest);
            return Some(((y as i32, m, d), rest));
        }
    }
    // 2月25日, 2/25: the year the caller gives.
    let year = default_year?;
    let (m, rest) = number_then(s, &["月", "/"])?;
    let (d, rest) = leading_number(rest)?;
    let rest = rest.strip_prefix('日').unwrap_or(rest);
    Some(((year, m, d), rest))
}

/// A date as typed. `default_year` is used when none is written.
///
/// # Errors
/// A bilingual message when the text is not a date, is not a real date,
/// or names a weekday the date does not fall on.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use iguren_calendar::doc::input::parse_day;
/// let d = NaiveDate::from_ymd_opt(2004, 2, 25).unwrap();
/// for text in ["2004/2/25", "平成16年2月25日(水)", "H16.2.25", "２月２５日（水曜日）"] {
///     assert_eq!(parse_day(text, Some(2004)), Ok(d));
/// }
/// assert!(parse_day("2004年2月25日(木)", None).is_err());
/// ```
pub fn parse_day(text: &str, default_year: Option<i32>) -> Result<NaiveDate, Problem> {
    let s = normalize(text).replace(' ', "");
    let shown = crate::load::escape_controls(text.trim());
    let not_a_date = || {
        problem(
            format!("「{shown}」を日付として読めません（例: 2004/2/25、2月25日、平成16年2月25日）"),
            format!("cannot read \"{shown}\" as a date (e.g. 2004/2/25, 2月25日, 平成16年2月25日)"),
        )
    };
    // An Excel serial day number (38042 is 2004-02-25), as a cell that
    // lost its date format shows it: five digits, nothing else.
    if s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit()) {
        let serial: i64 = s.parse().map_err(|_| not_a_date())?;
        return NaiveDate::from_ymd_opt(1899, 12, 30)
            .and_then(|epoch| epoch.checked_add_signed(chrono::Duration::days(serial)))
            .ok_or_else(not_a_date);
    }
    let ((y, m, d), rest) = ymd(&s, default_year).ok_or_else(not_a_date)?;
    let date = NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        problem(
            format!("{y}年{m}月{d}日 は存在しない日付です"),
            format!("{y}-{m:02}-{d:02} is not a real date"),
        )
    })?;
    match weekday_note(rest) {
        None => Ok(date),
        Some(Err(())) => Err(not_a_date()),
        Some(Ok(w)) if w == date.weekday() => Ok(date),
        Some(Ok(w)) => {
            let real = crate::jp::weekday(date, Lang::Ja);
            let said = crate::jp::weekday_name(w.num_days_from_sunday() as usize, Lang::Ja);
            Err(problem(
                format!("{m}月{d}日は{real}曜日です（{said}曜日と書かれています）"),
                format!(
                    "{y}-{m:02}-{d:02} is a {:?}, not a {w:?} as written",
                    date.weekday()
                ),
            ))
        }
    }
}

/// A time as typed: `18:00`, `9:30`, `18時`, `18時30分`, `18時半`,
/// `午後6時`, `PM 6:00`.
///
/// # Errors
/// A bilingual message when the text is not a time of day.
pub fn parse_clock(text: &str) -> Result<NaiveTime, Problem> {
    let s = normalize(text).replace(' ', "");
    let shown = crate::load::escape_controls(text.trim());
    let bad = || {
        problem(
            format!("「{shown}」を時刻として読めません（例: 18:30、18時30分、午後6時半）"),
            format!("cannot read \"{shown}\" as a time (e.g. 18:30, 18時30分, 午後6時半)"),
        )
    };
    let upper = s.to_ascii_uppercase();
    let (half, s) = if let Some(r) = s.strip_prefix("午前") {
        (Some(false), r.to_string())
    } else if let Some(r) = s.strip_prefix("午後") {
        (Some(true), r.to_string())
    } else if let Some(r) = upper.strip_prefix("AM").or(upper.strip_suffix("AM")) {
        (Some(false), r.to_string())
    } else if let Some(r) = upper.strip_prefix("PM").or(upper.strip_suffix("PM")) {
        (Some(true), r.to_string())
    } else {
        (None, s)
    };
    let (h, rest) = number_then(&s, &[":", "時"]).ok_or_else(bad)?;
    let (m, rest) = if rest.is_empty() || rest == "00分" {
        (0, "")
    } else if let Some(r) = rest.strip_prefix('半') {
        (30, r)
    } else {
        let (m, r) = leading_number(rest).ok_or_else(bad)?;
        (m, r.strip_prefix('分').unwrap_or(r))
    };
    // Seconds, as the file allows (`18:00:00`).
    let (sec, rest) = match rest.strip_prefix(':') {
        Some(r) => leading_number(r).ok_or_else(bad)?,
        None => (0, rest),
    };
    if !rest.is_empty() {
        return Err(bad());
    }
    let h = match half {
        Some(pm) if h <= 12 => (h % 12) + if pm { 12 } else { 0 },
        Some(_) => return Err(bad()),
        None => h,
    };
    NaiveTime::from_hms_opt(h, m, sec).ok_or_else(|| {
        problem(
            format!("{h}時{m}分 は存在しない時刻です（0:00〜23:59）"),
            format!("{h}:{m:02} is not a real time (0:00 to 23:59)"),
        )
    })
}

/// Splits a range written with `〜`, `から`, or (for times) `-`.
fn split_range(s: &str, dash: bool) -> Option<(&str, &str)> {
    s.split_once('〜')
        .or_else(|| s.split_once("から"))
        .or_else(|| if dash { s.split_once('-') } else { None })
        .or_else(|| s.split_once('–'))
        .map(|(a, b)| (a.trim(), b.trim()))
}

/// A time or a time range: `18:00`, `18:00〜20:30`, `18:00-20:30`,
/// `18時から20時半`.
///
/// # Errors
/// The message of the part that is not a time.
pub fn parse_clock_range(text: &str) -> Result<(NaiveTime, Option<NaiveTime>), Problem> {
    let s = normalize(text);
    match split_range(&s, true) {
        Some((a, b)) if !b.is_empty() => Ok((parse_clock(a)?, Some(parse_clock(b)?))),
        Some((a, _)) => Ok((parse_clock(a)?, None)),
        None => Ok((parse_clock(&s)?, None)),
    }
}

/// A day or a span of days: `2004/2/4`, `2月4日〜6日`, `2月28日〜3月2日`.
/// The end may leave out what it shares with the start.
///
/// # Errors
/// The message of the part that is not a date.
pub fn parse_day_range(
    text: &str,
    default_year: Option<i32>,
) -> Result<(NaiveDate, Option<NaiveDate>), Problem> {
    let s = normalize(text);
    let Some((a, b)) = split_range(&s, false) else {
        return Ok((parse_day(&s, default_year)?, None));
    };
    let start = parse_day(a, default_year)?;
    let b = b.replace(' ', "");
    // `6日` (or `6`): the start's month; `3月2日`: the start's year.
    let end = match leading_number(&b) {
        Some((d, rest)) if rest.is_empty() || rest.starts_with('日') => {
            let rest = rest.strip_prefix('日').unwrap_or(rest);
            let date = parse_day(
                &format!("{}/{}/{d}{rest}", start.year(), start.month()),
                None,
            )?;
            Some(date)
        }
        _ => Some(parse_day(&b, Some(start.year()))?),
    };
    Ok((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn dates_in_every_usual_form() {
        let feb25 = day(2004, 2, 25);
        for text in [
            "2004-02-25",
            "2004/2/25",
            "2004.2.25",
            "2004年2月25日",
            "2004年2月25日(水)",
            "2004年2月25日（水曜日）",
            "2004/2/25 (Wed)",
            "平成16年2月25日",
            "H16.2.25",
            "h16/2/25",
            "２００４年２月２５日",
            "２月２５日",
            "2/25",
            " 2月25日 ",
        ] {
            assert_eq!(parse_day(text, Some(2004)), Ok(feb25), "{text}");
        }
        assert_eq!(parse_day("令和6年4月1日", None), Ok(day(2024, 4, 1)));
        assert_eq!(parse_day("R6.4.1", None), Ok(day(2024, 4, 1)));
        assert_eq!(parse_day("令和元年5月1日", None), Ok(day(2019, 5, 1)));
        assert_eq!(parse_day("昭和64年1月7日", None), Ok(day(1989, 1, 7)));
        assert_eq!(parse_day("38042", None), Ok(feb25));
    }

    #[test]
    fn what_is_not_a_date_says_so() {
        let e = parse_day("2004年2月30日", None).unwrap_err();
        assert_eq!(
            e.get(crate::model::text::Lang::En),
            "2004-02-30 is not a real date"
        );
        let e = parse_day("2004年2月25日(木)", None).unwrap_err();
        assert_eq!(e.ja, "2月25日は水曜日です（木曜日と書かれています）");
        assert!(parse_day("2月25日", None).is_err(), "no year to use");
        assert!(parse_day("来週", Some(2004)).is_err());
        assert!(parse_day("2004/2/25 夜", None).is_err());
        assert!(parse_day("", Some(2004)).is_err());
        assert!(parse_day("99999999999/1/1", None).is_err());
    }

    #[test]
    fn times_in_every_usual_form() {
        for (text, want) in [
            ("18:00", time(18, 0)),
            ("9:05", time(9, 5)),
            ("18時", time(18, 0)),
            ("18時30分", time(18, 30)),
            ("18時半", time(18, 30)),
            ("午後6時", time(18, 0)),
            ("午後6時半", time(18, 30)),
            ("午前11時", time(11, 0)),
            ("午後12時", time(12, 0)),
            ("午前12時", time(0, 0)),
            ("PM 6:00", time(18, 0)),
            ("6:00pm", time(18, 0)),
            ("１８：００", time(18, 0)),
            ("18:00:00", time(18, 0)),
        ] {
            assert_eq!(parse_clock(text), Ok(want), "{text}");
        }
        assert_eq!(
            parse_clock("25:00")
                .unwrap_err()
                .get(crate::model::text::Lang::En)
                .to_string(),
            "25:00 is not a real time (0:00 to 23:59)"
        );
        assert!(parse_clock("午後13時").is_err());
        assert!(parse_clock("夕方").is_err());
        assert!(parse_clock("18").is_err());
    }

    #[test]
    fn ranges_of_times_and_days() {
        assert_eq!(
            parse_clock_range("18:00〜20:30"),
            Ok((time(18, 0), Some(time(20, 30))))
        );
        assert_eq!(
            parse_clock_range("18:00-20:30"),
            Ok((time(18, 0), Some(time(20, 30))))
        );
        assert_eq!(
            parse_clock_range("18時から20時半"),
            Ok((time(18, 0), Some(time(20, 30))))
        );
        assert_eq!(parse_clock_range("１８：００～"), Ok((time(18, 0), None)));
        assert_eq!(
            parse_day_range("2月4日〜6日", Some(2004)),
            Ok((day(2004, 2, 4), Some(day(2004, 2, 6))))
        );
        assert_eq!(
            parse_day_range("2004/2/28〜3/2", None),
            Ok((day(2004, 2, 28), Some(day(2004, 3, 2))))
        );
        assert_eq!(
            parse_day_range("2004年2月4日(水)〜6日(金)", None),
            Ok((day(2004, 2, 4), Some(day(2004, 2, 6))))
        );
        assert!(parse_day_range("2004年2月4日〜6日(土)", None).is_err());
    }
}
