//! Command-line arguments, parsed by hand.

/// Output format of the projection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The [`wlz_engine::output::Report`], pretty-printed JSON.
    Json,
    /// One CSV row per month with the mean and percentiles of the count.
    Csv,
}

/// What the user asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
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
}

/// One-paragraph usage text.
pub const USAGE: &str = "usage: wlz-sim [QUERY] [--format json|csv] [--runs N] [--seed S]
  QUERY   the page URL's query string (e.g. 'v=1&aid=50'), a leading '?' or a
          full URL is accepted; omitted or empty = the default scenario
  --format json (default: the full report) or csv (mean and percentiles per month)
  --runs   number of Monte Carlo runs (overrides the query's runs)
  --seed   random seed (overrides the query's seed)";

/// The query part of `text`: what follows the first `?` (all of it when
/// there is none), without a `#fragment`.
pub fn query_of(text: &str) -> &str {
    let query = text.split_once('?').map_or(text, |(_, q)| q);
    query.split_once('#').map_or(query, |(q, _)| q)
}

/// Parses the arguments (without the program name); on failure returns one
/// message per problem.
pub fn parse<I: IntoIterator<Item = String>>(args: I) -> Result<Args, Vec<String>> {
    let mut out = Args { query: String::new(), format: Format::Json, runs: None, seed: None, help: false };
    let mut problems = Vec::new();
    let mut query: Option<String> = None;
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
        if !["format", "runs", "seed"].contains(&name.as_str()) {
            problems.push(format!("--{name}: unknown option, allowed --format, --runs, --seed"));
            continue;
        }
        let Some(value) = inline.or_else(|| args.next()) else {
            problems.push(format!("--{name}: missing value"));
            continue;
        };
        match name.as_str() {
            "format" => match value.as_str() {
                "json" => out.format = Format::Json,
                "csv" => out.format = Format::Csv,
                _ => problems.push(format!("--format={value}: allowed json or csv")),
            },
            "runs" => out.runs = Some(value),
            _ => out.seed = Some(value),
        }
    }
    out.query = query_of(query.as_deref().unwrap_or("")).to_string();
    if problems.is_empty() { Ok(out) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
