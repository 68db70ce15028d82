//! Sampler accuracy: moments against their analytic values, and chi-square
//! goodness of fit of the Poisson sampler against the exact pmf.

use wlz_engine::rng::RunRng;
use wlz_engine::sampling::{Beta, Ziggurat, gamma, poisson, standard_normal};

const N: usize = 200_000;

/// Sample mean, variance (n - 1), skewness and kurtosis.
fn moments(xs: &[f64]) -> (f64, f64, f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let (mut m2, mut m3, mut m4) = (0.0, 0.0, 0.0);
    for &x in xs {
        let d = x - mean;
        m2 += d * d;
        m3 += d * d * d;
        m4 += d * d * d * d;
    }
    let var = m2 / (n - 1.0);
    let (m2, m3, m4) = (m2 / n, m3 / n, m4 / n);
    (mean, var, m3 / m2.powf(1.5), m4 / (m2 * m2))
}

/// Checks |observed - expected| <= z * se.
fn close(what: &str, observed: f64, expected: f64, se: f64) {
    assert!((observed - expected).abs() <= 5.0 * se, "{what}: {observed} vs {expected} (se {se})");
}

#[test]
fn normal_moments() {
    let mut rng = RunRng::for_run(11, 0);
    let xs: Vec<f64> = (0..N).map(|_| standard_normal(&mut rng)).collect();
    let (mean, var, skew, kurt) = moments(&xs);
    let n = N as f64;
    close("normal mean", mean, 0.0, (1.0 / n).sqrt());
    close("normal variance", var, 1.0, (2.0 / n).sqrt());
    close("normal skewness", skew, 0.0, (6.0 / n).sqrt());
    close("normal kurtosis", kurt, 3.0, (24.0 / n).sqrt());
    // Tail beyond 2.5 sd (hits the wedges and, beyond 3.65, the tail algorithm): P = 0.012419.
    let tail = xs.iter().filter(|x| x.abs() > 2.5).count() as f64 / n;
    close("normal P(|x| > 2.5)", tail, 0.012_419_330_651_552_3, (0.0124 / n).sqrt());
    let far = xs.iter().filter(|x| x.abs() > 3.7).count() as f64 / n;
    close("normal P(|x| > 3.7)", far, 2.156_e-4, (2.2e-4 / n).sqrt());
}

#[test]
fn normal_matches_cdf_in_bins() {
    // Chi-square over 40 equiprobable bins via the normal cdf from libm's erf.
    let mut rng = RunRng::for_run(12, 0);
    let bins = 40;
    let mut counts = vec![0u32; bins];
    for _ in 0..N {
        let x = standard_normal(&mut rng);
        let u = 0.5 * (1.0 + libm::erf(x / std::f64::consts::SQRT_2));
        counts[((u * bins as f64) as usize).min(bins - 1)] += 1;
    }
    let expected = N as f64 / bins as f64;
    let chi2: f64 = counts.iter().map(|&c| (f64::from(c) - expected).powi(2) / expected).sum();
    // df = 39; P(chi2 > 80) < 1e-4.
    assert!(chi2 < 80.0, "chi2 = {chi2}");
}

#[test]
fn gamma_moments() {
    let zig = Ziggurat::get();
    for shape in [0.05f64, 0.3, 1.0, 2.5, 30.0] {
        let mut rng = RunRng::for_run(13, shape.to_bits());
        let xs: Vec<f64> = (0..N).map(|_| gamma(&mut rng, zig, shape)).collect();
        assert!(xs.iter().all(|x| x.is_finite() && *x >= 0.0));
        let (mean, var, skew, _) = moments(&xs);
        let n = N as f64;
        close(&format!("gamma({shape}) mean"), mean, shape, (shape / n).sqrt());
        // var of the sample variance = (mu4 - sigma^4)/n with mu4 = 3a^2 + 6a.
        close(&format!("gamma({shape}) variance"), var, shape, ((2.0 * shape * shape + 6.0 * shape) / n).sqrt());
        if shape >= 1.0 {
            close(&format!("gamma({shape}) skewness"), skew, 2.0 / shape.sqrt(), 0.05);
        }
    }
}

