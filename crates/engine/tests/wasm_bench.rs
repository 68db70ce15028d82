//! Browser benchmark: the default scenario, all outputs, 10,000 runs, as wasm
//! in headless Chromium; and "what would it take" and "what matters most" on
//! the same scenario. Prints the timings (figures go in the README); run
//! with `cargo xtask bench` (release build). Not a timed test: it asserts nothing about time.
#![cfg(target_arch = "wasm32")]

#[path = "common/series.rs"]
mod series;

use wasm_bindgen_test::*;
use wlz_engine::lever::LeverId;
use wlz_engine::params::KeySet;
use wlz_engine::sensitivity::sensitivity;
use wlz_engine::solve::{DEFAULT_CONFIDENCE, SolveLever, solve};
use wlz_engine::targets::TargetId;
use wlz_engine::{Scenario, simulate};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

#[wasm_bindgen_test]
fn bench_default_scenario_10000_runs() {
    let params = Scenario::new(KeySet::V1).model_params();
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

/// Median, min and max of `samples` timings of `f` (ms), after one warm-up call.
fn time(samples: usize, mut f: impl FnMut()) -> (f64, f64, f64) {
    f();
    let mut times: Vec<f64> = (0..samples)
        .map(|_| {
            let t = now();
            f();
            now() - t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[samples / 2], times[0], times[samples - 1])
}

#[wasm_bindgen_test]
fn bench_solve_and_sensitivity_10000_runs() {
    let params = Scenario::new(KeySet::V1).model_params();
    for (name, lever, target) in [
        ("region t1", SolveLever::One(LeverId::Region), TargetId::T1),
        ("aid t2", SolveLever::One(LeverId::Aid), TargetId::T2),
        ("all t1", SolveLever::All, TargetId::T1),
        ("all t2", SolveLever::All, TargetId::T2),
    ] {
        let (median, min, max) = time(5, || {
            assert!(solve(&params, lever, target, DEFAULT_CONFIDENCE).is_ok());
        });
        console_log!(
            "browser benchmark, solve {name}, 10000 runs: median {median:.1} ms, min {min:.1} ms, max {max:.1} ms (5 samples)"
        );
    }
    for target in TargetId::ALL {
        let (median, min, max) = time(5, || {
            assert!(sensitivity(&params, target).base.is_some());
        });
        console_log!(
            "browser benchmark, sensitivity {}, 10000 runs: median {median:.1} ms, min {min:.1} ms, max {max:.1} ms (5 samples)",
            target.name()
        );
    }
}

/// Model 2's default, and calibration plus projection with 36 and 600 observed months, 10,000 runs.
#[wasm_bindgen_test]
fn bench_model_two_and_calibration_10000_runs() {
    let default = Scenario::new(KeySet::V2).model_params();
    let (median, min, max) = time(9, || assert!(simulate::project(&default).checksum() != 0));
    console_log!(
        "browser benchmark, model 2 default, 10000 runs: median {median:.1} ms, min {min:.1} ms, max {max:.1} ms (9 samples)"
    );
    for months in [36usize, 600] {
        let scenario = series::observed_scenario(months);
        let params = scenario.model_params();
        let (median, min, max) = time(5, || assert!(simulate::project(&params).calibration.is_some()));
        console_log!(
            "browser benchmark, calibration and projection, {months} observed months, 10000 runs: median {median:.1} ms, min {min:.1} ms, max {max:.1} ms (5 samples)"
        );
    }
}
