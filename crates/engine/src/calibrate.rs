//! Model 2's calibration: the runs become draws from the posterior of L, g,
//! epsilon, theta and the fluctuation state given the observations before the
//! start (`fit=1`).
//!
//! # Method: importance sampling with a Laplace proposal and a Kalman likelihood
//!
//! An observed count c(t) is Poisson with mean mu(t) exp(z(t) - sigma^2/2),
//! mu(t) the expected intake of the month (base(t) times the levers' factors,
//! as in the projection) and z the AR(1) fluctuation. On the log scale,
//!
//! ```text
//! y(t) = ln(c(t) + 1/2) ~ ln mu(t) - sigma^2/2 + z(t) + v(t),   v(t) ~ N(0, 1/(c(t) + 1/2))
//! z(t) = phi z(t-1) + w(t),                                      w(t) ~ N(0, sigma^2 (1 - phi^2))
//! ```
//!
//! (the log of a Poisson count has variance about 1/lambda, and the half keeps
//! its mean at ln lambda to second order and allows counts of 0). Given the
//! static parameters theta = (L, g, epsilon, theta) this is a linear Gaussian
//! state-space model in z, so the Kalman filter gives its log-likelihood
//! l(theta) exactly and, at the last observed month T, z(T) ~ N(m_T, P_T)
//! (z starts from its stationary law N(0, sigma^2); months without a figure
//! only widen it).
//!
//! The posterior of the static parameters is sampled by self-normalised
//! importance sampling with N particles, N the scenario's number of runs:
//!
//! 1. Laplace: Newton's method finds the mode of l + log prior in (L, g)
//!    (each standardised by its prior: x = (value - mean) / sd; a parameter
//!    with sd 0 stays fixed) with epsilon and theta at their prior means; H is
//!    the Hessian there (central differences).
//! 2. Proposal: (L, g) from a Student t with 5 degrees of freedom centred at
//!    the mode with scale 1.5 (-H)^-1 (heavier tails than the posterior), or
//!    the prior when the mode or H is unusable; epsilon and theta from their priors.
//! 3. Weights: w_i proportional to exp(l(theta_i)) prior(x_i) / q(x_i); the
//!    diagnostic is the effective sample size ESS = (sum w)^2 / sum w^2.
//! 4. Systematic resampling (one uniform) turns the weighted particles into N
//!    equally weighted draws, one per run; run r then draws its z(T) from
//!    N(m_T, P_T) of its particle and carries it to the month before the start.
//!
//! Every particle has its own random streams ([`Stream::Proposal`],
//! [`Stream::State`]) and the resampling one more ([`Stream::Resample`]);
//! sums over particles are taken in particle order. So the posterior is the
//! same to the bit natively and in wasm, whatever the thread or worker count
//! (each worker computes it whole, and keeps it for the next scenario with
//! the same [`CalibrationKey`]: [`Kept`]). Memory is O(N): a particle keeps its
//! parameters, log-weight and m_T, P_T, never its path.
//!
//! Validation (simulation-based calibration, its negative controls and the
//! figures) is in `tests/calibration.rs` and docs/model.md.

use crate::model::{FIXED_LEVERS, LeverPath, RUN_LEVERS, RunDraws, run_factor};
use crate::model_params::{LeverSetting, ModelParams, TargetSpec};
use crate::rng::{RunRng, Stream};
use crate::sampling::{Beta, Ziggurat};
use crate::stats::Summary;
use std::sync::Arc;
use wlz_scenario::Month;
use wlz_scenario::lever::PerLever;
pub use wlz_scenario::output::{Calibration, Diagnostic};
use wlz_scenario::target::PerTarget;

/// Degrees of freedom of the Student t proposal.
const NU: f64 = 5.0;
/// Inflation of the Laplace covariance in the proposal.
const INFLATE: f64 = 1.5;
/// Newton steps at most.
const NEWTON_STEPS: usize = 60;
/// Finite-difference step in standardised units.
const H: f64 = 1e-3;
/// The method's short name in the JSON.
pub const METHOD: &str = "is-laplace-kalman";

/// The runs' draws from the posterior, and what the calibration says.
#[derive(Clone, Debug, PartialEq)]
pub struct Posterior {
    /// One draw per run, in run order: L, g, epsilon, theta and z at the month before the start.
    pub draws: Vec<RunDraws>,
    /// The summary for the report.
    pub calibration: Calibration,
}

