//! The page: owns the state (one reducer), talks to the worker, keeps the URL
//! and `<html lang>` in step with the state.

use super::ask::AskProps;
use super::compare::Compare;
use super::deviations::{DeviationsProps, deviations};
use super::explanation::Explanation;
use super::fan_chart::FanChart;
use super::freshness::{FreshnessProps, freshness};
use super::impact::Impact;
use super::lever::LeverPanel;
use super::lever_table::lever_table;
use super::menu::Menu;
use super::model_notice::{ModelNoticeProps, model_notice};
use super::observed::Observed;
use super::param_panel::ParamPanel;
use super::print_note::{PrintNoteProps, print_note};
use super::scenario_bar::ScenarioBar;
use super::scorecard::{ScorecardProps, scorecard};
use super::sensitivity::SensitivityPanel;
use super::solve::Solve;
use super::summary::{SummaryProps, summary};
use super::tabs::{TabsProps, tabs};
use super::update_notice::UpdateNotice;
use crate::bridge::EngineWorker;
use crate::i18n::{Lang, number, tr};
use crate::messages::link_problem_text;
use crate::state::{Action, Refusal, State};
use crate::t;
use crate::url_sync::{initial_query, use_url_sync};
use crate::window_event::use_window_event;
use crate::worker_slot::LOAD_FAILED;
use std::rc::Rc;
use wlz_scenario::codec;
use wlz_scenario::output::Report;
use wlz_scenario::params::Group;
use wlz_scenario::protocol::{Response, scenario_of};
use yew::prelude::*;

