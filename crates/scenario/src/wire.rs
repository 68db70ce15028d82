//! The bytes of the page <-> worker messages ([`crate::protocol`]): each
//! field in declaration order, fixed-width little-endian numbers (an `f64` as
//! its bits), a `u32` length before a text or a list, a one-byte tag before
//! an enum's variant or an `Option`. Both sides come from the same build, so
//! the form carries no field names and no version.
//!
//! Why not serde with bincode: the page decodes every result, and serde's
//! derived visitors with bincode's deserializer were about 13 KiB of the
//! page's gzipped WebAssembly; these readers are a few straight calls per
//! field. Reading never panics: a message that ends early, a tag out of
//! range, a text that is not UTF-8 or bytes left over make [`decode`] an
//! error that says what and where (the page shows it as a failed
//! computation). `tests` round-trip every message and refuse every prefix.

use crate::Month;
use crate::compare::{DiffMonth, Paired, TargetDiff};
use crate::lever::{LeverId, PerLever};
use crate::lever_rank::{LeverEffect, LeverRanking, RankedLever};
use crate::output::{Calibration, Cells, Diagnostic, MonthStats, Projection};
use crate::params::{Key, PARAMS};
use crate::protocol::{Bytes, Compared, Request, Response, Stages, ToWorker};
use crate::question::{Answer, Question};
use crate::sensitivity::{Driver, RankCorrelation, Sensitivity, TornadoBar};
use crate::solve::{LevelPoint, Solution, SolveError, SolveLever};
use crate::stats::{Probability, Summary};
use crate::target::{FirstReached, TargetId, TargetResult, WindowStatus};

/// A type that crosses the worker boundary as bytes.
pub trait Wire: Sized {
    /// Appends the value's bytes to `out`.
    fn put(&self, out: &mut Vec<u8>);
    /// Reads a value; after a failure (see [`Reader::fail`]) any value, which [`decode`] drops.
    fn take(r: &mut Reader) -> Self;
}

/// The bytes of `message`.
pub fn encode<T: Wire>(message: &T) -> Vec<u8> {
    let mut out = Vec::new();
    message.put(&mut out);
    out
}

/// The message in `bytes`, or what is wrong with them (technical, in English).
pub fn decode<T: Wire>(bytes: &[u8]) -> Result<T, String> {
    let mut r = Reader { bytes, at: 0, failed: None };
    let value = T::take(&mut r);
    match r.failed {
        Some(what) => Err(format!("unreadable message: {what} at byte {} of {}", r.at, bytes.len())),
        None if r.at < bytes.len() => Err(format!("unreadable message: {} bytes left over", bytes.len() - r.at)),
        None => Ok(value),
    }
}

/// A position in a message's bytes; the first failure is kept and every later read gives zeros.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    failed: Option<&'static str>,
}

impl Reader<'_> {
    /// The next `n` bytes, or none (a failure) when fewer are left.
    fn next(&mut self, n: usize) -> Option<&[u8]> {
        if self.failed.is_some() || self.bytes.len() - self.at < n {
            self.fail("the message ends early");
            return None;
        }
        self.at += n;
        Some(&self.bytes[self.at - n..self.at])
    }

    /// The next `N` bytes (zeros after a failure).
    fn array<const N: usize>(&mut self) -> [u8; N] {
        self.next(N).map_or([0; N], |b| b.try_into().unwrap_or([0; N]))
    }

    /// A length that the bytes left can hold (each item takes at least one byte); 0 after a failure.
    fn length(&mut self) -> usize {
        let n = u32::take(self) as usize;
        if n > self.bytes.len() - self.at {
            self.fail("a length beyond the message");
            return 0;
        }
        n
    }

    /// Records the failure `what` (the first one counts).
    pub fn fail(&mut self, what: &'static str) {
        self.failed.get_or_insert(what);
    }

    /// A variant tag.
    fn tag(&mut self) -> u8 {
        u8::take(self)
    }
}

