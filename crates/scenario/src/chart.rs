//! Chart geometry: scales, ticks and SVG path strings.
//!
//! Pure functions, so the page only places strings; coordinates are SVG user
//! units, rounded to 0.1 to keep the markup small.

/// A chart's drawing surface: the SVG size and the margins around the plot
/// area, all in SVG user units. The y axis points up (larger values higher).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Width of the SVG (user units).
    pub width: f64,
    /// Height of the SVG (user units).
    pub height: f64,
    /// Margin left of the plot area, for the y-axis labels (user units).
    pub left: f64,
    /// Margin right of the plot area (user units).
    pub right: f64,
    /// Margin above the plot area (user units).
    pub top: f64,
    /// Margin below the plot area, for the x-axis labels (user units).
    pub bottom: f64,
}

impl Frame {
    /// Left and right edges of the plot area (user units).
    pub fn x_range(&self) -> (f64, f64) {
        (self.left, self.width - self.right)
    }

    /// Bottom and top edges of the plot area (user units; the bottom has the larger number).
    pub fn y_range(&self) -> (f64, f64) {
        (self.height - self.bottom, self.top)
    }

    /// The x scale from `domain` onto the plot area's width.
    pub fn x(&self, domain: (f64, f64)) -> Scale {
        Scale::new(domain, self.x_range())
    }

    /// The y scale from `domain` onto the plot area's height, upwards.
    pub fn y(&self, domain: (f64, f64)) -> Scale {
        Scale::new(domain, self.y_range())
    }

    /// The SVG `viewBox` attribute: `0 0 width height`.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", self.width, self.height)
    }
}

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

    /// The data value at pixel position `px` (the inverse of [`Scale::at`]).
    pub fn invert(&self, px: f64) -> f64 {
        let span = self.range.1 - self.range.0;
        if span == 0.0 {
            return self.domain.0;
        }
        self.domain.0 + (px - self.range.0) / span * (self.domain.1 - self.domain.0)
    }

    /// The index (0..count) of the point nearest to pixel `px` on a scale whose
    /// domain runs over point indices; clamped into range.
    pub fn nearest_index(&self, px: f64, count: usize) -> usize {
        let i = self.invert(px).round();
        if i.is_nan() || i <= 0.0 || count == 0 { 0 } else { (i as usize).min(count - 1) }
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

/// The step between "nice" ticks (1, 2 or 5 times a power of ten) that is at
/// least `raw`, in the data's unit; 1 for a `raw` that is not positive and finite.
pub fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let power = 10f64.powi(libm::floor(libm::log10(raw)) as i32);
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|f| f * power).find(|s| *s >= raw).unwrap_or(10.0 * power)
}

/// "Nice" ticks, in the data's unit, for an axis that need not start at zero:
/// multiples of one [`nice_step`] from the last one at or below `lo` to the
/// first one at or above `hi`, about `count` steps apart. The first and last
/// ticks are the axis's ends. Non-finite bounds are left out; with none
/// left, or `count` 0, the answer is `[0, 1]`; an empty span is widened by one
/// step; a span too wide for an f64 is returned as `[lo, hi]`.
pub fn nice_span(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let finite = [lo, hi].into_iter().filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    if lo > hi || count == 0 {
        return vec![0.0, 1.0];
    }
    if !(hi - lo).is_finite() {
        return vec![lo, hi];
    }
    let step = nice_step((hi - lo) / count as f64);
    let first = libm::floor(lo / step);
    let last = libm::ceil(hi / step).max(first + 1.0);
    (0..=(last - first) as i64).map(|i| (first + i as f64) * step).collect()
}

/// The data domain of a horizontal bar chart whose bars may point either way
/// from a zero axis: always contains 0, and each non-zero end is rounded
/// outward with [`nice_max`]. Non-finite values are ignored. All zero gives (0, 1).
pub fn diverging_domain(values: &[f64]) -> (f64, f64) {
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((0.0f64, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
    match (lo < 0.0, hi > 0.0) {
        (false, false) => (0.0, 1.0),
        (true, false) => (-nice_max(-lo), 0.0),
        (false, true) => (0.0, nice_max(hi)),
        (true, true) => (-nice_max(-lo), nice_max(hi)),
    }
}

/// One horizontal bar, in SVG user units: the rectangle `x..x + width` by
/// `y..y + height`, and where its value label goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width (never negative; 0 for a zero or non-finite value).
    pub width: f64,
    /// Height.
    pub height: f64,
    /// True when the value is below zero, so the bar runs left of the zero axis.
    pub negative: bool,
    /// x of the value label: 4 units beyond the bar's far end (left of a
    /// negative bar, to be anchored at its end; right of any other bar).
    pub label_x: f64,
    /// y of the value label's baseline: the bar's middle plus 4 units.
    pub label_y: f64,
}

/// Gap between a bar's end and its value label (SVG user units).
const LABEL_GAP: f64 = 4.0;

/// Horizontal bars for `values` (data units) drawn from the zero axis `x.at(0)`
/// to `x.at(value)`. Bar i lies in row i, the band `top + i * row .. top + (i + 1) * row`
/// (SVG user units); the bar takes the bottom `bar` units of its row, leaving
/// the space above it for a name. A non-finite value gives a zero-width bar.
pub fn bars(values: &[f64], x: &Scale, top: f64, row: f64, bar: f64) -> Vec<Bar> {
    let zero = x.at(0.0);
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let end = if v.is_finite() { x.at(v) } else { zero };
            let negative = end < zero;
            let y = top + (i as f64 + 1.0) * row - bar;
            Bar {
                x: round1(zero.min(end)),
                y: round1(y),
                width: round1((end - zero).abs()),
                height: round1(bar),
                negative,
                label_x: round1(if negative { end - LABEL_GAP } else { end + LABEL_GAP }),
                label_y: round1(y + bar / 2.0 + LABEL_GAP),
            }
        })
        .collect()
}

