//! The editor's rules, as plain functions on the document: what a new
//! event's id should be and when it follows a new date, when the next
//! meeting of a group falls, what 「次回を作る」 copies, and the rules that
//! protect subscribers (an id once published never changes; a published
//! event is cancelled rather than deleted; every change counts up
//! `revision` and stamps `updated`).
//!
//! Time is a parameter (`now`), as everywhere in the core.

use crate::doc::{Doc, Value};
use crate::load::Problem;
use crate::model::text::{Lang, Text};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};

/// An id for a new event from its project and date,
/// `<project>-<yyyy-mm-dd>`, with `-2`, `-3`, … when that is taken.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let day = NaiveDate::from_ymd_opt(2004, 3, 24).unwrap();
/// let taken = ["nikkan-2004-03-24"];
/// let id = iguren_calendar::doc::draft::propose_id("nikkan", day, |id| taken.contains(&id));
/// assert_eq!(id, "nikkan-2004-03-24-2");
/// ```
pub fn propose_id(project: &str, date: NaiveDate, taken: impl Fn(&str) -> bool) -> String {
    let base = id_base(project, date);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// `<project>-<yyyy-mm-dd>` cut to 58 characters, so that a `-2`, `-3`, …
/// still fits in an id's 64.
fn id_base(project: &str, date: NaiveDate) -> String {
    let base = format!("{project}-{}", date.format("%Y-%m-%d"));
    base.chars().take(58).collect()
}

/// Whether `id` is one that [`propose_id`] gives for `project` and `date`
/// (its base, or the base with `-2`, `-3`, …): an id the maintainer left
/// as proposed rather than chose.
pub fn is_proposed_id(id: &str, project: &str, date: NaiveDate) -> bool {
    let base = id_base(project, date);
    match id.strip_prefix(base.as_str()) {
        Some("") => true,
        // `-2`, `-3`, … as propose_id writes them (no `-02`, no `-+2`).
        Some(rest) => rest
            .strip_prefix('-')
            .is_some_and(|n| n.parse::<u32>().is_ok_and(|k| k >= 2 && n == k.to_string())),
        None => false,
    }
}

/// The editor's id-follows-date rule: the new id of an event whose
/// project and first day went from `before` to `after` (`None` for a day
/// that is not a date yet), or `None` when the id stays.
///
/// The id follows only while the event is unpublished (a published id
/// never changes, see [`check_id_change`]), its id is still the one
/// [`propose_id`] gave for `before`, and `after` has a project; it becomes
/// what [`propose_id`] gives for `after` (cut, and `-2`, `-3`, … when
/// `taken`).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use iguren_calendar::doc::draft::follow_id;
/// let day = |d| NaiveDate::from_ymd_opt(2004, 3, d).unwrap();
/// let taken = |id: &str| id == "nikkan-2004-03-31";
/// let new = follow_id("nikkan-2004-03-24", false, Some(("nikkan", day(24))), Some(("nikkan", day(31))), taken);
/// assert_eq!(new.as_deref(), Some("nikkan-2004-03-31-2"));
/// ```
pub fn follow_id(
    id: &str,
    published: bool,
    before: Option<(&str, NaiveDate)>,
    after: Option<(&str, NaiveDate)>,
    taken: impl Fn(&str) -> bool,
) -> Option<String> {
    let (old_project, old_date) = before?;
    let (project, date) = after?;
    if published || before == after || project.is_empty() {
        return None;
    }
    if !is_proposed_id(id, old_project, old_date) {
        return None;
    }
    Some(propose_id(project, date, taken)).filter(|new| new != id)
}

/// Refuses to change the id of an event that is already published:
/// calendar apps know the event by it (its `UID`), and its link and
/// calendar file are named after it.
///
/// # Errors
/// The reason, in Japanese and English, when `old` is published and
/// `new` differs from it.
pub fn check_id_change(old: &str, new: &str, published: bool) -> Result<(), Problem> {
    if !published || old == new {
        return Ok(());
    }
    Err(Text::both(
        format!("公開済みの予定のID「{old}」は変えられません。カレンダーアプリはこのIDで予定を見分けるため、変えると登録した人の予定が二重になります"),
        format!("the id \"{old}\" of a published event cannot change: calendar apps know the event by it, so subscribers would get it twice"),
    ))
}

/// How a group's meetings recur, read from its last two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The n-th weekday of each month (第4水曜日): `n` from 1 to 4.
    NthWeekday { n: u32, weekday: Weekday },
    /// The last such weekday of each month (最終金曜日).
    LastWeekday { weekday: Weekday },
    /// The same weekday every `weeks` weeks.
    EveryWeeks { weeks: u32 },
    /// No rule shared: the same day one month later.
    MonthLater,
}

