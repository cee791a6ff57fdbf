//! The Leptos web app (browser only): loads `events.json`, shows data
//! problems in a banner and the events that loaded.
//!
//! Components stay thin: all logic lives in the core modules. This first
//! page lists the events; the calendar views build on it.

mod fetch;

use crate::load::{load, Loaded};
use crate::model::{Catalog, Event, When};
use leptos::prelude::*;

/// Where the data comes from: `events.json` beside the page.
const DATA_PATH: &str = "events.json";

#[component]
pub fn App() -> impl IntoView {
    let (attempt, set_attempt) = signal(0u32);
    let data = LocalResource::new(move || {
        attempt.track();
        fetch::text(DATA_PATH)
    });
    view! {
        <main class="app">
            <h1 class="site-title">"かながわ異グ連 イベントカレンダー"</h1>
            <Suspense fallback=|| view! { <p class="loading" role="status">"読み込み中… / Loading…"</p> }>
                {move || {
                    data.get().map(|result| match result {
                        Ok(text) => view! { <Loaded loaded=load(&text) /> }.into_any(),
                        Err(message) => {
                            fetch::mark_ready();
                            view! {
                                <div class="fetch-error" role="alert" data-testid="data-error">
                                    <p>"データを読み込めませんでした。/ The data could not be loaded."</p>
                                    <p class="detail">{message}</p>
                                    <button on:click=move |_| set_attempt.update(|n| *n += 1)>
                                        "再読み込み / Retry"
                                    </button>
                                </div>
                            }
                            .into_any()
                        }
                    })
                }}
            </Suspense>
        </main>
    }
}

#[component]
fn Loaded(loaded: Loaded) -> impl IntoView {
    let Loaded {
        catalog,
        diagnostics,
    } = loaded;
    let problems = (!diagnostics.is_empty()).then(|| {
        view! {
            <section class="data-error" role="alert" data-testid="data-error">
                <h2>"データに問題があります / The data has problems"</h2>
                <ul>
                    {diagnostics
                        .into_iter()
                        .map(|d| {
                            view! {
                                <li>
                                    <code>{format!("{}:{} {}", d.line, d.column, d.path)}</code>
                                    " "
                                    <span lang="ja">{d.ja}</span>
                                    " / "
                                    <span lang="en">{d.en}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    });
    let mut events: Vec<Event> = catalog.events.clone();
    events.sort_by_key(|e| (e.when.first_day(), e.id.clone()));
    let items = events
        .into_iter()
        .map(|e| view! { <EventItem event=e catalog=catalog.clone() /> })
        .collect_view();
    Effect::new(move |_| fetch::mark_ready());
    view! {
        {problems}
        <ul class="event-list" data-testid="list-view">{items}</ul>
    }
}

#[component]
fn EventItem(event: Event, catalog: Catalog) -> impl IntoView {
    let project = catalog.project(&event.project).cloned();
    let color = project
        .as_ref()
        .map(|p| p.color.clone())
        .unwrap_or_default();
    let project_name = project.map(|p| p.name.ja).unwrap_or_default();
    let date = match event.when {
        When::AllDay { start, end } if start != end => format!("{start} 〜 {end}"),
        When::AllDay { start, .. } => start.to_string(),
        When::Timed { start, end } => match end {
            Some(end) => format!("{} 〜 {}", start.format_hm(), end.format_hm()),
            None => start.format_hm(),
        },
    };
    view! {
        <li class="event" data-event-id=event.id.clone() style=format!("border-left-color:{color}")>
            <span class="when">{date}</span>
            <strong class="title">{event.title.clone()}</strong>
            <span class="project">{project_name}</span>
        </li>
    }
}

/// `2004-02-25 18:00` without chrono's formatting machinery.
trait FormatHm {
    fn format_hm(&self) -> String;
}

impl FormatHm for chrono::NaiveDateTime {
    fn format_hm(&self) -> String {
        use chrono::Timelike;
        format!("{} {:02}:{:02}", self.date(), self.hour(), self.minute())
    }
}
