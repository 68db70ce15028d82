//! The Monte Carlo projection: runs the model and gathers every output.
//!
//! Per run r (sub-streams [`RunRng::for_stream`]`(seed, r, quantity)`): draw the run's
//! parameters ([`RunDraws`]), then for m = 0..horizon:
//!
//! ```text
//! z(m)       = phi z(m-1) + sigma sqrt(1 - phi^2) e(m)        e ~ N(0, 1)
//! fluct(m)   = exp(z(m) - sigma^2 / 2)                        one libm exp per month
//! base(m)    = L q^m,  q = (1 + g)^(1/12)                     running product
//! count(m)   ~ Poisson(expected(m) fluct(m))
//! averted   += (base(m) - expected(m)) fluct(m)
//! S(m + 1)   = S(m) (1 - mu) + count(m)
//! ```
//!
//! Runs are independent and simulated in order, single-threaded; all sums
//! over runs are taken in run order, so the result depends only on the
//! parameters and the number of runs.

use crate::MODEL_VERSION;
use crate::attribution::Attribution;
use crate::model::{LeverPath, RUN_LEVER_COUNT, RUN_LEVERS, RUN_SUBSETS, RunDraws, cell_factors, run_factor};
use crate::model_params::ModelParams;
use crate::output::{Cells, MonthStats, Projection};
use crate::rng::{RunRng, Stream};
use crate::sampling::{Ziggurat, poisson};
use crate::stats::{MONTH_PROBS, Summary, count_quantiles};
use crate::targets::{PerTarget, TargetTally};

/// Run sums of one month.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MonthSums {
    /// Per subset S of the per-run levers (bit j: [`RUN_LEVERS`]`[j]`), the sum of
    /// base times the factors of the levers in S (clients/month); the attribution's input.
    pub subsets: [f64; RUN_SUBSETS],
    /// Sum of base times the per-run levers' factors on the Wmo-origin cells (clients/month).
    wmo_cells: f64,
    /// Sum of base times the per-run levers' factors on the other cells (clients/month).
    other_cells: f64,
    /// Sum of the counts.
    count: u64,
    /// Sum of the stock at the end of the month.
    stock: f64,
}

