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
use crate::views::label::download_label;
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
    let counts = Memo::new(move |_| {
        version.track();
        if let Some(whole) = index_counts(ctx, &query.read()) {
            return whole;
        }
        query.with(|q| {
            let filter = Filter {
                projects: ProjectSelection::All,
                query: q.clone(),
            };
            ctx.data.catalog.with_value(|c| {
                let counts = ctx.data.search.with_value(|s| s.project_counts(&filter, c));
                counts.into_iter().map(|(_, n)| n).collect::<Vec<_>>()
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
                        {move || counts.with(|c| c.get(i).copied().unwrap_or(0))}
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
    // data comes from the month index (no search: a search loads all).
    let shown = move || {
        if super::months::is_whole(ctx) || !query.read().trim().is_empty() {
            return ctx.screen.selection.with(|s| s.ids.len());
        }
        counts.with(|c| {
            ctx.data.catalog.with_value(|catalog| {
                ctx.screen.filter.with(|f| {
                    catalog
                        .projects
                        .iter()
                        .zip(c)
                        .filter(|(p, _)| f.project_selected(&p.id))
                        .map(|(_, n)| n)
                        .sum::<usize>()
                })
            })
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
                prop:disabled=move || shown() == 0
                on:click=download
            >
                {move || download_label(shown(), ctx.lang())}
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

/// Each project's events in the whole data, from the month index, while
/// not every month is in and nothing is searched; `None` otherwise.
fn index_counts(ctx: super::ctx::Ctx, query: &str) -> Option<Vec<usize>> {
    if !query.trim().is_empty() || super::months::is_whole(ctx) {
        return None;
    }
    ctx.data.months.with_value(|m| {
        let index = &m.as_ref()?.index;
        Some(ctx.data.catalog.with_value(|c| {
            c.projects
                .iter()
                .map(|p| index.project_events(&p.id))
                .collect()
        }))
    })
}
