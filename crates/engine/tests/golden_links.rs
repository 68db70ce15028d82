//! Links live forever: fixed query strings must keep decoding to the same
//! scenario and projecting to the same numbers, to the last bit. Model 1's
//! links (`tests/golden/links.json`, made with model 1.1.0) are frozen: no
//! change may alter them, so that file is never regenerated. Model 2's links
//! (`tests/golden/links_v2.json`) are regenerated only when model 2's numbers
//! change on purpose, with a new model version:
//! `UPDATE_GOLDEN=1 cargo test -p wlz-engine --test golden_links` (native only;
//! it rewrites the model 2 file alone). To add a link, add an entry with its
//! `about` and `query` (and `"expected": null`) and regenerate. The same
//! fixtures run natively and, as wasm32, in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown -p wlz-engine --test golden_links`).

use serde::{Deserialize, Serialize};
use wlz_engine::attribution::Contributions;
use wlz_engine::params::KeySet;
use wlz_engine::{codec, simulate};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// The fixture files: model 1's (frozen) and model 2's, with the key set whose model made them.
const FILES: [(&str, &str, KeySet); 2] = [
    ("links.json", include_str!("golden/links.json"), KeySet::V1),
    ("links_v2.json", include_str!("golden/links_v2.json"), KeySet::V2),
];

/// How to regenerate, appended to every failure.
const REGENERATE: &str = "Model 1's links never change. A change that alters model 2's numbers on purpose must \
     bump its model version (crates/scenario/src/params.rs, KeySet::model_version) and regenerate model 2's \
     fixtures with `UPDATE_GOLDEN=1 cargo test -p wlz-engine --test golden_links`.";

#[derive(Debug, Serialize, Deserialize)]
struct Fixtures {
    /// MODEL_VERSION of the code that produced the expected values.
    model_version: String,
    links: Vec<Link>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Link {
    /// What the link covers, in a few words.
    about: String,
    /// The query string as it was shared.
    query: String,
    /// The key outputs; null until regenerated.
    expected: Option<Expected>,
}

/// The key outputs of one link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Expected {
    /// The canonical query of the decoded scenario.
    canonical: String,
    /// Number of problems found while decoding.
    problems: usize,
    /// P(target 1), when its window lies inside the projection.
    p_t1: Option<f64>,
    /// P(target 2), likewise.
    p_t2: Option<f64>,
    /// Median count of the first projected month.
    median_first: f64,
    /// Median count of the last projected month.
    median_last: f64,
    /// Mean cumulative intake.
    cumulative_mean: f64,
    /// Mean clients averted.
    averted_mean: f64,
    /// Shapley contributions of the levers.
    contributions: Contributions,
    /// Mean stock at the horizon.
    stock_end_mean: f64,
    /// `Projection::checksum`, in decimal (a string, so that no JSON reader rounds it).
    checksum: String,
    /// The observed series (`obs`) as the page writes it back; absent without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    obs: Option<String>,
}

/// Decodes, repairs and projects `query`.
fn outputs(query: &str) -> Expected {
    let decoded = codec::decode(query);
    let mut scenario = decoded.scenario.clone();
    let repairs = scenario.repair();
    assert!(repairs.is_empty(), "{query}: the decoded scenario still needed repairs: {repairs:?}");
    let projection = simulate::project(&scenario.model_params());
    let (first, last) = (projection.months.first().unwrap(), projection.months.last().unwrap());
    Expected {
        canonical: codec::encode(&scenario),
        problems: decoded.problems.len(),
        p_t1: projection.targets[0].probability,
        p_t2: projection.targets[1].probability,
        median_first: first.p50,
        median_last: last.p50,
        cumulative_mean: projection.cumulative.mean,
        averted_mean: projection.averted.mean,
        contributions: projection.contributions,
        stock_end_mean: projection.stock_end.mean,
        checksum: projection.checksum().to_string(),
        obs: decoded.scenario.observed().and_then(wlz_engine::observed::ObservedSeries::to_url),
    }
}

