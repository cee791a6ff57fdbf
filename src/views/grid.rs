//! The month grid: which weeks a month shows, which events touch which day,
//! and how the events of one week row are laid out as bars.
//!
//! Modelled on FullCalendar's `DayTableModel`: a month becomes rows of seven
//! days (Sunday first), every event is sliced into one segment per row it
//! touches, with `is_start`/`is_end` telling whether the event really starts
//! or ends in that row, and segments are stacked in lanes so that no two
//! overlap. Ranges are half-open (`start..end`) inside this module; the
//! model's inclusive `last_day` is turned into `last_day + 1` at the edge.
//!
//! [`DayIndex`] is built once per catalogue so that drawing a month costs
//! what that month holds, not what the whole file holds.

use crate::model::month::Month;
use crate::model::{Event, When};
use chrono::{Datelike, Days, Months, NaiveDate};
use std::cmp::Reverse;
use std::collections::HashMap;

/// The week rows (Sunday to Saturday) that show `month`: 4 to 6 rows,
/// the first holding the 1st, the last holding the month's last day.
/// Empty for a month whose days chrono cannot represent.
///
/// # Example
/// ```
/// use iguren_calendar::{views::grid::month_weeks, model::month::Month};
/// let weeks = month_weeks(Month::new(2004, 2).unwrap());
/// assert_eq!(weeks.len(), 5);
/// assert_eq!(weeks[0][0].to_string(), "2004-02-01"); // a Sunday
/// assert_eq!(weeks[4][6].to_string(), "2004-03-06");
/// ```
pub fn month_weeks(month: Month) -> Vec<[NaiveDate; 7]> {
    let (Some(first), Some(last)) = (month.first_day(), month.last_day()) else {
        return Vec::new();
    };
    let back = u64::from(first.weekday().num_days_from_sunday());
    let Some(mut sunday) = first.checked_sub_days(Days::new(back)) else {
        return Vec::new();
    };
    let mut weeks = Vec::with_capacity(6);
    while sunday <= last {
        let mut row = [sunday; 7];
        for (i, day) in row.iter_mut().enumerate() {
            match sunday.checked_add_days(Days::new(i as u64)) {
                Some(d) => *day = d,
                None => return weeks,
            }
        }
        weeks.push(row);
        match sunday.checked_add_days(Days::new(7)) {
            Some(next) => sunday = next,
            None => break,
        }
    }
    weeks
}

/// Which events touch which day: a multi-day event is listed on every day
/// it touches. Built in O(total event-days); a query costs the days asked
/// for plus the events found.
#[derive(Debug, Clone, Default)]
pub struct DayIndex {
    days: HashMap<NaiveDate, Vec<usize>>,
}

impl DayIndex {
    /// Indexes `events`; the indices it returns are positions in `events`.
    pub fn new(events: &[Event]) -> Self {
        let mut days: HashMap<NaiveDate, Vec<usize>> = HashMap::new();
        for (i, event) in events.iter().enumerate() {
            let (first, last) = (event.when.first_day(), event.when.last_day());
            let mut day = first;
            loop {
                days.entry(day).or_default().push(i);
                match day.succ_opt() {
                    Some(next) if day < last => day = next,
                    _ => break,
                }
            }
        }
        DayIndex { days }
    }

    /// The events touching `day`, in catalogue order.
    pub fn on(&self, day: NaiveDate) -> &[usize] {
        self.days.get(&day).map_or(&[], Vec::as_slice)
    }

    /// The distinct events touching any day of `start..end`, ascending.
    pub fn in_range(&self, start: NaiveDate, end: NaiveDate) -> Vec<usize> {
        let mut found = Vec::new();
        let span = (end - start).num_days();
        if span <= 0 {
            return found;
        }
        if span as usize <= self.days.len() {
            for day in start.iter_days().take(span as usize) {
                found.extend_from_slice(self.on(day));
            }
        } else {
            // A range wider than the data: walk the data instead.
            for (day, events) in &self.days {
                if (start..end).contains(day) {
                    found.extend_from_slice(events);
                }
            }
        }
        crate::model::order::sort_by_key(&mut found, |&i| i);
        found.dedup();
        found
    }
}

/// One event's bar within one week row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Index of the event in the slice given to [`DayIndex::new`].
    pub event: usize,
    /// Column of the first day covered, 0 (Sunday) to 6 (Saturday).
    pub start_col: usize,
    /// Number of columns covered, 1 to 7.
    pub span: usize,
    /// The event starts in this row (draw the left end rounded).
    pub is_start: bool,
    /// The event ends in this row (draw the right end rounded).
    pub is_end: bool,
    /// Vertical slot, 0 at the top; no two segments of a row share a lane
    /// and a column.
    pub lane: usize,
}