macro_rules! wire_number {
    ($($t:ty),*) => {$(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn take(r: &mut Reader) -> $t {
                <$t>::from_le_bytes(r.array())
            }
        }
    )*};
}
wire_number!(u8, u32, u64, i32, f64);

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn take(r: &mut Reader) -> bool {
        match r.tag() {
            0 => false,
            1 => true,
            _ => {
                r.fail("a flag other than 0 or 1");
                false
            }
        }
    }
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        Bytes::put_slice(self.as_bytes(), out);
    }
    fn take(r: &mut Reader) -> String {
        let n = r.length();
        let text = r.next(n).map(|b| std::str::from_utf8(b).map(str::to_owned));
        match text {
            Some(Ok(text)) => text,
            Some(Err(_)) => {
                r.fail("a text that is not UTF-8");
                String::new()
            }
            None => String::new(),
        }
    }
}

impl Bytes {
    fn put_slice(bytes: &[u8], out: &mut Vec<u8>) {
        (bytes.len() as u32).put(out);
        out.extend_from_slice(bytes);
    }
}

impl Wire for Bytes {
    fn put(&self, out: &mut Vec<u8>) {
        Bytes::put_slice(&self.0, out);
    }
    fn take(r: &mut Reader) -> Bytes {
        let n = r.length();
        Bytes(r.next(n).map(<[u8]>::to_vec).unwrap_or_default())
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> Option<T> {
        bool::take(r).then(|| T::take(r))
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        (self.len() as u32).put(out);
        self.iter().for_each(|v| v.put(out));
    }
    fn take(r: &mut Reader) -> Vec<T> {
        let n = r.length();
        (0..n).map(|_| T::take(r)).collect()
    }
}

impl<T: Wire> Wire for Box<T> {
    fn put(&self, out: &mut Vec<u8>) {
        (**self).put(out);
    }
    fn take(r: &mut Reader) -> Box<T> {
        Box::new(T::take(r))
    }
}

impl<T: Wire, E: Wire> Wire for Result<T, E> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Ok(v) => {
                out.push(0);
                v.put(out);
            }
            Err(e) => {
                out.push(1);
                e.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> Result<T, E> {
        if bool::take(r) { Err(E::take(r)) } else { Ok(T::take(r)) }
    }
}

impl<T: Wire> Wire for PerLever<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.iter().for_each(|v| v.put(out));
    }
    fn take(r: &mut Reader) -> PerLever<T> {
        PerLever::from_fn(|_| T::take(r))
    }
}

impl Wire for Month {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
    }
    fn take(r: &mut Reader) -> Month {
        Month(i32::take(r))
    }
}

impl Wire for Key {
    fn put(&self, out: &mut Vec<u8>) {
        (*self as u8).put(out);
    }
    fn take(r: &mut Reader) -> Key {
        let i = usize::from(r.tag());
        PARAMS.get(i).map_or_else(
            || {
                r.fail("an unknown scenario key");
                Key::Seed
            },
            |spec| spec.key,
        )
    }
}

/// A fieldless enum as one byte, its variants listed (the first stands in after a failure).
macro_rules! wire_unit {
    ($t:ident { $first:ident $(, $v:ident)* }) => {
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                out.push(*self as u8);
            }
            fn take(r: &mut Reader) -> $t {
                let tag = r.tag();
                $(if tag == $t::$v as u8 { return $t::$v; })*
                if tag != $t::$first as u8 {
                    r.fail(concat!("an unknown ", stringify!($t)));
                }
                $t::$first
            }
        }
    };
}
wire_unit!(TargetId { T1, T2 });
wire_unit!(WindowStatus { Inside, PartlyOutside, Outside, Observed });
wire_unit!(LeverId { Longer, Aid, Youth, Region });
wire_unit!(Driver { Level, Trend, Eps, Theta, Fluctuation });

