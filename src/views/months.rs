//! The events by month: which month files the build writes and what its
//! index says, shared by the build (`crate::site::months`, which writes
//! them) and the member page (which reads the index and fetches only the
//! months it shows).
//!
//! The file of month `M` (`months/2026-12.json`) is an events file of its
//! own (site, every project, and the events the month view of `M` shows:
//! every event touching a day of its six-week grid, the days of the
//! neighbouring months included), so the page reads it with the one
//! loader. The index (`months/index.json`) lists every month that has a
//! file with how many events touch the month itself and how many start
//! in it, and counts each project's events: the page opens on the right
//! month ([`MonthIndex::initial`], the rule of
//! [`initial_month`]) and shows whole-data counts in
//! its filters before every month is loaded.
//!
//! ```text
//! {"events": 1000, "months": [["2026-11", 3, 2], ["2026-12", 12, 10]],
//!  "projects": [["nikkan", 12], ["seminar", 3]]}
//! ```

use crate::load::json::{self, Node, Value};
use crate::model::month::Month;
use crate::model::text::Text;
use crate::model::Event;
use chrono::{Days, NaiveDate};

/// The folder of the month files, relative to the site.
pub const DIR: &str = "months";

/// Where the index lives, relative to the site.
pub const INDEX_PATH: &str = "months/index.json";

/// The path of month `m`'s file, relative to the site.
pub fn month_path(m: Month) -> String {
    format!("{DIR}/{m}.json")
}

/// One month that has a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthCount {
    pub month: Month,
    /// Events touching a day of the month itself.
    pub touching: usize,
    /// Events starting in it.
    pub starting: usize,
}

/// What `months/index.json` says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MonthIndex {
    /// Every event of the data (each once).
    pub events: usize,
    /// The months that have a file, ascending.
    pub months: Vec<MonthCount>,
    /// Each project's events, in the data's project order.
    pub projects: Vec<(String, usize)>,
}

/// The first and last day that the month view of `m` shows.
pub fn grid_range(m: Month) -> Option<(NaiveDate, NaiveDate)> {
    let weeks = crate::views::grid::month_weeks(m);
    Some((weeks.first()?[0], weeks.last()?[6]))
}

/// The months whose view shows a day of `first..=last`.
pub fn months_showing(first: NaiveDate, last: NaiveDate) -> Vec<Month> {
    let (Some(from), Some(to)) = (
        first.checked_sub_days(Days::new(7)),
        last.checked_add_days(Days::new(7)),
    ) else {
        return vec![Month::of(first)];
    };
    let mut out = Vec::new();
    let mut m = Month::of(from);
    while m <= Month::of(to) {
        if grid_range(m).is_some_and(|(a, b)| a <= last && first <= b) {
            out.push(m);
        }
        m = m.add_months(1);
    }
    out
}

/// The month to open on: today's month when some event touches it; else
/// the month in which the next upcoming event starts; when every event is
/// past, the month in which the latest-starting event starts; with no
/// events, today's month.
pub fn initial_month(events: &[Event], today: NaiveDate) -> Month {
    // One rule for the whole data and for the page reading month files.
    MonthIndex::of(events, &[]).0.initial(today)
}

