//! The words the views build from data, in either language: the time
//! column of an event row, a bar's text, a grid cell's accessible name,
//! the heading of a day or a year, the counts on buttons ("+N件", "もっと見る
//! （残りN件）", the download) and the printed month's heading. The
//! components only place them; every string is pinned by the tests here.

use crate::jp::{dash, format_date, format_day, format_month_heading, format_time, holiday};
use crate::model::month::Month;
use crate::model::text::Lang;
use crate::model::{Event, When};
use chrono::NaiveDate;

/// The time column of a row: `18:00〜20:30`, `終日`, `終日（〜2月6日(金)）`,
/// and for an event that began before the day it is listed under
/// (`continued`) `開催中（〜2月6日(金)）` or `〜20:30`.
///
/// # Example
/// ```
/// use iguren_calendar::{views::label::time_label, model::When, model::text::Lang};
/// let d = chrono::NaiveDate::from_ymd_opt(2004, 2, 25).unwrap();
/// let when = When::Timed { start: d.and_hms_opt(18, 0, 0).unwrap(), end: d.and_hms_opt(20, 30, 0) };
/// assert_eq!(time_label(&when, false, Lang::Ja), "18:00〜20:30");
/// assert_eq!(time_label(&when, false, Lang::En), "18:00–20:30");
/// ```
pub fn time_label(when: &When, continued: bool, lang: Lang) -> String {
    let day = |d: NaiveDate| format_day(d, lang);
    let dash = dash(lang);
    match *when {
        When::AllDay { start, end } if start == end => lang.pick("終日", "All day").to_string(),
        When::AllDay { end, .. } => match (continued, lang) {
            (false, Lang::Ja) => format!("終日（〜{}）", day(end)),
            (false, Lang::En) => format!("All day (to {})", day(end)),
            (true, Lang::Ja) => format!("開催中（〜{}）", day(end)),
            (true, Lang::En) => format!("Ongoing (to {})", day(end)),
        },
        When::Timed { start, end } => {
            let from = if continued {
                String::new()
            } else {
                format_time(start.time())
            };
            match end {
                None => format!("{from}{dash}"),
                Some(e) if e.date() == start.date() => {
                    format!("{from}{dash}{}", format_time(e.time()))
                }
                Some(e) => format!("{from}{dash}{} {}", day(e.date()), format_time(e.time())),
            }
        }
    }
}

/// A day's full date with its holiday, as the heading of the day's list:
/// `2004年2月11日(水) 建国記念の日`, `Wed, Feb 11, 2004 · National
/// Foundation Day`.
pub fn day_heading(date: NaiveDate, lang: Lang) -> String {
    let mut text = format_date(date, lang);
    if let Some(h) = holiday(date) {
        text.push_str(lang.pick(" ", " · "));
        text.push_str(h.get(lang));
    }
    text
}

/// The accessible name of a month-grid cell, with how many events it
/// shows and its holiday: `2004年2月11日(水) 2件 建国記念の日`,
/// `Wed, Feb 11, 2004, 2 events, National Foundation Day`.
pub fn cell_label(date: NaiveDate, count: usize, lang: Lang) -> String {
    let date_text = format_date(date, lang);
    let mut label = match lang {
        Lang::Ja => format!("{date_text} {count}件"),
        Lang::En if count == 1 => format!("{date_text}, 1 event"),
        Lang::En => format!("{date_text}, {count} events"),
    };
    if let Some(h) = holiday(date) {
        label.push_str(lang.pick(" ", ", "));
        label.push_str(h.get(lang));
    }
    label
}

/// The button for the events a grid cell has no room for: `+2件`, `+2 more`.
pub fn more_label(hidden: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("+{hidden}件"),
        Lang::En => format!("+{hidden} more"),
    }
}

/// The text of an event's bar in the month grid: the cancelled mark, the
/// start time where the bar starts (`starts_here`) and the event is timed,
/// and the title: `【中止】18:00 第1回会合`.
pub fn bar_text(event: &Event, starts_here: bool, lang: Lang) -> String {
    let prefix = event.status.title_prefix(lang);
    let title = event.title.get(lang);
    match event.when {
        When::Timed { start, .. } if starts_here => {
            format!("{prefix}{} {title}", format_time(start.time()))
        }
        _ => format!("{prefix}{title}"),
    }
}

/// The heading where the list enters another year: `2005年`, `2005`.
pub fn year_heading(year: i32, lang: Lang) -> String {
    format!("{year}{}", lang.pick("年", ""))
}

/// The list's button for the next page: `もっと見る（残り12件）`.
pub fn more_rows_label(rest: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("もっと見る（残り{rest}件）"),
        Lang::En => format!("Show more ({rest} left)"),
    }
}

/// The button that downloads the events shown as one `.ics` file.
pub fn download_label(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("表示中の予定を .ics でダウンロード（{count}件）"),
        Lang::En => format!("Download the {count} events shown (.ics)"),
    }
}

/// [`download_label`] while the count is on its way.
pub fn download_label_counting(lang: Lang) -> String {
    match lang {
        Lang::Ja => "表示中の予定を .ics でダウンロード（…件）".into(),
        Lang::En => "Download the events shown (.ics)".into(),
    }
}