/// A struct as its fields in the order listed (every field: a missing one does not compile).
macro_rules! wire_struct {
    ($($t:ident { $($f:ident),+ })+) => {$(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                $(self.$f.put(out);)+
            }
            fn take(r: &mut Reader) -> $t {
                $t { $($f: Wire::take(r)),+ }
            }
        }
    )+};
}
wire_struct! {
    Request { id, query, pinned, observed, stages }
    Probability { p, std_error }
    Summary { mean, p5, p50, p95 }
    Cells { wmo_young, wmo_older, other_young, other_older }
    MonthStats { month, mean, p5, p10, p25, p50, p75, p90, p95, expected, cells, youth_share, stock_mean }
    Diagnostic { ess, ess_share }
    Calibration { observed_from, observed_to, months_used, method, diagnostic, level_anchor, trend, level_last }
    FirstReached { p10, p50, p90, never }
    TargetResult { id, threshold, window_from, window_to, status, probability, std_error, observed_mean, first_reached }
    Projection {
        model_version, seed, runs, months, targets, cumulative, averted, expected_without_levers,
        expected_with_levers, contributions, stock_end, calibration
    }
    DiffMonth { month, mean, p5, p25, p50, p75, p95 }
    TargetDiff { id, a, b, diff, diff_std_error }
    Paired { diff, b_lower, b_lower_monthly, targets, cumulative_diff }
    LevelPoint { level, probability, std_error }
    Solution {
        lever, target, confidence, level, probability, std_error, levers, below, today, strongest, step, runs,
        evaluations
    }
    TornadoBar { key, sd_key, low_value, high_value, low, high, swing }
    RankCorrelation { driver, rho }
    Sensitivity { target, threshold, window_from, window_to, status, runs, base, tornado, correlations }
    LeverEffect { value, targets, averted }
    RankedLever { lever, today, strongest, per_ten, assumed_cut }
    LeverRanking { runs, without, rows }
}

impl Wire for SolveLever {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            SolveLever::One(lever) => lever.put(out),
            SolveLever::All => out.push(u8::MAX),
        }
    }
    fn take(r: &mut Reader) -> SolveLever {
        match r.tag() {
            u8::MAX => SolveLever::All,
            tag => SolveLever::One(LeverId::ALL.get(usize::from(tag)).copied().unwrap_or_else(|| {
                r.fail("an unknown lever");
                LeverId::Longer
            })),
        }
    }
}

