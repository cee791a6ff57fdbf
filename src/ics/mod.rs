//! iCalendar (RFC 5545) files of events: one `.ics` per event, one feed per
//! project, one feed of everything.
//!
//! This module owns every octet of them: the `VCALENDAR` header with its
//! Japanese name and refresh hints, the `Asia/Tokyo` `VTIMEZONE` (only in
//! files with a timed event, the only ones that refer to its `TZID`), one
//! `VEVENT` per event, TEXT escaping, folding at 75 octets without splitting
//! a UTF-8 character, and CRLF line ends. It is pure: no clock, no
//! randomness, no I/O. The same catalogue gives the same bytes, so the
//! files the maintainer tool publishes and the ones the browser offers are
//! identical, and a rebuild changes only what changed.
//!
//! How events become properties:
//!
//! - `UID` is `<event id>@<site domain>`, stable across builds; an event
//!   imported from another calendar keeps that calendar's `UID` (and its
//!   `RECURRENCE-ID` for one occurrence of a repeating event).
//! - `DTSTAMP` is the event's `updated`, else the site's, else
//!   [`CalendarMeta::stamp`], else the fixed instant `19700101T000000Z`:
//!   never the clock. `LAST-MODIFIED` is the event's or the site's
//!   `updated` and is left out when neither is known.
//! - All-day events are `VALUE=DATE` with an exclusive `DTEND` (the day
//!   after the last day). Timed events are local `Asia/Tokyo` times with a
//!   `TZID`. **A timed event without an end** is given one of two hours
//!   after its start, but never past midnight (a 23:00 start ends at
//!   24:00), and its notes say 「終了時刻: 未定」. (Leaving `DTEND` out would
//!   make it, by RFC 5545 §3.6.1, an instant of no length, which phones
//!   draw as a sliver or not at all.)
//! - `SUMMARY` is the title, prefixed 【中止】 ([`crate::model::CANCELLED_MARK`]) when cancelled, since some
//!   apps show `STATUS:CANCELLED` nowhere. Cancelled events stay in the
//!   feeds, so subscribers see the cancellation instead of a silent
//!   disappearance.
//! - `URL` is the event's link, else the event's page on the published
//!   site (`<site url>?e=<id>`) when the site's address is known. The
//!   venue's link (often a map) goes into the notes instead, as 会場案内.
//! - `DESCRIPTION` holds everything else the newsletter said, under Japanese
//!   labels (see `describe.rs`); `CATEGORIES` is the project's name;
//!   `SEQUENCE` is the event's `revision`.
//! - A property whose data is absent is left out, never written empty.
//!
//! Why not the `icalendar` crate: version 0.17 (read for this decision)
//! escapes TEXT and writes CRLF correctly, but its `fold_line` lets the last
//! continuation line reach 76 octets when 75 remain after a fold (the
//! `last_continuation_line_of_exactly_74_octets_fits` test pins our
//! behaviour there), and its whitespace look-ahead indexes characters with
//! byte offsets, which goes astray in Japanese text. It fills a missing
//! `DTSTAMP` from `Utc::now()` and a missing `UID` with a random UUID, has
//! no `VTIMEZONE` (a TODO in its source), and would bring `uuid` (with its
//! JavaScript randomness shim), chrono's clock and `iso8601` into the
//! WebAssembly bundle, for a writer that is a few hundred lines here.

pub(crate) mod describe;
mod line;

pub use line::{escape_text, fold_line, MAX_LINE_OCTETS};

use crate::model::text::Lang;
use crate::model::{Catalog, Event, Status, When};
use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta, Timelike};
use line::Lines;

/// `PRODID` of every file we write.
pub const PRODID: &str = "-//kanagawa-iguren//calendar//JA";
/// The only time zone of the data (the loader refuses others).
pub const TZID: &str = "Asia/Tokyo";
/// How often subscribers should refetch a feed.
const REFRESH: &str = "PT12H";
/// Length given to a timed event that has no end.
const DEFAULT_LENGTH: TimeDelta = TimeDelta::hours(2);

