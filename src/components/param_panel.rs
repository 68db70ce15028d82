//! A panel of parameters of one group of the parameter table (assumptions,
//! targets, simulation settings): each with its unit, a badge naming its
//! source or saying it is an assumption, a typed entry and a reset; and a
//! reset for the whole group.

use super::entry::{NumberEntryProps, number_entry};
use super::provenance::{badge, provenance_badge};
use crate::i18n::{FixedText, Lang, ParamText, entry_text, fixed_key, tr};
use crate::messages::problem_text;
use crate::t;
use wlz_scenario::Scenario;
use wlz_scenario::params::{FIXED_ASSUMPTIONS, Group, Key, Kind, PARAMS, ParamSpec, Provenance, Unit};
use wlz_scenario::problem::Problem;
use yew::prelude::*;

/// Properties of [`ParamPanel`].
#[derive(Properties, PartialEq)]
pub struct ParamPanelProps {
    /// Which rows of the parameter table to show.
    pub group: Group,
    /// Catalogue key of the panel's heading.
    pub title: &'static str,
    /// Catalogue key of the panel's short introduction.
    pub intro: &'static str,
    /// The scenario.
    pub scenario: Scenario,
    /// Page language.
    pub lang: Lang,
    /// A rejected typed value, if any.
    pub problem: Option<(Key, Problem)>,
    /// Called with typed text.
    pub on_type: Callback<(Key, String)>,
    /// Called to reset one key.
    pub on_reset: Callback<Key>,
    /// Called to reset the whole group.
    pub on_reset_all: Callback<Group>,
}

/// The catalogue key of a unit's short text.
pub fn unit_key(unit: Unit) -> &'static str {
    match unit {
        Unit::None => "unit.none",
        Unit::Percent => "unit.percent",
        Unit::PercentPerYear => "unit.percent_year",
        Unit::PercentPerMonth => "unit.percent_month",
        Unit::ClientsPerMonth => "unit.clients_month",
        Unit::Clients => "unit.clients",
        Unit::Months => "unit.months",
        Unit::Month => "unit.month",
        Unit::Runs => "unit.runs",
    }
}

/// The catalogue key of a parameter's label.
pub fn label_key(spec: &ParamSpec) -> String {
    ParamText::Label.key(spec.key)
}

fn row(props: &ParamPanelProps, spec: &'static ParamSpec) -> Html {
    let (lang, key) = (props.lang, spec.key);
    let id = format!("param-{}", spec.name);
    let label = tr(lang, &label_key(spec));
    let on_type = {
        let on_type = props.on_type.clone();
        Callback::from(move |text: String| on_type.emit((key, text)))
    };
    let onchange = {
        let on_type = on_type.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_type.emit(input.value());
        })
    };
    let problem = props.problem.as_ref().filter(|(k, _)| *k == key).map(|(_, p)| problem_text(lang, p));
    let error_id = format!("{id}-error");
    let is_default = props.scenario.is_default(key);
    let reset = {
        let on_reset = props.on_reset.clone();
        Callback::from(move |_| on_reset.emit(key))
    };
    let text = |v| wlz_scenario::scenario::format_value(spec, v);
    let range = |v| entry_text(lang, spec, v);
    let input = if spec.kind == Kind::Month {
        html! { <input type="month" id={id.clone()} value={props.scenario.text(key)} min={text(spec.min)} max={text(spec.max)}
        {onchange} aria-invalid={problem.is_some().to_string()} aria-describedby={problem.as_ref().map(|_| error_id.clone())} /> }
    } else {
        let error_id = problem.as_ref().map(|_| AttrValue::from(error_id.clone()));
        number_entry(&NumberEntryProps {
            id: id.clone().into(),
            spec,
            value: props.scenario.get(key),
            lang,
            aria_label: None,
            error_id,
            on_type,
        })
    };
    html! {
        <div class={classes!("param", (!is_default).then_some("changed"))} data-key={spec.name}>
            <label for={id.clone()}>{label}</label>
            <div class="param-row">
                {input}
                <span class="unit">{tr(lang, unit_key(spec.unit))}</span>
                <button type="button" class="reset" onclick={reset} disabled={is_default}
                    aria-label={format!("{}: {}", t!(lang, "reset"), label)}>{t!(lang, "reset")}</button>
            </div>
            if let Some(text) = problem {
                <p class="entry-error" id={error_id} role="alert">{text}</p>
            }
            <p class="meta">
                {badge(lang, spec)}
                <span class="range">{t!(lang, "range")}{" "}{range(spec.min)}{" – "}{range(spec.max)}</span>
            </p>
        </div>
    }
}

/// A panel of one group of parameters.
#[function_component(ParamPanel)]
pub fn param_panel(props: &ParamPanelProps) -> Html {
    let lang = props.lang;
    let group = props.group;
    let reset_all = {
        let on_reset_all = props.on_reset_all.clone();
        Callback::from(move |_| on_reset_all.emit(group))
    };
    let all_default = PARAMS.iter().filter(|p| p.group == group).all(|p| props.scenario.is_default(p.key));
    let heading_id = format!("panel-{}", props.title.replace('.', "-"));
    html! {
        <section class="panel" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>{tr(lang, props.title)}</h2>
            <p class="intro">{tr(lang, props.intro)}</p>
            <div class="params">
                {for PARAMS.iter().filter(|p| p.group == group && p.in_key_set(props.scenario.key_set())).map(|spec| row(props, spec))}
            </div>
            if group == Group::Assumption {
                <div class="fixed-assumptions" data-testid="fixed-assumptions">
                    <h3>{t!(lang, "fixed.title")}</h3>
                    {for FIXED_ASSUMPTIONS.iter().map(|f| html! {
                        <div class="param fixed" data-fixed={f.id}>
                            <p>{tr(lang, &fixed_key(f.id, FixedText::Label))}{": "}<strong>{tr(lang, &fixed_key(f.id, FixedText::Value))}</strong></p>
                            <p class="meta">{provenance_badge(lang, Provenance::Assumption, Some(fixed_key(f.id, FixedText::Note)))}</p>
                        </div>
                    })}
                </div>
            }
            <button type="button" class="reset-all" onclick={reset_all} disabled={all_default}>{t!(lang, "reset.all")}</button>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_panel_row_has_a_label_and_unit_in_the_catalogue() {
        for spec in PARAMS.iter().filter(|p| !matches!(p.group, Group::Lever(_))) {
            assert!(crate::i18n::has(&label_key(spec)), "label of {}", spec.name);
            assert!(crate::i18n::has(unit_key(spec.unit)), "unit of {}", spec.name);
        }
    }
}
