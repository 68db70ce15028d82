//! Benchmarks, 10,000 runs of the default scenario:
//! - every output of a projection, model 1 and model 2; target: at most 60 ms on one core natively;
//! - model 2 with observations: calibration plus projection, 36 observed months
//!   (target: at most 100 ms on one core) and 600 (target: at most 1 s); on one
//!   thread and on two (the `parallel` feature, as the command line runs it);
//! - "what would it take" ([`solve`]) for target 1 and 2 and for all levers together;
//!   target (issue): well under 1 s natively (the page must answer within 2 s as wasm);
//! - the tornado chart and rank correlations ([`sensitivity`]) of targets 1 and 2.

use criterion::{Criterion, criterion_group, criterion_main};
#[cfg(not(target_arch = "wasm32"))]
use std::hint::black_box;
#[cfg(not(target_arch = "wasm32"))]
use wlz_engine::lever::LeverId;
#[cfg(not(target_arch = "wasm32"))]
use wlz_engine::params::KeySet;
#[cfg(not(target_arch = "wasm32"))]
use wlz_engine::{
    Scenario,
    sensitivity::sensitivity,
    simulate::project,
    solve::{DEFAULT_CONFIDENCE, SolveLever, solve},
    targets::TargetId,
};

#[cfg(not(target_arch = "wasm32"))]
fn default_projection(c: &mut Criterion) {
    let mut group = c.benchmark_group("project");
    group.sample_size(20);
    // One core: a one-thread pool (with the `parallel` feature a model 2 projection would use every core).
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool");
    for (name, keys) in [("model1_default_10000_runs", KeySet::V1), ("model2_default_10000_runs", KeySet::V2)] {
        let params = Scenario::new(keys).model_params();
        assert_eq!(params.runs, 10_000);
        group.bench_function(name, |b| b.iter(|| one.install(|| project(black_box(&params)))));
    }
    group.finish();
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/common/series.rs"]
mod series;

/// The benchmark's model 2 scenario with `months` observed months ([`series::observed_scenario`]).
#[cfg(not(target_arch = "wasm32"))]
fn observed_scenario(months: usize) -> wlz_engine::ModelParams {
    let scenario = series::observed_scenario(months);
    let params = scenario.model_params();
    let calibration = project(&wlz_engine::ModelParams { runs: 100, ..params.clone() }).calibration;
    assert_eq!(calibration.map(|c| c.months_used), Some(months as u32), "every month calibrates");
    params
}

#[cfg(not(target_arch = "wasm32"))]
fn calibrated_projection(c: &mut Criterion) {
    let mut group = c.benchmark_group("calibrate_and_project");
    group.sample_size(10);
    for months in [36, 600] {
        let params = observed_scenario(months);
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a pool");
            let name = format!("{months}_months_10000_runs_{threads}_thread{}", if threads > 1 { "s" } else { "" });
            group.bench_function(name, |b| b.iter(|| pool.install(|| project(black_box(&params)))));
        }
    }
    // What a worker does after a slider move past the observed months: the calibration is kept.
    let params = observed_scenario(36);
    let mut kept = wlz_engine::calibrate::Kept::default();
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a pool");
    let _ = kept.posterior(&params, params.runs);
    group.bench_function("36_months_10000_runs_1_thread_calibration_kept", |b| {
        b.iter(|| {
            one.install(|| {
                let context = wlz_engine::simulate::Context::for_runs_kept(black_box(&params), params.runs, &mut kept);
                context.finish(&context.parts(0..params.runs))
            })
        })
    });
    group.finish();
}

#[cfg(not(target_arch = "wasm32"))]
fn what_would_it_take(c: &mut Criterion) {
    let params = Scenario::new(KeySet::V1).model_params();
    let mut group = c.benchmark_group("solve");
    group.sample_size(10);
    for (name, lever, target) in [
        ("region_t1_10000_runs", SolveLever::One(LeverId::Region), TargetId::T1),
        ("aid_t2_10000_runs", SolveLever::One(LeverId::Aid), TargetId::T2),
        ("all_t1_10000_runs", SolveLever::All, TargetId::T1),
        ("all_t2_10000_runs", SolveLever::All, TargetId::T2),
    ] {
        group.bench_function(name, |b| b.iter(|| solve(black_box(&params), lever, target, DEFAULT_CONFIDENCE)));
    }
    group.finish();
}

#[cfg(not(target_arch = "wasm32"))]
fn what_matters_most(c: &mut Criterion) {
    let params = Scenario::new(KeySet::V1).model_params();
    let mut group = c.benchmark_group("sensitivity");
    group.sample_size(10);
    group.bench_function("t1_10000_runs", |b| b.iter(|| sensitivity(black_box(&params), TargetId::T1)));
    group.bench_function("t2_10000_runs", |b| b.iter(|| sensitivity(black_box(&params), TargetId::T2)));
    group.finish();
}

#[cfg(not(target_arch = "wasm32"))]
criterion_group!(benches, default_projection, calibrated_projection, what_would_it_take, what_matters_most);
#[cfg(not(target_arch = "wasm32"))]
criterion_main!(benches);

/// Criterion does not build for wasm32; the browser benchmark is `tests/wasm_bench.rs`.
#[cfg(target_arch = "wasm32")]
fn main() {}
