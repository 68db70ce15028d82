//! Properties over the whole parameter space (ranges of the parameter
//! table): finite outputs, ordered percentiles, valid probabilities, exact
//! zeros for idle levers and the direction of each lever. Native only
//! (proptest is not built for wasm32).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use wlz_engine::lever::{LeverId, PerLever};
use wlz_engine::model_params::{LeverSetting, ModelParams, TargetSpec, Uncertain};
use wlz_engine::month::Month;
use wlz_engine::output::Projection;
use wlz_engine::params::KeySet;
use wlz_engine::simulate::project_runs;
use wlz_engine::target_runs::count_runs;
use wlz_engine::targets::PerTarget;
use wlz_engine::targets::TargetId;

const RUNS: u32 = 200;

fn lever(today: f64, target: f64, from: i32, ramp: u32) -> LeverSetting {
    LeverSetting { today, target, from, ramp }
}

/// A beta (mean, sd) pair with sd = 0 or sd < sqrt(m (1 - m)) (the scenario's rule).
fn beta_param() -> impl Strategy<Value = Uncertain> {
    (0.0..=1.0f64, 0.0..1.0f64, any::<bool>()).prop_map(|(mean, frac, fixed)| {
        let limit = (mean * (1.0 - mean)).sqrt().min(0.5);
        let sd = if fixed { 0.0 } else { frac * limit };
        Uncertain { mean, sd }
    })
}

fn window(horizon: u32) -> impl Strategy<Value = (i32, i32)> {
    let h = horizon as i32;
    (-24..h + 24, 0..36i32).prop_map(|(from, len)| (from, from + len))
}

prop_compose! {
    fn model_params()(
        horizon in 12u32..=120,
        seed in 0u64..=u64::from(u32::MAX),
        start in Month::new(2021, 1).0..=Month::new(2040, 12).0,
        targets in (0.0..=1.0f64, 0.0..=1.0f64, 0.0..=0.45f64, 0.0..=0.5f64),
        froms in (-24..60i32, -24..60i32, -24..60i32, -24..60i32),
        ramps in (0..=120u32, 0..=120u32, 0..=120u32, 0..=120u32),
        level in (0.0..=2000.0f64, 0.0..=500.0f64),
        trend in (-0.5..=0.5f64, 0.0..=0.5f64),
        eps in beta_param(),
        theta in beta_param(),
        phi in -0.99..=0.99f64,
        sigma in 0.0..=1.0f64,
        wmo in 0.0..=1.0f64,
        youth0 in 0.01..=0.45f64,
        stock in 0.0..=1_000_000.0f64,
        outflow in 0.0..=0.1f64,
        thresholds in (0.0..=5000.0f64, 0.0..=5000.0f64),
        w1 in window(120),
        w2 in window(120),
    ) -> ModelParams {
        ModelParams {
            keys: KeySet::V1,
            seed,
            runs: RUNS,
            start: Month(start),
            horizon,
            levers: PerLever([
                lever(0.25, targets.0, froms.0, ramps.0),
                lever(0.0, targets.1, froms.1, ramps.1),
                lever(youth0, targets.2, froms.2, ramps.2),
                lever(0.0, targets.3, froms.3, ramps.3),
            ]),
            level: Uncertain { mean: level.0, sd: level.1 },
            floor: 0.0,
            anchor_lag: 0,
            trend: Uncertain { mean: trend.0, sd: trend.1 },
            eps,
            theta,
            phi,
            sigma,
            wmo,
            youth0,
            stock,
            outflow,
            targets: PerTarget([
                TargetSpec { threshold: thresholds.0, from: w1.0, to: w1.1 },
                TargetSpec { threshold: thresholds.1, from: w2.0, to: w2.1 },
            ]),
            observed: Default::default(),
            fit: false,
        }
    }
}

/// Every number in the projection.
fn numbers(p: &Projection) -> Vec<f64> {
    let mut out = Vec::new();
    for m in &p.months {
        let c = &m.cells;
        out.extend([m.mean, m.p5, m.p10, m.p25, m.p50, m.p75, m.p90, m.p95, m.expected]);
        out.extend([c.wmo_young, c.wmo_older, c.other_young, c.other_older, m.youth_share, m.stock_mean]);
    }
    for t in &p.targets {
        out.push(t.threshold);
        out.extend(t.probability);
        out.extend(t.std_error);
        out.push(t.first_reached.never);
    }
    for s in [&p.cumulative, &p.averted, &p.stock_end] {
        out.extend([s.mean, s.p5, s.p50, s.p95]);
    }
    let c = &p.contributions;
    out.extend(c.0);
    out.extend([p.expected_without_levers, p.expected_with_levers]);
    out
}

