//! Browser benchmark: the default scenario, all outputs, 10,000 runs, as wasm
//! in headless Chromium. Prints the timings (figures go in the README); run
//! with `cargo xtask bench` (release build). Not a timed test: it asserts nothing about time.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use wlz_engine::{Scenario, simulate};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

#[wasm_bindgen_test]
fn bench_default_scenario_10000_runs() {
    let params = Scenario::default().model_params();
    let _ = simulate::project(&params); // warm-up
    let mut times: Vec<f64> = (0..15)
        .map(|_| {
            let t = now();
            let projection = simulate::project(&params);
            assert!(projection.checksum() != 0);
            now() - t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    console_log!(
        "browser benchmark, default scenario, 10000 runs: median {:.1} ms, min {:.1} ms, max {:.1} ms (15 samples)",
        times[7],
        times[0],
        times[14]
    );
}