impl Wire for Stages {
    fn put(&self, out: &mut Vec<u8>) {
        match *self {
            Stages::Both => out.push(0),
            Stages::Quick => out.push(1),
            Stages::Full => out.push(2),
            Stages::Part { from, to, quick } => {
                out.push(3);
                from.put(out);
                to.put(out);
                quick.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> Stages {
        match r.tag() {
            0 => Stages::Both,
            1 => Stages::Quick,
            2 => Stages::Full,
            3 => Stages::Part { from: Wire::take(r), to: Wire::take(r), quick: Wire::take(r) },
            _ => {
                r.fail("an unknown Stages");
                Stages::Both
            }
        }
    }
}

impl Wire for Question {
    fn put(&self, out: &mut Vec<u8>) {
        match *self {
            Question::Solve { lever, target, confidence } => {
                out.push(0);
                lever.put(out);
                target.put(out);
                confidence.put(out);
            }
            Question::Sensitivity { target } => {
                out.push(1);
                target.put(out);
            }
            Question::LeverRanking => out.push(2),
        }
    }
    fn take(r: &mut Reader) -> Question {
        match r.tag() {
            0 => Question::Solve { lever: Wire::take(r), target: Wire::take(r), confidence: Wire::take(r) },
            1 => Question::Sensitivity { target: Wire::take(r) },
            2 => Question::LeverRanking,
            _ => {
                r.fail("an unknown Question");
                Question::LeverRanking
            }
        }
    }
}

impl Wire for ToWorker {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            ToWorker::Project(request) => {
                out.push(0);
                request.put(out);
            }
            ToWorker::Ask { id, query, observed, question } => {
                out.push(1);
                id.put(out);
                query.put(out);
                observed.put(out);
                question.put(out);
            }
            ToWorker::Merge { request, parts, elapsed_ms } => {
                out.push(2);
                request.put(out);
                parts.put(out);
                elapsed_ms.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> ToWorker {
        match r.tag() {
            0 => ToWorker::Project(Wire::take(r)),
            1 => ToWorker::Ask {
                id: Wire::take(r),
                query: Wire::take(r),
                observed: Wire::take(r),
                question: Wire::take(r),
            },
            2 => ToWorker::Merge { request: Wire::take(r), parts: Wire::take(r), elapsed_ms: Wire::take(r) },
            _ => {
                r.fail("an unknown message to the worker");
                ToWorker::Project(Request::default())
            }
        }
    }
}

impl Wire for Answer {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Answer::Solved(s) => {
                out.push(0);
                s.put(out);
            }
            Answer::Sensitivity(s) => {
                out.push(1);
                s.put(out);
            }
            Answer::LeverRanking(s) => {
                out.push(2);
                s.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> Answer {
        match r.tag() {
            0 => Answer::Solved(Wire::take(r)),
            1 => Answer::Sensitivity(Wire::take(r)),
            2 => Answer::LeverRanking(Wire::take(r)),
            _ => {
                r.fail("an unknown Answer");
                Answer::LeverRanking(Wire::take(r))
            }
        }
    }
}

impl Wire for SolveError {
    fn put(&self, out: &mut Vec<u8>) {
        match *self {
            SolveError::Confidence { value } => {
                out.push(0);
                value.put(out);
            }
            SolveError::Level { value, min, max } => {
                out.push(1);
                value.put(out);
                min.put(out);
                max.put(out);
            }
            SolveError::Window { target, status } => {
                out.push(2);
                target.put(out);
                status.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> SolveError {
        match r.tag() {
            0 => SolveError::Confidence { value: Wire::take(r) },
            1 => SolveError::Level { value: Wire::take(r), min: Wire::take(r), max: Wire::take(r) },
            2 => SolveError::Window { target: Wire::take(r), status: Wire::take(r) },
            _ => {
                r.fail("an unknown SolveError");
                SolveError::Confidence { value: 0.0 }
            }
        }
    }
}

impl Wire for Compared {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Compared::Done { a, paired } => {
                out.push(0);
                a.put(out);
                paired.put(out);
            }
            Compared::Mismatch { key, a, b } => {
                out.push(1);
                key.put(out);
                a.put(out);
                b.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> Compared {
        match r.tag() {
            0 => Compared::Done { a: Wire::take(r), paired: Wire::take(r) },
            1 => Compared::Mismatch { key: Wire::take(r), a: Wire::take(r), b: Wire::take(r) },
            _ => {
                r.fail("an unknown Compared");
                Compared::Mismatch { key: Key::Seed, a: String::new(), b: String::new() }
            }
        }
    }
}

impl Wire for Response {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Response::Ready => out.push(0),
            Response::Result { id, query, observed, projection, elapsed_ms, json, partial, compared } => {
                out.push(1);
                id.put(out);
                query.put(out);
                observed.put(out);
                projection.put(out);
                elapsed_ms.put(out);
                json.put(out);
                partial.put(out);
                compared.put(out);
            }
            Response::Part { id, part, elapsed_ms } => {
                out.push(2);
                id.put(out);
                part.put(out);
                elapsed_ms.put(out);
            }
            Response::Answer { id, answer, elapsed_ms } => {
                out.push(3);
                id.put(out);
                answer.put(out);
                elapsed_ms.put(out);
            }
            Response::Failed { id, message } => {
                out.push(4);
                id.put(out);
                message.put(out);
            }
        }
    }
    fn take(r: &mut Reader) -> Response {
        match r.tag() {
            0 => Response::Ready,
            1 => Response::Result {
                id: Wire::take(r),
                query: Wire::take(r),
                observed: Wire::take(r),
                projection: Wire::take(r),
                elapsed_ms: Wire::take(r),
                json: Wire::take(r),
                partial: Wire::take(r),
                compared: Wire::take(r),
            },
            2 => Response::Part { id: Wire::take(r), part: Wire::take(r), elapsed_ms: Wire::take(r) },
            3 => Response::Answer { id: Wire::take(r), answer: Wire::take(r), elapsed_ms: Wire::take(r) },
            4 => Response::Failed { id: Wire::take(r), message: Wire::take(r) },
            _ => {
                r.fail("an unknown message from the worker");
                Response::Ready
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distinct values for every field, so that two fields read in each other's place cannot round-trip.
    struct Fill(f64);

    impl Fill {
        fn f(&mut self) -> f64 {
            self.0 += 1.0;
            self.0 / 7.0
        }
        fn summary(&mut self) -> Summary {
            Summary { mean: self.f(), p5: self.f(), p50: self.f(), p95: self.f() }
        }
        fn probability(&mut self) -> Probability {
            Probability { p: self.f(), std_error: self.f() }
        }
        fn point(&mut self) -> LevelPoint {
            LevelPoint { level: self.f(), probability: self.f(), std_error: self.f() }
        }
        fn effect(&mut self) -> LeverEffect {
            LeverEffect { value: self.f(), targets: vec![Some(self.probability()), None], averted: self.f() }
        }
        fn projection(&mut self) -> Projection {
            let m = Month::new(2026, 3);
            let target = |fill: &mut Fill, id, status, observed_mean| TargetResult {
                id,
                threshold: fill.f(),
                window_from: Month(m.0 + 1),
                window_to: Month(m.0 + 4),
                status,
                probability: Some(fill.f()),
                std_error: None,
                observed_mean,
                first_reached: FirstReached { p10: Some(m), p50: None, p90: Some(Month(m.0 - 30)), never: fill.f() },
            };
            Projection {
                model_version: "2.1.0-é".into(),
                seed: u64::MAX - 5,
                runs: 10_000,
                months: (0..3)
                    .map(|i| MonthStats {
                        month: Month(m.0 + i),
                        mean: self.f(),
                        p5: self.f(),
                        p10: self.f(),
                        p25: self.f(),
                        p50: self.f(),
                        p75: self.f(),
                        p90: self.f(),
                        p95: self.f(),
                        expected: self.f(),
                        cells: Cells {
                            wmo_young: self.f(),
                            wmo_older: self.f(),
                            other_young: self.f(),
                            other_older: self.f(),
                        },
                        youth_share: self.f(),
                        stock_mean: self.f(),
                    })
                    .collect(),
                targets: vec![
                    target(self, TargetId::T1, WindowStatus::Observed, Some(self.0)),
                    target(self, TargetId::T2, WindowStatus::PartlyOutside, None),
                ],
                cumulative: self.summary(),
                averted: self.summary(),
                expected_without_levers: self.f(),
                expected_with_levers: self.f(),
                contributions: PerLever::from_fn(|_| self.f()),
                stock_end: self.summary(),
                calibration: Some(Calibration {
                    observed_from: Month(m.0 - 24),
                    observed_to: Month(m.0 - 1),
                    months_used: 24,
                    method: "importance sampling".into(),
                    diagnostic: Diagnostic { ess: self.f(), ess_share: self.f() },
                    level_anchor: self.summary(),
                    trend: self.summary(),
                    level_last: self.summary(),
                }),
            }
        }
    }

    /// One message of every kind, with every variant of the enums inside them.
    fn messages() -> (Vec<ToWorker>, Vec<Response>) {
        let mut fill = Fill(0.0);
        let request = |stages| Request {
            id: 41,
            query: "v=2&aid=5".into(),
            pinned: Some("v=2".into()),
            observed: Some("2024-01,250\n2024-02,240".into()),
            stages,
        };
        let to_worker = vec![
            ToWorker::Project(request(Stages::Both)),
            ToWorker::Project(request(Stages::Quick)),
            ToWorker::Project(request(Stages::Full)),
            ToWorker::Merge {
                request: request(Stages::Part { from: 500, to: 5250, quick: true }),
                parts: vec![Bytes(vec![0, 1, 255]), Bytes::default()],
                elapsed_ms: 2.5,
            },
            ToWorker::Ask {
                id: 3,
                query: "v=1".into(),
                observed: None,
                question: Question::Solve {
                    lever: SolveLever::One(LeverId::Region),
                    target: TargetId::T2,
                    confidence: 0.8,
                },
            },
            ToWorker::Ask {
                id: 4,
                query: String::new(),
                observed: None,
                question: Question::Sensitivity { target: TargetId::T1 },
            },
            ToWorker::Ask {
                id: 5,
                query: String::new(),
                observed: None,
                question: Question::Solve { lever: SolveLever::All, target: TargetId::T1, confidence: 0.5 },
            },
            ToWorker::Ask { id: 6, query: String::new(), observed: None, question: Question::LeverRanking },
        ];
        let solution = Solution {
            lever: SolveLever::One(LeverId::Aid),
            target: TargetId::T2,
            confidence: fill.f(),
            level: Some(fill.f()),
            probability: None,
            std_error: Some(fill.f()),
            levers: Some(PerLever::from_fn(|_| fill.f())),
            below: Some(fill.point()),
            today: fill.point(),
            strongest: fill.point(),
            step: fill.f(),
            runs: 2000,
            evaluations: 17,
        };
        let sensitivity = Sensitivity {
            target: TargetId::T1,
            threshold: fill.f(),
            window_from: Month(24_290),
            window_to: Month(24_292),
            status: WindowStatus::Outside,
            runs: 4000,
            base: Some(fill.probability()),
            tornado: vec![TornadoBar {
                key: Key::Runs,
                sd_key: PARAMS[PARAMS.len() - 1].key,
                low_value: fill.f(),
                high_value: fill.f(),
                low: Some(fill.probability()),
                high: None,
                swing: Some(fill.f()),
            }],
            correlations: [Driver::Level, Driver::Trend, Driver::Eps, Driver::Theta, Driver::Fluctuation]
                .map(|driver| RankCorrelation { driver, rho: Some(fill.f()) })
                .to_vec(),
        };
        let ranking = LeverRanking {
            runs: 1000,
            without: vec![Some(fill.probability()), None],
            rows: LeverId::ALL
                .map(|lever| RankedLever {
                    lever,
                    today: fill.f(),
                    strongest: fill.effect(),
                    per_ten: fill.effect(),
                    assumed_cut: lever == LeverId::Region,
                })
                .to_vec(),
        };
        let paired = Paired {
            diff: vec![DiffMonth {
                month: Month(24_300),
                mean: fill.f(),
                p5: fill.f(),
                p25: fill.f(),
                p50: fill.f(),
                p75: fill.f(),
                p95: fill.f(),
            }],
            b_lower: fill.probability(),
            b_lower_monthly: vec![fill.f(), fill.f()],
            targets: vec![TargetDiff {
                id: TargetId::T2,
                a: Some(fill.f()),
                b: None,
                diff: Some(fill.f()),
                diff_std_error: None,
            }],
            cumulative_diff: fill.summary(),
        };
        let result = |fill: &mut Fill, compared| Response::Result {
            id: 41,
            query: "v=2&aid=5".into(),
            observed: Some("2024-01,250".into()),
            projection: Box::new(fill.projection()),
            elapsed_ms: fill.f(),
            json: Some("{\"runs\": 10000}\n".into()),
            partial: false,
            compared,
        };
        let a = Box::new(fill.projection());
        let responses = vec![
            Response::Ready,
            result(&mut fill, None),
            result(&mut fill, Some(Compared::Done { a, paired: Box::new(paired) })),
            result(&mut fill, Some(Compared::Mismatch { key: Key::Horizon, a: "60".into(), b: "72".into() })),
            Response::Part { id: 41, part: Bytes((0..=255).collect()), elapsed_ms: 33.25 },
            Response::Answer { id: 3, answer: Ok(Answer::Solved(Box::new(solution))), elapsed_ms: 1.0 },
            Response::Answer { id: 4, answer: Ok(Answer::Sensitivity(Box::new(sensitivity))), elapsed_ms: 2.0 },
            Response::Answer { id: 6, answer: Ok(Answer::LeverRanking(Box::new(ranking))), elapsed_ms: 3.0 },
            Response::Answer { id: 7, answer: Err(SolveError::Confidence { value: 1.5 }), elapsed_ms: 0.0 },
            Response::Answer {
                id: 8,
                answer: Err(SolveError::Level { value: 120.0, min: 0.0, max: 100.0 }),
                elapsed_ms: 0.0,
            },
            Response::Answer {
                id: 9,
                answer: Err(SolveError::Window { target: TargetId::T1, status: WindowStatus::Inside }),
                elapsed_ms: 0.0,
            },
            Response::Failed { id: 0, message: "WebAssembly.instantiate(): Out of memory".into() },
        ];
        (to_worker, responses)
    }

    /// Every message comes back equal; every shorter prefix and one byte more are refused, without a panic.
    fn round_trip<T: Wire + PartialEq + std::fmt::Debug>(message: &T) {
        let bytes = encode(message);
        assert_eq!(decode::<T>(&bytes).as_ref(), Ok(message));
        for end in 0..bytes.len() {
            let error = decode::<T>(&bytes[..end]).expect_err("a prefix is not a message");
            assert!(error.contains("ends early") || error.contains("length beyond"), "{error}");
        }
        let mut longer = bytes;
        longer.push(0);
        assert_eq!(decode::<T>(&longer), Err("unreadable message: 1 bytes left over".into()));
    }

    #[test]
    fn every_message_round_trips_and_no_prefix_is_read() {
        let (to_worker, responses) = messages();
        to_worker.iter().for_each(round_trip);
        responses.iter().for_each(round_trip);
    }

    #[test]
    fn numbers_keep_their_bits() {
        let values = [
            0.0,
            -0.0,
            f64::NAN,
            -f64::NAN,
            f64::from_bits(0x7ff8_dead_beef_0001),
            f64::INFINITY,
            f64::MIN_POSITIVE / 3.0,
            0.1 + 0.2,
        ];
        let back = decode::<Vec<f64>>(&encode(&values.to_vec())).expect("numbers");
        assert_eq!(back.iter().map(|v| v.to_bits()).collect::<Vec<_>>(), values.map(f64::to_bits));
        for v in [i32::MIN, -1, 0, 24_290, i32::MAX] {
            assert_eq!(decode::<Month>(&encode(&Month(v))), Ok(Month(v)));
        }
    }

    #[test]
    fn foreign_bytes_are_refused_with_what_is_wrong() {
        let refused = |bytes: &[u8], what: &str| {
            let error = decode::<Response>(bytes).expect_err("refused");
            assert!(error.contains(what), "{bytes:?}: {error}");
        };
        refused(&[5], "an unknown message from the worker at byte 1 of 1");
        refused(&[4, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0xff, 0xfe], "a text that is not UTF-8");
        refused(&[4, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff], "a length beyond the message");
        refused(&[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2], "a flag other than 0 or 1");
        refused(&[], "ends early at byte 0 of 0");
        assert!(decode::<Key>(&[PARAMS.len() as u8]).is_err_and(|e| e.contains("unknown scenario key")));
        assert_eq!(decode::<Key>(&[PARAMS.len() as u8 - 1]), Ok(PARAMS[PARAMS.len() - 1].key));
        assert!(decode::<SolveLever>(&[4]).is_err_and(|e| e.contains("unknown lever")));
        assert!(decode::<TargetId>(&[2]).is_err_and(|e| e.contains("unknown TargetId")));
        assert!(
            decode::<Question>(&[3]).is_err() && decode::<Stages>(&[4]).is_err() && decode::<Answer>(&[3]).is_err()
        );
        assert!(decode::<ToWorker>(&[3]).is_err() && decode::<Compared>(&[2]).is_err());
        assert!(decode::<SolveError>(&[3]).is_err() && decode::<WindowStatus>(&[4]).is_err());
        assert!(
            decode::<Driver>(&[5]).is_err() && decode::<LeverId>(&[4]).is_err() && decode::<bool>(&[1]) == Ok(true)
        );
    }

    #[test]
    fn every_key_and_unit_variant_round_trips() {
        for spec in &PARAMS {
            assert_eq!(decode::<Key>(&encode(&spec.key)), Ok(spec.key));
        }
        for lever in SolveLever::all() {
            assert_eq!(decode::<SolveLever>(&encode(&lever)), Ok(lever));
        }
        for status in [WindowStatus::Inside, WindowStatus::PartlyOutside, WindowStatus::Outside, WindowStatus::Observed]
        {
            assert_eq!(decode::<WindowStatus>(&encode(&status)), Ok(status));
        }
    }
}