/// A laid-out week row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekRow {
    pub days: [NaiveDate; 7],
    /// Segments in lanes `0..max_lanes`, ordered by lane then column.
    pub segments: Vec<Segment>,
    /// Segments that did not fit (lane `>= max_lanes`), same order.
    pub hidden: Vec<Segment>,
    /// Per column, how many events are hidden there ("+N more").
    pub more: [usize; 7],
}

/// The order in which segments claim lanes: earlier first, then longer,
/// then all-day before timed, then by start time, then catalogue order.
fn lane_order(
    event: &Event,
    index: usize,
) -> (NaiveDate, Reverse<i64>, bool, chrono::NaiveTime, usize) {
    let (first, last) = (event.when.first_day(), event.when.last_day());
    let time = match event.when {
        When::Timed { start, .. } => start.time(),
        When::AllDay { .. } => chrono::NaiveTime::MIN,
    };
    (
        first,
        Reverse((last - first).num_days()),
        !event.when.is_all_day(),
        time,
        index,
    )
}

/// Slices the kept events that touch `days` into segments and stacks them
/// in lanes; at most `max_lanes` lanes are shown, the rest are counted per
/// day in [`WeekRow::more`]. `keep(i)` says whether event `i` passes the
/// current filter. Costs the events of this week, not of the catalogue.
pub fn week_segments(
    days: &[NaiveDate; 7],
    events: &[Event],
    index: &DayIndex,
    keep: impl Fn(usize) -> bool,
    max_lanes: usize,
) -> WeekRow {
    let (row_start, row_last) = (days[0], days[6]);
    let col = |d: NaiveDate| (d - row_start).num_days().clamp(0, 6) as usize;
    let mut found: Vec<usize> = row_start
        .checked_add_days(Days::new(7))
        .map(|end| index.in_range(row_start, end))
        .unwrap_or_default();
    found.retain(|&i| i < events.len() && keep(i));
    crate::model::order::sort_by_key(&mut found, |&i| lane_order(&events[i], i));

    let mut taken: Vec<[bool; 7]> = Vec::new();
    let mut segments = Vec::with_capacity(found.len());
    for i in found {
        let (first, last) = (events[i].when.first_day(), events[i].when.last_day());
        let start_col = col(first);
        let end_col = col(last);
        let cols = start_col..=end_col;
        let lane = taken
            .iter()
            .position(|lane| cols.clone().all(|c| !lane[c]))
            .unwrap_or_else(|| {
                taken.push([false; 7]);
                taken.len() - 1
            });
        for c in cols {
            taken[lane][c] = true;
        }
        segments.push(Segment {
            event: i,
            start_col,
            span: end_col - start_col + 1,
            is_start: first >= row_start,
            is_end: last <= row_last,
            lane,
        });
    }
    crate::model::order::sort_by_key(&mut segments, |s| (s.lane, s.start_col));
    let (segments, hidden): (Vec<_>, Vec<_>) =
        segments.into_iter().partition(|s| s.lane < max_lanes);
    let mut more = [0; 7];
    for s in &hidden {
        for m in &mut more[s.start_col..s.start_col + s.span] {
            *m += 1;
        }
    }
    WeekRow {
        days: *days,
        segments,
        hidden,
        more,
    }
}

/// Every week row of a month, laid out: [`month_weeks`] then
/// [`week_segments`] on each row.
pub fn month_rows(
    month: Month,
    events: &[Event],
    index: &DayIndex,
    keep: impl Fn(usize) -> bool,
    max_lanes: usize,
) -> Vec<WeekRow> {
    month_weeks(month)
        .iter()
        .map(|days| week_segments(days, events, index, &keep, max_lanes))
        .collect()
}

/// What a key does in the month grid (the WAI-ARIA grid pattern).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridKey {
    /// Move the focus to this day. `other_month` is set for PageUp and
    /// PageDown, which always show the day's month even when the day is
    /// drawn in the grid already.
    Move { to: NaiveDate, other_month: bool },
    /// Enter or Space: pick the focused day (and go to its list).
    Pick,
}

