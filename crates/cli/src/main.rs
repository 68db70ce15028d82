//! `wlz-sim`: runs a scenario of the Wlz ggz-wonen intake simulator and
//! prints the projection as JSON (the export report) or CSV; with `--solve`,
//! what it would take to reach a target; with `--sensitivity`, what matters
//! most for it (both JSON).
//!
//! Exit codes: 0 on success, 2 on bad input (one line per problem on
//! stderr, nothing on stdout), 1 when the output cannot be written.

mod args;

use args::{Format, Task, USAGE};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;
use wlz_engine::codec;
use wlz_engine::output::Report;
use wlz_engine::question::Answer;
use wlz_engine::sensitivity::Sensitivity;
use wlz_engine::simulate::project;
use wlz_engine::solve::{Solution, SolveError};

/// The `--solve` and `--sensitivity` documents: the engine's result with the
/// model version, the canonical scenario and the elapsed time around it.
#[derive(Serialize)]
struct Wrapped<T: Serialize> {
    /// [`wlz_engine::MODEL_VERSION`].
    model_version: &'static str,
    /// The scenario's canonical query string.
    scenario: String,
    /// The result; its fields come first-level in the JSON.
    #[serde(flatten)]
    result: T,
    /// Wall-clock time of the computation (milliseconds).
    elapsed_ms: f64,
}

/// Pretty JSON of `result` wrapped with the model version, the scenario `query` and `elapsed_ms`.
fn wrapped<T: Serialize>(query: &str, result: T, elapsed_ms: f64) -> Result<String, ExitCode> {
    json(&Wrapped { model_version: wlz_engine::MODEL_VERSION, scenario: query.to_string(), result, elapsed_ms })
}

/// Pretty JSON of `value`, with a final newline.
fn json<T: Serialize>(value: &T) -> Result<String, ExitCode> {
    serde_json::to_string_pretty(value).map(|json| json + "\n").map_err(|e| {
        eprintln!("wlz-sim: cannot write JSON: {e}");
        ExitCode::FAILURE
    })
}

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
    let query = codec::encode(&scenario);
    let started = Instant::now();
    let elapsed_ms = || started.elapsed().as_secs_f64() * 1000.0;
    let text = match args.task {
        Task::Ask(question) => match wlz_engine::question::answer(question, &params) {
            Ok(Answer::Solved(solution)) => wrapped::<Solution>(&query, *solution, elapsed_ms()),
            Ok(Answer::Sensitivity(result)) => wrapped::<Sensitivity>(&query, *result, elapsed_ms()),
            Ok(Answer::LeverRanking(result)) => wrapped(&query, *result, elapsed_ms()),
            Err(e @ SolveError::Window { .. }) => return bad_input(&[format!("--target={e}")]),
            Err(e) => return bad_input(&[format!("--{e}")]),
        },
        Task::Project => {
            let projection = project(&params);
            let elapsed_ms = elapsed_ms();
            match args.format {
                Format::Json => json(&Report::new(&query, &params, &projection, elapsed_ms)),
                Format::Csv => Ok(wlz_engine::export::csv(&query, wlz_engine::MODEL_VERSION, &projection.months)),
            }
        }
    };
    let text = match text {
        Ok(text) => text,
        Err(code) => return code,
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
