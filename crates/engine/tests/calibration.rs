//! Model 2's calibration, validated as statisticians validate such methods:
//! simulation-based calibration (Talts et al. 2018) at fixed seeds.
//!
//! The stated scenario: key set 2's defaults with the hulpmiddel at 50 % from
//! January 2025 (so theta enters the observed months too). For each of
//! [`SERIES`] series, its "true" L, g, epsilon, theta and fluctuation are drawn
//! from the prior and 48 months of counts simulated from January 2024 (one run
//! of the model, seed 1000 + i). The first 36 months are the observations; the
//! calibration (with [`PARTICLES`] particles, another seed) gives the posterior
//! and the projection of the 12 held-out months.
//!
//! Checked, for the real calibration and for two wrong ones:
//! - ranks: the posterior CDF at the true L and at the true g is uniform
//!   (chi-square over 10 bins), overall and within each third of the series
//!   by what the data show (the ratio of the last 12 to the first 12 observed
//!   months): a correct posterior is calibrated given any feature of the data;
//! - coverage: the held-out counts fall in the 50 % and 90 % bands at their
//!   nominal rates, within 3.3 standard errors of the series' mean coverage
//!   (randomised PIT, so that the discreteness of counts does not inflate it),
//!   overall and within each third.
//!
//! Negative controls, which the same test must reject: the observations
//! ignored (the runs from the prior), and the posterior without its parameter
//! uncertainty (every run at the posterior mean of L and g). The figures of a
//! run are printed (`cargo test -p wlz-engine --test calibration -- --nocapture`)
//! and written in docs/model.md.

use wlz_engine::calibrate::calibrate;
use wlz_engine::codec::decode;
use wlz_engine::model::RunDraws;
use wlz_engine::model_params::ModelParams;
use wlz_engine::observed::ObservedSeries;
use wlz_engine::rng::RunRng;
use wlz_engine::sampling::Ziggurat;
use wlz_engine::simulate::{project_runs_with_counts, run_with_draws};

/// Series drawn from the prior.
const SERIES: usize = 300;
/// Particles (= runs) of each calibration.
const PARTICLES: u32 = 2000;
/// Observed and held-out months.
const OBSERVED: usize = 36;
const HELD_OUT: usize = 12;
/// The stated scenario (key set 2).
const STATED: &str = "v=2&aid=50&aid_from=2025-01&aid_ramp=6";

/// The chi-square critical values at level 0.001 for 9 and 4 degrees of freedom.
const CHI2_9: f64 = 27.877;
const CHI2_4: f64 = 18.467;
/// Two-sided normal critical value at level 0.001.
const Z: f64 = 3.29;

/// One series' outcome: the PITs of the true L and g, the held-out PITs, and the data feature.
struct Outcome {
    pit_level: f64,
    pit_growth: f64,
    held_out: Vec<f64>,
    trend_seen: f64,
}

/// Which posterior is checked.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Variant {
    /// The calibration as implemented.
    Real,
    /// Negative control: the observations ignored (`fit=0`: the runs from the prior).
    Ignored,
    /// Negative control: every run at the posterior mean of L and g (no parameter uncertainty).
    PlugIn,
}

fn series(i: usize) -> (RunDraws, Vec<u32>) {
    let seed = 1000 + i;
    let p = decode(&format!("{STATED}&seed={seed}&runs=1&start=2024-01&horizon=48")).scenario.model_params();
    run_with_draws(&p, 0)
}

/// The calibrating scenario of a series: the stated scenario with its first 36 months observed.
fn calibrating(counts: &[u32], extra: &str) -> ModelParams {
    let text: String = counts[..OBSERVED]
        .iter()
        .enumerate()
        .map(|(m, c)| format!("{}-{:02},{c}\n", 2024 + m / 12, m % 12 + 1))
        .collect();
    let mut s = decode(&format!("{STATED}&seed=7&runs={PARTICLES}&horizon={HELD_OUT}{extra}")).scenario;
    s.set_observed(Some(ObservedSeries::parse(&text).expect("a valid series")));
    let p = s.model_params();
    assert_eq!(p.start, wlz_engine::Month::new(2027, 1), "the projection starts after the data");
    p
}

/// Share of `draws` below `truth` (the posterior CDF at the truth).
fn pit(draws: impl Iterator<Item = f64>, truth: f64) -> f64 {
    let (mut below, mut n) = (0usize, 0usize);
    for d in draws {
        below += usize::from(d < truth);
        n += 1;
    }
    below as f64 / n.max(1) as f64
}

