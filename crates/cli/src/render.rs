//! CSV output.

use std::fmt::Write;
use wlz_engine::MODEL_VERSION;
use wlz_engine::output::Projection;

/// Header row of the CSV output.
pub const CSV_HEADER: &str = "month,mean,p5,p10,p25,p50,p75,p90,p95";

/// The projection as CSV: a `#` comment naming the scenario and model
/// version, the header, then one row per month (counts in clients/month;
/// numbers in their shortest exact decimal form).
pub fn csv(query: &str, projection: &Projection) -> String {
    let mut out = format!("# scenario: {query}; model_version: {MODEL_VERSION}\n{CSV_HEADER}\n");
    for m in &projection.months {
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{}",
            m.month, m.mean, m.p5, m.p10, m.p25, m.p50, m.p75, m.p90, m.p95
        );
    }
    out
}
