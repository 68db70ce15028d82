//! How fresh a result is: the model version, the last observed month (or
//! that it works from what was known in December 2023) and the date of the
//! sources. Shown with every result; the exports carry the same line.

use crate::i18n::{Lang, month_name};
use crate::t;
use wlz_scenario::output::Report;
use wlz_scenario::{Month, SOURCES_DATE};
use yew::prelude::*;

/// The freshness line of `report` in `lang` (plain text, also for the exports).
pub fn freshness_text(lang: Lang, report: &Report) -> String {
    let observed = match report.last_observed.filter(|m| *m >= Month::new(2024, 1)) {
        Some(month) => t!(lang, "fresh.observed").replace("{month}", &month_name(lang, month)),
        None => t!(lang, "fresh.none").to_string(),
    };
    let (year, month, day) = SOURCES_DATE;
    let date = format!("{day} {}", month_name(lang, Month::new(year, month)));
    let sources = t!(lang, "fresh.sources").replace("{date}", &date);
    format!("{} {} · {observed} · {sources}", t!(lang, "fresh.model"), report.model_version)
}

/// What [`freshness`] shows.
#[derive(PartialEq)]
pub struct FreshnessProps {
    /// The result shown.
    pub report: std::rc::Rc<Report>,
    /// Page language.
    pub lang: Lang,
}

/// The freshness line of the shown result.
pub fn freshness(props: &FreshnessProps) -> Html {
    html! { <p class="freshness" data-testid="freshness">{freshness_text(props.lang, &props.report)}</p> }
}
