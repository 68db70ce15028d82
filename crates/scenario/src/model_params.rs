//! The scenario in model units: what the Monte Carlo engine reads.
//!
//! [`crate::Scenario`] holds values in their public (URL) units: percent for
//! shares, `YYYY-MM` months. [`crate::Scenario::model_params`] converts them
//! into this struct: shares as fractions 0..1, months as offsets from the
//! projection's start month (month 0).

use crate::lever::PerLever;
use crate::month::Month;
use crate::params::KeySet;
use crate::target::PerTarget;
use std::sync::Arc;

/// One lever (MODEL-BRIEF "Levers"): its value moves linearly from `today`
/// to `target` along the ramp that begins at `from`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LeverSetting {
    /// Today's value of the lever (share 0..1).
    pub today: f64,
    /// The user's value (share 0..1).
    pub target: f64,
    /// Start month of the ramp, in months after the projection's start (may be negative).
    pub from: i32,
    /// Length of the ramp in months; 0 means the full value from `from` on.
    pub ramp: u32,
}

impl LeverSetting {
    /// Progress a(m) = clamp((m - from + 1) / ramp, 0, 1) at projected month `m`
    /// (0 = start month); with ramp 0: 1 from `from` on, 0 before.
    pub fn progress(&self, m: i32) -> f64 {
        if self.ramp == 0 {
            return if m >= self.from { 1.0 } else { 0.0 };
        }
        let a = f64::from(m - self.from + 1) / f64::from(self.ramp);
        a.clamp(0.0, 1.0)
    }

    /// The lever's value at projected month `m` (share 0..1):
    /// today + (target - today) * a(m).
    pub fn value(&self, m: i32) -> f64 {
        self.today + (self.target - self.today) * self.progress(m)
    }

    /// True when the lever changes nothing (its value equals today's).
    pub fn is_idle(&self) -> bool {
        self.target == self.today
    }
}

/// An uncertain parameter, drawn once per Monte Carlo run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Uncertain {
    /// Mean, in the parameter's model unit.
    pub mean: f64,
    /// Standard deviation, same unit; 0 makes the parameter fixed.
    pub sd: f64,
}

/// A target: the mean count over a window at or below a threshold.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TargetSpec {
    /// Threshold (clients/month).
    pub threshold: f64,
    /// First month of the window, in months after the projection's start.
    pub from: i32,
    /// Last month of the window (inclusive), in months after the projection's start.
    pub to: i32,
}

/// Every input of the model, in model units. Built by [`crate::Scenario::model_params`],
/// which guarantees the invariants listed per field.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelParams {
    /// The key set, and with it the model (1 or 2) and how sums over runs are taken.
    pub keys: KeySet,
    /// Random seed of the scenario.
    pub seed: u64,
    /// Number of Monte Carlo runs (>= 1).
    pub runs: u32,
    /// First projected month (month 0).
    pub start: Month,
    /// Number of projected months (>= 1).
    pub horizon: u32,
    /// The levers, indexed by [`crate::lever::LeverId`] (shares 0..1): longer
    /// (today 0.25), aid (today 0), youth (today = `youth0`, target in
    /// 0..=0.45), region (today 0, at most 0.5).
    pub levers: PerLever<LeverSetting>,
    /// L: underlying level without measures at the anchor month (clients/month); draws below 0 become 0.
    pub level: Uncertain,
    /// F: the intake the trend does not touch (clients/month); 0 in model 1.
    pub floor: f64,
    /// Months from the anchor month (where L is the level) to the start month; 0 in model 1.
    pub anchor_lag: i32,
    /// g: autonomous trend (share per year, e.g. 0.03 = 3 %/year).
    pub trend: Uncertain,
    /// epsilon: share of Wmo-to-Wlz transitions triggered by a renewal (beta; sd < sqrt(m(1-m)) unless m is 0 or 1 with sd 0).
    pub eps: Uncertain,
    /// theta: share of referrals where the hulpmiddel leads to no Wlz application (beta; same rule).
    pub theta: Uncertain,
    /// phi: AR(1) coefficient of the log fluctuation, in (-1, 1).
    pub phi: f64,
    /// sigma: standard deviation of the log fluctuation factor (>= 0).
    pub sigma: f64,
    /// w: share of intake with Wmo support before (0..1).
    pub wmo: f64,
    /// y0: share aged 26 or younger in today's intake (strictly between 0 and 1).
    pub youth0: f64,
    /// S(0): stock of clients with a ggz-wonen indication at the start month (clients).
    pub stock: f64,
    /// mu: outflow from the stock (share per month).
    pub outflow: f64,
    /// The targets, indexed by [`crate::target::TargetId`]; target 1's threshold is baseline * (1 - cut).
    pub targets: PerTarget<TargetSpec>,
    /// Observed counts as (month offset from the start, clients), in month
    /// order; empty in model 1, where observations change no number. Months
    /// before the start condition the runs when `fit`; every observed month
    /// counts with its observed value in a target's window.
    pub observed: Arc<Vec<(i32, u32)>>,
    /// True when the observations before the start condition the runs (model 2, `fit=1`).
    pub fit: bool,
}

impl ModelParams {
    /// The observed counts before the start month (offsets < 0) that condition the runs; empty unless `fit`.
    pub fn fitted(&self) -> &[(i32, u32)] {
        if !self.fit {
            return &[];
        }
        let before = self.observed.partition_point(|&(m, _)| m < 0);
        &self.observed[..before]
    }
}
