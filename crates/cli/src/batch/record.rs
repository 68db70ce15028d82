//! One output line per scenario: an NDJSON record or a CSV row, and the
//! error record of a scenario that cannot be read.

use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write;
use wlz_engine::Month;
use wlz_engine::Projection;
use wlz_engine::stats::Summary;
use wlz_engine::targets::TargetId;

/// Output format of a batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    /// One JSON object per line.
    Ndjson,
    /// A header row, then one row per scenario.
    Csv,
}

/// What a scenario gave: its projection (and canonical query), or its problems.
#[derive(Clone, Debug)]
pub enum Outcome {
    /// The scenario's canonical query and projection.
    Projected(String, Box<Projection>),
    /// Every problem of the line, one line each.
    Failed(Vec<String>),
}

/// A target's probability (share 0..1, null when its window is not inside the projection) and its standard error.
#[derive(Serialize)]
struct TargetCells {
    probability: Option<f64>,
    std_error: Option<f64>,
}

/// Mean and percentiles of one month's count (clients/month).
#[derive(Serialize)]
struct MonthCells {
    month: String,
    mean: f64,
    p5: f64,
    p10: f64,
    p25: f64,
    p50: f64,
    p75: f64,
    p90: f64,
    p95: f64,
}

/// The NDJSON record of a projected scenario.
#[derive(Serialize)]
struct Record<'a> {
    id: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    design: Option<&'a str>,
    query: &'a str,
    model_version: &'a str,
    seed: u64,
    runs: u32,
    targets: BTreeMap<&'a str, TargetCells>,
    cumulative: Summary,
    averted: Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    months: Option<Vec<MonthCells>>,
}

/// The NDJSON record of a scenario that cannot be read.
#[derive(Serialize)]
struct ErrorRecord<'a> {
    id: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    design: Option<&'a str>,
    line: u64,
    error: String,
}

/// Names of the month statistics, in column order.
const MONTH_STATS: [&str; 8] = ["mean", "p5", "p10", "p25", "p50", "p75", "p90", "p95"];

fn month_values(m: &wlz_engine::output::MonthStats) -> [f64; 8] {
    [m.mean, m.p5, m.p10, m.p25, m.p50, m.p75, m.p90, m.p95]
}

/// The columns of a batch's output.
#[derive(Clone, Debug)]
pub struct Columns {
    /// NDJSON or CSV.
    pub sheet: Sheet,
    /// `--months`: the per-month percentiles; in CSV the months of the base
    /// query's scenario, which every scenario must then have.
    pub months: Option<Vec<Month>>,
}

/// Number of CSV columns before the months: id, query, model_version, seed,
/// runs, probability and standard error of each target, 2 x 4 summaries.
const FIXED_COLUMNS: usize = 5 + 2 * TargetId::ALL.len() + 8;

impl Columns {
    /// `outcome` as these columns can hold it: in CSV with months, a scenario
    /// whose months are not the base query's becomes an error record.
    pub fn fit(&self, outcome: Outcome) -> Outcome {
        let other = |p: &Projection| {
            self.months.as_ref().is_some_and(|ms| !p.months.iter().map(|m| m.month).eq(ms.iter().copied()))
        };
        match &outcome {
            Outcome::Projected(_, p) if self.sheet == Sheet::Csv && other(p) => Outcome::Failed(vec![
                "--months with --format csv: its months differ from the base query's (use NDJSON)".to_string(),
            ]),
            _ => outcome,
        }
    }

    /// The CSV header row (empty for NDJSON), with its final newline.
    pub fn header(&self) -> String {
        if self.sheet == Sheet::Ndjson {
            return String::new();
        }
        csv_header(self.months.as_deref().unwrap_or_default())
    }
}