impl MonthIndex {
    /// The index of `events`, and for each month with a file the indices
    /// of the events it holds (in `events` order).
    pub fn of(events: &[Event], projects: &[String]) -> (MonthIndex, Vec<(Month, Vec<usize>)>) {
        // (month, event, touches the month itself, starts in it), by month
        // then event: plain vectors and the crate's one sort, no ordered
        // map, to keep the page's WebAssembly small.
        let mut shown: Vec<(Month, usize, bool, bool)> = Vec::new();
        for (i, e) in events.iter().enumerate() {
            let (first, last) = (Month::of(e.when.first_day()), Month::of(e.when.last_day()));
            for m in months_showing(e.when.first_day(), e.when.last_day()) {
                shown.push((m, i, first <= m && m <= last, first == m));
            }
        }
        crate::model::order::sort_by_key(&mut shown, |&(m, i, ..)| (m, i));
        let mut files: Vec<(Month, Vec<usize>)> = Vec::new();
        let mut months: Vec<MonthCount> = Vec::new();
        for (month, i, touches, starts) in shown {
            if files.last().is_none_or(|(m, _)| *m != month) {
                files.push((month, Vec::new()));
                months.push(MonthCount {
                    month,
                    touching: 0,
                    starting: 0,
                });
            }
            if let (Some((_, list)), Some(c)) = (files.last_mut(), months.last_mut()) {
                list.push(i);
                c.touching += usize::from(touches);
                c.starting += usize::from(starts);
            }
        }
        let projects = projects
            .iter()
            .map(|p| (p.clone(), events.iter().filter(|e| &e.project == p).count()))
            .collect();
        let index = MonthIndex {
            events: events.len(),
            months,
            projects,
        };
        (index, files)
    }

    /// The index as the build writes it.
    pub fn to_json(&self) -> String {
        let months: Vec<String> = self
            .months
            .iter()
            .map(|c| format!("[\"{}\", {}, {}]", c.month, c.touching, c.starting))
            .collect();
        let projects: Vec<String> = self
            .projects
            .iter()
            .map(|(id, n)| format!("[\"{}\", {n}]", crate::load::escape_json(id)))
            .collect();
        format!(
            "{{\"events\": {}, \"months\": [{}],\n \"projects\": [{}]}}\n",
            self.events,
            months.join(", "),
            projects.join(", ")
        )
    }

    /// Reads `months/index.json`.
    ///
    /// # Errors
    /// What is wrong, in both languages, when the text is not such an index.
    pub fn parse(text: &str) -> Result<MonthIndex, Text> {
        let bad = || {
            Text::both(
                format!("{INDEX_PATH} を読めません"),
                format!("{INDEX_PATH} cannot be read"),
            )
        };
        let root = json::parse(text).map_err(|_| bad())?;
        let mut index = MonthIndex::default();
        let Value::Object(members) = &root.value else {
            return Err(bad());
        };
        for m in members {
            match (&*m.key, &m.node.value) {
                ("events", _) => index.events = count(&m.node).ok_or_else(bad)?,
                ("months", Value::Array(rows)) => {
                    for row in rows {
                        let [month, touching, starting] = row3(row).ok_or_else(bad)?;
                        let month = match &month.value {
                            Value::String(s) => Month::parse(s).ok_or_else(bad)?,
                            _ => return Err(bad()),
                        };
                        index.months.push(MonthCount {
                            month,
                            touching: count(touching).ok_or_else(bad)?,
                            starting: count(starting).ok_or_else(bad)?,
                        });
                    }
                }
                ("projects", Value::Array(rows)) => {
                    for row in rows {
                        let Value::Array(pair) = &row.value else {
                            return Err(bad());
                        };
                        match pair.as_slice() {
                            [Node {
                                value: Value::String(id),
                                ..
                            }, n] => index
                                .projects
                                .push((id.to_string(), count(n).ok_or_else(bad)?)),
                            _ => return Err(bad()),
                        }
                    }
                }
                _ => {}
            }
        }
        crate::model::order::sort_by_key(&mut index.months, |c| c.month);
        Ok(index)
    }

    /// Whether month `m` has a file (else nothing shows in its view).
    pub fn has(&self, m: Month) -> bool {
        self.months.binary_search_by_key(&m, |c| c.month).is_ok()
    }

