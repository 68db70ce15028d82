//! Command-line arguments (clap, derive): the projection of one scenario,
//! and the `batch` and `design` subcommands for researchers.

use crate::batch::BatchArgs;
use crate::design::DesignArgs;
use clap::{Args as ClapArgs, Parser, Subcommand};
use wlz_engine::export::CsvLocale;
use wlz_engine::question::Question;
use wlz_engine::solve::{DEFAULT_CONFIDENCE, MAX_CONFIDENCE, MIN_CONFIDENCE, SolveLever};
use wlz_engine::targets::TargetId;

/// Output format of the projection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The [`wlz_engine::output::Report`], pretty-printed JSON.
    Json,
    /// One CSV row per month with the mean and percentiles of the count.
    Csv,
}

/// What to compute for one scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Task {
    /// The projection (JSON report or CSV).
    Project,
    /// A decision-support question: `--solve` (what would it take) or `--sensitivity` (what matters most).
    Ask(Question),
}

/// `wlz-sim`: the whole command line.
#[derive(Parser, Debug)]
#[command(
    name = "wlz-sim",
    about = "Monte Carlo projection of the monthly intake into the Wlz (ggz-wonen): one scenario, \
             or batches of scenarios for researchers",
    args_conflicts_with_subcommands = true,
    subcommand_precedence_over_arg = true
)]
pub struct Cli {
    /// `batch` or `design`; none: one scenario.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The options of one scenario.
    #[command(flatten)]
    pub single: SingleArgs,
    /// Worker threads (default: all cores); every number is the same for any count.
    #[arg(long, global = true, value_name = "N", value_parser = threads)]
    pub threads: Option<usize>,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Runs many scenarios (query lines, NDJSON or a matrix of numbers) and
    /// writes one NDJSON record or CSV row per scenario, in input order.
    Batch(BatchArgs),
    /// Writes an experiment design (Latin hypercube or full grid) as query lines or NDJSON.
    Design(DesignArgs),
}

/// One scenario: its projection, or a decision-support question about it.
#[derive(ClapArgs, Debug, Default)]
pub struct SingleArgs {
    /// The page URL's query string (e.g. 'aid=50'); a leading '?' or a full
    /// URL is accepted; omitted or empty: the default scenario.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    /// json (the full report) or csv (mean and percentiles per month).
    #[arg(long, value_name = "json|csv", value_parser = format)]
    pub format: Option<Format>,
    /// With --format csv, a CSV for people, rounded to what the model can tell:
    /// nl (what Dutch Excel opens: ';', a decimal comma, UTF-8 with BOM, CRLF)
    /// or intl (',', a decimal point); without it the exact CSV.
    #[arg(long, value_name = "nl|intl", value_parser = csv_locale)]
    pub csv_locale: Option<CsvLocale>,
    /// Number of Monte Carlo runs (overrides the query's runs).
    #[arg(long, value_name = "N")]
    pub runs: Option<String>,
    /// Random seed (overrides the query's seed).
    #[arg(long, value_name = "S")]
    pub seed: Option<String>,
    /// What would it take: the least change of a lever (or of all levers together,
    /// in % of the way to their strongest values) at which the target is reached
    /// with the confidence (JSON; searched on a 0.1 grid).
    #[arg(long, value_name = "LEVER", value_parser = lever)]
    pub solve: Option<SolveLever>,
    /// The target (t1: short term, t2: long term), with --solve or --sensitivity.
    #[arg(long, value_name = "TARGET", value_parser = target)]
    pub target: Option<TargetId>,
    /// For --solve, in percent, 50 to 99.9 (default 80).
    #[arg(long, value_name = "PERCENT", value_parser = confidence)]
    pub confidence: Option<f64>,
    /// What matters most: P(target) with L, g, eps and theta each at their 10th
    /// and 90th percentile, and the rank correlations (JSON).
    #[arg(long)]
    pub sensitivity: bool,
    /// Observed monthly intake (the page's paste format: `YYYY-MM` and a count
    /// per line; at most 600 months and 64 KiB). Under model 2 the months
    /// before the start condition the runs (`fit=1`) and the start defaults
    /// to the month after the last one; the later ones are back-tested.
    #[arg(long, value_name = "FILE")]
    pub observed: Option<std::path::PathBuf>,
}

