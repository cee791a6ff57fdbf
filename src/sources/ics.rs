//! An `ics` source: any iCalendar feed, read by the `icalendar` crate's
//! parser, with repeating events expanded by the `rrule` crate.
//!
//! - Times with a `TZID` (an IANA name, e.g. `America/New_York`) or in UTC
//!   are converted to Tokyo time with `chrono-tz`; floating times are taken
//!   as Tokyo's. An unknown `TZID` leaves that event out, said.
//! - `VALUE=DATE` events stay all-day (the exclusive `DTEND` becomes our
//!   inclusive last day).
//! - `RRULE` (with `RDATE` and `EXDATE`) is expanded from
//!   [`HORIZON_PAST_DAYS`] before the fetch to [`HORIZON_FUTURE_DAYS`]
//!   after it, at most [`MAX_OCCURRENCES`] a series; an occurrence that a
//!   `RECURRENCE-ID` event replaces is taken from that event instead.
//!   Each occurrence keeps the series' `UID` with its `RECURRENCE-ID`.
//! - Our own events coming back (`UID` ending in `@<our domain>`) and
//!   events another calendar like ours imported (`X-IGUREN-SOURCE`) are
//!   not imported again.
//! - `SUMMARY`, `LOCATION`, `DESCRIPTION`, `URL` (http(s) only), `STATUS`,
//!   `SEQUENCE` and `LAST-MODIFIED` (else `DTSTAMP`, as the event's
//!   `updated`) become ours; texts are bounded.

use super::json::{shortened, too_many, Normalised};
use super::normal::bound;
use super::report::Warning;
use super::{
    event_id, Source, HORIZON_FUTURE_DAYS, HORIZON_PAST_DAYS, MAX_EVENTS, MAX_OCCURRENCES,
};
use crate::model::{Event, Origin, Status, Text, Venue, When};
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Asia::Tokyo;
use icalendar::{CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, EventLike};
use std::collections::{HashMap, HashSet};

/// A start or end in Tokyo terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Moment {
    Date(NaiveDate),
    /// Tokyo local time.
    Time(NaiveDateTime),
}

/// One `VEVENT`'s start as an instant for `rrule`, with its zone.
fn rrule_start(d: &DatePerhapsTime) -> Result<DateTime<rrule::Tz>, String> {
    Ok(match d {
        DatePerhapsTime::Date(date) => {
            rrule::Tz::UTC.from_utc_datetime(&date.and_time(chrono::NaiveTime::MIN))
        }
        DatePerhapsTime::DateTime(CalendarDateTime::Utc(t)) => {
            rrule::Tz::UTC.from_utc_datetime(&t.naive_utc())
        }
        DatePerhapsTime::DateTime(CalendarDateTime::Floating(t)) => local(rrule::Tz::Tz(Tokyo), t)?,
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
            local(rrule::Tz::Tz(zone(tzid)?), date_time)?
        }
    })
}

fn local(tz: rrule::Tz, t: &NaiveDateTime) -> Result<DateTime<rrule::Tz>, String> {
    tz.from_local_datetime(t).earliest().ok_or_else(|| {
        format!(
            "{t} は {} に存在しない時刻です / {t} does not exist in {}",
            tz.name(),
            tz.name()
        )
    })
}

/// An IANA zone from a `TZID` (quotes and a `/mozilla.org/…/` style
/// prefix allowed).
fn zone(tzid: &str) -> Result<chrono_tz::Tz, String> {
    let id = tzid.trim_matches('"');
    if let Ok(tz) = id.parse() {
        return Ok(tz);
    }
    // `/mozilla.org/20050126_1/Europe/Berlin` and the like.
    let parts: Vec<&str> = id.split('/').filter(|p| !p.is_empty()).collect();
    for n in [3, 2] {
        if parts.len() >= n {
            if let Ok(tz) = parts[parts.len() - n..].join("/").parse() {
                return Ok(tz);
            }
        }
    }
    let shown = crate::load::escape_controls(id);
    Err(format!(
        "知らない時間帯「{shown}」です / unknown time zone \"{shown}\""
    ))
}

/// An instant of `rrule`'s back in Tokyo terms (all-day: the UTC date).
fn moment(t: &DateTime<rrule::Tz>, all_day: bool) -> Moment {
    if all_day {
        Moment::Date(t.naive_utc().date())
    } else {
        Moment::Time(t.with_timezone(&Tokyo).naive_local())
    }
}

