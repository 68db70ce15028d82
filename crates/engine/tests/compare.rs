//! Comparisons on common random numbers: A against itself is exactly zero,
//! a stronger lever lowers B, each side is its own projection bit for bit,
//! and A and B must share seed, start and horizon.

mod common;

use common::default_params;
use wlz_engine::compare::{CompareError, Comparison, compare};
use wlz_engine::lever::LeverId;
use wlz_engine::model_params::ModelParams;
use wlz_engine::month::Month;
use wlz_engine::simulate::project_runs;
use wlz_engine::targets::TargetId;

const RUNS: u32 = 1_000;

fn with_aid(adoption: f64) -> ModelParams {
    let mut p = default_params();
    p.levers[LeverId::Aid].target = adoption;
    p
}

/// Every number of the comparison is finite and the percentiles are ordered.
fn assert_sane(c: &Comparison) {
    for d in &c.paired.diff {
        let q = [d.p5, d.p25, d.p50, d.p75, d.p95];
        assert!(q.iter().chain([&d.mean]).all(|v| v.is_finite()), "{d:?}");
        assert!(q.windows(2).all(|w| w[0] <= w[1]), "{d:?}");
        assert!(d.p5 <= d.mean && d.mean <= d.p95, "{d:?}");
    }
    assert_eq!(c.paired.diff.len(), c.a.months.len());
    assert_eq!(c.paired.b_lower_monthly.len(), c.a.months.len());
    for (d, m) in c.paired.diff.iter().zip(&c.a.months) {
        assert_eq!(d.month, m.month);
    }
    assert!(c.paired.b_lower_monthly.iter().all(|p| (0.0..=1.0).contains(p)));
    assert!((0.0..=1.0).contains(&c.paired.b_lower.p) && c.paired.b_lower.std_error.is_finite());
    let s = c.paired.cumulative_diff;
    assert!([s.mean, s.p5, s.p50, s.p95].iter().all(|v| v.is_finite()));
    assert!(s.p5 <= s.p50 && s.p50 <= s.p95);
    assert_eq!(c.paired.targets.len(), 2);
    for t in &c.paired.targets {
        for v in [t.a, t.b, t.diff, t.diff_std_error].into_iter().flatten() {
            assert!(v.is_finite(), "{t:?}");
        }
        assert_eq!(t.diff.is_some(), t.a.is_some() && t.b.is_some());
        assert_eq!(t.diff.is_some(), t.diff_std_error.is_some());
    }
}

#[test]
fn a_against_itself_is_exactly_zero() {
    let p = default_params();
    let c = compare(&p, &p, RUNS).expect("same seed, start and horizon");
    assert_sane(&c);
    assert_eq!(c.a, c.b);
    for d in &c.paired.diff {
        assert_eq!([d.mean, d.p5, d.p25, d.p50, d.p75, d.p95], [0.0; 6], "{}", d.month);
    }
    assert!(c.paired.b_lower_monthly.iter().all(|&p| p == 0.0));
    assert_eq!((c.paired.b_lower.p, c.paired.b_lower.std_error), (0.0, 0.0));
    let s = c.paired.cumulative_diff;
    assert_eq!([s.mean, s.p5, s.p50, s.p95], [0.0; 4]);
    for t in &c.paired.targets {
        assert!(t.a.is_some(), "{t:?}");
        assert_eq!((t.diff, t.diff_std_error), (Some(0.0), Some(0.0)), "{}", t.id);
    }
}

#[test]
fn each_side_is_its_own_projection() {
    let (a, b) = (default_params(), with_aid(0.8));
    let c = compare(&a, &b, RUNS).unwrap();
    assert!(c.a == project_runs(&a, RUNS));
    assert!(c.b == project_runs(&b, RUNS));
    assert_eq!(c.a.checksum(), project_runs(&a, RUNS).checksum());
    // serde round trip (the page receives it as JSON)
    let json = serde_json::to_string(&c).unwrap();
    assert!(serde_json::from_str::<Comparison>(&json).unwrap() == c);
}

