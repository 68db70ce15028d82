//! Observations ("Waarnemingen"): the user pastes or loads a monthly series
//! (month YYYY-MM and count), sees it as points on the fan chart, chooses
//! whether it calibrates the projection (`fit`, model 2), reads what the data
//! say (the level now and the trend with their 90 % intervals, and the
//! method's diagnostic, with a warning when it is poor) and the back-test:
//! how many later points fall within the projection's 50 % and 90 % bands
//! (computed by the worker). Bad lines are listed with their line number; the
//! text is never thrown away.

use crate::i18n::{Lang, month_name, number, percent};
use crate::messages::observed_issue_text;
use crate::state::Action;
use crate::t;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wlz_scenario::observed::{Backtest, LineError, MAX_BYTES, MAX_LINES, MAX_URL_OBS, ObservedIssue, ObservedSeries};
use wlz_scenario::output::{Calibration, Report};
use wlz_scenario::params::{Key, KeySet};
use wlz_scenario::stats::Summary;
use yew::prelude::*;

/// Properties of [`Observed`].
#[derive(Properties, PartialEq)]
pub struct ObservedProps {
    /// Page language.
    pub lang: Lang,
    /// The series read, if any.
    pub series: Option<Rc<ObservedSeries>>,
    /// The text as entered.
    pub text: String,
    /// The problems of the last attempt to read the text.
    pub errors: Vec<LineError>,
    /// The newest result: its calibration and back-test.
    pub report: Option<Rc<Report>>,
    /// The scenario's key set (model 1 uses the observations for nothing but the chart and the back-test).
    pub key_set: KeySet,
    /// Whether the observations calibrate the projection (`fit`, model 2).
    pub fit: bool,
    /// Sends an action to the reducer.
    pub dispatch: Callback<Action>,
}

fn error_line(lang: Lang, error: &LineError) -> Html {
    let place = match error.line {
        Some(line) => format!("{} {}", t!(lang, "obs.line"), number(lang, line as f64, 0)),
        None => t!(lang, "obs.whole").to_string(),
    };
    html! {
        <li>
            <strong>{place}</strong>
            if !error.text.is_empty() { {" ("}<code>{error.text.clone()}</code>{")"} }
            {": "}{observed_issue_text(lang, &error.issue)}
        </li>
    }
}

fn backtest_view(lang: Lang, b: &Backtest) -> Html {
    let share = |s: Option<f64>| s.map_or("–".to_string(), |s| percent(lang, s, 0));
    html! {
        <div class="backtest" data-testid="backtest" data-within50={b.within_50.to_string()}
            data-within90={b.within_90.to_string()} data-projected={b.projected.to_string()}>
            <p>
                {format!("{} {} {} {}.", number(lang, b.projected as f64, 0), t!(lang, "obs.of"), number(lang, b.points as f64, 0), t!(lang, "obs.projected"))}
                if b.not_projected > 0 {
                    {format!(" {} {}.", number(lang, b.not_projected as f64, 0), t!(lang, "obs.not_projected"))}
                }
            </p>
            if b.projected > 0 {
                <ul>
                    <li>{t!(lang, "obs.within50")}{": "}<strong>{number(lang, b.within_50 as f64, 0)}</strong>{format!(" ({})", share(b.share_50))}</li>
                    <li>{t!(lang, "obs.within90")}{": "}<strong>{number(lang, b.within_90 as f64, 0)}</strong>{format!(" ({})", share(b.share_90))}</li>
                </ul>
                <p class="help">{t!(lang, "obs.reading")}</p>
            }
        </div>
    }
}

