//! Export formats shared by the CLI and the page: the monthly CSV (exact, or
//! for a locale: Dutch Excel or the international form), the targets' CSV, the
//! page's JSON report, and export file names.
//!
//! A CSV for a locale is rounded to what the model can tell: counts and their
//! percentiles to whole clients a month (a Monte Carlo run count of clients),
//! the mean to one decimal (its Monte Carlo standard error at 10,000 runs is
//! about 0.3 client); probabilities and their margins in percent with one
//! decimal (the standard error of a probability at 10,000 runs is at most 0.5
//! percentage point).

use crate::output::{MonthStats, Report, ReportTarget};
use crate::target::{TargetResult, WindowStatus};
use serde::Serialize;
use std::fmt::Write;

/// Header row of the CSV export.
pub const CSV_HEADER: &str = "month,mean,p5,p10,p25,p50,p75,p90,p95";

/// The monthly percentiles as CSV: a `#` comment naming the scenario (its
/// link or canonical query) and the model version, the header, then one row
/// per month (counts in clients/month; numbers in their shortest exact decimal form).
pub fn csv(scenario: &str, model_version: &str, months: &[MonthStats]) -> String {
    let mut out = format!("# scenario: {scenario}; model_version: {model_version}\n{CSV_HEADER}\n");
    for m in months {
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{}",
            m.month, m.mean, m.p5, m.p10, m.p25, m.p50, m.p75, m.p90, m.p95
        );
    }
    out
}

/// How a CSV for people is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvLocale {
    /// What Dutch Excel opens as columns: `;` between fields, a decimal comma,
    /// UTF-8 with a byte order mark, CRLF line ends (the Dutch page's CSVs, `wlz-sim --csv-locale nl`).
    Nl,
    /// The international form: `,` between fields, a decimal point, UTF-8 without BOM, LF line ends.
    International,
}

impl CsvLocale {
    /// The locale named `name`: `nl`, or `en` / `intl` for the international form.
    pub fn parse(name: &str) -> Option<CsvLocale> {
        match name {
            "nl" => Some(CsvLocale::Nl),
            "en" | "intl" => Some(CsvLocale::International),
            _ => None,
        }
    }

    fn separator(self) -> char {
        match self {
            CsvLocale::Nl => ';',
            CsvLocale::International => ',',
        }
    }

    fn line_end(self) -> &'static str {
        match self {
            CsvLocale::Nl => "\r\n",
            CsvLocale::International => "\n",
        }
    }

    /// `value` with `decimals` decimals in this locale (no grouping; `-0` is `0`).
    pub fn number(self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return String::new();
        }
        let text = format!("{value:.decimals$}");
        let zero = text.bytes().all(|b| matches!(b, b'-' | b'0' | b'.'));
        let text = if zero { text.trim_start_matches('-').to_string() } else { text };
        match self {
            CsvLocale::Nl => text.replace('.', ","),
            CsvLocale::International => text,
        }
    }

    /// The start of a file: the comment line naming the scenario and the model
    /// version (as in [`csv`]), a comment line with `freshness` (the page's
    /// freshness line: model version, last observed month, the sources' date), the header.
    fn start(self, scenario: &str, model_version: &str, freshness: &str, header: &[&str]) -> String {
        let bom = if self == CsvLocale::Nl { "\u{FEFF}" } else { "" };
        let (sep, end) = (self.separator(), self.line_end());
        format!(
            "{bom}# scenario: {scenario}; model_version: {model_version}{end}# {freshness}{end}{}{end}",
            header.join(&sep.to_string())
        )
    }

    fn row(self, out: &mut String, fields: &[String]) {
        out.push_str(&fields.join(&self.separator().to_string()));
        out.push_str(self.line_end());
    }
}

/// Header of the monthly CSV for a locale (the same columns as [`CSV_HEADER`]).
pub const MONTHS_HEADER: [&str; 9] = ["month", "mean", "p5", "p10", "p25", "p50", "p75", "p90", "p95"];

