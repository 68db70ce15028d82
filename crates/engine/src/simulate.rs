//! The Monte Carlo projection: runs the model and gathers every output.
//!
//! Per run r (sub-streams [`RunRng::for_stream`]`(seed, r, quantity)`): the
//! run's parameters ([`RunDraws`]: drawn from their prior, or in model 2 with
//! observations the run's posterior draw, see [`crate::calibrate`]), then for
//! m = 0..horizon:
//!
//! ```text
//! z(m)       = phi z(m-1) + sigma sqrt(1 - phi^2) e(m)        e ~ N(0, 1)
//! fluct(m)   = exp(z(m) - sigma^2 / 2)                        one libm exp per month
//! base(m)    = F + (L - F) q^(m + lag),  q = (1 + g)^(1/12)   running product; model 1: F = 0, lag = 0
//! count(m)   ~ Poisson(expected(m) fluct(m))
//! averted   += (base(m) - expected(m)) fluct(m)
//! S(m + 1)   = S(m) (1 - mu) + count(m)
//! ```
//!
//! Runs are independent. Their sums are gathered in a [`Part`] (a range of
//! runs); parts merge exactly in model 2 (fixed-point sums, see
//! [`crate::accumulate`]), so a projection split over threads or workers is
//! the same to the bit whatever the split. Model 1 sums in run order in one part.

use crate::accumulate::{Acc, CountHistogram, FixedSum, FloatSum};
use crate::attribution::Attribution;
use crate::calibrate::{Kept, Posterior};
use crate::model::{LeverPath, RUN_LEVER_COUNT, RUN_LEVERS, RUN_SUBSETS, RunDraws, cell_factors, run_factor};
use crate::model_params::ModelParams;
use crate::output::{Calibration, Cells, MonthStats, Projection};
use crate::params::KeySet;
use crate::rng::{RunRng, Stream};
use crate::sampling::{Ziggurat, poisson};
use crate::stats::{MONTH_PROBS, Summary};
use crate::targets::{PerTarget, TargetId, TargetTally, Window};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::Arc;

/// Run sums of one month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct MonthSums<A> {
    /// Per subset S of the per-run levers (bit j: [`RUN_LEVERS`]`[j]`), the sum of
    /// base times the factors of the levers in S (clients/month); the attribution's input.
    pub subsets: [A; RUN_SUBSETS],
    /// Sum of base times the per-run levers' factors on the Wmo-origin cells (clients/month).
    wmo_cells: A,
    /// Sum of base times the per-run levers' factors on the other cells (clients/month).
    other_cells: A,
    /// Sum of the counts (clients).
    count: u64,
    /// Sum of the stock at the end of the month (clients).
    stock: A,
    /// The counts (clients), for the month's percentiles.
    histogram: CountHistogram,
}

impl<A: Acc> Default for MonthSums<A> {
    fn default() -> MonthSums<A> {
        MonthSums {
            subsets: [A::default(); RUN_SUBSETS],
            wmo_cells: A::default(),
            other_cells: A::default(),
            count: 0,
            stock: A::default(),
            histogram: CountHistogram::default(),
        }
    }
}

impl<A: Acc> MonthSums<A> {
    fn merge(&mut self, other: &MonthSums<A>) {
        for (a, b) in self.subsets.iter_mut().zip(&other.subsets) {
            a.merge(b);
        }
        self.wmo_cells.merge(&other.wmo_cells);
        self.other_cells.merge(&other.other_cells);
        self.count += other.count;
        self.stock.merge(&other.stock);
        self.histogram.merge(&other.histogram);
    }
}

/// What one run leaves besides its counts.
#[derive(Clone, Copy, Debug)]
struct RunEnd {
    /// Sum of the run's counts (clients).
    cumulative: u64,
    /// Clients averted against no levers (clients).
    averted: f64,
    /// Stock at the end of the horizon (clients).
    stock_end: f64,
}

/// One projected month of one run, as [`Context::simulate_run`] hands it out.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Step {
    /// Month offset m (0 = start month).
    pub m: usize,
    /// base(m) (clients/month).
    pub base: f64,
    /// The per-run levers' factors on the whole intake, in [`RUN_LEVERS`] order (unitless).
    pub factors: [f64; RUN_LEVER_COUNT],
    /// base(m) times the per-run levers' factors on the Wmo-origin cells (clients/month).
    pub wmo_cells: f64,
    /// base(m) times the per-run levers' factors on the other cells (clients/month).
    pub other_cells: f64,
    /// expected(m) (clients/month).
    pub expected: f64,
    /// fluct(m) = exp(z(m) - sigma^2 / 2) (unitless).
    pub fluct: f64,
    /// The Poisson count (clients).
    pub count: u32,
}

