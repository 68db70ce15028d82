//! The reproducibility promise, checked in the browser: the default
//! scenario's full output, computed as wasm in headless Chromium, has the
//! same checksum as natively (`tests/golden.rs`), against one golden value.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use wlz_engine::{Scenario, simulate};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn default_scenario_matches_the_golden_checksum() {
    let golden: u64 = include_str!("golden/default.checksum").trim().parse().expect("golden checksum file");
    let projection = simulate::project(&Scenario::default().model_params());
    assert_eq!(projection.checksum(), golden);
}
