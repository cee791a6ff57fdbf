//! Our catalogue with the sources' events beside it, once each.
//!
//! Each source becomes a project of the merged catalogue (its id, name and
//! colour), so the month and list views, search and the filters treat its
//! events like ours; the page tells the two kinds of checkbox apart by
//! [`is_source`]. An event whose `UID` is already there (ours, or an
//! earlier source's) is not added again, so two calendars that import
//! each other, or one event reached through two sources, show it once.

use super::status::SourceStatus;
use crate::ics;
use crate::model::{Catalog, Project};
use std::collections::HashSet;

/// What [`merge`] left out, for the maintainer or the page to say.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Merged {
    /// Events already there under the same `UID` (or id).
    pub duplicates: usize,
}

/// Adds each source's catalogue (a loaded `sources/<id>.json`) to `ours`:
/// one project per source, its events after ours. Sources are taken in
/// the order of `statuses`; a catalogue without a status is ignored.
pub fn merge(
    ours: &mut Catalog,
    statuses: &[SourceStatus],
    imported: Vec<(String, Catalog)>,
) -> Merged {
    let mut uids: HashSet<String> = ours.events.iter().map(|e| key(ours, e)).collect();
    let mut ids: HashSet<String> = ours.events.iter().map(|e| e.id.clone()).collect();
    let mut merged = Merged::default();
    let mut imported = imported;
    for status in statuses {
        let source = &status.source;
        if ours.project(&source.id).is_some() {
            continue;
        }
        ours.projects.push(Project {
            id: source.id.clone(),
            name: source.name.clone(),
            color: source.color.clone(),
            description: None,
            contact: None,
            url: None,
        });
        let Some(at) = imported.iter().position(|(id, _)| *id == source.id) else {
            continue;
        };
        let (_, mut catalog) = imported.swap_remove(at);
        let events = std::mem::take(&mut catalog.events);
        for mut event in events {
            let uid = key(&catalog, &event);
            if !uids.insert(uid) || !ids.insert(event.id.clone()) {
                merged.duplicates += 1;
                continue;
            }
            event.project = source.id.clone();
            ours.events.push(event);
        }
    }
    merged
}

/// An event's identity across calendars: its `UID`, and for one
/// occurrence of a repeating event its recurrence id.
fn key(catalog: &Catalog, event: &crate::model::Event) -> String {
    let recurrence = event.origin.as_ref().and_then(|o| o.recurrence_id);
    format!("{}\u{0}{recurrence:?}", ics::uid(catalog, event))
}

/// Whether project `id` of a merged catalogue is a source.
pub fn is_source(statuses: &[SourceStatus], id: &str) -> bool {
    statuses.iter().any(|s| s.source.id == id)
}

/// The status of the source an event of a merged catalogue comes from.
pub fn source_of<'a>(statuses: &'a [SourceStatus], project: &str) -> Option<&'a SourceStatus> {
    statuses.iter().find(|s| s.source.id == project)
}
