//! What matters most for a target: a tornado chart and rank correlations.
//!
//! **Tornado.** For each uncertain assumption with a distribution (L, g,
//! epsilon, theta), P(target) with that parameter fixed at its 10th and at its
//! 90th percentile while the others keep their configured distributions, on
//! the scenario's seed and runs (common random numbers: fixing one parameter
//! leaves every other draw of every run as it was). The percentiles are those
//! of the configured distribution: normal for L (a negative value becomes 0,
//! as in the draws) and g (1 + g is raised to at least [`crate::model::MIN_GROWTH`]),
//! beta for epsilon and theta ([`crate::quantile`]); with an sd of 0 both ends
//! are the mean. Bars are sorted by swing |P(high) - P(low)|, largest first.
//!
//! **Rank correlation.** Over the runs of the scenario as configured, the
//! Spearman rank correlation (Pearson correlation of the ranks, ties given
//! their average rank) between each sampled quantity and the run's target
//! outcome, its mean count over the target's window: L, g, epsilon, theta and
//! the run's mean fluctuation factor over the window. A constant column (an
//! sd of 0, or a lever that leaves the parameter without effect on the
//! counts still varies it) has no rank correlation: null, never NaN.
//!
//! When the target's window does not lie inside the projection there are no
//! probabilities and no correlations (nulls), as in the projection.

pub use wlz_scenario::sensitivity::*;

use crate::model::{MIN_GROWTH, RunDraws};
use crate::model_params::{ModelParams, Uncertain};
use crate::params::Key;
use crate::quantile::Z90;
use crate::sampling::Beta;
use crate::stats::Probability;
use crate::target_runs::{count_runs, each_run};
use crate::targets::{TargetId, WindowStatus, meets};

/// An uncertain parameter of the tornado: its keys, where it lives in the
/// parameters, its URL scale (URL value = model value * scale) and its percentile.
struct Assumption {
    key: Key,
    sd_key: Key,
    scale: f64,
    field: fn(&mut ModelParams) -> &mut Uncertain,
    quantile: fn(Uncertain, f64) -> f64,
}

/// The `p`-quantile of L as used (normal, a negative value is 0).
fn level_quantile(u: Uncertain, p: f64) -> f64 {
    (u.mean + u.sd * z(p)).max(0.0)
}

/// The `p`-quantile of g as used (normal, 1 + g at least MIN_GROWTH).
fn trend_quantile(u: Uncertain, p: f64) -> f64 {
    (u.mean + u.sd * z(p)).max(MIN_GROWTH - 1.0)
}

/// The `p`-quantile of a beta parameter (the parameterisation of the draws).
fn beta_quantile(u: Uncertain, p: f64) -> f64 {
    Beta::from_mean_sd(u.mean, u.sd).quantile(p)
}

/// The standard normal quantile at [`LOW`] or [`HIGH`].
fn z(p: f64) -> f64 {
    if p < 0.5 { -Z90 } else { Z90 }
}

const ASSUMPTIONS: [Assumption; 4] = [
    Assumption { key: Key::Level, sd_key: Key::LevelSd, scale: 1.0, field: |p| &mut p.level, quantile: level_quantile },
    Assumption {
        key: Key::Trend,
        sd_key: Key::TrendSd,
        scale: 100.0,
        field: |p| &mut p.trend,
        quantile: trend_quantile,
    },
    Assumption { key: Key::Eps, sd_key: Key::EpsSd, scale: 100.0, field: |p| &mut p.eps, quantile: beta_quantile },
    Assumption {
        key: Key::Theta,
        sd_key: Key::ThetaSd,
        scale: 100.0,
        field: |p| &mut p.theta,
        quantile: beta_quantile,
    },
];

