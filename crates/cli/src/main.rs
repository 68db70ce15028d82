//! `wlz-sim`: runs a scenario of the Wlz ggz-wonen intake simulator and
//! prints the projection as JSON (the export report) or CSV.
//!
//! Exit codes: 0 on success, 2 on bad input (one line per problem on
//! stderr, nothing on stdout), 1 when the output cannot be written.

mod args;

use args::{Format, USAGE};
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;
use wlz_engine::codec;
use wlz_engine::output::Report;
use wlz_engine::simulate::project;

fn main() -> ExitCode {
    let args = match args::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(problems) => return bad_input(&problems),
    };
    if args.help {
        println!("{USAGE}\n\nScenario keys (QUERY):\n\n{}", wlz_engine::params::markdown_table());
        return ExitCode::SUCCESS;
    }
    let mut decoded = codec::decode(&args.query);
    let mut problems: Vec<String> = decoded.problems.iter().map(ToString::to_string).collect();
    for (key, value) in [("runs", &args.runs), ("seed", &args.seed)] {
        if let Some(value) = value
            && let Err(problem) = decoded.scenario.set_text(key, value)
        {
            problems.push(format!("--{problem}"));
        }
    }
    if !problems.is_empty() {
        return bad_input(&problems);
    }
    let scenario = decoded.scenario;
    let params = scenario.model_params();
    let started = Instant::now();
    let projection = project(&params);
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    let query = codec::encode(&scenario);
    let text = match args.format {
        Format::Json => {
            let report = Report::new(&query, &params, &projection, elapsed_ms);
            match serde_json::to_string_pretty(&report) {
                Ok(json) => json + "\n",
                Err(e) => {
                    eprintln!("wlz-sim: cannot write JSON: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        Format::Csv => wlz_engine::export::csv(&query, wlz_engine::MODEL_VERSION, &projection.months),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()).is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Prints each problem on stderr and returns exit code 2.
fn bad_input(problems: &[String]) -> ExitCode {
    for problem in problems {
        eprintln!("wlz-sim: {problem}");
    }
    ExitCode::from(2)
}
