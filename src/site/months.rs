//! The events split by month for the member page's first visit: one
//! events file per month under `months/` and their index
//! ([`crate::views::months`] says which months and what the index holds).
//! Written from the merged catalogue (ours and the other calendars', as
//! the page shows them), so the page reads what the build has checked
//! and merged, and loads only the months it shows. `events.json` stays
//! whole beside them for the editor and anyone who reads it. The search
//! index (`months/search.txt`, [`crate::views::search_index`]) is written
//! from the same catalogue, so a search counts every event the months hold.

use crate::model::{Catalog, Project, Site};
use crate::sources::normal::{contact, event_json, q, text};
use crate::views::months::{month_path, MonthIndex, INDEX_PATH};
use crate::views::search_index::{self, SEARCH_PATH};

/// The index, the search index and every month's file, as (path, text).
pub fn files(catalog: &Catalog) -> Vec<(String, String)> {
    let ids: Vec<String> = catalog.projects.iter().map(|p| p.id.clone()).collect();
    let (index, months) = MonthIndex::of(&catalog.events, &ids);
    let head = format!(
        "{{\n  \"site\": {},\n  \"projects\": [\n    {}\n  ],\n  \"events\": [",
        site_json(&catalog.site),
        catalog
            .projects
            .iter()
            .map(project_json)
            .collect::<Vec<_>>()
            .join(",\n    ")
    );
    let mut out = vec![
        (INDEX_PATH.to_string(), index.to_json()),
        (SEARCH_PATH.to_string(), search_index::write(catalog)),
    ];
    for (month, events) in months {
        let mut body = head.clone();
        for (n, &i) in events.iter().enumerate() {
            body.push_str(if n == 0 { "\n    " } else { ",\n    " });
            body.push_str(&event_json(&catalog.events[i]));
        }
        body.push_str("\n  ]\n}\n");
        out.push((month_path(month), body));
    }
    out
}

fn site_json(s: &Site) -> String {
    let mut parts = vec![format!("\"name\": {}", text(&s.name))];
    if !s.organizer.ja.is_empty() {
        parts.push(format!("\"organizer\": {}", text(&s.organizer)));
    }
    parts.push(format!("\"timeZone\": {}", q(&s.time_zone)));
    for (k, v) in [("url", &s.url), ("repository", &s.repository)] {
        if let Some(v) = v {
            parts.push(format!("{}: {}", q(k), q(v)));
        }
    }
    parts.push(format!("\"domain\": {}", q(&s.domain)));
    if let Some(u) = s.updated {
        parts.push(format!(
            "\"updated\": \"{}\"",
            crate::sources::status::instant(u)
        ));
    }
    format!("{{{}}}", parts.join(", "))
}

fn project_json(p: &Project) -> String {
    let mut parts = vec![
        format!("\"id\": {}", q(&p.id)),
        format!("\"name\": {}", text(&p.name)),
        format!("\"color\": {}", q(&p.color)),
    ];
    if let Some(d) = &p.description {
        parts.push(format!("\"description\": {}", text(d)));
    }
    if let Some(c) = p.contact.as_ref().and_then(contact) {
        parts.push(format!("\"contact\": {c}"));
    }
    if let Some(u) = &p.url {
        parts.push(format!("\"url\": {}", q(u)));
    }
    format!("{{{}}}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load;
    use std::collections::BTreeMap;

    /// Every month file loads without a problem, holds the site and
    /// projects as they were, and together they hold every event exactly
    /// as loaded from the whole file.
    fn round_trip(catalog: &Catalog) {
        let files = files(catalog);
        let index = MonthIndex::parse(&files[0].1).unwrap();
        assert_eq!(index.events, catalog.events.len());
        assert_eq!(files[1].0, SEARCH_PATH);
        assert_eq!(index.months.len(), files.len() - 2);
        let mut seen = BTreeMap::new();
        for (path, text) in &files[2..] {
            let loaded = load(text);
            assert!(
                loaded.diagnostics.is_empty(),
                "{path}: {:?}",
                loaded.diagnostics
            );
            assert_eq!(loaded.catalog.site, catalog.site, "{path}");
            assert_eq!(loaded.catalog.projects, catalog.projects, "{path}");
            for e in loaded.catalog.events {
                seen.insert(e.id.clone(), e);
            }
        }
        assert_eq!(seen.len(), catalog.events.len());
        for e in &catalog.events {
            assert_eq!(seen.get(&e.id), Some(e), "{}", e.id);
        }
    }

    #[test]
    fn the_shipped_data_round_trips_through_the_month_files() {
        let text = std::fs::read_to_string("public/events.json").unwrap();
        let loaded = load(&text);
        assert!(loaded.diagnostics.is_empty());
        round_trip(&loaded.catalog);
    }

    #[test]
    fn generated_data_round_trips_through_the_month_files() {
        let text = crate::load::generate::events_json(1000, 7);
        round_trip(&load(&text).catalog);
    }
}
