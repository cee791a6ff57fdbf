//! An `events-json` source: a file like ours, read by our own loader.
//!
//! The loader's rules hold for it as for ours: an event with a problem is
//! left out and said (named by its id and title, and where), the others
//! are kept. Our own events coming back (their `UID` ends in `@<our
//! domain>`) and events the source itself imported (they have an
//! `origin`) are not imported again, and counted.

use super::normal::bound;
use super::report::{Fetched, Outcome, Warning};
use super::{event_id, Source, MAX_EVENTS};
use crate::ics;
use crate::load::escape_controls;
use crate::load::json::{Node, Value};
use crate::model::{Event, Origin};

/// A source's events in our terms, and what was wrong or left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Normalised {
    pub events: Vec<Event>,
    /// What was wrong: events left out, text shortened …
    pub problems: Vec<Warning>,
    /// Our own events served back, left out.
    pub ours: usize,
    /// Events the source itself imported from elsewhere, left out.
    pub elsewhere: usize,
    /// The origin's host, for `site.domain` of the normalised file.
    pub domain: String,
}

impl Normalised {
    /// What `calendar fetch` says of it.
    pub fn outcome(&self) -> Outcome {
        Outcome::Fetched(Fetched {
            events: self.events.len(),
            ours: self.ours,
            elsewhere: self.elsewhere,
            warnings: self.problems.clone(),
        })
    }
}

/// The problem of events whose text was cut to its limits, when any.
pub fn shortened(cut: usize) -> Option<Warning> {
    (cut > 0).then(|| {
        Warning::source(format!(
            "長すぎる文を {cut} 件の予定で短くしました / shortened over-long text in {cut} events"
        ))
    })
}

/// The problem of a source with more than [`MAX_EVENTS`] events.
pub fn too_many() -> Warning {
    Warning::source(format!(
        "{MAX_EVENTS} 件を超えるイベントは取り込みません / events beyond {MAX_EVENTS} are left out"
    ))
}

/// Which event of the source's text a problem at JSON pointer `path` is
/// in, named by its id and title as the source wrote them:
/// `forum-bad「日付の誤り」`; `None` outside the events list.
fn event_named(root: Option<&Node>, path: &str) -> Option<String> {
    let index: usize = path
        .strip_prefix("/events/")?
        .split('/')
        .next()?
        .parse()
        .ok()?;
    let event = match &member(root?, "events")?.value {
        Value::Array(items) => items.get(index)?,
        _ => return None,
    };
    let text = |key: &str| match member(event, key).map(|n| &n.value) {
        Some(Value::String(s)) => Some(escape_controls(&super::limit(s, 60).0)),
        _ => None,
    };
    match (text("id"), text("title")) {
        (Some(id), Some(title)) => Some(format!("{id}「{title}」")),
        (Some(id), None) => Some(id),
        (None, Some(title)) => Some(format!("「{title}」")),
        (None, None) => None,
    }
}

fn member<'a>(node: &'a Node<'a>, key: &str) -> Option<&'a Node<'a>> {
    match &node.value {
        Value::Object(m) => m.iter().find(|m| m.key == key).map(|m| &m.node),
        _ => None,
    }
}

/// Reads an `events-json` source's text. `our_domain` is our
/// `site.domain`.
///
/// # Errors
/// When nothing usable is in the text (a JSON syntax error, or no events
/// list at all): the problems, as for [`Normalised::problems`].
pub fn normalise(
    source: &Source,
    text: &str,
    our_domain: &str,
) -> Result<Normalised, Vec<Warning>> {
    let loaded = crate::load::load(text);
    let root = crate::load::json::parse(text).ok();
    let problems: Vec<Warning> = loaded
        .diagnostics
        .iter()
        .map(|d| match event_named(root.as_ref(), &d.path) {
            Some(event) => Warning::loaded(format!("{event} ({})", d.place()), &d.message),
            None => Warning::loaded(d.place(), &d.message),
        })
        .collect();
    // Nothing usable (a syntax error, no events list …): a failed fetch,
    // and the last good copy stays in use.
    if loaded.catalog.events.is_empty() && !loaded.diagnostics.is_empty() {
        return Err(problems);
    }
    let theirs = &loaded.catalog;
    let ours_suffix = format!("@{our_domain}");
    let mut out = Normalised {
        problems,
        domain: theirs.site.domain.clone(),
        ..Normalised::default()
    };
    let mut cut = 0;
    for event in &theirs.events {
        let uid = ics::uid(theirs, event);
        if !our_domain.is_empty() && uid.ends_with(&ours_suffix) {
            out.ours += 1; // ours, coming back
            continue;
        }
        if event.origin.is_some() {
            out.elsewhere += 1; // imported there: taken from its own source, if at all
            continue;
        }
        if out.events.len() == MAX_EVENTS {
            out.problems.push(too_many());
            break;
        }
        let mut e = event.clone();
        // When the origin last changed it, as its own calendar files say
        // (the event's `updated`, else its file's).
        e.updated = e.updated.or(theirs.site.updated);
        e.id = event_id(&source.id, &uid, None);
        e.project = source.id.clone();
        e.origin = Some(Origin {
            uid,
            recurrence_id: None,
        });
        if bound(&mut e) {
            cut += 1;
        }
        out.events.push(e);
    }
    out.problems.extend(shortened(cut));
    Ok(out)
}
