//! Subscribing to the published feeds (`ics/all.ics`, one per project):
//! a `webcal://` link built from the page's own address (iPhone, Mac,
//! Outlook), Google Calendar's `cid=` link (Android), and the https address
//! to copy. Also the notice for in-app browsers (LINE, Instagram, …) that
//! cannot hand a calendar file to the phone.

use super::browser;
use super::ctx::use_ctx;
use crate::model::Text;
use crate::site::publish::{all_path, project_path};
use crate::views::links::{is_in_app_browser, subscribe};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Says, in an in-app browser, how to get to a real browser; nothing
/// elsewhere.
#[component]
pub fn InAppNotice() -> impl IntoView {
    let ctx = use_ctx();
    is_in_app_browser(&browser::user_agent()).then(|| {
        view! {
            <div class="notice in-app" role="note">
                <p>
                    {ctx.tr(("アプリ内のブラウザ（LINE など）では、カレンダーファイルを開けません。", "This in-app browser (LINE and the like) cannot open calendar files."))}
                </p>
                <p>
                    {ctx.tr(("「ブラウザで開く」: 画面の「⋯」メニューから「ブラウザで開く」（Safari / Chrome）を選んでから追加してください。Google カレンダーのリンクはこのままでも使えます。", "Open in browser: choose \u{201c}Open in browser\u{201d} (Safari / Chrome) from the \u{22ef} menu, then add it there. The Google Calendar link works here too."))}
                </p>
            </div>
        }
    })
}

#[component]
pub fn Subscribe() -> impl IntoView {
    let ctx = use_ctx();
    let page = browser::href();
    let mut feeds: Vec<(Text, String)> =
        vec![(Text::fixed("すべてのイベント", "All events"), all_path())];
    let sources = super::sources::use_sources();
    let has_sources = sources.0.with_value(|s| !s.is_empty());
    if has_sources {
        feeds.push((
            Text::fixed(
                "他地域・他団体を含むすべて",
                "All, with other regions and groups",
            ),
            "ics/federation.ics".to_string(),
        ));
    }
    ctx.data.catalog.with_value(|c| {
        feeds.extend(
            c.projects
                .iter()
                // Sources have no feed of their own here: their origin has.
                .filter(|p| {
                    !sources
                        .0
                        .with_value(|s| crate::sources::merge::is_source(s, &p.id))
                })
                .map(|p| (p.name.clone(), project_path(&p.id))),
        );
    });
    // The feeds' rows are drawn once the panel is first opened. Drawn
    // closed, they were built at the page's start and Chromium still laid
    // them out, in a frame of its own after the first step to another
    // month (about 40 ms at 4x CPU with 61 projects, on that step's path).
    let opened = RwSignal::new(false);
    let rows = move || {
        opened.get().then(|| {
            feeds
                .iter()
                .map(|(name, path)| {
                    let (https, webcal, google) = subscribe(&page, path);
                    let name = ctx.tr(name.clone());
                    view! {
                        <li class="feed">
                            <span class="feed-name">{name}</span>
                            <span class="feed-links">
                                <a href=webcal>{ctx.tr(("購読（iPhone・Mac）", "Subscribe (iPhone, Mac)"))}</a>
                                <a href=google target="_blank" rel="noopener">
                                    {ctx.tr(("Google カレンダー（Android）", "Google Calendar (Android)"))}
                                </a>
                            </span>
                            <input
                                type="text"
                                readonly
                                value=https
                                aria-label=ctx.tr(("購読用アドレス（コピーしてください）", "Feed address (to copy)"))
                                on:focus=move |ev| {
                                    if let Some(input) = ev
                                        .target()
                                        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                                    {
                                        input.select();
                                    }
                                }
                            />
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <details class="subscribe">
            // A click opens it, by the keyboard too (Enter or Space on the summary).
            <summary on:click=move |_| opened.set(true)>
                {ctx.tr(("カレンダーアプリで購読", "Subscribe in your calendar app"))}
            </summary>
            <p class="hint">
                {ctx.tr(("購読すると、予定の追加や変更が自動でスマートフォンのカレンダーに届きます。", "A subscription brings new and changed events to your phone's calendar by itself."))}
            </p>
            <InAppNotice />
            <ul>{rows}</ul>
        </details>
    }
}
