//! One build's outputs, composed once: our calendar files, share pages,
//! feeds and the rest ([`super::publish`], [`super::reach`]), the
//! spreadsheet template, the other calendars' last good copies merged in
//! (their events' files and share pages, a feed per source,
//! `sources/`, `ics/federation.ics`), and the page
//! Trunk made and its manifest rewritten once each: the opening view
//! pre-rendered (with the other calendars, as the app merges them), the
//! site's names, then the Content-Security-Policy. Pure: the maintainer
//! tool reads the inputs and writes what this returns.

use crate::model::text::Text;
use crate::model::Catalog;
use crate::site::{brand, csp, prerender, publish, reach, share};
use crate::sources::attach::{self, Fetched, Problem};
use crate::sources::status::{self, SourceStatus};
use chrono::NaiveDate;

/// The other calendars as the tool found them beside the events file.
#[derive(Debug, Clone, Default)]
pub struct Others {
    /// Every declared source with its status (fetched or not).
    pub statuses: Vec<SourceStatus>,
    /// The last good copy of each source that [`attach::with_copy`] names:
    /// its id and its text (published as it is), or why it could not be
    /// read.
    pub copies: Vec<(String, Result<String, Text>)>,
}

/// What one build writes.
#[derive(Debug, Clone, Default)]
pub struct Build {
    /// `(path relative to the site, contents)`, each path once.
    pub files: Vec<(String, String)>,
    /// How many of them are our own calendar files, share pages, feeds and
    /// the rest (the tool says so).
    pub ours: usize,
    /// How many events came from the other calendars.
    pub imported: usize,
    /// What went wrong with the other calendars (never with our site): the
    /// page, reading the same files, says the same.
    pub problems: Vec<Problem>,
}

