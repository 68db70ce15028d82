//! Scenario <-> query string (key sets 1 and 2).
//!
//! Encoding is canonical: `v` first (the scenario's key set), then only the
//! keys whose value differs from its default, in the parameter table's order;
//! shares in percent, months as `YYYY-MM`, numbers as the shortest decimal that
//! reads back exactly; under key set 2 then the observed series (`obs`) when a
//! link can carry it. Decoding accepts untrusted text and never panics: bad
//! parts stay at their defaults and each is reported as a [`Problem`]. A link
//! without `v` is read in the current key set (2); `v=1` links keep model 1.

use crate::observed::ObservedSeries;
use crate::params::{Key, KeySet, PARAMS};
use crate::problem::{Issue, Problem};
use crate::scenario::Scenario;

/// Longest query read, in characters; a longer one is refused whole.
pub const MAX_QUERY_LEN: usize = 8192;

/// Longest scenario title (`title`), in characters.
pub const MAX_TITLE: usize = 100;
/// Longest scenario note (`note`), in characters.
pub const MAX_NOTE: usize = 500;
/// Prefix of the keys of the pinned comparison scenario A (`a.aid=50`).
pub const PINNED_PREFIX: &str = "a.";

/// What a link carries besides the scenario: page-only keys, ignored by the CLI.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Page {
    /// The page language (`lang`) as given, unchecked: the languages are the
    /// page's business (it checks the code and reports a bad one); the command
    /// line ignores it. Written into the link when set.
    pub lang: Option<String>,
    /// The page's open panel (`tab`) as given, unchecked like `lang`: the
    /// panels are the page's business; the command line ignores it.
    pub tab: Option<String>,
    /// A title for the scenario (`title`), at most [`MAX_TITLE`] characters.
    pub title: String,
    /// A note on the scenario (`note`), at most [`MAX_NOTE`] characters.
    pub note: String,
    /// Scenario A of a comparison (`pin=1` and its `a.` keys); the main scenario
    /// is B. A has B's key set and observations.
    pub pinned: Option<Scenario>,
}

/// The result of reading a query string.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The scenario, with every bad part at its default.
    pub scenario: Scenario,
    /// The page-only keys.
    pub page: Page,
    /// Every problem found, in the order met.
    pub problems: Vec<Problem>,
}

/// The canonical query string of `scenario` (without a leading `?`): under
/// key set 2 with its observed series when a link can carry it
/// ([`ObservedSeries::to_url`]); under key set 1 the series is not part of the
/// scenario's numbers and only [`encode_page`] writes it.
pub fn encode(scenario: &Scenario) -> String {
    let mut out = format!("v={}", scenario.key_set().code());
    push_keys(&mut out, scenario, "");
    if scenario.key_set() >= KeySet::V2 {
        push_obs(&mut out, scenario);
    }
    out
}

fn push_keys(out: &mut String, scenario: &Scenario, prefix: &str) {
    for spec in PARAMS.iter().filter(|p| !scenario.is_default(p.key)) {
        out.push_str(&format!("&{prefix}{}={}", spec.name, scenario.text(spec.key)));
    }
}

fn push_obs(out: &mut String, scenario: &Scenario) {
    if let Some(obs) = scenario.observed().and_then(ObservedSeries::to_url) {
        out.push_str("&obs=");
        out.push_str(&obs);
    }
}

/// The page's query: the canonical scenario, then the pinned scenario A
/// (`pin=1` and its non-default keys as `a.` keys), under key set 1 the
/// observed series when short enough (`obs`, only URL-safe characters), the
/// title and note (percent-encoded), the open panel and the language when
/// they are set.
pub fn encode_page(scenario: &Scenario, page: &Page) -> String {
    let mut out = encode(scenario);
    if let Some(pinned) = &page.pinned {
        out.push_str("&pin=1");
        push_keys(&mut out, pinned, PINNED_PREFIX);
    }
    if scenario.key_set() == KeySet::V1 {
        push_obs(&mut out, scenario);
    }
    for (key, text) in [("title", &page.title), ("note", &page.note)] {
        if !text.is_empty() {
            out.push_str(&format!("&{key}={}", percent_encode(text)));
        }
    }
    if let Some(tab) = &page.tab {
        out.push_str(&format!("&tab={}", percent_encode(tab)));
    }
    if let Some(lang) = &page.lang {
        out.push_str(&format!("&lang={}", percent_encode(lang)));
    }
    out
}