/// An observed month prepared for the filter. The filter's variances do not
/// depend on the particle (the observation variance comes from the count), so
/// they are computed once: a particle's pass only updates its mean.
#[derive(Clone, Copy, Debug)]
struct Observation {
    /// Months since the previous observation (the first: since the stationary start, 1).
    gap: i32,
    /// Months from the anchor month.
    k: i32,
    /// ln(c + 1/2).
    y: f64,
    /// phi^gap: how much of the fluctuation's mean is left since the previous observation.
    decay: f64,
    /// The innovation variance S = P(predicted) + 1/(c + 1/2).
    s: f64,
    /// The Kalman gain P(predicted) / S.
    gain: f64,
    /// Index of the month in the lever path.
    index: usize,
}

/// The observations of `params` that condition the runs, with the lever path over their months.
struct Data<'a> {
    params: &'a ModelParams,
    months: Vec<Observation>,
    path: LeverPath,
    /// The product of the fixed levers' factors per observed month.
    fixed: Vec<f64>,
    /// Months from the last observation to the month before the start.
    tail: i32,
    /// The particle-free part of the log-likelihood: -1/2 sum ln(2 pi S).
    constant: f64,
    /// P_T: the variance of z at the last observed month.
    last_var: f64,
    /// First and last observed month used.
    span: (Month, Month),
}

impl<'a> Data<'a> {
    fn new(key: &'a CalibrationKey) -> Option<Data<'a>> {
        let params = &key.params;
        let fitted = params.fitted();
        let (&(first, _), &(last, _)) = (fitted.first()?, fitted.last()?);
        let path = key.path.clone()?;
        let var = params.sigma * params.sigma;
        let (mut previous, mut v, mut constant) = (first - 1, var, 0.0);
        let months = fitted
            .iter()
            .map(|&(offset, count)| {
                let c = f64::from(count) + 0.5;
                let gap = offset - previous;
                previous = offset;
                let decay = libm::pow(params.phi, f64::from(gap));
                let predicted = decay * decay * v + var * (1.0 - decay * decay);
                let s = predicted + 1.0 / c;
                let gain = predicted / s;
                v = predicted * (1.0 - gain);
                constant -= 0.5 * libm::log(2.0 * std::f64::consts::PI * s);
                let (k, y, index) = (offset + params.anchor_lag, libm::log(c), (offset - first) as usize);
                Observation { gap, k, y, decay, s, gain, index }
            })
            .collect::<Vec<_>>();
        let fixed = months.iter().map(|o| FIXED_LEVERS.iter().fold(1.0, |x, &l| x * path.input[l][o.index])).collect();
        Some(Data {
            params,
            months,
            path,
            fixed,
            tail: -1 - last,
            span: (params.start.plus(first), params.start.plus(last)),
            constant,
            last_var: v,
        })
    }

    /// mu for observation `i` of a particle with draws `d`: base times the levers' factors.
    fn expected(&self, d: &RunDraws, growth: f64, i: usize) -> f64 {
        let o = &self.months[i];
        let p = self.params;
        let base = if p.floor == 0.0 { d.level * growth } else { p.floor + (d.level - p.floor) * growth };
        let mut x = base;
        for &lever in &RUN_LEVERS {
            x *= run_factor(lever, self.path.input[lever][o.index], d, p.wmo);
        }
        x * self.fixed[i]
    }

    /// The Kalman filter for a particle: (log-likelihood, m_T); its variance P_T is [`Data::last_var`].
    fn filter(&self, d: &RunDraws) -> (f64, f64) {
        let half_var = 0.5 * self.params.sigma * self.params.sigma;
        let mut m = 0.0;
        let mut squares = 0.0;
        let mut growth = libm::pow(d.monthly_growth, f64::from(self.months.first().map_or(0, |o| o.k)));
        for (i, o) in self.months.iter().enumerate() {
            if i > 0 {
                growth *= if o.gap == 1 { d.monthly_growth } else { libm::pow(d.monthly_growth, f64::from(o.gap)) };
            }
            m *= o.decay;
            let mu = self.expected(d, growth, i).max(1e-9);
            let innovation = o.y - (libm::log(mu) - half_var) - m;
            squares += innovation * innovation / o.s;
            m += o.gain * innovation;
        }
        (self.constant - 0.5 * squares, m)
    }
}

/// The prior of the free static parameters (L and g): mean and sd, standardised coordinates.
#[derive(Clone, Copy, Debug)]
struct Prior {
    means: [f64; 2],
    sds: [f64; 2],
}

impl Prior {
    fn of(p: &ModelParams) -> Prior {
        Prior { means: [p.level.mean, p.trend.mean], sds: [p.level.sd, p.trend.sd] }
    }

