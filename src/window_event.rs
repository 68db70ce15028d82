//! Listening to an event on `window` for as long as a component is mounted.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Calls `on_event` for every `event` (e.g. `popstate`) on `window` while the
/// calling component is mounted; the listener is removed when it unmounts.
/// The handler given at the first render is the one kept.
#[hook]
pub fn use_window_event<F>(event: &'static str, on_event: F)
where
    F: FnMut(web_sys::Event) + 'static,
{
    use_effect_with((), move |_| {
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(on_event);
        let window = web_sys::window();
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = window {
                let _ = w.remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
            }
        }
    });
}