/// Estimated width of one character of chart text, in ems: the widest glyphs
/// of common sans-serif faces (DejaVu Sans's digits) are 0.64 em; most text is narrower.
pub const CHAR_WIDTH_EM: f64 = 0.64;

/// Height of a line of chart text, in ems: from the top of its ascender to the
/// bottom of its descender (DejaVu Sans: 1.13 em).
pub const LINE_HEIGHT_EM: f64 = 1.14;

/// A one-line text label as the page draws it: the anchor of its baseline and
/// its estimated extent, in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Label {
    /// x of the anchor (the text's start, or its end when `end_anchored`).
    pub x: f64,
    /// y of the baseline.
    pub y: f64,
    /// Estimated width: [`CHAR_WIDTH_EM`] per character.
    pub width: f64,
    /// Font size (the em).
    pub font: f64,
    /// True for `text-anchor="end"`: the text runs left of `x`.
    pub end_anchored: bool,
}

impl Label {
    /// The label of `text` at font size `font`, anchored at (`x`, `y`).
    pub fn new(text: &str, x: f64, y: f64, font: f64, end_anchored: bool) -> Label {
        Label { x, y, width: text.chars().count() as f64 * CHAR_WIDTH_EM * font, font, end_anchored }
    }

    /// Left and right edges.
    fn span(&self) -> (f64, f64) {
        if self.end_anchored { (self.x - self.width, self.x) } else { (self.x, self.x + self.width) }
    }

    /// Top and bottom edges of its line (ascender 0.9 em above the baseline, the rest below).
    fn rows(&self) -> (f64, f64) {
        let ascent = 0.9 * self.font;
        (self.y - ascent, self.y - ascent + LINE_HEIGHT_EM * self.font)
    }

    /// True when the two labels' boxes share any area.
    pub fn overlaps(&self, other: &Label) -> bool {
        let ((l0, r0), (l1, r1)) = (self.span(), other.span());
        let ((t0, b0), (t1, b1)) = (self.rows(), other.rows());
        l0 < r1 && l1 < r0 && t0 < b1 && t1 < b0
    }
}

/// Moves the labels from index `fixed` on clear of the labels before them:
/// in order, each moves down one line at a time (its line height) until it
/// overlaps no label before it, but never with its baseline below `lowest`
/// (user units): a label that finds no room there keeps its place.
pub fn clear_labels(labels: &mut [Label], fixed: usize, lowest: f64) {
    for i in fixed..labels.len() {
        let (placed, rest) = labels.split_at_mut(i);
        let label = &mut rest[0];
        let (start, step) = (label.y, LINE_HEIGHT_EM * label.font);
        while placed.iter().any(|p| p.overlaps(label)) {
            if label.y + step > lowest {
                label.y = start;
                break;
            }
            label.y += step;
        }
    }
}

