//! Export formats shared by the CLI and the page.

use crate::output::MonthStats;
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