impl Default for MonthSums {
    fn default() -> MonthSums {
        MonthSums { subsets: [0.0; RUN_SUBSETS], wmo_cells: 0.0, other_cells: 0.0, count: 0, stock: 0.0 }
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

/// Everything a run needs that is the same for all runs.
pub(crate) struct Context<'a> {
    params: &'a ModelParams,
    path: LeverPath,
    /// The factors of the levers that act the same in every run, multiplied
    /// in lever order (exactly 1 for idle levers), per month.
    fixed_product: Vec<f64>,
    innovation_sd: f64,
    half_var: f64,
    keep: f64,
    zig: &'static Ziggurat,
}

impl<'a> Context<'a> {
    pub(crate) fn new(params: &'a ModelParams) -> Context<'a> {
        let path = LeverPath::new(params);
        let fixed_product = (0..path.months())
            .map(|m| {
                let mut fixed = crate::model::FIXED_LEVERS.iter().map(|&l| path.input[l][m]);
                let first = fixed.next().unwrap_or(1.0);
                fixed.fold(first, |x, f| x * f)
            })
            .collect();
        Context {
            params,
            path,
            fixed_product,
            innovation_sd: params.sigma * (1.0 - params.phi * params.phi).max(0.0).sqrt(),
            half_var: 0.5 * params.sigma * params.sigma,
            keep: 1.0 - params.outflow,
            zig: Ziggurat::get(),
        }
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
        let (params, path, zig) = (self.params, &self.path, self.zig);
        let mut fluctuation = RunRng::for_stream(params.seed, r, Stream::Fluctuation);
        let mut counts_rng = RunRng::for_stream(params.seed, r, Stream::Counts);
        let d = RunDraws::sample(params, r, &mut fluctuation, zig);
        let mut z = d.z_start;
        let mut growth = 1.0;
        for m in 0..months.min(self.months()) {
            z = params.phi * z + self.innovation_sd * zig.sample(&mut fluctuation);
            let fluct = libm::exp(z - self.half_var);
            let base = d.level * growth;
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
    fn run(&self, r: u64, counts: &mut [u32], sums: &mut [MonthSums]) -> RunEnd {
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
                *sum += st.subset(subset);
            }
            s.wmo_cells += st.wmo_cells;
            s.other_cells += st.other_cells;
            s.count += u64::from(count);
            s.stock += stock;
        });
        RunEnd { cumulative, averted, stock_end: stock }
    }
}

/// The counts of run `run` alone (clients per month, months 0..horizon):
/// exactly the counts that run has in every projection that includes it.
pub fn run_counts(params: &ModelParams, run: u32) -> Vec<u32> {
    let ctx = Context::new(params);
    let mut counts = vec![0u32; ctx.months()];
    let mut sums = vec![MonthSums::default(); ctx.months()];
    ctx.run(u64::from(run), &mut counts, &mut sums);
    counts
}

/// Projects all `params.runs` runs (see [`project_runs`]).
pub fn project(params: &ModelParams) -> Projection {
    project_runs(params, params.runs)
}

/// Projects the first `runs` runs (at least 1) of `params.seed`; the
/// outputs of run r are the same whatever `runs` is, so a partial projection
/// is the start of the full one. `params.runs` itself is not read.
pub fn project_runs(params: &ModelParams, runs: u32) -> Projection {
    project_runs_with_counts(params, runs).0
}

/// [`project_runs`] plus every run's counts (clients/month), month-major:
/// `counts[m * n + r]` is run r's count in month m, with n = `runs.max(1)`
/// (the projection's `runs`). The projection is exactly [`project_runs`]'s.
pub fn project_runs_with_counts(params: &ModelParams, runs: u32) -> (Projection, Vec<u32>) {
    let runs = runs.max(1);
    let n = runs as usize;
    let ctx = Context::new(params);
    let h = ctx.months();
    let mut sums = vec![MonthSums::default(); h];
    // Month-major: counts[m * n + r].
    let mut counts = vec![0u32; h * n];
    let mut run_counts = vec![0u32; h];
    let mut cumulative = Vec::with_capacity(n);
    let mut averted = Vec::with_capacity(n);
    let mut stock_end = Vec::with_capacity(n);
    let horizon = h as u32;
    let mut tallies = PerTarget::from_fn(|t| TargetTally::new(params.targets[t], horizon));

    for r in 0..n {
        let end = ctx.run(r as u64, &mut run_counts, &mut sums);
        for (m, &c) in run_counts.iter().enumerate() {
            counts[m * n + r] = c;
        }
        for tally in &mut tallies.0 {
            tally.record(&run_counts);
        }
        cumulative.push(end.cumulative as f64);
        averted.push(end.averted);
        stock_end.push(end.stock_end);
    }

    let months = month_stats(params, &ctx.path, &sums, &counts, n);
    let attribution = Attribution::new(&sums, &ctx.path, runs);
    let projection = Projection {
        model_version: MODEL_VERSION.to_string(),
        seed: params.seed,
        runs,
        months,
        targets: tallies.iter().map(|(id, tally)| tally.finish(id, params.start)).collect(),
        cumulative: Summary::of(&mut cumulative),
        averted: Summary::of(&mut averted),
        expected_without_levers: attribution.without_levers(),
        expected_with_levers: attribution.with_levers(),
        contributions: attribution.contributions,
        stock_end: Summary::of(&mut stock_end),
    };
    (projection, counts)
}

/// Per-month statistics from the run sums and the month-major counts.
fn month_stats(
    params: &ModelParams,
    path: &LeverPath,
    sums: &[MonthSums],
    counts: &[u32],
    n: usize,
) -> Vec<MonthStats> {
    let nf = n as f64;
    let (w, y0) = (params.wmo, params.youth0);
    sums.iter()
        .enumerate()
        .map(|(m, s)| {
            let q = count_quantiles(&counts[m * n..(m + 1) * n], &MONTH_PROBS);
            let young = y0 * path.youth_scale[m];
            let wmo = path.all_cells_fixed(m, w * s.wmo_cells / nf);
            let other = path.all_cells_fixed(m, (1.0 - w) * s.other_cells / nf);
            let mut expected = s.subsets[RUN_SUBSETS - 1] / nf;
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
                stock_mean: s.stock / nf,
            }
        })
        .collect()
}
