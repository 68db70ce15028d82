//! Scenario checks from the brief, at the full 10,000 runs.

mod common;

use common::{default_params, strongest_params};
use wlz_engine::lever::LeverId;
use wlz_engine::simulate::project;
use wlz_engine::targets::TargetId;

#[test]
fn no_levers_median_about_250_each_month() {
    let p = default_params();
    assert!(
        p.levers[LeverId::Longer].is_idle()
            && p.levers[LeverId::Aid].is_idle()
            && p.levers[LeverId::Youth].is_idle()
            && p.levers[LeverId::Region].is_idle()
    );
    let proj = project(&p);
    assert_eq!(proj.runs, 10_000);
    for m in &proj.months {
        assert!((235.0..=265.0).contains(&m.p50), "{}: median {}", m.month, m.p50);
    }
    let c = proj.contributions;
    assert_eq!((c[LeverId::Longer], c[LeverId::Aid], c[LeverId::Youth], c[LeverId::Region]), (0.0, 0.0, 0.0, 0.0));
    assert_eq!(proj.averted.mean, 0.0);
    assert_eq!(proj.averted.p95, 0.0);
}

#[test]
fn default_probability_of_target_1() {
    let proj = project(&default_params());
    let t1 = &proj.targets[0];
    assert_eq!(t1.id, TargetId::T1);
    assert_eq!(t1.threshold, 240.0);
    assert_eq!((t1.window_from.to_string(), t1.window_to.to_string()), ("2024-01".into(), "2024-03".into()));
    let p = t1.probability.expect("window inside");
    assert!((0.30..=0.42).contains(&p), "P(t1) = {p}");
    let se = t1.std_error.expect("with a probability");
    assert!((se - (p * (1.0 - p) / 10_000.0).sqrt()).abs() < 1e-15);
}

#[test]
fn strongest_levers_bring_the_last_year_below_100() {
    let proj = project(&strongest_params());
    for m in &proj.months[proj.months.len() - 12..] {
        assert!(m.p50 < 100.0, "{}: median {}", m.month, m.p50);
    }
    let c = proj.contributions;
    for v in c.0 {
        assert!(v > 0.0, "{c:?}");
    }
    let total = c.0.iter().sum::<f64>();
    let reduction = proj.expected_without_levers - proj.expected_with_levers;
    assert!((total - reduction).abs() <= 1e-9 * reduction, "{total} vs {reduction}");
    eprintln!("{}", serde_json::to_string_pretty(&proj.targets).unwrap());
    eprintln!("{c:?} averted {:?} cumulative {:?}", proj.averted, proj.cumulative);
}