/// The action of `key` (a `KeyboardEvent.key`) on the focused day `from`:
/// arrows move by a day or a week, Home and End to the week's Sunday and
/// Saturday, PageUp and PageDown by a month (to the same day, or the
/// month's last). `None` for any other key, and at the ends of the
/// calendar.
///
/// # Example
/// ```
/// use iguren_calendar::views::grid::{grid_key, GridKey};
/// let wed = chrono::NaiveDate::from_ymd_opt(2004, 2, 25).unwrap();
/// let sat = chrono::NaiveDate::from_ymd_opt(2004, 2, 28).unwrap();
/// assert_eq!(grid_key(wed, "End"), Some(GridKey::Move { to: sat, other_month: false }));
/// assert_eq!(grid_key(wed, "Tab"), None);
/// ```
pub fn grid_key(from: NaiveDate, key: &str) -> Option<GridKey> {
    let back = u64::from(from.weekday().num_days_from_sunday());
    let to = match key {
        "ArrowLeft" => from.checked_sub_days(Days::new(1)),
        "ArrowRight" => from.checked_add_days(Days::new(1)),
        "ArrowUp" => from.checked_sub_days(Days::new(7)),
        "ArrowDown" => from.checked_add_days(Days::new(7)),
        "Home" => from.checked_sub_days(Days::new(back)),
        "End" => from.checked_add_days(Days::new(6 - back)),
        "PageUp" => from.checked_sub_months(Months::new(1)),
        "PageDown" => from.checked_add_months(Months::new(1)),
        "Enter" | " " => return Some(GridKey::Pick),
        _ => return None,
    };
    let other_month = matches!(key, "PageUp" | "PageDown");
    to.map(|to| GridKey::Move { to, other_month })
}

