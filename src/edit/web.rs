//! The editor's browser plumbing, and the only place of `src/edit/` that
//! touches `web_sys`: what the device keeps in `localStorage` (per page
//! address: the draft, the file it started from and its `sha`, what was
//! last sent and whether it waits for the site, the repository typed
//! once), the GitHub token in `sessionStorage` only, files picked or
//! dropped, the warning before leaving with unsaved changes, the requests
//! of the GitHub contents API, and the clipboard (which may be missing).

use super::state::{Ed, Opened};
use crate::doc::sync::Kept;
use crate::model::text::Text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn local() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

fn session() -> Option<web_sys::Storage> {
    window()?.session_storage().ok().flatten()
}

/// The storage key of this page's draft (two sites on one host keep apart).
fn key(what: &str) -> String {
    let path = window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    format!("iguren-editor:{path}:{what}")
}

/// A parameter of the page's query (`src=`, `e=`), if any.
pub fn query(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// The page's own address (`location.href`).
pub fn location() -> Option<String> {
    window()?.location().href().ok()
}

/// What the device kept from an earlier visit: the draft and what it
/// stands on (`None` when there is no draft).
pub fn stored() -> Option<Kept> {
    let s = local()?;
    let get = |what: &str| s.get_item(&key(what)).ok().flatten();
    let draft = get("draft")?;
    Some(Kept {
        saved: get("saved").unwrap_or_default(),
        base: get("base").unwrap_or_default(),
        sha: get("sha"),
        before: get("before"),
        draft,
    })
}

/// Keeps the draft and what it stands on in `localStorage` on every
/// change, so that a reload at any moment restores exactly what was typed.
pub fn store_draft_on_change(ed: Ed) {
    Effect::new(move |_| {
        let Some(s) = local() else { return };
        let put = |what: &str, value: Option<&str>| match value {
            Some(v) => s.set_item(&key(what), v).is_ok(),
            None => s.remove_item(&key(what)).is_ok(),
        };
        let fits = ed.text.with(|t| put("draft", Some(t)))
            && ed.base.with(|b| put("base", Some(b)))
            && ed.saved.with(|t| put("saved", Some(t)))
            && ed
                .beside
                .with(|b| put("sha", b.sha.as_deref()) && put("before", b.before.as_deref()));
        if !fits {
            ed.say(
                "下書きをこのブラウザに保存できません（容量不足）。こまめにダウンロードしてください。",
                "The draft cannot be kept in this browser (storage full); download it often.",
                true,
            );
        }
    });
}

/// Forgets the draft (after the maintainer chose to discard it).
pub fn forget_draft() {
    if let Some(s) = local() {
        for what in ["draft", "base", "saved", "sha", "before"] {
            let _ = s.remove_item(&key(what));
        }
    }
}

/// The repository the maintainer typed once on this device.
pub fn remembered_repository() -> Option<String> {
    local()?.get_item(&key("repository")).ok().flatten()
}

/// Remembers (or, with `None`, forgets) the repository typed.
pub fn remember_repository(repo: Option<&str>) {
    if let Some(s) = local() {
        let _ = match repo {
            Some(r) => s.set_item(&key("repository"), r),
            None => s.remove_item(&key("repository")),
        };
    }
}

pub fn reload() {
    if let Some(w) = window() {
        let _ = w.location().reload();
    }
}

/// The browser asks before the page is left with unsaved changes.
pub fn ask_before_leaving(ed: Ed) {
    let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if ed.dirty.get_untracked() {
            ev.prevent_default();
            ev.set_return_value("unsaved");
        }
    });
    on_cleanup(move || handle.remove());
}

/// A yes/no question in the browser's own dialog.
pub fn confirm(question: &str) -> bool {
    window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Opens the first file of a drop.
pub fn dropped_file(ed: Ed, ev: web_sys::DragEvent) {
    ev.prevent_default();
    if let Some(file) = ev
        .data_transfer()
        .and_then(|d| d.files())
        .and_then(|f| f.get(0))
    {
        open_file(ed, file);
    }
}

/// Opens the file picked in an `<input type=file>`.
pub fn picked_file(ed: Ed, ev: &web_sys::Event) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    if let Some(file) = input.files().and_then(|f| f.get(0)) {
        open_file(ed, file);
    }
    input.set_value("");
}

/// A picked or dropped file's bytes; `None` after saying it cannot be read.
async fn read_bytes(ed: Ed, file: &web_sys::File) -> Option<Vec<u8>> {
    match JsFuture::from(file.array_buffer()).await {
        Ok(b) => Some(js_sys::Uint8Array::new(&b).to_vec()),
        Err(_) => {
            let name = file.name();
            ed.say(
                format!("{name} を読めません"),
                format!("cannot read {name}"),
                true,
            );
            None
        }
    }
}

