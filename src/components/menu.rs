//! The toolbar's scenario menu: a button that shows or hides the scenario
//! bar (title, note, presets, compare, link, exports) below the toolbar. It
//! closes itself when the scenario or the comparison changes from inside it
//! (a preset, pinning), so the answer is in view again; Escape closes it too.
//! While closed its content is not rendered again ([`Dormant`]).

use super::dormant::Dormant;
use crate::i18n::Lang;
use crate::t;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Properties of [`Menu`].
#[derive(Properties, PartialEq)]
pub struct MenuProps {
    /// Page language.
    pub lang: Lang,
    /// The menu closes when this changes (the canonical scenario and whether A is pinned).
    pub closes_on: (String, bool),
    /// True once the page has its first result or failure: the closed menu's
    /// content is then mounted ([`Dormant`]).
    pub wake: bool,
    /// The menu's content.
    pub children: Html,
}

fn focus(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// The menu button and its panel.
#[function_component(Menu)]
pub fn menu(props: &MenuProps) -> Html {
    // `_eq`: closing a closed menu (on every slider move) does not render it again.
    let open = use_state_eq(|| false);
    {
        let open = open.clone();
        use_effect_with(props.closes_on.clone(), move |_| open.set(false));
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let onkeydown = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                open.set(false);
                focus("menu-button");
            }
        })
    };
    html! {
        <div class="menu" {onkeydown}>
            <button type="button" id="menu-button" class="menu-button" aria-expanded={open.to_string()}
                aria-controls="scenario-menu" onclick={toggle} aria-label={t!(props.lang, "menu.scenario")}>
                {t!(props.lang, "menu.scenario.short")}<span aria-hidden="true">{if *open { " ▴" } else { " ▾" }}</span>
            </button>
            <div id="scenario-menu" class="menu-panel" hidden={!*open}>
                <Dormant shown={*open} wake={props.wake}>{props.children.clone()}</Dormant>
            </div>
        </div>
    }
}