/// Every file of one build. `today` is the build's day in Tokyo;
/// `index_html` and `manifest` are the page and manifest Trunk made, when
/// there are (publishing also works on an empty folder).
///
/// # Errors
/// When `index.html` has no `<head>` or no `<body>` to write into.
pub fn files(
    catalog: &Catalog,
    today: NaiveDate,
    others: Others,
    index_html: Option<&str>,
    manifest: Option<&str>,
) -> Result<Build, String> {
    let mut out = publish::files(catalog);
    // Feeds, share pages, FAX sheets, the sitemap, QR codes, embed.json.
    out.extend(reach::files(catalog, today));
    // The spreadsheet template the editor links to (UTF-8 with a BOM).
    out.push((
        crate::csv::TEMPLATE_PATH.to_string(),
        crate::csv::template(),
    ));
    let ours = out.len();

    // The other calendars attached as the page attaches them, from the
    // same files: the status and each source's copy.
    let fetched = Fetched {
        status: Some(Ok(status::write(&others.statuses))),
        files: others.copies,
    };
    let mut merged = catalog.clone();
    let own = merged.events.len();
    let attached = attach::attach(&mut merged, &fetched);
    let statuses = attached.statuses;
    for (id, text) in fetched.files {
        if let Ok(text) = text {
            out.push((attach::copy_path(&id), text));
        }
    }
    if let Some(Ok(text)) = fetched.status {
        out.push((status::PATH.to_string(), text));
    }
    // Each source's feeds, as each of our projects has its own: the share
    // page of an imported event links them (`feeds/<source id>.*`), and a
    // member who follows that link gets the events of the calendar the
    // event comes from, with pages on this site.
    for s in statuses
        .iter()
        .filter(|s| catalog.project(&s.source.id).is_none())
    {
        out.extend(reach::feed_files(&merged, Some(&s.source.id), today));
    }
    for e in &merged.events[own..] {
        out.push((
            publish::event_path(&e.id),
            crate::ics::event_file(&merged, e),
        ));
        out.push((publish::share_path(&e.id), share::share_page(&merged, e)));
    }
    // The member page reads the merged events month by month.
    out.extend(super::months::files(&merged));
    let all: Vec<_> = merged.events.iter().collect();
    let meta = crate::ics::CalendarMeta {
        name: format!("{} — 他地域・他団体を含む", merged.site.name.ja),
        description: None,
        stamp: None,
    };
    out.push((
        "ics/federation.ics".into(),
        crate::ics::calendar(&merged, &all, &meta),
    ));

    if let Some(html) = index_html {
        let view = prerender::opening_view(&merged, today, &statuses);
        let page = prerender::into_page(html, &view)
            .map(|page| brand::page(&page, &catalog.site))
            .and_then(|page| csp::with_policy(&page))
            .map(|page| prerender::preloads_first(&page))
            .map_err(|e| {
                format!("index.html: 先読み表示と CSP を書き込めません / cannot add the pre-rendered view and the CSP: {e}")
            })?;
        out.push(("index.html".into(), page));
    }
    if let Some(json) = manifest {
        out.push((
            "manifest.webmanifest".into(),
            brand::manifest(json, &catalog.site),
        ));
    }
    Ok(Build {
        files: out,
        ours,
        imported: merged.events.len() - own,
        problems: attached.problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html><head><meta charset=\"utf-8\"><title>x</title></head><body><div id=\"app\"></div></body></html>";

    fn catalog() -> Catalog {
        let text = std::fs::read_to_string("public/events.json").unwrap();
        crate::load::load(&text).catalog
    }

    /// Each path is written once, `index.html` among them, with the
    /// opening view, the site's name and the policy all in it.
    #[test]
    fn every_file_once_and_the_page_rewritten_once() {
        let catalog = catalog();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let build = files(&catalog, today, Others::default(), Some(PAGE), Some("{}")).unwrap();
        let mut paths: Vec<&str> = build.files.iter().map(|(p, _)| p.as_str()).collect();
        let count = paths.len();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), count, "a path written twice");
        for p in [
            "index.html",
            "manifest.webmanifest",
            "ics/all.ics",
            "feed.atom",
            "sources/status.json",
            "ics/federation.ics",
        ] {
            assert!(paths.contains(&p), "{p}");
        }
        let page = &build
            .files
            .iter()
            .find(|(p, _)| p == "index.html")
            .unwrap()
            .1;
        assert!(page.contains("id=\"prerender\""), "{page}");
        assert!(page.contains("Content-Security-Policy"), "{page}");
        assert!(
            page.contains(&format!("<title>{}</title>", catalog.site.name.ja)),
            "{page}"
        );
        assert_eq!(build.imported, 0);
        // Publishing the result again changes nothing (the bench and
        // scripts/timeshift.sh republish a built site).
        let again = files(&catalog, today, Others::default(), Some(page), Some("{}")).unwrap();
        let page_again = &again
            .files
            .iter()
            .find(|(p, _)| p == "index.html")
            .unwrap()
            .1;
        assert_eq!(page_again, page);
    }

    /// An imported event's share page links its source's feeds, as ours
    /// link their project's; those feeds are written and hold its events.
    #[test]
    fn each_source_has_the_feeds_its_events_pages_link() {
        use crate::model::{Event, Origin, When};
        use crate::sources::{normal, Format, Source};
        let source = Source {
            id: "tokyo".into(),
            name: Text::new("東京"),
            url: "https://tokyo.example/events.json".into(),
            format: Format::EventsJson,
            color: "#00695c".into(),
            project: None,
        };
        let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let mut event = Event::new(
            "tokyo-0000000000000001",
            "tokyo",
            "東京の例会",
            When::AllDay {
                start: day,
                end: day,
            },
        );
        event.origin = Some(Origin {
            uid: "forum@tokyo.example".into(),
            recurrence_id: None,
        });
        let fetched = day.and_hms_opt(0, 0, 0).unwrap();
        let copy = normal::to_json(&source, "tokyo.example", fetched, &[event]);
        let others = Others {
            statuses: vec![SourceStatus {
                last_success: Some(fetched),
                ok: true,
                ..SourceStatus::new(source)
            }],
            copies: vec![("tokyo".into(), Ok(copy))],
        };
        let build = files(&catalog(), day, others, None, None).unwrap();
        let file = |p: &str| build.files.iter().find(|(path, _)| path == p).map(|f| &f.1);
        let page = file("e/tokyo-0000000000000001.html").unwrap();
        for feed in ["feeds/tokyo.atom", "feeds/tokyo.json"] {
            assert!(page.contains(&format!("href=\"../{feed}\"")), "{page}");
            let text = file(feed).unwrap_or_else(|| panic!("{feed} is not written"));
            assert!(text.contains("東京の例会"), "{text}");
        }
        // The search index counts as the merged catalogue does (ours and
        // the source's events, as the month files hold them).
        let mut merged: Option<Catalog> = None;
        for (path, text) in &build.files {
            if path.starts_with("months/2") {
                let month = crate::load::load(text).catalog;
                match &mut merged {
                    None => merged = Some(month),
                    Some(all) => {
                        for e in month.events {
                            if all.event(&e.id).is_none() {
                                all.events.push(e);
                            }
                        }
                    }
                }
            }
        }
        let merged = merged.unwrap();
        assert_eq!(merged.events.len(), catalog().events.len() + 1);
        let index = file(crate::views::search_index::SEARCH_PATH).unwrap();
        let index = crate::views::search_index::SearchFile::parse(index.clone()).unwrap();
        let ids: Vec<&str> = merged.projects.iter().map(|p| p.id.as_str()).collect();
        for query in ["", "東京", "とうきょう 例会", "例会", "ｾﾐﾅｰ", "no such"] {
            let filter = crate::views::filter::Filter {
                query: query.into(),
                ..Default::default()
            };
            let want: Vec<usize> = filter.project_counts(&merged).iter().map(|c| c.1).collect();
            assert_eq!(index.project_counts(query, &ids), want, "{query}");
        }
        assert_eq!(index.project_counts("東京", &["tokyo"]), [1]);
    }

    #[test]
    fn a_page_without_a_body_is_refused_with_its_name() {
        let e = files(
            &catalog(),
            NaiveDate::MIN,
            Others::default(),
            Some("<p>no page</p>"),
            None,
        )
        .unwrap_err();
        assert!(
            e.starts_with("index.html: 先読み表示と CSP を書き込めません"),
            "{e}"
        );
    }
}