impl Step {
    /// base(m) times the factors of the per-run levers in `subset` (bit j:
    /// [`RUN_LEVERS`]`[j]`), multiplied in lever order (clients/month).
    #[inline(always)]
    fn subset(&self, subset: usize) -> f64 {
        let mut x = self.base;
        for (j, f) in self.factors.iter().enumerate() {
            if subset & (1 << j) != 0 {
                x *= f;
            }
        }
        x
    }
}

/// Everything a run needs that is the same for all runs: the scenario, the
/// levers' path, the targets' windows and, in model 2 with observations, the posterior.
pub struct Context {
    params: ModelParams,
    path: LeverPath,
    /// The factors of the levers that act the same in every run, multiplied
    /// in lever order (exactly 1 for idle levers), per month.
    fixed_product: Vec<f64>,
    windows: PerTarget<Window>,
    posterior: Option<Arc<Posterior>>,
    innovation_sd: f64,
    half_var: f64,
    keep: f64,
    zig: &'static Ziggurat,
}

impl Context {
    /// The context of `params` for its own number of runs (the calibration, if
    /// any, has `params.runs` particles).
    pub fn new(params: &ModelParams) -> Context {
        Context::for_runs(params, params.runs)
    }

    /// The context of `params` for projections of up to `runs` runs: the
    /// posterior has max(`params.runs`, `runs`) particles, one per run.
    pub fn for_runs(params: &ModelParams, runs: u32) -> Context {
        Context::for_runs_kept(params, runs, &mut Kept::default())
    }

    /// [`Context::for_runs`], its posterior taken from `kept` when the
    /// calibration's inputs are those of the one kept there (the same bits), else computed and kept.
    pub fn for_runs_kept(params: &ModelParams, runs: u32, kept: &mut Kept) -> Context {
        let mut context = Context::uncalibrated(params);
        context.posterior = kept.posterior(params, params.runs.max(runs));
        context
    }

    /// The context without the calibration (for the parts of a projection that do not run the model).
    fn uncalibrated(params: &ModelParams) -> Context {
        let path = LeverPath::new(params);
        let fixed_product = (0..path.months())
            .map(|m| {
                let mut fixed = crate::model::FIXED_LEVERS.iter().map(|&l| path.input[l][m]);
                let first = fixed.next().unwrap_or(1.0);
                fixed.fold(first, |x, f| x * f)
            })
            .collect();
        let horizon = path.months() as u32;
        Context {
            windows: PerTarget::from_fn(|t| Window::new(params.targets[t], horizon, params)),
            params: params.clone(),
            path,
            fixed_product,
            posterior: None,
            innovation_sd: params.sigma * (1.0 - params.phi * params.phi).max(0.0).sqrt(),
            half_var: 0.5 * params.sigma * params.sigma,
            keep: 1.0 - params.outflow,
            zig: Ziggurat::get(),
        }
    }

    /// The scenario in model units.
    pub fn params(&self) -> &ModelParams {
        &self.params
    }

    /// What the calibration says, when observations condition the runs.
    pub fn calibration(&self) -> Option<&Calibration> {
        self.posterior.as_ref().map(|p| &p.calibration)
    }

    /// Number of projected months.
    pub(crate) fn months(&self) -> usize {
        self.path.months()
    }

    /// Simulates months 0..`months` (at most the horizon) of run `r`, handing
    /// each month to `visit` in order; returns the run's parameter draws.
    /// Every output of a projection and every fast path is built from these
    /// steps, so a run's numbers are the same whatever is gathered from it.
    #[inline(always)]
    pub(crate) fn simulate_run(&self, r: u64, months: usize, mut visit: impl FnMut(&Step)) -> RunDraws {
        let (params, path, zig) = (&self.params, &self.path, self.zig);
        let mut fluctuation = RunRng::for_stream(params.seed, r, Stream::Fluctuation);
        let mut counts_rng = RunRng::for_stream(params.seed, r, Stream::Counts);
        let d = match &self.posterior {
            Some(posterior) => posterior.draws[r as usize],
            None => RunDraws::sample(params, r, &mut fluctuation, zig),
        };
        let mut z = d.z_start;
        let mut growth =
            if params.anchor_lag == 0 { 1.0 } else { libm::pow(d.monthly_growth, f64::from(params.anchor_lag)) };
        let floor = params.floor;
        for m in 0..months.min(self.months()) {
            z = params.phi * z + self.innovation_sd * zig.sample(&mut fluctuation);
            let fluct = libm::exp(z - self.half_var);
            let base = if floor == 0.0 { d.level * growth } else { floor + (d.level - floor) * growth };
            growth *= d.monthly_growth;
            let mut factors = [1.0; RUN_LEVER_COUNT];
            let (mut with_levers, mut wmo_cells, mut other_cells) = (base, base, base);
            for (f, &lever) in factors.iter_mut().zip(&RUN_LEVERS) {
                let input = path.input[lever][m];
                *f = run_factor(lever, input, &d, params.wmo);
                with_levers *= *f;
                let (wmo, other) = cell_factors(lever, input, &d);
                wmo_cells *= wmo;
                other_cells *= other;
            }
            let expected = with_levers * self.fixed_product[m];
            let count = poisson(&mut counts_rng, expected * fluct);
            visit(&Step { m, base, factors, wmo_cells, other_cells, expected, fluct, count });
        }
        d
    }

