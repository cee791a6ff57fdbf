//! 「くり返し作る」: a group's meetings up to the end of the year, written
//! once. From the group's past meetings this module reads its rhythm
//! ([`Rhythm`]: 毎月第4水曜日, 毎月最終金曜日, 毎月10日, 2週間ごと — the
//! [`Rule`] that 次回を作る uses, its [`Rule::MonthLater`] read as the
//! same day of each month), proposes the dates after the last meeting up
//! to the end of the fiscal year (31 March) or for a number of meetings
//! ([`plan`]), and leaves out national holidays, saying which and why
//! ([`Skipped`]). The maintainer may change the dates; [`create`] then
//! makes each one an event of its own, with its own id
//! (`<project>-<date>`) and what 次回を作る copies
//! ([`draft::next_event`]), so subscribers, share pages and calendar files
//! treat it as any event. No RRULE, RDATE or RECURRENCE-ID is ever
//! written (Outlook refuses an RDATE without an RRULE, Google brings back
//! EXDATEs written in UTC, ical.js shows overrides twice).
//!
//! A holiday is left out, not moved. 次回を作る moves its one meeting a
//! week later so that the month keeps it; in a series the rhythm's next
//! date comes anyway, and a moved date could fall on the next meeting
//! (every week) or off the group's week of the month. The maintainer
//! sees the days left out and can add one back among the dates.
//!
//! The latest rhythm wins: the rule is the one that the most of the
//! latest meetings follow without a break, counted back from the last,
//! so a group that moved from the 2nd Wednesday to the 3rd Thursday is
//! read by its meetings since the move. On two meetings it is the rule
//! 次回を作る finds ([`draft::rule_of`]); with no rule followed twice,
//! the same day of each month, as there.
//!
//! Time is not read here: everything counts from the group's meetings.

use crate::doc::draft::{self, is_last_of_month, week_of_month, Rule};
use crate::doc::{Doc, Value};
use crate::jp::{format_day, holiday};
use crate::model::text::{Lang, Text};
use chrono::{Datelike, NaiveDate};

/// The most meetings one plan proposes: a year of weekly ones.
pub const MAX_OCCURRENCES: usize = 60;

/// How a group meets: the rule, the meeting it counts from, and how many
/// of the latest meetings follow it (1 when none is followed twice).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rhythm {
    pub rule: Rule,
    pub last: NaiveDate,
    pub support: usize,
}

impl Rhythm {
    /// In words: `毎月第4水曜日`; `毎月10日` / `day 10 of each month` for
    /// the same day each month.
    pub fn describe(&self) -> Text {
        match self.rule {
            Rule::MonthLater => Text::both(
                format!("毎月{}日", self.last.day()),
                format!("day {} of each month", self.last.day()),
            ),
            rule => rule.describe(),
        }
    }

    /// The dates after `last` by the rule, holidays included, without end.
    fn dates(self) -> impl Iterator<Item = NaiveDate> {
        (1..).scan(self.last, move |previous, k| {
            let next = match self.rule {
                // Counted from `last`, so that the 31st stays the 31st
                // after a shorter month.
                Rule::MonthLater => same_day(self.last, k),
                rule => draft::apply(rule, *previous),
            };
            *previous = next;
            Some(next)
        })
    }
}

/// Whether `day` is one of the days of a monthly `rule` (for the same
/// day each month: `last`'s day, or the month's last when it is shorter).
fn fits(rule: Rule, last: NaiveDate, day: NaiveDate) -> bool {
    match rule {
        Rule::NthWeekday { n, weekday } => day.weekday() == weekday && week_of_month(day) == n,
        Rule::LastWeekday { weekday } => day.weekday() == weekday && is_last_of_month(day),
        Rule::EveryWeeks { .. } => false,
        Rule::MonthLater => clamp(day, last.day()) == day,
    }
}

/// Day `day` of `d`'s month, or the month's last when it is shorter.
fn clamp(d: NaiveDate, day: u32) -> NaiveDate {
    (0..4)
        .find_map(|back| d.with_day(day.saturating_sub(back).max(1)))
        .unwrap_or(d)
}

