//! The message protocol between the page and its Web Workers: a few plain
//! serde types, sent as bytes ([`encode`], [`decode`]: bincode, every f64 bit
//! for bit), so neither side needs a JSON parser. The page sends canonical
//! scenario queries and questions; the worker decodes each request once and
//! answers with typed results and typed refusals (the page words them in its
//! language). A result carries the [`Projection`]; the page makes the
//! [`crate::output::Report`] of it (the CLI's JSON schema) for its exports.

use crate::compare::{CompareError, Paired};
use crate::output::Projection;
use crate::params::Key;
pub use crate::question::{Answer, Question};
use crate::solve::SolveError;
use serde::{Deserialize, Serialize};

/// Runs in the first, quick result of a request (then refined to the full count).
pub const FIRST_RUNS: u32 = 1_000;

/// Which results of a request one worker computes: a page with one worker
/// asks for both; a pool asks one worker for the quick result and another
/// for the full one, so that the full result does not wait for the quick one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Stages {
    /// The quick result from the first [`FIRST_RUNS`] runs (when there are
    /// more runs than that), then the full result.
    #[default]
    Both,
    /// Only the quick result; nothing when the run count is at most [`FIRST_RUNS`].
    Quick,
    /// Only the full result.
    Full,
}

/// Page -> worker: compute this scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Request number; the worker drops requests overtaken by a newer one.
    pub id: u64,
    /// The canonical scenario query (scenario B when comparing).
    pub query: String,
    /// The canonical query of the pinned scenario A, when comparing.
    pub pinned: Option<String>,
    /// Which results this worker computes.
    #[serde(default)]
    pub stages: Stages,
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

/// The worker's answer to a [`Question`]: the engine's, or why there is none.
pub type Reply = Result<Answer, SolveError>;

/// The comparison part of a result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Compared {
    /// A against B on common random numbers: A's projection and the paired
    /// differences (B's projection is the result's report, sent once).
    Done {
        /// Scenario A's projection.
        a: Box<Projection>,
        /// What the paired runs say.
        paired: Box<Paired>,
    },
    /// Why A and B cannot be compared: the setting that differs, A's and B's values as in the URL.
    Mismatch {
        /// The scenario key that differs (`seed`, `start` or `horizon`).
        key: Key,
        /// A's value, as in the URL.
        a: String,
        /// B's value, as in the URL.
        b: String,
    },
}

impl Compared {
    /// The mismatch that `error` describes.
    pub fn mismatch(error: &CompareError) -> Compared {
        let (key, a, b) = match error {
            CompareError::Seed(a, b) => (Key::Seed, a.to_string(), b.to_string()),
            CompareError::Start(a, b) => (Key::Start, a.to_string(), b.to_string()),
            CompareError::Horizon(a, b) => (Key::Horizon, a.to_string(), b.to_string()),
        };
        Compared::Mismatch { key, a, b }
    }
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
        /// The canonical query it was computed for, so the page shows it with
        /// that scenario's settings, never with a newer one's.
        query: String,
        /// All outputs.
        projection: Box<Projection>,
        /// Time the worker took (ms).
        elapsed_ms: f64,
        /// The report as the command line's JSON (the JSON export), with full results only.
        json: Option<String>,
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
    /// The computation failed (a panic in the engine, a worker that could not start).
    Failed {
        /// The request it answers; 0 when it is not tied to one (the worker could not start).
        id: u64,
        /// What went wrong (technical, as the browser or the engine said it).
        message: String,
    },
}

/// A message as bytes (to post across the page <-> worker boundary).
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    // Serialising these types into memory cannot fail (no maps with non-string keys, no I/O).
    bincode::serialize(message).unwrap_or_default()
}

/// A message from its bytes; an error names what is wrong (a truncated or foreign message).
pub fn decode<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, String> {
    bincode::deserialize(bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_as_bytes_bit_for_bit() {
        let m = Compared::mismatch(&CompareError::Seed(1, 2));
        assert_eq!(decode::<Compared>(&encode(&m)).unwrap(), m);
        let reply: Reply = Err(SolveError::Confidence { value: 1.5 });
        let answer = Response::Answer { id: 3, answer: reply, elapsed_ms: 1.0 };
        assert_eq!(decode::<Response>(&encode(&answer)).unwrap(), answer);
        let request =
            ToWorker::Project(Request { id: 7, query: "v=1&aid=5".into(), pinned: None, stages: Stages::Full });
        assert_eq!(decode::<ToWorker>(&encode(&request)).unwrap(), request);
        assert!(decode::<Response>(&[9, 9]).is_err(), "a foreign message is an error, not a panic");
    }
}
