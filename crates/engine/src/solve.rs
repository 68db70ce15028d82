//! What would it take: the smallest lever level at which a target is reached
//! with a chosen confidence.
//!
//! The lever moves from today's value towards its strongest value (the end
//! of its range that lowers the intake); every other input of the scenario,
//! the lever's start month and ramp included, stays as it is:
//!
//! | lever | level (URL unit) | from today's value | to the strongest |
//! |---|---|---|---|
//! | `longer` | % of beschikkingen longer than a year | 25 | 100 |
//! | `aid` | % adoption of the hulpmiddel | 0 | 100 |
//! | `youth` | % aged 26 or younger in the intake | youth0 | 0 (the value *falls*) |
//! | `region` | % reduction | 0 | 50 |
//! | `all` | % of the way, all four together | 0 | 100 |
//!
//! For `all`, level t moves every lever t % of the way from today's value
//! (longer 25, aid 0, youth = youth0, region 0) to its strongest value
//! (longer 100, aid 100, youth 0, region 50); each lever's value is rounded to
//! 0.01 percentage point so that the answer can be written in a link exactly.
//!
//! Candidate levels lie on a grid of [`STEP`] (0.1) in the URL unit: today's
//! value, the multiples of 0.1 between it and the strongest value, and the
//! strongest value. For `youth` "smallest" means the least change: the value
//! closest to youth0. The answer is today's value when the scenario already
//! reaches the confidence there, and none (`level` null) when even the
//! strongest value does not.
//!
//! Every candidate is a full Monte Carlo estimate with the scenario's seed and
//! number of runs, on common random numbers ([`crate::rng`]): each run keeps
//! its parameter draws and its fluctuation whatever the level, and only the
//! Poisson counts move with their means. So P(level) is nearly monotone, and
//! a bracketing search is sound: both ends of the range are evaluated first
//! (today's value: already reached? the strongest: reachable at all?), then
//! the bracket is narrowed to two neighbouring grid points by regula falsi
//! with the Illinois modification and a bisection safeguard: 4 to 11
//! evaluations in all on the measured curves (plain bisection: 11 to 12), at
//! most 4 log2(steps) + 2 whatever the curve.
//! The answer always has P >= confidence and the grid point just before it
//! (when there is one) has P < confidence; both are reported.
//!
//! Counts are Poisson draws by rejection (PTRS), so a run's count is not
//! strictly monotone in its mean and P(level) can step back between
//! neighbouring grid points. Measured at 10,000 runs on nine whole grids
//! (5,500 steps of 0.1): 19 % of the steps go back, by at most 17 runs
//! (0.17 percentage point, well below the standard error of about 0.4 point);
//! every curve crossed 80 % exactly once, so the search found the smallest
//! level of the grid. `tests/solve.rs` repeats a smaller measurement.
//! Each candidate uses the fast path of [`crate::target_runs`], whose
//! probabilities equal the full projection's exactly.

pub use wlz_scenario::solve::*;

use crate::model_params::{LeverSetting, ModelParams};
use crate::stats::Probability;
use crate::target_runs::{TargetCount, count_runs};
use crate::targets::{TargetId, WindowStatus};
use wlz_scenario::lever::{LeverId, PerLever};

/// Slack on comparisons with the confidence (share), far below the 1e-5 that
/// one run of 100,000 weighs, so that a confidence converted from percent
/// (99.9 / 100 is 0.9990000000000001) is reached by exactly 99.9 % of the runs.
const TOLERANCE: f64 = 1e-12;

/// The candidate levels: today's value, the multiples of [`STEP`] strictly
/// between it and the strongest value, the strongest value (URL units).
#[derive(Clone, Copy, Debug)]
struct Grid {
    today: f64,
    strongest: f64,
    /// The first multiple of STEP after today's value, in tenths.
    first: i64,
    /// +1 when the level rises towards the strongest value, -1 when it falls.
    dir: i64,
    /// Number of candidates (at least 1).
    len: usize,
}

