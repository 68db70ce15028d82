//! Sums over runs, and why model 2's sums do not depend on how the runs are split.
//!
//! Model 1 adds each month's terms over the runs in run order in plain `f64`
//! ([`FloatSum`]); that order is part of its numbers, so a model-1 projection is
//! computed in one piece. Model 2 adds them as fixed-point integers
//! ([`FixedSum`]: each term rounded to a multiple of 2^-32 and summed exactly
//! as a 128-bit integer, kept as an `i64` and a count of its wrap-arounds), so
//! any split of the runs over threads or workers, merged in any order, gives
//! the same bits. Each term is rounded to the nearest multiple of 2^-32
//! (2.3e-10 clients): for a month's mean over 10,000 runs that is a relative
//! error below 1e-13, far below what the Monte Carlo can tell, and 128 bits
//! hold the sum of any number of runs of any term without overflow.
//! Counts are whole numbers and are kept as histograms ([`CountHistogram`]),
//! whose merge is exact in both models.

use serde::{Deserialize, Serialize};

/// A sum over runs of `f64` terms.
pub trait Acc: Copy + Default + std::fmt::Debug + PartialEq {
    /// True when two partial sums can be merged exactly (so runs may be split).
    const MERGEABLE: bool;
    /// Adds one term.
    fn add(&mut self, x: f64);
    /// Adds another partial sum (exact when [`Acc::MERGEABLE`]).
    fn merge(&mut self, other: &Self);
    /// The sum as an `f64`.
    fn total(&self) -> f64;
}

/// Model 1's sum: plain `f64` addition in run order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FloatSum(pub f64);

impl Acc for FloatSum {
    const MERGEABLE: bool = false;
    #[inline(always)]
    fn add(&mut self, x: f64) {
        self.0 += x;
    }
    fn merge(&mut self, other: &Self) {
        self.0 += other.0;
    }
    fn total(&self) -> f64 {
        self.0
    }
}

/// 2^32: the fixed-point scale of [`FixedSum`].
const SCALE: f64 = 4_294_967_296.0;

/// Largest |term * SCALE| converted through `i64` (the fast path); larger ones go through `i128`.
const FAST: f64 = 4.6e18;

/// Model 2's sum: each term rounded to a multiple of 2^-32 and added exactly as
/// an integer, `wraps * 2^64 + low` (steps of 2^-32 clients): the hot path adds
/// to an `i64` and counts its wrap-arounds, exact like an `i128` and cheaper.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize)]
pub struct FixedSum {
    /// The sum modulo 2^64, as a signed integer (steps).
    low: i64,
    /// How many times 2^64 the sum differs from `low`.
    wraps: i64,
}

impl FixedSum {
    /// The exact sum (steps of 2^-32 clients; modulo 2^128, which no sum of
    /// finite terms reaches).
    pub fn steps(&self) -> i128 {
        (i128::from(self.wraps) << 64).wrapping_add(i128::from(self.low))
    }

    /// The sum of `steps` steps (the slow path: huge terms and merges).
    fn from_steps(steps: i128) -> FixedSum {
        let low = steps as i64;
        FixedSum { low, wraps: (steps.wrapping_sub(i128::from(low)) >> 64) as i64 }
    }
}

impl PartialEq for FixedSum {
    fn eq(&self, other: &FixedSum) -> bool {
        self.steps() == other.steps()
    }
}

impl Eq for FixedSum {}

