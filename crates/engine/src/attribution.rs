//! Each lever's share of the reduction: Shapley values over the levers.
//!
//! The game: for a subset S of the n levers, v(S) is the expected cumulative
//! intake (clients; mean over the runs of the sum over the months of
//! expected(m)) when the levers in S follow the user's values and the others
//! stay at today's. Lever i's contribution is
//! phi_i = sum over S without i of |S|! (n - 1 - |S|)! / n! * (v(S) - v(S + i)),
//! clients averted (positive = fewer clients); the n add up to
//! v(no levers) - v(all levers). The sum runs over all 2^n subsets, so it is
//! exact; [`MAX_LEVERS`] keeps that at 256 subsets at most.
//!
//! Because expected(m) is base(m) times one factor per lever, and the factors
//! of the levers that act the same in every run ([`crate::model::Acts::Fixed`])
//! do not depend on the run, the 2^n values need only one run sum per month
//! for each subset of the levers that act per run
//! ([`crate::simulate::MonthSums::subsets`]); the fixed factors multiply those
//! sums month by month. An idle lever has a factor of exactly 1, so its
//! contribution is exactly 0.

pub use wlz_scenario::lever::Contributions;

use crate::accumulate::Acc;
use crate::model::{Acts, LeverPath, RUN_LEVERS, acts};
use crate::simulate::MonthSums;
use wlz_scenario::lever::{LeverId, PerLever};

/// Most levers the exact Shapley sum is written for (2^8 = 256 subsets).
pub const MAX_LEVERS: usize = 8;

const _: () = assert!(LeverId::ALL.len() <= MAX_LEVERS, "the exact Shapley sum is written for at most 8 levers");

/// The Shapley game over the levers.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// v(S) for every subset S (bit i: lever i in [`LeverId::ALL`] order), clients.
    pub values: Vec<f64>,
    /// The Shapley contributions.
    pub contributions: Contributions,
}

/// The Shapley weight |S|! (n - 1 - |S|)! / n! of a subset of `size` levers out of `n`.
pub fn weight(size: usize, n: usize) -> f64 {
    let factorial = |k: usize| (1..=k).map(|i| i as f64).product::<f64>();
    factorial(size) * factorial(n - 1 - size) / factorial(n)
}

/// The index into [`MonthSums::subsets`] of the per-run levers in `subset` (bits by lever).
fn run_subset(subset: usize) -> usize {
    RUN_LEVERS.iter().enumerate().filter(|(_, l)| subset & (1 << l.index()) != 0).map(|(j, _)| 1 << j).sum()
}

impl Attribution {
    /// The game from the per-month run sums `sums` (one per month), the lever
    /// path and the number of runs.
    pub(crate) fn new<A: Acc>(sums: &[MonthSums<A>], path: &LeverPath, runs: u32) -> Attribution {
        let n = f64::from(runs.max(1));
        let levers = LeverId::ALL.len();
        let values: Vec<f64> = (0..1usize << levers)
            .map(|subset| {
                let run = run_subset(subset);
                let mut total = 0.0;
                for (m, s) in sums.iter().enumerate() {
                    let mut x = s.subsets[run].total();
                    for lever in LeverId::ALL.into_iter().filter(|&l| acts(l) == Acts::Fixed) {
                        x *= if subset & (1 << lever.index()) != 0 { path.input[lever][m] } else { 1.0 };
                    }
                    total += x;
                }
                total / n
            })
            .collect();
        let contributions = PerLever::from_fn(|lever| {
            let bit = 1usize << lever.index();
            let mut phi = 0.0;
            for subset in (0..values.len()).filter(|s| s & bit == 0) {
                phi += weight(subset.count_ones() as usize, levers) * (values[subset] - values[subset | bit]);
            }
            phi
        });
        Attribution { values, contributions }
    }

    /// v(no levers): expected cumulative intake without levers (clients).
    pub fn without_levers(&self) -> f64 {
        self.values[0]
    }

    /// v(all levers): expected cumulative intake with every lever (clients).
    pub fn with_levers(&self) -> f64 {
        self.values[self.values.len() - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_the_shapley_weights() {
        assert_eq!([0, 1, 2, 3].map(|k| weight(k, 4)), [0.25, 1.0 / 12.0, 1.0 / 12.0, 0.25]);
        for n in 1..=MAX_LEVERS {
            // Each lever's weights over all subsets without it sum to 1.
            let total: f64 = (0..n).map(|k| weight(k, n) * binomial(n - 1, k)).sum();
            assert!((total - 1.0).abs() < 1e-12, "n = {n}");
        }
    }

    fn binomial(n: usize, k: usize) -> f64 {
        (0..k).map(|i| (n - i) as f64 / (i + 1) as f64).product()
    }
}