/// The day whose events are listed under the grid when the member has
/// picked none: `today` when it is in `month`, else the first day of the
/// month with a kept event (`keep(i)`, as for [`week_segments`]), else the
/// 1st (`today` for a month chrono cannot represent).
pub fn default_day(
    month: Month,
    today: NaiveDate,
    index: &DayIndex,
    keep: impl Fn(usize) -> bool,
) -> NaiveDate {
    if month.contains(today) {
        return today;
    }
    let Some(first) = month.first_day() else {
        return today;
    };
    first
        .iter_days()
        .take_while(|&d| month.contains(d))
        .find(|&d| index.on(d).iter().any(|&i| keep(i)))
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn month(y: i32, m: u32) -> Month {
        Month::new(y, m).unwrap()
    }

    fn event(id: &str, when: When) -> Event {
        Event::new(id, "p", id, when)
    }

    fn all_day(id: &str, start: NaiveDate, end: NaiveDate) -> Event {
        event(id, When::AllDay { start, end })
    }

    fn timed(id: &str, start: NaiveDate, hour: u32) -> Event {
        let start = start.and_hms_opt(hour, 0, 0).unwrap();
        event(id, When::Timed { start, end: None })
    }

    fn real_catalog() -> crate::model::Catalog {
        let text = include_str!("../../public/events.json");
        crate::load::load(text).catalog
    }

    #[test]
    fn weeks_of_february_2004() {
        let weeks = month_weeks(month(2004, 2));
        assert_eq!(weeks.len(), 5);
        assert_eq!(weeks[0][0], ymd(2004, 2, 1));
        assert_eq!(weeks[0][6], ymd(2004, 2, 7));
        assert_eq!(weeks[4][0], ymd(2004, 2, 29));
        assert_eq!(weeks[4][6], ymd(2004, 3, 6));
    }

    #[test]
    fn four_and_six_row_months() {
        // February 2015 starts on a Sunday and has 28 days.
        assert_eq!(month_weeks(month(2015, 2)).len(), 4);
        // August 2015 starts on a Saturday and has 31 days.
        let aug = month_weeks(month(2015, 8));
        assert_eq!(aug.len(), 6);
        assert_eq!(aug[0][0], ymd(2015, 7, 26));
        assert_eq!(aug[5][6], ymd(2015, 9, 5));
        assert!(month_weeks(Month::new(i32::MAX, 12).unwrap()).is_empty());
    }

    #[test]
    fn every_month_is_covered_by_whole_sunday_weeks() {
        for y in 1999..=2030 {
            for m in 1..=12 {
                let weeks = month_weeks(month(y, m));
                assert!((4..=6).contains(&weeks.len()), "{y}-{m}");
                let days: Vec<NaiveDate> = weeks.iter().flatten().copied().collect();
                assert!(days.windows(2).all(|w| w[1] == w[0].succ_opt().unwrap()));
                assert_eq!(days[0].weekday(), Weekday::Sun);
                assert!(days.contains(&ymd(y, m, 1)));
                let in_month = days.iter().filter(|d| d.month() == m).count() as u32;
                let len = (ymd(y, m, 1).checked_add_months(Months::new(1)).unwrap() - ymd(y, m, 1))
                    .num_days() as u32;
                assert_eq!(in_month, len, "{y}-{m}");
                // No row entirely outside the month.
                assert!(weeks.iter().all(|w| w.iter().any(|d| d.month() == m)));
            }
        }
    }

    #[test]
    fn index_lists_multi_day_events_on_every_day() {
        let catalog = real_catalog();
        let events = &catalog.events;
        let index = DayIndex::new(events);
        let show = events
            .iter()
            .position(|e| e.id == "hosou-technical-show-2004")
            .unwrap();
        for d in 4..=6 {
            assert!(index.on(ymd(2004, 2, d)).contains(&show), "2/{d}");
        }
        assert!(!index.on(ymd(2004, 2, 3)).contains(&show));
        assert!(!index.on(ymd(2004, 2, 7)).contains(&show));
        let ids: Vec<&str> = index
            .on(ymd(2004, 2, 25))
            .iter()
            .map(|&i| events[i].id.as_str())
            .collect();
        assert_eq!(ids, ["kawasaki-salon-2004-02-25", "nikkan-2004-02-25"]);
        // February holds 7 events; the range query is distinct and sorted.
        let feb = index.in_range(ymd(2004, 2, 1), ymd(2004, 3, 1));
        assert_eq!(feb.len(), 7);
        assert!(feb.windows(2).all(|w| w[0] < w[1]));
        assert!(index.in_range(ymd(2004, 3, 1), ymd(2004, 2, 1)).is_empty());
        // A range wider than the data takes the other path, same answer.
        let all = index.in_range(ymd(1900, 1, 1), ymd(2100, 1, 1));
        assert_eq!(all, (0..events.len()).collect::<Vec<_>>());
    }

    #[test]
    fn event_ending_at_midnight_does_not_touch_the_next_day() {
        let start = ymd(2004, 2, 10).and_hms_opt(20, 0, 0).unwrap();
        let end = ymd(2004, 2, 11).and_hms_opt(0, 0, 0).unwrap();
        let events = [event(
            "late",
            When::Timed {
                start,
                end: Some(end),
            },
        )];
        let index = DayIndex::new(&events);
        assert_eq!(index.on(ymd(2004, 2, 10)), [0]);
        assert!(index.on(ymd(2004, 2, 11)).is_empty());
    }

    #[test]
    fn three_day_show_is_one_bar() {
        let catalog = real_catalog();
        let events = &catalog.events;
        let index = DayIndex::new(events);
        let weeks = month_weeks(month(2004, 2));
        let row = week_segments(&weeks[0], events, &index, |_| true, 3);
        assert_eq!(row.segments.len(), 1);
        let s = row.segments[0];
        assert_eq!(events[s.event].id, "hosou-technical-show-2004");
        assert_eq!(
            (s.start_col, s.span, s.is_start, s.is_end),
            (3, 3, true, true)
        );
        assert_eq!(s.lane, 0);
        assert_eq!(row.more, [0; 7]);
        // Filtered out, the row is empty.
        let none = week_segments(&weeks[0], events, &index, |_| false, 3);
        assert!(none.segments.is_empty() && none.hidden.is_empty());
    }

    #[test]
    fn bar_continues_across_the_saturday_sunday_boundary() {
        // Friday 2/6 to Tuesday 2/17: three rows.
        let events = [all_day("long", ymd(2004, 2, 6), ymd(2004, 2, 17))];
        let index = DayIndex::new(&events);
        let rows = month_rows(month(2004, 2), &events, &index, |_| true, 3);
        let segs: Vec<(usize, usize, bool, bool)> = rows
            .iter()
            .flat_map(|r| &r.segments)
            .map(|s| (s.start_col, s.span, s.is_start, s.is_end))
            .collect();
        assert_eq!(
            segs,
            [
                (5, 2, true, false),
                (0, 7, false, false),
                (0, 3, false, true)
            ]
        );
        // A row that begins inside an event that also began last month.
        let events = [all_day("x", ymd(2004, 1, 30), ymd(2004, 2, 1))];
        let index = DayIndex::new(&events);
        let rows = month_rows(month(2004, 2), &events, &index, |_| true, 3);
        let s = rows[0].segments[0];
        assert_eq!(
            (s.start_col, s.span, s.is_start, s.is_end),
            (0, 1, false, true)
        );
    }

    #[test]
    fn longer_and_earlier_events_take_the_upper_lanes() {
        let events = [
            timed("short", ymd(2004, 2, 10), 9),
            all_day("long", ymd(2004, 2, 10), ymd(2004, 2, 12)),
            all_day("earlier", ymd(2004, 2, 9), ymd(2004, 2, 9)),
            all_day("later", ymd(2004, 2, 11), ymd(2004, 2, 11)),
        ];
        let index = DayIndex::new(&events);
        let weeks = month_weeks(month(2004, 2));
        let row = week_segments(&weeks[1], &events, &index, |_| true, 9);
        let lane = |id: &str| {
            row.segments
                .iter()
                .find(|s| events[s.event].id == id)
                .unwrap()
                .lane
        };
        assert_eq!(lane("earlier"), 0);
        assert_eq!(lane("long"), 0);
        assert_eq!(lane("short"), 1);
        assert_eq!(lane("later"), 1);
    }

    #[test]
    fn extra_events_become_more_counts() {
        let day = ymd(2004, 2, 25);
        let events = [
            all_day("a", day, day),
            timed("b", day, 9),
            timed("c", day, 18),
            timed("d", day, 20),
            all_day("e", ymd(2004, 2, 24), ymd(2004, 2, 26)),
        ];
        let index = DayIndex::new(&events);
        let weeks = month_weeks(month(2004, 2));
        let row = week_segments(&weeks[3], &events, &index, |_| true, 2);
        // "e" starts earlier, so it takes lane 0; "a" (all-day) lane 1.
        let shown: Vec<&str> = row
            .segments
            .iter()
            .map(|s| events[s.event].id.as_str())
            .collect();
        assert_eq!(shown, ["e", "a"]);
        assert_eq!(row.more, [0, 0, 0, 3, 0, 0, 0]);
        assert_eq!(row.hidden.len(), 3);
        let all = week_segments(&weeks[3], &events, &index, |_| true, usize::MAX);
        assert_eq!(all.more, [0; 7]);
        assert_eq!(all.segments.len(), 5);
        let none = week_segments(&weeks[3], &events, &index, |_| true, 0);
        assert_eq!(none.more, [0, 0, 1, 5, 1, 0, 0]);
    }

    #[test]
    fn lanes_never_overlap() {
        // A deterministic jumble of events of varied lengths.
        let mut events = Vec::new();
        let mut seed = 7u32;
        for i in 0..60 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let start = ymd(2004, 1, 20) + chrono::TimeDelta::days(i64::from(seed >> 16) % 50);
            let len = i64::from(seed >> 8) % 9;
            let end = start + chrono::TimeDelta::days(len);
            events.push(all_day(&format!("e{i}"), start, end));
        }
        let index = DayIndex::new(&events);
        let rows = month_rows(month(2004, 2), &events, &index, |i| i % 5 != 0, 4);
        for row in &rows {
            let mut cells = std::collections::HashSet::new();
            for s in row.segments.iter().chain(&row.hidden) {
                assert!(s.event % 5 != 0);
                assert!(s.span >= 1 && s.start_col + s.span <= 7);
                for c in s.start_col..s.start_col + s.span {
                    assert!(cells.insert((s.lane, c)), "overlap in lane {}", s.lane);
                }
            }
            // Each column: shown + more == events kept on that day.
            for c in 0..7 {
                let kept = index
                    .on(row.days[c])
                    .iter()
                    .filter(|&&i| i % 5 != 0)
                    .count();
                let shown = row
                    .segments
                    .iter()
                    .filter(|s| (s.start_col..s.start_col + s.span).contains(&c))
                    .count();
                assert_eq!(shown + row.more[c], kept);
                assert!(shown <= 4);
            }
        }
    }

    #[test]
    fn opening_month() {
        use crate::views::months::initial_month;
        let events = [
            all_day("jan", ymd(2004, 1, 14), ymd(2004, 1, 14)),
            all_day("feb", ymd(2004, 2, 4), ymd(2004, 2, 6)),
            timed("mar", ymd(2004, 3, 3), 13),
        ];
        // Today's month has events.
        assert_eq!(initial_month(&events, ymd(2004, 2, 20)), month(2004, 2));
        // Today's month is empty; the next event is in March.
        let later = &events[2..];
        assert_eq!(initial_month(later, ymd(2004, 1, 5)), month(2004, 3));
        assert_eq!(initial_month(&events, ymd(2003, 11, 5)), month(2004, 1));
        // Everything past: the latest event's month.
        assert_eq!(initial_month(&events, ymd(2026, 11, 30)), month(2004, 3));
        // Nothing at all: today's month.
        assert_eq!(initial_month(&[], ymd(2026, 11, 30)), month(2026, 11));
        // A multi-month event running through today's month counts.
        let long = [all_day("long", ymd(2004, 1, 30), ymd(2004, 4, 2))];
        assert_eq!(initial_month(&long, ymd(2004, 3, 15)), month(2004, 3));
        // Real data, seen from 2026: March 2004.
        let catalog = real_catalog();
        assert_eq!(
            initial_month(&catalog.events, ymd(2026, 11, 30)),
            month(2004, 3)
        );
        assert_eq!(
            initial_month(&catalog.events, ymd(2004, 2, 1)),
            month(2004, 2)
        );
    }

    #[test]
    fn keys_move_through_the_grid() {
        let wed = ymd(2004, 2, 25);
        let to = |d: NaiveDate| {
            Some(GridKey::Move {
                to: d,
                other_month: false,
            })
        };
        assert_eq!(grid_key(wed, "ArrowLeft"), to(ymd(2004, 2, 24)));
        assert_eq!(grid_key(wed, "ArrowRight"), to(ymd(2004, 2, 26)));
        assert_eq!(grid_key(wed, "ArrowUp"), to(ymd(2004, 2, 18)));
        assert_eq!(grid_key(wed, "ArrowDown"), to(ymd(2004, 3, 3)));
        assert_eq!(grid_key(wed, "Home"), to(ymd(2004, 2, 22)));
        assert_eq!(grid_key(wed, "End"), to(ymd(2004, 2, 28)));
        // Home on a Sunday and End on a Saturday stay put.
        assert_eq!(grid_key(ymd(2004, 2, 22), "Home"), to(ymd(2004, 2, 22)));
        assert_eq!(grid_key(ymd(2004, 2, 28), "End"), to(ymd(2004, 2, 28)));
        let page = |d: NaiveDate| {
            Some(GridKey::Move {
                to: d,
                other_month: true,
            })
        };
        assert_eq!(grid_key(wed, "PageUp"), page(ymd(2004, 1, 25)));
        assert_eq!(grid_key(wed, "PageDown"), page(ymd(2004, 3, 25)));
        // The 31st pages to the last day of a shorter month.
        assert_eq!(grid_key(ymd(2004, 3, 31), "PageUp"), page(ymd(2004, 2, 29)));
        assert_eq!(grid_key(wed, "Enter"), Some(GridKey::Pick));
        assert_eq!(grid_key(wed, " "), Some(GridKey::Pick));
        assert_eq!(grid_key(wed, "a"), None);
        assert_eq!(grid_key(NaiveDate::MIN, "ArrowLeft"), None);
        assert_eq!(grid_key(NaiveDate::MAX, "PageDown"), None);
    }

    #[test]
    fn the_day_listed_when_none_is_picked() {
        let catalog = real_catalog();
        let index = DayIndex::new(&catalog.events);
        let events = &catalog.events;
        let feb = month(2004, 2);
        // Today, when it is in the month, even without events.
        assert_eq!(
            default_day(feb, ymd(2004, 2, 10), &index, |_| true),
            ymd(2004, 2, 10)
        );
        // Else the first day with a kept event.
        let first = default_day(feb, ymd(2026, 11, 30), &index, |_| true);
        assert!(!index.on(first).is_empty());
        assert!(ymd(2004, 2, 1)
            .iter_days()
            .take_while(|&d| d < first)
            .all(|d| index.on(d).is_empty()));
        // Only kept events count.
        let salon = events
            .iter()
            .position(|e| e.id == "kawasaki-salon-2004-02-25")
            .unwrap();
        assert_eq!(
            default_day(feb, ymd(2026, 11, 30), &index, |i| i == salon),
            ymd(2004, 2, 25)
        );
        // Else the 1st.
        assert_eq!(
            default_day(feb, ymd(2026, 11, 30), &index, |_| false),
            ymd(2004, 2, 1)
        );
        assert_eq!(
            default_day(month(i32::MAX, 1), ymd(2026, 11, 30), &index, |_| true),
            ymd(2026, 11, 30)
        );
    }
}
