//! Benchmark: the default scenario with every output, 10,000 runs.
//! Target (issue): at most 60 ms on one core natively.

#[cfg(not(target_arch = "wasm32"))]
use criterion::{Criterion, criterion_group, criterion_main};
#[cfg(not(target_arch = "wasm32"))]
use std::hint::black_box;
#[cfg(not(target_arch = "wasm32"))]
use wlz_engine::{Scenario, simulate::project};

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
criterion_group!(benches, default_projection);
#[cfg(not(target_arch = "wasm32"))]
criterion_main!(benches);

/// Criterion does not build for wasm32; the browser benchmark is `tests/wasm_bench.rs`.
#[cfg(target_arch = "wasm32")]
fn main() {}