    /// Simulates run `r`: writes its counts to `counts` (one per month) and
    /// adds its terms to `sums` (one per month).
    #[inline]
    fn run<A: Acc>(&self, r: u64, counts: &mut [u32], sums: &mut [MonthSums<A>]) -> RunEnd {
        let keep = self.keep;
        let mut stock = self.params.stock;
        let mut averted = 0.0;
        let mut cumulative = 0u64;
        let months = counts.len().min(sums.len());
        let mut slots = counts.iter_mut().zip(sums.iter_mut());
        self.simulate_run(r, months, |st| {
            let Some((count_out, s)) = slots.next() else { return };
            let count = st.count;
            averted += (st.base - st.expected) * st.fluct;
            stock = stock * keep + f64::from(count);
            cumulative += u64::from(count);
            *count_out = count;
            for (subset, sum) in s.subsets.iter_mut().enumerate() {
                sum.add(st.subset(subset));
            }
            s.wmo_cells.add(st.wmo_cells);
            s.other_cells.add(st.other_cells);
            s.count += u64::from(count);
            s.stock.add(stock);
            s.histogram.add(count);
        });
        RunEnd { cumulative, averted, stock_end: stock }
    }

    /// The sums of runs `runs`; with `counts`, every run's counts are also
    /// written month-major into it (`counts[m * n + (r - runs.start)]`, n the number of runs).
    fn part_of<A: Acc>(&self, runs: Range<u32>, mut counts: Option<&mut Vec<u32>>) -> PartOf<A> {
        let h = self.months();
        let n = runs.len();
        let mut sums = vec![MonthSums::<A>::default(); h];
        let mut run_counts = vec![0u32; h];
        let mut tallies: Vec<TargetTally> = TargetId::ALL.iter().map(|_| TargetTally::new(h as u32)).collect();
        let (mut cumulative, mut averted, mut stock_end) =
            (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        if let Some(all) = counts.as_deref_mut() {
            all.clear();
            all.resize(h * n, 0);
        }
        for (i, r) in runs.clone().enumerate() {
            let end = self.run(u64::from(r), &mut run_counts, &mut sums);
            if let Some(all) = counts.as_deref_mut() {
                for (m, &c) in run_counts.iter().enumerate() {
                    all[m * n + i] = c;
                }
            }
            for (tally, (_, window)) in tallies.iter_mut().zip(self.windows.iter()) {
                tally.record(window, &run_counts);
            }
            cumulative.push(end.cumulative as f64);
            averted.push(end.averted);
            stock_end.push(end.stock_end);
        }
        PartOf { runs, months: sums, tallies, cumulative, averted, stock_end, calibration: self.calibration().cloned() }
    }

    /// The sums of runs `runs` in the accumulator of the scenario's model.
    pub fn part(&self, runs: Range<u32>) -> Part {
        match self.params.keys {
            KeySet::V1 => Part::Model1(self.part_of(runs, None)),
            KeySet::V2 => Part::Model2(self.part_of(runs, None)),
        }
    }

    /// The projection of the first `runs` runs, with every run's counts (month-major).
    pub(crate) fn project_with_counts(&self, runs: u32) -> (Projection, Vec<u32>) {
        let mut counts = Vec::new();
        let runs = 0..runs.max(1);
        let projection = match self.params.keys {
            KeySet::V1 => self.finish_of(&self.part_of::<FloatSum>(runs, Some(&mut counts))),
            KeySet::V2 => self.finish_of(&self.part_of::<FixedSum>(runs, Some(&mut counts))),
        };
        (projection, counts)
    }

    /// The projection from the merged sums of runs 0..n.
    pub fn finish(&self, part: &Part) -> Projection {
        match part {
            Part::Model1(p) => self.finish_of(p),
            Part::Model2(p) => self.finish_of(p),
        }
    }

    fn finish_of<A: Acc>(&self, part: &PartOf<A>) -> Projection {
        let params = &self.params;
        let runs = part.runs.len().max(1) as u32;
        let n = runs as usize;
        let months = month_stats(params, &self.path, &part.months, n);
        let attribution = Attribution::new(&part.months, &self.path, runs);
        let start = params.start;
        let targets = TargetId::ALL
            .iter()
            .zip(&part.tallies)
            .map(|(&id, tally)| tally.finish(id, &self.windows[id], start))
            .collect();
        let summary = |values: &[f64]| Summary::of(&mut values.to_vec());
        Projection {
            model_version: params.keys.model_version().to_string(),
            seed: params.seed,
            runs,
            months,
            targets,
            cumulative: summary(&part.cumulative),
            averted: summary(&part.averted),
            expected_without_levers: attribution.without_levers(),
            expected_with_levers: attribution.with_levers(),
            contributions: attribution.contributions,
            stock_end: summary(&part.stock_end),
            calibration: part.calibration.clone(),
        }
    }
}

/// The sums of a contiguous range of runs of one scenario, in the accumulator `A` of its model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartOf<A> {
    /// The runs covered (run indices).
    pub runs: Range<u32>,
    months: Vec<MonthSums<A>>,
    tallies: Vec<TargetTally>,
    /// Per run, in run order: cumulative intake, clients averted, stock at the end (clients).
    cumulative: Vec<f64>,
    averted: Vec<f64>,
    stock_end: Vec<f64>,
    /// The calibration the runs were drawn from (the same in every part of a scenario).
    calibration: Option<Calibration>,
}

