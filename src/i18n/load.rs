//! Loading a language's texts into the release page, which does not carry
//! them (see [`super::packed`]): the start-up script's
//! `window.wlzTexts(code)` gives them (a fetch of `texts-<code>.txt`, or in
//! the standalone file its inlined part), and they are taken only when they
//! are this build's ([`super::packed::check`]).

use super::join::texts_file;
use super::{Lang, packed};
use wasm_bindgen::{JsCast, JsValue};

/// Loads the texts of `lang` unless they are here; the error names the file and why.
pub async fn ensure(lang: Lang) -> Result<(), String> {
    if packed::loaded(lang) {
        return Ok(());
    }
    let fail = |why: String| format!("{}: {why}", texts_file(lang.code()));
    let window = web_sys::window().ok_or_else(|| fail("no window".to_string()))?;
    let loader = js_sys::Reflect::get(&window, &JsValue::from_str("wlzTexts"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| fail("the start-up script defines no wlzTexts".to_string()))?;
    let promise = loader.call1(&window, &JsValue::from_str(lang.code())).map_err(|e| fail(reason(&e)))?;
    let text =
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise)).await.map_err(|e| fail(reason(&e)))?;
    packed::load(lang, text.as_string().ok_or_else(|| fail("not text".to_string()))?)
}

/// The message of a JavaScript error.
fn reason(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "not loaded".to_string())
}

/// Runs `then` once the texts of `lang` are here (at once when they are),
/// else `failed` with the reason.
pub fn when_loaded(lang: Lang, then: impl FnOnce() + 'static, failed: impl FnOnce(String) + 'static) {
    if packed::loaded(lang) {
        then();
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match ensure(lang).await {
            Ok(()) => then(),
            Err(reason) => failed(reason),
        }
    });
}