impl Grid {
    fn new(today: f64, strongest: f64) -> Grid {
        // A tolerance of 1e-9 tenths so that 25 is read as 250 tenths, not 249.99....
        const FUZZ: f64 = 1e-9;
        let (a, b) = (today / STEP, strongest / STEP);
        let (first, last, dir) = if strongest >= today {
            ((a + FUZZ).floor() as i64 + 1, (b - FUZZ).ceil() as i64 - 1, 1)
        } else {
            ((a - FUZZ).ceil() as i64 - 1, (b + FUZZ).floor() as i64 + 1, -1)
        };
        let interior = ((last - first) * dir + 1).max(0) as usize;
        let len = if today == strongest { 1 } else { interior + 2 };
        Grid { today, strongest, first, dir, len }
    }

    /// Candidate `k` (0 = today's value, len - 1 = the strongest), URL units.
    fn level(&self, k: usize) -> f64 {
        if k == 0 {
            self.today
        } else if k + 1 >= self.len {
            self.strongest
        } else {
            (self.first + self.dir * (k as i64 - 1)) as f64 / 10.0
        }
    }
}

/// Today's and the strongest value of `lever` (URL units: percent), `setting` being its model setting.
fn range_of(lever: LeverId, setting: &LeverSetting) -> (f64, f64) {
    (percent(setting.today), lever.row().strongest())
}

/// `v` rounded to 0.01 (percentage points).
fn hundredths(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Interpolation steps allowed without halving the bracket before a bisection step.
const INTERPOLATIONS: u32 = 3;

/// Two candidates with their P(target): (index, point).
type Bracket = ((usize, LevelPoint), (usize, LevelPoint));

/// The search of one lever for one target.
struct Search<'a> {
    base: &'a ModelParams,
    lever: SolveLever,
    target: TargetId,
    grid: Grid,
    evaluations: u32,
}