    /// The month to open on (also [`initial_month`]'s
    /// answer for the whole data): today's month when some
    /// event touches it; else the month in which the next upcoming event
    /// starts; when every event is past, the month in which the
    /// latest-starting event starts; with no events, today's month.
    pub fn initial(&self, today: NaiveDate) -> Month {
        let this = Month::of(today);
        let at = |m: Month| self.months.iter().find(|c| c.month == m);
        if at(this).is_some_and(|c| c.touching > 0) {
            return this;
        }
        // An event touching a later month but not this one starts after
        // this month; one starting later this month would touch it.
        if let Some(next) = self
            .months
            .iter()
            .find(|c| c.month > this && c.starting > 0)
        {
            return next.month;
        }
        self.months
            .iter()
            .rev()
            .find(|c| c.starting > 0)
            .map_or(this, |c| c.month)
    }

    /// How many events project `id` has in the whole data.
    pub fn project_events(&self, id: &str) -> usize {
        self.projects
            .iter()
            .find(|(p, _)| p == id)
            .map_or(0, |(_, n)| *n)
    }
}

/// What the page knows of the month files: the index, which months it
/// has asked for, and which of them are in.
#[derive(Debug, Default)]
pub struct MonthStore {
    pub index: MonthIndex,
    /// Months loaded or being loaded.
    asked: Vec<Month>,
    /// Months loaded.
    loaded: Vec<Month>,
}

impl MonthStore {
    /// The store once `loaded` were read.
    pub fn new(index: MonthIndex, loaded: &[Month]) -> Self {
        MonthStore {
            index,
            asked: loaded.to_vec(),
            loaded: loaded.to_vec(),
        }
    }

    /// Every month with a file is in: the catalogue holds every event.
    pub fn whole(&self) -> bool {
        self.index
            .months
            .iter()
            .all(|c| self.loaded.contains(&c.month))
    }

    /// Nothing asked for is still on its way.
    pub fn settled(&self) -> bool {
        self.asked.iter().all(|m| self.loaded.contains(m))
    }

    /// The months with a file not yet asked for.
    pub fn missing(&self) -> Vec<Month> {
        self.index
            .months
            .iter()
            .map(|c| c.month)
            .filter(|m| !self.asked.contains(m))
            .collect()
    }

    /// Those of `months` that have a file and were not asked for (each once).
    pub fn wanted(&self, months: &[Month]) -> Vec<Month> {
        let mut out: Vec<Month> = Vec::new();
        for &m in months {
            if self.index.has(m) && !self.asked.contains(&m) && !out.contains(&m) {
                out.push(m);
            }
        }
        out
    }

    /// `month` was asked for and is not in yet.
    pub fn on_its_way(&self, month: Month) -> bool {
        self.asked.contains(&month) && !self.loaded.contains(&month)
    }

    /// `months` are being loaded.
    pub fn asking(&mut self, months: &[Month]) {
        self.asked.extend_from_slice(months);
    }

    /// `months` are in.
    pub fn arrived(&mut self, months: &[Month]) {
        self.loaded.extend_from_slice(months);
    }

    /// `months` could not be loaded: they may be asked for again.
    pub fn failed(&mut self, months: &[Month]) {
        self.asked.retain(|m| !months.contains(m));
    }
}

fn count(node: &Node) -> Option<usize> {
    match &node.value {
        Value::Number(s) => s.parse().ok(),
        _ => None,
    }
}

