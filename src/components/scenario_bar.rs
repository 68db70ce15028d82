//! The scenario bar: title and note, presets, pinning for a comparison, the
//! link with a copy button, and the exports (CSV, JSON, SVG, PNG, print).

use super::freshness::freshness_text;
use crate::i18n::{Lang, preset_key, tr};
use crate::js_bindings;
use crate::memo::{Picture, picture};
use crate::share::{share_link, today, today_in_words};
use crate::state::Action;
use crate::t;
use std::rc::Rc;
use wlz_scenario::Scenario;
use wlz_scenario::export::{self, CsvLocale, file_stem};
use wlz_scenario::output::Report;
use wlz_scenario::params::Key;
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

/// The CSV form of a page language: Dutch Excel's on a Dutch page, the international form otherwise.
pub fn csv_locale(lang: Lang) -> CsvLocale {
    match lang {
        Lang::Nl => CsvLocale::Nl,
        Lang::En => CsvLocale::International,
    }
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
        let (say, query) = (say.clone(), props.query.clone());
        Callback::from(move |_| {
            let say = say.clone();
            // A standalone file without a public address has no link: the query alone, and a word to send the file.
            let (text, said) = match share_link(&query) {
                Some(link) => (link, "link.copied"),
                None => (query.clone(), "link.copied_query"),
            };
            wasm_bindgen_futures::spawn_local(async move {
                let copied = wasm_bindgen_futures::JsFuture::from(js_bindings::copy_text(&text)).await;
                say(if copied.is_ok_and(|v| v.as_bool() == Some(true)) { said } else { "link.copy_failed" });
            });
        })
    };
    let export = |kind: &'static str| {
        let (report, json, say, lang) = (props.report.clone(), props.json.clone(), say.clone(), props.lang);
        let (title, query) = (props.title.clone(), props.query.clone());
        Callback::from(move |_| {
            let Some(report) = report.as_ref() else {
                say("export.wait");
                return;
            };
            let name = |ext: &str| format!("{}.{ext}", file_stem(&title, FILE_STEM, &today()));
            let link = share_link(&query).unwrap_or_else(|| query.clone());
            let locale = csv_locale(lang);
            let fresh = freshness_text(lang, report);
            match kind {
                "csv" => {
                    let text = export::csv_months(&link, &report.model_version, &fresh, &report.months, locale);
                    js_bindings::download_text(&name("csv"), "text/csv;charset=utf-8", &text);
                }
                "csv-targets" => {
                    let targets: Vec<_> = report.targets.iter().map(|t| t.result.clone()).collect();
                    let text = export::csv_targets(&link, &report.model_version, &fresh, &targets, locale);
                    let stem = file_stem(&title, FILE_STEM, &today());
                    js_bindings::download_text(
                        &format!("{stem}-{}.csv", t!(lang, "export.targets.file")),
                        "text/csv;charset=utf-8",
                        &text,
                    );
                }
                // Written by the worker (export::report_json, no wall-clock time): the page has no JSON writer.
                "json" => match json.as_deref() {
                    Some(text) => js_bindings::download_text(&name("json"), "application/json", text),
                    None => say("export.wait"),
                },
                "svg" | "png" => {
                    let chart = js_bindings::svg_markup("[data-testid=fan]");
                    let shown = wlz_scenario::codec::decode(&report.scenario).scenario;
                    let markup = picture(&Picture {
                        lang,
                        title: &title,
                        report,
                        baseline: shown.get(Key::Baseline),
                        chart: &chart,
                        link: share_link(&query).as_deref(),
                        query: &query,
                        date: &today_in_words(lang),
                    });
                    if chart.is_empty() {
                        say("export.chart_hidden");
                    } else if kind == "svg" {
                        js_bindings::download_text(&name("svg"), "image/svg+xml", &markup);
                    } else {
                        let (promise, say) = (js_bindings::svg_to_png(&markup, &name("png"), 2.0), say.clone());
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
        let (query, say, title) = (props.query.clone(), say.clone(), props.title.clone());
        Callback::from(move |_| {
            let name = if title.trim().is_empty() {
                STANDALONE_FILE.to_string()
            } else {
                format!("{}.html", file_stem(&title, FILE_STEM, ""))
            };
            let promise = js_bindings::download_standalone(&name, &format!("./{STANDALONE_FILE}"), &query);
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
                if preset.illustrative { <span class="illustrative">{" ("}{t!(lang, "preset.illustrative")}{")"}</span> }
            </button>
        }
    });
    let pin = {
        let (dispatch, pinned) = (props.dispatch.clone(), props.pinned);
        Callback::from(move |_| dispatch.emit(if pinned { Action::Unpin } else { Action::Pin }))
    };
    html! {
        <section class="scenario-bar" aria-labelledby="scenario-title">
            <h2 id="scenario-title" class="visually-hidden">{t!(lang, "scenario")}</h2>
            <div class="scenario-text">
                <label for="scenario-name">{t!(lang, "scenario.title")}</label>
                <input id="scenario-name" type="text" maxlength={wlz_scenario::codec::MAX_TITLE.to_string()}
                    value={props.title.clone()} oninput={text_input(Action::Title)} placeholder={t!(lang, "scenario.title.hint")} />
                <label for="scenario-note">{t!(lang, "scenario.note")}</label>
                <textarea id="scenario-note" rows="2" maxlength={wlz_scenario::codec::MAX_NOTE.to_string()}
                    value={props.note.clone()} oninput={note_input} />
            </div>
            <div class="presets" role="group" aria-label={t!(lang, "preset.group")}>
                <span class="group-label" aria-hidden="true">{t!(lang, "preset.group")}{":"}</span>
                {for presets}
                <p class="help preset-note" data-testid="preset-note">{t!(lang, "preset.after_vng")}</p>
            </div>
            <div class="actions">
                <button type="button" onclick={pin} aria-pressed={props.pinned.to_string()}>
                    {tr(lang, if props.pinned { "compare.unpin" } else { "compare.pin" })}
                </button>
                <button type="button" onclick={copy}>{t!(lang, "link.copy")}</button>
                <span class="exports" role="group" aria-label={t!(lang, "export.group")}>
                    <button type="button" onclick={export("csv")}>{t!(lang, "export.csv")}</button>
                    <button type="button" onclick={export("csv-targets")}>{t!(lang, "export.csv.targets")}</button>
                    <button type="button" onclick={export("json")}>{"JSON"}</button>
                    <button type="button" onclick={export("svg")}>{t!(lang, "export.svg")}</button>
                    <button type="button" onclick={export("png")}>{t!(lang, "export.png")}</button>
                    <button type="button" onclick={export("print")}>{t!(lang, "export.print")}</button>
                    <button type="button" onclick={standalone} title={t!(lang, "export.standalone.hint")}
                        data-testid="standalone">{t!(lang, "export.standalone")}</button>
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
