//! The editor page (`edit/`, its own WebAssembly, entry `src/bin/edit.rs`):
//! where a maintainer adds and changes events from a phone, without git or
//! JSON. Browser only; every rule lives in the core ([`crate::doc`],
//! [`crate::doc::form`], [`crate::doc::draft`], [`crate::doc::write`], [`crate::doc::github`]),
//! and the problems are the checker's own ([`crate::doc::form::check`]).
//!
//! - `state`: the shared handle [`state::Ed`] (the draft document, its
//!   problems, what the device keeps beside it, what is open) and the one
//!   way to change the draft
//! - `web`: the only place here that touches `web_sys` (storage, files,
//!   requests, the clipboard)
//! - `live`: the site's file against what the device kept: what opens,
//!   「公開待ち」 until the site shows what was sent
//! - `sheet`: spreadsheets (CSV) previewed, mapped and merged; CSV out
//! - `list`: the events by month, search, project filter, file problems
//! - `form/`: one event's page, its fields, programme and speakers rows
//! - `actions`: 「次回を作る」 and delete (cancel first)
//! - `preview`: the member page's own detail and month, marked 未公開
//! - `publish`: download, 「GitHubで公開」 (the repository found or asked
//!   once), commit with a token; `review`: the change review (変更点)
//!   before each, and the conflicts to choose; `commit`: the commit's
//!   requests, merging GitHub's newer file
//! - `propose`, `inbox`: 「事務局に送る」 and a proposal received (issue 22)
//! - `recur`: 「くり返し作る」

mod actions;
mod commit;
mod form;
mod inbox;
mod list;
mod live;
mod preview;
mod propose;
mod publish;
mod recur;
mod review;
mod sheet;
mod state;
mod web;

use crate::doc::Doc;
use crate::model::text::Lang;
use crate::ui::{browser, fetch};
use crate::views::route::same_origin_src;
use leptos::prelude::*;
use state::{use_ed, Ed, Opened};

/// The site's own data, next to the member page.
const DATA_PATH: &str = "../events.json";

#[component]
pub fn Editor() -> impl IntoView {
    let lang = RwSignal::new(browser::stored_lang());
    Effect::new(move |_| browser::apply_language(lang.get()));
    let opened = RwSignal::new(None::<Opened>);
    let arrived = RwSignal::new(String::new());
    let path = data_path();
    live::open(path, opened, arrived);
    move || match opened.get() {
        None => view! {
            <main class="ed-app" id="ed-main">
                <h1 class="ed-title">"予定の編集 / Event editor"</h1>
                <p class="ed-loading" role="status">"読み込み中… / Loading…"</p>
            </main>
        }
        .into_any(),
        Some(o) => view! { <Workspace opened=o lang=lang arrived=arrived /> }.into_any(),
    }
}

/// The editor once a document is open.
#[component]
fn Workspace(opened: Opened, lang: RwSignal<Lang>, arrived: RwSignal<String>) -> impl IntoView {
    let ed = Ed::new(opened, lang);
    ed.repo_typed
        .set(web::remembered_repository().unwrap_or_default());
    provide_context(ed);
    web::store_draft_on_change(ed);
    web::ask_before_leaving(ed);
    live::watch(ed, data_path(), arrived);
    Effect::new(move |_| fetch::mark_ready());
    // `?e=<id>` opens that event's form (a link to send a colleague).
    if let Some(id) = web::query("e") {
        let index = ed.doc.with_untracked(|d| {
            crate::doc::form::rows(d, &[], "", None)
                .into_iter()
                .find(|r| r.id == id)
                .map(|r| r.index)
        });
        if let Some(index) = index {
            ed.open(index, None);
        }
    }
    view! {
        <div
            class="ed-app"
            on:dragover=move |ev| ev.prevent_default()
            on:drop=move |ev| web::dropped_file(ed, ev)
        >
            <header class="ed-top">
                <h1 class="ed-title">{ed.tr(("予定の編集", "Event editor"))}</h1>
                <div class="ed-top-links">
                    <a class="ed-button ed-quiet" href="../">{ed.tr(("カレンダーを見る", "Calendar"))}</a>
                    <button
                        type="button"
                        class="ed-button ed-quiet"
                        data-testid="lang"
                        lang=move || ed.lang.get().other().code()
                        on:click=move |_| ed.lang.update(|l| *l = l.other())
                    >
                        {ed.tr(("English", "日本語"))}
                    </button>
                </div>
            </header>
            <Notice />
            <live::SiteState />
            <main class="ed-main" id="ed-main">
                <inbox::Inbox />
                {move || match ed.selected.get() {
                    None => view! { <list::ListPage /> }.into_any(),
                    Some(index) => view! { <form::FormPage index=index /> }.into_any(),
                }}
            </main>
        </div>
    }
}

/// The page's notice line: a restored draft, a saved file, a refusal.
#[component]
fn Notice() -> impl IntoView {
    let ed = use_ed();
    move || {
        ed.notice.get().map(|(text, alert)| {
            let lang = ed.lang.get();
            view! {
                <div
                    class="ed-notice"
                    class:ed-alert=alert
                    role=if alert { "alert" } else { "status" }
                    data-testid="notice"
                >
                    <p>{text.get(lang).to_owned()}</p>
                    <button
                        type="button"
                        class="ed-button ed-quiet"
                        on:click=move |_| ed.notice.set(None)
                    >
                        {lang.pick("閉じる", "Dismiss")}
                    </button>
                </div>
            }
        })
    }
}

/// The site's data file: `?src=<same-site path>`, else the site's own.
fn data_path() -> String {
    web::query("src")
        .and_then(|s| same_origin_src(&s).ok())
        .unwrap_or_else(|| DATA_PATH.to_string())
}

/// An empty document, for a file that could not be read.
fn empty_doc() -> Doc {
    Doc {
        root: crate::doc::Value::object(),
    }
}
