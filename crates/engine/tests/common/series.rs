//! The observed series of the benchmarks (natively in criterion, as wasm in
//! `wasm_bench.rs`): a series of the model itself, so calibration has real work.

use wlz_engine::params::KeySet;
use wlz_engine::{Month, Scenario, codec, observed::ObservedSeries, simulate};

/// The model 2 scenario with `months` observed months: 36 months end in
/// 2026-12; longer series run from 2000-01, the first month a series may hold
/// (600 months end in 2049-12). The counts are one run of the model (clients/month).
pub fn observed_scenario(months: usize) -> Scenario {
    let first = if months <= 36 { Month::new(2026, 12).plus(1 - months as i32) } else { Month::new(2000, 1) };
    let generating = codec::decode(&format!("v=2&seed=11&runs=1&horizon=240&start={first}")).scenario.model_params();
    let counts = simulate::run_counts(&generating, 0);
    let text: String =
        (0..months).map(|i| format!("{},{}\n", first.plus(i as i32), counts[i % counts.len()])).collect();
    let mut scenario = Scenario::new(KeySet::V2);
    scenario.set_observed(Some(ObservedSeries::parse(&text).expect("a valid series")));
    scenario
}
