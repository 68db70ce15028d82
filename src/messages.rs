//! Problems with input (a link, a typed value) in plain words, per language,
//! from catalogue templates with `{key}`, `{value}`, `{min}`, `{max}` slots.

use crate::i18n::{Lang, entry_text, key_name, number};
use crate::t;
use wlz_scenario::observed::{MAX_COUNT, MAX_MONTH, MIN_MONTH, ObservedIssue};
use wlz_scenario::params::{self, Kind};
use wlz_scenario::problem::{Issue, Problem};

fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    slots.iter().fold(template.to_string(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// The range of the key named `key` as the page writes numbers (`−0,99` in Dutch).
fn range_of(lang: Lang, key: &str) -> (String, String) {
    params::by_name(key)
        .map_or_else(Default::default, |spec| (entry_text(lang, spec, spec.min), entry_text(lang, spec, spec.max)))
}

/// What is wrong with a line of observed data (or the `obs` link value), in `lang`.
pub fn observed_issue_text(lang: Lang, issue: &ObservedIssue) -> String {
    let n = |v: usize| number(lang, v as f64, 0);
    let (min, max) = (MIN_MONTH.to_string(), MAX_MONTH.to_string());
    match *issue {
        ObservedIssue::TooLarge { max_bytes } => {
            fill(t!(lang, "obs.issue.too_large"), &[("max", &n(max_bytes / 1024))])
        }
        ObservedIssue::TooManyLines { max } => fill(t!(lang, "obs.issue.too_many"), &[("max", &n(max))]),
        ObservedIssue::NoData => t!(lang, "obs.issue.no_data").to_string(),
        ObservedIssue::Fields { found } => fill(t!(lang, "obs.issue.fields"), &[("found", &n(found))]),
        ObservedIssue::BadMonth => fill(t!(lang, "obs.issue.bad_month"), &[("min", &min), ("max", &max)]),
        ObservedIssue::MonthOutOfRange { .. } => {
            fill(t!(lang, "obs.issue.month_range"), &[("min", &min), ("max", &max)])
        }
        ObservedIssue::BadCount => fill(t!(lang, "obs.issue.bad_count"), &[("max", &n(MAX_COUNT as usize))]),
        ObservedIssue::CountOutOfRange { max } => fill(t!(lang, "obs.issue.count_range"), &[("max", &n(max as usize))]),
        ObservedIssue::DuplicateMonth { first_line } => {
            fill(t!(lang, "obs.issue.duplicate"), &[("line", &n(first_line))])
        }
        ObservedIssue::Malformed => t!(lang, "obs.issue.malformed").to_string(),
        ObservedIssue::TooLongForLink { max_months } => {
            fill(t!(lang, "obs.issue.too_long"), &[("max", &n(max_months as usize))])
        }
    }
}

/// A problem of a link as a sentence in `lang`, led by what its key means in
/// words when it is a key of the scenario (`Gebruik van het hulpmiddel (adoptie) — aid=200: …`).
pub fn link_problem_text(lang: Lang, problem: &Problem) -> String {
    let text = problem_text(lang, problem);
    match key_name(lang, &problem.key) {
        Some(name) => format!("{name} — {text}"),
        None => text,
    }
}

/// One problem as a sentence in `lang`.
pub fn problem_text(lang: Lang, problem: &Problem) -> String {
    let (key, value) = (problem.key.as_str(), problem.value.as_str());
    let (min, max) = range_of(lang, key);
    let template = match &problem.issue {
        Issue::UnknownKey => t!(lang, "problem.unknown"),
        Issue::Ambiguous => t!(lang, "problem.ambiguous"),
        Issue::Duplicate => t!(lang, "problem.duplicate"),
        Issue::Malformed(Kind::Int) => t!(lang, "problem.not_int"),
        Issue::Malformed(Kind::Real) => t!(lang, "problem.not_number"),
        Issue::Malformed(Kind::Month) => t!(lang, "problem.not_month"),
        Issue::OutOfRange { .. } => t!(lang, "problem.range"),
        Issue::OneOf(allowed) => {
            return fill(t!(lang, "problem.one_of"), &[("key", key), ("value", value), ("allowed", allowed)]);
        }
        Issue::Version => t!(lang, "problem.version"),
        Issue::NotInKeySet(_) => t!(lang, "problem.not_in_key_set"),
        Issue::TooLong { len } => {
            let limit = number(lang, wlz_scenario::codec::MAX_QUERY_LEN as f64, 0);
            return fill(t!(lang, "problem.too_long"), &[("len", &number(lang, *len as f64, 0)), ("max", &limit)]);
        }
        Issue::SpreadTooLarge { mean, limit } => {
            let limit = number(lang, *limit, 1);
            let slots = [("key", key), ("value", value), ("mean", params::spec(*mean).name), ("max", limit.as_str())];
            return fill(t!(lang, "problem.spread"), &slots);
        }
        Issue::TextTooLong { max } => {
            return fill(t!(lang, "problem.text_long"), &[("key", key), ("max", &number(lang, *max as f64, 0))]);
        }
        Issue::PinMissing => t!(lang, "problem.pin"),
        Issue::Observed { .. } => t!(lang, "problem.observed"),
        Issue::WindowReversed { from } => {
            return fill(
                t!(lang, "problem.window"),
                &[("key", key), ("value", value), ("from", params::spec(*from).name)],
            );
        }
    };
    fill(template, &[("key", key), ("value", value), ("min", &min), ("max", &max)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use wlz_scenario::codec::decode;

    #[test]
    fn every_problem_of_a_bad_link_reads_well_in_both_languages() {
        let decoded =
            decode("v=3&aid=200&aid=5&zzz=1&longer=abc&start=2024-13&runs=1.5&eps_sd=20&eps=100&t1_to=2023-01");
        assert_eq!(decoded.problems.len(), 9, "{:?}", decoded.problems);
        for lang in Lang::ALL {
            for problem in &decoded.problems {
                let text = problem_text(lang, problem);
                assert!(!text.contains('{') && !text.contains('?'), "{text}");
                assert!(text.contains(&problem.key), "{text}");
            }
        }
        let nl: Vec<String> = decoded.problems.iter().map(|p| problem_text(Lang::Nl, p)).collect();
        assert!(nl.contains(&"aid=200: buiten het bereik; toegestaan is 0 tot en met 100".to_string()), "{nl:#?}");
        assert!(nl.iter().any(|t| t.starts_with("start=2024-13: geen maand")), "{nl:#?}");
        assert!(nl.iter().any(|t| t.starts_with("eps_sd=20: te groot bij eps")), "{nl:#?}");
        let aid = decoded.problems.iter().find(|p| p.key == "aid").unwrap();
        let named = link_problem_text(Lang::Nl, aid);
        assert_eq!(
            named,
            "Gebruik van het hulpmiddel (adoptie) — aid=200: buiten het bereik; toegestaan is 0 tot en met 100"
        );
        let phi = decode("phi=2").problems;
        assert_eq!(
            link_problem_text(Lang::Nl, &phi[0]),
            "Schommeling: samenhang tussen opeenvolgende maanden φ — phi=2: buiten het bereik; toegestaan is -0,99 tot en met 0,99"
        );
        assert!(link_problem_text(Lang::En, &decode("longer_ramp=x").problems[0]).starts_with("Longer Wmo"));
    }

    #[test]
    fn a_too_long_link_is_explained() {
        let decoded = decode(&"x".repeat(9000));
        assert_eq!(
            problem_text(Lang::Nl, &decoded.problems[0]),
            "De link is te lang (9.000 tekens, hoogstens 8.192); alles staat op de standaardwaarde."
        );
    }
}
