//! Random variates from the run's stream, in plain Rust with `libm` so that
//! every draw is bit-identical natively and on wasm32.
//!
//! - [`normal`]: standard normal by a 256-layer Ziggurat;
//! - [`beta`]: gamma by Marsaglia and Tsang (2000), beta as a ratio of two
//!   gammas, parameterised by mean and sd;
//! - [`poisson`]: inversion for small means, Hörmann's PTRS (1993) from 10 on.
//!
//! Each sampler consumes a data-dependent number of 64-bit outputs, but only
//! from the run's own [`crate::rng::RunRng`], so runs never affect each other.

pub mod beta;
pub mod normal;
pub mod poisson;

pub use beta::{Beta, gamma};
pub use normal::{Ziggurat, standard_normal};
pub use poisson::poisson;
