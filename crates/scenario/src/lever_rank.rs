//! "Which measure matters most": the lever table's result types (computed by
//! the engine's `lever_rank`, whose module docs give the method).
//!
//! Each lever alone (every other lever at today's value), once at its
//! strongest value and once 10 points of its scale from today's value towards
//! the strongest, with P(target) for every target and the clients averted
//! against no levers, all on the scenario's seed and runs (common random
//! numbers). The rows are sorted by the clients averted at the strongest
//! value, most first.

use crate::lever::LeverId;
use crate::stats::Probability;
use serde::{Deserialize, Serialize};

/// How far from today's value the "per 10 points" setting moves a lever (percentage points).
pub const STEP_POINTS: f64 = 10.0;

/// What one setting of one lever alone gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverEffect {
    /// The lever's value (percent, its URL unit).
    pub value: f64,
    /// P(target) per target, in `TargetId::ALL` order (`t1`, `t2`); null for a
    /// target whose window does not lie inside the projection.
    pub targets: Vec<Option<Probability>>,
    /// Clients averted over the horizon against the same runs without levers,
    /// mean over the runs (clients; positive = fewer clients).
    pub averted: f64,
}

/// One row of the lever table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankedLever {
    /// The lever.
    pub lever: LeverId,
    /// Its today's value (percent).
    pub today: f64,
    /// The lever alone at its strongest value.
    pub strongest: LeverEffect,
    /// The lever alone 10 points from today's value towards the strongest (at
    /// most the strongest; lever 3's youth share falls from youth0).
    pub per_ten: LeverEffect,
    /// True when the lever is an assumed direct cut of the intake rather than a
    /// mechanism of the model (`LeverRow::assumed_cut`: the regional approach).
    pub assumed_cut: bool,
}

/// The lever table; serialised as plain JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverRanking {
    /// Monte Carlo runs per evaluation (the scenario's).
    pub runs: u32,
    /// P(target) per target without any lever (every lever at today's value), in `TargetId::ALL` order.
    pub without: Vec<Option<Probability>>,
    /// One row per lever, the most clients averted at the strongest value first.
    pub rows: Vec<RankedLever>,
}