impl Acc for FixedSum {
    const MERGEABLE: bool = true;
    #[inline(always)]
    fn add(&mut self, x: f64) {
        // Multiplying by a power of two is exact; adding a half away from zero
        // and truncating (the casts) rounds to the nearest, bit for bit on every platform.
        // (`copysign` gives +0.5 for +0.0 and -0.5 for -0.0; both truncate to 0.)
        let y = x * SCALE;
        let y = y + 0.5f64.copysign(y);
        if y.abs() < FAST {
            // SAFETY: |y| < 4.6e18 < 2^63 and y is finite, so the value fits an i64
            // and truncation is what `as` would give, without its saturation checks.
            let step = unsafe { y.to_int_unchecked::<i64>() };
            let (low, wrapped) = self.low.overflowing_add(step);
            self.low = low;
            if wrapped {
                // Past i64::MAX going up (a positive step), past i64::MIN going down.
                self.wraps = self.wraps.wrapping_add(if step > 0 { 1 } else { -1 });
            }
        } else {
            *self = FixedSum::from_steps(self.steps().wrapping_add(y as i128));
        }
    }
    fn merge(&mut self, other: &Self) {
        *self = FixedSum::from_steps(self.steps().wrapping_add(other.steps()));
    }
    fn total(&self) -> f64 {
        self.steps() as f64 / SCALE
    }
}

/// Widest histogram kept (bins); wider spreads keep the values themselves.
const HISTOGRAM_LIMIT: usize = 8192;

/// The whole-number values (clients) of a set of runs, for their percentiles:
/// a histogram while the values stay within [`HISTOGRAM_LIMIT`] of each other,
/// the values themselves beyond. Merging is exact in any order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CountHistogram {
    /// `counts[i]` runs had the value `min + i`.
    Bins {
        /// The smallest value counted (meaningless while `counts` is empty).
        min: u32,
        /// Runs per value from `min` on.
        counts: Vec<u32>,
    },
    /// The values, in the order added (too spread for a histogram).
    Values(Vec<u32>),
}

impl Default for CountHistogram {
    fn default() -> CountHistogram {
        CountHistogram::Bins { min: 0, counts: Vec::new() }
    }
}

impl CountHistogram {
    /// Counts one run's value.
    #[inline(always)]
    pub fn add(&mut self, value: u32) {
        if let CountHistogram::Bins { min, counts } = self
            && let Some(slot) = value.checked_sub(*min).and_then(|i| counts.get_mut(i as usize))
        {
            *slot += 1;
            return;
        }
        self.add_slow(value);
    }

    /// [`CountHistogram::add`] when the value lies outside the bins kept so far.
    #[cold]
    #[inline(never)]
    fn add_slow(&mut self, value: u32) {
        match self {
            CountHistogram::Values(values) => values.push(value),
            CountHistogram::Bins { min, counts } => {
                if counts.is_empty() {
                    *min = value;
                    counts.push(1);
                    return;
                }
                let top = u64::from(*min) + counts.len() as u64 - 1;
                let (low, high) = (u64::from((*min).min(value)), top.max(u64::from(value)));
                if (high - low) as usize >= HISTOGRAM_LIMIT {
                    let mut values = self.values();
                    values.push(value);
                    *self = CountHistogram::Values(values);
                    return;
                }
                if value < *min {
                    counts.splice(0..0, std::iter::repeat_n(0, (*min - value) as usize));
                    *min = value;
                }
                let i = (value - *min) as usize;
                if i >= counts.len() {
                    counts.resize(i + 1, 0);
                }
                counts[i] += 1;
            }
        }
    }

    /// Every value counted (in increasing order for a histogram).
    fn values(&self) -> Vec<u32> {
        match self {
            CountHistogram::Values(values) => values.clone(),
            CountHistogram::Bins { min, counts } => {
                counts.iter().enumerate().flat_map(|(i, &n)| std::iter::repeat_n(*min + i as u32, n as usize)).collect()
            }
        }
    }

