//! Observed monthly intake entered by the user: reading it from text, its
//! compact form in a link, and the back-test against a projection.
//!
//! # Text form (paste or file)
//!
//! One month per line: `YYYY-MM`, a separator, the count. The separator is a
//! tab, a semicolon, a comma, or spaces (the first of tab `;` `,` found on a
//! line, in that order, so that `2024-01;250,0` from Dutch Excel splits at the
//! semicolon; else runs of spaces). Surrounding whitespace, blank lines, double
//! quotes around a field, empty trailing fields (`2024-01;250;;` from a
//! spreadsheet), Windows or old Mac line endings and a UTF-8 byte order mark
//! are accepted. The first non-blank line is a header, and skipped, when it
//! has no digit (`month,count`, `maand;aantal`). Counts are whole numbers of
//! clients from 0 to [`MAX_COUNT`], read by the page's one number reader
//! ([`crate::scenario::typed_decimal`]): digits, optionally followed by a
//! decimal comma or point and one or two zeros (`250,0` is 250, as a
//! spreadsheet writes a whole number); no sign, no other decimals (`250,5`),
//! no thousands separators (`1.250` is refused rather than guessed: in Dutch
//! it is 1250, in English 1.25). Months run from [`MIN_MONTH`] to [`MAX_MONTH`],
//! each at most once; at most [`MAX_LINES`] data lines and [`MAX_BYTES`] bytes.
//! Every bad line is reported with its 1-based line number; the series is
//! given only when no line is bad, so nothing is silently dropped.
//!
//! # Link form (`obs`, page only)
//!
//! The first month, `~`, then one count per month separated by `.`, empty for
//! a month without a figure: `obs=2024-01~250.262..240` is 250 in January
//! 2024, 262 in February, nothing in March, 240 in April. Only URL-unreserved
//! characters, so nothing is escaped. Written only for a series that spans at
//! most [`MAX_URL_OBS`] months; a longer one stays in the page. Canonical:
//! counts without leading zeros, the first and last entries not empty, so
//! each series has exactly one link form; decoding accepts nothing else.
//!
//! # Back-test
//!
//! Each point inside the projected months is checked against that month's
//! 50 % band (p25 to p75, both included) and 90 % band (p5 to p95, both
//! included); points before or after the projection are counted apart.

use crate::month::Month;
use crate::output::MonthStats;
use crate::problem::shorten;
use serde::{Deserialize, Serialize};
use std::fmt;

/// First month accepted (2000-01).
pub const MIN_MONTH: Month = Month::new(2000, 1);
/// Last month accepted (2100-12).
pub const MAX_MONTH: Month = Month::new(2100, 12);
/// Largest count accepted (clients in a month).
pub const MAX_COUNT: u32 = 100_000;
/// Most data lines (months) read from text.
pub const MAX_LINES: usize = 600;
/// Largest text read (bytes, UTF-8): 64 KiB.
pub const MAX_BYTES: usize = 64 * 1024;
/// Longest series written into a link, in months from its first to its last point (3 years).
pub const MAX_URL_OBS: u32 = 36;

/// One observed month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObservedPoint {
    /// The calendar month.
    pub month: Month,
    /// Observed intake (clients in that month).
    pub count: u32,
}

/// An observed monthly series: points sorted by month, each month at most once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObservedSeries {
    /// The points, in month order.
    pub points: Vec<ObservedPoint>,
}

/// What is wrong with a line of observed data or with the `obs` link value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum ObservedIssue {
    /// The text is longer than [`MAX_BYTES`]; nothing was read.
    TooLarge {
        /// The most bytes read.
        max_bytes: usize,
    },
    /// More than [`MAX_LINES`] data lines; reading stopped at this line.
    TooManyLines {
        /// The most data lines read.
        max: usize,
    },
    /// No data line at all.
    NoData,
    /// The line does not have exactly two fields, month and count.
    Fields {
        /// Number of fields found.
        found: usize,
    },
    /// The month is not written `YYYY-MM`.
    BadMonth,
    /// The month lies outside [`MIN_MONTH`]..=[`MAX_MONTH`].
    MonthOutOfRange {
        /// First month accepted.
        min: Month,
        /// Last month accepted.
        max: Month,
    },
    /// The count is not a whole number written with digits only.
    BadCount,
    /// The count is negative or above [`MAX_COUNT`].
    CountOutOfRange {
        /// Largest count accepted.
        max: u32,
    },
    /// The month was given before, on line `first_line`.
    DuplicateMonth {
        /// 1-based line of its first occurrence.
        first_line: usize,
    },
    /// (Link form only) the value is not `YYYY-MM~count.count...` in canonical form.
    Malformed,
    /// (Link form only) the series spans more than [`MAX_URL_OBS`] months.
    TooLongForLink {
        /// The most months a link carries.
        max_months: u32,
    },
}

