//! The core code the web page calls, with no UI around it: loading and
//! checking the data, the view state in the URL, filtering and search,
//! the month grid, the list, holidays and Japanese dates, the .ics files
//! and the add-to-calendar links. `bench/core-size.sh` builds it for
//! wasm32 without the `web` feature and weighs the result, so the size
//! budget can be weighed against what the core alone costs.

use iguren_calendar::model::text::Lang;
use iguren_calendar::{
    ics, jp, load, model, site::publish, views::agenda, views::filter, views::grid, views::links,
    views::route,
};

/// Calls everything the page calls, so none of it is left out of the
/// build; the result only keeps the work from being optimised away.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
pub fn run(text: &str, query: &str, today: &str) -> String {
    let loaded = load::load(text);
    let c = &loaded.catalog;
    let mut out = String::new();
    for d in &loaded.diagnostics {
        out += &format!(
            "{}:{} {} {} {}\n",
            d.line,
            d.column,
            d.path,
            d.message.ja,
            d.message.get(iguren_calendar::model::text::Lang::En)
        );
    }
    let state = route::parse(query);
    out += &route::to_query(&state);
    let f = state.filter();
    let index = filter::SearchIndex::new(c);
    let selection = filter::Selection::new(f.select_indexed(c, &index), c.events.len());
    let selected = &selection.ids;
    for (id, n) in f.project_counts_indexed(c, &index) {
        out += &format!("{id} {n}\n");
    }
    let days = grid::DayIndex::new(&c.events);
    let today = load::parse_date(today).unwrap_or_default();
    let month = state
        .month
        .unwrap_or_else(|| iguren_calendar::views::months::initial_month(&c.events, today));
    for lang in [Lang::Ja, Lang::En] {
        out += &jp::format_month_heading(month, lang);
    }
    for row in grid::month_rows(month, &c.events, &days, |i| selection.keep[i], 3) {
        for s in &row.segments {
            out += &format!("{} {} {} {}\n", s.event, s.lane, s.span, s.start_col);
        }
        for day in row.days {
            for lang in [Lang::Ja, Lang::En] {
                if let Some(h) = jp::holiday(day) {
                    out += h.get(lang);
                }
                out += &jp::format_date(day, lang);
            }
        }
    }
    for scope in [
        agenda::Scope::Upcoming { today },
        agenda::Scope::Past { today },
    ] {
        let page = agenda::agenda(&c.events, selected, scope, 0, 50);
        for item in page.groups.iter().flat_map(|g| &g.items) {
            let e = &c.events[item.event];
            let project = c.project(&e.project).map_or("", |p| &*p.name.ja);
            out += &jp::format_when(&e.when, Lang::Ja, true);
            out += &ics::event_file(c, e);
            out += &links::google(e, project, Some(query));
            out += &links::outlook(e, project, Some(query));
            if let Some(phone) = e.contact.as_ref().and_then(|k| k.phone.as_deref()) {
                out += &links::tel(phone).unwrap_or_default();
            }
            if let Some(address) = e.venue.as_ref().and_then(|v| v.address.as_deref()) {
                out += &links::map_search(address);
            }
            out += &publish::event_path(&e.id);
        }
    }
    let events: Vec<&model::Event> = selected.iter().map(|&i| &c.events[i]).collect();
    out += &publish::selection_file(c, &f, &events);
    let (webcal, google, https) = links::subscribe(query, &publish::all_path());
    out += &webcal;
    out += &google;
    out += &https;
    if links::is_in_app_browser(query) {
        out += "in-app";
    }
    if let Some(updated) = c.site.updated {
        out += &jp::format_instant_tokyo(updated, Lang::Ja);
    }
    out
}
