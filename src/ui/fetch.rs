//! Browser plumbing: fetching a text file relative to the page, and
//! marking the document ready for tests and benchmarks.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// GETs `path` (relative to the page) as text. On the first attempt it
/// takes the response that `preload-data.js` started for the same path
/// while the WebAssembly was loading.
///
/// The body is read as bytes and checked as UTF-8 here: reading it as a
/// JS string would decode 8 MB to UTF-16 and copy it back into wasm.
///
/// # Errors
/// A bilingual message when the network fails, the server answers with
/// an error status, or the file is not UTF-8.
pub async fn text(path: &str, first_attempt: bool) -> Result<String, String> {
    let preloaded = if first_attempt {
        preloaded(path).await
    } else {
        None
    };
    let (ok, status, bytes) = match preloaded {
        Some(answer) => answer,
        None => fetch_bytes(path).await?,
    };
    if !ok {
        return Err(format!(
            "{path}: サーバーの応答 {status} / server answered {status}"
        ));
    }
    crate::load::utf8(bytes).map_err(|message| format!("{path}: {message}"))
}

type Answer = (bool, u16, Vec<u8>);

/// The answer `preload-data.js` got for `path`, if it started one and it
/// did not fail on the network (`window.__igurenData[path]`).
async fn preloaded(path: &str) -> Option<Answer> {
    let window = web_sys::window()?;
    let slots = js_sys::Reflect::get(&window, &"__igurenData".into()).ok()?;
    let promise: js_sys::Promise = js_sys::Reflect::get(&slots, &path.into())
        .ok()?
        .dyn_into()
        .ok()?;
    // Taken once: a retry fetches afresh.
    let slots: js_sys::Object = slots.dyn_into().ok()?;
    let _ = js_sys::Reflect::delete_property(&slots, &path.into());
    let answer = JsFuture::from(promise).await.ok()?;
    let ok = js_sys::Reflect::get(&answer, &"ok".into())
        .ok()?
        .as_bool()?;
    let status = js_sys::Reflect::get(&answer, &"status".into())
        .ok()?
        .as_f64()? as u16;
    let bytes = js_sys::Reflect::get(&answer, &"bytes".into()).ok()?;
    Some((ok, status, js_sys::Uint8Array::new(&bytes).to_vec()))
}

async fn fetch_bytes(path: &str) -> Result<Answer, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| {
            format!("{path} を取得できません（ネットワーク） / cannot fetch {path} (network)")
        })?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    let body = response.array_buffer().map_err(|_| "no body")?;
    let bytes = JsFuture::from(body)
        .await
        .map_err(|_| format!("{path} を読めません / cannot read {path}"))?;
    Ok((
        response.ok(),
        response.status(),
        js_sys::Uint8Array::new(&bytes).to_vec(),
    ))
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
