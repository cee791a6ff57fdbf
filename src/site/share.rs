//! The share page of an event, `e/<event id>.html`: Open Graph and
//! Twitter card tags for chat previews (a link pasted into LINE shows the
//! event), the project's feeds and the event's schema.org JSON-LD in the
//! head, everything the data says of the event as plain HTML (what a
//! browser without JavaScript or a search engine reads), a QR code of its
//! address, and a link and a small script that continue into the app at
//! that event (`../?e=<id>`). Every data text is escaped. Native only.

use crate::jp::format_when;
use crate::model::text::Lang;
use crate::model::{Catalog, Event};
use crate::site::feeds;
use crate::site::markup::{html, share_url, xml};
use crate::site::publish::{share_path, summary_line};

/// The share page of every event: `(path, contents)`.
pub fn files(catalog: &Catalog) -> Vec<(String, String)> {
    catalog
        .events
        .iter()
        .map(|e| (share_path(&e.id), share_page(catalog, e)))
        .collect()
}

/// The share page of one event: Open Graph and Twitter card tags for chat
/// previews, then a script-free link and a small script that continue into
/// the app. Every data text is HTML-escaped. It also carries the
/// project's feeds, the event's JSON-LD and a QR code.
pub fn share_page(catalog: &Catalog, event: &Event) -> String {
    let (head_extra, body_extra) = (share_head(catalog, event), share_body(catalog, event));
    let site = &catalog.site.name.ja;
    let project = catalog
        .project(&event.project)
        .map_or(event.project.as_str(), |p| &*p.name.ja);
    let cancelled = event.status.title_prefix(Lang::Ja);
    let title = html(&format!("{cancelled}{}", event.title.ja));
    let description = html(&format!("{}（{project}）", summary_line(event)));
    let target = format!("../?e={}", event.id);
    let canonical = catalog.site.url.as_ref().map_or(String::new(), |base| {
        let base = if base.ends_with('/') {
            base.clone()
        } else {
            format!("{base}/")
        };
        let url = html(&format!("{base}{}", share_path(&event.id)));
        format!("<meta property=\"og:url\" content=\"{url}\">\n<link rel=\"canonical\" href=\"{url}\">\n")
    });
    format!(
        "<!doctype html>
<html lang=\"ja\">
<head>
<meta charset=\"utf-8\">
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<title>{title} — {site_html}</title>
<meta name=\"description\" content=\"{description}\">
<meta property=\"og:type\" content=\"article\">
<meta property=\"og:site_name\" content=\"{site_html}\">
<meta property=\"og:title\" content=\"{title}\">
<meta property=\"og:description\" content=\"{description}\">
<meta property=\"og:locale\" content=\"ja_JP\">
<meta name=\"twitter:card\" content=\"summary\">
{canonical}{head_extra}<script>location.replace({target_js})</script>
</head>
<body>
<h1>{title}</h1>
<p>{description}</p>
<p><a href=\"{target}\">カレンダーで見る / Open in the calendar</a></p>
{body_extra}</body>
</html>
",
        site_html = html(site),
        // The id is URL-safe (a-z, 0-9, '-'), so it needs no escaping in JS.
        target_js = format_args!("\"{target}\""),
    )
}

/// What goes into a share page's `<head>` beside the Open Graph tags: the
/// project's feeds and the event's schema.org JSON-LD.
pub fn share_head(catalog: &Catalog, event: &Event) -> String {
    let id = Some(event.project.as_str());
    format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"../{}\">\n<link rel=\"alternate\" type=\"application/feed+json\" href=\"../{}\">\n{}\n",
        feeds::atom_path(id),
        feeds::json_path(id),
        crate::site::jsonld::script(catalog, event)
    )
}

/// What goes at the end of a share page's `<body>`: the QR code of its
/// address, when `site.url` is known.
pub fn share_body(catalog: &Catalog, event: &Event) -> String {
    let qr = share_url(&catalog.site, event)
        .and_then(|url| {
            let svg = crate::site::qr::svg(&url, 160, &format!("このページのQRコード {url}"))?;
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
    use crate::site::publish::event_path;
    use crate::views::links::{google, tel};
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
    fn one_share_page_per_event_with_its_chat_preview() {
        let text = std::fs::read_to_string("public/events.json").unwrap();
        let catalog = crate::load::load(&text).catalog;
        let files = files(&catalog);
        assert_eq!(files.len(), 14);
        let (_, page) = files
            .iter()
            .find(|(p, _)| p == "e/kawasaki-salon-2004-02-25.html")
            .unwrap();
        assert!(page.contains(
            "<meta property=\"og:title\" content=\"かわさき経済人ネットワークサロン 第1回会合（発足会）\">"
        ));
        assert!(page.contains("2004年2月25日(水) 18:00〜20:30　かながわサイエンスパーク（KSP）内 (株)ケイエスピー西棟 3階 310会議室（かわさき経済人ネットワークサロン）"), "{page}");
        assert!(page.contains("location.replace(\"../?e=kawasaki-salon-2004-02-25\")"));
    }

    #[test]
    fn share_pages_escape_the_data() {
        let text = r##"{"site": {"name": "<b>例</b>", "domain": "example.jp", "url": "https://example.org/cal"},
          "projects": [{"id": "p", "name": "P&Q", "color": "#123456"}],
          "events": [{"id": "x", "project": "p", "title": "\"><script>alert(1)</script>",
                      "start": "2004-02-25", "status": "cancelled"}]}"##;
        let catalog = crate::load::load(text).catalog;
        let page = share_page(&catalog, &catalog.events[0]);
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(page.contains("【中止】&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("P&amp;Q"));
        assert!(page.contains("&lt;b&gt;例&lt;/b&gt;"));
        assert!(page
            .contains("<meta property=\"og:url\" content=\"https://example.org/cal/e/x.html\">"));
    }

    /// A share page read without JavaScript says what the detail says.
    #[test]
    fn share_pages_carry_the_details() {
        let text = std::fs::read_to_string("public/events.json").unwrap();
        let catalog = crate::load::load(&text).catalog;
        let event = catalog.event("kawasaki-salon-2004-02-25").unwrap();
        let page = share_page(&catalog, event);
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
        let page = share_page(&loaded.catalog, &loaded.catalog.events[0]);
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(!page.contains("<img"), "{page}");
    }
}
