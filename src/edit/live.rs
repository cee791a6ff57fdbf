//! The site's `events.json` against what this device kept
//! ([`crate::doc::sync`] decides): which to open when the page loads, and
//! while a download or commit waits for the site, 「公開待ち」 until the
//! site shows it (checked when the page opens and every minute), then
//! that it is live. The line that says so is [`SiteState`].

use super::state::{use_ed, Ed, Live, Opened};
use super::web;
use crate::doc::sync::{on_site, Arrival, Kept};
use crate::ui::fetch;
use leptos::prelude::*;
use std::time::Duration;

/// How often the site is asked again while a send waits.
const EVERY: Duration = Duration::from_secs(60);

/// Opens the editor's document: what the device kept, at once, when it
/// holds edits or a send the site may not show yet (then the site's file,
/// when it comes, goes to `arrived`; empty until then); else the site's file at `path`, or
/// what was kept when the site cannot be reached.
pub fn open(path: String, opened: RwSignal<Option<Opened>>, arrived: RwSignal<String>) {
    let kept = web::stored();
    let first = kept
        .clone()
        .filter(Kept::restore_first)
        .and_then(Opened::restored);
    let restored = first.is_some();
    if first.is_some() {
        opened.set(first);
    }
    leptos::task::spawn_local(async move {
        let result = fetch::text(&path, false).await;
        if restored {
            if let Ok(text) = result {
                arrived.set(text);
            }
            return;
        }
        opened.set(Some(match result {
            Ok(text) => Opened::file(&text),
            Err(message) => kept
                .and_then(Opened::restored)
                .unwrap_or_else(|| Opened::failed(message)),
        }));
    });
}

/// Compares the site's file with what the device keeps, as it arrives,
/// and asks the site again every minute while a send waits.
pub fn watch(ed: Ed, path: String, arrived: RwSignal<String>) {
    Effect::new(move |_| {
        arrived.with(|text| {
            if !text.is_empty() {
                compare(ed, text);
            }
        });
    });
    let handle = set_interval_with_handle(
        move || {
            if !ed.waiting() {
                return;
            }
            let path = path.clone();
            leptos::task::spawn_local(async move {
                if let Ok(text) = fetch::text(&path, false).await {
                    arrived.set(text);
                }
            });
        },
        EVERY,
    );
    if let Ok(handle) = handle {
        on_cleanup(move || handle.clear());
    }
}

fn compare(ed: Ed, site: &str) {
    match on_site(Some(&ed.kept()), site) {
        // Nothing is ever dropped here: the kept copy stays.
        Arrival::Open | Arrival::Keep | Arrival::KeepWaiting => {}
        Arrival::KeepLive => {
            ed.beside.update(|b| b.before = None);
            ed.live.set(Live::CaughtUp);
        }
        Arrival::OpenLive => {
            ed.replace(Opened::file(site));
            ed.live.set(Live::CaughtUp);
        }
    }
}

/// 「公開待ち」 while the site shows an older version; then that it is live.
#[component]
pub fn SiteState() -> impl IntoView {
    let ed = use_ed();
    move || {
        let (ja, en, hint_ja, hint_en) = match ed.live.get() {
            Live::Quiet => return None,
            Live::Waiting => (
                "公開待ち：サイトの更新を待っています",
                "Waiting to go live: the site has not updated yet",
                "カレンダーはまだ前の版を表示しています。この端末には送った内容が残っているので、このまま編集を続けられます。",
                "The calendar still shows the previous version. What you sent stays on this device, so you can keep editing.",
            ),
            Live::CaughtUp => (
                "公開されました：サイトに反映済みです",
                "Live: the site shows your changes",
                "カレンダーに反映されました。",
                "The calendar shows them now.",
            ),
        };
        let lang = ed.lang.get();
        Some(view! {
            <div
                class="ed-site-state"
                class:ed-waiting=ed.live.get() == Live::Waiting
                role="status"
                data-testid="site-state"
            >
                <p><strong>{lang.pick(ja, en)}</strong></p>
                <p class="ed-hint">{lang.pick(hint_ja, hint_en)}</p>
            </div>
        })
    }
}