fn open_file(ed: Ed, file: web_sys::File) {
    let name = file.name();
    // A proposal's file goes to the inbox; the draft is untouched.
    if name.starts_with("proposal") && name.to_lowercase().ends_with(".json") {
        return super::inbox::open_file(file);
    }
    // A spreadsheet goes to the import preview; nothing is lost by it.
    if name.to_lowercase().ends_with(".csv") {
        leptos::task::spawn_local(async move {
            let Some(bytes) = read_bytes(ed, &file).await else {
                return;
            };
            match super::sheet::decode(&bytes) {
                Ok(text) => super::sheet::open(ed, name, text),
                Err(m) => ed.say(
                    format!("{name}: {}", m.ja),
                    format!("{name}: {}", m.get(crate::model::text::Lang::En)),
                    true,
                ),
            }
        });
        return;
    }
    if ed.dirty.get_untracked()
        && !confirm(ed.lang.get_untracked().pick(
            "保存していない変更があります。破棄してこのファイルを開きますか？",
            "There are unsaved changes. Discard them and open this file?",
        ))
    {
        return;
    }
    leptos::task::spawn_local(async move {
        let Some(bytes) = read_bytes(ed, &file).await else {
            return;
        };
        match crate::load::utf8(bytes) {
            Ok(text) => {
                let mut opened = Opened::file(&text);
                if opened.notice.is_none() {
                    opened.notice = Some((
                        Text::both(format!("{name} を開きました"), format!("Opened {name}")),
                        false,
                    ));
                }
                ed.replace(opened);
            }
            Err(message) => ed.say(
                format!("{name}: {message}"),
                format!("{name}: {message}"),
                true,
            ),
        }
    });
}

/// Sets the shown value of the form's input named `name`.
pub fn set_input(name: &str, value: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let selector = format!("[data-testid=\"event-form\"] [name=\"{name}\"]");
    if let Some(e) = doc.query_selector(&selector).ok().flatten() {
        if let Some(input) = e.dyn_ref::<web_sys::HtmlInputElement>() {
            input.set_value(value);
        } else if let Some(area) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value(value);
        }
    }
}

const TOKEN: &str = "iguren-editor.token";

/// The GitHub token, kept in this tab's `sessionStorage` only.
pub fn token() -> String {
    session()
        .and_then(|s| s.get_item(TOKEN).ok().flatten())
        .unwrap_or_default()
}

pub fn set_token(token: &str) {
    if let Some(s) = session() {
        let _ = if token.is_empty() {
            s.remove_item(TOKEN)
        } else {
            s.set_item(TOKEN, token)
        };
    }
}

/// A request to the GitHub API with the token; the status and body text.
///
/// # Errors
/// When the network fails (offline, or refused).
pub async fn github(
    method: &str,
    url: &str,
    token: &str,
    body: Option<&str>,
) -> Result<(u16, String), String> {
    let w = window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    init.set_cache(web_sys::RequestCache::NoStore);
    let headers = web_sys::Headers::new().map_err(|_| "headers")?;
    let _ = headers.set("Accept", "application/vnd.github+json");
    let _ = headers.set("Authorization", &format!("Bearer {token}"));
    let _ = headers.set("X-GitHub-Api-Version", "2022-11-28");
    if let Some(body) = body {
        let _ = headers.set("Content-Type", "application/json");
        init.set_body(&wasm_bindgen::JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let response = JsFuture::from(w.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| "network".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    let text = JsFuture::from(response.text().map_err(|_| "no body")?)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_default();
    Ok((response.status(), text))
}

/// Copies text to the clipboard (for GitHub's edit page); whether it
/// worked. Without a clipboard (a plain `http://` page has none) or when
/// the browser refuses, `false`: nothing is thrown.
pub async fn copy(text: &str) -> bool {
    let Some(w) = window() else { return false };
    let navigator = w.navigator();
    let present = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !present {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// Selects the whole text of the textarea `selector` and focuses it (the
/// copy by hand when the clipboard failed).
pub fn select_all(selector: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(area) = doc
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = area.focus();
        area.select();
    }
}

/// Opens an address in a new tab.
pub fn open_tab(url: &str) {
    if let Some(w) = window() {
        let _ = w.open_with_url_and_target(url, "_blank");
    }
}

/// Offers the draft as `events.json`.
pub fn download(text: &str) {
    crate::ui::browser::download("events.json", "application/json", text);
}
