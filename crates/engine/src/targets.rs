//! Counting, per run, whether a target is met and when it is first reached
//! (the rule is in [`wlz_scenario::target`]).

pub use wlz_scenario::target::*;

use crate::stats::{Probability, nearest_rank};
use wlz_scenario::Month;
use wlz_scenario::model_params::TargetSpec;

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
    pub fn finish(&self, id: TargetId, start: Month) -> TargetResult {
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
            id,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_counts_window_and_first_reach() {
        let spec = TargetSpec { threshold: 10.0, from: 0, to: 1 };
        let mut t = TargetTally::new(spec, 5);
        t.record(&[10, 10, 20, 5, 5]); // window mean 10 (met); trailing means 13.3, 11.7, 10 -> month 4
        t.record(&[20, 20, 20, 20, 20]); // never
        let r = t.finish(TargetId::T1, Month::new(2024, 1));
        assert_eq!(r.probability, Some(0.5));
        assert_eq!(r.std_error, Some((0.25f64 / 2.0).sqrt()));
        assert_eq!(r.first_reached.p50, Some(Month::new(2024, 5)));
        assert_eq!(r.first_reached.never, 0.5);
    }
}
