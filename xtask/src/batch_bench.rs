//! The batch benchmark (figures in the README; not a timed test): 1,000
//! default scenarios at 10,000 runs through `wlz-sim batch` with one and two
//! threads, against `wlz-sim QUERY` for the same scenario. Budgets: two
//! threads at least 1.8 times the one-thread rate; a scenario in a one-thread
//! batch at most 1.1 times the time of its own `wlz-sim QUERY --threads 1`
//! (like with like: since model 2, `wlz-sim QUERY` alone splits its runs over
//! every core, which is shown beside it).

use crate::tools::{cmd, run, step};
use std::io::Write;
use std::process::Stdio;
use std::time::Instant;

/// Scenarios in the batch.
const SCENARIOS: usize = 1_000;
/// Single runs of `wlz-sim QUERY` timed (the median is compared).
const SINGLE_RUNS: usize = 21;
/// Least speed-up of two threads over one.
const MIN_SPEEDUP: f64 = 1.8;
/// Most time of a scenario in a batch (one thread) over its own run.
const MAX_PER_SCENARIO: f64 = 1.1;

/// The default scenario, written with a key at its default value (`seed=1`), so no line is blank.
const SCENARIO: &str = "seed=1";

fn seconds(args: &[&str], stdin: Option<&str>) -> Result<f64, String> {
    let binary = crate::tools::target_dir().join("release/wlz-sim");
    let started = Instant::now();
    let mut child = std::process::Command::new(&binary)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("{}: {e}", binary.display()))?;
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.unwrap_or("").as_bytes()).map_err(|e| e.to_string())?;
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("wlz-sim {args:?}: {status}"));
    }
    Ok(started.elapsed().as_secs_f64())
}

/// Runs the benchmark and checks its budgets.
pub fn bench_batch() -> Result<(), String> {
    step("release build of wlz-sim", || run(cmd("cargo").args(["build", "--release", "-p", "wlz-sim"])))?;
    step("batch benchmark (1,000 default scenarios at 10,000 runs)", || {
        let lines = format!("{SCENARIO}\n").repeat(SCENARIOS);
        let median = |args: &[&str]| -> Result<f64, String> {
            let mut times: Vec<f64> = (0..SINGLE_RUNS).map(|_| seconds(args, None)).collect::<Result<_, _>>()?;
            times.sort_by(f64::total_cmp);
            Ok(times[SINGLE_RUNS / 2])
        };
        let single = median(&[SCENARIO, "--threads", "1"])?;
        let every_core = median(&[SCENARIO])?;
        let one = seconds(&["batch", "--threads", "1"], Some(&lines))?;
        let two = seconds(&["batch", "--threads", "2"], Some(&lines))?;
        let n = SCENARIOS as f64;
        let speedup = one / two;
        let per_scenario = one / n / single;
        eprintln!("    wlz-sim QUERY --threads 1 (median of {SINGLE_RUNS}): {:.1} ms", single * 1000.0);
        eprintln!("    wlz-sim QUERY, every core (median of {SINGLE_RUNS}): {:.1} ms", every_core * 1000.0);
        eprintln!(
            "    batch, 1 thread:  {one:.1} s, {:.1} scenarios/s, {:.1} ms per scenario",
            n / one,
            one / n * 1000.0
        );
        eprintln!(
            "    batch, 2 threads: {two:.1} s, {:.1} scenarios/s, {:.1} ms per scenario",
            n / two,
            two / n * 1000.0
        );
        eprintln!("    two threads / one thread: {speedup:.2} x (budget >= {MIN_SPEEDUP})");
        eprintln!(
            "    one-thread batch scenario / wlz-sim QUERY --threads 1: {per_scenario:.2} x (budget <= {MAX_PER_SCENARIO})"
        );
        if speedup < MIN_SPEEDUP || per_scenario > MAX_PER_SCENARIO {
            return Err("the batch benchmark is over budget".into());
        }
        Ok(())
    })
}
