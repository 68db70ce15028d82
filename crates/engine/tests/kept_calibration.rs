//! A kept calibration ([`Kept`]) changes no number: a scenario whose
//! calibration inputs equal the kept one's takes its posterior, any other is
//! calibrated again, and either way the projection is the fresh one to the bit.
//! The negative control shows that a lever acting before the start month
//! changes the posterior, so a key that left the levers out would reuse a
//! wrong posterior and the equality below would fail.

use wlz_engine::ModelParams;
use wlz_engine::calibrate::{CalibrationKey, Kept, calibrate};
use wlz_engine::codec::decode;
use wlz_engine::output::Projection;
use wlz_engine::simulate::{Context, project_runs};

const OBS: &str = "2024-01~262.251.270.244.239.266.248.231.259.247.252.238.240.236.255.229.246.233.241.224";
const RUNS: u32 = 1200;

fn params(extra: &str) -> ModelParams {
    let decoded = decode(&format!("v=2&runs={RUNS}&obs={OBS}{extra}"));
    assert!(decoded.problems.is_empty(), "{extra}: {:?}", decoded.problems);
    decoded.scenario.model_params()
}

fn kept_projection(p: &ModelParams, kept: &mut Kept) -> Projection {
    let context = Context::for_runs_kept(p, p.runs, kept);
    context.finish(&context.part(0..p.runs))
}

/// Slider moves in the order a user makes them: (query suffix, whether the calibration's inputs stay those of the one before).
const MOVES: [(&str, bool); 9] = [
    ("", false),
    ("&aid=40", true),
    ("&aid=40&aid_ramp=12", true),
    ("&aid=40&aid_ramp=12&horizon=120", true),
    ("&aid=40&aid_ramp=12&horizon=120&cut=30", true),
    // The hulpmiddel from 2024-06, inside the observed months: the months the calibration reads change.
    ("&aid=40&aid_from=2024-06&aid_ramp=0", false),
    ("&aid=40&aid_from=2024-06&aid_ramp=0&region=20", true),
    ("&aid=40&aid_from=2024-06&aid_ramp=0&region=20&seed=7", false),
    ("&aid=40&aid_from=2024-06&aid_ramp=0&region=20&seed=7&sigma=12", false),
];

#[test]
fn a_kept_posterior_gives_the_fresh_projection_to_the_bit() {
    let mut kept = Kept::default();
    let mut previous: Option<CalibrationKey> = None;
    for (extra, same) in MOVES {
        let p = params(extra);
        let key = CalibrationKey::of(&p, p.runs);
        if let Some(previous) = &previous {
            assert_eq!(*previous == key, same, "{extra}: whether the calibration's inputs stay");
        }
        previous = Some(key);
        assert!(calibrate(&p, p.runs).is_some(), "{extra}: observations condition the runs");
        let fresh = project_runs(&p, p.runs);
        assert_eq!(kept_projection(&p, &mut kept), fresh, "{extra}");
        assert_eq!(kept_projection(&p, &mut kept).checksum(), fresh.checksum(), "{extra}: kept twice");
    }
}

#[test]
fn negative_control_a_lever_before_the_start_changes_the_posterior() {
    // From 2024-06 or from the start month, at full value without a ramp:
    // the same lever path over the projected months, different over the observed ones.
    let (before, at_start) = (params("&aid=40&aid_from=2024-06&aid_ramp=0"), params("&aid=40&aid_ramp=0"));
    assert_ne!(CalibrationKey::of(&before, RUNS), CalibrationKey::of(&at_start, RUNS));
    assert_ne!(calibrate(&before, RUNS), calibrate(&at_start, RUNS), "the observed months' levers matter");
    // Reusing at_start's posterior for `before` would give at_start's projection, which differs.
    let mut kept = Kept::default();
    let reused_would_be = kept_projection(&at_start, &mut kept);
    assert_ne!(project_runs(&before, RUNS), reused_would_be);
    assert_eq!(kept_projection(&before, &mut kept), project_runs(&before, RUNS));
}

#[test]
fn without_observations_nothing_is_calibrated_or_kept() {
    let p = decode("v=2&runs=300&aid=40").scenario.model_params();
    let mut kept = Kept::default();
    assert_eq!(kept.posterior(&p, p.runs), None);
    assert_eq!(kept_projection(&p, &mut kept), project_runs(&p, p.runs));
}
