//! The Leptos web app (browser only): the calendar that members open.
//!
//! [`App`] reads the URL, fetches the events file (`events.json`, or a
//! same-origin `?src=`), and shows a loading line, a fetch error with a
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
mod print;
mod rows;
mod shell;
mod sources;
mod subscribe;
mod toolbar;

use crate::model::text::Lang;
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
    // The fetched text or the error, taken (not cloned) by the view that
    // shows it: 8 MB of data should exist once. A plain signal and a task
    // instead of LocalResource + Suspense keeps Leptos' async machinery
    // out of the wasm (about 15 kB).
    let data = RwSignal::new(None::<Result<(String, sources::Fetched), String>>);
    // Other calendars come with the standard data only (not a preview).
    let with_sources = state.src.is_none();
    let (attempt, set_attempt) = signal(0u32);
    Effect::new(move |_| {
        let first = attempt.get() == 0;
        let path = path.clone();
        data.set(None);
        leptos::task::spawn_local(async move {
            let text = fetch::text(&path, first).await;
            let fetched = match (&text, with_sources) {
                (Ok(_), true) => sources::fetch_all().await,
                _ => sources::Fetched::default(),
            };
            data.set(Some(text.map(|t| (t, fetched))));
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
            Some(Ok((text, fetched))) => {
                view! { <shell::Shell text=text state=state.clone() sources=fetched /> }.into_any()
            }
            Some(Err(message)) => {
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
