//! `wlz-sim batch`: many scenarios in, one NDJSON record or CSV row per
//! scenario out, in input order and streaming; parallel over scenarios
//! (each computed whole by one thread), sharded and resumable.

pub mod input;
pub mod output;
pub mod record;
pub mod shard;

use crate::scenario_text::{Overrides, resolve};
use clap::Args as ClapArgs;
use indicatif::{ProgressBar, ProgressStyle};
use input::{Item, Items, Layout};
use output::{Done, Sink, id_key};
use rayon::prelude::*;
use record::{Columns, Line, Outcome, Sheet};
use shard::Shard;
use std::io::{BufRead, BufReader, IsTerminal};
use std::path::{Path, PathBuf};
use wlz_engine::codec;
use wlz_engine::params::Key;
use wlz_engine::simulate::project;

/// The options of `wlz-sim batch`.
#[derive(ClapArgs, Debug)]
pub struct BatchArgs {
    /// The scenarios: query lines, NDJSON records {"id": …, "query": …}, or
    /// with --columns a matrix of numbers; omitted or '-': standard input.
    #[arg(value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// The query every scenario starts from; a scenario's own keys win.
    #[arg(long, value_name = "QUERY", default_value = "")]
    pub query: String,
    /// The scenario keys of a matrix's columns, in order (e.g. `salib sample` output).
    #[arg(long, value_name = "KEY,KEY,...", value_delimiter = ',')]
    pub columns: Vec<String>,
    /// ndjson (one JSON record per line) or csv (a header, then one row per scenario).
    #[arg(long, value_name = "ndjson|csv", default_value = "ndjson", value_parser = sheet)]
    pub format: Sheet,
    /// Add the per-month mean and percentiles of the count.
    #[arg(long)]
    pub months: bool,
    /// CSV without its header row (what `salib analyze -Y` reads).
    #[arg(long)]
    pub no_header: bool,
    /// Write to FILE (one whole line per write) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Run one contiguous block of the scenarios: i/n, slurm (Slurm's job
    /// array variables) or k8s/n (Kubernetes' JOB_COMPLETION_INDEX of n).
    #[arg(long, value_name = "i/n|slurm|k8s/n")]
    pub shard: Option<String>,
    /// Skip the ids already in --output (a torn last line is dropped first).
    #[arg(long)]
    pub resume: bool,
    /// Number of Monte Carlo runs of every scenario (overrides the queries' runs).
    #[arg(long, value_name = "N")]
    pub runs: Option<String>,
    /// Random seed of every scenario (overrides the queries' seed).
    #[arg(long, value_name = "S")]
    pub seed: Option<String>,
}

fn sheet(text: &str) -> Result<Sheet, String> {
    crate::args::choice("--format", text, &[("ndjson", Sheet::Ndjson), ("csv", Sheet::Csv)])
}

/// Why a batch stopped short, or what it found.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure {
    /// Bad options or input that stops the batch before it starts (exit code 2).
    Usage(Vec<String>),
    /// Some scenarios gave error records; every other one was written (exit code 2).
    BadLines(u64),
    /// The input or output failed (exit code 1).
    Io(String),
}

/// Scenarios given to the pool at a time, per thread: enough to keep every
/// thread busy, few enough to keep memory flat.
const CHUNK_PER_THREAD: usize = 16;

/// The scenario's projection, computed whole on the calling thread.
fn compute(item: &Item, overrides: &Overrides) -> Outcome {
    let query = match &item.query {
        Ok(query) => query,
        Err(problem) => return Outcome::Failed(vec![problem.clone()]),
    };
    match resolve(query, overrides) {
        Ok(scenario) => Outcome::Projected(codec::encode(&scenario), Box::new(project(&scenario.model_params()))),
        Err(problems) => Outcome::Failed(problems),
    }
}

fn open_input(path: Option<&Path>) -> Result<Box<dyn BufRead>, Failure> {
    match path {
        None => Ok(Box::new(BufReader::new(std::io::stdin()))),
        Some(p) if p == Path::new("-") => Ok(Box::new(BufReader::new(std::io::stdin()))),
        Some(p) => std::fs::File::open(p)
            .map(|f| Box::new(BufReader::new(f)) as Box<dyn BufRead>)
            .map_err(|e| Failure::Usage(vec![format!("{}: {e}", p.display())])),
    }
}

/// The input file, unless the input is standard input.
fn input_file(args: &BatchArgs) -> Option<&Path> {
    args.input.as_deref().filter(|p| *p != Path::new("-"))
}

