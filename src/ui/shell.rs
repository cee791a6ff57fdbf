//! The page around the views: the site title and language switch, the
//! data-problem banner, the toolbar, the month or list view, the filter
//! side panel, the event detail dialog, and when the data was last
//! updated (so a page shown offline says how fresh it is). Builds the
//! shared [`Ctx`] from the loaded text and marks the page ready once the
//! first view is drawn.

use super::ctx::{use_ctx, Ctx};
use super::{detail, fetch, filters, list, month, print, rows, sources, subscribe, toolbar};
use crate::jp::format_instant_tokyo;
use crate::load::{load, Diagnostic};
use crate::model::month::Month;
use crate::views::months::{MonthIndex, MonthStore};
use crate::views::route::{View, ViewState};
use leptos::prelude::*;

/// At most this many data problems are listed; the rest are counted.
const MAX_PROBLEMS: usize = 50;

/// What the page starts with.
pub enum Start {
    /// One events file, alone (a preview, `?src=`; or a site without
    /// month files).
    Whole { text: String },
    /// The month index and the first month files (the other calendars'
    /// events are in them; `sources` holds their statuses only).
    Months {
        index: MonthIndex,
        texts: Vec<(Month, String)>,
        sources: sources::Fetched,
    },
}

#[component]
pub fn Shell(start: Start, state: ViewState) -> impl IntoView {
    let (mut loaded, statuses, source_problems, months) = match start {
        Start::Whole { text } => (load(&text), Vec::new(), Vec::new(), None),
        Start::Months {
            index,
            texts,
            sources,
        } => {
            let (statuses, problems) = sources::statuses(sources);
            let read: Vec<Month> = texts.iter().map(|(m, _)| *m).collect();
            let mut texts = texts.into_iter();
            let loaded = texts.next().map_or_else(|| load(""), |(_, t)| load(&t));
            (
                loaded,
                statuses,
                problems,
                Some(MonthStore::new(index, &read)),
            )
        }
    };
    provide_context(sources::Sources(StoredValue::new(statuses)));
    let site_name = loaded.catalog.site.name.clone();
    let updated = loaded.catalog.site.updated;
    let diagnostics = std::mem::take(&mut loaded.diagnostics);
    let ctx = Ctx::new(loaded.catalog, state, months);
    provide_context(ctx);
    super::months::watch(ctx);
    let view_kind = Memo::new(move |_| ctx.screen.state.with(|s| s.view));
    // The first view is in the page: it replaces the pre-rendered one.
    Effect::new(move |_| {
        super::browser::remove_prerendered();
        fetch::mark_ready();
    });
    let title = ctx.tr(site_name);
    view! {
        <div class="app" on:click=move |ev| rows::open_event_link(ctx, &ev)>
            <header class="top">
                <div>
                    <h1 class="site-title">{title}</h1>
                    {updated
                        .map(|utc| {
                            view! {
                                <p class="updated" data-testid="updated">
                                    {ctx.tr(("データ最終更新: ", "Data updated: "))}
                                    {move || format_instant_tokyo(utc, ctx.lang())}
                                </p>
                            }
                        })}
                </div>
                <print::PrintQr />
                <button
                    type="button"
                    class="lang"
                    data-testid="lang"
                    lang=move || ctx.lang().other().code()
                    on:click=move |_| ctx.prefs.lang.update(|l| *l = l.other())
                >
                    {ctx.tr(("English", "日本語"))}
                </button>
            </header>
            <Problems diagnostics=diagnostics />
            <super::months::MonthErrors />
            <sources::SourceProblems problems=source_problems />
            <toolbar::Toolbar />
            <div class="layout">
                <main class="main" id="main">
                    {move || match view_kind.get() {
                        View::Month => view! { <month::MonthView /> }.into_any(),
                        View::List => view! { <list::ListView /> }.into_any(),
                    }}
                </main>
                <aside class="side">
                    <filters::Filters />
                    <subscribe::Subscribe />
                </aside>
            </div>
            <detail::Detail />
        </div>
    }
}

/// The banner listing what is wrong with the data file, as the loader
/// says it; nothing when the data is clean.
#[component]
fn Problems(diagnostics: Vec<Diagnostic>) -> impl IntoView {
    let ctx = use_ctx();
    if diagnostics.is_empty() {
        return None;
    }
    let more = diagnostics.len().saturating_sub(MAX_PROBLEMS);
    let items = diagnostics
        .into_iter()
        .take(MAX_PROBLEMS)
        .map(|d| {
            let path = if d.path.is_empty() {
                "/".to_string()
            } else {
                d.path
            };
            view! {
                <li>
                    <code>{format!("{}:{} {}", d.line, d.column, path)}</code>
                    " "
                    <span lang="ja">{d.message.ja.to_string()}</span>
                    {d.message.en.map(|en| view! { " / " <span lang="en">{en.to_string()}</span> })}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="data-error" role="alert" data-testid="data-error">
            <h2>
                {ctx.tr((
                    "データに問題があります（問題のない予定は表示しています）",
                    "The data has problems (the valid events are shown)",
                ))}
            </h2>
            <ul>{items}</ul>
            {(more > 0).then(|| view! { <p>{format!("ほか {more} 件 / {more} more")}</p> })}
            <p>
                <a href="edit/">
                    {ctx.tr((
                        "編集ページで、問題ごとに何がいけないかと直し方を確かめられます",
                        "The editor page says what is wrong with each and how to fix it",
                    ))}
                </a>
            </p>
        </section>
    })
}
