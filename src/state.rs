//! The whole page state and the one reducer that changes it. Pure: tested natively.

use crate::i18n::Lang;
use crate::panel::Panel;
use std::rc::Rc;
use wlz_scenario::Scenario;
use wlz_scenario::codec;
use wlz_scenario::observed::{LineError, ObservedSeries};
use wlz_scenario::output::Report;
use wlz_scenario::params::{self, Group, Key};
use wlz_scenario::problem::{Issue, Problem};
use wlz_scenario::protocol::{Answer, Compared, Question, ToWorker};
use wlz_scenario::solve::SolveError;
use yew::Reducible;

/// Why a question has no answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// The engine refused it (a confidence out of range, a window outside the projection).
    Engine(SolveError),
    /// The worker failed while answering (its message, technical).
    Failed(String),
}

/// What came back for a question.
pub type Got = Result<Answer, Refusal>;

/// A question asked of the worker, and its answer once it came.
#[derive(Clone, Debug, PartialEq)]
pub struct Asked {
    /// Question number.
    pub id: u64,
    /// The question.
    pub question: Question,
    /// The canonical scenario query it was asked about.
    pub query: String,
    /// The answer, when it came.
    pub answer: Option<Rc<Got>>,
    /// Time the worker took (ms), once answered.
    pub elapsed_ms: f64,
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct State {
    /// The scenario (single owner; the URL is a projection of it).
    pub scenario: Scenario,
    /// The page language.
    pub lang: Lang,
    /// The open panel below the chart (`tab` in the link unless it is the first).
    pub tab: Panel,
    /// Problems found in the link the page was opened with.
    pub link_problems: Vec<Problem>,
    /// The language whose texts could not be loaded, and why (the release
    /// page loads a language's texts when it first shows it).
    pub lang_failure: Option<(Lang, String)>,
    /// A rejected typed value, per key.
    pub entry_problem: Option<(Key, Problem)>,
    /// Number of the newest computation request.
    pub request: u64,
    /// The newest result, and whether it is the quick partial one.
    pub result: Option<(Rc<Report>, bool)>,
    /// The newest full result as the command line's JSON (the JSON export), written by the worker.
    pub result_json: Option<Rc<str>>,
    /// The request the shown result answers.
    pub result_for: u64,
    /// The scenario the shown result was computed for (decoded from the
    /// report's own canonical query): what the result is shown with, so that a
    /// result is never paired with the settings of a newer scenario.
    pub result_scenario: Scenario,
    /// The comparison shown with the result, when a scenario A is pinned.
    pub compared: Option<Rc<Compared>>,
    /// The last failure message of the worker, if the newest request failed.
    pub failure: Option<String>,
    /// Incremented to replace the worker by a fresh one (after a failure).
    pub worker_generation: u32,
    /// The scenario's optional title (shown, and carried in the link).
    pub title: String,
    /// The scenario's optional note.
    pub note: String,
    /// Scenario A of a comparison, pinned; the scenario being edited is then B.
    pub pinned: Option<Scenario>,
    /// The title the scenario had when it was pinned as A (names A; not in the link).
    pub pinned_title: String,
    /// Number of the newest question.
    pub questions: u64,
    /// The newest "what would it take" question.
    pub solve: Option<Asked>,
    /// The newest "which assumption matters most" question (the tornado).
    pub sensitivity: Option<Asked>,
    /// The newest "which measure matters most" question (the lever table).
    pub lever_ranking: Option<Asked>,
    /// The observed data as the user typed, pasted or loaded it (kept as is, also when it has errors).
    pub obs_text: String,
    /// What is wrong with `obs_text`, per line, after the last attempt to read it.
    pub obs_errors: Vec<LineError>,
}

/// Everything that can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Set a key to a value in URL units (from a slider).
    Set(Key, f64),
    /// Set keys to exact values in URL units, in one change (an answer of the
    /// "what would it take" search; not snapped to the sliders' steps).
    Apply(Vec<(Key, f64)>),
    /// Set a key from typed text, read by `wlz_scenario::scenario::parse_typed`
    /// (a decimal comma or point; an ambiguous `1.250` is refused with a message).
    Type(Key, String),
    /// Put one key back at its default.
    Reset(Key),
    /// Put every key of a group of the parameter table back at its default.
    ResetGroup(Group),
    /// Start a fresh worker and compute the scenario again (after a failure).
    Retry,
    /// Pin the current scenario as A of a comparison (the edited one becomes B).
    Pin,
    /// Stop comparing.
    Unpin,
    /// Set the title (cut to its maximum length).
    Title(String),
    /// Set the note (cut to its maximum length).
    Note(String),
    /// Open the scenario (and the pinned one) in the current key set: a model 1 link in model 2.
    Upgrade,
    /// Apply a preset's levers (an index into `wlz_scenario::presets::PRESETS`).
    Preset(usize),
    /// The observed-data text changed (typed, pasted or loaded from a file); nothing is read yet.
    ObservedText(String),
    /// Read the observed-data text: on success it replaces the series, otherwise the errors are shown and the series stays.
    ReadObserved,
    /// Show these problems with observed data (a file refused before reading); text and series stay.
    ObservedErrors(Vec<LineError>),
    /// Remove the observed series and its text.
    ClearObserved,
    /// Ask the worker a question about the current scenario.
    Ask(Question),
    /// The worker answered a question.
    Answered {
        /// The question it answers.
        id: u64,
        /// The answer.
        answer: Rc<Got>,
        /// Time the worker took (ms).
        elapsed_ms: f64,
    },
    /// The browser went back or forward: take everything from this query.
    Navigate(String),
    /// Switch the language.
    Lang(Lang),
    /// The texts of the language asked for could not be loaded: stay in (or
    /// go back to) a language the page has.
    LangFailed {
        /// The language asked for.
        asked: Lang,
        /// The language the page shows instead.
        back: Lang,
        /// Why (the browser's words).
        reason: String,
    },
    /// Open a panel below the chart.
    Tab(Panel),
    /// A result arrived from the worker.
    Result {
        /// The request it answers.
        id: u64,
        /// All outputs.
        report: Rc<Report>,
        /// True for the quick first result.
        partial: bool,
        /// The comparison with the pinned scenario A, when one is pinned.
        compared: Option<Rc<Compared>>,
        /// The report as JSON (full results).
        json: Option<Rc<str>>,
    },
    /// The worker failed on a request.
    Failed {
        /// The request it answers; 0 when it is not tied to one (the worker could not start).
        id: u64,
        /// What went wrong.
        message: String,
    },
}