impl fmt::Display for ObservedIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ObservedIssue::TooLarge { max_bytes } => write!(f, "text too large, allowed at most {max_bytes} bytes"),
            ObservedIssue::TooManyLines { max } => write!(f, "too many months, allowed at most {max}; reading stopped"),
            ObservedIssue::NoData => write!(f, "no data: expected lines of a month YYYY-MM and a count"),
            ObservedIssue::Fields { found } => {
                write!(f, "expected 2 fields (month YYYY-MM and count), found {found}")
            }
            ObservedIssue::BadMonth => {
                write!(f, "not a month written YYYY-MM, allowed {MIN_MONTH} to {MAX_MONTH}")
            }
            ObservedIssue::MonthOutOfRange { min, max } => write!(f, "month out of range, allowed {min} to {max}"),
            ObservedIssue::BadCount => {
                write!(f, "not a whole number (digits only, no separators), allowed 0 to {MAX_COUNT}")
            }
            ObservedIssue::CountOutOfRange { max } => write!(f, "count out of range, allowed 0 to {max}"),
            ObservedIssue::DuplicateMonth { first_line } => {
                write!(f, "month given twice, first on line {first_line}")
            }
            ObservedIssue::Malformed => write!(f, "not of the form YYYY-MM~count.count (empty for a gap)"),
            ObservedIssue::TooLongForLink { max_months } => {
                write!(f, "series too long for a link, allowed at most {max_months} months")
            }
        }
    }
}

/// One problem in observed data: where, the line as given and the issue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineError {
    /// 1-based line number; None for a problem of the whole text (too large, no data).
    pub line: Option<usize>,
    /// The line as given, shortened to 40 characters; empty without a line.
    pub text: String,
    /// What is wrong.
    pub issue: ObservedIssue,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line} ({:?}): {}", self.text, self.issue),
            None => write!(f, "{}", self.issue),
        }
    }
}

/// The whole-number count written in `field`: digits only, at most [`MAX_COUNT`].
fn parse_count(field: &str) -> Result<u32, ObservedIssue> {
    let (negative, digits) = match field.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, field),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ObservedIssue::BadCount);
    }
    let value = digits.trim_start_matches('0');
    let too_big = value.len() > 6 || value.parse::<u32>().is_ok_and(|v| v > MAX_COUNT);
    if too_big || (negative && !value.is_empty()) {
        return Err(ObservedIssue::CountOutOfRange { max: MAX_COUNT });
    }
    Ok(value.parse::<u32>().unwrap_or(0))
}

/// `month` if it lies in the accepted range.
fn check_month(month: Month) -> Result<Month, ObservedIssue> {
    if (MIN_MONTH..=MAX_MONTH).contains(&month) {
        Ok(month)
    } else {
        Err(ObservedIssue::MonthOutOfRange { min: MIN_MONTH, max: MAX_MONTH })
    }
}

/// The count of a line of text: [`crate::scenario::typed_decimal`] for whole
/// numbers (`250,0` is 250), then [`parse_count`].
fn parse_typed_count(field: &str) -> Result<u32, ObservedIssue> {
    parse_count(&crate::scenario::typed_decimal(field, true).map_err(|_| ObservedIssue::BadCount)?)
}

