//! Command-line arguments, parsed by hand.

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

/// What to compute.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Task {
    /// The projection (JSON report or CSV).
    Project,
    /// A decision-support question: `--solve` (what would it take) or `--sensitivity` (what matters most).
    Ask(Question),
}

/// What the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct Args {
    /// The scenario query (already cut from a URL), possibly empty.
    pub query: String,
    /// Output format.
    pub format: Format,
    /// `--runs` as typed, to be checked by the scenario.
    pub runs: Option<String>,
    /// `--seed` as typed, to be checked by the scenario.
    pub seed: Option<String>,
    /// `--help` was given.
    pub help: bool,
    /// What to compute.
    pub task: Task,
}

/// One-paragraph usage text.
pub const USAGE: &str = "usage: wlz-sim [QUERY] [--format json|csv] [--runs N] [--seed S]
       wlz-sim [QUERY] --solve longer|aid|youth|region|all --target t1|t2 [--confidence 80]
       wlz-sim [QUERY] --sensitivity --target t1|t2
  QUERY   the page URL's query string (e.g. 'v=1&aid=50'), a leading '?' or a
          full URL is accepted; omitted or empty = the default scenario
  --format json (default: the full report) or csv (mean and percentiles per month)
  --runs   number of Monte Carlo runs (overrides the query's runs)
  --seed   random seed (overrides the query's seed)
  --solve  what would it take: the least change of a lever (or of all four
           together, in % of the way to their strongest values) at which the
           target is reached with the confidence; JSON with lever, target,
           confidence, level (the lever's value in its URL unit, null when out
           of reach) and probability; searched on a 0.1 grid
  --target t1 (short term) or t2 (long term), with --solve or --sensitivity
  --confidence  for --solve, in percent, 50 to 99.9 (default 80)
  --sensitivity  what matters most: P(target) with L, g, eps and theta each at
           their 10th and 90th percentile, and the rank correlation of each
           sampled quantity with the target outcome (JSON)";

/// The options that take a value.
const VALUED: [&str; 6] = ["format", "runs", "seed", "solve", "target", "confidence"];

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

/// Parses the arguments (without the program name); on failure returns one
/// message per problem.
pub fn parse<I: IntoIterator<Item = String>>(args: I) -> Result<Args, Vec<String>> {
    let mut out =
        Args { query: String::new(), format: Format::Json, runs: None, seed: None, help: false, task: Task::Project };
    let mut problems = Vec::new();
    let mut query: Option<String> = None;
    let (mut format_given, mut sensitivity, mut lever, mut target, mut confidence_given) =
        (false, false, None, None, None);
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            out.help = true;
            continue;
        }
        let Some(flag) = arg.strip_prefix("--") else {
            if query.is_some() {
                problems.push(format!("{arg}: more than one QUERY given"));
            } else {
                query = Some(arg);
            }
            continue;
        };
        let (name, inline) = match flag.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (flag.to_string(), None),
        };
        if name == "sensitivity" {
            match inline {
                None => sensitivity = true,
                Some(v) => problems.push(format!("--sensitivity={v}: takes no value")),
            }
            continue;
        }
        if !VALUED.contains(&name.as_str()) {
            problems.push(format!(
                "--{name}: unknown option, allowed --format, --runs, --seed, --solve, --target, --confidence, --sensitivity"
            ));
            continue;
        }
        let Some(value) = inline.or_else(|| args.next()) else {
            problems.push(format!("--{name}: missing value"));
            continue;
        };
        match name.as_str() {
            "format" => {
                format_given = true;
                match value.as_str() {
                    "json" => out.format = Format::Json,
                    "csv" => out.format = Format::Csv,
                    _ => problems.push(format!("--format={value}: allowed json or csv")),
                }
            }
            "runs" => out.runs = Some(value),
            "seed" => out.seed = Some(value),
            "solve" => match SolveLever::parse(&value) {
                Some(l) => lever = Some(l),
                None => problems.push(format!("--solve={value}: allowed longer, aid, youth, region or all")),
            },
            "target" => match TargetId::parse(&value) {
                Some(t) => target = Some(t),
                None => problems.push(format!("--target={value}: allowed t1 or t2")),
            },
            _ => match confidence(&value) {
                Ok(c) => confidence_given = Some(c),
                Err(problem) => problems.push(problem),
            },
        }
    }
    out.query = query_of(query.as_deref().unwrap_or("")).to_string();
    if problems.is_empty() {
        match (lever, sensitivity, target) {
            (Some(_), true, _) => problems.push("--solve and --sensitivity: choose one".to_string()),
            (Some(lever), false, Some(target)) => {
                let confidence = confidence_given.unwrap_or(DEFAULT_CONFIDENCE);
                out.task = Task::Ask(Question::Solve { lever, target, confidence });
            }
            (None, true, Some(target)) => out.task = Task::Ask(Question::Sensitivity { target }),
            (Some(_), false, None) => problems.push("--solve: needs --target t1 or t2".to_string()),
            (None, true, None) => problems.push("--sensitivity: needs --target t1 or t2".to_string()),
            (None, false, Some(_)) => problems.push("--target: only with --solve or --sensitivity".to_string()),
            (None, false, None) => {}
        }
        if confidence_given.is_some() && lever.is_none() {
            problems.push("--confidence: only with --solve".to_string());
        }
        if format_given && out.task != Task::Project {
            problems.push("--format: only for the projection; --solve and --sensitivity print JSON".to_string());
        }
    }
    if problems.is_empty() { Ok(out) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wlz_engine::lever::LeverId;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
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
        let a = parse(strings(&["aid=5", "--format", "csv", "--runs=500", "--seed", "7"])).unwrap();
        assert_eq!(a.query, "aid=5");
        assert_eq!(a.format, Format::Csv);
        assert_eq!((a.runs.as_deref(), a.seed.as_deref()), (Some("500"), Some("7")));
        assert!(parse(strings(&["--format", "xml"])).is_err());
        assert!(parse(strings(&["--bogus"])).is_err());
        assert!(parse(strings(&["--runs"])).is_err());
        assert!(parse(strings(&["a=1", "b=2"])).is_err());
    }

    #[test]
    fn parses_solve_and_sensitivity() {
        let a = parse(strings(&["aid=5", "--solve", "all", "--target=t2", "--confidence", "90"])).unwrap();
        assert_eq!(
            a.task,
            Task::Ask(Question::Solve { lever: SolveLever::All, target: TargetId::T2, confidence: 0.9 })
        );
        let a = parse(strings(&["--target", "t1", "--solve=youth"])).unwrap();
        assert_eq!(
            a.task,
            Task::Ask(Question::Solve {
                lever: SolveLever::One(LeverId::Youth),
                target: TargetId::T1,
                confidence: 0.8
            })
        );
        let a = parse(strings(&["--sensitivity", "--target", "t1"])).unwrap();
        assert_eq!(a.task, Task::Ask(Question::Sensitivity { target: TargetId::T1 }));
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
            assert_eq!(parse(strings(&args)), Err(vec![message.to_string()]), "{args:?}");
        }
    }
}
