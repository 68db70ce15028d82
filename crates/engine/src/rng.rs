//! Random streams: one Xoshiro256++ generator per Monte Carlo run.
//!
//! # Reproducibility promise
//!
//! Run `r` of a projection with seed `s` always uses the stream
//! [`RunRng::for_run`]`(s, r)`, whatever the number of runs, the batching or
//! the platform. Its 256-bit state is four successive SplitMix64 outputs
//! started from `mix64(mix64(s) ^ r)`, so the first `n` runs of a
//! 10,000-run projection are exactly the runs of an `n`-run projection.
//! Each random quantity of a run has its own sub-stream
//! ([`RunRng::for_stream`]`(s, r, quantity)`): L, g, epsilon, theta, the
//! fluctuation and the Poisson counts; so two scenarios that differ in one
//! quantity share every other draw exactly (common random numbers).
//! Uniforms are built from the top 53 bits of each 64-bit output with exact
//! IEEE arithmetic (a multiplication by a power of two), so they are the same
//! bits on every platform. Changing anything here changes every number and
//! needs a new [`crate::MODEL_VERSION`].

use rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The SplitMix64 increment (2^64 divided by the golden ratio).
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// 2^-53: the spacing of the 53-bit uniforms.
const TWO_POW_M53: f64 = 1.0 / 9_007_199_254_740_992.0;

/// The SplitMix64 output function (Steele, Lea and Flood 2014): a bijective
/// 64-bit mix with good avalanche.
pub fn mix64(x: u64) -> u64 {
    let mut z = x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The random quantities of a run, each drawn from its own sub-stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// L, the underlying level.
    Level,
    /// g, the yearly trend.
    Trend,
    /// epsilon.
    Eps,
    /// theta.
    Theta,
    /// The fluctuation: z(-1) and the innovations e(m).
    Fluctuation,
    /// The Poisson counts.
    Counts,
    /// Model 2's calibration: a particle's proposed L, g, epsilon and theta.
    Proposal,
    /// Model 2's calibration: a run's fluctuation state drawn at the last observed month and carried to the start.
    State,
    /// Model 2's calibration: the one uniform of the resampling (drawn with run index `u64::MAX`).
    Resample,
}

/// The random stream of one Monte Carlo run.
#[derive(Clone, Debug)]
pub struct RunRng {
    inner: Xoshiro256PlusPlus,
}

impl RunRng {
    /// The stream of run `run` (0-based) of a projection with seed `seed`.
    pub fn for_run(seed: u64, run: u64) -> RunRng {
        RunRng::from_state(mix64(mix64(seed) ^ run))
    }

    /// Sub-stream `stream` of run `run`: one per random quantity of a run
    /// (see [`Stream`]), so that changing how one quantity is drawn (a spread,
    /// a lever that changes a Poisson mean) leaves the draws of every other
    /// quantity of the run exactly as they were: common random numbers.
    pub fn for_stream(seed: u64, run: u64, stream: Stream) -> RunRng {
        RunRng::from_state(mix64(mix64(mix64(seed) ^ run) ^ mix64(stream as u64 + 1)))
    }

    fn from_state(start: u64) -> RunRng {
        let mut state = start;
        let mut bytes = [0u8; 32];
        for chunk in bytes.chunks_exact_mut(8) {
            state = state.wrapping_add(GOLDEN);
            chunk.copy_from_slice(&mix64(state).to_le_bytes());
        }
        RunRng { inner: Xoshiro256PlusPlus::from_seed(bytes) }
    }

    /// The next raw 64-bit output.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.inner.next_u64()
    }

    /// A uniform draw from [0, 1) on the grid k * 2^-53.
    #[inline]
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * TWO_POW_M53
    }

    /// A uniform draw from the open interval (0, 1): (k + 0.5) * 2^-53, never 0 or 1,
    /// so its logarithm is always finite.
    #[inline]
    pub fn open01(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) * TWO_POW_M53
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_fixed_and_distinct() {
        let mut a = RunRng::for_run(1, 0);
        let mut b = RunRng::for_run(1, 0);
        let mut c = RunRng::for_run(1, 1);
        let mut d = RunRng::for_run(2, 0);
        let (x, y, z, w) = (a.next_u64(), b.next_u64(), c.next_u64(), d.next_u64());
        assert_eq!(x, y);
        assert_ne!(x, z);
        assert_ne!(x, w);
    }

    #[test]
    fn uniforms_stay_in_range() {
        let mut rng = RunRng::for_run(7, 3);
        for _ in 0..10_000 {
            let u = rng.uniform();
            assert!((0.0..1.0).contains(&u));
            let v = rng.open01();
            assert!(v > 0.0 && v < 1.0);
        }
    }
}
