//! `wlz-sim design`: an experiment design over scenario keys with ranges, a
//! Latin hypercube (reproducible: Xoshiro256++ from `--seed`, as the engine
//! seeds its runs) or a full grid, written as canonical query lines or NDJSON
//! records, with a header that records the design's parameters and a
//! fingerprint of its rows (also in a sidecar `FILE.design.json` with
//! `--output`); `wlz-sim batch` copies the fingerprint into every result.

use crate::scenario_text::{Overrides, over_base, resolve};
use clap::Args as ClapArgs;
use rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::Serialize;
use std::path::PathBuf;
use wlz_engine::codec;
use wlz_engine::params::{Kind, PARAMS, ParamSpec, by_name};
use wlz_engine::scenario::{format_value, parse_value};

/// One `--vary KEY=FROM..TO`: a scenario key and its range, in the key's URL unit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Vary {
    /// The scenario key.
    pub key: &'static str,
    /// Lowest value (URL unit; months as YYYY-MM).
    pub from: String,
    /// Highest value (URL unit; months as YYYY-MM).
    pub to: String,
    /// The row of the parameter table.
    #[serde(skip)]
    spec: &'static ParamSpec,
    /// `from` and `to` as numbers (months as month numbers).
    #[serde(skip)]
    range: (f64, f64),
}

/// How the rows are chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Latin hypercube: n rows, each key's range cut in n equal strata, one row per stratum.
    Lhs,
    /// Full grid: n evenly spaced levels per key (ends included), every combination.
    Grid,
}

/// Most rows of a design.
pub const MAX_ROWS: u64 = 1_000_000;

/// The options of `wlz-sim design`.
#[derive(ClapArgs, Debug)]
pub struct DesignArgs {
    /// A scenario key and its range in the key's unit, e.g. level=200..300 or
    /// start=2024-01..2025-12; repeat for every key.
    #[arg(long = "vary", value_name = "KEY=FROM..TO", required = true, value_parser = Vary::parse)]
    pub vary: Vec<Vary>,
    /// lhs (Latin hypercube) or grid (full factorial).
    #[arg(long, value_name = "lhs|grid", default_value = "lhs", value_parser = method)]
    pub method: Method,
    /// lhs: number of rows; grid: levels per key.
    #[arg(short = 'n', long = "samples", value_name = "N", value_parser = samples)]
    pub n: u64,
    /// Seed of the Latin hypercube's random numbers.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// The query every row starts from (e.g. runs=500); the varied keys win.
    #[arg(long, value_name = "QUERY", default_value = "")]
    pub query: String,
    /// lines (a '#' header, then one query per line) or ndjson (a design record, then {"id", "query"} records).
    #[arg(long, value_name = "lines|ndjson", default_value = "lines", value_parser = layout)]
    pub format: DesignFormat,
    /// Write to FILE (and the parameters to FILE.design.json) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// How a design is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DesignFormat {
    /// A `#` header line, then one query per line.
    Lines,
    /// A `{"design": …}` record, then one `{"id", "query"}` record per line.
    Ndjson,
}

fn method(text: &str) -> Result<Method, String> {
    crate::args::choice("--method", text, &[("lhs", Method::Lhs), ("grid", Method::Grid)])
}

fn layout(text: &str) -> Result<DesignFormat, String> {
    crate::args::choice("--format", text, &[("lines", DesignFormat::Lines), ("ndjson", DesignFormat::Ndjson)])
}

fn samples(text: &str) -> Result<u64, String> {
    match text.parse::<u64>() {
        Ok(n) if (1..=MAX_ROWS).contains(&n) => Ok(n),
        _ => Err(format!("-n={text}: allowed a whole number from 1 to {MAX_ROWS}")),
    }
}

impl Vary {
    /// Parses `KEY=FROM..TO` against the parameter table.
    pub fn parse(text: &str) -> Result<Vary, String> {
        let Some((name, range)) = text.split_once('=') else {
            return Err(format!("--vary={text}: allowed KEY=FROM..TO, e.g. level=200..300"));
        };
        let Some(spec) = by_name(name) else {
            let keys: Vec<&str> = PARAMS.iter().map(|p| p.name).collect();
            return Err(format!("--vary={text}: unknown key {name}, allowed {}", crate::args::either(&keys)));
        };
        let valid = format!("allowed {} to {}", format_value(spec, spec.min), format_value(spec, spec.max));
        let Some((from, to)) = range.split_once("..") else {
            return Err(format!("--vary={text}: allowed {name}=FROM..TO, {valid}"));
        };
        match (parse_value(spec, from), parse_value(spec, to)) {
            (Some(lo), Some(hi)) if lo < spec.min || hi > spec.max => {
                Err(format!("--vary={text}: out of range, {valid}"))
            }
            (Some(lo), Some(hi)) if lo > hi => Err(format!("--vary={text}: FROM above TO, {valid}")),
            (Some(lo), Some(hi)) => {
                Ok(Vary { key: spec.name, from: from.to_string(), to: to.to_string(), spec, range: (lo, hi) })
            }
            _ => Err(format!("--vary={text}: not a value of {name}, {valid}")),
        }
    }