    /// Adds another set of values (exact, in any order).
    pub fn merge(&mut self, other: &CountHistogram) {
        match (&mut *self, other) {
            (CountHistogram::Bins { counts, .. }, _) if counts.is_empty() => *self = other.clone(),
            (CountHistogram::Bins { min, counts }, CountHistogram::Bins { min: other_min, counts: other_counts }) => {
                if other_counts.is_empty() {
                    return;
                }
                let low = u64::from((*min).min(*other_min));
                let high =
                    (u64::from(*min) + counts.len() as u64).max(u64::from(*other_min) + other_counts.len() as u64);
                if (high - low) as usize > HISTOGRAM_LIMIT {
                    let mut values = self.values();
                    values.extend(other.values());
                    *self = CountHistogram::Values(values);
                    return;
                }
                if *other_min < *min {
                    counts.splice(0..0, std::iter::repeat_n(0, (*min - *other_min) as usize));
                    *min = *other_min;
                }
                let offset = (*other_min - *min) as usize;
                if offset + other_counts.len() > counts.len() {
                    counts.resize(offset + other_counts.len(), 0);
                }
                for (slot, &n) in counts[offset..].iter_mut().zip(other_counts) {
                    *slot += n;
                }
            }
            (CountHistogram::Values(values), _) => values.extend(other.values()),
            (CountHistogram::Bins { .. }, CountHistogram::Values(more)) => {
                let mut values = self.values();
                values.extend_from_slice(more);
                *self = CountHistogram::Values(values);
            }
        }
    }

    /// Number of values counted.
    pub fn len(&self) -> u64 {
        match self {
            CountHistogram::Values(values) => values.len() as u64,
            CountHistogram::Bins { counts, .. } => counts.iter().map(|&n| u64::from(n)).sum(),
        }
    }

