//! Shared helpers of the engine's integration tests.
#![allow(dead_code)]

use wlz_engine::Scenario;
use wlz_engine::lever::LeverId;
use wlz_engine::model_params::ModelParams;
use wlz_engine::params::KeySet;

/// The brief's default scenario in model units.
pub fn default_params() -> ModelParams {
    Scenario::new(KeySet::V1).model_params()
}

/// The default scenario with every lever at its strongest
/// (longer 1.0, aid 1.0, youth 0, region 0.5; default ramps from the start).
pub fn strongest_params() -> ModelParams {
    let mut p = default_params();
    p.levers[LeverId::Longer].target = 1.0;
    p.levers[LeverId::Aid].target = 1.0;
    p.levers[LeverId::Youth].target = 0.0;
    p.levers[LeverId::Region].target = 0.5;
    p
}

/// The decision-support outputs checked natively (`tests/golden.rs`) and as
/// wasm (`tests/wasm_golden.rs`) against `tests/golden/decision.json`: what it
/// would take (all levers, both targets, default scenario; youth with a 10 %
/// cut) and what matters most (both targets), as pretty JSON. Equal text is
/// equal bits: serde_json writes the shortest decimal that reads back exactly.
pub fn decision_outputs() -> String {
    use wlz_engine::sensitivity::sensitivity;
    use wlz_engine::solve::{SolveLever, solve};
    use wlz_engine::targets::TargetId;
    let default = default_params();
    let params = |query: &str| wlz_engine::codec::decode(&format!("v=1&{query}")).scenario.model_params();
    let solved = [
        solve(&default, SolveLever::All, TargetId::T1, 0.8),
        solve(&default, SolveLever::All, TargetId::T2, 0.8),
        solve(&params("runs=2000&cut=10&youth_ramp=0"), SolveLever::One(LeverId::Youth), TargetId::T1, 0.85),
    ];
    let sensitive =
        [sensitivity(&params("runs=2000"), TargetId::T1), sensitivity(&params("runs=2000&aid=50"), TargetId::T2)];
    let value = serde_json::json!({ "solve": solved.map(|s| s.expect("valid")), "sensitivity": sensitive });
    serde_json::to_string_pretty(&value).expect("serialises") + "\n"
}