    /// The value at `share` (0..1) of the range: continuous for decimals; for
    /// whole numbers and months each of the range's values gets an equal part.
    fn at(&self, share: f64) -> f64 {
        let (lo, hi) = self.range;
        match self.spec.kind {
            Kind::Real => lo + (hi - lo) * share,
            Kind::Int | Kind::Month => (lo + ((hi - lo + 1.0) * share).floor()).min(hi),
        }
    }

    /// Grid level `i` of `n` (ends included), rounded for whole numbers and months.
    fn level(&self, i: u64, n: u64) -> f64 {
        let (lo, hi) = self.range;
        let share = if n == 1 { 0.0 } else { i as f64 / (n - 1) as f64 };
        let value = lo + (hi - lo) * share;
        if self.spec.kind == Kind::Real { value } else { value.round() }
    }
}

/// The design's parameters, as recorded in its header and sidecar.
#[derive(Serialize)]
struct Header<'a> {
    /// The tool and its version.
    wlz_sim: &'static str,
    method: Method,
    n: u64,
    seed: u64,
    vary: &'a [Vary],
    base: &'a str,
    rows: u64,
    /// FNV-1a (64-bit, hex) of the query lines, each with its newline.
    fingerprint: String,
}

/// A uniform in [0, 1) from the top 53 bits of the generator's output.
fn uniform(rng: &mut Xoshiro256PlusPlus) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// Latin hypercube shares: `n` rows of one share (0..1) per key; key by key,
/// a Fisher-Yates permutation of the strata, then a uniform within each.
fn latin_hypercube(n: u64, keys: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut rows = vec![vec![0.0; keys]; n as usize];
    for k in 0..keys {
        let mut strata: Vec<u64> = (0..n).collect();
        for i in (1..strata.len()).rev() {
            let j = (uniform(&mut rng) * (i + 1) as f64) as usize;
            strata.swap(i, j.min(i));
        }
        for (row, stratum) in rows.iter_mut().zip(strata) {
            row[k] = (stratum as f64 + uniform(&mut rng)) / n as f64;
        }
    }
    rows
}

/// The values of every row (one per varied key).
fn values(args: &DesignArgs) -> Result<Vec<Vec<f64>>, String> {
    let keys = args.vary.len();
    match args.method {
        Method::Lhs => Ok(latin_hypercube(args.n, keys, args.seed)
            .into_iter()
            .map(|shares| args.vary.iter().zip(shares).map(|(v, s)| v.at(s)).collect())
            .collect()),
        Method::Grid => {
            let rows = u32::try_from(keys).ok().and_then(|k| args.n.checked_pow(k)).filter(|r| *r <= MAX_ROWS);
            let rows =
                rows.ok_or_else(|| format!("-n={}: {} levels of {keys} keys is over {MAX_ROWS} rows", args.n, args.n))?;
            Ok((0..rows)
                .map(|r| {
                    let mut rest = r;
                    let mut row: Vec<f64> = args
                        .vary
                        .iter()
                        .rev()
                        .map(|v| {
                            let level = v.level(rest % args.n, args.n);
                            rest /= args.n;
                            level
                        })
                        .collect();
                    row.reverse();
                    row
                })
                .collect())
        }
    }
}

/// The canonical query lines of the design, each checked as a scenario.
pub fn queries(args: &DesignArgs) -> Result<Vec<String>, Vec<String>> {
    let mut seen: Vec<&str> = Vec::new();
    for v in &args.vary {
        if seen.contains(&v.key) {
            return Err(vec![format!("--vary {}: given more than once", v.key)]);
        }
        seen.push(v.key);
    }
    let base = crate::args::query_of(&args.query);
    resolve(base, &Overrides::default()).map_err(|p| p.iter().map(|p| format!("--query {p}")).collect::<Vec<_>>())?;
    let mut out = Vec::new();
    for (i, row) in values(args).map_err(|e| vec![e])?.into_iter().enumerate() {
        let pairs: Vec<String> =
            args.vary.iter().zip(row).map(|(v, x)| format!("{}={}", v.key, format_value(v.spec, x))).collect();
        let query = over_base(base, &pairs.join("&"));
        let scenario = resolve(&query, &Overrides::default())
            .map_err(|p| vec![format!("--vary: row {} ({}): {}", i + 1, pairs.join("&"), p.join("; "))])?;
        out.push(codec::encode(&scenario));
    }
    Ok(out)
}

