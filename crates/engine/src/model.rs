//! The model (version 1): lever factors per month and one Monte Carlo run.
//!
//! Expected intake in month m of a run:
//!
//! ```text
//! expected(m) = base(m) * G1(m) * F2(m) * G3(m) * F4(m)
//! base(m)     = L * (1 + g)^(m / 12)
//! G1(m)       = 1 - w * eps * (1 - Rr(m))          (Wmo-origin cells carry F1 = 1 - eps (1 - Rr))
//! F2(m)       = 1 - adoption(m) * theta
//! G3(m)       = 1 + y0 * (Y(m) - 1)                 (youth cells carry Y(m))
//! F4(m)       = 1 - region(m)
//! ```
//!
//! which is the brief's sum over the four cells (origin x age), factorised.
//! Each factor is written so that it is exactly 1.0 when its lever stays at
//! today's value, so an idle lever changes no bit of any output.

use crate::model_params::ModelParams;
use crate::rng::{RunRng, Stream};
use crate::sampling::{Beta, Ziggurat};
use wlz_scenario::lever::{LeverId, PerLever};

pub use wlz_scenario::params::{BUCKET_MONTHS, LONGER_SPLIT};

/// Smallest yearly growth factor 1 + g used (a draw below it is raised to it),
/// so that (1 + g)^(m/12) stays defined and positive.
pub const MIN_GROWTH: f64 = 0.01;

/// Largest youth share used in the odds Y(m), so that 1 - y never reaches 0.
const MAX_YOUTH: f64 = 0.999;

/// Renewal moments per client-month R(mix(s)) for a share `s` (0..1) of
/// beschikkingen longer than one year: (1 - s)/12 + 0.8 s/24 + 0.2 s/60.
pub fn renewal_rate(s: f64) -> f64 {
    (1.0 - s) / BUCKET_MONTHS[0] + LONGER_SPLIT[0] * s / BUCKET_MONTHS[1] + LONGER_SPLIT[1] * s / BUCKET_MONTHS[2]
}

/// Odds y / (1 - y) of a youth share `y` (clamped to 0..0.999).
fn odds(y: f64) -> f64 {
    let y = y.clamp(0.0, MAX_YOUTH);
    y / (1.0 - y)
}

/// How a lever's factor enters the expected intake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Acts {
    /// Its factor depends on the run's draws: [`LeverPath::input`] holds the
    /// month's deterministic part and [`run_factor`] makes the factor.
    PerRun,
    /// Its factor is the same in every run: [`LeverPath::input`] holds the factor itself.
    Fixed,
}

/// How `lever`'s factor enters the model: levers 1 and 2 act through the
/// run's epsilon and theta, levers 3 and 4 are the same in every run.
pub const fn acts(lever: LeverId) -> Acts {
    match lever {
        LeverId::Longer | LeverId::Aid => Acts::PerRun,
        LeverId::Youth | LeverId::Region => Acts::Fixed,
    }
}

/// The factor of a lever that acts per run ([`Acts::PerRun`]) on the whole
/// intake, from its month's `input` (1 - Rr(m) for lever 1, adoption(m) for
/// lever 2), the run's draws `d` and the Wmo share `w`:
/// G1 = 1 - w eps (1 - Rr(m)) and F2 = 1 - theta adoption(m). A lever that
/// acts the same in every run returns its input (its factor).
#[inline(always)]
pub fn run_factor(lever: LeverId, input: f64, d: &RunDraws, w: f64) -> f64 {
    match lever {
        LeverId::Longer => 1.0 - w * d.eps * input,
        LeverId::Aid => 1.0 - d.theta * input,
        LeverId::Youth | LeverId::Region => input,
    }
}

/// The factor of a lever that acts per run on the Wmo-origin cells, and on the
/// other cells: lever 1 acts on the Wmo-origin cells only (F1 = 1 - eps (1 - Rr(m))
/// there, 1 elsewhere); lever 2 on every cell (F2).
#[inline(always)]
pub fn cell_factors(lever: LeverId, input: f64, d: &RunDraws) -> (f64, f64) {
    match lever {
        LeverId::Longer => (1.0 - d.eps * input, 1.0),
        LeverId::Aid => {
            let f2 = 1.0 - d.theta * input;
            (f2, f2)
        }
        LeverId::Youth | LeverId::Region => (1.0, 1.0),
    }
}

/// The deterministic part of every lever's factor in every projected month (index m = 0..horizon).
#[derive(Clone, Debug, PartialEq)]
pub struct LeverPath {
    /// Per lever and month: for a lever that acts per run the quantity its
    /// draw multiplies (1 - Rr(m): the relative drop in renewal moments against
    /// today's mix; adoption(m): the share of referrals that use the
    /// hulpmiddel); for a lever that acts the same in every run its factor
    /// (G3(m) = 1 + y0 (Y(m) - 1); F4(m) = 1 - region(m)). Unitless; exactly
    /// 0 (per run) or 1 (fixed) while the lever is idle.
    pub input: PerLever<Vec<f64>>,
    /// Y(m): factor on the youth cells (odds of y(m) over odds of y0; 1 when lever 3 is idle).
    pub youth_scale: Vec<f64>,
}

impl LeverPath {
    /// Lever inputs for months 0..`params.horizon` (at least one month).
    /// With y0 = 0 the youth cells are empty and Y(m) is taken as 1.
    pub fn new(params: &ModelParams) -> LeverPath {
        LeverPath::over(params, 0, params.horizon.max(1) as usize)
    }