/// What a calendar file says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CalendarMeta {
    /// Shown as the calendar's name by subscribing apps (`NAME`,
    /// `X-WR-CALNAME`), e.g. `かながわ異グ連 イベントカレンダー — 公的補助金プロジェクト`.
    pub name: String,
    /// What the calendar is about (`DESCRIPTION`, `X-WR-CALDESC`).
    pub description: Option<String>,
    /// `DTSTAMP` for events when neither the event nor the site says when
    /// it was updated (a UTC instant). The caller decides; this module never
    /// reads the clock.
    pub stamp: Option<NaiveDateTime>,
}

impl CalendarMeta {
    /// The header of the feed of one project (`Some(id)`) or of all events
    /// (`None`): the site's name, followed by the project's.
    ///
    /// An unknown project id stands in for its name.
    pub fn feed(catalog: &Catalog, project: Option<&str>) -> Self {
        let site = &catalog.site.name.ja;
        match project {
            None => CalendarMeta {
                name: site.to_string(),
                description: non_empty(&catalog.site.organizer.ja),
                stamp: None,
            },
            Some(id) => {
                let project = catalog.project(id);
                let name = project.map_or(id, |p| &*p.name.ja);
                CalendarMeta {
                    name: format!("{site} — {name}"),
                    description: project
                        .and_then(|p| p.description.as_ref())
                        .and_then(|d| non_empty(&d.ja)),
                    stamp: None,
                }
            }
        }
    }
}

/// Writes a whole iCalendar file with these events.
///
/// Events are written in the order of their start, then id, whatever the
/// order of `events`, so a selection gives the same bytes however it was
/// made. The project of each event is looked up in `catalog` for its name.
///
/// # Example
/// ```
/// use iguren_calendar::ics::{calendar, CalendarMeta};
///
/// let text = r##"{
///   "site": {"name": "例のカレンダー", "domain": "example.jp",
///            "updated": "2004-02-01T09:00:00+09:00"},
///   "projects": [{"id": "salon", "name": "交流サロン", "color": "#283593"}],
///   "events": [{"id": "salon-1", "project": "salon", "title": "第1回会合",
///               "start": "2004-02-25T18:00", "end": "2004-02-25T20:30"}]}"##;
/// let catalog = iguren_calendar::load::load(text).catalog;
/// let events: Vec<_> = catalog.events.iter().collect();
/// let meta = CalendarMeta { name: "交流サロン".into(), ..CalendarMeta::default() };
///
/// let ics = calendar(&catalog, &events, &meta);
/// assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
/// assert!(ics.contains("\r\nUID:salon-1@example.jp\r\n"));
/// assert!(ics.contains("\r\nDTSTAMP:20040201T000000Z\r\n"));
/// assert!(ics.contains("\r\nDTSTART;TZID=Asia/Tokyo:20040225T180000\r\n"));
/// assert!(ics.contains("\r\nDTEND;TZID=Asia/Tokyo:20040225T203000\r\n"));
/// assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
/// ```
pub fn calendar(catalog: &Catalog, events: &[&Event], cal: &CalendarMeta) -> String {
    let mut sorted = events.to_vec();
    crate::model::order::sort_by(&mut sorted, |a, b| {
        start_key(a)
            .cmp(&start_key(b))
            .then_with(|| a.id.cmp(&b.id))
    });

    let mut out = Lines::default();
    out.begin("VCALENDAR");
    out.raw("VERSION", "2.0");
    out.raw("PRODID", PRODID);
    out.raw("CALSCALE", "GREGORIAN");
    out.raw("METHOD", "PUBLISH");
    out.text("NAME", &cal.name);
    out.text("X-WR-CALNAME", &cal.name);
    if let Some(description) = &cal.description {
        out.text("DESCRIPTION", description);
        out.text("X-WR-CALDESC", description);
    }
    out.raw("X-WR-TIMEZONE", TZID);
    out.raw("REFRESH-INTERVAL;VALUE=DURATION", REFRESH);
    out.raw("X-PUBLISHED-TTL", REFRESH);
    // A VTIMEZONE only where a TZID refers to it: a feed of all-day
    // events has none (RFC 5545 §3.6.5 defines it for TZID references).
    if sorted.iter().any(|e| !e.when.is_all_day()) {
        write_timezone(&mut out);
    }
    for event in sorted {
        write_event(&mut out, catalog, event, cal.stamp);
    }
    out.end("VCALENDAR");
    out.finish()
}