/// FNV-1a, 64-bit, of the query lines (each with its newline), as 16 hex digits.
fn fingerprint(queries: &[String]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in queries.iter().flat_map(|q| q.bytes().chain(std::iter::once(b'\n'))) {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The whole design text (header and rows) and its parameters as pretty JSON.
pub fn write(args: &DesignArgs) -> Result<(String, String), Vec<String>> {
    let queries = queries(args)?;
    let base = codec::encode(&resolve(crate::args::query_of(&args.query), &Overrides::default())?);
    let header = Header {
        wlz_sim: concat!("wlz-sim ", env!("CARGO_PKG_VERSION")),
        method: args.method,
        n: args.n,
        seed: args.seed,
        vary: &args.vary,
        base: &base,
        rows: queries.len() as u64,
        fingerprint: fingerprint(&queries),
    };
    let json = serde_json::to_string(&header).map_err(|e| vec![e.to_string()])?;
    let mut text = match args.format {
        DesignFormat::Lines => format!("{}{json}\n", crate::batch::input::DESIGN_COMMENT),
        DesignFormat::Ndjson => format!("{{\"design\":{json}}}\n"),
    };
    for (i, query) in queries.iter().enumerate() {
        match args.format {
            DesignFormat::Lines => text.push_str(query),
            DesignFormat::Ndjson => {
                text.push_str(&serde_json::json!({ "id": i + 1, "query": query }).to_string());
            }
        }
        text.push('\n');
    }
    let pretty = serde_json::to_string_pretty(&header).map_err(|e| vec![e.to_string()])? + "\n";
    Ok((text, pretty))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn design(args: &[&str]) -> Result<DesignArgs, String> {
        let cli = crate::args::Cli::try_parse_from(["wlz-sim", "design"].iter().chain(args))
            .map_err(|e| crate::clap_line::one_line(&e, args))?;
        match cli.command {
            Some(crate::args::Command::Design(d)) => Ok(d),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_latin_hypercube_has_one_row_per_stratum_of_every_key() {
        let rows = latin_hypercube(50, 3, 7);
        for k in 0..3 {
            let mut strata: Vec<u64> = rows.iter().map(|r| (r[k] * 50.0).floor() as u64).collect();
            strata.sort_unstable();
            assert_eq!(strata, (0..50).collect::<Vec<_>>());
        }
        assert_eq!(rows, latin_hypercube(50, 3, 7), "same seed, same design");
        assert_ne!(rows, latin_hypercube(50, 3, 8));
    }

    #[test]
    fn the_design_is_written_with_its_parameters() {
        let args = design(&[
            "--vary",
            "level=200..300",
            "--vary",
            "aid=0..100",
            "-n",
            "4",
            "--seed",
            "3",
            "--query",
            "runs=500",
        ])
        .unwrap();
        let (text, sidecar) = write(&args).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5);
        assert!(lines[0].starts_with("# wlz-sim design {") && lines[0].contains("\"seed\":3"), "{}", lines[0]);
        for line in &lines[1..] {
            assert!(
                line.starts_with(&format!("v={}&runs=500&", wlz_engine::params::KeySet::default().code())),
                "{line}"
            );
        }
        let header: serde_json::Value = serde_json::from_str(&sidecar).unwrap();
        assert_eq!(header["vary"][0], serde_json::json!({"key": "level", "from": "200", "to": "300"}));
        assert_eq!(header["fingerprint"].as_str().map(str::len), Some(16));
    }

    #[test]
    fn a_grid_takes_every_combination_with_the_ends() {
        let args =
            design(&["--method", "grid", "--vary", "aid=0..100", "--vary", "region_ramp=0..12", "-n", "3"]).unwrap();
        let queries = queries(&args).unwrap();
        assert_eq!(queries.len(), 9);
        assert!(queries[0].ends_with("&region_ramp=0"), "{}", queries[0]);
        assert!(queries[1].ends_with("&region_ramp=6"), "{}", queries[1]);
        assert!(queries[8].ends_with("&aid=100"), "{}", queries[8]);
    }

    #[test]
    fn bad_keys_and_ranges_name_the_valid_range() {
        for (args, message) in [
            (vec!["--vary", "aid=0..120", "-n", "3"], "--vary=aid=0..120: out of range, allowed 0 to 100"),
            (vec!["--vary", "aid=50..10", "-n", "3"], "--vary=aid=50..10: FROM above TO, allowed 0 to 100"),
            (vec!["--vary", "trend=x..5", "-n", "3"], "--vary=trend=x..5: not a value of trend, allowed -50 to 50"),
            (vec!["--vary", "aid=0..100", "-n", "0"], "-n=0: allowed a whole number from 1 to 1000000"),
        ] {
            assert_eq!(design(&args).unwrap_err(), message, "{args:?}");
        }
        assert!(
            design(&["--vary", "bogus=1..2", "-n", "2"])
                .unwrap_err()
                .starts_with("--vary=bogus=1..2: unknown key bogus, allowed seed, runs")
        );
        let twice = design(&["--vary", "aid=0..10", "--vary", "aid=0..20", "-n", "2"]).unwrap();
        assert_eq!(queries(&twice), Err(vec!["--vary aid: given more than once".to_string()]));
        let tied = design(&["--vary", "eps=0..100", "-n", "20"]).unwrap();
        assert!(queries(&tied).unwrap_err()[0].contains("too large for eps"), "{:?}", queries(&tied));
    }
}
