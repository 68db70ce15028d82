//! Reproducibility: a run depends only on (seed, run index), a partial
//! projection is the start of the full one, and JSON round-trips exactly.

mod common;

use common::default_params;
use wlz_engine::output::Projection;
use wlz_engine::simulate::{project, project_runs, run_counts};
use wlz_engine::stats::{MONTH_PROBS, count_quantiles};

#[test]
fn same_params_same_bits() {
    let p = default_params();
    let a = project_runs(&p, 500);
    let b = project_runs(&p, 500);
    assert!(a == b);
    assert_eq!(a.checksum(), b.checksum());
    let mut other = p.clone();
    other.seed = 2;
    assert_ne!(project_runs(&other, 500).checksum(), a.checksum());
}

#[test]
fn partial_projection_is_made_of_the_first_runs() {
    let p = default_params();
    let n = 37;
    let partial = project_runs(&p, n);
    let runs: Vec<Vec<u32>> = (0..n).map(|r| run_counts(&p, r)).collect();
    for (m, stats) in partial.months.iter().enumerate() {
        let column: Vec<u32> = runs.iter().map(|c| c[m]).collect();
        let sum: u64 = column.iter().map(|&c| u64::from(c)).sum();
        assert_eq!(stats.mean, sum as f64 / f64::from(n), "month {m}");
        let q = count_quantiles(&column, &MONTH_PROBS);
        assert_eq!([stats.p5, stats.p10, stats.p25, stats.p50, stats.p75, stats.p90, stats.p95], q);
    }
    let total: u64 = runs.iter().flatten().map(|&c| u64::from(c)).sum();
    assert_eq!(partial.cumulative.mean, total as f64 / f64::from(n));
    // A run's counts do not depend on how many runs the projection has.
    let bigger = project_runs(&p, 1);
    assert_eq!(bigger.months[0].mean, f64::from(runs[0][0]));
}

#[test]
fn json_round_trip_is_exact() {
    let p = default_params();
    let projection = project_runs(&p, 300);
    let json = serde_json::to_string(&projection).expect("serializes");
    let back: Projection = serde_json::from_str(&json).expect("deserializes");
    // Needs serde_json's `float_roundtrip` feature (correctly rounded parsing).
    assert!(back == projection, "JSON round trip changed a number");
    assert_eq!(back.checksum(), projection.checksum());
}

#[test]
fn project_uses_params_runs() {
    let mut p = default_params();
    p.runs = 120;
    assert_eq!(project(&p), project_runs(&p, 120));
    assert_eq!(project_runs(&p, 0).runs, 1);
}