impl<'a> Search<'a> {
    /// The search of `lever` for `target`; fails when the target's window is not inside the projection.
    fn new(base: &'a ModelParams, lever: SolveLever, target: TargetId) -> Result<Search<'a>, SolveError> {
        let spec = target.spec(base);
        let status = WindowStatus::of(spec.from, spec.to, base.horizon.max(1));
        if status != WindowStatus::Inside {
            return Err(SolveError::Window { target, status });
        }
        let (today, strongest) = match lever {
            SolveLever::One(id) => range_of(id, &base.levers[id]),
            SolveLever::All => (0.0, 100.0),
        };
        Ok(Search { base, lever, target, grid: Grid::new(today, strongest), evaluations: 0 })
    }

    /// The four levers' values (percent) at candidate `k`; at k = 0 every
    /// moved lever is at today's value.
    fn values_at(&self, k: usize) -> LeverValues {
        self.values_for(self.grid.level(k), k == 0)
    }

    /// The levers' values (percent) at `level`; with `today`, every moved
    /// lever is exactly at today's value.
    fn values_for(&self, level: f64, today: bool) -> LeverValues {
        let p = self.base;
        let way = |id: LeverId| {
            let (from, to) = range_of(id, &p.levers[id]);
            if today { percent(p.levers[id].today) } else { hundredths(from + (to - from) * level / 100.0) }
        };
        PerLever::from_fn(|id| match self.lever {
            SolveLever::All => way(id),
            SolveLever::One(moved) if moved == id => level,
            SolveLever::One(_) => percent(p.levers[id].target),
        })
    }

    /// The model parameters at candidate `k`: the moved levers' user values
    /// as [`crate::Scenario::model_params`] reads them from the values of
    /// [`Search::values_at`] (percent / 100); at k = 0 exactly today's values.
    /// Levers that do not move keep their parameters bit for bit.
    #[cfg(test)]
    fn params_at(&self, k: usize) -> ModelParams {
        self.params_for(self.grid.level(k), k == 0)
    }

    /// The model parameters at `level` (see [`Search::params_at`]).
    fn params_for(&self, level: f64, today: bool) -> ModelParams {
        let v = self.values_for(level, today);
        let mut p = self.base.clone();
        for id in LeverId::ALL {
            if self.lever == SolveLever::All || self.lever == SolveLever::One(id) {
                let lever = &mut p.levers[id];
                lever.target = if today { lever.today } else { v[id] / 100.0 };
            }
        }
        p
    }

    /// Narrows the bracket `lo`..`hi` (P(lo) < threshold <= P(hi)) to two
    /// neighbouring candidates by the Illinois variant of regula falsi on the
    /// grid: the next candidate interpolates P linearly between the ends, and
    /// when the same end is kept twice in a row the other end's distance to
    /// the confidence is halved. Three interpolation steps that together do
    /// not halve the bracket are followed by a bisection step, so at most
    /// 4 log2(steps) evaluations are needed whatever the shape of P; on
    /// measured curves it takes 2 to 9 (bisection alone: 9 to 10).
    fn narrow(&mut self, lo: (usize, LevelPoint), hi: (usize, LevelPoint), threshold: f64) -> Bracket {
        let (mut lo, mut hi) = (lo, hi);
        let (mut f_lo, mut f_hi) = (lo.1.probability - threshold, hi.1.probability - threshold);
        let mut kept = 0i8; // +1: hi moved last (lo kept); -1: lo moved last.
        let mut mark = (hi.0 - lo.0, 0u32); // (width, steps since it was set)
        while hi.0 - lo.0 > 1 {
            let width = hi.0 - lo.0;
            if 2 * width <= mark.0 {
                mark = (width, 0);
            }
            let k = if mark.1 >= INTERPOLATIONS || f_hi <= f_lo {
                mark = (width / 2 + 1, 0);
                lo.0 + width / 2
            } else {
                mark.1 += 1;
                let x = lo.0 as f64 + width as f64 * (-f_lo / (f_hi - f_lo));
                (x.round() as usize).clamp(lo.0 + 1, hi.0 - 1)
            };
            let point = self.evaluate(k);
            let f = point.1.probability - threshold;
            if f >= 0.0 {
                hi = point;
                f_hi = f;
                if kept == 1 {
                    f_lo /= 2.0;
                }
                kept = 1;
            } else {
                lo = point;
                f_lo = f;
                if kept == -1 {
                    f_hi /= 2.0;
                }
                kept = -1;
            }
        }
        (lo, hi)
    }

    /// P(target) at candidate `k`.
    fn evaluate(&mut self, k: usize) -> (usize, LevelPoint) {
        (k, self.point(self.grid.level(k), k == 0))
    }

    /// P(target) at `level` (see [`Search::params_for`]).
    fn point(&mut self, level: f64, today: bool) -> LevelPoint {
        self.evaluations += 1;
        let params = self.params_for(level, today);
        let count: TargetCount = count_runs(&params, self.target.spec(&params), params.runs);
        let Probability { p, std_error } = count.probability().unwrap_or(Probability { p: 0.0, std_error: 0.0 });
        LevelPoint { level, probability: p, std_error }
    }
}

/// The smallest level of `lever` (the least change from today's value) at
/// which P(`target`) reaches `confidence` (share, [`MIN_CONFIDENCE`] to
/// [`MAX_CONFIDENCE`]), with the scenario's seed and runs (`params.runs`).
/// Fails when the confidence is out of range or the target's window is not
/// inside the projection.
pub fn solve(
    params: &ModelParams,
    lever: SolveLever,
    target: TargetId,
    confidence: f64,
) -> Result<Solution, SolveError> {
    if !(MIN_CONFIDENCE - TOLERANCE..=MAX_CONFIDENCE + TOLERANCE).contains(&confidence) {
        return Err(SolveError::Confidence { value: confidence });
    }
    let mut search = Search::new(params, lever, target)?;
    // A share of runs is reached when it is at least the confidence; the
    // tolerance keeps 99.9 / 100 = 0.9990000000000001 reachable by 9,990 of 10,000 runs.
    let threshold = confidence - TOLERANCE;
    let last = search.grid.len - 1;

    let at_today = search.evaluate(0);
    let at_strongest = if last == 0 { at_today } else { search.evaluate(last) };
    let reaches = |(_, point): &(usize, LevelPoint)| point.probability >= threshold;
    let (answer, below) = if reaches(&at_today) {
        (Some(at_today), None)
    } else if !reaches(&at_strongest) {
        (None, None)
    } else {
        let (lo, hi) = search.narrow(at_today, at_strongest, threshold);
        (Some(hi), Some(lo.1))
    };
    Ok(Solution {
        lever,
        target,
        confidence: percent(confidence),
        level: answer.map(|(_, a)| a.level),
        probability: answer.map(|(_, a)| a.probability),
        std_error: answer.map(|(_, a)| a.std_error),
        levers: answer.map(|(k, _)| search.values_at(k)),
        below,
        today: at_today.1,
        strongest: at_strongest.1,
        step: STEP,
        runs: params.runs.max(1),
        evaluations: search.evaluations,
    })
}

/// P(`target`) with `lever` at `level` (URL unit, between today's and the
/// strongest value, both included), on the scenario's seed and runs: one point
/// of the curve that [`solve`] searches. Fails when the level lies outside that
/// range or the target's window is not inside the projection.
pub fn probability_at(
    params: &ModelParams,
    lever: SolveLever,
    target: TargetId,
    level: f64,
) -> Result<LevelPoint, SolveError> {
    let mut search = Search::new(params, lever, target)?;
    let (today, strongest) = (search.grid.today, search.grid.strongest);
    let (min, max) = (today.min(strongest), today.max(strongest));
    if !(min..=max).contains(&level) {
        return Err(SolveError::Level { value: level, min, max });
    }
    Ok(search.point(level, level == today))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grids_start_at_today_and_end_at_the_strongest() {
        let g = Grid::new(25.0, 100.0);
        assert_eq!(
            (g.len, g.level(0), g.level(1), g.level(2), g.level(749), g.level(750)),
            (751, 25.0, 25.1, 25.2, 99.9, 100.0)
        );
        let y = Grid::new(10.0, 0.0);
        assert_eq!((y.len, y.level(1), y.level(99), y.level(100)), (101, 9.9, 0.1, 0.0));
        let odd = Grid::new(2.72, 0.0);
        assert_eq!((odd.len, odd.level(0), odd.level(1), odd.level(27), odd.level(28)), (29, 2.72, 2.7, 0.1, 0.0));
        let up = Grid::new(0.05, 0.3);
        assert_eq!((up.len, up.level(1), up.level(2), up.level(3)), (4, 0.1, 0.2, 0.3));
        assert_eq!(Grid::new(50.0, 50.0).len, 1);
    }

    #[test]
    fn today_is_reported_without_rounding_noise() {
        let mut s = crate::Scenario::default();
        s.set_text("youth0", "7").unwrap();
        let p = s.model_params();
        let search = Search::new(&p, SolveLever::One(LeverId::Youth), TargetId::T1).unwrap();
        assert_eq!((search.grid.today, search.grid.level(1)), (7.0, 6.9), "0.07 * 100 is 7.000000000000001");
        assert_eq!(search.params_for(7.0, true), p, "today's value is the scenario's, bit for bit");
    }

    #[test]
    fn errors() {
        let p = crate::Scenario::default().model_params();
        let e = solve(&p, SolveLever::One(LeverId::Aid), TargetId::T1, 1.2).unwrap_err();
        assert_eq!(e.to_string(), "confidence=120: out of range, allowed 50 to 99.9 (percent)");
        assert!(solve(&p, SolveLever::One(LeverId::Aid), TargetId::T1, f64::NAN).is_err());
        let mut outside = p.clone();
        outside.targets[TargetId::T2].to = 90;
        let e = solve(&outside, SolveLever::One(LeverId::Aid), TargetId::T2, 0.8).unwrap_err();
        assert_eq!(e, SolveError::Window { target: TargetId::T2, status: WindowStatus::PartlyOutside });
        assert!(e.to_string().starts_with("t2: its window lies partly outside"));
    }

    #[test]
    fn all_moves_every_lever_together() {
        let p = crate::Scenario::default().model_params();
        let grid = Grid::new(0.0, 100.0);
        let s = Search { base: &p, lever: SolveLever::All, target: TargetId::T1, grid, evaluations: 0 };
        assert_eq!(s.values_at(0), PerLever([25.0, 0.0, 10.0, 0.0]));
        assert_eq!(s.values_at(1000), PerLever([100.0, 100.0, 0.0, 50.0]));
        assert_eq!(grid.level(373), 37.3);
        assert_eq!(s.values_at(373), PerLever([52.98, 37.3, 6.27, 18.65]));
        assert_eq!(s.params_at(0), p, "all levers at today's values: the scenario without levers");
        let strongest = s.params_at(1000);
        assert_eq!(strongest.levers.0.map(|l| l.target), [1.0, 1.0, 0.0, 0.5]);
    }
}
