//! "Afwijkend van de standaard: …": under the title, every key the scenario
//! sets to other than its default (levers, assumptions, targets, settings) and
//! the scenario's observed series, in words with its value, each a link to its field
//! (which opens the disclosure it sits in and takes the focus).

use super::explanation::value_text;
use crate::i18n::{Lang, key_name, number};
use crate::panel::Panel;
use crate::t;
use wasm_bindgen::JsCast;
use wlz_scenario::Scenario;
use wlz_scenario::params::{Group, PARAMS, ParamSpec};
use yew::prelude::*;

/// What [`deviations`] shows.
#[derive(PartialEq)]
pub struct DeviationsProps {
    /// The scenario.
    pub scenario: Scenario,
    /// Page language.
    pub lang: Lang,
    /// Opens the tab a field sits in.
    pub on_tab: Callback<Panel>,
}

/// The tab where `spec`'s key is set (none for the levers, which sit beside the chart).
pub fn field_panel(spec: &ParamSpec) -> Option<Panel> {
    match spec.group {
        Group::Lever(_) => None,
        Group::Assumption => Some(Panel::Assumptions),
        Group::Target => Some(Panel::Targets),
        Group::Simulation => Some(Panel::Simulation),
    }
}

/// The id of the field where `spec`'s key is set.
pub fn field_id(spec: &ParamSpec) -> String {
    match spec.group {
        Group::Lever(id) => {
            let row = id.row();
            let lever = id.name();
            match spec.key {
                k if k == row.from => format!("lever-{lever}-from"),
                k if k == row.ramp => format!("lever-{lever}-ramp"),
                _ => format!("lever-{lever}-entry"),
            }
        }
        _ => format!("param-{}", spec.name),
    }
}

/// Opens every closed disclosure around the element `id`, scrolls it into view and focuses it.
fn reveal(id: &str) {
    let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let mut around = element.closest("details").ok().flatten();
    while let Some(details) = around {
        let _ = details.set_attribute("open", "");
        around = details.parent_element().and_then(|p| p.closest("details").ok().flatten());
    }
    element.scroll_into_view();
    if let Ok(field) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = field.focus();
    }
}

/// One changed key: its name in words and its value, a link to its field
/// (in the tab `panel`, which is opened first; the field is revealed once it is shown).
fn item(id: String, panel: Option<Panel>, on_tab: &Callback<Panel>, name: String, value: String) -> Html {
    let onclick = {
        let (id, on_tab) = (id.clone(), on_tab.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            match panel {
                Some(panel) => {
                    on_tab.emit(panel);
                    let id = id.clone();
                    gloo_timers::callback::Timeout::new(0, move || reveal(&id)).forget();
                }
                None => reveal(&id),
            }
        })
    };
    html! { <li><a href={format!("#{id}")} {onclick}>{name}</a>{": "}<span class="value">{value}</span></li> }
}

/// The list of what differs from the default scenario; nothing when nothing does.
pub fn deviations(props: &DeviationsProps) -> Html {
    let (lang, s) = (props.lang, &props.scenario);
    let changed = PARAMS.iter().filter(|spec| !s.is_default(spec.key));
    let mut items: Vec<Html> = changed
        .map(|spec| {
            let name = key_name(lang, spec.name).unwrap_or_default();
            item(field_id(spec), field_panel(spec), &props.on_tab, name, value_text(lang, s, spec))
        })
        .collect();
    if let Some(series) = s.observed() {
        let value = format!("{} {}", number(lang, series.points.len() as f64, 0), t!(lang, "obs.months"));
        items.push(item("obs-text".into(), Some(Panel::Observed), &props.on_tab, t!(lang, "obs").into(), value));
    }
    if items.is_empty() {
        return html! {};
    }
    html! {
        <div class="deviations" data-testid="deviations">
            <p id="deviations-title">{t!(lang, "deviations")}</p>
            <ul aria-labelledby="deviations-title">{for items}</ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wlz_scenario::params::Key;

    #[test]
    fn every_key_has_a_field_and_a_name() {
        for spec in &PARAMS {
            assert!(!field_id(spec).is_empty());
            for lang in Lang::ALL {
                assert!(key_name(lang, spec.name).is_some_and(|n| !n.is_empty() && n != "?"), "{}", spec.name);
            }
        }
        assert_eq!(field_id(wlz_scenario::params::spec(Key::AidRamp)), "lever-aid-ramp");
        assert_eq!(field_id(wlz_scenario::params::spec(Key::Longer)), "lever-longer-entry");
        assert_eq!(field_id(wlz_scenario::params::spec(Key::Seed)), "param-seed");
    }
}
