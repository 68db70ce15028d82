//! The whole page state and the one reducer that changes it. Pure: tested natively.

use crate::i18n::Lang;
use std::rc::Rc;
use wlz_engine::Scenario;
use wlz_engine::codec;
use wlz_engine::output::Report;
use wlz_engine::params::{self, Key};
use wlz_engine::problem::Problem;
use yew::Reducible;

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct State {
    /// The scenario (single owner; the URL is a projection of it).
    pub scenario: Scenario,
    /// The page language.
    pub lang: Lang,
    /// Problems found in the link the page was opened with.
    pub link_problems: Vec<Problem>,
    /// A rejected typed value, per key.
    pub entry_problem: Option<(Key, Problem)>,
    /// Number of the newest computation request.
    pub request: u64,
    /// The newest result, and whether it is the quick partial one.
    pub result: Option<(Rc<Report>, bool)>,
    /// The request the shown result answers.
    pub result_for: u64,
    /// The last failure message of the worker, if the newest request failed.
    pub failure: Option<String>,
}

/// Everything that can happen to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Set a key to a value in URL units (from a slider).
    Set(Key, f64),
    /// Set a key from typed text (decimal comma accepted).
    Type(Key, String),
    /// Switch the language.
    Lang(Lang),
    /// A result arrived from the worker.
    Result {
        /// The request it answers.
        id: u64,
        /// All outputs.
        report: Rc<Report>,
        /// True for the quick first result.
        partial: bool,
    },
    /// The worker failed on a request.
    Failed {
        /// The request it answers.
        id: u64,
        /// What went wrong.
        message: String,
    },
}

impl State {
    /// The state for a page opened with `query` (the URL's query string).
    pub fn from_query(query: &str) -> State {
        let decoded = codec::decode(query);
        State {
            scenario: decoded.scenario,
            lang: Lang::from_code(decoded.lang.as_deref().unwrap_or("nl")),
            link_problems: decoded.problems,
            request: 1,
            ..State::default()
        }
    }

    /// The query string the URL shows for this state.
    pub fn query(&self) -> String {
        codec::encode_page(&self.scenario, self.lang.code())
    }

    /// True while the newest request has no full result yet.
    pub fn computing(&self) -> bool {
        self.failure.is_none() && (self.result_for != self.request || matches!(self.result, Some((_, true)) | None))
    }

    fn changed(mut self) -> State {
        self.request += 1;
        self.failure = None;
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
            Action::Type(key, text) => {
                let text = text.trim().replace(',', ".");
                let mut scenario = self.scenario.clone();
                match scenario.set_text(params::spec(key).name, &text) {
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
            Action::Lang(lang) => {
                self.lang = lang;
                self
            }
            Action::Result { id, report, partial } if id == self.request => {
                self.result = Some((report, partial));
                self.result_for = id;
                self
            }
            Action::Failed { id, message } if id == self.request => {
                self.failure = Some(message);
                self
            }
            Action::Result { .. } | Action::Failed { .. } => self,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).apply(action))
    }
}
