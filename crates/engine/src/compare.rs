//! Two scenarios on common random numbers: A (pinned) against B (changed levers).
//!
//! Both are projected with the same per-run random streams, so A and B must
//! share the seed, the start month and the horizon. Each random quantity of a
//! run has its own sub-stream ([`crate::rng::RunRng::for_stream`]): L, g,
//! epsilon, theta, the fluctuation and the Poisson counts. So A and B draw
//! exactly the same values for every quantity whose distribution they share:
//! when they differ in levers, every parameter draw and every monthly
//! fluctuation is the same, and only the Poisson counts differ, through their
//! means (the counts read the same uniforms until a draw with a different
//! mean takes a different number of them).
//!
//! The differences are paired, per run: B - A. Percentiles are type 7 (see
//! [`crate::stats`]); probabilities are shares of runs with their Monte Carlo
//! standard error.

pub use wlz_scenario::compare::*;

use crate::model_params::ModelParams;
use crate::simulate::project_runs_with_counts;
pub use crate::stats::Probability;
use crate::stats::{Summary, quantile_sorted};
use crate::targets::{TargetId, Window, WindowStatus};

/// The percentiles of the monthly differences: 5, 25, 50, 75, 95 %.
const DIFF_PROBS: [f64; 5] = [0.05, 0.25, 0.50, 0.75, 0.95];

/// Largest value range (max - min + 1) counted with a histogram; wider ranges are sorted.
const HISTOGRAM_LIMIT: i64 = 1 << 20;

/// Compares `a` and `b` over their first `runs` runs (at least 1) on common
/// random numbers; `params.runs` is not read. Fails when the seed, the start
/// month or the horizon differ (checked in that order).
pub fn compare(a: &ModelParams, b: &ModelParams, runs: u32) -> Result<Comparison, CompareError> {
    if a.seed != b.seed {
        return Err(CompareError::Seed(a.seed, b.seed));
    }
    if a.start != b.start {
        return Err(CompareError::Start(a.start, b.start));
    }
    if a.horizon != b.horizon {
        return Err(CompareError::Horizon(a.horizon, b.horizon));
    }
    let (proj_a, counts_a) = project_runs_with_counts(a, runs);
    let (proj_b, counts_b) = project_runs_with_counts(b, runs);
    let n = proj_a.runs as usize;
    let h = counts_a.len() / n;
    let nf = n as f64;

    // Per run: cumulative B - A, and whether each target is met in A and B.
    let mut cumulative = vec![0i64; n];
    let mut diffs = vec![0i64; n];
    let mut diff = Vec::with_capacity(h);
    let mut b_lower_monthly = Vec::with_capacity(h);
    for m in 0..h {
        let (col_a, col_b) = (&counts_a[m * n..(m + 1) * n], &counts_b[m * n..(m + 1) * n]);
        let mut sum = 0i64;
        let mut lower = 0u32;
        for (r, (&ca, &cb)) in col_a.iter().zip(col_b).enumerate() {
            let d = i64::from(cb) - i64::from(ca);
            diffs[r] = d;
            sum += d;
            lower += u32::from(d < 0);
            cumulative[r] += d;
        }
        let q = int_quantiles(&mut diffs, &DIFF_PROBS);
        diff.push(DiffMonth {
            month: a.start.plus(m as i32),
            mean: sum as f64 / nf,
            p5: q[0],
            p25: q[1],
            p50: q[2],
            p75: q[3],
            p95: q[4],
        });
        b_lower_monthly.push(f64::from(lower) / nf);
    }

    let b_lower = Probability::of_runs(cumulative.iter().filter(|&&d| d < 0).count() as u32, n as u32);
    let mut cumulative_f: Vec<f64> = cumulative.iter().map(|&d| d as f64).collect();
    let cumulative_diff = Summary::of(&mut cumulative_f);

    let targets = TargetId::ALL
        .into_iter()
        .enumerate()
        .map(|(i, id)| {
            let (spec_a, spec_b) = (a.targets[id], b.targets[id]);
            let (pa, pb) = (proj_a.targets[i].probability, proj_b.targets[i].probability);
            let (diff, diff_std_error) = match (pa, pb) {
                (Some(pa), Some(pb)) => {
                    let met_a = met(&Window::new(spec_a, h as u32, a), &counts_a, n);
                    let met_b = met(&Window::new(spec_b, h as u32, b), &counts_b, n);
                    let (mut up, mut down) = (0u32, 0u32);
                    for (&ma, &mb) in met_a.iter().zip(&met_b) {
                        up += u32::from(mb && !ma);
                        down += u32::from(ma && !mb);
                    }
                    let mean = (f64::from(up) - f64::from(down)) / nf;
                    let var = ((f64::from(up) + f64::from(down)) / nf - mean * mean).max(0.0);
                    (Some(pb - pa), Some((var / nf).sqrt()))
                }
                _ => (None, None),
            };
            TargetDiff { id, a: pa, b: pb, diff, diff_std_error }
        })
        .collect();

    Ok(Comparison { a: proj_a, b: proj_b, paired: Paired { diff, b_lower, b_lower_monthly, targets, cumulative_diff } })
}

