//! The opening view as plain HTML, written into `index.html` by the build
//! (`calendar publish`), so that a member sees events at first paint,
//! before the WebAssembly has arrived, and a browser without JavaScript or
//! WebAssembly (an old in-app browser, JavaScript off, a search engine)
//! still gets a calendar: the month that opens, the picked day's events,
//! the upcoming events, the projects and the calendar files.
//!
//! The markup mirrors what the app (`src/ui/`) draws first, with the same
//! classes and the same words from the same core functions (`grid`,
//! `agenda`, `label`, `jp`), so that the app can take the place of this
//! block in one step without a visible jump: it removes the element
//! `#prerender` ([`ID`]) once its own first view is drawn. Event links go
//! to the share pages (`e/<id>.html`, which carry the details and lead on
//! into the app) and to the `.ics` files. Every text from the data is
//! HTML-escaped; only attributes the loader has checked (ids, colours) are
//! placed without further change, and they are escaped too.
//!
//! It also moves the app's preloads to the top of `<head>`
//! ([`preloads_first`]), so that a phone asks for the WebAssembly with the
//! page's first bytes.
//!
//! Pure: the day ("today", in Tokyo) is a parameter.

use crate::jp::{self, day_kind, format_day, format_month_heading, holiday};
use crate::model::month::Month;
use crate::model::text::Lang;
use crate::model::{Catalog, Event, Status};
use crate::site::markup::html;
use crate::site::publish::{all_path, event_path, project_path, share_path};
use crate::sources::merge::is_source;
use crate::sources::status::SourceStatus;
use crate::views::agenda::{agenda, Scope};
use crate::views::filter::Filter;
use crate::views::grid::{default_day, month_rows, DayIndex, WeekRow};
use crate::views::label::{
    bar_text, cell_label, day_heading, download_label, more_label, time_label, year_heading,
};
use crate::views::looks::{self, LANES};
use crate::views::months::initial_month;
use chrono::{Datelike, NaiveDate};
use std::fmt::Write as _;

/// The id of the pre-rendered block; the app removes it when it takes over.
pub const ID: &str = "prerender";

/// Upcoming (or, when none, past) events listed below the month.
const LISTED: usize = 30;

/// Markers around the block in `index.html`, so that publishing again
/// replaces it.
const START: &str = "<!-- prerender: written by `calendar publish` (src/prerender.rs) -->";
const END: &str = "<!-- /prerender -->";

/// The pre-rendered opening view of `catalog` on `today`: the `<div>` that
/// goes first in `<body>`. `sources` are the other calendars merged into
/// `catalog` (`crate::sources::merge`), as the app has them: their
/// projects get their own filter group, as in the app.
pub fn opening_view(catalog: &Catalog, today: NaiveDate, sources: &[SourceStatus]) -> String {
    let lang = Lang::Ja;
    let month = initial_month(&catalog.events, today);
    let index = DayIndex::new(&catalog.events);
    let rows = month_rows(month, &catalog.events, &index, |_| true, LANES);
    let picked = default_day(month, today, &index, |_| true);
    let heading = html(&format_month_heading(month, lang));
    let mut out = String::with_capacity(16 * 1024);
    let _ = writeln!(
        out,
        "<div class=\"app\" id=\"{ID}\" data-prerendered=\"{today}\" data-month=\"{month}\">"
    );
    header(&mut out, catalog);
    let _ = write!(
        out,
        "<nav class=\"toolbar\" aria-label=\"表示の切り替え\"><div class=\"switch\" role=\"group\" aria-label=\"表示\">\
<button type=\"button\" aria-pressed=\"true\">月</button><button type=\"button\" aria-pressed=\"false\">一覧</button></div>\
<div class=\"month-nav\"><button type=\"button\" class=\"step\" aria-label=\"前の月\">‹</button>\
<h2 class=\"month-heading\">{heading}</h2>\
<button type=\"button\" class=\"step\" aria-label=\"次の月\">›</button><button type=\"button\" class=\"today\">今日</button></div></nav>\n\
<div class=\"layout\"><main class=\"main\"><div class=\"month-view\">\n"
    );
    grid(
        &mut out,
        catalog,
        &index,
        &rows,
        (month, today, picked),
        &heading,
    );
    day_panel(&mut out, catalog, &index, picked);
    out.push_str("</div>\n");
    upcoming(&mut out, catalog, today);
    out.push_str("</main>\n<aside class=\"side\">\n");
    side(&mut out, catalog, sources);
    out.push_str("</aside></div>\n</div>\n");
    out
}

