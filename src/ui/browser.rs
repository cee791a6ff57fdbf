//! Browser plumbing beyond fetching: the address bar (history), the clock,
//! remembered preferences, focus, and downloading a file made in memory.
//!
//! Every `web_sys` call of the app outside `fetch.rs` lives here, so the
//! components read as plain Leptos and a failing browser API degrades to
//! "nothing happens" instead of a panic.

use crate::model::text::Lang;
use chrono::NaiveDate;
use wasm_bindgen::JsCast;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// `location.search`, e.g. `?month=2004-02`.
pub fn search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// `location.href`, the page's own address.
pub fn href() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Puts `query` (`?…` or empty) in the address bar: a new history entry
/// when `push`, else replacing the current one (while typing).
///
/// The write waits for the next task: `pushState` costs Chromium 2–3 ms
/// of synchronous work, and done at once it delays the redrawn grid by
/// that much. Writes keep their order, and [`back`] applies any that are
/// still waiting first, so history is the same as if written at once.
pub fn set_query(query: &str, push: bool) {
    let first = PENDING.with_borrow_mut(|p| {
        p.push((query.to_string(), push));
        p.len() == 1
    });
    if first {
        later(0, flush_history);
    }
}

/// Runs `f` in a task of its own, `ms` milliseconds from now (`setTimeout`).
pub fn later(ms: i32, f: impl FnOnce() + 'static) {
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(w) = window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms);
    }
}

thread_local! {
    /// Address-bar writes not yet made: (query, push).
    static PENDING: std::cell::RefCell<Vec<(String, bool)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Makes the address-bar writes that [`set_query`] deferred, in order.
fn flush_history() {
    let pending = PENDING.with_borrow_mut(std::mem::take);
    let Some(w) = window() else { return };
    let Ok(history) = w.history() else { return };
    for (query, push) in pending {
        let url = if query.is_empty() {
            w.location().pathname().unwrap_or_else(|_| "./".into())
        } else {
            query
        };
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Forgets address-bar writes still waiting: called when the member
/// moves through history (back/forward) before they were made, since
/// they belong to a state that is no longer shown.
pub fn drop_pending_history() {
    PENDING.with_borrow_mut(Vec::clear);
}

/// `history.back()` (after any address-bar write still waiting).
pub fn back() {
    flush_history();
    if let Some(Ok(h)) = window().map(|w| w.history()) {
        let _ = h.back();
    }
}

/// Seconds since the Unix epoch by the page's clock: the only place the
/// app reads it (the browser tests fix it).
fn clock_secs() -> i64 {
    let secs = (js_sys::Date::now() / 1000.0).floor();
    if secs.is_finite() && secs >= 0.0 {
        secs as i64
    } else {
        0
    }
}

/// Today in Tokyo (UTC+9 all year).
pub fn today_tokyo() -> NaiveDate {
    crate::jp::tokyo::today(clock_secs())
}

/// Now in Tokyo (UTC+9 all year), to the minute: whether a sign-up
/// deadline has passed.
pub fn now_tokyo() -> chrono::NaiveDateTime {
    let secs = clock_secs();
    crate::jp::tokyo::local(secs - secs.rem_euclid(60))
}

const LANG_KEY: &str = "iguren-calendar.lang";

/// The language the member chose last time (Japanese at first).
pub fn stored_lang() -> Lang {
    window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|v| Lang::from_code(&v))
        .unwrap_or_default()
}

/// Remembers the language and sets `<html lang>`.
pub fn apply_language(lang: Lang) {
    let code = lang.code();
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
    if let Some(s) = window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(LANG_KEY, code);
    }
}

/// The browser's user agent string.
pub fn user_agent() -> String {
    window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default()
}

/// The element that has focus now (to give it back later).
pub fn active_element() -> Option<web_sys::Element> {
    document()?.active_element()
}

/// Focuses `element` when it is still in the page.
pub fn focus_element(element: &web_sys::Element) -> bool {
    if !element.is_connected() {
        return false;
    }
    element
        .dyn_ref::<web_sys::HtmlElement>()
        .is_some_and(|e| e.focus().is_ok())
}

/// Focuses the first element matching a CSS selector.
pub fn focus(selector: &str) -> bool {
    document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .is_some_and(|e| focus_element(&e))
}

/// Takes the place of the opening view the build pre-rendered into
/// `index.html` (`crate::site::prerender`): removes it, in the same task as the
/// app's first view is drawn, so no frame shows both or neither.
pub fn remove_prerendered() {
    if let Some(e) = document().and_then(|d| d.get_element_by_id("prerender")) {
        e.remove();
    }
}

/// Scrolls the first element matching `selector` into view (nearest edge).
pub fn reveal(selector: &str) {
    if let Some(e) = document().and_then(|d| d.query_selector(selector).ok().flatten()) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        e.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Offers `text` as a file called `name` (a Blob and a temporary
/// `<a download>`).
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(doc) = document() else { return };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            a.remove();
        }
    }
    // Revoke later: some browsers read the blob after click() returns.
    later(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
}

/// Marks the month grid's cells: the cell of `picked` has class `picked`
/// and `aria-selected="true"`, the cell of `focus` is the one in the tab
/// order (roving tabindex); every other cell is unmarked, unselected and
/// focusable by script only. Sets every cell, so cells the grid has just
/// drawn or reused for another date come out right.
pub fn mark_cells(grid: &web_sys::Element, picked: NaiveDate, focus: NaiveDate) {
    let Ok(cells) = grid.query_selector_all("[role=gridcell]") else {
        return;
    };
    let (picked, focus) = (picked.to_string(), focus.to_string());
    for i in 0..cells.length() {
        let Some(cell) = cells
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let date = cell.get_attribute("data-date").unwrap_or_default();
        let is_picked = date == picked;
        let _ = cell.class_list().toggle_with_force("picked", is_picked);
        let _ = cell.set_attribute("aria-selected", if is_picked { "true" } else { "false" });
        let _ = cell.set_attribute("tabindex", if date == focus { "0" } else { "-1" });
    }
}

/// Whether the browser believes it is online (`navigator.onLine`).
pub fn online() -> bool {
    window().is_none_or(|w| w.navigator().on_line())
}