#[test]
fn beta_moments_from_mean_and_sd() {
    let zig = Ziggurat::get();
    for (m, sd) in [(0.5, 0.2), (0.15, 0.07), (0.9, 0.05), (0.02, 0.1), (0.5, 0.49)] {
        let beta = Beta::from_mean_sd(m, sd);
        assert!(matches!(beta, Beta::Shapes(..)), "{beta:?}");
        let mut rng = RunRng::for_run(14, m.to_bits() ^ sd.to_bits());
        let xs: Vec<f64> = (0..N).map(|_| beta.sample(&mut rng, zig)).collect();
        assert!(xs.iter().all(|x| (0.0..=1.0).contains(x)), "beta({m}, {sd}) out of 0..1");
        let (mean, var, _, _) = moments(&xs);
        let n = N as f64;
        close(&format!("beta({m}, {sd}) mean"), mean, m, sd / n.sqrt());
        // Loose bound for the variance: 5 % relative.
        assert!((var - sd * sd).abs() <= 0.05 * sd * sd, "beta({m}, {sd}) var {var}");
    }
}

#[test]
fn beta_edge_cases_never_nan() {
    let zig = Ziggurat::get();
    let mut rng = RunRng::for_run(15, 0);
    assert_eq!(Beta::from_mean_sd(0.3, 0.0), Beta::Fixed(0.3));
    assert_eq!(Beta::from_mean_sd(0.0, 0.1), Beta::Fixed(0.0));
    assert_eq!(Beta::from_mean_sd(1.0, 0.1), Beta::Fixed(1.0));
    assert_eq!(Beta::from_mean_sd(0.5, 0.5), Beta::Bernoulli(0.5));
    // Shapes around 1e-7: gammas underflow in linear space.
    let tiny = Beta::from_mean_sd(0.5, 0.499_999_9);
    let mut ones = 0;
    for _ in 0..20_000 {
        let x = tiny.sample(&mut rng, zig);
        assert!((0.0..=1.0).contains(&x), "{x}");
        ones += u32::from(x > 0.5);
    }
    let share = f64::from(ones) / 20_000.0;
    assert!((share - 0.5).abs() < 0.03, "{share}");
}

/// Exact Poisson pmf by recurrence in log space.
fn pmf(lam: f64, k: u32) -> f64 {
    libm::exp(-lam + f64::from(k) * libm::log(lam) - libm::lgamma(f64::from(k) + 1.0))
}

#[test]
fn poisson_moments() {
    for lam in [0.5f64, 3.0, 9.9, 10.0, 37.0, 250.0, 1000.0] {
        let mut rng = RunRng::for_run(16, lam.to_bits());
        let xs: Vec<f64> = (0..N).map(|_| f64::from(poisson(&mut rng, lam))).collect();
        let (mean, var, skew, _) = moments(&xs);
        let n = N as f64;
        close(&format!("poisson({lam}) mean"), mean, lam, (lam / n).sqrt());
        close(&format!("poisson({lam}) variance"), var, lam, ((lam + 2.0 * lam * lam) / n).sqrt());
        close(&format!("poisson({lam}) skewness"), skew, 1.0 / lam.sqrt(), (6.0 / n).sqrt() * 1.5);
    }
    let mut rng = RunRng::for_run(16, 0);
    assert_eq!(poisson(&mut rng, 0.0), 0);
    assert_eq!(poisson(&mut rng, -3.0), 0);
    assert_eq!(poisson(&mut rng, f64::NAN), 0);
}

#[test]
fn poisson_chi_square_against_exact_pmf() {
    for lam in [3.0f64, 9.9, 10.0, 37.0, 250.0] {
        let mut rng = RunRng::for_run(17, lam.to_bits());
        let hi = (lam + 8.0 * lam.sqrt() + 10.0) as usize;
        let mut counts = vec![0u32; hi + 1];
        for _ in 0..N {
            let k = (poisson(&mut rng, lam) as usize).min(hi);
            counts[k] += 1;
        }
        // Pool bins so that each expects at least 20 draws.
        let n = N as f64;
        let (mut chi2, mut df) = (0.0, 0usize);
        let (mut obs, mut exp) = (0.0, 0.0);
        let mut tail_prob = 1.0;
        for (k, &c) in counts.iter().enumerate().take(hi) {
            let p = pmf(lam, k as u32);
            tail_prob -= p;
            obs += f64::from(c);
            exp += p * n;
            if exp >= 20.0 && tail_prob * n >= 20.0 {
                chi2 += (obs - exp).powi(2) / exp;
                df += 1;
                obs = 0.0;
                exp = 0.0;
            }
        }
        obs += f64::from(counts[hi]);
        exp += tail_prob.max(0.0) * n;
        chi2 += (obs - exp).powi(2) / exp;
        // df - 1 degrees of freedom; bound = df + 5 sqrt(2 df) is far in the tail.
        let bound = df as f64 + 5.0 * (2.0 * df as f64).sqrt();
        assert!(chi2 < bound, "lam {lam}: chi2 {chi2} over {df} bins");
    }
}
