//! Browser plumbing: fetching a text file relative to the page, and
//! marking the document ready for tests and benchmarks.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// GETs `path` (relative to the page) as text.
///
/// # Errors
/// A bilingual message when the network fails or the server answers with
/// an error status.
pub async fn text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| {
            format!("{path} を取得できません（ネットワーク） / cannot fetch {path} (network)")
        })?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!(
            "{path}: サーバーの応答 {} / server answered {}",
            response.status(),
            response.status()
        ));
    }
    let body = response.text().map_err(|_| "no body")?;
    let text = JsFuture::from(body)
        .await
        .map_err(|_| format!("{path} を読めません / cannot read {path}"))?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

/// `document.documentElement.dataset.ready = "true"`: the DOM contract's
/// signal that the data is loaded and the first view drawn.
pub fn mark_ready() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = root.dataset().set("ready", "true");
    }
}
