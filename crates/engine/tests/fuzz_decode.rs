//! A bounded fuzzer for the URL decoder: arbitrary text, URL-like text and
//! structured queries built from the real key names (random, mutated, huge,
//! unicode and percent-escaped values, duplicated keys, queries longer than
//! `MAX_QUERY_LEN`) go through `codec::decode` and `codec::percent_decode`;
//! observed series (`obs`, valid and near misses) go through the link form and
//! pasted text through `ObservedSeries::parse`.
//! Properties: no panic; every problem is one line; the decoded scenario
//! needs no repair and every key lies in its range; `encode` of the decoded
//! scenario reads back to the same scenario without problems. Native only
//! (proptest is not built for wasm32); a few seconds in a debug build.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::Config;
use wlz_engine::codec::{self, MAX_QUERY_LEN, decode, encode, percent_decode, percent_encode};
use wlz_engine::observed::{MAX_URL_OBS, ObservedPoint, ObservedSeries};
use wlz_engine::params::KeySet;
use wlz_engine::params::{DefaultRule, Kind, PARAMS};
use wlz_engine::scenario::format_value;
use wlz_engine::{Month, Scenario};

/// Cases per property; the arbitrary-text property runs this many strings of up to 10,000 characters.
const CASES: u32 = 2_000;

fn config(cases: u32) -> Config {
    Config {
        cases,
        // No regression files in the source tree; shrinking kept short.
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..Config::default()
    }
}

/// Checks every property on `query`; returns the decoded scenario.
fn check(query: &str) -> Scenario {
    let decoded = decode(query);
    for problem in &decoded.problems {
        let line = problem.to_string();
        assert!(!line.is_empty() && !line.contains(['\n', '\r']), "{query:?}: problem is not one line: {line:?}");
    }
    let mut scenarios = vec![("", &decoded.scenario)];
    if let Some(pinned) = &decoded.page.pinned {
        scenarios.push(("pinned ", pinned));
    }
    for (which, scenario) in scenarios {
        let repairs = scenario.clone().repair();
        assert!(repairs.is_empty(), "{query:?}: {which}scenario needs repairs: {repairs:?}");
        check_ranges(query, scenario);
        let canonical = encode(scenario);
        let again = decode(&canonical);
        assert!(again.problems.is_empty(), "{query:?}: {canonical:?} has problems: {:?}", again.problems);
        // The canonical query carries the observations under key set 2 when a link can (key set 1: the page query does).
        let mut carried = scenario.clone();
        if scenario.key_set() == KeySet::V1 || scenario.observed().and_then(ObservedSeries::to_url).is_none() {
            carried.set_observed(None);
        }
        assert!(
            again.scenario == carried,
            "{query:?}: {which}scenario does not survive encode/decode: {canonical:?} reads back as {:?}",
            encode(&again.scenario)
        );
        assert_eq!(encode(&again.scenario), canonical, "{query:?}: encode is not a fixed point");
    }
    let page = codec::encode_page(&decoded.scenario, &decoded.page);
    let again = decode(&page);
    assert!(again.problems.is_empty(), "{query:?}: page query {page:?} has problems: {:?}", again.problems);
    // The language is kept as given (the page checks it).
    assert!(
        again.scenario == decoded.scenario
            && again.page.pinned == decoded.page.pinned
            && (&again.page.title, &again.page.note) == (&decoded.page.title, &decoded.page.note)
            && again.scenario.observed() == decoded.scenario.observed()
            && again.page.lang == decoded.page.lang
            && again.page.tab == decoded.page.tab,
        "{query:?}: page query {page:?} changed"
    );
    decoded.scenario
}

/// Every value lies within its key's range and is of its kind. A default
/// counted from the horizon's end (target 2's window) is exempt: it follows
/// start + horizon and may lie past the last month a link can name.
fn check_ranges(query: &str, scenario: &Scenario) {
    for spec in &PARAMS {
        if scenario.is_default(spec.key) && matches!(spec.default, DefaultRule::FromEnd(_)) {
            continue;
        }
        let v = scenario.get(spec.key);
        assert!(v.is_finite() && v >= spec.min && v <= spec.max, "{query:?}: {} = {v} out of range", spec.name);
        if spec.kind != Kind::Real {
            assert_eq!(v.fract(), 0.0, "{query:?}: {} = {v} is not whole", spec.name);
        }
    }
}

