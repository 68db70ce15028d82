//! Counting, per run, whether a target is met and when it is first reached
//! (the rule is in [`wlz_scenario::target`]).
//!
//! A target's window may hold observed months (model 2): those count with
//! their observed value in every run, and the runs supply the other months. A
//! window wholly observed is a fact ([`WindowStatus::Observed`]), not a
//! probability. Model 1 has no observed months, so its windows are as before.

pub use wlz_scenario::target::*;

use crate::stats::{Probability, nearest_rank};
use serde::{Deserialize, Serialize};
use wlz_scenario::Month;
use wlz_scenario::model_params::{ModelParams, TargetSpec};

/// Which months of a target's window the runs must supply, and what the observed ones add.
#[derive(Clone, Debug, PartialEq)]
pub struct Window {
    /// The target's threshold and window (month offsets from the start).
    pub spec: TargetSpec,
    /// Where the window lies against the observed and projected months.
    pub status: WindowStatus,
    /// Months in the window (at least 1).
    pub months: usize,
    /// Sum of the observed counts in the window (clients).
    pub observed_sum: u64,
    /// For each projected month (0..horizon): true when the window needs that run's count there.
    pub run_months: Vec<bool>,
    /// The last projected month the window needs, plus one (0 when none).
    pub run_end: usize,
}

impl Window {
    /// The window of `spec` for a projection of `horizon` months with `params`' observed months.
    pub fn new(spec: TargetSpec, horizon: u32, params: &ModelParams) -> Window {
        let observed = &params.observed;
        let find = |m: i32| observed.binary_search_by_key(&m, |&(o, _)| o).ok().map(|i| observed[i].1);
        let projected = |m: i32| (0..horizon as i32).contains(&m);
        let mut run_months = vec![false; horizon as usize];
        let (mut observed_sum, mut seen, mut run, mut missing) = (0u64, 0usize, 0usize, 0usize);
        for m in spec.from..=spec.to {
            if let Some(count) = find(m) {
                observed_sum += u64::from(count);
                seen += 1;
            } else if projected(m) {
                run_months[m as usize] = true;
                run += 1;
            } else {
                missing += 1;
            }
        }
        let status = if observed.is_empty() {
            WindowStatus::of(spec.from, spec.to, horizon)
        } else if spec.from > spec.to || seen + run == 0 {
            WindowStatus::Outside
        } else if missing > 0 {
            WindowStatus::PartlyOutside
        } else if run == 0 {
            WindowStatus::Observed
        } else {
            WindowStatus::Inside
        };
        let run_end = run_months.iter().rposition(|&r| r).map_or(0, |m| m + 1);
        Window { spec, status, months: (spec.to - spec.from + 1).max(1) as usize, observed_sum, run_months, run_end }
    }

    /// The window's sum in a run whose count in projected month m is `count(m)` (clients).
    #[inline]
    pub fn sum(&self, count: impl Fn(usize) -> u32) -> u64 {
        let run: u64 = (0..self.run_end).filter(|&m| self.run_months[m]).map(|m| u64::from(count(m))).sum();
        self.observed_sum + run
    }

    /// True when a window whose counts add up to `sum` meets the threshold.
    #[inline]
    pub fn meets(&self, sum: u64) -> bool {
        meets(sum, self.months, self.spec.threshold)
    }
}

/// Per-run bookkeeping of one target during a projection; tallies of
/// disjoint sets of runs merge exactly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetTally {
    met: u32,
    runs: u32,
    /// first_month[m] = runs whose first reach is month offset m.
    first_month: Vec<u32>,
}

impl TargetTally {
    /// An empty tally over a projection of `horizon` months.
    pub fn new(horizon: u32) -> TargetTally {
        TargetTally { met: 0, runs: 0, first_month: vec![0; horizon as usize] }
    }

    /// Records one run given its counts per month (clients/month), one per
    /// projected month; months beyond the horizon are ignored.
    pub fn record(&mut self, window: &Window, counts: &[u32]) {
        self.runs += 1;
        if window.status == WindowStatus::Inside
            && counts.len() >= window.run_end
            && window.meets(window.sum(|m| counts[m]))
        {
            self.met += 1;
        }
        let threshold = window.spec.threshold;
        let first = counts.windows(3).position(|w| {
            let sum = u64::from(w[0]) + u64::from(w[1]) + u64::from(w[2]);
            sum as f64 / 3.0 <= threshold
        });
        if let Some(slot) = first.and_then(|i| self.first_month.get_mut(i + 2)) {
            *slot += 1;
        }
    }

