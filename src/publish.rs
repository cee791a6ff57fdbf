//! What the build publishes beside the site: the calendar files, at stable
//! paths relative to the site's root.
//!
//! - `ics/all.ics`: every event (cancelled ones included);
//! - `ics/project/<project id>.ics`: the feed of one project;
//! - `ics/event/<event id>.ics`: one event.
//!
//! Pure: [`files`] returns paths and contents, the maintainer tool writes
//! them. The web app links to the same paths ([`all_path`],
//! [`project_path`], [`event_path`]) and, for a selection that has no static
//! file, makes its bytes with the same [`crate::ics`] functions.

use crate::ics;
use crate::model::Catalog;

/// Path of the feed of every event.
pub fn all_path() -> String {
    "ics/all.ics".to_string()
}

/// Path of the feed of one project.
pub fn project_path(project_id: &str) -> String {
    format!("ics/project/{project_id}.ics")
}

/// Path of the `.ics` file of one event.
pub fn event_path(event_id: &str) -> String {
    format!("ics/event/{event_id}.ics")
}

/// Every calendar file of the catalogue: `(relative path, contents)`.
///
/// Ids are URL-safe (the loader checks), so they are safe as file names.
pub fn files(catalog: &Catalog) -> Vec<(String, String)> {
    let mut out = Vec::with_capacity(catalog.events.len() + catalog.projects.len() + 1);
    out.push((all_path(), ics::feed(catalog, None)));
    for p in &catalog.projects {
        out.push((project_path(&p.id), ics::feed(catalog, Some(&p.id))));
    }
    for e in &catalog.events {
        out.push((event_path(&e.id), ics::event_file(catalog, e)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_file_per_event_and_project_plus_all() {
        let text = std::fs::read_to_string("public/events.json").unwrap();
        let catalog = crate::load::load(&text).catalog;
        let files = files(&catalog);
        assert_eq!(files.len(), 1 + 11 + 14);
        assert_eq!(files[0].0, "ics/all.ics");
        assert!(files
            .iter()
            .any(|(p, _)| p == "ics/project/kawasaki-salon.ics"));
        let (_, salon) = files
            .iter()
            .find(|(p, _)| p == "ics/event/kawasaki-salon-2004-02-25.ics")
            .unwrap();
        assert_eq!(salon.matches("BEGIN:VEVENT").count(), 1);
    }
}