/// `page` (Trunk's `index.html`) with `view` first in `<body>`, replacing
/// a block written before (publishing twice gives the same page).
///
/// # Errors
/// When the page has no `<body>`.
pub fn into_page(page: &str, view: &str) -> Result<String, String> {
    let block = format!("{START}\n{view}{END}");
    if let (Some(start), Some(end)) = (page.find(START), page.find(END)) {
        if start < end {
            return Ok(format!(
                "{}{block}{}",
                &page[..start],
                &page[end + END.len()..]
            ));
        }
    }
    let body = page
        .find("<body>")
        .map(|i| i + "<body>".len())
        .ok_or("index.html has no <body>")?;
    Ok(format!("{}\n{block}{}", &page[..body], &page[body..]))
}

/// `page` with the app's preloads (Trunk's `<link rel="modulepreload">` of
/// the JS glue and `<link rel="preload">` of the `.wasm`, which Trunk puts
/// at the end of `<head>`, after the inline style sheet) moved to just
/// after the Content-Security-Policy (else the charset, else `<head>`):
/// the WebAssembly is the longest download of a first visit, and on a slow
/// phone the browser otherwise reads some 17 kB of head before asking
/// for it. Publishing twice gives the same page.
pub fn preloads_first(page: &str) -> String {
    let Some(head_end) = page.find("</head>") else {
        return page.to_string();
    };
    let mut links = Vec::new();
    let mut rest = String::with_capacity(page.len());
    let mut at = 0;
    while let Some(found) = page[at..head_end].find("<link ") {
        let start = at + found;
        let Some(len) = page[start..head_end].find('>') else {
            break;
        };
        let end = start + len + 1;
        let tag = &page[start..end];
        let wasm = tag.contains("rel=\"preload\"") && tag.contains(".wasm\"");
        if tag.contains("rel=\"modulepreload\"") || wasm {
            // The tag and the line break and indent before it.
            let before = page[at..start].trim_end_matches([' ', '\t', '\n', '\r']);
            rest.push_str(before);
            links.push(tag);
        } else {
            rest.push_str(&page[at..end]);
        }
        at = end;
    }
    rest.push_str(&page[at..]);
    if links.is_empty() {
        return rest;
    }
    let after = |marker: &str| {
        let i = rest.find(marker)?;
        rest[i..].find('>').map(|end| i + end + 1)
    };
    let Some(place) = after("<meta http-equiv=\"Content-Security-Policy\"")
        .or_else(|| after("<meta charset"))
        .or_else(|| after("<head"))
    else {
        return page.to_string();
    };
    let moved: String = links.iter().map(|l| format!("\n  {l}")).collect();
    format!("{}{moved}{}", &rest[..place], &rest[place..])
}

fn header(out: &mut String, catalog: &Catalog) {
    let site = html(&catalog.site.name.ja);
    let updated = catalog.site.updated.map_or(String::new(), |utc| {
        format!(
            "<p class=\"updated\">データ最終更新: {}</p>",
            html(&jp::format_instant_tokyo(utc, Lang::Ja))
        )
    });
    let _ = writeln!(
        out,
        "<header class=\"top\"><div><h1 class=\"site-title\">{site}</h1>{updated}</div>\
<button type=\"button\" class=\"lang\" lang=\"en\">English</button></header>"
    );
}