/// Checks the options; returns the layout, the output columns and the shard.
fn settings(args: &BatchArgs) -> Result<(Layout, Columns, Option<Shard>, Overrides), Failure> {
    let usage = |line: String| Failure::Usage(vec![line]);
    let layout = Layout::new(&args.columns).map_err(usage)?;
    let overrides = Overrides { runs: args.runs.clone(), seed: args.seed.clone() };
    let base = resolve(crate::args::query_of(&args.query), &overrides)
        .map_err(|problems| Failure::Usage(problems.iter().map(|p| format!("--query {p}")).collect()))?;
    let months = args.months.then(|| {
        let start = base.month(Key::Start);
        (0..base.get(Key::Horizon) as i32).map(|m| start.plus(m)).collect()
    });
    // NDJSON gives each scenario its own months; CSV's columns are the base query's months.
    let months = months.map(|m| if args.format == Sheet::Csv { m } else { Vec::new() });
    let columns = Columns { sheet: args.format, months };
    let shard = match &args.shard {
        None => None,
        Some(text) => Some(Shard::parse(text, &|name| std::env::var(name).ok()).map_err(usage)?),
    };
    if shard.is_some() && input_file(args).is_none() {
        return Err(usage("--shard: needs an input FILE (its scenarios are counted first), not standard input".into()));
    }
    if args.resume && args.output.is_none() {
        return Err(usage("--resume: needs --output FILE (the ids already written are read from it)".into()));
    }
    if args.no_header && args.format != Sheet::Csv {
        return Err(usage("--no-header: only with --format csv".into()));
    }
    Ok((layout, columns, shard, overrides))
}

/// A progress bar on stderr when it is a terminal, else a hidden one.
fn progress(total: Option<u64>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = total.map_or_else(ProgressBar::new_spinner, ProgressBar::new);
    let template = "{elapsed_precise} [{bar:40}] {pos}/{len} scenarios, {per_sec}, {eta} left";
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Runs the batch `args` on `pool`.
pub fn run(args: &BatchArgs, pool: &rayon::ThreadPool) -> Result<(), Failure> {
    let (layout, columns, shard, overrides) = settings(args)?;
    let base = crate::args::query_of(&args.query).to_string();
    let total = match input_file(args) {
        Some(path) if shard.is_some() || std::io::stderr().is_terminal() => {
            let mut items = Items::new(open_input(Some(path))?, layout.clone(), &base);
            let total = items.by_ref().count() as u64;
            match items.failed {
                Some(e) => return Err(Failure::Io(e)),
                None => Some(total),
            }
        }
        _ => None,
    };
    let block = match (shard, total) {
        (Some(shard), Some(total)) => shard.block(total),
        _ => 1..=u64::MAX,
    };
    let (mut sink, done) = match &args.output {
        Some(path) => {
            let (file, done) = output::open(path, args.format, args.resume).map_err(|e| Failure::Usage(vec![e]))?;
            (Sink::File(file), done)
        }
        None => (Sink::Stdout(std::io::stdout()), Done::default()),
    };
    let first_shard = shard.is_none_or(|s| s.index == 1);
    let write = |sink: &mut Sink, text: &str| sink.line(text).map_err(|e| Failure::Io(format!("cannot write: {e}")));
    if !args.no_header && first_shard && !done.started {
        write(&mut sink, &columns.header())?;
    }
    let bar = progress(total.map(|t| if shard.is_some() { block.end() + 1 - block.start() } else { t }));
    let mut items = Items::new(open_input(args.input.as_deref())?, layout, &base);
    let chunk_size = pool.current_num_threads() * CHUNK_PER_THREAD;
    let mut errors = done.errors;
    let (mut checked, mut past_block) = (false, false);
    while !past_block {
        let mut chunk = Vec::with_capacity(chunk_size);
        for item in items.by_ref() {
            if item.index > *block.end() {
                past_block = true;
                break;
            }
            if item.index < *block.start() {
                continue;
            }
            if done.ids.contains(&id_key(args.format, &item.id)) {
                bar.inc(1);
                continue;
            }
            chunk.push(item);
            if chunk.len() == chunk_size {
                break;
            }
        }
        if !checked && args.resume && done.started && done.design != items.design {
            let name = |d: &Option<String>| d.clone().unwrap_or_else(|| "none".into());
            return Err(Failure::Usage(vec![format!(
                "--resume: the output holds results of design {}, the input is design {}",
                name(&done.design),
                name(&items.design)
            )]));
        }
        checked = true;
        if chunk.is_empty() {
            break;
        }
        let outcomes: Vec<Outcome> =
            pool.install(|| chunk.par_iter().map(|item| columns.fit(compute(item, &overrides))).collect());
        for (item, outcome) in chunk.iter().zip(&outcomes) {
            errors += u64::from(matches!(outcome, Outcome::Failed(_)));
            let line = Line { id: &item.id, line: item.line, design: items.design.as_deref(), outcome };
            write(&mut sink, &line.text(&columns))?;
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    if let Some(e) = items.failed {
        return Err(Failure::Io(e));
    }
    if errors > 0 { Err(Failure::BadLines(errors)) } else { Ok(()) }
}