/// Seconds are kept only when there are some (our times are minutes).
fn when(start: Moment, end: Option<Moment>) -> Option<When> {
    match (start, end) {
        (Moment::Date(s), None) => Some(When::AllDay { start: s, end: s }),
        (Moment::Date(s), Some(Moment::Date(e))) => {
            // DTEND is exclusive: the last day is the one before.
            let last = e.pred_opt().unwrap_or(e).max(s);
            Some(When::AllDay {
                start: s,
                end: last,
            })
        }
        (Moment::Time(s), None) => Some(When::Timed {
            start: s,
            end: None,
        }),
        (Moment::Time(s), Some(Moment::Time(e))) => Some(When::Timed {
            start: s,
            end: (e > s).then_some(e),
        }),
        _ => None,
    }
}

/// `DURATION` as a span (`P1D`, `PT1H30M`, `P2W`); `None` when unreadable.
fn duration(s: &str) -> Option<TimeDelta> {
    let s = s.trim();
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let s = s.strip_prefix('P')?;
    let mut total = TimeDelta::zero();
    let mut n = String::new();
    let mut in_time = false;
    for c in s.chars() {
        match c {
            '0'..='9' => n.push(c),
            'T' => in_time = true,
            _ => {
                let v: i64 = n.parse().ok()?;
                n.clear();
                total += match (c, in_time) {
                    ('W', false) => TimeDelta::weeks(v),
                    ('D', false) => TimeDelta::days(v),
                    ('H', true) => TimeDelta::hours(v),
                    ('M', true) => TimeDelta::minutes(v),
                    ('S', true) => TimeDelta::seconds(v),
                    _ => return None,
                };
            }
        }
    }
    n.is_empty().then_some(if neg { -total } else { total })
}

/// The instants of an `EXDATE` or `RDATE` property (a comma-separated
/// list, each a date, a UTC time or a time in the property's `TZID`, else
/// in `default`'s zone).
fn instants(
    prop: &icalendar::Property,
    default: rrule::Tz,
) -> Result<Vec<DateTime<rrule::Tz>>, String> {
    let tz = match prop.params().get("TZID") {
        Some(p) => rrule::Tz::Tz(zone(p.value())?),
        None => default,
    };
    let mut out = Vec::new();
    for v in prop
        .value()
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        let bad = || {
            let shown = crate::load::escape_controls(v);
            format!("日時「{shown}」を読めません / cannot read the date \"{shown}\"")
        };
        if v.len() == 8 {
            let d = NaiveDate::parse_from_str(v, "%Y%m%d").map_err(|_| bad())?;
            out.push(rrule::Tz::UTC.from_utc_datetime(&d.and_time(chrono::NaiveTime::MIN)));
        } else if let Some(utc) = v.strip_suffix('Z') {
            let t = NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S").map_err(|_| bad())?;
            out.push(rrule::Tz::UTC.from_utc_datetime(&t));
        } else {
            let t = NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").map_err(|_| bad())?;
            out.push(local(tz, &t)?);
        }
    }
    Ok(out)
}

