//! The impact section: clients averted against no policy, the cumulative
//! intake, each lever's contribution (a bar chart around a zero axis), the
//! stock with an indication (a line chart) and the youth share of the intake.
//! All geometry comes from `wlz_scenario::chart`; this component only places
//! the strings.

use super::axes::y_grid;
use crate::i18n::{Lang, month_name, number, percent, tr};
use crate::t;
use std::rc::Rc;
use wlz_scenario::chart::{Frame, Scale, bars, diverging_domain, line_path, nice_span};
use wlz_scenario::output::{MonthStats, Report};
use wlz_scenario::stats::Summary;
use yew::prelude::*;

/// Properties of [`Impact`].
#[derive(Properties, PartialEq)]
pub struct ImpactProps {
    /// The result to show.
    pub report: Rc<Report>,
    /// Page language.
    pub lang: Lang,
}

/// Width of the contribution chart and the room left and right of the bars
/// for their value labels (SVG user units): wide screens, then phones (drawn
/// at about their displayed size, so the text shows at 12 px or more).
const BARS: [(f64, f64); 2] = [(560.0, 72.0), (340.0, 56.0)];
/// Top margin of the contribution chart (SVG user units).
const BARS_TOP: f64 = 4.0;
/// Height of one lever's row: its name above, its bar below (SVG user units).
const BARS_ROW: f64 = 46.0;
/// Height of one bar (SVG user units).
const BARS_BAR: f64 = 20.0;

/// The stock chart's surface (SVG user units).
const STOCK: Frame = Frame { width: 560.0, height: 200.0, left: 64.0, right: 16.0, top: 12.0, bottom: 28.0 };
/// The stock chart's surface on phones.
const STOCK_NARROW: Frame = Frame { width: 340.0, height: 180.0, left: 56.0, right: 12.0, top: 12.0, bottom: 28.0 };

/// The impact section of a result.
#[function_component(Impact)]
pub fn impact(props: &ImpactProps) -> Html {
    let (report, lang) = (&*props.report, props.lang);
    let narrow = crate::narrow::use_narrow();
    let runs = source(lang, report.runs);
    html! {
        <section class="impact" aria-labelledby="impact-title">
            <h2 id="impact-title">{t!(lang, "impact.title")}</h2>
            <dl class="figures">
                {summary_figure(lang, "averted", t!(lang, "impact.averted"), &report.averted,
                    &format!("{runs}. {} {} {}.", t!(lang, "impact.averted.note"), t!(lang, "impact.mean"),
                        number(lang, report.averted.mean, 0)))}
                {summary_figure(lang, "cumulative", t!(lang, "impact.cumulative"), &report.cumulative,
                    &format!("{runs}. {}", t!(lang, "impact.cumulative.note")))}
            </dl>
            {contributions(lang, report, &runs, BARS[usize::from(narrow)])}
            <dl class="figures">
                {summary_figure(lang, "stock", t!(lang, "impact.stock"), &report.stock_end,
                    &format!("{runs}. {}", t!(lang, "impact.stock.note")))}
                {youth_figure(lang, &report.months, &runs)}
            </dl>
            {stock_chart(lang, &report.months, &report.stock_end, if narrow { &STOCK_NARROW } else { &STOCK })}
        </section>
    }
}

/// "Source: model output, 10.000 runs".
fn source(lang: Lang, runs: u32) -> String {
    format!("{}, {} {}", t!(lang, "impact.source"), number(lang, f64::from(runs), 0), t!(lang, "impact.runs"))
}

/// One figure: a median in clients with its 90% interval and where it comes from.
fn summary_figure(lang: Lang, id: &str, label: &str, summary: &Summary, note: &str) -> Html {
    let interval = format!(
        "{}; {} {} {} {}",
        t!(lang, "impact.median"),
        t!(lang, "impact.interval"),
        number(lang, summary.p5, 0),
        t!(lang, "impact.to"),
        number(lang, summary.p95, 0)
    );
    html! {
        <div class="figure" data-testid={id.to_string()}>
            <dt>{label}</dt>
            <dd>
                <span class="value" data-testid={format!("{id}-median")}>{number(lang, summary.p50, 0)}</span>
                {" "}<span class="interval" data-testid={format!("{id}-interval")}>{interval}</span>
            </dd>
            <dd class="note">{note.to_string()}</dd>
        </div>
    }
}

/// A share (0..1) as a percentage with one decimal, or "–" when it is missing or not finite.
fn share_text(lang: Lang, share: Option<f64>) -> String {
    match share {
        Some(v) if v.is_finite() => percent(lang, v, 1),
        _ => number(lang, f64::NAN, 0),
    }
}

/// The youth share of the expected intake in the last and the first projected month.
fn youth_figure(lang: Lang, months: &[MonthStats], runs: &str) -> Html {
    let (first, last) = (months.first(), months.last());
    let when = |m: Option<&MonthStats>| m.map(|m| format!(" ({})", month_name(lang, m.month))).unwrap_or_default();
    html! {
        <div class="figure" data-testid="youth">
            <dt>{t!(lang, "impact.youth")}</dt>
            <dd>
                <span class="value" data-testid="youth-last">{share_text(lang, last.map(|m| m.youth_share))}</span>
                {" "}{t!(lang, "impact.youth.last")}{when(last)}{"; "}
                <span data-testid="youth-first">{share_text(lang, first.map(|m| m.youth_share))}</span>
                {" "}{t!(lang, "impact.youth.first")}{when(first)}
            </dd>
            <dd class="note">{format!("{runs}. {}", t!(lang, "impact.youth.note"))}</dd>
        </div>
    }
}

