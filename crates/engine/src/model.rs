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

/// Typical lengths (months) of the three beschikking buckets: at most one
/// year, one to two years, longer or open-ended (MODEL-BRIEF, lever 1).
pub const BUCKET_MONTHS: [f64; 3] = [12.0, 24.0, 60.0];

/// How a share moved into longer beschikkingen splits over buckets 2 and 3
/// (today's ratio 20 : 5 from the Significant study).
pub const LONGER_SPLIT: [f64; 2] = [0.8, 0.2];

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

/// The deterministic lever factors of every projected month (index m = 0..horizon).
#[derive(Clone, Debug, PartialEq)]
pub struct LeverPath {
    /// 1 - Rr(m): relative drop in renewal moments against today's mix (share; 0 when lever 1 is idle).
    pub renewal_drop: Vec<f64>,
    /// adoption(m): share of referrals that use the hulpmiddel (lever 2).
    pub adoption: Vec<f64>,
    /// Y(m): factor on the youth cells (odds of y(m) over odds of y0; 1 when lever 3 is idle).
    pub youth_scale: Vec<f64>,
    /// G3(m) = y0 Y(m) + (1 - y0), written 1 + y0 (Y(m) - 1) (unitless).
    pub youth_factor: Vec<f64>,
    /// F4(m) = 1 - region(m) (unitless).
    pub region_factor: Vec<f64>,
}

impl LeverPath {
    /// Lever factors for months 0..`params.horizon` (at least one month).
    /// With y0 = 0 the youth cells are empty and Y(m) is taken as 1.
    pub fn new(params: &ModelParams) -> LeverPath {
        let months = 0..params.horizon.max(1) as i32;
        let r_today = renewal_rate(params.longer.today);
        let y0 = params.youth0;
        let odds0 = odds(y0);
        let scale = |y: f64| if odds0 > 0.0 { odds(y) / odds0 } else { 1.0 };
        let youth_scale: Vec<f64> = months.clone().map(|m| scale(params.youth.value(m))).collect();
        LeverPath {
            renewal_drop: months.clone().map(|m| 1.0 - renewal_rate(params.longer.value(m)) / r_today).collect(),
            adoption: months.clone().map(|m| params.aid.value(m).clamp(0.0, 1.0)).collect(),
            youth_factor: youth_scale.iter().map(|&y| 1.0 + y0 * (y - 1.0)).collect(),
            youth_scale,
            region_factor: months.map(|m| (1.0 - params.region.value(m)).max(0.0)).collect(),
        }
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
        let level = (params.level.mean + params.level.sd * zig.sample(&mut stream(Stream::Level))).max(0.0);
        let g = params.trend.mean + params.trend.sd * zig.sample(&mut stream(Stream::Trend));
        let growth = (1.0 + g).max(MIN_GROWTH);
        let monthly_growth = libm::exp(libm::log(growth) / 12.0);
        let eps = Beta::from_mean_sd(params.eps.mean, params.eps.sd).sample(&mut stream(Stream::Eps), zig);
        let theta = Beta::from_mean_sd(params.theta.mean, params.theta.sd).sample(&mut stream(Stream::Theta), zig);
        let z_start = params.sigma * zig.sample(fluctuation);
        RunDraws { level, monthly_growth, eps, theta, z_start }
    }
}