/// Key names: the table's, the page's, the pinned scenario's, and near misses.
fn key() -> impl Strategy<Value = String> {
    let names: Vec<String> = PARAMS.iter().map(|p| p.name.to_string()).collect();
    let pinned: Vec<String> = PARAMS.iter().map(|p| format!("{}{}", codec::PINNED_PREFIX, p.name)).collect();
    prop_oneof![
        8 => proptest::sample::select(names.clone()),
        2 => proptest::sample::select(pinned),
        1 => proptest::sample::select(vec!["v", "lang", "pin", "title", "note", "obs", "", "a.", "V", "seed ", "%73eed"])
            .prop_map(String::from),
        1 => Just("obs".to_string()),
        1 => (proptest::sample::select(names), "[A-Z_ .%]{1,2}").prop_map(|(n, s)| format!("{n}{s}")),
        1 => ".{0,12}",
    ]
}

/// A value in the key's own range, written as the codec writes it.
fn valid_value(spec_index: usize) -> impl Strategy<Value = String> {
    let spec = &PARAMS[spec_index];
    (spec.min..=spec.max, 0u32..4).prop_map(move |(v, digits)| {
        let v = match spec.kind {
            Kind::Real => {
                let scale = f64::from(10u32.pow(digits));
                (v * scale).round() / scale
            }
            _ => v.round(),
        };
        format_value(spec, v.clamp(spec.min, spec.max))
    })
}

/// Values of every sort: valid for some key, out of range, huge, malformed, unicode.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (0..PARAMS.len()).prop_flat_map(valid_value),
        2 => (-1e6..1e6f64).prop_map(|v| v.to_string()),
        1 => (0u64..=u64::MAX).prop_map(|v| v.to_string()),
        1 => "-?[0-9]{15,40}(\\.[0-9]{0,30})?",
        1 => "(19|20|21|99|00)[0-9]{2}-(0[0-9]|1[0-3])",
        2 => proptest::sample::select(vec![
            "", "-0", "0.0", ".5", "5.", "-", ".", "1e2", "1E-3", "inf", "-inf", "NaN", "+1", "0x10", "1_000",
            "2024-1", "2024-00", "0000-01", "9999-12", "２０", "٣", "1", "nl", "en", "de", "1,5", " 1", "1 ",
            "%", "%4", "%zz", "%C3%A9", "%FF%FE", "%0A", "%00", "+", "++", "%2B", "%26", "%3D",
        ])
        .prop_map(String::from),
        1 => ".{0,60}",
        2 => obs_value(),
    ]
}

/// An observed series in link form, valid or a near miss: a month (sometimes
/// out of range), `~` (sometimes missing or escaped), entries that are counts,
/// gaps, leading zeros, signs, huge numbers or junk, sometimes more than a link carries.
fn obs_value() -> impl Strategy<Value = String> {
    let month = prop_oneof![
        6 => (2000i32..=2100, 1u32..=12).prop_map(|(y, m)| Month::new(y, m).to_string()),
        1 => "(19|20|21|99)[0-9]{2}-(0[0-9]|1[0-3])",
    ];
    let entry = prop_oneof![
        8 => (0u32..=100_000).prop_map(|c| c.to_string()),
        3 => Just(String::new()),
        1 => proptest::sample::select(vec!["0", "00", "05", "-1", "-0", "+3", "100001", "99999999999", "1.5", "x", "٣", "%2E"])
            .prop_map(String::from),
    ];
    (
        month,
        proptest::sample::select(vec!["~", "~", "~", "", "%7E", "~~", "-"]),
        proptest::collection::vec(entry, 0..40),
    )
        .prop_map(|(m, sep, entries)| format!("{m}{sep}{}", entries.join(".")))
}

/// Writes a pair, sometimes percent-escaping it, sometimes without `=`.
fn pair() -> impl Strategy<Value = String> {
    (key(), value(), 0u8..10).prop_map(|(k, v, how)| match how {
        0 => format!("{}={}", percent_encode(&k), percent_encode(&v)),
        1 => k,
        2 => format!("{k}={v}={v}"),
        _ => format!("{k}={v}"),
    })
}