impl<A: Acc> PartOf<A> {
    /// Appends `next`, the part of the runs right after these.
    fn append(&mut self, next: &PartOf<A>) {
        for (a, b) in self.months.iter_mut().zip(&next.months) {
            a.merge(b);
        }
        for (a, b) in self.tallies.iter_mut().zip(&next.tallies) {
            a.merge(b);
        }
        self.cumulative.extend_from_slice(&next.cumulative);
        self.averted.extend_from_slice(&next.averted);
        self.stock_end.extend_from_slice(&next.stock_end);
        self.runs.end = next.runs.end;
    }
}

/// The sums of a range of runs of one scenario, as its model keeps them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Part {
    /// Model 1: `f64` sums in run order; a projection is one part.
    Model1(PartOf<FloatSum>),
    /// Model 2: fixed-point sums; parts of any split merge to the same bits.
    Model2(PartOf<FixedSum>),
}

/// Why parts cannot be merged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartError {
    /// No part was given.
    Empty,
    /// The parts are of different models, scenarios or horizons.
    Mismatch,
    /// The runs of the parts leave a gap or overlap (after sorting): the run where it happens.
    NotContiguous(u32),
    /// Model 1 sums in run order: its projections are computed in one part.
    NotSplittable,
}

impl std::fmt::Display for PartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PartError::Empty => write!(f, "no part to merge"),
            PartError::Mismatch => write!(f, "the parts belong to different scenarios"),
            PartError::NotContiguous(run) => write!(f, "the parts' runs do not follow each other at run {run}"),
            PartError::NotSplittable => write!(f, "a model-1 projection is computed in one part"),
        }
    }
}

impl std::error::Error for PartError {}

impl Part {
    /// The runs covered.
    pub fn runs(&self) -> Range<u32> {
        match self {
            Part::Model1(p) => p.runs.clone(),
            Part::Model2(p) => p.runs.clone(),
        }
    }

    /// Merges parts of one scenario given in any order into the part of all
    /// their runs; they must cover a contiguous range of runs. Exact in model 2;
    /// model 1 accepts a single part only.
    pub fn merge(mut parts: Vec<Part>) -> Result<Part, PartError> {
        parts.sort_by_key(|p| p.runs().start);
        let mut iter = parts.into_iter();
        let mut whole = iter.next().ok_or(PartError::Empty)?;
        for next in iter {
            match (&mut whole, &next) {
                (Part::Model2(a), Part::Model2(b)) => {
                    if b.runs.start != a.runs.end {
                        return Err(PartError::NotContiguous(a.runs.end));
                    }
                    if a.months.len() != b.months.len() || a.calibration != b.calibration {
                        return Err(PartError::Mismatch);
                    }
                    a.append(b);
                }
                (Part::Model1(_), Part::Model1(_)) => return Err(PartError::NotSplittable),
                _ => return Err(PartError::Mismatch),
            }
        }
        Ok(whole)
    }
}