/// Per run, whether it meets the target of `window` (the rule of
/// [`crate::targets::TargetTally`]): observed months with their observed
/// values, the run's counts (`counts`, month-major over `n` runs) for the
/// others; all false unless the window needs the runs (status inside).
fn met(window: &Window, counts: &[u32], n: usize) -> Vec<bool> {
    if window.status != WindowStatus::Inside {
        return vec![false; n];
    }
    (0..n).map(|r| window.meets(window.sum(|m| counts[m * n + r]))).collect()
}

/// Type-7 quantiles at `probs` (increasing) of non-empty whole numbers
/// `values`: by a histogram over min..=max, or by sorting `values` in place
/// when that range is very wide. Same formula as [`crate::stats`].
fn int_quantiles<const P: usize>(values: &mut [i64], probs: &[f64; P]) -> [f64; P] {
    let (Some(&min), Some(&max)) = (values.iter().min(), values.iter().max()) else {
        return [0.0; P];
    };
    if max - min >= HISTOGRAM_LIMIT {
        values.sort_unstable();
        let sorted: Vec<f64> = values.iter().map(|&v| v as f64).collect();
        return probs.map(|p| quantile_sorted(&sorted, p));
    }
    let mut histogram = vec![0u32; (max - min) as usize + 1];
    for &v in values.iter() {
        histogram[(v - min) as usize] += 1;
    }
    crate::stats::histogram_quantiles(min, &histogram, probs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model_params::TargetSpec;

    #[test]
    fn int_quantiles_match_sorting() {
        let mut values: Vec<i64> = (0..1001i64).map(|i| (i * 7919) % 313 - 150).collect();
        let mut sorted: Vec<f64> = values.iter().map(|&v| v as f64).collect();
        sorted.sort_unstable_by(f64::total_cmp);
        let q = int_quantiles(&mut values, &DIFF_PROBS);
        for (k, p) in DIFF_PROBS.iter().enumerate() {
            assert_eq!(q[k], quantile_sorted(&sorted, *p), "p = {p}");
        }
        let mut wide = vec![-(1i64 << 40), 0, 3, 1 << 40];
        assert_eq!(int_quantiles(&mut wide, &[0.5]), [1.5]);
        assert_eq!(int_quantiles(&mut [-4], &DIFF_PROBS), [-4.0; 5]);
    }

    #[test]
    fn met_follows_the_target_rule() {
        let mut p = crate::Scenario::default().model_params();
        p.targets[TargetId::T2] = TargetSpec { threshold: 255.0, from: 10, to: 20 };
        let (proj, counts) = project_runs_with_counts(&p, 300);
        for (t, spec) in proj.targets.iter().zip(p.targets.0) {
            let share = met(&Window::new(spec, 84, &p), &counts, 300).iter().filter(|&&m| m).count() as f64 / 300.0;
            assert_eq!(t.probability, Some(share), "{:?}", t.id);
        }
    }

    #[test]
    fn errors_are_one_english_line() {
        use wlz_scenario::Month;
        let e = CompareError::Start(Month::new(2024, 1), Month::new(2025, 1));
        assert_eq!(e.to_string(), "A and B must have the same start month (2024-01 vs 2025-01)");
        assert_eq!(CompareError::Seed(1, 2).to_string(), "A and B must have the same seed (1 vs 2)");
        assert_eq!(CompareError::Horizon(84, 12).to_string(), "A and B must have the same horizon (84 vs 12 months)");
    }
}
