//! Gamma and beta draws.
//!
//! Gamma(shape a >= 1) by Marsaglia and Tsang (2000): d = a - 1/3,
//! c = 1/sqrt(9d), candidate d (1 + c x)^3 with x standard normal; the squeeze
//! u < 1 - 0.0331 x^4 accepts most candidates without a logarithm. For a < 1
//! the draw is Gamma(a + 1) * u^(1/a), computed in log space so that tiny
//! shapes cannot underflow to 0.
//!
//! Beta(alpha, beta) = X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta);
//! when a shape is below 1 the ratio is taken in log space as
//! 1 / (1 + exp(ln Y - ln X)), which is 0 or 1 at the extremes, never NaN.

use super::normal::Ziggurat;
use crate::rng::RunRng;

/// A draw from Gamma(shape, scale 1) for `shape` >= 1 (Marsaglia–Tsang).
fn gamma_at_least_one(rng: &mut RunRng, zig: &Ziggurat, shape: f64) -> f64 {
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let x = zig.sample(rng);
        let t = 1.0 + c * x;
        if t <= 0.0 {
            continue;
        }
        let v = t * t * t;
        let u = rng.open01();
        let x2 = x * x;
        if u < 1.0 - 0.0331 * x2 * x2 {
            return d * v;
        }
        if libm::log(u) < 0.5 * x2 + d * (1.0 - v + libm::log(v)) {
            return d * v;
        }
    }
}

/// The natural logarithm of a Gamma(shape, 1) draw, for any `shape` > 0.
fn ln_gamma_draw(rng: &mut RunRng, zig: &Ziggurat, shape: f64) -> f64 {
    if shape >= 1.0 {
        libm::log(gamma_at_least_one(rng, zig, shape))
    } else {
        let g = gamma_at_least_one(rng, zig, shape + 1.0);
        libm::log(g) + libm::log(rng.open01()) / shape
    }
}

/// A draw from Gamma(`shape`, scale 1), `shape` > 0 (unitless); returns 0 for
/// shapes <= 0 and where a tiny shape underflows.
pub fn gamma(rng: &mut RunRng, zig: &Ziggurat, shape: f64) -> f64 {
    if shape >= 1.0 {
        gamma_at_least_one(rng, zig, shape)
    } else if shape > 0.0 {
        libm::exp(ln_gamma_draw(rng, zig, shape))
    } else {
        0.0
    }
}

/// A beta-distributed share (0..1) given by its mean and standard deviation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Beta {
    /// No spread: always this value (share 0..1).
    Fixed(f64),
    /// Spread at or beyond the limit sqrt(m (1 - m)): the limiting
    /// distribution, 1 with probability `p` and 0 otherwise.
    Bernoulli(f64),
    /// Proper beta with shapes alpha and beta (both > 0).
    Shapes(f64, f64),
}

impl Beta {
    /// The beta distribution with mean `mean` and sd `sd` (shares):
    /// alpha = m k, beta = (1 - m) k with k = m (1 - m) / sd^2 - 1.
    /// Never fails: a mean outside (0, 1) or an sd of 0 gives a fixed value
    /// (the mean clamped to 0..1); k <= 0 (sd too large) gives the Bernoulli limit.
    pub fn from_mean_sd(mean: f64, sd: f64) -> Beta {
        let m = if mean.is_nan() { 0.0 } else { mean.clamp(0.0, 1.0) };
        if sd.is_nan() || sd <= 0.0 || m <= 0.0 || m >= 1.0 {
            return Beta::Fixed(m);
        }
        let k = m * (1.0 - m) / (sd * sd) - 1.0;
        if k > 0.0 { Beta::Shapes(m * k, (1.0 - m) * k) } else { Beta::Bernoulli(m) }
    }

    /// The mean of the distribution (share 0..1).
    pub fn mean(&self) -> f64 {
        match *self {
            Beta::Fixed(m) | Beta::Bernoulli(m) => m,
            Beta::Shapes(a, b) => a / (a + b),
        }
    }

    /// One draw (share 0..1); never NaN.
    pub fn sample(&self, rng: &mut RunRng, zig: &Ziggurat) -> f64 {
        match *self {
            Beta::Fixed(m) => m,
            Beta::Bernoulli(p) => bernoulli(rng, p),
            Beta::Shapes(a, b) if a >= 1.0 && b >= 1.0 => {
                let x = gamma_at_least_one(rng, zig, a);
                let y = gamma_at_least_one(rng, zig, b);
                x / (x + y)
            }
            Beta::Shapes(a, b) => {
                let lx = ln_gamma_draw(rng, zig, a);
                let ly = ln_gamma_draw(rng, zig, b);
                let share = 1.0 / (1.0 + libm::exp(ly - lx));
                if share.is_nan() {
                    // Both logs infinite (shapes near the smallest f64): the Bernoulli limit.
                    bernoulli(rng, a / (a + b))
                } else {
                    share
                }
            }
        }
    }
}

/// 1 with probability `p`, else 0.
fn bernoulli(rng: &mut RunRng, p: f64) -> f64 {
    if rng.uniform() < p { 1.0 } else { 0.0 }
}
