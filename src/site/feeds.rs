//! News feeds of the events, for feed readers: Atom (RFC 4287) and JSON
//! Feed 1.1, of every event and of each project.
//!
//! - `feed.atom`, `feed.json`: every project;
//! - `feeds/<project id>.atom`, `feeds/<project id>.json`: one project.
//!
//! A feed holds the events still to come and the ones changed most
//! recently ([`RECENT`]), newest change first; each entry links to the
//! event's share page (`e/<id>.html`), absolute when `site.url` is known,
//! else relative to the feed's own address. An entry's id is a `tag:` URI
//! of `site.domain` and the event id, so it never changes when the site
//! moves (as the calendar files' UIDs). Its `updated` is the event's
//! `updated`, else the data's `site.updated`, else the event's start.
//!
//! Native only (the build writes them); time is a parameter.

use crate::ics::describe;
use crate::model::text::Lang;
use crate::model::{Catalog, Event};
use crate::site::markup::{base_url, instant, json_string, xml};
use crate::site::publish::share_path;
use chrono::{NaiveDate, NaiveDateTime};

/// How many recently changed events a feed keeps beside the upcoming ones.
pub const RECENT: usize = 20;
/// At most this many upcoming events, the soonest first.
pub const UPCOMING: usize = 100;

/// The year in the `tag:` ids. Fixed forever: changing it would make every
/// entry new again in every reader.
const TAG_YEAR: &str = "2004";

/// Path of the Atom feed of every event (`None`) or of one project.
pub fn atom_path(project: Option<&str>) -> String {
    match project {
        None => "feed.atom".into(),
        Some(id) => format!("feeds/{id}.atom"),
    }
}

/// Path of the JSON Feed of every event (`None`) or of one project.
pub fn json_path(project: Option<&str>) -> String {
    match project {
        None => "feed.json".into(),
        Some(id) => format!("feeds/{id}.json"),
    }
}

/// When an event last changed, as a UTC instant.
pub fn changed(catalog: &Catalog, event: &Event) -> NaiveDateTime {
    event.updated.or(catalog.site.updated).unwrap_or_else(|| {
        // Midnight of its first day in Tokyo.
        crate::jp::tokyo::to_utc(event.when.first_day().and_time(chrono::NaiveTime::MIN))
    })
}

/// The events of a feed: those of `project` (or all) that end on or after
/// `today` (at most [`UPCOMING`]), and the [`RECENT`] last changed; newest
/// change first, then by start.
pub fn entries<'a>(
    catalog: &'a Catalog,
    project: Option<&str>,
    today: NaiveDate,
) -> Vec<&'a Event> {
    let mine: Vec<&Event> = catalog
        .events
        .iter()
        .filter(|e| project.is_none_or(|p| e.project == p))
        .collect();
    let mut upcoming: Vec<&Event> = mine
        .iter()
        .copied()
        .filter(|e| e.when.last_day() >= today)
        .collect();
    upcoming.sort_by_key(|e| (e.when.first_day(), e.id.as_str()));
    upcoming.truncate(UPCOMING);
    let mut recent = mine;
    recent.sort_by_key(|e| std::cmp::Reverse((changed(catalog, e), e.when.first_day())));
    recent.truncate(RECENT);
    let mut out = upcoming;
    for e in recent {
        if !out.iter().any(|o| o.id == e.id) {
            out.push(e);
        }
    }
    out.sort_by_key(|e| {
        (
            std::cmp::Reverse(changed(catalog, e)),
            e.when.first_day(),
            e.id.clone(),
        )
    });
    out
}

/// What a feed is about: its title, the address of its entries' pages
/// relative to the feed, and its own path.
struct Meta {
    title: String,
    /// The feed's path from the site's root.
    path: String,
    /// The site's root, seen from the feed (`""`, `"../"`), or absolute.
    root: String,
    /// The site's absolute root, when `site.url` is known.
    absolute: Option<String>,
    updated: NaiveDateTime,
    /// Who publishes the feed: the site's organiser, else its name.
    author: String,
}

