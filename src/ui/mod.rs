//! The Leptos web app (browser only): the calendar that members open.
//!
//! [`App`] reads the URL, fetches the data (the month index and the
//! opening month, `months`; a same-origin `?src=` file whole; `events.json`
//! whole when the site has no month files), and shows a loading line, a fetch error with a
//! retry button, or the calendar. Components stay thin: the logic lives in
//! the core modules (`grid`, `agenda`, `filter`, `route`, `jp`, `ics`).
//!
//! - `ctx`: shared state, by concern: the data, what is on screen (view
//!   state = URL query, memos), preferences (language)
//! - `browser`, `fetch`: the only places that touch `web_sys`
//! - `shell`: page layout, data-problem banner
//! - `toolbar`, `filters`, `month` (grid, week, bar), `day`, `list`, `rows`,
//!   `detail`, `subscribe`: one job each

pub(crate) mod browser;
pub(crate) mod ctx;
mod day;
pub(crate) mod detail;
pub(crate) mod fetch;
mod filters;
mod list;
pub(crate) mod month;
pub(crate) mod months;
mod print;
mod rows;
mod shell;
mod sources;
mod subscribe;
mod toolbar;

use crate::model::month::Month;
use crate::model::text::Lang;
use crate::views::months::{month_path, MonthIndex, INDEX_PATH};
use crate::views::route::{parse, same_origin_src};
use leptos::prelude::*;

/// Where the data comes from when the URL names no `src=`.
const DATA_PATH: &str = "events.json";

#[component]
pub fn App() -> impl IntoView {
    let state = parse(&browser::search());
    browser::apply_language(browser::stored_lang());
    let source = match state.src.as_deref() {
        None => Ok(DATA_PATH.to_string()),
        Some(src) => same_origin_src(src),
    };
    let path = match source {
        Ok(path) => path,
        Err(message) => {
            let (ja, en) = (
                message.get(Lang::Ja).to_owned(),
                message.get(Lang::En).to_owned(),
            );
            fetch::mark_ready();
            return view! {
                <main class="app">
                    <div class="fetch-error" role="alert" data-testid="data-error">
                        <p lang="ja">{ja}</p>
                        <p lang="en">{en}</p>
                        <p><a href="./">"標準のデータを開く / Open the standard data"</a></p>
                    </div>
                </main>
            }
            .into_any();
        }
    };
    // The fetched data or the error, taken (not cloned) by the view that
    // shows it: 8 MB of data should exist once. A plain signal and a task
    // instead of LocalResource + Suspense keeps Leptos' async machinery
    // out of the wasm (about 15 kB).
    let data = RwSignal::new(None::<Result<shell::Start, String>>);
    // The page's own data comes by month, with the other calendars merged
    // in by the build; a preview (`?src=`) reads one whole file, without
    // the other calendars (and so does a site without month files).
    let by_month = state.src.is_none();
    let opening = state.month;
    let (attempt, set_attempt) = signal(0u32);
    Effect::new(move |_| {
        let first = attempt.get() == 0;
        let path = path.clone();
        data.set(None);
        leptos::task::spawn_local(async move {
            let start = match by_month.then_some(()) {
                Some(()) => match open_months(opening, first).await {
                    Some((index, texts)) => Ok(shell::Start::Months {
                        index,
                        texts,
                        sources: sources::fetch_status().await,
                    }),
                    None => whole(&path, first).await,
                },
                None => whole(&path, first).await,
            };
            data.set(Some(start));
        });
    });
    (move || {
        data.track();
        match data.try_update_untracked(Option::take).flatten() {
            None => view! {
                <main class="app">
                    <p class="loading" role="status">"読み込み中… / Loading…"</p>
                </main>
            }
            .into_any(),
            Some(Ok(start)) => {
                view! { <shell::Shell start=start state=state.clone() /> }.into_any()
            }
            Some(Err(message)) => {
                // The error in the pre-rendered view's place, not below it.
                browser::remove_prerendered();
                fetch::mark_ready();
                view! {
                    <main class="app">
                        <div class="fetch-error" role="alert" data-testid="data-error">
                            <p>"データを読み込めませんでした。/ The data could not be loaded."</p>
                            <p class="detail">{message}</p>
                            <button type="button" on:click=move |_| set_attempt.update(|n| *n += 1)>
                                "再読み込み / Retry"
                            </button>
                        </div>
                    </main>
                }
                .into_any()
            }
        }
    })
    .into_any()
}

/// One whole events file.
async fn whole(path: &str, first: bool) -> Result<shell::Start, String> {
    Ok(shell::Start::Whole {
        text: fetch::text(path, first).await?,
        path: path.to_string(),
    })
}

/// The month index and the month the page opens on (`month`, else the
/// index's [`MonthIndex::initial`]); when that month has no file, the
/// one the data opens on, for the site and the projects. `None` when the
/// site has no usable index (a site built before month files, or one
/// without events) or that month cannot be read: the page reads
/// `events.json` whole, which holds every event.
async fn open_months(
    month: Option<Month>,
    first: bool,
) -> Option<(MonthIndex, Vec<(Month, String)>)> {
    let index = MonthIndex::parse(&fetch::text(INDEX_PATH, first).await.ok()?).ok()?;
    let initial = index.initial(browser::today_tokyo());
    let opening = month.unwrap_or(initial);
    let read = if index.has(opening) {
        opening
    } else if index.has(initial) {
        initial
    } else {
        index.months.first()?.month
    };
    let text = fetch::text(&month_path(read), first).await.ok()?;
    Some((index, vec![(read, text)]))
}
