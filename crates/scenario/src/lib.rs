//! # wlz-scenario
//!
//! The scenario language of the Wlz ggz-wonen intake simulator: the parameter
//! table, the levers and targets as rows, the scenario and its URL codec, the
//! problems found in untrusted input, the presets, calendar months, observed
//! series, the result types of a projection and of the decision-support
//! questions, and the chart geometry. It computes no projection: the Monte
//! Carlo lives in `wlz-engine`, which only the worker and the command line
//! depend on, so the page (which depends on this crate alone) cannot run the
//! simulation even by mistake.

pub mod chart;
pub mod codec;
pub mod compare;
pub mod decimal;
pub mod export;
pub mod lever;
pub mod lever_rank;
pub mod model_params;
pub mod month;
pub mod observed;
pub mod output;
pub mod params;
mod per_id;
pub mod presets;
pub mod problem;
pub mod protocol;
pub mod question;
pub mod scenario;
pub mod sensitivity;
pub mod solve;
pub mod sources;
pub mod stats;
pub mod target;
pub mod wire;

pub use model_params::ModelParams;
pub use month::Month;
pub use output::{Projection, Report};
pub use scenario::Scenario;

/// The date of the newest source behind the defaults (the letter of 17 March
/// 2026, seed 000 of the brief), as (year, month, day): shown on every result.
pub const SOURCES_DATE: (i32, u32, u32) = (2026, 3, 17);

/// Version of the current model's numbers (key set 2's); shown in the page
/// and in every export. Each key set has its own ([`params::KeySet::model_version`]):
/// a `v=1` link keeps model 1.1.0 and its numbers. Bump a key set's version
/// whenever a change alters any output of its links.
pub const MODEL_VERSION: &str = params::KeySet::V2.model_version();
