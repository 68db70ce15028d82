//! A scenario from text: a query (optionally over a base query), with the
//! command line's `--runs` and `--seed` on top; every problem as one line.

use wlz_engine::Scenario;
use wlz_engine::codec;

/// The command line's overrides of the scenario's own `runs` and `seed`, as typed.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// `--runs` (runs), checked against the parameter table.
    pub runs: Option<String>,
    /// `--seed`, checked against the parameter table.
    pub seed: Option<String>,
}

/// The pairs of `query` (without a leading `?`) whose key is not in `keys`.
fn pairs_without<'a>(query: &'a str, keys: &[&str]) -> impl Iterator<Item = &'a str> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').filter(move |p| !p.is_empty() && !keys.contains(&p.split('=').next().unwrap_or(p)))
}

/// `line` over `base`: every pair of `base` whose key `line` does not set,
/// then the pairs of `line` (a key given twice within one of them stays a problem).
pub fn over_base(base: &str, line: &str) -> String {
    let line = line.strip_prefix('?').unwrap_or(line);
    let keys: Vec<&str> = pairs_without(line, &[]).map(|p| p.split('=').next().unwrap_or(p)).collect();
    let mut out: Vec<&str> = pairs_without(base, &keys).collect();
    out.extend(pairs_without(line, &[]));
    out.join("&")
}

/// The scenario of `query` with `overrides` applied, or one line per problem.
pub fn resolve(query: &str, overrides: &Overrides) -> Result<Scenario, Vec<String>> {
    let mut decoded = codec::decode(query);
    let mut problems: Vec<String> = decoded.problems.iter().map(ToString::to_string).collect();
    for (key, value) in [("runs", &overrides.runs), ("seed", &overrides.seed)] {
        if let Some(value) = value
            && let Err(problem) = decoded.scenario.set_text(key, value)
        {
            problems.push(format!("--{problem}"));
        }
    }
    if problems.is_empty() { Ok(decoded.scenario) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_wins_over_the_base() {
        assert_eq!(over_base("runs=500&aid=10", "aid=20&level=240"), "runs=500&aid=20&level=240");
        assert_eq!(over_base("?runs=500", ""), "runs=500");
        assert_eq!(over_base("", "?aid=1&aid=2"), "aid=1&aid=2");
    }

    #[test]
    fn overrides_are_checked_and_named() {
        let runs = Overrides { runs: Some("5".into()), seed: None };
        let problems = resolve("aid=50", &runs).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("--runs=5: out of range, allowed 100 to 100000"), "{problems:?}");
        let scenario = resolve("aid=50", &Overrides { runs: Some("200".into()), seed: Some("9".into()) }).unwrap();
        assert_eq!(
            codec::encode(&scenario),
            format!("v={}&seed=9&runs=200&aid=50", wlz_engine::params::KeySet::default().code())
        );
    }
}