    /// Indices of the free dimensions (sd > 0).
    fn free(&self) -> Vec<usize> {
        (0..2).filter(|&i| self.sds[i] > 0.0).collect()
    }

    /// Raw (L, g) from standardised coordinates.
    fn raw(&self, x: [f64; 2]) -> [f64; 2] {
        [self.means[0] + self.sds[0] * x[0], self.means[1] + self.sds[1] * x[1]]
    }
}

/// The log posterior (up to a constant) at standardised (L, g), with epsilon and theta given.
fn log_post(data: &Data, prior: &Prior, x: [f64; 2], eps: f64, theta: f64) -> f64 {
    let [level, g] = prior.raw(x);
    let d = RunDraws::new(level, g, eps, theta, 0.0);
    data.filter(&d).0 - 0.5 * (x[0] * x[0] + x[1] * x[1])
}

/// The Laplace approximation: the mode and the Cholesky factor of INFLATE (-H)^-1 over the free dimensions.
fn laplace(data: &Data, prior: &Prior, free: &[usize], eps: f64, theta: f64) -> Option<([f64; 2], [[f64; 2]; 2])> {
    let f = |x: [f64; 2]| log_post(data, prior, x, eps, theta);
    let shift = |x: [f64; 2], i: usize, h: f64| {
        let mut y = x;
        y[i] += h;
        y
    };
    let mut x = [0.0; 2];
    let mut fx = f(x);
    let mut hessian = [[0.0; 2]; 2];
    for _ in 0..NEWTON_STEPS {
        let mut grad = [0.0; 2];
        for &i in free {
            grad[i] = (f(shift(x, i, H)) - f(shift(x, i, -H))) / (2.0 * H);
            for &j in free {
                hessian[i][j] = if i == j {
                    (f(shift(x, i, H)) - 2.0 * fx + f(shift(x, i, -H))) / (H * H)
                } else {
                    let (pp, pm) = (f(shift(shift(x, i, H), j, H)), f(shift(shift(x, i, H), j, -H)));
                    let (mp, mm) = (f(shift(shift(x, i, -H), j, H)), f(shift(shift(x, i, -H), j, -H)));
                    (pp - pm - mp + mm) / (4.0 * H * H)
                };
            }
        }
        // Newton step -H^-1 grad on the free dimensions (H negative definite at a maximum).
        let step = solve_neg(&hessian, &grad, free)?;
        let mut t = 1.0;
        let mut moved = false;
        for _ in 0..30 {
            let candidate = [x[0] + t * step[0], x[1] + t * step[1]];
            let fc = f(candidate);
            if fc.is_finite() && fc >= fx {
                let small = (t * step[0]).abs().max((t * step[1]).abs()) < 1e-7;
                x = candidate;
                fx = fc;
                moved = !small;
                break;
            }
            t *= 0.5;
        }
        if !moved {
            break;
        }
    }
    // The covariance INFLATE (-H)^-1 and its Cholesky factor, on the free dimensions.
    let cov = inverse_neg(&hessian, free)?;
    let mut chol = [[0.0; 2]; 2];
    match free {
        [i] => chol[*i][*i] = (INFLATE * cov[*i][*i]).sqrt(),
        [i, j] => {
            let a = (INFLATE * cov[*i][*i]).sqrt();
            let b = INFLATE * cov[*j][*i] / a;
            let c = (INFLATE * cov[*j][*j] - b * b).sqrt();
            chol[*i][*i] = a;
            chol[*j][*i] = b;
            chol[*j][*j] = c;
        }
        _ => {}
    }
    let finite = chol.iter().flatten().all(|v| v.is_finite()) && x.iter().all(|v| v.is_finite());
    finite.then_some((x, chol))
}

/// -H^-1 g on the free dimensions; None unless -H is positive definite there.
fn solve_neg(h: &[[f64; 2]; 2], g: &[f64; 2], free: &[usize]) -> Option<[f64; 2]> {
    let cov = inverse_neg(h, free)?;
    let mut out = [0.0; 2];
    for &i in free {
        out[i] = free.iter().map(|&j| cov[i][j] * g[j]).sum();
    }
    Some(out)
}

/// (-H)^-1 on the free dimensions; None unless -H is positive definite there.
fn inverse_neg(h: &[[f64; 2]; 2], free: &[usize]) -> Option<[[f64; 2]; 2]> {
    let mut out = [[0.0; 2]; 2];
    match free {
        [] => {}
        [i] => {
            let a = -h[*i][*i];
            if a.is_nan() || a <= 0.0 {
                return None;
            }
            out[*i][*i] = 1.0 / a;
        }
        [i, j] => {
            let (a, b, d) = (-h[*i][*i], -h[*i][*j], -h[*j][*j]);
            let det = a * d - b * b;
            if a.is_nan() || det.is_nan() || a <= 0.0 || det <= 0.0 {
                return None;
            }
            out[*i][*i] = d / det;
            out[*j][*j] = a / det;
            out[*i][*j] = -b / det;
            out[*j][*i] = -b / det;
        }
        _ => return None,
    }
    Some(out)
}

/// One particle before resampling.
#[derive(Clone, Copy, Debug)]
struct Particle {
    draws: RunDraws,
    /// Raw L and g (before their limits).
    raw: [f64; 2],
    log_weight: f64,
    /// m_T: the mean of z at the last observed month.
    m: f64,
}

/// Everything a calibration reads, and nothing else: the scenario without
/// what only the projection reads (horizon, stock, outflow, the observations
/// from the start month on, the targets, the levers' settings), the levers as their path
/// over the observed months, and the number of particles. The calibration
/// reads only its key ([`calibrate_key`]), so two scenarios with equal keys
/// have the same posterior to the bit: a slider move that changes nothing
/// before the start month (a lever that starts later, a target, the horizon)
/// can reuse the posterior ([`Kept`]).
#[derive(Clone, Debug, PartialEq)]
pub struct CalibrationKey {
    /// The scenario with the fields the calibration does not read set to fixed values.
    params: ModelParams,
    /// The levers over the observed months (from the first to the last fitted one); none without observations.
    path: Option<LeverPath>,
    /// Number of particles (>= 1).
    particles: u32,
}

impl CalibrationKey {
    /// The key of the calibration of `params` with `runs` particles.
    pub fn of(params: &ModelParams, runs: u32) -> CalibrationKey {
        let fitted = params.fitted();
        let path = match (fitted.first(), fitted.last()) {
            (Some(&(first, _)), Some(&(last, _))) => Some(LeverPath::over(params, first, (last - first + 1) as usize)),
            _ => None,
        };
        let idle = LeverSetting { today: 0.0, target: 0.0, from: 0, ramp: 0 };
        let no_target = TargetSpec { threshold: 0.0, from: 0, to: 0 };
        let params = ModelParams {
            runs: 0,
            horizon: 0,
            stock: 0.0,
            outflow: 0.0,
            levers: PerLever::from_fn(|_| idle),
            targets: PerTarget::from_fn(|_| no_target),
            observed: Arc::new(fitted.to_vec()),
            ..params.clone()
        };
        CalibrationKey { params, path, particles: runs.max(1) }
    }
}

/// The newest calibration, kept so that the next scenario with the same
/// [`CalibrationKey`] takes its posterior instead of computing it again.
#[derive(Debug, Default)]
pub struct Kept {
    last: Option<(CalibrationKey, Option<Arc<Posterior>>)>,
}

impl Kept {
    /// The posterior of `params` with `runs` particles: the kept one (shared,
    /// not copied) when its key is equal, else computed and kept.
    pub fn posterior(&mut self, params: &ModelParams, runs: u32) -> Option<Arc<Posterior>> {
        let key = CalibrationKey::of(params, runs);
        if let Some((kept, posterior)) = &self.last
            && *kept == key
        {
            return posterior.clone();
        }
        let posterior = calibrate_key(&key).map(Arc::new);
        self.last.insert((key, posterior)).1.clone()
    }
}

/// The posterior for `params` with `runs` particles, or None when no observation conditions the runs.
pub fn calibrate(params: &ModelParams, runs: u32) -> Option<Posterior> {
    calibrate_key(&CalibrationKey::of(params, runs))
}

/// The posterior of the calibration `key` describes (see [`calibrate`]).
pub fn calibrate_key(key: &CalibrationKey) -> Option<Posterior> {
    let data = Data::new(key)?;
    let params = &key.params;
    let zig = Ziggurat::get();
    let n = key.particles as usize;
    let prior = Prior::of(params);
    let free = prior.free();
    let beta_eps = Beta::from_mean_sd(params.eps.mean, params.eps.sd);
    let beta_theta = Beta::from_mean_sd(params.theta.mean, params.theta.sd);
    let laplace =
        if free.is_empty() { None } else { laplace(&data, &prior, &free, beta_eps.mean(), beta_theta.mean()) };
    let d = free.len() as f64;
    let particle = |r: u64| {
        let mut rng = RunRng::for_stream(params.seed, r, Stream::Proposal);
        let (x, log_q) = match laplace {
            Some((mode, chol)) => {
                let z = [zig.sample(&mut rng), zig.sample(&mut rng)];
                let chi2: f64 = (0..NU as usize).map(|_| zig.sample(&mut rng)).map(|e| e * e).sum();
                let scale = (NU / chi2.max(1e-300)).sqrt();
                let mut x = mode;
                let mut delta = 0.0;
                for &i in &free {
                    x[i] += scale * free.iter().map(|&j| chol[i][j] * z[j]).sum::<f64>();
                    delta += z[i] * z[i] * scale * scale;
                }
                (x, -0.5 * (NU + d) * libm::log1p(delta / NU))
            }
            None => {
                let mut x = [0.0; 2];
                for &i in &free {
                    x[i] = zig.sample(&mut rng);
                }
                (x, -0.5 * (x[0] * x[0] + x[1] * x[1]))
            }
        };
        let eps = beta_eps.sample(&mut rng, zig);
        let theta = beta_theta.sample(&mut rng, zig);
        let raw = prior.raw(x);
        let draws = RunDraws::new(raw[0], raw[1], eps, theta, 0.0);
        let (loglik, m) = data.filter(&draws);
        let log_prior = -0.5 * (x[0] * x[0] + x[1] * x[1]);
        let log_weight = if loglik.is_finite() { loglik + log_prior - log_q } else { f64::NEG_INFINITY };
        Particle { draws, raw, log_weight, m }
    };
    // Each particle is computed alone from its own streams, so the threads
    // (with the `parallel` feature) change no bit; the sums below run in particle order.
    #[cfg(feature = "parallel")]
    let particles: Vec<Particle> = {
        use rayon::prelude::*;
        (0..n as u64).into_par_iter().map(particle).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let particles: Vec<Particle> = (0..n as u64).map(particle).collect();

    // Normalised weights and the effective sample size, summed in particle order.
    let max = particles.iter().map(|p| p.log_weight).fold(f64::NEG_INFINITY, f64::max);
    let weights: Vec<f64> =
        particles.iter().map(|p| if max.is_finite() { libm::exp(p.log_weight - max) } else { 1.0 }).collect();
    let total: f64 = weights.iter().sum();
    let ess = total * total / weights.iter().map(|w| w * w).sum::<f64>();

    // Systematic resampling: run r takes the particle whose cumulative weight covers (r + u) / n.
    let u = RunRng::for_stream(params.seed, u64::MAX, Stream::Resample).uniform();
    let mut chosen = Vec::with_capacity(n);
    let (mut i, mut cumulative) = (0usize, weights[0] / total);
    for r in 0..n {
        let point = (r as f64 + u) / n as f64;
        while cumulative < point && i + 1 < n {
            i += 1;
            cumulative += weights[i] / total;
        }
        chosen.push(i);
    }

    let p = params;
    let innovation_sd = p.sigma * (1.0 - p.phi * p.phi).max(0.0).sqrt();
    let draws: Vec<RunDraws> = chosen
        .iter()
        .enumerate()
        .map(|(r, &i)| {
            let particle = &particles[i];
            let mut rng = RunRng::for_stream(p.seed, r as u64, Stream::State);
            let mut z = particle.m + data.last_var.max(0.0).sqrt() * zig.sample(&mut rng);
            for _ in 0..data.tail {
                z = p.phi * z + innovation_sd * zig.sample(&mut rng);
            }
            RunDraws { z_start: z, ..particle.draws }
        })
        .collect();

    let calibration = summarise(&data, &particles, &chosen, ess);
    Some(Posterior { draws, calibration })
}

/// The report's calibration object from the resampled particles.
fn summarise(data: &Data, particles: &[Particle], chosen: &[usize], ess: f64) -> Calibration {
    let last = data.months.len() - 1;
    let k_last = data.months[last].k;
    let mut level: Vec<f64> = chosen.iter().map(|&i| particles[i].draws.level).collect();
    let mut trend: Vec<f64> = chosen.iter().map(|&i| 100.0 * particles[i].raw[1].max(-0.99)).collect();
    let mut level_last: Vec<f64> = chosen
        .iter()
        .map(|&i| {
            let d = &particles[i].draws;
            data.expected(d, libm::pow(d.monthly_growth, f64::from(k_last)), last)
        })
        .collect();
    Calibration {
        observed_from: data.span.0,
        observed_to: data.span.1,
        months_used: data.months.len() as u32,
        method: METHOD.to_string(),
        diagnostic: Diagnostic { ess: ess.round(), ess_share: ess / particles.len() as f64 },
        level_anchor: Summary::of(&mut level),
        trend: Summary::of(&mut trend),
        level_last: Summary::of(&mut level_last),
    }
}