fn row3<'a>(row: &'a Node<'a>) -> Option<[&'a Node<'a>; 3]> {
    match &row.value {
        Value::Array(items) => match items.as_slice() {
            [a, b, c] => Some([a, b, c]),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::When;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn event(id: &str, project: &str, start: &str, end: &str) -> Event {
        let when = When::AllDay {
            start: day(start),
            end: day(end),
        };
        Event::new(id, project, "会", when)
    }

    fn month(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    #[test]
    fn an_event_is_in_every_month_whose_view_shows_it() {
        // 2026-12-01 is a Tuesday: the view of December starts on 11-29;
        // that of November ends on 12-05.
        let events = [
            event("a", "p", "2026-12-01", "2026-12-01"),
            event("b", "p", "2026-12-15", "2026-12-15"),
            event("c", "q", "2026-11-10", "2027-01-03"),
        ];
        let (index, files) = MonthIndex::of(&events, &["p".into(), "q".into()]);
        assert_eq!(
            files,
            vec![
                (month("2026-11"), vec![0, 2]),
                (month("2026-12"), vec![0, 1, 2]),
                (month("2027-01"), vec![2]),
            ]
        );
        let nov = index.months[0];
        assert_eq!((nov.touching, nov.starting), (1, 1));
        let dec = index.months[1];
        assert_eq!((dec.touching, dec.starting), (3, 2));
        assert_eq!(index.projects, vec![("p".into(), 2), ("q".into(), 1)]);
        assert_eq!(MonthIndex::parse(&index.to_json()), Ok(index));
    }

    #[test]
    fn opens_on_this_month_else_the_next_else_the_latest() {
        let today = day("2026-12-01");
        let sets: [(&[(&str, &str)], &str); 5] = [
            (
                &[("2026-12-20", "2026-12-20"), ("2027-02-01", "2027-02-01")],
                "2026-12",
            ),
            (
                &[("2027-03-01", "2027-03-01"), ("2027-02-10", "2027-02-10")],
                "2027-02",
            ),
            (
                &[("2025-01-01", "2025-01-01"), ("2024-05-01", "2025-06-30")],
                "2025-01",
            ),
            (&[("2026-11-30", "2026-11-30")], "2026-11"),
            (&[], "2026-12"),
        ];
        for (set, want) in sets {
            let events: Vec<Event> = set
                .iter()
                .enumerate()
                .map(|(i, (a, b))| event(&format!("e{i}"), "p", a, b))
                .collect();
            let (index, _) = MonthIndex::of(&events, &["p".into()]);
            assert_eq!(index.initial(today), month(want), "{set:?}");
        }
    }

    #[test]
    fn the_store_asks_each_month_with_a_file_once_and_again_after_a_failure() {
        let events = [
            event("a", "p", "2026-10-14", "2026-10-14"),
            event("b", "p", "2026-12-15", "2026-12-15"),
        ];
        let (index, _) = MonthIndex::of(&events, &["p".into()]);
        let mut store = MonthStore::new(index, &[month("2026-12")]);
        assert!(!store.whole() && store.settled());
        let around = [
            month("2026-11"),
            month("2027-01"),
            month("2026-12"),
            month("2026-11"),
        ];
        // November has no file (nothing shows in its view); January neither.
        assert_eq!(store.wanted(&around), Vec::<Month>::new());
        assert_eq!(store.missing(), vec![month("2026-10")]);
        assert!(!store.on_its_way(month("2026-10")));
        store.asking(&[month("2026-10")]);
        // Asked for is not in: not whole until it arrives.
        assert!(store.missing().is_empty() && !store.whole() && !store.settled());
        assert!(store.on_its_way(month("2026-10")) && !store.on_its_way(month("2026-12")));
        assert_eq!(store.wanted(&[month("2026-10")]), Vec::<Month>::new());
        store.failed(&[month("2026-10")]);
        assert!(!store.whole() && store.settled() && !store.on_its_way(month("2026-10")));
        assert_eq!(store.wanted(&[month("2026-10")]), vec![month("2026-10")]);
        store.asking(&[month("2026-10")]);
        store.arrived(&[month("2026-10")]);
        assert!(store.whole() && store.settled() && !store.on_its_way(month("2026-10")));
    }

    #[test]
    fn a_broken_index_is_an_error_not_a_panic() {
        for text in [
            "",
            "[]",
            "{\"months\": [[\"2026-13\", 1, 1]]}",
            "{\"months\": [1]}",
            "{\"events\": -1}",
        ] {
            assert!(MonthIndex::parse(text).is_err(), "{text}");
        }
    }
}