fn outcome(i: usize, variant: Variant) -> Outcome {
    let (truth, counts) = series(i);
    let params = match variant {
        Variant::Real => calibrating(&counts, ""),
        Variant::Ignored => calibrating(&counts, "&fit=0"),
        Variant::PlugIn => {
            let post = calibrate(&calibrating(&counts, ""), PARTICLES).expect("calibrated");
            let n = post.draws.len() as f64;
            let level = post.draws.iter().map(|d| d.level).sum::<f64>() / n;
            let g = post.draws.iter().map(|d| libm::pow(d.monthly_growth, 12.0) - 1.0).sum::<f64>() / n;
            calibrating(&counts, &format!("&level={level:.3}&level_sd=0&trend={:.4}&trend_sd=0", g * 100.0))
        }
    };
    // The runs' parameters: the posterior draws, or for fit=0 the prior draws of the same runs.
    let draws: Vec<RunDraws> = match calibrate(&params, PARTICLES) {
        Some(post) => post.draws,
        None => (0..u64::from(PARTICLES))
            .map(|r| {
                let mut fluct = RunRng::for_stream(params.seed, r, wlz_engine::rng::Stream::Fluctuation);
                RunDraws::sample(&params, r, &mut fluct, Ziggurat::get())
            })
            .collect(),
    };
    let (_, projected) = project_runs_with_counts(&params, PARTICLES);
    let n = PARTICLES as usize;
    let mut jitter = RunRng::for_run(99, i as u64);
    let held_out = (0..HELD_OUT)
        .map(|m| {
            let y = counts[OBSERVED + m];
            let column = &projected[m * n..(m + 1) * n];
            let below = column.iter().filter(|&&c| c < y).count() as f64;
            let equal = column.iter().filter(|&&c| c == y).count() as f64;
            (below + jitter.uniform() * equal) / n as f64
        })
        .collect();
    let mean = |range: std::ops::Range<usize>| counts[range].iter().map(|&c| f64::from(c)).sum::<f64>() / 12.0;
    Outcome {
        pit_level: pit(draws.iter().map(|d| d.level), truth.level),
        pit_growth: pit(draws.iter().map(|d| d.monthly_growth), truth.monthly_growth),
        held_out,
        trend_seen: (mean(24..36) + 0.5) / (mean(0..12) + 0.5),
    }
}

/// Chi-square statistic of `values` (0..1) against the uniform over `bins` bins.
fn chi2(values: &[f64], bins: usize) -> f64 {
    let mut counts = vec![0.0; bins];
    for &v in values {
        counts[((v * bins as f64) as usize).min(bins - 1)] += 1.0;
    }
    let expected = values.len() as f64 / bins as f64;
    counts.iter().map(|c| (c - expected) * (c - expected) / expected).sum()
}

/// (mean coverage, z) of the bands [`lo`, `hi`] of the held-out PITs, series by series.
fn coverage(outcomes: &[&Outcome], lo: f64, hi: f64) -> (f64, f64) {
    let per_series: Vec<f64> = outcomes
        .iter()
        .map(|o| o.held_out.iter().filter(|&&u| (lo..=hi).contains(&u)).count() as f64 / HELD_OUT as f64)
        .collect();
    let n = per_series.len() as f64;
    let mean = per_series.iter().sum::<f64>() / n;
    let var = per_series.iter().map(|c| (c - mean) * (c - mean)).sum::<f64>() / (n - 1.0);
    let nominal = hi - lo;
    (mean, (mean - nominal) / (var / n).sqrt().max(1e-12))
}

/// Every check, with its figure; returns the failures.
fn checks(variant: Variant) -> Vec<String> {
    let outcomes: Vec<Outcome> = (0..SERIES).map(|i| outcome(i, variant)).collect();
    let mut order: Vec<usize> = (0..SERIES).collect();
    order.sort_by(|&a, &b| outcomes[a].trend_seen.total_cmp(&outcomes[b].trend_seen));
    let thirds: Vec<Vec<&Outcome>> =
        (0..3).map(|k| order[k * SERIES / 3..(k + 1) * SERIES / 3].iter().map(|&i| &outcomes[i]).collect()).collect();
    let all: Vec<&Outcome> = outcomes.iter().collect();
    let mut failures = Vec::new();
    let mut report = |name: String, value: f64, ok: bool| {
        println!("{variant:?}: {name} = {value:.3}{}", if ok { "" } else { "  <- REJECTED" });
        if !ok {
            failures.push(name);
        }
    };
    for (what, pick) in [("L", (|o: &Outcome| o.pit_level) as fn(&Outcome) -> f64), ("g", |o: &Outcome| o.pit_growth)] {
        let values: Vec<f64> = all.iter().map(|o| pick(o)).collect();
        let c = chi2(&values, 10);
        report(format!("rank chi2 of {what}, all series (df 9, critical {CHI2_9})"), c, c < CHI2_9);
        for (k, third) in thirds.iter().enumerate() {
            let values: Vec<f64> = third.iter().map(|o| pick(o)).collect();
            let c = chi2(&values, 5);
            report(
                format!("rank chi2 of {what}, third {} by observed trend (df 4, critical {CHI2_4})", k + 1),
                c,
                c < CHI2_4,
            );
        }
    }
    for (band, lo, hi) in [("50 %", 0.25, 0.75), ("90 %", 0.05, 0.95)] {
        let (mean, z) = coverage(&all, lo, hi);
        report(format!("held-out coverage of the {band} band, all series: {mean:.3}; z"), z, z.abs() < Z);
        for (k, third) in thirds.iter().enumerate() {
            let (mean, z) = coverage(third, lo, hi);
            report(format!("held-out coverage of the {band} band, third {}: {mean:.3}; z", k + 1), z, z.abs() < Z);
        }
    }
    failures
}

#[test]
fn the_posterior_is_calibrated() {
    let failures = checks(Variant::Real);
    assert!(failures.is_empty(), "simulation-based calibration rejected: {failures:#?}");
}

#[test]
fn ignoring_the_observations_is_rejected() {
    let failures = checks(Variant::Ignored);
    assert!(!failures.is_empty(), "the test must reject runs that ignore the observations");
}

#[test]
fn dropping_the_parameter_uncertainty_is_rejected() {
    let failures = checks(Variant::PlugIn);
    assert!(!failures.is_empty(), "the test must reject a posterior without parameter uncertainty");
}
