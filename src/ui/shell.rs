//! The page around the views: the site title and language switch, the
//! banner of entries that could not be read, the toolbar, the month or
//! list view, the filter side panel, the event detail dialog, and when
//! the data was last updated (so a page shown offline says how fresh it
//! is). Builds the
//! shared [`Ctx`] from the loaded text and marks the page ready once the
//! first view is drawn.

use super::ctx::{use_ctx, Ctx};
use super::{detail, fetch, filters, list, month, print, rows, sources, subscribe, toolbar};
use crate::jp::format_instant_tokyo;
use crate::load::lean::{decode, Decoded};
use crate::model::month::Month;
use crate::views::months::{month_path, MonthIndex, MonthStore};
use crate::views::route::{editor_link, View, ViewState};
use leptos::prelude::*;

/// What the page starts with.
pub enum Start {
    /// One events file, alone (a preview, `?src=`; or a site without
    /// month files), and the path it was read from.
    Whole { text: String, path: String },
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
    let (decoded, path, statuses, source_problems, months) = match start {
        Start::Whole { text, path } => (decode(&text), path, Vec::new(), Vec::new(), None),
        Start::Months {
            index,
            texts,
            sources,
        } => {
            let (statuses, problems) = sources::statuses(sources);
            let read: Vec<Month> = texts.iter().map(|(m, _)| *m).collect();
            let (decoded, path) = texts.into_iter().next().map_or_else(
                || (Decoded::default(), String::new()),
                |(m, t)| (decode(&t), month_path(m)),
            );
            (
                decoded,
                path,
                statuses,
                problems,
                Some(MonthStore::new(index, &read)),
            )
        }
    };
    provide_context(sources::Sources(StoredValue::new(statuses)));
    let site_name = decoded.catalog.site.name.clone();
    let updated = decoded.catalog.site.updated;
    let ctx = Ctx::new(decoded.catalog, state, months);
    if decoded.unreadable > 0 {
        ctx.data.unreadable.set((decoded.unreadable, Some(path)));
    }
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
            <Unreadable />
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

/// The banner of the entries of the data that could not be read (a file
/// broken or changed by hand: the build writes none), counted; the valid
/// events are shown. The page carries no checker: the link opens the
/// first such file in the editor page, which lists each problem with its
/// place and how to fix it.
#[component]
fn Unreadable() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        ctx.data.unreadable.with(|(n, file)| {
            let n = *n;
            let href = editor_link(file.as_deref()?);
            (n > 0).then(|| {
                view! {
                    <section class="data-error" role="alert" data-testid="data-error">
                        <p>
                            {ctx.tr(crate::model::Text::both(
                                format!("データに読み込めない項目が {n} 件あります（読み込めた予定は表示しています）。"),
                                format!("{n} entries of the data could not be read (the others are shown). "),
                            ))}
                            <a href=href data-testid="data-error-edit">
                                {ctx.tr(("編集ページで確認できます", "The editor page lists them"))}
                            </a>
                        </p>
                    </section>
                }
            })
        })
    }
}
