//! The message protocol between the page and its Web Workers: a few plain
//! types, sent as bytes ([`encode`], [`decode`]: [`crate::wire`], every f64
//! bit for bit), so neither side needs a JSON parser. The page sends canonical
//! scenario queries and questions; the worker decodes each request once and
//! answers with typed results and typed refusals (the page words them in its
//! language). A result carries the [`Projection`]; the page makes the
//! [`crate::output::Report`] of it (the CLI's JSON schema) for its exports.
//! A pool of workers follows [`Request::plan`]: a model 2 projection is split
//! into [`blocks`] of runs whose parts ([`Response::Part`], bytes the page does
//! not read) one worker merges ([`ToWorker::Merge`]).

use crate::compare::{CompareError, Paired};
use crate::output::Projection;
use crate::params::Key;
pub use crate::question::{Answer, Question};
use crate::solve::SolveError;
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use crate::wire::{decode, encode};

/// Runs in the first, quick result of a request (then refined to the full count).
pub const FIRST_RUNS: u32 = 500;

/// Which results of a request one worker computes: a page with one worker
/// asks for both; a pool asks one worker for the quick result and another
/// for the full one, so that the full result does not wait for the quick one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Stages {
    /// The quick result from the first [`FIRST_RUNS`] runs (when there are
    /// more runs than that), then the full result.
    #[default]
    Both,
    /// Only the quick result; nothing when the run count is at most [`FIRST_RUNS`].
    Quick,
    /// Only the full result.
    Full,
    /// Model 2 split over the pool: the sums of runs `from..to` as a part
    /// ([`Response::Part`]); with `quick` (the block from run 0), first the
    /// quick result of the first [`FIRST_RUNS`] runs, whose sums the part reuses.
    Part {
        /// The first run of the block.
        from: u32,
        /// The run after the block's last.
        to: u32,
        /// Whether the quick result comes first.
        quick: bool,
    },
}

/// The fewest runs in a block of a split projection.
pub const MIN_BLOCK: u32 = 250;

/// Contiguous blocks of runs `0..runs` for `workers` workers, as even as
/// possible. With `quick`, the first block begins with the quick result's
/// [`FIRST_RUNS`] runs, which its worker computes alone (the page starts the
/// other blocks once that result is out, so that it has a core to itself);
/// then every block takes an even share of the rest. At most one block per
/// [`MIN_BLOCK`] runs, at least one.
pub fn blocks(runs: u32, workers: usize, quick: bool) -> Vec<std::ops::Range<u32>> {
    let k = (workers as u32).clamp(1, (runs / MIN_BLOCK).max(1));
    let (first, rest) = if quick && k > 1 { (FIRST_RUNS.min(runs), runs - FIRST_RUNS.min(runs)) } else { (0, runs) };
    let k = k.min((rest / MIN_BLOCK).max(1));
    let ends: Vec<u32> = (1..=k).map(|i| first + (u64::from(rest) * u64::from(i) / u64::from(k)) as u32).collect();
    let mut from = 0;
    ends.into_iter()
        .map(|to| {
            let block = from..to;
            from = to;
            block
        })
        .collect()
}

/// Page -> worker: compute this scenario.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Request {
    /// Request number; the worker drops requests overtaken by a newer one.
    pub id: u64,
    /// The canonical scenario query (scenario B when comparing).
    pub query: String,
    /// The canonical query of the pinned scenario A, when comparing.
    pub pinned: Option<String>,
    /// The observed series in its text form when the query does not carry it
    /// (model 1's canonical query never does; a link carries at most
    /// [`crate::observed::MAX_URL_OBS`] months); A and B share it.
    pub observed: Option<String>,
    /// Which results this worker computes.
    pub stages: Stages,
}

impl Request {
    /// The request for `scenario` (B) and the pinned A, numbered `id`.
    pub fn new(id: u64, scenario: &crate::Scenario, pinned: Option<&crate::Scenario>) -> Request {
        let query = crate::codec::encode(scenario);
        let observed = observed_outside(&query, scenario);
        Request { id, query, pinned: pinned.map(crate::codec::encode), observed, stages: Stages::Both }
    }

    /// The scenarios B and A of the request, decoded, with the observed series set on both.
    pub fn scenarios(&self) -> (crate::Scenario, Option<crate::Scenario>) {
        let b = scenario_of(&self.query, self.observed.as_deref());
        let a = self.pinned.as_deref().map(|q| {
            let mut a = crate::codec::decode(q).scenario;
            a.set_observed(b.observed().cloned());
            a
        });
        (b, a)
    }
}

/// The observed series of `scenario` in its text form when its canonical
/// `query` does not carry it (see [`Request::observed`]), so that the worker
/// computes with every observation, for a projection and for a question alike.
pub fn observed_outside(query: &str, scenario: &crate::Scenario) -> Option<String> {
    let carried = |s: &crate::observed::ObservedSeries| s.to_url().is_some_and(|url| query.contains(&url));
    scenario.observed().filter(|s| !carried(s)).map(crate::observed::ObservedSeries::to_text)
}

