//! What matters most, end to end: the tornado's probabilities are those of
//! projections with one parameter fixed at its percentile, its bars follow
//! the model's structure (a parameter whose lever is idle has no effect at
//! all), and the rank correlations name the parameters that drive the outcome.

use wlz_engine::codec::decode;
use wlz_engine::model_params::{ModelParams, Uncertain};
use wlz_engine::params::Key;
use wlz_engine::sensitivity::{Driver, Sensitivity, sensitivity};
use wlz_engine::simulate::project;
use wlz_engine::targets::{TargetId, WindowStatus};

fn params(query: &str) -> ModelParams {
    let decoded = decode(&format!("v=1&{query}"));
    assert!(decoded.problems.is_empty(), "{query}: {:?}", decoded.problems);
    decoded.scenario.model_params()
}

fn bar(s: &Sensitivity, key: Key) -> wlz_engine::sensitivity::TornadoBar {
    *s.tornado.iter().find(|b| b.key == key).unwrap()
}

fn rho(s: &Sensitivity, driver: Driver) -> Option<f64> {
    s.correlations.iter().find(|c| c.driver == driver).unwrap().rho
}

#[test]
fn tornado_bars_are_projections_with_one_parameter_fixed() {
    let p = params("runs=1000&aid=60&longer=70&t2=200");
    for (i, target) in TargetId::ALL.into_iter().enumerate() {
        let s = sensitivity(&p, target);
        assert_eq!(s.status, WindowStatus::Inside);
        assert_eq!(s.base.map(|b| b.p), project(&p).targets[i].probability, "{target:?}");
        let swings: Vec<f64> = s.tornado.iter().map(|b| b.swing.unwrap()).collect();
        assert!(swings.windows(2).all(|w| w[0] >= w[1]), "sorted by swing: {swings:?}");
        for b in &s.tornado {
            let (field, scale): (fn(&mut ModelParams) -> &mut Uncertain, f64) = match b.key {
                Key::Level => (|p| &mut p.level, 1.0),
                Key::Trend => (|p| &mut p.trend, 100.0),
                Key::Eps => (|p| &mut p.eps, 100.0),
                _ => (|p| &mut p.theta, 100.0),
            };
            for (value, probability) in [(b.low_value, b.low), (b.high_value, b.high)] {
                let mut fixed = p.clone();
                *field(&mut fixed) = Uncertain { mean: value / scale, sd: 0.0 };
                let projected = project(&fixed).targets[i].probability;
                let got = probability.map(|q| q.p);
                assert_eq!(projected, got, "{target:?} {:?} at {value}", b.key);
            }
        }
    }
}

#[test]
fn percentiles_follow_the_configured_distributions() {
    let s = sensitivity(&params("runs=200"), TargetId::T1);
    let level = bar(&s, Key::Level);
    // 250 -/+ 1.2816 * 12.5.
    assert!((level.low_value - 233.980_605_430_692_5).abs() < 1e-9, "{}", level.low_value);
    assert!((level.high_value - 266.019_394_569_307_5).abs() < 1e-9);
    // Beta(2.625, 2.625) (eps: mean 50 %, sd 20 %), 10th percentile from mpmath: 0.2306072814784883583.
    let eps = bar(&s, Key::Eps);
    assert!((eps.low_value - 23.060_728_147_848_836).abs() < 1e-9, "{}", eps.low_value);
    assert!((eps.low_value + eps.high_value - 100.0).abs() < 1e-9, "symmetric");
    // A negative percentile of L becomes 0, as the draws do; an sd of 0 gives the mean at both ends.
    let s = sensitivity(&params("runs=200&level=10&level_sd=100&trend_sd=0"), TargetId::T1);
    assert_eq!(bar(&s, Key::Level).low_value, 0.0);
    let trend = bar(&s, Key::Trend);
    assert_eq!((trend.low_value, trend.high_value, trend.swing), (0.0, 0.0, Some(0.0)));
    assert_eq!(trend.low, s.base);
    assert_eq!(rho(&s, Driver::Trend), None, "a constant column has no rank correlation");
}

#[test]
fn idle_levers_make_their_parameters_irrelevant() {
    // longer and aid idle: eps and theta change no count at all.
    let s = sensitivity(&params("runs=1000"), TargetId::T1);
    for key in [Key::Eps, Key::Theta] {
        let b = bar(&s, key);
        assert_eq!((b.low, b.high, b.swing), (s.base, s.base, Some(0.0)), "{key:?}");
    }
    assert_eq!(s.tornado[0].key, Key::Level, "L matters most in the first quarter");
    assert!(bar(&s, Key::Level).low.unwrap().p > s.base.unwrap().p, "a lower L makes the target likelier");
    // With the hulpmiddel in use theta matters, and more effect means less intake.
    let s = sensitivity(&params("runs=1000&aid=100&aid_ramp=0"), TargetId::T1);
    let theta = bar(&s, Key::Theta);
    assert!(theta.swing.unwrap() > 0.05, "{theta:?}");
    assert!(theta.high.unwrap().p > theta.low.unwrap().p);
    assert!(rho(&s, Driver::Theta).unwrap() < -0.1, "{:?}", s.correlations);
}

#[test]
fn rank_correlations_name_the_drivers() {
    let s = sensitivity(&params("runs=2000"), TargetId::T1);
    assert!(rho(&s, Driver::Level).unwrap() > 0.3);
    assert!(rho(&s, Driver::Fluctuation).unwrap() > 0.5, "three months: the fluctuation dominates");
    assert!(rho(&s, Driver::Eps).unwrap().abs() < 0.1, "eps has no effect with lever 1 idle");
    // Over the last year of 2030 the trend has had seven years to work.
    let s = sensitivity(&params("runs=2000"), TargetId::T2);
    assert!(rho(&s, Driver::Trend).unwrap() > 0.8);
    for c in &s.correlations {
        assert!(c.rho.is_some_and(|r| (-1.0..=1.0).contains(&r)), "{c:?}");
    }
}

#[test]
fn a_window_outside_the_projection_has_no_numbers() {
    let s = sensitivity(&params("runs=200&start=2025-01"), TargetId::T1);
    assert_eq!(s.status, WindowStatus::Outside);
    assert_eq!(s.base, None);
    assert!(s.tornado.iter().all(|b| b.low.is_none() && b.high.is_none() && b.swing.is_none()));
    assert!(s.correlations.iter().all(|c| c.rho.is_none()));
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["status"], "outside");
    assert_eq!(json["tornado"][0]["key"], "level");
    assert_eq!(json["tornado"][0]["sd_key"], "level_sd");
}
