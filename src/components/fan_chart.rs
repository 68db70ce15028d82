//! The fan chart: monthly intake percentiles, the reference baseline, each
//! target's threshold over its window and the observed figures before the
//! projection. Hover or keyboard focus shows a month's values; a toggle shows
//! the same data as a table. Geometry comes from `wlz_scenario::chart`.

use super::axes::y_grid;
use super::provenance::source_link;
use crate::i18n::{Lang, month_name, number, tr};
use crate::t;
use std::rc::Rc;
use wlz_scenario::Month;
use wlz_scenario::chart::{Frame, Label, band_path, clear_labels, line_path, nice_max, nice_ticks};
use wlz_scenario::observed::ObservedSeries;
use wlz_scenario::output::{MonthStats, Report};
use wlz_scenario::params::{OBSERVED, Observed};
use wlz_scenario::target::WindowStatus;
use yew::prelude::*;

/// Properties of [`FanChart`].
#[derive(Properties, PartialEq)]
pub struct FanChartProps {
    /// The result to draw.
    pub report: Rc<Report>,
    /// Page language.
    pub lang: Lang,
    /// The targets' reference level (clients/month), drawn as a line.
    pub baseline: f64,
    /// Observed monthly intake entered by the user, drawn as points.
    #[prop_or_default]
    pub points: Option<Rc<ObservedSeries>>,
}

/// The chart's surface on wide screens (SVG user units). The top margin holds
/// the axis title a line above the top tick label.
const WIDE: Frame = Frame { width: 720.0, height: 340.0, left: 52.0, right: 12.0, top: 24.0, bottom: 40.0 };
/// The surface on phones: about the displayed size, so 12-unit text shows at 12 px or more.
pub const NARROW: Frame = Frame { width: 340.0, height: 250.0, left: 40.0, right: 8.0, top: 26.0, bottom: 34.0 };
/// The chart text's font size on wide screens and on phones (user units; `.fan text` in styles/app.css).
const FONT: (f64, f64) = (12.0, 12.5);
/// The axis title's baseline above the plot's top edge (user units): its line ends above the top tick label's.
const TITLE_RISE: f64 = 12.0;
/// Observed figures are shown when they end at most this many months before the start.
const OBSERVED_REACH: i32 = 36;

/// The first month of the x axis (relative to the start, <= 0) and the
/// observed figures shown: the sourced ones that end at most
/// [`OBSERVED_REACH`] months before the start, and the user's points from
/// that many months before the start on.
fn x_extent(start: Month, points: Option<&ObservedSeries>) -> (i32, Vec<&'static Observed>) {
    let shown: Vec<_> = OBSERVED.iter().filter(|o| o.to < start && start.since(o.to) <= OBSERVED_REACH).collect();
    let earliest_point =
        points.and_then(|s| s.points.first()).map(|p| p.month.since(start)).filter(|&offset| offset >= -OBSERVED_REACH);
    let first = shown.iter().map(|o| o.from.since(start)).chain(earliest_point).min().unwrap_or(0).min(0);
    (first, shown)
}

fn column(months: &[MonthStats], f: fn(&MonthStats) -> f64) -> Vec<f64> {
    months.iter().map(f).collect()
}

/// A month's values in words; with the observed count of that month when there is one.
fn readout(lang: Lang, m: &MonthStats, observed: Option<f64>) -> String {
    let observed = observed.map_or_else(String::new, |c| format!("; {} {}", t!(lang, "obs.point"), number(lang, c, 0)));
    format!(
        "{}: {} {}; 50%: {}–{}; 90%: {}–{}; {} {}{observed}",
        month_name(lang, m.month),
        t!(lang, "chart.median"),
        number(lang, m.p50, 0),
        number(lang, m.p25, 0),
        number(lang, m.p75, 0),
        number(lang, m.p5, 0),
        number(lang, m.p95, 0),
        t!(lang, "chart.mean"),
        number(lang, m.mean, 1),
    )
}