fn meta(catalog: &Catalog, project: Option<&str>, path: String, events: &[&Event]) -> Meta {
    let site = &catalog.site.name.ja;
    let title = match project.and_then(|p| catalog.project(p)) {
        Some(p) => format!("{}（{site}）", p.name.ja),
        None => site.to_string(),
    };
    let absolute = base_url(&catalog.site);
    let root = absolute.clone().unwrap_or_else(|| {
        if project.is_some() {
            "../".into()
        } else {
            String::new()
        }
    });
    let updated = events
        .iter()
        .map(|e| changed(catalog, e))
        .max()
        .or(catalog.site.updated)
        .unwrap_or_default();
    let site = &catalog.site;
    let author = if site.organizer.ja.is_empty() {
        &site.name.ja
    } else {
        &site.organizer.ja
    };
    Meta {
        title,
        path,
        root,
        absolute,
        updated,
        author: author.to_string(),
    }
}

/// The title of an entry: `【中止】` before a cancelled event's.
fn title(event: &Event) -> String {
    format!(
        "{}{}",
        event.status.title_prefix(crate::model::text::Lang::Ja),
        event.title.ja
    )
}

/// The entry's text: when and where, then everything else the data says.
fn content(catalog: &Catalog, event: &Event) -> String {
    let summary = crate::site::publish::summary_line(event);
    let notes = describe::description(event, catalog.project_name(&event.project, Lang::Ja), None);
    format!("{summary}\n\n{notes}")
}

fn tag(catalog: &Catalog, rest: &str) -> String {
    format!("tag:{},{TAG_YEAR}:{rest}", catalog.site.domain)
}