    /// Lever inputs for the `count` months from month offset `first` on
    /// (negative offsets lie before the start: observed months); index i is month `first + i`.
    pub fn over(params: &ModelParams, first: i32, count: usize) -> LeverPath {
        let months = first..first + count as i32;
        let levers = &params.levers;
        let r_today = renewal_rate(levers[LeverId::Longer].today);
        let y0 = params.youth0;
        let odds0 = odds(y0);
        let scale = |y: f64| if odds0 > 0.0 { odds(y) / odds0 } else { 1.0 };
        let youth_scale: Vec<f64> = months.clone().map(|m| scale(levers[LeverId::Youth].value(m))).collect();
        let input = PerLever::from_fn(|lever| {
            let setting = &levers[lever];
            match lever {
                LeverId::Longer => months.clone().map(|m| 1.0 - renewal_rate(setting.value(m)) / r_today).collect(),
                LeverId::Aid => months.clone().map(|m| setting.value(m).clamp(0.0, 1.0)).collect(),
                LeverId::Youth => youth_scale.iter().map(|&y| 1.0 + y0 * (y - 1.0)).collect(),
                LeverId::Region => months.clone().map(|m| (1.0 - setting.value(m)).max(0.0)).collect(),
            }
        });
        LeverPath { input, youth_scale }
    }

    /// Number of months.
    pub fn months(&self) -> usize {
        self.youth_scale.len()
    }

    /// G3(m), the youth cells' effect on the whole intake (unitless).
    pub fn youth_factor(&self, m: usize) -> f64 {
        self.input[LeverId::Youth][m]
    }

    /// The factor of the levers that act on every cell the same in every run
    /// (F4(m); unitless), applied to a cell's mean expected intake `x`.
    pub fn all_cells_fixed(&self, m: usize, x: f64) -> f64 {
        x * self.input[LeverId::Region][m]
    }
}

/// The per-run uncertain parameters (MODEL-BRIEF "Uncertainty").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RunDraws {
    /// L: underlying level (clients/month), >= 0.
    pub level: f64,
    /// (1 + g)^(1/12): monthly growth factor (unitless), with 1 + g >= [`MIN_GROWTH`].
    pub monthly_growth: f64,
    /// epsilon: share of Wmo-to-Wlz transitions triggered by a renewal (0..1).
    pub eps: f64,
    /// theta: share of hulpmiddel referrals that end without a Wlz application (0..1).
    pub theta: f64,
    /// z(-1): the log fluctuation before month 0, from its stationary law N(0, sigma^2).
    pub z_start: f64,
}

impl RunDraws {
    /// Draws L, g, epsilon, theta and z(-1), in that order, from the run's stream.
    /// Normal draws are taken even when an sd is 0, so that setting a spread
    /// to 0 leaves every other draw of the run unchanged.
    pub fn sample(params: &ModelParams, run: u64, fluctuation: &mut RunRng, zig: &Ziggurat) -> RunDraws {
        let stream = |s| RunRng::for_stream(params.seed, run, s);
        let level = params.level.mean + params.level.sd * zig.sample(&mut stream(Stream::Level));
        let g = params.trend.mean + params.trend.sd * zig.sample(&mut stream(Stream::Trend));
        let eps = Beta::from_mean_sd(params.eps.mean, params.eps.sd).sample(&mut stream(Stream::Eps), zig);
        let theta = Beta::from_mean_sd(params.theta.mean, params.theta.sd).sample(&mut stream(Stream::Theta), zig);
        let z_start = params.sigma * zig.sample(fluctuation);
        RunDraws::new(level, g, eps, theta, z_start)
    }

    /// The draws of a run from the raw values of L and g (a normal draw each,
    /// before their limits: L below 0 is 0, 1 + g below [`MIN_GROWTH`] is raised to it).
    pub fn new(level: f64, g: f64, eps: f64, theta: f64, z_start: f64) -> RunDraws {
        let growth = (1.0 + g).max(MIN_GROWTH);
        RunDraws { level: level.max(0.0), monthly_growth: libm::exp(libm::log(growth) / 12.0), eps, theta, z_start }
    }

    /// base(t) for the month `k` months after the anchor month (model 2:
    /// F + (L - F) (1 + g)^(k / 12); model 1 has F = 0 and counts k from the start).
    pub fn base(&self, floor: f64, k: i32) -> f64 {
        let growth = libm::pow(self.monthly_growth, f64::from(k));
        if floor == 0.0 { self.level * growth } else { floor + (self.level - floor) * growth }
    }
}

const fn count_acting(kind: Acts) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < LeverId::ALL.len() {
        if acts(LeverId::ALL[i]) as u8 == kind as u8 {
            n += 1;
        }
        i += 1;
    }
    n
}

const fn acting<const N: usize>(kind: Acts) -> [LeverId; N] {
    let mut out = [LeverId::ALL[0]; N];
    let (mut i, mut n) = (0, 0);
    while i < LeverId::ALL.len() {
        if acts(LeverId::ALL[i]) as u8 == kind as u8 {
            out[n] = LeverId::ALL[i];
            n += 1;
        }
        i += 1;
    }
    out
}

/// Number of levers that act per run.
pub const RUN_LEVER_COUNT: usize = count_acting(Acts::PerRun);

/// The levers that act per run ([`Acts::PerRun`]), in lever order.
pub const RUN_LEVERS: [LeverId; RUN_LEVER_COUNT] = acting(Acts::PerRun);

/// The levers that act the same in every run ([`Acts::Fixed`]), in lever order.
pub const FIXED_LEVERS: [LeverId; LeverId::ALL.len() - RUN_LEVER_COUNT] = acting(Acts::Fixed);

/// Number of subsets of the per-run levers (2^[`RUN_LEVER_COUNT`]).
pub const RUN_SUBSETS: usize = 1 << RUN_LEVER_COUNT;
