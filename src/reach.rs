//! Reaching members where they are: what the build writes beside the
//! calendar files so that feed readers, search engines, paper and other
//! groups' web pages carry the events.
//!
//! - feeds ([`crate::feeds`]): `feed.atom`, `feed.json`, `feeds/<project>.*`;
//! - search engines: schema.org JSON-LD in each share page
//!   ([`crate::jsonld`]), `sitemap.xml` and `robots.txt`;
//! - paper: FAX sign-up sheets `fax/<event id>.html` ([`crate::fax`]), QR
//!   codes ([`crate::qr`]) on them, on the share pages and on the printed
//!   month (`qr/calendar.svg`);
//! - `embed.json`: the compact list that `embed.html` shows in an iframe.
//!
//! Absolute addresses (QR codes, the sitemap, `robots.txt`) need
//! `site.url`; without it they are left out and [`notes`] says so. Native
//! only: the build writes these files, the page's WebAssembly never holds
//! this code. Time is a parameter.

use crate::fax;
use crate::feeds;
use crate::jp::format_when;
use crate::model::{Catalog, Event, Site};
use crate::publish::{calendar_qr_path, fax_path, share_path};
use crate::text::{Lang, Text};
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

/// The site's public address with a final `/`, when `site.url` is known.
pub fn base_url(site: &Site) -> Option<String> {
    site.url.as_ref().map(|u| {
        if u.ends_with('/') {
            u.clone()
        } else {
            format!("{u}/")
        }
    })
}