/// The heading of a printed month: `2004年（平成16年）2月の予定（7件）`.
pub fn print_heading(month: Month, total: usize, lang: Lang) -> String {
    let name = format_month_heading(month, lang);
    match lang {
        Lang::Ja => format!("{name}の予定（{total}件）"),
        Lang::En => format!("Events of {name} ({total})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2004, m, d).unwrap()
    }

    #[test]
    fn time_columns() {
        let at = |d: u32, h: u32, m: u32| ymd(2, d).and_hms_opt(h, m, 0).unwrap();
        let evening = When::Timed {
            start: at(25, 18, 0),
            end: Some(at(25, 20, 30)),
        };
        assert_eq!(time_label(&evening, false, Lang::Ja), "18:00〜20:30");
        assert_eq!(time_label(&evening, true, Lang::Ja), "〜20:30");
        let open = When::Timed {
            start: at(25, 9, 5),
            end: None,
        };
        assert_eq!(time_label(&open, false, Lang::Ja), "9:05〜");
        assert_eq!(time_label(&open, false, Lang::En), "9:05–");
        let night = When::Timed {
            start: at(27, 22, 0),
            end: Some(at(28, 1, 30)),
        };
        assert_eq!(
            time_label(&night, false, Lang::Ja),
            "22:00〜2月28日(土) 1:30"
        );
        assert_eq!(time_label(&night, true, Lang::En), "–Sat, Feb 28 1:30");
        let one = When::AllDay {
            start: ymd(2, 12),
            end: ymd(2, 12),
        };
        assert_eq!(time_label(&one, false, Lang::Ja), "終日");
        assert_eq!(time_label(&one, true, Lang::En), "All day");
        let show = When::AllDay {
            start: ymd(2, 4),
            end: ymd(2, 6),
        };
        assert_eq!(time_label(&show, false, Lang::Ja), "終日（〜2月6日(金)）");
        assert_eq!(time_label(&show, true, Lang::Ja), "開催中（〜2月6日(金)）");
        assert_eq!(
            time_label(&show, false, Lang::En),
            "All day (to Fri, Feb 6)"
        );
        assert_eq!(time_label(&show, true, Lang::En), "Ongoing (to Fri, Feb 6)");
    }

    #[test]
    fn day_headings_name_the_holiday() {
        assert_eq!(day_heading(ymd(2, 25), Lang::Ja), "2004年2月25日(水)");
        assert_eq!(
            day_heading(ymd(2, 11), Lang::Ja),
            "2004年2月11日(水) 建国記念の日"
        );
        assert_eq!(
            day_heading(ymd(2, 11), Lang::En),
            "Wed, Feb 11, 2004 · National Foundation Day"
        );
    }

    #[test]
    fn cell_labels() {
        for (day, count, lang, text) in [
            (25, 2, Lang::Ja, "2004年2月25日(水) 2件"),
            (25, 0, Lang::En, "Wed, Feb 25, 2004, 0 events"),
            (25, 1, Lang::En, "Wed, Feb 25, 2004, 1 event"),
            (11, 1, Lang::Ja, "2004年2月11日(水) 1件 建国記念の日"),
            (
                11,
                3,
                Lang::En,
                "Wed, Feb 11, 2004, 3 events, National Foundation Day",
            ),
        ] {
            assert_eq!(cell_label(ymd(2, day), count, lang), text);
        }
        assert_eq!(more_label(2, Lang::Ja), "+2件");
        assert_eq!(more_rows_label(12, Lang::Ja), "もっと見る（残り12件）");
        assert_eq!(more_rows_label(12, Lang::En), "Show more (12 left)");
        assert_eq!(
            download_label(3, Lang::Ja),
            "表示中の予定を .ics でダウンロード（3件）"
        );
        assert_eq!(
            download_label(3, Lang::En),
            "Download the 3 events shown (.ics)"
        );
        assert_eq!(more_label(1, Lang::En), "+1 more");
    }

    #[test]
    fn bars_headings_and_print() {
        use crate::model::Status;
        let start = ymd(2, 25).and_hms_opt(18, 0, 0).unwrap();
        let mut e = Event::new("e", "p", "会合", When::Timed { start, end: None });
        assert_eq!(bar_text(&e, true, Lang::Ja), "18:00 会合");
        assert_eq!(bar_text(&e, false, Lang::Ja), "会合");
        e.status = Status::Cancelled;
        e.title.en = Some("Meeting".into());
        assert_eq!(bar_text(&e, true, Lang::Ja), "【中止】18:00 会合");
        assert_eq!(bar_text(&e, true, Lang::En), "[Cancelled] 18:00 Meeting");
        let all_day = Event::new(
            "d",
            "p",
            "展示会",
            When::AllDay {
                start: ymd(2, 4),
                end: ymd(2, 6),
            },
        );
        assert_eq!(bar_text(&all_day, true, Lang::Ja), "展示会");
        assert_eq!(year_heading(2005, Lang::Ja), "2005年");
        assert_eq!(year_heading(2005, Lang::En), "2005");
        let feb = Month::new(2004, 2).unwrap();
        assert_eq!(
            print_heading(feb, 7, Lang::Ja),
            "2004年（平成16年）2月の予定（7件）"
        );
        assert_eq!(
            print_heading(feb, 7, Lang::En),
            "Events of February 2004 (7)"
        );
    }
}