/// The page language a link's `lang` asks for (the default when it names none of the page's).
fn lang_of(code: Option<&str>) -> Lang {
    code.and_then(Lang::parse).unwrap_or_default()
}

/// The page language of a page opened with `query` (the URL's query string).
pub fn lang_of_query(query: &str) -> Lang {
    lang_of(codec::decode(query).page.lang.as_deref())
}

/// The problem with a link's `lang`, when it names no language of the page.
fn lang_problem(code: Option<&str>) -> Option<Problem> {
    let code = code.filter(|c| Lang::parse(c).is_none())?;
    let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    Some(Problem::new("lang", code, Issue::OneOf(codes.join(", "))))
}

/// The problem with a link's `tab`, when it names no panel of the page.
fn tab_problem(code: Option<&str>) -> Option<Problem> {
    let code = code.filter(|c| Panel::parse(c).is_none())?;
    let codes: Vec<&str> = Panel::ALL.iter().map(|p| p.code()).collect();
    Some(Problem::new("tab", code, Issue::OneOf(codes.join(", "))))
}

impl State {
    /// The state for a page opened with `query` (the URL's query string).
    pub fn from_query(query: &str) -> State {
        let decoded = codec::decode(query);
        let obs_text = decoded.scenario.observed().map(ObservedSeries::to_text).unwrap_or_default();
        State {
            scenario: decoded.scenario,
            lang: lang_of(decoded.page.lang.as_deref()),
            tab: decoded.page.tab.as_deref().and_then(Panel::parse).unwrap_or_default(),
            link_problems: decoded
                .problems
                .into_iter()
                .chain(lang_problem(decoded.page.lang.as_deref()))
                .chain(tab_problem(decoded.page.tab.as_deref()))
                .collect(),
            request: 1,
            title: decoded.page.title,
            note: decoded.page.note,
            pinned: decoded.page.pinned,
            obs_text,
            ..State::default()
        }
    }

    /// The observed series (the scenario's), for the components that show it.
    pub fn observed(&self) -> Option<Rc<ObservedSeries>> {
        self.scenario.observed().cloned().map(Rc::new)
    }

