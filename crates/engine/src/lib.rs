//! # wlz-engine
//!
//! The pure core of the Wlz ggz-wonen intake simulator: the parameter table,
//! the scenario and its URL codec, the Monte Carlo model, its statistics and
//! the chart geometry. No web dependency: the same code runs natively (CLI,
//! tests, benchmarks) and in the browser's Web Worker (wasm32).
//!
//! ## Reproducibility promise
//!
//! For a given [`MODEL_VERSION`], the same scenario (seed and run count
//! included) gives bit-identical outputs on every platform: each run has its
//! own Xoshiro256++ streams (one per random quantity) seeded from the
//! scenario seed and the run index,
//! and every transcendental function comes from the `libm` crate, never from
//! the platform. A change that alters any number bumps [`MODEL_VERSION`].

pub mod attribution;
pub mod chart;
pub mod codec;
pub mod compare;
pub mod export;
pub mod model;
pub mod model_params;
pub mod month;
pub mod observed;
pub mod output;
pub mod params;
pub mod presets;
pub mod problem;
pub mod quantile;
pub mod question;
pub mod rng;
pub mod sampling;
pub mod scenario;
pub mod sensitivity;
pub mod simulate;
pub mod solve;
pub mod stats;
pub mod target_runs;
pub mod targets;

pub use model_params::ModelParams;
pub use month::Month;
pub use scenario::Scenario;

/// Version of the model's numbers; shown in the page and in every export.
/// Bump it whenever a change alters any output for an existing link.
pub const MODEL_VERSION: &str = "1.1.0";

pub use output::{Projection, Report};