/// "a, b or c".
pub fn either(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// The value named `text` among `choices` (name, value), or one line naming `flag` and the names allowed.
pub fn choice<T: Copy>(flag: &str, text: &str, choices: &[(&str, T)]) -> Result<T, String> {
    choices.iter().find(|(name, _)| *name == text).map(|(_, value)| *value).ok_or_else(|| {
        let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
        format!("{flag}={text}: allowed {}", either(&names))
    })
}

fn format(text: &str) -> Result<Format, String> {
    choice("--format", text, &[("json", Format::Json), ("csv", Format::Csv)])
}

fn csv_locale(text: &str) -> Result<CsvLocale, String> {
    choice("--csv-locale", text, &[("nl", CsvLocale::Nl), ("intl", CsvLocale::International)])
}

fn lever(text: &str) -> Result<SolveLever, String> {
    let levers: Vec<(&str, SolveLever)> = SolveLever::all().map(|l| (l.name(), l)).collect();
    choice("--solve", text, &levers)
}

fn target(text: &str) -> Result<TargetId, String> {
    choice("--target", text, &TargetId::ALL.map(|t| (t.name(), t)))
}

/// Most worker threads accepted.
pub const MAX_THREADS: usize = 1024;

fn threads(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if (1..=MAX_THREADS).contains(&n) => Ok(n),
        _ => Err(format!("--threads={text}: allowed a whole number from 1 to {MAX_THREADS}")),
    }
}

/// The confidence typed after `--confidence` (percent, a plain decimal), as a share.
fn confidence(text: &str) -> Result<f64, String> {
    let (min, max) = (MIN_CONFIDENCE * 100.0, MAX_CONFIDENCE * 100.0);
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let number = (!whole.is_empty() && plain(whole) && plain(fraction) && text.len() <= 24)
        .then(|| text.parse::<f64>().ok())
        .flatten();
    match number {
        Some(v) if (min..=max).contains(&v) => Ok(v / 100.0),
        Some(_) => Err(format!("--confidence={text}: out of range, allowed {min} to {max} (percent)")),
        None => Err(format!("--confidence={text}: not a number, allowed {min} to {max} (percent)")),
    }
}

/// The query part of `text`: what follows the first `?` (all of it when
/// there is none), without a `#fragment`.
pub fn query_of(text: &str) -> &str {
    let query = text.split_once('?').map_or(text, |(_, q)| q);
    query.split_once('#').map_or(query, |(q, _)| q)
}

impl SingleArgs {
    /// The scenario query (cut from a URL), possibly empty.
    pub fn query(&self) -> &str {
        query_of(self.query.as_deref().unwrap_or(""))
    }

