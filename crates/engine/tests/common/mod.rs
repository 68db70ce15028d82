//! Shared helpers of the engine's integration tests.
#![allow(dead_code)]

use wlz_engine::Scenario;
use wlz_engine::model_params::ModelParams;

/// The brief's default scenario in model units.
pub fn default_params() -> ModelParams {
    Scenario::default().model_params()
}

/// The default scenario with every lever at its strongest
/// (longer 1.0, aid 1.0, youth 0, region 0.5; default ramps from the start).
pub fn strongest_params() -> ModelParams {
    let mut p = default_params();
    p.longer.target = 1.0;
    p.aid.target = 1.0;
    p.youth.target = 0.0;
    p.region.target = 0.5;
    p
}
