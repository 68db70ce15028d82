//! The long panels as tabs (WAI-ARIA tabs pattern): a tab list with arrow-key
//! navigation and one panel shown at a time. Every panel stays mounted (the
//! others are `hidden`), so a form keeps what was typed when the tab changes;
//! a hidden panel is not rendered again until it opens ([`Dormant`]), so a
//! slider move or a result does not redo the panels nobody sees.

use super::dormant::Dormant;
use crate::i18n::{Lang, tr};
use crate::panel::Panel;
use crate::t;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What [`tabs`] shows.
#[derive(PartialEq)]
pub struct TabsProps {
    /// The open panel.
    pub open: Panel,
    /// Page language.
    pub lang: Lang,
    /// Called with the panel to open.
    pub on_open: Callback<Panel>,
    /// True once the page has its first result or failure: the panels never
    /// opened are then mounted ([`Dormant`]).
    pub wake: bool,
    /// One child per panel of [`Panel::ALL`], in that order.
    pub children: Vec<Html>,
}

/// Moves the focus to the tab of `panel` (after an arrow key).
fn focus_tab(panel: Panel) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("tab-{}", panel.code())));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// The tab list and the panels.
pub fn tabs(props: &TabsProps) -> Html {
    let lang = props.lang;
    let onkeydown = {
        let (on_open, open) = (props.on_open.clone(), props.open);
        Callback::from(move |e: KeyboardEvent| {
            let at = Panel::ALL.iter().position(|p| *p == open).unwrap_or(0);
            let last = Panel::ALL.len() - 1;
            let next = match e.key().as_str() {
                "ArrowRight" => {
                    if at == last {
                        0
                    } else {
                        at + 1
                    }
                }
                "ArrowLeft" => {
                    if at == 0 {
                        last
                    } else {
                        at - 1
                    }
                }
                "Home" => 0,
                "End" => last,
                _ => return,
            };
            e.prevent_default();
            on_open.emit(Panel::ALL[next]);
            focus_tab(Panel::ALL[next]);
        })
    };
    let tab = |panel: Panel| {
        let selected = panel == props.open;
        let on_open = props.on_open.clone();
        html! {
            <button type="button" role="tab" id={format!("tab-{}", panel.code())} aria-selected={selected.to_string()}
                aria-controls={format!("panel-{}", panel.code())} tabindex={if selected { "0" } else { "-1" }}
                onclick={Callback::from(move |_| on_open.emit(panel))}>
                {tr(lang, &panel.label_key())}
            </button>
        }
    };
    html! {
        <section class="tabs" aria-label={t!(lang, "tabs.label")}>
            <div class="tab-list" role="tablist" aria-label={t!(lang, "tabs.label")} {onkeydown}>
                {for Panel::ALL.into_iter().map(tab)}
            </div>
            {for Panel::ALL.into_iter().zip(props.children.iter()).map(|(panel, child)| html! {
                <div class="tab-panel" role="tabpanel" id={format!("panel-{}", panel.code())}
                    aria-labelledby={format!("tab-{}", panel.code())} hidden={panel != props.open} tabindex="0">
                    <Dormant shown={panel == props.open} wake={props.wake}>{child}</Dormant>
                </div>
            })}
        </section>
    }
}
