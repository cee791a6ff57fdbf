//! An `events-json` source: a file like ours, read by our own loader.
//!
//! The loader's rules hold for it as for ours: an event with a problem is
//! left out and said, the others are kept. Events the source itself
//! imported (they have an `origin`) and our own events coming back (their
//! `UID` ends in `@<our domain>`) are not imported again.

use super::normal::bound;
use super::{event_id, Source, MAX_EVENTS};
use crate::ics;
use crate::model::{Event, Origin};

/// A source's events in our terms, and what was wrong or left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Normalised {
    pub events: Vec<Event>,
    /// One line each, `ja / en`.
    pub problems: Vec<String>,
    /// The origin's host, for `site.domain` of the normalised file.
    pub domain: String,
}

/// At most this many problems are listed one by one; the rest are counted.
pub const MAX_PROBLEMS: usize = 20;

/// Adds a problem, or counts it once the list is full.
pub fn note(problems: &mut Vec<String>, more: &mut usize, line: String) {
    if problems.len() < MAX_PROBLEMS {
        problems.push(line);
    } else {
        *more += 1;
    }
}

/// The line that counts the problems not listed.
pub fn more_line(more: usize) -> Option<String> {
    (more > 0).then(|| format!("ほか {more} 件の問題 / {more} more problems"))
}

/// Closes a list of problems: how many events had text shortened
/// (`cut`), and how many problems were not listed (`more`).
pub fn finish(problems: &mut Vec<String>, mut more: usize, cut: usize) {
    if cut > 0 {
        note(
            problems,
            &mut more,
            format!("長すぎる文を {cut} 件の予定で短くしました / shortened over-long text in {cut} events"),
        );
    }
    problems.extend(more_line(more));
}

/// Reads an `events-json` source's text. `our_domain` is our
/// `site.domain`.
///
/// # Errors
/// When nothing usable is in the text (a JSON syntax error, or no events
/// list at all): the problems, as for [`Normalised::problems`].
pub fn normalise(source: &Source, text: &str, our_domain: &str) -> Result<Normalised, Vec<String>> {
    let loaded = crate::load::load(text);
    let mut problems = Vec::new();
    let mut more = 0;
    for d in &loaded.diagnostics {
        note(&mut problems, &mut more, d.to_string());
    }
    // Nothing usable (a syntax error, no events list …): a failed fetch,
    // and the last good copy stays in use.
    if loaded.catalog.events.is_empty() && !loaded.diagnostics.is_empty() {
        problems.extend(more_line(more));
        return Err(problems);
    }
    let theirs = &loaded.catalog;
    let ours_suffix = format!("@{our_domain}");
    let mut events = Vec::new();
    let mut cut = 0;
    for event in &theirs.events {
        if event.origin.is_some() {
            continue; // imported there: taken from its own source, if at all
        }
        let uid = ics::uid(theirs, event);
        if !our_domain.is_empty() && uid.ends_with(&ours_suffix) {
            continue; // ours, coming back
        }
        if events.len() == MAX_EVENTS {
            note(
                &mut problems,
                &mut more,
                format!(
                    "{MAX_EVENTS} 件を超えるイベントは取り込みません / events beyond {MAX_EVENTS} are left out"
                ),
            );
            break;
        }
        let mut e = event.clone();
        e.id = event_id(&source.id, &uid, None);
        e.project = source.id.clone();
        e.origin = Some(Origin {
            uid,
            recurrence_id: None,
        });
        if bound(&mut e) {
            cut += 1;
        }
        events.push(e);
    }
    finish(&mut problems, more, cut);
    Ok(Normalised {
        events,
        problems,
        domain: theirs.site.domain.clone(),
    })
}