/// Text made safe for XML and HTML content and attribute values (as the
/// share pages escape it), with the control characters that XML 1.0 does
/// not allow at all replaced by U+FFFD.
pub fn xml(text: &str) -> String {
    let allowed: String = text
        .chars()
        .map(|c| {
            if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect();
    crate::publish::html(&allowed)
}

/// A JSON string literal that is also safe inside an HTML `<script>`:
/// `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`, so no
/// data can close the script (`</script>`) or open a comment (`<!--`);
/// U+2028 and U+2029 are escaped for older JavaScript.
pub fn json_string(text: &str) -> String {
    let escaped = crate::save::escape(text)
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    format!("\"{escaped}\"")
}

/// A UTC instant in Tokyo time with its offset: `2004-02-10T09:00:00+09:00`.
pub fn instant(utc: NaiveDateTime) -> String {
    local(utc + TimeDelta::hours(9))
}

/// A local (Tokyo) date-time with its offset: `2004-02-25T18:00:00+09:00`.
pub fn local(t: NaiveDateTime) -> String {
    format!("{}+09:00", t.format("%Y-%m-%dT%H:%M:%S"))
}

/// The address of an event's share page, when `site.url` is known.
pub fn share_url(site: &Site, event: &Event) -> Option<String> {
    base_url(site).map(|b| format!("{b}{}", share_path(&event.id)))
}

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

/// Every file of this module to publish beside the site: `(path, contents)`.
/// `today` is the build's day in Tokyo (which events are upcoming).
pub fn files(catalog: &Catalog, today: NaiveDate) -> Vec<(String, String)> {
    let mut out = Vec::new();
    out.push((feeds::atom_path(None), feeds::atom(catalog, None, today)));
    out.push((feeds::json_path(None), feeds::json(catalog, None, today)));
    for p in &catalog.projects {
        let id = Some(p.id.as_str());
        out.push((feeds::atom_path(id), feeds::atom(catalog, id, today)));
        out.push((feeds::json_path(id), feeds::json(catalog, id, today)));
    }
    for e in &catalog.events {
        if let Some(sheet) = fax::sheet(catalog, e) {
            out.push((fax_path(&e.id), sheet));
        }
    }
    out.push(("embed.json".into(), embed_json(catalog)));
    if let Some(base) = base_url(&catalog.site) {
        out.push(("sitemap.xml".into(), sitemap(catalog, &base)));
        out.push((
            "robots.txt".into(),
            format!("User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"),
        ));
        let label = format!("{}のアドレス {base}", catalog.site.name.ja);
        if let Some(svg) = crate::qr::svg(&base, 96, &label) {
            out.push((calendar_qr_path(), svg));
        }
    }
    out
}

/// `sitemap.xml`: the calendar and every event's share page, with the
/// day each last changed.
pub fn sitemap(catalog: &Catalog, base: &str) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let day = |utc: NaiveDateTime| (utc + TimeDelta::hours(9)).format("%Y-%m-%d").to_string();
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

/// What goes into a share page's `<head>` beside the Open Graph tags: the
/// project's feeds and the event's schema.org JSON-LD.
pub fn share_head(catalog: &Catalog, event: &Event) -> String {
    let id = Some(event.project.as_str());
    format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"../{}\">\n<link rel=\"alternate\" type=\"application/feed+json\" href=\"../{}\">\n{}\n",
        feeds::atom_path(id),
        feeds::json_path(id),
        crate::jsonld::script(catalog, event)
    )
}

/// What goes at the end of a share page's `<body>`: the QR code of its
/// address, when `site.url` is known.
pub fn share_body(catalog: &Catalog, event: &Event) -> String {
    let qr = share_url(&catalog.site, event)
        .and_then(|url| {
            let svg = crate::qr::svg(&url, 160, &format!("このページのQRコード {url}"))?;
            Some(format!(
                "<figure class=\"qr\">{svg}<figcaption>{}</figcaption></figure>\n",
                xml(&url)
            ))
        })
        .unwrap_or_default();
    format!("{}{qr}", share_details(catalog, event))
}

/// Everything the data says of an event, as plain HTML for the share page:
/// what a browser without JavaScript (or a search engine) reads there,
/// where the app would show its detail. Data is escaped text; links are
/// the loader-checked http(s) addresses, `tel:` (digits) and `mailto:`.
pub fn share_details(catalog: &Catalog, event: &Event) -> String {
    use crate::links::{google, tel};
    use crate::publish::event_path;
    // A phone number as a tel: link (as text when it has no digits).
    let phone = |p: &str| match tel(p) {
        Some(t) => format!("<a href=\"{}\">{}</a>", xml(&t), xml(p)),
        None => xml(p),
    };
    let mut facts: Vec<(&str, String)> = Vec::new();
    facts.push((
        "日時 / When",
        xml(&format_when(&event.when, Lang::Ja, true)),
    ));
    if let Some(v) = &event.venue {
        let mut place = xml(&v.place());
        if let Some(a) = &v.address {
            place.push_str(&format!("<br>{}", xml(a)));
        }
        if let Some(p) = &v.phone {
            place.push_str(&format!("<br>{}", phone(p)));
        }
        if let Some(u) = &v.url {
            place.push_str(&format!("<br><a href=\"{0}\">{0}</a>", xml(u)));
        }
        facts.push(("会場 / Venue", place));
    }
    if let Some(f) = &event.fee {
        facts.push(("参加費 / Fee", xml(f)));
    }
    if let Some(c) = &event.capacity {
        facts.push(("定員 / Capacity", xml(c)));
    }
    let speaker = |s: &crate::model::Speaker| match &s.affiliation {
        Some(a) => format!("{}（{}）", xml(&s.name), xml(a)),
        None => xml(&s.name),
    };
    if !event.speakers.is_empty() {
        let list: Vec<String> = event.speakers.iter().map(speaker).collect();
        facts.push(("講師 / Speakers", list.join("<br>")));
    }
    if !event.program.is_empty() {
        let items: String = event
            .program
            .iter()
            .map(|p| {
                let time = p
                    .time
                    .map_or(String::new(), |t| format!("{} ", crate::jp::format_time(t)));
                let who: Vec<String> = p.speakers.iter().map(speaker).collect();
                let who = if who.is_empty() {
                    String::new()
                } else {
                    format!("（{}）", who.join("、"))
                };
                format!("<li>{time}{}{who}</li>", xml(&p.title))
            })
            .collect();
        facts.push(("プログラム / Programme", format!("<ul>{items}</ul>")));
    }
    if let Some(r) = &event.registration {
        let mut text = String::new();
        if let Some(u) = &r.url {
            text.push_str(&format!(
                "<a href=\"{}\">申込フォーム / Sign-up form</a> ",
                xml(u)
            ));
        }
        if let Some(n) = &r.note {
            text.push_str(&xml(n));
        }
        if !text.is_empty() {
            facts.push(("申込 / Sign-up", text));
        }
    }
    if let Some(c) = &event.contact {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(c.name.as_deref().map(xml));
        parts.extend(c.phone.as_deref().map(|p| format!("TEL {}", phone(p))));
        parts.extend(c.fax.as_deref().map(|f| format!("FAX {}", xml(f))));
        parts.extend(
            c.email
                .as_deref()
                .map(|e| format!("<a href=\"mailto:{0}\">{0}</a>", xml(e))),
        );
        parts.extend(
            c.url
                .as_deref()
                .map(|u| format!("<a href=\"{0}\">{0}</a>", xml(u))),
        );
        parts.extend(c.address.as_deref().map(xml));
        parts.extend(c.note.as_deref().map(xml));
        if !parts.is_empty() {
            facts.push(("問合せ / Contact", parts.join("<br>")));
        }
    }
    if let Some(u) = &event.url {
        facts.push(("詳しく / More", format!("<a href=\"{0}\">{0}</a>", xml(u))));
    }
    let rows: String = facts
        .iter()
        .map(|(k, v)| format!("<dt>{k}</dt><dd>{v}</dd>\n"))
        .collect();
    let description = event.description.as_deref().map_or(String::new(), |d| {
        format!("<p style=\"white-space:pre-line\">{}</p>\n", xml(d))
    });
    let project = catalog
        .project(&event.project)
        .map_or(event.project.as_str(), |p| &*p.name.ja);
    format!(
        "<dl>\n{rows}</dl>\n{description}<p><a href=\"../{ics}\">カレンダーに追加（.ics） / Add to calendar</a> · \
<a href=\"{google}\">Google カレンダー / Google Calendar</a></p>\n",
        ics = event_path(&event.id),
        google = xml(&google(event, project, None)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_cannot_end_a_script() {
        assert_eq!(
            json_string("</script><!--\"\\\n\u{2028}\u{1}"),
            r#""\u003c/script\u003e\u003c!--\"\\\n\u2028\u0001""#
        );
    }

    /// A share page read without JavaScript says what the detail says.
    #[test]
    fn share_pages_carry_the_details() {
        let text = std::fs::read_to_string("public/events.json").unwrap();
        let catalog = crate::load::load(&text).catalog;
        let event = catalog.event("kawasaki-salon-2004-02-25").unwrap();
        let page = crate::publish::share_page(&catalog, event);
        for part in [
            "<dt>日時 / When</dt><dd>2004年2月25日(水) 18:00〜20:30</dd>",
            "<dt>会場 / Venue</dt><dd>かながわサイエンスパーク（KSP）内 (株)ケイエスピー西棟 3階 310会議室",
            "<li>18:10 報告1「(株)ケイエスピーのビジネスインキュベーションの現状と課題」（志茂 武氏（(株)ケイエスピー 取締役））</li>",
            "<a href=\"../ics/event/kawasaki-salon-2004-02-25.ics\">カレンダーに追加（.ics）",
            "https://calendar.google.com/",
        ] {
            assert!(page.contains(part), "{part}\n{page}");
        }
        assert!(page.contains("<dt>問合せ / Contact</dt>"));
        assert!(page.contains("href=\"tel:"));
        // Hostile text stays text.
        let hostile = r##"{"site": {"name": "s", "domain": "example.jp"},
          "projects": [{"id": "p", "name": "P", "color": "#123456"}],
          "events": [{"id": "x", "project": "p", "title": "t", "start": "2004-02-25",
                      "fee": "<script>alert(1)</script>", "description": "<img src=x onerror=alert(1)>",
                      "contact": {"name": "\"><script>alert(2)</script>"}}]}"##;
        let loaded = crate::load::load(hostile);
        assert!(loaded.is_valid(), "{:?}", loaded.diagnostics);
        let page = crate::publish::share_page(&loaded.catalog, &loaded.catalog.events[0]);
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(!page.contains("<img"), "{page}");
    }

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
