//! "What matters most": the tornado chart's and the rank correlations'
//! result types (computed by the engine's `sensitivity`, whose module docs
//! give the method).

use crate::month::Month;
use crate::params::Key;
use crate::stats::Probability;
use crate::target::{TargetId, WindowStatus};
use serde::{Deserialize, Serialize};

/// The lower percentile of the tornado (share 0..1).
pub const LOW: f64 = 0.1;

/// The upper percentile of the tornado (share 0..1).
pub const HIGH: f64 = 0.9;

/// One bar of the tornado chart.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TornadoBar {
    /// The parameter's key (`level`, `trend`, `eps` or `theta`).
    pub key: Key,
    /// The key of its standard deviation (`level_sd`, ...).
    pub sd_key: Key,
    /// Its 10th percentile, in URL units (clients/month for `level`, % per year for `trend`, % for `eps` and `theta`).
    pub low_value: f64,
    /// Its 90th percentile, same unit.
    pub high_value: f64,
    /// P(target) with the parameter fixed at `low_value`; null when the window is not inside the projection.
    pub low: Option<Probability>,
    /// P(target) with the parameter fixed at `high_value`; null likewise.
    pub high: Option<Probability>,
    /// |high - low| (share 0..1); null likewise.
    pub swing: Option<f64>,
}

/// A quantity sampled per run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Driver {
    /// L, the underlying level (as used: negative draws are 0).
    Level,
    /// g, the yearly trend (as used, through (1 + g)^(1/12)).
    Trend,
    /// epsilon.
    Eps,
    /// theta.
    Theta,
    /// The run's mean fluctuation factor fluct(m) over the target's window.
    Fluctuation,
}

impl Driver {
    /// Every sampled quantity, in the order of the rank correlations.
    pub const ALL: [Driver; 5] = [Driver::Level, Driver::Trend, Driver::Eps, Driver::Theta, Driver::Fluctuation];

    /// The scenario key of its mean; none for the fluctuation.
    pub fn key(self) -> Option<Key> {
        match self {
            Driver::Level => Some(Key::Level),
            Driver::Trend => Some(Key::Trend),
            Driver::Eps => Some(Key::Eps),
            Driver::Theta => Some(Key::Theta),
            Driver::Fluctuation => None,
        }
    }

    /// The quantity whose mean is `key`.
    pub fn of_key(key: Key) -> Option<Driver> {
        Driver::ALL.into_iter().find(|d| d.key() == Some(key))
    }
}

/// The rank correlation of one sampled quantity with the target outcome.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankCorrelation {
    /// The quantity.
    pub driver: Driver,
    /// Spearman's rho (-1..1) with the run's mean count over the window;
    /// positive = a higher value goes with more intake. Null for a constant
    /// column or when the window is not inside the projection.
    pub rho: Option<f64>,
}

/// What matters most for one target; serialised as the CLI's `--sensitivity` output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sensitivity {
    /// The target: `t1` or `t2`.
    pub target: TargetId,
    /// Its threshold (clients/month).
    pub threshold: f64,
    /// First month of its window.
    pub window_from: Month,
    /// Last month of its window.
    pub window_to: Month,
    /// Where the window lies against the projection.
    pub status: WindowStatus,
    /// Monte Carlo runs per evaluation (the scenario's).
    pub runs: u32,
    /// P(target) of the scenario as configured; null unless the window is inside.
    pub base: Option<Probability>,
    /// One bar per uncertain parameter, largest swing first.
    pub tornado: Vec<TornadoBar>,
    /// Rank correlations of L, g, epsilon, theta and the fluctuation with the outcome.
    pub correlations: Vec<RankCorrelation>,
}