/// True when a projection of `params` may be split over threads or workers
/// and merged (model 2); model 1's links are computed in one part.
pub fn splittable(params: &ModelParams) -> bool {
    params.keys >= KeySet::V2
}

/// The counts of run `run` alone (clients per month, months 0..horizon):
/// exactly the counts that run has in every projection that includes it.
pub fn run_counts(params: &ModelParams, run: u32) -> Vec<u32> {
    run_with_draws(params, run).1
}

/// Run `run` alone: its parameter draws (L, g, epsilon, theta, z before the
/// start) and its counts (clients per month), as in every projection that
/// includes it. Simulation-based calibration draws its "true" series this way.
pub fn run_with_draws(params: &ModelParams, run: u32) -> (RunDraws, Vec<u32>) {
    let ctx = Context::for_runs(params, run + 1);
    let mut counts = Vec::with_capacity(ctx.months());
    let draws = ctx.simulate_run(u64::from(run), ctx.months(), |st| counts.push(st.count));
    (draws, counts)
}

/// Projects all `params.runs` runs (see [`project_runs`]).
pub fn project(params: &ModelParams) -> Projection {
    project_runs(params, params.runs)
}

/// Projects the first `runs` runs (at least 1) of `params.seed`; the
/// outputs of run r are the same whatever `runs` is, so a partial projection
/// is the start of the full one. `params.runs` itself is read only by the
/// calibration (model 2 with observations: as many particles as runs).
///
/// With the `parallel` feature a model-2 projection is split into parts over
/// the threads of the current rayon pool and merged; the numbers are the same
/// to the bit whatever the number of threads (tests/threads.rs).
pub fn project_runs(params: &ModelParams, runs: u32) -> Projection {
    let ctx = Context::for_runs(params, runs);
    ctx.finish(&ctx.parts(0..runs.max(1)))
}

impl Context {
    /// The merged part of `runs`: split over the current rayon pool's threads
    /// when the `parallel` feature is on and the model allows (model 2), else in one piece.
    pub fn parts(&self, runs: Range<u32>) -> Part {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            let threads = rayon::current_num_threads() as u32;
            if splittable(&self.params) && threads > 1 && runs.len() >= 2 * MIN_PART as usize {
                let size = (runs.len() as u32).div_ceil(threads * 4).max(MIN_PART);
                let ranges: Vec<Range<u32>> =
                    runs.clone().step_by(size as usize).map(|from| from..(from + size).min(runs.end)).collect();
                let parts: Vec<Part> = ranges.into_par_iter().map(|range| self.part(range)).collect();
                return Part::merge(parts).expect("contiguous parts of one scenario");
            }
        }
        self.part(runs)
    }
}

/// The fewest runs in a part of a split projection.
#[cfg(feature = "parallel")]
const MIN_PART: u32 = 250;

/// [`project_runs`] plus every run's counts (clients/month), month-major:
/// `counts[m * n + r]` is run r's count in month m, with n = `runs.max(1)`
/// (the projection's `runs`). The projection is exactly [`project_runs`]'s.
pub fn project_runs_with_counts(params: &ModelParams, runs: u32) -> (Projection, Vec<u32>) {
    Context::for_runs(params, runs).project_with_counts(runs)
}

/// Per-month statistics from the run sums.
fn month_stats<A: Acc>(params: &ModelParams, path: &LeverPath, sums: &[MonthSums<A>], n: usize) -> Vec<MonthStats> {
    let nf = n as f64;
    let (w, y0) = (params.wmo, params.youth0);
    sums.iter()
        .enumerate()
        .map(|(m, s)| {
            let q = s.histogram.quantiles(&MONTH_PROBS);
            let young = y0 * path.youth_scale[m];
            let wmo = path.all_cells_fixed(m, w * s.wmo_cells.total() / nf);
            let other = path.all_cells_fixed(m, (1.0 - w) * s.other_cells.total() / nf);
            let mut expected = s.subsets[RUN_SUBSETS - 1].total() / nf;
            for lever in crate::model::FIXED_LEVERS {
                expected *= path.input[lever][m];
            }
            MonthStats {
                month: params.start.plus(m as i32),
                mean: s.count as f64 / nf,
                p5: q[0],
                p10: q[1],
                p25: q[2],
                p50: q[3],
                p75: q[4],
                p90: q[5],
                p95: q[6],
                expected,
                cells: Cells {
                    wmo_young: wmo * young,
                    wmo_older: wmo * (1.0 - y0),
                    other_young: other * young,
                    other_older: other * (1.0 - y0),
                },
                youth_share: young / path.youth_factor(m),
                stock_mean: s.stock.total() / nf,
            }
        })
        .collect()
}
