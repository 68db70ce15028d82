//! The targets in detail: per target the probability of reaching it in words
//! and as a count of runs ("in 630 van de 10.000 runs"), its simulation
//! margin (the 95% Monte Carlo interval, not forecast uncertainty), and when
//! the target is first reached (a median date only when most runs reach it).

use crate::i18n::{Lang, month_name, number, percent, tr};
use crate::t;
use std::rc::Rc;
use wlz_scenario::output::Report;
use wlz_scenario::target::TargetResult;
use yew::prelude::*;

/// What [`scorecard`] shows.
#[derive(PartialEq)]
pub struct ScorecardProps {
    /// The result to show.
    pub report: Rc<Report>,
    /// Page language.
    pub lang: Lang,
}

/// The words of the likelihood scale, from the lowest band up, with the
/// lower bound (share 0..1) of each band; the scale of the IPCC's guidance on
/// uncertainty language, which the page explains next to the scorecard.
pub const SCALE: [(f64, &str); 5] = [
    (0.0, "likely.very_unlikely"),
    (0.10, "likely.unlikely"),
    (0.33, "likely.even"),
    (0.66, "likely.likely"),
    (0.90, "likely.very_likely"),
];

/// The catalogue key of the word for probability `p` (0..1).
pub fn likelihood_key(p: f64) -> &'static str {
    SCALE.iter().rev().find(|(from, _)| p >= *from).map_or(SCALE[0].1, |(_, key)| key)
}

/// The 95% Monte Carlo interval of a probability `p` with standard error `se`, clipped to 0..1.
pub fn interval95(p: f64, se: f64) -> (f64, f64) {
    ((p - 1.96 * se).max(0.0), (p + 1.96 * se).min(1.0))
}

/// "in 630 van de 10.000 runs": `count` of `runs`.
fn of_runs(lang: Lang, count: f64, runs: u32) -> String {
    format!(
        "{} {} {} {} {}",
        t!(lang, "target.runs.in"),
        number(lang, count, 0),
        t!(lang, "target.runs.of"),
        number(lang, f64::from(runs), 0),
        t!(lang, "unit.runs")
    )
}

/// When the runs first reach the target: a median date only when at least
/// half of the runs reach it within the horizon, and always how many do.
fn first_reached(lang: Lang, target: &TargetResult, runs: u32) -> Html {
    let reach = &target.first_reached;
    let reached = ((1.0 - reach.never) * f64::from(runs)).round();
    let within = html! { <>{t!(lang, "reach.within")}{" "}{of_runs(lang, reached, runs)}{"."}</> };
    match (reach.p10, reach.p50, reach.p90) {
        (Some(p10), Some(p50), Some(p90)) if 2.0 * reached >= f64::from(runs) => html! {
            <p class="reach">
                {t!(lang, "reach.first")}{" "}<strong>{month_name(lang, p50)}</strong>
                {" ("}{t!(lang, "reach.range")}{" "}{month_name(lang, p10)}{" – "}{month_name(lang, p90)}{"). "}{within}
            </p>
        },
        _ if reached > 0.0 => html! { <p class="reach">{within}{" "}{t!(lang, "reach.few")}</p> },
        _ => html! { <p class="reach">{t!(lang, "reach.none")}</p> },
    }
}

fn target_row(lang: Lang, target: &TargetResult, runs: u32) -> Html {
    let label = tr(lang, target.id.row().label);
    let body = match (target.probability, target.std_error) {
        (Some(p), Some(se)) => {
            let margin = number(lang, 196.0 * se, 1);
            html! {
                <>
                    <p class="verdict">
                        <span class="word">{tr(lang, likelihood_key(p))}</span>{": "}
                        <strong>{percent(lang, p, 1)}</strong>{" "}
                        <span data-testid={format!("runs-{}", target.id)}>{of_runs(lang, (p * f64::from(runs)).round(), runs)}</span>
                        {"; "}<span class="margin" data-testid={format!("margin-{}", target.id)}>
                            {format!("{} {margin} {}", t!(lang, "target.margin"), t!(lang, "unit.pp"))}</span>
                    </p>
                    {first_reached(lang, target, runs)}
                </>
            }
        }
        _ => match (target.observed_reached(), target.observed_mean) {
            (Some(reached), Some(mean)) => html! {
                <p class="verdict observed" data-testid={format!("observed-{}", target.id)} data-reached={reached.to_string()}>
                    <span class="word">{tr(lang, if reached { "target.observed.reached" } else { "target.observed.missed" })}</span>
                    {" "}{t!(lang, "target.observed.mean").replace("{mean}", &number(lang, mean, 1))}
                </p>
            },
            _ => html! { <p class="outside">{t!(lang, "target.outside")}</p> },
        },
    };
    html! {
        <li class="target" data-testid={format!("target-{}", target.id)}>
            <h3>{label}</h3>
            {body}
        </li>
    }
}

/// The scorecard of a result.
pub fn scorecard(props: &ScorecardProps) -> Html {
    let lang = props.lang;
    let runs = crate::i18n::number(lang, f64::from(props.report.runs), 0);
    html! {
        <section class="scorecard" aria-labelledby="targets-title">
            <h2 id="targets-title">{t!(lang, "targets")}</h2>
            <ul>{for props.report.targets.iter().map(|t| target_row(lang, &t.result, props.report.runs))}</ul>
            <p class="scale">{t!(lang, "target.margin.hint")}</p>
            <details class="scale">
                <summary>{t!(lang, "likely.scale")}</summary>
                <ul>
                    {for SCALE.iter().enumerate().map(|(i, (from, key))| {
                        let to = SCALE.get(i + 1).map_or(1.0, |(next, _)| *next);
                        html! { <li>{tr(lang, key)}{": "}{percent(lang, *from, 0)}{" – "}{percent(lang, to, 0)}</li> }
                    })}
                </ul>
                <p>{t!(lang, "likely.source")}{" "}{runs}{"."}</p>
            </details>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_follow_the_scale() {
        assert_eq!(likelihood_key(0.0), "likely.very_unlikely");
        assert_eq!(likelihood_key(0.0999), "likely.very_unlikely");
        assert_eq!(likelihood_key(0.10), "likely.unlikely");
        assert_eq!(likelihood_key(0.365), "likely.even");
        assert_eq!(likelihood_key(0.66), "likely.likely");
        assert_eq!(likelihood_key(0.95), "likely.very_likely");
        assert_eq!(likelihood_key(1.0), "likely.very_likely");
    }

    #[test]
    fn every_word_is_in_the_catalogue() {
        for (_, key) in SCALE {
            assert!(crate::i18n::has(key), "{key}");
        }
    }

    #[test]
    fn interval_is_clipped() {
        assert_eq!(interval95(0.0, 0.0), (0.0, 0.0));
        let (low, high) = interval95(0.5, 0.005);
        assert!((low - 0.4902).abs() < 1e-12 && (high - 0.5098).abs() < 1e-12);
        assert_eq!(interval95(0.999, 0.01).1, 1.0);
    }
}
