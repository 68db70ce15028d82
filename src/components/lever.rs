//! One lever: a slider and a typed numeric entry, today's value with its
//! source, and its start month and ramp behind a disclosure.

use crate::i18n::{Lang, tr};
use crate::messages::problem_text;
use wlz_engine::Scenario;
use wlz_engine::params::{self, Key};
use wlz_engine::problem::Problem;
use yew::prelude::*;

/// The four levers: (value, start month, ramp) keys and their catalogue keys (label, today's value).
pub const LEVERS: [(Key, Key, Key, &str, &str); 4] = [
    (Key::Longer, Key::LongerFrom, Key::LongerRamp, "lever.longer", "lever.longer.today"),
    (Key::Aid, Key::AidFrom, Key::AidRamp, "lever.aid", "lever.aid.today"),
    (Key::Youth, Key::YouthFrom, Key::YouthRamp, "lever.youth", "lever.youth.today"),
    (Key::Region, Key::RegionFrom, Key::RegionRamp, "lever.region", "lever.region.today"),
];

/// Properties of [`Lever`].
#[derive(Properties, PartialEq)]
pub struct LeverProps {
    /// Which lever (an index into [`LEVERS`]).
    pub index: usize,
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

fn typed(on_type: &Callback<(Key, String)>, key: Key) -> Callback<Event> {
    let on_type = on_type.clone();
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        on_type.emit((key, input.value()));
    })
}

/// A lever control.
#[function_component(Lever)]
pub fn lever(props: &LeverProps) -> Html {
    let (key, from_key, ramp_key, label_key, today_key) = LEVERS[props.index % LEVERS.len()];
    let (spec, lang, scenario) = (params::spec(key), props.lang, &props.scenario);
    let id = format!("lever-{}", spec.name);
    let label = tr(lang, label_key);
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
    let described = |k: Key| problem_for(k).map(|_| error_id.clone());
    html! {
        <div class="lever">
            <label for={id.clone()}>{label}</label>
            <div class="lever-row">
                <input type="range" id={id.clone()} min={spec.min.to_string()} max={spec.max.to_string()}
                    step={spec.step.to_string()} value={value.clone()} {oninput}
                    aria-describedby={format!("{id}-today")} />
                <input type="number" class="entry" id={format!("{id}-entry")} min={spec.min.to_string()}
                    max={spec.max.to_string()} step="any" value={value} inputmode="decimal"
                    aria-label={format!("{label} ({})", tr(lang, "number"))} onchange={typed(&props.on_type, key)}
                    aria-invalid={problem_for(key).is_some().to_string()} aria-describedby={described(key)} />
                <span class="unit" aria-hidden="true">{"%"}</span>
            </div>
            if let Some(text) = error {
                <p class="entry-error" id={error_id.clone()} role="alert">{text}</p>
            }
            <p class="today" id={format!("{id}-today")}>{tr(lang, today_key)}</p>
            <details class="timing">
                <summary>{tr(lang, "lever.timing")}{": "}{scenario.text(from_key)}{", "}{scenario.text(ramp_key)}{" "}{tr(lang, "unit.months")}</summary>
                <div class="timing-row">
                    <label for={format!("{id}-from")}>{tr(lang, "lever.from")}</label>
                    <input type="month" id={format!("{id}-from")} value={scenario.text(from_key)}
                        min="2021-01" max="2060-12" onchange={typed(&props.on_type, from_key)}
                        aria-invalid={problem_for(from_key).is_some().to_string()} aria-describedby={described(from_key)} />
                </div>
                <div class="timing-row">
                    <label for={format!("{id}-ramp")}>{tr(lang, "lever.ramp")}</label>
                    <input type="number" id={format!("{id}-ramp")} class="entry" value={scenario.text(ramp_key)}
                        min="0" max={params::spec(ramp_key).max.to_string()} step="1" onchange={typed(&props.on_type, ramp_key)}
                        aria-invalid={problem_for(ramp_key).is_some().to_string()} aria-describedby={described(ramp_key)} />
                    <span class="unit">{tr(lang, "unit.months")}</span>
                </div>
            </details>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lever_table_matches_the_parameter_table() {
        for (i, (key, from, ramp, label, today)) in LEVERS.into_iter().enumerate() {
            let lever = params::Group::Lever(i as u8 + 1);
            assert!([key, from, ramp].iter().all(|k| params::spec(*k).group == lever));
            assert_eq!(params::spec(from).kind, params::Kind::Month);
            assert!(crate::i18n::has(label) && crate::i18n::has(today), "{label}");
        }
    }
}