fn round1(v: f64) -> f64 {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 { 0.0 } else { r }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_that_meet_move_down_a_line_until_clear() {
        // A label of 10 characters at 12 units: 76.8 wide, 13.68 high.
        let observed = Label::new("2023: ≈250", 100.0, 150.0, 12.0, false);
        assert!((observed.width - 76.8).abs() < 1e-9);
        let step = LINE_HEIGHT_EM * 12.0;
        let cleared = |movable: &[Label], lowest: f64| {
            let mut labels = vec![observed];
            labels.extend_from_slice(movable);
            clear_labels(&mut labels, 1, lowest);
            assert_eq!(labels[0], observed, "a fixed label stays");
            labels[1..].iter().map(|l| l.y).collect::<Vec<f64>>()
        };
        // Starts inside the observed label's span, 4 units lower: they meet.
        let target = Label::new("doel 1 ≤ 240", 150.0, 154.0, 12.0, false);
        assert!(target.overlaps(&observed) && observed.overlaps(&target));
        assert_eq!(cleared(&[target], 300.0), vec![154.0 + step]);
        // Clear of it to the right (starts after its end), or a line below: unchanged.
        let right = Label::new("doel 1 ≤ 240", 177.0, 154.0, 12.0, false);
        let below = Label::new("doel 1 ≤ 240", 150.0, 150.0 + step, 12.0, false);
        assert!(!right.overlaps(&observed) && !below.overlaps(&observed));
        assert_eq!(cleared(&[right], 300.0), vec![154.0]);
        assert_eq!(cleared(&[below], 300.0), vec![150.0 + step]);
        // An end-anchored label runs left of its anchor.
        assert!(Label::new("doel 2 ≤ 100", 180.0, 150.0, 12.0, true).overlaps(&observed));
        assert!(!Label::new("doel 2 ≤ 100", 180.0, 150.0, 12.0, false).overlaps(&observed));
        // Movable labels also clear each other, in order.
        assert_eq!(cleared(&[target, target], 300.0), vec![154.0 + step, 154.0 + 2.0 * step]);
        // No room above `lowest`: the label keeps its place.
        assert_eq!(cleared(&[target], 160.0), vec![154.0]);
    }

    #[test]
    fn scale_maps_ends_and_inverts_y() {
        let y = Scale::new((0.0, 400.0), (300.0, 20.0));
        assert_eq!(y.at(0.0), 300.0);
        assert_eq!(y.at(400.0), 20.0);
        assert_eq!(y.at(200.0), 160.0);
        assert_eq!(Scale::new((5.0, 5.0), (0.0, 10.0)).at(5.0), 0.0);
    }

    #[test]
    fn invert_undoes_at() {
        let x = Scale::new((0.0, 83.0), (56.0, 708.0));
        for v in [0.0, 10.0, 41.5, 83.0] {
            assert!((x.invert(x.at(v)) - v).abs() < 1e-9);
        }
        assert_eq!(x.nearest_index(0.0, 84), 0);
        assert_eq!(x.nearest_index(x.at(12.4), 84), 12);
        assert_eq!(x.nearest_index(10_000.0, 84), 83);
        assert_eq!(x.nearest_index(f64::NAN, 84), 0);
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

    #[test]
    fn spans_need_not_start_at_zero() {
        assert_eq!(nice_step(37.0), 50.0);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
        assert_eq!(nice_span(29_500.0, 36_800.0, 4), vec![28_000.0, 30_000.0, 32_000.0, 34_000.0, 36_000.0, 38_000.0]);
        assert_eq!(nice_span(5.0, 5.0, 3), vec![5.0, 6.0], "an empty span is widened by one step");
        assert_eq!(nice_span(f64::NAN, 7.0, 3), vec![7.0, 8.0]);
        assert_eq!(nice_span(f64::NAN, f64::INFINITY, 3), vec![0.0, 1.0]);
        assert_eq!(nice_span(-12.0, 31.0, 4), vec![-20.0, 0.0, 20.0, 40.0]);
        assert_eq!(nice_span(-f64::MAX, f64::MAX, 4), vec![-f64::MAX, f64::MAX], "an overflowing span is kept as is");
    }

    #[test]
    fn diverging_domain_contains_zero_and_both_signs() {
        assert_eq!(diverging_domain(&[120.0, 0.0, 37.0]), (0.0, 150.0));
        assert_eq!(diverging_domain(&[-37.0, 0.0]), (-40.0, 0.0));
        assert_eq!(diverging_domain(&[-37.0, 120.0, f64::NAN]), (-40.0, 150.0));
        assert_eq!(diverging_domain(&[0.0, f64::INFINITY]), (0.0, 1.0));
        assert_eq!(diverging_domain(&[]), (0.0, 1.0));
    }

    #[test]
    fn bars_point_away_from_the_zero_axis() {
        let x = Scale::new((-50.0, 150.0), (0.0, 200.0));
        let b = bars(&[100.0, -50.0, 0.0, f64::NAN], &x, 10.0, 40.0, 16.0);
        assert_eq!(b.len(), 4);
        assert_eq!((b[0].x, b[0].width, b[0].negative, b[0].label_x), (50.0, 100.0, false, 154.0));
        assert_eq!((b[1].x, b[1].width, b[1].negative, b[1].label_x), (0.0, 50.0, true, -4.0));
        assert_eq!((b[2].x, b[2].width, b[2].negative), (50.0, 0.0, false));
        assert_eq!((b[3].x, b[3].width), (50.0, 0.0), "a non-finite value draws nothing");
        assert_eq!((b[0].y, b[0].height, b[0].label_y), (34.0, 16.0, 46.0), "bottom of row 0 (10..50)");
        assert_eq!(b[3].y, 10.0 + 4.0 * 40.0 - 16.0, "row 3");
    }

    #[test]
    fn a_frame_maps_its_domain_onto_the_plot_area_upwards() {
        let frame = Frame { width: 200.0, height: 100.0, left: 20.0, right: 10.0, top: 5.0, bottom: 15.0 };
        assert_eq!(frame.view_box(), "0 0 200 100");
        let (x, y) = (frame.x((0.0, 10.0)), frame.y((0.0, 50.0)));
        assert_eq!((x.at(0.0), x.at(10.0)), (20.0, 190.0));
        assert_eq!((y.at(0.0), y.at(50.0)), (85.0, 5.0));
    }
}
