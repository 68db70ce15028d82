//! Targets: the chance that the mean count over a window stays at or below a
//! threshold, and when a run first reaches it.
//!
//! Per run, the window is met when (sum of the window's counts) / (its
//! length) <= threshold. The probability is the share of runs that meet it,
//! with Monte Carlo standard error sqrt(p (1 - p) / n). A run first reaches
//! the target in the first month m >= 2 (the third projected month) with
//! (count(m-2) + count(m-1) + count(m)) / 3 <= threshold; over the runs that
//! reach it the 10th, 50th and 90th percentiles are nearest-rank order
//! statistics (see [`crate::stats`]); `never` is the share of runs that do not
//! reach it within the horizon.

use crate::model_params::{ModelParams, TargetSpec};
use crate::month::Month;
use crate::stats::{Probability, nearest_rank};
use serde::{Deserialize, Serialize};

/// Which target: `t1` (short term) or `t2` (long term).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetId {
    /// Target 1: by default at most 240 a month in January to March 2024.
    T1,
    /// Target 2: by default at most 100 a month in the horizon's last 12 months.
    T2,
}

impl TargetId {
    /// Both targets, in order.
    pub const ALL: [TargetId; 2] = [TargetId::T1, TargetId::T2];

    /// The name used in JSON and on the command line: `t1` or `t2`.
    pub fn name(self) -> &'static str {
        match self {
            TargetId::T1 => "t1",
            TargetId::T2 => "t2",
        }
    }

    /// The target named `name` (`t1` or `t2`).
    pub fn parse(name: &str) -> Option<TargetId> {
        TargetId::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Its threshold and window in `params`.
    pub fn spec(self, params: &ModelParams) -> TargetSpec {
        match self {
            TargetId::T1 => params.t1,
            TargetId::T2 => params.t2,
        }
    }
}

/// Where a target's window lies against the projected months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowStatus {
    /// Every month of the window is projected: a probability is given.
    Inside = 0,
    /// Some months of the window are not projected: no probability.
    PartlyOutside = 1,
    /// No month of the window is projected (or the window ends before it starts): no probability.
    Outside = 2,
}

impl WindowStatus {
    /// Status of the window `from..=to` (month offsets) against months 0..`horizon`.
    pub fn of(from: i32, to: i32, horizon: u32) -> WindowStatus {
        let last = horizon as i32 - 1;
        if from > to || to < 0 || from > last {
            WindowStatus::Outside
        } else if from < 0 || to > last {
            WindowStatus::PartlyOutside
        } else {
            WindowStatus::Inside
        }
    }
}

/// When runs first reach a target.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FirstReached {
    /// 10th percentile (nearest rank) of the first month over the runs that reach it; None if none does.
    pub p10: Option<Month>,
    /// Median first month over the runs that reach it.
    pub p50: Option<Month>,
    /// 90th percentile first month over the runs that reach it.
    pub p90: Option<Month>,
    /// Share of runs that never reach it within the horizon (0..1).
    pub never: f64,
}

/// The result for one target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetResult {
    /// `t1` (short term) or `t2` (long term).
    pub id: String,
    /// Threshold on the mean count (clients/month).
    pub threshold: f64,
    /// First month of the window.
    pub window_from: Month,
    /// Last month of the window (inclusive).
    pub window_to: Month,
    /// Where the window lies against the projection.
    pub status: WindowStatus,
    /// Share of runs meeting the target (0..1); None unless `status` is `inside`.
    pub probability: Option<f64>,
    /// Monte Carlo standard error of `probability` (share); None with it.
    pub std_error: Option<f64>,
    /// When the runs first reach the threshold (3-month trailing mean).
    pub first_reached: FirstReached,
}

/// Per-run bookkeeping of one target during a projection.
#[derive(Clone, Debug)]
pub struct TargetTally {
    spec: TargetSpec,
    status: WindowStatus,
    met: u32,
    runs: u32,
    /// first_month[m] = runs whose first reach is month offset m.
    first_month: Vec<u32>,
}

impl TargetTally {
    /// An empty tally for `spec` over a projection of `horizon` months.
    pub fn new(spec: TargetSpec, horizon: u32) -> TargetTally {
        TargetTally {
            spec,
            status: WindowStatus::of(spec.from, spec.to, horizon),
            met: 0,
            runs: 0,
            first_month: vec![0; horizon as usize],
        }
    }

