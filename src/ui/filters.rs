//! The side panel's filters: the search box, one checkbox per project (in
//! its colour, with how many events match the search), all / none, and
//! the download of the events now shown as one `.ics` file. Every change
//! goes into the URL; the search box replaces the history entry while
//! typing instead of adding one per key.

use super::browser;
use super::ctx::{use_ctx, Nav};
use crate::model::{Event, Text};
use crate::site::publish::selection_file;
use crate::views::filter::{Filter, ProjectSelection};
use crate::views::label::{download_label, download_label_counting};
use crate::views::months::MonthStore;
use crate::views::search_index::SearchIndexState;
use leptos::prelude::*;

#[component]
pub fn Filters() -> impl IntoView {
    let ctx = use_ctx();
    let projects: Vec<(String, Text, String)> = ctx.data.catalog.with_value(|c| {
        c.projects
            .iter()
            .map(|p| (p.id.clone(), p.name.clone(), p.color.clone()))
            .collect()
    });
    // The counts depend on the search text only, not on which projects are
    // ticked: a checkbox toggle must not recount 10,000 events.
    let query = Memo::new(move |_| ctx.screen.state.with(|s| s.query.clone()));
    let version = ctx.data.version;
    // `None` while the whole data's counts are on their way (shown "…").
    let counts = Memo::new(move |_| {
        version.track();
        match whole_counts(ctx, &query.read()) {
            Whole::Index(counts) => return Some(counts),
            Whole::Coming => return None,
            Whole::Loaded => {}
        }
        query.with(|q| {
            let filter = Filter {
                projects: ProjectSelection::All,
                query: q.clone(),
            };
            ctx.data.catalog.with_value(|c| {
                let counts = ctx.data.search.with_value(|s| s.project_counts(&filter, c));
                Some(counts.into_iter().map(|(_, n)| n).collect::<Vec<_>>())
            })
        })
    });
    let toggle = move |id: String, on: bool| {
        ctx.go(Nav::Push, |s| {
            s.projects = ctx
                .data
                .catalog
                .with_value(|c| s.projects.toggled(c, &id, on));
        })
    };
    // Our projects first; then the other calendars (sources), which the
    // merged catalogue holds as projects too.
    let sources = super::sources::use_sources();
    let is_source = |id: &str| {
        sources
            .0
            .with_value(|s| crate::sources::merge::is_source(s, id))
    };
    let checkbox = move |i: usize, id: String, name: Text, color: String, source: bool| {
        let checked_id = id.clone();
        let change_id = id.clone();
        let name = ctx.tr(name);
        let (project_id, source_id) = if source {
            (None, Some(id.clone()))
        } else {
            (Some(id.clone()), None)
        };
        view! {
            <li>
                <label class="project">
                    <input
                        type="checkbox"
                        data-project-id=project_id
                        data-source-id=source_id
                        style=format!("accent-color:{color}")
                        prop:checked=move || ctx.screen.filter.with(|f| f.project_selected(&checked_id))
                        on:change=move |ev| toggle(change_id.clone(), event_target_checked(&ev))
                    />
                    <span class="chip" style=format!("background:{color}") aria-hidden="true"></span>
                    <span class="name">{name}</span>
                    <span class="count">
                        {move || {
                            counts
                                .with(|c| {
                                    c.as_ref().map(|c| c.get(i).copied().unwrap_or(0).to_string())
                                })
                                .unwrap_or_else(|| "…".into())
                        }}
                    </span>
                </label>
                {source.then(|| view! { <super::sources::StaleNotice id=id /> })}
            </li>
        }
    };
    let (mut boxes, mut source_boxes) = (Vec::new(), Vec::new());
    for (i, (id, name, color)) in projects.into_iter().enumerate() {
        if is_source(&id) {
            source_boxes.push(checkbox(i, id, name, color, true));
        } else {
            boxes.push(checkbox(i, id, name, color, false));
        }
    }
    let source_group = (!source_boxes.is_empty()).then(|| {
        view! {
            <fieldset class="projects sources" data-testid="source-filters">
                <legend>{ctx.tr(("他地域・他団体", "Other regions and groups"))}</legend>
                <ul>{source_boxes}</ul>
            </fieldset>
        }
    });
    // Before every month is in, how many the selection holds in the whole
    // data is the sum of the ticked projects' counts (from the month
    // index, or the search index with a search); `None` while they come.
    let shown = move || {
        if super::months::is_whole(ctx) {
            return Some(ctx.screen.selection.with(|s| s.ids.len()));
        }
        counts.with(|c| {
            let c = c.as_ref()?;
            Some(ctx.data.catalog.with_value(|catalog| {
                ctx.screen.filter.with(|f| {
                    catalog
                        .projects
                        .iter()
                        .zip(c)
                        .filter(|(p, _)| f.project_selected(&p.id))
                        .map(|(_, n)| n)
                        .sum::<usize>()
                })
            }))
        })
    };
    let download = move |_| super::months::ask_all_then(ctx, move || download_now(ctx));
    view! {
        <section class="filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="side-title">{ctx.tr(("絞り込み", "Filter"))}</h2>
            <label class="search">
                <span>{ctx.tr(("検索（題名・会場・講師・内容）", "Search (title, venue, speakers, text)"))}</span>
                <input
                    type="search"
                    data-testid="search"
                    prop:value=move || ctx.screen.state.with(|s| s.query.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        ctx.go(Nav::Replace, |s| s.query = text);
                    }
                />
            </label>
            <fieldset class="projects">
                <legend>{ctx.tr(("プロジェクト・研究会", "Projects and groups"))}</legend>
                <div class="all-none">
                    <button
                        type="button"
                        on:click=move |_| ctx.go(Nav::Push, |s| s.projects = ProjectSelection::All)
                    >
                        {ctx.tr(("すべて", "All"))}
                    </button>
                    <button
                        type="button"
                        on:click=move |_| {
                            ctx.go(Nav::Push, |s| s.projects = ProjectSelection::Only(Vec::new()))
                        }
                    >
                        {ctx.tr(("なし", "None"))}
                    </button>
                </div>
                <ul>{boxes}</ul>
            </fieldset>
            {source_group}
            <button
                type="button"
                class="download"
                prop:disabled=move || shown() == Some(0)
                on:click=download
            >
                {move || match shown() {
                    Some(n) => download_label(n, ctx.lang()),
                    None => download_label_counting(ctx.lang()),
                }}
            </button>
        </section>
    }
}