    /// True when nothing was counted.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Type-7 quantiles at `probs` (as [`crate::stats::quantile_sorted`] over the sorted values).
    pub fn quantiles<const P: usize>(&self, probs: &[f64; P]) -> [f64; P] {
        let mut out = [0.0; P];
        match self {
            CountHistogram::Values(values) => {
                let mut sorted: Vec<f64> = values.iter().map(|&v| f64::from(v)).collect();
                sorted.sort_unstable_by(f64::total_cmp);
                for (q, &p) in out.iter_mut().zip(probs) {
                    *q = crate::stats::quantile_sorted(&sorted, p);
                }
            }
            CountHistogram::Bins { min, counts } => {
                out = crate::stats::histogram_quantiles(i64::from(*min), counts, probs)
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::quantile_sorted;

    #[test]
    fn fixed_sums_merge_exactly_in_any_split() {
        let terms: Vec<f64> = (0..1000).map(|i| 250.0 + (i as f64 * 0.7331).sin() * 40.0 + 1e-9 * i as f64).collect();
        let whole = terms.iter().fold(FixedSum::default(), |mut s, &x| {
            s.add(x);
            s
        });
        for split in [1, 7, 333, 999] {
            let (mut a, mut b) = (FixedSum::default(), FixedSum::default());
            terms[..split].iter().for_each(|&x| a.add(x));
            terms[split..].iter().for_each(|&x| b.add(x));
            b.merge(&a);
            assert_eq!(b, whole, "split at {split}");
        }
        // Each term is off by at most half a step (2^-33), and rounding (not cutting) keeps them from adding up.
        let float: f64 = terms.iter().sum();
        let bound = terms.len() as f64 * 2f64.powi(-33);
        assert!((whole.total() - float).abs() < bound / 10.0, "{} vs {float}", whole.total());
    }

    /// The definition of a term's step count, written the slow and obvious way:
    /// x * 2^32 rounded half away from zero, through `i128` (saturating, NaN to 0).
    fn steps_by_definition(x: f64) -> i128 {
        let y = x * SCALE;
        (if y >= 0.0 { y + 0.5 } else { y - 0.5 }) as i128
    }

    #[test]
    fn each_term_rounds_half_away_from_zero_as_defined() {
        let step = 1.0 / SCALE;
        let mut terms = vec![0.0, -0.0, step / 2.0, -step / 2.0, step * 1.5, -step * 2.5, 1e-300, -1e-300];
        terms.extend([250.0, 277.049_999_999_999_3, -13.25, 1e9 + step / 2.0, 1.07e9, -1.07e9]);
        terms.extend([FAST / SCALE * 0.999_999, FAST / SCALE, FAST / SCALE * 1.5, -FAST / SCALE * 2.0, 1e30]);
        terms.extend([f64::INFINITY, f64::NEG_INFINITY, f64::NAN]);
        let mut rng = crate::rng::RunRng::for_run(11, 0);
        terms.extend((0..20_000).map(|_| (rng.uniform() - 0.3) * 600.0));
        terms.extend((0..2_000).map(|k| (k as f64 - 1000.0 + 0.5) * step));
        for &x in &terms {
            let mut sum = FixedSum::default();
            sum.add(x);
            assert_eq!(sum.steps(), steps_by_definition(x), "term {x:e}");
        }
        // The check can fail: rounding half to even instead gives other steps on these ties.
        let even = |x: f64| (x * SCALE).round_ties_even() as i128;
        assert!(terms.iter().any(|&x| even(x) != steps_by_definition(x)), "ties are among the terms");
    }

    #[test]
    fn sums_past_the_range_of_an_i64_stay_exact() {
        // Terms of ~2^61 steps each: five of them pass i64::MAX; then terms of ~2^62 steps
        // (also the fast path) take the sum below i64::MIN.
        let big = 5.0e8;
        let term = |k: usize| if k < 25 { big } else { -big * 2.0 };
        let mut sum = FixedSum::default();
        let mut exact = 0i128;
        for k in 0..40 {
            sum.add(term(k));
            exact += steps_by_definition(term(k));
            assert_eq!(sum.steps(), exact, "after {} terms", k + 1);
        }
        assert!(exact < i128::from(i64::MIN), "the sum went below i64::MIN ({exact})");
        assert!(steps_by_definition(big) * 25 > i128::from(i64::MAX), "and above i64::MAX before");
        // The same sum split anywhere and merged is the same value, and equal as a sum.
        let (mut a, mut b) = (FixedSum::default(), FixedSum::default());
        (0..40).for_each(|k| if k % 3 == 0 { a.add(term(k)) } else { b.add(term(k)) });
        a.merge(&b);
        assert_eq!(a, sum);
        // A wrong count of the wrap-arounds would be caught: the sum as a plain wrapping i64 is not the value.
        assert_ne!(i128::from(exact as i64), exact);
    }

    #[test]
    fn histogram_quantiles_match_sorting_and_merge() {
        let values: Vec<u32> = (0..2001u32).map(|i| (i * 7919) % 311 + 200).collect();
        let mut whole = CountHistogram::default();
        values.iter().for_each(|&v| whole.add(v));
        let mut sorted: Vec<f64> = values.iter().map(|&v| f64::from(v)).collect();
        sorted.sort_by(f64::total_cmp);
        let probs = [0.05, 0.10, 0.25, 0.5, 0.75, 0.9, 0.95];
        let q = whole.quantiles(&probs);
        for (k, &p) in probs.iter().enumerate() {
            assert_eq!(q[k], quantile_sorted(&sorted, p), "p = {p}");
        }
        let (mut a, mut b) = (CountHistogram::default(), CountHistogram::default());
        values[..700].iter().for_each(|&v| a.add(v));
        values[700..].iter().for_each(|&v| b.add(v));
        b.merge(&a);
        assert_eq!(b.len(), whole.len());
        assert_eq!(b.quantiles(&probs), q);
    }

    #[test]
    fn wide_spreads_keep_the_values() {
        let values: Vec<u32> = (0..3001u32).map(|i| (i * 104_729) % 2_000_003).collect();
        let mut sorted: Vec<f64> = values.iter().map(|&v| f64::from(v)).collect();
        sorted.sort_by(f64::total_cmp);
        let probs = [0.05, 0.5, 0.95];
        let expected = probs.map(|p| quantile_sorted(&sorted, p));
        let mut whole = CountHistogram::default();
        values.iter().for_each(|&v| whole.add(v));
        assert!(matches!(whole, CountHistogram::Values(_)));
        assert_eq!(whole.quantiles(&probs), expected);
        let (mut a, mut b) = (CountHistogram::default(), CountHistogram::default());
        values[..5].iter().for_each(|&v| a.add(v));
        values[5..].iter().for_each(|&v| b.add(v));
        a.merge(&b);
        assert_eq!(a.quantiles(&probs), expected);
    }
}