/// The month grid, as `ui::month::grid` draws it; `days` is the month
/// shown, today and the picked day.
fn grid(
    out: &mut String,
    catalog: &Catalog,
    index: &DayIndex,
    rows: &[WeekRow],
    days: (Month, NaiveDate, NaiveDate),
    heading: &str,
) {
    let (month, today, picked) = days;
    let _ = write!(
        out,
        "<div role=\"grid\" class=\"month-grid\" aria-label=\"{heading}\"><div role=\"row\" class=\"week-head\">"
    );
    for i in 0..7 {
        let _ = write!(
            out,
            "<div role=\"columnheader\" class=\"{}\">{}</div>",
            looks::weekday_head_class(i),
            jp::weekday_name(i, Lang::Ja)
        );
    }
    out.push_str("</div>\n");
    for row in rows {
        out.push_str("<div role=\"row\" class=\"week\">");
        for col in 0..7 {
            let date = row.days[col];
            let mut class = looks::day_class(date, month);
            if date == picked {
                class.push_str(" picked");
            }
            let count = index.on(date).len();
            let current = if date == today {
                " aria-current=\"date\""
            } else {
                ""
            };
            let _ = write!(
                out,
                "<div role=\"gridcell\" class=\"{class}\" data-date=\"{date}\"{current}>\
<span class=\"sr-only\">{}</span><div class=\"day-head\" aria-hidden=\"true\"><span class=\"num\">{}</span>",
                html(&cell_label(date, count, Lang::Ja)),
                date.day()
            );
            if let Some(h) = holiday(date) {
                let _ = write!(out, "<span class=\"hol\">{}</span>", html(&h.ja));
            }
            out.push_str("</div>");
            for s in row.segments.iter().filter(|s| s.start_col == col) {
                let Some(event) = catalog.events.get(s.event) else {
                    continue;
                };
                let text = html(&bar_text(event, s.is_start, Lang::Ja));
                let class = looks::bar_class(s, event.status == Status::Cancelled);
                let _ = write!(
                    out,
                    "<a class=\"{class}\" href=\"{href}\" tabindex=\"-1\" title=\"{text}\" data-event-id=\"{id}\" \
style=\"{style}\">{text}</a>",
                    href = html(&share_path(&event.id)),
                    id = html(&event.id),
                    style = html(&looks::bar_style(s, catalog.project_color(&event.project))),
                );
            }
            if row.more[col] > 0 {
                let _ = write!(
                    out,
                    "<button type=\"button\" class=\"more\" tabindex=\"-1\">{}</button>",
                    html(&more_label(row.more[col], Lang::Ja))
                );
            }
            out.push_str("</div>");
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
}

/// The picked day's events under the grid, as the app's day panel.
fn day_panel(out: &mut String, catalog: &Catalog, index: &DayIndex, day: NaiveDate) {
    let end = day.succ_opt().unwrap_or(day);
    let page = agenda(
        &catalog.events,
        index.on(day),
        Scope::Range { start: day, end },
        0,
        usize::MAX,
    );
    let _ = write!(
        out,
        "<section class=\"day-panel\"><h3>{}</h3>",
        html(&day_heading(day, Lang::Ja))
    );
    if page.is_empty() {
        out.push_str("<p class=\"empty\">この日の予定はありません。</p>");
    } else {
        out.push_str("<ul class=\"rows\">");
        for item in page.groups.iter().flat_map(|g| &g.items) {
            if let Some(event) = catalog.events.get(item.event) {
                row(out, catalog, event, item.continued);
            }
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>\n");
}

/// The upcoming events (the past ones, newest first, when none is
/// upcoming), [`LISTED`] at most, each with its `.ics`; then where the rest
/// are. The app does not draw this list in the month view: it is what a
/// browser without JavaScript has instead of the other months.
fn upcoming(out: &mut String, catalog: &Catalog, today: NaiveDate) {
    let all: Vec<usize> = (0..catalog.events.len()).collect();
    let mut page = agenda(&catalog.events, &all, Scope::Upcoming { today }, 0, LISTED);
    let past = page.total == 0;
    if past {
        page = agenda(&catalog.events, &all, Scope::Past { today }, 0, LISTED);
    }
    let title = if past {
        "過去の予定 / Past events"
    } else {
        "今後の予定 / Upcoming events"
    };
    let _ = write!(
        out,
        "<section class=\"list-view prerendered-list\"><h2 class=\"list-title\">{title}</h2>"
    );
    if past && page.total > 0 {
        out.push_str("<p class=\"notice\">今後の予定はありません。過去の予定を新しい順に表示しています。 / No upcoming events. Showing past events, newest first.</p>");
    }
    let mut year = today.year();
    for g in &page.groups {
        if g.date.year() != year {
            year = g.date.year();
            let _ = write!(
                out,
                "<h3 class=\"year\">{}</h3>",
                year_heading(year, Lang::Ja)
            );
        }
        let kind = day_kind(g.date);
        let class = if kind.is_red() {
            " class=\"sun\""
        } else if kind.is_blue() {
            " class=\"sat\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<section class=\"day-group\"><h4{class}>{}</h4><ul class=\"rows\">",
            html(&format_day(g.date, Lang::Ja))
        );
        for item in &g.items {
            if let Some(event) = catalog.events.get(item.event) {
                row(out, catalog, event, item.continued);
                let _ = write!(
                    out,
                    "<li class=\"ics-link\"><a href=\"{}\">カレンダーに追加（.ics） / Add to calendar</a></li>",
                    html(&event_path(&event.id))
                );
            }
        }
        out.push_str("</ul></section>");
    }
    let rest = page.total.saturating_sub(page.len());
    if rest > 0 {
        let _ = write!(
            out,
            "<p>ほか {rest} 件は、すべての予定のカレンダーファイルにあります: <a href=\"{}\">すべての予定（.ics） / All events</a></p>",
            all_path()
        );
    }
    out.push_str(
        "<noscript><p class=\"notice\">JavaScript を有効にすると、ほかの月、絞り込み、検索、詳細が使えます。 / \
With JavaScript, other months, filters, search and details work.</p></noscript></section>\n",
    );
}

/// One event row, as the app's (`ui::rows::event_row`), linking to the
/// event's share page.
fn row(out: &mut String, catalog: &Catalog, event: &Event, continued: bool) {
    let (color, project) = (
        catalog.project_color(&event.project),
        catalog.project_name(&event.project, Lang::Ja),
    );
    let venue = event
        .venue
        .as_ref()
        .and_then(|v| v.name.as_deref().or(v.room.as_deref()))
        .map_or(String::new(), |v| {
            format!("<span class=\"venue\">{}</span>", html(v))
        });
    let badge = match (event.status, event.status.badge(Lang::Ja)) {
        (Status::Cancelled, Some(b)) => format!("<span class=\"badge cancelled\">{b}</span>"),
        (_, Some(b)) => format!("<span class=\"badge tentative\">{b}</span>"),
        _ => String::new(),
    };
    let cancelled = if event.status == Status::Cancelled {
        " cancelled"
    } else {
        ""
    };
    let _ = write!(
        out,
        "<li class=\"ev-row\"><a class=\"ev{cancelled}\" href=\"{href}\" data-event-id=\"{id}\">\
<span class=\"time\">{time}</span><span class=\"title\">{badge}{title}</span>\
<span class=\"meta\"><span class=\"chip\" style=\"background:{color}\" aria-hidden=\"true\"></span>{project}{venue}</span></a></li>",
        href = html(&share_path(&event.id)),
        id = html(&event.id),
        time = html(&time_label(&event.when, continued, Lang::Ja)),
        title = html(&event.title.ja),
        color = html(color),
        project = html(project),
    );
}

/// The side panel: the filters as the app draws them (every project
/// ticked, with its count; the other calendars in their own group), then
/// the feeds to subscribe to.
fn side(out: &mut String, catalog: &Catalog, sources: &[SourceStatus]) {
    out.push_str(
        "<section class=\"filters\"><h2 class=\"side-title\">絞り込み</h2>\
<label class=\"search\"><span>検索（題名・会場・講師・内容）</span><input type=\"search\"></label>\
<fieldset class=\"projects\"><legend>プロジェクト・研究会</legend>\
<div class=\"all-none\"><button type=\"button\">すべて</button><button type=\"button\">なし</button></div><ul>",
    );
    let counts = Filter::default().project_counts(catalog);
    let boxes = |out: &mut String, source: bool| {
        for (p, (_, n)) in catalog.projects.iter().zip(&counts) {
            if is_source(sources, &p.id) != source {
                continue;
            }
            let color = html(&p.color);
            let _ = write!(
                out,
                "<li><label class=\"project\"><input type=\"checkbox\" checked style=\"accent-color:{color}\">\
<span class=\"chip\" style=\"background:{color}\" aria-hidden=\"true\"></span>\
<span class=\"name\">{}</span><span class=\"count\">{n}</span></label>",
                html(&p.name.ja)
            );
            let stale = sources
                .iter()
                .find(|s| s.source.id == p.id)
                .and_then(|s| s.stale_notice(Lang::Ja));
            if let Some(notice) = stale {
                let _ = write!(out, "<span class=\"stale\">{}</span>", html(&notice));
            }
            out.push_str("</li>");
        }
    };
    boxes(out, false);
    out.push_str("</ul></fieldset>");
    if !sources.is_empty() {
        out.push_str("<fieldset class=\"projects sources\"><legend>他地域・他団体</legend><ul>");
        boxes(out, true);
        out.push_str("</ul></fieldset>");
    }
    let _ = writeln!(
        out,
        "<button type=\"button\" class=\"download\">{}</button></section>",
        html(&download_label(catalog.events.len(), Lang::Ja))
    );
    out.push_str(
        "<details class=\"subscribe\"><summary>カレンダーアプリで購読</summary>\
<p class=\"hint\">購読すると、予定の追加や変更が自動でスマートフォンのカレンダーに届きます。</p><ul>",
    );
    let mut feeds = vec![("すべてのイベント", all_path())];
    if !sources.is_empty() {
        feeds.push((
            "他地域・他団体を含むすべて",
            "ics/federation.ics".to_string(),
        ));
    }
    feeds.extend(
        catalog
            .projects
            .iter()
            .filter(|p| !is_source(sources, &p.id))
            .map(|p| (&*p.name.ja, project_path(&p.id))),
    );
    for (name, path) in feeds {
        let _ = write!(
            out,
            "<li class=\"feed\"><span class=\"feed-name\">{}</span><span class=\"feed-links\"><a href=\"{}\">カレンダーファイル（.ics）</a></span></li>",
            html(name),
            html(&path)
        );
    }
    out.push_str("</ul></details>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_is_asked_for_first() {
        let trunk = "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n  <meta charset=\"utf-8\">\n  \
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">\n  \
<link rel=\"preload\" href=\"months/index.json\" as=\"fetch\" crossorigin>\n<style>p{}</style>\n\
<link rel=\"modulepreload\" href=\"./app-1.js\" crossorigin=\"anonymous\" integrity=\"sha384-a\">\n\
<link rel=\"preload\" href=\"./app-1_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-b\" as=\"fetch\" type=\"application/wasm\"></head>\n<body></body></html>";
        let page = preloads_first(trunk);
        let pos = |s: &str| page.find(s).unwrap();
        assert!(pos("Content-Security-Policy") < pos("app-1.js"));
        assert!(pos("app-1.js") < pos("app-1_bg.wasm"));
        assert!(pos("app-1_bg.wasm") < pos("months/index.json"));
        assert!(pos("app-1_bg.wasm") < pos("<style>"));
        // Every tag kept once, with its integrity; nothing else changed.
        assert_eq!(page.matches("<link ").count(), 3);
        assert!(page.contains("integrity=\"sha384-b\" as=\"fetch\" type=\"application/wasm\">"));
        assert!(page.contains("<style>p{}</style></head>"));
        assert_eq!(page.len(), trunk.len() + "\n  ".len() * 2 - "\n".len() * 2);
        // Publishing again gives the same page.
        assert_eq!(preloads_first(&page), page);
        // A page without them, or without a head, is left as it is.
        let plain = "<html><head><meta charset=\"utf-8\"></head><body></body></html>";
        assert_eq!(preloads_first(plain), plain);
        assert_eq!(preloads_first("<p>no head</p>"), "<p>no head</p>");
    }

    fn shipped() -> Catalog {
        crate::load::load(include_str!("../../public/events.json")).catalog
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The ids of the events shown, in order of appearance.
    fn ids(view: &str) -> Vec<&str> {
        view.split("data-event-id=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect()
    }

    #[test]
    fn the_opening_month_of_the_newsletter_with_its_events_linked() {
        let catalog = shipped();
        // Every event is past in 2026: the month of the latest one opens,
        // as in the app (months::initial_month).
        let today = ymd(2026, 12, 2);
        let month = initial_month(&catalog.events, today);
        let view = opening_view(&catalog, today, &[]);
        assert!(view.starts_with("<div class=\"app\" id=\"prerender\""));
        assert!(view.contains(&format!(
            "<h2 class=\"month-heading\">{}</h2>",
            format_month_heading(month, Lang::Ja)
        )));
        // Each event of that month has a bar that links to its share page.
        let first = month.first_day().unwrap();
        let in_month: Vec<&Event> = catalog
            .events
            .iter()
            .filter(|e| Month::of(e.when.first_day()) == month)
            .collect();
        assert!(!in_month.is_empty());
        for e in &in_month {
            assert!(
                view.contains(&format!(
                    "href=\"e/{0}.html\" tabindex=\"-1\" title=\"{1}\" data-event-id=\"{0}\"",
                    e.id,
                    html(&bar_text(e, true, Lang::Ja))
                )),
                "{}",
                e.id
            );
        }
        assert!(view.contains(&format!("data-date=\"{first}\"")));
        // The list below: past events, newest first, each with its .ics.
        assert!(view.contains("過去の予定 / Past events"));
        let listed = ids(&view);
        assert!(listed.len() > in_month.len());
        for e in &catalog.events {
            assert!(view.contains(&format!("href=\"ics/event/{}.ics\"", e.id)));
        }
        // The side panel: every project ticked, its feed linked.
        for p in &catalog.projects {
            assert!(view.contains(&format!("href=\"ics/project/{}.ics\"", p.id)));
        }
        assert_eq!(
            view.matches("type=\"checkbox\" checked").count(),
            catalog.projects.len()
        );
        assert!(!view.contains("<script"));
    }

    #[test]
    fn today_opens_its_month_marked_and_lists_what_is_upcoming() {
        let catalog = shipped();
        let today = ymd(2004, 2, 20);
        let view = opening_view(&catalog, today, &[]);
        assert!(view.contains("<h2 class=\"month-heading\">2004年（平成16年）2月</h2>"));
        assert!(view.contains("data-date=\"2004-02-20\" aria-current=\"date\""));
        assert!(view.contains("class=\"day picked\" data-date=\"2004-02-20\""));
        assert!(view.contains("今後の予定 / Upcoming events"));
        assert!(view.contains("2004年2月20日(金)"));
        // The first upcoming event is the one the list view shows first.
        let all: Vec<usize> = (0..catalog.events.len()).collect();
        let page = agenda(&catalog.events, &all, Scope::Upcoming { today }, 0, 1);
        let first = &catalog.events[page.groups[0].items[0].event];
        let list = &view[view.find("prerendered-list").unwrap()..];
        assert_eq!(ids(list)[0], first.id);
    }

    #[test]
    fn data_is_text_never_markup() {
        let text = r##"{"site": {"name": "<b>例</b>", "domain": "example.jp"},
          "projects": [{"id": "p", "name": "P&<i>Q</i>", "color": "#123456"}],
          "events": [{"id": "x", "project": "p", "title": "\"><script>alert(1)</script>",
                      "start": "2004-02-25T18:00", "status": "cancelled",
                      "venue": {"name": "<img src=x onerror=alert(1)>"}}]}"##;
        let catalog = crate::load::load(text).catalog;
        let view = opening_view(&catalog, ymd(2004, 2, 1), &[]);
        assert!(!view.contains("<script"), "{view}");
        assert!(!view.contains("<img"), "{view}");
        assert!(!view.contains("<b>"), "{view}");
        assert!(view.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(view.contains("P&amp;&lt;i&gt;Q&lt;/i&gt;"));
        assert!(view.contains("<span class=\"badge cancelled\">中止</span>"));
    }

    #[test]
    fn publishing_twice_gives_the_same_page() {
        let page = "<!doctype html><html><head><title>t</title></head><body>\n  <!-- x -->\n</body></html>";
        let once = into_page(page, "<div id=\"prerender\">A</div>\n").unwrap();
        assert!(once.contains("<body>\n<!-- prerender"));
        assert!(once.contains("<div id=\"prerender\">A</div>\n<!-- /prerender -->\n  <!-- x -->"));
        let again = into_page(&once, "<div id=\"prerender\">A</div>\n").unwrap();
        assert_eq!(again, once);
        let other = into_page(&once, "<div id=\"prerender\">B</div>\n").unwrap();
        assert_eq!(other, once.replace(">A<", ">B<"));
        assert!(into_page("<html></html>", "x").is_err());
    }
}