/// Downloads the events now selected as one `.ics` file.
fn download_now(ctx: super::ctx::Ctx) {
    let text = ctx.screen.selection.with_untracked(|sel| {
        ctx.data.catalog.with_value(|c| {
            let events: Vec<&Event> = sel.ids.iter().filter_map(|&i| c.events.get(i)).collect();
            ctx.screen
                .filter
                .with_untracked(|f| selection_file(c, f, &events))
        })
    });
    browser::download("iguren-events.ics", "text/calendar;charset=utf-8", &text);
}

/// Where the filter panel's counts come from.
enum Whole {
    /// The whole data's, from an index (every month not yet in).
    Index(Vec<usize>),
    /// The whole data's are on their way.
    Coming,
    /// Count the loaded events: every month is in, or nothing more is
    /// coming (a month that failed is named in the banner).
    Loaded,
}

/// Each project's events in the whole data while not every month is in:
/// from the month index without a search, from the search index with
/// one. A member reads the number beside a project as "this many in the
/// calendar", so while the search index (or, when it fails, every
/// month) is on its way the counts say "…" rather than the loaded
/// months' numbers, which would be too low and then jump.
fn whole_counts(ctx: super::ctx::Ctx, query: &str) -> Whole {
    if super::months::is_whole(ctx) {
        return Whole::Loaded;
    }
    let ids = || {
        ctx.data
            .catalog
            .with_value(|c| c.projects.iter().map(|p| p.id.clone()).collect::<Vec<_>>())
    };
    if query.trim().is_empty() {
        return ctx.data.months.with_value(|m| match m {
            Some(m) => Whole::Index(ids().iter().map(|p| m.index.project_events(p)).collect()),
            None => Whole::Loaded,
        });
    }
    ctx.data.search_file.with_value(|s| match s {
        SearchIndexState::In(file) => {
            let ids = ids();
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            Whole::Index(file.project_counts(query, &ids))
        }
        SearchIndexState::Failed
            if ctx
                .data
                .months
                .with_value(|m| m.as_ref().is_none_or(MonthStore::settled)) =>
        {
            Whole::Loaded
        }
        _ => Whole::Coming,
    })
}
