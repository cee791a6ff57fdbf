//! Dates as people read them, in Japanese and in English: 和暦 era years,
//! weekday and month names, the month heading, days, dates, times, Tokyo
//! instants and an event's "when" in one line.
//!
//! The formats are hand-written (chrono is built without its formatting
//! machinery, to keep the WebAssembly small).

use crate::model::month::Month;
use crate::model::text::Lang;
use crate::model::When;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

// ----- 和暦 -----

/// The eras from Meiji on: name, romanised name, first day.
const ERAS: [(&str, &str, i32, u32, u32); 5] = [
    ("令和", "Reiwa", 2019, 5, 1),
    ("平成", "Heisei", 1989, 1, 8),
    ("昭和", "Shōwa", 1926, 12, 25),
    ("大正", "Taishō", 1912, 7, 30),
    ("明治", "Meiji", 1868, 1, 25),
];

/// The era of `date` and its year in that era (1 for the first year), or
/// `None` before Meiji. Returns `("平成", 16)` for any day of 2004.
pub fn era(date: NaiveDate) -> Option<(&'static str, i32)> {
    ERAS.iter().find_map(|&(name, _, y, m, d)| {
        let start = NaiveDate::from_ymd_opt(y, m, d)?;
        (date >= start).then(|| (name, date.year() - y + 1))
    })
}

fn era_text(name: &str, year: i32) -> String {
    if year == 1 {
        format!("{name}元年")
    } else {
        format!("{name}{year}年")
    }
}

/// The 和暦 year of a date, e.g. `平成16年`, `令和元年`; empty before Meiji.
pub fn wareki_date(date: NaiveDate) -> String {
    era(date).map_or_else(String::new, |(name, y)| era_text(name, y))
}

/// The 和暦 name of a Gregorian year, e.g. 2004 → `平成16年`.
///
/// A year in which the era changed is named by the era in force on
/// 31 December: 1989 → `平成元年`, 2019 → `令和元年`. Empty before Meiji
/// (and for years chrono cannot represent).
pub fn wareki(year: i32) -> String {
    NaiveDate::from_ymd_opt(year, 12, 31).map_or_else(String::new, wareki_date)
}

// ----- names -----

/// Weekday names from Sunday, as the grid header shows them.
const WEEKDAYS_JA: [&str; 7] = ["日", "月", "火", "水", "木", "金", "土"];
/// English weekday abbreviations from Sunday.
const WEEKDAYS_EN: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The short name of weekday `column` (0 is Sunday, 6 Saturday, as in the
/// grid): `"日"` … `"土"`, `"Sun"` … `"Sat"`; empty past 6.
pub fn weekday_name(column: usize, lang: Lang) -> &'static str {
    lang.pick(WEEKDAYS_JA, WEEKDAYS_EN)
        .get(column)
        .copied()
        .unwrap_or("")
}

/// The short name of `date`'s weekday: `"水"`, `"Wed"`.
pub fn weekday(date: NaiveDate, lang: Lang) -> &'static str {
    weekday_name(date.weekday().num_days_from_sunday() as usize, lang)
}

/// `"January"` … `"December"`; empty for a month outside 1..=12.
fn english_month(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|i| MONTHS_EN.get(i as usize))
        .copied()
        .unwrap_or("")
}

/// `"Jan"` … `"Dec"`.
pub fn english_month_abbr(month: u32) -> &'static str {
    let name = english_month(month);
    name.get(..3).unwrap_or(name)
}

// ----- formats -----

/// The month heading: `2004年（平成16年）2月`, in English `February 2004`.
///
/// The era is the one in force on the last day of the month, so April 2019
/// is `2019年（平成31年）4月` and May 2019 `2019年（令和元年）5月`. Before
/// Meiji the parenthesis is left out.
pub fn format_month_heading(month: Month, lang: Lang) -> String {
    let (year, number) = (month.year(), month.number());
    if lang == Lang::En {
        return format!("{} {year}", english_month(number));
    }
    match month.last_day().and_then(era) {
        Some((name, y)) => format!("{year}年（{}）{number}月", era_text(name, y)),
        None => format!("{year}年{number}月"),
    }
}

/// A day as the grid and list show it: `2月25日(水)`, `Wed, Feb 25`.
pub fn format_day(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "{}月{}日({})",
            date.month(),
            date.day(),
            weekday(date, lang)
        ),
        Lang::En => format!(
            "{}, {} {}",
            weekday(date, lang),
            english_month_abbr(date.month()),
            date.day()
        ),
    }
}