/// The CSV header, with the per-month columns of `months`, named `YYYY-MM_stat`.
fn csv_header(months: &[Month]) -> String {
    let mut out = String::from("id,query,model_version,seed,runs");
    for t in TargetId::ALL {
        let _ = write!(out, ",{0}_probability,{0}_std_error", t.name());
    }
    for block in ["cumulative", "averted"] {
        for stat in ["mean", "p5", "p50", "p95"] {
            let _ = write!(out, ",{block}_{stat}");
        }
    }
    for m in months {
        for stat in MONTH_STATS {
            let _ = write!(out, ",{m}_{stat}");
        }
    }
    out.push_str(",design,error\n");
    out
}

/// A CSV cell: quoted when it holds a comma, a quote or a line break.
pub fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

/// The id as written in a CSV cell (a JSON string without its quotes).
pub fn csv_id(id: &Value) -> String {
    csv_cell(&id.as_str().map_or_else(|| id.to_string(), str::to_string))
}

fn number(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// What a line of the output says of one scenario.
pub struct Line<'a> {
    /// The scenario's id.
    pub id: &'a Value,
    /// Its line in the input (from 1).
    pub line: u64,
    /// The design fingerprint of the input, when it is a design.
    pub design: Option<&'a str>,
    /// What the scenario gave.
    pub outcome: &'a Outcome,
}

impl Line<'_> {
    /// The line's text in `columns`, with its final newline.
    pub fn text(&self, columns: &Columns) -> String {
        let months = columns.months.is_some();
        match (columns.sheet, self.outcome) {
            (Sheet::Ndjson, Outcome::Projected(query, p)) => json_line(&Record {
                id: self.id,
                design: self.design,
                query,
                model_version: &p.model_version,
                seed: p.seed,
                runs: p.runs,
                targets: p
                    .targets
                    .iter()
                    .map(|t| (t.id.name(), TargetCells { probability: t.probability, std_error: t.std_error }))
                    .collect(),
                cumulative: p.cumulative,
                averted: p.averted,
                months: months.then(|| {
                    p.months
                        .iter()
                        .map(|m| {
                            let [mean, p5, p10, p25, p50, p75, p90, p95] = month_values(m);
                            MonthCells { month: m.month.to_string(), mean, p5, p10, p25, p50, p75, p90, p95 }
                        })
                        .collect()
                }),
            }),
            (Sheet::Ndjson, Outcome::Failed(problems)) => json_line(&ErrorRecord {
                id: self.id,
                design: self.design,
                line: self.line,
                error: problems.join("; "),
            }),
            (Sheet::Csv, outcome) => self.csv_row(outcome, columns.months.as_deref()),
        }
    }

    fn csv_row(&self, outcome: &Outcome, months: Option<&[Month]>) -> String {
        let mut out = csv_id(self.id);
        let design = csv_cell(self.design.unwrap_or(""));
        match outcome {
            Outcome::Projected(query, p) => {
                let _ = write!(out, ",{},{},{},{}", csv_cell(query), csv_cell(&p.model_version), p.seed, p.runs);
                for t in &p.targets {
                    let _ = write!(out, ",{},{}", number(t.probability), number(t.std_error));
                }
                for s in [p.cumulative, p.averted] {
                    let _ = write!(out, ",{},{},{},{}", s.mean, s.p5, s.p50, s.p95);
                }
                for m in p.months.iter().filter(|_| months.is_some()) {
                    for v in month_values(m) {
                        let _ = write!(out, ",{v}");
                    }
                }
                let _ = writeln!(out, ",{design},");
            }
            Outcome::Failed(problems) => {
                let error = csv_cell(&format!("line {}: {}", self.line, problems.join("; ")));
                let empty = FIXED_COLUMNS - 1 + months.map_or(0, |m| m.len() * MONTH_STATS.len());
                let _ = writeln!(out, "{},{design},{error}", ",".repeat(empty));
            }
        }
        out
    }
}

/// `value` as one JSON line (serialising plain data cannot fail: numbers are finite or null).
fn json_line<T: Serialize>(value: &T) -> String {
    let mut line = serde_json::to_string(value).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    line.push('\n');
    line
}
