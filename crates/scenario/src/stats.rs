//! Order statistics over the runs.
//!
//! Percentiles of counts and of per-run totals use linear interpolation
//! between order statistics (Hyndman and Fan type 7, the default of R and
//! NumPy): with n sorted values x_0 <= ... <= x_{n-1} and h = (n - 1) p,
//! Q(p) = x_floor(h) + (h - floor(h)) (x_floor(h)+1 - x_floor(h)).
//! Months of first reaching a target use the nearest-rank definition instead
//! (the value at rank ceil(p n), 1-based), so that they are always a month
//! that some run actually had.

use serde::{Deserialize, Serialize};

/// The percentiles reported per month, as shares (0..1): 5, 10, 25, 50, 75, 90, 95 %.
pub const MONTH_PROBS: [f64; 7] = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95];

/// Largest value range (max - min + 1) counted with a histogram; wider
/// ranges are sorted instead.
const HISTOGRAM_LIMIT: u64 = 1 << 20;

/// A share of runs (0..1) with its Monte Carlo standard error sqrt(p (1 - p) / n).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Probability {
    /// The share of runs (0..1).
    pub p: f64,
    /// Its Monte Carlo standard error (share).
    pub std_error: f64,
}

impl Probability {
    /// The share `hits` / `runs` (runs at least 1) with its standard error.
    pub fn of_runs(hits: u32, runs: u32) -> Probability {
        let n = f64::from(runs.max(1));
        let p = f64::from(hits) / n;
        Probability { p, std_error: (p * (1.0 - p) / n).sqrt() }
    }
}

/// Mean and 5th, 50th and 95th percentiles (type 7) of a per-run quantity,
/// in that quantity's unit.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Mean over the runs.
    pub mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// Median.
    pub p50: f64,
    /// 95th percentile.
    pub p95: f64,
}

impl Summary {
    /// Summary of `values` (one per run, at least one); sorts `values` in place.
    /// The mean is the plain sum in run order divided by n.
    pub fn of(values: &mut [f64]) -> Summary {
        if values.is_empty() {
            return Summary { mean: 0.0, p5: 0.0, p50: 0.0, p95: 0.0 };
        }
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        values.sort_unstable_by(f64::total_cmp);
        Summary {
            mean,
            p5: quantile_sorted(values, 0.05),
            p50: quantile_sorted(values, 0.50),
            p95: quantile_sorted(values, 0.95),
        }
    }
}

/// Type-7 quantile `p` (0..1) of sorted, non-empty `sorted`.
pub fn quantile_sorted(sorted: &[f64], p: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return 0.0;
    }
    let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor();
    let i = (lo as usize).min(n - 1);
    let j = (i + 1).min(n - 1);
    sorted[i] + (h - lo) * (sorted[j] - sorted[i])
}

/// Type-7 quantiles at `probs` of whole-number `values` (non-empty), by a
/// histogram over min..=max: O(n + range) instead of a sort. Falls back to
/// sorting a copy when the range is very wide.
pub fn count_quantiles<const P: usize>(values: &[u32], probs: &[f64; P]) -> [f64; P] {
    let (Some(&min), Some(&max)) = (values.iter().min(), values.iter().max()) else {
        return [0.0; P];
    };
    if u64::from(max - min) + 1 > HISTOGRAM_LIMIT {
        let mut sorted: Vec<f64> = values.iter().map(|&v| f64::from(v)).collect();
        sorted.sort_unstable_by(f64::total_cmp);
        return probs.map(|p| quantile_sorted(&sorted, p));
    }
    let mut histogram = vec![0u32; (max - min) as usize + 1];
    for &v in values {
        histogram[(v - min) as usize] += 1;
    }
    histogram_quantiles(i64::from(min), &histogram, probs)
}

/// Type-7 quantiles at `probs` (increasing) of the whole numbers counted in
/// `histogram` (`histogram[i]` values equal `min + i`), by one walk over it:
/// the same numbers as [`quantile_sorted`] over the sorted values. All zeros
/// when the histogram is empty.
pub fn histogram_quantiles<const P: usize>(min: i64, histogram: &[u32], probs: &[f64; P]) -> [f64; P] {
    let n: u64 = histogram.iter().map(|&c| u64::from(c)).sum();
    let mut out = [0.0; P];
    if n == 0 {
        return out;
    }
    // The value at 0-based `rank`, for non-decreasing ranks.
    let (mut bin, mut below) = (0usize, 0u64);
    let mut order_stat = |rank: u64| {
        while bin + 1 < histogram.len() && below + u64::from(histogram[bin]) <= rank {
            below += u64::from(histogram[bin]);
            bin += 1;
        }
        (min + bin as i64) as f64
    };
    for (q, &p) in out.iter_mut().zip(probs) {
        let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
        let lo = h.floor();
        let i = (lo as u64).min(n - 1);
        let j = (i + 1).min(n - 1);
        let (xi, xj) = (order_stat(i), order_stat(j));
        *q = xi + (h - lo) * (xj - xi);
    }
    out
}

/// Nearest-rank percentile `p` (0..1) from a histogram of whole numbers
/// (`histogram[v]` = how many runs had value v): the value at 1-based rank
/// max(1, ceil(p n)). None when the histogram is empty.
pub fn nearest_rank(histogram: &[u32], p: f64) -> Option<usize> {
    let n: u64 = histogram.iter().map(|&c| u64::from(c)).sum();
    if n == 0 {
        return None;
    }
    let rank = ((p.clamp(0.0, 1.0) * n as f64).ceil() as u64).max(1);
    let mut seen = 0u64;
    for (value, &c) in histogram.iter().enumerate() {
        seen += u64::from(c);
        if seen >= rank {
            return Some(value);
        }
    }
    histogram.len().checked_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type7_matches_known_values() {
        // R: quantile(c(1, 2, 3, 4, 10), c(.05, .5, .9)) = 1.2, 3, 7.6
        let v = [1.0, 2.0, 3.0, 4.0, 10.0];
        assert!((quantile_sorted(&v, 0.05) - 1.2).abs() < 1e-12);
        assert_eq!(quantile_sorted(&v, 0.5), 3.0);
        assert!((quantile_sorted(&v, 0.9) - 7.6).abs() < 1e-12);
    }

    #[test]
    fn histogram_matches_sorting() {
        let values: Vec<u32> = (0..1001u32).map(|i| (i * 7919) % 313 + 200).collect();
        let mut sorted: Vec<f64> = values.iter().map(|&v| f64::from(v)).collect();
        sorted.sort_unstable_by(f64::total_cmp);
        let q = count_quantiles(&values, &MONTH_PROBS);
        for (k, p) in MONTH_PROBS.iter().enumerate() {
            assert_eq!(q[k], quantile_sorted(&sorted, *p), "p = {p}");
        }
        assert_eq!(count_quantiles(&[5], &MONTH_PROBS), [5.0; 7]);
    }

    #[test]
    fn nearest_rank_picks_an_observed_value() {
        // values 2, 2, 3, 7 -> p10: rank 1 -> 2; p50: rank 2 -> 2; p90: rank 4 -> 7
        let mut h = vec![0u32; 8];
        h[2] = 2;
        h[3] = 1;
        h[7] = 1;
        assert_eq!(nearest_rank(&h, 0.1), Some(2));
        assert_eq!(nearest_rank(&h, 0.5), Some(2));
        assert_eq!(nearest_rank(&h, 0.9), Some(7));
        assert_eq!(nearest_rank(&[0, 0], 0.5), None);
    }
}
