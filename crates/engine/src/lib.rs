//! # wlz-engine
//!
//! The Monte Carlo of the Wlz ggz-wonen intake simulator: the samplers, the
//! model, the projection, its fast paths, the attribution, the comparison on
//! common random numbers and the decision-support searches. The scenario
//! language (parameter table, codec, result types) is `wlz-scenario`,
//! re-exported here under its usual paths. No web dependency: the same code
//! runs natively (CLI, tests, benchmarks) and in the browser's Web Worker
//! (wasm32); only the worker and the command line depend on it.
//!
//! ## Reproducibility promise
//!
//! For a given [`MODEL_VERSION`], the same scenario (seed and run count
//! included) gives bit-identical outputs on every platform: each run has its
//! own Xoshiro256++ streams (one per random quantity) seeded from the
//! scenario seed and the run index,
//! and every transcendental function comes from the `libm` crate, never from
//! the platform. A change that alters any number bumps [`MODEL_VERSION`].

pub mod accumulate;
pub mod attribution;
pub mod calibrate;
pub mod compare;
pub mod lever_rank;
pub mod model;
pub mod quantile;
pub mod question;
pub mod rng;
pub mod sampling;
pub mod sensitivity;
pub mod simulate;
pub mod solve;
pub mod target_runs;
pub mod targets;

// The scenario language, under the paths it has always had here.
pub use wlz_scenario::{
    MODEL_VERSION, ModelParams, Month, Projection, Report, SOURCES_DATE, Scenario, chart, codec, export, lever,
    model_params, month, observed, output, params, presets, problem, protocol, scenario, stats,
};
