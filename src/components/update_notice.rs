//! The offer to switch to a new release: shown when the service worker has
//! installed a new release next to the running one (announced by start.js).

use crate::i18n::Lang;
use crate::js_bindings;
use crate::t;
use crate::window_event::use_window_event;
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
        use_window_event(UPDATE_EVENT, move |_| waiting.set(true));
    }
    if !*waiting {
        return html! {};
    }
    html! {
        <div class="update-notice" role="status" data-testid="update">
            <p>{t!(props.lang, "update.ready")}</p>
            <button type="button" onclick={Callback::from(|_| js_bindings::apply_update())}>{t!(props.lang, "update.apply")}</button>
        </div>
    }
}
