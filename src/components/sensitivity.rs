//! "What matters most": a tornado chart of P(target) with each uncertain
//! assumption at its 10th and 90th percentile, and the rank correlation of
//! each sampled quantity with the target outcome (`wlz_scenario::sensitivity`).

use super::ask::{AskProps, PanelText, panel, refused, runs_line, target_key, target_select};
use crate::i18n::{Lang, number, percent, tr};
use crate::state::Action;
use crate::t;
use wlz_scenario::chart::{Frame, Scale};
use wlz_scenario::params::{self, Key};
use wlz_scenario::protocol::{Answer, Question};
use wlz_scenario::sensitivity::{Driver, Sensitivity, TornadoBar};
use wlz_scenario::target::TargetId;
use yew::prelude::*;

/// Room above the first bar (SVG user units).
const TOP: f64 = 26.0;
/// Height of one parameter's row: its name above, its bar below (SVG user units).
const ROW: f64 = 46.0;
/// Height of a bar (SVG user units).
const BAR: f64 = 18.0;

/// The tornado's surface; its height grows with the number of bars.
fn frame(bars: usize) -> Frame {
    Frame { width: 720.0, height: TOP + ROW * bars as f64 + 8.0, left: 120.0, right: 120.0, top: TOP, bottom: 8.0 }
}

/// The catalogue key of a tornado parameter's short name.
pub fn key_name(key: Key) -> &'static str {
    Driver::of_key(key).map_or("?", driver_key)
}

/// The catalogue key of a sampled quantity's short name.
pub fn driver_key(driver: Driver) -> &'static str {
    match driver {
        Driver::Level => "sens.level",
        Driver::Trend => "sens.trend",
        Driver::Eps => "sens.eps",
        Driver::Theta => "sens.theta",
        Driver::Fluctuation => "sens.fluctuation",
    }
}

fn value_text(lang: Lang, key: Key, value: f64) -> String {
    match key {
        Key::Level => format!("{} {}", number(lang, value, 0), t!(lang, "sens.per_month")),
        Key::Trend => format!("{}% {}", number(lang, value, 1), t!(lang, "sens.per_year")),
        _ => format!("{}%", number(lang, value, 1)),
    }
}

/// A probability domain around every value shown, on whole tenths (share 0..1).
fn domain(s: &Sensitivity) -> (f64, f64) {
    let values = s.tornado.iter().flat_map(|b| [b.low, b.high]).chain([s.base]).flatten().map(|p| p.p);
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let lo = ((lo * 10.0).floor() / 10.0).max(0.0);
    let hi = ((hi * 10.0).ceil() / 10.0).min(1.0);
    if hi > lo { (lo, hi) } else { ((lo - 0.1).max(0.0), (hi + 0.1).min(1.0)) }
}

fn bar_row(lang: Lang, i: usize, bar: &TornadoBar, x: &Scale, base: f64) -> Html {
    let (Some(low), Some(high)) = (bar.low, bar.high) else { return html! {} };
    let y = TOP + ROW * i as f64 + 18.0;
    let part = |p: f64, class: &'static str| {
        let (a, b) = (x.at(base.min(p)), x.at(base.max(p)));
        html! { <rect class={class} x={a.to_string()} y={y.to_string()} width={(b - a).max(1.0).to_string()} height={BAR.to_string()} /> }
    };
    // The higher probability is labelled right of its bar, the lower one left (also when both equal the base).
    let label = |p: f64, value: f64, right: bool| {
        let px = if right { x.at(p).max(x.at(base)) + 6.0 } else { x.at(p).min(x.at(base)) - 6.0 };
        html! {
            <text class="bar-value" x={px.to_string()} y={(y + 13.0).to_string()} text-anchor={if right { "start" } else { "end" }}>
                {format!("{} ({})", percent(lang, p, 1), value_text(lang, bar.key, value))}
            </text>
        }
    };
    html! {
        <g class="tornado-row" data-testid={format!("tornado-{}", params::spec(bar.key).name)}>
            <text class="bar-name" x="4" y={(y - 5.0).to_string()}>{tr(lang, key_name(bar.key))}</text>
            {part(low.p, "tornado-low")}
            {part(high.p, "tornado-high")}
            {label(low.p, bar.low_value, low.p > high.p)}
            {label(high.p, bar.high_value, high.p >= low.p)}
        </g>
    }
}

