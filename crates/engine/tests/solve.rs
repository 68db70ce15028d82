//! What would it take, end to end: the answer of `solve` is a scenario that
//! reaches the confidence while the grid point before it does not; the
//! answer's probability is what the full projection of that scenario gives;
//! and P(level) on common random numbers is monotone up to a few runs, as
//! measured on whole grids.

use wlz_engine::codec::decode;
use wlz_engine::lever::LeverId;
use wlz_engine::model_params::ModelParams;
use wlz_engine::params::Key;
use wlz_engine::simulate::project;
use wlz_engine::solve::{STEP, SolveError, SolveLever, probability_at, solve};
use wlz_engine::targets::{TargetId, WindowStatus};
use wlz_engine::{Scenario, codec};

/// The scenario of `query` with `runs` runs.
fn scenario(query: &str, runs: u32) -> Scenario {
    let decoded = decode(query);
    assert!(decoded.problems.is_empty(), "{query}: {:?}", decoded.problems);
    let mut s = decoded.scenario;
    s.set(Key::Runs, f64::from(runs)).unwrap();
    s
}

/// P(target) of the full projection of `params`.
fn projected(params: &ModelParams, target: TargetId) -> f64 {
    let i = TargetId::ALL.iter().position(|&t| t == target).unwrap();
    project(params).targets[i].probability.expect("window inside")
}

/// Every candidate level of the search, today's value first (URL units).
fn grid(today: f64, strongest: f64) -> Vec<f64> {
    let mut levels = vec![today];
    let (a, b) = ((today / STEP).round() as i64, (strongest / STEP).round() as i64);
    let dir = if b >= a { 1 } else { -1 };
    let mut k = a + dir;
    while (b - k) * dir > 0 {
        levels.push(k as f64 / 10.0);
        k += dir;
    }
    levels.push(strongest);
    levels
}

#[test]
fn the_answer_is_a_scenario_that_reaches_the_confidence() {
    // Target 1 at 270/month (cut 10 %): reachable with each lever.
    let s = scenario("cut=10&longer_ramp=0&aid_ramp=0&youth_ramp=0&region_ramp=0", 2_000);
    let params = s.model_params();
    for id in LeverId::ALL {
        let lever = SolveLever::One(id);
        let sol = solve(&params, lever, TargetId::T1, 0.9).unwrap();
        let level = sol.level.unwrap_or_else(|| panic!("{lever:?}: not reached: {sol:?}"));
        let p = sol.probability.unwrap();
        assert!(p >= 0.9, "{lever:?}: {p}");
        let below = sol.below.expect("the grid point before the answer");
        assert!(below.probability < 0.9, "{lever:?}: {below:?}");
        assert!((below.level - level).abs() <= STEP + 1e-9, "{lever:?}: {} then {level}", below.level);
        // The same level set as the scenario's value gives exactly this probability.
        let key = id.row().value;
        let mut answered = s.clone();
        answered.set(key, level).unwrap();
        assert_eq!(projected(&answered.model_params(), TargetId::T1), p, "{lever:?} at {level}");
        assert!(sol.evaluations <= 2 + 4 * 10, "{lever:?}: {} evaluations", sol.evaluations);
        let levers = sol.levers.unwrap();
        for other in LeverId::ALL.into_iter().filter(|&o| o != LeverId::Youth) {
            assert_eq!(levers[other], answered.get(other.row().value), "{other:?}");
        }
    }
}

#[test]
fn youth_is_lowered_and_the_least_change_is_reported() {
    let s = scenario("cut=10&youth_ramp=0", 2_000);
    let sol = solve(&s.model_params(), SolveLever::One(LeverId::Youth), TargetId::T1, 0.85).unwrap();
    let level = sol.level.expect("reachable");
    assert!(level < 10.0, "{level}");
    let above = sol.below.expect("the value before, closer to youth0");
    assert!(above.level > level && above.probability < 0.85);
    assert_eq!(sol.today.level, 10.0);
    assert_eq!(sol.strongest.level, 0.0);
}

#[test]
fn all_levers_together_give_a_link_with_the_same_probability() {
    let s = scenario("t2=180&horizon=60", 1_000);
    let sol = solve(&s.model_params(), SolveLever::All, TargetId::T2, 0.8).unwrap();
    assert!(sol.level.is_some(), "{sol:?}");
    let v = sol.levers.unwrap();
    let mut answered = s.clone();
    for (lever, &value) in v.iter() {
        answered.set(lever.row().value, value).unwrap();
    }
    // Through the link, as the page would apply it.
    let reread = decode(&codec::encode(&answered)).scenario;
    assert_eq!(projected(&reread.model_params(), TargetId::T2), sol.probability.unwrap());
}