fn idle(mut p: ModelParams) -> ModelParams {
    for l in p.levers.0.iter_mut() {
        l.target = l.today;
    }
    p
}

/// Asserts that every month's mean expected intake of `moved` is at most
/// (`lower` = true) or at least that of `reference`, within 1e-12 relative.
fn expected_direction(moved: &Projection, reference: &Projection, lower: bool, what: &str) {
    for (a, b) in moved.months.iter().zip(&reference.months) {
        let tol = 1e-12 * b.expected.abs();
        if lower {
            assert!(a.expected <= b.expected + tol, "{what} raised {}: {} > {}", a.month, a.expected, b.expected);
        } else {
            assert!(a.expected >= b.expected - tol, "{what} lowered {}: {} < {}", a.month, a.expected, b.expected);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn outputs_are_finite_ordered_and_valid(p in model_params()) {
        let proj = project_runs(&p, RUNS);
        prop_assert_eq!(proj.months.len(), p.horizon as usize);
        for x in numbers(&proj) {
            prop_assert!(x.is_finite(), "non-finite number {}", x);
        }
        for m in &proj.months {
            let q = [m.p5, m.p10, m.p25, m.p50, m.p75, m.p90, m.p95];
            prop_assert!(q.windows(2).all(|w| w[0] <= w[1]), "{}: {:?}", m.month, q);
            prop_assert!((0.0..=1.0).contains(&m.youth_share));
        }
        for s in [&proj.cumulative, &proj.averted, &proj.stock_end] {
            prop_assert!(s.p5 <= s.p50 && s.p50 <= s.p95, "{:?}", s);
        }
        for t in &proj.targets {
            if let Some(prob) = t.probability {
                prop_assert!((0.0..=1.0).contains(&prob));
            }
            prop_assert_eq!(t.probability.is_some(), t.std_error.is_some());
            prop_assert!((0.0..=1.0).contains(&t.first_reached.never));
            let f = t.first_reached;
            if let (Some(a), Some(b), Some(c)) = (f.p10, f.p50, f.p90) {
                prop_assert!(a <= b && b <= c);
            }
        }
    }

    /// The fast path of solve and sensitivity gives every target the full projection's probability, bit for bit.
    #[test]
    fn target_fast_path_equals_the_projection(p in model_params()) {
        let proj = project_runs(&p, RUNS);
        for (i, target) in TargetId::ALL.into_iter().enumerate() {
            let fast = count_runs(&p, target.spec(&p), RUNS);
            prop_assert_eq!(fast.status, proj.targets[i].status);
            prop_assert_eq!(fast.runs, RUNS);
            let probability = fast.probability();
            prop_assert_eq!(probability.map(|q| q.p), proj.targets[i].probability);
            prop_assert_eq!(probability.map(|q| q.std_error), proj.targets[i].std_error);
        }
    }

    #[test]
    fn idle_levers_contribute_exactly_zero(p in model_params()) {
        let proj = project_runs(&idle(p), RUNS);
        let c = proj.contributions;
        prop_assert_eq!(c.0, [0.0; 4]);
        prop_assert_eq!(proj.averted.mean, 0.0);
        prop_assert_eq!(proj.expected_without_levers, proj.expected_with_levers);
    }

    #[test]
    fn each_lever_moves_the_expected_intake_its_way(p in model_params(), strength in 0.0..=1.0f64) {
        let base = idle(p);
        let reference = project_runs(&base, RUNS);
        // (lever, policy-direction target, opposite target)
        let y0 = base.youth0;
        let moves: [(usize, f64, f64); 4] = [
            (0, 0.25 + 0.75 * strength, 0.25 * (1.0 - strength)),
            (1, strength, 0.0),
            (2, y0 * (1.0 - strength), y0 + (0.45 - y0) * strength),
            (3, 0.5 * strength, 0.0),
        ];
        for (i, policy, opposite) in moves {
            for (target, lower) in [(policy, true), (opposite, false)] {
                let mut moved = base.clone();
                match i {
                    0 => moved.levers[LeverId::Longer].target = target,
                    1 => moved.levers[LeverId::Aid].target = target,
                    2 => moved.levers[LeverId::Youth].target = target,
                    _ => moved.levers[LeverId::Region].target = target,
                }
                let proj = project_runs(&moved, RUNS);
                expected_direction(&proj, &reference, lower, &format!("lever {i} at {target}"));
            }
        }
    }
}
