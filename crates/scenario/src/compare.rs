//! A comparison of two scenarios on common random numbers: its result
//! types (computed by the engine's `compare`, whose module docs give the method).

use crate::month::Month;
use crate::output::Projection;
use crate::stats::{Probability, Summary};
use crate::target::TargetId;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why two scenarios cannot be compared on common random numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareError {
    /// A and B have different seeds (A's, B's).
    Seed(u64, u64),
    /// A and B start in different months (A's, B's).
    Start(Month, Month),
    /// A and B project a different number of months (A's, B's).
    Horizon(u32, u32),
}

impl fmt::Display for CompareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompareError::Seed(a, b) => write!(f, "A and B must have the same seed ({a} vs {b})"),
            CompareError::Start(a, b) => write!(f, "A and B must have the same start month ({a} vs {b})"),
            CompareError::Horizon(a, b) => {
                write!(f, "A and B must have the same horizon ({a} vs {b} months)")
            }
        }
    }
}

impl std::error::Error for CompareError {}

/// Statistics over the runs of count_B(m) - count_A(m) in one month (clients/month).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiffMonth {
    /// The calendar month.
    pub month: Month,
    /// Mean difference B - A (clients/month).
    pub mean: f64,
    /// 5th percentile of the difference (clients/month, type 7).
    pub p5: f64,
    /// 25th percentile of the difference (clients/month).
    pub p25: f64,
    /// Median difference (clients/month).
    pub p50: f64,
    /// 75th percentile of the difference (clients/month).
    pub p75: f64,
    /// 95th percentile of the difference (clients/month).
    pub p95: f64,
}

/// One target in A and in B; each scenario uses its own threshold and window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetDiff {
    /// Which target.
    pub id: TargetId,
    /// Probability that A meets it (share 0..1); None when A's window is not inside the projection.
    pub a: Option<f64>,
    /// Probability that B meets it (share 0..1); None when B's window is not inside the projection.
    pub b: Option<f64>,
    /// b - a (share, -1..1); None unless both are given.
    pub diff: Option<f64>,
    /// Monte Carlo standard error of `diff` from the paired runs: with
    /// d_r = 1{B meets} - 1{A meets}, sd(d) / sqrt(n) (population sd), None with `diff`.
    pub diff_std_error: Option<f64>,
}

/// A against B on common random numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Scenario A's projection, bit for bit what the engine's projection gives for A alone.
    pub a: Projection,
    /// Scenario B's projection, likewise.
    pub b: Projection,
    /// What the paired runs of A and B say.
    pub paired: Paired,
}

/// The paired differences of a comparison: everything it adds to the two projections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paired {
    /// Per month, count_B - count_A over the runs (clients/month).
    pub diff: Vec<DiffMonth>,
    /// Share of runs whose cumulative intake over the horizon is strictly lower in B than in A.
    pub b_lower: Probability,
    /// Per month, the share of runs with count_B(m) < count_A(m) (0..1).
    pub b_lower_monthly: Vec<f64>,
    /// Target 1 and target 2 in A and B.
    pub targets: Vec<TargetDiff>,
    /// Cumulative intake of B minus that of A, per run (clients).
    pub cumulative_diff: Summary,
}