/// A free text as kept in a link: control characters dropped, cut at `max` characters.
pub fn clean_text(text: &str, max: usize) -> String {
    text.chars().filter(|c| !c.is_control()).take(max).collect()
}

/// Reads a query string (with or without a leading `?`). Never panics.
pub fn decode(query: &str) -> Decoded {
    let mut decoded = Decoded { scenario: Scenario::default(), page: Page::default(), problems: Vec::new() };
    let query = query.strip_prefix('?').unwrap_or(query);
    let len = query.chars().count();
    if len > MAX_QUERY_LEN {
        decoded.problems.push(Problem::new("query", "", Issue::TooLong { len }));
        return decoded;
    }
    let parts: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (raw_key, raw_value) = part.split_once('=').unwrap_or((part, ""));
            (percent_decode(raw_key), percent_decode(raw_value))
        })
        .collect();
    // The key set first (the first `v`): it decides which keys exist and their defaults.
    let keys = match parts.iter().find(|(k, _)| k == "v") {
        None => KeySet::default(),
        Some((_, code)) => KeySet::parse(code).unwrap_or_else(|| {
            decoded.problems.push(Problem::new("v", code, Issue::Version));
            KeySet::default()
        }),
    };
    decoded.scenario = Scenario::new(keys);
    let mut observed = None;
    let mut seen: Vec<String> = Vec::new();
    let mut pinned = Scenario::new(keys);
    let mut pin = false;
    let mut pinned_given = false;
    for (key, value) in parts {
        if seen.contains(&key) {
            decoded.problems.push(Problem::new(&key, &value, Issue::Duplicate));
            continue;
        }
        seen.push(key.clone());
        let problem = |issue| Some(Problem::new(&key, &value, issue));
        let found = match key.as_str() {
            "v" => None,
            "lang" => {
                decoded.page.lang = Some(crate::problem::shorten(&value));
                None
            }
            "tab" => {
                decoded.page.tab = Some(crate::problem::shorten(&value));
                None
            }
            "pin" if value == "1" => {
                pin = true;
                None
            }
            "pin" => problem(Issue::OutOfRange { min: "1".into(), max: "1".into() }),
            "obs" => match ObservedSeries::from_url(&value) {
                Ok(series) => {
                    observed = Some(series);
                    None
                }
                Err((entry, issue)) => problem(Issue::Observed { entry, issue }),
            },
            "title" | "note" => {
                let max = if key == "title" { MAX_TITLE } else { MAX_NOTE };
                let text = clean_text(&value, max);
                let cut = text.chars().count() < value.chars().filter(|c| !c.is_control()).count();
                if key == "title" {
                    decoded.page.title = text
                } else {
                    decoded.page.note = text
                }
                if cut { problem(Issue::TextTooLong { max }) } else { None }
            }
            _ => match key.strip_prefix(PINNED_PREFIX) {
                Some(name) => {
                    pinned_given = true;
                    pinned.store_text(name, &value).err().map(|mut p| {
                        p.key = format!("{PINNED_PREFIX}{}", p.key);
                        p
                    })
                }
                None => decoded.scenario.store_text(&key, &value).err(),
            },
        };
        decoded.problems.extend(found);
    }
    decoded.scenario.put_observed(observed.clone());
    pinned.put_observed(observed);
    decoded.problems.extend(decoded.scenario.repair());
    if pin {
        for mut problem in pinned.repair() {
            problem.key = format!("{PINNED_PREFIX}{}", problem.key);
            decoded.problems.push(problem);
        }
        decoded.page.pinned = Some(pinned);
    } else if pinned_given {
        decoded.problems.push(Problem::new("pin", "", Issue::PinMissing));
    }
    decoded
}