/// A full date: `2004年2月25日(水)`, `Wed, Feb 25, 2004`.
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{}年{}", date.year(), format_day(date, lang)),
        Lang::En => format!("{}, {}", format_day(date, lang), date.year()),
    }
}

/// A time of day on the 24-hour clock, without a leading zero on the hour:
/// `18:00`, `9:30` (as the newsletter writes it; the same in English).
pub fn format_time(time: NaiveTime) -> String {
    format!("{}:{:02}", time.hour(), time.minute())
}

/// A UTC instant (such as the data's `site.updated`) in Tokyo time, which
/// is UTC+9 all year: `2026年11月29日 21:00`, in English
/// `Nov 29, 2026, 21:00`.
pub fn format_instant_tokyo(utc: NaiveDateTime, lang: Lang) -> String {
    let t = super::tokyo::from_utc(utc);
    let (d, time) = (t.date(), format_time(t.time()));
    match lang {
        Lang::En => {
            let (m, day, y) = (english_month_abbr(d.month()), d.day(), d.year());
            format!("{m} {day}, {y}, {time}")
        }
        Lang::Ja => format!("{}年{}月{}日 {time}", d.year(), d.month(), d.day()),
    }
}

/// The dash of a range of times: `〜`, `–`.
pub fn dash(lang: Lang) -> &'static str {
    lang.pick("〜", "–")
}

