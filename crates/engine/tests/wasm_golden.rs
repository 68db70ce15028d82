//! The reproducibility promise, checked in the browser: the default
//! scenario's full output, computed as wasm in headless Chromium, has the
//! same checksum as natively (`tests/golden.rs`), against one golden value;
//! and what it would take and what matters most give the same JSON as natively.
#![cfg(target_arch = "wasm32")]

mod common;

use wasm_bindgen_test::*;
use wlz_engine::params::KeySet;
use wlz_engine::{Scenario, simulate};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn default_scenario_matches_the_golden_checksum() {
    let golden: u64 = include_str!("golden/default.checksum").trim().parse().expect("golden checksum file");
    let projection = simulate::project(&Scenario::new(KeySet::V1).model_params());
    assert_eq!(projection.checksum(), golden);
}

#[wasm_bindgen_test]
fn decision_support_matches_its_golden_file() {
    assert_eq!(common::decision_outputs(), include_str!("golden/decision.json"));
}