/// `query` as model 1 read it when its fixture was made. Model 1's fixtures
/// hold one link that names a version which did not exist then (`v=2`, "a
/// wrong version"): model 1 reported it as one problem and read the link as
/// its own. Now that `v=2` is model 2, the frozen fixture keeps its promise
/// this way: the link with its version read as 1, plus that one problem.
fn as_model_one_read_it(query: &str) -> Expected {
    let decoded = codec::decode(query);
    if decoded.scenario.key_set() == KeySet::V1 {
        return outputs(query);
    }
    let rest = query.trim_start_matches('?').split('&').filter(|p| !p.starts_with("v=")).collect::<Vec<_>>();
    let mut read = outputs(&format!("v=1&{}", rest.join("&")));
    read.problems += 1;
    read
}

/// The fields where `actual` differs from `expected`, one line each.
fn differences(expected: &Expected, actual: &Expected) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = |name: &str, e: String, a: String| {
        if e != a {
            out.push(format!("  {name}: expected {e}, got {a}"));
        }
    };
    // Debug of f64 is the shortest text that reads back exactly, so equal text is equal bits.
    field("canonical", expected.canonical.clone(), actual.canonical.clone());
    field("problems", expected.problems.to_string(), actual.problems.to_string());
    field("p_t1", format!("{:?}", expected.p_t1), format!("{:?}", actual.p_t1));
    field("p_t2", format!("{:?}", expected.p_t2), format!("{:?}", actual.p_t2));
    field("median_first", format!("{:?}", expected.median_first), format!("{:?}", actual.median_first));
    field("median_last", format!("{:?}", expected.median_last), format!("{:?}", actual.median_last));
    field("cumulative_mean", format!("{:?}", expected.cumulative_mean), format!("{:?}", actual.cumulative_mean));
    field("averted_mean", format!("{:?}", expected.averted_mean), format!("{:?}", actual.averted_mean));
    field("contributions", format!("{:?}", expected.contributions), format!("{:?}", actual.contributions));
    field("stock_end_mean", format!("{:?}", expected.stock_end_mean), format!("{:?}", actual.stock_end_mean));
    field("checksum", expected.checksum.clone(), actual.checksum.clone());
    field("obs", format!("{:?}", expected.obs), format!("{:?}", actual.obs));
    out
}

fn fixtures(text: &str) -> Fixtures {
    serde_json::from_str(text).expect("the golden links are valid JSON of the fixture format")
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn links_keep_their_numbers() {
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        update();
        return;
    }
    let mut failures = Vec::new();
    for (file, text, keys) in FILES {
        let fixtures = fixtures(text);
        assert!(
            fixtures.model_version == keys.model_version(),
            "{file} was made with model version {}, this is {}. {REGENERATE}",
            fixtures.model_version,
            keys.model_version()
        );
        assert!(fixtures.links.len() >= 5, "expected the full set of link fixtures in {file}");
        for link in &fixtures.links {
            let actual = if keys == KeySet::V1 { as_model_one_read_it(&link.query) } else { outputs(&link.query) };
            match &link.expected {
                None => failures.push(format!("{file}: {} ({}): no expected values yet", link.query, link.about)),
                Some(expected) if *expected == actual => {}
                Some(expected) => {
                    let lines = differences(expected, &actual);
                    failures.push(format!("{file}: {} ({}):\n{}", link.query, link.about, lines.join("\n")));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} link(s) changed:\n{}\n{REGENERATE}", failures.len(), failures.join("\n"));
}

/// Every link of the file has its own query once, and the fixture covers
/// every key of the parameter table at least once.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
fn links_cover_every_key() {
    let links: Vec<Link> = FILES.iter().flat_map(|(_, text, _)| fixtures(text).links).collect();
    for (i, link) in links.iter().enumerate() {
        assert!(links[..i].iter().all(|l| l.query != link.query), "{} twice", link.query);
    }
    for spec in &wlz_engine::params::PARAMS {
        let given = links.iter().any(|l| {
            let decoded = codec::decode(&l.query);
            !decoded.scenario.is_default(spec.key)
        });
        assert!(given, "no link sets `{}`", spec.name);
    }
}

/// Rewrites model 2's fixtures (`tests/golden/links_v2.json`) with the values of this build.
#[cfg(not(target_arch = "wasm32"))]
fn update() {
    let (file, text, keys) = FILES[1];
    let mut fixtures = fixtures(text);
    fixtures.model_version = keys.model_version().to_string();
    for link in &mut fixtures.links {
        link.expected = Some(outputs(&link.query));
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(file);
    let text = serde_json::to_string_pretty(&fixtures).expect("fixtures serialise") + "\n";
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    eprintln!("wrote {} links to {}", fixtures.links.len(), path.display());
}
