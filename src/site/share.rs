//! The share page of an event, `e/<event id>.html`: Open Graph and
//! Twitter card tags for chat previews (a link pasted into LINE shows the
//! event), the project's feeds and the event's schema.org JSON-LD in the
//! head, everything the data says of the event as plain HTML (what a
//! browser without JavaScript or a search engine reads), a QR code of its
//! address, and a link and a small script that continue into the app at
//! that event (`../?e=<id>`). Every data text is escaped. Native only.

use crate::model::text::Lang;
use crate::model::{Catalog, Event};
use crate::site::feeds;
use crate::site::markup::{fact_value, html, share_url, xml};
use crate::site::publish::{share_path, summary_line};
use crate::views::facts::facts;

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
    let project = catalog.project_name(&event.project, Lang::Ja);
    let cancelled = event.status.title_prefix(Lang::Ja);
    let title = html(&format!("{cancelled}{}", event.title.ja));
    let description = html(&format!("{}（{project}）", summary_line(event)));
    let target = crate::views::links::event_page("../", &event.id);
    let canonical = share_url(&catalog.site, event).map_or(String::new(), |url| {
        let url = html(&url);
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
/// where the app would show its detail. The facts are
/// [`crate::views::facts`], every one of them, labelled `日本語 / English`
/// with their values in Japanese, as the app's detail words them. Data is
/// escaped text; links are the loader-checked http(s) addresses, a map
/// search, `tel:` (digits) and `mailto:`.
pub fn share_details(catalog: &Catalog, event: &Event) -> String {
    use crate::site::publish::event_path;
    use crate::views::links::google;
    let rows: String = facts(event, catalog, Lang::Ja)
        .iter()
        .map(|f| {
            format!(
                "<dt>{} / {}</dt><dd>{}</dd>\n",
                xml(f.label.get(Lang::Ja)),
                xml(f.label.get(Lang::En)),
                fact_value(&f.value)
            )
        })
        .collect();
    let description = event.description.as_deref().map_or(String::new(), |d| {
        format!("<p style=\"white-space:pre-line\">{}</p>\n", xml(d))
    });
    let project = catalog.project_name(&event.project, Lang::Ja);
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
            "<li>18:10 報告1「(株)ケイエスピーのビジネスインキュベーションの現状と課題」<br>志茂 武氏（(株)ケイエスピー 取締役）</li>",
            "<dt>住所 / Address</dt><dd>川崎市高津区坂戸3-2-1 西棟3階 <a href=\"https://www.google.com/maps/search/?api=1&amp;query=",
            "<dt>問い合わせ・申込 / Contact</dt><dd>神奈川県異業種グループ連絡会議 事務局<br>TEL <a href=\"tel:0456335192\">045-633-5192</a><br>FAX 045-633-5194<br>E-mail <a href=\"mailto:shigeo.tanaka@m2.people.or.jp\">",
            "<a href=\"../ics/event/kawasaki-salon-2004-02-25.ics\">カレンダーに追加（.ics）",
            "https://calendar.google.com/",
        ] {
            assert!(page.contains(part), "{part}\n{page}");
        }
        assert!(page.contains("<dt>会場の電話 / Venue phone</dt><dd><a href=\"tel:0448192001\">"));
        // Hostile text stays text.
        let hostile = r##"{"site": {"name": "s", "domain": "example.jp"},
          "projects": [{"id": "p", "name": "P", "color": "#123456"}],
          "events": [{"id": "x", "project": "p", "title": "t", "start": "2004-02-25",
                      "fee": "<script>alert(1)</script>", "description": "<img src=x onerror=alert(1)>",
                      "speakers": [{"name": "<script>alert(3)</script>", "affiliation": "'\"><b>"}],
                      "program": [{"title": "<script>alert(4)</script>"}],
                      "contact": {"name": "\"><script>alert(2)</script>"}}]}"##;
        let loaded = crate::load::load(hostile);
        assert!(loaded.is_valid(), "{:?}", loaded.diagnostics);
        let page = share_page(&loaded.catalog, &loaded.catalog.events[0]);
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(!page.contains("<b>"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(3)&lt;/script&gt;（&#39;&quot;&gt;&lt;b&gt;）"));
    }

    /// For every shipped event, and a hostile one, the share page's
    /// label/value pairs are `views::facts`, in its order, word for word
    /// (read back from the escaped HTML), links and all.
    #[test]
    fn every_share_page_says_what_the_facts_say() {
        use crate::site::markup::tests::pairs;
        use crate::views::facts::tests::{links, plain};
        let text = std::fs::read_to_string("public/events.json").unwrap();
        let mut catalog = crate::load::load(&text).catalog;
        let hostile = r##"{"site": {"name": "s", "domain": "example.jp"},
          "projects": [{"id": "p", "name": "<i>P</i>", "color": "#123456"}],
          "events": [{"id": "x", "project": "p", "title": "t", "start": "2004-02-25",
                      "fee": "<script>alert(1)</script> & \"more\"", "venue": {"room": "'><b>"},
                      "program": [{"time": "10:00", "title": "<br>", "speakers": ["a&b"]}],
                      "contact": {"name": "\"><script>", "note": "x</dd><dt>y"}}]}"##;
        let hostile = crate::load::load(hostile);
        assert!(hostile.is_valid(), "{:?}", hostile.diagnostics);
        assert_eq!(
            facts(&hostile.catalog.events[0], &catalog, Lang::Ja).len(),
            6
        );
        catalog.events.extend(hostile.catalog.events);
        for event in &catalog.events {
            let page = share_page(&catalog, event);
            let want: Vec<(String, String, Vec<String>)> = facts(event, &catalog, Lang::Ja)
                .iter()
                .map(|f| {
                    let label = format!("{} / {}", f.label.ja, f.label.get(Lang::En));
                    let hrefs = links(&f.value).into_iter().map(|(_, h)| h).collect();
                    (label, plain(&f.value), hrefs)
                })
                .collect();
            assert!(want.len() >= 2, "{}", event.id);
            assert_eq!(pairs(&page, "dt", "dd"), want, "{}", event.id);
        }
    }
}