    /// Sets the observed series of the scenario and of the pinned scenario A (they share it).
    fn set_observed(&mut self, series: Option<ObservedSeries>) {
        if let Some(pinned) = &mut self.pinned {
            pinned.set_observed(series.clone());
        }
        self.scenario.set_observed(series);
    }

    /// The page keys of this state.
    pub fn page(&self) -> codec::Page {
        codec::Page {
            lang: (self.lang != Lang::default()).then(|| self.lang.code().to_string()),
            tab: (self.tab != Panel::default()).then(|| self.tab.code().to_string()),
            title: self.title.clone(),
            note: self.note.clone(),
            pinned: self.pinned.clone(),
        }
    }

    /// The request the worker gets for this state.
    pub fn worker_request(&self) -> wlz_scenario::protocol::Request {
        wlz_scenario::protocol::Request::new(self.request, &self.scenario, self.pinned.as_ref())
    }

    /// The message for the newest question, while it has no answer.
    pub fn question_message(&self) -> Option<ToWorker> {
        [&self.solve, &self.sensitivity, &self.lever_ranking]
            .into_iter()
            .flatten()
            .find(|a| a.id == self.questions && a.answer.is_none())
            .map(|asked| ToWorker::Ask {
                id: asked.id,
                query: asked.query.clone(),
                observed: wlz_scenario::protocol::observed_outside(&asked.query, &self.scenario),
                question: asked.question,
            })
    }

    /// True when `asked` was about another scenario than the current one.
    pub fn is_stale(&self, asked: &Asked) -> bool {
        asked.query != codec::encode(&self.scenario)
    }

    fn slot(&mut self, question: &Question) -> &mut Option<Asked> {
        match question {
            Question::Solve { .. } => &mut self.solve,
            Question::Sensitivity { .. } => &mut self.sensitivity,
            Question::LeverRanking => &mut self.lever_ranking,
        }
    }

    /// Every question slot.
    fn slots(&mut self) -> [&mut Option<Asked>; 3] {
        [&mut self.solve, &mut self.sensitivity, &mut self.lever_ranking]
    }

    /// The query string the URL shows for this state.
    pub fn query(&self) -> String {
        codec::encode_page(&self.scenario, &self.page())
    }

    /// True while the newest request has no full result yet.
    pub fn computing(&self) -> bool {
        self.failure.is_none() && (self.result_for != self.request || matches!(self.result, Some((_, true)) | None))
    }

    /// A new request; after a failure it goes to a fresh worker (a worker
    /// that panicked cannot be trusted with more work).
    fn changed(mut self) -> State {
        self.request += 1;
        if self.failure.take().is_some() {
            self.worker_generation += 1;
        }
        self
    }