/// Puts the language on `<html lang>` and the page title in that language.
fn set_document_lang(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    document.set_title(t!(lang, "title"));
}

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State::from_query(&initial_query()));
    let worker = use_mut_ref(|| None::<Rc<EngineWorker>>);
    {
        let (worker, dispatcher) = (worker.clone(), state.dispatcher());
        use_effect_with(state.worker_generation, move |_| {
            let on_response = Callback::from(move |response: Response| {
                dispatcher.dispatch(match response {
                    Response::Result { id, query, observed, projection, elapsed_ms, json, partial, compared } => {
                        // The report (the CLI's JSON schema, for the exports) of the projection.
                        let scenario = scenario_of(&query, observed.as_deref());
                        let report = Report::new(&query, &scenario.model_params(), &projection, elapsed_ms)
                            .with_observed(scenario.observed());
                        let json = json.map(Rc::from);
                        Action::Result { id, report: Rc::new(report), partial, compared: compared.map(Rc::new), json }
                    }
                    Response::Failed { id, message } => Action::Failed { id, message },
                    Response::Answer { id, answer, elapsed_ms } => {
                        Action::Answered { id, answer: Rc::new(answer.map_err(Refusal::Engine)), elapsed_ms }
                    }
                    // The pool keeps the parts of a split request; none reaches the page.
                    Response::Ready | Response::Part { .. } => return,
                })
            });
            match EngineWorker::spawn(on_response.clone()) {
                Ok(spawned) => *worker.borrow_mut() = Some(spawned),
                Err(message) => {
                    *worker.borrow_mut() = None;
                    on_response.emit(Response::Failed { id: 0, message });
                }
            }
        });
    }
    {
        // The request is built when it changes, not on every render (the pool skips one already sent).
        let (worker, state) = (worker.clone(), state.clone());
        use_effect_with((state.request, state.worker_generation), move |_| {
            if let Some(worker) = worker.borrow().as_ref() {
                worker.send(&state.worker_request());
            }
        });
    }
    {
        let worker = worker.clone();
        let message = state.question_message();
        use_effect_with((state.questions, state.worker_generation), move |_| {
            if let (Some(worker), Some(message)) = (worker.borrow().as_ref(), message) {
                worker.ask(message);
            }
        });
    }
    {
        let d = state.dispatcher();
        use_url_sync(state.query(), Callback::from(move |query| d.dispatch(Action::Navigate(query))));
    }
    {
        // The workers are stopped on `pagehide`; a page restored from the back-forward cache starts fresh ones.
        let d = state.dispatcher();
        use_window_event("pageshow", move |event| {
            let persisted = js_sys::Reflect::get(event, &"persisted".into()).ok().and_then(|v| v.as_bool());
            if persisted == Some(true) {
                d.dispatch(Action::Retry);
            }
        });
    }
    // The release page loads a language's texts before it shows it: until they
    // are here (a link's or the history's `lang`), it shows a language it has.
    let lang = crate::i18n::shown(state.lang);
    use_effect_with(lang, |lang| set_document_lang(*lang));
    {
        let d = state.dispatcher();
        use_effect_with(state.lang, move |&asked| {
            if !crate::i18n::loaded(asked) {
                let back = crate::i18n::shown(asked);
                let failed = {
                    let d = d.clone();
                    move |reason| d.dispatch(Action::LangFailed { asked, back, reason })
                };
                crate::i18n::when_loaded(asked, move || d.dispatch(Action::Lang(asked)), failed);
            }
        });
    }
    let dispatch = {
        let d = state.dispatcher();
        Callback::from(move |action| d.dispatch(action))
    };
    let on_set = {
        let d = state.dispatcher();
        Callback::from(move |(key, value)| d.dispatch(Action::Set(key, value)))
    };
    let on_type = {
        let d = state.dispatcher();
        Callback::from(move |(key, text)| d.dispatch(Action::Type(key, text)))
    };
    let on_reset = {
        let d = state.dispatcher();
        Callback::from(move |key| d.dispatch(Action::Reset(key)))
    };
    let on_reset_all = {
        let d = state.dispatcher();
        Callback::from(move |group| d.dispatch(Action::ResetGroup(group)))
    };
    let panel = |group: Group, title: &'static str, intro: &'static str| {
        html! {
            <ParamPanel {group} {title} {intro} scenario={state.scenario.clone()} {lang} problem={state.entry_problem.clone()}
                on_type={on_type.clone()} on_reset={on_reset.clone()} on_reset_all={on_reset_all.clone()} />
        }
    };
    // One button per other language, named in that language (each table says "switch to me").
    let switches = Lang::ALL.into_iter().filter(|&other| other != lang).map(|other| {
        let d = state.dispatcher();
        let onclick = Callback::from(move |_| d.dispatch(Action::Lang(other)));
        let (name, label) = crate::i18n::switch_texts(other);
        html! {
            <button type="button" class="lang" {onclick} aria-label={label} lang={other.code()}>{name}</button>
        }
    });
    let status = match (&state.failure, &state.result) {
        (Some(message), _) => {
            let d = state.dispatcher();
            // The engine could not be loaded (a loader's text): the reason is the browser's.
            let (said, message) = match message.strip_prefix(LOAD_FAILED) {
                Some(reason) => ("status.load_failed", reason),
                None => ("status.error", message.as_str()),
            };
            html! {
                <div class="status error" role="alert">
                    <p>{tr(lang, said)}{" "}<span class="detail">{"("}{message}{")"}</span></p>
                    <button type="button" onclick={Callback::from(move |_| d.dispatch(Action::Retry))}>{t!(lang, "status.retry")}</button>
                </div>
            }
        }
        (None, Some((report, partial))) => html! {
            <p class="status" data-testid="status">
                {format!("{} {} {} ms", number(lang, report.runs as f64, 0), t!(lang, "status.done"), number(lang, report.elapsed_ms, 0))}
                if *partial { {" · "}{t!(lang, "status.partial")} }
            </p>
        },
        (None, None) => html! { <p class="status">{t!(lang, "status.running")}</p> },
    };
    let on_tab = {
        let d = state.dispatcher();
        Callback::from(move |tab| d.dispatch(Action::Tab(tab)))
    };
    let report = state.result.as_ref().map(|(r, _)| r.clone());
    // The first screen is drawn without the closed menu and the hidden tabs; they follow the first result.
    let wake = state.result.is_some() || state.failure.is_some();
    let scenario_bar = html! {
        <ScenarioBar {lang} query={state.query()} scenario={state.scenario.clone()} title={state.title.clone()} note={state.note.clone()}
            pinned={state.pinned.is_some()} dispatch={dispatch.clone()}
            report={state.result.as_ref().filter(|_| !state.computing()).map(|(r, _)| r.clone())}
            json={state.result_json.clone().filter(|_| !state.computing())} />
    };
    html! {
        <>
            <header class="top">
                <h1>{t!(lang, "title")}</h1>
                <div class="toolbar">
                    <Menu {lang} closes_on={(codec::encode(&state.scenario), state.pinned.is_some())} {wake}>{scenario_bar}</Menu>
                    {for switches}
                </div>
            </header>
            <main>
                <UpdateNotice {lang} />
                if let Some((asked, reason)) = &state.lang_failure {
                    <div class="notice" role="alert" data-testid="lang-failure">
                        <p>{t!(lang, "lang.failed").replace("{language}", crate::i18n::switch_texts(*asked).0)
                            .replace("{reason}", reason)}</p>
                    </div>
                }
                if !state.link_problems.is_empty() {
                    <div class="notice" role="status">
                        <p>{t!(lang, "problems")}</p>
                        <ul>{for state.link_problems.iter().map(|p| html! { <li>{link_problem_text(lang, p)}</li> })}</ul>
                    </div>
                }
                if !state.title.is_empty() {
                    <p class="scenario-heading" data-testid="scenario-heading">{state.title.clone()}</p>
                }
                {deviations(&DeviationsProps { scenario: state.scenario.clone(), lang, on_tab: on_tab.clone() })}
                {print_note(&PrintNoteProps { lang, query: state.query(), note: state.note.clone() })}
                <p class="lead">{t!(lang, "lead")}</p>
                <div class="layout">
                    {summary(&SummaryProps { report: report.clone(), busy: state.computing(), lang })}
                    <section class="results" aria-labelledby="fan-heading" aria-busy={state.computing().to_string()}>
                        if let Some((report, _)) = &state.result {
                            if let (Some(compared), Some(pinned)) = (&state.compared, &state.pinned) {
                                <Compare compared={compared.clone()} report={report.clone()} pinned={pinned.clone()}
                                    pinned_title={state.pinned_title.clone()} {lang} />
                            }
                            <FanChart report={report.clone()} {lang} baseline={state.result_scenario.get(wlz_scenario::params::Key::Baseline)}
                                points={state.observed()} />
                            {scorecard(&ScorecardProps { report: report.clone(), lang })}
                            {freshness(&FreshnessProps { report: report.clone(), lang })}
                        }
                        {status}
                        // Under the answer, not above it: a model 1 link still opens with its numbers first.
                        {model_notice(&ModelNoticeProps { key_set: state.scenario.key_set(), lang, dispatch: dispatch.clone() })}
                    </section>
                    <LeverPanel scenario={state.scenario.clone()} {lang} problem={state.entry_problem.clone()}
                        on_set={on_set.clone()} on_type={on_type.clone()} />
                </div>
                {tabs(&TabsProps { open: state.tab, lang, on_open: on_tab, wake, children: vec![
                    match &report {
                        Some(report) => html! { <Impact report={report.clone()} {lang} /> },
                        None => html! { <p class="status">{t!(lang, "status.running")}</p> },
                    },
                    lever_table(&AskProps {
                        lang, asked: state.lever_ranking.clone(),
                        stale: state.lever_ranking.as_ref().is_some_and(|a| state.is_stale(a)), dispatch: dispatch.clone(),
                    }),
                    html! { <Solve {lang} asked={state.solve.clone()} stale={state.solve.as_ref().is_some_and(|a| state.is_stale(a))}
                        dispatch={dispatch.clone()} /> },
                    html! { <SensitivityPanel {lang} asked={state.sensitivity.clone()}
                        stale={state.sensitivity.as_ref().is_some_and(|a| state.is_stale(a))} dispatch={dispatch.clone()} /> },
                    html! { <Observed {lang} series={state.observed()} text={state.obs_text.clone()} errors={state.obs_errors.clone()}
                        key_set={state.scenario.key_set()} fit={state.scenario.get(wlz_scenario::params::Key::Fit) == 1.0}
                        report={report.clone()} dispatch={dispatch.clone()} /> },
                    panel(Group::Assumption, "panel.assumptions", "panel.assumptions.intro"),
                    panel(Group::Target, "panel.targets", "panel.targets.intro"),
                    panel(Group::Simulation, "panel.simulation", "panel.simulation.intro"),
                    html! { <Explanation scenario={state.scenario.clone()} {lang} /> },
                ] })}
            </main>
            <footer><p>{t!(lang, "model.version")}{" "}<span data-testid="model-version">{state.scenario.key_set().model_version()}</span></p></footer>
        </>
    }
}
