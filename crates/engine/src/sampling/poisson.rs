//! Poisson draws.
//!
//! - mean <= 0 (or NaN): 0;
//! - 0 < mean < 10: inversion by sequential search from P(0) = exp(-mean)
//!   (one `exp` and about mean + 1 multiplications per draw);
//! - mean >= 10: PTRS, the transformed rejection with squeeze of Hörmann
//!   (1993, "The transformed rejection method for generating Poisson random
//!   variables"). Set-up is one `sqrt` and two divisions; the fast acceptance
//!   `us >= 0.07 && v <= v_r` (about 88 % of candidates at mean 250) needs no
//!   logarithm. ln(mean) and ln(k!) are computed only in the slow path:
//!   ln(k!) from a table for k < 10 and from the Stirling series through the
//!   k^-7 term above (absolute error below 1e-12); for counts below 4096 the
//!   slow path looks up those same values, computed once.

use crate::rng::RunRng;

/// Means from this value on use PTRS.
pub const PTRS_FROM: f64 = 10.0;

/// ln(k!) for k = 0..9.
const LN_FACTORIAL: [f64; 10] = [
    0.0,
    0.0,
    std::f64::consts::LN_2,
    1.791_759_469_228_055,
    3.178_053_830_347_945_6,
    4.787_491_742_782_046,
    6.579_251_212_010_101,
    8.525_161_361_065_415,
    10.604_602_902_745_25,
    12.801_827_480_081_469,
];

/// ln(k!) for a whole number `k` >= 0.
pub fn ln_factorial(k: f64) -> f64 {
    if k < 10.0 {
        return LN_FACTORIAL[k as usize];
    }
    let inv = 1.0 / k;
    let inv2 = inv * inv;
    let series = inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 * (1.0 / 1260.0 - inv2 / 1680.0)));
    (k + 0.5) * libm::log(k) - k + 0.918_938_533_204_672_8 + series
}

/// Counts below this have their ln(k!) in [`ln_factorial_table`].
const TABLED: usize = 4096;

/// ln(k!) for k = 0..[`TABLED`], each computed once by [`ln_factorial`] (so the
/// same bits as calling it): PTRS's slow path looks it up instead of taking a logarithm.
fn ln_factorial_table() -> &'static [f64] {
    static TABLE: std::sync::OnceLock<Vec<f64>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| (0..TABLED).map(|k| ln_factorial(k as f64)).collect())
}

/// ln(k!) for a whole number `k` >= 0, from the table when it is there.
#[inline]
fn ln_factorial_of_count(k: f64) -> f64 {
    ln_factorial_table().get(k as usize).copied().unwrap_or_else(|| ln_factorial(k))
}

/// A Poisson draw with mean `mean` (the count, clients); saturates at `u32::MAX`.
#[inline]
pub fn poisson(rng: &mut RunRng, mean: f64) -> u32 {
    if mean >= PTRS_FROM {
        ptrs(rng, mean) as u32
    } else if mean > 0.0 {
        inversion(rng, mean) as u32
    } else {
        0
    }
}

/// Sequential-search inversion for 0 < `mean` < 10.
fn inversion(rng: &mut RunRng, mean: f64) -> f64 {
    let u = rng.uniform();
    let mut p = libm::exp(-mean);
    let mut cdf = p;
    let mut k = 0.0;
    while u > cdf {
        k += 1.0;
        p *= mean / k;
        if p == 0.0 {
            break;
        }
        cdf += p;
    }
    k
}

/// Hörmann's PTRS for `mean` >= 10.
fn ptrs(rng: &mut RunRng, mean: f64) -> f64 {
    let slam = mean.sqrt();
    let b = 0.931 + 2.53 * slam;
    let a = -0.059 + 0.02483 * b;
    let v_r = 0.9277 - 3.6224 / (b - 2.0);
    // Slow-path constants, computed on first need: 1/alpha and ln(mean).
    let mut inv_alpha = f64::NAN;
    let mut ln_mean = f64::NAN;
    loop {
        let u = rng.uniform() - 0.5;
        let v = rng.open01();
        let us = 0.5 - u.abs();
        let t = (2.0 * a / us + b) * u + mean + 0.43;
        // k = floor(t); candidates below 0 are rejected. Truncation by `as`
        // equals floor for t >= 0 and needs no call to a floor routine.
        if t.is_nan() || t < 0.0 {
            continue;
        }
        let k = t as u64 as f64;
        if us >= 0.07 && v <= v_r {
            return k;
        }
        if us < 0.013 && v > us {
            continue;
        }
        if ln_mean.is_nan() {
            inv_alpha = 1.1239 + 1.1328 / (b - 3.4);
            ln_mean = libm::log(mean);
        }
        let lhs = libm::log(v * inv_alpha / (a / (us * us) + b));
        if lhs <= -mean + k * ln_mean - ln_factorial_of_count(k) {
            return k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_the_functions_bits() {
        let table = ln_factorial_table();
        assert_eq!(table.len(), TABLED);
        for k in (0..TABLED + 50).map(|k| k as f64) {
            assert_eq!(ln_factorial_of_count(k).to_bits(), ln_factorial(k).to_bits(), "k = {k}");
        }
        // The check can fail: lgamma's ln(k!) is not the same bits everywhere.
        assert!((10..TABLED).any(|k| libm::lgamma(k as f64 + 1.0).to_bits() != table[k].to_bits()));
    }

    #[test]
    fn ln_factorial_matches_lgamma() {
        for k in 0..200 {
            let k = f64::from(k);
            let exact = libm::lgamma(k + 1.0);
            assert!((ln_factorial(k) - exact).abs() < 1e-11 * exact.max(1.0), "k = {k}");
        }
    }
}