/// The chart as a table; with observed points (month offset, count) a column of them.
fn table(lang: Lang, months: &[MonthStats], points: &[(i32, f64)]) -> Html {
    let observed = |i: usize| points.iter().find(|p| p.0 == i as i32).map(|p| p.1);
    super::table_scroll::scroll_box(
        t!(lang, "chart.table.caption"),
        html! {
            <table class="fan-table">
                <caption>{t!(lang, "chart.table.caption")}</caption>
                <thead><tr>
                    <th scope="col">{t!(lang, "unit.month")}</th>
                    <th scope="col">{"p5"}</th><th scope="col">{"p25"}</th>
                    <th scope="col">{t!(lang, "chart.median")}</th>
                    <th scope="col">{"p75"}</th><th scope="col">{"p95"}</th>
                    <th scope="col">{t!(lang, "chart.mean")}</th>
                    if !points.is_empty() { <th scope="col">{t!(lang, "obs.point")}</th> }
                </tr></thead>
                <tbody>
                    {for months.iter().enumerate().map(|(i, m)| html! {
                        <tr>
                            <th scope="row">{m.month.to_string()}</th>
                            <td>{number(lang, m.p5, 0)}</td><td>{number(lang, m.p25, 0)}</td>
                            <td>{number(lang, m.p50, 0)}</td><td>{number(lang, m.p75, 0)}</td>
                            <td>{number(lang, m.p95, 0)}</td><td>{number(lang, m.mean, 1)}</td>
                            if !points.is_empty() { <td>{observed(i).map_or_else(String::new, |c| number(lang, c, 0))}</td> }
                        </tr>
                    })}
                </tbody>
            </table>
        },
    )
}