/// "{mid} ({low} to {high})"-style slots of a summary: its median and 90 % interval, `decimals` decimals.
fn interval(lang: Lang, s: &Summary, decimals: usize) -> [(&'static str, String); 3] {
    [
        ("mid", number(lang, s.p50, decimals)),
        ("low", number(lang, s.p5, decimals)),
        ("high", number(lang, s.p95, decimals)),
    ]
}

fn fill(template: &str, slots: &[(&str, String)]) -> String {
    slots.iter().fold(template.to_string(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// What the data say: the months used, the level now and the trend with their intervals, the diagnostic.
fn says(lang: Lang, c: &Calibration, runs: u32) -> Html {
    let span = fill(
        t!(lang, "obs.says.span"),
        &[
            ("from", month_name(lang, c.observed_from)),
            ("to", month_name(lang, c.observed_to)),
            ("n", number(lang, f64::from(c.months_used), 0)),
        ],
    );
    let mut level = interval(lang, &c.level_last, 0).to_vec();
    level.push(("month", month_name(lang, c.observed_to)));
    let d = c.diagnostic;
    let ess = [
        ("ess", number(lang, d.ess, 0)),
        ("n", number(lang, f64::from(runs), 0)),
        ("share", percent(lang, d.ess_share, 0)),
    ];
    html! {
        <div class="obs-says" data-testid="obs-says" data-ess={d.ess.to_string()}>
            <h3>{t!(lang, "obs.says")}</h3>
            <p>{span}</p>
            <ul>
                <li data-testid="obs-level">{fill(t!(lang, "obs.says.level"), &level)}</li>
                <li data-testid="obs-trend">{fill(t!(lang, "obs.says.trend"), &interval(lang, &c.trend, 1))}</li>
                <li>{fill(t!(lang, "obs.says.ess"), &ess)}</li>
            </ul>
            if d.is_poor() {
                <p class="notice" role="alert" data-testid="obs-poor">{t!(lang, "obs.says.poor")}</p>
            }
        </div>
    }
}

/// The observations panel.
#[function_component(Observed)]
pub fn observed(props: &ObservedProps) -> Html {
    let lang = props.lang;
    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.emit(Action::ObservedText(area.value()));
        })
    };
    let onchange = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
            input.set_value("");
            if file.size() > MAX_BYTES as f64 {
                // Not read at all; the text in the box stays as it was.
                let issue = ObservedIssue::TooLarge { max_bytes: MAX_BYTES };
                dispatch.emit(Action::ObservedErrors(vec![LineError { line: None, text: String::new(), issue }]));
                return;
            }
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await
                    && let Some(text) = text.dyn_ref::<js_sys::JsString>().map(String::from)
                {
                    dispatch.emit(Action::ObservedText(text));
                    dispatch.emit(Action::ReadObserved);
                }
            });
        })
    };
    let read = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::ReadObserved))
    };
    let clear = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::ClearObserved))
    };
    let backtest = props.report.as_ref().and_then(|r| r.backtest.clone());
    let calibration = props.report.as_ref().and_then(|r| r.calibration.as_ref().map(|c| (c.clone(), r.runs)));
    let model_two = props.key_set >= KeySet::V2;
    let on_fit = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.emit(Action::Set(Key::Fit, if input.checked() { 1.0 } else { 0.0 }));
        })
    };
    let too_long = props.series.as_ref().is_some_and(|s| s.to_url().is_none());
    let invalid = !props.errors.is_empty();
    html! {
        <section class="observed" aria-labelledby="obs-title">
            <h2 id="obs-title">{t!(lang, "obs")}</h2>
            <p class="intro">{t!(lang, "obs.intro")}</p>
            <label for="obs-text">{t!(lang, "obs.paste")}</label>
            <textarea id="obs-text" rows="6" spellcheck="false" value={props.text.clone()} {oninput}
                placeholder={t!(lang, "obs.placeholder")} aria-invalid={invalid.to_string()}
                aria-describedby="obs-limits" data-testid="obs-text" />
            <p id="obs-limits" class="help">
                {format!("{} {} {}, {} {} KiB.", t!(lang, "obs.limits"), number(lang, MAX_LINES as f64, 0), t!(lang, "obs.months"),
                    t!(lang, "obs.at_most"), number(lang, (MAX_BYTES / 1024) as f64, 0))}
            </p>
            if model_two {
                <div class="obs-fit">
                    <input type="checkbox" id="obs-fit" checked={props.fit} onchange={on_fit}
                        aria-describedby="obs-fit-help" data-testid="obs-fit" />
                    <label for="obs-fit">{t!(lang, "obs.fit")}</label>
                    <p id="obs-fit-help" class="help">{t!(lang, "obs.fit.help")}</p>
                </div>
            } else {
                <p class="help">{t!(lang, "obs.fit.v1")}</p>
            }
            <div class="obs-actions">
                <button type="button" onclick={read}>{t!(lang, "obs.read")}</button>
                <label class="file-button">
                    {t!(lang, "obs.file")}
                    <input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" {onchange} data-testid="obs-file" />
                </label>
                if props.series.is_some() || !props.text.is_empty() {
                    <button type="button" onclick={clear}>{t!(lang, "obs.clear")}</button>
                }
            </div>
            <div aria-live="polite" data-testid="obs-status">
                if invalid {
                    <div class="notice" role="alert" data-testid="obs-errors">
                        <p>{t!(lang, "obs.errors")}</p>
                        <ul>{for props.errors.iter().take(20).map(|e| error_line(lang, e))}</ul>
                        if props.errors.len() > 20 {
                            <p>{format!("… {} {}", number(lang, (props.errors.len() - 20) as f64, 0), t!(lang, "obs.more_errors"))}</p>
                        }
                    </div>
                }
                if let Some(series) = &props.series {
                    <p>{format!("{} {}", number(lang, series.points.len() as f64, 0), t!(lang, "obs.read_ok"))}</p>
                    if too_long {
                        <p class="help">{format!("{} {} {}", t!(lang, "obs.too_long"), MAX_URL_OBS, t!(lang, "obs.too_long.rest"))}</p>
                    }
                    <p class="help">{t!(lang, "obs.source")}</p>
                }
                if props.series.is_some() && model_two {
                    if let Some((c, runs)) = &calibration {
                        {says(lang, c, *runs)}
                    } else if props.fit {
                        <p>{t!(lang, "obs.says.none")}</p>
                    }
                }
                {for backtest.as_ref().map(|b| backtest_view(lang, b))}
            </div>
        </section>
    }
}