/// The start instants of a series within the horizon.
fn occurrences(
    e: &icalendar::Event,
    start: DateTime<rrule::Tz>,
    all_day: bool,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<DateTime<rrule::Tz>>, String> {
    let rrule_text = e.property_value("RRULE").unwrap_or("");
    let shown = crate::load::escape_controls(rrule_text);
    let rule: rrule::RRule<rrule::Unvalidated> = rrule_text.parse().map_err(|err| {
        format!("RRULE「{shown}」を読めません / cannot read RRULE \"{shown}\": {err}")
    })?;
    let rule = rule.validate(start).map_err(|err| {
        format!("RRULE「{shown}」が正しくありません / invalid RRULE \"{shown}\": {err}")
    })?;
    let zone = start.timezone();
    let mut set = rrule::RRuleSet::new(start).rrule(rule);
    let multi = e.multi_properties();
    for prop in multi.get("EXDATE").into_iter().flatten() {
        for t in instants(prop, zone)? {
            set = set.exdate(t);
        }
    }
    for prop in multi.get("RDATE").into_iter().flatten() {
        for t in instants(prop, zone)? {
            set = set.rdate(t);
        }
    }
    let tz = |t: DateTime<Utc>| {
        if all_day {
            rrule::Tz::UTC.from_utc_datetime(&t.naive_utc())
        } else {
            t.with_timezone(&zone)
        }
    };
    let result = set.after(tz(from)).before(tz(to)).all(MAX_OCCURRENCES);
    Ok(result.dates)
}

/// Reads an iCalendar source. `now` (UTC) is the fetch, the middle of the
/// horizon; `our_domain` is our `site.domain`.
///
/// # Errors
/// When the text is not iCalendar at all: the problem, as one line.
pub fn normalise(
    source: &Source,
    text: &str,
    now: NaiveDateTime,
    our_domain: &str,
) -> Result<Normalised, Vec<Warning>> {
    let calendar: icalendar::Calendar = text.parse().map_err(|e: String| {
        let first =
            crate::load::escape_controls(e.lines().take(3).collect::<Vec<_>>().join(" ").trim());
        let (short, _) = super::limit(&first, 200);
        vec![Warning::source(format!(
            "iCalendar として読めません / not an iCalendar file: {short}"
        ))]
    })?;
    let vevents: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    if vevents.is_empty() && !text.contains("BEGIN:VCALENDAR") {
        return Err(vec![Warning::source(
            "iCalendar（BEGIN:VCALENDAR）ではありません / not an iCalendar file (no BEGIN:VCALENDAR)",
        )]);
    }
    let now_utc = Utc.from_utc_datetime(&now);
    let from = now_utc - TimeDelta::days(HORIZON_PAST_DAYS);
    let to = now_utc + TimeDelta::days(HORIZON_FUTURE_DAYS);
    let ours_suffix = format!("@{our_domain}");
    let mut problems = Vec::new();
    let (mut ours, mut elsewhere) = (0, 0);
    let mut events: Vec<Event> = Vec::new();
    let mut cut = 0;

    // Occurrences replaced by a RECURRENCE-ID event: (uid, instant).
    let mut replaced: HashSet<(String, i64)> = HashSet::new();
    for e in &vevents {
        if let (Some(uid), Some(r)) = (e.get_uid(), e.get_recurrence_id()) {
            if let Ok(t) = rrule_start(&r) {
                replaced.insert((uid.to_string(), t.timestamp()));
            }
        }
    }
    let mut seen: HashMap<String, ()> = HashMap::new();
    for (n, e) in vevents.iter().enumerate() {
        let summary = e.get_summary().unwrap_or("").trim();
        let shown = crate::load::escape_controls(&super::limit(summary, 60).0);
        // An event is named as its calendar names it: UID and summary,
        // then which VEVENT of the file.
        let place = format!("「{shown}」 (VEVENT {})", n + 1);
        let Some(uid) = e.get_uid().map(str::trim).filter(|u| !u.is_empty()) else {
            problems.push(Warning::event(
                place,
                "UID がないため取り込みません / no UID, left out",
            ));
            continue;
        };
        let at = format!(
            "{}{place}",
            crate::load::escape_controls(&super::limit(uid, 60).0)
        );
        if !our_domain.is_empty() && uid.ends_with(&ours_suffix) {
            ours += 1;
            continue;
        }
        if e.property_value("X-IGUREN-SOURCE").is_some() {
            elsewhere += 1;
            continue;
        }
        if uid.chars().count() > 255 || uid.chars().any(char::is_control) {
            problems.push(Warning::event(
                at.clone(),
                "UID が長すぎるか制御文字を含みます / UID too long or with control characters",
            ));
            continue;
        }
        if summary.is_empty() {
            problems.push(Warning::event(
                at.clone(),
                "SUMMARY（題名）がありません / no SUMMARY (title)",
            ));
            continue;
        }
        let Some(start) = e.get_start() else {
            problems.push(Warning::event(
                at.clone(),
                "DTSTART がありません / no DTSTART",
            ));
            continue;
        };
        let all_day = matches!(start, DatePerhapsTime::Date(_));
        let start_at = match rrule_start(&start) {
            Ok(t) => t,
            Err(p) => {
                problems.push(Warning::event(at.clone(), p));
                continue;
            }
        };
        // The length of each occurrence: DTEND − DTSTART, else DURATION.
        let length = match e.get_end() {
            Some(end) => match rrule_start(&end) {
                Ok(end) => Some(end.naive_utc() - start_at.naive_utc()),
                Err(p) => {
                    problems.push(Warning::event(at.clone(), p));
                    continue;
                }
            },
            None => e.property_value("DURATION").and_then(duration),
        };
        let recurring = e.property_value("RRULE").is_some() && e.get_recurrence_id().is_none();
        let starts = if recurring {
            match occurrences(e, start_at, all_day, from, to) {
                Ok(list) => list,
                Err(p) => {
                    problems.push(Warning::event(at.clone(), p));
                    continue;
                }
            }
        } else {
            vec![start_at]
        };
        let recurrence_of = e.get_recurrence_id().and_then(|r| rrule_start(&r).ok());
        for occurrence in starts {
            if recurring && replaced.contains(&(uid.to_string(), occurrence.timestamp())) {
                continue;
            }
            let begin = moment(&occurrence, all_day);
            let end = length
                .filter(|l| *l > TimeDelta::zero())
                .map(|l| moment(&(occurrence + l), all_day));
            let Some(when) = when(begin, end) else {
                problems.push(Warning::event(
                    at.clone(),
                    "DTSTART と DTEND の種類が違います / DTSTART and DTEND of different kinds",
                ));
                break;
            };
            let recurrence_id = if recurring {
                Some(occurrence)
            } else {
                recurrence_of
            }
            .map(|r| match moment(&r, all_day) {
                Moment::Date(d) => d.and_time(chrono::NaiveTime::MIN),
                Moment::Time(t) => t,
            });
            let key = recurrence_id.map(|r| r.to_string());
            let id = event_id(&source.id, uid, key.as_deref());
            if seen.insert(id.clone(), ()).is_some() {
                problems.push(Warning::event(
                    at.clone(),
                    "同じ UID の予定が重複しています / duplicate UID",
                ));
                continue;
            }
            if events.len() == MAX_EVENTS {
                problems.push(too_many());
                problems.extend(shortened(cut));
                return Ok(Normalised {
                    events,
                    problems,
                    ours,
                    elsewhere,
                    domain: super::normal::host(&source.url),
                });
            }
            let mut event = Event::new(id, source.id.clone(), summary, when);
            event.title = Text::new(summary.to_string());
            event.venue = e
                .get_location()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Venue {
                    name: Some(l.to_string()),
                    ..Venue::default()
                });
            event.description = e
                .get_description()
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(str::to_string);
            if let Some(url) = e.get_url().map(str::trim) {
                if crate::load::check_url(url).is_ok() {
                    event.url = Some(url.to_string());
                } else {
                    let shown = crate::load::escape_controls(&super::limit(url, 60).0);
                    problems.push(Warning::event(at.clone(), format!("URL「{shown}」は http(s) でないため外しました / URL \"{shown}\" dropped (not http(s))")));
                }
            }
            event.status = match e.get_status() {
                Some(icalendar::EventStatus::Cancelled) => Status::Cancelled,
                Some(icalendar::EventStatus::Tentative) => Status::Tentative,
                _ => Status::Scheduled,
            };
            event.revision = e.get_sequence().unwrap_or(0);
            // When the origin last changed it: LAST-MODIFIED, else its
            // DTSTAMP (what subscribers of ics/federation.ics then see).
            event.updated = e
                .get_last_modified()
                .or_else(|| e.get_timestamp())
                .map(|t| t.naive_utc());
            event.origin = Some(Origin {
                uid: uid.to_string(),
                recurrence_id,
            });
            if bound(&mut event) {
                cut += 1;
            }
            events.push(event);
        }
    }
    problems.extend(shortened(cut));
    crate::model::order::sort_by(&mut events, |a, b| {
        a.when
            .first_day()
            .cmp(&b.when.first_day())
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(Normalised {
        events,
        problems,
        ours,
        elsewhere,
        domain: super::normal::host(&source.url),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_durations() {
        assert_eq!(duration("PT1H30M"), Some(TimeDelta::minutes(90)));
        assert_eq!(duration("P1D"), Some(TimeDelta::days(1)));
        assert_eq!(duration("P2W"), Some(TimeDelta::weeks(2)));
        assert_eq!(duration("PX"), None);
        assert_eq!(duration("1H"), None);
    }

    #[test]
    fn finds_zones_by_iana_name_even_with_a_prefix() {
        assert_eq!(zone("Europe/Berlin").unwrap(), chrono_tz::Europe::Berlin);
        assert_eq!(
            zone("/mozilla.org/20050126_1/America/New_York").unwrap(),
            chrono_tz::America::New_York
        );
        assert!(zone("Nowhere/Special")
            .unwrap_err()
            .contains("unknown time zone"));
    }
}
