//! The fast path for one target: each run's result for that target and
//! nothing else (no month percentiles, no counts matrix, no stock, no
//! attribution). The "what would it take" search ([`crate::solve`]) and the
//! tornado chart ([`crate::sensitivity`]) evaluate a target many times, so they
//! use this.
//!
//! A run is simulated by the same code as in a full projection
//! ([`crate::simulate`]), only up to the last month of the target's window:
//! later months cannot change the result. So every run has exactly the counts
//! it has in [`crate::simulate::project`], and the probability is the same to
//! the last bit (a test checks this).

use crate::model::RunDraws;
use crate::model_params::{ModelParams, TargetSpec};
use crate::simulate::Context;
use crate::stats::Probability;
use crate::targets::{TargetId, Window, WindowStatus, meets};
use serde::{Deserialize, Serialize};

/// How many runs meet a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetCount {
    /// Where the target's window lies; runs are simulated only when it is `inside`.
    pub status: WindowStatus,
    /// Number of Monte Carlo runs (the first `runs` runs of the seed).
    pub runs: u32,
    /// Runs whose mean count over the window is at or below the threshold; 0 unless `inside`.
    pub met: u32,
}

impl TargetCount {
    /// The share of runs that meet the target with its standard error; None
    /// unless the window lies inside the projection.
    pub fn probability(&self) -> Option<Probability> {
        (self.status == WindowStatus::Inside).then(|| Probability::of_runs(self.met, self.runs))
    }
}

/// One run's result for one target.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RunOutcome {
    /// The run's parameter draws.
    pub draws: RunDraws,
    /// Sum of the run's counts over the window (clients).
    pub window_sum: u64,
    /// Sum of fluct(m) over the window (unitless).
    pub fluct_sum: f64,
}

/// Simulates the first `runs` runs (at least 1) of `params` up to the last
/// projected month of `spec`'s window and hands each run's outcome to `visit`,
/// in run order (observed months of the window count with their observed
/// values). Simulates nothing unless the window needs the runs (status
/// inside); returns the window and the number of runs.
pub(crate) fn each_run(
    params: &ModelParams,
    spec: TargetSpec,
    runs: u32,
    mut visit: impl FnMut(&RunOutcome),
) -> (Window, u32) {
    let runs = runs.max(1);
    let ctx = Context::for_runs(params, runs);
    let window = Window::new(spec, ctx.months() as u32, params);
    if window.status != WindowStatus::Inside {
        return (window, runs);
    }
    for r in 0..runs {
        let (mut run_sum, mut fluct_sum) = (0u64, 0.0);
        let draws = ctx.simulate_run(u64::from(r), window.run_end, |step| {
            if window.run_months[step.m] {
                run_sum += u64::from(step.count);
                fluct_sum += step.fluct;
            }
        });
        visit(&RunOutcome { draws, window_sum: window.observed_sum + run_sum, fluct_sum });
    }
    (window, runs)
}

/// Counts the runs of the first `runs` runs of `params` that meet `spec`
/// (the rule of [`crate::targets`]).
pub fn count_runs(params: &ModelParams, spec: TargetSpec, runs: u32) -> TargetCount {
    let months = (spec.to - spec.from + 1).max(1) as usize;
    let mut met = 0u32;
    let (window, runs) =
        each_run(params, spec, runs, |run| met += u32::from(meets(run.window_sum, months, spec.threshold)));
    TargetCount { status: window.status, runs, met }
}

/// Counts the runs of `params` (all `params.runs` of them) that meet `target`.
pub fn count(params: &ModelParams, target: TargetId) -> TargetCount {
    count_runs(params, target.spec(params), params.runs)
}
