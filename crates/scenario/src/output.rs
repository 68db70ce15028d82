//! What a projection produces: [`Projection`] (sent to the page as JSON) and
//! [`Report`] (the CLI and export format).

use crate::lever::Contributions;
use crate::model_params::ModelParams;
use crate::month::Month;
use crate::stats::Summary;
use crate::target::{TargetResult, WindowStatus};
use serde::{Deserialize, Serialize};

/// Mean expected intake per cell (origin x age) in one month (clients/month).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cells {
    /// Wmo support before, aged 26 or younger.
    pub wmo_young: f64,
    /// Wmo support before, older than 26.
    pub wmo_older: f64,
    /// No Wmo support before, aged 26 or younger.
    pub other_young: f64,
    /// No Wmo support before, older than 26.
    pub other_older: f64,
}

/// Statistics of one projected month over the runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthStats {
    /// The calendar month.
    pub month: Month,
    /// Mean count (clients/month).
    pub mean: f64,
    /// 5th percentile of the count (clients/month, type 7).
    pub p5: f64,
    /// 10th percentile of the count (clients/month).
    pub p10: f64,
    /// 25th percentile of the count (clients/month).
    pub p25: f64,
    /// Median count (clients/month).
    pub p50: f64,
    /// 75th percentile of the count (clients/month).
    pub p75: f64,
    /// 90th percentile of the count (clients/month).
    pub p90: f64,
    /// 95th percentile of the count (clients/month).
    pub p95: f64,
    /// Mean expected intake, before fluctuation and Poisson noise (clients/month).
    pub expected: f64,
    /// Mean expected intake per cell (clients/month).
    pub cells: Cells,
    /// Share of the expected intake aged 26 or younger (0..1).
    pub youth_share: f64,
    /// Mean stock with an indication at the end of the month, S(m + 1) (clients).
    pub stock_mean: f64,
}

/// The calibration's diagnostic: the importance sampler's effective sample size.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Effective sample size (sum w)^2 / sum w^2 of the weighted particles (particles, rounded).
    pub ess: f64,
    /// ESS as a share of the particles (0..1); below 0.1 the posterior rests on few particles.
    pub ess_share: f64,
}

impl Diagnostic {
    /// Share of the particles below which the page and the docs call the calibration poor.
    pub const POOR_SHARE: f64 = 0.1;

    /// True when the effective sample size is poor (below [`Diagnostic::POOR_SHARE`] of the particles or 200).
    pub fn is_poor(&self) -> bool {
        self.ess_share < Self::POOR_SHARE || self.ess < 200.0
    }
}

/// What the observations before the start say (model 2 with `fit=1`): the
/// `calibration` object of the JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    /// First observed month used.
    pub observed_from: Month,
    /// Last observed month used.
    pub observed_to: Month,
    /// Number of observed months used.
    pub months_used: u32,
    /// The method's short name (`is-laplace-kalman`, see docs/model.md).
    pub method: String,
    /// Its diagnostic.
    pub diagnostic: Diagnostic,
    /// L, the underlying level at the anchor month, over the posterior draws (clients/month).
    pub level_anchor: Summary,
    /// g, the yearly trend, over the posterior draws (% a year).
    pub trend: Summary,
    /// The underlying expected level in the last observed month, without fluctuation (clients/month).
    pub level_last: Summary,
}

/// Everything a projection computes; serde round-trips it exactly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    /// [`crate::MODEL_VERSION`] of the code that computed it.
    pub model_version: String,
    /// Random seed used.
    pub seed: u64,
    /// Number of Monte Carlo runs (the first `runs` runs of the seed).
    pub runs: u32,
    /// One entry per projected month, from the start month on.
    pub months: Vec<MonthStats>,
    /// Target 1 (`t1`) and target 2 (`t2`).
    pub targets: Vec<TargetResult>,
    /// Cumulative intake over the horizon, sum of the counts per run (clients).
    pub cumulative: Summary,
    /// Clients averted against the same runs without levers (clients).
    pub averted: Summary,
    /// Expected cumulative intake without any lever, mean over the runs (clients).
    pub expected_without_levers: f64,
    /// Expected cumulative intake with all levers, mean over the runs (clients).
    pub expected_with_levers: f64,
    /// Shapley contributions of the levers to `expected_without_levers - expected_with_levers` (clients).
    pub contributions: Contributions,
    /// Stock with an indication at the end of the horizon, S(horizon) (clients).
    pub stock_end: Summary,
    /// What the observations before the start say, when they conditioned the runs (model 2).
    #[serde(default)]
    pub calibration: Option<Calibration>,
}

/// FNV-1a, 64-bit.
struct Fnv(u64);

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    fn u64(&mut self, v: u64) {
        self.bytes(&v.to_le_bytes());
    }
    fn f64(&mut self, v: f64) {
        self.u64(v.to_bits());
    }
    fn opt_f64(&mut self, v: Option<f64>) {
        match v {
            Some(x) => {
                self.bytes(&[1]);
                self.f64(x);
            }
            None => self.bytes(&[0]),
        }
    }
    fn month(&mut self, m: Month) {
        self.u64(m.0 as u64);
    }
    fn opt_month(&mut self, v: Option<Month>) {
        match v {
            Some(m) => {
                self.bytes(&[1]);
                self.month(m);
            }
            None => self.bytes(&[0]),
        }
    }
    fn summary(&mut self, s: &Summary) {
        for v in [s.mean, s.p5, s.p50, s.p95] {
            self.f64(v);
        }
    }
}

