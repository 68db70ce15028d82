//! # wlz-app
//!
//! The browser front end: renders [`state::State`] and sends every
//! computation to a Web Worker ([`worker`]); it computes nothing itself.
//! The numbers come from `wlz-engine`.

pub mod bridge;
pub mod components;
pub mod i18n;
pub mod js_bindings;
pub mod memo;
pub mod messages;
pub mod narrow;
pub mod panel;
pub mod share;
pub mod state;
pub mod url_sync;
pub mod window_event;
pub mod worker_slot;

/// Mounts the page on `<body>` once the texts of its language are here (the
/// release page loads them: [`i18n::when_loaded`]); when they cannot be
/// loaded, the start-up script shows why, in both languages.
pub fn start() {
    let lang = state::lang_of_query(&url_sync::initial_query());
    let mount = || {
        yew::Renderer::<components::app::App>::new().render();
    };
    i18n::when_loaded(lang, mount, |reason| boot_failed(&reason));
}

/// Has the start-up script (`window.wlzBootFailed`) show that the page could not start, and why.
fn boot_failed(reason: &str) {
    use wasm_bindgen::{JsCast, JsValue};
    let shown = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("wlzBootFailed")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .map(|show| show.call1(&JsValue::NULL, &JsValue::from_str(reason)));
    if shown.is_none() {
        // A start-up script without it (an older one from a cache): the reason alone, never a blank page.
        web_sys::console::error_1(&JsValue::from_str(reason));
        let document = web_sys::window().and_then(|w| w.document());
        if let Some((document, body)) = document.and_then(|d| d.body().map(|b| (d, b)))
            && let Ok(message) = document.create_element("p")
        {
            let _ = message.set_attribute("role", "alert");
            message.set_text_content(Some(reason));
            let _ = body.append_child(&message);
        }
    }
}