/// When an event happens, in one line: `2004年2月25日(水) 18:00〜20:30`,
/// `2004年2月4日(水)〜2月6日(金)`; in English `Wed, Feb 25, 2004, 18:00–20:30`,
/// `Wed, Feb 4 – Fri, Feb 6, 2004`. With `year` false the year is left out.
pub fn format_when(when: &When, lang: Lang, year: bool) -> String {
    let day = |d: NaiveDate| {
        if year {
            format_date(d, lang)
        } else {
            format_day(d, lang)
        }
    };
    let short = |d: NaiveDate| format_day(d, lang);
    let dash = dash(lang);
    match *when {
        When::AllDay { start, end } if start == end => day(start),
        When::AllDay { start, end } if lang == Lang::En => {
            // The year goes last in English, on the end.
            format!("{} – {}", short(start), day(end))
        }
        When::AllDay { start, end } => format!("{}〜{}", day(start), short(end)),
        When::Timed { start, end } => {
            let (from, t0) = (start.date(), format_time(start.time()));
            let sep = lang.pick(" ", ", ");
            match end {
                None => format!("{}{sep}{t0}", day(from)),
                Some(e) if e.date() == from => {
                    format!("{}{sep}{t0}{dash}{}", day(from), format_time(e.time()))
                }
                Some(e) => format!(
                    "{}{sep}{t0}{dash}{}{sep}{}",
                    day(from),
                    short(e.date()),
                    format_time(e.time())
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn month(y: i32, m: u32) -> Month {
        Month::new(y, m).unwrap()
    }

    #[test]
    fn instants_are_shown_in_tokyo_time() {
        let utc = ymd(2026, 11, 29).and_hms_opt(12, 0, 0).unwrap();
        assert_eq!(format_instant_tokyo(utc, Lang::Ja), "2026年11月29日 21:00");
        assert_eq!(format_instant_tokyo(utc, Lang::En), "Nov 29, 2026, 21:00");
        // 20:05 UTC on New Year's Eve is already the next year in Tokyo.
        let eve = ymd(2025, 12, 31).and_hms_opt(20, 5, 0).unwrap();
        assert_eq!(format_instant_tokyo(eve, Lang::Ja), "2026年1月1日 5:05");
    }

    #[test]
    fn wareki_years() {
        assert_eq!(wareki(2004), "平成16年");
        assert_eq!(wareki(2019), "令和元年");
        assert_eq!(wareki(2020), "令和2年");
        assert_eq!(wareki(1989), "平成元年");
        assert_eq!(wareki(1988), "昭和63年");
        assert_eq!(wareki(1926), "昭和元年");
        assert_eq!(wareki(1912), "大正元年");
        assert_eq!(wareki(1900), "明治33年");
        assert_eq!(wareki(1800), "");
        assert_eq!(wareki_date(ymd(2019, 4, 30)), "平成31年");
        assert_eq!(wareki_date(ymd(2019, 5, 1)), "令和元年");
        assert_eq!(wareki_date(ymd(1989, 1, 7)), "昭和64年");
        assert_eq!(wareki_date(ymd(1989, 1, 8)), "平成元年");
        assert_eq!(era(ymd(2004, 2, 25)), Some(("平成", 16)));
    }

    #[test]
    fn weekday_names() {
        assert_eq!(weekday(ymd(2004, 2, 25), Lang::Ja), "水");
        assert_eq!(weekday(ymd(2004, 2, 25), Lang::En), "Wed");
        assert_eq!(weekday(ymd(2004, 2, 29), Lang::Ja), "日");
        assert_eq!(weekday(ymd(2004, 2, 28), Lang::En), "Sat");
        assert_eq!(weekday_name(0, Lang::Ja), "日");
        assert_eq!(weekday_name(6, Lang::En), "Sat");
        assert_eq!(weekday_name(7, Lang::En), "");
        assert_eq!(english_month(2), "February");
        assert_eq!(english_month(0), "");
        assert_eq!(english_month(13), "");
        assert_eq!(english_month_abbr(9), "Sep");
    }

    #[test]
    fn formats() {
        let heading = |y, m, lang| format_month_heading(month(y, m), lang);
        for (y, m, text) in [
            (2004, 2, "2004年（平成16年）2月"),
            (2019, 4, "2019年（平成31年）4月"),
            (2019, 5, "2019年（令和元年）5月"),
            (1989, 1, "1989年（平成元年）1月"),
            (2004, 12, "2004年（平成16年）12月"),
            (1800, 1, "1800年1月"),
        ] {
            assert_eq!(heading(y, m, Lang::Ja), text);
        }
        assert_eq!(heading(2004, 2, Lang::En), "February 2004");
        assert_eq!(format_day(ymd(2004, 2, 25), Lang::Ja), "2月25日(水)");
        assert_eq!(format_day(ymd(2004, 2, 25), Lang::En), "Wed, Feb 25");
        assert_eq!(format_date(ymd(2004, 2, 25), Lang::Ja), "2004年2月25日(水)");
        assert_eq!(format_date(ymd(2004, 2, 25), Lang::En), "Wed, Feb 25, 2004");
        assert_eq!(
            format_time(NaiveTime::from_hms_opt(18, 0, 0).unwrap()),
            "18:00"
        );
        assert_eq!(
            format_time(NaiveTime::from_hms_opt(9, 5, 0).unwrap()),
            "9:05"
        );
    }

    #[test]
    fn when_in_one_line() {
        let t = |d: u32, h: u32, m: u32| ymd(2004, 2, d).and_hms_opt(h, m, 0).unwrap();
        let salon = When::Timed {
            start: t(25, 18, 0),
            end: Some(t(25, 20, 30)),
        };
        assert_eq!(
            format_when(&salon, Lang::Ja, true),
            "2004年2月25日(水) 18:00〜20:30"
        );
        assert_eq!(
            format_when(&salon, Lang::En, true),
            "Wed, Feb 25, 2004, 18:00–20:30"
        );
        assert_eq!(
            format_when(&salon, Lang::Ja, false),
            "2月25日(水) 18:00〜20:30"
        );
        let show = When::AllDay {
            start: ymd(2004, 2, 4),
            end: ymd(2004, 2, 6),
        };
        assert_eq!(
            format_when(&show, Lang::Ja, true),
            "2004年2月4日(水)〜2月6日(金)"
        );
        assert_eq!(
            format_when(&show, Lang::En, true),
            "Wed, Feb 4 – Fri, Feb 6, 2004"
        );
        let one = When::AllDay {
            start: ymd(2004, 2, 12),
            end: ymd(2004, 2, 12),
        };
        assert_eq!(format_when(&one, Lang::Ja, false), "2月12日(木)");
        let open = When::Timed {
            start: t(23, 10, 0),
            end: None,
        };
        assert_eq!(format_when(&open, Lang::En, false), "Mon, Feb 23, 10:00");
        let night = When::Timed {
            start: t(27, 22, 0),
            end: Some(t(28, 1, 30)),
        };
        assert_eq!(
            format_when(&night, Lang::Ja, false),
            "2月27日(金) 22:00〜2月28日(土) 1:30"
        );
    }
}