/// The fields of a data line: split at the first of tab `;` `,` present, else
/// at runs of whitespace; each trimmed and unquoted; empty trailing fields dropped.
fn fields(line: &str) -> Vec<&str> {
    let mut out: Vec<&str> = match ['\t', ';', ','].into_iter().find(|&c| line.contains(c)) {
        Some(sep) => line.split(sep).map(|f| f.trim().trim_matches('"').trim()).collect(),
        None => line.split_whitespace().map(|f| f.trim_matches('"')).collect(),
    };
    while out.last().is_some_and(|f| f.is_empty()) {
        out.pop();
    }
    out
}

/// One data line read into a point.
fn parse_line(line: &str) -> Result<ObservedPoint, ObservedIssue> {
    let parts = fields(line);
    if parts.len() != 2 {
        return Err(ObservedIssue::Fields { found: parts.len() });
    }
    let month = check_month(Month::parse(parts[0]).ok_or(ObservedIssue::BadMonth)?)?;
    let count = parse_typed_count(parts[1])?;
    Ok(ObservedPoint { month, count })
}

impl ObservedSeries {
    /// Reads a series from text (see the module docs for the format). On any
    /// problem returns every problem found, one per bad line, in line order.
    pub fn parse(text: &str) -> Result<ObservedSeries, Vec<LineError>> {
        let whole = |issue| vec![LineError { line: None, text: String::new(), issue }];
        if text.len() > MAX_BYTES {
            return Err(whole(ObservedIssue::TooLarge { max_bytes: MAX_BYTES }));
        }
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let break_char = if text.contains('\n') { '\n' } else { '\r' };
        let mut errors = Vec::new();
        // (month, count, line), in line order.
        let mut points: Vec<(Month, u32, usize)> = Vec::new();
        let mut first = true;
        let mut data_lines = 0;
        for (index, raw) in text.split(break_char).enumerate() {
            let (line_no, line) = (index + 1, raw.trim());
            if line.is_empty() {
                continue;
            }
            let is_header = first && !line.bytes().any(|b| b.is_ascii_digit());
            first = false;
            if is_header {
                continue;
            }
            data_lines += 1;
            let error = |issue| LineError { line: Some(line_no), text: shorten(line), issue };
            if data_lines > MAX_LINES {
                errors.push(error(ObservedIssue::TooManyLines { max: MAX_LINES }));
                break;
            }
            match parse_line(line) {
                Ok(point) => match points.iter().find(|p| p.0 == point.month) {
                    Some(&(_, _, first_line)) => errors.push(error(ObservedIssue::DuplicateMonth { first_line })),
                    None => points.push((point.month, point.count, line_no)),
                },
                Err(issue) => errors.push(error(issue)),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        if points.is_empty() {
            return Err(whole(ObservedIssue::NoData));
        }
        let mut points: Vec<ObservedPoint> =
            points.into_iter().map(|(month, count, _)| ObservedPoint { month, count }).collect();
        // Each month at most once (duplicates were refused above), so an unstable sort gives the
        // one order; it is also the only sort of points the page carries (smaller than a stable one).
        points.sort_unstable_by_key(|p| p.month);
        Ok(ObservedSeries { points })
    }

    /// The earliest and the latest month of the series; None when empty.
    fn bounds(&self) -> Option<(Month, Month)> {
        let first = self.points.iter().map(|p| p.month).min()?;
        let last = self.points.iter().map(|p| p.month).max()?;
        Some((first, last))
    }

    /// Months from the first to the last point, both included (0 when empty).
    pub fn span(&self) -> u32 {
        self.bounds().map_or(0, |(first, last)| (last.since(first) + 1) as u32)
    }

    /// The series as text, one `YYYY-MM,count` line per point in month
    /// order: what [`ObservedSeries::parse`] reads back to the same series.
    pub fn to_text(&self) -> String {
        let mut points = self.points.clone();
        points.sort_unstable_by_key(|p| p.month);
        points.iter().map(|p| format!("{},{}\n", p.month, p.count)).collect()
    }

    /// The link form (`2024-01~250.262..240`); None when the series is empty
    /// or spans more than [`MAX_URL_OBS`] months. (A series built by hand out
    /// of month order is written in month order; of two points for one month
    /// the later one is kept.)
    pub fn to_url(&self) -> Option<String> {
        let (first, last) = self.bounds()?;
        if last.since(first) >= MAX_URL_OBS as i32 {
            return None;
        }
        let mut entries = vec![String::new(); (last.since(first) + 1) as usize];
        for p in &self.points {
            entries[p.month.since(first) as usize] = p.count.to_string();
        }
        Some(format!("{first}~{}", entries.join(".")))
    }

    /// Reads the link form strictly (canonical form only). On failure returns
    /// the entry at fault (0 = the month or the whole value, i = the i-th
    /// count) and the issue. Never panics.
    pub fn from_url(text: &str) -> Result<ObservedSeries, (usize, ObservedIssue)> {
        let (month, counts) = text.split_once('~').ok_or((0, ObservedIssue::Malformed))?;
        let first = Month::parse(month).ok_or((0, ObservedIssue::BadMonth))?;
        check_month(first).map_err(|issue| (0, issue))?;
        if counts.split('.').nth(MAX_URL_OBS as usize).is_some() {
            return Err((0, ObservedIssue::TooLongForLink { max_months: MAX_URL_OBS }));
        }
        let entries: Vec<&str> = counts.split('.').collect();
        let mut points = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let at = i + 1;
            if entry.is_empty() {
                if i == 0 || at == entries.len() {
                    return Err((at, ObservedIssue::Malformed));
                }
                continue;
            }
            let canonical = *entry == "0" || !entry.starts_with('0');
            let count = parse_count(entry).map_err(|issue| (at, issue))?;
            if !canonical || entry.starts_with('-') {
                return Err((at, ObservedIssue::BadCount));
            }
            let month = check_month(first.plus(i as i32)).map_err(|issue| (at, issue))?;
            points.push(ObservedPoint { month, count });
        }
        Ok(ObservedSeries { points })
    }
}

/// Where an observed point lies against the projection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// Within the 50 % band (p25 to p75).
    Within50,
    /// Within the 90 % band (p5 to p95) but outside the 50 % band.
    Within90,
    /// Outside the 90 % band.
    Outside90,
    /// In a month the projection does not cover.
    NotProjected,
}

