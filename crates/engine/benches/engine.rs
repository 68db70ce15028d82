//! Benchmarks, 10,000 runs of the default scenario:
//! - every output of a projection; target (issue): at most 60 ms on one core natively;
//! - "what would it take" ([`solve`]) for target 1 and 2 and for all levers together;
//!   target (issue): well under 1 s natively (the page must answer within 2 s as wasm);
//! - the tornado chart and rank correlations ([`sensitivity`]) of targets 1 and 2.

use criterion::{Criterion, criterion_group, criterion_main};
#[cfg(not(target_arch = "wasm32"))]
use std::hint::black_box;
#[cfg(not(target_arch = "wasm32"))]
use wlz_engine::lever::LeverId;
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
    let params = Scenario::default().model_params();
    assert_eq!(params.runs, 10_000);
    let mut group = c.benchmark_group("project");
    group.sample_size(20);
    group.bench_function("default_10000_runs", |b| b.iter(|| project(black_box(&params))));
    group.finish();
}

#[cfg(not(target_arch = "wasm32"))]
fn what_would_it_take(c: &mut Criterion) {
    let params = Scenario::default().model_params();
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
    let params = Scenario::default().model_params();
    let mut group = c.benchmark_group("sensitivity");
    group.sample_size(10);
    group.bench_function("t1_10000_runs", |b| b.iter(|| sensitivity(black_box(&params), TargetId::T1)));
    group.bench_function("t2_10000_runs", |b| b.iter(|| sensitivity(black_box(&params), TargetId::T2)));
    group.finish();
}

#[cfg(not(target_arch = "wasm32"))]
criterion_group!(benches, default_projection, what_would_it_take, what_matters_most);
#[cfg(not(target_arch = "wasm32"))]
criterion_main!(benches);

/// Criterion does not build for wasm32; the browser benchmark is `tests/wasm_bench.rs`.
#[cfg(target_arch = "wasm32")]
fn main() {}