    /// Records one run given its counts per month (clients/month), one per
    /// projected month; months beyond the horizon are ignored.
    pub fn record(&mut self, counts: &[u32]) {
        self.runs += 1;
        let threshold = self.spec.threshold;
        let window = match self.status {
            WindowStatus::Inside => counts.get(self.spec.from as usize..=self.spec.to as usize),
            _ => None,
        };
        if let Some(window) = window {
            let sum: u64 = window.iter().map(|&c| u64::from(c)).sum();
            if meets(sum, window.len(), threshold) {
                self.met += 1;
            }
        }
        let first = counts.windows(3).position(|w| {
            let sum = u64::from(w[0]) + u64::from(w[1]) + u64::from(w[2]);
            sum as f64 / 3.0 <= threshold
        });
        if let Some(slot) = first.and_then(|i| self.first_month.get_mut(i + 2)) {
            *slot += 1;
        }
    }

    /// The result, with the window written as calendar months from `start`.
    pub fn finish(&self, id: &str, start: Month) -> TargetResult {
        let n = f64::from(self.runs.max(1));
        let (probability, std_error) = if self.status == WindowStatus::Inside {
            let p = Probability::of_runs(self.met, self.runs);
            (Some(p.p), Some(p.std_error))
        } else {
            (None, None)
        };
        let reached: u32 = self.first_month.iter().sum();
        let month = |p: f64| nearest_rank(&self.first_month, p).map(|m| start.plus(m as i32));
        TargetResult {
            id: id.to_string(),
            threshold: self.spec.threshold,
            window_from: start.plus(self.spec.from),
            window_to: start.plus(self.spec.to),
            status: self.status,
            probability,
            std_error,
            first_reached: FirstReached {
                p10: month(0.10),
                p50: month(0.50),
                p90: month(0.90),
                never: f64::from(self.runs - reached) / n,
            },
        }
    }
}

/// The target rule: a window whose counts add up to `sum` (clients) over
/// `months` months meets `threshold` (clients/month) when sum / months <= threshold.
#[inline]
pub fn meets(sum: u64, months: usize, threshold: f64) -> bool {
    sum as f64 / months as f64 <= threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_names() {
        assert_eq!(TargetId::parse("t2"), Some(TargetId::T2));
        assert_eq!(TargetId::parse("T1"), None);
        assert_eq!(serde_json::to_string(&TargetId::T1).unwrap(), "\"t1\"");
        let p = crate::Scenario::default().model_params();
        assert_eq!(TargetId::T2.spec(&p), p.t2);
    }

    #[test]
    fn window_status() {
        assert_eq!(WindowStatus::of(0, 2, 84), WindowStatus::Inside);
        assert_eq!(WindowStatus::of(72, 83, 84), WindowStatus::Inside);
        assert_eq!(WindowStatus::of(72, 84, 84), WindowStatus::PartlyOutside);
        assert_eq!(WindowStatus::of(-1, 2, 84), WindowStatus::PartlyOutside);
        assert_eq!(WindowStatus::of(-3, -1, 84), WindowStatus::Outside);
        assert_eq!(WindowStatus::of(84, 90, 84), WindowStatus::Outside);
        assert_eq!(WindowStatus::of(3, 2, 84), WindowStatus::Outside);
    }

    #[test]
    fn tally_counts_window_and_first_reach() {
        let spec = TargetSpec { threshold: 10.0, from: 0, to: 1 };
        let mut t = TargetTally::new(spec, 5);
        t.record(&[10, 10, 20, 5, 5]); // window mean 10 (met); trailing means 13.3, 11.7, 10 -> month 4
        t.record(&[20, 20, 20, 20, 20]); // never
        let r = t.finish("t1", Month::new(2024, 1));
        assert_eq!(r.probability, Some(0.5));
        assert_eq!(r.std_error, Some((0.25f64 / 2.0).sqrt()));
        assert_eq!(r.first_reached.p50, Some(Month::new(2024, 5)));
        assert_eq!(r.first_reached.never, 0.5);
    }
}
