//! A numeric entry field: a text input with a decimal keyboard (`inputmode="decimal"`),
//! showing the value with the page language's decimal mark. What is typed goes to
//! the reducer as text, which reads it with `wlz_scenario::scenario::parse_typed`
//! (`0,3` and `0.3` alike) and says so when it cannot.

use crate::i18n::{Lang, entry_text};
use wlz_scenario::params::ParamSpec;
use yew::prelude::*;

/// What [`number_entry`] shows.
#[derive(PartialEq)]
pub struct NumberEntryProps {
    /// The field's id (its label points at it).
    pub id: AttrValue,
    /// The key's row of the parameter table.
    pub spec: &'static ParamSpec,
    /// The value shown, in URL units.
    pub value: f64,
    /// Page language (its decimal mark).
    pub lang: Lang,
    /// An accessible name, when no `<label>` names the field.
    pub aria_label: Option<AttrValue>,
    /// The id of the message saying why the typed value was refused, while there is one.
    pub error_id: Option<AttrValue>,
    /// Called with the typed text when the field is left or Enter is pressed.
    pub on_type: Callback<String>,
}

/// A numeric entry field.
pub fn number_entry(props: &NumberEntryProps) -> Html {
    let onchange = {
        let on_type = props.on_type.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_type.emit(input.value());
        })
    };
    html! {
        <input type="text" inputmode="decimal" class="entry" id={props.id.clone()} autocomplete="off"
            value={entry_text(props.lang, props.spec, props.value)} {onchange} aria-label={props.aria_label.clone()}
            aria-invalid={props.error_id.is_some().to_string()} aria-describedby={props.error_id.clone()} />
    }
}
