//! "What would it take": the question's vocabulary and its answer (the
//! search itself is in the engine's `solve`). See the engine's module docs
//! for the search and its guarantees.

use crate::lever::{LeverId, PerLever};
use crate::target::{TargetId, WindowStatus};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Grid step of the search, in the lever's URL unit (percentage points; for `all`, % of the way).
pub const STEP: f64 = 0.1;

/// Smallest confidence accepted (share 0..1): 50 %, more likely than not.
pub const MIN_CONFIDENCE: f64 = 0.5;

/// Largest confidence accepted (share 0..1): 99.9 %.
pub const MAX_CONFIDENCE: f64 = 0.999;

/// The confidence used when none is given (share 0..1): 80 %.
pub const DEFAULT_CONFIDENCE: f64 = 0.8;

/// Which lever the search moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SolveLever {
    /// One lever alone.
    One(LeverId),
    /// All levers together, as a share of the way from today's values to the strongest.
    All,
}

impl SolveLever {
    /// Every choice, in order: each lever, then all together.
    pub fn all() -> impl Iterator<Item = SolveLever> {
        LeverId::ALL.into_iter().map(SolveLever::One).chain([SolveLever::All])
    }

    /// The name in JSON and on the command line: a lever's name or `all`.
    pub fn name(self) -> &'static str {
        match self {
            SolveLever::One(lever) => lever.name(),
            SolveLever::All => "all",
        }
    }

    /// The choice named `name`.
    pub fn parse(name: &str) -> Option<SolveLever> {
        SolveLever::all().find(|l| l.name() == name)
    }
}

impl Serialize for SolveLever {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for SolveLever {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SolveLever, D::Error> {
        let name = String::deserialize(deserializer)?;
        SolveLever::parse(&name).ok_or_else(|| serde::de::Error::custom(format!("unknown lever: {name}")))
    }
}

/// The levers' user values (URL unit: percent), one per lever.
pub type LeverValues = PerLever<f64>;

/// P(target) at one level.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelPoint {
    /// The lever's level (URL unit, see [`Solution::level`]).
    pub level: f64,
    /// Share of runs that meet the target at this level (0..1).
    pub probability: f64,
    /// Its Monte Carlo standard error (share).
    pub std_error: f64,
}

/// The answer of [`solve`]; its JSON is the CLI's `--solve` output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Solution {
    /// The lever moved: `longer`, `aid`, `youth`, `region` or `all`.
    pub lever: SolveLever,
    /// The target: `t1` or `t2`.
    pub target: TargetId,
    /// The confidence asked for (percent, 50 to 99.9).
    pub confidence: f64,
    /// The least change of the lever at which P(target) >= confidence, in its
    /// URL unit (percent; for `all`, percent of the way from today's values to
    /// the strongest); null when even the strongest value falls short.
    pub level: Option<f64>,
    /// P(target) at `level` (share 0..1); null with `level`.
    pub probability: Option<f64>,
    /// Monte Carlo standard error of `probability` (share); null with it.
    pub std_error: Option<f64>,
    /// The four levers' values at `level` (percent): what to set to get there; null with `level`.
    pub levers: Option<LeverValues>,
    /// P(target) one grid step before `level` (below the confidence); null when
    /// `level` is today's value or null.
    pub below: Option<LevelPoint>,
    /// P(target) at today's value of the lever (for `all`: every lever at today's value).
    pub today: LevelPoint,
    /// P(target) at the lever's strongest value (for `all`: every lever at its strongest).
    pub strongest: LevelPoint,
    /// Grid step of the search (URL unit).
    pub step: f64,
    /// Monte Carlo runs per evaluation (the scenario's).
    pub runs: u32,
    /// Number of levels evaluated.
    pub evaluations: u32,
}

/// Why [`solve`] gives no answer. Externally tagged (not `tag = "type"`), so
/// that it crosses the page <-> worker boundary as bytes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SolveError {
    /// The confidence (share) lies outside [`MIN_CONFIDENCE`]..=[`MAX_CONFIDENCE`] or is not a number.
    Confidence {
        /// The confidence given (share).
        value: f64,
    },
    /// The level lies outside the lever's range from today's to the strongest value.
    Level {
        /// The level given (URL unit).
        value: f64,
        /// The smallest level (URL unit).
        min: f64,
        /// The largest level (URL unit).
        max: f64,
    },
    /// The target's window does not lie inside the projection, so it has no probability.
    Window {
        /// The target.
        target: TargetId,
        /// Where its window lies.
        status: WindowStatus,
    },
}

impl fmt::Display for SolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SolveError::Confidence { value } => write!(
                f,
                "confidence={}: out of range, allowed {} to {} (percent)",
                percent(*value),
                MIN_CONFIDENCE * 100.0,
                MAX_CONFIDENCE * 100.0
            ),
            SolveError::Level { value, min, max } => {
                write!(f, "level={value}: out of range, allowed {min} to {max}")
            }
            SolveError::Window { target, status } => write!(
                f,
                "{}: its window lies {} the projection, so it has no probability to reach",
                target.name(),
                if *status == WindowStatus::Outside { "outside" } else { "partly outside" }
            ),
        }
    }
}

impl std::error::Error for SolveError {}

/// A share (0..1) in percent, without the last-bit noise of the product
/// (0.07 * 100 = 7.000000000000001 is reported as 7).
pub fn percent(share: f64) -> f64 {
    (share * 100.0 * 1e9).round() / 1e9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for lever in SolveLever::all() {
            assert_eq!(SolveLever::parse(lever.name()), Some(lever));
            assert_eq!(serde_json::to_string(&lever).unwrap(), format!("\"{}\"", lever.name()));
        }
        assert_eq!(SolveLever::all().count(), crate::lever::LEVER_COUNT + 1);
        assert_eq!(SolveLever::parse("Aid"), None);
        assert_eq!(serde_json::from_str::<SolveLever>("\"all\"").unwrap(), SolveLever::All);
    }
}