/// Undoes URL encoding (`%XX` and `+` for a space); invalid escapes stay as
/// written and invalid UTF-8 becomes U+FFFD, so the value is then reported as malformed.
pub fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(&text.replace('+', " ")).decode_utf8_lossy().into_owned()
}

/// Everything but the unreserved characters of RFC 3986 (letters, digits, `-_.~`).
const RESERVED: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Percent-encodes a value for a query string (everything but unreserved characters).
pub fn percent_encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, RESERVED).to_string()
}

/// The keys of the parameter table, in canonical order (for docs and the CLI's help).
pub fn keys() -> impl Iterator<Item = (Key, &'static str)> {
    PARAMS.iter().map(|p| (p.key, p.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_scenario_is_just_the_version() {
        assert_eq!(encode(&Scenario::default()), "v=2");
        assert_eq!(encode(&Scenario::new(KeySet::V1)), "v=1");
        let d = decode("");
        assert_eq!(d.scenario, Scenario::default());
        assert!(d.problems.is_empty());
        assert_eq!(decode("v=1").scenario, Scenario::new(KeySet::V1));
    }

    #[test]
    fn key_sets_keep_their_keys_and_defaults() {
        let v1 = decode("v=1&floor=60&anchor=2023-01");
        assert_eq!(v1.problems.len(), 2, "key set 2's keys are refused in a v=1 link");
        assert!(v1.problems[0].to_string().starts_with("floor=60: not a key of version 1 links"));
        assert_eq!(encode(&v1.scenario), "v=1");
        assert_eq!(v1.scenario.get(Key::TrendSd), 3.0, "model 1's spread of the trend");
        let v2 = decode("v=2&floor=60");
        assert!(v2.problems.is_empty());
        assert_eq!((v2.scenario.get(Key::TrendSd), v2.scenario.get(Key::Floor)), (10.0, 60.0));
        let v3 = decode("v=3&aid=5");
        assert_eq!(v3.problems[0].to_string(), "v=3: unsupported version, allowed 1, 2 (read as version 2)");
        assert_eq!(encode(&v3.scenario), "v=2&aid=5");
        // Upgrading a model 1 link keeps its values and takes key set 2's defaults for the rest.
        let up = decode("v=1&aid=50&trend_sd=3").scenario.with_key_set(KeySet::V2);
        assert_eq!(encode(&up), "v=2&aid=50&trend_sd=3");
    }

    #[test]
    fn round_trip_in_canonical_order() {
        let d = decode("?region=12.5&aid=50&v=1&start=2025-03&lang=en&seed=7");
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        assert_eq!(encode(&d.scenario), "v=1&seed=7&start=2025-03&aid=50&region=12.5");
        assert_eq!(encode_page(&d.scenario, &d.page), "v=1&seed=7&start=2025-03&aid=50&region=12.5&lang=en");
        assert_eq!(d.page.lang.as_deref(), Some("en"));
        assert_eq!(decode(&encode(&d.scenario)).scenario, d.scenario);
    }

    #[test]
    fn bad_parts_are_reported_and_left_at_defaults() {
        let d = decode("v=9&aid=200&aid=5&zzz=1&longer=abc&start=2024-13&runs=&eps_sd=20&eps=100&lang=de&%ZZ=1&v=1");
        let lines: Vec<String> = d.problems.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 10, "{lines:#?}");
        assert_eq!(d.page.lang.as_deref(), Some("de"), "the page checks the language");
        assert!(lines.iter().any(|l| l == "aid=200: out of range, allowed 0 to 100"));
        assert!(lines.iter().any(|l| l.starts_with("aid=5: key given more than once")));
        assert!(lines.iter().any(|l| l.starts_with("eps_sd=20: too large for eps")));
        assert_eq!(encode(&d.scenario), "v=2&eps=100&eps_sd=0");
    }

    #[test]
    fn page_keys_round_trip() {
        let q = "v=1&aid=80&pin=1&a.seed=3&a.aid=20&title=Plan%20B%20%26%20co&note=Regio%27s%3A%20%C3%A9%C3%A9n&tab=solve&lang=en";
        let d = decode(q);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        assert_eq!(d.page.title, "Plan B & co");
        assert_eq!(d.page.note, "Regio's: één");
        assert_eq!(d.page.tab.as_deref(), Some("solve"), "the page checks the panel");
        let pinned = d.page.pinned.clone().expect("scenario A");
        assert_eq!(encode(&pinned), "v=1&seed=3&aid=20");
        assert_eq!(encode_page(&d.scenario, &d.page), q);
        assert_eq!(decode("v=1&pin=1").page.pinned, Some(Scenario::new(KeySet::V1)));
    }

    #[test]
    fn observed_series_travels_in_the_link() {
        let q = "v=1&aid=80&obs=2023-11~250.262..240&title=x";
        let d = decode(q);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        let obs = d.scenario.observed().cloned().expect("a series");
        assert_eq!(obs.points.len(), 3);
        assert_eq!(encode_page(&d.scenario, &d.page), q);
        assert_eq!(encode(&d.scenario), "v=1&aid=80", "model 1: the series is not part of the numbers");
        let v2 = decode("v=2&aid=80&obs=2023-11~250.262..240&title=x");
        assert_eq!(
            encode(&v2.scenario),
            "v=2&aid=80&start=2024-01&obs=2023-11~250.262..240".replace("&start=2024-01", "")
        );
        assert_eq!(v2.scenario.month(Key::Start), crate::Month::new(2024, 3), "the month after the last observation");
        assert_eq!(decode("obs=2023-11%7E250&v=1").scenario.observed().map(|s| s.points.len()), Some(1));
        let bad = decode("obs=2023-11~250.0250");
        assert_eq!(bad.scenario.observed(), None);
        assert_eq!(bad.problems.len(), 1);
        assert_eq!(
            bad.problems[0].to_string(),
            "obs=2023-11~250.0250: count 2: not a whole number (digits only, no separators), allowed 0 to 100000 \
             (series left out)"
        );
        // A series longer than a link carries stays out of the link.
        let mut long = Scenario::default();
        long.set_observed(crate::observed::ObservedSeries::parse("2020-01,1\n2023-01,2").ok());
        assert_eq!(encode_page(&long, &Page::default()), "v=2");
    }

    #[test]
    fn page_keys_are_checked() {
        let long = "x".repeat(MAX_TITLE + 5);
        let d = decode(&format!("title={long}&note=a%00b&a.aid=500&pin=2"));
        let lines: Vec<String> = d.problems.iter().map(ToString::to_string).collect();
        assert_eq!(d.page.title.chars().count(), MAX_TITLE);
        assert_eq!(d.page.note, "ab", "control characters are dropped");
        assert!(lines.iter().any(|l| l.starts_with("title: longer than 100")), "{lines:?}");
        assert!(lines.iter().any(|l| l.starts_with("a.aid=500: out of range")), "{lines:?}");
        assert!(lines.iter().any(|l| l.starts_with("pin=2")), "{lines:?}");
        assert!(lines.iter().any(|l| l.starts_with("pin: ")), "{lines:?}");
        assert_eq!(d.page.pinned, None);
    }

    #[test]
    fn absurd_input_never_panics() {
        let long = "a".repeat(MAX_QUERY_LEN + 1);
        assert_eq!(decode(&long).problems.len(), 1);
        for q in ["%", "%4", "&&&", "=", "==", "v", "seed=-0", "seed=99999999999999999999999", "longer=-.5", "é=ü%FF"]
        {
            let _ = decode(q);
        }
        assert_eq!(percent_decode("a%2Bb+c%"), "a+b c%");
        assert_eq!(percent_decode("%ZZ%4"), "%ZZ%4", "invalid escapes stay as written");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
        assert_eq!(percent_encode("Plan B & co/é~"), "Plan%20B%20%26%20co%2F%C3%A9~");
    }
}