/// One observed point and its band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointCheck {
    /// The calendar month.
    pub month: Month,
    /// Observed intake (clients in that month).
    pub count: u32,
    /// Where it lies against that month's projected percentiles.
    pub band: Band,
}

/// The back-test of an observed series against a projection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backtest {
    /// Points of the series.
    pub points: usize,
    /// Points in a projected month.
    pub projected: usize,
    /// Projected points within their month's 50 % band (p25..=p75).
    pub within_50: usize,
    /// Projected points within their month's 90 % band (p5..=p95); includes `within_50`.
    pub within_90: usize,
    /// Points in months before or after the projection.
    pub not_projected: usize,
    /// within_50 / projected (share 0..1); None without projected points.
    pub share_50: Option<f64>,
    /// within_90 / projected (share 0..1); None without projected points.
    pub share_90: Option<f64>,
    /// Every point with its band, in month order.
    pub checks: Vec<PointCheck>,
}

/// Checks every point of `series` against the bands of the projected
/// `months` (a [`crate::Projection`]'s or a [`crate::Report`]'s `months`).
pub fn backtest(series: &ObservedSeries, months: &[MonthStats]) -> Backtest {
    let start = months.first().map(|m| m.month);
    let checks: Vec<PointCheck> = series
        .points
        .iter()
        .map(|p| {
            let stats = start.and_then(|s| usize::try_from(p.month.since(s)).ok()).and_then(|i| months.get(i));
            let band = match stats {
                None => Band::NotProjected,
                Some(m) => {
                    let c = f64::from(p.count);
                    if (m.p25..=m.p75).contains(&c) {
                        Band::Within50
                    } else if (m.p5..=m.p95).contains(&c) {
                        Band::Within90
                    } else {
                        Band::Outside90
                    }
                }
            };
            PointCheck { month: p.month, count: p.count, band }
        })
        .collect();
    let count = |f: fn(Band) -> bool| checks.iter().filter(|c| f(c.band)).count();
    let within_50 = count(|b| b == Band::Within50);
    let within_90 = within_50 + count(|b| b == Band::Within90);
    let not_projected = count(|b| b == Band::NotProjected);
    let projected = checks.len() - not_projected;
    let share = |k: usize| (projected > 0).then(|| k as f64 / projected as f64);
    Backtest {
        points: checks.len(),
        projected,
        within_50,
        within_90,
        not_projected,
        share_50: share(within_50),
        share_90: share(within_90),
        checks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(points: &[(i32, u32, u32)]) -> ObservedSeries {
        ObservedSeries {
            points: points.iter().map(|&(y, m, count)| ObservedPoint { month: Month::new(y, m), count }).collect(),
        }
    }

    #[test]
    fn reads_the_usual_forms() {
        let text = "\u{FEFF}maand;aantal\r\n2024-02;262\r\n\r\n  2024-01 ; 250 \r\n2024-04;240;;\r\n";
        assert_eq!(ObservedSeries::parse(text), Ok(series(&[(2024, 1, 250), (2024, 2, 262), (2024, 4, 240)])));
        for text in ["2024-01,250", "month,count\n2024-01,250", "2024-01\t250", "2024-01   250", "\"2024-01\",\"250\""]
        {
            assert_eq!(ObservedSeries::parse(text), Ok(series(&[(2024, 1, 250)])), "{text:?}");
        }
        assert_eq!(ObservedSeries::parse("2024-01,250\r2024-02,0\r"), Ok(series(&[(2024, 1, 250), (2024, 2, 0)])));
    }

    #[test]
    fn a_spreadsheet_whole_number_is_read_and_a_fraction_refused() {
        for text in ["2024-01;250,0", "maand;aantal\n2024-01;250,00", "2024-01\t250.0", "2024-01 250"] {
            assert_eq!(ObservedSeries::parse(text), Ok(series(&[(2024, 1, 250)])), "{text:?}");
        }
        for text in ["2024-01;250,5", "2024-01;250,000", "2024-01;1.250", "2024-01;1.234,0"] {
            let errors = ObservedSeries::parse(text).unwrap_err();
            assert_eq!(errors[0].issue, ObservedIssue::BadCount, "{text:?}");
        }
    }

    #[test]
    fn names_each_bad_line() {
        let text = "month,count\n2024-13,250\n2024-02,1.250\n2024-03;-4\n1999-12,5\n2024-05\n2024-06,100001\n2024-07,7\n2024-07,8\nmaand,x";
        let errors = ObservedSeries::parse(text).unwrap_err();
        let issues: Vec<(Option<usize>, ObservedIssue)> = errors.iter().map(|e| (e.line, e.issue)).collect();
        assert_eq!(
            issues,
            vec![
                (Some(2), ObservedIssue::BadMonth),
                (Some(3), ObservedIssue::BadCount),
                (Some(4), ObservedIssue::CountOutOfRange { max: MAX_COUNT }),
                (Some(5), ObservedIssue::MonthOutOfRange { min: MIN_MONTH, max: MAX_MONTH }),
                (Some(6), ObservedIssue::Fields { found: 1 }),
                (Some(7), ObservedIssue::CountOutOfRange { max: MAX_COUNT }),
                (Some(9), ObservedIssue::DuplicateMonth { first_line: 8 }),
                (Some(10), ObservedIssue::BadMonth),
            ]
        );
        assert_eq!(
            errors[0].to_string(),
            "line 2 (\"2024-13,250\"): not a month written YYYY-MM, allowed 2000-01 to 2100-12"
        );
        assert_eq!(errors[2].to_string(), "line 4 (\"2024-03;-4\"): count out of range, allowed 0 to 100000");
    }

    #[test]
    fn limits() {
        assert_eq!(ObservedSeries::parse("").unwrap_err()[0].issue, ObservedIssue::NoData);
        assert_eq!(ObservedSeries::parse("month,count\n\n").unwrap_err()[0].issue, ObservedIssue::NoData);
        let big = "2024-01,1\n".repeat(MAX_BYTES / 10 + 1);
        let e = ObservedSeries::parse(&big).unwrap_err();
        assert_eq!((e.len(), e[0].line, e[0].issue), (1, None, ObservedIssue::TooLarge { max_bytes: MAX_BYTES }));
        let many: String = (0..=MAX_LINES as i32).map(|i| format!("{},1\n", Month::new(2000, 1).plus(i))).collect();
        let e = ObservedSeries::parse(&many).unwrap_err();
        assert_eq!((e.len(), e[0].line), (1, Some(MAX_LINES + 1)));
        let at_limit: String = many.lines().take(MAX_LINES).collect::<Vec<_>>().join("\n");
        assert_eq!(ObservedSeries::parse(&at_limit).map(|s| s.points.len()), Ok(MAX_LINES));
        assert_eq!(parse_count("000"), Ok(0));
        assert_eq!(parse_count("-0"), Ok(0));
        assert_eq!(parse_count("100000"), Ok(100_000));
        assert_eq!(parse_count("99999999999999999999"), Err(ObservedIssue::CountOutOfRange { max: MAX_COUNT }));
        assert_eq!(parse_count("+5"), Err(ObservedIssue::BadCount));
        assert_eq!(parse_count("٣"), Err(ObservedIssue::BadCount));
    }

    #[test]
    fn link_form_round_trips_and_is_strict() {
        let s = series(&[(2024, 1, 250), (2024, 2, 262), (2024, 4, 240)]);
        assert_eq!(s.to_url().as_deref(), Some("2024-01~250.262..240"));
        assert_eq!(ObservedSeries::from_url("2024-01~250.262..240"), Ok(s));
        assert_eq!(series(&[(2024, 1, 0)]).to_url().as_deref(), Some("2024-01~0"));
        let long = series(&[(2024, 1, 1), (2026, 12, 2)]);
        assert_eq!(long.span(), 36);
        assert!(long.to_url().is_some());
        assert_eq!(series(&[(2024, 1, 1), (2027, 1, 2)]).to_url(), None);
        assert_eq!(ObservedSeries::default().to_url(), None);
        let unsorted = series(&[(2024, 3, 3), (2024, 1, 1)]);
        assert_eq!((unsorted.span(), unsorted.to_url().as_deref()), (3, Some("2024-01~1..3")));
        let far = series(&[(2100, 12, 3), (2000, 1, 1)]);
        assert_eq!((far.span(), far.to_url()), (1212, None));
        for (bad, at, issue) in [
            ("2024-01", 0, ObservedIssue::Malformed),
            ("2024-13~5", 0, ObservedIssue::BadMonth),
            ("1999-12~5", 0, ObservedIssue::MonthOutOfRange { min: MIN_MONTH, max: MAX_MONTH }),
            ("2100-12~5.6", 2, ObservedIssue::MonthOutOfRange { min: MIN_MONTH, max: MAX_MONTH }),
            ("2024-01~", 1, ObservedIssue::Malformed),
            ("2024-01~.5", 1, ObservedIssue::Malformed),
            ("2024-01~5.", 2, ObservedIssue::Malformed),
            ("2024-01~05", 1, ObservedIssue::BadCount),
            ("2024-01~-0", 1, ObservedIssue::BadCount),
            ("2024-01~5.x", 2, ObservedIssue::BadCount),
            ("2024-01~100001", 1, ObservedIssue::CountOutOfRange { max: MAX_COUNT }),
        ] {
            assert_eq!(ObservedSeries::from_url(bad), Err((at, issue)), "{bad}");
        }
        let too_long = format!("2024-01~{}", vec!["1"; 37].join("."));
        assert_eq!(ObservedSeries::from_url(&too_long), Err((0, ObservedIssue::TooLongForLink { max_months: 36 })));
    }

    #[test]
    fn text_form_reads_back_to_the_same_series() {
        let s = series(&[(2024, 3, 240), (2023, 12, 0), (2024, 1, 100_000)]);
        let text = s.to_text();
        assert_eq!(text, "2023-12,0\n2024-01,100000\n2024-03,240\n");
        let mut sorted = s.points.clone();
        sorted.sort_by_key(|p| p.month);
        assert_eq!(ObservedSeries::parse(&text), Ok(ObservedSeries { points: sorted }));
        assert_eq!(ObservedSeries::default().to_text(), "");
    }
}