/// `d`'s day of the month `k` months later (clamped to that month).
fn same_day(d: NaiveDate, k: u32) -> NaiveDate {
    let months = d.year() * 12 + d.month0() as i32 + k as i32;
    NaiveDate::from_ymd_opt(months.div_euclid(12), months.rem_euclid(12) as u32 + 1, 1)
        .map_or(d, |first| clamp(first, d.day()))
}

/// The rhythm of a group's meetings (their first days, in any order):
/// the rule the most of the latest ones follow without a break, counted
/// back from the last; among equals, in the order 次回を作る prefers
/// (the n-th weekday, the last weekday, every few weeks, the same day).
/// `None` when there are no meetings.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use iguren_calendar::doc::recur::infer;
/// let day = |m, d| NaiveDate::from_ymd_opt(2004, m, d).unwrap();
/// let rhythm = infer(&[day(1, 28), day(2, 25)]).unwrap();
/// assert_eq!(rhythm.describe().ja, "毎月第4水曜日");
/// ```
pub fn infer(days: &[NaiveDate]) -> Option<Rhythm> {
    let mut days = days.to_vec();
    days.sort_unstable();
    days.dedup();
    let &last = days.last()?;
    let weekday = last.weekday();
    let mut rules = Vec::new();
    if week_of_month(last) <= 4 {
        rules.push(Rule::NthWeekday {
            n: week_of_month(last),
            weekday,
        });
    }
    if is_last_of_month(last) {
        rules.push(Rule::LastWeekday { weekday });
    }
    if let [.., previous, _] = days[..] {
        let weeks = (last - previous).num_days() / 7;
        if previous.weekday() == weekday && (1..=8).contains(&weeks) {
            rules.push(Rule::EveryWeeks {
                weeks: weeks as u32,
            });
        }
    }
    rules.push(Rule::MonthLater);
    let best = rules
        .into_iter()
        .map(|rule| {
            let support = match rule {
                Rule::EveryWeeks { weeks } => {
                    let apart = |w: &[NaiveDate]| (w[1] - w[0]).num_days() == 7 * i64::from(weeks);
                    1 + days.windows(2).rev().take_while(|w| apart(w)).count()
                }
                _ => days
                    .iter()
                    .rev()
                    .take_while(|&&d| fits(rule, last, d))
                    .count(),
            };
            Rhythm {
                rule,
                last,
                support,
            }
        })
        .fold(None::<Rhythm>, |best, r| match best {
            Some(b) if b.support >= r.support => Some(b),
            _ => Some(r),
        })?;
    Some(if best.support >= 2 {
        best
    } else {
        Rhythm {
            rule: Rule::MonthLater,
            last,
            support: 1,
        }
    })
}

/// How far a plan goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Until {
    /// To the end of the fiscal year (31 March) of the first date.
    FiscalYearEnd,
    /// To this day, included.
    Date(NaiveDate),
    /// This many meetings (holidays left out do not count).
    Count(usize),
}

/// The last day of the fiscal year (April to March) that `d` is in.
pub fn fiscal_year_end(d: NaiveDate) -> NaiveDate {
    let year = if d.month() >= 4 {
        d.year() + 1
    } else {
        d.year()
    };
    NaiveDate::from_ymd_opt(year, 3, 31).unwrap_or(d)
}

/// A date of the rhythm left out, and the holiday it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub date: NaiveDate,
    pub holiday: &'static Text,
}

impl Skipped {
    /// `3月20日(土)は春分の日のため除外` / `Sat, Mar 20 is Vernal Equinox
    /// Day: left out`.
    pub fn reason(&self) -> Text {
        Text::both(
            format!(
                "{}は{}のため除外",
                format_day(self.date, Lang::Ja),
                self.holiday.get(Lang::Ja)
            ),
            format!(
                "{} is {}: left out",
                format_day(self.date, Lang::En),
                self.holiday.get(Lang::En)
            ),
        )
    }
}

