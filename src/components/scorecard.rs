//! The target scorecard: per target the probability of reaching it with its
//! 95% Monte Carlo interval.

use crate::i18n::{Lang, number, percent, tr};
use std::rc::Rc;
use wlz_engine::output::Report;
use yew::prelude::*;

/// Properties of [`Scorecard`].
#[derive(Properties, PartialEq)]
pub struct ScorecardProps {
    /// The result to show.
    pub report: Rc<Report>,
    /// Page language.
    pub lang: Lang,
}

/// The scorecard of a result.
#[function_component(Scorecard)]
pub fn scorecard(props: &ScorecardProps) -> Html {
    let lang = props.lang;
    let rows = props.report.targets.iter().map(|target| {
        let target = &target.result;
        let label = tr(lang, if target.id == "t1" { "target.t1" } else { "target.t2" });
        let body = match (target.probability, target.std_error) {
            (Some(p), Some(se)) => html! {
                <>
                    <span class="chance" data-testid={format!("p-{}", target.id)}>{percent(lang, p, 1)}</span>
                    {" "}<span class="interval">{format!("(± {} pp)", number(lang, 196.0 * se, 1))}</span>
                </>
            },
            _ => html! { <span class="outside">{tr(lang, "target.outside")}</span> },
        };
        html! {
            <li class="target">
                <span class="target-label">{label}</span>{": "}
                <span class="visually-hidden">{tr(lang, "target.chance")}{" "}</span>
                {body}
            </li>
        }
    });
    html! {
        <section class="scorecard" aria-labelledby="targets-title">
            <h2 id="targets-title">{tr(lang, "targets")}</h2>
            <ul>{for rows}</ul>
        </section>
    }
}
