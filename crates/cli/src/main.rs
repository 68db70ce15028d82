//! `wlz-sim`: runs a scenario of the Wlz ggz-wonen intake simulator and
//! prints the projection as JSON (the export report) or CSV; with `--solve`,
//! what it would take to reach a target; with `--sensitivity`, what matters
//! most for it (both JSON). `wlz-sim batch` runs many scenarios (NDJSON or
//! CSV out, sharded, resumable); `wlz-sim design` writes experiment designs.
//!
//! Exit codes: 0 on success, 2 on bad input (one line per problem on
//! stderr; for one scenario nothing on stdout; for a batch, after every good
//! scenario is written), 1 when the input or output fails.

mod args;
mod batch;
mod clap_line;
mod design;
mod pool;
mod scenario_text;

use args::{Cli, Command, Format, SingleArgs, Task};
use clap::{CommandFactory, FromArgMatches};
use scenario_text::{Overrides, resolve};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;
use wlz_engine::codec;
use wlz_engine::observed::{self, ObservedSeries};
use wlz_engine::output::Report;
use wlz_engine::question::Answer;
use wlz_engine::sensitivity::Sensitivity;
use wlz_engine::simulate::project;
use wlz_engine::solve::{Solution, SolveError, SolveLever};
use wlz_engine::targets::TargetId;