/// The monthly percentiles as CSV for people in `locale` (see [`CsvLocale`]):
/// the comment line with the scenario (link) and model version, a comment line
/// with `freshness` (the freshness line of the result, in the reader's words), the header
/// [`MONTHS_HEADER`], one row per month; counts (clients/month) rounded to
/// whole clients, the mean to one decimal. What the page's "CSV per maand" and
/// `wlz-sim --format csv --csv-locale nl|intl` write.
pub fn csv_months(
    scenario: &str,
    model_version: &str,
    freshness: &str,
    months: &[MonthStats],
    locale: CsvLocale,
) -> String {
    let mut out = locale.start(scenario, model_version, freshness, &MONTHS_HEADER);
    for m in months {
        let whole = |v: f64| locale.number(v, 0);
        let fields = [m.month.to_string(), locale.number(m.mean, 1)]
            .into_iter()
            .chain([m.p5, m.p10, m.p25, m.p50, m.p75, m.p90, m.p95].map(whole))
            .collect::<Vec<_>>();
        locale.row(&mut out, &fields);
    }
    out
}

/// Header of the targets' CSV: the target (`t1`, `t2`), its threshold
/// (clients/month), its window, the probability and its 95 % Monte Carlo
/// margin (percent), the observed mean over the window when every month of it
/// is observed (a fact, no probability; clients/month), when it is first reached (10th, 50th and 90th percentile
/// month over the runs that reach it) and the share of runs that never do (percent).
pub const TARGETS_HEADER: [&str; 11] = [
    "target",
    "threshold",
    "window_from",
    "window_to",
    "probability_pct",
    "margin95_pct",
    "observed_mean",
    "first_reached_p10",
    "first_reached_p50",
    "first_reached_p90",
    "never_reached_pct",
];

/// One row per target as CSV in `locale`, after the same comment lines as
/// [`csv_months`]: see [`TARGETS_HEADER`]. A target
/// whose window does not lie inside the projection has empty probability and
/// margin; months that no run reaches are empty.
pub fn csv_targets(
    scenario: &str,
    model_version: &str,
    freshness: &str,
    targets: &[TargetResult],
    locale: CsvLocale,
) -> String {
    let mut out = locale.start(scenario, model_version, freshness, &TARGETS_HEADER);
    let pct = |share: Option<f64>| share.map_or_else(String::new, |s| locale.number(s * 100.0, 1));
    let month = |m: Option<crate::Month>| m.map_or_else(String::new, |m| m.to_string());
    for t in targets {
        let inside = t.status == WindowStatus::Inside;
        let reach = &t.first_reached;
        let fields = [
            t.id.name().to_string(),
            locale.number(t.threshold, 1),
            t.window_from.to_string(),
            t.window_to.to_string(),
            pct(t.probability.filter(|_| inside)),
            pct(t.std_error.filter(|_| inside).map(|se| 1.96 * se)),
            t.observed_mean.map_or_else(String::new, |m| locale.number(m, 1)),
            month(reach.p10),
            month(reach.p50),
            month(reach.p90),
            pct(Some(reach.never)),
        ];
        locale.row(&mut out, &fields);
    }
    out
}

/// The page's JSON export: the CLI's report without `elapsed_ms` (a wall-clock
/// time, which the CLI keeps), so that the same link gives the same bytes.
pub fn report_json(report: &Report) -> String {
    /// [`Report`]'s fields in its order, all but `elapsed_ms`.
    #[derive(Serialize)]
    struct Exported<'a> {
        model_version: &'a str,
        scenario: &'a str,
        runs: u32,
        seed: u64,
        months: &'a [MonthStats],
        targets: &'a [ReportTarget],
        cumulative: &'a crate::stats::Summary,
        averted: &'a crate::stats::Summary,
        contributions: &'a crate::lever::Contributions,
        stock_end: &'a crate::stats::Summary,
        #[serde(skip_serializing_if = "Option::is_none")]
        calibration: &'a Option<crate::output::Calibration>,
        #[serde(skip_serializing_if = "Option::is_none")]
        last_observed: Option<crate::Month>,
        #[serde(skip_serializing_if = "Option::is_none")]
        backtest: &'a Option<crate::observed::Backtest>,
    }
    let r = report;
    let exported = Exported {
        model_version: &r.model_version,
        scenario: &r.scenario,
        runs: r.runs,
        seed: r.seed,
        months: &r.months,
        targets: &r.targets,
        cumulative: &r.cumulative,
        averted: &r.averted,
        contributions: &r.contributions,
        stock_end: &r.stock_end,
        calibration: &r.calibration,
        last_observed: r.last_observed,
        backtest: &r.backtest,
    };
    // Plain data with string keys: serialising cannot fail.
    serde_json::to_string_pretty(&exported).unwrap_or_default() + "\n"
}