    /// What to compute, after the rules that tie the options together; one message per problem.
    pub fn task(&self) -> Result<Task, Vec<String>> {
        let mut problems = Vec::new();
        let mut task = Task::Project;
        match (self.solve, self.sensitivity, self.target) {
            (Some(_), true, _) => problems.push("--solve and --sensitivity: choose one".to_string()),
            (Some(lever), false, Some(target)) => {
                let confidence = self.confidence.unwrap_or(DEFAULT_CONFIDENCE);
                task = Task::Ask(Question::Solve { lever, target, confidence });
            }
            (None, true, Some(target)) => task = Task::Ask(Question::Sensitivity { target }),
            (Some(_), false, None) => problems.push("--solve: needs --target t1 or t2".to_string()),
            (None, true, None) => problems.push("--sensitivity: needs --target t1 or t2".to_string()),
            (None, false, Some(_)) => problems.push("--target: only with --solve or --sensitivity".to_string()),
            (None, false, None) => {}
        }
        if self.confidence.is_some() && self.solve.is_none() {
            problems.push("--confidence: only with --solve".to_string());
        }
        if self.format.is_some() && (self.solve.is_some() || self.sensitivity) {
            problems.push("--format: only for the projection; --solve and --sensitivity print JSON".to_string());
        }
        if self.csv_locale.is_some() && self.format != Some(Format::Csv) {
            problems.push("--csv-locale: only with --format csv".to_string());
        }
        if problems.is_empty() { Ok(task) } else { Err(problems) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;
    use wlz_engine::lever::LeverId;

    fn parse(args: &[&str]) -> Result<Cli, String> {
        Cli::try_parse_from(std::iter::once("wlz-sim").chain(args.iter().copied()))
            .map_err(|e| crate::clap_line::one_line(&e, args))
    }

    fn task(args: &[&str]) -> Result<Task, Vec<String>> {
        parse(args).map_err(|e| vec![e])?.single.task()
    }

    #[test]
    fn cuts_the_query_from_a_url() {
        assert_eq!(query_of("http://host/path/?v=1&aid=50#top"), "v=1&aid=50");
        assert_eq!(query_of("?aid=50"), "aid=50");
        assert_eq!(query_of("aid=50"), "aid=50");
        assert_eq!(query_of(""), "");
    }

    #[test]
    fn parses_flags_both_ways() {
        let a = parse(&["aid=5", "--format", "csv", "--runs=500", "--seed", "7"]).unwrap().single;
        assert_eq!(a.query(), "aid=5");
        assert_eq!(a.format, Some(Format::Csv));
        assert_eq!((a.runs.as_deref(), a.seed.as_deref()), (Some("500"), Some("7")));
        assert_eq!(parse(&["--format", "xml"]).unwrap_err(), "--format=xml: allowed json or csv");
        assert!(
            parse(&["--bogus"])
                .unwrap_err()
                .starts_with("--bogus: unknown option, allowed --format, --csv-locale, --runs")
        );
        let nl = parse(&["--format=csv", "--csv-locale", "nl"]).unwrap().single;
        assert_eq!(nl.csv_locale, Some(CsvLocale::Nl));
        assert_eq!(nl.task(), Ok(Task::Project));
        assert_eq!(
            parse(&["--csv-locale", "nl"]).unwrap().single.task(),
            Err(vec!["--csv-locale: only with --format csv".into()])
        );
        assert_eq!(parse(&["--runs"]).unwrap_err(), "--runs: missing value");
        assert_eq!(parse(&["a=1", "b=2"]).unwrap_err(), "b=2: more than one QUERY given");
        assert_eq!(parse(&["--threads", "0"]).unwrap_err(), "--threads=0: allowed a whole number from 1 to 1024");
        assert_eq!(parse(&["--threads", "3"]).unwrap().threads, Some(3));
    }

    #[test]
    fn suggests_the_nearest_option() {
        let line = parse(&["--sead", "3"]).unwrap_err();
        assert!(line.starts_with("--sead: unknown option") && line.ends_with("(did you mean --seed?)"), "{line}");
    }

    #[test]
    fn parses_solve_and_sensitivity() {
        let a = task(&["aid=5", "--solve", "all", "--target=t2", "--confidence", "90"]).unwrap();
        assert_eq!(a, Task::Ask(Question::Solve { lever: SolveLever::All, target: TargetId::T2, confidence: 0.9 }));
        let a = task(&["--target", "t1", "--solve=youth"]).unwrap();
        assert_eq!(
            a,
            Task::Ask(Question::Solve {
                lever: SolveLever::One(LeverId::Youth),
                target: TargetId::T1,
                confidence: 0.8
            })
        );
        let a = task(&["--sensitivity", "--target", "t1"]).unwrap();
        assert_eq!(a, Task::Ask(Question::Sensitivity { target: TargetId::T1 }));
        assert!(confidence("99.9").is_ok_and(|c| (c - 0.999).abs() < 1e-15));
        assert_eq!(confidence("50"), Ok(0.5));
        for (args, message) in [
            (vec!["--solve", "lever"], "--solve=lever: allowed longer, aid, youth, region or all"),
            (vec!["--solve", "aid", "--target", "t3"], "--target=t3: allowed t1 or t2"),
            (
                vec!["--solve", "aid", "--target", "t1", "--confidence", "40"],
                "--confidence=40: out of range, allowed 50 to 99.9 (percent)",
            ),
            (
                vec!["--solve", "aid", "--target", "t1", "--confidence", "1e2"],
                "--confidence=1e2: not a number, allowed 50 to 99.9 (percent)",
            ),
            (vec!["--target", "t1"], "--target: only with --solve or --sensitivity"),
            (vec!["--solve", "aid"], "--solve: needs --target t1 or t2"),
            (vec!["--sensitivity"], "--sensitivity: needs --target t1 or t2"),
            (vec!["--sensitivity=1"], "--sensitivity=1: takes no value"),
            (vec!["--confidence", "80"], "--confidence: only with --solve"),
            (
                vec!["--solve", "aid", "--target", "t1", "--format", "csv"],
                "--format: only for the projection; --solve and --sensitivity print JSON",
            ),
            (vec!["--solve", "aid", "--sensitivity", "--target", "t1"], "--solve and --sensitivity: choose one"),
        ] {
            assert_eq!(task(&args), Err(vec![message.to_string()]), "{args:?}");
        }
    }
}