/// The `.ics` file of one event, named after the site.
///
/// # Example
/// ```
/// let text = r##"{"site": {"name": "例", "domain": "example.jp"},
///   "projects": [{"id": "p", "name": "P", "color": "#123456"}],
///   "events": [{"id": "e", "project": "p", "title": "展示会",
///               "start": "2004-02-04", "end": "2004-02-06"}]}"##;
/// let catalog = iguren_calendar::load::load(text).catalog;
/// let ics = iguren_calendar::ics::event_file(&catalog, &catalog.events[0]);
/// assert!(ics.contains("\r\nDTSTART;VALUE=DATE:20040204\r\nDTEND;VALUE=DATE:20040207\r\n"));
/// ```
pub fn event_file(catalog: &Catalog, event: &Event) -> String {
    let meta = CalendarMeta {
        name: catalog.site.name.ja.to_string(),
        ..CalendarMeta::default()
    };
    calendar(catalog, &[event], &meta)
}

/// The subscription feed of one project (`Some(id)`) or of every event
/// (`None`), cancelled ones included, in order of start then id.
///
/// # Example
/// ```
/// let text = r##"{"site": {"name": "例", "domain": "example.jp"},
///   "projects": [{"id": "p", "name": "P", "color": "#123456"},
///                {"id": "q", "name": "Q", "color": "#654321"}],
///   "events": [{"id": "b", "project": "p", "title": "B", "start": "2004-02-02"},
///              {"id": "a", "project": "q", "title": "A", "start": "2004-02-02"}]}"##;
/// let catalog = iguren_calendar::load::load(text).catalog;
/// let all = iguren_calendar::ics::feed(&catalog, None);
/// assert!(all.find("UID:a@").unwrap() < all.find("UID:b@").unwrap());
/// let p = iguren_calendar::ics::feed(&catalog, Some("p"));
/// assert!(p.contains("X-WR-CALNAME:例 — P\r\n") && !p.contains("UID:a@"));
/// ```
pub fn feed(catalog: &Catalog, project: Option<&str>) -> String {
    let events: Vec<&Event> = catalog
        .events
        .iter()
        .filter(|e| project.is_none_or(|p| e.project == p))
        .collect();
    calendar(catalog, &events, &CalendarMeta::feed(catalog, project))
}

/// The stable `UID` of an event: `<id>@<domain>`, or for an imported
/// event the `UID` its own calendar gave it.
pub fn uid(catalog: &Catalog, event: &Event) -> String {
    if let Some(origin) = &event.origin {
        origin.uid.clone()
    } else if catalog.site.domain.is_empty() {
        event.id.clone()
    } else {
        format!("{}@{}", event.id, catalog.site.domain)
    }
}

/// `VTIMEZONE` for Japan: +09:00 all year, no daylight saving since 1951.
fn write_timezone(out: &mut Lines) {
    out.begin("VTIMEZONE");
    out.raw("TZID", TZID);
    out.begin("STANDARD");
    out.raw("DTSTART", "19700101T000000");
    out.raw("TZOFFSETFROM", "+0900");
    out.raw("TZOFFSETTO", "+0900");
    out.raw("TZNAME", "JST");
    out.end("STANDARD");
    out.end("VTIMEZONE");
}