/// A query of pairs, with some of them repeated.
fn query() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(pair(), 0..40),
        proptest::collection::vec(any::<proptest::sample::Index>(), 0..4),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(mut pairs, repeats, question, version)| {
            for r in repeats {
                if !pairs.is_empty() {
                    let p = pairs[r.index(pairs.len())].clone();
                    pairs.push(p);
                }
            }
            if version {
                pairs.insert(0, "v=1".into());
            }
            format!("{}{}", if question { "?" } else { "" }, pairs.join("&"))
        })
}

/// Text over the characters that matter to a query string.
fn url_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(vec!['&', '=', '%', '+', '?', '.', '-', '0', '1', '2', '9', 'a', 'A', 'f', 'v', 'é']),
        0..400,
    )
    .prop_map(String::from_iter)
}

/// `len` characters from the seed `seed`: mostly ASCII (controls included) and
/// the query's own characters, some hex digits, any plane of Unicode.
fn random_text(seed: u64, len: usize) -> String {
    let mut state = seed | 1;
    let mut next = || {
        // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    (0..len)
        .map(|_| {
            let r = next();
            let pick = (r >> 32) as u32;
            match r % 8 {
                0..=3 => char::from(pick as u8 & 0x7F),
                4 => ['&', '=', '%', '+', '?', '.', '-'][pick as usize % 7],
                5 => char::from_digit(pick % 16, 16).unwrap_or('0'),
                6 => char::from_u32(pick % 0x1_0000).unwrap_or('\u{FFFD}'),
                _ => char::from_u32(pick % 0x11_0000).unwrap_or('\u{FFFD}'),
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(config(CASES))]

    #[test]
    fn arbitrary_text_is_handled(chars in proptest::collection::vec(any::<char>(), 0..1_000)) {
        let text = String::from_iter(chars);
        check(&text);
        let _ = percent_decode(&text);
    }

    /// Long text (up to 10,000 characters, past MAX_QUERY_LEN) from a seed:
    /// much faster to make than element by element, at the price of shrinking.
    #[test]
    fn long_arbitrary_text_is_handled(seed in any::<u64>(), len in 0usize..10_000) {
        let text = random_text(seed, len);
        check(&text);
        let _ = percent_decode(&text);
    }

    #[test]
    fn url_like_text_is_handled(text in url_text()) {
        check(&text);
        let _ = percent_decode(&text);
    }


    #[test]
    fn percent_encoding_round_trips(text in ".{0,200}") {
        prop_assert_eq!(percent_decode(&percent_encode(&text)), text);
    }
}

proptest! {
    #![proptest_config(config(2_000))]

    /// Every series that a link can carry reads back from its link form, alone and within a page query.
    #[test]
    fn obs_round_trips(
        first in Month::new(2000, 1).0..=Month::new(2097, 1).0,
        first_count in 0u32..=100_000,
        later in proptest::collection::vec(proptest::option::weighted(0.7, 0u32..=100_000), 0..MAX_URL_OBS as usize),
    ) {
        // The first month is always observed (no rejection), later months may be missing.
        let counts = std::iter::once(Some(first_count)).chain(later);
        let points: Vec<ObservedPoint> = counts
            .enumerate()
            .filter_map(|(i, c)| c.map(|count| ObservedPoint { month: Month(first).plus(i as i32), count }))
            .collect();
        let series = ObservedSeries { points };
        let text = series.to_url().expect("a link carries up to MAX_URL_OBS months");
        prop_assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b)), "{}", text);
        prop_assert_eq!(ObservedSeries::from_url(&text), Ok(series.clone()));
        let decoded = check(&format!("obs={text}&aid=5"));
        let mut expected = decode("aid=5").scenario;
        expected.set_observed(Some(series.clone()));
        prop_assert_eq!(decoded, expected);
        let reread = decode(&format!("aid=5&obs={text}"));
        prop_assert_eq!(reread.scenario.observed(), Some(&series));
    }

    /// Arbitrary link values: never a panic; an accepted value is canonical (it is its own link form).
    #[test]
    fn obs_values_are_read_strictly(text in obs_value()) {
        if let Ok(series) = ObservedSeries::from_url(&text) {
            prop_assert_eq!(series.to_url(), Some(text.clone()));
        }
        check(&format!("obs={text}"));
    }

    /// Arbitrary pasted text: never a panic; a series read is sorted with unique months in range.
    #[test]
    fn pasted_text_is_handled(lines in proptest::collection::vec(prop_oneof![
        4 => (obs_value(), proptest::sample::select(vec![",", ";", "\t", " ", "  ", ", "]), 0u32..200_000)
            .prop_map(|(v, sep, c)| format!("{}{sep}{c}", v.split('~').next().unwrap_or(""))),
        1 => ".{0,30}",
    ], 0..50), crlf in any::<bool>()) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        match ObservedSeries::parse(&text) {
            Ok(series) => {
                prop_assert!(!series.points.is_empty());
                prop_assert!(series.points.windows(2).all(|w| w[0].month < w[1].month));
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                prop_assert!(errors.windows(2).all(|w| w[0].line < w[1].line));
                for e in &errors {
                    let line = e.to_string();
                    prop_assert!(!line.contains(['\n', '\r']), "{}", line);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config(1_500))]

    #[test]
    fn structured_queries_are_handled(q in query()) {
        check(&q);
    }
}

proptest! {
    #![proptest_config(config(200))]

    /// Queries longer than MAX_QUERY_LEN are refused whole with one problem;
    /// one exactly at the limit is read.
    #[test]
    fn long_queries_are_refused_whole(pairs in proptest::collection::vec(pair(), 1..20), extra in 1usize..500) {
        // A leading `&` (an empty part) keeps the query from starting with `?`,
        // which the decoder strips before measuring.
        let mut q = format!("&{}", pairs.join("&"));
        while q.chars().count() <= MAX_QUERY_LEN {
            q.push('&');
            q.push_str(&pairs.join("&"));
        }
        let head: String = q.chars().take(MAX_QUERY_LEN - 1).collect();
        let at_limit = format!("{head}&");
        let scenario = check(&at_limit);
        let _ = scenario;
        let over = format!("{at_limit}{}", "&".repeat(extra));
        let decoded = decode(&over);
        prop_assert_eq!(decoded.problems.len(), 1);
        prop_assert!(decoded.scenario == Scenario::default());
        let with_question = format!("?{at_limit}");
        prop_assert!(decode(&with_question).problems.iter().all(|p| !p.to_string().starts_with("query of")));
    }
}

/// Each key with a valid value, one at a time and all together, in any order.
#[test]
fn every_key_round_trips() {
    let mut runner = proptest::test_runner::TestRunner::new(config(300));
    let all = (0..PARAMS.len()).map(valid_value).collect::<Vec<_>>();
    runner
        .run(&(all, any::<proptest::sample::Index>(), any::<u64>()), |(values, pick, shuffle)| {
            let pairs: Vec<String> = PARAMS.iter().zip(&values).map(|(p, v)| format!("{}={v}", p.name)).collect();
            check(&pairs[pick.index(pairs.len())]);
            check(&pairs.join("&"));
            // A deterministic shuffle of the pairs.
            let mut shuffled = pairs.clone();
            let mut state = shuffle;
            for i in (1..shuffled.len()).rev() {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                shuffled.swap(i, (state >> 33) as usize % (i + 1));
            }
            check(&shuffled.join("&"));
            Ok(())
        })
        .unwrap();
}

/// The fuzzer's first finds, as plain regressions: echoed control characters
/// must not break a problem's line.
#[test]
fn problems_stay_one_line() {
    for q in ["%0a", "%0D=0", "seed=%0A1", "aid=1%0D%0A2", "a.%0A=1&pin=1", "pin=%0A", "lang=%1B[31m"] {
        check(q);
    }
}

/// A value equal to the default a key would have once the keys it follows
/// (start, horizon, youth0) are read must not depend on the order of the pairs.
#[test]
fn order_of_pairs_does_not_matter() {
    for (q, canonical) in [
        ("youth=10&youth0=20", "v=2&youth=10&youth0=20"),
        ("v=1&youth0=20&youth=10", "v=1&youth=10&youth0=20"),
        ("longer_from=2025-01&start=2025-01", "v=2&start=2025-01"),
        ("t2_to=2031-12&horizon=96&v=1", "v=1&horizon=96"),
    ] {
        let decoded = decode(q);
        assert!(decoded.problems.is_empty(), "{q}: {:?}", decoded.problems);
        assert_eq!(encode(&decoded.scenario), canonical, "{q}");
        check(q);
    }
}
