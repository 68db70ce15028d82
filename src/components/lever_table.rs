//! "Which measure matters most": the lever table. Each lever alone at its
//! strongest value and 10 points from today's, with the chance of each target
//! and the clients averted, on common random numbers, computed by the engine
//! in the worker (`wlz_scenario::lever_rank`) and sorted there. The regional
//! lever is marked as an assumed direct cut.

use super::ask::{AskProps, PanelText, panel, refused, runs_line};
use crate::i18n::{Lang, number, percent, tr};
use crate::state::Action;
use crate::t;
use wlz_scenario::lever_rank::{LeverEffect, LeverRanking};
use wlz_scenario::protocol::{Answer, Question};
use wlz_scenario::stats::Probability;
use wlz_scenario::target::TargetId;
use yew::prelude::*;

/// A probability with one decimal, or "–" when the target's window is not inside the projection.
fn chance(lang: Lang, p: Option<&Option<Probability>>) -> String {
    match p {
        Some(Some(p)) => percent(lang, p.p, 1),
        _ => number(lang, f64::NAN, 0),
    }
}

/// A lever's value in percent, as few decimals as it needs (at most 2).
fn value(lang: Lang, v: f64) -> String {
    let decimals = (0..2).find(|&d| ((v * 10f64.powi(d)).round() - v * 10f64.powi(d)).abs() < 1e-9).unwrap_or(2);
    format!("{}%", number(lang, v, decimals as usize))
}

/// The cells of one setting: its value, the chance of each target, the clients averted.
fn cells(lang: Lang, effect: &LeverEffect) -> Html {
    html! {
        <>
            <td>{value(lang, effect.value)}</td>
            {for TargetId::ALL.iter().map(|t| html! { <td>{chance(lang, effect.targets.get(*t as usize))}</td> })}
            <td class="averted">{number(lang, effect.averted, 0)}</td>
        </>
    }
}

/// The column headings of one setting, below its group heading.
fn setting_columns(lang: Lang) -> Html {
    html! {
        <>
            <th scope="col">{t!(lang, "rank.value")}</th>
            {for TargetId::ALL.iter().map(|t| html! {
                <th scope="col">{t!(lang, "rank.chance")}{" "}{tr(lang, t.row().chart_label)}</th>
            })}
            <th scope="col">{t!(lang, "rank.averted")}</th>
        </>
    }
}

/// The table of an answer.
fn table(lang: Lang, ranking: &LeverRanking) -> Html {
    let span = (TargetId::ALL.len() + 2).to_string();
    let without = TargetId::ALL
        .iter()
        .map(|t| format!("{} {}", tr(lang, t.row().chart_label), chance(lang, ranking.without.get(*t as usize))))
        .collect::<Vec<_>>()
        .join(", ");
    let assumed = ranking.rows.iter().any(|r| r.assumed_cut);
    html! {
        <>
            <div class="table-scroll" role="region" aria-labelledby="rank-caption" tabindex="0">
                <table class="data rank-table" data-testid="rank-table">
                    <caption id="rank-caption">{t!(lang, "rank.caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col" rowspan="2">{t!(lang, "rank.lever")}</th>
                            <th scope="col" rowspan="2">{t!(lang, "rank.today")}</th>
                            <th scope="colgroup" colspan={span.clone()}>{t!(lang, "rank.strongest")}</th>
                            <th scope="colgroup" colspan={span}>{t!(lang, "rank.per_ten")}</th>
                        </tr>
                        <tr>{setting_columns(lang)}{setting_columns(lang)}</tr>
                    </thead>
                    <tbody>
                        {for ranking.rows.iter().map(|row| html! {
                            <tr data-testid={format!("rank-{}", row.lever.name())} data-assumed-cut={row.assumed_cut.to_string()}>
                                <th scope="row">
                                    {tr(lang, row.lever.row().short)}
                                    if row.assumed_cut { <span class="assumed-cut">{" ("}{t!(lang, "rank.assumed")}{")"}</span> }
                                </th>
                                <td>{value(lang, row.today)}</td>
                                {cells(lang, &row.strongest)}
                                {cells(lang, &row.per_ten)}
                            </tr>
                        })}
                    </tbody>
                </table>
            </div>
            <p class="rank-without" data-testid="rank-without">{t!(lang, "rank.without")}{" "}{without}{"."}</p>
            if assumed { <p class="help">{t!(lang, "rank.assumed.note")}</p> }
            <p class="help">{t!(lang, "rank.reading")}</p>
        </>
    }
}

/// The "which measure matters most" panel.
pub fn lever_table(props: &AskProps) -> Html {
    let lang = props.lang;
    let onsubmit = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.emit(Action::Ask(Question::LeverRanking));
        })
    };
    let result = props.asked.as_ref().map(|asked| match asked.answer.as_deref() {
        None => html! { <p class="status">{t!(lang, "rank.running")}</p> },
        Some(Ok(Answer::LeverRanking(ranking))) => html! {
            <>
                {table(lang, ranking)}
                {runs_line(lang, ranking.runs, asked.elapsed_ms)}
            </>
        },
        Some(Err(refusal)) => refused(lang, refusal),
        Some(Ok(_)) => html! {},
    });
    let form = html! {
        <form class="solve-form" {onsubmit}>
            <button type="submit">{t!(lang, "rank.go")}</button>
        </form>
    };
    panel(lang, PanelText { name: "rank", title: "rank", intro: "rank.intro" }, form, result, props.stale)
}
