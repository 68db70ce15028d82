//! The scenario bar: title and note, presets, pinning for a comparison, the
//! link with a copy button, and the exports (CSV, JSON, SVG, PNG, print).

use crate::i18n::{Lang, preset_key, tr};
use crate::js_bindings;
use crate::state::Action;
use std::rc::Rc;
use wlz_scenario::Scenario;
use wlz_scenario::output::Report;
use wlz_scenario::presets::PRESETS;
use yew::prelude::*;

/// Properties of [`ScenarioBar`].
#[derive(Properties, PartialEq)]
pub struct ScenarioBarProps {
    /// Page language.
    pub lang: Lang,
    /// The scenario being edited.
    pub scenario: Scenario,
    /// Its title and note.
    pub title: String,
    /// Its note.
    pub note: String,
    /// The page's query (scenario and page keys), embedded in a downloaded standalone file.
    pub query: String,
    /// True while a scenario A is pinned.
    pub pinned: bool,
    /// The newest full result, for the exports.
    pub report: Option<Rc<Report>>,
    /// The same as the command line's JSON (written by the worker), for the JSON export.
    #[prop_or_default]
    pub json: Option<Rc<str>>,
    /// Sends an action to the reducer.
    pub dispatch: Callback<Action>,
}

/// File name stem of every export.
pub const FILE_STEM: &str = "wlz-ggz-wonen-instroom";

/// The standalone file of the release build, next to the page (the name
/// `cargo xtask build` gives it); also the name of its download.
pub const STANDALONE_FILE: &str = "wlz-ggz-wonen-verkenner.html";

fn href() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// The scenario bar.
#[function_component(ScenarioBar)]
pub fn scenario_bar(props: &ScenarioBarProps) -> Html {
    let lang = props.lang;
    let notice = use_state(|| None::<&'static str>);
    let timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    let say = {
        let (notice, timer) = (notice.clone(), timer.clone());
        Rc::new(move |key: &'static str| {
            notice.set(Some(key));
            let notice = notice.clone();
            *timer.borrow_mut() = Some(gloo_timers::callback::Timeout::new(4000, move || notice.set(None)));
        })
    };
    let text_input = |make: fn(String) -> Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.emit(make(input.value()));
        })
    };
    let note_input = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.emit(Action::Note(input.value()));
        })
    };
    let copy = {
        let say = say.clone();
        Callback::from(move |_| {
            let say = say.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = wasm_bindgen_futures::JsFuture::from(js_bindings::copy_text(&href())).await;
                say(if copied.is_ok_and(|v| v.as_bool() == Some(true)) { "link.copied" } else { "link.copy_failed" });
            });
        })
    };
    let export = |kind: &'static str| {
        let (report, json, say) = (props.report.clone(), props.json.clone(), say.clone());
        Callback::from(move |_| {
            let Some(report) = report.as_ref() else {
                say("export.wait");
                return;
            };
            match kind {
                "csv" => {
                    let text = wlz_scenario::export::csv(&href(), &report.model_version, &report.months);
                    js_bindings::download_text(&format!("{FILE_STEM}.csv"), "text/csv", &text);
                }
                "json" => match json.as_deref() {
                    Some(text) => js_bindings::download_text(&format!("{FILE_STEM}.json"), "application/json", text),
                    None => say("export.wait"),
                },
                "svg" | "png" => {
                    let markup = js_bindings::svg_markup("[data-testid=fan]");
                    if markup.is_empty() {
                        say("export.chart_hidden");
                    } else if kind == "svg" {
                        js_bindings::download_text(&format!("{FILE_STEM}.svg"), "image/svg+xml", &markup);
                    } else {
                        let (promise, say) =
                            (js_bindings::svg_to_png(&markup, &format!("{FILE_STEM}.png"), 2.0), say.clone());
                        wasm_bindgen_futures::spawn_local(async move {
                            if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() {
                                say("export.failed");
                            }
                        });
                    }
                }
                _ => {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                }
            }
        })
    };
    let standalone = {
        let (query, say) = (props.query.clone(), say.clone());
        Callback::from(move |_| {
            let promise = js_bindings::download_standalone(STANDALONE_FILE, &format!("./{STANDALONE_FILE}"), &query);
            let say = say.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let offered = wasm_bindgen_futures::JsFuture::from(promise).await;
                if !offered.is_ok_and(|v| v.as_bool() == Some(true)) {
                    say("export.standalone.missing");
                }
            });
        })
    };
    let presets = PRESETS.iter().enumerate().map(|(index, preset)| {
        let dispatch = props.dispatch.clone();
        let active = preset.matches(&props.scenario);
        html! {
            <button type="button" class="preset" aria-pressed={active.to_string()}
                onclick={Callback::from(move |_| dispatch.emit(Action::Preset(index)))}>
                {tr(lang, &preset_key(preset.id))}
                if preset.illustrative { <span class="illustrative">{" ("}{tr(lang, "preset.illustrative")}{")"}</span> }
            </button>
        }
    });
    let pin = {
        let (dispatch, pinned) = (props.dispatch.clone(), props.pinned);
        Callback::from(move |_| dispatch.emit(if pinned { Action::Unpin } else { Action::Pin }))
    };
    html! {
        <section class="scenario-bar" aria-labelledby="scenario-title">
            <h2 id="scenario-title" class="visually-hidden">{tr(lang, "scenario")}</h2>
            <div class="scenario-text">
                <label for="scenario-name">{tr(lang, "scenario.title")}</label>
                <input id="scenario-name" type="text" maxlength={wlz_scenario::codec::MAX_TITLE.to_string()}
                    value={props.title.clone()} oninput={text_input(Action::Title)} placeholder={tr(lang, "scenario.title.hint")} />
                <label for="scenario-note">{tr(lang, "scenario.note")}</label>
                <textarea id="scenario-note" rows="2" maxlength={wlz_scenario::codec::MAX_NOTE.to_string()}
                    value={props.note.clone()} oninput={note_input} />
            </div>
            <div class="presets" role="group" aria-label={tr(lang, "preset.group")}>
                <span class="group-label" aria-hidden="true">{tr(lang, "preset.group")}{":"}</span>
                {for presets}
                <p class="help preset-note" data-testid="preset-note">{tr(lang, "preset.after_vng")}</p>
            </div>
            <div class="actions">
                <button type="button" onclick={pin} aria-pressed={props.pinned.to_string()}>
                    {tr(lang, if props.pinned { "compare.unpin" } else { "compare.pin" })}
                </button>
                <button type="button" onclick={copy}>{tr(lang, "link.copy")}</button>
                <span class="exports" role="group" aria-label={tr(lang, "export.group")}>
                    <button type="button" onclick={export("csv")}>{"CSV"}</button>
                    <button type="button" onclick={export("json")}>{"JSON"}</button>
                    <button type="button" onclick={export("svg")}>{tr(lang, "export.svg")}</button>
                    <button type="button" onclick={export("png")}>{tr(lang, "export.png")}</button>
                    <button type="button" onclick={export("print")}>{tr(lang, "export.print")}</button>
                    <button type="button" onclick={standalone} title={tr(lang, "export.standalone.hint")}
                        data-testid="standalone">{tr(lang, "export.standalone")}</button>
                </span>
            </div>
            <p class="bar-notice" role="status" data-testid="bar-notice">{notice.map(|key| tr(lang, key)).unwrap_or("")}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_has_a_name_in_the_catalogue() {
        for preset in PRESETS {
            assert!(crate::i18n::has(&preset_key(preset.id)), "{}", preset.id);
        }
    }
}
