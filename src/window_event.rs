//! Listening to an event on `window` for as long as a component is mounted
//! (with `gloo-events`, which removes the listener when it is dropped).

use gloo_events::EventListener;
use yew::prelude::*;

/// Calls `on_event` for every `event` (e.g. `popstate`) on `window` while the
/// calling component is mounted; the listener is removed when it unmounts.
/// The handler given at the first render is the one kept.
#[hook]
pub fn use_window_event<F>(event: &'static str, on_event: F)
where
    F: FnMut(&web_sys::Event) + 'static,
{
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| EventListener::new(&window, event, on_event));
        move || drop(listener)
    });
}
