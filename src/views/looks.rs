//! The month grid's looks, written once for its two renderers (the app's
//! `ui::month` components and the build's pre-rendered `site::prerender`):
//! how many bars a day shows, and the classes and inline style of the
//! weekday heads, the day cells and the event bars. The stylesheet
//! (`public/style.css`) gives them their colours and places.

use crate::jp::{day_kind, DayKind};
use crate::model::month::Month;
use crate::views::grid::Segment;
use chrono::NaiveDate;

/// Bars per day in the month grid; the rest are "+N件".
pub const LANES: usize = 3;

/// The class of weekday head `i` (0 = Sunday): red Sunday, blue Saturday.
pub fn weekday_head_class(i: usize) -> &'static str {
    match i {
        0 => "wd sun",
        6 => "wd sat",
        _ => "wd",
    }
}

/// The class of a day cell of `month`: red for Sundays and holidays, blue
/// for Saturdays, `other` for a day of the months around it.
pub fn day_class(date: NaiveDate, month: Month) -> String {
    let kind: DayKind = day_kind(date);
    let mut class = String::from(if kind.is_red() {
        "day sun"
    } else if kind.is_blue() {
        "day sat"
    } else {
        "day"
    });
    if !month.contains(date) {
        class.push_str(" other");
    }
    class
}

/// The class of an event's bar: `cont-l`/`cont-r` where it goes on from
/// the week before or into the next, `cancelled` when it is.
pub fn bar_class(segment: &Segment, cancelled: bool) -> String {
    let mut class = String::from("bar");
    if !segment.is_start {
        class.push_str(" cont-l");
    }
    if !segment.is_end {
        class.push_str(" cont-r");
    }
    if cancelled {
        class.push_str(" cancelled");
    }
    class
}

/// The bar's inline style: its width in days, its lane, its project's
/// colour (a loader-checked `#rrggbb`).
pub fn bar_style(segment: &Segment, color: &str) -> String {
    format!(
        "--span:{};--lane:{};background:{color}",
        segment.span, segment.lane
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(is_start: bool, is_end: bool) -> Segment {
        Segment {
            event: 0,
            start_col: 0,
            span: 3,
            lane: 1,
            is_start,
            is_end,
        }
    }

    #[test]
    fn days_and_bars_get_their_classes() {
        let feb = Month::new(2004, 2).unwrap();
        let day = |m, d| NaiveDate::from_ymd_opt(2004, m, d).unwrap();
        assert_eq!(day_class(day(2, 1), feb), "day sun");
        assert_eq!(day_class(day(2, 11), feb), "day sun"); // 建国記念の日
        assert_eq!(day_class(day(2, 14), feb), "day sat");
        assert_eq!(day_class(day(2, 25), feb), "day");
        assert_eq!(day_class(day(3, 1), feb), "day other");
        assert_eq!(weekday_head_class(0), "wd sun");
        assert_eq!(weekday_head_class(3), "wd");
        assert_eq!(bar_class(&segment(true, true), false), "bar");
        assert_eq!(
            bar_class(&segment(false, false), true),
            "bar cont-l cont-r cancelled"
        );
        assert_eq!(
            bar_style(&segment(true, true), "#123456"),
            "--span:3;--lane:1;background:#123456"
        );
    }
}