fn write_event(out: &mut Lines, catalog: &Catalog, event: &Event, fallback: Option<NaiveDateTime>) {
    let site = &catalog.site;
    let updated = event.updated.or(site.updated);
    let stamp = updated.or(fallback).unwrap_or_else(epoch);
    let project_name = catalog.project_name(&event.project, Lang::Ja);
    let link = event
        .url
        .clone()
        .or_else(|| site.url.as_ref().map(|base| page(base, event)));

    out.begin("VEVENT");
    out.text("UID", &uid(catalog, event));
    out.raw("DTSTAMP", &utc(stamp));
    // One occurrence of another calendar's repeating event (imported).
    if let Some(id) = event.origin.as_ref().and_then(|o| o.recurrence_id) {
        match event.when {
            When::AllDay { .. } => out.raw("RECURRENCE-ID;VALUE=DATE", &date(id.date())),
            When::Timed { .. } => out.raw(&format!("RECURRENCE-ID;TZID={TZID}"), &local(id)),
        }
    }
    match event.when {
        When::AllDay { start, end } => {
            out.raw("DTSTART;VALUE=DATE", &date(start));
            out.raw("DTEND;VALUE=DATE", &date(end.succ_opt().unwrap_or(end)));
        }
        When::Timed { start, end } => {
            let end = end.unwrap_or_else(|| default_end(start));
            out.raw(&format!("DTSTART;TZID={TZID}"), &local(start));
            out.raw(&format!("DTEND;TZID={TZID}"), &local(end));
        }
    }
    let summary = format!("{}{}", event.status.title_prefix(Lang::Ja), event.title.ja);
    out.text("SUMMARY", &summary);
    if let Some(location) = event.venue.as_ref().and_then(describe::location) {
        out.text("LOCATION", &location);
    }
    out.text(
        "DESCRIPTION",
        &describe::description(event, project_name, link.as_deref()),
    );
    if let Some(link) = &link {
        out.raw("URL", link);
    }
    out.text("CATEGORIES", project_name);
    out.raw(
        "STATUS",
        match event.status {
            Status::Scheduled => "CONFIRMED",
            Status::Tentative => "TENTATIVE",
            Status::Cancelled => "CANCELLED",
        },
    );
    out.raw("SEQUENCE", &event.revision.to_string());
    // Imported here: another calendar like ours does not import it again.
    if event.origin.is_some() {
        out.text("X-IGUREN-SOURCE", &event.project);
    }
    if let Some(updated) = updated {
        out.raw("LAST-MODIFIED", &utc(updated));
    }
    out.end("VEVENT");
}

/// The event's page on the published site: `<site url>?e=<id>`.
fn page(base: &str, event: &Event) -> String {
    let join = if base.contains('?') { '&' } else { '?' };
    format!("{base}{join}e={}", event.id)
}

/// Two hours after `start`, but not past the midnight that ends its day.
pub fn default_end(start: NaiveDateTime) -> NaiveDateTime {
    let midnight = start
        .date()
        .succ_opt()
        .map_or(NaiveDateTime::MAX, |d| d.and_time(chrono::NaiveTime::MIN));
    start
        .checked_add_signed(DEFAULT_LENGTH)
        .map_or(midnight, |end| end.min(midnight))
}

/// Sort key: the start, all-day events at midnight.
fn start_key(event: &Event) -> NaiveDateTime {
    match event.when {
        When::AllDay { start, .. } => start.and_time(chrono::NaiveTime::MIN),
        When::Timed { start, .. } => start,
    }
}

/// `YYYYMMDD`
pub(crate) fn date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// `YYYYMMDDTHHMMSS`, a floating or `TZID` local time.
pub(crate) fn local(t: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}",
        date(t.date()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `YYYYMMDDTHHMMSSZ`, a UTC instant.
fn utc(t: NaiveDateTime) -> String {
    format!("{}Z", local(t))
}

/// `19700101T000000Z`, the last-resort `DTSTAMP`.
fn epoch() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .unwrap_or_default()
        .and_time(chrono::NaiveTime::MIN)
}

fn non_empty(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_time(NaiveTime::from_hms_opt(h, min, 0).unwrap())
    }

    #[test]
    fn default_end_is_two_hours_capped_at_midnight() {
        assert_eq!(default_end(at(2004, 2, 23, 10, 0)), at(2004, 2, 23, 12, 0));
        assert_eq!(default_end(at(2004, 2, 23, 22, 0)), at(2004, 2, 24, 0, 0));
        assert_eq!(default_end(at(2004, 2, 23, 23, 30)), at(2004, 2, 24, 0, 0));
        assert_eq!(default_end(at(2004, 12, 31, 23, 0)), at(2005, 1, 1, 0, 0));
    }

    #[test]
    fn site_page_link_keeps_an_existing_query() {
        let mut e = Event::new(
            "e1",
            "p",
            "t",
            When::AllDay {
                start: at(2004, 2, 1, 0, 0).date(),
                end: at(2004, 2, 1, 0, 0).date(),
            },
        );
        assert_eq!(page("https://x.jp/cal/", &e), "https://x.jp/cal/?e=e1");
        e.id = "e2".into();
        assert_eq!(
            page("https://x.jp/?lang=ja", &e),
            "https://x.jp/?lang=ja&e=e2"
        );
    }

    #[test]
    fn formats_dates_and_times() {
        let t = at(2004, 2, 5, 9, 7);
        assert_eq!(date(t.date()), "20040205");
        assert_eq!(local(t), "20040205T090700");
        assert_eq!(utc(t), "20040205T090700Z");
    }
}