/// The Atom feed of every event (`None`) or of one project.
pub fn atom(catalog: &Catalog, project: Option<&str>, today: NaiveDate) -> String {
    let events = entries(catalog, project, today);
    let m = meta(catalog, project, atom_path(project), &events);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">\n");
    let feed_id = tag(catalog, &format!("feed/{}", project.unwrap_or("all")));
    out.push_str(&format!("  <id>{}</id>\n", xml(&feed_id)));
    out.push_str(&format!("  <title>{}</title>\n", xml(&m.title)));
    out.push_str(&format!("  <updated>{}</updated>\n", instant(m.updated)));
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml(&m.author)
    ));
    let home = if m.root.is_empty() { "./" } else { &m.root };
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml(home)
    ));
    if let Some(abs) = &m.absolute {
        out.push_str(&format!(
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
            xml(&format!("{abs}{}", m.path))
        ));
    }
    for e in &events {
        let link = format!("{}{}", m.root, share_path(&e.id));
        out.push_str("  <entry>\n");
        out.push_str(&format!(
            "    <id>{}</id>\n",
            xml(&tag(catalog, &format!("event/{}", e.id)))
        ));
        out.push_str(&format!("    <title>{}</title>\n", xml(&title(e))));
        out.push_str(&format!(
            "    <updated>{}</updated>\n",
            instant(changed(catalog, e))
        ));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml(&link)
        ));
        out.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\"/>\n",
            xml(&e.project),
            xml(catalog.project_name(&e.project, Lang::Ja))
        ));
        out.push_str(&format!(
            "    <summary>{}</summary>\n",
            xml(&crate::site::publish::summary_line(e))
        ));
        out.push_str(&format!(
            "    <content type=\"text\">{}</content>\n",
            xml(&content(catalog, e))
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// The JSON Feed 1.1 of every event (`None`) or of one project.
pub fn json(catalog: &Catalog, project: Option<&str>, today: NaiveDate) -> String {
    let events = entries(catalog, project, today);
    let m = meta(catalog, project, json_path(project), &events);
    let mut out = String::from("{\n");
    out.push_str("  \"version\": \"https://jsonfeed.org/version/1.1\",\n");
    out.push_str(&format!("  \"title\": {},\n", json_string(&m.title)));
    if let Some(abs) = &m.absolute {
        out.push_str(&format!("  \"home_page_url\": {},\n", json_string(abs)));
        out.push_str(&format!(
            "  \"feed_url\": {},\n",
            json_string(&format!("{abs}{}", m.path))
        ));
    }
    out.push_str("  \"language\": \"ja\",\n");
    out.push_str(&format!(
        "  \"authors\": [{{ \"name\": {} }}],\n",
        json_string(&m.author)
    ));
    out.push_str("  \"items\": [");
    for (i, e) in events.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        let link = format!("{}{}", m.root, share_path(&e.id));
        out.push_str(&format!(
            "    {{ \"id\": {}, \"url\": {}, \"title\": {}, \"summary\": {}, \"content_text\": {}, \"date_modified\": \"{}\", \"tags\": [{}] }}",
            json_string(&tag(catalog, &format!("event/{}", e.id))),
            json_string(&link),
            json_string(&title(e)),
            json_string(&crate::site::publish::summary_line(e)),
            json_string(&content(catalog, e)),
            instant(changed(catalog, e)),
            json_string(catalog.project_name(&e.project, Lang::Ja)),
        ));
    }
    out.push_str(if events.is_empty() { "]\n" } else { "\n  ]\n" });
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Catalog {
        let text = std::fs::read_to_string("public/events.json").unwrap();
        crate::load::load(&text).catalog
    }

    #[test]
    fn upcoming_events_and_the_latest_changes() {
        let mut catalog = shipped();
        let day = |d| NaiveDate::from_ymd_opt(2004, 2, d).unwrap();
        // Every event changed at once (site.updated): all 14 are recent.
        assert_eq!(entries(&catalog, None, day(1)).len(), 14);
        // With more events than RECENT, old changes drop out and the
        // upcoming events stay: 30 past events changed after all others.
        let template = catalog.events[0].clone();
        for e in &mut catalog.events {
            e.updated = NaiveDate::from_ymd_opt(2003, 1, 1)
                .unwrap()
                .and_hms_opt(0, 0, 0);
        }
        for i in 0..30 {
            let mut e = template.clone();
            e.id = format!("new-{i:02}");
            e.updated = NaiveDate::from_ymd_opt(2004, 1, 1)
                .unwrap()
                .and_hms_opt(0, 0, i);
            catalog.events.push(e);
        }
        let picked = entries(&catalog, None, day(25));
        let ids: Vec<&str> = picked.iter().map(|e| e.id.as_str()).collect();
        // The 20 newest changes, newest first, then the upcoming events
        // (25 February onwards) by start.
        assert_eq!(ids[0], "new-29");
        assert_eq!(ids[19], "new-10");
        assert_eq!(
            ids[20..],
            [
                "kawasaki-salon-2004-02-25",
                "nikkan-2004-02-25",
                "hojokin-seminar-2004-02-26",
                "boshoku-seminar-2004-03-03"
            ]
        );
        let hojokin = entries(&catalog, Some("hojokin"), day(1));
        assert!(!hojokin.is_empty() && hojokin.iter().all(|e| e.project == "hojokin"));
    }

    #[test]
    fn entries_link_to_share_pages_relative_to_the_feed_without_an_address() {
        let catalog = shipped();
        let today = NaiveDate::from_ymd_opt(2004, 2, 1).unwrap();
        let all = atom(&catalog, None, today);
        assert!(all.contains("<link rel=\"alternate\" type=\"text/html\" href=\"e/kawasaki-salon-2004-02-25.html\"/>"), "{all}");
        assert!(
            all.contains("<id>tag:kanagawa-iguren.com,2004:event/kawasaki-salon-2004-02-25</id>")
        );
        assert!(all.contains("<updated>2026-11-29T21:00:00+09:00</updated>"));
        assert!(!all.contains("rel=\"self\""));
        let one = json(&catalog, Some("hojokin"), today);
        assert!(
            one.contains("\"url\": \"../e/hojokin-seminar-2004-02-26.html\""),
            "{one}"
        );
    }

    #[test]
    fn text_is_escaped() {
        let text = r##"{"site": {"name": "A<&>", "domain": "example.jp", "url": "https://example.org/cal"},
          "projects": [{"id": "p", "name": "P\"Q", "color": "#123456"}],
          "events": [{"id": "x", "project": "p", "title": "</title><script>\"\\", "start": "2004-02-25",
                      "updated": "2004-02-10T00:00:00Z"}]}"##;
        let catalog = crate::load::load(text).catalog;
        let today = NaiveDate::from_ymd_opt(2004, 2, 1).unwrap();
        let a = atom(&catalog, None, today);
        assert!(
            a.contains("<title>&lt;/title&gt;&lt;script&gt;&quot;\\</title>"),
            "{a}"
        );
        assert!(a.contains("<title>A&lt;&amp;&gt;</title>"));
        assert!(a.contains("href=\"https://example.org/cal/e/x.html\""));
        assert!(a.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/cal/feed.atom\"/>"));
        assert!(a.contains("<updated>2004-02-10T09:00:00+09:00</updated>"));
        let j = json(&catalog, Some("p"), today);
        assert!(
            j.contains(r#""title": "\u003c/title\u003e\u003cscript\u003e\"\\""#),
            "{j}"
        );
        assert!(j.contains("\"feed_url\": \"https://example.org/cal/feeds/p.json\""));
    }
}