/// The scenario of a canonical `query` with the observed series `observed`
/// (text form) set when the query does not carry it (see [`Request::observed`]).
pub fn scenario_of(query: &str, observed: Option<&str>) -> crate::Scenario {
    let mut scenario = crate::codec::decode(query).scenario;
    if let Some(series) = observed.and_then(|t| crate::observed::ObservedSeries::parse(t).ok()) {
        scenario.set_observed(Some(series));
    }
    scenario
}

impl Request {
    /// Which results each worker of a pool of `workers` computes for this
    /// request (one entry per worker that takes part, in pool order): one
    /// worker computes both results; a model 2 projection (no comparison) is
    /// split into [`blocks`] of runs, one per worker, merged by the first
    /// worker ([`ToWorker::Merge`]), the first block bringing the quick
    /// result; otherwise (model 1 sums in run order, a comparison pairs
    /// whole runs) the first worker computes the quick result and the second the full one.
    pub fn plan(&self, workers: usize) -> Vec<Stages> {
        if workers <= 1 {
            return vec![Stages::Both];
        }
        let scenario = crate::codec::decode(&self.query).scenario;
        let runs = scenario.get(Key::Runs) as u32;
        let quick = runs > FIRST_RUNS;
        if scenario.key_set() < crate::params::KeySet::V2 || self.pinned.is_some() {
            return if quick { vec![Stages::Quick, Stages::Full] } else { vec![Stages::Full] };
        }
        let blocks = blocks(runs, workers, quick);
        if blocks.len() == 1 {
            return vec![Stages::Both];
        }
        blocks.into_iter().map(|b| Stages::Part { from: b.start, to: b.end, quick: quick && b.start == 0 }).collect()
    }
}

/// Bytes that cross the boundary unread (a worker's part), copied at once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bytes(pub Vec<u8>);

impl Bytes {
    /// The engine's part of a block (`PartOf`, a serde type of the engine) as bytes: bincode, read only by a worker.
    pub fn of_part<T: Serialize>(part: &T) -> Bytes {
        // Serialising plain sums into memory cannot fail (no maps with non-string keys, no I/O).
        Bytes(bincode::serialize(part).unwrap_or_default())
    }

    /// The engine's part in these bytes ([`Bytes::of_part`]); an error names what is wrong.
    pub fn part<T: DeserializeOwned>(&self) -> Result<T, String> {
        bincode::deserialize(&self.0).map_err(|e| e.to_string())
    }
}

/// Page -> worker.
#[derive(Clone, Debug, PartialEq)]
pub enum ToWorker {
    /// Compute the projection (newer requests overtake older ones).
    Project(Request),
    /// Answer a question; answered in order, never dropped.
    Ask {
        /// Question number (its own sequence, apart from the requests').
        id: u64,
        /// The canonical scenario query.
        query: String,
        /// The observed series when the query does not carry it ([`observed_outside`]).
        observed: Option<String>,
        /// The question.
        question: Question,
    },
    /// Merge the parts of a split request ([`Stages::Part`]) and finish the
    /// full result (dropped when a newer request has come).
    Merge {
        /// The request the parts belong to.
        request: Request,
        /// Each worker's [`Response::Part`], in any order.
        parts: Vec<Bytes>,
        /// The longest time a worker took for its part (ms).
        elapsed_ms: f64,
    },
}

/// The worker's answer to a [`Question`]: the engine's, or why there is none.
pub type Reply = Result<Answer, SolveError>;