/// The meetings proposed after the last one: their dates, in order, and
/// the holidays left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub rhythm: Rhythm,
    pub dates: Vec<NaiveDate>,
    pub skipped: Vec<Skipped>,
}

/// The dates after `rhythm.last` up to `until`, national holidays left
/// out; at most [`MAX_OCCURRENCES`].
pub fn plan(rhythm: Rhythm, until: Until) -> Plan {
    let mut dates = rhythm.dates().peekable();
    let first = dates.peek().copied().unwrap_or(rhythm.last);
    let (end, count) = match until {
        Until::FiscalYearEnd => (fiscal_year_end(first), MAX_OCCURRENCES),
        Until::Date(end) => (end, MAX_OCCURRENCES),
        Until::Count(n) => (NaiveDate::MAX, n.min(MAX_OCCURRENCES)),
    };
    let mut out = Plan {
        rhythm,
        dates: Vec::new(),
        skipped: Vec::new(),
    };
    for date in dates.take_while(|&d| d <= end).take(4 * MAX_OCCURRENCES) {
        if out.dates.len() >= count {
            break;
        }
        match holiday(date) {
            Some(holiday) => out.skipped.push(Skipped { date, holiday }),
            None => out.dates.push(date),
        }
    }
    out
}

/// The first days of the meetings of `project` up to `up_to`, cancelled
/// ones left out, in order.
pub fn meetings(doc: &Doc, project: &str, up_to: NaiveDate) -> Vec<NaiveDate> {
    let Some(Value::Array { items, .. }) = doc.get("/events") else {
        return Vec::new();
    };
    let mut days: Vec<NaiveDate> = items
        .iter()
        .filter(|e| e.get("project").and_then(Value::as_str) == Some(project))
        .filter(|e| e.get("status").and_then(Value::as_str) != Some("cancelled"))
        .filter_map(first_day)
        .filter(|&d| d <= up_to)
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

fn first_day(event: &Value) -> Option<NaiveDate> {
    let start = event.get("start").and_then(Value::as_str)?;
    crate::load::parse_date(start.get(..10)?).ok()
}

/// The plan that follows the event at `/events/<index>`, read from its
/// group's meetings up to it. `None` when it has no readable date.
pub fn propose(doc: &Doc, index: usize, until: Until) -> Option<Plan> {
    let event = doc.get(&format!("/events/{index}"))?;
    let last = first_day(event)?;
    let project = event.get("project").and_then(Value::as_str).unwrap_or("");
    let mut days = meetings(doc, project, last);
    days.push(last);
    Some(plan(infer(&days)?, until))
}

/// Makes a meeting on each of `dates` (in order, each once) from the
/// event at `/events/<index>`, as 次回を作る makes the next one: the
/// title's number counted on from meeting to meeting, an id
/// `<project>-<date>` that no event has. They go at the end of the
/// events; their indices are returned (the editor stamps them as it does
/// any new event, [`draft::touch`]).
pub fn create(doc: &mut Doc, index: usize, dates: &[NaiveDate]) -> Vec<usize> {
    let Some(mut from) = doc.get(&format!("/events/{index}")).cloned() else {
        return Vec::new();
    };
    let project = match from.get("project").and_then(Value::as_str) {
        Some(p) if !p.is_empty() => p.to_string(),
        _ => "event".to_string(),
    };
    let mut dates = dates.to_vec();
    dates.sort_unstable();
    dates.dedup();
    let mut made = Vec::new();
    for date in dates {
        let next = draft::next_event(&from, date);
        let taken = draft::taken_ids(doc, usize::MAX);
        let id = draft::propose_id(&project, date, |c| taken.iter().any(|t| t == c));
        let mut event = next.clone();
        if let Value::Object { members, .. } = &mut event {
            members.insert(0, ("id".into(), Value::string(id)));
        }
        if let Ok(items) = doc.array_or_new("/events") {
            items.push(event);
            made.push(items.len() - 1);
        }
        from = next;
    }
    made
}