impl Rule {
    /// The rule in words: `毎月第4水曜日` / `the 4th Wed of each month`.
    pub fn describe(self) -> Text {
        let day =
            |w: Weekday, lang| crate::jp::weekday_name(w.num_days_from_sunday() as usize, lang);
        match self {
            Rule::NthWeekday { n, weekday } => Text::both(
                format!("毎月第{n}{}曜日", day(weekday, Lang::Ja)),
                format!(
                    "the {} {} of each month",
                    ["1st", "2nd", "3rd", "4th"][(n - 1) as usize % 4],
                    day(weekday, Lang::En)
                ),
            ),
            Rule::LastWeekday { weekday } => Text::both(
                format!("毎月最終{}曜日", day(weekday, Lang::Ja)),
                format!("the last {} of each month", day(weekday, Lang::En)),
            ),
            Rule::EveryWeeks { weeks: 1 } => Text::fixed("毎週", "every week"),
            Rule::EveryWeeks { weeks } => {
                Text::both(format!("{weeks}週間ごと"), format!("every {weeks} weeks"))
            }
            Rule::MonthLater => Text::fixed("1か月後", "one month later"),
        }
    }
}

/// Which week of its month a day falls in (1 to 5).
pub(crate) fn week_of_month(d: NaiveDate) -> u32 {
    (d.day() - 1) / 7 + 1
}

/// Whether no day of `d`'s weekday follows it in its month.
pub(crate) fn is_last_of_month(d: NaiveDate) -> bool {
    (d + Duration::days(7)).month() != d.month()
}

/// The first day of the month after `d`'s.
fn next_month_start(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d)
}

/// The rule that `previous` and `last` (its group's two latest meetings,
/// in order) share.
pub fn rule_of(previous: NaiveDate, last: NaiveDate) -> Rule {
    let weekday = last.weekday();
    if previous.weekday() == weekday && previous < last {
        if previous.month() != last.month() || previous.year() != last.year() {
            if week_of_month(previous) == week_of_month(last) && week_of_month(last) <= 4 {
                return Rule::NthWeekday {
                    n: week_of_month(last),
                    weekday,
                };
            }
            if is_last_of_month(previous) && is_last_of_month(last) {
                return Rule::LastWeekday { weekday };
            }
        }
        let weeks = (last - previous).num_days() / 7;
        if (1..=8).contains(&weeks) {
            return Rule::EveryWeeks {
                weeks: weeks as u32,
            };
        }
    }
    Rule::MonthLater
}