/// The `--solve` and `--sensitivity` documents: the engine's result with the
/// model version, the canonical scenario and the elapsed time around it.
#[derive(Serialize)]
struct Wrapped<T: Serialize> {
    /// The scenario's model version (its key set's).
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
fn wrapped<T: Serialize>(
    model_version: &'static str,
    query: &str,
    result: T,
    elapsed_ms: f64,
) -> Result<String, ExitCode> {
    json(&Wrapped { model_version, scenario: query.to_string(), result, elapsed_ms })
}

/// Reads `--observed FILE`: the series, or one line per problem (the file, or each bad line with its number).
fn observed(path: &std::path::Path) -> Result<ObservedSeries, Vec<String>> {
    let name = path.display();
    let too_large = |bytes: u64| {
        vec![format!("--observed {name}: {bytes} bytes, allowed at most {} (64 KiB)", observed::MAX_BYTES)]
    };
    let size = std::fs::metadata(path).map_err(|e| vec![format!("--observed {name}: {e}")])?.len();
    if size > observed::MAX_BYTES as u64 {
        return Err(too_large(size));
    }
    let bytes = std::fs::read(path).map_err(|e| vec![format!("--observed {name}: {e}")])?;
    let text = String::from_utf8(bytes).map_err(|_| vec![format!("--observed {name}: not UTF-8 text")])?;
    ObservedSeries::parse(&text).map_err(|errors| errors.iter().map(|e| format!("--observed {name}: {e}")).collect())
}

/// Pretty JSON of `value`, with a final newline.
fn json<T: Serialize>(value: &T) -> Result<String, ExitCode> {
    serde_json::to_string_pretty(value).map(|json| json + "\n").map_err(|e| {
        eprintln!("wlz-sim: cannot write JSON: {e}");
        ExitCode::FAILURE
    })
}

/// The parsed command line, or the exit code of `--help`, `--version` or a bad argument.
fn command_line() -> Result<Cli, ExitCode> {
    let version = format!("{} (model {})", env!("CARGO_PKG_VERSION"), wlz_engine::MODEL_VERSION);
    let keys = format!("Scenario keys (QUERY):\n\n{}", wlz_engine::params::markdown_table());
    // The levers and targets are named from their tables, so a new row appears here by itself.
    let levers: Vec<&str> = SolveLever::all().map(|l| l.name()).collect();
    let targets: Vec<&str> = TargetId::ALL.iter().map(|t| t.name()).collect();
    let command = Cli::command()
        .version(version)
        .after_long_help(keys)
        .mut_arg("solve", |a| a.value_name(levers.join("|")))
        .mut_arg("target", |a| a.value_name(targets.join("|")));
    let args: Vec<String> = std::env::args().collect();
    let matches = command.try_get_matches_from(&args).and_then(|m| Cli::from_arg_matches(&m));
    matches.map_err(|e| {
        if e.use_stderr() {
            let words: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
            bad_input(&[clap_line::one_line(&e, &words)])
        } else {
            let _ = e.print();
            ExitCode::SUCCESS
        }
    })
}

fn main() -> ExitCode {
    let cli = match command_line() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let pool = match pool::pool(cli.threads) {
        Ok(pool) => pool,
        Err(e) => return bad_input(&[e]),
    };
    match &cli.command {
        None => pool.install(|| single(&cli.single)),
        Some(Command::Batch(args)) => match batch::run(args, &pool) {
            Ok(()) => ExitCode::SUCCESS,
            Err(batch::Failure::Usage(problems)) => bad_input(&problems),
            Err(batch::Failure::BadLines(n)) => {
                bad_input(&[format!("{n} scenario(s) could not be read: see their error records in the output")])
            }
            Err(batch::Failure::Io(e)) => {
                eprintln!("wlz-sim: {e}");
                ExitCode::FAILURE
            }
        },
        Some(Command::Design(args)) => match design::write(args) {
            Err(problems) => bad_input(&problems),
            Ok((text, sidecar)) => match &args.output {
                None => print(&text),
                Some(path) => {
                    let sidecar_path = format!("{}.design.json", path.display());
                    match std::fs::write(path, text).and_then(|()| std::fs::write(&sidecar_path, sidecar)) {
                        Ok(()) => ExitCode::SUCCESS,
                        Err(e) => {
                            eprintln!("wlz-sim: {}: {e}", path.display());
                            ExitCode::FAILURE
                        }
                    }
                }
            },
        },
    }
}

/// Writes `text` to stdout; exit code 1 when it cannot.
fn print(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()).is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// One scenario: its projection, or the answer to its question.
fn single(args: &SingleArgs) -> ExitCode {
    let task = match args.task() {
        Ok(task) => task,
        Err(problems) => return bad_input(&problems),
    };
    let overrides = Overrides { runs: args.runs.clone(), seed: args.seed.clone() };
    let mut scenario = match resolve(args.query(), &overrides) {
        Ok(scenario) => scenario,
        Err(problems) => return bad_input(&problems),
    };
    if let Some(path) = &args.observed {
        match observed(path) {
            Ok(series) => scenario.set_observed(Some(series)),
            Err(problems) => return bad_input(&problems),
        }
    }
    let model_version = scenario.key_set().model_version();
    let params = scenario.model_params();
    let query = codec::encode(&scenario);
    let started = Instant::now();
    let elapsed_ms = || started.elapsed().as_secs_f64() * 1000.0;
    let text = match task {
        Task::Ask(question) => match wlz_engine::question::answer(question, &params) {
            Ok(Answer::Solved(solution)) => wrapped::<Solution>(model_version, &query, *solution, elapsed_ms()),
            Ok(Answer::Sensitivity(result)) => wrapped::<Sensitivity>(model_version, &query, *result, elapsed_ms()),
            Ok(Answer::LeverRanking(result)) => wrapped(model_version, &query, *result, elapsed_ms()),
            Err(e @ SolveError::Window { .. }) => return bad_input(&[format!("--target={e}")]),
            Err(e) => return bad_input(&[format!("--{e}")]),
        },
        Task::Project => {
            let projection = project(&params);
            let elapsed_ms = elapsed_ms();
            match args.format.unwrap_or(Format::Json) {
                Format::Json => {
                    json(&Report::new(&query, &params, &projection, elapsed_ms).with_observed(scenario.observed()))
                }
                Format::Csv => Ok(match args.csv_locale {
                    None => wlz_engine::export::csv(&query, model_version, &projection.months),
                    Some(locale) => {
                        let fresh = freshness(model_version, scenario.last_observed());
                        wlz_engine::export::csv_months(&query, model_version, &fresh, &projection.months, locale)
                    }
                }),
            }
        }
    };
    match text {
        Ok(text) => print(&text),
        Err(code) => code,
    }
}

/// The freshness line of a CSV for people (the page's line, in the command
/// line's terms): the model version, the last observed month from 2024 on or
/// that there is none, and the date of the newest source.
fn freshness(model_version: &str, last_observed: Option<wlz_engine::Month>) -> String {
    let observed = last_observed
        .filter(|m| *m >= wlz_engine::Month::new(2024, 1))
        .map_or_else(|| "none after 2023 (what was known in December 2023)".to_string(), |m| m.to_string());
    let (year, month, day) = wlz_engine::SOURCES_DATE;
    format!("model {model_version}; last observed month: {observed}; sources up to {year}-{month:02}-{day:02}")
}

/// Prints each problem on stderr and returns exit code 2.
fn bad_input(problems: &[String]) -> ExitCode {
    for problem in problems {
        eprintln!("wlz-sim: {problem}");
    }
    ExitCode::from(2)
}
