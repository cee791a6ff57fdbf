//! A source's events in our own format: `sources/<id>.json`, a file our
//! loader reads (site, one project for the source, the events, each with
//! its `origin`), so the page needs nothing new to read it.
//!
//! Imported text is untrusted: [`bound`] cuts every text to a size and
//! keeps at most [`super::MAX_EVENTS`] events, and the loader checks links
//! (http(s) only) again when the file is read.

use super::{limit, Source};
use crate::load::escape_json;
use crate::model::{Contact, Deadline, Event, Status, Text, Venue, When};
use chrono::{NaiveDateTime, Timelike};

/// Longest title, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest description.
pub const MAX_DESCRIPTION: usize = 5_000;
/// Longest other text (venue, fee, a speaker …).
pub const MAX_TEXT: usize = 500;
/// At most this many speakers or programme items per event.
pub const MAX_ITEMS: usize = 50;

/// Cuts the texts of `event` to their limits; whether anything was cut.
pub fn bound(event: &mut Event) -> bool {
    let mut cut = event.speakers.len() > MAX_ITEMS || event.program.len() > MAX_ITEMS;
    event.speakers.truncate(MAX_ITEMS);
    event.program.truncate(MAX_ITEMS);
    let mut fit = |s: &mut String, max: usize| {
        let (t, c) = limit(s, max);
        if c {
            *s = t;
            cut = true;
        }
    };
    let mut title = event.title.ja.to_string();
    fit(&mut title, MAX_TITLE);
    let mut title_en = event.title.en.as_ref().map(|t| t.to_string());
    if let Some(t) = &mut title_en {
        fit(t, MAX_TITLE);
    }
    event.title = Text {
        ja: title.into(),
        en: title_en.map(Into::into),
    };
    if let Some(d) = &mut event.description {
        fit(d, MAX_DESCRIPTION);
    }
    for s in [&mut event.fee, &mut event.capacity].into_iter().flatten() {
        fit(s, MAX_TEXT);
    }
    if let Some(v) = &mut event.venue {
        for s in [&mut v.name, &mut v.room, &mut v.address]
            .into_iter()
            .flatten()
        {
            fit(s, MAX_TEXT);
        }
    }
    if let Some(c) = &mut event.contact {
        for s in [&mut c.name, &mut c.address, &mut c.note]
            .into_iter()
            .flatten()
        {
            fit(s, MAX_TEXT);
        }
    }
    for s in &mut event.speakers {
        fit(&mut s.name, MAX_TEXT);
        if let Some(a) = &mut s.affiliation {
            fit(a, MAX_TEXT);
        }
    }
    for p in &mut event.program {
        fit(&mut p.title, MAX_TEXT);
        p.speakers.truncate(MAX_ITEMS);
        for s in &mut p.speakers {
            fit(&mut s.name, MAX_TEXT);
        }
    }
    cut
}

pub(crate) fn q(s: &str) -> String {
    format!("\"{}\"", escape_json(s))
}

pub(crate) fn text(t: &Text) -> String {
    match &t.en {
        Some(en) => format!("{{\"ja\": {}, \"en\": {}}}", q(&t.ja), q(en)),
        None => q(&t.ja),
    }
}