    /// Applies `action` (the reducer).
    pub fn apply(mut self, action: Action) -> State {
        match action {
            Action::Set(key, value) => {
                let step = params::spec(key).step;
                let value = (value / step).round() * step;
                let value = (value * 1e6).round() / 1e6;
                if self.scenario.get(key) == value || self.scenario.set(key, value).is_err() {
                    return self;
                }
                self.scenario.repair();
                self.entry_problem = None;
                self.changed()
            }
            Action::Apply(values) => {
                let before = self.scenario.clone();
                for (key, value) in values {
                    if self.scenario.set(key, value).is_err() {
                        self.scenario = before;
                        return self;
                    }
                }
                self.scenario.repair();
                self.entry_problem = None;
                if self.scenario == before { self } else { self.changed() }
            }
            Action::Type(key, text) => {
                let spec = params::spec(key);
                let mut scenario = self.scenario.clone();
                let read = wlz_scenario::scenario::parse_typed(spec, &text)
                    .map_err(|issue| Problem::new(spec.name, text.trim(), issue))
                    .and_then(|value| scenario.set(key, value));
                match read {
                    Ok(()) => {
                        scenario.repair();
                        self.entry_problem = None;
                        if scenario == self.scenario {
                            return self;
                        }
                        self.scenario = scenario;
                        self.changed()
                    }
                    Err(problem) => {
                        self.entry_problem = Some((key, problem));
                        self
                    }
                }
            }
            Action::Reset(key) => {
                if self.scenario.is_default(key) {
                    return self;
                }
                self.scenario.reset(key);
                self.scenario.repair();
                self.entry_problem = None;
                self.changed()
            }
            Action::ResetGroup(group) => {
                let before = self.scenario.clone();
                for spec in params::PARAMS.iter().filter(|p| p.group == group) {
                    self.scenario.reset(spec.key);
                }
                self.scenario.repair();
                self.entry_problem = None;
                if self.scenario == before { self } else { self.changed() }
            }
            Action::Pin => {
                self.pinned = Some(self.scenario.clone());
                self.pinned_title = self.title.clone();
                self.changed()
            }
            Action::Unpin => {
                self.pinned = None;
                self.pinned_title.clear();
                self.compared = None;
                self.changed()
            }
            Action::Title(text) => {
                self.title = codec::clean_text(&text, codec::MAX_TITLE);
                self
            }
            Action::Note(text) => {
                self.note = codec::clean_text(&text, codec::MAX_NOTE);
                self
            }
            Action::Preset(index) => match wlz_scenario::presets::PRESETS.get(index).map(|p| p.apply(&self.scenario)) {
                Some(Ok(scenario)) if scenario != self.scenario => {
                    self.scenario = scenario;
                    self.entry_problem = None;
                    self.changed()
                }
                _ => self,
            },
            Action::Navigate(query) => {
                let next = State::from_query(&query);
                if next.query() == self.query() {
                    return self;
                }
                // The result, the questions and the worker stay until the new scenario's come.
                let pinned_title = if next.pinned == self.pinned { self.pinned_title } else { String::new() };
                State {
                    pinned_title,
                    result: self.result,
                    result_for: self.result_for,
                    questions: self.questions,
                    solve: self.solve,
                    sensitivity: self.sensitivity,
                    lever_ranking: self.lever_ranking,
                    request: self.request,
                    worker_generation: self.worker_generation,
                    ..next
                }
                .changed()
            }
            Action::Retry => {
                if self.failure.is_none() {
                    self.worker_generation += 1;
                }
                self.changed()
            }
            Action::Upgrade => {
                let current = wlz_scenario::params::KeySet::default();
                self.scenario = self.scenario.with_key_set(current);
                self.pinned = self.pinned.map(|p| p.with_key_set(current));
                self.changed()
            }
            Action::Lang(lang) => {
                self.lang = lang;
                self.lang_failure = None;
                self
            }
            Action::LangFailed { asked, back, reason } => {
                self.lang = back;
                self.lang_failure = Some((asked, reason));
                self
            }
            Action::Tab(tab) => {
                self.tab = tab;
                self
            }
            // A pool computes the quick and the full result in different workers: a
            // quick result that comes after the full one of the same request is dropped.
            Action::Result { id, partial: true, .. }
                if id == self.result_for && self.result.as_ref().is_some_and(|r| !r.1) =>
            {
                self
            }
            Action::Result { id, report, partial, compared, json } if id == self.request => {
                self.result_scenario = codec::decode(&report.scenario).scenario;
                self.result = Some((report, partial));
                self.result_json = json;
                self.compared = compared;
                self.result_for = id;
                self
            }
            // Id 0: a failure not tied to a request (the worker could not start): it concerns the newest.
            // The first message wins: after a panic's own message the worker also reports the trap.
            Action::Failed { id, message } if id == self.request || id == 0 => {
                // Questions in flight died with the worker: they can be asked again.
                for asked in self.slots().into_iter().flatten() {
                    if asked.answer.is_none() {
                        asked.answer = Some(Rc::new(Err(Refusal::Failed(message.clone()))));
                    }
                }
                self.failure.get_or_insert(message);
                self
            }
            Action::Result { .. } | Action::Failed { .. } => self,
            Action::ObservedText(text) => {
                self.obs_text = text;
                self
            }
            Action::ReadObserved => match ObservedSeries::parse(&self.obs_text) {
                Ok(series) => {
                    self.obs_errors.clear();
                    self.set_observed(Some(series));
                    self.changed()
                }
                Err(errors) => {
                    self.obs_errors = errors;
                    self
                }
            },
            Action::ObservedErrors(errors) => {
                self.obs_errors = errors;
                self
            }
            Action::ClearObserved => {
                self.obs_text.clear();
                self.obs_errors.clear();
                self.set_observed(None);
                self.changed()
            }
            Action::Ask(question) => {
                self.questions += 1;
                let asked = Asked {
                    id: self.questions,
                    question,
                    query: codec::encode(&self.scenario),
                    answer: None,
                    elapsed_ms: 0.0,
                };
                *self.slot(&question) = Some(asked);
                self
            }
            Action::Answered { id, answer, elapsed_ms } => {
                for asked in self.slots().into_iter().flatten() {
                    if asked.id == id && asked.answer.is_none() {
                        asked.answer = Some(answer.clone());
                        asked.elapsed_ms = elapsed_ms;
                    }
                }
                self
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    /// Applies `action`; a new request for the same pool leaves for the
    /// workers at once ([`crate::bridge::send_early`]), before the page
    /// re-renders (the app's effect, which runs after the render, would send it
    /// a few milliseconds later and then finds it sent).
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let (request, generation) = (self.request, self.worker_generation);
        let next = Rc::unwrap_or_clone(self).apply(action);
        if next.request != request && next.worker_generation == generation {
            crate::bridge::send_early(&next.worker_request());
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report_for(state: &State, partial: bool) -> Action {
        let params = state.scenario.model_params();
        let projection = wlz_engine::simulate::project_runs(&params, 100);
        let report = Report::new(&codec::encode(&state.scenario), &params, &projection, 1.0);
        Action::Result { id: state.request, report: Rc::new(report), partial, compared: None, json: None }
    }

    #[test]
    fn a_model_one_link_opens_in_model_two_on_request() {
        let state = State::from_query("?v=1&aid=40&trend_sd=3&pin=1&a.aid=10");
        let up = state.apply(Action::Upgrade);
        assert_eq!(up.query(), "v=2&aid=40&trend_sd=3&pin=1&a.aid=10&a.trend_sd=3");
        assert_eq!(up.scenario.key_set(), wlz_scenario::params::KeySet::V2);
    }

    #[test]
    fn opening_a_link_restores_the_scenario_and_language() {
        let state = State::from_query("?v=1&aid=40&seed=7&runs=2000&lang=en");
        assert_eq!(state.scenario.get(Key::Aid), 40.0);
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.query(), "v=1&seed=7&runs=2000&aid=40&lang=en");
        assert!(state.link_problems.is_empty());
        assert!(State::from_query("aid=x").link_problems.len() == 1);
    }

    #[test]
    fn a_language_whose_texts_cannot_be_loaded_is_left_and_said_until_the_next_switch() {
        let asked = State::from_query("v=2").apply(Action::Lang(Lang::En));
        assert_eq!(asked.query(), "v=2&lang=en");
        let failed = asked.apply(Action::LangFailed { asked: Lang::En, back: Lang::Nl, reason: "404".into() });
        assert_eq!((failed.lang, failed.lang_failure.clone()), (Lang::Nl, Some((Lang::En, "404".to_string()))));
        assert_eq!(failed.query(), "v=2", "the link no longer asks for the language it does not show");
        let again = failed.apply(Action::Lang(Lang::En));
        assert_eq!((again.lang, again.lang_failure), (Lang::En, None));
    }

    #[test]
    fn slider_values_are_snapped_to_the_step_and_start_a_new_request() {
        let state = State::default().apply(Action::Set(Key::Aid, 33.300000000000004));
        assert_eq!(state.scenario.get(Key::Aid), 33.0);
        assert_eq!(state.request, 1);
        let same = state.clone().apply(Action::Set(Key::Aid, 33.2));
        assert_eq!(same.request, 1, "no change, no new request");
        let out_of_range = same.apply(Action::Set(Key::Aid, 250.0));
        assert_eq!(out_of_range.scenario.get(Key::Aid), 33.0);
    }

    #[test]
    fn every_kind_of_numeric_field_reads_a_decimal_comma() {
        let typed = |key, text: &str| State::default().apply(Action::Type(key, text.into()));
        assert_eq!(typed(Key::Outflow, "0,3").query(), "v=2&outflow=0.3");
        assert_eq!(typed(Key::Outflow, "0.3").query(), "v=2&outflow=0.3");
        assert_eq!(typed(Key::LevelSd, "12,5").query(), "v=2", "12,5 is the default, not 125");
        assert_eq!(typed(Key::Phi, "\u{2212}0,5").query(), "v=2&phi=-0.5");
        assert_eq!(typed(Key::Runs, "20000,0").query(), "v=2&runs=20000");
        assert_eq!(typed(Key::Longer, "37,5").query(), "v=2&longer=37.5");
        let ambiguous = typed(Key::Stock, "30.000");
        assert_eq!(ambiguous.query(), "v=2", "an ambiguous number changes nothing");
        assert_eq!(ambiguous.entry_problem.map(|(k, p)| (k, p.issue)), Some((Key::Stock, Issue::Ambiguous)));
        let unreadable = typed(Key::Level, "twee");
        assert!(matches!(unreadable.entry_problem, Some((Key::Level, ref p)) if p.value == "twee"));
    }

    #[test]
    fn typed_values_accept_a_decimal_comma_and_report_bad_input() {
        let state = State::default().apply(Action::Type(Key::Region, "12,5".into()));
        assert_eq!(state.scenario.get(Key::Region), 12.5);
        let bad = state.apply(Action::Type(Key::Region, "80".into()));
        assert_eq!(bad.scenario.get(Key::Region), 12.5, "the old value stays");
        let (key, problem) = bad.entry_problem.clone().expect("a problem");
        assert_eq!(key, Key::Region);
        assert_eq!(problem.key, "region");
        let fixed = bad.apply(Action::Type(Key::Region, "20".into()));
        assert!(fixed.entry_problem.is_none());
    }

    #[test]
    fn pin_title_note_and_presets_live_in_the_query() {
        let state = State::from_query("v=1&aid=20");
        let state = state.apply(Action::Pin).apply(Action::Set(Key::Aid, 70.0));
        assert_eq!(state.query(), "v=1&aid=70&pin=1&a.aid=20");
        let state = state.apply(Action::Title("Plan & <b>".into())).apply(Action::Note("x".repeat(600)));
        assert_eq!(state.title, "Plan & <b>");
        assert_eq!(state.note.chars().count(), codec::MAX_NOTE);
        assert!(state.query().contains("&title=Plan%20%26%20%3Cb%3E&note=xxx"));
        assert_eq!(state.pinned_title, "", "A had no title when pinned");
        let reopened = State::from_query(&state.query());
        assert_eq!((reopened.title.as_str(), reopened.pinned.clone()), (state.title.as_str(), state.pinned.clone()));
        let state = state.apply(Action::Unpin).apply(Action::Preset(2));
        assert!(wlz_scenario::presets::PRESETS[2].matches(&state.scenario));
        assert!(!state.query().contains("pin="));
    }

    #[test]
    fn navigating_takes_everything_from_the_query_and_asks_for_a_new_result() {
        let state = State::from_query("v=1&aid=20");
        let request = state.request;
        let back = state.clone().apply(Action::Navigate("?v=1&region=5&lang=en".into()));
        assert_eq!(back.query(), "v=1&region=5&lang=en");
        assert_eq!(back.request, request + 1);
        let same = back.clone().apply(Action::Navigate("v=1&region=5&lang=en".into()));
        assert_eq!(same.request, back.request, "the same query changes nothing");
    }

    #[test]
    fn the_open_panel_is_in_the_link_unless_it_is_the_first() {
        let state = State::from_query("v=1&tab=solve");
        assert_eq!(state.tab, Panel::Solve);
        assert!(state.link_problems.is_empty());
        let state = state.apply(Action::Tab(Panel::Explanation));
        assert_eq!(state.query(), "v=1&tab=explanation");
        assert_eq!(state.request, 1, "a panel is not a new scenario");
        assert_eq!(state.apply(Action::Tab(Panel::Effect)).query(), "v=1");
        let bad = State::from_query("v=1&tab=nope");
        assert_eq!((bad.tab, bad.link_problems.len()), (Panel::Effect, 1));
        let titled = State::from_query("v=1&title=Noord").apply(Action::Pin);
        assert_eq!(titled.pinned_title, "Noord", "A keeps the title it had when pinned");
        assert_eq!(titled.apply(Action::Unpin).pinned_title, "");
    }

    #[test]
    fn resets_put_keys_and_groups_back() {
        let state = State::from_query("v=1&level=300&eps=70&aid=20");
        let state = state.apply(Action::Reset(Key::Level));
        assert_eq!(state.query(), "v=1&aid=20&eps=70");
        let state = state.apply(Action::ResetGroup(Group::Assumption));
        assert_eq!(state.query(), "v=1&aid=20");
    }

    #[test]
    fn stale_results_are_dropped_and_the_full_result_ends_computing() {
        let state = State::from_query("");
        let stale = report_for(&state, false);
        let state = state.apply(Action::Set(Key::Aid, 50.0));
        assert!(state.computing());
        let state = state.apply(stale);
        assert!(state.result.is_none(), "a result for an older request is dropped");
        let partial = report_for(&state, true);
        let state = state.apply(partial);
        assert!(state.computing() && state.result.as_ref().is_some_and(|(_, p)| *p));
        let full = report_for(&state, false);
        let state = state.apply(full);
        assert!(!state.computing());
        let late_quick = report_for(&state, true);
        let state = state.apply(late_quick);
        assert!(!state.computing(), "a quick result after the full one is dropped");
        let failed = state.clone().apply(Action::Set(Key::Aid, 60.0));
        let id = failed.request;
        let failed = failed.apply(Action::Failed { id, message: "boom".into() });
        assert_eq!(failed.failure.as_deref(), Some("boom"));
        assert!(!failed.computing());
        let trapped = failed.clone().apply(Action::Failed { id, message: "unreachable".into() });
        assert_eq!(trapped.failure.as_deref(), Some("boom"), "the first message (the panic's) is kept");
        let retried = failed.clone().apply(Action::Retry);
        assert!(retried.failure.is_none() && retried.computing() && retried.worker_generation == 1);
        let moved = failed.apply(Action::Set(Key::Aid, 70.0));
        assert!(
            moved.failure.is_none() && moved.computing() && moved.worker_generation == 1,
            "a change after a failure gets a fresh worker"
        );
        let again = moved.apply(Action::Set(Key::Aid, 71.0));
        assert_eq!(again.worker_generation, 1, "no new worker while the current one works");
    }

    #[test]
    fn the_lever_table_is_asked_once_and_keeps_its_answer_apart() {
        let state = State::from_query("v=1&runs=200").apply(Action::Ask(Question::LeverRanking));
        let Some(ToWorker::Ask { id, question, query, observed }) = state.question_message() else {
            panic!("no question")
        };
        assert_eq!((question, query.as_str(), observed), (Question::LeverRanking, "v=1&runs=200", None));
        let params = state.scenario.model_params();
        let answer = wlz_engine::question::answer(question, &params).map_err(Refusal::Engine);
        let state = state.apply(Action::Answered { id, answer: Rc::new(answer), elapsed_ms: 3.0 });
        assert!(state.question_message().is_none() && state.solve.is_none() && state.sensitivity.is_none());
        let asked = state.lever_ranking.clone().expect("asked");
        assert!(matches!(asked.answer.as_deref(), Some(Ok(Answer::LeverRanking(t))) if t.rows.len() == 4));
        let moved = state.apply(Action::Set(Key::Aid, 50.0));
        assert!(moved.is_stale(&asked), "a change of the scenario marks the table");
    }

    #[test]
    fn a_question_carries_a_series_too_long_for_the_link() {
        // 48 months (2023-01 to 2026-12): more than a link holds, so the page keeps it.
        let text: String =
            (0..48).map(|i| format!("{},{}\n", wlz_scenario::Month::new(2023, 1).plus(i), 240 + i % 9)).collect();
        let state = State::from_query("v=2&runs=200&fit=1")
            .apply(Action::ObservedText(text))
            .apply(Action::ReadObserved)
            .apply(Action::Ask(Question::LeverRanking));
        let Some(ToWorker::Ask { query, observed, .. }) = state.question_message() else { panic!("no question") };
        assert!(!query.contains("obs="), "the link cannot carry 48 months: {query}");
        let asked = wlz_scenario::protocol::scenario_of(&query, observed.as_deref());
        assert_eq!(asked.observed().map(|s| s.points.len()), Some(48), "the worker answers with every month");
        assert_eq!(asked.model_params(), state.scenario.model_params(), "the scenario the page shows");
        // The negative control: without the series the worker would answer another scenario.
        assert_ne!(wlz_scenario::protocol::scenario_of(&query, None).model_params(), state.scenario.model_params());
    }

    #[test]
    fn an_applied_answer_is_set_exactly_in_one_change() {
        let state = State::from_query("v=1");
        let applied = state.clone().apply(Action::Apply(vec![(Key::Aid, 43.27), (Key::Region, 12.5)]));
        assert_eq!((applied.scenario.get(Key::Aid), applied.scenario.get(Key::Region)), (43.27, 12.5));
        assert_eq!(applied.request, state.request + 1);
        let refused = applied.clone().apply(Action::Apply(vec![(Key::Aid, 50.0), (Key::Region, 80.0)]));
        assert_eq!(refused, applied, "a value out of range changes nothing");
    }
}