/// The contribution chart: one bar per lever from a zero axis, labelled with
/// its value. The axis is drawn beside each bar only, never through the
/// levers' names above the bars (also when every bar is 0).
fn contributions(lang: Lang, report: &Report, runs: &str, (width, pad): (f64, f64)) -> Html {
    let c = &report.contributions;
    let rows: Vec<(&str, &str, f64)> =
        c.iter().map(|(lever, &v)| (lever.name(), tr(lang, lever.row().short), v)).collect();
    let values: Vec<f64> = rows.iter().map(|r| r.2).collect();
    let x = Scale::new(diverging_domain(&values), (pad, width - pad));
    let height = BARS_TOP + rows.len() as f64 * BARS_ROW + 4.0;
    let zero = x.at(0.0).to_string();
    let drawn = rows.iter().zip(bars(&values, &x, BARS_TOP, BARS_ROW, BARS_BAR)).enumerate().map(|(i, (row, bar))| {
        let (id, name, value) = *row;
        let class = if bar.negative { "bar negative" } else { "bar positive" };
        html! {
            <g data-testid={format!("bar-{id}")}>
                <text class="bar-name" x="4" y={(BARS_TOP + i as f64 * BARS_ROW + 16.0).to_string()}>{name}</text>
                <rect class={class} x={bar.x.to_string()} y={bar.y.to_string()} width={bar.width.to_string()}
                    height={bar.height.to_string()} />
                <line class="zero" x1={zero.clone()} x2={zero.clone()} y1={(bar.y - 3.0).to_string()}
                    y2={(bar.y + bar.height + 3.0).to_string()} />
                <text class="bar-value" x={bar.label_x.to_string()} y={bar.label_y.to_string()}
                    text-anchor={if bar.negative { "end" } else { "start" }}>{number(lang, value, 0)}</text>
            </g>
        }
    });
    html! {
        <figure class="contrib">
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-labelledby="contrib-title contrib-desc"
                class="contrib-svg">
                <title id="contrib-title">{t!(lang, "impact.contrib.title")}</title>
                <desc id="contrib-desc">{t!(lang, "impact.contrib.desc")}</desc>
                {for drawn}
            </svg>
            <figcaption>
                <strong>{t!(lang, "impact.contrib.title")}</strong>{". "}{t!(lang, "impact.contrib.desc")}
                <span class="note" data-testid="contrib-sum">{format!(" {runs}. {} {}, {} ({}); {}.", t!(lang, "impact.contrib.note"),
                    number(lang, values.iter().sum::<f64>(), 0), t!(lang, "impact.contrib.mean"),
                    number(lang, report.averted.mean, 0), t!(lang, "impact.contrib.median"))}</span>
            </figcaption>
        </figure>
    }
}

/// Smallest and largest finite value of `values`; (inf, -inf) when there is none.
fn extent(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.filter(|v| v.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)))
}

/// The stock chart: the mean stock at the end of each month as a line, with
/// the 90% interval of the stock at the horizon (`end`) as a whisker on the right.
fn stock_chart(lang: Lang, months: &[MonthStats], end: &Summary, frame: &Frame) -> Html {
    let (Some(first), Some(last)) = (months.first(), months.last()) else { return Html::default() };
    let values: Vec<f64> = months.iter().map(|m| m.stock_mean).collect();
    let (lo, hi) = extent(values.iter().copied().chain([end.p5, end.p95]));
    let ticks = nice_span(lo, hi, 4);
    let (bottom, top) = (ticks.first().copied().unwrap_or(0.0), ticks.last().copied().unwrap_or(1.0));
    let x = frame.x((0.0, (values.len() - 1) as f64));
    let y = frame.y((bottom, top));
    let year = |px: f64, m: &MonthStats, anchor: &'static str| {
        html! {
            <text x={px.to_string()} y={(frame.height - 8.0).to_string()} text-anchor={anchor}>{m.month.year().to_string()}</text>
        }
    };
    let end_x = x.at((values.len() - 1) as f64);
    html! {
        <figure class="stock">
            <svg viewBox={frame.view_box()} role="img" aria-labelledby="stock-title stock-desc"
                class="stock-svg">
                <title id="stock-title">{t!(lang, "impact.stock.chart")}</title>
                <desc id="stock-desc">{t!(lang, "impact.stock.desc")}</desc>
                {y_grid(lang, frame, &y, &ticks)}
                <g class="axis">{year(frame.left, first, "start")}{year(frame.x_range().1, last, "end")}</g>
                {whisker(end_x, y.at(end.p5), y.at(end.p95))}
                <path class="stock-line" d={line_path(&values, &x, &y)} data-testid="stock-path" />
            </svg>
            <figcaption>
                <strong>{t!(lang, "impact.stock.chart")}</strong>{". "}{t!(lang, "impact.stock.desc")}
            </figcaption>
        </figure>
    }
}

/// A vertical interval at `x` from `y1` to `y2` with short caps (SVG user units);
/// nothing when an end is not finite.
fn whisker(x: f64, y1: f64, y2: f64) -> Html {
    if !(x.is_finite() && y1.is_finite() && y2.is_finite()) {
        return Html::default();
    }
    let cap = |y: f64| {
        html! { <line x1={(x - 5.0).to_string()} x2={(x + 5.0).to_string()} y1={y.to_string()} y2={y.to_string()} /> }
    };
    html! {
        <g class="whisker" data-testid="stock-interval">
            <line x1={x.to_string()} x2={x.to_string()} y1={y1.to_string()} y2={y2.to_string()} />
            {cap(y1)}{cap(y2)}
        </g>
    }
}
