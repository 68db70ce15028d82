//! One lever: a slider and a typed numeric entry, with today's value and its source.

use crate::i18n::{Lang, tr};
use wlz_engine::params::{self, Key};
use wlz_engine::problem::Problem;
use yew::prelude::*;

/// Properties of [`Lever`].
#[derive(Properties, PartialEq)]
pub struct LeverProps {
    /// The lever's key.
    pub key_: Key,
    /// Its value in URL units (percent).
    pub value: f64,
    /// Page language.
    pub lang: Lang,
    /// A rejected typed value for this lever, if any.
    pub problem: Option<Problem>,
    /// Called with a slider value.
    pub on_set: Callback<(Key, f64)>,
    /// Called with typed text.
    pub on_type: Callback<(Key, String)>,
}

/// A lever control.
#[function_component(Lever)]
pub fn lever(props: &LeverProps) -> Html {
    let spec = params::spec(props.key_);
    let lang = props.lang;
    let id = format!("lever-{}", spec.name);
    let label = tr(lang, &format!("lever.{}", spec.name));
    let oninput = {
        let (on_set, key) = (props.on_set.clone(), props.key_);
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_set.emit((key, input.value_as_number()));
        })
    };
    let onchange = {
        let (on_type, key) = (props.on_type.clone(), props.key_);
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_type.emit((key, input.value()));
        })
    };
    let value = format!("{}", props.value);
    let error_id = format!("{id}-error");
    html! {
        <div class="lever">
            <label for={id.clone()}>{label}</label>
            <div class="lever-row">
                <input type="range" id={id.clone()} min={spec.min.to_string()} max={spec.max.to_string()}
                    step={spec.step.to_string()} value={value.clone()} {oninput}
                    aria-describedby={format!("{id}-today")} />
                <input type="number" class="entry" id={format!("{id}-entry")} min={spec.min.to_string()}
                    max={spec.max.to_string()} step="any" value={value}
                    aria-label={format!("{label} ({})", tr(lang, "number"))} {onchange}
                    aria-invalid={props.problem.is_some().to_string()}
                    aria-describedby={props.problem.as_ref().map(|_| error_id.clone())} />
                <span class="unit" aria-hidden="true">{"%"}</span>
            </div>
            if let Some(problem) = &props.problem {
                <p class="entry-error" id={error_id} role="alert">{problem.to_string()}</p>
            }
            <p class="today" id={format!("{id}-today")}>{tr(lang, &format!("lever.{}.today", spec.name))}</p>
        </div>
    }
}