/// The day after `last` by `rule`.
pub fn apply(rule: Rule, last: NaiveDate) -> NaiveDate {
    match rule {
        Rule::NthWeekday { n, weekday } => {
            let first = next_month_start(last);
            let offset =
                (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
            first + Duration::days(i64::from(offset + 7 * (n - 1)))
        }
        Rule::LastWeekday { weekday } => {
            let after = next_month_start(next_month_start(last));
            let end = after.pred_opt().unwrap_or(after);
            let back =
                (7 + end.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
            end - Duration::days(i64::from(back))
        }
        Rule::EveryWeeks { weeks } => last + Duration::weeks(i64::from(weeks)),
        Rule::MonthLater => {
            let first = next_month_start(last);
            // The same day number, or the month's last day when it is shorter.
            (0..4)
                .find_map(|back| first.with_day(last.day() - back))
                .unwrap_or(first)
        }
    }
}

/// A proposed date for the next meeting, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextDate {
    pub date: NaiveDate,
    pub rule: Rule,
    /// The day the rule gave, when it was a holiday and so moved a week.
    pub skipped: Option<NaiveDate>,
}

/// The next meeting after `last`, by the rule it shares with `previous`
/// (one month later when there is none, or no `previous`). A national
/// holiday (by `is_holiday`) is skipped to the same weekday a week later.
pub fn next_date(
    previous: Option<NaiveDate>,
    last: NaiveDate,
    is_holiday: impl Fn(NaiveDate) -> bool,
) -> NextDate {
    let rule = previous.map_or(Rule::MonthLater, |p| rule_of(p, last));
    let mut date = apply(rule, last);
    let mut skipped = None;
    for _ in 0..4 {
        if !is_holiday(date) {
            break;
        }
        skipped.get_or_insert(date);
        date += Duration::weeks(1);
    }
    NextDate {
        date,
        rule,
        skipped,
    }
}

/// The title of the next meeting: 第39回 becomes 第40回 (full-width digits
/// stay full-width); a title without a number stays as it is.
///
/// # Example
/// ```
/// use iguren_calendar::doc::draft::next_title;
/// assert_eq!(next_title("第39回日韓ビジネス協議会"), "第40回日韓ビジネス協議会");
/// assert_eq!(next_title("第９回 研究会"), "第１０回 研究会");
/// assert_eq!(next_title("例会"), "例会");
/// ```
pub fn next_title(title: &str) -> String {
    let Some(start) = title.find('第') else {
        return title.to_string();
    };
    let digits_at = start + '第'.len_utf8();
    let rest = &title[digits_at..];
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let len: usize = rest
        .chars()
        .take_while(|&c| digit(c))
        .map(char::len_utf8)
        .sum();
    if len == 0 || !rest[len..].starts_with('回') {
        return title.to_string();
    }
    let number = &rest[..len];
    let wide = number.chars().any(|c| !c.is_ascii_digit());
    let ascii: String = number
        .chars()
        .map(|c| {
            char::from_digit(
                c.to_digit(10)
                    .unwrap_or_else(|| u32::from(c) - u32::from('０')),
                10,
            )
            .unwrap_or('0')
        })
        .collect();
    let Ok(n) = ascii.parse::<u64>() else {
        return title.to_string();
    };
    let next = (n + 1).to_string();
    let next: String = if wide {
        next.chars()
            .map(|c| char::from_u32(u32::from(c) - u32::from('0') + u32::from('０')).unwrap_or(c))
            .collect()
    } else {
        next
    };
    format!("{}{next}{}", &title[..digits_at], &rest[len..])
}

/// The members 「次回を作る」 copies from an event: its project, title (with
/// the next number), venue, fee, capacity, contact and the programme's
/// times and titles (not its speakers); then start and end on `date` at
/// the same times. The description, link, speakers, id and history are
/// the new meeting's own.
pub fn next_event(event: &Value, date: NaiveDate) -> Value {
    let mut members: Vec<(String, Value)> = Vec::new();
    let copy = |key: &str| event.get(key).cloned();
    if let Some(project) = copy("project") {
        members.push(("project".into(), project));
    }
    if let Some(title) = event.get("title").and_then(Value::as_str) {
        members.push(("title".into(), Value::string(next_title(title))));
    }
    for key in ["start", "end"] {
        let Some(when) = event.get(key).and_then(Value::as_str) else {
            continue;
        };
        // The date part replaced; a time part kept. A multi-day span
        // keeps its length. Text that is not a date is copied as it is.
        let date_of = |s: &str| s.get(..10).and_then(|d| crate::load::parse_date(d).ok());
        let moved = match (date_of(when), when.get(10..)) {
            (Some(old), Some(time)) => {
                let start = event
                    .get("start")
                    .and_then(Value::as_str)
                    .and_then(date_of)
                    .unwrap_or(old);
                format!("{}{time}", (date + (old - start)).format("%Y-%m-%d"))
            }
            _ => when.to_string(),
        };
        members.push((key.into(), Value::string(moved)));
    }
    for key in ["venue", "fee", "capacity", "contact"] {
        if let Some(v) = copy(key) {
            members.push((key.into(), v));
        }
    }
    if let Some(Value::Array { items, layout }) = event.get("program") {
        let skeleton: Vec<Value> = items
            .iter()
            .map(|item| {
                let kept = ["time", "title"]
                    .iter()
                    .filter_map(|k| item.get(k).map(|v| ((*k).to_string(), v.clone())))
                    .collect();
                Value::Object {
                    members: kept,
                    layout: crate::doc::Layout::Auto,
                }
            })
            .collect();
        members.push((
            "program".into(),
            Value::Array {
                items: skeleton,
                layout: *layout,
            },
        ));
    }
    Value::Object {
        members,
        layout: crate::doc::Layout::Auto,
    }
}

/// `YYYY-MM-DDTHH:MM:SS+09:00` for a UTC instant, as `updated` is written.
pub fn tokyo_stamp(now_utc: NaiveDateTime) -> String {
    crate::jp::tokyo::with_offset(crate::jp::tokyo::from_utc(now_utc))
}

/// Marks the event at `/events/<index>` as changed now: its `revision`
/// one above the published one (`published_revision`, `None` for an event
/// not yet published, which stays at its own), its `updated` and the
/// site's `updated` set to `now` in Tokyo time. However many edits a
/// session makes, subscribers see one new revision.
pub fn touch(doc: &mut Doc, index: usize, published_revision: Option<u32>, now_utc: NaiveDateTime) {
    let stamp = tokyo_stamp(now_utc);
    let event = format!("/events/{index}");
    if let Some(base) = published_revision {
        let _ = doc.set(
            &format!("{event}/revision"),
            Value::Number((u64::from(base) + 1).to_string()),
        );
    }
    let _ = doc.set(&format!("{event}/updated"), Value::string(stamp.clone()));
    if doc.get("/site").is_some() {
        let _ = doc.set("/site/updated", Value::string(stamp));
    }
}

/// Cancels the event at `/events/<index>` (`status: cancelled`): what
/// deleting a published event does, so that subscribers see it go.
pub fn cancel(doc: &mut Doc, index: usize) {
    let _ = doc.set(
        &format!("/events/{index}/status"),
        Value::string("cancelled"),
    );
}

/// The projects of the draft: id, name in `lang`, colour.
pub fn projects(d: &Doc, lang: Lang) -> Vec<(String, String, String)> {
    match d.get("/projects") {
        Some(Value::Array { items, .. }) => items
            .iter()
            .filter_map(|p| {
                let id = p.get("id")?.as_str()?.to_string();
                let name = match p.get("name") {
                    Some(Value::Object { .. }) => {
                        let n = p.get("name");
                        let pick = |k: &str| n.and_then(|n| n.get(k)).and_then(Value::as_str);
                        match lang {
                            Lang::En => pick("en").or_else(|| pick("ja")),
                            Lang::Ja => pick("ja"),
                        }
                        .unwrap_or(&id)
                        .to_string()
                    }
                    Some(v) => v.as_str().unwrap_or(&id).to_string(),
                    None => id.clone(),
                };
                let color = p
                    .get("color")
                    .and_then(Value::as_str)
                    .filter(|c| c.len() == 7 && c.starts_with('#'))
                    .unwrap_or(crate::model::FALLBACK_COLOR)
                    .to_string();
                Some((id, name, color))
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The ids of every event but the one at `except`.
pub fn taken_ids(d: &Doc, except: usize) -> Vec<String> {
    match d.get("/events") {
        Some(Value::Array { items, .. }) => items
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != except)
            .filter_map(|(_, e)| e.get("id").and_then(Value::as_str).map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_nikkan_council_meets_on_the_fourth_wednesday() {
        // 1月28日 and 2月25日 2004 are both 4th Wednesdays: next is 3月24日.
        let next = next_date(Some(day(2004, 1, 28)), day(2004, 2, 25), |_| false);
        assert_eq!(next.date, day(2004, 3, 24));
        assert_eq!(
            next.rule,
            Rule::NthWeekday {
                n: 4,
                weekday: Weekday::Wed
            }
        );
        assert_eq!(next.rule.describe().ja, "毎月第4水曜日");
        assert_eq!(
            next.rule.describe().get(Lang::En),
            "the 4th Wed of each month"
        );
        assert_eq!(next.skipped, None);
    }

    #[test]
    fn other_rules_and_the_fallback() {
        // Last Friday of January and February 2004.
        let next = next_date(Some(day(2004, 1, 30)), day(2004, 2, 27), |_| false);
        assert_eq!(
            next.rule,
            Rule::LastWeekday {
                weekday: Weekday::Fri
            }
        );
        assert_eq!(next.date, day(2004, 3, 26));
        // Every two weeks.
        let next = next_date(Some(day(2004, 2, 4)), day(2004, 2, 18), |_| false);
        assert_eq!(next.rule, Rule::EveryWeeks { weeks: 2 });
        assert_eq!(next.date, day(2004, 3, 3));
        // Nothing shared: one month later, clamped to the month's end.
        let next = next_date(Some(day(2004, 1, 5)), day(2004, 1, 31), |_| false);
        assert_eq!(next.rule, Rule::MonthLater);
        assert_eq!(next.date, day(2004, 2, 29));
        assert_eq!(
            next_date(None, day(2004, 12, 15), |_| false).date,
            day(2005, 1, 15)
        );
    }

    #[test]
    fn a_holiday_is_skipped_and_said() {
        // 3rd Mondays: 19 January and 16 February 2004; 15 March is not a
        // holiday, so pretend it is.
        let next = next_date(Some(day(2004, 1, 19)), day(2004, 2, 16), |d| {
            d == day(2004, 3, 15)
        });
        assert_eq!(next.date, day(2004, 3, 22));
        assert_eq!(next.skipped, Some(day(2004, 3, 15)));
    }

    #[test]
    fn ids_and_their_changes() {
        let d = day(2004, 3, 24);
        assert_eq!(propose_id("nikkan", d, |_| false), "nikkan-2004-03-24");
        let taken = ["nikkan-2004-03-24", "nikkan-2004-03-24-2"];
        assert_eq!(
            propose_id("nikkan", d, |id| taken.contains(&id)),
            "nikkan-2004-03-24-3"
        );
        assert!(check_id_change("a", "b", false).is_ok());
        assert!(check_id_change("a", "a", true).is_ok());
        let e = check_id_change("a", "b", true).unwrap_err();
        assert!(e
            .get(crate::model::text::Lang::En)
            .contains("subscribers would get it twice"));
    }

    /// What the id `id` of an event of nikkan on 24 March 2004 becomes when
    /// its project and day change to `after`, with `taken` ids elsewhere.
    fn moved(
        id: &str,
        published: bool,
        after: Option<(&str, NaiveDate)>,
        taken: &[&str],
    ) -> Option<String> {
        let before = Some(("nikkan", day(2004, 3, 24)));
        follow_id(id, published, before, after, |c| taken.contains(&c))
    }

    #[test]
    fn an_unpublished_id_follows_its_date_as_propose_id_writes_it() {
        let (same, later) = (day(2004, 3, 24), day(2004, 3, 31));
        let id = "nikkan-2004-03-24";
        assert_eq!(
            moved(id, false, Some(("nikkan", later)), &[]).as_deref(),
            Some("nikkan-2004-03-31")
        );
        // A taken id gets `-2`.
        let taken = ["nikkan-2004-03-31"];
        assert_eq!(
            moved(id, false, Some(("nikkan", later)), &taken).as_deref(),
            Some("nikkan-2004-03-31-2")
        );
        // An id proposed with `-2` still follows; so does a change of project.
        let second = "nikkan-2004-03-24-2";
        assert_eq!(
            moved(second, false, Some(("salon", same)), &[]).as_deref(),
            Some("salon-2004-03-24")
        );
        // Published: never.
        assert_eq!(moved(id, true, Some(("nikkan", later)), &[]), None);
        // An id the maintainer chose stays.
        for chosen in [
            "nikkan-40",
            "nikkan-2004-03-24-1",
            "nikkan-2004-03-24-02",
            "nikkan-2004-03-24x",
        ] {
            assert_eq!(
                moved(chosen, false, Some(("nikkan", later)), &[]),
                None,
                "{chosen}"
            );
        }
        // No change, no project or no date yet: it stays.
        assert_eq!(moved(id, false, Some(("nikkan", same)), &[]), None);
        assert_eq!(moved(id, false, Some(("", later)), &[]), None);
        assert_eq!(moved(id, false, None, &[]), None);
        assert_eq!(
            follow_id("nikkan-", false, None, Some(("nikkan", later)), |_| false),
            None
        );
    }

    #[test]
    fn a_long_project_is_cut_as_propose_id_cuts_it() {
        let (march, april) = (day(2004, 3, 24), day(2004, 4, 1));
        let project = "b".repeat(50);
        let old = propose_id(&project, march, |_| false);
        assert_eq!(old, format!("{project}-2004-03"));
        assert!(is_proposed_id(&old, &project, march));
        let follow = |taken: &str| {
            follow_id(
                &old,
                false,
                Some((&project, march)),
                Some((&project, april)),
                |id| id == taken,
            )
        };
        assert_eq!(follow(""), Some(format!("{project}-2004-04")));
        let new = follow(&format!("{project}-2004-04")).unwrap();
        assert_eq!(new, format!("{project}-2004-04-2"));
        assert!(new.chars().count() <= 64);
        // Cut before the date: a new day gives the same id, nothing changes.
        let project = "a".repeat(60);
        let old = propose_id(&project, march, |_| false);
        assert_eq!(old, "a".repeat(58));
        assert_eq!(
            follow_id(
                &old,
                false,
                Some((&project, march)),
                Some((&project, april)),
                |_| false
            ),
            None
        );
    }

    #[test]
    fn the_next_meeting_copies_what_repeats() {
        let doc = Doc::parse(
            r#"{"events": [{"id": "nikkan-40", "project": "nikkan", "title": "第40回日韓ビジネス協議会",
              "start": "2004-02-25T18:00", "end": "2004-02-25T20:00", "venue": {"name": "センター"},
              "fee": "1,000円", "speakers": ["瀧澤会長"], "description": "今回の報告",
              "program": [{"time": "18:00", "title": "挨拶", "speakers": ["瀧澤会長"]}],
              "revision": 3, "updated": "2004-02-20T09:00:00+09:00"}]}"#,
        )
        .unwrap();
        let next = next_event(doc.get("/events/0").unwrap(), day(2004, 3, 24));
        let text = |k: &str| next.get(k).and_then(Value::as_str).map(str::to_string);
        assert_eq!(text("title").as_deref(), Some("第41回日韓ビジネス協議会"));
        assert_eq!(text("start").as_deref(), Some("2004-03-24T18:00"));
        assert_eq!(text("end").as_deref(), Some("2004-03-24T20:00"));
        assert_eq!(text("project").as_deref(), Some("nikkan"));
        assert!(next.get("venue").is_some() && next.get("fee").is_some());
        for gone in ["id", "speakers", "description", "revision", "updated"] {
            assert!(next.get(gone).is_none(), "{gone}");
        }
        let row = next.get("program").and_then(|p| p.get("0")).unwrap();
        assert!(row.get("speakers").is_none() && row.get("title").is_some());
        // A span keeps its length.
        let span = Doc::parse(r#"{"start": "2004-02-04", "end": "2004-02-06"}"#).unwrap();
        let next = next_event(&span.root, day(2005, 2, 2));
        assert_eq!(next.get("end").and_then(Value::as_str), Some("2005-02-04"));
        // Text that is not a date (full-width, say) is copied, never cut.
        let odd = Doc::parse(r#"{"start": "２００４年２月４日"}"#).unwrap();
        let next = next_event(&odd.root, day(2005, 2, 2));
        assert_eq!(
            next.get("start").and_then(Value::as_str),
            Some("２００４年２月４日")
        );
    }

    #[test]
    fn touching_counts_the_revision_once_and_stamps_tokyo_time() {
        let mut doc =
            Doc::parse(r#"{"site": {"name": "例"}, "events": [{"id": "a", "revision": 3}]}"#)
                .unwrap();
        let now = day(2026, 12, 2).and_hms_opt(1, 30, 0).unwrap();
        touch(&mut doc, 0, Some(3), now);
        touch(&mut doc, 0, Some(3), now);
        assert_eq!(
            doc.get("/events/0/revision"),
            Some(&Value::Number("4".into()))
        );
        assert_eq!(
            doc.text("/events/0/updated"),
            Some("2026-12-02T10:30:00+09:00")
        );
        assert_eq!(doc.text("/site/updated"), Some("2026-12-02T10:30:00+09:00"));
        cancel(&mut doc, 0);
        assert_eq!(doc.text("/events/0/status"), Some("cancelled"));
    }
}