/// The fan chart of a result.
#[function_component(FanChart)]
pub fn fan_chart(props: &FanChartProps) -> Html {
    let selected = use_state(|| None::<usize>);
    let as_table = use_state(|| false);
    let narrow = crate::narrow::use_narrow();
    let frame = if narrow { NARROW } else { WIDE };
    let font = if narrow { FONT.1 } else { FONT.0 };
    let (w, h, top_margin, bottom) = (frame.width, frame.height, frame.top, frame.bottom);
    let lang = props.lang;
    let months = &props.report.months;
    let Some(start) = months.first().map(|m| m.month) else { return html! {} };
    let n = months.len();
    let (first, observed) = x_extent(start, props.points.as_deref());
    let points: Vec<(i32, f64)> = props
        .points
        .iter()
        .flat_map(|s| s.points.iter())
        .map(|p| (p.month.since(start), f64::from(p.count)))
        .filter(|&(offset, _)| offset >= first && offset < n as i32)
        .collect();
    let (p5, p25, p50, p75, p95) = (
        column(months, |m| m.p5),
        column(months, |m| m.p25),
        column(months, |m| m.p50),
        column(months, |m| m.p75),
        column(months, |m| m.p95),
    );
    let highest = p95
        .iter()
        .copied()
        .chain(observed.iter().map(|o| o.high))
        .chain(points.iter().map(|p| p.1))
        .fold(props.baseline, f64::max);
    let top = nice_max(highest * 1.05);
    // The x scale runs over months relative to the start, so the fan's point i sits at x.at(i).
    let x = frame.x((f64::from(first), (n.max(1) - 1) as f64));
    let y = frame.y((0.0, top));
    let hline = |value: f64, from: f64, to: f64, class: &'static str| {
        let py = y.at(value).to_string();
        html! { <line class={class} x1={x.at(from).to_string()} x2={x.at(to).to_string()} y1={py.clone()} y2={py} /> }
    };
    let x_ticks = (first..n as i32).map(|i| {
        let month = start.plus(i);
        let px = x.at(f64::from(i));
        let year = month.month() == 1;
        let labelled = year && (!narrow || month.year() % 2 == 0);
        html! {
            <g class={if year { "tick year" } else { "tick month" }}>
                <line x1={px.to_string()} x2={px.to_string()} y1={(h - bottom).to_string()}
                    y2={(h - bottom + if year { 6.0 } else { 3.0 }).to_string()} />
                if labelled {
                    <text x={px.to_string()} y={(h - bottom + 18.0).to_string()} text-anchor="start">{month.year().to_string()}</text>
                }
            </g>
        }
    });
    let observed_labels: Vec<(String, Label)> = observed
        .iter()
        .map(|o| {
            let label = if o.low == o.high {
                format!("{}: ≈{}", o.from.year(), number(lang, o.low, 0))
            } else {
                format!("{}: {}–{}", o.from.year(), number(lang, o.low, 0), number(lang, o.high, 0))
            };
            let baseline = if o.low == o.high { y.at(o.low) + 14.0 } else { y.at(o.high) - 5.0 };
            let placed = Label::new(&label, x.at(f64::from(o.from.since(start))), baseline, font, false);
            (label, placed)
        })
        .collect();
    let observed_marks = observed.iter().zip(&observed_labels).map(|(o, (label, placed))| {
        let (from, to) = (f64::from(o.from.since(start)), f64::from(o.to.since(start)));
        html! {
            <g class="observed" data-source={o.source.row().name}>
                <title>{format!("{} {label} ({})", t!(lang, "chart.observed"), tr(lang, o.source.row().label))}</title>
                <rect x={x.at(from).to_string()} width={(x.at(to) - x.at(from)).max(1.0).to_string()}
                    y={y.at(o.high).min(y.at(o.low) - 3.0).to_string()} height={(y.at(o.low) - y.at(o.high)).max(3.0).to_string()} />
                <text x={placed.x.to_string()} y={placed.y.to_string()}>{label}</text>
            </g>
        }
    });
    // Each target's label goes under its line, at the window's start (its end
    // in the right half), and a line lower wherever it would meet another label.
    let shown_targets: Vec<_> = props
        .report
        .targets
        .iter()
        .map(|t| &t.result)
        .filter(|t| matches!(t.status, WindowStatus::Inside | WindowStatus::PartlyOutside))
        .map(|t| {
            let from = f64::from(t.window_from.since(start).max(0));
            let to = f64::from(t.window_to.since(start).min(n as i32 - 1)).max(from);
            let label = format!("{} ≤ {}", tr(lang, t.id.row().chart_label), number(lang, t.threshold, 0));
            let at_end = x.at(from) > w / 2.0;
            let placed =
                Label::new(&label, x.at(if at_end { to } else { from }), y.at(t.threshold) + 14.0, font, at_end);
            (t, from, to, label, placed)
        })
        .collect();
    let mut labels: Vec<Label> = observed_labels.iter().map(|o| o.1).chain(shown_targets.iter().map(|t| t.4)).collect();
    clear_labels(&mut labels, observed_labels.len(), h - bottom - 0.3 * font);
    let target_marks = shown_targets.iter().zip(&labels[observed_labels.len()..]).map(|((t, from, to, label, _), placed)| {
        html! {
            <g class={classes!("target-mark", t.id.name())}>
                {hline(t.threshold, *from, *to, "target-line")}
                <text x={placed.x.to_string()} y={placed.y.to_string()} text-anchor={placed.end_anchored.then_some("end")}>{label.clone()}</text>
            </g>
        }
    });
    let pick = {
        let selected = selected.clone();
        move |i: Option<usize>| selected.set(i)
    };
    // Pointer events: a mouse hovering and a finger tapping pick a month alike.
    let onpointermove = {
        let pick = pick.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(target) = e.current_target() else { return };
            let element: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(target);
            let rect = element.get_bounding_client_rect();
            if rect.width() <= 0.0 {
                return;
            }
            let px = (f64::from(e.client_x()) - rect.left()) / rect.width() * w;
            pick(Some(x.nearest_index(px, n)));
        })
    };
    // A finger lifted keeps its month shown; a mouse that leaves clears it.
    let onpointerleave = {
        let pick = pick.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" {
                pick(None);
            }
        })
    };
    let onkeydown = {
        let (pick, current) = (pick.clone(), *selected);
        Callback::from(move |e: KeyboardEvent| {
            let at = current.unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowUp" => (at + 1).min(n - 1),
                "ArrowLeft" | "ArrowDown" => at.saturating_sub(1),
                "PageUp" => (at + 12).min(n - 1),
                "PageDown" => at.saturating_sub(12),
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            pick(Some(next));
        })
    };
    let onfocus = {
        let (pick, current) = (pick.clone(), *selected);
        Callback::from(move |_| pick(Some(current.unwrap_or(0))))
    };
    let guide = selected.map(|i| {
        let px = x.at(i as f64).to_string();
        html! { <line class="guide" x1={px.clone()} x2={px} y1={top_margin.to_string()} y2={(h - bottom).to_string()} /> }
    });
    let toggle = {
        let as_table = as_table.clone();
        Callback::from(move |_| as_table.set(!*as_table))
    };
    let shown = selected.and_then(|i| months.get(i));
    html! {
        <figure class="fan">
            <div class="fan-head">
                <h2 id="fan-heading">{t!(lang, "chart.title")}</h2>
                <button type="button" class="toggle" onclick={toggle} aria-pressed={as_table.to_string()}>
                    {t!(lang, "chart.table")}
                </button>
            </div>
            if *as_table {
                {table(lang, months, &points)}
            } else {
                <svg viewBox={frame.view_box()} role="img" aria-labelledby="fan-title fan-desc"
                    class={classes!("fan-svg", narrow.then_some("narrow"))} tabindex="0" onpointerdown={onpointermove.clone()}
                    {onpointermove} {onpointerleave} {onkeydown} {onfocus} data-testid="fan"
                    data-start={months.first().map(|m| m.month.to_string()).unwrap_or_default()}>
                    <title id="fan-title">{t!(lang, "chart.title")}</title>
                    <desc id="fan-desc">{t!(lang, "chart.desc")}</desc>
                    {y_grid(lang, &frame, &y, &nice_ticks(top, 5))}
                    <g class="axis">{for x_ticks}</g>
                    <path class="band90" d={band_path(&p5, &p95, &x, &y)} />
                    <path class="band50" d={band_path(&p25, &p75, &x, &y)} />
                    {hline(props.baseline, f64::from(first), (n - 1) as f64, "baseline")}
                    // Over the bands: a label that runs on into the projection stays readable.
                    {for observed_marks}
                    {for target_marks}
                    <path class="median" d={line_path(&p50, &x, &y)} data-testid="median"
                        data-level={(p50.iter().sum::<f64>() / p50.len().max(1) as f64).to_string()} />
                    <g class="obs-points">
                        {for points.iter().map(|&(offset, count)| html! {
                            <circle class="obs-point" data-testid="obs-point" cx={x.at(f64::from(offset)).to_string()}
                                cy={y.at(count).to_string()} r="3.5">
                                <title>{format!("{} {}: {}", t!(lang, "obs.point"), month_name(lang, start.plus(offset)), number(lang, count, 0))}</title>
                            </circle>
                        })}
                    </g>
                    {guide}
                    <text class="axis-label" x="4" y={(top_margin - TITLE_RISE).to_string()}>{t!(lang, "chart.y")}</text>
                </svg>
            }
            <p class="readout" aria-live="polite" data-testid="readout">
                {match shown {
                    Some(m) => {
                        let i = selected.unwrap_or_default() as i32;
                        html! { {readout(lang, m, points.iter().find(|p| p.0 == i).map(|p| p.1))} }
                    }
                    None => html! {
                        <>
                            <span class="hint-pointer">{t!(lang, "chart.hint")}</span>
                            <span class="hint-touch">{t!(lang, "chart.hint.touch")}</span>
                        </>
                    },
                }}
            </p>
            <figcaption class="legend">
                <span class="key median">{t!(lang, "chart.median")}</span>
                <span class="key band50">{t!(lang, "chart.band50")}</span>
                <span class="key band90">{t!(lang, "chart.band90")}</span>
                <span class="key baseline">{t!(lang, "chart.baseline")}{" "}{number(lang, props.baseline, 0)}</span>
                <span class="key target">{t!(lang, "chart.targets")}</span>
                <span class="key observed">{t!(lang, "chart.observed.legend")}{" ("}
                    {for OBSERVED.iter().enumerate().map(|(i, o)| html! {
                        <>{if i > 0 { "; " } else { "" }}{o.from.year().to_string()}{": "}{source_link(lang, o.source)}</>
                    })}{")"}</span>
                if !points.is_empty() { <span class="key obs-point">{t!(lang, "obs.legend")}</span> }
            </figcaption>
        </figure>
    }
}
