//! The list view: already-filtered events grouped under the day they are
//! listed on, in reading order, one page at a time.
//!
//! Each event is listed once, under its first day, or under the first
//! visible day when it began before the window (an exhibition that opened
//! yesterday and runs until Friday is listed under today, marked
//! `continued`). In a day, all-day and continuing events come first, then
//! timed ones by start time, then catalogue order. Upcoming lists run
//! forward from today and include events still running; past lists hold
//! the events that ended before today, newest day first. Pages are cut by
//! item count (`offset`, `limit`) so the UI never renders thousands of rows
//! at once; a day may be split between two pages, in which case the next
//! page's first group has the same date as this page's last one.

use crate::model::{Event, When};
use chrono::{NaiveDate, NaiveTime};
use std::cmp::Reverse;

/// Which events a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Events that end on or after `today`, soonest first; one that began
    /// earlier is listed under `today`.
    Upcoming { today: NaiveDate },
    /// Events that ended before `today`, newest day first, under their
    /// first day.
    Past { today: NaiveDate },
    /// Events touching the half-open range `start..end` (a month, say),
    /// in date order; one that began earlier is listed under `start`.
    Range { start: NaiveDate, end: NaiveDate },
}

/// One event in a day group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// Index in the event slice.
    pub event: usize,
    /// The event began before the group's date (it is listed under the
    /// first visible day instead of its first day).
    pub continued: bool,
}

/// The events listed under one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayGroup {
    pub date: NaiveDate,
    pub items: Vec<Item>,
}

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    pub groups: Vec<DayGroup>,
    /// Number of events in the whole list (all pages).
    pub total: usize,
    /// The `offset` of the next page, when more remain.
    pub next: Option<usize>,
}

