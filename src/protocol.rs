//! The message protocol between the page and its Web Worker: plain serde
//! types, sent as JSON strings.

use serde::{Deserialize, Serialize};
use wlz_engine::compare::Comparison;
use wlz_engine::output::Report;
pub use wlz_engine::question::{Answer, Question};

/// Runs in the first, quick result of a request (then refined to the full count).
pub const FIRST_RUNS: u32 = 1_000;

/// Page -> worker: compute this scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Request number; the worker drops requests overtaken by a newer one.
    pub id: u64,
    /// The canonical scenario query (scenario B when comparing).
    pub query: String,
    /// The canonical query of the pinned scenario A, when comparing.
    pub pinned: Option<String>,
}

/// Page -> worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToWorker {
    /// Compute the projection (newer requests overtake older ones).
    Project(Request),
    /// Answer a question; answered in order, never dropped.
    Ask {
        /// Question number (its own sequence, apart from the requests').
        id: u64,
        /// The canonical scenario query.
        query: String,
        /// The question.
        question: Question,
    },
}

/// The worker's answer to a [`Question`]: the engine's, or why there is none (English, one line).
pub type Reply = Result<Answer, String>;

/// The comparison part of a result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Compared {
    /// A against B on common random numbers.
    Done(Box<Comparison>),
    /// Why A and B cannot be compared: which setting differs (`seed`, `start`, `horizon`), A's and B's values.
    Mismatch {
        /// The scenario key that differs.
        key: String,
        /// A's value, as in the URL.
        a: String,
        /// B's value, as in the URL.
        b: String,
    },
}

/// Worker -> page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// The worker has started and listens; requests sent before this are lost, so the page waits for it.
    Ready,
    /// A result; `partial` when it comes from the first [`FIRST_RUNS`] runs only.
    Result {
        /// The request it answers.
        id: u64,
        /// All outputs (the CLI's JSON schema).
        report: Box<Report>,
        /// True for the quick first result.
        partial: bool,
        /// The comparison with the pinned scenario, when one is pinned.
        compared: Option<Compared>,
    },
    /// The answer to a question.
    Answer {
        /// The question it answers.
        id: u64,
        /// The answer, or why there is none.
        answer: Reply,
        /// Time the worker took (ms).
        elapsed_ms: f64,
    },
    /// The computation failed.
    Failed {
        /// The request it answers; 0 when it is not tied to one (the worker could not start).
        id: u64,
        /// What went wrong (English, technical).
        message: String,
    },
}
