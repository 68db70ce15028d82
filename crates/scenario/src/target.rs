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
use crate::params::Key;
use serde::{Deserialize, Serialize};

/// Which target: `t1` (short term) or `t2` (long term).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetId {
    /// Target 1: by default at most 240 a month in January to March 2024.
    T1,
    /// Target 2: by default at most 100 a month in the horizon's last 12 months.
    T2,
}

/// Number of targets.
pub const TARGET_COUNT: usize = 2;

impl TargetId {
    /// Every target, in order.
    pub const ALL: [TargetId; TARGET_COUNT] = [TargetId::T1, TargetId::T2];

    /// The target's row of [`TARGETS`].
    pub const fn row(self) -> &'static TargetRow {
        &TARGETS[self as usize]
    }

    /// The name used in JSON, links and on the command line: `t1` or `t2`.
    pub const fn name(self) -> &'static str {
        self.row().name
    }

    /// The target named `name` (`t1` or `t2`).
    pub fn parse(name: &str) -> Option<TargetId> {
        TargetId::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Its threshold and window in `params`.
    pub fn spec(self, params: &ModelParams) -> TargetSpec {
        params.targets[self]
    }
}

impl std::fmt::Display for TargetId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How a target's threshold (clients/month) follows from the scenario's keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Threshold {
    /// A reference level and a reduction below it in percent: level * (1 - cut / 100).
    Cut {
        /// The reference level's key (clients/month).
        reference: Key,
        /// The reduction's key (%).
        cut: Key,
    },
    /// The value of a key (clients/month).
    Level(Key),
}

/// One target's row: its keys and catalogue keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TargetRow {
    /// Which target.
    pub id: TargetId,
    /// Its name in JSON and links.
    pub name: &'static str,
    /// Where its threshold comes from.
    pub threshold: Threshold,
    /// The key of its window's first month.
    pub from: Key,
    /// The key of its window's last month.
    pub to: Key,
    /// Catalogue key of its name in sentences ("doel 1 (korte termijn)").
    pub label: &'static str,
    /// Catalogue key of its short name on the chart.
    pub chart_label: &'static str,
}

/// The targets, in [`TargetId`] order.
pub const TARGETS: [TargetRow; TARGET_COUNT] = [
    TargetRow {
        id: TargetId::T1,
        name: "t1",
        threshold: Threshold::Cut { reference: Key::Baseline, cut: Key::Cut },
        from: Key::T1From,
        to: Key::T1To,
        label: "target.t1",
        chart_label: "chart.t1",
    },
    TargetRow {
        id: TargetId::T2,
        name: "t2",
        threshold: Threshold::Level(Key::T2),
        from: Key::T2From,
        to: Key::T2To,
        label: "target.t2",
        chart_label: "chart.t2",
    },
];

crate::per_id::per_id!(
    /// One value per target, indexed by [`TargetId`].
    PerTarget,
    TargetId,
    TARGET_COUNT
);

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
    /// Every month of the window is observed (model 2): a fact, reached or not, with the observed mean.
    Observed = 3,
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
    /// Which target (`t1` or `t2` in JSON).
    pub id: TargetId,
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
    /// The observed mean count over the window (clients/month) when every
    /// month of it is observed (`status` is `observed`); reached when at or
    /// below the threshold. Absent otherwise (left out of JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_mean: Option<f64>,
    /// When the runs first reach the threshold (3-month trailing mean).
    pub first_reached: FirstReached,
}

impl TargetResult {
    /// Whether the target is reached for certain: Some(reached) when its
    /// window is wholly observed, None when only a probability can be given.
    pub fn observed_reached(&self) -> Option<bool> {
        self.observed_mean.map(|mean| mean <= self.threshold)
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
    fn an_absent_observed_mean_is_left_out_of_json_and_kept_in_the_workers_messages() {
        let month = crate::month::Month::parse("2026-01").expect("a month");
        let result = |observed_mean: Option<f64>| TargetResult {
            id: TargetId::T1,
            threshold: 200.0,
            window_from: month,
            window_to: month,
            status: if observed_mean.is_some() { WindowStatus::Observed } else { WindowStatus::Inside },
            probability: observed_mean.is_none().then_some(0.25),
            std_error: None,
            observed_mean,
            first_reached: FirstReached { p10: None, p50: Some(month), p90: None, never: 0.5 },
        };
        for r in [result(None), result(Some(180.5))] {
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json.contains("observed_mean"), r.observed_mean.is_some(), "{json}");
            assert_eq!(serde_json::from_str::<TargetResult>(&json).unwrap(), r);
            assert_eq!(crate::protocol::decode::<TargetResult>(&crate::protocol::encode(&r)).unwrap(), r);
        }
    }

    #[test]
    fn target_names() {
        assert_eq!(TargetId::parse("t2"), Some(TargetId::T2));
        assert_eq!(TargetId::parse("T1"), None);
        assert_eq!(serde_json::to_string(&TargetId::T1).unwrap(), "\"t1\"");
        let p = crate::Scenario::default().model_params();
        assert_eq!(TargetId::T2.spec(&p), p.targets[TargetId::T2]);
        for (i, row) in TARGETS.iter().enumerate() {
            assert_eq!(row.id as usize, i);
            assert_eq!(TargetId::parse(row.name), Some(row.id));
        }
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
}