/// The comparison part of a result.
#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
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
        /// The request's observed series (text form) when the query does not
        /// carry it: with the query, the scenario of the result ([`scenario_of`]).
        observed: Option<String>,
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
    /// The sums of a block of runs of a split request ([`Stages::Part`]):
    /// the engine's part as bytes, which the page hands back unread in a [`ToWorker::Merge`].
    Part {
        /// The request it belongs to.
        id: u64,
        /// The engine's part ([`Bytes::of_part`]).
        part: Bytes,
        /// Time the worker took (ms).
        elapsed_ms: f64,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_cross_as_a_vec_of_bytes_would() {
        let bytes: Vec<u8> = (0..=255).chain([7, 0, 255]).collect();
        assert_eq!(encode(&Bytes(bytes.clone())), encode(&bytes), "the same wire form");
        assert_eq!(decode::<Bytes>(&encode(&bytes)), Ok(Bytes(bytes.clone())));
        let part = Response::Part { id: 9, part: Bytes(bytes.clone()), elapsed_ms: 1.5 };
        assert_eq!(decode::<Response>(&encode(&part)), Ok(part));
        let merge = ToWorker::Merge {
            request: Request { id: 3, query: "v=2".into(), pinned: None, observed: None, stages: Stages::Both },
            parts: vec![Bytes(bytes), Bytes::default()],
            elapsed_ms: 2.0,
        };
        assert_eq!(decode::<ToWorker>(&encode(&merge)), Ok(merge));
        assert!(decode::<Bytes>(&[9, 0, 0, 0, 0, 0, 0, 0, 1]).is_err(), "a truncated byte string is refused");
    }

    #[test]
    fn a_request_carries_the_observations_the_query_does_not() {
        let series = crate::observed::ObservedSeries::parse("2024-01,250\n2024-02,240").ok();
        for (keys, in_query) in [(crate::params::KeySet::V1, false), (crate::params::KeySet::V2, true)] {
            let mut s = crate::Scenario::new(keys);
            s.set_observed(series.clone());
            let request = Request::new(1, &s, None);
            assert_eq!(request.observed.is_none(), in_query, "{keys:?}");
            assert_eq!(request.scenarios().0, s, "{keys:?}: the worker sees the same scenario");
        }
    }

    #[test]
    fn blocks_cover_the_runs_once_with_the_quick_runs_first() {
        for runs in [1, 249, 500, 999, 1000, 1001, 1500, 2000, 3000, 4000, 10_000, 10_001, 100_000] {
            for workers in 1..=4 {
                for quick in [false, true] {
                    let b = blocks(runs, workers, quick);
                    assert!(!b.is_empty() && b.len() <= workers, "{runs} {workers}: {b:?}");
                    assert_eq!(b[0].start, 0);
                    assert_eq!(b.last().map(|r| r.end), Some(runs), "{runs} {workers}: {b:?}");
                    assert!(b.windows(2).all(|w| w[0].end == w[1].start && w[0].start < w[0].end), "{b:?}");
                    if quick && b.len() > 1 {
                        assert!(b[0].end >= FIRST_RUNS.min(runs), "{runs} {workers}: {b:?}");
                    }
                }
            }
        }
        assert_eq!(blocks(10_000, 2, true), vec![0..5250, 5250..10_000]);
        assert_eq!(blocks(10_000, 2, false), vec![0..5000, 5000..10_000]);
        assert_eq!(blocks(2000, 3, true), vec![0..1000, 1000..1500, 1500..2000]);
        assert_eq!(blocks(700, 3, true), vec![0..700], "200 runs after the quick ones: one block");
        assert_eq!(blocks(400, 3, false), vec![0..400], "no block under MIN_BLOCK runs");
    }

    #[test]
    fn a_pool_splits_model_two_and_keeps_model_one_and_comparisons_whole() {
        let request = |query: &str, pinned: Option<&str>| Request {
            id: 1,
            query: query.into(),
            pinned: pinned.map(Into::into),
            observed: None,
            stages: Stages::Both,
        };
        let v2 = request("v=2&runs=3000", None);
        assert_eq!(v2.plan(1), vec![Stages::Both]);
        assert_eq!(
            v2.plan(3),
            vec![
                Stages::Part { from: 0, to: 1333, quick: true },
                Stages::Part { from: 1333, to: 2166, quick: false },
                Stages::Part { from: 2166, to: 3000, quick: false },
            ]
        );
        assert_eq!(request("v=2&runs=300", None).plan(3), vec![Stages::Both], "too few runs to split");
        assert_eq!(request("v=1&runs=3000", None).plan(3), vec![Stages::Quick, Stages::Full]);
        assert_eq!(request("v=2&runs=3000", Some("v=2&runs=3000")).plan(2), vec![Stages::Quick, Stages::Full]);
        assert_eq!(request("v=1&runs=800", None).plan(2), vec![Stages::Quick, Stages::Full]);
        assert_eq!(request("v=1&runs=500", None).plan(2), vec![Stages::Full], "no quick result of all the runs");
    }

    #[test]
    fn messages_round_trip_as_bytes_bit_for_bit() {
        let m = Compared::mismatch(&CompareError::Seed(1, 2));
        assert_eq!(decode::<Compared>(&encode(&m)).unwrap(), m);
        let reply: Reply = Err(SolveError::Confidence { value: 1.5 });
        let answer = Response::Answer { id: 3, answer: reply, elapsed_ms: 1.0 };
        assert_eq!(decode::<Response>(&encode(&answer)).unwrap(), answer);
        let request = ToWorker::Project(Request {
            id: 7,
            query: "v=2&aid=5".into(),
            pinned: None,
            observed: Some("2024-01,250".into()),
            stages: Stages::Full,
        });
        assert_eq!(decode::<ToWorker>(&encode(&request)).unwrap(), request);
        let merge = ToWorker::Merge {
            request: Request { id: 8, query: "v=2".into(), pinned: None, observed: None, stages: Stages::Both },
            parts: vec![Bytes(vec![1, 2, 3]), Bytes(vec![])],
            elapsed_ms: 0.25,
        };
        assert_eq!(decode::<ToWorker>(&encode(&merge)).unwrap(), merge);
        let part = Response::Part { id: 8, part: Bytes(vec![0, 255]), elapsed_ms: 3.5 };
        assert_eq!(decode::<Response>(&encode(&part)).unwrap(), part);
        assert!(decode::<Response>(&[9, 9]).is_err(), "a foreign message is an error, not a panic");
    }
}
