//! Axis pieces shared by the charts.

use crate::i18n::{Lang, number};
use wlz_scenario::chart::{Frame, Scale};
use yew::prelude::*;

/// Horizontal grid lines across the plot area of `frame`, one per tick value
/// (in the units of `y`), each labelled left of the plot.
pub fn y_grid(lang: Lang, frame: &Frame, y: &Scale, ticks: &[f64]) -> Html {
    let (left, right) = frame.x_range();
    html! {
        <g class="grid">
            {for ticks.iter().map(|&v| {
                let py = y.at(v).to_string();
                html! {
                    <g class="tick">
                        <line x1={left.to_string()} x2={right.to_string()} y1={py.clone()} y2={py.clone()} />
                        <text x={(left - 6.0).to_string()} y={py} dy="4" text-anchor="end">{number(lang, v, 0)}</text>
                    </g>
                }
            })}
        </g>
    }
}
