//! The fan chart: monthly intake percentiles as SVG. All geometry comes from
//! `wlz_engine::chart`; this component only places the strings.

use crate::i18n::{Lang, number, tr};
use std::rc::Rc;
use wlz_engine::chart::{Scale, band_path, line_path, nice_max, nice_ticks};
use wlz_engine::output::Report;
use yew::prelude::*;

/// Properties of [`FanChart`].
#[derive(Properties, PartialEq)]
pub struct FanChartProps {
    /// The result to draw.
    pub report: Rc<Report>,
    /// Page language.
    pub lang: Lang,
}

const W: f64 = 720.0;
const H: f64 = 320.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 36.0;
/// The reference baseline of the targets (clients/month), seed 004.
const BASELINE: f64 = 300.0;

/// The fan chart of a result.
#[function_component(FanChart)]
pub fn fan_chart(props: &FanChartProps) -> Html {
    let lang = props.lang;
    let months = &props.report.months;
    let column = |f: fn(&wlz_engine::output::MonthStats) -> f64| months.iter().map(f).collect::<Vec<f64>>();
    let (p5, p25, p50, p75, p95) =
        (column(|m| m.p5), column(|m| m.p25), column(|m| m.p50), column(|m| m.p75), column(|m| m.p95));
    let top = nice_max(p95.iter().copied().fold(BASELINE, f64::max) * 1.05);
    let x = Scale::new((0.0, months.len().saturating_sub(1) as f64), (LEFT, W - RIGHT));
    let y = Scale::new((0.0, top), (H - BOTTOM, TOP));
    let y_ticks = nice_ticks(top, 5).into_iter().map(|v| {
        let py = y.at(v);
        html! {
            <g class="tick">
                <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={py.to_string()} y2={py.to_string()} />
                <text x={(LEFT - 6.0).to_string()} y={(py + 4.0).to_string()} text-anchor="end">{number(lang, v, 0)}</text>
            </g>
        }
    });
    let x_ticks = months.iter().enumerate().filter_map(|(i, m)| {
        let month = m.month;
        (month.month() == 1 || i == 0).then(|| {
            let px = x.at(i as f64);
            html! {
                <g class="tick">
                    <line x1={px.to_string()} x2={px.to_string()} y1={(H - BOTTOM).to_string()} y2={(H - BOTTOM + 5.0).to_string()} />
                    <text x={px.to_string()} y={(H - BOTTOM + 18.0).to_string()} text-anchor="middle">{month.year().to_string()}</text>
                </g>
            }
        })
    });
    let baseline_y = y.at(BASELINE).to_string();
    html! {
        <figure class="fan">
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-labelledby="fan-title fan-desc" class="fan-svg">
                <title id="fan-title">{tr(lang, "chart.title")}</title>
                <desc id="fan-desc">{tr(lang, "chart.desc")}</desc>
                <g class="grid">{for y_ticks}</g>
                <g class="axis">{for x_ticks}</g>
                <path class="band90" d={band_path(&p5, &p95, &x, &y)} />
                <path class="band50" d={band_path(&p25, &p75, &x, &y)} />
                <line class="baseline" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={baseline_y.clone()} y2={baseline_y} />
                <path class="median" d={line_path(&p50, &x, &y)} data-testid="median" />
                <text class="axis-label" x="4" y={(TOP + 4.0).to_string()}>{tr(lang, "chart.y")}</text>
            </svg>
            <figcaption class="legend">
                <span class="key median">{tr(lang, "chart.median")}</span>
                <span class="key band50">{tr(lang, "chart.band50")}</span>
                <span class="key band90">{tr(lang, "chart.band90")}</span>
                <span class="key baseline">{tr(lang, "chart.baseline")}</span>
            </figcaption>
        </figure>
    }
}