fn local(t: NaiveDateTime) -> String {
    if t.second() == 0 {
        t.format("%Y-%m-%dT%H:%M").to_string()
    } else {
        t.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

/// An object of the optional string fields that are there.
fn fields(pairs: &[(&str, &Option<String>)]) -> Option<String> {
    let parts: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{}: {}", q(k), q(v))))
        .collect();
    (!parts.is_empty()).then(|| format!("{{{}}}", parts.join(", ")))
}

fn venue(v: &Venue) -> Option<String> {
    fields(&[
        ("name", &v.name),
        ("room", &v.room),
        ("address", &v.address),
        ("phone", &v.phone),
        ("url", &v.url),
    ])
}

pub(crate) fn contact(c: &Contact) -> Option<String> {
    fields(&[
        ("name", &c.name),
        ("phone", &c.phone),
        ("fax", &c.fax),
        ("email", &c.email),
        ("url", &c.url),
        ("address", &c.address),
        ("note", &c.note),
    ])
}

fn speakers(list: &[crate::model::Speaker]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|s| match &s.affiliation {
            Some(a) => format!("{{\"name\": {}, \"affiliation\": {}}}", q(&s.name), q(a)),
            None => q(&s.name),
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// One event as a line of `events`: every field the loader reads (the
/// build's month files are written with it too, `crate::site::months`).
pub fn event_json(e: &Event) -> String {
    let mut parts = vec![
        format!("\"id\": {}", q(&e.id)),
        format!("\"project\": {}", q(&e.project)),
        format!("\"title\": {}", q(&e.title.ja)),
    ];
    if let Some(en) = &e.title.en {
        parts.push(format!("\"titleEn\": {}", q(en)));
    }
    match e.when {
        When::AllDay { start, end } => {
            parts.push(format!("\"start\": \"{start}\""));
            if end != start {
                parts.push(format!("\"end\": \"{end}\""));
            }
        }
        When::Timed { start, end } => {
            parts.push(format!("\"start\": \"{}\"", local(start)));
            if let Some(end) = end {
                parts.push(format!("\"end\": \"{}\"", local(end)));
            }
        }
    }
    if let Some(v) = e.venue.as_ref().and_then(venue) {
        parts.push(format!("\"venue\": {v}"));
    }
    for (k, v) in [("fee", &e.fee), ("capacity", &e.capacity)] {
        if let Some(v) = v {
            parts.push(format!("{}: {}", q(k), q(v)));
        }
    }
    if !e.speakers.is_empty() {
        parts.push(format!("\"speakers\": {}", speakers(&e.speakers)));
    }
    if let Some(c) = e.contact.as_ref().and_then(contact) {
        parts.push(format!("\"contact\": {c}"));
    }
    if !e.program.is_empty() {
        let items: Vec<String> = e
            .program
            .iter()
            .map(|p| {
                let mut f = Vec::new();
                if let Some(t) = p.time {
                    f.push(format!("\"time\": \"{}\"", t.format("%H:%M")));
                }
                f.push(format!("\"title\": {}", q(&p.title)));
                if !p.speakers.is_empty() {
                    f.push(format!("\"speakers\": {}", speakers(&p.speakers)));
                }
                format!("{{{}}}", f.join(", "))
            })
            .collect();
        parts.push(format!("\"program\": [{}]", items.join(", ")));
    }
    for (k, v) in [("description", &e.description), ("url", &e.url)] {
        if let Some(v) = v {
            parts.push(format!("{}: {}", q(k), q(v)));
        }
    }
    if let Some(r) = &e.registration {
        let deadline = r.deadline.map(|d| match d {
            Deadline::Day(d) => d.to_string(),
            Deadline::At(t) => local(t),
        });
        let f = fields(&[("url", &r.url), ("deadline", &deadline), ("note", &r.note)]);
        parts.push(format!(
            "\"registration\": {}",
            f.unwrap_or_else(|| "{}".into())
        ));
    }
    if e.status != Status::Scheduled {
        parts.push(format!("\"status\": \"{}\"", e.status.as_str()));
    }
    if e.revision != 0 {
        parts.push(format!("\"revision\": {}", e.revision));
    }
    if let Some(u) = e.updated {
        parts.push(format!("\"updated\": \"{}\"", super::status::instant(u)));
    }
    if let Some(o) = &e.origin {
        let mut f = vec![format!("\"uid\": {}", q(&o.uid))];
        if let Some(r) = o.recurrence_id {
            let r = if e.when.is_all_day() {
                r.date().to_string()
            } else {
                local(r)
            };
            f.push(format!("\"recurrenceId\": \"{r}\""));
        }
        parts.push(format!("\"origin\": {{{}}}", f.join(", ")));
    }
    format!("{{{}}}", parts.join(", "))
}

/// The text of `sources/<id>.json`: the source as site and only project,
/// then its events, one a line. `domain` is the origin's host (the
/// loader wants one); `fetched` (UTC) becomes `site.updated`.
pub fn to_json(source: &Source, domain: &str, fetched: NaiveDateTime, events: &[Event]) -> String {
    let mut out = format!(
        "{{\n  \"site\": {{\"name\": {}, \"timeZone\": \"Asia/Tokyo\", \"url\": {}, \"domain\": {}, \"updated\": \"{}\"}},\n  \"projects\": [{{\"id\": {}, \"name\": {}, \"color\": {}}}],\n  \"events\": [",
        text(&source.name),
        q(&source.url),
        q(domain),
        super::status::instant(fetched),
        q(&source.id),
        text(&source.name),
        q(&source.color),
    );
    for (i, e) in events.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str(&event_json(e));
    }
    out.push_str(if events.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    out
}

/// The host of an address (`https://example.org:8443/x` → `example.org`),
/// lower-case; `"source.invalid"` when there is none, so the loader still
/// has a domain.
pub fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("").to_ascii_lowercase();
    if crate::load::check_domain(&host).is_ok() {
        host
    } else {
        "source.invalid".into()
    }
}