impl Projection {
    /// FNV-1a (64-bit) over every number of the projection, in field order:
    /// integers and months as little-endian 64-bit words, f64 as their bit
    /// patterns, options and strings with a tag or length first. Equal
    /// checksums on two platforms mean bit-identical projections.
    pub fn checksum(&self) -> u64 {
        let mut h = Fnv(0xCBF2_9CE4_8422_2325);
        h.u64(self.model_version.len() as u64);
        h.bytes(self.model_version.as_bytes());
        h.u64(self.seed);
        h.u64(u64::from(self.runs));
        h.u64(self.months.len() as u64);
        for m in &self.months {
            h.month(m.month);
            for v in [m.mean, m.p5, m.p10, m.p25, m.p50, m.p75, m.p90, m.p95, m.expected] {
                h.f64(v);
            }
            let c = &m.cells;
            for v in [c.wmo_young, c.wmo_older, c.other_young, c.other_older, m.youth_share, m.stock_mean] {
                h.f64(v);
            }
        }
        h.u64(self.targets.len() as u64);
        for t in &self.targets {
            h.u64(t.id.name().len() as u64);
            h.bytes(t.id.name().as_bytes());
            h.f64(t.threshold);
            h.month(t.window_from);
            h.month(t.window_to);
            h.u64(t.status as u64);
            h.opt_f64(t.probability);
            h.opt_f64(t.std_error);
            // Only model 2 has observed means; model 1's checksums stay as they were.
            if let Some(mean) = t.observed_mean {
                h.f64(mean);
            }
            let f = &t.first_reached;
            h.opt_month(f.p10);
            h.opt_month(f.p50);
            h.opt_month(f.p90);
            h.f64(f.never);
        }
        h.summary(&self.cumulative);
        h.summary(&self.averted);
        h.f64(self.expected_without_levers);
        h.f64(self.expected_with_levers);
        for v in self.contributions.0 {
            h.f64(v);
        }
        h.summary(&self.stock_end);
        // Only model 2 calibrates; model 1's checksums stay as they were.
        if let Some(c) = &self.calibration {
            h.month(c.observed_from);
            h.month(c.observed_to);
            h.u64(u64::from(c.months_used));
            h.f64(c.diagnostic.ess);
            h.f64(c.diagnostic.ess_share);
            for s in [&c.level_anchor, &c.trend, &c.level_last] {
                h.summary(s);
            }
        }
        h.0
    }
}

/// One target in a [`Report`]: the [`TargetResult`] plus an English note when
/// the window lies (partly) outside the projection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportTarget {
    /// The target's result.
    #[serde(flatten)]
    pub result: TargetResult,
    /// Why there is no probability; absent when the window lies inside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The CLI / export document (JSON); field names are a public format.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// [`crate::MODEL_VERSION`].
    pub model_version: String,
    /// The scenario's canonical query string (e.g. `v=1&aid=50`).
    pub scenario: String,
    /// Number of Monte Carlo runs.
    pub runs: u32,
    /// Random seed.
    pub seed: u64,
    /// Per-month statistics.
    pub months: Vec<MonthStats>,
    /// Target 1 and target 2.
    pub targets: Vec<ReportTarget>,
    /// Cumulative intake over the horizon (clients).
    pub cumulative: Summary,
    /// Clients averted against no levers (clients).
    pub averted: Summary,
    /// Shapley contributions of the levers (clients averted; positive = fewer clients).
    pub contributions: Contributions,
    /// Stock at the end of the horizon (clients).
    pub stock_end: Summary,
    /// What the observations before the start say, when they conditioned the runs (model 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calibration: Option<Calibration>,
    /// The last observed month, when the scenario has observations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_observed: Option<Month>,
    /// The observations from the start on, each against its month's 50 % and 90 % bands (a back-test).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backtest: Option<crate::observed::Backtest>,
    /// Wall-clock time of the projection (milliseconds).
    pub elapsed_ms: f64,
}

impl Report {
    /// The report of `projection`, computed from `params`, for the scenario
    /// written as `scenario_query`; `elapsed_ms` is the measured projection time (ms).
    pub fn new(scenario_query: &str, params: &ModelParams, projection: &Projection, elapsed_ms: f64) -> Report {
        let last = params.start.plus(params.horizon as i32 - 1);
        let targets = projection
            .targets
            .iter()
            .map(|t| ReportTarget {
                result: t.clone(),
                note: match t.status {
                    WindowStatus::Inside | WindowStatus::Observed => None,
                    WindowStatus::PartlyOutside | WindowStatus::Outside => Some(format!(
                        "window {}..{} lies {} the projection {}..{}; no probability",
                        t.window_from,
                        t.window_to,
                        if t.status == WindowStatus::Outside { "outside" } else { "partly outside" },
                        params.start,
                        last
                    )),
                },
            })
            .collect();
        Report {
            model_version: projection.model_version.clone(),
            scenario: scenario_query.to_string(),
            runs: projection.runs,
            seed: projection.seed,
            months: projection.months.clone(),
            targets,
            cumulative: projection.cumulative,
            averted: projection.averted,
            contributions: projection.contributions,
            stock_end: projection.stock_end,
            calibration: projection.calibration.clone(),
            last_observed: None,
            backtest: None,
            elapsed_ms,
        }
    }

    /// The report with the scenario's observed series: its last month, and
    /// the back-test of the points in projected months against their bands.
    pub fn with_observed(mut self, series: Option<&crate::observed::ObservedSeries>) -> Report {
        if let Some(series) = series.filter(|s| !s.points.is_empty()) {
            self.last_observed = series.points.iter().map(|p| p.month).max();
            let backtest = crate::observed::backtest(series, &self.months);
            self.backtest = (backtest.projected > 0).then_some(backtest);
        }
        self
    }
}
