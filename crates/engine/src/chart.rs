//! Chart geometry: scales, ticks and SVG path strings.
//!
//! Pure functions, so the page only places strings; coordinates are SVG user
//! units, rounded to 0.1 to keep the markup small.

/// A linear map from a data interval onto a pixel interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// Data value mapped to `range.0`.
    pub domain: (f64, f64),
    /// Pixel positions (SVG user units) of the domain's ends.
    pub range: (f64, f64),
}

impl Scale {
    /// A scale from `domain` onto `range`; an empty domain is widened by 1 so nothing divides by zero.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Scale {
        let domain = if domain.1 > domain.0 { domain } else { (domain.0, domain.0 + 1.0) };
        Scale { domain, range }
    }

    /// Pixel position of data value `v`.
    pub fn at(&self, v: f64) -> f64 {
        let t = (v - self.domain.0) / (self.domain.1 - self.domain.0);
        self.range.0 + t * (self.range.1 - self.range.0)
    }
}

/// "Nice" tick values (1, 2 or 5 times a power of ten) covering `0..=max`, at most about `count` of them.
pub fn nice_ticks(max: f64, count: usize) -> Vec<f64> {
    if max.is_nan() || max <= 0.0 || count == 0 {
        return vec![0.0];
    }
    let raw = max / count as f64;
    let power = 10f64.powi(libm::floor(libm::log10(raw)) as i32);
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|f| f * power).find(|s| *s >= raw).unwrap_or(10.0 * power);
    (0..).map(|i| f64::from(i) * step).take_while(|v| *v <= max + step * 1e-9).collect()
}

/// A round upper bound for an axis showing values up to `max`: the first nice tick at or above it.
pub fn nice_max(max: f64) -> f64 {
    let ticks = nice_ticks(max, 5);
    let last = *ticks.last().unwrap_or(&0.0);
    if last >= max { last.max(1.0) } else { last + ticks.get(1).copied().unwrap_or(1.0) }
}

fn fmt(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 { "0".into() } else { format!("{r}") }
}

/// SVG path through the points `(x(i), y(values[i]))`.
pub fn line_path(values: &[f64], x: &Scale, y: &Scale) -> String {
    let mut d = String::with_capacity(values.len() * 12);
    for (i, v) in values.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        d.push_str(&fmt(x.at(i as f64)));
        d.push(',');
        d.push_str(&fmt(y.at(*v)));
    }
    d
}

/// Closed SVG path of the band between `lower` and `upper` (same length).
pub fn band_path(lower: &[f64], upper: &[f64], x: &Scale, y: &Scale) -> String {
    debug_assert_eq!(lower.len(), upper.len());
    let mut d = line_path(upper, x, y);
    for (i, v) in lower.iter().enumerate().rev() {
        d.push('L');
        d.push_str(&fmt(x.at(i as f64)));
        d.push(',');
        d.push_str(&fmt(y.at(*v)));
    }
    if !d.is_empty() {
        d.push('Z');
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_maps_ends_and_inverts_y() {
        let y = Scale::new((0.0, 400.0), (300.0, 20.0));
        assert_eq!(y.at(0.0), 300.0);
        assert_eq!(y.at(400.0), 20.0);
        assert_eq!(y.at(200.0), 160.0);
        assert_eq!(Scale::new((5.0, 5.0), (0.0, 10.0)).at(5.0), 0.0);
    }

    #[test]
    fn ticks_are_nice() {
        assert_eq!(nice_ticks(400.0, 5), vec![0.0, 100.0, 200.0, 300.0, 400.0]);
        assert_eq!(nice_ticks(37.0, 4), vec![0.0, 10.0, 20.0, 30.0]);
        assert_eq!(nice_max(37.0), 40.0);
        assert_eq!(nice_max(0.0), 1.0);
        assert_eq!(nice_ticks(f64::NAN, 5), vec![0.0]);
    }

    #[test]
    fn paths_are_compact() {
        let x = Scale::new((0.0, 2.0), (0.0, 100.0));
        let y = Scale::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(line_path(&[0.0, 5.0, 10.0], &x, &y), "M0,100L50,50L100,0");
        assert_eq!(band_path(&[0.0, 0.0], &[10.0, 10.0], &x, &y), "M0,0L50,0L50,100L0,100Z");
    }
}
