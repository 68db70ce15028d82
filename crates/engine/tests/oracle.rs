//! The samplers against an independent oracle: `statrs`'s Normal, Beta and
//! Poisson distributions (a dev-dependency only; the engine keeps `libm` for
//! bit-identical results). Kolmogorov-Smirnov for the continuous samplers,
//! chi-square for the Poisson counts, at fixed seeds; each test has a negative
//! control that the same statistic rejects, so the tests can fail.

use statrs::distribution::{Beta as BetaDist, ContinuousCDF, Discrete, Normal, Poisson};
use wlz_engine::rng::RunRng;
use wlz_engine::sampling::{Beta, Ziggurat, poisson, standard_normal};

const N: usize = 100_000;

/// The Kolmogorov-Smirnov statistic of `xs` against `cdf`: sup |F_n(x) - F(x)|.
fn ks(mut xs: Vec<f64>, cdf: impl Fn(f64) -> f64) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len() as f64;
    xs.iter()
        .enumerate()
        .map(|(i, &x)| {
            let f = cdf(x);
            (f - i as f64 / n).abs().max(((i + 1) as f64 / n - f).abs())
        })
        .fold(0.0, f64::max)
}

/// The KS critical value at level `alpha` for `n` draws (asymptotic):
/// sqrt(-ln(alpha / 2) / 2) / sqrt(n).
fn ks_critical(n: usize, alpha: f64) -> f64 {
    (-(alpha / 2.0).ln() / 2.0).sqrt() / (n as f64).sqrt()
}

/// One test at level 1e-4 against the sampler's distribution, and the
/// negative control against a slightly wrong one, which must be rejected.
fn ks_pair(what: &str, xs: Vec<f64>, right: impl Fn(f64) -> f64, wrong: impl Fn(f64) -> f64) {
    let critical = ks_critical(xs.len(), 1e-4);
    let d = ks(xs.clone(), right);
    assert!(d < critical, "{what}: D = {d} >= {critical}");
    let d_wrong = ks(xs, wrong);
    assert!(d_wrong > critical, "negative control for {what}: D = {d_wrong} not above {critical}");
}

#[test]
fn ziggurat_and_polar_normals_match_statrs() {
    let zig = Ziggurat::get();
    let standard = Normal::new(0.0, 1.0).unwrap();
    let shifted = Normal::new(0.05, 1.0).unwrap();
    let mut rng = RunRng::for_run(21, 0);
    let xs: Vec<f64> = (0..N).map(|_| zig.sample(&mut rng)).collect();
    ks_pair("ziggurat normal", xs, |x| standard.cdf(x), |x| shifted.cdf(x));
    let mut rng = RunRng::for_run(22, 0);
    let xs: Vec<f64> = (0..N).map(|_| standard_normal(&mut rng)).collect();
    let wide = Normal::new(0.0, 1.03).unwrap();
    ks_pair("polar normal", xs, |x| standard.cdf(x), |x| wide.cdf(x));
}

#[test]
fn beta_matches_statrs_for_the_model_s_shapes() {
    let zig = Ziggurat::get();
    // epsilon and theta at their defaults, and shapes below 1 (a wide spread).
    for (i, (mean, sd)) in [(0.5, 0.2), (0.15, 0.07), (0.3, 0.4), (0.9, 0.05)].into_iter().enumerate() {
        let Beta::Shapes(a, b) = Beta::from_mean_sd(mean, sd) else { panic!("{mean} {sd}: not a proper beta") };
        let right = BetaDist::new(a, b).unwrap();
        let wrong = BetaDist::new(a * 1.05, b).unwrap();
        let mut rng = RunRng::for_run(23, i as u64);
        let sampler = Beta::from_mean_sd(mean, sd);
        let xs: Vec<f64> = (0..N).map(|_| sampler.sample(&mut rng, zig)).collect();
        ks_pair(&format!("beta({a:.3}, {b:.3})"), xs, |x| right.cdf(x), |x| wrong.cdf(x));
    }
}

/// Chi-square of Poisson(`mean`) counts against `pmf` over bins with an
/// expected count of at least 50 (the tails pooled); returns (chi2, df).
fn poisson_chi2(counts: &[u32], pmf: impl Fn(u64) -> f64) -> (f64, usize) {
    let n = counts.len() as f64;
    let max = *counts.iter().max().unwrap_or(&0) as usize;
    let mut observed = vec![0.0; max + 2];
    for &c in counts {
        observed[c as usize] += 1.0;
    }
    // Bins [edge_j, edge_j+1) chosen so that each holds at least 50 expected draws.
    let (mut chi2, mut bins) = (0.0, 0usize);
    let (mut o, mut e) = (0.0, 0.0);
    let mut total_e = 0.0;
    for (k, &obs) in observed.iter().enumerate().take(max + 1) {
        let p = pmf(k as u64);
        o += obs;
        e += p * n;
        total_e += p * n;
        if e >= 50.0 && (n - total_e) >= 50.0 {
            chi2 += (o - e) * (o - e) / e;
            bins += 1;
            (o, e) = (0.0, 0.0);
        }
    }
    // The upper tail: everything not yet binned.
    let (o_tail, e_tail) = (o, n - (total_e - e));
    chi2 += (o_tail - e_tail) * (o_tail - e_tail) / e_tail;
    (chi2, bins)
}

/// The chi-square quantile at 1 - 1e-4 for `df` degrees of freedom
/// (Wilson-Hilferty; accurate to a fraction of a percent for df >= 5).
fn chi2_critical(df: usize) -> f64 {
    let k = df as f64;
    let z = 3.719; // the standard normal 1 - 1e-4 quantile
    k * (1.0 - 2.0 / (9.0 * k) + z * (2.0 / (9.0 * k)).sqrt()).powi(3)
}

#[test]
fn poisson_counts_match_statrs() {
    for (i, mean) in [3.0f64, 27.5, 240.0, 1_250.0].into_iter().enumerate() {
        let mut rng = RunRng::for_run(24, i as u64);
        let counts: Vec<u32> = (0..N).map(|_| poisson(&mut rng, mean)).collect();
        let right = Poisson::new(mean).unwrap();
        let (chi2, df) = poisson_chi2(&counts, |k| right.pmf(k));
        assert!(df >= 5, "mean {mean}: {df} bins");
        assert!(chi2 < chi2_critical(df), "mean {mean}: chi2 = {chi2} on {df} df");
        // Negative control: the same counts against a mean 2 % higher.
        let wrong = Poisson::new(mean * 1.02).unwrap();
        let (chi2_wrong, df_wrong) = poisson_chi2(&counts, |k| wrong.pmf(k));
        assert!(chi2_wrong > chi2_critical(df_wrong), "negative control, mean {mean}: chi2 = {chi2_wrong}");
    }
}
