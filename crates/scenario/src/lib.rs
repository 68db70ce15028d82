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
pub mod export;
pub mod lever;
pub mod model_params;
pub mod month;
pub mod observed;
pub mod output;
pub mod params;
pub mod presets;
pub mod problem;
pub mod protocol;
pub mod question;
pub mod scenario;
pub mod sensitivity;
pub mod solve;
pub mod stats;
pub mod target;

pub use model_params::ModelParams;
pub use month::Month;
pub use output::{Projection, Report};
pub use scenario::Scenario;

/// Version of the model's numbers; shown in the page and in every export.
/// Bump it whenever a change alters any output for an existing link.
pub const MODEL_VERSION: &str = "1.1.0";