/// The tornado chart and rank correlations of `target` for `params`, with
/// `params.runs` runs per evaluation (nine evaluations of the target at most).
pub fn sensitivity(params: &ModelParams, target: TargetId) -> Sensitivity {
    let spec = target.spec(params);
    let months = (spec.to - spec.from + 1).max(1) as usize;
    let mut columns: [Vec<f64>; 5] = Default::default();
    let mut outcome = Vec::new();
    let mut met = 0u32;
    let (window, runs) = each_run(params, spec, params.runs, |run| {
        let RunDraws { level, monthly_growth, eps, theta, .. } = run.draws;
        for (column, value) in columns.iter_mut().zip([level, monthly_growth, eps, theta, run.fluct_sum]) {
            column.push(value);
        }
        outcome.push(run.window_sum as f64 / months as f64);
        met += u32::from(meets(run.window_sum, months, spec.threshold));
    });
    let status = window.status;
    let inside = status == WindowStatus::Inside;
    let base = inside.then(|| Probability::of_runs(met, runs));

    let mut tornado: Vec<TornadoBar> = ASSUMPTIONS
        .iter()
        .map(|a| {
            let mut fixed = params.clone();
            let configured = *(a.field)(&mut fixed);
            let (low_value, high_value) = ((a.quantile)(configured, LOW), (a.quantile)(configured, HIGH));
            let mut at = |value: f64| {
                if !inside {
                    return None;
                }
                if configured.sd == 0.0 {
                    return base;
                }
                *(a.field)(&mut fixed) = Uncertain { mean: value, sd: 0.0 };
                count_runs(&fixed, spec, runs).probability()
            };
            let (low, high) = (at(low_value), at(high_value));
            TornadoBar {
                key: a.key,
                sd_key: a.sd_key,
                low_value: low_value * a.scale,
                high_value: high_value * a.scale,
                low,
                high,
                swing: low.zip(high).map(|(l, h)| (h.p - l.p).abs()),
            }
        })
        .collect();
    tornado.sort_by(|a, b| b.swing.unwrap_or(0.0).total_cmp(&a.swing.unwrap_or(0.0)));

    let drivers = [Driver::Level, Driver::Trend, Driver::Eps, Driver::Theta, Driver::Fluctuation];
    let correlations = drivers
        .into_iter()
        .zip(&columns)
        .map(|(driver, column)| RankCorrelation { driver, rho: if inside { spearman(column, &outcome) } else { None } })
        .collect();

    Sensitivity {
        target,
        threshold: spec.threshold,
        window_from: params.start.plus(spec.from),
        window_to: params.start.plus(spec.to),
        status,
        runs,
        base,
        tornado,
        correlations,
    }
}

/// Ranks 1..=n of `values`, ties given their average rank.
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&i, &j| values[i].total_cmp(&values[j]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Positions start..end (0-based) share the mean of ranks start + 1 ..= end.
        let rank = (start + end + 1) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = rank;
        }
        start = end;
    }
    ranks
}

/// Spearman's rank correlation of `x` and `y` (same length; -1..1): the
/// Pearson correlation of their average ranks. None when either is constant,
/// shorter than 2, or the lengths differ.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 {
        return None;
    }
    let (rx, ry) = (average_ranks(x), average_ranks(y));
    let n = x.len() as f64;
    // Both rank vectors have mean (n + 1) / 2.
    let mean = (n + 1.0) / 2.0;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx.iter().zip(&ry) {
        let (da, db) = (a - mean, b - mean);
        sxy += da * db;
        sxx += da * da;
        syy += db * db;
    }
    if sxx == 0.0 || syy == 0.0 {
        return None;
    }
    Some((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_ranks_share_ties() {
        assert_eq!(average_ranks(&[10.0, 20.0, 10.0, 30.0, 10.0]), vec![2.0, 4.0, 2.0, 5.0, 2.0]);
        assert_eq!(average_ranks(&[]), Vec::<f64>::new());
    }

    #[test]
    fn spearman_known_values() {
        // Monotone but not linear: rho = 1; reversed: -1.
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(spearman(&x, &[1.0, 4.0, 9.0, 16.0, 100.0]), Some(1.0));
        assert_eq!(spearman(&x, &[5.0, 4.0, 3.0, 2.0, 1.0]), Some(-1.0));
        // Textbook example without ties: rho = 1 - 6 sum d^2 / (n (n^2 - 1)) = 1 - 6 * 4 / 120 = 0.8.
        let rho = spearman(&x, &[2.0, 1.0, 4.0, 3.0, 5.0]).unwrap();
        assert!((rho - 0.8).abs() < 1e-15, "{rho}");
        // With ties (R: cor(c(1,2,2,3), c(1,3,2,4), method = "spearman") = 0.9486833).
        let rho = spearman(&[1.0, 2.0, 2.0, 3.0], &[1.0, 3.0, 2.0, 4.0]).unwrap();
        assert!((rho - 0.948_683_298_050_513_8).abs() < 1e-12, "{rho}");
        assert_eq!(spearman(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
        assert_eq!(spearman(&[1.0], &[2.0]), None);
        assert_eq!(spearman(&[1.0, 2.0], &[2.0]), None);
    }
}
