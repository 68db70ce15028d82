//! Sums over runs, and why model 2's sums do not depend on how the runs are split.
//!
//! Model 1 adds each month's terms over the runs in run order in plain `f64`
//! ([`FloatSum`]); that order is part of its numbers, so a model-1 projection is
//! computed in one piece. Model 2 adds them as fixed-point integers
//! ([`FixedSum`]: each term rounded to a multiple of 2^-48 and summed exactly in
//! an `i128`), so any split of the runs over threads or workers, merged in any
//! order, gives the same bits. Each term is rounded to the nearest multiple
//! of 2^-32 (2.3e-10 clients): for a month's mean over 10,000 runs that is a
//! relative error below 1e-13, far below what the Monte Carlo can tell, and
//! the `i128` holds the sum of any number of runs of any term without overflow.
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

/// Model 2's sum: each term rounded to a multiple of 2^-32 and added exactly as an integer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedSum(pub i128);

impl Acc for FixedSum {
    const MERGEABLE: bool = true;
    #[inline(always)]
    fn add(&mut self, x: f64) {
        // Multiplying by a power of two is exact; adding a half away from zero
        // and truncating (the casts) rounds to the nearest, bit for bit on every platform.
        let y = x * SCALE;
        let y = if y >= 0.0 { y + 0.5 } else { y - 0.5 };
        self.0 += if y.abs() < FAST { i128::from(y as i64) } else { y as i128 };
    }
    fn merge(&mut self, other: &Self) {
        self.0 += other.0;
    }
    fn total(&self) -> f64 {
        self.0 as f64 / SCALE
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
