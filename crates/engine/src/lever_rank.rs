//! Which measure matters most: the lever table.
//!
//! Each lever alone, every other lever at today's value (so the table does not
//! depend on the scenario's lever settings, only on its assumptions, targets,
//! settings and the lever's own start month and ramp), evaluated twice:
//!
//! - at its strongest value (the end of its range that lowers the intake,
//!   `LeverRow::strongest`: longer 100 %, aid 100 %, youth 0 %, region 50 %);
//! - 10 points of its scale ([`STEP_POINTS`]) from today's value towards the
//!   strongest, at most the strongest (longer 35 %, aid 10 %, youth youth0 − 10
//!   but at least 0, region 10 %).
//!
//! Each evaluation simulates the scenario's seed and runs over the whole
//! horizon with [`crate::simulate`]'s own run code (common random numbers:
//! every run keeps its parameter draws and fluctuation whatever the lever), and
//! gives P(target) for every target by the rule of [`crate::targets`] and the
//! clients averted against no levers, per run
//! sum over m of (base(m) − expected(m)) fluct(m), as in the projection, and
//! their mean over the runs. One more evaluation without any lever gives the
//! reference probabilities: 2 × 4 + 1 = 9 in all. Rows are sorted by the
//! clients averted at the strongest value, most first (ties keep lever order).
//!
//! The regional lever is an assumed direct cut of the intake, not a mechanism
//! of the model; its row carries `assumed_cut` so the page marks it.

pub use wlz_scenario::lever_rank::*;

use crate::model_params::ModelParams;
use crate::simulate::Context;
use crate::solve::percent;
use crate::stats::Probability;
use crate::targets::{TargetId, WindowStatus, meets};
use wlz_scenario::lever::{Direction, LeverId};

/// The lever table of `params` (its seed and runs; at least 1 run).
pub fn lever_ranking(params: &ModelParams) -> LeverRanking {
    let mut idle = params.clone();
    for lever in &mut idle.levers.0 {
        lever.target = lever.today;
    }
    let without = effect(&idle, f64::NAN).targets;
    let mut rows: Vec<RankedLever> = LeverId::ALL
        .into_iter()
        .map(|id| {
            let row = id.row();
            let today = percent(params.levers[id].today);
            let strongest = row.strongest();
            let per_ten = match row.direction {
                Direction::Up => (today + STEP_POINTS).min(strongest),
                Direction::Down => (today - STEP_POINTS).max(strongest),
            };
            let alone = |value: f64| {
                let mut p = idle.clone();
                p.levers[id].target = value / 100.0;
                effect(&p, value)
            };
            RankedLever {
                lever: id,
                today,
                strongest: alone(strongest),
                per_ten: alone(per_ten),
                assumed_cut: row.assumed_cut,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.strongest.averted.total_cmp(&a.strongest.averted));
    LeverRanking { runs: params.runs.max(1), without, rows }
}

/// P(target) for every target and the mean clients averted of `params`, whose
/// moved lever stands at `value` (percent, reported as is).
fn effect(params: &ModelParams, value: f64) -> LeverEffect {
    let runs = params.runs.max(1);
    let ctx = Context::new(params);
    let months = ctx.months();
    let specs = TargetId::ALL.map(|t| t.spec(params));
    let inside = specs.map(|s| WindowStatus::of(s.from, s.to, months as u32) == WindowStatus::Inside);
    let mut met = [0u32; TargetId::ALL.len()];
    let mut averted_sum = 0.0;
    for r in 0..runs {
        let mut window_sums = [0u64; TargetId::ALL.len()];
        let mut averted = 0.0;
        ctx.simulate_run(u64::from(r), months, |step| {
            averted += (step.base - step.expected) * step.fluct;
            for (sum, spec) in window_sums.iter_mut().zip(&specs) {
                if (spec.from..=spec.to).contains(&(step.m as i32)) {
                    *sum += u64::from(step.count);
                }
            }
        });
        averted_sum += averted;
        for (i, spec) in specs.iter().enumerate() {
            let length = (spec.to - spec.from + 1).max(1) as usize;
            met[i] += u32::from(inside[i] && meets(window_sums[i], length, spec.threshold));
        }
    }
    LeverEffect {
        value,
        targets: (0..specs.len()).map(|i| inside[i].then(|| Probability::of_runs(met[i], runs))).collect(),
        averted: averted_sum / f64::from(runs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_rows_sorted_with_the_regional_lever_marked() {
        let params = ModelParams { runs: 300, ..crate::Scenario::default().model_params() };
        let table = lever_ranking(&params);
        assert_eq!(table.rows.len(), 4);
        assert!(table.rows.windows(2).all(|w| w[0].strongest.averted >= w[1].strongest.averted));
        let row = |id| table.rows.iter().find(|r| r.lever == id).unwrap();
        assert!(row(LeverId::Region).assumed_cut && !row(LeverId::Aid).assumed_cut);
        assert_eq!((row(LeverId::Longer).today, row(LeverId::Longer).per_ten.value), (25.0, 35.0));
        assert_eq!((row(LeverId::Youth).strongest.value, row(LeverId::Youth).per_ten.value), (0.0, 0.0));
        assert_eq!(row(LeverId::Region).strongest.value, 50.0);
        for r in &table.rows {
            assert!(r.strongest.averted >= r.per_ten.averted && r.per_ten.averted > 0.0, "{r:?}");
            assert_eq!(r.strongest.targets.len(), 2);
        }
    }

    #[test]
    fn each_cell_equals_the_projection_of_that_lever_alone() {
        let params = ModelParams { runs: 300, ..crate::Scenario::default().model_params() };
        let table = lever_ranking(&params);
        let without = crate::simulate::project(&params);
        let p = |r: &crate::output::Projection, t: usize| r.targets[t].probability;
        assert_eq!(table.without.iter().map(|t| t.map(|p| p.p)).collect::<Vec<_>>(), [p(&without, 0), p(&without, 1)]);
        for row in &table.rows {
            for effect in [&row.strongest, &row.per_ten] {
                let mut alone = params.clone();
                alone.levers[row.lever].target = effect.value / 100.0;
                let projection = crate::simulate::project(&alone);
                let shown: Vec<_> = effect.targets.iter().map(|t| t.map(|p| p.p)).collect();
                assert_eq!(shown, [p(&projection, 0), p(&projection, 1)], "{:?}", row.lever);
                assert!(
                    (effect.averted - projection.averted.mean).abs() < 1e-9 * projection.averted.mean.abs().max(1.0)
                );
            }
        }
    }

    #[test]
    fn the_table_ignores_the_scenarios_lever_settings() {
        let mut s = crate::Scenario::default();
        let base = ModelParams { runs: 200, ..s.model_params() };
        s.set_text("aid", "80").unwrap();
        s.set_text("region", "20").unwrap();
        let moved = ModelParams { runs: 200, ..s.model_params() };
        assert_eq!(lever_ranking(&base), lever_ranking(&moved));
    }
}