#[test]
fn the_hulpmiddel_lowers_b() {
    let (a, b) = (default_params(), with_aid(0.8));
    let c = compare(&a, &b, RUNS).unwrap();
    assert_sane(&c);
    let ramp = b.levers[LeverId::Aid].ramp as usize;
    for d in &c.paired.diff[ramp..] {
        assert!(d.mean < 0.0, "{}: mean difference {}", d.month, d.mean);
    }
    assert!(c.paired.b_lower.p > 0.95, "P(B lower) = {}", c.paired.b_lower.p);
    assert!(
        c.paired.cumulative_diff.mean < 0.0 && c.paired.cumulative_diff.p95 < 0.0,
        "{:?}",
        c.paired.cumulative_diff
    );
    let t1 = &c.paired.targets[0];
    assert!(t1.diff.unwrap() >= 0.0, "{t1:?}");
    assert!(t1.diff_std_error.unwrap() > 0.0, "{t1:?}");
    // The paired SE is at most the SE of two independent estimates.
    let (pa, pb) = (t1.a.unwrap(), t1.b.unwrap());
    let n = f64::from(RUNS);
    let independent = (pa * (1.0 - pa) / n + pb * (1.0 - pb) / n).sqrt();
    assert!(t1.diff_std_error.unwrap() <= independent, "{t1:?} vs {independent}");
}

#[test]
fn the_target_of_b_may_differ() {
    let a = default_params();
    let mut b = a.clone();
    b.targets[TargetId::T1].threshold = 1e9; // always met
    b.targets[TargetId::T2].to = 90; // outside the 84 months
    let c = compare(&a, &b, 300).unwrap();
    assert_sane(&c);
    let (t1, t2) = (&c.paired.targets[0], &c.paired.targets[1]);
    assert_eq!(t1.b, Some(1.0));
    assert_eq!(t1.diff, Some(1.0 - t1.a.unwrap()));
    assert!(t2.a.is_some() && t2.b.is_none() && t2.diff.is_none(), "{t2:?}");
}

#[test]
fn mismatches_are_refused() {
    let a = default_params();
    let mut b = a.clone();
    b.seed = 2;
    assert_eq!(compare(&a, &b, 100).unwrap_err(), CompareError::Seed(1, 2));
    let mut b = a.clone();
    b.start = Month::new(2025, 1);
    let e = compare(&a, &b, 100).unwrap_err();
    assert_eq!(e, CompareError::Start(Month::new(2024, 1), Month::new(2025, 1)));
    assert_eq!(e.to_string(), "A and B must have the same start month (2024-01 vs 2025-01)");
    let mut b = a.clone();
    b.horizon = 12;
    let e = compare(&a, &b, 100).unwrap_err();
    assert_eq!(e, CompareError::Horizon(84, 12));
    assert!(!e.to_string().contains('\n'));
    // runs in the params are not read; a different count is fine
    let mut b = a.clone();
    b.runs = 5;
    assert!(compare(&a, &b, 100).is_ok());
}

#[test]
fn other_parameters_compare_sanely() {
    let mut a = default_params();
    a.horizon = 24;
    a.targets[TargetId::T2].from = 12;
    a.targets[TargetId::T2].to = 23;
    let mut b = a.clone();
    b.eps.sd = 0.0;
    b.levers[LeverId::Region].target = 0.3;
    b.levers[LeverId::Region].ramp = 0;
    b.sigma = 0.4;
    let c = compare(&a, &b, 500).unwrap();
    assert_sane(&c);
    assert!(c.paired.b_lower.p > 0.95, "{:?}", c.paired.b_lower);
    let c = compare(&a, &a, 1).unwrap();
    assert_sane(&c);
    assert_eq!(c.a.runs, 1);
}

/// Timing, release: `cargo test --release -p wlz-engine --test compare -- --ignored --nocapture`.
#[test]
#[ignore]
fn time_compare_against_one_projection() {
    use std::time::Instant;
    let (a, b) = (default_params(), with_aid(0.8));
    let best = |f: &dyn Fn()| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::INFINITY, f64::min)
    };
    let one = best(&|| {
        std::hint::black_box(project_runs(&b, 10_000));
    });
    let both = best(&|| {
        std::hint::black_box(compare(&a, &b, 10_000).unwrap());
    });
    println!("one projection {one:.1} ms, compare {both:.1} ms, ratio {:.2}", both / one);
}
