//! What the build publishes beside the site: the calendar files, at stable
//! paths relative to the site's root.
//!
//! - `ics/all.ics`: every event (cancelled ones included);
//! - `ics/project/<project id>.ics`: the feed of one project;
//! - `ics/event/<event id>.ics`: one event;
//! - `e/<event id>.html`: a share page with Open Graph tags (title, date,
//!   venue), so a link pasted into LINE or another chat shows the event;
//!   it sends a member on into the app at that event (`../?e=<id>`).
//!
//! Pure: [`files`] returns paths and contents, the maintainer tool writes
//! them. The web app links to the same paths ([`all_path`],
//! [`project_path`], [`event_path`]) and, for a selection that has no static
//! file, makes its bytes with the same [`crate::ics`] functions.

use crate::ics;
use crate::jp;
use crate::model::text::Lang;
use crate::model::{Catalog, Event, Venue};
use crate::views::filter::{Filter, ProjectSelection};

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

/// Path of the share page of one event.
pub fn share_path(event_id: &str) -> String {
    format!("e/{event_id}.html")
}

/// Path of the FAX sign-up sheet of one event (written for events whose
/// contact has a FAX number; see `crate::site::fax`).
pub fn fax_path(event_id: &str) -> String {
    format!("fax/{event_id}.html")
}

/// Path of the QR code of the calendar's address, for the printed month
/// (written when `site.url` is known).
pub fn calendar_qr_path() -> String {
    "qr/calendar.svg".to_string()
}

/// The one-line summary of an event for previews: when, then where.
pub fn summary_line(event: &Event) -> String {
    let when = jp::format_when(&event.when, Lang::Ja, true);
    let venue = event.venue.as_ref().map(Venue::place);
    match venue {
        Some(v) if !v.is_empty() => format!("{when}　{v}"),
        _ => when,
    }
}

/// The `.ics` of a selection made in the page (the events that `filter`
/// keeps, given as `events`). When the selection is one the build
/// publishes (every event, or one project's, with no search text), the
/// bytes are those of the published feed; otherwise the file is named
/// after the site and "表示中の予定" (the events shown).
pub fn selection_file(catalog: &Catalog, filter: &Filter, events: &[&Event]) -> String {
    let searched = !filter.query.trim().is_empty();
    let meta = match (&filter.projects, filter.projects.single()) {
        (ProjectSelection::All, _) if !searched => ics::CalendarMeta::feed(catalog, None),
        (_, Some(id)) if !searched => ics::CalendarMeta::feed(catalog, Some(id)),
        _ => ics::CalendarMeta {
            name: format!("{}（表示中の予定）", catalog.site.name.ja),
            ..ics::CalendarMeta::default()
        },
    };
    ics::calendar(catalog, events, &meta)
}

/// Every file to publish beside the site: `(relative path, contents)`.
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
    fn one_ics_file_per_event_and_project_plus_all() {
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

    /// The page's download of a selection equals the published file of the
    /// same selection, byte for byte.
    #[test]
    fn a_selection_that_is_a_feed_downloads_the_feed_bytes() {
        let text = std::fs::read_to_string("public/events.json").unwrap();
        let catalog = crate::load::load(&text).catalog;
        let published = files(&catalog);
        let file = |path: &str| published.iter().find(|(p, _)| p == path).unwrap().1.clone();
        let pick = |filter: &Filter| -> Vec<&Event> {
            filter
                .select(&catalog)
                .into_iter()
                .map(|i| &catalog.events[i])
                .collect()
        };

        let all = Filter::default();
        assert_eq!(
            selection_file(&catalog, &all, &pick(&all)),
            file("ics/all.ics")
        );
        let one = Filter {
            projects: ProjectSelection::Only(vec!["hojokin".to_string()]),
            query: String::new(),
        };
        assert_eq!(
            selection_file(&catalog, &one, &pick(&one)),
            file("ics/project/hojokin.ics")
        );
        let searched = Filter {
            projects: ProjectSelection::All,
            query: "セミナー".into(),
        };
        let ics = selection_file(&catalog, &searched, &pick(&searched));
        let unfolded = ics.replace("\r\n ", "");
        assert!(
            unfolded.contains("X-WR-CALNAME:かながわ異グ連 イベントカレンダー（表示中の予定）\r\n")
        );
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), pick(&searched).len());
    }
}
