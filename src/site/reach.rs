//! Reaching members where they are: what the build writes beside the
//! calendar files so that feed readers, search engines, paper and other
//! groups' web pages carry the events.
//!
//! - feeds ([`crate::site::feeds`]): `feed.atom`, `feed.json`, `feeds/<project>.*`
//!   (and `feeds/<source>.*` of the other calendars, [`crate::site::build`]);
//! - search engines: schema.org JSON-LD in each share page
//!   ([`crate::site::jsonld`]), `sitemap.xml` and `robots.txt`;
//! - paper: FAX sign-up sheets `fax/<event id>.html` ([`crate::site::fax`]), QR
//!   codes ([`crate::site::qr`]) on them, on the share pages and on the printed
//!   month (`qr/calendar.svg`);
//! - `embed.json`: the compact list that `embed.html` shows in an iframe.
//!
//! Absolute addresses (QR codes, the sitemap, `robots.txt`) need
//! `site.url`; without it they are left out and [`notes`] says so. Native
//! only: the build writes these files, the page's WebAssembly never holds
//! this code. Time is a parameter.

use crate::jp::format_when;
use crate::model::text::{Lang, Text};
use crate::model::{Catalog, Event};
use crate::site::fax;
use crate::site::feeds;
use crate::site::markup::{base_url, json_string, xml};
use crate::site::publish::{calendar_qr_path, fax_path, share_path};
use chrono::{NaiveDate, NaiveDateTime};

/// Notes for the maintainer: not problems (the file is valid and the
/// build goes on), but something the site goes without.
pub fn notes(catalog: &Catalog) -> Vec<Text> {
    let mut out = Vec::new();
    if catalog.site.url.is_none() {
        out.push(Text::both(
            "site.url（公開するアドレス）がないため、QRコード、sitemap.xml と robots.txt は作られません",
            "there is no site.url (the public address), so QR codes, sitemap.xml and robots.txt are left out",
        ));
    }
    out
}

/// Every file of this module to publish beside the site, the share pages
/// included: `(path, contents)`.
/// `today` is the build's day in Tokyo (which events are upcoming).
pub fn files(catalog: &Catalog, today: NaiveDate) -> Vec<(String, String)> {
    let mut out = Vec::new();
    out.extend(feed_files(catalog, None, today));
    for p in &catalog.projects {
        out.extend(feed_files(catalog, Some(&p.id), today));
    }
    for e in &catalog.events {
        if let Some(sheet) = fax::sheet(catalog, e) {
            out.push((fax_path(&e.id), sheet));
        }
    }
    out.extend(crate::site::share::files(catalog));
    out.push(("embed.json".into(), embed_json(catalog)));
    if let Some(base) = base_url(&catalog.site) {
        out.push(("sitemap.xml".into(), sitemap(catalog, &base)));
        out.push((
            "robots.txt".into(),
            format!("User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"),
        ));
        let label = format!("{}のアドレス {base}", catalog.site.name.ja);
        if let Some(svg) = crate::site::qr::svg(&base, 96, &label) {
            out.push((calendar_qr_path(), svg));
        }
    }
    out
}

/// The Atom and JSON feeds of every event (`None`) or of one project of
/// `catalog` (a source's, in a catalogue with the sources merged in):
/// `(path, contents)`.
pub fn feed_files(
    catalog: &Catalog,
    project: Option<&str>,
    today: NaiveDate,
) -> [(String, String); 2] {
    [
        (
            feeds::atom_path(project),
            feeds::atom(catalog, project, today),
        ),
        (
            feeds::json_path(project),
            feeds::json(catalog, project, today),
        ),
    ]
}

/// `sitemap.xml`: the calendar and every event's share page, with the
/// day each last changed.
pub fn sitemap(catalog: &Catalog, base: &str) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let day = |utc: NaiveDateTime| {
        crate::jp::tokyo::from_utc(utc)
            .format("%Y-%m-%d")
            .to_string()
    };
    let lastmod = catalog
        .site
        .updated
        .map(|u| format!("<lastmod>{}</lastmod>", day(u)))
        .unwrap_or_default();
    out.push_str(&format!("  <url><loc>{}</loc>{lastmod}</url>\n", xml(base)));
    for e in &catalog.events {
        out.push_str(&format!(
            "  <url><loc>{}</loc><lastmod>{}</lastmod></url>\n",
            xml(&format!("{base}{}", share_path(&e.id))),
            day(feeds::changed(catalog, e))
        ));
    }
    out.push_str("</urlset>\n");
    out
}

/// `embed.json`: every event, the soonest first, as `embed.html` needs
/// it: id, project, the title and the date in both languages, the last day
/// (`YYYY-MM-DD`, to leave out past events in the member's browser) and
/// whether it is cancelled. Made by the same core as the calendar.
pub fn embed_json(catalog: &Catalog) -> String {
    let mut events: Vec<&Event> = catalog.events.iter().collect();
    events.sort_by_key(|e| (e.when.first_day(), e.id.as_str()));
    let site = &catalog.site.name;
    let mut out = format!(
        "{{\"site\":{{\"ja\":{},\"en\":{}}},\n\"projects\":[",
        json_string(&site.ja),
        json_string(site.get(Lang::En))
    );
    for (i, p) in catalog.projects.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            "\n{{\"id\":{},\"ja\":{},\"en\":{},\"color\":{}}}",
            json_string(&p.id),
            json_string(&p.name.ja),
            json_string(p.name.get(Lang::En)),
            json_string(&p.color)
        ));
    }
    out.push_str("],\n\"events\":[");
    for (i, e) in events.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            "\n{{\"id\":{},\"project\":{},\"ja\":{},\"en\":{},\"whenJa\":{},\"whenEn\":{},\"last\":\"{}\",\"cancelled\":{}}}",
            json_string(&e.id),
            json_string(&e.project),
            json_string(&e.title.ja),
            json_string(e.title.get(Lang::En)),
            json_string(&format_when(&e.when, Lang::Ja, true)),
            json_string(&format_when(&e.when, Lang::En, true)),
            e.when.last_day().format("%Y-%m-%d"),
            e.status == crate::model::Status::Cancelled
        ));
    }
    out.push_str("\n]}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_an_address_a_note_and_no_absolute_files() {
        let text = std::fs::read_to_string("public/events.json").unwrap();
        let mut catalog = crate::load::load(&text).catalog;
        let today = NaiveDate::from_ymd_opt(2004, 2, 1).unwrap();
        assert_eq!(notes(&catalog).len(), 1);
        let paths = |c: &Catalog| files(c, today).into_iter().map(|f| f.0).collect::<Vec<_>>();
        let without = paths(&catalog);
        assert!(without.contains(&"feed.atom".to_string()));
        assert!(without.contains(&"feeds/hojokin.json".to_string()));
        assert!(without.contains(&"fax/kawasaki-salon-2004-02-25.html".to_string()));
        assert!(!without
            .iter()
            .any(|p| p == "sitemap.xml" || p.starts_with("qr/")));
        catalog.site.url = Some("https://example.org/cal".into());
        assert!(notes(&catalog).is_empty());
        let with = paths(&catalog);
        for p in ["sitemap.xml", "robots.txt", "qr/calendar.svg"] {
            assert!(with.contains(&p.to_string()), "{p}");
        }
        let sitemap = sitemap(&catalog, "https://example.org/cal/");
        assert!(sitemap.contains("<url><loc>https://example.org/cal/e/nikkan-2004-02-25.html</loc><lastmod>2026-11-29</lastmod></url>"), "{sitemap}");
        assert_eq!(sitemap.matches("<url>").count(), 1 + catalog.events.len());
    }
}
