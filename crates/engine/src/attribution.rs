//! Each lever's share of the reduction: Shapley values over the four levers.
//!
//! The game: for a subset S of the levers, v(S) is the expected cumulative
//! intake (clients; mean over the runs of the sum over the months of
//! expected(m)) when the levers in S follow the user's values and the others
//! stay at today's. Lever i's contribution is
//! phi_i = sum over S without i of |S|! (3 - |S|)! / 4! * (v(S) - v(S + i)),
//! clients averted (positive = fewer clients); the four add up to
//! v(no levers) - v(all levers).
//!
//! Because expected(m) = base(m) G1(m) F2(m) G3(m) F4(m) with G3 and F4 the
//! same in every run, the 16 values need only four run sums per month:
//! sum base, sum base G1, sum base F2 and sum base G1 F2 ([`LeverSums`]). An
//! idle lever has a factor of exactly 1, so its contribution is exactly 0.

use crate::model::LeverPath;
use serde::{Deserialize, Serialize};

/// Clients averted per lever over the horizon (clients; positive = fewer clients).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contributions {
    /// Lever 1: longer Wmo beschikkingen.
    pub longer: f64,
    /// Lever 2: the hulpmiddel.
    pub aid: f64,
    /// Lever 3: the youth share.
    pub youth: f64,
    /// Lever 4: the regional approach and other measures.
    pub region: f64,
}

/// Run sums of one month (clients/month summed over the runs).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LeverSums {
    /// Sum of base(m).
    pub base: f64,
    /// Sum of base(m) G1(m) (lever 1 active).
    pub base_g1: f64,
    /// Sum of base(m) F2(m) (lever 2 active).
    pub base_f2: f64,
    /// Sum of base(m) G1(m) F2(m) (levers 1 and 2 active).
    pub base_g1_f2: f64,
}

/// The Shapley game over the levers.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// v(S) for every subset S (bit 0 longer, 1 aid, 2 youth, 3 region), clients.
    pub values: [f64; 16],
    /// The Shapley contributions.
    pub contributions: Contributions,
}

impl Attribution {
    /// The game from the per-month run sums `sums` (one per month), the lever
    /// path and the number of runs.
    pub fn new(sums: &[LeverSums], path: &LeverPath, runs: u32) -> Attribution {
        let n = f64::from(runs.max(1));
        let mut values = [0.0; 16];
        for (subset, value) in values.iter_mut().enumerate() {
            let mut total = 0.0;
            for (m, s) in sums.iter().enumerate() {
                let x = match subset & 0b11 {
                    0 => s.base,
                    1 => s.base_g1,
                    2 => s.base_f2,
                    _ => s.base_g1_f2,
                };
                let g3 = if subset & 4 != 0 { path.youth_factor[m] } else { 1.0 };
                let f4 = if subset & 8 != 0 { path.region_factor[m] } else { 1.0 };
                total += x * g3 * f4;
            }
            *value = total / n;
        }
        let mut phi = [0.0; 4];
        for (i, p) in phi.iter_mut().enumerate() {
            let bit = 1usize << i;
            for subset in (0..16usize).filter(|s| s & bit == 0) {
                let k = subset.count_ones() as usize;
                // |S|! (3 - |S|)! / 4! for |S| = 0..3: 6/24, 2/24, 2/24, 6/24.
                let weight = [0.25, 1.0 / 12.0, 1.0 / 12.0, 0.25][k];
                *p += weight * (values[subset] - values[subset | bit]);
            }
        }
        Attribution {
            values,
            contributions: Contributions { longer: phi[0], aid: phi[1], youth: phi[2], region: phi[3] },
        }
    }

    /// v(no levers): expected cumulative intake without levers (clients).
    pub fn without_levers(&self) -> f64 {
        self.values[0]
    }

    /// v(all levers): expected cumulative intake with every lever (clients).
    pub fn with_levers(&self) -> f64 {
        self.values[15]
    }
}