    /// Adds another tally of the same target over other runs.
    pub fn merge(&mut self, other: &TargetTally) {
        self.met += other.met;
        self.runs += other.runs;
        for (a, b) in self.first_month.iter_mut().zip(&other.first_month) {
            *a += b;
        }
    }

    /// The result, with the window written as calendar months from `start`.
    pub fn finish(&self, id: TargetId, window: &Window, start: Month) -> TargetResult {
        let n = f64::from(self.runs.max(1));
        let (probability, std_error) = if window.status == WindowStatus::Inside {
            let p = Probability::of_runs(self.met, self.runs);
            (Some(p.p), Some(p.std_error))
        } else {
            (None, None)
        };
        let observed_mean =
            (window.status == WindowStatus::Observed).then(|| window.observed_sum as f64 / window.months as f64);
        let reached: u32 = self.first_month.iter().sum();
        let month = |p: f64| nearest_rank(&self.first_month, p).map(|m| start.plus(m as i32));
        let spec = window.spec;
        TargetResult {
            id,
            threshold: spec.threshold,
            window_from: start.plus(spec.from),
            window_to: start.plus(spec.to),
            status: window.status,
            probability,
            std_error,
            observed_mean,
            first_reached: FirstReached {
                p10: month(0.10),
                p50: month(0.50),
                p90: month(0.90),
                never: f64::from(self.runs - reached) / n,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wlz_scenario::Scenario;
    use wlz_scenario::params::KeySet;

    #[test]
    fn tally_counts_window_and_first_reach() {
        let params = Scenario::new(KeySet::V1).model_params();
        let window = Window::new(TargetSpec { threshold: 10.0, from: 0, to: 1 }, 5, &params);
        let mut t = TargetTally::new(5);
        t.record(&window, &[10, 10, 20, 5, 5]); // window mean 10 (met); trailing means 13.3, 11.7, 10 -> month 4
        t.record(&window, &[20, 20, 20, 20, 20]); // never
        let r = t.finish(TargetId::T1, &window, Month::new(2024, 1));
        assert_eq!(r.probability, Some(0.5));
        assert_eq!(r.std_error, Some((0.25f64 / 2.0).sqrt()));
        assert_eq!(r.first_reached.p50, Some(Month::new(2024, 5)));
        assert_eq!(r.first_reached.never, 0.5);
        let (mut a, b) = (TargetTally::new(5), t.clone());
        a.record(&window, &[1, 1, 1, 1, 1]);
        a.merge(&b);
        assert_eq!(a.finish(TargetId::T1, &window, Month::new(2024, 1)).probability, Some(2.0 / 3.0));
    }

    #[test]
    fn observed_months_count_with_their_values() {
        let mut s = Scenario::new(KeySet::V2);
        s.set_observed(wlz_scenario::observed::ObservedSeries::parse("2024-01,230\n2024-02,250\n2024-03,260").ok());
        s.set_text("start", "2024-03").unwrap();
        let p = s.model_params();
        // t1 (2024-01..03): two months observed before the start, March projected and also observed.
        let t1 = Window::new(p.targets[TargetId::T1], 12, &p);
        assert_eq!((t1.status, t1.observed_sum, t1.run_end), (WindowStatus::Observed, 740, 0));
        let mut s2 = s.clone();
        s2.set_observed(wlz_scenario::observed::ObservedSeries::parse("2024-01,230\n2024-02,250").ok());
        let p2 = s2.model_params();
        let w = Window::new(p2.targets[TargetId::T1], 12, &p2);
        assert_eq!((w.status, w.observed_sum, w.run_end), (WindowStatus::Inside, 480, 1));
        assert!(w.meets(w.sum(|_| 240)), "(230 + 250 + 240) / 3 = 240");
        assert!(!w.meets(w.sum(|_| 241)));
    }
}
