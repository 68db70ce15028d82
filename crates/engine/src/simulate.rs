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
use crate::attribution::{Attribution, LeverSums};
use crate::model::{LeverPath, RunDraws};
use crate::model_params::ModelParams;
use crate::output::{Cells, MonthStats, Projection};
use crate::rng::{RunRng, Stream};
use crate::sampling::{Ziggurat, poisson};
use crate::stats::{MONTH_PROBS, Summary, count_quantiles};
use crate::targets::TargetTally;

/// Run sums of one month.
#[derive(Clone, Copy, Debug, Default)]
struct MonthSums {
    lever: LeverSums,
    /// Sum of base F1 F2 (the Wmo-origin cells before the age split).
    base_f1_f2: f64,
    /// Sum of the counts.
    count: u64,
    /// Sum of the stock at the end of the month.
    stock: f64,
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
    /// base(m) = L q^m (clients/month).
    pub base: f64,
    /// base(m) G1(m) (clients/month).
    pub base_g1: f64,
    /// base(m) G1(m) F2(m) (clients/month).
    pub base_g1_f2: f64,
    /// F1(m), the factor on the Wmo-origin cells (unitless).
    pub f1: f64,
    /// F2(m), the hulpmiddel factor (unitless).
    pub f2: f64,
    /// expected(m) (clients/month).
    pub expected: f64,
    /// fluct(m) = exp(z(m) - sigma^2 / 2) (unitless).
    pub fluct: f64,
    /// The Poisson count (clients).
    pub count: u32,
}

/// Everything a run needs that is the same for all runs.
pub(crate) struct Context<'a> {
    params: &'a ModelParams,
    path: LeverPath,
    /// G3(m) F4(m): the deterministic factors, exactly 1 for idle levers.
    g3_f4: Vec<f64>,
    innovation_sd: f64,
    half_var: f64,
    keep: f64,
    zig: &'static Ziggurat,
}

impl<'a> Context<'a> {
    pub(crate) fn new(params: &'a ModelParams) -> Context<'a> {
        let path = LeverPath::new(params);
        let g3_f4 = path.youth_factor.iter().zip(&path.region_factor).map(|(g, f)| g * f).collect();
        Context {
            params,
            path,
            g3_f4,
            innovation_sd: params.sigma * (1.0 - params.phi * params.phi).max(0.0).sqrt(),
            half_var: 0.5 * params.sigma * params.sigma,
            keep: 1.0 - params.outflow,
            zig: Ziggurat::get(),
        }
    }

    /// Number of projected months.
    pub(crate) fn months(&self) -> usize {
        self.path.adoption.len()
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
        let w_eps = params.wmo * d.eps;
        let mut z = d.z_start;
        let mut growth = 1.0;
        for m in 0..months.min(self.months()) {
            z = params.phi * z + self.innovation_sd * zig.sample(&mut fluctuation);
            let fluct = libm::exp(z - self.half_var);
            let base = d.level * growth;
            growth *= d.monthly_growth;
            let drop = path.renewal_drop[m];
            let f1 = 1.0 - d.eps * drop;
            let g1 = 1.0 - w_eps * drop;
            let f2 = 1.0 - d.theta * path.adoption[m];
            let base_g1 = base * g1;
            let base_g1_f2 = base_g1 * f2;
            let expected = base_g1_f2 * self.g3_f4[m];
            let count = poisson(&mut counts_rng, expected * fluct);
            visit(&Step { m, base, base_g1, base_g1_f2, f1, f2, expected, fluct, count });
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
            s.lever.base += st.base;
            s.lever.base_g1 += st.base_g1;
            s.lever.base_f2 += st.base * st.f2;
            s.lever.base_g1_f2 += st.base_g1_f2;
            s.base_f1_f2 += st.base * st.f1 * st.f2;
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
    let mut tallies = [TargetTally::new(params.t1, horizon), TargetTally::new(params.t2, horizon)];

    for r in 0..n {
        let end = ctx.run(r as u64, &mut run_counts, &mut sums);
        for (m, &c) in run_counts.iter().enumerate() {
            counts[m * n + r] = c;
        }
        for tally in &mut tallies {
            tally.record(&run_counts);
        }
        cumulative.push(end.cumulative as f64);
        averted.push(end.averted);
        stock_end.push(end.stock_end);
    }

    let months = month_stats(params, &ctx.path, &sums, &counts, n);
    let lever_sums: Vec<LeverSums> = sums.iter().map(|s| s.lever).collect();
    let attribution = Attribution::new(&lever_sums, &ctx.path, runs);
    let projection = Projection {
        model_version: MODEL_VERSION.to_string(),
        seed: params.seed,
        runs,
        months,
        targets: vec![tallies[0].finish("t1", params.start), tallies[1].finish("t2", params.start)],
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
            let f4 = path.region_factor[m];
            let wmo = w * s.base_f1_f2 / nf * f4;
            let other = (1.0 - w) * s.lever.base_f2 / nf * f4;
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
                expected: s.lever.base_g1_f2 / nf * path.youth_factor[m] * f4,
                cells: Cells {
                    wmo_young: wmo * young,
                    wmo_older: wmo * (1.0 - y0),
                    other_young: other * young,
                    other_older: other * (1.0 - y0),
                },
                youth_share: young / path.youth_factor[m],
                stock_mean: s.stock / nf,
            }
        })
        .collect()
}
