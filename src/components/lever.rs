//! One lever: a slider and a typed numeric entry, today's value with its
//! source, and its start month and ramp behind a disclosure.

use super::entry::{NumberEntryProps, number_entry};
use super::provenance::badge;
use crate::i18n::{Lang, tr};
use crate::messages::problem_text;
use crate::t;
use wlz_scenario::Scenario;
use wlz_scenario::lever::LeverId;
use wlz_scenario::params::{self, Key};
use wlz_scenario::problem::Problem;
use wlz_scenario::scenario::format_value;
use yew::prelude::*;

/// What [`lever`] shows.
#[derive(PartialEq)]
pub struct LeverProps {
    /// Which lever (its row of `wlz_scenario::lever::LEVERS`).
    pub lever: LeverId,
    /// The scenario (the lever reads its three keys).
    pub scenario: Scenario,
    /// Page language.
    pub lang: Lang,
    /// A rejected typed value for one of this lever's keys, if any.
    pub problem: Option<(Key, Problem)>,
    /// Called with a slider value (URL units).
    pub on_set: Callback<(Key, f64)>,
    /// Called with typed text.
    pub on_type: Callback<(Key, String)>,
}

fn typed_text(on_type: &Callback<(Key, String)>, key: Key) -> Callback<String> {
    let on_type = on_type.clone();
    Callback::from(move |text: String| on_type.emit((key, text)))
}

fn typed(on_type: &Callback<(Key, String)>, key: Key) -> Callback<Event> {
    let on_type = on_type.clone();
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        on_type.emit((key, input.value()));
    })
}

/// A lever control.
pub fn lever(props: &LeverProps) -> Html {
    let row = props.lever.row();
    let (key, from_key, ramp_key) = (row.value, row.from, row.ramp);
    let (spec, lang, scenario) = (params::spec(key), props.lang, &props.scenario);
    let from_spec = params::spec(from_key);
    let id = format!("lever-{}", spec.name);
    let label = tr(lang, row.label);
    let oninput = {
        let on_set = props.on_set.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_set.emit((key, input.value_as_number()));
        })
    };
    let value = scenario.text(key);
    let problem_for = |k: Key| props.problem.as_ref().filter(|(pk, _)| *pk == k).map(|(_, p)| problem_text(lang, p));
    let error = [key, from_key, ramp_key].into_iter().find_map(problem_for);
    let error_id = format!("{id}-error");
    let described = |k: Key| problem_for(k).map(|_| AttrValue::from(error_id.clone()));
    html! {
        <div class="lever">
            <label for={id.clone()}>{label}</label>
            <div class="lever-row">
                <input type="range" id={id.clone()} min={spec.min.to_string()} max={spec.max.to_string()}
                    step={spec.step.to_string()} value={value.clone()} {oninput}
                    aria-describedby={format!("{id}-today")} />
                {number_entry(&NumberEntryProps {
                    id: format!("{id}-entry").into(), spec, value: scenario.get(key), lang,
                    aria_label: Some(format!("{label} ({})", t!(lang, "number")).into()),
                    error_id: described(key), on_type: typed_text(&props.on_type, key),
                })}
                <span class="unit" aria-hidden="true">{t!(lang, "unit.percent")}</span>
            </div>
            if let Some(text) = error {
                <p class="entry-error" id={error_id.clone()} role="alert">{text}</p>
            }
            <p class="today" id={format!("{id}-today")}>{tr(lang, row.today_text)}{". "}{badge(lang, spec)}</p>
            <details class="timing">
                <summary>{t!(lang, "lever.timing")}{": "}{scenario.text(from_key)}{", "}{scenario.text(ramp_key)}{" "}{t!(lang, "unit.months")}</summary>
                <div class="timing-row">
                    <label for={format!("{id}-from")}>{t!(lang, "lever.from")}</label>
                    <input type="month" id={format!("{id}-from")} value={scenario.text(from_key)}
                        min={format_value(from_spec, from_spec.min)} max={format_value(from_spec, from_spec.max)} onchange={typed(&props.on_type, from_key)}
                        aria-invalid={problem_for(from_key).is_some().to_string()} aria-describedby={described(from_key)} />
                </div>
                <div class="timing-row">
                    <label for={format!("{id}-ramp")}>{t!(lang, "lever.ramp")}</label>
                    {number_entry(&NumberEntryProps {
                        id: format!("{id}-ramp").into(), spec: params::spec(ramp_key), value: scenario.get(ramp_key), lang,
                        aria_label: None, error_id: described(ramp_key), on_type: typed_text(&props.on_type, ramp_key),
                    })}
                    <span class="unit">{t!(lang, "unit.months")}</span>
                </div>
            </details>
        </div>
    }
}

/// Properties of [`LeverPanel`].
#[derive(Properties, PartialEq)]
pub struct LeverPanelProps {
    /// The scenario.
    pub scenario: Scenario,
    /// Page language.
    pub lang: Lang,
    /// A rejected typed value, if any.
    pub problem: Option<(Key, Problem)>,
    /// Called with a slider value (URL units).
    pub on_set: Callback<(Key, f64)>,
    /// Called with typed text.
    pub on_type: Callback<(Key, String)>,
}

/// The measures: one [`lever`] per row of the lever table, in its order.
#[function_component(LeverPanel)]
pub fn lever_panel(props: &LeverPanelProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="levers" aria-labelledby="levers-title">
            <h2 id="levers-title">{t!(lang, "levers")}</h2>
            {for LeverId::ALL.into_iter().map(|id| lever(&LeverProps {
                lever: id, scenario: props.scenario.clone(), lang, problem: props.problem.clone(),
                on_set: props.on_set.clone(), on_type: props.on_type.clone(),
            }))}
        </section>
    }
}