impl Page {
    /// Number of events on this page.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.items.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// Where an event is listed in `scope`, or `None` when it is not.
fn listed_on(when: &When, scope: Scope) -> Option<NaiveDate> {
    let (first, last) = (when.first_day(), when.last_day());
    match scope {
        Scope::Upcoming { today } => (last >= today).then(|| first.max(today)),
        Scope::Past { today } => (last < today).then_some(first),
        Scope::Range { start, end } => (first < end && last >= start).then(|| first.max(start)),
    }
}

/// Lists `selected` (indices into `events`, already filtered; unknown or
/// repeated indices are skipped) in `scope`, and returns the items
/// `offset..offset + limit` of that list, grouped by day.
///
/// # Example
/// ```
/// use iguren_calendar::views::agenda::{agenda, Scope};
/// let catalog = iguren_calendar::load::load(include_str!("../../public/events.json")).catalog;
/// let all: Vec<usize> = (0..catalog.events.len()).collect();
/// let today = chrono::NaiveDate::from_ymd_opt(2004, 2, 20).unwrap();
/// let page = agenda(&catalog.events, &all, Scope::Upcoming { today }, 0, 3);
/// assert_eq!(page.groups[0].date.to_string(), "2004-02-23");
/// assert_eq!(page.len(), 3);
/// assert_eq!(page.next, Some(3));
/// ```
pub fn agenda(
    events: &[Event],
    selected: &[usize],
    scope: Scope,
    offset: usize,
    limit: usize,
) -> Page {
    let mut listed: Vec<(NaiveDate, Item, NaiveTime)> = selected
        .iter()
        .filter_map(|&i| {
            let event = events.get(i)?;
            let date = listed_on(&event.when, scope)?;
            let continued = date > event.when.first_day();
            let time = match event.when {
                When::Timed { start, .. } if !continued => start.time(),
                _ => NaiveTime::MIN,
            };
            Some((
                date,
                Item {
                    event: i,
                    continued,
                },
                time,
            ))
        })
        .collect();
    // All-day and continuing events sort first in their day (rank false).
    let in_day = |item: &Item, time: NaiveTime| {
        let timed = !item.continued && !events[item.event].when.is_all_day();
        (timed, time, item.event)
    };
    match scope {
        Scope::Past { .. } => {
            crate::model::order::sort_by_key(&mut listed, |(date, item, time)| {
                (Reverse(*date), in_day(item, *time))
            })
        }
        _ => crate::model::order::sort_by_key(&mut listed, |(date, item, time)| {
            (*date, in_day(item, *time))
        }),
    }
    listed.dedup_by_key(|(_, item, _)| item.event);

    let total = listed.len();
    let end = offset.saturating_add(limit).min(total);
    let mut groups: Vec<DayGroup> = Vec::new();
    for &(date, item, _) in listed.get(offset..end).unwrap_or(&[]) {
        match groups.last_mut() {
            Some(group) if group.date == date => group.items.push(item),
            _ => groups.push(DayGroup {
                date,
                items: vec![item],
            }),
        }
    }
    Page {
        groups,
        total,
        next: (end < total).then_some(end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn event(id: &str, when: When) -> Event {
        Event::new(id, "p", id, when)
    }

    fn day(id: &str, d: NaiveDate) -> Event {
        event(id, When::AllDay { start: d, end: d })
    }

    fn at(id: &str, d: NaiveDate, h: u32, m: u32) -> Event {
        let start = d.and_hms_opt(h, m, 0).unwrap();
        event(id, When::Timed { start, end: None })
    }

    /// The page as `(date, [ids, "+" marking continued])`.
    fn show(events: &[Event], page: &Page) -> Vec<(String, Vec<String>)> {
        page.groups
            .iter()
            .map(|g| {
                let ids = g
                    .items
                    .iter()
                    .map(|it| {
                        let id = &events[it.event].id;
                        if it.continued {
                            format!("+{id}")
                        } else {
                            id.clone()
                        }
                    })
                    .collect();
                (g.date.to_string(), ids)
            })
            .collect()
    }

    fn fixture() -> Vec<Event> {
        vec![
            at("evening", ymd(2004, 2, 25), 18, 0),
            day("allday", ymd(2004, 2, 25)),
            at("morning", ymd(2004, 2, 25), 9, 30),
            event(
                "show",
                When::AllDay {
                    start: ymd(2004, 2, 4),
                    end: ymd(2004, 2, 6),
                },
            ),
            day("january", ymd(2004, 1, 14)),
            at("march", ymd(2004, 3, 3), 13, 30),
            day("before-show", ymd(2004, 2, 5)),
        ]
    }

    fn all(events: &[Event]) -> Vec<usize> {
        (0..events.len()).collect()
    }

    #[test]
    fn upcoming_groups_by_day_all_day_first_then_by_time() {
        let events = fixture();
        let today = ymd(2004, 2, 5);
        let page = agenda(&events, &all(&events), Scope::Upcoming { today }, 0, 100);
        assert_eq!(
            show(&events, &page),
            [
                (
                    "2004-02-05".into(),
                    vec!["+show".into(), "before-show".into()]
                ),
                (
                    "2004-02-25".into(),
                    vec!["allday".into(), "morning".into(), "evening".into()]
                ),
                ("2004-03-03".into(), vec!["march".into()]),
            ]
        );
        assert_eq!((page.total, page.next, page.len()), (6, None, 6));
    }

    #[test]
    fn past_is_newest_day_first() {
        let events = fixture();
        let today = ymd(2004, 2, 6);
        let page = agenda(&events, &all(&events), Scope::Past { today }, 0, 100);
        // The show runs through 2/6, so it is not past yet.
        assert_eq!(
            show(&events, &page),
            [
                ("2004-02-05".into(), vec!["before-show".into()]),
                ("2004-01-14".into(), vec!["january".into()]),
            ]
        );
        let later = agenda(
            &events,
            &all(&events),
            Scope::Past {
                today: ymd(2004, 3, 4),
            },
            0,
            100,
        );
        assert_eq!(later.groups[0].date, ymd(2004, 3, 3));
        assert_eq!(later.groups.last().unwrap().date, ymd(2004, 1, 14));
        assert_eq!(later.total, 7);
        // Upcoming and past split the events between them, for any today.
        for d in ymd(2004, 1, 1).iter_days().take(100) {
            let up = agenda(&events, &all(&events), Scope::Upcoming { today: d }, 0, 100);
            let past = agenda(&events, &all(&events), Scope::Past { today: d }, 0, 100);
            assert_eq!(up.total + past.total, events.len(), "{d}");
        }
    }

    #[test]
    fn range_lists_events_that_began_earlier_under_its_first_day() {
        let events = fixture();
        let scope = Scope::Range {
            start: ymd(2004, 2, 5),
            end: ymd(2004, 2, 26),
        };
        let page = agenda(&events, &all(&events), scope, 0, 100);
        let dates: Vec<String> = page.groups.iter().map(|g| g.date.to_string()).collect();
        assert_eq!(dates, ["2004-02-05", "2004-02-25"]);
        assert!(page.groups[0].items[0].continued);
        assert_eq!(page.total, 5);
    }

    #[test]
    fn pages_cut_by_item_count() {
        let events = fixture();
        let selected = all(&events);
        let scope = Scope::Upcoming {
            today: ymd(2004, 1, 1),
        };
        let first = agenda(&events, &selected, scope, 0, 3);
        assert_eq!(first.len(), 3);
        assert_eq!(first.next, Some(3));
        assert_eq!(first.total, 7);
        let second = agenda(&events, &selected, scope, 3, 3);
        assert_eq!(second.next, Some(6));
        let third = agenda(&events, &selected, scope, 6, 3);
        assert_eq!((third.len(), third.next), (1, None));
        // With pages of 4, 2/25 is split: it ends one page and opens the next.
        let a = agenda(&events, &selected, scope, 0, 4);
        let b = agenda(&events, &selected, scope, 4, 4);
        assert_eq!(a.groups.last().unwrap().date, ymd(2004, 2, 25));
        assert_eq!(b.groups[0].date, ymd(2004, 2, 25));
        assert_eq!(show(&events, &a)[3].1, ["allday"]);
        assert_eq!(show(&events, &b)[0].1, ["morning", "evening"]);
        // Concatenated pages give the whole list.
        let whole = agenda(&events, &selected, scope, 0, usize::MAX);
        let flat = |p: &Page| -> Vec<usize> {
            p.groups
                .iter()
                .flat_map(|g| g.items.iter().map(|i| i.event))
                .collect()
        };
        let joined: Vec<usize> = [first, second, third].iter().flat_map(flat).collect();
        assert_eq!(joined, flat(&whole));
        let beyond = agenda(&events, &selected, scope, 50, 3);
        assert!(beyond.is_empty());
        assert_eq!((beyond.total, beyond.next), (7, None));
        assert!(agenda(&events, &selected, scope, 0, 0).is_empty());
    }

    #[test]
    fn filtered_unknown_and_repeated_indices() {
        let events = fixture();
        let scope = Scope::Upcoming {
            today: ymd(2004, 1, 1),
        };
        let page = agenda(&events, &[5, 5, 99, 4], scope, 0, 10);
        assert_eq!(
            show(&events, &page),
            [
                ("2004-01-14".into(), vec!["january".into()]),
                ("2004-03-03".into(), vec!["march".into()]),
            ]
        );
        assert_eq!(page.total, 2);
    }

    #[test]
    fn real_data_from_2026_is_all_past() {
        let catalog = crate::load::load(include_str!("../../public/events.json")).catalog;
        let events = &catalog.events;
        let today = ymd(2026, 11, 30);
        let up = agenda(events, &all(events), Scope::Upcoming { today }, 0, 10);
        assert_eq!(up.total, 0);
        let past = agenda(events, &all(events), Scope::Past { today }, 0, 10);
        assert_eq!(past.total, events.len());
        assert_eq!(past.next, Some(10));
        let first = &past.groups[0];
        assert_eq!(
            events[first.items[0].event].id,
            "boshoku-seminar-2004-03-03"
        );
        // 2/25 holds the all-day 日韓 meeting before the 18:00 salon.
        let feb25 = past
            .groups
            .iter()
            .find(|g| g.date == ymd(2004, 2, 25))
            .unwrap();
        let ids: Vec<&str> = feb25
            .items
            .iter()
            .map(|i| events[i.event].id.as_str())
            .collect();
        assert_eq!(ids, ["nikkan-2004-02-25", "kawasaki-salon-2004-02-25"]);
    }
}
