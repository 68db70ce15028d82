//! The notice on a link made with model 1: it keeps model 1's numbers, and
//! one click opens the same scenario in model 2 (same levers and assumptions,
//! model 2's defaults for its new keys).

use crate::i18n::Lang;
use crate::state::Action;
use crate::t;
use wlz_scenario::params::KeySet;
use yew::prelude::*;

/// What [`model_notice`] shows.
#[derive(PartialEq)]
pub struct ModelNoticeProps {
    /// The scenario's key set.
    pub key_set: KeySet,
    /// Page language.
    pub lang: Lang,
    /// Sends an action to the reducer.
    pub dispatch: Callback<Action>,
}

/// Shown only for a scenario of an older key set than the current one.
pub fn model_notice(props: &ModelNoticeProps) -> Html {
    if props.key_set >= KeySet::default() {
        return html! {};
    }
    let lang = props.lang;
    let upgrade = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::Upgrade))
    };
    html! {
        <div class="notice model-notice" role="status" data-testid="model-notice">
            <p>{t!(lang, "v1.notice").replace("{version}", props.key_set.model_version())}</p>
            <button type="button" onclick={upgrade} data-testid="upgrade">{t!(lang, "v1.upgrade")}</button>
        </div>
    }
}