/// The stem of an export's file name: the scenario's title in lower case,
/// accents dropped, every run of other characters a `-` (at most 60
/// characters), or `fallback` without a title; then the date (`YYYY-MM-DD`).
pub fn file_stem(title: &str, fallback: &str, date: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        match plain_letter(lower_latin1(c)) {
            Some(l) => slug.push(l),
            None if !slug.is_empty() && !slug.ends_with('-') => slug.push('-'),
            None => {}
        }
    }
    let slug: String = slug.chars().take(60).collect();
    let slug = slug.trim_matches('-');
    let name = if slug.is_empty() { fallback } else { slug };
    if date.is_empty() { name.to_string() } else { format!("{name}-{date}") }
}

/// `c` in lower case when it is an upper-case letter of Latin-1 (`A`–`Z`,
/// `À`–`Þ`) or `Ÿ`; any other character as it is. Those are the letters
/// [`plain_letter`] keeps, and the rule needs none of the Unicode case tables
/// `char::to_lowercase` brings into the page (about 12 KB).
fn lower_latin1(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        'Ÿ' => 'ÿ',
        _ => c,
    }
}

/// `c` as a plain ASCII letter or digit (accents dropped), if it is one.
fn plain_letter(c: char) -> Option<char> {
    const ACCENTED: [(&str, char); 6] =
        [("àáâãäå", 'a'), ("èéêë", 'e'), ("ìíîï", 'i'), ("òóôõöø", 'o'), ("ùúûü", 'u'), ("ýÿ", 'y')];
    if c.is_ascii_alphanumeric() {
        return Some(c);
    }
    match c {
        'ç' => Some('c'),
        'ñ' => Some('n'),
        _ => ACCENTED.iter().find(|(set, _)| set.contains(c)).map(|&(_, plain)| plain),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Month;
    use crate::output::Cells;
    use crate::target::{FirstReached, TargetId};

    fn month(mean: f64, p50: f64) -> MonthStats {
        let cells = Cells { wmo_young: 0.0, wmo_older: 0.0, other_young: 0.0, other_older: 0.0 };
        MonthStats {
            month: Month::new(2024, 1),
            mean,
            p5: 230.5,
            p10: 240.0,
            p25: 259.75,
            p50,
            p75: 290.0,
            p90: 300.0,
            p95: 1210.0,
            expected: 0.0,
            cells,
            youth_share: 0.0,
            stock_mean: 0.0,
        }
    }

    #[test]
    fn dutch_csv_is_what_dutch_excel_opens() {
        let fresh = "Model 1.1.0 · geen waarnemingen na 2023";
        let text =
            csv_months("https://x/?v=1&aid=5", "1.1.0", fresh, &[month(277.049_999_999_999_3, 276.0)], CsvLocale::Nl);
        assert_eq!(
            text,
            "\u{FEFF}# scenario: https://x/?v=1&aid=5; model_version: 1.1.0\r\n\
             # Model 1.1.0 · geen waarnemingen na 2023\r\n\
             month;mean;p5;p10;p25;p50;p75;p90;p95\r\n\
             2024-01;277,0;230;240;260;276;290;300;1210\r\n"
        );
        let intl = csv_months("v=1", "1.1.0", "Model 1.1.0", &[month(277.05, 276.0)], CsvLocale::International);
        assert_eq!(
            intl,
            "# scenario: v=1; model_version: 1.1.0\n# Model 1.1.0\nmonth,mean,p5,p10,p25,p50,p75,p90,p95\n2024-01,277.1,230,240,260,276,290,300,1210\n"
        );
    }

    #[test]
    fn one_row_per_target() {
        let reached =
            FirstReached { p10: Some(Month::new(2025, 2)), p50: Some(Month::new(2026, 7)), p90: None, never: 0.2 };
        let t = |id, status, p: Option<f64>| TargetResult {
            id,
            threshold: 240.0,
            window_from: Month::new(2024, 1),
            window_to: Month::new(2024, 3),
            status,
            probability: p,
            std_error: p.map(|_| 0.004_8),
            observed_mean: (status == WindowStatus::Observed).then_some(231.04),
            first_reached: reached,
        };
        let targets = [
            t(TargetId::T1, WindowStatus::Inside, Some(0.365)),
            t(TargetId::T2, WindowStatus::PartlyOutside, None),
            t(TargetId::T1, WindowStatus::Observed, None),
        ];
        let text = csv_targets("v=1", "1.1.0", "Model 1.1.0", &targets, CsvLocale::Nl);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[1], "# Model 1.1.0");
        assert_eq!(lines[2], TARGETS_HEADER.join(";"));
        assert_eq!(lines[3], "t1;240,0;2024-01;2024-03;36,5;0,9;;2025-02;2026-07;;20,0");
        assert_eq!(lines[4], "t2;240,0;2024-01;2024-03;;;;2025-02;2026-07;;20,0");
        assert_eq!(lines[5], "t1;240,0;2024-01;2024-03;;;231,0;2025-02;2026-07;;20,0", "an observed window: a fact");
        assert_eq!(lines.len(), 7, "a line end after the last row");
    }

    #[test]
    fn numbers_round_without_negative_zero() {
        assert_eq!(CsvLocale::Nl.number(-0.04, 1), "0,0");
        assert_eq!(CsvLocale::Nl.number(-1.25, 1), "-1,2");
        assert_eq!(CsvLocale::International.number(f64::NAN, 1), "");
        assert_eq!(CsvLocale::parse("nl"), Some(CsvLocale::Nl));
        assert_eq!(CsvLocale::parse("en"), Some(CsvLocale::International));
        assert_eq!(CsvLocale::parse("fr"), None);
    }

    #[test]
    fn file_names_come_from_the_title_and_the_date() {
        assert_eq!(file_stem("Regio Utrecht, variant B", "wlz", "2026-12-02"), "regio-utrecht-variant-b-2026-12-02");
        assert_eq!(file_stem("  Cliënten één / twee!", "wlz", "2026-12-02"), "clienten-een-twee-2026-12-02");
        assert_eq!(file_stem("", "wlz-ggz-wonen-instroom", "2026-12-02"), "wlz-ggz-wonen-instroom-2026-12-02");
        assert_eq!(file_stem("???", "wlz", ""), "wlz");
        assert_eq!(file_stem("ÉÉN ÇA ÑÅ ŸÀ Þ", "wlz", ""), "een-ca-na-ya");
        assert_eq!(file_stem(&"x".repeat(100), "wlz", "d").len(), 62);
    }

    #[test]
    fn the_latin1_lower_case_keeps_what_unicode_lower_case_kept() {
        // Every character whose Unicode lower case is one letter the stem
        // keeps gives that letter, but for two signs that look like letters.
        let signs = ['\u{212A}', '\u{212B}']; // KELVIN SIGN, ANGSTROM SIGN
        let mut kept = 0;
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            let (Some(one), None) = (lower.next(), lower.next()) else { continue };
            let Some(letter) = plain_letter(one) else { continue };
            kept += 1;
            let ours = plain_letter(lower_latin1(c));
            if signs.contains(&c) {
                assert_eq!(ours, None, "{c:?}");
            } else {
                assert_eq!(ours, Some(letter), "{c:?}");
            }
        }
        assert!(kept > 100, "{kept}");
    }
}