fn tornado(lang: Lang, s: &Sensitivity) -> Html {
    let Some(base) = s.base else { return html! { <p class="outside">{t!(lang, "target.outside")}</p> } };
    let frame = frame(s.tornado.len());
    let x = frame.x(domain(s));
    let base_x = x.at(base.p).to_string();
    let (top, bottom) = (frame.top - 6.0, frame.height - frame.bottom);
    // At a probability of 0 or 1 for every setting the bars have no width: the rank correlations still tell.
    let flat = s.tornado.iter().all(|b| b.swing.is_none_or(|w| w == 0.0));
    html! {
        <>
        if flat { <p class="notice" data-testid="tornado-flat">{t!(lang, "sens.flat")}</p> }
        <figure class="tornado">
            <svg viewBox={frame.view_box()} role="img" aria-labelledby="tornado-title tornado-desc" class="tornado-svg" data-testid="tornado">
                <title id="tornado-title">{t!(lang, "sens.chart")}</title>
                <desc id="tornado-desc">{t!(lang, "sens.chart.desc")}</desc>
                {for s.tornado.iter().enumerate().map(|(i, bar)| bar_row(lang, i, bar, &x, base.p))}
                <line class="zero" x1={base_x.clone()} x2={base_x.clone()} y1={top.to_string()} y2={bottom.to_string()} />
                <text class="axis-label" x={base_x} y={(top - 4.0).to_string()} text-anchor="middle">
                    {format!("{} {}", t!(lang, "sens.base"), percent(lang, base.p, 1))}
                </text>
            </svg>
            <figcaption>
                <span class="key tornado-low" aria-hidden="true"></span>{t!(lang, "sens.low")}{" "}
                <span class="key tornado-high" aria-hidden="true"></span>{t!(lang, "sens.high")}
            </figcaption>
        </figure>
        </>
    }
}

fn tornado_table(lang: Lang, s: &Sensitivity) -> Html {
    let p = |p: Option<wlz_scenario::stats::Probability>| p.map_or("–".to_string(), |p| percent(lang, p.p, 1));
    super::table_scroll::scroll_box(
        t!(lang, "sens.table"),
        html! {
            <table class="data" data-testid="tornado-table">
                <caption>{t!(lang, "sens.table")}</caption>
                <thead><tr>
                    <th scope="col">{t!(lang, "sens.parameter")}</th>
                    <th scope="col">{t!(lang, "sens.p10")}</th><th scope="col">{t!(lang, "sens.chance")}</th>
                    <th scope="col">{t!(lang, "sens.p90")}</th><th scope="col">{t!(lang, "sens.chance")}</th>
                </tr></thead>
                <tbody>
                    {for s.tornado.iter().map(|b| html! {
                        <tr>
                            <th scope="row">{tr(lang, key_name(b.key))}</th>
                            <td>{value_text(lang, b.key, b.low_value)}</td><td>{p(b.low)}</td>
                            <td>{value_text(lang, b.key, b.high_value)}</td><td>{p(b.high)}</td>
                        </tr>
                    })}
                </tbody>
            </table>
        },
    )
}

fn correlations(lang: Lang, s: &Sensitivity) -> Html {
    super::table_scroll::scroll_box(
        t!(lang, "sens.rank"),
        html! {
            <table class="data" data-testid="correlations">
                <caption>{t!(lang, "sens.rank")}</caption>
                <thead><tr>
                    <th scope="col">{t!(lang, "sens.quantity")}</th>
                    <th scope="col">{t!(lang, "sens.rho")}</th>
                    <th scope="col">{t!(lang, "sens.reading")}</th>
                </tr></thead>
                <tbody>
                    {for s.correlations.iter().map(|c| {
                        let reading = match c.rho {
                            Some(r) if r.abs() < 0.1 => t!(lang, "sens.weak"),
                            Some(r) if r > 0.0 => t!(lang, "sens.more"),
                            Some(_) => t!(lang, "sens.less"),
                            None => t!(lang, "sens.fixed"),
                        };
                        html! {
                            <tr data-testid={format!("rho-{}", driver_key(c.driver))}>
                                <th scope="row">{tr(lang, driver_key(c.driver))}</th>
                                <td>{c.rho.map_or("–".to_string(), |r| number(lang, r, 2))}</td>
                                <td>{reading}</td>
                            </tr>
                        }
                    })}
                </tbody>
            </table>
        },
    )
}

/// The "what matters most" panel.
#[function_component(SensitivityPanel)]
pub fn sensitivity_panel(props: &AskProps) -> Html {
    let lang = props.lang;
    let target = use_state(|| TargetId::ALL[0]);
    let on_target = {
        let target = target.clone();
        Callback::from(move |t| target.set(t))
    };
    let onsubmit = {
        let (dispatch, target) = (props.dispatch.clone(), *target);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.emit(Action::Ask(Question::Sensitivity { target }));
        })
    };
    let result = props.asked.as_ref().map(|asked| match asked.answer.as_deref() {
        None => html! { <p class="status">{t!(lang, "sens.running")}</p> },
        Some(Ok(Answer::Sensitivity(s))) => html! {
            <>
                <p class="sens-for">{tr(lang, target_key(s.target))}</p>
                {tornado(lang, s)}
                {tornado_table(lang, s)}
                {correlations(lang, s)}
                {runs_line(lang, s.runs, asked.elapsed_ms)}
            </>
        },
        Some(Err(message)) => refused(lang, message),
        Some(Ok(_)) => html! {},
    });
    let form = html! {
        <form class="solve-form" {onsubmit}>
            {target_select(lang, "sens-target", *target, on_target)}
            <button type="submit">{t!(lang, "sens.go")}</button>
        </form>
    };
    panel(lang, PanelText { name: "sens", title: "sens", intro: "sens.intro" }, form, result, props.stale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quantity_has_a_name() {
        for driver in Driver::ALL {
            assert!(crate::i18n::has(driver_key(driver)), "{driver:?}");
        }
    }
}
