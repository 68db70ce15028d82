//! The answer first: each target's probability, in a number and in words, in
//! a compact strip at the top of the result (on phones it stays in view while
//! the levers below it are moved).

use super::scorecard::likelihood_key;
use crate::i18n::{Lang, number, percent, tr};
use crate::t;
use std::rc::Rc;
use wlz_scenario::output::Report;
use wlz_scenario::target::TargetId;
use yew::prelude::*;

/// What [`summary`] shows.
#[derive(PartialEq)]
pub struct SummaryProps {
    /// The result shown, when there is one.
    pub report: Option<Rc<Report>>,
    /// True while a newer result is being computed.
    pub busy: bool,
    /// Page language.
    pub lang: Lang,
}

/// The strip with both targets' probabilities.
pub fn summary(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let item = |id: TargetId| {
        let target = props.report.as_ref().and_then(|r| r.targets.iter().find(|t| t.result.id == id));
        let name = match target {
            Some(t) => format!("{} ≤ {}", tr(lang, id.row().chart_label), number(lang, t.result.threshold, 0)),
            None => tr(lang, id.row().chart_label).to_string(),
        };
        let (chance, word) = match target.and_then(|t| t.result.probability) {
            Some(p) => (percent(lang, p, 1), tr(lang, likelihood_key(p))),
            None if target.is_some() => ("–".to_string(), t!(lang, "target.outside")),
            None => ("…".to_string(), t!(lang, "status.running")),
        };
        html! {
            <li class="summary-target" data-testid={format!("summary-{id}")}>
                <span class="summary-name">{name}</span>
                <span class="chance" data-testid={format!("p-{id}")}>{chance}</span>
                <span class="word">{word}</span>
            </li>
        }
    };
    html! {
        <section class="summary" aria-labelledby="summary-title" aria-live="polite" aria-busy={props.busy.to_string()}
            data-testid="summary">
            <h2 id="summary-title" class="visually-hidden">{t!(lang, "summary.label")}</h2>
            <ul>{for TargetId::ALL.into_iter().map(item)}</ul>
        </section>
    }
}
