//! The offer to switch to a new release: shown when the service worker has
//! installed a new release next to the running one (announced by start.js).

use crate::i18n::{Lang, tr};
use crate::js_bindings;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Window event start.js sends when a new release waits.
pub const UPDATE_EVENT: &str = "wlz-update";

/// Properties of [`UpdateNotice`].
#[derive(Properties, PartialEq)]
pub struct UpdateNoticeProps {
    /// Page language.
    pub lang: Lang,
}

/// A notice with a button that lets the new release take over (the page reloads).
#[function_component(UpdateNotice)]
pub fn update_notice(props: &UpdateNoticeProps) -> Html {
    let waiting = use_state(js_bindings::update_waiting);
    {
        let waiting = waiting.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| waiting.set(true));
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(UPDATE_EVENT, listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(UPDATE_EVENT, listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    if !*waiting {
        return html! {};
    }
    html! {
        <div class="update-notice" role="status" data-testid="update">
            <p>{tr(props.lang, "update.ready")}</p>
            <button type="button" onclick={Callback::from(|_| js_bindings::apply_update())}>{tr(props.lang, "update.apply")}</button>
        </div>
    }
}