#[test]
fn today_when_already_reached_none_when_out_of_reach() {
    let p = scenario("cut=10", 1_000).model_params();
    let sol = solve(&p, SolveLever::One(LeverId::Longer), TargetId::T1, 0.6).unwrap();
    assert_eq!((sol.level, sol.below, sol.evaluations), (Some(25.0), None, 2));
    assert_eq!(sol.probability, Some(projected(&p, TargetId::T1)));
    let p = scenario("", 1_000).model_params();
    let sol = solve(&p, SolveLever::One(LeverId::Aid), TargetId::T2, 0.8).unwrap();
    assert_eq!((sol.level, sol.probability, sol.levers, sol.evaluations), (None, None, None, 2));
    assert!(sol.strongest.probability < 0.8 && sol.strongest.level == 100.0);
    let json = serde_json::to_value(&sol).unwrap();
    for key in ["lever", "target", "confidence", "level", "probability"] {
        assert!(json.get(key).is_some(), "{key}");
    }
    assert_eq!(
        (json["lever"].as_str(), json["target"].as_str(), json["confidence"].as_f64()),
        (Some("aid"), Some("t2"), Some(80.0))
    );
    assert!(json["level"].is_null());
}

#[test]
fn bad_requests_are_refused() {
    let p = scenario("start=2025-01", 500).model_params();
    assert_eq!(
        solve(&p, SolveLever::One(LeverId::Aid), TargetId::T1, 0.8).unwrap_err(),
        SolveError::Window { target: TargetId::T1, status: WindowStatus::Outside }
    );
    let p = scenario("", 500).model_params();
    for c in [0.49, 1.0, -0.1] {
        assert!(
            matches!(solve(&p, SolveLever::One(LeverId::Aid), TargetId::T1, c), Err(SolveError::Confidence { .. })),
            "{c}"
        );
    }
    assert!(matches!(
        probability_at(&p, SolveLever::One(LeverId::Youth), TargetId::T1, 11.0),
        Err(SolveError::Level { .. })
    ));
    assert!(matches!(
        probability_at(&p, SolveLever::One(LeverId::Region), TargetId::T1, 50.5),
        Err(SolveError::Level { .. })
    ));
    assert!(probability_at(&p, SolveLever::One(LeverId::Region), TargetId::T1, 50.0).is_ok());
}

/// How far P(level) steps back between neighbouring grid points, on common
/// random numbers: the Poisson counts come from rejection sampling (PTRS), so
/// a run's count is not strictly monotone in its mean. Measured at 10,000
/// runs on nine whole grids (0.1 apart; 5,500 steps in all): 19 % of the steps
/// went back, by at most 17 runs (0.17 percentage point); the largest fall
/// below an earlier level was 17 runs; every curve crossed 80 % once. Here a
/// smaller version: the fall stays below 1 % of the runs and `solve` finds
/// the first level of the grid that reaches the confidence.
#[test]
fn probability_is_monotone_in_the_level_up_to_a_few_runs() {
    let cases = [
        ("cut=10&region_ramp=3", SolveLever::One(LeverId::Region), TargetId::T1, 2_000, 0.0, 50.0),
        ("cut=10&youth_ramp=0", SolveLever::One(LeverId::Youth), TargetId::T1, 2_000, 10.0, 0.0),
        ("", SolveLever::All, TargetId::T1, 2_000, 0.0, 100.0),
        ("t2=220&horizon=36", SolveLever::One(LeverId::Longer), TargetId::T2, 1_000, 25.0, 100.0),
    ];
    for (query, lever, target, runs, today, strongest) in cases {
        let p = scenario(query, runs).model_params();
        let levels = grid(today, strongest);
        let met: Vec<f64> = levels
            .iter()
            .map(|&l| probability_at(&p, lever, target, l).unwrap().probability * f64::from(runs))
            .collect();
        let (mut back, mut highest, mut fall) = (0, 0.0f64, 0.0f64);
        for (i, &m) in met.iter().enumerate() {
            if i > 0 && m < met[i - 1] {
                back += 1;
            }
            highest = highest.max(m);
            fall = fall.max(highest - m);
        }
        let rise = met.last().unwrap() - met[0];
        assert!(rise > 0.05 * f64::from(runs), "{query} {lever:?}: the lever hardly moves P ({rise} runs)");
        assert!(fall <= 0.01 * f64::from(runs), "{query} {lever:?}: P falls back by {fall} runs");
        assert!(back < levels.len() / 2, "{query} {lever:?}: {back} of {} steps go back", levels.len());
        // The confidence halfway up the curve: solve finds the first level that reaches it.
        let confidence = ((met[0] + met.last().unwrap()) / 2.0 / f64::from(runs)).clamp(0.5, 0.999);
        let first = met.iter().position(|&m| m / f64::from(runs) >= confidence).map(|i| levels[i]);
        let sol = solve(&p, lever, target, confidence).unwrap();
        assert_eq!(sol.level, first, "{query} {lever:?} at {confidence}");
    }
}
